//! Numbers written with digits: thousands separators (`4,800`, `1 200`,
//! `12,34,567`, `1.234.567`), decimals (`4.8`, `.08`, `1,3`, `1.111,11`),
//! signs, exponents (`1e10`, `1.1^23`, `1.3x10^6`), fractions (`3/4`,
//! `1 4/5`, `2½`), ordinal suffixes (`21st`) and scale suffixes (`10k`,
//! `3bn`, `2mil`, `10 M`). Dates (`03/02/25`, `2022-06-30`) and clock times
//! (`10:30`) are skipped whole; lists written without spaces (`22,24,26`,
//! `192.168.1.2`) give one number per item.

use super::lexer::{Gap, Kind, Token};
use super::{DecimalMark, NumberKind};

/// Numbers longer than this are identifiers or noise, not figures.
const MAX_DIGITS: usize = 24;

/// One number read from digits.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Literal {
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
pub(crate) enum Read {
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
/// the caller's to judge), its decimals marked by `mark`: the digit groups
/// first, then what may follow them (a fraction, an exponent, a suffix),
/// each pass in its own function.
pub(crate) fn read(text: &str, toks: &[Token], i: usize, mark: DecimalMark) -> Read {
    if let Some(resume) = date_time_or_noise(text, toks, i) {
        return Read::Skip(resume);
    }
    let mut digits = Groups::new(text, toks, i, mark);
    if let Some(list) = digits.comma_groups() {
        return list;
    }
    if let Some(list) = digits.dot_groups() {
        return list;
    }
    digits.space_groups();
    let mut lit = digits.literal();
    fraction(text, toks, i, &mut lit);
    vulgar_fraction(toks, &mut lit);
    power(text, toks, &mut lit);
    suffix(text, toks, &digits, &mut lit);
    if !lit.value.is_finite() {
        return Read::Skip(lit.next);
    }
    Read::One(lit)
}

/// Clock times ("10:30:15"), all-digit dates ("03/02/25", "2022-06-30")
/// and digit runs too long to be figures: the token to resume at.
fn date_time_or_noise(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let d0 = toks[i].text(text);
    if glued_punct(toks, i + 1, ':') && glued_digits(toks, i + 2) && len(toks, i + 2) == 2 {
        let mut k = i + 3;
        while glued_punct(toks, k, ':') && glued_digits(toks, k + 1) {
            k += 2;
        }
        return Some(k);
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
                return Some(i + 5);
            }
        }
    }
    if d0.len() > MAX_DIGITS {
        let mut k = i + 1;
        while k < toks.len() && toks[k].glued() && toks[k].kind != Kind::Opaque {
            k += 1;
        }
        return Some(k);
    }
    None
}

/// The digit groups of one number as they are read: integer and decimal
/// digits gathered so far and the token after them.
struct Groups<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The first digits' token.
    first: usize,
    int: String,
    frac: String,
    /// The token after the digits read so far.
    next: usize,
    /// Digits only so far.
    plain: bool,
    /// Comma groups were glued on (thousands or a decimal comma).
    commas: bool,
    /// Which mark separates decimals.
    mark: DecimalMark,
}

impl<'a> Groups<'a> {
    fn new(text: &'a str, toks: &'a [Token], first: usize, mark: DecimalMark) -> Self {
        Groups {
            text,
            toks,
            first,
            int: toks[first].text(text).to_string(),
            frac: String::new(),
            next: first + 1,
            plain: true,
            commas: false,
            mark,
        }
    }

    /// Glued `sep`-digits groups from the current token (at most 65).
    fn glued_groups(&self, sep: char) -> Vec<usize> {
        let (toks, k) = (self.toks, self.next);
        let mut groups = Vec::new();
        while glued_punct(toks, k + groups.len() * 2, sep)
            && glued_digits(toks, k + groups.len() * 2 + 1)
        {
            groups.push(k + groups.len() * 2 + 1);
            if groups.len() > 64 {
                break;
            }
        }
        groups
    }

    /// Appends the digits of tokens `groups` to the integer part.
    fn push_int(&mut self, groups: &[usize]) {
        for &g in groups {
            self.int.push_str(self.toks[g].text(self.text));
        }
    }

    /// Comma groups: thousands ("4,800", Indian "12,34,567") or a decimal
    /// comma ("1,3"); anything else is a list without spaces ("22,24,26").
    fn comma_groups(&mut self) -> Option<Read> {
        let commas = self.glued_groups(',');
        let &last = commas.last()?;
        self.commas = true;
        let toks = self.toks;
        let lens: Vec<usize> = commas.iter().map(|&c| len(toks, c)).collect();
        let d0 = self.int.len();
        let comma_decimal = self.mark == DecimalMark::Comma;
        let western = !comma_decimal && d0 <= 3 && lens.iter().all(|&l| l == 3);
        let indian = !comma_decimal
            && d0 <= 2
            && lens.len() >= 2
            && lens[..lens.len() - 1].iter().all(|&l| l == 2)
            && lens[lens.len() - 1] == 3;
        if western || indian {
            self.push_int(&commas);
            self.next = last + 1;
        } else if commas.len() == 1
            && !(glued_punct(toks, last + 1, '.') && glued_digits(toks, last + 2))
        {
            self.frac = toks[last].text(self.text).to_string();
            self.next = last + 1;
        } else {
            return Some(list(self.text, toks, self.first, &commas));
        }
        self.plain = false;
        None
    }

    /// Dot groups: thousands ("1.234.567", "1.111,11") or decimals ("4.8");
    /// several dots without commas are a list ("192.168.1.2").
    fn dot_groups(&mut self) -> Option<Read> {
        let dots = self.glued_groups('.');
        let &last = dots.last()?;
        if !self.frac.is_empty() {
            return None;
        }
        let toks = self.toks;
        let decimal_comma = glued_punct(toks, last + 1, ',') && glued_digits(toks, last + 2);
        // "1.500" groups thousands where a comma marks decimals.
        let grouping = decimal_comma || dots.len() > 1 || self.mark == DecimalMark::Comma;
        if !self.commas
            && self.int.len() <= 3
            && dots.iter().all(|&c| len(toks, c) == 3)
            && grouping
        {
            self.push_int(&dots);
            self.next = last + 1;
            if decimal_comma {
                self.frac = toks[last + 2].text(self.text).to_string();
                self.next = last + 3;
            }
        } else if dots.len() == 1 || self.commas {
            self.frac = toks[dots[0]].text(self.text).to_string();
            self.next = dots[0] + 1;
        } else {
            return Some(list(self.text, toks, self.first, &dots));
        }
        self.plain = false;
        None
    }

    /// Thousands separated by single spaces ("1 234 567", "40 000"), with
    /// decimals after them.
    fn space_groups(&mut self) {
        let d0 = self.int.as_str();
        if !self.plain || d0.len() > 3 || (d0.len() > 1 && d0.starts_with('0')) {
            return;
        }
        let toks = self.toks;
        let mut j = self.next;
        let start = j;
        while toks
            .get(j)
            .is_some_and(|t| t.kind == Kind::Digits && t.gap == Gap::One && t.end - t.start == 3)
            && !glued_punct(toks, j + 1, '/')
            && !toks
                .get(j + 1)
                .is_some_and(|t| t.glued() && (t.kind == Kind::Digits || t.is(':')))
        {
            j += 1;
        }
        if j == start {
            return;
        }
        for t in &toks[start..j] {
            self.int.push_str(t.text(self.text));
        }
        self.next = j;
        self.plain = false;
        if glued_punct(toks, j, '.') && glued_digits(toks, j + 1) {
            self.frac = toks[j + 1].text(self.text).to_string();
            self.next = j + 2;
        }
    }

    /// The number the groups spell, before anything that follows them.
    fn literal(&self) -> Literal {
        let (value, kind) = if self.frac.is_empty() {
            (digits_value(&self.int), NumberKind::Integer)
        } else {
            (
                digits_value(&format!("{}.{}", self.int, self.frac)),
                NumberKind::Decimal,
            )
        };
        Literal {
            start: self.toks[self.first].start,
            end: self.toks[self.next - 1].end,
            next: self.next,
            value,
            kind,
            plain: self.plain,
            scale: 1.0,
            suffix: None,
        }
    }
}

/// Fractions after a plain integer: "3/4", and "1 4/5" (an integer, one
/// space, a fraction); not the middle of "2-3/4" or a "…/12" path.
fn fraction(text: &str, toks: &[Token], i: usize, lit: &mut Literal) {
    let t0 = toks[i];
    let slash_before = i > 0 && toks[i - 1].is('/') && t0.glued();
    if lit.kind != NumberKind::Integer || !lit.plain || slash_before {
        return;
    }
    let k = lit.next;
    if glued_punct(toks, k, '/') {
        let after_digits_dash = i > 1
            && toks[i - 1].is('-')
            && t0.glued()
            && toks[i - 2].kind == Kind::Digits
            && toks[i - 1].glued();
        if glued_digits(toks, k + 1)
            && !glued_punct(toks, k + 2, '/')
            && !glued_digits(toks, k + 3)
            && !after_digits_dash
        {
            let den = digits_value(toks[k + 1].text(text));
            if den > 0.0 {
                lit.value /= den;
                lit.end = toks[k + 1].end;
                lit.next = k + 2;
                lit.kind = NumberKind::Fraction;
                lit.plain = false;
            }
            return;
        }
    }
    if toks
        .get(k)
        .is_some_and(|t| t.kind == Kind::Digits && t.gap == Gap::One)
        && glued_punct(toks, k + 1, '/')
        && glued_digits(toks, k + 2)
        && !glued_punct(toks, k + 3, '/')
    {
        let num = digits_value(toks[k].text(text));
        let den = digits_value(toks[k + 2].text(text));
        if den > 0.0 && num < den {
            lit.value += num / den;
            lit.end = toks[k + 2].end;
            lit.next = k + 3;
            lit.kind = NumberKind::Fraction;
            lit.plain = false;
        }
    }
}

/// A Unicode fraction glued or one space after an integer: "2½".
fn vulgar_fraction(toks: &[Token], lit: &mut Literal) {
    if lit.kind == NumberKind::Integer
        && let Some(t) = toks.get(lit.next)
        && t.kind == Kind::Punct
        && matches!(t.gap, Gap::None | Gap::One)
        && let Some(f) = vulgar(t.ch)
    {
        lit.value += f;
        lit.kind = NumberKind::Fraction;
        lit.end = t.end;
        lit.next += 1;
        lit.plain = false;
    }
}

/// Exponents: "1e10", "-12e-1", "1.1^23", "1.3x10^6".
fn power(text: &str, toks: &[Token], lit: &mut Literal) {
    if !matches!(lit.kind, NumberKind::Integer | NumberKind::Decimal) {
        return;
    }
    let k = lit.next;
    let times_ten = || {
        toks.get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.glued() && t.text(text) == "x")
            && glued_digits(toks, k + 1)
            && toks[k + 1].text(text) == "10"
            && glued_punct(toks, k + 2, '^')
    };
    let (value, next) = if let Some((exp, next)) = exponent(text, toks, k) {
        (lit.value * 10f64.powf(exp), next)
    } else if glued_punct(toks, k, '^')
        && let Some((exp, next)) = signed_digits(text, toks, k + 1)
    {
        (lit.value.powf(exp), next)
    } else if times_ten()
        && let Some((exp, next)) = signed_digits(text, toks, k + 3)
    {
        (lit.value * 10f64.powf(exp), next)
    } else {
        return;
    };
    lit.value = value;
    lit.kind = NumberKind::Power;
    lit.end = toks[next - 1].end;
    lit.next = next;
    lit.plain = false;
}

/// Letters after the number: a glued ordinal ("21st") or scale ("10k",
/// "3bn"), a scale one space after ("10 M"); other glued letters are noted
/// as the suffix.
fn suffix(text: &str, toks: &[Token], digits: &Groups<'_>, lit: &mut Literal) {
    let Some(t) = toks.get(lit.next) else {
        return;
    };
    if t.kind != Kind::Word {
        return;
    }
    let w = t.text(text);
    let figure = matches!(lit.kind, NumberKind::Integer | NumberKind::Decimal);
    let wide = digits.int.len() >= 2 || !digits.frac.is_empty();
    if t.glued() {
        if lit.kind == NumberKind::Integer && is_ordinal_suffix(&digits.int, w) {
            lit.kind = NumberKind::Ordinal;
        } else if let Some(m) = scale_suffix(w, wide, true)
            && figure
        {
            lit.value *= m;
            lit.scale = m;
        } else {
            lit.suffix = Some(lit.next);
            return;
        }
    } else if matches!(t.gap, Gap::One | Gap::Many)
        && figure
        && let Some(m) = scale_suffix(w, wide, false)
        && !toks
            .get(lit.next + 1)
            .is_some_and(|n| n.glued() && (n.is('.') || n.kind == Kind::Word))
    {
        lit.value *= m;
        lit.scale = m;
    } else {
        return;
    }
    lit.end = t.end;
    lit.next += 1;
    lit.plain = false;
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
pub(crate) fn scale_suffix(w: &str, wide: bool, glued: bool) -> Option<f64> {
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
pub(crate) fn vulgar(c: char) -> Option<f64> {
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
