//! Keywords, fingerprints and story assignment, on one core.
//!
//! 1. Their cost per article: the BBC articles in ../shared/data/news/bbc
//!    are read into documents first (not timed), then every extractor runs
//!    on each plus the near-duplicate sketch, and the keywords and the
//!    sketch alone on the same facts; beside it, the whole per-article
//!    time (bytes to record). Target: at most 10 % of the per-article time.
//! 2. Story assignment with 100 000 articles in the store: synthetic
//!    articles (names, places, keywords and title words drawn from skewed
//!    vocabularies, a third of them following up a recent story, a year of
//!    dates) are assigned one after another; the last 10 000 are timed one
//!    by one. Prints min, median and 99th percentile (target: ≤ 2 ms).
//! 3. The same through the index (an SQLite file in a temp folder): the
//!    story step of an index write places the same synthetic articles,
//!    256 per transaction as the writer does, and writes their rows in
//!    `stories` and `story_articles`; the last 10 000 are timed one
//!    transaction of 256 at a time (min and median per article), then 1 000
//!    one transaction each. Then the time a reopened index takes to read
//!    the grouping state back (what a restart costs once).
//!
//! Run: `taskset -c 0 cargo bench --bench stories`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::time::Instant;

use chrono::NaiveDate;
use wirewatch::article::{self, SourceMeta};
use wirewatch::document;
use wirewatch::extract::keyword_share;
use wirewatch::index_bench::{Grouping, RowSet, Store, Target};
use wirewatch::stories::assign::{Settings, assign};
use wirewatch::stories::features::{Article, Term, TermKind, term_key};
use wirewatch::stories::store::MemoryStore;

/// Passes over the BBC articles; the best one is reported.
const PASSES: usize = 3;
/// Articles in the store when timing ends.
const ARTICLES: usize = 100_000;
/// Articles timed one by one, at the end.
const TIMED: usize = 10_000;

fn main() {
    share();
    assignment();
    through_the_index();
}

fn share() {
    let bytes = common::bbc_articles();
    let docs: Vec<_> = bytes
        .iter()
        .filter_map(|b| document::read(b, None).ok())
        .collect();
    if docs.is_empty() {
        eprintln!(
            "skipped: no articles under {}",
            common::bbc_root().display()
        );
        return;
    }
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..PASSES {
        let (all, alone) = keyword_share(&docs);
        if all < best.0 {
            best = (all, alone);
        }
    }
    let (whole, _) = common::best_of(PASSES, || {
        bytes
            .iter()
            .filter_map(|b| {
                let meta = SourceMeta {
                    path: "a.txt".into(),
                    bytes: b.len() as u64,
                    content_hash: String::new(),
                    modified_at: None,
                    revision: 1,
                    reference_date: None,
                };
                article::analyze(b, None, meta, &Default::default()).ok()
            })
            .count()
    });
    let n = docs.len() as f64;
    let (all, alone) = best;
    println!(
        "keywords+fingerprint: {} articles; best of {PASSES}: whole article {:.1} µs, extraction {:.1} µs, keywords and sketch alone {:.1} µs: {:.1} % of the article (target ≤ 10 %)",
        docs.len(),
        1e6 * whole / bytes.len() as f64,
        1e6 * all / n,
        1e6 * alone / n,
        100.0 * (alone / n) / (whole / bytes.len() as f64)
    );
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A skewed draw in 0..n: small values far more often (Zipf-like).
    fn skewed(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as u64 % n
    }
}

fn term(kind: TermKind, prefix: &str, i: u64, weight: f64) -> Term {
    let text = format!("{prefix}{i}");
    Term {
        key: term_key(kind, &text),
        kind,
        text,
        weight,
    }
}

fn synthetic(rng: &mut Rng, i: usize, recent: &[Vec<Term>]) -> Article {
    let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        + chrono::Days::new((i * 365 / ARTICLES) as u64);
    let mut terms = Vec::new();
    if !recent.is_empty() && rng.next().is_multiple_of(3) {
        let earlier = &recent[(rng.next() % recent.len() as u64) as usize];
        terms.extend(earlier.iter().take(6).cloned());
    }
    for _ in 0..8 {
        terms.push(term(TermKind::Name, "name", rng.skewed(200_000), 1.5));
    }
    for _ in 0..3 {
        terms.push(term(TermKind::Place, "place", rng.skewed(2_000), 0.5));
    }
    for _ in 0..10 {
        terms.push(term(TermKind::Keyword, "kw", rng.skewed(50_000), 0.7));
    }
    for _ in 0..6 {
        terms.push(term(TermKind::Title, "tw", rng.skewed(50_000), 0.6));
    }
    terms.sort_by_key(|t| t.key);
    terms.dedup_by_key(|t| t.key);
    Article {
        id: format!("{i:032x}"),
        path: format!("{i}.txt"),
        title: None,
        published: Some(day),
        day,
        source: None,
        terms,
        sketch: None,
    }
}

fn assignment() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let settings = Settings::default();
    let mut store = MemoryStore::new(&settings);
    let mut recent: Vec<Vec<Term>> = Vec::new();
    let mut times = Vec::with_capacity(TIMED);
    let mut joined = 0usize;
    for i in 0..ARTICLES {
        let a = synthetic(&mut rng, i, &recent);
        recent.push(a.terms.clone());
        if recent.len() > 500 {
            recent.remove(0);
        }
        let started = Instant::now();
        let placed = assign(&mut store, &a, &settings);
        if i >= ARTICLES - TIMED {
            times.push(started.elapsed().as_secs_f64());
        }
        joined += usize::from(!placed.started);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| 1e3 * times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "story assignment: {ARTICLES} articles ({} stories, {} open at the end, {joined} joined one); last {TIMED} one by one: min {:.3} ms, median {:.3} ms, p99 {:.3} ms (target ≤ 2 ms)",
        store.stories().len(),
        store.open().len(),
        at(0.0),
        at(0.5),
        at(0.99)
    );
}

/// Articles placed per transaction, as the index writer batches them.
const BATCH: usize = 256;
/// Articles placed one transaction each, at the very end.
const SINGLE: usize = 1_000;

fn through_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let target = Target::Sqlite(dir.path().join("bench.sqlite"));
    let mut store = Store::writer(&target, &Settings::default()).unwrap();
    let mut grouping = Grouping::new(Settings::default());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut recent: Vec<Vec<Term>> = Vec::new();
    let now = "2025-01-01T00:00:00Z";
    let mut batched = Vec::new();
    let mut single = Vec::new();
    let total = ARTICLES + SINGLE;
    let mut i = 0;
    while i < total {
        let n = if i >= ARTICLES {
            1
        } else {
            BATCH.min(ARTICLES - i)
        };
        let sets: Vec<RowSet> = (i..i + n)
            .map(|k| {
                let a = synthetic(&mut rng, k.min(ARTICLES - 1), &recent);
                recent.push(a.terms.clone());
                if recent.len() > 500 {
                    recent.remove(0);
                }
                RowSet {
                    path: a.path.clone(),
                    article: Vec::new(),
                    children: Vec::new(),
                    story: Article {
                        id: format!("{k:032x}"),
                        ..a
                    },
                    ledger: Vec::new(),
                }
            })
            .collect();
        let refs: Vec<&RowSet> = sets.iter().collect();
        let started = Instant::now();
        store
            .db()
            .transaction(|tx| grouping.place(tx, &refs, now))
            .unwrap();
        let per_article = started.elapsed().as_secs_f64() / n as f64;
        if i >= ARTICLES {
            single.push(per_article);
        } else if i >= ARTICLES - TIMED {
            batched.push(per_article);
        }
        i += n;
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (1e3 * v[0], 1e3 * v[v.len() / 2])
    };
    let (bmin, bmed) = stats(&mut batched);
    let (smin, smed) = stats(&mut single);
    let started = Instant::now();
    let mut reopened = Store::writer(&target, &Settings::default()).unwrap();
    let mut fresh = Grouping::new(Settings::default());
    reopened
        .db()
        .transaction(|tx| fresh.place(tx, &[], now))
        .unwrap();
    let reload = started.elapsed().as_secs_f64();
    println!(
        "story assignment through the SQLite index at {ARTICLES} articles: last {TIMED} in transactions of {BATCH}: min {bmin:.3} ms, median {bmed:.3} ms per article; then {SINGLE} one transaction each: min {smin:.3} ms, median {smed:.3} ms (target ≤ 2 ms); a reopened index reads the state back in {reload:.1} s"
    );
}
