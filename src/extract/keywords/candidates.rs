//! Keyword candidates: the runs of content words of the title and of each
//! sentence, cut at stop words, numbers and punctuation, as single words
//! and as phrases of two or three words; and the recognizer's names. Each
//! candidate keeps where it occurs (for the position and spread features)
//! and how it is written (for the form shown).
//!
//! Words are read once per distinct spelling: each spelling maps to the id
//! of its stem (the article's [`Lexicon`]), and candidates are keyed by
//! their stem ids, so the work per word is one lookup however often the
//! article repeats it.

use std::ops::Range;

use super::stem::stem;
use super::stopwords::is_stop;
use crate::extract::entities::hash::FxMap;
use crate::extract::entities::{Entity, EntityType, tokens::tokenize};

/// Longest phrase taken from a run of content words.
const MAX_WORDS: usize = 3;

/// One candidate keyword of an article.
#[derive(Debug, Clone)]
pub(super) struct Candidate<'a> {
    /// Stem ids of its words (see [`Lexicon::stem`]).
    pub stems: Box<[u32]>,
    /// The body sentence of each occurrence, in reading order.
    pub sentences: Vec<u32>,
    /// Whether the headline holds it.
    pub in_title: bool,
    /// Body occurrences that are a whole run of content words, not part of
    /// a longer one.
    pub whole: u32,
    /// Written forms and how often the body uses each (case kept; a
    /// headline's form counts 0: headlines capitalize every word).
    pub forms: Vec<(&'a str, u32)>,
    /// The recognizer's type when it is a name, and the name's fullest form.
    pub name: Option<(EntityType, &'a str)>,
}

impl Candidate<'_> {
    /// Body occurrences.
    pub fn occurrences(&self) -> usize {
        self.sentences.len()
    }
}

/// The words of one article: each spelling's stem id, and the stems.
#[derive(Default)]
pub(super) struct Lexicon<'a> {
    /// A spelling (as written) → its stem id, `None` when it is no content word.
    spellings: FxMap<&'a str, Option<u32>>,
    /// A stem → its id.
    ids: FxMap<String, u32>,
    /// Stems by id.
    stems: Vec<String>,
}

impl<'a> Lexicon<'a> {
    /// The stem of id `id`.
    pub fn stem(&self, id: u32) -> &str {
        self.stems.get(id as usize).map_or("", String::as_str)
    }

    /// Distinct stems.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// The stem id of a content word, `None` for any other token.
    fn content(&mut self, word: &'a str) -> Option<u32> {
        if let Some(&id) = self.spellings.get(word) {
            return id;
        }
        let lower = word.to_lowercase();
        let id = content(word, &lower).then(|| self.intern(stem(&lower)));
        self.spellings.insert(word, id);
        id
    }

    /// The stem id of any word (names keep their stop words: "Bank of America").
    fn any(&mut self, word: &str) -> u32 {
        self.intern(stem(&word.to_lowercase()))
    }

    fn intern(&mut self, s: String) -> u32 {
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stems.push(s.clone());
        self.ids.insert(s, id);
        id
    }
}

/// A content word: it holds a letter, is longer than one character, and is
/// no stop word.
fn content(word: &str, lower: &str) -> bool {
    word.chars().nth(1).is_some()
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '&'))
        && !word.starts_with(['-', '\'', '’', '.'])
        && !is_stop(lower)
}

/// Every candidate of an article, in order of first occurrence, with the
/// article's lexicon.
pub(super) struct Found<'a> {
    pub list: Vec<Candidate<'a>>,
    pub lexicon: Lexicon<'a>,
    index: FxMap<Box<[u32]>, usize>,
}

/// Every candidate of the article: its `title` (outside the body), its
/// `body` split into `sentences`, and the `entities` found in the body.
pub(super) fn collect<'a>(
    title: Option<&'a str>,
    body: &'a str,
    sentences: &[Range<usize>],
    entities: &'a [Entity],
) -> Found<'a> {
    let mut found = Found {
        list: Vec::new(),
        lexicon: Lexicon::default(),
        index: FxMap::default(),
    };
    let mut run = Vec::new();
    if let Some(t) = title {
        found.unit(t, None, &mut run);
    }
    for (i, s) in sentences.iter().enumerate() {
        if let Some(text) = body.get(s.clone()) {
            found.unit(text, Some(i as u32), &mut run);
        }
    }
    for e in entities {
        found.name(e, body, sentences);
    }
    found
}

/// The stems of the content words of `text`, each once: what the
/// background table counts per document.
#[cfg(feature = "tools")]
pub(crate) fn stems_of(text: &str) -> std::collections::BTreeSet<String> {
    tokenize(text, 0)
        .into_iter()
        .map(|r| &text[r])
        .filter_map(|w| {
            let lower = w.to_lowercase();
            content(w, &lower).then(|| stem(&lower))
        })
        .collect()
}

impl<'a> Found<'a> {
    fn entry(&mut self, stems: &[u32]) -> &mut Candidate<'a> {
        let at = match self.index.get(stems) {
            Some(&i) => i,
            None => {
                self.index.insert(stems.into(), self.list.len());
                self.list.push(Candidate {
                    stems: stems.into(),
                    sentences: Vec::new(),
                    in_title: false,
                    whole: 0,
                    forms: Vec::new(),
                    name: None,
                });
                self.list.len() - 1
            }
        };
        &mut self.list[at]
    }

    /// The candidates of one sentence (`Some` of its index) or the title;
    /// `run` is scratch space (content words as byte range and stem id).
    fn unit(&mut self, text: &'a str, sentence: Option<u32>, run: &mut Vec<(Range<usize>, u32)>) {
        run.clear();
        for r in tokenize(text, 0) {
            match self.lexicon.content(&text[r.clone()]) {
                Some(id) => run.push((r, id)),
                None => self.flush(text, sentence, run),
            }
        }
        self.flush(text, sentence, run);
    }

    /// Takes the phrases of one run of content words.
    fn flush(&mut self, text: &'a str, sentence: Option<u32>, run: &mut Vec<(Range<usize>, u32)>) {
        let mut ids = [0u32; MAX_WORDS];
        for start in 0..run.len() {
            for n in 1..=MAX_WORDS.min(run.len() - start) {
                let words = &run[start..start + n];
                for (slot, (_, id)) in ids.iter_mut().zip(words) {
                    *slot = *id;
                }
                let form = &text[words[0].0.start..words[n - 1].0.end];
                let c = self.entry(&ids[..n]);
                match sentence {
                    Some(i) => {
                        c.sentences.push(i);
                        if n == run.len() {
                            c.whole += 1;
                        }
                        add_form(&mut c.forms, form, 1);
                    }
                    None => {
                        c.in_title = true;
                        add_form(&mut c.forms, form, 0);
                    }
                }
            }
        }
        run.clear();
    }

    /// A recognized name: marked as one with its type and fullest form,
    /// and counted at each of its mentions when they are more than its
    /// occurrences as a run (a person named in full once, then by surname;
    /// a name holding a stop word, "Bank of America", or longer than a
    /// phrase).
    fn name(&mut self, e: &'a Entity, body: &'a str, sentences: &[Range<usize>]) {
        if !e.name.chars().any(char::is_alphabetic) {
            return;
        }
        let stems: Vec<u32> = e
            .name
            .split_whitespace()
            .map(|w| self.lexicon.any(w))
            .collect();
        if stems.is_empty() {
            return;
        }
        let c = self.entry(&stems);
        c.name = Some((e.ty, e.name.as_str()));
        if e.mentions.len() <= c.sentences.len() {
            return;
        }
        c.sentences.clear();
        for m in &e.mentions {
            let i = sentences.partition_point(|s| s.end <= m.start);
            c.sentences.push(i as u32);
            if let Some(text) = body.get(m.clone()) {
                add_form(&mut c.forms, text, 1);
            }
        }
        c.sentences.sort_unstable();
    }
}

/// Counts one use of a written form.
fn add_form<'a>(forms: &mut Vec<(&'a str, u32)>, form: &'a str, uses: u32) {
    match forms.iter_mut().find(|(f, _)| *f == form) {
        Some((_, n)) => *n += uses,
        None => forms.push((form, uses)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(title: Option<&str>, body: &str) -> Vec<String> {
        let sentences = vec![0..body.len(); 1];
        let found = collect(title, body, &sentences, &[]);
        found
            .list
            .iter()
            .map(|c| {
                c.stems
                    .iter()
                    .map(|&i| found.lexicon.stem(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn runs_split_at_stop_words_numbers_and_punctuation() {
        let keys = keys(None, "The rail freight merger, worth 12 billion, closed.");
        assert!(keys.contains(&"rail freight merger".into()), "{keys:?}");
        assert!(keys.contains(&"freight".into()), "{keys:?}");
        assert!(!keys.iter().any(|k| k.contains("12")), "{keys:?}");
        assert!(!keys.contains(&"merger worth".into()), "{keys:?}");
        assert!(!keys.iter().any(|k| k.starts_with("the")), "{keys:?}");
    }

    #[test]
    fn a_whole_run_is_counted_apart_from_its_parts() {
        let body = "Rail freight grew. It was freight.";
        let sentences = vec![0..18, 19..body.len()];
        let found = collect(None, body, &sentences, &[]);
        let by = |k: &str| {
            found
                .list
                .iter()
                .find(|c| {
                    c.stems
                        .iter()
                        .map(|&i| found.lexicon.stem(i))
                        .collect::<Vec<_>>()
                        .join(" ")
                        == k
                })
                .cloned()
        };
        let freight = by("freight").expect("freight");
        assert_eq!((freight.occurrences(), freight.whole), (2, 1));
        assert_eq!(freight.forms, [("freight", 2)]);
        let phrase = by("rail freight grew").expect("phrase");
        assert_eq!(phrase.whole, 1);
    }

    #[test]
    fn words_with_digits_are_content() {
        for (w, yes) in [
            ("G7", true),
            ("COVID-19", true),
            ("2021", false),
            ("a", false),
            ("$", false),
        ] {
            assert_eq!(content(w, &w.to_lowercase()), yes, "{w}");
        }
    }
}
