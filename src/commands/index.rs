//! `wirewatch index rebuild`: makes the index anew from the records folder
//! (after a schema change, or to check the live index against it);
//! `wirewatch index --nats URL`: the cluster's indexer of the records stream.

use anyhow::Context as _;

use crate::config::Config;

/// Empties the configured index and indexes every record file; returns
/// the articles the index then holds.
pub fn rebuild(config: &Config) -> anyhow::Result<u64> {
    let target = config
        .index_target()
        .context("index.url is not a usable index URL")?;
    let records = config.output.dir.join("records");
    crate::index::writer::rebuild(&target, &records, &config.story_settings()).with_context(|| {
        format!(
            "cannot rebuild the index, {} (index.url), from {}",
            target.describe(),
            records.display()
        )
    })
}

/// Indexes the NATS records stream until SIGINT or SIGTERM.
pub fn consume(config: &Config) -> anyhow::Result<()> {
    crate::index::consume::run(config)
}
