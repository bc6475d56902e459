//! The cases, on sentences written for these tests.

use std::ops::Range;

/// Paragraph ranges of a test body: blank-line separated.
pub(crate) fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices("\n\n") {
        if i > start {
            out.push(start..i);
        }
        start = i + 2;
    }
    if start < body.len() {
        out.push(start..body.len());
    }
    out
}
