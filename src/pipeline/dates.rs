//! The record's dates: each expression the extractor found, resolved
//! against the article's reference date to the reading an analyst would
//! take, with ISO values and a granularity.

use chrono::{Datelike, NaiveDate};

use crate::document::Document;
use crate::document::offsets::CharOffsets;
use crate::extract::dates::expr::Period;
use crate::extract::dates::{DateMention, Node, Reading, Value, reference};
use crate::record::{Date, Granularity};

/// Two references far apart: an expression that resolves the same against
/// both does not depend on one ("30 June 2022", "the 1990s").
const PROBES: [(i32, u32, u32); 2] = [(1990, 3, 15), (2040, 9, 15)];

/// The record's dates, sorted by offset. Without a reference date, only
/// expressions that name their dates in full get values.
pub fn dates(
    doc: &Document,
    mentions: &[DateMention],
    offsets: &CharOffsets,
    reference: Option<NaiveDate>,
) -> Vec<Date> {
    let mut out: Vec<Date> = mentions
        .iter()
        .map(|m| {
            let [start, end] = offsets.span(&m.range);
            let sentence = doc
                .sentences
                .partition_point(|s| s.start <= m.range.start)
                .saturating_sub(1);
            let value = match reference {
                Some(r) => Some(reference::nearest(&m.expr, r)),
                None => absolute(m),
            };
            let granularity = granularity(m);
            let mut d = Date {
                text: doc
                    .body
                    .get(m.range.clone())
                    .unwrap_or_default()
                    .to_string(),
                start,
                end,
                sentence,
                value: None,
                start_date: None,
                end_date: None,
                granularity,
                duration: None,
                modifier: m.expr.modifier_name().map(str::to_string),
            };
            if let Node::Duration(dur) = &m.expr.node {
                d.duration = Some(dur.iso());
                return d;
            }
            match value {
                Some(Value::Day(day)) if granularity == Granularity::Day => {
                    d.value = Some(day.format("%Y-%m-%d").to_string());
                }
                Some(Value::Day(day)) => {
                    d.start_date = Some(iso(day));
                    d.end_date = Some(iso(day));
                }
                Some(Value::Range { start, end }) => {
                    d.start_date = start.map(iso);
                    // Spans are half-open inside; the record's end is the last day.
                    d.end_date = end.and_then(|e| e.pred_opt()).map(iso);
                    if let (Some(s), Some(_)) = (start, end) {
                        d.value = match granularity {
                            Granularity::Month => Some(format!("{:04}-{:02}", s.year(), s.month())),
                            Granularity::Year => Some(format!("{:04}", s.year())),
                            _ => None,
                        };
                    }
                }
                _ => {}
            }
            d
        })
        .collect();
    out.sort_by_key(|d| (d.start, d.end));
    out
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The value of an expression that needs no reference, if it has one.
fn absolute(m: &DateMention) -> Option<Value> {
    let [a, b] = PROBES.map(|(y, mo, d)| {
        NaiveDate::from_ymd_opt(y, mo, d).map(|r| m.expr.resolve(r, Reading::Past))
    });
    match (a, b) {
        (Some(a), Some(b)) if a == b => Some(a),
        _ => None,
    }
}

/// What a mention names, for the record.
fn granularity(m: &DateMention) -> Granularity {
    if m.expr.modifier.is_some_and(|x| {
        use crate::extract::dates::Mod;
        matches!(
            x,
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
    }) {
        return Granularity::Range;
    }
    match &m.expr.node {
        Node::Duration(_) => Granularity::Duration,
        Node::Day(_) => Granularity::Day,
        Node::Period(p) => match p {
            Period::Year(_) => Granularity::Year,
            Period::Month(_) | Period::MonthOf(_) => Granularity::Month,
            Period::Week(_)
            | Period::Weekend(_)
            | Period::Fortnight(_)
            | Period::IsoWeek { .. }
            | Period::WeekOf(_)
            | Period::WeekendOf(_) => Granularity::Week,
            Period::Quarter { .. } | Period::QuarterRel(_) => Granularity::Quarter,
            Period::Half { .. } => Granularity::Half,
            Period::Season => Granularity::Season,
            Period::Decade { .. } | Period::DecadeRel(_) => Granularity::Decade,
            Period::Century(_) => Granularity::Century,
            Period::Sub { count: 1, unit, .. } => match unit {
                crate::extract::dates::lexicon::Unit::Week => Granularity::Week,
                crate::extract::dates::lexicon::Unit::Month => Granularity::Month,
                crate::extract::dates::lexicon::Unit::Day => Granularity::Day,
                _ => Granularity::Range,
            },
            _ => Granularity::Range,
        },
    }
}
