//! What a date expression means, before it is tied to a calendar: the
//! grammar builds these from the words, and [`Expr::resolve`] turns them
//! into dates against a reference day. A date written without its year
//! ("October 8", "Friday") has two readings, the next one and the last one;
//! both are kept so the caller can choose.

use chrono::{Datelike, NaiveDate};

use super::calendar::{self as cal, add_days, add_months, first_of, monday, shift, ymd};
use super::lexicon::{Holiday, Unit};

/// A year as written: absolute, relative to the reference ("next year"),
/// or two digits whose century is open ("'89").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum YearRef {
    Abs(i32),
    Rel(i32),
    TwoDigit(i32),
}

/// A month as written: a month of some year, or relative ("next month").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MonthRef {
    Named { month: u32, year: Option<YearRef> },
    Rel(i32),
}

/// How a weekday is placed relative to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekdayRel {
    /// "Friday": the next or the last one.
    Plain,
    /// "this Friday": in the reference's week.
    This,
    /// "next Friday": in the week after.
    Next,
    /// "last Friday": in the week before.
    Last,
    /// "this upcoming Friday": the first one after the reference day.
    Upcoming,
    /// "this past Friday": the last one before the reference day.
    Past,
}

/// One day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Day {
    /// A calendar date; `year_shift` is "next 5/12" (+1) or "this 5/12" (0).
    Calendar {
        year: Option<YearRef>,
        month: u32,
        day: u32,
        year_shift: Option<i32>,
    },
    /// A day of the month ("the 15th", "20th of next month", "Friday the 13th").
    OfMonth {
        day: u32,
        month: Option<MonthRef>,
        weekday: Option<u32>,
    },
    /// Days from the reference ("today" 0, "tomorrow" 1).
    Relative(i64),
    Weekday {
        weekday: u32,
        rel: WeekdayRel,
    },
    /// A weekday of a week relative to the reference's ("Friday next week").
    InWeek {
        weekday: u32,
        week: i32,
    },
    /// The n-th (negative: from the end) weekday of a month.
    NthWeekday {
        n: i32,
        weekday: u32,
        month: MonthRef,
    },
    Holiday {
        holiday: Holiday,
        year: Option<YearRef>,
    },
    /// A day moved by an amount ("three days after January 12", "two weeks
    /// ago", "two Sundays from now").
    Shift {
        base: Box<Day>,
        amount: Vec<(f64, Unit)>,
        sign: i32,
    },
    /// The n-th weekday after (or before) a day ("two Sundays from now").
    WeekdayShift {
        base: Box<Day>,
        weekday: u32,
        n: i32,
    },
    /// A period moved by an amount, landing on a day ("in two years since 2011").
    FromPeriod {
        base: Box<Period>,
        amount: Vec<(f64, Unit)>,
    },
}

/// Which part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

/// A span of days.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Period {
    Year(YearRef),
    Month(MonthRef),
    /// The week `offset` weeks from the reference's.
    Week(i32),
    /// The weekend of the week `offset` weeks from the reference's.
    Weekend(i32),
    /// "The weekend" with no word saying which: the week's own in either
    /// reading, as [`Period::Weekend`] `(0)` ("this weekend") is, but an
    /// article's clause or weekday may mean the one just gone ("over the
    /// weekend, she was asked" in a Monday article: see
    /// [`super::reference::nearest`]).
    NearWeekend,
    /// Two weeks from the Monday `offset` fortnights away.
    Fortnight(i32),
    IsoWeek {
        year: Option<YearRef>,
        week: u32,
    },
    Quarter {
        quarter: u32,
        year: Option<YearRef>,
    },
    /// The quarter `offset` quarters from the reference's.
    QuarterRel(i32),
    Half {
        half: u32,
        year: Option<YearRef>,
    },
    /// A season, with its year when the text writes one ("summer 2016",
    /// "the spring of 1978") or places it from the article's date ("last
    /// summer", `rel` -1; "this spring", 0; "next winter", 1): its months
    /// differ between hemispheres, so it has no calendar span, only
    /// TimeML's value ("2016-SU").
    Season {
        season: SeasonName,
        year: Option<i32>,
        rel: Option<i32>,
    },
    /// A decade by its first year; `century` false when written "the 70s".
    Decade {
        first: i32,
        century: bool,
    },
    DecadeRel(i32),
    /// The n-th century ("21st century").
    Century(i32),
    /// The week or month holding a day ("the week of the 18th").
    WeekOf(Box<Day>),
    MonthOf(Box<Day>),
    /// The weekend holding a day ("labor day weekend").
    WeekendOf(Box<Day>),
    /// `count` units at the start (or end) of a period ("the first 2 weeks
    /// of 2021", "the last week of July", "third week of January").
    Sub {
        from_end: bool,
        index: u32,
        count: u32,
        unit: Unit,
        of: Box<Period>,
    },
    /// `count` units just after (dir 1) or before (dir -1) the reference
    /// ("next 3 days", "past few weeks").
    Rolling {
        count: f64,
        unit: Unit,
        dir: i32,
    },
    /// From the reference to the end of the current unit ("rest of the month").
    Rest(Unit),
    /// The start, middle or end of a period.
    PartOf {
        part: Part,
        of: Box<Period>,
    },
    /// The part of a period before or after the reference ("earlier this
    /// month", "later this year").
    Around {
        later: bool,
        of: Box<Period>,
    },
    /// From the start of the current year to the reference.
    YearToDate,
    /// Between two points ("from March to May"): the start of each.
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
    },
    /// `amount` from a day ("3 days from today", "a week starting tomorrow").
    Span {
        from: Box<Day>,
        amount: Vec<(f64, Unit)>,
        sign: i32,
    },
    /// A fiscal year by its number ("FY2024", "fiscal 2023"): its months
    /// differ from one organization to another, so it has no calendar span.
    FiscalYear(i32),
    /// The period the text has just named, in another year ("the same
    /// period in 2021", "the same quarter last year"); alone, that year.
    Same(YearRef),
    /// Without a calendar meaning ("fiscal year", seasons).
    Unresolvable,
}

/// The four seasons, by TimeML's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeasonName {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl SeasonName {
    /// The season a word names ("fall" and "autumn" alike).
    pub(crate) fn of(word: &str) -> Option<SeasonName> {
        Some(match word {
            "spring" => SeasonName::Spring,
            "summer" => SeasonName::Summer,
            "fall" | "autumn" => SeasonName::Autumn,
            "winter" => SeasonName::Winter,
            _ => return None,
        })
    }

    /// The month the season opens in the northern hemisphere, whose
    /// calendar English-language news keeps (winter opens in December and
    /// goes by the year it opens in, as TimeML writes "2022-WI").
    fn first_month(self) -> u32 {
        match self {
            SeasonName::Spring => 3,
            SeasonName::Summer => 6,
            SeasonName::Autumn => 9,
            SeasonName::Winter => 12,
        }
    }

    /// The year of the season placed `rel` from the date `r`: the last
    /// one over before `r` (-1), the one holding `r` or else the one
    /// opening in `r`'s year (0), the next one to open after `r` (1). A
    /// season lasts three months from [`SeasonName::first_month`].
    pub(crate) fn year_from(self, rel: i32, r: NaiveDate) -> i32 {
        let m = self.first_month();
        // Months since year 0 of the reference and of the season opening
        // in year `y`.
        let at = r.year() * 12 + r.month0() as i32;
        let opens = |y: i32| y * 12 + m as i32 - 1;
        let holds = |y: i32| (opens(y)..opens(y) + 3).contains(&at);
        let y = r.year();
        match rel.signum() {
            -1 => (y - 2..=y)
                .rev()
                .find(|&y| opens(y) + 3 <= at)
                .unwrap_or(y - 1),
            1 => (y..=y + 1).find(|&y| opens(y) > at).unwrap_or(y + 1),
            _ => [y - 1, y].into_iter().find(|&y| holds(y)).unwrap_or(y),
        }
    }

    /// TimeML's code of the season in a value ("2016-SU").
    pub(crate) fn code(self) -> &'static str {
        match self {
            SeasonName::Spring => "SP",
            SeasonName::Summer => "SU",
            SeasonName::Autumn => "FA",
            SeasonName::Winter => "WI",
        }
    }
}

/// A length of time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Duration {
    pub amount: Vec<(f64, Unit)>,
}

impl Duration {
    /// Length in seconds.
    pub(crate) fn seconds(&self) -> f64 {
        self.amount.iter().map(|(n, u)| n * u.seconds()).sum()
    }

    /// ISO 8601 duration ("P3Y", "PT1.5H", "P1M2D").
    pub(crate) fn iso(&self) -> String {
        let mut amount = self.amount.clone();
        amount.sort_by_key(|a| std::cmp::Reverse(a.1));
        let mut date = String::new();
        let mut time = String::new();
        for (n, u) in amount {
            let (n, letter, is_time) = match u {
                Unit::Century => (n * 100.0, 'Y', false),
                Unit::Decade => (n * 10.0, 'Y', false),
                Unit::Year => (n, 'Y', false),
                Unit::Quarter => (n * 3.0, 'M', false),
                Unit::Month => (n, 'M', false),
                Unit::Fortnight => (n * 2.0, 'W', false),
                Unit::Week => (n, 'W', false),
                Unit::Day | Unit::BusinessDay => (n, 'D', false),
                Unit::Hour => (n, 'H', true),
                Unit::Minute => (n, 'M', true),
                Unit::Second => (n, 'S', true),
            };
            let part = format!("{}{letter}", trim_number(n));
            if is_time {
                time.push_str(&part);
            } else {
                date.push_str(&part);
            }
        }
        if time.is_empty() {
            format!("P{date}")
        } else {
            format!("P{date}T{time}")
        }
    }
}

fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A modifier on an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    Before,
    After,
    Since,
    Until,
    Approx,
    /// "since late July": an open range from a part of a period.
    SinceEnd,
    SinceStart,
    BeforeStart,
    BeforeEnd,
    AfterEnd,
    AfterStart,
    /// Durations: "more than an hour", "less than a week".
    More,
    Less,
}

impl Mod {
    /// The name the Recognizers-Text specs use.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Mod::Before => "before",
            Mod::After => "after",
            Mod::Since => "since",
            Mod::Until => "until",
            Mod::Approx => "approx",
            Mod::SinceEnd => "since-end",
            Mod::SinceStart => "since-start",
            Mod::BeforeStart => "before-start",
            Mod::BeforeEnd => "before-end",
            Mod::AfterEnd => "after-end",
            Mod::AfterStart => "after-start",
            Mod::More => "more",
            Mod::Less => "less",
        }
    }
}

/// A date expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Day(Day),
    Period(Period),
    Duration(Duration),
}

/// A date expression and its modifier.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Expr {
    pub node: Node,
    pub modifier: Option<Mod>,
    /// Told from a time the text has just named rather than from the
    /// article's date: "a year later", "the month before", "the same
    /// period in 2021" (see [`super::anaphora`]).
    pub anaphoric: bool,
    /// Its clause speaks of the future ("officials will meet on
    /// Tuesday"): an open date is the coming one (see
    /// [`super::reference::nearest`]).
    pub ahead: bool,
    /// A weekday, a period "through" a time, or a month alone after "in",
    /// whose clause tells of the past ("were ordered to leave on
    /// Saturday", "rose in the 12 months through August", "opened an
    /// inquiry in January"): the one gone by (see
    /// [`super::reference::nearest`]).
    pub behind: bool,
}

impl Expr {
    pub(crate) fn new(node: Node, modifier: Option<Mod>) -> Self {
        Expr {
            node,
            modifier,
            anaphoric: false,
            ahead: false,
            behind: false,
        }
    }

    pub(crate) fn day(d: Day) -> Self {
        Expr::new(Node::Day(d), None)
    }

    pub(crate) fn period(p: Period) -> Self {
        Expr::new(Node::Period(p), None)
    }
}

/// What an expression comes to on a calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Day(NaiveDate),
    /// `[start, end)`, either side open for "before"/"since".
    Range {
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    Seconds(f64),
    /// Written as a date but no calendar date matches ("30 February").
    Invalid,
    /// Has no calendar meaning (a season, a fiscal year).
    Unresolved,
}

/// Which of the two readings of an open date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Future,
    Past,
}

/// The kind of value an expression gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Date,
    DateRange,
    Duration,
}

impl Expr {
    /// Date, date range or duration.
    pub(crate) fn kind(&self) -> Kind {
        match (&self.node, self.modifier) {
            (Node::Duration(_), _) => Kind::Duration,
            (Node::Period(_), _) => Kind::DateRange,
            (
                Node::Day(_),
                Some(Mod::Before | Mod::After | Mod::Since | Mod::Until | Mod::SinceStart),
            ) => Kind::DateRange,
            (Node::Day(_), _) => Kind::Date,
        }
    }

    /// The modifier's name, including the part a period names ("early
    /// May" is the start of May).
    pub(crate) fn modifier_name(&self) -> Option<&'static str> {
        if let Some(m) = self.modifier {
            return Some(m.name());
        }
        match &self.node {
            Node::Period(Period::PartOf { part, .. }) => Some(match part {
                Part::Early => "start",
                Part::Mid => "mid",
                Part::Late => "end",
            }),
            _ => None,
        }
    }

    /// The expression's value against `reference`, in one reading.
    pub(crate) fn resolve(&self, reference: NaiveDate, reading: Reading) -> Value {
        let base = match &self.node {
            Node::Duration(d) => return Value::Seconds(d.seconds()),
            Node::Day(d) => match d.resolve(reference, reading) {
                Some(day) => Value::Day(day),
                None => Value::Invalid,
            },
            Node::Period(p) => p.resolve(reference, reading),
        };
        let Some(m) = self.modifier else {
            return base;
        };
        let (start, end) = match base {
            Value::Day(d) => (Some(d), add_days(d, 1)),
            Value::Range { start, end } => (start, end),
            other => return other,
        };
        let is_day = matches!(self.node, Node::Day(_));
        match m {
            Mod::Before | Mod::BeforeStart => Value::Range {
                start: None,
                end: start,
            },
            Mod::BeforeEnd => Value::Range { start: None, end },
            Mod::Since | Mod::SinceStart | Mod::SinceEnd | Mod::AfterStart => {
                Value::Range { start, end: None }
            }
            Mod::After | Mod::AfterEnd => Value::Range {
                start: if is_day { start } else { end },
                end: None,
            },
            Mod::Until => Value::Range {
                start: None,
                end: if is_day { start } else { end },
            },
            _ => base,
        }
    }
}

impl YearRef {
    /// The year, against the reference's; a two-digit year in one reading
    /// (future: 20yy, past: 19yy) when its century is open.
    pub(crate) fn year(self, reference: NaiveDate, reading: Reading) -> i32 {
        match self {
            YearRef::Abs(y) => y,
            YearRef::Rel(k) => reference.year() + k,
            YearRef::TwoDigit(yy) => two_digit_year(yy, reading),
        }
    }
}

/// The century of a two-digit year: below 30 is 20yy, 40 and above 19yy,
/// in between open (future 20yy, past 19yy).
fn two_digit_year(yy: i32, reading: Reading) -> i32 {
    match yy {
        0..=29 => 2000 + yy,
        30..=39 => match reading {
            Reading::Future => 2000 + yy,
            Reading::Past => 1900 + yy,
        },
        _ => 1900 + yy,
    }
}

/// The month's first day, year taken from the reading when the month has none.
fn month_start(m: &MonthRef, r: NaiveDate, reading: Reading) -> Option<NaiveDate> {
    match *m {
        MonthRef::Rel(k) => add_months(cal::month_start(r), i64::from(k)),
        MonthRef::Named {
            month,
            year: Some(y),
        } => first_of(y.year(r, reading), month),
        MonthRef::Named { month, year: None } => {
            let y = match reading {
                Reading::Future if month < r.month() => r.year() + 1,
                Reading::Past if month >= r.month() => r.year() - 1,
                _ => r.year(),
            };
            first_of(y, month)
        }
    }
}

/// A month-and-day without a year: this year's if it is on the reading's
/// side of the reference, else the next (or last) one that exists.
fn open_year(month: u32, day: u32, r: NaiveDate, reading: Reading) -> Option<NaiveDate> {
    first_on_side(r, reading, 9, |y| ymd(y, month, day))
}

/// The first of a yearly date (`f` of a year), from the reference's year
/// on, that lies on the reading's side of the reference.
fn first_on_side(
    r: NaiveDate,
    reading: Reading,
    years: i32,
    f: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let step = match reading {
        Reading::Future => 1,
        Reading::Past => -1,
    };
    (0..years).find_map(|k| {
        let d = f(r.year() + step * k)?;
        let ok = match reading {
            Reading::Future => d >= r,
            Reading::Past => d <= r,
        };
        ok.then_some(d)
    })
}

impl Day {
    /// The day in one reading; `None` when no such day exists.
    pub(crate) fn resolve(&self, r: NaiveDate, reading: Reading) -> Option<NaiveDate> {
        match self {
            Day::Calendar {
                year,
                month,
                day,
                year_shift,
            } => calendar_day(*year, *month, *day, *year_shift, r, reading),
            Day::OfMonth {
                day,
                month: Some(MonthRef::Named { month, year: None }),
                weekday: Some(wd),
            } => {
                on_its_weekday(*month, *day, *wd, r).or_else(|| open_year(*month, *day, r, reading))
            }
            Day::OfMonth {
                day,
                month: Some(m),
                ..
            } => {
                let first = month_start(m, r, reading)?;
                ymd(first.year(), first.month(), *day)
            }
            Day::OfMonth {
                day,
                month: None,
                weekday: Some(wd),
            } => day_of_month_on_weekday(*day, *wd, r, reading),
            Day::OfMonth {
                day,
                month: None,
                weekday: None,
            } => day_of_open_month(*day, r, reading),
            Day::Relative(n) => add_days(r, *n),
            Day::Weekday { weekday, rel } => weekday_near(*weekday, *rel, r, reading),
            Day::InWeek { weekday, week } => {
                add_days(cal::in_week(r, *weekday), 7 * i64::from(*week))
            }
            Day::NthWeekday { n, weekday, month } => {
                nth_weekday_of(*n, *weekday, month, r, reading)
            }
            Day::Holiday { holiday, year } => holiday_in(*holiday, *year, r, reading),
            Day::Shift { base, amount, sign } => shifted_day(base, amount, *sign, r),
            Day::WeekdayShift { base, weekday, n } => {
                nth_weekday_from(base.resolve(r, reading)?, *weekday, *n)
            }
            Day::FromPeriod { base, amount } => {
                let Value::Range { start: Some(s), .. } = base.resolve(r, reading) else {
                    return None;
                };
                shift_by(s, amount, 1)
            }
        }
    }
}

/// A calendar date: its own year, the reference's moved by `year_shift`
/// ("next 5/12"), or without either the nearest one on the reading's side.
fn calendar_day(
    year: Option<YearRef>,
    month: u32,
    day: u32,
    year_shift: Option<i32>,
    r: NaiveDate,
    reading: Reading,
) -> Option<NaiveDate> {
    match (year, year_shift) {
        (Some(y), _) => ymd(y.year(r, reading), month, day),
        (None, Some(k)) => ymd(r.year() + k, month, day),
        (None, None) => open_year(month, day, r, reading),
    }
}

/// Days from the reference within which a weekday places a date without
/// a year (about half a year either way).
const WEEKDAY_REACH: i64 = 200;

/// "Monday, September 4" without a year: the one within
/// [`WEEKDAY_REACH`] days of the reference that falls on the weekday;
/// none when none does (a wrong weekday, or a date far from the
/// reference, is left to the usual reading).
fn on_its_weekday(month: u32, day: u32, weekday: u32, r: NaiveDate) -> Option<NaiveDate> {
    (r.year() - 1..=r.year() + 1)
        .filter_map(|y| ymd(y, month, day))
        .filter(|d| d.weekday().number_from_monday() == weekday)
        .map(|d| ((d - r).num_days().abs(), d))
        .filter(|(far, _)| *far <= WEEKDAY_REACH)
        .min()
        .map(|(_, d)| d)
}

/// "Friday the 13th": this month's if it falls on the weekday, else the
/// nearest month on the reading's side where it does (within 28 months).
fn day_of_month_on_weekday(
    day: u32,
    weekday: u32,
    r: NaiveDate,
    reading: Reading,
) -> Option<NaiveDate> {
    let this = cal::month_start(r);
    if let Some(d) = ymd(this.year(), this.month(), day)
        && d.weekday().number_from_monday() == weekday
    {
        return Some(d);
    }
    let step: i64 = if reading == Reading::Future { 1 } else { -1 };
    (1..=28).find_map(|k| {
        let m = add_months(this, step * k)?;
        let d = ymd(m.year(), m.month(), day)?;
        (d.weekday().number_from_monday() == weekday).then_some(d)
    })
}

/// "the 15th": this month's when on the reading's side of the reference,
/// else the next (or last) month's.
fn day_of_open_month(day: u32, r: NaiveDate, reading: Reading) -> Option<NaiveDate> {
    let this = cal::month_start(r);
    let here = ymd(this.year(), this.month(), day);
    let (on_side, step) = match reading {
        Reading::Future => (here.is_some_and(|d| d >= r), 1),
        Reading::Past => (here.is_some_and(|d| d <= r), -1),
    };
    if on_side {
        return here;
    }
    let m = add_months(this, step)?;
    ymd(m.year(), m.month(), day)
}

/// A weekday placed by its qualifier ("this", "next", "this past") or, bare,
/// the nearest one on the reading's side.
fn weekday_near(
    weekday: u32,
    rel: WeekdayRel,
    r: NaiveDate,
    reading: Reading,
) -> Option<NaiveDate> {
    let this = cal::in_week(r, weekday);
    match rel {
        WeekdayRel::Plain => match reading {
            Reading::Future if this < r => add_days(this, 7),
            Reading::Past if this > r => add_days(this, -7),
            _ => Some(this),
        },
        WeekdayRel::This => Some(this),
        WeekdayRel::Next => add_days(this, 7),
        WeekdayRel::Last => add_days(this, -7),
        WeekdayRel::Upcoming if this <= r => add_days(this, 7),
        WeekdayRel::Past if this >= r => add_days(this, -7),
        WeekdayRel::Upcoming | WeekdayRel::Past => Some(this),
    }
}

/// "the second Tuesday of March": in a month without its year, the first
/// such day on the reading's side within three years.
fn nth_weekday_of(
    n: i32,
    weekday: u32,
    month: &MonthRef,
    r: NaiveDate,
    reading: Reading,
) -> Option<NaiveDate> {
    if let MonthRef::Named { month, year: None } = *month {
        return first_on_side(r, reading, 3, |y| cal::nth_weekday(y, month, weekday, n));
    }
    let first = month_start(month, r, reading)?;
    cal::nth_weekday(first.year(), first.month(), weekday, n)
}

/// A holiday in its stated year, or the nearest one on the reading's side.
fn holiday_in(
    holiday: Holiday,
    year: Option<YearRef>,
    r: NaiveDate,
    reading: Reading,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return cal::holiday(holiday, y.year(r, reading));
    }
    let this = cal::holiday(holiday, r.year())?;
    match reading {
        Reading::Future if this < r => cal::holiday(holiday, r.year() + 1),
        Reading::Past if this > r => cal::holiday(holiday, r.year() - 1),
        _ => Some(this),
    }
}

/// A day counted from another. An open base counts from its next
/// occurrence ("3 days after January 12"); with no amount the sign picks
/// the reading ("last Easter", "the following Easter").
fn shifted_day(base: &Day, amount: &[(f64, Unit)], sign: i32, r: NaiveDate) -> Option<NaiveDate> {
    let base_reading = if amount.is_empty() && sign < 0 {
        Reading::Past
    } else {
        Reading::Future
    };
    shift_by(base.resolve(r, base_reading)?, amount, sign)
}

/// `d` moved by each part of `amount`, forwards (`sign` 1) or back (-1).
fn shift_by(d: NaiveDate, amount: &[(f64, Unit)], sign: i32) -> Option<NaiveDate> {
    amount
        .iter()
        .try_fold(d, |d, (n, u)| shift(d, n * f64::from(sign), *u))
}

/// The `n`-th `weekday` after `base` (before it when `n` is negative).
fn nth_weekday_from(base: NaiveDate, weekday: u32, n: i32) -> Option<NaiveDate> {
    let step: i64 = if n >= 0 { 1 } else { -1 };
    let mut d = base;
    let mut left = n.abs();
    while left > 0 {
        d = add_days(d, step)?;
        if d.weekday().number_from_monday() == weekday {
            left -= 1;
        }
    }
    Some(d)
}

fn range(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Value {
    match (start, end) {
        (None, None) => Value::Invalid,
        (start, end) => Value::Range { start, end },
    }
}

/// `[start, end)` of a unit-long period holding `d`.
fn unit_span(d: NaiveDate, unit: Unit) -> Option<(NaiveDate, NaiveDate)> {
    let start = match unit {
        Unit::Week => monday(d),
        Unit::Month => cal::month_start(d),
        Unit::Quarter => first_of(d.year(), (d.month() - 1) / 3 * 3 + 1)?,
        Unit::Year => first_of(d.year(), 1)?,
        Unit::Decade => first_of(d.year().div_euclid(10) * 10, 1)?,
        Unit::Century => first_of(d.year().div_euclid(100) * 100, 1)?,
        _ => d,
    };
    Some((start, shift(start, 1.0, unit)?))
}

impl Period {
    /// `[start, end)` in one reading.
    pub(crate) fn resolve(&self, r: NaiveDate, reading: Reading) -> Value {
        if let Period::Range { from, to } = self
            && [from, to]
                .iter()
                .any(|e| e.resolve(r, reading) == Value::Invalid)
        {
            return Value::Invalid;
        }
        self.span(r, reading)
            .map(|(s, e)| Value::Range {
                start: Some(s),
                end: Some(e),
            })
            .unwrap_or(match self {
                Period::Season { .. } | Period::FiscalYear(_) | Period::Unresolvable => {
                    Value::Unresolved
                }
                Period::Range { from, to } => {
                    let a = bound(from, r, reading, true);
                    let b = bound(to, r, reading, true);
                    if a.is_none() && b.is_none() {
                        Value::Invalid
                    } else {
                        range(a, b)
                    }
                }
                _ => Value::Invalid,
            })
    }

    /// `[start, end)` in one reading, when it is a closed span.
    pub(crate) fn span(&self, r: NaiveDate, reading: Reading) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Period::Year(y) | Period::Same(y) => year_span(y.year(r, reading), 1),
            Period::Month(m) => months_from(month_start(m, r, reading)?, 1),
            Period::Week(k) => days_from_monday(r, 7 * i64::from(*k), 7),
            Period::Weekend(k) => days_from_monday(r, 7 * i64::from(*k) + 5, 2),
            Period::NearWeekend => days_from_monday(r, 5, 2),
            Period::Fortnight(k) => days_from_monday(r, 14 * i64::from(*k), 14),
            Period::IsoWeek { year, week } => {
                let y = year.map_or(r.year(), |y| y.year(r, reading));
                let s = cal::iso_week(y, *week)?;
                Some((s, add_days(s, 7)?))
            }
            Period::Quarter { quarter, year } => quarter_span(*quarter, *year, r, reading),
            Period::QuarterRel(k) => {
                let (s, _) = unit_span(r, Unit::Quarter)?;
                months_from(add_months(s, 3 * i64::from(*k))?, 3)
            }
            Period::Half { half, year } => {
                let y = year.map_or(r.year(), |y| y.year(r, reading));
                months_from(first_of(y, (half - 1) * 6 + 1)?, 6)
            }
            Period::Decade { first, century } => {
                let y = match (*century, reading) {
                    (true, _) => *first,
                    (false, Reading::Future) => 2000 + first,
                    (false, Reading::Past) => 1900 + first,
                };
                year_span(y, 10)
            }
            Period::DecadeRel(k) => year_span(r.year().div_euclid(10) * 10 + 10 * k, 10),
            Period::Century(n) => year_span((n - 1) * 100, 100),
            Period::WeekOf(d) => {
                let s = monday(d.resolve(r, reading)?);
                Some((s, add_days(s, 7)?))
            }
            Period::MonthOf(d) => months_from(cal::month_start(d.resolve(r, reading)?), 1),
            Period::WeekendOf(d) => weekend_holding(d.resolve(r, reading)?),
            Period::Sub {
                from_end,
                index,
                count,
                unit,
                of,
            } => sub_span(of.span(r, reading)?, *from_end, *index, *count, *unit),
            Period::Rolling { count, unit, dir } => rolling_span(*count, *unit, *dir, r),
            Period::Rest(unit) => {
                let (_, e) = unit_span(r, *unit)?;
                Some((r, add_days(e, -1)?))
            }
            Period::PartOf { part, of } => part_span(*part, of, r, reading),
            Period::Around { later, of } => around_span(*later, of, r, reading),
            Period::YearToDate => Some((first_of(r.year(), 1)?, r)),
            Period::Range { from, to } => range_bounds(from, to, r, reading),
            Period::Span { from, amount, sign } => {
                let d = from.resolve(r, reading)?;
                let e = shift_by(d, amount, *sign)?;
                Some(if *sign >= 0 { (d, e) } else { (e, d) })
            }
            Period::Season { .. } | Period::FiscalYear(_) | Period::Unresolvable => None,
        }
    }
}

/// `years` whole years from 1 January of `first`.
fn year_span(first: i32, years: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((first_of(first, 1)?, first_of(first + years, 1)?))
}

/// `months` whole months from `start`.
fn months_from(start: NaiveDate, months: i64) -> Option<(NaiveDate, NaiveDate)> {
    Some((start, add_months(start, months)?))
}

/// `len` days from `offset` days after the Monday of the reference's week
/// (a week, its weekend, a fortnight).
fn days_from_monday(r: NaiveDate, offset: i64, len: i64) -> Option<(NaiveDate, NaiveDate)> {
    let s = add_days(monday(r), offset)?;
    Some((s, add_days(s, len)?))
}

/// A quarter of its stated year or, without one, the reference's year (the
/// next year's in the future reading once the quarter has begun before the
/// reference's month; the last year's in the past reading when the
/// quarter has not begun by the reference's month: "up from the third
/// quarter" in March is last year's).
fn quarter_span(
    quarter: u32,
    year: Option<YearRef>,
    r: NaiveDate,
    reading: Reading,
) -> Option<(NaiveDate, NaiveDate)> {
    let first_month = (quarter - 1) * 3 + 1;
    let y = match year {
        Some(y) => y.year(r, reading),
        None => {
            let start = first_of(r.year(), first_month)?;
            match reading {
                Reading::Future if start < cal::month_start(r) => r.year() + 1,
                Reading::Past if start > cal::month_start(r) => r.year() - 1,
                _ => r.year(),
            }
        }
    };
    months_from(first_of(y, first_month)?, 3)
}

/// The weekend holding a day: its Saturday and Sunday, or for a Monday
/// (a holiday Monday) the three days ending with it.
fn weekend_holding(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    if d.weekday().number_from_monday() == 1 {
        return Some((add_days(d, -2)?, add_days(d, 1)?));
    }
    let s = cal::in_week(d, 6);
    Some((s, add_days(s, 2)?))
}

/// `count` units from the `index`-th at the start (or end) of the period
/// `[s, e)`; weeks are whole weeks that start within it.
fn sub_span(
    (s, e): (NaiveDate, NaiveDate),
    from_end: bool,
    index: u32,
    count: u32,
    unit: Unit,
) -> Option<(NaiveDate, NaiveDate)> {
    if unit == Unit::Week {
        let weeks = cal::weeks_of(s, e);
        let n = weeks.len();
        let first = if from_end {
            n.checked_sub((index as usize - 1) + count as usize)?
        } else {
            index as usize - 1
        };
        let start = *weeks.get(first)?;
        return Some((start, add_days(start, 7 * i64::from(count))?));
    }
    let c = f64::from(count);
    if from_end {
        Some((shift(e, -c, unit)?, e))
    } else {
        Some((s, shift(s, c, unit)?))
    }
}

/// `count` units just after (`dir` 1) or before (-1) the reference: whole
/// quarters, decades and centuries from the current one's edge, business
/// days counted over weekends, other units from the day after (or up to)
/// the reference.
fn rolling_span(count: f64, unit: Unit, dir: i32, r: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        Unit::Quarter | Unit::Decade | Unit::Century => {
            let (s, e) = unit_span(r, unit)?;
            if dir > 0 {
                Some((e, shift(e, count, unit)?))
            } else {
                Some((shift(s, -count, unit)?, s))
            }
        }
        Unit::BusinessDay => {
            let n = count as i64;
            if dir > 0 {
                let s = add_days(r, 1)?;
                Some((s, add_days(cal::add_business_days(r, n)?, 1)?))
            } else {
                Some((cal::add_business_days(r, -n)?, r))
            }
        }
        _ if dir > 0 => {
            let s = add_days(r, 1)?;
            Some((s, shift(s, count, unit)?))
        }
        _ => Some((shift(r, -count, unit)?, r)),
    }
}

/// The start, middle or end of a period: thirds of a week or a month by
/// fixed days, of a year by months (halves for a relative year), of any
/// other span by thirds.
fn part_span(
    part: Part,
    of: &Period,
    r: NaiveDate,
    reading: Reading,
) -> Option<(NaiveDate, NaiveDate)> {
    let (s, e) = of.span(r, reading)?;
    let len = (e - s).num_days();
    Some(match (len, part) {
        (7, Part::Early) => (s, add_days(s, 3)?),
        (7, Part::Mid) => (add_days(s, 1)?, add_days(s, 5)?),
        (7, Part::Late) => (add_days(s, 3)?, e),
        (28..=31, Part::Early) => (s, add_days(s, 15)?),
        (28..=31, Part::Mid) => (add_days(s, 9)?, add_days(s, 20)?),
        (28..=31, Part::Late) => (add_days(s, 15)?, e),
        (365 | 366, part) => {
            let relative = matches!(of, Period::Year(YearRef::Rel(_)));
            let (a, b) = match (part, relative) {
                (Part::Early, true) => (1, 7),
                (Part::Late, true) => (7, 13),
                (Part::Early, false) => (1, 5),
                (Part::Mid, _) => (5, 9),
                (Part::Late, false) => (9, 13),
            };
            (add_months(s, a - 1)?, add_months(s, b - 1)?)
        }
        _ => {
            let third = len / 3;
            match part {
                Part::Early => (s, add_days(s, third)?),
                Part::Mid => (add_days(s, third)?, add_days(s, 2 * third)?),
                Part::Late => (add_days(s, 2 * third)?, e),
            }
        }
    })
}

/// The part of a period after (`later`) or before the reference, cut no
/// further than its middle ("later this year", "earlier this month").
fn around_span(
    later: bool,
    of: &Period,
    r: NaiveDate,
    reading: Reading,
) -> Option<(NaiveDate, NaiveDate)> {
    let (s, e) = of.span(r, reading)?;
    let split = match (e - s).num_days() {
        7 => add_days(s, 3)?,
        28..=31 => add_days(s, 15)?,
        _ => add_months(s, 6)?,
    };
    if later {
        Some((r.max(split), e))
    } else {
        Some((s, r.min(split)))
    }
}

/// The start (or end) of one side of a range.
fn bound(e: &Expr, r: NaiveDate, reading: Reading, start: bool) -> Option<NaiveDate> {
    match e.resolve(r, reading) {
        Value::Day(d) => Some(d),
        Value::Range { start: s, end: en } => {
            if start {
                s
            } else {
                en
            }
        }
        _ => None,
    }
}

/// Both ends of "from A to B": the start of each side (the end of a side
/// that is the end of a period: "until the end of June"). A side without
/// its year is read next to the other: "from next Monday to Friday" ends
/// on the Friday after, "between Jan 22 and now" starts on the last 22
/// January. When neither side has a year, a range that runs over the
/// reference is this year's in both readings.
fn range_bounds(
    from: &Expr,
    to: &Expr,
    r: NaiveDate,
    reading: Reading,
) -> Option<(NaiveDate, NaiveDate)> {
    match (open_year_side(from), open_year_side(to)) {
        (false, false) => Some((side(from, r, reading)?, side(to, r, reading)?)),
        (false, true) => {
            let a = side(from, r, reading)?;
            Some((a, side(to, a, Reading::Future)?))
        }
        (true, false) => {
            let b = side(to, r, reading)?;
            Some((side(from, b, Reading::Past)?, b))
        }
        // "from Monday to Friday": the Friday after that Monday.
        (true, true) if is_weekday(from) => {
            let a = side(from, r, reading)?;
            Some((a, side(to, a, Reading::Future)?))
        }
        (true, true) => both_open(from, to, r, reading),
    }
}

/// A weekday alone ("Monday"), placed by the reading.
fn is_weekday(e: &Expr) -> bool {
    matches!(
        e.node,
        Node::Day(Day::Weekday {
            rel: WeekdayRel::Plain,
            ..
        })
    )
}

/// The point a side of a range stands for.
fn side(e: &Expr, r: NaiveDate, reading: Reading) -> Option<NaiveDate> {
    let late = matches!(
        e.node,
        Node::Period(Period::PartOf {
            part: Part::Late,
            ..
        })
    );
    bound(e, r, reading, !late)
}

/// "from March to May", "November 19 to 20", "from 10/25 to 01/25".
fn both_open(
    from: &Expr,
    to: &Expr,
    r: NaiveDate,
    reading: Reading,
) -> Option<(NaiveDate, NaiveDate)> {
    let a_now = bound(from, r, Reading::Past, true).and_then(|d| same_year(d, r.year()))?;
    let b_now = bound(to, r, Reading::Past, true).and_then(|d| same_year(d, r.year()))?;
    let b_now = if b_now < a_now {
        add_months(b_now, 12)?
    } else {
        b_now
    };
    let months = matches!(from.node, Node::Period(_)) && matches!(to.node, Node::Period(_));
    let (ma, rm) = (a_now.month() as i32, r.month() as i32);
    let contained = if months {
        let mb = b_now.month() as i32 + 12 * (b_now.year() - a_now.year());
        ma < rm && rm <= mb
    } else {
        a_now < r && r <= b_now
    };
    if contained {
        return Some((a_now, b_now));
    }
    let later = if months { ma >= rm } else { a_now >= r };
    let shift = match reading {
        Reading::Future if !later => 12,
        Reading::Past if later && (months || a_now > r) => -12,
        _ => 0,
    };
    Some((add_months(a_now, shift)?, add_months(b_now, shift)?))
}

fn same_year(d: NaiveDate, y: i32) -> Option<NaiveDate> {
    d.with_year(y).or_else(|| ymd(y, d.month(), 28))
}

/// A side with a month but no year ("March", "Oct 2"), or a weekday or
/// day of the month with nothing to place it.
fn open_year_side(e: &Expr) -> bool {
    e.modifier.is_none()
        && matches!(
            &e.node,
            Node::Day(Day::Weekday {
                rel: WeekdayRel::Plain,
                ..
            }) | Node::Day(Day::Calendar {
                year: None,
                year_shift: None,
                ..
            }) | Node::Period(Period::Month(MonthRef::Named { year: None, .. }))
        )
}
