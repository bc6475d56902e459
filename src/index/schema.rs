//! The index's tables, as versioned migrations: each runs once, in order,
//! in its own transaction, and is noted in `schema_migrations`, so a new
//! version of wirewatch upgrades an existing index at start and an older
//! one refuses an index it does not know. The tables are documented for
//! people in `docs/index.md`.
//!
//! A later table (stories, the fact ledger) is a new [`Migration`] at the
//! end of [`MIGRATIONS`]; a released migration never changes.

use super::IndexError;
use super::db::{Db, Dialect, Param};

/// One step of the schema, in both dialects.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles, entities, mentions, figures, links, quotes, index_state",
        sqlite: SQLITE_V1,
        postgres: POSTGRES_V1,
    },
    Migration {
        version: 2,
        name: "keywords, stories, story_articles",
        sqlite: SQLITE_V2,
        postgres: POSTGRES_V2,
    },
    Migration {
        version: 3,
        name: "ledger_entries, ledger_observations",
        sqlite: SQLITE_V3,
        postgres: POSTGRES_V3,
    },
    Migration {
        version: 4,
        name: "story_terms, story_bands",
        sqlite: SQLITE_V4,
        postgres: POSTGRES_V4,
    },
    Migration {
        version: 5,
        name: "drop the unused indexes keywords_article_id, quotes_speaker",
        sqlite: DROP_UNUSED_V5,
        postgres: DROP_UNUSED_V5,
    },
];

const SQLITE_V1: &str = r#"
CREATE TABLE articles (
    key INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    title TEXT,
    published TEXT,
    published_from TEXT,
    dated TEXT NOT NULL,
    url TEXT,
    publisher TEXT,
    authors TEXT,
    language TEXT,
    words INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    sentences TEXT NOT NULL,
    origin TEXT NOT NULL,
    record_file TEXT,
    stamp TEXT NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE INDEX articles_id ON articles (id);
CREATE INDEX articles_dated ON articles (dated, ingested_at);
CREATE INDEX articles_origin ON articles (origin, record_file);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content = 'articles', content_rowid = 'key',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.key, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.key, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.key, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.key, new.title, new.body);
END;
CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT,
    lat REAL,
    lon REAL,
    mentions INTEGER NOT NULL,
    roles TEXT,
    acronym TEXT,
    PRIMARY KEY (article, entity)
);
CREATE INDEX entities_name ON entities (lower(name));
CREATE INDEX entities_type ON entities (type, name);
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (article, entity, n)
);
CREATE TABLE figures (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    min REAL,
    max REAL,
    unit TEXT,
    dimension TEXT,
    qualifier TEXT,
    of_what TEXT,
    date TEXT,
    start_date TEXT,
    end_date TEXT,
    sentence INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX figures_kind ON figures (kind, unit);
CREATE TABLE links (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    url TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    cue TEXT,
    sentence INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX quotes_speaker ON quotes (lower(speaker));
CREATE TABLE index_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#;

const POSTGRES_V1: &str = r#"
CREATE TABLE articles (
    key BIGSERIAL PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    title TEXT,
    published DATE,
    published_from TEXT,
    dated DATE NOT NULL,
    url TEXT,
    publisher TEXT,
    authors TEXT,
    language TEXT,
    words BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    sentences TEXT NOT NULL,
    origin TEXT NOT NULL,
    record_file TEXT,
    stamp TEXT NOT NULL,
    indexed_at TIMESTAMPTZ NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', body), 'B')
    ) STORED
);
CREATE INDEX articles_id ON articles (id);
CREATE INDEX articles_dated ON articles (dated, ingested_at);
CREATE INDEX articles_ingested ON articles (ingested_at);
CREATE INDEX articles_origin ON articles (origin, record_file);
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE TABLE entities (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    mentions BIGINT NOT NULL,
    roles TEXT,
    acronym TEXT,
    PRIMARY KEY (article, entity)
);
CREATE INDEX entities_name ON entities (lower(name));
CREATE INDEX entities_type ON entities (type, name);
CREATE TABLE mentions (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    n BIGINT NOT NULL,
    text TEXT NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    PRIMARY KEY (article, entity, n)
);
CREATE TABLE figures (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n BIGINT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    min DOUBLE PRECISION,
    max DOUBLE PRECISION,
    unit TEXT,
    dimension TEXT,
    qualifier TEXT,
    of_what TEXT,
    date TEXT,
    start_date TEXT,
    end_date TEXT,
    sentence BIGINT NOT NULL,
    sentence_text TEXT NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX figures_kind ON figures (kind, unit);
CREATE TABLE links (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n BIGINT NOT NULL,
    text TEXT NOT NULL,
    url TEXT NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE TABLE quotes (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    n BIGINT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    cue TEXT,
    sentence BIGINT NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX quotes_speaker ON quotes (lower(speaker));
CREATE TABLE index_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#;

/// Keywords per article; stories and which article is in which story.
/// `story_articles` is keyed by the record id, not the article's row, and
/// outlives it: it is the grouping's memory, replayed at start so a
/// restart or a rebuild goes on with the same stories.
const SQLITE_V2: &str = r#"
CREATE TABLE keywords (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    rank INTEGER NOT NULL,
    text TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article, rank)
);
CREATE INDEX keywords_text ON keywords (lower(text));
CREATE INDEX keywords_article_id ON keywords (article_id);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    first_published TEXT NOT NULL,
    last_published TEXT NOT NULL,
    articles INTEGER NOT NULL,
    sources TEXT,
    started_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_last ON stories (last_published);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    seq INTEGER NOT NULL UNIQUE,
    near_duplicate_of TEXT,
    similarity REAL NOT NULL,
    day TEXT NOT NULL,
    source TEXT,
    minhash TEXT,
    terms TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
CREATE INDEX story_articles_copy ON story_articles (near_duplicate_of);
"#;

const POSTGRES_V2: &str = r#"
CREATE TABLE keywords (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    rank BIGINT NOT NULL,
    text TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article, rank)
);
CREATE INDEX keywords_text ON keywords (lower(text));
CREATE INDEX keywords_article_id ON keywords (article_id);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    first_published DATE NOT NULL,
    last_published DATE NOT NULL,
    articles BIGINT NOT NULL,
    sources TEXT,
    started_seq BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stories_last ON stories (last_published);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    seq BIGINT NOT NULL UNIQUE,
    near_duplicate_of TEXT,
    similarity DOUBLE PRECISION NOT NULL,
    day DATE NOT NULL,
    source TEXT,
    minhash TEXT,
    terms TEXT NOT NULL,
    assigned_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
CREATE INDEX story_articles_copy ON story_articles (near_duplicate_of);
"#;

/// The fact ledger (see `docs/ledger.md`): one row per entry, one per
/// observation, kept by the writer as articles are indexed.
const SQLITE_V3: &str = r#"
CREATE TABLE ledger_entries (
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    measure TEXT NOT NULL,
    entity TEXT,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    period_text TEXT,
    period_start TEXT,
    period_end TEXT,
    agree BOOLEAN NOT NULL,
    observations INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    outliers INTEGER NOT NULL,
    PRIMARY KEY (key, id)
);
CREATE INDEX ledger_entries_id ON ledger_entries (id);
CREATE INDEX ledger_entries_agree ON ledger_entries (agree, articles);
CREATE TABLE ledger_observations (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    key TEXT NOT NULL,
    entry TEXT NOT NULL,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT NOT NULL,
    of_what TEXT,
    unit TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    entity TEXT,
    entity_nearby BOOLEAN NOT NULL,
    thing TEXT NOT NULL,
    value REAL NOT NULL,
    min REAL,
    max REAL,
    qualifier TEXT,
    period_text TEXT,
    period_start TEXT,
    period_end TEXT,
    cited TEXT,
    outlier BOOLEAN NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL
);
CREATE INDEX ledger_observations_key ON ledger_observations (key);
CREATE INDEX ledger_observations_entry ON ledger_observations (entry, n);
CREATE INDEX ledger_observations_article ON ledger_observations (article);
"#;

const POSTGRES_V3: &str = r#"
CREATE TABLE ledger_entries (
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    measure TEXT NOT NULL,
    entity TEXT,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    period_text TEXT,
    period_start DATE,
    period_end DATE,
    agree BOOLEAN NOT NULL,
    observations BIGINT NOT NULL,
    articles BIGINT NOT NULL,
    outliers BIGINT NOT NULL,
    PRIMARY KEY (key, id)
);
CREATE INDEX ledger_entries_id ON ledger_entries (id);
CREATE INDEX ledger_entries_agree ON ledger_entries (agree, articles);
CREATE TABLE ledger_observations (
    article BIGINT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    key TEXT NOT NULL,
    entry TEXT NOT NULL,
    n BIGINT NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT NOT NULL,
    of_what TEXT,
    unit TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    entity TEXT,
    entity_nearby BOOLEAN NOT NULL,
    thing TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    min DOUBLE PRECISION,
    max DOUBLE PRECISION,
    qualifier TEXT,
    period_text TEXT,
    period_start DATE,
    period_end DATE,
    cited TEXT,
    outlier BOOLEAN NOT NULL,
    text TEXT NOT NULL,
    char_start BIGINT NOT NULL
);
CREATE INDEX ledger_observations_key ON ledger_observations (key);
CREATE INDEX ledger_observations_entry ON ledger_observations (entry, n);
CREATE INDEX ledger_observations_article ON ledger_observations (article);
"#;

/// The grouping's memory in tables instead of in the writer: how many
/// placed articles hold each term, and each placed article's MinHash bands
/// (candidate copies). An index that already has placed articles fills
/// them at its next write (the `stories_backfill` mark).
const SQLITE_V4: &str = r#"
CREATE TABLE story_terms (
    term INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE TABLE story_bands (
    band INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX story_bands_band ON story_bands (band, seq);
CREATE INDEX story_bands_article ON story_bands (article_id);
INSERT INTO index_state (key, value)
    SELECT 'stories_backfill', 'pending' WHERE EXISTS (SELECT 1 FROM story_articles);
"#;

const POSTGRES_V4: &str = r#"
CREATE TABLE story_terms (
    term BIGINT PRIMARY KEY,
    articles BIGINT NOT NULL
);
CREATE TABLE story_bands (
    band BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX story_bands_band ON story_bands (band, seq);
CREATE INDEX story_bands_article ON story_bands (article_id);
INSERT INTO index_state (key, value)
    SELECT 'stories_backfill', 'pending' WHERE EXISTS (SELECT 1 FROM story_articles);
"#;

/// Indexes no question reads (no query of the program, the dashboards or
/// the documented examples filters or sorts by `keywords.article_id` or
/// `lower(quotes.speaker)`), each kept up to date for every row written:
/// dropped. The same in both dialects.
const DROP_UNUSED_V5: &str = r#"
DROP INDEX IF EXISTS keywords_article_id;
DROP INDEX IF EXISTS quotes_speaker;
"#;

const CREATE_MIGRATIONS: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// The newest schema version this program knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Brings the index up to [`latest`]; returns the migrations applied. Two
/// processes opening a new PostgreSQL index at once are serialized by an
/// advisory lock, so each migration runs once.
pub fn migrate(db: &mut Db) -> Result<Vec<i64>, IndexError> {
    db.batch(CREATE_MIGRATIONS)?;
    let dialect = db.dialect();
    db.transaction(|tx| {
        if dialect == Dialect::Postgres {
            tx.exec("SELECT pg_advisory_xact_lock(74201901)", &[])?;
        }
        let done: Vec<i64> = tx
            .query("SELECT version FROM schema_migrations", &[])?
            .iter()
            .filter_map(|r| r.get("version").and_then(serde_json::Value::as_i64))
            .collect();
        if let Some(&found) = done.iter().max()
            && found > latest()
        {
            return Err(IndexError::TooNew {
                found,
                known: latest(),
            });
        }
        // By the versions applied, not the highest: a migration numbered
        // below one already applied (made on a parallel line of work) still runs.
        let mut applied = Vec::new();
        for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
            let script = match dialect {
                Dialect::Sqlite => m.sqlite,
                Dialect::Postgres => m.postgres,
            };
            match tx {
                super::db::Tx::Sqlite(t) => t.execute_batch(script)?,
                super::db::Tx::Postgres(t) => t.batch_execute(script)?,
            }
            tx.exec(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                &[
                    Param::Int(m.version),
                    Param::from(m.name),
                    Param::Text(chrono::Utc::now().to_rfc3339()),
                ],
            )?;
            applied.push(m.version);
        }
        Ok(applied)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let target = super::super::Target::Sqlite(dir.path().join("i.sqlite"));
        let mut db = Db::open(&target).unwrap();
        assert_eq!(migrate(&mut db).unwrap(), vec![1, 2, 3, 4, 5]);
        let mut again = Db::open(&target).unwrap();
        assert!(migrate(&mut again).unwrap().is_empty());
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        let mut sorted = versions.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(versions, sorted, "versions ascend without repeats");
    }

    #[test]
    fn an_index_from_a_newer_program_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = super::super::Target::Sqlite(dir.path().join("i.sqlite"));
        let mut db = Db::open(&target).unwrap();
        migrate(&mut db).unwrap();
        db.batch("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
            .unwrap();
        assert!(matches!(migrate(&mut db), Err(IndexError::TooNew { .. })));
    }
}
