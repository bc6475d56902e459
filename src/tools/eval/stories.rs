//! `wirewatch eval stories DIR`: story grouping against article pairs
//! labelled same-story or not, on the layout of the news story chains
//! benchmark (DIR, or a folder in it, holds `…article_texts.csv` — url,
//! title, date, text, … — and a `;`-separated pairs file with `url1`,
//! `url2` and `relation` 0/1).
//!
//! Each article (title, blank line, text) goes through the whole
//! extraction with its date as reference date, then into the story
//! grouping with the given settings, in order of date (then of the file).
//! Reported: pairwise precision, recall and F1 over the labelled pairs,
//! and BCubed F1 against the gold groups (the connected components of the
//! positive pairs); beside them, a plain TF-IDF cosine grouping of the
//! same articles (each joins the group of its most similar earlier
//! article above a threshold) at several thresholds, and the copies the
//! near-duplicate check confirms among all pairs; with `--pairs`, every
//! labelled pair the grouping gets wrong.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;

use crate::article::{self, SourceMeta};
use crate::extract::keywords::{is_stop, stem::stem};
use crate::record::Format;
use crate::stories::assign::{Settings, assign};
use crate::stories::features::{Article, TermKind};
use crate::stories::fingerprint;
use crate::stories::store::{MemoryStore, StoryId};

/// One benchmark article.
struct Item {
    url: String,
    date: Option<NaiveDate>,
    text: String,
}

/// Shared terms shown per wrong pair at most (the heaviest first).
const SHARED_SHOWN: usize = 12;

/// The report of `eval stories` on `dir` with `settings`; with `list_wrong`,
/// followed by every labelled pair the grouping gets wrong.
pub fn run(dir: &Path, settings: &Settings, list_wrong: bool) -> anyhow::Result<String> {
    let (texts, pairs) = find_files(dir)?;
    let mut items = read_articles(&texts)?;
    // Stable sort: equal dates keep the file's order.
    items.sort_by_key(|i| i.date);
    let index: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.url.as_str(), i))
        .collect();
    let labels = read_pairs(&pairs, &index)?;
    let gold = components(items.len(), &labels);

    let mut articles = Vec::with_capacity(items.len());
    let mut bodies = Vec::with_capacity(items.len());
    for it in &items {
        let bytes = it.text.as_bytes();
        let meta = SourceMeta {
            path: it.url.clone(),
            bytes: bytes.len() as u64,
            content_hash: crate::identity::content_hash(bytes),
            modified_at: None,
            revision: 1,
            reference_date: it.date,
        };
        let record = article::analyze(bytes, Some(Format::Text), meta, &Default::default())
            .with_context(|| format!("cannot read the article {}", it.url))?
            .record;
        let fallback = it.date.unwrap_or_default();
        articles.push(Article::from_record(&record, fallback));
        bodies.push(record.text.body);
    }
    let ours = group(&articles, settings);
    let mut out = String::new();
    let positives = labels.iter().filter(|l| l.2).count();
    let _ = writeln!(
        out,
        "{} articles, {} labelled pairs ({} same story), {} gold stories",
        items.len(),
        labels.len(),
        positives,
        gold.iter().max().map_or(0, |m| m + 1)
    );
    let _ = writeln!(
        out,
        "method                        P      R      F1     BCubed-F1  stories"
    );
    let line = |out: &mut String, name: &str, pred: &[usize]| {
        let (p, r, f) = pairwise(pred, &labels);
        let b = bcubed(pred, &gold);
        let n = pred.iter().max().map_or(0, |m| m + 1);
        let _ = writeln!(out, "{name:<29} {p:.3}  {r:.3}  {f:.3}  {b:.3}      {n}");
    };
    line(
        &mut out,
        &format!(
            "stories (window {} d, min {})",
            settings.window_days, settings.min_similarity
        ),
        &ours,
    );
    let tfidf = TfIdf::new(&bodies);
    for t in [0.2, 0.3, 0.4, 0.5, 0.6] {
        line(&mut out, &format!("tf-idf cosine >= {t}"), &tfidf.group(t));
    }
    let _ = writeln!(out, "\nsensitivity (not the shipped setting):");
    for m in [0.1, 0.15, 0.2, 0.3, 0.4] {
        let s = Settings {
            min_similarity: m,
            ..*settings
        };
        line(&mut out, &format!("stories min {m}"), &group(&articles, &s));
    }
    let profiles: Vec<fingerprint::Profile> =
        bodies.iter().map(|b| fingerprint::Profile::of(b)).collect();
    let mut copies = 0;
    for (i, a) in profiles.iter().enumerate() {
        for b in profiles.iter().skip(i + 1) {
            if a.overlap(b).is_copy() {
                copies += 1;
            }
        }
    }
    let _ = writeln!(out, "\nnear-duplicate pairs confirmed: {copies}");
    if list_wrong {
        out.push_str(&wrong_pairs(&articles, &ours, &labels, &tfidf));
    }
    Ok(out)
}

/// The kind of a shared term, as `--pairs` prints it.
fn kind_word(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Name => "name",
        TermKind::Place => "place",
        TermKind::Keyword => "keyword",
        TermKind::Title => "title",
    }
}

/// Each labelled pair the grouping `pred` gets wrong, in the pairs file's
/// order: `split` (the same story, two stories) or `joined` (different
/// stories, one), with the days between the two articles, their TF-IDF
/// cosine, their titles and the terms they share (kind and text, the
/// heaviest of the later one first). What a person tuning the window or
/// the least similarity on their own labelled pairs reads first.
fn wrong_pairs(
    articles: &[Article],
    pred: &[usize],
    labels: &[(usize, usize, bool)],
    tfidf: &TfIdf,
) -> String {
    let mut out = String::from("\npairs the grouping gets wrong:\n");
    let mut wrong = 0;
    for &(a, b, same) in labels {
        if same == (pred[a] == pred[b]) {
            continue;
        }
        wrong += 1;
        let (x, y) = (&articles[a], &articles[b]);
        let keys: std::collections::HashSet<u64> = x.terms.iter().map(|t| t.key).collect();
        let shared: Vec<String> = y
            .terms
            .iter()
            .filter(|t| keys.contains(&t.key))
            .take(SHARED_SHOWN)
            .map(|t| format!("{} {}", kind_word(t.kind), t.text))
            .collect();
        let title = |a: &Article| a.title.clone().unwrap_or_else(|| a.path.clone());
        let _ = writeln!(
            out,
            "{} days {} cosine {:.2} | {} | {}\n  shared: {}",
            if same { "split " } else { "joined" },
            (y.day - x.day).num_days().abs(),
            tfidf.cosine(a, b),
            title(x),
            title(y),
            if shared.is_empty() {
                "-".to_string()
            } else {
                shared.join(", ")
            }
        );
    }
    let _ = writeln!(out, "{wrong} of {} labelled pairs", labels.len());
    out
}

/// The story of each article, as story ids 0, 1, … in order of creation.
fn group(articles: &[Article], settings: &Settings) -> Vec<usize> {
    let mut store = MemoryStore::new(settings);
    let mut numbers: HashMap<StoryId, usize> = HashMap::new();
    articles
        .iter()
        .map(|a| {
            let story = assign(&mut store, a, settings).story;
            let next = numbers.len();
            *numbers.entry(story).or_insert(next)
        })
        .collect()
}

/// The articles file and the pairs file in `dir` or a folder of it.
fn find_files(dir: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let mut csvs = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(d) = folders.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                folders.push(p);
            } else if p.extension().is_some_and(|x| x == "csv") {
                csvs.push(p);
            }
        }
    }
    csvs.sort();
    let texts = csvs
        .iter()
        .find(|p| p.to_string_lossy().ends_with("article_texts.csv"))
        .with_context(|| format!("no …article_texts.csv under {}", dir.display()))?
        .clone();
    let pairs = csvs
        .iter()
        .find(|p| **p != texts)
        .with_context(|| format!("no pairs file under {}", dir.display()))?
        .clone();
    Ok((texts, pairs))
}

fn read_articles(path: &Path) -> anyhow::Result<Vec<Item>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .with_context(|| format!("{}: no column {name}", path.display()))
    };
    let (url, title, date, text) = (col("url")?, col("title")?, col("date")?, col("text")?);
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("bad row in {}", path.display()))?;
        let get = |i: usize| row.get(i).unwrap_or_default();
        out.push(Item {
            url: get(url).to_string(),
            date: get(date)
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            text: format!("{}\n\n{}\n", get(title).trim(), get(text).trim()),
        });
    }
    Ok(out)
}

/// The labelled pairs as (article, article, same story).
fn read_pairs(
    path: &Path,
    index: &HashMap<&str, usize>,
) -> anyhow::Result<Vec<(usize, usize, bool)>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .with_context(|| format!("{}: no column {name}", path.display()))
    };
    let (u1, u2, rel) = (col("url1")?, col("url2")?, col("relation")?);
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("bad row in {}", path.display()))?;
        let get = |i: usize| row.get(i).unwrap_or_default();
        let (Some(&a), Some(&b)) = (index.get(get(u1)), index.get(get(u2))) else {
            anyhow::bail!("{}: a pair names an unknown article", path.display());
        };
        out.push((a, b, get(rel).trim() == "1"));
    }
    Ok(out)
}

/// Gold group of each article: the connected components of the positive pairs.
fn components(n: usize, labels: &[(usize, usize, bool)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for &(a, b, same) in labels {
        if same {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut ids: HashMap<usize, usize> = HashMap::new();
    (0..n)
        .map(|i| {
            let r = root(&mut parent, i);
            let next = ids.len();
            *ids.entry(r).or_insert(next)
        })
        .collect()
}

/// Pairwise precision, recall and F1 of a grouping over the labelled pairs.
fn pairwise(pred: &[usize], labels: &[(usize, usize, bool)]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for &(a, b, same) in labels {
        match (pred[a] == pred[b], same) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => {}
        }
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// BCubed F1 of a grouping against the gold groups.
fn bcubed(pred: &[usize], gold: &[usize]) -> f64 {
    let n = pred.len();
    if n == 0 {
        return 0.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let same_pred = (0..n).filter(|&j| pred[j] == pred[i]).count() as f64;
        let same_gold = (0..n).filter(|&j| gold[j] == gold[i]).count() as f64;
        let both = (0..n)
            .filter(|&j| pred[j] == pred[i] && gold[j] == gold[i])
            .count() as f64;
        p += both / same_pred;
        r += both / same_gold;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The baseline: TF-IDF vectors of the stemmed content words, cosine.
struct TfIdf {
    vectors: Vec<HashMap<String, f64>>,
}

impl TfIdf {
    fn new(bodies: &[String]) -> TfIdf {
        let counts: Vec<HashMap<String, f64>> = bodies
            .iter()
            .map(|b| {
                let mut m = HashMap::new();
                for w in b.split(|c: char| !c.is_alphanumeric()) {
                    let lower = w.to_lowercase();
                    if lower.len() > 1 && !is_stop(&lower) {
                        *m.entry(stem(&lower)).or_insert(0.0) += 1.0;
                    }
                }
                m
            })
            .collect();
        let mut df: HashMap<&str, f64> = HashMap::new();
        for c in &counts {
            for k in c.keys() {
                *df.entry(k.as_str()).or_insert(0.0) += 1.0;
            }
        }
        let n = counts.len() as f64;
        let vectors = counts
            .iter()
            .map(|c| {
                let mut v: HashMap<String, f64> = c
                    .iter()
                    .map(|(k, tf)| (k.clone(), tf * (n / df[k.as_str()]).ln()))
                    .collect();
                let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
                if norm > 0.0 {
                    v.values_mut().for_each(|x| *x /= norm);
                }
                v
            })
            .collect();
        TfIdf { vectors }
    }

    fn cosine(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (&self.vectors[a], &self.vectors[b]);
        x.iter().filter_map(|(k, v)| y.get(k).map(|w| v * w)).sum()
    }

    /// Each article joins the group of its most similar earlier article
    /// when the cosine reaches `threshold`, else starts one.
    fn group(&self, threshold: f64) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut groups = 0;
        for i in 0..self.vectors.len() {
            let best = (0..i)
                .map(|j| (j, self.cosine(i, j)))
                .filter(|(_, c)| *c >= threshold)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            match best {
                Some((j, _)) => out.push(out[j]),
                None => {
                    out.push(groups);
                    groups += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_and_bcubed_on_a_small_case() {
        let labels = [(0, 1, true), (0, 2, false), (1, 2, false)];
        let gold = components(3, &labels);
        assert_eq!(gold, [0, 0, 1]);
        assert_eq!(pairwise(&[0, 0, 1], &labels), (1.0, 1.0, 1.0));
        assert_eq!(bcubed(&[0, 0, 1], &gold), 1.0);
        let (p, r, _) = pairwise(&[0, 0, 0], &labels);
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && r == 1.0);
        assert_eq!(pairwise(&[0, 1, 2], &labels), (0.0, 0.0, 0.0));
    }
}
