//! `wirewatch train-clusters`: learns the word clusters and capitalization
//! table the recognizer uses (`data/ner/clusters.tsv`, `data/ner/caps.tsv`)
//! from unlabeled text. Deterministic for the same inputs and seed.

use std::path::PathBuf;

use anyhow::Context as _;

use super::entities::clusters;

/// Inputs and output folder (the `train-clusters` arguments).
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Folder with reuters21578/ and ag_news_test/.
    #[arg(long, value_name = "DIR")]
    pub unlabeled: PathBuf,
    /// Folders of plain-text articles to add.
    #[arg(long, value_name = "DIR")]
    pub news: Vec<PathBuf>,
    /// CoNLL files whose words (not labels) to add.
    #[arg(long, value_name = "FILE")]
    pub conll: Vec<PathBuf>,
    /// Output folder for clusters.tsv and caps.tsv.
    #[arg(long, value_name = "DIR", default_value = "data/ner")]
    pub out: PathBuf,
    /// Seed of the projection and k-means.
    #[arg(long, default_value_t = 2003)]
    pub seed: u64,
}

/// Reads the text, learns the tables and writes them.
pub fn run(o: &Options) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let mut lines = clusters::reuters_lines(&o.unlabeled.join("reuters21578"))
        .with_context(|| format!("reading {}/reuters21578", o.unlabeled.display()))?;
    let ag = o.unlabeled.join("ag_news_test/test.csv");
    lines
        .extend(clusters::ag_news_lines(&ag).with_context(|| format!("reading {}", ag.display()))?);
    for d in &o.news {
        lines.extend(clusters::text_lines(d).with_context(|| format!("reading {}", d.display()))?);
    }
    for f in &o.conll {
        lines.extend(clusters::conll_lines(f).with_context(|| format!("reading {}", f.display()))?);
    }
    let t = clusters::learn(&lines, o.seed, &mut |l| eprintln!("{l}"));
    std::fs::create_dir_all(&o.out)?;
    std::fs::write(o.out.join("clusters.tsv"), &t.clusters)?;
    std::fs::write(o.out.join("caps.tsv"), &t.caps)?;
    eprintln!(
        "{} words clustered from {} tokens; wrote {}/clusters.tsv and caps.tsv in {:.1}s",
        t.words,
        t.tokens,
        o.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
