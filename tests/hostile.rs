//! Hostile inputs, generated here (no binary blobs in the repository): each
//! file ends as a record or a quarantine entry with a reason, with no panic,
//! no hang and bounded memory, and the daemon stays healthy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(60);

/// What must become of a hostile file.
enum Expect {
    Record,
    Quarantine(&'static str),
}

fn total(d: &Daemon, outcome: &str) -> f64 {
    d.metric(&format!(
        r#"wirewatch_articles_total{{outcome="{outcome}"}}"#
    ))
    .unwrap_or(0.0)
}

fn hostile_corpus() -> Vec<(String, Vec<u8>, Expect)> {
    let text = "Officials said the agreement would be signed next week. ";
    let mut invalid_middle = text.repeat(20).into_bytes();
    invalid_middle.splice(300..300, [0xC3, 0x28, 0xFF, 0xFE, 0x80]);
    let utf16 = |bom: bool, le: bool| {
        let mut v = Vec::new();
        if bom {
            v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in format!("Title line\n{}", text.repeat(10)).encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    };
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252
        .encode("Café prices rose by €5 — “sharply”, traders said. The naïve forecast failed.\n");
    let (koi8, _, _) = encoding_rs::KOI8_R
        .encode("Заголовок\nПрезидент прибыл в столицу во вторник для переговоров о торговле и безопасности.\n");
    let deep_html = format!(
        "<html><body>{}<p>Deep text here.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let malformed_html = "<html><body><p>Unclosed <b>bold <i>and <p>para<table><tr><td>cell</div></span><<>>&&;; text</p>".repeat(2000);
    let deep_md = format!("{}Deep quote.\n", "> ".repeat(20_000));
    let nested_list: String = (0..5_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i % 200)))
        .collect();
    vec![
        record("invalid-utf8-middle.txt", invalid_middle),
        record("utf16le-bom.txt", utf16(true, true)),
        record("utf16be-bom.txt", utf16(true, false)),
        record("utf16le-nobom.txt", utf16(false, true)),
        record("cp1252.txt", cp1252.into_owned()),
        record("koi8r.txt", koi8.into_owned()),
        quarantined(
            "nul-laden.txt",
            (0..4096u32).map(|i| (i % 7) as u8).collect::<Vec<u8>>(),
            "binary",
        ),
        record("deep.html", deep_html),
        record("malformed.html", malformed_html),
        record("deep-quote.md", deep_md),
        record("nested-list.md", nested_list),
        record("digits.txt", "7".repeat(1 << 20)),
        record("ones.txt", "1,".repeat(1 << 19)),
        record("punctuation.txt", "!?.,;:-".repeat(150_000)),
        record("spaced-dots.txt", ". ".repeat(1 << 19)),
        quarantined("spaces.txt", " ".repeat(1 << 20), "empty"),
        record("long-line.txt", text.repeat(40_000)),
        // A megabyte of quotation marks of every kind, of "said", of
        // quotes and attributions: the quote finder stays linear.
        record("quote-marks.txt", "\"“”'‘’«»``''".repeat(1 << 16)),
        record("said.txt", "said ".repeat(1 << 18)),
        record(
            "quotes.txt",
            "“We will win,” she said. “Again.” He told reporters that it was over, according to aides. "
                .repeat(1 << 13),
        ),
    ]
}

/// A hostile file that must still become a record.
fn record(name: &str, bytes: impl Into<Vec<u8>>) -> (String, Vec<u8>, Expect) {
    (name.to_string(), bytes.into(), Expect::Record)
}

/// A hostile file that must be quarantined for `reason`.
fn quarantined(
    name: &str,
    bytes: impl Into<Vec<u8>>,
    reason: &'static str,
) -> (String, Vec<u8>, Expect) {
    (name.to_string(), bytes.into(), Expect::Quarantine(reason))
}

#[test]
fn hostile_files_end_as_records_or_reasons() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_MAX_FILE_BYTES", "8388608")]);
    let corpus = hostile_corpus();
    for (name, bytes, _) in &corpus {
        drop_file(&ws.watch(), name, bytes);
    }
    // Over the size limit: never read, so never held in memory.
    let big = ws.watch().join("fifty-mb-line.txt");
    std::fs::write(&big, "x".repeat(50 << 20)).expect("big file");
    // Zero bytes now, filled later: quarantined as empty, then a record of the content.
    drop_file(&ws.watch(), "filled-later.txt", b"");
    // A name with a newline and bytes that are not UTF-8.
    let odd = std::ffi::OsStr::from_bytes(b"odd\nname\xff\xfe.txt");
    std::fs::write(ws.watch().join(odd), article(1)).expect("odd name");

    let records = corpus
        .iter()
        .filter(|c| matches!(c.2, Expect::Record))
        .count() as f64
        + 1.0;
    let quarantines = corpus
        .iter()
        .filter(|c| matches!(c.2, Expect::Quarantine(_)))
        .count() as f64
        + 2.0;
    assert!(
        wait_for(T, || total(&d, "ok") >= records
            && total(&d, "quarantined") >= quarantines),
        "ok {} quarantined {}\n{}",
        total(&d, "ok"),
        total(&d, "quarantined"),
        d.log_text()
    );
    std::fs::write(ws.watch().join("filled-later.txt"), article(2)).expect("fill");
    d.expect_metric(
        r#"wirewatch_articles_total{outcome="ok"}"#,
        records + 1.0,
        T,
    );

    for (name, _, expect) in &corpus {
        match expect {
            Expect::Record => {
                let r = ws
                    .record(name)
                    .unwrap_or_else(|| panic!("no record for {name}"));
                check_offsets(&r, name);
            }
            Expect::Quarantine(reason) => {
                assert!(
                    ws.quarantined(reason)
                        .contains(&format!("{name}.reason.json")),
                    "{name}"
                );
            }
        }
    }
    assert!(
        ws.quarantined("too_large")
            .contains(&"fifty-mb-line.txt.reason.json".to_string())
    );
    assert!(
        ws.quarantined("empty")
            .contains(&"filled-later.txt.reason.json".to_string())
    );
    assert!(ws.record("filled-later.txt").is_some());
    let odd_record = ws
        .out()
        .join("records")
        .join(std::ffi::OsStr::from_bytes(b"odd\nname\xff\xfe.txt.json"));
    assert!(odd_record.exists(), "record of the odd name");
    // The texts that were readable came through.
    let r = ws.record("utf16le-nobom.txt").expect("utf16");
    assert_eq!(r["title"], "Title line");
    assert_eq!(ws.record("koi8r.txt").expect("koi8")["title"], "Заголовок");
    assert!(
        ws.record("cp1252.txt").expect("cp1252")["text"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("Café") && b.contains('€'))
    );
    assert!(
        ws.record("invalid-utf8-middle.txt").expect("r")["text"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("agreement would be signed"))
    );
    let deep = ws.record("deep.html").expect("deep");
    assert!(
        deep["text"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("Deep text here."))
    );

    assert_eq!(d.get("/healthz").map(|(s, _)| s), Some(200));
    assert_eq!(d.get("/readyz").map(|(s, _)| s), Some(200));
    assert_eq!(total(&d, "failed"), 0.0);
    let rss = d.metric("process_resident_memory_bytes").unwrap_or(0.0);
    eprintln!(
        "resident memory after the hostile corpus: {:.1} MiB",
        rss / 1048576.0
    );
    assert!(rss < 512.0 * 1048576.0, "resident memory {rss}");
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

/// Every offset in a record lies within the body.
fn check_offsets(r: &serde_json::Value, name: &str) {
    let chars = r["text"]["body"].as_str().map_or(0, |b| b.chars().count()) as u64;
    for key in ["paragraphs", "sentences"] {
        for span in r["text"][key].as_array().into_iter().flatten() {
            let (s, e) = (
                span[0].as_u64().unwrap_or(u64::MAX),
                span[1].as_u64().unwrap_or(u64::MAX),
            );
            assert!(s <= e && e <= chars, "{name}: {key} {s}..{e} of {chars}");
        }
    }
    for link in r["links"].as_array().into_iter().flatten() {
        let e = link["end"].as_u64().unwrap_or(u64::MAX);
        assert!(e <= chars, "{name}: link end {e} of {chars}");
    }
    for q in r["quotes"].as_array().into_iter().flatten() {
        for part in [q, &q["speaker"], &q["cue"]] {
            if part.is_null() {
                continue;
            }
            let (s, e) = (
                part["start"].as_u64().unwrap_or(u64::MAX),
                part["end"].as_u64().unwrap_or(u64::MAX),
            );
            assert!(
                s <= e && e <= chars,
                "{name}: quote part {s}..{e} of {chars}"
            );
        }
    }
}

#[test]
fn ten_thousand_files_at_once_are_all_processed() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "5")]);
    let n = 10_000;
    let staging = ws.dir.path().join("staging");
    std::fs::create_dir_all(&staging).expect("staging");
    for i in 0..n {
        std::fs::write(
            staging.join(format!("b{i:05}.txt")),
            format!("Item {i}\nShort article number {i}.\n"),
        )
        .expect("write");
    }
    // All at once: one rename of a whole folder into the watched one.
    std::fs::rename(&staging, ws.watch().join("batch")).expect("rename");
    d.expect_ok(n, Duration::from_secs(240));
    assert_eq!(ws.records().len(), n);
    assert_eq!(d.get("/healthz").map(|(s, _)| s), Some(200));
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

#[test]
fn a_flood_of_events_overflows_into_a_rescan_and_nothing_is_missed() {
    let ws = Workspace::new();
    // One worker and a short queue: the detector soon waits on a full
    // queue while the events keep coming, as it does when a flood meets a
    // busy machine, so the hint channel overflows however quick the build.
    let d = Daemon::start(
        &ws,
        &[
            ("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "600"),
            ("WIREWATCH_WATCH_SETTLE_MS", "1"),
            ("WIREWATCH_PIPELINE_WORKERS", "1"),
            ("WIREWATCH_PIPELINE_QUEUE_CAPACITY", "2"),
        ],
    );
    let n = 12_000;
    for i in 0..n {
        std::fs::write(
            ws.watch().join(format!("c{i:05}.txt")),
            format!("Item {i}\nFlood article number {i}.\n"),
        )
        .expect("write");
    }
    d.expect_ok(n, Duration::from_secs(240));
    assert_eq!(ws.records().len(), n);
    // Far more events than the hint channel holds while the queue is full:
    // hints were dropped and a rescan found what they would have said.
    let overflow = d
        .metric(r#"wirewatch_rescans_total{reason="overflow"}"#)
        .unwrap_or(0.0)
        + d.metric(r#"wirewatch_rescans_total{reason="watcher_rescan"}"#)
            .unwrap_or(0.0);
    eprintln!("rescans after overflow: {overflow}");
    assert!(overflow >= 1.0, "no overflow rescan happened");
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
