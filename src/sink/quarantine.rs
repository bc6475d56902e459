//! The quarantine: every file that could not become a record is copied (never
//! moved) into `<out>/quarantine/<reason>/` with a `.reason.json` beside it, so
//! nothing is lost and an operator can see why. Its total size is bounded,
//! and so is each copy: of an over-size file only its first
//! `quarantine.max_copy_bytes` are kept, enough to see what it is.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use super::{confined_join, durable, with_suffix};
use crate::telemetry::labels::{QuarantineReason, Stage};

/// Why a file was quarantined.
#[derive(Debug, Clone)]
pub(crate) struct Reason {
    /// Short label, also the sub-folder name and the metric label.
    pub reason: QuarantineReason,
    /// Human explanation (the error message).
    pub detail: String,
    /// Pipeline stage that rejected it.
    pub stage: Stage,
}

/// What to copy into the quarantine.
pub(crate) enum Payload<'a> {
    /// Bytes already read.
    Bytes(&'a [u8]),
    /// Copy from this file (a regular file inside the watched folder).
    File(&'a Path),
    /// Nothing can or may be read (vanished, unreadable, symlink outside, FIFO).
    Nothing,
}

#[derive(Serialize)]
struct ReasonFile<'a> {
    reason: &'a str,
    detail: &'a str,
    stage: &'a str,
    source_path: &'a str,
    copied: bool,
    bytes: Option<u64>,
    /// Bytes of the copy: less than `bytes` when only the file's start was kept.
    copied_bytes: u64,
    time: String,
}

pub(crate) struct Quarantine {
    root: PathBuf,
    max_bytes: u64,
    max_copy_bytes: u64,
    used_bytes: AtomicU64,
    files: AtomicU64,
}

impl Quarantine {
    /// Opens the quarantine folder and measures what it already holds.
    pub(crate) fn open(
        root: PathBuf,
        max_bytes: u64,
        max_copy_bytes: u64,
    ) -> io::Result<Quarantine> {
        let (bytes, files) = measure(&root)?;
        Ok(Quarantine {
            root,
            max_bytes,
            max_copy_bytes,
            used_bytes: AtomicU64::new(bytes),
            files: AtomicU64::new(files),
        })
    }

    /// Bytes of copies held.
    pub(crate) fn used_bytes(&self) -> u64 {
        self.used_bytes.load(Ordering::Relaxed)
    }

    /// Quarantined files held (copies or reason files alone).
    pub(crate) fn files(&self) -> u64 {
        self.files.load(Ordering::Relaxed)
    }

    /// Quarantines the source at `rel`; returns the path of its reason file.
    pub(crate) fn put(
        &self,
        rel: &Path,
        display: &str,
        payload: Payload<'_>,
        reason: &Reason,
    ) -> io::Result<PathBuf> {
        let dest = confined_join(&self.root.join(reason.reason.label()), rel);
        let size = match &payload {
            Payload::Bytes(b) => Some(b.len() as u64),
            Payload::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Payload::Nothing => None,
        };
        let keep = size.map(|n| n.min(self.max_copy_bytes));
        let copied = match (payload, keep) {
            (Payload::Nothing, _) | (_, None) => None,
            (_, Some(n)) if !self.reserve(n) => None,
            (Payload::Bytes(b), Some(n)) => {
                durable::write_atomic(&dest, &b[..n as usize], 0o644)?;
                Some(n)
            }
            (Payload::File(p), Some(n)) => match read_start(p, n) {
                Ok(bytes) => {
                    durable::write_atomic(&dest, &bytes, 0o644)?;
                    // The file may have shrunk since it was measured.
                    let short = n - bytes.len() as u64;
                    self.used_bytes.fetch_sub(short, Ordering::Relaxed);
                    Some(bytes.len() as u64)
                }
                Err(_) => {
                    self.used_bytes.fetch_sub(n, Ordering::Relaxed);
                    None
                }
            },
        };
        let file = ReasonFile {
            reason: reason.reason.label(),
            detail: &reason.detail,
            stage: reason.stage.label(),
            source_path: display,
            copied: copied.is_some(),
            bytes: size,
            copied_bytes: copied.unwrap_or(0),
            time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        };
        let reason_path = with_suffix(&dest, ".reason.json");
        let mut json = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
        json.push(b'\n');
        durable::write_atomic(&reason_path, &json, 0o644)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(reason_path)
    }

    fn reserve(&self, n: u64) -> bool {
        self.used_bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                (used + n <= self.max_bytes).then_some(used + n)
            })
            .is_ok()
    }
}

/// The first `n` bytes of the file at `path` (fewer if it is shorter).
fn read_start(path: &Path, n: u64) -> io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(n).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Bytes of copies and number of reason files below `root`.
fn measure(root: &Path) -> io::Result<(u64, u64)> {
    let mut bytes = 0;
    let mut files = 0;
    if !root.exists() {
        return Ok((0, 0));
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(entry.path());
            } else if entry
                .file_name()
                .to_string_lossy()
                .ends_with(".reason.json")
            {
                files += 1;
            } else {
                bytes += entry.metadata()?.len();
            }
        }
    }
    Ok((bytes, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: QuarantineReason) -> Reason {
        Reason {
            reason: r,
            detail: "d".into(),
            stage: Stage::Read,
        }
    }

    #[test]
    fn copies_within_budget_and_always_writes_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let q = Quarantine::open(dir.path().join("q"), 10, 1024).expect("open");
        let r = q
            .put(
                Path::new("sub/a.txt"),
                "sub/a.txt",
                Payload::Bytes(b"12345"),
                &reason(QuarantineReason::Binary),
            )
            .expect("put");
        assert!(r.ends_with("binary/sub/a.txt.reason.json"));
        assert!(dir.path().join("q/binary/sub/a.txt").exists());
        q.put(
            Path::new("b.txt"),
            "b.txt",
            Payload::Bytes(b"123456789"),
            &reason(QuarantineReason::Binary),
        )
        .expect("put");
        assert!(
            !dir.path().join("q/binary/b.txt").exists(),
            "over budget: no copy"
        );
        assert!(dir.path().join("q/binary/b.txt.reason.json").exists());
        assert_eq!(q.files(), 2);
        assert_eq!(q.used_bytes(), 5);
        let reopened = Quarantine::open(dir.path().join("q"), 10, 1024).expect("reopen");
        assert_eq!((reopened.used_bytes(), reopened.files()), (5, 2));
    }

    #[test]
    fn an_over_size_file_keeps_only_its_start_and_its_whole_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'x'; 5000]).expect("write");
        let q = Quarantine::open(dir.path().join("q"), 1 << 20, 1000).expect("open");
        let r = q
            .put(
                Path::new("big.txt"),
                "big.txt",
                Payload::File(&big),
                &reason(QuarantineReason::TooLarge),
            )
            .expect("put");
        let copy = dir.path().join("q/too_large/big.txt");
        assert_eq!(std::fs::metadata(&copy).expect("copy").len(), 1000);
        let why: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&r).expect("reason")).expect("json");
        assert_eq!(why["bytes"], 5000);
        assert_eq!(why["copied_bytes"], 1000);
        assert_eq!(why["copied"], true);
        assert_eq!(q.used_bytes(), 1000);
        q.put(
            Path::new("small.txt"),
            "small.txt",
            Payload::Bytes(b"abc"),
            &reason(QuarantineReason::Binary),
        )
        .expect("put");
        assert_eq!(q.used_bytes(), 1003, "a small file is copied whole");
    }
}
