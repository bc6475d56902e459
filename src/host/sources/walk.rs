//! Paths given once as a source (`wirewatch process PATH…`): every file
//! below them goes through the same pipeline and output as the daemon's,
//! then the run ends.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::ignored;
use super::{Feed, Source, scope_for};
use crate::config::Config;
use crate::pipeline::{Job, JobKind, Progress, Summary};
use crate::watch::Entry;
use crate::watch::scan::Found;

/// The progress bar's layout: bar, done/total, rate and time left.
pub(crate) const BAR_TEMPLATE: &str =
    "{bar:30} {pos}/{len} files · {per_sec} · {elapsed} elapsed, ETA {eta}";

/// The progress bar of a walk: its style on a terminal, hidden elsewhere.
pub(crate) fn progress_bar(visible: bool) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(BAR_TEMPLATE)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("█▉ "),
    );
    bar
}

/// The files below some paths, each once.
pub(crate) struct Walk {
    paths: Vec<PathBuf>,
    bar: ProgressBar,
    ignored: Arc<AtomicU64>,
}

impl Walk {
    /// A walk over `paths` (files or folders), with a progress bar when
    /// standard error is a terminal.
    pub(crate) fn new(paths: Vec<PathBuf>) -> Walk {
        Walk {
            paths,
            bar: progress_bar(std::io::stderr().is_terminal()),
            ignored: Arc::default(),
        }
    }

    /// Files the walk passed over (not articles), counted as it goes.
    pub(crate) fn ignored(&self) -> Arc<AtomicU64> {
        self.ignored.clone()
    }
}

impl Source for Walk {
    fn follows_completions(&self) -> bool {
        false
    }

    fn draws_progress(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn progress(&mut self) -> Option<Progress> {
        let bar = self.bar.clone();
        Some(Box::new(move |_| {
            // Each item of a feed is committed on its own, beside the
            // feed file: the total grows with them.
            if bar.position() >= bar.length().unwrap_or(0) {
                bar.inc_length(1);
            }
            bar.inc(1);
        }))
    }

    fn run(&mut self, feed: Feed) -> anyhow::Result<()> {
        if !self.bar.is_hidden() {
            // The total first: a listing without reading, cheap beside the
            // extraction (a feed counts as one; its items add to the total
            // as they are committed).
            let mut total = 0;
            walk(&feed.config, &self.paths, &mut |found| {
                if let Found::Article(_) = found {
                    total += 1;
                }
            })?;
            self.bar.set_length(total);
            crate::telemetry::logging::drawing(Some(self.bar.clone()));
        }
        // Files are sent as they are found: the bounded queue paces the walk,
        // so memory does not grow with the number of files.
        let ignored = &self.ignored;
        walk(&feed.config, &self.paths, &mut |found| match found {
            Found::Article(e) => {
                let _ = feed.jobs.submit(Job::found(e, SystemTime::now()));
            }
            Found::Ignored(rel, reason) => {
                ignored.fetch_add(1, Ordering::Relaxed);
                ignored::report(&feed.ctx.ledger, &rel, reason);
            }
        })
    }

    fn stopped(&self, _summary: &Summary, _drain: Duration) {
        crate::telemetry::logging::drawing(None);
        self.bar.finish_and_clear();
    }
}

/// Calls `f` for every file below `paths`. With several roots, records are
/// kept apart by prefixing each root's own name.
fn walk(config: &Config, paths: &[PathBuf], f: &mut dyn FnMut(Found)) -> anyhow::Result<()> {
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
            let scope = scope_for(path, config)?;
            scope
                .walk(&mut |found| {
                    f(match found {
                        Found::Article(mut e) => {
                            e.rel = prefix.join(&e.rel);
                            Found::Article(e)
                        }
                        Found::Ignored(rel, reason) => Found::Ignored(prefix.join(rel), reason),
                    })
                })
                .with_context(|| format!("cannot list {}", path.display()))?;
        } else {
            f(Found::Article(single(path, &meta)?));
        }
    }
    Ok(())
}

/// A file named on the command line: read whatever its extension, unless
/// it is a kind of document that is not text.
fn single(path: &Path, meta: &std::fs::Metadata) -> anyhow::Result<Entry> {
    if let Some(refusal) = crate::document::format::refusal(path) {
        anyhow::bail!(refusal);
    }
    Ok(Entry {
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
    })
}
