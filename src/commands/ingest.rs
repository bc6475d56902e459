//! `wirewatch ingest`: the daemon's watching, settling, reading limits and
//! quarantine, with articles published to JetStream instead of extracted here.

use crate::config::Config;
use crate::host::sinks::nats::NatsOutput;
use crate::host::sources::folder::Folder;
use crate::host::{Host, Mode, Stopped};

/// Runs the ingester until SIGINT or SIGTERM.
pub fn run(mut config: Config) -> anyhow::Result<Stopped> {
    // No records are written here, so there is nothing to index.
    config.index.enabled = false;
    let host = Host::new(config, Mode::Daemon)?;
    let output = NatsOutput::connect(&host.config().nats, host.health(), host.runtime())?;
    let folder = Folder::new(host.config())?;
    host.run(folder, Box::new(output))
}
