//! Online story grouping: an arriving article joins the most similar story
//! of the articles around its date when it is similar enough, or starts a
//! new one.
//!
//! Terms are weighted by their rarity among the articles seen so far
//! (inverse document frequency, frozen when the article arrives, so a
//! story's state never needs recomputing). The similarity of an article to
//! a story is the weight they share — each shared term counted at the
//! lesser of the article's weight and the story's mean — over the
//! geometric mean of the two totals; it falls with the days between the
//! article and the story. A story is only joined on shared names, or on a
//! place and several keywords, or on many keywords: never on ordinary
//! words alone. Candidates come from the inverted lists of the article's
//! rarest terms, so the cost does not grow with the number of stories.

use std::collections::HashSet;

use super::features::{Article, Term, TermKind};
use super::store::{StoryId, StoryStore};

/// How stories are grouped (`stories.*` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Days around a story's first and last dates within which an article
    /// may join it.
    pub window_days: u32,
    /// Least similarity for joining a story.
    pub min_similarity: f64,
}

impl Settings {
    /// Days a story stays open after its last day, counted back from the
    /// newest day seen: twice the window, so an article arriving up to a
    /// window later than the newest one still finds every story it could
    /// join. A closed story takes no more articles.
    pub fn open_days(&self) -> i64 {
        2 * i64::from(self.window_days)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            window_days: 14,
            min_similarity: 0.25,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub story: StoryId,
    /// Its similarity to the story it joined (0 for a new story).
    pub similarity: f64,
    /// It started the story.
    pub started: bool,
}

/// Terms of the article looked up in the inverted lists: its heaviest.
const LOOKUP_TERMS: usize = 12;
/// Stories taken from each inverted list, the most recently joined first.
const PER_TERM: usize = 48;
/// Articles the term weights assume at least, so the first articles of a
/// store do not find every term equally rare.
const PRIOR_ARTICLES: f64 = 200.0;
/// Share of similarity lost at the far edge of the window.
const DATE_DECAY: f64 = 0.3;

/// Puts `article` in a story of `store`.
pub fn assign<S: StoryStore>(store: &mut S, article: &Article, settings: &Settings) -> Placed {
    let weighted = weigh(store, article);
    let best = best_story(store, &weighted, settings);
    match best {
        Some((story, similarity)) if similarity >= settings.min_similarity => {
            let story = store.add(Some(story), &weighted);
            Placed {
                story,
                similarity,
                started: false,
            }
        }
        _ => Placed {
            story: store.add(None, &weighted),
            similarity: 0.0,
            started: true,
        },
    }
}

/// The article with each term's weight times its rarity now.
fn weigh<S: StoryStore>(store: &S, article: &Article) -> Article {
    let n = (store.articles() as f64).max(PRIOR_ARTICLES);
    let mut out = article.clone();
    for t in &mut out.terms {
        let df = store.document_frequency(t.key) as f64;
        t.weight *= ((n + 1.0) / (df + 1.0)).ln() + 1.0;
    }
    out.terms
        .sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.key.cmp(&b.key)));
    out
}

/// The most similar story within the window, with its similarity; ties go
/// to the older story (the lower handle), so the result is deterministic.
fn best_story<S: StoryStore>(
    store: &S,
    article: &Article,
    settings: &Settings,
) -> Option<(StoryId, f64)> {
    let mut seen: HashSet<StoryId> = HashSet::new();
    let mut candidates: Vec<StoryId> = Vec::new();
    for t in article.terms.iter().take(LOOKUP_TERMS) {
        for s in store.stories_with(t.key, PER_TERM) {
            if seen.insert(s) {
                candidates.push(s);
            }
        }
    }
    candidates.sort_unstable();
    let mass: f64 = article.terms.iter().map(|t| t.weight).sum();
    let window = i64::from(settings.window_days);
    let mut best: Option<(StoryId, f64)> = None;
    for id in candidates {
        let Some(story) = store.story(id) else {
            continue;
        };
        let gap = if article.day < story.first {
            (story.first - article.day).num_days()
        } else if article.day > story.last {
            (article.day - story.last).num_days()
        } else {
            0
        };
        if gap > window {
            continue;
        }
        let n = story.articles.max(1) as f64;
        let mut shared = 0.0;
        let mut evidence = Evidence::default();
        for t in &article.terms {
            if let Some(&sum) = story.terms.get(&t.key) {
                shared += t.weight.min(sum / n);
                evidence.count(t);
            }
        }
        if !evidence.enough() || mass <= 0.0 || story.mass <= 0.0 {
            continue;
        }
        let mut similarity = shared / (mass * story.mass / n).sqrt();
        if window > 0 {
            similarity *= 1.0 - DATE_DECAY * gap as f64 / window as f64;
        }
        if best.is_none_or(|(_, b)| similarity > b) {
            best = Some((id, similarity));
        }
    }
    best
}

/// The kinds of terms an article shares with a story.
#[derive(Debug, Default)]
struct Evidence {
    names: usize,
    places: usize,
    words: usize,
}

impl Evidence {
    fn count(&mut self, t: &Term) {
        match t.kind {
            TermKind::Name => self.names += 1,
            TermKind::Place => self.places += 1,
            TermKind::Keyword | TermKind::Title => self.words += 1,
        }
    }

    /// Shared names, or a place and keywords, or many keywords.
    fn enough(&self) -> bool {
        self.names >= 1 || (self.places >= 1 && self.words >= 2) || self.words >= 4
    }
}

#[cfg(test)]
mod tests;
