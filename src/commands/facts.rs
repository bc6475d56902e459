//! `wirewatch facts`: the fact ledger over a folder of records — one entry
//! per quantity, every article's figure for it, and whether they agree.
//! Computed from the records each time (the index, once there, keeps the
//! same entries up to date as articles arrive).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::config::Config;
use crate::facts::{Entry, Ledger, Report, read_folder};

/// What `wirewatch facts` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only entries whose measure, entity, unit or wording holds this (any case).
    pub query: Option<String>,
    /// The records folder; the configured output's `records/` when absent.
    pub records: Option<PathBuf>,
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

/// Reads the records, builds the ledger and writes the entries asked for.
pub fn facts(config: &Config, options: &Options, out: &mut dyn Write) -> anyhow::Result<Summary> {
    let dir = options
        .records
        .clone()
        .unwrap_or_else(|| config.output.dir.join("records"));
    let (observations, bad) =
        read_folder(&dir).with_context(|| format!("no records to read in {}", dir.display()))?;
    for (path, why) in &bad {
        eprintln!("wirewatch facts: skipped {}: {why}", path.display());
    }
    let query = options.query.as_deref().map(str::to_lowercase);
    let entries: Vec<Entry> = Ledger::build(observations)
        .entries()
        .into_iter()
        .filter(|e| query.as_deref().is_none_or(|q| e.matches(q)))
        .filter(|e| !options.disagreeing || !e.agree)
        .collect();
    let summary = Summary {
        entries: entries.len(),
        unreadable: bad.len(),
    };
    if options.json {
        serde_json::to_writer_pretty(&mut *out, &Report { entries })?;
        out.write_all(b"\n")?;
    } else {
        table(&entries, out)?;
    }
    Ok(summary)
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
