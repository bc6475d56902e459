//! What the benches share: the BBC corpus on disk and the best-of-N timing
//! loop, so each bench is only what it measures.
#![allow(dead_code)] // each bench uses only part of it

use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where the BBC corpus lives: `<category>/<n>.txt` below it.
pub fn bbc_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/bbc")
}

/// The bytes of every BBC article, in path order; empty when the corpus is
/// absent (the bench then says it skipped).
pub fn bbc_articles() -> Vec<Vec<u8>> {
    let Ok(categories) = std::fs::read_dir(bbc_root()) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = categories
        .flatten()
        .filter_map(|category| std::fs::read_dir(category.path()).ok())
        .flat_map(|files| files.flatten().map(|f| f.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Every BBC article read into a document (not timed), or `None` after
/// saying the bench skipped because the corpus is absent.
pub fn bbc_documents() -> Option<Vec<wirewatch::document::Document>> {
    let docs: Vec<_> = bbc_articles()
        .iter()
        .filter_map(|b| wirewatch::document::read(b, None).ok())
        .collect();
    if docs.is_empty() {
        eprintln!("skipped: no articles under {}", bbc_root().display());
        return None;
    }
    Some(docs)
}

/// Runs `pass` `passes` times and returns the fastest pass in seconds (the
/// least disturbed by other work on the machine) with what the last pass
/// counted, a checksum that keeps the work from being optimized away.
pub fn best_of(passes: usize, mut pass: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..passes {
        let started = Instant::now();
        count = pass();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, count)
}
