//! What each configuration value must be, in plain words: the whole-number
//! keys with their ranges (checked before the typed configuration is built,
//! so a wrong type and a wrong range give the same sentence), and the
//! translation of the deserializer's type names (`usize`, `u64`) for the rest.

/// A key whose value is a whole number within a range.
pub(crate) struct Whole {
    pub key: &'static str,
    pub min: i64,
    pub max: i64,
    /// What the number counts ("milliseconds"), or empty.
    pub unit: &'static str,
    /// Said after the range, e.g. "0 means one per core", or empty.
    pub note: &'static str,
}

const NO_MAX: i64 = i64::MAX;

/// Every whole-number key. A new numeric key belongs here; one that is not
/// still gets a plain-words type error, without its range.
pub(crate) const WHOLE_NUMBERS: &[Whole] = &[
    w("watch.settle_ms", 0, 600_000, "milliseconds", ""),
    w("watch.poll_settle_ms", 0, 600_000, "milliseconds", ""),
    w("watch.write_timeout_s", 1, 86_400, "seconds", ""),
    w("watch.rescan_interval_s", 1, 86_400, "seconds", ""),
    w("watch.backfill_batch", 1, NO_MAX, "files", ""),
    w("watch.poll_interval_ms", 10, NO_MAX, "milliseconds", ""),
    w("watch.max_file_bytes", 1, NO_MAX, "bytes", ""),
    w(
        "pipeline.workers",
        0,
        1024,
        "threads",
        "0 means one per core",
    ),
    w("pipeline.queue_capacity", 1, NO_MAX, "files", ""),
    w("pipeline.group_commit_ms", 0, 1000, "milliseconds", ""),
    w("pipeline.shutdown_timeout_s", 0, NO_MAX, "seconds", ""),
    w("quarantine.max_bytes", 0, NO_MAX, "bytes", ""),
    w("quarantine.max_copy_bytes", 0, NO_MAX, "bytes", ""),
    w("keywords.count", 0, 100, "keywords", ""),
    w("stories.window_days", 0, 365, "days", ""),
    w("nats.replicas", 1, 5, "", ""),
    w("nats.duplicate_window_s", 0, NO_MAX, "seconds", ""),
    w("nats.ack_wait_s", 1, NO_MAX, "seconds", ""),
    w("nats.max_deliver", 2, NO_MAX, "deliveries", ""),
    w("nats.max_payload_bytes", 1024, NO_MAX, "bytes", ""),
    w("nats.fetch_batch", 1, NO_MAX, "messages", ""),
];

const fn w(key: &'static str, min: i64, max: i64, unit: &'static str, note: &'static str) -> Whole {
    Whole {
        key,
        min,
        max,
        unit,
        note,
    }
}

impl Whole {
    /// Whether `value` is a whole number within range.
    pub(crate) fn accepts(&self, value: &toml::Value) -> bool {
        value
            .as_integer()
            .is_some_and(|n| (self.min..=self.max).contains(&n))
    }

    /// "a whole number of seconds, between 1 and 86400".
    pub(crate) fn describe(&self) -> String {
        let mut s = String::from("a whole number");
        if !self.unit.is_empty() {
            s.push_str(" of ");
            s.push_str(self.unit);
        }
        match (self.min, self.max) {
            (0, NO_MAX) => s.push_str(", 0 or more"),
            (min, NO_MAX) => s.push_str(&format!(", at least {min}")),
            (0, max) => s.push_str(&format!(", at most {max}")),
            (min, max) => s.push_str(&format!(", between {min} and {max}")),
        }
        if !self.note.is_empty() {
            s.push_str(&format!(" ({})", self.note));
        }
        s
    }
}

/// Rewrites a deserializer message ("invalid type: string \"fast\",
/// expected u64") as what the key expects, in words a user knows.
pub(crate) fn plain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        // "`inotify`, expected `recommended` or `poll`"
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        return format!("expected one of {}", expected.replace('`', "\""));
    }
    let expected = message
        .rsplit_once("expected ")
        .map_or(message, |(_, e)| e.trim());
    let words = match expected {
        "usize" | "u64" | "u32" | "u16" | "u8" => "a whole number, 0 or more",
        "i64" | "i32" | "isize" => "a whole number",
        "f64" | "f32" => "a number",
        "a boolean" | "bool" => "true or false",
        "a string" | "a borrowed string" | "path string" => "text in double quotes",
        "a sequence" => "a list such as [\"a\", \"b\"]",
        other => return format!("expected {other}"),
    };
    format!("expected {words}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(key: &str) -> Option<&'static Whole> {
        WHOLE_NUMBERS.iter().find(|w| w.key == key)
    }

    #[test]
    fn ranges_read_as_sentences() {
        let s = |k| whole(k).map(Whole::describe).unwrap_or_default();
        assert_eq!(
            s("watch.write_timeout_s"),
            "a whole number of seconds, between 1 and 86400"
        );
        assert_eq!(
            s("watch.backfill_batch"),
            "a whole number of files, at least 1"
        );
        assert_eq!(
            s("pipeline.workers"),
            "a whole number of threads, at most 1024 (0 means one per core)"
        );
        assert_eq!(
            s("quarantine.max_bytes"),
            "a whole number of bytes, 0 or more"
        );
    }

    #[test]
    fn rust_type_names_become_words() {
        assert_eq!(
            plain("invalid type: string \"fast\", expected u64"),
            "expected a whole number, 0 or more"
        );
        assert_eq!(
            plain("invalid type: integer `3`, expected a boolean"),
            "expected true or false"
        );
        assert_eq!(
            plain("unknown variant `inotify`, expected `recommended` or `poll`"),
            "expected one of \"recommended\" or \"poll\""
        );
        assert!(!plain("invalid value: integer -2, expected usize").contains("usize"));
    }

    #[test]
    fn whole_numbers_accept_only_integers_in_range() {
        let r = whole("nats.replicas").expect("rule");
        assert!(r.accepts(&toml::Value::Integer(3)));
        assert!(!r.accepts(&toml::Value::Integer(0)));
        assert!(!r.accepts(&toml::Value::Float(2.0)));
        assert!(!r.accepts(&toml::Value::String("3".into())));
    }
}
