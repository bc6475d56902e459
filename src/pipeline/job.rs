//! What flows through the pipeline: a job per settled file, a completion per
//! finished job.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use super::read_stamp::ReadStamp;
use crate::document::feed::FeedItem;
use crate::extract::FactKind;
use crate::extract::entities::EntityType;
use crate::sink::ledger::LedgerOp;
use crate::sink::records::PendingRecord;
use crate::telemetry::labels::{ErrorType, QuarantineReason, Stage};
use crate::watch::Entry;

/// How a file came to the pipeline's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detection {
    /// A folder scan (start, periodic, after overflow) or a command-line path.
    Scan,
    /// A watcher event.
    Event,
}

impl Detection {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Detection::Scan => "scan",
            Detection::Event => "event",
        }
    }
}

/// What the detector found at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JobKind {
    /// A regular file (or a symlink to one inside the folder).
    File,
    /// A symlink whose target lies outside the watched folder: never read.
    SymlinkOutside(PathBuf),
    /// A FIFO, socket or device: never opened.
    NotAFile,
}

/// One settled file to process.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    /// Where to read it.
    pub path: PathBuf,
    /// Path relative to its root: the ledger key and the record's location.
    pub rel: PathBuf,
    pub kind: JobKind,
    /// When the file was first seen in the folder (wall clock): with its
    /// mtime, when it was "dropped" for the latency metric.
    pub seen_at: SystemTime,
    /// The file's modification time when it settled.
    pub mtime: Option<SystemTime>,
    /// The content, when it arrived with the job (from a message queue)
    /// instead of being read from `path`.
    pub payload: Option<std::sync::Arc<[u8]>>,
    /// Opaque number the feeder gets back in [`Done`] (a message to ack).
    pub ticket: Option<u64>,
    /// The feed item this job is, when it is one (its bytes are `payload`).
    pub item: Option<std::sync::Arc<FeedItem>>,
}

impl Job {
    /// A file found on disk (by a scan, a watcher event or a command-line
    /// path), first seen at `seen_at`.
    pub(crate) fn found(entry: Entry, seen_at: SystemTime) -> Job {
        Job {
            path: entry.path,
            rel: entry.rel,
            kind: entry.kind,
            seen_at,
            mtime: entry.mtime,
            payload: None,
            ticket: None,
            item: None,
        }
    }

    /// An article that arrived as a message: its bytes come with it, and
    /// `ticket` comes back in [`Done`] so the message can be acked.
    pub(crate) fn delivered(
        rel: PathBuf,
        mtime: Option<SystemTime>,
        payload: Vec<u8>,
        ticket: u64,
    ) -> Job {
        Job {
            path: rel.clone(),
            rel,
            kind: JobKind::File,
            seen_at: SystemTime::now(),
            mtime,
            payload: Some(payload.into()),
            ticket: Some(ticket),
            item: None,
        }
    }

    /// The path as shown in records and logs.
    pub(crate) fn display(&self) -> String {
        self.rel.to_string_lossy().into_owned()
    }
}

/// How processing a job ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// A record was written (or adopted from a crash) for this content.
    /// Until its group is committed, `adopted` is false.
    Ok {
        id: String,
        record: PathBuf,
        revision: u32,
        adopted: bool,
    },
    /// The content already has a record, made from the path `of`.
    Duplicate { of: String },
    /// The path's content is what was processed last time (e.g. touched).
    Unchanged,
    /// A feed file, split into its items (each finished with an outcome of
    /// its own).
    Feed { items: usize },
    /// The file changed while it was being read: nothing was written, and
    /// it is read again once it settles.
    Changed,
    /// The file went to the quarantine.
    Quarantined {
        reason: QuarantineReason,
        detail: String,
    },
    /// Handed to the message queue (ingest); `duplicate` when the stream
    /// already had this content within its duplicate window.
    Published { sequence: u64, duplicate: bool },
    /// Output could not be written; nothing was marked done and the file is retried.
    Failed {
        stage: Stage,
        error_type: ErrorType,
        error: String,
    },
}

impl Outcome {
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Outcome::Ok { .. } => "ok",
            Outcome::Duplicate { .. } => "duplicate",
            Outcome::Unchanged => "unchanged",
            Outcome::Feed { .. } => "feed",
            Outcome::Changed => "changed",
            Outcome::Quarantined { .. } => "quarantined",
            Outcome::Published { .. } => "published",
            Outcome::Failed { .. } => "failed",
        }
    }

    /// The source may be moved or deleted after this outcome is committed.
    pub(crate) fn source_done(&self) -> bool {
        matches!(
            self,
            Outcome::Ok { .. }
                | Outcome::Duplicate { .. }
                | Outcome::Unchanged
                | Outcome::Feed { .. }
                | Outcome::Published { .. }
        )
    }
}

/// A finished job, waiting for the group commit.
#[derive(Debug)]
pub(crate) struct Completion {
    pub job: Job,
    pub outcome: Outcome,
    /// Ledger changes to commit for it.
    pub ops: Vec<LedgerOp>,
    /// Its record, written but not yet synced or in place: the committer
    /// settles it with its group before the ledger commit.
    pub record: Option<PendingRecord>,
    /// The record's JSON as its file was written, kept for the index writer
    /// when there is one: it is handed over after the commit instead of
    /// read back from the file (bytes, not the parsed record, which takes
    /// several times as much memory while the writer is behind).
    pub made: Option<Vec<u8>>,
    /// Its record as one compact JSON line, for the JSON Lines sink
    /// (`output.jsonl`) when there is one.
    pub line: Option<Vec<u8>>,
    /// Folder to fsync before the ledger commit (where its output is renamed).
    pub sync_dir: Option<PathBuf>,
    /// Content hash this job claimed, released after the commit.
    pub claim: Option<String>,
    /// The file as it was read, checked again before it is moved or deleted.
    pub read: Option<ReadStamp>,
    pub bytes: u64,
    pub started_at: Instant,
    pub fact_counts: Vec<(FactKind, usize)>,
    /// Entities by type (`wirewatch_entities_extracted_total`).
    pub entity_counts: Vec<(EntityType, usize)>,
}

/// Sent back to the detector once a path's job is committed.
#[derive(Debug, Clone)]
pub(crate) struct Done {
    pub rel: PathBuf,
    /// Processing failed in a way worth retrying (output not writable).
    pub retry: bool,
    /// The job's ticket.
    pub ticket: Option<u64>,
    /// The record written or adopted, for an `ok` outcome.
    pub record: Option<PathBuf>,
}

/// Nanoseconds since the Unix epoch, as stored in the ledger.
pub(crate) fn mtime_ns(t: SystemTime) -> Option<i128> {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => Some(d.as_nanos() as i128),
        Err(e) => Some(-(e.duration().as_nanos() as i128)),
    }
}

/// Time elapsed since a wall-clock instant (zero if it is in the future).
pub(crate) fn since(t: SystemTime) -> Duration {
    SystemTime::now().duration_since(t).unwrap_or_default()
}
