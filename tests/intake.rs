//! How files come in: one owner per output folder, every file accounted
//! for, nothing read while its writer is still at it, nothing moved that
//! changed after it was read. Real binary, real folders.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const T: Duration = Duration::from_secs(20);

#[test]
fn a_second_daemon_on_the_same_output_is_refused_at_once() {
    let ws = Workspace::new();
    let first = Daemon::start(&ws, &[]);
    let started = Instant::now();
    let mut second = Command::new(BIN)
        .arg("run")
        .arg("--watch")
        .arg(ws.watch())
        .arg("--out")
        .arg(ws.out())
        .arg("--metrics-addr")
        .arg(format!("127.0.0.1:{}", free_port()))
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let status = loop {
        if let Some(s) = second.try_wait().expect("wait") {
            break s;
        }
        if started.elapsed() > T {
            let _ = second.kill();
            panic!("the second daemon did not stop");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut second.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert_eq!(status.code(), Some(2), "{stderr}");
    let out = ws.out().display().to_string();
    assert!(
        stderr.contains(&format!(
            "another wirewatch process is using {out}/ (ledger locked)"
        )),
        "{stderr}"
    );
    // The first one is undisturbed.
    drop_file(&ws.watch(), "a.txt", article(1).as_bytes());
    first.expect_ok(1, T);
    assert_eq!(first.stop(T).map(|s| s.success()), Some(true));
}

/// The `message` and `path` of the JSON log lines saying a file is ignored.
fn ignored_logs(d: &Daemon) -> Vec<(String, String)> {
    d.log_text()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["message"] == "file ignored")
        .map(|v| {
            (
                v["path"].as_str().unwrap_or_default().to_string(),
                v["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn ignored(d: &Daemon, reason: &str) -> Option<f64> {
    d.metric(&format!(
        r#"wirewatch_files_ignored_total{{reason="{reason}"}}"#
    ))
}

#[test]
fn every_ignored_file_is_counted_and_logged_once() {
    let ws = Workspace::new();
    let w = ws.watch();
    std::fs::write(w.join("a.txt"), article(1)).expect("write");
    for name in [
        ".hidden.txt",
        "b.txt.part",
        "c.txt~",
        "report.pdf",
        "letter.docx",
        "table.csv",
    ] {
        std::fs::write(w.join(name), article(2)).expect("write");
    }
    std::fs::create_dir_all(w.join(".git")).expect("mkdir");
    std::fs::write(w.join(".git/config"), "x").expect("write");
    let env = [("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "1")];
    let d = Daemon::start(&ws, &env);
    d.expect_ok(1, T);
    assert_eq!(ignored(&d, "temp_name"), Some(2.0));
    assert_eq!(ignored(&d, "hidden"), Some(1.0));
    assert_eq!(ignored(&d, "unsupported_format"), Some(2.0));
    assert_eq!(ignored(&d, "extension"), Some(1.0));
    // Later scans find them again, but count and log nothing more.
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(ignored(&d, "unsupported_format"), Some(2.0));
    let mut logged = ignored_logs(&d);
    logged.sort();
    assert_eq!(
        logged,
        vec![
            (".hidden.txt".to_string(), "hidden".to_string()),
            ("letter.docx".into(), "unsupported_format".into()),
            ("report.pdf".into(), "unsupported_format".into()),
            ("table.csv".into(), "extension".into()),
        ]
    );
    // A new one is counted as it arrives.
    drop_file(&w, "scan.png", b"\x89PNG\r\n");
    d.expect_metric(
        r#"wirewatch_files_ignored_total{reason="unsupported_format"}"#,
        3.0,
        T,
    );
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
    // A restart remembers what was reported.
    let d = Daemon::start(&ws, &env);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(ignored(&d, "unsupported_format"), Some(0.0));
    assert!(ignored_logs(&d).is_empty());
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn documents_that_are_not_text_are_refused_on_the_command_line() {
    let ws = Workspace::new();
    let pdf = ws.watch().join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").expect("write");
    let out = ws.out().display().to_string();
    let path = pdf.display().to_string();
    for args in [
        vec!["process", "--out", out.as_str(), path.as_str()],
        vec!["extract", path.as_str()],
    ] {
        let o = run(&args, &[]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("report.pdf is a PDF document, which wirewatch cannot read"),
            "{stderr}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// Writes `text` to `path` in three chunks, pausing `pauses` between them
/// with the file open, as an upload or a scraper writing as it downloads.
fn write_slowly(path: &std::path::Path, text: &str, pauses: [Duration; 2]) {
    use std::io::Write;
    let bytes = text.as_bytes();
    let (a, rest) = bytes.split_at(bytes.len() / 3);
    let (b, c) = rest.split_at(rest.len() / 2);
    let mut f = std::fs::File::create(path).expect("create");
    for (chunk, pause) in [(a, Some(pauses[0])), (b, Some(pauses[1])), (c, None)] {
        f.write_all(chunk).expect("write");
        f.flush().expect("flush");
        if let Some(p) = pause {
            std::thread::sleep(p);
        }
    }
}

fn long_article() -> String {
    let mut text = String::from("Talks on the river treaty resume\n\n");
    for i in 0..12 {
        text.push_str(&format!(
            "Delegates from both capitals met for the {i}th round on Monday and agreed to publish the figures by March. "
        ));
    }
    text.push('\n');
    text
}

fn paused_writer_gives_one_record_of_the_final_content(on_success: &str) {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_OUTPUT_ON_SUCCESS", on_success)]);
    let text = long_article();
    let path = ws.watch().join("upload.txt");
    let writer = {
        let (path, text) = (path.clone(), text.clone());
        std::thread::spawn(move || {
            write_slowly(
                &path,
                &text,
                [Duration::from_secs(1), Duration::from_secs(3)],
            )
        })
    };
    // Mid-write (the settle time is 100 ms): nothing read, nothing moved.
    std::thread::sleep(Duration::from_millis(2500));
    assert!(ws.records().is_empty(), "{}", d.log_text());
    assert!(path.exists());
    writer.join().expect("writer");
    d.expect_ok(1, T);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        d.metric(r#"wirewatch_articles_total{outcome="ok"}"#),
        Some(1.0)
    );
    let r = ws.record("upload.txt").expect("record");
    assert_eq!(r["source"]["bytes"], text.len());
    assert_eq!(r["source"]["revision"], 1);
    // The whole article, not its first part: no warning of a cut text.
    let warnings = r["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .all(|w| !w.as_str().unwrap_or("").contains("mid-sentence")),
        "{warnings:?}"
    );
    if on_success == "move" {
        let done = ws.out().join("done/upload.txt");
        assert!(wait_for(T, || done.exists()));
        assert_eq!(std::fs::read_to_string(&done).expect("done"), text);
        assert!(!path.exists());
    } else {
        assert_eq!(std::fs::read_to_string(&path).expect("source"), text);
    }
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn a_writer_pausing_1_and_3_s_gets_one_record_keep_mode() {
    paused_writer_gives_one_record_of_the_final_content("keep");
}

#[test]
fn a_writer_pausing_1_and_3_s_gets_one_record_move_mode() {
    paused_writer_gives_one_record_of_the_final_content("move");
}

#[test]
fn a_file_rewritten_while_it_is_processed_is_processed_again_not_moved() {
    let ws = Workspace::new();
    let d = Daemon::start(
        &ws,
        &[
            ("WIREWATCH_OUTPUT_ON_SUCCESS", "move"),
            ("WIREWATCH_PIPELINE_WORKERS", "1"),
        ],
    );
    // Long enough that extracting it takes a while.
    let first = long_article().repeat(400);
    let path = ws.watch().join("big.txt");
    std::fs::write(&path, &first).expect("write");
    assert!(
        wait_for(T, || d.metric("wirewatch_in_flight") == Some(1.0)),
        "{}",
        d.log_text()
    );
    // Rewritten in place while the worker has it.
    let second = format!("Second version\n\n{}", long_article());
    std::fs::write(&path, &second).expect("rewrite");
    let done = ws.out().join("done/big.txt");
    assert!(wait_for(T, || done.exists()), "{}", d.log_text());
    assert_eq!(std::fs::read_to_string(&done).expect("done"), second);
    let r = ws.record("big.txt").expect("record");
    assert_eq!(
        r["source"]["content_hash"].as_str(),
        Some(wirewatch::identity::content_hash(second.as_bytes()).as_str())
    );
    assert!(!path.exists());
    // The first version was never moved. Mostly the rewrite lands while
    // the worker extracts: its record is written, then the check before
    // the move finds the file rewritten. On a busy machine the worker may
    // not have read it yet, and the read itself sees the change.
    let log = d.log_text();
    let outcomes: Vec<_> = d
        .article_logs()
        .iter()
        .map(|l| l["outcome"].as_str().unwrap_or_default().to_string())
        .collect();
    match outcomes.first().map(String::as_str) {
        Some("ok") => assert!(
            log.contains("source changed after it was read; left in place"),
            "{log}"
        ),
        Some("changed") => {}
        _ => panic!("{log}"),
    }
    assert_eq!(outcomes.len(), 2, "{log}");
    assert_eq!(outcomes[1], "ok", "{log}");
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

fn feed_line(id: &str, n: usize, date: &str) -> String {
    serde_json::json!({
        "id": id,
        "headline": format!("Headline number {n}"),
        "body": format!("The council met on Tuesday to discuss item {n}. Members agreed to continue the talks next week."),
        "pubDate": date,
        "link": format!("https://example.com/{id}"),
        "author": "Jane Doe",
    })
    .to_string()
}

#[test]
fn a_jsonl_feed_gives_a_record_per_item_and_quarantines_the_bad_line() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[]);
    let lines = [
        feed_line("a-1", 1, "2024-03-07"),
        feed_line("a-2", 2, "2024-03-08T09:00:00Z"),
        r#"{"id": "a-3", "title": "No text at all"}"#.to_string(),
        feed_line("a-4", 4, "Fri, 08 Mar 2024 10:00:00 GMT"),
        feed_line("a-5", 5, "2024-03-09"),
    ];
    std::fs::write(ws.watch().join("wire.jsonl"), lines.join("\n") + "\n").expect("write");
    d.expect_ok(4, T);
    d.expect_metric(r#"wirewatch_articles_total{outcome="quarantined"}"#, 1.0, T);
    assert_eq!(
        ws.records(),
        [
            "wire.jsonl#a-1.json",
            "wire.jsonl#a-2.json",
            "wire.jsonl#a-4.json",
            "wire.jsonl#a-5.json"
        ]
    );
    let r = ws.record("wire.jsonl#a-1").expect("record");
    assert_eq!(
        r["source"]["item"],
        serde_json::json!({"index": 0, "id": "a-1"})
    );
    assert_eq!(r["title"], "Headline number 1");
    assert_eq!(r["url"], "https://example.com/a-1");
    assert_eq!(r["authors"], serde_json::json!(["Jane Doe"]));
    // The item's date is the reference date: "Tuesday" is read against it.
    assert_eq!(r["published"]["date"], "2024-03-07");
    let tuesday = r["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .find(|d| d["text"] == "Tuesday")
        .expect("Tuesday");
    assert_eq!(tuesday["value"], "2024-03-05", "{tuesday}");
    assert_eq!(
        ws.record("wire.jsonl#a-4").expect("record")["published"]["date"],
        "2024-03-08"
    );
    // The bad line, with its index and reason.
    let q = ws.quarantined("invalid_feed");
    assert_eq!(q, ["wire.jsonl#a-3", "wire.jsonl#a-3.reason.json"]);
    let why: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            ws.out()
                .join("quarantine/invalid_feed/wire.jsonl#a-3.reason.json"),
        )
        .expect("reason"),
    )
    .expect("json");
    let detail = why["detail"].as_str().expect("detail");
    assert!(
        detail.contains("item 2") && detail.contains("no article text"),
        "{detail}"
    );

    // Dedup per item: a second feed repeating one item makes no record for it.
    let again = [
        feed_line("b-1", 1, "2024-03-07"),
        feed_line("b-9", 9, "2024-03-10"),
    ];
    std::fs::write(ws.watch().join("more.jsonl"), again.join("\n")).expect("write");
    d.expect_ok(5, T);
    d.expect_metric(r#"wirewatch_articles_total{outcome="duplicate"}"#, 1.0, T);
    assert!(ws.record("more.jsonl#b-9").is_some());
    assert!(ws.record("more.jsonl#b-1").is_none());
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn a_json_array_feed_in_move_mode_moves_the_file_once_every_item_is_done() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_OUTPUT_ON_SUCCESS", "move")]);
    let items: Vec<serde_json::Value> = (1..=3)
        .map(|n| serde_json::json!({"title": format!("Story {n}"), "content": article(n)}))
        .collect();
    let text = serde_json::to_string_pretty(&items).expect("json");
    drop_file(&ws.watch(), "export.json", text.as_bytes());
    d.expect_ok(3, T);
    assert_eq!(
        ws.records(),
        [
            "export.json#0.json",
            "export.json#1.json",
            "export.json#2.json"
        ]
    );
    let r = ws.record("export.json#2").expect("record");
    assert_eq!(
        r["source"]["item"],
        serde_json::json!({"index": 2, "id": null})
    );
    assert_eq!(r["title"], "Story 3");
    let done = ws.out().join("done/export.json");
    assert!(wait_for(T, || done.exists()), "{}", d.log_text());
    assert_eq!(std::fs::read_to_string(&done).expect("done"), text);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));

    // Named on the command line: the same records, one line per item.
    let out = run_ok(&["extract", done.to_str().expect("utf-8")], &[]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["title"], "Story 2");
    assert_eq!(lines[2]["id"], r["id"]);
    assert_eq!(lines[2]["source"]["item"], r["source"]["item"]);
}

#[test]
fn reprocess_renews_the_records_of_an_older_extractor_version() {
    let ws = Workspace::new();
    std::fs::write(ws.watch().join("a.txt"), article(1)).expect("write");
    std::fs::write(ws.watch().join("b.txt"), article(2)).expect("write");
    let (watch, out) = (ws.watch(), ws.out());
    let (watch, out) = (watch.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    run_ok(&["process", "--out", out, watch], &[]);
    let hash_a = wirewatch::identity::content_hash(article(1).as_bytes());
    // Simulate an upgrade: a.txt's record was made by an older version, and
    // says so in its content.
    {
        let ledger =
            wirewatch::sink::ledger::Ledger::open(&ws.out().join("ledger.redb")).expect("ledger");
        let current = ledger
            .version(&hash_a)
            .expect("read")
            .expect("version kept");
        assert_eq!(current, wirewatch::record::extractor_version());
        ledger
            .set_version(&hash_a, "wirewatch 0.0.1; schema 1; model old")
            .expect("set");
    }
    let mut old = ws.record("a.txt").expect("record");
    old["title"] = "Made by the old extractor".into();
    std::fs::write(ws.record_path("a.txt"), old.to_string()).expect("write");

    // The daemon says how many records are older, and re-reads nothing.
    let d = Daemon::start(&ws, &[]);
    assert!(
        wait_for(T, || d
            .log_text()
            .contains("records made by an older extractor version")),
        "{}",
        d.log_text()
    );
    let line = d
        .log_text()
        .lines()
        .find(|l| l.contains("older extractor version"))
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .expect("line");
    assert_eq!(line["older"], 1);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
    assert_eq!(
        ws.record("a.txt").expect("record")["title"],
        "Made by the old extractor"
    );

    let env = [("WIREWATCH_WATCH_DIR", watch)];
    let summary = run_ok(&["reprocess", "--out", out], &env);
    assert!(
        summary.starts_with("2 records: 1 re-extracted, 1 already current, 0 without their source"),
        "{summary}"
    );
    assert_eq!(
        ws.record("a.txt").expect("record")["title"],
        "Headline number 1"
    );
    assert!(!list_files(&ws.out()).iter().any(|f| f.contains(".wwtmp")));
    // Now everything is current; --all renews every record anyway.
    let summary = run_ok(&["reprocess", "--out", out], &env);
    assert!(
        summary.starts_with("2 records: 0 re-extracted, 2 already current"),
        "{summary}"
    );
    let summary = run_ok(&["reprocess", "--all", "--out", out, "b.txt"], &env);
    assert!(
        summary.starts_with("1 records: 1 re-extracted, 0 already current"),
        "{summary}"
    );
    // A source that changed since is left to the daemon (a new revision).
    std::fs::write(ws.watch().join("a.txt"), article(3)).expect("write");
    let summary = run_ok(&["reprocess", "--all", "--out", out], &env);
    assert!(summary.contains("1 changed since"), "{summary}");
}

#[test]
fn reprocess_renews_feed_items_from_their_feed() {
    let ws = Workspace::new();
    let lines = [
        feed_line("a-1", 1, "2024-03-07"),
        feed_line("a-2", 2, "2024-03-08"),
        feed_line("a-3", 3, "2024-03-09"),
    ];
    std::fs::write(ws.watch().join("wire.jsonl"), lines.join("\n") + "\n").expect("write");
    let (watch, out) = (ws.watch(), ws.out());
    let (watch, out) = (watch.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    // With a JSON Lines sink, which renewed records are appended to as well.
    let lines_path = ws.out().join("records.jsonl");
    let lines_file = lines_path.to_str().expect("utf-8");
    run_ok(
        &["process", "--out", out, watch],
        &[("WIREWATCH_OUTPUT_JSONL", lines_file)],
    );
    let fresh = ws.record("wire.jsonl#a-1").expect("record");
    let jsonl_lines = || -> Vec<serde_json::Value> {
        std::fs::read_to_string(&lines_path)
            .expect("jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    };
    assert_eq!(jsonl_lines().len(), 3);

    // Every item's record made by an older version, one of them visibly.
    {
        let ledger =
            wirewatch::sink::ledger::Ledger::open(&ws.out().join("ledger.redb")).expect("ledger");
        for n in 1..=3 {
            // An item's identity is that of its text, headline first.
            let text = format!(
                "Headline number {n}\n\nThe council met on Tuesday to discuss item {n}. \
                 Members agreed to continue the talks next week.\n"
            );
            let hash = wirewatch::identity::content_hash(text.as_bytes());
            assert!(ledger.version(&hash).expect("read").is_some(), "{text}");
            ledger
                .set_version(&hash, "wirewatch 0.0.1; schema 1; model old")
                .expect("set");
        }
    }
    let mut old = fresh.clone();
    old["title"] = "Made by the old extractor".into();
    old["source"]["item"] = serde_json::Value::Null;
    std::fs::write(ws.record_path("wire.jsonl#a-1"), old.to_string()).expect("write");
    // The third item now says something else in the feed: left to the daemon.
    let edited = [
        lines[0].clone(),
        lines[1].clone(),
        feed_line("a-3", 33, "2024-03-09"),
    ];
    std::fs::write(ws.watch().join("wire.jsonl"), edited.join("\n") + "\n").expect("write");

    let env = [
        ("WIREWATCH_WATCH_DIR", watch),
        ("WIREWATCH_OUTPUT_JSONL", lines_file),
    ];
    let summary = run_ok(&["reprocess", "--out", out], &env);
    assert!(
        summary.starts_with(
            "3 records: 2 re-extracted, 0 already current, 0 without their source, 1 changed since"
        ),
        "{summary}"
    );
    let renewed = ws.record("wire.jsonl#a-1").expect("record");
    // The same record but for when it was made and the feed's new mtime.
    let same = |v: &serde_json::Value| {
        let mut v = v.clone();
        v["source"]["ingested_at"] = serde_json::Value::Null;
        v["source"]["modified_at"] = serde_json::Value::Null;
        v
    };
    assert_eq!(same(&renewed), same(&fresh));
    assert_eq!(
        renewed["source"]["item"],
        serde_json::json!({"index": 0, "id": "a-1"})
    );
    assert_eq!(renewed["published"]["date"], "2024-03-07");
    let appended = jsonl_lines();
    assert_eq!(appended.len(), 5);
    assert!(appended[3..].iter().any(|l| same(l) == same(&renewed)));
}

#[test]
fn a_backfill_larger_than_a_batch_is_taken_in_batches_and_nothing_is_missed() {
    let ws = Workspace::new();
    let n = 230;
    for i in 0..n {
        std::fs::write(ws.watch().join(format!("f{i:04}.txt")), article(i)).expect("write");
    }
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_BACKFILL_BATCH", "50")]);
    d.expect_ok(n, Duration::from_secs(120));
    assert_eq!(ws.records().len(), n);
    assert!(
        d.metric(r#"wirewatch_rescans_total{reason="backfill"}"#)
            .unwrap_or(0.0)
            >= 4.0,
        "{}",
        d.log_text()
    );
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
    // A restart reads nothing again.
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_BACKFILL_BATCH", "50")]);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        d.metric(r#"wirewatch_files_detected_total{how="scan"}"#),
        Some(0.0)
    );
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
