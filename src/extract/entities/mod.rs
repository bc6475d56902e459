//! People, organizations, places and other names: a statistical recognizer
//! trained by the project (averaged perceptron over hashed features, greedy
//! BIO decoding; see `train`), then within-article linking and gazetteer
//! lookup (see `link`).
//!
//! - `tokens`: raw text → CoNLL-style tokens
//! - `features`, `lexicon`, `gazetteer`: what the recognizer looks at
//! - `model`, `tagger`, `train`: the weights, decoding and learning
//! - `conll`: CoNLL files and conlleval scoring (`wirewatch eval ner`)
//! - `link`: mentions → entities
//! - `clusters`: learning the word clusters (`wirewatch train-clusters`)

pub mod clusters;
pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod tagger;
pub mod tokens;
pub mod train;

use std::ops::Range;

use crate::document::Document;

use super::{Extractor, Facts};
use features::{DocStats, Token};
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use model::{Model, Weights};

/// The four entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person = 0,
    Organization = 1,
    Place = 2,
    Misc = 3,
}

impl EntityType {
    /// From the tagger's type index (PER, ORG, LOC, MISC).
    pub fn from_index(i: usize) -> EntityType {
        match i {
            0 => EntityType::Person,
            1 => EntityType::Organization,
            2 => EntityType::Place,
            _ => EntityType::Misc,
        }
    }

    /// The record's (and the metric's) name of the type.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Misc => "misc",
        }
    }
}

/// One entity of an article with all its mentions (byte ranges into the body).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
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
/// weight table; returns each sentence's tag ids.
pub fn tag_words<W: Weights>(
    w: &mut W,
    sentences: &[Vec<&str>],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<Vec<u8>> {
    let prepared: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| features::prepare(s, lex, gaz))
        .collect();
    let stats = DocStats::new(&prepared);
    let mut history = tagger::History::default();
    let mut buf = Vec::with_capacity(64);
    prepared
        .iter()
        .map(|s| tagger::tag_sentence(w, s, &stats, &mut history, None, &mut buf))
        .collect()
}

/// Mentions in raw text: tokenizes each sentence range of `body` and tags
/// them. Returns each sentence's token ranges and the mentions.
pub fn recognize<W: Weights>(
    w: &mut W,
    body: &str,
    sentences: &[Range<usize>],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> (Vec<Vec<Range<usize>>>, Vec<link::Mention>) {
    let toks: Vec<Vec<Range<usize>>> = sentences
        .iter()
        .map(|r| tokens::tokenize(&body[r.clone()], r.start))
        .collect();
    let words: Vec<Vec<&str>> = toks
        .iter()
        .map(|s| s.iter().map(|r| &body[r.clone()]).collect())
        .collect();
    let tags = tag_words(w, &words, lex, gaz);
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
    (toks, mentions)
}

/// The extractor: recognizes, links and locates the article's entities.
pub struct Entities;

impl Extractor for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn extract(&self, doc: &Document, facts: &mut Facts) {
        let Some(model) = Model::embedded() else {
            return;
        };
        let mut w = ModelRef(model);
        let lex = Lexicon::embedded();
        let gaz = Gazetteer::embedded();
        let (toks, mentions) = recognize(&mut w, &doc.body, &doc.sentences, lex, gaz);
        facts.entities = link::link(&doc.body, &toks, &mentions, gaz);
    }
}

/// A shared model as a (read-only) weight table.
pub struct ModelRef<'a>(pub &'a Model);

impl Weights for ModelRef<'_> {
    #[inline]
    fn add(&self, rows: &[u32], scores: &mut [f32; tagger::NT]) {
        self.0.add(rows, scores);
    }
}

/// Entities by type, for the `wirewatch_entities_extracted_total` metric.
pub fn counts(entities: &[Entity]) -> Vec<(&'static str, usize)> {
    [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Misc,
    ]
    .into_iter()
    .map(|t| (t.as_str(), entities.iter().filter(|e| e.ty == t).count()))
    .collect()
}

/// The record's entities: ids in order, code-point offsets.
pub fn to_record(
    entities: &[Entity],
    body: &str,
    offsets: &crate::document::offsets::CharOffsets,
) -> Vec<crate::record::Entity> {
    use crate::record;
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| record::Entity {
            id: format!("e{}", i + 1),
            entity_type: match e.ty {
                EntityType::Person => record::EntityType::Person,
                EntityType::Organization => record::EntityType::Organization,
                EntityType::Place => record::EntityType::Place,
                EntityType::Misc => record::EntityType::Misc,
            },
            name: e.name.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|r| {
                    let [start, end] = offsets.span(r);
                    record::EntityMention {
                        start,
                        end,
                        text: body.get(r.clone()).unwrap_or_default().to_string(),
                    }
                })
                .collect(),
            roles: e.roles.clone(),
            country: e.country.clone(),
            kind: e.kind.map(str::to_string),
            lat: e.lat.map(|x| (x * 1e4).round() / 1e4),
            lon: e.lon.map(|x| (x * 1e4).round() / 1e4),
            acronym: e.acronym.clone(),
        })
        .collect()
}
