//! The record's `source`: where the article came from and how it was read,
//! from what the caller knew before parsing ([`SourceMeta`]) and what the
//! document stage found (format, encoding).

use std::time::SystemTime;

use super::Source;
use crate::document::Document;

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

/// The record's `source`, stamped with the time it is built.
pub(super) fn source(doc: &Document, meta: SourceMeta) -> Source {
    Source {
        path: meta.path,
        bytes: meta.bytes,
        format: doc.format,
        encoding: doc.encoding.to_string(),
        encoding_confidence: round3(f64::from(doc.encoding_confidence)),
        content_hash: meta.content_hash,
        modified_at: meta.modified_at.map(rfc3339),
        ingested_at: rfc3339(SystemTime::now()),
        revision: meta.revision,
        item: None,
    }
}

/// RFC 3339 in UTC with millisecond precision.
fn rfc3339(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A confidence to three decimals, so it prints as `0.8`, not as the
/// nearest binary fraction of a 32-bit float (`0.800000011920929`).
pub(super) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
