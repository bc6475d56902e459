//! The index writer: one thread behind the committer. The committer hands
//! it the records of each committed group ([`Handle::committed`]): each
//! record's JSON as it was written while their total size stays under a
//! bound, so they are not read back from disk, else their files. The
//! thread writes them in one transaction per batch. While it keeps up, a
//! committer that finds its queue full waits for room (a backfill goes at
//! the slower one's pace); it never fails the durable path nor stops it
//! for long: when the index cannot be written (server down, disk full) or
//! the writer does not answer, the error is logged, counted and shown by
//! `/readyz`, queued work is dropped, and once the index works again a
//! catch-up scan of the records folder ([`super::catchup`]) writes
//! whatever it lacks. The same scan runs at every start, so records
//! committed just before a crash, or left behind at a daemon's shutdown
//! deadline ([`Handle::close`]), are indexed then.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use super::catchup;
use super::rows::{self, Provenance};
use super::store::Store;
use super::{IndexError, Target};
use crate::record::Record;
use crate::stories::assign::Settings;
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;

/// Records written per transaction at most. When the writer is behind
/// (a backfill, a burst), each batch is this large: a commit writes every
/// page the batch touched once, and the secondary indexes' and full-text
/// pages are shared by many articles, so 1 024 records a transaction cost
/// about 15 % less CPU per article than 256, and half the system time,
/// for about 16 MB more at the peak (a batch's rows held at once).
const BATCH: usize = 1024;
/// How long the writer gathers records before writing a batch short of
/// [`BATCH`]: a transaction and its full-text flush cost about the same
/// for one record as for dozens, and a commit writes each page the batch
/// touched once however many of its rows changed, so the index trails by
/// this much to write fewer, larger batches (at a few hundred articles a
/// second, half a second makes batches of about a hundred, and the writer
/// spends 10–15 % less CPU per article than with 100 ms).
const LINGER: Duration = Duration::from_millis(500);
/// Groups waiting for the writer at most (a group holds up to 64 records).
/// While the writer keeps up, a committer that finds the queue full waits
/// for room (flow control: a backfill goes at the index's pace, and what
/// waits for the index stays bounded: with 1 024 groups, a backfill of
/// 100 000 small files held about 7 MB of them); see [`WAIT_FOR_ROOM`]
/// for when it does not. The writer takes the queue between batches; 128
/// groups hold up to 8 192 records, several of its batches.
const QUEUE: usize = 128;
/// How long the committer waits for room in the queue before it leaves
/// records to a catch-up scan instead: the writer is then stuck (a server
/// that does not answer), and the pipeline must not stop with it. From
/// then on the committer does not wait until a catch-up scan has covered
/// what it left, so one stuck writer costs the pipeline this wait once.
/// A batch takes well under a second in SQLite and a few seconds in
/// PostgreSQL, and the writer takes the queue in between batches.
const WAIT_FOR_ROOM: Duration = Duration::from_secs(10);
/// Records held for the writer at most, in bytes of their JSON; past it a
/// record is left to its file, which the writer reads (memory stays flat
/// while the writer is behind). A record is held as the bytes its file
/// was written from, not as a parsed `Record`, which takes several times
/// its file's bytes (its strings and lists each allocated): holding
/// parsed records bounded at 16 MiB of files, a backfill of 100 000 small
/// articles peaked about 75 MB above one of 10 000. The writer parses a
/// held record as it parses a file, so a record past the bound costs
/// only the reading of its file.
const HELD_BYTES: u64 = 4 << 20;
/// Waits between attempts while the index fails, doubling up to the last.
const RETRY_FIRST: Duration = Duration::from_millis(500);
const RETRY_MAX: Duration = Duration::from_secs(30);

enum Msg {
    Committed(Vec<Committed>),
    /// Stop once what is queued is written, or at the deadline.
    Stop(Option<Instant>),
}

/// A record file the committer made durable.
struct Committed {
    file: PathBuf,
    /// The record it holds, when the committer handed it over.
    made: Option<Made>,
}

/// A record as the committer handed it over (the JSON its file holds),
/// with its file's metadata as the committer left it (the row's stamp).
struct Made {
    json: Vec<u8>,
    meta: std::fs::Metadata,
    _held: Held,
}

/// Bytes counted against [`HELD_BYTES`] while a record is held; given back
/// when it is dropped, whether written, dropped on a failure or left to a
/// catch-up scan.
struct Held {
    bytes: u64,
    total: Arc<AtomicU64>,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.total.fetch_sub(self.bytes, Ordering::Relaxed);
    }
}

/// What the committer and the host hold of the writer.
pub struct Handle {
    tx: Sender<Msg>,
    queued: Arc<AtomicU64>,
    overflowed: Arc<AtomicU64>,
    /// Set when records were left to a catch-up scan (the queue stayed
    /// full, or the writer is gone) and until a scan has covered them:
    /// the committer does not wait for room meanwhile.
    overflowing: Arc<AtomicBool>,
    /// Records left to a catch-up scan since the start, in all.
    left: AtomicU64,
    held: Arc<AtomicU64>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Handle {
    /// Starts the writer for the records below `records_root`. An SQLite
    /// index that cannot be opened is an error now (a wrong path or
    /// permission is the user's to fix); a PostgreSQL server that does not
    /// answer is retried in the background while the pipeline runs.
    pub fn start(
        target: Target,
        stories: Settings,
        records_root: PathBuf,
        health: Arc<Health>,
    ) -> Result<Handle, IndexError> {
        Handle::start_with_queue(target, stories, records_root, health, QUEUE)
    }

    /// [`Handle::start`] with a queue of `queue` groups.
    fn start_with_queue(
        target: Target,
        stories: Settings,
        records_root: PathBuf,
        health: Arc<Health>,
        queue: usize,
    ) -> Result<Handle, IndexError> {
        let store = match Store::writer(&target, &stories) {
            Ok(s) => Some(s),
            Err(e) if matches!(target, Target::Postgres(_)) => {
                tracing::warn!(index = %target.describe(), error = %e, "index unavailable; the pipeline goes on and the index catches up once it answers");
                None
            }
            Err(e) => return Err(e),
        };
        let (tx, rx) = crossbeam_channel::bounded(queue);
        let queued = Arc::new(AtomicU64::new(0));
        let overflowed = Arc::new(AtomicU64::new(0));
        // The first step is a catch-up scan: until it is done, records are
        // left to it rather than waited for.
        let overflowing = Arc::new(AtomicBool::new(true));
        let writer = Writer {
            target,
            stories,
            origin: catchup::origin(&records_root),
            root: records_root,
            store,
            health,
            rx,
            queued: queued.clone(),
            overflowed: overflowed.clone(),
            overflowing: overflowing.clone(),
            pending: Vec::new(),
            missed: 0,
            needs_scan: true,
            stopping: false,
            stop_by: None,
        };
        let thread = std::thread::Builder::new()
            .name("index".into())
            .spawn(move || writer.run())
            .map_err(|source| IndexError::Io {
                path: PathBuf::from("<index thread>"),
                source,
            })?;
        Ok(Handle {
            tx,
            queued,
            overflowed,
            overflowing,
            left: AtomicU64::new(0),
            held: Arc::new(AtomicU64::new(0)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Records just made durable, to index: each file, with the JSON it
    /// holds when the caller has it. When the queue is full it waits for
    /// room while the writer keeps up, at most [`WAIT_FOR_ROOM`]; when the
    /// writer is stuck, failing or gone the records are left to its
    /// catch-up scan without waiting.
    pub fn committed(&self, records: Vec<(PathBuf, Option<Vec<u8>>)>) {
        if records.is_empty() {
            return;
        }
        let n = records.len() as u64;
        let records: Vec<Committed> = records
            .into_iter()
            .map(|(file, record)| {
                let made = record.and_then(|json| self.hold(&file, json));
                Committed { file, made }
            })
            .collect();
        // Counted before sending, so the writer never takes away more than was added.
        self.queued.fetch_add(n, Ordering::Relaxed);
        let msg = Msg::Committed(records);
        let sent = if self.overflowing.load(Ordering::Relaxed) {
            self.tx.try_send(msg).is_ok()
        } else {
            self.tx.send_timeout(msg, WAIT_FOR_ROOM).is_ok()
        };
        if !sent {
            self.overflowing.store(true, Ordering::Relaxed);
            self.left.fetch_add(n, Ordering::Relaxed);
            self.queued.fetch_sub(n, Ordering::Relaxed);
            self.overflowed.fetch_add(n, Ordering::Relaxed);
        }
    }

    /// Keeps a record's `json` for the writer if the bound allows; its
    /// file's metadata, read now, is what the writer notes as its stamp.
    fn hold(&self, file: &Path, json: Vec<u8>) -> Option<Made> {
        let meta = std::fs::metadata(file).ok()?;
        let bytes = json.len() as u64;
        let total = self.held.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let held = Held {
            bytes,
            total: self.held.clone(),
        };
        (total <= HELD_BYTES).then_some(Made {
            json,
            meta,
            _held: held,
        })
    }

    /// Writes what is queued (while the index works) and stops the writer;
    /// with a `deadline` (a daemon's shutdown), it stops at the deadline
    /// after the batch in hand instead, however far behind it is (a
    /// backfill can leave it minutes behind). What it did not write is
    /// caught up at the next start.
    pub fn close(&self, deadline: Option<Instant>) {
        let left = self.left.load(Ordering::Relaxed);
        if left > 0 {
            tracing::info!(
                records = left,
                "records were left to the index's catch-up scan: the writer was scanning, failing or did not answer"
            );
        }
        let _ = self.tx.send(Msg::Stop(deadline));
        let thread = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(t) = thread
            && t.join().is_err()
        {
            tracing::error!("the index writer panicked; the index catches up at the next start");
        }
    }
}

struct Writer {
    target: Target,
    /// How new articles are grouped into stories.
    stories: Settings,
    root: PathBuf,
    origin: String,
    store: Option<Store>,
    health: Arc<Health>,
    rx: Receiver<Msg>,
    queued: Arc<AtomicU64>,
    overflowed: Arc<AtomicU64>,
    overflowing: Arc<AtomicBool>,
    /// Records received and not yet written.
    pending: Vec<Committed>,
    /// Records known to be missing from the index until the next scan.
    missed: u64,
    needs_scan: bool,
    stopping: bool,
    /// When a stopping writer leaves the rest to the next start.
    stop_by: Option<Instant>,
}

impl Writer {
    fn run(mut self) {
        let mut retry = RETRY_FIRST;
        loop {
            self.publish_lag();
            if self.stopping && self.store.is_none() {
                return;
            }
            if self.out_of_time() {
                tracing::info!(
                    behind = self.lag(),
                    "index writer stopped at the shutdown deadline; the next start catches up"
                );
                return;
            }
            let step = self.step();
            match step {
                Ok(true) => retry = RETRY_FIRST,
                Ok(false) => {
                    if self.stopping {
                        return;
                    }
                    self.receive(Some(Duration::from_secs(1)));
                }
                Err(e) => {
                    self.failed(&e);
                    if self.stopping {
                        return;
                    }
                    self.receive(Some(retry));
                    retry = (retry * 2).min(RETRY_MAX);
                }
            }
        }
    }

    /// One unit of work; `Ok(false)` when there was none.
    fn step(&mut self) -> Result<bool, IndexError> {
        if self.store.is_none() {
            self.store = Some(Store::writer(&self.target, &self.stories)?);
            tracing::info!(index = %self.target.describe(), "index available");
        }
        self.receive(None);
        let overflowed = self.overflowed.swap(0, Ordering::Relaxed);
        if overflowed > 0 {
            self.missed += overflowed;
            self.needs_scan = true;
        }
        if self.needs_scan {
            // Cleared first: what arrives during the scan is written after it.
            self.needs_scan = false;
            self.catch_up()?;
            self.set_ok();
            return Ok(true);
        }
        if self.pending.is_empty() {
            return Ok(false);
        }
        self.gather();
        let n = self.pending.len().min(BATCH);
        let batch: Vec<Committed> = self.pending.drain(..n).collect();
        self.write(batch)?;
        self.set_ok();
        Ok(true)
    }

    /// Waits up to [`LINGER`] for a full batch (not when stopping).
    fn gather(&mut self) {
        let until = Instant::now() + LINGER;
        while self.pending.len() < BATCH && !self.stopping && !self.needs_scan {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            self.receive(Some(left));
        }
    }

    /// Takes what the committer sent; waits up to `wait` for the first.
    fn receive(&mut self, wait: Option<Duration>) {
        let mut first = match wait {
            Some(w) => match self.rx.recv_timeout(w) {
                Ok(msg) => Some(msg),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Msg::Stop(None)),
            },
            None => None,
        };
        loop {
            let msg = match first.take() {
                Some(m) => m,
                None => match self.rx.try_recv() {
                    Ok(m) => m,
                    Err(_) => break,
                },
            };
            match msg {
                Msg::Committed(paths) => {
                    self.queued.fetch_sub(paths.len() as u64, Ordering::Relaxed);
                    if self.needs_scan {
                        // The scan will find them.
                        self.missed += paths.len() as u64;
                    } else {
                        self.pending.extend(paths);
                    }
                }
                Msg::Stop(deadline) => {
                    self.stopping = true;
                    self.stop_by = deadline;
                }
            }
            if self.pending.len() >= 4 * BATCH {
                break;
            }
        }
    }

    fn store(&mut self) -> Result<&mut Store, IndexError> {
        self.store
            .as_mut()
            .ok_or_else(|| IndexError::Query("index not open".into()))
    }

    /// Writes one batch of records in one transaction.
    fn write(&mut self, batch: Vec<Committed>) -> Result<(), IndexError> {
        let t0 = Instant::now();
        let now = chrono::Utc::now().to_rfc3339();
        let mut sets = Vec::with_capacity(batch.len());
        for committed in batch {
            if let Some((record, from)) = load(&self.root, &self.origin, committed)? {
                // Each article's step: its rows.
                sets.push(rows::rows(record, &from, &now));
            }
        }
        let n = sets.len() as u64;
        self.store()?.write(&sets, &[])?;
        metrics::counter!(m::INDEX_ARTICLES.name).increment(n);
        metrics::histogram!(m::INDEX_BATCH.name).record(t0.elapsed().as_secs_f64());
        Ok(())
    }

    /// Indexes every record the index lacks and drops rows whose record
    /// file is gone; what was queued meanwhile is covered too.
    fn catch_up(&mut self) -> Result<(), IndexError> {
        let started = Instant::now();
        // Everything queued so far is older than the scan below.
        let queued: Vec<Committed> = std::mem::take(&mut self.pending);
        self.missed += queued.len() as u64;
        let origin = self.origin.clone();
        let root = self.root.clone();
        let store = self.store()?;
        // The folder a directory at a time against the index's stamps of
        // it, and the index a page at a time against the folder: what this
        // holds is the changed and the gone, not the folder or the index.
        let mut changed = Vec::new();
        for files in catchup::walk(&root) {
            let files = files.map_err(|source| IndexError::Io {
                path: root.clone(),
                source,
            })?;
            let names: Vec<String> = files.iter().map(|(rel, _)| rel.clone()).collect();
            let indexed = store.stamps_of(&origin, &names)?;
            changed.extend(catchup::changed(files, &indexed));
        }
        let gone = catchup::gone(store, &root, &origin)?;
        if !gone.is_empty() {
            let paths = store.paths_of(&origin, &gone)?;
            store.write(&[], &paths)?;
        }
        self.missed = changed.len() as u64;
        self.publish_lag();
        let changed = catchup::in_time_order(&root, changed);
        for chunk in changed.chunks(BATCH) {
            self.write(
                chunk
                    .iter()
                    .map(|rel| Committed::file(root.join(rel)))
                    .collect(),
            )?;
            self.missed = self.missed.saturating_sub(chunk.len() as u64);
            self.publish_lag();
            // New commits wait in the channel; a long catch-up must not
            // let it fill, so note them (the scan saw most; the rest are
            // written after it).
            self.receive(None);
            if self.out_of_time() {
                // The next start's scan finds the rest.
                return Ok(());
            }
        }
        self.missed = 0;
        if self.overflowed.load(Ordering::Relaxed) == 0 {
            // Nothing was left to a scan since this one began: the
            // committer may wait for room again.
            self.overflowing.store(false, Ordering::Relaxed);
        }
        if !changed.is_empty() || !gone.is_empty() {
            tracing::info!(
                indexed = changed.len(),
                removed = gone.len(),
                took_ms = started.elapsed().as_millis() as u64,
                "index caught up with the records folder"
            );
        }
        self.store()?
            .set_state("caught_up_at", &chrono::Utc::now().to_rfc3339())?;
        Ok(())
    }

    /// Whether a stopping writer has reached its deadline.
    fn out_of_time(&self) -> bool {
        self.stopping && self.stop_by.is_some_and(|d| Instant::now() >= d)
    }

    fn failed(&mut self, e: &IndexError) {
        tracing::error!(index = %self.target.describe(), error = %e, "index write failed; the pipeline goes on and the index catches up when it works again");
        metrics::counter!(m::INDEX_ERRORS.name).increment(1);
        metrics::gauge!(m::INDEX_UP.name).set(0.0);
        self.missed += self.pending.len() as u64;
        self.pending.clear();
        self.needs_scan = true;
        // Reconnect: a server connection may be broken for good.
        if matches!(self.target, Target::Postgres(_)) {
            self.store = None;
        }
        self.health.set_index_error(Some(e.to_string()));
    }

    fn set_ok(&self) {
        metrics::gauge!(m::INDEX_UP.name).set(1.0);
        self.health.set_index_error(None);
    }

    /// Records committed and not yet in the index, as far as it knows.
    fn lag(&self) -> u64 {
        self.queued.load(Ordering::Relaxed)
            + self.pending.len() as u64
            + self.missed
            + self.overflowed.load(Ordering::Relaxed)
    }

    fn publish_lag(&self) {
        let lag = self.lag();
        metrics::gauge!(m::INDEX_LAG.name).set(lag as f64);
        self.health.set_index_lag(lag);
    }
}

/// Rebuilds the index of `records_root` from scratch: empties the tables,
/// then indexes every record file, in time order (new articles join
/// stories as `stories` says; placed ones keep theirs), and drops the
/// placements of articles whose record is gone. Returns the articles
/// indexed.
pub fn rebuild(
    target: &Target,
    records_root: &Path,
    stories: &Settings,
) -> Result<u64, IndexError> {
    let mut store = Store::writer(target, stories)?;
    store.clear()?;
    let origin = catchup::origin(records_root);
    let folder = catchup::scan(records_root).map_err(|source| IndexError::Io {
        path: records_root.to_path_buf(),
        source,
    })?;
    let now = chrono::Utc::now().to_rfc3339();
    let files = catchup::in_time_order(records_root, folder.into_keys().collect());
    for chunk in files.chunks(BATCH) {
        let mut sets = Vec::with_capacity(chunk.len());
        for rel in chunk {
            let committed = Committed::file(records_root.join(rel));
            if let Some((record, from)) = load(records_root, &origin, committed)? {
                sets.push(rows::rows(record, &from, &now));
            }
        }
        store.write(&sets, &[])?;
    }
    store.prune_stories()?;
    store.set_state("caught_up_at", &now)?;
    store.count()
}

impl Committed {
    /// A record file to read (found by a scan, or not handed over).
    fn file(file: PathBuf) -> Committed {
        Committed { file, made: None }
    }
}

/// The record to index and where it came from: as handed over, else read
/// from its file. `Ok(None)` when there is nothing to index: the file is
/// gone, or it is not a record of ours or torn (logged and counted; the
/// folder is the truth, so it is skipped).
fn load(
    root: &Path,
    origin: &str,
    committed: Committed,
) -> Result<Option<(Record, Provenance)>, IndexError> {
    let read = match committed.made {
        Some(made) => rows::parse(&made.json)
            .map(|record| {
                let from = catchup::provenance(root, origin, &committed.file, &made.meta);
                Some((record, from))
            })
            .map_err(|e| IndexError::Record {
                path: committed.file.display().to_string(),
                message: e.to_string(),
            }),
        None => catchup::read(root, origin, &committed.file),
    };
    match read {
        Ok(read) => Ok(read),
        Err(e @ IndexError::Record { .. }) => {
            tracing::error!(error = %e, "record not indexed");
            metrics::counter!(m::INDEX_ERRORS.name).increment(1);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::rows::tests::seed_record;

    /// `n` record files below `root`, each its own article, with the JSON
    /// each was written from.
    fn record_files(root: &Path, n: usize) -> Vec<(PathBuf, Vec<u8>)> {
        let seed = seed_record();
        (0..n)
            .map(|i| {
                let mut record = seed.clone();
                record.source.path = format!("a{i:04}.txt");
                let json = serde_json::to_vec(&record).expect("a record encodes");
                let file = root.join(format!("a{i:04}.txt.json"));
                std::fs::write(&file, &json).expect("record file written");
                (file, json)
            })
            .collect()
    }

    #[test]
    fn a_committer_ahead_of_the_writer_waits_for_room_and_leaves_nothing_to_a_scan() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("records");
        std::fs::create_dir_all(&root).expect("records folder");
        let files = record_files(&root, 120);
        // One group fits the queue: every group sent while a batch is being
        // written finds it full.
        let handle = Handle::start_with_queue(
            Target::Sqlite(dir.path().join("index.sqlite")),
            Settings::default(),
            root.clone(),
            Arc::new(Health::default()),
            1,
        )
        .expect("writer starts");
        // The start's catch-up scan (of an empty folder) comes first.
        let until = Instant::now() + Duration::from_secs(30);
        while handle.overflowing.load(Ordering::Relaxed) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(!handle.overflowing.load(Ordering::Relaxed), "start scan");
        for (i, (file, json)) in files.into_iter().enumerate() {
            handle.committed(vec![(file, Some(json))]);
            // Spread over more than one of the writer's batches.
            if i % 10 == 0 {
                std::thread::sleep(Duration::from_millis(60));
            }
        }
        assert_eq!(handle.left.load(Ordering::Relaxed), 0, "left to a scan");
        handle.close(None);
        let mut store = Store::writer(
            &Target::Sqlite(dir.path().join("index.sqlite")),
            &Settings::default(),
        )
        .expect("index opens");
        assert_eq!(store.count().expect("count"), 120);
    }
}
