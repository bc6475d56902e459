//! Numbers written with digits: thousands separators (`4,800`, `1 200`,
//! `12,34,567`, `1.234.567`), decimals (`4.8`, `.08`, `1,3`, `1.111,11`),
//! signs, exponents (`1e10`, `1.1^23`, `1.3x10^6`), fractions (`3/4`,
//! `1 4/5`, `2½`), ordinal suffixes (`21st`) and scale suffixes (`10k`,
//! `3bn`, `2mil`, `10 M`). Dates (`03/02/25`, `2022-06-30`) and clock times
//! (`10:30`) are skipped whole; lists written without spaces (`22,24,26`,
//! `192.168.1.2`) give one number per item.

use super::NumberKind;
use super::lexer::{Gap, Kind, Token};

/// Numbers longer than this are identifiers or noise, not figures.
const MAX_DIGITS: usize = 24;

/// One number read from digits.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    /// Byte range, sign and suffix included.
    pub start: usize,
    pub end: usize,
    /// Index of the first token after it.
    pub next: usize,
    pub value: f64,
    pub kind: NumberKind,
    /// Digits only: no separator, sign, decimals or suffix ("2024").
    pub plain: bool,
    /// A scale suffix multiplied it ("10k"): no scale word may follow.
    pub scale: f64,
    /// Letters glued after it that are not part of it (token index).
    pub suffix: Option<usize>,
}

/// What the digits at a token are.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// One number.
    One(Literal),
    /// Several numbers written as a list without spaces.
    List(Vec<Literal>),
    /// A date or time: not figures; resume at this token.
    Skip(usize),
}

fn digits_value(s: &str) -> f64 {
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// A Digits token glued to the token before `k` and followed by more.
fn glued_digits(toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Kind::Digits && t.glued())
}

fn glued_punct(toks: &[Token], k: usize, c: char) -> bool {
    toks.get(k).is_some_and(|t| t.is(c) && t.glued())
}

fn len(toks: &[Token], k: usize) -> usize {
    toks[k].end - toks[k].start
}

/// Reads the number whose first digits are token `i` (a sign before it is
/// the caller's to judge).
pub fn read(text: &str, toks: &[Token], i: usize) -> Read {
    let t0 = toks[i];
    let d0 = t0.text(text);
    // Clock times and dates.
    if glued_punct(toks, i + 1, ':') && glued_digits(toks, i + 2) && len(toks, i + 2) == 2 {
        let mut k = i + 3;
        while glued_punct(toks, k, ':') && glued_digits(toks, k + 1) {
            k += 2;
        }
        return Read::Skip(k);
    }
    for sep in ['/', '-', '.'] {
        if glued_punct(toks, i + 1, sep)
            && glued_digits(toks, i + 2)
            && glued_punct(toks, i + 3, sep)
            && glued_digits(toks, i + 4)
        {
            let (a, b, c) = (d0.len(), len(toks, i + 2), len(toks, i + 4));
            let date = match sep {
                '/' => a <= 4 && b <= 2 && (c == 2 || c == 4 || a == 4),
                '-' => a == 4 && b <= 2 && c <= 2,
                _ => a <= 2 && b <= 2 && (c == 2 || c == 4),
            };
            if date && !glued_punct(toks, i + 5, sep) {
                return Read::Skip(i + 5);
            }
        }
    }
    if d0.len() > MAX_DIGITS {
        let mut k = i + 1;
        while k < toks.len() && toks[k].glued() && toks[k].kind != Kind::Opaque {
            k += 1;
        }
        return Read::Skip(k);
    }

    let mut int = d0.to_string();
    let mut frac = String::new();
    let mut k = i + 1;
    let mut plain = true;

    // Comma groups.
    let mut commas = Vec::new();
    while glued_punct(toks, k + commas.len() * 2, ',')
        && glued_digits(toks, k + commas.len() * 2 + 1)
    {
        commas.push(k + commas.len() * 2 + 1);
        if commas.len() > 64 {
            break;
        }
    }
    if !commas.is_empty() {
        let lens: Vec<usize> = commas.iter().map(|&c| len(toks, c)).collect();
        let western = d0.len() <= 3 && lens.iter().all(|&l| l == 3);
        let indian = d0.len() <= 2
            && lens.len() >= 2
            && lens[..lens.len() - 1].iter().all(|&l| l == 2)
            && lens[lens.len() - 1] == 3;
        if western || indian {
            for &c in &commas {
                int.push_str(toks[c].text(text));
            }
            k = commas[commas.len() - 1] + 1;
            plain = false;
        } else if commas.len() == 1
            && !(glued_punct(toks, commas[0] + 1, '.') && glued_digits(toks, commas[0] + 2))
        {
            // A decimal comma: "1,3".
            frac = toks[commas[0]].text(text).to_string();
            k = commas[0] + 1;
            plain = false;
        } else {
            return list(text, toks, i, &commas);
        }
    }

    // Dot groups.
    let mut dots = Vec::new();
    while glued_punct(toks, k + dots.len() * 2, '.') && glued_digits(toks, k + dots.len() * 2 + 1) {
        dots.push(k + dots.len() * 2 + 1);
        if dots.len() > 64 {
            break;
        }
    }
    if !dots.is_empty() && frac.is_empty() {
        let lens: Vec<usize> = dots.iter().map(|&c| len(toks, c)).collect();
        let last = dots[dots.len() - 1];
        let decimal_comma = glued_punct(toks, last + 1, ',') && glued_digits(toks, last + 2);
        if commas.is_empty()
            && d0.len() <= 3
            && lens.iter().all(|&l| l == 3)
            && (dots.len() > 1 || decimal_comma)
        {
            // "1.234.567", "1.111,11".
            for &c in &dots {
                int.push_str(toks[c].text(text));
            }
            k = last + 1;
            if decimal_comma {
                frac = toks[last + 2].text(text).to_string();
                k = last + 3;
            }
        } else if dots.len() == 1 {
            frac = toks[dots[0]].text(text).to_string();
            k = dots[0] + 1;
        } else if commas.is_empty() {
            return list(text, toks, i, &dots);
        } else {
            frac = toks[dots[0]].text(text).to_string();
            k = dots[0] + 1;
        }
        plain = false;
    }

    // Thousands separated by single spaces: "1 234 567", "40 000".
    if plain && d0.len() <= 3 && !(d0.len() > 1 && d0.starts_with('0')) {
        let mut groups = Vec::new();
        let mut j = k;
        while toks
            .get(j)
            .is_some_and(|t| t.kind == Kind::Digits && t.gap == Gap::One && t.end - t.start == 3)
            && !glued_punct(toks, j + 1, '/')
            && !toks
                .get(j + 1)
                .is_some_and(|t| t.glued() && (t.kind == Kind::Digits || t.is(':')))
        {
            groups.push(j);
            j += 1;
        }
        if !groups.is_empty() {
            for &g in &groups {
                int.push_str(toks[g].text(text));
            }
            k = j;
            plain = false;
            if glued_punct(toks, k, '.') && glued_digits(toks, k + 1) {
                frac = toks[k + 1].text(text).to_string();
                k += 2;
            }
        }
    }

    let mut value = digits_value(&if frac.is_empty() {
        int.clone()
    } else {
        format!("{int}.{frac}")
    });
    let mut kind = if frac.is_empty() {
        NumberKind::Integer
    } else {
        NumberKind::Decimal
    };
    let mut end = toks[k - 1].end;
    let mut scale = 1.0;
    let mut suffix = None;

    // Fractions: "3/4", and "1 4/5" (an integer, one space, a fraction).
    let slash_before = i > 0 && toks[i - 1].is('/') && t0.glued();
    if kind == NumberKind::Integer && plain && !slash_before {
        if glued_punct(toks, k, '/')
            && glued_digits(toks, k + 1)
            && !glued_punct(toks, k + 2, '/')
            && !glued_digits(toks, k + 3)
            && !(i > 0
                && toks[i - 1].is('-')
                && t0.glued()
                && i > 1
                && toks[i - 2].kind == Kind::Digits
                && toks[i - 1].glued())
        {
            let den = digits_value(toks[k + 1].text(text));
            if den > 0.0 {
                value /= den;
                kind = NumberKind::Fraction;
                end = toks[k + 1].end;
                k += 2;
                plain = false;
            }
        } else if toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Digits && t.gap == Gap::One)
            && glued_punct(toks, k + 1, '/')
            && glued_digits(toks, k + 2)
            && !glued_punct(toks, k + 3, '/')
        {
            let num = digits_value(toks[k].text(text));
            let den = digits_value(toks[k + 2].text(text));
            if den > 0.0 && num < den {
                value += num / den;
                kind = NumberKind::Fraction;
                end = toks[k + 2].end;
                k += 3;
                plain = false;
            }
        }
    }
    // Unicode fractions glued or one space after: "2½".
    if kind == NumberKind::Integer
        && let Some(t) = toks.get(k)
        && t.kind == Kind::Punct
        && matches!(t.gap, Gap::None | Gap::One)
        && let Some(f) = vulgar(t.ch)
    {
        value += f;
        kind = NumberKind::Fraction;
        end = t.end;
        k += 1;
        plain = false;
    }

    // Exponents: "1e10", "-12e-1", "1.1^23", "1.3x10^6".
    if matches!(kind, NumberKind::Integer | NumberKind::Decimal)
        && let Some((exp, next)) = exponent(text, toks, k)
    {
        value *= 10f64.powf(exp);
        kind = NumberKind::Power;
        end = toks[next - 1].end;
        k = next;
        plain = false;
    } else if matches!(kind, NumberKind::Integer | NumberKind::Decimal)
        && glued_punct(toks, k, '^')
        && let Some((exp, next)) = signed_digits(text, toks, k + 1)
    {
        value = value.powf(exp);
        kind = NumberKind::Power;
        end = toks[next - 1].end;
        k = next;
        plain = false;
    } else if matches!(kind, NumberKind::Integer | NumberKind::Decimal)
        && toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.glued() && t.text(text) == "x")
        && glued_digits(toks, k + 1)
        && toks[k + 1].text(text) == "10"
        && glued_punct(toks, k + 2, '^')
        && let Some((exp, next)) = signed_digits(text, toks, k + 3)
    {
        value *= 10f64.powf(exp);
        kind = NumberKind::Power;
        end = toks[next - 1].end;
        k = next;
        plain = false;
    }

    // Suffixes glued on: ordinals and scales; other letters are noted.
    if let Some(t) = toks.get(k)
        && t.kind == Kind::Word
        && t.glued()
    {
        let w = t.text(text);
        let integer = kind == NumberKind::Integer;
        let wide = int.len() >= 2 || !frac.is_empty();
        if integer && is_ordinal_suffix(&int, w) {
            kind = NumberKind::Ordinal;
            end = t.end;
            k += 1;
            plain = false;
        } else if let Some(m) = scale_suffix(w, wide, true)
            && matches!(kind, NumberKind::Integer | NumberKind::Decimal)
        {
            value *= m;
            scale = m;
            end = t.end;
            k += 1;
            plain = false;
        } else {
            suffix = Some(k);
        }
    } else if let Some(t) = toks.get(k)
        && t.kind == Kind::Word
        && matches!(t.gap, Gap::One | Gap::Many)
        && matches!(kind, NumberKind::Integer | NumberKind::Decimal)
        && let Some(m) = scale_suffix(t.text(text), int.len() >= 2 || !frac.is_empty(), false)
        && !toks
            .get(k + 1)
            .is_some_and(|n| n.glued() && (n.is('.') || n.kind == Kind::Word))
    {
        value *= m;
        scale = m;
        end = t.end;
        k += 1;
        plain = false;
    }

    if !value.is_finite() {
        return Read::Skip(k);
    }
    Read::One(Literal {
        start: t0.start,
        end,
        next: k,
        value,
        kind,
        plain,
        scale,
        suffix,
    })
}

/// Items of a list written without spaces ("22,24,26", "192.168.1.2").
fn list(text: &str, toks: &[Token], i: usize, items: &[usize]) -> Read {
    let mut out = Vec::with_capacity(items.len() + 1);
    for &k in std::iter::once(&i).chain(items) {
        out.push(Literal {
            start: toks[k].start,
            end: toks[k].end,
            next: k + 1,
            value: digits_value(toks[k].text(text)),
            kind: NumberKind::Integer,
            plain: true,
            scale: 1.0,
            suffix: None,
        });
    }
    Read::List(out)
}

/// `e`/`E`, an optional sign and digits, glued: the power of ten.
fn exponent(text: &str, toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    if t.kind != Kind::Word || !t.glued() || !matches!(t.text(text), "e" | "E") {
        return None;
    }
    signed_digits(text, toks, k + 1)
}

/// An optional glued sign and glued digits (at most three).
fn signed_digits(text: &str, toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let (sign, k) = match toks.get(k) {
        Some(t) if t.glued() && t.is('-') => (-1.0, k + 1),
        Some(t) if t.glued() && t.is('+') => (1.0, k + 1),
        _ => (1.0, k),
    };
    let t = toks.get(k)?;
    if t.kind != Kind::Digits || !t.glued() || t.end - t.start > 3 {
        return None;
    }
    if toks
        .get(k + 1)
        .is_some_and(|n| n.glued() && n.kind == Kind::Word)
    {
        return None;
    }
    Some((sign * digits_value(t.text(text)), k + 1))
}

/// "st", "nd", "rd", "th" after an integer (any case).
fn is_ordinal_suffix(int: &str, w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    if !matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
        return false;
    }
    let last2 = int.len().checked_sub(2).map_or(int, |s| &int[s..]);
    let teen = last2.len() == 2 && last2.starts_with('1');
    match int.as_bytes().last() {
        Some(b'1') if !teen => w == "st",
        Some(b'2') if !teen => w == "nd",
        Some(b'3') if !teen => w == "rd",
        _ => w == "th",
    }
}

/// A scale written as a suffix: `10k`, `1.2b`, `3bn`, `2mil`, `10M`. "G"
/// needs two digits or a decimal (`5G` is a network generation). Lower-case
/// "m" is left to the caller: metres, or millions after a currency.
pub fn scale_suffix(w: &str, wide: bool, glued: bool) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "M" | "mn" | "Mn" | "mln" | "Mln" | "MLN" | "MM" => 1e6,
        "mil" if glued => 1e6,
        "G" if wide => 1e9,
        "b" | "B" if glued => 1e9,
        "bn" | "Bn" | "BN" | "bln" | "Bln" | "BLN" => 1e9,
        "tn" | "Tn" | "tln" | "Tln" | "trn" => 1e12,
        _ => return None,
    })
}

/// The value of a Unicode vulgar fraction character.
pub fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}
