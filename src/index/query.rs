//! The questions people ask the index, shared by the CLI (`wirewatch
//! search`, `wirewatch entities`) and the HTTP API: full-text search with
//! filters, newest first, with the sentence that matched; the most-named
//! entities; one article with its rows.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::IndexError;
use super::db::{Db, Dialect, Param, Row};
use super::rows::CharIndex;
use crate::extract::entities::EntityType;

/// Results of a search unless the caller asks for another number.
pub const DEFAULT_LIMIT: usize = 20;
/// Results of one search at most.
pub const MAX_LIMIT: usize = 1000;

/// A search: words (all must appear; `"a phrase"`, `OR`), and filters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    /// The words; empty to list by the filters alone.
    #[serde(default)]
    pub q: String,
    /// Only articles dated (published, else ingested) on or after this day.
    pub since: Option<String>,
    /// Only articles naming this entity (its canonical name, any case).
    pub entity: Option<String>,
    /// The entity's type (person, organization, place, misc); alone, only
    /// articles naming an entity of that type.
    #[serde(rename = "type")]
    pub entity_type: Option<String>,
    pub limit: Option<usize>,
}

/// One article found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Hit {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The day it is sorted by: published, else ingested.
    pub dated: String,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    /// The sentence that best matches the words (or names the entity).
    pub sentence: Option<String>,
}

/// The question for [`entities`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entities {
    pub top: Option<usize>,
    pub since: Option<String>,
    #[serde(rename = "type")]
    pub entity_type: Option<String>,
}

/// An entity and how much the articles name it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityCount {
    #[serde(rename = "type")]
    pub entity_type: String,
    pub name: String,
    pub country: Option<String>,
    /// Articles naming it.
    pub articles: u64,
    /// Mentions across those articles.
    pub mentions: u64,
    /// The newest day of those articles.
    pub last: String,
}

/// A `YYYY-MM-DD` filter, or an error naming its key.
pub(crate) fn check_day(key: &str, day: &Option<String>) -> Result<(), IndexError> {
    match day {
        Some(d) if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() => Err(
            IndexError::Query(format!("{key} = {d:?}: expected a day as YYYY-MM-DD")),
        ),
        _ => Ok(()),
    }
}

fn check_type(t: &Option<String>) -> Result<(), IndexError> {
    match t {
        Some(t) if !EntityType::LABELS.contains(&t.as_str()) => Err(IndexError::Query(format!(
            "type = {t:?}: expected one of {}",
            EntityType::LABELS.join(", ")
        ))),
        _ => Ok(()),
    }
}

/// Finds articles, newest first.
pub fn search(db: &mut Db, s: &Search) -> Result<Vec<Hit>, IndexError> {
    check_day("since", &s.since)?;
    check_type(&s.entity_type)?;
    let limit = s.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let mut from = "articles a".to_string();
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Param> = Vec::new();
    let next = |params: &mut Vec<Param>, p: Param| {
        params.push(p);
        format!("?{}", params.len())
    };
    if !s.q.trim().is_empty() {
        match db.dialect() {
            Dialect::Sqlite => {
                let Some(fts) = fts5_query(&s.q) else {
                    return Ok(Vec::new());
                };
                from = "articles_fts JOIN articles a ON a.key = articles_fts.rowid".into();
                let p = next(&mut params, Param::Text(fts));
                conds.push(format!("articles_fts MATCH {p}"));
            }
            Dialect::Postgres => {
                let p = next(&mut params, Param::from(s.q.as_str()));
                conds.push(format!("a.search @@ websearch_to_tsquery('english', {p})"));
            }
        }
    }
    if let Some(since) = &s.since {
        let p = next(&mut params, Param::from(since.as_str()));
        conds.push(format!("a.dated >= {p}"));
    }
    let type_cond = match &s.entity_type {
        Some(t) => {
            let p = next(&mut params, Param::from(t.as_str()));
            format!(" AND e.type = {p}")
        }
        None => String::new(),
    };
    match &s.entity {
        // The few articles naming it, found by the index on lower(name)
        // (not by testing every article, newest first, until enough match).
        Some(name) => {
            let p = next(&mut params, Param::from(name.as_str()));
            conds.push(format!(
                "a.key IN (SELECT e.article FROM entities e WHERE lower(e.name) = lower({p}){type_cond})"
            ));
        }
        // Most articles name someone of a type: newest first, the first
        // few tested match.
        None if !type_cond.is_empty() => conds.push(format!(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article = a.key{type_cond})"
        )),
        None => {}
    }
    let p = next(&mut params, Param::Int(limit as i64));
    // The order is found over keys alone; only the articles shown are read
    // whole (their bodies give the matching sentence).
    let sql = format!(
        "SELECT a.id, a.path, a.title, a.published, a.dated, a.url, a.publisher, a.language, a.body, a.sentences \
         FROM articles a WHERE a.key IN (SELECT a.key FROM {from}{} ORDER BY a.dated DESC, a.ingested_at DESC, a.key DESC LIMIT {p}) \
         ORDER BY a.dated DESC, a.ingested_at DESC, a.key DESC",
        if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        }
    );
    let mut terms = terms(&s.q);
    if let Some(name) = &s.entity {
        terms.extend(terms_of(name));
    }
    Ok(db
        .query(&sql, &params)?
        .into_iter()
        .map(|row| Hit {
            sentence: best_sentence(&row, &terms),
            id: text(&row, "id").unwrap_or_default(),
            path: text(&row, "path").unwrap_or_default(),
            title: text(&row, "title"),
            published: text(&row, "published"),
            dated: text(&row, "dated").unwrap_or_default(),
            url: text(&row, "url"),
            publisher: text(&row, "publisher"),
            language: text(&row, "language"),
        })
        .collect())
}

/// The most-named entities, by the articles naming them.
pub fn entities(db: &mut Db, q: &Entities) -> Result<Vec<EntityCount>, IndexError> {
    check_day("since", &q.since)?;
    check_type(&q.entity_type)?;
    let mut conds = Vec::new();
    let mut params = Vec::new();
    if let Some(since) = &q.since {
        params.push(Param::from(since.as_str()));
        conds.push(format!("a.dated >= ?{}", params.len()));
    }
    if let Some(t) = &q.entity_type {
        params.push(Param::from(t.as_str()));
        conds.push(format!("e.type = ?{}", params.len()));
    }
    params.push(Param::Int(
        q.top.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as i64,
    ));
    let sql = format!(
        "SELECT e.type, e.name, max(e.country) AS country, count(DISTINCT e.article) AS articles, \
         sum(e.mentions) AS mentions, max(a.dated) AS last \
         FROM entities e JOIN articles a ON a.key = e.article{} \
         GROUP BY e.type, e.name ORDER BY articles DESC, mentions DESC, e.name LIMIT ?{}",
        if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        },
        params.len()
    );
    Ok(db
        .query(&sql, &params)?
        .into_iter()
        .map(|row| EntityCount {
            entity_type: text(&row, "type").unwrap_or_default(),
            name: text(&row, "name").unwrap_or_default(),
            country: text(&row, "country"),
            articles: number(&row, "articles"),
            mentions: number(&row, "mentions"),
            last: text(&row, "last").unwrap_or_default(),
        })
        .collect())
}

/// One article by its id (or path) with its entities, figures, links and
/// quotes; `None` when the index has no such article.
pub fn article(db: &mut Db, id: &str) -> Result<Option<Value>, IndexError> {
    let rows = db.query(
        "SELECT key, id, path, title, published, published_from, dated, url, publisher, authors, \
         language, words, revision, ingested_at FROM articles WHERE id = ?1 OR path = ?1 \
         ORDER BY key LIMIT 1",
        &[Param::from(id)],
    )?;
    let Some(mut article) = rows.into_iter().next() else {
        return Ok(None);
    };
    let Some(key) = article.remove("key").and_then(|k| k.as_i64()) else {
        return Ok(None);
    };
    let key = [Param::Int(key)];
    let lists: [(&str, &str); 5] = [
        (
            "entities",
            "SELECT entity, type, name, country, kind, lat, lon, mentions, roles, acronym \
             FROM entities WHERE article = ?1 ORDER BY length(entity), entity",
        ),
        (
            "figures",
            "SELECT kind, text, value, min, max, unit, dimension, qualifier, of_what, date, \
             start_date, end_date, sentence_text FROM figures WHERE article = ?1 ORDER BY n",
        ),
        (
            "links",
            "SELECT text, url FROM links WHERE article = ?1 ORDER BY n",
        ),
        (
            "quotes",
            "SELECT kind, text, speaker, speaker_entity, cue FROM quotes WHERE article = ?1 ORDER BY n",
        ),
        (
            "keywords",
            "SELECT text, score FROM keywords WHERE article = ?1 ORDER BY rank",
        ),
    ];
    for (name, sql) in lists {
        let rows: Vec<Value> = db
            .query(sql, &key)?
            .into_iter()
            .map(|r| Value::Object(without_nulls(r)))
            .collect();
        article.insert(name.to_string(), Value::Array(rows));
    }
    let record_id = article
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let (story, copy_of) = super::stories::of_article(db, &record_id)?;
    if let Some(story) = story {
        article.insert("story".into(), story);
    }
    if let Some(original) = copy_of {
        article.insert("near_duplicate_of".into(), Value::String(original));
    }
    Ok(Some(Value::Object(article)))
}

fn without_nulls(row: Row) -> Map<String, Value> {
    row.into_iter().filter(|(_, v)| !v.is_null()).collect()
}

fn text(row: &Row, key: &str) -> Option<String> {
    match row.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn number(row: &Row, key: &str) -> u64 {
    match row.get(key) {
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().map(|x| x.max(0.0) as u64))
            .unwrap_or(0),
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        _ => 0,
    }
}

/// The user's words as an FTS5 query: each word or quoted phrase must
/// appear (`OR` between two makes either do); operators and punctuation a
/// user may type never become FTS5 syntax. `None` when no word is left.
pub fn fts5_query(q: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = q;
    while !rest.trim().is_empty() {
        rest = rest.trim_start();
        let (chunk, tail) = if let Some(after) = rest.strip_prefix('"') {
            match after.find('"') {
                Some(end) => (&after[..end], &after[end + 1..]),
                None => (after, ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        rest = tail;
        if chunk == "OR" {
            if parts.last().is_some_and(|p| p != "OR") {
                parts.push("OR".into());
            }
            continue;
        }
        let words = terms_of(chunk);
        if !words.is_empty() {
            parts.push(format!("\"{}\"", words.join(" ")));
        }
    }
    while parts.last().is_some_and(|p| p == "OR") {
        parts.pop();
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The words of `s`, lower-cased (letters and digits only).
fn terms_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The search words, without operators.
fn terms(q: &str) -> Vec<String> {
    q.split_whitespace()
        .filter(|w| *w != "OR")
        .flat_map(terms_of)
        .collect()
}

/// A word's stem for matching sentences as the full-text search matches
/// words: "remittances" finds "remittance".
fn stem(word: &str) -> &str {
    let n = word.chars().count();
    if n <= 4 {
        return word;
    }
    let keep = n - 2;
    word.char_indices()
        .nth(keep)
        .map_or(word, |(b, _)| &word[..b])
}

/// The sentence of the hit holding the most search words (the first of
/// equals); `None` without words or a match.
fn best_sentence(row: &Row, terms: &[String]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let body = row.get("body")?.as_str()?;
    let spans: Vec<[usize; 2]> = serde_json::from_str(row.get("sentences")?.as_str()?).ok()?;
    let chars = CharIndex::new(body);
    let stems: Vec<&str> = terms.iter().map(|t| stem(t)).collect();
    let mut best: Option<(usize, &str)> = None;
    for [s, e] in spans {
        let sentence = chars.slice(body, s, e);
        let words = terms_of(sentence);
        let score = stems
            .iter()
            .filter(|stem| words.iter().any(|w| w.starts_with(**stem)))
            .count();
        if score > 0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, sentence));
        }
    }
    best.map(|(_, s)| s.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_never_become_fts5_syntax() {
        assert_eq!(
            fts5_query("remittances GDP").as_deref(),
            Some("\"remittances\" \"gdp\"")
        );
        assert_eq!(
            fts5_query("\"World Bank\" OR IMF").as_deref(),
            Some("\"world bank\" OR \"imf\"")
        );
        assert_eq!(
            fts5_query("NEAR(a* -b) OR").as_deref(),
            Some("\"near a\" \"b\"")
        );
        assert_eq!(fts5_query(" ** ").as_deref(), None);
    }

    #[test]
    fn the_sentence_with_most_words_is_shown() {
        let body = "Trade grew. Remittances reached 45% of GDP. GDP fell.";
        let mut row = Row::new();
        row.insert("body".into(), body.into());
        row.insert("sentences".into(), "[[0,11],[12,43],[44,53]]".into());
        let terms = terms("remittance gdp");
        assert_eq!(
            best_sentence(&row, &terms).as_deref(),
            Some("Remittances reached 45% of GDP.")
        );
        assert_eq!(best_sentence(&row, &[]), None);
    }
}
