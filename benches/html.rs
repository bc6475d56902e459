//! HTML document stage throughput on one core: the saved pages of the
//! article-extraction benchmark in ../shared/data/html go through
//! `document::read` (decode, normalize, parse, main-text extraction,
//! paragraphs, sentences) one after another on this thread. Prints pages/s
//! and MB/s of HTML for the best of several passes.
//!
//! Run: `taskset -c 0 cargo bench --bench html`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::io::Read as _;
use std::path::Path;

use wirewatch::document;
use wirewatch::record::Format;

/// Passes over the pages; the best one is reported (least disturbed by noise).
const PASSES: usize = 5;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/html/article-extraction-benchmark/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let mut pages = Vec::with_capacity(paths.len());
    for p in &paths {
        let mut html = Vec::new();
        let read = std::fs::File::open(p)
            .and_then(|f| flate2::read::GzDecoder::new(f).read_to_end(&mut html));
        if read.is_ok() {
            pages.push(html);
        }
    }
    if pages.is_empty() {
        eprintln!("skipped: no pages under {}", dir.display());
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let (best, words) = common::best_of(PASSES, || {
        pages
            .iter()
            .filter_map(|page| document::read(page, Some(Format::Html)).ok())
            .map(|doc| doc.words)
            .sum()
    });
    println!(
        "html: {} pages, {:.1} MB in {:.3} s: {:.0} pages/s, {:.1} MB/s ({words} words)",
        pages.len(),
        bytes as f64 / 1e6,
        best,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
}
