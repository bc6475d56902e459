//! wirewatch on NATS JetStream, against a real nats-server on loopback:
//! ingest + workers, a worker killed mid-run, re-published content, the
//! server going away and coming back (readiness following it), a poison
//! article, a large article through the object store, and one whose object
//! is gone. Skipped with a message when nats-server is not installed, unless
//! CI requires it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use futures_util::StreamExt;

const T: Duration = Duration::from_secs(60);

struct NatsServer {
    child: Child,
    port: u16,
    store: PathBuf,
}

impl NatsServer {
    fn start(store: &Path, port: u16) -> NatsServer {
        let child = Command::new("nats-server")
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
            .arg(store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn nats-server");
        assert!(
            wait_for(Duration::from_secs(10), || TcpStream::connect((
                "127.0.0.1",
                port
            ))
            .is_ok()),
            "nats-server did not start"
        );
        NatsServer {
            child,
            port,
            store: store.to_path_buf(),
        }
    }
    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn nats_available() -> bool {
    let found = Command::new("nats-server")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("WIREWATCH_REQUIRE_NATS").is_none(),
            "nats-server is required here (WIREWATCH_REQUIRE_NATS) but not installed"
        );
        eprintln!("skipped: nats-server is not installed (apt-get install nats-server)");
    }
    found
}

/// A fresh workspace and a JetStream server storing below it; none (the test
/// is skipped) when nats-server is not installed.
fn workspace_with_nats() -> Option<(Workspace, NatsServer)> {
    if !nats_available() {
        return None;
    }
    let ws = Workspace::new();
    let nats = NatsServer::start(&ws.dir.path().join("js"), free_port());
    Some((ws, nats))
}

/// A wirewatch role process with its own metrics port.
struct Role {
    child: Child,
    port: u16,
}

impl Role {
    /// The ingester of `ws`'s watch folder, writing below `ws`/ingest.
    fn ingest(nats: &NatsServer, ws: &Workspace, env: &[(&str, &str)]) -> Role {
        Role::start(
            "ingest",
            &nats.url(),
            Some(&ws.watch()),
            &ws.dir.path().join("ingest"),
            env,
        )
    }

    fn start(
        role: &str,
        nats: &str,
        watch: Option<&Path>,
        out: &Path,
        env: &[(&str, &str)],
    ) -> Role {
        let port = free_port();
        let mut cmd = Command::new(BIN);
        cmd.arg(role)
            .arg("--nats")
            .arg(nats)
            .arg("--out")
            .arg(out)
            .arg("--metrics-addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--log-format")
            .arg("json")
            .env("WIREWATCH_WATCH_SETTLE_MS", "50")
            .env("WIREWATCH_NATS_ACK_WAIT_S", "2")
            .env("WIREWATCH_NATS_MAX_DELIVER", "3")
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(w) = watch {
            cmd.arg("--watch").arg(w);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        Role {
            child: cmd.spawn().expect("spawn wirewatch"),
            port,
        }
    }
    fn metric(&self, series: &str) -> f64 {
        let url = format!("http://127.0.0.1:{}/metrics", self.port);
        ureq::get(&url)
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .and_then(|t| metric_value(&t, series))
            .unwrap_or(0.0)
    }
    fn ready(&self) -> bool {
        self.readyz() == Some(200)
    }
    /// The status `/readyz` answers, if it answers.
    fn readyz(&self) -> Option<u16> {
        let url = format!("http://127.0.0.1:{}/readyz", self.port);
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .new_agent()
            .get(&url)
            .call()
            .ok()
            .map(|r| r.status().as_u16())
    }
    fn stop(mut self) -> bool {
        // SAFETY: kill(2) on our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let end = Instant::now() + T;
        while Instant::now() < end {
            if let Ok(Some(s)) = self.child.try_wait() {
                return s.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `f` on a fresh JetStream connection to `url`; `None` when it cannot
/// connect or `f` finds nothing.
fn with_js<T, F>(url: &str, f: impl FnOnce(async_nats::jetstream::Context) -> F) -> Option<T>
where
    F: std::future::Future<Output = Option<T>>,
{
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let client = async_nats::connect(url).await.ok()?;
        f(async_nats::jetstream::new(client)).await
    })
}

/// (messages, bytes) held by a stream, read through the client library.
fn stream_state(url: &str, stream: &str) -> Option<(u64, u64)> {
    with_js(url, |js| async move {
        let mut s = js.get_stream(stream).await.ok()?;
        let state = &s.info().await.ok()?.state;
        Some((state.messages, state.bytes))
    })
}

/// Messages held by a stream (`u64::MAX` when it cannot be read).
fn stream_messages(url: &str, stream: &str) -> u64 {
    stream_state(url, stream).map_or(u64::MAX, |(messages, _)| messages)
}

#[test]
fn ingest_and_two_workers_write_every_record_exactly_once_through_a_kill_and_an_outage() {
    let Some((ws, mut nats)) = workspace_with_nats() else {
        return;
    };
    ws.copy_seeds();
    let n_more = 200;
    let ingest = Role::ingest(&nats, &ws, &[]);
    let w1 = Role::start("work", &nats.url(), None, &ws.dir.path().join("w1"), &[]);
    let w2 = Role::start(
        "work",
        &nats.url(),
        None,
        &ws.dir.path().join("w2"),
        &[("WIREWATCH_PIPELINE_WORKERS", "1")],
    );
    assert!(
        wait_for(T, || ingest.ready() && w1.ready() && w2.ready()),
        "roles not ready"
    );

    // Articles arrive; worker 1 is killed mid-run.
    for i in 0..n_more {
        drop_file(&ws.watch(), &format!("n{i:04}.txt"), article(i).as_bytes());
        if i == n_more / 3 {
            let mut w1 = w1;
            let _ = w1.child.kill();
            let _ = w1.child.wait();
            break;
        }
    }
    for i in n_more / 3 + 1..n_more {
        drop_file(&ws.watch(), &format!("n{i:04}.txt"), article(i).as_bytes());
        if i == n_more / 2 {
            // The server goes away for a moment, and comes back with its
            // store: both roles say so on /readyz, and recover by themselves.
            nats.stop();
            assert!(
                wait_for(Duration::from_secs(10), || ingest.readyz() == Some(503)
                    && w2.readyz() == Some(503)),
                "/readyz while NATS is down: ingest {:?}, worker {:?}",
                ingest.readyz(),
                w2.readyz()
            );
            std::thread::sleep(Duration::from_secs(1));
            assert_eq!(
                (ingest.readyz(), w2.readyz()),
                (Some(503), Some(503)),
                "/readyz must stay 503 while NATS is down"
            );
            nats = NatsServer::start(&nats.store.clone(), nats.port);
            assert!(
                wait_for(T, || ingest.ready() && w2.ready()),
                "/readyz after NATS returned: ingest {:?}, worker {:?}",
                ingest.readyz(),
                w2.readyz()
            );
        }
    }
    let total = 5 + n_more as u64;
    let w3 = Role::start("work", &nats.url(), None, &ws.dir.path().join("w3"), &[]);
    assert!(
        wait_for(Duration::from_secs(120), || stream_messages(
            &nats.url(),
            "WIREWATCH_RECORDS"
        ) == total
            && stream_messages(&nats.url(), "WIREWATCH_ARTICLES") == 0),
        "records {} articles left {}",
        stream_messages(&nats.url(), "WIREWATCH_RECORDS"),
        stream_messages(&nats.url(), "WIREWATCH_ARTICLES")
    );
    // Every article's record exists in some worker's folder; none twice in one.
    let mut hashes = std::collections::HashSet::new();
    for w in ["w1", "w2", "w3"] {
        let root = ws.dir.path().join(w).join("records");
        // A killed worker may leave temp files; it removes them when it starts again.
        for f in list_files(&root)
            .into_iter()
            .filter(|f| !f.ends_with(".wwtmp"))
        {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(root.join(&f)).expect("read")).expect("json");
            hashes.insert(
                v["source"]["content_hash"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            );
        }
    }
    assert_eq!(
        hashes.len() as u64,
        total,
        "distinct records across workers"
    );
    // Re-publishing the same content under another name within the
    // duplicate window: one message only. (A restarted server rebuilds its
    // window from the messages it still holds, so take one sent after it.)
    let last = format!("n{:04}.txt", n_more - 1);
    std::fs::copy(ws.watch().join(&last), ws.watch().join("copy.txt")).expect("copy");
    assert!(wait_for(T, || ingest.metric(
        r#"wirewatch_nats_published_total{result="duplicate"}"#
    ) >= 1.0));
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(stream_messages(&nats.url(), "WIREWATCH_RECORDS"), total);
    assert!(ingest.stop());
    assert!(w2.stop());
    assert!(w3.stop());
}

#[test]
fn a_poison_article_is_dead_lettered_after_max_deliver() {
    let Some((ws, nats)) = workspace_with_nats() else {
        return;
    };
    let out = ws.dir.path().join("w");
    // Its record can never be written: a folder sits where the file should go.
    std::fs::create_dir_all(out.join("records/poison.txt.json/blocked")).expect("block");
    let ingest = Role::ingest(&nats, &ws, &[]);
    let w = Role::start("work", &nats.url(), None, &out, &[]);
    assert!(wait_for(T, || ingest.ready() && w.ready()));
    drop_file(&ws.watch(), "poison.txt", article(1).as_bytes());
    drop_file(&ws.watch(), "fine.txt", article(2).as_bytes());
    assert!(
        wait_for(T, || w.metric("wirewatch_nats_dead_lettered_total") >= 1.0),
        "not dead-lettered"
    );
    assert!(
        out.join("quarantine/dead_letter/poison.txt.reason.json")
            .exists()
    );
    assert!(out.join("records/fine.txt.json").exists());
    assert!(w.metric("wirewatch_nats_redelivered_total") >= 1.0);
    assert!(wait_for(T, || stream_messages(
        &nats.url(),
        "WIREWATCH_ARTICLES"
    ) == 0));
    assert!(ingest.stop());
    assert!(w.stop());
}

#[test]
fn feed_items_reach_the_worker_with_their_id_date_and_title() {
    let Some((ws, nats)) = workspace_with_nats() else {
        return;
    };
    let out = ws.dir.path().join("w");
    let ingest = Role::ingest(&nats, &ws, &[]);
    let w = Role::start("work", &nats.url(), None, &out, &[]);
    assert!(wait_for(T, || ingest.ready() && w.ready()));
    let item = |id: &str, n: usize, date: &str| {
        serde_json::json!({
            "id": id,
            "headline": format!("Headline number {n}"),
            "body": format!("The council met on Tuesday to discuss item {n}. Members agreed to continue the talks."),
            "date": date,
            "author": "Jane Doe",
        })
        .to_string()
    };
    let feed = [item("a-1", 1, "2024-03-07"), item("a-2", 2, "2024-03-08")].join("\n");
    drop_file(&ws.watch(), "wire.jsonl", feed.as_bytes());
    let record = out.join("records/wire.jsonl#a-2.json");
    assert!(
        wait_for(T, || record.exists()),
        "no record of the second item"
    );
    let r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&record).expect("read")).expect("json");
    assert_eq!(
        r["source"]["item"],
        serde_json::json!({"index": 1, "id": "a-2"})
    );
    assert_eq!(r["title"], "Headline number 2");
    assert_eq!(r["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(r["published"]["date"], "2024-03-08");
    // "Tuesday" is read against the item's own date.
    assert_eq!(r["dates"][0]["value"], "2024-03-05");
    assert!(out.join("records/wire.jsonl#a-1.json").exists());
    assert!(ingest.stop());
    assert!(w.stop());
}

/// Creates the records stream as wirewatch would, but refusing messages over
/// `max_message_size` bytes; or, with -1, lifts that limit again.
fn records_stream_limit(url: &str, max_message_size: i32) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let client = async_nats::connect(url).await.expect("connect");
        let js = async_nats::jetstream::new(client);
        let config = async_nats::jetstream::stream::Config {
            name: "WIREWATCH_RECORDS".into(),
            subjects: vec!["wirewatch.records".into()],
            duplicate_window: Duration::from_secs(120),
            max_message_size,
            ..Default::default()
        };
        if max_message_size < 0 {
            js.update_stream(config).await.expect("update stream");
        } else {
            js.create_stream(config).await.expect("create stream");
        }
    });
}

#[test]
fn a_record_the_records_stream_refused_is_published_when_the_article_comes_back() {
    let Some((ws, nats)) = workspace_with_nats() else {
        return;
    };
    // The record is written, but the records stream refuses it for a while:
    // the article must not be acked until its record is in the stream, even
    // though it comes back to the worker that already has the record.
    records_stream_limit(&nats.url(), 100);
    let ingest = Role::ingest(&nats, &ws, &[]);
    let w = Role::start(
        "work",
        &nats.url(),
        None,
        &ws.dir.path().join("w"),
        &[("WIREWATCH_NATS_MAX_DELIVER", "30")],
    );
    assert!(wait_for(T, || ingest.ready() && w.ready()));
    drop_file(&ws.watch(), "a.txt", article(1).as_bytes());
    assert!(
        wait_for(T, || w
            .metric(r#"wirewatch_nats_errors_total{op="records"}"#)
            >= 1.0),
        "the records stream never refused the record"
    );
    assert_eq!(w.metric("wirewatch_nats_acked_total"), 0.0);
    records_stream_limit(&nats.url(), -1);
    assert!(
        wait_for(T, || stream_messages(&nats.url(), "WIREWATCH_RECORDS") == 1
            && stream_messages(&nats.url(), "WIREWATCH_ARTICLES") == 0),
        "records {} articles left {} acked {}",
        stream_messages(&nats.url(), "WIREWATCH_RECORDS"),
        stream_messages(&nats.url(), "WIREWATCH_ARTICLES"),
        w.metric("wirewatch_nats_acked_total")
    );
    assert!(w.metric("wirewatch_nats_redelivered_total") >= 1.0);
    assert_eq!(w.metric("wirewatch_nats_dead_lettered_total"), 0.0);
    assert!(ingest.stop());
    assert!(w.stop());
}

const BUCKET: &str = "WIREWATCH_ARTICLES_LARGE";

/// The object store's own view of an object: (size, deleted), or `None`
/// when the bucket or the object does not exist.
fn object_info(url: &str, name: &str) -> Option<(usize, bool)> {
    with_js(url, |js| async move {
        let store = js.get_object_store(BUCKET).await.ok()?;
        let info = store.info(name).await.ok()?;
        Some((info.size, info.deleted))
    })
}

/// Objects in the bucket that are not deleted: (name, size).
fn live_objects(url: &str) -> Option<Vec<(String, usize)>> {
    with_js(url, |js| async move {
        let store = js.get_object_store(BUCKET).await.ok()?;
        let mut list = store.list().await.ok()?;
        let mut out = Vec::new();
        while let Some(info) = list.next().await {
            let info = info.ok()?;
            out.push((info.name, info.size));
        }
        Some(out)
    })
}

/// The headers and payload size of the first message in the articles stream.
fn first_article(url: &str) -> Option<(async_nats::HeaderMap, usize)> {
    with_js(url, |js| async move {
        let stream = js.get_stream("WIREWATCH_ARTICLES").await.ok()?;
        let m = stream.get_raw_message(1).await.ok()?;
        Some((m.headers, m.payload.len()))
    })
}

/// A unique article of about 11 KB: well over a 4 KiB message payload.
fn large_article() -> String {
    let mut text = String::from("Harbour bridge reopens after long repairs\n");
    for i in 0..100 {
        text.push_str(&format!(
            "Paragraph {i}: engineers said the span had been strengthened and that traffic would return to normal next week.\n"
        ));
    }
    text
}

#[test]
fn a_large_article_travels_through_the_object_store_and_is_deleted_from_it_once_acked() {
    let Some((ws, nats)) = workspace_with_nats() else {
        return;
    };
    // No redelivery wanted here (a slow debug build must not see one).
    let small = [
        ("WIREWATCH_NATS_MAX_PAYLOAD_BYTES", "4096"),
        ("WIREWATCH_NATS_ACK_WAIT_S", "30"),
    ];
    let ingest = Role::ingest(&nats, &ws, &small);
    assert!(wait_for(T, || ingest.ready()), "ingest not ready");
    let big = large_article();
    assert!(big.len() > 4096 * 2);
    let hash = wirewatch::identity::content_hash(big.as_bytes());
    drop_file(&ws.watch(), "big.txt", big.as_bytes());

    // No worker yet: the bytes sit in the bucket under the name the queued
    // message carries, and the message itself is empty.
    assert!(
        wait_for(T, || stream_messages(&nats.url(), "WIREWATCH_ARTICLES")
            == 1),
        "not published"
    );
    let (headers, payload_len) = first_article(&nats.url()).expect("queued message");
    assert_eq!(payload_len, 0, "the message carries the article");
    let name = headers
        .get("Wirewatch-Object")
        .map(|v| v.as_str().to_string())
        .expect("Wirewatch-Object header");
    assert!(name.starts_with(&hash), "{name}");
    assert_eq!(object_info(&nats.url(), &name), Some((big.len(), false)));

    let out = ws.dir.path().join("w");
    let w = Role::start("work", &nats.url(), None, &out, &small);
    assert!(
        wait_for(T, || stream_messages(&nats.url(), "WIREWATCH_RECORDS") == 1
            && stream_messages(&nats.url(), "WIREWATCH_ARTICLES") == 0
            && w.metric("wirewatch_nats_acked_total") == 1.0),
        "records {} articles left {} acked {}",
        stream_messages(&nats.url(), "WIREWATCH_RECORDS"),
        stream_messages(&nats.url(), "WIREWATCH_ARTICLES"),
        w.metric("wirewatch_nats_acked_total")
    );
    assert_eq!(w.metric("wirewatch_nats_redelivered_total"), 0.0);
    assert_eq!(list_files(&out.join("records")), vec!["big.txt.json"]);
    let record: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("records/big.txt.json")).expect("read record"),
    )
    .expect("record JSON");
    assert_eq!(record["source"]["content_hash"], hash.as_str());
    assert_eq!(record["source"]["bytes"], big.len());
    assert_eq!(record["title"], "Harbour bridge reopens after long repairs");

    // Acked: the object is deleted and its chunks purged.
    assert!(
        wait_for(T, || object_info(&nats.url(), &name)
            .is_some_and(|(_, deleted)| deleted)),
        "object after the ack: {:?}",
        object_info(&nats.url(), &name)
    );
    assert_eq!(live_objects(&nats.url()), Some(vec![]));
    let bucket_stream = format!("OBJ_{BUCKET}");
    let (_, held) = stream_state(&nats.url(), &bucket_stream).expect("bucket stream");
    assert!(held < 4096, "the bucket still holds {held} bytes");

    // The same bytes under another name: the work queue drops the message,
    // and the copy the ingester stored for it is deleted as well.
    std::fs::copy(ws.watch().join("big.txt"), ws.watch().join("big-copy.txt")).expect("copy");
    assert!(
        wait_for(T, || ingest
            .metric(r#"wirewatch_nats_published_total{result="duplicate"}"#)
            == 1.0),
        "not published as a duplicate"
    );
    assert_eq!(live_objects(&nats.url()), Some(vec![]));
    let (_, held) = stream_state(&nats.url(), &bucket_stream).expect("bucket stream");
    assert!(held < 4096, "a dropped duplicate left {held} bytes");
    assert_eq!(stream_messages(&nats.url(), "WIREWATCH_RECORDS"), 1);
    assert_eq!(w.metric(r#"wirewatch_nats_errors_total{op="object"}"#), 0.0);
    assert!(ingest.stop());
    assert!(w.stop());
}

#[test]
fn an_article_whose_object_is_gone_is_dead_lettered_with_its_reason_not_left_queued() {
    let Some((ws, nats)) = workspace_with_nats() else {
        return;
    };
    let out = ws.dir.path().join("w");
    let w = Role::start(
        "work",
        &nats.url(),
        None,
        &out,
        &[("WIREWATCH_NATS_MAX_DELIVER", "2")],
    );
    assert!(wait_for(T, || w.ready()), "worker not ready");
    // A message as ingest sends a large article, whose object is not in the
    // bucket (deleted by hand, or lost with a server's store).
    let sent = with_js(&nats.url(), |js| async move {
        js.create_object_store(async_nats::jetstream::object_store::Config {
            bucket: BUCKET.into(),
            ..Default::default()
        })
        .await
        .ok()?;
        let mut h = async_nats::HeaderMap::new();
        h.insert("Nats-Msg-Id", "gone");
        h.insert("Wirewatch-Hash", "gone");
        h.insert("Wirewatch-Path", "676f6e652e747874"); // "gone.txt"
        h.insert("Wirewatch-Object", "gone-object");
        let ack = js
            .publish_with_headers("wirewatch.articles", h, bytes::Bytes::new())
            .await
            .ok()?;
        ack.await.ok()
    });
    assert!(sent.is_some(), "cannot publish the test message");

    let reason_file = out.join("quarantine/dead_letter/gone.txt.reason.json");
    assert!(
        wait_for(T, || reason_file.exists()),
        "not dead-lettered; delivered {} times so far",
        w.metric("wirewatch_nats_redelivered_total") + 1.0
    );
    let reason: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&reason_file).expect("read reason")).expect("JSON");
    assert_eq!(reason["reason"], "dead_letter");
    assert_eq!(reason["copied"], false);
    let detail = reason["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("delivered 2 times")
            && detail.contains("could not be read")
            && detail.contains("gone-object"),
        "{detail}"
    );
    // The first delivery failed to read it; the last one gave up.
    assert_eq!(w.metric(r#"wirewatch_nats_errors_total{op="object"}"#), 1.0);
    assert_eq!(w.metric("wirewatch_nats_dead_lettered_total"), 1.0);
    // Nothing left for any worker: not queued, not waiting for an ack.
    let consumer = with_js(&nats.url(), |js| async move {
        let stream = js.get_stream("WIREWATCH_ARTICLES").await.ok()?;
        let mut c: async_nats::jetstream::consumer::PullConsumer =
            stream.get_consumer("wirewatch-workers").await.ok()?;
        let info = c.info().await.ok()?;
        Some((info.num_pending, info.num_ack_pending))
    });
    assert_eq!(consumer, Some((0, 0)));
    assert!(wait_for(T, || stream_messages(
        &nats.url(),
        "WIREWATCH_ARTICLES"
    ) == 0));
    assert!(w.stop());
}
