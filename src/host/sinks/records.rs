//! The local records sink (`run`, `process`, `work`): extract the article
//! and write its record in this process's output folder, claiming its
//! content so two paths with the same bytes make one record.

use std::path::Path;
use std::time::Instant;

use crate::article::{self, SourceMeta};
use crate::document::DocumentError;
use crate::pipeline::Context;
use crate::pipeline::job::{Completion, Outcome};
use crate::pipeline::worker::{Delivery, Output, failed, observe, quarantine};
use crate::record::Format;
use crate::sink::ledger::{ContentEntry, LedgerOp};
use crate::sink::quarantine::Payload;
use crate::telemetry::labels::{ErrorType, Stage};

/// Extract and write the record in this process's output folder.
pub(crate) struct LocalRecords;

impl Output for LocalRecords {
    fn deliver(
        &self,
        ctx: &Context,
        c: &mut Completion,
        d: Delivery<'_>,
    ) -> Result<Outcome, Outcome> {
        let job = c.job.clone();
        let (bytes, hash, prev_revision) = (d.bytes, d.hash.to_string(), d.previous_revision);
        let key = d.key.clone();
        let path_entry = |revision: u32, outcome: &str| d.path_entry(&job, revision, outcome);
        if let Some(first) = ctx
            .ledger
            .content(&hash)
            .map_err(|e| failed(Stage::Detect, ErrorType::Ledger, e))?
        {
            c.ops
                .push(LedgerOp::Path(key, path_entry(prev_revision, "duplicate")));
            return Ok(Outcome::Duplicate { of: first.path });
        }
        match ctx.claim(&hash, &job.rel) {
            Some(owner) => {
                c.ops
                    .push(LedgerOp::Path(key, path_entry(prev_revision, "duplicate")));
                return Ok(Outcome::Duplicate { of: owner });
            }
            None => c.claim = Some(hash.clone()),
        }

        let revision = prev_revision + 1;
        let meta = SourceMeta {
            path: job.display(),
            bytes: bytes.len() as u64,
            content_hash: hash.clone(),
            modified_at: job.mtime,
            revision,
            // A feed item's own date is the date its text is read against.
            reference_date: job.item.as_ref().and_then(|i| i.date),
        };
        let claimed: Option<Format> = article::claimed_format(&job.path);
        let analysis = match article::analyze(bytes, claimed, meta, &ctx.extraction) {
            Ok(mut a) => {
                if let Some(item) = &job.item {
                    article::apply_feed_item(&mut a.record, item);
                }
                a
            }
            Err(e) => {
                let stage = match e {
                    DocumentError::Internal(_) => Stage::Extract,
                    _ => Stage::Decode,
                };
                return quarantine(
                    ctx,
                    c,
                    Payload::Bytes(bytes),
                    e.reason(),
                    e.to_string(),
                    stage,
                );
            }
        };
        observe(Stage::Decode, analysis.timings.decode);
        observe(Stage::Parse, analysis.timings.parse);
        observe(Stage::Extract, analysis.timings.extract);
        c.fact_counts = analysis.fact_counts;
        c.entity_counts = analysis.entity_counts;

        // Written under a temp name here; the committer syncs it with its
        // group, puts it in place (or adopts a record of the same content
        // already there) and only then commits the ledger.
        let t_write = Instant::now();
        let record_path = ctx.records.path_for(&job.rel);
        let json = article::to_json(&analysis.record, ctx.pretty)
            .map_err(|e| failed(Stage::Write, ErrorType::Encode, e))?;
        if ctx.jsonl.is_some() {
            c.line = Some(if ctx.pretty {
                serde_json::to_vec(&analysis.record)
                    .map_err(|e| failed(Stage::Write, ErrorType::Encode, e))?
            } else {
                json.strip_suffix(b"\n").unwrap_or(&json).to_vec()
            });
        }
        c.record = Some(
            ctx.records
                .write(&record_path, &json, &hash)
                .map_err(|e| failed(Stage::Write, ErrorType::of_io(&e), e))?,
        );
        observe(Stage::Write, t_write.elapsed());
        c.sync_dir = record_path.parent().map(Path::to_path_buf);
        let record_rel = record_path
            .strip_prefix(ctx.records.root())
            .unwrap_or(&record_path)
            .to_string_lossy()
            .into_owned();
        c.ops.push(LedgerOp::Content(
            hash.clone(),
            ContentEntry {
                path: job.display(),
                record: record_rel,
                id: analysis.record.id.clone(),
            },
        ));
        c.ops.push(LedgerOp::Version(
            hash.clone(),
            crate::record::extractor_version().to_string(),
        ));
        c.ops.push(LedgerOp::Path(key, path_entry(revision, "ok")));
        let id = analysis.record.id.clone();
        if ctx.index.is_some() {
            // Held by its length (the writer's bound counts bytes), so
            // none of the encoder's spare capacity is kept with it.
            let mut json = json;
            json.shrink_to_fit();
            c.made = Some(json);
        }
        Ok(Outcome::Ok {
            id,
            record: record_path,
            revision,
            adopted: false,
        })
    }
}
