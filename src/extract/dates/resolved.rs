//! What a record says of a date expression: what it names (its
//! [`Granularity`]) and its ISO 8601 values once tied to the article's
//! reference date. The expression stays calendar-free ([`super::expr`]);
//! these methods are the one place its meaning becomes record values.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::expr::{Expr, Mod, Node, Period, Reading, Value};
use super::lexicon::Unit;
use super::reference;

/// What a date expression names.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Granularity {
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
    /// Any other span: "from 2020 to 2023", "the next 3 days", "since 1992".
    Range,
    Duration,
}

/// An expression's values as ISO 8601 text, each absent when it has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The value at its granularity: "2022-06-30", "2024-03", "2025".
    pub value: Option<String>,
    /// First day of the period or range (inclusive).
    pub start_date: Option<String>,
    /// Last day of the period or range (inclusive).
    pub end_date: Option<String>,
    /// A length of time ("P3Y", "PT1.5H").
    pub duration: Option<String>,
}

impl Resolved {
    /// The record's values of a date or period `value` of `granularity`.
    pub(crate) fn of(granularity: Granularity, value: Option<Value>) -> Resolved {
        let mut out = Resolved::default();
        match value {
            Some(Value::Day(day)) if granularity == Granularity::Day => {
                out.value = Some(iso(day));
            }
            Some(Value::Day(day)) => {
                out.start_date = Some(iso(day));
                out.end_date = Some(iso(day));
            }
            Some(Value::Range { start, end }) => {
                out.start_date = start.map(iso);
                // Spans are half-open inside; the record's end is the last day.
                out.end_date = end.and_then(|e| e.pred_opt()).map(iso);
                if let (Some(s), Some(_)) = (start, end) {
                    out.value = match granularity {
                        Granularity::Month => Some(format!("{:04}-{:02}", s.year(), s.month())),
                        Granularity::Year => Some(format!("{:04}", s.year())),
                        _ => None,
                    };
                }
            }
            _ => {}
        }
        out
    }
}

/// Two references far apart: an expression that resolves the same against
/// both does not depend on one ("30 June 2022", "the 1990s").
const PROBES: [(i32, u32, u32); 2] = [(1990, 3, 15), (2040, 9, 15)];

impl Expr {
    /// What the expression names: a bounding modifier ("before 2018",
    /// "since late July") makes any date a range.
    pub(crate) fn granularity(&self) -> Granularity {
        if self.modifier.is_some_and(Mod::bounds) {
            return Granularity::Range;
        }
        match &self.node {
            Node::Duration(_) => Granularity::Duration,
            Node::Day(_) => Granularity::Day,
            Node::Period(p) => p.granularity(),
        }
    }

    /// The expression's ISO values against the article's `reference` date
    /// (its nearest reading, see [`reference::nearest`]). Without a
    /// reference, only an expression that names its dates in full gets
    /// values.
    pub(crate) fn resolved(&self, reference: Option<NaiveDate>) -> Resolved {
        if let Node::Duration(dur) = &self.node {
            return Resolved {
                duration: Some(dur.iso()),
                ..Resolved::default()
            };
        }
        // TimeML's value of a fiscal year: "FY2024".
        if let Node::Period(Period::FiscalYear(y)) = &self.node {
            return Resolved {
                value: Some(format!("FY{y:04}")),
                ..Resolved::default()
            };
        }
        // TimeML's value of a season in a written year, or placed from the
        // article's date ("last summer"): "2016-SU" (no span: its months
        // differ between hemispheres).
        if let Node::Period(Period::Season { season, year, rel }) = &self.node
            && !self.modifier.is_some_and(Mod::bounds)
        {
            let placed = rel.zip(reference).map(|(rel, r)| season.year_from(rel, r));
            return Resolved {
                value: year.or(placed).map(|y| format!("{y:04}-{}", season.code())),
                ..Resolved::default()
            };
        }
        Resolved::of(self.granularity(), self.value(reference))
    }

    /// The expression's value against the article's `reference` date (its
    /// nearest reading), or without one, its value if it needs none.
    pub(crate) fn value(&self, reference: Option<NaiveDate>) -> Option<Value> {
        match reference {
            Some(r) => Some(reference::nearest(self, r)),
            None => self.absolute(),
        }
    }

    /// The value of an expression that needs no reference, if it has one.
    fn absolute(&self) -> Option<Value> {
        let [a, b] = PROBES.map(|(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d).map(|r| self.resolve(r, Reading::Past))
        });
        match (a, b) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
}

impl Mod {
    /// Whether the modifier opens or bounds the date into a range.
    fn bounds(self) -> bool {
        matches!(
            self,
            Mod::Before
                | Mod::After
                | Mod::Since
                | Mod::Until
                | Mod::SinceEnd
                | Mod::SinceStart
                | Mod::BeforeStart
                | Mod::BeforeEnd
                | Mod::AfterEnd
                | Mod::AfterStart
        )
    }
}

impl Period {
    /// What the period names; a single sub-unit ("the first week of
    /// 2021") names that unit.
    fn granularity(&self) -> Granularity {
        match self {
            Period::Year(_) | Period::Same(_) => Granularity::Year,
            Period::Month(_) | Period::MonthOf(_) => Granularity::Month,
            Period::Week(_)
            | Period::Weekend(_)
            | Period::NearWeekend
            | Period::Fortnight(_)
            | Period::IsoWeek { .. }
            | Period::WeekOf(_)
            | Period::WeekendOf(_) => Granularity::Week,
            Period::Quarter { .. } | Period::QuarterRel(_) => Granularity::Quarter,
            Period::Half { .. } => Granularity::Half,
            Period::Season { .. } => Granularity::Season,
            Period::FiscalYear(_) => Granularity::Year,
            Period::Decade { .. } | Period::DecadeRel(_) => Granularity::Decade,
            Period::Century(_) => Granularity::Century,
            Period::Sub { count: 1, unit, .. } => match unit {
                Unit::Week => Granularity::Week,
                Unit::Month => Granularity::Month,
                Unit::Day => Granularity::Day,
                _ => Granularity::Range,
            },
            _ => Granularity::Range,
        }
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
