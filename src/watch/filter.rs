//! Which names are articles: temp and hidden names never are (browsers,
//! editors and copy tools write under them and rename when done), nor are
//! document kinds that are not text; the rest must carry one of the
//! configured extensions. Every refusal has a reason, so every file in the
//! folder is accounted for.

use std::ffi::OsStr;
use std::path::Path;

use crate::document::format;
use crate::telemetry::labels::IgnoreReason;

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

    /// Why a name is never read on its own: a dotfile, or a name a writer
    /// uses while the file is incomplete.
    pub(crate) fn name_reason(name: &OsStr) -> Option<IgnoreReason> {
        let name = name.to_string_lossy();
        let lower = name.to_ascii_lowercase();
        if name.ends_with('~')
            || (name.starts_with('#') && name.ends_with('#'))
            || TEMP_SUFFIXES.iter().any(|s| lower.ends_with(s))
        {
            Some(IgnoreReason::TempName)
        } else if name.starts_with('.') {
            Some(IgnoreReason::Hidden)
        } else {
            None
        }
    }

    /// `Ok` when the file at `path` should be processed, else why not.
    pub(crate) fn check(&self, path: &Path) -> Result<(), IgnoreReason> {
        let Some(name) = path.file_name() else {
            return Err(IgnoreReason::Hidden);
        };
        if let Some(reason) = Self::name_reason(name) {
            return Err(reason);
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if ext.as_deref().and_then(format::unsupported_kind).is_some() {
            return Err(IgnoreReason::Unsupported);
        }
        if self.extensions.is_empty() || ext.is_some_and(|e| self.extensions.contains(&e)) {
            Ok(())
        } else {
            Err(IgnoreReason::Extension)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_and_extensions() {
        let f = Filter::new(&["txt".into(), "md".into(), "pdf".into()]);
        assert_eq!(f.check(Path::new("a/b.txt")), Ok(()));
        assert_eq!(f.check(Path::new("B.TXT")), Ok(()));
        let no = |p: &str| f.check(Path::new(p)).err();
        assert_eq!(no("b.txt.part"), Some(IgnoreReason::TempName));
        assert_eq!(no(".hidden.txt"), Some(IgnoreReason::Hidden));
        assert_eq!(no(".b.txt.part"), Some(IgnoreReason::TempName));
        assert_eq!(no("b.txt~"), Some(IgnoreReason::TempName));
        assert_eq!(no("b.crdownload"), Some(IgnoreReason::TempName));
        // Listing a kind that is not text does not make it readable.
        assert_eq!(no("b.pdf"), Some(IgnoreReason::Unsupported));
        assert_eq!(no("b.DOCX"), Some(IgnoreReason::Unsupported));
        assert_eq!(no("b.csv"), Some(IgnoreReason::Extension));
        assert_eq!(no("README"), Some(IgnoreReason::Extension));
        assert_eq!(Filter::new(&[]).check(Path::new("README")), Ok(()));
        assert_eq!(
            Filter::new(&[]).check(Path::new("scan.png")),
            Err(IgnoreReason::Unsupported)
        );
    }
}
