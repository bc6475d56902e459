//! The record's `quantities`: measurements (converted to SI where the unit
//! says how), ages and counts.

use std::ops::Range;

use super::Quantity;
use super::measure::Measures;
use super::place::{Locator, ends, finite};
use crate::extract;
use crate::extract::dates::DateMention;
use crate::extract::quantities::Measure;
use crate::extract::units::Dimension;

/// The quantities with a finite value, in text order. An amount of time the
/// date grammar reads is a date, never also a quantity: inside a date
/// ("three years ago") it is part of it, and on its own ("75 hours") it is
/// a date of kind `duration`, with its length resolved.
pub(super) fn quantities(
    at: &Locator<'_>,
    found: &[extract::Quantity],
    dates: &[DateMention],
    measures: &Measures,
) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = found
        .iter()
        .filter_map(|q| {
            let value = finite(q.value)?;
            let dimension = q.measure.dimension();
            if dimension == Dimension::Duration && in_date(dates, &q.range) {
                return None;
            }
            let p = at.place(&q.range);
            let (min, max) = ends(q.span);
            let (unit, si) = match &q.measure {
                Measure::Unit(u) => (
                    u.symbol.to_string(),
                    u.to_si(value).and_then(finite).zip(dimension.si_unit()),
                ),
                Measure::Age(u) => (u.symbol.to_string(), None),
                Measure::Count(words) => (at.text(words), None),
            };
            Some(Quantity {
                text: p.text,
                start: p.start,
                end: p.end,
                sentence: p.sentence,
                value,
                unit,
                dimension,
                si_value: si.map(|(v, _)| v),
                si_unit: si.map(|(_, u)| u.to_string()),
                qualifier: q.qualifier,
                min,
                max,
                measure: measures.get(&q.range),
            })
        })
        .collect();
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// Whether `r` lies inside a date, date range or duration. Dates are in
/// text order and do not overlap, so one search finds the candidate.
fn in_date(dates: &[DateMention], r: &Range<usize>) -> bool {
    let k = dates.partition_point(|d| d.range.start <= r.start);
    k > 0 && r.end <= dates[k - 1].range.end
}
