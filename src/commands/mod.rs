//! The subcommands, as library functions the binary calls.

pub mod extract;
pub mod process;
pub mod run;

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::config::Config;
use crate::watch::{Filter, Scope};

/// The scan scope for a folder: canonical root, the config's filter, and the
/// output folder excluded when it lies inside.
pub fn scope_for(dir: &Path, config: &Config) -> anyhow::Result<Scope> {
    let root = std::fs::canonicalize(dir).with_context(|| {
        format!(
            "folder {} does not exist or cannot be opened (watch.dir)",
            dir.display()
        )
    })?;
    let mut exclude = Vec::new();
    if let Ok(out) = std::fs::canonicalize(&config.output.dir)
        && out.starts_with(&root)
    {
        exclude.push(out);
    }
    let done = config.done_dir();
    if let Ok(done) = std::fs::canonicalize(&done)
        && done.starts_with(&root)
    {
        exclude.push(done);
    }
    Ok(Scope {
        root,
        recursive: config.watch.recursive,
        filter: Filter::new(&config.watch.extensions),
        exclude,
    })
}

/// Seconds as a short human figure.
pub fn secs(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

/// The paths as given, for messages.
pub fn show(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
