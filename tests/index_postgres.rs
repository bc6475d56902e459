//! The index in PostgreSQL (`index.url = "postgres://…"`), against a real
//! server (`WIREWATCH_TEST_POSTGRES_URL`; `.ci/run` starts Debian's
//! PostgreSQL): counts equal the records, search finds what it should, the
//! documented example queries return rows, `index rebuild` equals the live
//! index, and a server gone mid-run leaves the pipeline going, shows the
//! lag, and is caught up with — nothing lost, nothing doubled — once it is
//! back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::index::*;
use common::*;

fn paths(db: &TestDatabase) -> Vec<String> {
    db.client()
        .query("SELECT path FROM articles ORDER BY path", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

fn dump(db: &TestDatabase) -> Vec<String> {
    let mut c = db.client();
    let mut out = Vec::new();
    for sql in [
        "SELECT path, id, title, published, dated, url, words, revision, ingested_at, content_hash, sentences, record_file, stamp FROM articles ORDER BY path",
        "SELECT a.path, e.entity, e.type, e.name, e.country, e.lat, e.lon, e.mentions FROM entities e JOIN articles a ON a.key = e.article ORDER BY 1, 2",
        "SELECT a.path, m.entity, m.n, m.text FROM mentions m JOIN articles a ON a.key = m.article ORDER BY 1, 2, 3",
        "SELECT a.path, f.n, f.kind, f.text, f.value, f.unit, f.of_what, f.sentence_text FROM figures f JOIN articles a ON a.key = f.article ORDER BY 1, 2",
        "SELECT a.path, l.n, l.url FROM links l JOIN articles a ON a.key = l.article ORDER BY 1, 2",
        "SELECT a.path, q.n, q.text, q.speaker FROM quotes q JOIN articles a ON a.key = q.article ORDER BY 1, 2",
        "SELECT key, id, measure, entity, period_start, agree, observations, articles, outliers FROM ledger_entries ORDER BY 1, 2",
        "SELECT a.path, o.key, o.entry, o.n, o.value, o.outlier FROM ledger_observations o JOIN articles a ON a.key = o.article ORDER BY 1, 2, 3, 4",
    ] {
        out.push(format!("-- {sql}"));
        out.extend(pg_rows(&mut c, sql));
    }
    out
}

#[test]
fn postgres_holds_every_record_answers_questions_and_rebuilds_the_same() {
    let Some(admin) = postgres_or_skip("postgres_holds_every_record") else {
        return;
    };
    let db = TestDatabase::create(&admin, "records");
    let ws = sample_workspace();
    let (out, watch) = (ws.out(), ws.watch());
    let common = [
        "--out",
        out.to_str().unwrap(),
        "--index-url",
        db.url.as_str(),
    ];
    let mut args = vec!["process"];
    args.extend(common);
    args.push(watch.to_str().unwrap());
    run_ok(&args, &[]);
    let records = record_paths(&ws);
    assert_eq!(records.len(), 11);
    let indexed = paths(&db);
    assert_eq!(indexed.len(), 11, "no article twice");
    assert_eq!(indexed.into_iter().collect::<BTreeSet<_>>(), records);

    // No SQLite file beside the records: the server holds the index.
    assert!(!ws.out().join("index.sqlite").exists());

    let ask = |extra: &[&str]| -> serde_json::Value {
        let mut a: Vec<&str> = extra[..1].to_vec();
        a.extend(common);
        a.extend_from_slice(&extra[1..]);
        serde_json::from_str(&run_ok(&a, &[])).unwrap()
    };
    let found = ask(&["search", "harbours", "--json"]);
    assert_eq!(found["articles"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["articles"][0]["path"], "harbour.md");
    assert!(
        found["articles"][0]["sentence"]
            .as_str()
            .unwrap()
            .contains("harbour")
    );
    let by_person = ask(&["search", "--entity", "MARIA COSTA", "--json"]);
    assert_eq!(
        by_person["articles"][0]["path"], "harbour.md",
        "{by_person}"
    );
    let top = ask(&["entities", "--top", "3", "--type", "place", "--json"]);
    let top = top["entities"].as_array().unwrap();
    assert_eq!(top.len(), 3);
    assert!(
        top.iter()
            .all(|e| e["type"] == "place" && e["articles"].as_u64().unwrap() >= 1)
    );

    // The fact ledger from the server is the ledger of the records.
    // (`facts` takes the server from the environment.)
    let facts = |extra: &[&str]| -> serde_json::Value {
        let mut a = vec!["facts", "--out", out.to_str().unwrap(), "--json"];
        a.extend_from_slice(extra);
        serde_json::from_str(&run_ok(&a, &[("WIREWATCH_INDEX_URL", db.url.as_str())])).unwrap()
    };
    let from_index = facts(&[]);
    let records_dir = ws.out().join("records");
    let from_records = facts(&["--records", records_dir.to_str().unwrap()]);
    assert!(!from_index["entries"].as_array().unwrap().is_empty());
    assert_eq!(from_index, from_records);
    let disagreeing = facts(&["tourism", "--disagreeing"]);
    assert_eq!(
        disagreeing["entries"].as_array().unwrap().len(),
        1,
        "{disagreeing}"
    );

    let mut client = db.client();
    let queries = doc_queries("postgres");
    assert!(queries.len() >= 8);
    for q in queries {
        assert!(!pg_rows(&mut client, &q).is_empty(), "no rows from:\n{q}");
    }

    let live = dump(&db);
    let mut a = vec!["index"];
    a.extend(common);
    a.push("rebuild");
    assert!(run_ok(&a, &[]).contains("11 articles"));
    assert_eq!(dump(&db), live);
}

#[test]
fn a_server_gone_mid_run_is_caught_up_with_once_it_is_back() {
    let Some(admin) = postgres_or_skip("a_server_gone_mid_run") else {
        return;
    };
    let db = TestDatabase::create(&admin, "outage");
    let proxy = Proxy::start(db.server());
    let url = db.url_via(proxy.port);
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[("WIREWATCH_INDEX_URL", url.as_str())]);
    for n in 0..20 {
        drop_file(&ws.watch(), &format!("a{n:03}.txt"), article(n).as_bytes());
    }
    assert!(
        wait_for(Duration::from_secs(60), || paths(&db).len() == 20),
        "indexed {}; log:\n{}",
        paths(&db).len(),
        d.log_text()
    );

    proxy.cut();
    for n in 20..60 {
        drop_file(&ws.watch(), &format!("a{n:03}.txt"), article(n).as_bytes());
    }
    // The pipeline goes on: every record is written while the index is down.
    assert!(wait_for(Duration::from_secs(60), || ws.records().len() == 60));
    assert!(
        wait_for(Duration::from_secs(30), || d.metric("wirewatch_index_up")
            == Some(0.0)),
        "{}",
        d.log_text()
    );
    assert!(d.metric("wirewatch_index_lag_records").unwrap() > 0.0);
    assert!(d.metric("wirewatch_index_errors_total").unwrap() >= 1.0);
    let (status, body) = d.get("/readyz").unwrap();
    assert_eq!(status, 200, "the pipeline stays ready: {body}");
    assert!(
        body.contains("index:") && body.contains("failing"),
        "{body}"
    );
    assert_eq!(
        paths(&db).len(),
        20,
        "nothing reached the server while cut off"
    );

    proxy.restore();
    // The writer retries with a back-off of up to 30 s, and a lock wait
    // ends after 10 s: allow several rounds of both.
    assert!(
        wait_for(Duration::from_secs(180), || d
            .metric("wirewatch_index_lag_records")
            == Some(0.0)
            && paths(&db).len() == 60),
        "indexed {} of 60; lag {:?}; log:\n{}",
        paths(&db).len(),
        d.metric("wirewatch_index_lag_records"),
        d.log_text()
    );
    assert!(wait_for(Duration::from_secs(10), || d
        .metric("wirewatch_index_up")
        == Some(1.0)));
    let (_, body) = d.get("/readyz").unwrap();
    assert!(
        body.contains("index: 0 records behind") && !body.contains("failing"),
        "{body}"
    );
    d.stop(Duration::from_secs(30));
    let indexed = paths(&db);
    assert_eq!(indexed.len(), 60, "nothing doubled");
    assert_eq!(
        indexed.into_iter().collect::<BTreeSet<_>>(),
        record_paths(&ws)
    );
    let per_article: Vec<String> = pg_rows(
        &mut db.client(),
        "SELECT a.path, count(f.n) AS figures FROM articles a LEFT JOIN figures f ON f.article = a.key GROUP BY a.path HAVING count(f.n) <> 2",
    );
    assert!(
        per_article.is_empty(),
        "every article has its 2 figures (a date, a period) once: {per_article:?}"
    );
}

/// Grafana's SQL macros as its PostgreSQL data source expands them, for a
/// time range of `from`..`to` (RFC 3339): `$__timeFilter(col)` and
/// `$__timeGroupAlias(col, 'interval')` with an interval in s, m, h or d.
fn expand_grafana_macros(sql: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut rest = sql;
    while let Some(at) = rest.find("$__") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 3..];
        let open = tail.find('(').expect("a macro call");
        let close = tail.find(')').expect("a closed macro call");
        let name = &tail[..open];
        let args: Vec<&str> = tail[open + 1..close].split(',').map(str::trim).collect();
        match name {
            "timeFilter" => out.push_str(&format!(
                "{} BETWEEN '{from}'::timestamptz AND '{to}'::timestamptz",
                args[0]
            )),
            "timeGroupAlias" => {
                let interval = args[1].trim_matches('\'');
                let (n, unit) = interval.split_at(interval.len() - 1);
                let secs: u64 = n.parse::<u64>().expect("interval")
                    * match unit {
                        "s" => 1,
                        "m" => 60,
                        "h" => 3600,
                        "d" => 86_400,
                        other => panic!("interval unit {other}"),
                    };
                out.push_str(&format!(
                    "floor(extract(epoch from {})/{secs})*{secs} AS \"time\"",
                    args[0]
                ));
            }
            other => panic!("macro $__{other} is not expanded by this test"),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_news_dashboard_panel_returns_rows_from_the_index() {
    let Some(admin) = postgres_or_skip("every_news_dashboard_panel") else {
        return;
    };
    let db = TestDatabase::create(&admin, "news_dashboard");
    let ws = sample_workspace();
    let (out, watch) = (ws.out(), ws.watch());
    run_ok(
        &[
            "process",
            "--out",
            out.to_str().unwrap(),
            "--index-url",
            db.url.as_str(),
            watch.to_str().unwrap(),
        ],
        &[],
    );
    let dashboard: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/grafana/dashboards/news.json")).unwrap(),
    )
    .unwrap();
    // The range a person looking now would see: the last day.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut c = db.client();
    let from = pg_rows(
        &mut c,
        &format!("SELECT to_timestamp({}) AS t", now - 86_400),
    );
    let to = pg_rows(&mut c, &format!("SELECT to_timestamp({}) AS t", now + 60));
    let stamp = |rows: Vec<String>| -> String {
        let v: serde_json::Value = serde_json::from_str(&rows[0]).unwrap();
        v["t"].as_str().unwrap().to_string()
    };
    let (from, to) = (stamp(from), stamp(to));
    let panels = dashboard["panels"].as_array().unwrap();
    assert!(panels.len() >= 8, "{} panels", panels.len());
    let mut failures = Vec::new();
    for p in panels {
        let title = p["title"].as_str().unwrap();
        assert_eq!(p["datasource"]["uid"], "wirewatch-index", "{title}");
        for t in p["targets"].as_array().unwrap() {
            let sql = expand_grafana_macros(t["rawSql"].as_str().unwrap(), &from, &to);
            let rows = pg_rows(&mut c, &sql);
            if rows.is_empty() {
                failures.push(format!("{title}: no rows from\n{sql}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The provisioned data source is the one the panels name.
    let ds = load_yaml(&root().join("deploy/grafana/provisioning/datasources/index.yaml"));
    assert_eq!(ds["datasources"][0]["uid"], "wirewatch-index");
    assert_eq!(
        ds["datasources"][0]["type"],
        "grafana-postgresql-datasource"
    );
}
