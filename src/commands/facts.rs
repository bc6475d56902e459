//! `wirewatch facts`: the fact ledger — one entry per quantity, every
//! article's figure for it, and whether they agree. Read from the index,
//! which keeps the entries up to date as articles arrive, when there is
//! one; computed from a folder of records with `--records` (or when the
//! index is off or not made yet).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::config::Config;
use crate::facts::{Entry, Ledger, Report, read_folder};
use crate::index::Target;
use crate::index::facts::{self as index_facts, Facts};
use crate::index::store::Store;

/// What `wirewatch facts` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only entries whose measure, entity, unit or wording holds this (any case).
    pub query: Option<String>,
    /// The records folder to compute the ledger from, instead of the index.
    pub records: Option<PathBuf>,
    /// Only the observations of this story's articles (an id `wirewatch
    /// stories` prints).
    pub story: Option<String>,
    /// Only entries whose observations disagree.
    pub disagreeing: bool,
    /// JSON instead of a table.
    pub json: bool,
}

/// What a run found, for the caller's summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub entries: usize,
    /// Record files that could not be read (each reported on standard error).
    pub unreadable: usize,
}

/// Finds the entries asked for and writes them.
pub fn facts(config: &Config, options: &Options, out: &mut dyn Write) -> anyhow::Result<Summary> {
    let ask = Facts {
        q: options.query.clone(),
        disagreeing: options.disagreeing,
        story: options.story.clone(),
        limit: None,
    };
    let (entries, unreadable) = match index_to_read(config, options) {
        Some(target) => (from_index(&target, &ask)?, 0),
        None => from_records(config, options, &ask)?,
    };
    let summary = Summary {
        entries: entries.len(),
        unreadable,
    };
    if options.json {
        serde_json::to_writer_pretty(&mut *out, &Report { entries })?;
        out.write_all(b"\n")?;
    } else {
        table(&entries, out)?;
    }
    Ok(summary)
}

/// The index to read: the configured one, unless `--records` names a
/// folder, the index is off, or an SQLite index has not been made yet.
fn index_to_read(config: &Config, options: &Options) -> Option<Target> {
    if options.records.is_some() || !config.index.enabled {
        return None;
    }
    match config.index_target()? {
        Target::Sqlite(path) if !path.is_file() => None,
        target => Some(target),
    }
}

/// The entries from the index.
fn from_index(target: &Target, ask: &Facts) -> anyhow::Result<Vec<Entry>> {
    let mut store = Store::open(target)
        .with_context(|| format!("cannot open the index, {} (index.url)", target.describe()))?;
    let entries = match &ask.story {
        Some(id) => {
            let paths =
                crate::index::stories::article_paths(store.db(), id)?.with_context(|| {
                    format!(
                        "no story {id} in the index, {} (wirewatch stories lists them)",
                        target.describe()
                    )
                })?;
            index_facts::entries_of_articles(store.db(), &paths, ask)?
        }
        None => index_facts::entries(store.db(), ask)?,
    };
    Ok(entries)
}

/// The entries computed from the records folder, with how many record
/// files could not be read.
fn from_records(
    config: &Config,
    options: &Options,
    ask: &Facts,
) -> anyhow::Result<(Vec<Entry>, usize)> {
    let dir = options
        .records
        .clone()
        .unwrap_or_else(|| config.output.dir.join("records"));
    let (mut observations, bad) =
        read_folder(&dir).with_context(|| format!("no records to read in {}", dir.display()))?;
    for (path, why) in &bad {
        eprintln!("wirewatch facts: skipped {}: {why}", path.display());
    }
    if let Some(id) = &ask.story {
        let paths: HashSet<String> = story_articles(config, &dir, id)?.into_iter().collect();
        observations.retain(|o| paths.contains(&o.path));
    }
    let entries = Ledger::build(observations)
        .entries()
        .into_iter()
        .filter(|e| ask.wants(e))
        .collect();
    Ok((entries, bad.len()))
}

/// The paths of the articles of story `id`, grouped from the records
/// folder `records` as `wirewatch stories --records` groups it (without
/// an index there is no other memory of the stories).
fn story_articles(config: &Config, records: &Path, id: &str) -> anyhow::Result<Vec<String>> {
    crate::stories::records::story_paths(records, id, &config.story_settings())
        .with_context(|| format!("cannot group the stories of {}", records.display()))?
        .with_context(|| {
            format!(
                "no story {id} among the records of {} (wirewatch stories lists them)",
                records.display()
            )
        })
}

/// The entries as a table: one line per entry, one indented line per
/// observation.
fn table(entries: &[Entry], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<12}  {:<34}  {:<20}  {:<6}  {:<24}  {:<5}  articles",
        "id", "measure", "entity", "kind", "period", "agree"
    )?;
    for e in entries {
        let period = e
            .period
            .as_ref()
            .map(|p| format!("{} ({}…{})", clip(&p.text, 10), p.start, p.end))
            .unwrap_or_else(|| "-".to_string());
        writeln!(
            out,
            "{:<12}  {:<34}  {:<20}  {:<6}  {:<24}  {:<5}  {}",
            e.id,
            clip(&e.measure, 34),
            clip(e.entity.as_deref().unwrap_or("-"), 20),
            e.kind,
            clip(&period, 24),
            if e.agree { "yes" } else { "no" },
            e.articles()
        )?;
        for o in &e.observations {
            let value = match (o.min, o.max) {
                (Some(a), Some(b)) if a != b => {
                    format!("{} [{}…{}]", number(o.value), number(a), number(b))
                }
                (Some(a), None) => format!("{} [≥{}]", number(o.value), number(a)),
                (None, Some(b)) => format!("{} [≤{}]", number(o.value), number(b)),
                _ => number(o.value),
            };
            writeln!(
                out,
                "    {}{} {:<4}  {}  {}{}  “{}”",
                if o.outlier { "outlier " } else { "" },
                value,
                e.unit,
                o.published.as_deref().unwrap_or("-"),
                o.path,
                o.cited
                    .as_deref()
                    .map(|c| format!("  (cites {})", clip(c, 30)))
                    .unwrap_or_default(),
                clip(&o.text, 100)
            )?;
        }
    }
    Ok(())
}

/// A number as people write it: no trailing zeros, thousands and above in
/// words' scale ("5.8 billion").
fn number(v: f64) -> String {
    let (scaled, word) = match v.abs() {
        x if x >= 1e12 => (v / 1e12, " trillion"),
        x if x >= 1e9 => (v / 1e9, " billion"),
        x if x >= 1e6 => (v / 1e6, " million"),
        _ => (v, ""),
    };
    let s = format!("{scaled:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{word}")
}

/// At most `n` characters of `s`, with an ellipsis when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}
