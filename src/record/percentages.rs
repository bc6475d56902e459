//! The record's `percentages`. The word "percent" written without a number
//! is left out.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;
use super::place::{Locator, ends, finite};
use crate::extract;
use crate::extract::numbers::Qualifier;

/// A percentage ("12%", "46.2 per cent", "0.5 percentage points").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Percentage {
    /// The percentage as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// The number of percent (12 for "12%"); for a range, the low end.
    pub value: f64,
    /// Percentage points: a difference between two percentages.
    #[serde(default, skip_serializing_if = "is_false")]
    pub points: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// What it is a share of, when the sentence says ("its GDP" in "45% of its GDP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Low end of a range ("10-15%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// The percentages with a finite value, in text order.
pub(super) fn percentages(at: &Locator<'_>, found: &[extract::Percentage]) -> Vec<Percentage> {
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
            })
        })
        .collect();
    out.sort_by_key(|p| (p.start, p.end));
    out
}
