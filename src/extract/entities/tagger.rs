//! Greedy left-to-right decoding over BIO tags: each token's tag is the best
//! scoring one given its features, the two previous tags and what the same
//! word was labelled earlier in the document (so a name's first, clear
//! mention informs its later ones). Transitions that make no entity
//! (`I-ORG` after `O`) are never chosen. Training runs the same loop and
//! updates the weights where the choice was wrong, so the model learns
//! from its own mistakes in context.

use super::features::{
    self, DocStats, T_HISTORY, T_TAG1, T_TAG1_SHAPE, T_TAG1_WORD, T_TAG2, Token,
};
use super::hash::{FxMap, mix};
use super::model::Weights;

/// Number of tags: O, then B and I of each type.
pub(crate) const NT: usize = 9;

/// Entity types the recognizer knows, in tag order.
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Type indices of [`TYPES`], for the repairs that read and change spans.
pub(crate) const PER: usize = 0;
pub(crate) const ORG: usize = 1;
pub(crate) const LOC: usize = 2;
pub(crate) const MISC: usize = 3;

/// Tag id of `B-type` (type index 0..4).
pub(crate) fn begin(ty: usize) -> u8 {
    (1 + 2 * ty) as u8
}

/// Tag id of `I-type`.
pub(crate) fn inside(ty: usize) -> u8 {
    (2 + 2 * ty) as u8
}

/// Tags the tokens `a..b` of `tags` as one name of type `ty`: every
/// repair that makes or retypes a name writes it so.
pub(crate) fn mark(tags: &mut [u8], a: usize, b: usize, ty: usize) {
    if let Some(first) = tags.get_mut(a) {
        *first = begin(ty);
    }
    for t in tags.iter_mut().take(b).skip(a + 1) {
        *t = inside(ty);
    }
}

/// Type index of a tag (`None` for O).
pub(crate) fn type_of(tag: u8) -> Option<usize> {
    (tag > 0).then(|| usize::from(tag - 1) / 2)
}

/// Whether a tag continues an entity.
pub(crate) fn is_inside(tag: u8) -> bool {
    tag > 0 && tag.is_multiple_of(2)
}

/// The tag's IOB2 label.
pub(crate) fn label(tag: u8) -> String {
    match type_of(tag) {
        None => "O".to_string(),
        Some(t) => format!("{}-{}", if is_inside(tag) { "I" } else { "B" }, TYPES[t]),
    }
}

/// Whether `tag` may follow `prev`.
#[inline]
pub(crate) fn allowed(prev: u8, tag: u8) -> bool {
    !is_inside(tag) || (prev != 0 && type_of(prev) == type_of(tag))
}

/// Per-document decoding state: what capitalized words were labelled so far.
#[derive(Default, Clone)]
pub(crate) struct History(FxMap<u64, u8>);

/// Tags one sentence. With `gold`, also learns: wherever the chosen tag is
/// wrong, the weights move toward the right one (unless the right one is an
/// `I-` the decoder's own previous tag rules out).
pub(crate) fn tag_sentence<W: Weights>(
    w: &mut W,
    s: &[Token],
    doc: &DocStats,
    history: &mut History,
    gold: Option<&[u8]>,
    buf: &mut Vec<u32>,
) -> Vec<u8> {
    let headline = features::headline(s);
    let mut tags = Vec::with_capacity(s.len());
    let (mut p1, mut p2) = (0u8, 0u8);
    for i in 0..s.len() {
        buf.clear();
        features::token_features(s, i, headline, doc, buf);
        let t = &s[i];
        buf.push(features::row(mix(T_TAG1, u64::from(p1))));
        buf.push(features::row(mix(
            mix(T_TAG2, u64::from(p1)),
            u64::from(p2),
        )));
        buf.push(features::row(mix(
            mix(T_TAG1_SHAPE, u64::from(p1)),
            t.short_shape_h,
        )));
        buf.push(features::row(mix(
            mix(T_TAG1_WORD, u64::from(p1)),
            t.lower_h,
        )));
        if t.class.is_capital() {
            let h = history.0.get(&t.lower_h).copied().unwrap_or(255);
            buf.push(features::row(mix(
                mix(T_HISTORY, u64::from(h)),
                t.class as u64 | (u64::from(headline) << 8),
            )));
        }
        let mut scores = [0f32; NT];
        w.add(buf, &mut scores);
        let mut best = 0u8;
        let mut best_score = f32::NEG_INFINITY;
        for (tag, &sc) in scores.iter().enumerate() {
            let tag = tag as u8;
            if allowed(p1, tag) && sc > best_score {
                best = tag;
                best_score = sc;
            }
        }
        if let Some(g) = gold {
            let want = g.get(i).copied().unwrap_or(0);
            // A gold `I-` the decoder cannot reach from where it stands
            // teaches nothing: learning `B-` there would teach fragments.
            if want != best && allowed(p1, want) {
                w.update(buf, usize::from(want), usize::from(best));
            }
        }
        if t.class.is_capital() {
            history
                .0
                .insert(t.lower_h, type_of(best).map_or(0, |x| x as u8 + 1));
        }
        tags.push(best);
        p2 = p1;
        p1 = best;
    }
    tags
}

/// Entity spans `(start, end, type)` in token indices of a BIO sequence.
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        match type_of(tag) {
            Some(ty) if is_inside(tag) && open.is_some_and(|(_, t)| t == ty) => {}
            Some(ty) => {
                if let Some((s, t)) = open.take() {
                    out.push((s, i, t));
                }
                open = Some((i, ty));
            }
            None => {
                if let Some((s, t)) = open.take() {
                    out.push((s, i, t));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_ids_and_labels() {
        assert_eq!(label(0), "O");
        assert_eq!(label(begin(0)), "B-PER");
        assert_eq!(label(inside(3)), "I-MISC");
        assert!(allowed(begin(1), inside(1)));
        assert!(!allowed(0, inside(1)));
        assert!(!allowed(begin(0), inside(1)));
        assert!(allowed(inside(2), begin(2)));
    }

    #[test]
    fn spans_of_bio() {
        let tags = [begin(0), inside(0), 0, begin(2), begin(2), inside(3)];
        assert_eq!(spans(&tags), [(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 3)]);
    }
}
