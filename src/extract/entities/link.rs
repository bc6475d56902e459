//! Within-article linking: the recognizer's mentions become entities. A
//! name's mentions are grouped (whatever type a stray mention got, the
//! name's majority type wins); a single name joins the full name whose
//! surname it is (never one whose first name it is); titles before a
//! person's name become roles; an acronym defined in the text
//! ("Nordic Energy Research Agency (NERA)", or the other way
//! round) joins its long form, and so does an acronym written anywhere in
//! the article whose letters are a longer name's initials ("DEA" …
//! "Drug Enforcement Administration"); a long name the recognizer cut at
//! "and" or "of" is joined again when the article writes its acronym
//! ("National Institute of Allergy and Infectious Diseases" … "NIAID");
//! a company written with and without its suffix is one company ("Altria"
//! and "Altria Group"); the seats of government that news writes for the
//! government ("the Kremlin", "the White House", "Downing Street") are
//! organizations; places are located in the gazetteer and nationality
//! words get their country.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::appositive;
use super::gazetteer::{self, Gazetteer, Kind};
use super::heads;
use super::lexicon::{Lexicon, list};
use super::lists::{self, Seen};
use super::markets;
use super::possessions;
use super::pronouns;
use super::{Entity, EntityType};

/// One mention the recognizer found: sentence index and token span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub(crate) ty: EntityType,
    pub(crate) sent: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Title words that head a role before a person's name ("Minister" in
/// "Defense Minister Karel Dvorak").
const TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mayor",
    "general",
    "gen.",
    "colonel",
    "col.",
    "admiral",
    "adm.",
    "judge",
    "justice",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "pope",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "emir",
    "sultan",
    "coach",
    "captain",
    "capt.",
    "chief",
    "leader",
    "speaker",
    "representative",
    "rep.",
    "lord",
    "lady",
    "sir",
    "dame",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "prof.",
    "professor",
    "ceo",
    "vice-president",
    "deputy",
    "lieutenant",
    "lt.",
    "sergeant",
    "sgt.",
    "sgt",
    "officer",
    "inspector",
    "insp",
    "insp.",
    "detective",
    "det",
    "det.",
    "superintendent",
    "supt",
    "supt.",
    "constable",
    "pc",
    "dc",
    "ds",
    "di",
    "dci",
    "dcs",
    "attorney",
    "prosecutor",
    "marshal",
    "president-elect",
    "dictator",
    "ayatollah",
    "patriarch",
    "commander",
    "envoy",
    "adviser",
    "advisor",
    "manager",
    "major",
    "maj.",
    "father",
    "brother",
    "sister",
    "saint",
    "st.",
    "miss",
    "madame",
    "monsieur",
    "herr",
    "chief executive",
    "founder",
    "head",
    "superintendent",
    "constable",
    "councillor",
    "councilman",
    "councilwoman",
    "congressman",
    "congresswoman",
    "mp",
    "mep",
    "rev.",
    "reverend",
    "pastor",
    "crown",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "shah",
    "khan",
    "taoiseach",
    "tánaiste",
    "tanaiste",
];

/// Lowercase function words skipped when reading an acronym's long form.
const FUNCTION_WORDS: &[&str] = &[
    "of", "and", "the", "for", "de", "on", "in", "&", "du", "des", "la", "le", "to",
];

/// Capitalized words that start a sentence without being part of a title.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "when",
    "after",
    "then",
    "yesterday",
    "today",
    "as",
    "if",
    "while",
    "by",
    "with",
    "for",
    "from",
    "to",
    "of",
    "so",
    "now",
    "meanwhile",
];

/// Forms of address that stand only before a name, never for a person
/// alone (not "Pope", "Queen" or "Lord", which news writes for one).
const HONORIFICS: &[&str] = &[
    "sir", "dame", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.", "prof",
    "prof.", "sen.", "rep.", "gov.",
];

fn is_title(word: &str) -> bool {
    TITLES.contains(&word.to_lowercase().as_str())
}

/// Whether a word can end a name: it starts with a capital or a digit, or
/// is punctuation ("U.S." ends on its dot, "Mars 2" on its number).
fn starts_name_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic())
        || super::tokens::is_particle_surname_word(word, true)
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Text of tokens `s..e` of a sentence.
fn text<'a>(body: &'a str, toks: &[Range<usize>], s: usize, e: usize) -> &'a str {
    &body[toks[s].start..toks[e - 1].end]
}

/// The letters an acronym is read from: initials of the capitalized words
/// (split at spaces, hyphens and slashes).
fn initials(long: &str) -> String {
    long.split([' ', '-', '/'])
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `short` is the acronym of `long`.
pub(crate) fn is_acronym(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().count() < 2
        || !letters.chars().all(char::is_uppercase)
        || long.split_whitespace().count() < 2
    {
        return false;
    }
    initials(long) == letters
}

/// Initials of `long` an acronym defined beside it in parentheses may
/// leave out: writers often drop one word's letter ("CMS" for Centers for
/// Medicare & Medicaid Services), but not more.
const DEFINITION_SKIPS: usize = 1;

/// Whether `short`, written in parentheses right beside `long` (LONG
/// (SHORT) or SHORT (LONG)), defines it: its capitals are `long`'s
/// initials in order, starting with the first, at most
/// [`DEFINITION_SKIPS`] of them left out. Looser than [`is_acronym`],
/// which links an acronym written anywhere: the parentheses are the
/// evidence.
pub(crate) fn defines(short: &str, long: &str) -> bool {
    if is_acronym(short, long) {
        return true;
    }
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: Vec<char> = initials(long).chars().collect();
    if initials.len() > letters.len() + DEFINITION_SKIPS || initials.first() != letters.first() {
        return false;
    }
    // The capitals as a subsequence of the initials, the last ones matched.
    let mut at = 0;
    for c in &letters {
        match initials[at..].iter().position(|i| i == c) {
            Some(k) => at += k + 1,
            None => return false,
        }
    }
    at == initials.len()
}

/// Name key: lowercase, single spaces, `’` as `'`.
fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// A group of mentions being built.
struct Group {
    ty: EntityType,
    mentions: Vec<Range<usize>>,
    names: Vec<String>,
    roles: Vec<String>,
    acronym: Option<String>,
}

/// A mention after cleaning: its span without titles, possessives or a
/// leading "the", and the titles taken off it as roles.
struct Cleaned {
    ty: EntityType,
    sent: usize,
    start: usize,
    end: usize,
    /// Bytes of the last token left out of the name (the "-based" of
    /// "Memphis-based").
    trim: usize,
    roles: Vec<String>,
}

/// Links the mentions of one article. `tokens` are each sentence's token
/// byte ranges in `body`.
pub(crate) fn link(
    body: &str,
    tokens: &[Vec<Range<usize>>],
    mentions: &[Mention],
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> Vec<Entity> {
    let mut ms: Vec<Cleaned> = mentions
        .iter()
        .filter_map(|m| clean(body, tokens, mentions, m, gaz, lex))
        .collect();
    ms.sort_by_key(|m| (m.sent, m.start, m.end));
    drop_covered(&mut ms);
    let terms = defined_terms(body, tokens);
    if !terms.is_empty() {
        ms.retain(|m| !(m.end == m.start + 1 && terms.contains(&name_of(body, tokens, m))));
    }
    ms.sort_by_key(|m| (m.sent, m.start, m.end));
    join_cut_names(body, tokens, &mut ms);
    let acronyms = define_acronyms(body, tokens, &mut ms);
    ms.sort_by_key(|m| (m.sent, m.start, m.end));
    let stated = |m: &Cleaned| {
        stated_organization(body, tokens, m, gaz, lex) || stated_person(body, tokens, m, gaz)
    };
    let mut groups = group(body, tokens, &ms, &acronyms, &stated);
    join_acronyms(&mut groups);
    join_company_variants(&mut groups, lex, gaz);
    type_companies_extended(&mut groups, lex);
    join_water_names(&mut groups);
    for g in &mut groups {
        if is_seat_of_government(&canonical(g)) {
            g.ty = EntityType::Organization;
        }
    }
    let context = article_countries(&groups, gaz);
    let entities = groups
        .into_iter()
        .map(|g| to_entity(g, gaz, &context))
        .collect();
    let mut out = merge_countries(entities);
    out.sort_by(|a, b| {
        (a.mentions.first().map(|r| r.start), a.ty as u8, &a.name).cmp(&(
            b.mentions.first().map(|r| r.start),
            b.ty as u8,
            &b.name,
        ))
    });
    out
}

/// Pass 1: one mention cleaned. A possessive, trailing words in lowercase
/// or a leading "the" are dropped, a lone "The" is no mention; titles inside a person's span, or just before it, become roles.
/// `None` when nothing of the name is left.
fn clean(
    body: &str,
    tokens: &[Vec<Range<usize>>],
    mentions: &[Mention],
    m: &Mention,
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> Option<Cleaned> {
    let toks = tokens.get(m.sent)?;
    let (mut s, mut e) = (m.start, m.end.min(toks.len()));
    let word = |i: usize| &body[toks[i].clone()];
    // A name ends on a word of the name: a possessive, or words in
    // lowercase the recognizer ran on with ("head-of-state", "of"), are
    // left out.
    while e > s
        && (matches!(word(e - 1), "'s" | "’s" | "'" | "’") || !starts_name_word(word(e - 1)))
    {
        e -= 1;
    }
    // A title keeps its article, quoted ("The Salt Orchard") or after its
    // work's noun ("the series The Crown").
    let quoted_title = m.ty == EntityType::Misc
        && s > 0
        && (matches!(word(s - 1), "\"" | "“" | "‘" | "'" | "«")
            || super::heads::is_work_noun(word(s - 1)));
    if e > s + 1 && word(s).eq_ignore_ascii_case("the") && !quoted_title {
        s += 1;
    }
    // A unit's symbol or a currency's code written beside a number and
    // opening a name belongs to the figure ("1 GW Tarong Power Station",
    // "AUD 50 million", "100 MW/150 MWh Wandoan South BESS", the number
    // after a slash); elsewhere it may be a name ("GW Pharma", "AMD").
    let number = |i: usize| {
        toks.get(i).is_some_and(|r| {
            let w = &body[r.clone()];
            let w = w.rsplit_once('/').map_or(w, |(_, after)| after);
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        })
    };
    while s < e && ((s > 0 && number(s - 1)) || number(s + 1)) && is_figure_sign(word(s)) {
        s += 1;
    }
    // A figure written with its unit's symbol as one word ("6GW",
    // "500MW", "1.2GWh") names nothing, nor a number alone, such as the
    // year left of "the 2016 campaign" once its lowercase words go.
    if e == s + 1 && (is_figure_with_sign(word(s)) || word(s).bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // A lone article or opener ("The" of a heading) names nothing.
    if e == s + 1 && OPENERS.contains(&word(s).to_lowercase().as_str()) {
        return None;
    }
    // An honorific alone ("Sir" cut from "Sir Ed Davey", "Mr" from "Mr
    // Blair") names nobody, whatever the model typed it; in capitals it
    // may be a name ("MS", multiple sclerosis).
    let capitals = word(s)
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if e == s + 1 && !capitals && HONORIFICS.contains(&word(s).to_lowercase().as_str()) {
        return None;
    }
    let mut roles = Vec::new();
    if m.ty == EntityType::Person {
        let mut k = s;
        while k + 1 < e && is_title(word(k)) {
            k += 1;
        }
        if k > s {
            roles.push(text(body, toks, s, k).to_string());
            s = k;
        }
        if roles.is_empty()
            && let Some(b) = title_before(body, toks, mentions, m.sent, s)
        {
            roles.push(text(body, toks, b, s).to_string());
        }
    }
    // "Memphis-based", "Paris-born": the place the compound names ("a
    // British Columbia-based firm": the two words, when the table has
    // them and the model tagged the first apart; see `drop_covered`).
    let (mut ty, mut trim) = (m.ty, 0);
    if e > s
        && m.ty != EntityType::Person
        && let Some((stem, kind)) = compound_stem(word(e - 1))
        // An actor of several words is left whole ("European
        // Union-funded"): its first words may name something else.
        && (kind == Compound::Place
            || (e - s == 1 && (s == 0 || !capitalized(word(s - 1)))))
    {
        let two_words = e - s == 1
            && s > 0
            && capitalized(word(s - 1))
            && !gaz
                .candidates(&format!("{} {stem}", word(s - 1)))
                .is_empty();
        // "Indian-born": the nationality ("UK-based": the place, though
        // "UK" is a nationality's word too); "Linux-based" is no place.
        // "U.N.-brokered", "Labour-run": the organization, unless the
        // word may be a person's name ("Trump-backed").
        let found = if two_words {
            Some(EntityType::Place)
        } else if gaz.nationality(stem).is_some() && !acronym_like(stem) {
            Some(EntityType::Misc)
        } else if !gaz.candidates(stem).is_empty() {
            Some(EntityType::Place)
        } else if kind == Compound::Actor
            && lex.names(gazetteer::lower_hash(stem)) & (list::FIRST_NAME | list::SURNAME) == 0
        {
            Some(EntityType::Organization)
        } else {
            None
        };
        if let Some(t) = found {
            ty = t;
            trim = word(e - 1).len() - stem.len();
            if two_words {
                s -= 1;
            }
        }
    }
    (e > s).then_some(Cleaned {
        ty,
        sent: m.sent,
        start: s,
        end: e,
        trim,
        roles,
    })
}

/// What a compound adjective says of the name it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compound {
    /// Where something is ("Memphis-based", "Paris-born",
    /// "Texas-headquartered").
    Place,
    /// Who acts ("U.N.-brokered", "Saudi-led", "Labour-run",
    /// "Google-owned").
    Actor,
}

/// Endings of compound adjectives made of a name, with what they say of it.
const COMPOUNDS: &[(&str, Compound)] = &[
    ("-based", Compound::Place),
    ("-born", Compound::Place),
    ("-headquartered", Compound::Place),
    ("-backed", Compound::Actor),
    ("-led", Compound::Actor),
    ("-brokered", Compound::Actor),
    ("-owned", Compound::Actor),
    ("-funded", Compound::Actor),
    ("-sponsored", Compound::Actor),
    ("-run", Compound::Actor),
];

/// The name of a compound adjective ("Memphis" of "Memphis-based",
/// "U.N." of "U.N.-brokered"): a capitalized word before one of the
/// [`COMPOUNDS`]' endings.
fn compound_stem(word: &str) -> Option<(&str, Compound)> {
    let (stem, kind) = COMPOUNDS.iter().find_map(|&(end, kind)| {
        let cut = word.len().checked_sub(end.len())?;
        let tail = word.get(cut..)?;
        tail.eq_ignore_ascii_case(end).then(|| (&word[..cut], kind))
    })?;
    stem.starts_with(|c: char| c.is_uppercase())
        .then_some((stem, kind))
}

/// Mentions inside another one of the same sentence go: a compound's
/// place took the word before it (see [`clean`]). `ms` is sorted by
/// position.
fn drop_covered(ms: &mut Vec<Cleaned>) {
    let covering: Vec<(usize, usize, usize)> = ms
        .iter()
        .filter(|m| m.trim > 0)
        .map(|m| (m.sent, m.start, m.end))
        .collect();
    if covering.is_empty() {
        return;
    }
    ms.retain(|m| {
        !covering.iter().any(|&(sent, a, b)| {
            m.sent == sent && a <= m.start && m.end <= b && (m.start, m.end) != (a, b)
        })
    });
}

/// Whether a word is a unit's symbol of two letters or more with a
/// capital ("GW", "MWh"; not "J", an initial as often as a joule) or a
/// currency's three-letter code ("AUD"), as written.
fn is_figure_sign(word: &str) -> bool {
    (word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && crate::extract::units::is_capital_symbol(word))
        || (word.len() == 3
            && word.chars().all(|c| c.is_ascii_uppercase())
            && crate::extract::currency::name(word).is_some())
}

/// Whether a word is a number and a unit's symbol ([`is_figure_sign`])
/// written together ("6GW", "1.2GWh"; not "5G", one letter).
fn is_figure_with_sign(word: &str) -> bool {
    let sign = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    word.starts_with(|c: char| c.is_ascii_digit()) && !sign.is_empty() && is_figure_sign(sign)
}

/// Title words just before a person's name starting at token `s`: a
/// capitalized head title and up to three capitalized words leading to it
/// ("Defense Minister"), none inside another mention or a sentence opener.
/// Returns the first title token.
fn title_before(
    body: &str,
    toks: &[Range<usize>],
    mentions: &[Mention],
    sent: usize,
    s: usize,
) -> Option<usize> {
    let word = |i: usize| &body[toks[i].clone()];
    if s == 0 || !is_title(word(s - 1)) || !capitalized(word(s - 1)) {
        return None;
    }
    let inside = |i: usize| {
        mentions
            .iter()
            .any(|o| o.sent == sent && o.start <= i && i < o.end)
    };
    let mut b = s - 1;
    while b > 0
        && s - b < 4
        && capitalized(word(b - 1))
        && !inside(b - 1)
        && !OPENERS.contains(&word(b - 1).to_lowercase().as_str())
    {
        b -= 1;
    }
    Some(b)
}

/// Pass 2: acronyms defined in the text, LONG ( SHORT ) or SHORT ( LONG ).
/// The form in parentheses becomes a mention of its own (an overlapping
/// mention gives way to it); returns each acronym's key with its long
/// form's.
fn define_acronyms(
    body: &str,
    tokens: &[Vec<Range<usize>>],
    ms: &mut Vec<Cleaned>,
) -> BTreeMap<String, String> {
    let mut acronyms: BTreeMap<String, String> = BTreeMap::new();
    let mut extra: Vec<Cleaned> = Vec::new();
    widen_to_acronyms(body, tokens, ms);
    for m in ms.iter() {
        let toks = &tokens[m.sent];
        let word = |i: usize| toks.get(i).map_or("", |r| &body[r.clone()]);
        let name = text(body, toks, m.start, m.end);
        let defined = |start: usize, end: usize| Cleaned {
            ty: m.ty,
            sent: m.sent,
            start,
            end,
            trim: 0,
            roles: Vec::new(),
        };
        if word(m.end) == "(" && word(m.end + 2) == ")" && defines(word(m.end + 1), name) {
            acronyms.insert(key(word(m.end + 1)), key(name));
            extra.push(defined(m.end + 1, m.end + 2));
        }
        if m.end == m.start + 1 && word(m.end) == "(" {
            // SHORT ( Long Form … ): the long form up to the closing parenthesis.
            let close = (m.end + 1..toks.len().min(m.end + 12)).find(|&i| word(i) == ")");
            if let Some(c) = close
                && c > m.end + 2
                && defines(name, text(body, toks, m.end + 1, c))
            {
                acronyms.insert(key(name), key(text(body, toks, m.end + 1, c)));
                extra.push(defined(m.end + 1, c));
            }
        }
    }
    for x in extra {
        let covered = ms
            .iter()
            .any(|m| m.sent == x.sent && m.start == x.start && m.end == x.end);
        if !covered {
            ms.retain(|m| !(m.sent == x.sent && m.start < x.end && x.start < m.end));
            ms.push(x);
        }
    }
    acronyms
}

/// A long name the recognizer started one word late, the acronym defined
/// after it in parentheses says so: "General Data Protection Regulation
/// (GDPR)" when the model took "Data Protection Regulation". The mention
/// takes the capitalized word before it when the acronym's letters are
/// then exactly its initials, and no other mention holds that word. A
/// person or place so widened is an organization, as names defined with
/// an acronym mostly are ("General Motors (GM)", where the model read a
/// person "Motors").
fn widen_to_acronyms(body: &str, tokens: &[Vec<Range<usize>>], ms: &mut [Cleaned]) {
    let mut widened: Vec<usize> = Vec::new();
    for (n, m) in ms.iter().enumerate() {
        let toks = &tokens[m.sent];
        let word = |i: usize| toks.get(i).map_or("", |r| &body[r.clone()]);
        let Some(before) = m.start.checked_sub(1) else {
            continue;
        };
        let short = word(m.end + 1);
        let name = text(body, toks, m.start, m.end);
        if word(m.end) != "("
            || word(m.end + 2) != ")"
            || !capitalized(word(before))
            || defines(short, name)
            || !is_acronym(short, text(body, toks, before, m.end))
        {
            continue;
        }
        let taken = ms
            .iter()
            .any(|o| o.sent == m.sent && o.start <= before && before < o.end);
        if !taken {
            widened.push(n);
        }
    }
    for n in widened {
        ms[n].start -= 1;
        if matches!(ms[n].ty, EntityType::Person | EntityType::Place) {
            ms[n].ty = EntityType::Organization;
        }
    }
}

/// Pass 1a: the acronyms the article defines by a lowercase long form in
/// parentheses ("a power purchase agreement (PPA)", "carbon capture,
/// utilization and storage (CCUS)"): terms of the trade, not names, so
/// none of their mentions is an entity (the recognizer takes most words
/// in capitals for organizations). The long form is the fewest lowercase
/// words before the parenthesis whose initials the acronym is.
fn defined_terms(body: &str, tokens: &[Vec<Range<usize>>]) -> BTreeSet<String> {
    let mut terms = BTreeSet::new();
    for toks in tokens {
        let word = |i: usize| &body[toks[i].clone()];
        for open in 1..toks.len().saturating_sub(2) {
            if word(open) != "(" || word(open + 2) != ")" || !acronym_like(word(open + 1)) {
                continue;
            }
            let short = word(open + 1);
            let letters = short.chars().filter(|c| c.is_alphabetic()).count();
            let lowercase = |w: &str| !w.chars().any(char::is_uppercase);
            let defined = (1..=open.min(letters + TERM_EXTRA_WORDS))
                .map(|n| open - n)
                .take_while(|&from| lowercase(word(from)))
                .any(|from| is_acronym(short, text(body, toks, from, open)));
            if defined {
                terms.insert(short.to_string());
            }
        }
    }
    terms
}

/// Words a lowercase long form may have beyond its acronym's letters
/// (function words: "and", "of"; punctuation: ",").
const TERM_EXTRA_WORDS: usize = 4;

/// Words that may join two parts of one long name ("Allergy and
/// Infectious Diseases", "Department of Health").
const NAME_JOINERS: &[&str] = &["and", "&", "of", "for", "on"];

/// The words of the article written in capitals only, two letters or more
/// (the acronyms it may use).
fn capital_words<'a>(body: &'a str, tokens: &[Vec<Range<usize>>]) -> BTreeSet<&'a str> {
    tokens
        .iter()
        .flatten()
        .map(|r| &body[r.clone()])
        .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
        .collect()
}

/// Pass 1b: a long name the recognizer cut in two at a joining word
/// ("National Institute of Allergy" and "Infectious Diseases") is one
/// mention again when the article also writes the whole name's acronym
/// ("NIAID") as a word of its own, or defines it in parentheses right
/// after the name ([`defines`]: "Centers for Medicare" and "Medicaid
/// Services (CMS)"); and a name cut at "and" before a public body's head
/// word ("House Ways" and "Means Committee"), neither part a person. The joined mention keeps
/// its parts' type when they have the same and no head word joined them,
/// else it is an organization (names with acronyms mostly are: "Scottish
/// and Newcastle (S&N)"); and a law cut at "and" before its head word
/// ("CHIPS" and "Science Act"), which stays a misc name. `ms` is sorted
/// by position.
fn join_cut_names(body: &str, tokens: &[Vec<Range<usize>>], ms: &mut Vec<Cleaned>) {
    let caps = capital_words(body, tokens);
    let mut out: Vec<Cleaned> = Vec::with_capacity(ms.len());
    for b in std::mem::take(ms) {
        if let Some(a) = out.last_mut() {
            let toks = &tokens[a.sent];
            let word = |i: usize| toks.get(i).map_or("", |r| &body[r.clone()]);
            let joiner = word(a.end);
            let adjacent = a.sent == b.sent
                && b.start == a.end + 1
                && NAME_JOINERS.iter().any(|j| joiner.eq_ignore_ascii_case(j));
            let by_acronym = adjacent && {
                let long = text(body, toks, a.start, b.end);
                let letters = initials(long);
                // Its acronym written as a word, or defined right after it.
                (letters.chars().count() >= 3 && caps.contains(letters.as_str()))
                    || (word(b.end) == "("
                        && word(b.end + 2) == ")"
                        && defines(word(b.end + 1), long))
            };
            // A person's name never ends on a head word: "Victoria" and
            // "Albert Museum" the model took for a person are one museum.
            // Local bodies shared by two places ("Perth and Kinross
            // Council") join one word that is no acronym ("the FBI and
            // Capitol Police" are two).
            let head = word(b.end - 1);
            let by_head = adjacent
                && joiner.eq_ignore_ascii_case("and")
                && a.ty != EntityType::Person
                && (is_body_head(head)
                    || (is_local_head(head)
                        && a.end == a.start + 1
                        && !acronym_like(word(a.start))))
                && !is_body_head(word(a.end - 1))
                && !is_local_head(word(a.end - 1));
            // A law cut at "and" ("CHIPS" and "Science Act"): one law,
            // unless the first part is a law of its own ("the Clean Air
            // Act and Clean Water Act" are two).
            let by_law = adjacent
                && joiner.eq_ignore_ascii_case("and")
                && a.ty == EntityType::Misc
                && b.ty == EntityType::Misc
                && is_law_head(head)
                && !is_law_head(word(a.end - 1));
            // "Eli Lilly and Co.", "Johnson & Sons": the firm's own tail.
            let by_firm_tail =
                adjacent && b.end == b.start + 1 && FIRM_TAILS.contains(&word(b.start));
            if by_firm_tail {
                a.ty = EntityType::Organization;
            }
            if by_acronym || by_head || by_firm_tail || by_law {
                // Parts of one type keep it ("Bosnia and Herzegovina");
                // otherwise a name with an acronym is an institution, and
                // so is one ending on a public body's head word.
                if b.ty != a.ty || by_head {
                    a.ty = EntityType::Organization;
                }
                a.end = b.end;
                a.trim = b.trim;
                a.roles.extend(b.roles);
                continue;
            }
        }
        out.push(b);
    }
    *ms = out;
}

/// What follows "and" or "&" at the end of a firm's name ("Eli Lilly and
/// Co.", "W. Smith & Sons").
const FIRM_TAILS: &[&str] = &["Co.", "Co", "Company", "Sons"];

/// Head words of public bodies whose names join two subjects with "and"
/// ("Ways and Means Committee", "Health and Human Services Department");
/// not companies' heads ("Banc One and First Chicago Corp" are two).
const BODY_HEADS: &[&str] = &[
    "committee",
    "committees",
    "subcommittee",
    "commission",
    "department",
    "ministry",
    "agency",
    "administration",
    "bureau",
];

/// Head words of local bodies two places share ("Perth and Kinross
/// Council", "Victoria and Albert Museum", "Avon and Somerset Police",
/// "Shrewsbury and Telford Hospital NHS Trust").
const LOCAL_HEADS: &[&str] = &[
    "council",
    "museum",
    "trust",
    "police",
    "constabulary",
    "gallery",
    "partnership",
];

/// Head words of laws, whose names join two subjects with "and" ("CHIPS
/// and Science Act", "Tax Cuts and Jobs Act").
const LAW_HEADS: &[&str] = &["act", "bill"];

/// A capitalized law's head word ([`LAW_HEADS`]).
fn is_law_head(word: &str) -> bool {
    capitalized_in(word, LAW_HEADS)
}

/// A capitalized local body's head word ([`LOCAL_HEADS`]).
fn is_local_head(word: &str) -> bool {
    capitalized_in(word, LOCAL_HEADS)
}

/// A capitalized public body's head word ([`BODY_HEADS`]).
fn is_body_head(word: &str) -> bool {
    capitalized_in(word, BODY_HEADS)
}

/// A capitalized word of `heads` (lowercase), in any case after its first
/// letter.
fn capitalized_in(word: &str, heads: &[&str]) -> bool {
    capitalized(word) && heads.iter().any(|h| word.eq_ignore_ascii_case(h))
}

/// Whether a one-word name looks like an acronym: two to eight letters,
/// all capitals (dots allowed: "U.S.").
fn acronym_like(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !name.contains(' ')
        && (2..=8).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&')
}

/// Group `src` joins `dst`: its mentions, names and roles, and `acronym`
/// as `dst`'s acronym when it has none.
fn absorb(dst: &mut Group, src: Group, acronym: Option<String>) {
    dst.mentions.extend(src.mentions);
    dst.names.extend(src.names);
    for r in src.roles {
        if !dst.roles.contains(&r) {
            dst.roles.push(r);
        }
    }
    if dst.acronym.is_none() {
        dst.acronym = acronym.or(src.acronym);
    }
}

/// Moves each group `i` with a `targets[i]` into that group (following
/// chains: a group whose target itself moves goes where it goes), with
/// `acronyms[i]` as the target's acronym; the others keep their order.
fn apply_merges(groups: &mut Vec<Group>, targets: &[Option<usize>], acronyms: &[Option<String>]) {
    let end = |mut i: usize| {
        let mut steps = 0;
        while let Some(j) = targets[i] {
            if steps > targets.len() {
                break;
            }
            i = j;
            steps += 1;
        }
        i
    };
    let mut slots: Vec<Option<Group>> = std::mem::take(groups).into_iter().map(Some).collect();
    for i in 0..slots.len() {
        if targets[i].is_none() {
            continue;
        }
        let j = end(i);
        if j == i {
            continue;
        }
        if let Some(src) = slots[i].take()
            && let Some(dst) = slots[j].as_mut()
        {
            absorb(dst, src, acronyms[i].clone());
        }
    }
    *groups = slots.into_iter().flatten().collect();
}

/// Pass 4b: an acronym the article does not define in parentheses joins
/// the longer name whose initials it is, wherever each is written ("DEA"
/// … "Drug Enforcement Administration", "US" … "United States"): one
/// entity of the long form's type, with the acronym as its `acronym`.
/// When several long names fit, the most mentioned (then the first). See
/// [`acronym_readings`] for the initials a long name is known by.
fn join_acronyms(groups: &mut Vec<Group>) {
    let names: Vec<String> = groups.iter().map(canonical).collect();
    // Long names by their initials, so each acronym looks up only its own.
    let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (j, n) in names.iter().enumerate() {
        if n.split_whitespace().count() >= 2 {
            for reading in acronym_readings(n) {
                by_initials.entry(reading).or_default().push(j);
            }
        }
    }
    let mut targets = vec![None; groups.len()];
    let mut acronyms = vec![None; groups.len()];
    for (i, short) in names.iter().enumerate() {
        let letters: String = if acronym_like(short) {
            short.chars().filter(|c| c.is_alphabetic()).collect()
        } else if mixed_acronym_like(short) {
            short.clone()
        } else {
            continue;
        };
        targets[i] = by_initials
            .get(&letters)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| j != i)
            .max_by_key(|&j| (groups[j].mentions.len(), std::cmp::Reverse(j)));
        acronyms[i] = Some(short.clone());
    }
    apply_merges(groups, &targets, &acronyms);
}

/// Country abbreviations that open an agency's name, which its acronym
/// keeps whole or leaves out ("U.S. Department of Agriculture" is "USDA",
/// "U.S. Food and Drug Administration" is "FDA").
const COUNTRY_OPENERS: &[&str] = &["u.s.", "us", "u.k.", "uk"];

/// The initials a long name's acronym may be: all its words' ([`initials`]);
/// without a country abbreviation opening it, or with that abbreviation's
/// letters ("FDA", "USDA"); without a last "and" word ("Centers for
/// Disease Control and Prevention" is "CDC"); and with its function words'
/// letters in lowercase ("Bank of England" is "BoE", "Department of
/// Justice" "DoJ").
fn acronym_readings(long: &str) -> Vec<String> {
    let words: Vec<&str> = long.split_whitespace().collect();
    let mut out = vec![initials(long)];
    if let [first, rest @ ..] = words.as_slice()
        && rest.len() >= 2
        && COUNTRY_OPENERS.contains(&first.to_lowercase().as_str())
    {
        let rest = rest.join(" ");
        let letters: String = first.chars().filter(|c| c.is_alphabetic()).collect();
        out.push(format!("{}{}", letters.to_uppercase(), initials(&rest)));
        out.push(shortened(initials(&rest)));
    }
    if let [head @ .., and, _] = words.as_slice()
        && and.eq_ignore_ascii_case("and")
        && head.len() >= 2
    {
        out.push(shortened(initials(&head.join(" "))));
    }
    let mixed: String = words
        .iter()
        .filter_map(|w| {
            let c = w.chars().next()?;
            Some(if FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c.to_uppercase().next().unwrap_or(c)
            })
        })
        .collect();
    if mixed.chars().any(char::is_lowercase) {
        out.push(mixed);
    }
    out.retain(|r| r.chars().count() >= 2);
    out.sort();
    out.dedup();
    out
}

/// A reading that leaves words out counts from three letters ("IP" of "UK
/// Independence Party" would be any acronym): shorter, none.
fn shortened(letters: String) -> String {
    if letters.chars().count() >= 3 {
        letters
    } else {
        String::new()
    }
}

/// An acronym written with a function word's letter in lowercase: "BoE",
/// "DoJ", "MoD" (capitals first and last, letters only, three to six).
fn mixed_acronym_like(name: &str) -> bool {
    let n = name.chars().count();
    (3..=6).contains(&n)
        && name.chars().all(|c| c.is_alphabetic())
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().last().is_some_and(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
}

/// Words that name a company's form rather than the company ("Group",
/// "Holdings"), besides the legal suffixes of the name lists ("Inc",
/// "plc", "SpA").
const CORPORATE_WORDS: &[&str] = &[
    // "Co", news's short "Company" ("Ford Motor Co", "Boeing Co."); the
    // legal-suffix list leaves it out, as it is also short for "County"
    // before a name ("Co Cork"), which ends no company's name.
    "co",
    "group",
    "holding",
    "holdings",
    "company",
    "companies",
    "corporation",
    "industries",
    "international",
    "enterprises",
    "brands",
    "partners",
    "technologies",
];

/// Whether a name key's word (lowercase) names a company's form rather
/// than the company: a [`CORPORATE_WORDS`] word, a company's head word or
/// a legal suffix of the name lists.
fn is_corporate_word(w: &str, lex: &Lexicon) -> bool {
    let listed = |w: &str| {
        CORPORATE_WORDS.contains(&w)
            || heads::is_company_head(w)
            || lex.names(super::hash::of_str(w)) & list::COMPANY_SUFFIX != 0
    };
    // "Co.", "Corp.": as listed, or the listed word with its abbreviation's
    // full stop ("A.G." and "L.P." are listed with theirs).
    listed(w) || w.strip_suffix('.').is_some_and(listed)
}

/// Whether `long` is `short` written with its company suffix: `short`'s
/// words followed by legal suffixes, corporate words or a company's head
/// words only ("Altria" → "Altria Group Inc", "Zorbo" → "Zorbo
/// Resources"), or, for a name of two words or more, by one more
/// capitalized word ("RJ Reynolds" → "RJ Reynolds Tobacco").
fn company_variant(short: &str, long: &str, lex: &Lexicon) -> bool {
    let (s, l) = (key(short), key(long));
    let sw: Vec<&str> = s.split(' ').collect();
    let lw: Vec<&str> = l.split(' ').collect();
    if lw.len() <= sw.len() || lw[..sw.len()] != sw[..] {
        return false;
    }
    let extra = &lw[sw.len()..];
    let corporate = |w: &&str| is_corporate_word(w, lex);
    let last_capitalized = long.split_whitespace().last().is_some_and(capitalized);
    extra.iter().all(corporate) || (sw.len() >= 2 && extra.len() == 1 && last_capitalized)
}

/// Pass 4c: a company written with and without its suffix is one company:
/// a name of an organization, person or other name that an
/// organization's name extends by its suffix (see [`company_variant`])
/// joins it, taking its type. When several fit, the most mentioned.
fn join_company_variants(groups: &mut Vec<Group>, lex: &Lexicon, gaz: &Gazetteer) {
    let names: Vec<String> = groups.iter().map(canonical).collect();
    // Organizations by name key, so each name looks up only the names it
    // begins.
    let mut orgs: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (j, g) in groups.iter().enumerate() {
        if g.ty == EntityType::Organization {
            orgs.entry(key(&names[j])).or_default().push(j);
        }
    }
    let mut targets = vec![None; groups.len()];
    for (i, short) in names.iter().enumerate() {
        // A place, or a nationality ("Indian companies"), is not a
        // company's short name ("Indian Airlines").
        if groups[i].ty == EntityType::Place
            || (groups[i].ty == EntityType::Misc && gaz.nationality(short).is_some())
        {
            continue;
        }
        let prefix = format!("{} ", key(short));
        let longer: Vec<usize> = orgs
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .flat_map(|(_, js)| js.iter().copied())
            .filter(|&j| j != i)
            .collect();
        targets[i] = longer
            .iter()
            .copied()
            .filter(|&j| company_variant(short, &names[j], lex))
            .max_by_key(|&j| (groups[j].mentions.len(), std::cmp::Reverse(j)));
        if targets[i].is_none() {
            targets[i] = longer
                .iter()
                .copied()
                .min_by_key(|&j| (first_mention(&groups[j]), j))
                .filter(|&j| short_form(&groups[i], &groups[j], short, &names[j], lex, gaz));
        }
    }
    apply_merges(groups, &targets, &vec![None; groups.len()]);
}

/// Pass 4d: a person's name that opens on the name of an organization
/// the article names on its own is that organization's or its unit's
/// ("Cadbury Schweppes" beside "Cadbury said its …", "Verizon Wireless"
/// beside "Verizon", "Diageo North America"): the recognizer read the
/// longer name as a person's. Not when the longer name reads as a
/// person's: a census first name opening it or a census surname closing
/// it ("LeBron James" beside a "LeBron" the recognizer mistyped), or a
/// title before it.
fn type_companies_extended(groups: &mut [Group], lex: &Lexicon) {
    let orgs: BTreeSet<String> = groups
        .iter()
        .filter(|g| g.ty == EntityType::Organization)
        .map(|g| key(&canonical(g)))
        .collect();
    let listed =
        |word: &str, flag| lex.names(super::hash::of_str(&word.to_lowercase())) & flag != 0;
    for g in groups.iter_mut() {
        // A title written before the name says it is a person's
        // ("Minister Quan Lirong" beside a mistyped "Quan").
        if g.ty != EntityType::Person || !g.roles.is_empty() {
            continue;
        }
        let name = canonical(g);
        let words: Vec<&str> = name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let opens_on_org = (1..words.len()).any(|n| orgs.contains(&key(&words[..n].join(" "))));
        if words.len() >= 2
            && opens_on_org
            && !listed(first, list::FIRST_NAME)
            && !listed(last, list::SURNAME)
            && last.starts_with(|c: char| c.is_uppercase())
        {
            g.ty = EntityType::Organization;
        }
    }
}

/// Where a group is first written in the article.
fn first_mention(g: &Group) -> Option<usize> {
    g.mentions.iter().map(|r| r.start).min()
}

/// Whether `short`, one word, is the short form of the organization
/// `long` (the first the article names of those it begins: "Coventry
/// City" … "Coventry Building Society Arena" … "Coventry", "Kaveri Silicon
/// Systems" … "Kaveri"): typed an organization, no acronym, and written
/// only after the long name was, as an article names a club or a company
/// in full first; the long name is two to four capitalized words. A short
/// word the article uses first names something else ("Apple" before
/// "Apple Music").
fn short_form(
    short_group: &Group,
    long_group: &Group,
    short: &str,
    long: &str,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> bool {
    const MAX_WORDS: usize = 4;
    let words: Vec<&str> = long.split_whitespace().collect();
    let last = words
        .last()
        .map(|w| key(w.trim_end_matches('.')))
        .unwrap_or_default();
    // A club named after its town ("Coventry City"), or a company whose
    // name ends on a company's word ("Kaveri Silicon Systems", "Lumora
    // Labs Inc."; not "London" of "London Stock Exchange", a place, nor
    // "Apple" of "Apple Powerbook", a product the model took for one).
    let ends_well = heads::is_club_word(&last)
        || (gaz.candidates(short).is_empty() && is_corporate_word(&last, lex));
    short_group.ty == EntityType::Organization
        && !short.contains(' ')
        && !acronym_like(short)
        && (2..=MAX_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && ends_well
        && first_mention(long_group) < first_mention(short_group)
}

/// Words that name a river's or a lake's kind beside its name, which
/// news drops once it has given it ("the River Severn" … "the Severn",
/// "the Danube River" … "the Danube").
const WATER_WORDS: &[&str] = &["river", "lake", "loch", "lough"];

/// Pass 4d: a place written with and without its water word is one place
/// (see [`WATER_WORDS`]): the short name joins the long one, whatever the
/// model typed it (but a person).
fn join_water_names(groups: &mut Vec<Group>) {
    let mut long: BTreeMap<String, usize> = BTreeMap::new();
    for (j, g) in groups.iter().enumerate() {
        if g.ty != EntityType::Place {
            continue;
        }
        let k = key(&canonical(g));
        let bare = WATER_WORDS.iter().find_map(|w| {
            k.strip_prefix(&format!("{w} "))
                .or_else(|| k.strip_suffix(&format!(" {w}")))
        });
        if let Some(bare) = bare {
            long.entry(bare.to_string()).or_insert(j);
        }
    }
    if long.is_empty() {
        return;
    }
    let targets: Vec<Option<usize>> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let j = *long.get(&key(&canonical(g)))?;
            (j != i && g.ty != EntityType::Person).then_some(j)
        })
        .collect();
    apply_merges(groups, &targets, &vec![None; groups.len()]);
}

/// Seats of government that news names for the government itself ("the
/// Kremlin said", "the White House announced", "Downing Street denied"):
/// such a name is typed as an organization, as an analyst reads it,
/// whatever the recognizer called it (like CoNLL-2003's annotators, most
/// often a place; "Downing" may also read as a surname).
const SEATS_OF_GOVERNMENT: &[&str] = &[
    "kremlin",
    "white house",
    "downing street",
    "10 downing street",
    "number 10",
    "whitehall",
    "elysee",
    "élysée",
    "elysee palace",
    "élysée palace",
    "quai d'orsay",
    "blue house",
    "zhongnanhai",
    "foggy bottom",
];

/// Whether a name is one of the [`SEATS_OF_GOVERNMENT`].
fn is_seat_of_government(name: &str) -> bool {
    let k = key(name);
    let k = k.strip_prefix("the ").unwrap_or(&k);
    SEATS_OF_GOVERNMENT.contains(&k)
}

/// Whether the article states that mention `m` names an organization:
/// typed one, written right after a lowercase noun naming a kind of
/// organization ("turbine maker Vestas", "energy company Equinor"; see
/// [`heads::names_an_organization_after`]), in a list the sentence says
/// is of organizations ("websites such as X and Y"; see [`lists`]),
/// described right after as one ("X, a Ruritanian oil company,"; see
/// [`appositive`]), traded as a stock ("X fell 3%"; see [`markets`]) or
/// owning what only a company has ("X's chief executive"; see
/// [`possessions`]), and
/// neither a place of the places table ("pv magazine Australia" is the
/// magazine's edition, not the country's name), a nationality, nor opening
/// on a census first name ("executive producer Amanda Ross"). A model that
/// never saw the name guesses its other mentions ("Vestas said": a
/// person); the article's own word wins.
fn stated_organization(
    body: &str,
    tokens: &[Vec<Range<usize>>],
    m: &Cleaned,
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> bool {
    let toks = &tokens[m.sent];
    if m.ty != EntityType::Organization {
        return false;
    }
    let word = |i: usize| toks.get(i).map_or("", |r| &body[r.clone()]);
    let after_noun = m.start > 0 && heads::names_an_organization_after(word(m.start - 1))
        || m.start > 1 && heads::is_industry_maker(word(m.start - 2), word(m.start - 1));
    let seen = |i: usize| {
        toks.get(i)
            .map_or(Seen::Other(""), |r| Seen::of(&body[r.clone()]))
    };
    if !after_noun
        && !lists::listed_among_organizations(seen, toks.len(), m.start, m.end)
        && !appositive::described_as_organization(seen, toks.len(), m.end)
        && !appositive::described_together_as_organizations(seen, toks.len(), m.start, m.end)
        && !markets::traded_as_stock(seen, toks.len(), m.start, m.end)
        && !markets::reports_results(seen, toks.len(), m.start, m.end)
        && !possessions::owns_company_possession(seen, toks.len(), m.end)
        && !possessions::names_company_officer(seen, toks.len(), m.end)
        && !possessions::modifies_company_goods(seen, toks.len(), m.end)
        && !possessions::named_with_possessive(seen, toks.len(), m.end)
        && !markets::listed_with_ticker(seen, toks.len(), m.end)
        && !pronouns::referred_to_as_its(seen, toks.len(), m.start, m.end)
        && !pronouns::said_it_acts(seen, toks.len(), m.start, m.end)
    {
        return false;
    }
    let name = name_of(body, tokens, m);
    let first = body[toks[m.start].clone()].to_lowercase();
    gaz.candidates(&name).is_empty()
        && gaz.nationality(&name).is_none()
        && lex.names(super::hash::of_str(&first)) & list::FIRST_NAME == 0
}

/// Whether the article states that mention `m` names a person: typed
/// one, with an office or title written with it ("President Zorbo",
/// "Gov. Zorbo", its roles; not "General" or "Dr", which also open
/// companies' names), and not itself a country or region of the
/// places table ("Governor Texas" is no order news writes). The model
/// reads a surname it has not seen by where the article first wrote it
/// ("pile on Zorbo" in a headline: a place) and repeats the guess; the
/// title is the article's word, and so is what only a person has or is
/// called ("Zorbo's wife", "Zorbo, who …": [`possessions::refers_to_person`]).
fn stated_person(body: &str, tokens: &[Vec<Range<usize>>], m: &Cleaned, gaz: &Gazetteer) -> bool {
    // "General" and "Dr" also open companies' names ("General
    // Acquisition", "Dr Reddy's").
    let says_person = |role: &String| {
        !matches!(
            role.rsplit(' ').next().map(str::to_lowercase).as_deref(),
            Some("general" | "gen." | "dr" | "dr.")
        )
    };
    let toks = &tokens[m.sent];
    let seen = |i: usize| {
        toks.get(i)
            .map_or(Seen::Other(""), |r| Seen::of(&body[r.clone()]))
    };
    m.ty == EntityType::Person
        && (m.roles.iter().any(says_person)
            || possessions::refers_to_person(seen, toks.len(), m.start, m.end))
        && !gaz
            .candidates(&name_of(body, tokens, m))
            .iter()
            .any(|p| p.kind != Kind::City)
}

/// The weight of a mention whose type the article states ([`Votes::count`]).
const DECISIVE: usize = 1000;

/// Each name's votes for a type (by `EntityType` index), counted over all
/// its mentions.
struct Votes(BTreeMap<String, ([usize; 4], usize)>);

impl Votes {
    /// Pass 3: count the type each mention of a name got (`ms` in text
    /// order), and remember the type of its first mention.
    /// A mention whose type the article states (`stated`, see
    /// [`stated_organization`]) outvotes the model's guesses at the name's
    /// other mentions.
    fn count(
        body: &str,
        tokens: &[Vec<Range<usize>>],
        ms: &[Cleaned],
        stated: &dyn Fn(&Cleaned) -> bool,
    ) -> Self {
        let mut votes: BTreeMap<String, ([usize; 4], usize)> = BTreeMap::new();
        for m in ms {
            let v = votes
                .entry(key(&name_of(body, tokens, m)))
                .or_insert(([0; 4], m.ty as usize));
            v.0[m.ty as usize] += if stated(m) { DECISIVE } else { 1 };
        }
        Votes(votes)
    }

    /// The name's majority type; a tie goes to the type of the name's
    /// first mention, so every mention of a name gets the same type.
    /// `fallback` for a name never counted.
    fn majority(&self, k: &str, fallback: EntityType) -> EntityType {
        match self.0.get(k) {
            Some((v, first)) => {
                let best = (0..4).max_by_key(|&i| (v[i], usize::from(i == *first)));
                best.map_or(fallback, EntityType::from_index)
            }
            None => fallback,
        }
    }
}

/// The text of a cleaned mention.
fn name_of(body: &str, tokens: &[Vec<Range<usize>>], m: &Cleaned) -> String {
    body[span_of(tokens, m)].to_string()
}

/// Pass 4: the groups, built longest name first so a single word finds
/// its full name: single person words join the full name whose surname
/// they are, else the one full name they open ([`fuller_name`]), acronyms
/// their long forms, everything else its exact name (by majority type).
fn group(
    body: &str,
    tokens: &[Vec<Range<usize>>],
    ms: &[Cleaned],
    acronyms: &BTreeMap<String, String>,
    stated: &dyn Fn(&Cleaned) -> bool,
) -> Vec<Group> {
    let votes = Votes::count(body, tokens, ms, stated);
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: BTreeMap<(u8, String), usize> = BTreeMap::new();
    let mut surnames: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // The same by their first words.
    let mut given_names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Named storms by their given name ("Mitch" of "Hurricane Mitch").
    let mut storms: BTreeMap<String, usize> = BTreeMap::new();
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| {
        let m = &ms[i];
        (std::cmp::Reverse(m.end - m.start), m.sent, m.start)
    });
    for m in order.into_iter().map(|i| &ms[i]) {
        let name = name_of(body, tokens, m);
        let k = key(&name);
        let mut ty = votes.majority(&k, m.ty);
        let mut target_key = acronyms.get(&k).cloned().unwrap_or_else(|| k.clone());
        if target_key != k {
            ty = votes.majority(&target_key, ty);
        }
        let single = m.end - m.start == 1;
        // A lone surname joins the person named in full (the recognizer's
        // tags already made it a person where the article's evidence says
        // so: see `document`).
        if single
            && ty == EntityType::Person
            && !by_key.contains_key(&(EntityType::Person as u8, k.clone()))
            && let Some(gi) = full_name_of_surname(&groups, &surnames, &k)
        {
            target_key = key(&groups[gi].names[0]);
        } else if ty == EntityType::Person
            && !by_key.contains_key(&(EntityType::Person as u8, k.clone()))
            && let Some(gi) = fuller_name(&groups, &surnames, &given_names, &name)
        {
            target_key = key(&groups[gi].names[0]);
        }
        // A storm's given name alone is the storm ("Hurricane Mitch" …
        // "Mitch killed"), whatever the model guessed.
        if single && let Some(&gi) = storms.get(&k) {
            ty = groups[gi].ty;
            target_key = key(&groups[gi].names[0]);
        }
        let gi = match by_key.get(&(ty as u8, target_key.clone())) {
            Some(&gi) => gi,
            None => {
                groups.push(Group {
                    ty,
                    mentions: Vec::new(),
                    names: Vec::new(),
                    roles: Vec::new(),
                    acronym: None,
                });
                let gi = groups.len() - 1;
                by_key.insert((ty as u8, target_key), gi);
                // A person's full name, found again by its surname.
                let words: Vec<&str> = name.split_whitespace().collect();
                if ty == EntityType::Person && words.len() >= 2 {
                    surnames
                        .entry(key(words[words.len() - 1]))
                        .or_default()
                        .push(gi);
                    given_names.entry(key(words[0])).or_default().push(gi);
                }
                if let [first, given] = words.as_slice()
                    && ty == EntityType::Misc
                    && heads::is_storm_word(&first.to_lowercase())
                {
                    storms.entry(key(given)).or_insert(gi);
                }
                gi
            }
        };
        add_mention(&mut groups[gi], tokens, m, name, acronyms.contains_key(&k));
    }
    groups
}

/// The group of the one full name whose surname is `surname` (the most
/// mentioned if several; the first of equals).
fn full_name_of_surname(
    groups: &[Group],
    surnames: &BTreeMap<String, Vec<usize>>,
    surname: &str,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &gi in surnames.get(surname).into_iter().flatten() {
        let n = groups[gi].mentions.len();
        if best.is_none_or(|(_, bn)| n > bn) {
            best = Some((gi, n));
        }
    }
    best.map(|(gi, _)| gi)
}

/// The one person named in full that a shorter person's name `name`
/// refers to: a first name alone that opens one full name only (the
/// article's own people call each other so in quotes: "Maria did
/// everything right" after "Maria Delgado"), the full name without its
/// middle names ("Eileen Carrick" of "Eileen Margaret Carrick"), or its
/// last words ("Ruiz de Lema" of "Amparo Ruiz de Lema"). A surname alone
/// is [`full_name_of_surname`]'s; two candidates, none.
fn fuller_name(
    groups: &[Group],
    surnames: &BTreeMap<String, Vec<usize>>,
    given_names: &BTreeMap<String, Vec<usize>>,
    name: &str,
) -> Option<usize> {
    let words: Vec<String> = name.split_whitespace().map(key).collect();
    let one = |found: Vec<usize>| match found.as_slice() {
        [gi] => Some(*gi),
        _ => None,
    };
    match words.as_slice() {
        [] => None,
        [first] => one(given_names.get(first).cloned().unwrap_or_default()),
        [first, .., last] => one(surnames
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&gi| {
                let full: Vec<String> = groups[gi]
                    .names
                    .first()
                    .map(|n| n.split_whitespace().map(key).collect())
                    .unwrap_or_default();
                full.len() > words.len()
                    && (full.ends_with(&words)
                        || (full.first() == Some(first) && is_subsequence(&words, &full)))
            })
            .collect()),
    }
}

/// Whether `short`'s items appear in `long` in order.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|x| x == w))
}

/// The byte range of a cleaned mention's name.
fn span_of(tokens: &[Vec<Range<usize>>], m: &Cleaned) -> Range<usize> {
    let toks = &tokens[m.sent];
    toks[m.start].start..toks[m.end - 1].end - m.trim
}

/// A mention joins its group: its byte range (duplicates go when the
/// group's mentions are sorted), its name, new roles, and the name as the
/// group's acronym when it is one.
fn add_mention(
    g: &mut Group,
    tokens: &[Vec<Range<usize>>],
    m: &Cleaned,
    name: String,
    is_acronym: bool,
) {
    g.mentions.push(span_of(tokens, m));
    g.names.push(name.clone());
    for r in &m.roles {
        if !g.roles.contains(r) {
            g.roles.push(r.clone());
        }
    }
    if is_acronym {
        g.acronym = Some(name);
    }
}

/// A group's canonical name: the one with the most words, then one not
/// written all in capitals (a dateline's or a headline's "BRUSSELS" is
/// "Brussels"; a name of three letters or fewer keeps its capitals: "UK",
/// not "Uk"), then the most characters, then the first in order, never
/// the acronym when there is another.
fn canonical(g: &Group) -> String {
    let rank = |n: &String| {
        let letters = n.chars().filter(|c| c.is_alphabetic());
        let mixed = letters.clone().count() > 3 && letters.clone().any(char::is_lowercase);
        (n.split_whitespace().count(), mixed, n.chars().count())
    };
    g.names
        .iter()
        .filter(|n| g.acronym.as_deref() != Some(n.as_str()))
        .max_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| b.cmp(a)))
        .or_else(|| g.names.first())
        .cloned()
        .unwrap_or_default()
}

/// Pass 5: the countries the article names, as places or nationalities,
/// in order of first group: the context that places are located in.
fn article_countries(groups: &[Group], gaz: &Gazetteer) -> Vec<String> {
    let mut context: Vec<String> = Vec::new();
    for g in groups {
        let name = canonical(g);
        let cc = match g.ty {
            EntityType::Place => gaz
                .resolve(&name, &[])
                .filter(|p| p.kind == Kind::Country)
                .map(|p| p.country.clone()),
            EntityType::Misc => gaz.nationality(&name).map(str::to_string),
            _ => None,
        };
        if let Some(cc) = cc
            && !context.contains(&cc)
        {
            context.push(cc);
        }
    }
    context
}

/// Pass 6: a group becomes an entity; places are located in the gazetteer
/// and nationality words get their country.
fn to_entity(mut g: Group, gaz: &Gazetteer, context: &[String]) -> Entity {
    g.mentions.sort_by_key(|r| (r.start, r.end));
    g.mentions.dedup();
    let name = canonical(&g);
    let mut e = Entity {
        ty: g.ty,
        name,
        mentions: g.mentions,
        roles: g.roles,
        country: None,
        kind: None,
        lat: None,
        lon: None,
        acronym: g.acronym,
    };
    match e.ty {
        EntityType::Place => locate(&mut e, gaz, context),
        EntityType::Misc => {
            if let Some(cc) = gaz.nationality(&e.name) {
                e.country = Some(cc.to_string());
                e.kind = Some("nationality");
            }
        }
        _ => {}
    }
    e
}

/// A place's country, kind and position from the gazetteer, by its name or
/// its acronym. A region or a small town in a country the article never
/// mentions is more likely a common word ("West", "Gulf") than that place.
fn locate(e: &mut Entity, gaz: &Gazetteer, context: &[String]) {
    let found = gaz
        .resolve(&e.name, context)
        .or_else(|| e.acronym.as_deref().and_then(|a| gaz.resolve(a, context)));
    let found = found.filter(|p| {
        p.kind == Kind::Country
            || context.contains(&p.country)
            || (p.kind == Kind::City && p.population >= 1_000_000)
    });
    if let Some(p) = found {
        e.country = Some(p.country.clone());
        e.kind = Some(p.kind.as_str());
        e.lat = p.lat;
        e.lon = p.lon;
    }
}

/// Pass 7: two names of one country ("United States", "U.S.") are one
/// place, named by the longer.
fn merge_countries(entities: Vec<Entity>) -> Vec<Entity> {
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities {
        let same = merged.iter_mut().find(|m| {
            e.ty == EntityType::Place
                && m.ty == EntityType::Place
                && e.kind == Some("country")
                && m.kind == Some("country")
                && e.country == m.country
        });
        match same {
            Some(m) => {
                m.mentions.extend(e.mentions);
                m.mentions.sort_by_key(|r| (r.start, r.end));
                m.mentions.dedup();
                if e.name.chars().count() > m.name.chars().count() {
                    m.name = e.name;
                }
            }
            None => merged.push(e),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Tokenizes `body` as one sentence and makes mentions from word spans.
    fn run(body: &str, spans: &[(EntityType, usize, usize)]) -> Vec<Entity> {
        let toks = tokenize(body, 0);
        let mentions: Vec<Mention> = spans
            .iter()
            .map(|&(ty, start, end)| Mention {
                ty,
                sent: 0,
                start,
                end,
            })
            .collect();
        link(
            body,
            &[toks],
            &mentions,
            Gazetteer::embedded(),
            Lexicon::embedded(),
        )
    }

    fn texts(body: &str, e: &Entity) -> Vec<String> {
        e.mentions
            .iter()
            .map(|r| body[r.clone()].to_string())
            .collect()
    }

    use EntityType::*;

    fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} in {es:?}"))
    }

    #[test]
    fn a_place_compound_names_its_place() {
        // 0 the 1 Memphis-based 2 firm 3 hired 4 an 5 Indian-born 6 coder
        // 7 for 8 Linux-based 9 servers 10 in 11 British 12 Columbia-based 13 mills
        let body = "the Memphis-based firm hired an Indian-born coder for Linux-based servers in British Columbia-based mills";
        let es = run(
            body,
            &[
                (Misc, 1, 2),
                (Misc, 5, 6),
                (Misc, 8, 9),
                (Misc, 11, 12),
                (Misc, 12, 13),
            ],
        );
        let memphis = find(&es, "Memphis");
        assert_eq!(
            (memphis.ty, texts(body, memphis)),
            (Place, vec!["Memphis".to_string()])
        );
        assert_eq!(find(&es, "Indian").ty, Misc);
        assert_eq!(find(&es, "Linux-based").ty, Misc);
        assert_eq!(find(&es, "British Columbia").ty, Place);
        assert_eq!(es.len(), 4);
        // 0 a 1 U.N.-brokered 2 deal 3 , 4 a 5 Labour-run 6 council 7 ,
        // 8 European 9 Union-funded
        let body = "a U.N.-brokered deal , a Labour-run council , European Union-funded";
        let es = run(body, &[(Misc, 1, 2), (Misc, 5, 6), (Misc, 8, 10)]);
        assert_eq!(find(&es, "U.N.").ty, Organization);
        assert_eq!(find(&es, "Labour").ty, Organization);
        assert_eq!(find(&es, "European Union-funded").ty, Misc);
    }

    #[test]
    fn an_acronym_widens_a_name_cut_one_word_late() {
        // 0 the 1 General 2 Data 3 Protection 4 Regulation 5 ( 6 GDPR 7 )
        let body = "the General Data Protection Regulation ( GDPR )";
        let es = run(body, &[(Misc, 2, 5)]);
        let law = find(&es, "General Data Protection Regulation");
        assert_eq!((law.ty, law.acronym.as_deref()), (Misc, Some("GDPR")));
        // 0 at 1 General 2 Motors 3 ( 4 GM 5 ) : an organization.
        let body = "at General Motors ( GM )";
        let es = run(body, &[(Person, 2, 3)]);
        assert_eq!(find(&es, "General Motors").ty, Organization);
        // The word before must be the acronym's missing initial.
        let body = "at Dear Motors ( GM )";
        let es = run(body, &[(Person, 2, 3)]);
        assert!(es.iter().all(|e| e.name != "Dear Motors"), "{es:?}");
    }

    #[test]
    fn a_name_in_capitals_is_named_as_written_in_the_text() {
        // 0 BRUSSELS 1 — 2 officials 3 met 4 in 5 Brussels
        let body = "BRUSSELS — officials met in Brussels";
        let es = run(body, &[(Place, 0, 1), (Place, 5, 6)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].name, "Brussels");
        assert_eq!(es[0].mentions.len(), 2);
    }

    #[test]
    fn two_places_share_a_local_body() {
        // 0 Perth 1 and 2 Kinross 3 Council 4 , 5 the 6 FBI 7 and
        // 8 Capitol 9 Police 10 , 11 Victoria 12 and 13 Albert 14 Museum
        let body =
            "Perth and Kinross Council , the FBI and Capitol Police , Victoria and Albert Museum";
        let es = run(
            body,
            &[
                (Place, 0, 1),
                (Organization, 2, 4),
                (Organization, 6, 7),
                (Organization, 8, 10),
                (Place, 11, 12),
                (Person, 13, 15),
            ],
        );
        assert_eq!(find(&es, "Perth and Kinross Council").ty, Organization);
        assert_eq!(find(&es, "Victoria and Albert Museum").ty, Organization);
        assert_eq!(find(&es, "Capitol Police").ty, Organization);
        assert_eq!(es.len(), 4);
    }

    #[test]
    fn a_club_or_company_named_short_after_in_full_is_one() {
        // 0 Coventry 1 City 2 beat 3 Luton 4 . 5 Coventry 6 won 7 ;
        // 8 Kaveri 9 Silicon 10 Systems 11 and 12 Kaveri 13 ; 14 Apple
        // 15 Powerbook 16 and 17 Apple 18 ; 19 London 20 Stock 21 Exchange
        // 22 and 23 London
        let body = "Coventry City beat Luton . Coventry won ; Kaveri Silicon Systems and Kaveri ; Apple Powerbook and Apple ; London Stock Exchange and London";
        let es = run(
            body,
            &[
                (Organization, 0, 2),
                (Organization, 5, 6),
                (Organization, 8, 11),
                (Organization, 12, 13),
                (Organization, 14, 16),
                (Organization, 17, 18),
                (Organization, 19, 22),
                (Organization, 23, 24),
            ],
        );
        assert_eq!(
            texts(body, find(&es, "Coventry City")),
            ["Coventry City", "Coventry"]
        );
        assert_eq!(
            texts(body, find(&es, "Kaveri Silicon Systems")),
            ["Kaveri Silicon Systems", "Kaveri"]
        );
        // A product the model took for a company, and a place, stay apart.
        assert_eq!(texts(body, find(&es, "Apple")), ["Apple"]);
        assert_eq!(texts(body, find(&es, "London")), ["London"]);
        // A short name written first names something else.
        let body = "Kaveri said . Kaveri Silicon Systems grew";
        let es = run(body, &[(Organization, 0, 1), (Organization, 3, 6)]);
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn a_law_cut_at_and_is_one_law_but_two_laws_stay_two() {
        // 0 the 1 CHIPS 2 and 3 Science 4 Act 5 ; 6 the 7 Clean 8 Air
        // 9 Act 10 and 11 Clean 12 Water 13 Act
        let body = "the CHIPS and Science Act ; the Clean Air Act and Clean Water Act";
        let es = run(
            body,
            &[(Misc, 1, 2), (Misc, 3, 5), (Misc, 7, 10), (Misc, 11, 14)],
        );
        let law = find(&es, "CHIPS and Science Act");
        assert_eq!(law.ty, Misc);
        assert_eq!(es.len(), 3, "{es:?}");
    }

    #[test]
    fn an_airline_or_chipmaker_named_short_is_one_but_not_its_nationality() {
        // 0 Norvia 1 Semiconductor 2 fell 3 . 4 Norvia 5 said 6 ;
        // 7 Kestrel 8 Airlines 9 and 10 Kestrel 11 ; 12 Indian 13 Airlines
        // 14 and 15 Indian 16 firms
        let body = "Norvia Semiconductor fell . Norvia said ; Kestrel Airlines and Kestrel ; Indian Airlines and Indian firms";
        let es = run(
            body,
            &[
                (Organization, 0, 2),
                (Organization, 4, 5),
                (Organization, 7, 9),
                (Organization, 10, 11),
                (Organization, 12, 14),
                (Misc, 15, 16),
            ],
        );
        assert_eq!(
            texts(body, find(&es, "Norvia Semiconductor")),
            ["Norvia Semiconductor", "Norvia"]
        );
        assert_eq!(
            texts(body, find(&es, "Kestrel Airlines")),
            ["Kestrel Airlines", "Kestrel"]
        );
        assert_eq!(
            texts(body, find(&es, "Indian Airlines")),
            ["Indian Airlines"]
        );
        assert_eq!(find(&es, "Indian").ty, Misc);
    }

    #[test]
    fn acronyms_read_past_a_country_a_last_and_word_and_in_lowercase() {
        let cases: &[(&str, usize, &str, bool)] = &[
            ("U.S. Food and Drug Administration", 5, "FDA", true),
            ("U.S. Department of Agriculture", 4, "USDA", true),
            ("Centers for Disease Control and Prevention", 6, "CDC", true),
            ("Bank of England", 3, "BoE", true),
            ("Ministry of Defence", 3, "MoD", true),
            // Two letters left by a cut reading are any acronym's.
            ("UK Independence Party", 3, "IP", false),
        ];
        for &(long, n, short, joined) in cases {
            let body = format!("{long} and {short}");
            let es = run(&body, &[(Organization, 0, n), (Organization, n + 1, n + 2)]);
            assert_eq!(es.len() == 1, joined, "{long} / {short}: {es:?}");
        }
    }

    #[test]
    fn a_shorter_name_of_one_person_joins_the_full_name() {
        // 0 Maria 1 Delgado 2 died 3 . 4 Maria 5 did 6 everything 7 .
        // 8 Eileen 9 Margaret 10 Carrick 11 , 12 Eileen 13 Carrick 14 ,
        // 15 Amparo 16 Ruiz 17 de 18 Lema 19 and 20 Ruiz 21 de 22 Lema
        let body = "Maria Delgado died . Maria did everything . Eileen Margaret Carrick , Eileen Carrick , Amparo Ruiz de Lema and Ruiz de Lema";
        let es = run(
            body,
            &[
                (Person, 0, 2),
                (Person, 4, 5),
                (Person, 8, 11),
                (Person, 12, 14),
                (Person, 15, 19),
                (Person, 20, 23),
            ],
        );
        assert_eq!(
            texts(body, find(&es, "Maria Delgado")),
            ["Maria Delgado", "Maria"]
        );
        assert_eq!(
            texts(body, find(&es, "Eileen Margaret Carrick")),
            ["Eileen Margaret Carrick", "Eileen Carrick"]
        );
        assert_eq!(
            texts(body, find(&es, "Amparo Ruiz de Lema")),
            ["Amparo Ruiz de Lema", "Ruiz de Lema"]
        );
        assert_eq!(es.len(), 3);
        // Two people of that first name: the lone one is neither.
        let body = "Maria Delgado and Maria Lopez met . Maria left";
        let es = run(body, &[(Person, 0, 2), (Person, 3, 5), (Person, 7, 8)]);
        assert_eq!(es.len(), 3);
    }

    #[test]
    fn a_firms_tail_a_river_word_and_police_ranks() {
        // 0 Eli 1 Lilly 2 and 3 Co. 4 , 5 Supt 6 Gareth 7 Pryce 8 , 9 the
        // 10 River 11 Severn 12 and 13 the 14 Severn
        let body = "Eli Lilly and Co. , Supt Gareth Pryce , the River Severn and the Severn";
        let es = run(
            body,
            &[
                (Organization, 0, 2),
                (Organization, 3, 4),
                (Person, 5, 8),
                (Place, 10, 12),
                (Misc, 14, 15),
            ],
        );
        assert_eq!(find(&es, "Eli Lilly and Co.").ty, Organization);
        assert_eq!(find(&es, "Gareth Pryce").roles, ["Supt"]);
        assert_eq!(
            texts(body, find(&es, "River Severn")),
            ["River Severn", "Severn"]
        );
        assert_eq!(es.len(), 3);
    }

    #[test]
    fn surname_links_first_name_does_not() {
        // 0 Anna 1 Berg 2 met 3 Olaf 4 Anna 5 . 6 Berg 7 smiled 8 and 9 Anna 10 left
        let body = "Anna Berg met Olaf Anna . Berg smiled and Anna left";
        let es = run(
            body,
            &[
                (Person, 0, 2),
                (Person, 3, 5),
                (Person, 6, 7),
                (Person, 9, 10),
            ],
        );
        let berg = es
            .iter()
            .find(|e| e.name == "Anna Berg")
            .expect("Anna Berg");
        assert_eq!(texts(body, berg), ["Anna Berg", "Berg"]);
        let olaf = es
            .iter()
            .find(|e| e.name == "Olaf Anna")
            .expect("Olaf Anna");
        // "Anna" alone is Olaf Anna's surname, never Anna Berg's first name.
        assert_eq!(texts(body, olaf), ["Olaf Anna", "Anna"]);
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn titles_become_roles() {
        let body = "Defense Minister Karel Dvorak spoke . President Ivo Kern and Mr Dahl came";
        let es = run(body, &[(Person, 2, 4), (Person, 6, 9), (Person, 11, 12)]);
        let b = es
            .iter()
            .find(|e| e.name == "Karel Dvorak")
            .expect("Dvorak");
        assert_eq!(b.roles, ["Defense Minister"]);
        // A title the recognizer put inside the span is moved out of the name.
        let k = es.iter().find(|e| e.name == "Ivo Kern").expect("Kern");
        assert_eq!(k.roles, ["President"]);
        let d = es.iter().find(|e| e.name == "Dahl").expect("Dahl");
        assert_eq!(d.roles, ["Mr"]);
    }

    #[test]
    fn acronyms_in_both_orders() {
        let body = "the Nordic Energy Research Agency ( NERA ) met ; NERA troops";
        let es = run(body, &[(Organization, 1, 5), (Organization, 10, 11)]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "Nordic Energy Research Agency");
        assert_eq!(es[0].acronym.as_deref(), Some("NERA"));
        assert_eq!(texts(body, &es[0]).len(), 3);
        let body = "NATO ( North Atlantic Treaty Organization ) said ; NATO agreed";
        let es = run(body, &[(Organization, 0, 1), (Organization, 9, 10)]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "North Atlantic Treaty Organization");
        assert_eq!(
            texts(body, &es[0]),
            ["NATO", "North Atlantic Treaty Organization", "NATO"]
        );
        assert!(is_acronym("RFE/RL", "Radio Free Europe/Radio Liberty"));
        assert!(!is_acronym("UN", "Unrelated"));
    }

    #[test]
    fn possessives_places_and_nationalities() {
        let body = "Peru's army and Kenyan troops left Nairobi for Peru";
        // Tokens: 0 Peru 1 's 2 army 3 and 4 Kenyan 5 troops 6 left 7 Nairobi 8 for 9 Peru
        let es = run(
            body,
            &[(Place, 0, 2), (Misc, 4, 5), (Place, 7, 8), (Place, 9, 10)],
        );
        let ru = es.iter().find(|e| e.name == "Peru").expect("Peru");
        assert_eq!(texts(body, ru), ["Peru", "Peru"]);
        assert_eq!(ru.country.as_deref(), Some("PE"));
        assert_eq!(ru.kind, Some("country"));
        let tj = es.iter().find(|e| e.name == "Kenyan").expect("Kenyan");
        assert_eq!(
            (tj.country.as_deref(), tj.kind),
            (Some("KE"), Some("nationality"))
        );
        let du = es.iter().find(|e| e.name == "Nairobi").expect("Nairobi");
        assert_eq!((du.country.as_deref(), du.kind), (Some("KE"), Some("city")));
        assert!(du.lat.is_some() && du.lon.is_some());
        let body = "the United States and the U.S. army";
        let es = run(body, &[(Place, 1, 3), (Place, 5, 6)]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "United States");
        assert_eq!(texts(body, &es[0]), ["United States", "U.S."]);
    }

    /// The spans of the words of `names` (each a run of words of `body`,
    /// found in order) with their types.
    fn spans_of(body: &str, names: &[(EntityType, &str)]) -> Vec<(EntityType, usize, usize)> {
        let words: Vec<String> = tokenize(body, 0)
            .iter()
            .map(|r| body[r.clone()].to_string())
            .collect();
        let mut from = 0;
        names
            .iter()
            .map(|&(ty, name)| {
                let n: Vec<&str> = tokenize(name, 0).iter().map(|r| &name[r.clone()]).collect();
                let at = (from..words.len())
                    .find(|&i| {
                        words[i..].starts_with(&n.iter().map(|w| w.to_string()).collect::<Vec<_>>())
                    })
                    .expect("name in body");
                from = at + n.len();
                (ty, at, at + n.len())
            })
            .collect()
    }

    #[test]
    fn acronyms_join_without_parentheses_in_both_orders() {
        let body = "The DEA raided a clinic . Drug Enforcement Administration agents said more . The DEA declined .";
        let spans = spans_of(
            body,
            &[
                (Organization, "DEA"),
                (Organization, "Drug Enforcement Administration"),
                (Organization, "DEA"),
            ],
        );
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].name, "Drug Enforcement Administration");
        assert_eq!(es[0].acronym.as_deref(), Some("DEA"));
        assert_eq!(es[0].mentions.len(), 3);
        // A place and its acronym typed otherwise are one place.
        let body = "The United States said . The US Treasury and US officials agreed .";
        let spans = spans_of(body, &[(Place, "United States"), (Organization, "US")]);
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!((es[0].ty, es[0].name.as_str()), (Place, "United States"));
    }

    #[test]
    fn long_names_cut_at_and_are_joined_by_their_acronym() {
        let body =
            "The National Institute of Allergy and Infectious Diseases funded it . NIAID said so .";
        let spans = spans_of(
            body,
            &[
                (Organization, "National Institute of Allergy"),
                (Organization, "Infectious Diseases"),
                (Organization, "NIAID"),
            ],
        );
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(
            es[0].name,
            "National Institute of Allergy and Infectious Diseases"
        );
        assert_eq!(es[0].acronym.as_deref(), Some("NIAID"));
        // Without the acronym in the text, two names stay two.
        let body = "The Bank of England and Deutsche Bank met .";
        let spans = spans_of(
            body,
            &[
                (Organization, "Bank of England"),
                (Organization, "Deutsche Bank"),
            ],
        );
        assert_eq!(run(body, &spans).len(), 2);
    }

    #[test]
    fn an_acronym_defined_in_parentheses_may_leave_out_one_initial() {
        assert!(defines("CMS", "Centers for Medicare & Medicaid Services"));
        assert!(defines("NERA", "Nordic Energy Research Agency"));
        // The first initial must match, and only one may be left out.
        assert!(!defines("MS", "Centers for Medicare & Medicaid Services"));
        assert!(!defines("CS", "Centers for Medicare & Medicaid Services"));
        assert!(!defines(
            "CMS",
            "Central Bank of Medicare and Savings Mutual"
        ));
        // Written anywhere, without the parentheses, the initials must be exact.
        assert!(!is_acronym(
            "CMS",
            "Centers for Medicare & Medicaid Services"
        ));
        let body = "The Centers for Medicare & Medicaid Services ( CMS ) said so ; CMS agreed .";
        let spans = spans_of(
            body,
            &[
                (Organization, "Centers for Medicare & Medicaid Services"),
                (Organization, "CMS"),
            ],
        );
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].acronym.as_deref(), Some("CMS"));
        assert_eq!(
            texts(body, &es[0]),
            ["Centers for Medicare & Medicaid Services", "CMS"]
        );
        // A name cut at "and" is joined again by the acronym defined after it.
        let body = "The Centers for Medicare and Medicaid Services ( CMS ) said so .";
        let spans = spans_of(
            body,
            &[
                (Organization, "Centers for Medicare"),
                (Misc, "Medicaid Services"),
            ],
        );
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(
            (es[0].ty, es[0].name.as_str()),
            (Organization, "Centers for Medicare and Medicaid Services")
        );
        // Parts of different types joined by their acronym: an organization.
        let body = "Scottish and Newcastle ( S&N ) brews it .";
        let spans = spans_of(body, &[(Misc, "Scottish"), (Place, "Newcastle")]);
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(
            (es[0].ty, es[0].name.as_str(), es[0].acronym.as_deref()),
            (Organization, "Scottish and Newcastle", Some("S&N"))
        );
    }

    #[test]
    fn names_cut_at_and_before_a_public_bodys_head_are_joined() {
        let body = "The House Ways and Means Committee approved it .";
        let spans = spans_of(
            body,
            &[(Organization, "House Ways"), (Misc, "Means Committee")],
        );
        let es = run(body, &spans);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(
            (es[0].ty, es[0].name.as_str()),
            (Organization, "House Ways and Means Committee")
        );
        // Companies' heads, bodies on both sides, no head, or a person: two names.
        let body = "Gerhard Schroeder and European Commission officials met .";
        let spans = spans_of(
            body,
            &[
                (Person, "Gerhard Schroeder"),
                (Organization, "European Commission"),
            ],
        );
        assert_eq!(run(body, &spans).len(), 2);
        for (body, a, b) in [
            (
                "Banc One and First Chicago Corp merged .",
                "Banc One",
                "First Chicago Corp",
            ),
            (
                "The Finance Committee and Rules Committee met .",
                "Finance Committee",
                "Rules Committee",
            ),
            (
                "Banc One and First Chicago merged .",
                "Banc One",
                "First Chicago",
            ),
        ] {
            let spans = spans_of(body, &[(Organization, a), (Organization, b)]);
            assert_eq!(run(body, &spans).len(), 2, "{body}");
        }
    }

    #[test]
    fn the_articles_word_on_an_organization_outvotes_the_model() {
        // 0 the 1 turbine 2 manufacturer 3 Vestas 4 said 5 . 6 Vestas 7 rose 8 . 9 Vestas 10 fell
        let body = "the turbine manufacturer Vestas said . Vestas rose . Vestas fell";
        let es = run(
            body,
            &[(Organization, 3, 4), (Person, 6, 7), (Person, 9, 10)],
        );
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!((es[0].ty, es[0].mentions.len()), (Organization, 3));
        // Not a place of the table, a nationality or a first name's person.
        // 0 from 1 pv 2 magazine 3 Australia 4 . 5 Australia 6 said 7 . 8 Australia 9 rose
        let body = "from pv magazine Australia . Australia said . Australia rose";
        let es = run(body, &[(Organization, 3, 4), (Place, 5, 6), (Place, 8, 9)]);
        assert_eq!(es[0].ty, Place, "{es:?}");
        // 0 the 1 company 2 Anna 3 Berg 4 . 5 Anna 6 Berg 7 said 8 . 9 Anna 10 Berg 11 left
        let body = "the company Anna Berg . Anna Berg said . Anna Berg left";
        let es = run(
            body,
            &[(Organization, 2, 4), (Person, 5, 7), (Person, 9, 11)],
        );
        assert_eq!(es[0].ty, Person, "{es:?}");
    }

    #[test]
    fn a_title_on_a_persons_mention_outvotes_the_model() {
        // 0 pile 1 on 2 Zorbo 3 . 4 Critics 5 hit 6 Zorbo 7 . 8 President 9 Zorbo 10 said
        let body = "pile on Zorbo . Critics hit Zorbo . President Zorbo said";
        let es = run(body, &[(Place, 2, 3), (Place, 6, 7), (Person, 9, 10)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!((es[0].ty, es[0].mentions.len()), (Person, 3));
        // Not "General" or "Dr", which open companies' names too.
        let body = "pile on Zorbo . Critics hit Zorbo . General Zorbo said";
        let es = run(body, &[(Place, 2, 3), (Place, 6, 7), (Person, 9, 10)]);
        assert_eq!(es[0].ty, Place, "{es:?}");
    }

    #[test]
    fn a_figures_unit_or_currency_beside_a_number_is_not_part_of_a_name() {
        let names = |body: &str, spans: &[(EntityType, &str)]| -> Vec<String> {
            run(body, &spans_of(body, spans))
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        let body = "the 1.4 GW Tarong Power Station and 50 MWh Wandoan South BESS";
        assert_eq!(
            names(
                body,
                &[
                    (Misc, "GW Tarong Power Station"),
                    (Organization, "MWh Wandoan South BESS")
                ]
            ),
            ["Tarong Power Station", "Wandoan South BESS"]
        );
        assert!(names("costs AUD 50 million", &[(Organization, "AUD")]).is_empty());
        // A power and a capacity written with a slash.
        let body = "the 100 MW/150 MWh Wandoan South BESS project";
        assert_eq!(
            names(body, &[(Organization, "MWh Wandoan South BESS")]),
            ["Wandoan South BESS"]
        );
        // Not beside a bare number, or one letter: a name.
        assert_eq!(
            names("shares in GW Pharma rose", &[(Organization, "GW Pharma")]),
            ["GW Pharma"]
        );
        assert_eq!(
            names(
                "a 1.8GHz AMD Sempron chip",
                &[(Organization, "AMD Sempron")]
            ),
            ["AMD Sempron"]
        );
        assert_eq!(names("4 J Smith", &[(Person, "J Smith")]), ["J Smith"]);
        // A number and its unit's symbol as one word name nothing; "5G"
        // (one letter) may.
        assert!(names("adds 6GW of wind", &[(Organization, "6GW")]).is_empty());
        assert!(names("a 1.2GWh battery", &[(Misc, "1.2GWh")]).is_empty());
        assert_eq!(names("its 5G network", &[(Misc, "5G")]), ["5G"]);
        // A year alone, once a name's lowercase words go, names nothing.
        assert!(names("in the 2016 campaign", &[(Misc, "2016 campaign")]).is_empty());
        assert_eq!(
            names("at Euro 2020 finals", &[(Misc, "Euro 2020")]),
            ["Euro 2020"]
        );
    }

    #[test]
    fn acronyms_of_lowercase_terms_are_not_names() {
        let body = "They signed a power purchase agreement ( PPA ) . The PPA runs ten years .";
        let spans = spans_of(body, &[(Organization, "PPA"), (Organization, "PPA")]);
        assert!(run(body, &spans).is_empty());
        let body = "its carbon capture , utilization and storage ( CCUS ) plans";
        assert!(run(body, &spans_of(body, &[(Organization, "CCUS")])).is_empty());
        // A capitalized long form is a name's.
        let body = "the Nordic Energy Research Agency ( NERA ) met";
        let es = run(
            body,
            &spans_of(
                body,
                &[
                    (Organization, "Nordic Energy Research Agency"),
                    (Organization, "NERA"),
                ],
            ),
        );
        assert_eq!(es.len(), 1, "{es:?}");
        // Letters that are not the words' initials define nothing.
        let body = "a big new plan ( PPA ) . PPA said";
        assert_eq!(
            run(body, &spans_of(body, &[(Organization, "PPA")])).len(),
            1
        );
    }

    #[test]
    fn a_persons_name_opening_on_a_company_is_the_companys() {
        let body = "Zorvane Quillet raised prices . Zorvane said its sales rose . LeBron James met LeBron . Minister Quan Lirong met Quan .";
        let mut spans = spans_of(
            body,
            &[
                (Person, "Zorvane Quillet"),
                (Organization, "Zorvane"),
                (Person, "LeBron James"),
            ],
        );
        // The second "LeBron" and "Quan", mistyped organizations.
        spans.push((Organization, 14, 15));
        spans.extend(spans_of(body, &[(Person, "Quan Lirong")]));
        spans.push((Organization, 20, 21));
        let es = run(body, &spans);
        let typed: Vec<(&str, EntityType)> = es.iter().map(|e| (e.name.as_str(), e.ty)).collect();
        assert!(
            typed.contains(&("Zorvane Quillet", Organization)),
            "{typed:?}"
        );
        assert!(typed.contains(&("LeBron James", Person)), "{typed:?}");
        assert!(typed.contains(&("Quan Lirong", Person)), "{typed:?}");
    }

    #[test]
    fn a_company_named_in_full_with_co_then_by_its_first_word_is_one_company() {
        let body = "Zorbex Motor Co. said sales rose . Zorbex said more would follow .";
        let names = named(
            body,
            &[(Organization, "Zorbex Motor Co."), (Organization, "Zorbex")],
        );
        assert_eq!(names, [("Zorbex Motor Co.".to_string(), 2)]);
    }

    /// The entities linked from the spans `names` of `body`: each name
    /// and its count of mentions.
    fn named(body: &str, names: &[(EntityType, &str)]) -> Vec<(String, usize)> {
        run(body, &spans_of(body, names))
            .into_iter()
            .map(|e| (e.name, e.mentions.len()))
            .collect()
    }

    #[test]
    fn company_suffix_variants_are_one_company() {
        let body = "Altria Group said profit rose . Altria shares fell . RJ Reynolds Tobacco sued and RJ Reynolds lost .";
        let names = named(
            body,
            &[
                (Organization, "Altria Group"),
                (Organization, "Altria"),
                (Organization, "RJ Reynolds Tobacco"),
                (Organization, "RJ Reynolds"),
            ],
        );
        assert_eq!(
            names,
            [
                ("Altria Group".to_string(), 2),
                ("RJ Reynolds Tobacco".to_string(), 2)
            ]
        );
        assert!(company_variant(
            "Pirelli",
            "Pirelli SpA",
            Lexicon::embedded()
        ));
        // "Co", with or without its full stop, and a listed suffix
        // written with its stops ("A.G."), are suffixes too.
        assert!(company_variant("Zorbo", "Zorbo Co.", Lexicon::embedded()));
        assert!(company_variant("Zorbo", "Zorbo Co", Lexicon::embedded()));
        assert!(company_variant("Zorbo", "Zorbo A.G.", Lexicon::embedded()));
        assert!(company_variant(
            "Zorbo",
            "Zorbo Holding Co.",
            Lexicon::embedded()
        ));
        // A company's head word extends a name as a suffix does; a
        // division's does not ("Sony" is not "Sony Pictures").
        assert!(company_variant(
            "Zorbo",
            "Zorbo Resources",
            Lexicon::embedded()
        ));
        assert!(!company_variant(
            "Zorbo",
            "Zorbo Pictures",
            Lexicon::embedded()
        ));
        // A one-word name with a word that is no suffix stays apart.
        assert!(!company_variant(
            "Apple",
            "Apple Music",
            Lexicon::embedded()
        ));
    }

    #[test]
    fn seats_of_government_are_organizations() {
        let body = "the Kremlin said and the White House and Downing Street replied from London";
        let spans = spans_of(
            body,
            &[
                (Place, "Kremlin"),
                (Place, "White House"),
                (Person, "Downing Street"),
                (Place, "London"),
            ],
        );
        let es = run(body, &spans);
        let types: Vec<(&str, EntityType)> = es.iter().map(|e| (e.name.as_str(), e.ty)).collect();
        assert_eq!(
            types,
            [
                ("Kremlin", Organization),
                ("White House", Organization),
                ("Downing Street", Organization),
                ("London", Place)
            ]
        );
    }

    #[test]
    fn a_tie_gives_every_mention_the_first_type() {
        let body = "Acme said . Acme rose";
        let es = run(body, &[(Place, 0, 1), (Misc, 3, 4)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!((es[0].ty, es[0].mentions.len()), (Place, 2));
    }

    #[test]
    fn mentions_end_on_a_name_word() {
        // 0 since 1 the 2 invasion 3 of 4 Ukraine 5 , 6 The 7 Visit 8 and 9 CIS 10 head-of-state 11 met
        let body = "since the invasion of Ukraine , The Visit and CIS head-of-state met";
        let es = run(
            body,
            &[
                (Misc, 2, 4),
                (Place, 4, 5),
                (Organization, 6, 7),
                (Organization, 9, 11),
            ],
        );
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Ukraine", "CIS"]);
    }

    #[test]
    fn majority_type_wins() {
        let body = "Acme said . Acme rose . Acme fell";
        let es = run(
            body,
            &[(Organization, 0, 1), (Person, 3, 4), (Organization, 6, 7)],
        );
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].ty, Organization);
        assert_eq!(es[0].mentions.len(), 3);
    }

    #[test]
    fn an_honorific_alone_names_nobody() {
        let body = "led by Sir Ed Davey . Mr Blair said . MS patients";
        let es = run(
            body,
            &[
                (Person, 2, 3),
                (Person, 3, 5),
                (Place, 6, 7),
                (Person, 7, 8),
                (Misc, 10, 11),
            ],
        );
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Ed Davey", "Blair", "MS"]);
    }
}
