//! The reference date of an article and the one reading of each date
//! expression an analyst would take: "Tuesday" in an article dated
//! Thursday is two days earlier, "October 8" in an article of November is
//! the October just past.

use chrono::NaiveDate;

use super::expr::{Expr, Reading, Value};
use super::DateMention;

/// The latest fully written calendar day among the mentions ("June 30,
/// 2022"), the article's date when it states none of its own.
pub fn latest_full_day(mentions: &[DateMention]) -> Option<NaiveDate> {
    mentions.iter().filter_map(DateMention::full_day).max()
}

/// The reading of `expr` nearest to the reference (the past one on a tie,
/// as news reports on what happened).
pub fn nearest(expr: &Expr, reference: NaiveDate) -> Value {
    let past = expr.resolve(reference, Reading::Past);
    let future = expr.resolve(reference, Reading::Future);
    if past == future {
        return past;
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
                Some((*s - reference).num_days().abs().min((*e - reference).num_days().abs()))
            }
        }
        Value::Range { start: Some(s), .. } | Value::Range { end: Some(s), .. } => {
            Some((*s - reference).num_days().abs())
        }
        _ => None,
    };
    match (distance(&past), distance(&future)) {
        (Some(p), Some(f)) if f < p => future,
        (None, Some(_)) => future,
        _ => past,
    }
}
