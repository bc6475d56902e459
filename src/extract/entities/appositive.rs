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
fn described_as<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
    kinds: &[&str],
) -> bool {
    if end + 2 >= len || !seen(end).is(&[","]) {
        return false;
    }
    let Some(from) = opening(&seen, len, end + 1) else {
        return false;
    };
    for i in from..len.min(from + 1 + REACH) {
        let w = seen(i);
        if w.is(kinds) {
            return i + 1 == len || seen(i + 1).is(AFTER);
        }
        if w.is(BREAKS) {
            return false;
        }
    }
    false
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
    }
}
