//! Helpers for integration tests: run the real `wirewatch` binary on temp
//! folders, scrape its metrics over HTTP, send it signals.
#![allow(dead_code)]

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

/// A free loopback port (bound, read and released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
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
