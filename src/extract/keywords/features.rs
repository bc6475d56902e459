//! What the keyword model reads of a candidate: how often and where it
//! occurs (the headline, the lead, how far it spreads), how rare its words
//! are in news ([`Background`](super::background::Background)), what kind of phrase it is (its length,
//! whether it stands as a whole run of content words, its ending, digits)
//! and whether it is a name, or a word of one. Each feature has a name, the
//! key of its weight in `data/keywords/model.tsv`.

use super::candidates::{Candidate, Lexicon};
use crate::extract::entities::EntityType;

/// The features' names, in the order [`Features::of`] gives them.
pub(crate) const NAMES: [&str; COUNT] = [
    "occurrences",
    "title",
    "lead",
    "rarity",
    "rarity_min",
    "two_words",
    "three_words",
    "name",
    "lowercase",
    "first",
    "occurrences_x_rarity",
    "spread",
    "whole",
    "person",
    "place",
    "in_name",
    "parts",
    "ends_ly",
    "ends_ing",
    "ends_ed",
    "digits",
    "once",
    "in_lead",
    "rarity_sq",
    "rarity_max",
    "density",
    "title_x_occurrences",
    "phrase_x_occurrences",
];

/// Number of features.
pub(crate) const COUNT: usize = 28;

/// One candidate's feature values.
pub(crate) type Vector = [f64; COUNT];

/// What the features of every candidate of one article share.
pub(super) struct Features {
    /// Sentences of the body.
    sentences: f64,
    /// Rarity (idf) of each stem id.
    idf: Vec<f64>,
    /// ln(1 + body occurrences) of each stem id as a single word.
    word_ltf: Vec<f64>,
    /// Whether each stem id is a word of a name of several words.
    in_name: Vec<bool>,
}

impl Features {
    /// The article-wide part, from its candidates and lexicon.
    pub(super) fn new(list: &[Candidate<'_>], lexicon: &Lexicon<'_>, sentences: usize) -> Features {
        let n = lexicon.len();
        let idf = (0..n as u32).map(|i| lexicon.idf(i)).collect();
        let mut word_ltf = vec![0.0; n];
        let mut in_name = vec![false; n];
        for c in list {
            if let [id] = *c.stems {
                word_ltf[id as usize] = (1.0 + c.occurrences() as f64).ln();
            } else if c.name.is_some() {
                for &id in c.stems.iter() {
                    in_name[id as usize] = true;
                }
            }
        }
        Features {
            sentences: sentences.max(1) as f64,
            idf,
            word_ltf,
            in_name,
        }
    }

    /// The features of one candidate, in the order of [`NAMES`].
    pub(super) fn of(&self, c: &Candidate<'_>) -> Vector {
        let at = |v: &[f64], id: u32| v.get(id as usize).copied().unwrap_or(0.0);
        let first = c.first().map(f64::from);
        let last = c.last().map_or(0.0, f64::from);
        let ltf = (1.0 + c.occurrences() as f64).ln();
        let words = c.stems.len();
        let idfs = c.stems.iter().map(|&id| at(&self.idf, id));
        let idf = idfs.clone().sum::<f64>() / words.max(1) as f64;
        let idf_min = idfs.clone().fold(f64::INFINITY, f64::min);
        let idf_max = idfs.fold(0.0, f64::max);
        let uses: u32 = c.forms.iter().map(|(_, n)| n).sum();
        let lower: u32 = c
            .forms
            .iter()
            .filter(|(f, _)| f.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, n)| n)
            .sum();
        let ending = ending(
            c.forms
                .first()
                .and_then(|(f, _)| f.split_whitespace().next_back())
                .unwrap_or_default(),
        );
        let parts = if words > 1 {
            c.stems
                .iter()
                .map(|&id| at(&self.word_ltf, id))
                .sum::<f64>()
                / words as f64
                - ltf
        } else {
            0.0
        };
        let ty = c.name.map(|(t, _)| t);
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            ltf,
            flag(c.in_title),
            first.map_or(0.0, |f| 1.0 / (1.0 + f)),
            idf,
            if idf_min.is_finite() { idf_min } else { idf },
            flag(words == 2),
            flag(words >= 3),
            flag(c.name.is_some()),
            if uses > 0 {
                f64::from(lower) / f64::from(uses)
            } else {
                0.0
            },
            first.map_or(0.0, |f| f / self.sentences),
            ltf * idf,
            first.map_or(0.0, |f| (last - f) / self.sentences),
            if c.occurrences() > 0 {
                f64::from(c.whole) / c.occurrences() as f64
            } else {
                0.0
            },
            flag(ty == Some(EntityType::Person)),
            flag(ty == Some(EntityType::Place)),
            flag(
                words == 1
                    && c.name.is_none()
                    && self.in_name.get(c.stems[0] as usize) == Some(&true),
            ),
            parts,
            flag(ending[1..] == ['l', 'y']),
            flag(ending == ['i', 'n', 'g']),
            flag(ending[1..] == ['e', 'd']),
            flag(
                c.forms
                    .iter()
                    .any(|(f, _)| f.contains(|ch: char| ch.is_ascii_digit())),
            ),
            flag(c.occurrences() == 1),
            flag(first == Some(0.0)),
            idf * idf,
            idf_max,
            c.occurrences() as f64 / self.sentences,
            flag(c.in_title) * ltf,
            flag(words > 1) * ltf,
        ]
    }
}

/// The last three characters of `word` lowercased (NUL before a shorter
/// word's; a final capital sigma reads σ, not ς, which no compared ending
/// holds), without lowercasing the whole word: each character lowercases
/// to one or more, so they come from its last three.
fn ending(word: &str) -> [char; 3] {
    let mut out = ['\0'; 3];
    let mut at = out.len();
    for c in word.chars().rev() {
        if at == 0 {
            break;
        }
        if c.is_ascii() {
            at -= 1;
            out[at] = c.to_ascii_lowercase();
            continue;
        }
        for l in c.to_lowercase().rev() {
            if at == 0 {
                return out;
            }
            at -= 1;
            out[at] = l;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ending_is_the_lowercase_words_last_three_characters() {
        for w in [
            "", "a", "Ly", "ED", "Running", "QUICKLY", "İNG", "Straße", "x'ed",
        ] {
            let lower: Vec<char> = w.to_lowercase().chars().collect();
            let mut want = ['\0'; 3];
            for (slot, c) in want.iter_mut().rev().zip(lower.iter().rev()) {
                *slot = *c;
            }
            assert_eq!(ending(w), want, "{w}");
        }
    }
}
