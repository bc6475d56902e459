//! Observations from records: the fields the ledger needs, read leniently
//! (a record with fields this version does not know still reads), and a
//! folder of records read whole.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::key::EntryKey;
use super::observation::Observation;
use super::period::Span;
use crate::index::rows::{CharIndex, sentence_around};
use crate::record::{Measure, Money, Percentage, Qualifier, Quantity, Record};

/// Why records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the records folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
struct RecordView {
    source: SourceView,
    title: Option<String>,
    published: Option<PublishedView>,
    publisher: Option<String>,
    text: TextView,
    #[serde(default)]
    money: Vec<FigureView>,
    #[serde(default)]
    percentages: Vec<FigureView>,
    #[serde(default)]
    quantities: Vec<FigureView>,
}

#[derive(Deserialize)]
struct SourceView {
    path: String,
}

#[derive(Deserialize)]
struct PublishedView {
    date: String,
}

#[derive(Deserialize)]
struct TextView {
    body: String,
    sentences: Vec<[usize; 2]>,
}

#[derive(Deserialize, Default)]
struct FigureView {
    start: usize,
    #[serde(default)]
    end: usize,
    sentence: usize,
    #[serde(default)]
    amount: Option<f64>,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    points: bool,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    si_value: Option<f64>,
    #[serde(default)]
    si_unit: Option<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    qualifier: Option<Qualifier>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    measure: Option<Measure>,
}

impl From<&Money> for FigureView {
    fn from(m: &Money) -> FigureView {
        FigureView {
            start: m.start,
            end: m.end,
            sentence: m.sentence,
            amount: Some(m.amount),
            currency: Some(m.currency.clone()),
            qualifier: m.qualifier,
            min: m.min,
            max: m.max,
            measure: m.measure.clone(),
            ..FigureView::default()
        }
    }
}

impl From<&Percentage> for FigureView {
    fn from(p: &Percentage) -> FigureView {
        FigureView {
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            value: Some(p.value),
            points: p.points,
            qualifier: p.qualifier,
            min: p.min,
            max: p.max,
            measure: p.measure.clone(),
            ..FigureView::default()
        }
    }
}

impl From<&Quantity> for FigureView {
    fn from(q: &Quantity) -> FigureView {
        FigureView {
            start: q.start,
            end: q.end,
            sentence: q.sentence,
            value: Some(q.value),
            unit: Some(q.unit.clone()),
            si_value: q.si_value,
            si_unit: q.si_unit.clone(),
            dimension: match serde_json::to_value(q.dimension) {
                Ok(serde_json::Value::String(d)) => Some(d),
                _ => None,
            },
            qualifier: q.qualifier,
            min: q.min,
            max: q.max,
            measure: q.measure.clone(),
            ..FigureView::default()
        }
    }
}

/// Which list of the record a figure is from.
#[derive(Clone, Copy)]
enum List {
    Money,
    Percentages,
    Quantities,
}

/// What the observations of one article take from its record.
struct ArticleView<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<&'a str>,
    publisher: Option<&'a str>,
    body: &'a str,
    sentences: &'a [[usize; 2]],
}

/// The observations of one record (its JSON text): every figure with a
/// measure.
pub fn observations_of_json(json: &[u8]) -> Result<Vec<Observation>, serde_json::Error> {
    let r: RecordView = serde_json::from_slice(json)?;
    let article = ArticleView {
        path: &r.source.path,
        title: r.title.as_deref(),
        published: r.published.as_ref().map(|p| p.date.as_str()),
        publisher: r.publisher.as_deref(),
        body: &r.text.body,
        sentences: &r.text.sentences,
    };
    Ok(observations(
        &article,
        [
            (List::Money, &r.money),
            (List::Percentages, &r.percentages),
            (List::Quantities, &r.quantities),
        ],
    ))
}

/// The observations of a parsed record (as the index writes it), the same
/// as [`observations_of_json`] gives for its file.
pub(crate) fn observations_of_record(r: &Record) -> Vec<Observation> {
    let article = ArticleView {
        path: &r.source.path,
        title: r.title.as_deref(),
        published: r.published.as_ref().map(|p| p.date.as_str()),
        publisher: r.publisher.as_deref(),
        body: &r.text.body,
        sentences: &r.text.sentences,
    };
    let money: Vec<FigureView> = r.money.iter().map(FigureView::from).collect();
    let percentages: Vec<FigureView> = r.percentages.iter().map(FigureView::from).collect();
    let quantities: Vec<FigureView> = r.quantities.iter().map(FigureView::from).collect();
    observations(
        &article,
        [
            (List::Money, &money),
            (List::Percentages, &percentages),
            (List::Quantities, &quantities),
        ],
    )
}

/// Every figure with a measure of `lists`, as observations of `r`. The
/// sentence is kept whole up to the index's limit, else the part around
/// the figure.
fn observations(r: &ArticleView<'_>, lists: [(List, &Vec<FigureView>); 3]) -> Vec<Observation> {
    let chars = CharIndex::new(r.body);
    let published = r
        .published
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let article = r.title.unwrap_or(r.path).to_string();
    let mut out = Vec::new();
    for (list, figures) in lists {
        for f in figures {
            let Some(m) = &f.measure else {
                continue;
            };
            let Some((value, unit, scale)) = value_and_unit(list, f) else {
                continue;
            };
            let entity_key = match &m.entity {
                Some(e) => e.key.clone(),
                None => format!("none:{}#{}", r.path, f.start),
            };
            let bound = |x: Option<f64>| x.map(|v| v * scale);
            let (min, max) = match (f.min, f.max) {
                (Some(a), Some(b)) => (Some(a * scale), Some(b * scale)),
                _ => (bound(m.low), bound(m.high)),
            };
            let text = r
                .sentences
                .get(f.sentence)
                .map(|&span| sentence_around(r.body, &chars, span, f.start, f.end.max(f.start)))
                .unwrap_or_default();
            out.push(Observation {
                key: EntryKey {
                    kind: m.kind.name(),
                    measure: m.key.clone(),
                    of: m.of.clone(),
                    unit,
                    entity: entity_key,
                },
                entity: m.entity.as_ref().map(|e| e.name.clone()),
                context: m.entity.as_ref().is_some_and(|e| e.context),
                period: m
                    .period
                    .as_ref()
                    .and_then(|p| Span::parse(&p.start, &p.end)),
                period_text: m.period.as_ref().map(|p| p.text.clone()),
                thing: m.thing.clone(),
                value,
                min,
                max,
                qualifier: f.qualifier,
                text,
                article: article.clone(),
                path: r.path.to_string(),
                publisher: r.publisher.map(str::to_string),
                published,
                cited: m.cited.clone(),
                offset: f.start,
            });
        }
    }
    out
}

/// A figure's value in the unit the ledger compares it in, the unit's
/// name, and the factor from the record's unit to it (SI for measurements).
fn value_and_unit(list: List, f: &FigureView) -> Option<(f64, String, f64)> {
    match list {
        List::Money => Some((f.amount?, f.currency.clone()?, 1.0)),
        List::Percentages => {
            let unit = if f.points { "pp" } else { "%" };
            Some((f.value?, unit.to_string(), 1.0))
        }
        List::Quantities => {
            let v = f.value?;
            if f.dimension.as_deref() == Some("count") {
                return Some((v, "count".to_string(), 1.0));
            }
            match (f.si_value, &f.si_unit) {
                (Some(si), Some(unit)) if v != 0.0 => Some((si, unit.clone(), si / v)),
                _ => Some((v, f.unit.clone()?, 1.0)),
            }
        }
    }
}

/// Record files that could not be read, each with why.
pub type Unreadable = Vec<(PathBuf, String)>;

/// Every observation of the records below `dir` (`*.json` files, sorted
/// by path), with the files that could not be read and why; a bad file is
/// reported, not fatal.
pub fn read_folder(dir: &Path) -> Result<(Vec<Observation>, Unreadable), ReadError> {
    let mut files = Vec::new();
    walk(dir, &mut files).map_err(|source| ReadError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    files.sort();
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for path in files {
        match std::fs::read(&path) {
            Ok(bytes) => match observations_of_json(&bytes) {
                Ok(obs) => out.extend(obs),
                Err(e) => bad.push((path, e.to_string())),
            },
            Err(e) => bad.push((path, e.to_string())),
        }
    }
    Ok((out, bad))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}
