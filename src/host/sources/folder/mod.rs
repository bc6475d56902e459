//! The watched folder as a source (`run`, `ingest`): the detector reconciles
//! the folder with the ledger, waits for each file to settle and feeds the
//! pipeline until shutdown.

pub(crate) mod detector;

use std::time::Duration;

use super::{Feed, Source, scope_for};
use crate::config::Config;
use crate::pipeline::Summary;
use detector::{Detector, DetectorOptions};

/// Every settled file in `watch.dir`, until shutdown.
pub(crate) struct Folder;

impl Folder {
    /// Checks that the folder to watch exists.
    pub(crate) fn new(config: &Config) -> anyhow::Result<Folder> {
        if !config.watch.dir.is_dir() {
            anyhow::bail!(
                "watch.dir {} is not a folder: create it or set --watch",
                config.watch.dir.display()
            );
        }
        Ok(Folder)
    }
}

impl Source for Folder {
    fn run(&mut self, feed: Feed) -> anyhow::Result<()> {
        let config = &feed.config;
        let scope = scope_for(&config.watch.dir, config)?;
        tracing::info!(
            watch = %scope.root.display(),
            out = %config.output.dir.display(),
            workers = config.workers(),
            settle_ms = config.settle().as_millis() as u64,
            waits_for_close = crate::watch::events::reports_closes(config.watch.watcher),
            "wirewatch started"
        );
        let version = crate::record::extractor_version();
        match feed.ctx.ledger.records_not_made_by(version) {
            Ok(0) => {}
            Ok(older) => tracing::info!(
                older,
                version,
                "records made by an older extractor version; `wirewatch reprocess` re-extracts them"
            ),
            Err(e) => tracing::warn!(error = %e, "cannot count the records of older versions"),
        }
        let detector = Detector::new(
            DetectorOptions {
                scope,
                settle: config.settle(),
                write_timeout: config.write_timeout(),
                unsure_settle: Duration::from_millis(config.watch.poll_settle_ms),
                rescan_interval: config.rescan_interval(),
                backfill_batch: config.watch.backfill_batch,
                watcher: config.watch.watcher,
                poll_interval: Duration::from_millis(config.watch.poll_interval_ms),
            },
            feed.ctx.clone(),
            feed.jobs,
            feed.done,
            feed.shutdown.notified(),
            feed.health,
        );
        detector.run();
        tracing::info!("stopping: no new files; finishing those in flight");
        Ok(())
    }

    fn stopped(&self, summary: &Summary, drain: Duration) {
        tracing::info!(
            files = summary.files,
            ok = summary.ok,
            failed = summary.failed,
            drain_s = %crate::telemetry::logging::secs(drain),
            "wirewatch stopped"
        );
    }
}
