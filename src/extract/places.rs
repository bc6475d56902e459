//! Places resolved by context. Many place names are shared (two dozen
//! Springfields, Georgia the country and the US state, Boston in England
//! and in Massachusetts), so once the recognizer has found the places of
//! an article, each is located from what the text says around it:
//!
//! 1. a country or a region written beside it decides ("Atlanta,
//!    Georgia", "Springfield, Illinois", "Perth, Scotland"), and a name
//!    written after a city is that city's region or country;
//! 2. otherwise the other places and nationalities of the article vote
//!    for their countries (Georgia in a list of US states is the state);
//! 3. otherwise a country by that name, then the most populous place.
//!
//! A short or all-capital word ("Kan", "AP") is a city only with such
//! evidence, and a region or a small town only when the article points to
//! its country: a name the recognizer took for a place without it is more
//! likely a word ("West", "Gulf"); a region whose name is a proper noun of
//! one country ("Texas", "Wales") needs no such pointer. A country's name
//! is always the country.

use std::ops::Range;

use super::entities::gazetteer::{DIRECTIONS, Gazetteer, Kind, Place, key};
use super::entities::hash;
use super::entities::lexicon::Lexicon;
use super::entities::us_states;
use super::entities::{Entity, EntityType};

/// Cities at least this large are located without other evidence.
pub(crate) const CITY_ALONE: u64 = 100_000;
/// How much the article's votes for a country weigh against population
/// (per natural log of one plus the votes).
const VOTE_WEIGHT: f64 = 1.5;
/// Names of places inside a country from which a region of it wins over
/// a country of the same name (two other states for Georgia the state).
const RIVAL_INSIDE: u32 = 2;
/// The population a region, which has none in the table, counts as.
const REGION_WEIGHT: u64 = 300_000;
/// Names this short (in letters) need evidence to be a place.
const SHORT_NAME: usize = 3;
/// Words after a name that may name its region or country (", New South Wales").
const QUALIFIER_WORDS: usize = 4;

/// Locates every place entity of an article from its text `body`.
pub(crate) fn resolve(body: &str, entities: &mut [Entity], gaz: &Gazetteer) {
    type_datelines(body, entities, gaz);
    type_state_abbreviations(body, entities, gaz);
    let support = article_support(entities, gaz);
    for e in entities.iter_mut().filter(|e| e.ty == EntityType::Place) {
        let own = own_support(e, gaz);
        let beside = beside_countries(body, e, gaz);
        let dateline = e.mentions.iter().any(|r| opens_dateline(body, r));
        let found = choose(e, gaz, &beside, &support, &own, dateline);
        e.country = found.map(|p| p.country.clone());
        e.kind = found.map(|p| p.kind.as_str());
        e.lat = found.and_then(|p| p.lat);
        e.lon = found.and_then(|p| p.lon);
        // "Calif." or "CA" after a city, "(Tex.)" after a lawmaker, "N.C."
        // anywhere: the US state.
        if found.is_none()
            && e.mentions.iter().any(|r| written_as_state(body, r))
            && let Some(state) = us_state(gaz, &e.name).first()
        {
            e.country = Some(state.country.clone());
            e.kind = Some(state.kind.as_str());
            continue;
        }
        // "Washington, D.C.", "Greeley, Colo." read as one name: the city
        // in the state written after it.
        if found.is_none()
            && let Some(city) = city_and_state(gaz, &e.name)
        {
            e.country = Some(city.country.clone());
            e.kind = Some(city.kind.as_str());
            e.lat = city.lat;
            e.lon = city.lon;
            continue;
        }
        // A town too small for the table is in the one country of the
        // region or country written after it ("Brechin, Angus",
        // "Midleton, County Cork"): the country is known, not the point.
        if found.is_none()
            && !beside.listed
            && let [country] = beside.after.as_slice()
            && candidates(gaz, &e.name).is_empty()
        {
            e.country = Some(country.clone());
            continue;
        }
        // "the Port of Rotterdam", "Los Angeles County", "Orlando
        // International Airport": an area or a facility named after the
        // place it lies in is in that place's country, read as that name
        // would be; the point and the kind are the place's, not its.
        if found.is_none()
            && let Some((inner, kind)) = enclosing_name(&e.name)
        {
            let within = Entity {
                name: inner.to_string(),
                acronym: None,
                ..e.clone()
            };
            let voted = |cc: &str| support.iter().any(|v| v.country == cc);
            e.country = choose(&within, gaz, &beside, &support, &own, false)
                .filter(|p| p.kind != Kind::City || p.population >= CITY_ALONE)
                .filter(|p| match kind {
                    Enclosing::Area => true,
                    Enclosing::County => COUNTY_COUNTRIES.contains(&p.country.as_str()),
                    Enclosing::Airport => voted(&p.country),
                })
                .map(|p| p.country.clone());
        }
    }
}

/// What a name around a place's name makes of it ([`enclosing_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enclosing {
    /// An area around the place or a part of it: in its country.
    Area,
    /// "… County", "… Parish": a county of a country that names its
    /// counties so ([`COUNTY_COUNTRIES`]); "Nassau County" is no county
    /// of the Bahamas.
    County,
    /// "… Airport": airports are also named after people ("Logan
    /// Airport", "Kennedy Airport"), so only in a country the article
    /// points to.
    Airport,
}

/// Countries whose counties are written "Name County" (or "Parish").
const COUNTY_COUNTRIES: &[&str] = &["US", "KE", "LR", "CN", "TW"];

/// Words after a place's name that name an area around it or a facility
/// in it ("Los Angeles County", "New York State", "San Francisco Bay
/// Area", "Orlando International Airport", "Boston Harbor"); longest
/// first. Not streets, squares or parks, which are named after faraway
/// places as often ("Toulouse Street" in New Orleans).
const AREA_HEADS: &[&str] = &[
    "Metropolitan Area",
    "Metropolitan City",
    "Metro Area",
    "Bay Area",
    "International Airport",
    "County",
    "Parish",
    "State",
    "Province",
    "Prefecture",
    "Municipality",
    "Area",
    "City",
    "Airport",
    "Harbor",
    "Harbour",
    "Port",
];

/// Words before "of" and a place's name that name it as an area or a
/// port ("the City of Kyoto", "the Port of Rotterdam", "the State of
/// Israel").
const AREA_KINDS_OF: &[&str] = &[
    "City of ",
    "Port of ",
    "Province of ",
    "Prefecture of ",
    "State of ",
    "Municipality of ",
    "County of ",
    "Metropolitan City of ",
];

/// The name of the place that `name` is an area around or a facility of
/// ([`AREA_HEADS`], [`AREA_KINDS_OF`], with or without "Greater"), if it
/// is written so, and what the name makes of it.
fn enclosing_name(name: &str) -> Option<(&str, Enclosing)> {
    let name = name.strip_prefix("Greater ").unwrap_or(name);
    let ci_prefix = |kind: &str| {
        name.get(..kind.len())
            .filter(|p| p.eq_ignore_ascii_case(kind))
            .and_then(|_| name.get(kind.len()..))
    };
    let (inner, kind) = AREA_KINDS_OF
        .iter()
        .find_map(|kind| ci_prefix(kind))
        .map(|rest| (rest.strip_prefix("the ").unwrap_or(rest), Enclosing::Area))
        .or_else(|| {
            AREA_HEADS.iter().find_map(|head| {
                let cut = name.len().checked_sub(head.len() + 1)?;
                let (before, after) = (name.get(..cut)?, name.get(cut + 1..)?);
                let kind = match *head {
                    "County" | "Parish" => Enclosing::County,
                    "Airport" | "International Airport" => Enclosing::Airport,
                    _ => Enclosing::Area,
                };
                (name.get(cut..=cut) == Some(" ") && after.eq_ignore_ascii_case(head))
                    .then_some((before, kind))
            })
        })?;
    (inner.starts_with(char::is_uppercase)).then_some((inner, kind))
}

/// A name in capitals that opens a wire-style dateline and that the table
/// has as a country or a city of [`CITY_ALONE`] people or more is a place,
/// whatever the recognizer made of its capitals ("SAN FRANCISCO —" read
/// as an organization).
fn type_datelines(body: &str, entities: &mut [Entity], gaz: &Gazetteer) {
    for e in entities.iter_mut() {
        if matches!(e.ty, EntityType::Organization | EntityType::Person)
            && e.mentions.iter().any(|r| {
                (body.get(r.clone()).is_some_and(written_in_capitals) || agency_follows(body, r))
                    && opens_dateline(body, r)
            })
            && gaz.candidates(&e.name).iter().any(|p| {
                p.kind == Kind::Country || (p.kind == Kind::City && p.population >= CITY_ALONE)
            })
        {
            e.ty = EntityType::Place;
        }
    }
}

/// Whether a wire agency's name in parentheses follows a mention
/// ("Cleveland (AFP) –", "Denver (Reuters) -"): a dateline however its
/// place is written.
fn agency_follows(body: &str, r: &Range<usize>) -> bool {
    body.get(r.end..)
        .and_then(|a| a.trim_start_matches(' ').strip_prefix('('))
        .and_then(|a| a.split_once(')'))
        .is_some_and(|(agency, _)| {
            (2..=10).contains(&agency.len())
                && agency.starts_with(|c: char| c.is_ascii_uppercase())
                && agency.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A name that is a US state's dotted initials ("D.C. lobbyists",
/// "N.J. voters"), or a state's abbreviation in parentheses with its dot
/// ("Sen. Jo Doe (Ariz.)") wherever it stands, is that state, whatever
/// type the recognizer gave it.
fn type_state_abbreviations(body: &str, entities: &mut [Entity], gaz: &Gazetteer) {
    for e in entities.iter_mut() {
        if e.ty != EntityType::Place
            && (us_states::dotted(&e.name).is_some()
                || !e.mentions.is_empty()
                    && e.mentions.iter().all(|r| in_parentheses(body, r))
                    && !us_state(gaz, &e.name).is_empty())
        {
            e.ty = EntityType::Place;
        }
    }
}

/// Whether `text` has letters and all of them are capitals ("PARIS",
/// "NEW YORK", "U.S.").
fn written_in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Whether a mention opens a wire-style dateline: first on its line, and
/// followed by a dash or an agency in parentheses, perhaps after a comma
/// and a region or date, or its date alone ("PARIS —", "NEW YORK (AP) —",
/// "LONDON, March 3 (Reuters) -", "ROTTERDAM, 14 March 2025 --", "LOS
/// ANGELES Sept. 13, 2004 -"), or by a dash or colon against a capital
/// ("LONDON -Jo", "LONDON: Britain's"); or after a sentence on its line
/// with an agency and a dash ("… oil. LONDON (Reuters) - The yen").
fn opens_dateline(body: &str, r: &Range<usize>) -> bool {
    let line_start = body
        .get(..r.start)
        .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    let Some(before) = body.get(line_start..r.start) else {
        return false;
    };
    let Some(after) = body.get(r.end..) else {
        return false;
    };
    let line = after.split('\n').next().unwrap_or("");
    let head: String = line.chars().take(DATELINE_TAIL).collect();
    let head = head.trim_start();
    // A feed's summary run on after its headline's sentence ("… oil.
    // LONDON (Reuters) - The yen …", "… editor. HOUSTON - The Astros"), or
    // after its source's credit ("Canadian Press - OTTAWA (CP) - Paul
    // Martin …"): with the agency and its dash, or the dash and a capital.
    if !before.trim().is_empty() {
        let agency = agency_follows(body, r) && dash_after_agency(body, r);
        let credited =
            before.ends_with(" - ") && before.trim_start().starts_with(char::is_uppercase);
        return before.ends_with(". ")
            && (agency || opens_on_capital_after(head, &["- ", "— ", "– "]))
            || credited && agency;
    }
    let opener =
        |s: &str| s.starts_with(['—', '–', '(']) || s.starts_with("- ") || s.starts_with("--");
    let dash_follows = head.contains(['—', '–', '(']) || head.contains(" -");
    opener(head)
        || (head.starts_with(',') || opens_on_month(head)) && dash_follows
        || opens_on_capital_after(head, &["-", ": "])
}

/// Whether `head` opens on one of `marks` and then a capital: a dateline
/// written with its dash against the sentence ("LONDON -Nathan Astle …")
/// or with a colon ("LONDON: Britain's BT Group …").
fn opens_on_capital_after(head: &str, marks: &[&str]) -> bool {
    marks.iter().any(|mark| {
        head.strip_prefix(mark)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Whether a dash follows the agency in parentheses after a mention
/// ("(Reuters) -", "(AP) —").
fn dash_after_agency(body: &str, r: &Range<usize>) -> bool {
    body.get(r.end..)
        .and_then(|a| a.split_once(')'))
        .is_some_and(|(_, rest)| {
            let rest = rest.trim_start();
            rest.starts_with(['-', '—', '–'])
        })
}

/// Whether `text` opens on a month's name or short form and a digit
/// ("Sept. 11, 2004 -", "Dec 13"): a dateline's date written without the
/// comma after its place.
fn opens_on_month(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let month = words.next().map(|w| w.trim_end_matches('.').to_lowercase());
    month.is_some_and(|m| crate::extract::dates::lexicon::month_name(&m).is_some())
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Characters after a dateline's place within which its dash or agency
/// must come ("WASHINGTON, Dec. 12 (Reuters) —").
const DATELINE_TAIL: usize = 24;

/// The places a qualifier after a city may be: the table's, or the US
/// state its AP-style abbreviation names ("Cupertino, Calif.").
fn qualifier_candidates<'g>(gaz: &'g Gazetteer, name: &str) -> Vec<&'g Place> {
    let found = candidates(gaz, name);
    if !found.is_empty() {
        return found;
    }
    us_state(gaz, name)
}

/// The US state an AP-style abbreviation, a postal code in capitals or
/// dotted initials name, as the table has it ("Calif.", "NC", "D.C.";
/// initials only as AP writes a state's, not "M.D." or "O.K.").
fn us_state<'g>(gaz: &'g Gazetteer, abbreviation: &str) -> Vec<&'g Place> {
    let state = if abbreviation.matches('.').count() >= 2 {
        us_states::dotted(abbreviation)
    } else {
        us_states::ap_style(abbreviation).or_else(|| us_states::postal(abbreviation))
    };
    state
        .map(|state| {
            gaz.candidates(state)
                .into_iter()
                .filter(|p| p.kind == Kind::Region && p.country == "US")
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a mention is written as a US state's abbreviation is: a
/// qualifier after a city ([`abbreviated_qualifier`],
/// [`postal_qualifier`]), a lawmaker's state in parentheses ("Sen. Jo
/// Doe (Tex.)", "(N.Y.)"), or dotted initials anywhere ("D.C.
/// lobbyists"). Which state, if any, is [`us_state`]'s to say.
fn written_as_state(body: &str, r: &Range<usize>) -> bool {
    abbreviated_qualifier(body, r)
        || postal_qualifier(body, r)
        || in_parentheses(body, r)
        || body
            .get(r.clone())
            .is_some_and(|m| us_states::dotted(m).is_some())
}

/// Whether a mention is written as a qualifier with its abbreviating
/// dot, inside the mention or after it: after ", " and before "."
/// ("Cupertino, Calif.", "Charlotte, N.C.").
fn abbreviated_qualifier(body: &str, r: &Range<usize>) -> bool {
    body.get(..r.start).is_some_and(|b| b.ends_with(", "))
        && (body.get(r.end..).is_some_and(|a| a.starts_with('.'))
            || body.get(r.clone()).is_some_and(|m| m.ends_with('.')))
}

/// Whether a mention stands alone in parentheses with its abbreviating
/// dot ("(Tex.)", "(N.Y.)"; not "(Ark)", an initialism).
fn in_parentheses(body: &str, r: &Range<usize>) -> bool {
    let dotted = body.get(r.clone()).is_some_and(|m| m.ends_with('.'));
    body.get(..r.start).is_some_and(|b| b.ends_with('('))
        && body
            .get(r.end..)
            .is_some_and(|a| a.starts_with(".)") || dotted && a.starts_with(')'))
}

/// A name that is a city, a comma and a US state's abbreviation
/// ("Washington, D.C.", "Greeley, Colo."): the city of that name in that
/// state, the most populous if several.
fn city_and_state<'g>(gaz: &'g Gazetteer, name: &str) -> Option<&'g Place> {
    let (city, state) = name.rsplit_once(", ")?;
    let state = us_state(gaz, state.trim()).into_iter().next()?;
    let cities: Vec<&Place> = gaz
        .candidates(city)
        .into_iter()
        .filter(|p| p.kind == Kind::City && p.country == "US" && p.region == state.region)
        .collect();
    most_likely(cities, &|_| 0)
}

/// Whether a mention is a US state's postal code written as a qualifier:
/// after ", " ("Raleigh, NC").
fn postal_qualifier(body: &str, r: &Range<usize>) -> bool {
    body.get(..r.start).is_some_and(|b| b.ends_with(", "))
        && body
            .get(r.clone())
            .is_some_and(|code| us_states::postal(code).is_some())
}

/// The places of the table a name may be; an Irish or British county
/// written with its "County" or "Co." ("County Cork", "Co. Antrim") is
/// the region of the table's name; "Republic of" and a country's name is
/// the country ("Republic of Ireland"); a part of a place named by its
/// direction ("West Texas", "Southern California", "West Germany", "North
/// London") or a strip of land named after it ("Gaza Strip"), when the
/// table lacks the whole name, is the place.
fn candidates<'g>(gaz: &'g Gazetteer, name: &str) -> Vec<&'g Place> {
    let found = gaz.candidates(name);
    if !found.is_empty() {
        return found;
    }
    let county: Vec<&Place> = ["County ", "Co. ", "Co "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .map(|rest| {
            gaz.candidates(rest)
                .into_iter()
                .filter(|p| p.kind == Kind::Region && matches!(p.country.as_str(), "IE" | "GB"))
                .collect()
        })
        .unwrap_or_default();
    if !county.is_empty() {
        return county;
    }
    // "the Republic of Ireland": a country the table names without its
    // form of state; not the Republic of China, Taiwan's official name.
    if let Some(rest) = name
        .strip_prefix("Republic of ")
        .filter(|rest| key(rest) != "china")
    {
        let countries: Vec<&Place> = gaz
            .candidates(rest)
            .into_iter()
            .filter(|p| p.kind == Kind::Country)
            .collect();
        if !countries.is_empty() {
            return countries;
        }
    }
    part_of_place(gaz, name)
}

/// Whether `word` is a direction written with its capital ("West",
/// "Upstate"; not "WEST", a dateline's or a heading's capitals), one of
/// [`DIRECTIONS`].
fn is_direction_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && DIRECTIONS.contains(&word.to_lowercase().as_str())
}

/// The places a part of a place lies in: one named by its direction
/// ("West Texas": Texas) or a strip of land named after it ("Gaza Strip":
/// Gaza); by the place's own name in the table, not one of its other
/// names ("South America" is no part of the United States, which the
/// table also calls America), and a country, a region or a city of
/// [`CITY_ALONE`] people or more ("Southeast Asia" is no part of a
/// Philippine town called Asia).
fn part_of_place<'g>(gaz: &'g Gazetteer, name: &str) -> Vec<&'g Place> {
    let by_direction = name
        .split_once(' ')
        .filter(|(direction, _)| is_direction_word(direction))
        .map(|(_, rest)| rest);
    // "the Gaza Strip": the strip of land the place's name is given to.
    let strip = name.strip_suffix(" Strip");
    let Some(rest) = by_direction.or(strip) else {
        return Vec::new();
    };
    let rest_key = key(rest);
    gaz.candidates(rest)
        .into_iter()
        .filter(|p| key(&p.name) == rest_key)
        .filter(|p| p.kind != Kind::City || p.population >= CITY_ALONE)
        .collect()
}

/// How many names of an article point to one country: `about` it (its
/// name, a nationality) or `inside` it (a region or city of that country
/// only: Ohio, Bavaria, Tbilisi).
#[derive(Debug, Clone, Default, PartialEq)]
struct Votes {
    country: String,
    about: u32,
    inside: u32,
}

/// Adds `v` to the votes for its country in `all`.
fn add(all: &mut Vec<Votes>, v: Votes) {
    match all.iter_mut().find(|a| a.country == v.country) {
        Some(a) => {
            a.about += v.about;
            a.inside += v.inside;
        }
        None => all.push(v),
    }
}

/// The place an entity most likely is, given what is written beside it
/// and the rest of the article's votes (`support`, which includes the
/// entity's own, `own`).
fn choose<'g>(
    e: &Entity,
    gaz: &'g Gazetteer,
    beside: &Beside,
    support: &[Votes],
    own: &[Votes],
    dateline: bool,
) -> Option<&'g Place> {
    let mut cands = candidates(gaz, &e.name);
    if cands.is_empty()
        && let Some(a) = &e.acronym
    {
        cands = gaz.candidates(a);
    }
    // A region named like a city of the same country is the city's
    // province: news means the city.
    let all = cands.clone();
    cands.retain(|p| {
        p.kind != Kind::Region
            || !all
                .iter()
                .any(|c| c.kind == Kind::City && c.country == p.country)
    });
    // The article's votes for a country, less this entity's own.
    let votes = |cc: &str| {
        let get = |vs: &[Votes]| {
            vs.iter()
                .find(|v| v.country == cc)
                .map_or((0, 0), |v| (v.about, v.inside))
        };
        let (ta, ti) = get(support);
        let (oa, oi) = get(own);
        (ta.saturating_sub(oa), ti.saturating_sub(oi))
    };
    let total = |cc: &str| {
        let (a, i) = votes(cc);
        a + i
    };
    // 1. What is written beside it decides: a region or country after it
    // for any place, a city before it for a region or country.
    let fits = |p: &Place| {
        beside.after.contains(&p.country)
            || (p.kind != Kind::City && beside.before.contains(&p.country))
    };
    if cands.iter().any(|p| fits(p)) {
        cands.retain(|p| fits(p));
        // Of a country's same-named cities, the one in the region named.
        let in_region = |p: &Place| {
            p.region
                .as_ref()
                .is_some_and(|r| beside.after_regions.contains(r))
        };
        if cands.iter().any(|p| in_region(p)) {
            cands.retain(|p| in_region(p));
        }
        return most_likely(cands, &|_| 0);
    }
    // 2. A country by that name, unless the article is inside another
    // country that has a region so named and the country has no vote of
    // its own (Georgia among US states, not Luxembourg beside Brussels).
    if let Some(country) = cands.iter().copied().find(|p| p.kind == Kind::Country) {
        let rival = cands
            .iter()
            .copied()
            .filter(|p| p.kind == Kind::Region && p.country != country.country)
            .filter(|p| votes(&p.country).1 >= RIVAL_INSIDE)
            .max_by_key(|p| votes(&p.country).1);
        return match rival {
            Some(r) if total(&country.country) == 0 => Some(r),
            _ => Some(country),
        };
    }
    // A place of this very name in a country the article points to wins
    // over places elsewhere that only have it as another name (Victoria
    // the Australian state beside Queensland, not Hong Kong, which the
    // table also calls Victoria).
    let name_key = key(&e.name);
    let own_name = |p: &Place| key(&p.name) == name_key;
    if cands.iter().any(|p| own_name(p) && total(&p.country) > 0) {
        cands.retain(|p| own_name(p) || total(&p.country) > 0);
    }
    // 3. The most populous, the article's votes counting for their country.
    let best = most_likely(cands, &total)?;
    let letters = e.name.chars().filter(|c| c.is_alphabetic()).count();
    // A dateline is written in capitals by convention ("PARIS —"): there
    // the capitals say nothing against a place; nor do they for a name of
    // several words ("NEW YORK", "BUENOS AIRES" in a heading), which no
    // initialism or shouted common word spells.
    let weak_name = letters <= SHORT_NAME
        || (written_in_capitals(&e.name) && letters > 1 && !dateline && !e.name.contains(' '));
    if total(&best.country) > 0 {
        return Some(best);
    }
    match best.kind {
        Kind::Country => Some(best),
        // "West", "Gulf": a region the article gives no country for is
        // more likely a word, unless its name is unmistakable; then it is
        // the region that makes it so (Florida the state, whichever of
        // the same-named regions scored first).
        Kind::Region if !weak_name => unmistakable_region(&e.name, &all, gaz),
        Kind::Region => None,
        Kind::City if weak_name => None,
        Kind::City if best.population >= CITY_ALONE => Some(best),
        // A town smaller than that named like an unmistakable region with
        // cities of the table in it is the region (Delaware the state, not
        // the town in Ohio; not a London borough named like a town).
        Kind::City => unmistakable_region(&e.name, &all, gaz).filter(|r| gaz.people(r) > 0),
    }
}

/// Countries whose English-language news names their states, provinces
/// and nations without the country ("in Texas", "in Wales", "in
/// Ontario"). A region elsewhere named like a place English news knows
/// by another meaning (Zimbabwe's "Midlands", Turkmenistan's "Balkan")
/// still needs the article to point to its country.
const HOME_COUNTRIES: &[&str] = &["US", "GB", "CA", "AU", "NZ", "IE", "IN"];

/// How many times the people of a home country's region must outnumber
/// each namesake abroad for the region to need no other place of the
/// article: Florida the US state against Uruguay's department and a Cuban
/// town; not Punjab, a state of India and a province of Pakistan, neither
/// with a city the table places in it.
const DWARFS: u64 = 10;

/// The region a name (`places`: every place of that name) is with no
/// other place of the article, if any: a region of one of the
/// [`HOME_COUNTRIES`] whose people (the table's cities in it) outnumber
/// every namesake in another country [`DWARFS`] times over ("Texas",
/// "Wales", "New South Wales"; "Florida", "Virginia" and "Maryland" beside
/// a small region or town abroad), whose name has a proper noun,
/// capitalized in 95 % or more of its uses in mid-sentence (not "West",
/// "Central", "Lakes" or "Gulf", regions' names that are common words).
fn unmistakable_region<'g>(name: &str, places: &[&'g Place], gaz: &Gazetteer) -> Option<&'g Place> {
    let home = places
        .iter()
        .copied()
        .filter(|p| p.kind == Kind::Region && HOME_COUNTRIES.contains(&p.country.as_str()))
        .max_by(|a, b| {
            gaz.people(a)
                .cmp(&gaz.people(b))
                .then_with(|| b.country.cmp(&a.country))
        })?;
    let people = gaz.people(home);
    let dwarfs = places
        .iter()
        .filter(|p| p.country != home.country)
        .all(|p| people > 0 && gaz.people(p).saturating_mul(DWARFS) <= people);
    let lex = Lexicon::embedded();
    let proper = name
        .split_whitespace()
        .any(|w| lex.caps(hash::of_str(&w.to_lowercase())) == Some(PROPER_NOUN_CAPS));
    (dwarfs && proper).then_some(home)
}

/// The capitalization class ([`Lexicon::caps`]) of a word written with a
/// capital in 95 % or more of its mid-sentence uses.
const PROPER_NOUN_CAPS: u8 = 4;

/// The candidate with the highest log-population plus the weight of its
/// country's votes: a town of the article's country can beat a larger
/// namesake abroad, but not a capital (Paris stays French in an American
/// story unless Texas is written beside it).
fn most_likely<'g>(cands: Vec<&'g Place>, votes: &dyn Fn(&str) -> u32) -> Option<&'g Place> {
    let score = |p: &Place| {
        let pop = match p.kind {
            // Regions carry no population: weigh them like a city of
            // some size (a large city named like a region elsewhere,
            // Manchester, Washington, is meant more often).
            Kind::Region => REGION_WEIGHT,
            _ => p.population.max(1),
        };
        let kind_bonus = if p.kind == Kind::Country { 100.0 } else { 0.0 };
        (pop as f64).ln() + VOTE_WEIGHT * f64::from(votes(&p.country)).ln_1p() + kind_bonus
    };
    cands.into_iter().max_by(|a, b| {
        score(a)
            .total_cmp(&score(b))
            .then_with(|| b.name.cmp(&a.name))
            .then_with(|| b.country.cmp(&a.country))
    })
}

/// Every country the article's names point to, with their votes.
fn article_support(entities: &[Entity], gaz: &Gazetteer) -> Vec<Votes> {
    let mut all = Vec::new();
    for e in entities {
        for v in own_support(e, gaz) {
            add(&mut all, v);
        }
    }
    all
}

/// The votes one entity gives: a nationality is about its country once, a
/// country's name twice ("Georgia" the country in an article about
/// Tbilisi); a place name of one country only (Ohio, Bavaria) is inside
/// it, and so is a name that is a US state (also when a country shares
/// it); a name shared between countries gives nothing, since it is what
/// needs deciding.
fn own_support(e: &Entity, gaz: &Gazetteer) -> Vec<Votes> {
    let vote = |cc: &str, about, inside| Votes {
        country: cc.to_string(),
        about,
        inside,
    };
    let mut out = Vec::new();
    match e.ty {
        EntityType::Misc => {
            if let Some(cc) = gaz.nationality(&e.name) {
                out.push(vote(cc, 1, 0));
            }
        }
        EntityType::Place => {
            let cands = gaz.candidates(&e.name);
            if let Some(c) = cands.iter().find(|p| p.kind == Kind::Country) {
                add(&mut out, vote(&c.country, 2, 0));
            } else if let Some(first) = cands.first()
                && cands.iter().all(|p| p.country == first.country)
            {
                add(&mut out, vote(&first.country, 0, 1));
            }
            if cands
                .iter()
                .any(|p| p.kind == Kind::Region && p.country == "US")
                && !out.iter().any(|v| v.country == "US")
            {
                add(&mut out, vote("US", 0, 1));
            }
        }
        _ => {}
    }
    out
}

/// Countries written right beside an entity's mentions.
#[derive(Debug, Default)]
struct Beside {
    /// Of a region or country named after it (", Georgia", ", France").
    after: Vec<String>,
    /// The regions themselves (ISO 3166-2 codes) named after it, which pick
    /// one of a country's same-named cities (", Illinois").
    after_regions: Vec<Box<str>>,
    /// Of a city named before it, when it is that city's qualifier
    /// ("Atlanta, Georgia" for Georgia).
    before: Vec<String>,
    /// A name after it goes on as a list ("Europe, India and China"):
    /// the next member, not its qualifier.
    listed: bool,
}

/// What is written beside the entity's mentions.
fn beside_countries(body: &str, e: &Entity, gaz: &Gazetteer) -> Beside {
    let mut out = Beside::default();
    let push = |list: &mut Vec<String>, cc: &str| {
        if !list.iter().any(|c| c == cc) {
            list.push(cc.to_string());
        }
    };
    for r in &e.mentions {
        if let Some(after) = qualifier_after(body, r) {
            out.listed |= goes_on_as_list(body, r, after);
            for p in qualifier_candidates(gaz, after) {
                if matches!(p.kind, Kind::Country | Kind::Region) {
                    push(&mut out.after, &p.country);
                }
                if p.kind == Kind::Region
                    && let Some(r) = &p.region
                    && !out.after_regions.contains(r)
                {
                    out.after_regions.push(r.clone());
                }
            }
        }
        if let Some(before) = city_before(body, r) {
            for p in gaz.candidates(before) {
                if p.kind == Kind::City {
                    push(&mut out.before, &p.country);
                }
            }
            // "Fulton County, Georgia", "Orleans Parish, Louisiana": a US
            // county qualified by its state (counties are not in the
            // places table; written so, they are American).
            if is_us_county(before) {
                push(&mut out.before, "US");
            }
        }
    }
    out
}

/// Whether `name` is written as a US county's (or a Louisiana parish's):
/// a name, then "County" or "Parish" ("Fulton County"; not "County
/// Durham", the British order).
fn is_us_county(name: &str) -> bool {
    name.rsplit_once(' ')
        .is_some_and(|(head, last)| !head.is_empty() && matches!(last, "County" | "Parish"))
}

/// The capitalized words after ", " that follow a mention, if any.
fn qualifier_after<'b>(body: &'b str, r: &Range<usize>) -> Option<&'b str> {
    let rest = body.get(r.end..)?.strip_prefix(", ")?;
    let mut end = 0;
    for (at, w) in words(rest).take(QUALIFIER_WORDS) {
        // A line break ends the qualifier as punctuation does ("Brechin,
        // Angus.\n\nThe …").
        let line = w.split(char::is_whitespace).next().unwrap_or_default();
        let word = line.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        end = at + word.len();
        if word.len() < w.len() {
            break;
        }
    }
    (end > 0).then(|| &rest[..end])
}

/// Whether the qualifier `after` read after mention `r` is followed by
/// another member of a list: ", " and a capital, or "and" / "or" with
/// or without a comma before it.
fn goes_on_as_list(body: &str, r: &Range<usize>, after: &str) -> bool {
    let from = r.end + 2 + after.len();
    let rest = body.get(from..).unwrap_or_default();
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    rest.strip_prefix(' ')
        .is_some_and(|t| t.starts_with(char::is_uppercase))
        || rest.starts_with(" and ")
        || rest.starts_with(" or ")
}

/// The capitalized words before ", " that precede a mention, if any.
fn city_before<'b>(body: &'b str, r: &Range<usize>) -> Option<&'b str> {
    let head = body.get(..r.start)?.strip_suffix(", ")?;
    let mut start = head.len();
    for w in head.rsplit(' ').take(QUALIFIER_WORDS) {
        // A line break starts the city as a sentence's start does.
        let line = w.rsplit(char::is_whitespace).next().unwrap_or_default();
        if !line.starts_with(char::is_uppercase) || line.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        start -= line.len() + usize::from(start < head.len());
        if line.len() < w.len() {
            break;
        }
    }
    (start < head.len()).then(|| &head[start..])
}

/// The words of `text` split at single spaces, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ').scan(0, |at, w| {
        let here = *at;
        *at += w.len() + 1;
        Some((here, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A place entity for every occurrence of `name` in `body`.
    fn place(body: &str, name: &str) -> Entity {
        Entity {
            ty: EntityType::Place,
            name: name.to_string(),
            mentions: body
                .match_indices(name)
                .map(|(i, m)| i..i + m.len())
                .collect(),
            roles: Vec::new(),
            country: None,
            kind: None,
            lat: None,
            lon: None,
            acronym: None,
        }
    }

    fn located(body: &str, names: &[&str]) -> Vec<(String, Option<String>, Option<&'static str>)> {
        let mut es: Vec<Entity> = names.iter().map(|n| place(body, n)).collect();
        resolve(body, &mut es, Gazetteer::embedded());
        es.into_iter()
            .map(|e| (e.name, e.country, e.kind))
            .collect()
    }

    fn country_of(body: &str, names: &[&str], which: &str) -> Option<String> {
        located(body, names)
            .into_iter()
            .find(|(n, _, _)| n == which)
            .and_then(|(_, c, _)| c)
    }

    #[test]
    fn an_unmistakable_region_needs_no_other_place() {
        // A proper noun of one home country's regions, alone.
        for (name, cc) in [("Texas", "US"), ("Wales", "GB"), ("New South Wales", "AU")] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(
                country_of(&body, &[name], name).as_deref(),
                Some(cc),
                "{name}"
            );
        }
        // A region whose namesakes abroad are a small region or town
        // (Florida: a department of Uruguay, towns in Cuba and Colombia;
        // Maryland: a county of Liberia; Virginia: a South African town),
        // and one named like a small town elsewhere in its own country
        // (Delaware, Ohio).
        for name in ["Florida", "Maryland", "Virginia", "Colorado", "Delaware"] {
            let body = format!("Officials in {name} said so.");
            let got = located(&body, &[name]);
            assert_eq!(
                got,
                vec![(name.to_string(), Some("US".to_string()), Some("region"))],
                "{name}"
            );
        }
        // A common word, a short name, a region elsewhere known by another
        // meaning, a name of two countries' regions the table cannot
        // weigh, or a borough with no city of the table named like a
        // town stays unlocated.
        for name in ["West", "Central", "Lib", "Midlands", "Punjab", "Greenwich"] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(country_of(&body, &[name], name), None, "{name}");
        }
    }

    #[test]
    fn an_area_or_facility_named_after_a_place_is_in_its_country() {
        for (name, cc) in [
            ("Port of Rotterdam", "NL"),
            ("City of Kyoto", "JP"),
            ("Los Angeles County", "US"),
            ("New York State", "US"),
            ("San Francisco Bay Area", "US"),
            ("Saitama Prefecture", "JP"),
            ("Greater Toronto Area", "CA"),
        ] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(
                located(&body, &[name]),
                vec![(name.to_string(), Some(cc.to_string()), None)],
                "{name}"
            );
        }
        // An airport in a country the article names; not one named after
        // a person, which only a namesake town abroad would place.
        let body = "Flights to Baghdad International Airport resumed, Iraq said.";
        let names = ["Baghdad International Airport", "Iraq"];
        assert_eq!(country_of(body, &names, names[0]).as_deref(), Some("IQ"));
        let body = "Flights from Logan Airport resumed, Massachusetts said.";
        let names = ["Logan Airport", "Massachusetts"];
        assert_eq!(country_of(body, &names, names[0]), None);
        // A county of a country that names its counties so; not streets,
        // named after faraway places.
        for name in ["Nassau County", "Toulouse Street", "County"] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(country_of(&body, &[name], name), None, "{name}");
        }
    }

    #[test]
    fn a_part_of_a_place_named_by_its_direction_lies_in_it() {
        for (name, cc, kind) in [
            ("West Texas", "US", "region"),
            ("Southern California", "US", "region"),
            ("West Germany", "DE", "country"),
            ("North London", "GB", "city"),
            ("Gaza Strip", "PS", "city"),
            ("Republic of Ireland", "IE", "country"),
        ] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(
                located(&body, &[name]),
                vec![(name.to_string(), Some(cc.to_string()), Some(kind))],
                "{name}"
            );
        }
        // Not by another name of a place ("America" for the United
        // States), nor a town of a name news uses otherwise.
        for name in [
            "South America",
            "Southeast Asia",
            "West Bank",
            "Republic of China",
        ] {
            let body = format!("Officials in {name} said so.");
            assert_eq!(country_of(&body, &[name], name), None, "{name}");
        }
    }

    #[test]
    fn a_dateline_before_an_agency_is_a_place_in_any_case() {
        let body = "Convention opens\n\nCleveland (AFP) – The convention began.";
        let mut es = vec![Entity {
            ty: EntityType::Organization,
            ..place(body, "Cleveland")
        }];
        resolve(body, &mut es, Gazetteer::embedded());
        assert_eq!(
            (es[0].ty, es[0].country.as_deref()),
            (EntityType::Place, Some("US"))
        );
        // Mid-line, or with no agency after it, the type stays.
        for body in [
            "They met Cleveland (AFP) – today.",
            "Convention\n\nCleveland said so.",
        ] {
            let mut es = vec![Entity {
                ty: EntityType::Organization,
                ..place(body, "Cleveland")
            }];
            resolve(body, &mut es, Gazetteer::embedded());
            assert_eq!(es[0].ty, EntityType::Organization, "{body}");
        }
    }

    #[test]
    fn states_as_news_abbreviates_them() {
        let region = (Some("US"), Some("region"));
        // After a city, the dot inside the mention; a lawmaker's state in
        // parentheses, the dot inside or after it; dotted initials alone.
        for (body, name) in [
            ("Rallies in Greeley, Colo., drew crowds.", "Colo."),
            ("A rally in Charlotte, N.C. drew crowds.", "N.C."),
            ("Sen. Jo Vantel (Tex.) said so.", "Tex"),
            ("Rep. Jo Vantel (N.Y.) said so.", "N.Y."),
            ("It hired N.J. lobbyists.", "N.J."),
        ] {
            let l = located(body, &[name]);
            assert_eq!((l[0].1.as_deref(), l[0].2), region, "{body}");
        }
        // An initialism in parentheses, "O.K." and "M.D." are no states.
        for (body, name) in [
            ("Kids Now (Ark) said so.", "Ark"),
            ("It is O.K. now.", "O.K."),
            ("Jo Vantel, M.D. said so.", "M.D."),
        ] {
            assert_eq!(country_of(body, &[name], name), None, "{body}");
        }
        // Read as one name, the city in the state.
        let l = located("She lives in Washington, D.C. now.", &["Washington, D.C."]);
        assert_eq!((l[0].1.as_deref(), l[0].2), (Some("US"), Some("city")));
        // Dotted initials, or a state in parentheses, typed otherwise are
        // the state.
        for (body, name) in [
            ("It hired D.C. lobbyists.", "D.C."),
            ("Sen. Jo Vantel (Ariz.) said so.", "Ariz"),
        ] {
            let mut es = vec![Entity {
                ty: EntityType::Person,
                ..place(body, name)
            }];
            resolve(body, &mut es, Gazetteer::embedded());
            assert_eq!(
                (es[0].ty, es[0].country.as_deref()),
                (EntityType::Place, Some("US")),
                "{body}"
            );
        }
    }

    #[test]
    fn a_state_after_a_us_county_is_the_state() {
        let body = "He was indicted in Fulton County, Georgia on Monday.";
        let l = located(body, &["Fulton County", "Georgia"]);
        assert_eq!((l[1].1.as_deref(), l[1].2), (Some("US"), Some("region")));
        assert!(is_us_county("Orleans Parish"));
        assert!(!is_us_county("County"));
        assert!(!is_us_county("County Durham"));
    }

    #[test]
    fn a_region_beside_a_city_decides() {
        let body = "Officials in Atlanta, Georgia said the plan would go ahead.";
        let l = located(body, &["Atlanta", "Georgia"]);
        assert_eq!(l[0].1.as_deref(), Some("US"));
        assert_eq!((l[1].1.as_deref(), l[1].2), (Some("US"), Some("region")));
        // The state written beside it picks Illinois' Springfield over the
        // larger one in Missouri.
        for (state, lat) in [("Illinois", 39.8), ("Missouri", 37.2), ("Ohio", 39.9)] {
            let body = format!("Officials in Springfield, {state} said so.");
            let mut es = vec![place(&body, "Springfield"), place(&body, state)];
            resolve(&body, &mut es, Gazetteer::embedded());
            assert_eq!(es[0].country.as_deref(), Some("US"), "{state}");
            let found = es[0].lat.unwrap_or_default();
            assert!((found - lat).abs() < 0.1, "{state}: {found}");
        }
        let body = "Officials in Perth, Scotland said so.";
        assert_eq!(
            country_of(body, &["Perth", "Scotland"], "Perth").as_deref(),
            Some("GB")
        );
        let body = "Officials in Boston, England said so.";
        assert_eq!(
            country_of(body, &["Boston", "England"], "Boston").as_deref(),
            Some("GB")
        );
    }

    #[test]
    fn ap_style_states_qualify_cities() {
        let body = "CUPERTINO, Calif. — Apple said.";
        let l = located(body, &["CUPERTINO", "Calif"]);
        assert_eq!(l[0].1.as_deref(), Some("US"));
        assert_eq!((l[1].1.as_deref(), l[1].2), (Some("US"), Some("region")));
        let body = "Officials in Springfield, Ill., said so.";
        let mut es = vec![place(body, "Springfield")];
        resolve(body, &mut es, Gazetteer::embedded());
        assert!((es[0].lat.unwrap_or_default() - 39.8).abs() < 0.1);
        // A postal code in capitals qualifies its city as well.
        let body = "July 22 – Dover, DE @ the speedway";
        let l = located(body, &["Dover", "DE"]);
        assert_eq!(l[0].1.as_deref(), Some("US"));
        assert_eq!((l[1].1.as_deref(), l[1].2), (Some("US"), Some("region")));
    }

    #[test]
    fn a_town_unknown_to_the_table_takes_its_regions_country() {
        let body = "Homes were evacuated in Brechin, Angus, on Friday.";
        let l = located(body, &["Brechin", "Angus"]);
        assert_eq!((l[0].1.as_deref(), l[0].2), (Some("GB"), None));
        let body = "Homes were evacuated in Brechin, Angus.\n\nThe First Minister came.";
        assert_eq!(located(body, &["Brechin"])[0].1.as_deref(), Some("GB"));
        let body = "Homes in Midleton, County Cork, were flooded.";
        let l = located(body, &["Midleton", "County Cork"]);
        assert_eq!(l[0].1.as_deref(), Some("IE"));
        assert_eq!((l[1].1.as_deref(), l[1].2), (Some("IE"), Some("region")));
        // No qualifier, or a list of places: unlocated.
        let body = "Homes were evacuated in Brechin on Friday.";
        assert_eq!(located(body, &["Brechin"])[0].1, None);
        for body in [
            "Markets like Zorbania, India and China grew.",
            "It spread in Zorbania, Italy, Spain and Hungary.",
            "It spread in Zorbania, Italy, and Spain.",
        ] {
            assert_eq!(located(body, &["Zorbania"])[0].1, None, "{body}");
        }
    }

    #[test]
    fn a_list_of_cities_is_not_a_city_and_its_region() {
        let body = "Flights from London, Paris and Berlin were cancelled.";
        let l = located(body, &["London", "Paris", "Berlin"]);
        let countries: Vec<_> = l.iter().map(|(_, c, _)| c.as_deref()).collect();
        assert_eq!(countries, vec![Some("GB"), Some("FR"), Some("DE")]);
    }

    #[test]
    fn states_in_a_list_are_regions_of_the_us() {
        let body = "Voters in Ohio, Georgia and Arizona went to the polls.";
        let l = located(body, &["Ohio", "Georgia", "Arizona"]);
        assert!(
            l.iter().all(|(_, c, _)| c.as_deref() == Some("US")),
            "{l:?}"
        );
        assert_eq!(l[1].2, Some("region"));
        // Alone, or beside Tbilisi, Georgia is the country.
        assert_eq!(
            country_of("Georgia held talks.", &["Georgia"], "Georgia").as_deref(),
            Some("GE")
        );
        let body = "Protesters in Tbilisi, the capital of Georgia, marched.";
        assert_eq!(
            country_of(body, &["Tbilisi", "Georgia"], "Georgia").as_deref(),
            Some("GE")
        );
    }

    #[test]
    fn a_place_of_the_very_name_in_the_articles_country_beats_another_name() {
        // The table also calls Hong Kong "Victoria"; beside Australia's
        // states, Victoria is the Australian state.
        let body =
            "The plant in Australia is near farms in Queensland, New South Wales and Victoria.";
        let l = located(
            body,
            &["Australia", "Queensland", "New South Wales", "Victoria"],
        );
        assert_eq!(
            (l[3].1.as_deref(), l[3].2),
            (Some("AU"), Some("region")),
            "{l:?}"
        );
    }

    #[test]
    fn well_known_cities_without_their_country() {
        for (city, cc) in [
            ("Boston", "US"),
            ("Atlanta", "US"),
            ("Lisbon", "PT"),
            ("Athens", "GR"),
            ("Geneva", "CH"),
            ("Glasgow", "GB"),
            ("Manchester", "GB"),
            ("El Paso", "US"),
            ("Washington", "US"),
        ] {
            let body = format!("Officials in {city} said the plan would go ahead.");
            assert_eq!(
                country_of(&body, &[city], city).as_deref(),
                Some(cc),
                "{city}"
            );
        }
    }

    #[test]
    fn short_or_capital_words_need_evidence() {
        let body = "The broadcaster Kan reported the vote.";
        assert_eq!(country_of(body, &["Kan"], "Kan"), None);
        // A city in capitals is evidence enough where it opens a dateline.
        let body = "Report\n\nPARIS — Officials met on Monday.";
        assert_eq!(country_of(body, &["PARIS"], "PARIS").as_deref(), Some("FR"));
        let body = "Report\n\nNEW YORK (AP) — Shares rose.";
        assert_eq!(
            country_of(body, &["NEW YORK"], "NEW YORK").as_deref(),
            Some("US")
        );
        let body = "Report\n\nThe band PARIS played.";
        assert_eq!(country_of(body, &["PARIS"], "PARIS"), None);
        // A name of several words in capitals is no initialism.
        let body = "Report\n\nNEW YORK In a shift, officials met.";
        assert_eq!(
            country_of(body, &["NEW YORK"], "NEW YORK").as_deref(),
            Some("US")
        );
        // The recognizer's organization in a dateline is the place; a
        // name opening a paragraph before a dash is no dateline.
        let body = "Report\n\nYili - full name Inner Mongolia Yili - said so.";
        let mut es = vec![place(body, "Yili")];
        es[0].ty = EntityType::Organization;
        resolve(body, &mut es, Gazetteer::embedded());
        assert_eq!(es[0].ty, EntityType::Organization);
        let body = "Report\n\nSAN FRANCISCO — OpenAI unveiled a model.";
        let mut es = vec![place(body, "SAN FRANCISCO")];
        es[0].ty = EntityType::Organization;
        resolve(body, &mut es, Gazetteer::embedded());
        assert_eq!(
            (es[0].ty, es[0].country.as_deref()),
            (EntityType::Place, Some("US"))
        );
        // A dateline's date may follow its place without a comma.
        let body = "Report\n\nLOS ANGELES Sept. 13, 2004 - A group bid.";
        let mut es = vec![place(body, "LOS ANGELES")];
        es[0].ty = EntityType::Organization;
        resolve(body, &mut es, Gazetteer::embedded());
        assert_eq!(
            (es[0].ty, es[0].country.as_deref()),
            (EntityType::Place, Some("US"))
        );
        let body = "Report\n\nLOS ANGELES Sept. 13 saw rain, said Jo.";
        assert!(!opens_dateline(body, &(8..19)));
        // A dash against the sentence, a colon, and a feed's summary run
        // on after its headline's sentence with the agency.
        for (body, at) in [
            ("Report\n\nLONDON -Jo Doe's 145 won it.", 8..14),
            ("Report\n\nLONDON: A new model opened.", 8..14),
            ("Yen up. LONDON (Reuters) - The yen rose.", 8..14),
            ("By the editor. LONDON - The team won.", 15..21),
            ("Zorbo Press - LONDON (ZP) - Jo Doe spoke.", 14..20),
        ] {
            assert!(opens_dateline(body, &at), "{body}");
        }
        for (body, at) in [
            ("Report\n\nLONDON -3 degrees tonight.", 8..14),
            ("Report\n\nLONDON: a city in crisis.", 8..14),
            ("Yen up. LONDON (Reuters) said so.", 8..14),
            ("He went to LONDON (UK) - and back.", 11..17),
            ("Jo said. LONDON - a city in crisis.", 9..15),
            ("Zorbo Press - LONDON - Jo Doe spoke.", 14..20),
            ("and then - LONDON (ZP) - Jo Doe spoke.", 11..17),
        ] {
            assert!(!opens_dateline(body, &at), "{body}");
        }
        // A small town needs its country in the article.
        let body = "Apple is based in Cupertino, California.";
        assert_eq!(
            country_of(body, &["Cupertino", "California"], "Cupertino").as_deref(),
            Some("US")
        );
    }

    /// Every city of the places table with 100 000 people or more, named
    /// alone in a plain sentence and then with its country beside it.
    #[test]
    fn the_places_table_resolves_its_cities() {
        let gaz = Gazetteer::embedded();
        let table = include_str!("../../data/places.tsv");
        let rows: Vec<Vec<&str>> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .filter(|f: &Vec<&str>| f.len() >= 7)
            .collect();
        let country_name = |cc: &str| {
            rows.iter()
                .find(|f| f[1] == "country" && f[2] == cc)
                .map(|f| f[0])
        };
        let mut total = 0;
        let mut alone = 0;
        let mut beside = 0;
        let mut misses = Vec::new();
        let mut beside_misses = Vec::new();
        for f in rows.iter().filter(|f| f[1] == "city") {
            let pop: u64 = f[5].parse().unwrap_or(0);
            if pop < CITY_ALONE {
                continue;
            }
            let Some(country) = country_name(f[2]) else {
                continue;
            };
            total += 1;
            let (name, cc) = (f[0], f[2]);
            let body = format!("Officials in {name} said the plan would go ahead.");
            if country_of(&body, &[name], name).as_deref() == Some(cc) {
                alone += 1;
            } else if misses.len() < 20 {
                misses.push(format!("{name} ({cc})"));
            }
            let body = format!("Officials in {name}, {country} said the plan would go ahead.");
            let mut es = vec![place(&body, name), place(&body, country)];
            es[0].mentions.truncate(1);
            resolve(&body, &mut es, gaz);
            if es[0].country.as_deref() == Some(cc) {
                beside += 1;
            } else if beside_misses.len() < 20 {
                beside_misses.push(format!("{name}, {country}: {:?}", es[0].country));
            }
        }
        // Every US city of that size with its state beside it is that very
        // city, however many namesakes it has.
        let region_name = |code: &str| {
            rows.iter()
                .find(|f| f[1] == "region" && f.get(7) == Some(&code))
                .map(|f| f[0])
        };
        let (mut in_state, mut state_hits, mut state_misses) = (0, 0, Vec::new());
        for f in rows.iter().filter(|f| f[1] == "city" && f[2] == "US") {
            let pop: u64 = f[5].parse().unwrap_or(0);
            let Some(state) = f.get(7).and_then(|code| region_name(code)) else {
                continue;
            };
            if pop < CITY_ALONE {
                continue;
            }
            in_state += 1;
            let name = f[0];
            let body = format!("Officials in {name}, {state} said the plan would go ahead.");
            let mut es = vec![place(&body, name), place(&body, state)];
            es[0].mentions.truncate(1);
            resolve(&body, &mut es, gaz);
            // That city, or another row of it (GeoNames lists Lexington and
            // Lexington-Fayette, a few kilometres apart).
            let near = |found: Option<f64>, want: &str| {
                found
                    .zip(want.parse::<f64>().ok())
                    .is_some_and(|(a, b)| (a - b).abs() < 0.1)
            };
            if near(es[0].lat, f[3]) && near(es[0].lon, f[4]) {
                state_hits += 1;
            } else if state_misses.len() < 20 {
                state_misses.push(format!("{name}, {state}: {:?}", (es[0].lat, es[0].lon)));
            }
        }
        println!("with the US state beside: {state_hits}/{in_state}");
        assert!(in_state > 250, "{in_state} US cities");
        assert_eq!(state_hits, in_state, "{state_misses:?}");
        assert!(total > 5000, "{total} cities");
        let rate = f64::from(alone) / f64::from(total);
        println!("alone {alone}/{total} = {rate:.3}; beside {beside}/{total}");
        assert!(rate >= 0.95, "{alone}/{total} alone; misses: {misses:?}");
        assert_eq!(beside, total, "{beside_misses:?}");
    }
}
