//! Metrics as operators see them: the real daemon's `/metrics` against the
//! catalogue, then a real Prometheus (the `prometheus` binary, when installed)
//! scraping the daemon every second while articles and bad files are dropped,
//! with every dashboard panel query and every alert rule evaluated through
//! Prometheus's HTTP API.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use serde_json::Value;
use wirewatch::telemetry::catalogue::{self, Kind, MetricDef};

const T: Duration = Duration::from_secs(30);

/// The sample lines of one metric family in exposition text.
fn samples<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .collect()
}

fn check_family(text: &str, def: &MetricDef) {
    let kind = def.kind.as_str();
    assert!(
        text.contains(&format!("# TYPE {} {kind}\n", def.name)),
        "{}: no `# TYPE {} {kind}`",
        def.name,
        def.name
    );
    assert!(
        text.contains(&format!("# HELP {} ", def.name)),
        "{}: no HELP",
        def.name
    );
    let series = if def.kind == Kind::Histogram {
        format!("{}_count", def.name)
    } else {
        def.name.to_string()
    };
    let lines = samples(text, &series);
    for combo in catalogue::combinations(def.labels) {
        let found = lines.iter().any(|l| {
            combo
                .iter()
                .all(|(k, v)| l.contains(&format!("{k}=\"{v}\"")))
        });
        assert!(found, "{series}: no series for {combo:?}");
    }
    if def.kind == Kind::Histogram {
        let buckets = samples(text, &format!("{}_bucket", def.name));
        for b in def.buckets {
            assert!(
                buckets.iter().any(|l| l.contains(&format!("le=\"{b}\""))),
                "{}: no bucket le=\"{b}\"",
                def.name
            );
        }
    }
}

#[test]
fn metrics_endpoint_exports_the_whole_catalogue_and_process_metrics() {
    let ws = Workspace::new();
    let d = Daemon::start(&ws, &[]);
    let (status, text) = d.get("/metrics").expect("scrape");
    assert_eq!(status, 200);
    for def in catalogue::ALL.iter().copied().chain(catalogue::PROCESS) {
        check_family(&text, def);
    }
    let build_info = format!(
        "wirewatch_build_info{{version=\"{}\"}}",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(metric_value(&text, &build_info), Some(1.0), "{build_info}");
    assert!(metric_value(&text, "process_resident_memory_bytes").is_some_and(|v| v > 0.0));
    assert!(metric_value(&text, "process_open_fds").is_some_and(|v| v > 0.0));
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}

// --- live Prometheus ------------------------------------------------------------

/// A Prometheus server on a temp folder; killed on drop.
struct Prometheus {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Prometheus {
    fn start(bin: &Path, dir: &Path, config: &Path) -> Prometheus {
        let port = free_port();
        let log = dir.join("prometheus.log");
        let log_file = std::fs::File::create(&log).expect("prometheus log");
        let child = Command::new(bin)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.join("tsdb").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .arg("--log.level=warn")
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("spawn prometheus");
        let p = Prometheus { child, port, log };
        assert!(
            wait_for(T, || p.get("/-/ready").is_some_and(|(s, _)| s == 200)),
            "prometheus not ready; log:\n{}",
            p.log_text()
        );
        p
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .new_agent()
    }

    fn get(&self, path: &str) -> Option<(u16, String)> {
        let url = format!("http://127.0.0.1:{}{}", self.port, path);
        let mut resp = Self::agent().get(&url).call().ok()?;
        let status = resp.status().as_u16();
        Some((status, resp.body_mut().read_to_string().ok()?))
    }

    /// An instant query at the current time: the API's JSON answer.
    fn query(&self, expr: &str) -> Value {
        let url = format!("http://127.0.0.1:{}/api/v1/query", self.port);
        let mut resp = Self::agent()
            .get(&url)
            .query("query", expr)
            .call()
            .expect("query prometheus");
        let body = resp.body_mut().read_to_string().expect("query body");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("bad JSON ({e}): {body}"))
    }

    /// The values of an instant query's result, or why there are none.
    fn values(&self, expr: &str) -> Result<Vec<f64>, String> {
        let answer = self.query(expr);
        if answer["status"] != "success" {
            return Err(format!(
                "{}: {}",
                answer["errorType"].as_str().unwrap_or("error"),
                answer["error"].as_str().unwrap_or_default()
            ));
        }
        let data = &answer["data"];
        let raw: Vec<&Value> = match data["resultType"].as_str() {
            Some("vector") => data["result"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| &s["value"][1])
                .collect(),
            Some("scalar") => vec![&data["result"][1]],
            other => return Err(format!("unexpected result type {other:?}")),
        };
        Ok(raw
            .into_iter()
            .map(|v| v.as_str().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN))
            .collect())
    }

    /// The single value of a query, if it has exactly one finite value.
    fn scalar(&self, expr: &str) -> Option<f64> {
        match self.values(expr) {
            Ok(v) if v.len() == 1 && v[0].is_finite() => Some(v[0]),
            _ => None,
        }
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The dashboard's template variables as a query sends them: the "All" value
/// of multi-value variables, else the current value. `$__rate_interval` is
/// what Grafana computes for a 15 s scrape interval at short time ranges: 1m.
fn dashboard_variables(dashboard: &Value) -> Vec<(String, String)> {
    let mut vars = vec![
        ("__rate_interval".to_string(), "1m".to_string()),
        ("__interval".to_string(), "15s".to_string()),
        ("__range".to_string(), "5m".to_string()),
    ];
    for v in dashboard["templating"]["list"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let name = v["name"].as_str().unwrap_or_default().to_string();
        let value = if v["includeAll"] == true {
            v["allValue"].as_str().unwrap_or(".+").to_string()
        } else {
            match &v["current"]["value"] {
                Value::String(s) => s.clone(),
                Value::Array(a) => a.first().and_then(Value::as_str).unwrap_or("").to_string(),
                _ => String::new(),
            }
        };
        vars.push((name, value));
    }
    // Longest names first, so `$job` never eats the start of `$jobs`.
    vars.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    vars
}

fn substitute(expr: &str, vars: &[(String, String)]) -> String {
    let mut out = expr.to_string();
    for (name, value) in vars {
        out = out
            .replace(&format!("${{{name}}}"), value)
            .replace(&format!("[[{name}]]"), value)
            .replace(&format!("${name}"), value);
    }
    out
}

#[test]
fn every_dashboard_panel_and_alert_rule_works_against_a_live_prometheus() {
    let test = "every_dashboard_panel_and_alert_rule_works_against_a_live_prometheus";
    let Some(prometheus_bin) = tool_or_skip(
        "prometheus",
        test,
        "apt-get install prometheus; .ci/run installs it",
    ) else {
        return;
    };

    // The daemon, and Prometheus scraping it every second with the shipped
    // scrape configuration and rules.
    let ws = Workspace::new();
    // Rescans every 2 s, so the scan-duration query has scans to average.
    let d = Daemon::start(&ws, &[("WIREWATCH_WATCH_RESCAN_INTERVAL_S", "2")]);
    let prom_dir = ws.dir.path().join("prometheus");
    std::fs::create_dir_all(prom_dir.join("rules")).expect("mkdir");
    let deploy = root().join("deploy/prometheus");
    let rules_path = deploy.join("rules/wirewatch.rules.yml");
    std::fs::copy(&rules_path, prom_dir.join("rules/wirewatch.rules.yml")).expect("copy rules");
    let mut config = std::fs::read_to_string(deploy.join("prometheus.yml")).expect("config");
    for (from, to) in [
        ("\"wirewatch:9464\"", format!("\"127.0.0.1:{}\"", d.port)),
        ("scrape_interval: 15s", "scrape_interval: 1s".to_string()),
        (
            "evaluation_interval: 15s",
            "evaluation_interval: 1s".to_string(),
        ),
    ] {
        assert!(config.contains(from), "prometheus.yml has no {from}");
        config = config.replace(from, &to);
    }
    let config_path = prom_dir.join("prometheus.yml");
    std::fs::write(&config_path, &config).expect("write config");
    let prom = Prometheus::start(&prometheus_bin, &prom_dir, &config_path);
    assert!(
        wait_for(T, || prom
            .scalar(r#"count_over_time(up{job="wirewatch"}[1m])"#)
            .is_some_and(|n| n >= 3.0)),
        "prometheus does not scrape the daemon; log:\n{}",
        prom.log_text()
    );

    // Traffic: real articles, unique articles in batches, a duplicate, a new
    // revision, and bad files.
    let w = ws.watch();
    ws.copy_seeds();
    drop_file(
        &w,
        "links.md",
        b"# A markdown article\n\nRead [the report](https://example.org/report) and \
          https://example.com/notes before Tuesday. The minister agreed.\n",
    );
    for batch in 0..8 {
        for i in 0..5 {
            let n = batch * 5 + i;
            drop_file(&w, &format!("a{n:02}.txt"), article(n).as_bytes());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    drop_file(&w, "empty.txt", b"");
    drop_file(
        &w,
        "binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    );
    let ok = 5.0 + 1.0 + 40.0;
    d.expect_metric(r#"wirewatch_articles_total{outcome="ok"}"#, ok, T);
    drop_file(&w, "dup.txt", article(0).as_bytes());
    drop_file(&w, "a01.txt", article(1000).as_bytes());
    let ok = ok + 1.0;
    for (series, n) in [
        (r#"wirewatch_articles_total{outcome="ok"}"#, ok),
        (r#"wirewatch_articles_total{outcome="duplicate"}"#, 1.0),
        (r#"wirewatch_articles_total{outcome="quarantined"}"#, 2.0),
    ] {
        assert!(d.wait_metric(series, n, T), "{series}\n{}", d.log_text());
    }
    // Prometheus has scraped the final figures, and evaluated the rules since.
    assert!(
        wait_for(T, || prom.scalar(
            r#"sum(wirewatch_articles_total{job="wirewatch", outcome="ok"})"#
        ) == Some(ok)),
        "prometheus never saw {ok} ok articles"
    );
    std::thread::sleep(Duration::from_secs(2));

    // Every panel query returns data: a non-empty result whose values are
    // all finite numbers (queries filter out NaN themselves).
    let dashboard: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/grafana/dashboards/wirewatch.json"))
            .expect("dashboard"),
    )
    .expect("dashboard JSON");
    let vars = dashboard_variables(&dashboard);
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    let panels = dashboard_panels(&dashboard);
    let mut with_data = 0;
    let mut queries = 0;
    for p in &panels {
        let title = p["title"].as_str().unwrap_or("?");
        let mut panel_ok = true;
        for t in p["targets"].as_array().into_iter().flatten() {
            let Some(raw) = t["expr"].as_str() else {
                continue;
            };
            queries += 1;
            let expr = substitute(raw, &vars);
            names.extend(promql_metric_names(&expr));
            let result = prom.values(&expr);
            eprintln!(
                "  {title} {}: {result:?}",
                t["refId"].as_str().unwrap_or("?")
            );
            let problem = match result {
                Err(e) => Some(e),
                Ok(v) if v.is_empty() => Some("no data".to_string()),
                Ok(v) if v.iter().any(|x| !x.is_finite()) => Some(format!("non-finite {v:?}")),
                Ok(_) => None,
            };
            if let Some(problem) = problem {
                panel_ok = false;
                failures.push(format!(
                    "panel {title:?} query {}: {problem}\n    {expr}",
                    t["refId"].as_str().unwrap_or("?")
                ));
            }
        }
        with_data += usize::from(panel_ok);
    }
    eprintln!(
        "dashboard: {with_data}/{} panels returned data ({queries} queries)",
        panels.len()
    );

    // Every alert rule's expression evaluates, and Prometheus loaded and ran
    // every rule without error; on this healthy daemon none is active (all
    // have a `for` longer than this test, so "active" means pending).
    let rules_file = load_yaml(&rules_path);
    let rules = common::rules(&rules_file);
    for rule in &rules {
        let name = rule["alert"]
            .as_str()
            .or(rule["record"].as_str())
            .unwrap_or("?");
        let expr = rule["expr"].as_str().unwrap_or_default();
        names.extend(promql_metric_names(expr));
        if let Err(e) = prom.values(expr) {
            failures.push(format!("rule {name}: {e}\n    {expr}"));
        }
    }
    let loaded = prom.get("/api/v1/rules").expect("rules API").1;
    let loaded: Value = serde_json::from_str(&loaded).expect("rules JSON");
    let mut states = BTreeMap::new();
    for group in loaded["data"]["groups"].as_array().into_iter().flatten() {
        for r in group["rules"].as_array().into_iter().flatten() {
            let name = r["name"].as_str().unwrap_or("?").to_string();
            if r["health"] != "ok" {
                failures.push(format!(
                    "rule {name}: health {} {}",
                    r["health"], r["lastError"]
                ));
            }
            states.insert(name, r["state"].as_str().unwrap_or("").to_string());
        }
    }
    assert_eq!(states.len(), rules.len(), "prometheus loaded every rule");
    for (name, state) in &states {
        // One slow scrape on a loaded machine makes WirewatchDown pending for
        // a second; `up` was checked above instead.
        if name != "WirewatchDown" && !state.is_empty() && state != "inactive" {
            failures.push(format!("alert {name} is {state} on a healthy daemon"));
        }
    }
    eprintln!("alert rules: {} evaluated, states {states:?}", rules.len());

    // Every series the dashboard and the rules select exists.
    for name in &names {
        let q = format!(r#"count({{__name__="{name}", job="wirewatch"}})"#);
        if prom.scalar(&q).is_none() {
            failures.push(format!("no series named {name}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}\nprometheus log:\n{}",
        failures.len(),
        failures.join("\n"),
        prom.log_text()
    );
    assert_eq!(with_data, panels.len());
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
