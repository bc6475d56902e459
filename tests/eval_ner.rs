//! `wirewatch eval ner` on the CoNLL-2003 English dev split in
//! ../shared/data/ner: the real binary runs the committed recognizer on the
//! file's own tokens and scores it with conlleval's rules; it must stay at
//! the quality reached, and `--predictions` must write the same lines back
//! with one more column. Skipped when the data is absent,
//! failed instead under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

/// Lowest micro F1 accepted: what the committed model reaches, less a margin.
const MIN_F1: f64 = 92.0;

#[test]
fn dev_split_meets_the_reached_f1() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ner/conll2003/dev.conll");
    if !file.is_file() {
        common::skip_missing_shared(&file);
        return;
    }
    let pred = tempfile::NamedTempFile::new().expect("temp file");
    let stdout = common::run_ok(
        &[
            "eval",
            "ner",
            file.to_str().expect("utf8"),
            "--predictions",
            pred.path().to_str().expect("utf8"),
        ],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    let micro = stdout
        .lines()
        .find(|l| l.starts_with("micro"))
        .expect("micro line");
    let f1: f64 = micro
        .split_whitespace()
        .nth(3)
        .and_then(|x| x.parse().ok())
        .expect("F1 figure");
    assert!(f1 >= MIN_F1, "micro F1 {f1} < {MIN_F1}\n{stdout}");
    for ty in ["PER", "ORG", "LOC", "MISC"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(ty)),
            "{ty} missing:\n{stdout}"
        );
    }

    // Predictions: the same lines, in order, each token line one column longer.
    let original = std::fs::read_to_string(&file).expect("read dev");
    let written = std::fs::read_to_string(pred.path()).expect("read predictions");
    let (a, b): (Vec<&str>, Vec<&str>) = (original.lines().collect(), written.lines().collect());
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        if x.is_empty() {
            assert!(y.is_empty());
        } else {
            assert!(y.starts_with(x), "{x:?} vs {y:?}");
            assert_eq!(y.split(' ').count(), x.split(' ').count() + 1);
        }
    }
}

#[test]
fn small_hand_made_file_scores_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tiny.conll");
    // IOB2 gold; whatever the model predicts, the report must count 3 gold phrases.
    std::fs::write(
        &file,
        "-DOCSTART- -X- -X- O\n\nAngela B-PER\nMerkel I-PER\nvisited O\nParis B-LOC\n. O\n\nShe O\nmet O\nUNESCO B-ORG\nstaff O\n. O\n",
    )
    .expect("write");
    let stdout = common::run_ok(
        &["eval", "ner", file.to_str().expect("utf8")],
        &[("RUST_LOG", "error")],
    );
    assert!(
        stdout.contains("processed 10 tokens with 3 phrases"),
        "{stdout}"
    );
}
