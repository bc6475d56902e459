//! The state of the stories, behind [`StoryStore`]: how many articles have
//! been seen and how many hold each term (for term weights), the stories
//! with their aggregated terms, dates and articles, and inverted lists from
//! terms to the stories holding them, so an arriving article looks at the
//! few stories that share its rarest terms instead of all of them.
//! [`MemoryStore`] keeps it in memory; a database can implement the same
//! trait over tables (terms → stories, stories, story terms).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::features::{Article, TermKind};

/// A story's handle in its store (its row).
pub type StoryId = u32;

/// One story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Stable public id: derived from the id of the story's first article,
    /// so the same records in the same order give the same ids, and a
    /// rebuild does not renumber them.
    pub name: String,
    /// First and last day of its articles.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Its articles' record ids, in order of arrival.
    pub articles: Vec<String>,
    /// Its articles' outlets, each once, in order of first appearance.
    pub sources: Vec<String>,
    /// Summed weights of its articles' terms, by key.
    pub terms: HashMap<u64, f64>,
    /// Sum of `terms`' weights.
    pub mass: f64,
    /// What each term is and how it is written (for the label).
    pub texts: HashMap<u64, (TermKind, String)>,
}

impl Story {
    /// Its label: its heaviest names, then its heaviest keywords, joined
    /// by " · ".
    pub fn label(&self) -> String {
        let mut by_weight: Vec<(&u64, &f64)> = self.terms.iter().collect();
        by_weight.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let pick = |kinds: &[TermKind], n: usize| -> Vec<&str> {
            let mut seen: Vec<String> = Vec::new();
            by_weight
                .iter()
                .filter_map(|(k, _)| self.texts.get(*k))
                .filter(|(kind, _)| kinds.contains(kind))
                .filter_map(|(_, text)| {
                    let lower = text.to_lowercase();
                    if seen
                        .iter()
                        .any(|s| s.contains(&lower) || lower.contains(s.as_str()))
                    {
                        return None;
                    }
                    seen.push(lower);
                    Some(text.as_str())
                })
                .take(n)
                .collect()
        };
        let mut parts = pick(&[TermKind::Name, TermKind::Place], 3);
        parts.extend(pick(&[TermKind::Keyword], 3));
        parts.join(" · ")
    }
}

/// What story grouping needs of its state.
pub trait StoryStore {
    /// Articles added so far.
    fn articles(&self) -> u64;
    /// Articles added so far that hold `term`.
    fn document_frequency(&self, term: u64) -> u64;
    /// Stories holding `term`, the most recently joined first, at most `limit`.
    fn stories_with(&self, term: u64, limit: usize) -> Vec<StoryId>;
    /// A story by its handle.
    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>>;
    /// Adds `article` to story `to`, or to a new story when `to` is none;
    /// returns the story's handle.
    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId;
}

/// Longest inverted list kept per term: past it the oldest entries go (a
/// term that common points to stories long out of any window).
const MAX_POSTINGS: usize = 4096;

/// The state in memory (`wirewatch stories`, the evaluation, the bench).
#[derive(Debug, Default)]
pub struct MemoryStore {
    stories: Vec<Story>,
    /// Story handles by term, oldest first; a story is appended again when
    /// it takes a new article with the term.
    postings: HashMap<u64, Vec<StoryId>>,
    df: HashMap<u64, u64>,
    articles: u64,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Every story, in order of creation.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }
}

impl StoryStore for MemoryStore {
    fn articles(&self) -> u64 {
        self.articles
    }

    fn document_frequency(&self, term: u64) -> u64 {
        self.df.get(&term).copied().unwrap_or(0)
    }

    fn stories_with(&self, term: u64, limit: usize) -> Vec<StoryId> {
        let Some(list) = self.postings.get(&term) else {
            return Vec::new();
        };
        let mut out: Vec<StoryId> = Vec::new();
        for &s in list.iter().rev() {
            if out.len() >= limit {
                break;
            }
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>> {
        self.stories.get(id as usize).map(Cow::Borrowed)
    }

    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId {
        self.articles += 1;
        for t in &article.terms {
            *self.df.entry(t.key).or_insert(0) += 1;
        }
        let id = match to.filter(|&s| (s as usize) < self.stories.len()) {
            Some(s) => s,
            None => {
                self.stories.push(Story {
                    name: story_name(&article.id),
                    first: article.day,
                    last: article.day,
                    articles: Vec::new(),
                    sources: Vec::new(),
                    terms: HashMap::new(),
                    mass: 0.0,
                    texts: HashMap::new(),
                });
                u32::try_from(self.stories.len() - 1).unwrap_or(u32::MAX)
            }
        };
        let Some(story) = self.stories.get_mut(id as usize) else {
            return id;
        };
        story.first = story.first.min(article.day);
        story.last = story.last.max(article.day);
        story.articles.push(article.id.clone());
        if let Some(s) = &article.source
            && !story.sources.contains(s)
        {
            story.sources.push(s.clone());
        }
        for t in &article.terms {
            *story.terms.entry(t.key).or_insert(0.0) += t.weight;
            story.mass += t.weight;
            story
                .texts
                .entry(t.key)
                .or_insert_with(|| (t.kind, t.text.clone()));
            let list = self.postings.entry(t.key).or_default();
            if list.last() != Some(&id) {
                list.push(id);
                if list.len() > MAX_POSTINGS {
                    list.drain(..list.len() - MAX_POSTINGS / 2);
                }
            }
        }
        id
    }
}

/// The public id of a story started by the article with record id `first`.
pub fn story_name(first: &str) -> String {
    let hex = first.rsplit(':').next().unwrap_or(first);
    format!("s-{}", hex.get(..16).unwrap_or(hex))
}
