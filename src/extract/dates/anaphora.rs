//! Dates told from another date of the text: "a year later", "the month
//! before", "34 years later", "the same period in 2021". A story about
//! 1989 that goes on "34 years later" means 2023 whatever day it was
//! published, so such an expression is read from the nearest date before
//! it in the text (its [`Anchor`]), and from the article's own date only
//! when the text names none.

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months, first_of, monday, shift};
use super::expr::{Day, Expr, Node, Period, Reading, Value, YearRef};
use super::lexicon::Unit;
use super::resolved::{Granularity, Resolved};

/// A date or period the text has named, which the anaphoric expressions
/// after it are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub granularity: Granularity,
    /// First day.
    pub start: NaiveDate,
    /// The day after the last.
    pub end: NaiveDate,
}

impl Anchor {
    /// The anchor an expression gives once resolved: a day or a closed
    /// span of days. Open ranges ("since 1992"), durations and seasons
    /// give none.
    pub(crate) fn of(granularity: Granularity, value: &Value) -> Option<Anchor> {
        let (start, end) = match value {
            Value::Day(d) => (*d, add_days(*d, 1)?),
            Value::Range {
                start: Some(s),
                end: Some(e),
            } => (*s, *e),
            _ => return None,
        };
        rank(granularity)?;
        Some(Anchor {
            granularity,
            start,
            end,
        })
    }
}

/// How coarse a granularity is, for the anchors that have one: a span
/// of its own ("the first five months of 2022", "from 2020 to 2023")
/// counts as the finest, so an amount from it keeps its own unit.
fn rank(g: Granularity) -> Option<u8> {
    Some(match g {
        Granularity::Range | Granularity::Day => 0,
        Granularity::Week => 1,
        Granularity::Month => 2,
        Granularity::Quarter => 3,
        Granularity::Half => 4,
        Granularity::Year => 5,
        Granularity::Decade => 6,
        Granularity::Century => 7,
        Granularity::Season | Granularity::Duration => return None,
    })
}

/// The granularity a unit of time counts in (weeks count in days: "two
/// weeks later" than a day is a day).
fn unit_granularity(u: Unit) -> Granularity {
    match u {
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year | Unit::Decade | Unit::Century => Granularity::Year,
        _ => Granularity::Day,
    }
}

/// `[start, end)` of the period of granularity `g` holding `d`.
fn period_holding(g: Granularity, d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let months = |first: u32, len: i64| {
        let s = first_of(d.year(), first)?;
        Some((s, add_months(s, len)?))
    };
    match g {
        Granularity::Day => Some((d, add_days(d, 1)?)),
        Granularity::Week => {
            let s = monday(d);
            Some((s, add_days(s, 7)?))
        }
        Granularity::Month => months(d.month(), 1),
        Granularity::Quarter => months((d.month() - 1) / 3 * 3 + 1, 3),
        Granularity::Half => months((d.month() - 1) / 6 * 6 + 1, 6),
        Granularity::Year => months(1, 12),
        // Decades and centuries: the year is as far as a date is moved.
        _ => months(1, 12),
    }
}

impl Expr {
    /// What an anaphoric expression comes to, read from `anchor`: its
    /// granularity, its record values and the value itself (which anchors
    /// what follows). An amount moves the anchor and keeps the coarser of
    /// the two granularities ("a year later" than 24 March 2023 is 2024,
    /// "34 years later" than 1989 is 2023); a relative period is counted
    /// from the anchor ("the month before" March 2020 is February 2020);
    /// "the same period in 2021" is the anchor moved to 2021.
    pub(crate) fn resolved_from(
        &self,
        anchor: &Anchor,
    ) -> Option<(Granularity, Resolved, Option<Value>)> {
        let (granularity, value) = match &self.node {
            Node::Day(Day::Shift { base, amount, sign }) if **base == Day::Relative(0) => {
                // Later than a span is after its last day, earlier before its first.
                let mut d = if *sign > 0 {
                    add_days(anchor.end, -1)?
                } else {
                    anchor.start
                };
                for (n, u) in amount {
                    d = shift(d, n * f64::from(*sign), *u)?;
                }
                let finest = amount
                    .iter()
                    .map(|(_, u)| unit_granularity(*u))
                    .min_by_key(|g| rank(*g))
                    .unwrap_or(Granularity::Day);
                let g = if rank(finest) >= rank(anchor.granularity) {
                    finest
                } else {
                    anchor.granularity
                };
                (g, span_value(period_holding(g, d)?, g))
            }
            Node::Period(Period::Same(year)) => {
                let target = match year {
                    YearRef::Abs(y) => *y,
                    other => other.year(anchor.start, Reading::Past),
                };
                let years = i64::from(target - anchor.start.year());
                let span = (
                    add_months(anchor.start, 12 * years)?,
                    add_months(anchor.end, 12 * years)?,
                );
                (anchor.granularity, span_value(span, anchor.granularity))
            }
            _ => (
                self.granularity(),
                self.resolve(anchor.start, Reading::Past),
            ),
        };
        let resolved = Resolved::of(granularity, Some(value.clone()));
        Some((granularity, resolved, Some(value)))
    }
}

/// A span as the value of its granularity: a day, else a range.
fn span_value((start, end): (NaiveDate, NaiveDate), g: Granularity) -> Value {
    if g == Granularity::Day {
        Value::Day(start)
    } else {
        Value::Range {
            start: Some(start),
            end: Some(end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::{Mode, Order, scan};

    fn anchor(g: Granularity, s: (i32, u32, u32), e: (i32, u32, u32)) -> Anchor {
        let d = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        Anchor {
            granularity: g,
            start: d(s),
            end: d(e),
        }
    }

    fn read(text: &str, a: &Anchor) -> (Granularity, Resolved) {
        let m = scan(text, Order::MonthFirst, Mode::All);
        let m = m.first().expect("a date");
        assert!(m.expr.anaphoric, "{text} refers back");
        let (g, r, _) = m.expr.resolved_from(a).expect("resolved");
        (g, r)
    }

    #[test]
    fn amounts_move_the_anchor_at_the_coarser_granularity() {
        let year_1989 = anchor(Granularity::Year, (1989, 1, 1), (1990, 1, 1));
        let (g, r) = read("34 years later it closed", &year_1989);
        assert_eq!((g, r.value.as_deref()), (Granularity::Year, Some("2023")));
        let day = anchor(Granularity::Day, (2023, 3, 24), (2023, 3, 25));
        let (g, r) = read("A year later, it rose.", &day);
        assert_eq!((g, r.value.as_deref()), (Granularity::Year, Some("2024")));
        let (g, r) = read("Two days later, it fell.", &day);
        assert_eq!(
            (g, r.value.as_deref()),
            (Granularity::Day, Some("2023-03-26"))
        );
        let (g, r) = read("Three months earlier, it fell.", &day);
        assert_eq!(
            (g, r.value.as_deref()),
            (Granularity::Month, Some("2022-12"))
        );
    }

    #[test]
    fn relative_periods_count_from_the_anchor() {
        let march = anchor(Granularity::Month, (2020, 3, 1), (2020, 4, 1));
        let (g, r) = read("The month before, it rose.", &march);
        assert_eq!(
            (g, r.value.as_deref()),
            (Granularity::Month, Some("2020-02"))
        );
        let (_, r) = read("The following year it rose.", &march);
        assert_eq!(r.value.as_deref(), Some("2021"));
        let (_, r) = read("The day after, it rose.", &march);
        assert_eq!(r.value.as_deref(), Some("2020-03-02"));
    }

    #[test]
    fn the_same_period_moves_the_anchor_to_its_year() {
        let q1 = anchor(Granularity::Quarter, (2022, 1, 1), (2022, 4, 1));
        for text in [
            "against the same period in 2021",
            "against the same quarter last year",
            "against the same period a year earlier",
        ] {
            let m = scan(text, Order::MonthFirst, Mode::All);
            let (g, r, _) = m[0].expr.resolved_from(&q1).expect("resolved");
            assert_eq!(g, Granularity::Quarter, "{text}");
            assert_eq!(
                (r.start_date.as_deref(), r.end_date.as_deref()),
                (Some("2021-01-01"), Some("2021-03-31")),
                "{text}"
            );
        }
    }

    #[test]
    fn expressions_tied_to_the_article_date_do_not_refer_back() {
        for text in [
            "two weeks ago",
            "the day after tomorrow",
            "next year",
            "last month",
            "in three years",
            "3 days after January 12",
        ] {
            let m = scan(text, Order::MonthFirst, Mode::All);
            assert!(!m.is_empty(), "{text}");
            assert!(!m[0].expr.anaphoric, "{text}");
        }
    }
}
