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
    "govs", "sens", "reps", "gens", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "nos", "vol", "vols", "fig", "figs", "ch", "art", "para", "pp", "p",
    "vs", "v", "approx", "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "cf", "al", "ca",
    "op", "jr", "sr", "n°", "nº",
];

/// Words that, capitalized after an ambiguous period ("U.S.", "I."),
/// show that a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "for",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "my",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
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
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
];

/// Time abbreviations: ambiguous like acronyms, but they end a sentence
/// when a capitalized word follows a clause long enough to stand alone.
const TIME_ABBREVIATIONS: &[&str] = &["a.m", "p.m"];
/// Fewer words than this before "a.m."/"p.m." make a fragment, not a sentence.
const MIN_CLAUSE_WORDS: usize = 4;

/// Characters that introduce a list item ("• 9. First").
const BULLETS: &[char] = &['•', '⁃', '◦', '▪', '‣', '·', '-', '*', '–'];

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

/// Splits `text` (one paragraph, or several separated by blank lines or line
/// breaks) into sentence byte ranges, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, _) in text.match_indices('\n') {
        split_line(text, line_start, i, &mut out);
        line_start = i + 1;
    }
    split_line(text, line_start, text.len(), &mut out);
    out
}

/// One line: a list of numbered items is split at each item first.
fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    if line.trim().is_empty() {
        return;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let items = list_items(&chars);
    if items.is_empty() {
        Splitter {
            text: line,
            base: from,
            chars: &chars,
            out,
        }
        .run(0, chars.len(), 0);
        return;
    }
    for (n, &(start, marker_end)) in items.iter().enumerate() {
        let end = items.get(n + 1).map_or(chars.len(), |next| next.0);
        Splitter {
            text: line,
            base: from,
            chars: &chars,
            out,
        }
        .run(start, end, marker_end);
    }
}

struct Splitter<'a, 'o> {
    text: &'a str,
    base: usize,
    chars: &'a [(usize, char)],
    out: &'o mut Vec<Range<usize>>,
}

impl Splitter<'_, '_> {
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |c| c.0)
    }

    /// Splits chars `[lo, hi)`; terminators before `protect` (a list marker) never split.
    fn run(&mut self, lo: usize, hi: usize, protect: usize) {
        let chars = self.chars;
        let mut start = lo;
        let mut i = protect.max(lo);
        let mut depth = 0i32;
        while i < hi {
            let c = chars[i].1;
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = (depth - 1).max(0),
                _ => {}
            }
            if c == '.' && i > 0 && chars[i - 1].1.is_whitespace() {
                // A '.' after a space is a dot of a spaced ellipsis (". . .");
                // four of them are an ellipsis and a period: "a period . . . . Next".
                if let Some(next) = four_dot_end(chars, i, hi) {
                    self.push(start, i + 1);
                    start = next;
                    i = next;
                } else {
                    i += 1;
                }
                continue;
            }
            if !is_terminator(c) {
                i += 1;
                continue;
            }
            let term_first = i;
            let mut j = i;
            while j < hi && is_terminator(chars[j].1) {
                j += 1;
            }
            let term_last = j - 1;
            while j < hi && is_closer(chars[j].1) {
                j += 1;
            }
            if j >= hi {
                break;
            }
            if !chars[j].1.is_whitespace() {
                if is_glued_boundary(chars, term_first, j) && !in_address(chars, term_first) {
                    self.push(start, j);
                    start = j;
                    depth = 0;
                }
                i = j.max(i + 1);
                continue;
            }
            let mut k = j;
            while k < hi && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k >= hi {
                break;
            }
            if self.is_boundary(start, term_first, term_last, k, hi, depth) {
                self.push(start, j);
                start = k;
                depth = 0;
            }
            i = k;
        }
        self.push(start, hi);
    }

    fn push(&mut self, s: usize, e: usize) {
        let (s, e) = (self.byte(s), self.byte(e));
        let piece = &self.text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let b = self.base + s + lead;
            self.out.push(b..b + trimmed.len());
        }
    }

    /// Decides whether the terminator run `chars[first..=last]`, followed by
    /// white space and the character at `next`, ends the sentence begun at `start`.
    fn is_boundary(
        &self,
        start: usize,
        first: usize,
        last: usize,
        next: usize,
        hi: usize,
        depth: i32,
    ) -> bool {
        let chars = self.chars;
        let mut n = next;
        while n < hi && is_opener(chars[n].1) {
            n += 1;
        }
        let Some(&(next_byte, next_char)) = chars.get(n).filter(|_| n < hi) else {
            return true;
        };
        if next_char == '.' {
            // "compounds. . . . The practice": a period, then an ellipsis that
            // opens the next sentence.
            return last == first
                && chars[first].1 == '.'
                && spaced_ellipsis_then_capital(chars, n, hi);
        }
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
        let word = word_before(self.text, chars, first);
        let lower = word.to_lowercase();
        let next_word = word_at(self.text, next_byte).to_lowercase();
        if NON_FINAL_ABBREVIATIONS.contains(&lower.as_str()) {
            return false;
        }
        if TIME_ABBREVIATIONS.contains(&lower.as_str()) {
            let words = self.text[self.byte(start)..self.byte(first)]
                .split_whitespace()
                .count();
            return words >= MIN_CLAUSE_WORDS || SENTENCE_STARTERS.contains(&next_word.as_str());
        }
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if single_initial || is_dotted_acronym(word) {
            return SENTENCE_STARTERS.contains(&next_word.as_str());
        }
        true
    }
}

/// "U.S", "e.g", "P.M": single letters joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// From a '.' at `at`: `. . .` or `...` (spaced or not), then a capitalized word.
fn spaced_ellipsis_then_capital(chars: &[(usize, char)], at: usize, hi: usize) -> bool {
    let mut i = at;
    let mut dots = 0;
    while i < hi && (chars[i].1 == '.' || chars[i].1 == ' ') {
        dots += usize::from(chars[i].1 == '.');
        i += 1;
    }
    dots >= 3 && i < hi && chars[i - 1].1 == ' ' && chars[i].1.is_uppercase()
}

/// If the '.' at `at` is the last of a spaced run of four or more dots
/// followed by a capitalized word, where that word starts.
fn four_dot_end(chars: &[(usize, char)], at: usize, hi: usize) -> Option<usize> {
    let mut dots = 0;
    let mut i = at;
    // Four are enough: looking further back would make long runs quadratic.
    while i > 0 && dots < 4 && (chars[i].1 == '.' || chars[i].1 == ' ') {
        // Only free-standing dots count: "compounds. . . ." is a period and three.
        dots += usize::from(chars[i].1 == '.' && chars[i - 1].1 == ' ');
        i -= 1;
    }
    let mut k = at + 1;
    if k < hi && chars[k].1 == '.' {
        return None;
    }
    while k < hi && chars[k].1 == ' ' {
        k += 1;
    }
    if k < hi && chars[k].1 == '.' {
        return None;
    }
    (dots >= 4 && k < hi && k > at + 1 && chars[k].1.is_uppercase()).then_some(k)
}

/// True when the character at `at` is inside an e-mail address or URL.
fn in_address(chars: &[(usize, char)], at: usize) -> bool {
    let mut s = at;
    while s > 0 && !chars[s - 1].1.is_whitespace() {
        s -= 1;
    }
    let mut e = at;
    while e < chars.len() && !chars[e].1.is_whitespace() {
        e += 1;
    }
    let token: String = chars[s..e].iter().map(|c| c.1).collect();
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}

/// A list label: a number or a single letter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Number(u32),
    Letter(char),
}

impl Label {
    fn next(self) -> Option<Label> {
        match self {
            Label::Number(n) => Some(Label::Number(n + 1)),
            Label::Letter(c) => char::from_u32(c as u32 + 1)
                .filter(char::is_ascii_alphabetic)
                .map(Label::Letter),
        }
    }
}

/// A list marker at char `p`: optional bullet, a label, a delimiter (".", ")"
/// or ".)") and a space. Returns the label, the delimiter and where the
/// item's text begins.
fn marker_at(chars: &[(usize, char)], p: usize) -> Option<(Label, &'static str, usize)> {
    let mut q = p;
    if chars.get(q).is_some_and(|c| BULLETS.contains(&c.1)) {
        q += 1;
        while chars.get(q).is_some_and(|c| c.1 == ' ') {
            q += 1;
        }
    }
    let digits = chars[q.min(chars.len())..]
        .iter()
        .take_while(|c| c.1.is_ascii_digit())
        .count();
    let label = if (1..=3).contains(&digits) {
        let n: String = chars[q..q + digits].iter().map(|c| c.1).collect();
        q += digits;
        Label::Number(n.parse().ok()?)
    } else if digits == 0 && chars.get(q).is_some_and(|c| c.1.is_ascii_lowercase()) {
        q += 1;
        Label::Letter(chars[q - 1].1)
    } else {
        return None;
    };
    let delim = match (chars.get(q).map(|c| c.1), chars.get(q + 1).map(|c| c.1)) {
        (Some('.'), Some(')')) => ".)",
        (Some('.'), _) => ".",
        (Some(')'), _) => ")",
        _ => return None,
    };
    q += delim.chars().count();
    chars.get(q).filter(|c| c.1 == ' ')?;
    Some((label, delim, q))
}

/// Items of an inline numbered list that starts the line ("1.) a 2.) b"):
/// `(item start, text start)` char indices. Empty when the line is not a list.
fn list_items(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let first = chars.iter().take_while(|c| c.1.is_whitespace()).count();
    let Some((mut label, delim, text_start)) = marker_at(chars, first) else {
        return Vec::new();
    };
    let mut items = vec![(first, text_start)];
    let mut from = text_start;
    while let Some(want) = label.next() {
        let found = (from..chars.len()).find(|&k| {
            chars[k - 1].1.is_whitespace()
                && marker_at(chars, k).is_some_and(|(l, d, _)| l == want && d == delim)
        });
        let Some(k) = found else { break };
        let Some((_, _, text)) = marker_at(chars, k) else {
            break;
        };
        items.push((k, text));
        label = want;
        from = text;
    }
    items
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

/// The token right before the period at `at`, e.g. "Mr", "U.S" or "N°".
fn word_before<'a>(para: &'a str, chars: &[(usize, char)], at: usize) -> &'a str {
    let end = chars[at].0;
    let mut s = at;
    while s > 0 {
        let c = chars[s - 1].1;
        if c.is_alphanumeric() || c == '.' || c == '°' || c == 'º' {
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
        // Offices in the plural before their holders' names.
        assert_eq!(
            sentences("Leaders, including Sens. Jo Doe and Al Roe, left. Govs. Bo Li stayed."),
            vec![
                "Leaders, including Sens. Jo Doe and Al Roe, left.",
                "Govs. Bo Li stayed."
            ]
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
