//! Document stage throughput on one core: decode, normalize, parse,
//! paragraphs, sentences and words over the BBC corpus in
//! ../shared/data/news, as plain text and as markdown (the same articles with
//! their headline as a `#` heading). Prints MB/s and articles/s.
//!
//! Run: `cargo bench --bench document`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

use std::path::Path;
use std::time::Instant;

use wirewatch::document;
use wirewatch::record::Format;

/// Passes over the corpus; the best one is reported (least disturbed by noise).
const PASSES: usize = 5;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/bbc");
    let mut texts = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt")
                && let Ok(b) = std::fs::read(&p)
            {
                texts.push(b);
            }
        }
    }
    if texts.is_empty() {
        eprintln!("skipped: no articles under {}", corpus.display());
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
    let mut best = f64::MAX;
    let mut words = 0;
    for _ in 0..PASSES {
        let t = Instant::now();
        words = 0;
        for d in docs {
            match document::read(d, Some(format)) {
                Ok(doc) => words += doc.words + doc.sentences.len(),
                Err(e) => eprintln!("error: {e}"),
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "document/{name}: {} articles, {:.1} MB in {:.3} s: {:.1} MB/s, {:.0} articles/s (one core, best of {PASSES}; checksum {words})",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        docs.len() as f64 / best,
    );
}
