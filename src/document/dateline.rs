//! Publication dates as articles state them at the top: a line that is only
//! a date ("June 30, 2022", "Published: 30 June 2022"), or a wire dateline
//! opening the first paragraph ("MOSCOW, June 30 (Reuters) -").
//!
//! Month and weekday names come from the date lexicon, in the strict
//! spellings every reader shares. The date grammar is not used here: a
//! dateline is a whole-line format (a lead word, a date, then only a time or
//! zone), which the grammar, built to find dates inside prose, neither
//! checks nor reads the same way (it takes "Weds" and "Febr.", two-digit
//! years and ambiguous "May" by context).

use crate::extract::dates::lexicon;

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
    for lead in LEAD_WORDS {
        if lower.starts_with(lead) {
            text = text[lead.len()..].trim_start_matches([':', ' ']);
            break;
        }
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (date, used) = parse_tokens(&tokens)?;
    date.year?;
    // Whatever follows the date must look like a time or zone ("10:15", "GMT", "pm").
    let rest_ok = tokens[used..].iter().all(|t| {
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
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (date, used) = parse_tokens(&tokens)?;
    (used == tokens.len()).then_some(date)
}

/// Parses "June 30 2022", "30 June 2022", "Jun. 30", "2022-06-30",
/// "Tuesday June 30 2022" from the start of `tokens`; returns the date and
/// how many tokens it used.
fn parse_tokens(tokens: &[&str]) -> Option<(StatedDate, usize)> {
    let mut i = 0;
    if tokens.first().is_some_and(|t| is_weekday(t)) {
        i += 1;
    }
    let t0 = *tokens.get(i)?;
    if let Some(d) = iso_date(t0) {
        return Some((d, i + 1));
    }
    let day_of = |t: &str| -> Option<u32> {
        let t = t.trim_end_matches(['.', ',']);
        let t = t
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        t.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let year_of = |t: Option<&&str>| -> Option<i32> {
        t.and_then(|t| t.trim_end_matches('.').parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
    };
    let (month, day, next) = if let Some(m) = month_number(t0) {
        (m, day_of(tokens.get(i + 1)?)?, i + 2)
    } else {
        let d = day_of(t0)?;
        let t1 = tokens.get(i + 1)?;
        let t1 = t1
            .strip_prefix("of")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(t1);
        (month_number(t1)?, d, i + 2)
    };
    let year = year_of(tokens.get(next));
    let used = next + usize::from(year.is_some());
    valid(year.unwrap_or(2000), month, day)?;
    Some((StatedDate { year, month, day }, used))
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

/// An ISO date or datetime ("2022-06-30", "2022-06-30T10:00:00+03:00") as metadata states it.
pub(crate) fn metadata_date(value: &str) -> Option<StatedDate> {
    iso_date(value.trim()).or_else(|| {
        let tokens: Vec<&str> = value
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .collect();
        parse_tokens(&tokens)
            .map(|(d, _)| d)
            .filter(|d| d.year.is_some())
    })
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
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            wire_dateline("MOSCOW, June 30 (Reuters) - Russia said"),
            Some(d(None, 6, 30))
        );
        assert_eq!(
            wire_dateline("DUSHANBE, Tajikistan, Oct. 8, 2025 — The"),
            None,
            "region between place and date"
        );
        assert_eq!(
            wire_dateline("NEW YORK, March 5, 2024 - Stocks"),
            Some(d(Some(2024), 3, 5))
        );
        assert_eq!(wire_dateline("Moscow, June 30 - lowercase place"), None);
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
