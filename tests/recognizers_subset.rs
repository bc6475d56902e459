//! `wirewatch eval recognizers` on the subset of the Recognizers-Text
//! English specs committed in tests/data/recognizers (a few dozen cases of
//! each scored file, MIT, licence beside them): every file keeps exactly the
//! pass counts measured when the subset was cut, so a change in the figure
//! or date extractors shows here even without ../shared.
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;

/// Per file: cases passed on all cases, on those not flagged for dotnet, on
/// those not flagged for python, and leniently (not dotnet).
const PASSED: &[(&str, [&str; 4])] = &[
    (
        "DateTime/DateExtractor.json",
        ["36/40", "36/40", "33/35", "36/40"],
    ),
    (
        "DateTime/DateParser.json",
        ["40/40", "40/40", "32/32", "40/40"],
    ),
    (
        "DateTime/DatePeriodExtractor.json",
        ["39/40", "39/40", "34/34", "39/40"],
    ),
    (
        "DateTime/DatePeriodParser.json",
        ["38/40", "38/40", "21/22", "38/40"],
    ),
    (
        "DateTime/DateTimeModel.json",
        ["35/40", "35/40", "20/21", "35/40"],
    ),
    (
        "DateTime/DurationExtractor.json",
        ["36/40", "36/39", "32/35", "36/39"],
    ),
    (
        "DateTime/DurationParser.json",
        ["35/37", "35/37", "30/32", "35/37"],
    ),
    (
        "Number/NumberModel.json",
        ["39/40", "39/39", "35/35", "39/39"],
    ),
    (
        "Number/NumberRangeModel.json",
        ["16/40", "16/40", "0/0", "18/40"],
    ),
    (
        "Number/OrdinalModel.json",
        ["16/38", "16/38", "0/0", "16/38"],
    ),
    (
        "Number/PercentModel.json",
        ["15/15", "15/15", "12/12", "15/15"],
    ),
    (
        "NumberWithUnit/AgeModel.json",
        ["12/13", "12/13", "12/13", "12/13"],
    ),
    (
        "NumberWithUnit/CurrencyModel.json",
        ["37/40", "36/38", "28/30", "36/38"],
    ),
    (
        "NumberWithUnit/DimensionModel.json",
        ["38/40", "38/40", "33/34", "38/40"],
    ),
    (
        "NumberWithUnit/TemperatureModel.json",
        ["24/30", "24/30", "22/28", "24/30"],
    ),
];

#[test]
fn pass_counts_on_the_committed_subset() {
    let dir = root().join("tests/data/recognizers");
    let out = run_ok(
        &["eval", "recognizers", dir.to_str().expect("utf8 path")],
        &[],
    );
    let mut wrong = Vec::new();
    for (file, want) in PASSED {
        let Some(line) = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(file))
        else {
            wrong.push(format!("{file}: no line"));
            continue;
        };
        // file, then four cells "passed/cases rate %".
        let cols: Vec<&str> = line.split_whitespace().collect();
        let got = [cols[1], cols[4], cols[7], cols[10]];
        if got != *want {
            wrong.push(format!("{file}: {got:?}, expected {want:?}"));
        }
    }
    let scored = out.lines().filter(|l| l.contains(".json ")).count();
    if scored != PASSED.len() {
        wrong.push(format!("{scored} files scored, expected {}", PASSED.len()));
    }
    assert!(wrong.is_empty(), "{}\n\n{out}", wrong.join("\n"));
}
