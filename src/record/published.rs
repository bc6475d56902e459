//! The record's `published`: the article's date, which relative dates are
//! read against, and where it came from.

use chrono::NaiveDate;

use super::{Published, SourceMeta};
use crate::document::Document;
use crate::extract::dates::DateMention;
use crate::extract::dates::reference::latest_full_day;

/// The date the article states (dateline, metadata; a missing year taken
/// from what follows), else the caller's reference date, else the latest
/// fully written date in its text, else the file's modification date; and
/// that date again as the reference the record's dates resolve against.
pub(super) fn published(
    doc: &Document,
    dates: &[DateMention],
    meta: &SourceMeta,
) -> (Option<Published>, Option<NaiveDate>) {
    let mtime_date = meta
        .modified_at
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let in_text = latest_full_day(dates);
    let year_source = meta.reference_date.or(in_text).or(mtime_date);
    let stated = doc.published.as_ref().and_then(|(d, from)| {
        let date = match year_source {
            Some(r) => d.resolve(r)?,
            None => NaiveDate::from_ymd_opt(d.year?, d.month, d.day)?,
        };
        Some((date, *from))
    });
    let Some((date, from)) = stated
        .or(meta.reference_date.map(|d| (d, "reference_date")))
        .or(in_text.map(|d| (d, "text")))
        .or(mtime_date.map(|d| (d, "mtime")))
    else {
        return (None, None);
    };
    let published = Published {
        date: date.format("%Y-%m-%d").to_string(),
        from: from.to_string(),
    };
    (Some(published), Some(date))
}
