//! The fact ledger in the index (`ledger_entries`, `ledger_observations`),
//! kept by the store in the transaction that writes a batch of articles.
//!
//! An entry depends only on the observations of its key (the ledger groups
//! within a key, see [`crate::facts::Ledger::add`]), so a batch re-judges
//! exactly the keys it touches: the keys its articles had before and have
//! now. Their observations are read back, the ledger of those keys is built
//! in the canonical order, and their entries and observations are written
//! anew. The index's entries are therefore the entries `wirewatch facts
//! --records` computes from the same records, with the same ids, whatever
//! order the articles came in; an article written again replaces its
//! observations; a removed article leaves its entries.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::IndexError;
use super::db::{Dialect, Param, Row, Tx};
use super::store::{MAX_PARAMS, delete_in, insert_values, placeholders};
use crate::facts::{Entry, EntryKey, Ledger, Observation, Span};
use crate::record::{MeasureKind, Qualifier};

/// The columns of `ledger_entries`.
const ENTRY_COLUMNS: &[&str] = &[
    "key",
    "id",
    "measure",
    "entity",
    "kind",
    "unit",
    "period_text",
    "period_start",
    "period_end",
    "agree",
    "observations",
    "articles",
    "outliers",
];

/// The columns of `ledger_observations`.
const OBSERVATION_COLUMNS: &[&str] = &[
    "article",
    "key",
    "entry",
    "n",
    "kind",
    "measure",
    "of_what",
    "unit",
    "entity_key",
    "entity",
    "entity_nearby",
    "thing",
    "value",
    "min",
    "max",
    "qualifier",
    "period_text",
    "period_start",
    "period_end",
    "cited",
    "outlier",
    "text",
    "char_start",
];

/// An observation's columns with its article's, as [`observation`] reads them.
pub(super) const OBSERVATION_SELECT: &str = "SELECT o.article, o.key, o.kind, o.measure, \
     o.of_what, o.unit, o.entity_key, o.entity, o.entity_nearby, o.thing, o.value, o.min, \
     o.max, o.qualifier, o.period_text, o.period_start, o.period_end, o.cited, o.text, \
     o.char_start, o.entry, o.n, o.outlier, a.path, a.title, a.published, a.publisher \
     FROM ledger_observations o JOIN articles a ON a.key = o.article";

/// The keys of the observations of the articles at `paths`, read before
/// a batch rewrites or removes those articles: their entries change too.
pub(super) fn keys_of(tx: &mut Tx<'_>, paths: &[&str]) -> Result<BTreeSet<String>, IndexError> {
    let mut keys = BTreeSet::new();
    for chunk in paths.chunks(MAX_PARAMS) {
        let sql = format!(
            "SELECT DISTINCT o.key FROM ledger_observations o \
             JOIN articles a ON a.key = o.article WHERE a.path IN ({})",
            placeholders(1, chunk.len())
        );
        let params: Vec<Param> = chunk.iter().map(|p| Param::from(*p)).collect();
        keys.extend(
            tx.query(&sql, &params)?
                .into_iter()
                .filter_map(|r| r.get("key")?.as_str().map(str::to_string)),
        );
    }
    Ok(keys)
}

/// Files the observations of the articles just written (`(article key,
/// observations)`), replacing those they had (only the `rewritten`
/// articles, those indexed before, have any), and judges anew every entry
/// of the keys in `touched` or among them.
///
/// [`KEYS_PER_STEP`] keys at a time: each step reads back the stored
/// observations of its keys, judges them with the batch's, and writes
/// their entries, so what is held at once is the observations of a few
/// hundred keys, not of every key a batch touches (a key named in many
/// articles holds an observation of each; reading them all at once for a
/// batch of 1 024 articles took 100 MB at 50 000 articles indexed, and
/// one statement listing every key made SQLite build a program of tens of
/// megabytes).
///
/// A stored observation's row changes only where judging places it (its
/// entry, its place in the entry, whether it is an outlier), so only what
/// judging needs is read back of it (not its sentence), and only those
/// three columns are written, of the rows whose place changed: a key named
/// again cost a rewrite of every observation it held before.
pub(super) fn update(
    tx: &mut Tx<'_>,
    mut touched: BTreeSet<String>,
    rewritten: &[i64],
    written: &[(i64, &[Observation])],
) -> Result<(), IndexError> {
    let articles: Vec<Param> = rewritten.iter().map(|k| Param::Int(*k)).collect();
    delete_in(tx, "ledger_observations", "article", &articles)?;
    // The batch's articles by path, and its observations by key.
    let mut written_paths: HashMap<&str, i64> = HashMap::new();
    let mut arriving: HashMap<String, Vec<&Observation>> = HashMap::new();
    for (article, obs) in written {
        for o in obs.iter() {
            let key = o.key().to_string();
            touched.insert(key.clone());
            written_paths.insert(o.path.as_str(), *article);
            arriving.entry(key).or_default().push(o);
        }
    }
    let touched: Vec<String> = touched.into_iter().collect();
    for keys in touched.chunks(KEYS_PER_STEP) {
        let keys: Vec<Param> = keys.iter().map(|k| Param::from(k.as_str())).collect();
        let mut observations: Vec<Observation> = Vec::new();
        for key in &keys {
            if let Param::Text(key) = key {
                let batch = arriving.get(key).into_iter().flatten();
                observations.extend(batch.map(|o| (*o).clone()));
            }
        }
        let stored = read_stored(tx, &keys, &mut observations)?;
        delete_in(tx, "ledger_entries", "key", &keys)?;
        if let Stored::Whole(_) = stored {
            delete_in(tx, "ledger_observations", "key", &keys)?;
        }
        let ledger = Ledger::build(observations);
        let mut entry_rows = Vec::new();
        let mut observation_rows = Vec::new();
        let mut moved = Vec::new();
        for (entry, obs) in ledger.judged() {
            let key = obs.first().map(|o| o.key().to_string()).unwrap_or_default();
            entry_rows.push(entry_row(&key, &entry));
            for (n, (o, judged)) in obs.iter().zip(&entry.observations).enumerate() {
                let article = match (written_paths.get(o.path.as_str()), &stored) {
                    (Some(&article), _) => article,
                    (None, Stored::Kept(kept)) => {
                        let Some(was) = kept.get(o.path.as_str(), o.offset) else {
                            continue;
                        };
                        let place = Placed {
                            entry: entry.id.clone(),
                            n: n as i64,
                            outlier: judged.outlier,
                        };
                        if was.place != place {
                            moved.push(moved_row(&key, was, &place, o.offset));
                        }
                        continue;
                    }
                    (None, Stored::Whole(paths)) => match paths.get(&o.path) {
                        Some(&article) => article,
                        None => continue,
                    },
                };
                observation_rows.push(observation_row(
                    article,
                    &key,
                    &entry.id,
                    n,
                    o,
                    judged.outlier,
                ));
            }
        }
        move_rows(tx, &moved)?;
        insert_values(tx, "ledger_entries", ENTRY_COLUMNS, &entry_rows)?;
        insert_values(
            tx,
            "ledger_observations",
            OBSERVATION_COLUMNS,
            &observation_rows,
        )?;
    }
    Ok(())
}

/// Keys judged per step of [`update`].
const KEYS_PER_STEP: usize = 256;

/// What judging makes of an observation: its entry, its place in the
/// entry's order, and whether it is an outlier there.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    entry: String,
    n: i64,
    outlier: bool,
}

/// A stored observation's row: its article and where judging had placed it.
struct Was {
    article: i64,
    place: Placed,
}

/// The stored observations of a step's keys, as [`read_stored`] found them.
enum Stored {
    /// Every row read back: by its article's path, then its offset. The
    /// rows stay; those judging places elsewhere are moved.
    Kept(Kept),
    /// A row this version cannot read back, or two rows naming one
    /// figure: the step rewrites its keys' rows whole, as read in full;
    /// their articles by path.
    Whole(HashMap<String, i64>),
}

/// Stored rows by article path, then offset (a figure is one observation).
#[derive(Default)]
struct Kept(HashMap<String, Vec<(usize, Was)>>);

impl Kept {
    fn get(&self, path: &str, offset: usize) -> Option<&Was> {
        self.0
            .get(path)?
            .iter()
            .find(|(at, _)| *at == offset)
            .map(|(_, was)| was)
    }

    /// Notes a row; false when a row of the same figure is noted already.
    fn add(&mut self, path: &str, offset: usize, was: Was) -> bool {
        let rows = self.0.entry(path.to_string()).or_default();
        if rows.iter().any(|(at, _)| *at == offset) {
            return false;
        }
        rows.push((offset, was));
        true
    }
}

/// What judging needs of a stored observation and what names its row
/// (not its sentence, nor its article's title), as [`observation`] reads it.
const JUDGED_SELECT: &str = "SELECT o.article, o.kind, o.measure, o.of_what, o.unit, \
     o.entity_key, o.entity, o.entity_nearby, o.value, o.min, o.max, o.qualifier, \
     o.period_text, o.period_start, o.period_end, o.char_start, o.entry, o.n, o.outlier, \
     a.path, a.published \
     FROM ledger_observations o JOIN articles a ON a.key = o.article";

/// Reads back the stored observations of `keys` into `observations`.
fn read_stored(
    tx: &mut Tx<'_>,
    keys: &[Param],
    observations: &mut Vec<Observation>,
) -> Result<Stored, IndexError> {
    let arriving = observations.len();
    let within = placeholders(1, keys.len());
    let mut kept = Kept::default();
    let mut whole = false;
    for row in tx.query(&format!("{JUDGED_SELECT} WHERE o.key IN ({within})"), keys)? {
        let entry = row.get("entry").and_then(Value::as_str);
        let n = row.get("n").and_then(Value::as_i64);
        let (Some((article, o)), Some(entry), Some(n)) = (observation(&row), entry, n) else {
            whole = true;
            break;
        };
        let place = Placed {
            entry: entry.to_string(),
            n,
            outlier: flag(row.get("outlier")),
        };
        if !kept.add(&o.path, o.offset, Was { article, place }) {
            whole = true;
            break;
        }
        observations.push(o);
    }
    if !whole {
        return Ok(Stored::Kept(kept));
    }
    observations.truncate(arriving);
    let mut paths = HashMap::new();
    for row in tx.query(
        &format!("{OBSERVATION_SELECT} WHERE o.key IN ({within})"),
        keys,
    )? {
        if let Some((article, o)) = observation(&row) {
            paths.insert(o.path.clone(), article);
            observations.push(o);
        }
    }
    Ok(Stored::Whole(paths))
}

/// The parameters of [`move_rows`] for one row: its new place, then what
/// names it (article, key, offset, and the place it had).
fn moved_row(key: &str, was: &Was, to: &Placed, offset: usize) -> [Param; 8] {
    [
        Param::from(to.entry.as_str()),
        Param::Int(to.n),
        Param::Int(i64::from(to.outlier)),
        Param::Int(was.article),
        Param::from(key),
        Param::Int(offset as i64),
        Param::from(was.place.entry.as_str()),
        Param::Int(was.place.n),
    ]
}

/// Moves stored observations to their new places ([`moved_row`]): in
/// SQLite one prepared statement per row, each an index seek on `(entry,
/// n)`; in PostgreSQL a few hundred rows per statement.
fn move_rows(tx: &mut Tx<'_>, rows: &[[Param; 8]]) -> Result<(), IndexError> {
    const ROW: &str = "UPDATE ledger_observations SET entry = ?1, n = ?2, outlier = ?3 \
         WHERE entry = ?7 AND n = ?8 AND article = ?4 AND key = ?5 AND char_start = ?6";
    match tx.dialect() {
        Dialect::Sqlite => {
            for row in rows {
                tx.exec(ROW, row)?;
            }
        }
        Dialect::Postgres => {
            for chunk in rows.chunks(MOVED_PER_STATEMENT) {
                let values: Vec<String> = (0..chunk.len())
                    .map(|r| {
                        let row: Vec<String> = MOVED_TYPES
                            .iter()
                            .enumerate()
                            .map(|(i, ty)| format!("?{}::{ty}", r * MOVED_TYPES.len() + i + 1))
                            .collect();
                        format!("({})", row.join(", "))
                    })
                    .collect();
                let sql = format!(
                    "UPDATE ledger_observations AS o SET entry = v.entry, n = v.n, \
                     outlier = v.outlier FROM (VALUES {}) AS v(entry, n, outlier, article, key, \
                     char_start, was_entry, was_n) WHERE o.entry = v.was_entry AND o.n = v.was_n \
                     AND o.article = v.article AND o.key = v.key AND o.char_start = v.char_start",
                    values.join(", ")
                );
                let params: Vec<&Param> = chunk.iter().flatten().collect();
                tx.exec_refs(&sql, &params)?;
            }
        }
    }
    Ok(())
}

/// Rows per PostgreSQL statement of [`move_rows`].
const MOVED_PER_STATEMENT: usize = 256;

/// The PostgreSQL types of a [`moved_row`]'s parameters, in order: a
/// `VALUES` list takes no type from the columns it is compared with.
const MOVED_TYPES: [&str; 8] = [
    "text", "bigint", "boolean", "bigint", "text", "bigint", "text", "bigint",
];

/// Empties the ledger (observations go with their articles; entries not).
pub(super) fn clear(tx: &mut Tx<'_>) -> Result<(), IndexError> {
    tx.exec("DELETE FROM ledger_observations", &[])?;
    tx.exec("DELETE FROM ledger_entries", &[])?;
    Ok(())
}

fn entry_row(key: &str, e: &Entry) -> Vec<Param> {
    let outliers = e.observations.iter().filter(|o| o.outlier).count();
    vec![
        Param::from(key),
        Param::from(e.id.as_str()),
        Param::from(e.measure.as_str()),
        Param::from(e.entity.clone()),
        Param::from(e.kind.as_str()),
        Param::from(e.unit.as_str()),
        Param::from(e.period.as_ref().map(|p| p.text.clone())),
        Param::from(e.period.as_ref().map(|p| p.start.clone())),
        Param::from(e.period.as_ref().map(|p| p.end.clone())),
        Param::Int(i64::from(e.agree)),
        Param::Int(e.observations.len() as i64),
        Param::Int(e.articles() as i64),
        Param::Int(outliers as i64),
    ]
}

fn observation_row(
    article: i64,
    key: &str,
    entry: &str,
    n: usize,
    o: &Observation,
    outlier: bool,
) -> Vec<Param> {
    let k = o.key();
    vec![
        Param::Int(article),
        Param::from(key),
        Param::from(entry),
        Param::Int(n as i64),
        Param::from(k.kind),
        Param::from(k.measure.as_str()),
        Param::from(k.of.clone()),
        Param::from(k.unit.as_str()),
        Param::from(k.entity.as_str()),
        Param::from(o.entity.clone()),
        Param::Int(i64::from(o.context)),
        Param::from(o.thing.as_str()),
        Param::from(o.value),
        Param::from(o.min),
        Param::from(o.max),
        Param::from(o.qualifier.and_then(|q| match serde_json::to_value(q) {
            Ok(Value::String(s)) => Some(s),
            _ => None,
        })),
        Param::from(o.period_text.clone()),
        Param::from(o.period.map(|p| p.start.to_string())),
        Param::from(o.period.map(|p| p.end.to_string())),
        Param::from(o.cited.clone()),
        Param::Int(i64::from(outlier)),
        Param::from(o.text.as_str()),
        Param::Int(o.offset as i64),
    ]
}

/// A boolean column: `0`/`1` from SQLite, `false`/`true` from PostgreSQL.
pub(super) fn flag(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_i64().is_some_and(|n| n != 0),
        _ => false,
    }
}

/// An observation read back from a row of [`OBSERVATION_SELECT`], with its
/// article's key; `None` for a row this version cannot read.
pub(super) fn observation(row: &Row) -> Option<(i64, Observation)> {
    let text = |name: &str| row.get(name).and_then(Value::as_str).map(str::to_string);
    let number = |name: &str| row.get(name).and_then(Value::as_f64);
    let kind = MeasureKind::from_name(row.get("kind")?.as_str()?)?.name();
    let key = EntryKey::new(
        kind,
        row.get("measure")?.as_str()?,
        row.get("of_what").and_then(Value::as_str),
        row.get("unit")?.as_str()?,
        row.get("entity_key")?.as_str()?,
    );
    let period = match (text("period_start"), text("period_end")) {
        (Some(s), Some(e)) => Some(Span::parse(&s, &e)?),
        _ => None,
    };
    let path = text("path")?;
    let published =
        text("published").and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let offset = usize::try_from(row.get("char_start")?.as_i64()?).ok()?;
    let mut o = Observation::new(key, number("value")?, period, published, &path, offset);
    o.entity = text("entity");
    o.context = flag(row.get("entity_nearby"));
    o.period_text = text("period_text");
    o.thing = text("thing").unwrap_or_default();
    o.min = number("min");
    o.max = number("max");
    o.qualifier = row
        .get("qualifier")
        .filter(|q| !q.is_null())
        .and_then(|q| serde_json::from_value::<Qualifier>(q.clone()).ok());
    o.text = text("text").unwrap_or_default();
    o.article = text("title").unwrap_or_else(|| path.clone());
    o.publisher = text("publisher");
    o.cited = text("cited");
    Some((row.get("article")?.as_i64()?, o))
}

/// An SQLite index written the way the writer writes it, for
/// `benches/ledger.rs` (the index is internal to the crate): articles whose
/// rows are only their figures' observations, one transaction per batch.
#[doc(hidden)]
pub struct BenchIndex(super::store::Store);

impl BenchIndex {
    /// Opens (creating) the SQLite index at `path`.
    pub fn open(path: &std::path::Path) -> Result<BenchIndex, IndexError> {
        super::store::Store::writer(
            &super::Target::Sqlite(path.to_path_buf()),
            &crate::stories::assign::Settings::default(),
        )
        .map(BenchIndex)
    }

    /// Writes one batch of articles, `(path, observations)`, as the writer
    /// writes a batch of records: articles upserted, then the ledger step.
    pub fn write(&mut self, articles: Vec<(String, Vec<Observation>)>) -> Result<(), IndexError> {
        let sets: Vec<super::rows::RowSet> = articles
            .into_iter()
            .map(|(path, ledger)| {
                // The article's date, as its figures have it (the ledger
                // reads it back from the article's row).
                let published = ledger
                    .first()
                    .and_then(|o| o.published)
                    .map(|d| d.to_string());
                let article = super::rows::ARTICLE_COLUMNS
                    .iter()
                    .map(|c| match *c {
                        "path" | "id" | "content_hash" | "origin" | "stamp" => {
                            Param::from(path.as_str())
                        }
                        "dated" => Param::from("2025-01-01"),
                        "published" => Param::from(published.clone()),
                        "ingested_at" | "indexed_at" => Param::from("2025-01-01T00:00:00Z"),
                        "words" | "revision" => Param::Int(1),
                        "format" => Param::from("text"),
                        "body" => Param::from(""),
                        "sentences" => Param::from("[]"),
                        _ => Param::Null,
                    })
                    .collect();
                let story = crate::stories::features::Article {
                    id: path.clone(),
                    path: path.clone(),
                    title: None,
                    published: None,
                    day: chrono::NaiveDate::default(),
                    source: None,
                    terms: Vec::new(),
                    sketch: None,
                };
                super::rows::RowSet {
                    path,
                    article,
                    children: Vec::new(),
                    story,
                    ledger,
                }
            })
            .collect();
        self.0.write(&sets, &[])
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::facts::Ledger;
    use crate::index::facts::{Facts, entries};

    /// Article `n`'s figures: three keys of a vocabulary of 700, so a
    /// batch of 100 articles touches more keys than one step judges, and
    /// three of 10, so later batches' figures (some of earlier dates) join
    /// the entries of earlier ones and move their observations; most
    /// figures dated, some not (those join by value).
    fn figures(n: usize) -> Vec<Observation> {
        let path = format!("news/{n:04}.txt");
        let published = NaiveDate::from_ymd_opt(2020 + (n % 4) as i32, 3, 1);
        (0..6)
            .map(|i| {
                // Half of a vocabulary of 700 keys, half of 10.
                let k = if i < 3 {
                    (n * 7 + i * 131) % 700
                } else {
                    700 + (n + i) % 10
                };
                let key = EntryKey::new("amount", &format!("measure{k}"), None, "USD", "");
                let period = (i % 3 != 0).then(|| {
                    let y = 2019 + ((n + i) % 4) as i32;
                    Span::parse(&format!("{y}-01-01"), &format!("{y}-12-31")).unwrap()
                });
                let value = ((n * 31 + i * 17) % 5) as f64 * 10.0 + 100.0;
                Observation::new(key, value, period, published, &path, i * 40)
            })
            .collect()
    }

    /// Every observation row of `index` with its article's path, in order.
    fn ledger_rows(index: &mut BenchIndex) -> Vec<Row> {
        index
            .0
            .db()
            .query(
                "SELECT a.path, o.key, o.kind, o.entry, o.n, o.outlier, o.value, o.char_start \
                 FROM ledger_observations o JOIN articles a ON a.key = o.article \
                 ORDER BY a.path, o.key, o.char_start",
                &[],
            )
            .unwrap()
    }

    #[test]
    fn batches_judged_key_by_key_give_the_ledger_of_all_the_figures() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = BenchIndex::open(&dir.path().join("i.sqlite")).unwrap();
        for batch in 0..3 {
            let articles = (batch * 100..(batch + 1) * 100)
                .map(|n| (format!("news/{n:04}.txt"), figures(n)))
                .collect();
            index.write(articles).unwrap();
        }
        let all: Vec<Observation> = (0..300).flat_map(figures).collect();
        let keys: BTreeSet<String> = all.iter().map(|o| o.key().to_string()).collect();
        assert!(keys.len() > KEYS_PER_STEP, "{} keys", keys.len());
        let mut want = Ledger::build(all).entries();
        let mut got = entries(index.0.db(), &Facts::default()).unwrap();
        assert!(want.iter().any(|e| e.observations.len() > 1));
        let by_id = |a: &Entry, b: &Entry| a.id.cmp(&b.id);
        want.sort_by(by_id);
        got.sort_by(by_id);
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(
                (&g.id, g.agree, g.observations.len()),
                (&w.id, w.agree, w.observations.len())
            );
        }
        // The rows moved batch by batch are the rows written at once.
        let once_dir = tempfile::tempdir().unwrap();
        let mut once = BenchIndex::open(&once_dir.path().join("i.sqlite")).unwrap();
        once.write(
            (0..300)
                .map(|n| (format!("news/{n:04}.txt"), figures(n)))
                .collect(),
        )
        .unwrap();
        let (batched, at_once) = (ledger_rows(&mut index), ledger_rows(&mut once));
        assert_eq!(batched.len(), 1800);
        for (b, o) in batched.iter().zip(&at_once) {
            assert_eq!(b, o);
        }
    }

    #[test]
    fn a_stored_row_that_cannot_be_read_makes_its_keys_rewritten_whole() {
        let rows = |index: &mut BenchIndex, keys: &[String]| {
            let mut rows = ledger_rows(index);
            rows.retain(|r| keys.iter().any(|k| r["key"].as_str() == Some(k.as_str())));
            rows
        };
        let named = |range: std::ops::Range<usize>| {
            range
                .map(|n| (format!("news/{n:04}.txt"), figures(n)))
                .collect::<Vec<_>>()
        };
        let dir = tempfile::tempdir().unwrap();
        let mut index = BenchIndex::open(&dir.path().join("i.sqlite")).unwrap();
        index.write(named(0..10)).unwrap();
        // Article 0's rows as a version that knows no such kind would see them.
        index
            .0
            .db()
            .transaction(|tx| {
                tx.exec(
                    "UPDATE ledger_observations SET kind = 'no-such-kind' WHERE article = \
                     (SELECT key FROM articles WHERE path = 'news/0000.txt')",
                    &[],
                )
            })
            .unwrap();
        index.write(named(10..20)).unwrap();
        // The keys article 0 shares with the second batch: rewritten
        // whole, its unreadable rows gone, as if it had never named them.
        let touched: BTreeSet<String> = (10..20)
            .flat_map(figures)
            .map(|o| o.key().to_string())
            .collect();
        let shared: Vec<String> = figures(0)
            .iter()
            .map(|o| o.key().to_string())
            .filter(|k| touched.contains(k))
            .collect();
        assert!(!shared.is_empty());
        let other_dir = tempfile::tempdir().unwrap();
        let mut without = BenchIndex::open(&other_dir.path().join("i.sqlite")).unwrap();
        without.write(named(1..10)).unwrap();
        without.write(named(10..20)).unwrap();
        let got = rows(&mut index, &shared);
        assert!(got.iter().all(|r| r["kind"] == "amount"), "{got:?}");
        assert_eq!(got, rows(&mut without, &shared));
    }
}
