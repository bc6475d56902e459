//! Document stage throughput on one core: decode, normalize, parse,
//! paragraphs, sentences and words over the BBC corpus in
//! ../shared/data/news, as plain text and as markdown (the same articles with
//! their headline as a `#` heading). Prints MB/s and articles/s.
//!
//! Run: `cargo bench --bench document`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use wirewatch::document;
use wirewatch::record::Format;

/// Passes over the corpus; the best one is reported (least disturbed by noise).
const PASSES: usize = 5;

fn main() {
    let texts = common::bbc_articles();
    if texts.is_empty() {
        eprintln!(
            "skipped: no articles under {}",
            common::bbc_root().display()
        );
        return;
    }
    let markdown: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| {
            let mut m = b"# ".to_vec();
            m.extend_from_slice(t);
            m
        })
        .collect();
    report("text", &texts, Format::Text);
    report("markdown", &markdown, Format::Markdown);
}

fn report(name: &str, docs: &[Vec<u8>], format: Format) {
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let (best, words) = common::best_of(PASSES, || {
        let mut words = 0;
        for d in docs {
            match document::read(d, Some(format)) {
                Ok(doc) => words += doc.words + doc.sentences.len(),
                Err(e) => eprintln!("error: {e}"),
            }
        }
        words
    });
    println!(
        "document/{name}: {} articles, {:.1} MB in {:.3} s: {:.1} MB/s, {:.0} articles/s (one core, best of {PASSES}; checksum {words})",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        docs.len() as f64 / best,
    );
}
