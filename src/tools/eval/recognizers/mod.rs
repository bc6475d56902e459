//! `wirewatch eval recognizers DIR`: the figure extractors on the English
//! test specs of Microsoft Recognizers-Text (`DIR/<Recognizer>/<File>.json`,
//! as in ../shared/data/recognizers), scored with the rule of that folder's
//! README:
//!
//! a case passes when its expected results and the predictions of the
//! file's kind pair one to one with the same span (in characters, end
//! inclusive), the same type and the same value (numbers equal within a
//! relative 1e-9; currencies by ISO code when the spec gives one, else by
//! unit name; dimensions by value, unit and subtype), and nothing else of
//! that kind is predicted.
//!
//! Each file's kind has an adapter module that runs the extractors on the
//! case's text and turns what they find into the spec's vocabulary:
//! `numbers` for `Number/*`, `units` for `NumberWithUnit/*`, `dates`
//! for `DateTime/*` (the date-time model on its cases whose results are all
//! dates, date ranges or durations; the other date-time specs are skipped).

mod dates;
mod numbers;
mod units;

use crate::document::offsets::CharOffsets;
use crate::extract::dates::Kind;
use dates::KindModel;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::Deserialize;
use serde_json::Value;

/// One case of a spec file.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Case {
    #[serde(rename = "Input")]
    pub input: String,
    #[serde(rename = "Results", default)]
    pub results: Vec<Value>,
    #[serde(rename = "NotSupported", default)]
    pub not_supported: Option<String>,
    #[serde(rename = "NotSupportedByDesign", default)]
    pub not_supported_by_design: Option<String>,
    #[serde(rename = "Context", default)]
    pub context: Option<Value>,
}

impl Case {
    /// The "now" relative dates are read against: the case's
    /// `ReferenceDateTime`, else today (as the upstream runner does).
    pub(crate) fn reference(&self) -> chrono::NaiveDate {
        self.context
            .as_ref()
            .and_then(|c| c.get("ReferenceDateTime"))
            .and_then(Value::as_str)
            .and_then(|s| s.get(..10))
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Whether the spec flags this case as failing (or out of scope) on `platform`.
    pub(crate) fn flagged(&self, platform: &str) -> bool {
        [&self.not_supported, &self.not_supported_by_design]
            .into_iter()
            .flatten()
            .flat_map(|s| s.split(','))
            .any(|p| p.trim().eq_ignore_ascii_case(platform))
    }
}

/// An expected result: span in characters (end exclusive), type, resolution.
#[derive(Debug, Clone)]
pub(crate) struct Expected {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub resolution: Value,
}

impl Expected {
    fn parse(v: &Value) -> Option<Expected> {
        let start = usize::try_from(v.get("Start")?.as_u64()?).ok()?;
        let end = if let Some(e) = v.get("End").and_then(Value::as_u64) {
            usize::try_from(e).ok()? + 1
        } else {
            start + usize::try_from(v.get("Length")?.as_u64()?).ok()?
        };
        let kind = ["TypeName", "Typename", "Type"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str))?
            .to_string();
        let resolution = v
            .get("Resolution")
            .or_else(|| v.get("Value"))
            .cloned()
            .unwrap_or(Value::Null);
        Some(Expected {
            start,
            end,
            kind,
            resolution,
        })
    }

    /// A string field of the resolution.
    pub(crate) fn field(&self, key: &str) -> Option<&str> {
        self.resolution.get(key).and_then(Value::as_str)
    }
}

/// A prediction in the spec's terms: span in characters (end exclusive),
/// type, and what its value is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prediction {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub value: Option<f64>,
    /// Unit names this prediction answers to (lower case), for unit models.
    pub units: Vec<String>,
    pub iso: Option<&'static str>,
    pub subtype: Option<&'static str>,
    /// An interval for ranges ("[20,30)").
    pub interval: Option<String>,
    /// A date's readings, for the date specs.
    pub date: Option<dates::DateReadings>,
}

impl Prediction {
    pub(crate) fn number(start: usize, end: usize, kind: &'static str, value: Option<f64>) -> Self {
        Prediction {
            start,
            end,
            kind,
            value,
            units: Vec::new(),
            iso: None,
            subtype: None,
            interval: None,
            date: None,
        }
    }
}

/// Relative equality within 1e-9, as the scoring rule says.
pub(crate) fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// A spec value as a number ("192", "1E-12", "20%"); `None` for "null".
pub(crate) fn spec_number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// What a file's adapter does.
trait Model {
    /// The predictions for one input.
    fn predict(&self, input: &str) -> Vec<Prediction>;
    /// The predictions for one case (date models also read its reference date).
    fn predict_case(&self, case: &Case) -> Vec<Prediction> {
        self.predict(&case.input)
    }
    /// Whether a case is scored by this model (the date-time model is
    /// scored on its date, date-range and duration cases).
    fn in_scope(&self, _case: &Case) -> bool {
        true
    }
    /// Whether a prediction with the expected span has its type and value.
    fn matches(&self, expected: &Expected, prediction: &Prediction) -> bool;
}

/// The character offsets (the spec's unit) of a byte range of the input.
fn chars(offsets: &CharOffsets, r: &std::ops::Range<usize>) -> (usize, usize) {
    let [s, e] = offsets.span(r);
    (s, e)
}

fn model_for(file: &str) -> Option<Box<dyn Model>> {
    match file {
        "Number/NumberModel.json" => Some(Box::new(numbers::Numbers)),
        "Number/OrdinalModel.json" => Some(Box::new(numbers::Ordinals)),
        "Number/PercentModel.json" => Some(Box::new(numbers::Percents)),
        "Number/NumberRangeModel.json" => Some(Box::new(numbers::Ranges)),
        "NumberWithUnit/CurrencyModel.json" => Some(Box::new(units::Currencies)),
        "NumberWithUnit/DimensionModel.json" => Some(Box::new(units::DIMENSIONS)),
        "NumberWithUnit/TemperatureModel.json" => Some(Box::new(units::TEMPERATURES)),
        "NumberWithUnit/AgeModel.json" => Some(Box::new(units::AGES)),
        "DateTime/DateExtractor.json" => Some(Box::new(KindModel::extractor(Kind::Date))),
        "DateTime/DatePeriodExtractor.json" => {
            Some(Box::new(KindModel::extractor(Kind::DateRange)))
        }
        "DateTime/DurationExtractor.json" => Some(Box::new(KindModel::extractor(Kind::Duration))),
        "DateTime/DateParser.json" => Some(Box::new(KindModel::parser(Kind::Date))),
        "DateTime/DatePeriodParser.json" => Some(Box::new(KindModel::parser(Kind::DateRange))),
        "DateTime/DurationParser.json" => Some(Box::new(KindModel::parser(Kind::Duration))),
        "DateTime/DateTimeModel.json" => Some(Box::new(dates::DateTimeModel)),
        _ => None,
    }
}

/// Pairs expected results and predictions one to one (same span, and the
/// model's type and value test). `lenient` allows unpaired predictions.
fn passes(
    model: &dyn Model,
    expected: &[Expected],
    predicted: &[Prediction],
    lenient: bool,
) -> bool {
    if !lenient && expected.len() != predicted.len() {
        return false;
    }
    fn assign(
        model: &dyn Model,
        expected: &[Expected],
        predicted: &[Prediction],
        taken: &mut Vec<bool>,
        k: usize,
    ) -> bool {
        let Some(e) = expected.get(k) else {
            return true;
        };
        for (i, p) in predicted.iter().enumerate() {
            if !taken[i] && p.start == e.start && p.end == e.end && model.matches(e, p) {
                taken[i] = true;
                if assign(model, expected, predicted, taken, k + 1) {
                    return true;
                }
                taken[i] = false;
            }
        }
        false
    }
    let mut taken = vec![false; predicted.len()];
    assign(model, expected, predicted, &mut taken, 0)
}

/// Passed and total cases of one subset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub passed: usize,
    pub cases: usize,
}

impl Tally {
    fn add(&mut self, pass: bool) {
        self.cases += 1;
        self.passed += usize::from(pass);
    }

    /// Pass rate in percent.
    pub(crate) fn rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.cases as f64
        }
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cell = format!("{}/{} {:5.1} %", self.passed, self.cases, self.rate());
        f.pad(&cell)
    }
}

/// A case that failed, for `--failures`.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub input: String,
    pub expected: Vec<String>,
    pub predicted: Vec<String>,
}

/// One spec file's scores.
#[derive(Debug, Clone)]
pub(crate) struct FileScore {
    pub file: String,
    pub all: Tally,
    pub not_dotnet: Tally,
    pub not_python: Tally,
    /// Not flagged for dotnet, unpaired predictions allowed.
    pub lenient: Tally,
    /// Failing cases not flagged for dotnet.
    pub failures: Vec<Failure>,
}

/// The outcome of a run.
#[derive(Debug, Clone)]
pub struct Report {
    pub(crate) dir: PathBuf,
    pub(crate) files: Vec<FileScore>,
    /// Spec files with no adapter (dates).
    pub(crate) skipped: Vec<String>,
    pub(crate) elapsed: Duration,
    pub(crate) show_failures: bool,
}

/// Options of the command.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// List the failing cases (not flagged for dotnet).
    pub failures: bool,
}

/// The spec files under `dir`, as "Recognizer/File.json", sorted.
fn spec_files(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the spec folder {}", dir.display()))?;
    for group in entries.flatten() {
        if !group.path().is_dir() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "json") {
                out.push(format!(
                    "{}/{}",
                    group.file_name().to_string_lossy(),
                    f.file_name().to_string_lossy()
                ));
            }
        }
    }
    out.sort();
    if out.is_empty() {
        anyhow::bail!("no spec files (*/*.json) in {}", dir.display());
    }
    Ok(out)
}

/// Scores every spec file in `dir` that has an adapter.
pub fn run(dir: &Path, options: &Options) -> anyhow::Result<Report> {
    let t0 = Instant::now();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for name in spec_files(dir)? {
        let Some(model) = model_for(&name) else {
            skipped.push(name);
            continue;
        };
        let path = dir.join(&name);
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let cases: Vec<Case> = serde_json::from_slice(&bytes).with_context(|| {
            format!(
                "{} is not a spec file (a JSON array of cases)",
                path.display()
            )
        })?;
        files.push(score_file(&name, model.as_ref(), &cases));
    }
    Ok(Report {
        dir: dir.to_path_buf(),
        files,
        skipped,
        elapsed: t0.elapsed(),
        show_failures: options.failures,
    })
}

fn score_file(name: &str, model: &dyn Model, cases: &[Case]) -> FileScore {
    let mut score = FileScore {
        file: name.to_string(),
        all: Tally::default(),
        not_dotnet: Tally::default(),
        not_python: Tally::default(),
        lenient: Tally::default(),
        failures: Vec::new(),
    };
    for case in cases.iter().filter(|c| model.in_scope(c)) {
        let expected: Vec<Expected> = case.results.iter().filter_map(Expected::parse).collect();
        let predicted = model.predict_case(case);
        let strict = passes(model, &expected, &predicted, false);
        score.all.add(strict);
        if !case.flagged("dotnet") {
            score.not_dotnet.add(strict);
            score
                .lenient
                .add(passes(model, &expected, &predicted, true));
            if !strict {
                score.failures.push(Failure {
                    input: case.input.clone(),
                    expected: case
                        .results
                        .iter()
                        .map(|r| {
                            format!(
                                "{} {} {}",
                                r.get("Start").unwrap_or(&Value::Null),
                                r.get("Text").unwrap_or(&Value::Null),
                                r.get("Resolution")
                                    .or_else(|| r.get("Value"))
                                    .unwrap_or(&Value::Null)
                            )
                        })
                        .collect(),
                    predicted: predicted
                        .iter()
                        .map(|p| {
                            let text: String = case
                                .input
                                .chars()
                                .skip(p.start)
                                .take(p.end - p.start)
                                .collect();
                            if let Some(d) = &p.date {
                                return format!("{} {text:?} {d}", p.start);
                            }
                            format!(
                                "{} {text:?} {:?} {:?} {:?} {:?}{}",
                                p.start,
                                p.value,
                                p.iso,
                                p.units.first(),
                                p.subtype,
                                p.interval
                                    .as_deref()
                                    .map(|i| format!(" {i}"))
                                    .unwrap_or_default()
                            )
                        })
                        .collect(),
                });
            }
        }
        if !case.flagged("python") {
            score.not_python.add(strict);
        }
    }
    score
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Recognizers-Text English specs in {} (a case passes when every expected result is found \
             with its span, type and value, and nothing else of its kind)",
            self.dir.display()
        )?;
        writeln!(
            f,
            "{:<38} {:>18} {:>18} {:>18} {:>18}",
            "file", "all cases", "not dotnet", "not python", "lenient, not dotnet"
        )?;
        for s in &self.files {
            writeln!(
                f,
                "{:<38} {:>18} {:>18} {:>18} {:>18}",
                s.file,
                s.all.to_string(),
                s.not_dotnet.to_string(),
                s.not_python.to_string(),
                s.lenient.to_string()
            )?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "skipped (no adapter yet): {}", self.skipped.join(", "))?;
        }
        writeln!(f, "time: {:.2} s", self.elapsed.as_secs_f64())?;
        if self.show_failures {
            for s in &self.files {
                for fail in &s.failures {
                    writeln!(f, "\nFAIL {}: {:?}", s.file, fail.input)?;
                    for e in &fail.expected {
                        writeln!(f, "  expected  {e}")?;
                    }
                    for p in &fail.predicted {
                        writeln!(f, "  predicted {p}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_split_trimmed_and_case_blind() {
        let c = Case {
            input: String::new(),
            results: Vec::new(),
            not_supported: Some("javascript, Java".into()),
            not_supported_by_design: Some("python,dotnet".into()),
            context: None,
        };
        assert!(c.flagged("java") && c.flagged("dotnet") && c.flagged("python"));
        assert!(!c.flagged("ruby"));
    }

    #[test]
    fn end_is_inclusive_or_a_length() {
        let e = Expected::parse(&serde_json::json!({"Start": 2, "End": 4, "TypeName": "number"}))
            .expect("model result");
        assert_eq!((e.start, e.end), (2, 5));
        let e = Expected::parse(&serde_json::json!({"Start": 2, "Length": 4, "Type": "date"}))
            .expect("extractor result");
        assert_eq!((e.start, e.end), (2, 6));
    }

    #[test]
    fn spec_numbers() {
        assert_eq!(spec_number(Some(&Value::String("20%".into()))), Some(20.0));
        assert_eq!(
            spec_number(Some(&Value::String("1E-12".into()))),
            Some(1e-12)
        );
        assert_eq!(spec_number(Some(&Value::String("null".into()))), None);
        assert!(same_number(103.666666666667, 103.0 + 2.0 / 3.0));
    }
}
