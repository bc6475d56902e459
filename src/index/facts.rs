//! The fact ledger's questions to the index, shared by `wirewatch facts`
//! and `/api/facts`: the stored entries matching some words, or only those
//! whose sources disagree; and the entries of a set of articles (one
//! story's), judged among those articles alone.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::IndexError;
use super::db::{Db, Param, Row};
use super::ledger::{OBSERVATION_SELECT, flag, observation};
use super::store::{MAX_PARAMS, placeholders};
use crate::facts::{Entry, EntryObservation, EntryPeriod, Ledger, order};

/// Entries of one answer at most over HTTP.
pub const MAX_LIMIT: usize = 1000;
/// Entries of an HTTP answer unless the caller asks for another number.
pub const DEFAULT_LIMIT: usize = 100;

/// A question to the ledger.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Only entries whose measure, entity, unit or wording holds this (any case).
    pub q: Option<String>,
    /// Only entries whose sources disagree.
    #[serde(default)]
    pub disagreeing: bool,
    /// Only the observations of this story's articles.
    pub story: Option<String>,
    /// At most this many entries (all when absent).
    pub limit: Option<usize>,
}

impl Facts {
    /// Whether `e` is one the question asks for.
    pub fn wants(&self, e: &Entry) -> bool {
        let q = self.words();
        q.as_deref().is_none_or(|q| e.matches(q)) && (!self.disagreeing || !e.agree)
    }

    /// The words, lower case; `None` when there are none.
    fn words(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase)
    }
}

/// The stored entries `ask` asks for (its `story` aside), in the ledger's
/// order, each with its observations.
pub fn entries(db: &mut Db, ask: &Facts) -> Result<Vec<Entry>, IndexError> {
    let mut sql = String::from("SELECT e.* FROM ledger_entries e WHERE 1 = 1");
    let mut params = Vec::new();
    if let Some(q) = ask.words() {
        let like = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        params.push(Param::from(like));
        sql.push_str(
            " AND (lower(e.measure) LIKE ?1 ESCAPE '\\' \
             OR lower(coalesce(e.entity, '')) LIKE ?1 ESCAPE '\\' \
             OR lower(e.unit) LIKE ?1 ESCAPE '\\' \
             OR EXISTS (SELECT 1 FROM ledger_observations o WHERE o.key = e.key \
                 AND o.entry = e.id AND lower(o.thing) LIKE ?1 ESCAPE '\\'))",
        );
    }
    if ask.disagreeing {
        sql.push_str(" AND NOT e.agree");
    }
    sql.push_str(
        " ORDER BY e.articles DESC, e.measure, e.entity NULLS FIRST, \
         e.period_start NULLS FIRST, e.id",
    );
    if let Some(limit) = ask.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    let rows = db.query(&sql, &params)?;
    let mut observations = observations_of_entries(db, &rows)?;
    let mut out: Vec<Entry> = rows
        .iter()
        .filter_map(|r| {
            let key = r.get("key")?.as_str()?;
            let id = r.get("id")?.as_str()?;
            let obs = observations
                .remove(&(key.to_string(), id.to_string()))
                .unwrap_or_default();
            stored_entry(r, obs)
        })
        .collect();
    out.sort_by(order);
    Ok(out)
}

/// The entries of the observations of the articles at `paths` alone (one
/// story's), judged among them; those `ask` asks for, in the ledger's order.
pub fn entries_of_articles(
    db: &mut Db,
    paths: &[String],
    ask: &Facts,
) -> Result<Vec<Entry>, IndexError> {
    let mut observations = Vec::new();
    for chunk in paths.chunks(MAX_PARAMS) {
        let sql = format!(
            "{OBSERVATION_SELECT} WHERE a.path IN ({})",
            placeholders(1, chunk.len())
        );
        let params: Vec<Param> = chunk.iter().map(|p| Param::from(p.as_str())).collect();
        observations.extend(
            db.query(&sql, &params)?
                .iter()
                .filter_map(observation)
                .map(|(_, o)| o),
        );
    }
    let mut out: Vec<Entry> = Ledger::build(observations)
        .entries()
        .into_iter()
        .filter(|e| ask.wants(e))
        .collect();
    if let Some(limit) = ask.limit {
        out.truncate(limit);
    }
    Ok(out)
}

/// The observations of the entries in `rows`, by (key, id), in order.
fn observations_of_entries(
    db: &mut Db,
    rows: &[Row],
) -> Result<HashMap<(String, String), Vec<EntryObservation>>, IndexError> {
    let mut ids: Vec<&str> = rows.iter().filter_map(|r| r.get("id")?.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out: HashMap<(String, String), Vec<EntryObservation>> = HashMap::new();
    for chunk in ids.chunks(MAX_PARAMS) {
        let sql = format!(
            "{OBSERVATION_SELECT} WHERE o.entry IN ({}) ORDER BY o.entry, o.n",
            placeholders(1, chunk.len())
        );
        let params: Vec<Param> = chunk.iter().map(|id| Param::from(*id)).collect();
        for row in db.query(&sql, &params)? {
            let (Some(key), Some(entry)) = (
                row.get("key").and_then(Value::as_str),
                row.get("entry").and_then(Value::as_str),
            ) else {
                continue;
            };
            let Some((_, o)) = observation(&row) else {
                continue;
            };
            out.entry((key.to_string(), entry.to_string()))
                .or_default()
                .push(EntryObservation {
                    value: o.value,
                    min: o.min,
                    max: o.max,
                    qualifier: o.qualifier,
                    outlier: flag(row.get("outlier")),
                    text: o.text,
                    article: o.article,
                    path: o.path,
                    published: o.published.map(|d| d.to_string()),
                    cited: o.cited,
                    publisher: o.publisher,
                    thing: o.thing,
                });
        }
    }
    Ok(out)
}

/// An entry from its row and its observations.
fn stored_entry(r: &Row, observations: Vec<EntryObservation>) -> Option<Entry> {
    let text = |name: &str| r.get(name).and_then(Value::as_str).map(str::to_string);
    let period = match (text("period_start"), text("period_end")) {
        (Some(start), Some(end)) => Some(EntryPeriod {
            text: text("period_text").unwrap_or_default(),
            start,
            end,
        }),
        _ => None,
    };
    Some(Entry {
        id: text("id")?,
        measure: text("measure")?,
        entity: text("entity"),
        kind: text("kind")?,
        unit: text("unit")?,
        period,
        agree: flag(r.get("agree")),
        observations,
    })
}
