//! One article from bytes to record: decode → parse ([`document`]) →
//! extract ([`extract`]) → build ([`record::build`]). Shared by the daemon,
//! `process`, `work` and `extract`, so all of them give the same record for
//! the same bytes.

use std::time::{Duration, Instant};

use crate::document::feed::FeedItem;
use crate::document::{self, DocumentError};
use crate::extract::{self, FactKind, entities::EntityType};
use crate::record::{self, FeedItemRef, Format, Record};

pub use crate::record::SourceMeta;

/// Time spent in each stage of [`analyze`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Timings {
    pub decode: Duration,
    pub parse: Duration,
    pub extract: Duration,
}

/// The record and the counts the metrics need.
pub struct Analysis {
    pub record: Record,
    pub(crate) timings: Timings,
    /// Facts by kind, for `wirewatch_facts_extracted_total`.
    pub(crate) fact_counts: Vec<(FactKind, usize)>,
    /// Entities by type, for `wirewatch_entities_extracted_total`.
    pub(crate) entity_counts: Vec<(EntityType, usize)>,
}

/// Runs the whole extraction on one article, set up by `settings`. A
/// panic inside it (a bug met on this input) comes back as
/// [`DocumentError::Internal`] with its message, so one article costs no
/// more than itself: `extract --jsonl` writes an error line and goes on,
/// the pipeline quarantines the file.
pub fn analyze(
    bytes: &[u8],
    claimed: Option<Format>,
    meta: SourceMeta,
    settings: &extract::Settings,
) -> Result<Analysis, DocumentError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyze_unguarded(bytes, claimed, meta, settings)
    }))
    .unwrap_or_else(|panic| Err(DocumentError::Internal(panic_message(panic.as_ref()))))
}

fn analyze_unguarded(
    bytes: &[u8],
    claimed: Option<Format>,
    meta: SourceMeta,
    settings: &extract::Settings,
) -> Result<Analysis, DocumentError> {
    let t0 = Instant::now();
    let decoded = document::decode_text(bytes)?;
    let t1 = Instant::now();
    let doc = document::parse(decoded, claimed)?;
    let t2 = Instant::now();
    let facts = extract::extract(&doc, settings);
    let t3 = Instant::now();
    let fact_counts = facts.counts(&doc);
    let entity_counts = facts.entity_counts();
    let record = record::build(doc, &facts, meta);
    Ok(Analysis {
        record,
        timings: Timings {
            decode: t1 - t0,
            parse: t2 - t1,
            extract: t3 - t2,
        },
        fact_counts,
        entity_counts,
    })
}

/// The message a panic carried (`panic!` with a literal or a formatted
/// string), for the error that reports it.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// What a feed item states about itself, over what its text gave: its
/// place in the feed and id, title, address and authors.
pub(crate) fn apply_feed_item(record: &mut Record, item: &FeedItem) {
    set_item(record, item.index, item.id.clone());
    if item.title.is_some() {
        record.title.clone_from(&item.title);
    }
    if item.url.is_some() {
        record.url.clone_from(&item.url);
    }
    if !item.authors.is_empty() {
        record.authors.clone_from(&item.authors);
    }
}

/// Marks the record as item `index` of a feed or a JSON Lines input, with
/// the caller's `id`.
pub(crate) fn set_item(record: &mut Record, index: usize, id: Option<String>) {
    record.source.item = Some(FeedItemRef { index, id });
}

/// The record as it is written to disk: compact JSON (indented when
/// `pretty`, `output.pretty`) and a final newline.
pub(crate) fn to_json(record: &Record, pretty: bool) -> Result<Vec<u8>, serde_json::Error> {
    let mut v = if pretty {
        serde_json::to_vec_pretty(record)?
    } else {
        serde_json::to_vec(record)?
    };
    v.push(b'\n');
    Ok(v)
}

/// Claimed format from a file name's extension.
pub(crate) fn claimed_format(path: &std::path::Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(document::format::from_extension)
}
