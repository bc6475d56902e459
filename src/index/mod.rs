//! The index ("the desk"): every record also lives in a database people
//! already query — SQLite in the output folder by default, PostgreSQL for a
//! team — with full-text search, so questions across articles need SQL,
//! `wirewatch search` or the HTTP API instead of a script over files.
//!
//! The index is derived: the records folder stays the truth. The committer
//! hands each committed group to the [`writer`] thread, which writes it in
//! one transaction; an index that fails (a server down, a full disk) is
//! logged, counted, shown in `/readyz` and the lag gauge, and caught up from
//! the records folder ([`catchup`]) once it works again. Every write is an
//! upsert by the article's path, so replaying a record never doubles it.
//!
//! - [`schema`]: the tables, as versioned migrations run at open.
//! - [`rows`]: a record turned into its rows (articles, entities, mentions,
//!   figures, links, quotes, keywords).
//! - [`grouping`]: the story step of each write — a new article joins a
//!   story and its near-duplicate of an earlier article is noted.
//! - [`db`]: one connection, SQLite or PostgreSQL, behind one small API;
//!   [`store`] writes row sets and reads them back.
//! - [`ledger`]: the fact ledger's entries, re-judged for the keys each
//!   batch touches, in the batch's transaction; [`facts`]: its questions.
//! - [`query`]: search and entity questions (CLI and HTTP).
//! - [`stories`]: the stories read back (CLI and HTTP).
//! - [`api`]: the read-only JSON API and its OpenAPI document.
//! - [`consume`]: the cluster indexer fed by the NATS records stream.
//!
//! Extending it (stories, the fact ledger): add a migration to
//! [`schema::MIGRATIONS`], the rows to [`rows::RowSet`], and the table to
//! [`store::CHILD_TABLES`] when its rows belong to one article.

pub mod api;
pub mod catchup;
pub mod consume;
pub mod db;
pub mod facts;
pub mod grouping;
pub mod ledger;
pub mod query;
pub mod rows;
pub mod schema;
pub mod store;
pub mod stories;
pub mod writer;

use std::path::{Path, PathBuf};

/// Where the index lives, from `index.url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string (`postgres://…`).
    Postgres(String),
}

impl Target {
    /// Reads `index.url`: empty means `index.sqlite` in the output folder;
    /// `postgres://` or `postgresql://` a server; `sqlite://PATH` or a plain
    /// path an SQLite file. `None` for any other scheme.
    pub fn parse(url: &str, output_dir: &Path) -> Option<Target> {
        let url = url.trim();
        if url.is_empty() {
            return Some(Target::Sqlite(output_dir.join("index.sqlite")));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Some(Target::Postgres(url.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite://") {
            return (!path.is_empty()).then(|| Target::Sqlite(PathBuf::from(path)));
        }
        if url.contains("://") {
            return None;
        }
        Some(Target::Sqlite(PathBuf::from(url)))
    }

    /// For logs: the file, or the server without its password.
    pub fn describe(&self) -> String {
        match self {
            Target::Sqlite(p) => format!("sqlite {}", p.display()),
            Target::Postgres(url) => format!("postgres {}", redact(url)),
        }
    }
}

/// A connection string with its password replaced by `***`.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Why the index could not be opened, written or read.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("postgres: {}", postgres_message(.0))]
    Postgres(#[from] postgres::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("record {path}: {message}")]
    Record { path: String, message: String },
    #[error(
        "index schema version {found} is newer than this program knows ({known}); upgrade wirewatch"
    )]
    TooNew { found: i64, known: i64 },
    #[error("{0}")]
    Query(String),
}

/// The server's own message when it sent one (the client's `Display` says
/// only "db error"), else the client's.
fn postgres_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => match std::error::Error::source(e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_the_back_end_and_passwords_stay_out_of_logs() {
        let out = Path::new("/o");
        assert_eq!(
            Target::parse("", out),
            Some(Target::Sqlite(PathBuf::from("/o/index.sqlite")))
        );
        assert_eq!(
            Target::parse("sqlite:///tmp/x.db", out),
            Some(Target::Sqlite(PathBuf::from("/tmp/x.db")))
        );
        assert_eq!(
            Target::parse("idx.db", out),
            Some(Target::Sqlite(PathBuf::from("idx.db")))
        );
        assert!(matches!(
            Target::parse("postgresql://u:p@h/db", out),
            Some(Target::Postgres(_))
        ));
        assert_eq!(Target::parse("mysql://h/db", out), None);
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
    }
}
