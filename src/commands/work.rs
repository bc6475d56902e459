//! `wirewatch work`: pull articles from the NATS work queue, extract them
//! and write their records, until SIGINT or SIGTERM.

use crate::config::{CompletionAction, Config};
use crate::host::sinks::records::LocalRecords;
use crate::host::sources::nats::WorkQueue;
use crate::host::{Host, Mode, Stopped};

/// Runs a worker until SIGINT or SIGTERM.
pub fn run(mut config: Config) -> anyhow::Result<Stopped> {
    // The source files are on the ingester's machine: nothing to move here.
    config.output.on_success = CompletionAction::Keep;
    Host::new(config, Mode::Daemon)?.run(WorkQueue, Box::new(LocalRecords))
}
