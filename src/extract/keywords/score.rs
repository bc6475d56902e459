//! Keyword scores: how likely a reader is to pick the candidate as a
//! keyword of the article, from what it is and where it stands — a
//! logistic model over a dozen features (how often it occurs, whether the
//! headline holds it, how early it first comes and how far it spreads, how
//! rare its words are in news, whether it is a name, a phrase, or written
//! in lowercase). The weights were fitted on readers' keyphrases of news
//! stories (500N-KPCrowd, the half the project has), with five-fold
//! cross-validation to check they carry to articles they were not fitted
//! on (see the README); the best candidate first, one per key.

use super::Keyword;
use super::background::Background;
use super::candidates::{Candidate, Place};

/// The model's weights, feature by feature (see [`features`]), and its bias.
const WEIGHTS: [f64; 12] = [
    0.6786,  // ln(1 + occurrences in the body)
    0.9202,  // in the headline
    0.4298,  // 1 / (1 + index of the first sentence holding it)
    -0.1230, // mean rarity (idf) of its words
    0.1240,  // rarity of its commonest word
    -0.9037, // two words
    -1.6583, // three words
    0.5981,  // a name the recognizer found
    0.4432,  // share of its uses written in lowercase
    -0.2934, // first sentence holding it, over the sentences
    0.0099,  // ln(1 + occurrences) × mean rarity
    0.3195,  // sentences between its first and last use, over the sentences
];
const BIAS: f64 = -2.2802;

/// The best `limit` candidates of an article of `sentences` sentences,
/// scored and scaled so the best is 1.
pub(super) fn rank(found: Vec<Candidate>, sentences: usize, limit: usize) -> Vec<Keyword> {
    let bg = Background::embedded();
    let mut scored: Vec<(f64, Candidate)> = found
        .into_iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| {
            let logit: f64 = features(&c, sentences, bg)
                .iter()
                .zip(WEIGHTS)
                .map(|(x, w)| x * w)
                .sum::<f64>()
                + BIAS;
            (1.0 / (1.0 + (-logit).exp()), c)
        })
        .collect();
    // Best first; equal scores by key, so the order never depends on hashing.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key)));
    scored.truncate(limit);
    let top = scored.first().map_or(1.0, |(s, _)| *s);
    scored
        .into_iter()
        .map(|(s, c)| Keyword {
            text: form(&c),
            score: round4(s / top),
            key: c.key,
        })
        .collect()
}

/// The model's features of a candidate, in the order of [`WEIGHTS`].
fn features(c: &Candidate, sentences: usize, bg: &Background) -> [f64; 12] {
    let body: Vec<usize> = c
        .places
        .iter()
        .filter_map(|p| match p {
            Place::Sentence(i) => Some(*i),
            Place::Title => None,
        })
        .collect();
    let first = body.iter().min().copied();
    let last = body.iter().max().copied().unwrap_or(0);
    let n = sentences.max(1) as f64;
    let ltf = (1.0 + body.len() as f64).ln();
    let idfs: Vec<f64> = c.key.split(' ').map(|s| bg.idf(s)).collect();
    let idf = idfs.iter().sum::<f64>() / idfs.len().max(1) as f64;
    let idf_min = idfs.iter().copied().fold(f64::INFINITY, f64::min);
    let uses: u32 = c.forms.values().sum();
    let lower: u32 = c
        .forms
        .iter()
        .filter(|(f, _)| f.chars().next().is_some_and(char::is_lowercase))
        .map(|(_, n)| *n)
        .sum();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    [
        ltf,
        flag(c.places.contains(&Place::Title)),
        first.map_or(0.0, |f| 1.0 / (1.0 + f as f64)),
        idf,
        if idf_min.is_finite() { idf_min } else { idf },
        flag(c.words == 2),
        flag(c.words == 3),
        flag(c.name),
        if uses > 0 {
            f64::from(lower) / f64::from(uses)
        } else {
            0.0
        },
        first.map_or(0.0, |f| f as f64 / n),
        ltf * idf,
        first.map_or(0.0, |f| (last - f) as f64 / n),
    ]
}

/// The form to show: the one the body uses most, ties to the first in
/// code-point order.
fn form(c: &Candidate) -> String {
    let mut forms: Vec<(&String, &u32)> = c.forms.iter().collect();
    forms.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    forms
        .first()
        .map_or_else(|| c.key.clone(), |(f, _)| (*f).clone())
}

/// Four decimals: enough to rank, stable across platforms.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}
