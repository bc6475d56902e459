//! The stories of a records folder, as `wirewatch stories` prints them:
//! every record read in the order a fresh index places them (its day —
//! published, else ingested —, then its id, then its file),
//! placed in a story by [`assign()`], and checked for copies
//! among the earlier records (MinHash bands give candidates, the exact
//! check of [`super::fingerprint`] confirms them; the first
//! seen is the original).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::assign::{Settings, assign};
use super::features::Article;
use super::fingerprint::Profile;
use super::store::{MemoryStore, StoryId, StoryStore};
use crate::record::Record;

/// Why the records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The stories, as printed.
#[derive(Debug, Serialize, PartialEq)]
pub struct Stories {
    pub stories: Vec<StoryOut>,
    /// Record files that could not be read as records, with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<String>,
}

/// One story, as printed.
#[derive(Debug, Serialize, PartialEq)]
pub struct StoryOut {
    pub id: String,
    pub label: String,
    pub first: String,
    pub last: String,
    pub sources: Vec<String>,
    pub articles: Vec<ArticleOut>,
}

/// One article of a story, as printed.
#[derive(Debug, Serialize, PartialEq)]
pub struct ArticleOut {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The id of the earlier article this one nearly copies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<String>,
}

/// A record read from the folder, as far as grouping needs it.
struct Read {
    file: PathBuf,
    article: Article,
}

/// The stories of the records under `dir`; only stories whose last day is
/// on or after `since` are kept.
pub fn stories(
    dir: &Path,
    since: Option<NaiveDate>,
    settings: &Settings,
) -> Result<Stories, RecordsError> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    let fallback = NaiveDate::default();
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for file in files {
        match load(&file) {
            Ok(r) => read.push(Read {
                article: Article::from_record(&r, fallback),
                file,
            }),
            Err(why) => unreadable.push(format!("{}: {why}", file.display())),
        }
    }
    read.sort_by(|a, b| {
        (a.article.day, &a.article.id, &a.file).cmp(&(b.article.day, &b.article.id, &b.file))
    });
    let mut store = MemoryStore::new(settings);
    let mut copies = Copies::default();
    let mut story_of: Vec<StoryId> = Vec::with_capacity(read.len());
    let mut copy_of: Vec<Option<String>> = Vec::with_capacity(read.len());
    for (i, r) in read.iter().enumerate() {
        story_of.push(assign(&mut store, &r.article, settings).story);
        copy_of.push(copies.check(i, &read));
    }
    let mut members: HashMap<StoryId, Vec<usize>> = HashMap::new();
    for (i, s) in story_of.iter().enumerate() {
        members.entry(*s).or_default().push(i);
    }
    let mut out = Vec::new();
    for (id, story) in store.stories() {
        if since.is_some_and(|d| story.last < d) {
            continue;
        }
        let articles = members
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| {
                let a = &read[i].article;
                ArticleOut {
                    id: a.id.clone(),
                    path: a.path.clone(),
                    title: a.title.clone(),
                    published: a.published.map(|d| d.to_string()),
                    near_duplicate_of: copy_of[i].clone(),
                }
            })
            .collect();
        out.push(StoryOut {
            id: story.name.clone(),
            label: story.label(),
            first: story.first.to_string(),
            last: story.last.to_string(),
            sources: story.sources.clone(),
            articles,
        });
    }
    debug_assert_eq!(store.articles() as usize, read.len());
    Ok(Stories {
        stories: out,
        unreadable,
    })
}

/// The paths of the articles of story `id` among the records under `dir`
/// (grouped as [`stories`] groups them); `None` when no story has that id.
/// Without an index this is the only memory of the stories; with one, its
/// `story_articles` answer instead.
pub fn story_paths(
    dir: &Path,
    id: &str,
    settings: &Settings,
) -> Result<Option<Vec<String>>, RecordsError> {
    let found = stories(dir, None, settings)?;
    Ok(found
        .stories
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| s.articles.into_iter().map(|a| a.path).collect()))
}

/// The near-duplicate check over the records read so far.
#[derive(Default)]
struct Copies {
    /// Earlier records by MinHash band.
    bands: HashMap<u64, Vec<usize>>,
    /// Profiles made for an exact check, by record (each body read once).
    profiles: HashMap<usize, Profile>,
}

impl Copies {
    /// The id of the first earlier record that record `i` nearly copies.
    fn check(&mut self, i: usize, read: &[Read]) -> Option<String> {
        let sketch = read[i].article.sketch.as_ref()?;
        let bands: Vec<u64> = sketch.bands().collect();
        let mut candidates: Vec<usize> = bands
            .iter()
            .filter_map(|b| self.bands.get(b))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut found = None;
        for c in candidates {
            if read[c].article.id == read[i].article.id {
                continue;
            }
            self.profile(c, read);
            self.profile(i, read);
            let (Some(a), Some(b)) = (self.profiles.get(&c), self.profiles.get(&i)) else {
                continue;
            };
            if a.overlap(b).is_copy() {
                found = Some(read[c].article.id.clone());
                break;
            }
        }
        for b in bands {
            self.bands.entry(b).or_default().push(i);
        }
        found
    }

    /// Makes record `i`'s profile from its body, once; none is kept when
    /// its file cannot be read.
    fn profile(&mut self, i: usize, read: &[Read]) {
        if self.profiles.contains_key(&i) {
            return;
        }
        if let Some(body) = read.get(i).and_then(|r| load(&r.file).ok()) {
            self.profiles.insert(i, Profile::of(&body.text.body));
        }
    }
}

/// A record file.
fn load(file: &Path) -> Result<Record, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| format!("not a record: {e}"))
}

/// The `.json` files under `dir`, sorted.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), RecordsError> {
    let err = |source| RecordsError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(err)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(err)?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    Ok(())
}

/// The stories for people: one block per story (id, dates, label,
/// sources), one line per article.
pub fn text(found: &Stories) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for s in &found.stories {
        let _ = writeln!(
            out,
            "{}  {} … {}  {} article{}  {}",
            s.id,
            s.first,
            s.last,
            s.articles.len(),
            if s.articles.len() == 1 { "" } else { "s" },
            s.label
        );
        if !s.sources.is_empty() {
            let _ = writeln!(out, "  sources: {}", s.sources.join(", "));
        }
        for a in &s.articles {
            let _ = writeln!(
                out,
                "  {} {}  {}{}",
                a.published.as_deref().unwrap_or("----------"),
                a.path,
                a.title.as_deref().unwrap_or(""),
                a.near_duplicate_of
                    .as_deref()
                    .map(|o| format!("  (copy of {o})"))
                    .unwrap_or_default()
            );
        }
    }
    let _ = writeln!(out, "{} stories", found.stories.len());
    out
}
