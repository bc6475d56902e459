//! Span repairs after decoding, from what the name lists know for sure and
//! the statistics learn slowly: a title or honorific opening a person's
//! name is not part of it ("Mr", "Ms", "Dr", "Senator", "Pope": CoNLL,
//! WikiGold and UNER all tag "Mr Smith" as PER "Smith"); credentials and
//! degrees written as such (with dots or inner capitals: "Ph.D.", "M.D.",
//! "MSc") are never part of a name; a drug name
//! alone is a product (MISC), never a person or a place; "Air" before a
//! place makes an airline ("Air France": ORG). A pronoun's contraction
//! ("I’m", "we'd") is never a name; a name does not end on the word that
//! opens an office after it ("Acme Managing | Director Jo Smith"), nor run
//! on past an abbreviation's dot into a capitalized "The", "A" or pronoun,
//! which start a sentence the splitter could not see ("Acme Ltd. | The
//! department"). Capitals after "the" ending on an institution's head
//! word name an organization ("the Home Office"). An institution's name
//! runs on over the joiners and lists of subjects the model cut it at
//! ("Office of Management and Budget", "Department for Business, Energy
//! and Industrial Strategy"). A name cut at its "and" whose subjects are
//! ordinary words is one name ("Competition and Markets Authority"). A
//! title in quotation marks is a work ("The Salt Orchard"). Words that are
//! also first names ("Dean", "Earl", "Allegra") are left to the model.

use super::coordinated;
use super::features::{self, Class, Token};
use super::gazetteer::{Gazetteer, Kind};
use super::heads;
use super::initialisms;
use super::introduced;
use super::lexicon::list;
use super::lists::POSSESSIVES;
use super::markets;
use super::portfolios;
use super::possessions;
use super::subjects;
use super::tagger::{self, LOC, MISC, ORG, PER, begin, inside};
use super::tokens::{self, is_particle_surname_word};
use super::us_states;
use crate::extract::dates::lexicon::{MONTHS, WEEKDAYS, month_is_ambiguous};

/// Repairs one sentence's tags in place (see the module doc).
pub(crate) fn repair(s: &[Token], tags: &mut [u8], spaced_dashes: &[usize], gaz: &Gazetteer) {
    let title_case = is_title_case(s);
    rejoin(s, tags);
    join_natural_feature(s, tags);
    join_named_institution(s, tags);
    if !title_case {
        coordinated::split_joined_names(s, tags);
        coordinated::join_portfolios(s, tags);
    }
    if !title_case {
        tag_untagged_institutions(s, tags);
    }
    extend_institution(s, tags);
    extend_institution_list(s, tags);
    join_ampersand(s, tags);
    if !title_case {
        join_coordinated_name(s, tags);
    }
    split_at_sentence_starts(s, tags);
    split_at_dashes(s, tags, spaced_dashes, gaz);
    join_royal_institution(s, tags);
    join_possessive_institution(s, tags);
    tag_quoted_titles(s, tags);
    tag_credited_names(s, tags);
    if !title_case {
        split_member_of_place(s, tags);
        tag_addressed_names(s, tags);
    }
    for (start, end, ty) in tagger::spans(tags) {
        let names = |i: usize| s.get(i).map_or(0, |t| t.names);
        let only = |i: usize, bits: u8| {
            let n = names(i);
            n & bits != 0 && n & (list::FIRST_NAME | list::SURNAME) == 0
        };
        // Credentials as degrees are written ("Ph.D.", "PhD", "M.Sc."): the
        // list's capital-only forms are as often acronyms ("USA", "LG").
        let credential = |i: usize| {
            only(i, list::CREDENTIAL)
                && s.get(i)
                    .is_some_and(|t| t.lower.contains('.') || t.class == Class::Mixed)
        };
        let (mut s0, mut e0) = (start, end);
        // "Storm Agnes": the model often leaves the storm word out and
        // reads the name as a person's.
        if s0 > 0
            && tags[s0 - 1] == 0
            && s[s0 - 1].class == Class::Capitalized
            && heads::is_storm_word(&s[s0 - 1].lower)
        {
            s0 -= 1;
        }
        while s0 < e0 && credential(s0) {
            s0 += 1;
        }
        // A contraction alone is no name; one opening a longer span is
        // most often a title ("I've Got A Woman"), left whole.
        if e0 == s0 + 1 && is_contraction(s, s0) {
            s0 = e0;
        }
        // A party and state after a lawmaker's name ("R-Calif.", "D-NY")
        // and an abbreviated title alone before a person's name ("Sen."
        // of "Sen. Chuck Schumer" cut off at a sentence start) are no
        // names.
        if e0 == s0 + 1
            && (is_party_and_state(&s[s0])
                || (is_abbreviated_title(&s[s0]) && tags.get(e0).is_some_and(|&t| t == begin(PER))))
        {
            s0 = e0;
        }
        // "X." alone (a section mark, a list's letter): an initial with no
        // name after it is no name.
        if e0 == s0 + 1 && is_initial(&s[s0]) && s.get(e0).is_none_or(|t| !t.class.is_capital()) {
            s0 = e0;
        }
        // "Lt. Gen." before a person's name: offices alone are no name.
        if e0 > s0
            && (s0..e0).all(|i| is_office_abbreviation(&s[i]))
            && s.get(e0).is_some_and(|t| t.class == Class::Capitalized)
        {
            s0 = e0;
        }
        let uncut = e0;
        while e0 > s0
            && (credential(e0 - 1)
                || ends_on_stray_mark(s, s0, e0)
                || dangling(s, e0 - 1)
                || is_contraction(s, e0 - 1)
                || (e0 > s0 + 1 && opens_office(s, e0 - 1))
                || (e0 > s0 + 1 && titles_next_name(s, e0 - 1)))
        {
            e0 -= 1;
        }
        // "Texas Sen." cut to "Texas": a state or country, whatever the
        // office made the model read.
        let office_cut = e0 < uncut && s.get(e0).is_some_and(is_office_abbreviation);
        // "Scottish Parliament": a nationality the model tagged alone
        // takes the body of state written after it (an organization by
        // its head, below).
        if ty == MISC
            && e0 == s0 + 1
            && e0 == end
            && tags.get(e0) == Some(&0)
            && s.get(e0)
                .is_some_and(|t| t.class == Class::Capitalized && heads::is_body_of_state(&t.lower))
        {
            e0 += 1;
        }
        // "Abdel Fattah el-Sisi", "Ayman al-Zawahiri", "Ansar
        // al-Sharia": the model stops before a person's or a group's last
        // word written with its particle in lowercase. Not after a place,
        // which such a word follows as its own name ("Cairo al-Ahram").
        if ty != LOC
            && e0 == end
            && e0 > s0
            && tags.get(e0) == Some(&0)
            && is_particle_surname(s, e0)
        {
            e0 += 1;
        }
        // A month with its day after any name ends the name, not the
        // name the month: "… Xfinity Center July 3 …" in a tour's dates
        // written one to a line, "NEW YORK Sept. 11, 2004 -" in a
        // dateline with the month cut short.
        // A month right after a given name, with no day after it, is the
        // surname ("Jill June", "Hannah May").
        let day_follows = s.get(e0).is_some_and(|t| t.class == Class::Digits);
        let month_surname = e0 == s0 + 2
            && !day_follows
            && !is_weekday(&s[e0 - 1].lower)
            && s[s0].names & list::FIRST_NAME != 0;
        if e0 > s0 + 1
            && (is_calendar_word(s, e0 - 1) && (ty == PER && !month_surname || day_follows)
                || is_short_month(s, e0 - 1) && day_follows
                || (ty == ORG || ty == LOC) && dated_by_weekday(s, s0, e0))
        {
            e0 -= 1;
        }
        // "Mr Brown", "Ms Druyun" tagged whole as a place or an
        // organization: a courtesy title opens only a person's name (the
        // name is retyped below, as after a title outside the span). Not
        // "Miss", nor a misc span: "Miss World", "Mr Universe" are
        // contests; nor a company or institution named after a person
        // ("Mr Pugh Ltd", "Mrs Smith's Hospital").
        if (ty == LOC || ty == ORG)
            && (2..=4).contains(&(e0 - s0))
            && is_courtesy_title(&s[s0], false)
            && s[s0 + 1].class.is_capital()
            && !ends_institutions_name(&s[e0 - 1].lower)
        {
            s0 += 1;
        }
        // "Justice Jo Doe", "Senator Al Roe", "Justice Roe" tagged whole
        // as an organization or a place: an office, then a census first
        // name or a census surname last, is the office's holder ("Justice
        // Antonin Scalia": "Antonin" is on no list, "Scalia" is; alone
        // after the office, only a surname: "Justice Department" is none).
        let office_holder = (ty == LOC || ty == ORG)
            && (2..=4).contains(&(e0 - s0))
            && s[s0].class == Class::Capitalized
            && HOLDERS_OFFICES.contains(&s[s0].lower.as_str())
            && (s0 + 1..e0).all(|i| s[i].class.is_capital())
            && (s[e0 - 1].names & list::SURNAME != 0
                || e0 - s0 > 2 && s[s0 + 1].names & list::FIRST_NAME != 0)
            && !ends_institutions_name(&s[e0 - 1].lower)
            && !heads::ends_company(&s[e0 - 1].lower);
        if office_holder {
            s0 += 1;
        }
        if ty == PER {
            while s0 + 1 < e0
                && (only(s0, list::TITLE)
                    || is_royal_title(s, s0)
                    || is_offices_abbreviation(&s[s0]))
                && s[s0 + 1].class.is_capital()
            {
                s0 += 1;
            }
        }
        // "COO of Doosan Heavy Industries": an office's initialism and
        // "of" open no name; the name is what follows.
        if e0 > s0 + 2
            && s[s0].class == Class::AllCaps
            && initialisms::is_common_initialism(&s[s0].lower, true, false)
            && s[s0 + 1].lower == "of"
            && s[s0 + 2].class.is_capital()
        {
            s0 += 2;
        }
        // "the AI boom", "EV makers", "the IPO": a thing's initialism is
        // no name.
        let common_initialism = e0 == s0 + 1 && {
            let t = &s[s0];
            let plural_caps =
                t.class == Class::Mixed && t.lower.ends_with('s') && t.lower.len() >= 3;
            initialisms::is_common_initialism(&t.lower, t.class == Class::AllCaps, plural_caps)
        };
        // "the 2016 campaign": a number alone is no name.
        let digits_only = e0 > s0
            && (s0..e0)
                .all(|i| !s[i].lower.is_empty() && s[i].lower.bytes().all(|b| b.is_ascii_digit()));
        if common_initialism
            || digits_only
            || is_spelled_number(s, s0, e0)
            || is_numbering(s, s0, e0)
            || is_ranking(s, s0, e0)
            || is_era_mark(s, s0, e0)
            || is_genus(s, s0, e0)
            || names_a_disease(s, s0, e0)
            || features::is_common_word_form_first(s, s0, e0)
        {
            s0 = e0;
        }
        // "HB 20", "SB 8", "H.R. 1": a bill, with its number; "BBC Radio
        // 4", "Channel 5": a station, with its number.
        if is_bill_number(s, s0, e0) || (ty == ORG && is_numbered_station(s, s0, e0)) {
            e0 += 1;
        }
        // "S&P 500 rose", "the Stoxx 600 index": an index and its count
        // of stocks are one name (the model leaves the number out).
        let index = e0 == end
            && e0 > s0
            && tags.get(e0) == Some(&0)
            && s.get(e0).is_some_and(|t| {
                t.class == Class::Digits
                    && markets::counts_an_index(&t.lower, s.get(e0 + 1).map(|n| n.lower.as_str()))
            });
        if index {
            e0 += 1;
        }
        // "Senate Bill 12", "House Bill 1": the chamber, "Bill" and the
        // number are one law (the model took "Bill" for a first name).
        let chamber_bill = chamber_bill(s, s0, e0);
        if let Some(chamber) = chamber_bill {
            s0 = chamber;
            e0 += 1;
        }
        let drug = e0 > s0 && (s0..e0).all(|i| only(i, list::DRUG));
        let new_ty = if ty != MISC
            && (index
                || drug
                || is_period(s, s0, e0)
                || is_exit_word(s, s0, e0)
                || is_bill(s, s0, e0)
                || is_day_name(s, s0, e0)
                || chamber_bill.is_some())
        {
            MISC
        } else if ty != PER
            && e0 > s0
            && e0 - s0 <= 3
            && (office_holder
                || follows_honorific(s, s0)
                || !title_case && follows_office(s, tags, s0, e0, ty, gaz))
        {
            PER
        } else if ty != LOC
            && (office_cut || e0 == end && office_follows(s, e0))
            && names_region_or_country(s, s0, e0, gaz)
        {
            LOC
        } else if ty == LOC && end - start <= 2 && airline_word(s, tags, start) {
            s0 = start - 1;
            ORG
        } else if e0 > s0 {
            heads::retype(s, s0, e0, ty, gaz).unwrap_or(ty)
        } else {
            ty
        };
        if (s0, e0, new_ty) == (start, end, ty) {
            continue;
        }
        for t in tags.iter_mut().take(end).skip(start) {
            *t = 0;
        }
        if e0 > s0 {
            tagger::mark(tags, s0, e0, new_ty);
        }
    }
    // After the spans' repairs, whose head words would retype a title
    // ("Harvest in the Valley" is no valley).
    tag_named_works(s, tags);
    tag_quoted_title_case(s, tags);
    introduced::tag_introduced_organizations(s, tags, gaz);
    introduced::tag_described_organizations(s, tags);
    type_possessing_companies(s, tags);
    type_city_and_state_code(s, tags);
    type_dateline_agency(s, tags);
    coordinated::type_listed_companies(s, tags);
    coordinated::type_listed_places(s, tags);
    coordinated::type_kin_lists(s, tags);
    subjects::tag_person_subjects(s, tags, gaz);
    if !title_case {
        portfolios::untag(s, tags, gaz);
    }
}

/// Cuts a span in two where a capitalized determiner or pronoun follows a
/// word ending with a dot ("Holdings Ltd. The Commerce Department"): the
/// dot ended a sentence, and what follows is another name (or none). The
/// determiner leaves both; the second part keeps the type until the
/// repairs of its own span.
fn split_at_sentence_starts(s: &[Token], tags: &mut [u8]) {
    for i in 1..tags.len().min(s.len()) {
        if !tagger::is_inside(tags[i])
            || !s[i - 1].lower.ends_with('.')
            || !capitalized_in(s, i, SENTENCE_OPENERS)
        {
            continue;
        }
        let ty = tagger::type_of(tags[i]);
        tags[i] = 0;
        if let Some(next) = tags.get_mut(i + 1)
            && tagger::is_inside(*next)
            && tagger::type_of(*next) == ty
            && let Some(ty) = ty
        {
            *next = begin(ty);
        }
    }
}

/// Cuts a span at a dash that stands as a word of its own ("MANCHESTER,
/// N.H. - At a rally", "Kenya – Uganda"): the tokenizer keeps a hyphen
/// inside a word ("Saint-Gaudens", "al–Sharia"), so a dash alone
/// separates what is on either side. The dash leaves the span; what
/// follows it keeps the type until the repairs of its own span (which
/// drop a common word such as "At"), unless it is a region or a country
/// of the table, a place ("G-7 -- Britain").
fn split_at_dashes(s: &[Token], tags: &mut [u8], spaced: &[usize], gaz: &Gazetteer) {
    for i in 1..tags.len().min(s.len()) {
        if !tagger::is_inside(tags[i]) || !(is_dash(&s[i]) || spaced.contains(&i)) {
            continue;
        }
        let Some(ty) = tagger::type_of(tags[i]) else {
            continue;
        };
        tags[i] = 0;
        let rest = i + 1;
        let mut end = rest;
        while end < tags.len()
            && tagger::is_inside(tags[end])
            && tagger::type_of(tags[end]) == Some(ty)
        {
            end += 1;
        }
        if end > rest {
            let ty = if names_region_or_country(s, rest, end, gaz) {
                LOC
            } else {
                ty
            };
            tagger::mark(tags, rest, end, ty);
        }
    }
}

/// An abbreviated title ending a span before a capitalized word ("Florida
/// Sen." of "Florida Sen. Jo Doe", "Ohio Gov." of "Ohio Gov. Jo Doe"):
/// the title opens the person's name after it, and leaves the state's.
fn titles_next_name(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(is_office_abbreviation)
        && s.get(i + 1).is_some_and(|t| t.class == Class::Capitalized)
}

/// A capital letter and its dot ("J.", "X.").
fn is_initial(t: &Token) -> bool {
    let mut chars = t.lower.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
        && t.class != Class::Lower
}

/// Whether an office of a state's or country's holders follows at `i`
/// ("Ohio Gov. Jo Doe", "Texas senators", "Ohio governors do not …"):
/// the name before it is the state, not an organization.
fn office_follows(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        is_office_abbreviation(t)
            || matches!(
                t.lower.as_str(),
                "governor"
                    | "governors"
                    | "senator"
                    | "senators"
                    | "congressman"
                    | "congresswoman"
                    | "lawmakers"
                    | "legislators"
            )
    })
}

/// Whether the words `s0..e0` name a region or a country of the table
/// ("Texas", "South Carolina").
fn names_region_or_country(s: &[Token], s0: usize, e0: usize, gaz: &Gazetteer) -> bool {
    gaz.candidates(&features::lower_name(s, s0, e0))
        .iter()
        .any(|p| matches!(p.kind, Kind::Region | Kind::Country))
}

/// One of the [`OFFICE_ABBREVIATIONS`], capitalized.
fn is_office_abbreviation(t: &Token) -> bool {
    t.class == Class::Capitalized && OFFICE_ABBREVIATIONS.contains(&t.lower.as_str())
}

/// Offices news abbreviates before a holder's name (and before several
/// holders' names: "Sens. Jo Doe and Al Roe").
const OFFICE_ABBREVIATIONS: &[&str] = &[
    "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "cmdr.",
    "supt.", "atty.", "amb.", "sens.", "reps.", "govs.", "gens.",
];

/// An office abbreviated in the plural before several holders' names
/// ("Sens." of "Sens. Jo Doe and Al Roe"): never part of one person's
/// name, where labelled sets may keep a singular one ("Lt. Gen. Jo Doe").
fn is_offices_abbreviation(t: &Token) -> bool {
    is_office_abbreviation(t) && matches!(t.lower.as_str(), "sens." | "reps." | "govs." | "gens.")
}

/// Offices that only a person holds, written before the holder's name
/// (not a royal or saint's title, which also names places and
/// institutions: "Prince Edward Island", "St. Louis").
const HOLDERS_OFFICES: &[&str] = &[
    "justice",
    "judge",
    "senator",
    "governor",
    "mayor",
    "president",
    "secretary",
    "minister",
    "chancellor",
    "ambassador",
    "commissioner",
    "congressman",
    "congresswoman",
    "representative",
    "sen.",
    "gov.",
    "rep.",
];

/// A dash written as a word of its own: en and em dashes, the horizontal
/// bar, doubled hyphens. A lone hyphen is one only where the text spaces
/// it (`spaced`): labelled sets split hyphenated names around it ("Saint
/// - Gaudens").
fn is_dash(t: &Token) -> bool {
    let mut chars = t.lower.chars();
    t.lower == "--" || matches!((chars.next(), chars.next()), (Some(c), None) if tokens::is_dash(c))
}

/// A pronoun's contraction written as one word ("I’m", "I'd", "we’ll",
/// "you're"): capitalized at a sentence's start, never a name.
fn is_contraction(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        let Some((head, tail)) = t.lower.split_once(['\'', '’']) else {
            return false;
        };
        matches!(
            head,
            "i" | "we" | "you" | "they" | "he" | "she" | "it" | "that" | "there"
        ) && matches!(tail, "m" | "d" | "ll" | "ve" | "re" | "s")
    })
}

/// A capitalized word that opens an office ("Managing", "Chief", "Deputy")
/// followed by a capitalized title word or another such opener ("Managing
/// Director", "Chief Executive Officer"): the office belongs to the person
/// named after it, not to the name before it ("Acme Energy Managing").
fn opens_office(s: &[Token], i: usize) -> bool {
    capitalized_in(s, i, OFFICE_OPENERS)
        && s.get(i + 1).is_some_and(|t| {
            t.class == Class::Capitalized
                && (t.names & list::TITLE != 0 || capitalized_in(s, i + 1, OFFICE_OPENERS))
        })
}

/// Joins a span that ends on a lowercase joiner ("City of", "State Law
/// and") to the span right after it: the model cut one name in two, and
/// the joiner it kept is the evidence ("City of Buenos Aires"). The joined
/// name keeps the first part's type.
fn rejoin(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for w in spans.windows(2) {
        let ((a, b, ty), (c, d, _)) = (w[0], w[1]);
        if b == c
            && b - a >= 2
            && s[a].class.is_capital()
            && dangling(s, b - 1)
            && s[c].class.is_capital()
        {
            for t in tags.iter_mut().take(d).skip(c) {
                *t = inside(ty);
            }
        }
    }
}

/// Longest name after a natural feature's "of" that [`join_natural_feature`]
/// takes when the model left it untagged.
const MAX_FEATURE_NAME: usize = 3;

/// Joins a natural feature's word, "of" (and "the") and the name after
/// it into one place: "Gulf" + "of" + "Mexico", "Strait" + "of" + "Hormuz",
/// which the model cut at the "of" (and "Mexico" alone is the country).
/// The feature's word is the model's one-word span or untagged; the name
/// after it the model's span, or up to [`MAX_FEATURE_NAME`] untagged
/// capitalized words.
fn join_natural_feature(s: &[Token], tags: &mut [u8]) {
    let capital = |i: usize| s.get(i).is_some_and(|t| t.class == Class::Capitalized);
    let lower = |i: usize| s.get(i).map(|t| t.lower.as_str());
    let is_begin = |t: u8| t > 0 && !tagger::is_inside(t);
    let mut i = 0;
    while i + 2 < s.len() {
        let alone = tags.get(i) == Some(&0)
            || (tags.get(i).is_some_and(|&t| is_begin(t))
                && !tags.get(i + 1).is_some_and(|&t| tagger::is_inside(t)));
        if !(capital(i)
            && alone
            && lower(i).is_some_and(heads::opens_natural_feature_of)
            && lower(i + 1) == Some("of")
            && tags.get(i + 1) == Some(&0))
        {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        if lower(j) == Some("the") && tags.get(j) == Some(&0) {
            j += 1;
        }
        let end = match tags.get(j) {
            Some(&t) if capital(j) && is_begin(t) => {
                let mut e = j + 1;
                while tags.get(e).is_some_and(|&t| tagger::is_inside(t)) {
                    e += 1;
                }
                e
            }
            Some(0) if capital(j) => {
                let mut e = j + 1;
                while e - j < MAX_FEATURE_NAME && capital(e) && tags.get(e) == Some(&0) {
                    e += 1;
                }
                e
            }
            _ => j,
        };
        if end > j {
            tagger::mark(tags, i, end, LOC);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Joins a person's name and the organization right after it, with
/// nothing between, into one organization when the second ends on an
/// institution's head word ("Walter Brigham" + "National Medical Center",
/// "Tony Blair" + "Institute"): an institution named after a person,
/// which the model cut where the person's name ends.
fn join_named_institution(s: &[Token], tags: &mut [u8]) {
    let spans = tagger::spans(tags);
    for w in spans.windows(2) {
        let ((a, b, ty), (c, d, next)) = (w[0], w[1]);
        let last = d - 1;
        if b == c
            && ty == PER
            && next == ORG
            && s[c..d].iter().all(|t| t.class.is_capital())
            && (heads::ends_institution(&s[last].lower) || heads::is_centre_of_care(s, last))
        {
            tagger::mark(tags, a, d, ORG);
        }
    }
}

/// Joins the names on both sides of an untagged "&" into one
/// organization: "Johnson & Johnson", "Marks & Spencer", "Ernst & Young"
/// are firms named after their founders, which the model reads as two
/// people. Each side is the model's span there, or one capitalized word;
/// at least one side is a span the model found, so a heading's "Arts &
/// Culture" stays as it is. Left apart: places ("Paris & London"),
/// nationalities and other miscellany ("Israeli & European", "Christmas &
/// New Year"), two people one of whom is written in full ("Matt Lucas &
/// David Walliams", "Matt Lucas & David"), two first names that are no company's ("Harry &
/// Meghan"), two organizations the model found ("MTV & Wild on E"), and a
/// lone word that is a title or an institution's ("Head of UK Office &
/// Strategic Partnerships").
fn join_ampersand(s: &[Token], tags: &mut [u8]) {
    for i in 1..s.len().saturating_sub(1) {
        if s[i].lower != "&" || tags[i] != 0 {
            continue;
        }
        let word = |j: usize| {
            matches!(s[j].class, Class::Capitalized | Class::AllCaps)
                && s[j].names & list::TITLE == 0
                && !is_abbreviated_title(&s[j])
                && !heads::opens_institution(&s[j].lower)
        };
        let spans = tagger::spans(tags);
        let left = spans.iter().find(|&&(_, b, _)| b == i).copied();
        let right = spans.iter().find(|&&(a, _, _)| a == i + 1).copied();
        let ty = match (left, right) {
            (None, None) => continue,
            (Some((_, _, ty)), None) | (None, Some((_, _, ty))) => ty,
            (Some((a, b, l)), Some((c, d, r))) => {
                let first_names =
                    |x: usize| s[x].names & (list::FIRST_NAME | list::COMPANY) == list::FIRST_NAME;
                let two_people = l == PER
                    && r == PER
                    && (b - a > 1 || d - c > 1 || (first_names(a) && first_names(c)));
                if two_people || (l == ORG && r == ORG) || l == LOC || r == LOC {
                    continue;
                }
                ORG
            }
        };
        // A person in full beside a lone first name: two people cut short
        // ("Matt Lucas & David").
        let full_name = |span: Option<(usize, usize, usize)>| {
            span.is_some_and(|(a, b, t)| t == PER && b - a > 1)
        };
        let first_name = |j: usize| s[j].names & list::FIRST_NAME != 0;
        if (full_name(left) && right.is_none() && first_name(i + 1))
            || (full_name(right) && left.is_none() && first_name(i - 1))
        {
            continue;
        }
        if ty == MISC
            || ty == LOC
            || left.is_some_and(|(_, _, t)| t == MISC)
            || right.is_some_and(|(_, _, t)| t == MISC)
            || (left.is_none() && !word(i - 1))
            || (right.is_none() && !word(i + 1))
        {
            continue;
        }
        let ty = ORG;
        let a = left.map_or(i - 1, |(a, _, _)| a);
        let b = right.map_or(i + 2, |(_, d, _)| d);
        tagger::mark(tags, a, b, ty);
    }
}

/// Joins a name the model cut at its "and" where the subjects before it
/// are ordinary words, capitalized only because they are the name's
/// ("Competition | and Markets Authority", "Infrastructure Investment |
/// and Jobs Act", "Digital Markets, Competition | and Consumers Act",
/// "Lunar | and Planetary Laboratory"). The part after "and" is a span of
/// common words ending on a body's, an event's or a law's head word
/// ([`heads::is_coordinated_head`]); the part before it is one to three
/// runs of common capitalized words joined by commas, tagged or not, no
/// person's. A name word news capitalizes anyway ("Barclays, HSBC and
/// Lloyds Bank", "Paris and Berlin Police") stops the join, so two names
/// are never made one ([`repair`] leaves headings in title case out,
/// whose words are capitalized but for their small words). The joined name is an
/// organization, or misc when the model read its head part so (laws,
/// events).
fn join_coordinated_name(s: &[Token], tags: &mut [u8]) {
    let common = |i: usize| s[i].class == Class::Capitalized && s[i].is_common_word();
    for (c, d, ty) in tagger::spans(tags) {
        if d - c < 2
            || c < 2
            || tags[c - 1] != 0
            || !matches!(s[c - 1].lower.as_str(), "and" | "&")
            || s[d - 1].class != Class::Capitalized
            || !heads::is_coordinated_head(&s[d - 1].lower)
            || !(c..d - 1).all(common)
        {
            continue;
        }
        // The subjects before "and" (an Oxford comma allowed), run by run
        // leftwards over commas.
        let mut k = if is_comma(s, c - 2) { c - 2 } else { c - 1 };
        let mut a = c - 1;
        for _ in 0..MAX_COORDINATED {
            let mut j = k;
            while j > 0 && k - j < MAX_CONTINUATION && common(j - 1) && tags[j - 1] != begin(PER) {
                j -= 1;
            }
            if j == k {
                break;
            }
            a = j;
            if j >= 2 && is_comma(s, j - 1) && common(j - 2) {
                k = j - 1;
            } else {
                break;
            }
        }
        let before = a.checked_sub(1);
        if a >= c - 1
            || tagger::is_inside(tags[a])
            || (a..c).any(|i| tagger::type_of(tags[i]) == Some(PER))
            || before.is_some_and(|i| s[i].class.is_capital() || tags[i] != 0)
        {
            continue;
        }
        let joined = if ty == MISC { MISC } else { ORG };
        tagger::mark(tags, a, d, joined);
    }
}

/// Most comma-joined runs of subjects before a coordinated name's "and".
const MAX_COORDINATED: usize = 3;

/// A heading in title case: it writes only its small words in lowercase.
fn is_title_case(s: &[Token]) -> bool {
    !s.iter()
        .any(|t| t.class == Class::Lower && !features::SMALL_WORDS.contains(&t.lower.as_str()))
}

/// Tags as an organization the capitalized words after "the" (lowercase,
/// or opening the sentence) that end on an institution's head word and that the model left
/// untagged ("the Home Office", "the Met Office", "the Patent Office"):
/// mid-sentence, after the article, such capitals name the body. Two to
/// four words, none tagged or on a place list. [`repair`] leaves headings
/// in title case out, where every word is capitalized.
fn tag_untagged_institutions(s: &[Token], tags: &mut [u8]) {
    let mut i = 1;
    while i < s.len() {
        let from = i;
        let mut end = i;
        while end < s.len()
            && end - from < MAX_CONTINUATION
            && tags[end] == 0
            && s[end].class == Class::Capitalized
            && !heads::in_place_name(&s[end])
        {
            end += 1;
        }
        let after_the =
            s[from - 1].lower == "the" && (from == 1 || s[from - 1].class == Class::Lower);
        let ends_run = s
            .get(end)
            .is_none_or(|t| !t.class.is_capital() && tags[end] == 0);
        if end >= from + 2 && after_the && ends_run && heads::ends_institution(&s[end - 1].lower) {
            tagger::mark(tags, from, end, ORG);
        }
        i = end.max(from + 1);
    }
}

/// Joins a ruler's title to the institution named after the ruler ("Queen
/// Elizabeth Hospital", "King Edward VII Hospital", "King's College
/// London", "Queen's University Belfast"): the model, which keeps royal
/// titles out of people's names as CoNLL-2003 does, leaves the title out
/// or reads it with the ruler's name as another name. A span holding an
/// institution's head word (see `heads::ends_institution`) takes the
/// title right before it, with "'s" between or the ruler's name tagged
/// apart, and is an organization.
fn join_royal_institution(s: &[Token], tags: &mut [u8]) {
    for (a, b, _) in tagger::spans(tags) {
        if a == 0 || !(a..b).any(|i| heads::ends_institution(&s[i].lower)) {
            continue;
        }
        let possessive = matches!(s[a - 1].lower.as_str(), "'s" | "’s");
        let start = if possessive && a >= 2 && is_royal_title(s, a - 2) {
            a - 2
        } else if tags[a - 1] == 0 && is_royal_title(s, a - 1) {
            a - 1
        } else {
            // The ruler's name tagged apart, right before: "King Edward".
            let mut k = a;
            while k > 0 && tagger::is_inside(tags[k - 1]) {
                k -= 1;
            }
            if k == a || k == 0 || tags[k - 1] == 0 || !is_royal_title(s, k - 1) {
                continue;
            }
            k - 1
        };
        tagger::mark(tags, start, b, ORG);
    }
}

/// Head words an institution named after its founder or saint takes
/// with a possessive ("Guy's Hospital", "St John's College").
const FOUNDED_HEADS: &[&str] = &["hospital", "infirmary", "college", "school", "academy"];

/// Joins a name, its possessive and the institution's head word alone
/// after it ("Guy's Hospital", "St Mary's Hospital", "St Thomas'
/// Hospital", "St John's College"), which the model splits into two
/// names, most often two places: an institution named after its founder
/// or saint, an organization. Only the head word alone, with no capital
/// nor "of" or "for" after it: "Britain's Royal Navy", "China's Commerce
/// Ministry" and "Eton's School of Music" are a place and its body.
fn join_possessive_institution(s: &[Token], tags: &mut [u8]) {
    for i in 1..s.len().saturating_sub(1) {
        let possessive = match s[i].lower.as_str() {
            "'s" | "’s" => true,
            // "St Thomas' Hospital": the apostrophe alone after an s.
            "'" | "’" => s[i - 1].lower.ends_with('s'),
            _ => false,
        };
        let head_alone = s[i + 1].class == Class::Capitalized
            && FOUNDED_HEADS.contains(&s[i + 1].lower.as_str())
            && !tagger::is_inside(tags[i + 1])
            && s.get(i + 2)
                .is_none_or(|t| !t.class.is_capital() && !matches!(t.lower.as_str(), "of" | "for"))
            && tags.get(i + 2).is_none_or(|&t| !tagger::is_inside(t));
        if !possessive
            || !head_alone
            || tags[i] != 0
            || !matches!(s[i - 1].class, Class::Capitalized | Class::Mixed)
        {
            continue;
        }
        let mut start = i - 1;
        while start > 0 && tagger::is_inside(tags[start]) {
            start -= 1;
        }
        tagger::mark(tags, start, i + 2, ORG);
    }
}

/// Tags as misc a title in quotation marks: every word of the quote
/// capitalized but its small words, two words or more ("The Salt
/// Orchard", "Low Tide Hymns", "Beetlejuice Beetlejuice"). News quotes the
/// titles of films, books, albums, series and songs so; what the model
/// read inside them (a person in "Paper Moons", a street in "Harrow
/// Street") is the work's name. Quoted speech has lowercase words and is
/// left alone, and so is a name the model ran on past the quote.
fn tag_quoted_titles(s: &[Token], tags: &mut [u8]) {
    let mut i = 0;
    while i < s.len() {
        let t = &s[i];
        let len = usize::from(t.run_len);
        if t.run_pos & 1 == 0 || t.run_pos & 4 == 0 || len < 2 {
            i += 1;
            continue;
        }
        let end = i + len;
        let inside_past = tags.get(end).is_some_and(|&g| tagger::is_inside(g));
        let cut_before = tags.get(i).is_some_and(|&g| tagger::is_inside(g));
        // An organization or a place the model read across the whole
        // quote ("Cary Towne Center") stays one, but after a work's noun
        // or a possessive ("the BBC series "Harrow Street"", "Tim
        // Burton's "Beetlejuice Beetlejuice"").
        let whole = tagger::spans(&tags[i..end]);
        let named =
            matches!(whole.as_slice(), [(0, b, ty)] if *b == len && (*ty == ORG || *ty == LOC));
        if !inside_past && !cut_before && (!named || after_work_cue(s, i - 1)) {
            tagger::mark(tags, i, end, MISC);
        }
        i = end;
    }
}

/// Words a quoted title in title case may hold.
const MAX_QUOTED_TITLE: usize = 12;

/// Tags as misc a title in quotation marks written in title case with
/// small words in it ("“Takin’ It to the Streets,”", "“Listen to the
/// Music”"), which [`tag_quoted_titles`] does not see: its runs of
/// capitalized words stop at "to" and "the", and the model reads the
/// pieces as a person and an organization. Three words or more, the first
/// and last capitalized, the others capitalized or small words, and
/// perhaps a comma or a full stop before the closing mark (as American
/// copy sets it). Only where the model read names in it or a work's noun
/// or a possessive comes before it: a quoted motto or award left untagged
/// ("“Video of the Year”") stays so. An organization or a place the model
/// read across the whole quote stays one, but after a work's noun or a
/// possessive. After the spans' repairs, whose head words would retype a
/// title ("“Year of the River”" is no river).
fn tag_quoted_title_case(s: &[Token], tags: &mut [u8]) {
    let opening = |t: &Token| matches!(t.lower.as_str(), "“" | "\"");
    let closing = |t: &Token| matches!(t.lower.as_str(), "”" | "\"");
    let mut i = 0;
    while i < s.len() {
        if !opening(&s[i]) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < s.len()
            && end - start < MAX_QUOTED_TITLE
            && (s[end].class.is_capital() || TITLE_SMALL_WORDS.contains(&s[end].lower.as_str()))
        {
            end += 1;
        }
        let mut close = end;
        if s.get(close)
            .is_some_and(|t| matches!(t.lower.as_str(), "," | "."))
        {
            close += 1;
        }
        let words = end - start;
        let shaped = words >= 3
            && s.get(close).is_some_and(closing)
            && s[start].class.is_capital()
            && s[end - 1].class.is_capital()
            && (start..end).any(|k| s[k].class == Class::Lower)
            && !tags.get(start).is_some_and(|&g| tagger::is_inside(g))
            && !tags.get(end).is_some_and(|&g| tagger::is_inside(g));
        // Only a quote of that shape pays for reading the spans in it.
        let take = shaped
            && (after_work_cue(s, i)
                || {
                    let whole = tagger::spans(&tags[start..end]);
                    let named = matches!(whole.as_slice(), [(0, b, ty)] if *b == words && (*ty == ORG || *ty == LOC));
                    !named && tags[start..end].iter().any(|&g| g != 0)
                });
        if take {
            for t in &mut tags[start..end] {
                *t = 0;
            }
            tagger::mark(tags, start, end, MISC);
        }
        i = end.max(i + 1);
    }
}

/// Tags as misc a work's title written without quotation marks after its
/// noun ("her album Midnights", "the 2011 film Salmon Fishing in the
/// Yemen", "the BBC drama Line of Duty"): capitalized words, and small
/// words between them. The noun must be introduced (a determiner or a
/// possessive before it, over adjectives, a year or a network's name), so
/// that a verb of the same spelling is not read as one. A title of several
/// words with small words in it is one work whatever the model read in it;
/// a shorter one is a work where the model saw a place or nothing ("the
/// musical Hamilton"), and an organization is left alone ("the
/// documentary CNN aired"); a person is the name rules' to judge
/// ([`heads::retype`]: "the song Swift wrote" is read as a title).
fn tag_named_works(s: &[Token], tags: &mut [u8]) {
    for i in 0..s.len().saturating_sub(1) {
        if s[i].class != Class::Lower || !heads::is_work_noun(&s[i].lower) || !introduced(s, i) {
            continue;
        }
        let start = i + 1;
        let mut end = start;
        let mut k = start;
        let mut small = false;
        let title_word = |k: usize| {
            s.get(k)
                .is_some_and(|t| t.class.is_capital() && !is_calendar_word(s, k))
        };
        while k < s.len() {
            if title_word(k) {
                k += 1;
                end = k;
                continue;
            }
            let mut next = k;
            while s
                .get(next)
                .is_some_and(|t| TITLE_SMALL_WORDS.contains(&t.lower.as_str()))
            {
                next += 1;
            }
            if k == start || next == k || next - k > 2 || !title_word(next) {
                break;
            }
            small = true;
            k = next;
        }
        if end == start
            || tags.get(start).is_some_and(|&g| tagger::is_inside(g))
            || tags.get(end).is_some_and(|&g| tagger::is_inside(g))
            || (end == start + 1 && crate::extract::keywords::is_stop(&s[start].lower))
        {
            continue;
        }
        // The model often leaves a title's article out ("The Crown").
        let article = usize::from(s[start].lower == "the");
        let found = tagger::spans(&tags[start..end]);
        let work = small
            || match found.as_slice() {
                [] => true,
                [(a, b, ty)] => *a <= article && *b == end - start && (*ty == LOC || *ty == MISC),
                _ => false,
            };
        if work {
            tagger::mark(tags, start, end, MISC);
        }
    }
}

/// Small words a title keeps between its capitalized words ("Line of
/// Duty", "Salmon Fishing in the Yemen", "It's A Wonderful Life"); not
/// "with", which more often joins a person to the title than stands in it.
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "in", "the", "and", "a", "an", "to", "for", "on", "at", "from", "'s", "’s",
];

/// Whether a determiner or a possessive introduces the noun at `i`, over
/// at most three adjectives, years or capitalized words ("her new album",
/// "the 2011 British comedy film", "Nolan's film", "the Netflix series").
fn introduced(s: &[Token], i: usize) -> bool {
    for k in (i.saturating_sub(4)..i).rev() {
        let t = &s[k];
        let w = t.lower.as_str();
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "whose"
                | "'s"
                | "’s"
        ) || (t.class.is_capital() && (w.ends_with("'s") || w.ends_with("’s")))
        {
            return true;
        }
        let between = t.class == Class::Digits
            || t.class.is_capital()
            || (t.class == Class::Lower && !crate::extract::keywords::is_stop(w));
        if !between {
            return false;
        }
    }
    false
}

/// Tags as people the names a wire credit line gives after "Reporting
/// by", "Writing by" or "Editing by" ("Reporting by Ellen Marsh in
/// Washington and Tom Kessler; Editing by Ravi Desai"): two to four
/// capitalized words each, joined by "and" or commas, a place after "in"
/// left as it is.
fn tag_credited_names(s: &[Token], tags: &mut [u8]) {
    for i in 1..s.len() {
        // The opening parenthesis may be written onto the word.
        let credit = s[i - 1].lower.trim_start_matches('(');
        if s[i].lower != "by" || !CREDIT_WORDS.contains(&credit) {
            continue;
        }
        let mut j = i + 1;
        loop {
            let mut k = j;
            while k < s.len() && k - j < 4 && s[k].class == Class::Capitalized {
                k += 1;
            }
            if k < j + 2 {
                break;
            }
            tagger::mark(tags, j, k, PER);
            if let Some(ty) = tags
                .get(k)
                .filter(|&&g| tagger::is_inside(g))
                .and_then(|&g| tagger::type_of(g))
            {
                tags[k] = begin(ty);
            }
            j = k;
            if s.get(j).is_some_and(|t| t.lower == "in") {
                j += 1;
                while j < s.len() && s[j].class.is_capital() {
                    j += 1;
                }
            }
            if s.get(j).is_some_and(|t| t.lower == "and" || t.lower == ",") {
                j += 1;
            } else {
                break;
            }
        }
    }
}

/// Words before "by" in a wire credit line.
const CREDIT_WORDS: &[&str] = &["reporting", "editing", "writing"];

/// Whether the quotation mark at `quote` follows a work's noun ("the film
/// "…"", "his album, "…"") or a possessive ("Burton's "…"").
fn after_work_cue(s: &[Token], quote: usize) -> bool {
    let before = |k: usize| quote.checked_sub(k).and_then(|i| s.get(i));
    let cue = |t: &Token| {
        t.class == Class::Lower
            && (heads::is_work_noun(&t.lower) || QUOTED_WORK_NOUNS.contains(&t.lower.as_str()))
            || matches!(t.lower.as_str(), "'s" | "’s")
            || t.lower.ends_with("'s")
            || t.lower.ends_with("’s")
    };
    before(1).is_some_and(cue)
        || (before(1).is_some_and(|t| t.lower == ",") && before(2).is_some_and(cue))
}

/// Tags as an organization a one-word name, or a capitalized word the
/// model left untagged, followed by a possessive and what only a company
/// has ([`possessions`]): the model reads
/// unfamiliar brands as people ("Temu's owner", "Zara's owner Inditex")
/// or not at all ("Shein's parent company"). A place of the table keeps
/// its type (a country has revenue too), a full name its person, and a
/// stop word, a weekday or a month is no name ("Today's earnings").
fn type_possessing_companies(s: &[Token], tags: &mut [u8]) {
    for i in 0..s.len() {
        let possessive = s
            .get(i + 1)
            .is_some_and(|t| POSSESSIVES.contains(&t.lower.as_str()));
        if !possessive
            || !possessions::is_company_possession(|k| heads::seen(s, k), s.len(), i + 2)
            || s[i].gaz & heads::PLACES != 0
        {
            continue;
        }
        let tag = tags.get(i).copied().unwrap_or(0);
        let word = s[i].lower.as_str();
        let one_word_name = match tagger::type_of(tag) {
            Some(ty) => ty != ORG && !tagger::is_inside(tag),
            None => {
                s[i].class.is_capital()
                    && !crate::extract::keywords::is_stop(word)
                    && !is_calendar_word(s, i)
                    && !matches!(word, "today" | "yesterday" | "tomorrow" | "tonight")
            }
        };
        if !one_word_name || tags.get(i + 1).is_some_and(|&g| tagger::is_inside(g)) {
            continue;
        }
        tagger::mark(tags, i, i + 1, ORG);
        // The owner named after it is a company too ("Zara's owner
        // Inditex"), when the model made a one-word person of it.
        let mut k = i + 2;
        if !s
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "owner" | "parent"))
        {
            continue;
        }
        k += 1;
        if s.get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "company" | "group" | ","))
        {
            k += 1;
        }
        let one_word = tags
            .get(k)
            .is_some_and(|&g| g != 0 && !tagger::is_inside(g))
            && !tags.get(k + 1).is_some_and(|&g| tagger::is_inside(g));
        if one_word
            && tags.get(k).and_then(|&g| tagger::type_of(g)) != Some(ORG)
            && s.get(k).is_some_and(|t| t.gaz & heads::PLACES == 0)
        {
            tagger::mark(tags, k, k + 1, ORG);
        }
    }
}

/// Nouns of works whose titles news quotes, beyond the nouns a title
/// follows unquoted ([`heads::is_work_noun`]): these are as often verbs
/// or nouns of other things, so they cue only a quoted title.
const QUOTED_WORK_NOUNS: &[&str] = &[
    "films",
    "show",
    "single",
    "track",
    "book",
    "play",
    "programme",
    "program",
    "game",
    "hit",
];

/// Whether the span `a..b` names an institution by its opener
/// ("Department", "Institute", "Centers" …): `None` when it has none, else
/// whether a joiner of its own follows the opener ("Department of …",
/// "Office for …").
fn institution_joined(s: &[Token], a: usize, b: usize) -> Option<bool> {
    let opener = (a..b).find(|&i| {
        s[i].class == Class::Capitalized
            && (heads::opens_institution(&s[i].lower) || CENTERS.contains(&s[i].lower.as_str()))
    })?;
    Some(
        (opener + 1..b).any(|i| {
            s[i].class == Class::Lower && matches!(s[i].lower.as_str(), "of" | "for" | "on")
        }),
    )
}

/// Extends an institution with a joiner of its own over the list of
/// subjects its name goes on with past a comma, which the model cut
/// ("Department for Business | , Energy and Industrial Strategy",
/// "Ministry of Housing | , Communities and Local Government", "Department
/// for Digital | , Culture, Media and Sport"). The list is runs of
/// capitalized words joined by commas and a last "and" (an Oxford comma
/// allowed), every word one news writes in lowercase at least as often as
/// not ([`listed_subject`]): so the companies of "the Department of
/// Justice, Google and Apple", which news always capitalizes, stay names
/// of their own. Nothing capitalized or tagged may follow the list.
fn extend_institution_list(s: &[Token], tags: &mut [u8]) {
    for (a, b, ty) in tagger::spans(tags) {
        if ty != ORG || b - a < 3 || !is_comma(s, b) || institution_joined(s, a, b) != Some(true) {
            continue;
        }
        let run = |from: usize| {
            let mut c = from;
            while c < s.len() && c - from < MAX_CONTINUATION && listed_subject(s, tags, c) {
                c += 1;
            }
            (c > from).then_some(c)
        };
        let mut end = None;
        let mut at = b;
        for _ in 0..MAX_COORDINATED {
            // `at` is a comma: a run follows, then a comma or the last "and".
            let Some(c) = run(at + 1) else { break };
            let and = |i: usize| {
                s.get(i)
                    .is_some_and(|t| matches!(t.lower.as_str(), "and" | "&"))
            };
            let last_from = if and(c) {
                Some(c + 1)
            } else if is_comma(s, c) && and(c + 1) {
                Some(c + 2)
            } else {
                None
            };
            if let Some(from) = last_from {
                end = run(from);
                break;
            }
            if !is_comma(s, c) {
                break;
            }
            at = c;
        }
        let Some(end) = end else { continue };
        let followed = s
            .get(end)
            .is_some_and(|t| t.class.is_capital() || tags[end] != 0);
        if followed {
            continue;
        }
        for t in tags.iter_mut().take(end).skip(b) {
            *t = inside(ORG);
        }
    }
}

/// A word of an institution's list of subjects ("Energy", "Rural",
/// "Communities"): capitalized, written in lowercase mid-sentence at least
/// as often as not, on no place list, no title, no weekday or month, and
/// not a person's or a place's word the model found.
fn listed_subject(s: &[Token], tags: &[u8], i: usize) -> bool {
    institution_word(s, i)
        && s[i].caps.is_some_and(|k| k <= 2)
        && !matches!(tagger::type_of(tags[i]), Some(PER) | Some(LOC))
}

/// A word that may continue an institution's name past a joiner or a
/// comma: capitalized, on no place list, no title, no weekday or month
/// (one or many: "Security Council on Friday", "Mondays").
fn institution_word(s: &[Token], i: usize) -> bool {
    let t = &s[i];
    t.class == Class::Capitalized
        && !heads::in_place_name(t)
        && t.names & list::TITLE == 0
        && !is_calendar_word(s, i)
        && !is_plural_weekday(t)
}

/// Joiners that continue an institution's name past where the model cut
/// it ("National Institute | on Aging", "Office of Management | and
/// Budget").
const INSTITUTION_JOINERS: &[&str] = &["of", "on", "for", "and", "&"];

/// Centers, which open public bodies' names before "for" ("Centers for
/// Disease Control and Prevention") and are left out of the openers
/// before "of" (a "Center of" is as often a place's).
const CENTERS: &[&str] = &["center", "centers", "centre", "centres"];
/// Most capitalized words taken after such a joiner.
const MAX_CONTINUATION: usize = 4;

/// Extends an organization whose name opens an institution ("Institute",
/// "Office", "Department" …) over a joiner and the capitalized words
/// after it that the model left out ("National Institute on Aging",
/// "Office of Management and Budget", "Department of Health and Human
/// Services"). "and" continues only a name that already has its "of",
/// "for" or "on" ("Department of Energy and …", not "Institute and …").
/// The words taken are untagged (or common words, see
/// [`Token::is_common_word`]: capitalized after an institution's joiner,
/// such a word is the name's, even where the model tagged it alone),
/// on no place list, no weekday or month
/// ("Security Council on Friday"), and no tagged name
/// follows them ("Department of Justice and Attorney General Merrick
/// Garland" stays two names), so a second name the model saw is never
/// swallowed.
fn extend_institution(s: &[Token], tags: &mut [u8]) {
    for (a, b, ty) in tagger::spans(tags) {
        if ty != ORG || b - a < 2 || b + 1 >= s.len() || !s[a].class.is_capital() {
            continue;
        }
        let joiner = &s[b];
        if (joiner.class != Class::Lower && joiner.lower != "&")
            || !INSTITUTION_JOINERS.contains(&joiner.lower.as_str())
            || tags[b] != 0
        {
            continue;
        }
        let Some(has_own_joiner) = institution_joined(s, a, b) else {
            continue;
        };
        if matches!(joiner.lower.as_str(), "and" | "&") && !has_own_joiner {
            continue;
        }
        let mut c = b + 1;
        while c < s.len()
            && c - (b + 1) < MAX_CONTINUATION
            && (tags[c] == 0 || s[c].is_common_word())
            && institution_word(s, c)
        {
            c += 1;
        }
        let followed_by_name = c < s.len() && (tags[c] != 0 || s[c].class == Class::Capitalized);
        if c == b + 1 || followed_by_name {
            continue;
        }
        for t in tags.iter_mut().take(c).skip(b) {
            *t = inside(ORG);
        }
    }
}

/// Whether the word before a place's span at `start` is a capitalized,
/// untagged "Air": an airline ("Air France", "Air India", "Air New
/// Zealand"), whose name is an organization.
fn airline_word(s: &[Token], tags: &[u8], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|a| tags[a] == 0 && s[a].lower == "air" && s[a].class.is_capital())
}

/// A lowercase joiner a name never ends on ("of", "de", "and"): the model
/// ran past the name.
fn dangling(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        t.class == Class::Lower && matches!(t.lower.as_str(), "of" | "and" | "de" | "the" | "for")
    })
}

/// Whether the token at `i` is a surname with its particle in lowercase
/// ("al-Zawahiri"; see [`is_particle_surname_word`]).
fn is_particle_surname(s: &[Token], i: usize) -> bool {
    s.get(i)
        .is_some_and(|t| t.class == Class::Mixed && is_particle_surname_word(&t.lower, false))
}

/// Offices a courtesy title addresses, in Parliament and in court ("Mr
/// Speaker", "Madam Deputy Speaker", "Mr President", "Mr Justice Smith"):
/// none is a name.
const ADDRESSED_OFFICES: &[&str] = &[
    "speaker",
    "deputy",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "justice",
    "prime",
    "minister",
    "secretary",
    "mayor",
    "ambassador",
];

/// Longest name after a courtesy title that [`tag_addressed_names`] tags.
const MAX_ADDRESSED_NAME: usize = 3;

/// Tags the capitalized words right after a courtesy title as a person
/// when the model left them untagged ("Mr Comey's letter", "Ms. Okafor
/// declined"): the title is written only before a person's name, and the
/// model, which has not seen the surname, sometimes reads it as an
/// ordinary capitalized word. Not after "Miss" (contests: "Miss World"),
/// nor "Dr" (brands: "Dr Pepper"); not a name ending on a legal form or an
/// institution's word ("Mr Pugh Ltd", "Mrs Smith's Hospital" is left to
/// the model). Only in running text: a title-case heading capitalizes the
/// words after the name too.
fn tag_addressed_names(s: &[Token], tags: &mut [u8]) {
    let mut i = 0;
    while i + 1 < s.len() {
        if tags[i] != 0 || !is_courtesy_title(&s[i], false) {
            i += 1;
            continue;
        }
        // "Mr Speaker", "Mr Deputy Speaker", "Mr Justice Smith": an
        // office addressed by the title is no name; a name may follow it.
        let mut from = i + 1;
        while from < s.len()
            && tags[from] == 0
            && s[from].class == Class::Capitalized
            && ADDRESSED_OFFICES.contains(&s[from].lower.as_str())
        {
            from += 1;
        }
        let mut end = from;
        while end < s.len()
            && end - from < MAX_ADDRESSED_NAME
            && tags[end] == 0
            && (s[end].class.is_capital() || is_particle_surname_word(&s[end].lower, false))
            && !capitalized_in(s, end, SENTENCE_OPENERS)
        {
            end += 1;
        }
        let whole = s.get(end).is_none_or(|t| !t.class.is_capital());
        if end > from && whole && !ends_institutions_name(&s[end - 1].lower) {
            tagger::mark(tags, from, end, PER);
        }
        i = end.max(from);
    }
}

/// Whether a courtesy title that only a person's name follows comes
/// right before `i` ("Mr al-Mansouri", "Mrs Ardern"): the model sometimes
/// types the name by its spelling. Not "Dr", which opens brands as well
/// ("Dr Pepper").
fn follows_honorific(s: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| s.get(p))
        .is_some_and(|t| is_courtesy_title(t, true))
}

/// Whether an office only a person holds stands untagged right before the
/// capitalized words `s0..e0` ("President Obama", "Gov. Cuomo",
/// "Chancellor Merkel"), which the model typed otherwise: it reads a
/// surname it has not seen by its spelling or by where the article first
/// wrote it (a headline's "pile on Obama"). Not a name whose head says
/// what it is ("Ambassador Bridge", "Judge Business School", "Governor
/// Ltd"), nor a place the table knows as a country or region ("Governor
/// Texas" is no name order news writes). Only a place or an
/// organization: a misc name after an office is often a company's ("the
/// American President Lines subsidiary"); and not before another
/// capitalized word, which a headline in title case writes ("Texas Gov.
/// Hears About …").
fn follows_office(
    s: &[Token],
    tags: &[u8],
    s0: usize,
    e0: usize,
    ty: usize,
    gaz: &Gazetteer,
) -> bool {
    let Some(office) = s0.checked_sub(1) else {
        return false;
    };
    let last = &s[e0 - 1].lower;
    (ty == LOC || ty == ORG)
        && tags[office] == 0
        && s[office].class == Class::Capitalized
        && HOLDERS_OFFICES.contains(&s[office].lower.as_str())
        && (s0..e0).all(|i| s[i].class == Class::Capitalized)
        && s.get(e0).is_none_or(|t| !t.class.is_capital())
        && !ends_institutions_name(last)
        && heads::retype(s, s0, e0, ty, gaz).is_none()
        && !names_region_or_country(s, s0, e0, gaz)
}

/// Whether `word` (lowercase) ends an institution's or a company's name
/// by its legal form or head word ("Ltd", "Hospital", "School"): a
/// person's title before such a name opens no person's name ("Mr Pugh
/// Ltd", "Judge Business School").
fn ends_institutions_name(word: &str) -> bool {
    heads::is_legal_form(word) || heads::ends_institution(word)
}

/// A courtesy title ("Mr", "Mrs.", "Ms", "Mx"; "Miss" when `miss`, which
/// also opens contests: "Miss World").
pub(crate) fn is_courtesy_title(t: &Token, miss: bool) -> bool {
    t.class == Class::Capitalized
        && (matches!(
            t.lower.as_str(),
            "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "mx" | "mx."
        ) || (miss && t.lower == "miss"))
}

/// A weekday or month at the end of a longer name ("… said Reuters
/// Monday"): news dates a sentence there; names rarely end on one.
/// Weekdays and months are the date reader's full names ("March" and
/// "May" are left out: they are also verbs and names).
fn is_calendar_word(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        let w = t.lower.as_str();
        t.class == Class::Capitalized
            && (is_weekday(w)
                || MONTHS
                    .iter()
                    .any(|(name, _)| *name == w && !month_is_ambiguous(w)))
    })
}

/// Whether `word` (lowercase) is a weekday's full name (the date
/// reader's [`WEEKDAYS`]).
fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(name, _)| *name == word)
}

/// A weekday's full name, capitalized ("Tuesday").
fn is_capitalized_weekday(t: &Token) -> bool {
    t.class == Class::Capitalized && is_weekday(&t.lower)
}

/// Whether the name ending before `end` ends on a weekday that dates its
/// sentence, as American news writes it without "on" ("told CNN Tuesday",
/// "at Scheels Arena Sunday", "the Supreme Court Tuesday"): the weekday
/// after a word of a name, but for the days' own names ([`DAY_NAMERS`]:
/// "Super Tuesday", "Black Friday", "Bloody Sunday"), the names that
/// open on a first name ("Ruby Tuesday") and a town's club of two words
/// ("Sheffield Wednesday").
fn dated_by_weekday(s: &[Token], start: usize, end: usize) -> bool {
    end >= 2
        && !(end == start + 2 && heads::in_place_name(&s[start]))
        && s.get(end - 1).is_some_and(is_capitalized_weekday)
        && !DAY_NAMERS.contains(&s[end - 2].lower.as_str())
        && s[end - 2].names & list::FIRST_NAME == 0
}

/// Whether `start..end` is a day's own name: a [`DAY_NAMERS`] word and a
/// weekday ("Super Tuesday", "Black Wednesday", "Good Friday"), an event
/// like the holidays, misc.
fn is_day_name(s: &[Token], start: usize, end: usize) -> bool {
    end == start + 2
        && s[start].class == Class::Capitalized
        && DAY_NAMERS.contains(&s[start].lower.as_str())
        && is_capitalized_weekday(&s[start + 1])
}

/// Words that name a day with a weekday after them: holidays, shopping
/// days, voting days and remembered days ("Good Friday", "Cyber Monday",
/// "Super Tuesday", "Black Wednesday", "Bloody Sunday").
const DAY_NAMERS: &[&str] = &[
    "ash", "black", "bloody", "blue", "cyber", "easter", "fat", "giving", "good", "holy", "mad",
    "maundy", "palm", "shrove", "super", "whit",
];

/// Whether token `i` is a month's short form, capitalized, with or
/// without its full stop ("Sept.", "Dec"): the short forms every date
/// reader accepts ([`MONTHS`]).
fn is_short_month(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| {
        let w = t.lower.strip_suffix('.').unwrap_or(&t.lower);
        t.class == Class::Capitalized && MONTHS.iter().any(|(_, short)| short.contains(&w))
    })
}

/// A number spelled in one word ("Nine mths Shr 3.07 dlrs" of an
/// earnings table, "Twenty were hurt"): like a number in digits, a count
/// alone names nothing. A longer name with one keeps it ("Channel Four",
/// "One Direction"). Not the scale words: "Lac", an Indian spelling of
/// lakh, is also Lac Minerals' short name.
fn is_spelled_number(s: &[Token], s0: usize, e0: usize) -> bool {
    use crate::extract::numbers::vocab::{Word, lookup};
    e0 == s0 + 1
        && s[s0].class.is_capital()
        && matches!(
            lookup(&s[s0].lower),
            Some(Word::Unit(_) | Word::Teen(_) | Word::Tens(_) | Word::Hundred)
        )
}

/// A number's label tagged without its number ("the No. 2 official",
/// with "No." alone an organization): a label alone names nothing. With
/// its number and a unit's word it names a unit ("No. 18 Squadron"); see
/// [`is_ranking`] for the number without one.
fn is_numbering(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 1
        && s.get(s0)
            .is_some_and(|t| matches!(t.lower.as_str(), "no." | "no" | "nos." | "nos"))
        && s.get(e0).is_some_and(|t| t.class == Class::Digits)
}

/// A rank written as a label and its number ("No. 1 in the world", "the
/// world No. 2", "rose to No. 31"): it names a position, not a body. A
/// unit's name goes on with a capitalized word ("No. 18 Squadron"), and
/// "No 10" is Downing Street as British news writes it, so both stay.
fn is_ranking(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 2
        && matches!(s[s0].lower.as_str(), "no." | "no")
        && s[s0].class == Class::Capitalized
        && s[s0 + 1].class == Class::Digits
        && s[s0 + 1].lower != "10"
        && !s
            .get(e0)
            .is_some_and(|t| t.class.is_capital() || t.lower == "(")
}

/// The marks of an era ("BC", "AD", "BCE", "CE", with or without dots).
const ERA_MARKS: &[&str] = &["bc", "b.c.", "ad", "a.d.", "bce", "b.c.e.", "ce", "c.e."];

/// Endings of bacterial and fungal genus names ("Mycobacterium",
/// "Staphylococcus", "Escherichia", "Pseudomonas", "Helicobacter",
/// "Streptomyces"); not "-ella", which ends brands and characters as
/// often ("Nutella", "Cinderella").
const GENUS_ENDINGS: &[&str] = &[
    "bacterium",
    "bacter",
    "coccus",
    "bacillus",
    "monas",
    "ichia",
    "myces",
    "plasma",
];

/// Lowercase nouns of illnesses named after the person who described
/// them ("Alzheimer's disease", "Tourette's syndrome").
const ILLNESS_NOUNS: &[&str] = &["disease", "syndrome", "lymphoma", "palsy", "sarcoma"];

/// A name of one or two words whose possessive opens an illness's name
/// ("early Alzheimer's disease", "Lou Gehrig's disease"): the illness,
/// no person or organization, though the model reads one.
fn names_a_disease(s: &[Token], s0: usize, e0: usize) -> bool {
    (1..=2).contains(&e0.saturating_sub(s0))
        && s.get(e0)
            .is_some_and(|t| POSSESSIVES.contains(&t.lower.as_str()))
        && s.get(e0 + 1)
            .is_some_and(|t| t.class == Class::Lower && ILLNESS_NOUNS.contains(&t.lower.as_str()))
}

/// A genus before its species ("Mycobacterium tuberculosis",
/// "Escherichia coli", "Salmonella enterica"): a species, no name, though
/// the model takes the capitalized genus for a person or a place. A first
/// name or surname with such an ending ("Stella", "Isabella") is left
/// alone, and so is a genus with no lowercase species word after it.
fn is_genus(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 1
        && s.get(s0).is_some_and(|t| {
            t.class == Class::Capitalized
                && t.names & (list::FIRST_NAME | list::SURNAME) == 0
                && GENUS_ENDINGS
                    .iter()
                    .any(|end| t.lower.len() > end.len() + 2 && t.lower.ends_with(end))
        })
        && s.get(e0).is_some_and(|t| {
            t.class == Class::Lower
                && t.lower.chars().count() >= 3
                && t.lower.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// An era's mark beside a year or a century ("500 BC", "AD 79", "the
/// 14th century BCE"): no name, though the model takes "AD" for an
/// organization. Elsewhere the same letters may be one ("B.C." for
/// British Columbia).
fn is_era_mark(s: &[Token], s0: usize, e0: usize) -> bool {
    if e0 != s0 + 1
        || !s
            .get(s0)
            .is_some_and(|t| ERA_MARKS.contains(&t.lower.as_str()))
    {
        return false;
    }
    let year = |i: usize| s.get(i).is_some_and(|t| t.class == Class::Digits);
    (s0 > 0
        && (year(s0 - 1)
            || matches!(
                s[s0 - 1].lower.as_str(),
                "century" | "centuries" | "millennium"
            )))
        || year(e0)
}

/// Abbreviations a legislature numbers its bills with ("HB 20", "SB 8",
/// "H.R. 1", "AB 5").
const BILL_MARKS: &[&str] = &["hb", "sb", "ab", "hr", "h.r.", "s.b.", "h.b.", "a.b.", "lb"];

/// Whether the span is a bill mark alone, written in capitals before its
/// number: the model takes "HB" for an organization and leaves the
/// number out.
fn is_bill_number(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 1
        && s[s0].class == Class::AllCaps
        && BILL_MARKS.contains(&s[s0].lower.as_str())
        && s.get(e0).is_some_and(|t| t.class == Class::Digits)
}

/// Chambers that number their bills in full ("Senate Bill 12", "House
/// Bill 1", "Assembly Bill 5").
const CHAMBERS: &[&str] = &["senate", "house", "assembly"];

/// Where the chamber's word is when the span ends on "Bill" before a
/// number and the chamber opens the span or comes right before it.
fn chamber_bill(s: &[Token], s0: usize, e0: usize) -> Option<usize> {
    let bill = e0.checked_sub(1).filter(|&b| b >= s0)?;
    let chamber = bill.checked_sub(1)?;
    (s[bill].class == Class::Capitalized
        && s[bill].lower == "bill"
        && s.get(e0).is_some_and(|t| t.class == Class::Digits)
        && (chamber == s0 || chamber + 1 == s0)
        && s[chamber].class == Class::Capitalized
        && CHAMBERS.contains(&s[chamber].lower.as_str()))
    .then_some(chamber)
}

/// Whether the span ends on "Radio" or "Channel" and a station's number
/// of one or two digits follows it ("BBC Radio 4", "Channel 4"): the
/// model leaves the number out.
fn is_numbered_station(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 > s0
        && s[e0 - 1].class == Class::Capitalized
        && matches!(s[e0 - 1].lower.as_str(), "radio" | "channel")
        && s.get(e0)
            .is_some_and(|t| t.class == Class::Digits && t.lower.len() <= 2)
}

/// Whether the span is a bill mark and its number ("HB 20"): a law, misc.
fn is_bill(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 2
        && s[s0].class == Class::AllCaps
        && BILL_MARKS.contains(&s[s0].lower.as_str())
        && s[s0 + 1].class == Class::Digits
}

/// A period of history named by its age ("Bronze Age", "Middle Ages",
/// "Ice Age"): a misc name, which the model reads as an organization.
fn is_period(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 2
        && s[s0].class == Class::Capitalized
        && s.get(s0 + 1).is_some_and(|t| {
            t.class == Class::Capitalized && matches!(t.lower.as_str(), "age" | "ages")
        })
}

/// A country's leaving a union in one word ("Brexit", "Grexit",
/// "Frexit", "Italexit"): a misc name (a policy, an event), which the model
/// reads as a place or, as a sentence's subject, a person. A capitalized
/// word of one to four letters and "exit"; English has no other word so
/// made ("Exit" alone stays as it is).
fn is_exit_word(s: &[Token], s0: usize, e0: usize) -> bool {
    e0 == s0 + 1
        && s[s0].class == Class::Capitalized
        && s[s0].lower.strip_suffix("exit").is_some_and(|head| {
            (1..=4).contains(&head.chars().count()) && head.chars().all(char::is_alphabetic)
        })
}

/// A lawmaker's party and state in one word: "R-Calif.", "D-N.Y.",
/// "I-Vt", "D-CA" (not "D-Day", "I-95").
fn is_party_and_state(t: &Token) -> bool {
    let Some((party, state)) = t.lower.split_once('-') else {
        return false;
    };
    matches!(party, "r" | "d" | "i") && t.class != Class::Lower && us_states::is_state_tag(state)
}

/// Splits a span of a person's name, "of" and a place of the table into
/// the person and the place: "Senator JD Vance of Ohio", "Sen. Rand Paul
/// of Kentucky" (the way US news names members of Congress), which the
/// model reads as one organization, as it learned "Bank of America". The
/// words before "of", after any title, are two or three capitalized words,
/// none a title nor an institution's or a company's head; a title stood
/// before them, or the first is a census first name or initials ("JD")
/// and the others census first names or surnames ("Christian Democratic
/// Union of Germany", "ABC News of Australia" are none); after
/// "of" one or two
/// capitalized words that open a place of the table end the span.
fn split_member_of_place(s: &[Token], tags: &mut [u8]) {
    for (start, end, _) in tagger::spans(tags) {
        let Some(of) = (start + 1..end).find(|&k| s[k].lower == "of") else {
            continue;
        };
        let place = &s[of + 1..end];
        if place.is_empty()
            || place.len() > 2
            || place[0].gaz & heads::PLACES == 0
            || !place.iter().all(|t| t.class.is_capital())
        {
            continue;
        }
        let mut first = start;
        while first < of && (s[first].names & list::TITLE != 0 || is_abbreviated_title(&s[first])) {
            first += 1;
        }
        let titled = first > start;
        let name = &s[first..of];
        // Past the first word, census names ("Christian Democratic Union
        // of Germany" is a party).
        let rest_names = name
            .iter()
            .skip(1)
            .all(|t| t.names & (list::SURNAME | list::FIRST_NAME) != 0);
        let first_name = name.first().is_some_and(|t| {
            t.names & list::FIRST_NAME != 0
                || (t.class == Class::AllCaps && t.lower.len() <= 3 && !t.is_common_word())
        });
        let person_like = (2..=3).contains(&name.len())
            && name
                .iter()
                .all(|t| t.class.is_capital() && t.names & list::TITLE == 0)
            && !name
                .iter()
                .any(|t| heads::ends_institution(&t.lower) || heads::ends_company(&t.lower))
            && (titled || (first_name && rest_names));
        if !person_like {
            continue;
        }
        for t in &mut tags[start..end] {
            *t = 0;
        }
        tagger::mark(tags, first, of, PER);
        tagger::mark(tags, of + 1, end, LOC);
    }
}

/// A capitalized word of two to five letters ending on its abbreviating
/// dot ("Sen.", "Gov.", "Gen."): a title when a person's name follows.
fn is_abbreviated_title(t: &Token) -> bool {
    t.class == Class::Capitalized
        && t.lower.strip_suffix('.').is_some_and(|w| {
            (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// A weekday in the plural ("on Thursdays").
fn is_plural_weekday(t: &Token) -> bool {
    t.lower.strip_suffix('s').is_some_and(is_weekday)
}

/// A title of rulers and clergy that is also a name ("King", "Pope",
/// "Lord", "Prince"), capitalized before another name: CoNLL-2003 keeps
/// it out of the person's name ("King Hussein" is PER "Hussein").
fn is_royal_title(s: &[Token], i: usize) -> bool {
    capitalized_in(s, i, ROYAL_TITLES)
}

/// Whether the word at `i` is capitalized and, lowercased, one of `words`.
fn capitalized_in(s: &[Token], i: usize, words: &[&str]) -> bool {
    s.get(i)
        .is_some_and(|t| t.class == Class::Capitalized && words.contains(&t.lower.as_str()))
}

/// Titles of rulers and clergy that are also names.
const ROYAL_TITLES: &[&str] = &[
    "king", "queen", "prince", "princess", "pope", "lord", "sheikh", "sultan", "emir", "emperor",
    "empress", "tsar", "czar", "shah",
];

/// Words that open an office before a title word ("Managing Director").
const OFFICE_OPENERS: &[&str] = &[
    "managing",
    "chief",
    "deputy",
    "acting",
    "executive",
    "vice",
    "senior",
    "assistant",
    "interim",
];

/// Determiners and pronouns that start a sentence, never continue a name.
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "its",
    "their", "his", "her",
];

/// How far into its sentence a dateline's agency may stand ("HEMPSTEAD,
/// N.Y., Sept. 26 (UPI) —" is eleven tokens).
const DATELINE_REACH: usize = 14;

/// A dateline's agency: one or two capitalized words in parentheses, then
/// a dash (a hyphen there is one), in a sentence that opens on a name in
/// capitals ("LOS ANGELES, Sept. 28 (UPI) —", "LONDON (Zorbo) -") is the
/// wire agency, an organization, whatever the model typed it (it read
/// "UPI" as misc).
/// Not after a lowercase word, and not far into the sentence, where a
/// parenthesis holds a party or a country's code ("Jo Doe (ENG) -").
fn type_dateline_agency(s: &[Token], tags: &mut [u8]) {
    if s.first().is_none_or(|t| t.class != Class::AllCaps) {
        return;
    }
    for (a, b, ty) in tagger::spans(tags) {
        if ty != ORG
            && b - a <= 2
            && b < DATELINE_REACH
            && a >= 2
            && s[a - 1].lower == "("
            && s[a - 2].class != Class::Lower
            && s.get(b).is_some_and(|t| t.lower == ")")
            && s.get(b + 1).is_some_and(|t| t.lower == "-" || is_dash(t))
            && (a..b).all(|i| s[i].class.is_capital())
        {
            tagger::mark(tags, a, b, ORG);
        }
    }
}

/// A comma token (left at a span's end once a credential is cut off).
/// "Raleigh, NC @ Coastal Credit Union Music Park", "Dover, DE": a name,
/// a comma and a US state's postal code in capitals, with no capitalized
/// word after the code, is a city and its state, as listings and
/// addresses write them; the model reads a lone city as a person and the
/// code as an organization. Not a name of two words or more it typed a
/// person ("Jane Doe, MD"), nor a code that is also a credential ("MD",
/// "PA").
fn type_city_and_state_code(s: &[Token], tags: &mut [u8]) {
    // Most sentences hold no two capitals after a comma: read no spans.
    let has_code = s
        .windows(2)
        .any(|w| w[0].lower == "," && w[1].class == Class::AllCaps && w[1].lower.len() == 2);
    if !has_code {
        return;
    }
    for (start, end, ty) in tagger::spans(tags) {
        let code = end + 1;
        let Some(t) = s.get(code) else {
            continue;
        };
        let is_code = t.class == Class::AllCaps
            && t.names & list::CREDENTIAL == 0
            && us_states::postal(&t.lower.to_ascii_uppercase()).is_some();
        let code_alone = tags[code] == 0
            || (tags[code] & 1 == 1 && tags.get(code + 1).is_none_or(|&n| n & 1 == 1 || n == 0));
        if !is_comma(s, end)
            || !is_code
            || !code_alone
            || s.get(code + 1).is_some_and(|n| n.class.is_capital())
            || (ty == PER && end > start + 1)
            || end - start > 3
        {
            continue;
        }
        tagger::mark(tags, start, end, LOC);
        tags[code] = 0;
        tagger::mark(tags, code, code + 1, LOC);
    }
}

fn is_comma(s: &[Token], i: usize) -> bool {
    s.get(i).is_some_and(|t| t.lower == ",")
}

/// Whether the span `s0..e0` ends on punctuation that is not its own:
/// a comma or a semicolon, or a "!" or "?" that ends the sentence or a
/// quotation ("… of Prince Andrew! How …", "“Thanks, Andrew!” she
/// said", "… said Ted?"), though the model sometimes
/// runs a name onto it. A mark inside the sentence is the name's own
/// ("Kerrang! announced", "Wild on E!, a show"), and so is one that ends
/// the title of a work after its noun ("the single Hey Ya!") or in
/// a quotation it opens ("“Do You Remember?", [`ends_work_title`]).
fn ends_on_stray_mark(s: &[Token], s0: usize, e0: usize) -> bool {
    let Some(mark) = e0.checked_sub(1).and_then(|i| s.get(i)) else {
        return false;
    };
    match mark.lower.as_str() {
        "," | ";" => true,
        "!" | "?" => {
            // What follows a sentence's mark: nothing, the next
            // sentence's capital, or the quotation or aside it closes.
            let ends_sentence = s
                .get(e0)
                .is_none_or(|t| t.class.is_capital() || features::is_quote(t) || t.lower == ")");
            ends_sentence && !ends_work_title(s, s0)
        }
        _ => false,
    }
}

/// Whether a span from `s0` is the title of a work: after a work's
/// noun ("the comedy Shall We Dance?") or opening a quotation ("“Do You
/// Remember?”").
fn ends_work_title(s: &[Token], s0: usize) -> bool {
    let Some(before) = s0.checked_sub(1).and_then(|i| s.get(i)) else {
        return false;
    };
    let after_noun = before.class == Class::Lower
        && (heads::is_work_noun(&before.lower)
            || QUOTED_WORK_NOUNS.contains(&before.lower.as_str()));
    after_noun || features::is_quote(before)
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn lex() -> Lexicon {
        // "office": news writes it in lowercase as often as not.
        Lexicon::parse("", "office\t2\n").with_names(
            "mr\tt\nms\tt\npope\tt\ndirector\tt\nofficer\tt\ndean\tft\nph.d.\tq\nphd\tq\nmd\tq\nm.d.\tq\nxanax\td\nallegra\tdf\nruby\tf\n",
        )
    }

    /// Tags `words` as `spans` say, repairs them, and returns the spans.
    fn repaired(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
        repaired_in(words, spans, &Gazetteer::parse("", ""))
    }

    /// [`repaired`] with the places of `gaz`.
    fn repaired_in(
        words: &[&str],
        spans: &[(usize, usize, usize)],
        gaz: &Gazetteer,
    ) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), gaz);
        let mut tags = tagged(words.len(), spans);
        repair(&s, &mut tags, &[], gaz);
        tagger::spans(&tags)
    }

    /// [`repaired_in`] with the hyphens at `spaced` spaced as dashes in
    /// the text.
    fn repaired_spaced(
        words: &[&str],
        spans: &[(usize, usize, usize)],
        spaced: &[usize],
        gaz: &Gazetteer,
    ) -> Vec<(usize, usize, usize)> {
        let s = prepare(words, &lex(), gaz);
        let mut tags = tagged(words.len(), spans);
        repair(&s, &mut tags, spaced, gaz);
        tagger::spans(&tags)
    }

    #[test]
    fn a_month_after_a_given_name_is_its_surname() {
        // "Ruby June" in a list of people: the month is her surname.
        let words = ["with", "Ruby", "June", ",", "Bob", "Haus"];
        assert_eq!(repaired(&words, &[(1, 3, PER)]), [(1, 3, PER)]);
        // With a day after it, the month dates the sentence.
        let words = ["told", "Ruby", "June", "3", "."];
        assert_eq!(repaired(&words, &[(1, 3, PER)]), [(1, 2, PER)]);
        // After a surname, or longer names, it dates the sentence too.
        let words = ["told", "Zorbic", "June", "."];
        assert_eq!(repaired(&words, &[(1, 3, PER)]), [(1, 2, PER)]);
    }

    #[test]
    fn a_name_leaves_the_mark_that_ends_its_sentence() {
        // "Prince Andrew! How …": the mark is the sentence's.
        let words = ["of", "Prince", "Andrew", "!", "How", "noble", "!"];
        assert_eq!(repaired(&words, &[(2, 4, PER)]), [(2, 3, PER)]);
        // At the end of the text, and a question's mark likewise.
        let words = ["Ask", "Andrew", "?"];
        assert_eq!(repaired(&words, &[(1, 3, PER)]), [(1, 2, PER)]);
        let words = ["Thanks", ",", "Andrew", "!", "\u{201d}", "she", "said"];
        assert_eq!(repaired(&words, &[(2, 4, PER)]), [(2, 3, PER)]);
        // Inside the sentence the mark is the name's own.
        let words = ["Kerrang", "!", "announced", "its", "awards"];
        assert_eq!(repaired(&words, &[(0, 2, ORG)]), [(0, 2, ORG)]);
        // And so it is for a work's title after its noun, or quoted.
        let words = ["the", "single", "Hey", "Ya", "!", "It", "sold"];
        assert_eq!(repaired(&words, &[(2, 5, MISC)]), [(2, 5, MISC)]);
        let words = ["\u{2018}", "Do", "You", "Remember", "?"];
        assert_eq!(repaired(&words, &[(1, 5, MISC)]), [(1, 5, MISC)]);
    }

    #[test]
    fn a_dash_between_words_ends_a_name() {
        let gaz = Gazetteer::parse(
            "Ruritania	country	RR	1.0	2.0	5000000		
",
            "",
        );
        // "NASHUA, N.H. - Vantel Corp said …": a spaced hyphen is a dash;
        // what follows it is a name of its own (a common word there, "At",
        // is dropped by its span's repairs, by the capitalization table).
        let words = ["NASHUA", ",", "N.H.", "-", "Vantel", "Corp", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 1, LOC), (2, 6, ORG)], &[3], &gaz),
            [(0, 1, LOC), (2, 3, ORG), (4, 6, ORG)]
        );
        // An em dash needs no spacing; a country after it is a place.
        let words = ["G-7", "—", "Ruritania", "agreed"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 3, MISC)], &[], &gaz),
            [(0, 1, MISC), (2, 3, LOC)]
        );
        // A hyphen of pre-split words may join a name ("Saint - Gaudens").
        let words = ["Zorbo", "-", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 3, PER)], &[], &gaz),
            [(0, 3, PER)]
        );
    }

    #[test]
    fn an_abbreviated_office_leaves_the_name_before_it() {
        let gaz = Gazetteer::parse(
            "Ruritania	region	RR			0		RR-RU
",
            "",
        );
        // "Ruritania Sen. Jo Vantel": the state, then the person.
        let words = ["Ruritania", "Sen.", "Jo", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 2, ORG), (2, 4, PER)], &[], &gaz),
            [(0, 1, LOC), (2, 4, PER)]
        );
        // Not a place of the table: the type stays.
        let words = ["Zorbo", "Gov.", "Jo", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 2, ORG), (2, 4, PER)], &[], &gaz),
            [(0, 1, ORG), (2, 4, PER)]
        );
        // An office only a person holds, opening a census first name and
        // surname typed an organization, is the holder's; not a royal
        // title before a place's name.
        let census = Lexicon::parse("", "").with_names("john\tf\nsmith\ts\nedward\tf\nisland\ts\n");
        let holder = |words: &[&str], span: (usize, usize, usize)| {
            let s = prepare(words, &census, &gaz);
            let mut tags = tagged(words.len(), &[span]);
            repair(&s, &mut tags, &[], &gaz);
            tagger::spans(&tags)
        };
        let words = ["the", "late", "Justice", "John", "Smith", "wrote"];
        assert_eq!(holder(&words, (2, 5, ORG)), [(3, 5, PER)]);
        // A first name on no list before a census surname, and a census
        // surname alone after the office; not an institution's word.
        let words = ["the", "late", "Justice", "Zorbin", "Smith", "wrote"];
        assert_eq!(holder(&words, (2, 5, ORG)), [(3, 5, PER)]);
        let words = ["and", "Justice", "Smith", "wrote"];
        assert_eq!(holder(&words, (1, 3, ORG)), [(2, 3, PER)]);
        let words = ["the", "Justice", "Department", "said"];
        assert_eq!(holder(&words, (1, 3, ORG)), [(1, 3, ORG)]);
        let words = ["the", "Justice", "John", "Vantel", "said"];
        assert_eq!(holder(&words, (1, 4, ORG))[0].2, PER);
        let words = ["on", "Prince", "Edward", "Island", "today"];
        assert_eq!(holder(&words, (1, 4, LOC)), [(1, 4, LOC)]);
        // A state typed an organization before its office's holder.
        let words = ["Ruritania", "Gov.", "Jo", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 1, ORG), (2, 4, PER)], &[], &gaz),
            [(0, 1, LOC), (2, 4, PER)]
        );
        let words = ["Ruritania", "governors", "do", "not"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 1, ORG)], &[], &gaz),
            [(0, 1, LOC)]
        );
        // An initial with no name after it is no name; before one it is.
        assert_eq!(repaired_spaced(&["X."], &[(0, 1, PER)], &[], &gaz), []);
        let words = ["J.", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(0, 2, PER)], &[], &gaz),
            [(0, 2, PER)]
        );
        // Offices alone before a name are no name.
        let words = ["retired", "Lt.", "Gen.", "Jo", "Vantel", "said"];
        assert_eq!(
            repaired_spaced(&words, &[(1, 3, PER), (3, 5, PER)], &[], &gaz),
            [(3, 5, PER)]
        );
    }

    /// The tags of `n` words with `spans` (start, end, type) as names.
    fn tagged(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
        let mut tags = vec![0u8; n];
        for &(a, b, ty) in spans {
            tagger::mark(&mut tags, a, b, ty);
        }
        tags
    }

    #[test]
    fn a_name_after_an_office_only_people_hold_is_a_person() {
        let gaz = Gazetteer::parse(
            "Zorbo\tcity\tJP\t35.5\t135.7\t30000\t\t\nRuritania\tcountry\tRU\t\t\t9000000\t\t\n",
            "",
        );
        // "President Zorbo" where the article first wrote "pile on Zorbo":
        // a town of the table too, and still the office's holder.
        let w = ["lashed", "out", "at", "President", "Zorbo", "and", "his"];
        assert_eq!(repaired_in(&w, &[(4, 5, LOC)], &gaz), vec![(4, 5, PER)]);
        let w = ["said", "Gov.", "Jo", "Vantel", "."];
        assert_eq!(repaired_in(&w, &[(2, 4, ORG)], &gaz), vec![(2, 4, PER)]);
        // A country or region, a misc name (a company's brand), a name
        // whose head says what it is, and a title-case line are left.
        let w = ["the", "Governor", "Ruritania", "said"];
        assert_eq!(repaired_in(&w, &[(2, 3, LOC)], &gaz), vec![(2, 3, LOC)]);
        let w = ["its", "President", "Vantel", "subsidiary"];
        assert_eq!(repaired_in(&w, &[(2, 3, MISC)], &gaz), vec![(2, 3, MISC)]);
        let w = ["the", "Judge", "Vantel", "School", "said"];
        assert_eq!(repaired_in(&w, &[(2, 4, ORG)], &gaz), vec![(2, 4, ORG)]);
        let w = ["Texas", "Gov.", "Hears", "About", "Vantel"];
        assert_eq!(repaired_in(&w, &[(2, 3, ORG)], &gaz)[0], (2, 3, ORG));
    }

    #[test]
    fn a_datelines_agency_is_an_organization() {
        let w = [
            "LOS", "ANGELES", ",", "Sept.", "28", "(", "ZORB", ")", "—", "In",
        ];
        assert_eq!(
            repaired(&w, &[(0, 2, LOC), (6, 7, MISC)]),
            vec![(0, 2, LOC), (6, 7, ORG)]
        );
        let w = ["LONDON", "(", "Zorbo", ")", "-", "The", "yen"];
        assert_eq!(
            repaired(&w, &[(0, 1, LOC), (2, 3, PER)]),
            vec![(0, 1, LOC), (2, 3, ORG)]
        );
        // Not in a sentence that opens otherwise, nor without the dash.
        let w = ["Jo", "Vantel", "(", "ZORB", ")", "-", "scored"];
        assert_eq!(
            repaired(&w, &[(0, 2, PER), (3, 4, MISC)]),
            vec![(0, 2, PER), (3, 4, MISC)]
        );
        let w = ["LONDON", "(", "ZORB", ")", "said"];
        assert_eq!(
            repaired(&w, &[(0, 1, LOC), (2, 3, MISC)]),
            vec![(0, 1, LOC), (2, 3, MISC)]
        );
    }

    #[test]
    fn a_place_and_a_plural_name_are_a_team() {
        let gaz = Gazetteer::parse(
            "Los Angeles\tcity\tUS\t34.0\t-118.2\t3900000\t\t\nToronto\tcity\tCA\t43.7\t-79.4\t2700000\t\t\n",
            "",
        );
        let w = ["the", "Los", "Angeles", "Lakers", "won"];
        assert_eq!(repaired_in(&w, &[(1, 4, LOC)], &gaz), vec![(1, 4, ORG)]);
        // A natural feature after the place is a place.
        let w = ["the", "Toronto", "Islands", "flooded"];
        assert_eq!(repaired_in(&w, &[(1, 3, LOC)], &gaz), vec![(1, 3, LOC)]);
    }

    #[test]
    fn a_month_with_its_day_after_a_name_is_no_part_of_it() {
        let w = ["@", "Quillo", "Center", "July", "22", "–", "Tampa"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 3, ORG)]);
        // Without a day it may be the name's own word.
        let w = ["the", "Quillo", "Center", "July", "show"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 4, ORG)]);
        // A dateline's month cut short, with or without its stop.
        let w = ["NEW", "YORK", "Sept.", "11", ",", "2004", "-"];
        assert_eq!(repaired(&w, &[(0, 3, ORG)]), vec![(0, 2, ORG)]);
        let w = ["NEW", "YORK", "Dec", "13", ",", "2004", "-"];
        assert_eq!(repaired(&w, &[(0, 3, ORG)]), vec![(0, 2, ORG)]);
        // Not without its day.
        let w = ["the", "Quillo", "Dec", "show"];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, ORG)]);
    }

    #[test]
    fn a_weekday_after_a_name_dates_the_sentence() {
        // American news dates a sentence without "on": "told Quillo News
        // Tuesday", "at Quillo Arena Sunday".
        let w = ["told", "Quillo", "News", "Tuesday", "that"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 3, ORG)]);
        let w = ["at", "Quillo", "Arena", "Sunday", "."];
        assert_eq!(repaired(&w, &[(1, 4, LOC)]), vec![(1, 3, LOC)]);
        // The days' own names and names opening on a first name stay
        // whole, and so does a weekday in lowercase.
        let w = ["since", "Super", "Tuesday", "."];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, MISC)]);
        let w = ["by", "Ruby", "Tuesday", "."];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, ORG)]);
        let w = ["the", "Quillo", "sunday", "edition"];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, ORG)]);
        // A town's club of two words ("Sheffield Wednesday").
        let gaz = Gazetteer::parse("Quillo\tcity\tGB\t\t\t500000\t\n", "");
        let w = ["face", "Quillo", "Wednesday", "on", "Tuesday"];
        assert_eq!(repaired_in(&w, &[(1, 3, ORG)], &gaz), vec![(1, 3, ORG)]);
    }

    #[test]
    fn a_city_and_its_states_postal_code_are_places() {
        let w = ["June", "20", "–", "Raleigh", ",", "NC", "@", "the", "park"];
        assert_eq!(
            repaired(&w, &[(3, 4, PER), (5, 6, ORG)]),
            vec![(3, 4, LOC), (5, 6, LOC)]
        );
        // A person's full name before a credential stays a person's; a
        // capitalized word after the code is another name's.
        let w = ["Jane", "Doe", ",", "MD", ",", "said", "so"];
        assert_eq!(repaired(&w, &[(0, 2, PER)]), vec![(0, 2, PER)]);
        let w = ["Quillo", ",", "OK", "Computer", "fans"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, PER)]);
    }

    #[test]
    fn a_quoted_title_in_title_case_is_one_work() {
        let w = [
            "their", "single", "“", "Takin’", "It", "to", "the", "Streets", ",", "”", "began",
        ];
        assert_eq!(
            repaired(&w, &[(3, 4, PER), (7, 8, ORG)]),
            vec![(3, 8, MISC)]
        );
        // A quote the model found no name in, with no work's noun before
        // it, is left as it is (a motto, an award).
        let w = ["won", "“", "Video", "of", "the", "Year", "”", "twice"];
        assert_eq!(repaired(&w, &[]), vec![]);
    }

    #[test]
    fn a_number_alone_is_no_name() {
        let w = ["the", "2016", "campaign", "began"];
        assert_eq!(repaired(&w, &[(1, 2, MISC)]), vec![]);
        let w = ["the", "139th", "Airlift", "Wing"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 4, ORG)]);
        // Spelled in one word, the same; a longer name keeps its number.
        let w = ["Nine", "mths", "Shr", "3.07", "dlrs"];
        assert_eq!(repaired(&w, &[(0, 1, MISC)]), vec![]);
        let w = ["Twenty", "were", "hurt"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![]);
        let w = ["on", "Channel", "Four", "tonight"];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, ORG)]);
    }

    #[test]
    fn the_finals_are_an_event() {
        let w = ["the", "NBA", "Finals", "began"];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 3, MISC)]);
    }

    #[test]
    fn a_work_after_its_kind_is_misc() {
        let w = ["her", "novel", "Lace", ",", "published", "in", "1982"];
        assert_eq!(repaired(&w, &[(2, 3, LOC)]), vec![(2, 3, MISC)]);
        // A verb before a name is no kind of work.
        let w = ["they", "play", "Arsenal", "today"];
        assert_eq!(repaired(&w, &[(2, 3, LOC)]), vec![(2, 3, LOC)]);
    }

    #[test]
    fn a_station_keeps_its_number() {
        let w = ["on", "BBC", "Radio", "4", "'s", "Today"];
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 4, ORG)]);
        let w = ["Channel", "4", "News"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 2, ORG)]);
        // A score or a year is no station's number.
        let w = ["Radio", "2024", "awards"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
    }

    #[test]
    fn a_bill_and_its_number_are_a_law() {
        let w = ["the", "law", ",", "known", "as", "HB", "20", ",", "failed"];
        assert_eq!(repaired(&w, &[(5, 6, ORG)]), vec![(5, 7, MISC)]);
        // Capitals without a number, or another word, stay as read.
        let w = ["HB", "said", "so"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
        // A chamber's bill written in full.
        let w = ["that", "Senate", "Bill", "12", "was", "void"];
        assert_eq!(repaired(&w, &[(2, 3, PER)]), vec![(1, 4, MISC)]);
        assert_eq!(repaired(&w, &[(1, 3, ORG)]), vec![(1, 4, MISC)]);
        // A person named Bill stays one.
        let w = ["Senate", "leader", "Bill", "Frist", "said"];
        assert_eq!(repaired(&w, &[(2, 4, PER)]), vec![(2, 4, PER)]);
    }

    #[test]
    fn a_rank_is_no_name_but_a_unit_and_number_10_are() {
        let w = ["to", "get", "to", "No.", "1", "in", "the", "world"];
        assert_eq!(repaired(&w, &[(3, 5, ORG)]), vec![]);
        let w = ["stalled", "at", "No", "96", ","];
        assert_eq!(repaired(&w, &[(2, 4, ORG)]), vec![]);
        let w = ["the", "No.", "18", "Squadron", "flew"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 4, ORG)]);
        let w = ["the", "joint", "No.", "18", "(", "Netherlands", ")"];
        assert_eq!(repaired(&w, &[(2, 4, ORG)]), vec![(2, 4, ORG)]);
        let w = ["a", "source", "at", "No", "10", "said"];
        assert_eq!(repaired(&w, &[(3, 5, ORG)]), vec![(3, 5, ORG)]);
    }

    #[test]
    fn an_index_keeps_its_count_of_stocks() {
        let w = ["the", "S&P", "500", "rose", "1%"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![(1, 3, MISC)]);
        let w = ["the", "Stoxx", "600", "index", "fell"];
        assert_eq!(repaired(&w, &[(1, 2, MISC)]), vec![(1, 3, MISC)]);
        let w = ["the", "Russell", "2000", "fell"];
        assert_eq!(repaired(&w, &[(1, 2, PER)]), vec![(1, 3, MISC)]);
        // A number of things is not its count.
        let w = ["Zorbo", "500", "jobs"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
    }

    #[test]
    fn a_things_initialism_is_no_name() {
        let w = ["the", "AI", "boom"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![]);
        let w = ["EVs", "sold"];
        assert_eq!(repaired(&w, &[(0, 1, MISC)]), vec![]);
        // A union in capitals, and a longer name, stay.
        let w = ["the", "PCS", "union"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![(1, 2, ORG)]);
        let w = ["the", "AI", "Safety", "Institute"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 4, ORG)]);
    }

    #[test]
    fn a_genus_before_its_species_is_no_name() {
        let w = ["Mycobacterium", "tuberculosis", "was", "found"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![]);
        let w = ["of", "Staphylococcus", "aureus", "infections"];
        assert_eq!(repaired(&w, &[(1, 2, LOC)]), vec![]);
        // Alone, or ending on another word, it stays as read.
        let w = ["Mycobacterium", "."];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, PER)]);
        let w = ["Nutella", "jars", "sold"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
    }

    #[test]
    fn a_name_opening_an_illness_is_no_name() {
        let w = ["early", "Alzheimer", "'s", "disease", "patients"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![]);
        let w = ["Lou", "Gehrig", "'s", "disease"];
        assert_eq!(repaired(&w, &[(0, 2, PER)]), vec![]);
        // Another noun after the possessive leaves the name.
        let w = ["Zorbo", "'s", "drug", "sold"];
        assert_eq!(repaired(&w, &[(0, 1, ORG)]), vec![(0, 1, ORG)]);
    }

    #[test]
    fn a_name_with_what_only_a_company_has_is_a_company() {
        let w = ["Temu", "'s", "owner", "fell"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, ORG)]);
        let w = ["Shein", "'s", "parent", "company", "filed"];
        assert_eq!(repaired(&w, &[]), vec![(0, 1, ORG)]);
        let w = ["said", "Zorbo", "'s", "chief", "executive"];
        assert_eq!(repaired(&w, &[(1, 2, MISC)]), vec![(1, 2, ORG)]);
        // A full name, a word of time, what a person has too.
        let w = ["Jo", "Smith", "'s", "founder"];
        assert_eq!(repaired(&w, &[(0, 2, PER)]), vec![(0, 2, PER)]);
        let w = ["Today", "'s", "earnings", "rose"];
        assert_eq!(repaired(&w, &[]), vec![]);
        let w = ["Zara", "'s", "owner", "Inditex", "rose"];
        assert_eq!(
            repaired(&w, &[(0, 1, PER), (3, 4, PER)]),
            vec![(0, 1, ORG), (3, 4, ORG)]
        );
        let w = ["Temu", "'s", "shares", "fell"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, PER)]);
    }

    #[test]
    fn a_name_after_mr_or_mrs_is_a_person() {
        let w = ["Mr", "al-Mansouri", "said"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![(1, 2, PER)]);
        let w = ["said", "Mrs", "Hale", "Street", "."];
        assert_eq!(repaired(&w, &[(2, 4, LOC)]), vec![(2, 4, PER)]);
        // "Dr" opens brands too.
        let w = ["Dr", "Pepper", "rose"];
        assert_eq!(repaired(&w, &[(1, 2, ORG)]), vec![(1, 2, ORG)]);
    }

    #[test]
    fn a_surname_keeps_its_lowercase_particle() {
        let w = ["Abdel", "Fattah", "el-Sisi", "said"];
        assert_eq!(repaired(&w, &[(0, 2, PER)]), vec![(0, 3, PER)]);
        let w = ["Ayman", "al-Zawahiri", "spoke"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 2, PER)]);
        // A group's name too ("Jabhat Fateh al-Sham"); not after a
        // place, nor a word in lowercase alone.
        let w = ["the", "Jabhat", "Fateh", "al–Sham", "group"];
        assert_eq!(repaired(&w, &[(1, 3, MISC)]), vec![(1, 4, MISC)]);
        let w = ["Cairo", "al-Ahram", "said"];
        assert_eq!(repaired(&w, &[(0, 1, LOC)]), vec![(0, 1, LOC)]);
        let w = ["Ayman", "al-based", "spoke"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, PER)]);
        assert!(is_particle_surname_word("al-Sisi", true));
        assert!(!is_particle_surname_word("al-sisi", true));
        assert!(!is_particle_surname_word("all-Stars", true));
        assert!(is_particle_surname_word("al–Sham", true));
    }

    #[test]
    fn an_offices_initialism_and_of_open_no_name() {
        let w = ["the", "COO", "of", "Doosan", "Heavy", "Industries", "said"];
        assert_eq!(repaired(&w, &[(1, 6, ORG)]), vec![(3, 6, ORG)]);
        // Not a body's own initialism ("NHS of Scotland" is left whole).
        let w = ["the", "NHS", "of", "Scotland", "said", "so"];
        assert_eq!(repaired(&w, &[(1, 4, ORG)]), vec![(1, 4, ORG)]);
    }

    #[test]
    fn a_name_cut_at_its_and_is_one_before_its_head() {
        // Ordinary words (by the capitalization table) before the "and"
        // and an initiative's head after it.
        let w = ["the", "Belt", "and", "Road", "Initiative", "funds", "ports"];
        let gaz = Gazetteer::parse("", "");
        let s = prepare(&w, &Lexicon::parse("", "belt\t0\nroad\t0\n"), &gaz);
        let mut tags = tagged(w.len(), &[(1, 2, LOC), (3, 5, ORG)]);
        repair(&s, &mut tags, &[], &gaz);
        assert_eq!(tagger::spans(&tags), vec![(1, 5, ORG)]);
    }

    #[test]
    fn a_title_after_its_work_noun_is_misc() {
        let w = "the 2011 British comedy film Salmon Fishing in the Yemen , directed";
        let w: Vec<&str> = w.split(' ').collect();
        assert_eq!(
            repaired(&w, &[(5, 7, ORG), (9, 10, LOC)]),
            vec![(5, 10, MISC)]
        );
        let w = ["the", "Netflix", "series", "The", "Crown", "ended"];
        assert_eq!(
            repaired(&w, &[(1, 2, ORG), (4, 5, MISC)]),
            vec![(1, 2, ORG), (3, 5, MISC)]
        );
        let w = ["she", "saw", "the", "musical", "Hamilton", "twice"];
        assert_eq!(repaired(&w, &[(4, 5, LOC)]), vec![(4, 5, MISC)]);
        let w = ["the", "film", "It", "'s", "A", "Wonderful", "Life", "is"];
        assert_eq!(repaired(&w, &[(5, 7, MISC)]), vec![(2, 7, MISC)]);
        // An organization after the noun is left alone.
        let w = ["the", "documentary", "CNN", "aired"];
        assert_eq!(repaired(&w, &[(2, 3, ORG)]), vec![(2, 3, ORG)]);
        // A pronoun, a month or a noun no determiner opens is no title.
        let w = ["the", "song", "I", "wrote"];
        assert_eq!(repaired(&w, &[]), vec![]);
        let w = ["her", "album", "in", "October"];
        assert_eq!(repaired(&w, &[]), vec![]);
        let w = ["the", "album", "October", "sales"];
        assert_eq!(repaired(&w, &[]), vec![]);
        let w = ["critics", "film", "Cannes", "Stars"];
        assert_eq!(repaired(&w, &[]), vec![]);
        // "with" joins a person to the title.
        let w = ["the", "album", "Here", "Again", "with", "Norah", "Jones"];
        assert_eq!(
            repaired(&w, &[(5, 7, PER)]),
            vec![(2, 4, MISC), (5, 7, PER)]
        );
    }

    #[test]
    fn a_product_described_or_branded_is_misc() {
        let w = [
            "cleared", "Zulresso", ",", "an", "IV", "infusion", "given", "daily",
        ];
        assert_eq!(repaired(&w, &[(1, 2, PER)]), vec![(1, 2, MISC)]);
        let w = ["under", "the", "brand", "name", "Zurzuvae", "."];
        assert_eq!(repaired(&w, &[(4, 5, LOC)]), vec![(4, 5, MISC)]);
        let w = ["it", "is", "marketed", "as", "Zepbound", "."];
        assert_eq!(repaired(&w, &[(4, 5, PER)]), vec![(4, 5, MISC)]);
        // A person the description's noun only opens.
        let w = ["Jo", "Smith", ",", "a", "film", "director", ",", "said"];
        assert_eq!(repaired(&w, &[(0, 2, PER)]), vec![(0, 2, PER)]);
        let w = ["Zorbo", ",", "a", "drug", "dealer", ",", "said"];
        assert_eq!(repaired(&w, &[(0, 1, PER)]), vec![(0, 1, PER)]);
    }

    #[test]
    fn a_legal_form_ends_a_company_whatever_opens_it() {
        let w = ["Taiwan", "Semiconductor", "Manufacturing", "Co.", "slipped"];
        assert_eq!(repaired(&w, &[(0, 4, LOC)]), vec![(0, 4, ORG)]);
        let w = ["Banco", "Santander", "SA", "said"];
        assert_eq!(repaired(&w, &[(0, 3, PER)]), vec![(0, 3, ORG)]);
        // Alone, or in lowercase, it is no legal form.
        let w = ["Co", "Wicklow"];
        assert_eq!(repaired(&w, &[(0, 2, LOC)]), vec![(0, 2, LOC)]);
    }

    #[test]
    fn a_nationality_takes_the_body_of_state_after_it() {
        assert_eq!(
            repaired(&["the", "Scottish", "Parliament", "met"], &[(1, 2, MISC)]),
            [(1, 3, ORG)]
        );
        assert_eq!(
            repaired(&["the", "Welsh", "Government", "said"], &[(1, 3, MISC)]),
            [(1, 3, ORG)]
        );
        // Other words after it, or a lowercase body, stay apart.
        assert_eq!(
            repaired(&["Scottish", "Power", "rose"], &[(0, 1, MISC)]),
            [(0, 1, MISC)]
        );
        assert_eq!(
            repaired(&["the", "Scottish", "government", "said"], &[(1, 2, MISC)]),
            [(1, 2, MISC)]
        );
    }

    #[test]
    fn a_town_and_a_clubs_word_is_a_club() {
        let gaz = Gazetteer::parse(
            "Luton\tcity\tGB\t\t\t200000\t\nKansas City\tcity\tUS\t\t\t400000\t\n",
            "",
        );
        let run = |words: &[&str]| repaired_in(words, &[(0, 2, LOC)], &gaz);
        assert_eq!(run(&["Luton", "Town", "won"]), [(0, 2, ORG)]);
        assert_eq!(run(&["Kansas", "City", "grew"]), [(0, 2, LOC)]);
    }

    #[test]
    fn titles_leave_person_names() {
        assert_eq!(
            repaired(&["Ms", "Pugh", "said"], &[(0, 2, PER)]),
            [(1, 2, PER)]
        );
        assert_eq!(
            repaired(&["Pope", "Francis", "spoke"], &[(0, 2, PER)]),
            [(1, 2, PER)]
        );
        // A first name that is also a title stays; a title alone stays;
        // other types keep their words.
        assert_eq!(
            repaired(&["Dean", "Martin", "sang"], &[(0, 2, PER)]),
            [(0, 2, PER)]
        );
        assert_eq!(repaired(&["Mr", "said"], &[(0, 1, PER)]), [(0, 1, PER)]);
        assert_eq!(repaired(&["Mr", "Pugh", "Ltd"], &[(0, 3, 1)]), [(0, 3, 1)]);
        // A courtesy title opens a person's name whatever the model typed
        // the span; not a contest's name.
        assert_eq!(
            repaired(&["said", "Mr", "Brown", "."], &[(1, 3, LOC)]),
            [(2, 3, PER)]
        );
        assert_eq!(
            repaired(&["Ms", "Druyun", "admitted"], &[(0, 2, ORG)]),
            [(1, 2, PER)]
        );
        assert_eq!(
            repaired(&["Miss", "World", "contest"], &[(0, 2, MISC)]),
            [(0, 2, MISC)]
        );
        assert_eq!(
            repaired(&["Mr", "Smith", "Hospital", "said"], &[(0, 3, ORG)]),
            [(0, 3, ORG)]
        );
        // The words after a courtesy title the model left untagged are a
        // person's name, with a particle or not; not an institution's.
        assert_eq!(
            repaired(&["Mr.", "Comey", "'s", "letter"], &[]),
            [(1, 2, PER)]
        );
        assert_eq!(
            repaired(&["written", "by", "Ms", "al-Mansouri", "Okafor", "."], &[]),
            [(3, 5, PER)]
        );
        assert_eq!(repaired(&["Mr", "Pugh", "Ltd", "was", "sold"], &[]), []);
        // An office the title addresses is none; a name after it is.
        assert_eq!(
            repaired(&["Mr", "Deputy", "Speaker", ",", "I", "rise"], &[]),
            []
        );
        assert_eq!(
            repaired(&["before", "Mr", "Justice", "Fraser", "today"], &[]),
            [(3, 4, PER)]
        );
        assert_eq!(repaired(&["Miss", "World", "was", "held"], &[]), []);
    }

    #[test]
    fn contractions_offices_and_sentence_starts_leave_names() {
        assert_eq!(repaired(&["I’m", "sure"], &[(0, 1, LOC)]), []);
        assert_eq!(repaired(&["“", "I'd", "like"], &[(1, 2, ORG)]), []);
        assert_eq!(
            repaired(&["Kevin", "I'd", "like"], &[(0, 2, PER)]),
            [(0, 1, PER)]
        );
        assert_eq!(
            repaired(&["I've", "Got", "A", "Woman"], &[(0, 4, MISC)]),
            [(0, 4, MISC)]
        );
        // A word that only looks like one stays.
        assert_eq!(repaired(&["O'Hara", "said"], &[(0, 1, PER)]), [(0, 1, PER)]);
        assert_eq!(
            repaired(
                &["Acme", "Energy", "Managing", "Director", "Jo", "Smith"],
                &[(0, 3, ORG), (4, 6, PER)]
            ),
            [(0, 2, ORG), (4, 6, PER)]
        );
        assert_eq!(
            repaired(&["Acme", "Chief", "Executive", "Officer"], &[(0, 3, ORG)]),
            [(0, 1, ORG)]
        );
        // An opener that is the whole name, or not before an office, stays.
        assert_eq!(
            repaired(&["the", "Chief", "Director"], &[(1, 2, PER)]),
            [(1, 2, PER)]
        );
        assert_eq!(
            repaired(&["Acme", "Executive", "Jets", "said"], &[(0, 3, ORG)]),
            [(0, 3, ORG)]
        );
        assert_eq!(
            repaired(
                &[
                    "Acme",
                    "Holdings",
                    "Ltd.",
                    "The",
                    "Commerce",
                    "Department",
                    "said"
                ],
                &[(0, 6, ORG)]
            ),
            [(0, 3, ORG), (4, 6, ORG)]
        );
        // "The" inside a name, not after a dot, stays.
        assert_eq!(
            repaired(&["Church", "of", "The", "Holy", "Name"], &[(0, 5, ORG)]),
            [(0, 5, ORG)]
        );
    }

    #[test]
    fn institutions_run_on_past_a_joiner() {
        let words = ["the", "National", "Institute", "on", "Aging", "said"];
        assert_eq!(repaired(&words, &[(1, 3, ORG)]), [(1, 5, ORG)]);
        let words = ["the", "Office", "of", "Management", "and", "Budget", "said"];
        assert_eq!(repaired(&words, &[(1, 4, ORG)]), [(1, 6, ORG)]);
        let words = [
            "the",
            "Centers",
            "for",
            "Disease",
            "Control",
            "and",
            "Prevention",
            ".",
        ];
        assert_eq!(repaired(&words, &[(1, 5, ORG)]), [(1, 7, ORG)]);
        // "and" needs the name's own "of": two names otherwise.
        let words = ["the", "National", "Institute", "and", "Harvard", "said"];
        assert_eq!(repaired(&words, &[(1, 3, ORG)]), [(1, 3, ORG)]);
        // A tagged name, a weekday or a title's words after the joiner
        // are not the institution's.
        let words = [
            "Department",
            "of",
            "Justice",
            "and",
            "Attorney",
            "General",
            "Jo",
            "Smith",
        ];
        assert_eq!(
            repaired(&words, &[(0, 3, ORG), (6, 8, PER)]),
            [(0, 3, ORG), (6, 8, PER)]
        );
        let words = ["the", "Security", "Council", "on", "Friday", "voted"];
        assert_eq!(repaired(&words, &[(1, 3, ORG)]), [(1, 3, ORG)]);
        let words = ["Rob", "Da", "Bank", "on", "Thursdays", "plays"];
        assert_eq!(repaired(&words, &[(0, 3, ORG)]), [(0, 3, ORG)]);
        // Only organizations.
        let words = ["Ms", "Office", "on", "Monday"];
        assert_eq!(repaired(&words, &[(1, 2, PER)]), [(1, 2, PER)]);
    }

    #[test]
    fn a_medicine_after_its_kind_is_a_product() {
        let words = ["sells", "the", "drug", "Leqembi", "with", "Eisai"];
        assert_eq!(
            repaired(&words, &[(3, 4, PER), (5, 6, PER)]),
            [(3, 4, MISC), (5, 6, PER)]
        );
        // A person's full name stays a person ("drug lord Pablo Escobar"
        // is no product either way).
        let words = ["the", "drug", "Dean", "Escobar"];
        assert_eq!(repaired(&words, &[(2, 4, PER)]), [(2, 4, PER)]);
    }

    #[test]
    fn storms_are_events_and_rivers_places() {
        let words = ["after", "Storm", "Agnes", "in", "September"];
        assert_eq!(repaired(&words, &[(2, 3, PER)]), [(1, 3, MISC)]);
        let words = ["Hurricane", "Ian", "hit"];
        assert_eq!(repaired(&words, &[(0, 2, ORG)]), [(0, 2, MISC)]);
        let words = ["along", "the", "River", "Trent", "."];
        assert_eq!(repaired(&words, &[(2, 4, ORG)]), [(2, 4, LOC)]);
        // A storm of words, not a name.
        assert_eq!(
            repaired(&["a", "storm", "Agnes"], &[(2, 3, PER)]),
            [(2, 3, PER)]
        );
    }

    /// The words of `text`, split at its spaces.
    fn split(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    /// [`repaired`] with a lexicon that knows how often words are
    /// capitalized mid-sentence: subjects and heads are ordinary words (0
    /// to 2), the banks' and companies' names are names (4).
    fn repaired_with_caps(
        words: &[&str],
        spans: &[(usize, usize, usize)],
    ) -> Vec<(usize, usize, usize)> {
        let lex = Lexicon::parse(
            "",
            "competition\t0\nmarkets\t0\nauthority\t1\ninfrastructure\t0\ninvestment\t0\n\
             jobs\t0\nact\t1\ndigital\t1\nconsumers\t0\nbank\t1\nbarclays\t4\nhsbc\t4\n\
             lloyds\t4\nprices\t0\nrise\t0\nboard\t1\nbusiness\t1\nenergy\t2\n\
             industrial\t1\nstrategy\t1\nculture\t1\nmedia\t1\nsport\t2\ngoogle\t4\n\
             apple\t3\n",
        );
        let gaz = Gazetteer::parse("", "");
        let s = prepare(words, &lex, &gaz);
        let mut tags = tagged(words.len(), spans);
        repair(&s, &mut tags, &[], &gaz);
        tagger::spans(&tags)
    }

    #[test]
    fn a_credit_lines_names_are_people() {
        let words = split(
            "( Reporting by Ellen Marsh in Washington and Tom Kessler ; Editing by Ravi Desai )",
        );
        // The model's place stays; its organization in a name is the
        // person's.
        let spans = [(6, 7, LOC), (9, 10, ORG)];
        assert_eq!(
            repaired(&words, &spans),
            [(3, 5, PER), (6, 7, LOC), (8, 10, PER), (13, 15, PER)]
        );
        // One capitalized word is no name of a credit.
        assert_eq!(repaired(&split("( Reporting by Reuters )"), &[]), []);
    }

    #[test]
    fn era_marks_and_a_lone_numbers_label_are_no_names_and_ages_are_misc() {
        assert_eq!(
            repaired(
                &split("built in 500 BC and AD 79"),
                &[(3, 4, MISC), (5, 6, ORG)]
            ),
            []
        );
        assert_eq!(
            repaired(&split("the 14th century BCE ,"), &[(3, 4, ORG)]),
            []
        );
        // Away from a year the letters may be a name (British Columbia).
        assert_eq!(
            repaired(&split("fires in B.C. spread"), &[(2, 3, LOC)]),
            [(2, 3, LOC)]
        );
        assert_eq!(repaired(&split("the No. 2 official"), &[(1, 2, ORG)]), []);
        // With its number it may name a unit.
        assert_eq!(
            repaired(&split("No. 18 Squadron flew"), &[(0, 3, ORG)]),
            [(0, 3, ORG)]
        );
        // Shortened, it reads as a rank (news writes ranks far more often).
        assert_eq!(repaired(&split("No. 18 later flew"), &[(0, 2, ORG)]), []);
        assert_eq!(
            repaired(
                &split("tools of the Bronze Age and the Middle Ages"),
                &[(3, 5, ORG), (7, 9, LOC)]
            ),
            [(3, 5, MISC), (7, 9, MISC)]
        );
        // A longer name ending on the word is another thing.
        assert_eq!(
            repaired(&split("the magazine New Media Age said"), &[(2, 5, ORG)]),
            [(2, 5, ORG)]
        );
    }

    #[test]
    fn a_countrys_exit_in_one_word_is_misc() {
        assert_eq!(
            repaired(
                &split("Johnson said Brexit would be done"),
                &[(0, 1, PER), (2, 3, PER)]
            ),
            [(0, 1, PER), (2, 3, MISC)]
        );
        assert_eq!(
            repaired(
                &split("fears of Grexit and Italexit grew"),
                &[(2, 3, LOC), (4, 5, LOC)]
            ),
            [(2, 3, MISC), (4, 5, MISC)]
        );
        // Not the word alone, nor a longer name ending on it.
        assert_eq!(
            repaired(&split("the Exit festival"), &[(1, 2, ORG)]),
            [(1, 2, ORG)]
        );
        assert_eq!(
            repaired(&split("the Hazardexit company"), &[(1, 2, ORG)]),
            [(1, 2, ORG)]
        );
    }

    #[test]
    fn a_rulers_title_joins_the_institution_named_after_the_ruler() {
        let words = split("taken to the Queen Elizabeth Hospital in Leeds");
        assert_eq!(
            repaired(&words, &[(4, 6, ORG), (7, 8, LOC)]),
            [(3, 6, ORG), (7, 8, LOC)]
        );
        let words = split("staff at King Edward VII Hospital said");
        assert_eq!(repaired(&words, &[(2, 4, LOC), (4, 6, ORG)]), [(2, 6, ORG)]);
        let words = split("she studied at King 's College London before");
        assert_eq!(repaired(&words, &[(3, 4, LOC), (5, 7, LOC)]), [(3, 7, ORG)]);
        // A ruler's name before something else, or a title away from it.
        let words = split("Queen Elizabeth opened the Royal Hospital");
        assert_eq!(
            repaired(&words, &[(1, 2, PER), (4, 6, ORG)]),
            [(1, 2, PER), (4, 6, ORG)]
        );
        let words = split("King Charles visited Leeds");
        assert_eq!(
            repaired(&words, &[(1, 2, PER), (3, 4, LOC)]),
            [(1, 2, PER), (3, 4, LOC)]
        );
    }

    #[test]
    fn a_founders_or_saints_possessive_joins_the_institution_after_it() {
        let words = split("taken to St Mary 's Hospital in Leeds");
        assert_eq!(
            repaired(&words, &[(2, 4, LOC), (5, 6, LOC), (7, 8, LOC)]),
            [(2, 6, ORG), (7, 8, LOC)]
        );
        let words = split("doctors at St Thomas ' Hospital treated him");
        assert_eq!(repaired(&words, &[(2, 4, LOC)]), [(2, 6, ORG)]);
        let words = split("staff at Guy 's Hospital said");
        assert_eq!(repaired(&words, &[(2, 3, PER)]), [(2, 5, ORG)]);
        // A place and its body, a longer name after the possessive.
        let words = split("Britain 's Royal Navy sent ships");
        assert_eq!(
            repaired(&words, &[(0, 1, LOC), (2, 4, ORG)]),
            [(0, 1, LOC), (2, 4, ORG)]
        );
        let words = split("he went to Eton 's School of Music");
        assert_eq!(
            repaired(&words, &[(3, 4, LOC), (5, 8, ORG)]),
            [(3, 4, LOC), (5, 8, ORG)]
        );
        // A quotation's closing mark is no possessive.
        let words = split("the word ' Hospital ' was painted");
        assert_eq!(repaired(&words, &[]), []);
    }

    #[test]
    fn a_quoted_title_is_misc() {
        let words = split("critics praised \" The Salt Orchard \" on Monday");
        assert_eq!(repaired(&words, &[]), [(3, 6, MISC)]);
        // What the model read inside it is the work's name.
        let words = split("the film \" Michael Collins \" opened");
        assert_eq!(repaired(&words, &[(3, 5, PER)]), [(3, 5, MISC)]);
        let words = split("the BBC series \" Harrow Street , \" ended");
        assert_eq!(
            repaired(&words, &[(1, 2, ORG), (4, 6, LOC)]),
            [(1, 2, ORG), (4, 6, MISC)]
        );
        // A place or organization the model read across the quote stays,
        // without a work's noun or a possessive before it.
        let words = split("the mall is \" Cary Towne Center \" now");
        assert_eq!(repaired(&words, &[(4, 7, ORG)]), [(4, 7, ORG)]);
        // Quoted speech, a single word, and a name run on past the quote
        // are left alone.
        assert_eq!(repaired(&split("\" We are ready , \" she said"), &[]), []);
        assert_eq!(repaired(&split("he said \" Yes \" twice"), &[]), []);
    }

    #[test]
    fn an_institution_the_model_left_untagged_after_the_is_tagged() {
        let words = split("forecasters at the Met Office said it would rain");
        assert_eq!(repaired(&words, &[]), [(3, 5, ORG)]);
        let words = split("The Home Office said it would appeal");
        assert_eq!(repaired(&words, &[]), [(1, 3, ORG)]);
        // Not without "the", not on a place's word, not run on into more
        // capitals, not in a heading in title case.
        let gaz = Gazetteer::parse("London\tcity\tGB\t\t\t9000000\t\n", "");
        let words = split("a spokesman for the London Assembly said so");
        assert_eq!(repaired_in(&words, &[], &gaz), []);
        assert_eq!(repaired(&split("staff at Head Office said so"), &[]), []);
        let words = split("he said the Post Office Horizon system failed");
        assert_eq!(repaired(&words, &[]), []);
        assert_eq!(repaired(&split("Why the Home Office Matters"), &[]), []);
    }

    #[test]
    fn an_institution_takes_its_list_of_subjects() {
        let run = repaired_with_caps;
        let words = split("the Department for Business , Energy and Industrial Strategy said so");
        assert_eq!(run(&words, &[(1, 4, ORG)]), [(1, 9, ORG)]);
        let words = split("the Department for Digital , Culture , Media and Sport said so");
        assert_eq!(run(&words, &[(1, 4, ORG), (9, 10, ORG)]), [(1, 10, ORG)]);
        // Companies news always capitalizes stay names of their own.
        let words = split("the Department of Business , Google and Apple were sued");
        let spans = [(1, 4, ORG), (5, 6, ORG), (7, 8, ORG)];
        assert_eq!(run(&words, &spans), spans);
        // No "and" to end the list, or a name after it: left alone.
        let words = split("the Department for Business , Energy said so");
        assert_eq!(run(&words, &[(1, 4, ORG)]), [(1, 4, ORG)]);
    }

    #[test]
    fn a_name_cut_at_its_and_is_joined_when_its_subjects_are_ordinary_words() {
        let run = repaired_with_caps;
        // The subject tagged apart, or left out.
        let words = split("the Competition and Markets Authority said so");
        assert_eq!(run(&words, &[(1, 2, MISC), (3, 5, ORG)]), [(1, 5, ORG)]);
        assert_eq!(run(&words, &[(3, 5, ORG)]), [(1, 5, ORG)]);
        // A law stays misc.
        let words = split("the Infrastructure Investment and Jobs Act passed in May");
        assert_eq!(run(&words, &[(1, 3, ORG), (4, 6, MISC)]), [(1, 6, MISC)]);
        // Subjects joined by commas, an Oxford comma before "and".
        let words = split("the Digital Markets , Competition , and Consumers Act took effect");
        assert_eq!(run(&words, &[(1, 3, ORG), (7, 9, MISC)]), [(1, 9, MISC)]);
        // Names news capitalizes anyway are two names; a comma with no
        // subject before it joins nothing.
        let words = split("Barclays , HSBC and Lloyds Bank fell in trading");
        let spans = [(0, 1, ORG), (2, 3, ORG), (4, 6, ORG)];
        assert_eq!(run(&words, &spans), spans);
        let words = split("with him seated , and Markets Authority staff");
        assert_eq!(run(&words, &[(5, 7, ORG)]), [(5, 7, ORG)]);
        // A heading in title case is left as the model read it.
        let words = split("Prices Rise and Markets Board Meets");
        assert_eq!(run(&words, &[(3, 5, ORG)]), [(3, 5, ORG)]);
    }

    #[test]
    fn names_joined_by_an_ampersand_are_one_firm() {
        let words = ["Johnson", "&", "Johnson", "agreed"];
        assert_eq!(repaired(&words, &[(0, 1, PER), (2, 3, PER)]), [(0, 3, ORG)]);
        let words = ["Marks", "&", "Spencer", "said"];
        assert_eq!(repaired(&words, &[(0, 1, PER)]), [(0, 3, ORG)]);
        // Neither side a name the model found: left alone.
        assert_eq!(repaired(&["Arts", "&", "Culture"], &[]), []);
        // Places, nationalities, a place beside another kind, full names
        // and first names stay apart.
        let apart = |words: &[&str], spans: &[(usize, usize, usize)]| {
            assert_eq!(repaired(words, spans), spans, "{words:?}");
        };
        apart(
            &["Israeli", "&", "European", "firms"],
            &[(0, 1, MISC), (2, 3, MISC)],
        );
        apart(&["Acme", "&", "Paris"], &[(0, 1, ORG), (2, 3, LOC)]);
        apart(
            &["MTV", "&", "Wild", "on", "E"],
            &[(0, 1, ORG), (2, 5, ORG)],
        );
        apart(
            &["Matt", "Lucas", "&", "David", "Walliams"],
            &[(0, 2, PER), (3, 5, PER)],
        );
        apart(
            &["Office", "&", "Strategic", "Partnerships"],
            &[(2, 4, ORG)],
        );
    }

    #[test]
    fn party_and_state_and_lone_titles_are_no_names() {
        let words = ["Kevin", "McCarthy", ",", "R-Calif.", ",", "said"];
        assert_eq!(repaired(&words, &[(0, 2, PER), (3, 4, PER)]), [(0, 2, PER)]);
        assert_eq!(repaired(&["(", "D-CA", ")"], &[(1, 2, ORG)]), []);
        assert_eq!(repaired(&["on", "D-Day"], &[(1, 2, MISC)]), [(1, 2, MISC)]);
        let words = ["Sen.", "Chuck", "Schumer", "answered"];
        assert_eq!(repaired(&words, &[(0, 1, ORG), (1, 3, PER)]), [(1, 3, PER)]);
        // Not before a person: left to the model.
        assert_eq!(repaired(&["Gov.", "said"], &[(0, 1, ORG)]), [(0, 1, ORG)]);
    }

    #[test]
    fn air_before_a_place_is_an_airline() {
        assert_eq!(
            repaired(&["an", "Air", "France", "flight"], &[(2, 3, LOC)]),
            [(1, 3, ORG)]
        );
        assert_eq!(
            repaired(&["Air", "New", "Zealand", "said"], &[(1, 3, LOC)]),
            [(0, 3, ORG)]
        );
        // Lowercase air, or a person, stays as it is.
        assert_eq!(
            repaired(&["the", "air", "France", "breathes"], &[(2, 3, LOC)]),
            [(2, 3, LOC)]
        );
        assert_eq!(
            repaired(&["Air", "Jordan", "shoes"], &[(1, 2, PER)]),
            [(1, 2, PER)]
        );
    }

    #[test]
    fn credentials_and_drugs_are_never_people() {
        assert_eq!(repaired(&["a", "Ph.D.", "in"], &[(1, 2, PER)]), []);
        assert_eq!(
            repaired(&["Ada", "Okafor", ",", "M.D.", "said"], &[(0, 4, PER)]),
            [(0, 2, PER)]
        );
        assert_eq!(repaired(&["M.D.", "Ada"], &[(0, 1, 2)]), []);
        assert_eq!(repaired(&["a", "PhD", "in"], &[(1, 2, PER)]), []);
        // A credential in capitals only is as often an acronym.
        assert_eq!(repaired(&["MD", "said"], &[(0, 1, 2)]), [(0, 1, 2)]);
        assert_eq!(
            repaired(&["took", "Xanax", "daily"], &[(1, 2, PER)]),
            [(1, 2, MISC)]
        );
        assert_eq!(
            repaired(&["Allegra", "said"], &[(0, 1, PER)]),
            [(0, 1, PER)]
        );
    }

    /// The names `words` tagged `spans` come out as after the repairs,
    /// with the embedded name lists and places.
    fn repaired_embedded(words: &[&str], spans: &[(usize, usize, usize)]) -> Vec<String> {
        let gaz = Gazetteer::embedded();
        let s = prepare(words, Lexicon::embedded(), gaz);
        let mut tags = tagged(words.len(), spans);
        repair(&s, &mut tags, &[], gaz);
        tagger::spans(&tags)
            .into_iter()
            .map(|(a, b, ty)| format!("{} {ty}", words[a..b].join(" ")))
            .collect()
    }

    #[test]
    fn a_member_of_congress_and_the_state_are_a_person_and_a_place() {
        let w = ["Senator", "JD", "Vance", "of", "Ohio", "spoke"];
        assert_eq!(
            repaired_embedded(&w, &[(1, 5, ORG)]),
            [format!("JD Vance {PER}"), format!("Ohio {LOC}")]
        );
        let w = ["Sen.", "Rand", "Paul", "of", "Kentucky", "spoke"];
        assert_eq!(
            repaired_embedded(&w, &[(0, 5, ORG)]),
            [format!("Rand Paul {PER}"), format!("Kentucky {LOC}")]
        );
        // Parties, banks and titles stay whole.
        let w = [
            "the",
            "Christian",
            "Democratic",
            "Union",
            "of",
            "Germany",
            "won",
        ];
        assert_eq!(
            repaired_embedded(&w, &[(1, 6, ORG)]),
            [format!("Christian Democratic Union of Germany {ORG}")]
        );
        let w = ["the", "Bank", "of", "America", "fell"];
        assert_eq!(
            repaired_embedded(&w, &[(1, 4, ORG)]),
            [format!("Bank of America {ORG}")]
        );
    }
}
