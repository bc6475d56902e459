//! The metric catalogue: every metric wirewatch exports is declared here, once,
//! with its kind, unit, help text and label values. Code records metrics only
//! through these definitions, so names cannot drift and every label
//! combination exists (at zero) from the first scrape.

use metrics::Unit;

use super::labels::{ErrorType, IgnoreReason, NatsOp, QuarantineReason, Stage};
use crate::extract::FactKind;
use crate::extract::entities::EntityType;

/// Counter, gauge or histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Counter,
    Gauge,
    Histogram,
}

/// One exported metric.
#[derive(Debug)]
pub struct MetricDef {
    pub name: &'static str,
    pub kind: Kind,
    pub(crate) unit: Unit,
    pub(crate) help: &'static str,
    /// Label names with every value they can take (pre-registered at 0).
    pub labels: &'static [(&'static str, &'static [&'static str])],
    /// Bucket bounds, for histograms.
    pub buckets: &'static [f64],
}

/// Latency buckets from 100 µs to 60 s.
const SECONDS_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0, 30.0, 60.0,
];
/// Drop-to-record latency includes the settle time, so it starts higher.
const LATENCY_BUCKETS: &[f64] = &[
    0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0,
];
const BYTES_BUCKETS: &[f64] = &[
    256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0, 16777216.0,
];

pub(crate) const OUTCOMES: &[&str] = &[
    "ok",
    "duplicate",
    "unchanged",
    "changed",
    "feed",
    "quarantined",
    "failed",
    "published",
];
pub(crate) const DETECTED_HOW: &[&str] = &["scan", "event"];
pub(crate) const EVENT_KINDS: &[&str] = &["create", "modify", "remove", "rename", "other"];
pub(crate) const RESCAN_REASONS: &[&str] = &[
    "startup",
    "interval",
    "overflow",
    "watcher_error",
    "watcher_rescan",
    "root_recreated",
    "backfill",
];
pub(crate) const FACT_KINDS: &[&str] = &FactKind::LABELS;
pub(crate) const ENTITY_TYPES: &[&str] = &EntityType::LABELS;

macro_rules! metric {
    ($id:ident, $name:literal, $kind:ident, $unit:ident, $help:literal, [$($l:expr),*] $(, $b:expr)?) => {
        pub const $id: MetricDef = MetricDef {
            name: $name,
            kind: Kind::$kind,
            unit: Unit::$unit,
            help: $help,
            labels: &[$($l),*],
            buckets: metric!(@b $($b)?),
        };
    };
    (@b) => { &[] };
    (@b $b:expr) => { $b };
}

metric!(
    FILES_DETECTED,
    "wirewatch_files_detected_total",
    Counter,
    Count,
    "Files found ready for processing, by how they were found.",
    [("how", DETECTED_HOW)]
);
metric!(
    FILES_IGNORED,
    "wirewatch_files_ignored_total",
    Counter,
    Count,
    "Files in the watched folder that are not read, by reason; each path counted once.",
    [("reason", IgnoreReason::LABELS)]
);
metric!(
    ARTICLES,
    "wirewatch_articles_total",
    Counter,
    Count,
    "Articles finished, by outcome.",
    [("outcome", OUTCOMES)]
);
metric!(
    QUARANTINED,
    "wirewatch_quarantined_total",
    Counter,
    Count,
    "Files quarantined, by reason.",
    [("reason", QuarantineReason::LABELS)]
);
metric!(
    ERRORS,
    "wirewatch_errors_total",
    Counter,
    Count,
    "Errors, by pipeline stage and error type.",
    [("stage", Stage::LABELS), ("error_type", ErrorType::LABELS)]
);
metric!(
    BYTES_READ,
    "wirewatch_bytes_read_total",
    Counter,
    Bytes,
    "Bytes read from article files.",
    []
);
metric!(
    STAGE_DURATION,
    "wirewatch_stage_duration_seconds",
    Histogram,
    Seconds,
    "Time spent per article in each pipeline stage.",
    [("stage", Stage::LABELS)],
    SECONDS_BUCKETS
);
metric!(
    DROP_TO_RECORD,
    "wirewatch_drop_to_record_seconds",
    Histogram,
    Seconds,
    "From the file's last modification to its durable record (includes the settle time).",
    [],
    LATENCY_BUCKETS
);
metric!(
    ARTICLE_BYTES,
    "wirewatch_article_size_bytes",
    Histogram,
    Bytes,
    "Size of the article files processed.",
    [],
    BYTES_BUCKETS
);
metric!(
    QUEUE_DEPTH,
    "wirewatch_queue_depth",
    Gauge,
    Count,
    "Files waiting for a worker.",
    []
);
metric!(
    IN_FLIGHT,
    "wirewatch_in_flight",
    Gauge,
    Count,
    "Files handed to the pipeline and not yet committed.",
    []
);
metric!(
    PENDING,
    "wirewatch_pending_files",
    Gauge,
    Count,
    "Files seen but not yet settled.",
    []
);
metric!(
    FACTS,
    "wirewatch_facts_extracted_total",
    Counter,
    Count,
    "Facts extracted, by kind.",
    [("kind", FACT_KINDS)]
);
metric!(
    ENTITIES,
    "wirewatch_entities_extracted_total",
    Counter,
    Count,
    "Named entities extracted, by type.",
    [("type", ENTITY_TYPES)]
);
metric!(
    WATCHER_EVENTS,
    "wirewatch_watcher_events_total",
    Counter,
    Count,
    "Filesystem events received from the watcher, by kind.",
    [("kind", EVENT_KINDS)]
);
metric!(
    RESCANS,
    "wirewatch_rescans_total",
    Counter,
    Count,
    "Full scans of the watched folder, by reason.",
    [("reason", RESCAN_REASONS)]
);
metric!(
    RESCAN_DURATION,
    "wirewatch_rescan_duration_seconds",
    Histogram,
    Seconds,
    "Time one full scan of the watched folder took: listing, stat and the ledger lookup of every file.",
    [],
    SECONDS_BUCKETS
);
metric!(
    WATCHER_ERRORS,
    "wirewatch_watcher_errors_total",
    Counter,
    Count,
    "Errors reported by the filesystem watcher.",
    []
);
metric!(
    LEDGER_ENTRIES,
    "wirewatch_ledger_entries",
    Gauge,
    Count,
    "Entries in the ledger (contents and paths).",
    []
);
metric!(
    QUARANTINE_BYTES,
    "wirewatch_quarantine_bytes",
    Gauge,
    Bytes,
    "Bytes of file copies held in the quarantine folder.",
    []
);
metric!(
    QUARANTINE_FILES,
    "wirewatch_quarantine_files",
    Gauge,
    Count,
    "Files held in the quarantine folder.",
    []
);
metric!(
    BUILD_INFO,
    "wirewatch_build_info",
    Gauge,
    Count,
    "Always 1; labels carry the version and build target.",
    [
        ("version", &[env!("CARGO_PKG_VERSION")]),
        ("target_os", &[std::env::consts::OS]),
        ("target_arch", &[std::env::consts::ARCH])
    ]
);
metric!(
    LAST_SUCCESS,
    "wirewatch_last_success_timestamp_seconds",
    Gauge,
    Seconds,
    "Unix time of the last article that produced a record.",
    []
);
metric!(
    READY,
    "wirewatch_ready",
    Gauge,
    Count,
    "1 when the process is ready (initial scan done, output writable; ingest and work: connected to NATS), else 0.",
    []
);

pub(crate) const PUBLISH_RESULTS: &[&str] = &["new", "duplicate"];

metric!(
    NATS_PUBLISHED,
    "wirewatch_nats_published_total",
    Counter,
    Count,
    "Articles published to the JetStream work queue (ingest), by whether the stream already had them.",
    [("result", PUBLISH_RESULTS)]
);
metric!(
    NATS_ACKED,
    "wirewatch_nats_acked_total",
    Counter,
    Count,
    "Articles acked by this worker after their record was durable.",
    []
);
metric!(
    NATS_REDELIVERED,
    "wirewatch_nats_redelivered_total",
    Counter,
    Count,
    "Articles received by this worker that had been delivered before (a worker died or was slow).",
    []
);
metric!(
    NATS_DEAD_LETTERED,
    "wirewatch_nats_dead_lettered_total",
    Counter,
    Count,
    "Articles given up after nats.max_deliver deliveries and quarantined.",
    []
);
metric!(
    NATS_PENDING,
    "wirewatch_nats_consumer_pending",
    Gauge,
    Count,
    "Articles waiting in the work queue for any worker (consumer lag), as last seen.",
    []
);
metric!(
    NATS_ERRORS,
    "wirewatch_nats_errors_total",
    Counter,
    Count,
    "Errors talking to NATS, by operation.",
    [("op", NatsOp::LABELS)]
);

metric!(
    INDEX_LAG,
    "wirewatch_index_lag_records",
    Gauge,
    Count,
    "Records committed but not yet in the index (index.url); grows while the index fails and falls as it catches up.",
    []
);
metric!(
    INDEX_ARTICLES,
    "wirewatch_index_articles_total",
    Counter,
    Count,
    "Article row sets written to the index (a record written again counts again).",
    []
);
metric!(
    INDEX_ERRORS,
    "wirewatch_index_errors_total",
    Counter,
    Count,
    "Failed index writes (server down, disk full) and records the index could not read.",
    []
);
metric!(
    INDEX_UP,
    "wirewatch_index_up",
    Gauge,
    Count,
    "1 while the last index write succeeded, 0 while the index fails.",
    []
);
metric!(
    INDEX_BATCH,
    "wirewatch_index_batch_seconds",
    Histogram,
    Seconds,
    "Time to write one batch of records to the index (one transaction).",
    [],
    SECONDS_BUCKETS
);
/// Every metric, in documentation order.
pub const ALL: &[&MetricDef] = &[
    &FILES_DETECTED,
    &FILES_IGNORED,
    &ARTICLES,
    &QUARANTINED,
    &ERRORS,
    &BYTES_READ,
    &STAGE_DURATION,
    &DROP_TO_RECORD,
    &ARTICLE_BYTES,
    &QUEUE_DEPTH,
    &IN_FLIGHT,
    &PENDING,
    &FACTS,
    &ENTITIES,
    &WATCHER_EVENTS,
    &RESCANS,
    &RESCAN_DURATION,
    &WATCHER_ERRORS,
    &LEDGER_ENTRIES,
    &QUARANTINE_BYTES,
    &QUARANTINE_FILES,
    &BUILD_INFO,
    &LAST_SUCCESS,
    &READY,
    &NATS_PUBLISHED,
    &NATS_ACKED,
    &NATS_REDELIVERED,
    &NATS_DEAD_LETTERED,
    &NATS_PENDING,
    &NATS_ERRORS,
    &INDEX_LAG,
    &INDEX_ARTICLES,
    &INDEX_ERRORS,
    &INDEX_UP,
    &INDEX_BATCH,
];

/// Standard process metrics, exported by the `metrics-process` collector
/// next to the catalogue (not registered by [`register_all`]); listed here so
/// they are documented, and checked against a running daemon, like the rest.
pub const PROCESS: &[MetricDef] = &[
    process_metric(
        "process_cpu_seconds_total",
        Kind::Counter,
        Unit::Seconds,
        "Total user and system CPU time spent in seconds.",
    ),
    process_metric(
        "process_resident_memory_bytes",
        Kind::Gauge,
        Unit::Bytes,
        "Resident memory size in bytes.",
    ),
    process_metric(
        "process_virtual_memory_bytes",
        Kind::Gauge,
        Unit::Bytes,
        "Virtual memory size in bytes.",
    ),
    process_metric(
        "process_virtual_memory_max_bytes",
        Kind::Gauge,
        Unit::Bytes,
        "Maximum amount of virtual memory available in bytes.",
    ),
    process_metric(
        "process_open_fds",
        Kind::Gauge,
        Unit::Count,
        "Number of open file descriptors.",
    ),
    process_metric(
        "process_max_fds",
        Kind::Gauge,
        Unit::Count,
        "Maximum number of open file descriptors.",
    ),
    process_metric(
        "process_threads",
        Kind::Gauge,
        Unit::Count,
        "Number of OS threads in the process.",
    ),
    process_metric(
        "process_start_time_seconds",
        Kind::Gauge,
        Unit::Seconds,
        "Start time of the process since unix epoch in seconds.",
    ),
];

const fn process_metric(
    name: &'static str,
    kind: Kind,
    unit: Unit,
    help: &'static str,
) -> MetricDef {
    MetricDef {
        name,
        kind,
        unit,
        help,
        labels: &[],
        buckets: &[],
    }
}

/// Describes every metric to the recorder and registers every label
/// combination, so each series exists (at zero) before anything happens.
pub(crate) fn register_all() {
    for def in ALL {
        match def.kind {
            Kind::Counter => metrics::describe_counter!(def.name, def.unit, def.help),
            Kind::Gauge => metrics::describe_gauge!(def.name, def.unit, def.help),
            Kind::Histogram => metrics::describe_histogram!(def.name, def.unit, def.help),
        }
        for labels in combinations(def.labels) {
            match def.kind {
                Kind::Counter => metrics::counter!(def.name, &labels).increment(0),
                Kind::Gauge => {
                    let g = metrics::gauge!(def.name, &labels);
                    if def.name == BUILD_INFO.name {
                        g.set(1.0);
                    } else {
                        g.set(0.0);
                    }
                }
                Kind::Histogram => {
                    let _ = metrics::histogram!(def.name, &labels);
                }
            }
        }
    }
}

/// Every combination of label values of a metric.
pub fn combinations(
    labels: &[(&'static str, &'static [&'static str])],
) -> Vec<Vec<(&'static str, &'static str)>> {
    let mut out: Vec<Vec<(&'static str, &'static str)>> = vec![Vec::new()];
    for (name, values) in labels {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                values.iter().map(move |v| {
                    let mut p = prefix.clone();
                    p.push((*name, *v));
                    p
                })
            })
            .collect();
    }
    out
}

impl Kind {
    /// The Prometheus `# TYPE` of the metric.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Counter => "counter",
            Kind::Gauge => "gauge",
            Kind::Histogram => "histogram",
        }
    }
}

/// `docs/metrics.md`: every metric of [`ALL`] and [`PROCESS`] in tables
/// (name, type, unit, labels with every value, help) and the buckets of every
/// histogram. A test compares the committed file with this text.
pub fn render_markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "# wirewatch metrics\n\n\
         <!-- Generated from src/telemetry/catalogue.rs by `UPDATE_DOCS=1 cargo test --test docs`; \
         do not edit by hand. -->\n\n\
         Served as Prometheus text on `/metrics` (`metrics.addr`, loopback by default). \
         Every label combination listed here exists, at zero, from the first scrape, \
         so rates and alerts never see a missing series. Histograms export \
         `_bucket{le}`, `_sum` and `_count` series.\n\n\
         ## wirewatch\n\n",
    );
    table(&mut out, ALL.iter().copied());
    out.push_str("\n## Histogram buckets\n\n| metric | bucket upper bounds (`le`) |\n|---|---|\n");
    for def in ALL.iter().filter(|d| d.kind == Kind::Histogram) {
        let bounds: Vec<String> = def.buckets.iter().map(|b| format!("{b}")).collect();
        out.push_str(&format!(
            "| `{}` | {}, +Inf |\n",
            def.name,
            bounds.join(", ")
        ));
    }
    out.push_str(
        "\n## Process\n\n\
         Exported by the `metrics-process` collector, refreshed on every scrape.\n\n",
    );
    table(&mut out, PROCESS.iter());
    out
}

fn table<'a>(out: &mut String, defs: impl Iterator<Item = &'a MetricDef>) {
    out.push_str("| name | type | unit | labels | help |\n|---|---|---|---|---|\n");
    for def in defs {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            def.name,
            def.kind.as_str(),
            def.unit.as_str(),
            labels_doc(def),
            def.help.replace('|', "\\|"),
        ));
    }
}

/// Label names with their values. `build_info`'s values come from the build
/// (version, target), not from the code, so the page names them instead.
fn labels_doc(def: &MetricDef) -> String {
    if def.labels.is_empty() {
        return "—".to_string();
    }
    if def.name == BUILD_INFO.name {
        return "`version` (crate version), `target_os`, `target_arch` (build target)".to_string();
    }
    def.labels
        .iter()
        .map(|(name, values)| {
            let values: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            format!("`{name}`: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_follow_conventions() {
        let mut seen = HashSet::new();
        for def in ALL {
            assert!(seen.insert(def.name), "{} declared twice", def.name);
            assert!(def.name.starts_with("wirewatch_"), "{}", def.name);
            match def.kind {
                Kind::Counter => assert!(def.name.ends_with("_total"), "{}", def.name),
                Kind::Histogram => {
                    assert!(!def.buckets.is_empty(), "{} needs buckets", def.name);
                    assert!(def.buckets.windows(2).all(|w| w[0] < w[1]), "{}", def.name);
                }
                Kind::Gauge => assert!(!def.name.ends_with("_total"), "{}", def.name),
            }
            if def.unit == Unit::Seconds {
                assert!(def.name.contains("_seconds"), "{}", def.name);
            }
            if def.unit == Unit::Bytes {
                assert!(def.name.contains("_bytes"), "{}", def.name);
            }
        }
    }

    #[test]
    fn markdown_lists_every_metric_and_label_value() {
        let md = render_markdown();
        for def in ALL.iter().copied().chain(PROCESS.iter()) {
            assert!(md.contains(&format!("| `{}` |", def.name)), "{}", def.name);
            if def.name == BUILD_INFO.name {
                continue;
            }
            for (name, values) in def.labels {
                assert!(md.contains(&format!("`{name}`: ")), "{} {name}", def.name);
                for v in *values {
                    assert!(md.contains(&format!("`{v}`")), "{} {name}={v}", def.name);
                }
            }
        }
        assert!(
            !md.contains(env!("CARGO_PKG_VERSION")),
            "no build-dependent text"
        );
    }

    #[test]
    fn process_metrics_follow_conventions() {
        for def in PROCESS {
            assert!(def.name.starts_with("process_"), "{}", def.name);
            assert_eq!(
                def.kind == Kind::Counter,
                def.name.ends_with("_total"),
                "{}",
                def.name
            );
        }
    }

    #[test]
    fn combinations_cover_every_pair() {
        assert_eq!(
            combinations(ERRORS.labels).len(),
            Stage::ALL.len() * ErrorType::ALL.len()
        );
        assert_eq!(combinations(BYTES_READ.labels), vec![Vec::new()]);
    }
}
