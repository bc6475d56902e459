//! `wirewatch stories --records DIR`: the real binary processes a folder of
//! articles (two tell one story, one is a lightly edited copy of another,
//! the rest are other news and template pages), then groups the records
//! and prints the stories as JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::path::Path;

use serde_json::Value;

fn near_dup(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/near-duplicates")
            .join(name),
    )
    .expect("test file")
}

/// The same event as `wire.txt`, told by another outlet in other words.
const FOLLOW_UP: &str = "Ships leave anchorage as port strike ends\n\n\
    Container ships began moving into the northern port on Friday, a day after dock \
    workers ended their nine-day strike. Ana Ferreira, the union's regional secretary, \
    said members had returned to the cranes overnight. Tomas Berg, chief executive of the \
    port authority, said the backlog of more than 40 ships would take ten days to clear, \
    and freight forwarders said storage charges would stay high until then.\n";

#[test]
fn stories_of_a_records_folder() {
    let ws = common::Workspace::new();
    let watch = ws.watch();
    std::fs::create_dir_all(&watch).expect("watch dir");
    std::fs::write(watch.join("a-wire.txt"), near_dup("wire.txt")).expect("write");
    std::fs::write(watch.join("b-edited.txt"), near_dup("wire-edited.txt")).expect("write");
    std::fs::write(watch.join("c-follow.txt"), FOLLOW_UP).expect("write");
    std::fs::write(watch.join("d-lanes.txt"), near_dup("other-news.txt")).expect("write");
    for n in 1..=3 {
        let name = format!("weather-2024-03-0{n}.txt");
        std::fs::write(watch.join(&name), near_dup(&name)).expect("write");
    }
    let env = [
        ("WIREWATCH_METRICS_ENABLED", "false"),
        ("RUST_LOG", "error"),
        ("WIREWATCH_PIPELINE_WORKERS", "1"),
    ];
    let out = ws.out();
    common::run_ok(
        &[
            "process",
            "--out",
            out.to_str().expect("utf8"),
            watch.to_str().expect("utf8"),
        ],
        &env,
    );
    let records = out.join("records");
    let run = || {
        common::run_ok(
            &[
                "stories",
                "--records",
                records.to_str().expect("utf8"),
                "--json",
            ],
            &env,
        )
    };
    let stdout = run();
    let v: Value = serde_json::from_str(&stdout).expect("json");
    let stories = v["stories"].as_array().expect("stories");
    let story_of = |path_part: &str| -> (usize, &Value) {
        for (i, s) in stories.iter().enumerate() {
            for a in s["articles"].as_array().expect("articles") {
                if a["path"].as_str().expect("path").contains(path_part) {
                    return (i, a);
                }
            }
        }
        panic!("{path_part} in no story:\n{stdout}")
    };
    let (wire, wire_a) = story_of("a-wire");
    let (edited, edited_a) = story_of("b-edited");
    let (follow, _) = story_of("c-follow");
    let (lanes, _) = story_of("d-lanes");
    assert_eq!(wire, edited, "{stdout}");
    assert_eq!(wire, follow, "{stdout}");
    assert_ne!(wire, lanes, "{stdout}");
    // Of the story and its copy, the one read later names the first
    // (stories list their articles in order of ingest); the first names none.
    let order: Vec<&str> = stories[wire]["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["path"].as_str().expect("path"))
        .collect();
    let wire_first = order.iter().position(|p| p.contains("a-wire"))
        < order.iter().position(|p| p.contains("b-edited"));
    let (original, copy) = if wire_first {
        (wire_a, edited_a)
    } else {
        (edited_a, wire_a)
    };
    assert_eq!(copy["near_duplicate_of"], original["id"], "{stdout}");
    assert!(original.get("near_duplicate_of").is_none(), "{stdout}");
    for s in stories {
        assert!(s["id"].as_str().expect("id").starts_with("s-"));
        assert!(!s["label"].as_str().expect("label").is_empty(), "{s}");
        assert!(s["first"].as_str().expect("first") <= s["last"].as_str().expect("last"));
        for a in s["articles"].as_array().expect("articles") {
            if a["path"].as_str().expect("path").contains("weather") {
                assert!(a.get("near_duplicate_of").is_none(), "{stdout}");
            }
        }
    }
    // Same records, same order: same stories, same ids.
    assert_eq!(run(), stdout);
    // A day after every article keeps none; a bad date is a usage error.
    let later = common::run_ok(
        &[
            "stories",
            "--records",
            records.to_str().expect("utf8"),
            "--json",
            "--since",
            "2999-01-01",
        ],
        &env,
    );
    assert_eq!(
        serde_json::from_str::<Value>(&later).expect("json")["stories"],
        Value::Array(Vec::new())
    );
    let bad = common::run(
        &[
            "stories",
            "--records",
            records.to_str().expect("utf8"),
            "--since",
            "soon",
        ],
        &env,
    );
    assert!(!bad.status.success());
    let text = common::run_ok(
        &["stories", "--records", records.to_str().expect("utf8")],
        &env,
    );
    assert!(text.contains("stories"), "{text}");
    let missing = common::run(&["stories", "--records", "/nonexistent/records"], &env);
    assert_eq!(missing.status.code(), Some(2));
}
