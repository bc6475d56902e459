//! The cases, on sentences written for these tests.

use std::ops::Range;

/// Paragraph ranges of a test body: blank-line separated.
pub(crate) fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices("\n\n") {
        if i > start {
            out.push(start..i);
        }
        start = i + 2;
    }
    if start < body.len() {
        out.push(start..body.len());
    }
    out
}

use super::{Quote, QuoteKind, find};
use crate::document::sentences;
use crate::extract::entities;

/// What a test reads of one quote: its text, kind, speaker name (the
/// entity's, else the phrase) and cue lemma.
#[derive(Debug, PartialEq)]
struct Seen {
    text: String,
    kind: QuoteKind,
    speaker: Option<String>,
    cue: Option<String>,
    pieces: usize,
}

fn quotes(body: &str) -> Vec<Seen> {
    let paras = paragraphs(body);
    let sents = sentences::split(body);
    let ents = entities::find(body, &sents);
    find(body, &paras, &sents, &ents)
        .into_iter()
        .map(|q: Quote| Seen {
            text: body[q.range()].to_string(),
            kind: q.kind,
            speaker: q.speaker.map(|s| match s.entity {
                Some(e) => ents[e].name.clone(),
                None => body[s.range].to_string(),
            }),
            cue: q.cue.map(|c| c.lemma),
            pieces: q.pieces.len(),
        })
        .collect()
}

fn seen(
    text: &str,
    kind: QuoteKind,
    speaker: Option<&str>,
    cue: Option<&str>,
    pieces: usize,
) -> Seen {
    Seen {
        text: text.to_string(),
        kind,
        speaker: speaker.map(str::to_string),
        cue: cue.map(str::to_string),
        pieces,
    }
}

#[test]
fn split_quote_is_one_quote_in_two_pieces() {
    let body = "“We have checked every ledger,” Martina Keller said. “Nothing is missing.”";
    assert_eq!(
        quotes(body),
        [seen(
            body,
            QuoteKind::Direct,
            Some("Martina Keller"),
            Some("say"),
            2
        )]
    );
    let body = "“We have checked every ledger,” Martina Keller said, “and nothing is missing.”";
    assert_eq!(
        quotes(body),
        [seen(
            body,
            QuoteKind::Direct,
            Some("Martina Keller"),
            Some("say"),
            2
        )]
    );
}
