//! The words right before and after a position in a text, on the same line,
//! for extractors that decide what a figure is by its neighbours ("over",
//! "dollars", "of its GDP"). Reading stops at a line break; each call looks
//! at a bounded stretch of text, so callers stay linear.

use std::ops::Range;

/// A word and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
}

/// Longest word looked at, in characters: keeps every call bounded.
const MAX_WORD: usize = 48;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '‑'
}

fn is_gap(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// Up to `max` words before `pos`, nearest first, separated from each other
/// and from `pos` by white space only (no punctuation).
pub(crate) fn words_before(text: &str, pos: usize, max: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut end = pos.min(text.len());
    while out.len() < max {
        let head = &text[..end];
        let trimmed = head.trim_end_matches(is_gap);
        if trimmed.len() == head.len() && !out.is_empty() {
            break;
        }
        let mut start = trimmed.len();
        for (i, c) in trimmed.char_indices().rev().take(MAX_WORD) {
            if !c.is_alphabetic() {
                break;
            }
            start = i;
        }
        if start == trimmed.len() {
            break;
        }
        out.push(Word {
            range: start..trimmed.len(),
            text: &text[start..trimmed.len()],
        });
        end = start;
    }
    out
}

/// Up to `max` words after `pos`, nearest first, separated by white space
/// only (a word may hold hyphens and apostrophes: "Russian-language",
/// "Tajikistan’s").
pub(crate) fn words_after(text: &str, pos: usize, max: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = pos.min(text.len());
    while out.len() < max {
        let tail = &text[start..];
        let trimmed = tail.trim_start_matches(is_gap);
        let skipped = tail.len() - trimmed.len();
        if skipped == 0 && !out.is_empty() {
            break;
        }
        let mut len = 0;
        for (i, c) in trimmed.char_indices().take(MAX_WORD) {
            if !is_word_char(c) {
                break;
            }
            len = i + c.len_utf8();
        }
        // A word does not end with an apostrophe or hyphen.
        let word = trimmed[..len].trim_end_matches(['\'', '’', '-', '‑']);
        if word.is_empty() {
            break;
        }
        let s = start + skipped;
        out.push(Word {
            range: s..s + word.len(),
            text: word,
        });
        start = s + word.len();
        if word.len() < len {
            break;
        }
    }
    out
}

/// For each of `spans` (in order, not overlapping), whether it overlaps one
/// of `taken` (any order): one sort and one merge pass. A span overlaps
/// when some range starting before its end reaches past its start.
pub(crate) fn overlapping(
    spans: impl Iterator<Item = Range<usize>>,
    taken: &[Range<usize>],
) -> Vec<bool> {
    let mut taken: Vec<Range<usize>> = taken.to_vec();
    taken.sort_by_key(|r| r.start);
    let mut k = 0;
    let mut reach = 0;
    let mut out = Vec::new();
    for r in spans {
        while k < taken.len() && taken[k].start < r.end {
            reach = reach.max(taken[k].end);
            k += 1;
        }
        out.push(reach > r.start);
    }
    out
}

/// The text between two positions is white space only (on one line).
pub(crate) fn only_space(text: &str, a: usize, b: usize) -> bool {
    a <= b && text.get(a..b).is_some_and(|s| s.chars().all(is_gap))
}

/// The first non-space character at or after `pos` on the line, with its offset.
pub(crate) fn next_char(text: &str, pos: usize) -> Option<(usize, char)> {
    let tail = text.get(pos..)?;
    let (i, c) = tail.char_indices().find(|&(_, c)| !is_gap(c))?;
    Some((pos + i, c))
}

/// The last non-space character before `pos` on the line, with its offset.
pub(crate) fn prev_char(text: &str, pos: usize) -> Option<(usize, char)> {
    let head = text.get(..pos)?;
    head.char_indices().rev().find(|&(_, c)| !is_gap(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours() {
        let t = "debt of over 25.3 billion rubles owed by Tajikistan’s company";
        let p = t.find("25.3").expect("pos");
        let b: Vec<&str> = words_before(t, p, 3).iter().map(|w| w.text).collect();
        assert_eq!(b, vec!["over", "of", "debt"]);
        let a = t.find("rubles").expect("pos");
        let w: Vec<&str> = words_after(t, a, 4).iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["rubles", "owed", "by", "Tajikistan’s"]);
        assert!(words_before("x, 5", 3, 2).is_empty());
        let taken = [10..20, 0..3];
        assert_eq!(
            overlapping([1..2, 4..6, 8..11, 20..25].into_iter(), &taken),
            vec![true, false, true, false]
        );
    }
}
