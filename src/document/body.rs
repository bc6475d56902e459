//! Builds the normalized body paragraph by paragraph, collapsing white space as
//! it goes, so parsers can report exact offsets for what they push (links).

use std::ops::Range;

/// Accumulates paragraphs into one body: single spaces inside a paragraph,
/// one blank line between paragraphs, no leading or trailing space.
#[derive(Debug, Default)]
pub(crate) struct BodyBuilder {
    body: String,
    paragraphs: Vec<Range<usize>>,
    start: Option<usize>,
    pending_space: bool,
}

impl BodyBuilder {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Appends text to the current paragraph (opening one if needed) and returns
    /// the byte range its non-space content landed at, if it had any.
    pub(crate) fn push(&mut self, text: &str) -> Option<Range<usize>> {
        let mut first = None;
        let mut last = 0;
        // Runs between single ASCII spaces are copied whole; other white
        // space (rare after normalization) splits them further.
        let pieces = text.split(' ').flat_map(|run| {
            let mut parts = run.split(char::is_whitespace);
            let head = parts.next();
            head.into_iter().chain(parts)
        });
        for (i, word) in pieces.enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            match self.start {
                None => {
                    if !self.body.is_empty() {
                        self.body.push_str("\n\n");
                    }
                    self.start = Some(self.body.len());
                }
                Some(_) if self.pending_space => self.body.push(' '),
                Some(_) => {}
            }
            self.pending_space = false;
            if first.is_none() {
                first = Some(self.body.len());
            }
            self.body.push_str(word);
            last = self.body.len();
        }
        first.map(|f| f..last)
    }

    /// Inserts a word break (a space if more text follows in this paragraph).
    pub(crate) fn space(&mut self) {
        if self.start.is_some() {
            self.pending_space = true;
        }
    }

    /// Closes the current paragraph, if any text was pushed to it.
    pub(crate) fn end_paragraph(&mut self) {
        if let Some(start) = self.start.take() {
            self.paragraphs.push(start..self.body.len());
        }
        self.pending_space = false;
    }

    /// The body and its paragraph byte ranges.
    pub(crate) fn finish(mut self) -> (String, Vec<Range<usize>>) {
        self.end_paragraph();
        (self.body, self.paragraphs)
    }
}

/// Removes paragraph `idx` from a finished body, shifting the paragraphs
/// and links after it, so conventions (date lines, bylines, footers) can
/// take their paragraph out of the text.
pub(crate) fn remove_paragraph(
    body: &mut String,
    paragraphs: &mut Vec<Range<usize>>,
    links: &mut Vec<super::DocLink>,
    idx: usize,
) {
    let Some(removed) = paragraphs.get(idx).cloned() else {
        return;
    };
    // The paragraph and the separator that follows it (or precedes it, for the last).
    let (cut_start, cut_end) = match paragraphs.get(idx + 1) {
        Some(next) => (removed.start, next.start),
        None => match idx.checked_sub(1).and_then(|i| paragraphs.get(i)) {
            Some(prev) => (prev.end, removed.end),
            None => (removed.start, removed.end),
        },
    };
    let shift = cut_end - cut_start;
    body.replace_range(cut_start..cut_end, "");
    paragraphs.remove(idx);
    for p in paragraphs.iter_mut().filter(|p| p.start >= cut_end) {
        *p = p.start - shift..p.end - shift;
    }
    links.retain(|l| l.range.end <= cut_start || l.range.start >= cut_end);
    for l in links.iter_mut().filter(|l| l.range.start >= cut_end) {
        l.range = l.range.start - shift..l.range.end - shift;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_space_and_separates_paragraphs() {
        let mut b = BodyBuilder::new();
        b.push("  Hello   ");
        let r = b.push(" world ").expect("content");
        b.end_paragraph();
        b.end_paragraph();
        b.push("Second.");
        let (body, paras) = b.finish();
        assert_eq!(body, "Hello world\n\nSecond.");
        assert_eq!(&body[r], "world");
        assert_eq!(paras, vec![0..11, 13..20]);
    }

    #[test]
    fn removing_paragraphs_shifts_what_follows() {
        let mut body = "One.\n\nTwo.\n\nThree.".to_string();
        let mut paras = vec![0..4, 6..10, 12..18];
        let mut links = vec![super::super::DocLink {
            url: "u".into(),
            range: 12..17,
        }];
        remove_paragraph(&mut body, &mut paras, &mut links, 0);
        assert_eq!(body, "Two.\n\nThree.");
        assert_eq!(paras, vec![0..4, 6..12]);
        assert_eq!(&body[links[0].range.clone()], "Three");
        remove_paragraph(&mut body, &mut paras, &mut links, 1);
        assert_eq!(body, "Two.");
        assert_eq!(paras, vec![0..4]);
        assert!(links.is_empty());
    }
}
