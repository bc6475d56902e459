//! Listing the folder: the source of truth. Events only make a file show up
//! sooner; every file is found by a scan sooner or later.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::filter::Filter;
use crate::pipeline::JobKind;
use crate::telemetry::labels::IgnoreReason;

/// A file found in the folder, as stat saw it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub path: PathBuf,
    pub rel: PathBuf,
    pub kind: JobKind,
    pub size: u64,
    pub mtime: Option<SystemTime>,
}

/// What a scan finds at one path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found {
    /// A file to process.
    Article(Entry),
    /// A file that is not read, and why (relative to the root).
    Ignored(PathBuf, IgnoreReason),
}

/// Where and what to scan.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    /// The watched folder, canonicalized.
    pub root: PathBuf,
    pub recursive: bool,
    pub filter: Filter,
    /// Folders below the root never scanned (the output folder, if inside).
    pub exclude: Vec<PathBuf>,
}

impl Scope {
    /// Calls `f` for every file below the root as it is found, in folder
    /// order, without holding the listing in memory.
    pub(crate) fn walk(&self, f: &mut dyn FnMut(Found)) -> io::Result<()> {
        self.scan_dir(&self.root, true, f)
    }

    /// Scans one folder below the root (a folder created or moved in).
    pub(crate) fn scan_subtree(&self, dir: &Path, f: &mut dyn FnMut(Found)) {
        let _ = self.scan_dir(dir, false, f);
    }

    fn scan_dir(&self, dir: &Path, is_root: bool, out: &mut dyn FnMut(Found)) -> io::Result<()> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if is_root => return Err(e),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "cannot list folder");
                return Ok(());
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if self.exclude.iter().any(|x| path.starts_with(x)) {
                continue;
            }
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                // Hidden and temp folders (.git, a copy in progress) are not walked.
                if self.recursive && Filter::name_reason(&entry.file_name()).is_none() {
                    self.scan_dir(&path, false, out)?;
                }
                continue;
            }
            if let Some(found) = self.find(&path) {
                out(found);
            }
        }
        Ok(())
    }

    /// What is at one path below the root: an article, an ignored file, or
    /// nothing (gone, a folder, outside the root or excluded).
    pub(crate) fn find(&self, path: &Path) -> Option<Found> {
        let rel = path.strip_prefix(&self.root).ok()?;
        match self.filter.check(path) {
            Ok(()) => self.classify(path).map(Found::Article),
            Err(reason) => {
                let meta = std::fs::symlink_metadata(path).ok()?;
                if meta.is_dir() || self.exclude.iter().any(|x| path.starts_with(x)) {
                    return None;
                }
                Some(Found::Ignored(rel.to_path_buf(), reason))
            }
        }
    }

    /// Stats one path below the root; `None` when it is gone, a folder, or not accepted.
    pub(crate) fn classify(&self, path: &Path) -> Option<Entry> {
        let rel = path.strip_prefix(&self.root).ok()?.to_path_buf();
        if rel.as_os_str().is_empty() || self.filter.check(path).is_err() {
            return None;
        }
        if self.exclude.iter().any(|x| path.starts_with(x)) {
            return None;
        }
        let lmeta = std::fs::symlink_metadata(path).ok()?;
        let make = |kind, size, mtime| Entry {
            path: path.to_path_buf(),
            rel: rel.clone(),
            kind,
            size,
            mtime,
        };
        // A link inside the root stands for what it points to.
        let meta = if lmeta.file_type().is_symlink() {
            let target = std::fs::canonicalize(path).ok()?;
            if !target.starts_with(&self.root) {
                return Some(make(
                    JobKind::SymlinkOutside(target),
                    lmeta.len(),
                    lmeta.modified().ok(),
                ));
            }
            std::fs::metadata(&target).ok()?
        } else {
            lmeta
        };
        if meta.is_dir() {
            return None;
        }
        let kind = if meta.is_file() {
            JobKind::File
        } else {
            JobKind::NotAFile
        };
        Some(make(kind, meta.len(), meta.modified().ok()))
    }
}
