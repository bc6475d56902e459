//! Indirect speech, one sentence at a time (of a sentence holding a direct
//! quote, only the question it answers and a participle after it):
//! `According to X, …`, `…, according to X` and `…, according to X, …`;
//! `…, X said.` and `…, said X.`; `X said (that) …`, `X told reporters
//! (that) …`, `X warned …`, `X vowed to …`, `X asked whether …`. The
//! content is the reported clause, as written; it is `mixed` when it holds
//! quoted words.

use std::ops::Range;

use super::attribution::{Attribution, CueAt};
use super::cues::CueClass;
use super::direct::Fragment;
use super::words::{BETWEEN, is_in};
use super::{Context, Quote, QuoteKind};

/// What "raise" puts forward when it states a stance ("raised concerns",
/// "raised the question of"), within [`RAISED_REACH`] words of it; a rate,
/// a price or money raised is no speech.
const RAISED_MATTERS: &[&str] = &[
    "concern",
    "concerns",
    "question",
    "questions",
    "doubt",
    "doubts",
    "fear",
    "fears",
    "objection",
    "objections",
    "alarm",
    "issue",
    "issues",
    "possibility",
    "prospect",
    "idea",
    "point",
    "worries",
    "criticism",
    "complaints",
    "suspicions",
    "hopes",
    "expectations",
];

/// Words after "raise" within which its matter must come ("raised serious
/// new concerns").
const RAISED_REACH: usize = 4;

/// Auxiliaries and modals between a subject and its verb.
const AUXILIARIES: &[&str] = &[
    "could", "would", "can", "will", "may", "might", "must", "should", "has", "have", "had", "did",
    "does", "do",
];

/// Fewest words a reported clause has.
const MIN_WORDS: usize = 3;
/// Fewest words of a content another cue of its speaker ends ("tweeted a
/// photograph and said …").
const MIN_SHARED_WORDS: usize = 2;
/// Most tokens of a trailing attribution (", the ministry said on Monday.").
const MAX_TAIL: usize = 14;

/// Days a cue's adjunct names ("said Monday", "said on Friday").
const WHEN: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Adverbs of time after a cue ("said yesterday").
const WHEN_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "recently",
    "earlier",
    "later",
];

/// Periods after "last" or "this" ("said last week").
const PERIODS: &[&str] = &[
    "week", "month", "year", "weekend", "spring", "summer", "fall",
];

/// What a cue's "in a …" adjunct names ("said in an interview").
const OCCASIONS: &[&str] = &[
    "statement",
    "interview",
    "email",
    "letter",
    "speech",
    "post",
    "tweet",
    "release",
    "memo",
    "op-ed",
    "video",
    "call",
];

/// Most tokens after the cue of an attribution between commas.
const MAX_PARENTHETICAL_TAIL: usize = 4;

/// Most tokens from a sentence's start to a colon that attributes it.
const MAX_COLON_LEAD: usize = 8;

/// Words that open a question put to someone ("asked whether …").
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "what", "how", "why", "when", "who", "where", "about", "which",
];

/// Words that open a reported clause.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "he", "she", "they", "we", "i", "it", "this", "there",
];

/// Speech verbs whose complement can be a question ("asked whether …").
const ASKING: &[&str] = &["ask", "wonder", "question"];

/// Speech and thought verbs whose complement can be an infinitive
/// ("vowed to stay", "hopes to win", "agreed to pay").
const TAKE_INFINITIVE: &[&str] = &[
    "promise",
    "vow",
    "pledge",
    "agree",
    "swear",
    "demand",
    "ask",
    "hope",
    "expect",
    "decide",
    "determine",
    "threaten",
];

/// Words before a stance's subject that show the subject starts a clause
/// (the sentence's start aside): conjunctions and adverbs.
const CLAUSE_LEADS: &[&str] = &[
    "and",
    "but",
    "or",
    "so",
    "yet",
    "because",
    "as",
    "while",
    "when",
    "if",
    "since",
    "although",
    "though",
    "after",
    "before",
    "until",
    "once",
    "then",
    "now",
    "that",
    "where",
    "whether",
    "however",
    "meanwhile",
    "instead",
    "also",
    "still",
    "even",
];

/// Object pronouns: the addressee of "told him".
const OBJECTS: &[&str] = &[
    "me",
    "him",
    "her",
    "us",
    "them",
    "you",
    "reporters",
    "journalists",
];

/// Words after a cue that start an adjunct, not the reported clause.
const ADJUNCT: &[&str] = &[
    "to",
    "for",
    "about",
    "of",
    "by",
    "in",
    "on",
    "with",
    "at",
    "up",
    "out",
    "from",
    "into",
    "over",
    "during",
    "after",
    "before",
    "while",
    "when",
    "as",
    "following",
    "amid",
    "despite",
    "against",
    "under",
    "through",
    "throughout",
    "without",
    "since",
    "until",
    "because",
    "so",
    "it",
    "nothing",
    "something",
    "anything",
    "this",
    "little",
    "much",
    "more",
    "less",
    "otherwise",
    "goodbye",
    "hello",
    "yes",
    "no",
    "and",
    "or",
    "but",
    "than",
    "how",
    "what",
    "why",
    "whether",
    "if",
];

/// Indirect and mixed quotes of the sentences no direct quote is in.
pub(crate) fn quotes(cx: &Context<'_>, fragments: &[Fragment]) -> Vec<Quote> {
    let mut out = Vec::new();
    let is_fragment = |start: usize| {
        let k = fragments.partition_point(|f| f.range.start < start);
        fragments.get(k).is_some_and(|f| f.range.start == start)
    };
    for s in 0..cx.sentence_toks.len() {
        let r = cx.sentence_toks[s].clone();
        if r.is_empty() {
            continue;
        }
        let (from, to) = (cx.toks[r.start].range.start, cx.toks[r.end - 1].range.end);
        // The quotes ending in the sentence or after it.
        let first = cx.quoted.partition_point(|q| q.end <= from);
        let last_direct = cx.quoted[first..]
            .iter()
            .take_while(|q| q.start < to)
            .filter(|q| !is_fragment(q.start))
            .last();
        if let Some(q) = last_direct {
            // "“…,” she said, adding that …": a participle after the
            // sentence's last quote reports more.
            for (content, a) in cx.beside_quotes(r.clone(), q.end) {
                if cx.apart(&content, &a) {
                    out.push(cx.paraphrase(content, &a, fragments));
                }
            }
            continue;
        }
        if cx.in_quote(from) {
            continue;
        }
        for (content, a) in cx.sentence_attributions(r.clone()) {
            if cx.apart(&content, &a) {
                out.push(cx.paraphrase(content, &a, fragments));
            }
        }
    }
    out
}

impl Context<'_> {
    /// Whether reported clause `content` (tokens) leaves out its own
    /// speaker, unless it holds the whole attribution as a parenthetical
    /// ("The bridge, Brooks said, will open"): a reading that takes the
    /// speaker into what was said and leaves the cue out ("Officials in
    /// Springfield, Massachusetts, and Hartford also reported …" read as
    /// "…, Massachusetts … reported") is wrong.
    fn apart(&self, content: &Range<usize>, a: &Attribution) -> bool {
        let Some(speaker) = &a.speaker else {
            return true;
        };
        if content.is_empty() {
            return false;
        }
        let bytes = self.toks[content.start].range.start..self.toks[content.end - 1].range.end;
        let speaker_in = speaker.range.start < bytes.end && bytes.start < speaker.range.end;
        let cue_in = a.cue.toks.start < content.end && content.start < a.cue.toks.end;
        !speaker_in || cue_in
    }

    /// The quote of reported clause `content` (tokens) attributed by `a`:
    /// `mixed` when it holds a quoted fragment.
    fn paraphrase(&self, content: Range<usize>, a: &Attribution, fragments: &[Fragment]) -> Quote {
        let bytes = self.toks[content.start].range.start..self.toks[content.end - 1].range.end;
        let k = fragments.partition_point(|f| f.range.start < bytes.start);
        let mixed = fragments.get(k).is_some_and(|f| f.range.end <= bytes.end);
        Quote {
            kind: if mixed {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            pieces: vec![bytes],
            speaker: a.speaker.clone(),
            cue: Some(self.cue(&a.cue)),
        }
    }

    /// The paraphrases beside the direct quotes of sentence `r`, whose last
    /// quote ends at byte `quote_end`: the question a quote answers
    /// ("Asked whether …, he said, “…”") and a participle after the last
    /// quote ("“…,” he said, citing …").
    fn beside_quotes(&self, r: Range<usize>, quote_end: usize) -> Vec<(Range<usize>, Attribution)> {
        let r = self.without_end_punctuation(r);
        let mut out = Vec::new();
        if let Some((q, a)) = self.question(r.clone()) {
            let bytes = self.toks[q.start].range.start..self.toks[q.end - 1].range.end;
            let k = self.quoted.partition_point(|x| x.end <= bytes.start);
            if self.quoted.get(k).is_none_or(|x| x.start >= bytes.end) {
                out.push((q, a));
            }
        }
        let from = self.toks.partition_point(|t| t.range.start < quote_end);
        if from + 1 < r.end
            && let Some(found) = self
                .participle(from..r.end, r.start)
                .filter(|(c, _)| self.words_in(c.clone()) >= MIN_WORDS)
        {
            out.push(found);
        }
        out
    }

    /// The reported clauses (token ranges) of sentence `r` and their
    /// attributions: the first one found, and a participle clause after
    /// its cue ("X criticized the plan, saying …"), which ends it.
    fn sentence_attributions(&self, r: Range<usize>) -> Vec<(Range<usize>, Attribution)> {
        let r = self.without_end_punctuation(r);
        // "Asked whether …, Smith said …": the question, then the answer.
        if let Some((q, a)) = self.question(r.clone()) {
            let rest = q.end + 1..r.end;
            let mut out = vec![(q, a)];
            if rest.len() > MIN_WORDS {
                out.extend(self.sentence_attributions(rest));
            }
            return out;
        }
        let Some((content, a)) = self.sentence_attribution(r.clone()) else {
            return Vec::new();
        };
        // "X said A, and Y said B": the second attribution ends the first.
        let conjunction = (content.start + 1..content.end).find(|&i| {
            is_in(self.word_at(i), &["and", "but", "while", "whereas"])
                && matches!(self.word_at(i - 1), "," | ";")
                && i > a.cue.toks.end
        });
        if let Some(i) = conjunction
            && let Some((c2, a2)) = self.leading(i + 1..r.end)
            && self.words_in(c2.clone()) >= MIN_WORDS
            && self.words_in(content.start..i - 1) >= MIN_WORDS
        {
            return vec![(content.start..i - 1, a), (c2, a2)];
        }
        // "X tweeted a photograph and said …": a second cue of the same
        // subject ends the first content.
        if let Some((end, cue, c2)) = self.shared_subject_cue(&content, &a)
            && self.words_in(content.start..end) >= MIN_SHARED_WORDS
            && self.words_in(c2.clone()) >= MIN_WORDS
        {
            let a2 = Attribution {
                cue,
                speaker: a.speaker.clone(),
                end: c2.start,
            };
            return vec![(content.start..end, a), (c2, a2)];
        }
        let from = a.cue.toks.end.max(content.start);
        let second = self
            .participle(from..r.end, r.start)
            .filter(|(c, _)| self.words_in(c.clone()) >= MIN_WORDS);
        match second {
            Some((c2, a2)) if a2.cue.toks.start > content.end => vec![(content, a), (c2, a2)],
            Some((c2, a2))
                if a2.cue.toks.start > content.start
                    && self.words_in(content.start..a2.cue.toks.start - 1) >= MIN_WORDS =>
            {
                vec![(content.start..a2.cue.toks.start - 1, a), (c2, a2)]
            }
            _ => vec![(content, a)],
        }
    }

    /// In `content`, reported after `a`'s cue, "and" or "but" and a
    /// speech cue whose subject is `a`'s ("… and said …", "…, but added
    /// …"): where the first content ends, the cue, and its content.
    fn shared_subject_cue(
        &self,
        content: &Range<usize>,
        a: &Attribution,
    ) -> Option<(usize, CueAt, Range<usize>)> {
        let from = (content.start + 1).max(a.cue.toks.end + 1);
        (from..content.end).find_map(|i| {
            if !is_in(self.word_at(i), &["and", "but"]) {
                return None;
            }
            let mut k = i + 1;
            while k < content.end && self.lowercase(k) && is_in(self.word_at(k), BETWEEN) {
                k += 1;
            }
            let c = self.cue_at(k).filter(|c| {
                !c.word.nonfinite
                    && c.word.lemma != "according"
                    && matches!(c.word.class, CueClass::Speech | CueClass::Addressed)
            })?;
            let start = self.clause_start(&c, content.end)?;
            let end = if matches!(self.word_at(i - 1), "," | ";") {
                i - 1
            } else {
                i
            };
            Some((end, c, start..content.end))
        })
    }

    /// `Asked whether …,` `When asked by a reporter about …,`: the question
    /// put, to the next comma; the asker, when named after "by", speaks.
    fn question(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let k = (r.start..r.end.min(r.start + 3)).find(|&i| {
            self.word_at(i).eq_ignore_ascii_case("asked")
                && (i == r.start || is_in(self.word_at(i - 1), &["when", "after", "if", "once"]))
        })?;
        let cue = CueAt {
            toks: k..k + 1,
            word: super::cues::lookup("asked")?,
        };
        let mut start = k + 1;
        let mut speaker = None;
        if self.word_at(start).eq_ignore_ascii_case("by") {
            let p = self.phrase_after(start, r.end)?;
            speaker = self.resolve(&p);
            start = p.end;
        }
        let opens = self.word_at(start);
        if !is_in(opens, QUESTION_WORDS) {
            return None;
        }
        let end = (start..r.end).find(|&i| self.word_at(i) == ",")?;
        (self.words_in(start..end) >= MIN_WORDS).then(|| {
            let a = Attribution {
                cue,
                speaker,
                end: start,
            };
            (start..end, a)
        })
    }

    /// `Jane Roe: the plan is dead.`: a name and a colon open the
    /// sentence (a transcript, a summary line); the colon is the cue.
    fn colon_lead(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let colon =
            (r.start + 1..r.end.min(r.start + MAX_COLON_LEAD)).find(|&i| self.word_at(i) == ":")?;
        let p = self
            .phrase_ending(colon, r.start)
            .filter(|p| p.start == r.start)?;
        let named = p.clone().any(|i| {
            self.mention_at(i).is_some_and(|m| {
                matches!(
                    self.mentions[m].ty,
                    crate::extract::entities::EntityType::Person
                        | crate::extract::entities::EntityType::Organization
                )
            })
        });
        if !named || self.is_mark(colon + 1) {
            return None;
        }
        let a = Attribution {
            cue: CueAt {
                toks: colon..colon + 1,
                word: super::cues::COLON,
            },
            speaker: self.resolve(&p),
            end: colon + 1,
        };
        Some((colon + 1..r.end, a))
    }

    /// Tokens `r` without the punctuation that ends the sentence.
    fn without_end_punctuation(&self, r: Range<usize>) -> Range<usize> {
        let mut end = r.end;
        while end > r.start && !self.is_word(end - 1) && !self.is_mark(end - 1) {
            end -= 1;
        }
        r.start..end
    }

    /// How many words tokens `r` hold.
    fn words_in(&self, r: Range<usize>) -> usize {
        r.filter(|&i| self.is_word(i)).count()
    }

    /// The reported clause (token range) of sentence `r` and its attribution.
    fn sentence_attribution(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let long = |found: &(Range<usize>, Attribution)| {
            found.0.clone().filter(|&i| self.is_word(i)).count() >= MIN_WORDS
        };
        self.according(r.clone())
            .filter(long)
            .or_else(|| self.colon_lead(r.clone()).filter(long))
            .or_else(|| self.trailing(r.clone()).filter(long))
            .or_else(|| self.parenthetical(r.clone()).filter(long))
            .or_else(|| self.leading(r.clone()).filter(long))
            .or_else(|| self.participle(r.clone(), r.start).filter(long))
    }

    /// `According to X, …` and `…, according to X`.
    fn according(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let k = (r.start..r.end.saturating_sub(1)).find(|&i| {
            self.word_at(i).eq_ignore_ascii_case("according")
                && self.word_at(i + 1).eq_ignore_ascii_case("to")
        })?;
        let cue = CueAt {
            toks: k..k + 2,
            word: super::cues::lookup("according")?,
        };
        let phrase = self.phrase_after(k + 1, r.end)?;
        let speaker = self.resolve(&phrase);
        if k <= r.start + 1 {
            let mut comma = (phrase.end..r.end).find(|&i| self.word_at(i) == ",")?;
            // "According to a source, who asked not to be named, …": the
            // relative clause belongs to the source.
            if is_in(self.word_at(comma + 1), &["who", "whom", "whose", "which"]) {
                comma = (comma + 1..r.end).find(|&i| self.word_at(i) == ",")?;
            }
            let a = Attribution {
                cue,
                speaker,
                end: comma,
            };
            return Some((comma + 1..r.end, a));
        }
        if self.word_at(k - 1) == "," {
            // "Fundraising, according to the campaign, has surged": the
            // attribution between commas, the sentence around it reported.
            let inside = self.word_at(phrase.end) == "," && phrase.end + MIN_WORDS < r.end;
            let a = Attribution {
                cue,
                speaker,
                end: if inside { phrase.end } else { r.end },
            };
            return Some((if inside { r } else { r.start..k - 1 }, a));
        }
        None
    }

    /// `…, X said [adjuncts].` and `…, said X.`, at one of the last commas.
    fn trailing(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        (r.end.saturating_sub(MAX_TAIL).max(r.start)..r.end)
            .rev()
            .filter(|&i| self.word_at(i) == "," && !self.in_number(i))
            .find_map(|comma| self.trailing_at(r.clone(), comma))
    }

    /// `…, X said.` with the attribution after the comma at token `comma`.
    fn trailing_at(&self, r: Range<usize>, comma: usize) -> Option<(Range<usize>, Attribution)> {
        let a = self.after(comma + 1, r.end)?;
        if a.cue.word.class == CueClass::Naming || a.cue.word.nonfinite || a.speaker.is_none() {
            return None;
        }
        if a.cue.toks.start == comma + 1 {
            // "…, said Jane Roe." and not "…, said economic growth is
            // slow": no verb follows the speaker.
            let p = self.phrase_after(a.cue.toks.end - 1, r.end)?;
            // Nor "…, said many of the 71,000 …": a number's comma ends
            // no speaker's name.
            if p.end < r.end && (self.starts_clause(p.end) || self.in_number(p.end))
                || !self.could_speak(&p)
            {
                return None;
            }
        } else if !self.ends_attribution(&a.cue, r.end) {
            return None;
        } else if self
            .clause_start(&a.cue, r.end)
            .is_some_and(|s| self.reads_as_clause(s, r.end))
        {
            // "Asked about it, Smith said the plan was dead": the clause
            // after the cue is what is reported.
            return None;
        }
        Some((r.start..comma, a))
    }

    /// Whether cue `c` of an attribution after its content ends it: the
    /// sentence or a comma follows, or for a speech cue an adjunct or the
    /// addressee ("…, she told Reuters on Monday").
    fn ends_attribution(&self, c: &CueAt, end: usize) -> bool {
        let k = c.toks.end;
        if k >= end || matches!(self.word_at(k), "," | ";" | "—" | "–") {
            return true;
        }
        let next = self.word_at(k);
        c.word.class != CueClass::Thought
            && self.is_word(k)
            && (is_in(next, ADJUNCT)
                || is_in(next, OBJECTS)
                || !self.lowercase(k)
                || self.determiner(k))
    }

    /// Whether token `i` is a verb or clause word, so that a clause goes on
    /// from there.
    fn starts_clause(&self, i: usize) -> bool {
        let w = self.word_at(i);
        self.is_word(i)
            && (is_in(w, BETWEEN)
                || w.eq_ignore_ascii_case("that")
                || super::cues::lookup(w).is_some() && self.lowercase(i))
    }

    /// Whether tokens `[s, end)` read as a reported clause: "that", a
    /// subject pronoun, or a verb within the first few words.
    fn reads_as_clause(&self, s: usize, end: usize) -> bool {
        let words = (s..end).filter(|&i| self.is_word(i)).count();
        words >= MIN_WORDS
            && (is_in(self.word_at(s), CLAUSE_OPENERS)
                || (s + 1..end.min(s + 6))
                    .any(|i| self.is_word(i) && is_in(self.word_at(i), BETWEEN)))
    }

    /// `The plan, she said, is dead.`: an attribution between commas
    /// inside the sentence; the sentence is what is reported.
    fn parenthetical(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let commas = (r.start + 2..r.end.saturating_sub(3))
            .filter(|&i| self.word_at(i) == "," && !self.in_number(i));
        for comma in commas {
            let Some(a) = self.after(comma + 1, r.end) else {
                continue;
            };
            let closes = matches!(self.word_at(a.end), "," | "—" | "–") && !self.in_number(a.end);
            // Only the attribution is between the commas: nothing but a
            // short adjunct follows its cue ("…, she said on Monday, …").
            let short = a.end - comma <= MAX_TAIL
                && a.end - a.cue.toks.end <= MAX_PARENTHETICAL_TAIL
                && (a.cue.toks.end..a.end).all(|i| !self.word_at(i).eq_ignore_ascii_case("that"));
            // One speaker before the cue, not a list ("…, Massachusetts,
            // and Hartford, Connecticut, also reported flooding, …" holds
            // no attribution between two of its commas).
            let together = (comma + 1..a.cue.toks.start)
                .all(|i| !matches!(self.word_at(i), "and" | "or" | "And" | "Or"));
            if closes && short && together && a.speaker.is_some() && !a.cue.word.nonfinite {
                let named = a.cue.toks.start > comma + 1 || a.end > a.cue.toks.end;
                if named && a.cue.word.class != CueClass::Naming && a.end + 3 < r.end {
                    return Some((r, a));
                }
            }
        }
        None
    }

    /// Whether token `i` (a comma) separates a number's digits
    /// ("71,000"): glued to digits on both sides.
    fn in_number(&self, i: usize) -> bool {
        let digits = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                let w = self.word_at(k);
                !w.is_empty()
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && t.range.end > t.range.start
            })
        };
        i > 0
            && digits(i - 1)
            && digits(i + 1)
            && self.toks[i - 1].range.end == self.toks[i].range.start
            && self.toks[i].range.end == self.toks[i + 1].range.start
    }

    /// `…, saying (that) …`, `…, adding …`: a participle cue after a
    /// comma; the speaker is the subject of the verb before it.
    fn participle(&self, r: Range<usize>, floor: usize) -> Option<(Range<usize>, Attribution)> {
        for k in r.start + 1..r.end {
            if self.word_at(k - 1) != "," {
                continue;
            }
            let Some(c) = self.cue_at(k) else {
                continue;
            };
            if !c.word.nonfinite
                || c.word.lemma == "according"
                || !matches!(
                    c.word.class,
                    CueClass::Speech | CueClass::Addressed | CueClass::Position
                )
            {
                continue;
            }
            let Some(start) = self.clause_start(&c, r.end) else {
                continue;
            };
            let speaker = self.participle_subject(floor, k)?;
            let a = Attribution {
                cue: c,
                speaker: Some(speaker),
                end: start,
            };
            return Some((start..r.end, a));
        }
        None
    }

    /// `X said (that) …`, `X told reporters (that) …`.
    fn leading(&self, r: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        for k in r.clone() {
            let Some(c) = self.cue_at(k) else {
                continue;
            };
            if c.word.nonfinite || c.word.lemma == "according" {
                continue;
            }
            let Some(subject) = self
                .subject_before(k, r.start)
                .and_then(|p| self.coordinated(p, r.start))
                .or_else(|| self.distant_subject(r.start, k))
            else {
                continue;
            };
            let Some(start) = self.clause_start(&c, r.end) else {
                continue;
            };
            // A stance needs someone who takes it ("the senator wants",
            // not "the bill offers").
            let pronoun = subject.len() == 1
                && (is_in(self.word_at(subject.start), CLAUSE_OPENERS)
                    || self.word_at(subject.start).eq_ignore_ascii_case("who"));
            // A passive stance ("exercises are intended to …") names no
            // one who takes it.
            let passive = k > r.start
                && is_in(
                    self.word_at(k - 1),
                    &["is", "are", "was", "were", "be", "been", "being"],
                );
            let stance = matches!(
                c.word.class,
                CueClass::Position | CueClass::Thought | CueClass::Naming
            );
            if stance
                && (passive
                    || !self.could_speak(&subject) && !pronoun
                    || self.in_relative_clause(&subject, r.start)
                    || self.gapped_name(&subject, k, r.start))
            {
                continue;
            }
            let Some(speaker) = self.resolve(&subject) else {
                continue;
            };
            let speaker = Some(speaker);
            let a = Attribution {
                cue: c,
                speaker,
                end: start,
            };
            return Some((start..r.end, a));
        }
        None
    }

    /// Subject `p` of a cue, or with the name it is coordinated with when
    /// "and" joins them from the clause's start ("Dunn and John agreed");
    /// none when "and" joins it to something else ("criticized the plan
    /// and Smith said" reads no subject here).
    fn coordinated(&self, p: Range<usize>, floor: usize) -> Option<Range<usize>> {
        let Some(and) = p.start.checked_sub(1).filter(|&i| i > floor) else {
            return Some(p);
        };
        // After ", and" a new clause starts ("…, and three-fourths say …").
        if !self.word_at(and).eq_ignore_ascii_case("and")
            || and > floor && matches!(self.word_at(and - 1), "," | ";")
        {
            return Some(p);
        }
        self.phrase_ending(and, floor)
            .filter(|q| q.start == floor && self.names_someone(q))
            .map(|q| q.start..p.end)
    }

    /// Whether subject `p` ends in a name that opens a relative clause
    /// with an auxiliary before cue `k` ("possible help Vilnius could
    /// offer"): the cue's object is the noun before the name.
    fn gapped_name(&self, p: &Range<usize>, k: usize, floor: usize) -> bool {
        (p.end..k).any(|i| is_in(self.word_at(i), AUXILIARIES))
            && self
                .trailing_name(p)
                .is_some_and(|name| self.in_relative_clause(&name, floor))
    }

    /// Whether subject `p` starts a relative clause whose object is the
    /// noun before it ("the attack, which the authorities accused
    /// militants of perpetrating"; "the help the government could offer"):
    /// a stance there takes a gap, not the words after it.
    fn in_relative_clause(&self, p: &Range<usize>, floor: usize) -> bool {
        let Some(before) = p.start.checked_sub(1).filter(|&i| i >= floor) else {
            return false;
        };
        let w = self.word_at(before);
        if is_in(w, &["which", "whom"]) {
            return true;
        }
        // A noun right before a subject that names someone.
        self.is_word(before)
            && self.lowercase(before)
            && before > floor
            && self.is_word(before - 1)
            && self.names_someone(p)
            && !is_in(w, CLAUSE_LEADS)
            && !is_in(w, BETWEEN)
            && !is_in(w, super::words::PHRASE_BREAKS)
            && !is_in(w, ADJUNCT)
            && !is_in(w, WHEN_WORDS)
            && !is_in(w, PERIODS)
            && super::cues::lookup(w).is_none()
    }

    /// Token `k` past the time and manner adjuncts a cue takes before its
    /// clause ("said on Friday", "said last week", "said in an interview").
    fn skip_adjuncts(&self, mut k: usize, limit: usize) -> usize {
        for _ in 0..3 {
            let w = self.word_at(k);
            let next = self.word_at(k + 1);
            let step = if is_in(w, WHEN) && !self.lowercase(k) || is_in(w, WHEN_WORDS) {
                1
            } else if w.eq_ignore_ascii_case("on") && is_in(next, WHEN)
                || is_in(w, &["last", "this", "earlier"]) && is_in(next, PERIODS)
            {
                2
            } else if w.eq_ignore_ascii_case("in")
                && self.determiner(k + 1)
                && is_in(self.word_at(k + 2), OCCASIONS)
            {
                3
            } else {
                0
            };
            if step == 0 || k + step >= limit {
                break;
            }
            k += step;
        }
        k
    }

    /// Where the reported clause after cue `c` starts: at "that", after
    /// the addressee of "told", after a colon; none when the cue is
    /// followed by an adjunct and no "that" comes soon.
    fn clause_start(&self, c: &CueAt, limit: usize) -> Option<usize> {
        let mut k = self.skip_adjuncts(c.toks.end, limit);
        let that_soon =
            (k..limit.min(k + 8)).find(|&i| self.word_at(i).eq_ignore_ascii_case("that"));
        if c.word.class == CueClass::Addressed {
            if let Some(t) = that_soon {
                return Some(t);
            }
            if is_in(self.word_at(k), OBJECTS) {
                k += 1;
            } else if self.determiner(k) {
                k += 2;
            } else {
                while k < limit && self.is_word(k) && !self.lowercase(k) {
                    k += 1;
                }
            }
        }
        while k < limit && matches!(self.word_at(k), "," | ":") {
            k += 1;
        }
        if k >= limit {
            return None;
        }
        if c.word.class == CueClass::Position {
            // "raised concerns", "raised questions about": a stance; not
            // "raised its rate to 0.1%", "raised $5m".
            if c.word.lemma == "raise"
                && !(k..limit.min(k + RAISED_REACH)).any(|i| is_in(self.word_at(i), RAISED_MATTERS))
            {
                return None;
            }
            // "wants to leave", "criticized the plan": the complement, but
            // not an adjunct ("declined on Monday").
            let to = self.word_at(k).eq_ignore_ascii_case("to");
            return (to || self.is_word(k) && !is_in(self.word_at(k), ADJUNCT)).then_some(k);
        }
        if self.word_at(k).eq_ignore_ascii_case("that") {
            return Some(k);
        }
        // "said it was", "say this is": a pronoun subject, not an object.
        let subject_pronoun =
            is_in(self.word_at(k), &["it", "this"]) && is_in(self.word_at(k + 1), BETWEEN);
        // "asked whether …", "wondered how …": the question is the content.
        if is_in(c.word.lemma, ASKING) && is_in(self.word_at(k), QUESTION_WORDS) {
            return Some(k);
        }
        // "vowed to stay", "hopes to win": the infinitive is the content.
        if is_in(c.word.lemma, TAKE_INFINITIVE)
            && self.word_at(k).eq_ignore_ascii_case("to")
            && k + 1 < limit
            && self.is_word(k + 1)
            && self.lowercase(k + 1)
        {
            return Some(k);
        }
        // "said as many as 3,000 firms …": a figure, not "said as he left".
        let figure = self.word_at(k).eq_ignore_ascii_case("as")
            && is_in(
                self.word_at(k + 1),
                &["many", "much", "few", "little", "high", "low"],
            )
            && self.word_at(k + 2).eq_ignore_ascii_case("as");
        if !self.is_word(k) || is_in(self.word_at(k), ADJUNCT) && !subject_pronoun && !figure {
            // "said in a statement that …", "said on Monday that …"
            return that_soon
                .filter(|&t| (k..t).all(|i| self.is_word(i) || self.word_at(i) == ","));
        }
        // A finding's object is what it shows ("polls show Smith ahead").
        let finding = matches!(c.word.lemma, "show" | "find" | "indicate") && self.is_word(k);
        if c.word.class == CueClass::Thought
            && !finding
            && !matches!(
                c.word.lemma,
                "believe" | "think" | "fear" | "hope" | "feel" | "expect" | "worry" | "know"
            )
        {
            return None;
        }
        Some(k)
    }
}
