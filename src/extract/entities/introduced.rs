//! A name the sentence introduces by its kind just before it: "the AI
//! company Anthropic", "tech giant Apple", "the pressure group
//! Greenpeace"; or in a description right after it: "Anthropic, the AI
//! start-up founded by former researchers,". News names an unfamiliar
//! company this way, often one whose name is also a word ("Anthropic",
//! "Pret", "Stripe") that the recognizer leaves untagged, or reads with
//! the description as one name ("AI company Anthropic"). The description
//! after the name is read by [`appositive`]; this module tags the names
//! both introductions leave untagged.

use super::appositive;
use super::features::{Class, Token};
use super::gazetteer::Gazetteer;
use super::heads;
use super::lexicon::list;
use super::tagger::{self, LOC, MISC, ORG};
use crate::extract::dates::lexicon::{MONTHS, WEEKDAYS};

/// Capitalized words of a name after its kind, at most.
const REACH: usize = 6;

/// Tags as an organization the capitalized words right after a lowercase
/// noun naming a kind of organization ([`appositive::is_organization_kind`]):
/// untagged, they are the organization; tagged with the noun and the words
/// before it as one name, the name is cut after the noun, and the words
/// before keep a type only as a nationality ("Dutch") or a place of the
/// table ("US firm"). A title or a word news writes in lowercase ("the
/// company Chairman"), a weekday or a month, or a stop word after the
/// noun is no name, nor a person's one name before a verb ("the company
/// Trump founded").
pub(crate) fn tag_introduced_organizations(s: &[Token], tags: &mut [u8], gaz: &Gazetteer) {
    for kind in 0..s.len() {
        if s[kind].class != Class::Lower || !appositive::is_organization_kind(&s[kind].lower) {
            continue;
        }
        // A journal is often named by a common word ("the journal
        // Science", "the journal Nature"), which no other kind's name is
        // taken for ("the company Chairman").
        let journal = s[kind].lower == "journal";
        let Some(end) = name_after(s, kind + 1, journal) else {
            continue;
        };
        let untagged = |a: usize, b: usize| tags[a..b].iter().all(|&t| t == 0);
        if untagged(kind, end) && tags.get(end).is_none_or(|&t| !tagger::is_inside(t)) {
            if names_a_subject(s, kind + 1, end) {
                continue;
            }
            tagger::mark(tags, kind + 1, end, ORG);
            continue;
        }
        // One span over the words before the noun, the noun and the name.
        let Some((start, stop, _)) = tagger::spans(tags)
            .into_iter()
            .find(|&(a, b, _)| a < kind && b > kind + 1)
        else {
            continue;
        };
        for t in &mut tags[start..stop] {
            *t = 0;
        }
        if let Some(ty) = before_type(s, start, kind, gaz) {
            tagger::mark(tags, start, kind, ty);
        }
        tagger::mark(tags, kind + 1, stop, ORG);
    }
}

/// The end of the name starting at `at`: a run of capitalized words (or
/// "&", "of" or "of the" between two), at most [`REACH`] words; none when
/// the first is a title, a weekday, a month or a stop word, or holds a
/// character no name does ("Gartner,downloaded": a missing space), or is
/// a word news writes in lowercase unless `common_word_ok` (a journal's).
fn name_after(s: &[Token], at: usize, common_word_ok: bool) -> Option<usize> {
    let first = s.get(at)?;
    if !opens_a_name(first, common_word_ok) {
        return None;
    }
    let mut end = at + 1;
    while end < s.len() && end < at + REACH {
        let capital = |k: usize| s.get(k).is_some_and(|t| t.class.is_capital());
        let word = |k: usize| s.get(k).map_or("", |t| t.lower.as_str());
        if matches!(word(end), "&" | "of") && capital(end + 1) {
            end += 2;
        } else if word(end) == "of" && word(end + 1) == "the" && capital(end + 2) {
            end += 3;
        } else if capital(end) {
            end += 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// Whether a word can open a name the sentence introduces: capitalized,
/// spelled with the characters of names, and neither a title, a word news
/// writes in lowercase (unless `common_word_ok`: "the journal Science"), a
/// weekday, a month nor a stop word.
fn opens_a_name(first: &Token, common_word_ok: bool) -> bool {
    let word = first.lower.as_str();
    let calendar =
        WEEKDAYS.iter().any(|(w, _)| *w == word) || MONTHS.iter().any(|(w, _)| *w == word);
    let spelled_as_name = first
        .lower
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | '&'));
    first.class.is_capital()
        && spelled_as_name
        && first.names & list::TITLE == 0
        && (common_word_ok || !first.is_common_word())
        && !calendar
        && !crate::extract::keywords::is_stop(word)
}

/// Tags as an organization the capitalized words the model left untagged
/// right before a description of them as a kind of organization
/// ("Anthropic, the AI start-up founded by former researchers, said";
/// see [`appositive::described_as_organization`]): the same introduction
/// as [`tag_introduced_organizations`] reads, written after the name. At
/// most [`REACH`] words, each capitalized, the first one that can open a
/// name ([`opens_a_name`]).
pub(crate) fn tag_described_organizations(s: &[Token], tags: &mut [u8]) {
    for comma in 1..s.len() {
        if s[comma].lower != ","
            || tags[comma - 1] != 0
            || !appositive::described_as_organization(|i| heads::seen(s, i), s.len(), comma)
        {
            continue;
        }
        let mut start = comma;
        while start > 0
            && comma - start < REACH
            && tags[start - 1] == 0
            && s[start - 1].class.is_capital()
        {
            start -= 1;
        }
        // The run must start the sentence or follow a word that is no
        // part of a name (a dash, a lowercase word), not cut one.
        let cut = start > 0 && s[start - 1].class.is_capital();
        if start == comma || cut || !opens_a_name(&s[start], false) {
            continue;
        }
        tagger::mark(tags, start, comma, ORG);
    }
}

/// Whether the one word at `at` (ending at `end`) is a given name or a
/// surname followed by a lowercase word: the subject of a relative clause
/// ("the company Trump founded"), not the company.
fn names_a_subject(s: &[Token], at: usize, end: usize) -> bool {
    end == at + 1
        && s[at].names & (list::FIRST_NAME | list::SURNAME) != 0
        && s.get(end).is_some_and(|t| t.class == Class::Lower)
}

/// The type the one word before a kind's noun keeps when a span took it
/// with the name: a nationality is misc, a place of the table a place;
/// anything else ("AI", "tech") describes the kind.
fn before_type(s: &[Token], start: usize, kind: usize, gaz: &Gazetteer) -> Option<usize> {
    if kind != start + 1 || !s[start].class.is_capital() {
        return None;
    }
    if gaz.nationality(&s[start].lower).is_some() {
        Some(MISC)
    } else if s[start].gaz & heads::PLACES != 0 {
        Some(LOC)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::features;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::super::tagger::{self, ORG};
    use super::*;

    /// The spans after `pass` runs over `words` tagged `tagged`.
    fn run(
        words: &[&str],
        tagged: &[(usize, usize, usize)],
        pass: impl Fn(&[Token], &mut [u8], &Gazetteer),
    ) -> Vec<(String, usize)> {
        let gaz = Gazetteer::embedded();
        let s = features::prepare(words, Lexicon::embedded(), gaz);
        let mut tags = vec![0u8; words.len()];
        for &(a, b, ty) in tagged {
            tagger::mark(&mut tags, a, b, ty);
        }
        pass(&s, &mut tags, gaz);
        tagger::spans(&tags)
            .into_iter()
            .map(|(a, b, ty)| (words[a..b].join(" "), ty))
            .collect()
    }

    fn names(words: &[&str], tagged: &[(usize, usize, usize)]) -> Vec<(String, usize)> {
        run(words, tagged, tag_introduced_organizations)
    }

    fn described(words: &[&str], tagged: &[(usize, usize, usize)]) -> Vec<(String, usize)> {
        run(words, tagged, |s, tags, _| {
            tag_described_organizations(s, tags)
        })
    }

    #[test]
    fn the_name_after_a_kind_of_organization_is_one() {
        let w = ["the", "software", "company", "Zorblax", "said", "so"];
        assert_eq!(names(&w, &[]), [("Zorblax".to_string(), ORG)]);
        let w = ["pressure", "group", "Amigos", "of", "the", "Earth", "said"];
        assert_eq!(names(&w, &[]), [("Amigos of the Earth".to_string(), ORG)]);
        let w = ["the", "chain", "Krenz", "&", "Vollmer", "said"];
        assert_eq!(names(&w, &[]), [("Krenz & Vollmer".to_string(), ORG)]);
    }

    #[test]
    fn a_span_over_the_description_is_cut_after_its_noun() {
        let w = ["the", "AI", "company", "Zorblax", "said", "so"];
        assert_eq!(names(&w, &[(1, 4, ORG)]), [("Zorblax".to_string(), ORG)]);
        let w = ["the", "Dutch", "company", "Zorblax", "said", "so"];
        assert_eq!(
            names(&w, &[(1, 4, ORG)]),
            [("Dutch".to_string(), MISC), ("Zorblax".to_string(), ORG)]
        );
    }

    #[test]
    fn the_untagged_name_before_a_description_of_a_company_is_one() {
        let w = [
            "Zorblax", ",", "the", "AI", "start-up", "founded", "by", "him", ",", "said",
        ];
        assert_eq!(described(&w, &[]), [("Zorblax".to_string(), ORG)]);
        let w = [
            "—",
            "Krenz",
            "Vollmer",
            ",",
            "a",
            "Ruritanian",
            "bank",
            ",",
            "said",
        ];
        assert_eq!(described(&w, &[]), [("Krenz Vollmer".to_string(), ORG)]);
    }

    #[test]
    fn no_description_or_no_name_before_one_tags_nothing() {
        // A word news writes in lowercase, a weekday, a tagged name.
        let w = [
            "Meanwhile",
            ",",
            "the",
            "company",
            ",",
            "which",
            "grew",
            ",",
            "said",
        ];
        assert_eq!(described(&w, &[]), []);
        let w = [
            "On", "Monday", ",", "the", "company", ",", "which", "grew", ",", "said",
        ];
        assert_eq!(described(&w, &[]), []);
        let w = ["Jo", "Smith", ",", "a", "bank", "executive", ",", "said"];
        assert_eq!(described(&w, &[]), []);
        let w = ["Zorblax", ",", "a", "Ruritanian", "bank", ",", "said"];
        assert_eq!(
            described(&w, &[(0, 1, tagger::PER)]),
            [("Zorblax".to_string(), tagger::PER)]
        );
    }

    #[test]
    fn titles_dates_and_tagged_names_are_left_alone() {
        let w = ["the", "company", "Chairman", "said", "so"];
        assert_eq!(names(&w, &[]), []);
        let w = ["the", "firm", "Monday", "said", "so"];
        assert_eq!(names(&w, &[]), []);
        let w = ["the", "company", "Trump", "founded"];
        assert_eq!(names(&w, &[]), []);
        let w = ["the", "company", "Musk", "bought"];
        assert_eq!(
            names(&w, &[(2, 3, tagger::PER)]),
            [("Musk".to_string(), tagger::PER)]
        );
    }
}
