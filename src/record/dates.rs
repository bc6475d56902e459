//! The record's `dates`: each expression the extractor found, with the
//! values it resolves to against the article's reference date (see
//! [`crate::extract::dates::Expr::resolved`]).

use chrono::NaiveDate;

use super::Date;
use super::place::Locator;
use crate::extract::dates::DateMention;

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
