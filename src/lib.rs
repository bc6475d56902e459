//! wirewatch: watch a folder for news articles, extract their facts, write one
//! normalized JSON record per article, and expose Prometheus metrics.
//!
//! The pipeline's stages each have a module: [`host`] runs a pipeline from a
//! source (the watched folder, paths given once, a NATS work queue) to a sink
//! (records here, or NATS), [`watch`] sees what the folder holds,
//! [`pipeline`] queues and runs the jobs, [`article`] takes one from bytes to
//! record: [`document`] turns bytes into clean text, [`extract`] finds facts,
//! [`record`] builds the record; [`sink`] makes results durable,
//! [`telemetry`] reports on all of it; [`commands`] are the subcommands. The
//! build-time `tools` (benchmarks and training) sit behind the `tools`
//! feature.

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
