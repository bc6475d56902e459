//! wirewatch: watch a folder for news articles, extract their facts, write one
//! normalized JSON record per article, and expose Prometheus metrics.
//!
//! The pipeline's stages each have a module: [`host`] runs a pipeline from a
//! source (the watched folder, paths given once, a NATS work queue) to a sink
//! (records here, or NATS), [`watch`] sees what the folder holds,
//! [`pipeline`] queues and runs the jobs, [`article`] takes one from bytes to
//! record: [`document`] turns bytes into clean text, [`extract`] finds facts,
//! [`record`] builds the record; [`stories`] groups records into stories
//! and finds copies; [`sink`] makes results durable, [`index`]
//! keeps every record in a database people query,
//! [`telemetry`] reports on all of it; [`commands`] are the subcommands. The
//! build-time `tools` (benchmarks and training) sit behind the `tools`
//! feature.
// Some items serve only the build-time tools (model quantization, tag
// names, whole-text scanners the evaluations call); a daemon-only build
// (`--no-default-features`) leaves them unused.
#![cfg_attr(not(feature = "tools"), allow(dead_code))]
// The docs are built with private items (`cargo doc --document-private-items`):
// module docs link to the crate-private parts they describe.
#![allow(rustdoc::private_intra_doc_links)]

pub mod article;
pub mod commands;
pub mod config;
pub mod document;
pub mod extract;
pub mod facts;
pub mod host;
pub mod identity;
pub(crate) mod index;
/// The parts of the index that `cargo bench --bench stories` drives
/// directly (placing articles in stories through an index); the index
/// itself stays private to the crate.
#[doc(hidden)]
pub mod index_bench {
    pub use crate::index::Target;
    pub use crate::index::grouping::Grouping;
    pub use crate::index::rows::RowSet;
    pub use crate::index::store::Store;
}
#[doc(hidden)]
pub use index::ledger::BenchIndex;
pub mod pipeline;
pub mod record;
pub mod sink;
pub mod stories;
pub mod telemetry;
#[cfg(feature = "tools")]
pub mod tools;
pub mod watch;
