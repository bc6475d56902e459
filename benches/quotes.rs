//! The quote finder's share of the extraction stage, on one core: the BBC
//! articles in ../shared/data/news/bbc are read into documents first (not
//! timed), then every extractor runs on each (`extract`, quotes included),
//! and the quote finder alone on the same facts. Prints both times and the
//! share (the target: quotes add at most 15 % to the extraction time), for
//! the best of several passes.
//!
//! Run: `taskset -c 0 cargo bench --bench quotes`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use wirewatch::extract::quote_share;

/// Passes over the articles; the best one is reported.
const PASSES: usize = 5;

fn main() {
    let Some(docs) = common::bbc_documents() else {
        return;
    };
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..PASSES {
        let (all, alone) = quote_share(&docs);
        if all < best.0 {
            best = (all, alone);
        }
    }
    let (all, alone) = best;
    let without = (all - alone).max(1e-9);
    println!(
        "quotes: {} articles; best of {PASSES}: extraction {:.1} µs/article ({:.1} without quotes), quotes alone {:.1} µs/article: +{:.1} % (target ≤ 15 %)",
        docs.len(),
        1e6 * all / docs.len() as f64,
        1e6 * without / docs.len() as f64,
        1e6 * alone / docs.len() as f64,
        100.0 * alone / without
    );
}
