//! A worker turns one job into one completion: read with limits, decide
//! identity (unchanged, duplicate, new), analyze, write the record. It never
//! commits: the committer does that for a whole group at once.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use super::Context;
use super::job::{Completion, Job, JobKind, Outcome, mtime_ns};
use super::read_stamp::ReadStamp;
use crate::sink::ledger::{LedgerOp, PathEntry};
use crate::sink::path_key;
use crate::sink::quarantine::{Payload, Reason};
use crate::telemetry::catalogue::STAGE_DURATION;
use crate::telemetry::labels::{ErrorType, QuarantineReason, Stage};

/// Processes one job to completion (never panics on file content).
pub(crate) fn process(ctx: &Context, job: Job) -> Completion {
    let mut c = completion(job);
    c.outcome = match run(ctx, &mut c) {
        Ok(outcome) => outcome,
        Err(outcome) => outcome,
    };
    c
}

/// A completion for `job` with nothing done yet.
pub(crate) fn completion(job: Job) -> Completion {
    Completion {
        outcome: Outcome::Unchanged,
        ops: Vec::new(),
        record: None,
        made: None,
        line: None,
        sync_dir: None,
        claim: None,
        read: None,
        bytes: 0,
        started_at: Instant::now(),
        fact_counts: Vec::new(),
        entity_counts: Vec::new(),
        job,
    }
}

/// Records how long a stage took for one article.
pub(crate) fn observe(stage: Stage, d: Duration) {
    metrics::histogram!(STAGE_DURATION.name, "stage" => stage.label()).record(d.as_secs_f64());
}

/// A step of processing: its value, or the outcome that ends the job early.
pub(crate) type Step<T> = Result<T, Outcome>;

/// Reads the job's bytes with its limits and identifies them: the bytes and
/// their content hash, or the outcome that ends the job (quarantine, a
/// file that changed). Shared by articles and feeds.
pub(crate) fn read(ctx: &Context, c: &mut Completion) -> Step<(Vec<u8>, String)> {
    let job = c.job.clone();
    match &job.kind {
        JobKind::SymlinkOutside(target) => {
            let detail = format!("symlink to {} outside the watched folder", target.display());
            return quarantine(
                ctx,
                c,
                Payload::Nothing,
                QuarantineReason::SymlinkOutside,
                detail,
                Stage::Detect,
            );
        }
        JobKind::NotAFile => {
            let detail = "not a regular file (FIFO, socket or device)".to_string();
            return quarantine(
                ctx,
                c,
                Payload::Nothing,
                QuarantineReason::NotAFile,
                detail,
                Stage::Detect,
            );
        }
        JobKind::File => {}
    }

    let t_read = Instant::now();
    let read_at = std::time::SystemTime::now();
    let read = match &job.payload {
        // Content that arrived with the job (from a message queue).
        Some(payload) if payload.len() as u64 > ctx.max_file_bytes => {
            Ok(ReadResult::TooLarge(payload.len() as u64))
        }
        Some(payload) => Ok(ReadResult::Bytes(payload.to_vec(), None)),
        None => read_limited(&job.path, ctx.max_file_bytes, job.mtime),
    };
    let (bytes, mtime) = match read {
        Ok(ReadResult::Bytes(b, mtime)) => (b, mtime),
        // Rewritten since it settled, or while it was read: what was read
        // is not an article anyone wrote. Read again once it settles.
        Ok(ReadResult::Changed) => return Err(Outcome::Changed),
        Ok(ReadResult::TooLarge(size)) => {
            let detail = format!(
                "{size} bytes, over watch.max_file_bytes = {}",
                ctx.max_file_bytes
            );
            let payload = match &job.payload {
                Some(p) => Payload::Bytes(p),
                None => Payload::File(&job.path),
            };
            return quarantine(
                ctx,
                c,
                payload,
                QuarantineReason::TooLarge,
                detail,
                Stage::Read,
            );
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let detail = "the file disappeared before it could be read".to_string();
            return quarantine(
                ctx,
                c,
                Payload::Nothing,
                QuarantineReason::Vanished,
                detail,
                Stage::Read,
            );
        }
        Err(e) => {
            let detail = format!("cannot read: {e}");
            return quarantine(
                ctx,
                c,
                Payload::Nothing,
                QuarantineReason::Unreadable,
                detail,
                Stage::Read,
            );
        }
    };
    observe(Stage::Read, t_read.elapsed());
    c.bytes = bytes.len() as u64;
    if bytes.is_empty() {
        return quarantine(
            ctx,
            c,
            Payload::Bytes(&bytes),
            QuarantineReason::Empty,
            "the file is empty".into(),
            Stage::Read,
        );
    }

    let hash = crate::identity::content_hash(&bytes);
    if job.payload.is_none() {
        c.read = Some(ReadStamp {
            size: bytes.len() as u64,
            mtime,
            hash: hash.clone(),
            read_at,
        });
    }
    Ok((bytes, hash))
}

fn run(ctx: &Context, c: &mut Completion) -> Step<Outcome> {
    let job = c.job.clone();
    let (bytes, hash) = read(ctx, c)?;
    let key = path_key(&job.rel);
    let previous = ctx
        .ledger
        .path(&key)
        .map_err(|e| failed(Stage::Detect, ErrorType::Ledger, e))?;
    let delivery = Delivery {
        bytes: &bytes,
        hash: &hash,
        key,
        previous_revision: previous.as_ref().map_or(0, |p| p.revision),
    };
    if previous.as_ref().and_then(|p| p.content_hash.as_deref()) == Some(hash.as_str()) {
        let entry = delivery.path_entry(&job, delivery.previous_revision, "unchanged");
        c.ops.push(LedgerOp::Path(delivery.key, entry));
        return Ok(Outcome::Unchanged);
    }
    ctx.output.deliver(ctx, c, delivery)
}

/// A file's content, read and identified, ready for its output.
pub(crate) struct Delivery<'a> {
    pub bytes: &'a [u8],
    /// Content hash of `bytes`.
    pub hash: &'a str,
    /// Ledger key of the job's path.
    pub key: Vec<u8>,
    /// Revision of the path's record so far (0: none).
    pub previous_revision: u32,
}

impl Delivery<'_> {
    /// The path's ledger entry after this delivery.
    pub(crate) fn path_entry(&self, job: &Job, revision: u32, outcome: &str) -> PathEntry {
        PathEntry {
            size: self.bytes.len() as u64,
            mtime_ns: job.mtime.and_then(mtime_ns),
            content_hash: Some(self.hash.to_string()),
            revision,
            outcome: outcome.to_string(),
        }
    }
}

/// Where new content goes once read: records written here (the daemon and
/// `process`), or a message queue (`ingest`); the sinks are in `host::sinks`. Everything before
/// — reading with limits, quarantine, identity by content — is shared.
pub(crate) trait Output: Send + Sync {
    /// Turns new content into an outcome, with the ledger changes to commit.
    fn deliver(
        &self,
        ctx: &Context,
        c: &mut Completion,
        d: Delivery<'_>,
    ) -> Result<Outcome, Outcome>;
}

/// The completion of a job whose processing panicked: the file goes to the
/// quarantine as `internal_error` with the panic message, so it is neither
/// lost nor retried forever.
pub(crate) fn panicked(ctx: &Context, job: Job, panic: &(dyn std::any::Any + Send)) -> Completion {
    let message = crate::article::panic_message(panic);
    ctx.release_claims_of(&job.rel);
    let mut c = completion(job);
    let path = c.job.path.clone();
    let detail = format!("internal error while processing: {message}");
    c.outcome = match quarantine::<Outcome>(
        ctx,
        &mut c,
        Payload::File(&path),
        QuarantineReason::InternalError,
        detail,
        Stage::Extract,
    ) {
        Ok(o) | Err(o) => o,
    };
    c
}

/// The outcome of a job whose output could not be written (retried later).
pub(crate) fn failed(stage: Stage, error_type: ErrorType, e: impl std::fmt::Display) -> Outcome {
    Outcome::Failed {
        stage,
        error_type,
        error: e.to_string(),
    }
}

/// Quarantines the job's file: the outcome, with the ledger entry that
/// keeps rescans from quarantining it again until it changes.
pub(crate) fn quarantine<T>(
    ctx: &Context,
    c: &mut Completion,
    payload: Payload<'_>,
    reason: QuarantineReason,
    detail: String,
    stage: Stage,
) -> Step<T> {
    let r = Reason {
        reason,
        detail: detail.clone(),
        stage,
    };
    let reason_file = ctx
        .quarantine
        .put(&c.job.rel, &c.job.display(), payload, &r)
        .map_err(|e| failed(Stage::Write, ErrorType::of_io(&e), e))?;
    c.sync_dir = reason_file.parent().map(Path::to_path_buf);
    if reason != QuarantineReason::Vanished {
        // Remember the file so rescans do not quarantine it again until it changes.
        let meta = std::fs::symlink_metadata(&c.job.path).ok();
        c.ops.push(LedgerOp::Path(
            path_key(&c.job.rel),
            PathEntry {
                size: meta.as_ref().map_or(0, |m| m.len()),
                mtime_ns: c.job.mtime.and_then(mtime_ns),
                content_hash: None,
                revision: 0,
                outcome: format!("quarantined:{}", reason.label()),
            },
        ));
    }
    Err(Outcome::Quarantined { reason, detail })
}

enum ReadResult {
    /// The bytes, with the file's mtime.
    Bytes(Vec<u8>, Option<SystemTime>),
    TooLarge(u64),
    /// The file is not as it settled (`expected` mtime), or changed while
    /// it was read.
    Changed,
}

/// Reads at most `limit` bytes; the size is checked before and while reading,
/// so no input can make wirewatch allocate more than the limit. The file
/// must still have the mtime it settled with (`expected`, when known) and
/// keep its size and mtime while it is read.
fn read_limited(path: &Path, limit: u64, expected: Option<SystemTime>) -> io::Result<ReadResult> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    if meta.len() > limit {
        return Ok(ReadResult::TooLarge(meta.len()));
    }
    let mtime = meta.modified().ok();
    if expected.is_some() && mtime != expected {
        return Ok(ReadResult::Changed);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&file).take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(ReadResult::TooLarge(bytes.len() as u64));
    }
    let after = file.metadata()?;
    if after.len() != bytes.len() as u64 || after.modified().ok() != mtime {
        return Ok(ReadResult::Changed);
    }
    Ok(ReadResult::Bytes(bytes, mtime))
}

/// Opens without blocking, so a FIFO swapped in after detection cannot hang a worker.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Overrides};
    use crate::host::sinks::records::LocalRecords;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn context(out: &Path) -> Context {
        let overrides = Overrides {
            out: Some(out.to_path_buf()),
            ..Overrides::default()
        };
        let config = Config::load_with_env(None, &[], &overrides).expect("config");
        Context::open(&config, Arc::default(), Box::new(LocalRecords)).expect("context")
    }

    fn job(path: &Path) -> Job {
        Job {
            path: path.to_path_buf(),
            rel: PathBuf::from("gone.txt"),
            kind: JobKind::File,
            seen_at: std::time::SystemTime::now(),
            mtime: None,
            payload: None,
            ticket: None,
            item: None,
        }
    }

    #[test]
    fn a_file_gone_before_it_is_read_is_quarantined_as_vanished() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = context(&dir.path().join("out"));
        let c = process(&ctx, job(&dir.path().join("gone.txt")));
        assert!(
            matches!(
                c.outcome,
                Outcome::Quarantined {
                    reason: QuarantineReason::Vanished,
                    ..
                }
            ),
            "{:?}",
            c.outcome
        );
        // Nothing to remember in the ledger: the path no longer exists.
        assert!(c.ops.is_empty());
        assert!(
            dir.path()
                .join("out/quarantine/vanished/gone.txt.reason.json")
                .exists()
        );
    }

    #[test]
    fn a_file_no_longer_as_it_settled_is_read_again_later() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = context(&dir.path().join("out"));
        let src = dir.path().join("gone.txt");
        std::fs::write(&src, "Some text.").expect("write");
        let mut j = job(&src);
        // It settled with another mtime: it was rewritten since.
        j.mtime = Some(std::time::UNIX_EPOCH);
        let c = process(&ctx, j);
        assert_eq!(c.outcome, Outcome::Changed);
        assert!(c.ops.is_empty() && c.read.is_none());
        let mut j = job(&src);
        j.mtime = std::fs::metadata(&src).expect("stat").modified().ok();
        let c = process(&ctx, j);
        assert!(matches!(c.outcome, Outcome::Ok { .. }), "{:?}", c.outcome);
        assert_eq!(c.read.expect("stamp").size, 10);
    }

    #[test]
    fn a_panic_quarantines_the_file_as_internal_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = context(&dir.path().join("out"));
        let src = dir.path().join("gone.txt");
        std::fs::write(&src, "Some text.").expect("write");
        let panic: Box<dyn std::any::Any + Send> = Box::new("boom");
        let c = panicked(&ctx, job(&src), panic.as_ref());
        assert!(
            matches!(&c.outcome, Outcome::Quarantined { reason: QuarantineReason::InternalError, detail } if detail.contains("boom")),
            "{:?}",
            c.outcome
        );
        assert!(
            dir.path()
                .join("out/quarantine/internal_error/gone.txt")
                .exists()
        );
    }
}
