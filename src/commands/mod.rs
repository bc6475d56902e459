//! The subcommands, as library functions the binary calls.

pub mod extract;
pub mod ingest;
pub mod process;
pub mod run;
pub mod work;
