//! Crash-safe file writes: temp name in the destination folder, fsync, rename.
//! The folder itself is fsynced by the caller, once per group of writes.
//!
//! Records take the write in two steps so a group shares the wait for the
//! disk: a worker writes the temp file ([`write_pending`]), the committer
//! makes a whole group durable at once ([`sync_group`]) and only then puts
//! each in place ([`rename_new`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// Marker in temporary file names, so leftovers of a crash can be found and removed.
pub(crate) const TEMP_MARKER: &str = ".wwtmp";

static SEQ: AtomicU64 = AtomicU64::new(0);

/// This process's id, asked of the kernel once (it is in every temp name).
fn pid() -> u32 {
    static PID: OnceLock<u32> = OnceLock::new();
    *PID.get_or_init(std::process::id)
}

/// A file written whole under a temp name beside `dest`, neither synced
/// nor in place yet. Dropping it leaves the temp file for
/// [`Pending::discard`] or the next start's [`remove_leftover_temps`].
#[derive(Debug)]
pub(crate) struct Pending {
    file: File,
    tmp: PathBuf,
    dest: PathBuf,
}

impl Pending {
    /// Where the file goes.
    pub(crate) fn dest(&self) -> &Path {
        &self.dest
    }

    /// The open temp file, to sync.
    pub(crate) fn file(&self) -> &File {
        &self.file
    }

    /// Removes the temp file (its write failed, or the record was already
    /// in place).
    pub(crate) fn discard(self) {
        drop(self.file);
        let _ = fs::remove_file(&self.tmp);
    }

    /// Renames the temp file to its destination, replacing what is there.
    /// Sync it first ([`sync_group`]).
    pub(crate) fn replace(self) -> io::Result<()> {
        drop(self.file);
        fs::rename(&self.tmp, &self.dest).inspect_err(|_| {
            let _ = fs::remove_file(&self.tmp);
        })
    }

    /// Renames the temp file to its destination unless something is there
    /// already: then gives it back. Sync it first ([`sync_group`]).
    pub(crate) fn place_new(self) -> io::Result<Option<Pending>> {
        match rename_new(&self.tmp, &self.dest) {
            Ok(true) => Ok(None),
            Ok(false) => Ok(Some(self)),
            Err(e) => {
                self.discard();
                Err(e)
            }
        }
    }
}

/// Writes `bytes` to a new temp file beside `dest` (creating its folder
/// when missing) and keeps it open; nothing is synced or renamed.
pub(crate) fn write_pending(dest: &Path, bytes: &[u8], mode: u32) -> io::Result<Pending> {
    let dir = dest
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "destination has no parent"))?;
    let name = dest
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "destination has no name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(
        ".{}.{}{}",
        pid(),
        SEQ.fetch_add(1, Ordering::Relaxed),
        TEMP_MARKER
    ));
    let tmp = dir.join(tmp_name);
    // The folder is created only when the first try says it is missing:
    // no `mkdir` per file.
    let mut file = match create_with_mode(&tmp, mode) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir)?;
            create_with_mode(&tmp, mode)?
        }
        other => other?,
    };
    if let Err(e) = file.write_all(bytes) {
        drop(file);
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(Pending {
        file,
        tmp,
        dest: dest.to_path_buf(),
    })
}

/// Writes `bytes` to `dest` atomically: readers see the old file or the whole
/// new one, never a torn one. The data is fsynced before the rename.
pub(crate) fn write_atomic(dest: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let pending = write_pending(dest, bytes, mode)?;
    if let Err(e) = pending.file.sync_data() {
        pending.discard();
        return Err(e);
    }
    pending.replace()
}

/// Makes the data of every file durable, one result per file. Writeback of
/// all of them starts before the first wait, so the group shares the disk
/// flushes (with a journal, one commit can cover the group) instead of paying
/// one each.
pub(crate) fn sync_group<'a>(files: impl Iterator<Item = &'a File> + Clone) -> Vec<io::Result<()>> {
    #[cfg(target_os = "linux")]
    for file in files.clone() {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor belongs to an open `File` borrowed for the
        // call. A failure only means no early start; `sync_data` reports.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    files.map(File::sync_data).collect()
}

/// Renames `from` to `to` unless `to` exists; false when it does.
pub(crate) fn rename_new(from: &Path, to: &Path) -> io::Result<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| {
            CString::new(p.as_os_str().as_bytes())
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
        };
        let (from_c, to_c) = (c(from)?, c(to)?);
        // SAFETY: both are NUL-terminated paths that live across the call.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                from_c.as_ptr(),
                libc::AT_FDCWD,
                to_c.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if rc == 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EEXIST) => return Ok(false),
            // A filesystem without the flag: check, then rename.
            Some(libc::EINVAL | libc::ENOSYS) => {}
            _ => return Err(e),
        }
    }
    if fs::symlink_metadata(to).is_ok() {
        return Ok(false);
    }
    fs::rename(from, to).map(|()| true)
}

fn create_with_mode(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// A file-size limit (`ulimit -f`) would kill the process with SIGXFSZ on
/// the first write past it; ignored, the write fails with EFBIG instead, which
/// is reported, retried and recovered from like a full disk.
pub(crate) fn report_file_size_limit_as_error() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler code.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Makes renames and creations in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes temp files a crash left below `root`; returns how many.
pub(crate) fn remove_leftover_temps(root: &Path) -> io::Result<usize> {
    let mut removed = 0;
    if !root.exists() {
        return Ok(0);
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(entry.path());
            } else if entry.file_name().to_string_lossy().ends_with(TEMP_MARKER) {
                fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_and_cleanup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join("a/b.json");
        write_atomic(&dest, b"{}", 0o644).expect("write");
        assert_eq!(fs::read(&dest).expect("read"), b"{}");
        fs::write(dir.path().join("a/.x.json.1.2.wwtmp"), b"torn").expect("write");
        assert_eq!(remove_leftover_temps(dir.path()).expect("clean"), 1);
        assert!(dest.exists());
    }

    #[test]
    fn a_pending_group_is_synced_then_placed_without_replacing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = write_pending(&dir.path().join("new/a.json"), b"a", 0o644).expect("a");
        let b = write_pending(&dir.path().join("new/b.json"), b"b", 0o644).expect("b");
        fs::write(dir.path().join("new/b.json"), b"old").expect("old b");
        let synced = sync_group([a.file(), b.file()].into_iter());
        assert!(synced.iter().all(Result::is_ok));
        assert!(a.place_new().expect("place a").is_none());
        let b = b
            .place_new()
            .expect("place b")
            .expect("b exists: given back");
        assert_eq!(fs::read(dir.path().join("new/b.json")).expect("b"), b"old");
        b.replace().expect("replace b");
        assert_eq!(fs::read(dir.path().join("new/a.json")).expect("a"), b"a");
        assert_eq!(fs::read(dir.path().join("new/b.json")).expect("b"), b"b");
        assert_eq!(remove_leftover_temps(dir.path()).expect("clean"), 0);
    }
}
