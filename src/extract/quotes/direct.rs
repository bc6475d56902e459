//! Direct quotes: quoted spans that are quotes (see `filter`), each with
//! the attribution after or before it. A quote split by its attribution
//! (`“…,” she said. “…”`) is one quote in pieces; a quote with no cue
//! keeps the speaker of the quote just before it, in the same or the
//! previous paragraph, or the person the sentence before starts with.

use std::ops::Range;

use super::attribution::Attribution;
use super::cues::CueClass;
use super::filter::Verdict;
use super::marks::Quoted;
use super::{Context, Quote, QuoteKind};
use crate::extract::entities::EntityType;

/// Most tokens an attribution between two pieces of a quote runs on for.
const MAX_ATTRIBUTION: usize = 40;

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

/// The direct quotes of the body (with the mixed quotes cues take), and
/// every quoted fragment.
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
    let mut mixed = Vec::new();
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
            // The attribution may be a sentence of its own when the quote
            // ends its sentence (`“…?” she asked.`).
            let limit = match cx.toks.get(close + 1) {
                Some(t) if t.para == cx.toks[*close].para => cx.sentence_end(close + 1),
                _ => cx.sentence_end(*close),
            }
            .min(next_open);
            cx.after(close + 1, limit)
        } else {
            None
        };
        let floor = cx.sentence_start(*open).max(prev_close);
        let before = cx.before(*open, floor);
        let f = Found {
            pieces: pieces.clone(),
            open: *open,
            close: *close,
            after,
            before,
        };
        // A quote split by its attribution continues the quote before it.
        if let Some(prev) = found.last_mut()
            && continues(cx, prev, &f)
        {
            prev.pieces.extend(f.pieces);
            prev.close = f.close;
            continue;
        }
        if *verdict == Verdict::Fragment {
            // Taken by its cue or not, a fragment leaves the paraphrase
            // around it to the indirect rules.
            fragments.push(Fragment {
                range: pieces[0].start..pieces[pieces.len() - 1].end,
            });
            if let Some(q) = cx.fragment(&f) {
                mixed.push(q);
            }
            continue;
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
    out.extend(mixed);
    (out, fragments)
}

/// Whether quote `next`, with no attribution of its own, goes on with
/// `prev`: it opens right after `prev`'s attribution, in the same sentence
/// after a comma or at the start of the next sentence of the paragraph.
fn continues(cx: &Context<'_>, prev: &Found, next: &Found) -> bool {
    let Some(a) = &prev.after else {
        return false;
    };
    let own = next.after.is_some()
        || next
            .before
            .as_ref()
            .is_some_and(|b| b.cue.toks != a.cue.toks);
    if own {
        return false;
    }
    if cx.toks[a.end.min(cx.toks.len() - 1)].para != cx.toks[next.open].para {
        return false;
    }
    // The words between are the attribution's own ("said Jane Roe, an
    // economist at the bank."), to the end of its sentence or a comma.
    let sentence = cx.toks[a.cue.toks.start].sent;
    let gap = a.end..next.open;
    gap.len() <= MAX_ATTRIBUTION
        && gap.clone().all(|i| !cx.is_mark(i))
        && (gap.clone().all(|i| !cx.is_word(i))
            || gap.clone().all(|i| cx.toks[i].sent == sentence)
                && next
                    .open
                    .checked_sub(1)
                    .is_some_and(|p| matches!(cx.word_at(p), "." | "," | ":" | ";" | "!" | "?")))
}

/// The index of the last token ending at or before byte `end`.
fn last_token_before(cx: &Context<'_>, end: usize) -> usize {
    cx.toks
        .partition_point(|t| t.range.end <= end)
        .saturating_sub(1)
}

impl Context<'_> {
    /// A quoted fragment its cue attributes, as the paraphrase holding it:
    /// `called the deal “a disaster”` from the cue's object to the closing
    /// mark; `the plan was “dead on arrival,” she said` from the start of
    /// the clause.
    fn fragment(&self, f: &Found) -> Option<Quote> {
        let end = self.toks[f.close].range.end;
        let (a, start) = match (&f.after, &f.before) {
            (Some(a), _) => {
                let s = self.sentence_start(f.open);
                let from = (s..f.open)
                    .rev()
                    .find(|&i| self.is_mark(i) || matches!(self.word_at(i), ";" | ":"))
                    .map_or(s, |i| i + 1);
                (a, from)
            }
            (None, Some(b)) if b.cue.word.class == CueClass::Naming => (b, b.cue.toks.end),
            _ => return None,
        };
        let start = self.toks.get(start)?.range.start;
        Some(Quote {
            kind: QuoteKind::Mixed,
            pieces: std::iter::once(start..end).collect(),
            speaker: a.speaker.clone(),
            cue: Some(self.cue(&a.cue)),
        })
    }

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
