//! The record's `numbers`: the numbers that are figures of their own.

use super::Number;
use super::place::{Locator, ends, finite};
use crate::extract::Standalone;

/// The standalone numbers with a finite value, in text order.
pub(super) fn numbers(at: &Locator<'_>, found: &[Standalone]) -> Vec<Number> {
    let mut out: Vec<Number> = found
        .iter()
        .filter_map(|n| {
            let value = finite(n.value)?;
            let p = at.place(&n.range);
            let (min, max) = ends(n.span);
            Some(Number {
                text: p.text,
                start: p.start,
                end: p.end,
                sentence: p.sentence,
                value,
                ordinal: n.ordinal,
                min,
                max,
            })
        })
        .collect();
    out.sort_by_key(|n| (n.start, n.end));
    out
}
