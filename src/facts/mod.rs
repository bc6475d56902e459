//! The fact ledger: the same figure across articles, side by side. Each
//! money amount, percentage and quantity whose record carries a `measure`
//! is an [`Observation`]; observations that measure the same thing
//! ([`EntryKey`]: key, kind, whole of a share, unit and entity) for a
//! compatible period form one [`Entry`], which says whether they agree
//! within the tolerance their kind sets and their hedges widen, and which
//! are outliers. See `docs/ledger.md`.
//!
//! The grouping is pure and deterministic, and incremental: adding an
//! observation is one hash lookup of its key and a period check against the
//! few entries of that key ([`Ledger::add`]), so an index can keep a ledger
//! up to date as articles arrive and rebuild it from its observations.

mod agree;
mod entry;
mod key;
mod ledger;
mod observation;
mod period;
mod read;

pub use entry::{Entry, EntryObservation, EntryPeriod, Report};
pub use key::EntryKey;
pub use ledger::Ledger;
pub(crate) use ledger::order;
pub use observation::Observation;
pub use period::Span;
pub(crate) use read::observations_of_record;
pub use read::{ReadError, Unreadable, observations_of_json, read_folder};

#[cfg(test)]
mod tests;
