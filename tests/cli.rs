//! The subcommands other than `run`: real binary, temp folders.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the binary, which must refuse with exit status 2; returns what it
/// wrote to standard error.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = run(args, env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    err
}

/// `wirewatch process` over the workspace's watch folder, records to its
/// output folder, with `extra` arguments after.
fn process_workspace(ws: &Workspace, extra: &[&str]) -> std::process::Output {
    let (watch, out) = (ws.watch(), ws.out());
    let mut args = vec![
        "process",
        watch.to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
    ];
    args.extend_from_slice(extra);
    run(&args, &[])
}

/// Writes `lines` to `input`, runs `extract --jsonl --keep-going` on it
/// (which must succeed) and returns its output lines as JSON.
fn extract_jsonl(input: &std::path::Path, lines: &[String]) -> Vec<serde_json::Value> {
    std::fs::write(input, lines.join("\n") + "\n").expect("write");
    let o = run(
        &[
            "extract",
            "--jsonl",
            "--keep-going",
            input.to_str().expect("utf8"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

#[test]
fn process_writes_records_then_reruns_as_unchanged() {
    let ws = Workspace::new();
    ws.copy_seeds();
    let o = process_workspace(&ws, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary = stdout(&o);
    assert!(
        summary
            .starts_with("5 files: 5 ok, 0 duplicates, 0 unchanged, 0 changed while read, 0 quarantined, 0 failed; 0 ignored in "),
        "{summary}"
    );
    assert_eq!(ws.records().len(), 5);
    let o = process_workspace(&ws, &[]);
    assert!(
        stdout(&o).starts_with("5 files: 0 ok, 0 duplicates, 5 unchanged"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn record_without_ledger_entry_is_adopted_not_rewritten() {
    // The state a kill between the record's rename and the ledger commit leaves.
    let ws = Workspace::new();
    ws.copy_seeds();
    let json_logs = ["--log-format", "json"];
    assert!(process_workspace(&ws, &json_logs).status.success());
    let before = ws.record("000_514d5b9f2e0d4f46.txt").expect("record");
    std::fs::remove_file(ws.out().join("ledger.redb")).expect("rm ledger");
    let o = process_workspace(&ws, &json_logs);
    assert!(stdout(&o).starts_with("5 files: 5 ok"), "{}", stdout(&o));
    let adopted = stderr(&o)
        .lines()
        .filter(|l| l.contains("\"adopted\":true"))
        .count();
    assert_eq!(adopted, 5, "{}", stderr(&o));
    let after = ws.record("000_514d5b9f2e0d4f46.txt").expect("record");
    assert_eq!(
        before["source"]["ingested_at"],
        after["source"]["ingested_at"]
    );
}

#[test]
fn process_keeps_equal_names_of_several_roots_apart() {
    let ws = Workspace::new();
    let a = ws.dir.path().join("a");
    let b = ws.dir.path().join("b");
    std::fs::create_dir_all(&a).expect("mkdir");
    std::fs::create_dir_all(&b).expect("mkdir");
    std::fs::write(a.join("x.txt"), article(1)).expect("write");
    std::fs::write(b.join("x.txt"), article(2)).expect("write");
    let o = run(
        &[
            "process",
            a.to_str().expect("utf8"),
            b.to_str().expect("utf8"),
            "--out",
            ws.out().to_str().expect("utf8"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ws.records(), vec!["a/x.txt.json", "b/x.txt.json"]);
}

#[test]
fn extract_prints_one_record() {
    let seed = seeds_dir().join("004_7988de617d46664c.txt");
    let o = run(&["extract", seed.to_str().expect("utf8")], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(r["title"], "What Was Putin Doing in Tajikistan?");
    assert_eq!(r["source"]["format"], "markdown");
    assert_eq!(r["schema_version"], wirewatch::record::SCHEMA_VERSION);
}

#[test]
fn extract_reports_unreadable_input_clearly() {
    let ws = Workspace::new();
    let f = ws.watch().join("bin.txt");
    std::fs::write(&f, b"\0\0\0binary").expect("write");
    let err = refused(&["extract", f.to_str().expect("utf8")], &[]);
    assert!(err.contains("binary"), "{err}");
    let err = refused(&["extract", "/nonexistent/file.txt"], &[]);
    assert!(err.contains("/nonexistent/file.txt"), "{err}");
}

#[test]
fn extract_jsonl_keeps_input_order_and_reports_bad_lines() {
    let ws = Workspace::new();
    let input = ws.dir.path().join("in.jsonl");
    let mut lines = Vec::new();
    for i in 0..600 {
        lines.push(serde_json::json!({"id": format!("doc-{i}"), "text": article(i)}).to_string());
    }
    lines[3] = "not json".to_string();
    lines[5] =
        serde_json::json!({"id": "d", "text": "x", "reference_date": "30/06/2022"}).to_string();
    lines[7] = serde_json::json!({"id": "md", "text": "# T\n\nBody [l](https://x.test).", "format": "markdown", "reference_date": "2022-06-30"}).to_string();
    let out = extract_jsonl(&input, &lines);
    assert_eq!(out.len(), 600);
    for (i, v) in out.iter().enumerate() {
        match i {
            3 => assert!(
                v["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("invalid line")),
                "{v}"
            ),
            5 => assert!(
                v["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("reference_date")),
                "{v}"
            ),
            7 => {
                assert_eq!(v["title"], "T");
                assert_eq!(v["links"][0]["url"], "https://x.test");
            }
            _ => {
                assert_eq!(v["source"]["item"]["id"], format!("doc-{i}"));
                assert_eq!(v["source"]["item"]["index"], i);
                assert_eq!(v["source"]["path"], input.to_str().expect("utf8"));
            }
        }
    }
    // Without --keep-going, a failed line fails the run (after every line).
    let o = run(&["extract", "--jsonl", input.to_str().expect("utf8")], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 600);
}

#[test]
fn extract_jsonl_reads_relative_dates_against_each_lines_reference_date() {
    let ws = Workspace::new();
    let input = ws.dir.path().join("in.jsonl");
    let text =
        "Talks failed last year.\n\nThey resume on Tuesday and end on October 8, in two weeks.";
    let lines = [
        serde_json::json!({"id": "a", "text": text, "reference_date": "2025-11-20"}).to_string(),
        serde_json::json!({"id": "b", "text": text, "reference_date": "2019-10-02"}).to_string(),
        serde_json::json!({"id": "c", "text": "It opened on 30 June 2022 and closed last week."})
            .to_string(),
    ];
    let out = extract_jsonl(&input, &lines);
    let values = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["dates"]
            .as_array()
            .expect("dates")
            .iter()
            .map(|d| {
                let value = d["value"]
                    .as_str()
                    .or(d["start_date"].as_str())
                    .unwrap_or("")
                    .to_string();
                (d["text"].as_str().unwrap_or("").to_string(), value)
            })
            .collect()
    };
    assert_eq!(out[0]["published"]["from"], "reference_date");
    // The same four phrases in both lines, each read against its own reference.
    let phrases = |values: [&str; 4]| -> Vec<(String, String)> {
        ["last year", "Tuesday", "October 8", "in two weeks"]
            .into_iter()
            .zip(values)
            .map(|(text, value)| (text.into(), value.into()))
            .collect()
    };
    assert_eq!(
        values(&out[0]),
        phrases(["2024", "2025-11-18", "2025-10-08", "2025-12-04"])
    );
    assert_eq!(
        values(&out[1]),
        phrases(["2018", "2019-10-01", "2019-10-08", "2019-10-16"])
    );
    // No reference given: the text's own full date is the reference.
    assert_eq!(out[2]["published"]["from"], "text");
    assert_eq!(out[2]["published"]["date"], "2022-06-30");
    let last_week = &out[2]["dates"][1];
    assert_eq!(last_week["text"], "last week");
    assert_eq!(last_week["start_date"], "2022-06-20");
    assert_eq!(last_week["end_date"], "2022-06-26");
    assert_eq!(last_week["granularity"], "week");
}

#[test]
fn schema_matches_the_committed_file() {
    let o = run(&["schema"], &[]);
    assert!(o.status.success());
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/record.schema.json"),
    )
    .expect("schema/record.schema.json");
    assert_eq!(
        stdout(&o),
        committed,
        "run `wirewatch schema > schema/record.schema.json`"
    );
}

#[test]
fn check_config_shows_effective_values_and_names_bad_keys() {
    let o = run(
        &["check-config", "--workers", "3"],
        &[("WIREWATCH_WATCH_SETTLE_MS", "555")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("settle_ms = 555"), "{text}");
    assert!(text.contains("workers = 3"), "{text}");
    let err = refused(
        &["check-config"],
        &[("WIREWATCH_PIPELINE_QUEUE_CAPACITY", "0")],
    );
    assert!(err.contains("pipeline.queue_capacity"), "{err}");
    let ws = Workspace::new();
    let cfg = ws.dir.path().join("bad.toml");
    std::fs::write(&cfg, "[output]\non_success = \"shred\"\n").expect("write");
    let err = refused(
        &["check-config", "--config", cfg.to_str().expect("utf8")],
        &[],
    );
    assert!(err.contains("shred") && err.contains("bad.toml"), "{err}");
}

#[test]
fn a_duration_is_a_date_only_and_fields_say_what_they_mean() {
    let ws = Workspace::new();
    let f = ws.dir.path().join("strike.txt");
    std::fs::write(
        &f,
        "Dock workers ended a strike on Monday after 75 hours of talks in the port.\n\n\
         The union said the deal raises pay by 4 percent and runs for",
    )
    .expect("write");
    let o = run(&["extract", f.to_str().expect("utf8")], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "compact when not on a terminal");
    let r: serde_json::Value = serde_json::from_str(&out).expect("json");
    let texts = |list: &str| -> Vec<String> {
        r[list]
            .as_array()
            .expect(list)
            .iter()
            .map(|v| v["text"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert!(
        texts("dates").iter().any(|t| t.contains("75 hours")),
        "{:?}",
        texts("dates")
    );
    assert!(
        !texts("quantities").iter().any(|t| t.contains("75 hours")),
        "a duration is not also a quantity: {:?}",
        texts("quantities")
    );
    assert_eq!(r["schema_version"], 5);
    assert_eq!(r["text"]["ends_mid_sentence"], true);
    assert!(r["text"].get("truncated").is_none());
    for v in [
        &r["source"]["encoding_confidence"],
        &r["language"]["confidence"],
    ] {
        let x = v.as_f64().expect("a confidence");
        assert_eq!(x, (x * 1000.0).round() / 1000.0, "three decimals: {x}");
    }
    let o = run(&["extract", "--pretty", f.to_str().expect("utf8")], &[]);
    assert!(stdout(&o).lines().count() > 10, "--pretty indents");
}

#[test]
fn each_command_lists_only_its_own_flags_with_an_example() {
    let help = |cmd: &str| {
        let o = run(&[cmd, "--help"], &[]);
        assert!(o.status.success(), "{cmd}");
        stdout(&o)
    };
    // `--out` but not `--out-dir`: the flag ends where a name cannot go on.
    let has = |text: &str, flag: &str| {
        text.match_indices(&format!("--{flag}")).any(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
        })
    };
    let expect: &[(&str, &[&str], &[&str])] = &[
        (
            "run",
            &["config", "watch", "out", "workers", "metrics-addr"],
            &["nats"],
        ),
        (
            "ingest",
            &["config", "watch", "out", "metrics-addr", "nats"],
            &["workers"],
        ),
        (
            "work",
            &["config", "out", "workers", "metrics-addr", "nats"],
            &["watch"],
        ),
        (
            "process",
            &["config", "out", "workers"],
            &["watch", "nats", "metrics-addr"],
        ),
        (
            "reprocess",
            &["config", "watch", "out", "all"],
            &["nats", "workers"],
        ),
        (
            "extract",
            &["config", "jsonl", "keep-going", "format"],
            &["watch", "out", "nats"],
        ),
        (
            "schema",
            &[],
            &["config", "watch", "out", "workers", "nats", "metrics-addr"],
        ),
        (
            "check-config",
            &["config", "watch", "out", "workers", "nats"],
            &[],
        ),
    ];
    for (cmd, with, without) in expect {
        let text = help(cmd);
        for flag in *with {
            assert!(has(&text, flag), "{cmd} --help lacks --{flag}:\n{text}");
        }
        for flag in *without {
            assert!(!has(&text, flag), "{cmd} --help offers --{flag}:\n{text}");
        }
        for flag in ["quiet", "verbose", "log-level", "log-format"] {
            assert!(has(&text, flag), "{cmd} --help lacks the global --{flag}");
        }
        let example = text.split("Example:").nth(1).unwrap_or_default();
        assert!(
            example
                .trim_start()
                .starts_with(&format!("wirewatch {cmd}")),
            "{cmd}: no example\n{text}"
        );
    }
}

/// `check-config` refusing a setting; returns the message.
fn config_error(file: Option<&str>, env: &[(&str, &str)], flags: &[&str]) -> String {
    let ws = Workspace::new();
    let cfg = ws.dir.path().join("wirewatch.toml");
    let mut args = vec!["check-config".to_string()];
    if let Some(text) = file {
        std::fs::write(&cfg, text).expect("write");
        args.extend(["--config".into(), cfg.display().to_string()]);
    }
    args.extend(flags.iter().map(|f| f.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = refused(&args, env);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn config_errors_name_the_key_the_line_and_what_is_expected_in_words() {
    let err = config_error(Some("# workers\n[pipeline]\nworkers = -2\n"), &[], &[]);
    assert!(err.contains("`pipeline.workers`"), "{err}");
    assert!(err.contains("wirewatch.toml, line 3"), "{err}");
    assert!(
        err.contains("a whole number of threads, at most 1024"),
        "{err}"
    );
    assert!(!err.contains("usize"), "{err}");

    let err = config_error(Some("[watch]\n\nsettle_ms = \"fast\"\n"), &[], &[]);
    assert!(
        err.contains("`watch.settle_ms`") && err.contains("line 3"),
        "{err}"
    );
    assert!(
        err.contains("\"fast\"") && err.contains("a whole number of milliseconds"),
        "{err}"
    );
    assert!(!err.contains("u64"), "{err}");

    let err = config_error(Some("[metrics]\nenabled = \"yes\"\n"), &[], &[]);
    assert!(
        err.contains("`metrics.enabled`") && err.contains("true or false"),
        "{err}"
    );

    let err = config_error(Some("[watch]\nsettle = 5\n"), &[], &[]);
    assert!(
        err.contains("`watch.settle`") && err.contains("line 2"),
        "{err}"
    );
    assert!(
        err.contains("settle_ms"),
        "the known keys are listed: {err}"
    );

    let err = config_error(Some("[watch]\nsettle_ms = \n"), &[], &[]);
    assert!(
        err.contains("line 2") && err.contains("not valid TOML"),
        "{err}"
    );

    let err = config_error(None, &[("WIREWATCH_WATCH_SETTLE_MS", "abc")], &[]);
    assert!(err.contains("WIREWATCH_WATCH_SETTLE_MS"), "{err}");
    assert!(
        err.contains("`watch.settle_ms`") && !err.contains("TOML"),
        "{err}"
    );

    let err = config_error(None, &[], &["--metrics-addr", "nowhere"]);
    assert!(
        err.contains("`metrics.addr`") && err.contains("--metrics-addr"),
        "{err}"
    );
    assert!(err.contains("HOST:PORT"), "{err}");

    let err = config_error(None, &[], &["--log-level", "loud=="]);
    assert!(
        err.contains("`log.level`") && err.contains("--log-level"),
        "{err}"
    );
}

#[test]
fn host_names_resolve_in_addresses() {
    let o = run(&["check-config", "--metrics-addr", "localhost:9465"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("addr = \"localhost:9465\""),
        "{}",
        stdout(&o)
    );
    let o = run(
        &["check-config"],
        &[("WIREWATCH_METRICS_ADDR", "localhost:9465")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn no_error_message_repeats_itself() {
    let err = refused(
        &["check-config", "--config", "/nonexistent/wirewatch.toml"],
        &[],
    );
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    let err = refused(&["extract", "/nonexistent/a.txt"], &[]);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
}

#[test]
fn process_on_a_terminal_draws_a_bar_with_the_total_and_logs_articles_at_debug() {
    let ws = Workspace::new();
    ws.copy_seeds();
    // A problem is still logged under the bar (at warn).
    std::fs::write(ws.watch().join("empty.txt"), b"").expect("write");
    let command = format!(
        "{BIN} process {} --out {}",
        ws.watch().display(),
        ws.out().display()
    );
    // `script` runs the binary on a pseudo-terminal, as a person would.
    let o = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("RUST_LOG")
        .output()
        .expect("script (util-linux) runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let screen = stdout(&o);
    assert!(
        screen.contains("/6 files"),
        "a bar with the total: {screen}"
    );
    assert!(screen.contains("ETA"), "{screen}");
    assert!(
        !screen.contains("000_514d5b9f2e0d4f46"),
        "per-article lines are debug under a bar: {screen}"
    );
    assert!(
        screen.contains("empty.txt"),
        "problems are still logged: {screen}"
    );
    assert!(
        screen.contains(
            "6 files: 5 ok, 0 duplicates, 0 unchanged, 0 changed while read, 1 quarantined"
        ),
        "{screen}"
    );
    // -v brings the article lines back.
    let o = std::process::Command::new("script")
        .args(["-qec", &format!("{command} -v"), "/dev/null"])
        .env_remove("RUST_LOG")
        .output()
        .expect("script runs");
    let screen = stdout(&o);
    assert!(screen.contains("000_514d5b9f2e0d4f46"), "{screen}");
}

#[test]
fn quiet_logs_only_problems_and_a_restart_says_what_is_done() {
    let ws = Workspace::new();
    ws.copy_seeds();
    let o = process_workspace(&ws, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "-q: nothing went wrong, nothing logged");
    let o = process_workspace(&ws, &[]);
    assert!(
        stderr(&o).contains("already holds 5 finished files"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_has_help() {
    for cmd in ["run", "process", "extract", "check-config"] {
        let o = run(&[cmd, "--help"], &[]);
        assert!(o.status.success(), "{cmd}");
        assert!(stdout(&o).contains("--config"), "{cmd}: {}", stdout(&o));
    }
}
