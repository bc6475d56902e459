//! Two figures that make one range: "1.2 to 2 million", "10-15%", "between
//! $5 and $7 million", "1000 – 5000". A scale written only on the second
//! figure applies to the first when the first is smaller than the second's
//! mantissa ("1.2 to 2 million" is 1.2 million to 2 million).

use std::ops::Range;

use super::NumberSpan;
use crate::extract::near;

/// A range of two numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberRange {
    /// From the first figure (or "between") to the end of the second.
    pub range: Range<usize>,
    pub low: f64,
    pub high: f64,
}

/// Words before "X to Y" that make it a change from X to Y.
const CHANGE: &[&str] = &[
    "from",
    "by",
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumped",
    "jump",
    "jumps",
    "jumping",
    "slipped",
    "slip",
    "slips",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "gained",
    "gain",
    "gains",
    "gaining",
    "lost",
    "lose",
    "loses",
    "losing",
    "declined",
    "decline",
    "declines",
    "declining",
    "slumped",
    "surged",
    "soared",
    "plunged",
    "tumbled",
    "edged",
    "eased",
    "cut",
    "cuts",
    "raised",
    "raise",
    "raises",
    "lowered",
    "lower",
    "up",
    "down",
    "boosted",
    "trimmed",
    "revised",
    "widened",
    "narrowed",
];

/// If the text between a figure ending at `a_end` and one starting at
/// `b_start` joins them into a range, where the range starts: `a_start`, or
/// the "between" before it.
pub(crate) fn join(text: &str, a_start: usize, a_end: usize, b_start: usize) -> Option<usize> {
    let gap = text.get(a_end..b_start)?;
    let between = || {
        near::words_before(text, a_start, 1)
            .first()
            .filter(|w| w.text.eq_ignore_ascii_case("between"))
            .map(|w| w.range.start)
    };
    // "from 5 to 7", "fell 32 cents to $51.43": a change, not a range.
    let change = || {
        near::words_before(text, a_start, 1)
            .first()
            .is_some_and(|w| CHANGE.contains(&w.text.to_lowercase().as_str()))
    };
    let word = gap.trim();
    if gap.len() > 12 || gap.contains('\n') {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "-" | "–" | "—" | "~" => {
            // Not a chain like a telephone number ("1-222-2222").
            let chained = text[..a_start].ends_with('-')
                || text[b_start..]
                    .chars()
                    .take(32)
                    .find(|&c| !(c.is_ascii_digit() || c == '.' || c == ','))
                    == Some('-');
            (!chained).then_some(between().unwrap_or(a_start))
        }
        "to" | "through" | "thru" => (!change()).then_some(between().unwrap_or(a_start)),
        "and" => between(),
        _ => None,
    }
}

/// The low end of a range: the first figure, taking the second's scale when
/// it has none of its own and is no larger than the second's mantissa.
pub(crate) fn low_value(a: &NumberSpan, b: &NumberSpan) -> f64 {
    if a.scale == 1.0 && b.scale > 1.0 && a.value.abs() <= b.mantissa().abs() {
        a.value * b.scale
    } else {
        a.value
    }
}

/// The range `a` to `b` make, if any (and only if it goes up).
pub(crate) fn of(text: &str, a: &NumberSpan, b: &NumberSpan) -> Option<NumberRange> {
    let start = join(text, a.range.start, a.range.end, b.range.start)?;
    let low = low_value(a, b);
    (low < b.value).then_some(NumberRange {
        range: start..b.range.end,
        low,
        high: b.value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers::scan;

    fn range(text: &str) -> Option<(String, f64, f64)> {
        let n = scan(text);
        of(text, n.first()?, n.get(1)?).map(|r| (text[r.range].to_string(), r.low, r.high))
    }

    #[test]
    fn ranges() {
        assert_eq!(
            range("the estimated 1.2 to 2 million migrants"),
            Some(("1.2 to 2 million".into(), 1.2e6, 2e6))
        );
        assert_eq!(range("10-15 people"), Some(("10-15".into(), 10.0, 15.0)));
        assert_eq!(
            range("between 5 and 7"),
            Some(("between 5 and 7".into(), 5.0, 7.0))
        );
        assert_eq!(range("5 and 7"), None);
        assert_eq!(range("a 2-1 win"), None);
        assert_eq!(range("rose from 5 to 7"), None);
        assert_eq!(range("+1-222-2222"), None);
    }
}
