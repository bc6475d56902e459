//! `wirewatch eval ner FILE`: runs the recognizer on a labelled file's own
//! tokens, sentences and documents (CoNLL, UNER or CrossNER layout, see
//! `conll::Layout`) and scores it with conlleval's rules: exact span and
//! type, per type and micro-averaged, over the types the file annotates
//! (UNER has no MISC) or those `--types` names. `--predictions OUT` writes
//! the file back with the predicted tag (IOB2) as a last column, same lines
//! in the same order, for an external conlleval.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::Context as _;

use crate::extract::entities::gazetteer::Gazetteer;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::model::Model;
use crate::extract::entities::{ModelRef, tag_words, tagger};
use crate::tools::entities::conll;

/// Result of one evaluation.
pub struct Report {
    pub text: String,
}

/// What to score and how (the `eval ner` options).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Write the file back with the predicted tag as a last column.
    pub predictions: Option<std::path::PathBuf>,
    /// Score this model file instead of the embedded model.
    pub model: Option<std::path::PathBuf>,
    /// Score only these types (default: those the file's layout annotates).
    pub types: Vec<String>,
}

/// Evaluates the embedded model, or the model file of `options`, on `file`.
pub fn run(file: &Path, options: &Options) -> anyhow::Result<Report> {
    let predictions = options.predictions.as_deref();
    let model = options.model.as_deref();
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let layout = conll::Layout::detect(&text);
    let docs = conll::read_as(&text, layout);
    let types: Vec<&str> = if options.types.is_empty() {
        layout.scored_types().to_vec()
    } else {
        options.types.iter().map(String::as_str).collect()
    };
    let owned;
    let model: &Model = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            owned = Model::read(&bytes).with_context(|| format!("{}", p.display()))?;
            &owned
        }
        None => Model::embedded().with_context(|| {
            format!(
                "this build carries no entity model: {}",
                Model::embedded_error()
                    .map(|e| e.to_string())
                    .unwrap_or_default()
            )
        })?,
    };
    let mut w = ModelRef(model);
    let lex = Lexicon::embedded();
    let gaz = Gazetteer::embedded();
    let _ = (lex.len(), gaz.candidates("")); // load the tables before timing
    let mut score = conll::Score::default();
    let mut predicted: Vec<(usize, String)> = Vec::new();
    let started = Instant::now();
    for d in &docs {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let tags = tag_words(&mut w, &words, &[], &[], lex, gaz);
        for (s, t) in d.sentences.iter().zip(&tags) {
            let labels: Vec<String> = t.iter().map(|&x| tagger::label(x)).collect();
            score.add(
                &conll::only_types(&s.gold, &types),
                &conll::only_types(&labels, &types),
            );
            if predictions.is_some() {
                predicted.extend(s.lines.iter().copied().zip(labels));
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    if let Some(out) = predictions {
        let mut by_line = predicted.into_iter().peekable();
        let mut buf = String::with_capacity(text.len() + text.len() / 4);
        for (n, line) in text.lines().enumerate() {
            buf.push_str(line);
            if by_line.peek().is_some_and(|(l, _)| *l == n) {
                if let Some((_, tag)) = by_line.next() {
                    buf.push(if line.contains('\t') { '\t' } else { ' ' });
                    buf.push_str(&tag);
                }
            } else if line.starts_with("-DOCSTART-") {
                buf.push_str(" O");
            }
            buf.push('\n');
        }
        std::fs::write(out, buf).with_context(|| format!("cannot write {}", out.display()))?;
    }
    let text = format!(
        "{:?} layout, {} documents; scored types: {}\n{}",
        layout,
        docs.len(),
        types.join(" "),
        format_report(&score, seconds)
    );
    Ok(Report { text })
}

/// One line of the table: a type's (or the micro average's) scores.
fn write_row(s: &mut String, label: &str, c: &conll::Counts) {
    let _ = writeln!(
        s,
        "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7} {:>7}",
        label,
        100.0 * c.precision(),
        100.0 * c.recall(),
        100.0 * c.f1(),
        c.gold,
        c.found
    );
}

/// The scores as a table (conlleval's figures, in percent like conlleval).
pub(crate) fn format_report(score: &conll::Score, seconds: f64) -> String {
    let m = score.micro();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
        score.tokens, m.gold, m.found, m.correct
    );
    let _ = writeln!(
        s,
        "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "type", "precision", "recall", "F1", "gold", "found"
    );
    for (t, c) in &score.by_type {
        write_row(&mut s, t, c);
    }
    write_row(&mut s, "micro", &m);
    let _ = writeln!(
        s,
        "token accuracy {:.2}%; {:.0} tokens/s on one thread",
        100.0 * score.tokens_correct as f64 / score.tokens.max(1) as f64,
        score.tokens as f64 / seconds.max(1e-9)
    );
    s
}
