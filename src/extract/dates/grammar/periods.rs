//! Spans of days: years, months, weeks, weekends, quarters, halves,
//! seasons, decades, centuries, "the next 3 days", "the rest of the
//! month", "early next year", "the week of the 18th", "the first week of
//! 2015".

use super::super::expr::{Day, MonthRef, Part, Period, SeasonName, YearRef};
use super::super::lexicon::cues::{
    AGE_OWNERS, ARTICLES, BEFORE_ANY_YEAR, BEFORE_BARE_PERIOD, EARLIER_OR_AGO, OF_OR_IN,
    ON_OR_FROM, ORDINAL_SUFFIXES, PERIOD_UNITS, REST_DETERMINERS, REST_WORDS, S_WORDS_NOT_PLURAL,
    SAME_PERIODS, SEASON_LEADS, SEASON_PLACERS, STARTING_WORDS, VAGUE_COUNTS, YEAR_KIND_CODES,
    YEAR_KINDS, YEAR_PREPS,
};
use super::super::lexicon::{self, Unit};
use super::{Hit, Parser, longest};

impl<'a> Parser<'a> {
    /// The longest period at `i`.
    pub(crate) fn period(&self, i: usize) -> Hit<Period> {
        let to_date = if self.is(i, "ytd") {
            Some((i + 1, Period::YearToDate))
        } else if self.is(i, "year") && self.is(i + 1, "to") && self.is(i + 2, "date") {
            Some((i + 3, Period::YearToDate))
        } else {
            None
        };
        // "2008-09", "2020/21": a season or fiscal year, not a month.
        if let Some(h) = self.two_year_span(i) {
            return Some(h);
        }
        longest([
            self.month_period(i),
            self.year_period(i),
            self.relative_unit(i),
            self.rolling(i),
            self.rest(i),
            self.part(i),
            self.week_of(i),
            self.iso_week(i),
            self.sub_period(i),
            self.quarter(i),
            self.season(i),
            self.decade(i),
            self.holiday_weekend(i),
            self.same_period(i),
            to_date,
        ])
    }

    /// "the same period in 2021", "the same quarter last year", "the same
    /// month a year earlier": the period just told of, in another year.
    fn same_period(&self, i: usize) -> Hit<Period> {
        if !(self.is(i, "the") && self.is(i + 1, "same") && self.is_one_of(i + 2, SAME_PERIODS)) {
            return None;
        }
        let k = i + 3;
        if self.is_one_of(k, OF_OR_IN) {
            if let Some((e, y)) = self.year(k + 1) {
                return Some((e, Period::Same(YearRef::Abs(y))));
            }
            let kt = self.skip_optional(k + 1, "the");
            let (e, y) = self.rel_year(kt)?;
            return Some((e, Period::Same(y)));
        }
        // "a year earlier", "a year ago", "the year before"
        let kt = self.skip_optional(k, "the");
        if self.is_one_of(kt, &["a", "one", "the"])
            && self.is(kt + 1, "year")
            && self.is_one_of(kt + 2, EARLIER_OR_AGO)
        {
            return Some((kt + 3, Period::Same(YearRef::Rel(-1))));
        }
        if self.is(kt, "year") && self.is_one_of(kt + 1, EARLIER_OR_AGO) {
            return Some((kt + 2, Period::Same(YearRef::Rel(-1))));
        }
        let (e, y) = self.rel_year(kt)?;
        Some((e, Period::Same(y)))
    }

    /// A relative year word: "this year", "next year's", "last year".
    fn rel_year(&self, i: usize) -> Hit<YearRef> {
        let r = lexicon::relative(self.word_at(i)?)?;
        if self.is(i + 1, "year") || self.is(i + 1, "year's") {
            return Some((i + 2, YearRef::Rel(r)));
        }
        None
    }

    /// Months: "January", "this Feb", "the month of May", "March 2024",
    /// "2016 June", "June next year", "April of 87", "2015/3".
    pub(crate) fn month_period(&self, i: usize) -> Hit<Period> {
        if let Some((e, nd)) = self.numeric(i)
            && let Some(p) = nd.period()
        {
            return Some((e, p));
        }
        // "2016 june", "2016, nov", "2017 april"
        if let Some((ye, 4)) = self.digits_at(i)
            && (1000..=2999).contains(&ye)
        {
            let mut k = i + 1;
            if self.punct_at(k, ',') {
                k += 1;
            }
            if let Some((e, m)) = self.month(k, true)
                && self.day_num(e, false).is_none()
            {
                return Some((
                    e,
                    Period::Month(MonthRef::Named {
                        month: m,
                        year: Some(YearRef::Abs(ye as i32)),
                    }),
                ));
            }
        }
        let (k, rel) = match self.word_at(i) {
            Some("this" | "next" | "last" | "coming" | "previous" | "past") => {
                (i + 1, lexicon::relative(self.word_at(i)?))
            }
            _ => (i, None),
        };
        // "the month of May", "month of May"
        let of = {
            let j = self.skip_optional(k, "the");
            if self.is(j, "month") && self.is(j + 1, "of") {
                Some(j + 2)
            } else {
                None
            }
        };
        let m0 = of.unwrap_or(k);
        // "this May" is a month, "This may take longer" is not.
        let sure_context = of.is_some();
        let (e, m) = self.month(m0, sure_context || self.year_follows(m0))?;
        // "May 2001", "Feb, 2001", "April of 1987", "June of nineteen
        // ninety nine", "Dec-2018", "August 99", "june in 2017"
        let mut y = e;
        if self.punct_at(y, ',') || ((self.dash(y) || self.punct_at(y, '/')) && self.glued(y)) {
            y += 1;
        }
        if self.is_one_of(y, OF_OR_IN) {
            y += 1;
        }
        if rel.is_none() {
            if let Some((ye, year)) = self.year_after(y) {
                return Some((ye, month(m, Some(year))));
            }
            if let Some((v, 2)) = self.digits_at(y)
                && (v > 31 || self.is(y - 1, "of"))
            {
                return Some((y + 1, month(m, Some(YearRef::TwoDigit(v as i32)))));
            }
            if let Some((ye, year)) = self.rel_year(e) {
                return Some((ye, month(m, Some(year))));
            }
        }
        let year = rel.map(YearRef::Rel);
        // A lone month must not be the start of a day ("May 5").
        Some((e, month(m, year)))
    }

    /// A year follows the month at `i` ("may 2001").
    fn year_follows(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let mut k = i + 1;
        if t.word().is_some_and(|w| w.len() <= 4) && self.punct_at(k, '.') {
            k += 1;
        }
        if self.punct_at(k, ',') || self.dash(k) || self.punct_at(k, '/') {
            k += 1;
        }
        if self.is_one_of(k, OF_OR_IN) {
            k += 1;
        }
        self.year(k).is_some()
    }

    /// Years: "2017" (after a word that asks for a year), "the year 2019",
    /// "year 247", "this year", "nineteen ninety six", "cy 2008".
    pub(crate) fn year_period(&self, i: usize) -> Hit<Period> {
        let the = self.is(i, "the");
        let k = if the { i + 1 } else { i };
        if let Some(h) = self.relative_year(k) {
            return Some(h);
        }
        // "fiscal year 2008", "school year 2008", "fiscal year" (read
        // without their article)
        if the && self.names_kind_of_year(k) {
            return None;
        }
        if let Some(decided) = self.kind_of_year(k) {
            return decided;
        }
        if self.is(k, "year")
            && let Some(h) = self.year_numbered(k, the)
        {
            return Some(h);
        }
        if let Some(h) = self.two_year_span(i) {
            return Some(h);
        }
        // A year in words ("nineteen ninety six", "two thousand and twenty")
        if let Some((e, y)) = self.year_words(i) {
            return Some((e, Period::Year(YearRef::Abs(y))));
        }
        self.four_digit_year(i)
    }

    /// "this/next/last/that/same year", "this calendar year", "next fiscal
    /// year" (`k` is at the relative word).
    fn relative_year(&self, k: usize) -> Hit<Period> {
        let r = self.word_at(k).and_then(lexicon::relative)?;
        // "over the past year": the twelve months up to the reference.
        if self.is(k, "past") && self.is(k + 1, "year") && self.year(k + 2).is_none() {
            return Some((k + 2, rolling(vec![(1.0, Unit::Year)], -1)));
        }
        if self.is(k + 1, "year") && self.year(k + 2).is_none() {
            return Some((k + 2, Period::Year(YearRef::Rel(r))));
        }
        if self.is(k + 1, "calendar") && self.is(k + 2, "year") {
            return Some((k + 3, Period::Year(YearRef::Rel(r))));
        }
        if self.is_one_of(k + 1, YEAR_KINDS) && self.is(k + 2, "year") {
            return Some((k + 3, Period::Unresolvable));
        }
        None
    }

    /// A kind of year or its code at `k` ("fiscal", "FY", "cy18").
    fn names_kind_of_year(&self, k: usize) -> bool {
        self.is_one_of(k, YEAR_KINDS)
            || self.is_one_of(k, YEAR_KIND_CODES)
            || self
                .word_at(k)
                .is_some_and(|w| w.starts_with("cy") || w.starts_with("sy") || w.starts_with("fy"))
    }

    /// Kinds of year: "fiscal year 2008", "fiscal 2024", "FY 2024", "FY24",
    /// "SY 2008" (whose dates the text does not give), and calendar years
    /// "CY 2008", "CY18". `Some` once a kind word decided the rule (`None`
    /// inside it: "FY" without its year).
    fn kind_of_year(&self, k: usize) -> Option<Hit<Period>> {
        let fiscal = |w: &str| matches!(w, "fiscal" | "financial" | "fy");
        // The fiscal year of a stated year; other kinds stay unresolved.
        let of = |kind: &str, year: Option<i32>| match year {
            Some(y) if fiscal(kind) => Period::FiscalYear(y),
            _ => Period::Unresolvable,
        };
        let w = self.word_at(k)?;
        if self.is_one_of(k, YEAR_KINDS) && self.is(k + 1, "year") {
            return Some(Some(match self.year(k + 2) {
                Some((e, y)) => (e, of(w, Some(y))),
                None => (k + 2, Period::Unresolvable),
            }));
        }
        if self.is(k, "fiscal")
            && let Some((e, y)) = self.year(k + 1)
        {
            return Some(Some((e, of(w, Some(y)))));
        }
        if w == "fy" || w == "sy" {
            return Some(self.year(k + 1).map(|(e, y)| (e, of(w, Some(y)))));
        }
        if w.len() == 4
            && (w.starts_with("fy") || w.starts_with("sy"))
            && let Ok(yy) = w[2..].parse::<i32>()
        {
            return Some(Some((k + 1, of(&w[..2], Some(2000 + yy)))));
        }
        if w == "cy" {
            return Some(
                self.year(k + 1)
                    .map(|(e, y)| (e, Period::Year(YearRef::Abs(y)))),
            );
        }
        if w.len() == 4
            && w.starts_with("cy")
            && let Ok(yy) = w[2..].parse::<i32>()
        {
            return Some(Some((k + 1, Period::Year(YearRef::Abs(2000 + yy)))));
        }
        None
    }

    /// "(the) year 2019", "year 247", "Year two hundred and sixty seven"
    /// (`k` is at "year"; a bare number after "the year" is not read).
    fn year_numbered(&self, k: usize, the: bool) -> Hit<Period> {
        if let Some((e, y)) = self.year(k + 1) {
            return Some((e, Period::Year(YearRef::Abs(y))));
        }
        if the {
            return None;
        }
        if let Some((v, d)) = self.digits_at(k + 1)
            && d <= 4
            && v > 0
        {
            return Some((k + 2, Period::Year(YearRef::Abs(v as i32))));
        }
        let t = self.toks.get(k + 1)?;
        let (end, _, v, kind) = crate::extract::numbers::words_at(self.text, self.raw, t.raw)?;
        if kind != crate::extract::numbers::NumberKind::Integer || !(1.0..10_000.0).contains(&v) {
            return None;
        }
        let mut e = k + 1;
        while e < self.toks.len() && self.toks[e].end <= end {
            e += 1;
        }
        Some((e, Period::Year(YearRef::Abs(v as i32))))
    }

    /// "2020/21", "2020-21": a season or fiscal span of two years.
    fn two_year_span(&self, i: usize) -> Hit<Period> {
        let (y, 4) = self.digits_at(i)? else {
            return None;
        };
        if (self.punct_at(i + 1, '/') || self.dash(i + 1))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some((yy, 2)) = self.digits_at(i + 2)
            && (1000..=2999).contains(&y)
            && yy == (y + 1) % 100
            && !self.continues_number(i + 3)
        {
            let year = |y: i32| {
                Box::new(super::super::expr::Expr::period(Period::Year(
                    YearRef::Abs(y),
                )))
            };
            let y = y as i32;
            return Some((
                i + 3,
                Period::Range {
                    from: year(y),
                    to: year(y + 1),
                },
            ));
        }
        None
    }

    /// Token `k` carries on the number before it ("2019/20/21", "2019-20.5"),
    /// where sentence punctuation ("2019/20.") would not.
    fn continues_number(&self, k: usize) -> bool {
        use crate::extract::numbers::lexer::Kind;
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if !t.glued() {
            return false;
        }
        match t.kind {
            Kind::Word => false,
            Kind::Punct if matches!(t.low, "." | "," | ";" | ":" | ")" | "!" | "?") => self
                .toks
                .get(k + 1)
                .is_some_and(|n| n.glued() && n.kind == Kind::Digits),
            _ => true,
        }
    }

    /// Four digits: a year when a word before or the shape says so, not a
    /// count ("2000 people") or part of another number ("32 - 2015").
    fn four_digit_year(&self, i: usize) -> Hit<Period> {
        let (v, 4) = self.digits_at(i)? else {
            return None;
        };
        if !(1000..=2999).contains(&v) {
            return None;
        }
        let prev_ok = i == 0
            || self.is_one_of(i - 1, YEAR_PREPS)
            || self.toks[i - 1]
                .word()
                .is_some_and(|w| lexicon::month(w).is_some() || lexicon::is_season(w))
            || self.punct_at(i - 1, '(')
            || self.punct_at(i - 1, ',')
            || self.dash(i - 1)
            || self.punct_at(i - 1, '=');
        // "32 - 2015", "2015 - 32", "138-2010": part of another number.
        let other = |k: usize| self.digits_at(k).is_some_and(|(v, d)| d != 4 && v > 12);
        if i >= 2 && self.dash(i - 1) && other(i - 2) {
            return None;
        }
        if self.dash(i + 1) && other(i + 2) {
            return None;
        }
        let plausible = (1900..=2100).contains(&v);
        // "2000 people", "1500 soldiers": a count, unless a word before
        // says it is a year.
        let next_noun = self.word_at(i + 1).is_some_and(|w| {
            w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("'s")
                && !w.ends_with("ss")
                && !S_WORDS_NOT_PLURAL.contains(&w)
                && lexicon::unit(w).is_none()
        });
        if next_noun && !prev_ok {
            return None;
        }
        if !(plausible || prev_ok && (1000..=2999).contains(&v)) {
            return None;
        }
        if !plausible && !self.is_one_of(i.wrapping_sub(1), BEFORE_ANY_YEAR) {
            return None;
        }
        Some((i + 1, Period::Year(YearRef::Abs(v as i32))))
    }

    /// "this week", "the coming week", "next month", "the weekend", "last
    /// quarter", "next decade", "the week after next", "the fortnight".
    pub(crate) fn relative_unit(&self, i: usize) -> Hit<Period> {
        let the = self.is(i, "the") || self.is(i, "my");
        let k = if the { i + 1 } else { i };
        // "the next week" is read from "next".
        if the && self.word_at(k).and_then(lexicon::relative).is_some() {
            return None;
        }
        // "the week after next", "the month after the next"
        if self.is(i, "the") && self.is(k + 1, "after") {
            let n = self.skip_optional(k + 2, "the");
            if self.is(n, "next") {
                let p = match self.word_at(k)? {
                    "week" => Period::Week(2),
                    "weekend" => Period::Weekend(2),
                    "month" => Period::Month(MonthRef::Rel(2)),
                    "year" => Period::Year(YearRef::Rel(2)),
                    _ => return None,
                };
                return Some((n + 1, p));
            }
        }
        // "the month before", "the year after": next to a time just told of.
        if self.is(i, "the")
            && self.clause_end(k + 2)
            && let Some(r) = self.word_at(k + 1).and_then(|w| match w {
                "before" | "earlier" => Some(-1),
                "after" | "later" => Some(1),
                _ => None,
            })
        {
            let p = match self.word_at(k)? {
                "week" => Period::Week(r),
                "month" => Period::Month(MonthRef::Rel(r)),
                "year" => Period::Year(YearRef::Rel(r)),
                "quarter" => Period::QuarterRel(r),
                _ => return None,
            };
            return Some((k + 2, p));
        }
        let (u, r, e) = match self.word_at(k).and_then(lexicon::relative) {
            Some(r) => {
                let w = self.word_at(k + 1)?;
                (w, r, k + 2)
            }
            None if the => (self.word_at(k)?, 0, k + 1),
            None => {
                // "weekend" alone ("on weekend", "over the weekend")
                if self.is(k, "weekend") && !self.days_follow_of(k + 1) {
                    return Some((k + 1, Period::NearWeekend));
                }
                return None;
            }
        };
        let bare_the = the && self.word_at(k).and_then(lexicon::relative).is_none();
        // "over the past month", "the past week": the month or the seven
        // days up to the reference, as news means them ("last month" and
        // "last week" are the calendar's; "the past year" is read by
        // `relative_year`).
        let past = r == -1 && self.is(k, "past");
        let p = match u {
            "week" if past => rolling(vec![(1.0, Unit::Week)], -1),
            "month" if past => rolling(vec![(1.0, Unit::Month)], -1),
            "week" => Period::Week(r),
            // "the weekend of 9 and 10 July": the days that follow say
            // which weekend, not the reference.
            "weekend" if bare_the && self.days_follow_of(e) => return None,
            "weekend" if bare_the => Period::NearWeekend,
            "weekend" => Period::Weekend(r),
            "month" => Period::Month(MonthRef::Rel(r)),
            "year" if !bare_the || self.clause_end(e) => Period::Year(YearRef::Rel(r)),
            "quarter" => Period::QuarterRel(r),
            // "over the past decade": the ten years up to the reference, as
            // news means it, not the calendar's 2010s; "the last decade"
            // and "the next decade" are as often the calendar's, and stay.
            "decade" if past => rolling(vec![(10.0, Unit::Year)], -1),
            "decade" => Period::DecadeRel(r),
            "fortnight" => Period::Fortnight(r),
            _ => return None,
        };
        // "the week", "the month" alone: only where a date is asked for.
        if bare_the {
            let asked = i == 0 || self.is_one_of(i - 1, BEFORE_BARE_PERIOD);
            if !asked && !self.is(i, "my") && !matches!(u, "weekend" | "fortnight") {
                return None;
            }
            if !self.clause_end(e) && u != "weekend" {
                return None;
            }
        }
        // "that week" / "same week" are only relative to a time just told of.
        Some((e, p))
    }

    /// Whether "of" and a number stand at `e` ("the weekend of 9 and 10
    /// July"): the weekend is the one of those days.
    fn days_follow_of(&self, e: usize) -> bool {
        self.is(e, "of") && self.toks.get(e + 1).is_some_and(|t| t.num.is_some())
    }

    /// "next 3 days", "the past few weeks", "last 3year", "2 upcoming
    /// months", "the next two decades", "the last 3 months and 2 weeks".
    pub(crate) fn rolling(&self, i: usize) -> Hit<Period> {
        let k = i;
        if let Some(dir) = self.word_at(k).and_then(|w| match w {
            "next" | "coming" | "following" | "upcoming" => Some(1),
            "past" | "last" | "previous" | "prior" => Some(-1),
            _ => None,
        }) {
            let (e, amount) = self.amount(k + 1)?;
            if self.is_one_of(k + 1, ARTICLES) {
                return None;
            }
            return Some((e, rolling(amount, dir)));
        }
        // "2 upcoming months", "5 past years"
        let (j, n) = self.count(k)?;
        let dir = match self.word_at(j)? {
            "next" | "coming" | "upcoming" | "following" => 1,
            "past" | "previous" | "last" => -1,
            _ => return None,
        };
        let (e, u) = self.unit(j + 1)?;
        // "2 next days", not "3 next week".
        if !self.word_at(j + 1).is_some_and(|w| w.ends_with('s')) {
            return None;
        }
        Some((e, rolling(vec![(n, u)], dir)))
    }

    /// "rest of the week", "rest the week", "rest of my month".
    fn rest(&self, i: usize) -> Hit<Period> {
        let k = self.skip_optional(i, "the");
        if !self.is_one_of(k, REST_WORDS) {
            return None;
        }
        let mut j = self.skip_optional(k + 1, "of");
        if self.is_one_of(j, REST_DETERMINERS) {
            j += 1;
        }
        let u = match self.word_at(j)? {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        Some((j + 1, Period::Rest(u)))
    }

    /// "early next month", "mid-November", "late last year", "the end of
    /// 2000", "the beginning of next week", "earlier this month".
    pub(crate) fn part(&self, i: usize) -> Hit<Period> {
        let mut k = i;
        let w = self.word_at(k)?;
        let (part, of_needed, around) = match w {
            "early" => (Some(Part::Early), false, None),
            "mid" | "middle" if w == "mid" => (Some(Part::Mid), false, None),
            "late" => (Some(Part::Late), false, None),
            "beginning" | "start" => (Some(Part::Early), true, None),
            "middle" => (Some(Part::Mid), true, None),
            "end" => (Some(Part::Late), true, None),
            "eoy" => return Some((k + 1, part_of(Part::Late, Period::Year(YearRef::Rel(0))))),
            "eom" => return Some((k + 1, part_of(Part::Late, Period::Month(MonthRef::Rel(0))))),
            "earlier" => (None, false, Some(false)),
            "later" => (None, false, Some(true)),
            _ => return None,
        };
        k += 1;
        if of_needed {
            if !self.is(k, "of") {
                return None;
            }
            k += 1;
        } else if self.dash(k) && self.glued(k) {
            k += 1;
        }
        let inside = self.is(k, "in");
        if inside {
            k += 1;
        }
        // The period: "next week", "the year", "this month", "March", "2000".
        let j = self.skip_optional(k, "the");
        let (e, of, rel_kind) =
            if let Some(u) = self.word_at(j).filter(|w| PERIOD_UNITS.contains(w)) {
                let p = unit_period(u, 0);
                (j + 1, p, 0)
            } else if let Some(r) = self.word_at(k).and_then(lexicon::relative)
                && let Some(u) = self.word_at(k + 1).filter(|w| PERIOD_UNITS.contains(w))
            {
                let p = unit_period(u, r);
                (k + 2, p, r)
            } else if part.is_some() && !inside {
                if let Some((e, p)) = self.month_period(k) {
                    (e, p, 0)
                } else if let Some((e, y)) = self.year(k) {
                    (e, Period::Year(YearRef::Abs(y)), 0)
                } else if let Some(season) = self.word_at(k).and_then(SeasonName::of) {
                    return Some((
                        k + 1,
                        Period::Season {
                            season,
                            year: None,
                            rel: None,
                        },
                    ));
                } else {
                    return None;
                }
            } else {
                return None;
            };
        match (part, around) {
            (Some(p), _) => Some((e, part_of(p, of))),
            (None, Some(later)) => {
                // "earlier previous week": the early part of that week.
                if rel_kind != 0 && !later {
                    return Some((e, part_of(Part::Early, of)));
                }
                Some((
                    e,
                    Period::Around {
                        later,
                        of: Box::new(of),
                    },
                ))
            }
            _ => None,
        }
    }

    /// "the week of the 18th", "month of September 16th", "the week
    /// starting February 4", "w/c Feb 4".
    fn week_of(&self, i: usize) -> Hit<Period> {
        if self.is(i, "w") && self.punct_at(i + 1, '/') && self.is(i + 2, "c") {
            let (e, d) = self.day(i + 3)?;
            return Some((e, Period::WeekOf(Box::new(d))));
        }
        let k = self.skip_optional(i, "the");
        let unit = self.word_at(k)?;
        if unit != "week" && unit != "month" {
            return None;
        }
        let mut j = k + 1;
        if self.is(j, "of") {
            j += 1;
        } else if unit == "week" && self.is_one_of(j, STARTING_WORDS) {
            j += 1;
            if self.is_one_of(j, ON_OR_FROM) {
                j += 1;
            }
        } else {
            return None;
        }
        // "week of september.16th"
        let (e, d) = if let Some((me, m)) = self.month(j, true)
            && self.punct_at(me, '.')
            && let Some((de, (day, _))) = self.day_num(me + 1, false)
        {
            (de, super::days::calendar(None, m, day))
        } else {
            let (e, d) = self.day(j)?;
            (e, d)
        };
        let p = if unit == "week" {
            Period::WeekOf(Box::new(d))
        } else {
            Period::MonthOf(Box::new(d))
        };
        Some((e, p))
    }

    /// "week 31", "the week 31", "week 3 of 2027".
    fn iso_week(&self, i: usize) -> Hit<Period> {
        let k = i;
        if !self.is(k, "week") {
            return None;
        }
        let (w, d) = self.digits_at(k + 1)?;
        if d > 2 || !(1..=53).contains(&w) {
            return None;
        }
        if let Some((e, y)) = self.is(k + 2, "of").then(|| self.year(k + 3)).flatten() {
            return Some((
                e,
                Period::IsoWeek {
                    year: Some(YearRef::Abs(y)),
                    week: w,
                },
            ));
        }
        Some((
            k + 2,
            Period::IsoWeek {
                year: None,
                week: w,
            },
        ))
    }

    /// "the first week of 2015", "the last week of July", "3rd week of
    /// Jan", "the first 2 weeks of 2021", "the last four months of 2021",
    /// "first ten days of last year", "the third week next year".
    fn sub_period(&self, i: usize) -> Hit<Period> {
        let k = self.skip_optional(i, "the");
        let (from_end, index, mut j) = if self.is(k, "last") {
            (true, 1, k + 1)
        } else if self.is(k, "first") {
            (false, 1, k + 1)
        } else {
            let (e, n) = self.position(k)?;
            (false, u32::try_from(n).ok()?, e)
        };
        if index > 5 {
            return None;
        }
        let mut count = 1;
        if let Some((e, n)) = self.count(j)
            && !self.is_one_of(j, VAGUE_COUNTS)
            && n >= 1.0
            && n.fract() == 0.0
            && index == 1
        {
            count = n as u32;
            j = e;
        }
        let unit = match self.word_at(j)? {
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "day" | "days" => Unit::Day,
            _ => return None,
        };
        j += 1;
        // Of what: "of July", "of 2015", "of last year", "next year", "of Jan 2015".
        let (e, of) = if self.is_one_of(j, OF_OR_IN) {
            let o = j + 1;
            let ot = self.skip_optional(o, "the");
            if let Some((e, y)) = self.rel_year(ot) {
                (e, Period::Year(y))
            } else if let Some(r) = self.word_at(ot).and_then(lexicon::relative)
                && self.is(ot + 1, "month")
            {
                (ot + 2, Period::Month(MonthRef::Rel(r)))
            } else if let Some((e, p)) = self.month_period(o) {
                (e, p)
            } else if let Some((e, y)) = self.year(o) {
                (e, Period::Year(YearRef::Abs(y)))
            } else {
                return None;
            }
        } else if let Some((e, y)) = self.rel_year(j) {
            (e, Period::Year(y))
        } else {
            return None;
        };
        if unit != Unit::Week && !from_end && index == 1 && count == 1 && !self.is(i, "the") {
            return None;
        }
        if unit == Unit::Week
            && count == 1
            && !from_end
            && matches!(of, Period::Year(YearRef::Abs(_)))
        {
            // ISO week numbers: "first week of 2015" is week 1.
        }
        Some((
            e,
            Period::Sub {
                from_end,
                index,
                count,
                unit,
                of: Box::new(of),
            },
        ))
    }

    /// Quarters and halves: "Q3", "Q1 2016", "2016 Q3", "2017-q1", "the
    /// third quarter of this year", "next year's third-quarter", "H1 2016".
    fn quarter(&self, i: usize) -> Hit<Period> {
        // "Q3", "H2" (a half needs its year)
        let qh = |k: usize| -> Option<(usize, char, u32)> {
            let w = self.word_at(k)?;
            let b = w.as_bytes();
            if b.len() == 2 && (b[0] == b'q' || b[0] == b'h') && b[1].is_ascii_digit() {
                let n = u32::from(b[1] - b'0');
                let max = if b[0] == b'q' { 4 } else { 2 };
                return (1..=max).contains(&n).then_some((k + 1, b[0] as char, n));
            }
            // Lexed as word + glued digits: "Q" "3"
            if b.len() == 1 && (b[0] == b'q' || b[0] == b'h') && self.glued(k + 1) {
                let (n, 1) = self.digits_at(k + 1)? else {
                    return None;
                };
                let max = if b[0] == b'q' { 4 } else { 2 };
                return (1..=max).contains(&n).then_some((k + 2, b[0] as char, n));
            }
            None
        };
        let make = |kind: char, n: u32, year: Option<YearRef>| {
            if kind == 'q' {
                Period::Quarter { quarter: n, year }
            } else {
                Period::Half { half: n, year }
            }
        };
        // Year first: "2016 Q3", "2017-q1", "2016H2", "2016 the third quarter"
        if let Some((ye, y)) = self.year(i) {
            let mut k = ye;
            if self.dash(k) || self.punct_at(k, ',') {
                k += 1;
            }
            if let Some((e, kind, n)) = qh(k) {
                return Some((e, make(kind, n, Some(YearRef::Abs(y)))));
            }
            if let Some((e, kind, n)) = self.quarter_words(k) {
                return Some((e, make(kind, n, Some(YearRef::Abs(y)))));
            }
        }
        // "next year's third-quarter"
        if let Some((ye, y)) = self.rel_year(i)
            && let Some((e, kind, n)) = self.quarter_words(ye)
        {
            return Some((e, make(kind, n, Some(y))));
        }
        let (e, kind, n) = match qh(i) {
            Some(x) => x,
            None => self.quarter_words(i)?,
        };
        // Year after: "Q1 2016", "q1-2019", "the third quarter of 2016",
        // "the third quarter this year", "of two thousand and twenty".
        let mut k = e;
        if self.dash(k) || self.punct_at(k, ',') || self.is(k, "of") {
            k += 1;
        }
        if let Some((ye, y)) = self.year(k) {
            return Some((ye, make(kind, n, Some(YearRef::Abs(y)))));
        }
        let kt = self.skip_optional(k, "the");
        if let Some((ye, y)) = self.rel_year(kt) {
            return Some((ye, make(kind, n, Some(y))));
        }
        if kind == 'h' {
            return None;
        }
        Some((e, make(kind, n, None)))
    }

    /// "the third quarter", "third- quarter", "first-quarter", "the
    /// second half": the token after, 'q' or 'h', and which one.
    fn quarter_words(&self, i: usize) -> Option<(usize, char, u32)> {
        let k = self.skip_optional(i, "the");
        let (mut e, n) = self.position(k)?;
        if self.dash(e) {
            e += 1;
        }
        let (kind, count) = if self.is(e, "quarter") {
            ('q', 4)
        } else if self.is(e, "half") {
            ('h', 2)
        } else {
            return None;
        };
        let n = if n == -1 { count } else { n };
        (1..=count).contains(&n).then_some((e + 1, kind, n as u32))
    }

    /// Seasons: "summer", "this summer", "next spring", "summer 2016", "the
    /// spring of nineteen seventy eight".
    fn season(&self, i: usize) -> Hit<Period> {
        let mut k = i;
        let mut rel = None;
        if self.is_one_of(k, SEASON_LEADS) {
            rel = match self.word_at(k) {
                Some("last" | "past") => Some(-1),
                Some("this") => Some(0),
                Some("next" | "coming") => Some(1),
                _ => None,
            };
            k += 1;
        }
        let season = SeasonName::of(self.word_at(k)?)?;
        let mut e = k + 1;
        let y = self.skip_optional(e, "of");
        let mut year = None;
        if let Some((ye, written)) = self.year(y) {
            e = ye;
            year = Some(written);
        }
        // "fall" as a verb: only with a word or a year that makes it the
        // season ("this fall", "fall 2023").
        if self.is(k, "fall") && k == i && year.is_none() {
            return None;
        }
        // A capitalized season right after a capitalized word is a name's
        // last word ("Silver Spring", "Arab Spring"),
        // unless that word places the season ("In Spring 2024", "Last
        // Summer" in a title-case heading).
        if k == i
            && k > 0
            && self.toks.get(k).is_some_and(|t| t.cap)
            && self.toks.get(k - 1).is_some_and(|t| t.cap)
            && !self.is_one_of(k - 1, SEASON_LEADS)
            && !self.is_one_of(k - 1, SEASON_PLACERS)
        {
            return None;
        }
        Some((
            e,
            Period::Season {
                season,
                year,
                rel: rel.filter(|_| year.is_none()),
            },
        ))
    }

    /// Decades and centuries: "the 1970s", "the 70's", "1990 s", "the
    /// seventies", "the nineteen seventies", "the noughties", "the
    /// two thousands", "the twenty-tens", "15th century".
    fn decade(&self, i: usize) -> Hit<Period> {
        let the = self.is(i, "the");
        let k = if the { i + 1 } else { i };
        if let Some(h) = self.century(k) {
            return Some(h);
        }
        let apostrophe = self.punct_at(k, '\'') || self.punct_at(k, '\u{2019}');
        let j = if apostrophe { k + 1 } else { k };
        if let Some((v, d)) = self.digits_at(j) {
            return self.decade_in_digits(j, v, d, the);
        }
        if !(the || self.toks.get(k).is_some_and(|t| t.cap) || (k > 0 && self.is(k - 1, "in"))) {
            return None;
        }
        let (e, p) = self.decade_in_words(k)?;
        // "Tens of thousands", "in twenties of …": a count, no decade.
        if !the && self.is(e, "of") {
            return None;
        }
        Some((e, p))
    }

    /// "15th century", "21st century", "the twentieth century".
    fn century(&self, k: usize) -> Hit<Period> {
        if let Some((v, d)) = self.digits_at(k)
            && d <= 2
            && let Some(s) = self.word_at(k + 1)
            && ORDINAL_SUFFIXES.contains(&s)
            && self.is(k + 2, "century")
        {
            return Some((k + 3, Period::Century(v as i32)));
        }
        let (e, n) = self.position(k)?;
        (n > 0 && self.is(e, "century")).then_some((e + 1, Period::Century(n)))
    }

    /// A decade in digits at `j`: "1970s", "1970's", "1990 s", "70s",
    /// "'40s" (an apart "s" only after four digits, two digits or "the").
    fn decade_in_digits(&self, j: usize, v: u32, d: usize, the: bool) -> Hit<Period> {
        if d <= 2 && self.owned_age(j) {
            return None;
        }
        // "1970's" is lexed as digits, an apostrophe and "s".
        let quoted = (self.punct_at(j + 1, '\'') || self.punct_at(j + 1, '\u{2019}'))
            && self.glued(j + 1)
            && self.is(j + 2, "s")
            && self.glued(j + 2);
        if quoted {
            return Some((j + 3, decade_of(v, d)?));
        }
        let s = self.word_at(j + 1)?;
        let glued = self.glued(j + 1);
        if !(s == "s" || s == "'s") || !(glued || d == 4 || the || d == 2) {
            return None;
        }
        Some((j + 2, decade_of(v, d)?))
    }

    /// Whether the decade at `j` is someone's age: after a possessive
    /// pronoun, over "early", "mid" or "late" ("in his 60s", "in her late
    /// 30s", "their mid-20s").
    pub(crate) fn owned_age(&self, j: usize) -> bool {
        let mut i = j;
        for _ in 0..3 {
            let Some(before) = i.checked_sub(1) else {
                return false;
            };
            if self.is_one_of(before, AGE_OWNERS) {
                return true;
            }
            if !(self.is_one_of(before, &["early", "mid", "late"]) || self.punct_at(before, '-')) {
                return false;
            }
            i = before;
        }
        false
    }

    /// A decade in words at `k`: "the seventies", "the nineteen seventies",
    /// "the noughties", "the twenty-tens", "the two thousands".
    fn decade_in_words(&self, k: usize) -> Hit<Period> {
        let w = self.word_at(k)?;
        let two_thousands = Period::Decade {
            first: 2000,
            century: true,
        };
        if w == "noughties" || w == "aughts" {
            return Some((k + 1, two_thousands));
        }
        if w == "two" && self.is(k + 1, "thousands") {
            return Some((k + 2, two_thousands));
        }
        if let Some(first) = lexicon::decade_word(w) {
            return Some((
                k + 1,
                Period::Decade {
                    first,
                    century: false,
                },
            ));
        }
        let hundreds = lexicon::small_number(w)?;
        if !(10..=20).contains(&hundreds) {
            return None;
        }
        let mut j = k + 1;
        if self.dash(j) {
            j += 1;
        }
        let first = lexicon::decade_word(self.word_at(j)?)?;
        Some((
            j + 1,
            Period::Decade {
                first: (hundreds * 100) as i32 + first,
                century: true,
            },
        ))
    }

    /// "labor day weekend", "the weekend of halloween", "halloween weekend 2021".
    fn holiday_weekend(&self, i: usize) -> Hit<Period> {
        let k = self.skip_optional(i, "the");
        if self.is(k, "weekend") && self.is(k + 1, "of") {
            let (e, d) = self.holiday(k + 2)?;
            return Some((e, Period::WeekendOf(Box::new(d))));
        }
        let (e, h) = self.holiday_name(i)?;
        let (e2, year) = match self.year(e) {
            Some((ye, y)) => (ye, Some(YearRef::Abs(y))),
            None => (e, None),
        };
        if self.is(e2, "weekend") {
            let (end, year) = match (year, self.year(e2 + 1)) {
                (None, Some((ye, y))) => (ye, Some(YearRef::Abs(y))),
                (y, _) => (e2 + 1, y),
            };
            return Some((
                end,
                Period::WeekendOf(Box::new(Day::Holiday { holiday: h, year })),
            ));
        }
        None
    }
}

/// The week, month, year, decade or quarter `r` units from the reference's.
fn unit_period(unit: &str, r: i32) -> Period {
    match unit {
        "week" => Period::Week(r),
        "month" => Period::Month(MonthRef::Rel(r)),
        "decade" => Period::DecadeRel(r),
        "quarter" => Period::QuarterRel(r),
        _ => Period::Year(YearRef::Rel(r)),
    }
}

fn month(m: u32, year: Option<YearRef>) -> Period {
    Period::Month(MonthRef::Named { month: m, year })
}

fn part_of(part: Part, of: Period) -> Period {
    Period::PartOf {
        part,
        of: Box::new(of),
    }
}

fn rolling(amount: Vec<(f64, Unit)>, dir: i32) -> Period {
    if let [(count, unit)] = amount.as_slice() {
        return Period::Rolling {
            count: *count,
            unit: *unit,
            dir,
        };
    }
    // Several units ("the last 3 months and 2 weeks"): a span from today.
    Period::Span {
        from: Box::new(Day::Relative(0)),
        amount,
        sign: dir,
    }
}

/// The decade a round number in digits starts: four digits name it with
/// its century ("1970s"), two without ("70s").
fn decade_of(v: u32, digits: usize) -> Option<Period> {
    match digits {
        4 if v.is_multiple_of(10) => Some(Period::Decade {
            first: v as i32,
            century: true,
        }),
        2 if v.is_multiple_of(10) => Some(Period::Decade {
            first: v as i32,
            century: false,
        }),
        _ => None,
    }
}
