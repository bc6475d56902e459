//! `docs/metrics.md` is generated from the metric catalogue; this test fails
//! when the two differ. `UPDATE_DOCS=1 cargo test --test docs` rewrites it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

use std::path::Path;

use wirewatch::telemetry::catalogue;

#[test]
fn metrics_doc_matches_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/metrics.md");
    let expected = catalogue::render_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("docs dir")).expect("create docs/");
        std::fs::write(&path, &expected).expect("write docs/metrics.md");
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "docs/metrics.md is out of date with src/telemetry/catalogue.rs \
             (first difference at line {}).\n\
             Regenerate it with: UPDATE_DOCS=1 cargo test --test docs",
            first + 1
        );
    }
}
