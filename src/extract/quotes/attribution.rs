//! The cue and speaker of a span: after it (`“…,” she said`, `“…,” said
//! the minister`), or before it (`The minister said: “…”`, `According to
//! the ministry, …`, `…, saying “…”`). Each search reads a bounded window
//! of the sentence.

use std::ops::Range;

use super::cues::{self, CueClass, CueWord};
use super::speaker::Speaker;
use super::words::is_in;
use super::{Context, Cue};

/// Pronouns that are subjects.
const SUBJECT_PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "he", "she", "it", "who", "that", "which",
];

/// Most tokens between a span and its attribution's cue.
const REACH: usize = 12;
/// Most tokens between a quote and the cue after it when an appositive
/// names the speaker at length.
const APPOSITIVE_REACH: usize = 30;

/// A cue found at a token range.
#[derive(Debug, Clone)]
pub(crate) struct CueAt {
    pub toks: Range<usize>,
    pub word: CueWord,
}

/// A cue with the speaker it names, when it names one.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub cue: CueAt,
    pub speaker: Option<Speaker>,
    /// Token index one past the attribution's last token.
    pub end: usize,
}

impl Context<'_> {
    /// The cue at token `i`: a reporting verb read as a verb (lowercase
    /// unless it starts the sentence, not after a determiner), with its
    /// particle when it needs one.
    pub(crate) fn cue_at(&self, i: usize) -> Option<CueAt> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        let w = super::tokens::text(self.body, t);
        let word = cues::lookup(w)?;
        let first = i == 0 || self.toks[i - 1].sent != t.sent || !self.toks[i - 1].word;
        if !self.lowercase(i) && !first {
            return None;
        }
        if i > 0 && self.determiner(i - 1) {
            return None;
        }
        if word.noun_like && !first && !self.subject_slot(i - 1) {
            return None;
        }
        match cues::particle(word.lemma) {
            Some(p) => {
                let next = self.toks.get(i + 1)?;
                (super::tokens::text(self.body, next).eq_ignore_ascii_case(p)).then(|| CueAt {
                    toks: i..i + 2,
                    word,
                })
            }
            None => Some(CueAt {
                toks: i..i + 1,
                word,
            }),
        }
    }

    /// The record's cue for a found one.
    pub(crate) fn cue(&self, c: &CueAt) -> Cue {
        let range = self.toks[c.toks.start].range.start..self.toks[c.toks.end - 1].range.end;
        let lemma = match cues::particle(c.word.lemma) {
            Some(p) => format!("{} {p}", c.word.lemma),
            None => c.word.lemma.to_string(),
        };
        Cue { range, lemma }
    }

    /// The speaker phrase after cue `c`, before token `limit`.
    fn speaker_after(&self, c: &CueAt, limit: usize) -> Option<Speaker> {
        let p = self.phrase_after(c.toks.end - 1, limit)?;
        Some(self.resolve(&p))
    }

    /// The attribution right after a span ending before token `from`,
    /// not reaching token `limit` (the sentence's end or the next quote).
    pub(crate) fn after(&self, from: usize, limit: usize) -> Option<Attribution> {
        let mut j = from;
        while j < limit && matches!(self.word_at(j), "," | "—" | "–" | "-") {
            j += 1;
        }
        if j >= limit {
            return None;
        }
        // Inverted: "…,” said the minister.
        if let Some(c) = self.cue_at(j).filter(|c| c.word.class != CueClass::Naming) {
            let speaker = self.speaker_after(&c, limit);
            let end = self.clause_end(c.toks.end, limit);
            return Some(Attribution {
                cue: c,
                speaker,
                end,
            });
        }
        // "…,” Smith said; "…,” Jane Roe, an economist at the bank, said.
        for k in j + 1..limit.min(j + APPOSITIVE_REACH) {
            let possessive =
                matches!(self.word_at(k), "’" | "'") && self.word_at(k - 1).ends_with(['s', 'S']);
            if !self.toks[k].word
                && !possessive
                && !matches!(self.word_at(k), "," | "." | "(" | ")" | "-")
            {
                break;
            }
            let Some(c) = self.cue_at(k).filter(|c| c.word.class != CueClass::Naming) else {
                continue;
            };
            let subject = match self.subject_before(k, j) {
                Some(p) if p.start == j => p,
                // A long appositive: the speaker is the phrase the
                // attribution starts with.
                _ if (j..k).any(|i| self.word_at(i) == ",") => self.phrase_from(j, k)?,
                _ => return None,
            };
            let speaker = Some(self.resolve(&subject));
            let end = self.clause_end(c.toks.end, limit);
            return Some(Attribution {
                cue: c,
                speaker,
                end,
            });
        }
        None
    }

    /// The attribution before a span starting at token `to`, not reaching
    /// before token `floor` (the sentence's start or the last quote).
    pub(crate) fn before(&self, to: usize, floor: usize) -> Option<Attribution> {
        let low = floor.max(to.saturating_sub(REACH));
        for k in (low..to).rev() {
            let Some(c) = self.cue_at(k) else {
                continue;
            };
            let gap = to - c.toks.end;
            let ok = match c.word.class {
                CueClass::Naming => gap <= 4,
                CueClass::Addressed => gap <= 6,
                _ => gap <= 2 || self.word_at(to - 1) == ":" || c.word.lemma == "according",
            };
            if !ok {
                return None;
            }
            let speaker = if c.word.lemma == "according" {
                self.speaker_after(&c, to)
            } else if c.word.nonfinite {
                // "…, saying “…”": the sentence's subject speaks.
                self.sentence_subject(floor.min(k), k)
            } else {
                // "He went on to say, “…”": the sentence's subject.
                self.subject_before(k, floor)
                    .map(|p| self.resolve(&p))
                    .or_else(|| self.sentence_subject(floor.min(k), k))
            };
            return Some(Attribution {
                cue: c,
                speaker,
                end: to,
            });
        }
        None
    }

    /// The subject at the start of the sentence holding token `k` (not
    /// before `floor`), for a participle cue late in it.
    fn sentence_subject(&self, floor: usize, k: usize) -> Option<Speaker> {
        let s = self.toks[k].sent;
        let start = self
            .sentence_toks
            .get(s)
            .map_or(floor, |r| r.start)
            .max(floor);
        // The first name or pronoun of the sentence ("And then Smith went
        // on the attack, saying …").
        let first = (start..k.min(start + 8)).find(|&i| {
            self.mention_at(i).is_some() || is_in(self.word_at(i), super::words::PERSON_PRONOUNS)
        })?;
        let p = self.phrase_from(first, k)?;
        Some(self.resolve(&p))
    }

    /// The phrase of speaker tokens starting at token `start`, before `limit`.
    fn phrase_from(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if is_in(self.word_at(start), super::words::PERSON_PRONOUNS) {
            return Some(start..start + 1);
        }
        self.phrase_after(start.checked_sub(1)?, limit)
            .or_else(|| (start < limit).then(|| start..start + 1))
    }

    /// Where an attribution's clause ends: its adjuncts ("said in a
    /// statement on Monday") run to a comma, a quote mark or `limit`.
    fn clause_end(&self, from: usize, limit: usize) -> usize {
        let mut k = from;
        while k < limit
            && (self.toks[k].word || matches!(self.word_at(k), "’s" | "'s" | "." if k + 1 < limit))
        {
            k += 1;
        }
        k
    }

    /// Whether token `i` can end a verb's subject: a name, a pronoun, an
    /// auxiliary or adverb, a plural noun in lowercase ("polls show").
    fn subject_slot(&self, i: usize) -> bool {
        let w = self.word_at(i);
        let named = self.mention_at(i).is_some_and(|m| {
            matches!(
                self.mentions[m].ty,
                crate::extract::entities::EntityType::Person
                    | crate::extract::entities::EntityType::Organization
            )
        });
        self.toks[i].word
            && (named
                || is_in(w, SUBJECT_PRONOUNS)
                || is_in(w, super::words::BETWEEN)
                || self.lowercase(i) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    }

    /// The text of token `i` ("" past the end).
    pub(crate) fn word_at(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| super::tokens::text(self.body, t))
    }
}
