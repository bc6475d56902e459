//! The Gender Gap Tracker's quote metric: each gold quote, in order, takes
//! the best still-unmatched prediction whose overlap |gold ∩ predicted| /
//! |gold| (in code points) exceeds the threshold; unmatched gold quotes are
//! misses, unmatched predictions false alarms. On the pairs matched at the
//! lower threshold, the speaker is right when its span overlaps the gold
//! Source or its name equals the Source's text, and the cue when it equals
//! the gold Cue (lowercase, surrounding punctuation and spaces aside);
//! each is counted over the pairs whose gold has a Source, a Cue.

use std::ops::Range;

use super::brat::Gold;

/// Overlap thresholds reported.
pub(crate) const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// A predicted quote, in code points.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Predicted {
    pub pieces: Vec<Range<usize>>,
    pub direct: bool,
    pub speaker: Option<(Range<usize>, String)>,
    pub cue: Option<String>,
}

/// Counts at one threshold, plus speaker and cue checks.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Counts {
    pub gold: usize,
    pub found: usize,
    pub matched: [usize; 2],
    /// Matched pairs (at 0.3) whose gold names a Source, and of them the
    /// ones whose speaker is right.
    pub with_source: usize,
    pub speaker_right: usize,
    pub with_cue: usize,
    pub cue_right: usize,
}

impl Counts {
    pub(crate) fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.found += o.found;
        for k in 0..2 {
            self.matched[k] += o.matched[k];
        }
        self.with_source += o.with_source;
        self.speaker_right += o.speaker_right;
        self.with_cue += o.with_cue;
        self.cue_right += o.cue_right;
    }

    pub(crate) fn precision(&self, k: usize) -> f64 {
        ratio(self.matched[k], self.found)
    }

    pub(crate) fn recall(&self, k: usize) -> f64 {
        ratio(self.matched[k], self.gold)
    }

    pub(crate) fn f1(&self, k: usize) -> f64 {
        let (p, r) = (self.precision(k), self.recall(k));
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// `a / b`, or 0 for an empty denominator.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Code points two fragment lists share.
fn shared(a: &[Range<usize>], b: &[Range<usize>]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            let (s, e) = (x.start.max(y.start), x.end.min(y.end));
            n += e.saturating_sub(s);
        }
    }
    n
}

fn size(a: &[Range<usize>]) -> usize {
    a.iter().map(|r| r.end.saturating_sub(r.start)).sum()
}

/// Lowercase, without surrounding punctuation and spaces.
fn norm(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Scores one article's predictions against its gold quotes; the pairs
/// matched at the lower threshold are returned as (gold, predicted) indices.
pub(crate) fn score(gold: &[&Gold], predicted: &[&Predicted]) -> (Counts, Vec<(usize, usize)>) {
    let mut c = Counts {
        gold: gold.len(),
        found: predicted.len(),
        ..Counts::default()
    };
    let mut pairs = Vec::new();
    for (k, &t) in THRESHOLDS.iter().enumerate() {
        let mut taken = vec![false; predicted.len()];
        for (gi, g) in gold.iter().enumerate() {
            let gsize = size(&g.content.fragments).max(1);
            let best = predicted
                .iter()
                .enumerate()
                .filter(|(pi, _)| !taken[*pi])
                .map(|(pi, p)| {
                    (
                        pi,
                        shared(&g.content.fragments, &p.pieces) as f64 / gsize as f64,
                    )
                })
                .filter(|(_, o)| *o > t)
                .fold(None::<(usize, f64)>, |acc, x| match acc {
                    Some(a) if a.1 >= x.1 => Some(a),
                    _ => Some(x),
                });
            if let Some((pi, _)) = best {
                taken[pi] = true;
                c.matched[k] += 1;
                if k == 0 {
                    pairs.push((gi, pi));
                }
            }
        }
    }
    for &(gi, pi) in &pairs {
        let (g, p) = (gold[gi], predicted[pi]);
        if let Some(src) = &g.source {
            c.with_source += 1;
            let right = p.speaker.as_ref().is_some_and(|(r, name)| {
                shared(&src.fragments, std::slice::from_ref(r)) > 0 || norm(name) == norm(&src.text)
            });
            c.speaker_right += usize::from(right);
        }
        if let Some(cue) = &g.cue {
            c.with_cue += 1;
            c.cue_right +=
                usize::from(p.cue.as_deref().is_some_and(|x| norm(x) == norm(&cue.text)));
        }
    }
    (c, pairs)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // spans of one fragment, as brat writes them
mod tests {
    use super::super::brat::Span;
    use super::*;

    fn gold(frags: Vec<Range<usize>>, source: Option<Range<usize>>, cue: &str) -> Gold {
        Gold {
            content: Span {
                fragments: frags,
                text: String::new(),
            },
            source: source.map(|r| Span {
                fragments: vec![r],
                text: "Smith".into(),
            }),
            cue: Some(Span {
                fragments: vec![0..0],
                text: cue.into(),
            }),
            direct: true,
        }
    }

    #[test]
    fn overlap_thresholds_and_one_to_one() {
        let g = [
            gold(vec![0..100], Some(110..115), "said"),
            gold(vec![200..210], None, "said:"),
        ];
        let p = [
            Predicted {
                pieces: vec![0..50],
                direct: true,
                speaker: Some((110..112, "x".into())),
                cue: Some("said".into()),
            },
            Predicted {
                pieces: vec![195..215],
                direct: true,
                speaker: None,
                cue: Some("Said".into()),
            },
            Predicted {
                pieces: vec![500..510],
                direct: true,
                speaker: None,
                cue: None,
            },
        ];
        let (c, pairs) = score(&g.iter().collect::<Vec<_>>(), &p.iter().collect::<Vec<_>>());
        // At 0.3 both gold quotes match; at 0.8 only the second (50% < 80%).
        assert_eq!(c.matched, [2, 1]);
        assert_eq!(pairs, [(0, 0), (1, 1)]);
        assert_eq!((c.gold, c.found), (2, 3));
        assert_eq!((c.with_source, c.speaker_right), (1, 1));
        assert_eq!((c.with_cue, c.cue_right), (2, 2));
        assert!((c.precision(0) - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall(1) - 0.5).abs() < 1e-12);
    }
}
