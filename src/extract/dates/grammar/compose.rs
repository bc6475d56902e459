//! Expressions made of others: ranges ("from March to May", "2014-2018",
//! "4 to 22 this month"), open ranges ("since 1992", "before 2018", "2012
//! or later"), and days moved by an amount ("two weeks ago", "3 days after
//! January 12", "in 3 weeks", "within 9 months").

use super::super::expr::{Day, Expr, Mod, MonthRef, Node, Part, Period, YearRef};
use super::super::lexicon::Unit;
use super::super::lexicon::cues::{
    BEFORE_PARTICIPLES, BETWEEN_JOINERS, EARLIER_WORDS, FUTURE_WORDS, LATER_WORDS, OF_OR_IN,
    ON_OR_FROM, OR_AND, RANGE_JOINERS, SHIFT_BASE_LINKS, SINCE_LINKS, UP_TO_WORDS,
    WEEKDAY_RANGE_JOINERS,
};
use super::{Hit, Parser};

/// Words before "in" and an amount that make the amount a span looked
/// back over: records and firsts ("the highest level in 20 years", "for
/// the first time in six months", "its second bankruptcy in three years").
const RECORD_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "highest",
    "lowest",
    "worst",
    "best",
    "biggest",
    "largest",
    "smallest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "sharpest",
    "steepest",
    "deepest",
    "longest",
    "shortest",
    "hottest",
    "coldest",
    "wettest",
    "driest",
    "warmest",
    "busiest",
    "quietest",
    "most",
    "least",
];

/// How many words before "in" a record word may stand.
const RECORD_REACH: usize = 6;

/// Auxiliaries of the past that end the look back for a record word as
/// the auxiliaries of [`BEFORE_PARTICIPLES`] do ("was", "were").
const RECORD_PAST_STOPS: &[&str] = &["was", "were"];

impl<'a> Parser<'a> {
    /// One side of a range: a day, a period, "now" or "today".
    fn side(&self, i: usize) -> Hit<Expr> {
        if self.is(i, "now") {
            return Some((i + 1, Expr::day(Day::Relative(0))));
        }
        if self.is(i, "current") && self.is(i + 1, "date") {
            return Some((i + 2, Expr::day(Day::Relative(0))));
        }
        self.point(i)
    }

    /// "from A to B", "between A and B", "A - B", "A through B".
    pub(crate) fn range(&self, i: usize) -> Hit<Expr> {
        let lead = self.is_one_of(i, &["from", "between"]);
        let between = self.is(i, "between");
        let s = if lead { i + 1 } else { i };
        // Days of one month: "4 to 22 this month", "3 until 12 of Sept",
        // "2 and 7 Feb 2018", "ninth till seventeenth of April".
        if let Some(h) = self.day_number_range(s, lead, between) {
            return Some(h);
        }
        // "November 19-20", "November between 19 and 20", "april 9th
        // through 17th", "from april the ninth till the seventeenth"
        if let Some(h) = self.month_day_range(i, s, lead) {
            return Some(h);
        }
        // A week and two weekdays: "next week between Wednesday and Friday".
        if let Some(h) = self.weekday_range(s) {
            return Some(h);
        }
        let (a_end, a) = self.side(s)?;
        let k = a_end;
        let joined = if between {
            self.is(k, "and") || self.is_one_of(k, BETWEEN_JOINERS) || self.dash(k)
        } else {
            (self.is_one_of(k, RANGE_JOINERS) && !self.is(k, "and")) || self.dash(k)
        };
        if !joined {
            return None;
        }
        let (b_end, b) = self.side(k + 1)?;
        // Without "from"/"between", both sides must be alike to make a range
        // ("2014-2018", "Jan-Feb 2017", "Friday through Sunday").
        if !lead && !alike(&a, &b) {
            return None;
        }
        let (a, b) = inherit(a, b);
        Some((
            b_end,
            Expr::period(Period::Range {
                from: Box::new(a),
                to: Box::new(b),
            }),
        ))
    }

    /// "4 to 22 this month", "between 3 and 12 of Sept", "4-23 in next month".
    fn day_number_range(&self, s: usize, lead: bool, between: bool) -> Hit<Expr> {
        let the_a = self.is(s, "the");
        let (k, (a, _)) = self.day_num(if the_a { s + 1 } else { s }, lead)?;
        let joined = self.dash(k)
            || (if between {
                self.is(k, "and")
            } else {
                self.is_one_of(k, RANGE_JOINERS) && !self.is(k, "and")
            });
        if !joined {
            return None;
        }
        let mut j = k + 1;
        j = self.skip_optional(j, "the");
        if lead
            && let Some((me, mo)) = self.month(j, true)
            && let Some((de, (b, _))) = self.day_num(me, false)
            && b > a
        {
            let (end, year) = self.maybe_year(de);
            return Some((end, day_range(a, b, MonthRef::Named { month: mo, year })));
        }
        let (e, (b, _)) = self.day_num(j, lead)?;
        if b < a {
            return None;
        }
        // The month: "this month", "in next month", "of Sept", "January, 2017".
        let mut m = e;
        if self.is_one_of(m, OF_OR_IN) {
            m += 1;
        }
        let mt = self.skip_optional(m, "the");
        let (end, month) = if let Some(r) =
            self.word_at(mt).and_then(super::super::lexicon::relative)
            && self.is(mt + 1, "month")
        {
            (mt + 2, MonthRef::Rel(r))
        } else if let Some((me, mo)) = self.month(m, true) {
            let mut y = me;
            if self.punct_at(y, ',') {
                y += 1;
            }
            match self.year_after(y) {
                Some((ye, yr)) => (
                    ye,
                    MonthRef::Named {
                        month: mo,
                        year: Some(yr),
                    },
                ),
                None => (
                    me,
                    MonthRef::Named {
                        month: mo,
                        year: None,
                    },
                ),
            }
        } else {
            return None;
        };
        if !lead && self.digits_at(s).is_none() {
            return None;
        }
        Some((end, day_range(a, b, month)))
    }

    /// "November 19-20", "November between 19 and 20", "April 9th through
    /// 17th", "Feb between 2-7 2018", "from April the ninth till the seventeenth".
    fn month_day_range(&self, i: usize, s: usize, lead: bool) -> Hit<Expr> {
        let start = if lead { s } else { i };
        let (me, mo) = self.month(start, true)?;
        let mut k = me;
        let between = self.is(k, "between");
        if between {
            k += 1;
        }
        let k = self.skip_optional(k, "the");
        let (e, (a, _)) = self.day_num(k, true)?;
        let joined = self.dash(e)
            || if between {
                self.is(e, "and")
            } else {
                self.is_one_of(e, RANGE_JOINERS) && !self.is(e, "and")
            };
        if !joined {
            return None;
        }
        let j = self.skip_optional(e + 1, "the");
        let (e2, (b, _)) = self.day_num(j, true)?;
        if b <= a || self.month(e2, true).is_some() {
            return None;
        }
        let (end, year) = self.maybe_year(e2);
        Some((end, day_range(a, b, MonthRef::Named { month: mo, year })))
    }

    /// "next week between Wednesday and Friday", "this week from Tue to Thur".
    fn weekday_range(&self, s: usize) -> Hit<Expr> {
        let r = self.word_at(s).and_then(super::super::lexicon::relative)?;
        if !self.is(s + 1, "week") {
            return None;
        }
        let k = s + 2;
        let between = self.is(k, "between");
        if !between && !self.is(k, "from") {
            return None;
        }
        let (e, a) = self.weekday(k + 1, true)?;
        if !(self.is(e, if between { "and" } else { "to" })
            || self.dash(e)
            || self.is_one_of(e, WEEKDAY_RANGE_JOINERS))
        {
            return None;
        }
        let (end, b) = self.weekday(e + 1, true)?;
        Some((
            end,
            Expr::period(Period::Range {
                from: Box::new(Expr::day(Day::InWeek {
                    weekday: a,
                    week: r,
                })),
                to: Box::new(Expr::day(Day::InWeek {
                    weekday: b,
                    week: r,
                })),
            }),
        ))
    }

    /// Open ranges and qualified dates: "since 1992", "before 2018", "after
    /// Feb", "until/through 2030", "as early as next year", "starting on
    /// January 7th", "around the 21st this month", "> = 2019".
    pub(crate) fn modified(&self, i: usize) -> Hit<Expr> {
        // "to date", "till date": up to now ("the largest to date").
        if self.is_one_of(i, UP_TO_WORDS)
            && self.is(i + 1, "date")
            && self.clause_end(i + 2)
            && !(i > 0 && self.is(i - 1, "up"))
        {
            let mut x = Expr::day(Day::Relative(0));
            x.modifier = Some(Mod::Before);
            return Some((i + 2, x));
        }
        let (k, m) = self.prefix_mod(i)?;
        // "until the end of 2026": the article before a part of a period.
        let (e, mut x) = match self.point(k) {
            Some(h) => h,
            None if self.is(k, "the") => self.point(k + 1)?,
            None => return None,
        };
        if m == Mod::Approx && !matches!(x.node, Node::Day(_)) {
            return None;
        }
        // "before early September", "since late July"
        let part = match &x.node {
            Node::Period(Period::PartOf { part, .. }) => Some(*part),
            _ => None,
        };
        x.modifier = Some(match (m, part) {
            (Mod::Before, Some(Part::Early)) => Mod::BeforeStart,
            (Mod::Before, Some(Part::Late)) => Mod::BeforeEnd,
            (Mod::Since, Some(Part::Late)) => Mod::SinceEnd,
            (Mod::Since, Some(Part::Early)) => Mod::SinceStart,
            (Mod::After, Some(Part::Late)) => Mod::AfterEnd,
            (Mod::After, Some(Part::Early)) => Mod::AfterStart,
            (m, _) => m,
        });
        Some((e, x))
    }

    /// A word or sign that opens a range at a date.
    fn prefix_mod(&self, i: usize) -> Hit<Mod> {
        let w = self.toks.get(i)?;
        if w.punct('>') || w.punct('<') {
            let after = w.punct('>');
            let eq = self.punct_at(i + 1, '=');
            let k = if eq { i + 2 } else { i + 1 };
            return Some((
                k,
                match (after, eq) {
                    (true, true) => Mod::Since,
                    (true, false) => Mod::After,
                    (false, true) => Mod::Until,
                    (false, false) => Mod::Before,
                },
            ));
        }
        let word = w.word()?;
        let two = |a: &str| self.is(i + 1, a);
        Some(match word {
            "since" => (i + 1, Mod::Since),
            "before" | "prior" if word == "before" || two("to") => {
                (if word == "prior" { i + 2 } else { i + 1 }, Mod::Before)
            }
            "after" => (i + 1, Mod::After),
            "until" | "till" | "through" | "thru" => (i + 1, Mod::Until),
            "later" if two("than") => (i + 2, Mod::After),
            "earlier" if two("than") => (i + 2, Mod::Before),
            "as" if self.is(i + 1, "early") && self.is(i + 2, "as") => (i + 3, Mod::Since),
            "as" if self.is(i + 1, "late") && self.is(i + 2, "as") => (i + 3, Mod::Until),
            "no" if self.is(i + 1, "later") && self.is(i + 2, "than") => (i + 3, Mod::Until),
            "starting" | "beginning" | "commencing" => {
                let k = if self.is_one_of(i + 1, SINCE_LINKS) {
                    i + 2
                } else {
                    i + 1
                };
                (k, Mod::Since)
            }
            "around" | "circa" | "approximately" => (i + 1, Mod::Approx),
            _ => return None,
        })
    }

    /// "2012 or later", "1/1/2016 and after".
    pub(crate) fn suffix_mods(&self, e: usize, mut x: Expr) -> (usize, Expr) {
        if x.modifier.is_some()
            || matches!(
                x.node,
                Node::Duration(_) | Node::Period(Period::Range { .. })
            )
        {
            return (e, x);
        }
        if self.is_one_of(e, OR_AND) && self.is_one_of(e + 1, LATER_WORDS) {
            x.modifier = Some(Mod::Since);
            return (e + 2, x);
        }
        if self.is_one_of(e, OR_AND) && self.is_one_of(e + 1, EARLIER_WORDS) {
            x.modifier = Some(Mod::Until);
            return (e + 2, x);
        }
        (e, x)
    }

    /// Days moved by an amount: "two weeks ago", "3 weeks later", "in 3
    /// weeks", "two days from now", "3 days after January 12", "2 weeks
    /// before May 13 1999", "within 9 months", "for 3 days from today",
    /// "a week starting tomorrow", "two Sundays from now".
    pub(crate) fn shifted(&self, i: usize) -> Hit<Expr> {
        // Qualifier: "more than 2 weeks after today", "less than 2 weeks from today".
        let (k, qual) = if self.is(i, "more") && self.is(i + 1, "than") {
            (i + 2, Some(true))
        } else if self.is(i, "less") && self.is(i + 1, "than") {
            (i + 2, Some(false))
        } else {
            (i, None)
        };
        if qual.is_none() && self.is_one_of(k, &["in", "within"]) {
            return self.in_amount(k);
        }
        if qual.is_none() && self.is(k, "for") {
            return self.for_amount_from(k);
        }
        if let Some(h) = self.weekdays_from_now(k) {
            return Some(h);
        }
        self.amount_from_day(k, qual)
    }

    /// "in 3 weeks", "within 9 months", "within next 10 months", "in two
    /// years since 2011", "in a fortnight" (`k` is at "in" or "within").
    fn in_amount(&self, k: usize) -> Hit<Expr> {
        let within = self.is(k, "within");
        let a0 = if within {
            self.skip_optional(k + 1, "next")
        } else {
            k + 1
        };
        let (e, amount) = self.amount(a0)?;
        if amount.iter().any(|(_, u)| !u.is_calendar()) {
            return None;
        }
        // "the highest level in 20 years", "their first talks in three
        // years": the span looked back over, no date ahead.
        if !within && self.after_a_record(k) {
            return None;
        }
        // "in four years of college", "in two weeks of fighting": the
        // length of what follows, no date ahead.
        if self.is(e, "of") {
            return None;
        }
        // "few achievements in a quarter-century in Congress", "two wins
        // in three years at Arsenal": a stay somewhere, no date ahead.
        if self.is_one_of(e, &["in", "at"]) && self.toks.get(e + 1).is_some_and(|t| t.cap) {
            return None;
        }
        // "in a year when voters …", "in a week that saw …", "in a year
        // in which …": a year the clause after it tells of, no date ahead.
        if self.is_one_of(a0, &["a", "an"])
            && (self.is_one_of(e, &["when", "that", "where"])
                || self.is_one_of(e, &["in", "during"]) && self.is(e + 1, "which"))
        {
            return None;
        }
        // "in two days from today" is read from "two".
        if !within && self.is_one_of(e, SHIFT_BASE_LINKS) && self.day(e + 1).is_some() {
            return None;
        }
        if self.is(e, "since") {
            let (pe, p) = self.period(e + 1)?;
            return Some((
                pe,
                Expr::day(Day::FromPeriod {
                    base: Box::new(p),
                    amount,
                }),
            ));
        }
        if within {
            // "within 2 weeks from today"
            if self.is(e, "from")
                && let Some((de, d)) = self.day(e + 1)
            {
                return Some((de, span(d, amount, 1)));
            }
            return Some((e, span(Day::Relative(0), amount, 1)));
        }
        // "in 3 days on Friday" stays "in 3 days".
        Some((e, Expr::day(shift(Day::Relative(0), amount, 1))))
    }

    /// Whether "in" at token `k` follows a record or a first within a few
    /// words of its clause ("the highest level in", "the worst day in",
    /// "for the first time in"), with no future word, modal or "to"
    /// between ("the first phase will be completed in three years" looks
    /// ahead).
    fn after_a_record(&self, k: usize) -> bool {
        for back in 1..=RECORD_REACH {
            let Some(i) = k.checked_sub(back) else {
                return false;
            };
            if self.is_one_of(i, RECORD_WORDS) {
                return true;
            }
            let t = &self.toks[i];
            if t.num.is_some()
                || t.low.is_empty()
                || self.is_one_of(i, BEFORE_PARTICIPLES)
                || self.is_one_of(i, FUTURE_WORDS)
                || self.is_one_of(i, RECORD_PAST_STOPS)
            {
                return false;
            }
            if t.low.chars().all(|c| !c.is_alphanumeric()) {
                return false;
            }
        }
        false
    }

    /// "for 3 days, from today", "for 1 week, from 20th dec" (`k` is at
    /// "for").
    fn for_amount_from(&self, k: usize) -> Hit<Expr> {
        let (e, amount) = self.amount(k + 1)?;
        let j = if self.punct_at(e, ',') { e + 1 } else { e };
        if !self.is(j, "from") {
            return None;
        }
        let (de, d) = self.day(j + 1)?;
        Some((
            de,
            span(
                Day::Shift {
                    base: Box::new(d),
                    amount: Vec::new(),
                    sign: 1,
                },
                amount,
                1,
            ),
        ))
    }

    /// "two Sundays from now", "two monday later".
    fn weekdays_from_now(&self, k: usize) -> Hit<Expr> {
        let (c, n) = self.count(k)?;
        let (we, weekday) = self.weekday(c, true)?;
        (n >= 1.0).then_some(())?;
        let end = if self.is(we, "from") && self.is(we + 1, "now") {
            we + 2
        } else if self.is(we, "later") {
            we + 1
        } else {
            return None;
        };
        Some((
            end,
            Expr::day(Day::WeekdayShift {
                base: Box::new(Day::Relative(0)),
                weekday,
                n: n as i32,
            }),
        ))
    }

    /// An amount from today or from a day: "two weeks ago", "3 weeks
    /// later", "2 days hence", "4 weeks in the future", "a week starting
    /// tomorrow", "3 days after January 12", "2 weeks before May 13 1999";
    /// `qual` is "more than" (true) or "less than" (false).
    fn amount_from_day(&self, k: usize, qual: Option<bool>) -> Hit<Expr> {
        let (e, amount) = self.amount(k)?;
        if amount.iter().any(|(_, u)| !u.is_calendar()) {
            return None;
        }
        if let Some((end, sign)) = self.counted_from_today(e) {
            if qual.is_some() {
                return None;
            }
            return Some((end, Expr::day(shift(Day::Relative(0), amount, sign))));
        }
        // "starting (from)? next Monday", "starting tomorrow"
        if self.is(e, "starting") || self.is(e, "beginning") {
            let j = if self.is_one_of(e + 1, ON_OR_FROM) {
                e + 2
            } else {
                e + 1
            };
            let (de, d) = self.day(j)?;
            let d = Day::Shift {
                base: Box::new(d),
                amount: Vec::new(),
                sign: -1,
            };
            return Some((de, span(d, amount, 1)));
        }
        let sign = match self.word_at(e)? {
            "after" | "from" => 1,
            "before" => -1,
            _ => return None,
        };
        let (de, base) = self.day(e + 1)?;
        match qual {
            None => Some((de, Expr::day(shift(base, amount, sign)))),
            // "more than 2 weeks after today": from that day on.
            Some(true) => {
                let mut x = Expr::day(shift(base, amount, sign));
                x.modifier = Some(if sign > 0 { Mod::After } else { Mod::Before });
                Some((de, x))
            }
            // "less than 2 weeks from today": the span up to it.
            Some(false) => Some((de, span(base, amount, sign))),
        }
    }

    /// The words after an amount that count it from today ("ago", "later",
    /// "from now", "in the future"): the token after them and the
    /// direction.
    fn counted_from_today(&self, e: usize) -> Option<(usize, i32)> {
        match self.word_at(e) {
            Some("ago" | "earlier" | "before") if self.clause_end(e + 1) || self.is(e, "ago") => {
                Some((e + 1, -1))
            }
            Some("later" | "hence" | "after")
                if self.clause_end(e + 1) || self.word_at(e) != Some("after") =>
            {
                Some((e + 1, 1))
            }
            Some("from") if self.is(e + 1, "now") => Some((e + 2, 1)),
            Some("in") if self.is(e + 1, "the") && self.is(e + 2, "future") => Some((e + 3, 1)),
            _ => None,
        }
    }
}

fn shift(base: Day, amount: Vec<(f64, Unit)>, sign: i32) -> Day {
    Day::Shift {
        base: Box::new(base),
        amount,
        sign,
    }
}

fn span(from: Day, amount: Vec<(f64, Unit)>, sign: i32) -> Expr {
    Expr::period(Period::Span {
        from: Box::new(from),
        amount,
        sign,
    })
}

fn day_range(a: u32, b: u32, month: MonthRef) -> Expr {
    let side = |d: u32| match month {
        MonthRef::Named { month, year } => Expr::day(super::days::calendar(year, month, d)),
        m => Expr::day(Day::OfMonth {
            day: d,
            month: Some(m),
            weekday: None,
        }),
    };
    Expr::period(Period::Range {
        from: Box::new(side(a)),
        to: Box::new(side(b)),
    })
}

/// Two sides of the same sort (years, months, days, weekdays, quarters).
fn alike(a: &Expr, b: &Expr) -> bool {
    use std::mem::discriminant;
    match (&a.node, &b.node) {
        (Node::Day(x), Node::Day(y)) => {
            discriminant(x) == discriminant(y)
                || matches!(
                    (x, y),
                    (Day::Calendar { .. }, _) | (_, Day::Calendar { .. })
                )
        }
        (Node::Period(x), Node::Period(y)) => discriminant(x) == discriminant(y),
        (Node::Period(Period::Year(_) | Period::Month(_)), Node::Day(Day::Calendar { .. })) => true,
        (Node::Day(Day::Calendar { .. }), Node::Period(Period::Month(_) | Period::Year(_))) => true,
        _ => false,
    }
}

/// The left side takes the year (and month) the right side states when it
/// states none: "Jan-Feb 2017", "from May to Oct 2020", "Nov 18-Dec 19, 2015".
fn inherit(a: Expr, b: Expr) -> (Expr, Expr) {
    let year_of = |e: &Expr| match &e.node {
        Node::Day(Day::Calendar {
            year: Some(y),
            month,
            ..
        }) => Some((*y, *month)),
        Node::Period(Period::Month(MonthRef::Named {
            year: Some(y),
            month,
        })) => Some((*y, *month)),
        _ => None,
    };
    let Some((YearRef::Abs(y), bm)) = year_of(&b) else {
        return (a, b);
    };
    let node = match a.node {
        Node::Day(Day::Calendar {
            year: None,
            year_shift: None,
            month,
            day,
        }) => {
            let y = if month > bm { y - 1 } else { y };
            Node::Day(Day::Calendar {
                year: Some(YearRef::Abs(y)),
                month,
                day,
                year_shift: None,
            })
        }
        Node::Period(Period::Month(MonthRef::Named { year: None, month })) => {
            let y = if month > bm { y - 1 } else { y };
            Node::Period(Period::Month(MonthRef::Named {
                year: Some(YearRef::Abs(y)),
                month,
            }))
        }
        n => n,
    };
    (Expr { node, ..a }, b)
}
