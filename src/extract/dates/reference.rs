//! The reference date of an article and the one reading of each date
//! expression an analyst would take: "Tuesday" in an article dated
//! Thursday is two days earlier, "October 8" in an article of November is
//! the October just past.

use chrono::{Datelike, NaiveDate};

use super::DateMention;
use super::calendar::add_months;
use super::expr::{Expr, Mod, Node, Period, Reading, Value};

/// The value of `expr` with a range running through its last period:
/// "2025–2027" ends with 2027, not as it starts (the reading the
/// Recognizers-Text specs use and [`Expr::resolve`] keeps).
fn through_last(expr: &Expr, r: NaiveDate, reading: Reading) -> Value {
    let v = expr.resolve(r, reading);
    let (
        Node::Period(Period::Range { to, .. }),
        Value::Range {
            start,
            end: Some(b),
        },
    ) = (&expr.node, &v)
    else {
        return v;
    };
    if to.modifier.is_some() {
        return v;
    }
    let months = match &to.node {
        Node::Period(Period::Year(_)) => 12,
        Node::Period(Period::Month(_)) => 1,
        Node::Period(Period::Quarter { .. }) => 3,
        Node::Period(Period::Half { .. }) => 6,
        // "5-6 March" runs through the 6th.
        Node::Day(_) => {
            return match b.succ_opt() {
                Some(end) => Value::Range {
                    start: *start,
                    end: Some(end),
                },
                None => v,
            };
        }
        _ => return v,
    };
    match add_months(*b, months) {
        Some(end) => Value::Range {
            start: *start,
            end: Some(end),
        },
        None => v,
    }
}

/// The latest fully written calendar day among the mentions ("June 30,
/// 2022"), the article's date when it states none of its own; not one
/// after `saved` (the day the file was last written, when known): a
/// bond's "final maturity of April 28, 2056" is no date the article was
/// written on. A day its clause tells of the future ("results will be
/// released by March 31, 1987") stays: in an archive it is still the
/// nearest to the article's date.
pub(crate) fn latest_full_day(
    mentions: &[DateMention],
    saved: Option<NaiveDate>,
) -> Option<NaiveDate> {
    mentions
        .iter()
        .filter_map(DateMention::full_day)
        .filter(|d| saved.is_none_or(|s| *d <= s))
        .max()
}

/// The reading of `expr` an article most likely means: the coming one
/// when its clause speaks of the future ([`Expr::ahead`]); else, as news
/// reports on what happened, the past reading unless the next one is less
/// than half as far ("Friday" in a Thursday article is tomorrow, "March" in an
/// October article the March just past, "January" in a November one the
/// coming January).
pub(crate) fn nearest(expr: &Expr, reference: NaiveDate) -> Value {
    let (past, future) = match expr.node {
        // "The weekend" read in an article: the one just gone (unless
        // the reference is in one) or the week's own.
        Node::Period(Period::NearWeekend) => {
            let begun = reference.weekday().num_days_from_monday() >= 5;
            let weekend = |offset| Expr {
                node: Node::Period(Period::Weekend(offset)),
                ..expr.clone()
            };
            (
                through_last(
                    &weekend(if begun { 0 } else { -1 }),
                    reference,
                    Reading::Past,
                ),
                through_last(&weekend(0), reference, Reading::Future),
            )
        }
        _ => (
            through_last(expr, reference, Reading::Past),
            through_last(expr, reference, Reading::Future),
        ),
    };
    if past == future {
        return past;
    }
    // What a report counts from ("since January") has begun; what it runs
    // to ("until March") is still to come, unless a past clause counted
    // figures through it ("rose 3.7% in the 12 months through August").
    match expr.modifier {
        Some(Mod::Since | Mod::SinceStart | Mod::SinceEnd) => return past,
        Some(Mod::Until) if expr.behind => return past,
        Some(Mod::Until) => return future,
        _ => {}
    }
    // What a clause says will happen is still to come ("will meet on
    // Tuesday" in a Wednesday article is six days on, not yesterday).
    if expr.ahead {
        return future;
    }
    let distance = |v: &Value| match v {
        Value::Day(d) => Some((*d - reference).num_days().abs()),
        Value::Range {
            start: Some(s),
            end: Some(e),
        } => {
            if *s <= reference && reference < *e {
                Some(0)
            } else {
                Some(
                    (*s - reference)
                        .num_days()
                        .abs()
                        .min((*e - reference).num_days().abs()),
                )
            }
        }
        Value::Range { start: Some(s), .. } | Value::Range { end: Some(s), .. } => {
            Some((*s - reference).num_days().abs())
        }
        _ => None,
    };
    // A weekday a clause tells in the past is gone by ("were ordered to
    // leave on Saturday" in a Thursday article is five days before), and
    // so is a month ("opened an inquiry in January" in a December
    // article), unless it is the article's own month.
    if expr.behind {
        let own_month =
            matches!(expr.node, Node::Period(Period::Month(_))) && distance(&future) == Some(0);
        return if own_month { future } else { past };
    }
    // "The weekend" of an untensed clause is the nearer one: the one just
    // gone from Monday to Wednesday, the coming one on Thursday and Friday
    // ("talks resume at the weekend").
    if matches!(expr.node, Node::Period(Period::NearWeekend)) {
        return if reference.weekday().num_days_from_monday() >= 3 {
            future
        } else {
            past
        };
    }
    match (distance(&past), distance(&future)) {
        (Some(p), Some(f)) if 2 * f < p => future,
        (None, Some(_)) => future,
        _ => past,
    }
}
