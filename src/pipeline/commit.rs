//! The committer: one thread that makes finished work durable in groups —
//! the group's records synced together and put in place, one folder fsync
//! per folder and one ledger transaction for everything finished within a
//! few milliseconds — then applies completion actions, metrics and logs.
//! Only after its commit is a file "done". The workers never wait for the
//! disk: while the committer waits for one group, they make the next.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::Sender;

use super::Context;
use super::events::ArticleFinished;
use super::job::{Completion, Done, Outcome, since};
use super::queue::Receiver;
use super::worker::failed;
use crate::config::CompletionAction;
use crate::sink::records::Placed;
use crate::sink::{confined_join, durable};
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::{ErrorType, Stage};

/// Most completions committed in one transaction. Keys are random hashes, so
/// each insert copies about one ledger page until commit: the bound keeps a
/// transaction's memory small however large the ledger grows, while one
/// fsync still covers dozens of records.
const MAX_GROUP: usize = 64;

/// Completions waiting for the committer at most. Each holds its record's
/// temp file open until its group settles, so the bound also bounds the
/// open files (whatever `pipeline.queue_capacity` is); a few groups' worth
/// lets workers go on while the committer waits for the disk.
pub(crate) const QUEUE_CAPACITY: usize = 4 * MAX_GROUP;

/// Counts of what the committer finished, for `process`'s summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: u64,
    pub ok: u64,
    pub duplicates: u64,
    pub unchanged: u64,
    /// Files that changed while they were read (read again once settled).
    pub changed: u64,
    /// Feed files (their items are counted by their own outcomes).
    pub feeds: u64,
    pub quarantined: u64,
    pub failed: u64,
    pub(crate) published: u64,
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        self.files += 1;
        match outcome {
            Outcome::Ok { .. } => self.ok += 1,
            Outcome::Duplicate { .. } => self.duplicates += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Changed => self.changed += 1,
            Outcome::Feed { .. } => self.feeds += 1,
            Outcome::Published { .. } => self.published += 1,
            Outcome::Quarantined { .. } => self.quarantined += 1,
            Outcome::Failed { .. } => self.failed += 1,
        }
    }
}

/// Called for each committed completion (progress bars).
pub(crate) type Progress = Box<dyn Fn(&Completion) + Send>;

pub(crate) struct Committer {
    pub ctx: Arc<Context>,
    pub completions: Receiver<Completion>,
    pub done: Option<Sender<Done>>,
    pub window: Duration,
    pub progress: Option<Progress>,
    /// A progress bar is drawn: per-article lines go to debug level.
    pub quiet: bool,
}

impl Committer {
    /// Runs until every completion sender is gone; returns the totals.
    pub(crate) fn run(self) -> Summary {
        let mut summary = Summary::default();
        while let Some(first) = self.completions.recv() {
            let mut group = vec![first];
            self.completions
                .recv_until(&mut group, MAX_GROUP, Instant::now() + self.window);
            self.commit_group(group, &mut summary);
        }
        summary
    }

    /// Syncs the group's records together and puts them in place; a record
    /// that cannot be made durable fails its file (retried later).
    fn settle_records(&self, group: &mut [Completion]) {
        let (owners, records): (Vec<usize>, Vec<_>) = group
            .iter_mut()
            .enumerate()
            .filter_map(|(i, c)| c.record.take().map(|r| (i, r)))
            .unzip();
        if records.is_empty() {
            return;
        }
        for (i, placed) in owners.into_iter().zip(self.ctx.records.settle(records)) {
            let c = &mut group[i];
            match placed {
                Ok(Placed::Written) => {}
                Ok(Placed::Adopted) => {
                    if let Outcome::Ok { adopted, .. } = &mut c.outcome {
                        *adopted = true;
                    }
                }
                Err(e) => {
                    c.outcome = failed(Stage::Write, ErrorType::of_io(&e), e);
                    c.sync_dir = None;
                }
            }
        }
    }

    fn commit_group(&self, mut group: Vec<Completion>, summary: &mut Summary) {
        let t0 = Instant::now();
        self.settle_records(&mut group);
        let dirs: BTreeSet<&Path> = group.iter().filter_map(|c| c.sync_dir.as_deref()).collect();
        let mut error = None;
        for dir in dirs {
            if let Err(e) = durable::sync_dir(dir) {
                error = Some(format!("fsync {}: {e}", dir.display()));
            }
        }
        if error.is_none()
            && let Some(sink) = &self.ctx.jsonl
        {
            let lines: Vec<&[u8]> = group
                .iter()
                .filter(|c| matches!(c.outcome, Outcome::Ok { .. }))
                .filter_map(|c| c.line.as_deref())
                .collect();
            if let Err(e) = sink.append(&lines) {
                error = Some(format!("append to {}: {e}", sink.path().display()));
            }
        }
        // A file that failed is not done: its ledger changes wait for its retry.
        let ops: Vec<_> = group
            .iter()
            .filter(|c| !matches!(c.outcome, Outcome::Failed { .. }))
            .flat_map(|c| c.ops.iter().cloned())
            .collect();
        if error.is_none()
            && let Err(e) = self.ctx.ledger.commit(&ops)
        {
            error = Some(e.to_string());
        }
        let elapsed = t0.elapsed();
        if let Some(e) = &error {
            tracing::error!(error = %e, files = group.len(), "commit failed; files will be retried");
            metrics::counter!(m::ERRORS.name, "stage" => Stage::Commit.label(), "error_type" => ErrorType::Ledger.label())
                .increment(1);
            for c in &mut group {
                if !matches!(c.outcome, Outcome::Failed { .. }) {
                    c.outcome = Outcome::Failed {
                        stage: Stage::Commit,
                        error_type: ErrorType::Ledger,
                        error: e.clone(),
                    };
                }
            }
        }
        let output_error = group.iter().find_map(|c| match &c.outcome {
            Outcome::Failed { error, .. } => Some(error.clone()),
            _ => None,
        });
        self.ctx.health.set_output_error(output_error);
        for c in &group {
            metrics::histogram!(m::STAGE_DURATION.name, "stage" => Stage::Commit.label())
                .record(elapsed.as_secs_f64());
            self.finish(c);
            summary.add(&c.outcome);
            if let Some(p) = &self.progress {
                p(c);
            }
        }
        self.ctx
            .release_claims(group.iter().filter_map(|c| c.claim.as_deref()));
        // Durable now: the index may have them (this waits only while the
        // writer's queue is full and it keeps up). A record adopted from
        // before is the one in place, not the one just made: the writer
        // reads that one from its file.
        if let Some(index) = &self.ctx.index {
            index.committed(
                group
                    .iter_mut()
                    .filter_map(|c| match &c.outcome {
                        Outcome::Ok {
                            record, adopted, ..
                        } => Some((record.clone(), c.made.take().filter(|_| !*adopted))),
                        _ => None,
                    })
                    .collect(),
            );
        }
        if let Ok(n) = self.ctx.ledger.len() {
            metrics::gauge!(m::LEDGER_ENTRIES.name).set(n as f64);
        }
        metrics::gauge!(m::QUARANTINE_BYTES.name).set(self.ctx.quarantine.used_bytes() as f64);
        metrics::gauge!(m::QUARANTINE_FILES.name).set(self.ctx.quarantine.files() as f64);
    }

    /// Completion action, metrics, log line and detector notice for one file.
    fn finish(&self, c: &Completion) {
        let outcome = &c.outcome;
        metrics::counter!(m::BYTES_READ.name).increment(c.bytes);
        metrics::gauge!(m::IN_FLIGHT.name).decrement(1.0);
        for (kind, n) in &c.fact_counts {
            metrics::counter!(m::FACTS.name, "kind" => kind.label()).increment(*n as u64);
        }
        for (ty, n) in &c.entity_counts {
            metrics::counter!(m::ENTITIES.name, "type" => ty.label()).increment(*n as u64);
        }
        if let Outcome::Ok { .. } = outcome {
            metrics::histogram!(m::ARTICLE_BYTES.name).record(c.bytes as f64);
            // Written in place: the last write (mtime). Moved in with an
            // old mtime, or there before the daemon: when it was first seen.
            let dropped = c.job.mtime.map_or(c.job.seen_at, |m| m.max(c.job.seen_at));
            metrics::histogram!(m::DROP_TO_RECORD.name).record(since(dropped).as_secs_f64());
        }
        ArticleFinished {
            path: &c.job.display(),
            outcome,
            delivered: None,
            ms: Some((c.started_at.elapsed().as_secs_f64() * 1e6).round() / 1000.0),
            quiet: self.quiet,
        }
        .emit();
        if outcome.source_done() {
            self.complete_source(c);
        }
        if let Some(done) = &self.done {
            let _ = done.send(Done {
                rel: c.job.rel.clone(),
                retry: matches!(outcome, Outcome::Failed { .. }),
                ticket: c.job.ticket,
                record: match outcome {
                    Outcome::Ok { record, .. } => Some(record.clone()),
                    _ => None,
                },
            });
        }
    }

    /// `keep`, `move` or `delete` the source, now that its entry is durable.
    fn complete_source(&self, c: &Completion) {
        if self.ctx.on_success != CompletionAction::Keep && !c.source_is_as_read() {
            return;
        }
        let result = match self.ctx.on_success {
            CompletionAction::Keep => return,
            CompletionAction::Delete => std::fs::remove_file(&c.job.path),
            CompletionAction::Move => {
                move_file(&c.job.path, &confined_join(&self.ctx.done_dir, &c.job.rel))
            }
        };
        if let Err(e) = result {
            tracing::warn!(path = %c.job.display(), error = %e, "completion action failed");
            metrics::counter!(m::ERRORS.name, "stage" => Stage::Commit.label(), "error_type" => ErrorType::Io.label())
                .increment(1);
        }
    }
}

fn move_file(from: &Path, to: &PathBuf) -> std::io::Result<()> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)?;
    }
    match std::fs::rename(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::EXDEV) => {
            let bytes = std::fs::read(from)?;
            durable::write_atomic(to, &bytes, 0o644)?;
            std::fs::remove_file(from)
        }
        Err(e) => Err(e),
    }
}
