//! Upkeep of the fact ledger at scale: a ledger holding the observations of
//! 100 000 articles (8 figures each, keys drawn from a vocabulary of 4 000
//! measures, 600 entities, five kinds and ten years), then the time to add
//! one more article's figures (a key lookup and a period check each),
//! measured over batches of 200 articles; prints the min and median per
//! article, and the time to list every entry (a full rebuild's output).
//!
//! Then the same through the index: an SQLite index (in a temp folder)
//! filled with the same articles in batches of 256, as the writer writes
//! them, then the time to write one more batch of 200 articles (articles
//! upserted, their observations filed, the entries of every key they touch
//! judged anew), per article, min and median of the batches.
//!
//! Run: `cargo bench --bench ledger` (`LEDGER_ARTICLES=N` for another size;
//! `LEDGER_INDEX=0` skips the index part).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench stops at the failing line

use std::time::Instant;

use chrono::NaiveDate;
use wirewatch::BenchIndex;
use wirewatch::facts::{EntryKey, Ledger, Observation, Span};

const FIGURES_PER_ARTICLE: usize = 8;
const BATCH: usize = 200;
const BATCHES: usize = 15;
/// Articles per transaction while filling the index (the writer's batch).
const FILL_BATCH: usize = 256;
const KINDS: [&str; 5] = ["share", "amount", "change", "count", "rate"];
const UNITS: [&str; 4] = ["%", "USD", "GBP", "count"];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn article(rng: &mut Rng, n: usize) -> Vec<Observation> {
    let path = format!("news/{n:06}.txt");
    let published = NaiveDate::from_ymd_opt(2015 + (n % 10) as i32, 6, 1);
    (0..FIGURES_PER_ARTICLE)
        .map(|i| {
            let measure = format!("measure{}", rng.below(4_000));
            let entity = format!("country:{}", rng.below(600));
            let kind = KINDS[rng.below(5) as usize];
            let unit = UNITS[rng.below(4) as usize];
            let key = EntryKey::new(kind, &measure, None, unit, &entity);
            let period = (rng.below(4) > 0).then(|| {
                let y = 2014 + rng.below(10) as i32;
                Span::parse(&format!("{y}-01-01"), &format!("{y}-12-31")).unwrap()
            });
            let value = rng.below(10_000) as f64 / 10.0;
            Observation::new(key, value, period, published, &path, i * 40)
        })
        .collect()
}

fn main() {
    let articles: usize = std::env::var("LEDGER_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ledger = Ledger::new();
    let started = Instant::now();
    for n in 0..articles {
        for o in article(&mut rng, n) {
            ledger.add(o);
        }
    }
    let fill = started.elapsed().as_secs_f64();
    println!(
        "filled: {articles} articles, {} observations, {} entries in {fill:.2} s",
        articles * FIGURES_PER_ARTICLE,
        ledger.len()
    );
    let mut per_article = Vec::new();
    for b in 0..BATCHES {
        let batch: Vec<Vec<Observation>> = (0..BATCH)
            .map(|k| article(&mut rng, articles + b * BATCH + k))
            .collect();
        let started = Instant::now();
        for obs in batch {
            for o in obs {
                ledger.add(o);
            }
        }
        per_article.push(started.elapsed().as_secs_f64() / BATCH as f64);
    }
    per_article.sort_by(f64::total_cmp);
    println!(
        "upkeep per article at {articles} articles ({FIGURES_PER_ARTICLE} figures): min {:.1} µs, median {:.1} µs (target ≤ 2 ms)",
        per_article[0] * 1e6,
        per_article[per_article.len() / 2] * 1e6
    );
    let started = Instant::now();
    let entries = ledger.entries();
    println!(
        "all {} entries judged and sorted in {:.2} s",
        entries.len(),
        started.elapsed().as_secs_f64()
    );
    if std::env::var("LEDGER_INDEX").is_ok_and(|v| v == "0") {
        return;
    }
    through_the_index(articles);
}

/// The upkeep through an SQLite index of `articles` articles.
fn through_the_index(articles: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut index = BenchIndex::open(&dir.path().join("index.sqlite")).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let named = |rng: &mut Rng, n: usize| (format!("news/{n:06}.txt"), article(rng, n));
    let started = Instant::now();
    let mut n = 0;
    while n < articles {
        let batch: Vec<_> = (n..(n + FILL_BATCH).min(articles))
            .map(|k| named(&mut rng, k))
            .collect();
        n += batch.len();
        index.write(batch).unwrap();
    }
    println!(
        "index filled: {articles} articles in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut per_article = Vec::new();
    for b in 0..BATCHES {
        let batch: Vec<_> = (0..BATCH)
            .map(|k| named(&mut rng, articles + b * BATCH + k))
            .collect();
        let started = Instant::now();
        index.write(batch).unwrap();
        per_article.push(started.elapsed().as_secs_f64() / BATCH as f64);
    }
    per_article.sort_by(f64::total_cmp);
    println!(
        "index upkeep per article at {articles} articles (SQLite, batches of {BATCH}): min {:.3} ms, median {:.3} ms (target ≤ 2 ms)",
        per_article[0] * 1e3,
        per_article[per_article.len() / 2] * 1e3
    );
}
