//! Paths given once as a source (`wirewatch process PATH…`): every file
//! below them goes through the same pipeline and output as the daemon's,
//! then the run ends.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::ignored;
use super::{Feed, Source, scope_for};
use crate::config::Config;
use crate::pipeline::{Job, JobKind, Progress, Summary};
use crate::watch::Entry;
use crate::watch::scan::Found;

/// The files below some paths, each once.
pub(crate) struct Walk {
    paths: Vec<PathBuf>,
    bar: ProgressBar,
}

impl Walk {
    /// A walk over `paths` (files or folders), with a progress spinner when
    /// standard error is a terminal.
    pub(crate) fn new(paths: Vec<PathBuf>) -> Walk {
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
        Walk { paths, bar }
    }
}

impl Source for Walk {
    fn follows_completions(&self) -> bool {
        false
    }

    fn progress(&mut self) -> Option<Progress> {
        let bar = self.bar.clone();
        Some(Box::new(move |_| bar.inc(1)))
    }

    fn run(&mut self, feed: Feed) -> anyhow::Result<()> {
        // Files are sent as they are found: the bounded queue paces the walk,
        // so memory does not grow with the number of files.
        walk(&feed.config, &self.paths, &mut |found| match found {
            Found::Article(e) => {
                let _ = feed.jobs.submit(Job::found(e, SystemTime::now()));
            }
            Found::Ignored(rel, reason) => ignored::report(&feed.ctx.ledger, &rel, reason),
        })
    }

    fn stopped(&self, _summary: &Summary, _drain: Duration) {
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
