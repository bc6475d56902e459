//! The record's dates: each expression the extractor found, with the
//! values it resolves to against the article's reference date (see
//! [`crate::extract::dates::Expr::resolved`]), or, for one told from a
//! date the text has just named ("a year later"), against that date (see
//! [`crate::extract::dates::anaphora`]).

use chrono::NaiveDate;

use super::Date;
use super::place::Locator;
use crate::extract::dates::DateMention;
use crate::extract::dates::anaphora::Anchor;

/// The record's dates, sorted by offset. Without a reference date, only
/// expressions that name their dates in full (or follow one that does and
/// refer back to it) get values.
pub(super) fn dates(
    at: &Locator<'_>,
    mentions: &[DateMention],
    reference: Option<NaiveDate>,
) -> Vec<Date> {
    let mut in_order: Vec<&DateMention> = mentions.iter().collect();
    in_order.sort_by_key(|m| (m.range.start, m.range.end));
    let mut anchor: Option<Anchor> = None;
    let mut out = Vec::with_capacity(mentions.len());
    for m in in_order {
        let from_anchor = anchor
            .filter(|_| m.expr.anaphoric)
            .and_then(|a| m.expr.resolved_from(&a));
        let (granularity, resolved, value) = match from_anchor {
            Some(read) => read,
            None => (
                m.expr.granularity(),
                m.expr.resolved(reference),
                m.expr.value(reference),
            ),
        };
        if let Some(a) = value.and_then(|v| Anchor::of(granularity, &v)) {
            anchor = Some(a);
        }
        let p = at.place(&m.range);
        out.push(Date {
            text: p.text,
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            value: resolved.value,
            start_date: resolved.start_date,
            end_date: resolved.end_date,
            granularity,
            duration: resolved.duration,
            modifier: m.expr.modifier_name().map(str::to_string),
        });
    }
    out
}
