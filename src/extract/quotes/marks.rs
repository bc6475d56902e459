//! Quotation marks: which mark opens, which closes, which is an apostrophe,
//! and how they pair into quoted spans. Straight, typographic, guillemet and
//! wire-copy (`` `` ``/`''`) double marks pair with each other (a text that
//! opens with `“` and closes with `"` is still quoted); single marks quote
//! only where no double quote is open (British style) and are otherwise
//! nested quotes or apostrophes, which the double pairing ignores. A quote
//! still open at the end of its paragraph runs to that end; when the next
//! paragraph opens with a mark, the quote continues there
//! (the convention for quotes over several paragraphs).

use std::ops::Range;

use super::tokens::{Tok, text};

/// What a mark can do, read from the characters around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// A quotation mark token: its index and role, and whether it is double.
#[derive(Debug, Clone, Copy)]
struct Mark {
    tok: usize,
    role: Role,
    double: bool,
}

/// One quoted span of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// Byte range from the opening mark through the closing one (or the
    /// paragraph's end when the quote is not closed in it).
    pub range: Range<usize>,
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, when there is one.
    pub close: Option<usize>,
    /// The quote goes on in the next paragraph, which opens with a mark.
    pub continues: bool,
}

/// Closing single marks looked at for one opening mark.
const MAX_CLOSERS: usize = 8;

const DOUBLE: &[&str] = &["\"", "“", "”", "„", "«", "»", "``", "''", "″"];
const SINGLE: &[&str] = &["'", "‘", "’", "‹", "›"];

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '`' | '\'' | '‘' | '’' | '‹' | '›' | '″'
    )
}

/// Punctuation a closing mark may be followed by, or an opening one preceded by.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
        || is_mark_char(c)
}

fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
        )
        || is_mark_char(c)
}

/// The role of the mark `s` at `r`, or none for an apostrophe.
fn role(body: &str, r: &Range<usize>, s: &str) -> Option<(Role, bool)> {
    let prev = body[..r.start].chars().next_back();
    let next = body[r.end..].chars().next();
    let left = next.is_some_and(|c| !c.is_whitespace()) && prev.is_none_or(opens_before);
    let right = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_after);
    let double = DOUBLE.contains(&s);
    if !double && !SINGLE.contains(&s) {
        return None;
    }
    let role = match s {
        "“" | "„" | "«" | "``" | "‘" | "‹" => {
            if right && !left {
                Role::Close
            } else {
                Role::Open
            }
        }
        "”" | "»" | "''" | "›" | "″" => {
            if left && !right {
                Role::Open
            } else {
                Role::Close
            }
        }
        // Straight marks, and the right single mark that is also the
        // apostrophe: only the characters around them tell.
        _ => match (left, right) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ if double => Role::Either,
            _ => return None,
        },
    };
    // A right single mark opening a word is an elision ("’90s", "’em").
    if s == "’" && role == Role::Open {
        return None;
    }
    Some((role, double))
}

/// Every quoted span of the body, in order.
pub(crate) fn pair(body: &str, toks: &[Tok]) -> Vec<Quoted> {
    let mut marks: Vec<Mark> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.word {
            continue;
        }
        if let Some((role, double)) = role(body, &t.range, text(body, t)) {
            marks.push(Mark {
                tok: i,
                role,
                double,
            });
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut carry = None;
    while start < marks.len() {
        let para = toks[marks[start].tok].para;
        let end = start + marks[start..].partition_point(|m| toks[m.tok].para == para);
        let next_opens = marks
            .get(end)
            .is_some_and(|m| m.double && m.role != Role::Close && first_of_paragraph(toks, m.tok));
        // A quote left open by a paragraph break that is not a new
        // paragraph of the quote closes at the next paragraph's first mark.
        let next_closes = marks[end..].iter().find(|m| m.double).is_some_and(|m| {
            m.role == Role::Close
                && toks[m.tok].para == para.saturating_add(1)
                && !first_of_paragraph(toks, m.tok)
        });
        carry = pair_paragraph(
            body,
            toks,
            &marks[start..end],
            carry,
            (next_opens, next_closes),
            &mut out,
        );
        start = end;
    }
    out.sort_by_key(|q| q.range.start);
    out
}

/// Whether token `i` is the first of its paragraph.
fn first_of_paragraph(toks: &[Tok], i: usize) -> bool {
    i == 0 || toks.get(i - 1).is_none_or(|p| p.para != toks[i].para)
}

/// The byte offset where the paragraph of token `i` ends (its last token's end).
fn paragraph_end(toks: &[Tok], i: usize) -> usize {
    let para = toks[i].para;
    toks[i..]
        .iter()
        .take_while(|t| t.para == para)
        .last()
        .map_or(toks[i].range.end, |t| t.range.end)
}

/// Pairs the marks of one paragraph: double marks first, then single
/// marks outside every double quote. `carry` is a quote the paragraph
/// before left open for this one to close; `(next_opens, next_closes)`
/// say how the next paragraph starts. Returns the quote left open for the
/// next paragraph to close, if any.
fn pair_paragraph(
    body: &str,
    toks: &[Tok],
    marks: &[Mark],
    carry: Option<usize>,
    (next_opens, next_closes): (bool, bool),
    out: &mut Vec<Quoted>,
) -> Option<usize> {
    let before = out.len();
    let mut open: Option<usize> = carry;
    for m in marks.iter().filter(|m| m.double) {
        match (open, m.role) {
            (None, Role::Open | Role::Either) => open = Some(m.tok),
            (None, Role::Close) => {}
            (Some(o), Role::Close | Role::Either) => {
                out.push(Quoted {
                    range: toks[o].range.start..toks[m.tok].range.end,
                    open: o,
                    close: Some(m.tok),
                    continues: false,
                });
                open = None;
            }
            (Some(o), Role::Open) => {
                // Two openings in a row: the first was never closed; it
                // ends where the next begins.
                if let Some(prev) = m.tok.checked_sub(1).filter(|&p| p > o) {
                    out.push(Quoted {
                        range: toks[o].range.start..toks[prev].range.end,
                        open: o,
                        close: None,
                        continues: false,
                    });
                }
                open = Some(m.tok);
            }
        }
    }
    let mut left_open = None;
    if let Some(o) = open.filter(|_| next_closes && !next_opens) {
        left_open = Some(o);
    } else if let Some(o) = open {
        let end = paragraph_end(toks, o);
        if end > toks[o].range.end {
            out.push(Quoted {
                range: toks[o].range.start..end,
                open: o,
                close: None,
                continues: next_opens,
            });
        }
    }
    // Single marks quote where no double quote is open.
    let mut doubles: Vec<Range<usize>> = out[before..].iter().map(|q| q.range.clone()).collect();
    doubles.sort_by_key(|r| r.start);
    // Double quotes do not overlap: the one starting last before `at` is
    // the only one that can hold it.
    let inside = |i: usize| {
        let at = toks[i].range.start;
        let k = doubles.partition_point(|r| r.start <= at);
        k.checked_sub(1).is_some_and(|k| doubles[k].end > at)
    };
    let singles: Vec<&Mark> = marks
        .iter()
        .filter(|m| !m.double && !inside(m.tok))
        .collect();
    let mut k = 0;
    while k < singles.len() {
        let m = singles[k];
        if m.role == Role::Close {
            k += 1;
            continue;
        }
        // A closer after an "s" may be a plural possessive ("voters’ views");
        // prefer one that is not, among the next few.
        let mut chosen: Option<usize> = None;
        for (j, c) in singles
            .iter()
            .enumerate()
            .skip(k + 1)
            .filter(|(_, c)| c.role != Role::Open)
            .take(MAX_CLOSERS)
        {
            let after_s = body[..toks[c.tok].range.start].ends_with(['s', 'S']);
            if !after_s {
                chosen = Some(j);
                break;
            }
            chosen.get_or_insert(j);
        }
        match chosen {
            Some(j) => {
                let c = singles[j].tok;
                out.push(Quoted {
                    range: toks[m.tok].range.start..toks[c].range.end,
                    open: m.tok,
                    close: Some(c),
                    continues: false,
                });
                k = j + 1;
            }
            None => k += 1,
        }
    }
    left_open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::tokens::tokenize;

    fn spans(body: &str) -> Vec<(&str, bool)> {
        let paras = super::super::tests::paragraphs(body);
        let all = 0..body.len();
        let toks = tokenize(body, &paras, std::slice::from_ref(&all));
        pair(body, &toks)
            .into_iter()
            .map(|q| (&body[q.range], q.continues))
            .collect()
    }

    #[test]
    fn typographic_straight_and_mismatched_marks_pair() {
        assert_eq!(
            spans("He said “yes” and \"no\"."),
            [("“yes”", false), ("\"no\"", false)]
        );
        assert_eq!(spans("“Mixed marks\" here."), [("“Mixed marks\"", false)]);
        assert_eq!(spans("«Oui», dit-il."), [("«Oui»", false)]);
        assert_eq!(
            spans("``Wire copy,'' he said."),
            [("``Wire copy,''", false)]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            spans("“The voters’ anger isn’t new,” she said of the ’90s."),
            [("“The voters’ anger isn’t new,”", false)]
        );
        assert_eq!(
            spans("It's the parents' choice, 'she' said."),
            [("'she'", false)]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            spans("“He told me ‘never again’ twice,” she said."),
            [("“He told me ‘never again’ twice,”", false)]
        );
    }

    #[test]
    fn a_stray_paragraph_break_inside_a_quote_keeps_it_whole() {
        let body = "“We have given\n\nthe town new roads,” he said.";
        assert_eq!(
            spans(body),
            [("“We have given\n\nthe town new roads,”", false)]
        );
    }

    #[test]
    fn quotes_over_paragraphs_continue() {
        let body = "“First part of it.\n\n“Second part.”\n\nAfter.";
        assert_eq!(
            spans(body),
            [("“First part of it.", true), ("“Second part.”", false)]
        );
    }
}
