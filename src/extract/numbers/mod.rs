//! Numbers in running text, resolved to values: digits with separators and
//! decimals (`4,800`, `1 200`, `46.2`), number words (`twelve`, `two hundred
//! and five`, `a dozen`), scales (`1.2 million`, `3bn`, `13 lakh`),
//! fractions (`half`, `a third`, `3/4`), ordinals (`third`, `21st`) and
//! ranges (`1.2 to 2 million`, `10-15`, `between 5 and 7`).
//!
//! This is the layer every figure extractor builds on (money, percentages,
//! quantities, and dates): [`scan()`] finds every number once, with its byte
//! range and value; the others look at what surrounds each one. The
//! scanner reads tokens (digit runs, letter runs, punctuation) with a
//! hand-written grammar in one pass, so its time is linear in the text.
//!
//! Reuse from another extractor:
//!
//! ```
//! use wirewatch::extract::numbers::{self, NumberKind};
//! let found = numbers::scan("On the twenty-first, 4,800 radios and a third of 1.2 million");
//! let values: Vec<f64> = found.iter().map(|n| n.value).collect();
//! assert_eq!(values, vec![21.0, 4800.0, 1.0 / 3.0, 1.2e6]);
//! assert_eq!(found[0].kind, NumberKind::Ordinal);
//! ```

mod digits;
mod grammar;
pub mod lexer;
mod phrase;
pub(crate) mod qualifier;
pub(crate) mod range;
mod scan;
mod standalone;
pub(crate) mod vocab;

use std::ops::Range;

pub(crate) use qualifier::Qualifier;
pub(crate) use standalone::is_year_like;
pub use standalone::{Standalone, standalone};
pub(crate) use vocab::is_month;

/// What sort of number a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A whole number ("4,800", "twelve", "2 million").
    Integer,
    /// Digits after a decimal point, or a spelled one ("five point five").
    Decimal,
    /// A fraction or mixed number ("3/4", "two thirds", "five and a quarter").
    Fraction,
    /// An exponent ("1e10", "1.1^23").
    Power,
    /// A rank ("21st", "third"); `value` is the rank.
    Ordinal,
}

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Digits only ("4,800", "10k", "3/4").
    Digits,
    /// Words only ("twelve", "a dozen").
    Words,
    /// Digits and words ("1.2 million", "3 hundred and 21").
    Mixed,
}

/// Whether a number is glued to the word before it, as in names and codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attached {
    /// Stands on its own.
    Free,
    /// Directly after letters ("A380", "G20").
    Letter,
    /// After a word and a hyphen ("HPP-1", "COVID-19").
    Hyphen,
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberSpan {
    /// Byte range in the scanned text (sign and scale words included).
    pub range: Range<usize>,
    pub value: f64,
    pub kind: NumberKind,
    pub written: Written,
    /// The scale it ends with (1e6 for "2 million" or "2M"), 1 if none: a
    /// range shares it with its first end ("1.2 to 2 million").
    pub(crate) scale: f64,
    /// Plain digits, no separator, sign, decimals or suffix ("2024"): how
    /// years, identifiers and list numbers are written.
    pub(crate) plain: bool,
    /// Letters glued right after it that are not part of it ("km" of
    /// "29km", "s" of "1990s", "m" of "£15.8m"): units, or a code.
    pub(crate) suffix: Option<Range<usize>>,
    pub(crate) attached: Attached,
}

impl NumberSpan {
    /// The value without its final scale (2 for "2 million").
    pub(crate) fn mantissa(&self) -> f64 {
        self.value / self.scale
    }
}

/// Every number in `text`, in order, none overlapping.
pub fn scan(text: &str) -> Vec<NumberSpan> {
    scan::scan(text)
}

/// The spelled number starting at token `i` of `toks` (the [`lexer`]'s
/// tokens of `text`): its end in bytes, the token after it, its value and
/// kind. Grammars built on the same tokens (dates) read "twenty-first" or
/// "two thousand and five" this way without lexing the text again.
pub(crate) fn words_at(
    text: &str,
    toks: &[lexer::Token],
    i: usize,
) -> Option<(usize, usize, f64, NumberKind)> {
    let first = toks.get(i)?;
    if first.kind != lexer::Kind::Word {
        return None;
    }
    let p = phrase::read(text, toks, i, None)?;
    Some((p.end, p.next, p.value.value, p.value.kind))
}

/// Which mark separates a number's decimals, and so which groups its
/// thousands: English writes `1,500.25`, most of Europe, Latin America
/// and Indonesia `1.500,25`. Only where the two disagree does it matter:
/// `1.500` is 1.5 in English and 1 500 in German, `1,500` the other way
/// round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// English: a point marks decimals.
    #[default]
    Point,
    /// A comma marks decimals and a point groups thousands.
    Comma,
}

/// Languages (ISO 639-1) whose numbers mark decimals with a comma.
const COMMA_LANGUAGES: &[&str] = &[
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl",
    "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "nb", "nl", "nn", "no",
    "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi",
];

impl DecimalMark {
    /// The mark of text in the language `code` (ISO 639-1).
    pub fn of_language(code: &str) -> DecimalMark {
        if COMMA_LANGUAGES.contains(&code) {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// Every number in `text`, from its tokens already lexed by [`lexer::tokens`]
/// (which the date grammar reads too, so the body is lexed once), with
/// decimals marked by `mark`.
pub fn scan_tokens(text: &str, toks: &[lexer::Token], mark: DecimalMark) -> Vec<NumberSpan> {
    scan::scan_tokens(text, toks, mark)
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use crate::extract::{money, percent, quantities};

    /// Every figure extractor over `text`; the byte ranges they report.
    fn all_ranges(text: &str) -> Vec<Range<usize>> {
        let nums = super::scan(text);
        let m = money::find(text, &nums);
        let taken: Vec<Range<usize>> = m.iter().map(|m| m.range.clone()).collect();
        let p = percent::find(text, &nums, &taken);
        let q = quantities::find(text, &nums, &taken);
        let s = super::standalone::standalone(text, &nums, &taken);
        nums.iter()
            .map(|n| n.range.clone())
            .chain(m.iter().flat_map(|m| [m.range.clone(), m.head.clone()]))
            .chain(p.iter().flat_map(|p| [p.range.clone(), p.head.clone()]))
            .chain(p.iter().filter_map(|p| p.of.clone()))
            .chain(q.iter().flat_map(|q| [q.range.clone(), q.head.clone()]))
            .chain(s.into_iter().map(|s| s.range))
            .collect()
    }

    #[test]
    fn hostile_inputs_complete() {
        let mb = 1 << 20;
        for text in [
            "7".repeat(mb),
            "1,".repeat(mb / 2),
            "1.".repeat(mb / 2),
            "1-".repeat(mb / 2),
            ".-,/%$".repeat(mb / 6),
            "one ".repeat(mb / 4),
            "hundred and ".repeat(mb / 12),
            "1 000 ".repeat(mb / 6),
            "½".repeat(mb / 2),
        ] {
            let ranges = all_ranges(&text);
            assert!(ranges.iter().all(|r| r.end <= text.len()));
        }
    }

    #[test]
    fn arbitrary_text_gives_char_aligned_ranges() {
        const PIECES: &[&str] = &[
            "$",
            "£",
            "€",
            "US$",
            "1",
            "25",
            "4,800",
            ",",
            ".",
            "-",
            "–",
            "/",
            ":",
            "½",
            "é",
            "ரூ",
            "元",
            "%",
            " percent",
            " per cent",
            "million",
            " bn",
            "m",
            "km",
            "a",
            "third",
            "half",
            " ",
            "  ",
            "\n",
            "’s",
            "of",
            "the",
            "dollars",
            "rubles",
            "to",
            "and",
            "between",
            "😀",
            "\u{202f}",
            "twenty",
            "-",
            "first",
            "21st",
            "(",
            ")",
            "e",
            "^",
            "x",
            "10",
            "people",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for r in all_ranges(&text) {
                assert!(
                    r.start <= r.end
                        && text.is_char_boundary(r.start)
                        && text.is_char_boundary(r.end),
                    "{text:?} {r:?}"
                );
            }
        }
    }
}
