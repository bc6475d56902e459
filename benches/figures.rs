//! Throughput of the figure extractors (numbers, dates, money, percentages,
//! quantities, standalone numbers) on one core, over the bodies of the BBC
//! corpus in ../shared/data/news/bbc, and on hostile inputs (a megabyte of
//! digits, of "1,1,1,…", of punctuation, of number words) to show the time
//! stays linear. Prints MB/s; the document stage is not timed.
//!
//! Run: `cargo bench --bench figures` (`FIGURES_CORPUS_ONLY=1` skips the
//! hostile inputs).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use wirewatch::document::{self, Document};
use wirewatch::extract::{self, dates};
use wirewatch::record::Format;

/// Passes over the corpus; the best one is reported (least disturbed by noise).
const PASSES: usize = 5;

/// How many facts the figure extractors find in `doc`, run as
/// `extract::extract` runs them (the entity recognizer left out).
fn figures(doc: &Document) -> usize {
    let f = extract::figures(&doc.body);
    f.numbers.len()
        + f.dates.len()
        + f.money.len()
        + f.percentages.len()
        + f.quantities.len()
        + f.standalone.len()
}

/// Best-of-`passes` seconds to run the figure extractors over `docs`.
fn time(docs: &[Document], passes: usize) -> (f64, usize) {
    common::best_of(passes, || docs.iter().map(figures).sum())
}

fn corpus() -> Vec<Document> {
    common::bbc_articles()
        .iter()
        .filter_map(|b| document::read(b, Some(Format::Text)).ok())
        .collect()
}

/// A document whose body is `body` (one paragraph, one sentence).
fn raw(body: String) -> Document {
    let mut doc = document::read(b"x", Some(Format::Text)).expect("a one-letter document");
    let whole = 0..body.len();
    doc.paragraphs = vec![whole.clone()];
    doc.sentences = vec![whole];
    doc.body = body;
    doc
}

fn main() {
    let docs = corpus();
    if docs.is_empty() {
        eprintln!("skipped the corpus: no articles under ../shared/data/news/bbc");
    } else {
        let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
        let (secs, found) = time(&docs, PASSES);
        println!(
            "figures/bbc: {} articles, {:.1} MB of body text in {:.3} s: {:.1} MB/s, {:.0} articles/s \
             (one core, best of {PASSES}; {found} facts)",
            docs.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs,
            docs.len() as f64 / secs,
        );
        // The date grammar alone, the costliest of the figure extractors.
        let (best, dates_found) = common::best_of(PASSES, || {
            docs.iter()
                .map(|d| dates::scan_article(&d.body, dates::Mode::All).len())
                .sum()
        });
        println!(
            "figures/bbc dates alone: {:.1} MB/s (one core, best of {PASSES}; {dates_found} dates)",
            bytes as f64 / 1e6 / best
        );
    }
    if std::env::var_os("FIGURES_CORPUS_ONLY").is_some() {
        return;
    }
    let mb = 1 << 20;
    let hostile = [
        ("digits", "7".repeat(mb)),
        ("comma list", "1,".repeat(mb / 2)),
        ("dot list", "1.".repeat(mb / 2)),
        ("punctuation", ".-,/%$".repeat(mb / 6)),
        ("number words", "one ".repeat(mb / 4)),
        ("hundreds", "hundred and ".repeat(mb / 12)),
        ("money", "$1 ".repeat(mb / 3)),
        ("percent", "5% of ".repeat(mb / 6)),
        ("spaced groups", "1 000 ".repeat(mb / 6)),
        ("date parts", "1/2/3-4-5 ".repeat(mb / 10)),
        ("date words", "the next the last of the ".repeat(mb / 25)),
        ("months and years", "May 2020 to June ".repeat(mb / 17)),
    ];
    for (name, body) in hostile {
        let len = body.len();
        let doc = raw(body);
        let (secs, found) = time(std::slice::from_ref(&doc), 1);
        println!(
            "figures/hostile {name}: {:.1} MB in {:.3} s: {:.1} MB/s ({found} facts)",
            len as f64 / 1e6,
            secs,
            len as f64 / 1e6 / secs,
        );
    }
}
