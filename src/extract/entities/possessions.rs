//! What only a company has, written after a name's possessive: "Temu's
//! owner", "Klarna's shareholders", "Anthropic's chief executive". A
//! person or a place has none of these, so the possessive says the name
//! is an organization's, however the recognizer read it: the repairs tag
//! it so in its sentence, and the linker lets that mention decide the
//! name's type in the whole article. Likewise what only a person has or
//! is called ("Duffy's wife", "Cuaron, who …") says a person's name.

use super::lists::{POSSESSIVES, Seen};

/// What only a company has, after a possessive ("Temu's owner", "Zara's
/// parent", "Klarna's shareholders", "Revolut's founder"); not what a
/// person or a country has as well ("shares", "staff", "investors").
const COMPANY_POSSESSIONS: &[&str] = &[
    "owner",
    "owners",
    "parent",
    "board",
    "shareholders",
    "revenue",
    "revenues",
    "profit",
    "profits",
    "earnings",
    "valuation",
    "ceo",
    "cfo",
    "founder",
    "founders",
    "co-founder",
    "headquarters",
    "subsidiary",
    "subsidiaries",
    "customers",
];

/// Whether the words from `at` of a sentence of `len` words (`seen(i)`
/// reading word `i`) are what only a company has, in either case: one of
/// [`COMPANY_POSSESSIONS`], or "chief executive" / "chief financial".
pub(crate) fn is_company_possession<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    at: usize,
) -> bool {
    at < len
        && (seen(at).is_any_case(COMPANY_POSSESSIONS)
            || (seen(at).is_any_case(&["chief"])
                && at + 1 < len
                && seen(at + 1).is_any_case(&["executive", "financial"])))
}

/// Whether the name ending before word `end` is followed by a possessive
/// and what only a company has ("Anthropic's chief executive").
pub(crate) fn owns_company_possession<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    end < len && seen(end).is(POSSESSIVES) && is_company_possession(seen, len, end + 1)
}

/// Offices only a company has, written right after its name as a
/// modifier of the officer's ("Zorbo CEO Jo Smith", "Zorbo founder Jo
/// Smith"); not "chairman" or "spokesman", which a party, a campaign or
/// a person's office has as well ("a Smith spokesman").
const COMPANY_OFFICES: &[&str] = &["ceo", "cfo", "coo", "founder", "co-founder", "cofounder"];

/// Whether the name ending before word `end` of a sentence of `len` words
/// (`seen(i)` reading word `i`) is followed, with no possessive, by an
/// office only a company has ([`COMPANY_OFFICES`], or "chief executive",
/// "chief financial officer", "chief operating officer") and the
/// officer's capitalized name: "Zorbo chief executive Jo Smith". The
/// recognizer reads a brand that looks like a name ("Vestra Mae") as a
/// person; a person's name is never written so.
pub(crate) fn names_company_officer<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    let mut i = end;
    if i < len && seen(i).is_any_case(COMPANY_OFFICES) {
        i += 1;
    } else if i + 1 < len
        && seen(i).is_any_case(&["chief"])
        && seen(i + 1).is_any_case(&["executive", "financial", "operating"])
    {
        i += 2;
        if i < len && seen(i).is_any_case(&["officer"]) {
            i += 1;
        }
    } else {
        return false;
    }
    i < len && matches!(seen(i), Seen::Capital(_))
}

/// What a company makes, sells through or is owned by, written right
/// after its name with no possessive ("Zorbo turbines", "a Zorbo
/// subsidiary", "Zorbo shareholders", "Zorbo dealers"); a person's name
/// modifies none of these. Not "products" or "tablets", which a product's
/// or a drug's name modifies as well ("Viagra tablets"), nor "shares", a
/// verb after a person ("Jo Smith shares").
const COMPANY_GOODS: &[&str] = &[
    "turbines",
    "engines",
    "jets",
    "jetliners",
    "airliners",
    "aircraft",
    "planes",
    "trucks",
    "cars",
    "vehicles",
    "smartphones",
    "handsets",
    "laptops",
    "chips",
    "processors",
    "stock",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "factory",
    "factories",
    "plants",
    "stores",
    "dealers",
    "dealerships",
];

/// Whether the name ending before word `end` of a sentence of `len` words
/// (`seen(i)` reading word `i`) modifies one of [`COMPANY_GOODS`], in
/// lowercase: "42 Zorbo turbines", "a Zorbo subsidiary".
pub(crate) fn modifies_company_goods<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    end < len && seen(end).is(COMPANY_GOODS)
}

/// Words after a possessive that make it no possessive: a verb of which
/// the name is the subject ("McDonald's has targeted", "Moody's said").
/// A store's or a firm's name is written so; a person's is not, and "'s"
/// for "has" or "is" comes before a participle, not before these ("Jo's
/// been"). Not "cut" or "plans", which are nouns after a possessive as
/// often ("Moody's cuts to …", "Zorbo's plans"); of a price's moves only
/// the past tenses that are no participle ("rose", not "jumped": "Jo's
/// jumped" is "Jo has jumped").
const VERBS_AFTER_NAME: &[&str] = &[
    "has", "had", "is", "was", "will", "would", "could", "can", "says", "said", "rose", "fell",
    "sank",
];

/// Whether the name ending before word `end` of a sentence of `len`
/// words (`seen(i)` reading word `i`) is written with "'s" as part of it,
/// a firm's or a store's ("McDonald's has targeted the young", "Moody's
/// said", "Sainsbury's will open"): the possessive is followed by a verb
/// of which the name is the subject ([`VERBS_AFTER_NAME`]).
pub(crate) fn named_with_possessive<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    end + 1 < len && seen(end).is(&["'s", "’s"]) && seen(end + 1).is(VERBS_AFTER_NAME)
}

/// What only a person has, after a name's possessive ("Duffy's wife",
/// "Cuaron's career", "Stalin's funeral"): kin, a career, a life's
/// writings and rites. Not what a place or a company has as well
/// ("lawyers", "spokesman", "government", "life").
const PERSON_POSSESSIONS: &[&str] = &[
    "wife",
    "husband",
    "widow",
    "widower",
    "ex-wife",
    "ex-husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "stepson",
    "stepdaughter",
    "brother",
    "sister",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiancée",
    "fiance",
    "fiancé",
    "spouse",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "career",
    "biography",
    "biographer",
    "memoir",
    "memoirs",
    "autobiography",
    "funeral",
    "birthday",
];

/// Words before a name after which a relative "who" may be the people of
/// a place ("residents in Ferguson, who …").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "of",
    "near",
    "to",
    "across",
    "around",
    "outside",
    "inside",
    "throughout",
];

/// Verbs after "who" that say it stands for many: a band or a team
/// ("Franz Ferdinand, who were shortlisted").
const PLURAL_VERBS: &[&str] = &["were", "are", "have", "say", "do", "play"];

/// Whether what follows the name at `start..end` says it is a person's:
/// a possessive and what only a person has ([`PERSON_POSSESSIONS`]), or a
/// relative "who" after a comma ("Cuaron, who …"; not after a preposition
/// of place, where "who" is the place's people, nor after a plural,
/// "Democrats, who …").
pub(crate) fn refers_to_person<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if end + 1 >= len {
        return false;
    }
    let plural = end
        .checked_sub(1)
        .is_some_and(|i| matches!(seen(i), Seen::Capital(w) if w.ends_with('s')));
    owns_person_possession(&seen, end) || !plural && is_relative_who(&seen, start, end)
}

/// Whether the name ending before word `end` is followed by a possessive
/// and what only a person has ([`PERSON_POSSESSIONS`]).
pub(crate) fn owns_person_possession<'a>(seen: &impl Fn(usize) -> Seen<'a>, end: usize) -> bool {
    seen(end).is(POSSESSIVES) && seen(end + 1).is(PERSON_POSSESSIONS)
}

/// Whether the name at `start..end` is followed by a comma and a relative
/// "who" of one ([`PLURAL_VERBS`] say many), and is not after a
/// preposition of place.
pub(crate) fn is_relative_who<'a>(
    seen: &impl Fn(usize) -> Seen<'a>,
    start: usize,
    end: usize,
) -> bool {
    seen(end).is(&[","])
        && seen(end + 1).is(&["who"])
        && !seen(end + 2).is(PLURAL_VERBS)
        && !start
            .checked_sub(1)
            .is_some_and(|i| seen(i).is(PLACE_PREPOSITIONS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owns(sentence: &str, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| {
            owns_company_possession(seen, len, end)
        })
    }

    #[test]
    fn kin_a_career_and_who_refer_to_a_person() {
        let person = |sentence: &str, start: usize, end: usize| {
            super::super::lists::read_words(sentence, |seen, len| {
                refers_to_person(seen, len, start, end)
            })
        };
        assert!(person("Zorbo 's wife said", 0, 1));
        assert!(person("after Zorbo 's career ended", 1, 2));
        assert!(person("Jo Zorbo , who led it , said", 0, 2));
        assert!(!person("Zorbo 's lawyers said", 0, 1));
        assert!(!person("residents of Zorbo , who voted", 2, 3));
        assert!(!person("Zorbo , who were shortlisted", 0, 1));
        assert!(!person("the Zorbos , who won", 1, 2));
        assert!(!person("Zorbo , which", 0, 1));
        assert!(!person("Zorbo 's", 0, 1));
    }

    #[test]
    fn a_name_modifying_what_only_companies_make_or_have() {
        let goods = |sentence: &str, end: usize| {
            super::super::lists::read_words(sentence, |seen, len| {
                modifies_company_goods(seen, len, end)
            })
        };
        assert!(goods("featuring 42 Zorbo turbines .", 3));
        assert!(goods("a Zorbo subsidiary said", 2));
        assert!(goods("Zorbo shareholders voted", 1));
        assert!(!goods("Zorbo shares his view", 1));
        assert!(!goods("Zorbo tablets were sold", 1));
        assert!(!goods("Zorbo Turbines said", 1));
        assert!(!goods("Zorbo said", 1));
    }

    #[test]
    fn a_possessive_before_what_only_companies_have() {
        assert!(owns("Zorbo 's chief executive said", 1));
        assert!(owns("Zorbo ’s shareholders voted", 1));
        assert!(owns("Zorbo 's founder , Jo Smith", 1));
        assert!(!owns("Zorbo 's chief of staff said", 1));
        assert!(!owns("Zorbo 's staff said", 1));
        assert!(owns("Zorbo 's Chief Executive said", 1));
        assert!(!owns("Zorbo said", 1));
    }

    fn possessive_name(sentence: &str, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| named_with_possessive(seen, len, end))
    }

    #[test]
    fn a_possessive_before_the_names_own_verb_is_part_of_a_firms_name() {
        assert!(possessive_name("Zorbo 's has targeted the young", 1));
        assert!(possessive_name("Zorbo ’s said profit rose", 1));
        assert!(possessive_name("analysts at Zorbo 's will", 3));
        assert!(possessive_name("shares of Zorbo 's fell 3 %", 3));
        assert!(!possessive_name("Zorbo 's plans were", 1));
        assert!(!possessive_name("Zorbo 's been there", 1));
        assert!(!possessive_name("Zorbo ' has", 1));
        assert!(!possessive_name("Zorbo 's", 1));
    }

    fn officer(sentence: &str, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| names_company_officer(seen, len, end))
    }

    #[test]
    fn an_office_only_companies_have_before_its_holder() {
        assert!(officer("Vestra Mae chief executive Jo Smith said", 2));
        assert!(officer("Zorbo CEO Jo Smith said", 1));
        assert!(officer("Zorbo founder Jo Smith", 1));
        assert!(officer("Zorbo chief financial officer Jo Smith", 1));
        // No holder named, an office others have, a possessive.
        assert!(!officer("Zorbo founder said", 1));
        assert!(!officer("Smith spokesman Jo Doe said", 1));
        assert!(!officer("Smith chief of staff Jo Doe", 1));
        assert!(!officer("Zorbo 's founder Jo Smith", 1));
        assert!(!officer("Zorbo founder", 1));
    }
}
