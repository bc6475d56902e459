//! Stage 0 — finding files: scans are the truth, watcher events are hints,
//! and nothing is handed on before it has settled.

pub mod detector;
pub mod events;
pub mod filter;
pub mod scan;

pub use detector::{Detector, DetectorOptions};
pub use filter::Filter;
pub use scan::{Entry, Scope};
