//! What the verb after a name says of it: only people think, smile, die,
//! testify or are born ("Plato thought", "Sulla smiled", "Beria was
//! arrested in 1953"). The recognizer reads a lone surname from its
//! context and the gazetteer, and a surname that is also an old name of a
//! city ("Stalin", once Donetsk's) or a town's ("Plato") becomes a place,
//! one it has never seen ("Macron") nothing at all. The verbs here are
//! those news uses of people alone: a country, a city or a company says,
//! argues, believes, warns or writes ("Russia argued", "Microsoft wrote in
//! a blog post"), so those verbs are left out, and a country, a region or
//! a large city before one of these verbs keeps its type all the same.

use super::features::{self, Class, Token};
use super::gazetteer::{self, Gazetteer, Kind};
use super::heads;
use super::lexicon::list as names_list;
use super::lists::Seen;
use super::possessions;
use super::tagger::{self, LOC, PER};

/// Verbs, past and present, whose subject news writes only of people.
const HUMAN_VERBS: &[&str] = &[
    "thought",
    "thinks",
    "felt",
    "feels",
    "smiled",
    "smiles",
    "laughed",
    "laughs",
    "grinned",
    "shrugged",
    "nodded",
    "sighed",
    "wept",
    "weeps",
    "sobbed",
    "died",
    "dies",
    "married",
    "marries",
    "divorced",
    "testified",
    "testifies",
    "resigned",
    "resigns",
    "retired",
    "retires",
    "tweeted",
    "tweets",
    "graduated",
    "starred",
    "sang",
    "sings",
    "prayed",
    "slept",
    "dreamed",
    "dreamt",
];

/// Participles after "was"/"is"/"has been" that happen only to people
/// ("was born", "was arrested"); not those that happen to companies too
/// ("charged", "fined", "convicted", "indicted", "sued").
const HUMAN_PARTICIPLES: &[&str] = &[
    "born",
    "arrested",
    "jailed",
    "imprisoned",
    "executed",
    "assassinated",
    "murdered",
    "stabbed",
    "kidnapped",
    "abducted",
    "knighted",
    "hospitalised",
    "hospitalized",
    "buried",
    "baptised",
    "baptized",
    "widowed",
    "pardoned",
];

/// Auxiliaries before a participle of [`HUMAN_PARTICIPLES`].
const PASSIVE_AUXILIARIES: &[&str] = &["was", "is", "were", "been"];

/// Adverbs that may stand between a subject and its verb ("Plato also
/// thought"); any word ending in "-ly" counts too.
const BETWEEN: &[&str] = &[
    "also", "still", "never", "always", "later", "then", "once", "now", "first", "often",
];

/// Whether a name keeps its type before a verb of people: a country or a
/// region by any of its names, a city of [`heads::SMALL_TOWN`] people or
/// more by its own name (not by an old or foreign one: "Stalin" was Donetsk's,
/// "Beria" is Aleppo's in an old tongue).
fn keeps_its_type(s: &[Token], start: usize, end: usize, gaz: &Gazetteer) -> bool {
    if s[start].gaz & heads::PLACES == 0 {
        return false;
    }
    let name = features::lower_name(s, start, end);
    gaz.candidates(&name).iter().any(|p| match p.kind {
        Kind::Country | Kind::Region => true,
        Kind::City => p.population >= heads::SMALL_TOWN && gazetteer::key(&p.name) == name,
    })
}

/// Capitalization rate (of `caps.tsv`) from which an untagged word is a
/// name's: capitalized in 70 % or more of its uses mid-sentence.
const NAME_CAPS: u8 = 3;

/// Whether a word may stand between a subject and its verb.
fn is_between(w: &str) -> bool {
    BETWEEN.contains(&w) || (w.len() > 4 && w.ends_with("ly"))
}

/// Whether the words after `end` say the name before them is a person's.
fn verb_says_person(s: &[Token], end: usize) -> bool {
    let lower = |i: usize| {
        s.get(i)
            .filter(|t| t.class == Class::Lower)
            .map(|t| t.lower.as_str())
    };
    let mut i = end;
    if lower(i).is_some_and(is_between) {
        i += 1;
    }
    let Some(verb) = lower(i) else {
        return false;
    };
    if HUMAN_VERBS.contains(&verb) {
        return true;
    }
    // "was born", "has been arrested", "was later executed".
    let mut j = i;
    if verb == "has" || verb == "had" {
        j += 1;
    }
    if !lower(j).is_some_and(|w| PASSIVE_AUXILIARIES.contains(&w)) {
        return false;
    }
    j += 1;
    if lower(j).is_some_and(is_between) {
        j += 1;
    }
    lower(j).is_some_and(|w| HUMAN_PARTICIPLES.contains(&w))
}

/// Words after which a name opens a clause, as its subject.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "when", "while", "as", "that", "because", "after", "before", "until",
    "since", "where", "if", "though", "although", "so", "then", "once",
];

/// Whether the name at `start` opens its clause: first in the sentence,
/// after punctuation or after a conjunction ("the province of Yunnan were
/// arrested" is no subject; "the Labour Party feels" is an organization).
fn opens_clause(s: &[Token], start: usize) -> bool {
    let Some(before) = start.checked_sub(1).and_then(|i| s.get(i)) else {
        return true;
    };
    match before.class {
        Class::Punct => true,
        Class::Lower => CLAUSE_OPENERS.contains(&before.lower.as_str()),
        _ => false,
    }
}

/// Whether a name of one or two capitalized words at `start..end`, typed
/// other than a person, is the subject of a verb of people alone and no
/// country, region or large city (whose names stand for governments:
/// "Washington thought"), nor a company the lists know.
pub(crate) fn is_person_by_verb(s: &[Token], start: usize, end: usize, gaz: &Gazetteer) -> bool {
    opens_clause(s, start) && verb_says_person(s, end) && may_name_person(s, start, end, gaz)
}

/// Whether the words at `start..end` may be a person's name that the
/// context decides: one or two capitalized words of letters, no common
/// word capitalized first in its sentence, no word of a company the
/// lists know, no nationality, and no country, region or large city by
/// its own name ([`keeps_its_type`]).
fn may_name_person(s: &[Token], start: usize, end: usize, gaz: &Gazetteer) -> bool {
    let len = end - start;
    (1..=2).contains(&len)
        && s[start..end]
            .iter()
            .all(|t| t.class == Class::Capitalized && t.lower.chars().all(char::is_alphabetic))
        && !features::is_common_word_form_first(s, start, end)
        && s[start].names & (names_list::COMPANY | names_list::COMPANY_SUFFIX) == 0
        && s[end - 1].names & names_list::COMPANY_SUFFIX == 0
        && gaz.nationality(&s[start].lower).is_none()
        && !keeps_its_type(s, start, end, gaz)
}

/// Whether what follows a name the model typed `ty` says it is a
/// person's: a possessive and what only a person has, for a place or misc
/// name; a relative "who" only for a place's name that no place of the
/// table has (a club goes by its town's name, "Barnsley, who …", and a
/// group's by its people's, "Democrats, who …").
fn says_person(s: &[Token], start: usize, end: usize, ty: usize, gaz: &Gazetteer) -> bool {
    let seen = |k: usize| {
        if k < s.len() {
            heads::seen(s, k)
        } else {
            Seen::Other("")
        }
    };
    possessions::owns_person_possession(&seen, end)
        || ty == LOC
            && possessions::is_relative_who(&seen, start, end)
            && (start..end).all(|k| gaz.candidates(&s[k].lower).is_empty())
            && gaz
                .candidates(&features::lower_name(s, start, end))
                .is_empty()
}

/// Whether a name of one or two capitalized words at `start..end`, which
/// the model typed a place or misc, is referred to as only a person is
/// ([`says_person`]) and may be a person's name ([`may_name_person`]). The model reads a surname it
/// has not seen, or one a small town shares, as a place ("Duffy's
/// wife", "Stalin's funeral").
pub(crate) fn is_person_by_reference(
    s: &[Token],
    start: usize,
    end: usize,
    ty: usize,
    gaz: &Gazetteer,
) -> bool {
    (1..=2).contains(&(end - start))
        && says_person(s, start, end, ty, gaz)
        && may_name_person(s, start, end, gaz)
}

/// Tags as a person one or two untagged capitalized words that are no
/// common word and stand as the subject of a verb of people alone
/// ("Macron thought", "Comey testified"), which the recognizer left out.
pub(crate) fn tag_person_subjects(s: &[Token], tags: &mut [u8], gaz: &Gazetteer) {
    let mut i = 0;
    while i < s.len() {
        // Unknown to the capitalization table, or capitalized in 70 % or
        // more of its uses mid-sentence: a name's word ("Critics thought"
        // is no name).
        let name_word = |k: usize| {
            s.get(k).is_some_and(|t| {
                tags.get(k) == Some(&0)
                    && t.class == Class::Capitalized
                    && t.lower.chars().count() >= 3
                    && t.caps.is_none_or(|c| c >= NAME_CAPS)
            })
        };
        if !name_word(i) {
            i += 1;
            continue;
        }
        let end = if name_word(i + 1) { i + 2 } else { i + 1 };
        // The name stands alone: no capitalized word right before it.
        let alone = i == 0 || !s[i - 1].class.is_capital();
        if alone && is_person_by_verb(s, i, end, gaz) {
            tagger::mark(tags, i, end, PER);
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::features;
    use super::super::lexicon::Lexicon;
    use super::super::tagger::{LOC, ORG};
    use super::*;

    /// The sentence's spans after the untagged subjects are tagged, and
    /// whether each span given as `tagged` is a person by its verb.
    fn run(words: &[&str], tagged: &[(usize, usize, usize)]) -> (Vec<(String, usize)>, Vec<bool>) {
        let gaz = Gazetteer::embedded();
        let s = features::prepare(words, Lexicon::embedded(), gaz);
        let mut tags = vec![0u8; words.len()];
        for &(a, b, ty) in tagged {
            tagger::mark(&mut tags, a, b, ty);
        }
        let by_verb = tagged
            .iter()
            .map(|&(a, b, _)| is_person_by_verb(&s, a, b, gaz))
            .collect();
        tag_person_subjects(&s, &mut tags, gaz);
        let spans = tagger::spans(&tags)
            .into_iter()
            .map(|(a, b, ty)| (words[a..b].join(" "), ty))
            .collect();
        (spans, by_verb)
    }

    #[test]
    fn a_common_plural_first_in_its_sentence_is_no_person() {
        for w in ["Climbers", "Hikers"] {
            let (spans, _) = run(&[w, "died", "on", "the", "mountain", "."], &[]);
            assert!(spans.is_empty(), "{w}: {spans:?}");
        }
        // An unknown word that is no common plural stays a name there.
        let (spans, _) = run(&["Zorvane", "testified", "."], &[]);
        assert_eq!(spans, [("Zorvane".to_string(), PER)]);
        assert!(features::is_plural_of_common_word("climbers"));
        assert!(!features::is_plural_of_common_word("zorvanes"));
        assert!(!features::is_plural_of_common_word("as"));
    }

    #[test]
    fn an_adverb_or_participle_first_in_its_sentence_is_no_name() {
        for words in [
            &["Lastly", ",", "we", "ran", "an", "export", "test", "."][..],
            &[
                "Phoning", "in", "from", "the", "studio", ",", "she", "laughed", ".",
            ],
        ] {
            let (spans, _) = run(words, &[]);
            assert!(spans.is_empty(), "{words:?}: {spans:?}");
        }
        for w in ["lastly", "happily", "phoning", "shopping"] {
            assert!(features::is_adverb_or_participle_of_common_word(w), "{w}");
        }
        for w in ["boeing", "zorvaning", "ly", "ing", "kelly"] {
            assert!(!features::is_adverb_or_participle_of_common_word(w), "{w}");
        }
    }

    #[test]
    fn an_untagged_name_before_a_verb_of_people_is_a_person() {
        let (spans, _) = run(&["Zorvane", "testified", "on", "Tuesday", "."], &[]);
        assert_eq!(spans, [("Zorvane".to_string(), PER)]);
        let (spans, _) = run(&["Quillby", "was", "born", "in", "1950", "."], &[]);
        assert_eq!(spans, [("Quillby".to_string(), PER)]);
        let (spans, _) = run(
            &[
                "Later",
                ",",
                "Dravik",
                "Osterlund",
                "also",
                "thought",
                "so",
                ".",
            ],
            &[],
        );
        assert_eq!(spans, [("Dravik Osterlund".to_string(), PER)]);
    }

    #[test]
    fn common_words_and_verbs_others_use_too_make_no_person() {
        // A common word capitalized at the start, a verb companies use too.
        assert!(
            run(&["Critics", "thought", "it", "was", "flawed", "."], &[])
                .0
                .is_empty()
        );
        assert!(
            run(
                &["Zorvane", "argued", "that", "it", "was", "fair", "."],
                &[]
            )
            .0
            .is_empty()
        );
        assert!(
            run(&["Zorvane", "was", "fined", "$", "5", "million", "."], &[])
                .0
                .is_empty()
        );
        // A contraction is no name.
        assert!(
            run(&["I've", "thought", "about", "it", "."], &[])
                .0
                .is_empty()
        );
    }

    #[test]
    fn a_name_typed_otherwise_is_retyped_unless_it_governs() {
        // "Plato" is a town of the places table; "Stalin" an old name of a
        // city: as subjects of these verbs, people.
        let (_, by_verb) = run(&["Plato", "thought", "so", "."], &[(0, 1, LOC)]);
        assert_eq!(by_verb, [true]);
        let (_, by_verb) = run(
            &["Zorvane", "was", "arrested", "in", "1953", "."],
            &[(0, 1, ORG)],
        );
        assert_eq!(by_verb, [true]);
        // A country, a large city by its own name, a nationality: no.
        for w in ["Britain", "Moscow", "Kenyan"] {
            let (_, by_verb) = run(&[w, "felt", "betrayed", "."], &[(0, 1, LOC)]);
            assert_eq!(by_verb, [false], "{w}");
        }
        // Not the subject: after a preposition or a determiner.
        let (_, by_verb) = run(
            &[
                "men", "in", "the", "province", "of", "Zorvane", "were", "arrested",
            ],
            &[(5, 6, LOC)],
        );
        assert_eq!(by_verb, [false]);
        let (_, by_verb) = run(
            &["the", "Zorvane", "Party", "feels", "happier"],
            &[(1, 3, ORG)],
        );
        assert_eq!(by_verb, [false]);
    }
}
