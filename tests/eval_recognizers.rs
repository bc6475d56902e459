//! `wirewatch eval recognizers` on the Recognizers-Text English specs in
//! ../shared/data/recognizers: the pass rates (cases not flagged for
//! dotnet, the README's rule) stay at or above what the figure extractors
//! reach today, less a small margin (the date-time model on its date,
//! date-range and duration cases). Skipped when the specs are absent, failed instead under
//! `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`); tests/recognizers_subset.rs
//! keeps a committed subset either way.
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

use common::*;

/// Pass rates (percent, not-dotnet cases) each file must keep.
const FLOORS: &[(&str, f64)] = &[
    ("Number/NumberModel.json", 97.0),
    ("Number/PercentModel.json", 95.0),
    ("NumberWithUnit/CurrencyModel.json", 96.0),
    ("NumberWithUnit/DimensionModel.json", 90.0),
    ("DateTime/DateExtractor.json", 90.0),
    ("DateTime/DateParser.json", 92.0),
    ("DateTime/DatePeriodExtractor.json", 94.0),
    ("DateTime/DatePeriodParser.json", 90.0),
    ("DateTime/DurationExtractor.json", 90.0),
    ("DateTime/DurationParser.json", 90.0),
    ("DateTime/DateTimeModel.json", 85.0),
];

#[test]
fn pass_rates_on_the_recognizers_specs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/recognizers");
    if !dir.join("Number").is_dir() {
        skip_missing_shared(&dir);
        return;
    }
    let out = run_ok(&["eval", "recognizers", dir.to_str().expect("utf8")], &[]);
    println!("{out}");
    for (file, floor) in FLOORS {
        let line = out
            .lines()
            .find(|l| l.starts_with(file))
            .unwrap_or_else(|| panic!("no line for {file} in:\n{out}"));
        // file, all "p/n", rate, "%", not-dotnet "p/n", rate, "%", …
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (passed, cases) = cols[4].split_once('/').expect("passed/cases");
        let rate =
            100.0 * passed.parse::<f64>().expect("passed") / cases.parse::<f64>().expect("cases");
        assert!(rate >= *floor, "{file}: {rate:.1} % < {floor} %\n{out}");
    }
}
