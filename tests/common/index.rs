//! What the index tests share: sample articles that fill every table, and
//! the example queries of docs/index.md.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Workspace, article, drop_file};

/// An article with a link, a quote, money and a percentage, so every table
/// has rows.
pub const HARBOUR: &str = "# Council approves the harbour budget\n\n\
LISBON, March 3, 2025 — The city council approved a budget of $4.5 million for the harbour, \
about 12% of the city's spending.\n\n\
\"We will rebuild the harbour walls this year,\" said Maria Costa, the mayor of Lisbon.\n\n\
The plans are on the [council website](https://example.org/council/harbour).\n";

/// Two outlets' figures for the same quantity that do not agree, so the
/// fact ledger has an entry whose sources disagree.
pub const TOURISM: [(&str, &str); 2] = [
    (
        "tourism-lisbon.md",
        "# Tourism brings in a sixth of the economy\n\n\
LISBON, March 3, 2025 — Tourism accounted for 15% of Portugal's GDP in 2024, \
the national statistics office said.\n",
    ),
    (
        "tourism-porto.md",
        "# Visitors set a record\n\n\
PORTO, March 5, 2025 — Hotels were full all summer.\n\n\
Tourism made up 19% of Portugal's GDP in 2024, according to the Bank of Portugal.\n",
    ),
];

/// The samples, the harbour article, two tourism articles and three
/// council articles.
pub fn sample_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.copy_seeds();
    drop_file(&ws.watch(), "harbour.md", HARBOUR.as_bytes());
    for (name, text) in TOURISM {
        drop_file(&ws.watch(), name, text.as_bytes());
    }
    for n in 0..3 {
        drop_file(
            &ws.watch(),
            &format!("council-{n}.txt"),
            article(n).as_bytes(),
        );
    }
    ws
}

/// The ```sql blocks of docs/index.md for `dialect` (`sqlite` or `postgres`).
pub fn doc_queries(dialect: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/index.md"))
        .unwrap();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_end()) {
            (None, fence) if fence.starts_with("```sql") => {
                let tag = fence.trim_start_matches("```sql").trim();
                current = (tag.is_empty() || tag == dialect).then(String::new);
                if current.is_none() {
                    current = Some("\u{0}skip".into());
                }
            }
            (Some(q), "```") => {
                if !q.starts_with('\u{0}') {
                    out.push(q.clone());
                }
                current = None;
            }
            (Some(q), l) => {
                q.push_str(l);
                q.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

/// The PostgreSQL server the tests may use (`WIREWATCH_TEST_POSTGRES_URL`,
/// a role allowed to create databases), or `None` after printing why `test`
/// is skipped. With `WIREWATCH_REQUIRE_POSTGRES=1` (set by `.ci/run` once it
/// has started PostgreSQL) a missing URL fails the test instead.
pub fn postgres_or_skip(test: &str) -> Option<String> {
    match std::env::var("WIREWATCH_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let required = std::env::var("WIREWATCH_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "{test}: WIREWATCH_TEST_POSTGRES_URL is not set but WIREWATCH_REQUIRE_POSTGRES=1"
            );
            eprintln!(
                "SKIPPED {test}: set WIREWATCH_TEST_POSTGRES_URL=postgres://USER:PASSWORD@HOST/DB (a role that may create databases)"
            );
            None
        }
    }
}

/// A database of its own for one test, dropped at the end.
pub struct TestDatabase {
    admin: String,
    name: String,
    /// Its connection string.
    pub url: String,
}

impl TestDatabase {
    pub fn create(admin: &str, test: &str) -> TestDatabase {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "ww_{}_{}_{}",
            test.chars()
                .filter(char::is_ascii_alphanumeric)
                .take(20)
                .collect::<String>(),
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        )
        .to_lowercase();
        let mut client =
            postgres::Client::connect(admin, postgres::NoTls).expect("connect to PostgreSQL");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        let url = with_database(admin, &name);
        TestDatabase {
            admin: admin.to_string(),
            name,
            url,
        }
    }

    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).expect("connect to the test database")
    }

    /// The same database reached through `host:port` (a proxy).
    pub fn url_via(&self, port: u16) -> String {
        let (scheme, rest) = self.url.split_once("://").unwrap();
        let (userinfo, after) = rest.rsplit_once('@').map_or(("", rest), |(u, a)| (u, a));
        let path = &after[after.find('/').unwrap_or(after.len())..];
        let at = if userinfo.is_empty() { "" } else { "@" };
        format!("{scheme}://{userinfo}{at}127.0.0.1:{port}{path}")
    }

    /// The upstream `host:port` of the server.
    pub fn server(&self) -> String {
        let rest = self.url.split_once("://").unwrap().1;
        let after = rest.rsplit_once('@').map_or(rest, |(_, a)| a);
        let hostport = &after[..after.find('/').unwrap_or(after.len())];
        if hostport.contains(':') {
            hostport.to_string()
        } else {
            format!("{hostport}:5432")
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `url` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let host_end = rest
        .find('/')
        .map_or(base.len(), |i| base.len() - rest.len() + i);
    format!("{}/{name}{query}", &base[..host_end])
}

/// Every row of `sql` as text, from PostgreSQL (row by row as JSON).
pub fn pg_rows(client: &mut postgres::Client, sql: &str) -> Vec<String> {
    let sql = sql.trim().trim_end_matches(';');
    client
        .query(&format!("SELECT row_to_json(q)::text FROM ({sql}) q"), &[])
        .unwrap_or_else(|e| panic!("{e:?} in\n{sql}"))
        .iter()
        .map(|r| r.get::<_, String>(0))
        .collect()
}

/// A TCP proxy to a server that a test can cut and restore: an outage as
/// the program sees it (connections reset, new ones refused) without
/// stopping a server other tests use.
pub struct Proxy {
    pub port: u16,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Proxy {
    pub fn start(upstream: String) -> Proxy {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let open: Arc<Mutex<Vec<std::net::TcpStream>>> = Arc::default();
        let (up2, open2) = (up.clone(), open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                // Held from the check to the registration, so a cut either
                // comes before (the connection is refused) or after (it is
                // among those the cut resets): none slips through a cut.
                let mut held = open2.lock().unwrap();
                if !up2.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(server) = std::net::TcpStream::connect(&upstream) else {
                    continue;
                };
                held.push(client.try_clone().unwrap());
                held.push(server.try_clone().unwrap());
                for (mut from, mut to) in [
                    (client.try_clone().unwrap(), server.try_clone().unwrap()),
                    (server, client),
                ] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Proxy { port, up, open }
    }

    /// The server is gone: open connections reset, new ones closed at once.
    pub fn cut(&self) {
        let mut open = self.open.lock().unwrap();
        self.up.store(false, std::sync::atomic::Ordering::SeqCst);
        for s in open.drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }

    /// The server is back.
    pub fn restore(&self) {
        self.up.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The source paths of the records in the workspace's output folder.
pub fn record_paths(ws: &Workspace) -> BTreeSet<String> {
    ws.records()
        .iter()
        .map(|rel| {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(ws.out().join("records").join(rel)).unwrap())
                    .unwrap();
            v["source"]["path"].as_str().unwrap().to_string()
        })
        .collect()
}
