//! `wirewatch process PATH…`: one pass over files and folders through the
//! same pipeline and output as the daemon, then exit with a summary.

use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::host::sinks::records::LocalRecords;
use crate::host::sources::walk::Walk;
use crate::host::{Host, Mode, Stopped};
use crate::pipeline::Summary;
use crate::telemetry::logging;

/// What a pass did: every outcome counted, for its summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Report {
    pub summary: Summary,
    /// Files below the paths that are not articles (wrong extension,
    /// temporary names, documents that are not text).
    pub ignored: u64,
    pub took: Duration,
}

impl fmt::Display for Report {
    /// `7 files: 5 ok, 1 duplicate, 0 unchanged, … in 0.52 s (13 files/s)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        let rate = s.files as f64 / self.took.as_secs_f64().max(1e-9);
        write!(
            f,
            "{} files: {} ok, {} duplicates, {} unchanged, {} changed while read, {} quarantined, {} failed",
            s.files, s.ok, s.duplicates, s.unchanged, s.changed, s.quarantined, s.failed
        )?;
        if s.feeds > 0 {
            write!(f, ", {} feeds", s.feeds)?;
        }
        write!(
            f,
            "; {} ignored in {} s ({rate:.0} files/s)",
            self.ignored,
            logging::secs(self.took)
        )
    }
}

/// Processes `paths` (files or folders); returns how the run ended and what it did.
pub fn process(config: Config, paths: Vec<PathBuf>) -> anyhow::Result<(Stopped, Report)> {
    let started = Instant::now();
    let walk = Walk::new(paths);
    let ignored = walk.ignored();
    let stopped = Host::new(config, Mode::Batch)?.run(walk, Box::new(LocalRecords))?;
    let summary = match &stopped {
        Stopped::Drained(s) => *s,
        _ => Summary::default(),
    };
    let report = Report {
        summary,
        ignored: ignored.load(Ordering::Relaxed),
        took: started.elapsed(),
    };
    Ok((stopped, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line_counts_every_outcome() {
        let report = Report {
            summary: Summary {
                files: 9,
                ok: 3,
                duplicates: 1,
                unchanged: 1,
                changed: 1,
                feeds: 1,
                quarantined: 1,
                failed: 1,
                ..Summary::default()
            },
            ignored: 2,
            took: Duration::from_millis(500),
        };
        assert_eq!(
            report.to_string(),
            "9 files: 3 ok, 1 duplicates, 1 unchanged, 1 changed while read, 1 quarantined, \
             1 failed, 1 feeds; 2 ignored in 0.50 s (18 files/s)"
        );
    }
}
