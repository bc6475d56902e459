//! The index (SQLite, the default): the real binary over real files, the
//! index read back with SQLite. Counts equal the records, search finds what
//! it should, the documented example queries return rows, a kill -9 mid-run
//! then a restart leaves the index equal to the records, `index rebuild`
//! equals the live index, the daemon answers the JSON API, and a shutdown
//! leaves an index far behind at the drain's deadline for the next start.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::index::*;
use common::*;

fn index_path(ws: &Workspace) -> std::path::PathBuf {
    ws.out().join("index.sqlite")
}

fn open(ws: &Workspace) -> rusqlite::Connection {
    rusqlite::Connection::open(index_path(ws)).unwrap()
}

fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get_ref(i).map(|v| match v {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "BLOB".into(),
                })
            })
            .collect()
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

fn indexed_paths(ws: &Workspace) -> Vec<String> {
    rows(&open(ws), "SELECT path FROM articles ORDER BY path")
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

/// Everything the index holds that a rebuild must reproduce (not the keys
/// or the time rows were written).
fn dump(ws: &Workspace) -> Vec<Vec<String>> {
    let conn = open(ws);
    let mut out = rows(
        &conn,
        "SELECT path, id, title, published, published_from, dated, url, publisher, authors, language, \
         words, revision, ingested_at, format, content_hash, sentences, record_file, stamp FROM articles ORDER BY path",
    );
    for sql in [
        "SELECT a.path, e.entity, e.type, e.name, e.country, e.kind, e.lat, e.lon, e.mentions, e.roles FROM entities e JOIN articles a ON a.key = e.article ORDER BY 1, 2",
        "SELECT a.path, m.entity, m.n, m.text, m.char_start FROM mentions m JOIN articles a ON a.key = m.article ORDER BY 1, 2, 3",
        "SELECT a.path, f.n, f.kind, f.text, f.value, f.unit, f.qualifier, f.of_what, f.date, f.sentence_text FROM figures f JOIN articles a ON a.key = f.article ORDER BY 1, 2",
        "SELECT a.path, l.n, l.text, l.url FROM links l JOIN articles a ON a.key = l.article ORDER BY 1, 2",
        "SELECT a.path, q.n, q.kind, q.text, q.speaker, q.cue FROM quotes q JOIN articles a ON a.key = q.article ORDER BY 1, 2",
        "SELECT a.path, count(*) FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid WHERE articles_fts MATCH 'the' GROUP BY a.path ORDER BY 1",
        "SELECT key, id, measure, entity, kind, unit, period_start, agree, observations, articles, outliers FROM ledger_entries ORDER BY 1, 2",
        "SELECT a.path, o.key, o.entry, o.n, o.value, o.qualifier, o.outlier, o.text FROM ledger_observations o JOIN articles a ON a.key = o.article ORDER BY 1, 2, 3, 4",
    ] {
        out.push(vec![format!("-- {sql}")]);
        out.extend(rows(&conn, sql));
    }
    out
}

fn process(ws: &Workspace) -> String {
    run_ok(
        &[
            "process",
            "--out",
            ws.out().to_str().unwrap(),
            ws.watch().to_str().unwrap(),
        ],
        &[],
    )
}

fn cli(ws: &Workspace, args: &[&str]) -> std::process::Output {
    let out = ws.out();
    // The subcommand first: each takes its own flags.
    let mut all = args[..1].to_vec();
    all.extend(["--out", out.to_str().unwrap()]);
    all.extend_from_slice(&args[1..]);
    run(&all, &[])
}

#[test]
fn process_indexes_every_record_and_search_finds_it() {
    let ws = sample_workspace();
    process(&ws);
    let records = record_paths(&ws);
    assert_eq!(records.len(), 11);
    let indexed = indexed_paths(&ws);
    assert_eq!(indexed.iter().cloned().collect::<BTreeSet<_>>(), records);
    assert_eq!(indexed.len(), records.len(), "no article twice");

    // Each article's entities and figures are the record's.
    let conn = open(&ws);
    for rel in ws.records() {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(ws.out().join("records").join(&rel)).unwrap())
                .unwrap();
        let path = v["source"]["path"].as_str().unwrap();
        let count = |sql: &str| -> usize {
            conn.query_row(sql, [path], |r| r.get::<_, i64>(0)).unwrap() as usize
        };
        let len = |k: &str| v[k].as_array().map_or(0, Vec::len);
        assert_eq!(
            count(
                "SELECT count(*) FROM entities e JOIN articles a ON a.key = e.article WHERE a.path = ?1"
            ),
            len("entities"),
            "{path}"
        );
        assert_eq!(
            count(
                "SELECT count(*) FROM figures f JOIN articles a ON a.key = f.article WHERE a.path = ?1"
            ),
            len("money") + len("percentages") + len("quantities") + len("dates"),
            "{path}"
        );
        assert_eq!(
            count(
                "SELECT count(*) FROM quotes q JOIN articles a ON a.key = q.article WHERE a.path = ?1"
            ),
            len("quotes"),
            "{path}"
        );
    }

    // Search: a stemmed word, newest first, with the sentence that matched.
    let o = cli(&ws, &["search", "harbours", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = found["articles"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{found}");
    assert_eq!(hits[0]["path"], "harbour.md");
    assert_eq!(hits[0]["published"], "2025-03-03");
    assert!(
        hits[0]["sentence"].as_str().unwrap().contains("harbour"),
        "{found}"
    );
    // Words that appear in no article find nothing; filters narrow.
    let none = cli(&ws, &["search", "zyxwvut", "--json"]);
    let none: serde_json::Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(none["articles"].as_array().unwrap().len(), 0);
    let council = cli(&ws, &["search", "council", "--json", "--limit", "100"]);
    let council: serde_json::Value = serde_json::from_slice(&council.stdout).unwrap();
    let paths: BTreeSet<&str> = council["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    for p in [
        "harbour.md",
        "council-0.txt",
        "council-1.txt",
        "council-2.txt",
    ] {
        assert!(paths.contains(p), "{p} not found: {council}");
    }
    let dated: Vec<&str> = council["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["dated"].as_str().unwrap())
        .collect();
    let mut newest_first = dated.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, newest_first);
    let by_person = cli(
        &ws,
        &[
            "search",
            "--entity",
            "maria costa",
            "--type",
            "person",
            "--json",
        ],
    );
    let by_person: serde_json::Value = serde_json::from_slice(&by_person.stdout).unwrap();
    assert_eq!(
        by_person["articles"][0]["path"], "harbour.md",
        "{by_person}"
    );
    let since = cli(
        &ws,
        &["search", "council", "--since", "2099-01-01", "--json"],
    );
    let since: serde_json::Value = serde_json::from_slice(&since.stdout).unwrap();
    assert_eq!(since["articles"].as_array().unwrap().len(), 0);

    // Entities: the most-named first; bad input names what is wrong.
    let o = cli(&ws, &["entities", "--top", "5", "--json"]);
    let top: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let top = top["entities"].as_array().unwrap();
    assert_eq!(top.len(), 5);
    let articles: Vec<u64> = top
        .iter()
        .map(|e| e["articles"].as_u64().unwrap())
        .collect();
    assert!(articles.windows(2).all(|w| w[0] >= w[1]), "{articles:?}");
    let o = cli(&ws, &["entities", "--type", "planet"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("type"));
    let o = cli(&ws, &["search", "x", "--since", "yesterday"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("since"));

    // Processing the same files again changes nothing.
    let before = dump(&ws);
    process(&ws);
    assert_eq!(dump(&ws), before);
}

#[test]
fn the_documented_example_queries_return_rows() {
    let ws = sample_workspace();
    process(&ws);
    let conn = open(&ws);
    let queries = doc_queries("sqlite");
    assert!(queries.len() >= 8, "{queries:?}");
    for q in queries {
        let got = rows(&conn, &q);
        assert!(!got.is_empty(), "no rows from:\n{q}");
    }
}

#[test]
fn rebuild_equals_the_live_index() {
    let ws = sample_workspace();
    process(&ws);
    let live = dump(&ws);
    assert_eq!(indexed_paths(&ws).len(), 11, "{live:?}");
    let o = cli(&ws, &["index", "rebuild"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("11 articles"));
    assert_eq!(dump(&ws), live);
}

#[test]
fn a_kill_9_mid_run_then_a_restart_leaves_the_index_equal_to_the_records() {
    let ws = Workspace::new();
    for n in 0..150 {
        std::fs::write(ws.watch().join(format!("a{n:03}.txt")), article(n)).unwrap();
    }
    let mut d = Daemon::start(&ws, &[("WIREWATCH_PIPELINE_WORKERS", "1")]);
    assert!(wait_for(Duration::from_secs(60), || ws.records().len() >= 20));
    d.child.kill().unwrap(); // SIGKILL
    d.child.wait().unwrap();
    let d = Daemon::start(&ws, &[]);
    assert!(
        wait_for(Duration::from_secs(120), || ws.records().len() == 150),
        "{} records",
        ws.records().len()
    );
    assert!(
        wait_for(Duration::from_secs(60), || d
            .metric("wirewatch_index_lag_records")
            == Some(0.0)
            && indexed_paths(&ws).len() == 150),
        "index {} of 150; log:\n{}",
        indexed_paths(&ws).len(),
        d.log_text()
    );
    let (status, body) = d.get("/readyz").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("index: 0 records behind"), "{body}");
    d.stop(Duration::from_secs(30));
    let indexed = indexed_paths(&ws);
    assert_eq!(
        indexed.iter().cloned().collect::<BTreeSet<_>>(),
        record_paths(&ws)
    );
    assert_eq!(indexed.len(), 150, "no article twice");
    // Every article's rows are whole: a rebuild changes nothing.
    let live = dump(&ws);
    let o = cli(&ws, &["index", "rebuild"]);
    assert!(o.status.success());
    assert_eq!(dump(&ws), live);
}

#[test]
fn the_daemon_answers_the_json_api() {
    let ws = sample_workspace();
    let d = Daemon::start(&ws, &[]);
    assert!(wait_for(Duration::from_secs(60), || indexed_paths(&ws)
        .len()
        == 11));
    let get_json = |path: &str| -> (u16, serde_json::Value) {
        let (status, body) = d.get(path).unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
        )
    };
    let (status, found) = get_json("/api/search?q=harbour&limit=5");
    assert_eq!(status, 200, "{found}");
    let hit = &found["articles"][0];
    assert_eq!(hit["path"], "harbour.md");
    let id = hit["id"].as_str().unwrap().to_string();
    let (status, article) = get_json(&format!("/api/articles/{id}"));
    assert_eq!(status, 200);
    assert_eq!(article["title"], "Council approves the harbour budget");
    assert!(
        article["figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "money")
    );
    assert!(
        !article["links"].as_array().unwrap().is_empty(),
        "{article}"
    );
    assert!(
        !article["quotes"].as_array().unwrap().is_empty(),
        "{article}"
    );
    let (status, _) = get_json("/api/articles/no-such-article");
    assert_eq!(status, 404);
    let (status, top) = get_json("/api/entities?top=3&type=place");
    assert_eq!(status, 200);
    let top = top["entities"].as_array().unwrap();
    assert!(!top.is_empty() && top.len() <= 3);
    assert!(top.iter().all(|e| e["type"] == "place"));
    let (status, err) = get_json("/api/search?q=x&since=soon");
    assert_eq!(status, 400);
    assert!(err["error"].as_str().unwrap().contains("since"));
    // The fact ledger: the tourism articles' shares of GDP disagree.
    let (status, facts) = get_json("/api/facts?q=tourism&disagreeing=true");
    assert_eq!(status, 200, "{facts}");
    let entries = facts["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{facts}");
    assert_eq!(entries[0]["agree"], false);
    assert_eq!(entries[0]["entity"], "Portugal");
    let mut values: Vec<f64> = entries[0]["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_f64().unwrap())
        .collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, vec![15.0, 19.0]);
    let (status, all) = get_json("/api/facts?limit=2");
    assert_eq!(status, 200);
    assert_eq!(all["entries"].as_array().unwrap().len(), 2);
    let (status, _) = get_json("/api/facts?story=no-such-story");
    assert_eq!(status, 404);
    let (status, doc) = get_json("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(doc["paths"]["/api/search"].is_object());
    d.stop(Duration::from_secs(30));
}

#[test]
fn a_shutdown_stops_an_index_far_behind_at_its_deadline_and_the_next_start_catches_up() {
    let ws = Workspace::new();
    const N: usize = 4_000;
    for n in 0..N {
        std::fs::write(ws.watch().join(format!("a{n:04}.txt")), article(n)).unwrap();
    }
    // Records the index lacks, as after a backfill the writer trails.
    let o = run(
        &[
            "process",
            "--out",
            ws.out().to_str().unwrap(),
            ws.watch().to_str().unwrap(),
        ],
        &[("WIREWATCH_INDEX_ENABLED", "false")],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!index_path(&ws).exists());
    // The drain's deadline is now: the writer stops after the batch in hand.
    let d = Daemon::start(&ws, &[("WIREWATCH_PIPELINE_SHUTDOWN_TIMEOUT_S", "0")]);
    let log = d.log.clone();
    let status = d.stop(Duration::from_secs(60));
    let log = std::fs::read_to_string(log).unwrap_or_default();
    assert!(
        status.is_some_and(|s| s.success()),
        "{status:?}; log:\n{log}"
    );
    assert!(
        log.contains("index writer stopped at the shutdown deadline"),
        "{log}"
    );
    let partial = indexed_paths(&ws).len();
    assert!(partial < N, "the writer went on to the end: {partial}");
    // The next start catches up: every record once.
    let d = Daemon::start(&ws, &[]);
    assert!(
        wait_for(Duration::from_secs(120), || d
            .metric("wirewatch_index_lag_records")
            == Some(0.0)
            && indexed_paths(&ws).len() == N),
        "index {} of {N}; log:\n{}",
        indexed_paths(&ws).len(),
        d.log_text()
    );
    d.stop(Duration::from_secs(30));
    let indexed = indexed_paths(&ws);
    assert_eq!(
        indexed.iter().cloned().collect::<BTreeSet<_>>(),
        record_paths(&ws)
    );
    assert_eq!(indexed.len(), N, "no article twice");
}
