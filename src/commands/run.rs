//! `wirewatch run`: the daemon. Wires the detector, the pipeline, the HTTP
//! endpoints and signal handling, and shuts down gracefully.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::config::Config;
use crate::pipeline::{self, Context, Options};
use crate::telemetry::catalogue as m;
use crate::telemetry::{Health, Telemetry, http};
use crate::watch::{Detector, DetectorOptions, detector::known_from_ledger};

/// Extra time after `shutdown_timeout` before the process gives up waiting.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Runs the daemon until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<()> {
    run_with_output(
        config,
        Box::new(crate::pipeline::worker::LocalRecords),
        Arc::new(Health::default()),
    )
}

/// The daemon with new content going to `output` (records here, or a queue).
/// `health` is shared with the output, so an output that depends on a server
/// (NATS) can say not ready while it is unreachable.
pub fn run_with_output(
    config: Config,
    output: Box<dyn crate::pipeline::worker::Output>,
    health: Arc<Health>,
) -> anyhow::Result<()> {
    crate::sink::durable::report_file_size_limit_as_error();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("http")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;

    if !config.watch.dir.is_dir() {
        anyhow::bail!(
            "watch.dir {} is not a folder: create it or set --watch",
            config.watch.dir.display()
        );
    }
    let ctx = Arc::new(Context::open(&config, health.clone())?.with_output(output));
    let scope = super::scope_for(&config.watch.dir, &config)?;
    let http_stop_tx = serve_metrics(&config, &runtime, &health, &ctx)?;

    let known = known_from_ledger(ctx.ledger.paths().context("cannot read the ledger")?);
    let (stop_tx, stop_rx) = crossbeam_channel::bounded::<()>(0);
    let drain_deadline = Arc::new(Mutex::new(None));
    let timeout = config.shutdown_timeout();
    runtime.spawn(signals(stop_tx, drain_deadline.clone(), timeout));

    let (done_tx, done_rx) = crossbeam_channel::unbounded();
    let running = pipeline::start(
        ctx,
        Options {
            workers: config.workers(),
            queue_capacity: config.pipeline.queue_capacity,
            group_commit: Duration::from_millis(config.pipeline.group_commit_ms),
            done: Some(done_tx),
            progress: None,
            drain_deadline,
        },
    )?;
    tracing::info!(
        watch = %scope.root.display(),
        out = %config.output.dir.display(),
        workers = config.workers(),
        settle_ms = config.watch.settle_ms,
        "wirewatch started"
    );
    let detector = Detector::new(
        DetectorOptions {
            scope,
            settle: config.settle(),
            rescan_interval: config.rescan_interval(),
            watcher: config.watch.watcher,
            poll_interval: Duration::from_millis(config.watch.poll_interval_ms),
            known,
        },
        running.jobs.clone(),
        done_rx,
        stop_rx,
        health,
    );
    detector.run();
    let started = Instant::now();
    tracing::info!("stopping: no new files; finishing those in flight");
    let summary = running.join()?;
    tracing::info!(
        files = summary.files,
        ok = summary.ok,
        failed = summary.failed,
        drain_s = %super::secs(started.elapsed()),
        "wirewatch stopped"
    );
    let _ = http_stop_tx.send(());
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(())
}

/// Starts `/metrics`, `/healthz` and `/readyz` (when enabled) and sets the
/// gauges that describe the output folder. Send on the returned channel to stop.
pub fn serve_metrics(
    config: &Config,
    runtime: &tokio::runtime::Runtime,
    health: &Arc<Health>,
    ctx: &Context,
) -> anyhow::Result<tokio::sync::oneshot::Sender<()>> {
    let (http_stop_tx, http_stop_rx) = tokio::sync::oneshot::channel::<()>();
    if config.metrics.enabled {
        let telemetry = Arc::new(Telemetry::install()?);
        let addr = config.metrics.addr.parse().with_context(|| {
            format!("metrics.addr = {:?} is not HOST:PORT", config.metrics.addr)
        })?;
        let (bound, _task) =
            runtime.block_on(http::serve(addr, telemetry, health.clone(), async {
                let _ = http_stop_rx.await;
            }))?;
        tracing::info!(addr = %bound, "serving /metrics, /healthz, /readyz");
    }
    metrics::gauge!(m::LEDGER_ENTRIES.name).set(ctx.ledger.len().unwrap_or(0) as f64);
    metrics::gauge!(m::QUARANTINE_BYTES.name).set(ctx.quarantine.used_bytes() as f64);
    metrics::gauge!(m::QUARANTINE_FILES.name).set(ctx.quarantine.files() as f64);
    Ok(http_stop_tx)
}

/// First SIGINT/SIGTERM: stop detecting and drain within `timeout`.
/// Second: exit at once (safe: nothing is marked done before it is durable).
pub async fn signals(
    stop: crossbeam_channel::Sender<()>,
    deadline: Arc<Mutex<Option<Instant>>>,
    timeout: Duration,
) {
    let wait = || async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            match (
                signal(SignalKind::terminate()),
                signal(SignalKind::interrupt()),
            ) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => "SIGTERM",
                        _ = int.recv() => "SIGINT",
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                    "SIGINT"
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            "SIGINT"
        }
    };
    let first = wait().await;
    tracing::info!(
        signal = first,
        timeout_s = timeout.as_secs(),
        "shutdown requested"
    );
    if let Ok(mut d) = deadline.lock() {
        *d = Some(Instant::now() + timeout);
    }
    drop(stop);
    tokio::select! {
        second = wait() => {
            tracing::warn!(signal = second, "second signal: exiting now");
            std::process::exit(130);
        }
        _ = tokio::time::sleep(timeout + SHUTDOWN_GRACE) => {
            tracing::error!("shutdown did not finish in time: exiting");
            std::process::exit(1);
        }
    }
}
