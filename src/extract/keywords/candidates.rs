//! Keyword candidates: the runs of content words of the title and of each
//! sentence, cut at stop words, numbers and punctuation, as single words
//! and as phrases of two or three words; and the recognizer's names. Each
//! candidate keeps where it occurs (for the position weight) and how it is
//! written (for the form shown).

use std::collections::HashMap;
use std::ops::Range;

use super::stem::{phrase_key, stem};
use super::stopwords::is_stop;
use crate::extract::entities::{Entity, tokens::tokenize};

/// Longest phrase taken from a run of content words.
const MAX_WORDS: usize = 3;

/// Where an occurrence stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// In the headline.
    Title,
    /// In the body's sentence of this index.
    Sentence(usize),
}

/// One candidate keyword of an article.
#[derive(Debug, Clone, Default)]
pub(super) struct Candidate {
    /// Stems of its words, space-separated.
    pub key: String,
    /// Number of words.
    pub words: usize,
    /// Each occurrence's place.
    pub places: Vec<Place>,
    /// Written forms and how often each is used (case kept).
    pub forms: HashMap<String, u32>,
    /// A name the recognizer found (a person, organization, place …).
    pub name: bool,
}

/// A content word: it holds a letter, is longer than one character, and is
/// no stop word.
fn content(word: &str) -> bool {
    word.chars().count() > 1
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '&'))
        && !word.starts_with(['-', '\'', '’', '.'])
        && !is_stop(&word.to_lowercase())
}

/// Every candidate of the article, in order of first occurrence.
pub(super) fn collect(
    title: Option<&str>,
    body: &str,
    sentences: &[Range<usize>],
    entities: &[Entity],
) -> Vec<Candidate> {
    let mut found = Found::default();
    if let Some(t) = title {
        found.unit(t, 0, Place::Title);
    }
    for (i, s) in sentences.iter().enumerate() {
        if let Some(text) = body.get(s.clone()) {
            found.unit(text, s.start, Place::Sentence(i));
        }
    }
    for e in entities {
        found.name(e, body, sentences);
    }
    found.list
}

/// The stems of the content words of `text`, each once: what the
/// background table counts per document.
pub(crate) fn stems_of(text: &str) -> std::collections::BTreeSet<String> {
    tokenize(text, 0)
        .into_iter()
        .map(|r| &text[r])
        .filter(|w| content(w))
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

#[derive(Default)]
struct Found {
    list: Vec<Candidate>,
    index: HashMap<String, usize>,
}

impl Found {
    fn entry(&mut self, key: String, words: usize) -> &mut Candidate {
        let at = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.index.insert(key.clone(), self.list.len());
                self.list.push(Candidate {
                    key,
                    words,
                    ..Candidate::default()
                });
                self.list.len() - 1
            }
        };
        &mut self.list[at]
    }

    /// The candidates of one sentence (or the title).
    fn unit(&mut self, text: &str, base: usize, place: Place) {
        let tokens = tokenize(text, base);
        let mut run: Vec<(&str, String)> = Vec::new();
        let flush = |run: &mut Vec<(&str, String)>, found: &mut Found| {
            for start in 0..run.len() {
                for n in 1..=MAX_WORDS.min(run.len() - start) {
                    let words = &run[start..start + n];
                    let key = words
                        .iter()
                        .map(|(_, s)| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let form = words.iter().map(|(w, _)| *w).collect::<Vec<_>>().join(" ");
                    let c = found.entry(key, n);
                    c.places.push(place);
                    // Headlines capitalize every word: their forms count
                    // only when the body never writes the phrase.
                    let uses = c.forms.entry(form).or_insert(0);
                    if place != Place::Title {
                        *uses += 1;
                    }
                }
            }
            run.clear();
        };
        for r in tokens {
            let word = &text[r.start - base..r.end - base];
            if content(word) {
                run.push((word, stem(&word.to_lowercase())));
            } else {
                flush(&mut run, self);
            }
        }
        flush(&mut run, self);
    }

    /// A recognized name: marked as one, and counted at each of its
    /// mentions when the runs did not already take it (a name holding a
    /// stop word, "Bank of America", or longer than a phrase).
    fn name(&mut self, e: &Entity, body: &str, sentences: &[Range<usize>]) {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        if words.is_empty() || !words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
            return;
        }
        let key = phrase_key(&e.name);
        let known = self.index.contains_key(&key);
        let c = self.entry(key, words.len());
        c.name = true;
        if known {
            return;
        }
        for m in &e.mentions {
            let i = sentences.partition_point(|s| s.end <= m.start);
            c.places.push(Place::Sentence(i));
            if let Some(text) = body.get(m.clone()) {
                *c.forms.entry(text.to_string()).or_insert(0) += 1;
            }
        }
        c.forms.entry(e.name.clone()).or_insert(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_stop_words_numbers_and_punctuation() {
        let body = "The rail freight merger, worth 12 billion, closed.";
        let sentences = vec![0..body.len(); 1];
        let c = collect(None, body, &sentences, &[]);
        let keys: Vec<&str> = c.iter().map(|c| c.key.as_str()).collect();
        assert!(keys.contains(&"rail freight merger"), "{keys:?}");
        assert!(keys.contains(&"freight"), "{keys:?}");
        assert!(
            !keys
                .iter()
                .any(|k| k.contains("12") || k.contains("worth 12"))
        );
        assert!(!keys.contains(&"merger worth"), "{keys:?}");
        assert!(!keys.iter().any(|k| k.starts_with("the")), "{keys:?}");
    }

    #[test]
    fn words_with_digits_are_content() {
        assert!(content("G7"));
        assert!(content("COVID-19"));
        assert!(!content("2021"));
        assert!(!content("a"));
        assert!(!content("$"));
    }
}
