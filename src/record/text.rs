//! The record's `text` and `language`: the clean body and its structure as
//! code-point spans.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::Locator;
use crate::document::Document;
use crate::document::language::Detected;

/// A detected language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-1 code (ISO 639-3 where no two-letter code exists).
    pub code: String,
    /// Detector confidence, 0 to 1.
    pub confidence: f64,
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

/// The record's `text`, its `body` left empty: the builder moves the
/// document's body in once nothing reads it any more.
pub(super) fn structure(doc: &Document, at: &Locator<'_>) -> Text {
    Text {
        body: String::new(),
        paragraphs: doc.paragraphs.iter().map(|r| at.span(r)).collect(),
        sentences: doc.sentences.iter().map(|r| at.span(r)).collect(),
        sentence_count: doc.sentences.len(),
        words: doc.words,
        truncated: doc.truncated,
    }
}

/// The record's `language`, when the detector named one.
pub(super) fn language(detected: Option<&Detected>) -> Option<Language> {
    detected.map(|l| Language {
        code: l.code.to_string(),
        confidence: l.confidence,
    })
}
