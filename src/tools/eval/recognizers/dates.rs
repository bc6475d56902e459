//! The date extractor against the `DateTime/*` specs: the extractor specs
//! by span and kind, the parser specs by their future and past readings
//! (`FutureResolution`, `PastResolution`), and the date-time model by its
//! list of readings with their modifiers.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::{Case, Expected, Model, Prediction, spec_number};
use crate::document::offsets::CharOffsets;
use crate::extract::dates::{self, Kind, Mode, Reading, Value};

/// Both readings of one expression, its kind and modifier.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateReadings {
    pub kind: Kind,
    pub future: Value,
    pub past: Value,
    pub modifier: Option<&'static str>,
}

impl fmt::Display for DateReadings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} future {:?} past {:?} mod {:?}",
            self.kind, self.future, self.past, self.modifier
        )
    }
}

/// Date expressions of `input`, with both readings against `reference`.
fn predict(input: &str, reference: NaiveDate, mode: Mode) -> Vec<Prediction> {
    let offsets = CharOffsets::new(input);
    dates::scan(input, dates::order_of(input), mode)
        .into_iter()
        .map(|m| {
            let [s, e] = offsets.span(&m.range);
            let kind = match mode {
                Mode::Durations => Kind::Duration,
                Mode::All => m.kind(),
            };
            Prediction {
                date: Some(DateReadings {
                    kind,
                    future: m.expr.resolve(reference, Reading::Future),
                    past: m.expr.resolve(reference, Reading::Past),
                    modifier: m.expr.modifier_name(),
                }),
                ..Prediction::number(s, e, kind_name(kind), None)
            }
        })
        .collect()
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Date => "date",
        Kind::DateRange => "daterange",
        Kind::Duration => "duration",
    }
}

/// The predictions of one kind, as the extractor and parser specs score them.
fn of_kind(case: &Case, kind: Kind) -> Vec<Prediction> {
    predict(&case.input, case.reference(), mode_for(kind))
        .into_iter()
        .filter(|p| p.kind == kind_name(kind))
        .collect()
}

fn mode_for(kind: Kind) -> Mode {
    if kind == Kind::Duration {
        Mode::Durations
    } else {
        Mode::All
    }
}

/// The extractor and parser specs of one kind of expression: span and
/// kind for `DateExtractor`, `DatePeriodExtractor` and `DurationExtractor`;
/// both readings too for `DateParser`, `DatePeriodParser` and
/// `DurationParser`.
pub(crate) struct KindModel {
    kind: Kind,
    readings: bool,
}

impl KindModel {
    /// The extractor spec of `kind`: span and kind.
    pub(crate) fn extractor(kind: Kind) -> Self {
        Self {
            kind,
            readings: false,
        }
    }

    /// The parser spec of `kind`: span, kind and both readings.
    pub(crate) fn parser(kind: Kind) -> Self {
        Self {
            kind,
            readings: true,
        }
    }
}

impl Model for KindModel {
    fn predict(&self, _input: &str) -> Vec<Prediction> {
        Vec::new()
    }

    fn predict_case(&self, case: &Case) -> Vec<Prediction> {
        of_kind(case, self.kind)
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        if !self.readings {
            return expected.kind == p.kind;
        }
        let Some(d) = &p.date else {
            return false;
        };
        expected.kind == p.kind
            && same_map(
                expected.resolution.get("FutureResolution"),
                &d.future,
                d.kind,
            )
            && same_map(expected.resolution.get("PastResolution"), &d.past, d.kind)
    }
}

/// A parser resolution as its spec map.
fn parser_map(v: &Value, kind: Kind) -> Vec<(&'static str, String)> {
    match v {
        Value::Day(d) => vec![("date", d.to_string())],
        Value::Range { start, end } => start
            .map(|s| ("startDate", s.to_string()))
            .into_iter()
            .chain(end.map(|e| ("endDate", e.to_string())))
            .collect(),
        Value::Seconds(s) => vec![("duration", s.to_string())],
        Value::Invalid if kind == Kind::Date => vec![("date", "0001-01-01".to_string())],
        Value::Invalid | Value::Unresolved => Vec::new(),
    }
}

fn same_map(expected: Option<&Json>, v: &Value, kind: Kind) -> bool {
    let Some(Json::Object(want)) = expected else {
        return false;
    };
    let got = parser_map(v, kind);
    want.len() == got.len()
        && got.iter().all(|(k, g)| match want.get(*k) {
            Some(Json::String(w)) if *k == "duration" => {
                matches!((w.parse::<f64>(), g.parse::<f64>()), (Ok(a), Ok(b)) if super::same_number(a, b))
            }
            Some(Json::String(w)) => w == g,
            _ => false,
        })
}

/// The date-time model, on the cases whose results are all dates, date
/// ranges or durations.
pub(crate) struct DateTimeModel;

/// One reading as the model lists it: type, value or start/end, modifier.
type Reading3 = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn model_readings(d: &DateReadings) -> BTreeSet<Reading3> {
    let one = |v: &Value| -> Reading3 {
        let kind = kind_name(d.kind).to_string();
        let m = d.modifier.map(str::to_string);
        match v {
            Value::Day(x) => (kind, Some(x.to_string()), None, None, m),
            Value::Range { start, end } => (
                kind,
                None,
                start.map(|s| s.to_string()),
                end.map(|e| e.to_string()),
                m,
            ),
            Value::Seconds(s) => (kind, Some(s.to_string()), None, None, m),
            Value::Invalid | Value::Unresolved => {
                (kind, Some("not resolved".into()), None, None, m)
            }
        }
    };
    [one(&d.past), one(&d.future)].into_iter().collect()
}

impl Model for DateTimeModel {
    fn predict(&self, _input: &str) -> Vec<Prediction> {
        Vec::new()
    }

    fn predict_case(&self, case: &Case) -> Vec<Prediction> {
        predict(&case.input, case.reference(), Mode::All)
    }

    fn in_scope(&self, case: &Case) -> bool {
        case.results.iter().all(|r| {
            ["TypeName", "Typename"]
                .iter()
                .find_map(|k| r.get(*k).and_then(Json::as_str))
                .is_some_and(|t| {
                    matches!(
                        t,
                        "datetimeV2.date" | "datetimeV2.daterange" | "datetimeV2.duration"
                    )
                })
        })
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        let Some(d) = &p.date else {
            return false;
        };
        if expected.kind.strip_prefix("datetimeV2.") != Some(p.kind) {
            return false;
        }
        let Some(Json::Array(values)) = expected.resolution.get("values") else {
            return false;
        };
        let want: BTreeSet<Reading3> = values
            .iter()
            .map(|v| {
                let s = |k: &str| v.get(k).and_then(Json::as_str).map(str::to_string);
                let value = match (p.kind, s("value")) {
                    ("duration", Some(x)) => spec_number(v.get("value"))
                        .map(|n| n.to_string())
                        .or(Some(x)),
                    (_, x) => x,
                };
                (
                    s("type").unwrap_or_default(),
                    value,
                    s("start"),
                    s("end"),
                    s("Mod"),
                )
            })
            .collect();
        want == model_readings(d)
    }
}
