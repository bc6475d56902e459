//! The value of a spelled number, from the sequence of its words: cardinals
//! ("two hundred and five"), scales ("1.2 million", "13 lakh"), dozens,
//! spelled decimals ("nine point nought four"), fractions ("two thirds",
//! "a hundred thousand trillionths", "one hundred and three quarters"),
//! mixed numbers ("five and a quarter", "one million and a half"), ratios
//! ("one over three", "two out of five hundred") and ordinals ("twenty-first").
//!
//! Pure functions over [`Piece`]s: the scanner decides which words belong to
//! one number, this module whether they make one and what it is worth.

use super::NumberKind;
use super::vocab::{Word, cardinal_value};

/// One element of a spelled number: a word, or a number written in digits
/// inside it ("4 thousand 3 hundred and 21").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Piece {
    Word(Word),
    Digits { value: f64, integer: bool },
}

/// What a sequence of pieces is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Value {
    pub value: f64,
    pub kind: NumberKind,
    /// The scale word the number ends with (1e6 for "2 million"), 1 if none.
    pub scale: f64,
}

fn word(p: &Piece) -> Option<Word> {
    match p {
        Piece::Word(w) => Some(*w),
        Piece::Digits { .. } => None,
    }
}

fn is(p: &Piece, w: Word) -> bool {
    word(p) == Some(w)
}

fn is_denominator(p: &Piece) -> bool {
    matches!(
        word(p),
        Some(Word::Ordinal { .. } | Word::Half { .. } | Word::Quarter { .. })
    )
}

/// "a"/"an"/"one": the numerator of "a third", "one eighth".
fn is_one(p: &Piece) -> bool {
    matches!(word(p), Some(Word::Article | Word::Unit(1.0)))
}

/// The value of `pieces` as one number, if they make one.
pub(crate) fn eval(pieces: &[Piece]) -> Option<Value> {
    let (sign, pieces) = match pieces.first() {
        Some(p) if is(p, Word::Minus) => (-1.0, &pieces[1..]),
        _ => (1.0, pieces),
    };
    let last = pieces.last()?;
    if matches!(
        word(last),
        Some(
            Word::And
                | Word::Article
                | Word::Point
                | Word::Minus
                | Word::Over
                | Word::In
                | Word::Out
                | Word::Of
        )
    ) {
        return None;
    }
    let v = if let Some(p) = pieces
        .iter()
        .position(|p| matches!(word(p), Some(Word::Over | Word::In | Word::Out)))
    {
        ratio(pieces, p)?
    } else if let Some(p) = pieces.iter().position(|p| is(p, Word::Point)) {
        point(pieces, p)?
    } else if let Some(d) = pieces.iter().rposition(is_denominator) {
        fraction_or_ordinal(pieces, d)?
    } else {
        let value = cardinal(pieces, false)?;
        let decimal = pieces
            .iter()
            .any(|p| matches!(p, Piece::Digits { integer: false, .. }));
        Value {
            value,
            kind: if decimal && value.fract() != 0.0 {
                NumberKind::Decimal
            } else {
                NumberKind::Integer
            },
            scale: match word(last) {
                Some(Word::Scale(s)) => s,
                Some(Word::Hundred) if pieces.len() > 1 => 100.0,
                _ => 1.0,
            },
        }
    };
    Some(Value {
        value: sign * v.value,
        ..v
    })
}

/// "one over three", "1 in 5", "two out of five hundred": a fraction.
/// "in" and "out of" only when the first is the smaller ("12 out of 10" is
/// two numbers).
fn ratio(pieces: &[Piece], p: usize) -> Option<Value> {
    let left = cardinal(&pieces[..p], false)?;
    let rest = &pieces[p + 1..];
    let (right, ambiguous) = match word(&pieces[p])? {
        Word::Over => (cardinal(rest, false)?, false),
        Word::In => (cardinal(rest, false)?, true),
        Word::Out => {
            if !is(rest.first()?, Word::Of) {
                return None;
            }
            (cardinal(&rest[1..], false)?, true)
        }
        _ => return None,
    };
    if right == 0.0 || (ambiguous && left >= right) {
        return None;
    }
    Some(Value {
        value: left / right,
        kind: NumberKind::Fraction,
        scale: 1.0,
    })
}

/// "five point five", "nought point eleven": digits after "point" are read
/// one word at a time, each giving its own digits.
fn point(pieces: &[Piece], p: usize) -> Option<Value> {
    let whole = if p == 0 {
        return None;
    } else {
        cardinal(&pieces[..p], false)?
    };
    let mut digits = String::new();
    for piece in &pieces[p + 1..] {
        match word(piece)? {
            Word::Unit(v) | Word::Teen(v) | Word::Tens(v) => digits.push_str(&format!("{v}")),
            _ => return None,
        }
    }
    if digits.is_empty() || whole.fract() != 0.0 {
        return None;
    }
    let value: f64 = format!("{whole}.{digits}").parse().ok()?;
    Some(Value {
        value,
        kind: NumberKind::Decimal,
        scale: 1.0,
    })
}

/// What follows a fraction's denominator and multiplies it: "million",
/// "a million", "of a million", "a dozen".
fn multiplier(tail: &[Piece]) -> Option<Option<f64>> {
    let scale = |p: &Piece| match word(p) {
        Some(Word::Scale(s)) => Some(s),
        Some(Word::Dozen) => Some(12.0),
        _ => None,
    };
    match tail {
        [] => Some(None),
        [s] => scale(s).map(Some),
        [a, s] if is(a, Word::Article) => scale(s).map(Some),
        [o, a, s] if is(o, Word::Of) && is(a, Word::Article) => scale(s).map(Some),
        _ => None,
    }
}

fn fraction(value: f64, scale: f64) -> Option<Value> {
    Some(Value {
        value,
        kind: NumberKind::Fraction,
        scale,
    })
}

/// Pieces ending in an ordinal, "half" or "quarter" (index `d`), possibly
/// followed by a multiplier.
fn fraction_or_ordinal(pieces: &[Piece], d: usize) -> Option<Value> {
    let mult = multiplier(&pieces[d + 1..])?;
    let head = &pieces[..=d];
    let den = word(&head[d])?;
    let plural = match den {
        Word::Ordinal { plural, .. } | Word::Half { plural } | Word::Quarter { plural } => plural,
        _ => return None,
    };
    if !plural {
        return singular(head, mult);
    }
    if head.len() == 1 {
        return None;
    }
    // Plural denominator: find where the numerator ends and the (possibly
    // compound) denominator begins, then read a mixed number if the
    // numerator part has an "and".
    let start = split(head);
    for s in start..head.len() {
        let Some(den) = denominator(&head[s..]) else {
            continue;
        };
        let numerator = &head[..s];
        let Some((int, num, mixed, int_scale)) = numerator_parts(numerator) else {
            continue;
        };
        let value = if mixed && num < den {
            match (mult, int_scale) {
                (Some(m), None) => (int + num / den) * m,
                _ => int + num / den * mult.or(int_scale).unwrap_or(1.0),
            }
        } else {
            (int + num) / den * mult.unwrap_or(1.0)
        };
        return fraction(value, mult.unwrap_or(1.0));
    }
    None
}

/// A singular denominator: "a fifth", "one eighth", "one one hundred fifth",
/// "three and a fifth", "one million and a half"; "half" alone; otherwise an
/// ordinal ("twenty-first", "two hundredth").
fn singular(head: &[Piece], mult: Option<f64>) -> Option<Value> {
    let den_word = word(head.last()?)?;
    // "a first", "one second" are not fractions.
    let too_small = |den: f64| matches!(den_word, Word::Ordinal { .. }) && den <= 2.0;
    // Mixed: "… and a third".
    if let Some(j) = head.iter().rposition(|p| is(p, Word::And))
        && j + 2 < head.len()
        && is_one(&head[j + 1])
        && let Some(den) = denominator(&head[j + 2..])
        && !too_small(den)
    {
        let (int, int_scale) = loose_cardinal(&head[..j])?;
        let value = match (mult, int_scale) {
            // "two and a half million": the scale covers the whole number.
            (Some(m), None) => (int + 1.0 / den) * m,
            _ => int + mult.or(int_scale).unwrap_or(1.0) / den,
        };
        return fraction(value, mult.unwrap_or(1.0));
    }
    if head.len() == 1 {
        return match den_word {
            Word::Half { .. } => fraction(0.5 * mult.unwrap_or(1.0), mult.unwrap_or(1.0)),
            Word::Quarter { .. } => mult.and_then(|m| fraction(0.25 * m, m)),
            Word::Ordinal { value, .. } if mult.is_none() => Some(Value {
                value,
                kind: NumberKind::Ordinal,
                scale: 1.0,
            }),
            _ => None,
        };
    }
    if is_one(&head[0])
        && let Some(den) = denominator(&head[1..])
    {
        if too_small(den) {
            return None;
        }
        return fraction(mult.unwrap_or(1.0) / den, mult.unwrap_or(1.0));
    }
    if mult.is_some() || !matches!(den_word, Word::Ordinal { .. }) {
        return None;
    }
    // An ordinal: the cardinal with its last word read as the ordinal's value.
    let value = cardinal(&as_cardinal(head)?, false)?;
    Some(Value {
        value,
        kind: NumberKind::Ordinal,
        scale: 1.0,
    })
}

/// The pieces with the final ordinal/fraction word replaced by the cardinal
/// word of the same value.
fn as_cardinal(pieces: &[Piece]) -> Option<Vec<Piece>> {
    let (last, rest) = pieces.split_last()?;
    let v = cardinal_value(word(last)?)?;
    let w = if v < 10.0 {
        Word::Unit(v)
    } else if v < 20.0 {
        Word::Teen(v)
    } else if v < 100.0 {
        Word::Tens(v)
    } else if v == 100.0 {
        Word::Hundred
    } else {
        Word::Scale(v)
    };
    let mut out = rest.to_vec();
    out.push(Piece::Word(w));
    Some(out)
}

/// The value of a denominator: "fifths" 5, "thirty fifths" 35, "one hundred
/// and fifth" 105, "hundredths" 100, "half" 2, "quarters" 4.
fn denominator(pieces: &[Piece]) -> Option<f64> {
    match pieces {
        [] => None,
        [p] => word(p).and_then(cardinal_value),
        _ => {
            if matches!(
                word(pieces.last()?),
                Some(Word::Half { .. } | Word::Quarter { .. })
            ) {
                return None;
            }
            cardinal(&as_cardinal(pieces)?, false)
        }
    }
}

/// A fraction's numerator part: `(whole, numerator, mixed, whole's scale)`.
/// "one hundred and three" before "quarters" is mixed: 100 and 3/4.
fn numerator_parts(pieces: &[Piece]) -> Option<(f64, f64, bool, Option<f64>)> {
    if pieces.is_empty() {
        return None;
    }
    if let Some(j) = pieces.iter().rposition(|p| is(p, Word::And))
        && j + 1 < pieces.len()
    {
        let num = numerator(&pieces[j + 1..])?;
        let (int, scale) = loose_cardinal(&pieces[..j])?;
        return Some((int, num, true, scale));
    }
    Some((0.0, numerator(pieces)?, false, None))
}

fn numerator(pieces: &[Piece]) -> Option<f64> {
    match pieces {
        [p] if is(p, Word::Article) => Some(1.0),
        _ => cardinal(pieces, false),
    }
}

/// A whole part before "and": a cardinal, or cardinals joined by "and"
/// ("twenty and three" = 23). Also returns its final scale of a thousand or
/// more, which a following fraction multiplies ("one million and a half").
fn loose_cardinal(pieces: &[Piece]) -> Option<(f64, Option<f64>)> {
    let scale = match pieces.last().and_then(word) {
        Some(Word::Scale(s)) if s >= 1e3 => Some(s),
        _ => None,
    };
    if let Some(v) = cardinal(pieces, false) {
        return Some((v, scale));
    }
    let mut sum = 0.0;
    for part in pieces.split(|p| is(p, Word::And)) {
        sum += cardinal(part, false)?;
    }
    Some((sum, scale))
}

/// Where a plural fraction's numerator ends: walks back from the
/// denominator while the words compose into it ("thirty fifths" = 35ths,
/// "hundred fifths" = 105ths) and stops where they cannot ("twenty one
/// fifths" = 21/5, "one hundred thirty fifths" = 100/35ths).
fn split(words: &[Piece]) -> usize {
    let n = words.len();
    let value = |p: &Piece| match p {
        Piece::Digits { value, .. } => Some(*value),
        Piece::Word(w) => cardinal_value(*w),
    };
    let Some(mut cur) = value(&words[n - 1]) else {
        return n - 1;
    };
    let mut round = 1.0;
    let mut i = n - 1;
    while i > 0 {
        i -= 1;
        if is(&words[i], Word::And) {
            continue;
        }
        let prev = cur;
        let Some(v) = value(&words[i]) else {
            return i + 1;
        };
        cur = v;
        let joins = (prev >= 100.0 && prev > cur) || (prev < 100.0 && composable(cur, prev));
        if !joins {
            return i + 1;
        }
        if prev < 100.0 {
            if cur >= round {
                round = cur;
            } else {
                return i + 1;
            }
        }
        if i == 0 {
            // Everything composes: the numerator is the leading run up to the
            // first hundred-or-more followed by something smaller.
            let mut s = 1;
            while s + 2 <= n {
                let big = value(&words[s]).is_some_and(|v| v >= 100.0);
                let small = !is(&words[s + 1], Word::And)
                    && value(&words[s + 1]).is_some_and(|v| v < 100.0);
                s += 1;
                if big && small {
                    break;
                }
            }
            return s;
        }
    }
    1
}

/// `big` can stand before `small` in one number: 30 before 5, 100 before 30.
fn composable(big: f64, small: f64) -> bool {
    let base = if small > 10.0 { 100.0 } else { 10.0 };
    big % base == 0.0 && big / base >= 1.0
}

/// A cardinal: units, teens and tens make groups below a hundred, "hundred"
/// multiplies the group, scales multiply everything before them and must
/// shrink from left to right, "and" follows a hundred or a scale, "dozen"
/// multiplies the group below a hundred. `implicit_one` lets a lone scale
/// stand for one of it ("hundredth" as a denominator).
pub(crate) fn cardinal(pieces: &[Piece], implicit_one: bool) -> Option<f64> {
    #[derive(PartialEq, Clone, Copy)]
    enum Small {
        None,
        Unit,
        Tens,
        Full,
    }
    if pieces.is_empty() {
        return None;
    }
    let mut total = 0.0;
    let mut hundreds: Option<f64> = None;
    let mut small = 0.0;
    let mut state = Small::None;
    let mut last_scale = f64::INFINITY;
    let mut article = false;
    let mut prev: Option<Piece> = None;
    let lone = pieces.len() == 1;
    for (idx, p) in pieces.iter().enumerate() {
        match *p {
            Piece::Digits { value, integer } => {
                if state != Small::None {
                    return None;
                }
                if idx > 0 {
                    let after_and = prev.is_some_and(|q| is(&q, Word::And));
                    let after_scale = prev
                        .is_some_and(|q| matches!(word(&q), Some(Word::Hundred | Word::Scale(_))));
                    if !integer || !(after_and || after_scale) || !(1.0..1000.0).contains(&value) {
                        return None;
                    }
                    if after_and && value >= 100.0 {
                        return None;
                    }
                }
                small = value;
                state = Small::Full;
            }
            Piece::Word(w) => match w {
                Word::Article => {
                    if idx != 0 {
                        return None;
                    }
                    article = true;
                }
                Word::Unit(u) => {
                    if u == 0.0 && !lone {
                        return None;
                    }
                    match state {
                        Small::None => {
                            small = u;
                            state = Small::Unit;
                        }
                        Small::Tens if u > 0.0 => {
                            small += u;
                            state = Small::Full;
                        }
                        _ => return None,
                    }
                }
                Word::Teen(t) => {
                    if state != Small::None {
                        return None;
                    }
                    small = t;
                    state = Small::Full;
                }
                Word::Tens(t) => {
                    if state != Small::None {
                        return None;
                    }
                    small = t;
                    state = Small::Tens;
                }
                Word::Hundred => {
                    if hundreds.is_some() {
                        return None;
                    }
                    let n = if state != Small::None {
                        let first_digits = idx == 1 && matches!(pieces[0], Piece::Digits { .. });
                        if small >= 100.0 && !first_digits {
                            return None;
                        }
                        small
                    } else if article || (implicit_one && idx == 0) {
                        1.0
                    } else {
                        return None;
                    };
                    hundreds = Some(n * 100.0);
                    small = 0.0;
                    state = Small::None;
                    article = false;
                }
                Word::Scale(s) => {
                    if s >= last_scale {
                        return None;
                    }
                    let mut g = hundreds.unwrap_or(0.0) + small;
                    if hundreds.is_none() && state == Small::None {
                        if article || (implicit_one && idx == 0) {
                            g = 1.0;
                        } else {
                            return None;
                        }
                    }
                    total += g * s;
                    hundreds = None;
                    small = 0.0;
                    state = Small::None;
                    last_scale = s;
                    article = false;
                }
                Word::Dozen => {
                    let n = if state != Small::None {
                        small
                    } else if article {
                        1.0
                    } else {
                        return None;
                    };
                    small = n * 12.0;
                    state = Small::Full;
                    article = false;
                }
                Word::And => {
                    let ok = prev.is_some_and(|q| {
                        matches!(word(&q), Some(Word::Hundred | Word::Scale(_) | Word::Dozen))
                    });
                    if !ok || idx + 1 == pieces.len() {
                        return None;
                    }
                }
                _ => return None,
            },
        }
        prev = Some(*p);
    }
    if article {
        return None;
    }
    if total == 0.0 && hundreds.is_none() && state == Small::None {
        return None;
    }
    Some(total + hundreds.unwrap_or(0.0) + small)
}

#[cfg(test)]
mod tests {
    use super::super::vocab::lookup;
    use super::*;

    /// Pieces from space-separated words; "52" style tokens are digits,
    /// "fifty-two" joins into one piece as the scanner does.
    fn pieces(s: &str) -> Vec<Piece> {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| {
                if let Ok(v) = w.parse::<f64>() {
                    return Piece::Digits {
                        value: v,
                        integer: v.fract() == 0.0,
                    };
                }
                if let Some((a, b)) = w.split_once('-')
                    && let (Some(Word::Tens(t)), Some(Word::Unit(u))) = (lookup(a), lookup(b))
                {
                    return Piece::Word(Word::Teen(t + u));
                }
                Piece::Word(lookup(w).unwrap_or_else(|| panic!("{w}")))
            })
            .collect()
    }

    fn val(s: &str) -> Option<f64> {
        eval(&pieces(s)).map(|v| v.value)
    }

    fn close(s: &str, want: f64) {
        let got = val(s).unwrap_or_else(|| panic!("{s}: no value"));
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{s}: {got} != {want}"
        );
    }

    #[test]
    fn cardinals() {
        close("one hundred and six", 106.0);
        close("two hundred and two thousand", 202000.0);
        close("two thousand and two hundred", 2200.0);
        close("three hundred and thirty one", 331.0);
        close("one million two thousand two hundred three", 1002203.0);
        close("322 hundred", 32200.0);
        close("4 thousand 3 hundred and 21", 4321.0);
        close("6 crore and two hundred", 60000200.0);
        close("a dozen", 12.0);
        close("three dozens", 36.0);
        close("three hundred and two dozens", 324.0);
        close("minus five", -5.0);
        assert_eq!(val("3 hundred and 2 hundred"), None);
        assert_eq!(val("twenty twenty"), None);
        assert_eq!(val("one one"), None);
        assert_eq!(val("a"), None);
        assert_eq!(val("hundred"), None);
    }

    #[test]
    fn fractions() {
        close("two thirds", 2.0 / 3.0);
        close("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
        close("twenty-three fifths", 4.6);
        close("twenty and three and three fifths", 23.6);
        close(
            "one million two thousand two hundred three fifths",
            200440.6,
        );
        close("one and a fourth", 1.25);
        close("five and a quarter", 5.25);
        close("one hundred and three quarters", 100.75);
        close("a hundredth", 0.01);
        close("two and fifty-four hundredths", 2.54);
        close("a hundred thousand trillionths", 1e-7);
        close("twenty fifths", 4.0);
        close("twenty one fifths", 4.2);
        close("a twenty first", 1.0 / 21.0);
        close("twenty twenty fifths", 0.8);
        close("one hundred thirty fifths", 100.0 / 35.0);
        close("one hundred thirty two fifths", 26.4);
        close("one hundred and thirty-two fifths", 26.4);
        close("one hundred and thirty and two fifths", 130.4);
        close("one one hundred fifth", 1.0 / 105.0);
        close("one one hundred and fifth", 1.0 / 105.0);
        close("ninety-five hundred fifths", 1900.0);
        close("half a dozen", 6.0);
        close("half million", 500000.0);
        close("two thirds of a million", 2e6 / 3.0);
        close("one billion and three quarters million", 1000750000.0);
        close("one million and a half", 1.5e6);
        close("3 million and a quarter", 3.25e6);
        close("nine million and five ninths", 9e6 + 5e6 / 9.0);
        close("a quarter million", 250000.0);
        close("two and a half million", 2.5e6);
        close("two and three quarters billion", 2.75e9);
        close("a million and a half", 1.5e6);
        close("three quarters billion", 7.5e8);
        close("forty two and a third", 42.0 + 1.0 / 3.0);
        close("two hundred thirty two and a thirtieth", 232.0 + 1.0 / 30.0);
        close("one over three", 1.0 / 3.0);
        close("1 over twenty-one", 1.0 / 21.0);
        close("two out of five hundred", 0.004);
        assert_eq!(val("12 out of 10"), None);
        assert_eq!(val("five in three"), None);
        assert_eq!(val("third quarter"), None);
        assert_eq!(val("quarter"), None);
        assert_eq!(val("a second"), None);
    }

    #[test]
    fn ordinals_and_decimals() {
        let o = eval(&pieces("twenty first")).expect("21st");
        assert_eq!((o.value, o.kind), (21.0, NumberKind::Ordinal));
        let o = eval(&pieces("two hundredth")).expect("200th");
        assert_eq!((o.value, o.kind), (200.0, NumberKind::Ordinal));
        close("three trillionth", 3e12);
        close("nine point nought four", 9.04);
        close("nought point eleven", 0.11);
        close("zero point zero eight", 0.08);
        close("minus five point five", -5.5);
    }
}
