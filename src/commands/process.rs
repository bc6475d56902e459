//! `wirewatch process PATH…`: one pass over files and folders through the
//! same pipeline and output as the daemon, then exit with a summary.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Config;
use crate::pipeline::{self, Context, Detection, Job, JobKind, Options, Summary};
use crate::telemetry::{Health, Telemetry};
use crate::watch::Entry;

/// Processes `paths` (files or folders) and returns what happened.
pub fn process(config: &Config, paths: &[PathBuf]) -> anyhow::Result<(Summary, Duration)> {
    let started = Instant::now();
    crate::sink::durable::report_file_size_limit_as_error();
    // Metrics are recorded as in the daemon (so their cost is the same), but
    // not served: a batch run must not compete for the daemon's port.
    let _telemetry = if config.metrics.enabled {
        Some(Telemetry::install()?)
    } else {
        None
    };
    let health = Arc::new(Health::default());
    let ctx = Arc::new(Context::open(config, health)?);
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} files · {per_sec} · {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let progress_bar = bar.clone();
    let running = pipeline::start(
        ctx,
        Options {
            workers: config.workers(),
            queue_capacity: config.pipeline.queue_capacity,
            group_commit: Duration::from_millis(config.pipeline.group_commit_ms),
            done: None,
            progress: Some(Box::new(move |_| progress_bar.inc(1))),
            drain_deadline: Arc::new(Mutex::new(None)),
        },
    )?;
    let jobs = running.jobs.clone();
    // Files are sent as they are found: the bounded queue paces the walk, so
    // memory does not grow with the number of files.
    let walked = walk(config, paths, &mut |e| {
        let job = Job {
            path: e.path,
            rel: e.rel,
            kind: e.kind,
            how: Detection::Scan,
            queued_at: Instant::now(),
            seen_at: std::time::SystemTime::now(),
            mtime: e.mtime,
            payload: None,
            ticket: None,
        };
        metrics::gauge!(crate::telemetry::catalogue::IN_FLIGHT.name).increment(1.0);
        let _ = jobs.send(job);
    });
    drop(jobs);
    let summary = running.join()?;
    bar.finish_and_clear();
    walked?;
    Ok((summary, started.elapsed()))
}

/// Calls `f` for every file below `paths`. With several roots, records are
/// kept apart by prefixing each root's own name.
fn walk(config: &Config, paths: &[PathBuf], f: &mut dyn FnMut(Entry)) -> anyhow::Result<()> {
    let prefix_roots = paths.len() > 1;
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot open {}", path.display()))?;
        let prefix = if prefix_roots {
            path.file_name().map(PathBuf::from).unwrap_or_default()
        } else {
            PathBuf::new()
        };
        if meta.is_dir() {
            let scope = super::scope_for(path, config)?;
            scope
                .walk(&mut |mut e| {
                    e.rel = prefix.join(&e.rel);
                    f(e);
                })
                .with_context(|| format!("cannot list {}", path.display()))?;
        } else {
            f(single(path, &meta));
        }
    }
    Ok(())
}

fn single(path: &Path, meta: &std::fs::Metadata) -> Entry {
    Entry {
        path: path.to_path_buf(),
        rel: path
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| path.to_path_buf()),
        kind: if meta.is_file() {
            JobKind::File
        } else {
            JobKind::NotAFile
        },
        size: meta.len(),
        mtime: meta.modified().ok(),
    }
}
