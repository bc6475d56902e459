//! Stage 0 — finding files: scans are the truth, watcher events are hints.
//! The detector that waits for files to settle and feeds the pipeline is the
//! folder source (`host::sources::folder`).

pub mod events;
pub mod filter;
pub mod scan;

pub use filter::Filter;
pub use scan::{Entry, Scope};
