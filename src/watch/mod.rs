//! Stage 0 — finding files: scans are the truth, watcher events are hints.
//! The detector that waits for files to settle and feeds the pipeline is the
//! folder source (`host::sources::folder`).

pub(crate) mod events;
pub(crate) mod filter;
pub(crate) mod scan;

pub(crate) use filter::Filter;
pub(crate) use scan::{Entry, Scope};
