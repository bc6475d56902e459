//! Span repairs after decoding, from what the name lists know for sure and
//! the statistics learn slowly: a title or honorific opening a person's
//! name is not part of it ("Mr", "Ms", "Dr", "Senator", "Pope": CoNLL,
//! WikiGold and UNER all tag "Mr Smith" as PER "Smith"); credentials and
//! degrees written as such (with dots or inner capitals: "Ph.D.", "M.D.",
//! "MSc") are never part of a name; a drug name
//! alone is a product (MISC), never a person or a place; "Air" before a
//! place makes an airline ("Air France": ORG). Words that are
//! also first names ("Dean", "Earl", "Allegra") are left to the model.

use super::features::{Class, Token};
use super::gazetteer::Gazetteer;
use super::heads;
use super::lexicon::list;
use super::tagger::{self, begin, inside};

/// Type index of PER and of MISC in the tagger's order.
const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Repairs one sentence's tags in place (see the module doc).
pub(crate) fn repair(s: &[Token], tags: &mut [u8], gaz: &Gazetteer) {
    rejoin(s, tags);
    for (start, end, ty) in tagger::spans(tags) {
        let names = |i: usize| s.get(i).map_or(0, |t| t.names);
        let only = |i: usize, bits: u8| {
            let n = names(i);
            n & bits != 0 && n & (list::FIRST_NAME | list::SURNAME) == 0
        };
        // Credentials as degrees are written ("Ph.D.", "PhD", "M.Sc."): the
        // list's capital-only forms are as often acronyms ("USA", "LG").
        let credential = |i: usize| {
            only(i, list::CREDENTIAL)
                && s.get(i)
                    .is_some_and(|t| t.lower.contains('.') || t.class == Class::Mixed)
        };
        let (mut s0, mut e0) = (start, end);
        while s0 < e0 && credential(s0) {
            s0 += 1;
        }
        while e0 > s0 && (credential(e0 - 1) || is_comma(s, e0 - 1) || dangling(s, e0 - 1)) {
            e0 -= 1;
        }
        if ty == PER && e0 > s0 + 1 && is_calendar_word(s, e0 - 1) {
            e0 -= 1;
        }
        if ty == PER {
            while s0 + 1 < e0
                && (only(s0, list::TITLE) || is_royal_title(s, s0))
                && s[s0 + 1].class.is_capital()
            {
                s0 += 1;
            }
        }
        let new_ty = if ty != MISC && e0 > s0 && (s0..e0).all(|i| only(i, list::DRUG)) {
            MISC
        } else if ty == LOC && end - start <= 2 && airline_word(s, tags, start) {
            s0 = start - 1;
            ORG
        } else if e0 > s0 {
            heads::retype(s, s0, e0, ty, gaz).unwrap_or(ty)
        } else {
            ty
        };
        if (s0, e0, new_ty) == (start, end, ty) {
            continue;
        }
        for t in tags.iter_mut().take(end).skip(start) {
            *t = 0;
        }
        if e0 > s0 {
            tags[s0] = begin(new_ty);
            for t in tags.iter_mut().take(e0).skip(s0 + 1) {
                *t = inside(new_ty);
            }
        }
    }
}

/// Joins a span that ends on a lowercase joiner ("City of", "State Law
/// and") to the span right after it: the model cut one name in two, and
/// the joiner it kept is the evidence ("City of Buenos Aires"). The joined
/// name keeps the first part's type.
fn rejoin(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for w in spans.windows(2) {
        let ((a, b, ty), (c, d, _)) = (w[0], w[1]);
        if b == c
            && b - a >= 2
            && s[a].class.is_capital()
            && dangling(s, b - 1)
            && s[c].class.is_capital()
        {
            for t in tags.iter_mut().take(d).skip(c) {
                *t = inside(ty);
            }
        }
    }
}

/// Whether the word before a place's span at `start` is a capitalized,
/// untagged "Air": an airline ("Air France", "Air India", "Air New
/// Zealand"), whose name is an organization.
fn airline_word(s: &[Token], tags: &[u8], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|a| tags[a] == 0 && s[a].lower == "air" && s[a].class.is_capital())
}

/// A lowercase joiner a name never ends on ("of", "de", "and"): the model
/// ran past the name.
fn dangling(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        t.class == Class::Lower && matches!(t.lower.as_str(), "of" | "and" | "de" | "the" | "for")
    })
}

/// A weekday or month at the end of a longer name ("… said Reuters
/// Monday"): news dates a sentence there; names rarely end on one.
fn is_calendar_word(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        t.class == Class::Capitalized
            && matches!(
                t.lower.as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "january"
                    | "february"
                    | "april"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            )
    })
}

/// A title of rulers and clergy that is also a name ("King", "Pope",
/// "Lord", "Prince"), capitalized before another name: CoNLL-2003 keeps
/// it out of the person's name ("King Hussein" is PER "Hussein").
fn is_royal_title(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        t.class == Class::Capitalized
            && matches!(
                t.lower.as_str(),
                "king"
                    | "queen"
                    | "prince"
                    | "princess"
                    | "pope"
                    | "lord"
                    | "sheikh"
                    | "sultan"
                    | "emir"
                    | "emperor"
                    | "empress"
                    | "tsar"
                    | "czar"
                    | "shah"
            )
    })
}

/// A comma token (left at a span's end once a credential is cut off).
fn is_comma(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| t.lower == ",")
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse("", "").with_names(
            "mr\tt\nms\tt\npope\tt\ndean\tft\nph.d.\tq\nphd\tq\nmd\tq\nm.d.\tq\nxanax\td\nallegra\tdf\n",
        )
    }

    /// Tags `words` as `spans` say, repairs them, and returns the spans.
    fn repaired(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), &Gazetteer::parse("", ""));
        let mut tags = vec![0u8; words.len()];
        for &(a, b, ty) in spans {
            tags[a] = begin(ty);
            for t in tags.iter_mut().take(b).skip(a + 1) {
                *t = inside(ty);
            }
        }
        repair(&s, &mut tags, &Gazetteer::parse("", ""));
        tagger::spans(&tags)
    }

    #[test]
    fn titles_leave_person_names() {
        assert_eq!(
            repaired(&["Ms", "Pugh", "said"], &[(0, 2, PER)]),
            [(1, 2, PER)]
        );
        assert_eq!(
            repaired(&["Pope", "Francis", "spoke"], &[(0, 2, PER)]),
            [(1, 2, PER)]
        );
        // A first name that is also a title stays; a title alone stays;
        // other types keep their words.
        assert_eq!(
            repaired(&["Dean", "Martin", "sang"], &[(0, 2, PER)]),
            [(0, 2, PER)]
        );
        assert_eq!(repaired(&["Mr", "said"], &[(0, 1, PER)]), [(0, 1, PER)]);
        assert_eq!(repaired(&["Mr", "Pugh", "Ltd"], &[(0, 3, 1)]), [(0, 3, 1)]);
    }

    #[test]
    fn air_before_a_place_is_an_airline() {
        assert_eq!(
            repaired(&["an", "Air", "France", "flight"], &[(2, 3, LOC)]),
            [(1, 3, ORG)]
        );
        assert_eq!(
            repaired(&["Air", "New", "Zealand", "said"], &[(1, 3, LOC)]),
            [(0, 3, ORG)]
        );
        // Lowercase air, or a person, stays as it is.
        assert_eq!(
            repaired(&["the", "air", "France", "breathes"], &[(2, 3, LOC)]),
            [(2, 3, LOC)]
        );
        assert_eq!(
            repaired(&["Air", "Jordan", "shoes"], &[(1, 2, PER)]),
            [(1, 2, PER)]
        );
    }

    #[test]
    fn credentials_and_drugs_are_never_people() {
        assert_eq!(repaired(&["a", "Ph.D.", "in"], &[(1, 2, PER)]), []);
        assert_eq!(
            repaired(&["Ada", "Okafor", ",", "M.D.", "said"], &[(0, 4, PER)]),
            [(0, 2, PER)]
        );
        assert_eq!(repaired(&["M.D.", "Ada"], &[(0, 1, 2)]), []);
        assert_eq!(repaired(&["a", "PhD", "in"], &[(1, 2, PER)]), []);
        // A credential in capitals only is as often an acronym.
        assert_eq!(repaired(&["MD", "said"], &[(0, 1, 2)]), [(0, 1, 2)]);
        assert_eq!(
            repaired(&["took", "Xanax", "daily"], &[(1, 2, PER)]),
            [(1, 2, MISC)]
        );
        assert_eq!(
            repaired(&["Allegra", "said"], &[(0, 1, PER)]),
            [(0, 1, PER)]
        );
    }
}
