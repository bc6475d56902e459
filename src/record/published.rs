//! The record's `published`: the article's date, which relative dates are
//! read against, and where it came from.

use chrono::NaiveDate;

use super::path_date::date_in_path;
use super::{Published, SourceMeta};
use crate::document::Document;
use crate::extract::dates::DateMention;
use crate::extract::dates::reference::latest_full_day;

/// The article's date and the reference its dates resolve against.
pub(super) struct Dated {
    pub published: Option<Published>,
    pub reference: Option<NaiveDate>,
    /// Set when the date, or its year, came from the file's modification
    /// time.
    pub warning: Option<String>,
}

/// The warning of a record dated by its file's modification time.
const MTIME_WARNING: &str = "no date in the article or its path: its date and relative dates \
     are read from the file's modification time";

/// The one place an article gets its date: the date it states (dateline,
/// byline, metadata; a missing year taken from what follows), else the
/// caller's reference date (`meta.reference_date`: `extract --jsonl`, a
/// feed item's date), else a date in the file's name or folders, else the
/// latest fully written date in its text that is not after the file was
/// saved, else the file's modification
/// date (with a warning); and that date again as the reference the
/// record's dates resolve against.
pub(super) fn published(doc: &Document, dates: &[DateMention], meta: &SourceMeta) -> Dated {
    let mtime_date = meta
        .modified_at
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let in_path = date_in_path(&meta.path);
    let in_text = latest_full_day(dates, mtime_date);
    let known_year = meta.reference_date.or(in_path).or(in_text);
    // A year only the modification time gives is a guess worth a warning.
    let year_guessed = known_year.is_none()
        && mtime_date.is_some()
        && doc
            .published
            .as_ref()
            .is_some_and(|(d, _)| d.year.is_none());
    let year_source = known_year.or(mtime_date);
    let stated = doc.published.as_ref().and_then(|(d, from)| {
        let date = match year_source {
            Some(r) => d.resolve(r)?,
            None => NaiveDate::from_ymd_opt(d.year?, d.month, d.day)?,
        };
        Some((date, *from))
    });
    let Some((date, from)) = stated
        .or(meta.reference_date.map(|d| (d, "reference_date")))
        .or(in_path.map(|d| (d, "path")))
        .or(in_text.map(|d| (d, "text")))
        .or(mtime_date.map(|d| (d, "mtime")))
    else {
        return Dated {
            published: None,
            reference: None,
            warning: None,
        };
    };
    Dated {
        published: Some(Published {
            date: date.format("%Y-%m-%d").to_string(),
            from: from.to_string(),
        }),
        reference: Some(date),
        warning: if from == "mtime" {
            Some(MTIME_WARNING.to_string())
        } else if year_guessed {
            Some(format!(
                "the {from} gives no year: it is taken from the file's modification time"
            ))
        } else {
            None
        },
    }
}
