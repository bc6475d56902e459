//! The detector: one thread that reconciles the folder with what is known
//! (the ledger), waits until each changed file has settled, and feeds the
//! pipeline's bounded queue — waiting when it is full (back-pressure).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender, select};

use crate::config::WatcherKind;
use crate::host::sources::ignored;
use crate::host::submit::{Submitted, Submitter};
use crate::pipeline::job::{mtime_ns, since};
use crate::pipeline::{Context, Detection, Done, Job};
use crate::sink::path_key;
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::IgnoreReason;
use crate::watch::events::{self, Hint, WatchHandle};
use crate::watch::scan::{Cursor, Entry, Found, Scope, Step};

/// Files a scan looks at between two checks for shutdown.
const STOP_CHECK: usize = 1024;

/// Whether detection is being stopped (the stop channel's sender dropped).
fn stopping(stop: &Receiver<()>) -> bool {
    !matches!(stop.try_recv(), Err(crossbeam_channel::TryRecvError::Empty))
}

/// Capacity of the hint channel between the watcher and the detector; past
/// it, hints are dropped and a rescan is scheduled instead.
const HINT_CAPACITY: usize = 16_384;
/// Longest wait between retries of a file whose output failed.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

pub(crate) struct DetectorOptions {
    pub scope: Scope,
    pub settle: Duration,
    /// How long a file seen being written waits for its writer's close.
    pub write_timeout: Duration,
    /// How long such a file waits once events were lost (its close may have
    /// been among them): the settle time of a watcher that sees no closes.
    pub unsure_settle: Duration,
    pub rescan_interval: Duration,
    /// New or changed files one scan hands on at most (`watch.backfill_batch`);
    /// a larger backfill is taken in batches, so memory stays flat.
    pub backfill_batch: usize,
    pub watcher: WatcherKind,
    pub poll_interval: Duration,
}

/// What an event says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// It may have changed.
    Changed,
    /// It was just created: a writer has it open if it is an empty file.
    Created,
    /// A writer has it open.
    Writing,
    /// Its writer closed it.
    Closed,
}

/// A file seen changing, waiting to settle.
struct Pending {
    entry: Entry,
    how: Detection,
    observed_at: Instant,
    due: Instant,
    /// First sighting, kept while the file keeps changing.
    seen_at: SystemTime,
}

pub(crate) struct Detector {
    opts: DetectorOptions,
    /// The ledger, which remembers the files reported as ignored.
    ctx: Arc<Context>,
    jobs: Submitter,
    done: Receiver<Done>,
    stop: Receiver<()>,
    health: Arc<Health>,
    hints_tx: Sender<Hint>,
    hints: Receiver<Hint>,
    overflow: Arc<AtomicBool>,
    watcher: Option<WatchHandle>,
    pending: HashMap<PathBuf, Pending>,
    queue: BinaryHeap<Reverse<(Instant, u64, PathBuf)>>,
    seq: u64,
    in_flight: HashSet<PathBuf>,
    /// Files a writer has open (seen created or written, not yet closed),
    /// with the time after which they are read even without a close.
    writing: HashMap<PathBuf, Instant>,
    retries: HashMap<PathBuf, u32>,
    next_rescan: Instant,
    rescan_reason: Option<&'static str>,
    root_missing: bool,
    /// The last scan found more new files than one batch.
    backfill_more: bool,
    /// Where that scan stopped: the next batch is looked for from there.
    backfill_from: Cursor,
    /// The watcher reports writers closing files (see [`events::reports_closes`]).
    tracks_writers: bool,
}

impl Detector {
    /// `stop` is a channel whose sender is dropped to stop detection.
    pub(crate) fn new(
        opts: DetectorOptions,
        ctx: Arc<Context>,
        jobs: Submitter,
        done: Receiver<Done>,
        stop: Receiver<()>,
        health: Arc<Health>,
    ) -> Detector {
        let (hints_tx, hints) = crossbeam_channel::bounded(HINT_CAPACITY);
        let next_rescan = Instant::now() + opts.rescan_interval;
        let tracks_writers = events::reports_closes(opts.watcher);
        Detector {
            opts,
            ctx,
            jobs,
            done,
            stop,
            health,
            hints_tx,
            hints,
            overflow: Arc::new(AtomicBool::new(false)),
            watcher: None,
            pending: HashMap::new(),
            queue: BinaryHeap::new(),
            seq: 0,
            in_flight: HashSet::new(),
            writing: HashMap::new(),
            retries: HashMap::new(),
            next_rescan,
            rescan_reason: Some("startup"),
            root_missing: false,
            backfill_more: false,
            backfill_from: Cursor::default(),
            tracks_writers,
        }
    }

    /// Runs until `stop` fires. Dropping the detector closes the job queue.
    pub(crate) fn run(mut self) {
        self.start_watcher();
        loop {
            if let Some(reason) = self.rescan_reason.take() {
                self.rescan(reason);
            }
            let now = Instant::now();
            let next_due = self.queue.peek().map(|Reverse((d, _, _))| *d);
            let wake = next_due
                .unwrap_or(self.next_rescan)
                .min(self.next_rescan)
                .min(now + Duration::from_secs(1));
            let timeout = wake.saturating_duration_since(now);
            select! {
                recv(self.stop) -> _ => return,
                recv(self.hints) -> hint => if let Ok(h) = hint { self.on_hint(h) },
                recv(self.done) -> done => match done {
                    Ok(d) => self.on_done(d),
                    Err(_) => {
                        tracing::error!("the pipeline stopped; stopping detection");
                        return;
                    }
                },
                default(timeout) => {}
            }
            if self.overflow.swap(false, Ordering::SeqCst) {
                // The hints queued before the loss are taken in first, so a
                // file they mark as being written (its close perhaps among
                // the lost events) gets the rescan's shorter wait, not the
                // write timeout.
                for _ in 0..self.hints.len() {
                    match self.hints.try_recv() {
                        Ok(h) => self.on_hint(h),
                        Err(_) => break,
                    }
                }
                self.rescan_reason = Some("overflow");
                continue;
            }
            if Instant::now() >= self.next_rescan {
                self.rescan_reason = Some("interval");
                continue;
            }
            if !self.release_due() {
                return;
            }
            if self.backfill_more && self.batch_handed_over() {
                self.backfill_more = false;
                self.rescan_reason = Some("backfill");
                continue;
            }
            metrics::gauge!(m::PENDING.name).set(self.pending.len() as f64);
        }
    }

    /// Whether the last backfill batch is handed over, so the next one may
    /// be looked for: nothing is pending but, at most, files whose writers
    /// still have them open. Those wait on their writers (minutes, maybe),
    /// not on the pipeline, and must not hold up the rest of the folder.
    /// Counted, not looked up one by one (this runs at every event), so
    /// pending files can exceed the batch by at most the files being
    /// written: memory stays flat.
    fn batch_handed_over(&self) -> bool {
        self.pending.len() <= self.writing.len()
    }

    fn start_watcher(&mut self) {
        self.watcher = None;
        match events::start(
            &self.opts.scope.root,
            self.opts.scope.recursive,
            self.opts.watcher,
            self.opts.poll_interval,
            self.hints_tx.clone(),
            self.overflow.clone(),
        ) {
            Ok(w) => self.watcher = Some(w),
            Err(e) => {
                metrics::counter!(m::WATCHER_ERRORS.name).increment(1);
                tracing::warn!(error = %e, "cannot watch folder; relying on rescans");
            }
        }
    }

    fn rescan(&mut self, reason: &'static str) {
        let started = Instant::now();
        self.next_rescan = started + self.opts.rescan_interval;
        // Files the ledger knows as they are now are not kept: only new or
        // changed ones, at most a batch of them, so memory stays flat
        // whatever the size of the folder.
        let ledger = &self.ctx.ledger;
        let reader = ledger.path_reader().ok();
        let (pending, in_flight) = (&self.pending, &self.in_flight);
        let stop = &self.stop;
        let mut fresh = Vec::new();
        let mut looked = 0usize;
        let batch = self.opts.backfill_batch;
        // A backfill goes on where the last batch stopped; any other scan
        // starts at the beginning.
        let from = if reason == "backfill" {
            std::mem::take(&mut self.backfill_from)
        } else {
            Cursor::default()
        };
        let walked = self.opts.scope.walk_from(&from, &mut |found| match found {
            // A scan of a large folder takes seconds: shutdown does not wait for it.
            _ if looked.is_multiple_of(STOP_CHECK) && stopping(stop) => Step::Break(()),
            Found::Article(e) => {
                looked += 1;
                let settled = !in_flight.contains(&e.rel)
                    && !pending.contains_key(&e.rel)
                    && reader
                        .as_ref()
                        .and_then(|r| r.get(&path_key(&e.rel)))
                        .is_some_and(|p| {
                            p.size == e.size && p.mtime_ns == e.mtime.and_then(mtime_ns)
                        });
                if settled {
                    Step::Continue(())
                } else if fresh.len() < batch {
                    fresh.push(e);
                    Step::Continue(())
                } else {
                    Step::Break(())
                }
            }
            Found::Ignored(rel, reason) => {
                looked += 1;
                ignored::report(ledger, &rel, reason);
                Step::Continue(())
            }
        });
        drop(reader);
        let more = matches!(walked, Ok(Some(_)));
        let entries = match walked {
            Ok(stopped) => {
                self.backfill_from = stopped.unwrap_or_default();
                let mut e = fresh;
                e.sort_by(|a, b| (a.mtime, &a.rel).cmp(&(b.mtime, &b.rel)));
                e
            }
            Err(e) => {
                if !self.root_missing {
                    tracing::error!(root = %self.opts.scope.root.display(), error = %e,
                        "watched folder unavailable; waiting for it to come back");
                    metrics::counter!(m::ERRORS.name, "stage" => "detect", "error_type" => "io")
                        .increment(1);
                    self.root_missing = true;
                    self.watcher = None;
                }
                self.health.set_scanned();
                self.next_rescan =
                    Instant::now() + Duration::from_secs(1).min(self.opts.rescan_interval);
                return;
            }
        };
        let reason = if self.root_missing {
            tracing::info!(root = %self.opts.scope.root.display(), "watched folder is back");
            self.root_missing = false;
            self.start_watcher();
            "root_recreated"
        } else {
            reason
        };
        metrics::counter!(m::RESCANS.name, "reason" => reason).increment(1);
        metrics::histogram!(m::RESCAN_DURATION.name).record(started.elapsed().as_secs_f64());
        if !matches!(reason, "startup" | "interval" | "backfill") {
            self.stop_waiting_for_closes();
        }
        let unseen = !matches!(reason, "interval" | "backfill");
        for entry in entries {
            if unseen && self.tracks_writers {
                self.mark_if_recent(&entry);
            }
            self.observe(entry, Detection::Scan);
        }
        // A backfill larger than a batch goes on once this batch is handed over.
        self.backfill_more = more;
        self.health.set_scanned();
    }

    /// Events were lost, closes perhaps among them: a file seen open is
    /// read once it has been quiet as long as polling would wait. That
    /// holds for a file already waiting in the release queue for its
    /// writer's close, too: its close may be the event that was lost, and
    /// nothing else would bring it forward before the write timeout.
    fn stop_waiting_for_closes(&mut self) {
        let deadline = Instant::now() + self.opts.unsure_settle;
        let mut sooner = Vec::new();
        for (rel, d) in self.writing.iter_mut() {
            *d = (*d).min(deadline);
            if self.pending.get(rel).is_some_and(|p| p.due > deadline) {
                sooner.push(rel.clone());
            }
        }
        for rel in sooner {
            if let Some(p) = self.pending.remove(&rel) {
                self.schedule(Pending { due: deadline, ..p });
            }
        }
    }

    fn on_hint(&mut self, hint: Hint) {
        match hint {
            Hint::Rescan(reason) => self.rescan_reason = Some(reason),
            Hint::Removed(paths) => {
                for p in paths {
                    if p == self.opts.scope.root {
                        self.rescan_reason = Some("watcher_rescan");
                    } else if let Ok(rel) = p.strip_prefix(&self.opts.scope.root) {
                        self.pending.remove(rel);
                        self.writing.remove(rel);
                        ignored::forget(&self.ctx.ledger, rel);
                    }
                }
            }
            Hint::Changed(paths) => {
                for p in paths {
                    self.on_changed(&p, Change::Changed);
                }
            }
            Hint::Created(paths) => {
                for p in paths {
                    self.on_changed(&p, Change::Created);
                }
            }
            Hint::Writing(paths) => {
                for p in paths {
                    self.on_changed(&p, Change::Writing);
                }
            }
            Hint::Closed(paths) => {
                for p in paths {
                    self.on_changed(&p, Change::Closed);
                }
            }
        }
    }

    /// A path an event pointed at.
    fn on_changed(&mut self, p: &Path, change: Change) {
        if p.is_dir() {
            if p != self.opts.scope.root && self.opts.scope.recursive {
                let mut found = Vec::new();
                self.opts.scope.scan_subtree(p, &mut |f| found.push(f));
                for f in found {
                    self.on_found(f);
                }
            }
            return;
        }
        match self.opts.scope.find(p) {
            Some(Found::Article(e)) => match change {
                Change::Changed => self.observe(e, Detection::Event),
                Change::Writing => {
                    let deadline = Instant::now() + self.opts.write_timeout;
                    self.writing.insert(e.rel.clone(), deadline);
                    self.observe(e, Detection::Event);
                }
                // A new regular file starts empty when its writer creates
                // it; a link, a FIFO or a hard link arrives whole, with no
                // close to wait for.
                Change::Created => {
                    if std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file() && m.len() == 0) {
                        let deadline = Instant::now() + self.opts.write_timeout;
                        self.writing.insert(e.rel.clone(), deadline);
                    }
                    self.observe(e, Detection::Event);
                }
                Change::Closed => {
                    self.writing.remove(&e.rel);
                    self.observe_closed(e);
                }
            },
            Some(f) => self.on_found(f),
            None => {
                if let Ok(rel) = p.strip_prefix(&self.opts.scope.root) {
                    // Renamed away or removed.
                    self.writing.remove(rel);
                    ignored::forget(&self.ctx.ledger, rel);
                }
            }
        }
    }

    /// A file an event pointed at. Temp and hidden names seen through
    /// events are the ordinary steps of an atomic write: they are reported
    /// only if a scan still finds them.
    fn on_found(&mut self, found: Found) {
        match found {
            Found::Article(e) => self.observe(e, Detection::Event),
            Found::Ignored(_, IgnoreReason::TempName | IgnoreReason::Hidden) => {}
            Found::Ignored(rel, reason) => ignored::report(&self.ctx.ledger, &rel, reason),
        }
    }

    fn on_done(&mut self, done: Done) {
        self.in_flight.remove(&done.rel);
        if done.retry {
            let n = self.retries.entry(done.rel.clone()).or_insert(0);
            *n += 1;
            let backoff =
                Duration::from_millis(500 * 2u64.saturating_pow((*n).min(10))).min(MAX_BACKOFF);
            if let Some(e) = self
                .opts
                .scope
                .classify(&self.opts.scope.root.join(&done.rel))
            {
                let now = Instant::now();
                self.schedule(Pending {
                    entry: e,
                    how: Detection::Scan,
                    observed_at: now,
                    due: now + backoff,
                    seen_at: SystemTime::now(),
                });
            }
        } else {
            self.retries.remove(&done.rel);
        }
    }

    /// Starts (or refreshes) tracking a file that may be new or changed; a
    /// file the ledger has as it is now needs nothing, and any wait for it
    /// is dropped.
    fn observe(&mut self, entry: Entry, how: Detection) {
        let stamp = (entry.size, entry.mtime.and_then(mtime_ns));
        if self.settled(&entry.rel, stamp) {
            self.pending.remove(&entry.rel);
            return;
        }
        let now = Instant::now();
        let mut seen_at = SystemTime::now();
        if let Some(p) = self.pending.get(&entry.rel) {
            if p.entry.size == entry.size && p.entry.mtime == entry.mtime {
                return;
            }
            seen_at = p.seen_at;
        }
        let wait = entry.mtime.map_or(self.opts.settle, |t| {
            self.opts.settle.saturating_sub(since(t))
        });
        self.schedule(Pending {
            entry,
            how,
            observed_at: now,
            due: now + wait,
            seen_at,
        });
    }

    /// A writer closed the file: it is read once it has stayed unchanged for
    /// the settle time from now.
    fn observe_closed(&mut self, entry: Entry) {
        let stamp = (entry.size, entry.mtime.and_then(mtime_ns));
        if self.settled(&entry.rel, stamp) {
            // Read already, as it is now (its events came late): a wait
            // left over from them would hold up the backfill.
            self.pending.remove(&entry.rel);
            return;
        }
        let now = Instant::now();
        let (how, seen_at) = self
            .pending
            .get(&entry.rel)
            .map_or((Detection::Event, SystemTime::now()), |p| {
                (p.how, p.seen_at)
            });
        self.schedule(Pending {
            entry,
            how,
            observed_at: now,
            due: now + self.opts.settle,
            seen_at,
        });
    }

    /// A file changed a moment ago, found by a scan whose events were not
    /// seen (at start, after an overflow): its writer may still have it
    /// open, so it waits until it has been quiet as long as polling would
    /// wait, unless its close is seen first.
    fn mark_if_recent(&mut self, entry: &Entry) {
        let quiet = entry.mtime.map_or(Duration::ZERO, since);
        if quiet < self.opts.unsure_settle && !self.writing.contains_key(&entry.rel) {
            let deadline = Instant::now() + (self.opts.unsure_settle - quiet);
            self.writing.insert(entry.rel.clone(), deadline);
        }
    }

    /// Whether the file at `rel` is done as it is now: not in flight, and
    /// the ledger's entry has this size and mtime.
    fn settled(&self, rel: &Path, stamp: (u64, Option<i128>)) -> bool {
        !self.in_flight.contains(rel) && self.ledger_has(rel, stamp)
    }

    /// Whether the ledger's entry for `rel` has this size and mtime.
    fn ledger_has(&self, rel: &Path, stamp: (u64, Option<i128>)) -> bool {
        match self.ctx.ledger.path(&path_key(rel)) {
            Ok(Some(p)) => (p.size, p.mtime_ns) == stamp,
            _ => false,
        }
    }

    fn schedule(&mut self, p: Pending) {
        self.seq += 1;
        self.queue
            .push(Reverse((p.due, self.seq, p.entry.rel.clone())));
        self.pending.insert(p.entry.rel.clone(), p);
    }

    /// Hands every settled file to the pipeline. Returns false on stop.
    fn release_due(&mut self) -> bool {
        loop {
            let now = Instant::now();
            let Some(Reverse((due, _, rel))) = self.queue.peek().cloned() else {
                return true;
            };
            if due > now {
                return true;
            }
            self.queue.pop();
            let Some(p) = self.pending.get(&rel) else {
                continue;
            };
            if p.due != due {
                continue; // superseded by a newer observation
            }
            let Some(p) = self.pending.remove(&rel) else {
                continue;
            };
            let Some(fresh) = self.opts.scope.classify(&p.entry.path) else {
                continue; // gone before it settled: nothing to do
            };
            if fresh.size != p.entry.size || fresh.mtime != p.entry.mtime {
                self.schedule(Pending {
                    entry: fresh,
                    how: p.how,
                    observed_at: now,
                    due: now + self.opts.settle,
                    seen_at: p.seen_at,
                });
                continue;
            }
            let quiet = fresh.mtime.map_or(Duration::ZERO, since);
            if quiet < self.opts.settle && now - p.observed_at < self.opts.settle {
                let wait = self.opts.settle - quiet.max(now - p.observed_at);
                self.schedule(Pending {
                    due: now + wait,
                    ..p
                });
                continue;
            }
            if let Some(&give_up) = self.writing.get(&rel) {
                // Its writer still has it open: the close reschedules it.
                if now < give_up {
                    self.schedule(Pending { due: give_up, ..p });
                    continue;
                }
                // Lost events (an overflow) or a writer that never closes.
                tracing::debug!(path = %rel.display(), "read without seeing its writer close it");
                self.writing.remove(&rel);
            }
            if self.in_flight.contains(&rel) {
                self.schedule(Pending {
                    due: now + self.opts.settle.max(Duration::from_millis(20)),
                    ..p
                });
                continue;
            }
            let stamp = (fresh.size, fresh.mtime.and_then(mtime_ns));
            if self.ledger_has(&rel, stamp) {
                continue;
            }
            if !self.send(Job::found(fresh, p.seen_at)) {
                return false;
            }
            metrics::counter!(m::FILES_DETECTED.name, "how" => p.how.label()).increment(1);
            self.in_flight.insert(rel);
        }
    }

    /// Blocks while the queue is full (back-pressure), still answering stop
    /// and draining completions so the pipeline cannot deadlock on us.
    fn send(&mut self, job: Job) -> bool {
        let mut job = Some(job);
        loop {
            let Some(j) = job.take() else { return true };
            match self.jobs.try_submit(j) {
                Submitted::Queued => {
                    metrics::gauge!(m::QUEUE_DEPTH.name).set(self.jobs.queued() as f64);
                    return true;
                }
                Submitted::Stopped => return false,
                Submitted::Full(j) => {
                    job = Some(j);
                    select! {
                        recv(self.stop) -> _ => return false,
                        recv(self.done) -> d => if let Ok(d) = d { self.on_done(d) },
                        default(Duration::from_millis(50)) => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
