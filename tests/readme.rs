//! The README runs as written: every `cargo run --release -- …` command in
//! its shell blocks is run against the real binary (in a temp folder holding
//! what the commands name), with the file commands between them (`mkdir`,
//! `cp`, `cat`), a daemon started by `run` kept up until its block ends; and
//! the sample record it shows is what the binary prints for the sample
//! article, ingest time and file time aside. Commands that need other
//! programs or privileges (`cargo test`, `docker`, `systemctl`, `cd deploy`)
//! are listed and skipped.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

const CARGO_RUN: &str = "cargo run --release -- ";

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The fenced blocks of `lang` in `text`, in order.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim_start().strip_prefix("```")) {
            (None, Some(tag)) if tag.trim() == lang => current = Some(String::new()),
            (Some(block), Some(_)) => {
                out.push(std::mem::take(block));
                current = None;
            }
            (Some(block), None) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// A command line without its trailing `# comment`.
fn words(line: &str) -> Vec<String> {
    let line = line.split(" #").next().unwrap_or(line);
    line.split_whitespace().map(str::to_string).collect()
}

/// A folder with what the README's commands name: the samples and seeds.
fn sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["seeds", "docs/sample"] {
        let to = dir.path().join(sub);
        std::fs::create_dir_all(&to).expect("mkdir");
        for e in std::fs::read_dir(root().join(sub)).expect("read_dir") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
    dir
}

/// Runs `wirewatch ARGS` in `cwd` to completion, which must succeed.
fn wirewatch(cwd: &Path, args: &[String], port: u16) -> String {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("WIREWATCH_METRICS_ADDR", format!("127.0.0.1:{port}"))
        .env_remove("RUST_LOG")
        .output()
        .expect("run wirewatch");
    assert!(
        o.status.success(),
        "wirewatch {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Starts the daemon the README's `run` line starts, and waits until ready.
fn daemon(cwd: &Path, args: &[String], port: u16) -> Daemon {
    let log = cwd.join(format!("daemon-{port}.log"));
    let child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("WIREWATCH_METRICS_ADDR", format!("127.0.0.1:{port}"))
        .env("WIREWATCH_WATCH_SETTLE_MS", "50")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("spawn wirewatch");
    let d = Daemon { child, port, log };
    assert!(
        wait_for(Duration::from_secs(30), || d
            .get("/readyz")
            .is_some_and(|(s, _)| s == 200)),
        "wirewatch {} not ready:\n{}",
        args.join(" "),
        d.log_text()
    );
    d
}

#[test]
fn every_readme_command_runs_as_written() {
    let dir = sandbox();
    let cwd = dir.path();
    let (mut ran, mut skipped) = (Vec::new(), Vec::new());
    // A daemon started by `run` stays up for the blocks after it (files
    // are dropped into its folder), until the next wirewatch command.
    let mut running: Option<Daemon> = None;
    let stop = |d: Option<Daemon>| {
        if let Some(d) = d {
            let log = d.log_text();
            assert_eq!(
                d.stop(Duration::from_secs(20)).map(|s| s.success()),
                Some(true),
                "{log}"
            );
        }
    };
    for block in blocks(&readme(), "sh") {
        let elsewhere = block.lines().any(|l| {
            let w = words(l);
            ["cd", "docker", "sudo", "systemctl"].contains(&w.first().map_or("", String::as_str))
        });
        if elsewhere {
            skipped.extend(block.lines().map(str::to_string));
            continue;
        }
        for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let w = words(line);
            if let Some(rest) = line.strip_prefix(CARGO_RUN) {
                let args = words(rest);
                let port = free_port();
                stop(running.take());
                if args.first().map(String::as_str) == Some("run") {
                    running = Some(daemon(cwd, &args, port));
                } else {
                    wirewatch(cwd, &args, port);
                }
                ran.push(line.to_string());
            } else if w[0] == "mkdir" || w[0] == "cp" {
                let ok = Command::new(&w[0])
                    .args(&w[1..])
                    .current_dir(cwd)
                    .status()
                    .expect(line);
                assert!(ok.success(), "{line}");
                ran.push(line.to_string());
            } else if w[0] == "cat" {
                // A record appears once its file has settled.
                let file: PathBuf = cwd.join(&w[1]);
                assert!(
                    wait_for(Duration::from_secs(30), || file.exists()),
                    "{line}: no {}",
                    file.display()
                );
                let text = std::fs::read_to_string(&file).expect(line);
                serde_json::from_str::<serde_json::Value>(&text).expect("a record");
                ran.push(line.to_string());
            } else {
                skipped.push(line.to_string());
            }
        }
    }
    stop(running.take());
    eprintln!("ran {} README commands; skipped: {skipped:#?}", ran.len());
    for needed in [
        "run --watch inbox",
        "process seeds",
        "extract docs/sample/port-strike.txt",
        "cp docs/sample",
    ] {
        assert!(
            ran.iter().any(|l| l.contains(needed)),
            "the README no longer shows `{needed}`: {ran:#?}"
        );
    }
}

/// The record without the two fields that differ between runs.
fn stable(mut record: serde_json::Value) -> serde_json::Value {
    let source = record["source"].as_object_mut().expect("source");
    source.remove("ingested_at");
    source.remove("modified_at");
    record
}

#[test]
fn readme_sample_record_is_what_the_binary_prints() {
    let text = readme();
    let section = text
        .split("\n## A record")
        .nth(1)
        .expect("a `## A record` section");
    let shown = blocks(section, "json")
        .into_iter()
        .next()
        .expect("a json block");
    let shown: serde_json::Value = serde_json::from_str(&shown).expect("the sample is JSON");
    let printed = run_ok(
        &[
            "extract",
            root()
                .join("docs/sample/port-strike.txt")
                .to_str()
                .expect("utf8"),
        ],
        &[],
    );
    let mut printed: serde_json::Value = serde_json::from_str(&printed).expect("json");
    // The README shows the path as given on its command line.
    printed["source"]["path"] = shown["source"]["path"].clone();
    assert_eq!(
        stable(shown),
        stable(printed.clone()),
        "the README's sample record is out of date; the binary prints:\n{}",
        serde_json::to_string_pretty(&printed).expect("json")
    );
}
