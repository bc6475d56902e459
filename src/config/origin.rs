//! Where each configuration value came from (the embedded defaults, a line
//! of the user's file, an environment variable or a flag), so an error about
//! a value can send the user to the place where they wrote it.

use std::collections::BTreeMap;
use std::fmt;

use toml::de::{DeTable, DeValue};

/// The place a configuration value was set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `config/wirewatch.toml`, embedded in the binary.
    Default,
    /// A line of the configuration file given with `--config`.
    File { path: String, line: usize },
    /// A `WIREWATCH_<SECTION>_<KEY>` variable.
    Env { var: String },
    /// A command-line flag.
    Flag { flag: &'static str },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("embedded defaults"),
            Origin::File { path, line } => write!(f, "{path}, line {line}"),
            Origin::Env { var } => write!(f, "environment variable {var}"),
            Origin::Flag { flag } => write!(f, "command-line flag {flag}"),
        }
    }
}

/// The origin of every key set by something other than the defaults, by
/// dotted key (`watch.settle_ms`).
#[derive(Debug, Default)]
pub(crate) struct Origins {
    by_key: BTreeMap<String, Origin>,
}

impl Origins {
    pub(crate) fn set(&mut self, key: String, origin: Origin) {
        self.by_key.insert(key, origin);
    }

    /// Where `key` was set; an element of a list (`nats.servers[1]`) was set
    /// with its list.
    pub(crate) fn of(&self, key: &str) -> Origin {
        let key = key.split('[').next().unwrap_or(key);
        let mut probe = key;
        loop {
            if let Some(o) = self.by_key.get(probe) {
                return o.clone();
            }
            match probe.rsplit_once('.') {
                Some((parent, _)) => probe = parent,
                None => return Origin::Default,
            }
        }
    }

    /// Records the line of every key (tables and values) in the file `text`.
    /// A file that does not parse records nothing: its syntax error says where.
    pub(crate) fn record_file(&mut self, text: &str, path: &str) {
        if let Ok(table) = DeTable::parse(text) {
            self.record_table(table.get_ref(), "", text, path);
        }
    }

    fn record_table(&mut self, table: &DeTable<'_>, prefix: &str, text: &str, path: &str) {
        for (key, value) in table {
            let name = if prefix.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{prefix}.{}", key.get_ref())
            };
            let origin = Origin::File {
                path: path.to_string(),
                line: line_at(text, key.span().start),
            };
            self.by_key.insert(name.clone(), origin);
            if let DeValue::Table(inner) = value.get_ref() {
                self.record_table(inner, &name, text, path);
            }
        }
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_a_file_get_their_line_and_unset_keys_the_defaults() {
        let mut o = Origins::default();
        let text = "# comment\n[watch]\nsettle_ms = 5\n\n[nats]\nservers = [\"a\",\n \"b\"]\n";
        o.record_file(text, "c.toml");
        let line = |k: &str| match o.of(k) {
            Origin::File { line, .. } => line,
            other => panic!("{k}: {other:?}"),
        };
        assert_eq!(line("watch.settle_ms"), 3);
        assert_eq!(line("nats.servers[1]"), 6);
        assert_eq!(
            line("watch.dir"),
            2,
            "an unset key falls back to its section"
        );
        assert_eq!(o.of("pipeline.workers"), Origin::Default);
    }

    #[test]
    fn dotted_keys_and_inline_tables_are_found() {
        let mut o = Origins::default();
        o.record_file("a = 1\nwatch.settle_ms = 5\nlog = { level = \"x\" }\n", "c");
        assert!(matches!(
            o.of("watch.settle_ms"),
            Origin::File { line: 2, .. }
        ));
        assert!(matches!(o.of("log.level"), Origin::File { line: 3, .. }));
    }
}
