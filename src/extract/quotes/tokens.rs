//! The body as words and punctuation, each token knowing its sentence and
//! paragraph: what the quote rules walk. One pass, no allocation per token.
//! An apostrophe or hyphen between letters stays inside its word ("don't",
//! "Clinton’s", "so-called"); every quotation mark is a token of its own
//! (`` `` `` and `''` are one token each).

use std::ops::Range;

/// One word or punctuation character of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Byte range in the body.
    pub range: Range<usize>,
    /// A run of letters and digits (with inner apostrophes, hyphens and
    /// dots), or else one punctuation character.
    pub word: bool,
    /// Index of the sentence holding it (`usize::MAX` between sentences).
    pub sent: usize,
    /// Index of the paragraph holding it (`usize::MAX` between paragraphs).
    pub para: usize,
}

/// Characters that may join two word characters inside one word.
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐' | '‑' | '&')
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The tokens of `body`, with the sentence and paragraph of each.
pub(crate) fn tokenize(
    body: &str,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<Tok> {
    let mut out = Vec::with_capacity(body.len() / 5);
    let bytes = body.as_bytes();
    let mut chars = body.char_indices().peekable();
    let (mut si, mut pi) = (0usize, 0usize);
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let end = if word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins = || {
                    joiner(d)
                        && body[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(word_char)
                };
                if !word_char(d) && !joins() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            end
        } else if (c == '`' || c == '\'') && bytes.get(i + 1) == Some(&(c as u8)) {
            chars.next();
            i + 2
        } else {
            i + c.len_utf8()
        };
        while sentences.get(si).is_some_and(|s| s.end <= i) {
            si += 1;
        }
        while paragraphs.get(pi).is_some_and(|p| p.end <= i) {
            pi += 1;
        }
        let sent = match sentences.get(si) {
            Some(s) if s.start <= i => si,
            _ => usize::MAX,
        };
        let para = match paragraphs.get(pi) {
            Some(p) if p.start <= i => pi,
            _ => usize::MAX,
        };
        out.push(Tok {
            range: i..end,
            word: word_char(c),
            sent,
            para,
        });
    }
    out
}

/// The text of token `t`.
pub(crate) fn text<'a>(body: &'a str, t: &Tok) -> &'a str {
    body.get(t.range.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_marks_stand_alone() {
        let body = "“Don’t,” the so-called U.S. voters’ ``group'' said.";
        let all = 0..body.len();
        let one = std::slice::from_ref(&all);
        let toks = tokenize(body, one, one);
        let words: Vec<&str> = toks.iter().map(|t| text(body, t)).collect();
        assert_eq!(
            words,
            [
                "“",
                "Don’t",
                ",",
                "”",
                "the",
                "so-called",
                "U.S",
                ".",
                "voters",
                "’",
                "``",
                "group",
                "''",
                "said",
                "."
            ]
        );
        assert!(toks.iter().all(|t| t.sent == 0 && t.para == 0));
    }
}
