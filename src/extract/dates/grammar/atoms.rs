//! The pieces dates are made of: years (in digits or words), month and
//! weekday names, days of the month, and all-numeric dates.

use super::super::expr::{Day, MonthRef, Period, YearRef};
use super::super::lexicon;
use super::super::lexicon::cues::{
    BEFORE_LOWER_CASE_MONTH, CAPITALISED_BEFORE_MONTH, MODAL_NEXT, ORDINAL_SUFFIXES, RANGE_JOINERS,
    TICKER_MARKS, ZERO_WORDS,
};
use super::{Hit, Order, Parser};
use crate::extract::numbers::{self, NumberKind};

impl<'a> Parser<'a> {
    /// A four-digit year, or a year in words ("nineteen ninety six", "two
    /// thousand and eighteen").
    pub(crate) fn year(&self, i: usize) -> Hit<i32> {
        if let Some((v, 4)) = self.digits_at(i) {
            if (1000..=2999).contains(&v) {
                return Some((i + 1, v as i32));
            }
            return None;
        }
        self.year_words(i)
    }

    /// A year spelled out.
    pub(crate) fn year_words(&self, i: usize) -> Hit<i32> {
        let first = lexicon::small_number(self.word_at(i)?)?;
        // "two thousand (and) eighteen"
        if first == 2 && self.is(i + 1, "thousand") {
            let mut k = i + 2;
            let and = self.is(k, "and");
            if and {
                k += 1;
            }
            if let Some((e, v)) = self.below_hundred(k) {
                return Some((e, 2000 + v as i32));
            }
            return (!and).then_some((i + 2, 2000));
        }
        if !(10..=20).contains(&first) {
            return None;
        }
        // "nineteen hundred (and) ninety three", "seventeen hundred thirty three"
        if self.is(i + 1, "hundred") {
            let k = self.skip_optional(i + 2, "and");
            let (e, rest) = self.below_hundred(k).unwrap_or((i + 2, 0));
            return Some((e, (first * 100 + rest) as i32));
        }
        // "nineteen ninety six", "nineteen zero one", "nineteen oh five"
        let k = i + 1;
        if let Some(z) = self.word_at(k)
            && ZERO_WORDS.contains(&z)
            && let Some(u) = self.word_at(k + 1).and_then(lexicon::small_number)
            && u < 10
        {
            return Some((k + 2, (first * 100 + u) as i32));
        }
        let (e, rest) = self.below_hundred(k)?;
        (rest >= 10).then_some((e, (first * 100 + rest) as i32))
    }

    /// 1–99 in words ("eighteen", "twenty seven", "thirty-two").
    pub(crate) fn below_hundred(&self, i: usize) -> Hit<u32> {
        let a = lexicon::small_number(self.word_at(i)?)?;
        if (20..=90).contains(&a) && a % 10 == 0 {
            let k = if self.dash(i + 1) && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self.word_at(k).and_then(lexicon::small_number)
                && (1..=9).contains(&u)
            {
                return Some((k + 1, a + u));
            }
        }
        (a >= 1).then_some((i + 1, a))
    }

    /// A year written after a month or day: four digits, words, or two
    /// digits ("August 99", "05/05/89").
    pub(crate) fn year_after(&self, i: usize) -> Hit<YearRef> {
        if let Some((e, y)) = self.year(i) {
            return Some((e, YearRef::Abs(y)));
        }
        if self.punct_at(i, '\'') || self.punct_at(i, '\u{2019}') {
            let (v, d) = self.digits_at(i + 1)?;
            return (d == 2).then_some((i + 2, YearRef::TwoDigit(v as i32)));
        }
        None
    }

    /// A month name at `i` (and the dot of an abbreviation). `sure` says
    /// the context already makes it a date (a day or year next to it), so
    /// words like "may" and "march" are taken.
    pub(crate) fn month(&self, i: usize, sure: bool) -> Hit<u32> {
        let t = self.toks.get(i)?;
        let w = t.word()?;
        let m = lexicon::month(w)?;
        // "$DEC" is a ticker.
        if i > 0
            && self.glued(i)
            && self.toks[i - 1].kind == crate::extract::numbers::lexer::Kind::Punct
        {
            let prev = self.toks[i - 1].low;
            if TICKER_MARKS.contains(&prev) {
                return None;
            }
        }
        // "Mar-a-Lago", "Jan-Mike": a month glued by a hyphen to a word
        // that is no date is a compound's first part ("March-April",
        // "Oct-2024", "October-to-December" stay).
        if self.glued(i + 1)
            && self.dash(i + 1)
            && self.glued(i + 2)
            && self.word_at(i + 2).is_some_and(|n| {
                lexicon::month(n).is_none()
                    && lexicon::weekday(n).is_none()
                    && !RANGE_JOINERS.contains(&n)
            })
        {
            return None;
        }
        // "Theresa May", "Billy May": a name.
        if lexicon::month_is_ambiguous(w)
            && i > 0
            && self.toks[i - 1].cap
            && self.toks[i - 1].word().is_some_and(|p| {
                lexicon::weekday(p).is_none() && !CAPITALISED_BEFORE_MONTH.contains(&p)
            })
        {
            return None;
        }
        if lexicon::month_is_ambiguous(w) && !sure {
            let after_prep = i > 0 && self.is_one_of(i - 1, BEFORE_LOWER_CASE_MONTH);
            if !t.cap && !after_prep {
                return None;
            }
            if w == "may" && self.is_one_of(i + 1, MODAL_NEXT) {
                return None;
            }
            if w == "march" && self.is(i + 1, "on") {
                return None;
            }
        }
        let mut e = i + 1;
        // "Oct. 2", "16. Nov. 2016": the abbreviation's dot, not a full stop.
        if w.len() <= 4
            && self.punct_at(e, '.')
            && self.glued(e)
            && (self.digits_at(e + 1).is_some() || self.punct_at(e + 1, ','))
        {
            e += 1;
        }
        Some((e, m))
    }

    /// A weekday name at `i`.
    pub(crate) fn weekday(&self, i: usize, sure: bool) -> Hit<u32> {
        let t = self.toks.get(i)?;
        let w = t.word()?;
        let d = lexicon::weekday(w)?;
        if lexicon::weekday_is_ambiguous(w) && !sure && !(t.cap && self.dated_after(i + 1)) {
            return None;
        }
        Some((i + 1, d))
    }

    /// Whether a date follows at `k`, after an abbreviation's dot or a
    /// comma: a day's number or a month ("Sun 12 May", "Sat., Nov. 3"), or
    /// a dash and another weekday ("Mon-Fri"). A capitalized weekday
    /// abbreviation that is also a word is a date only so: alone it is far
    /// more often a name (`Sun` the company or the newspaper, `Wed`).
    fn dated_after(&self, mut k: usize) -> bool {
        if self.punct_at(k, '.') && self.glued(k) {
            k += 1;
        }
        if self.punct_at(k, ',') {
            k += 1;
        }
        self.digits_at(k).is_some()
            || self.word_at(k).and_then(lexicon::month).is_some()
            || (self.dash(k) && self.word_at(k + 1).and_then(lexicon::weekday).is_some())
    }

    /// A day of the month: 1–31 in digits (with "st"/"nd"/"rd"/"th"), an
    /// ordinal word ("twenty-first") or, when `cardinal`, a number word.
    /// The flag says whether it was written as an ordinal.
    pub(crate) fn day_num(&self, i: usize, cardinal: bool) -> Hit<(u32, bool)> {
        if let Some((v, d)) = self.digits_at(i) {
            if d > 2 || !(1..=31).contains(&v) {
                return None;
            }
            if let Some(s) = self.word_at(i + 1)
                && self.glued(i + 1)
            {
                return ORDINAL_SUFFIXES.contains(&s).then_some((i + 2, (v, true)));
            }
            return Some((i + 1, (v, false)));
        }
        let t = self.toks.get(i)?;
        let w = t.word()?;
        if lexicon::small_number(w).is_none() && lexicon::ordinal_word(w).is_none() {
            return None;
        }
        let (end, _, value, kind) = numbers::words_at(self.text, self.raw, t.raw)?;
        // Map the end back to our token index.
        let mut e = i;
        while e < self.toks.len() && self.toks[e].end <= end {
            e += 1;
        }
        if e == i || value.fract() != 0.0 || !(1.0..=31.0).contains(&value) {
            // "twenty one two thousand": read the day on its own.
            if let Some((e2, v)) = self.below_hundred(i)
                && cardinal
                && (1..=31).contains(&v)
            {
                return Some((e2, (v, false)));
            }
            return None;
        }
        match kind {
            NumberKind::Ordinal => Some((e, (value as u32, true))),
            NumberKind::Integer if cardinal => Some((e, (value as u32, false))),
            _ => None,
        }
    }

    /// An ordinal position 1–5 or "last" ("first", "3rd", "last").
    pub(crate) fn position(&self, i: usize) -> Hit<i32> {
        if self.is(i, "last") {
            return Some((i + 1, -1));
        }
        if let Some((v, 1)) = self.digits_at(i)
            && let Some(s) = self.word_at(i + 1)
            && ORDINAL_SUFFIXES.contains(&s)
            && self.glued(i + 1)
        {
            return Some((i + 2, v as i32));
        }
        let v = lexicon::ordinal_word(self.word_at(i)?)?;
        Some((i + 1, v as i32))
    }

    /// A separator of an all-numeric date and whether it is one.
    fn sep(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        if !(t.glued() || t.punct('-') || t.punct('/')) {
            return None;
        }
        ['/', '-', '.'].into_iter().find(|c| t.punct(*c))
    }

    /// An all-numeric date or month ("4/22", "21/04/16", "2015-08-12",
    /// "2015/3", "11/2016", "20200701", "2016 10 16") or one mixing a
    /// month name in ("2019/sep/01", "23-Sep-2020", "Dec/2018").
    pub(crate) fn numeric(&self, i: usize) -> Hit<NumericDate> {
        if let Some(h) = self.compact(i) {
            return Some(h);
        }
        let (a, ad) = self.digits_at(i)?;
        let s1 = self.sep(i + 1)?;
        let glued_sep = self.glued(i + 1);
        let j = i + 2;
        if !glued_sep && !self.glued(j) && s1 != '-' && s1 != '/' {
            return None;
        }
        // Second part: digits or a month name.
        let second = if let Some((b, bd)) = self.digits_at(j) {
            Part::Num(b, bd)
        } else {
            let (e, m) = self.month(j, true)?;
            if e != j + 1 {
                return None;
            }
            Part::Month(m)
        };
        let k = j + 1;
        let third = match self.sep(k) {
            Some(s2) if s2 == s1 && (self.glued(k) || self.glued(k + 1) || s2 != '.') => {
                if let Some((c, cd)) = self.digits_at(k + 1) {
                    Some((k + 2, Part::Num(c, cd)))
                } else {
                    self.month(k + 1, true)
                        .map(|(_, m)| (k + 2, Part::Month(m)))
                }
            }
            _ => None,
        };
        let a = Part::Num(a, ad);
        match third {
            Some((e, c)) => self.three(a, second, c, s1).map(|d| (e, d)),
            None => self.two(a, second, s1).map(|d| (k, d)),
        }
    }

    /// Eight digits that are a date ("20200701").
    fn compact(&self, i: usize) -> Hit<NumericDate> {
        let (v, 8) = self.digits_at(i)? else {
            return None;
        };
        let (y, m, d) = (v / 10_000, v / 100 % 100, v % 100);
        ((1900..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((
            i + 1,
            NumericDate::Day(Day::Calendar {
                year: Some(YearRef::Abs(y as i32)),
                month: m,
                day: d,
                year_shift: None,
            }),
        ))
    }

    fn three(&self, a: Part, b: Part, c: Part, sep: char) -> Option<NumericDate> {
        use Part::{Month, Num};
        let day = |y: YearRef, m: u32, d: u32| {
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(NumericDate::Day(
                Day::Calendar {
                    year: Some(y),
                    month: m,
                    day: d,
                    year_shift: None,
                },
            ))
        };
        let year = |v: u32, digits: usize| match digits {
            4 if (1000..=2999).contains(&v) => Some(YearRef::Abs(v as i32)),
            2 => Some(YearRef::TwoDigit(v as i32)),
            _ => None,
        };
        match (a, b, c) {
            // 2015/08/12, 2015.5.13, 2020/23/Sep, 2019/sep/01
            (Num(y, 4), Num(m, md), Num(d, dd)) if md <= 2 && dd <= 2 => day(year(y, 4)?, m, d),
            (Num(y, 4), Month(m), Num(d, dd)) | (Num(y, 4), Num(d, dd), Month(m)) if dd <= 2 => {
                day(year(y, 4)?, m, d)
            }
            // 23/Sep/2020, 23-2020-September
            (Num(d, dd), Month(m), Num(y, yd)) if dd <= 2 => day(year(y, yd)?, m, d),
            (Num(d, dd), Num(y, 4), Month(m)) if dd <= 2 => day(year(y, 4)?, m, d),
            // 02/22/2016, 21-04-2016, 9-18-15, 13.5.2015
            (Num(x, xd), Num(z, zd), Num(y, yd)) if xd <= 2 && zd <= 2 && (yd == 4 || yd == 2) => {
                let y = year(y, yd)?;
                let day_first = x > 12 || sep == '.' || (self.order == Order::DayFirst && z <= 12);
                if day_first && z <= 12 {
                    day(y, z, x)
                } else {
                    day(y, x, z)
                }
            }
            _ => None,
        }
    }

    fn two(&self, a: Part, b: Part, sep: char) -> Option<NumericDate> {
        use Part::{Month, Num};
        match (a, b) {
            // 2015/3, 2016-11
            (Num(y, 4), Num(m, md))
                if md <= 2 && (1..=12).contains(&m) && (1000..=2999).contains(&y) =>
            {
                Some(NumericDate::Month(MonthRef::Named {
                    month: m,
                    year: Some(YearRef::Abs(y as i32)),
                }))
            }
            // 3/2015, 11-2016
            (Num(m, md), Num(y, 4))
                if md <= 2 && (1..=12).contains(&m) && (1000..=2999).contains(&y) =>
            {
                Some(NumericDate::Month(MonthRef::Named {
                    month: m,
                    year: Some(YearRef::Abs(y as i32)),
                }))
            }
            // 22-Nov, 1-jan
            (Num(d, dd), Month(m)) if dd <= 2 && (1..=31).contains(&d) => {
                Some(NumericDate::Day(open_day(m, d)))
            }
            // 4/22, 22/04, 4-22, 4.22
            (Num(x, xd), Num(z, zd)) if xd <= 2 && zd <= 2 && x >= 1 && z >= 1 => {
                if sep == '/' && is_fraction(x, z) {
                    return None;
                }
                let (m, d) = if x > 12 || (self.order == Order::DayFirst && z <= 12) {
                    (z, x)
                } else {
                    (x, z)
                };
                ((1..=12).contains(&m) && (1..=31).contains(&d))
                    .then_some(NumericDate::Day(open_day(m, d)))
            }
            _ => None,
        }
    }
}

/// A day of a month with no year.
pub(crate) fn open_day(month: u32, day: u32) -> Day {
    Day::Calendar {
        year: None,
        month,
        day,
        year_shift: None,
    }
}

/// "1/2", "3/4", "24/7": written fractions and the round-the-clock idiom.
fn is_fraction(x: u32, z: u32) -> bool {
    (x < z && matches!(z, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16)) || (x == 24 && z == 7)
}

/// One part of an all-numeric date.
#[derive(Debug, Clone, Copy)]
enum Part {
    Num(u32, usize),
    Month(u32),
}

/// What an all-numeric form names.
#[derive(Debug, Clone)]
pub(crate) enum NumericDate {
    Day(Day),
    Month(MonthRef),
}

impl NumericDate {
    /// As a period (a month) or `None` for a day.
    pub(crate) fn period(&self) -> Option<Period> {
        match self {
            NumericDate::Month(m) => Some(Period::Month(*m)),
            NumericDate::Day(_) => None,
        }
    }
}
