//! Record files: `<out>/records/<path relative to the watched folder>.json`,
//! so equal names in different sub-folders never collide.

use std::io;
use std::path::{Path, PathBuf};

use super::{confined_join, durable, with_suffix};

/// The folder of record files.
#[derive(Debug, Clone)]
pub(crate) struct RecordStore {
    root: PathBuf,
}

impl RecordStore {
    pub(crate) fn new(root: PathBuf) -> Self {
        RecordStore { root }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Where the record of the source at `rel` lives.
    pub(crate) fn path_for(&self, rel: &Path) -> PathBuf {
        with_suffix(&confined_join(&self.root, rel), ".json")
    }

    /// The content hash recorded in an existing record file, if it is one of
    /// ours and whole. Used to adopt a record written just before a crash.
    pub(crate) fn existing_content_hash(&self, record: &Path) -> Option<String> {
        let bytes = std::fs::read(record).ok()?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        value
            .get("source")?
            .get("content_hash")?
            .as_str()
            .map(str::to_string)
    }

    /// Writes a record atomically (readable by everyone: 0644).
    pub(crate) fn write(&self, record: &Path, json: &[u8]) -> io::Result<()> {
        durable::write_atomic(record, json, 0o644)
    }

    /// Removes temp files of writes a crash interrupted.
    pub(crate) fn clean(&self) -> io::Result<usize> {
        durable::remove_leftover_temps(&self.root)
    }
}
