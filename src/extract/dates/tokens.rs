//! The token view the date grammar reads: the number lexer's tokens with
//! each word lower-cased once, a word's possessive `'s` kept with it
//! ("year's"), and digit runs carrying their value.

use crate::extract::numbers::lexer::{self, Gap, Kind};

/// Longest word the grammar ever compares (longer words are kept as
/// unmatchable).
const MAX_WORD: usize = 14;

/// One token of the date grammar.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased word (possessive included), the digits, or the one
    /// punctuation character; empty for long words and addresses.
    pub low: String,
    /// The value of a digit run (saturating).
    pub num: Option<u32>,
    /// Number of digits of a digit run.
    pub digits: usize,
    /// A word that starts with a capital letter.
    pub cap: bool,
    /// White space before it.
    pub gap: Gap,
    pub kind: Kind,
    /// Index of the number lexer's token it starts at.
    pub raw: usize,
}

impl Tok {
    /// A word equal to `w`.
    pub fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.low == w
    }

    /// A punctuation character `c`.
    pub fn punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.low.starts_with(c) && self.low.len() == c.len_utf8()
    }

    /// Any word.
    pub fn word(&self) -> Option<&str> {
        (self.kind == Kind::Word && !self.low.is_empty()).then_some(self.low.as_str())
    }

    /// Glued to the token before it.
    pub fn glued(&self) -> bool {
        self.gap == Gap::None
    }

    /// On the same line as the token before it.
    pub fn same_line(&self) -> bool {
        self.gap != Gap::Break
    }
}

/// The tokens of `text`, and the number lexer's tokens they were built
/// from (spelled numbers are read on those).
pub fn tokens(text: &str) -> (Vec<Tok>, Vec<lexer::Token>) {
    let raw = lexer::tokens(text);
    let mut out: Vec<Tok> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let s = t.text(text);
        match t.kind {
            Kind::Word => {
                let mut low = if s.len() <= MAX_WORD {
                    s.to_lowercase()
                } else {
                    String::new()
                };
                let mut end = t.end;
                // "year's", "1970's" keep their possessive or plural mark.
                if let (Some(a), Some(b)) = (raw.get(i + 1), raw.get(i + 2))
                    && (a.is('\'') || a.is('\u{2019}'))
                    && a.glued()
                    && b.glued()
                    && b.kind == Kind::Word
                    && b.text(text).eq_ignore_ascii_case("s")
                    && !low.is_empty()
                {
                    low.push_str("'s");
                    end = b.end;
                    out.push(word(t, end, low, i));
                    i += 3;
                    continue;
                }
                out.push(word(t, end, low, i));
            }
            Kind::Digits => {
                let digits = t.end - t.start;
                let num = s.parse::<u32>().ok().or(Some(u32::MAX));
                out.push(Tok {
                    start: t.start,
                    end: t.end,
                    low: if digits <= MAX_WORD {
                        s.to_string()
                    } else {
                        String::new()
                    },
                    num,
                    digits,
                    cap: false,
                    gap: t.gap,
                    kind: Kind::Digits,
                    raw: i,
                });
            }
            Kind::Punct => out.push(Tok {
                start: t.start,
                end: t.end,
                low: t.ch.to_string(),
                num: None,
                digits: 0,
                cap: false,
                gap: t.gap,
                kind: Kind::Punct,
                raw: i,
            }),
            Kind::Opaque => out.push(Tok {
                start: t.start,
                end: t.end,
                low: String::new(),
                num: None,
                digits: 0,
                cap: false,
                gap: t.gap,
                kind: Kind::Opaque,
                raw: i,
            }),
        }
        i += 1;
    }
    (out, raw)
}

fn word(t: lexer::Token, end: usize, low: String, raw: usize) -> Tok {
    Tok {
        start: t.start,
        end,
        cap: t.ch.is_uppercase(),
        low,
        num: None,
        digits: 0,
        gap: t.gap,
        kind: Kind::Word,
        raw,
    }
}
