//! Where an article's date comes from, on real files: a dated byline, a
//! date in the file's name or folders, and the file's modification time
//! as the last resort, which the record then warns about.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;
use serde_json::Value;

/// The record `wirewatch extract` gives for `rel` written with `text`
/// under a fresh folder.
fn record_of(rel: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    let out = run_ok(&["extract", path.to_str().expect("utf8")], &[]);
    serde_json::from_str(&out).expect("json")
}

fn first_date(r: &Value) -> (&str, &str) {
    let d = &r["dates"][0];
    (
        d["text"].as_str().expect("text"),
        d["value"].as_str().expect("value"),
    )
}

/// Fails unless one of the record's warnings contains `needle`.
fn assert_warns(r: &Value, needle: &str) {
    let warnings = r["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains(needle))),
        "{warnings:?}"
    );
}

const STORY: &str = "Budget talks stall\nThe committee met on March 24 and adjourned.\n";

#[test]
fn a_dated_byline_dates_the_article_and_is_not_its_title() {
    let r = record_of(
        "story.txt",
        "By Jane Doe, 12 March 2005\nThe committee met on March 24. A year later, it met again.\n",
    );
    assert_eq!(r["title"], Value::Null);
    assert_eq!(r["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(
        r["published"],
        serde_json::json!({"date": "2005-03-12", "from": "byline"})
    );
    assert_eq!(first_date(&r), ("March 24", "2005-03-24"));
    assert_eq!(r["dates"][1]["value"], "2006", "a year after 24 March 2005");
    assert!(
        !r["text"]["body"]
            .as_str()
            .expect("body")
            .contains("Jane Doe")
    );
}

#[test]
fn a_date_in_the_file_name_or_folders_dates_the_article() {
    for rel in [
        "2023-03-24-budget.txt",
        "archive/20230324_budget.txt",
        "news/2023/03/24/budget.txt",
    ] {
        let r = record_of(rel, STORY);
        assert_eq!(
            r["published"],
            serde_json::json!({"date": "2023-03-24", "from": "path"}),
            "{rel}"
        );
        assert_eq!(first_date(&r), ("March 24", "2023-03-24"), "{rel}");
        assert_eq!(r["warnings"], serde_json::json!([]), "{rel}");
    }
}

#[test]
fn the_modification_time_as_a_last_resort_is_a_warning() {
    let r = record_of("budget.txt", STORY);
    assert_eq!(r["published"]["from"], "mtime");
    assert_warns(&r, "modification time");
}

#[test]
fn part_of_that_month_is_read_against_the_month_told_of_and_the_past_year_is_twelve_months() {
    let r = record_of(
        "talks.txt",
        "Talks\nNEW YORK, 10 November 2015 -- He spoke to CNN in October. Later that month, \
         he spoke again. Over the past year, fears rose.\n",
    );
    let dates = r["dates"].as_array().expect("dates");
    let find = |text: &str| {
        dates
            .iter()
            .find(|d| d["text"] == text)
            .unwrap_or_else(|| panic!("{text}: {dates:?}"))
    };
    let later = find("Later that month");
    assert_eq!(later["start_date"], "2015-10-16");
    assert_eq!(later["end_date"], "2015-10-31");
    let year = find("the past year");
    assert_eq!(year["start_date"], "2014-11-10");
    assert_eq!(year["end_date"], "2015-11-09");
}

#[test]
fn a_date_in_the_text_after_the_file_was_saved_does_not_date_it() {
    // Written now: a maturity decades on is no publication date, but a
    // past day of the text is.
    let notes = "Bonds priced\nThe notes have a final maturity of April 28, 2086.\n";
    let r = record_of("notes.txt", notes);
    assert_eq!(r["published"]["from"], "mtime");
    assert_warns(&r, "modification time");
    let r = record_of(
        "notes.txt",
        "Bonds priced\nThey were sold on 3 May 2021 and mature on April 28, 2086.\n",
    );
    assert_eq!(
        r["published"],
        serde_json::json!({"date": "2021-05-03", "from": "text"})
    );
}

#[test]
fn a_wire_dateline_with_a_region_and_no_year_dates_the_article_and_warns() {
    let text = "Chipmaker shares slide\n\n\
        SAN JOSE, California, Feb 11 (Reuters) - Shares of a chipmaker fell on Tuesday \
        after a warning on first-quarter revenue.\n\n\
        Its chief executive spoke to analysts last week.\n";
    // The year is the file's: the dateline names none.
    let r = record_of("chips.txt", text);
    let year = r["published"]["date"].as_str().expect("date")[..4].to_string();
    assert_eq!(r["published"]["from"], "dateline");
    assert_eq!(r["published"]["date"], format!("{year}-02-11"));
    assert_warns(&r, "no year");
    // A date in the file's name gives the year: no guess, no warning.
    let r = record_of("2025-03-01-chips.txt", text);
    assert_eq!(
        r["published"],
        serde_json::json!({"date": "2025-02-11", "from": "dateline"})
    );
    assert_eq!(r["warnings"], serde_json::json!([]));
    let quarter = r["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .find(|d| d["text"] == "first-quarter")
        .expect("the quarter");
    assert_eq!(quarter["start_date"], "2025-01-01");
}
