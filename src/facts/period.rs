//! Periods of observations and when they are compatible: two stated
//! periods must be the same (the first seven months of 2025 are not 2025);
//! a figure stated for no period ("remittances amount to nearly half of
//! GDP") is read as current when published, and joins the latest entry of
//! its quantity whose period it can mean (one ending before publication, at
//! most two years before).

use chrono::NaiveDate;

/// A closed period, first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// How long after a year a figure stated without a period may still mean
/// it; a shorter period is meant for as long again as it lasts, at least a
/// month ("in December": until the end of February).
const CURRENT_DAYS: i64 = 730;

impl Span {
    /// The span of two ISO 8601 dates, if both parse and are in order.
    pub fn parse(start: &str, end: &str) -> Option<Span> {
        let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").ok()?;
        let end = NaiveDate::parse_from_str(end, "%Y-%m-%d").ok()?;
        (start <= end).then_some(Span { start, end })
    }

    /// Whether a figure without a period, published on `published`, can
    /// mean this period.
    pub(crate) fn current_at(&self, published: NaiveDate) -> bool {
        let length = (self.end - self.start).num_days() + 1;
        let window = if length >= 365 {
            CURRENT_DAYS
        } else {
            (2 * length).max(62)
        };
        published >= self.start && (published - self.end).num_days() <= window
    }
}
