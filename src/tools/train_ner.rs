//! `wirewatch train-ner`: trains the entity recognizer on labelled files
//! (CoNLL, UNER or CrossNER layout) and writes the model file (deterministic: the same data, epochs, seed
//! and runs give the same bytes).

use std::path::PathBuf;

use anyhow::Context as _;

use super::entities::{conll, train};
use crate::extract::entities::gazetteer::Gazetteer;
use crate::extract::entities::lexicon::Lexicon;

/// What to train on and where to write (the `train-ner` arguments).
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Training file (CoNLL, UNER or CrossNER layout, see `eval ner`);
    /// repeat the option to train on several files, read in the order given.
    #[arg(long, value_name = "FILE", required = true)]
    pub train: Vec<PathBuf>,
    /// Development file: each epoch is scored on it and the best kept.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Model file to write.
    #[arg(long, value_name = "FILE", default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 22)]
    pub epochs: usize,
    /// Seed of the training order.
    #[arg(long, default_value_t = 2003)]
    pub seed: u64,
    /// Perceptrons to train, each in its own document order, and average.
    #[arg(long, default_value_t = 8)]
    pub runs: usize,
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<conll::Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(conll::read(&text))
}

/// Trains and writes the model; progress goes to stderr.
pub fn run(o: &Options) -> anyhow::Result<()> {
    let mut train_docs = Vec::new();
    for path in &o.train {
        train_docs.extend(read(path)?);
    }
    let dev_docs = o.dev.as_ref().map(read).transpose()?;
    let lex = Lexicon::embedded();
    if lex.is_empty() {
        eprintln!("warning: no word clusters in this build (run train-clusters and rebuild)");
    }
    let started = std::time::Instant::now();
    let trained = train::train(
        &train_docs,
        dev_docs.as_deref(),
        lex,
        Gazetteer::embedded(),
        train::Options {
            epochs: o.epochs,
            seed: o.seed,
            runs: o.runs,
        },
        &mut |line| eprintln!("{line}"),
    );
    let bytes = trained.model.to_bytes();
    if let Some(dir) = o.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&o.out, &bytes).with_context(|| format!("cannot write {}", o.out.display()))?;
    eprintln!(
        "kept epochs {:?} (dev F1 of the average {:.4}); wrote {} ({} bytes) in {:.1}s",
        trained.epochs,
        trained.f1,
        o.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
