//! The numbers a record lists on their own: every number the scanner found,
//! except those inside another fact (money, a percentage, a quantity) and
//! those that are not figures — years ("in 2024", "2025–2027"), days next to
//! a month ("8 October"), clock times ("2 pm"), list numbering ("1." at the
//! start of a line, "(2)"), and parts of names and codes ("HPP-1", "G20",
//! "1990s", "one-on-one"). Two numbers that make a range become one.

use std::ops::Range;

use super::{Attached, NumberKind, NumberSpan, Written, range, vocab};
use crate::extract::near;

/// A number that is a figure of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Standalone {
    /// Byte range in the body.
    pub(crate) range: Range<usize>,
    /// The value; for a range, its low end.
    pub(crate) value: f64,
    pub(crate) ordinal: bool,
    /// Both ends, for a range ("10-15").
    pub(crate) span: Option<(f64, f64)>,
}

/// The standalone numbers among `numbers` (all found in `text`), given the
/// byte ranges other facts cover (sorted by start).
pub fn standalone(text: &str, numbers: &[NumberSpan], claimed: &[Range<usize>]) -> Vec<Standalone> {
    let kept: Vec<&NumberSpan> = numbers
        .iter()
        .filter(|n| !inside(claimed, &n.range) && is_figure(text, n))
        .collect();
    let mut out = Vec::with_capacity(kept.len());
    let mut i = 0;
    while i < kept.len() {
        let a = kept[i];
        if let Some(b) = kept.get(i + 1)
            && a.kind != NumberKind::Ordinal
            && b.kind != NumberKind::Ordinal
            && let Some(r) = range::of(text, a, b)
        {
            out.push(Standalone {
                range: r.range,
                value: r.low,
                ordinal: false,
                span: Some((r.low, r.high)),
            });
            i += 2;
            continue;
        }
        out.push(Standalone {
            range: a.range.clone(),
            value: a.value,
            ordinal: a.kind == NumberKind::Ordinal,
            span: None,
        });
        i += 1;
    }
    out
}

fn inside(claimed: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = claimed.partition_point(|c| c.start <= r.start);
    claimed[..k].iter().rev().take(4).any(|c| c.end > r.start)
        || claimed[k..]
            .iter()
            .take_while(|c| c.start < r.end)
            .next()
            .is_some()
}

/// A plain four-digit number a year is written as.
pub(crate) fn is_year_like(n: &NumberSpan) -> bool {
    n.plain && n.range.len() == 4 && (1800.0..=2100.0).contains(&n.value)
}

fn is_figure(text: &str, n: &NumberSpan) -> bool {
    if n.attached != Attached::Free || n.suffix.is_some() {
        return false;
    }
    if is_year_like(n) {
        return false;
    }
    let before = near::words_before(text, n.range.start, 1);
    let after = near::words_after(text, n.range.end, 2);
    let day_like = matches!(n.kind, NumberKind::Integer | NumberKind::Ordinal)
        && (1.0..=31.0).contains(&n.value)
        && n.written != Written::Words;
    if day_like {
        let month_before = before.first().is_some_and(|w| vocab::is_month(w.text))
            || text[..n.range.start].trim_end().ends_with('.')
                && near::words_before(text, text[..n.range.start].trim_end().len() - 1, 1)
                    .first()
                    .is_some_and(|w| vocab::is_month(w.text));
        let month_after = match after.as_slice() {
            [w, ..] if vocab::is_month(w.text) => true,
            [of, w] if of.text.eq_ignore_ascii_case("of") => vocab::is_month(w.text),
            _ => false,
        };
        if month_before || month_after {
            return false;
        }
    }
    if let Some(w) = after.first()
        && near::only_space(text, n.range.end, w.range.start)
        && matches!(
            w.text.to_ascii_lowercase().as_str(),
            "am" | "pm" | "a" | "p" | "gmt" | "bst" | "utc" | "cet" | "est" | "edt" | "pst" | "hrs"
        )
        && n.value < 25.0
    {
        return false;
    }
    // "Six Nations", "Three Rooms": a capitalised number word in a name.
    if n.written == Written::Words
        && text[n.range.clone()].starts_with(char::is_uppercase)
        && after.first().is_some_and(|w| {
            near::only_space(text, n.range.end, w.range.start)
                && w.text.starts_with(char::is_uppercase)
        })
    {
        return false;
    }
    // Word numbers hyphen-glued to a word: "one-on-one", "second-tier".
    if n.written == Written::Words
        && text[n.range.end..].starts_with(['-', '‑'])
        && text[n.range.end..]
            .chars()
            .nth(1)
            .is_some_and(char::is_alphabetic)
    {
        return false;
    }
    !is_list_marker(text, n)
}

/// "1." or "2)" opening a line, or "(3)".
fn is_list_marker(text: &str, n: &NumberSpan) -> bool {
    if !n.plain || n.value > 50.0 {
        return false;
    }
    let rest = &text[n.range.end..];
    // Only a few bullet or space characters between the line start and it.
    let mut lead = text[..n.range.start].chars().rev();
    let line_start = lead
        .by_ref()
        .take(6)
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || matches!(c, '(' | '[' | '•' | '*' | '-'))
        && {
            let before: String = text[..n.range.start].chars().rev().take(7).collect();
            before.chars().count() < 7 || before.contains('\n')
        };
    let closes = rest.starts_with(')') || rest.starts_with(']');
    let opened = text[..n.range.start].ends_with('(') || text[..n.range.start].ends_with('[');
    (line_start && (rest.starts_with(". ") || closes)) || (opened && closes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers::scan;

    fn kept(text: &str) -> Vec<String> {
        standalone(text, &scan(text), &[])
            .into_iter()
            .map(|s| text[s.range].to_string())
            .collect()
    }

    #[test]
    fn years_dates_codes_and_lists_are_not_figures() {
        assert_eq!(
            kept("In 2024, on 8 October and March 15, HPP-1 and G20 met 3 times; 2025–2027."),
            vec!["3"]
        );
        assert_eq!(
            kept("1. First\n2) Second (3) at 2 pm"),
            vec!["First", "Second"]
        );
        assert_eq!(kept("a one-on-one talk and the 201st base"), vec!["201st"]);
        assert_eq!(
            kept("between 5 and 7 or 10-15"),
            vec!["between 5 and 7", "10-15"]
        );
    }
}
