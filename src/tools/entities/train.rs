//! Averaged-perceptron training of the recognizer on CoNLL-style data.
//! Deterministic: each run visits the documents in an order drawn from a
//! fixed seed, everything runs on one thread, and no hash-map order reaches
//! the weights, so the same data always gives the same model file.

use super::conll::{self, Score};
use crate::extract::entities::features::{self, DocStats, ROWS, Token};
use crate::extract::entities::gazetteer::Gazetteer;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::model::{Dense, Model, Weights};
use crate::extract::entities::tagger::{self, History, NT};

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Passes over the training data; the best pass on dev is kept.
    pub epochs: usize,
    /// Seed of the document order (of the first run).
    pub seed: u64,
    /// Perceptrons trained (each in its own document order) and averaged.
    pub runs: usize,
}

/// Perceptron weights with the running sums averaging needs: the averaged
/// weight is `w - u / c` (Daumé's trick), so no per-weight timestamps.
struct Trainer {
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Weights for Trainer {
    #[inline]
    fn add(&self, rows: &[u32], scores: &mut [f32; NT]) {
        for &r in rows {
            let base = r as usize * NT;
            for (s, w) in scores.iter_mut().zip(&self.w[base..base + NT]) {
                *s += w;
            }
        }
    }

    fn update(&mut self, rows: &[u32], good: usize, bad: usize) {
        for &r in rows {
            let base = r as usize * NT;
            self.w[base + good] += 1.0;
            self.w[base + bad] -= 1.0;
            self.u[base + good] += self.c;
            self.u[base + bad] -= self.c;
        }
    }
}

impl Trainer {
    fn averaged(&self) -> Vec<f32> {
        let c = self.c.max(1.0);
        self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect()
    }
}

/// A document ready for the tagger.
pub(crate) struct Prepared {
    pub sentences: Vec<Vec<Token>>,
    pub stats: DocStats,
    pub gold: Vec<Vec<u8>>,
}

/// Prepares CoNLL documents.
pub(crate) fn prepare(docs: &[conll::Doc], lex: &Lexicon, gaz: &Gazetteer) -> Vec<Prepared> {
    docs.iter()
        .map(|d| {
            let sentences: Vec<Vec<Token>> = d
                .sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    features::prepare(&words, lex, gaz)
                })
                .collect();
            let stats = DocStats::new(&sentences, &[]);
            let gold = d
                .sentences
                .iter()
                .map(|s| conll::tag_ids(&s.gold))
                .collect();
            Prepared {
                sentences,
                stats,
                gold,
            }
        })
        .collect()
}

/// Tags a prepared document.
pub(crate) fn tag<W: Weights>(w: &mut W, doc: &Prepared) -> Vec<Vec<u8>> {
    let mut history = History::default();
    let mut buf = Vec::with_capacity(64);
    doc.sentences
        .iter()
        .map(|s| tagger::tag_sentence(w, s, &doc.stats, &mut history, None, &mut buf))
        .collect()
}

/// Scores a weight table on prepared documents against their CoNLL gold.
pub(crate) fn evaluate<W: Weights>(w: &mut W, prepared: &[Prepared], docs: &[conll::Doc]) -> Score {
    let mut score = Score::default();
    for (p, d) in prepared.iter().zip(docs) {
        for (tags, s) in tag(w, p).iter().zip(&d.sentences) {
            let labels: Vec<String> = tags.iter().map(|&t| tagger::label(t)).collect();
            score.add(&s.gold, &labels);
        }
    }
    score
}

/// A trained model and how it was chosen.
pub(crate) struct Trained {
    pub model: Model,
    /// The epoch kept in each run (best on dev, else the last).
    pub epochs: Vec<usize>,
    /// Dev F1 of the averaged model (0 without dev).
    pub f1: f64,
}

/// Trains `opts.runs` perceptrons on `train`, each visiting the documents
/// in its own seeded order and keeping its epoch scoring best on `dev` (the
/// last one without dev), and returns their average, quantized. A single
/// perceptron's weights depend on the order it saw the data in; averaging
/// runs over several orders removes most of that noise at no cost when
/// tagging. `log` receives one line per epoch and per run.
pub(crate) fn train(
    train: &[conll::Doc],
    dev: Option<&[conll::Doc]>,
    lex: &Lexicon,
    gaz: &Gazetteer,
    opts: Options,
    log: &mut dyn FnMut(String),
) -> Trained {
    let data = prepare(train, lex, gaz);
    let dev_data = dev.map(|d| prepare(d, lex, gaz));
    let runs = opts.runs.max(1);
    let mut sum = vec![0f32; ROWS * NT];
    let mut epochs = Vec::with_capacity(runs);
    for r in 0..runs {
        let seed = opts.seed.wrapping_add(RUN_SEED_STEP.wrapping_mul(r as u64));
        let (w, epoch, f1) = train_run(&data, dev_data.as_deref(), dev, seed, opts.epochs, log);
        log(format!(
            "run {}: kept epoch {epoch} (dev F1 {f1:.4})",
            r + 1
        ));
        for (a, b) in sum.iter_mut().zip(&w) {
            *a += b;
        }
        epochs.push(epoch);
    }
    let n = runs as f32;
    let mut dense = Dense(sum.into_iter().map(|x| x / n).collect());
    let f1 = match (&dev_data, dev) {
        (Some(p), Some(d)) => {
            let m = evaluate(&mut dense, p, d).micro();
            log(format!(
                "average of {runs} runs: dev P {:.4} R {:.4} F1 {:.4}",
                m.precision(),
                m.recall(),
                m.f1()
            ));
            m.f1()
        }
        _ => 0.0,
    };
    Trained {
        model: Model::quantize(&dense.0),
        epochs,
        f1,
    }
}

/// Distance between the seeds of successive runs.
const RUN_SEED_STEP: u64 = 7919;

/// One perceptron: `epochs` passes in the order drawn from `seed`; returns
/// the averaged weights of the epoch best on dev (the last without dev),
/// the epoch and its dev F1.
fn train_run(
    data: &[Prepared],
    dev_data: Option<&[Prepared]>,
    dev: Option<&[conll::Doc]>,
    seed: u64,
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> (Vec<f32>, usize, f64) {
    let mut t = Trainer {
        w: vec![0.0; ROWS * NT],
        u: vec![0.0; ROWS * NT],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed | 1;
    let mut best: Option<(Vec<f32>, usize, f64)> = None;
    let mut buf = Vec::with_capacity(64);
    for epoch in 1..=epochs {
        // Fisher–Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &k in &order {
            let d = &data[k];
            let mut history = History::default();
            for (s, g) in d.sentences.iter().zip(&d.gold) {
                let tags =
                    tagger::tag_sentence(&mut t, s, &d.stats, &mut history, Some(g), &mut buf);
                errors += tags.iter().zip(g).filter(|(a, b)| a != b).count();
                tokens += g.len();
                t.c += 1.0;
            }
        }
        let avg = t.averaged();
        let line = match (dev_data, dev) {
            (Some(p), Some(d)) => {
                let mut dense = Dense(avg);
                let s = evaluate(&mut dense, p, d);
                let m = s.micro();
                let f1 = m.f1();
                let avg = dense.0;
                let line = format!(
                    "epoch {epoch}: train token errors {:.4}, dev P {:.4} R {:.4} F1 {:.4}",
                    errors as f64 / tokens.max(1) as f64,
                    m.precision(),
                    m.recall(),
                    f1
                );
                if best.as_ref().is_none_or(|b| f1 > b.2) {
                    best = Some((avg, epoch, f1));
                }
                line
            }
            _ => {
                best = Some((avg, epoch, 0.0));
                format!(
                    "epoch {epoch}: train token errors {:.4}",
                    errors as f64 / tokens.max(1) as f64
                )
            }
        };
        log(line);
    }
    best.unwrap_or_else(|| (t.averaged(), 0, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_is_deterministic_and_averages_runs() {
        let text = "-DOCSTART- O\n\nNova B-ORG\nTerra I-ORG\nhired O\nAda B-PER\nOkafor I-PER\nin O\nLisbon B-LOC\n. O\n\n\
                    -DOCSTART- O\n\nAda B-PER\nleft O\nLisbon B-LOC\n. O\n";
        let docs = conll::read(text);
        let lex = Lexicon::parse("", "");
        let gaz = Gazetteer::parse("", "");
        let opts = Options {
            epochs: 2,
            seed: 5,
            runs: 2,
        };
        let mut lines = Vec::new();
        let a = train(&docs, Some(&docs), &lex, &gaz, opts, &mut |l| lines.push(l));
        let b = train(&docs, Some(&docs), &lex, &gaz, opts, &mut |_| {});
        assert_eq!(a.model.to_bytes(), b.model.to_bytes());
        assert_eq!(a.epochs.len(), 2);
        assert!(lines.iter().any(|l| l.starts_with("average of 2 runs")));
        assert!(a.f1 > 0.99, "{lines:?}");
    }
}
