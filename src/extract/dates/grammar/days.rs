//! Single days: calendar dates ("June 30, 2022", "30 June", "4/22"),
//! weekdays ("Friday", "next Sunday", "Friday of next week"), days of the
//! month ("the 21st", "Friday the 13th"), the n-th weekday of a month,
//! holidays, and the words for nearby days ("today", "the day after
//! tomorrow").

use super::super::expr::{Day, MonthRef, WeekdayRel, YearRef};
use super::super::lexicon;
use super::super::lexicon::cues::{
    AFTER_HOLIDAY_DATE, BEFORE_THE_DAY, CLOCK_SUFFIXES, COMING_WORDS, DATE_LIST_JOINERS, DAY_PREPS,
    DOTTED_DAY_LEADS, LAST_OR_PAST, NOT_A_DAY_AFTER, NUMERIC_DAY_LEADS, OF_OR_IN,
    TOMORROW_SPELLINGS,
};
use super::atoms::{NumericDate, open_day};
use super::{Hit, Parser, longest};

impl<'a> Parser<'a> {
    /// The longest single day at `i`.
    pub(crate) fn day(&self, i: usize) -> Hit<Day> {
        longest([
            self.calendar_date(i),
            self.weekday_day(i),
            self.relative_day(i),
            self.day_of_month(i),
            self.nth_weekday(i),
            self.holiday(i),
            self.shifted_calendar(i),
        ])
    }

    /// The year after a day and month, if one follows, and where the date
    /// then ends.
    pub(crate) fn maybe_year(&self, i: usize) -> (usize, Option<YearRef>) {
        match self.trailing_year(i) {
            Some((e, y)) => (e, Some(y)),
            None => (i, None),
        }
    }

    /// A year after a day and month: ", 2016", " of 2016", " in 2020".
    fn trailing_year(&self, i: usize) -> Hit<YearRef> {
        let mut k = i;
        if self.punct_at(k, ',') {
            k += 1;
        }
        if self.is_one_of(k, OF_OR_IN) {
            k += 1;
        }
        self.year_after(k)
    }

    /// A calendar date with a month name or all in digits.
    pub(crate) fn calendar_date(&self, i: usize) -> Hit<Day> {
        let mut best = self.month_first(i);
        let further = |best: &Hit<Day>, end: usize| best.as_ref().is_none_or(|(b, _)| end > *b);
        if let Some((end, d)) = self.day_first(i)
            && further(&best, end)
        {
            best = Some((end, d));
        }
        // All digits: "4/22", "2015-08-12", "22-nov".
        if let Some((e, NumericDate::Day(d))) = self.numeric(i)
            && further(&best, e)
            && self.numeric_ok(i, e, &d)
        {
            best = Some((e, d));
        }
        if let Some((end, d)) = self.spaced_digits_date(i)
            && further(&best, end)
        {
            best = Some((end, d));
        }
        best
    }

    /// Month first: "April 22", "Oct. 2", "jan-1", "May the eleventh",
    /// "January 12, 2016", "sep-23-2020", "september-2020-23".
    fn month_first(&self, i: usize) -> Hit<Day> {
        let (k, m) = self.month(i, true)?;
        // "september-2020-23"
        if (self.dash(k) && self.glued(k))
            && let Some((ye, y)) = self.year(k + 1)
            && self.dash(ye)
            && let Some((e, (d, _))) = self.day_num(ye + 1, false)
        {
            return Some((e, calendar(Some(YearRef::Abs(y)), m, d)));
        }
        let mut j = k;
        if ((self.dash(j) || self.punct_at(j, '/')) && self.glued(j)) || self.punct_at(j, '.') {
            j += 1;
        }
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // Not a time ("May 5 pm", "June 3:30").
        let (e, (d, ordinal)) = self.day_num(j, true)?;
        if self.punct_at(e, ':') || (!the && self.is_one_of(e, CLOCK_SUFFIXES)) {
            return None;
        }
        // A lower-case "may" or "march" needs a day written as one.
        if self.month(i, false).is_none() && !ordinal && self.digits_at(j).is_none() {
            return None;
        }
        let (end, year) = match self.trailing_year(e) {
            Some((ye, y)) => (ye, Some(y)),
            None if (self.dash(e) || self.punct_at(e, '/')) && self.glued(e) => {
                match self.year_after(e + 1) {
                    Some((ye, y)) => (ye, Some(y)),
                    None => (e, None),
                }
            }
            None => (e, None),
        };
        Some((end, calendar(year, m, d)))
    }

    /// Day first: "15 June 2016", "1st jan", "fourth of may", "16. Nov.
    /// 2016", "the 09th of May", "22april", "1-jan". "The 09th of May"
    /// keeps its article; "the tenth of September" is read from the day.
    fn day_first(&self, i: usize) -> Hit<Day> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let (k, (d, ordinal)) = self.day_num(j, true)?;
        let digits = self.digits_at(j).is_some();
        if the && !digits {
            return None;
        }
        let mut m0 = k;
        if self.punct_at(m0, '.') && digits {
            m0 += 1;
        }
        if (self.dash(m0) && self.glued(m0)) || self.is(m0, "of") {
            m0 += 1;
        }
        let (e, m) = self.month(m0, true)?;
        if !(digits || ordinal || self.month(m0, false).is_some()) {
            return None;
        }
        let (end, year) = self.maybe_year(e);
        Some((end, calendar(year, m, d)))
    }

    /// Year, month and day as spaced digits: "2016 10 16".
    fn spaced_digits_date(&self, i: usize) -> Hit<Day> {
        let (Some((y, 4)), Some((m, 2)), Some((d, 2))) = (
            self.digits_at(i),
            self.digits_at(i + 1),
            self.digits_at(i + 2),
        ) else {
            return None;
        };
        ((1900..=2099).contains(&y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && !self.glued(i + 1)
            && !self.glued(i + 2))
        .then(|| (i + 3, calendar(Some(YearRef::Abs(y as i32)), m, d)))
    }

    /// Whether an all-numeric day without a year stands as a date here: a
    /// slash form, or a dash or dot form after "on"/"in"/a weekday.
    fn numeric_ok(&self, i: usize, e: usize, d: &Day) -> bool {
        let Day::Calendar { year, .. } = d else {
            return true;
        };
        if year.is_some()
            || e - i != 3
            || self.month(i + 2, true).is_some()
            || self.month(i, true).is_some()
        {
            return true;
        }
        let before = i.checked_sub(1).and_then(|k| self.word_at(k));
        let weekday_before = i
            .checked_sub(1)
            .and_then(|k| self.weekday(k, true))
            .is_some();
        let lead = before.is_some_and(|w| NUMERIC_DAY_LEADS.contains(&w)) || weekday_before;
        // "4.22" only after "on" or a weekday, and never as a figure ("3.5%").
        if self.punct_at(i + 1, '.') {
            return (before.is_some_and(|w| DOTTED_DAY_LEADS.contains(&w)) || weekday_before)
                && !self.punct_at(e, '%')
                && self.word_at(e).is_none_or(|w| self.dash(e) || w.is_empty());
        }
        if self.punct_at(i + 1, '/') {
            // Without its year, "10/20" is a score, a ratio or a fraction
            // ("was 10/20", "won 3/4") unless a word before asks for a day
            // or it opens a list or range of such days ("10/20 - 10/25").
            let joined_after = |k: usize| {
                (self.dash(k) || self.punct_at(k, ',') || self.is_one_of(k, DATE_LIST_JOINERS))
                    && self.digits_at(k + 1).is_some()
            };
            // "on 11/20, 11/22 or 11/25": the later days of a list.
            let joined_before = i >= 3
                && (self.dash(i - 1)
                    || self.punct_at(i - 1, ',')
                    || self.is_one_of(i - 1, DATE_LIST_JOINERS))
                && self.digits_at(i - 2).is_some()
                && self.punct_at(i - 3, '/');
            let alone = i == 0 && e == self.toks.len();
            return lead || joined_after(e) || joined_before || alone;
        }
        lead
    }

    /// "this 5/12", "next 6th of April": a calendar date in this or next year.
    fn shifted_calendar(&self, i: usize) -> Hit<Day> {
        let shift = match self.word_at(i)? {
            "this" => 0,
            "next" => 1,
            "last" => -1,
            _ => return None,
        };
        let (e, d) = self.calendar_date(i + 1)?;
        match d {
            Day::Calendar {
                year: None,
                month,
                day,
                ..
            } => Some((
                e,
                Day::Calendar {
                    year: None,
                    month,
                    day,
                    year_shift: Some(shift),
                },
            )),
            _ => None,
        }
    }

    /// Days named by a weekday.
    pub(crate) fn weekday_day(&self, i: usize) -> Hit<Day> {
        let on = self.is(i, "on");
        let s = if on { i + 1 } else { i };
        // "this/next/last (week) Friday", "this past Friday", "coming Thursday"
        if let Some(r) = self.word_at(s).and_then(lexicon::relative) {
            let mut k = s + 1;
            let word = self.word_at(s)?;
            // "next week (on|-)? Friday"
            if self.is(k, "week") {
                let mut j = k + 1;
                if self.is(j, "on") || self.dash(j) || self.punct_at(j, ',') {
                    j += 1;
                }
                if let Some((e, wd)) = self.weekday(j, true) {
                    if on && !self.is(k + 1, "on") {
                        return None;
                    }
                    return Some((
                        e,
                        Day::InWeek {
                            weekday: wd,
                            week: r,
                        },
                    ));
                }
                return None;
            }
            if on {
                return None;
            }
            let rel = match word {
                "this" if self.is_one_of(k, LAST_OR_PAST) => {
                    k += 1;
                    WeekdayRel::Past
                }
                "this" if self.is_one_of(k, COMING_WORDS) => {
                    k += 1;
                    WeekdayRel::Upcoming
                }
                "this" | "current" => WeekdayRel::This,
                "past" => WeekdayRel::Past,
                "coming" | "upcoming" => {
                    if self.toks.get(s).is_some_and(|t| t.cap) || i == 0 || !self.is(s - 1, "this")
                    {
                        WeekdayRel::Next
                    } else {
                        WeekdayRel::Upcoming
                    }
                }
                "next" | "following" => WeekdayRel::Next,
                "last" | "previous" | "prior" => WeekdayRel::Last,
                _ => return None,
            };
            let (e, wd) = self.weekday(k, true)?;
            let (e, d) = self.weekday_tail(e, wd, rel, false);
            return Some((e, d));
        }
        let (e, wd) = self.weekday(s, false)?;
        let (end, d) = self.weekday_tail(e, wd, WeekdayRel::Plain, true);
        // "on Friday next week" keeps its "on"; "on Friday" is the weekday alone.
        if on && !matches!(d, Day::InWeek { .. }) {
            return None;
        }
        Some((end, d))
    }

    /// What may follow a weekday: a date, "the 13th", "next week".
    fn weekday_tail(&self, e: usize, wd: u32, rel: WeekdayRel, plain: bool) -> (usize, Day) {
        let mut k = e;
        if self.punct_at(k, ',')
            || (self.dash(k) && self.glued(k))
            || (self.punct_at(k, '(') && self.glued(k))
        {
            k += 1;
        }
        let paren = self.punct_at(k.saturating_sub(1), '(') && k > e;
        if let Some((de, d)) = self.calendar_date(k) {
            let de = if paren && self.punct_at(de, ')') {
                de + 1
            } else {
                de
            };
            let d = match (d, rel) {
                (
                    Day::Calendar {
                        year: None,
                        month,
                        day,
                        ..
                    },
                    WeekdayRel::This,
                ) => Day::Calendar {
                    year: None,
                    month,
                    day,
                    year_shift: Some(0),
                },
                // "Monday, Sept. 4": the weekday says which year's.
                (
                    Day::Calendar {
                        year: None,
                        month,
                        day,
                        year_shift: None,
                    },
                    WeekdayRel::Plain,
                ) => Day::OfMonth {
                    day,
                    month: Some(MonthRef::Named { month, year: None }),
                    weekday: Some(wd),
                },
                (d, _) => d,
            };
            return (de, d);
        }
        if plain {
            // "Friday the 13th", "Monday 21", "Wed 13th"
            let j = self.skip_optional(e, "the");
            if let Some((de, (d, ordinal))) = self.day_num(j, true)
                && (ordinal || j > e || self.digits_at(j).is_some())
                && !self.is_one_of(de, NOT_A_DAY_AFTER)
                && !self.punct_at(de, ':')
                && self.month(de, true).is_none()
            {
                return (
                    de,
                    Day::OfMonth {
                        day: d,
                        month: None,
                        weekday: Some(wd),
                    },
                );
            }
            // "Friday next week", "Friday of next week", "Monday of the following week"
            let mut j = e;
            if self.is(j, "of") {
                j += 1;
            }
            j = self.skip_optional(j, "the");
            if let Some(r) = self.word_at(j).and_then(lexicon::relative)
                && self.is(j + 1, "week")
            {
                return (
                    j + 2,
                    Day::InWeek {
                        weekday: wd,
                        week: r,
                    },
                );
            }
            if self.is(j, "week") && j > e {
                return (
                    j + 1,
                    Day::InWeek {
                        weekday: wd,
                        week: 0,
                    },
                );
            }
        }
        (e, Day::Weekday { weekday: wd, rel })
    }

    /// "today", "tomorrow", "the day after tomorrow", "the next day".
    pub(crate) fn relative_day(&self, i: usize) -> Hit<Day> {
        let w = self.word_at(i)?;
        // "Radio 4's Today programme": a name, not a day.
        if self.toks[i].cap
            && i > 0
            && self.toks[i - 1].word().is_some()
            && (self.toks[i - 1].cap || self.toks[i - 1].low.ends_with("'s"))
        {
            return None;
        }
        let simple = match w {
            "today" | "otd" | "tonight" => Some(0),
            "tomorrow" | "tmrw" | "tmr" | "tomorow" => Some(1),
            "yesterday" => Some(-1),
            _ => None,
        };
        if let Some(n) = simple {
            return Some((i + 1, Day::Relative(n)));
        }
        let the = self.is(i, "the");
        let k = if the { i + 1 } else { i };
        // "(the) day before yesterday", "(the) day after tomorrow"
        if self.is(k, "day") {
            if self.is(k + 1, "after") && self.is_one_of(k + 2, TOMORROW_SPELLINGS) {
                return Some((k + 3, Day::Relative(2)));
            }
            if self.is(k + 1, "before") && self.is(k + 2, "yesterday") {
                return Some((k + 3, Day::Relative(-2)));
            }
            if the && self.clause_end(k + 2) {
                if self.is(k + 1, "before") {
                    return Some((k + 2, Day::Relative(-1)));
                }
                if self.is(k + 1, "after") {
                    return Some((k + 2, Day::Relative(1)));
                }
            }
        }
        // "(the) next day", "the last day", "past day", "this day", "my day"
        if let Some(r) = self.word_at(k).and_then(|w| match w {
            "next" | "following" => Some(1),
            "last" | "past" | "previous" => Some(-1),
            "this" | "my" => Some(0),
            _ => None,
        }) && self.is(k + 1, "day")
            && (self.clause_end(k + 2) || (the && !self.glued(k + 2)))
            && (the || self.word_at(k) != Some("following"))
        {
            return Some((k + 2, Day::Relative(r)));
        }
        // "the day" as today: "for the day", "of the day", "back the day".
        if the
            && self.is(k, "day")
            && self.clause_end(k + 1)
            && i > 0
            && self.is_one_of(i - 1, BEFORE_THE_DAY)
        {
            return Some((k + 1, Day::Relative(0)));
        }
        None
    }

    /// A day of the month without its month: "the 21st", "the 27", "on
    /// 15", "20th of next month", "31st of this month".
    pub(crate) fn day_of_month(&self, i: usize) -> Hit<Day> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let (mut k, (d, ordinal)) = self.day_num(j, the)?;
        // "the 15th day of next month", "twenty third day of September"
        let day_of = ordinal && self.is(k, "day") && self.is(k + 1, "of");
        if day_of {
            k += 1;
            if let Some((me, mo)) = self.month(k + 1, true) {
                let (end, year) = self.maybe_year(me);
                return Some((end, calendar(year, mo, d)));
            }
            if self.is(k + 1, "the") && self.is(k + 2, "month") {
                return Some((
                    k + 3,
                    Day::OfMonth {
                        day: d,
                        month: Some(MonthRef::Rel(0)),
                        weekday: None,
                    },
                ));
            }
        }
        // "20th of next month", "the 20th next month", "21st this month"
        let mut m = self.skip_optional(k, "of");
        m = self.skip_optional(m, "the");
        if let Some(r) = self.word_at(m).and_then(lexicon::relative)
            && self.is(m + 1, "month")
            && (ordinal || the)
        {
            return Some((
                m + 2,
                Day::OfMonth {
                    day: d,
                    month: Some(MonthRef::Rel(r)),
                    weekday: None,
                },
            ));
        }
        // Bare: only after "on"/"for"/…, and at the end of a clause.
        let prep = i > 0 && self.is_one_of(i - 1, DAY_PREPS);
        let bare_ok = prep
            && self.clause_end(k)
            && !self.punct_at(k, '%')
            && (the || (self.digits_at(j).is_some() && (ordinal || self.is(i - 1, "on"))));
        if !bare_ok {
            return None;
        }
        Some((
            k,
            Day::OfMonth {
                day: d,
                month: None,
                weekday: None,
            },
        ))
    }

    /// "the first Friday of July", "third Tuesday", "the last Monday in May".
    pub(crate) fn nth_weekday(&self, i: usize) -> Hit<Day> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let (k, n) = self.position(j)?;
        if !(-1..=5).contains(&n) || n == 0 {
            return None;
        }
        let (e, wd) = self.weekday(k, true)?;
        let mut m = e;
        if self.is_one_of(m, OF_OR_IN) {
            m += 1;
            let mt = self.skip_optional(m, "the");
            if let Some(r) = self.word_at(mt).and_then(lexicon::relative)
                && self.is(mt + 1, "month")
            {
                return Some((
                    mt + 2,
                    Day::NthWeekday {
                        n,
                        weekday: wd,
                        month: MonthRef::Rel(r),
                    },
                ));
            }
            if let Some((me, month)) = self.month(m, true) {
                let (end, year) = self.maybe_year(me);
                return Some((
                    end,
                    Day::NthWeekday {
                        n,
                        weekday: wd,
                        month: MonthRef::Named { month, year },
                    },
                ));
            }
            return None;
        }
        if n < 0 {
            return None;
        }
        Some((
            e,
            Day::NthWeekday {
                n,
                weekday: wd,
                month: MonthRef::Rel(0),
            },
        ))
    }

    /// A holiday, with its year if one follows.
    pub(crate) fn holiday(&self, i: usize) -> Hit<Day> {
        // "next Easter" (next year's), "previous Easter" (last year's),
        // "last Easter" (the latest), "the following Easter" (the coming one)
        if let Some(w) = self.word_at(i)
            && let Some((e, h)) = self.holiday_name(i + 1)
        {
            let year = match w {
                "next" => Some(YearRef::Rel(1)),
                "previous" => Some(YearRef::Rel(-1)),
                "this" => Some(YearRef::Rel(0)),
                "last" | "past" | "following" | "coming" | "upcoming" => {
                    let sign = if LAST_OR_PAST.contains(&w) { -1 } else { 1 };
                    let base = Box::new(Day::Holiday {
                        holiday: h,
                        year: None,
                    });
                    return Some((
                        e,
                        Day::Shift {
                            base,
                            amount: Vec::new(),
                            sign,
                        },
                    ));
                }
                _ => None,
            };
            if year.is_some() {
                return Some((e, Day::Holiday { holiday: h, year }));
            }
        }
        let (e, h) = self.holiday_name(i)?;
        let (end, year) = match self.year(e) {
            Some((ye, y)) => (ye, Some(YearRef::Abs(y))),
            None => (e, None),
        };
        // "a Christmas tree", "Easter eggs": the holiday names a thing.
        let names_a_thing = year.is_none()
            && self
                .toks
                .get(end)
                .is_some_and(|t| t.word().is_some() && !t.cap)
            && !self.is_one_of(end, AFTER_HOLIDAY_DATE);
        if names_a_thing {
            return None;
        }
        Some((end, Day::Holiday { holiday: h, year }))
    }

    /// A holiday's name at `i`.
    pub(crate) fn holiday_name(&self, i: usize) -> Hit<lexicon::Holiday> {
        let first = self.word_at(i)?;
        if !self.toks[i].anchor || !lexicon::starts_holiday(first) {
            return None;
        }
        for (words, h) in lexicon::HOLIDAYS.iter().filter(|(w, _)| w[0] == first) {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                return Some((i + words.len(), *h));
            }
        }
        None
    }
}

/// A calendar date from its parts.
pub(crate) fn calendar(year: Option<YearRef>, month: u32, day: u32) -> Day {
    match year {
        None => open_day(month, day),
        Some(y) => Day::Calendar {
            year: Some(y),
            month,
            day,
            year_shift: None,
        },
    }
}
