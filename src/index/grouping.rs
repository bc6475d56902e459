//! The story step of an index write: each article new to the index joins a
//! story ([`crate::stories::assign::assign`]) and is checked for copies among the
//! earlier articles (MinHash bands give candidates, the exact check of
//! [`crate::stories::fingerprint`] confirms them; the first seen is the
//! original), in the same transaction as its rows.
//!
//! The grouping's state (term frequencies, stories and their terms,
//! inverted lists, MinHash bands) is kept in memory and rebuilt from
//! `story_articles` when the store first writes: each row holds the
//! article's terms as weighted when it was placed, so replaying the rows in
//! order gives back exactly the state the live writer had. A restart or an
//! `index rebuild` therefore goes on with the same stories and ids. When
//! another writer placed articles meanwhile (the sequence in the table is
//! not the one in memory), or a transaction failed, the state is read
//! again. An article already placed keeps its story when written again
//! (an upsert, a replay, a rebuild).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::RwLock;

use chrono::NaiveDate;
use serde_json::Value;

use super::IndexError;
use super::db::{Param, Tx};
use super::rows::RowSet;
use crate::stories::assign::{Settings, assign};
use crate::stories::features::{Article, Term, TermKind};
use crate::stories::fingerprint::{self, Sketch};
use crate::stories::store::{MemoryStore, Story, StoryId, StoryStore};

/// Earlier articles checked exactly as copies of an arriving one at most
/// (those sharing a MinHash band, oldest first).
const MAX_COPY_CHECKS: usize = 64;
/// Serializes the story step of concurrent PostgreSQL writers.
const PG_LOCK: i64 = 74_202_002;

/// The grouping settings of this process (`stories.*`).
static SETTINGS: RwLock<Option<Settings>> = RwLock::new(None);

/// Sets how the index groups stories (from the configuration, once loaded).
pub fn set_settings(settings: Settings) {
    if let Ok(mut s) = SETTINGS.write() {
        *s = Some(settings);
    }
}

fn settings() -> Settings {
    SETTINGS.read().ok().and_then(|s| *s).unwrap_or_default()
}

/// The grouping state of one open store; empty until its first write.
#[derive(Default)]
pub struct Grouping {
    state: Option<State>,
}

/// The state replayed from `story_articles`.
#[derive(Default)]
struct State {
    store: MemoryStore,
    /// Public story ids by handle.
    names: Vec<String>,
    handles: HashMap<String, StoryId>,
    /// Articles placed (by record id).
    placed: HashSet<String>,
    /// Earlier articles by MinHash band, oldest first.
    bands: HashMap<u64, Vec<(i64, String)>>,
    /// The last sequence number given.
    seq: i64,
}

impl Grouping {
    /// Places the articles of `sets` that are new to the index, inside the
    /// transaction `tx` that writes their rows (already upserted, so an
    /// article's copy may be in the same batch). `now` stamps the rows.
    pub fn place(
        &mut self,
        tx: &mut Tx<'_>,
        sets: &[&RowSet],
        now: &str,
    ) -> Result<(), IndexError> {
        if matches!(tx, Tx::Postgres(_)) {
            tx.exec(&format!("SELECT pg_advisory_xact_lock({PG_LOCK})"), &[])?;
        }
        // Taken out: an error below leaves it empty, to be read again.
        let mut state = match self.state.take() {
            Some(s) if s.seq == last_seq(tx)? => s,
            _ => State::load(tx)?,
        };
        let settings = settings();
        let mut touched: Vec<StoryId> = Vec::new();
        for set in sets {
            let article = &set.story;
            if !state.placed.insert(article.id.clone()) {
                continue;
            }
            let copy_of = state.copy_of(tx, article, set.body())?;
            let mut recording = Recording {
                inner: &mut state.store,
                added: None,
            };
            let placed = assign(&mut recording, article, &settings);
            let weighted = recording.added.unwrap_or_else(|| article.clone());
            state.seq += 1;
            let name = match state.names.get(placed.story as usize) {
                Some(n) => n.clone(),
                None => {
                    let n = state
                        .store
                        .story(placed.story)
                        .map(|s| s.name.clone())
                        .unwrap_or_default();
                    state.names.push(n.clone());
                    state.handles.insert(n.clone(), placed.story);
                    n
                }
            };
            if placed.started {
                upsert_story(tx, &state.store, placed.story, &name, state.seq, now)?;
            }
            if !touched.contains(&placed.story) {
                touched.push(placed.story);
            }
            let minhash = article.sketch.as_ref().map(Sketch::minhash_hex);
            tx.exec(
                "INSERT INTO story_articles (article_id, story_id, seq, near_duplicate_of, \
                 similarity, day, source, minhash, terms, assigned_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                &[
                    Param::from(article.id.as_str()),
                    Param::from(name.as_str()),
                    Param::Int(state.seq),
                    Param::from(copy_of),
                    Param::from(placed.similarity),
                    Param::Text(article.day.to_string()),
                    Param::from(article.source.clone()),
                    Param::from(minhash),
                    Param::Text(encode_terms(&weighted.terms)),
                    Param::from(now),
                ],
            )?;
            state.remember_bands(article);
        }
        for handle in touched {
            let name = state
                .names
                .get(handle as usize)
                .cloned()
                .unwrap_or_default();
            upsert_story(tx, &state.store, handle, &name, state.seq, now)?;
        }
        self.state = Some(state);
        Ok(())
    }

    /// Forgets the state (after a failed transaction: it may be ahead of
    /// the index).
    pub fn forget(&mut self) {
        self.state = None;
    }
}

impl State {
    /// Replays `story_articles` in order.
    fn load(tx: &mut Tx<'_>) -> Result<State, IndexError> {
        let rows = tx.query(
            "SELECT article_id, story_id, seq, day, source, minhash, terms \
             FROM story_articles ORDER BY seq",
            &[],
        )?;
        let mut state = State::default();
        for row in rows {
            let text = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_string);
            let (Some(id), Some(story)) = (text("article_id"), text("story_id")) else {
                continue;
            };
            let seq = row.get("seq").and_then(Value::as_i64).unwrap_or(state.seq);
            let day = text("day")
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d").ok())
                .unwrap_or_default();
            let sketch = text("minhash").and_then(|m| Sketch::from_hex("0", &m));
            let article = Article {
                id: id.clone(),
                path: String::new(),
                title: None,
                published: None,
                day,
                source: text("source"),
                terms: text("terms").map(|t| decode_terms(&t)).unwrap_or_default(),
                sketch,
            };
            let handle = state.handles.get(&story).copied();
            let added = state.store.add(handle, &article);
            if handle.is_none() {
                state.names.push(story.clone());
                state.handles.insert(story, added);
            }
            state.placed.insert(id);
            state.seq = state.seq.max(seq);
            state.remember_bands(&article);
        }
        Ok(state)
    }

    /// The id of the first earlier article that `article` nearly copies.
    fn copy_of(
        &self,
        tx: &mut Tx<'_>,
        article: &Article,
        body: &str,
    ) -> Result<Option<String>, IndexError> {
        let Some(sketch) = &article.sketch else {
            return Ok(None);
        };
        let mut candidates: Vec<&(i64, String)> = sketch
            .bands()
            .filter_map(|b| self.bands.get(&b))
            .flatten()
            .filter(|(_, id)| *id != article.id)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for (_, id) in candidates.into_iter().take(MAX_COPY_CHECKS) {
            let rows = tx.query(
                "SELECT body FROM articles WHERE id = ?1 ORDER BY key LIMIT 1",
                &[Param::from(id.as_str())],
            )?;
            let Some(earlier) = rows
                .first()
                .and_then(|r| r.get("body"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            if fingerprint::is_near_duplicate(earlier, body) {
                return Ok(Some(id.clone()));
            }
        }
        Ok(None)
    }

    fn remember_bands(&mut self, article: &Article) {
        if let Some(sketch) = &article.sketch {
            for b in sketch.bands() {
                self.bands
                    .entry(b)
                    .or_default()
                    .push((self.seq, article.id.clone()));
            }
        }
    }
}

/// The highest sequence number in `story_articles` (0 when empty).
fn last_seq(tx: &mut Tx<'_>) -> Result<i64, IndexError> {
    let rows = tx.query(
        "SELECT coalesce(max(seq), 0) AS seq FROM story_articles",
        &[],
    )?;
    Ok(rows
        .first()
        .and_then(|r| r.get("seq"))
        .and_then(Value::as_i64)
        .unwrap_or(0))
}

/// Writes a story's row as it stands in `store`.
fn upsert_story(
    tx: &mut Tx<'_>,
    store: &MemoryStore,
    handle: StoryId,
    name: &str,
    seq: i64,
    now: &str,
) -> Result<(), IndexError> {
    let Some(story) = store.story(handle) else {
        return Ok(());
    };
    tx.exec(
        "INSERT INTO stories (id, label, first_published, last_published, articles, sources, \
         started_seq, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, \
         first_published = excluded.first_published, last_published = excluded.last_published, \
         articles = excluded.articles, sources = excluded.sources, updated_at = excluded.updated_at",
        &[
            Param::from(name),
            Param::Text(story.label()),
            Param::Text(story.first.to_string()),
            Param::Text(story.last.to_string()),
            Param::Int(story.articles.len() as i64),
            Param::from((!story.sources.is_empty()).then(|| story.sources.join("; "))),
            Param::Int(seq),
            Param::from(now),
        ],
    )?;
    Ok(())
}

/// An article's weighted terms as kept in `story_articles.terms`: a JSON
/// array of `[key, kind, weight, text]` (floats written so they read back
/// to the same bits).
fn encode_terms(terms: &[Term]) -> String {
    let list: Vec<Value> = terms
        .iter()
        .map(|t| {
            serde_json::json!([
                t.key.to_string(),
                char::from(t.kind.tag()).to_string(),
                t.weight,
                t.text
            ])
        })
        .collect();
    Value::Array(list).to_string()
}

/// Reads [`encode_terms`] back; malformed entries are skipped.
fn decode_terms(text: &str) -> Vec<Term> {
    let Ok(Value::Array(list)) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| {
            let key = v.get(0)?.as_str()?.parse().ok()?;
            let kind = TermKind::from_tag(*v.get(1)?.as_str()?.as_bytes().first()?)?;
            Some(Term {
                key,
                kind,
                weight: v.get(2)?.as_f64()?,
                text: v.get(3)?.as_str()?.to_string(),
            })
        })
        .collect()
}

/// A [`StoryStore`] that notes the article it is given, as weighted by
/// [`assign()`], so the weights can be kept for replay.
struct Recording<'a> {
    inner: &'a mut MemoryStore,
    added: Option<Article>,
}

impl StoryStore for Recording<'_> {
    fn articles(&self) -> u64 {
        self.inner.articles()
    }
    fn document_frequency(&self, term: u64) -> u64 {
        self.inner.document_frequency(term)
    }
    fn stories_with(&self, term: u64, limit: usize) -> Vec<StoryId> {
        self.inner.stories_with(term, limit)
    }
    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>> {
        self.inner.story(id)
    }
    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId {
        self.added = Some(article.clone());
        self.inner.add(to, article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Target;
    use crate::index::rows::{Provenance, rows, tests::seed_record};
    use crate::index::store::Store;
    use crate::record::Record;

    fn set(r: &Record) -> RowSet {
        let from = Provenance {
            origin: "o".into(),
            record_file: None,
            stamp: "s".into(),
        };
        rows(r, &from, "2025-01-01T00:00:00Z")
    }

    /// Three articles: the seed, a lightly edited copy of it, and another
    /// article (the seed with other names, keywords, title and text).
    fn articles() -> Vec<Record> {
        let original = seed_record();
        let mut copy = original.clone();
        copy.id = format!("{}c", &original.id[..31]);
        copy.source.path = "copy.txt".into();
        copy.text.body.push_str("\nReporting by the wire desk.");
        let mut other = original.clone();
        other.id = "f".repeat(32);
        other.source.path = "other.txt".into();
        other.title = Some("Glacier survey finds thinner ice".into());
        other.text.body = "Scientists measured the glacier again this summer.".into();
        other.entities.clear();
        other.keywords.clear();
        other.fingerprint = None;
        vec![original, copy, other]
    }

    fn placed(store: &mut Store) -> Vec<(String, String, Option<String>)> {
        store
            .db()
            .query(
                "SELECT article_id, story_id, near_duplicate_of, seq, terms FROM story_articles ORDER BY seq",
                &[],
            )
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r["article_id"].as_str().unwrap().to_string(),
                    r["story_id"].as_str().unwrap().to_string(),
                    r["near_duplicate_of"].as_str().map(str::to_string),
                )
            })
            .collect()
    }

    #[test]
    fn copies_join_their_original_and_a_reopened_store_goes_on_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let a = articles();
        // One store throughout.
        let whole = Target::Sqlite(dir.path().join("whole.sqlite"));
        let mut store = Store::open(&whole).unwrap();
        store.write(&[set(&a[0])], &[]).unwrap();
        store.write(&[set(&a[1]), set(&a[2])], &[]).unwrap();
        store.write(&[set(&a[0])], &[]).unwrap();
        let got = placed(&mut store);
        assert_eq!(got.len(), 3, "an article written again keeps its place");
        assert_eq!(got[1].1, got[0].1, "the copy joins its original's story");
        assert_eq!(got[1].2.as_deref(), Some(a[0].id.as_str()));
        assert_ne!(got[2].1, got[0].1, "another article, another story");
        assert_eq!(got[2].2, None);
        assert_eq!(got[0].1, crate::stories::store::story_name(&a[0].id));
        let stories = store
            .db()
            .query(
                "SELECT id, articles, label FROM stories ORDER BY started_seq",
                &[],
            )
            .unwrap();
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0]["articles"], 2);
        assert!(!stories[0]["label"].as_str().unwrap().is_empty());

        // A new store per write (a restart each time) places the same way.
        let restarted = Target::Sqlite(dir.path().join("restarted.sqlite"));
        Store::open(&restarted)
            .unwrap()
            .write(&[set(&a[0])], &[])
            .unwrap();
        Store::open(&restarted)
            .unwrap()
            .write(&[set(&a[1]), set(&a[2])], &[])
            .unwrap();
        let mut reopened = Store::open(&restarted).unwrap();
        assert_eq!(placed(&mut reopened), got);
        let terms = |s: &mut Store| {
            s.db()
                .query("SELECT terms FROM story_articles ORDER BY seq", &[])
                .unwrap()
        };
        assert_eq!(terms(&mut reopened), terms(&mut store), "the same weights");

        // Emptying the article tables (a rebuild) keeps every story.
        reopened.clear().unwrap();
        reopened
            .write(&[set(&a[2]), set(&a[1]), set(&a[0])], &[])
            .unwrap();
        assert_eq!(placed(&mut reopened), got);
    }

    #[test]
    fn terms_read_back_to_the_same_bits() {
        let terms = vec![
            Term {
                key: u64::MAX - 3,
                kind: TermKind::Place,
                text: "São Paulo \"x\"".into(),
                weight: 0.1 + 0.2,
            },
            Term {
                key: 7,
                kind: TermKind::Title,
                text: "strike".into(),
                weight: 1.0 / 3.0,
            },
        ];
        assert_eq!(decode_terms(&encode_terms(&terms)), terms);
        assert!(decode_terms("not json").is_empty());
    }
}
