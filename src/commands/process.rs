//! `wirewatch process PATH…`: one pass over files and folders through the
//! same pipeline and output as the daemon, then exit with a summary.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::host::sinks::records::LocalRecords;
use crate::host::sources::walk::Walk;
use crate::host::{Host, Mode, Stopped};

/// Processes `paths` (files or folders); returns how the run ended and how long it took.
pub fn process(config: Config, paths: Vec<PathBuf>) -> anyhow::Result<(Stopped, Duration)> {
    let started = Instant::now();
    let stopped = Host::new(config, Mode::Batch)?.run(Walk::new(paths), Box::new(LocalRecords))?;
    Ok((stopped, started.elapsed()))
}
