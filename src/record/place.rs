//! Where a fact is, as the record says it: byte ranges of the body become
//! code-point offsets, the text between them and the sentence holding them.

use std::ops::Range;

use crate::document::Document;
use crate::document::offsets::CharOffsets;

/// Locates byte ranges of one document's body.
pub(super) struct Locator<'a> {
    body: &'a str,
    sentences: &'a [Range<usize>],
    offsets: CharOffsets<'a>,
}

/// A fact's text, `[start, end)` code-point offsets and sentence index.
pub(super) struct Place {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sentence: usize,
}

impl<'a> Locator<'a> {
    /// Indexes `doc`'s body once (one pass), for every fact of the record.
    pub(crate) fn new(doc: &'a Document) -> Self {
        Locator {
            body: &doc.body,
            sentences: &doc.sentences,
            offsets: CharOffsets::new(&doc.body),
        }
    }

    /// `[start, end)` code-point offsets of byte range `r`.
    pub(crate) fn span(&self, r: &Range<usize>) -> [usize; 2] {
        self.offsets.span(r)
    }

    /// The body between the ends of `r`, if they are inside it.
    pub(crate) fn slice(&self, r: &Range<usize>) -> Option<&'a str> {
        self.body.get(r.clone())
    }

    /// The body between the ends of `r` (empty if they are not inside it).
    pub(crate) fn text(&self, r: &Range<usize>) -> String {
        self.slice(r).unwrap_or_default().to_string()
    }

    /// Everything the record says of where `r` is.
    pub(crate) fn place(&self, r: &Range<usize>) -> Place {
        let [start, end] = self.span(r);
        let sentence = self
            .sentences
            .partition_point(|s| s.start <= r.start)
            .saturating_sub(1);
        Place {
            text: self.text(r),
            start,
            end,
            sentence,
        }
    }
}

/// `v`, when it is a number JSON can carry.
pub(super) fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The ends of a range, both finite.
pub(super) fn ends(span: Option<(f64, f64)>) -> (Option<f64>, Option<f64>) {
    match span {
        Some((a, b)) if a.is_finite() && b.is_finite() => (Some(a), Some(b)),
        _ => (None, None),
    }
}
