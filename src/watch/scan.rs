//! Listing the folder: the source of truth. Events only make a file show up
//! sooner; every file is found by a scan sooner or later.

use std::ffi::{OsStr, OsString};
use std::fs::{DirEntry, Metadata};
use std::io;
use std::ops::ControlFlow;
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

/// A walk's place while it descends: the folder (relative to the root),
/// the cursor's folders still to go down through, and how many entries of
/// the cursor's folder were taken before.
struct Position<'a> {
    rel: PathBuf,
    resume: &'a [OsString],
    taken: usize,
}

/// Where a walk that was stopped goes on: the folder it stopped in
/// (relative to the root) and how many of that folder's entries it had
/// taken. A backfill larger than a batch resumes from here, so taking a
/// folder of a million files in batches lists every file about once, not
/// once per batch. The default starts at the beginning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cursor {
    dir: PathBuf,
    taken: usize,
}

/// Whether a walk goes on after a file (`Continue`) or stops before it
/// (`Break`: the file is found again when the walk resumes).
pub(crate) type Step = ControlFlow<()>;

impl Scope {
    /// Calls `f` for every file below the root as it is found, without
    /// holding the listing in memory: in each folder its files in listing
    /// order, then its subfolders by name.
    pub(crate) fn walk(&self, f: &mut dyn FnMut(Found)) -> io::Result<()> {
        self.walk_from(&Cursor::default(), &mut |found| {
            f(found);
            Step::Continue(())
        })
        .map(|_| ())
    }

    /// Walks like [`Scope::walk`] from `from`, until `f` breaks: then the
    /// cursor to resume at (the file `f` broke on comes first). `None` when
    /// the walk reached the end. Folders before the cursor are not listed
    /// again; the cursor's own folder is listed but its first entries are
    /// not looked at. Files that appeared behind the cursor meanwhile are
    /// left to the next walk from the beginning (or to the watcher).
    pub(crate) fn walk_from(
        &self,
        from: &Cursor,
        f: &mut dyn FnMut(Found) -> Step,
    ) -> io::Result<Option<Cursor>> {
        let path: Vec<OsString> = from.dir.iter().map(OsStr::to_os_string).collect();
        let mut at = Position {
            rel: PathBuf::new(),
            resume: &path,
            taken: from.taken,
        };
        match self.scan_dir(&self.root, &mut at, f)? {
            ControlFlow::Break(cursor) => Ok(Some(cursor)),
            ControlFlow::Continue(()) => Ok(None),
        }
    }

    /// Scans one folder below the root (a folder created or moved in).
    pub(crate) fn scan_subtree(&self, dir: &Path, f: &mut dyn FnMut(Found)) {
        let Ok(rel) = dir.strip_prefix(&self.root) else {
            return;
        };
        let mut at = Position {
            rel: rel.to_path_buf(),
            resume: &[],
            taken: 0,
        };
        let _ = self.scan_dir(dir, &mut at, &mut |found| {
            f(found);
            Step::Continue(())
        });
    }

    /// Lists `dir` once: its files go to `out` as they come, its subfolders
    /// are gathered and walked afterwards in name order. Only the root's
    /// listing failing is an error; a folder that cannot be listed is
    /// logged and passed over.
    fn scan_dir(
        &self,
        dir: &Path,
        at: &mut Position<'_>,
        out: &mut dyn FnMut(Found) -> Step,
    ) -> io::Result<ControlFlow<Cursor>> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if at.rel.as_os_str().is_empty() => return Err(e),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "cannot list folder");
                return Ok(ControlFlow::Continue(()));
            }
        };
        // Above the cursor's folder every file was taken before: only the
        // subfolder on the way down is walked, then those after it.
        let (down, skip) = match at.resume.split_first() {
            Some((next, _)) => (Some(next.clone()), usize::MAX),
            None => (None, std::mem::take(&mut at.taken)),
        };
        let mut subdirs = Vec::new();
        for (i, entry) in entries.flatten().enumerate() {
            let Ok(ft) = entry.file_type() else { continue };
            let path = entry.path();
            if self.exclude.iter().any(|x| path.starts_with(x)) {
                continue;
            }
            if ft.is_dir() {
                // Hidden and temp folders (.git, a copy in progress) are not walked.
                if self.recursive && Filter::name_reason(&entry.file_name()).is_none() {
                    subdirs.push(entry.file_name());
                }
                continue;
            }
            if i < skip {
                continue;
            }
            let rel = at.rel.join(entry.file_name());
            if let Some(found) = self.listed(&entry, path, rel)
                && out(found).is_break()
            {
                return Ok(ControlFlow::Break(Cursor {
                    dir: at.rel.clone(),
                    taken: i,
                }));
            }
        }
        subdirs.sort_unstable();
        let start = match &down {
            Some(next) => subdirs.partition_point(|d| d < next),
            None => 0,
        };
        for name in &subdirs[start..] {
            let resuming = down.as_ref() == Some(name);
            let rest = if resuming { &at.resume[1..] } else { &[][..] };
            let mut inner = Position {
                rel: at.rel.join(name),
                resume: rest,
                taken: if resuming { at.taken } else { 0 },
            };
            if let ControlFlow::Break(c) = self.scan_dir(&dir.join(name), &mut inner, out)? {
                return Ok(ControlFlow::Break(c));
            }
        }
        Ok(ControlFlow::Continue(()))
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
        self.entry(path.to_path_buf(), rel, lmeta)
    }

    /// A file met while listing its folder: stat'ed through the folder's
    /// handle (no walk of the whole path), its relative path already known,
    /// its name checked once.
    fn listed(&self, entry: &DirEntry, path: PathBuf, rel: PathBuf) -> Option<Found> {
        if let Err(reason) = self.filter.check(&path) {
            return Some(Found::Ignored(rel, reason));
        }
        let lmeta = entry.metadata().ok()?;
        self.entry(path, rel, lmeta).map(Found::Article)
    }

    /// The entry of an accepted path from its own (not followed) metadata:
    /// a link inside the root stands for what it points to.
    fn entry(&self, path: PathBuf, rel: PathBuf, lmeta: Metadata) -> Option<Entry> {
        let meta = if lmeta.file_type().is_symlink() {
            let target = std::fs::canonicalize(&path).ok()?;
            if !target.starts_with(&self.root) {
                return Some(Entry {
                    path,
                    rel,
                    kind: JobKind::SymlinkOutside(target),
                    size: lmeta.len(),
                    mtime: lmeta.modified().ok(),
                });
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
        Some(Entry {
            path,
            rel,
            kind,
            size: meta.len(),
            mtime: meta.modified().ok(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// A tree with files at every level, folders of different sizes, a
    /// hidden folder and an ignored file.
    fn tree() -> (tempfile::TempDir, Scope) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for (sub, n) in [
            ("", 3),
            ("b", 7),
            ("a", 5),
            ("a/x", 4),
            ("a/x/deep", 2),
            ("c", 0),
        ] {
            let d = root.join(sub);
            std::fs::create_dir_all(&d).unwrap();
            for i in 0..n {
                std::fs::write(d.join(format!("f{i}.txt")), "text").unwrap();
            }
        }
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::write(root.join(".hidden/h.txt"), "text").unwrap();
        std::fs::write(root.join("b/photo.jpg"), "jpg").unwrap();
        let scope = Scope {
            root,
            recursive: true,
            filter: Filter::new(&["txt".to_string()]),
            exclude: Vec::new(),
        };
        (dir, scope)
    }

    fn articles(scope: &Scope) -> Vec<PathBuf> {
        let mut all = Vec::new();
        scope
            .walk(&mut |f| {
                if let Found::Article(e) = f {
                    all.push(e.rel);
                }
            })
            .unwrap();
        all
    }

    #[test]
    fn a_walk_resumed_in_batches_finds_every_file_once_in_the_same_order() {
        let (_dir, scope) = tree();
        let whole = articles(&scope);
        assert_eq!(whole.len(), 21, "{whole:?}");
        for batch in [1, 2, 3, 4, 6, 20, 21, 100] {
            let mut seen = Vec::new();
            let mut from = Cursor::default();
            let mut walks = 0;
            loop {
                walks += 1;
                assert!(walks < 100, "no progress with batches of {batch}");
                let mut taken = 0;
                let stopped = scope
                    .walk_from(&from, &mut |f| {
                        if let Found::Article(e) = f {
                            if taken == batch {
                                return Step::Break(());
                            }
                            taken += 1;
                            seen.push(e.rel);
                        }
                        Step::Continue(())
                    })
                    .unwrap();
                match stopped {
                    Some(c) => from = c,
                    None => break,
                }
            }
            assert_eq!(seen, whole, "batches of {batch}");
        }
    }

    #[test]
    fn a_walk_resumes_after_its_folder_is_gone_and_subfolders_come_by_name() {
        let (_dir, scope) = tree();
        let whole = articles(&scope);
        let dirs: Vec<_> = whole
            .iter()
            .map(|p| p.parent().unwrap().to_path_buf())
            .collect();
        let mut firsts = Vec::new();
        for d in &dirs {
            if firsts.last() != Some(d) {
                firsts.push(d.clone());
            }
        }
        let names: Vec<_> = firsts.iter().map(|d| d.display().to_string()).collect();
        assert_eq!(names, ["", "a", "a/x", "a/x/deep", "b"]);
        // Stop in `a/x`, remove it, resume: the walk goes on with `b`.
        let mut taken = 0;
        let stopped = scope
            .walk_from(&Cursor::default(), &mut |f| {
                if let Found::Article(e) = f
                    && e.rel.starts_with("a/x")
                {
                    taken += 1;
                    if taken == 2 {
                        return Step::Break(());
                    }
                }
                Step::Continue(())
            })
            .unwrap()
            .expect("stopped");
        std::fs::remove_dir_all(scope.root.join("a/x")).unwrap();
        let mut rest = BTreeSet::new();
        let end = scope
            .walk_from(&stopped, &mut |f| {
                if let Found::Article(e) = f {
                    rest.insert(e.rel);
                }
                Step::Continue(())
            })
            .unwrap();
        assert_eq!(end, None);
        let b: BTreeSet<_> = (0..7)
            .map(|i| PathBuf::from(format!("b/f{i}.txt")))
            .collect();
        assert_eq!(rest, b);
    }
}
