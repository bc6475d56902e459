//! The detector's bookkeeping, driven step by step: hints, rescans and
//! releases in the orders a flood of events produces.

use super::*;
use crate::config::{Config, Overrides};
use crate::host::sinks::records::LocalRecords;
use crate::pipeline::queue;
use crate::sink::ledger::{LedgerOp, PathEntry};

/// A detector, the queue the pipeline would read, and the sender whose
/// drop stops detection.
type Harness = (
    Detector,
    queue::Receiver<Job>,
    crossbeam_channel::Sender<()>,
);

fn detector(dir: &Path) -> Harness {
    detector_with_batch(dir, 100)
}

/// A detector on a temp folder that waits ten minutes for a writer's
/// close, and 50 ms once events were lost.
fn detector_with_batch(dir: &Path, backfill_batch: usize) -> Harness {
    let watch = dir.join("watch");
    std::fs::create_dir_all(&watch).expect("watch folder");
    let overrides = Overrides {
        watch: Some(watch.clone()),
        out: Some(dir.join("out")),
        ..Overrides::default()
    };
    let config = Config::load_with_env(None, &[], &overrides).expect("config");
    let ctx = Context::open(&config, Arc::default(), Box::new(LocalRecords)).expect("context");
    let scope = super::super::scope_for(&watch, &config).expect("scope");
    let (jobs_tx, jobs) = queue::bounded(16);
    let (_done_tx, done) = crossbeam_channel::unbounded();
    let (stop_tx, stop) = crossbeam_channel::bounded(0);
    let d = Detector::new(
        DetectorOptions {
            scope,
            settle: Duration::ZERO,
            write_timeout: Duration::from_secs(600),
            unsure_settle: Duration::from_millis(50),
            rescan_interval: Duration::from_secs(600),
            backfill_batch,
            watcher: WatcherKind::Recommended,
            poll_interval: Duration::from_secs(1),
        },
        Arc::new(ctx),
        Submitter::new(jobs_tx),
        done,
        stop,
        Arc::default(),
    );
    (d, jobs, stop_tx)
}

#[test]
fn a_file_waiting_for_a_lost_close_is_read_after_the_overflow_rescan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut d, jobs, _stop) = detector(dir.path());
    let file = dir.path().join("watch").join("a.txt");
    std::fs::write(&file, "Title\nBody of the article.\n").expect("write");
    // Its writer was seen writing, and the file was due before the
    // close came: it waits in the release queue for that close.
    d.on_hint(Hint::Writing(vec![d.opts.scope.root.join("a.txt")]));
    assert!(d.release_due());
    assert_eq!(jobs.len(), 0, "read while its writer had it open");
    assert_eq!(d.pending.len(), 1);
    // The close was among the events lost: the rescan after the
    // overflow is all that can bring it forward.
    d.rescan("overflow");
    std::thread::sleep(Duration::from_millis(80));
    assert!(d.release_due());
    assert_eq!(jobs.len(), 1, "still waiting for a close that was lost");
    assert!(d.pending.is_empty());
}

#[test]
fn a_file_waiting_for_its_close_keeps_waiting_after_a_routine_rescan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut d, jobs, _stop) = detector(dir.path());
    std::fs::write(dir.path().join("watch").join("a.txt"), "Title\nBody.\n").expect("write");
    d.on_hint(Hint::Writing(vec![d.opts.scope.root.join("a.txt")]));
    assert!(d.release_due());
    // No event was lost: the close will come, and nothing is read before.
    d.rescan("interval");
    std::thread::sleep(Duration::from_millis(80));
    assert!(d.release_due());
    assert_eq!(jobs.len(), 0, "read before its writer closed it");
    d.on_hint(Hint::Closed(vec![d.opts.scope.root.join("a.txt")]));
    assert!(d.release_due());
    assert_eq!(jobs.len(), 1);
}

/// The ledger's entry for `rel` as the file is now: what committing
/// its record leaves.
fn record_done(d: &Detector, rel: &str) {
    let e = d
        .opts
        .scope
        .classify(&d.opts.scope.root.join(rel))
        .expect("article");
    let entry = PathEntry {
        size: e.size,
        mtime_ns: e.mtime.and_then(mtime_ns),
        content_hash: None,
        revision: 1,
        outcome: "ok".into(),
    };
    d.ctx
        .ledger
        .commit(&[LedgerOp::Path(path_key(Path::new(rel)), entry)])
        .expect("commit");
}

#[test]
fn events_taken_in_after_the_file_was_read_leave_nothing_waiting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut d, jobs, _stop) = detector(dir.path());
    std::fs::write(dir.path().join("watch").join("a.txt"), "Title\nBody.\n").expect("write");
    let path = d.opts.scope.root.join("a.txt");
    // A rescan found it and it was handed on while its own events
    // still sat behind a full queue.
    d.rescan("interval");
    assert!(d.release_due());
    assert_eq!(jobs.len(), 1);
    // Its write event comes in while it is being read, its close once
    // the record is committed.
    d.on_hint(Hint::Writing(vec![path.clone()]));
    assert!(d.release_due());
    record_done(&d, "a.txt");
    d.on_done(Done {
        rel: PathBuf::from("a.txt"),
        retry: false,
        ticket: None,
        record: None,
    });
    d.on_hint(Hint::Closed(vec![path]));
    assert!(
        d.pending.is_empty(),
        "a file already read is still waited for"
    );
    assert!(d.batch_handed_over());
}

#[test]
fn a_file_still_being_written_does_not_hold_up_the_backfill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut d, jobs, _stop) = detector_with_batch(dir.path(), 2);
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join("watch").join(name), "Title\nBody.\n").expect("write");
    }
    d.rescan("interval");
    assert!(d.backfill_more, "three files, a batch of two");
    // One of the batch is open in a writer that takes its time.
    let slow = d.pending.keys().min().cloned().expect("a batch");
    d.on_hint(Hint::Writing(vec![d.opts.scope.root.join(slow)]));
    assert!(d.release_due());
    assert_eq!(jobs.len(), 1);
    assert!(d.batch_handed_over(), "the backfill waits on a slow writer");
    d.rescan("backfill");
    assert!(d.release_due());
    assert_eq!(jobs.len(), 2, "the rest of the folder was not looked for");
}
