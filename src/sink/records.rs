//! Record files: `<out>/records/<path relative to the watched folder>.json`,
//! so equal names in different sub-folders never collide.
//!
//! A worker writes a record under a temp name ([`RecordStore::write`]); the
//! committer makes a whole group durable together and puts each in place
//! ([`RecordStore::settle`]) before the group's ledger commit.

use std::io;
use std::path::{Path, PathBuf};

use super::durable::{self, Pending};
use super::{confined_join, with_suffix};

/// A record written under its temp name, waiting for its group to settle.
#[derive(Debug)]
pub(crate) struct PendingRecord {
    write: Pending,
    /// Content hash of the source the record was made from.
    content_hash: String,
}

/// How a settled record came to be in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placed {
    /// This write is now the record.
    Written,
    /// A whole record of the same content was there already (written
    /// just before a crash, or before a failed commit): it stays, and this
    /// write is dropped.
    Adopted,
}

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
    /// ours and whole.
    fn existing_content_hash(&self, record: &Path) -> Option<String> {
        let bytes = std::fs::read(record).ok()?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        value
            .get("source")?
            .get("content_hash")?
            .as_str()
            .map(str::to_string)
    }

    /// Writes a record (readable by everyone: 0644) under a temp name beside
    /// `record`; [`RecordStore::settle`] makes it durable and puts it in place.
    pub(crate) fn write(
        &self,
        record: &Path,
        json: &[u8],
        content_hash: &str,
    ) -> io::Result<PendingRecord> {
        Ok(PendingRecord {
            write: durable::write_pending(record, json, 0o644)?,
            content_hash: content_hash.to_string(),
        })
    }

    /// Replaces `record` with `json` at once, synced before the rename: for
    /// re-extraction, where the new record is for the same content as the
    /// one in place (so [`RecordStore::settle`] would adopt the old one).
    /// The folder still needs its fsync.
    pub(crate) fn rewrite(&self, record: &Path, json: &[u8]) -> io::Result<()> {
        durable::write_atomic(record, json, 0o644)
    }

    /// Makes every record of the group durable (their disk flushes shared),
    /// then puts each in place; one result per record, in order. A record
    /// already there for the same content is adopted, any other replaced.
    /// The folders still need their fsync before the ledger commit.
    pub(crate) fn settle(&self, group: Vec<PendingRecord>) -> Vec<io::Result<Placed>> {
        let synced = durable::sync_group(group.iter().map(|r| r.write.file()));
        group
            .into_iter()
            .zip(synced)
            .map(|(r, synced)| match synced {
                Ok(()) => self.place(r),
                Err(e) => {
                    r.write.discard();
                    Err(e)
                }
            })
            .collect()
    }

    /// Puts one synced record in place. Only when a file is there already
    /// (a revision, or a record whose ledger entry was lost) is it read.
    fn place(&self, r: PendingRecord) -> io::Result<Placed> {
        let Some(back) = r.write.place_new()? else {
            return Ok(Placed::Written);
        };
        if self.existing_content_hash(back.dest()).as_deref() == Some(r.content_hash.as_str()) {
            back.discard();
            Ok(Placed::Adopted)
        } else {
            back.replace()?;
            Ok(Placed::Written)
        }
    }

    /// Removes temp files of writes a crash interrupted.
    pub(crate) fn clean(&self) -> io::Result<usize> {
        durable::remove_leftover_temps(&self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_record_of_the_same_content_is_adopted_and_any_other_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::new(dir.path().join("records"));
        let path = store.path_for(Path::new("a/b.txt"));
        let json = |hash: &str| format!(r#"{{"source":{{"content_hash":"{hash}"}},"n":1}}"#);
        let first = store
            .write(&path, json("h1").as_bytes(), "h1")
            .expect("write");
        let placed = store.settle(vec![first]);
        assert_eq!(placed[0].as_ref().ok(), Some(&Placed::Written));
        let kept = std::fs::read(&path).expect("read");

        let again = store.write(&path, b"{}", "h1").expect("write");
        let placed = store.settle(vec![again]);
        assert_eq!(placed[0].as_ref().ok(), Some(&Placed::Adopted));
        assert_eq!(std::fs::read(&path).expect("read"), kept);

        let revision = store
            .write(&path, json("h2").as_bytes(), "h2")
            .expect("write");
        let placed = store.settle(vec![revision]);
        assert_eq!(placed[0].as_ref().ok(), Some(&Placed::Written));
        assert_eq!(std::fs::read(&path).expect("read"), json("h2").as_bytes());
        assert_eq!(store.clean().expect("clean"), 0, "no temp file left");
    }
}
