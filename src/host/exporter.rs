//! The metrics side of a run: `/metrics`, `/healthz` and `/readyz` served
//! (daemon) or metrics only recorded (batch), and the gauges that describe
//! the output folder at the start.

use std::sync::Arc;

use super::Mode;
use crate::config::Config;
use crate::pipeline::Context;
use crate::telemetry::catalogue as m;
use crate::telemetry::{Health, Telemetry, http};

/// Keeps metrics alive for the run; [`Exporter::stop`] ends the endpoints.
pub(super) struct Exporter {
    http_stop: Option<tokio::sync::oneshot::Sender<()>>,
    _recorded: Option<Telemetry>,
}

impl Exporter {
    /// Stops serving the endpoints.
    pub(super) fn stop(self) {
        if let Some(stop) = self.http_stop {
            let _ = stop.send(());
        }
    }
}

/// Installs the recorder when metrics are enabled and, for a daemon, serves
/// the endpoints and sets the output folder's gauges.
pub(super) fn start(
    config: &Config,
    mode: Mode,
    runtime: &tokio::runtime::Runtime,
    health: &Arc<Health>,
    ctx: &Context,
) -> anyhow::Result<Exporter> {
    if mode == Mode::Batch {
        let recorded = match config.metrics.enabled {
            true => Some(Telemetry::install()?),
            false => None,
        };
        return Ok(Exporter {
            http_stop: None,
            _recorded: recorded,
        });
    }
    let (http_stop, http_stop_rx) = tokio::sync::oneshot::channel::<()>();
    if config.metrics.enabled {
        let telemetry = Arc::new(Telemetry::install()?);
        let addr = config.metrics_addr()?;
        // The index's read-only API, wherever the index is kept.
        let api = config
            .index
            .enabled
            .then(|| config.index_target())
            .flatten()
            .map(crate::index::api::router);
        let (bound, _task) =
            runtime.block_on(http::serve(addr, telemetry, health.clone(), api, async {
                let _ = http_stop_rx.await;
            }))?;
        tracing::info!(addr = %bound, "serving /metrics, /healthz, /readyz, /api");
    }
    metrics::gauge!(m::LEDGER_ENTRIES.name).set(ctx.ledger.len().unwrap_or(0) as f64);
    metrics::gauge!(m::QUARANTINE_BYTES.name).set(ctx.quarantine.used_bytes() as f64);
    metrics::gauge!(m::QUARANTINE_FILES.name).set(ctx.quarantine.files() as f64);
    Ok(Exporter {
        http_stop: Some(http_stop),
        _recorded: None,
    })
}
