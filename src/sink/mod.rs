//! Stage 3 — where results go: record files written atomically, the
//! quarantine for what could not be read, and the ledger that remembers what
//! is done so nothing is processed twice.

pub(crate) mod durable;
pub(crate) mod jsonl;
pub mod ledger;
pub(crate) mod quarantine;
pub(crate) mod records;

use std::path::{Component, Path, PathBuf};

/// The ledger key of a path relative to the watched folder: its raw bytes, so
/// names that are not valid UTF-8 still have exactly one key.
pub(crate) fn path_key(rel: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        rel.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        rel.to_string_lossy().into_owned().into_bytes()
    }
}

/// The path a ledger key was made from (inverse of [`path_key`]).
pub(crate) fn path_from_key(key: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(key))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&key).into_owned())
    }
}

/// Joins `rel` below `root` keeping only normal components, so no source
/// name can lead a write outside `root`.
pub(crate) fn confined_join(root: &Path, rel: &Path) -> PathBuf {
    let mut out = root.to_path_buf();
    for c in rel.components() {
        if let Component::Normal(part) = c {
            out.push(part);
        }
    }
    out
}

/// `name` + `suffix` as a file name (works for names that are not UTF-8).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confined_join_drops_escapes() {
        let p = confined_join(Path::new("/out/records"), Path::new("../../etc/passwd"));
        assert_eq!(p, PathBuf::from("/out/records/etc/passwd"));
        let p = confined_join(Path::new("/out"), Path::new("/abs/a.txt"));
        assert_eq!(p, PathBuf::from("/out/abs/a.txt"));
    }
}
