//! The cluster's indexer: `wirewatch index --nats URL --index-url
//! postgres://…` reads the records stream of a real nats-server into a real
//! PostgreSQL with a durable consumer. Every record published twice, the
//! indexer killed with SIGKILL mid-stream and started again: each article
//! has exactly one row set, equal to its record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::index::*;
use common::*;

fn nats_or_skip() -> bool {
    let found = Command::new("nats-server")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("WIREWATCH_REQUIRE_NATS").is_none(),
            "nats-server is required here (WIREWATCH_REQUIRE_NATS) but not installed"
        );
        eprintln!("SKIPPED: nats-server is not installed (apt-get install nats-server)");
    }
    found
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn indexer(nats: &str, index: &str, ws: &Workspace) -> Killed {
    let log =
        std::fs::File::create(ws.dir.path().join(format!("indexer-{}.log", free_port()))).unwrap();
    Killed(
        Command::new(BIN)
            .args([
                "index",
                "--nats",
                nats,
                "--index-url",
                index,
                "--log-format",
                "json",
            ])
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn the indexer"),
    )
}

/// Publishes every record of the workspace to the records stream `times`
/// times (each a message of its own, as redeliveries and republishes are).
fn publish(nats: &str, ws: &Workspace, times: usize) {
    let records: Vec<Vec<u8>> = ws
        .records()
        .iter()
        .map(|rel| std::fs::read(ws.out().join("records").join(rel)).unwrap())
        .collect();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let client = async_nats::connect(nats).await.unwrap();
        let js = async_nats::jetstream::new(client);
        for round in 0..times {
            for (i, r) in records.iter().enumerate() {
                let mut h = async_nats::HeaderMap::new();
                h.insert(
                    async_nats::header::NATS_MESSAGE_ID,
                    format!("{round}-{i}").as_str(),
                );
                js.publish_with_headers("wirewatch.records", h, r.clone().into())
                    .await
                    .unwrap()
                    .await
                    .unwrap();
            }
        }
    });
}

#[test]
fn the_cluster_indexer_writes_one_row_set_per_article_however_often_it_arrives() {
    let Some(admin) = postgres_or_skip("the_cluster_indexer") else {
        return;
    };
    if !nats_or_skip() {
        return;
    }
    let db = TestDatabase::create(&admin, "cluster");
    let ws = sample_workspace();
    let (out, watch) = (ws.out(), ws.watch());
    run_ok(
        &[
            "process",
            "--out",
            out.to_str().unwrap(),
            watch.to_str().unwrap(),
        ],
        &[("WIREWATCH_INDEX_ENABLED", "false")],
    );
    assert_eq!(ws.records().len(), 11);

    let port = free_port();
    let _server = Killed(
        Command::new("nats-server")
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
            .arg(ws.dir.path().join("js"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn nats-server"),
    );
    assert!(wait_for(Duration::from_secs(10), || TcpStream::connect((
        "127.0.0.1",
        port
    ))
    .is_ok()));
    let nats = format!("nats://127.0.0.1:{port}");

    // The indexer makes the records stream; then records arrive, twice over.
    let mut first = indexer(&nats, &db.url, &ws);
    let count = || -> i64 {
        postgres::Client::connect(&db.url, postgres::NoTls)
            .ok()
            .and_then(|mut c| c.query_one("SELECT count(*) FROM articles", &[]).ok())
            .map_or(-1, |r| r.get(0))
    };
    assert!(
        wait_for(Duration::from_secs(30), || count() == 0),
        "the indexer made its schema"
    );
    publish(&nats, &ws, 2);
    assert!(wait_for(Duration::from_secs(30), || count() >= 1));
    first.0.kill().unwrap(); // SIGKILL, perhaps before some acks
    first.0.wait().unwrap();
    publish(&nats, &ws, 1);
    let _second = indexer(&nats, &db.url, &ws);
    assert!(
        wait_for(Duration::from_secs(60), || count() == 11),
        "{} articles",
        count()
    );
    // Give redeliveries time to land: they must not add anything.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(count(), 11);

    let mut c = db.client();
    let paths: BTreeSet<String> = c
        .query("SELECT path FROM articles", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut expected = BTreeSet::new();
    for rel in ws.records() {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(ws.out().join("records").join(&rel)).unwrap())
                .unwrap();
        let path = v["source"]["path"].as_str().unwrap().to_string();
        let entities: i64 = c
            .query_one(
                "SELECT count(*) FROM entities e JOIN articles a ON a.key = e.article WHERE a.path = $1",
                &[&path],
            )
            .unwrap()
            .get(0);
        assert_eq!(
            entities as usize,
            v["entities"].as_array().unwrap().len(),
            "{path}"
        );
        let stamp: String = c
            .query_one("SELECT stamp FROM articles WHERE path = $1", &[&path])
            .unwrap()
            .get(0);
        assert!(stamp.starts_with("seq:"), "{stamp}");
        expected.insert(path);
    }
    assert_eq!(paths, expected);
    // Each article was placed in a story once, however often it arrived.
    let unplaced: i64 = c
        .query_one(
            "SELECT count(*) FROM articles a \
             WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(unplaced, 0);
    let placed: i64 = c
        .query_one("SELECT count(*) FROM story_articles", &[])
        .unwrap()
        .get(0);
    let ids: i64 = c
        .query_one("SELECT count(DISTINCT id) FROM articles", &[])
        .unwrap()
        .get(0);
    assert_eq!(placed, ids);
}
