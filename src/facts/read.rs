//! Observations from records: the fields the ledger needs, read leniently
//! (a record with fields this version does not know still reads), and a
//! folder of records read whole.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::key::EntryKey;
use super::observation::Observation;
use super::period::Span;
use crate::record::{Measure, Qualifier};

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

#[derive(Deserialize)]
struct FigureView {
    start: usize,
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

/// Which list of the record a figure is from.
#[derive(Clone, Copy)]
enum List {
    Money,
    Percentages,
    Quantities,
}

/// The observations of one record (its JSON text): every figure with a
/// measure.
pub fn observations_of_json(json: &[u8]) -> Result<Vec<Observation>, serde_json::Error> {
    let r: RecordView = serde_json::from_slice(json)?;
    let chars: Vec<usize> = r
        .text
        .body
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(r.text.body.len()))
        .collect();
    let sentence = |i: usize| -> String {
        let Some([a, b]) = r.text.sentences.get(i) else {
            return String::new();
        };
        let (Some(&a), Some(&b)) = (chars.get(*a), chars.get(*b)) else {
            return String::new();
        };
        r.text.body.get(a..b).unwrap_or_default().trim().to_string()
    };
    let published = r
        .published
        .as_ref()
        .and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());
    let article = r.title.clone().unwrap_or_else(|| r.source.path.clone());
    let mut out = Vec::new();
    let lists = [
        (List::Money, &r.money),
        (List::Percentages, &r.percentages),
        (List::Quantities, &r.quantities),
    ];
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
                None => format!("none:{}#{}", r.source.path, f.start),
            };
            let bound = |x: Option<f64>| x.map(|v| v * scale);
            let (min, max) = match (f.min, f.max) {
                (Some(a), Some(b)) => (Some(a * scale), Some(b * scale)),
                _ => (bound(m.low), bound(m.high)),
            };
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
                text: sentence(f.sentence),
                article: article.clone(),
                path: r.source.path.clone(),
                publisher: r.publisher.clone(),
                published,
                cited: m.cited.clone(),
                offset: f.start,
            });
        }
    }
    Ok(out)
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
