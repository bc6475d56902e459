//! The closed sets of values that label metrics and log lines: quarantine
//! reasons, pipeline stages, error types and NATS operations. Each is an enum
//! whose label text is written once, next to the variant; the metric
//! catalogue pre-registers every value from the same list, so a new variant
//! cannot be recorded without also being exported.

/// Declares a label enum: the variants with their label texts, `label()`,
/// `ALL` (every variant that labels a metric) and `LABELS` (their label
/// texts, in the same order). Variants after a `;` have a label text for
/// logs and files but never label a metric.
macro_rules! label_enum {
    (
        $(#[$meta:meta])*
        pub(crate) enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $label:literal,)+
            $(; $($(#[$xmeta:meta])* $xvariant:ident => $xlabel:literal,)+)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum $name {
            $($(#[$vmeta])* $variant,)+
            $($($(#[$xmeta])* $xvariant,)+)?
        }

        impl $name {
            /// Every value that labels a metric, in catalogue order.
            #[cfg(test)]
            pub(crate) const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The label text of every value that labels a metric, in declaration
            /// order, for pre-registration.
            pub(crate) const LABELS: &'static [&'static str] = &[$($label,)+];

            /// The text that labels metrics, log lines and folders.
            pub(crate) const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                    $($($name::$xvariant => $xlabel,)+)?
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

label_enum! {
    /// Why a file went to the quarantine: also the name of its sub-folder.
    pub(crate) enum QuarantineReason {
        /// No bytes, or only white space and markup.
        Empty => "empty",
        /// Binary content, not text.
        Binary => "binary",
        /// Text in no encoding that could be decoded.
        Undecodable => "undecodable",
        /// Larger than `watch.max_file_bytes`.
        TooLarge => "too_large",
        /// Gone before it could be read.
        Vanished => "vanished",
        /// Could not be read.
        Unreadable => "unreadable",
        /// A symlink leading outside the watched folder.
        SymlinkOutside => "symlink_outside",
        /// A FIFO, socket or device.
        NotAFile => "not_a_file",
        /// A JSON or JSON Lines feed that is not JSON, or one of its items
        /// that is not an article (no text field, not an object).
        InvalidFeed => "invalid_feed",
        /// Processing panicked.
        InternalError => "internal_error",
        /// Delivered `nats.max_deliver` times without finishing.
        DeadLetter => "dead_letter",
    }
}

label_enum! {
    /// Why a file in the watched folder is not read: counted
    /// (`wirewatch_files_ignored_total`) and logged once per path.
    pub(crate) enum IgnoreReason {
        /// A name writers use while a file is incomplete (`.part`, `.tmp`,
        /// `.crdownload`, `~`, …); the final name is read once it appears.
        TempName => "temp_name",
        /// A dotfile.
        Hidden => "hidden",
        /// A document kind that is not text (PDF, word-processor files,
        /// images, archives): reading it as text would make a wrong record.
        Unsupported => "unsupported_format",
        /// An extension not listed in `watch.extensions`.
        Extension => "extension",
    }
}

label_enum! {
    /// The pipeline stage an error or a duration belongs to.
    pub(crate) enum Stage {
        /// Finding the file and deciding whether it is new.
        Detect => "detect",
        /// Reading its bytes.
        Read => "read",
        /// Decoding the bytes to text.
        Decode => "decode",
        /// Parsing the text into a document.
        Parse => "parse",
        /// Finding facts.
        Extract => "extract",
        /// Writing the record or the quarantine copy.
        Write => "write",
        /// Making the group durable.
        Commit => "commit",
        ;
        /// The work queue gave up on the article (a dead letter's stage).
        Work => "work",
    }
}

label_enum! {
    /// What kind of error stopped a stage.
    pub(crate) enum ErrorType {
        /// A file-system error.
        Io => "io",
        /// The ledger could not be read or written.
        Ledger => "ledger",
        /// The file-system watcher failed (pre-registered for the
        /// dashboards; watcher failures are counted by
        /// `wirewatch_watcher_errors_total` today).
        #[allow(dead_code)]
        Watcher => "watcher",
        /// The record could not be encoded.
        Encode => "encode",
        /// No space (or quota) left.
        DiskFull => "disk_full",
        /// Permission denied.
        Permission => "permission",
        /// NATS did not accept the article.
        Nats => "nats",
    }
}

label_enum! {
    /// An operation against NATS that can fail.
    pub(crate) enum NatsOp {
        /// Connecting, or making sure the streams and consumer exist.
        Connect => "connect",
        /// Publishing an article (ingest).
        Publish => "publish",
        /// Fetching articles from the work queue.
        Fetch => "fetch",
        /// Acking an article.
        Ack => "ack",
        /// Publishing a record to the records stream.
        Records => "records",
        /// Reading or deleting a large article in the object store.
        Object => "object",
    }
}

impl NatsOp {
    /// Counts a failure of this operation (`wirewatch_nats_errors_total`).
    pub(crate) fn count_error(self) {
        metrics::counter!(super::catalogue::NATS_ERRORS.name, "op" => self.label()).increment(1);
    }
}

impl ErrorType {
    /// The error type of an I/O error on the output side.
    pub(crate) fn of_io(e: &std::io::Error) -> ErrorType {
        match e.raw_os_error() {
            Some(libc::ENOSPC) | Some(libc::EDQUOT) | Some(libc::EFBIG) => ErrorType::DiskFull,
            _ if e.kind() == std::io::ErrorKind::PermissionDenied => ErrorType::Permission,
            _ => ErrorType::Io,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_all() {
        let reasons: Vec<_> = QuarantineReason::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(reasons, QuarantineReason::LABELS);
        let stages: Vec<_> = Stage::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(stages, Stage::LABELS);
        let types: Vec<_> = ErrorType::ALL.iter().map(|t| t.label()).collect();
        assert_eq!(types, ErrorType::LABELS);
        let ops: Vec<_> = NatsOp::ALL.iter().map(|o| o.label()).collect();
        assert_eq!(ops, NatsOp::LABELS);
        let ignored: Vec<_> = IgnoreReason::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(ignored, IgnoreReason::LABELS);
    }
}
