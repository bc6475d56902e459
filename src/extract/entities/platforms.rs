//! Services people post, stream and shop on: "posted on Weibo",
//! "available on Spotify", "get it on Amazon for $39", "streaming on
//! Netflix", "follow us on Instagram, Facebook and YouTube", "took to
//! X", "announced via X". After "on", the recognizer reads a name it does not know as
//! a place, as it should for an island or a mountain ("lives on Crete",
//! "died on Everest"); what is done on the name, or a price after it,
//! says it is a service, an organization; so does a noun only a service
//! has after the name ("her Instagram account", "Twitter followers"). A
//! name the places table has is left a place whatever is done on it
//! ("posted on Guam").

use super::features::{Class, Token};
use super::gazetteer::DIRECTIONS;
use super::gazetteer::list as gaz_list;
use super::lexicon::list as names_list;

/// Lowercase words, a little before "on", of what is done on a service:
/// posting, streaming, selling, buying, listing, watching.
const PLATFORM_CUES: &[&str] = &[
    "follow",
    "follows",
    "followed",
    "subscribe",
    "posted",
    "posting",
    "posts",
    "post",
    "tweeted",
    "shared",
    "sharing",
    "uploaded",
    "wrote",
    "writing",
    "published",
    "trending",
    "viral",
    "followers",
    "available",
    "streaming",
    "streamed",
    "stream",
    "streams",
    "watch",
    "watched",
    "download",
    "downloaded",
    "sold",
    "sell",
    "sells",
    "selling",
    "listed",
    "listing",
    "bought",
    "buy",
    "buying",
    "order",
    "ordered",
    "deal",
    "deals",
    "advertising",
    "ads",
];

/// Lowercase verbs, right before "on" or a word or two before it, of what
/// is said on a service: "said on Zorblo", "chimed in on Zorblo",
/// "thanked her on Zorblo". Said further away, "on" is as likely a place's
/// ("said it would fly on Caribbean routes").
const SAYING_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "noted",
    "responded",
    "replied",
    "commented",
    "announced",
    "chimed",
    "thanked",
    "mocked",
];

/// How many tokens before "on" a [`SAYING_CUES`] verb may stand.
const SAYING_REACH: usize = 2;

/// Forms of "take" before "to" and a service's name ("took to Zorblo").
const TAKING: &[&str] = &["take", "takes", "took", "taking", "taken"];

/// How many tokens before "on" a cue may stand ("posted a video on X").
const CUE_REACH: usize = 4;

/// The gazetteer's place lists, as a token's `gaz` bits (a phrase
/// starting here, or one continuing through here).
const PLACES: u16 = gaz_list::PLACE as u16 | (gaz_list::PLACE as u16) << 8;

/// Whether the one-word name at `i`, no place of the table, is a service:
/// something is posted, streamed or sold on it ("on" after a cue), or a
/// noun only a service has follows it ("Zorblo account").
pub(crate) fn is_service(s: &[Token], i: usize) -> bool {
    reads_as_service(s, i, true, SERVICE_NOUNS)
}

/// [`is_service`] without "took to X": evidence strong enough for the
/// name's other mentions in the article, which "taken to" is not ("we
/// have taken to Europe really well").
pub(crate) fn is_shown_service(s: &[Token], i: usize) -> bool {
    reads_as_service(s, i, false, SERVICE_NOUNS)
}

/// [`is_shown_service`] for a name the model read as a person's, on no
/// list of first names or surnames: only what is done on a service and
/// the nouns no artist's work shares ("said on Zorblo", "20,000 Zorblo
/// followers"; not "a Zorblo video", which may be a singer's).
pub(crate) fn is_service_not_person(s: &[Token], i: usize) -> bool {
    s.get(i)
        .is_some_and(|t| t.names & (names_list::FIRST_NAME | names_list::SURNAME) == 0)
        && reads_as_service(s, i, false, ACCOUNT_NOUNS)
}

/// [`is_service`], reading "took to X" only when `taking`, and `nouns`
/// after the name.
fn reads_as_service(s: &[Token], i: usize, taking: bool, nouns: &[&str]) -> bool {
    if s.get(i).is_none_or(|t| t.gaz & PLACES != 0) {
        return false;
    }
    if service_noun_after(s, i, nouns) {
        return true;
    }
    // "on Instagram, Facebook and YouTube": the list's first name is
    // right after "on".
    let mut first = i;
    while first >= 2
        && matches!(s[first - 1].lower.as_str(), "," | "and" | "or")
        && s[first - 2].class == Class::Capitalized
        && s[first - 2].gaz & PLACES == 0
    {
        first -= 2;
    }
    let Some(on) = first.checked_sub(1) else {
        return false;
    };
    // "took to Zorblo to say": one takes to a service (or the streets,
    // in lowercase), not to a place.
    if taking
        && s[on].lower == "to"
        && s[on].class == Class::Lower
        && on
            .checked_sub(1)
            .is_some_and(|v| TAKING.contains(&s[v].lower.as_str()) && s[v].class == Class::Lower)
    {
        return true;
    }
    // "announced via Zorblo", "rented via Zorbnb": what a message or a
    // deal goes through, when no place of the table, is a service; not a
    // region written with its direction ("via Pacific northwest").
    if s[on].lower == "via" && s[on].class == Class::Lower {
        return s
            .get(i + 1)
            .is_none_or(|t| t.class != Class::Lower || !DIRECTIONS.contains(&t.lower.as_str()));
    }
    if s[on].lower != "on" || s[on].class != Class::Lower {
        return false;
    }
    let cue = s[on.saturating_sub(CUE_REACH)..on]
        .iter()
        .any(|t| PLATFORM_CUES.contains(&t.lower.as_str()))
        || s[on.saturating_sub(SAYING_REACH)..on]
            .iter()
            .any(|t| SAYING_CUES.contains(&t.lower.as_str()));
    // "on Amazon for $39": a price follows what a shop sells.
    let price = s.get(i + 1).is_some_and(|t| t.lower == "for")
        && s.get(i + 2).is_some_and(|t| {
            t.class == Class::Punct && matches!(t.lower.as_str(), "$" | "£" | "€" | "¥")
        });
    cue || price
}

/// Lowercase nouns of what only a service has, right after its name:
/// "his Zorblo account", "Zorblo followers", "a Zorblo post".
const SERVICE_NOUNS: &[&str] = &[
    "account",
    "accounts",
    "feed",
    "handle",
    "post",
    "posts",
    "page",
    "profile",
    "followers",
    "messages",
    "video",
    "videos",
    "livestream",
    "timeline",
];

/// The [`SERVICE_NOUNS`] that no person's work shares: an account and
/// its followers.
const ACCOUNT_NOUNS: &[&str] = &[
    "account",
    "accounts",
    "feed",
    "handle",
    "profile",
    "followers",
];

/// Whether one of `nouns` follows the name at `i`.
fn service_noun_after(s: &[Token], i: usize, nouns: &[&str]) -> bool {
    s.get(i + 1)
        .is_some_and(|t| t.class == Class::Lower && nouns.contains(&t.lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::features;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn service(words: &[&str], i: usize) -> bool {
        let s = features::prepare(words, Lexicon::embedded(), Gazetteer::embedded());
        is_service(&s, i)
    }

    #[test]
    fn what_is_posted_streamed_or_sold_on_is_a_service() {
        assert!(service(
            &["he", "posted", "a", "video", "on", "Zorblo", "."],
            5
        ));
        assert!(service(
            &["it", "is", "streaming", "on", "Quillflix", "now"],
            4
        ));
        assert!(service(
            &["Get", "it", "on", "Vantaro", "for", "$", "39", "."],
            3
        ));
        // Every name of a list after "on".
        let w = [
            "Follow",
            "us",
            "on",
            "Zorblo",
            ",",
            "Quillgram",
            "and",
            "Vantube",
        ];
        assert!(service(&w, 5) && service(&w, 7));
        // A noun only a service has after the name, with or without "on".
        assert!(service(&["his", "Zorblo", "account", "was"], 1));
        assert!(service(&["gaining", "900", "Zorblo", "followers"], 2));
        // What is said on it, right before "on".
        assert!(service(&["she", "said", "on", "Zorblo", "."], 3));
        assert!(service(&["Jo", "thanked", "Al", "on", "Zorblo"], 4));
        assert!(!service(
            &["Jo", "said", "it", "will", "fly", "on", "Vantel", "routes"],
            6
        ));
        // What a message or a deal goes through; not a region with its
        // direction, nor a place of the table.
        assert!(service(&["announced", "via", "Zorblo", "that"], 2));
        assert!(!service(&["shipped", "via", "Zorblo", "northwest"], 2));
        assert!(!service(&["flights", "via", "Dubai", "."], 2));
        // One takes to a service.
        assert!(service(&["she", "took", "to", "Zorblo", "to", "say"], 3));
        assert!(!service(&["she", "went", "to", "Zorblo", "to", "say"], 3));
    }

    #[test]
    fn a_name_read_as_a_persons_is_a_service_only_on_strong_evidence() {
        let not_person = |words: &[&str], i: usize| {
            let s = features::prepare(words, Lexicon::embedded(), Gazetteer::embedded());
            is_service_not_person(&s, i)
        };
        assert!(not_person(&["Jo", "said", "on", "Zorblo", "Thursday"], 3));
        assert!(not_person(&["his", "20,000", "Zorblo", "followers"], 2));
        // A singer's video; a census surname said on.
        assert!(!not_person(&["a", "new", "Zorblo", "video"], 2));
        assert!(!not_person(&["she", "wrote", "on", "Smith", "."], 3));
    }

    #[test]
    fn islands_mountains_and_places_of_the_table_stay_places() {
        // No cue: an island or a mountain.
        assert!(!service(&["she", "lives", "on", "Zorblo", "."], 3));
        assert!(!service(&["he", "died", "on", "Everest", "."], 3));
        // A place of the table, whatever is done on it.
        assert!(!service(&["troops", "posted", "on", "Guam", "."], 3));
        // Not after "on".
        assert!(!service(&["he", "posted", "from", "Zorblo", "."], 3));
        // A capitalized word after the name is another name.
        assert!(!service(&["the", "Zorblo", "Post", "said"], 1));
    }
}
