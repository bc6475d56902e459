//! Observability: the metric catalogue, the exporter and HTTP endpoints, and
//! log setup.

pub mod catalogue;
pub(crate) mod http;
pub(crate) mod labels;
pub mod logging;
pub(crate) mod recorder;

pub(crate) use recorder::{Health, Telemetry};
