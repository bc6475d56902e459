//! `wirewatch eval keyphrases DIR`: keywords against readers' keyphrases,
//! on the layout of 500N-KPCrowd (`DIR/docsutf8/<name>.txt`, one article a
//! file, and `DIR/keys/<name>.key`, one gold keyphrase a line).
//!
//! Each article goes through the whole extraction (as the daemon reads
//! it, with up to 10 keywords). Phrases are compared after lower-casing,
//! cutting into words as the extractor does, and stemming each word (the
//! Snowball English stemmer, Porter's second algorithm). P, R and F at
//! k are per-article figures averaged over articles (macro), with P over
//! the first k predictions and R over all gold phrases; "exact" counts a
//! prediction equal to a gold phrase, "partial" one that holds a gold
//! phrase or is held by one (as word sequences), and R then counts the
//! gold phrases so matched.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;

use crate::article::{self, SourceMeta};
use crate::extract::entities::tokens::tokenize;
use crate::extract::keywords::stem::stem;
use crate::record::Format;

/// Predictions scored.
const K: [usize; 2] = [5, 10];

/// One article's gold and predicted phrases, as stemmed word lists.
pub(crate) struct Scored {
    /// The article's category (its file name up to the first `-`).
    pub category: String,
    pub gold: Vec<Vec<String>>,
    pub predicted: Vec<Vec<String>>,
}

/// One article of the dataset and its gold keyphrases.
pub(crate) struct Labelled {
    /// File name without `.txt`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Gold phrases as stemmed word lists, sorted, each once.
    pub gold: Vec<Vec<String>>,
}

/// The articles of the dataset in `dir`, by file name.
pub(crate) fn dataset(dir: &Path) -> anyhow::Result<Vec<Labelled>> {
    let docs_dir = dir.join("docsutf8");
    let keys_dir = dir.join("keys");
    let mut names: Vec<String> = std::fs::read_dir(&docs_dir)
        .with_context(|| format!("cannot read {}", docs_dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    if names.is_empty() {
        anyhow::bail!("no .txt files in {}", docs_dir.display());
    }
    let mut out = Vec::new();
    for name in names {
        let stem_name = name.trim_end_matches(".txt").to_string();
        let path = docs_dir.join(&name);
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let key_path = keys_dir.join(format!("{stem_name}.key"));
        let keys = std::fs::read(&key_path)
            .with_context(|| format!("cannot read {}", key_path.display()))?;
        let keys = String::from_utf8_lossy(&keys);
        let mut gold: Vec<Vec<String>> =
            keys.lines().map(words).filter(|w| !w.is_empty()).collect();
        gold.sort();
        gold.dedup();
        out.push(Labelled {
            name: stem_name,
            bytes,
            gold,
        });
    }
    Ok(out)
}

impl Labelled {
    /// Scores `predicted` phrases (best first) against this article's gold.
    pub(crate) fn scored(&self, predicted: &[String]) -> Scored {
        Scored {
            category: self.name.split('-').next().unwrap_or_default().to_string(),
            gold: self.gold.clone(),
            predicted: predicted.iter().map(|p| words(p)).collect(),
        }
    }
}

/// Figures summed over articles.
#[derive(Default, Clone, Copy)]
struct Sums {
    p: f64,
    r: f64,
    f: f64,
    n: usize,
}

impl Sums {
    fn add(&mut self, p: f64, r: f64) {
        self.p += p;
        self.r += r;
        self.f += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        self.n += 1;
    }

    fn mean(&self) -> (f64, f64, f64) {
        let n = self.n.max(1) as f64;
        (self.p / n, self.r / n, self.f / n)
    }
}

/// The report of `eval keyphrases` on `dir`.
pub fn run(dir: &Path) -> anyhow::Result<String> {
    let settings = crate::extract::Settings {
        keywords: K[K.len() - 1],
    };
    let mut scored = Vec::new();
    for doc in dataset(dir)? {
        let meta = SourceMeta {
            path: format!("{}.txt", doc.name),
            bytes: doc.bytes.len() as u64,
            content_hash: crate::identity::content_hash(&doc.bytes),
            modified_at: None,
            revision: 1,
            reference_date: None,
        };
        let predicted: Vec<String> =
            match article::analyze(&doc.bytes, Some(Format::Text), meta, &settings) {
                Ok(a) => a.record.keywords.into_iter().map(|k| k.text).collect(),
                Err(_) => Vec::new(),
            };
        scored.push(doc.scored(&predicted));
    }
    Ok(report(&scored))
}

/// A phrase as lowercase stemmed words, cut as the extractor cuts them
/// (possessive endings and punctuation dropped).
pub(crate) fn words(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0)
        .into_iter()
        .map(|r| &phrase[r])
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .filter(|w| !matches!(*w, "'s" | "’s" | "'S" | "’S"))
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

/// Whether `a` holds `b` as a contiguous word sequence.
fn holds(a: &[String], b: &[String]) -> bool {
    !b.is_empty() && a.windows(b.len()).any(|w| w == b)
}

/// The figures of `scored` articles: P, R and F at 5 and 10, exact and
/// partial, and exact F@10 by category.
pub(crate) fn report(scored: &[Scored]) -> String {
    let mut exact = [Sums::default(); 2];
    let mut partial = [Sums::default(); 2];
    let mut by_category: BTreeMap<&str, Sums> = BTreeMap::new();
    for s in scored {
        for (i, &k) in K.iter().enumerate() {
            let top = &s.predicted[..k.min(s.predicted.len())];
            let gold_n = s.gold.len().max(1) as f64;
            let tp = top.iter().filter(|p| s.gold.contains(p)).count() as f64;
            let p = if top.is_empty() {
                0.0
            } else {
                tp / top.len() as f64
            };
            exact[i].add(p, tp / gold_n);
            if k == 10 {
                by_category
                    .entry(&s.category)
                    .or_default()
                    .add(p, tp / gold_n);
            }
            let matches = |a: &Vec<String>, b: &Vec<String>| holds(a, b) || holds(b, a);
            let tp_p = top
                .iter()
                .filter(|p| s.gold.iter().any(|g| matches(p, g)))
                .count() as f64;
            let tp_r = s
                .gold
                .iter()
                .filter(|g| top.iter().any(|p| matches(p, g)))
                .count() as f64;
            let p = if top.is_empty() {
                0.0
            } else {
                tp_p / top.len() as f64
            };
            partial[i].add(p, tp_r / gold_n);
        }
    }
    let mut out = String::new();
    let gold: usize = scored.iter().map(|s| s.gold.len()).sum();
    let _ = writeln!(
        out,
        "{} articles, {} gold keyphrases ({:.1} per article)",
        scored.len(),
        gold,
        gold as f64 / scored.len().max(1) as f64
    );
    let _ = writeln!(out, "match    k   P      R      F");
    for (name, sums) in [("exact", &exact), ("partial", &partial)] {
        for (i, k) in K.iter().enumerate() {
            let (p, r, f) = sums[i].mean();
            let _ = writeln!(out, "{name:<8} {k:<3} {p:.3}  {r:.3}  {f:.3}");
        }
    }
    let _ = writeln!(out, "\nexact F@10 by category");
    for (c, s) in &by_category {
        let _ = writeln!(out, "  {c:<16} {:.3}  ({} articles)", s.mean().2, s.n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_compare_stemmed() {
        assert_eq!(words("Qwest's acquisitions"), ["qwest", "acquisit"]);
        assert!(holds(
            &words("rail freight merger"),
            &words("freight mergers")
        ));
        assert!(!holds(&words("rail"), &words("rail freight")));
    }
}
