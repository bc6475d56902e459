//! The stories the index holds, read back in the shape `wirewatch stories`
//! prints ([`crate::stories::records::Stories`]), for the command and the
//! HTTP API (`/api/stories`, `/api/stories/{id}`), and the story of one
//! article (`/api/articles/{id}`). Only articles still in the index are
//! listed, and only stories that have one.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::IndexError;
use super::db::{Db, Param, Row};
use crate::stories::records::{ArticleOut, Stories, StoryOut};

/// Stories listed unless the caller asks for another number.
pub const DEFAULT_LIMIT: usize = 50;
/// Stories listed at most.
pub const MAX_LIMIT: usize = 1000;

/// Which stories to list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Only stories with an article on or after this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Stories at most, the most recently active first.
    pub limit: Option<usize>,
}

/// The stories asked for, the most recently active first (then the newest).
pub fn stories(db: &mut Db, q: &Question) -> Result<Stories, IndexError> {
    super::query::check_day("since", &q.since)?;
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let (since, params) = match &q.since {
        Some(d) => ("last_published >= ?1 AND", vec![Param::from(d.as_str())]),
        None => ("", Vec::new()),
    };
    let rows = db.query(
        &format!(
            "SELECT id, label, first_published, last_published, sources FROM stories s \
             WHERE {since} EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id \
                         WHERE sa.story_id = s.id) \
             ORDER BY last_published DESC, started_seq DESC LIMIT {limit}"
        ),
        &params,
    )?;
    with_articles(db, rows)
}

/// The paths of the indexed articles of story `id`, in the order they
/// joined it (`story_articles`); none when the index has no such story.
pub fn article_paths(db: &mut Db, id: &str) -> Result<Option<Vec<String>>, IndexError> {
    let known = db.query(
        "SELECT 1 AS one FROM stories WHERE id = ?1",
        &[Param::from(id)],
    )?;
    if known.is_empty() {
        return Ok(None);
    }
    let rows = db.query(
        "SELECT a.path FROM story_articles sa JOIN articles a ON a.id = sa.article_id \
         WHERE sa.story_id = ?1 ORDER BY sa.seq, a.path",
        &[Param::from(id)],
    )?;
    Ok(Some(
        rows.iter()
            .filter_map(|r| r.get("path").and_then(Value::as_str).map(str::to_string))
            .collect(),
    ))
}

/// One story by its id; none when the index has no such story.
pub fn story(db: &mut Db, id: &str) -> Result<Option<StoryOut>, IndexError> {
    let rows = db.query(
        "SELECT id, label, first_published, last_published, sources FROM stories WHERE id = ?1",
        &[Param::from(id)],
    )?;
    Ok(with_articles(db, rows)?
        .stories
        .into_iter()
        .next()
        .filter(|s| !s.articles.is_empty()))
}

/// The story of the article with record id `id` and the article it nearly
/// copies, as `/api/articles/{id}` shows them: `{"id", "label"}` and the
/// copied article's id, each none when the index has none.
pub fn of_article(db: &mut Db, id: &str) -> Result<(Option<Value>, Option<String>), IndexError> {
    let rows = db.query(
        "SELECT s.id, s.label, sa.near_duplicate_of FROM story_articles sa \
         JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?1",
        &[Param::from(id)],
    )?;
    let Some(row) = rows.into_iter().next() else {
        return Ok((None, None));
    };
    let mut story = Map::new();
    story.insert("id".into(), row.get("id").cloned().unwrap_or(Value::Null));
    story.insert(
        "label".into(),
        row.get("label").cloned().unwrap_or(Value::Null),
    );
    let copy_of = row
        .get("near_duplicate_of")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok((Some(Value::Object(story)), copy_of))
}

/// The stories of `rows` with their indexed articles, in order of placing.
fn with_articles(db: &mut Db, rows: Vec<Row>) -> Result<Stories, IndexError> {
    let mut out: Vec<StoryOut> = rows
        .iter()
        .map(|r| StoryOut {
            id: text(r, "id").unwrap_or_default(),
            label: text(r, "label").unwrap_or_default(),
            first: day(r, "first_published"),
            last: day(r, "last_published"),
            sources: text(r, "sources")
                .map(|s| s.split("; ").map(str::to_string).collect())
                .unwrap_or_default(),
            articles: Vec::new(),
        })
        .collect();
    let at: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let ids: Vec<String> = out.iter().map(|s| s.id.clone()).collect();
    for chunk in ids.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "SELECT sa.story_id, a.id, a.path, a.title, a.published, sa.near_duplicate_of \
             FROM story_articles sa JOIN articles a ON a.id = sa.article_id \
             WHERE sa.story_id IN ({}) ORDER BY sa.seq, a.path",
            marks.join(", ")
        );
        let params: Vec<Param> = chunk.iter().map(|s| Param::from(s.as_str())).collect();
        for r in db.query(&sql, &params)? {
            let Some(&i) = text(&r, "story_id").and_then(|s| at.get(&s)) else {
                continue;
            };
            out[i].articles.push(ArticleOut {
                id: text(&r, "id").unwrap_or_default(),
                path: text(&r, "path").unwrap_or_default(),
                title: text(&r, "title"),
                published: text(&r, "published").map(|d| d.chars().take(10).collect()),
                near_duplicate_of: text(&r, "near_duplicate_of"),
            });
        }
    }
    out.retain(|s| !s.articles.is_empty());
    Ok(Stories {
        stories: out,
        unreadable: Vec::new(),
    })
}

fn text(row: &Row, key: &str) -> Option<String> {
    row.get(key).and_then(Value::as_str).map(str::to_string)
}

/// A day column as `YYYY-MM-DD` (SQLite keeps text, PostgreSQL a date).
fn day(row: &Row, key: &str) -> String {
    text(row, key)
        .map(|d| d.chars().take(10).collect())
        .unwrap_or_default()
}
