//! wirewatch on NATS JetStream, against a real nats-server on loopback:
//! ingest + workers, a worker killed mid-run, re-published content, the
//! server going away and coming back (readiness following it), and a poison
//! article. Skipped with a
//! message when nats-server is not installed, unless CI requires it.

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

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

/// A wirewatch role process with its own metrics port.
struct Role {
    child: Child,
    port: u16,
}

impl Role {
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

/// Messages held by a stream, read through the client library.
fn stream_messages(url: &str, stream: &str) -> u64 {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let client = async_nats::connect(url).await.ok()?;
        let js = async_nats::jetstream::new(client);
        let mut s = js.get_stream(stream).await.ok()?;
        Some(s.info().await.ok()?.state.messages)
    })
    .unwrap_or(u64::MAX)
}

#[test]
fn ingest_and_two_workers_write_every_record_exactly_once_through_a_kill_and_an_outage() {
    if !nats_available() {
        return;
    }
    let ws = Workspace::new();
    let mut nats = NatsServer::start(&ws.dir.path().join("js"), free_port());
    ws.copy_seeds();
    let n_more = 200;
    let ingest = Role::start(
        "ingest",
        &nats.url(),
        Some(&ws.watch()),
        &ws.dir.path().join("ingest"),
        &[],
    );
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
    if !nats_available() {
        return;
    }
    let ws = Workspace::new();
    let nats = NatsServer::start(&ws.dir.path().join("js"), free_port());
    let out = ws.dir.path().join("w");
    // Its record can never be written: a folder sits where the file should go.
    std::fs::create_dir_all(out.join("records/poison.txt.json/blocked")).expect("block");
    let ingest = Role::start(
        "ingest",
        &nats.url(),
        Some(&ws.watch()),
        &ws.dir.path().join("ingest"),
        &[],
    );
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
    if !nats_available() {
        return;
    }
    let ws = Workspace::new();
    let nats = NatsServer::start(&ws.dir.path().join("js"), free_port());
    // The record is written, but the records stream refuses it for a while:
    // the article must not be acked until its record is in the stream, even
    // though it comes back to the worker that already has the record.
    records_stream_limit(&nats.url(), 100);
    let ingest = Role::start(
        "ingest",
        &nats.url(),
        Some(&ws.watch()),
        &ws.dir.path().join("ingest"),
        &[],
    );
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
