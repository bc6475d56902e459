//! Document-level consistency after each sentence is tagged and repaired:
//! one name, one type per article. A lone word that is the surname of a
//! person the article names in full, by a name that opens on a census
//! first name, is that person ("… Jane Roe … Roe said"): after the full
//! name whatever type the model gave it but an organization's (companies
//! carry their founders' names: "Ford", "Dell"); before it only when the
//! model took it for a place and no place of the table has its name
//! ("Bankman-Fried, 32, who grew up in …" above "Sam Bankman-Fried"; a
//! "Washington" above "George Washington" stays a place). A name opened by
//! the Arabic article "Al" ("Al Jazeera", "Al-Ahram") is an organization
//! unless the word after it is a first name or surname on the census
//! lists or the surname of a person the article names in full ("Al Gore",
//! "Bashar al-Assad" … "Al-Assad"). A lone word that only the company
//! list holds is a company (see [`type_company_words`]). A company's name
//! of a first name and a word the article names a person by alone, as
//! often as it writes the company, is that person ("Elon Musk's xAI" …
//! "Musk said"). A name of several words the article writes whole is
//! whole wherever the same words stand (see [`complete_known_names`]). A
//! service is one wherever the article names it (see [`type_services`]),
//! and a wire story's one-word signature is its agency (see
//! [`type_signature`]).

use std::collections::HashMap;

use super::coordinated;
use super::features::{Class, Token};
use super::gazetteer::{self, Gazetteer, list as gaz_list};
use super::hash::of_str;
use super::heads;
use super::lexicon::{Lexicon, list};
use super::lists::POSSESSIVES;
use super::platforms;
use super::tagger::{self, LOC, MISC, ORG, PER, begin};
use super::us_states;

/// Applies the document's evidence to every sentence's tags in place
/// (`sentences[i]` tagged `tags[i]`); sentences flagged in `headings`
/// give no evidence, and take only a lone surname's.
pub(crate) fn harmonize(
    sentences: &[Vec<Token>],
    tags: &mut [Vec<u8>],
    headings: &[bool],
    lex: &Lexicon,
    gaz: &Gazetteer,
) {
    let heading = |i: usize| headings.get(i).copied().unwrap_or(false);
    complete_known_names(sentences, tags, headings);
    type_named_programmes(sentences, tags, lex);
    type_services(sentences, tags, headings);
    type_signature(sentences, tags);
    // Last words of the people named in full, in text order.
    let mut surnames: Vec<(usize, &str)> = Vec::new();
    // Whether each may name a lone surname's type.
    let mut givers: Vec<bool> = Vec::new();
    for (si, (s, t)) in sentences.iter().zip(tags.iter()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            if ty == PER && b - a >= 2 && !is_al_token(&s[a]) {
                surnames.push((si, s[b - 1].lower.as_str()));
                // Only a name that opens on a census first name gives its
                // surname to lone mentions ("Neil Jordan" … "Jordan").
                givers.push(is_name_word(&s[b - 1]) && s[a].names & list::FIRST_NAME != 0);
            }
        }
    }
    type_company_words(sentences, tags, headings, &surnames, gaz);
    let lone = LonePeople::of(sentences, tags, headings);
    if surnames.is_empty() && lone.is_empty() && !sentences.iter().flatten().any(is_al_token) {
        return;
    }
    // Whether `w` is the surname of a person named in full who gives it to
    // lone mentions, in a sentence `in_time` accepts.
    let given = |w: &str, in_time: &dyn Fn(usize) -> bool| {
        surnames
            .iter()
            .zip(&givers)
            .any(|(&(sj, x), &g)| g && x == w && in_time(sj))
    };
    for (si, (s, t)) in sentences.iter().zip(tags.iter_mut()).enumerate() {
        // A heading's words were tagged in capitals: their case tells
        // nothing, and only a lone surname is read there.
        let heading = heading(si);
        let spans = tagger::spans(t);
        for &(a, b, ty) in &spans {
            let w = s[a].lower.as_str();
            let new = if b - a == 1
                && ty != PER
                && ty != ORG
                && (heading || is_name_word(&s[a]))
                && given(w, &|sj| {
                    sj < si || (ty == LOC && gaz.candidates(w).is_empty())
                }) {
                PER
            } else if !heading && ty == PER && is_outlet_al(&s[a..b], lex, &surnames) {
                ORG
            } else if !heading
                && ty == ORG
                && (lone.name_a_person(&s[a..b])
                    || b - a == 1
                        && is_name_word(&s[a])
                        && given(w, &|_| true)
                        && coordinated_with_person(s, &spans, a))
            {
                PER
            } else {
                continue;
            };
            tagger::mark(t, a, b, new);
        }
    }
}

/// Whether the one-word name at `a` stands in a pair or list with a
/// person's name (`spans` of the sentence `s`): "Carson and Zorbo",
/// "Zorbo or Jo Doe", "Zorbo, Jo Doe". With the article naming a person
/// of that surname in full, the word is that person, not the company the
/// model took it for; a company named after its founder is listed with
/// companies.
fn coordinated_with_person(s: &[Token], spans: &[(usize, usize, usize)], a: usize) -> bool {
    // One joining word between the two ("and", "or", a comma).
    let joins = |i: usize| i < s.len() && coordinated::joins(s, i, i + 1);
    let person_at = |start: Option<usize>, end: Option<usize>| {
        spans.iter().any(|&(x, y, ty)| {
            ty == PER && (start.is_some_and(|p| x == p) || end.is_some_and(|p| y == p))
        })
    };
    (joins(a + 1) && person_at(Some(a + 2), None))
        || (a >= 2 && joins(a - 1) && person_at(None, Some(a - 1)))
}

/// A wire story's signature: an article that ends on one capitalized
/// word, on no list of first names, that the model took for a name, alone
/// or after a stop or a number, ends on its agency's or outlet's name
/// ("… rose 3 pct.\n Reuter"), an organization; a person signs with a
/// full name, and prose ends on a stop.
fn type_signature(sentences: &[Vec<Token>], tags: &mut [Vec<u8>]) {
    let Some(last) = sentences.iter().rposition(|s| !s.is_empty()) else {
        return;
    };
    let (s, t) = (&sentences[last], &mut tags[last]);
    let end = s.len() - 1;
    // Alone, or run on after a sentence's stop or a table's last number
    // that the splitter kept ("… told reporters. Reuter", "… 66.2 Reuter")
    // and read as a person's; not a place or an abbreviation, with which a
    // cut text may end.
    let signed =
        end == 0 || last > 0 && (s[end - 1].class == Class::Digits || s[end - 1].lower == ".");
    if signed
        && s[end].class.is_capital()
        && !s[end].lower.contains('.')
        && !heads::in_place_name(&s[end])
        && s[end].names & list::FIRST_NAME == 0
        && tagger::spans(t).last().is_some_and(|&(a, b, ty)| {
            (a, b) == (end, end + 1) && (ty == PER || end == 0 && ty != ORG)
        })
    {
        tagger::mark(t, end, end + 1, ORG);
    }
}

/// A programme named after its politician ("Obamacare", "Trumpcare",
/// "Romneycare"): one word, a census or Congress name before "care",
/// which the recognizer reads as the person or a place. It is misc, as
/// laws are ("Affordable Care Act").
fn type_named_programmes(sentences: &[Vec<Token>], tags: &mut [Vec<u8>], lex: &Lexicon) {
    const MIN_STEM: usize = 3;
    for (s, t) in sentences.iter().zip(tags.iter_mut()) {
        for (a, b, ty) in tagger::spans(t) {
            let named = b == a + 1
                && ty != MISC
                && s[a].class == Class::Capitalized
                && s[a].lower.strip_suffix("care").is_some_and(|stem| {
                    stem.len() >= MIN_STEM
                        && stem.chars().all(|c| c.is_ascii_lowercase())
                        && lex.names(of_str(stem)) & (list::FIRST_NAME | list::SURNAME) != 0
                });
            if named {
                tagger::mark(t, a, b, MISC);
            }
        }
    }
}

/// A one-word name the article shows to be a service somewhere (something
/// is posted, said or sold on it, or it has an account: see
/// [`platforms::is_shown_service`]) is that service wherever else the model took
/// it for a place ("posted on Zorblo" … "savaged her on Zorblo"), or for
/// a person when no list has it as a first name or surname ("Zorblo's
/// Jo Doe said"); not a place of the table, and not from or in headings.
fn type_services(sentences: &[Vec<Token>], tags: &mut [Vec<u8>], headings: &[bool]) {
    let heading = |i: usize| headings.get(i).copied().unwrap_or(false);
    let mut services: Vec<&str> = Vec::new();
    for (si, (s, t)) in sentences.iter().zip(tags.iter()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, _) in tagger::spans(t) {
            if b == a + 1
                && platforms::is_shown_service(s, a)
                && !services.contains(&s[a].lower.as_str())
            {
                services.push(&s[a].lower);
            }
        }
    }
    if services.is_empty() {
        return;
    }
    for (si, (s, t)) in sentences.iter().zip(tags.iter_mut()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            let person = ty == PER && s[a].names & (list::FIRST_NAME | list::SURNAME) == 0;
            if b == a + 1
                && (ty == LOC || person)
                && !heads::in_place_name(&s[a])
                && services.contains(&s[a].lower.as_str())
            {
                tagger::mark(t, a, b, ORG);
            }
        }
    }
}

/// Names of two words or more that the article writes elsewhere, as
/// written, are those names wherever the same words stand again, in the
/// type they had: the model reads a name by its sentence, and a sentence's
/// start or a neighbour can cut it ("Voters backed Reform UK" … "Reform UK
/// won 30 seats" gave the place "UK"). Only where the article tags the
/// words whole in at least half of their occurrences, in one type (so one
/// sentence's error does not spread: "Mr Brown" a place once, "Brown" a
/// person three times); not a name opening on a title ("Lord Woolf"),
/// joining two with "and" ("Passport and Hailstorm") or holding a
/// possessive ("Microsoft's Internet Explorer": an owner and its brand),
/// not inside a longer name, and not in or from headings (tagged in
/// capitals).
fn complete_known_names(sentences: &[Vec<Token>], tags: &mut [Vec<u8>], headings: &[bool]) {
    let heading = |i: usize| headings.get(i).copied().unwrap_or(false);
    let mut known: Vec<KnownName> = Vec::new();
    let mut index: HashMap<Vec<u64>, usize> = HashMap::new();
    for (si, (s, t)) in sentences.iter().zip(tags.iter()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            let span = &s[a..b];
            if b - a < 2
                || !span[0].class.is_capital()
                || span[0].names & list::TITLE != 0
                || span.iter().any(|t| {
                    matches!(t.lower.as_str(), "and" | ",")
                        || POSSESSIVES.contains(&t.lower.as_str())
                })
            {
                continue;
            }
            let words: Vec<u64> = span.iter().map(|t| t.raw_h).collect();
            match index.get(&words) {
                Some(&k) if known[k].ty != Some(ty) => known[k].ty = None,
                Some(&k) => known[k].whole += 1,
                None => {
                    index.insert(words.clone(), known.len());
                    known.push(KnownName {
                        words,
                        ty: Some(ty),
                        whole: 1,
                        seen: 0,
                    });
                }
            }
        }
    }
    // The names of one type, by their first word.
    let mut by_first: HashMap<u64, Vec<usize>> = HashMap::new();
    for (k, name) in known.iter().enumerate().filter(|(_, n)| n.ty.is_some()) {
        by_first.entry(name.words[0]).or_default().push(k);
    }
    if by_first.is_empty() {
        return;
    }
    let places = |s: &[Token]| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..s.len() {
            for &k in by_first.get(&s[i].raw_h).map_or(&[][..], Vec::as_slice) {
                let words = &known[k].words;
                let here = s
                    .get(i..i + words.len())
                    .is_some_and(|w| w.iter().map(|t| t.raw_h).eq(words.iter().copied()));
                if here {
                    out.push((i, k));
                }
            }
        }
        out
    };
    let found: Vec<Vec<(usize, usize)>> = sentences
        .iter()
        .enumerate()
        .map(|(si, s)| if heading(si) { Vec::new() } else { places(s) })
        .collect();
    for (t, here) in tags.iter().zip(&found) {
        let cover = covering(t);
        for &(i, k) in here {
            if !in_longer(&cover, i, i + known[k].words.len()) {
                known[k].seen += 1;
            }
        }
    }
    for ((s, t), here) in sentences.iter().zip(tags.iter_mut()).zip(found) {
        if here.is_empty() {
            continue;
        }
        let mut cover = covering(t);
        for (i, k) in here {
            let name = &known[k];
            let (Some(ty), n) = (name.ty, name.words.len()) else {
                continue;
            };
            let end = i + n;
            if 2 * name.whole < name.seen || end > s.len() {
                continue;
            }
            let whole =
                (i..end).all(|j| cover[j] == Some((i, end))) && tagger::type_of(t[i]) == Some(ty);
            if whole || in_longer(&cover, i, end) {
                continue;
            }
            for tag in &mut t[i..end] {
                *tag = 0;
            }
            tagger::mark(t, i, end, ty);
            for c in &mut cover[i..end] {
                *c = Some((i, end));
            }
        }
    }
}

/// A name of several words the article tags whole somewhere.
struct KnownName {
    /// Its words' hashes as written.
    words: Vec<u64>,
    /// Its type; none once the article gives the words two types.
    ty: Option<usize>,
    /// How often it is tagged whole, and how often its words stand
    /// outside longer names.
    whole: usize,
    seen: usize,
}

/// The span `(start, end)` each word of a sentence's tags is in.
fn covering(tags: &[u8]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; tags.len()];
    for (a, b, _) in tagger::spans(tags) {
        for c in &mut out[a..b] {
            *c = Some((a, b));
        }
    }
    out
}

/// Whether a word of `a..b` is in a span that reaches past it: the words
/// are part of a longer name.
fn in_longer(cover: &[Option<(usize, usize)>], a: usize, b: usize) -> bool {
    cover
        .get(a..b)
        .is_some_and(|c| c.iter().flatten().any(|&(x, y)| x < a || y > b))
}

/// Highest capitalization step (see `lexicon`): a word news capitalizes in
/// 95% or more of its mid-sentence uses, as a name.
const MAX_CAPS: u8 = 4;

/// A word on the company list alone (the first word of a listed company's
/// name, and on no list of first names, surnames, drugs, credentials or
/// titles), of three letters or more, written as a name, that news always
/// capitalizes mid-sentence (or never writes at all), and that names no
/// place of the table or nationality: a brand ("Boeing", "Airbus",
/// "Walmart").
fn is_company_word(t: &Token, gaz: &Gazetteer) -> bool {
    t.names & !list::COMPANY_NAME == list::COMPANY && is_brand_word(t, gaz)
}

/// A listed company's whole name but for its legal form ("Netflix" of
/// "NETFLIX INC", "Apple" of "Apple Inc."), on no list of drugs,
/// credentials or titles, of three letters or more, written as a name,
/// that news always capitalizes mid-sentence (or never writes at all)
/// and that names no place of the table or nationality: unlike a
/// company's first word ("Atlantic", "Malibu"), never a place's name
/// alone. A census name may be one ("Apple", "Fox").
fn is_company_name(t: &Token, gaz: &Gazetteer) -> bool {
    t.names & list::COMPANY_NAME != 0
        && t.names & (list::DRUG | list::CREDENTIAL | list::TITLE) == 0
        && is_brand_word(t, gaz)
}

/// Whether the one-word name at `a` is written as a town: followed by a
/// comma and a US state, a region or a country ("Woodward, Okla.",
/// "Snowflake, Ariz."), or where someone was born ("born in 1942 in
/// Tredegar").
fn placed_as_town(s: &[Token], a: usize) -> bool {
    const BORN_REACH: usize = 4;
    let state = s.get(a + 1).is_some_and(|w| w.lower == ",")
        && s.get(a + 2).is_some_and(|w| {
            w.class.is_capital()
                && (us_states::is_state_tag(&w.lower)
                    || w.gaz & u16::from(gaz_list::COUNTRY | gaz_list::REGION) != 0)
        });
    let born = a >= 1
        && s[a - 1].lower == "in"
        && s[(a - 1).saturating_sub(BORN_REACH)..a - 1]
            .iter()
            .any(|w| w.lower == "born");
    state || born
}

/// What [`is_company_word`] and [`is_company_name`] ask of the word as
/// written: three letters or more, written as a name, always capitalized
/// mid-sentence (or never written at all), no place or nationality.
fn is_brand_word(t: &Token, gaz: &Gazetteer) -> bool {
    is_name_word(t)
        && t.lower.chars().count() >= 3
        && t.caps.is_none_or(|c| c >= MAX_CAPS)
        && gaz.candidates(&t.lower).is_empty()
        && gaz.nationality(&t.lower).is_none()
}

/// Company words (see [`is_company_word`]) standing alone are companies.
/// The recognizer learned companies from 1996 newswire: it takes later
/// brands for people ("Walmart said", "Amazon shipped"), and where a
/// sentence's capital says nothing it leaves them out ("Boeing said it
/// would cut jobs"). So a one-word person's or place's name, and an
/// untagged company word opening a sentence before a word in lowercase,
/// become organizations, as does a two-word person's name of such a word
/// and a common word ("Nomad Digital"); not in headings, and not the
/// surname of a person the article names in full ("Andre Agassi" …
/// "Agassi"). Where the market's people work ("analysts at JPMorgan",
/// "analysts at Bernstein", "chief economist at KPMG"), a place the model
/// found is a company when it is a company word, or when the places table
/// has none of its words or only a small town. Elsewhere a company word
/// the model took for a place stays one: the company list's first words
/// name places too ("Atlantic", "Malibu", "Permian"); but a listed
/// company's whole name ([`is_company_name`]: "Netflix", "Walmart") is
/// a company there too.
fn type_company_words(
    sentences: &[Vec<Token>],
    tags: &mut [Vec<u8>],
    headings: &[bool],
    surnames: &[(usize, &str)],
    gaz: &Gazetteer,
) {
    // The first words of people named in full whose other words are
    // people's names or words news never writes ("Rasa Mazeikyte", "Xing
    // Wangli"; not "Nintendo Europe" nor "Nintendo DS", read as people).
    let surname = |w: &Token| {
        w.class == Class::Capitalized
            && (w.caps.is_none() || w.names & (list::FIRST_NAME | list::SURNAME) != 0)
    };
    let mut forenames: Vec<&str> = Vec::new();
    for (si, (s, t)) in sentences.iter().zip(tags.iter()).enumerate() {
        if headings.get(si).copied().unwrap_or(false) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            if ty == PER && b - a >= 2 && s[a + 1..b].iter().all(surname) {
                forenames.push(s[a].lower.as_str());
            }
        }
    }
    for (si, (s, t)) in sentences.iter().zip(tags.iter_mut()).enumerate() {
        if headings.get(si).copied().unwrap_or(false) {
            continue;
        }
        let named = |w: &Token| !surnames.iter().any(|&(_, n)| n == w.lower);
        let company = |i: usize| {
            s.get(i)
                .is_some_and(|w| is_company_word(w, gaz) && named(w))
        };
        let company_name = |i: usize| {
            s.get(i)
                .is_some_and(|w| is_company_name(w, gaz) && named(w))
        };
        // A model or product number after the word is part of another
        // name ("Airbus A320", "Boeing 737").
        let product = |i: usize| {
            s.get(i)
                .is_some_and(|w| w.class != Class::Lower && w.class != Class::Punct)
        };
        // The sentence's first word, capitalized whatever it is.
        let opening = s.iter().position(|w| w.class != Class::Punct);
        // "analysts at JPMorgan", "an economist at Nomura": where a
        // market's people work, not a place they are in.
        let employer = |a: usize| {
            a >= 2
                && s[a - 1].lower == "at"
                && (s[a - 2].class == Class::Lower || opening == Some(a - 2))
                && MARKET_PEOPLE.contains(&s[a - 2].lower.as_str())
        };
        for (a, b, ty) in tagger::spans(t) {
            if b == a + 1 && (ty == PER || (ty == LOC && employer(a))) && !product(b) && company(a)
            {
                t[a] = begin(ORG);
            } else if b == a + 1
                && ty == LOC
                && !product(b)
                && company_name(a)
                && !placed_as_town(s, a)
                && !(a >= 1
                    && s[a - 1].lower == "the"
                    && s.get(b).is_none_or(|w| w.class != Class::Lower))
            {
                // "turned to Netflix", "shoppers at Walmart": a company's
                // whole name is no place, but for a town the places table
                // is too small to hold ("in Woodward, Okla.", "born in
                // 1942 in Tredegar") and for a river or a forest ("in the
                // Amazon.": a company's name takes an article only before
                // what it names, "the Netflix thriller").
                t[a] = begin(ORG);
            } else if b == a + 1
                && ty == PER
                && !product(b)
                && company_name(a)
                && s[a].names & (list::FIRST_NAME | list::SURNAME) == 0
                && named(&s[a])
                && !forenames.contains(&s[a].lower.as_str())
            {
                // "Nintendo said", "Huawei is best placed": a company's
                // whole name on no list of people's names is no person.
                t[a] = begin(ORG);
            } else if b == a + 2
                && ty == PER
                && !product(b)
                && company(a)
                && s[a + 1].is_common_word()
            {
                // "Nomad Digital", "Technip Energies": a word only the
                // company list holds and a word news writes in lowercase
                // make no person's name (an unknown second word may be a
                // surname: "Fidelis Nanga").
                tagger::mark(t, a, b, ORG);
            } else if ty == LOC
                && employer(a)
                && (!s[a..b].iter().any(heads::in_place_name)
                    || (b == a + 1 && heads::is_small_town(&s[a].lower, gaz)))
            {
                // "chief economist at KPMG", "analysts at Bernstein":
                // where the market's people work is a company, listed or
                // not, when the places table has none of its words or
                // only a small town.
                tagger::mark(t, a, b, ORG);
            }
        }
        // Opening a sentence, where its capital is no evidence, the word
        // must be one news always capitalizes ("Jubilant investors", "PCs
        // are" stay out).
        if let Some(a) = opening
            && t[a] == 0
            && s[a].class == Class::Capitalized
            && s[a].caps == Some(MAX_CAPS)
            && s.get(a + 1).is_some_and(|w| w.class == Class::Lower)
            && company(a)
        {
            t[a] = begin(ORG);
        }
    }
}

/// People of the markets, whose "at X" names the company they work for
/// ("analysts at JPMorgan", "a strategist at Nomura"); not workers or
/// staff, who are as often at a plant or a town.
const MARKET_PEOPLE: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "executive",
    "executives",
    "trader",
    "traders",
    "banker",
    "bankers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// The words the article names a person by alone, outside headings
/// (lowercase: "musk" in "Musk said"), each with how often it does, and
/// how often it names two-word organizations by the same last word.
#[derive(Default)]
struct LonePeople<'a> {
    words: HashMap<&'a str, usize>,
    organizations: HashMap<&'a str, usize>,
}

impl<'a> LonePeople<'a> {
    fn of(sentences: &'a [Vec<Token>], tags: &[Vec<u8>], headings: &[bool]) -> LonePeople<'a> {
        let mut out = LonePeople::default();
        for (si, (s, t)) in sentences.iter().zip(tags).enumerate() {
            if headings.get(si).copied().unwrap_or(false) {
                continue;
            }
            for (a, b, ty) in tagger::spans(t) {
                if ty == PER && b == a + 1 && is_name_word(&s[a]) {
                    *out.words.entry(s[a].lower.as_str()).or_default() += 1;
                } else if ty == ORG && b == a + 2 {
                    *out.organizations
                        .entry(s[a + 1].lower.as_str())
                        .or_default() += 1;
                }
            }
        }
        out
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a two-word organization is a first name (on the census
    /// list, or on no list nor in the places table: "Elon") and a word
    /// the article names a person by alone at least as often as it writes
    /// the organization: the model read a person's name as a company's
    /// before a possessive and a brand ("Elon Musk's xAI" … "Musk said"),
    /// and the lone name shows whom it names. A company the article names
    /// more often in full keeps its type ("Eli Lilly" three times,
    /// "Lilly" once as a person).
    fn name_a_person(&self, span: &[Token]) -> bool {
        let [first, last] = span else {
            return false;
        };
        let first_name = first.names & list::FIRST_NAME != 0
            || (first.names == 0 && first.gaz == 0 && first.class == Class::Capitalized);
        let w = last.lower.as_str();
        is_name_word(first)
            && is_name_word(last)
            && first_name
            && self.words.get(w).copied().unwrap_or(0)
                >= self.organizations.get(w).copied().unwrap_or(0).max(1)
    }
}

/// A word written as a name is: capitalized, or with capitals inside
/// ("McGee", "DeSantis"), not all in capitals.
pub(crate) fn is_name_word(t: &Token) -> bool {
    matches!(t.class, Class::Capitalized | Class::Mixed)
}

/// A capitalized "Al" or "Al-…" token: the name starts with the article.
fn is_al_token(t: &Token) -> bool {
    t.class.is_capital() && (t.lower == "al" || t.lower.starts_with("al-"))
}

/// Whether a person span is "Al X" or "Al-X" with X neither a first name
/// nor a surname on the census lists nor the surname of a person named in
/// full: a broadcaster, paper or movement ("Al Arabiya", "Al-Ahram").
fn is_outlet_al(span: &[Token], lex: &Lexicon, surnames: &[(usize, &str)]) -> bool {
    let rest: &str = match span {
        [al, x] if al.lower == "al" && al.class.is_capital() && x.class.is_capital() => &x.lower,
        [one] if one.class.is_capital() && one.lower.starts_with("al-") => &one.lower[3..],
        _ => return false,
    };
    if rest.is_empty()
        || surnames
            .iter()
            .any(|&(_, w)| w == rest || w.ends_with(rest))
    {
        return false;
    }
    let names = lex.names(gazetteer::lower_hash(rest));
    names & (list::FIRST_NAME | list::SURNAME) == 0
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::*;

    /// A span: start, end, type index.
    type Span = (usize, usize, usize);

    fn run(sentences: &[(&[&str], &[Span])]) -> Vec<Vec<Span>> {
        run_with_headings(sentences, &[])
    }

    fn run_with_headings(sentences: &[(&[&str], &[Span])], headings: &[bool]) -> Vec<Vec<Span>> {
        let lex = Lexicon::parse(
            "",
            "zorbex\t4\nquell\t4\nbrisk\t1\nwashington\t4\ndigital\t1\nflixo\t4\nplumbo\t4\nsoda\t2\n",
        )
        .with_names(
            "gore\ts\nal\tf\njane\tf\nzorbex\tc\nquell\tcs\nbrisk\tc\nnewco\tc\nwashington\tc\n\
             flixo\tco\nplumbo\tcos\nsoda\tco\n",
        );
        let gaz = Gazetteer::parse("Washington\tcity\tUS\t\t\t700000\t\n", "");
        let prepared: Vec<Vec<Token>> = sentences
            .iter()
            .map(|(w, _)| prepare(w, &lex, &gaz))
            .collect();
        let mut tags: Vec<Vec<u8>> = sentences
            .iter()
            .map(|(w, spans)| {
                let mut t = vec![0u8; w.len()];
                for &(a, b, ty) in *spans {
                    tagger::mark(&mut t, a, b, ty);
                }
                t
            })
            .collect();
        harmonize(&prepared, &mut tags, headings, &lex, &gaz);
        tags.iter().map(|t| tagger::spans(t)).collect()
    }

    #[test]
    fn a_programme_named_after_a_politician_is_misc() {
        let got = run(&[
            (&["repeal", "Gorecare", "now"], &[(1, 2, PER)]),
            (&["under", "Gorecare", "."], &[(1, 2, LOC)]),
            // Not a word whose stem names no one, nor a short stem.
            (&["cut", "Medicare", "."], &[(1, 2, ORG)]),
            (&["at", "Alcare", "."], &[(1, 2, ORG)]),
        ]);
        assert_eq!(got[0], [(1, 2, MISC)]);
        assert_eq!(got[1], [(1, 2, MISC)]);
        assert_eq!(got[2], [(1, 2, ORG)]);
        assert_eq!(got[3], [(1, 2, ORG)]);
    }

    #[test]
    fn a_surname_alone_is_the_person_named_before() {
        let got = run(&[
            (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
            (&["Roe", "left"], &[(0, 1, LOC)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
        // After the full name even a place of the table is the person; an
        // organization keeps its type (a company named after its founder).
        let got = run(&[
            (&["Jane", "Washington", "spoke"], &[(0, 2, PER)]),
            (&["Washington", "left"], &[(0, 1, LOC)]),
            (&["Washington", "said"], &[(0, 1, ORG)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
        assert_eq!(got[2], [(0, 1, ORG)]);
        // Unless it is paired with a person, before or after the full name.
        let got = run(&[
            (
                &["Carson", "and", "Roe", "led"],
                &[(0, 1, PER), (2, 3, ORG)],
            ),
            (&["Roe", "or", "Carson", "won"], &[(0, 1, ORG), (2, 3, PER)]),
            (
                &["Roe", "and", "Zorbex", "met"],
                &[(0, 1, ORG), (2, 3, ORG)],
            ),
            (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
        ]);
        assert_eq!(got[0], [(0, 1, PER), (2, 3, PER)]);
        assert_eq!(got[1], [(0, 1, PER), (2, 3, PER)]);
        assert_eq!(got[2], [(0, 1, ORG), (2, 3, ORG)]);
        // Written in capitals inside, the surname is still a name word.
        let got = run(&[
            (&["Jane", "McRoe", "spoke"], &[(0, 2, PER)]),
            (&["McRoe", "left"], &[(0, 1, 3)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
    }

    #[test]
    fn a_first_name_and_a_surname_named_alone_are_a_person_not_a_company() {
        // "Jane Roe's Zorbex raised money. Roe said …"
        let got = run(&[
            (
                &["Jane", "Roe", "'s", "Zorbex", "raised"],
                &[(0, 2, ORG), (3, 4, ORG)],
            ),
            (&["Roe", "said", "so"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[0], [(0, 2, PER), (3, 4, ORG)]);
        // Without the lone surname, or without a first name, it stays.
        let got = run(&[(&["Jane", "Roe", "'s", "sales"], &[(0, 2, ORG)])]);
        assert_eq!(got[0], [(0, 2, ORG)]);
        let got = run(&[
            (&["Quell", "Roe", "'s", "sales"], &[(0, 2, ORG)]),
            (&["Roe", "said", "so"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[0], [(0, 2, ORG)]);
        // A company the article names more often in full keeps its type.
        let got = run(&[
            (&["Jane", "Roe", "'s", "sales"], &[(0, 2, ORG)]),
            (&["Jane", "Roe", "'s", "drug"], &[(0, 2, ORG)]),
            (&["Roe", "said", "so"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[0], [(0, 2, ORG)]);
    }

    #[test]
    fn a_name_written_whole_elsewhere_is_whole_where_it_was_cut() {
        // "Voters backed Reform UK." … "Reform UK won." (only "UK" tagged)
        let got = run(&[
            (&["Voters", "backed", "Reform", "UK"], &[(2, 4, ORG)]),
            (&["Reform", "UK", "won"], &[(1, 2, LOC)]),
            (&["Reform", "UK", "Youth", "met"], &[(0, 3, ORG)]),
        ]);
        assert_eq!(got[1], [(0, 2, ORG)]);
        // Inside a longer name it is left alone.
        assert_eq!(got[2], [(0, 3, ORG)]);
        // Two types for the same words: neither is imposed.
        let got = run(&[
            (&["Zib", "Zab", "spoke"], &[(0, 2, PER)]),
            (&["Zib", "Zab", "sold"], &[(0, 2, ORG)]),
            (&["Zib", "Zab", "left"], &[(1, 2, LOC)]),
        ]);
        assert_eq!(got[2], [(1, 2, LOC)]);
    }

    #[test]
    fn a_heading_takes_a_surname_but_gives_none() {
        // Headings are tagged in capitals ("REFEREE: A ROE").
        let got = run_with_headings(
            &[
                (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
                (&["A", "ROE"], &[(1, 2, LOC)]),
            ],
            &[false, true],
        );
        assert_eq!(got[1], [(1, 2, PER)]);
        let got = run_with_headings(
            &[
                (&["JANE", "ROE", "SPOKE"], &[(0, 2, PER)]),
                (&["Roe", "left"], &[(0, 1, LOC)]),
            ],
            &[true, false],
        );
        assert_eq!(got[1], [(0, 1, LOC)]);
    }

    #[test]
    fn a_surname_before_the_full_name_is_the_person_unless_a_place() {
        let got = run(&[
            (&["Roe", "left"], &[(0, 1, LOC)]),
            (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
        ]);
        assert_eq!(got[0], [(0, 1, PER)]);
        // A place of the table, or a type other than a place, stays.
        let got = run(&[
            (&["Washington", "left"], &[(0, 1, LOC)]),
            (&["Roe", "won"], &[(0, 1, 3)]),
            (
                &["Jane", "Washington", "and", "Jane", "Roe", "spoke"],
                &[(0, 2, PER), (3, 5, PER)],
            ),
        ]);
        assert_eq!(got[0], [(0, 1, LOC)]);
        assert_eq!(got[1], [(0, 1, 3)]);
        // Nor does a name that opens on no first name give its surname.
        let got = run(&[
            (&["Roe", "left"], &[(0, 1, LOC)]),
            (&["Mr", "Roe", "spoke"], &[(0, 2, PER)]),
        ]);
        assert_eq!(got[0], [(0, 1, LOC)]);
    }

    #[test]
    fn a_service_shown_once_is_one_wherever_the_article_names_it() {
        let got = run(&[
            (
                &["Jo", "savaged", "her", "on", "Zorblo", "."],
                &[(4, 5, LOC)],
            ),
            (&["Jo", "posted", "on", "Zorblo", "."], &[(3, 4, ORG)]),
            (&["Zorblo", "fell"], &[(0, 1, LOC)]),
        ]);
        assert_eq!(got[0], [(4, 5, ORG)]);
        assert_eq!(got[2], [(0, 1, ORG)]);
        // A place of the table stays one; "took to" alone says nothing
        // of the name's other mentions ("taken to Europe really well").
        let got = run(&[
            (
                &["troops", "posted", "on", "Washington", "."],
                &[(3, 4, LOC)],
            ),
            (&["they", "flew", "to", "Washington", "."], &[(3, 4, LOC)]),
        ]);
        assert_eq!(got[1], [(3, 4, LOC)]);
        let got = run(&[
            (
                &["we", "have", "taken", "to", "Vantel", "well"],
                &[(4, 5, ORG)],
            ),
            (&["to", "win", "in", "Vantel", "."], &[(3, 4, LOC)]),
        ]);
        assert_eq!(got[1], [(3, 4, LOC)]);
    }

    #[test]
    fn a_wire_storys_one_word_signature_is_its_agency() {
        let got = run(&[
            (&["Prices", "rose", "3", "pct", "."], &[]),
            (&["Vantel"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[1], [(0, 1, ORG)]);
        // Run on after the last sentence's stop or a table's number.
        let got = run(&[
            (&["Prices", "rose", "."], &[]),
            (&["Net", "66.2", "Vantel"], &[(2, 3, PER)]),
        ]);
        assert_eq!(got[1], [(2, 3, ORG)]);
        // Not after a word (a cut text's "in Vantel"), nor a place.
        let got = run(&[
            (&["Prices", "rose", "."], &[]),
            (&["It", "rose", "in", "Vantel"], &[(3, 4, PER)]),
        ]);
        assert_eq!(got[1], [(3, 4, PER)]);
        let got = run(&[
            (&["It", "rose", "."], &[]),
            (&["Washington"], &[(0, 1, LOC)]),
        ]);
        assert_eq!(got[1], [(0, 1, LOC)]);
        // Not a first name's sign-off, nor a lone word before the end.
        let got = run(&[(&["Thanks", "."], &[]), (&["Jane"], &[(0, 1, PER)])]);
        assert_eq!(got[1], [(0, 1, PER)]);
        let got = run(&[(&["Vantel"], &[(0, 1, PER)]), (&["It", "rose", "."], &[])]);
        assert_eq!(got[0], [(0, 1, PER)]);
    }

    #[test]
    fn a_word_only_the_company_list_holds_is_a_company() {
        // Taken for a person, or left out where it opens a sentence.
        let got = run(&[
            (&["Zorbex", "said", "it", "would", "cut", "jobs"], &[]),
            (&["Analysts", "said", "Zorbex", "would"], &[(2, 3, PER)]),
            (&["Shares", "of", "Newco", "rose"], &[(2, 3, PER)]),
            (&["\"", "Zorbex", "will", "grow", "\""], &[]),
        ]);
        assert_eq!(got[0], [(0, 1, ORG)]);
        assert_eq!(got[1], [(2, 3, ORG)]);
        let got2 = run(&[
            (&["Zorbex", "Digital", "makes", "it"], &[(0, 2, PER)]),
            (&["Zorbex", "Nanga", "makes", "it"], &[(0, 2, PER)]),
        ]);
        assert_eq!(got2[0], [(0, 2, ORG)]);
        assert_eq!(got2[1], [(0, 2, PER)]);
        // Never written in the news corpus, as a name: still a company.
        assert_eq!(got[2], [(2, 3, ORG)]);
        assert_eq!(got[3], [(1, 2, ORG)]);
        let got = run(&[
            // Also a surname, a word news writes in lowercase, a place of
            // the table: the model's type stays.
            (&["Quell", "said", "so"], &[(0, 1, PER)]),
            (&["Brisk", "said", "so"], &[(0, 1, PER)]),
            (&["Washington", "said", "so"], &[(0, 1, PER)]),
            // A product's number, another name after it, a lone word at a
            // sentence start never capitalized mid-sentence in news.
            (&["the", "Zorbex", "737", "flew"], &[(1, 2, PER)]),
            (&["Newco", "said", "so"], &[]),
            (&["Zorbex", "Smith", "said"], &[]),
        ]);
        assert_eq!(got[0], [(0, 1, PER)]);
        assert_eq!(got[1], [(0, 1, PER)]);
        assert_eq!(got[2], [(0, 1, PER)]);
        assert_eq!(got[3], [(1, 2, PER)]);
        assert_eq!(got[4], []);
        assert_eq!(got[5], []);
        // The surname of a person the article names in full, and a heading.
        let got = run_with_headings(
            &[
                (&["Jane", "Zorbex", "spoke"], &[(0, 2, PER)]),
                (&["Zorbex", "said", "so"], &[(0, 1, PER)]),
            ],
            &[false, false],
        );
        assert_eq!(got[1], [(0, 1, PER)]);
        let got = run_with_headings(&[(&["Zorbex", "said", "so"], &[])], &[true]);
        assert_eq!(got[0], []);
    }

    #[test]
    fn a_company_word_where_market_people_work_is_a_company() {
        let got = run(&[
            (&["analysts", "at", "Zorbex", "said"], &[(2, 3, LOC)]),
            (&["an", "economist", "at", "Newco", "said"], &[(3, 4, LOC)]),
            // Elsewhere a company word the model took for a place stays one.
            (&["workers", "at", "Zorbex", "said"], &[(2, 3, LOC)]),
            // A name of no list is a company where market people work,
            // also when they open the sentence; elsewhere a place stays.
            (&["Analysts", "at", "Kwerty", "said"], &[(2, 3, LOC)]),
            (&["workers", "at", "Kwerty", "said"], &[(2, 3, LOC)]),
            (&["analysts", "in", "Kwerty", "said"], &[(2, 3, LOC)]),
            // A city of the table is where they are.
            (&["analysts", "at", "Washington", "said"], &[(2, 3, LOC)]),
        ]);
        assert_eq!(got[0], [(2, 3, ORG)]);
        assert_eq!(got[1], [(3, 4, ORG)]);
        assert_eq!(got[2], [(2, 3, LOC)]);
        assert_eq!(got[3], [(2, 3, ORG)]);
        assert_eq!(got[4], [(2, 3, LOC)]);
        assert_eq!(got[5], [(2, 3, LOC)]);
        assert_eq!(got[6], [(2, 3, LOC)]);
    }

    #[test]
    fn a_listed_company_whole_name_is_no_place() {
        let got = run(&[
            (
                &["he", "turned", "to", "Flixo", "last", "month"],
                &[(3, 4, LOC)],
            ),
            // Also a census surname: still the company's whole name.
            (&["shoppers", "at", "Plumbo", "said"], &[(2, 3, LOC)]),
            // A town the places table is too small to hold.
            (&["based", "in", "Flixo", ",", "Okla.", "."], &[(2, 3, LOC)]),
            (&["born", "in", "1942", "in", "Flixo", "to"], &[(4, 5, LOC)]),
            // A word news writes in lowercase, and a company's first word.
            (&["at", "Soda", "they"], &[(1, 2, LOC)]),
            (&["workers", "at", "Zorbex", "said"], &[(2, 3, LOC)]),
        ]);
        assert_eq!(got[0], [(3, 4, ORG)]);
        assert_eq!(got[1], [(2, 3, ORG)]);
        assert_eq!(got[2], [(2, 3, LOC)]);
        assert_eq!(got[3], [(4, 5, LOC)]);
        assert_eq!(got[4], [(1, 2, LOC)]);
        assert_eq!(got[5], [(2, 3, LOC)]);
    }

    #[test]
    fn al_names_are_outlets_unless_people() {
        let got = run(&[(&["Al", "Arabiya", "reported"], &[(0, 2, PER)])]);
        assert_eq!(got[0], [(0, 2, ORG)]);
        let got = run(&[(&["Al-Ahram", "reported"], &[(0, 1, PER)])]);
        assert_eq!(got[0], [(0, 1, ORG)]);
        let got = run(&[(&["Al", "Gore", "spoke"], &[(0, 2, PER)])]);
        assert_eq!(got[0], [(0, 2, PER)]);
        let got = run(&[
            (&["Bashar", "al-Assad", "spoke"], &[(0, 2, PER)]),
            (&["Al-Assad", "left"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
    }
}
