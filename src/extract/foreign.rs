//! What is kept of the names of an article in another language. The
//! recognizer reads English: its cues are English capitals and words, so on
//! German, where every noun is capitalized, or on Indonesian or Portuguese,
//! it finds a person in every capitalized word ("Die Einwilligung",
//! "Akteure des Gesundheitswesens"), and on Cyrillic text in every word that
//! opens a sentence. Of such an article only the names that need no
//! English to confirm are kept: places of the table that are countries,
//! regions or large cities ("Berlin", "Myanmar"), and people whose name
//! opens on a known first name and has two to four capitalized words
//! ("Angela Merkel", "Kyle Busch"). Organizations and other names go: the
//! recognizer's evidence for them is English words. The keywords, whose
//! phrases and stop words are English too ("und", "die", "не" would lead
//! them), are the names kept, the most mentioned first.

use super::entities::gazetteer::{Gazetteer, Kind};
use super::entities::hash;
use super::entities::lexicon::{Lexicon, list};
use super::entities::{Entity, EntityType};
use super::keywords::{Keyword, stem};
use super::places::CITY_ALONE;

/// Words a person's name kept in a foreign article may have.
const PERSON_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// Keeps of `entities`, found by the English recognizer in a text that is
/// not English, those the places table or the first-name list confirm.
pub(crate) fn keep_confirmed(entities: &mut Vec<Entity>, gaz: &Gazetteer, lex: &Lexicon) {
    entities.retain(|e| match e.ty {
        EntityType::Place => e.country.is_some() && is_known_place(&e.name, gaz),
        EntityType::Person => is_full_name(&e.name, lex),
        _ => false,
    });
}

/// The keywords of an article in another language: its `entities` (those
/// [`keep_confirmed`] kept), the most mentioned first, then in order of
/// first mention; scored by mentions against the most mentioned.
pub(crate) fn keywords(entities: &[Entity], limit: usize) -> Vec<Keyword> {
    let mut named: Vec<&Entity> = entities.iter().filter(|e| !e.mentions.is_empty()).collect();
    named.sort_by_key(|e| {
        let first = e.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        (std::cmp::Reverse(e.mentions.len()), first)
    });
    let top = named.first().map_or(1, |e| e.mentions.len()) as f64;
    let mut out: Vec<Keyword> = Vec::new();
    for e in named {
        let key = stem::phrase_key(&e.name);
        if out.len() == limit || out.iter().any(|k| k.key == key) {
            continue;
        }
        out.push(Keyword {
            text: e.name.clone(),
            key,
            score: (e.mentions.len() as f64 / top * 1e4).round() / 1e4,
        });
    }
    out
}

/// A country, a region or a city of [`CITY_ALONE`] people or more, by a
/// name of the table.
fn is_known_place(name: &str, gaz: &Gazetteer) -> bool {
    gaz.candidates(name).iter().any(|p| match p.kind {
        Kind::Country | Kind::Region => true,
        Kind::City => p.population >= CITY_ALONE,
    })
}

/// Two to four capitalized words, the first a first name of the census.
fn is_full_name(name: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    PERSON_WORDS.contains(&words.len())
        && words.iter().all(capitalized)
        && words.first().is_some_and(|first| {
            lex.names(hash::of_str(&first.to_lowercase())) & list::FIRST_NAME != 0
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(ty: EntityType, name: &str, country: Option<&str>) -> Entity {
        Entity {
            ty,
            name: name.to_string(),
            mentions: std::iter::once(0..name.len()).collect(),
            roles: Vec::new(),
            country: country.map(str::to_string),
            kind: None,
            lat: None,
            lon: None,
            acronym: None,
        }
    }

    #[test]
    fn keeps_large_places_and_full_names_only() {
        let mut es = vec![
            entity(EntityType::Place, "Berlin", Some("DE")),
            entity(EntityType::Place, "Myanmar", Some("MM")),
            entity(EntityType::Person, "Angela Merkel", None),
            entity(EntityType::Person, "Die Einwilligung", None),
            entity(EntityType::Person, "Akteure des Gesundheitswesens", None),
            entity(EntityType::Person, "Merkel", None),
            entity(EntityType::Organization, "Bei diesem Konzept", None),
            entity(EntityType::Misc, "Die Digitalisierung", None),
            entity(EntityType::Place, "Gesundheitswesen", None),
        ];
        keep_confirmed(&mut es, Gazetteer::embedded(), Lexicon::embedded());
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Berlin", "Myanmar", "Angela Merkel"]);
    }

    #[test]
    fn keywords_are_the_names_kept_most_mentioned_first() {
        let mut berlin = entity(EntityType::Place, "Berlin", Some("DE"));
        berlin.mentions = vec![40..46, 90..96];
        let merkel = entity(EntityType::Person, "Angela Merkel", None);
        let mut myanmar = entity(EntityType::Place, "Myanmar", Some("MM"));
        myanmar.mentions = vec![20..27, 60..67];
        let ks = keywords(&[berlin, merkel, myanmar], 2);
        let texts: Vec<(&str, f64)> = ks.iter().map(|k| (k.text.as_str(), k.score)).collect();
        assert_eq!(texts, [("Myanmar", 1.0), ("Berlin", 1.0)]);
        assert!(keywords(&[], 10).is_empty());
    }

    #[test]
    fn a_first_name_opens_a_full_name_of_two_to_four_words() {
        let lex = Lexicon::embedded();
        assert!(is_full_name("Kyle Busch", lex));
        assert!(is_full_name("Maria Luisa Souza", lex));
        assert!(!is_full_name("Kyle", lex));
        assert!(!is_full_name("Kanselir Jerman Angela Merkel", lex));
    }
}
