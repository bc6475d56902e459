//! `wirewatch train-keywords DIR`: fits the keyword model
//! (`data/keywords/model.tsv`) on readers' keyphrases in the layout of
//! 500N-KPCrowd (see `eval keyphrases`) and prints how well it ranks
//! articles it was not fitted on.
//!
//! Every candidate of every article, as the extractor sees it, is one
//! example, positive when the form a record would show equals a gold
//! keyphrase after stemming (the exact match of `eval keyphrases`). The
//! model is an L2-regularized logistic regression fitted by Newton's
//! method from zero: no randomness, so the same data gives the same
//! weights. First k-fold cross-validation (article `i` is in fold
//! `i mod k`; each fold ranked by a model fitted on the others) prints the
//! held-out figures; then the model fitted on every article is written,
//! its weights to four decimals.

use std::path::PathBuf;

use anyhow::Context as _;

use super::eval::keyphrases::{self, Labelled, Scored};
use crate::document;
use crate::extract::keywords::features::{COUNT, Vector};
use crate::extract::keywords::model::Model;
use crate::extract::keywords::{self, Example};
use crate::extract::{self, Settings};
use crate::record::Format;

/// The `train-keywords` arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// The dataset folder (docsutf8/ and keys/).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Folds of the cross-validation.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Where the model is written.
    #[arg(long, value_name = "FILE", default_value = "data/keywords/model.tsv")]
    pub out: PathBuf,
}

/// Strength of the L2 penalty on the weights (not the bias).
const L2: f64 = 1.0;
/// Newton steps at most; they stop once no weight moves by more than `TOLERANCE`.
const STEPS: usize = 50;
const TOLERANCE: f64 = 1e-9;
/// The comment atop the written table.
const HEADER: &str = "Keyword model: logistic weights of the candidate features (src/extract/keywords/features.rs).\n\
     Built by `wirewatch train-keywords ../shared/data/keyphrases/kpcrowd` (exact: rerun to rebuild).";
/// Keywords ranked per article, as `eval keyphrases` scores them.
const RANKED: usize = 10;

/// One article's candidates and which of them readers picked.
struct Article {
    examples: Vec<Example>,
    labels: Vec<bool>,
}

/// Fits, cross-validates, writes the model; returns the report.
pub fn run(o: &Options) -> anyhow::Result<String> {
    let folds = o.folds.max(2);
    let data = keyphrases::dataset(&o.dir)?;
    let articles: Vec<Article> = data.iter().map(article).collect();
    let mut held_out: Vec<Option<Scored>> = (0..data.len()).map(|_| None).collect();
    let mut fold_f = Vec::new();
    for k in 0..folds {
        let train: Vec<&Article> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, a)| a)
            .collect();
        let model = fit(&train);
        let mut scored = Vec::new();
        for (i, a) in articles.iter().enumerate().filter(|(i, _)| i % folds == k) {
            scored.push(data[i].scored(&ranked(a, &model)));
            held_out[i] = Some(data[i].scored(&ranked(a, &model)));
        }
        fold_f.push(f_at_10(&scored));
    }
    let held_out: Vec<Scored> = held_out.into_iter().flatten().collect();
    let all: Vec<&Article> = articles.iter().collect();
    let model = fit(&all);
    let whole: Vec<Scored> = articles
        .iter()
        .zip(&data)
        .map(|(a, d)| d.scored(&ranked(a, &model)))
        .collect();
    std::fs::write(&o.out, model.to_tsv(HEADER))
        .with_context(|| format!("cannot write {}", o.out.display()))?;
    let examples: usize = articles.iter().map(|a| a.labels.len()).sum();
    let positive: usize = articles
        .iter()
        .map(|a| a.labels.iter().filter(|l| **l).count())
        .sum();
    let folds_text: Vec<String> = fold_f.iter().map(|f| format!("{f:.3}")).collect();
    Ok(format!(
        "{} articles, {examples} candidates ({positive} picked by readers); wrote {}\n\n\
         {folds}-fold cross-validation (each fold ranked by a model fitted on the others; \
         exact F@10 by fold {}):\n{}\n\
         fitted on every article (the model written):\n{}",
        data.len(),
        o.out.display(),
        folds_text.join(" "),
        keyphrases::report(&held_out),
        keyphrases::report(&whole),
    ))
}

/// The candidates of one article, labelled.
fn article(d: &Labelled) -> Article {
    let Ok(doc) = document::read(&d.bytes, Some(Format::Text)) else {
        return Article {
            examples: Vec::new(),
            labels: Vec::new(),
        };
    };
    let facts = extract::extract(&doc, &Settings::default());
    let examples = keywords::examples(
        doc.title.as_deref(),
        &doc.body,
        &doc.sentences,
        &facts.entities,
    );
    let labels = examples
        .iter()
        .map(|e| d.gold.contains(&keyphrases::words(&e.text)))
        .collect();
    Article { examples, labels }
}

/// The forms of the article's best candidates by `model`, best first, as
/// the extractor ranks them (ties by key).
fn ranked(a: &Article, model: &Model) -> Vec<String> {
    let mut scored: Vec<(f64, &Example)> = a
        .examples
        .iter()
        .map(|e| (model.probability(&e.features), e))
        .collect();
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| x.1.key.split(' ').cmp(y.1.key.split(' ')))
    });
    scored
        .into_iter()
        .take(RANKED)
        .map(|(_, e)| e.text.clone())
        .collect()
}

/// Mean exact F@10 of `scored` articles.
fn f_at_10(scored: &[Scored]) -> f64 {
    let mut sum = 0.0;
    for s in scored {
        let top = &s.predicted[..RANKED.min(s.predicted.len())];
        let tp = top.iter().filter(|p| s.gold.contains(p)).count() as f64;
        let p = if top.is_empty() {
            0.0
        } else {
            tp / top.len() as f64
        };
        let r = tp / s.gold.len().max(1) as f64;
        sum += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
    sum / scored.len().max(1) as f64
}

/// The logistic model of `articles`' examples, weights rounded to four
/// decimals (as the table stores them).
fn fit(articles: &[&Article]) -> Model {
    const D: usize = COUNT + 1;
    let rows = || {
        articles
            .iter()
            .flat_map(|a| a.examples.iter().zip(&a.labels))
            .map(|(e, &y)| (&e.features, if y { 1.0 } else { 0.0 }))
    };
    let x_of = |f: &Vector| {
        let mut x = [1.0; D];
        x[1..].copy_from_slice(f);
        x
    };
    let mut w = [0.0; D];
    for _ in 0..STEPS {
        let mut grad = [0.0; D];
        let mut hess = [[0.0; D]; D];
        for (f, y) in rows() {
            let x = x_of(f);
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let s = p * (1.0 - p);
            for i in 0..D {
                grad[i] += (p - y) * x[i];
                for j in 0..=i {
                    hess[i][j] += s * x[i] * x[j];
                }
            }
        }
        for i in 1..D {
            let row = hess[i];
            for (j, v) in row.iter().enumerate().take(i) {
                hess[j][i] = *v;
            }
            grad[i] += L2 * w[i];
            hess[i][i] += L2;
        }
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let mut moved: f64 = 0.0;
        for i in 0..D {
            w[i] -= step[i];
            moved = moved.max(step[i].abs());
        }
        if moved < TOLERANCE {
            break;
        }
    }
    let round = |v: f64| (v * 1e4).round() / 1e4 + 0.0;
    let mut weights = [0.0; COUNT];
    for (o, v) in weights.iter_mut().zip(&w[1..]) {
        *o = round(*v);
    }
    Model {
        bias: round(w[0]),
        weights,
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; none
/// when `a` is singular.
fn solve<const D: usize>(mut a: [[f64; D]; D], mut b: [f64; D]) -> Option<[f64; D]> {
    for col in 0..D {
        let pivot = (col..D).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..D {
            let factor = a[row][col] / a[col][col];
            let pivot_row = a[col];
            for (x, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= factor * p;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0; D];
    for row in (0..D).rev() {
        let rest: f64 = (row + 1..D).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]).expect("regular");
        assert!(
            (x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12,
            "{x:?}"
        );
        assert!(solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0]).is_none());
    }
}
