//! Adapters for the `Number/*` specs: numbers, ordinals, percentages and
//! number ranges, from the number scanner and the percentage extractor.

use super::{Expected, Model, Prediction, chars, same_number, spec_number};
use crate::document::offsets::CharOffsets;
use crate::extract::numbers::{
    self, Attached, NumberKind, NumberSpan, Qualifier, qualifier, range,
};
use crate::extract::{money, percent};

/// Numbers as the spec counts them: not ranks, and not glued to letters
/// ("29km", "scp173" are names and measures, not numbers).
fn is_number(n: &NumberSpan) -> bool {
    n.kind != NumberKind::Ordinal && n.attached != Attached::Letter && n.suffix.is_none()
}

/// A `kind` prediction, valued, for each number the scanner finds that
/// `keep` accepts.
fn scanned(input: &str, kind: &'static str, keep: impl Fn(&NumberSpan) -> bool) -> Vec<Prediction> {
    let offsets = CharOffsets::new(input);
    numbers::scan(input)
        .iter()
        .filter(|n| keep(n))
        .map(|n| {
            let (s, e) = chars(&offsets, &n.range);
            Prediction::number(s, e, kind, Some(n.value))
        })
        .collect()
}

/// `NumberModel`: every number, value compared.
pub(crate) struct Numbers;

impl Model for Numbers {
    fn predict(&self, input: &str) -> Vec<Prediction> {
        scanned(input, "number", is_number)
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        expected.kind == p.kind
            && match (spec_number(expected.resolution.get("value")), p.value) {
                (Some(a), Some(b)) => same_number(a, b),
                _ => false,
            }
    }
}

/// `OrdinalModel`: ranks ("11th", "twentieth"); relative ones ("last",
/// "next") are not read.
pub(crate) struct Ordinals;

impl Model for Ordinals {
    fn predict(&self, input: &str) -> Vec<Prediction> {
        scanned(input, "ordinal", |n| {
            n.kind == NumberKind::Ordinal && n.attached != Attached::Letter
        })
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        expected.kind == p.kind
            && expected.field("relativeTo") == Some("start")
            && spec_number(expected.resolution.get("offset"))
                .zip(p.value)
                .is_some_and(|(a, b)| same_number(a, b))
    }
}

/// `PercentModel`: percentages, including "percent" written alone (no value).
pub(crate) struct Percents;

impl Model for Percents {
    fn predict(&self, input: &str) -> Vec<Prediction> {
        let offsets = CharOffsets::new(input);
        let nums = numbers::scan(input);
        let taken: Vec<_> = money::find(input, &nums)
            .into_iter()
            .filter(|m| m.amount.is_some())
            .map(|m| m.range)
            .collect();
        percent::find(input, &nums, &taken)
            .iter()
            .map(|p| {
                let (s, e) = chars(&offsets, &p.head);
                let value = p.span.map(|(_, high)| high).or(p.value);
                Prediction::number(s, e, "percentage", value)
            })
            .collect()
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        expected.kind == p.kind
            && match (spec_number(expected.resolution.get("value")), p.value) {
                (Some(a), Some(b)) => same_number(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// `NumberRangeModel`: two numbers joined as a range, and numbers bounded
/// by a qualifier ("more than 30", "up to 700").
pub(crate) struct Ranges;

fn interval(q: Qualifier, v: f64) -> Option<String> {
    Some(match q {
        Qualifier::Over | Qualifier::MoreThan => format!("({v},)"),
        Qualifier::Under | Qualifier::LessThan => format!("(,{v})"),
        Qualifier::AtLeast => format!("[{v},)"),
        Qualifier::AtMost | Qualifier::UpTo => format!("(,{v}]"),
        Qualifier::About | Qualifier::Nearly => return None,
    })
}

/// Brackets and ends of an interval string ("[20,30)").
fn parse_interval(s: &str) -> Option<(char, Option<f64>, Option<f64>, char)> {
    let open = s.chars().next()?;
    let close = s.chars().next_back()?;
    let inner = s.get(1..s.len() - 1)?;
    let (a, b) = inner.split_once(',')?;
    let end = |x: &str| {
        (!x.trim().is_empty())
            .then(|| x.trim().parse::<f64>().ok())
            .flatten()
    };
    Some((open, end(a), end(b), close))
}

impl Model for Ranges {
    fn predict(&self, input: &str) -> Vec<Prediction> {
        let offsets = CharOffsets::new(input);
        let nums: Vec<NumberSpan> = numbers::scan(input).into_iter().filter(is_number).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < nums.len() {
            let n = &nums[i];
            if let Some(b) = nums.get(i + 1)
                && let Some(r) = range::of(input, n, b)
            {
                let (s, e) = chars(&offsets, &r.range);
                let mut p = Prediction::number(s, e, "numberrange", None);
                p.interval = Some(format!("[{},{})", r.low, r.high));
                out.push(p);
                i += 2;
                continue;
            }
            if let Some((q, qr)) = qualifier::before(input, n.range.start)
                && let Some(iv) = interval(q, n.value)
            {
                let (s, e) = chars(&offsets, &(qr.start..n.range.end));
                let mut p = Prediction::number(s, e, "numberrange", None);
                p.interval = Some(iv);
                out.push(p);
            }
            i += 1;
        }
        out
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        let (Some(want), Some(got)) = (
            expected.field("value").and_then(parse_interval),
            p.interval.as_deref().and_then(parse_interval),
        ) else {
            return false;
        };
        let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => same_number(a, b),
            (None, None) => true,
            _ => false,
        };
        expected.kind == p.kind
            && want.0 == got.0
            && want.3 == got.3
            && same(want.1, got.1)
            && same(want.2, got.2)
    }
}
