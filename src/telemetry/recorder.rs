//! Installs the Prometheus recorder with explicit buckets for every histogram
//! (otherwise they render as summaries) and keeps the readiness state.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use super::catalogue::{self, Kind};

/// How often buffered histogram samples are folded into their buckets.
const UPKEEP_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);

/// The installed recorder and the process-metrics collector.
pub(crate) struct Telemetry {
    handle: PrometheusHandle,
    process: metrics_process::Collector,
}

impl Telemetry {
    /// Installs the global recorder and pre-registers the catalogue. Call once.
    pub(crate) fn install() -> anyhow::Result<Telemetry> {
        let mut builder = PrometheusBuilder::new();
        for def in catalogue::ALL.iter().filter(|d| d.kind == Kind::Histogram) {
            builder =
                builder.set_buckets_for_metric(Matcher::Full(def.name.into()), def.buckets)?;
        }
        let handle = builder.install_recorder()?;
        catalogue::register_all();
        // Histogram samples are buffered until drained; without a scrape they
        // would accumulate forever, so drain them on a timer too.
        let upkeep = handle.clone();
        std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(UPKEEP_INTERVAL);
                    upkeep.run_upkeep();
                }
            })?;
        let process = metrics_process::Collector::default();
        process.describe();
        process.collect();
        Ok(Telemetry { handle, process })
    }

    /// The exposition text for `/metrics`, with fresh process figures.
    pub(crate) fn render(&self) -> String {
        self.process.collect();
        self.handle.render()
    }
}

/// Liveness and readiness as `/healthz` and `/readyz` report them.
#[derive(Default)]
pub(crate) struct Health {
    scanned: AtomicBool,
    output_error: Mutex<Option<String>>,
    /// Kept apart from `output_error`: the committer clears that one after
    /// every good group, which says nothing about whether NATS is reachable.
    connection_error: Mutex<Option<String>>,
    /// Why the index cannot be written, while it cannot; it never makes the
    /// process unready (the pipeline goes on), only shows in `/readyz`.
    index_error: Mutex<Option<String>>,
    /// Records committed but not yet in the index.
    index_lag: std::sync::atomic::AtomicU64,
    /// Whether this process keeps an index at all.
    index_kept: AtomicBool,
}

impl Health {
    /// The first full scan is done: the backlog is known.
    pub(crate) fn set_scanned(&self) {
        self.scanned.store(true, Ordering::SeqCst);
        self.publish();
    }

    /// Records that writing output failed (e.g. disk full), or recovered (`None`).
    pub(crate) fn set_output_error(&self, error: Option<String>) {
        if let Ok(mut e) = self.output_error.lock() {
            *e = error;
        }
        self.publish();
    }

    /// Records that a server the process needs (NATS) is unreachable, or
    /// reachable again (`None`), so `/readyz` tells a load balancer or an
    /// orchestrator as soon as the connection drops, not only once work fails.
    pub(crate) fn set_connection_error(&self, error: Option<String>) {
        if let Ok(mut e) = self.connection_error.lock() {
            *e = error;
        }
        self.publish();
    }

    /// Records that the index cannot be written, or works again (`None`).
    pub(crate) fn set_index_error(&self, error: Option<String>) {
        self.index_kept.store(true, Ordering::Relaxed);
        if let Ok(mut e) = self.index_error.lock() {
            *e = error;
        }
    }

    /// Records how many committed records the index lacks.
    pub(crate) fn set_index_lag(&self, lag: u64) {
        self.index_kept.store(true, Ordering::Relaxed);
        self.index_lag.store(lag, Ordering::Relaxed);
    }

    /// A line for `/readyz` about the index, when this process keeps one.
    pub(crate) fn index_status(&self) -> Option<String> {
        if !self.index_kept.load(Ordering::Relaxed) {
            return None;
        }
        let lag = self.index_lag.load(Ordering::Relaxed);
        let error = self.index_error.lock().ok().and_then(|e| e.clone());
        Some(match error {
            Some(e) => format!("index: {lag} records behind, failing: {e}"),
            None => format!("index: {lag} records behind"),
        })
    }

    /// `Ok` when ready, else why not.
    pub(crate) fn readiness(&self) -> Result<(), String> {
        if !self.scanned.load(Ordering::SeqCst) {
            return Err("initial scan not finished".into());
        }
        let (Ok(connection), Ok(output)) = (self.connection_error.lock(), self.output_error.lock())
        else {
            return Err("health state poisoned".into());
        };
        if let Some(msg) = connection.as_ref() {
            return Err(format!("not connected: {msg}"));
        }
        match output.as_ref() {
            Some(msg) => Err(format!("output failing: {msg}")),
            None => Ok(()),
        }
    }

    fn publish(&self) {
        let ready = self.readiness().is_ok();
        metrics::gauge!(catalogue::READY.name).set(if ready { 1.0 } else { 0.0 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_connection_is_not_ready_until_it_returns_whatever_the_output_says() {
        let h = Health::default();
        assert!(h.readiness().is_err(), "not ready before the first scan");
        h.set_scanned();
        assert_eq!(h.readiness(), Ok(()));
        h.set_connection_error(Some("NATS disconnected".into()));
        // A good commit clears output errors; it must not hide the connection.
        h.set_output_error(None);
        let why = h.readiness().expect_err("disconnected");
        assert!(why.contains("NATS disconnected"), "{why}");
        h.set_output_error(Some("disk full".into()));
        h.set_connection_error(None);
        let why = h.readiness().expect_err("output failing");
        assert!(why.contains("disk full"), "{why}");
        h.set_output_error(None);
        assert_eq!(h.readiness(), Ok(()));
    }
}
