//! A name in a list the sentence itself says is of organizations:
//! "websites such as A, B and C", "companies like A", "lenders, including
//! A and B", "A, B and other carmakers". News names new companies this way
//! before it ever calls them anything else, and a recognizer that never
//! saw a one-word brand guesses a person or a place for it. The nouns are
//! the kinds' own plural vocabulary, so the rule reaches names never seen.

/// A word of a sentence as the list reading needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen<'a> {
    /// Written in lowercase, or punctuation: its text.
    Lower(&'a str),
    /// Opening on a capital (a word of a name in the list): its text.
    Capital(&'a str),
    /// Anything else (digits, mixed): its text.
    Other(&'a str),
}

impl<'a> Seen<'a> {
    /// How `word`, as written, reads.
    pub(crate) fn of(word: &'a str) -> Seen<'a> {
        if POSSESSIVES.contains(&word) {
            return Seen::Lower(word);
        }
        match word.chars().next() {
            Some(c) if c.is_uppercase() => Seen::Capital(word),
            Some(c) if c.is_alphabetic() && !word.chars().any(char::is_uppercase) => {
                Seen::Lower(word)
            }
            Some(_) if word.chars().all(|c| !c.is_alphanumeric()) => Seen::Lower(word),
            _ => Seen::Other(word),
        }
    }

    /// Whether the word is written in lowercase (or is punctuation) and is
    /// one of `words`.
    pub(crate) fn is(self, words: &[&str]) -> bool {
        matches!(self, Seen::Lower(w) if words.contains(&w))
    }

    /// Whether the word, in lowercase or opening on a capital (a
    /// sentence's first), is one of `words` (lowercase ASCII).
    pub(crate) fn is_any_case(self, words: &[&str]) -> bool {
        match self {
            Seen::Lower(w) | Seen::Capital(w) => words.iter().any(|x| x.eq_ignore_ascii_case(w)),
            Seen::Other(_) => false,
        }
    }
}

/// Lowercase plurals naming kinds of organizations, written before or
/// after a list of them. Not the plurals of people's trades ("producers",
/// "developers") nor of peoples or places ("groups" of people are
/// nationalities, caught before this rule; "countries", "cities").
const KINDS: &[&str] = &[
    "companies",
    "firms",
    "corporations",
    "businesses",
    "conglomerates",
    "startups",
    "start-ups",
    "giants",
    "brands",
    "labels",
    "studios",
    "websites",
    "sites",
    "platforms",
    "apps",
    "services",
    "networks",
    "broadcasters",
    "newspapers",
    "outlets",
    "publishers",
    "retailers",
    "supermarkets",
    "chains",
    "banks",
    "lenders",
    "insurers",
    "funds",
    "exchanges",
    "carmakers",
    "automakers",
    "airlines",
    "manufacturers",
    "drugmakers",
    "chipmakers",
    "distributors",
    "wholesalers",
    "refiners",
    "suppliers",
    "providers",
    "operators",
    "utilities",
    "miners",
    "agencies",
    "organisations",
    "organizations",
    "charities",
    "unions",
    "parties",
    "clubs",
    "teams",
    "universities",
];

/// A possessive ending, split off the name before it ("Italy" "'s").
pub(crate) const POSSESSIVES: &[&str] = &["'s", "’s", "'", "’"];

/// Words joining the names of a list.
const JOINERS: &[&str] = &[",", "and", "or", "&", "the"];

/// Words opening a list after its kind ("companies such as", "firms
/// like", "banks, including"); a colon right after the kind opens one
/// too ("the largest distributors: A, B and C").
const OPENERS: &[&str] = &["like", "including"];

/// Words a list's name sits among: what a real member of the list has on
/// one side at least.
const BESIDE: &[&str] = &[",", "and", "or", "the", "as", "like", "including", ":"];

/// Longest list walked, in words.
const REACH: usize = 24;

/// Whether the name at `start..end` of a sentence of `len` words
/// (`seen(i)` reading word `i`) is a member of a list the sentence says is
/// of organizations: after "KIND such as", "KIND like", "KIND including",
/// "KIND:",
/// or before "and other KIND" (a lowercase kind of [`KINDS`], up to two
/// lowercase words between "other" and it; "and two other KIND", ", three
/// other Chinese KIND" likewise). The name must stand beside a
/// joiner or the opener ("companies like Google, Facebook, Amazon, Obama
/// said" does not take Obama, who is followed by "said").
pub(crate) fn listed_among_organizations<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if end > len || start >= end {
        return false;
    }
    // An owner's name ("operators like Italy's TIM"): the list's name is
    // the next.
    if end < len && seen(end).is(POSSESSIVES) {
        return false;
    }
    let beside = (start > 0 && seen(start - 1).is(BESIDE)) || (end < len && seen(end).is(JOINERS));
    beside && (opened_before(&seen, start) || closed_after(&seen, len, end))
}

/// Walks back from the name over the list's other names and joiners to
/// its opener, and reads the kind before it.
fn opened_before<'a>(seen: &impl Fn(usize) -> Seen<'a>, start: usize) -> bool {
    let mut i = start;
    for _ in 0..REACH {
        if i == 0 {
            return false;
        }
        i -= 1;
        let w = seen(i);
        if matches!(w, Seen::Capital(_)) || w.is(JOINERS) || w.is(POSSESSIVES) {
            continue;
        }
        let kind_at = if w.is(&["as"]) && i > 0 && seen(i - 1).is(&["such"]) {
            i.checked_sub(2)
        } else if w.is(OPENERS) || w.is(&[":"]) {
            i.checked_sub(1)
        } else {
            return false;
        };
        let Some(mut k) = kind_at else {
            return false;
        };
        if seen(k).is(&[","]) {
            let Some(before) = k.checked_sub(1) else {
                return false;
            };
            k = before;
        }
        // The kind opens the sentence capitalized: "Retailers such as A
        // and B", "Companies like A".
        return seen(k).is(KINDS) || k == 0 && seen(k).is_any_case(KINDS);
    }
    false
}

/// Counts between a list's last joiner and "other" ("and two other
/// carmakers", ", three other Chinese companies").
const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
    "some", "dozens",
];

/// Walks on from the name over the list's other names and joiners to
/// "and other" (or "and two other", ", three other") and reads the kind
/// after it.
fn closed_after<'a>(seen: &impl Fn(usize) -> Seen<'a>, len: usize, end: usize) -> bool {
    let mut i = end;
    while i < len && i < end + REACH {
        let w = seen(i);
        // "and other", "or other", "and two other", ", three other".
        let counted = i + 1 < len && seen(i + 1).is(COUNTS);
        let other = i + 1 + usize::from(counted);
        if (w.is(&["and", "or"]) || (counted && w.is(&[","])))
            && other < len
            && seen(other).is(&["other"])
        {
            // Up to two describing words, then the kind; after a count
            // a people's name among them ("three other Chinese
            // companies"; not "Italian and other European refiners",
            // where the name is the people's own).
            return (other + 1..len.min(other + 4))
                .take_while(|&j| match seen(j) {
                    Seen::Lower(x) => x.chars().all(|c| c.is_alphabetic() || c == '-'),
                    Seen::Capital(x) => counted && x.chars().all(char::is_alphabetic),
                    Seen::Other(_) => false,
                })
                .any(|j| seen(j).is(KINDS));
        }
        if matches!(w, Seen::Capital(_)) || w.is(JOINERS) || w.is(POSSESSIVES) {
            i += 1;
            continue;
        }
        return false;
    }
    false
}

/// Where reading from word `from` goes past at most `most` words of
/// `words` ("as much as", "net", "also"): the first word that is none of
/// them, the sentence's end, or the word after the `most`th.
pub(crate) fn skip_words<'a>(
    seen: &impl Fn(usize) -> Seen<'a>,
    len: usize,
    from: usize,
    words: &[&str],
    most: usize,
) -> usize {
    let mut i = from;
    while i < len && i < from + most && seen(i).is(words) {
        i += 1;
    }
    i
}

/// Reads `sentence`, its words split at single spaces, as the rules read
/// a sentence: `rule` gets the word reader and the word count. The rules'
/// unit tests write their sentences so.
#[cfg(test)]
pub(crate) fn read_words<'s, R>(
    sentence: &'s str,
    rule: impl FnOnce(&dyn Fn(usize) -> Seen<'s>, usize) -> R,
) -> R {
    let words: Vec<&'s str> = sentence.split(' ').collect();
    rule(&|i| Seen::of(words[i]), words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `words[start..end]` is listed among organizations.
    fn listed(sentence: &str, start: usize, end: usize) -> bool {
        read_words(sentence, |seen, len| {
            listed_among_organizations(seen, len, start, end)
        })
    }

    #[test]
    fn names_after_a_kind_and_its_opener_are_listed() {
        let s = "popular websites such as Reddit , Twitter and Spotify went down";
        assert!(listed(s, 4, 5));
        assert!(listed(s, 6, 7));
        assert!(listed(s, 8, 9));
        assert!(listed("companies like Acme said", 2, 3));
        // The kind first in the sentence, capitalized; not mid-sentence.
        assert!(listed("Retailers such as Temu and Shein grew", 3, 4));
        assert!(listed("Companies like Acme said", 2, 3));
        assert!(!listed("Cities such as Denver and Boston", 3, 4));
        assert!(!listed("in Retailers like Acme", 3, 4));
        assert!(listed(
            "lenders , including Big Bank and Acme , cut rates",
            3,
            5
        ));
        assert!(listed("tech firms , such as Zorbo , grew", 5, 6));
        assert!(listed(
            "outlets such as the Daily Bugle and the Planet",
            4,
            6
        ));
        assert!(listed(
            "outlets such as the Daily Bugle and the Planet",
            8,
            9
        ));
        // A colon right after the kind.
        let s = "the three largest drug distributors : Zorbo , Acme Health and Quux";
        assert!(listed(s, 6, 7));
        assert!(listed(s, 8, 10));
        assert!(listed(s, 11, 12));
        assert!(!listed("three officials : Smith , Jones and Brown", 3, 4));
        // An owner is not the list's name; what it owns is.
        let s = "operators , like Ruritania 's Telco and Zorbo";
        assert!(!listed(s, 3, 4));
        assert!(listed(s, 5, 6));
        assert!(listed(s, 7, 8));
    }

    #[test]
    fn names_before_and_other_kinds_are_listed() {
        let s = "Zorbo , Quill and other tech companies grew";
        assert!(listed(s, 0, 1));
        assert!(listed(s, 2, 3));
        assert!(!listed("Zorbo , Quill and other people grew", 0, 1));
        assert!(!listed(
            "Zorbo , Quill and other very fast growing companies",
            0,
            1
        ));
        // A count before "other", and after it a people's name.
        assert!(listed("Zorbo and two other carmakers recalled", 0, 1));
        let s = "exports to Zorbo , three other Chinese companies and the army";
        assert!(listed(s, 2, 3));
        // Not a people's name without a count, nor a comma without one.
        assert!(!listed("Ruritanian and other European refiners", 0, 1));
        assert!(!listed("Zorbo , other companies said", 0, 1));
    }

    #[test]
    fn names_outside_the_list_are_not() {
        // After the list, a name followed by its verb.
        assert!(!listed("companies like Acme , Zorbo , Obama said", 5, 6));
        // Not a kind of organization.
        assert!(!listed("cities such as Denver and Boston", 2, 3));
        assert!(!listed("people like Smith and Jones", 2, 3));
        // A lowercase word between the opener and the name.
        assert!(!listed("companies such as the rival Acme", 5, 6));
        // "Such as" needs its "such".
        assert!(!listed("companies as Acme", 2, 3));
        assert!(!listed("Acme", 0, 1));
    }
}
