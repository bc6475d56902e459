//! wirewatch: watch a folder for news articles, extract their facts, write one
//! normalized JSON record per article, and expose Prometheus metrics.
//!
//! The pipeline's stages each have a module: [`watch`] finds settled files,
//! [`pipeline`] queues and runs them, [`article`] takes one from bytes to
//! record: [`document`] turns bytes into clean text, [`extract`] finds facts,
//! [`record`] builds the record; [`sink`] makes results durable, [`telemetry`]
//! reports on all of it. The build-time `tools` (benchmarks and training)
//! sit behind the `tools` feature.

pub mod article;
pub mod commands;
pub mod config;
pub mod document;
pub mod extract;
pub mod host;
pub mod identity;
pub mod pipeline;
pub mod record;
pub mod sink;
pub mod telemetry;
#[cfg(feature = "tools")]
pub mod tools;
pub mod watch;
