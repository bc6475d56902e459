//! The metric catalogue: every metric wirewatch exports is declared here, once,
//! with its kind, unit, help text and label values. Code records metrics only
//! through these definitions, so names cannot drift and every label
//! combination exists (at zero) from the first scrape.

use metrics::Unit;

use crate::sink::quarantine::REASONS;

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
    pub unit: Unit,
    pub help: &'static str,
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

pub const OUTCOMES: &[&str] = &["ok", "duplicate", "unchanged", "quarantined", "failed"];
pub const STAGES: &[&str] = &[
    "detect", "read", "decode", "parse", "extract", "write", "commit",
];
pub const ERROR_TYPES: &[&str] = &[
    "io",
    "ledger",
    "watcher",
    "encode",
    "disk_full",
    "permission",
];
pub const DETECTED_HOW: &[&str] = &["scan", "event"];
pub const EVENT_KINDS: &[&str] = &["create", "modify", "remove", "rename", "other"];
pub const RESCAN_REASONS: &[&str] = &[
    "startup",
    "interval",
    "overflow",
    "watcher_error",
    "watcher_rescan",
    "root_recreated",
];
pub const FACT_KINDS: &[&str] = &["paragraph", "sentence", "word", "link", "url"];

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
    [("reason", REASONS)]
);
metric!(
    ERRORS,
    "wirewatch_errors_total",
    Counter,
    Count,
    "Errors, by pipeline stage and error type.",
    [("stage", STAGES), ("error_type", ERROR_TYPES)]
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
    [("stage", STAGES)],
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
    "1 when the daemon is ready (initial scan done, output writable), else 0.",
    []
);

/// Every metric, in documentation order.
pub const ALL: &[&MetricDef] = &[
    &FILES_DETECTED,
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
    &WATCHER_EVENTS,
    &RESCANS,
    &WATCHER_ERRORS,
    &LEDGER_ENTRIES,
    &QUARANTINE_BYTES,
    &QUARANTINE_FILES,
    &BUILD_INFO,
    &LAST_SUCCESS,
    &READY,
];

/// Describes every metric to the recorder and registers every label
/// combination, so each series exists (at zero) before anything happens.
pub fn register_all() {
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
    fn combinations_cover_every_pair() {
        assert_eq!(
            combinations(ERRORS.labels).len(),
            STAGES.len() * ERROR_TYPES.len()
        );
        assert_eq!(combinations(BYTES_READ.labels), vec![Vec::new()]);
    }
}
