//! What only a company has, written after a name's possessive: "Temu's
//! owner", "Klarna's shareholders", "Anthropic's chief executive". A
//! person or a place has none of these, so the possessive says the name
//! is an organization's, however the recognizer read it: the repairs tag
//! it so in its sentence, and the linker lets that mention decide the
//! name's type in the whole article.

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

#[cfg(test)]
mod tests {
    use super::*;

    fn owns(sentence: &str, end: usize) -> bool {
        let words: Vec<&str> = sentence.split(' ').collect();
        owns_company_possession(|i| Seen::of(words[i]), words.len(), end)
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
}
