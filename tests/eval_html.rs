//! `wirewatch eval html` on the article-extraction benchmark in
//! ../shared/data/html: the real binary scores HTML main-text extraction with
//! the benchmark's own rules and must stay at the quality reached (F1 0.979,
//! precision 0.974 on these 121 pages). Skipped when the data is absent,
//! failed instead under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::{Path, PathBuf};

/// Lowest figures accepted: what the extractor reaches, less a small margin.
const MIN_F1: f64 = 0.973;
const MIN_PRECISION: f64 = 0.965;
const MIN_RECALL: f64 = 0.975;

/// The benchmark folder, or `None` (after reporting the skip) without it.
fn benchmark() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/html/article-extraction-benchmark");
    if dir.join("ground-truth.json").is_file() {
        Some(dir)
    } else {
        common::skip_missing_shared(&dir);
        None
    }
}

#[test]
fn html_main_text_meets_the_benchmark_targets() {
    let Some(dir) = benchmark() else {
        return;
    };
    let stdout = common::run_ok(
        &[
            "eval",
            "html",
            dir.to_str().expect("utf8"),
            "--per-page",
            "5",
        ],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    let figure = |name: &str| -> f64 {
        stdout
            .lines()
            .find_map(|l| {
                let mut words = l.split_whitespace();
                (words.next() == Some(name)).then(|| words.next()?.parse().ok())?
            })
            .unwrap_or_else(|| panic!("no {name} line in\n{stdout}"))
    };
    assert!(stdout.contains("121 pages"), "{stdout}");
    let (p, r, f1, accuracy) = (
        figure("precision"),
        figure("recall"),
        figure("F1"),
        figure("accuracy"),
    );
    assert!(f1 >= MIN_F1, "F1 {f1} < {MIN_F1}\n{stdout}");
    assert!(
        p >= MIN_PRECISION,
        "precision {p} < {MIN_PRECISION}\n{stdout}"
    );
    assert!(r >= MIN_RECALL, "recall {r} < {MIN_RECALL}\n{stdout}");
    assert!((0.0..=1.0).contains(&accuracy), "{stdout}");
    assert!(stdout.contains("pages/s"), "{stdout}");
    assert!(stdout.contains("worst pages"), "{stdout}");
}

/// `--cv hosts`: the thresholds chosen on every site but one, scored on the
/// site left out, for each of the benchmark's sites. The held-out figure
/// must stay near the shipped one (the thresholds do not owe their score to
/// these pages) and the shipped F1 it prints must be the usual figure.
#[test]
fn html_cross_validated_by_site_stays_near_the_shipped_figure() {
    let Some(dir) = benchmark() else {
        return;
    };
    let stdout = common::run_ok(
        &["eval", "html", dir.to_str().expect("utf8"), "--cv", "hosts"],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    let f1_of = |label: &str| -> f64 {
        stdout
            .lines()
            .find(|l| l.starts_with(label))
            .and_then(|l| l.split_whitespace().last()?.parse().ok())
            .unwrap_or_else(|| panic!("no {label:?} line in\n{stdout}"))
    };
    let shipped = f1_of("shipped setting");
    let held_out = f1_of("setting chosen without the site");
    assert!(
        shipped >= MIN_F1,
        "shipped F1 {shipped} < {MIN_F1}\n{stdout}"
    );
    assert!(
        held_out >= shipped - 0.01,
        "held-out F1 {held_out} more than 0.01 under the shipped {shipped}\n{stdout}"
    );
    assert!(stdout.contains("121 pages"), "{stdout}");
    assert!(stdout.contains("leave-one-site-out over"), "{stdout}");
}
