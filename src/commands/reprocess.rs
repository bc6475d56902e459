//! `wirewatch reprocess [PATH…]`: re-extracts known articles from their
//! sources after an upgrade, since the ledger otherwise skips unchanged
//! content forever. By default only the records an older extractor version
//! made (see [`crate::record::extractor_version`]); `--all` renews every
//! one. Each new record is written atomically in place of the old one and
//! the ledger notes the version that made it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::article::{self, SourceMeta};
use crate::config::Config;
use crate::sink::ledger::{ContentEntry, Ledger, LedgerError, LedgerOp};
use crate::sink::records::RecordStore;
use crate::sink::{confined_join, durable, path_key};

/// Records renewed per ledger transaction.
const BATCH: usize = 256;

/// What `reprocess` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reprocessed {
    /// Records re-extracted and written.
    pub renewed: u64,
    /// Records already made by the running version (skipped).
    pub current: u64,
    /// Records whose source is gone (neither in the watched folder nor, for
    /// `move`, in the done folder), or a feed item (re-read with its feed).
    pub missing: u64,
    /// Records whose source now holds other content (the daemon makes a
    /// new revision of it).
    pub changed: u64,
    /// Records that could not be re-extracted or written.
    pub failed: u64,
    pub took: Duration,
}

/// Re-extracts the records of the sources below `paths` (all when empty).
pub fn reprocess(config: &Config, paths: &[PathBuf], all: bool) -> anyhow::Result<Reprocessed> {
    let started = Instant::now();
    let ledger_path = config.ledger_path();
    let ledger = match Ledger::open(&ledger_path) {
        Ok(l) => l,
        Err(e @ LedgerError::Locked { .. }) => return Err(e.into()),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "cannot open ledger {} (output.ledger)",
                ledger_path.display()
            )));
        }
    };
    let records = RecordStore::new(config.output.dir.join("records"));
    let version = crate::record::extractor_version();
    let roots = [config.watch.dir.clone(), config.done_dir()];
    let wanted: Vec<PathBuf> = paths
        .iter()
        .map(|p| p.strip_prefix(&config.watch.dir).unwrap_or(p).to_path_buf())
        .collect();
    let mut todo: Vec<(String, ContentEntry)> = Vec::new();
    let mut r = Reprocessed::default();
    ledger
        .each_record(&mut |hash, entry, made_by| {
            if !wanted.is_empty() && !wanted.iter().any(|w| Path::new(&entry.path).starts_with(w)) {
                return;
            }
            if !all && made_by == Some(version) {
                r.current += 1;
            } else {
                todo.push((hash.to_string(), entry));
            }
        })
        .context("cannot read the ledger")?;
    for batch in todo.chunks(BATCH) {
        let mut ops = Vec::new();
        let mut dirs = BTreeSet::new();
        for (hash, entry) in batch {
            match renew(config, &ledger, &records, &roots, hash, entry) {
                Renewal::Written(dir) => {
                    ops.push(LedgerOp::Version(hash.clone(), version.to_string()));
                    dirs.extend(dir);
                    r.renewed += 1;
                }
                Renewal::Missing => r.missing += 1,
                Renewal::Changed => r.changed += 1,
                Renewal::Failed(error) => {
                    tracing::error!(path = %entry.path, error, "cannot re-extract");
                    r.failed += 1;
                }
            }
        }
        for dir in &dirs {
            durable::sync_dir(dir).with_context(|| format!("cannot sync {}", dir.display()))?;
        }
        ledger.commit(&ops).context("cannot update the ledger")?;
    }
    r.took = started.elapsed();
    Ok(r)
}

enum Renewal {
    /// Written; the folder to sync.
    Written(Option<PathBuf>),
    Missing,
    Changed,
    Failed(String),
}

/// Re-extracts one record from its source, if the source still holds the
/// content it was made from.
fn renew(
    config: &Config,
    ledger: &Ledger,
    records: &RecordStore,
    roots: &[PathBuf],
    hash: &str,
    entry: &ContentEntry,
) -> Renewal {
    let rel = Path::new(&entry.path);
    let Some((source, bytes)) = roots.iter().find_map(|root| {
        let source = confined_join(root, rel);
        let meta = std::fs::metadata(&source).ok()?;
        if !meta.is_file() || meta.len() > config.watch.max_file_bytes {
            return None;
        }
        Some((source.clone(), std::fs::read(&source).ok()?))
    }) else {
        return Renewal::Missing;
    };
    if crate::identity::content_hash(&bytes) != hash {
        return Renewal::Changed;
    }
    let revision = match ledger.path(&path_key(rel)) {
        Ok(p) => p.map_or(1, |p| p.revision.max(1)),
        Err(e) => return Renewal::Failed(e.to_string()),
    };
    let meta = SourceMeta {
        path: entry.path.clone(),
        bytes: bytes.len() as u64,
        content_hash: hash.to_string(),
        modified_at: std::fs::metadata(&source).and_then(|m| m.modified()).ok(),
        revision,
        reference_date: None,
    };
    let analysis = match article::analyze(&bytes, article::claimed_format(&source), meta) {
        Ok(a) => a,
        Err(e) => return Renewal::Failed(e.to_string()),
    };
    let record = confined_join(records.root(), Path::new(&entry.record));
    let written = article::to_json(&analysis.record, config.output.pretty)
        .map_err(|e| e.to_string())
        .and_then(|json| records.rewrite(&record, &json).map_err(|e| e.to_string()));
    match written {
        Ok(()) => Renewal::Written(record.parent().map(Path::to_path_buf)),
        Err(e) => Renewal::Failed(e),
    }
}
