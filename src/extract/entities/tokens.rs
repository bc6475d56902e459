//! Raw text → word tokens cut the way the CoNLL-2003 data is cut, so the
//! recognizer sees the same units at run time as it was trained on:
//! punctuation apart, a possessive `'s` apart ("Peru's" → "Peru" "'s"),
//! abbreviations with their dot ("U.S.", "Mr."), hyphenated words whole,
//! a hyphen written against a capitalized word apart (a dash: "-The").

use std::ops::Range;

/// Characters split off the front of a word.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '"'
            | '\''
            | '“'
            | '‘'
            | '«'
            | '`'
            | '„'
            | '¿'
            | '¡'
            | '*'
            | '#'
            | '$'
            | '£'
            | '€'
    )
}

/// Characters split off the end of a word (a final dot is handled apart).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '”'
            | '’'
            | '\''
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
            | '%'
    )
}

/// Dashes that separate two words written without spaces ("war—and").
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Abbreviations that keep their final dot (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rep",
    "sen", "gov", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "no", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "plc",
    "pty", "dept", "univ", "etc", "approx", "est", "fig", "maj", "messrs", "sens", "reps", "govs",
    "gens",
];

/// The tokens of `text` as byte ranges, offset by `base`.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    tokenize_into(text, base, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), so a caller tokenizing many
/// sentences reuses one buffer.
pub(crate) fn tokenize_into(text: &str, base: usize, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, base, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), base, out);
    }
    // "No." keeps its dot before a number ("No. 10"); ending the text,
    // where no number follows, the dot is a full stop ("… said no.").
    if let Some(last) = out.last().cloned()
        && text
            .get(last.start - base..last.end - base)
            .is_some_and(|w| w.eq_ignore_ascii_case("no."))
    {
        out.pop();
        out.push(last.start..last.end - 1);
        out.push(last.end - 1..last.end);
    }
}

/// Arabic articles and kin words that news writes in lowercase, joined by
/// a hyphen to the capitalized name they open ("al-Sisi", "el-Erian",
/// "bin-Laden", "ash-Sharaa").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "abu", "abd",
];

/// Whether `word` is a listed particle, a hyphen (or an en dash, as some
/// outlets set it: "al–Sham"), then a word of two letters or more
/// ("al-Zawahiri"); with `cased`, the particle in lowercase and the name
/// capitalized, as written.
pub(crate) fn is_particle_surname_word(word: &str, cased: bool) -> bool {
    word.split_once(['-', '–']).is_some_and(|(particle, rest)| {
        NAME_PARTICLES.contains(&particle)
            && rest.chars().count() >= 2
            && rest.chars().all(char::is_alphabetic)
            && (!cased || rest.starts_with(char::is_uppercase))
    })
}

/// Whether `word` is a word with its final "g" dropped and marked by an
/// apostrophe ("Takin’", "rockin'", "nothin’"): the apostrophe is the
/// word's, not a closing quote, so a quoted title that opens with one
/// ("“Takin’ It to the Streets”") stays whole. The word with its "g"
/// must be one the capitalization table knows ("taking"), so a closing
/// quote after a name ending in "in" ("the ‘Berlin’ model") still closes.
fn drops_its_g(word: &str) -> bool {
    let Some(stem) = word.strip_suffix(['’', '\'']) else {
        return false;
    };
    stem.len() > 3
        && stem.ends_with("in")
        && stem.chars().all(char::is_alphabetic)
        && super::lexicon::Lexicon::embedded()
            .caps(super::hash::of_str(&format!("{}g", stem.to_lowercase())))
            .is_some()
}

/// Splits one whitespace-free chunk `text[s..e]` into tokens.
fn split_chunk(text: &str, s: usize, e: usize, base: usize, out: &mut Vec<Range<usize>>) {
    // Dashes inside the chunk separate words, but for an en dash set
    // after a name's particle ("al–Sham", "al–Jadaan": one word).
    let chunk = &text[s..e];
    if chunk.chars().any(is_dash)
        && chunk.chars().any(|c| !is_dash(c))
        && !is_particle_surname_word(chunk.trim_end_matches(|c: char| !c.is_alphanumeric()), true)
    {
        let mut from = s;
        for (i, c) in chunk.char_indices() {
            if is_dash(c) {
                if from < s + i {
                    split_chunk(text, from, s + i, base, out);
                }
                out.push(base + s + i..base + s + i + c.len_utf8());
                from = s + i + c.len_utf8();
            }
        }
        if from < e {
            split_chunk(text, from, e, base, out);
        }
        return;
    }
    let mut s = s;
    let mut e = e;
    // Leading punctuation, one token each; a hyphen before a capital is a
    // dash written against the next word ("(Reuters) -The Biden …").
    while s < e {
        let mut chars = text[s..e].chars();
        let c = chars.next().unwrap_or(' ');
        let dash_before_capital = c == '-' && chars.next().is_some_and(char::is_uppercase);
        if (is_opening(c) || dash_before_capital) && e - s > c.len_utf8() {
            out.push(base + s..base + s + c.len_utf8());
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation and possessives, pushed in reverse, then the
    // word, then the whole tail turned around.
    let tail_from = out.len();
    loop {
        let word = &text[s..e];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        let n = word.len();
        if n > 2 && (word.ends_with("'s") || word.ends_with("'S")) {
            out.push(base + e - 2..base + e);
            e -= 2;
            continue;
        }
        if n > 4 && (word.ends_with("’s") || word.ends_with("’S")) {
            out.push(base + e - 4..base + e);
            e -= 4;
            continue;
        }
        if c == '.' && n > 1 {
            if keeps_dot(&word[..n - 1]) {
                break;
            }
            out.push(base + e - 1..base + e);
            e -= 1;
            continue;
        }
        if is_closing(c) && n > c.len_utf8() && !drops_its_g(word) {
            out.push(base + e - c.len_utf8()..base + e);
            e -= c.len_utf8();
            continue;
        }
        break;
    }
    if s < e {
        out.push(base + s..base + e);
    }
    out[tail_from..].reverse();
}

/// A word followed by a dot that belongs to it: an initial ("J."), an
/// abbreviation with inner dots ("U.S"), or a common abbreviation ("Mr").
fn keeps_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    if let (Some(c), None) = (first, chars.next()) {
        return c.is_uppercase();
    }
    if word.contains('.')
        && word.chars().all(|c| c == '.' || c.is_alphabetic())
        && word.split('.').all(|part| part.chars().count() <= 2)
    {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_dropped_g_keeps_its_apostrophe_a_closing_quote_does_not() {
        assert_eq!(
            words("“Takin’ It to the Streets”"),
            ["“", "Takin’", "It", "to", "the", "Streets", "”"]
        );
        assert_eq!(
            words("the ‘Berlin’ model"),
            ["the", "‘", "Berlin", "’", "model"]
        );
    }

    #[test]
    fn a_final_no_ends_on_a_full_stop() {
        assert_eq!(
            words("Officials said no."),
            ["Officials", "said", "no", "."]
        );
        assert_eq!(words("He ranked No. 10"), ["He", "ranked", "No.", "10"]);
        assert_eq!(tokenize("said no.", 5), [5..9, 10..12, 12..13]);
    }

    #[test]
    fn conll_style_tokens() {
        assert_eq!(
            words("Peru's President (Mr. Smith) met U.S. officials, \"twice\"."),
            [
                "Peru",
                "'s",
                "President",
                "(",
                "Mr.",
                "Smith",
                ")",
                "met",
                "U.S.",
                "officials",
                ",",
                "\"",
                "twice",
                "\"",
                "."
            ]
        );
        assert_eq!(
            words("Lima-led bloc—and RFE/RL’s"),
            ["Lima-led", "bloc", "—", "and", "RFE/RL", "’s"]
        );
        assert_eq!(
            words("(Reuters) -The Biden -ish -5"),
            ["(", "Reuters", ")", "-", "The", "Biden", "-ish", "-5"]
        );
        // An en dash after a name's particle joins; between names it
        // separates.
        assert_eq!(
            words("Ansar al–Sharia; Kenya–Uganda border"),
            ["Ansar", "al–Sharia", ";", "Kenya", "–", "Uganda", "border"]
        );
        assert_eq!(words("J. Smith"), ["J.", "Smith"]);
        assert_eq!(words("Sens. Doe and Roe"), ["Sens.", "Doe", "and", "Roe"]);
        assert_eq!(words("at Newsroom.org."), ["at", "Newsroom.org", "."]);
        assert_eq!(words("ends."), ["ends", "."]);
        assert_eq!(words("3.5%"), ["3.5", "%"]);
    }

    #[test]
    fn offsets_are_shifted_by_base() {
        assert_eq!(tokenize("a b", 10), [10..11, 12..13]);
        assert!(tokenize("   ", 0).is_empty());
    }
}
