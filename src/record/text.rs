//! The record's `text` and `language`: the clean body and its structure as
//! code-point spans.

use super::place::Locator;
use super::{Language, Text};
use crate::document::Document;
use crate::document::language::Detected;

/// The record's `text`, its `body` left empty: the builder moves the
/// document's body in once nothing reads it any more.
pub(super) fn structure(doc: &Document, at: &Locator<'_>) -> Text {
    Text {
        body: String::new(),
        paragraphs: doc.paragraphs.iter().map(|r| at.span(r)).collect(),
        sentences: doc.sentences.iter().map(|r| at.span(r)).collect(),
        sentence_count: doc.sentences.len(),
        words: doc.words,
        ends_mid_sentence: doc.truncated,
    }
}

/// The record's `language`, when the detector named one.
pub(super) fn language(detected: Option<&Detected>) -> Option<Language> {
    detected.map(|l| Language {
        code: l.code.to_string(),
        confidence: super::source::round3(l.confidence),
    })
}
