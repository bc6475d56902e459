//! Rule-based sentence boundaries for news prose: a terminator (. ! ? …),
//! optional closing quotes or brackets, white space, then something that can
//! start a sentence — unless the period belongs to an abbreviation, an
//! initial or a dotted acronym that the next word shows to be mid-sentence.

use std::ops::Range;

/// Abbreviations that are practically never the last word of a sentence
/// (titles, "No." before a number, month names before a day).
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "gov", "sen", "rep", "rev", "hon", "pres", "supt", "st", "mt", "ft", "messrs", "mme", "mlle",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "fig", "figs", "ch", "art", "para", "pp", "p", "vs", "v", "approx",
    "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "cf", "al", "ca", "op", "jr", "sr",
];

/// Words that, capitalized after an ambiguous period ("U.S.", "Inc."),
/// show that a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "moreover",
    "my",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "she",
    "so",
    "some",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "yet",
    "you",
    "how",
    "many",
    "most",
    "since",
    "still",
    "with",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡'
    )
}

/// Splits `text` (one paragraph, or several separated by blank lines) into
/// sentence byte ranges, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for (i, _) in text.match_indices("\n\n") {
        split_paragraph(text, para_start, i, &mut out);
        para_start = i + 2;
    }
    split_paragraph(text, para_start, text.len(), &mut out);
    out
}

fn split_paragraph(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let para = &text[from..to];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut start = 0usize;
    let mut i = 0usize;
    let mut depth = 0i32;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            '\n' => {
                push_trimmed(para, from, start, chars[i].0, out);
                start = chars[i].0 + 1;
                i += 1;
                continue;
            }
            _ => {}
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        // The terminator run: "?!", "...", ".”", ".)".
        let term_first = i;
        let mut j = i;
        while j < chars.len() && is_terminator(chars[j].1) {
            j += 1;
        }
        let term_last = j - 1;
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end_byte = chars.get(j).map_or(para.len(), |&(b, _)| b);
        if j >= chars.len() {
            break;
        }
        if !chars[j].1.is_whitespace() {
            if is_glued_boundary(&chars, term_first, j) {
                push_trimmed(para, from, start, end_byte, out);
                start = chars[j].0;
                depth = 0;
            }
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        if is_boundary(para, &chars, term_first, term_last, k, depth) {
            push_trimmed(para, from, start, end_byte, out);
            start = chars[k].0;
            depth = 0;
        }
        i = k;
    }
    push_trimmed(para, from, start, para.len(), out);
}

fn push_trimmed(para: &str, base: usize, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(base + s + lead..base + s + lead + trimmed.len());
    }
}

/// Decides whether the terminator run `chars[first..=last]`, followed by white
/// space and the character at `next`, ends a sentence.
fn is_boundary(
    para: &str,
    chars: &[(usize, char)],
    first: usize,
    last: usize,
    next: usize,
    depth: i32,
) -> bool {
    let mut n = next;
    while n < chars.len() && is_opener(chars[n].1) {
        n += 1;
    }
    let Some(&(next_byte, next_char)) = chars.get(n) else {
        return true;
    };
    if next_char.is_lowercase() {
        return false;
    }
    if !(next_char.is_uppercase() || next_char.is_numeric() || n > next) {
        return false;
    }
    // Inside brackets a period rarely ends the surrounding sentence.
    if depth > 0 && chars[last].1 == '.' {
        return false;
    }
    if chars[first].1 != '.' || last != first {
        // "!", "?", "…" or "...": a boundary when what follows starts a sentence.
        return true;
    }
    let word = word_before(para, chars, first);
    let lower = word.to_lowercase();
    let next_word = word_at(para, next_byte);
    if NON_FINAL_ABBREVIATIONS.contains(&lower.as_str()) {
        // "Mr. Smith", "Jan. 5", "No. 10" — but "...in the first round no." is rare enough.
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let dotted = word.contains('.') && word.chars().any(char::is_alphabetic);
    if single_initial || dotted {
        return SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

/// Exports that lost their line breaks glue sentences together: "the
/// Soviet Union.Putin has…". A terminator between a lowercase word (or a
/// number) and a capitalized word is a boundary; "U.S.Army", "ASP.NET" and
/// "kremlin.ru" are not, because they lack that pattern.
fn is_glued_boundary(chars: &[(usize, char)], term_first: usize, next: usize) -> bool {
    let before = term_first.checked_sub(1).map(|i| chars[i].1);
    let before2 = term_first.checked_sub(2).map(|i| chars[i].1);
    let word_end = match (before2, before) {
        (Some(a), Some(b)) => {
            (b.is_lowercase() && (a.is_lowercase() || a.is_numeric()))
                || (b.is_numeric() && a.is_numeric())
                || (is_closer(b) && a.is_lowercase())
        }
        _ => false,
    };
    let capitalized = chars.get(next).is_some_and(|c| c.1.is_uppercase())
        && chars.get(next + 1).is_some_and(|c| c.1.is_lowercase());
    word_end && capitalized
}

/// The token right before the period at `at`, e.g. "Mr" or "U.S".
fn word_before<'a>(para: &'a str, chars: &[(usize, char)], at: usize) -> &'a str {
    let end = chars[at].0;
    let mut s = at;
    while s > 0 {
        let c = chars[s - 1].1;
        if c.is_alphanumeric() || c == '.' {
            s -= 1;
        } else {
            break;
        }
    }
    &para[chars.get(s).map_or(end, |&(b, _)| b)..end]
}

fn word_at(para: &str, at: usize) -> &str {
    let rest = &para[at..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn simple() {
        assert_eq!(
            sentences("Hello world. This is it! Is it? Yes."),
            vec!["Hello world.", "This is it!", "Is it?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            sentences("Mr. Smith paid $4.5 million to J. R. Doe on Jan. 5. He left."),
            vec![
                "Mr. Smith paid $4.5 million to J. R. Doe on Jan. 5.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("He lives in the U.S. The rest is history."),
            vec!["He lives in the U.S.", "The rest is history."]
        );
        assert_eq!(
            sentences("The U.S. Army arrived."),
            vec!["The U.S. Army arrived."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            sentences("“We will win,” he said. “Never.” Then... silence. Done…"),
            vec![
                "“We will win,” he said.",
                "“Never.”",
                "Then... silence.",
                "Done…"
            ]
        );
    }

    #[test]
    fn glued_sentences_are_split() {
        assert_eq!(
            sentences(
                "It began with the Soviet Union.Putin has visited. See kremlin.ru and ASP.NET now."
            ),
            vec![
                "It began with the Soviet Union.",
                "Putin has visited.",
                "See kremlin.ru and ASP.NET now."
            ]
        );
    }

    #[test]
    fn paragraphs_are_hard_breaks() {
        assert_eq!(
            sentences("Title without stop\n\nBody here"),
            vec!["Title without stop", "Body here"]
        );
    }
}
