//! The pipeline host: what `run`, `ingest`, `work` and `process` share. It
//! owns the async runtime, the metrics (served, or only recorded), the
//! pipeline options read from the configuration, job submission and
//! shutdown. A source (the watched folder, a walk over paths, the NATS work
//! queue) feeds it; a sink (records here, or NATS) takes what the workers
//! read.

mod exporter;
pub(crate) mod nats;
pub(crate) mod shutdown;
mod signals;
pub(crate) mod sinks;
pub(crate) mod sources;
pub(crate) mod submit;

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossbeam_channel::select;

use crate::config::Config;
use crate::pipeline::worker::Output;
use crate::pipeline::{self, Context, Options, Summary};
use crate::telemetry::Health;

pub(crate) use shutdown::Shutdown;
pub(crate) use sources::{Feed, Source};
pub(crate) use submit::Submitter;

/// How a run ended; `main` turns it into the exit code.
#[derive(Debug)]
pub enum Stopped {
    /// Every job handed to the pipeline was committed (or left for the
    /// next start past the drain deadline).
    Drained(Summary),
    /// A second signal arrived during the drain.
    Interrupted,
    /// The drain outlasted `pipeline.shutdown_timeout_s` and its grace.
    TimedOut,
}

/// How the host meets the outside world.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A long-running process: serves `/metrics`, `/healthz`, `/readyz` and
    /// stops gracefully on SIGINT or SIGTERM.
    Daemon,
    /// One pass: metrics are recorded (so they cost what they cost in the
    /// daemon) but not served, so it never competes for the daemon's port.
    Batch,
}

/// Logs what the output folder already holds, so a restart says what it
/// will not do again.
fn report_found(ctx: &Context, config: &Config) {
    let done = ctx.ledger.files_done().unwrap_or(0);
    let quarantined = ctx.quarantine.files();
    if done == 0 && quarantined == 0 {
        tracing::info!(out = %config.output.dir.display(), "output folder is empty: every file will be read");
    } else {
        tracing::info!(
            out = %config.output.dir.display(),
            done,
            quarantined,
            "output folder already holds {done} finished files ({quarantined} quarantined); only new or changed files are read"
        );
    }
}

/// A pipeline about to run (see the module doc).
pub(crate) struct Host {
    config: Config,
    mode: Mode,
    runtime: tokio::runtime::Runtime,
    health: Arc<Health>,
    shutdown: Shutdown,
}

impl Host {
    /// Starts the runtime; nothing is opened or served yet.
    pub(crate) fn new(config: Config, mode: Mode) -> anyhow::Result<Host> {
        crate::sink::durable::report_file_size_limit_as_error();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("runtime")
            .enable_all()
            .build()
            .context("cannot start the async runtime")?;
        let shutdown = Shutdown::new(config.shutdown_timeout());
        Ok(Host {
            config,
            mode,
            runtime,
            health: Arc::new(Health::default()),
            shutdown,
        })
    }

    /// The configuration the run uses.
    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    /// Readiness, shared with a sink that depends on a server.
    pub(crate) fn health(&self) -> &Arc<Health> {
        &self.health
    }

    /// The runtime, for sinks and sources that talk to a server.
    pub(crate) fn runtime(&self) -> tokio::runtime::Handle {
        self.runtime.handle().clone()
    }

    /// Opens the output folder, starts metrics and the pipeline, and feeds
    /// it from `source`, with new content going to `sink`, until the source
    /// ends (or shutdown) and every job handed over is committed.
    pub(crate) fn run(
        self,
        mut source: impl Source,
        sink: Box<dyn Output>,
    ) -> anyhow::Result<Stopped> {
        let Host {
            config,
            mode,
            runtime,
            health,
            shutdown,
        } = self;
        let ctx = Arc::new(Context::open(&config, health.clone(), sink)?);
        report_found(&ctx, &config);
        let exporter = exporter::start(&config, mode, &runtime, &health, &ctx)?;
        let indexed = ctx.clone();
        let stop = shutdown.clone();
        let (abort_tx, abort) = crossbeam_channel::bounded(1);
        let abort = match mode {
            Mode::Daemon => {
                runtime.spawn(signals::listen(shutdown.clone(), abort_tx));
                abort
            }
            Mode::Batch => crossbeam_channel::never(),
        };
        let (done_tx, done) = crossbeam_channel::unbounded();
        let running = pipeline::start(
            ctx.clone(),
            Options {
                workers: config.workers(),
                queue_capacity: config.pipeline.queue_capacity,
                group_commit: Duration::from_millis(config.pipeline.group_commit_ms),
                done: source.follows_completions().then_some(done_tx),
                quiet_articles: source.draws_progress(),
                progress: source.progress(),
                shutdown: shutdown.clone(),
            },
        )?;
        let feed = Feed {
            jobs: Submitter::new(running.jobs.clone()),
            done,
            shutdown,
            ctx,
            config: Arc::new(config),
            runtime: runtime.handle().clone(),
            health,
        };
        let (finished_tx, finished) = crossbeam_channel::bounded(1);
        std::thread::Builder::new()
            .name("source".into())
            .spawn(move || {
                let fed = source.run(feed);
                let drain_started = Instant::now();
                let result = running.join().and_then(|summary| {
                    source.stopped(&summary, drain_started.elapsed());
                    fed.map(|()| summary)
                });
                let _ = finished_tx.send(result);
            })
            .context("cannot start the source thread")?;
        let stopped = select! {
            recv(finished) -> result => match result {
                Ok(result) => result.map(Stopped::Drained),
                Err(_) => Err(anyhow::anyhow!("the source thread panicked")),
            },
            recv(abort) -> how => how.map_err(|_| anyhow::anyhow!("the signal handler stopped")),
        };
        match stopped {
            Ok(Stopped::Interrupted | Stopped::TimedOut) => runtime.shutdown_background(),
            _ => {
                // Whatever the index has not written yet is caught up at
                // the next start: after a signal it stops at the drain's
                // deadline; at the end of a batch run it finishes.
                if let Some(index) = &indexed.index {
                    index.close(stop.deadline());
                }
                exporter.stop();
                runtime.shutdown_timeout(Duration::from_secs(1));
            }
        }
        stopped
    }
}
