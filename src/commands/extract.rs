//! `wirewatch extract`: one article → its record on stdout, or JSON lines in
//! bulk (`--jsonl`) for other programs and the evaluation harness.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Deserialize;

use crate::article::{self, SourceMeta};
use crate::config::Config;
use crate::record::{Format, Record};

/// Lines handed to the worker pool at once; output stays in input order.
const BATCH: usize = 256;

/// One article: its record as pretty JSON.
pub fn one(
    config: &Config,
    input: Option<&Path>,
    format: Option<Format>,
) -> anyhow::Result<Record> {
    let limit = config.watch.max_file_bytes;
    let (bytes, name, mtime) = match input {
        Some(p) if p.as_os_str() != "-" => {
            if let Some(refusal) = crate::document::format::refusal(p) {
                anyhow::bail!(refusal);
            }
            let meta =
                std::fs::metadata(p).with_context(|| format!("cannot open {}", p.display()))?;
            if meta.len() > limit {
                anyhow::bail!(
                    "{} is {} bytes, over watch.max_file_bytes = {limit}",
                    p.display(),
                    meta.len()
                );
            }
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            (bytes, p.display().to_string(), meta.modified().ok())
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            if bytes.len() as u64 > limit {
                anyhow::bail!("standard input is over watch.max_file_bytes = {limit}");
            }
            (bytes, "-".to_string(), None)
        }
    };
    let claimed = format.or_else(|| input.and_then(article::claimed_format));
    let meta = SourceMeta {
        path: name.clone(),
        bytes: bytes.len() as u64,
        content_hash: crate::identity::content_hash(&bytes),
        modified_at: mtime,
        revision: 1,
        reference_date: None,
    };
    let analysis = article::analyze(&bytes, claimed, meta, &config.extraction_settings())
        .map_err(|e| anyhow::anyhow!("{name}: {e} (would be quarantined as {})", e.reason()))?;
    Ok(analysis.record)
}

/// Whether `extract FILE` reads the file as a feed (`.json`, `.jsonl`).
pub fn is_feed(path: &Path) -> bool {
    crate::document::feed::kind(path).is_some()
}

/// A feed file: one record per item as a JSON line, in feed order; an item
/// that is not an article gives `{"item","error"}`. Returns the items and
/// how many were bad.
pub fn feed(config: &Config, path: &Path, out: &mut dyn Write) -> anyhow::Result<(usize, usize)> {
    let Some(kind) = crate::document::feed::kind(path) else {
        anyhow::bail!("{} is not a .json or .jsonl feed", path.display());
    };
    let limit = config.watch.max_file_bytes;
    let settings = config.extraction_settings();
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot open {}", path.display()))?;
    if meta.len() > limit {
        anyhow::bail!(
            "{} is {} bytes, over watch.max_file_bytes = {limit}",
            path.display(),
            meta.len()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let items = crate::document::feed::items(kind, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let (total, mut errors) = (items.len(), 0);
    let mut names = std::collections::HashSet::new();
    for item in items {
        let line = match item {
            Ok(item) => {
                let rel = crate::pipeline::feed::item_rel(
                    path,
                    item.index,
                    item.id.as_deref(),
                    &mut names,
                );
                let text = item.article_text();
                let meta = SourceMeta {
                    path: rel.display().to_string(),
                    bytes: text.len() as u64,
                    content_hash: crate::identity::content_hash(text.as_bytes()),
                    modified_at: meta.modified().ok(),
                    revision: 1,
                    reference_date: item.date,
                };
                match article::analyze(text.as_bytes(), None, meta, &settings) {
                    Ok(mut a) => {
                        article::apply_feed_item(&mut a.record, &item);
                        serde_json::to_string(&a.record)?
                    }
                    Err(e) => {
                        errors += 1;
                        serde_json::json!({"item": item.index, "error": e.to_string()}).to_string()
                    }
                }
            }
            Err(bad) => {
                errors += 1;
                serde_json::json!({"item": bad.index, "error": bad.reason}).to_string()
            }
        };
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok((total, errors))
}

/// One input line of `--jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
    #[serde(default)]
    format: Option<Format>,
}

/// Reads JSON lines from `input` (named `name`: its path, or `-`) and writes
/// one record (or one error object) per line to `out`, in input order,
/// using every core. Each record's `source.item` holds the line's index and
/// the caller's `id`; `source.path` names the input.
pub fn jsonl(
    config: &Config,
    input: Box<dyn BufRead>,
    name: &str,
    out: &mut dyn Write,
) -> anyhow::Result<(usize, usize)> {
    let settings = config.extraction_settings();
    let mut lines = input.lines();
    let mut total = 0;
    let mut errors = 0;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for line in lines.by_ref().take(BATCH) {
            batch.push(line.context("cannot read input")?);
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<String, String>> = batch
            .par_iter()
            .enumerate()
            .map(|(i, raw)| convert(raw, name, total + i + 1, &settings))
            .collect();
        for r in results {
            let text = match r {
                Ok(json) => json,
                Err(err) => {
                    errors += 1;
                    err
                }
            };
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
        total += batch.len();
    }
    out.flush()?;
    Ok((total, errors))
}

fn convert(
    raw: &str,
    name: &str,
    line_no: usize,
    settings: &crate::extract::Settings,
) -> Result<String, String> {
    let error = |id: Option<&str>, msg: String| {
        serde_json::json!({"id": id, "line": line_no, "error": msg}).to_string()
    };
    let line: Line =
        serde_json::from_str(raw).map_err(|e| error(None, format!("invalid line: {e}")))?;
    let reference_date = match &line.reference_date {
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                error(
                    Some(&line.id),
                    format!("reference_date {d:?} is not YYYY-MM-DD"),
                )
            })?,
        ),
        None => None,
    };
    let bytes = line.text.as_bytes();
    let meta = SourceMeta {
        path: name.to_string(),
        bytes: bytes.len() as u64,
        content_hash: crate::identity::content_hash(bytes),
        modified_at: None,
        revision: 1,
        reference_date,
    };
    let mut analysis = article::analyze(bytes, line.format, meta, settings)
        .map_err(|e| error(Some(&line.id), e.to_string()))?;
    article::set_item(&mut analysis.record, line_no - 1, Some(line.id.clone()));
    serde_json::to_string(&analysis.record).map_err(|e| error(Some(&line.id), e.to_string()))
}
