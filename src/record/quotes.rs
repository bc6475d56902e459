//! The record's `quotes`: each quote's span (and its pieces when the
//! attribution splits it), its speaker as the article's entity (by the id
//! `entities` gives it) or as written, and its cue with its lemma.

use super::place::Locator;
use super::{Quote, QuoteCue, QuoteSpeaker};
use crate::extract::entities::Entity;
use crate::extract::quotes;

/// The quotes, in text order; `entities` are the facts' entities, in the
/// order the record numbers them.
pub(super) fn quotes(at: &Locator<'_>, found: &[quotes::Quote], entities: &[Entity]) -> Vec<Quote> {
    found
        .iter()
        .map(|q| {
            let place = at.place(&q.range());
            let pieces =
                (q.pieces.len() > 1).then(|| q.pieces.iter().map(|r| at.span(r)).collect());
            let speaker = q.speaker.as_ref().map(|s| {
                let [start, end] = at.span(&s.range);
                let entity = s.entity.and_then(|i| entities.get(i).map(|e| (i, e)));
                QuoteSpeaker {
                    id: entity.map(|(i, _)| format!("e{}", i + 1)),
                    name: entity.map_or_else(|| at.text(&s.range), |(_, e)| e.name.clone()),
                    start,
                    end,
                }
            });
            let cue = q.cue.as_ref().map(|c| {
                let [start, end] = at.span(&c.range);
                QuoteCue {
                    text: at.text(&c.range),
                    lemma: c.lemma.clone(),
                    start,
                    end,
                }
            });
            Quote {
                text: place.text,
                start: place.start,
                end: place.end,
                pieces,
                kind: q.kind,
                speaker,
                cue,
                sentence: place.sentence,
            }
        })
        .collect()
}
