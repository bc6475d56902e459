//! Keyword scores: how likely a reader is to pick each candidate as a
//! keyword of the article ([`Model`] over its [`features`](super::features)),
//! the best first, one per key, scaled so the best is 1.

use std::cmp::Ordering;

use super::Keyword;
use super::candidates::{Candidate, Found};
use super::features::Features;
#[cfg(feature = "tools")]
use super::features::Vector;
use super::model::Model;

/// A candidate that can be ranked: it occurs in the body or the headline.
fn occurs(c: &Candidate<'_>) -> bool {
    c.occurrences() > 0 || c.in_title
}

/// Each rankable candidate of `found` (an article of `sentences` body
/// sentences) with its features.
#[cfg(feature = "tools")]
pub(super) fn featured<'f, 'a>(
    found: &'f Found<'a>,
    sentences: usize,
) -> Vec<(&'f Candidate<'a>, Vector)> {
    let features = Features::new(&found.list, &found.lexicon, sentences);
    found
        .list
        .iter()
        .filter(|c| occurs(c))
        .map(|c| (c, features.of(c)))
        .collect()
}

/// The best `limit` candidates of `found` by `model`.
pub(super) fn rank(
    found: &Found<'_>,
    sentences: usize,
    limit: usize,
    model: &Model,
) -> Vec<Keyword> {
    let features = Features::new(&found.list, &found.lexicon, sentences);
    let mut scored: Vec<(f64, &Candidate<'_>)> = found
        .list
        .iter()
        .filter(|c| occurs(c))
        .map(|c| (model.probability(&features.of(c)), c))
        .collect();
    // Best first; equal scores by key, so the order never depends on hashing.
    let best_first = |a: &(f64, &Candidate<'_>), b: &(f64, &Candidate<'_>)| {
        b.0.total_cmp(&a.0)
            .then_with(|| key(found, a.1).cmp(key(found, b.1)))
    };
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, best_first);
    }
    scored.truncate(limit);
    scored.sort_by(best_first);
    let top = scored.first().map_or(1.0, |(s, _)| *s);
    scored
        .into_iter()
        .map(|(s, c)| Keyword {
            text: text(c),
            key: key(found, c).collect::<Vec<_>>().join(" "),
            score: round4(s / top),
        })
        .collect()
}

/// The stems of a candidate's words.
fn key<'f>(found: &'f Found<'_>, c: &'f Candidate<'_>) -> impl Iterator<Item = &'f str> + 'f {
    c.stems.iter().map(|&i| found.lexicon.stem(i))
}

/// The form to show: a name's fullest form; else the one the body uses
/// most, ties to the first in code-point order; spaces between words
/// made single.
pub(super) fn text(c: &Candidate<'_>) -> String {
    let form = match c.name {
        Some((_, name)) => name,
        None => c
            .forms
            .iter()
            .min_by(|a, b| match b.1.cmp(&a.1) {
                Ordering::Equal => a.0.cmp(b.0),
                o => o,
            })
            .map_or("", |(f, _)| *f),
    };
    if form
        .split(' ')
        .any(|w| w.is_empty() || w.contains(char::is_whitespace))
    {
        form.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        form.to_string()
    }
}

/// Four decimals: enough to rank, stable across platforms.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}
