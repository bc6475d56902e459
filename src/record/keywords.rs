//! The record's `keywords`: the extractor's, best first, as text and score.

use super::Keyword;
use crate::extract::keywords;

/// The keywords as the record writes them.
pub(super) fn keywords(found: &[keywords::Keyword]) -> Vec<Keyword> {
    found
        .iter()
        .map(|k| Keyword {
            text: k.text.clone(),
            score: k.score,
        })
        .collect()
}
