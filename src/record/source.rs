//! The record's `source`: where the article came from and how it was read,
//! from what the caller knew before parsing ([`SourceMeta`]) and what the
//! document stage found (format, encoding).

use std::time::SystemTime;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

/// Where the article came from and how it was read.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path relative to the watched folder (or as given on the command line).
    pub path: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Format the file was parsed as.
    pub format: Format,
    /// Character encoding the bytes were decoded from (WHATWG label).
    pub encoding: String,
    /// How sure the decoder was of the encoding: 1 for a BOM or valid UTF-8,
    /// lower for a statistical guess.
    pub encoding_confidence: f64,
    /// BLAKE3 hash of the raw bytes: the file's identity in the ledger.
    pub content_hash: String,
    /// Modification time of the file (RFC 3339, UTC), when known.
    pub modified_at: Option<String>,
    /// When wirewatch produced this record (RFC 3339, UTC); the one field that
    /// differs between two runs over the same bytes.
    pub ingested_at: String,
    /// 1 for the first content seen at this path, then +1 for each change.
    pub revision: u32,
}

/// Input formats wirewatch understands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// The record's `source`, stamped with the time it is built.
pub(super) fn source(doc: &Document, meta: SourceMeta) -> Source {
    Source {
        path: meta.path,
        bytes: meta.bytes,
        format: doc.format,
        encoding: doc.encoding.to_string(),
        encoding_confidence: f64::from(doc.encoding_confidence),
        content_hash: meta.content_hash,
        modified_at: meta.modified_at.map(rfc3339),
        ingested_at: rfc3339(SystemTime::now()),
        revision: meta.revision,
    }
}

/// RFC 3339 in UTC with millisecond precision.
fn rfc3339(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
