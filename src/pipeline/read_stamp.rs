//! What a worker read, so that nothing acts on a file that changed since:
//! the size, mtime and content hash of the bytes read, and when. Before a
//! source is moved or deleted, [`ReadStamp::verify`] checks that the file
//! is still the one that was read.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Within this time of the read, a rewrite may leave the mtime as it was
/// (filesystems that keep coarse timestamps: FAT's 2 s, some network
/// filesystems' 1 s), so the content itself is compared.
const MTIME_DOUBT: Duration = Duration::from_secs(2);

/// The file as it was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadStamp {
    pub size: u64,
    pub mtime: Option<SystemTime>,
    /// Content hash of the bytes read.
    pub hash: String,
    /// When the read started.
    pub read_at: SystemTime,
}

impl ReadStamp {
    /// `Ok` when the file at `path` is still the one read: same size and
    /// mtime, and, when the mtime is too close to the read to vouch for the
    /// content, the same content hash. Otherwise what changed.
    pub(crate) fn verify(&self, path: &Path) -> Result<(), String> {
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot stat: {e}"))?;
        if meta.len() != self.size {
            return Err(format!("size is {} bytes, was {}", meta.len(), self.size));
        }
        let mtime = meta.modified().ok();
        if mtime != self.mtime {
            return Err("modification time changed".to_string());
        }
        let in_doubt = mtime.is_none_or(|m| m + MTIME_DOUBT > self.read_at);
        if in_doubt && content_hash(path, self.size)? != self.hash {
            return Err("content changed (same size and mtime)".to_string());
        }
        Ok(())
    }
}

impl super::Completion {
    /// Whether the job's source file may be moved or deleted: it has one
    /// (a message or a feed item has none of its own) and it is still the
    /// file that was read. A file rewritten since is left where it is; the
    /// detector sees the change and processes it again.
    pub(crate) fn source_is_as_read(&self) -> bool {
        if self.job.payload.is_some() {
            return false;
        }
        match self.read.as_ref().map(|r| r.verify(&self.job.path)) {
            Some(Err(change)) => {
                tracing::info!(path = %self.job.display(), change, "source changed after it was read; left in place");
                false
            }
            _ => true,
        }
    }
}

/// The content hash of the file, reading at most `size + 1` bytes.
fn content_hash(path: &Path, size: u64) -> Result<String, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(size.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    Ok(crate::identity::content_hash(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &Path) -> ReadStamp {
        let bytes = std::fs::read(path).expect("read");
        let meta = std::fs::metadata(path).expect("stat");
        ReadStamp {
            size: bytes.len() as u64,
            mtime: meta.modified().ok(),
            hash: crate::identity::content_hash(&bytes),
            read_at: SystemTime::now(),
        }
    }

    #[test]
    fn a_file_rewritten_after_its_read_is_not_the_one_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "first text").expect("write");
        let s = stamp(&path);
        assert_eq!(s.verify(&path), Ok(()));
        // Same size, same mtime (set back), other bytes: only the hash tells.
        std::fs::write(&path, "other text").expect("write");
        let f = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        f.set_modified(s.mtime.expect("mtime")).expect("set mtime");
        drop(f);
        assert!(s.verify(&path).is_err_and(|e| e.contains("content")));
        std::fs::write(&path, "longer text now").expect("write");
        assert!(s.verify(&path).is_err_and(|e| e.contains("size")));
        std::fs::remove_file(&path).expect("rm");
        assert!(s.verify(&path).is_err());
    }

    #[test]
    fn an_old_file_is_vouched_for_by_size_and_mtime() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "first text").expect("write");
        let mut s = stamp(&path);
        // Read long after its last change: the hash is not consulted.
        s.hash = "not the hash".to_string();
        s.read_at = s.mtime.expect("mtime") + Duration::from_secs(60);
        assert_eq!(s.verify(&path), Ok(()));
        s.read_at = s.mtime.expect("mtime");
        assert!(s.verify(&path).is_err());
    }
}
