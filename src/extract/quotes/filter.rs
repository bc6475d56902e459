//! What quotation marks hold when they hold no quote: the title of a work
//! or a quoted name (“Blue Harbor”, “Project Nova”: a few words, all
//! capitalized), a scare quote or a coined label (a few lowercase words
//! with no one saying them, the so-called “…”), or a quote in a headline.
//! A quoted fragment inside a sentence (lowercase, no full stop) is kept
//! aside: it is a quote only when a cue attributes it.

use std::ops::Range;

use super::Context;
use super::words::is_in;

/// What a quoted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Quoted speech or writing.
    Quote,
    /// Quoted words inside a sentence: a quote only if a cue attributes them.
    Fragment,
    /// A title, a name, a label, or a headline.
    NotQuote,
}

/// Longest heading line, in bytes.
const MAX_HEADING_BYTES: usize = 400;

/// Most words a title or quoted name has.
const MAX_NAME_WORDS: usize = 6;

/// Small words a title leaves in lowercase.
const TITLE_SMALL: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "by", "or", "with", "from", "vs",
];

/// Words before a quoted label that say it is one.
const LABELLERS: &[&str] = &[
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
    "named",
    "headlined",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "hashtag",
    "motto",
    "label",
    "book",
    "film",
    "movie",
    "song",
    "album",
    "show",
    "series",
    "article",
    "column",
    "essay",
    "op-ed",
    "documentary",
    "program",
    "programme",
    "operation",
    "project",
    "code-named",
    "codenamed",
];

impl Context<'_> {
    /// The verdict on the quote whose marks are tokens `open` and `close`
    /// (the last token of the quote when it is not closed).
    pub(crate) fn judge(&self, open: usize, close: usize, closed: bool) -> Verdict {
        if self.in_heading(open) {
            return Verdict::NotQuote;
        }
        let inner: Range<usize> = open + 1..if closed { close } else { close + 1 };
        let words: Vec<usize> = inner.clone().filter(|&i| self.is_word(i)).collect();
        let Some(&first) = words.first() else {
            return Verdict::NotQuote;
        };
        let last_mark = inner
            .clone()
            .rev()
            .find(|&i| !self.is_word(i) && !self.is_mark(i))
            .filter(|&i| words.last().is_none_or(|&w| i > w))
            .map(|i| self.word_at(i));
        let sentence_like = matches!(
            last_mark,
            Some("." | "!" | "?" | "," | "…" | ":" | ";" | "—")
        ) || !closed;
        let title_case = words.len() <= MAX_NAME_WORDS
            && !self.lowercase(first)
            && words
                .iter()
                .all(|&i| !self.lowercase(i) || is_in(self.word_at(i), TITLE_SMALL))
            && !matches!(last_mark, Some("!" | "?"));
        let labelled =
            open > 0 && self.is_word(open - 1) && is_in(self.word_at(open - 1), LABELLERS);
        // “Okay,” she said: one capitalized word and a comma is speech.
        if title_case && (words.len() > 1 || !sentence_like || last_mark == Some(".")) {
            return Verdict::NotQuote;
        }
        if labelled && words.len() <= MAX_NAME_WORDS {
            return Verdict::NotQuote;
        }
        if self.lowercase(first) || !sentence_like && words.len() <= MAX_NAME_WORDS {
            return Verdict::Fragment;
        }
        Verdict::Quote
    }

    /// Whether token `i` is a quotation mark.
    pub(crate) fn is_mark(&self, i: usize) -> bool {
        !self.is_word(i)
            && matches!(
                self.word_at(i),
                "\"" | "“"
                    | "”"
                    | "„"
                    | "«"
                    | "»"
                    | "``"
                    | "''"
                    | "‘"
                    | "’"
                    | "'"
                    | "‹"
                    | "›"
                    | "″"
            )
    }

    /// Whether token `i` is in a heading: a short paragraph of one line
    /// that does not end like a sentence.
    fn in_heading(&self, i: usize) -> bool {
        let Some(p) = self.paragraphs.get(self.toks[i].para) else {
            return false;
        };
        // A heading is short: a long paragraph is not read further (the
        // check stays bounded, however many quotes the paragraph holds).
        if p.len() > MAX_HEADING_BYTES {
            return false;
        }
        let text = self.body.get(p.clone()).unwrap_or_default().trim_end();
        let ends = text
            .trim_end_matches(['"', '”', '’', '\'', '»', ')'])
            .ends_with(['.', '!', '?', ':', '…', ',', ';']);
        // A sentence closed inside quotation marks is speech, not a
        // heading (`“We will win.” ― Jane Roe`).
        let speech = [".”", ".\"", "?”", "!”", ".’"]
            .iter()
            .any(|m| text.contains(m));
        !ends && !speech && !text.contains('\n') && text.split_whitespace().count() <= 25
    }
}
