//! `wirewatch ingest`: the daemon's watching, settling, reading limits and
//! quarantine, with articles published to JetStream instead of extracted here.

use std::sync::Arc;

use crate::config::Config;
use crate::telemetry::Health;

/// Runs the ingester until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<()> {
    let health = Arc::new(Health::default());
    let output = super::publish::NatsOutput::connect(&config.nats, &health)?;
    crate::commands::run::run_with_output(config, Box::new(output), health)
}
