//! Names written side by side with "and" or commas. The recognizer learned
//! from newswire where "Marks and Spencer" is one company, so it sometimes
//! reads two names joined by "and" as one ("Morgan Stanley and
//! Bernstein"); and a brand it never saw, listed beside companies it knows,
//! gets the type its other readings suggest ("Microsoft, Meta and Amazon":
//! a region of Colombia, a river). Both rules read only the sentence's
//! capitals, the word lists and the model's own tags, so they reach names
//! never seen.

use super::features::{Class, SMALL_WORDS, Token};
use super::gazetteer::list as gaz_list;
use super::heads::{self, PLACES};
use super::lexicon::list as names_list;
use super::tagger::{self, LOC, ORG, PER};

/// The gazetteer's countries and cities, as a token's `gaz` bits (low
/// byte: a phrase starting here): listed beside companies they are still
/// places (or governments).
const COUNTRY_OR_CITY: u16 = (gaz_list::COUNTRY | gaz_list::CITY) as u16;

/// Whether the token is a capitalized word news does not write in
/// lowercase: a name's own word ("Stanley", "Bernstein"), not a common
/// noun capitalized in a title ("Oil and Gas").
fn is_name_word(t: &Token) -> bool {
    t.class == Class::Capitalized && !t.is_common_word()
}

/// Splits a span the model read over "and" into the names it joins, when
/// what stands on either side is a name of its own: two or more name
/// words before "and" (or a comma-separated run of them) and one name word
/// after it ("Morgan Stanley and Bernstein", "Alfa Romeo and Maserati",
/// "Toyota, Suzuki and Ford"). One-word pairs ("Marks and Spencer",
/// "Procter and Gamble"), names whose part after "and" is a common word or
/// a legal form ("Oil and Gas", "Homeland and Freedom", "Yates and Co"),
/// names with lowercase joiners ("Department of Health and Human
/// Services") and names that open and end on places of the table ("Saint
/// Kitts and Nevis", the constituency "Oxford West and Abingdon") stay
/// whole. Only people and organizations are split: places joined are
/// constituencies and countries, misc names titles ("Pride and
/// Prejudice").
pub(crate) fn split_joined_names(s: &[Token], tags: &mut [u8]) {
    for (start, end, ty) in tagger::spans(tags) {
        if !(ty == ORG || ty == PER) || end - start < 4 {
            continue;
        }
        let ands: Vec<usize> = (start..end).filter(|&i| s[i].lower == "and").collect();
        let [and] = ands[..] else {
            continue;
        };
        if and + 2 != end || !is_name_word(&s[end - 1]) || heads::is_legal_form(&s[end - 1].lower) {
            continue;
        }
        let Some(items) = items_before(s, start, and) else {
            continue;
        };
        if items.len() == 1 && items[0].1 - items[0].0 < 2 {
            continue;
        }
        // Places joined: one place of the table read whole ("Saint Kitts
        // and Nevis"), or a constituency ("Oxford West and Abingdon").
        if s[start].gaz & PLACES != 0 && (s[end - 1].gaz | s[end - 1].gaz >> 8) & PLACES != 0 {
            continue;
        }
        for t in &mut tags[start..end] {
            *t = 0;
        }
        for (a, b) in items {
            tagger::mark(tags, a, b, ty);
        }
        tagger::mark(tags, end - 1, end, ty);
    }
}

/// The names of `start..and`, split at commas: each a run of name words;
/// `None` when a word is anything else.
fn items_before(s: &[Token], start: usize, and: usize) -> Option<Vec<(usize, usize)>> {
    let mut items = Vec::new();
    let mut a = start;
    for (i, t) in s.iter().enumerate().take(and + 1).skip(start) {
        if i == and || t.lower == "," {
            if i == a {
                return None;
            }
            items.push((a, i));
            a = i + 1;
        } else if !is_name_word(t) {
            return None;
        }
    }
    Some(items)
}

/// Titles a ministry's portfolio is written before ("Work and Pensions
/// Secretary", "Culture, Media and Sport Minister").
const PORTFOLIO_TITLES: &[&str] = &["secretary", "secretaries", "minister", "ministers"];

/// Words of a role before its portfolio ("Former Work and Pensions
/// Secretary", "Shadow Culture Secretary"): not the portfolio's.
const ROLE_MODIFIERS: &[&str] = &[
    "former", "new", "then", "acting", "shadow", "deputy", "junior", "ex", "incoming", "outgoing",
    "current", "interim",
];

/// Joins a ministry's portfolio written before a title into one
/// organization, where the model tagged some of its words alone ("Work"
/// and "Pensions" of "Work and Pensions Secretary", "Sport" of "Culture,
/// Media and Sport Secretary"): the capitalized words and their "and",
/// "&" and commas before the title, when the model tagged nothing in them
/// but organizations. A portfolio of one word is left as the model read
/// it ("Commerce Secretary", "Treasury Secretary").
pub(crate) fn join_portfolios(s: &[Token], tags: &mut [u8]) {
    for (title, t) in s.iter().enumerate() {
        if t.class != Class::Capitalized || !PORTFOLIO_TITLES.contains(&t.lower.as_str()) {
            continue;
        }
        if tags[title] != 0 {
            continue;
        }
        let joiner = |i: usize| matches!(s[i].lower.as_str(), "and" | "&" | ",");
        let portfolio_word = |i: usize| {
            s[i].class == Class::Capitalized
                && !SMALL_WORDS.contains(&s[i].lower.as_str())
                && !ROLE_MODIFIERS.contains(&s[i].lower.as_str())
        };
        let mut start = title;
        while start > 0
            && (portfolio_word(start - 1) || joiner(start - 1))
            && tagger::type_of(tags[start - 1]).is_none_or(|ty| ty == ORG)
        {
            start -= 1;
        }
        // The run opens on a capitalized word, not on a joiner.
        while start < title && joiner(start) {
            start += 1;
        }
        let run = start..title;
        let joined = run
            .clone()
            .any(|i| s[i].lower == "and" || s[i].lower == "&");
        let tagged = run.clone().any(|i| tags[i] != 0);
        if run.len() >= 3 && joined && tagged {
            tagger::mark(tags, start, title, ORG);
        }
    }
}

/// Types as a company a one-word name the model took for a person or a
/// place, when it stands in a list ("A, B and C", "A and B", "A or B")
/// of organizations and such words only, one of the organizations a name
/// of the company list, and the company list holds the word:
/// "Microsoft, Meta and Amazon", "Walmart and Target". A list that also
/// holds a person or a place the rule would not retype is of people or
/// places (a team sheet's "Ford, Douglas, Blair, Stewart"), and is left
/// alone. Countries and cities stay places ("Microsoft and Washington",
/// "Nvidia and China"); a region of the table (Colombia's Meta, but also
/// Texas) becomes a company only in a list of three or more whose other
/// names are all organizations.
pub(crate) fn type_listed_companies(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for list in lists(s, &spans) {
        type_run(s, &mut spans[list].to_vec(), tags);
    }
}

/// The lists among a sentence's names (`spans`): runs of names joined by
/// a list's joiner ([`joins`]), as ranges of indices into `spans`; a name
/// on its own is a run of one.
fn lists(s: &[Token], spans: &[(usize, usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        let mut end = k + 1;
        while end < spans.len() && joins(s, spans[end - 1].1, spans[end].0) {
            end += 1;
        }
        out.push(k..end);
        k = end;
    }
    out
}

/// Types as a place a one-word organization or person that stands in a
/// list of three or more names whose others are all places, when the
/// places table has the word as a country or city and the company list
/// does not hold it: "Allentown, Scranton and Pittsburgh" (the model took
/// Scranton for an organization). A list with a second name of another
/// type is left alone.
pub(crate) fn type_listed_places(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for list in lists(s, &spans) {
        let run = &spans[list];
        if introduced_as_places(s, run[0].0) {
            // "villages including Kiotari, Lardos and Gennadi": the kind
            // written before the list says what its names are.
            for &(a, b, ty) in run {
                if (ty == PER || ty == ORG)
                    && s[a..b].iter().all(|t| t.names & names_list::COMPANY == 0)
                {
                    tagger::mark(tags, a, b, LOC);
                }
            }
            continue;
        }
        let others: Vec<&(usize, usize, usize)> = run.iter().filter(|i| i.2 != LOC).collect();
        if run.len() < 3 || others.len() != 1 {
            continue;
        }
        let &(a, b, ty) = others[0];
        if b == a + 1
            && (ty == ORG || ty == PER)
            && s[a].gaz & COUNTRY_OR_CITY != 0
            && s[a].names & names_list::COMPANY == 0
        {
            tagger::mark(tags, a, b, LOC);
        }
    }
}

/// Whether the list starting at token `start` follows a plural kind of
/// place and "including", "such as", "like" or a colon ("villages
/// including …", "cities such as …", "the towns of …").
fn introduced_as_places(s: &[Token], start: usize) -> bool {
    let word = |i: usize| s.get(i).map_or("", |t| t.lower.as_str());
    // A plural kind of place ([`heads::is_place_kind`]).
    let kind = |i: usize| {
        s.get(i).is_some_and(|t| t.class == Class::Lower)
            && word(i).ends_with('s')
            && heads::is_place_kind(word(i))
    };
    match start.checked_sub(1).map(word) {
        Some("including" | "like" | ":" | "of") => start >= 2 && kind(start - 2),
        Some("as") => start >= 3 && word(start - 2) == "such" && kind(start - 3),
        _ => false,
    }
}

/// [`type_listed_companies`] over one list's names.
fn type_run(s: &[Token], run: &mut [(usize, usize, usize)], tags: &mut [u8]) {
    let retypable = |&(a, b, ty): &(usize, usize, usize)| {
        b == a + 1 && (ty == PER || ty == LOC) && is_company_word(&s[a])
    };
    // A listed company the model typed so: the list is of companies.
    let listed_company = |&(a, b, ty): &(usize, usize, usize)| {
        ty == ORG && s[a..b].iter().any(|t| t.names & names_list::COMPANY != 0)
    };
    let companies_only =
        run.iter().any(listed_company) && run.iter().all(|item| item.2 == ORG || retypable(item));
    if run.len() >= 2 && companies_only {
        // Words no country, region or city of the table has.
        for item in run.iter_mut() {
            if item.2 != ORG && s[item.0].gaz & PLACES == 0 {
                item.2 = ORG;
                tagger::mark(tags, item.0, item.1, ORG);
            }
        }
        // Regions, only among organizations.
        let others = run.iter().filter(|item| item.2 != ORG).count();
        if run.len() >= 3 && others == 1 {
            for item in run.iter().filter(|item| item.2 != ORG) {
                tagger::mark(tags, item.0, item.1, ORG);
            }
        }
    }
}

/// Lowercase nouns of kin written right before the first names of the
/// people they are ("her sons Jasper and Sebastian", "his wife Ana").
const KIN_NOUNS: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "children",
    "grandchildren",
    "grandsons",
    "granddaughters",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "siblings",
    "wife",
    "husband",
    "widow",
    "widower",
    "parents",
    "mother",
    "father",
    "twins",
];

/// Types as people the one-word names in a list right after a noun of kin
/// ("her sons Jasper and Sebastian"), when the first-name list holds the
/// word: the model may take a first name for a place or a company.
pub(crate) fn type_kin_lists(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for list in lists(s, &spans) {
        let a = spans[list.start].0;
        let after_kin =
            a > 0 && s[a - 1].class == Class::Lower && KIN_NOUNS.contains(&s[a - 1].lower.as_str());
        if !after_kin {
            continue;
        }
        for &(a, b, ty) in &spans[list] {
            if b == a + 1
                && ty != PER
                && s[a].class == Class::Capitalized
                && s[a].names & names_list::FIRST_NAME != 0
            {
                tagger::mark(tags, a, b, PER);
            }
        }
    }
}

/// Whether the words between two names are a list's joiner: ",", "and",
/// "or", ", and", ", or".
pub(crate) fn joins(s: &[Token], end: usize, next: usize) -> bool {
    let between: Vec<&str> = s[end..next].iter().map(|t| t.lower.as_str()).collect();
    matches!(
        between[..],
        [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"]
    )
}

/// A capitalized word the company list holds, of three letters or more,
/// that names no country or city of the table.
fn is_company_word(t: &Token) -> bool {
    t.class == Class::Capitalized
        && t.lower.chars().count() >= 3
        && t.names & names_list::COMPANY != 0
        && t.gaz & COUNTRY_OR_CITY == 0
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::super::tagger::MISC;
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse("", "gas\t1\nfreedom\t0\nstanley\t4\n").with_names(
            "meta\tcf\namazon\tc\ntarget\tc\nwashington\tcs\nparis\tc\nco\tx\n\
             microsoft\tc\nwalmart\tc\nford\tcfs\npermian\tc\n",
        )
    }

    fn gaz() -> Gazetteer {
        Gazetteer::parse(
            "Meta\tregion\tCO\t\t\t0\t\tCO-MET\nWashington\tcity\tUS\t38.9\t-77.0\t600000\t\t\n\
             Paris\tcity\tFR\t48.8\t2.3\t2100000\t\t\n\
             Saint Kitts and Nevis\tcountry\tKN\t17.3\t-62.7\t50000\t\t\n\
             Oxford\tcity\tGB\t51.7\t-1.2\t150000\t\t\n\
             Abingdon\tcity\tGB\t51.6\t-1.3\t33000\t\t\n",
            "",
        )
    }

    fn tagged(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
        let mut tags = vec![0u8; n];
        for &(a, b, ty) in spans {
            tagger::mark(&mut tags, a, b, ty);
        }
        tags
    }

    /// The spans after `rule` ran over `words` tagged with `spans`.
    fn applied(
        rule: fn(&[Token], &mut [u8]),
        words: &[&str],
        spans: &[(usize, usize, usize)],
    ) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), &gaz());
        let mut tags = tagged(words.len(), spans);
        rule(&s, &mut tags);
        tagger::spans(&tags)
    }

    fn split(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), &gaz());
        let mut tags = tagged(words.len(), spans);
        split_joined_names(&s, &mut tags);
        tagger::spans(&tags)
    }

    fn listed(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), &gaz());
        let mut tags = tagged(words.len(), spans);
        type_listed_companies(&s, &mut tags);
        tagger::spans(&tags)
    }

    #[test]
    fn a_name_among_places_is_a_place() {
        let places = |words: &[&str], spans: &[(usize, usize, usize)]| {
            applied(type_listed_places, words, spans)
        };
        // 0 in 1 Abingdon 2 , 3 Oxford 4 and 5 Lisbon
        let w = ["in", "Abingdon", ",", "Oxford", "and", "Lisbon"];
        assert_eq!(
            places(&w, &[(1, 2, LOC), (3, 4, ORG), (5, 6, LOC)]),
            [(1, 2, LOC), (3, 4, LOC), (5, 6, LOC)]
        );
        // Two names of other types: the list is not of places.
        let spans = [(1, 2, PER), (3, 4, ORG), (5, 6, LOC)];
        assert_eq!(places(&w, &spans), spans);
        // Two names are no list to go by.
        let w = ["in", "Oxford", "and", "Lisbon"];
        let spans = [(1, 2, ORG), (3, 4, LOC)];
        assert_eq!(places(&w, &spans), spans);
        // Unless the kind of place is written before them.
        let w = [
            "villages",
            "including",
            "Kiotari",
            ",",
            "Lardos",
            "and",
            "Gennadi",
        ];
        assert_eq!(
            places(&w, &[(2, 3, PER), (4, 5, PER), (6, 7, ORG)]),
            [(2, 3, LOC), (4, 5, LOC), (6, 7, LOC)]
        );
        let w = ["cities", "such", "as", "Kiotari", "and", "Lardos"];
        assert_eq!(
            places(&w, &[(3, 4, PER), (5, 6, PER)]),
            [(3, 4, LOC), (5, 6, LOC)]
        );
        let w = ["people", "including", "Kiotari", "and", "Lardos"];
        let spans = [(2, 3, PER), (4, 5, PER)];
        assert_eq!(places(&w, &spans), spans);
    }

    #[test]
    fn two_names_joined_by_and_are_split() {
        let w = [
            "Analysts",
            "at",
            "Morgan",
            "Stanley",
            "and",
            "Bernstein",
            "cut",
        ];
        assert_eq!(split(&w, &[(2, 6, ORG)]), vec![(2, 4, ORG), (5, 6, ORG)]);
        let w = ["Toyota", ",", "Suzuki", "and", "Ford", "rose"];
        assert_eq!(
            split(&w, &[(0, 5, ORG)]),
            vec![(0, 1, ORG), (2, 3, ORG), (4, 5, ORG)]
        );
    }

    #[test]
    fn one_name_with_and_stays_whole() {
        // One word on either side.
        let w = ["Marks", "and", "Spencer", "said"];
        assert_eq!(split(&w, &[(0, 3, ORG)]), vec![(0, 3, ORG)]);
        // A common word or a legal form after "and".
        let w = ["Ironhorse", "Oil", "and", "Gas", "said"];
        assert_eq!(split(&w, &[(0, 4, ORG)]), vec![(0, 4, ORG)]);
        let w = ["Basque", "Homeland", "and", "Freedom"];
        assert_eq!(split(&w, &[(0, 4, ORG)]), vec![(0, 4, ORG)]);
        let w = ["Arthur", "Yates", "and", "Co"];
        assert_eq!(split(&w, &[(0, 4, ORG)]), vec![(0, 4, ORG)]);
        // A lowercase joiner, a misc title, a place of the table.
        let w = ["Department", "of", "Health", "and", "Welfare"];
        assert_eq!(split(&w, &[(0, 5, ORG)]), vec![(0, 5, ORG)]);
        let w = ["Harry", "Potter", "and", "Voldemort"];
        assert_eq!(split(&w, &[(0, 4, MISC)]), vec![(0, 4, MISC)]);
        let w = ["Saint", "Kitts", "and", "Nevis"];
        assert_eq!(split(&w, &[(0, 4, ORG)]), vec![(0, 4, ORG)]);
        let w = ["Oxford", "West", "and", "Abingdon"];
        assert_eq!(split(&w, &[(0, 4, ORG)]), vec![(0, 4, ORG)]);
        // Places are not split.
        let w = ["Roxburgh", ",", "Peebles", "and", "Selkirk"];
        assert_eq!(split(&w, &[(0, 5, LOC)]), vec![(0, 5, LOC)]);
    }

    #[test]
    fn a_portfolio_before_a_title_is_one_organization() {
        let portfolio = |words: &[&str], spans: &[(usize, usize, usize)]| {
            let s = prepare(words, &lex(), &gaz());
            let mut tags = tagged(words.len(), spans);
            join_portfolios(&s, &mut tags);
            tagger::spans(&tags)
        };
        let w = ["The", "Work", "and", "Pensions", "Secretary", ",", "Liz"];
        assert_eq!(
            portfolio(&w, &[(1, 2, ORG), (3, 4, ORG)]),
            vec![(1, 4, ORG)]
        );
        let w = ["Former", "Work", "and", "Pensions", "Secretary"];
        assert_eq!(portfolio(&w, &[(3, 4, ORG)]), vec![(1, 4, ORG)]);
        let w = ["Culture", ",", "Media", "and", "Sport", "Secretary", "Lisa"];
        assert_eq!(portfolio(&w, &[(4, 5, ORG)]), vec![(0, 5, ORG)]);
        // One word, nothing tagged, a person or place in the run, no title.
        let w = ["Commerce", "Secretary", "Howard"];
        assert_eq!(portfolio(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
        let w = ["Energy", "and", "Climate", "Secretary"];
        assert_eq!(portfolio(&w, &[]), vec![]);
        let w = ["Britain", "and", "Trade", "Secretary"];
        assert_eq!(
            portfolio(&w, &[(0, 1, LOC), (2, 3, ORG)]),
            vec![(0, 1, LOC), (2, 3, ORG)]
        );
        let w = ["Work", "and", "Pensions", "said"];
        assert_eq!(
            portfolio(&w, &[(0, 1, ORG), (2, 3, ORG)]),
            vec![(0, 1, ORG), (2, 3, ORG)]
        );
    }

    #[test]
    fn first_names_after_a_noun_of_kin_are_people() {
        let kin =
            |words: &[&str], spans: &[(usize, usize, usize)]| applied(type_kin_lists, words, spans);
        let w = ["her", "sons", "Jasper", "and", "Meta", "."];
        assert_eq!(
            kin(&w, &[(2, 3, PER), (4, 5, LOC)]),
            vec![(2, 3, PER), (4, 5, PER)]
        );
        // Not after a noun of kin, or not a first name.
        let w = ["in", "Paris", "and", "Meta", "."];
        assert_eq!(
            kin(&w, &[(1, 2, LOC), (3, 4, LOC)]),
            vec![(1, 2, LOC), (3, 4, LOC)]
        );
        let w = ["her", "sons", "Jasper", "and", "Amazon", "."];
        assert_eq!(
            kin(&w, &[(2, 3, PER), (4, 5, LOC)]),
            vec![(2, 3, PER), (4, 5, LOC)]
        );
    }

    #[test]
    fn company_words_listed_beside_a_company_are_companies() {
        let w = ["Microsoft", ",", "Meta", "and", "Amazon", "rose"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, LOC), (4, 5, LOC)]),
            vec![(0, 1, ORG), (2, 3, ORG), (4, 5, ORG)]
        );
        let w = ["Walmart", "and", "Target", "fell"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, PER)]),
            vec![(0, 1, ORG), (2, 3, ORG)]
        );
        // A region of the table, among three or more companies only.
        let w = ["Microsoft", ",", "Meta", "and", "Google", "rose"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, LOC), (4, 5, ORG)]),
            vec![(0, 1, ORG), (2, 3, ORG), (4, 5, ORG)]
        );
        let w = ["Microsoft", "and", "Meta", "rose"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, LOC)]),
            vec![(0, 1, ORG), (2, 3, LOC)]
        );
    }

    #[test]
    fn lists_that_hold_other_people_or_places_are_left_alone() {
        // A team sheet: one surname the model took for a company.
        let w = ["Ford", ",", "Douglas", ",", "Target", "and", "Blair"];
        let spans = [(0, 1, ORG), (2, 3, PER), (4, 5, PER), (6, 7, PER)];
        assert_eq!(listed(&w, &spans), spans.to_vec());
        // No organization of the company list: the model's organization
        // may be a place ("the Rockies, and Permian areas").
        let w = ["Rockies", ",", "and", "Permian", "areas"];
        let spans = [(0, 1, ORG), (3, 4, LOC)];
        assert_eq!(listed(&w, &spans), spans.to_vec());
        // A place of the table beside a company word.
        let w = ["Microsoft", ",", "Paris", "and", "Amazon"];
        let spans = [(0, 1, ORG), (2, 3, LOC), (4, 5, LOC)];
        assert_eq!(listed(&w, &spans), spans.to_vec());
    }

    #[test]
    fn places_and_lists_without_a_company_are_left_alone() {
        // Cities stay places beside a company.
        let w = ["Microsoft", "and", "Washington", "agreed"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, LOC)]),
            vec![(0, 1, ORG), (2, 3, LOC)]
        );
        // No organization in the list.
        let w = ["Meta", "and", "Amazon", "regions"];
        assert_eq!(
            listed(&w, &[(0, 1, LOC), (2, 3, LOC)]),
            vec![(0, 1, LOC), (2, 3, LOC)]
        );
        // Not joined as a list.
        let w = ["Microsoft", "said", "Amazon", "fell"];
        assert_eq!(
            listed(&w, &[(0, 1, ORG), (2, 3, LOC)]),
            vec![(0, 1, ORG), (2, 3, LOC)]
        );
    }
}
