//! A name the sentence refers back to as "its": "Zorbo has upgraded its
//! line", "Zorbo said its profit rose", "Vestra Mae will offer its own
//! service". A person is "his", "her" or "their"; a subject whose own verb
//! is followed by "its" is a company, an institution or a team, however
//! the recognizer read an unfamiliar brand. Places are "its" as well
//! ("Norway raised its rates"), so the rule turns people and unknown
//! names into organizations, never a place of the table. Likewise a
//! name said to have done what a company does, as "it": "Zorbo said it
//! sold its stake".

use super::lists::{Seen, skip_words};

/// Words that may stand between a subject and its verb: auxiliaries and
/// the adverbs news puts there ("has also cut", "will now offer", "is
/// reorganising").
const BEFORE_VERB: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "is",
    "are", "was", "were", "also", "now", "recently", "already", "still", "then", "just",
];

/// Lowercase words that are no verb of the subject: prepositions,
/// conjunctions, determiners and pronouns ("Zorbo and its rival",
/// "Zorbo after its merger", "sued by Zorbo over its").
const NOT_VERBS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "after",
    "before",
    "during",
    "within",
    "on",
    "in",
    "at",
    "by",
    "for",
    "with",
    "without",
    "from",
    "to",
    "of",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "than",
    "as",
    "while",
    "since",
    "until",
    "through",
    "against",
    "among",
    "between",
    "like",
    "near",
    "despite",
    "via",
    "per",
    "beyond",
    "across",
    "behind",
    "toward",
    "towards",
    "upon",
    "if",
    "when",
    "whether",
    "because",
    "so",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "be",
    "been",
    "being",
    "not",
    "its",
    "following",
    "including",
    "regarding",
    "concerning",
    "given",
    "what",
    "which",
    "who",
];

/// Lowercase words after which a name opens a clause, as its subject
/// ("rivals left and Zorbo cut its prices", "after Zorbo said its …");
/// a sentence's start and punctuation open one as well. After any other
/// word the name is an object or a title's holder ("sued by Zorbo after
/// its …", "help Europe leapfrog its way", "minister Jo Smith quoted its
/// plan": its is another's).
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "while", "as", "that", "when", "after", "before", "because", "since", "although",
    "though", "so", "then", "yet", "until", "once", "if", "where", "whereas",
];

/// Whether the name at `start..end` of a sentence of `len` words
/// (`seen(i)` reading word `i`) opens a clause ([`CLAUSE_OPENERS`]) as
/// the subject of a verb followed by "its": at most two auxiliaries or
/// adverbs ([`BEFORE_VERB`]), one lowercase verb, then "its".
pub(crate) fn referred_to_as_its<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if !opens_clause(&seen, start) {
        return false;
    }
    let i = skip_words(&seen, len, end, BEFORE_VERB, 2);
    let is_verb = |i: usize| {
        matches!(seen(i), Seen::Lower(w)
            if w.len() >= 2
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_VERBS.contains(&w)
                && !BEFORE_VERB.contains(&w))
    };
    i + 1 < len && is_verb(i) && seen(i + 1).is(&["its"])
}

/// What a company is said to have done or to do, after "said it"
/// ("Zorbo said it sold …", "… it expects …"); a person speaks of "it"
/// as a thing ("it was imperative", "it would be a close call").
const ACTS: &[&str] = &[
    "sold",
    "bought",
    "acquired",
    "purchased",
    "signed",
    "completed",
    "received",
    "filed",
    "posted",
    "earned",
    "declared",
    "named",
    "appointed",
    "hired",
    "granted",
    "secured",
    "launched",
    "introduced",
    "redeemed",
    "issued",
    "agreed",
    "plans",
    "planned",
    "expects",
    "expected",
    "intends",
    "intended",
    "employs",
    "owns",
];

/// What a company will do, after "said it will" or "would" ("Zorbo said
/// it would appeal"); not "be" or "take" ("it would take years").
const WILL_DO: &[&str] = &[
    "pay",
    "sell",
    "buy",
    "acquire",
    "close",
    "shut",
    "cut",
    "hire",
    "invest",
    "launch",
    "open",
    "issue",
    "file",
    "appeal",
    "merge",
    "redeem",
    "repurchase",
    "raise",
    "reduce",
    "register",
    "spend",
    "sue",
    "list",
    "resume",
    "expand",
    "supply",
    "distribute",
    "publish",
    "produce",
    "manufacture",
    "build",
    "offer",
    "seek",
    "use",
];

/// Forms of "be" and "have" after "said it", before what it is doing or
/// has done ("it is extending", "it has signed").
const AUXILIARIES: &[&str] = &["is", "was", "has", "had"];

/// Whether the name at `start..end` (of a sentence of `len` words) opens
/// a clause as the subject of "said" ("also said", "said that"), and what
/// follows is "it" doing what a company does: "Zorbo said it sold its
/// stake", "… said it will pay …", "… said it has signed …", "… said it
/// is extending …". A person said "it" of a thing ("Zorbo said it was
/// imperative"), so only a company's acts ([`ACTS`], [`WILL_DO`]) count.
pub(crate) fn said_it_acts<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if !opens_clause(&seen, start) {
        return false;
    }
    let mut i = end;
    if i < len && seen(i).is(&["also"]) {
        i += 1;
    }
    if !(i < len && seen(i).is(&["said", "says"])) {
        return false;
    }
    i += 1;
    if i < len && seen(i).is(&["that"]) {
        i += 1;
    }
    if !(i + 1 < len && seen(i).is(&["it"])) {
        return false;
    }
    i += 1;
    let word = |i: usize| match (i < len).then(|| seen(i)) {
        Some(Seen::Lower(w)) => w,
        _ => "",
    };
    let next = word(i);
    let after = word(i + 1);
    ACTS.contains(&next)
        || matches!(next, "will" | "would") && WILL_DO.contains(&after)
        || AUXILIARIES.contains(&next)
            && (ACTS.contains(&after)
                || after.len() > 5
                    && after.ends_with("ing")
                    && !matches!(after, "going" | "getting" | "becoming"))
}

/// Whether the name at `start` opens a clause: first in the sentence,
/// after punctuation (not an apostrophe) or after a word of
/// [`CLAUSE_OPENERS`].
pub(crate) fn opens_clause<'a>(seen: &impl Fn(usize) -> Seen<'a>, start: usize) -> bool {
    start == 0
        || match seen(start - 1) {
            Seen::Lower(w) => {
                CLAUSE_OPENERS.contains(&w)
                    || w.chars().all(|c| !c.is_alphanumeric()) && !w.starts_with(['\'', '’'])
            }
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn its(sentence: &str, start: usize, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| {
            referred_to_as_its(seen, len, start, end)
        })
    }

    #[test]
    fn a_subject_whose_verb_takes_its() {
        assert!(its("Zorbo has upgraded its line", 0, 1));
        assert!(its("Zorbo said its profit rose", 0, 1));
        assert!(its("Vestra Mae will also offer its own service", 0, 2));
        assert!(its("Zorbo is reorganising its business", 0, 1));
        assert!(its("rivals left and Zorbo cut its prices", 3, 4));
        assert!(its("NEW YORK - Zorbo said its profit rose", 3, 4));
    }

    #[test]
    fn a_subject_said_to_do_what_companies_do() {
        let acts = |sentence: &str, start: usize, end: usize| {
            super::super::lists::read_words(sentence, |seen, len| {
                said_it_acts(seen, len, start, end)
            })
        };
        assert!(acts("Zorbo said it sold its stake", 0, 1));
        assert!(acts("Zorbo also said it expects losses", 0, 1));
        assert!(acts("Zorbo said that it would appeal", 0, 1));
        assert!(acts("Zorbo said it has signed a deal", 0, 1));
        assert!(acts("Zorbo said it is extending the offer", 0, 1));
        assert!(acts("NEW YORK - Zorbo said it will pay 2 dlrs", 3, 4));
        assert!(!acts("Zorbo said it was imperative", 0, 1));
        assert!(!acts("Zorbo said it would be a close call", 0, 1));
        assert!(!acts("Zorbo said it would take years", 0, 1));
        assert!(!acts("Zorbo said it is getting harder", 0, 1));
        assert!(!acts("sued by Zorbo said it sold", 2, 3));
        assert!(!acts("Zorbo said it", 0, 1));
    }

    #[test]
    fn not_a_subject_or_not_its_verb() {
        // A copula, a preposition, a conjunction between.
        assert!(!its("Jo Smith was its best performer", 0, 2));
        assert!(!its("Jo Smith on its way", 0, 2));
        assert!(!its("Zorbo and its rival", 0, 1));
        // The name is an object.
        assert!(!its("sued by Zorbo after its rival", 2, 3));
        assert!(!its("a deal with Zorbo gave its shares", 3, 4));
        assert!(!its("to help Europe leapfrog its way", 2, 3));
        assert!(!its("immigration minister Jo Smith quoted its plan", 2, 4));
        assert!(!its("the Atlantic following its debut", 1, 2));
        // His, their; too far.
        assert!(!its("Jo Smith raised his profile", 0, 2));
        assert!(!its("Zorbo has now also quickly cut its prices", 0, 1));
        assert!(!its("Zorbo said", 0, 1));
    }
}
