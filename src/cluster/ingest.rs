//! `wirewatch ingest`: the daemon's watching, settling, reading limits and
//! quarantine, with articles published to JetStream instead of extracted here.

use crate::config::Config;

/// Runs the ingester until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<()> {
    let output = super::publish::NatsOutput::connect(&config.nats)?;
    crate::commands::run::run_with_output(config, Box::new(output))
}
