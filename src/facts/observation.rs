//! One figure of one article, as the ledger keeps it.

use chrono::NaiveDate;

use super::key::EntryKey;
use super::period::Span;
use crate::record::Qualifier;

/// A figure with its measure, its article and its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub(crate) key: EntryKey,
    /// The entity's name, as the article gives it.
    pub(crate) entity: Option<String>,
    /// The entity was found near the figure, not in its own words.
    pub(crate) context: bool,
    pub(crate) period: Option<Span>,
    /// The period as written.
    pub(crate) period_text: Option<String>,
    /// The words naming what is measured, as written.
    pub(crate) thing: String,
    pub(crate) value: f64,
    /// Lowest value the figure allows (a range's low end, a hedge's bound).
    pub(crate) min: Option<f64>,
    /// Highest value the figure allows.
    pub(crate) max: Option<f64>,
    pub(crate) qualifier: Option<Qualifier>,
    /// The sentence holding the figure.
    pub(crate) text: String,
    /// The article's title, or its path when it has none.
    pub(crate) article: String,
    /// The source file's path, as the record gives it.
    pub(crate) path: String,
    pub(crate) publisher: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) cited: Option<String>,
    /// The figure's offset in its article (for a stable order).
    pub(crate) offset: usize,
}

impl Observation {
    /// An observation of `value` under `key`, stated for `period`, from the
    /// article at `path` (the figure at `offset`), with nothing else known:
    /// for building a ledger from stored figures.
    pub fn new(
        key: EntryKey,
        value: f64,
        period: Option<Span>,
        published: Option<NaiveDate>,
        path: &str,
        offset: usize,
    ) -> Observation {
        Observation {
            key,
            entity: None,
            context: false,
            period,
            period_text: None,
            thing: String::new(),
            value,
            min: None,
            max: None,
            qualifier: None,
            text: String::new(),
            article: path.to_string(),
            path: path.to_string(),
            publisher: None,
            published,
            cited: None,
            offset,
        }
    }

    /// The interval the figure asserts, before any tolerance: a range or a
    /// hedge's bounds, open on the side a "more than" or "up to" leaves
    /// open, else the value itself.
    pub(crate) fn interval(&self) -> (f64, f64) {
        use Qualifier::*;
        let v = self.value;
        match self.qualifier {
            _ if self.min.is_some() && self.max.is_some() => {
                (self.min.unwrap_or(v), self.max.unwrap_or(v))
            }
            Some(Over | MoreThan | AtLeast) => (self.min.unwrap_or(v), f64::INFINITY),
            Some(Under | LessThan | AtMost | UpTo) => (f64::NEG_INFINITY, self.max.unwrap_or(v)),
            _ => (self.min.unwrap_or(v), self.max.unwrap_or(v)),
        }
    }

    /// The grouping key.
    pub fn key(&self) -> &EntryKey {
        &self.key
    }
}
