//! Entries as `wirewatch facts --json` writes them:
//! `{"entries": [{"id", "measure", "entity", "kind", "unit", "period",
//! "agree", "observations": [{"value", "min"?, "max"?, "qualifier"?,
//! "outlier"?, "text", "article", "path", "published", "cited"?}]}]}`.

use serde::Serialize;

use crate::record::Qualifier;

/// The ledger's entries, as written.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub entries: Vec<Entry>,
}

/// One quantity and every article's figure for it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    /// Stable id: a hash of the entry's key and period.
    pub id: String,
    /// What is measured (the measure's key; for a share, "… of" and the key of the whole).
    pub measure: String,
    /// Whose figure it is.
    pub entity: Option<String>,
    /// share, amount, change, count or rate.
    pub kind: String,
    /// "%", "pp" (percentage points), an ISO 4217 code, an SI unit, or "count".
    pub unit: String,
    pub period: Option<EntryPeriod>,
    /// Whether every observation agrees with every other, within the
    /// tolerance of the kind widened by the hedges.
    pub agree: bool,
    pub observations: Vec<EntryObservation>,
}

/// The period of an entry.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntryPeriod {
    /// As the first article writes it.
    pub text: String,
    pub start: String,
    pub end: String,
}

/// One article's figure in an entry.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntryObservation {
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) qualifier: Option<Qualifier>,
    /// Its interval meets no other observation's (entries of three or more).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub outlier: bool,
    /// The sentence holding the figure.
    pub text: String,
    /// The article's title (its path when it has none).
    pub article: String,
    pub path: String,
    /// Publication date (ISO 8601), when known.
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited: Option<String>,
    /// The outlet, when the record names it (not written in the JSON).
    #[serde(skip)]
    pub publisher: Option<String>,
    /// The words naming what is measured, as written (not written in the JSON).
    #[serde(skip)]
    pub thing: String,
}

impl Entry {
    /// How many different articles the entry holds.
    pub fn articles(&self) -> usize {
        let mut paths: Vec<&str> = self.observations.iter().map(|o| o.path.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    }

    /// Whether `query` (lower case) is in its measure, entity, unit or the
    /// words its observations name it by.
    pub fn matches(&self, query: &str) -> bool {
        let has = |s: &str| s.to_lowercase().contains(query);
        has(&self.measure)
            || self.entity.as_deref().is_some_and(has)
            || has(&self.unit)
            || self.observations.iter().any(|o| has(&o.thing))
    }
}
