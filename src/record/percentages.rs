//! The record's `percentages`. The word "percent" written without a number
//! is left out.

use super::Percentage;
use super::measure::Measures;
use super::place::{Locator, ends, finite};
use crate::extract;

/// The percentages with a finite value, in text order.
pub(super) fn percentages(
    at: &Locator<'_>,
    found: &[extract::Percentage],
    measures: &Measures,
) -> Vec<Percentage> {
    let mut out: Vec<Percentage> = found
        .iter()
        .filter_map(|pc| {
            let value = pc.value.and_then(finite)?;
            let p = at.place(&pc.range);
            let (min, max) = ends(pc.span);
            Some(Percentage {
                text: p.text,
                start: p.start,
                end: p.end,
                sentence: p.sentence,
                value,
                points: pc.points,
                qualifier: pc.qualifier,
                of: pc.of.as_ref().and_then(|r| at.slice(r)).map(str::to_string),
                min,
                max,
                fraction: pc.fraction,
                measure: measures.get(&pc.range),
            })
        })
        .collect();
    out.sort_by_key(|p| (p.start, p.end));
    out
}
