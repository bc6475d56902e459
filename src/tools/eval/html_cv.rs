//! `wirewatch eval html DIR --cv hosts`: how well the HTML extractor does on
//! sites it was not tuned on. Each page is extracted once with every
//! setting of [`HtmlTuning::grid`]; then, site by site, the setting that
//! scores best on all the *other* sites is chosen and scored on the site
//! left out (leave-one-site-out). The pages of one site share a template,
//! so a site is never split between choosing and scoring. The spread is a
//! bootstrap over sites, not pages, for the same reason.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::html::{read_page, read_truth};
use super::{PageScore, Summary, score_page, summarize};
use crate::document::{self, HtmlTuning};

/// The outcome of the cross-validation.
#[derive(Debug, Clone)]
pub struct CvReport {
    dir: PathBuf,
    /// Sites (folds) and pages.
    sites: usize,
    /// The shipped setting on every page (the usual figure).
    shipped: Summary,
    /// Each page scored with the setting chosen without its site.
    held_out: Summary,
    /// Mean over sites of each site's held-out F1.
    site_macro_f1: f64,
    /// Bootstrap standard deviation (resampling sites) of the held-out F1.
    held_out_sd: f64,
    /// Settings tried.
    grid: usize,
    /// Folds whose chosen setting is the shipped one.
    shipped_chosen: usize,
    /// The setting chosen most often, and how often.
    most_chosen: (HtmlTuning, usize),
}

/// Scores every page with every setting of the grid, then cross-validates
/// the choice of setting by site.
pub fn run(dir: &Path) -> anyhow::Result<CvReport> {
    let truth = read_truth(dir)?;
    let grid = HtmlTuning::grid();
    // scores[g][page]
    let mut scores: Vec<Vec<PageScore>> = vec![Vec::with_capacity(truth.len()); grid.len()];
    let mut site_pages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, (id, t)) in truth.iter().enumerate() {
        let page = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
        let gold = t.article_body.as_deref().unwrap_or("");
        let bodies: Vec<String> = match document::read_html_tuned(&page, &grid) {
            Ok(docs) => docs.into_iter().map(|d| d.body).collect(),
            Err(_) => vec![String::new(); grid.len()],
        };
        for (g, body) in bodies.iter().enumerate() {
            scores[g].push(score_page(gold, body));
        }
        let url = t.url.as_deref().unwrap_or("");
        site_pages
            .entry(site(url).unwrap_or_else(|| id.clone()))
            .or_default()
            .push(k);
    }
    let pages = truth.len();
    let mut held_out: Vec<Option<PageScore>> = vec![None; pages];
    let mut chosen_count: BTreeMap<usize, usize> = BTreeMap::new();
    let mut site_f1 = Vec::with_capacity(site_pages.len());
    let mut site_scores: Vec<Vec<PageScore>> = Vec::with_capacity(site_pages.len());
    for members in site_pages.values() {
        let best = best_setting(&scores, members);
        *chosen_count.entry(best).or_default() += 1;
        let mine: Vec<PageScore> = members.iter().map(|&k| scores[best][k]).collect();
        for (&k, s) in members.iter().zip(&mine) {
            held_out[k] = Some(*s);
        }
        site_f1.push(summarize(&mine).f1);
        site_scores.push(mine);
    }
    let held: Vec<PageScore> = held_out.into_iter().flatten().collect();
    let (most, most_n) = chosen_count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or((0, 0), |(&g, &n)| (g, n));
    Ok(CvReport {
        dir: dir.to_path_buf(),
        sites: site_pages.len(),
        shipped: summarize(&scores[0]),
        held_out: summarize(&held),
        site_macro_f1: site_f1.iter().sum::<f64>() / site_f1.len().max(1) as f64,
        held_out_sd: site_bootstrap_sd(&site_scores),
        grid: grid.len(),
        shipped_chosen: chosen_count.get(&0).copied().unwrap_or(0),
        most_chosen: (grid[most], most_n),
    })
}

/// The grid index with the best F1 over every page not in `left_out`
/// (the earliest on a tie, so the shipped setting wins ties).
fn best_setting(scores: &[Vec<PageScore>], left_out: &[usize]) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (g, row) in scores.iter().enumerate() {
        let f1 = summarize(
            row.iter()
                .enumerate()
                .filter(|(k, _)| !left_out.contains(k))
                .map(|(_, s)| s),
        )
        .f1;
        if f1 > best.1 + 1e-12 {
            best = (g, f1);
        }
    }
    best.0
}

/// Standard deviation of the pooled F1 over resamples of whole sites
/// (fixed seed, so runs are comparable).
fn site_bootstrap_sd(sites: &[Vec<PageScore>]) -> f64 {
    const RESAMPLES: usize = 1_000;
    if sites.is_empty() {
        return 0.0;
    }
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut runs = Vec::with_capacity(RESAMPLES);
    let mut sample: Vec<PageScore> = Vec::new();
    for _ in 0..RESAMPLES {
        sample.clear();
        for _ in 0..sites.len() {
            let i = (next() % sites.len() as u64) as usize;
            sample.extend_from_slice(&sites[i]);
        }
        runs.push(summarize(&sample).f1);
    }
    let mean = runs.iter().sum::<f64>() / runs.len() as f64;
    (runs.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / runs.len() as f64).sqrt()
}

/// The site a page address belongs to: its host without `www.`, cut to the
/// registrable part (`edition.cnn.com` → `cnn.com`, `news.bbc.co.uk` →
/// `bbc.co.uk`), so that one publisher's sections are one fold.
fn site(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    // A second-level label of a country code (co.uk, com.au, ne.jp) belongs
    // to the suffix.
    let keep = match labels.as_slice() {
        [.., second, last] if last.len() == 2 && second.len() <= 3 && labels.len() >= 3 => 3,
        _ => 2,
    };
    Some(labels[labels.len().saturating_sub(keep)..].join("."))
}

impl fmt::Display for CvReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "HTML main text, leave-one-site-out over {} sites, {} pages ({})",
            self.sites,
            self.shipped.pages,
            self.dir.display()
        )?;
        writeln!(f, "{:<34} {:>7} {:>7} {:>7}", "", "P", "R", "F1")?;
        for (name, s) in [
            ("shipped setting, every page", &self.shipped),
            ("setting chosen without the site", &self.held_out),
        ] {
            writeln!(
                f,
                "{name:<34} {:>7.4} {:>7.4} {:>7.4}",
                s.precision, s.recall, s.f1
            )?;
        }
        writeln!(
            f,
            "held-out F1 ± {:.4} (sd over resampled sites); mean of the sites' own F1 {:.4}",
            self.held_out_sd, self.site_macro_f1
        )?;
        writeln!(
            f,
            "settings tried {}; the shipped one chosen in {} of {} folds; most chosen ({} folds): {}",
            self.grid, self.shipped_chosen, self.sites, self.most_chosen.1, self.most_chosen.0
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_its_registrable_host() {
        assert_eq!(
            site("https://www.example.com/a/b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site("http://edition.cnn.com:80/x").as_deref(),
            Some("cnn.com")
        );
        assert_eq!(
            site("https://news.bbc.co.uk/1/hi").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            site("https://abc.net.au/news").as_deref(),
            Some("abc.net.au")
        );
        assert_eq!(site("localhost").as_deref(), Some("localhost"));
        assert_eq!(site(""), None);
    }

    fn page(tp: f64, fp: f64, fn_: f64) -> PageScore {
        PageScore {
            tp,
            fp,
            fn_,
            exact: false,
        }
    }

    #[test]
    fn the_setting_is_chosen_without_the_left_out_pages() {
        // Setting 1 is far better on page 0 only; left out, setting 0 wins.
        let scores = vec![
            vec![page(5.0, 5.0, 5.0), page(9.0, 1.0, 1.0)],
            vec![page(10.0, 0.0, 0.0), page(5.0, 5.0, 5.0)],
        ];
        assert_eq!(best_setting(&scores, &[0]), 0);
        assert_eq!(best_setting(&scores, &[1]), 1);
        // A tie keeps the earlier (shipped) setting.
        let tie = vec![vec![page(1.0, 1.0, 1.0)], vec![page(1.0, 1.0, 1.0)]];
        assert_eq!(best_setting(&tie, &[]), 0);
    }
}
