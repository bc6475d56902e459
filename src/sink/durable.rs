//! Crash-safe file writes: temp name in the destination folder, fsync, rename.
//! The folder itself is fsynced by the caller, once per group of writes.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Marker in temporary file names, so leftovers of a crash can be found and removed.
pub(crate) const TEMP_MARKER: &str = ".wwtmp";

static SEQ: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `dest` atomically: readers see the old file or the whole
/// new one, never a torn one. The data is fsynced before the rename.
pub(crate) fn write_atomic(dest: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let dir = dest
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "destination has no parent"))?;
    fs::create_dir_all(dir)?;
    let name = dest
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "destination has no name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(
        ".{}.{}{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed),
        TEMP_MARKER
    ));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut file = create_with_mode(&tmp, mode)?;
        file.write_all(bytes)?;
        file.sync_data()?;
        drop(file);
        fs::rename(&tmp, dest)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
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
}
