//! Plain text as people save it: a headline on the first line, paragraphs
//! one per line or separated by blank lines, sometimes hard-wrapped, sometimes
//! one run-on line for the whole article.

use super::body::BodyBuilder;
use super::{byline, dateline, sentences};

/// A parsed plain-text article before sentence analysis.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub title: Option<String>,
    pub builder: BodyBuilder,
    /// Lines of scraper residue left out ([`super::residue`]).
    pub residue: usize,
}

/// Longest first line still taken for a headline.
const MAX_TITLE_CHARS: usize = 200;
const MAX_TITLE_WORDS: usize = 25;
/// A paragraph longer than this, with more sentences than `RUN_ON_SENTENCES`,
/// is an export that lost its paragraph breaks.
const RUN_ON_BYTES: usize = 1500;
const RUN_ON_SENTENCES: usize = 8;
/// Size a regrouped paragraph aims for.
const REGROUP_BYTES: usize = 600;

pub(crate) fn parse(text: &str) -> Parsed {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let mut title = None;
    if first < lines.len() {
        let next = lines[first + 1..].iter().find(|l| !l.is_empty());
        if let Some(next) = next
            && is_headline(lines[first], next)
        {
            title = Some(
                lines[first]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            first += 1;
        }
    }
    let mut builder = BodyBuilder::new();
    let mut residue = 0;
    for block in lines[first.min(lines.len())..]
        .split(|l| l.is_empty())
        .filter(|b| !b.is_empty())
    {
        // Scraper residue goes line by line, before its short lines make
        // a block of one-line paragraphs look hard-wrapped.
        let kept: Vec<&str> = block
            .iter()
            .copied()
            .filter(|l| !super::residue::is_residue(l))
            .collect();
        residue += block.len() - kept.len();
        let block = kept.as_slice();
        if block.is_empty() {
            continue;
        }
        if is_hard_wrapped(block) {
            push_paragraph(&mut builder, &block.join(" "));
        } else {
            for line in block {
                push_paragraph(&mut builder, line);
            }
        }
    }
    Parsed {
        title,
        builder,
        residue,
    }
}

/// The first line is the headline when it looks like one and is not a
/// byline or a date line (those are the article's metadata, read by
/// [`super::conventions`]). A headline may end with a full stop: it is
/// taken then when it is in title case ("Markets Fall As Rates Rise.") or
/// a byline or date line follows it, since a short first sentence of a
/// story ("Shares fell 3% on Monday.") ends the same way.
fn is_headline(line: &str, next: &str) -> bool {
    if byline::read(line).is_some() || dateline::date_line(line).is_some() {
        return false;
    }
    if looks_like_title(line) {
        return true;
    }
    let full_stop = line.ends_with('.') && !line.ends_with("...");
    let chopped = line.trim_end_matches('.');
    full_stop
        && looks_like_title(chopped)
        && !chopped.contains(". ")
        && (title_case(chopped)
            || byline::read(next).is_some()
            || dateline::date_line(next).is_some())
}

/// Most words of four letters or more after the first are capitalized.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 2 && capitalized * 4 >= long.len() * 3
}

/// A first line is a headline when it is short, has more text after it, and
/// does not end like a sentence or a clause.
pub(crate) fn looks_like_title(line: &str) -> bool {
    let chars = line.chars().count();
    if !(2..=MAX_TITLE_CHARS).contains(&chars) {
        return false;
    }
    if line.split_whitespace().count() > MAX_TITLE_WORDS {
        return false;
    }
    let Some(last) = line.chars().last() else {
        return false;
    };
    // A sentence or a clause ends like this; a headline may trail off "...".
    if matches!(last, ',' | ';' | ':' | '-' | '–' | '—') || (last == '.' && !line.ends_with("..."))
    {
        return false;
    }
    line.chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && !c.is_whitespace())
}

/// Lines cut at a fixed width: several lines of similar, modest length that
/// mostly do not end a sentence.
fn is_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let max = body.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    if !(30..=100).contains(&max) {
        return false;
    }
    let ended = body
        .iter()
        .filter(|l| l.ends_with(['.', '!', '?', '"', '”', ':']))
        .count();
    ended * 2 < body.len()
}

/// Pushes one paragraph, regrouping a run-on paragraph into sentence groups.
fn push_paragraph(builder: &mut BodyBuilder, text: &str) {
    if text.len() <= RUN_ON_BYTES {
        builder.push(text);
        builder.end_paragraph();
        return;
    }
    let spans = sentences::split(text);
    if spans.len() <= RUN_ON_SENTENCES {
        builder.push(text);
        builder.end_paragraph();
        return;
    }
    let mut group_start = 0;
    let mut count = 0;
    for (i, span) in spans.iter().enumerate() {
        // Sentences glued without a space ("Union.Putin") get one back.
        builder.space();
        builder.push(&text[span.clone()]);
        count += 1;
        let size = span.end - spans[group_start].start;
        let remaining = text.len() - span.end;
        if i + 1 < spans.len()
            && size >= REGROUP_BYTES
            && count >= 2
            && remaining >= REGROUP_BYTES / 3
        {
            builder.end_paragraph();
            group_start = i + 1;
            count = 0;
        }
    }
    builder.end_paragraph();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_title_and_line_paragraphs() {
        let p = parse("A Headline Here\nFirst paragraph.\nSecond paragraph.\n");
        assert_eq!(p.title.as_deref(), Some("A Headline Here"));
        let (body, paras) = p.builder.finish();
        assert_eq!(body, "First paragraph.\n\nSecond paragraph.");
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn sentence_first_line_is_not_a_title() {
        let p = parse("This is a sentence that ends.\nMore.\n");
        assert!(p.title.is_none());
    }

    #[test]
    fn question_headline_is_a_title() {
        assert!(looks_like_title("What Was He Doing There?"));
        assert!(!looks_like_title("Continued:"));
        assert!(looks_like_title("Rivals of the £400 Apple..."));
        assert!(looks_like_title("$1m payoff for former boss"));
        assert!(!looks_like_title("a lowercase start"));
    }

    #[test]
    fn headlines_ending_with_a_full_stop() {
        let title = |t: &str| parse(t).title;
        assert_eq!(
            title("Markets Tumble As Rates Climb Again.\nShares fell on Monday.\n").as_deref(),
            Some("Markets Tumble As Rates Climb Again.")
        );
        assert_eq!(
            title("Rates rise again.\nBy Jane Doe\nShares fell on Monday.\n").as_deref(),
            Some("Rates rise again.")
        );
        assert_eq!(
            title("Is the boom over?\n\nShares fell on Monday.\n").as_deref(),
            Some("Is the boom over?")
        );
        // A short first sentence of a story is not its headline.
        assert_eq!(
            title("Shares fell 3% on Monday.\n\nTraders said so.\n"),
            None
        );
    }

    #[test]
    fn a_byline_or_date_line_is_never_the_title() {
        let p = parse("By Jane Doe, 12 March 2005\nShares fell on Monday.\n");
        assert_eq!(p.title, None);
        let (body, _) = p.builder.finish();
        assert!(body.starts_with("By Jane Doe"), "{body}");
        assert_eq!(parse("June 30, 2022\nShares fell.\n").title, None);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "Title\n\nThe quick brown fox jumps over the lazy dog and\nkeeps running across the wide open field until\nit reaches the river.\n";
        let (body, paras) = parse(text).builder.finish();
        assert_eq!(paras.len(), 1, "{body}");
    }

    #[test]
    fn run_on_text_is_regrouped() {
        let sentence = "The minister said the talks went well and would continue next week. ";
        let text = format!("Headline\n{}", sentence.repeat(40));
        let (body, paras) = parse(&text).builder.finish();
        assert!(paras.len() >= 4, "{} paragraphs", paras.len());
        assert!(paras.iter().all(|p| body[p.clone()].ends_with('.')));
    }
}
