//! The English "Golden Rules" of sentence boundary disambiguation (pySBD's
//! benchmark set, in ../shared/data/sentences). Skipped when the data is absent,
//! failed instead under `WIREWATCH_REQUIRE_SHARED=1` (`.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

#[derive(serde::Deserialize)]
struct Case {
    id: u32,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn golden_rules_pass_rate() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sentences/golden_rules_en.json");
    let Ok(bytes) = std::fs::read(&path) else {
        common::skip_missing_shared(&path);
        return;
    };
    let cases: Vec<Case> = serde_json::from_slice(&bytes).expect("golden rules JSON");
    let mut failed = Vec::new();
    for case in &cases {
        let got: Vec<String> = wirewatch::document::sentences::split(&case.text)
            .into_iter()
            .map(|r| case.text[r].trim().to_string())
            .collect();
        let want: Vec<String> = case
            .sentences
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        if got != want {
            failed.push(format!(
                "#{}: {:?}\n   want {:?}\n   got  {:?}",
                case.id, case.text, want, got
            ));
        }
    }
    let passed = cases.len() - failed.len();
    eprintln!("golden rules: {passed}/{} passed", cases.len());
    for f in &failed {
        eprintln!("{f}");
    }
    assert!(
        passed >= 47,
        "{passed}/{} golden rules passed (need 47)",
        cases.len()
    );
}
