//! One article from bytes to record: decode → parse → extract → assemble.
//! Shared by the daemon, `process` and `extract`, so all three give the same
//! record for the same bytes.

use std::time::{Duration, Instant, SystemTime};

use crate::document::offsets::CharOffsets;
use crate::document::{self, Document, DocumentError};
use crate::extract::{Chain, Facts};
use crate::identity;
use crate::record::{Format, Language, Link, Published, Record, SCHEMA_VERSION, Source, Text};

/// What the record says about its source, known before parsing.
#[derive(Debug, Clone)]
pub struct SourceMeta {
    pub path: String,
    pub bytes: u64,
    pub content_hash: String,
    pub modified_at: Option<SystemTime>,
    pub revision: u32,
    /// The date relative expressions and year-less datelines refer to, when
    /// the caller knows it (`extract --jsonl`'s `reference_date`).
    pub reference_date: Option<chrono::NaiveDate>,
}

/// Time spent in each stage of [`analyze`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub decode: Duration,
    pub parse: Duration,
    pub extract: Duration,
}

/// The record and the counts the metrics need.
pub struct Analysis {
    pub record: Record,
    pub timings: Timings,
    pub fact_counts: Vec<(&'static str, usize)>,
    /// Entities by type, for `wirewatch_entities_extracted_total`.
    pub entity_counts: Vec<(&'static str, usize)>,
}

/// Runs the whole extraction on one article.
pub fn analyze(
    bytes: &[u8],
    claimed: Option<Format>,
    meta: SourceMeta,
    chain: &Chain,
) -> Result<Analysis, DocumentError> {
    let t0 = Instant::now();
    let decoded = document::decode_text(bytes)?;
    let t1 = Instant::now();
    let doc = document::parse(decoded, claimed)?;
    let t2 = Instant::now();
    let facts = chain.run(&doc);
    let t3 = Instant::now();
    let mut fact_counts = vec![
        ("paragraph", doc.paragraphs.len()),
        ("sentence", doc.sentences.len()),
        ("word", doc.words),
    ];
    fact_counts.extend(facts.counts(&doc));
    let entity_counts = crate::extract::entities::counts(&facts.entities);
    let record = assemble(doc, facts, meta);
    Ok(Analysis {
        record,
        timings: Timings {
            decode: t1 - t0,
            parse: t2 - t1,
            extract: t3 - t2,
        },
        fact_counts,
        entity_counts,
    })
}

/// Builds the record, converting byte ranges to code-point offsets.
fn assemble(doc: Document, facts: Facts, meta: SourceMeta) -> Record {
    let offsets = CharOffsets::new(&doc.body);
    let mut links: Vec<Link> = doc
        .links
        .iter()
        .chain(facts.links.iter())
        .map(|l| {
            let [start, end] = offsets.span(&l.range);
            Link {
                text: doc.body[l.range.clone()].to_string(),
                url: l.url.clone(),
                start,
                end,
            }
        })
        .collect();
    links.sort_by(|a, b| (a.start, a.end, &a.url).cmp(&(b.start, b.end, &b.url)));
    let text = Text {
        paragraphs: doc.paragraphs.iter().map(|r| offsets.span(r)).collect(),
        sentences: doc.sentences.iter().map(|r| offsets.span(r)).collect(),
        sentence_count: doc.sentences.len(),
        words: doc.words,
        truncated: doc.truncated,
        body: String::new(),
    };
    let figures = super::figures::figures(&doc, &facts, &offsets);
    let entities = crate::extract::entities::to_record(&facts.entities, &doc.body, &offsets);
    let id = identity::record_id(&doc.body);
    let (published, reference) = published(&doc, &facts, &meta);
    let dates = super::dates::dates(&doc, &facts.dates, &offsets, reference);
    let language = doc.language.as_ref().map(|l| Language {
        code: l.code.to_string(),
        confidence: l.confidence,
    });
    Record {
        schema_version: SCHEMA_VERSION,
        id,
        source: Source {
            path: meta.path,
            bytes: meta.bytes,
            format: doc.format,
            encoding: doc.encoding.to_string(),
            encoding_confidence: f64::from(doc.encoding_confidence),
            content_hash: meta.content_hash,
            modified_at: meta.modified_at.map(rfc3339),
            ingested_at: rfc3339(SystemTime::now()),
            revision: meta.revision,
        },
        title: doc.title,
        url: doc.url.clone(),
        published,
        authors: doc.authors.clone(),
        publisher: doc.publisher.clone(),
        language,
        text: Text {
            body: doc.body,
            ..text
        },
        links,
        numbers: figures.numbers,
        money: figures.money,
        percentages: figures.percentages,
        quantities: figures.quantities,
        dates,
        entities,
        warnings: doc.warnings,
    }
}

/// The article's date, which relative dates are read against: the date it
/// states (dateline, metadata; a missing year taken from what follows),
/// else the caller's reference date, else the latest fully written date in
/// its text, else the file's modification date.
fn published(
    doc: &Document,
    facts: &Facts,
    meta: &SourceMeta,
) -> (Option<Published>, Option<chrono::NaiveDate>) {
    let mtime_date = meta
        .modified_at
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let in_text = crate::extract::dates::reference::latest_full_day(&facts.dates);
    let year_source = meta.reference_date.or(in_text).or(mtime_date);
    let stated = doc.published.as_ref().and_then(|(d, from)| {
        let date = match year_source {
            Some(r) => d.resolve(r)?,
            None => chrono::NaiveDate::from_ymd_opt(d.year?, d.month, d.day)?,
        };
        Some((date, *from))
    });
    let Some((date, from)) = stated
        .or(meta.reference_date.map(|d| (d, "reference_date")))
        .or(in_text.map(|d| (d, "text")))
        .or(mtime_date.map(|d| (d, "mtime")))
    else {
        return (None, None);
    };
    let published = Published {
        date: date.format("%Y-%m-%d").to_string(),
        from: from.to_string(),
    };
    (Some(published), Some(date))
}

/// RFC 3339 in UTC with millisecond precision.
pub fn rfc3339(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The record as it is written to disk: pretty JSON and a final newline.
pub fn to_json(record: &Record) -> Result<Vec<u8>, serde_json::Error> {
    let mut v = serde_json::to_vec_pretty(record)?;
    v.push(b'\n');
    Ok(v)
}

/// Claimed format from a file name's extension.
pub fn claimed_format(path: &std::path::Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(document::format::from_extension)
}
