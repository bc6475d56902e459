//! `wirewatch search QUERY`, `wirewatch entities` and `wirewatch stories`:
//! questions to the index from the command line, printed for people or as
//! JSON.

use std::io::Write;

use anyhow::Context as _;

use crate::config::Config;
use crate::index::query::{self, EntityCount, Hit};
use crate::index::store::Store;

pub use crate::index::query::{Entities, Search};

/// Opens the configured index for questions.
fn open(config: &Config) -> anyhow::Result<Store> {
    let target = config
        .index_target()
        .context("index.url is not a usable index URL")?;
    Store::open(&target)
        .with_context(|| format!("cannot open the index, {} (index.url)", target.describe()))
}

/// The stories of the index (the most recently active, up to
/// [`crate::index::stories::MAX_LIMIT`]), whose last day is on or after `since`.
pub fn stories(
    config: &Config,
    since: Option<chrono::NaiveDate>,
) -> anyhow::Result<crate::stories::records::Stories> {
    let mut store = open(config)?;
    let q = crate::index::stories::Question {
        since: since.map(|d| d.to_string()),
        limit: Some(crate::index::stories::MAX_LIMIT),
    };
    Ok(crate::index::stories::stories(store.db(), &q)?)
}

/// Runs a search; prints the hits; returns how many.
pub fn search(
    config: &Config,
    s: &Search,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut store = open(config)?;
    let hits = query::search(store.db(), s)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "articles": hits }))?;
        writeln!(out)?;
    } else {
        for hit in &hits {
            print_hit(hit, out)?;
        }
    }
    Ok(hits.len())
}

fn print_hit(hit: &Hit, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        hit.dated,
        hit.title.as_deref().unwrap_or("(no title)")
    )?;
    let mut about = vec![hit.path.as_str()];
    about.extend(hit.publisher.as_deref());
    about.extend(hit.url.as_deref());
    writeln!(out, "            {}", about.join(" · "))?;
    if let Some(s) = &hit.sentence {
        writeln!(out, "            “{s}”")?;
    }
    writeln!(out)
}

/// Lists the most-named entities; returns how many.
pub fn entities(
    config: &Config,
    q: &Entities,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut store = open(config)?;
    let found = query::entities(store.db(), q)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "entities": found }))?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{:>8} {:>8}  {:<12}  name",
            "articles", "mentions", "type"
        )?;
        for e in &found {
            print_entity(e, out)?;
        }
    }
    Ok(found.len())
}

fn print_entity(e: &EntityCount, out: &mut impl Write) -> std::io::Result<()> {
    let country = e
        .country
        .as_deref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    writeln!(
        out,
        "{:>8} {:>8}  {:<12}  {}{country}",
        e.articles, e.mentions, e.entity_type, e.name
    )
}
