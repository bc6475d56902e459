//! The state of the stories, behind [`StoryStore`]: how many articles have
//! been seen and how many hold each term (for term weights), the open
//! stories with their aggregated terms, dates and articles, and inverted
//! lists from terms to the open stories holding them, so an arriving
//! article looks at the few stories that share its rarest terms instead of
//! all of them. [`OpenStories`] keeps the stories that can still take
//! articles (bounded by the window, not by the articles ever seen);
//! [`MemoryStore`] adds the document frequencies and the closed stories in
//! memory, and the index keeps those in tables instead
//! (`crate::index::grouping`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::assign::Settings;
use super::features::{Article, TermKind};

/// A story's handle in its store: the number of the article that started
/// it (1 for the first article added), so handles order stories by age.
pub type StoryId = u64;

/// Distinct terms an open story keeps at most. A story that keeps taking
/// articles never closes (a template site's daily bulletin, a long
/// running event), and each article may bring terms of its own: without
/// a bound its term tables grew for as long as the daemon ran. Past it
/// the story keeps its [`KEPT_STORY_TERMS`] heaviest terms; those it
/// drops each weigh a sliver of its average profile, so an arriving
/// article's similarity to it barely moves. Stories of ordinary news hold
/// a few hundred terms.
const MAX_STORY_TERMS: usize = 4096;
/// What a story past [`MAX_STORY_TERMS`] is cut back to (a quarter less,
/// so the sort that picks them runs once per thousand new terms).
const KEPT_STORY_TERMS: usize = 3072;

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
    /// How many articles it holds (their ids are in the index's
    /// `story_articles`: a story a template site keeps joining, a daily
    /// bulletin's, would otherwise grow in memory for as long as it stays
    /// open).
    pub articles: u64,
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
    /// Open stories holding `term`, the most recently joined with it
    /// first, at most `limit`.
    fn stories_with(&self, term: u64, limit: usize) -> Vec<StoryId>;
    /// An open story by its handle.
    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>>;
    /// Adds `article` to story `to`, or to a new story when `to` is none;
    /// returns the story's handle.
    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId;
}

/// The stories that can still take articles, with inverted lists from
/// terms to them; a story closes (leaves memory with its postings) once
/// its last day is more than [`Settings::open_days`] before the newest day
/// seen, so memory follows the stories of recent weeks, not every story
/// ever made. Whether a story is open depends only on the articles added
/// before (their days), so replaying the open stories' articles in order
/// gives back exactly this state.
#[derive(Debug)]
pub struct OpenStories {
    open_days: i64,
    stories: BTreeMap<StoryId, Story>,
    /// Open story handles by term, each once, the least recently joined
    /// with the term first.
    postings: HashMap<u64, Vec<StoryId>>,
    /// The newest day of the articles added.
    newest: Option<NaiveDate>,
}

impl OpenStories {
    /// No story yet; stories close as `settings` says.
    pub fn new(settings: &Settings) -> OpenStories {
        OpenStories {
            open_days: settings.open_days(),
            stories: BTreeMap::new(),
            postings: HashMap::new(),
            newest: None,
        }
    }

    /// Open stories holding `term`, the most recently joined first.
    pub fn with_term(&self, term: u64, limit: usize) -> Vec<StoryId> {
        self.postings
            .get(&term)
            .map(|list| list.iter().rev().take(limit).copied().collect())
            .unwrap_or_default()
    }

    /// An open story.
    pub fn get(&self, id: StoryId) -> Option<&Story> {
        self.stories.get(&id)
    }

    /// The open stories, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (StoryId, &Story)> {
        self.stories.iter().map(|(id, s)| (*id, s))
    }

    /// Open stories.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    /// No story is open.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// The newest day of the articles added.
    pub fn newest(&self) -> Option<NaiveDate> {
        self.newest
    }

    /// The day before which a story's last day closes it, given the
    /// newest day seen.
    pub fn cutoff(&self) -> Option<NaiveDate> {
        self.newest
            .map(|d| d - chrono::Duration::days(self.open_days))
    }

    /// Adds `article` to open story `to`, or starts a story with handle
    /// `start` (handles grow with the articles: an older story has a
    /// lower handle). Returns the story's handle and the stories that
    /// closed because the newest day moved on (the article's own story
    /// among them when it is that old).
    pub fn add(
        &mut self,
        to: Option<StoryId>,
        article: &Article,
        start: StoryId,
    ) -> (StoryId, Vec<(StoryId, Story)>) {
        let id = match to.filter(|s| self.stories.contains_key(s)) {
            Some(s) => s,
            None => {
                self.stories.insert(
                    start,
                    Story {
                        name: story_name(&article.id),
                        first: article.day,
                        last: article.day,
                        articles: 0,
                        sources: Vec::new(),
                        terms: HashMap::new(),
                        mass: 0.0,
                        texts: HashMap::new(),
                    },
                );
                start
            }
        };
        if let Some(story) = self.stories.get_mut(&id) {
            story.first = story.first.min(article.day);
            story.last = story.last.max(article.day);
            story.articles += 1;
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
                    if let Some(at) = list.iter().rposition(|s| *s == id) {
                        list.remove(at);
                    }
                    list.push(id);
                }
            }
            if story.terms.len() > MAX_STORY_TERMS {
                for key in lightest_terms(story) {
                    story.terms.remove(&key);
                    story.texts.remove(&key);
                    unpost(&mut self.postings, key, id);
                }
            }
        }
        let old: Vec<StoryId> = if self.newest.is_none_or(|n| article.day > n) {
            self.newest = Some(article.day);
            self.closing()
        } else if self.cutoff().is_some_and(|c| article.day < c) {
            // A late article's own story, when that old, is closed at once.
            self.stories
                .get(&id)
                .filter(|s| self.cutoff().is_some_and(|c| s.last < c))
                .map(|_| vec![id])
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        (id, self.close(old))
    }

    /// Gives open story `id` its public id: a story read back keeps the id
    /// it was given, whichever of its articles are left.
    pub fn rename(&mut self, id: StoryId, name: &str) {
        if let Some(story) = self.stories.get_mut(&id)
            && story.name != name
        {
            story.name = name.to_string();
        }
    }

    /// Moves the newest day on to `day` (read back from an index whose
    /// newest article's story is gone), closing what that closes.
    pub fn advance(&mut self, day: NaiveDate) {
        if self.newest.is_some_and(|n| n >= day) {
            return;
        }
        self.newest = Some(day);
        let old = self.closing();
        self.close(old);
    }

    /// The open stories whose last day is before the cutoff.
    fn closing(&self) -> Vec<StoryId> {
        let Some(cutoff) = self.cutoff() else {
            return Vec::new();
        };
        self.stories
            .iter()
            .filter(|(_, s)| s.last < cutoff)
            .map(|(id, _)| *id)
            .collect()
    }

    /// Takes out the stories `ids`, with their postings.
    fn close(&mut self, ids: Vec<StoryId>) -> Vec<(StoryId, Story)> {
        let mut closed = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(story) = self.stories.remove(&id) else {
                continue;
            };
            for key in story.terms.keys() {
                unpost(&mut self.postings, *key, id);
            }
            closed.push((id, story));
        }
        closed
    }
}

/// The terms of `story` beyond its [`KEPT_STORY_TERMS`] heaviest (ties by
/// key, so a replay drops the same ones).
fn lightest_terms(story: &Story) -> Vec<u64> {
    let mut by_weight: Vec<(u64, f64)> = story.terms.iter().map(|(k, w)| (*k, *w)).collect();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    by_weight
        .into_iter()
        .skip(KEPT_STORY_TERMS)
        .map(|(k, _)| k)
        .collect()
}

/// Takes story `id` out of the inverted list of `key`.
fn unpost(postings: &mut HashMap<u64, Vec<StoryId>>, key: u64, id: StoryId) {
    if let Some(list) = postings.get_mut(&key) {
        list.retain(|s| *s != id);
        if list.is_empty() {
            postings.remove(&key);
        }
    }
}

/// The whole state in memory (`wirewatch stories` over a records folder,
/// the evaluation, the bench): the open stories, every closed one (to
/// print them), and the document frequencies of every term.
#[derive(Debug)]
pub struct MemoryStore {
    open: OpenStories,
    closed: Vec<(StoryId, Story)>,
    df: HashMap<u64, u64>,
    articles: u64,
}

impl MemoryStore {
    /// An empty store whose stories close as `settings` says.
    pub fn new(settings: &Settings) -> MemoryStore {
        MemoryStore {
            open: OpenStories::new(settings),
            closed: Vec::new(),
            df: HashMap::new(),
            articles: 0,
        }
    }

    /// Every story, open or closed, in order of creation, with its handle.
    pub fn stories(&self) -> Vec<(StoryId, &Story)> {
        let mut all: Vec<(StoryId, &Story)> = self
            .closed
            .iter()
            .map(|(id, s)| (*id, s))
            .chain(self.open.iter())
            .collect();
        all.sort_by_key(|(id, _)| *id);
        all
    }

    /// The stories still open.
    pub fn open(&self) -> &OpenStories {
        &self.open
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
        self.open.with_term(term, limit)
    }

    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>> {
        self.open.get(id).map(Cow::Borrowed)
    }

    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId {
        self.articles += 1;
        for t in &article.terms {
            *self.df.entry(t.key).or_insert(0) += 1;
        }
        let (id, closed) = self.open.add(to, article, self.articles);
        self.closed.extend(closed);
        id
    }
}

/// The public id of a story started by the article with record id `first`.
pub fn story_name(first: &str) -> String {
    let hex = first.rsplit(':').next().unwrap_or(first);
    format!("s-{}", hex.get(..16).unwrap_or(hex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::features::{Term, term_key};

    /// Article `i` of a bulletin: the words every bulletin has, and three
    /// terms of its own.
    fn bulletin(i: usize) -> Article {
        let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
        let term = |text: String, weight: f64| Term {
            key: term_key(TermKind::Keyword, &text),
            kind: TermKind::Keyword,
            text,
            weight,
        };
        let mut terms = vec![term("weather".into(), 2.0), term("forecast".into(), 1.5)];
        terms.extend((0..3).map(|k| term(format!("item {i} {k}"), 0.5)));
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

    #[test]
    fn a_story_that_never_closes_keeps_a_bounded_profile_with_its_heaviest_terms() {
        let mut open = OpenStories::new(&Settings::default());
        let (id, _) = open.add(None, &bulletin(0), 0);
        for i in 1..2_000 {
            open.add(Some(id), &bulletin(i), i as u64);
        }
        let story = open.get(id).expect("open");
        assert_eq!(story.articles, 2_000);
        assert!(
            story.terms.len() <= MAX_STORY_TERMS,
            "{}",
            story.terms.len()
        );
        assert_eq!(story.terms.len(), story.texts.len());
        let weather = term_key(TermKind::Keyword, "weather");
        assert_eq!(story.terms.get(&weather), Some(&4_000.0));
        // The inverted lists hold only what the story kept.
        assert_eq!(open.with_term(weather, 5), [id]);
        assert!(open.postings.len() <= MAX_STORY_TERMS);
        assert!(
            open.with_term(term_key(TermKind::Keyword, "item 0 0"), 5)
                .is_empty()
        );
        assert_eq!(
            open.with_term(term_key(TermKind::Keyword, "item 1999 2"), 5),
            [id]
        );
    }
}
