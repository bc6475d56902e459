//! Direct quotes: quoted spans that are quotes (see `filter`), each with
//! the attribution after or before it. A quote split by its attribution
//! (`“…,” she said. “…”`) is one quote in pieces; a quote with no cue
//! keeps the speaker of the quote just before it, in the same or the
//! previous paragraph, or the person the sentence before starts with.

use std::ops::Range;

use super::attribution::Attribution;
use super::filter::Verdict;
use super::marks::Quoted;
use super::{Context, Quote, QuoteKind};
use crate::extract::entities::EntityType;

/// A quoted fragment left for the paraphrase around it.
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    pub range: Range<usize>,
}

/// One quote being built: its pieces, marks and attribution.
struct Found {
    pieces: Vec<Range<usize>>,
    open: usize,
    close: usize,
    after: Option<Attribution>,
    before: Option<Attribution>,
}

impl Found {
    fn attribution(&self) -> Option<&Attribution> {
        self.after.as_ref().or(self.before.as_ref())
    }
}

/// The direct quotes of the body, and the fragments no cue took.
pub(crate) fn quotes(cx: &mut Context<'_>, quoted: &[Quoted]) -> (Vec<Quote>, Vec<Fragment>) {
    // Chains of paragraphs make one quote each.
    let mut chains: Vec<(Vec<Range<usize>>, usize, usize, bool)> = Vec::new();
    let mut continuing = false;
    for q in quoted {
        let last = q
            .close
            .unwrap_or_else(|| last_token_before(cx, q.range.end));
        match chains.last_mut() {
            Some(c) if continuing => {
                c.0.push(q.range.clone());
                c.2 = last;
                c.3 = q.close.is_some();
            }
            _ => chains.push((vec![q.range.clone()], q.open, last, q.close.is_some())),
        }
        continuing = q.continues;
    }
    let judged: Vec<Verdict> = chains
        .iter()
        .map(|(_, open, close, closed)| cx.judge(*open, *close, *closed))
        .collect();
    cx.quoted = chains
        .iter()
        .zip(&judged)
        .filter(|(_, v)| **v != Verdict::NotQuote)
        .flat_map(|(c, _)| c.0.iter().cloned())
        .collect();
    cx.quoted.sort_by_key(|r| r.start);

    let mut found: Vec<Found> = Vec::new();
    let mut fragments = Vec::new();
    for (k, ((pieces, open, close, closed), verdict)) in chains.iter().zip(&judged).enumerate() {
        if *verdict == Verdict::NotQuote {
            continue;
        }
        let next_open = chains.get(k + 1).map_or(usize::MAX, |c| c.1);
        let prev_close = k
            .checked_sub(1)
            .and_then(|p| chains.get(p))
            .map_or(0, |c| c.2 + 1);
        let after = if *closed {
            let limit = cx.sentence_end(*close).min(next_open);
            cx.after(close + 1, limit)
        } else {
            None
        };
        let floor = cx.sentence_start(*open).max(prev_close);
        let before = cx.before(*open, floor);
        if *verdict == Verdict::Fragment {
            let named = before
                .as_ref()
                .is_some_and(|a| a.cue.word.class == super::cues::CueClass::Naming);
            if after.is_none() && !named {
                fragments.push(Fragment {
                    range: pieces[0].start..pieces[pieces.len() - 1].end,
                });
                continue;
            }
        }
        let f = Found {
            pieces: pieces.clone(),
            open: *open,
            close: *close,
            after,
            before,
        };
        // A quote split by its attribution continues the quote before it.
        if f.attribution().is_none() {
            if let Some(prev) = found.last_mut() {
                if continues(cx, prev, &f) {
                    prev.pieces.extend(f.pieces);
                    prev.close = f.close;
                    continue;
                }
            }
        }
        found.push(f);
    }

    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    for f in found {
        let attribution = f.attribution();
        let cue = attribution.map(|a| cx.cue(&a.cue));
        let mut speaker = attribution.and_then(|a| a.speaker.clone());
        if attribution.is_none() {
            speaker = cx.earlier_speaker(&out, f.open);
        }
        out.push(Quote {
            kind: QuoteKind::Direct,
            pieces: f.pieces,
            speaker,
            cue,
        });
    }
    (out, fragments)
}

/// Whether quote `next`, with no attribution of its own, goes on with
/// `prev`: it opens right after `prev`'s attribution, in the same sentence
/// after a comma or at the start of the next sentence of the paragraph.
fn continues(cx: &Context<'_>, prev: &Found, next: &Found) -> bool {
    let Some(a) = &prev.after else {
        return false;
    };
    if cx.toks[a.end.min(cx.toks.len() - 1)].para != cx.toks[next.open].para {
        return false;
    }
    (a.end..next.open).all(|i| !cx.toks[i].word && !cx.is_mark(i))
        && next.open.saturating_sub(a.end) <= 2
}

/// The index of the last token ending at or before byte `end`.
fn last_token_before(cx: &Context<'_>, end: usize) -> usize {
    cx.toks
        .partition_point(|t| t.range.end <= end)
        .saturating_sub(1)
}

impl Context<'_> {
    /// Token index one past the last token of token `i`'s sentence.
    pub(crate) fn sentence_end(&self, i: usize) -> usize {
        self.sentence_toks
            .get(self.toks[i].sent)
            .map_or(self.toks.len(), |r| r.end)
    }

    /// Token index of the first token of token `i`'s sentence.
    pub(crate) fn sentence_start(&self, i: usize) -> usize {
        self.sentence_toks
            .get(self.toks[i].sent)
            .map_or(0, |r| r.start)
    }

    /// The speaker of a quote with no cue: the last quote's, when it is in
    /// this paragraph or the one before; else the person the sentence
    /// before starts with.
    fn earlier_speaker(&self, out: &[Quote], open: usize) -> Option<super::Speaker> {
        let para = self.toks[open].para;
        if let Some(q) = out.last() {
            let at = q.range().end.saturating_sub(1);
            let k = self
                .toks
                .partition_point(|t| t.range.start <= at)
                .saturating_sub(1);
            if self.toks[k].para + 1 >= para && q.speaker.is_some() {
                return q.speaker.clone();
            }
        }
        let s = self.toks[open].sent;
        let prev = self.sentence_toks.get(s.checked_sub(1)?)?;
        if prev.is_empty() || self.toks[prev.start].para + 1 < para {
            return None;
        }
        (prev.start..prev.end.min(prev.start + 3)).find_map(|i| {
            let m = &self.mentions[self.mention_at(i)?];
            (m.ty == EntityType::Person && !self.in_quote(m.range.start)).then(|| super::Speaker {
                range: m.range.clone(),
                entity: Some(m.entity),
            })
        })
    }
}
