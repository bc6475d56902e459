//! The subcommands, as library functions the binary calls. The daemon
//! commands (`run`, `ingest`, `work`, `process`) only pick a source and a
//! sink for the [`crate::host`].

pub mod build_gazetteer;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod process;
pub mod run;
pub mod train_clusters;
pub mod train_ner;
pub mod work;
