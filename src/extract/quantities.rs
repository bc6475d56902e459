//! Quantities: a number and what it counts or measures.
//!
//! - Measurements: a unit of [`units`] after the number, glued, spaced,
//!   hyphenated or bracketed (`3,000 km`, `5 tonnes`, `68-ounce`, `20 [kg]`,
//!   `10kph`), converted to SI; `5 ft 2 in`; ages (`69-year-old`, `five
//!   years old`); degrees as temperature when the text is about it.
//! - Counts: a number and the plural noun it counts, with the words between
//!   (`1.2 million Tajik citizens`, `4,800 radios`, `400 patrol vehicles`),
//!   `8.5m people` (a lower-case `m` before people counted is million).
//!
//! Ranges (`1.2 to 2 million migrants`, `10-15 km`) and qualifiers (`more
//! than 400`) as for money. Numbers inside money or a percentage are left
//! alone.

use std::ops::Range;

use super::near;
use super::numbers::{
    self, Attached, NumberKind, NumberSpan, Qualifier, Written, qualifier, range,
};
use super::units::{self, Dimension, Unit};

/// What a quantity measures or counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Measure {
    /// A unit of measurement.
    Unit(&'static Unit),
    /// An age, in a unit of time ("69-year-old").
    Age(&'static Unit),
    /// Things counted: the byte range of the words naming them.
    Count(Range<usize>),
}

impl Measure {
    /// What the quantity measures: its unit's dimension, an age or a count.
    pub(crate) fn dimension(&self) -> Dimension {
        match self {
            Measure::Unit(u) => u.dimension,
            Measure::Age(_) => Dimension::Age,
            Measure::Count(_) => Dimension::Count,
        }
    }
}

/// A quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the number(s) and the unit or counted words.
    pub range: Range<usize>,
    /// The last number with its unit ("10 feet" of "eight to 10 feet").
    pub(crate) head: Range<usize>,
    /// The value in the written unit; for a range, its low end.
    pub(crate) value: f64,
    pub(crate) measure: Measure,
    pub(crate) qualifier: Option<Qualifier>,
    /// Both ends of a range.
    pub(crate) span: Option<(f64, f64)>,
}

/// Nouns counted in the plural that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "livestock",
    "feet",
    "teeth",
    "mice",
    "geese",
    "fish",
    "sheep",
    "deer",
    "aircraft",
    "offspring",
    "clergy",
    "crew",
    "data",
    "media",
    "criteria",
    "phenomena",
    "alumni",
    "militia",
    "youth",
    "poultry",
    "spacecraft",
    "refugees",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "its",
    "this",
    "has",
    "was",
    "is",
    "as",
    "us",
    "yes",
    "thus",
    "always",
    "perhaps",
    "across",
    "besides",
    "sometimes",
    "unless",
    "whereas",
    "towards",
    "afterwards",
    "news",
    "less",
    "whose",
    "does",
    "goes",
    "says",
    "hers",
    "ours",
    "yours",
    "theirs",
    "plus",
    "versus",
    "various",
    "previous",
    "serious",
    "famous",
    "numerous",
    "obvious",
    "series",
    "means",
    "nevertheless",
    "regardless",
    "ones",
    "others",
    "times",
    "percents",
];

/// Words that end the words naming what is counted.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "with", "to", "and", "or",
    "but", "than", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "can", "could", "may", "might", "should", "more", "less", "fewer",
    "per", "each", "every", "this", "these", "those", "its", "their", "his", "her", "our", "as",
    "into", "over", "under", "about", "after", "before", "since", "during", "between", "out", "up",
    "down", "off", "so", "not", "no", "also", "only", "just", "ago", "later", "earlier", "times",
    "percent", "cent", "per", "other", "others", "ones", "one", "while", "when", "where",
];

/// Words before a number that make it a name or a reference, not a count
/// ("No. 10", "page 12", "flight 370").
const REFERENCE_BEFORE: &[&str] = &[
    "no",
    "number",
    "nos",
    "nr",
    "page",
    "pages",
    "chapter",
    "article",
    "section",
    "version",
    "room",
    "flight",
    "route",
    "line",
    "platform",
    "gate",
    "level",
    "grade",
    "paragraph",
    "clause",
    "figure",
    "table",
    "item",
    "episode",
    "season",
    "volume",
    "issue",
    "model",
    "channel",
    "district",
    "block",
    "highway",
    "road",
    "street",
    "avenue",
    "floor",
    "row",
    "seat",
];

fn is_plural_noun(w: &str) -> bool {
    let lower = w.to_lowercase();
    if IRREGULAR_PLURALS.contains(&lower.as_str()) {
        return true;
    }
    lower.len() >= 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !lower.ends_with("’s")
        && !NOT_PLURAL.contains(&lower.as_str())
}

/// Temperature words near a figure decide that "degrees" (or a glued "C")
/// are a temperature.
fn about_temperature(text: &str, r: &Range<usize>) -> bool {
    let mut a = r.start.saturating_sub(120);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (r.end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let window = text[a..b].to_lowercase();
    [
        "temperat",
        "weather",
        "heat",
        "hot",
        "cold",
        "warm",
        "celsius",
        "fahrenheit",
        "thermomet",
        "freez",
        "degrees c",
        "degrees f",
        "°",
    ]
    .iter()
    .any(|w| window.contains(w))
}

/// Every quantity in `text`, given its numbers and the ranges other facts took.
pub fn find(text: &str, numbers: &[NumberSpan], taken: &[Range<usize>]) -> Vec<Quantity> {
    let mut used = near::overlapping(numbers.iter().map(|n| n.range.clone()), taken);
    let mut out: Vec<Quantity> = Vec::new();
    for i in 0..numbers.len() {
        if used[i] {
            continue;
        }
        let n = &numbers[i];
        if n.kind == NumberKind::Ordinal || n.attached != Attached::Free {
            continue;
        }
        let Some((measure, end, value)) = measure_after(text, numbers, i) else {
            continue;
        };
        used[i] = true;
        let mut q = Quantity {
            range: n.range.start..end,
            head: n.range.start..end,
            value,
            measure,
            qualifier: None,
            span: None,
        };
        // "5 ft 2 in": feet and inches.
        if let Measure::Unit(u) = &q.measure
            && u.symbol == "ft"
            && let Some((inches, end)) = inches_after(text, numbers, &mut used, end)
        {
            q.value += inches / 12.0;
            q.range.end = end;
            q.head.end = end;
        }
        // A range ending here: "1.2 to 2 million", "eight to 10 feet".
        if let Some(j) = i.checked_sub(1)
            && !used[j]
            && numbers[j].kind != NumberKind::Ordinal
            && let Some(r) = range::of(text, &numbers[j], n)
        {
            let factor = if n.value != 0.0 { value / n.value } else { 1.0 };
            used[j] = true;
            q.range.start = r.range.start;
            q.value = r.low * factor;
            q.span = Some((q.value, value));
        }
        q.qualifier = qualifier::before(text, q.range.start).map(|(q, _)| q);
        out.push(q);
    }
    out
}

/// What follows number `i`: its measure, where the quantity ends, and the
/// value (a glued "m" before people counted multiplies by a million).
fn measure_after(text: &str, numbers: &[NumberSpan], i: usize) -> Option<(Measure, usize, f64)> {
    let n = &numbers[i];
    // Glued letters: a unit or nothing ("29km", "1990s").
    if let Some(s) = &n.suffix {
        let suffix = &text[s.clone()];
        if matches!(suffix, "m" | "bn")
            && let Some((words, end)) = counted(text, s.end, n, true)
        {
            let scale = if suffix == "m" { 1e6 } else { 1e9 };
            return Some((Measure::Count(words), end, n.value * scale));
        }
        let (unit, end) = units::at(text, s.start)?;
        return measurement(text, n, unit, end);
    }
    let rest = &text[n.range.end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
    let pos = n.range.end + gap;
    // Hyphenated: "six-mile", "68-ounce", "69-year-old".
    if gap == 0 && rest.starts_with(['-', '‑']) {
        let after = pos + rest.chars().next().map_or(1, char::len_utf8);
        let (unit, end) = units::at(text, after)?;
        return measurement(text, n, unit, end);
    }
    if gap > 3 {
        return None;
    }
    // Bracketed: "20 [kg]".
    if let Some(open) = text[pos..].chars().next()
        && let Some(close) = match open {
            '[' => Some(']'),
            '{' => Some('}'),
            '<' => Some('>'),
            '(' => Some(')'),
            _ => None,
        }
        && let Some((unit, end)) = units::at(text, pos + 1)
        && text[end..].starts_with(close)
    {
        return measurement(text, n, unit, end + 1);
    }
    if gap > 0
        && let Some((unit, end)) = units::at(text, pos)
    {
        return measurement(text, n, unit, end);
    }
    if gap > 0
        && let Some(w) = near::words_after(text, n.range.end, 1).first()
        && matches!(w.text.to_ascii_lowercase().as_str(), "yo" | "y/o")
    {
        let year = units::UNITS.iter().find(|u| u.symbol == "year")?;
        return Some((Measure::Age(year), w.range.end, n.value));
    }
    if gap > 0 {
        let (words, end) = counted(text, n.range.end, n, false)?;
        return Some((Measure::Count(words), end, n.value));
    }
    None
}

/// A number and a unit: temperature or angle for degrees, age for "…-year-old".
fn measurement(
    text: &str,
    n: &NumberSpan,
    unit: &'static Unit,
    end: usize,
) -> Option<(Measure, usize, f64)> {
    let whole = n.range.start..end;
    if unit.symbol == "°" && about_temperature(text, &whole) {
        return Some((Measure::Unit(&DEGREES_TEMPERATURE), end, n.value));
    }
    if unit.is_time() {
        // "69-year-old", "five years old", "3 years of age".
        let tail = &text[end..];
        let old = |w: &str| w.eq_ignore_ascii_case("old") || w.eq_ignore_ascii_case("olds");
        if let Some(rest) = tail.strip_prefix(['-', '‑']) {
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if old(&word) {
                return Some((Measure::Age(unit), end + 1 + word.len(), n.value));
            }
        }
        let words = near::words_after(text, end, 2);
        match words.as_slice() {
            [o, ..] if old(o.text) => {
                let old = o;
                return Some((Measure::Age(unit), old.range.end, n.value));
            }
            [of, age]
                if of.text.eq_ignore_ascii_case("of") && age.text.eq_ignore_ascii_case("age") =>
            {
                return Some((Measure::Age(unit), age.range.end, n.value));
            }
            _ => {}
        }
        // "One day, …" and "a year" are not durations worth reporting.
        if n.written == Written::Words && n.value == 1.0 {
            return None;
        }
    }
    Some((Measure::Unit(unit), end, n.value))
}

/// Degrees of temperature with no scale named (no SI value).
pub(crate) static DEGREES_TEMPERATURE: Unit = Unit {
    symbol: "°",
    dimension: Dimension::Temperature,
    conv: units::Conv::Unknown,
    words: &[],
    signs: &[],
};

/// "… 2 in" after feet: the inches.
fn inches_after(
    text: &str,
    numbers: &[NumberSpan],
    used: &mut [bool],
    pos: usize,
) -> Option<(f64, usize)> {
    let k = numbers.partition_point(|n| n.range.start < pos);
    let n = numbers.get(k)?;
    if used[k] || !near::only_space(text, pos, n.range.start) || n.value >= 12.0 {
        return None;
    }
    let w = near::words_after(text, n.range.end, 1).into_iter().next()?;
    if !near::only_space(text, n.range.end, w.range.start)
        || !matches!(
            w.text.to_ascii_lowercase().as_str(),
            "in" | "inch" | "inches"
        )
    {
        return None;
    }
    used[k] = true;
    Some((n.value, w.range.end))
}

/// The words naming what a number counts: up to three modifiers and a
/// plural noun ("Tajik citizens", "patrol vehicles", "people").
/// `scaled`: a scale suffix the scanner left to the caller ("8.5m") applies.
fn counted(text: &str, pos: usize, n: &NumberSpan, scaled: bool) -> Option<(Range<usize>, usize)> {
    if n.kind == NumberKind::Power || numbers::is_year_like(n) {
        return None;
    }
    let whole = scaled || n.kind == NumberKind::Integer || n.scale > 1.0 || n.value >= 1000.0;
    if !whole || n.value.abs() < 2.0 {
        return None;
    }
    if let Some(w) = near::words_before(text, n.range.start, 1).first() {
        let lower = w.text.to_lowercase();
        if REFERENCE_BEFORE.contains(&lower.as_str()) || numbers::is_month(w.text) {
            return None;
        }
    }
    let words = near::words_after(text, pos, 5);
    let first = words.first()?;
    if !near::only_space(text, pos, first.range.start) {
        return None;
    }
    // "Six Nations", "Forty Shades of Blue": a capitalised number before
    // capitalised words is a name.
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let titled = n.written == Written::Words && capital(&text[n.range.clone()]);
    for (k, w) in words.iter().enumerate().take(4) {
        let lower = w.text.to_lowercase();
        if STOP.contains(&lower.as_str())
            || w.text.starts_with(|c: char| c.is_ascii_digit())
            || numbers::is_month(w.text)
            || w.text.ends_with("'s")
            || w.text.ends_with("’s")
        {
            return None;
        }
        if is_plural_noun(w.text) {
            // "sports clubs": a second plural noun is the head.
            let head = match words.get(k + 1) {
                Some(next)
                    if near::only_space(text, w.range.end, next.range.start)
                        && capital(next.text) == capital(w.text)
                        && is_plural_noun(next.text)
                        && !STOP.contains(&next.text.to_lowercase().as_str()) =>
                {
                    next
                }
                _ => w,
            };
            if titled && words[..=k].iter().all(|w| capital(w.text)) {
                return None;
            }
            return Some((first.range.start..head.range.end, head.range.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<(String, f64, String)> {
        find(text, &numbers::scan(text), &[])
            .into_iter()
            .map(|q| {
                let unit = match &q.measure {
                    Measure::Unit(u) => u.symbol.to_string(),
                    Measure::Age(u) => format!("age/{}", u.symbol),
                    Measure::Count(r) => text[r.clone()].to_string(),
                };
                (text[q.range].to_string(), q.value, unit)
            })
            .collect()
    }

    #[test]
    fn counts() {
        assert_eq!(
            q("more than 1.2 million Tajik citizens work in Russia"),
            vec![(
                "1.2 million Tajik citizens".into(),
                1.2e6,
                "Tajik citizens".into()
            )]
        );
        assert_eq!(
            q("to include 4,800 radios."),
            vec![("4,800 radios".into(), 4800.0, "radios".into())]
        );
        assert_eq!(
            q("more than 400 patrol vehicles,"),
            vec![(
                "400 patrol vehicles".into(),
                400.0,
                "patrol vehicles".into()
            )]
        );
        assert_eq!(
            q("made twelve trips to"),
            vec![("twelve trips".into(), 12.0, "trips".into())]
        );
        assert_eq!(
            q("the estimated 1.2 to 2 million Tajik labor migrants, as"),
            vec![(
                "1.2 to 2 million Tajik labor migrants".into(),
                1.2e6,
                "Tajik labor migrants".into()
            )]
        );
        assert_eq!(
            q("some 8.5m people"),
            vec![("8.5m people".into(), 8.5e6, "people".into())]
        );
        assert!(
            q("three of the four suspects")
                .iter()
                .all(|(t, _, _)| t == "four suspects")
        );
        assert!(q("In 2024 Tajikistan faced; on June 28 working visit").is_empty());
    }

    #[test]
    fn measurements() {
        // Text, the quantity found in it, its value and unit.
        for (text, found, value, unit) in [
            ("3,000 km", "3,000 km", 3000.0, "km"),
            ("the six-mile trip", "six-mile", 6.0, "mi"),
            ("a 69-year-old president", "69-year-old", 69.0, "age/year"),
            ("a three-day visit", "three-day", 3.0, "day"),
            ("The weight is 20 [kg]", "20 [kg]", 20.0, "kg"),
            ("he is 5 ft 2 in", "5 ft 2 in", 5.0 + 2.0 / 12.0, "ft"),
            ("I'm 1.8m tall.", "1.8m", 1.8, "m"),
            ("rotate 90 degrees", "90 degrees", 90.0, "°"),
            ("eight to 10 feet tall", "eight to 10 feet", 8.0, "ft"),
        ] {
            assert_eq!(q(text), vec![(found.into(), value, unit.into())], "{text}");
        }
        assert!(q("24703L202 and 1990s and 5G").is_empty());
    }
}
