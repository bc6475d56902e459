//! People, organizations, places and other names: a statistical recognizer
//! trained by the project (averaged perceptron over hashed features, greedy
//! BIO decoding, trained by `wirewatch train-ner`), then within-article linking and gazetteer
//! lookup (see `link`).
//!
//! - `tokens`: raw text → CoNLL-style tokens
//! - `features`, `lexicon`, `gazetteer`: what the recognizer looks at
//! - `model`, `tagger`: the weights and decoding
//! - `repair`, `heads`, `lists`, `appositive`, `markets`: what the name
//!   lists say a span never holds (titles, credentials, drugs as people),
//!   what head words and the words around a name say of its type, the
//!   lists of organizations a sentence names ("companies such as …"), the
//!   descriptions after a name (", a Ruritanian oil company,") or before
//!   it ("the AI company Anthropic", `introduced`) and the
//!   names traded as stocks ("X fell 3%"), and what only a company has
//!   after a possessive (`possessions`: "X's chief executive"), and
//!   what only people do after their names (`subjects`: "Plato thought"),
//!   and the services things are posted or sold on (`platforms`: "posted
//!   on Weibo")
//! - `document`: one type per name in an article
//! - `lineups`: the players of sports reports' team sheets
//! - `link`: mentions → entities
//!
//! Learning the weights and the word clusters, and reading CoNLL files, are
//! build-time tools (`crate::tools::entities`, behind the `tools` feature).

pub(crate) mod appositive;
pub(crate) mod coordinated;
pub(crate) mod document;
pub(crate) mod features;
pub mod gazetteer;
pub(crate) mod groups;
pub(crate) mod hash;
pub(crate) mod heads;
pub(crate) mod initialisms;
pub(crate) mod introduced;
pub mod lexicon;
pub(crate) mod lineups;
pub(crate) mod link;
pub(crate) mod lists;
pub(crate) mod markets;
pub mod model;
pub(crate) mod platforms;
pub(crate) mod portfolios;
pub(crate) mod possessions;
pub(crate) mod pronouns;
pub(crate) mod repair;
pub(crate) mod subjects;
pub(crate) mod tagger;
pub(crate) mod tokens;
pub(crate) mod us_states;

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use features::{DocStats, Token};
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use model::{Model, Weights};

/// What kind of name an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub(crate) enum EntityType {
    Person = 0,
    Organization = 1,
    Place = 2,
    /// Nationalities, events and other proper names.
    Misc = 3,
}

impl EntityType {
    /// Every type, in the tagger's index order.
    pub(crate) const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Misc,
    ];

    /// Each type's name, as the record writes it and the
    /// `wirewatch_entities_extracted_total` metric labels it, in index order.
    pub(crate) const LABELS: [&'static str; 4] = ["person", "organization", "place", "misc"];

    /// From the tagger's type index (PER, ORG, LOC, MISC).
    pub(crate) fn from_index(i: usize) -> EntityType {
        match i {
            0 => EntityType::Person,
            1 => EntityType::Organization,
            2 => EntityType::Place,
            _ => EntityType::Misc,
        }
    }

    /// The type's name (see [`EntityType::LABELS`]).
    pub(crate) const fn label(self) -> &'static str {
        EntityType::LABELS[self as usize]
    }
}

/// One entity of an article with all its mentions (byte ranges into the body).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entity {
    pub ty: EntityType,
    /// Canonical name: the fullest form the article uses.
    pub name: String,
    pub mentions: Vec<Range<usize>>,
    /// Titles and offices written before the name ("Defense Minister").
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-2 code (places and nationalities).
    pub country: Option<String>,
    /// "country", "region", "city" for places, "nationality" for misc.
    pub kind: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The short form the article defines ("NERA").
    pub acronym: Option<String>,
}

/// Tags the sentences of one document (already split into words) with a
/// weight table; returns each sentence's tag ids. Sentences flagged in
/// `headings` (missing flags are false) are read like headlines in capitals
/// by the caller and kept apart: they give the rest of the document no
/// context and leave no labels in its history. Each sentence's tags are
/// then repaired (`repair`: titles, credentials and drugs; `dashes` holds
/// each sentence's hyphens that the text spaces as dashes, missing for
/// pre-split words), and the document's names made consistent
/// (`document`).
pub(crate) fn tag_words<W: Weights>(
    w: &mut W,
    sentences: &[Vec<&str>],
    headings: &[bool],
    dashes: &[Vec<usize>],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<Vec<u8>> {
    let prepared: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| features::prepare(s, lex, gaz))
        .collect();
    let stats = DocStats::new(&prepared, headings);
    let mut history = tagger::History::default();
    let mut buf = Vec::with_capacity(64);
    let mut tags: Vec<Vec<u8>> = prepared
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut tags = if headings.get(i).copied().unwrap_or(false) {
                let mut scratch = history.clone();
                tagger::tag_sentence(w, s, &stats, &mut scratch, None, &mut buf)
            } else {
                tagger::tag_sentence(w, s, &stats, &mut history, None, &mut buf)
            };
            let spaced = dashes.get(i).map_or(&[][..], Vec::as_slice);
            repair::repair(s, &mut tags, spaced, gaz);
            tags
        })
        .collect();
    document::harmonize(&prepared, &mut tags, headings, lex, gaz);
    lineups::retag(&prepared, &mut tags);
    tags
}

/// The tokens of each sentence range of `body`, as byte ranges of `body`:
/// what the recognizer tags, and the keywords read too (the body is
/// tokenized once per article).
pub(crate) fn sentence_tokens(body: &str, sentences: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    sentences
        .iter()
        .map(|r| tokens::tokenize(&body[r.clone()], r.start))
        .collect()
}

/// Mentions in raw text: tokenizes each sentence range of `body` and tags
/// them, title-case headings in capitals (see `heading_line`). Returns
/// each sentence's token ranges and the mentions.
pub fn recognize<W: Weights>(
    w: &mut W,
    body: &str,
    sentences: &[Range<usize>],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> (Vec<Vec<Range<usize>>>, Vec<link::Mention>) {
    let toks = sentence_tokens(body, sentences);
    let mentions = recognize_tokens(w, body, sentences, &toks, lex, gaz);
    (toks, mentions)
}

/// [`recognize`] on the sentences' tokens `toks` (see [`sentence_tokens`]).
fn recognize_tokens<W: Weights>(
    w: &mut W,
    body: &str,
    sentences: &[Range<usize>],
    toks: &[Vec<Range<usize>>],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<link::Mention> {
    // A title-case heading says nothing by its capitals: it is tagged the
    // way headlines in capitals are, which the recognizer learned.
    let upper: Vec<Option<Vec<String>>> = sentences
        .iter()
        .zip(toks)
        .map(|(r, t)| {
            heading_line(body, r, t, lex)
                .then(|| t.iter().map(|x| body[x.clone()].to_uppercase()).collect())
        })
        .collect();
    let words: Vec<Vec<&str>> = toks
        .iter()
        .zip(&upper)
        .map(|(s, u)| match u {
            Some(u) => u.iter().map(String::as_str).collect(),
            None => s.iter().map(|r| &body[r.clone()]).collect(),
        })
        .collect();
    let dashes: Vec<Vec<usize>> = toks
        .iter()
        .map(|s| {
            (0..s.len())
                .filter(|&i| is_spaced_hyphen(body, &s[i]))
                .collect()
        })
        .collect();
    let headings: Vec<bool> = upper.iter().map(Option::is_some).collect();
    let tags = tag_words(w, &words, &headings, &dashes, lex, gaz);
    let mut mentions = Vec::new();
    for (si, t) in tags.iter().enumerate() {
        for (start, end, ty) in tagger::spans(t) {
            mentions.push(link::Mention {
                ty: EntityType::from_index(ty),
                sent: si,
                start,
                end,
            });
        }
    }
    mentions
}

/// Whether the word of `body` at `r` is a hyphen with white space on
/// both sides: a dash that separates names ("MANCHESTER, N.H. - At a
/// rally"), where a labelled set's hyphen token may join one ("Saint -
/// Gaudens").
fn is_spaced_hyphen(body: &str, r: &Range<usize>) -> bool {
    let spaced =
        |s: Option<&str>| s.is_some_and(|c| !c.is_empty() && c.chars().all(char::is_whitespace));
    r.start > 0
        && body.get(r.clone()) == Some("-")
        && spaced(body.get(r.start - 1..r.start))
        && spaced(body.get(r.end..r.end + 1))
}

/// Whether the sentence `range` of `body` (tokens `toks`) is a title-case
/// heading: a line of its own, not ended by a full stop nor in
/// parentheses, whose words (after a short label such as "See also:", if
/// any) are all capitalized except the small words of titles
/// (`features::SMALL_WORDS`: "said" is none), at least two of them, and at least one of
/// them a word news usually writes in lowercase (by the capitalization
/// table), so a line that only lists names is not one. Capitals carry no
/// information there ("Budget Talks Resume After a Long Pause"), unlike in
/// running text.
fn heading_line(body: &str, range: &Range<usize>, toks: &[Range<usize>], lex: &Lexicon) -> bool {
    const MAX_WORDS: usize = 20;
    const MAX_LABEL_WORDS: usize = 3;
    let before = body[..range.start].trim_end_matches([' ', '\t']);
    let after = body[range.end..].trim_start_matches([' ', '\t']);
    let alone = (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with('\n'));
    let Some(last) = toks.last() else {
        return false;
    };
    // A line in parentheses is an aside or a credit ("(Reporting by Jo
    // Park; Editing by Max Poe)"), never a heading.
    let parenthesized = toks
        .first()
        .is_some_and(|f| body[f.clone()].starts_with('('))
        && body[last.clone()].ends_with(')');
    if !alone || parenthesized || matches!(&body[last.clone()], "." | "!" | ";" | ",") {
        return false;
    }
    let words: Vec<&str> = toks
        .iter()
        .map(|r| &body[r.clone()])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    // After a label ending in a colon, only the title counts.
    let title = match toks.iter().position(|r| &body[r.clone()] == ":") {
        Some(c) => {
            let label = toks[..c]
                .iter()
                .filter(|r| body[(*r).clone()].chars().any(char::is_alphabetic))
                .count();
            if label <= MAX_LABEL_WORDS {
                &toks[c + 1..]
            } else {
                toks
            }
        }
        None => toks,
    };
    let (mut capitalized, mut ordinary) = (0, 0);
    for r in title {
        let w = &body[r.clone()];
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if first.is_uppercase() {
            capitalized += 1;
            if lex
                .caps(gazetteer::lower_hash(w))
                .is_some_and(|k| k <= MAX_ORDINARY_CAPS)
            {
                ordinary += 1;
            }
        } else if !features::SMALL_WORDS.contains(&w) {
            return false;
        }
    }
    capitalized >= 2 && ordinary >= 1
}

/// Highest capitalization step (see `lexicon`) of a word news usually
/// writes in lowercase: capitalized in under 30% of its mid-sentence uses.
const MAX_ORDINARY_CAPS: u8 = 1;

/// The entities of `body` (split into `sentences`): recognized, linked
/// within the article and located. None when the build embeds no model.
pub(crate) fn find(body: &str, sentences: &[Range<usize>]) -> Vec<Entity> {
    find_in(body, sentences, &sentence_tokens(body, sentences))
}

/// [`find`] on the sentences' tokens `toks` (see [`sentence_tokens`]).
pub(crate) fn find_in(
    body: &str,
    sentences: &[Range<usize>],
    toks: &[Vec<Range<usize>>],
) -> Vec<Entity> {
    let Some(model) = Model::embedded() else {
        return Vec::new();
    };
    let mut w = ModelRef(model);
    let lex = Lexicon::embedded();
    let gaz = Gazetteer::embedded();
    let mentions = recognize_tokens(&mut w, body, sentences, toks, lex, gaz);
    link::link(body, toks, &mentions, gaz, lex)
}

/// A shared model as a (read-only) weight table.
pub struct ModelRef<'a>(pub &'a Model);

impl Weights for ModelRef<'_> {
    #[inline]
    fn add(&self, rows: &[u32], scores: &mut [f32; tagger::NT]) {
        self.0.add(rows, scores);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the only sentence of `body` (the whole text) is a heading.
    fn heading(body: &str, line: &str) -> bool {
        let start = body.find(line).expect("line in body");
        let range = start..start + line.len();
        let toks = tokens::tokenize(line, start);
        heading_line(body, &range, &toks, Lexicon::embedded())
    }

    #[test]
    fn title_case_lines_are_headings() {
        let body = "First paragraph here.\n\nBudget Talks Resume After a Long Pause\n\nMore text.";
        assert!(heading(body, "Budget Talks Resume After a Long Pause"));
        let body = "Text.\n\nSee also: Why the Harbour Plan Stalled\n\nText.";
        assert!(heading(body, "See also: Why the Harbour Plan Stalled"));
        // A verb in lowercase is no title's small word, and a line ending
        // on a full stop is a sentence.
        let body = "Text.\n\nOfficials at the Patent Office said no.";
        assert!(!heading(body, "Officials at the Patent Office said no."));
        // A line in parentheses is a credit or an aside.
        let body = "Text.\n\n(Reporting by Jo Park; Editing by Max Poe)";
        assert!(!heading(body, "(Reporting by Jo Park; Editing by Max Poe)"));
        // Running text, a sentence inside a paragraph, a full stop, one word.
        let body = "Text.\n\nThe council met on Monday to discuss the budget\n\nText.";
        assert!(!heading(
            body,
            "The council met on Monday to discuss the budget"
        ));
        let body = "Text. Budget Talks Resume After a Long Pause\n\nText.";
        assert!(!heading(body, "Budget Talks Resume After a Long Pause"));
        let body = "Text.\n\nBudget Talks Resume After a Long Pause.\n\nText.";
        assert!(!heading(body, "Budget Talks Resume After a Long Pause."));
        let body = "Text.\n\nAnalysis\n\nText.";
        assert!(!heading(body, "Analysis"));
        // A line that only lists names.
        let body = "Text.\n\nMaria Okafor and Lena Novak\n\nText.";
        assert!(!heading(body, "Maria Okafor and Lena Novak"));
    }

    #[test]
    fn headings_are_tagged_in_capitals_and_keep_their_offsets() {
        let Some(model) = Model::embedded() else {
            return;
        };
        let (lex, gaz) = (Lexicon::embedded(), Gazetteer::embedded());
        let body = "Harbour Plans\n\nThe harbour plans were approved in Lisbon on Monday.";
        let sentences = vec![0..13, 15..body.len()];
        let (toks, mentions) = recognize(&mut ModelRef(model), body, &sentences, lex, gaz);
        assert_eq!(toks[0], [0..7, 8..13]);
        // The same as tagging the heading in capitals, kept apart.
        let words: Vec<Vec<&str>> = vec![
            vec!["HARBOUR", "PLANS"],
            toks[1].iter().map(|r| &body[r.clone()]).collect(),
        ];
        let tags = tag_words(&mut ModelRef(model), &words, &[true, false], &[], lex, gaz);
        let expected: Vec<(usize, usize, usize)> = tags
            .iter()
            .enumerate()
            .flat_map(|(si, t)| {
                tagger::spans(t)
                    .into_iter()
                    .map(move |(s, e, _)| (si, s, e))
            })
            .collect();
        let got: Vec<(usize, usize, usize)> =
            mentions.iter().map(|m| (m.sent, m.start, m.end)).collect();
        assert_eq!(got, expected);
        assert!(
            mentions
                .iter()
                .any(|m| m.ty == EntityType::Place && &body[toks[1][m.start].clone()] == "Lisbon")
        );
    }
}
