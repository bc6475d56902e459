//! Crash safety: articles keep arriving while the daemon is killed with
//! SIGKILL at random moments and restarted. At the end every source has
//! exactly one whole record, no temp file is left, and the ledger agrees with
//! the records folder.
//!
//! CI runs a small count; `scripts/crash-test.sh` runs the large one
//! (`CRASH_FILES=1000 CRASH_KILLS=100`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::*;
use proptest::prelude::RngExt as _;
use proptest::test_runner::{RngAlgorithm, TestRng};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn sigkill_at_random_moments_loses_and_doubles_nothing() {
    let files = env_usize("CRASH_FILES", 300);
    let kills = env_usize("CRASH_KILLS", 8);
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64 | 1)
                .unwrap_or(7)
        });
    eprintln!("crash test: {files} files, {kills} kills, CRASH_SEED={seed}");
    // Reproducible "random" kill moments from the printed seed.
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let ws = Workspace::new();
    let env = [
        ("WIREWATCH_WATCH_SETTLE_MS", "30"),
        ("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "2"),
    ];

    // The feeder drops articles one at a time, as a scraper would.
    let done_feeding = Arc::new(AtomicBool::new(false));
    let feeder = {
        let dir = ws.watch();
        let done = done_feeding.clone();
        let pause_us = 200_000 * kills as u64 / files.max(1) as u64 + 200;
        std::thread::spawn(move || {
            for i in 0..files {
                drop_file(&dir, &format!("a{i:05}.txt"), article(i).as_bytes());
                std::thread::sleep(Duration::from_micros(pause_us));
            }
            done.store(true, Ordering::SeqCst);
        })
    };

    let mut survived = 0;
    for _ in 0..kills {
        let d = Daemon::start(&ws, &env);
        std::thread::sleep(Duration::from_millis(rng.random_range(5..250)));
        d.signal(libc::SIGKILL);
        drop(d); // reaps the killed process
        survived += 1;
    }
    feeder.join().expect("feeder");
    assert!(done_feeding.load(Ordering::SeqCst));

    // A last, clean run finishes everything.
    let d = Daemon::start(&ws, &env);
    let deadline = Instant::now() + Duration::from_secs(120);
    while ws.records().len() < files && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the last group commit settle before stopping.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        d.stop(Duration::from_secs(20)).map(|s| s.success()),
        Some(true)
    );

    // Every source has exactly one whole record of its own content.
    let records = ws.records();
    let mut lost = 0;
    for i in 0..files {
        let rel = format!("a{i:05}.txt");
        let Some(r) = ws.record(&rel) else {
            lost += 1;
            continue;
        };
        let source = std::fs::read(ws.watch().join(&rel)).expect("source");
        assert_eq!(
            r["source"]["content_hash"].as_str(),
            Some(wirewatch::identity::content_hash(&source).as_str()),
            "{rel}"
        );
        assert_eq!(r["source"]["revision"], 1, "{rel} processed twice");
    }
    let duplicated = records.len().saturating_sub(files - lost);
    eprintln!("kills survived: {survived}, files: {files}, lost: {lost}, duplicated: {duplicated}");
    assert_eq!(lost, 0, "lost records");
    assert_eq!(duplicated, 0, "extra records: {records:?}");

    // No temp file anywhere in the output.
    let leftovers: Vec<String> = list_files(&ws.out())
        .into_iter()
        .filter(|f| f.contains(".wwtmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");

    // The ledger agrees with the records folder.
    let ledger =
        wirewatch::sink::ledger::Ledger::open(&ws.out().join("ledger.redb")).expect("ledger");
    let paths: HashMap<String, _> = ledger
        .paths()
        .expect("paths")
        .into_iter()
        .map(|(k, v)| (String::from_utf8_lossy(&k).into_owned(), v))
        .collect();
    assert_eq!(paths.len(), files);
    for i in 0..files {
        let rel = format!("a{i:05}.txt");
        let entry = &paths[&rel];
        let r = ws.record(&rel).expect("record");
        assert_eq!(
            entry.content_hash.as_deref(),
            r["source"]["content_hash"].as_str(),
            "{rel}"
        );
        assert_eq!(entry.outcome, "ok", "{rel}");
        let hash = entry.content_hash.clone().expect("hash");
        let content = ledger.content(&hash).expect("read").expect("content entry");
        assert_eq!(content.record, format!("{rel}.json"));
    }
}
