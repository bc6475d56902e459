//! Calendar arithmetic the resolver needs beyond chrono: weeks that start
//! on Monday, months that clamp their day, business days, weeks belonging
//! to the month or year that holds their Thursday (ISO 8601), and the
//! movable holidays.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{Holiday, Unit};

/// A date, if it exists (no 30 February).
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The Monday of the week `d` is in.
pub(crate) fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

/// The day with ISO weekday `wd` (1 = Monday) in the week of `d`.
pub(crate) fn in_week(d: NaiveDate, wd: u32) -> NaiveDate {
    monday(d) + Days::new(u64::from(wd.clamp(1, 7) - 1))
}

/// `d` moved by whole days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `d` moved by whole months, the day clamped to the month's last.
pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(n32))
    } else {
        d.checked_sub_months(Months::new(n32))
    }
}

/// The first day of the month `d` is in.
pub(crate) fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The first day of month `m` of year `y` (clamped into range).
pub(crate) fn first_of(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m.clamp(1, 12), 1)
}

/// `d` moved by `n` business days (Monday to Friday).
pub(crate) fn add_business_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let step = if n >= 0 { 1 } else { -1 };
    let mut left = n.abs();
    let mut cur = d;
    while left > 0 {
        cur = add_days(cur, step)?;
        if cur.weekday().number_from_monday() <= 5 {
            left -= 1;
        }
    }
    Some(cur)
}

/// `d` moved by `amount` of `unit`; fractions of days and longer units are
/// taken in days (half a year is 182 days).
pub(crate) fn shift(d: NaiveDate, amount: f64, unit: Unit) -> Option<NaiveDate> {
    let whole = amount.fract() == 0.0;
    let n = amount as i64;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            add_days(d, (amount * unit.seconds() / 86_400.0).floor() as i64)
        }
        Unit::Day => add_days(d, amount.round() as i64),
        Unit::BusinessDay => add_business_days(d, amount.round() as i64),
        Unit::Week => add_days(d, (amount * 7.0).round() as i64),
        Unit::Fortnight => add_days(d, (amount * 14.0).round() as i64),
        Unit::Month if whole => add_months(d, n),
        Unit::Quarter if whole => add_months(d, n * 3),
        Unit::Year if whole => add_months(d, n * 12),
        Unit::Decade if whole => add_months(d, n * 120),
        Unit::Century if whole => add_months(d, n * 1200),
        _ => add_days(d, (amount * unit.seconds() / 86_400.0).round() as i64),
    }
}

/// The Monday starting week `w` of year `y` (ISO 8601).
pub(crate) fn iso_week(y: i32, w: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
}

/// The Mondays of the weeks that belong to the span `[start, end)`: those
/// whose Thursday falls inside it.
pub(crate) fn weeks_of(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = monday(start);
    while m < end {
        let thursday = m + Days::new(3);
        if thursday >= start && thursday < end {
            out.push(m);
        }
        m = m + Days::new(7);
    }
    out
}

/// The `n`-th (1-based; negative counts from the end) weekday `wd` of a month.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    let first = first_of(y, m)?;
    if n > 0 {
        let offset = (wd + 7 - first.weekday().number_from_monday()) % 7;
        let d = first + Days::new(u64::from(offset) + 7 * u64::try_from(n - 1).ok()?);
        (d.month() == m).then_some(d)
    } else {
        let last = add_days(add_months(first, 1)?, -1)?;
        let offset = (last.weekday().number_from_monday() + 7 - wd) % 7;
        let d = last - Days::new(u64::from(offset) + 7 * u64::from(n.unsigned_abs() - 1));
        (d.month() == m).then_some(d)
    }
}

/// Easter Sunday of year `y` (Gregorian, anonymous algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday's date in year `y`.
pub(crate) fn holiday(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::Nth { month, weekday, n } => nth_weekday(y, month, weekday, n),
        Holiday::Easter(days) => add_days(easter(y)?, days),
        Holiday::BlackFriday => add_days(nth_weekday(y, 11, 4, 4)?, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn weeks_months_and_holidays() {
        assert_eq!(monday(d("2016-11-13")), d("2016-11-07"));
        assert_eq!(in_week(d("2016-11-07"), 7), d("2016-11-13"));
        assert_eq!(add_months(d("2016-01-31"), 1), Some(d("2016-02-29")));
        assert_eq!(add_business_days(d("2018-08-21"), 4), Some(d("2018-08-27")));
        assert_eq!(iso_week(2018, 31), Some(d("2018-07-30")));
        assert_eq!(easter(2018), Some(d("2018-04-01")));
        assert_eq!(holiday(Holiday::BlackFriday, 2010), Some(d("2010-11-26")));
        assert_eq!(nth_weekday(2016, 7, 5, 1), Some(d("2016-07-01")));
        assert_eq!(nth_weekday(2017, 9, 7, 5), None);
        let july = weeks_of(d("2017-07-01"), d("2017-08-01"));
        assert_eq!(july.last(), Some(&d("2017-07-24")));
    }
}
