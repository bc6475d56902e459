//! What the words in and around a name say of its type, for names the
//! model types against them: a name right after a lowercase outlet or
//! organization noun ("the broadcaster X", "news agency X") is an
//! organization; a name whose head word is an institution ("… Central
//! Command", "… Ministry", "Bank of …") is an organization, one whose head
//! is a natural feature ("… River", "Lake …") a place, one whose head is an
//! event, award or law ("… Cup", "… Prize", "… Act") misc; a hyphenated
//! pair of nationalities ("Sino-Russian", "Tajik-Afghan") is misc. These
//! words are the types' own vocabulary, not names: they generalize to
//! names never seen in training.

use super::appositive;
use super::features::{self, Class, Token};
use super::gazetteer::{Gazetteer, Kind, list as gaz_list};
use super::groups;
use super::lexicon::list as names_list;
use super::lists::{self, Seen};
use super::markets;
use super::platforms;
use super::possessions;
use super::pronouns;
use super::subjects;
use super::tagger::{LOC, MISC, ORG, PER};
use crate::extract::dates::lexicon as date_words;

/// The gazetteer's place lists, as a token's `gaz` bits (low byte: a
/// phrase starting here; high byte: one continuing through here).
pub(crate) const PLACES: u16 = gaz_list::PLACE as u16;

/// Lowercase nouns naming a kind of organization that news writes right
/// before the organization's name ("the broadcaster X", "radio X",
/// "turbine manufacturer X", "energy company X"); not those that are
/// also people's trades or roles ("producer", "developer", "film-maker",
/// "specialist", "explorer", "partner", "owner", "rival": "cancer
/// specialist Karol X", "strike partner X").
const OUTLET_NOUNS: &[&str] = &[
    "broadcaster",
    "newspaper",
    "daily",
    "weekly",
    "tabloid",
    "magazine",
    "radio",
    "channel",
    "agency",
    "website",
    "outlet",
    "publisher",
    "company",
    "firm",
    "airline",
    "insurer",
    "lender",
    "retailer",
    "automaker",
    "carmaker",
    "conglomerate",
    "startup",
    "group",
    "militia",
    "broadcasters",
    "newspapers",
    "manufacturer",
    "supplier",
    "provider",
    "operator",
    "utility",
    "giant",
    "miner",
    "refiner",
    "shipbuilder",
    "subsidiary",
    "contractor",
    "generator",
    "distributor",
    "exporter",
    "importer",
    "bookmaker",
    "bookmakers",
    "brokerage",
    "chipmaker",
    "drugmaker",
];

/// Lowercase nouns naming a kind of work written right before its title
/// ("her novel Lace", "the film Oppenheimer", "the album Midnights", "the
/// series The Crown"); not those that are also verbs before a name
/// ("play", "show", "book", "hit", "track").
const WORK_NOUNS: &[&str] = &[
    "novel",
    "film",
    "movie",
    "biopic",
    "album",
    "song",
    "documentary",
    "memoir",
    "series",
    "miniseries",
    "sitcom",
    "drama",
    "thriller",
    "comedy",
    "opera",
    "musical",
    "ballet",
    "podcast",
    "poem",
    "anthology",
    "painting",
];

/// Whether `word`, as written, is one of [`WORK_NOUNS`].
pub(super) fn is_work_noun(word: &str) -> bool {
    WORK_NOUNS.contains(&word)
}

/// Lowercase nouns naming a kind of medicine written right before its
/// brand name ("the drug Leqembi", "the antidepressant Zoloft"): drug
/// names are products (misc), and new ones are on no list.
const PRODUCT_NOUNS: &[&str] = &[
    "drug",
    "drugs",
    "medicine",
    "medication",
    "vaccine",
    "pill",
    "antidepressant",
    "antibiotic",
    "painkiller",
    "sedative",
    "opioid",
    "inhaler",
    "insulin",
];

/// Whether `word` (lowercase, as written) is one of the nouns naming a
/// kind of organization written right before its name ([`OUTLET_NOUNS`]):
/// evidence of the name's type the linker weighs above the model's.
pub(crate) fn names_an_organization_after(word: &str) -> bool {
    OUTLET_NOUNS.contains(&word)
}

/// Head words of institutions: a name of several words ending on one is
/// an organization ("U.S. Central Command", "Foreign Ministry", "Royal
/// Shrewsbury Hospital", "Welling School": hospitals and schools are
/// organizations, as in CoNLL-2003).
const INSTITUTION_HEADS: &[&str] = &[
    "command",
    "embassy",
    "consulate",
    "ministry",
    "department",
    "agency",
    "council",
    "committee",
    "commission",
    "authority",
    "bank",
    "university",
    "institute",
    "institution",
    "board",
    "bureau",
    "corporation",
    "foundation",
    "association",
    "federation",
    "organization",
    "organisation",
    "police",
    "army",
    "navy",
    "fund",
    "society",
    "college",
    "academy",
    "hospital",
    "school",
    "airlines",
    "airways",
    "parliament",
    "assembly",
    "government",
    "executive",
    "administration",
    "secretariat",
    "directorate",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "plc",
    "corp",
    "corp.",
];

/// Whether `word` (lowercase) ends an institution's name
/// ([`INSTITUTION_HEADS`], and "office": "Home Office", "Met Office").
pub(crate) fn ends_institution(word: &str) -> bool {
    word == "office" || INSTITUTION_HEADS.contains(&word)
}

/// Head words of companies: a name of several words ending on one is an
/// organization ("Mocean Energy", "Wood Mackenzie Research", "Adani
/// Enterprises", "Norsk Hydro"), never a person or a place. Words that are also
/// surnames or places' heads ("Power", "Marine", "Wind") are left out.
const COMPANY_HEADS: &[&str] = &[
    "energy",
    "energi",
    "group",
    "research",
    "partners",
    "enterprises",
    "laboratories",
    "systems",
    "holdings",
    "industries",
    "technologies",
    "technology",
    "solutions",
    "capital",
    "management",
    "investments",
    "advisors",
    "advisers",
    "ventures",
    "resources",
    "petroleum",
    "hydro",
    "renewables",
    "motors",
    "pharmaceuticals",
    "therapeutics",
    "networks",
    "platforms",
    "communications",
    "telecom",
    "entertainment",
    "studios",
    "brands",
    "software",
    "electronics",
    "logistics",
    "shipping",
    "mining",
    "minerals",
    "semiconductor",
    "semiconductors",
    "airlines",
    "airways",
    "aerospace",
    "robotics",
    "biosciences",
    "biotech",
    "pharma",
    "foods",
    "chemicals",
    "automotive",
    "services",
];

/// Legal forms that end a company's name in English-language news
/// ("… Co.", "… Inc", "… plc", "… GmbH", "… SA"): the common ones of the
/// company-suffix list, whose two-letter rest ("et", "ky", "od") are as
/// often words or initials.
const LEGAL_FORMS: &[&str] = &[
    "co",
    "co.",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "incorporated",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "l.l.c.",
    "plc",
    "plc.",
    "p.l.c.",
    "llp",
    "l.p.",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "nv",
    "n.v.",
    "bv",
    "b.v.",
    "spa",
    "s.p.a.",
    "oyj",
    "asa",
    "pty",
    "pte",
    "bhd",
    "bhd.",
    "kgaa",
    "sarl",
    "s.a.r.l.",
    "srl",
    "s.r.l.",
];

/// Whether `word` (lowercase) is one of the [`LEGAL_FORMS`].
pub(crate) fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word)
}

/// Whether `word` (lowercase) is a company's head word ([`COMPANY_HEADS`]):
/// a name that a known name extends by it names the same company
/// ("Mocean" … "Mocean Energy").
pub(crate) fn is_company_head(word: &str) -> bool {
    COMPANY_HEADS.contains(&word)
}

/// Head words of studios, labels, labs and picture agencies: a name of
/// several words ending on one is an organization ("Dick Clark
/// Productions", "Take-Two Interactive", "Pyra Labs", "Getty Images"), but a parent's name extended by one is as
/// often its division ("Sony" and "Sony Pictures", "Sony Interactive"), so
/// unlike [`COMPANY_HEADS`] they link no short name to the long one.
const DIVISION_HEADS: &[&str] = &[
    "productions",
    "pictures",
    "animation",
    "interactive",
    "labs",
    "records",
    "publishing",
    "images",
];

/// Whether `word` (lowercase) ends a company's name: a company's head
/// word ([`is_company_head`]) or a division's ([`DIVISION_HEADS`]).
pub(crate) fn ends_company(word: &str) -> bool {
    is_company_head(word) || DIVISION_HEADS.contains(&word)
}

/// Whether word `last` ends the name of a centre of medicine or research
/// ("… Medical Center", "… Cancer Centre"): an institution, whoever it is
/// named after ("Walter Reed National Military Medical Center"); a
/// "Center" alone is as often a venue ("Lincoln Center").
pub(crate) fn is_centre_of_care(s: &[Token], last: usize) -> bool {
    let word = |i: usize| s.get(i).map_or("", |t| t.lower.as_str());
    last > 0
        && matches!(word(last), "center" | "centre")
        && matches!(word(last - 1), "medical" | "cancer" | "research" | "health")
}

/// Institution words that open an organization's name before "of"
/// ("Ministry of Defence", "Bank of England", "University of Kent").
const INSTITUTION_OPENERS: &[&str] = &[
    "school",
    "ministry",
    "department",
    "bank",
    "university",
    "institute",
    "academy",
    "college",
    "council",
    "commission",
    "committee",
    "federation",
    "association",
    "society",
    "board",
    "bureau",
    "office",
    "embassy",
];

/// Words that open a union of states' name before "of" ("Commonwealth
/// of South American Nations", "League of Arab States").
const UNION_OPENERS: &[&str] = &[
    "commonwealth",
    "league",
    "union",
    "community",
    "organization",
    "organisation",
    "alliance",
    "conference",
];

/// Head words of facilities: a name ending on one is a place, never a
/// person ("Itaipu Hydropower Plant", "Heathrow Airport", "Winton
/// Solar Farm"), as CoNLL-2003 tags airports and stations.
const FACILITY_HEADS: &[&str] = &[
    "plant",
    "airport",
    "dam",
    "reactor",
    "refinery",
    "station",
    "substation",
    "terminal",
    "farm",
    "mine",
    "factory",
    "pipeline",
];

/// Adjectives of continents and world regions, singular ("Asian",
/// "African", "European", "American", "Eastern" of "Middle Eastern").
const REGION_ADJECTIVES: &[&str] = &["asian", "african", "european", "american", "eastern"];

/// Words that open a world region's adjective ("Central American", "Latin
/// American", "Middle Eastern", "Southeast Asian") besides the directions.
const REGION_ADJECTIVE_OPENERS: &[&str] = &[
    "central",
    "latin",
    "middle",
    "southeast",
    "southwest",
    "northeast",
    "northwest",
    "sub-saharan",
];

/// Whether the two words from `start` are a world region's adjective or
/// its people ("South Asian", "East Africans", "Latin American",
/// "Middle Eastern"), both capitalized; "Middle" opens only "Eastern",
/// and "Eastern" follows only "Middle" ("Eastern European" is one).
fn is_region_adjective(s: &[Token], start: usize) -> bool {
    let (Some(a), Some(b)) = (s.get(start), s.get(start + 1)) else {
        return false;
    };
    if a.class != Class::Capitalized || b.class != Class::Capitalized {
        return false;
    }
    let first = a.lower.as_str();
    let adjective = b.lower.strip_suffix('s').unwrap_or(&b.lower);
    let opens = is_direction(first) || REGION_ADJECTIVE_OPENERS.contains(&first);
    opens
        && REGION_ADJECTIVES.contains(&adjective)
        && (first == "middle") == (adjective == "eastern")
        && !(adjective == "eastern" && b.lower.ends_with('s'))
}

/// Whether the capitalized words `start..end` are a holiday's whole name
/// as the date reader knows it ("Christmas", "Easter", "New Year",
/// "Labor Day") or a festival's ([`FESTIVALS`]: "Ramadan", "Diwali"):
/// misc, never a person or a place ("before Christmas", "Christmas
/// trees"). Not a saint's name, which is also the holiday's ("St
/// Patrick").
fn is_holiday(s: &[Token], start: usize, end: usize) -> bool {
    is_festival(s, start, end) || is_dated_holiday(s, start, end)
}

/// Religious and seasonal festivals whose dates follow other calendars,
/// so the date reader does not place them: a festival's whole name is
/// misc like a holiday's ("during Ramadan", "Diwali, the festival of
/// lights", "Nowruz celebrations"). Not those that are also common words
/// or companies' names ("Lent", "Advent", "Carnival").
const FESTIVALS: &[&[&str]] = &[
    &["ramadan"],
    &["ramzan"],
    &["eid"],
    &["eid", "al-fitr"],
    &["eid", "al-adha"],
    &["diwali"],
    &["deepavali"],
    &["hanukkah"],
    &["chanukah"],
    &["passover"],
    &["purim"],
    &["sukkot"],
    &["yom", "kippur"],
    &["rosh", "hashanah"],
    &["kwanzaa"],
    &["nowruz"],
    &["navruz"],
    &["vesak"],
    &["pentecost"],
    &["lunar", "new", "year"],
    &["chinese", "new", "year"],
    &["mardi", "gras"],
];

/// Whether the capitalized words `start..end` are a festival's whole
/// name ([`FESTIVALS`]).
fn is_festival(s: &[Token], start: usize, end: usize) -> bool {
    let words = &s[start..end];
    words.iter().all(|t| t.class.is_capital())
        && FESTIVALS.iter().any(|name| {
            name.len() == words.len() && name.iter().zip(words).all(|(n, t)| *n == t.lower)
        })
}

/// Whether the capitalized words `start..end` are a holiday's whole name
/// as the date reader knows it (see [`is_holiday`]).
fn is_dated_holiday(s: &[Token], start: usize, end: usize) -> bool {
    let words = &s[start..end];
    words
        .first()
        .is_some_and(|t| date_words::starts_holiday(&t.lower))
        && words.iter().all(|t| t.class == Class::Capitalized)
        && date_words::HOLIDAYS.iter().any(|(name, _)| {
            name.last() != Some(&"patrick")
                && name.len() == words.len()
                && name.iter().zip(words).all(|(n, t)| *n == t.lower)
        })
}

/// Whether `word` (lowercase) opens an institution's name before "of"
/// ([`INSTITUTION_OPENERS`]: "Office", "Institute", "Department" …).
pub(crate) fn opens_institution(word: &str) -> bool {
    INSTITUTION_OPENERS.contains(&word)
}

/// Whether a token is on one of the gazetteer's place lists, starting or
/// continuing a place's name.
pub(crate) fn in_place_name(t: &Token) -> bool {
    t.gaz & (PLACES | PLACES << 8) != 0
}

/// Words that say which court a name ending on "Court" is: "High Court",
/// "Crown Court", "Appeals Court", "District Court".
const COURT_KINDS: &[&str] = &[
    "high",
    "supreme",
    "crown",
    "appeals",
    "appellate",
    "district",
    "federal",
    "magistrates",
    "magistrates'",
    "constitutional",
    "criminal",
    "international",
    "circuit",
    "county",
    "family",
    "juvenile",
    "superior",
    "administrative",
    "bankruptcy",
    "tax",
    "sheriff",
];

/// Head words of sports and concert venues: a name of several words
/// ending on one is a place (as CoNLL-2003 and UNER tag venues).
const VENUE_HEADS: &[&str] = &[
    "stadium",
    "arena",
    "racecourse",
    "velodrome",
    "speedway",
    "raceway",
    "ballpark",
    "pavilion",
    "amphitheatre",
    "amphitheater",
];

/// Last words of newspapers' names: a name of several words ending on
/// one that the model read as a place or a person is the paper, an
/// organization ("Pittsburgh Post-Gazette", "San Jose Mercury News",
/// "Wheeling News-Register"); not words that end other names as often
/// ("Star", "Sun", "Standard", "Mirror": "North Star", "Midnight Sun").
const NEWSPAPER_HEADS: &[&str] = &[
    "news",
    "times",
    "post",
    "gazette",
    "post-gazette",
    "news-register",
    "tribune",
    "herald",
    "journal",
    "chronicle",
    "courier",
    "inquirer",
    "enquirer",
    "register",
    "dispatch",
    "examiner",
    "bulletin",
    "telegraph",
    "observer",
    "globe",
    "sentinel",
    "intelligencer",
];

/// Head words of natural features: such a name is a place ("Volga River",
/// "Gobi Desert").
const NATURAL_HEADS: &[&str] = &[
    "river",
    "lake",
    "lakes",
    "mountain",
    "mountains",
    "sea",
    "seas",
    "gulf",
    "valley",
    "desert",
    "island",
    "islands",
    "isles",
    "strait",
    "straits",
    "bay",
    "ocean",
    "canal",
    "peninsula",
    "glacier",
    "reef",
    "basin",
    "delta",
    "plateau",
    "volcano",
    "archipelago",
];

/// Words that open a natural feature's name ("Lake Victoria", "Mount
/// Kenya", "Gulf of Aden").
const NATURAL_OPENERS: &[&str] = &["lake", "mount", "mt", "mt.", "gulf", "isle", "cape"];

/// Words that open a natural feature's name of the form "… of …" ("Gulf
/// of Aden", "Strait of Hormuz", "Bay of Bengal", "Sea of Japan", "Isles
/// of Scilly", "Lake of the Woods").
const NATURAL_OF_OPENERS: &[&str] = &[
    "lake", "mount", "gulf", "isle", "isles", "cape", "strait", "straits", "sea", "bay",
];

/// Whether `word` (lowercase) opens a natural feature's name of the form
/// "… of …".
pub(crate) fn opens_natural_feature_of(word: &str) -> bool {
    NATURAL_OF_OPENERS.contains(&word)
}

/// Britain's regulators are named "Of" and a short cut of what they watch
/// ("Ofcom", "Ofsted", "Ofgem", "Ofwat", "Ofqual", "Oftel"): one word of
/// five or six letters opening on "Of", capitalized as news always writes
/// it (not "Offer", "Often"), is an organization, not the person or the
/// place the recognizer took an unknown word for.
fn is_office_of_regulator(t: &Token) -> bool {
    t.class == Class::Capitalized
        && t.lower.starts_with("of")
        && (5..=6).contains(&t.lower.len())
        && t.lower.bytes().all(|b| b.is_ascii_lowercase())
        && t.caps.is_none_or(|c| c >= PROPER_CAPS)
        && t.names == 0
}

/// Head words of events, awards, laws and agreements: such a name is misc
/// ("Davis Cup", "Nobel Prize", "Clean Air Act", "Kyoto Protocol",
/// "Second Amendment", and a tour, "Eras Tour", "PGA Tour", as CoNLL-2003
/// types the golf tours).
const EVENT_HEADS: &[&str] = &[
    "cup",
    "games",
    "olympics",
    "olympiad",
    "prize",
    "award",
    "awards",
    "act",
    "festival",
    "championship",
    "championships",
    "summit",
    "trophy",
    "tournament",
    "marathon",
    "expo",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "amendment",
    "final",
    "finals",
    "tour",
];

/// Head words of names that coordinate two subjects before them
/// ("Competition and Markets Authority", "Infrastructure Investment and
/// Jobs Act", "Lunar and Planetary Laboratory"): the heads of institutions
/// and events, and of the bodies, programmes and meetings such names end
/// on.
const COORDINATED_HEADS: &[&str] = &[
    "laboratory",
    "laboratories",
    "conference",
    "office",
    "service",
    "services",
    "programme",
    "initiative",
    "program",
    "centre",
    "center",
    "union",
    "alliance",
    "coalition",
    "network",
    "forum",
    "tribunal",
    "court",
    "regulator",
    "partnership",
    "trust",
];

/// A head word a coordinated name may end on ([`COORDINATED_HEADS`], an
/// institution's head or an event's; not a company's: "Banc One and First
/// Chicago Corp" are two).
pub(crate) fn is_coordinated_head(word: &str) -> bool {
    COORDINATED_HEADS.contains(&word)
        || EVENT_HEADS.contains(&word)
        || (INSTITUTION_HEADS.contains(&word)
            && !matches!(
                word,
                "bank" | "inc" | "inc." | "ltd" | "ltd." | "plc" | "corp" | "corp." | "corporation"
            ))
}

/// Combining forms of nationalities used in hyphenated pairs ("Sino-").
const COMBINING_FORMS: &[&str] = &[
    "sino", "anglo", "franco", "indo", "afro", "euro", "russo", "greco", "italo", "austro",
    "judeo", "hispano", "luso", "turco", "serbo",
];

/// The type the words in and around the span `start..end` (typed `ty`)
/// give it, when they say for sure and differ from `ty`.
pub(crate) fn retype(
    s: &[Token],
    start: usize,
    end: usize,
    ty: usize,
    gaz: &Gazetteer,
) -> Option<usize> {
    let new = head_type(s, start, end, ty, gaz)?;
    (new != ty).then_some(new)
}

fn head_type(s: &[Token], start: usize, end: usize, ty: usize, gaz: &Gazetteer) -> Option<usize> {
    let word = |i: usize| s[i].lower.as_str();
    let capital = |i: usize| s[i].class.is_capital();
    let len = end - start;
    let last = end - 1;
    if ty != MISC && is_holiday(s, start, end) {
        return Some(MISC);
    }
    if len == 1
        && (is_nationality_pair(word(start), gaz)
            || is_people(&s[start], gaz)
            || s[start].class == Class::Capitalized && groups::is_group_word(word(start)))
    {
        return Some(MISC);
    }
    if len == 1 && ty != ORG && is_office_of_regulator(&s[start]) {
        return Some(ORG);
    }
    // "invading Earth", "the Earth's equator": the planet is a place (the
    // other planets' names are also brands, gods and people's).
    if len == 1 && ty != LOC && s[start].class == Class::Capitalized && word(start) == "earth" {
        return Some(LOC);
    }
    // "South Asian migrants", "East Africans", "Latin American
    // states": a region's adjective names a people or their things, misc
    // as CoNLL-2003 tags "European".
    if len == 2 && ty != MISC && is_region_adjective(s, start) {
        return Some(MISC);
    }
    // "the Itaipu Hydropower Plant", "Heathrow Airport": a facility's
    // head word ends no person's name, but for a surname after a first
    // name ("Robert Plant", "Simon van Dam").
    if ty == PER
        && len >= 2
        && capital(last)
        && FACILITY_HEADS.contains(&word(last))
        && s[start].names & names_list::FIRST_NAME == 0
    {
        return Some(LOC);
    }
    if len == 1 && ty != PER && ty != ORG && is_leaders_administration(s, start) {
        return Some(PER);
    }
    if len == 1 && ty == PER && is_place_before_its_people(s, start) {
        return Some(LOC);
    }
    // "the island of Rhodes", "the village of Kiotari", "the town of
    // Bakhmut": what a place's kind names is a place.
    if (ty == PER || ty == ORG) && len <= 3 && is_named_by_place_kind(s, start) {
        return Some(LOC);
    }
    if len == 1 && ty == LOC && is_speaker_unknown_as_place(s, start) {
        return Some(PER);
    }
    // "Airbus said", "Dow reported earnings", "MEES said": a product,
    // an event or a language does not speak; a one-word name the model
    // typed misc that stands as the subject of a verb of saying is who
    // spoke: a person when the census lists know the word and the company
    // list does not ("Pemberton told reporters"), else a company or body.
    if len == 1 && ty == MISC && is_misc_speaker(s, start, gaz) {
        let person = s[start].names & (names_list::FIRST_NAME | names_list::SURNAME) != 0
            && s[start].names & names_list::COMPANY == 0;
        return Some(if person { PER } else { ORG });
    }
    // "posted on Weibo", "available on Spotify", "his Weibo account": a
    // service, not a place.
    if len == 1
        && (ty == LOC && platforms::is_service(s, start)
            || ty == PER && platforms::is_service_not_person(s, start))
    {
        return Some(ORG);
    }
    // "YouTube", "ExxonMobil", "PeopleSoft": a word with a brand's inner
    // capital is a company or its product, never a person.
    if len == 1 && ty == PER && s[start].brand_case {
        return Some(ORG);
    }
    // "Democratic Republic of Congo", "People's Republic of China": a
    // country's official name is the country (a sports report's team
    // goes by the short name).
    if ty != LOC && len >= 3 && is_official_country_name(s, start, end, gaz) {
        return Some(LOC);
    }
    // "Plato thought", "Beria was arrested": only people do what the verb
    // after the name says.
    if ty != PER && subjects::is_person_by_verb(s, start, end, gaz) {
        return Some(PER);
    }
    // "Duffy's wife", "Cuaron, who …": only a person has kin and a
    // career, or is "who".
    if (ty == LOC || ty == MISC) && subjects::is_person_by_reference(s, start, end, ty, gaz) {
        return Some(PER);
    }
    // "Taiwan Semiconductor Manufacturing Co.", "Nvidia Corp", "Banco
    // Santander SA": a legal form ends only a company's name, whatever
    // place or person the words before it name.
    if len >= 2 && ty != ORG && capital(last) && is_legal_form(word(last)) {
        return Some(ORG);
    }
    // A person's full name after the noun stays a person ("the
    // manufacturer Georg Reichenbach").
    let full_name = ty == PER && len >= 2 && s[start].names & names_list::FIRST_NAME != 0;
    if ty != ORG
        && len <= 4
        && !full_name
        && (after_lowercase(s, start, |w| OUTLET_NOUNS.contains(&w))
            || after_industry_major(s, start)
            || after_industry_maker(s, start))
    {
        return Some(ORG);
    }
    // "US planemaker Boeing", "sportswear brand Adidas": a name right
    // after a noun naming a kind of company is that company, however the
    // model typed it; not a place of the table ("its unit Shanghai" is
    // rarer than a misread place), nor a person's name of two words or
    // more ("founder of the consultancy Jeanne-Marie Gescher").
    let after_kind = after_lowercase(s, start, appositive::is_organization_kind);
    if ty != ORG && len <= 3 && (ty != PER || len == 1) && after_kind && s[start].gaz & PLACES == 0
    {
        return Some(ORG);
    }
    // "Volkswagen will cut 35,000 jobs, the carmaker said.": the name
    // opening a sentence that a company is said to have told is that
    // company; not a person's full name or a name of the census lists
    // ("Smith will retire, the company said"), nor a place of the table.
    if ty != ORG
        && start == 0
        && len <= 3
        && (ty != PER || len == 1)
        && s[start].gaz & PLACES == 0
        && s[start].names & (names_list::FIRST_NAME | names_list::SURNAME) == 0
        && told_by_a_company(s)
    {
        return Some(ORG);
    }
    // A medicine's brand after its kind ("the drug Leqembi", "the
    // vaccine Comirnaty") is a product, not a person or a place; a name
    // the model knows as a company stays one ("the vaccine Pfizer
    // developed").
    if (ty == PER || ty == LOC)
        && len <= 2
        && !full_name
        && (after_lowercase(s, start, |w| PRODUCT_NOUNS.contains(&w))
            || after_lowercase(s, start, |w| WORK_NOUNS.contains(&w))
            || after_brand_name(s, start))
    {
        return Some(MISC);
    }
    // "Zulresso, an IV infusion", "Zorbix, a smartphone": a product or a
    // work the sentence describes as one.
    if ty != MISC
        && len <= 3
        && !full_name
        && appositive::described_as_product(|i| seen(s, i), s.len(), end)
    {
        return Some(MISC);
    }
    if ty != ORG
        && len <= 4
        && !full_name
        && (is_listed_organization(s, start, end)
            || (!is_place_phrase(s, start, end) && is_described_organization(s, start, end)))
    {
        return Some(ORG);
    }
    // A stock's price: not a place's market ("Frankfurt fell 1%") nor a
    // first name's commodity ("Brent rose 2%").
    if (ty == PER || ty == LOC)
        && len <= 4
        && s[start].gaz & PLACES == 0
        && s[start].names & names_list::FIRST_NAME == 0
        && markets::traded_as_stock(|i| seen(s, i), s.len(), start, end)
    {
        return Some(ORG);
    }
    // "Zorbo reported a net loss", "Zorbo posted record profits": only a
    // company reports its results so. Not a place of the table, nor a
    // name of the census lists, which the model reads from the rest of
    // the article ("Wilson reported net income" may be the company's).
    if (ty == PER || ty == LOC || ty == MISC)
        && len <= 4
        && s[start].class.is_capital()
        && is_unlisted_word(&s[start], gaz)
        && markets::reports_results(|i| seen(s, i), s.len(), start, end)
    {
        return Some(ORG);
    }
    // "Zorbo (NASDAQ: ZRB)": only a listed company has a ticker.
    if ty != ORG && len <= 5 && markets::listed_with_ticker(|i| seen(s, i), s.len(), end) {
        return Some(ORG);
    }
    // "Oslo-based Zorbo", "California-based Zorbo Labs": a name right
    // after where it is based is a company's or a body's; a person is
    // written with a noun between ("the Oslo-based artist Jo Smith").
    // Not a place of the table, a people's name, or a census name
    // opening a person's ("Brooklyn-based Jo Smith", "London-based
    // Levy's novel" of a writer the article names in full).
    if (ty == PER || ty == LOC)
        && len <= 3
        && start
            .checked_sub(1)
            .is_some_and(|b| is_based_in_place(&s[b]))
        && !s[start..end].iter().any(in_place_name)
        && gaz.nationality(word(start)).is_none()
        && s[start].names & (names_list::FIRST_NAME | names_list::SURNAME) == 0
    {
        return Some(ORG);
    }
    // "McDonald's has targeted …", "Sotheby's said": a firm's name with
    // its possessive, never a person's after a courtesy title ("Mr
    // Tellier's would …" leaves out the thing owned); "Vestra Mae chief
    // executive Jo Smith", "Zorbo has upgraded its line": no person is
    // written so, though a full name keeps its person for "its", which
    // may stand for a thing named before ("Jo Smith defended its
    // record"). The words after the name are read first: they rarely
    // match.
    let written_as_company = || {
        len <= 3
            && (possessions::named_with_possessive(|i| seen(s, i), s.len(), end)
                && !start
                    .checked_sub(1)
                    .is_some_and(|p| super::repair::is_courtesy_title(&s[p], true))
                || possessions::names_company_officer(|i| seen(s, i), s.len(), end)
                || !full_name && pronouns::referred_to_as_its(|i| seen(s, i), s.len(), start, end))
    };
    // "Kodak said it secured the rights", "Qintex said it is extending the
    // offer": a one-word name no census list has, said to do as "it" what
    // a company does, is a company (a name the lists know may be a
    // spokesman speaking of his company: "Hall said it will continue";
    // a town's name would have the linker place the company there).
    if len == 1
        && (ty == PER || ty == MISC)
        && is_unlisted_word(&s[start], gaz)
        && pronouns::said_it_acts(|i| seen(s, i), s.len(), start, end)
    {
        return Some(ORG);
    }
    // "42 Zorbo turbines", "a Zorbo subsidiary", "Zorbo shareholders": a
    // name modifying what only a company makes or is owned by is the
    // company's, when the model read a person. Not a misc name, which is
    // as often the product ("Airbus A320 planes", "DC-10 aircraft"), nor a
    // place, which says where ("High Street stores", "Rhineland plants").
    if ty == PER && len <= 3 && possessions::modifies_company_goods(|i| seen(s, i), s.len(), end) {
        return Some(ORG);
    }
    // Such a name is a company's when the model read a person, a misc
    // name or a place the table does not have; a place of the table and a
    // place's kind keep their type (places are "its" too: "Norway raised
    // its rates").
    let unknown_or_person = || match ty {
        PER | MISC => !is_people(&s[start], gaz),
        LOC => s[start].gaz & PLACES == 0 && !is_place_kind(word(last)),
        _ => false,
    };
    if ty != ORG && written_as_company() && unknown_or_person() {
        return Some(ORG);
    }
    let place_phrase = is_place_phrase(s, start, end);
    // "Los Angeles Lakers", "Dallas Mavericks": a place of the table and a
    // plural name after it is a team, not a place ("Palm Springs" is one
    // place of the table); not a natural feature ("Toronto Islands"), an
    // event ("Dubai Championships", "Tokyo Marathons"), a surname or a
    // first name ("Tennessee Williams", "San Andreas"), a common word, or
    // after a direction ("West Indies", "North Africans").
    if ty == LOC
        && len >= 2
        && !place_phrase
        && is_place_phrase(s, start, last)
        && s[last].class == Class::Capitalized
        && s[last].lower.len() >= 4
        && s[last].lower.ends_with('s')
        && s[last].caps.is_none_or(|c| c >= 2)
        && s[last].gaz & PLACES == 0
        && s[last].names & (names_list::FIRST_NAME | names_list::SURNAME) == 0
        && !is_direction(word(start))
        && !NATURAL_HEADS.contains(&word(last))
        && !EVENT_HEADS.contains(&word(last))
        && !word(last)
            .strip_suffix('s')
            .is_some_and(|one| EVENT_HEADS.contains(&one))
    {
        return Some(ORG);
    }
    // "Kobe Bryant", "Victoria Beckham": a place's name and a surname
    // written capitalized nearly always, no place but a small town, which
    // the table does not have as one place, is a person; not after a
    // direction ("West Bank"), nor with a plural ("Philadelphia Eagles": a
    // team), a nationality ("London Irish"), a company's name ("Beverly
    // Hilton": a hotel), two letters ("Munich Re") or an institution's,
    // company's or club's word.
    if ty == LOC
        && len == 2
        && !place_phrase
        && s[start].gaz & PLACES != 0
        && s[last].class == Class::Capitalized
        && s[last].gaz & (PLACES << 8) == 0
        && (s[last].gaz & PLACES == 0 || is_small_town(&s[last].lower, gaz))
        && s[last].names & names_list::SURNAME != 0
        && s[last].caps.is_some_and(|c| c >= PROPER_CAPS)
        && s[last].lower.chars().count() >= 3
        && s[last].names & names_list::COMPANY == 0
        && gaz.nationality(word(last)).is_none()
        && !s[last].lower.ends_with('s')
        && !TOWN_WORDS.contains(&word(last))
        && !is_direction(word(start))
        && !NATURAL_HEADS.contains(&word(last))
        && !VENUE_HEADS.contains(&word(last))
        && !ends_institution(word(last))
        && !ends_company(word(last))
        && !is_club_word(word(last))
    {
        return Some(PER);
    }
    // "Alexandria Ocasio-Cortez": a place's name and a double-barrelled
    // surname (two capitalized parts, one a surname) is a person; not a
    // place of the table ("Winston-Salem") nor a saint's name ("Paris
    // Saint-Germain": a club).
    if ty == LOC
        && len == 2
        && !place_phrase
        && s[start].gaz & PLACES != 0
        && s[start].class == Class::Capitalized
        && s[last].class == Class::Mixed
        && s[last].gaz & PLACES == 0
        && !is_direction(word(start))
        && is_double_barrelled_surname(word(last))
    {
        return Some(PER);
    }
    // "Luton Town", "Bristol City": a town and a club's word that the
    // table does not have as one place ("Kansas City" it has) is a club
    // ("Ulsan Metropolitan City", longer, is left alone).
    if ty == LOC
        && len == 2
        && capital(last)
        && is_club_word(word(last))
        && word(last) != "county"
        && s[start].gaz & PLACES != 0
        && !place_phrase
    {
        return Some(ORG);
    }
    if len >= 2 && capital(last) {
        if EVENT_HEADS.contains(&word(last)) {
            return Some(MISC);
        }
        // A team is named after its city's bay ("Tampa Bay"): only that
        // head leaves organizations alone.
        if NATURAL_HEADS.contains(&word(last)) && (ty != ORG || word(last) != "bay") {
            return Some(LOC);
        }
        // A venue is a place, whoever it is named after ("Coventry
        // Building Society Arena", "O2 Arena").
        if VENUE_HEADS.contains(&word(last)) && ty != LOC {
            return Some(LOC);
        }
        // "Pittsburgh Post-Gazette": a newspaper, not its city; a person
        // only when the last word is no surname and the first no first
        // name ("Emily Post" stays a person).
        let paper = NEWSPAPER_HEADS.contains(&word(last)) && !place_phrase;
        if paper
            && (ty == LOC
                || (ty == PER
                    && s[last].names & names_list::SURNAME == 0
                    && s[start].names & names_list::FIRST_NAME == 0))
        {
            return Some(ORG);
        }
        // "High Court", "Crown Court", "Supreme Court": a court is an
        // organization, as in CoNLL-2003 ("Margaret Court" stays a person).
        if word(last) == "court" && ty != ORG && COURT_KINDS.contains(&word(last - 1)) {
            return Some(ORG);
        }
        // "Imperial College London", "Trinity College Dublin": an
        // institution and the place of its campus, written after it (a
        // place whose name is also a common word, "South Bank Centre",
        // does not count).
        let institution_of_place = len >= 3
            && !place_phrase
            && (start + 1..last).any(|j| {
                capital(j)
                    && INSTITUTION_HEADS.contains(&word(j))
                    && is_place_phrase(s, j + 1, end)
                    && !s[j + 1].is_common_word()
            });
        if institution_of_place && ty != ORG {
            return Some(ORG);
        }
        if (INSTITUTION_HEADS.contains(&word(last))
            || ends_company(word(last))
            || is_centre_of_care(s, last))
            && !place_phrase
            && ty != ORG
            && !(ty == LOC && is_direction(word(start)))
        {
            return Some(ORG);
        }
    }
    if len == 1 && matches!(word(start), "olympics" | "olympiad") {
        return Some(MISC);
    }
    if len >= 3 && word(start + 1) == "of" && capital(start) {
        if INSTITUTION_OPENERS.contains(&word(start)) && ty != ORG {
            return Some(ORG);
        }
        // "Union of South American Nations", "League of Arab States",
        // "Union of South American Nations": a union of states is an
        // organization ("Commonwealth of Australia", a state's own name,
        // ends on no such plural).
        if ty != ORG
            && UNION_OPENERS.contains(&word(start))
            && capital(last)
            && matches!(word(last), "states" | "nations" | "countries")
        {
            return Some(ORG);
        }
        if opens_natural_feature_of(word(start)) {
            return Some(LOC);
        }
    }
    // "Lake Victoria", "Mount Kenya": a place the model read as a person;
    // a lake also when it read an organization ("Mount Sinai", "Gulf Air",
    // "Cape Air" name hospitals and airlines as often).
    if len >= 2
        && capital(start + 1)
        && NATURAL_OPENERS.contains(&word(start))
        && (ty == PER || (ty == ORG && word(start) == "lake"))
    {
        return Some(LOC);
    }
    // "River Severn", "River Trent": a river, whatever the model guessed.
    if len >= 2 && capital(start) && capital(start + 1) && word(start) == "river" && ty != LOC {
        return Some(LOC);
    }
    // "Storm Babet", "Hurricane Ian", "Typhoon Haiyan": a weather event.
    if len >= 2 && capital(start) && capital(start + 1) && is_storm_word(word(start)) {
        return Some(MISC);
    }
    None
}

/// Bodies of a state a nationality's adjective names ("Scottish
/// Parliament", "Welsh Government", "British Army"): the adjective the
/// model tagged alone takes the word after it.
const BODIES_OF_STATE: &[&str] = &[
    "government",
    "parliament",
    "assembly",
    "executive",
    "army",
    "navy",
    "police",
    "senate",
    "cabinet",
    "treasury",
    "embassy",
];

/// Whether `word` (lowercase) is one of the [`BODIES_OF_STATE`].
pub(crate) fn is_body_of_state(word: &str) -> bool {
    BODIES_OF_STATE.contains(&word)
}

/// Last words of a football club's name after its town ("Coventry City",
/// "Luton Town", "Bristol Rovers"), which reports also leave out.
const CLUB_WORDS: &[&str] = &[
    "city",
    "town",
    "united",
    "rovers",
    "athletic",
    "albion",
    "wanderers",
    "county",
    "rangers",
    "hotspur",
    "fc",
    "afc",
];

/// Whether `word` (lowercase) is one of the [`CLUB_WORDS`].
pub(crate) fn is_club_word(word: &str) -> bool {
    CLUB_WORDS.contains(&word)
}

/// Whether the word before token `start` is written in lowercase and is
/// a noun `is_noun` accepts ("the broadcaster X", "the drug X", "US
/// planemaker X").
fn after_lowercase(s: &[Token], start: usize, is_noun: impl Fn(&str) -> bool) -> bool {
    start
        .checked_sub(1)
        .and_then(|b| s.get(b))
        .is_some_and(|t| t.class == Class::Lower && is_noun(&t.lower))
}

/// Industries whose largest companies news calls its "majors" ("oil
/// major Yukos", "mining majors Rio Tinto and BHP").
const INDUSTRIES_WITH_MAJORS: &[&str] = &[
    "oil",
    "energy",
    "mining",
    "pharma",
    "pharmaceutical",
    "drugs",
    "chemicals",
    "tobacco",
    "food",
    "media",
    "steel",
];

/// Whether "major" or "majors" after an industry's noun is written before
/// token `start` ("oil major Yukos"): a company. "major" alone is as
/// often an adjective ("major Wall Street banks") or a rank.
fn after_industry_major(s: &[Token], start: usize) -> bool {
    start >= 2
        && after_lowercase(s, start, |w| matches!(w, "major" | "majors"))
        && s[start - 2].class == Class::Lower
        && INDUSTRIES_WITH_MAJORS.contains(&s[start - 2].lower.as_str())
}

/// Goods and industries whose companies news names by what they make,
/// before "maker", "producer" or "developer" ("oil producer X", "turbine
/// maker X", "energy developer X", "handset maker X"). Not the arts and
/// crafts a person makes or produces ("film producer X", "wine maker X",
/// "game developer X", "property developer X"), which are no entries.
const MADE_GOODS: &[&str] = &[
    "oil",
    "gas",
    "lng",
    "energy",
    "power",
    "electricity",
    "solar",
    "wind",
    "hydrogen",
    "renewable",
    "renewables",
    "shale",
    "steel",
    "aluminium",
    "aluminum",
    "copper",
    "gold",
    "coal",
    "lithium",
    "nickel",
    "iron",
    "cement",
    "chemical",
    "chemicals",
    "fertiliser",
    "fertilizer",
    "battery",
    "chip",
    "semiconductor",
    "car",
    "truck",
    "tractor",
    "railcar",
    "aircraft",
    "plane",
    "jet",
    "engine",
    "turbine",
    "appliance",
    "handset",
    "phone",
    "smartphone",
    "browser",
    "drug",
    "vaccine",
    "sugar",
    "dairy",
    "poultry",
    "meat",
    "tobacco",
    "cigarette",
    "paper",
    "pulp",
    "toy",
];

/// Nouns of making that follow one of [`MADE_GOODS`]: "maker",
/// "producer", "developer". Alone they are people's trades as often
/// ("executive producer X").
const MAKING_NOUNS: &[&str] = &[
    "maker",
    "makers",
    "producer",
    "producers",
    "developer",
    "developers",
];

/// Whether `goods` then `noun` (both lowercase, as written) name a
/// company by what it makes ("oil producer", "turbine maker"; see
/// [`MADE_GOODS`]).
pub(crate) fn is_industry_maker(goods: &str, noun: &str) -> bool {
    MAKING_NOUNS.contains(&noun) && MADE_GOODS.contains(&goods)
}

/// Whether a company's making is written before token `start` ("Saudi
/// oil producer X"; see [`is_industry_maker`]).
fn after_industry_maker(s: &[Token], start: usize) -> bool {
    start >= 2
        && s[start - 1].class == Class::Lower
        && s[start - 2].class == Class::Lower
        && is_industry_maker(&s[start - 2].lower, &s[start - 1].lower)
}

/// Whether a product's brand is written before token `start`: "the brand
/// name X", "the trade name X", "sold as X", "marketed as X".
fn after_brand_name(s: &[Token], start: usize) -> bool {
    let lower = |i: usize, words: &[&str]| {
        s.get(i)
            .is_some_and(|t| t.class == Class::Lower && words.contains(&t.lower.as_str()))
    };
    start >= 2
        && ((lower(start - 1, &["name"]) && lower(start - 2, &["brand", "trade"]))
            || (lower(start - 1, &["as"]) && lower(start - 2, &["sold", "marketed", "branded"])))
}

/// Words that open a named storm's name ("Storm Babet", "Hurricane Ian").
const STORM_WORDS: &[&str] = &["storm", "hurricane", "typhoon", "cyclone"];

/// Whether `word` (lowercase) opens a named storm's name ([`STORM_WORDS`]).
pub(crate) fn is_storm_word(word: &str) -> bool {
    STORM_WORDS.contains(&word)
}

/// Word `i` of the sentence as [`lists`] and [`appositive`] read it.
pub(crate) fn seen(s: &[Token], i: usize) -> Seen<'_> {
    match s[i].class {
        Class::Lower | Class::Punct => Seen::Lower(s[i].lower.as_str()),
        Class::Capitalized | Class::AllCaps | Class::Mixed => Seen::Capital(s[i].lower.as_str()),
        Class::Digits => Seen::Other(s[i].lower.as_str()),
    }
}

/// Whether the token says where something is based, as one hyphenated
/// word opening on a capital ("Oslo-based", "Francisco-headquartered").
fn is_based_in_place(t: &Token) -> bool {
    t.class.is_capital()
        && ["-based", "-headquartered"]
            .iter()
            .any(|tail| t.lower.len() > tail.len() + 1 && t.lower.ends_with(tail))
}

/// Whether the span is a name in a list the sentence says is of
/// organizations ("websites such as X, Y and Z"; see [`lists`]).
fn is_listed_organization(s: &[Token], start: usize, end: usize) -> bool {
    lists::listed_among_organizations(|i| seen(s, i), s.len(), start, end)
}

/// Whether a sentence ends on a company telling it: a comma, "the", up
/// to two describing words, a noun naming a kind of company
/// ([`appositive::is_organization_kind`]), a verb of saying, and the full
/// stop (", the carmaker said.", ", the German lender said.").
fn told_by_a_company(s: &[Token]) -> bool {
    const DESCRIBING: usize = 2;
    let n = s.len();
    let Some(stop) = n.checked_sub(1).filter(|&i| s[i].lower == ".") else {
        return false;
    };
    let Some(verb) = stop.checked_sub(1) else {
        return false;
    };
    if !SPEAKER_VERBS.contains(&s[verb].lower.as_str()) {
        return false;
    }
    let Some(kind) = verb.checked_sub(1) else {
        return false;
    };
    if s[kind].class != Class::Lower || !appositive::is_organization_kind(&s[kind].lower) {
        return false;
    }
    (kind.saturating_sub(DESCRIBING + 1)..kind).any(|the| {
        the >= 1
            && s[the].lower == "the"
            && s[the - 1].lower == ","
            && s[the + 1..kind]
                .iter()
                .all(|t| t.lower.chars().all(char::is_alphabetic))
    })
}

/// Whether a word is on none of the lists that would make it a person's
/// or a place's name: the census first names and surnames, the places
/// table, the nationalities and peoples. What a company does, said of
/// such a word ("Zorbo said it sold …", "Zorbo reported a loss"), makes
/// it a company's; a listed word is left to the model and the article.
fn is_unlisted_word(t: &Token, gaz: &Gazetteer) -> bool {
    t.names & (names_list::FIRST_NAME | names_list::SURNAME) == 0
        && t.gaz & PLACES == 0
        && !is_people(t, gaz)
}

/// Whether the name at `start..end` is described right after it as an
/// organization, alone or together with the name it is joined to.
fn is_described_organization(s: &[Token], start: usize, end: usize) -> bool {
    appositive::described_as_organization(|i| seen(s, i), s.len(), end)
        || appositive::described_together_as_organizations(|i| seen(s, i), s.len(), start, end)
}

/// Lowercase nouns of a place's people and services, written after the
/// place's name ("Denver officials", "Atlanta police"); not "voters" or
/// "supporters", which follow candidates ("Kerry voters").
const PLACE_FOLLOWERS: &[&str] = &[
    "officials",
    "authorities",
    "police",
    "residents",
    "lawmakers",
    "legislators",
    "mayor",
    "councillors",
    "prosecutors",
    "firefighters",
    "citizens",
    "locals",
];

/// A single word the places table knows, before a lowercase noun of its
/// people ([`PLACE_FOLLOWERS`]): the place, not a person of that name
/// ("Denver officials said", where "Denver" is also a first name and a
/// surname). Organizations are left alone: "Liverpool officials" are
/// often the club's.
fn is_place_before_its_people(s: &[Token], i: usize) -> bool {
    s[i].class == Class::Capitalized && s[i].gaz & PLACES != 0 && lower_after(s, i, PLACE_FOLLOWERS)
}

/// Verbs of saying that name the speaker after a quotation ("…," said
/// Guilbeault.).
const SPEAKER_VERBS: &[&str] = &["said", "says", "added", "asked", "explained", "insisted"];

/// Whether a one-word name the model took for a place is a quotation's
/// speaker: a verb of saying ([`SPEAKER_VERBS`]) right before it, a
/// punctuation mark or the sentence's end right after it, and no place
/// of the table has the word. A name before the verb is left alone: a
/// place stands for its government or team there ("China said"), and
/// companies and continents the model took for places would become
/// people ("Sony said", "Europe says").
fn is_speaker_unknown_as_place(s: &[Token], i: usize) -> bool {
    i > 0
        && s[i - 1].class == Class::Lower
        && SPEAKER_VERBS.contains(&s[i - 1].lower.as_str())
        && s.get(i + 1).is_none_or(|t| t.class == Class::Punct)
        && s[i].class == Class::Capitalized
        && s[i].gaz & (PLACES | PLACES << 8) == 0
}

/// Verbs of saying and reporting whose subject before them is who spoke
/// ("Airbus said", "Dow reported earnings"); not "added" or "declined",
/// which news also writes of prices and rates ("Devex added 50").
const SAYING_VERBS: &[&str] = &["said", "says", "told", "announced", "reported"];

/// Whether the one-word name at `i`, which the model typed misc, is the
/// subject of a verb of saying ([`SAYING_VERBS`]) right after it: it
/// opens its clause (no capitalized word in the two before it, so not
/// the end of a longer name cut short, "Gulf and Western said"), no
/// capitalized word follows the verb (in "… turn to Windows said Dominic
/// Hirsch" the speaker comes after), and it names no group of people: a
/// nationality ("American said"), a faith or people ([`groups`]), a
/// party's members ([`POLITICAL_WORDS`]), or any plural ("Republicans",
/// "Europeans", "Latinos"; a company whose name ends in "s" the company
/// list does not know stays misc). Nor a city or country of the table:
/// the linker would take the company for the town ("Summit said", a
/// petroleum company, became Summit, New Jersey); a region's name stays
/// a company ("Eastern said", the airline, not a province).
fn is_misc_speaker(s: &[Token], i: usize, gaz: &Gazetteer) -> bool {
    let t = &s[i];
    let capital_at = |k: Option<usize>| {
        k.and_then(|k| s.get(k))
            .is_some_and(|t| t.class.is_capital())
    };
    let lower = t.lower.as_str();
    t.class.is_capital()
        && t.lower.chars().any(char::is_alphabetic)
        && !capital_at(i.checked_sub(1))
        && !capital_at(i.checked_sub(2))
        && lower_after(s, i, SAYING_VERBS)
        && !capital_at(Some(i + 2))
        && gaz.nationality(lower).is_none()
        && !groups::is_group_word(lower)
        && !POLITICAL_WORDS.contains(&lower)
        && (!lower.ends_with('s') || t.names & names_list::COMPANY != 0)
        && t.gaz & u16::from(gaz_list::CITY | gaz_list::COUNTRY) == 0
}

/// Whether the word after `i` is written in lowercase and is one of `words`.
fn lower_after(s: &[Token], i: usize, words: &[&str]) -> bool {
    s.get(i + 1)
        .is_some_and(|t| t.class == Class::Lower && words.contains(&t.lower.as_str()))
}

/// Capitalized words of parties, ideologies and regimes, which qualify an
/// administration without naming a leader.
const POLITICAL_WORDS: &[&str] = &[
    "republican",
    "democratic",
    "democrat",
    "conservative",
    "labour",
    "labor",
    "liberal",
    "tory",
    "socialist",
    "communist",
    "nationalist",
    "federal",
    "soviet",
    "imperial",
    "colonial",
    "military",
    "provisional",
    "transitional",
    "interim",
    "coalition",
];

/// A single capitalized word before a lowercase "administration" that is
/// not a country or region: a leader's government ("the Biden
/// administration", "the Obama administration"), so the word is a person,
/// as CoNLL-2003 tags "the Clinton administration"; a country's stays a
/// place ("the Kenya administration"), a party's or a regime's word stays
/// what it is ("the Republican administration", "the Soviet
/// administration").
fn is_leaders_administration(s: &[Token], i: usize) -> bool {
    let countries = u16::from(gaz_list::COUNTRY | gaz_list::REGION);
    s[i].class == Class::Capitalized
        && s[i].gaz & countries == 0
        && !POLITICAL_WORDS.contains(&s[i].lower.as_str())
        && lower_after(s, i, &["administration"])
}

/// A compass direction opening a place's name ("West Bank", "North
/// Island"): the name is a region, whatever its head word.
fn is_direction(word: &str) -> bool {
    matches!(
        word,
        "west"
            | "east"
            | "north"
            | "south"
            | "left"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
    )
}

/// Whether `lower` is two parts joined by a hyphen ("ocasio-cortez",
/// "rees-mogg"), each of three letters or more, the first a surname of
/// the names list ("wal-marts" is none) and no saint's ("saint-germain",
/// "st-denis"), neither a direction ("north-east") nor on the company
/// list.
fn is_double_barrelled_surname(lower: &str) -> bool {
    let Some((a, b)) = lower.split_once('-') else {
        return false;
    };
    let part = |p: &str| p.chars().count() >= 3 && p.chars().all(char::is_alphabetic);
    let names = |p: &str| super::lexicon::Lexicon::embedded().names(super::hash::of_str(p));
    let surname = |p: &str| names(p) & names_list::SURNAME != 0;
    let company = |p: &str| names(p) & names_list::COMPANY != 0;
    part(a)
        && part(b)
        && !company(lower)
        && !company(a)
        && !company(b)
        && !matches!(a, "saint" | "sainte" | "san" | "santa" | "st")
        && !is_direction(a)
        && !is_direction(b)
        && surname(a)
}

/// Capitalization rate (of `caps.tsv`) from which a surname is a name's
/// own word: capitalized in 95 % or more of its uses mid-sentence (not
/// "Park", "Street", "Lane", "Temple", under it).
const PROPER_CAPS: u8 = 4;

/// Words that end small places' and buildings' names and are mostly
/// written capitalized ("Sandy Creek", "Oak Ridge", "Bingley Hall"): not
/// surnames after a place's name.
const TOWN_WORDS: &[&str] = &[
    "creek", "brook", "ridge", "grove", "hollow", "junction", "hall", "house", "castle", "manor",
    "tower", "lodge",
];

/// Kinds of places, whose names follow them ("the island of Rhodes",
/// "villages including Kiotari and Lardos"); not "port", whose plural
/// names software as often ("ports of PC and arcade classics").
const PLACE_KINDS: &[&str] = &[
    "island",
    "town",
    "city",
    "village",
    "province",
    "region",
    "county",
    "district",
    "state",
    "country",
    "capital",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "enclave",
    "archipelago",
];

/// Whether `word` (lowercase) is one of the [`PLACE_KINDS`] or its plural
/// ("cities", "villages").
pub(crate) fn is_place_kind(word: &str) -> bool {
    let one = word
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| word.strip_suffix('s').map(str::to_string));
    PLACE_KINDS.contains(&word) || one.is_some_and(|w| PLACE_KINDS.contains(&w.as_str()))
}

/// Whether the name at `start` follows "of" and a place's kind in
/// lowercase ("the island of Rhodes").
fn is_named_by_place_kind(s: &[Token], start: usize) -> bool {
    start >= 2
        && s[start - 1].lower == "of"
        && s[start - 2].class == Class::Lower
        && is_place_kind(&s[start - 2].lower)
}

/// Whether every place of the table named `word` is a town under
/// [`SMALL_TOWN`] people ("Bryant", Arkansas), which a surname is more
/// likely to mean beside another name.
pub(crate) fn is_small_town(word: &str, gaz: &Gazetteer) -> bool {
    gaz.candidates(word)
        .iter()
        .all(|p| p.kind == Kind::City && p.population < SMALL_TOWN)
}

/// People under which a town of the table gives way to a surname (or,
/// before a verb of people, to a person: see `subjects`).
pub(crate) const SMALL_TOWN: u64 = 100_000;

/// Whether the span is exactly a place phrase of the gazetteer ("West
/// Bank" keeps its type whatever its last word).
fn is_place_phrase(s: &[Token], start: usize, end: usize) -> bool {
    s[start].gaz & PLACES != 0
        && s[start + 1..end].iter().all(|t| (t.gaz >> 8) & PLACES != 0)
        && s.get(end).is_none_or(|t| (t.gaz >> 8) & PLACES == 0)
}

/// Whether `start..end` is a country's name of the form "… of …"
/// ("Republic of Korea", "Democratic Republic of Congo").
fn is_official_country_name(s: &[Token], start: usize, end: usize, gaz: &Gazetteer) -> bool {
    if !s[start + 1..end - 1].iter().any(|t| t.lower == "of") {
        return false;
    }
    let name = features::lower_name(s, start, end);
    gaz.candidates(&name)
        .iter()
        .any(|p| p.kind == Kind::Country)
}

/// Whether a capitalized word is the plural of a nationality ("Kazakhs",
/// "Afghans"): a people, misc as CoNLL-2003 tags "Russians"; not a place
/// of that form ("Philippines"), nor a word in capitals (a headline's
/// team: "INDIANS").
fn is_people(t: &Token, gaz: &Gazetteer) -> bool {
    t.class == Class::Capitalized
        && t.gaz & PLACES == 0
        && t.lower
            .strip_suffix('s')
            .is_some_and(|one| !one.is_empty() && gaz.nationality(one).is_some())
}

/// Whether a hyphenated word joins two nationalities ("Sino-Russian",
/// "Tajik-Afghan", "German-Israeli"): a relation between peoples, misc.
fn is_nationality_pair(word: &str, gaz: &Gazetteer) -> bool {
    let mut parts = word.split('-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let nationality = |p: &str| !p.is_empty() && gaz.nationality(p).is_some();
    (nationality(a) || COMBINING_FORMS.contains(&a)) && nationality(b)
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::parse(
            "West Bank\tregion\tPS\t\t\t0\t\nKenya\tcountry\tKE\t\t\t0\t\n\
             Denver\tcity\tUS\t\t\t0\t\n\
             Ruritania\tcountry\tRR\t\t\t0\tFederal Republic of the Ruritanian Isles\n",
            "RU\tRussian\nAF\tAfghan\nTJ\tTajik\n",
        )
    }

    fn retyped(words: &[&str], start: usize, end: usize, ty: usize) -> Option<usize> {
        let g = gaz();
        let s = prepare(words, &Lexicon::parse("", ""), &g);
        retype(&s, start, end, ty, &g)
    }

    /// [`retyped`] with the embedded name lists and capitalization rates.
    fn retyped_named(words: &[&str], start: usize, end: usize, ty: usize) -> Option<usize> {
        let g = gaz();
        let s = prepare(words, Lexicon::embedded(), &g);
        retype(&s, start, end, ty, &g)
    }

    #[test]
    fn a_name_right_after_where_it_is_based_is_a_company() {
        let words = ["Oslo-based", "Zorbex", "said", "profits", "rose"];
        assert_eq!(retyped(&words, 1, 2, PER), Some(ORG));
        let words = ["California-based", "Tarnholm", "Labs", "makes", "chips"];
        assert_eq!(retyped(&words, 1, 3, LOC), Some(ORG));
        // A noun between, a census name, or already an organization.
        let words = ["the", "Oslo-based", "artist", "Zorbex", "paints"];
        assert_eq!(retyped(&words, 3, 4, PER), None);
        let words = ["Brooklyn-based", "Jo", "Smith", "paints"];
        assert_eq!(retyped_named(&words, 1, 3, PER), None);
        let words = ["London-based", "Levy", "'s", "novel"];
        assert_eq!(retyped_named(&words, 1, 2, PER), None);
        let words = ["Oslo-based", "Zorbex", "said"];
        assert_eq!(retyped(&words, 1, 2, ORG), None);
    }

    #[test]
    fn a_misc_name_that_speaks_is_who_spoke() {
        let said = |words: &[&str], i: usize| retyped(words, i, i + 1, MISC);
        assert_eq!(
            said(&["Zorbex", "said", "the", "order", "stands", "."], 0),
            Some(ORG)
        );
        assert_eq!(
            said(&["Profits", "rose", ",", "ZORB", "reported", "."], 3),
            Some(ORG)
        );
        // A nationality, a plural, a people, a city of the table, a
        // longer name cut short, a speaker after the verb, a verb of
        // prices: left as they are.
        assert_eq!(said(&["Russian", "said", "the", "plan", "failed"], 0), None);
        assert_eq!(said(&["of", "the", "Zorbians", "said", "no"], 2), None);
        assert_eq!(said(&["Hindu", "said", "so"], 0), None);
        assert_eq!(said(&["Denver", "said", "so"], 0), None);
        assert_eq!(said(&["Gulf", "and", "Western", "said", "so"], 2), None);
        assert_eq!(
            said(&["turn", "to", "Zorbex", "said", "Dominic", "Hirsch"], 2),
            None
        );
        assert_eq!(said(&["Zorbex", "added", "50", "to", "13.00"], 0), None);
        // A word of the census lists is a person who spoke.
        assert_eq!(
            retyped_named(
                &[
                    "\"",
                    "It",
                    "hurts",
                    ",",
                    "\"",
                    "Pemberton",
                    "told",
                    "reporters"
                ],
                5,
                6,
                MISC
            ),
            Some(PER)
        );
    }

    #[test]
    fn a_brands_inner_capital_is_no_persons_name() {
        let words = ["shares", "of", "ZorbTube", "fell", "as", "McZorb", "said"];
        assert_eq!(retyped_named(&words, 2, 3, PER), Some(ORG));
        assert_eq!(retyped_named(&words, 5, 6, PER), None);
        // Only a person read on the word alone.
        assert_eq!(retyped_named(&words, 2, 3, MISC), None);
    }

    #[test]
    fn a_countrys_official_name_is_the_country() {
        let words = [
            "in",
            "the",
            "Federal",
            "Republic",
            "of",
            "Ruritanian",
            "Isles",
            ".",
        ];
        assert_eq!(retyped(&words, 2, 7, ORG), Some(LOC));
        assert_eq!(retyped(&words, 2, 7, LOC), None);
        // Not a name without "of": a team goes by its country's name.
        assert_eq!(retyped(&["Kenya", "beat", "Ghana"], 0, 1, ORG), None);
    }

    #[test]
    fn a_holidays_name_is_misc() {
        let words = ["just", "before", "Christmas", "trees", "sold"];
        assert_eq!(retyped(&words, 2, 3, PER), Some(MISC));
        let words = ["on", "Labor", "Day", "weekend"];
        assert_eq!(retyped(&words, 1, 3, ORG), Some(MISC));
        // Not a saint's name, nor a longer name holding a holiday's.
        let words = ["St", "Patrick", "preached"];
        assert_eq!(retyped(&words, 0, 2, PER), None);
        let words = ["on", "Easter", "Island", "today"];
        assert_eq!(retyped(&words, 1, 3, LOC), None);
        // Festivals of other calendars, which the date reader does not
        // place, likewise; not in lowercase, nor within a longer name.
        let words = ["during", "Ramadan", ",", "fasting"];
        assert_eq!(retyped(&words, 1, 2, LOC), Some(MISC));
        let words = ["ends", "with", "Eid", "al-Fitr", "."];
        assert_eq!(retyped(&words, 2, 4, PER), Some(MISC));
        let words = ["the", "Lunar", "New", "Year", "holiday"];
        assert_eq!(retyped(&words, 1, 4, ORG), Some(MISC));
        let words = ["the", "Ramadan", "Foundation", "said"];
        assert_eq!(retyped(&words, 1, 3, ORG), None);
    }

    #[test]
    fn a_venue_is_a_place() {
        let words = [
            "at", "the", "Zorbo", "Building", "Society", "Arena", "today",
        ];
        assert_eq!(retyped(&words, 2, 6, ORG), Some(LOC));
        assert_eq!(
            retyped(&["at", "Zorbo", "Music", "Pavilion", "."], 1, 4, ORG),
            Some(LOC)
        );
        assert_eq!(
            retyped(&["at", "Kudja", "Sky", "Amphitheatre", "."], 1, 4, PER),
            Some(LOC)
        );
        assert_eq!(
            retyped(&["the", "O2", "Arena", "shut"], 1, 3, MISC),
            Some(LOC)
        );
        assert_eq!(
            retyped(&["at", "Kudja", "Stadium", "today"], 1, 3, LOC),
            None
        );
        // One word alone is no venue's name ("Arena", a company).
        assert_eq!(retyped(&["Arena", "said", "so"], 0, 1, ORG), None);
    }

    #[test]
    fn a_quotations_speaker_is_a_person() {
        let words = ["patterns", ",", "\"", "said", "Kudja", "."];
        assert_eq!(retyped(&words, 4, 5, LOC), Some(PER));
        // Before the verb a place stands for its people; a place of the
        // table stays a place.
        assert_eq!(retyped(&["Zorbo", "said", "so"], 0, 1, LOC), None);
        assert_eq!(retyped(&["said", "Denver", "."], 1, 2, LOC), None);
        assert_eq!(retyped(&["said", "Zorbo", "officials"], 1, 2, LOC), None);
    }

    #[test]
    fn outlet_nouns_make_organizations() {
        assert_eq!(
            retyped(&["the", "broadcaster", "Nova", "said"], 2, 3, PER),
            Some(ORG)
        );
        assert_eq!(retyped(&["radio", "Ozodi", "said"], 1, 2, LOC), Some(ORG));
        assert_eq!(retyped(&["the", "city", "Nova", "said"], 2, 3, LOC), None);
        assert_eq!(
            retyped(&["turbine", "manufacturer", "Vestas", "said"], 2, 3, PER),
            Some(ORG)
        );
        assert_eq!(
            retyped(&["electricity", "generator", "Zorbo", "said"], 2, 3, PER),
            Some(ORG)
        );
        // A noun that is also a person's trade or role leaves the name be.
        for noun in ["specialist", "explorer", "partner", "producer"] {
            assert_eq!(retyped(&["the", noun, "Zorbo", "said"], 2, 3, PER), None);
        }
    }

    #[test]
    fn head_words_decide() {
        let words = ["U.S.", "Central", "Command", "said"];
        assert_eq!(retyped(&words, 0, 3, LOC), Some(ORG));
        assert_eq!(retyped(&["the", "West", "Bank"], 1, 3, LOC), None);
        assert_eq!(retyped(&["the", "Volga", "River"], 1, 3, PER), Some(LOC));
        assert_eq!(retyped(&["Lake", "Nasser", "rose"], 0, 2, PER), Some(LOC));
        assert_eq!(retyped(&["the", "Davis", "Cup"], 1, 3, PER), Some(MISC));
        // Britain's regulators, read as people or places.
        assert_eq!(retyped(&["Ofwat", "said"], 0, 1, PER), Some(ORG));
        assert_eq!(retyped(&["by", "Ofsted", "."], 1, 2, LOC), Some(ORG));
        // The planet.
        assert_eq!(retyped(&["invading", "Earth", "."], 1, 2, ORG), Some(LOC));
        // Treaties and laws by their heads, whatever place names them.
        assert_eq!(
            retyped(&["the", "Kyoto", "Protocol"], 1, 3, LOC),
            Some(MISC)
        );
        assert_eq!(
            retyped(&["the", "Fifth", "Amendment"], 1, 3, ORG),
            Some(MISC)
        );
        assert_eq!(
            retyped(&["Ministry", "of", "Kenya", "said"], 0, 3, LOC),
            Some(ORG)
        );
        // A company's head word makes an organization of a person or place;
        // one word alone, or a head that is also a surname, does not.
        assert_eq!(retyped(&["Mocean", "Energy", "said"], 0, 2, PER), Some(ORG));
        assert_eq!(retyped(&["Vantel", "Hydro", "said"], 0, 2, PER), Some(ORG));
        assert_eq!(
            retyped(&["Adani", "Enterprises", "said"], 0, 2, LOC),
            Some(ORG)
        );
        assert_eq!(retyped(&["Energy", "said"], 0, 1, PER), None);
        assert_eq!(
            retyped(&["Zorbo", "Clark", "Productions", "said"], 0, 3, PER),
            Some(ORG)
        );
        assert_eq!(retyped(&["Quillo", "Labs", "said"], 0, 2, PER), Some(ORG));
        assert_eq!(
            retyped(&["via", "Vantel", "Images", "."], 1, 3, PER),
            Some(ORG)
        );
        // A newspaper is no place and no person; "Emily Post" is a person.
        assert_eq!(
            retyped(&["the", "Pittsburgh", "Post-Gazette", "said"], 1, 3, LOC),
            Some(ORG)
        );
        assert_eq!(
            retyped(&["the", "Quillo", "Daily", "News", "said"], 1, 4, PER),
            Some(ORG)
        );
        assert_eq!(retyped_named(&["Emily", "Post", "wrote"], 0, 2, PER), None);
        assert_eq!(retyped_named(&["Quillo", "Post", "wrote"], 0, 2, PER), None);
        // A leader's administration; a country's stays a place.
        assert_eq!(
            retyped(&["the", "Obama", "administration"], 1, 2, LOC),
            Some(PER)
        );
        assert_eq!(
            retyped(&["the", "Biden", "administration"], 1, 2, MISC),
            Some(PER)
        );
        assert_eq!(
            retyped(&["the", "Kenya", "administration"], 1, 2, LOC),
            None
        );
        assert_eq!(
            retyped(&["the", "Republican", "administration"], 1, 2, MISC),
            None
        );
        assert_eq!(retyped(&["the", "Acme", "administration"], 1, 2, ORG), None);
        assert_eq!(
            retyped(&["the", "Obama", "Administration"], 1, 2, LOC),
            None
        );
        assert_eq!(retyped(&["Samantha", "Power", "said"], 0, 2, PER), None);
        // A fund manager's head word, whatever first name opens it.
        assert_eq!(
            retyped(&["Elliott", "Management", "bid"], 0, 2, PER),
            Some(ORG)
        );
        // A court of a kind is an organization; a person named Court is not.
        assert_eq!(
            retyped(&["the", "High", "Court", "ruled"], 1, 3, LOC),
            Some(ORG)
        );
        assert_eq!(retyped(&["Margaret", "Court", "won"], 0, 2, PER), None);
    }

    #[test]
    fn a_place_kind_names_a_place() {
        let w = ["the", "island", "of", "Rhodes", "burned"];
        assert_eq!(retyped(&w, 3, 4, PER), Some(LOC));
        let w = ["the", "town", "of", "Bakhmut", "fell"];
        assert_eq!(retyped(&w, 3, 4, ORG), Some(LOC));
        // A capitalized kind opens a name of its own ("City of London").
        let w = ["the", "City", "of", "Westminster", "said"];
        assert_eq!(retyped(&w, 3, 4, PER), None);
        let w = ["the", "son", "of", "Rhodes", "said"];
        assert_eq!(retyped(&w, 3, 4, PER), None);
    }

    #[test]
    fn a_place_and_a_surname_name_a_person() {
        // The places table, name lists and capitalization rates decide:
        // the embedded ones.
        let retyped = |words: &[&str], start: usize, end: usize, ty: usize| {
            let g = Gazetteer::embedded();
            let s = prepare(words, Lexicon::embedded(), g);
            retype(&s, start, end, ty, g)
        };
        // The surname may be a small town's name ("Bryant", Arkansas).
        assert_eq!(retyped(&["Kobe", "Bryant", "died"], 0, 2, LOC), Some(PER));
        assert_eq!(
            retyped(&["Victoria", "Beckham", "said"], 0, 2, LOC),
            Some(PER)
        );
        // A city's word after a place, or a common word, is no surname.
        assert_eq!(retyped(&["Kansas", "City", "won"], 0, 2, LOC), None);
        assert_eq!(retyped(&["Georgia", "Power", "said"], 0, 2, LOC), None);
        assert_eq!(retyped(&["Stanley", "Park", "hosted"], 0, 2, LOC), None);
        assert_eq!(retyped(&["London", "Irish", "won"], 0, 2, LOC), None);
        assert_eq!(retyped(&["Beverly", "Hilton", "hosted"], 0, 2, LOC), None);
        // A double-barrelled surname, one of its parts on the names list.
        let w = ["Alexandria", "Ocasio-Cortez", "said"];
        assert_eq!(retyped(&w, 0, 2, LOC), Some(PER));
        // A saint's name, a direction or a company is none.
        let w = ["Paris", "Saint-Germain", "won"];
        assert_eq!(retyped(&w, 0, 2, LOC), None);
        let w = ["Galway", "North-East", "voted"];
        assert_eq!(retyped(&w, 0, 2, LOC), None);
        let w = ["in", "Maryland", "Wal-Marts", "today"];
        assert_eq!(retyped(&w, 1, 3, LOC), None);
        // Written in one case it is a compound, no surname.
        let w = ["Alexandria", "Ocasio-based", "said"];
        assert_eq!(retyped(&w, 0, 2, LOC), None);
    }

    #[test]
    fn a_place_before_its_people_is_a_place() {
        assert_eq!(
            retyped(&["Denver", "officials", "said"], 0, 1, PER),
            Some(LOC)
        );
        assert_eq!(retyped(&["Denver", "police", "said"], 0, 1, PER), Some(LOC));
        // Only a place the table knows, only before its people, and an
        // organization stays one (a club's officials).
        assert_eq!(retyped(&["Denvir", "officials", "said"], 0, 1, PER), None);
        assert_eq!(retyped(&["Denver", "said", "so"], 0, 1, PER), None);
        assert_eq!(retyped(&["Denver", "officials", "said"], 0, 1, ORG), None);
    }

    #[test]
    fn nationality_pairs_are_misc() {
        assert_eq!(retyped(&["Sino-Russian", "ties"], 0, 1, LOC), Some(MISC));
        assert_eq!(retyped(&["Tajik-Afghan", "border"], 0, 1, PER), Some(MISC));
        assert_eq!(retyped(&["Tajik-Afghan", "border"], 0, 1, MISC), None);
        assert_eq!(retyped(&["Kenya-based", "firm"], 0, 1, LOC), None);
        // A nationality's plural is a people.
        assert_eq!(retyped(&["Afghans", "protested"], 0, 1, PER), Some(MISC));
        assert_eq!(retyped(&["Russians", "protested"], 0, 1, ORG), Some(MISC));
        assert_eq!(retyped(&["Afghans", "protested"], 0, 1, MISC), None);
        assert_eq!(retyped(&["Kenyans", "protested"], 0, 1, PER), None);
    }

    #[test]
    fn region_adjectives_unions_and_facilities() {
        // A world region's adjective or people is misc.
        for words in [
            ["Central", "American", "migrants"],
            ["East", "Africans", "arrived"],
            ["Latin", "American", "states"],
            ["Middle", "Eastern", "oil"],
        ] {
            assert_eq!(retyped(&words, 0, 2, ORG), Some(MISC), "{words:?}");
        }
        assert_eq!(retyped(&["Middle", "Asian", "oil"], 0, 2, ORG), None);
        assert_eq!(retyped(&["Central", "Bank", "said"], 0, 2, ORG), None);
        // A union of states is an organization; a state's own name is not.
        let unasur = ["the", "Union", "of", "South", "American", "Nations", "met"];
        assert_eq!(retyped(&unasur, 1, 6, LOC), Some(ORG));
        let arab = ["the", "League", "of", "Arab", "States", "met"];
        assert_eq!(retyped(&arab, 1, 5, LOC), Some(ORG));
        let au = ["the", "Commonwealth", "of", "Ruritania", "said"];
        assert_eq!(retyped(&au, 1, 4, LOC), None);
        // A facility's head word ends no person's name; a first name and
        // a surname stay a person.
        let plant = ["the", "Itaipu", "Hydropower", "Plant", "supplies"];
        assert_eq!(retyped(&plant, 2, 4, PER), Some(LOC));
        assert_eq!(retyped_named(&["Robert", "Plant", "sang"], 0, 2, PER), None);
        assert_eq!(
            retyped_named(&["Simon", "van", "Dam", "said"], 0, 3, PER),
            None
        );
    }

    #[test]
    fn a_name_after_a_kind_of_company_is_that_company() {
        let w = ["US", "planemaker", "Boeing", "delivered", "jets"];
        assert_eq!(retyped(&w, 2, 3, LOC), Some(ORG));
        let w = ["sportswear", "brand", "Adidas", "said", "so"];
        assert_eq!(retyped(&w, 2, 3, PER), Some(ORG));
        // A person's full name, and a place of the table, stay.
        let w = ["the", "consultancy", "Jeanne-Marie", "Gescher", "agreed"];
        assert_eq!(retyped(&w, 2, 4, PER), None);
        let w = ["its", "unit", "Denver", "said", "so"];
        assert_eq!(retyped(&w, 2, 3, LOC), None);
    }

    #[test]
    fn a_name_a_company_is_said_to_have_told_is_the_company() {
        let g = gaz();
        let lex = Lexicon::embedded();
        let told = |words: &[&str], end: usize, ty: usize| {
            let s = prepare(words, lex, &g);
            retype(&s, 0, end, ty, &g)
        };
        let vw = [
            "Volkswagen",
            "will",
            "cut",
            "jobs",
            ",",
            "the",
            "German",
            "carmaker",
            "said",
            ".",
        ];
        assert_eq!(told(&vw, 1, PER), Some(ORG));
        // A census name, a person's full name and a place stay.
        let smith = [
            "Smith", "will", "retire", ",", "the", "company", "said", ".",
        ];
        assert_eq!(told(&smith, 1, PER), None);
        let full = [
            "Jo", "Okafor", "will", "retire", ",", "the", "company", "said", ".",
        ];
        assert_eq!(told(&full, 2, PER), None);
        let place = [
            "Denver", "will", "host", "it", ",", "the", "group", "said", ".",
        ];
        assert_eq!(told(&place, 1, LOC), None);
        // Only at the sentence's end, after "the".
        let other = [
            "Volkswagen",
            "will",
            "cut",
            "jobs",
            ",",
            "a",
            "company",
            "said",
            ".",
        ];
        assert_eq!(told(&other, 1, PER), None);
    }

    #[test]
    fn an_industrys_major_is_a_company() {
        let oil = ["the", "oil", "major", "Zorbo", "said"];
        assert_eq!(retyped_named(&oil, 3, 4, PER), Some(ORG));
        let adjective = ["a", "major", "Zorbo", "bank"];
        assert_eq!(retyped_named(&adjective, 2, 3, LOC), None);
    }

    #[test]
    fn what_an_industry_makes_names_a_company() {
        let producer = ["Saudi", "oil", "producer", "Zorbo", "'s", "pipelines"];
        assert_eq!(retyped_named(&producer, 3, 4, PER), Some(ORG));
        let maker = ["turbine", "maker", "Zorbo", "said"];
        assert_eq!(retyped_named(&maker, 2, 3, LOC), Some(ORG));
        let developer = ["the", "energy", "developer", "Zorbo", "bought"];
        assert_eq!(retyped_named(&developer, 3, 4, MISC), Some(ORG));
        // People's crafts, and a producer or maker alone.
        let film = ["film", "producer", "Zorbo", "said"];
        assert_eq!(retyped_named(&film, 2, 3, PER), None);
        let executive = ["executive", "producer", "Zorbo", "said"];
        assert_eq!(retyped_named(&executive, 2, 3, PER), None);
        let alone = ["the", "producer", "Zorbo", "said"];
        assert_eq!(retyped_named(&alone, 2, 3, PER), None);
        // A person's full name stays a person's.
        let full = ["oil", "producer", "Jo", "Smith", "said"];
        assert_eq!(retyped_named(&full, 2, 4, PER), None);
    }

    #[test]
    fn a_name_modifying_what_a_company_makes_is_the_company() {
        let turbines = ["featuring", "42", "Zorbo", "turbines", "."];
        assert_eq!(retyped_named(&turbines, 2, 3, PER), Some(ORG));
        let holders = ["Zorbo", "Vantel", "shareholders", "voted"];
        assert_eq!(retyped_named(&holders, 0, 2, PER), Some(ORG));
        // A place says where; a misc name is as often the product.
        let stores = ["Zorbo", "stores", "closed"];
        assert_eq!(retyped_named(&stores, 0, 1, LOC), None);
        let planes = ["Zorbo", "planes", "landed"];
        assert_eq!(retyped_named(&planes, 0, 1, MISC), None);
    }

    #[test]
    fn a_ticker_its_or_an_officer_makes_a_company() {
        let listed = [
            "Zorbo", "(", "NASDAQ", ":", "ZRB", ")", "reported", "a", "loss", ".",
        ];
        assert_eq!(retyped_named(&listed, 0, 1, PER), Some(ORG));
        assert_eq!(retyped_named(&listed, 0, 1, LOC), Some(ORG));
        let its = ["Zorbo", "has", "upgraded", "its", "servers", "."];
        assert_eq!(retyped_named(&its, 0, 1, PER), Some(ORG));
        assert_eq!(retyped_named(&its, 0, 1, MISC), Some(ORG));
        let officer = ["Vestra", "Mae", "chief", "executive", "Jo", "Smith", "said"];
        assert_eq!(retyped_named(&officer, 0, 2, PER), Some(ORG));
        // A place of the table is "its" too; a full name may mean another's.
        let kenya = ["Kenya", "raised", "its", "rates", "."];
        assert_eq!(retyped_named(&kenya, 0, 1, LOC), None);
        let county = ["Zorbo", "County", "will", "keep", "its", "seat", "."];
        assert_eq!(retyped_named(&county, 0, 2, LOC), None);
        let person = ["John", "Zorbo", "defended", "its", "record", "."];
        assert_eq!(retyped_named(&person, 0, 2, PER), None);
    }
}
