//! The record's `dates`: each expression the extractor found, with the
//! values it resolves to against the article's reference date (see
//! [`crate::extract::dates::Expr::resolved`]).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::Locator;
use crate::extract::dates::{DateMention, Granularity};

/// A date, a period or a length of time ("June 30, 2022", "last year",
/// "from 2020 to 2023", "three years").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Date {
    /// The expression as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// ISO 8601 value at its granularity: "2022-06-30", "2024-03", "2025";
    /// absent for ranges, durations, and relative expressions in an article
    /// with no reference date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// First day of the period or range (inclusive); absent when it is open
    /// ("before 2018").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day of the period or range (inclusive); absent when it is open
    /// ("since 1992").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    pub granularity: Granularity,
    /// A length of time as ISO 8601 ("P3Y", "PT1.5H").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// How the expression bounds or qualifies its date: before, after,
    /// since, until, approx; start, mid, end (a part of a period); more,
    /// less (a duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// The record's dates, sorted by offset. Without a reference date, only
/// expressions that name their dates in full get values.
pub(super) fn dates(
    at: &Locator<'_>,
    mentions: &[DateMention],
    reference: Option<NaiveDate>,
) -> Vec<Date> {
    let mut out: Vec<Date> = mentions
        .iter()
        .map(|m| {
            let p = at.place(&m.range);
            let resolved = m.expr.resolved(reference);
            Date {
                text: p.text,
                start: p.start,
                end: p.end,
                sentence: p.sentence,
                value: resolved.value,
                start_date: resolved.start_date,
                end_date: resolved.end_date,
                granularity: m.expr.granularity(),
                duration: resolved.duration,
                modifier: m.expr.modifier_name().map(str::to_string),
            }
        })
        .collect();
    out.sort_by_key(|d| (d.start, d.end));
    out
}
