//! Who speaks: the noun phrase next to a cue, and what it refers to. A
//! phrase holding a name is that name's entity; a pronoun ("he", "she")
//! is the nearest person named before and outside quotation marks (a
//! person the article writes "Mr." or "Ms." agrees in gender); a
//! description ("the president", "the company") is the nearest entity of
//! its kind named before, one whose title or name holds the description's
//! noun first; a spokesperson ("a spokeswoman for the ministry") speaks for
//! the organization the phrase names, and an office or campaign ("Keller's
//! office") the name that owns it. Other phrases ("officials", "a
//! source") are kept as written, with no entity.

use std::ops::Range;

use super::Context;
use super::cues;
use super::tokens::text;
use super::words::{
    ABBREVIATIONS, BETWEEN, DATA_NOUNS, DETERMINERS, ORG_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS,
    PHRASE_BREAKS, SPOKES_NOUNS, THING_PRONOUNS, is_in,
};
use crate::extract::entities::EntityType;

/// Pronouns that are a verb's whole subject.
const SUBJECT_WORDS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Relative pronouns: the subject of "who said", the phrase before them.
const RELATIVES: &[&str] = &["who", "which"];

/// Longest speaker phrase read, in tokens.
const MAX_PHRASE: usize = 10;
/// Longest parenthesis inside a speaker phrase, in tokens ("(R-Fla.)").
const PARENTHESIS: usize = 8;
/// Prepositions whose phrase belongs to the noun before them ("residents
/// with Russian citizenship", "a narrator in the ad").
const NOUN_PREPOSITIONS: &[&str] = &["with", "in", "of", "from", "at", "for", "on"];

/// Plural nouns for people that speak ("said voters").
const PEOPLE: &[&str] = &[
    "people",
    "voter",
    "resident",
    "source",
    "critic",
    "supporter",
    "observer",
    "witness",
    "member",
    "other",
    "participant",
    "protester",
    "activist",
    "worker",
    "student",
    "parent",
    "delegate",
    "insider",
    "strategist",
    "operative",
    "organizer",
    "attendee",
    "person",
];

/// Bodies that speak for the name owning them ("Keller's office", "the
/// senator's campaign", "Russia's foreign ministry"); not what a name
/// merely owns ("Keller's new company").
const VOICES: &[&str] = &[
    "office",
    "campaign",
    "team",
    "camp",
    "service",
    "ministry",
    "department",
    "embassy",
    "administration",
    "government",
    "press",
];

/// Endings of abstract nouns ("citizenship", "decision", "agreement").
const ABSTRACT_ENDINGS: &[&str] = &["ship", "tion", "sion", "ment", "ness", "ity", "ism"];

/// Nouns with those endings that name people or bodies who speak.
const SPEAKING_BODIES: &[&str] = &[
    "leadership",
    "partnership",
    "membership",
    "delegation",
    "opposition",
    "nation",
    "parliament",
    "establishment",
    "management",
    "majority",
    "minority",
    "community",
    "city",
    "municipality",
    "electorate",
    "congregation",
    "population",
    "generation",
    "ministry",
    "authority",
    "presidency",
    "publication",
    "station",
    "institution",
    "charity",
    "constituency",
];

/// Whether a lowercase head noun names a thing or an idea, not someone
/// who can speak: an abstract noun that is not an organization's.
fn names_a_thing(head: &str) -> bool {
    let w = head.to_ascii_lowercase();
    let stem = w.strip_suffix('s').unwrap_or(&w);
    ABSTRACT_ENDINGS.iter().any(|e| stem.ends_with(e))
        && !is_in(stem, SPEAKING_BODIES)
        && !is_in(stem, ORG_NOUNS)
        && !is_in(stem, PERSON_NOUNS)
}

/// Whether noun `w` or its singular is on one of `lists`.
fn on_lists(w: &str, lists: &[&[&str]]) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    lists
        .iter()
        .any(|list| is_in(w, list) || is_in(singular, list))
}

/// A speaker as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Speaker {
    /// Bytes of the words naming the speaker here (the name, pronoun or
    /// description).
    pub range: Range<usize>,
    /// Index of the article's entity it refers to, when known.
    pub entity: Option<usize>,
}

/// Token range `[a, b)` of a noun phrase.
type Phrase = Range<usize>;

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.word_at(i)
    }

    /// Whether token `i` exists and is a word (not a punctuation mark):
    /// every rule looks a few tokens ahead or behind, and an article may
    /// end anywhere.
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    /// Whether token `i` is a full stop belonging to an abbreviation or an
    /// initial before it ("Sen.", "James A. Baker").
    fn abbreviation_dot(&self, i: usize) -> bool {
        if self.word(i) != "." || i == 0 || !self.is_word(i - 1) {
            return false;
        }
        let before = self.word(i - 1);
        let initial = before.len() == 1 && before.chars().all(|c| c.is_ascii_uppercase());
        self.toks[i - 1].range.end == self.toks[i].range.start
            && (initial || is_in(before, ABBREVIATIONS))
    }

    /// Whether token `i` starts its sentence.
    fn sentence_first(&self, i: usize) -> bool {
        i == 0 || self.toks[i - 1].sent != self.toks[i].sent
    }

    /// Whether token `i` can be part of a speaker phrase.
    fn phrase_token(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.word {
            // Punctuation inside a name belongs to it ("NPR/PBS", "AT&T").
            return self.abbreviation_dot(i)
                || matches!(self.word(i), "’s" | "'s" | "&" | "%")
                || self.inside_mention(i);
        }
        let w = self.word(i);
        // A clause word or an adverb breaks the phrase; capitalized inside
        // a sentence it is a name ("Will", "May").
        let breaks = (is_in(w, PHRASE_BREAKS) || is_in(w, BETWEEN))
            && (self.lowercase(i) || self.sentence_first(i));
        // A lowercase cue word is a verb, unless a determiner makes it a
        // noun ("the report") or its particle is missing ("the fire
        // department").
        let verb = cues::lookup(w).is_some_and(|c| {
            !c.needs_particle
                || self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| cues::with_particle(c, text(self.body, n)).is_some())
        });
        !breaks && (!verb || !self.lowercase(i) || i > 0 && self.determiner(i - 1))
    }

    /// The token range of the parenthesis closing at token `close` (a
    /// party and state after a name: "(R-Fla.)"), when it is short.
    fn parenthesis_ending(&self, close: usize, floor: usize) -> Option<usize> {
        if self.word(close) != ")" {
            return None;
        }
        let open = (floor..close)
            .rev()
            .take(PARENTHESIS)
            .find(|&i| matches!(self.word(i), "(" | ")"))?;
        (self.word(open) == "(").then_some(open)
    }

    /// The token one past the parenthesis opening at token `open`, when it
    /// is short and closed before `limit`.
    fn parenthesis_from(&self, open: usize, limit: usize) -> Option<usize> {
        if self.word(open) != "(" {
            return None;
        }
        let close = (open + 1..limit)
            .take(PARENTHESIS)
            .find(|&i| matches!(self.word(i), "(" | ")"))?;
        (self.word(close) == ")").then_some(close + 1)
    }

    /// Whether token `i` starts with a lowercase letter.
    pub(crate) fn lowercase(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// The subject phrase ending just before token `cue` (after words such
    /// as "also", "has" and an appositive between commas), not reaching
    /// before token `floor`.
    pub(crate) fn subject_before(&self, cue: usize, floor: usize) -> Option<Phrase> {
        let mut end = cue;
        while end > floor && self.is_word(end - 1) && is_in(self.word(end - 1), BETWEEN) {
            end -= 1;
        }
        // A pronoun subject ("it said", "they argued", "who said").
        if end > floor && is_in(self.word(end - 1), SUBJECT_WORDS) {
            return Some(end - 1..end);
        }
        if end > floor && self.lowercase(end - 1) && is_in(self.word(end - 1), RELATIVES) {
            return Some(end - 1..end);
        }
        if end > floor && self.word(end - 1) == "," {
            // "Smith, the mayor, said": the name before the appositive.
            let close = end - 1;
            let open = (floor..close)
                .rev()
                .take(MAX_PHRASE + 1)
                .find(|&i| self.word(i) == ",")?;
            let appositive = self.phrase_ending(close, open + 1)?;
            return match self.phrase_ending(open, floor) {
                // "The Work and Pensions Secretary, Liz Kendall, said": a
                // title naming a body, then the person who holds it, all
                // that stands between the commas (not "Microsoft, led by
                // Satya Nadella, said").
                Some(p)
                    if appositive.start == open + 1
                        && !self.names_a_person(&p)
                        && self.is_a_person(&appositive) =>
                {
                    Some(appositive)
                }
                Some(p) if self.names_someone(&p) || !self.names_someone(&appositive) => Some(p),
                _ => Some(appositive),
            };
        }
        self.phrase_ending(end, floor)
            .map(|p| self.with_head_noun(p, floor))
    }

    /// Whether the phrase holds a person's name.
    fn names_a_person(&self, p: &Phrase) -> bool {
        p.clone().any(|i| {
            self.mention_at(i)
                .is_some_and(|m| self.mentions[m].ty == EntityType::Person)
        })
    }

    /// Whether the phrase is one person's name and nothing else.
    fn is_a_person(&self, p: &Phrase) -> bool {
        let Some(m) = self.mention_at(p.start) else {
            return false;
        };
        self.mentions[m].ty == EntityType::Person
            && p.clone().all(|i| self.mention_at(i) == Some(m))
    }

    /// Whether the phrase holds a name or is a pronoun.
    pub(crate) fn names_someone(&self, p: &Phrase) -> bool {
        p.clone().any(|i| self.mention_at(i).is_some())
            || p.len() == 1 && is_in(self.word(p.start), PERSON_PRONOUNS)
    }

    /// The name ending phrase `p` after a lowercase word that is not a
    /// title or a body ("possible help Vilnius" → "Vilnius", but
    /// not in "candidate Jane Roe"): a name that may open a relative
    /// clause whose object is that word.
    pub(crate) fn trailing_name(&self, p: &Phrase) -> Option<Phrase> {
        let m = self.mention_at(p.end - 1)?;
        let first = (p.start..p.end).find(|&i| self.mention_at(i) == Some(m))?;
        let before = first.checked_sub(1).filter(|&b| b >= p.start)?;
        let w = self.word(before);
        let titled = on_lists(w, &[PERSON_NOUNS, SPOKES_NOUNS, ORG_NOUNS, PEOPLE]);
        (self.is_word(before) && self.lowercase(before) && !titled && !self.determiner(before))
            .then_some(first..p.end)
    }

    /// Whether the phrase can be a speaker named after its cue ("said
    /// Jane Roe", "said officials", "said the company"): a name, a
    /// capitalized word, or a noun for people or a body.
    pub(crate) fn could_speak(&self, p: &Phrase) -> bool {
        let head = (p.start..p.end)
            .find(|&i| i > p.start && self.lowercase(i) && is_in(self.word(i), NOUN_PREPOSITIONS))
            .unwrap_or(p.end)
            - 1;
        self.names_someone(p)
            || p.clone().any(|i| self.is_word(i) && !self.lowercase(i))
            || on_lists(
                self.word(head),
                &[PERSON_NOUNS, ORG_NOUNS, SPOKES_NOUNS, PEOPLE, DATA_NOUNS],
            )
    }

    /// The longest phrase of speaker tokens ending at token `end`
    /// (exclusive), not before `floor`.
    pub(crate) fn phrase_ending(&self, end: usize, floor: usize) -> Option<Phrase> {
        let mut start = end;
        while start > floor && end - start < MAX_PHRASE {
            let i = start - 1;
            // A parenthesis after a name ("Rep. Jane Roe (D-Ore.)").
            if let Some(open) = self
                .parenthesis_ending(i, floor)
                .filter(|&o| o > floor && self.is_word(o - 1))
            {
                start = open;
                continue;
            }
            if !(self.phrase_token(i) || i > floor && self.joins_head(i)) {
                break;
            }
            start -= 1;
        }
        // A phrase starts with a word, not a stray full stop or possessive,
        // nor an adverb ("Even long-time residents").
        while start < end
            && (!self.is_word(start) || end - start > 1 && is_in(self.word(start), BETWEEN))
        {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// The subject phrase `p` with the noun its preposition follows
    /// ("residents" + "with Russian citizenship"), when one is there.
    fn with_head_noun(&self, p: Phrase, floor: usize) -> Phrase {
        let prep = match p.start.checked_sub(1) {
            Some(i) if i > floor && self.lowercase(i) && is_in(self.word(i), NOUN_PREPOSITIONS) => {
                i
            }
            _ => return p,
        };
        match self.phrase_ending(prep, floor) {
            Some(q) if self.is_word(prep - 1) && p.end - q.start <= MAX_PHRASE + 2 => {
                q.start..p.end
            }
            _ => p,
        }
    }

    /// The phrase after token `cue` ("said the minister", "according to
    /// officials"), up to a comma, a clause word or the limit.
    pub(crate) fn phrase_after(&self, cue: usize, limit: usize) -> Option<Phrase> {
        self.phrase_at(cue + 1, limit)
    }

    /// The phrase of speaker tokens starting at token `start`, up to a
    /// comma, a clause word or `limit`.
    pub(crate) fn phrase_at(&self, start: usize, limit: usize) -> Option<Phrase> {
        let mut end = start;
        while end < limit && end - start < MAX_PHRASE {
            if let Some(after) = self.parenthesis_from(end, limit).filter(|_| end > start) {
                end = after;
                continue;
            }
            if !self.phrase_token(end) {
                break;
            }
            // "a spokeswoman for the ministry": the organization belongs to
            // the phrase.
            end += 1;
            if end < limit && self.joins_head(end) {
                end += 1;
            }
        }
        (end > start).then_some(start..end)
    }

    /// Whether token `i` is a preposition joining a title or name before
    /// it to the phrase after ("a spokeswoman for the ministry", "the
    /// head of the agency", "Secretary of State").
    fn joins_head(&self, i: usize) -> bool {
        i > 0
            && is_in(self.word(i), &["for", "of", "at", "from"])
            && self.is_word(i - 1)
            && (is_in(self.word(i - 1), SPOKES_NOUNS)
                || is_in(self.word(i - 1), PERSON_NOUNS)
                || !self.lowercase(i - 1))
    }

    /// Whether token `i` lies strictly inside one entity mention, with
    /// the mention's words on both sides ("/" in "NPR/PBS").
    fn inside_mention(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.toks.len()
            && self.mention_at(i).is_some_and(|m| {
                self.mention_at(i - 1) == Some(m) && self.mention_at(i + 1) == Some(m)
            })
    }

    /// The entity mention covering token `i`, if any: (mention index).
    pub(crate) fn mention_at(&self, i: usize) -> Option<usize> {
        let at = self.toks[i].range.start;
        let k = self.mentions.partition_point(|m| m.range.start <= at);
        k.checked_sub(1)
            .filter(|&k| self.mentions[k].range.end > at)
    }

    /// What phrase `p` refers to, as a speaker.
    pub(crate) fn resolve(&self, p: &Phrase) -> Option<Speaker> {
        let whole = self.toks[p.start].range.start..self.toks[p.end - 1].range.end;
        // The head: the last word before a preposition's phrase or a
        // parenthesis ("Rep. Jane Roe (D-Ore.)").
        let head_end = (p.start..p.end)
            .find(|&i| {
                i > p.start
                    && (self.word(i) == "("
                        || self.lowercase(i) && is_in(self.word(i), NOUN_PREPOSITIONS))
            })
            .unwrap_or(p.end);
        let mut head = head_end - 1;
        while head > p.start && !self.is_word(head) {
            head -= 1;
        }
        let head_word = self.word(head);
        if self.mention_at(head).is_none() && self.lowercase(head) && names_a_thing(head_word) {
            // "Russian citizenship", "the decision": no one speaks.
            return None;
        }
        Some(self.resolve_head(p, whole, head, head_end))
    }

    /// What phrase `p` refers to, given its head word (token `head`, the
    /// head's phrase ending before token `head_end`).
    fn resolve_head(
        &self,
        p: &Phrase,
        whole: Range<usize>,
        head: usize,
        head_end: usize,
    ) -> Speaker {
        let head_word = self.word(head);
        if let Some(m) = self.mention_at(head) {
            let m = &self.mentions[m];
            return Speaker {
                range: m.range.clone(),
                entity: Some(m.entity),
            };
        }
        if is_in(head_word, SPOKES_NOUNS) {
            // The organization the phrase names, before or after the head.
            let org = (p.start..p.end).find_map(|i| {
                self.mention_at(i)
                    .map(|k| &self.mentions[k])
                    .filter(|m| m.ty == EntityType::Organization)
            });
            if let Some(m) = org {
                return Speaker {
                    range: m.range.clone(),
                    entity: Some(m.entity),
                };
            }
            if head_end < p.end {
                let tail = head_end + 1..p.end;
                if tail.start < tail.end
                    && let Some(inner) = self.resolve(&tail).filter(|s| s.entity.is_some())
                {
                    return inner;
                }
            }
        }
        if let Some(owner) = self.spoken_for(p, head) {
            return owner;
        }
        let at = whole.start;
        if p.len() == 1 && is_in(head_word, RELATIVES) {
            // "Smith, who said …": who is the name before.
            let before = (p.start.saturating_sub(3)..p.start)
                .rev()
                .find_map(|i| self.mention_at(i))
                .map(|m| self.mentions[m].entity);
            return Speaker {
                range: whole,
                entity: before,
            };
        }
        if p.len() == 1 && is_in(head_word, PERSON_PRONOUNS) {
            let female = head_word.eq_ignore_ascii_case("she");
            return Speaker {
                range: whole,
                entity: self.antecedent(at, EntityType::Person, None, Some(female)),
            };
        }
        if p.len() == 1 && is_in(head_word, THING_PRONOUNS) {
            return Speaker {
                range: whole,
                entity: self.antecedent(at, EntityType::Organization, None, None),
            };
        }
        let definite = is_in(self.word(p.start), &["the", "this"]) || p.len() == 1;
        if definite && head_end - p.start <= 4 {
            if is_in(head_word, PERSON_NOUNS) && !head_word.ends_with('s') {
                return Speaker {
                    range: whole,
                    entity: self.antecedent(at, EntityType::Person, Some(head_word), None),
                };
            }
            if is_in(head_word, ORG_NOUNS) && self.word(p.start).eq_ignore_ascii_case("the") {
                // "the company" is the organization named last; "the Tajik
                // interior ministry" only one whose name holds "ministry".
                let bare = head_end - p.start == 2;
                let entity = self
                    .antecedent(at, EntityType::Organization, Some(head_word), None)
                    .filter(|&e| bare || self.holds_noun(e, head_word));
                return Speaker {
                    range: whole,
                    entity,
                };
            }
        }
        // Otherwise a name inside the phrase, if it is the phrase's subject
        // ("Smith of Acme" → Smith); a description stays as written.
        if let Some(k) = (p.start..head_end).find_map(|i| self.mention_at(i)) {
            let m = &self.mentions[k];
            if is_in(head_word, ABBREVIATIONS) || self.toks[head].range.end <= m.range.end {
                return Speaker {
                    range: m.range.clone(),
                    entity: Some(m.entity),
                };
            }
        }
        Speaker {
            range: whole,
            entity: None,
        }
    }

    /// The owner of a body that speaks for it ("Keller's office",
    /// "NPR/PBS's news service", "the senator's campaign"): the name
    /// before the possessive, when the head is an organization's or a
    /// spokesperson's noun.
    fn spoken_for(&self, p: &Phrase, head: usize) -> Option<Speaker> {
        let head_word = self.word(head);
        if !(is_in(head_word, VOICES) || is_in(head_word, SPOKES_NOUNS)) {
            return None;
        }
        // The possessive is a token of its own or the end of the name's
        // last word ("Keller’s").
        let owner = (p.start..head).find_map(|i| {
            let w = self.word(i);
            if !(w.ends_with("’s") || w.ends_with("'s")) {
                return None;
            }
            let at = if matches!(w, "’s" | "'s") {
                i.checked_sub(1)?
            } else {
                i
            };
            self.mention_at(at)
        })?;
        let m = &self.mentions[owner];
        if m.ty == EntityType::Misc {
            return None;
        }
        Some(Speaker {
            range: m.range.clone(),
            entity: Some(m.entity),
        })
    }

    /// The entity of type `ty` mentioned last before byte `at`, outside
    /// quotation marks: first one whose title or name holds `noun`, then
    /// any (for a pronoun, one whose gender, when the article shows it,
    /// agrees).
    fn antecedent(
        &self,
        at: usize,
        ty: EntityType,
        noun: Option<&str>,
        female: Option<bool>,
    ) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.range.start < at);
        let before = self.mentions[..k]
            .iter()
            .rev()
            .filter(|m| m.ty == ty && !self.in_quote(m.range.start))
            .take(40);
        let mut fallback = None;
        let mut unknown = None;
        for m in before {
            if let Some(noun) = noun {
                if self.holds_noun(m.entity, noun) {
                    return Some(m.entity);
                }
                fallback.get_or_insert(m.entity);
                continue;
            }
            match (female, self.gender(m.entity)) {
                (Some(f), Some(g)) if f != g => continue,
                (Some(_), None) => {
                    // A person whose gender the article does not show is
                    // taken when no one before agrees.
                    unknown.get_or_insert(m.entity);
                    continue;
                }
                _ => return Some(m.entity),
            }
        }
        // A description with no entity holding its noun: the nearest one,
        // but only for a person described by a title-like noun.
        if ty == EntityType::Organization || noun.is_some_and(|n| !is_in(n, &["man", "woman"])) {
            return fallback;
        }
        unknown
    }

    /// Whether entity `entity`'s name or one of its titles holds `noun`.
    fn holds_noun(&self, entity: usize, noun: &str) -> bool {
        let e = &self.entities[entity];
        let holds = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        e.roles.iter().any(|r| holds(r)) || holds(&e.name)
    }

    /// The gender the article shows for a person: true for "Ms."/"Mrs.",
    /// false for "Mr.", from the titles written before the name.
    fn gender(&self, entity: usize) -> Option<bool> {
        let e = &self.entities[entity];
        e.roles.iter().find_map(|r| {
            let r = r.trim_end_matches('.').to_ascii_lowercase();
            match r.as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" => Some(false),
                "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(true),
                _ => None,
            }
        })
    }

    /// Whether byte `at` is inside a direct quote.
    pub(crate) fn in_quote(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|r| r.start <= at);
        k.checked_sub(1).is_some_and(|k| self.quoted[k].end > at)
    }

    /// Whether token `i` is a determiner.
    pub(crate) fn determiner(&self, i: usize) -> bool {
        self.is_word(i) && is_in(self.word(i), DETERMINERS)
    }
}
