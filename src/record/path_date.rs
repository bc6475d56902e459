//! Dates in a file's name or folders: archives name files by their day
//! ("2023-03-24-budget.txt", "20230324_budget.md", "news/2023/03/24/a.txt").
//! Such a date is the article's when the article states none.

use chrono::NaiveDate;

/// Years a path date may fall in (a run of digits outside is something else).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The last date written in `path` (the file's own name wins over its
/// folders): `YYYY-MM-DD` with `-`, `_`, `.` or `/` between the parts, or
/// eight digits `YYYYMMDD` standing alone (not inside a longer run of
/// letters and digits such as a hash).
pub(super) fn date_in_path(path: &str) -> Option<NaiveDate> {
    let b = path.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let s = b.get(at..at + n)?;
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    let is_sep = |at: usize| matches!(b.get(at), Some(b'-' | b'_' | b'.' | b'/'));
    let date = |y: u32, m: u32, d: u32| {
        let y = i32::try_from(y).ok().filter(|y| YEARS.contains(y))?;
        NaiveDate::from_ymd_opt(y, m, d)
    };
    let mut found = None;
    for start in 0..b.len() {
        if start > 0 && b[start - 1].is_ascii_digit() {
            continue;
        }
        let Some(y) = digits(start, 4) else {
            continue;
        };
        // "2023-03-24", "2023_03_24", "2023/03/24"
        if is_sep(start + 4)
            && b.get(start + 4) == b.get(start + 7)
            && let (Some(m), Some(d)) = (digits(start + 5, 2), digits(start + 8, 2))
            && !b.get(start + 10).is_some_and(u8::is_ascii_digit)
            && let Some(day) = date(y, m, d)
        {
            found = Some(day);
            continue;
        }
        // "20230324" standing alone
        let alone = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
        if (start == 0 || alone(start - 1))
            && alone(start + 8)
            && let (Some(m), Some(d)) = (digits(start + 4, 2), digits(start + 6, 2))
            && let Some(day) = date(y, m, d)
        {
            found = Some(day);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_names_and_folders() {
        assert_eq!(date_in_path("in/2023-03-24-budget.txt"), d(2023, 3, 24));
        assert_eq!(date_in_path("in/budget_20230324.md"), d(2023, 3, 24));
        assert_eq!(date_in_path("news/2023/03/24/story.txt"), d(2023, 3, 24));
        assert_eq!(date_in_path("2019_12_01 report.txt"), d(2019, 12, 1));
        // The file's own date wins over its folder's.
        assert_eq!(date_in_path("2020-01-01/2021-02-03.txt"), d(2021, 2, 3));
    }

    #[test]
    fn digits_that_are_not_dates() {
        assert_eq!(date_in_path("seeds/000_514d5b9f2e0d4f46.txt"), None);
        assert_eq!(date_in_path("a/ab20230324cd.txt"), None, "inside a hash");
        assert_eq!(date_in_path("a/123456789.txt"), None);
        assert_eq!(date_in_path("a/2023-13-40.txt"), None, "no such day");
        assert_eq!(date_in_path("a/2023-03-24123.txt"), None);
        assert_eq!(date_in_path("a/3023-03-24.txt"), None, "outside the years");
        assert_eq!(date_in_path("a/2023-03/24.txt"), None, "mixed separators");
    }
}
