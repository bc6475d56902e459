//! What an office holder is responsible for, written after the office
//! ("executive vice president for Marketing, Midstream and Processing",
//! "Cabinet Secretary for Net-Zero, Energy and Transport", "head of
//! Strategic Partnerships", "director of Communications and Public
//! Affairs"): capitalized because it is part of a title, not because it
//! names anything. The model reads such words as organizations or places
//! one by one ("Midstream" a place, "Energy and Transport" an
//! organization); they are no entity.

use super::document::is_name_word;
use super::features::Token;
use super::gazetteer::{Gazetteer, Kind};
use super::heads::PLACES;
use super::lexicon::list;
use super::tagger::{self, PER};

/// People a city must have for its name to be read as the place in a
/// portfolio ("Minister for Glasgow"); smaller towns share their names
/// with common words ("Midstream", a town of South Africa).
const KNOWN_CITY: u64 = 100_000;

/// Offices whose area of responsibility follows them after "for" or "of".
/// Not "spokesman" or "adviser" ("a spokesman for Google" names the
/// company), nor "ambassador" ("ambassador to France").
const OFFICES: &[&str] = &[
    "president",
    "vice-president",
    "secretary",
    "minister",
    "director",
    "head",
    "officer",
    "chief",
    "commissioner",
    "manager",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "professor",
    "dean",
    "lead",
    "coordinator",
    "undersecretary",
];

/// Offices of a government, after which "of" and capitalized words name
/// a ministry's area ("Minister of Trade Policy", "Secretary of State
/// Development"), not an employer.
const GOVERNMENT_OFFICES: &[&str] = &["minister", "secretary", "undersecretary", "commissioner"];

/// Capitalization rates (of `caps.tsv`) up to which a word counts as a
/// common word written with a capital in a title: rate 2 is under 70 %
/// capitalized ("Energy", "Finance", "Affairs" are as often in names).
const MAX_PORTFOLIO_CAPS: u8 = 2;

/// Untags the portfolios after an office and "for" or "of": the run of
/// capitalized words (with "and", "&" and commas between) right after,
/// when none of its words is a country, a region, a city of 100 000
/// people or a listed company, and its words are common ones news also
/// writes in lowercase. After "for" one such word is enough ("Marketing,
/// Midstream and Processing"); after "of" every word must be one, and the
/// office a government's or the employer named after the run ("head of
/// Strategic Partnerships at …"), since "president of Solidarity
/// Strategies" and "President of France" name what follows. Only names
/// that lie wholly inside the run are untagged, and never a person's.
pub(crate) fn untag(s: &[Token], tags: &mut [u8], gaz: &Gazetteer) {
    for k in 1..s.len() {
        let of = match s[k].lower.as_str() {
            "for" => false,
            "of" => true,
            _ => continue,
        };
        let office = &s[k - 1];
        if tags[k - 1] != 0 || !OFFICES.contains(&office.lower.as_str()) {
            continue;
        }
        // "won best director for Million Dollar Baby": an award's
        // category, and the work it was won for.
        if k >= 2 && s[k - 2].lower == "best" {
            continue;
        }
        let end = run_end(s, k + 1);
        // After "of" a company's officer names the employer ("president
        // of Solidarity Strategies", "chairman of Save Our Community"):
        // only a government's office, or a run the employer follows
        // ("director of Communications at Acme"), is a portfolio.
        let employer_follows = s.get(end).is_some_and(|t| t.lower == "at");
        if of && !GOVERNMENT_OFFICES.contains(&office.lower.as_str()) && !employer_follows {
            continue;
        }
        if end == k + 1 || !is_portfolio(s, k + 1, end, of, gaz) {
            continue;
        }
        for (a, b, ty) in tagger::spans(tags) {
            if a > k && b <= end && ty != PER {
                for t in &mut tags[a..b] {
                    *t = 0;
                }
            }
        }
    }
}

/// The end of the run of capitalized words and joiners starting at
/// `start`; the run never ends on a joiner, and a list's last item (after
/// "and" or "&") ends it at the next comma: "for Energy and Transport,
/// Michael Matheson" names the office holder after it.
fn run_end(s: &[Token], start: usize) -> usize {
    let mut end = start;
    let mut k = start;
    let mut last_item = false;
    while let Some(t) = s.get(k) {
        if is_name_word(t) {
            k += 1;
            end = k;
        } else if matches!(t.lower.as_str(), "and" | "&") {
            last_item = true;
            k += 1;
        } else if t.lower == "-" || t.lower == "," && !last_item {
            k += 1;
        } else {
            break;
        }
    }
    end
}

/// Whether the run `start..end` reads as a portfolio ([`untag`]).
fn is_portfolio(s: &[Token], start: usize, end: usize, of: bool, gaz: &Gazetteer) -> bool {
    let words: Vec<&Token> = s[start..end].iter().filter(|t| is_name_word(t)).collect();
    // Any word of a place's name ("New" of "New Jersey"), but for a
    // word that only small towns are named ("Midstream").
    let place = |t: &Token| {
        let small_town = || {
            let places = gaz.candidates(&t.lower);
            !places.is_empty()
                && places
                    .iter()
                    .all(|p| p.kind == Kind::City && gaz.people(p) < KNOWN_CITY)
        };
        t.gaz & (PLACES | PLACES << 8) != 0 && !small_town()
    };
    let named = |t: &Token| place(t) || t.names & list::COMPANY_NAME != 0;
    let common = |t: &Token| t.caps.is_some_and(|c| c <= MAX_PORTFOLIO_CAPS);
    !words.iter().any(|t| named(t))
        && if of {
            words.iter().all(|t| common(t))
        } else {
            words.iter().any(|t| common(t))
        }
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::super::tagger::{LOC, ORG};
    use super::*;

    fn untagged(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
        let lex = Lexicon::parse(
            "",
            "marketing\t1\nprocessing\t0\nenergy\t2\ntransport\t2\nstrategic\t1\npartnerships\t1\n",
        )
        .with_names("acme\to\n");
        let gaz = Gazetteer::parse(
            "Ruritania\tcountry\tRR\t1.0\t2.0\t5000000\t\t\nMidstream\tcity\tRR\t1.0\t2.0\t25000\t\t\n",
            "",
        );
        let s = prepare(words, &lex, &gaz);
        let mut tags = vec![0; words.len()];
        for &(a, b, ty) in spans {
            tagger::mark(&mut tags, a, b, ty);
        }
        untag(&s, &mut tags, &gaz);
        tagger::spans(&tags)
    }

    #[test]
    fn a_portfolio_after_an_office_is_no_name() {
        let w = [
            "president",
            "for",
            "Marketing",
            ",",
            "Midstream",
            "and",
            "Processing",
            ",",
            "said",
        ];
        assert_eq!(untagged(&w, &[(4, 5, LOC)]), []);
        let w = ["Secretary", "for", "Energy", "and", "Transport", "said"];
        assert_eq!(untagged(&w, &[(2, 5, ORG)]), []);
        // The office holder named after the list stays.
        let w = [
            "Secretary",
            "for",
            "Energy",
            "and",
            "Transport",
            ",",
            "Jo",
            "Zorbic",
            ",",
            "said",
        ];
        assert_eq!(untagged(&w, &[(2, 5, ORG), (6, 8, ORG)]), [(6, 8, ORG)]);
        let w = ["head", "of", "Strategic", "Partnerships", "at", "Acme"];
        assert_eq!(untagged(&w, &[(2, 4, ORG), (5, 6, ORG)]), [(5, 6, ORG)]);
        let w = ["Minister", "of", "Energy", "and", "Transport", "said"];
        assert_eq!(untagged(&w, &[(2, 5, ORG)]), []);
    }

    #[test]
    fn a_company_or_a_place_after_an_office_stays() {
        // After "of", an unknown word may be the employer.
        let w = ["head", "of", "Zorbex", "Energy", "said"];
        assert_eq!(untagged(&w, &[(2, 4, ORG)]), [(2, 4, ORG)]);
        let w = ["President", "of", "Ruritania", "said"];
        assert_eq!(untagged(&w, &[(2, 3, LOC)]), [(2, 3, LOC)]);
        // An officer's company, even of common words.
        let w = ["president", "of", "Strategic", "Energy", ",", "a", "firm"];
        assert_eq!(untagged(&w, &[(2, 4, ORG)]), [(2, 4, ORG)]);
        let w = ["chief", "for", "Acme", "Energy", "said"];
        assert_eq!(untagged(&w, &[(2, 4, ORG)]), [(2, 4, ORG)]);
        let w = [
            "won", "best", "director", "for", "Million", "Dollar", "Baby",
        ];
        assert_eq!(untagged(&w, &[(4, 7, ORG)]), [(4, 7, ORG)]);
        // Not after other roles: "a spokesman for Acme".
        let w = ["spokesman", "for", "Energy", "Transport"];
        assert_eq!(untagged(&w, &[(2, 4, ORG)]), [(2, 4, ORG)]);
    }
}
