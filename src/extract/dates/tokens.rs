//! The token view the date grammar reads: the number lexer's tokens with
//! each word lower-cased once, a word's possessive `'s` kept with it
//! ("year's"), and digit runs carrying their value.

use crate::extract::numbers::lexer::{self, Gap, Kind};

/// Longest word the grammar ever compares (longer words are kept as
/// unmatchable).
const MAX_WORD: usize = 14;

/// One token of the date grammar.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased word (possessive included), the digits, or the one
    /// punctuation character; empty for long words and addresses.
    pub low: &'a str,
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
    /// Digits, or a word that places an expression in time (see
    /// [`super::grammar::is_anchor`]).
    pub anchor: bool,
    /// A rule may start here (a digit run, a word of the starter class, or
    /// one of the marks a rule begins with).
    pub starter: bool,
}

/// Flags of a word's class, remembered per thread: an article repeats its
/// words, and a corpus its vocabulary, so each is classified once.
const ANCHOR: u8 = 1;
const STARTER: u8 = 2;

/// Words classified so far; cleared when it grows past this many.
const MEMO_LIMIT: usize = 200_000;

/// FNV-1a: short keys, no need for a keyed hash.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Memo = std::collections::HashMap<Box<str>, u8, std::hash::BuildHasherDefault<Fnv>>;

thread_local! {
    static CLASSES: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// The class flags of a lower-case word.
fn class(low: &str) -> u8 {
    CLASSES.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(f) = memo.get(low) {
            return *f;
        }
        let bare = low.strip_suffix("'s").unwrap_or(low);
        let mut f = 0;
        if super::grammar::is_anchor(low) || super::grammar::is_anchor(bare) {
            f |= ANCHOR;
        }
        if super::grammar::word_can_start(low) {
            f |= STARTER;
        }
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(low.into(), f);
        f
    })
}

impl<'a> Tok<'a> {
    /// A word equal to `w`.
    pub(crate) fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.low == w
    }

    /// A punctuation character `c`.
    pub(crate) fn punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.low.starts_with(c) && self.low.len() == c.len_utf8()
    }

    /// Any word.
    pub(crate) fn word(&self) -> Option<&'a str> {
        (self.kind == Kind::Word && !self.low.is_empty()).then_some(self.low)
    }

    /// Glued to the token before it.
    pub(crate) fn glued(&self) -> bool {
        self.gap == Gap::None
    }

    /// On the same line as the token before it.
    pub(crate) fn same_line(&self) -> bool {
        self.gap != Gap::Break
    }
}

/// Where a word's lower-case form lives: the text itself when it is
/// already lower case, else a stretch of the arena.
enum Low {
    Text(usize, usize),
    Arena(usize, usize),
    None,
}

/// The tokens of `text`, and the number lexer's tokens they were built
/// from (spelled numbers are read on those). Lower-cased words that differ
/// from the text are written once into `arena`; the tokens borrow them.
pub(crate) fn tokens<'a>(
    text: &'a str,
    raw: &[lexer::Token],
    arena: &'a mut String,
) -> Vec<Tok<'a>> {
    // Pass 1: where each token's lower-case form is, and which tokens merge.
    let mut plan: Vec<(usize, usize, Low)> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let s = t.text(text);
        match t.kind {
            Kind::Word if s.len() <= MAX_WORD => {
                // "year's", "1970's" keep their possessive or plural mark.
                let possessive = matches!((raw.get(i + 1), raw.get(i + 2)), (Some(a), Some(b))
                    if (a.is('\'') || a.is('\u{2019}'))
                        && a.glued()
                        && b.glued()
                        && b.kind == Kind::Word
                        && b.text(text).eq_ignore_ascii_case("s"));
                let end = if possessive { raw[i + 2].end } else { t.end };
                let whole = &text[t.start..end];
                let plain = whole.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'');
                let low = if plain {
                    Low::Text(t.start, end)
                } else {
                    let from = arena.len();
                    arena.push_str(&s.to_lowercase());
                    if possessive {
                        arena.push_str("'s");
                    }
                    Low::Arena(from, arena.len())
                };
                plan.push((i, end, low));
                i += if possessive { 3 } else { 1 };
                continue;
            }
            Kind::Word | Kind::Opaque => plan.push((i, t.end, Low::None)),
            Kind::Digits if s.len() <= MAX_WORD => plan.push((i, t.end, Low::Text(t.start, t.end))),
            Kind::Digits => plan.push((i, t.end, Low::None)),
            Kind::Punct => plan.push((i, t.end, Low::Text(t.start, t.end))),
        }
        i += 1;
    }
    // Pass 2: the tokens, borrowing the finished arena.
    let arena: &'a str = arena.as_str();
    plan.into_iter()
        .map(|(i, end, low)| {
            let t = raw[i];
            let low = match low {
                Low::Text(a, b) => &text[a..b],
                Low::Arena(a, b) => &arena[a..b],
                Low::None => "",
            };
            let digits = if t.kind == Kind::Digits {
                t.end - t.start
            } else {
                0
            };
            let num = (t.kind == Kind::Digits)
                .then(|| t.text(text).parse::<u32>().ok().or(Some(u32::MAX)))
                .flatten();
            let (anchor, starter) = match t.kind {
                Kind::Digits => (true, true),
                Kind::Word if low.is_empty() => (false, false),
                Kind::Word => {
                    let f = class(low);
                    (f & ANCHOR != 0, f & STARTER != 0)
                }
                Kind::Punct => (
                    t.ch == '\u{bd}',
                    matches!(t.ch, '>' | '<' | '\'' | '\u{2019}' | '\u{bd}'),
                ),
                Kind::Opaque => (false, false),
            };
            Tok {
                start: t.start,
                end,
                low,
                num,
                digits,
                cap: t.kind == Kind::Word && t.ch.is_uppercase(),
                gap: t.gap,
                kind: t.kind,
                raw: i,
                anchor,
                starter,
            }
        })
        .collect()
}
