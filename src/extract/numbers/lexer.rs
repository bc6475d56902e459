//! Splits text into what the number grammar reads: runs of ASCII digits, runs
//! of letters, single other characters, and how much white space separates
//! each from the one before. One pass, no allocation per token beyond the
//! vector, and web addresses become one opaque token so that `%28` or
//! `/2022/06/30/` inside a link is never read as a figure.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII digits.
    Digits,
    /// Letters (any script).
    Word,
    /// One character that is neither: punctuation, a symbol, a sign.
    Punct,
    /// A web address or e-mail address: nothing inside it is a figure.
    Opaque,
}

/// The white space between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Glued: nothing in between.
    None,
    /// Exactly one space-like character (a space, a no-break or thin space).
    One,
    /// Several space-like characters on the same line.
    Many,
    /// A line break: figures never continue across it.
    Break,
}

/// One token: its byte range in the text, its kind, its first character and
/// the gap before it.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) ch: char,
    pub(crate) gap: Gap,
}

impl Token {
    /// The token's text.
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Glued to the token before it (no white space in between).
    pub(crate) fn glued(&self) -> bool {
        self.gap == Gap::None
    }

    /// A punctuation token that is `c`.
    pub(crate) fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }

    /// On the same line as the token before it.
    pub(crate) fn same_line(&self) -> bool {
        self.gap != Gap::Break
    }
}

/// Space-like characters that separate tokens on one line.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Letters of any script (and the combining marks some scripts write inside
/// words), so "Nairobi", "café" and "ரூ" are each one token.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// The tokens of `text`.
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    let mut gap = Gap::None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Token {
                start,
                end: i,
                kind: Kind::Digits,
                ch: char::from(b),
                gap,
            });
            gap = Gap::None;
            continue;
        }
        if b == b' ' || b == b'\t' {
            gap = widen(gap);
            i += 1;
            continue;
        }
        if b == b'\n' || b == b'\r' {
            gap = Gap::Break;
            i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() {
            if let Some(end) = address_end(text, i) {
                out.push(Token {
                    start: i,
                    end,
                    kind: Kind::Opaque,
                    ch: char::from(b),
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            let start = i;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphabetic() {
                    i += 1;
                } else if bytes[i] >= 0x80 {
                    match text[i..].chars().next() {
                        Some(c) if is_letter(c) => i += c.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start,
                end: i,
                kind: Kind::Word,
                ch: char::from(b),
                gap,
            });
            gap = Gap::None;
            continue;
        }
        // Any other character, ASCII or not.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if is_space(c) {
            gap = widen(gap);
            i += len;
            continue;
        }
        if is_break(c) {
            gap = Gap::Break;
            i += len;
            continue;
        }
        if is_letter(c) {
            let start = i;
            while i < bytes.len() {
                match text[i..].chars().next() {
                    Some(c) if is_letter(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
            out.push(Token {
                start,
                end: i,
                kind: Kind::Word,
                ch: c,
                gap,
            });
            gap = Gap::None;
            continue;
        }
        if c == '@' {
            // The local part of an e-mail address was read as words: mark the
            // whole address opaque from here.
            let end = run_end(text, i);
            out.push(Token {
                start: i,
                end,
                kind: Kind::Opaque,
                ch: c,
                gap,
            });
            gap = Gap::None;
            i = end;
            continue;
        }
        out.push(Token {
            start: i,
            end: i + len,
            kind: Kind::Punct,
            ch: c,
            gap,
        });
        gap = Gap::None;
        i += len;
    }
    out
}

fn widen(gap: Gap) -> Gap {
    match gap {
        Gap::None => Gap::One,
        Gap::One | Gap::Many => Gap::Many,
        Gap::Break => Gap::Break,
    }
}

/// If a web address starts at `i` (`http://`, `https://`, `www.`), where it
/// ends: the next white space.
fn address_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text.as_bytes()[i..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if i > 0 && text.as_bytes()[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    (starts(b"http://") || starts(b"https://") || starts(b"www.")).then(|| run_end(text, i))
}

/// End of the run of non-space characters starting at `i`.
fn run_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(k, _)| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, Gap)> {
        tokens(text)
            .iter()
            .map(|t| (t.text(text).to_string(), t.kind, t.gap))
            .collect()
    }

    #[test]
    fn digits_words_punct_and_gaps() {
        let k = kinds("US$1.5  billion\n12 %");
        assert_eq!(
            k,
            vec![
                ("US".into(), Kind::Word, Gap::None),
                ("$".into(), Kind::Punct, Gap::None),
                ("1".into(), Kind::Digits, Gap::None),
                (".".into(), Kind::Punct, Gap::None),
                ("5".into(), Kind::Digits, Gap::None),
                ("billion".into(), Kind::Word, Gap::Many),
                ("12".into(), Kind::Digits, Gap::Break),
                ("%".into(), Kind::Punct, Gap::One),
            ]
        );
    }

    #[test]
    fn narrow_no_break_space_is_one_gap() {
        let k = kinds("40\u{202f}000 ரூ");
        assert_eq!(k[1].2, Gap::One);
        assert_eq!(k[2], ("ரூ".into(), Kind::Word, Gap::One));
    }

    #[test]
    fn addresses_are_opaque() {
        let k = kinds("see https://a.test/2022/06/30/x?q=%28 and www.b.test/1 or me@c.test now");
        let opaque: Vec<_> = k.iter().filter(|t| t.1 == Kind::Opaque).collect();
        assert_eq!(opaque.len(), 3);
        assert!(!k.iter().any(|t| t.1 == Kind::Digits));
    }
}
