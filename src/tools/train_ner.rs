//! `wirewatch train-ner`: trains the entity recognizer on a CoNLL-style file
//! and writes the model file (deterministic: the same data, epochs, seed
//! and runs give the same bytes).

use std::path::PathBuf;

use anyhow::Context as _;

use super::entities::{conll, train};
use crate::extract::entities::gazetteer::Gazetteer;
use crate::extract::entities::lexicon::Lexicon;

/// What to train on and where to write.
#[derive(Debug, Clone)]
pub struct Options {
    pub train: PathBuf,
    pub dev: Option<PathBuf>,
    pub out: PathBuf,
    pub epochs: usize,
    pub seed: u64,
    pub runs: usize,
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<conll::Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(conll::read(&text))
}

/// Trains and writes the model; progress goes to stderr.
pub fn run(o: &Options) -> anyhow::Result<()> {
    let train_docs = read(&o.train)?;
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
