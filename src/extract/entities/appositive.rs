//! A name the sentence describes, right after it, as a kind of
//! organization: "Zorbo, a Ruritanian oil company, said", "Quill, the
//! world's biggest spirits group, …"; not "Jo Smith, an analyst at
//! research firm Zorbo". News introduces an unfamiliar company this way,
//! and the description ends on the kind's own singular noun, so the rule
//! reaches names never seen in training.

use super::lists::Seen;

/// Lowercase singular nouns naming kinds of organizations, as the last
/// word of a description after a name. Not the nouns of people's trades
/// ("maker", "producer", "developer", "owner", "investor"): "a film maker"
/// is a person.
const KINDS: &[&str] = &[
    "company",
    "firm",
    "corporation",
    "conglomerate",
    "group",
    "startup",
    "start-up",
    "giant",
    "brand",
    "chain",
    "retailer",
    "supermarket",
    "bank",
    "lender",
    "insurer",
    "carmaker",
    "automaker",
    "planemaker",
    "chipmaker",
    "drugmaker",
    "steelmaker",
    "toymaker",
    "truckmaker",
    "brewer",
    "distributor",
    "wholesaler",
    "exporter",
    "airline",
    "manufacturer",
    "supplier",
    "provider",
    "operator",
    "utility",
    "contractor",
    "miner",
    "refiner",
    "shipbuilder",
    "shipyard",
    "subsidiary",
    "unit",
    "broadcaster",
    "newspaper",
    "tabloid",
    "magazine",
    "journal",
    "publisher",
    "website",
    "network",
    "agency",
    "consultancy",
    "business",
    "arm",
    "division",
    "affiliate",
];

/// Whether `word` (lowercase) is a noun naming a kind of organization
/// ([`KINDS`]): "company", "firm", "group", "giant" …
pub(crate) fn is_organization_kind(word: &str) -> bool {
    KINDS.contains(&word)
}

/// Words that end a description before its noun: prepositions and
/// relatives, which make the noun another's ("Jo Smith, an analyst at
/// research firm X", "the man behind the group").
const BREAKS: &[&str] = &[
    "at", "of", "for", "with", "behind", "in", "on", "from", "by", "to", "who", "which", "that",
    "and", "or", "but", ",", ";", ":", "(", ")",
];

/// Words a description's noun may be followed by: the description has
/// ended ("…, a Ruritanian oil company, said"; "a company that …"; "a
/// start-up founded by …"; "a rival treatment from …"). Any
/// other word continues a compound the noun only opens ("a fund
/// manager", "the company's chief"), or makes the noun a verb's subject
/// after an opening phrase ("At Zorbo, the company has written …").
const AFTER: &[&str] = &[
    ",",
    ".",
    ";",
    ":",
    ")",
    "—",
    "–",
    "-",
    "that",
    "which",
    "whose",
    "with",
    "in",
    "based",
    "owned",
    "controlled",
    "backed",
    "made",
    "given",
    "used",
    "sold",
    "approved",
    "developed",
    "founded",
    "headquartered",
    "led",
    "run",
    "listed",
    "valued",
    "known",
    "created",
    "launched",
    "spun",
    "focused",
    "specialising",
    "specializing",
    "from",
    "and",
    "or",
];

/// Words of a description at most, between its article and its noun.
const REACH: usize = 6;

/// Whether the name ending before word `end` of a sentence of `len`
/// words (`seen(i)` reading word `i`) is followed by a description of it
/// as a kind of organization: ", a|an|the …KIND" or ", Owner's …KIND"
/// ([`KINDS`]), the words
/// between without a preposition or relative ([`BREAKS`]), and the noun
/// closing the description ([`AFTER`], or the sentence's end).
pub(crate) fn described_as_organization<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    described_as(seen, len, end, KINDS)
}

/// Lowercase singular nouns naming kinds of products and works, as the
/// last word of a description after a name: medicines ("Zulresso, an IV
/// infusion"), devices and software, films and books. Never a person's
/// ("a film director", "a drug dealer" end on another noun).
const PRODUCT_KINDS: &[&str] = &[
    "drug",
    "medicine",
    "medication",
    "pill",
    "tablet",
    "vaccine",
    "jab",
    "treatment",
    "therapy",
    "infusion",
    "injection",
    "inhaler",
    "antidepressant",
    "antibiotic",
    "antiviral",
    "painkiller",
    "smartphone",
    "handset",
    "headset",
    "laptop",
    "console",
    "chatbot",
    "app",
    "film",
    "movie",
    "documentary",
    "novel",
    "album",
    "song",
    "podcast",
];

/// Whether the name ending before word `end` is followed by a description
/// of it as a product or a work (", an IV infusion", ", a weight-loss
/// drug"; [`PRODUCT_KINDS`]), as [`described_as_organization`] reads one.
pub(crate) fn described_as_product<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    described_as(seen, len, end, PRODUCT_KINDS)
}

/// [`described_as_organization`] with the description's nouns `kinds`.
/// The description follows a comma ("Zorbo, a Ruritanian oil company,")
/// or "is" or "was" ("Zorbo is a Ruritanian oil company", "Zorbo was
/// one of the largest lenders in Spain"); its noun may be followed by
/// "of" but for a collective one ("the parent company of AOL"; not "a
/// chain of islands").
fn described_as<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
    kinds: &[&str],
) -> bool {
    if end + 2 >= len {
        return false;
    }
    let copula = seen(end).is(COPULAS);
    if !copula && !seen(end).is(&[","]) {
        return false;
    }
    // "Zorbo is one of the largest lenders": one of a plural kind.
    let (start, plural) = if copula && seen(end + 1).is(&["one"]) && seen(end + 2).is(&["of"]) {
        (end + 3, true)
    } else {
        (end + 1, false)
    };
    if start >= len {
        return false;
    }
    let Some(from) = opening(&seen, len, start) else {
        return false;
    };
    for i in from..len.min(from + 1 + REACH) {
        let w = seen(i);
        let kind = match w {
            Seen::Lower(word) if plural => plural_of(kinds, word),
            Seen::Lower(word) => kinds.iter().find(|k| **k == word).copied(),
            _ => None,
        };
        if let Some(kind) = kind {
            return i + 1 == len
                || seen(i + 1).is(AFTER)
                || (seen(i + 1).is(&["of"]) && !COLLECTIVE_KINDS.contains(&kind));
        }
        if w.is(BREAKS) {
            return false;
        }
    }
    false
}

/// Verbs that describe their subject by what follows: "Zorbo is a
/// Ruritanian oil company".
const COPULAS: &[&str] = &["is", "was"];

/// Kinds that also name a collection of things ("a chain of islands", "a
/// network of tunnels", "a group of islands"): "of" after one does not
/// close the description.
const COLLECTIVE_KINDS: &[&str] = &["group", "chain", "network", "unit"];

/// Whether the name at `start..end` is one of two names joined by "and"
/// and described together, after the second, as organizations of one
/// kind: "Temu and Shein, the online retailers", "Acme and Zorbo, both
/// carmakers", "Acme and Zorbo, two Ruritanian banks". The kind is the
/// plural of one of [`KINDS`]; the description reads as one after a single
/// name does ([`described_as_organization`]), opened by "the", "both",
/// "two" or "three" or an owner's possessive.
pub(crate) fn described_together_as_organizations<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    let capital = |i: usize| i < len && matches!(seen(i), Seen::Capital(_));
    let description_at = if end < len && seen(end).is(&["and"]) {
        let mut j = end + 1;
        while j < end + 5 && capital(j) {
            j += 1;
        }
        (j > end + 1).then_some(j)
    } else {
        (start >= 2 && seen(start - 1).is(&["and"]) && capital(start - 2)).then_some(end)
    };
    let Some(comma) = description_at else {
        return false;
    };
    if comma + 2 >= len || !seen(comma).is(&[","]) {
        return false;
    }
    let from = if seen(comma + 1).is(&["the", "both", "two", "three"]) {
        comma + 2
    } else if let Some(from) = opening(&seen, len, comma + 1) {
        from
    } else {
        return false;
    };
    for i in from..len.min(from + 1 + REACH) {
        let w = seen(i);
        if matches!(w, Seen::Lower(word) if is_plural_kind(word)) {
            return i + 1 == len || seen(i + 1).is(AFTER);
        }
        if w.is(BREAKS) {
            return false;
        }
    }
    false
}

/// Whether `word` is the plural of one of [`KINDS`] ("companies",
/// "retailers", "businesses", "start-ups").
fn is_plural_kind(word: &str) -> bool {
    plural_of(KINDS, word).is_some()
}

/// The noun of `kinds` whose plural `word` is ("companies" of "company",
/// "businesses" of "business").
fn plural_of<'k>(kinds: &[&'k str], word: &str) -> Option<&'k str> {
    kinds.iter().copied().find(|kind| {
        let stem = kind.strip_suffix('y');
        match stem {
            Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => {
                word.strip_prefix(stem) == Some("ies")
            }
            _ if kind.ends_with('s') => word.strip_prefix(kind) == Some("es"),
            _ => word.strip_prefix(kind) == Some("s"),
        }
    })
}

/// Where a description's words start after its opening at `at`: an
/// article ("a", "an", "the"), or an owner's name and its possessive
/// ("Acme's cloud business"); none when neither opens it.
fn opening<'a>(seen: &impl Fn(usize) -> Seen<'a>, len: usize, at: usize) -> Option<usize> {
    if seen(at).is(&["a", "an", "the"]) {
        return Some(at + 1);
    }
    let mut i = at;
    while i < len && i < at + 4 && matches!(seen(i), Seen::Capital(_)) {
        i += 1;
    }
    (i > at && i < len && seen(i).is(&["'s", "’s"])).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_names_described_together_as_organizations() {
        let together = |sentence: &str, start: usize, end: usize| {
            super::super::lists::read_words(sentence, |seen, len| {
                described_together_as_organizations(seen, len, start, end)
            })
        };
        let s = "Temu and Shein , the online retailers , were fined";
        assert!(together(s, 0, 1));
        assert!(together(s, 2, 3));
        assert!(together("Acme and Zorbo , both carmakers , said", 0, 1));
        assert!(together(
            "Acme and Big Zorbo , two Ruritanian banks .",
            2,
            4
        ));
        assert!(together("Acme and Zorbo , two start-ups", 2, 3));
        assert!(together("Acme and Zorbo , the companies .", 0, 1));
        // One name, a singular kind, people, or another's kind.
        assert!(!together("Acme , the online retailers , said", 0, 1));
        assert!(!together("Acme and Zorbo , the online retailer", 0, 1));
        assert!(!together("Smith and Jones , the two analysts", 0, 1));
        assert!(!together("Smith and Jones , analysts at the banks", 0, 1));
        assert!(is_plural_kind("companies") && is_plural_kind("businesses"));
        assert!(is_plural_kind("retailers") && is_plural_kind("agencies"));
        assert!(!is_plural_kind("company") && !is_plural_kind("analysts"));
    }

    /// Whether the name ending before word `end` is described as an
    /// organization.
    fn described(sentence: &str, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| {
            described_as_organization(seen, len, end)
        })
    }

    #[test]
    fn a_description_ending_on_a_kind_of_organization() {
        assert!(described("Zorbo , a Ruritanian oil company , said", 1));
        assert!(described(
            "Zorbo , the world 's biggest spirits company , said",
            1
        ));
        assert!(described("Zorbo , the Finnish handset supplier", 1));
        assert!(described("Zorbo , a company that makes drills", 1));
        assert!(described("Zorbo , an Oslo-based contractor", 1));
        assert!(described("Zorbo , Quill 's cloud business , grew", 1));
        assert!(described("Zorbo , Quill Group 's trading arm", 1));
        assert!(described(
            "Zorbo , the AI start-up founded by two researchers",
            1
        ));
        assert!(described("Zorbo , a Ruritanian utility from the north", 1));
        // After "is" or "was", one of a plural kind, and before "of".
        assert!(described("Zorbo is a Ruritanian oil company .", 1));
        assert!(described("Zorbo was the parent company of Quill .", 1));
        assert!(described("Zorbo , the parent company of Quill , said", 1));
        assert!(described("Zorbo is one of the largest lenders in Spain", 1));
        assert!(described("Zorbo was one of Quill 's suppliers .", 1));
    }

    #[test]
    fn other_descriptions_are_not() {
        // A person described by the organization they work for.
        assert!(!described(
            "Jo Smith , an analyst at research firm Zorbo",
            2
        ));
        assert!(!described("Jo Smith , the man behind the Quill group", 2));
        assert!(!described("Jo Smith , a spokeswoman for the bank", 2));
        // The noun opens a compound, or is another's.
        assert!(!described("Jo Smith , a fund manager , said", 2));
        assert!(!described("Jo Smith , the company 's chief , said", 2));
        // The noun is the subject of the main clause, after a phrase.
        assert!(!described("At Zorbo , the company has written", 2));
        // A trade is a person's.
        assert!(!described("Jo Smith , a film maker , said", 2));
        // An owner's role, not a kind.
        assert!(!described("Jo Smith , Quill 's chief executive , said", 2));
        assert!(!described("Jo Smith , Quill 's business chief , said", 2));
        // No article, or no comma.
        assert!(!described("Zorbo , oil company", 1));
        assert!(!described("Zorbo the company", 1));
        // After "is": a person's trade or role, or a collection of things.
        assert!(!described("Jo Smith is a company director .", 2));
        assert!(!described("Jo Smith was the bank 's chief economist", 2));
        assert!(!described("Jo Smith is one of the analysts", 2));
        assert!(!described("Aleutia , a chain of islands , lies north", 1));
        assert!(!described("Aleutia is a group of islands", 1));
        // The sentence ends too soon for any description.
        assert!(!described("Zorbo is", 1));
        assert!(!described("Zorbo is one of", 1));
    }
}
