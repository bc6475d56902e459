//! Helpers for integration tests: run the real `wirewatch` binary on temp
//! folders, scrape its metrics over HTTP, send it signals.
#![allow(dead_code)]

pub mod index;

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_wirewatch");

/// The project's sample articles.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Ports [`free_port`] has handed out in this test process.
static HANDED_OUT: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());

/// A free loopback port (bound, read and released), never one this test
/// process handed out before: tests run in parallel threads, and the
/// kernel may give a port just released to the next bind, so two servers
/// or metrics endpoints of concurrent tests could otherwise be told the
/// same port, and one test read the other's process.
pub fn free_port() -> u16 {
    let mut handed = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        if !handed.contains(&port) {
            handed.push(port);
            return port;
        }
    }
}

/// Polls `cond` every 20 ms until it holds or `timeout` passes.
pub fn wait_for(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    cond()
}

/// A temp workspace: `in/` watched, `out/` for output.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("in")).expect("mkdir in");
        Workspace { dir }
    }
    pub fn watch(&self) -> PathBuf {
        self.dir.path().join("in")
    }
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
    pub fn record_path(&self, rel: &str) -> PathBuf {
        self.out().join("records").join(format!("{rel}.json"))
    }
    pub fn record(&self, rel: &str) -> Option<serde_json::Value> {
        let bytes = std::fs::read(self.record_path(rel)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
    /// Record files below `out/records` (relative paths, sorted).
    pub fn records(&self) -> Vec<String> {
        list_files(&self.out().join("records"))
    }
    pub fn quarantined(&self, reason: &str) -> Vec<String> {
        list_files(&self.out().join("quarantine").join(reason))
    }
    pub fn copy_seeds(&self) {
        for e in std::fs::read_dir(seeds_dir()).expect("seeds") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), self.watch().join(e.file_name())).expect("copy");
        }
    }
}

pub fn list_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(root)
                        .expect("prefix")
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

/// A running daemon; killed on drop if still running.
pub struct Daemon {
    pub child: Child,
    pub port: u16,
    pub log: PathBuf,
}

impl Daemon {
    /// Starts `wirewatch run` on the workspace with `env` extra variables,
    /// and waits until `/readyz` answers 200.
    pub fn start(ws: &Workspace, env: &[(&str, &str)]) -> Daemon {
        let port = free_port();
        let log = ws.dir.path().join(format!("daemon-{port}.log"));
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut cmd = Command::new(BIN);
        cmd.arg("run")
            .arg("--watch")
            .arg(ws.watch())
            .arg("--out")
            .arg(ws.out())
            .arg("--metrics-addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--log-format")
            .arg("json")
            .env("WIREWATCH_WATCH_SETTLE_MS", "100")
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(log_file);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("spawn wirewatch");
        let d = Daemon { child, port, log };
        assert!(
            wait_for(Duration::from_secs(20), || d
                .get("/readyz")
                .map(|(s, _)| s == 200)
                .unwrap_or(false)),
            "daemon not ready; log:\n{}",
            d.log_text()
        );
        d
    }

    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        let url = format!("http://127.0.0.1:{}{}", self.port, path);
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .new_agent();
        let mut resp = agent.get(&url).call().ok()?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().read_to_string().ok()?;
        Some((status, body))
    }

    /// The value of one metric series, e.g. `wirewatch_articles_total{outcome="ok"}`.
    pub fn metric(&self, series: &str) -> Option<f64> {
        let (_, text) = self.get("/metrics")?;
        metric_value(&text, series)
    }

    pub fn wait_metric(&self, series: &str, value: f64, timeout: Duration) -> bool {
        wait_for(timeout, || self.metric(series) == Some(value))
    }

    /// Waits until `series` reads `value`, failing the test with the
    /// series and the daemon's log when it does not within `timeout`.
    pub fn expect_metric(&self, series: &str, value: f64, timeout: Duration) {
        assert!(
            self.wait_metric(series, value, timeout),
            "{series} never reached {value}\n{}",
            self.log_text()
        );
    }

    /// Waits until `n` articles have ended `ok`, failing the test with the
    /// daemon's log when they do not within `timeout`.
    pub fn expect_ok(&self, n: usize, timeout: Duration) {
        self.expect_metric(
            r#"wirewatch_articles_total{outcome="ok"}"#,
            n as f64,
            timeout,
        );
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: kill(2) on our own child's pid has no memory-safety concerns.
        unsafe {
            libc::kill(self.child.id() as i32, sig);
        }
    }

    /// SIGTERM, then wait for exit (at most `timeout`).
    pub fn stop(mut self, timeout: Duration) -> Option<ExitStatus> {
        self.signal(libc::SIGTERM);
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn log_text(&self) -> String {
        let mut s = String::new();
        if let Ok(mut f) = std::fs::File::open(&self.log) {
            let _ = f.read_to_string(&mut s);
        }
        s
    }

    /// The JSON log lines with `"message":"article"`.
    pub fn article_logs(&self) -> Vec<serde_json::Value> {
        self.log_text()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v.get("message").and_then(|m| m.as_str()) == Some("article"))
            .collect()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Parses one series' value out of Prometheus exposition text.
pub fn metric_value(text: &str, series: &str) -> Option<f64> {
    let (name, labels) = match series.find('{') {
        Some(i) => (&series[..i], Some(&series[i..])),
        None => (series, None),
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|line| {
            let (key, value) = line.rsplit_once(' ')?;
            let matches = match labels {
                None => key == name,
                Some(l) => {
                    let rest = key.strip_prefix(name)?;
                    let want: Vec<&str> = l.trim_matches(['{', '}']).split(',').collect();
                    rest.starts_with('{') && want.iter().all(|w| rest.contains(w))
                }
            };
            if matches { value.parse().ok() } else { None }
        })
}

/// Runs the binary to completion.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).env_remove("RUST_LOG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run wirewatch")
}

/// Runs the binary to completion and returns its standard output; fails the
/// test, showing both streams, when the run does not succeed.
pub fn run_ok(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = run(args, env);
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout
}

/// Writes a file atomically from the watcher's point of view: temp name, then rename.
pub fn drop_file(dir: &Path, name: &str, bytes: &[u8]) {
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, bytes).expect("write temp");
    std::fs::rename(&tmp, dir.join(name)).expect("rename");
}

/// A plausible unique article.
pub fn article(n: usize) -> String {
    format!(
        "Headline number {n}\nThe council met on Tuesday to discuss item {n}. Members agreed to continue the talks next week.\nA spokesperson said the budget would be published soon.\n"
    )
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first executable called `name` on `PATH`.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| {
            std::fs::metadata(p)
                .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
                .unwrap_or(false)
        })
}

/// `find_tool(name)`, or `None` after printing why `test` is skipped. With
/// `WIREWATCH_REQUIRE_PROMETHEUS=1` (set by `.ci/run` once it has installed
/// Prometheus) a missing `prometheus` or `promtool` fails the test instead.
pub fn tool_or_skip(name: &str, test: &str, install_hint: &str) -> Option<PathBuf> {
    if let Some(p) = find_tool(name) {
        return Some(p);
    }
    let required = matches!(name, "prometheus" | "promtool")
        && std::env::var("WIREWATCH_REQUIRE_PROMETHEUS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{test}: `{name}` not found on PATH but WIREWATCH_REQUIRE_PROMETHEUS=1 ({install_hint})"
    );
    eprintln!("SKIPPED {test}: `{name}` not found on PATH ({install_hint})");
    None
}

/// Reports gold data from `../shared` that is absent: with
/// `WIREWATCH_REQUIRE_SHARED=1` (set by `.ci/run`, where the data is always
/// present) the test fails, so a regression cannot pass as a skip; otherwise
/// it prints why the caller skips.
pub fn skip_missing_shared(path: &Path) {
    let required = std::env::var("WIREWATCH_REQUIRE_SHARED").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{} not found but WIREWATCH_REQUIRE_SHARED=1",
        path.display()
    );
    eprintln!(
        "SKIPPED: {} not found (WIREWATCH_REQUIRE_SHARED=1 makes this a failure)",
        path.display()
    );
}

/// Parses a YAML file (first document) into JSON values, for structural checks.
pub fn load_yaml(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let docs = yaml_rust2::YamlLoader::load_from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", path.display()));
    docs.first().map(yaml_to_json).unwrap_or_default()
}

fn yaml_to_json(y: &yaml_rust2::Yaml) -> serde_json::Value {
    use serde_json::Value;
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(s.clone())),
        Yaml::Integer(i) => Value::from(*i),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::Array(a.iter().map(yaml_to_json).collect()),
        Yaml::Hash(h) => Value::Object(
            h.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s.clone(),
                        Yaml::Integer(i) => i.to_string(),
                        Yaml::Boolean(b) => b.to_string(),
                        other => format!("{other:?}"),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

/// Metric names a PromQL expression selects (`wirewatch_*`, `process_*`,
/// `up`), outside string literals, sorted and deduplicated.
pub fn promql_metric_names(expr: &str) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut token = String::new();
    let mut in_string: Option<char> = None;
    let mut flush = |token: &mut String| {
        if token.starts_with("wirewatch_") || token.starts_with("process_") || token == "up" {
            names.insert(token.clone());
        }
        token.clear();
    };
    for c in expr.chars() {
        if let Some(q) = in_string {
            if c == q {
                in_string = None;
            }
            continue;
        }
        if c == '"' || c == '\'' || c == '`' {
            flush(&mut token);
            in_string = Some(c);
        } else if c.is_ascii_alphanumeric() || c == '_' || c == ':' {
            token.push(c);
        } else {
            flush(&mut token);
        }
    }
    flush(&mut token);
    names.into_iter().collect()
}

/// Every panel of a Grafana dashboard, rows' nested panels included, rows
/// themselves excluded.
pub fn dashboard_panels(dashboard: &serde_json::Value) -> Vec<&serde_json::Value> {
    fn walk<'a>(panels: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
        for p in panels.as_array().into_iter().flatten() {
            if p["type"] == "row" {
                walk(&p["panels"], out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&dashboard["panels"], &mut out);
    out
}

/// The alerting and recording rules of a Prometheus rule file.
pub fn rules(file: &serde_json::Value) -> Vec<&serde_json::Value> {
    file["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|g| g["rules"].as_array().into_iter().flatten())
        .collect()
}
