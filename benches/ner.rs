//! Entity recognizer throughput on one core: the BBC articles in
//! ../shared/data/news/bbc are read into documents first (not timed), then
//! the recognizer alone — tokenization, features, tagging — runs over every
//! body on this thread. Prints words/s (whitespace-separated words) for the
//! best of several passes.
//!
//! Run: `taskset -c 0 cargo bench --bench ner`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use wirewatch::extract::entities::gazetteer::Gazetteer;
use wirewatch::extract::entities::lexicon::Lexicon;
use wirewatch::extract::entities::model::Model;
use wirewatch::extract::entities::{ModelRef, recognize};

/// Passes over the articles; the best one is reported.
const PASSES: usize = 5;

fn main() {
    let Some(docs) = common::bbc_documents() else {
        return;
    };
    let words: usize = docs.iter().map(|d| d.body.split_whitespace().count()).sum();
    let Some(model) = Model::embedded() else {
        eprintln!("skipped: this build carries no entity model");
        return;
    };
    let lex = Lexicon::embedded();
    let gaz = Gazetteer::embedded();
    let mut w = ModelRef(model);
    let (best, mentions) = common::best_of(PASSES, || {
        docs.iter()
            .map(|d| recognize(&mut w, &d.body, &d.sentences, lex, gaz).1.len())
            .sum()
    });
    println!(
        "ner: {} articles, {} words, {} mentions; best of {PASSES}: {:.3}s, {:.0} words/s on one core",
        docs.len(),
        words,
        mentions,
        best,
        words as f64 / best
    );
}
