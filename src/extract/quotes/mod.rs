//! Quotes and who said them. Direct quotes are read from the quotation
//! marks (`marks`), filtered of titles, names and scare quotes (`filter`),
//! and attributed to a cue and a speaker around them (`direct`);
//! indirect speech ("X said (that) …", "according to X, …") is read from
//! the cue lexicon (`cues`) and the sentence's shape (`indirect`). Speakers
//! are the phrases next to cues (`speaker`), resolved to the article's
//! entities. Rules over the sentence's words, no parser: every step reads a
//! bounded window of tokens, so the whole is linear in the body.
//!
//! - `tokens`: the body as words and punctuation
//! - `words`: the closed word classes the rules read
//! - `cues`: reporting verbs and phrases with their lemmas
//! - `attribution`: the cue and speaker before or after a span

mod attribution;
mod cues;
mod direct;
mod filter;
mod indirect;
mod marks;
mod speaker;
mod tokens;
mod words;

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::entities::{Entity, EntityType};
pub(crate) use speaker::Speaker;
use tokens::Tok;

/// How a quote gives the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum QuoteKind {
    /// All in quotation marks.
    Direct,
    /// A paraphrase holding quoted words ("said the deal was “a disaster”").
    Mixed,
    /// A paraphrase ("officials said the plan was dead").
    Indirect,
}

/// The reporting verb or phrase of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Bytes of the cue in the body ("said", "pointed out", "according to").
    pub range: Range<usize>,
    /// Its dictionary form ("say", "point out", "according to").
    pub lemma: String,
}

/// One quote: what was said, by whom, with which cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    pub kind: QuoteKind,
    /// Byte ranges of the quoted words, in order: one, or several when the
    /// attribution splits the quote or it runs over paragraphs.
    pub pieces: Vec<Range<usize>>,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
}

impl Quote {
    /// Bytes from the first piece's start to the last one's end.
    pub(crate) fn range(&self) -> Range<usize> {
        let start = self.pieces.first().map_or(0, |r| r.start);
        let end = self.pieces.last().map_or(start, |r| r.end);
        start..end
    }
}

/// A mention of an entity, for finding speakers.
#[derive(Debug, Clone)]
struct MentionRef {
    range: Range<usize>,
    entity: usize,
    ty: EntityType,
}

/// Everything the rules read about one body.
pub(crate) struct Context<'a> {
    body: &'a str,
    toks: Vec<Tok>,
    /// Each sentence's token index range.
    sentence_toks: Vec<Range<usize>>,
    /// Each paragraph's byte range.
    paragraphs: &'a [Range<usize>],
    entities: &'a [Entity],
    /// Every entity mention, by start.
    mentions: Vec<MentionRef>,
    /// Byte ranges of the direct quotes kept, by start (set once found).
    quoted: Vec<Range<usize>>,
}

/// The quotes of `body` (split into `paragraphs` and `sentences`), with
/// speakers among `entities`, in text order.
pub(crate) fn find(
    body: &str,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
    entities: &[Entity],
) -> Vec<Quote> {
    let toks = tokens::tokenize(body, paragraphs, sentences);
    let mut sentence_toks = vec![0..0; sentences.len()];
    let mut i = 0;
    while i < toks.len() {
        let s = toks[i].sent;
        let j = i + toks[i..].iter().take_while(|t| t.sent == s).count();
        if let Some(r) = sentence_toks.get_mut(s) {
            *r = i..j;
        }
        i = j;
    }
    let mut mentions: Vec<MentionRef> = entities
        .iter()
        .enumerate()
        .flat_map(|(k, e)| {
            e.mentions.iter().map(move |r| MentionRef {
                range: r.clone(),
                entity: k,
                ty: e.ty,
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    let mut cx = Context {
        body,
        toks,
        sentence_toks,
        paragraphs,
        entities,
        mentions,
        quoted: Vec::new(),
    };
    let quoted = marks::pair(body, &cx.toks);
    let (mut quotes, fragments) = direct::quotes(&mut cx, &quoted);
    // A paraphrase already read as a mixed quote is not read again.
    let mut mixed: Vec<Range<usize>> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Mixed)
        .map(Quote::range)
        .collect();
    mixed.sort_by_key(|r| r.start);
    let fresh = |q: &Quote| {
        let r = q.range();
        let k = mixed.partition_point(|m| m.end <= r.start);
        let shared: usize = mixed[k..]
            .iter()
            .take_while(|m| m.start < r.end)
            .map(|m| m.end.min(r.end).saturating_sub(m.start.max(r.start)))
            .sum();
        2 * shared < r.len()
    };
    quotes.extend(indirect::quotes(&cx, &fragments).into_iter().filter(fresh));
    quotes.sort_by_key(|q| (q.range().start, q.range().end));
    quotes
}

#[cfg(test)]
pub(crate) mod tests;
