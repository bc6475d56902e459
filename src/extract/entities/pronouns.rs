//! A name the sentence refers back to as "its": "Zorbo has upgraded its
//! line", "Zorbo said its profit rose", "Vestra Mae will offer its own
//! service". A person is "his", "her" or "their"; a subject whose own verb
//! is followed by "its" is a company, an institution or a team, however
//! the recognizer read an unfamiliar brand. Places are "its" as well
//! ("Norway raised its rates"), so the rule turns people and unknown
//! names into organizations, never a place of the table.

use super::lists::Seen;

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
    let opens_clause = start == 0
        || match seen(start - 1) {
            Seen::Lower(w) => {
                CLAUSE_OPENERS.contains(&w)
                    || w.chars().all(|c| !c.is_alphanumeric()) && !w.starts_with(['\'', '’'])
            }
            _ => false,
        };
    if !opens_clause {
        return false;
    }
    let mut i = end;
    while i < len && i < end + 2 && seen(i).is(BEFORE_VERB) {
        i += 1;
    }
    let is_verb = |i: usize| {
        matches!(seen(i), Seen::Lower(w)
            if w.len() >= 2
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_VERBS.contains(&w)
                && !BEFORE_VERB.contains(&w))
    };
    i + 1 < len && is_verb(i) && seen(i + 1).is(&["its"])
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
