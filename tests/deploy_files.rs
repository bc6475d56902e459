//! The files under `deploy/`: Prometheus configuration and alert rules
//! (checked and unit-tested with promtool when it is installed), the Grafana
//! dashboard and provisioning, the compose file, the Dockerfile and the
//! systemd unit. No Docker engine is needed: the structure is checked here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use common::*;
use serde_json::Value;
use wirewatch::telemetry::catalogue::{self, Kind};

const PROMETHEUS_HINT: &str = "apt-get install prometheus provides it";

fn deploy(rel: &str) -> PathBuf {
    root().join("deploy").join(rel)
}

fn rules_file() -> Value {
    load_yaml(&deploy("prometheus/rules/wirewatch.rules.yml"))
}

fn dashboard() -> Value {
    let path = deploy("grafana/dashboards/wirewatch.json");
    let text = std::fs::read_to_string(&path).expect("read dashboard");
    serde_json::from_str(&text).expect("dashboard is JSON")
}

fn compose() -> Value {
    load_yaml(&deploy("compose.yaml"))
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// Runs a command, asserting success; returns its stdout and stderr.
fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run command");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    text
}

/// Fails the test unless each of `needles` is part of some `what` in `texts`.
fn assert_each_contained(
    what: &str,
    texts: &[impl AsRef<str> + std::fmt::Debug],
    needles: &[&str],
) {
    for needle in needles {
        assert!(
            texts.iter().any(|t| t.as_ref().contains(needle)),
            "no {what} contains {needle:?}: {texts:?}"
        );
    }
}

/// Exported series names: every catalogue metric (with `_bucket`, `_sum`,
/// `_count` for histograms), the process metrics and `up`.
fn known_series() -> BTreeSet<String> {
    let mut names = BTreeSet::from(["up".to_string()]);
    for def in catalogue::ALL.iter().copied().chain(catalogue::PROCESS) {
        if def.kind == Kind::Histogram {
            for suffix in ["_bucket", "_sum", "_count"] {
                names.insert(format!("{}{suffix}", def.name));
            }
        } else {
            names.insert(def.name.to_string());
        }
    }
    names
}

// --- Prometheus ---------------------------------------------------------------

#[test]
fn promtool_checks_config_and_rules_and_runs_the_alert_unit_tests() {
    let Some(promtool) = tool_or_skip(
        "promtool",
        "promtool_checks_config_and_rules_and_runs_the_alert_unit_tests",
        PROMETHEUS_HINT,
    ) else {
        return;
    };
    run_ok(
        Command::new(&promtool)
            .args(["check", "config"])
            .arg(deploy("prometheus/prometheus.yml")),
    );
    // The cluster's configuration too (deploy/compose.cluster.yaml).
    run_ok(
        Command::new(&promtool)
            .args(["check", "config"])
            .arg(deploy("prometheus/prometheus.cluster.yml")),
    );
    run_ok(
        Command::new(&promtool)
            .args(["check", "rules"])
            .arg(deploy("prometheus/rules/wirewatch.rules.yml")),
    );
    let out = run_ok(
        Command::new(&promtool)
            .args(["test", "rules"])
            .arg(deploy("prometheus/tests/wirewatch.test.yml")),
    );
    assert!(out.contains("SUCCESS"), "{out}");
}

#[test]
fn every_alert_has_unit_tests_that_fire_and_that_stay_quiet() {
    let rules = rules_file();
    let alerts: BTreeSet<&str> = common::rules(&rules)
        .iter()
        .filter_map(|r| r["alert"].as_str())
        .collect();
    let tests = load_yaml(&deploy("prometheus/tests/wirewatch.test.yml"));
    assert_eq!(
        tests["rule_files"][0], "../rules/wirewatch.rules.yml",
        "the unit tests must load the shipped rules"
    );
    let mut firing: BTreeMap<&str, usize> = BTreeMap::new();
    let mut quiet: BTreeMap<&str, usize> = BTreeMap::new();
    for case in tests["tests"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["alert_rule_test"].as_array().into_iter().flatten())
    {
        let name = str_of(&case["alertname"]);
        assert!(alerts.contains(name), "unit test for unknown alert {name}");
        let fires = case["exp_alerts"].as_array().is_some_and(|a| !a.is_empty());
        *if fires { &mut firing } else { &mut quiet }
            .entry(name)
            .or_default() += 1;
    }
    for alert in &alerts {
        assert!(
            firing.contains_key(alert),
            "no unit test where {alert} fires"
        );
        assert!(
            quiet.contains_key(alert),
            "no unit test where {alert} stays quiet"
        );
    }
    eprintln!(
        "alert unit tests: {} cases ({} firing, {} quiet) for {} alerts",
        firing.values().sum::<usize>() + quiet.values().sum::<usize>(),
        firing.values().sum::<usize>(),
        quiet.values().sum::<usize>(),
        alerts.len()
    );
}

#[test]
fn alert_rules_cover_the_runbook_and_use_exported_metrics() {
    let rules = rules_file();
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let known = known_series();
    let mut alerts = BTreeSet::new();
    for rule in common::rules(&rules) {
        let expr = str_of(&rule["expr"]);
        for name in promql_metric_names(expr) {
            assert!(
                known.contains(&name),
                "rule uses unknown metric {name}: {expr}"
            );
        }
        let Some(alert) = rule["alert"].as_str() else {
            continue;
        };
        alerts.insert(alert);
        assert!(
            expr.contains(r#"job="wirewatch""#),
            "{alert}: select the scrape job"
        );
        assert!(rule["for"].is_string(), "{alert}: needs a `for` duration");
        assert!(
            matches!(str_of(&rule["labels"]["severity"]), "critical" | "warning"),
            "{alert}: severity"
        );
        for key in ["summary", "description", "runbook"] {
            assert!(
                !str_of(&rule["annotations"][key]).is_empty(),
                "{alert}: annotation {key}"
            );
        }
        // The runbook points at the README heading of that alert.
        let anchor = format!("README.md#{}", alert.to_lowercase());
        assert_eq!(str_of(&rule["annotations"]["runbook"]), anchor);
        assert!(
            readme.contains(&format!("#### {alert}\n")),
            "README.md has no `#### {alert}` heading for the runbook"
        );
    }
    for required in [
        "WirewatchDown",
        "WirewatchPipelineStalled",
        "WirewatchHighErrorRatio",
        "WirewatchHighQuarantineRatio",
        "WirewatchDropToRecordLatencyHigh",
        "WirewatchQuarantineGrowing",
    ] {
        assert!(alerts.contains(required), "missing alert {required}");
    }
}

#[test]
fn scrape_config_targets_the_compose_service() {
    let config = load_yaml(&deploy("prometheus/prometheus.yml"));
    let jobs = config["scrape_configs"].as_array().expect("scrape_configs");
    let job = jobs
        .iter()
        .find(|j| j["job_name"] == "wirewatch")
        .expect("a scrape job named wirewatch (the rules and dashboard select it)");
    let addr = str_of(&compose()["services"]["wirewatch"]["environment"]["WIREWATCH_METRICS_ADDR"])
        .to_string();
    let port = addr.rsplit(':').next().unwrap_or_default();
    assert_eq!(
        job["static_configs"][0]["targets"][0],
        format!("wirewatch:{port}"),
        "scrape target must be the compose service and its metrics port"
    );
    assert_eq!(config["rule_files"][0], "rules/*.yml");
}

// --- Grafana ------------------------------------------------------------------

/// Every `[...]` range selector in a PromQL expression.
fn ranges(expr: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = expr;
    while let Some(start) = rest.find('[') {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        out.push(&rest[start..=start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

#[test]
fn dashboard_is_current_and_every_panel_uses_the_datasource_variable() {
    let d = dashboard();
    assert!(
        d["schemaVersion"].as_u64().unwrap_or(0) >= 39,
        "schemaVersion"
    );
    assert!(!str_of(&d["uid"]).is_empty() && !str_of(&d["title"]).is_empty());
    let vars = d["templating"]["list"].as_array().expect("templating");
    let ds = vars
        .iter()
        .find(|v| v["type"] == "datasource")
        .expect("a datasource variable");
    assert_eq!(ds["query"], "prometheus");
    let ds_ref = format!("${{{}}}", str_of(&ds["name"]));
    for v in vars.iter().filter(|v| v["type"] == "query") {
        assert_eq!(
            v["datasource"]["uid"],
            ds_ref.as_str(),
            "variable {}",
            v["name"]
        );
    }

    let rows: Vec<String> = d["panels"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["type"] == "row")
        .map(|p| str_of(&p["title"]).to_lowercase())
        .collect();
    assert_each_contained(
        "row title",
        &rows,
        &[
            "throughput",
            "latency",
            "back-pressure",
            "quality",
            "process",
            "nats",
        ],
    );

    let known = known_series();
    let panels = dashboard_panels(&d);
    let mut ids = BTreeSet::new();
    let mut metrics_used = BTreeSet::new();
    for p in &panels {
        let title = str_of(&p["title"]);
        assert!(
            ids.insert(p["id"].as_u64().expect("panel id")),
            "{title}: id"
        );
        assert!(p["gridPos"]["w"].as_u64().is_some(), "{title}: gridPos");
        assert_eq!(
            p["datasource"]["uid"],
            ds_ref.as_str(),
            "{title}: datasource"
        );
        assert!(
            !str_of(&p["description"]).is_empty(),
            "{title}: description"
        );
        let targets = p["targets"].as_array().expect("targets");
        assert!(!targets.is_empty(), "{title}: no query");
        for t in targets {
            assert_eq!(
                t["datasource"]["uid"],
                ds_ref.as_str(),
                "{title}: target datasource"
            );
            let expr = str_of(&t["expr"]);
            assert!(!expr.is_empty(), "{title}: empty expr");
            for r in ranges(expr) {
                assert_eq!(r, "[$__rate_interval]", "{title}: range in {expr}");
            }
            assert!(
                expr.contains(r#"job=~"$job""#) && expr.contains(r#"instance=~"$instance""#),
                "{title}: select $job and $instance: {expr}"
            );
            for name in promql_metric_names(expr) {
                assert!(known.contains(&name), "{title}: unknown metric {name}");
                metrics_used.insert(name);
            }
        }
    }
    // The latency heatmap is drawn from the histogram's buckets.
    assert!(panels.iter().any(|p| {
        p["type"] == "heatmap"
            && p["targets"][0]["format"] == "heatmap"
            && str_of(&p["targets"][0]["expr"]).contains("wirewatch_drop_to_record_seconds_bucket")
    }));
    // The NATS row splits what ingest published into new and duplicate, and
    // errors by operation.
    let exprs: Vec<&str> = panels
        .iter()
        .flat_map(|p| p["targets"].as_array().into_iter().flatten())
        .map(|t| str_of(&t["expr"]))
        .collect();
    assert_each_contained(
        "panel query",
        &exprs,
        &[
            "sum by (result) (rate(wirewatch_nats_published_total{",
            "sum by (op) (rate(wirewatch_nats_errors_total{",
            "wirewatch_nats_consumer_pending{",
        ],
    );
    // Every catalogue metric is on some panel (the article size histogram aside).
    for def in catalogue::ALL {
        let shown = metrics_used.iter().any(|m| m.starts_with(def.name));
        assert!(
            shown || def.name == catalogue::ARTICLE_BYTES.name,
            "{} is on no panel",
            def.name
        );
    }
}

#[test]
fn grafana_provisioning_matches_compose() {
    let ds = load_yaml(&deploy("grafana/provisioning/datasources/prometheus.yaml"));
    let source = &ds["datasources"][0];
    assert_eq!(source["type"], "prometheus");
    assert_eq!(source["url"], "http://prometheus:9090");
    let scrape = load_yaml(&deploy("prometheus/prometheus.yml"));
    assert_eq!(
        source["jsonData"]["timeInterval"], scrape["global"]["scrape_interval"],
        "Grafana's timeInterval must equal the scrape interval for $__rate_interval"
    );
    let provider =
        &load_yaml(&deploy("grafana/provisioning/dashboards/wirewatch.yaml"))["providers"][0];
    assert_eq!(provider["type"], "file");
    let dash_path = str_of(&provider["options"]["path"]);
    let mounts = volume_mounts(&compose()["services"]["grafana"]);
    assert_eq!(
        mounts.get(dash_path).map(String::as_str),
        Some("./grafana/dashboards"),
        "compose mounts the dashboards where the provider reads them"
    );
    assert_eq!(
        mounts.get("/etc/grafana/provisioning").map(String::as_str),
        Some("./grafana/provisioning")
    );
}

// --- compose ------------------------------------------------------------------

/// A service's volume mounts: container path → host path or volume name
/// (`${VAR:-default}` sources give their default).
fn volume_mounts(service: &Value) -> BTreeMap<String, String> {
    service["volumes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| {
            let spec = str_of(v);
            let (source, rest) = match spec.strip_prefix("${") {
                Some(var) => {
                    let (inner, rest) = var.split_once('}')?;
                    (inner.split_once(":-")?.1, rest.strip_prefix(':')?)
                }
                None => spec.split_once(':')?,
            };
            let target = rest.split(':').next()?;
            Some((target.to_string(), source.to_string()))
        })
        .collect()
}

/// The Prometheus service mounts deploy/prometheus and is started with
/// `config` from it.
fn assert_prometheus_reads(p: &Value, config: &str) {
    let (config_dir, _) = volume_mounts(p)
        .into_iter()
        .find(|(_, source)| source == "./prometheus")
        .expect("deploy/prometheus mounted");
    let command: Vec<&str> = p["command"]
        .as_array()
        .expect("command")
        .iter()
        .map(str_of)
        .collect();
    assert!(
        command.contains(&format!("--config.file={config_dir}/{config}").as_str()),
        "{command:?}"
    );
}

/// The compose file's networks and the name of its one internal network.
fn private_network(c: &Value) -> (&serde_json::Map<String, Value>, &str) {
    let networks = c["networks"].as_object().expect("networks");
    let private: Vec<&String> = networks
        .iter()
        .filter(|(_, n)| n["internal"] == true)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(private.len(), 1, "one internal network");
    (networks, private[0].as_str())
}

/// The rules every compose service follows, in both compose files: it joins
/// the private network (and only declared networks); only Grafana publishes a
/// port, on loopback, and only Grafana joins a non-internal network;
/// third-party images are pinned; named volumes are declared and bind mounts
/// exist (or are the user's folders).
fn check_service_network_ports_image_volumes(
    c: &Value,
    name: &str,
    s: &Value,
    networks: &serde_json::Map<String, Value>,
    private: &str,
) {
    let joined: Vec<&str> = s["networks"]
        .as_array()
        .expect("networks")
        .iter()
        .map(str_of)
        .collect();
    assert!(
        joined.contains(&private),
        "{name} is not on the private network"
    );
    for n in &joined {
        assert!(networks.contains_key(*n), "{name}: undeclared network {n}");
    }
    if name == "grafana" {
        let ports = s["ports"].as_array().expect("grafana publishes its port");
        assert_eq!(ports.len(), 1);
        assert!(
            str_of(&ports[0]).starts_with("127.0.0.1:"),
            "{:?}",
            ports[0]
        );
        assert!(str_of(&ports[0]).ends_with(":3000"));
    } else {
        assert!(s.get("ports").is_none(), "{name} must not publish ports");
        // Alertmanager's only way out is to its webhook receiver.
        let outside: Vec<&&str> = joined
            .iter()
            .filter(|n| networks[**n]["internal"] != true)
            .collect();
        match name {
            "alertmanager" => assert_eq!(outside, [&"alerts"], "{name}"),
            _ => assert!(outside.is_empty(), "{name} joins a non-internal network"),
        }
    }
    if let Some(image) = s["image"].as_str().filter(|_| s.get("build").is_none()) {
        let tag = image.rsplit_once(':').map(|(_, t)| t).unwrap_or_default();
        assert!(!tag.is_empty() && tag != "latest", "{name}: pin {image}");
    }
    for (target, source) in volume_mounts(s) {
        if source.starts_with('.') || source.starts_with('/') {
            let user_folder = ["./inbox", "./out"].contains(&source.as_str());
            assert!(
                deploy("").join(&source).exists() || user_folder,
                "{name}: {source} ({target}) missing"
            );
        } else {
            assert!(
                c["volumes"].get(&source).is_some(),
                "{name}: volume {source} not declared"
            );
        }
    }
}

#[test]
fn compose_runs_every_service_on_a_private_network() {
    let c = compose();
    let top: BTreeSet<&str> = c
        .as_object()
        .expect("mapping")
        .keys()
        .map(String::as_str)
        .collect();
    for key in &top {
        assert!(
            [
                "name", "services", "networks", "volumes", "configs", "secrets"
            ]
            .contains(key)
                || key.starts_with("x-"),
            "unknown top-level key {key}"
        );
    }
    let services = c["services"].as_object().expect("services");
    let names: BTreeSet<&str> = services.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "owner",
            "wirewatch",
            "postgres",
            "prometheus",
            "alertmanager",
            "grafana"
        ])
    );
    const SERVICE_KEYS: &[&str] = &[
        "build",
        "image",
        "restart",
        "user",
        "environment",
        "volumes",
        "expose",
        "ports",
        "networks",
        "command",
        "depends_on",
        "stop_grace_period",
        "read_only",
        "security_opt",
        "cap_drop",
        "cap_add",
        "healthcheck",
        "tmpfs",
    ];

    // Networks: one internal network every service joins; ours and the
    // database run on a read-only root with no capability to gain.
    let (networks, private) = private_network(&c);
    for (name, s) in services {
        for key in s.as_object().expect("service").keys() {
            assert!(
                SERVICE_KEYS.contains(&key.as_str()),
                "{name}: unknown key {key}"
            );
        }
        check_service_network_ports_image_volumes(&c, name, s, networks, private);
        if !["grafana", "prometheus", "alertmanager"].contains(&name.as_str()) {
            assert_eq!(s["security_opt"][0], "no-new-privileges:true", "{name}");
            assert_eq!(s["cap_drop"][0], "ALL", "{name}");
            assert_eq!(s["read_only"], true, "{name}");
        }
    }

    // wirewatch: built from this repository, inbox and output mounted where its
    // configuration points, metrics on the container interface.
    let w = &services["wirewatch"];
    assert_eq!(w["build"]["context"], "..");
    let dockerfile = str_of(&w["build"]["dockerfile"]);
    assert!(root().join(dockerfile).is_file(), "{dockerfile}");
    let env = &w["environment"];
    let mounts = volume_mounts(w);
    assert_eq!(
        mounts
            .get(str_of(&env["WIREWATCH_WATCH_DIR"]))
            .map(String::as_str),
        Some("./inbox"),
        "the inbox folder is mounted at watch.dir"
    );
    assert!(
        mounts.contains_key(str_of(&env["WIREWATCH_OUTPUT_DIR"])),
        "output mounted"
    );
    assert!(str_of(&env["WIREWATCH_METRICS_ADDR"]).starts_with("0.0.0.0:"));
    assert!(!str_of(&w["user"]).starts_with('0'), "runs as non-root");

    // Prometheus: the config and rules of deploy/prometheus.
    let p = &services["prometheus"];
    assert_prometheus_reads(p, "prometheus.yml");
    assert!(deploy("prometheus/rules/wirewatch.rules.yml").is_file());

    check_compose_postgres(services);
}

/// `${VAR:-default}` in a compose value replaced by its default, as compose
/// does when VAR is unset.
fn with_defaults(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').expect("closing brace") + start;
        let inner = &rest[start + 2..end];
        out.push_str(inner.split_once(":-").map_or("", |(_, d)| d));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index in PostgreSQL: the server runs unprivileged on a read-only
/// root (its cluster in a named volume, socket and temp files in tmpfs),
/// says when it is ready over TCP, and makes Grafana's read-only role at
/// its first start; the daemon's `index.url` and Grafana's index data
/// source both point at it, with the roles and passwords it is given.
fn check_compose_postgres(services: &serde_json::Map<String, Value>) {
    let pg = &services["postgres"];
    assert!(
        str_of(&pg["image"]).starts_with("postgres:"),
        "{}",
        pg["image"]
    );
    let user = str_of(&pg["user"]);
    assert!(
        !user.is_empty() && !user.starts_with('0'),
        "non-root: {user}"
    );
    assert!(pg.get("cap_add").is_none(), "postgres needs no capability");
    let env = environment(pg);
    let (db, owner) = (&env["POSTGRES_DB"], &env["POSTGRES_USER"]);
    let mounts = volume_mounts(pg);
    let pgdata = &env["PGDATA"];
    let (data_mount, data_volume) = mounts
        .iter()
        .find(|(target, _)| pgdata.starts_with(target.as_str()))
        .unwrap_or_else(|| panic!("no volume holds PGDATA {pgdata}"));
    assert!(
        !data_volume.starts_with('.'),
        "{data_mount} is a named volume"
    );
    let tmpfs: Vec<&str> = pg["tmpfs"]
        .as_array()
        .expect("tmpfs")
        .iter()
        .map(|t| str_of(t).split(':').next().unwrap_or_default())
        .collect();
    for dir in ["/var/run/postgresql", "/tmp"] {
        assert!(tmpfs.contains(&dir), "{dir} writable on a read-only root");
    }
    let health: Vec<&str> = pg["healthcheck"]["test"]
        .as_array()
        .expect("healthcheck")
        .iter()
        .map(str_of)
        .collect();
    let after = |flag: &str| {
        health
            .iter()
            .position(|a| *a == flag)
            .and_then(|i| health.get(i + 1))
            .copied()
    };
    assert!(health.contains(&"pg_isready"), "{health:?}");
    assert_eq!(after("-h"), Some("127.0.0.1"), "ready over TCP: {health:?}");
    assert_eq!(after("-U"), Some(owner.as_str()));
    assert_eq!(after("-d"), Some(db.as_str()));
    let port = after("-p").expect("port");
    assert!(
        pg["expose"]
            .as_array()
            .is_some_and(|e| e.iter().any(|p| str_of(p) == port)),
        "expose {port}"
    );

    // The first start makes Grafana's role from the variables it is given.
    let (initdb, _) = mounts
        .iter()
        .find(|(_, source)| source.as_str() == "./postgres/initdb")
        .expect("deploy/postgres/initdb mounted");
    assert_eq!(initdb, "/docker-entrypoint-initdb.d");
    let script = std::fs::read_to_string(deploy("postgres/initdb/10-reader.sh")).expect("script");
    for var in [
        "WIREWATCH_INDEX_READER",
        "WIREWATCH_INDEX_READER_PASSWORD",
        "POSTGRES_USER",
        "POSTGRES_DB",
    ] {
        assert!(
            script.contains(&format!("\"${var}\"")),
            "script reads {var}"
        );
        assert!(env.contains_key(var), "postgres is given {var}");
    }
    assert!(
        script.contains("GRANT SELECT ON TABLES TO"),
        "tables made later too"
    );

    // The daemon writes the index there, once the server is ready.
    let w = &services["wirewatch"];
    assert_eq!(w["depends_on"]["postgres"]["condition"], "service_healthy");
    let url = with_defaults(&environment(w)["WIREWATCH_INDEX_URL"]);
    let want = format!(
        "postgres://{owner}:{}@postgres:{port}/{db}",
        with_defaults(&env["POSTGRES_PASSWORD"])
    );
    assert_eq!(
        url, want,
        "index.url names the server, its owner and database"
    );
    let mut checked = w.clone();
    checked["environment"]["WIREWATCH_INDEX_URL"] = Value::from(url);
    let config = effective_config("wirewatch", &checked);
    assert_eq!(config["index"]["enabled"].as_bool(), Some(true));

    // Grafana reads it as the read-only role, through the provisioned source.
    let g = &services["grafana"];
    assert!(
        g["depends_on"]
            .as_array()
            .is_some_and(|d| d.iter().any(|s| s == "postgres")),
        "grafana starts after postgres"
    );
    let genv = environment(g);
    let source = load_yaml(&deploy("grafana/provisioning/datasources/index.yaml"));
    let source_text = source.to_string();
    let wanted = [
        ("WIREWATCH_INDEX_PG_ADDR", format!("postgres:{port}")),
        ("WIREWATCH_INDEX_PG_DATABASE", db.clone()),
        (
            "WIREWATCH_INDEX_PG_USER",
            env["WIREWATCH_INDEX_READER"].clone(),
        ),
        (
            "WIREWATCH_INDEX_PG_PASSWORD",
            env["WIREWATCH_INDEX_READER_PASSWORD"].clone(),
        ),
    ];
    for (var, value) in wanted {
        assert!(
            source_text.contains(&format!("${var}")),
            "index.yaml reads {var}"
        );
        assert_eq!(genv.get(var), Some(&value), "grafana's {var}");
    }
}

// --- compose on a NATS JetStream cluster -------------------------------------

/// The settings of a NATS server configuration file that the cluster relies
/// on, as `block.key` → value (`port`, `cluster.port`, `jetstream.store_dir`,
/// ...), with array values joined by spaces. Enough of the format for the
/// file shipped here, not a general parser.
fn nats_conf(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut blocks: Vec<String> = Vec::new();
    let mut array: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if let Some((key, items)) = &mut array {
            if line == "]" {
                out.insert(key.clone(), items.join(" "));
                array = None;
            } else {
                items.push(line.trim_end_matches(',').to_string());
            }
            continue;
        }
        if line == "}" {
            blocks.pop();
            continue;
        }
        let (key, value) = line
            .split_once(|c: char| c == ':' || c == '=' || c.is_whitespace())
            .map(|(k, v)| (k.trim(), v.trim()))
            .unwrap_or((line, ""));
        let key = blocks
            .iter()
            .map(String::as_str)
            .chain([key])
            .collect::<Vec<_>>()
            .join(".");
        match value {
            "{" => blocks.push(key.rsplit('.').next().unwrap_or_default().to_string()),
            "[" => array = Some((key, Vec::new())),
            v => {
                out.insert(key, v.trim_matches('"').to_string());
            }
        }
    }
    out
}

/// A service's environment (a mapping) as strings.
fn environment(service: &Value) -> BTreeMap<String, String> {
    service["environment"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect()
}

/// The effective configuration `wirewatch check-config` prints for a
/// service's environment (so the values are ones wirewatch accepts).
fn effective_config(name: &str, service: &Value) -> toml::Table {
    let mut cmd = Command::new(BIN);
    cmd.arg("check-config");
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("WIREWATCH_")) {
        cmd.env_remove(k);
    }
    cmd.envs(environment(service));
    let out = cmd.output().expect("run wirewatch check-config");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name}: wirewatch rejects the environment: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    text.parse()
        .unwrap_or_else(|e| panic!("{name}: check-config output is not TOML: {e}\n{text}"))
}

/// `deploy.replicas`: a number, or `${VAR:-number}`.
fn replicas(service: &Value) -> Option<u64> {
    let r = &service["deploy"]["replicas"];
    r.as_u64().or_else(|| {
        str_of(r)
            .strip_prefix("${")?
            .strip_suffix('}')?
            .split_once(":-")?
            .1
            .parse()
            .ok()
    })
}

#[test]
fn cluster_compose_runs_three_nats_nodes_ingest_and_workers_on_a_private_network() {
    let c = load_yaml(&deploy("compose.cluster.yaml"));
    let single = compose();
    assert_ne!(
        c["name"], single["name"],
        "its own project name, so volumes and networks stay apart"
    );
    for key in c.as_object().expect("mapping").keys() {
        assert!(
            ["name", "services", "networks", "volumes"].contains(&key.as_str())
                || key.starts_with("x-"),
            "unknown top-level key {key}"
        );
    }
    let services = c["services"].as_object().expect("services");
    let names: BTreeSet<&str> = services.keys().map(String::as_str).collect();
    let nodes = ["nats-1", "nats-2", "nats-3"];
    let mut expected = BTreeSet::from([
        "owner",
        "ingest",
        "worker",
        "prometheus",
        "alertmanager",
        "grafana",
    ]);
    expected.extend(nodes);
    assert_eq!(names, expected);

    // One private network every service joins; only Grafana publishes a
    // port, on loopback, and only Grafana joins another network.
    let (networks, private) = private_network(&c);
    for (name, s) in services {
        check_service_network_ports_image_volumes(&c, name, s, networks, private);
        if !["grafana", "prometheus", "alertmanager"].contains(&name.as_str()) {
            assert_eq!(s["security_opt"][0], "no-new-privileges:true", "{name}");
            assert_eq!(s["cap_drop"][0], "ALL", "{name}");
            assert_eq!(s["read_only"], true, "{name}");
        }
    }

    // NATS: three nodes of one cluster, pinned to 2.10, one configuration
    // file, each with its own name and its own store volume.
    let conf_text = std::fs::read_to_string(deploy("nats/cluster.conf")).expect("nats conf");
    let conf = nats_conf(&conf_text);
    let client_port = conf.get("port").expect("port").clone();
    let cluster_port = conf.get("cluster.port").expect("cluster.port").clone();
    let http_port = conf.get("http_port").expect("http_port").clone();
    assert!(!conf.get("cluster.name").expect("cluster.name").is_empty());
    let store_dir = conf
        .get("jetstream.store_dir")
        .expect("jetstream.store_dir");
    let routes: BTreeSet<&str> = conf
        .get("cluster.routes")
        .expect("cluster.routes")
        .split_whitespace()
        .collect();
    let want_routes: BTreeSet<String> = nodes
        .iter()
        .map(|n| format!("nats-route://{n}:{cluster_port}"))
        .collect();
    assert_eq!(
        routes,
        want_routes.iter().map(String::as_str).collect(),
        "every node routes to all three"
    );
    let mut stores = BTreeSet::new();
    for node in nodes {
        let s = &services[node];
        let image = str_of(&s["image"]);
        assert!(
            image == "nats:2.10"
                || image.starts_with("nats:2.10-")
                || image.starts_with("nats:2.10."),
            "{node}: {image}"
        );
        let command: Vec<&str> = s["command"]
            .as_array()
            .expect("command")
            .iter()
            .map(str_of)
            .collect();
        let after = |flag: &str| {
            command
                .iter()
                .position(|a| *a == flag)
                .and_then(|i| command.get(i + 1))
                .copied()
        };
        assert_eq!(after("--name"), Some(node), "{node}: a unique server name");
        let mounts = volume_mounts(s);
        let conf_path = after("--config").expect("--config");
        assert_eq!(
            mounts.get(conf_path).map(String::as_str),
            Some("./nats/cluster.conf"),
            "{node}: the shipped configuration"
        );
        let (mount, volume) = mounts
            .iter()
            .find(|(target, _)| store_dir.starts_with(target.as_str()))
            .unwrap_or_else(|| panic!("{node}: no volume holds {store_dir}"));
        assert!(
            !volume.starts_with('.'),
            "{node}: {mount} is a named volume"
        );
        assert!(stores.insert(volume.clone()), "{node}: shares its store");
        let health = s["healthcheck"]["test"].to_string();
        assert!(
            health.contains(&format!(":{http_port}/healthz")),
            "{node}: health check on the monitoring port: {health}"
        );
    }

    // wirewatch: the image of this repository; ingest and work, connected to
    // all three nodes, streams with 3 replicas, metrics scraped on the
    // container interface.
    let servers: Vec<String> = nodes
        .iter()
        .map(|n| format!("nats://{n}:{client_port}"))
        .collect();
    let mut metrics_ports = BTreeSet::new();
    for (name, role) in [("ingest", "ingest"), ("worker", "work")] {
        let s = &services[name];
        assert_eq!(
            s["build"], single["services"]["wirewatch"]["build"],
            "{name}"
        );
        assert_eq!(s["command"][0], role, "{name}: runs `wirewatch {role}`");
        assert!(!str_of(&s["user"]).starts_with('0'), "{name}: non-root");
        for node in nodes {
            assert_eq!(
                s["depends_on"][node]["condition"], "service_healthy",
                "{name} waits for {node}"
            );
        }
        let env = environment(s);
        assert!(env.contains_key("WIREWATCH_NATS_SERVERS"), "{name}");
        assert_eq!(env["WIREWATCH_NATS_REPLICAS"], "3", "{name}");
        let config = effective_config(name, s);
        let nats = config["nats"].as_table().expect("[nats]");
        let got: Vec<&str> = nats["servers"]
            .as_array()
            .expect("servers")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(got, servers, "{name}: nats.servers lists the three nodes");
        assert_eq!(nats["replicas"].as_integer(), Some(3), "{name}");
        let addr = config["metrics"]["addr"].as_str().expect("metrics.addr");
        let port = addr.strip_prefix("0.0.0.0:").expect("metrics on 0.0.0.0");
        assert!(
            s["expose"]
                .as_array()
                .is_some_and(|e| e.iter().any(|p| str_of(p) == port)),
            "{name}: expose {port}"
        );
        metrics_ports.insert(port.to_string());
    }
    // The one ingester watches the mounted inbox; its ledger and quarantine
    // are kept.
    let ingest = &services["ingest"];
    assert!(ingest.get("deploy").is_none(), "a single ingester");
    let env = environment(ingest);
    let mounts = volume_mounts(ingest);
    assert_eq!(
        mounts.get(&env["WIREWATCH_WATCH_DIR"]).map(String::as_str),
        Some("./inbox")
    );
    assert!(mounts.contains_key(&env["WIREWATCH_OUTPUT_DIR"]));
    // Workers: several, each with its own (anonymous) output volume, no inbox.
    let worker = &services["worker"];
    assert!(
        replicas(worker).is_some_and(|n| n >= 2),
        "workers: deploy.replicas >= 2, got {}",
        worker["deploy"]["replicas"]
    );
    let env = environment(worker);
    assert!(
        !env.contains_key("WIREWATCH_WATCH_DIR"),
        "workers watch nothing"
    );
    let out = &env["WIREWATCH_OUTPUT_DIR"];
    let volumes: Vec<&str> = worker["volumes"]
        .as_array()
        .expect("worker volumes")
        .iter()
        .map(str_of)
        .collect();
    assert_eq!(
        volumes,
        vec![out.as_str()],
        "one anonymous volume per replica at the output folder, nothing shared"
    );

    // Prometheus: the cluster's scrape configuration finds the ingester and
    // every worker replica, as the job the rules and dashboard select.
    let p = &services["prometheus"];
    assert_prometheus_reads(p, "prometheus.cluster.yml");
    let scrape = load_yaml(&deploy("prometheus/prometheus.cluster.yml"));
    assert_eq!(
        scrape["global"]["scrape_interval"],
        load_yaml(&deploy("prometheus/prometheus.yml"))["global"]["scrape_interval"],
        "Grafana's provisioned timeInterval assumes this scrape interval"
    );
    assert_eq!(scrape["rule_files"][0], "rules/*.yml");
    let job = scrape["scrape_configs"]
        .as_array()
        .expect("scrape_configs")
        .iter()
        .find(|j| j["job_name"] == "wirewatch")
        .expect("job wirewatch");
    let sd = &job["dns_sd_configs"][0];
    let sd_names: BTreeSet<&str> = sd["names"]
        .as_array()
        .expect("names")
        .iter()
        .map(str_of)
        .collect();
    assert_eq!(sd_names, BTreeSet::from(["ingest", "worker"]));
    assert_eq!(
        BTreeSet::from([sd["port"].to_string()]),
        metrics_ports,
        "scrape port = metrics port"
    );
    // Grafana: the same provisioning and dashboard as the single daemon.
    assert_eq!(
        volume_mounts(&services["grafana"]),
        volume_mounts(&single["services"]["grafana"])
    );

    // The NATS configuration is valid for nats-server itself.
    let Some(nats) = find_tool("nats-server") else {
        assert!(
            std::env::var_os("WIREWATCH_REQUIRE_NATS").is_none(),
            "nats-server is required here (WIREWATCH_REQUIRE_NATS) but not installed"
        );
        eprintln!("SKIPPED nats-server -t: nats-server is not installed");
        return;
    };
    run_ok(
        Command::new(nats)
            .arg("-c")
            .arg(deploy("nats/cluster.conf"))
            .args(["--name", "nats-1", "-t"]),
    );
}

// --- Dockerfile ---------------------------------------------------------------

/// Dockerfile instructions (continuations joined, comments dropped) as
/// (INSTRUCTION, arguments).
fn instructions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        if let Some(body) = trimmed.strip_suffix('\\') {
            current.push_str(body);
            current.push(' ');
            continue;
        }
        current.push_str(trimmed);
        let (op, args) = current
            .split_once(char::is_whitespace)
            .unwrap_or((&current, ""));
        out.push((op.to_uppercase(), args.trim().to_string()));
        current.clear();
    }
    out
}

#[test]
fn dockerfile_is_multi_stage_small_and_non_root() {
    let text = std::fs::read_to_string(deploy("Dockerfile")).expect("Dockerfile");
    let ins = instructions(&text);
    let args: BTreeMap<String, String> = ins
        .iter()
        .filter(|(op, _)| op == "ARG")
        .filter_map(|(_, a)| {
            a.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let froms: Vec<(usize, &String)> = ins
        .iter()
        .enumerate()
        .filter(|(_, (op, _))| op == "FROM")
        .map(|(i, (_, a))| (i, a))
        .collect();
    assert!(froms.len() >= 2, "multi-stage build");
    for (_, from) in &froms {
        let words: Vec<&str> = from.split_whitespace().collect();
        assert!(
            words.len() == 3 && words[1].eq_ignore_ascii_case("AS"),
            "named stage: {from}"
        );
        let mut image = words[0].to_string();
        for (k, v) in &args {
            image = image.replace(&format!("${{{k}}}"), v);
        }
        let tag = image.rsplit_once(':').map(|(_, t)| t).unwrap_or_default();
        assert!(
            !tag.is_empty() && tag != "latest" && !tag.contains('$'),
            "pin {image}"
        );
    }
    let build_stage = froms[0].1.split_whitespace().nth(2).unwrap_or_default();
    let (final_start, final_from) = froms[froms.len() - 1];
    assert!(
        final_from.contains("distroless") || final_from.contains("slim"),
        "small runtime image: {final_from}"
    );
    let final_stage = &ins[final_start..];
    let user = final_stage
        .iter()
        .rev()
        .find(|(op, _)| op == "USER")
        .map(|(_, a)| a.as_str())
        .expect("USER in the runtime stage");
    assert!(
        !matches!(user.split(':').next(), Some("root" | "0")),
        "USER {user}"
    );
    assert!(final_stage.iter().any(|(op, a)| op == "COPY"
        && a.contains(&format!("--from={build_stage}"))
        && a.contains("wirewatch")));
    assert!(!ins.iter().any(|(op, _)| op == "ADD"), "COPY, not ADD");
    let entrypoint = final_stage
        .iter()
        .find(|(op, _)| op == "ENTRYPOINT")
        .map(|(_, a)| a.as_str())
        .expect("ENTRYPOINT");
    assert!(
        serde_json::from_str::<Vec<String>>(entrypoint).is_ok(),
        "exec-form ENTRYPOINT: {entrypoint}"
    );
    assert!(
        final_stage
            .iter()
            .any(|(op, a)| op == "EXPOSE" && a == "9464")
    );
    assert!(
        ins.iter()
            .any(|(op, a)| op == "RUN" && a.contains("cargo build --release --locked")),
        "reproducible build from Cargo.lock"
    );
    // What the build stage copies exists and is not excluded from the context.
    let ignore = std::fs::read_to_string(root().join(".dockerignore")).expect(".dockerignore");
    let ignored: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.trim_end_matches('/'))
        .collect();
    assert!(
        ignored.contains(&"target"),
        ".dockerignore must exclude target/"
    );
    let mut copied = Vec::new();
    for (_, a) in ins[..final_start].iter().filter(|(op, _)| op == "COPY") {
        let words: Vec<&str> = a
            .split_whitespace()
            .filter(|w| !w.starts_with("--"))
            .collect();
        for src in &words[..words.len().saturating_sub(1)] {
            assert!(root().join(src).exists(), "COPY {src}: missing");
            assert!(
                !ignored.contains(&src.trim_end_matches('/')),
                "COPY {src}: ignored"
            );
            copied.push(src.trim_end_matches('/').to_string());
        }
    }
    // Cargo refuses a manifest whose declared targets are missing, even to
    // build one binary: the build stage must copy every one of them.
    let manifest: toml::Table = std::fs::read_to_string(root().join("Cargo.toml"))
        .expect("Cargo.toml")
        .parse()
        .expect("Cargo.toml is TOML");
    let mut needed = vec![
        "Cargo.toml".to_string(),
        "Cargo.lock".to_string(),
        "src".to_string(),
    ];
    for (section, dir) in [
        ("bench", "benches"),
        ("test", "tests"),
        ("example", "examples"),
        ("bin", "src/bin"),
    ] {
        for target in manifest
            .get(section)
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            let path = match target.get("path").and_then(|p| p.as_str()) {
                Some(p) => p.to_string(),
                None => format!(
                    "{dir}/{}.rs",
                    target
                        .get("name")
                        .and_then(|n| n.as_str())
                        .unwrap_or_default()
                ),
            };
            needed.push(path);
        }
    }
    for path in &needed {
        let top = path.split('/').next().unwrap_or_default();
        assert!(
            copied.iter().any(|c| c == "." || c == path || c == top),
            "the build stage does not copy {path}, which Cargo.toml needs"
        );
        assert!(
            !ignored.contains(&top),
            "{path} is excluded by .dockerignore"
        );
    }
}

// --- systemd ------------------------------------------------------------------

/// `Key=value` settings of a unit file, in order (keys may repeat).
fn unit_settings(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with('#') && !l.starts_with(';') && !l.starts_with('[')
        })
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn systemd_unit_is_hardened() {
    let path = deploy("systemd/wirewatch.service");
    let text = std::fs::read_to_string(&path).expect("unit");
    let settings = unit_settings(&text);
    let get = |k: &str| -> Vec<&str> {
        settings
            .iter()
            .filter(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let one = |k: &str| get(k).last().copied().unwrap_or_default();
    for (key, value) in [
        ("ProtectSystem", "strict"),
        ("NoNewPrivileges", "yes"),
        ("Restart", "on-failure"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("CapabilityBoundingSet", ""),
    ] {
        assert_eq!(one(key), value, "{key}");
        assert!(!get(key).is_empty(), "{key} missing");
    }
    assert!(
        one("DynamicUser") == "yes" || !one("User").is_empty() && one("User") != "root",
        "a dedicated or dynamic user"
    );
    // The folders: the inbox is a ReadWritePath, the output the state directory.
    let env: BTreeMap<&str, &str> = get("Environment")
        .into_iter()
        .filter_map(|e| e.split_once('='))
        .collect();
    let inbox = env.get("WIREWATCH_WATCH_DIR").expect("watch dir");
    assert!(
        get("ReadWritePaths")
            .iter()
            .flat_map(|v| v.split_whitespace())
            .any(|p| p.trim_start_matches('-') == *inbox),
        "ReadWritePaths must include {inbox}"
    );
    let output = env.get("WIREWATCH_OUTPUT_DIR").expect("output dir");
    assert_eq!(*output, format!("/var/lib/{}", one("StateDirectory")));
    assert!(one("ExecStart").ends_with("wirewatch run"));

    // sysusers and tmpfiles snippets create the user and the inbox.
    let sysusers = std::fs::read_to_string(deploy("systemd/wirewatch.sysusers")).expect("sysusers");
    assert!(
        sysusers
            .lines()
            .any(|l| l.starts_with(&format!("u {} ", one("User"))))
    );
    let tmpfiles = std::fs::read_to_string(deploy("systemd/wirewatch.tmpfiles")).expect("tmpfiles");
    assert!(
        tmpfiles
            .lines()
            .any(|l| l.split_whitespace().nth(1) == Some(*inbox))
    );

    let Some(analyze) = tool_or_skip(
        "systemd-analyze",
        "systemd_unit_is_hardened (systemd-analyze part)",
        "part of systemd",
    ) else {
        return;
    };
    // `verify` wants ExecStart's binary to exist: point it at the one just built.
    let dir = tempfile::tempdir().expect("tempdir");
    let unit = dir.path().join("wirewatch.service");
    std::fs::write(&unit, text.replace("/usr/local/bin/wirewatch", BIN)).expect("write unit");
    run_ok(Command::new(&analyze).arg("verify").arg(&unit));
    // Exposure 2.0 or less ("OK"); the scale of --threshold is ten times finer.
    // `--offline` needs systemd 250 or later.
    let out = Command::new(&analyze)
        .args(["security", "--offline=true", "--threshold=20"])
        .arg(&unit)
        .output()
        .expect("run systemd-analyze security");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("unrecognized option") {
        eprintln!("SKIPPED systemd-analyze security: this systemd has no --offline");
        return;
    }
    assert!(out.status.success(), "systemd-analyze security:\n{text}");
    let level = text
        .lines()
        .find(|l| l.contains("Overall exposure level"))
        .unwrap_or_default();
    eprintln!("systemd-analyze security: {level}");
}

// --- alerting and inbox ownership -----------------------------------------------

/// Both compose files: Prometheus sends its alerts to the Alertmanager
/// service, which reads the example configuration with a webhook receiver.
#[test]
fn alerts_reach_alertmanager_and_its_webhook_receiver() {
    for (compose_file, prometheus_file) in [
        ("compose.yaml", "prometheus/prometheus.yml"),
        ("compose.cluster.yaml", "prometheus/prometheus.cluster.yml"),
    ] {
        let c = load_yaml(&deploy(compose_file));
        let am = &c["services"]["alertmanager"];
        let port = str_of(&am["expose"][0]);
        let mounts = volume_mounts(am);
        assert_eq!(
            mounts.get("/etc/alertmanager").map(String::as_str),
            Some("./alertmanager"),
            "{compose_file}"
        );
        let command: Vec<&str> = am["command"]
            .as_array()
            .expect("command")
            .iter()
            .map(str_of)
            .collect();
        assert!(command.contains(&"--config.file=/etc/alertmanager/alertmanager.yml"));
        let p = load_yaml(&deploy(prometheus_file));
        let targets: Vec<&str> = p["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
            .as_array()
            .expect("alerting targets")
            .iter()
            .map(str_of)
            .collect();
        assert_eq!(
            targets,
            [format!("alertmanager:{port}")],
            "{prometheus_file}"
        );
    }
    let am = load_yaml(&deploy("alertmanager/alertmanager.yml"));
    let receiver = str_of(&am["route"]["receiver"]);
    let receivers = am["receivers"].as_array().expect("receivers");
    let r = receivers
        .iter()
        .find(|r| str_of(&r["name"]) == receiver)
        .expect("the route's receiver is declared");
    let url = str_of(&r["webhook_configs"][0]["url"]);
    assert!(url.starts_with("http"), "{url}");
    // Every severity the rules use is routed somewhere (the default route).
    let file = rules_file();
    for rule in rules(&file) {
        let severity = str_of(&rule["labels"]["severity"]);
        assert!(["critical", "warning"].contains(&severity), "{severity}");
    }
    if let Some(amtool) = find_tool("amtool") {
        run_ok(
            Command::new(amtool)
                .arg("check-config")
                .arg(deploy("alertmanager/alertmanager.yml")),
        );
    }
}

/// The folders wirewatch moves and deletes files in are given to the user it
/// runs as, before it starts: the same uid:gid, the same host folders.
#[test]
fn the_inbox_is_owned_by_the_user_that_moves_and_deletes_in_it() {
    for (compose_file, service) in [
        ("compose.yaml", "wirewatch"),
        ("compose.cluster.yaml", "ingest"),
    ] {
        let c = load_yaml(&deploy(compose_file));
        let owner = &c["services"]["owner"];
        let w = &c["services"][service];
        let command: Vec<&str> = owner["command"]
            .as_array()
            .expect("command")
            .iter()
            .map(str_of)
            .collect();
        assert_eq!(command[0], "chown", "{compose_file}");
        assert_eq!(
            command[1],
            str_of(&w["user"]),
            "{compose_file}: chown to the user {service} runs as"
        );
        let owned: BTreeSet<&str> = command[2..].iter().copied().collect();
        let theirs = volume_mounts(owner);
        let mine = volume_mounts(w);
        for (target, source) in &mine {
            if source == "./inbox" || source == "./out" {
                assert!(
                    owned.contains(target.as_str()),
                    "{compose_file}: {target} is not given to {service}'s user"
                );
                assert_eq!(
                    theirs.get(target),
                    Some(source),
                    "{compose_file}: the same host folder"
                );
            }
        }
        assert_eq!(
            w["depends_on"]["owner"]["condition"], "service_completed_successfully",
            "{compose_file}: {service} starts once the folders are its user's"
        );
        assert_eq!(owner["cap_add"].as_array().map(Vec::len), Some(1));
        assert_eq!(owner["cap_add"][0], "CHOWN");
    }
}
