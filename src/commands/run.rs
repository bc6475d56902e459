//! `wirewatch run`: the daemon. Watches the folder and writes a record per
//! article until SIGINT or SIGTERM.

use crate::config::Config;
use crate::host::sinks::records::LocalRecords;
use crate::host::sources::folder::Folder;
use crate::host::{Host, Mode, Stopped};

/// Runs the daemon until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<Stopped> {
    let host = Host::new(config, Mode::Daemon)?;
    let folder = Folder::new(host.config())?;
    host.run(folder, Box::new(LocalRecords))
}
