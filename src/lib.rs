//! wirewatch: watch a folder for news articles, extract their facts, write one
//! normalized JSON record per article, and expose Prometheus metrics.
//!
//! The pipeline's stages each have a module: [`host`] runs a pipeline from a
//! source (the watched folder, paths given once, a NATS work queue) to a sink
//! (records here, or NATS), [`watch`] sees what the folder holds,
//! [`pipeline`] queues and runs the jobs, [`document`] turns bytes into clean
//! text, [`extract`] finds facts, [`sink`] makes results durable,
//! [`telemetry`] reports on all of it; [`commands`] are the subcommands.

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
pub mod watch;
