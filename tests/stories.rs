//! `wirewatch stories --records DIR`: the real binary processes a folder of
//! articles (two tell one story, one is a lightly edited copy of another,
//! the rest are other news and template pages), then groups the records
//! and prints the stories as JSON. Then the same from the index, in SQLite
//! and in PostgreSQL: the stories placed as articles are indexed, stable
//! across a later run and `index rebuild`, and served over HTTP.
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

/// The example queries of docs/index.md that need an index holding copies
/// (the others run in tests/index.rs).
fn copies_queries() -> Vec<String> {
    let general = common::index::doc_queries("none");
    let queries: Vec<String> = common::index::doc_queries("copies")
        .into_iter()
        .filter(|q| !general.contains(q))
        .collect();
    assert!(!queries.is_empty());
    queries
}

/// Story id → its articles' paths, in order.
fn membership(v: &Value) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = v["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| {
            let paths = s["articles"]
                .as_array()
                .expect("articles")
                .iter()
                .map(|a| a["path"].as_str().expect("path").to_string())
                .collect();
            (s["id"].as_str().expect("id").to_string(), paths)
        })
        .collect();
    out.sort();
    out
}

/// The index places each article in a story as it indexes it: the same
/// stories as grouping the records folder, a copy noted, and neither a
/// later run (a restart) nor `index rebuild` renumbers or regroups them.
fn stories_in_the_index(index_url: Option<&str>) -> (common::Workspace, Value) {
    let ws = common::Workspace::new();
    let watch = ws.watch();
    std::fs::create_dir_all(&watch).expect("watch dir");
    std::fs::write(watch.join("a-wire.txt"), near_dup("wire.txt")).expect("write");
    std::fs::write(watch.join("b-edited.txt"), near_dup("wire-edited.txt")).expect("write");
    std::fs::write(watch.join("c-follow.txt"), FOLLOW_UP).expect("write");
    std::fs::write(watch.join("d-lanes.txt"), near_dup("other-news.txt")).expect("write");
    let out = ws.out();
    let env = [
        ("WIREWATCH_METRICS_ENABLED", "false"),
        ("RUST_LOG", "error"),
        ("WIREWATCH_PIPELINE_WORKERS", "1"),
    ];
    let with_index = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        all.insert(1, "--out".into());
        all.insert(2, out.to_str().expect("utf8").into());
        if let Some(url) = index_url {
            all.insert(3, "--index-url".into());
            all.insert(4, url.into());
        }
        all
    };
    let process = || {
        let args = with_index(&["process", watch.to_str().expect("utf8")]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        common::run_ok(&args, &env);
    };
    let from_index = || -> Value {
        let args = with_index(&["stories", "--json"]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        serde_json::from_str(&common::run_ok(&args, &env)).expect("json")
    };
    process();
    let first = from_index();
    let records = out.join("records");
    let grouped: Value = serde_json::from_str(&common::run_ok(
        &[
            "stories",
            "--records",
            records.to_str().expect("utf8"),
            "--json",
        ],
        &env,
    ))
    .expect("json");
    assert_eq!(membership(&first), membership(&grouped), "{first}");
    let articles: Vec<&Value> = first["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .flat_map(|s| s["articles"].as_array().expect("articles"))
        .collect();
    let copies: Vec<&&Value> = articles
        .iter()
        .filter(|a| a.get("near_duplicate_of").is_some())
        .collect();
    assert_eq!(copies.len(), 1, "{first}");
    assert!(
        articles
            .iter()
            .any(|a| a["id"] == copies[0]["near_duplicate_of"]),
        "the original is indexed: {first}"
    );

    // A later run adds articles; the stories so far keep their ids and
    // articles.
    for n in 1..=3 {
        let name = format!("weather-2024-03-0{n}.txt");
        std::fs::write(watch.join(&name), near_dup(&name)).expect("write");
    }
    process();
    let later = from_index();
    let later_members = membership(&later);
    for (id, paths) in membership(&first) {
        let now = later_members
            .iter()
            .find(|(i, _)| *i == id)
            .unwrap_or_else(|| panic!("story {id} gone: {later}"));
        assert_eq!(now.1[..paths.len()], paths[..], "{later}");
    }
    assert!(later_members.len() > membership(&first).len(), "{later}");

    // A rebuild changes nothing.
    let args = with_index(&["index", "rebuild"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    common::run_ok(&args, &env);
    assert_eq!(from_index(), later);
    (ws, later)
}

#[test]
fn stories_in_the_sqlite_index_and_over_http() {
    let (ws, stories) = stories_in_the_index(None);
    // The documented query for copies returns rows.
    let conn = rusqlite::Connection::open(ws.out().join("index.sqlite")).expect("index");
    for q in copies_queries() {
        let mut stmt = conn.prepare(&q).expect("query");
        let n = stmt.query_map([], |_| Ok(())).expect("rows").count();
        assert!(n > 0, "no rows from:\n{q}");
    }
    // The daemon serves the same stories.
    let d = common::Daemon::start(&ws, &[]);
    let get = |path: &str| -> (u16, Value) {
        let (status, body) = d.get(path).expect("answer");
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    };
    let (status, listed) = get("/api/stories?limit=1000");
    assert_eq!(status, 200, "{listed}");
    assert_eq!(membership(&listed), membership(&stories));
    let story = &stories["stories"][0];
    let id = story["id"].as_str().expect("id");
    let (status, one) = get(&format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    assert_eq!(&one, story);
    let (status, _) = get("/api/stories/s-0000000000000000");
    assert_eq!(status, 404);
    let (status, _) = get("/api/stories?since=soon");
    assert_eq!(status, 400);
    let article = story["articles"][0]["id"].as_str().expect("article id");
    let (status, a) = get(&format!("/api/articles/{article}"));
    assert_eq!(status, 200);
    assert_eq!(a["story"]["id"], story["id"], "{a}");
    assert_eq!(a["story"]["label"], story["label"], "{a}");
    d.stop(std::time::Duration::from_secs(30));
}

#[test]
fn stories_in_postgresql() {
    let Some(admin) = common::index::postgres_or_skip("stories_in_postgresql") else {
        return;
    };
    let db = common::index::TestDatabase::create(&admin, "stories");
    let (_ws, stories) = stories_in_the_index(Some(&db.url));
    assert!(!stories["stories"].as_array().expect("stories").is_empty());
    let mut c = db.client();
    for q in copies_queries() {
        assert!(
            !common::index::pg_rows(&mut c, &q).is_empty(),
            "no rows from:\n{q}"
        );
    }
}
