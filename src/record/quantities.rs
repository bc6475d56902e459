//! The record's `quantities`: measurements (converted to SI where the unit
//! says how), ages and counts.

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::{Locator, ends, finite};
use crate::extract;
use crate::extract::dates::{DateMention, Kind};
use crate::extract::numbers::Qualifier;
use crate::extract::quantities::Measure;
use crate::extract::units::Dimension;

/// A number and what it counts or measures ("145 people", "3,000 km").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The quantity as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// The number, in `unit`; for a range, the low end.
    pub value: f64,
    /// For a measurement, the unit's symbol ("km", "t", "mi", "°C", "year");
    /// for a count, the words naming what is counted, as written ("Tajik
    /// citizens").
    pub unit: String,
    pub dimension: Dimension,
    /// `value` converted to `si_unit`, for measurements whose unit says how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    /// The SI unit of the dimension: m, kg, m2, m3, m/s, bit, bit/s, rad,
    /// K, J, W or s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Low end of a range ("1.2 to 2 million migrants").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// The quantities with a finite value, in text order; an amount of time
/// inside a date ("three years ago") is part of the date, not a quantity.
pub(super) fn quantities(
    at: &Locator<'_>,
    found: &[extract::Quantity],
    dates: &[DateMention],
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
            })
        })
        .collect();
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// Whether `r` lies inside a date or date range (not a duration). Dates
/// are in text order and do not overlap, so one search finds the candidate.
fn in_date(dates: &[DateMention], r: &Range<usize>) -> bool {
    let k = dates.partition_point(|d| d.range.start <= r.start);
    k > 0 && {
        let d = &dates[k - 1];
        d.kind() != Kind::Duration && r.end <= d.range.end
    }
}
