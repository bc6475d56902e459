//! The story step of an index write: each article new to the index joins a
//! story ([`crate::stories::assign::assign`]) and is checked for copies among the
//! earlier articles (MinHash bands give candidates, the exact check of
//! [`crate::stories::fingerprint`] confirms them; the first seen is the
//! original), in the same transaction as its rows.
//!
//! Memory holds only the stories that can still take articles
//! ([`OpenStories`]: a story closes once its last day is two windows
//! before the newest day placed), so it does not grow with the articles
//! ever indexed. Everything else is asked of the index in the same
//! transaction: whether an article is placed (`story_articles`), the
//! earlier articles sharing a MinHash band (`story_bands`), and how many
//! articles hold each term (`story_terms`). The open stories are read back
//! from `story_articles` when the store first writes: each row holds the
//! article's terms as weighted when it was placed, so replaying the open
//! stories' rows in order gives back exactly the state the live writer
//! had. A restart or an `index rebuild` therefore goes on with the same
//! stories and ids. When another writer placed articles meanwhile (the
//! sequence in the table is not the one in memory), a transaction failed,
//! or articles left the index, the state is read again. An article
//! already placed keeps its story when written again (an upsert, a
//! replay, a rebuild).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde_json::Value;

use super::IndexError;
use super::db::{Param, Tx};
use super::rows::RowSet;
use super::store::{exec_chunked, insert_into, query_in, values};
use crate::stories::assign::{Settings, assign};
use crate::stories::features::{Article, Term, TermKind};
use crate::stories::fingerprint::{MINHASHES, Profile, Sketch};
use crate::stories::store::{OpenStories, Story, StoryId, StoryStore};

/// Earlier articles checked exactly as copies of an arriving one at most
/// (those sharing a MinHash band, oldest first).
const MAX_COPY_CHECKS: usize = 64;
/// Serializes the story step of concurrent PostgreSQL writers.
const PG_LOCK: i64 = 74_202_002;
/// `index_state` key of an index whose `story_terms` and `story_bands`
/// are still to be filled from `story_articles` (made before they were).
const BACKFILL: &str = "stories_backfill";
/// `story_articles` rows read per query when filling them.
const BACKFILL_ROWS: i64 = 10_000;

/// The grouping of one open store: its settings, and its state, empty
/// until its first write.
pub struct Grouping {
    settings: Settings,
    state: Option<State>,
    /// Earlier articles' copy-check profiles, kept across batches.
    profiles: Profiles,
}

/// The state read back from the index.
struct State {
    open: OpenStories,
    /// The last sequence number given.
    seq: i64,
}

impl Grouping {
    /// Groups as `settings` say (`stories.*`).
    pub fn new(settings: Settings) -> Grouping {
        Grouping {
            settings,
            state: None,
            profiles: Profiles::default(),
        }
    }

    /// Places the articles of `sets` that are new to the index, inside the
    /// transaction `tx` that writes their rows (already upserted, so an
    /// article's copy may be in the same batch), by day, then id. `now`
    /// stamps the rows.
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
            _ => State::load(tx, &self.settings)?,
        };
        let mut new = unplaced(tx, sets)?;
        new.sort_by(|a, b| (a.story.day, &a.story.id).cmp(&(b.story.day, &b.story.id)));
        let keys: Vec<u64> = new
            .iter()
            .flat_map(|s| s.story.terms.iter().map(|t| t.key))
            .collect();
        let mut df = Frequencies {
            counts: document_frequencies(tx, &keys)?,
            changed: HashSet::new(),
        };
        let mut touched: Vec<StoryId> = Vec::new();
        let mut closed: Vec<(StoryId, Story)> = Vec::new();
        // Written after the loop, many per statement; the bands of the
        // batch's articles placed so far are asked of `batch_bands` too.
        let mut placements: Vec<[Param; 10]> = Vec::with_capacity(new.len());
        let mut batch_bands = BatchBands::default();
        for set in new {
            let article = &set.story;
            let copy_of = copy_of(tx, article, set.body(), &batch_bands, &mut self.profiles)?;
            let mut placing = Placing {
                open: &mut state.open,
                df: &mut df,
                seq: state.seq,
                added: None,
                closed: &mut closed,
            };
            let placed = assign(&mut placing, article, &self.settings);
            let weighted = placing.added.take().unwrap_or_else(|| article.clone());
            state.seq += 1;
            if placed.started {
                upsert_story(tx, find(&state.open, &closed, placed.story), now)?;
            }
            if !touched.contains(&placed.story) {
                touched.push(placed.story);
            }
            let name = find(&state.open, &closed, placed.story)
                .map(|(_, s)| s.name.clone())
                .unwrap_or_default();
            let minhash = article.sketch.as_ref().map(Sketch::minhash_hex);
            placements.push([
                Param::from(article.id.as_str()),
                Param::from(name),
                Param::Int(state.seq),
                Param::from(copy_of),
                Param::from(placed.similarity),
                Param::Text(article.day.to_string()),
                Param::from(article.source.clone()),
                Param::from(minhash),
                Param::Text(encode_terms(&weighted.terms)),
                Param::from(now),
            ]);
            if let Some(sketch) = &article.sketch {
                batch_bands.add(sketch, state.seq, article.id.as_str());
            }
        }
        upsert_rows(
            tx,
            "story_articles (article_id, story_id, seq, near_duplicate_of, similarity, day, \
             source, minhash, terms, assigned_at)",
            "",
            &placements,
        )?;
        let band_rows: Vec<[Param; 3]> = batch_bands
            .rows
            .iter()
            .map(|(band, seq, id)| band_row(*band, *seq, id))
            .collect();
        upsert_rows(tx, "story_bands (band, seq, article_id)", "", &band_rows)?;
        df.write(tx)?;
        for handle in touched {
            upsert_story(tx, find(&state.open, &closed, handle), now)?;
        }
        self.state = Some(state);
        Ok(())
    }

    /// Removes the placements of the articles `ids` that are no longer in
    /// the index (deleted, or replaced by another text), and brings their
    /// stories' rows up to date; a story left without articles goes. An
    /// open story that lost an article is read again at the next write.
    pub fn prune(&mut self, tx: &mut Tx<'_>, ids: &[String]) -> Result<(), IndexError> {
        let mut stories: Vec<String> = Vec::new();
        for id in ids {
            let rows = tx.query(
                "SELECT story_id FROM story_articles WHERE article_id = ?1 \
                 AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = ?1)",
                &[Param::from(id.as_str())],
            )?;
            let Some(story) = rows.first().and_then(|r| text(r, "story_id")) else {
                continue;
            };
            tx.exec(
                "DELETE FROM story_bands WHERE article_id = ?1",
                &[Param::from(id.as_str())],
            )?;
            tx.exec(
                "DELETE FROM story_articles WHERE article_id = ?1",
                &[Param::from(id.as_str())],
            )?;
            if !stories.contains(&story) {
                stories.push(story);
            }
        }
        if stories.is_empty() {
            return Ok(());
        }
        self.forget();
        for name in stories {
            let rows = tx.query(
                "SELECT sa.article_id, sa.story_id, sa.day, sa.source, sa.terms, s.started_seq, \
                 s.updated_at \
                 FROM story_articles sa JOIN stories s ON s.id = sa.story_id \
                 WHERE sa.story_id = ?1 ORDER BY sa.seq",
                &[Param::from(name.as_str())],
            )?;
            let updated = rows
                .first()
                .and_then(|r| text(r, "updated_at"))
                .unwrap_or_default();
            let mut one = OpenStories::new(&Settings::default());
            for row in &rows {
                replay(&mut one, row);
            }
            match one.iter().next() {
                Some(story) => upsert_story(tx, Some(story), &updated)?,
                None => {
                    tx.exec(
                        "DELETE FROM stories WHERE id = ?1",
                        &[Param::from(name.as_str())],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Removes the placements of every article no longer in the index
    /// (after `index rebuild`, whose records folder may have lost some).
    pub fn prune_all(&mut self, tx: &mut Tx<'_>) -> Result<(), IndexError> {
        let rows = tx.query(
            "SELECT article_id FROM story_articles sa \
             WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = sa.article_id)",
            &[],
        )?;
        let ids: Vec<String> = rows.iter().filter_map(|r| text(r, "article_id")).collect();
        self.prune(tx, &ids)
    }

    /// Forgets the state (after a failed transaction: it may be ahead of
    /// the index).
    pub fn forget(&mut self) {
        self.state = None;
    }
}

/// The sets whose article is not placed yet, each record id once (the
/// first set holding it).
fn unplaced<'a>(tx: &mut Tx<'_>, sets: &[&'a RowSet]) -> Result<Vec<&'a RowSet>, IndexError> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut ids: Vec<&str> = Vec::new();
    for s in sets {
        if seen.insert(s.story.id.as_str()) {
            ids.push(s.story.id.as_str());
        }
    }
    let ids: Vec<Param> = ids.iter().map(|id| Param::from(*id)).collect();
    let placed: HashSet<String> = query_in(
        tx,
        "SELECT article_id FROM story_articles WHERE article_id",
        &ids,
    )?
    .iter()
    .filter_map(|r| text(r, "article_id"))
    .collect();
    let mut taken: HashSet<&str> = HashSet::new();
    Ok(sets
        .iter()
        .filter(|s| !placed.contains(&s.story.id) && taken.insert(s.story.id.as_str()))
        .copied()
        .collect())
}

/// A story by handle, open or closed during this batch.
fn find<'a>(
    open: &'a OpenStories,
    closed: &'a [(StoryId, Story)],
    id: StoryId,
) -> Option<(StoryId, &'a Story)> {
    open.get(id).map(|s| (id, s)).or_else(|| {
        closed
            .iter()
            .rev()
            .find(|(c, _)| *c == id)
            .map(|(c, s)| (*c, s))
    })
}

impl State {
    /// Reads the open stories back: the rows of the stories whose last day
    /// is not before the cutoff of the newest day placed, in order.
    fn load(tx: &mut Tx<'_>, settings: &Settings) -> Result<State, IndexError> {
        if !tx
            .query(
                "SELECT value FROM index_state WHERE key = ?1",
                &[Param::from(BACKFILL)],
            )?
            .is_empty()
        {
            backfill(tx)?;
        }
        let mut open = OpenStories::new(settings);
        let seq = last_seq(tx)?;
        let newest = tx
            .query("SELECT max(day) AS day FROM story_articles", &[])?
            .first()
            .and_then(|r| text(r, "day"))
            .and_then(|d| parse_day(&d));
        if let Some(newest) = newest {
            let cutoff = newest - chrono::Duration::days(settings.open_days());
            let rows = tx.query(
                "SELECT sa.article_id, sa.story_id, sa.day, sa.source, sa.terms, s.started_seq \
                 FROM story_articles sa JOIN stories s ON s.id = sa.story_id \
                 WHERE s.last_published >= ?1 ORDER BY sa.seq",
                &[Param::Text(cutoff.to_string())],
            )?;
            for row in &rows {
                replay(&mut open, row);
            }
            // The newest day moves the cutoff even when its story closed.
            if open.newest().is_none_or(|n| n < newest) {
                open.advance(newest);
            }
        }
        Ok(State { open, seq })
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

/// Writes a story's row as it stands (its handle is the sequence number
/// of its first article).
fn upsert_story(
    tx: &mut Tx<'_>,
    story: Option<(StoryId, &Story)>,
    now: &str,
) -> Result<(), IndexError> {
    let Some((handle, story)) = story else {
        return Ok(());
    };
    tx.exec(
        "INSERT INTO stories (id, label, first_published, last_published, articles, sources, \
         started_seq, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, \
         first_published = excluded.first_published, last_published = excluded.last_published, \
         articles = excluded.articles, sources = excluded.sources, updated_at = excluded.updated_at",
        &[
            Param::from(story.name.as_str()),
            Param::Text(story.label()),
            Param::Text(story.first.to_string()),
            Param::Text(story.last.to_string()),
            Param::Int(story.articles as i64),
            Param::from((!story.sources.is_empty()).then(|| story.sources.join("; "))),
            Param::Int(i64::try_from(handle).unwrap_or(i64::MAX)),
            Param::from(now),
        ],
    )?;
    Ok(())
}

/// Adds one `story_articles` row (with its story's `started_seq`) to
/// `open`, as the live writer added it, in the story it names.
fn replay(open: &mut OpenStories, row: &serde_json::Map<String, Value>) {
    let (Some(id), Some(story), Some(day)) = (
        text(row, "article_id"),
        text(row, "story_id"),
        text(row, "day").and_then(|d| parse_day(&d)),
    ) else {
        return;
    };
    let handle = row
        .get("started_seq")
        .and_then(Value::as_u64)
        .unwrap_or_default();
    let article = Article {
        id,
        path: String::new(),
        title: None,
        published: None,
        day,
        source: text(row, "source"),
        terms: text(row, "terms")
            .map(|t| decode_terms(&t))
            .unwrap_or_default(),
        sketch: None,
    };
    open.add(Some(handle), &article, handle);
    open.rename(handle, &story);
}

/// The id of the first earlier article that `article` nearly copies:
/// those sharing a MinHash band with it, oldest first, checked exactly.
/// The earlier articles are those in `story_bands` and, after them (their
/// sequence numbers are higher), the articles of the batch placed so far,
/// whose bands are `batch_bands`.
fn copy_of(
    tx: &mut Tx<'_>,
    article: &Article,
    body: &str,
    batch_bands: &BatchBands<'_>,
    profiles: &mut Profiles,
) -> Result<Option<String>, IndexError> {
    let Some(sketch) = &article.sketch else {
        return Ok(None);
    };
    let bands: Vec<u64> = sketch.bands().collect();
    let mut params: Vec<Param> = bands.iter().map(|b| Param::Int(*b as i64)).collect();
    params.push(Param::from(article.id.as_str()));
    let sql: Cow<'_, str> = if bands.len() == BANDS {
        Cow::Borrowed(OLDEST_SHARING.as_str())
    } else {
        Cow::Owned(oldest_sharing_sql(bands.len()))
    };
    let mut earlier: Vec<(i64, String)> = tx
        .query(&sql, &params)?
        .iter()
        .filter_map(|r| Some((r.get("seq")?.as_i64()?, text(r, "article_id")?)))
        .collect();
    earlier.sort_unstable();
    earlier.dedup();
    let in_batch = batch_bands.sharing(&bands, &article.id);
    let candidates = earlier
        .into_iter()
        .map(|(_, id)| id)
        .chain(in_batch.into_iter().map(|(_, id)| id.to_string()))
        .take(MAX_COPY_CHECKS);
    // Read once, when there is a candidate to check it against.
    let mut profile: Option<Profile> = None;
    for id in candidates {
        let Some(earlier) = profiles.get(tx, &id)? else {
            continue;
        };
        let profile = profile.get_or_insert_with(|| Profile::of(body));
        if earlier.overlap(profile).is_copy() {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Profiles of earlier articles kept at most (under 1 MB of BBC-length
/// articles). The candidates of a template site's articles are the same
/// few oldest articles of each band, so they stay; where candidates are
/// scattered the store empties and fills again.
const PROFILES: usize = 256;

/// The copy-check profiles of earlier articles, by record id: a record id
/// is the hash of the text, so a profile never goes stale. Without them,
/// each arriving article of a template site read and profiled its 64
/// candidates' bodies anew.
#[derive(Default)]
struct Profiles {
    by_id: HashMap<String, Profile>,
}

impl Profiles {
    /// The profile of the indexed article `id`, read from the index the
    /// first time; `None` when the index does not hold it.
    fn get(&mut self, tx: &mut Tx<'_>, id: &str) -> Result<Option<&Profile>, IndexError> {
        if !self.by_id.contains_key(id) {
            let rows = tx.query(
                "SELECT body FROM articles WHERE id = ?1 ORDER BY key LIMIT 1",
                &[Param::from(id)],
            )?;
            let Some(body) = rows
                .first()
                .and_then(|r| r.get("body"))
                .and_then(Value::as_str)
            else {
                return Ok(None);
            };
            if self.by_id.len() >= PROFILES {
                self.by_id.clear();
            }
            self.by_id.insert(id.to_string(), Profile::of(body));
        }
        Ok(self.by_id.get(id))
    }
}

/// The bands of a sketch: two MinHash values each.
const BANDS: usize = MINHASHES / 2;

/// [`oldest_sharing_sql`] for a sketch's [`BANDS`], written once.
static OLDEST_SHARING: LazyLock<String> = LazyLock::new(|| oldest_sharing_sql(BANDS));

/// The oldest [`MAX_COPY_CHECKS`] placed articles of each of `bands`
/// bands (`?1` … `?bands`) other than the article `?bands+1`, as `seq,
/// article_id` rows. Each band is read on its own, along the `(band, seq)`
/// index: one query over all the bands had to sort every article sharing
/// any of them before its limit, which on a template site (a bulletin, a
/// price list) is every earlier article of the site, so each arriving
/// article cost in the size of the index. The oldest candidates overall
/// are among each band's oldest, so the union holds them.
fn oldest_sharing_sql(bands: usize) -> String {
    (1..=bands)
        .map(|b| {
            format!(
                "SELECT * FROM (SELECT seq, article_id FROM story_bands WHERE band = ?{b} \
                 AND article_id <> ?{} ORDER BY seq LIMIT {MAX_COPY_CHECKS}) AS b{b}",
                bands + 1
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// The MinHash bands of the articles of a batch placed so far, written
/// after the batch and asked of by band meanwhile: a batch holds up to a
/// thousand articles, eight bands each, and scanning them all for each
/// article grew with the square of the batch.
#[derive(Default)]
struct BatchBands<'a> {
    /// (band, sequence number, record id), as placed.
    rows: Vec<(u64, i64, &'a str)>,
    /// Each band's rows, by their place in `rows`.
    by_band: HashMap<u64, Vec<usize>>,
}

impl<'a> BatchBands<'a> {
    /// Notes the bands of the article `id`, placed `seq`th.
    fn add(&mut self, sketch: &Sketch, seq: i64, id: &'a str) {
        for band in sketch.bands() {
            self.by_band.entry(band).or_default().push(self.rows.len());
            self.rows.push((band, seq, id));
        }
    }

    /// The articles other than `except` sharing one of `bands`, once
    /// each, in the order they were placed: the first
    /// [`MAX_COPY_CHECKS`] of each band.
    fn sharing(&self, bands: &[u64], except: &str) -> Vec<(i64, &'a str)> {
        // Each band's first few suffice (see `oldest_sharing_sql`): on a
        // template site a band holds every article of the batch.
        let mut found: Vec<(i64, &'a str)> = bands
            .iter()
            .filter_map(|b| self.by_band.get(b))
            .flat_map(|rows| {
                rows.iter()
                    .filter_map(|&i| self.rows.get(i))
                    .filter(|(_, _, id)| *id != except)
                    .take(MAX_COPY_CHECKS)
            })
            .map(|&(_, seq, id)| (seq, id))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// A `story_bands` row: a band of the article placed `seq`th, `id`.
fn band_row(band: u64, seq: i64, id: &str) -> [Param; 3] {
    [Param::Int(band as i64), Param::Int(seq), Param::from(id)]
}

/// Notes the MinHash bands of placed articles (sequence number, record id,
/// sketch) in `story_bands`.
fn insert_bands(tx: &mut Tx<'_>, placed: &[(i64, &str, &Sketch)]) -> Result<(), IndexError> {
    let rows: Vec<[Param; 3]> = placed
        .iter()
        .flat_map(|(seq, id, sketch)| sketch.bands().map(move |b| band_row(b, *seq, id)))
        .collect();
    upsert_rows(tx, "story_bands (band, seq, article_id)", "", &rows)
}

/// Inserts `rows` into `into` (a table and its columns) with the
/// conflict clause `on_conflict`, as many rows per statement as the
/// dialect takes ([`exec_chunked`]: in SQLite a few statements, each
/// prepared once; in PostgreSQL one round trip). No two rows may conflict
/// with each other (one statement cannot touch a row twice).
fn upsert_rows<const N: usize>(
    tx: &mut Tx<'_>,
    into: &str,
    on_conflict: &str,
    rows: &[[Param; N]],
) -> Result<(), IndexError> {
    let verb = if on_conflict.is_empty() {
        insert_into(tx.dialect())
    } else {
        "INSERT INTO"
    };
    let insert = |n| format!("{verb} {into} VALUES {} {on_conflict}", values(n, N));
    exec_chunked(tx, rows, N, insert, |row, params| params.extend(row.iter()))
}

/// How many placed articles hold each of `keys` (`story_terms`).
fn document_frequencies(tx: &mut Tx<'_>, keys: &[u64]) -> Result<HashMap<u64, u64>, IndexError> {
    let mut unique: Vec<u64> = keys.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut out = HashMap::with_capacity(unique.len());
    let terms: Vec<Param> = unique.iter().map(|k| Param::Int(*k as i64)).collect();
    for row in query_in(
        tx,
        "SELECT term, articles FROM story_terms WHERE term",
        &terms,
    )? {
        if let (Some(term), Some(n)) = (
            row.get("term").and_then(Value::as_i64),
            row.get("articles").and_then(Value::as_u64),
        ) {
            out.insert(term as u64, n);
        }
    }
    Ok(out)
}

/// The document frequencies of a batch's terms: read from `story_terms`
/// before it, counted up as its articles are placed, written back after.
struct Frequencies {
    counts: HashMap<u64, u64>,
    changed: HashSet<u64>,
}

impl Frequencies {
    fn count(&mut self, terms: &[Term]) {
        for t in terms {
            *self.counts.entry(t.key).or_insert(0) += 1;
            self.changed.insert(t.key);
        }
    }

    fn write(&self, tx: &mut Tx<'_>) -> Result<(), IndexError> {
        let mut keys: Vec<u64> = self.changed.iter().copied().collect();
        keys.sort_unstable();
        let rows: Vec<[Param; 2]> = keys
            .iter()
            .map(|k| {
                let n = self.counts.get(k).copied().unwrap_or(0);
                [
                    Param::Int(*k as i64),
                    Param::Int(i64::try_from(n).unwrap_or(i64::MAX)),
                ]
            })
            .collect();
        upsert_rows(
            tx,
            "story_terms (term, articles)",
            "ON CONFLICT (term) DO UPDATE SET articles = excluded.articles",
            &rows,
        )
    }
}

/// Fills `story_terms` and `story_bands` from every `story_articles` row,
/// in pieces, for an index made before they existed; once.
fn backfill(tx: &mut Tx<'_>) -> Result<(), IndexError> {
    tx.exec("DELETE FROM story_terms", &[])?;
    tx.exec("DELETE FROM story_bands", &[])?;
    let mut counts: HashMap<u64, u64> = HashMap::new();
    let mut after = 0i64;
    loop {
        let rows = tx.query(
            &format!(
                "SELECT article_id, seq, minhash, terms FROM story_articles \
                 WHERE seq > ?1 ORDER BY seq LIMIT {BACKFILL_ROWS}"
            ),
            &[Param::Int(after)],
        )?;
        if rows.is_empty() {
            break;
        }
        let mut sketches: Vec<(i64, String, Sketch)> = Vec::with_capacity(rows.len());
        for row in &rows {
            let seq = row.get("seq").and_then(Value::as_i64).unwrap_or(after);
            after = after.max(seq);
            for t in text(row, "terms")
                .map(|t| decode_terms(&t))
                .unwrap_or_default()
            {
                *counts.entry(t.key).or_insert(0) += 1;
            }
            if let (Some(id), Some(sketch)) = (
                text(row, "article_id"),
                text(row, "minhash").and_then(|m| Sketch::from_hex("0", &m)),
            ) {
                sketches.push((seq, id, sketch));
            }
        }
        let placed: Vec<(i64, &str, &Sketch)> = sketches
            .iter()
            .map(|(seq, id, sketch)| (*seq, id.as_str(), sketch))
            .collect();
        insert_bands(tx, &placed)?;
    }
    let frequencies = Frequencies {
        changed: counts.keys().copied().collect(),
        counts,
    };
    frequencies.write(tx)?;
    tx.exec(
        "DELETE FROM index_state WHERE key = ?1",
        &[Param::from(BACKFILL)],
    )?;
    Ok(())
}

/// A text column of a row.
fn text(row: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    row.get(key).and_then(Value::as_str).map(str::to_string)
}

/// A day as the index gives it back (`YYYY-MM-DD`, perhaps with a time).
fn parse_day(d: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
}

/// An article's weighted terms as kept in `story_articles.terms`: a JSON
/// array of `[key, kind, weight, text]` (floats written so they read back
/// to the same bits).
/// Written straight from the terms (no JSON tree built first: this runs for
/// every article placed).
fn encode_terms(terms: &[Term]) -> String {
    let list: Vec<(String, char, f64, &str)> = terms
        .iter()
        .map(|t| {
            (
                t.key.to_string(),
                char::from(t.kind.tag()),
                t.weight,
                t.text.as_str(),
            )
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
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

/// The [`StoryStore`] of one placement: the open stories, the batch's
/// document frequencies, and the articles placed before (the sequence
/// number); it notes the article as weighted by [`assign()`], so the
/// weights can be kept for replay, and the stories that closed.
struct Placing<'a> {
    open: &'a mut OpenStories,
    df: &'a mut Frequencies,
    seq: i64,
    added: Option<Article>,
    closed: &'a mut Vec<(StoryId, Story)>,
}

impl StoryStore for Placing<'_> {
    fn articles(&self) -> u64 {
        u64::try_from(self.seq).unwrap_or(0)
    }
    fn document_frequency(&self, term: u64) -> u64 {
        self.df.counts.get(&term).copied().unwrap_or(0)
    }
    fn stories_with(&self, term: u64, limit: usize) -> Vec<StoryId> {
        self.open.with_term(term, limit)
    }
    fn story(&self, id: StoryId) -> Option<Cow<'_, Story>> {
        self.open.get(id).map(Cow::Borrowed)
    }
    fn add(&mut self, to: Option<StoryId>, article: &Article) -> StoryId {
        self.df.count(&article.terms);
        self.added = Some(article.clone());
        let start = u64::try_from(self.seq + 1).unwrap_or(0);
        let (id, closed) = self.open.add(to, article, start);
        self.closed.extend(closed);
        id
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
        rows(r.clone(), &from, "2025-01-01T00:00:00Z")
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
        let mut store = Store::writer(&whole, &Settings::default()).unwrap();
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
        let open = || Store::writer(&restarted, &Settings::default()).unwrap();
        open().write(&[set(&a[0])], &[]).unwrap();
        open().write(&[set(&a[1]), set(&a[2])], &[]).unwrap();
        let mut reopened = open();
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

    /// Bulletin `i` of a template site: the same words as every other
    /// bulletin, its own figures, so it shares its MinHash bands with them
    /// and copies none.
    fn bulletin(i: usize, tail: &str) -> RowSet {
        let mut r = seed_record();
        r.id = format!("{i:032x}");
        r.source.path = format!("bulletin{i}{}.txt", tail.len());
        r.text.body = format!(
            "The council met on Tuesday to discuss the budget, the roads and the schools of \
             the district. Members agreed to continue the talks next week and to publish the \
             accounts of the year before the summer. The budget of {i} million dollars for \
             item {} was approved by the members present, and the clerk read the minutes of \
             the last meeting aloud before the vote was taken.{tail}",
            i + 7
        );
        let mut set = set(&r);
        set.story.sketch = Sketch::of(&r.text.body);
        set
    }

    #[test]
    fn a_copy_is_found_among_more_earlier_articles_sharing_its_bands_than_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let target = Target::Sqlite(dir.path().join("index.sqlite"));
        let mut store = Store::writer(&target, &Settings::default()).unwrap();
        let n = 2 * MAX_COPY_CHECKS;
        let first: Vec<RowSet> = (0..n / 2).map(|i| bulletin(i, "")).collect();
        let second: Vec<RowSet> = (n / 2..n).map(|i| bulletin(i, "")).collect();
        store.write(&first, &[]).unwrap();
        store.write(&second, &[]).unwrap();
        let bands = table(
            &mut store,
            "SELECT band, count(*) AS n FROM story_bands GROUP BY band",
        );
        let widest = bands.iter().filter_map(|b| b["n"].as_i64()).max();
        assert!(
            widest > Some(MAX_COPY_CHECKS as i64),
            "more bulletins share a band than are checked: {widest:?}"
        );
        // A lightly edited copy of the first bulletin; the copy's id
        // sorts after every bulletin's.
        let mut copy = bulletin(0, " Reporting by the council's press office.");
        copy.story.id = "f".repeat(32);
        store.write(&[copy], &[]).unwrap();
        let got = placed(&mut store);
        assert_eq!(got.len(), n + 1);
        assert!(
            got[..n].iter().all(|p| p.2.is_none()),
            "no bulletin copies another"
        );
        assert_eq!(got[n].2.as_deref(), Some(format!("{:032x}", 0).as_str()));
    }

    /// Article `i` of a run of daily articles: four in a row share a
    /// name and a keyword (one story), all share a common keyword.
    fn daily(i: usize) -> RowSet {
        let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(i as i64);
        let term = |kind, text: String, weight| Term {
            key: crate::stories::features::term_key(kind, &text),
            kind,
            text,
            weight,
        };
        RowSet {
            path: format!("{i}.txt"),
            article: Vec::new(),
            children: Vec::new(),
            story: Article {
                // Story ids come from the first 16 hex digits.
                id: format!("{i:016x}{i:016x}"),
                path: format!("{i}.txt"),
                title: None,
                published: Some(day),
                day,
                source: Some("outlet".into()),
                terms: vec![
                    term(TermKind::Name, format!("person {}", i / 4), 1.0),
                    term(TermKind::Keyword, format!("topic {}", i / 4), 1.0),
                    term(TermKind::Keyword, "weather".into(), 0.5),
                ],
                sketch: None,
            },
            ledger: Vec::new(),
        }
    }

    fn table(store: &mut Store, sql: &str) -> Vec<serde_json::Map<String, Value>> {
        store.db().query(sql, &[]).unwrap()
    }

    #[test]
    fn closed_stories_leave_memory_and_a_restart_places_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            window_days: 3,
            ..Settings::default()
        };
        let sets: Vec<RowSet> = (0..120).map(daily).collect();
        let now = "2025-06-01T00:00:00Z";
        let place = |store: &mut Store, grouping: &mut Grouping, batch: &[RowSet]| {
            let refs: Vec<&RowSet> = batch.iter().collect();
            store
                .db()
                .transaction(|tx| grouping.place(tx, &refs, now))
                .unwrap();
        };
        let open =
            |name: &str| Store::writer(&Target::Sqlite(dir.path().join(name)), &settings).unwrap();
        let mut live = open("live.sqlite");
        let mut grouping = Grouping::new(settings);
        let mut most_open = 0;
        for batch in sets.chunks(10) {
            place(&mut live, &mut grouping, batch);
            most_open = most_open.max(grouping.state.as_ref().unwrap().open.len());
        }
        // Four days a story, open for six days after its last: at most three.
        assert!(most_open <= 3, "{most_open} stories open");
        let mut restarted = open("restarted.sqlite");
        for batch in sets.chunks(10) {
            place(&mut restarted, &mut Grouping::new(settings), batch);
        }
        for sql in [
            "SELECT article_id, story_id, seq, similarity, terms FROM story_articles ORDER BY seq",
            "SELECT id, label, first_published, last_published, articles, started_seq FROM stories ORDER BY id",
            "SELECT term, articles FROM story_terms ORDER BY term",
        ] {
            assert_eq!(table(&mut restarted, sql), table(&mut live, sql), "{sql}");
        }
        let stories = table(&mut live, "SELECT articles FROM stories");
        assert_eq!(stories.len(), 30, "four articles a story");
        assert!(stories.iter().all(|r| r["articles"] == 4));
        // A late article (more than two windows before the newest) finds
        // its story closed: it starts another.
        let mut late = daily(1);
        late.story.id = "e".repeat(32);
        late.path = "late.txt".into();
        place(&mut live, &mut grouping, std::slice::from_ref(&late));
        assert_eq!(table(&mut live, "SELECT id FROM stories").len(), 31);
    }

    #[test]
    fn an_article_that_leaves_the_index_leaves_its_story() {
        let dir = tempfile::tempdir().unwrap();
        let a = articles();
        let mut store = Store::writer(
            &Target::Sqlite(dir.path().join("i.sqlite")),
            &Settings::default(),
        )
        .unwrap();
        store.write(&[set(&a[0]), set(&a[1])], &[]).unwrap();
        let story = crate::stories::store::story_name(&a[0].id);
        let count = |s: &mut Store, sql: &str| table(s, sql)[0]["n"].as_i64().unwrap();
        assert_eq!(count(&mut store, "SELECT articles AS n FROM stories"), 2);
        // The original's path now holds another text: its placement goes,
        // the story keeps its id and the copy.
        let mut revised = a[2].clone();
        revised.source.path = a[0].source.path.clone();
        store.write(&[set(&revised)], &[]).unwrap();
        let left = placed(&mut store);
        assert_eq!(left.len(), 2);
        assert!(left.iter().all(|(id, _, _)| *id != a[0].id));
        let row = &table(
            &mut store,
            &format!("SELECT articles FROM stories WHERE id = '{story}'"),
        )[0];
        assert_eq!(row["articles"], 1);
        assert_eq!(
            count(&mut store, "SELECT count(*) AS n FROM stories"),
            2,
            "no story renamed"
        );
        // Read back after a restart, the story keeps its id for new copies.
        let mut again = a[1].clone();
        again.id = format!("{}d", &a[1].id[..31]);
        again.source.path = "again.txt".into();
        let mut reopened = Store::writer(
            &Target::Sqlite(dir.path().join("i.sqlite")),
            &Settings::default(),
        )
        .unwrap();
        reopened.write(&[set(&again)], &[]).unwrap();
        let last = placed(&mut reopened).pop().unwrap();
        assert_eq!(
            (last.0.as_str(), last.1.as_str()),
            (again.id.as_str(), story.as_str())
        );
        reopened.write(&[], &["again.txt".to_string()]).unwrap();
        assert_eq!(
            count(
                &mut store,
                "SELECT count(*) AS n FROM story_bands WHERE article_id IN (SELECT article_id FROM story_articles)"
            ),
            count(&mut store, "SELECT count(*) AS n FROM story_bands")
        );
        // Every path removed: nothing of the stories is left.
        store
            .write(&[], &[a[0].source.path.clone(), a[1].source.path.clone()])
            .unwrap();
        for t in ["story_articles", "stories", "story_bands"] {
            assert_eq!(
                count(&mut store, &format!("SELECT count(*) AS n FROM {t}")),
                0,
                "{t}"
            );
        }
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
        // The text indexes already hold: a JSON tree of the same values.
        let tree: Vec<Value> = terms
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
        assert_eq!(encode_terms(&terms), Value::Array(tree).to_string());
        let odd = [Term {
            weight: f64::NAN,
            ..terms[0].clone()
        }];
        assert_eq!(
            encode_terms(&odd),
            Value::Array(vec![serde_json::json!([
                odd[0].key.to_string(),
                "p",
                odd[0].weight,
                odd[0].text
            ])])
            .to_string()
        );
    }
}
