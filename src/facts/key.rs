//! What makes two observations the same quantity before their periods are
//! compared: the measure's key, its kind, the whole of a share, the unit
//! and the entity.

use std::fmt;

/// The grouping key of an observation; an observation without an entity
/// has a key of its own (its article and place), so it never joins others:
/// "profits rose 5%" alone does not say whose.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryKey {
    pub(crate) kind: &'static str,
    pub(crate) measure: String,
    pub(crate) of: Option<String>,
    pub(crate) unit: String,
    pub(crate) entity: String,
}

impl EntryKey {
    /// A key from its parts: `kind` as the record writes it ("share"),
    /// the measure's key, the whole of a share, the unit, and the entity's
    /// key (`country:TJ`).
    pub fn new(
        kind: &'static str,
        measure: &str,
        of: Option<&str>,
        unit: &str,
        entity: &str,
    ) -> Self {
        EntryKey {
            kind,
            measure: measure.to_string(),
            of: of.map(str::to_string),
            unit: unit.to_string(),
            entity: entity.to_string(),
        }
    }
}

impl fmt::Display for EntryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}|{}|{}|{}|{}",
            self.kind,
            self.measure,
            self.of.as_deref().unwrap_or(""),
            self.unit,
            self.entity
        )
    }
}
