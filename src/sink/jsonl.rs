//! The JSON Lines sink (`output.jsonl`): every new record appended as one
//! compact line to one file other programs can tail. The committer appends
//! a whole group at once and syncs it before the group's ledger commit, so
//! a record in the ledger is in the file. A crash can cut the last line: it
//! is removed when the file is opened again, and its file, not yet in the
//! ledger, is read again and appended whole. A line may thus repeat after a
//! crash (same `id`), never be lost or torn.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bytes read at a time from the end of the file to find its last newline.
const TAIL_CHUNK: u64 = 64 * 1024;

/// An open JSON Lines file, appended to by the committer.
#[derive(Debug)]
pub(crate) struct JsonLines {
    path: PathBuf,
    /// The file and its length: whole lines only.
    file: Mutex<(File, u64)>,
}

impl JsonLines {
    /// Opens (or creates) the file and cuts a partial last line a crash left.
    /// Returns the sink and the bytes cut.
    pub(crate) fn open(path: &Path) -> io::Result<(JsonLines, u64)> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        let len = file.metadata()?.len();
        let whole = whole_lines_len(&mut file, len)?;
        if whole < len {
            file.set_len(whole)?;
            file.sync_all()?;
        }
        Ok((
            JsonLines {
                path: path.to_path_buf(),
                file: Mutex::new((file, whole)),
            },
            len - whole,
        ))
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `lines` (each without its newline) and syncs them. On an
    /// error the file is cut back to its whole lines, so a failed append
    /// (a full disk) leaves nothing half-written.
    pub(crate) fn append(&self, lines: &[&[u8]]) -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
        for line in lines {
            buf.extend_from_slice(line);
            buf.push(b'\n');
        }
        let mut guard = self
            .file
            .lock()
            .map_err(|_| io::Error::other("the JSON Lines file's lock is poisoned"))?;
        let (file, len) = &mut *guard;
        let written = file
            .seek(SeekFrom::Start(*len))
            .and_then(|_| file.write_all(&buf))
            .and_then(|()| file.sync_data());
        match written {
            Ok(()) => {
                *len += buf.len() as u64;
                Ok(())
            }
            Err(e) => {
                let _ = file.set_len(*len);
                Err(e)
            }
        }
    }
}

/// The length of the file's whole lines: up to and with its last newline.
fn whole_lines_len(file: &mut File, len: u64) -> io::Result<u64> {
    let mut end = len;
    let mut buf = vec![0u8; TAIL_CHUNK as usize];
    while end > 0 {
        let start = end.saturating_sub(TAIL_CHUNK);
        let chunk = &mut buf[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_whole_lines_and_cuts_a_torn_last_line_on_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/records.jsonl");
        let (sink, cut) = JsonLines::open(&path).expect("open");
        assert_eq!(cut, 0);
        sink.append(&[b"{\"a\":1}", b"{\"b\":2}"]).expect("append");
        drop(sink);
        // What a kill in the middle of a write leaves.
        let mut f = OpenOptions::new().append(true).open(&path).expect("reopen");
        f.write_all(b"{\"c\":").expect("torn");
        drop(f);
        let (sink, cut) = JsonLines::open(&path).expect("open");
        assert_eq!(cut, 5);
        sink.append(&[b"{\"d\":4}"]).expect("append");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "{\"a\":1}\n{\"b\":2}\n{\"d\":4}\n"
        );
    }

    #[test]
    fn a_file_without_any_newline_is_cut_to_nothing_and_long_lines_are_found() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.jsonl");
        let long = vec![b'x'; (TAIL_CHUNK * 2 + 7) as usize];
        std::fs::write(&path, &long).expect("write");
        let (_, cut) = JsonLines::open(&path).expect("open");
        assert_eq!(cut, long.len() as u64);
        let mut whole = long.clone();
        whole.push(b'\n');
        whole.extend_from_slice(&long);
        std::fs::write(&path, &whole).expect("write");
        let (_, cut) = JsonLines::open(&path).expect("open");
        assert_eq!(cut, long.len() as u64);
        assert_eq!(
            std::fs::metadata(&path).expect("meta").len(),
            long.len() as u64 + 1
        );
    }
}
