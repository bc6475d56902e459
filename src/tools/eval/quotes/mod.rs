//! `wirewatch eval quotes DIR`: the quote extractor on PolNeAR's layout
//! (`DIR/text/*.txt`, `DIR/attributions/*.ann`), scored with the Gender
//! Gap Tracker's metric (see `score`): precision, recall and F1 at overlap
//! 0.3 and 0.8, speaker and cue accuracy, for direct quotes (gold Content
//! inside quotation marks against predicted `direct` quotes) and for all
//! attributions. Each text is read as the daemon reads a plain-text file's
//! body: its first line, the headline, is not part of it; paragraphs are
//! split at blank lines, sentences and entities found as in `extract`.

mod brat;
mod score;

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::time::Instant;

use anyhow::Context as _;

use brat::Article;
use score::{Counts, Predicted, THRESHOLDS};

use crate::document::offsets::CharOffsets;
use crate::document::sentences;
use crate::extract::entities;
use crate::extract::quotes::{self, QuoteKind};

/// What to print besides the figures.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// List this many articles with the lowest F1 (all attributions, 0.3),
    /// with their missed and spurious quotes.
    pub failures: usize,
}

/// One article's predictions, as `--predictions` writes them (one JSON
/// line per article, code points of the text).
#[derive(serde::Serialize)]
struct Dump<'a> {
    name: &'a str,
    quotes: &'a [Predicted],
}

/// One article's scores and predictions.
struct Scored {
    direct: Counts,
    all: Counts,
    predicted: Vec<Predicted>,
}

/// Scores the split folder `dir`.
pub fn run(dir: &Path, options: &Options, predictions: Option<&Path>) -> anyhow::Result<String> {
    let articles = brat::read_split(dir)?;
    let started = Instant::now();
    let scored: Vec<Scored> = articles.iter().map(score_article).collect();
    let seconds = started.elapsed().as_secs_f64();
    let (mut direct, mut all) = (Counts::default(), Counts::default());
    for s in &scored {
        direct.add(&s.direct);
        all.add(&s.all);
    }
    if let Some(path) = predictions {
        let mut lines = String::new();
        for (a, s) in articles.iter().zip(&scored) {
            let dump = Dump {
                name: &a.name,
                quotes: &s.predicted,
            };
            lines.push_str(&serde_json::to_string(&dump)?);
            lines.push('\n');
        }
        std::fs::write(path, lines).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles, {} attributions ({} direct); {:.1} articles/s on one thread",
        articles.len(),
        all.gold,
        direct.gold,
        articles.len() as f64 / seconds.max(1e-9)
    );
    let _ = writeln!(
        out,
        "{:<8} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7}",
        "quotes",
        "gold",
        "found",
        "P@0.3",
        "R@0.3",
        "F1@0.3",
        "P@0.8",
        "R@0.8",
        "F1@0.8",
        "speaker",
        "cue"
    );
    write_row(&mut out, "direct", &direct);
    write_row(&mut out, "all", &all);
    if options.failures > 0 {
        let mut order: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].gold.len() + scored[i].all.found > 0)
            .collect();
        order.sort_by(|&a, &b| {
            scored[a]
                .all
                .f1(0)
                .total_cmp(&scored[b].all.f1(0))
                .then(articles[a].name.cmp(&articles[b].name))
        });
        for &i in order.iter().take(options.failures) {
            write_failures(&mut out, &articles[i], &scored[i]);
        }
    }
    Ok(out)
}

fn write_row(out: &mut String, label: &str, c: &Counts) {
    let _ = write!(out, "{label:<8} {:>6} {:>6}", c.gold, c.found);
    for k in 0..THRESHOLDS.len() {
        let _ = write!(
            out,
            " {:>7.3} {:>7.3} {:>7.3}",
            c.precision(k),
            c.recall(k),
            c.f1(k)
        );
    }
    let _ = writeln!(
        out,
        " {:>8.3} {:>7.3}",
        score::ratio(c.speaker_right, c.with_source),
        score::ratio(c.cue_right, c.with_cue)
    );
}

/// An article's figures, its missed gold quotes and its unmatched predictions.
fn write_failures(out: &mut String, a: &Article, s: &Scored) {
    let _ = writeln!(
        out,
        "\n{}: gold {} found {} matched {} (F1 {:.2}); direct gold {} found {} matched {}",
        a.name,
        s.all.gold,
        s.all.found,
        s.all.matched[0],
        s.all.f1(0),
        s.direct.gold,
        s.direct.found,
        s.direct.matched[0]
    );
    let gold: Vec<&brat::Gold> = a.gold.iter().collect();
    let predicted: Vec<&Predicted> = s.predicted.iter().collect();
    let (_, pairs) = score::score(&gold, &predicted);
    let chars: Vec<char> = a.text.chars().collect();
    let show = |r: &Range<usize>| -> String {
        let end = r.end.min(chars.len());
        let t: String = chars[r.start.min(end)..end].iter().collect();
        let t = t.replace('\n', " ");
        if t.chars().count() > 90 {
            format!("{}…", t.chars().take(90).collect::<String>())
        } else {
            t
        }
    };
    for (gi, g) in a.gold.iter().enumerate() {
        if !pairs.iter().any(|p| p.0 == gi) {
            let span = g.content.fragments.first().cloned().unwrap_or(0..0);
            let _ = writeln!(
                out,
                "  missed{} «{}» — {} / {}",
                if g.direct { " direct" } else { "" },
                show(&(span.start..g.content.fragments.last().map_or(span.end, |r| r.end))),
                g.source.as_ref().map_or("-", |x| x.text.as_str()),
                g.cue.as_ref().map_or("-", |x| x.text.as_str())
            );
        }
    }
    for (pi, p) in s.predicted.iter().enumerate() {
        let (start, end) = (
            p.pieces.first().map_or(0, |r| r.start),
            p.pieces.last().map_or(0, |r| r.end),
        );
        match pairs.iter().find(|x| x.1 == pi) {
            None => {
                let _ = writeln!(
                    out,
                    "  spurious{} «{}» — {} / {}",
                    if p.direct { " direct" } else { "" },
                    show(&(start..end)),
                    p.speaker.as_ref().map_or("-", |x| x.1.as_str()),
                    p.cue.as_deref().unwrap_or("-")
                );
            }
            Some(&(gi, _)) => {
                let g = &a.gold[gi];
                let src = g.source.as_ref().map(|x| x.text.as_str());
                let ok = p.speaker.as_ref().is_some_and(|(r, n)| {
                    g.source.as_ref().is_some_and(|s| {
                        s.fragments
                            .iter()
                            .any(|f| f.start < r.end && r.start < f.end)
                            || n.eq_ignore_ascii_case(&s.text)
                    })
                });
                if src.is_some() && !ok {
                    let _ = writeln!(
                        out,
                        "  speaker «{}»: said {} , gold {}",
                        show(&(start..end)),
                        p.speaker.as_ref().map_or("-", |x| x.1.as_str()),
                        src.unwrap_or("-")
                    );
                }
            }
        }
    }
}

/// Runs the extractor on one article and scores it.
fn score_article(a: &Article) -> Scored {
    let predicted = predict(&a.text);
    let direct_gold: Vec<&brat::Gold> = a.gold.iter().filter(|g| g.direct).collect();
    let direct_pred: Vec<&Predicted> = predicted.iter().filter(|p| p.direct).collect();
    let (direct, _) = score::score(&direct_gold, &direct_pred);
    let (all, _) = score::score(
        &a.gold.iter().collect::<Vec<_>>(),
        &predicted.iter().collect::<Vec<_>>(),
    );
    Scored {
        direct,
        all,
        predicted,
    }
}

/// The quotes of one text, in code points of the text.
fn predict(text: &str) -> Vec<Predicted> {
    // The headline: a first paragraph of one line.
    let skip = match text.find("\n\n") {
        Some(i) if !text[..i].trim().contains('\n') => i + 2,
        _ => 0,
    };
    let body = &text[skip..];
    let paragraphs = paragraphs(body);
    let sentences: Vec<Range<usize>> = sentences::split(body);
    let found = entities::find(body, &sentences);
    let quotes = quotes::find(body, &paragraphs, &sentences, &found);
    let at = CharOffsets::new(text);
    let span = |r: &Range<usize>| {
        let [s, e] = at.span(&(r.start + skip..r.end + skip));
        s..e
    };
    quotes
        .iter()
        .map(|q| Predicted {
            pieces: q.pieces.iter().map(&span).collect(),
            direct: q.kind == QuoteKind::Direct,
            speaker: q.speaker.as_ref().map(|s| {
                let name = match s.entity.and_then(|e| found.get(e)) {
                    Some(e) => e.name.clone(),
                    None => body.get(s.range.clone()).unwrap_or_default().to_string(),
                };
                (span(&s.range), name)
            }),
            cue: q
                .cue
                .as_ref()
                .map(|c| body.get(c.range.clone()).unwrap_or_default().to_string()),
        })
        .collect()
}

/// The paragraphs of a text: runs of lines between blank lines, trimmed.
fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            start.get_or_insert(offset + lead);
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}
