//! The keyword model: a logistic regression over the candidate
//! [`features`](super::features), its weights in the committed
//! `data/keywords/model.tsv`, fitted on readers' keyphrases of news stories
//! by `wirewatch train-keywords` (which rebuilds the file exactly and prints
//! its cross-validated scores).

use std::sync::LazyLock;

use super::features::{COUNT, NAMES, Vector};

/// `feature<TAB>weight` lines and a `bias` line.
const TABLE: &str = include_str!("../../../data/keywords/model.tsv");

/// Weights of a logistic model over the candidate features.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    /// The constant term.
    pub bias: f64,
    /// One weight per feature, in the order of [`NAMES`].
    pub weights: Vector,
}

static EMBEDDED: LazyLock<Model> = LazyLock::new(|| Model::parse(TABLE));

impl Model {
    /// The committed model.
    pub(crate) fn embedded() -> &'static Model {
        &EMBEDDED
    }

    /// Reads the table's text; unknown names and malformed lines are
    /// skipped, missing weights are 0 (the committed table is checked by a
    /// test).
    pub(crate) fn parse(text: &str) -> Model {
        let mut m = Model {
            bias: 0.0,
            weights: [0.0; COUNT],
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, w)) = line.split_once('\t') else {
                continue;
            };
            let Ok(w) = w.trim().parse::<f64>() else {
                continue;
            };
            if name == "bias" {
                m.bias = w;
            } else if let Some(i) = NAMES.iter().position(|n| *n == name) {
                m.weights[i] = w;
            }
        }
        m
    }

    /// The table's text, as `train-keywords` writes it.
    #[cfg(feature = "tools")]
    pub(crate) fn to_tsv(&self, header: &str) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "bias\t{:.4}", self.bias);
        for (name, w) in NAMES.iter().zip(self.weights) {
            let _ = writeln!(out, "{name}\t{w:.4}");
        }
        out
    }

    /// The model's probability that a reader picks the candidate.
    pub(crate) fn probability(&self, x: &Vector) -> f64 {
        let logit = x.iter().zip(self.weights).map(|(x, w)| x * w).sum::<f64>() + self.bias;
        1.0 / (1.0 + (-logit).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_table_names_every_feature_once() {
        let names: Vec<&str> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(n, _)| n))
            .filter(|n| *n != "bias")
            .collect();
        assert_eq!(names, NAMES);
        assert!(TABLE.lines().any(|l| l.starts_with("bias\t")));
        assert!(Model::embedded().weights.iter().any(|w| *w != 0.0));
    }
}
