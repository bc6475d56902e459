//! Publication dates as articles state them at the top: a line that is only
//! a date ("June 30, 2022", "Published: 30 June 2022"), or a wire dateline
//! opening the first paragraph ("MOSCOW, June 30 (Reuters) -").
//!
//! This module finds the line and checks its shape (a lead word, an optional
//! weekday, the date, then only a time or zone; or a capitalized place before
//! a wire date); the date itself is read by the date grammar
//! ([`crate::extract::dates`]), so there is one reader of dates. A dateline
//! takes a date spelled with a month name (or an ISO date) and nothing else:
//! an all-numeric "03/04/2022" on its own line says nothing about which
//! number is the month.

use crate::extract::dates::{self, Mode, Order, lexicon};

/// A calendar date as written; the year may be missing ("MOSCOW, June 30 -").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatedDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// Words that may precede a date on a dateline line.
const LEAD_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "date",
    "dated",
    "first published",
    "last updated",
    "published on",
    "updated on",
    "posted on",
];
/// Longest paragraph still taken for a date-only line.
const MAX_DATE_LINE_CHARS: usize = 80;

/// Month number from an English month name or one of the short forms
/// every date reader accepts ("Jun.", "Sept").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    lexicon::month_name(&word.trim_end_matches('.').to_ascii_lowercase())
}

/// A weekday name or one of the short forms every date reader accepts.
fn is_weekday(word: &str) -> bool {
    lexicon::weekday_name(&word.trim_end_matches('.').to_ascii_lowercase()).is_some()
}

/// A paragraph that is nothing but a date (with an optional lead word, weekday
/// and time): the article's own date line.
pub(crate) fn date_line(paragraph: &str) -> Option<StatedDate> {
    if paragraph.len() > MAX_DATE_LINE_CHARS * 4 || paragraph.chars().count() > MAX_DATE_LINE_CHARS
    {
        return None;
    }
    let mut text = paragraph.trim().trim_matches(['*', '_']).trim();
    let lower = text.to_ascii_lowercase();
    // The longest lead word that is a whole word ("published on" before
    // "published", "dated" rather than "date").
    let lead = LEAD_WORDS
        .iter()
        .filter(|lead| {
            lower.starts_with(*lead)
                && lower[lead.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|lead| lead.len());
    if let Some(lead) = lead {
        text = text[lead.len()..].trim_start_matches([':', ' ']);
    }
    let (date, used) = leading_date(text)?;
    date.year?;
    // Whatever follows the date must look like a time or zone ("10:15", "GMT", "pm").
    let rest_ok = words(&text[used..]).all(|t| {
        let l = t.to_ascii_lowercase();
        t.contains(':')
            || matches!(
                l.as_str(),
                "am" | "pm" | "a.m." | "p.m." | "gmt" | "utc" | "et" | "bst" | "cet" | "msk" | "|"
            )
            || l.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+')
    });
    rest_ok.then_some(date)
}

/// A wire date whose place the copy lost, before its dash: "June 23
/// (Reuters)", "Oct. 8, 2025 (AP)" — the date and nothing else before an
/// agency's capitalized name in parentheses (without the agency, a date
/// before a dash may open any sentence).
fn agency_dateline(prefix: &str) -> Option<StatedDate> {
    let (before, agency) = prefix.split_once('(')?;
    let agency = agency.trim_end().strip_suffix(')')?;
    if !agency.chars().next().is_some_and(char::is_uppercase) || agency.contains(['(', ')']) {
        return None;
    }
    let before = before.trim();
    let (date, end) = leading_date(before)?;
    words(&before[end..]).next().is_none().then_some(date)
}

/// A wire dateline at the start of the first paragraph: "PLACE, Month Day
/// (Agency) -" or "PLACE, Month Day, Year -". Returns the date.
pub(crate) fn wire_dateline(paragraph: &str) -> Option<StatedDate> {
    let head: String = paragraph.chars().take(80).collect();
    let dash = head.find([' ', '\u{2013}', '\u{2014}']).and_then(|_| {
        [" - ", " – ", " — ", " -- "]
            .iter()
            .filter_map(|d| head.find(d))
            .min()
    })?;
    let prefix = &head[..dash];
    if let Some(date) = agency_dateline(prefix) {
        return Some(date);
    }
    let (place, rest) = prefix.split_once(',')?;
    let place_ok = !place.is_empty()
        && place.chars().any(|c| c.is_alphabetic())
        && place
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !place_ok {
        return None;
    }
    let rest = match rest.find('(') {
        Some(i) => &rest[..i],
        None => rest,
    };
    let rest = rest.trim_start_matches([' ', ',']);
    let ((date, end), text) = match leading_date(rest) {
        Some(found) => (found, rest),
        None => {
            // The place's state, province or country between it and the
            // date: "SAN JOSE, California, Feb 11 (Reuters) -".
            let (region, after) = rest.split_once(',')?;
            if !is_region(region) {
                return None;
            }
            let after = after.trim_start_matches([' ', ',']);
            (leading_date(after)?, after)
        }
    };
    words(&text[end..]).next().is_none().then_some(date)
}

/// A region as a dateline writes it after its place: one to three
/// capitalized words or abbreviations ("California", "Calif.", "D.C.",
/// "New South Wales"), no digits.
fn is_region(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
}

/// The words of `text`, split at spaces and commas.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
}

/// The date at the start of `text` ("June 30 2022", "30 June 2022", "Jun.
/// 30", "2022-06-30", "Tuesday June 30 2022"), read by the date grammar, and
/// the bytes of `text` it covers (a weekday before it included).
fn leading_date(text: &str) -> Option<(StatedDate, usize)> {
    let skip = match words(text).next() {
        Some(first) if is_weekday(first) => {
            let after = text.find(first)? + first.len();
            after + (text[after..].len() - text[after..].trim_start_matches([' ', ',']).len())
        }
        _ => 0,
    };
    let rest = &text[skip..];
    if let Some(first) = words(rest).next()
        && let Some(iso) = iso_date(first)
    {
        return Some((iso, skip + rest.find(first)? + first.len()));
    }
    let mention = dates::scan(rest, Order::MonthFirst, Mode::All)
        .into_iter()
        .next()
        .filter(|m| m.range.start == 0)?;
    let written = &rest[mention.range.clone()];
    if !words(written).any(|w| month_number(w).is_some()) {
        return None;
    }
    let (year, month, day) = mention.stated_day()?;
    if year.is_some_and(|y| !(1900..=2100).contains(&y)) {
        return None;
    }
    valid(year.unwrap_or(2000), month, day)?;
    Some((StatedDate { year, month, day }, skip + mention.range.end))
}

fn iso_date(t: &str) -> Option<StatedDate> {
    let date_part = t.split('T').next()?;
    let parts: Vec<&str> = date_part.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let day: u32 = parts[2].parse().ok()?;
    valid(year, month, day)?;
    Some(StatedDate {
        year: Some(year),
        month,
        day,
    })
}

/// Years before this in a page's metadata are a publishing system's empty
/// value ("0001-01-01T00:00:00Z"), no article's date.
const FIRST_METADATA_YEAR: i32 = 1800;

/// An ISO date or datetime ("2022-06-30", "2022-06-30T10:00:00+03:00") as
/// metadata states it; none for a placeholder year ([`FIRST_METADATA_YEAR`]),
/// so the article's date comes from where it would without metadata.
pub(crate) fn metadata_date(value: &str) -> Option<StatedDate> {
    iso_date(value.trim())
        .or_else(|| leading_date(value.trim()).map(|(d, _)| d))
        .filter(|d| d.year.is_some_and(|y| y >= FIRST_METADATA_YEAR))
}

fn valid(year: i32, month: u32, day: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

impl StatedDate {
    /// The full date, taking a missing year from `reference` (the latest such
    /// date not after it, as datelines are never in the future).
    pub(crate) fn resolve(&self, reference: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        use chrono::Datelike;
        match self.year {
            Some(y) => valid(y, self.month, self.day),
            None => {
                let this = valid(reference.year(), self.month, self.day);
                match this {
                    Some(d) if d <= reference => Some(d),
                    _ => valid(reference.year() - 1, self.month, self.day),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<i32>, m: u32, day: u32) -> StatedDate {
        StatedDate {
            year: y,
            month: m,
            day,
        }
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("June 30, 2022"), Some(d(Some(2022), 6, 30)));
        assert_eq!(
            date_line("Published: 30 June 2022 10:15 GMT"),
            Some(d(Some(2022), 6, 30))
        );
        assert_eq!(
            date_line("Tuesday, Oct. 8, 2024"),
            Some(d(Some(2024), 10, 8))
        );
        assert_eq!(date_line("2025-03-17"), Some(d(Some(2025), 3, 17)));
        assert_eq!(date_line("June 30"), None, "a date line needs its year");
        assert_eq!(date_line("June 30, 2022 was a hot day."), None);
        assert_eq!(date_line("May I help you"), None);
        // The grammar's spellings are a dateline's too.
        assert_eq!(date_line("Weds, Feb 3, 2021"), Some(d(Some(2021), 2, 3)));
        assert_eq!(
            date_line("Dated 30th of June 2022"),
            Some(d(Some(2022), 6, 30))
        );
        assert_eq!(
            date_line("2025-03-17T10:00:00Z"),
            Some(d(Some(2025), 3, 17))
        );
        // All digits on a line of their own: which is the month is unknown.
        assert_eq!(date_line("Updated: 03/04/2022"), None);
        assert_eq!(date_line("June 30, 1850"), None, "outside 1900-2100");
        assert_eq!(
            date_line("Published on Sun 5 Mar 2023 06:00 GMT"),
            Some(d(Some(2023), 3, 5))
        );
    }

    #[test]
    fn a_placeholder_year_in_metadata_is_no_date() {
        assert_eq!(
            metadata_date("2019-11-06T10:00:00Z"),
            Some(d(Some(2019), 11, 6))
        );
        assert_eq!(metadata_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(metadata_date("June 30"), None, "no year");
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            wire_dateline("MOSCOW, June 30 (Reuters) - Russia said"),
            Some(d(None, 6, 30))
        );
        assert_eq!(
            wire_dateline("DUSHANBE, Tajikistan, Oct. 8, 2025 — The"),
            Some(d(Some(2025), 10, 8)),
            "a region between place and date"
        );
        assert_eq!(
            wire_dateline("SAN JOSE, California, Feb 11 (Reuters) - Shares"),
            Some(d(None, 2, 11))
        );
        assert_eq!(
            wire_dateline("WASHINGTON, D.C., March 5, 2024 - The"),
            Some(d(Some(2024), 3, 5))
        );
        assert_eq!(
            wire_dateline("LONDON, Britain's biggest lender, said - no date"),
            None
        );
        assert_eq!(
            wire_dateline("PARIS, France and Germany, 2024 talks - no date"),
            None
        );
        assert_eq!(
            wire_dateline("NEW YORK, March 5, 2024 - Stocks"),
            Some(d(Some(2024), 3, 5))
        );
        assert_eq!(wire_dateline("Moscow, June 30 - lowercase place"), None);
        assert_eq!(
            wire_dateline("June 23 (Reuters) - The Biden administration"),
            Some(d(None, 6, 23)),
            "the place lost"
        );
        assert_eq!(
            wire_dateline("Oct. 8, 2025 (AP) — The"),
            Some(d(Some(2025), 10, 8))
        );
        assert_eq!(wire_dateline("June 23 - the vote"), None, "no agency");
        assert_eq!(
            wire_dateline("June 23 talks (Reuters) - The"),
            None,
            "more than a date"
        );
        assert_eq!(
            wire_dateline("LONDON, Nov 4 2025 (Reuters) - Shares fell"),
            Some(d(Some(2025), 11, 4))
        );
    }

    #[test]
    fn missing_year_from_reference() {
        let reference = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
        assert_eq!(
            d(None, 6, 30).resolve(reference),
            chrono::NaiveDate::from_ymd_opt(2024, 6, 30)
        );
        assert_eq!(
            d(None, 2, 10).resolve(reference),
            chrono::NaiveDate::from_ymd_opt(2025, 2, 10)
        );
    }
}
