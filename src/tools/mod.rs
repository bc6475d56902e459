//! Build-time tools: the scoring (`eval`) and training (`train-ner`,
//! `train-clusters`, `train-keywords`, `build-gazetteer`, `build-keyword-table`) commands that make and measure the
//! data files the daemon embeds. Compiled only with the `tools` feature (on
//! by default), so `cargo build --no-default-features` builds a daemon
//! without them.

pub mod build_gazetteer;
pub mod build_keyword_table;
pub(crate) mod entities;
pub mod eval;
pub mod train_clusters;
pub mod train_keywords;
pub mod train_ner;
