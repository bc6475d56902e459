//! Every article of the BBC corpus in ../shared/data/news becomes a record
//! with its first line as title and no replacement character — including the
//! one file that is not UTF-8 — and none of its lines is taken for page
//! furniture (the corpus is clean text: every line is the story's). Skipped when the data is absent, failed instead
//! under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

use common::*;

#[test]
fn every_bbc_article_becomes_a_clean_record() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/bbc");
    if !corpus.is_dir() {
        skip_missing_shared(&corpus);
        return;
    }
    let ws = Workspace::new();
    let summary = run_ok(
        &[
            "process",
            corpus.to_str().expect("utf8"),
            "--out",
            ws.out().to_str().expect("utf8"),
        ],
        &[("WIREWATCH_METRICS_ENABLED", "false")],
    );
    assert!(summary.contains(" 0 quarantined, 0 failed"), "{summary}");
    let sources: Vec<String> = list_files(&corpus)
        .into_iter()
        .filter(|p| p.ends_with(".txt"))
        .collect();
    assert!(sources.len() >= 2000, "{} articles", sources.len());
    // The corpus holds byte-identical copies of some articles: those are
    // `duplicate` outcomes whose record is the first copy's.
    let mut by_hash = std::collections::HashMap::new();
    for rel in ws.records() {
        let bytes = std::fs::read(ws.out().join("records").join(&rel)).expect("read record");
        let v: serde_json::Value = serde_json::from_slice(&bytes).expect("record JSON");
        let hash = v["source"]["content_hash"]
            .as_str()
            .expect("hash")
            .to_string();
        by_hash.insert(hash, v);
    }
    let mut non_utf8 = 0;
    for rel in &sources {
        let bytes = std::fs::read(corpus.join(rel)).expect("read source");
        let hash = wirewatch::identity::content_hash(&bytes);
        let first_line = String::from_utf8_lossy(&bytes)
            .lines()
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let record = by_hash
            .get(&hash)
            .unwrap_or_else(|| panic!("no record for {rel}"));
        let body = record["text"]["body"].as_str().expect("body");
        let warnings = record["warnings"].to_string();
        assert!(
            !warnings.contains("page furniture"),
            "{rel}: a line of the story was taken for residue: {warnings}"
        );
        assert!(!body.contains('\u{FFFD}'), "{rel}: U+FFFD in body");
        if std::str::from_utf8(&bytes).is_err() {
            non_utf8 += 1;
            assert_eq!(record["source"]["encoding"], "windows-1252", "{rel}");
            assert!(body.contains('£'), "{rel}: pound sign lost");
        } else if first_line.contains("&#") {
            // A character reference the scrape left reads as its character.
            let title = record["title"].as_str().unwrap_or_default();
            assert!(!title.contains("&#"), "{rel}: reference kept in {title:?}");
            assert_eq!(
                title.split(' ').count(),
                first_line.split(' ').count(),
                "{rel}: {title:?}"
            );
        } else {
            assert_eq!(record["title"].as_str(), Some(first_line.as_str()), "{rel}");
        }
    }
    assert_eq!(
        non_utf8, 1,
        "the corpus has exactly one file that is not UTF-8"
    );
}
