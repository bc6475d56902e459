//! Writes row sets to the index and reads back what the catch-up needs.
//! A batch of articles is one transaction: the articles upserted by path
//! (their key kept, so later tables may point at it), the old per-article
//! rows of those already indexed deleted and the new ones inserted. A
//! server gets many rows per statement, so it pays few round trips per
//! batch. SQLite has no round trips but opens a cursor on the table and
//! each of its indexes for every statement it runs, and parses every new
//! statement text: it gets [`SQLITE_ROWS`] rows per statement and the rest
//! of a batch one by one, so each table's rows go through two statements,
//! prepared once and reused batch after batch.

use std::collections::HashMap;

use serde_json::Value;

use super::IndexError;
use super::db::{Db, Dialect, Param, Tx};
use super::grouping::Grouping;
use super::ledger;
use super::rows::{ARTICLE_COLUMNS, RowSet};
use super::schema;
use crate::facts::Observation;
use crate::stories::assign::Settings;

/// The tables whose rows belong to one article (an `article` column
/// holding its key): emptied and refilled whenever the article is written.
pub const CHILD_TABLES: &[&str] = &[
    "entities", "mentions", "figures", "links", "quotes", "keywords",
];

/// Parameters per statement at most (SQLite allows 32766).
pub(super) const MAX_PARAMS: usize = 30_000;

/// Articles deleted per statement when the index is emptied.
const CLEAR_ROWS: usize = 1000;

/// Rows (or keys) per SQLite statement while a batch has that many left.
const SQLITE_ROWS: usize = 16;

/// How many of the `left` items the next statement takes, at
/// `per_row` parameters each (see the module's comment).
fn next_chunk(dialect: Dialect, per_row: usize, left: usize) -> usize {
    let most = (MAX_PARAMS / per_row.max(1)).max(1);
    match dialect {
        Dialect::Postgres => left.min(most),
        Dialect::Sqlite if left >= SQLITE_ROWS => SQLITE_ROWS.min(most),
        Dialect::Sqlite => left.min(1),
    }
}

/// What the writer's SQLite connection sets beyond [`Db::open`].
///
/// Statement journals in memory: a statement that may fail halfway (a
/// multi-row insert, the articles' upsert with its full-text triggers)
/// inside a transaction keeps the pages it changes in a statement journal,
/// to undo just that statement; past 64 KiB SQLite spills that journal to
/// a temporary file, a system call for each page. The journal never
/// outlives its statement (the transaction's durability is the WAL's), so
/// memory loses nothing, and the writer's statements stay small: the rows
/// of one batch of articles at most, or a piece of emptying the index.
///
/// Foreign keys off: every child row checked against `articles` cost a
/// lookup, and made every insert keep a statement journal. The writer
/// keeps the rule itself: it inserts an article's rows after upserting the
/// article, in the same transaction, and deletes them (explicitly, not by
/// cascade) before the article goes or is written again. Its inserts are
/// `INSERT OR FAIL` ([`insert_into`]): a failing row fails the statement
/// without undoing the rows before it, which is safe because the failure
/// rolls the whole transaction back, and spares SQLite the statement
/// journal.
const SQLITE_WRITER_PRAGMAS: &str = "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF";

/// The tables whose rows an article owns, deleted before it goes or is
/// written again: [`CHILD_TABLES`] and its fact-ledger observations.
const OWNED_TABLES: &[&str] = &[
    "entities",
    "mentions",
    "figures",
    "links",
    "quotes",
    "keywords",
    "ledger_observations",
];

/// `INSERT INTO`, or in SQLite `INSERT OR FAIL INTO` (see
/// [`SQLITE_WRITER_PRAGMAS`]): the writer's inserts of rows that conflict
/// with none (its transaction fails as a whole if one does).
pub(super) fn insert_into(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "INSERT OR FAIL INTO",
        Dialect::Postgres => "INSERT INTO",
    }
}

/// An open, migrated index.
pub struct Store {
    db: Db,
    /// Which story each new article joins ([`super::grouping`]); none in
    /// a store opened for questions.
    grouping: Option<Grouping>,
}

impl Store {
    /// Connects and brings the schema up to date, to ask questions (it
    /// refuses to write: writing groups stories, see [`Store::writer`]).
    pub fn open(target: &super::Target) -> Result<Store, IndexError> {
        let mut db = Db::open(target)?;
        let applied = schema::migrate(&mut db)?;
        if !applied.is_empty() {
            tracing::info!(index = %target.describe(), ?applied, "index schema migrated");
        }
        Ok(Store { db, grouping: None })
    }

    /// Connects and brings the schema up to date, to write: new articles
    /// are grouped into stories as `stories` says (`stories.*`).
    pub fn writer(target: &super::Target, stories: &Settings) -> Result<Store, IndexError> {
        let mut store = Store::open(target)?;
        if store.db.dialect() == Dialect::Sqlite {
            store.db.batch(SQLITE_WRITER_PRAGMAS)?;
            store.db.stable_plans()?;
        }
        store.grouping = Some(Grouping::new(*stories));
        Ok(store)
    }

    /// The connection, for questions ([`super::query`]).
    pub fn db(&mut self) -> &mut Db {
        &mut self.db
    }

    /// Writes `sets` and removes the articles at `removed` paths, all in
    /// one transaction. A set whose path is already indexed replaces it.
    /// Each article new to the index is placed in a story in the same
    /// transaction; one already placed keeps its story, and the placement
    /// of an article no longer indexed (removed, or its path holding
    /// another text now) goes.
    pub fn write(&mut self, sets: &[RowSet], removed: &[String]) -> Result<(), IndexError> {
        // The last set of a path wins (one statement cannot touch a row twice).
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (i, s) in sets.iter().enumerate() {
            last.insert(s.path.as_str(), i);
        }
        let sets: Vec<&RowSet> = sets
            .iter()
            .enumerate()
            .filter(|(i, s)| last.get(s.path.as_str()) == Some(i))
            .map(|(_, s)| s)
            .collect();
        let Some(grouping) = self.grouping.as_mut() else {
            return Err(read_only());
        };
        let now = chrono::Utc::now().to_rfc3339();
        let written = self.db.transaction(|tx| {
            let paths: Vec<&str> = removed
                .iter()
                .map(String::as_str)
                .chain(sets.iter().map(|s| s.path.as_str()))
                .collect();
            let touched = ledger::keys_of(tx, &paths)?;
            // Only articles already indexed have rows to replace.
            let indexed = keys_of_paths(tx, sets.iter().map(|s| s.path.as_str()))?;
            let earlier = ids_at(tx, &paths)?;
            let removed_keys: Vec<Param> = keys_of_paths(tx, removed.iter().map(String::as_str))?
                .into_iter()
                .map(Param::Int)
                .collect();
            for table in OWNED_TABLES {
                delete_in(tx, table, "article", &removed_keys)?;
            }
            delete_in(tx, "articles", "key", &removed_keys)?;
            let keys = upsert_articles(tx, &sets)?;
            let mut article_keys = Vec::with_capacity(sets.len());
            for s in &sets {
                let key = keys
                    .get(&s.path)
                    .copied()
                    .ok_or_else(|| IndexError::Query(format!("no key returned for {}", s.path)))?;
                article_keys.push(key);
            }
            let rewritten: Vec<i64> = article_keys
                .iter()
                .copied()
                .filter(|k| indexed.contains(k))
                .collect();
            let rewritten_keys: Vec<Param> = rewritten.iter().map(|k| Param::Int(*k)).collect();
            for table in CHILD_TABLES {
                delete_in(tx, table, "article", &rewritten_keys)?;
            }
            let key_params: Vec<Param> = article_keys.iter().map(|k| Param::Int(*k)).collect();
            for table in CHILD_TABLES {
                let mut columns: &[&str] = &[];
                let mut rows: Vec<(&Param, &[Param])> = Vec::new();
                for (s, key) in sets.iter().zip(&key_params) {
                    let Some(t) = s.children.iter().find(|t| t.name == *table) else {
                        continue;
                    };
                    columns = t.columns;
                    rows.extend(t.rows.iter().map(|r| (key, r.as_slice())));
                }
                let per_row = columns.len() + 1;
                let verb = insert_into(tx.dialect());
                let insert = |n| {
                    format!(
                        "{verb} {table} (article, {}) VALUES {}",
                        columns.join(", "),
                        values(n, per_row)
                    )
                };
                exec_chunked(tx, &rows, per_row, insert, |(key, row), params| {
                    params.push(*key);
                    params.extend(row.iter());
                })?;
            }
            let observed: Vec<(i64, &[Observation])> = article_keys
                .iter()
                .zip(&sets)
                .map(|(key, s)| (*key, s.ledger.as_slice()))
                .collect();
            ledger::update(tx, touched, &rewritten, &observed)?;
            grouping.place(tx, &sets, &now)?;
            grouping.prune(tx, &earlier)
        });
        if written.is_err() {
            grouping.forget();
        }
        written
    }

    /// The stamps the index holds of the record files `files` of
    /// `origin` (record file → stamp); a file it lacks is not there.
    pub fn stamps_of(
        &mut self,
        origin: &str,
        files: &[String],
    ) -> Result<HashMap<String, String>, IndexError> {
        Ok(self
            .of_record_files(origin, files, "stamp")?
            .into_iter()
            .collect())
    }

    /// Up to `limit` record files of `origin` that sort after `after`, in
    /// order: the index's record files a page at a time. Both columns read
    /// are those of the index on (origin, record_file), so the page comes
    /// from that index alone, no article row read.
    pub fn record_files_after(
        &mut self,
        origin: &str,
        after: &str,
        limit: usize,
    ) -> Result<Vec<String>, IndexError> {
        let pairs = self.db.text_pairs(
            "SELECT record_file, origin FROM articles WHERE origin = ?1 AND record_file > ?2 \
             ORDER BY record_file LIMIT ?3",
            &[
                Param::from(origin),
                Param::from(after),
                Param::Int(limit as i64),
            ],
        )?;
        Ok(pairs.into_iter().map(|(file, _)| file).collect())
    }

    /// Paths of the articles of `origin` whose record file is one of `files`.
    pub fn paths_of(&mut self, origin: &str, files: &[String]) -> Result<Vec<String>, IndexError> {
        let pairs = self.of_record_files(origin, files, "path")?;
        Ok(pairs.into_iter().map(|(_, path)| path).collect())
    }

    /// Each article of `origin` whose record file is one of `files`, as
    /// its record file and its text `column`.
    fn of_record_files(
        &mut self,
        origin: &str,
        files: &[String],
        column: &str,
    ) -> Result<Vec<(String, String)>, IndexError> {
        let mut out = Vec::with_capacity(files.len());
        for chunk in files.chunks(MAX_PARAMS - 1) {
            let sql = format!(
                "SELECT record_file, {column} FROM articles WHERE origin = ?1 AND record_file IN ({})",
                placeholders(2, chunk.len())
            );
            let mut params = vec![Param::from(origin)];
            params.extend(chunk.iter().map(|f| Param::from(f.as_str())));
            out.extend(self.db.text_pairs(&sql, &params)?);
        }
        Ok(out)
    }

    /// Empties every article table (for `index rebuild`); the schema stays,
    /// and so do the stories (`stories`, `story_articles`): they are the
    /// grouping's memory, so the rebuilt articles rejoin the same stories.
    pub fn clear(&mut self) -> Result<(), IndexError> {
        self.db.transaction(|tx| {
            for table in CHILD_TABLES {
                tx.exec(&format!("DELETE FROM {table}"), &[])?;
            }
            // In pieces: SQLite keeps the pages a statement changes in its
            // statement journal until the statement ends (in memory, for
            // the writer), and the articles' full-text rows go one by one.
            let piece = format!(
                "DELETE FROM articles WHERE key IN \
                 (SELECT key FROM articles ORDER BY key LIMIT {CLEAR_ROWS})"
            );
            while tx.exec(&piece, &[])? > 0 {}
            ledger::clear(tx)?;
            Ok(())
        })
    }

    /// Removes the story placements of the articles no longer indexed
    /// (after `index rebuild`: records gone from the folder).
    pub fn prune_stories(&mut self) -> Result<(), IndexError> {
        let Some(grouping) = self.grouping.as_mut() else {
            return Err(read_only());
        };
        let pruned = self.db.transaction(|tx| grouping.prune_all(tx));
        if pruned.is_err() {
            grouping.forget();
        }
        pruned
    }

    /// Articles in the index.
    pub fn count(&mut self) -> Result<u64, IndexError> {
        let rows = self.db.query("SELECT count(*) AS n FROM articles", &[])?;
        Ok(rows
            .first()
            .and_then(|r| r.get("n"))
            .and_then(Value::as_u64)
            .unwrap_or(0))
    }

    /// Notes a fact about the index's progress (`index_state`).
    pub fn set_state(&mut self, key: &str, value: &str) -> Result<(), IndexError> {
        self.db.transaction(|tx| {
            tx.exec(
                "INSERT INTO index_state (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[Param::from(key), Param::from(value)],
            )
        })?;
        Ok(())
    }
}

/// The error of writing through a store opened for questions.
fn read_only() -> IndexError {
    IndexError::Query("the index was opened for questions, not to write".into())
}

/// The record ids of the articles at `paths`, each once.
fn ids_at(tx: &mut Tx<'_>, paths: &[&str]) -> Result<Vec<String>, IndexError> {
    let paths: Vec<Param> = paths.iter().map(|p| Param::from(*p)).collect();
    let mut ids: Vec<String> = query_in(tx, "SELECT DISTINCT id FROM articles WHERE path", &paths)?
        .into_iter()
        .filter_map(|r| r.get("id")?.as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Upserts the articles; their keys by path.
/// Many per statement in both dialects: in SQLite, the full-text index
/// takes a statement's articles at once, and flushes what it holds at the
/// next statement of the transaction, so one statement per batch makes one
/// full-text segment per batch instead of one per article.
fn upsert_articles(tx: &mut Tx<'_>, sets: &[&RowSet]) -> Result<HashMap<String, i64>, IndexError> {
    let mut keys = HashMap::with_capacity(sets.len());
    let per_row = ARTICLE_COLUMNS.len();
    let updates: Vec<String> = ARTICLE_COLUMNS
        .iter()
        .filter(|c| **c != "path")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    for chunk in sets.chunks((MAX_PARAMS / per_row).max(1)) {
        let sql = format!(
            "INSERT INTO articles ({}) VALUES {} ON CONFLICT (path) DO UPDATE SET {} RETURNING key, path",
            ARTICLE_COLUMNS.join(", "),
            values(chunk.len(), per_row),
            updates.join(", ")
        );
        let params: Vec<&Param> = chunk.iter().flat_map(|s| s.article.iter()).collect();
        for row in tx.query_refs(&sql, &params)? {
            if let (Some(key), Some(path)) = (
                row.get("key").and_then(Value::as_i64),
                row.get("path").and_then(Value::as_str),
            ) {
                keys.insert(path.to_string(), key);
            }
        }
    }
    Ok(keys)
}

/// The keys of the articles indexed at `paths`.
fn keys_of_paths<'p>(
    tx: &mut Tx<'_>,
    paths: impl Iterator<Item = &'p str>,
) -> Result<std::collections::HashSet<i64>, IndexError> {
    let paths: Vec<Param> = paths.map(Param::from).collect();
    Ok(query_in(tx, "SELECT key FROM articles WHERE path", &paths)?
        .iter()
        .filter_map(|r| r.get("key").and_then(Value::as_i64))
        .collect())
}

/// Runs the statement `sql_for(n)` over `items`, `n` of them at a time as
/// [`next_chunk`] says (their `per_row` parameters each pushed by
/// `params_of`, item by item, borrowed from the items); a statement's text
/// is made once per size.
pub(super) fn exec_chunked<'a, T>(
    tx: &mut Tx<'_>,
    items: &'a [T],
    per_row: usize,
    sql_for: impl Fn(usize) -> String,
    mut params_of: impl FnMut(&'a T, &mut Vec<&'a Param>),
) -> Result<(), IndexError> {
    let dialect = tx.dialect();
    let mut sql = (0, String::new());
    let mut params = Vec::new();
    let mut rest = items;
    while !rest.is_empty() {
        let (chunk, tail) = rest.split_at(next_chunk(dialect, per_row, rest.len()));
        rest = tail;
        if sql.0 != chunk.len() {
            sql = (chunk.len(), sql_for(chunk.len()));
        }
        params.clear();
        for item in chunk {
            params_of(item, &mut params);
        }
        tx.exec_refs(&sql.1, &params)?;
    }
    Ok(())
}

/// Inserts `rows` of `columns`, as many per statement as the dialect takes.
pub(super) fn insert_values(
    tx: &mut Tx<'_>,
    table: &str,
    columns: &[&str],
    rows: &[Vec<Param>],
) -> Result<(), IndexError> {
    let per_row = columns.len();
    let verb = insert_into(tx.dialect());
    let insert = |n| {
        format!(
            "{verb} {table} ({}) VALUES {}",
            columns.join(", "),
            values(n, per_row)
        )
    };
    exec_chunked(tx, rows, per_row, insert, |row, params| {
        params.extend(row.iter());
    })
}

/// `DELETE FROM table WHERE column IN (values)`, as many per statement as
/// the dialect takes.
pub(super) fn delete_in(
    tx: &mut Tx<'_>,
    table: &str,
    column: &str,
    values: &[Param],
) -> Result<(), IndexError> {
    let delete = |n| {
        format!(
            "DELETE FROM {table} WHERE {column} IN ({})",
            placeholders(1, n)
        )
    };
    exec_chunked(tx, values, 1, delete, |value, params| {
        params.push(value);
    })
}

/// The rows of `select` (a query ending in `… WHERE column`) for every value
/// of `values`, asked `IN (…)` as many at a time as a statement can take.
pub(super) fn query_in(
    tx: &mut Tx<'_>,
    select: &str,
    values: &[Param],
) -> Result<Vec<crate::index::db::Row>, IndexError> {
    let mut rows = Vec::new();
    for chunk in values.chunks(MAX_PARAMS) {
        let sql = format!("{select} IN ({})", placeholders(1, chunk.len()));
        rows.extend(tx.query(&sql, chunk)?);
    }
    Ok(rows)
}
/// `?first, ?first+1, …` for `n` parameters.
pub(super) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `(?1, ?2), (?3, ?4)` for `rows` rows of `per_row` parameters.
pub(super) fn values(rows: usize, per_row: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", placeholders(r * per_row + 1, per_row)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::rows::{Provenance, rows, tests::seed_record};

    #[test]
    fn value_lists_number_parameters_row_by_row() {
        assert_eq!(values(2, 2), "(?1, ?2), (?3, ?4)");
        assert_eq!(placeholders(2, 3), "?2, ?3, ?4");
    }

    fn counts(store: &mut Store) -> Vec<(String, i64)> {
        ["articles"]
            .iter()
            .chain(CHILD_TABLES)
            .chain(&["ledger_entries", "ledger_observations"])
            .map(|t| {
                let rows = store
                    .db()
                    .query(&format!("SELECT count(*) AS n FROM {t}"), &[])
                    .unwrap();
                (t.to_string(), rows[0]["n"].as_i64().unwrap())
            })
            .collect()
    }

    #[test]
    fn writing_an_article_again_replaces_its_rows_instead_of_adding_to_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::writer(
            &crate::index::Target::Sqlite(dir.path().join("i.sqlite")),
            &Settings::default(),
        )
        .unwrap();
        let record = seed_record();
        let from = Provenance {
            origin: "o".into(),
            record_file: Some("a.txt.json".into()),
            stamp: "1".into(),
        };
        let set = rows(record.clone(), &from, "2025-01-01T00:00:00Z");
        store.write(&[set.clone(), set.clone()], &[]).unwrap();
        let once = counts(&mut store);
        assert_eq!(once[0].1, 1);
        // The sample names people and places and states figures (no links, no quotes).
        assert!(once[..4].iter().all(|(_, n)| *n > 0), "{once:?}");
        // Its figures with a measure are in the fact ledger, once.
        assert!(
            once[once.len() - 2..].iter().all(|(_, n)| *n > 0),
            "{once:?}"
        );
        store.write(std::slice::from_ref(&set), &[]).unwrap();
        assert_eq!(counts(&mut store), once);
        let key_before = store.db().query("SELECT key FROM articles", &[]).unwrap();
        let mut revised = record.clone();
        revised.entities.truncate(1);
        store
            .write(&[rows(revised, &from, "2025-01-02T00:00:00Z")], &[])
            .unwrap();
        let after = counts(&mut store);
        assert_eq!(after[1], ("entities".to_string(), 1));
        assert_eq!(
            store.db().query("SELECT key FROM articles", &[]).unwrap(),
            key_before,
            "the article keeps its key"
        );
        assert_eq!(
            store
                .stamps_of("o", &["a.txt.json".to_string(), "b.txt.json".to_string()])
                .unwrap(),
            HashMap::from([("a.txt.json".to_string(), "1".to_string())])
        );
        assert_eq!(
            store.record_files_after("o", "", 10).unwrap(),
            vec!["a.txt.json".to_string()]
        );
        assert!(
            store
                .record_files_after("o", "a.txt.json", 10)
                .unwrap()
                .is_empty()
        );
        store
            .write(&[], std::slice::from_ref(&record.source.path))
            .unwrap();
        assert!(counts(&mut store).iter().all(|(_, n)| *n == 0));
    }
}
