//! Entity recognizer throughput on one core: the BBC articles in
//! ../shared/data/news/bbc are read into documents first (not timed), then
//! the recognizer alone — tokenization, features, tagging — runs over every
//! body on this thread. Prints words/s (whitespace-separated words) for the
//! best of several passes.
//!
//! Run: `taskset -c 0 cargo bench --bench ner`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

use std::path::Path;
use std::time::Instant;

use wirewatch::document;
use wirewatch::extract::entities::gazetteer::Gazetteer;
use wirewatch::extract::entities::lexicon::Lexicon;
use wirewatch::extract::entities::model::Model;
use wirewatch::extract::entities::{ModelRef, recognize};

/// Passes over the articles; the best one is reported.
const PASSES: usize = 5;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/bbc");
    let Ok(cats) = std::fs::read_dir(&root) else {
        eprintln!("skipped: {} not found", root.display());
        return;
    };
    let mut paths = Vec::new();
    for c in cats.flatten() {
        if let Ok(files) = std::fs::read_dir(c.path()) {
            paths.extend(
                files
                    .flatten()
                    .map(|f| f.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    paths.sort();
    let docs: Vec<_> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| document::read(&b, None).ok())
        .collect();
    let words: usize = docs.iter().map(|d| d.body.split_whitespace().count()).sum();
    let Some(model) = Model::embedded() else {
        eprintln!("skipped: this build carries no entity model");
        return;
    };
    let lex = Lexicon::embedded();
    let gaz = Gazetteer::embedded();
    let mut w = ModelRef(model);
    let mut best = f64::MAX;
    let mut mentions = 0;
    for _ in 0..PASSES {
        let t = Instant::now();
        mentions = 0;
        for d in &docs {
            let (_, m) = recognize(&mut w, &d.body, &d.sentences, lex, gaz);
            mentions += m.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "ner: {} articles, {} words, {} mentions; best of {PASSES}: {:.3}s, {:.0} words/s on one core",
        docs.len(),
        words,
        mentions,
        best,
        words as f64 / best
    );
}
