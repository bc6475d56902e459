//! The record's `numbers`: the numbers that are figures of their own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;
use super::place::{Locator, ends, finite};
use crate::extract::Standalone;

/// A number standing on its own ("twelve", "21st", "10-15").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Number {
    /// The number as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// Its value (0.5 for "half"); for a range, the low end.
    pub value: f64,
    /// A rank ("third", "21st"): `value` is the rank.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ordinal: bool,
    /// Low end of a range ("10-15" → 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range ("10-15" → 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

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
