//! The output record: one JSON document per article, versioned, with a JSON
//! Schema generated from these types so consumers can validate what they read.
//!
//! All offsets are Unicode scalar (code point) offsets into `text.body`, which
//! is what most languages index strings by once decoded.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or disappears (additions too, while
/// the schema is young), so consumers can tell records apart.
pub const SCHEMA_VERSION: u32 = 1;

/// One article, normalized.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Version of this schema the record follows.
    pub schema_version: u32,
    /// Content hash of the normalized body: the same text gives the same id,
    /// whatever its file's name, encoding or line endings.
    pub id: String,
    pub source: Source,
    /// Headline, when the file has one.
    pub title: Option<String>,
    /// The article's own address, when the file states it (an "Original
    /// url:" footer, a canonical link, front matter).
    pub url: Option<String>,
    /// Publication date, and where it came from.
    pub published: Option<Published>,
    /// Authors named by a byline or metadata.
    pub authors: Vec<String>,
    /// The outlet, when metadata names it.
    pub publisher: Option<String>,
    /// Detected language of the body.
    pub language: Option<Language>,
    pub text: Text,
    /// Hyperlinks found in the source (markdown links and autolinks).
    pub links: Vec<Link>,
    /// Things a reader should know about this record (e.g. the text ends mid-sentence).
    pub warnings: Vec<String>,
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

/// When the article was published.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// ISO 8601 date (YYYY-MM-DD).
    pub date: String,
    /// Where the date came from: "dateline" (stated at the top of the text),
    /// "metadata" (front matter, HTML meta or JSON-LD), "reference_date"
    /// (given by the caller), or "mtime" (the file's modification time, when
    /// the article states no date).
    pub from: String,
}

/// A detected language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-1 code (ISO 639-3 where no two-letter code exists).
    pub code: String,
    /// Detector confidence, 0 to 1.
    pub confidence: f64,
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

/// The article's clean text and its structure.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Normalized text: paragraphs separated by one blank line, no markup.
    pub body: String,
    /// `[start, end)` code-point spans of the paragraphs in `body`.
    pub paragraphs: Vec<[usize; 2]>,
    /// `[start, end)` code-point spans of the sentences in `body`.
    pub sentences: Vec<[usize; 2]>,
    /// Number of sentences.
    pub sentence_count: usize,
    /// Number of words (Unicode word segmentation).
    pub words: usize,
    /// The text stops mid-sentence or with an ellipsis: the source was cut off.
    pub truncated: bool,
}

/// A hyperlink with its anchor text located in the body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub text: String,
    pub url: String,
    pub start: usize,
    pub end: usize,
}

/// The record's JSON Schema, pretty-printed, as committed under `schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Record);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
