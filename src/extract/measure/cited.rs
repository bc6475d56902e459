//! Where a figure comes from, as its sentence says: "according to the
//! statistics office", "the agency estimates that …", "…, the bank says",
//! "said Jane Smith". The words naming the source are returned; the record names
//! the entity among them.

use std::ops::Range;

use super::lexicon::{CLAUSE, PRONOUNS, REPORTING};
use super::tokens::{Role, Token};

/// Longest source phrase read, in words.
const MAX_WORDS: usize = 7;

/// Words that end a source phrase besides punctuation.
fn ends_phrase(t: &Token) -> bool {
    matches!(t.role, Role::Punct | Role::Figure(_))
        || t.is_word()
            && (CLAUSE.contains(&t.lower.as_str()) && !matches!(t.lower.as_str(), "its" | "this")
                || REPORTING.contains(&t.lower.as_str()))
}

/// The source phrase of the figure at tokens `fig` (start index) of `toks`:
/// the reporting cue nearest the figure wins.
pub(crate) fn cited(toks: &[Token], fig: usize) -> Option<Range<usize>> {
    let mut best: Option<(usize, Range<usize>)> = None;
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() || !REPORTING.contains(&t.lower.as_str()) || noun_use(toks, i) {
            continue;
        }
        // "an estimated 1.2 million": a qualifier, not a source.
        if i + 1 < toks.len() && matches!(toks[i + 1].role, Role::Figure(_)) {
            continue;
        }
        let phrase = if t.lower == "according" {
            if toks.get(i + 1).is_some_and(|n| n.lower == "to") {
                after(toks, i + 2)
            } else {
                None
            }
        } else if toks
            .get(i + 1)
            .is_some_and(|n| n.is_word() && n.lower == "by")
        {
            // "as reported by the agency".
            after(toks, i + 2)
        } else {
            before(toks, i).or_else(|| after(toks, i + 1))
        };
        let Some(phrase) = phrase else {
            continue;
        };
        let distance = i.abs_diff(fig);
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, phrase));
        }
    }
    best.map(|(_, r)| r)
}

/// A reporting word used as a noun: after a determiner, a possessive or an
/// adjective of time ("the agency's latest report estimates").
fn noun_use(toks: &[Token], at: usize) -> bool {
    at > 0 && {
        let p = &toks[at - 1];
        p.lower.ends_with("'s")
            || p.is_word()
                && matches!(
                    p.lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "latest"
                        | "new"
                        | "annual"
                        | "recent"
                        | "official"
                        | "this"
                        | "last"
                )
    }
}

/// The phrase ending right before token `i` (the reporting verb's subject).
fn before(toks: &[Token], i: usize) -> Option<Range<usize>> {
    let mut start = i;
    while start > 0 && i - start < MAX_WORDS {
        let t = &toks[start - 1];
        if ends_phrase(t) && !(REPORTING.contains(&t.lower.as_str()) && noun_use(toks, start - 1)) {
            break;
        }
        start -= 1;
    }
    // "as previously said": an adverb is not a source.
    while start < i
        && toks[start].is_word()
        && toks[start].lower.ends_with("ly")
        && !toks[start].capital
    {
        start += 1;
    }
    phrase(toks, start, i)
}

/// The phrase starting at token `i` ("according to | the statistics office").
fn after(toks: &[Token], i: usize) -> Option<Range<usize>> {
    let mut end = i;
    while end < toks.len() && end - i < MAX_WORDS {
        let t = &toks[end];
        if ends_phrase(t) || t.is_word() && matches!(t.lower.as_str(), "in" | "on" | "for" | "to") {
            break;
        }
        end += 1;
    }
    phrase(toks, i, end)
}

/// Tokens `a..b` as a source: not empty, not a pronoun alone.
fn phrase(toks: &[Token], a: usize, b: usize) -> Option<Range<usize>> {
    let words = toks.get(a..b)?;
    let first = words.first()?;
    let last = words.last()?;
    if words.len() == 1 && PRONOUNS.contains(&first.lower.as_str()) {
        return None;
    }
    if !words.iter().any(|t| t.is_word() || t.role == Role::Name) {
        return None;
    }
    Some(first.range.start..last.range.end)
}
