//! Faults on the output side: the daemon never marks a file done that it
//! could not write, reports the error in metrics and /readyz, retries with
//! backoff, and recovers — with nothing lost — once the fault is gone.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

/// A workspace and its daemon, which has written the record of `first.txt`.
fn daemon_with_one_record() -> (Workspace, Daemon) {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[]);
    drop_file(&ws.watch(), "first.txt", article(1).as_bytes());
    d.expect_ok(1, T);
    (ws, d)
}

fn ready(d: &Daemon) -> Option<u16> {
    d.get("/readyz").map(|(s, _)| s)
}

#[test]
fn unwritable_output_is_retried_until_it_recovers() {
    let (ws, d) = daemon_with_one_record();
    // The records folder becomes something nothing can be written into.
    let records = ws.out().join("records");
    std::fs::rename(&records, ws.out().join("records.away")).expect("move records");
    std::fs::write(&records, b"not a folder").expect("block");
    for i in 2..5 {
        drop_file(&ws.watch(), &format!("f{i}.txt"), article(i).as_bytes());
    }
    assert!(wait_for(T, || d
        .metric(r#"wirewatch_articles_total{outcome="failed"}"#)
        .unwrap_or(0.0)
        >= 3.0));
    assert_eq!(ready(&d), Some(503));
    assert!(
        d.metric(r#"wirewatch_errors_total{stage="write",error_type="io"}"#)
            .unwrap_or(0.0)
            >= 3.0
    );
    assert_eq!(
        d.get("/healthz").map(|(s, _)| s),
        Some(200),
        "alive while not ready"
    );
    // Nothing was marked done: the ledger knows only the first file.
    std::fs::remove_file(&records).expect("unblock");
    std::fs::rename(ws.out().join("records.away"), &records).expect("restore");
    d.expect_ok(4, T);
    assert!(wait_for(T, || ready(&d) == Some(200)));
    assert_eq!(ws.records().len(), 4);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

fn set_file_size_limit(pid: u32, bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: prlimit on our own child with a valid rlimit and no old-limit pointer.
    let rc = unsafe {
        libc::prlimit(
            pid as libc::pid_t,
            libc::RLIMIT_FSIZE,
            &limit,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(rc, 0, "prlimit: {}", std::io::Error::last_os_error());
}

#[test]
fn full_disk_is_reported_and_recovered_from() {
    let (ws, d) = daemon_with_one_record();
    // No file may grow past one byte: every write fails with EFBIG.
    set_file_size_limit(d.child.id(), 1);
    for i in 2..6 {
        drop_file(&ws.watch(), &format!("f{i}.txt"), article(i).as_bytes());
    }
    assert!(
        wait_for(T, || d
            .metric(r#"wirewatch_errors_total{stage="write",error_type="disk_full"}"#)
            .unwrap_or(0.0)
            >= 4.0),
        "{}\n{:?}",
        d.log_text(),
        d.get("/metrics").map(|(_, m)| m
            .lines()
            .filter(|l| l.contains("articles_total") || l.contains("errors_total"))
            .filter(|l| !l.ends_with(" 0"))
            .collect::<Vec<_>>()
            .join("\n"))
    );
    assert_eq!(ready(&d), Some(503));
    assert_eq!(ws.records().len(), 1);
    // Space returns.
    set_file_size_limit(d.child.id(), libc::RLIM_INFINITY);
    d.expect_ok(5, T);
    assert!(wait_for(T, || ready(&d) == Some(200)));
    assert_eq!(ws.records().len(), 5);
    let leftovers: Vec<String> = list_files(&ws.out())
        .into_iter()
        .filter(|f| f.contains(".wwtmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn ledger_that_cannot_grow_recovers() {
    let (ws, d) = daemon_with_one_record();
    // Records (a few KB) still fit; the ledger cannot grow past its size.
    let ledger_size = std::fs::metadata(ws.out().join("ledger.redb"))
        .expect("ledger")
        .len();
    set_file_size_limit(d.child.id(), ledger_size);
    let n = 300;
    for i in 2..n {
        drop_file(&ws.watch(), &format!("f{i:04}.txt"), article(i).as_bytes());
    }
    let failed = || {
        d.metric(r#"wirewatch_articles_total{outcome="failed"}"#)
            .unwrap_or(0.0)
    };
    let ok = || {
        d.metric(r#"wirewatch_articles_total{outcome="ok"}"#)
            .unwrap_or(0.0)
    };
    assert!(
        wait_for(T, || failed() + ok() >= (n - 1) as f64),
        "{}",
        d.log_text()
    );
    eprintln!(
        "while the ledger could not grow: ok {} failed {}",
        ok(),
        failed()
    );
    set_file_size_limit(d.child.id(), libc::RLIM_INFINITY);
    assert!(
        d.wait_metric(
            r#"wirewatch_articles_total{outcome="ok"}"#,
            (n - 1) as f64 + 0.0,
            Duration::from_secs(90)
        ) || ws.records().len() == n - 1,
        "{}",
        d.log_text()
    );
    assert!(wait_for(Duration::from_secs(90), || ws.records().len() == n - 1));
    assert!(wait_for(T, || ready(&d) == Some(200)));
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
    // After a restart nothing is redone: the ledger holds every file.
    let d = Daemon::start(&ws, &[]);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="ok"}"#),
        Some(0.0)
    );
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="unchanged"}"#),
        Some(0.0)
    );
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
