//! The subcommands, as library functions the binary calls. The daemon
//! commands (`run`, `ingest`, `work`, `process`) only pick a source and a
//! sink for the [`crate::host`]; `search`, `entities` and `index` ask and
//! keep the index.

pub mod extract;
pub mod facts;
pub mod index;
pub mod ingest;
pub mod process;
pub mod reprocess;
pub mod run;
pub mod search;
pub mod work;
