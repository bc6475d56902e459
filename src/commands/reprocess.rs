//! `wirewatch reprocess [PATH…]`: re-extracts known articles from their
//! sources after an upgrade, since the ledger otherwise skips unchanged
//! content forever. By default only the records an older extractor version
//! made (see [`crate::record::extractor_version`]); `--all` renews every
//! one. Each new record is written atomically in place of the old one and
//! the ledger notes the version that made it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::article::{self, SourceMeta};
use crate::config::Config;
use crate::document::feed::{self, FeedItem};
use crate::sink::ledger::{ContentEntry, Ledger, LedgerOp};
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
    /// `move`, in the done folder; for a feed item, its feed or its item).
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
    let ledger = crate::pipeline::open_ledger(config)?;
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
    let jsonl = crate::pipeline::open_jsonl(config)?;
    let pretty = config.output.pretty;
    let settings = config.extraction_settings();
    let mut feeds = Feeds::default();
    for batch in todo.chunks(BATCH) {
        let mut ops = Vec::new();
        let mut dirs = BTreeSet::new();
        let mut lines = Vec::new();
        for (hash, entry) in batch {
            let source = Source::find(config, &roots, &mut feeds, Path::new(&entry.path));
            match renew(&ledger, &records, pretty, &settings, source, hash, entry) {
                Renewal::Written { dir, line } => {
                    ops.push(LedgerOp::Version(hash.clone(), version.to_string()));
                    dirs.extend(dir);
                    lines.push(line);
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
        // The renewed records reach the JSON Lines file as the daemon's do:
        // appended and synced before the ledger notes their version.
        if let Some(sink) = &jsonl {
            let lines: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
            sink.append(&lines)
                .with_context(|| format!("cannot append to {}", sink.path().display()))?;
        }
        ledger.commit(&ops).context("cannot update the ledger")?;
    }
    r.took = started.elapsed();
    Ok(r)
}

enum Renewal {
    /// Written; the folder to sync and the record as one JSON line.
    Written {
        dir: Option<PathBuf>,
        line: Vec<u8>,
    },
    Missing,
    Changed,
    Failed(String),
}

/// Where a record's content is now: a file of its own, or an item of a feed
/// file (`<feed>#<id or index>`), in the watched folder or the done folder.
enum Source<'f> {
    File { path: PathBuf, bytes: Vec<u8> },
    Item { feed: PathBuf, item: &'f FeedItem },
    Missing,
}

impl<'f> Source<'f> {
    fn find(config: &Config, roots: &[PathBuf], feeds: &'f mut Feeds, rel: &Path) -> Source<'f> {
        let file = roots.iter().find_map(|root| {
            let path = confined_join(root, rel);
            let bytes = read_limited(&path, config.watch.max_file_bytes)?;
            Some(Source::File { path, bytes })
        });
        if let Some(file) = file {
            return file;
        }
        let Some(feed_rel) = feed_of_item(rel) else {
            return Source::Missing;
        };
        match feeds.items(config, roots, &feed_rel) {
            Some((feed, items)) => match items.get(rel) {
                Some(item) => Source::Item {
                    feed: feed.clone(),
                    item,
                },
                None => Source::Missing,
            },
            None => Source::Missing,
        }
    }
}

/// The feed path of an item path (`in/wire.jsonl#a-1` → `in/wire.jsonl`),
/// when the part before the last `#` names a feed.
fn feed_of_item(rel: &Path) -> Option<PathBuf> {
    let (feed_part, _item) = rel.to_str()?.rsplit_once('#')?;
    let feed_rel = PathBuf::from(feed_part);
    feed::kind(&feed_rel).map(|_| feed_rel)
}

/// A file's bytes, when it is a regular file within the size limit.
fn read_limited(path: &Path, max_bytes: u64) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > max_bytes {
        return None;
    }
    std::fs::read(path).ok()
}

/// Feed files read so far, each once however many of its items are renewed:
/// where the feed is and its articles by item path (named as the pipeline
/// names them), or `None` when it is gone or no longer a feed.
#[derive(Default)]
struct Feeds {
    read: HashMap<PathBuf, Option<ReadFeed>>,
}

/// A feed file as found: its path and its articles by item path.
type ReadFeed = (PathBuf, HashMap<PathBuf, FeedItem>);

impl Feeds {
    fn items(&mut self, config: &Config, roots: &[PathBuf], feed_rel: &Path) -> Option<&ReadFeed> {
        self.read
            .entry(feed_rel.to_path_buf())
            .or_insert_with(|| read_feed(config, roots, feed_rel))
            .as_ref()
    }
}

fn read_feed(config: &Config, roots: &[PathBuf], feed_rel: &Path) -> Option<ReadFeed> {
    let kind = feed::kind(feed_rel)?;
    let (path, bytes) = roots.iter().find_map(|root| {
        let path = confined_join(root, feed_rel);
        let bytes = read_limited(&path, config.watch.max_file_bytes)?;
        Some((path, bytes))
    })?;
    let mut names = HashSet::new();
    let mut items = HashMap::new();
    for item in feed::items(kind, &bytes).ok()? {
        let (index, id) = match &item {
            Ok(i) => (i.index, i.id.clone()),
            Err(bad) => (bad.index, bad.id.clone()),
        };
        let rel = crate::pipeline::feed::item_rel(feed_rel, index, id.as_deref(), &mut names);
        if let Ok(item) = item {
            items.insert(rel, item);
        }
    }
    Some((path, items))
}

/// Re-extracts one record from its source, if the source still holds the
/// content it was made from.
fn renew(
    ledger: &Ledger,
    records: &RecordStore,
    pretty: bool,
    settings: &crate::extract::Settings,
    source: Source<'_>,
    hash: &str,
    entry: &ContentEntry,
) -> Renewal {
    let rel = Path::new(&entry.path);
    let (path, bytes, item) = match source {
        Source::File { path, bytes } => (path, bytes, None),
        Source::Item { feed, item } => (feed, item.article_text().into_bytes(), Some(item)),
        Source::Missing => return Renewal::Missing,
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
        modified_at: std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
        revision,
        // As the pipeline reads an item: against its own date.
        reference_date: item.and_then(|i| i.date),
    };
    let analysis = match article::analyze(&bytes, article::claimed_format(&path), meta, settings) {
        Ok(mut a) => {
            if let Some(item) = item {
                article::apply_feed_item(&mut a.record, item);
            }
            a
        }
        Err(e) => return Renewal::Failed(e.to_string()),
    };
    let record = confined_join(records.root(), Path::new(&entry.record));
    let encoded = article::to_json(&analysis.record, pretty).and_then(|json| {
        let line = match pretty {
            true => serde_json::to_vec(&analysis.record)?,
            false => json.strip_suffix(b"\n").unwrap_or(&json).to_vec(),
        };
        Ok((json, line))
    });
    let written = encoded.map_err(|e| e.to_string()).and_then(|(json, line)| {
        records
            .rewrite(&record, &json)
            .map(|()| line)
            .map_err(|e| e.to_string())
    });
    match written {
        Ok(line) => Renewal::Written {
            dir: record.parent().map(Path::to_path_buf),
            line,
        },
        Err(e) => Renewal::Failed(e),
    }
}
