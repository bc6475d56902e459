//! A feed file (`.json`, `.jsonl`) is many articles: the worker reads it
//! once, and each item becomes a job of its own (its text as the payload,
//! `<feed>#<id or index>` as its path), with its own record, identity,
//! duplicate check and ledger entry, or its own quarantine entry when it is
//! not an article. The feed file's own completion comes last, so it is
//! moved or deleted only after every item is durable; if an item could not
//! be written, the feed is retried (the items already done are then
//! `unchanged`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::Context;
use super::job::{Completion, Job, Outcome};
use super::worker::{self, failed, quarantine};
use crate::document::feed::{self, BadItem, FeedKind};
use crate::sink::ledger::{LedgerOp, PathEntry};
use crate::sink::path_key;
use crate::sink::quarantine::Payload;
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::{ErrorType, QuarantineReason, Stage};

/// The completions of a feed file: one per item, then the file's own.
pub(crate) fn process(ctx: &Context, job: Job, kind: FeedKind) -> Vec<Completion> {
    let mut whole = worker::completion(job);
    let mut out = Vec::new();
    whole.outcome = match split(ctx, &mut whole, kind, &mut out) {
        Ok(o) | Err(o) => o,
    };
    // Each item is finished (and counted out of flight) on its own.
    metrics::gauge!(m::IN_FLIGHT.name).increment(out.len() as f64);
    if matches!(whole.outcome, Outcome::Failed { .. }) {
        whole.ops.clear();
    }
    out.push(whole);
    out
}

fn split(
    ctx: &Context,
    whole: &mut Completion,
    kind: FeedKind,
    out: &mut Vec<Completion>,
) -> worker::Step<Outcome> {
    let (bytes, hash) = worker::read(ctx, whole)?;
    let key = path_key(&whole.job.rel);
    let previous = ctx
        .ledger
        .path(&key)
        .map_err(|e| failed(Stage::Detect, ErrorType::Ledger, e))?;
    let entry = |outcome: &str| PathEntry {
        size: bytes.len() as u64,
        mtime_ns: whole.job.mtime.and_then(super::job::mtime_ns),
        content_hash: Some(hash.clone()),
        revision: 0,
        outcome: outcome.to_string(),
    };
    if previous.and_then(|p| p.content_hash) == Some(hash.clone()) {
        whole.ops.push(LedgerOp::Path(key, entry("unchanged")));
        return Ok(Outcome::Unchanged);
    }
    let items = match feed::items(kind, &bytes) {
        Ok(items) => items,
        Err(detail) => {
            return quarantine(
                ctx,
                whole,
                Payload::Bytes(&bytes),
                QuarantineReason::InvalidFeed,
                detail,
                Stage::Parse,
            );
        }
    };
    let mut names = HashSet::new();
    let mut item_failed = None;
    for item in items {
        let index = item.as_ref().map_or_else(|b| b.index, |i| i.index);
        let id = item
            .as_ref()
            .map_or_else(|b| b.id.clone(), |i| i.id.clone());
        let rel = item_rel(&whole.job.rel, index, id.as_deref(), &mut names);
        let c = match item {
            Ok(item) => worker::process(
                ctx,
                Job {
                    rel,
                    payload: Some(item.article_text().into_bytes().into()),
                    item: Some(Arc::new(item)),
                    ..whole.job.clone()
                },
            ),
            Err(bad) => bad_item(ctx, &whole.job, rel, bad),
        };
        if let Outcome::Failed { .. } = &c.outcome {
            item_failed.get_or_insert_with(|| c.outcome.clone());
        }
        out.push(c);
    }
    whole.ops.push(LedgerOp::Path(key, entry("feed")));
    match item_failed {
        Some(f) => Err(f),
        None => Ok(Outcome::Feed { items: out.len() }),
    }
}

/// An item that is not an article: quarantined with its index and reason.
fn bad_item(ctx: &Context, feed_job: &Job, rel: PathBuf, bad: BadItem) -> Completion {
    let mut c = worker::completion(Job {
        rel,
        payload: Some(bad.raw.clone().into()),
        ..feed_job.clone()
    });
    c.outcome = match quarantine::<Outcome>(
        ctx,
        &mut c,
        Payload::Bytes(&bad.raw),
        QuarantineReason::InvalidFeed,
        format!(
            "item {} of {}: {}",
            bad.index,
            feed_job.display(),
            bad.reason
        ),
        Stage::Parse,
    ) {
        Ok(o) | Err(o) => o,
    };
    c
}

/// The path of an item: `<feed>#<id>`, or `<feed>#<index>` when it has no
/// usable id (none, or one an earlier item of the feed already took), so
/// records and ledger entries follow the item however the feed is reordered.
pub(crate) fn item_rel(
    feed: &std::path::Path,
    index: usize,
    id: Option<&str>,
    names: &mut HashSet<String>,
) -> PathBuf {
    let clean = id.map(|id| {
        id.chars()
            .take(100)
            .map(|ch| {
                if ch.is_ascii_alphanumeric() || "-_.".contains(ch) {
                    ch
                } else {
                    '_'
                }
            })
            .collect::<String>()
    });
    let name = match clean {
        Some(c) if !c.is_empty() && !c.starts_with('.') && names.insert(c.clone()) => c,
        _ => index.to_string(),
    };
    crate::sink::with_suffix(feed, &format!("#{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn items_are_named_by_id_else_index() {
        let mut names = HashSet::new();
        let feed = Path::new("in/feed.jsonl");
        let rel = |i, id| item_rel(feed, i, id, &mut HashSet::new());
        assert_eq!(rel(0, Some("a/b c")), PathBuf::from("in/feed.jsonl#a_b_c"));
        assert_eq!(rel(3, None), PathBuf::from("in/feed.jsonl#3"));
        assert_eq!(rel(4, Some("..")), PathBuf::from("in/feed.jsonl#4"));
        assert_eq!(
            item_rel(feed, 0, Some("x"), &mut names),
            PathBuf::from("in/feed.jsonl#x")
        );
        assert_eq!(
            item_rel(feed, 1, Some("x"), &mut names),
            PathBuf::from("in/feed.jsonl#1")
        );
    }
}
