//! The daemon end to end: real binary, real folders, real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

#[test]
fn backfill_then_live_drop_then_restart_reprocesses_nothing() {
    let ws = Workspace::new();
    ws.copy_seeds();
    std::fs::create_dir_all(ws.watch().join("sub")).expect("mkdir");
    std::fs::write(ws.watch().join("sub/000_514d5b9f2e0d4f46.txt"), article(1)).expect("write");

    let d = Daemon::start(&ws, &[]);
    d.expect_ok(6, T);
    assert_eq!(
        d.metric(r#"wirewatch_files_detected_total{how="scan"}"#),
        Some(6.0)
    );
    // Equal names in different folders never collide.
    assert!(ws.record("sub/000_514d5b9f2e0d4f46.txt").is_some());
    assert!(ws.record("000_514d5b9f2e0d4f46.txt").is_some());

    drop_file(&ws.watch(), "live.txt", article(2).as_bytes());
    d.expect_ok(7, T);
    assert_eq!(
        d.metric(r#"wirewatch_files_detected_total{how="event"}"#),
        Some(1.0)
    );
    let live = ws.record("live.txt").expect("live record");
    assert_eq!(live["title"], "Headline number 2");
    assert_eq!(live["source"]["revision"], 1);
    assert!(d.metric("wirewatch_ledger_entries").unwrap_or(0.0) >= 14.0);
    let first_ingest = live["source"]["ingested_at"].clone();
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));

    // Restart: everything is known from the ledger; nothing is read again.
    let d = Daemon::start(&ws, &[]);
    std::thread::sleep(Duration::from_millis(500));
    for outcome in ["ok", "duplicate", "unchanged", "quarantined", "failed"] {
        let series = format!(r#"wirewatch_articles_total{{outcome="{outcome}"}}"#);
        assert_eq!(d.metric(&series), Some(0.0), "{series}");
    }
    assert_eq!(
        ws.record("live.txt").expect("record")["source"]["ingested_at"],
        first_ingest
    );
    assert_eq!(ws.records().len(), 7);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn slow_writer_gets_one_record_of_the_final_content() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_SETTLE_MS", "400")]);
    let path = ws.watch().join("slow.txt");
    let text = article(7);
    let chunks: Vec<&[u8]> = text.as_bytes().chunks(20).collect();
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&path).expect("create");
        for c in &chunks {
            f.write_all(c).expect("write");
            f.flush().expect("flush");
            std::thread::sleep(Duration::from_millis(120));
        }
    }
    d.expect_ok(1, T);
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="ok"}"#),
        Some(1.0)
    );
    let r = ws.record("slow.txt").expect("record");
    assert_eq!(r["source"]["bytes"], text.len());
    assert_eq!(r["source"]["revision"], 1);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn rename_copy_and_change() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[]);
    // Written under a temp name elsewhere in the folder, renamed into place.
    drop_file(&ws.watch(), "a.txt", article(1).as_bytes());
    d.expect_ok(1, T);
    // The same content under another name: a duplicate, no second record.
    drop_file(&ws.watch(), "copy-of-a.txt", article(1).as_bytes());
    d.expect_metric(r#"wirewatch_articles_total{outcome="duplicate"}"#, 1.0, T);
    assert_eq!(ws.records(), vec!["a.txt.json"]);
    let dup = d
        .article_logs()
        .into_iter()
        .find(|l| l["outcome"] == "duplicate")
        .expect("duplicate log line");
    assert_eq!(dup["of"], "a.txt");
    assert_eq!(dup["path"], "copy-of-a.txt");
    // Changed content at the same path: a new revision of its record.
    drop_file(&ws.watch(), "a.txt", article(2).as_bytes());
    d.expect_ok(2, T);
    let r = ws.record("a.txt").expect("record");
    assert_eq!(r["source"]["revision"], 2);
    assert_eq!(r["title"], "Headline number 2");
    // Touching a file without changing it is not a new revision.
    let f = std::fs::File::options()
        .append(true)
        .open(ws.watch().join("a.txt"))
        .expect("open");
    f.set_modified(std::time::SystemTime::now()).expect("touch");
    drop(f); // a file is read once its writer has closed it
    d.expect_metric(r#"wirewatch_articles_total{outcome="unchanged"}"#, 1.0, T);
    assert_eq!(ws.record("a.txt").expect("record")["source"]["revision"], 2);
    // Temp names are never processed.
    std::fs::write(ws.watch().join("b.txt.part"), article(3)).expect("write");
    std::fs::write(ws.watch().join("b.txt~"), article(4)).expect("write");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(ws.records(), vec!["a.txt.json"]);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn bad_inputs_are_quarantined_and_the_daemon_stays_healthy() {
    let ws = Workspace::new();
    let outside = ws.dir.path().join("secret.txt");
    std::fs::write(&outside, "outside the folder").expect("write");
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_MAX_FILE_BYTES", "4096")]);
    let w = ws.watch();
    drop_file(&w, "empty.txt", b"");
    drop_file(
        &w,
        "binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    );
    let mut utf16_garbage = vec![0xFF, 0xFE];
    utf16_garbage.extend(std::iter::repeat_n([0x00, 0xD8], 200).flatten());
    drop_file(&w, "undecodable.txt", &utf16_garbage);
    drop_file(&w, "big.txt", article(1).repeat(100).as_bytes());
    std::os::unix::fs::symlink(&outside, w.join("link.txt")).expect("symlink");
    let fifo =
        std::ffi::CString::new(w.join("pipe.txt").to_string_lossy().as_bytes()).expect("cstr");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let mut expected = vec![
        ("empty", "empty.txt"),
        ("binary", "binary.txt"),
        ("undecodable", "undecodable.txt"),
        ("too_large", "big.txt"),
        ("symlink_outside", "link.txt"),
        ("not_a_file", "pipe.txt"),
    ];
    if !is_root() {
        drop_file(&w, "locked.txt", article(2).as_bytes());
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(w.join("locked.txt"), std::fs::Permissions::from_mode(0o000))
            .expect("chmod");
        expected.push(("unreadable", "locked.txt"));
    }
    drop_file(&w, "good.txt", article(3).as_bytes());
    let n = expected.len() as f64;
    d.expect_metric(r#"wirewatch_articles_total{outcome="quarantined"}"#, n, T);
    assert!(d.wait_metric(r#"wirewatch_articles_total{outcome="ok"}"#, 1.0, T));
    for (reason, name) in &expected {
        let series = format!(r#"wirewatch_quarantined_total{{reason="{reason}"}}"#);
        assert_eq!(d.metric(&series), Some(1.0), "{series}");
        let files = ws.quarantined(reason);
        let reason_file = format!("{name}.reason.json");
        assert!(files.contains(&reason_file), "{reason}: {files:?}");
        let why: serde_json::Value = serde_json::from_slice(
            &std::fs::read(ws.out().join("quarantine").join(reason).join(&reason_file))
                .expect("read"),
        )
        .expect("json");
        assert_eq!(why["reason"], *reason);
        assert!(why["detail"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(why["stage"].is_string() && why["time"].is_string());
    }
    // Copies are kept where reading is allowed, never for links leaving the folder.
    assert!(ws.quarantined("binary").contains(&"binary.txt".to_string()));
    assert!(
        !ws.quarantined("symlink_outside")
            .contains(&"link.txt".to_string())
    );
    // Nothing was moved away: the sources are all still there.
    assert!(w.join("binary.txt").exists() && w.join("big.txt").exists());
    assert_eq!(d.get("/healthz").map(|(s, _)| s), Some(200));
    assert_eq!(d.get("/readyz").map(|(s, _)| s), Some(200));
    assert!(d.metric("wirewatch_quarantine_files").unwrap_or(0.0) >= n);
    // Quarantined once: a rescan does not quarantine them again.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="quarantined"}"#),
        Some(n)
    );
    // One log line per article, at warn for quarantine.
    let logs = d.article_logs();
    assert_eq!(
        logs.iter()
            .filter(|l| l["outcome"] == "quarantined")
            .count(),
        expected.len()
    );
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn sigterm_while_busy_finishes_in_flight_and_exits_zero() {
    let ws = Workspace::new();
    let n = 1000;
    for i in 0..n {
        std::fs::write(ws.watch().join(format!("f{i:04}.txt")), article(i)).expect("write");
    }
    let d = Daemon::start(&ws, &[("WIREWATCH_PIPELINE_WORKERS", "1")]);
    assert!(wait_for(T, || ws.records().len() >= 20));
    let status = d.stop(T).expect("exits in time");
    assert!(status.success(), "{status:?}");
    let done = ws.records().len();
    assert!(
        done < n,
        "the daemon was not busy at SIGTERM ({done} of {n} done)"
    );
    // No torn or temp files; every record parses.
    for rel in ws.records() {
        assert!(!rel.contains(".wwtmp"), "temp file left: {rel}");
        let bytes = std::fs::read(ws.out().join("records").join(&rel)).expect("read");
        serde_json::from_slice::<serde_json::Value>(&bytes).expect("whole JSON");
    }
    // A restart finishes the rest, and nothing is done twice.
    let d = Daemon::start(&ws, &[]);
    let rest = (n - done) as f64;
    d.expect_metric(r#"wirewatch_articles_total{outcome="ok"}"#, rest, T);
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="unchanged"}"#),
        Some(0.0)
    );
    assert_eq!(ws.records().len(), n);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn move_on_success_and_polling_watcher() {
    let ws = Workspace::new();
    let d = Daemon::start(
        &ws,
        &[
            ("WIREWATCH_OUTPUT_ON_SUCCESS", "move"),
            ("WIREWATCH_WATCH_WATCHER", "poll"),
            ("WIREWATCH_WATCH_POLL_INTERVAL_MS", "50"),
            ("WIREWATCH_WATCH_POLL_SETTLE_MS", "100"),
        ],
    );
    drop_file(&ws.watch(), "m.txt", article(5).as_bytes());
    d.expect_ok(1, T);
    assert!(wait_for(T, || ws.out().join("done/m.txt").exists()));
    assert!(!ws.watch().join("m.txt").exists());
    assert!(ws.record("m.txt").is_some());
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn watched_folder_removed_and_recreated() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "1")]);
    std::fs::remove_dir_all(ws.watch()).expect("rmdir");
    std::thread::sleep(Duration::from_millis(1500));
    std::fs::create_dir_all(ws.watch()).expect("mkdir");
    std::thread::sleep(Duration::from_millis(1500));
    drop_file(&ws.watch(), "back.txt", article(9).as_bytes());
    d.expect_ok(1, T);
    assert!(
        d.metric(r#"wirewatch_rescans_total{reason="root_recreated"}"#)
            .unwrap_or(0.0)
            >= 1.0
    );
    assert_eq!(d.get("/healthz").map(|(s, _)| s), Some(200));
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
