//! `wirewatch eval html DIR`: HTML main-text extraction on the
//! article-extraction benchmark (`DIR/html/<id>.html.gz` pages and
//! `DIR/ground-truth.json` with each page's `articleBody`). Every page goes
//! through the same document stage as the daemon, one page at a time on one
//! thread, and its body is scored against the ground truth.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::Deserialize;

use super::{PageScore, Summary, bootstrap, score_page, summarize};
use crate::document;
use crate::record::Format;

/// What to print besides the summary.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How many of the worst pages (by their own F1) to list.
    pub per_page: usize,
    /// Folder to write each page's extracted body to, as `<id>.txt`.
    pub dump: Option<PathBuf>,
}

/// One page's ground truth.
#[derive(Deserialize)]
pub(super) struct Truth {
    /// The article's text.
    #[serde(rename = "articleBody")]
    pub article_body: Option<String>,
    /// The address the page was saved from.
    #[serde(default)]
    pub url: Option<String>,
}

/// One page's result.
#[derive(Debug, Clone)]
pub(crate) struct PageRow {
    /// The page's id (its file name without `.html.gz`).
    pub id: String,
    /// The address the page was saved from.
    pub url: String,
    /// How its body scored.
    pub score: PageScore,
}

/// The outcome of a benchmark run.
#[derive(Debug, Clone)]
pub struct Report {
    /// The benchmark folder.
    pub(crate) dir: PathBuf,
    /// The benchmark's figures.
    pub(crate) summary: Summary,
    /// Bootstrap standard deviation of each figure.
    pub(crate) spread: Summary,
    /// Uncompressed HTML bytes read.
    pub(crate) bytes: usize,
    /// Time spent in the document stage, all pages, one thread.
    pub(crate) elapsed: Duration,
    /// The worst pages, worst first (as many as asked for).
    pub(crate) worst: Vec<PageRow>,
}

impl Report {
    /// Pages per second of document-stage time.
    pub(crate) fn pages_per_sec(&self) -> f64 {
        self.summary.pages as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Megabytes (10⁶ bytes) of HTML per second of document-stage time.
    pub(crate) fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Reads the benchmark in `dir` and scores every page.
pub fn run(dir: &Path, options: &Options) -> anyhow::Result<Report> {
    let truth = read_truth(dir)?;
    if let Some(d) = &options.dump {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let mut rows = Vec::with_capacity(truth.len());
    let mut bytes = 0usize;
    let mut elapsed = Duration::ZERO;
    for (id, t) in &truth {
        let page = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
        bytes += page.len();
        let started = Instant::now();
        let doc = document::read(&page, Some(Format::Html));
        elapsed += started.elapsed();
        let body = doc.map(|d| d.body).unwrap_or_default();
        if let Some(d) = &options.dump {
            let path = d.join(format!("{id}.txt"));
            std::fs::write(&path, &body)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        rows.push(PageRow {
            id: id.clone(),
            url: t.url.clone().unwrap_or_default(),
            score: score_page(t.article_body.as_deref().unwrap_or(""), &body),
        });
    }
    let scores: Vec<PageScore> = rows.iter().map(|r| r.score).collect();
    rows.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
    rows.truncate(options.per_page);
    Ok(Report {
        dir: dir.to_path_buf(),
        summary: summarize(&scores),
        spread: bootstrap(&scores),
        bytes,
        elapsed,
        worst: rows,
    })
}

/// The benchmark's ground truth, by page id (never empty).
pub(super) fn read_truth(dir: &Path) -> anyhow::Result<BTreeMap<String, Truth>> {
    let truth_path = dir.join("ground-truth.json");
    let truth: BTreeMap<String, Truth> = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| {
        format!(
            "{} is not the benchmark's ground truth",
            truth_path.display()
        )
    })?;
    if truth.is_empty() {
        anyhow::bail!("{} lists no pages", truth_path.display());
    }
    Ok(truth)
}

/// A gzip page, uncompressed.
pub(super) fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::io::BufReader::new(file))
        .read_to_end(&mut out)
        .with_context(|| format!("{} is not a gzip file", path.display()))?;
    Ok(out)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        let sd = &self.spread;
        writeln!(
            f,
            "HTML main text, {} pages ({})",
            s.pages,
            self.dir.display()
        )?;
        writeln!(f, "{:<10} {:>7} {:>8}", "metric", "value", "± (sd)")?;
        for (name, v, e) in [
            ("precision", s.precision, sd.precision),
            ("recall", s.recall, sd.recall),
            ("F1", s.f1, sd.f1),
            ("accuracy", s.accuracy, sd.accuracy),
        ] {
            writeln!(f, "{name:<10} {v:>7.4} {e:>8.4}")?;
        }
        writeln!(
            f,
            "speed      {:.0} pages/s, {:.1} MB/s (one thread, {:.1} MB of HTML in {:.2} s)",
            self.pages_per_sec(),
            self.mb_per_sec(),
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64()
        )?;
        if !self.worst.is_empty() {
            writeln!(f, "\nworst pages by their own F1:")?;
            writeln!(f, "{:<12} {:>6} {:>6} {:>6}  url", "id", "P", "R", "F1")?;
            for r in &self.worst {
                let p = r
                    .score
                    .precision()
                    .map_or("-".to_string(), |p| format!("{p:.3}"));
                let rc = r.score.recall().unwrap_or(0.0);
                writeln!(
                    f,
                    "{:<12} {:>6} {:>6.3} {:>6.3}  {}",
                    r.id.get(..12).unwrap_or(&r.id),
                    p,
                    rc,
                    r.score.f1(),
                    r.url
                )?;
            }
        }
        Ok(())
    }
}
