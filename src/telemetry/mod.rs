//! Observability: the metric catalogue, the exporter and HTTP endpoints, and
//! log setup.

pub mod catalogue;
pub mod http;
pub mod labels;
pub mod logging;
pub mod recorder;

pub use recorder::{Health, Telemetry};
