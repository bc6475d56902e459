//! Which names are articles: temp and hidden names never are (browsers,
//! editors and copy tools write under them and rename when done).

use std::ffi::OsStr;
use std::path::Path;

/// Suffixes of files still being written by some tool.
const TEMP_SUFFIXES: &[&str] = &[
    ".part",
    ".partial",
    ".tmp",
    ".temp",
    ".crdownload",
    ".download",
    ".swp",
    ".swx",
    ".filepart",
    ".!ut",
    ".wwtmp",
];

/// The accepted extensions (lowercase, no dot); empty accepts all.
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    extensions: Vec<String>,
}

impl Filter {
    pub(crate) fn new(extensions: &[String]) -> Self {
        Filter {
            extensions: extensions.iter().map(|e| e.to_ascii_lowercase()).collect(),
        }
    }

    /// True for names a writer uses while the file is incomplete, and dotfiles.
    pub(crate) fn is_temp(name: &OsStr) -> bool {
        let name = name.to_string_lossy();
        let lower = name.to_ascii_lowercase();
        name.starts_with('.')
            || name.ends_with('~')
            || (name.starts_with('#') && name.ends_with('#'))
            || TEMP_SUFFIXES.iter().any(|s| lower.ends_with(s))
    }

    /// True when the file at `path` should be processed.
    pub(crate) fn accepts(&self, path: &Path) -> bool {
        let Some(name) = path.file_name() else {
            return false;
        };
        if Self::is_temp(name) {
            return false;
        }
        if self.extensions.is_empty() {
            return true;
        }
        path.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .is_some_and(|e| self.extensions.contains(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_and_extensions() {
        let f = Filter::new(&["txt".into(), "md".into()]);
        assert!(f.accepts(Path::new("a/b.txt")));
        assert!(f.accepts(Path::new("B.TXT")));
        assert!(!f.accepts(Path::new("b.txt.part")));
        assert!(!f.accepts(Path::new(".hidden.txt")));
        assert!(!f.accepts(Path::new("b.txt~")));
        assert!(!f.accepts(Path::new("b.crdownload")));
        assert!(!f.accepts(Path::new("b.pdf")));
        assert!(Filter::new(&[]).accepts(Path::new("README")));
    }
}
