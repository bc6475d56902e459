//! `wirewatch eval ner` on the labelled sets in ../shared/data/ner: the
//! CoNLL-2003 English dev split, UNER English-PUD (PER/ORG/LOC only),
//! WikiGold and CrossNER politics. The real binary runs the committed
//! recognizer on each file's own tokens and scores it with conlleval's
//! rules; it must stay at the quality reached, and `--predictions` must
//! write the same lines back with one more column. Skipped when the data is
//! absent, failed instead under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).
#![cfg(feature = "tools")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

/// Lowest micro F1 accepted on CoNLL-2003 dev: what the committed model
/// reaches (93.07), less a margin.
const MIN_F1: f64 = 92.5;

/// The micro F1 line's figure of an `eval ner` report.
fn micro_f1(stdout: &str) -> f64 {
    let micro = stdout
        .lines()
        .find(|l| l.starts_with("micro"))
        .expect("micro line");
    micro
        .split_whitespace()
        .nth(3)
        .and_then(|x| x.parse().ok())
        .expect("F1 figure")
}

/// Scores `file` (under ../shared/data/ner) and checks its micro F1 and
/// the types scored; returns the report, or `None` when the data is absent.
fn scores_at_least(file: &str, min_f1: f64, types: &[&str]) -> Option<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ner")
        .join(file);
    if !file.is_file() {
        common::skip_missing_shared(&file);
        return None;
    }
    let stdout = common::run_ok(
        &["eval", "ner", file.to_str().expect("utf8")],
        &[
            ("WIREWATCH_METRICS_ENABLED", "false"),
            ("RUST_LOG", "error"),
        ],
    );
    let f1 = micro_f1(&stdout);
    assert!(f1 >= min_f1, "micro F1 {f1} < {min_f1}\n{stdout}");
    for ty in ["PER", "ORG", "LOC", "MISC"] {
        assert_eq!(
            stdout.lines().any(|l| l.starts_with(ty)),
            types.contains(&ty),
            "{ty} scored or not as expected:\n{stdout}"
        );
    }
    Some(stdout)
}

/// UNER English-PUD: modern news and Wikipedia, no MISC gold, so MISC is
/// not scored. A dev set only: the model is not trained on it.
#[test]
fn uner_english_pud_scores_three_types() {
    scores_at_least(
        "extra/uner-pud/en_pud-ud-test.iob2",
        MIN_F1_UNER,
        &["PER", "ORG", "LOC"],
    );
}

/// WikiGold and CrossNER politics (its fine types mapped to the four):
/// training sets of the committed model.
#[test]
fn wikigold_and_crossner_score_four_types() {
    let all = ["PER", "ORG", "LOC", "MISC"];
    scores_at_least("extra/wikigold/wikigold.conll.txt", MIN_F1_WIKIGOLD, &all);
    scores_at_least("extra/crossner-politics/dev.txt", MIN_F1_CROSSNER, &all);
}

/// Lowest micro F1 accepted on UNER English-PUD (PER, ORG, LOC), a set the
/// model is neither trained nor tuned on: what it reaches (68.83), less a
/// margin.
const MIN_F1_UNER: f64 = 68.3;
/// Lowest micro F1 accepted on WikiGold, which the model is trained on (so
/// this is a check that training used it, not a held-out score): 99.14
/// reached.
const MIN_F1_WIKIGOLD: f64 = 98.5;
/// Lowest micro F1 accepted on CrossNER politics dev, also trained on:
/// 98.38 reached.
const MIN_F1_CROSSNER: f64 = 97.8;

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
    let f1 = micro_f1(&stdout);
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
