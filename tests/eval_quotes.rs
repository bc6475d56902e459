//! `wirewatch eval quotes` on PolNeAR's dev split in ../shared/data/quotes:
//! the real binary finds the quotes of every article and scores them with
//! the Gender Gap Tracker's metric; the figures must stay at what the
//! extractor reached, less a small margin. Skipped when the data is
//! absent, failed instead under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

/// Lowest figures accepted on the dev split, by row and column: what the
/// extractor reaches, less a margin of about one point.
const MIN: &[(&str, &str, f64)] = &[
    ("direct", "F1@0.3", 0.90),
    ("direct", "F1@0.8", 0.87),
    ("direct", "speaker", 0.91),
    ("direct", "cue", 0.85),
    ("all", "F1@0.3", 0.70),
    ("all", "F1@0.8", 0.65),
    ("all", "speaker", 0.89),
    ("all", "cue", 0.82),
];

#[test]
fn dev_split_meets_the_reached_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/quotes/polnear/dev");
    if !dir.is_dir() {
        common::skip_missing_shared(&dir);
        return;
    }
    let stdout = common::run_ok(
        &[
            "eval",
            "quotes",
            dir.to_str().expect("utf8"),
            "--failures",
            "2",
        ],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    let header: Vec<&str> = stdout
        .lines()
        .find(|l| l.starts_with("quotes"))
        .expect("header line")
        .split_whitespace()
        .collect();
    for (row, column, min) in MIN {
        let line = stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(row))
            .unwrap_or_else(|| panic!("no {row} row:\n{stdout}"));
        let k = header.iter().position(|h| h == column).expect("column");
        let value: f64 = line
            .split_whitespace()
            .nth(k)
            .and_then(|x| x.parse().ok())
            .expect("figure");
        assert!(value >= *min, "{row} {column} {value} < {min}\n{stdout}");
    }
    assert!(stdout.contains("84 articles"), "{stdout}");
}

#[test]
fn small_hand_made_split_scores_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("text")).expect("text");
    std::fs::create_dir_all(dir.path().join("attributions")).expect("attributions");
    let text = "Harbour talks resume\n\n“We will sign the deal next week,” Maria Lopez said.\n";
    std::fs::write(dir.path().join("text/a.txt"), text).expect("write");
    let start = text.find('“').expect("mark");
    let chars = |b: usize| text[..b].chars().count();
    let end = text.find(" Maria").expect("name");
    let source = end + 1;
    let ann = format!(
        "T1\tContent {} {}\t“We will sign the deal next week,”\nT2\tSource {} {}\tMaria Lopez\nT3\tCue {} {}\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n",
        chars(start),
        chars(end),
        chars(source),
        chars(source) + 11,
        chars(source) + 12,
        chars(source) + 16
    );
    std::fs::write(dir.path().join("attributions/a_x1.ann"), ann).expect("write");
    let stdout = common::run_ok(
        &["eval", "quotes", dir.path().to_str().expect("utf8")],
        &[("RUST_LOG", "error")],
    );
    let direct = stdout
        .lines()
        .find(|l| l.starts_with("direct"))
        .expect("direct row");
    let figures: Vec<&str> = direct.split_whitespace().collect();
    // gold 1, found 1, P R F1 at both thresholds 1, speaker 1, cue 1.
    assert_eq!(figures[1..3], ["1", "1"], "{stdout}");
    assert!(figures[3..].iter().all(|f| *f == "1.000"), "{stdout}");
}
