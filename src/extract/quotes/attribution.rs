//! The cue and speaker of a span: after it (`“…,” she said`, `“…,” said
//! the minister`), or before it (`The minister said: “…”`, `According to
//! the ministry, …`, `…, saying “…”`). Each search reads a bounded window
//! of the sentence.

use std::ops::Range;

use super::cues::{self, CueClass, CueWord};
use super::speaker::Speaker;
use super::words::{BETWEEN, DATA_NOUNS, is_in};
use super::{Context, Cue};
use crate::extract::entities::EntityType;

/// Pronouns that are subjects.
const SUBJECT_PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "he", "she", "it", "who", "that", "which",
];

/// Most tokens between a span and its attribution's cue.
const REACH: usize = 12;
/// Most tokens between a quote and the cue after it when an appositive
/// names the speaker at length.
const APPOSITIVE_REACH: usize = 30;

/// Most auxiliaries and adverbs a cue takes before its verb.
const MAX_CUE_LEAD: usize = 3;
/// The adjunct a speech cue takes after its verb ("said in a statement"):
/// PolNeAR's train split marks it as part of the cue in most cases.
const STATEMENT: [&str; 3] = ["in", "a", "statement"];
/// Most tokens of an adjunct between a cue and its quote ("said on Monday
/// in Tel Aviv, “…”").
const ADJUNCT_REACH: usize = 8;

/// Most tokens from a sentence's subject to its verb across an appositive.
const MAX_DISTANT: usize = 40;
/// Longest subject read without a phrase rule, in tokens.
const MAX_LOOSE_SUBJECT: usize = 9;
/// Words that cannot be inside a subject: they start a clause or are verbs.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "if", "is", "was", "are",
    "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might",
    "must", "do", "does", "did", "be", "been", "being", "not", "than", "but", "as", "to",
];

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

/// Words after "added" that open an amount gained rather than words said
/// ("added nine points", "added another goal").
const ADDED_AMOUNTS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "another", "nearly", "almost", "about", "around", "roughly",
];

impl Context<'_> {
    /// The cue at token `i`: a reporting verb read as a verb (lowercase
    /// unless it starts the sentence, not after a determiner), with its
    /// particle when it needs one.
    pub(crate) fn cue_at(&self, i: usize) -> Option<CueAt> {
        self.cue_at_in(i, false)
    }

    /// The cue at token `i`; in a verb's slot (`“…,” the suit reads.`) a
    /// word that is also a noun is read as the verb.
    fn cue_at_in(&self, i: usize, verb_slot: bool) -> Option<CueAt> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        let w = super::tokens::text(self.body, t);
        let word = cues::lookup(w)?;
        // A capital is allowed where a sentence or quoted text starts.
        let first = i == 0
            || self.toks[i - 1].sent != t.sent
            || self.is_mark(i - 1)
            || self.word_at(i - 1) == ":";
        if !self.lowercase(i) && !first {
            return None;
        }
        if i > 0 && self.determiner(i - 1) {
            return None;
        }
        // "added 18 points", "added 2%", "added another goal": a figure
        // gained, not words said.
        if word.lemma == "add"
            && self
                .toks
                .get(i + 1)
                .filter(|n| n.sent == t.sent)
                .is_some_and(|n| {
                    let next = super::tokens::text(self.body, n);
                    next.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
                        || is_in(next, ADDED_AMOUNTS)
                })
        {
            return None;
        }
        // After a number or a unit a word that is also a noun is the noun
        // ("0.27 percentage points to 5.8%", "three reports").
        if (word.noun_like || word.needs_particle)
            && !first
            && self.toks[i - 1].sent == t.sent
            && (self
                .word_at(i - 1)
                .starts_with(|c: char| c.is_ascii_digit())
                || is_in(self.word_at(i - 1), &["percentage", "basis"]))
        {
            return None;
        }
        // The verb slot reads speech only (`“…,” the notice reads`).
        let verb_slot = verb_slot && word.class == CueClass::Speech;
        // After a record or a poll a finding is a verb ("polls show").
        let finding = !first
            && word.class != CueClass::Position
            && self.is_word(i - 1)
            && is_in(self.word_at(i - 1), DATA_NOUNS);
        if word.noun_like && !first && !verb_slot && !finding && !self.subject_slot(i - 1) {
            return None;
        }
        // Beyond speech, a word that is also a noun is a verb only after a
        // pronoun, an auxiliary or a person ("they suspect", not "four
        // Tajik suspects", "the City Hall attack").
        if word.noun_like && !first && !verb_slot && word.class != CueClass::Speech {
            let person = self
                .mention_at(i - 1)
                .is_some_and(|m| self.mentions[m].ty == EntityType::Person);
            let w = self.word_at(i - 1);
            if !person && !finding && !is_in(w, SUBJECT_PRONOUNS) && !is_in(w, BETWEEN) {
                return None;
            }
        }
        // With its particle it is a phrase ("pointed out", "called for").
        let next = self.toks.get(i + 1).filter(|n| n.sent == t.sent);
        if let Some(word) =
            next.and_then(|n| cues::with_particle(word, super::tokens::text(self.body, n)))
        {
            return Some(CueAt {
                toks: i..i + 2,
                word,
            });
        }
        (!word.needs_particle).then(|| CueAt {
            toks: i..i + 1,
            word,
        })
    }

    /// The record's cue for a found one.
    pub(crate) fn cue(&self, c: &CueAt) -> Cue {
        // The auxiliaries and adverbs before the verb belong to the cue
        // ("has also said"), and so does "in a statement" after it.
        let mut start = c.toks.start;
        while start > c.toks.start.saturating_sub(MAX_CUE_LEAD)
            && self.is_word(start - 1)
            && self.toks[start - 1].sent == self.toks[c.toks.start].sent
            && self.lowercase(start - 1)
            && is_in(self.word_at(start - 1), BETWEEN)
        {
            start -= 1;
        }
        let mut end = c.toks.end;
        let trail = (0..STATEMENT.len()).map(|k| self.word_at(end + k));
        if c.word.class == CueClass::Speech
            && STATEMENT
                .iter()
                .zip(trail)
                .all(|(w, t)| w.eq_ignore_ascii_case(t))
        {
            end += STATEMENT.len();
        }
        let range = self.toks[start].range.start..self.toks[end - 1].range.end;
        let lemma = if c.toks.len() > 1 {
            let particle = self.word_at(c.toks.start + 1).to_ascii_lowercase();
            format!("{} {particle}", c.word.lemma)
        } else {
            c.word.lemma.to_string()
        };
        Cue { range, lemma }
    }

    /// The speaker phrase after cue `c`, before token `limit`.
    fn speaker_after(&self, c: &CueAt, limit: usize) -> Option<Speaker> {
        let p = self.phrase_after(c.toks.end - 1, limit)?;
        self.resolve(&p)
    }

    /// The attribution right after a span ending before token `from`,
    /// not reaching token `limit` (the sentence's end or the next quote).
    pub(crate) fn after(&self, from: usize, limit: usize) -> Option<Attribution> {
        if let Some(a) = self.dash_after(from, limit) {
            return Some(a);
        }
        let mut j = from;
        while j < limit && matches!(self.word_at(j), "," | "—" | "–" | "-") {
            j += 1;
        }
        if j >= limit {
            return None;
        }
        // Inverted: "…,” said the minister.
        if let Some(c) = self.cue_at(j).filter(|c| c.word.class.quotes()) {
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
            if !self.is_word(k)
                && !possessive
                && !matches!(self.word_at(k), "," | "." | "(" | ")" | "-" | "&")
            {
                break;
            }
            // The word after a subject is a verb: "the suit reads".
            let verb_slot =
                matches!(self.word_at(k + 1), "." | "," | "" | ";" | "!" | "?") || k + 1 >= limit;
            let Some(c) = self
                .cue_at_in(k, verb_slot)
                .filter(|c| c.word.class.quotes())
            else {
                continue;
            };
            let subject = match self.subject_before(k, j) {
                Some(p) if p.start == j => p,
                // "this source told", "the former aide said"
                Some(p) if p.start == j + 1 && self.determiner(j) => j..p.end,
                // A long appositive: the speaker is the phrase the
                // attribution starts with.
                _ if (j..k).any(|i| self.word_at(i) == ",") => self
                    .phrase_from(j, k)
                    .filter(|p| self.word_at(p.end) == "," && self.names_someone(p))?,
                // "a narrator in the ad asks": a subject with a preposition.
                _ if self.loose_subject(j, k) => j..k,
                _ => return None,
            };
            let speaker = self.resolve(&subject);
            let end = self.clause_end(c.toks.end, limit);
            return Some(Attribution {
                cue: c,
                speaker,
                end,
            });
        }
        None
    }

    /// Whether tokens `[j, k)` can be a whole subject though no phrase
    /// rule reads them: a few words starting with a determiner or a
    /// capital, joined by prepositions or "and", holding no verb or clause
    /// word ("a narrator in the Clinton ad", "the Florida senator and
    /// presidential candidate").
    fn loose_subject(&self, j: usize, k: usize) -> bool {
        let capital = self
            .word_at(j)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let starts = self.determiner(j) || capital && self.is_word(j);
        starts
            && k - j <= MAX_LOOSE_SUBJECT
            && (j..k).all(|i| {
                let w = self.word_at(i);
                if !self.is_word(i) {
                    return matches!(w, "’s" | "'s" | "." | "(" | ")" | "&" | "-");
                }
                !(is_in(w, CLAUSE_WORDS) || self.lowercase(i) && super::cues::lookup(w).is_some())
            })
    }

    /// `“…” ― Jane Roe`: a dash after the quote and a name, to the end of
    /// the sentence or line: the dash is the cue.
    fn dash_after(&self, from: usize, limit: usize) -> Option<Attribution> {
        if from >= limit || !matches!(self.word_at(from), "―" | "—" | "–" | "-") {
            return None;
        }
        // The name follows the dash on the quote's line.
        let line_end = self.body[self.toks[from].range.end..]
            .find('\n')
            .map_or(self.body.len(), |n| self.toks[from].range.end + n);
        let mut stop = from + 1;
        while stop < limit && self.toks[stop].range.start < line_end {
            stop += 1;
        }
        let p = self.phrase_after(from, stop)?;
        let named = p.clone().any(|i| self.mention_at(i).is_some())
            || p.clone().all(|i| !self.is_word(i) || !self.lowercase(i));
        if !named || p.end < stop && !matches!(self.word_at(p.end), "," | "." | ";") {
            return None;
        }
        let speaker = self.resolve(&p);
        Some(Attribution {
            cue: CueAt {
                toks: from..from + 1,
                word: cues::DASH,
            },
            speaker,
            end: p.end,
        })
    }

    /// The attribution before a span starting at token `to`, not reaching
    /// before token `floor` (the sentence's start or the last quote).
    pub(crate) fn before(&self, to: usize, floor: usize) -> Option<Attribution> {
        let low = floor.max(to.saturating_sub(REACH));
        for k in (low..to).rev() {
            let Some(c) = self
                .cue_at(k)
                .filter(|c| c.word.class != CueClass::Position)
            else {
                continue;
            };
            let gap = to - c.toks.end;
            let ok = match c.word.class {
                CueClass::Naming => gap <= 4,
                CueClass::Addressed => gap <= 6,
                _ => {
                    gap <= 2
                        || self.word_at(to - 1) == ":"
                        || c.word.lemma == "according"
                        || self.adjunct_between(c.toks.end, to)
                        || self.adjunct_then_that(c.toks.end, to)
                }
            };
            if !ok {
                return None;
            }
            let speaker = if c.word.lemma == "according" {
                self.speaker_after(&c, to)
            } else if c.word.nonfinite {
                // "X said, adding, “…”": the subject of the verb before;
                // "…, saying “…”": the sentence's subject.
                self.earlier_cue_subject(floor, k)
                    .or_else(|| self.sentence_subject(floor.min(k), k))
            } else {
                // "He went on to say, “…”": the sentence's subject.
                self.subject_before(k, floor)
                    .and_then(|p| self.resolve(&p))
                    .or_else(|| self.sentence_subject(floor.min(k), k))
            };
            return Some(Attribution {
                cue: c,
                speaker,
                end: to,
            });
        }
        self.colon_before(to, floor)
    }

    /// Whether the tokens `[from, to)` between a cue and its quote are an
    /// adjunct set off by a comma or colon ("said on Monday in Tel Aviv,").
    fn adjunct_between(&self, from: usize, to: usize) -> bool {
        to > from + 1
            && to - from <= ADJUNCT_REACH
            && matches!(self.word_at(to - 1), "," | ":")
            && (from..to - 1).all(|i| {
                self.is_word(i) && super::cues::lookup(self.word_at(i)).is_none()
                    || matches!(self.word_at(i), "." | "’s" | "'s")
            })
    }

    /// Whether the tokens `[from, to)` between a cue and its quote are an
    /// adjunct, "that" and at most two words ("writing on Truth Social
    /// that the “…”", "said in a statement that “…”").
    fn adjunct_then_that(&self, from: usize, to: usize) -> bool {
        let Some(that) = (from..to).find(|&i| self.word_at(i).eq_ignore_ascii_case("that")) else {
            return false;
        };
        that > from
            && that - from <= ADJUNCT_REACH
            && to - (that + 1) <= 2
            && (from..to).all(|i| {
                self.is_word(i) && super::cues::lookup(self.word_at(i)).is_none()
                    || matches!(self.word_at(i), "." | "’s" | "'s")
            })
    }

    /// `Rep. Jane Roe (D-Ore.): “…”`, `More from the pollsters: “…”`: a
    /// name and a colon before the quote, at the start of its sentence or
    /// after "from"; the colon is the cue.
    fn colon_before(&self, to: usize, floor: usize) -> Option<Attribution> {
        let colon = to
            .checked_sub(1)
            .filter(|&c| c > floor && self.word_at(c) == ":")?;
        let p = self.subject_before(colon, floor)?;
        let at_start = p.start == floor.max(self.sentence_start(colon))
            || self
                .word_at(p.start.checked_sub(1)?)
                .eq_ignore_ascii_case("from");
        let named = p.clone().any(|i| {
            self.mention_at(i).is_some_and(|m| {
                matches!(
                    self.mentions[m].ty,
                    EntityType::Person | EntityType::Organization
                )
            })
        });
        if !at_start || !named {
            return None;
        }
        let speaker = self.resolve(&p);
        Some(Attribution {
            cue: CueAt {
                toks: colon..colon + 1,
                word: cues::COLON,
            },
            speaker,
            end: to,
        })
    }

    /// The subject of a cue at token `k` that no phrase next to it gives:
    /// after "and", the sentence's subject ("Smith thanked the crowd and
    /// said …"); after a comma, the phrase the sentence starts with, before
    /// a long appositive or relative clause ("Smith, who ran in 2012,
    /// said …").
    pub(crate) fn distant_subject(&self, floor: usize, k: usize) -> Option<Range<usize>> {
        let mut end = k;
        while end > floor && self.is_word(end - 1) && is_in(self.word_at(end - 1), BETWEEN) {
            end -= 1;
        }
        let before = self.word_at(end.checked_sub(1)?);
        let start = floor.max(self.sentence_start(k));
        if before.eq_ignore_ascii_case("and") || before.eq_ignore_ascii_case("but") {
            let first = (start..k.min(start + 8)).find(|&i| {
                self.mention_at(i).is_some()
                    || is_in(self.word_at(i), super::words::PERSON_PRONOUNS)
            })?;
            return self.name_from(first, k);
        }
        if !matches!(before, "," | "—" | "–" | "--") || end - start > MAX_DISTANT {
            return None;
        }
        let open =
            (start + 1..end - 1).find(|&i| matches!(self.word_at(i), "," | "—" | "–" | "--"))?;
        let p = self.phrase_ending(open, start)?;
        let names = p.clone().any(|i| self.mention_at(i).is_some())
            || p.len() == 1 && is_in(self.word_at(p.start), super::words::PERSON_PRONOUNS)
            || is_in(self.word_at(p.end - 1), super::words::PERSON_NOUNS);
        (p.start == start && names).then_some(p)
    }

    /// The phrase naming someone at token `first`: the name itself when it
    /// is one, not the verb phrase after it.
    fn name_from(&self, first: usize, k: usize) -> Option<Range<usize>> {
        match self.mention_at(first) {
            Some(m) => {
                let end = (first..k)
                    .take_while(|&i| self.is_word(i) && self.mention_at(i) == Some(m))
                    .last()
                    .map_or(first + 1, |i| i + 1);
                Some(first..end)
            }
            None => self.phrase_from(first, k),
        }
    }

    /// The speaker of a participle cue at token `k` ("…, saying …").
    pub(crate) fn participle_subject(&self, floor: usize, k: usize) -> Option<Speaker> {
        self.earlier_cue_subject(floor, k)
            .or_else(|| self.sentence_subject(floor, k))
    }

    /// The subject of the finite cue before participle cue `k` in its
    /// sentence ("Smith said, adding, …").
    fn earlier_cue_subject(&self, floor: usize, k: usize) -> Option<Speaker> {
        let start = floor
            .max(self.sentence_start(k))
            .max(k.saturating_sub(REACH));
        let c = (start..k)
            .rev()
            .find_map(|i| self.cue_at(i).filter(|c| !c.word.nonfinite))?;
        let p = self.subject_before(c.toks.start, start)?;
        self.resolve(&p)
    }

    /// The subject at the start of the sentence holding token `k` (not
    /// before `floor`), for a participle cue late in it.
    pub(crate) fn sentence_subject(&self, floor: usize, k: usize) -> Option<Speaker> {
        let s = self.toks[k].sent;
        let start = self
            .sentence_toks
            .get(s)
            .map_or(floor, |r| r.start)
            .max(floor);
        // The first name or pronoun of the sentence ("And then Smith went
        // on the attack, saying …"), not an owner ("Russia’s defense
        // minister Jane Roe").
        let first = (start..k.min(start + 8)).find(|&i| {
            self.mention_at(i).is_some_and(|m| !self.owner(m))
                || is_in(self.word_at(i), super::words::PERSON_PRONOUNS)
        })?;
        let p = self.name_from(first, k)?;
        self.resolve(&p)
    }

    /// Whether mention `m` is written as a possessive ("Russia’s").
    fn owner(&self, m: usize) -> bool {
        let end = self.mentions[m].range.end;
        let t = self.toks.partition_point(|t| t.range.end < end);
        let w = self.word_at(t);
        w.ends_with("’s") || w.ends_with("'s") || matches!(self.word_at(t + 1), "’s" | "'s")
    }

    /// The phrase of speaker tokens starting at token `start`, before `limit`.
    fn phrase_from(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if is_in(self.word_at(start), super::words::PERSON_PRONOUNS) {
            return Some(start..start + 1);
        }
        self.phrase_at(start, limit)
            .or_else(|| (start < limit).then(|| start..start + 1))
    }

    /// Where an attribution's clause ends: its adjuncts ("said in a
    /// statement on Monday") run to a comma, a quote mark or `limit`.
    fn clause_end(&self, from: usize, limit: usize) -> usize {
        let mut k = from;
        while k < limit
            && (self.is_word(k) || matches!(self.word_at(k), "’s" | "'s" | "." if k + 1 < limit))
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
                EntityType::Person | EntityType::Organization
            )
        });
        // A possessive before it makes the cue word a noun ("Smith’s comments").
        let possessive = w.ends_with("’s") || w.ends_with("'s");
        self.is_word(i)
            && !possessive
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
