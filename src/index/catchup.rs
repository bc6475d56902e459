//! How the index finds what it has not caught up with: each article row
//! remembers its record file and that file's stamp (modification time and
//! size) when indexed; a scan of the records folder compares. A record
//! written after the index stopped (a crash between commit and index, a
//! server down, `reprocess`) has no row or another stamp; a row whose
//! record file is gone is removed.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

use super::IndexError;
use super::rows::{self, Provenance};
use super::store::Store;
use crate::record::Record;

/// The origin that rows from the records folder `root` carry.
pub fn origin(root: &Path) -> String {
    std::fs::canonicalize(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A record file's stamp: it changes whenever the file is replaced.
pub fn stamp(meta: &std::fs::Metadata) -> String {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{mtime}-{}", meta.len())
}

/// Every record file below `root` (relative path → stamp); temp files of
/// unfinished writes are not records.
pub fn scan(root: &Path) -> io::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for files in walk(root) {
        out.extend(files?);
    }
    Ok(out)
}

/// The record files below `root` a directory at a time: each item is one
/// directory's files (relative path, stamp), so a caller that compares
/// them as they come holds one directory, not the folder.
pub fn walk(root: &Path) -> Walk {
    Walk {
        root: root.to_path_buf(),
        stack: vec![root.to_path_buf()],
    }
}

/// The iterator of [`walk`]: directories still to read.
pub struct Walk {
    root: PathBuf,
    stack: Vec<PathBuf>,
}

impl Walk {
    /// The record files directly in `dir`; the directories in it go on the
    /// stack.
    fn read(&mut self, dir: &Path) -> io::Result<Vec<(String, String)>> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ty = entry.file_type()?;
            if ty.is_dir() {
                self.stack.push(entry.path());
            } else if ty.is_file() && name.ends_with(".json") && !name.starts_with('.') {
                let path = entry.path();
                let Ok(meta) = entry.metadata() else { continue };
                if let Some(rel) = relative(&self.root, &path) {
                    files.push((rel, stamp(&meta)));
                }
            }
        }
        Ok(files)
    }
}

impl Iterator for Walk {
    type Item = io::Result<Vec<(String, String)>>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(dir) = self.stack.pop() {
            match self.read(&dir) {
                Ok(files) if files.is_empty() => continue,
                read => return Some(read),
            }
        }
        None
    }
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Of a directory's record files (relative path, stamp), those the index
/// lacks or holds with another stamp (`indexed`: the index's stamps of
/// them).
pub fn changed(files: Vec<(String, String)>, indexed: &HashMap<String, String>) -> Vec<String> {
    files
        .into_iter()
        .filter(|(rel, stamp)| indexed.get(rel) != Some(stamp))
        .map(|(rel, _)| rel)
        .collect()
}

/// Record files the index holds (of `origin`) whose file is no longer
/// below `root`, read a page of the index at a time.
pub fn gone(store: &mut Store, root: &Path, origin: &str) -> Result<Vec<String>, IndexError> {
    const PAGE: usize = 10_000;
    let mut gone = Vec::new();
    let mut after = String::new();
    loop {
        let page = store.record_files_after(origin, &after, PAGE)?;
        let full = page.len() == PAGE;
        for file in page {
            match std::fs::symlink_metadata(root.join(&file)) {
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
                {
                    gone.push(file.clone())
                }
                Err(source) => {
                    return Err(IndexError::Io {
                        path: root.join(&file),
                        source,
                    });
                }
            }
            after = file;
        }
        if !full {
            return Ok(gone);
        }
    }
}

/// The record files `files` (relative to `root`) in the order the index
/// places them in stories: by the article's day (published, else
/// ingested), then its record id, then the file; a file that cannot be
/// read as a record goes last. Only the few fields needed are decoded.
pub fn in_time_order(root: &Path, files: Vec<String>) -> Vec<String> {
    /// What the order needs of a record.
    #[derive(serde::Deserialize)]
    struct Dated {
        id: String,
        published: Option<DatedPublished>,
        source: DatedSource,
    }
    #[derive(serde::Deserialize)]
    struct DatedPublished {
        date: String,
    }
    #[derive(serde::Deserialize)]
    struct DatedSource {
        ingested_at: String,
    }
    let mut keyed: Vec<(Option<(chrono::NaiveDate, String)>, String)> = files
        .into_iter()
        .map(|rel| {
            let key = std::fs::read(root.join(&rel))
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Dated>(&bytes).ok())
                .map(|d| {
                    let (published, ingested) = crate::stories::features::dates(
                        d.published.as_ref().map(|p| p.date.as_str()),
                        &d.source.ingested_at,
                    );
                    (published.or(ingested).unwrap_or_default(), d.id)
                });
            (key, rel)
        })
        .collect();
    keyed.sort_by(|a, b| match (&a.0, &b.0) {
        (Some(x), Some(y)) => x.cmp(y).then_with(|| a.1.cmp(&b.1)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    });
    keyed.into_iter().map(|(_, rel)| rel).collect()
}

/// Reads one record file: the record and where it came from. `Ok(None)`
/// when the file is gone (replaced or removed since it was listed).
pub fn read(
    root: &Path,
    origin: &str,
    path: &Path,
) -> Result<Option<(Record, Provenance)>, IndexError> {
    let io_error = |source| IndexError::Io {
        path: PathBuf::from(path),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(e)),
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(e)),
    };
    let record = rows::parse(&bytes).map_err(|e| IndexError::Record {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(Some((record, provenance(root, origin, path, &meta))))
}

/// Where the record file at `path` (whose metadata is `meta`) came from.
pub fn provenance(root: &Path, origin: &str, path: &Path, meta: &std::fs::Metadata) -> Provenance {
    Provenance {
        origin: origin.to_string(),
        record_file: relative(root, path),
        stamp: stamp(meta),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_and_replaced_records_are_changed() {
        let files: Vec<(String, String)> = [("a.json", "1"), ("b.json", "2"), ("c.json", "3")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let indexed: HashMap<String, String> = [("a.json", "1"), ("b.json", "9")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(
            changed(files, &indexed),
            vec!["b.json".to_string(), "c.json".to_string()]
        );
    }

    #[test]
    fn the_walk_hands_over_each_folder_once_and_skips_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("x/y")).unwrap();
        for name in [
            "a.json",
            "x/b.json",
            "x/c.json",
            "x/y/d.json",
            "x/.e.json",
            "x/f.tmp",
        ] {
            std::fs::write(dir.path().join(name), "{}").unwrap();
        }
        let mut seen: Vec<Vec<String>> = walk(dir.path())
            .map(|files| {
                let mut names: Vec<String> =
                    files.unwrap().into_iter().map(|(rel, _)| rel).collect();
                names.sort();
                names
            })
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            vec![
                vec!["a.json".to_string()],
                vec!["x/b.json".to_string(), "x/c.json".to_string()],
                vec!["x/y/d.json".to_string()],
            ]
        );
    }

    #[test]
    fn a_fresh_index_reads_records_in_time_order_not_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let record = |id: &str, published: Option<&str>, ingested: &str| {
            let published = published.map(|d| serde_json::json!({ "date": d }));
            serde_json::json!({ "id": id, "published": published, "source": { "ingested_at": ingested } })
                .to_string()
        };
        let files = [
            (
                "a.json",
                record("b2", Some("2025-03-02"), "2025-04-01T00:00:00Z"),
            ),
            ("b.json", record("a1", None, "2025-03-01T08:00:00Z")),
            (
                "c.json",
                record("a9", Some("2025-03-02"), "2025-01-01T00:00:00Z"),
            ),
            ("d.json", "not a record".to_string()),
            (
                "e.json",
                record("z0", Some("2025-02-28"), "2025-04-01T00:00:00Z"),
            ),
        ];
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let names: Vec<String> = files.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(
            in_time_order(dir.path(), names),
            ["e.json", "b.json", "c.json", "a.json", "d.json"],
            "by day (published, else ingested), then id; unreadable last"
        );
    }

    #[test]
    fn temp_files_are_not_records() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("x")).unwrap();
        std::fs::write(dir.path().join("x/a.txt.json"), b"{}").unwrap();
        std::fs::write(dir.path().join("x/.a.txt.json.1.2.wwtmp"), b"{").unwrap();
        let found = scan(dir.path()).unwrap();
        assert_eq!(found.keys().collect::<Vec<_>>(), vec!["x/a.txt.json"]);
    }
}
