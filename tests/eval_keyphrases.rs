//! `wirewatch eval keyphrases` on the shared half of 500N-KPCrowd in
//! ../shared/data/keyphrases: the real binary extracts every article's
//! keywords and scores them against the readers' keyphrases; the figures
//! must stay at what the extractor reached, less a small margin. Skipped
//! when the data is absent, failed instead under
//! `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

/// Lowest figures accepted, by match and k: reached less about a point.
const MIN: &[(&str, &str, f64)] = &[
    ("exact", "5", 0.117),
    ("exact", "10", 0.194),
    ("partial", "5", 0.237),
    ("partial", "10", 0.333),
];

/// The F column of the `match k` row.
fn figure(stdout: &str, row: &str, k: &str) -> f64 {
    let line = stdout
        .lines()
        .find(|l| {
            let mut w = l.split_whitespace();
            w.next() == Some(row) && w.next() == Some(k)
        })
        .unwrap_or_else(|| panic!("no {row} {k} row:\n{stdout}"));
    line.split_whitespace()
        .nth(4)
        .and_then(|x| x.parse().ok())
        .expect("figure")
}

#[test]
fn shared_half_meets_the_reached_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/keyphrases/kpcrowd");
    if !dir.is_dir() {
        common::skip_missing_shared(&dir);
        return;
    }
    let stdout = common::run_ok(
        &["eval", "keyphrases", dir.to_str().expect("utf8")],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    assert!(stdout.contains("250 articles"), "{stdout}");
    for (row, k, min) in MIN {
        let f = figure(&stdout, row, k);
        assert!(f >= *min, "{row} F@{k} {f} < {min}\n{stdout}");
    }
}

#[test]
fn train_keywords_rebuilds_the_committed_model_and_cross_validates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/data/keyphrases/kpcrowd");
    if !dir.is_dir() {
        common::skip_missing_shared(&dir);
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("model.tsv");
    let stdout = common::run_ok(
        &[
            "train-keywords",
            dir.to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
        ],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    assert!(stdout.contains("5-fold cross-validation"), "{stdout}");
    let built = std::fs::read_to_string(&out).expect("model written");
    let committed =
        std::fs::read_to_string(root.join("data/keywords/model.tsv")).expect("committed model");
    assert_eq!(built, committed, "{stdout}");
    // The held-out figure comes first: it must clear the exact floor too.
    assert!(figure(&stdout, "exact", "10") >= 0.194, "{stdout}");
}

#[test]
fn small_hand_made_set_scores_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("docsutf8")).expect("docs");
    std::fs::create_dir_all(dir.path().join("keys")).expect("keys");
    let text = "Harbour cranes idle as dockers strike\n\nDockers at the harbour went on strike \
        on Monday. The strike left cranes idle and ships waiting. Dockers want higher pay, \
        and the harbour authority said talks on pay would resume.\n";
    std::fs::write(dir.path().join("docsutf8/a.txt"), text).expect("write");
    // Gold phrases no extractor would give: every figure is zero.
    std::fs::write(dir.path().join("keys/a.key"), "zeppelin\nquasar fields\n").expect("write");
    let stdout = common::run_ok(
        &["eval", "keyphrases", dir.path().to_str().expect("utf8")],
        &[("WIREWATCH_METRICS_ENABLED", "false")],
    );
    assert!(stdout.contains("1 articles, 2 gold"), "{stdout}");
    assert_eq!(figure(&stdout, "exact", "10"), 0.0, "{stdout}");
    // Gold phrases the article is plainly about: found, whatever their form.
    std::fs::write(dir.path().join("keys/a.key"), "Dockers\nstrikes\nharbour\n").expect("write");
    let stdout = common::run_ok(
        &["eval", "keyphrases", dir.path().to_str().expect("utf8")],
        &[("WIREWATCH_METRICS_ENABLED", "false")],
    );
    assert!(figure(&stdout, "exact", "10") > 0.3, "{stdout}");
    assert!(
        common::run(&["eval", "keyphrases", "/nonexistent/kp"], &[])
            .status
            .code()
            == Some(2)
    );
}
