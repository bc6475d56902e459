//! Where jobs come from: the watched folder (`run`, `ingest`), a walk over
//! paths given once (`process`), or the NATS work queue (`work`). Each is a
//! [`Source`] the host runs on a thread of its own.

pub(crate) mod folder;
pub(crate) mod ignored;
pub(crate) mod nats;
pub(crate) mod walk;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use crossbeam_channel::Receiver;

use super::{Shutdown, Submitter};
use crate::config::Config;
use crate::pipeline::{Context, Done, Progress, Summary};
use crate::telemetry::Health;
use crate::watch::{Filter, Scope};

/// What a source is given to feed the pipeline.
pub(crate) struct Feed {
    /// The way into the pipeline's queue.
    pub jobs: Submitter,
    /// Each committed job, when the source follows completions.
    pub done: Receiver<Done>,
    pub shutdown: Shutdown,
    pub ctx: Arc<Context>,
    pub config: Arc<Config>,
    pub runtime: tokio::runtime::Handle,
    pub health: Arc<Health>,
}

/// A feeder of jobs.
pub(crate) trait Source: Send + 'static {
    /// Whether the source hears of each committed job (to ack it, or to
    /// stop tracking it); a one-pass source does not need to.
    fn follows_completions(&self) -> bool {
        true
    }

    /// Whether the source draws a progress bar (per-article lines then go
    /// to debug level, so they do not bury it).
    fn draws_progress(&self) -> bool {
        false
    }

    /// Called for each committed job (a progress display).
    fn progress(&mut self) -> Option<Progress> {
        None
    }

    /// Feeds the pipeline until the source is exhausted or shutdown begins.
    /// Dropping `feed` closes the queue.
    fn run(&mut self, feed: Feed) -> anyhow::Result<()>;

    /// Reports the end of the run, once every job is committed.
    fn stopped(&self, summary: &Summary, drain: Duration);
}

/// The scan scope for a folder: canonical root, the config's filter, and the
/// output folder excluded when it lies inside.
pub(crate) fn scope_for(dir: &Path, config: &Config) -> anyhow::Result<Scope> {
    let root = std::fs::canonicalize(dir).with_context(|| {
        format!(
            "folder {} does not exist or cannot be opened (watch.dir)",
            dir.display()
        )
    })?;
    let mut exclude = Vec::new();
    if let Ok(out) = std::fs::canonicalize(&config.output.dir)
        && out.starts_with(&root)
    {
        exclude.push(out);
    }
    let done = config.done_dir();
    if let Ok(done) = std::fs::canonicalize(&done)
        && done.starts_with(&root)
    {
        exclude.push(done);
    }
    Ok(Scope {
        root,
        recursive: config.watch.recursive,
        filter: Filter::new(&config.watch.extensions),
        exclude,
    })
}
