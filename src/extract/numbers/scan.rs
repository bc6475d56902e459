//! The scanner: walks the tokens once, reading digits with [`digits`] and
//! number words with [`phrase`], and turns what they read into
//! [`NumberSpan`]s. Words that only look like numbers are left out here:
//! "one" as a pronoun ("the one you mentioned"), "half" as a noun ("the
//! second half"), "a third" before a noun it ranks ("a third term").

use super::digits::{self, Read};
use super::grammar::Piece;
use super::lexer::{self, Gap, Kind, Token};
use super::phrase;
use super::vocab::Word;
use super::{Attached, DecimalMark, NumberKind, NumberSpan, Written};

/// Every number in `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<NumberSpan> {
    scan_tokens(text, &lexer::tokens(text), DecimalMark::Point)
}

/// The same, on the text's tokens already lexed, with decimals marked by
/// `mark`.
pub(crate) fn scan_tokens(text: &str, toks: &[lexer::Token], mark: DecimalMark) -> Vec<NumberSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let next = match toks[i].kind {
            Kind::Digits => digits_at(text, toks, i, mark, &mut out),
            Kind::Word => words_at(text, toks, i, &mut out),
            Kind::Punct => vulgar_at(toks, i, &mut out),
            Kind::Opaque => i + 1,
        };
        i = next.max(i + 1);
    }
    out
}

fn lower_word(text: &str, t: &Token) -> Option<String> {
    (t.kind == Kind::Word).then(|| t.text(text).to_ascii_lowercase())
}

/// How the number starting at token `i` is attached to what precedes it.
fn attached(toks: &[Token], i: usize) -> Attached {
    if i == 0 || !toks[i].glued() {
        return Attached::Free;
    }
    let p = toks[i - 1];
    if p.kind == Kind::Word {
        return Attached::Letter;
    }
    // "HPP-1", "scp2-173": a hyphen after a run of letters (and digits).
    if p.is('-') && i >= 2 && p.glued() {
        let mut k = i - 2;
        for _ in 0..8 {
            match toks[k].kind {
                Kind::Word => return Attached::Hyphen,
                Kind::Digits if toks[k].glued() && k > 0 => k -= 1,
                _ => break,
            }
        }
    }
    Attached::Free
}

fn digits_at(
    text: &str,
    toks: &[Token],
    i: usize,
    mark: DecimalMark,
    out: &mut Vec<NumberSpan>,
) -> usize {
    let t = toks[i];
    // ".08": a decimal without its leading zero.
    if i >= 1
        && toks[i - 1].is('.')
        && t.glued()
        && (i == 1 || !toks[i - 1].glued() || toks[i - 2].kind == Kind::Punct)
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.glued() && n.kind != Kind::Punct)
        && t.end - t.start <= 15
    {
        let digits = t.text(text);
        if let Ok(value) = format!("0.{digits}").parse::<f64>() {
            out.push(NumberSpan {
                range: toks[i - 1].start..t.end,
                value,
                kind: NumberKind::Decimal,
                written: Written::Digits,
                scale: 1.0,
                plain: false,
                suffix: None,
                attached: Attached::Free,
            });
            return i + 1;
        }
    }
    let att = attached(toks, i);
    // A sign: "-9.2", "−5" glued, not after a word or a number ("SCP-173",
    // "10-15"); or the word "minus"/"negative".
    let mut sign = 1.0;
    let mut start = t.start;
    if att == Attached::Free && i >= 1 {
        let p = toks[i - 1];
        let minus_glyph = (p.is('-') || p.is('−')) && t.glued();
        // Not after a number on the same line: "75 -300mm" is a range.
        let after_number = i >= 2 && toks[i - 2].kind == Kind::Digits && p.same_line();
        let free_before = !after_number
            && (i == 1
                || !p.glued()
                || matches!(toks[i - 2].ch, '(' | '[' | '{' | '/' | '=' | ':' | ';')
                    && toks[i - 2].kind == Kind::Punct);
        let minus_word = matches!(t.gap, Gap::One | Gap::Many)
            && matches!(lower_word(text, &p).as_deref(), Some("minus" | "negative"));
        if (minus_glyph && free_before) || minus_word {
            sign = -1.0;
            start = p.start;
        }
    }
    match digits::read(text, toks, i, mark) {
        Read::Skip(k) => k,
        Read::List(items) => {
            let next = items.last().map_or(i + 1, |l| l.next);
            for l in items {
                out.push(NumberSpan {
                    range: l.start..l.end,
                    value: l.value,
                    kind: l.kind,
                    written: Written::Digits,
                    scale: 1.0,
                    plain: l.plain,
                    suffix: None,
                    attached: Attached::Free,
                });
            }
            next
        }
        Read::One(lit) => {
            let mut span = NumberSpan {
                range: start..lit.end,
                value: sign * lit.value,
                kind: lit.kind,
                written: Written::Digits,
                scale: lit.scale,
                plain: lit.plain && sign > 0.0,
                suffix: lit.suffix.map(|k| toks[k].start..toks[k].end),
                attached: att,
            };
            let mut next = lit.next;
            // "1.2 million", "322 hundred", "3 hundred and 21", "1 over 3".
            let simple = matches!(lit.kind, NumberKind::Integer | NumberKind::Decimal)
                && lit.scale == 1.0
                && lit.suffix.is_none();
            let currency_before = i >= 1
                && matches!(toks[i - 1].ch, '$' | '€' | '£' | '¥')
                && toks[i - 1].kind == Kind::Punct;
            let continues = toks.get(next).is_some_and(|n| {
                matches!(n.gap, Gap::One | Gap::Many)
                    && match phrase::word_at(text, toks, next) {
                        Some(Word::Hundred | Word::Scale(_) | Word::Dozen | Word::And) => true,
                        Some(Word::Over | Word::In | Word::Out) => {
                            !currency_before && lit.kind == NumberKind::Integer
                        }
                        _ => false,
                    }
            });
            if simple
                && continues
                && let Some(p) = phrase::read(
                    text,
                    toks,
                    i,
                    Some((
                        Piece::Digits {
                            value: lit.value,
                            integer: lit.kind == NumberKind::Integer,
                        },
                        lit.end,
                        lit.next,
                    )),
                )
                && p.pieces.len() > 1
            {
                span.range = start..p.end;
                span.value = sign * p.value.value;
                span.kind = p.value.kind;
                span.scale = p.value.scale;
                span.written = Written::Mixed;
                span.plain = false;
                span.suffix = None;
                next = p.next;
            }
            out.push(span);
            next
        }
    }
}

/// Words before "one" that make it a pronoun ("the one", "which one").
const ONE_PRONOUN_AFTER: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "last", "next",
    "only", "same", "other", "little", "big", "new", "old", "right", "wrong", "first", "good",
    "bad", "better", "best", "loved", "young", "special", "such", "either", "neither", "someone",
];

/// Words before "half" that make it a noun ("the second half").
const HALF_NOUN_AFTER: &[&str] = &[
    "the", "first", "second", "other", "its", "his", "her", "their", "our", "my", "your", "each",
    "either", "latter", "former", "opening", "closing", "better", "this", "that",
];

/// Words after "a third" that still make it a fraction ("a third of").
const FRACTION_FOLLOWERS: &[&str] = &[
    "of", "and", "or", "to", "than", "in", "on", "at", "for", "from", "by", "more", "less", "was",
    "were", "is", "are", "has", "have", "had", "will", "would", "could", "percent", "per", "as",
    "that", "which", "who",
];

fn prev_word(text: &str, toks: &[Token], i: usize) -> Option<String> {
    let p = toks.get(i.checked_sub(1)?)?;
    if !toks[i].same_line() {
        return None;
    }
    lower_word(text, p)
}

fn words_at(text: &str, toks: &[Token], i: usize, out: &mut Vec<NumberSpan>) -> usize {
    let Some(w) = phrase::word_at(text, toks, i) else {
        return i + 1;
    };
    match w {
        Word::And | Word::Over | Word::In | Word::Out | Word::Of | Word::Point => return i + 1,
        Word::Article | Word::Minus if phrase::word_at(text, toks, i + 1).is_none() => {
            return i + 1;
        }
        _ => {}
    }
    let Some(p) = phrase::read(text, toks, i, None) else {
        return i + 1;
    };
    let prev = prev_word(text, toks, i);
    let next_tok = toks.get(p.next).filter(|t| t.same_line());
    let next_word = next_tok.and_then(|t| lower_word(text, t));
    let mut span = NumberSpan {
        range: p.start..p.end,
        value: p.value.value,
        kind: p.value.kind,
        written: Written::Words,
        scale: p.value.scale,
        plain: false,
        suffix: None,
        attached: attached(toks, i),
    };
    match p.pieces.as_slice() {
        [Piece::Word(Word::Unit(v))] if *v == 1.0 => {
            let compound = next_tok.is_some_and(|t| t.glued() && t.is('-'));
            let pronoun = !compound
                && (prev
                    .as_deref()
                    .is_some_and(|w| ONE_PRONOUN_AFTER.contains(&w))
                    || matches!(next_word.as_deref(), Some("another" | "anyone")));
            if pronoun {
                return p.next;
            }
        }
        [Piece::Word(Word::Half { plural: false })] => {
            let noun = prev
                .as_deref()
                .is_some_and(|w| HALF_NOUN_AFTER.contains(&w))
                || next_tok.is_some_and(|t| t.glued() && t.is('-'));
            if noun {
                return p.next;
            }
        }
        [
            Piece::Word(Word::Article),
            Piece::Word(Word::Ordinal {
                value,
                plural: false,
            }),
        ] => {
            // "a third consecutive term": the ordinal, not a fraction.
            let ranks = next_word
                .as_deref()
                .is_some_and(|w| !FRACTION_FOLLOWERS.contains(&w));
            if ranks {
                span.range = toks[i + 1].start..p.end;
                span.value = *value;
                span.kind = NumberKind::Ordinal;
                span.attached = Attached::Free;
            }
        }
        _ => {}
    }
    out.push(span);
    p.next
}

/// A vulgar fraction standing alone ("½ teaspoon").
fn vulgar_at(toks: &[Token], i: usize, out: &mut Vec<NumberSpan>) -> usize {
    let t = toks[i];
    if let Some(v) = digits::vulgar(t.ch) {
        out.push(NumberSpan {
            range: t.start..t.end,
            value: v,
            kind: NumberKind::Fraction,
            written: Written::Digits,
            scale: 1.0,
            plain: false,
            suffix: None,
            attached: attached(toks, i),
        });
    }
    i + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, f64)> {
        scan(text)
            .into_iter()
            .map(|n| (text[n.range.clone()].to_string(), n.value))
            .collect()
    }

    #[test]
    fn a_decimal_comma_language_groups_thousands_with_points() {
        let read = |text: &str| -> Vec<(String, f64)> {
            scan_tokens(text, &lexer::tokens(text), DecimalMark::Comma)
                .into_iter()
                .map(|n| (text[n.range.clone()].to_string(), n.value))
                .collect()
        };
        let f = read("1.500 neue Stellen, 3,5 Prozent, 1,500 Tonnen, 2.499,99 Euro, 1.234.567");
        let values: Vec<f64> = f.iter().map(|(_, v)| *v).collect();
        assert_eq!(values, [1500.0, 3.5, 1.5, 2499.99, 1_234_567.0], "{f:?}");
        // English reads the same digits its own way.
        assert_eq!(found("1.500 and 1,500")[0].1, 1.5);
        assert_eq!(found("1.500 and 1,500")[1].1, 1500.0);
        assert_eq!(DecimalMark::of_language("de"), DecimalMark::Comma);
        assert_eq!(DecimalMark::of_language("ja"), DecimalMark::Point);
    }

    fn one(text: &str, want: &str, value: f64) {
        let f = found(text);
        assert!(
            f.iter()
                .any(|(t, v)| t == want && (v - value).abs() <= 1e-9 * value.abs().max(1.0)),
            "{text:?}: {f:?}"
        );
    }

    /// `text | the number as written | its value`, one case a line.
    const DIGIT_CASES: &str = "\
4,800 radios | 4,800 | 4800.0
about 1 200 people | 1 200 | 1200.0
over 25.3 billion rubles | 25.3 billion | 25.3e9
US$1.5 billion | 1.5 billion | 1.5e9
The result is 12,34,567.89 | 12,34,567.89 | 1234567.89
1.111,11 | 1.111,11 | 1111.11
4.800 | 4.800 | 4.8
The number is 1,3. | 1,3 | 1.3
.08 | .08 | 0.08
 -9.2321312 | -9.2321312 | -9.2321312
-4/5 | -4/5 | -0.8
1e10 | 1e10 | 1e10
-12e-1 | -12e-1 | -1.2
1.3x10^6 | 1.3x10^6 | 1.3e6
10k | 10k | 1e4
3bn | 3bn | 3e9
2mil SEK | 2mil | 2e6
either 10 bln or | 10 bln | 1e10
1,674.5 G | 1,674.5 G | 1.6745e12
21st | 21st | 21.0
- 1 4/5 | 1 4/5 | 1.8
the 3 in 5 | 3 in 5 | 0.6
";

    #[test]
    fn digits_and_separators() {
        for case in DIGIT_CASES.lines() {
            let cols: Vec<&str> = case.split(" | ").collect();
            let value: f64 = cols[2].parse().expect("value");
            one(cols[0], cols[1], value);
        }
        one("1.1^23", "1.1^23", 1.1f64.powf(23.0));
        assert_eq!(found("22,24,26,31").len(), 4);
        assert_eq!(found("192.168.1.2").len(), 4);
        assert!(found("dated 12/18/24 and 2022-06-30 at 10:30").is_empty());
        assert!(found("1m isn't").iter().all(|(t, _)| t == "1"));
        assert_eq!(found("12 out of 10").len(), 2);
        assert_eq!(found("$2000 over 3 years").len(), 2);
    }

    #[test]
    fn words() {
        one("twelve trips", "twelve", 12.0);
        one(" half a  dozen", "half a  dozen", 6.0);
        one("fifty - two", "fifty - two", 52.0);
        one(
            "I can give you 3 hundred and 21 yuan",
            "3 hundred and 21",
            321.0,
        );
        one("The answer is minus 5", "minus 5", -5.0);
        one("negative one over 20", "negative one over 20", -0.05);
        one("1.2 to 2 million", "2 million", 2e6);
        one("a twenty-first", "a twenty-first", 1.0 / 21.0);
        one("Russia’s 201st military base", "201st", 201.0);
        one("a third of voters", "a third", 1.0 / 3.0);
        one("for a third term", "third", 3.0);
        let f = found("3 hundred and 2 hundred are two valid numbers.");
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(found("The one you mentioned is invalid").is_empty());
        assert!(found("Which one do you prefer?").is_empty());
        assert!(
            found("in the second half")
                .iter()
                .all(|(t, _)| t == "second")
        );
        assert!(found("a").is_empty());
    }
}
