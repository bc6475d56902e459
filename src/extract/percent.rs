//! Percentages: `12%`, `17 %`, `46.2 per cent`, `twenty percent`, `percent
//! of 10`, `0.5 percentage points`, ranges (`10-15%`, `between 5% and 7%`),
//! qualifiers (`about 12%`), and what they are a share of when the sentence
//! says so (`45% of its GDP` → "its GDP"). A percent sign inside a web
//! address (`%28`) is not one.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::near;
use super::numbers::{NumberKind, NumberSpan, Qualifier, Written, qualifier, range};

/// A percentage (or the word "percent" with no number).
#[derive(Debug, Clone, PartialEq)]
pub struct Percentage {
    /// Byte range of the number and its sign or word (both ends of a range).
    pub range: Range<usize>,
    /// The part of `range` written with the sign ("7%" of "5% to 7%").
    pub(crate) head: Range<usize>,
    /// The number before the sign (12 for "12%"); `None` for a bare
    /// "percentage". For a range, its low end.
    pub(crate) value: Option<f64>,
    /// "percentage points": a difference of two percentages.
    pub(crate) points: bool,
    pub(crate) qualifier: Option<Qualifier>,
    /// What it is a share of ("its GDP" in "45% of its GDP").
    pub(crate) of: Option<Range<usize>>,
    /// Both ends of a range.
    pub(crate) span: Option<(f64, f64)>,
    /// A share written as a fraction in words ("half of", "two-thirds of").
    pub(crate) fraction: bool,
}

const MARKS: &[&str] = &[
    "%",
    "％",
    "percent",
    "per cent",
    "per-cent",
    "pct",
    "percentage",
    "percents",
    "percentage point",
    "percentage points",
    "percentage-point",
];

static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(MARKS)
        .ok()
});

/// Web addresses (and anything else without spaces holding "://" or
/// starting "www."), whose "%28" escapes are not percentages.
fn addresses(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut add = |at: usize| {
        if out
            .iter()
            .rev()
            .take(2)
            .any(|r| r.start <= at && at < r.end)
        {
            return;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, _)| at + i);
        if out.last().is_none_or(|r| r.end <= start) {
            out.push(start..end);
        }
    };
    for (at, _) in text.match_indices("://") {
        add(at);
    }
    for (at, _) in text.match_indices("www.") {
        add(at);
    }
    out.sort_by_key(|r| r.start);
    out
}

fn inside(ranges: &[Range<usize>], pos: usize) -> bool {
    let k = ranges.partition_point(|r| r.start <= pos);
    k > 0 && ranges[k - 1].end > pos
}

/// Every percentage in `text`, given its numbers and the ranges money took.
pub fn find(text: &str, numbers: &[NumberSpan], taken: &[Range<usize>]) -> Vec<Percentage> {
    let Some(ac) = &*AUTOMATON else {
        return Vec::new();
    };
    let addr = addresses(text);
    let mut used = near::overlapping(numbers.iter().map(|n| n.range.clone()), taken);
    let mut out: Vec<Percentage> = Vec::new();
    for m in ac.find_iter(text) {
        let mark = m.start()..m.end();
        let written = &text[mark.clone()];
        let is_sign = written == "%" || written == "％";
        if is_sign {
            if inside(&addr, mark.start) {
                continue;
            }
        } else {
            let before = text[..mark.start].chars().next_back();
            let after = text[mark.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
        }
        if out.last().is_some_and(|p| p.range.end > mark.start) {
            continue;
        }
        let mut end = mark.end;
        let mut points = written.to_ascii_lowercase().contains("point");
        if !points
            && let Some(w) = near::words_after(text, mark.end, 1).first()
            && matches!(w.text.to_ascii_lowercase().as_str(), "point" | "points")
        {
            points = true;
            end = w.range.end;
        }
        // The number before the sign or word.
        let k = numbers.partition_point(|n| n.range.end <= mark.start);
        let before = k.checked_sub(1).filter(|&i| {
            let n = &numbers[i];
            !used[i]
                && n.kind != NumberKind::Ordinal
                && n.suffix.is_none()
                && near::only_space(text, n.range.end, mark.start)
                && mark.start - n.range.end <= 2
        });
        let mut p = if let Some(i) = before {
            used[i] = true;
            let n = &numbers[i];
            let mut p = Percentage {
                range: n.range.start..end,
                head: n.range.start..end,
                value: Some(n.value),
                points,
                qualifier: None,
                of: None,
                span: None,
                fraction: false,
            };
            // "10-15%", "5 to 7 per cent".
            if let Some(j) = i.checked_sub(1)
                && !used[j]
                && numbers[j].kind != NumberKind::Ordinal
                && let Some(r) = range::of(text, &numbers[j], n)
            {
                used[j] = true;
                p.range.start = r.range.start;
                p.value = Some(r.low);
                p.span = Some((r.low, r.high));
            }
            p
        } else if let Some((i, n)) = prefixed(text, numbers, &used, end) {
            // "percent of 10".
            used[i] = true;
            Percentage {
                range: mark.start..n.range.end,
                head: mark.start..n.range.end,
                value: Some(n.value),
                points,
                qualifier: None,
                of: None,
                span: None,
                fraction: false,
            }
        } else {
            let w = written.to_ascii_lowercase();
            if w == "pct" || points && !w.contains("point") {
                continue;
            }
            Percentage {
                range: mark.start..end,
                head: mark.start..end,
                value: None,
                points,
                qualifier: None,
                of: None,
                span: None,
                fraction: false,
            }
        };
        if p.value.is_some() {
            p.qualifier = qualifier::before(text, p.range.start).map(|(q, _)| q);
            p.of = share_of(text, p.range.end);
        }
        out.push(p);
    }
    fractions(text, numbers, &mut used, &mut out);
    merge_ranges(text, out)
}

/// "half of its GDP", "nearly two-thirds of voters", "a quarter of the
/// workforce": a fraction in words followed by "of" and what it is a share
/// of is a percentage (50, 66.7, 25). Digits ("1/2") and fractions not
/// followed by a share ("half an hour") are left to the other extractors.
fn fractions(text: &str, numbers: &[NumberSpan], used: &mut [bool], out: &mut Vec<Percentage>) {
    let mut found = Vec::new();
    for (i, n) in numbers.iter().enumerate() {
        if used[i] || n.written != Written::Words || !(n.value > 0.0 && n.value < 1.0) {
            continue;
        }
        let Some(of) = share_of(text, n.range.end) else {
            continue;
        };
        used[i] = true;
        found.push(Percentage {
            range: n.range.clone(),
            head: n.range.clone(),
            value: Some((n.value * 1000.0).round() / 10.0),
            points: false,
            qualifier: qualifier::before(text, n.range.start).map(|(q, _)| q),
            of: Some(of),
            span: None,
            fraction: true,
        });
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|p| p.range.start);
    }
}

/// "percent of 10": the number after "of", when none comes before.
fn prefixed<'a>(
    text: &str,
    numbers: &'a [NumberSpan],
    used: &[bool],
    end: usize,
) -> Option<(usize, &'a NumberSpan)> {
    let of = near::words_after(text, end, 1).into_iter().next()?;
    if !of.text.eq_ignore_ascii_case("of") || !near::only_space(text, end, of.range.start) {
        return None;
    }
    let i = numbers.partition_point(|n| n.range.start < of.range.end);
    let n = numbers.get(i)?;
    let ok = !used[i]
        && n.kind != NumberKind::Ordinal
        && near::only_space(text, of.range.end, n.range.start)
        && !near::words_after(text, n.range.end, 1)
            .first()
            .is_some_and(|w| {
                near::only_space(text, n.range.end, w.range.start)
                    && w.text.chars().all(char::is_alphabetic)
                    && w.text.len() > 2
            });
    ok.then_some((i, n))
}

/// "between 5% and 7%", "5%-7%": two percentages as one range.
fn merge_ranges(text: &str, found: Vec<Percentage>) -> Vec<Percentage> {
    let mut out: Vec<Percentage> = Vec::with_capacity(found.len());
    for p in found {
        if let Some(prev) = out.last_mut()
            && let (Some(a), Some(b)) = (prev.value, p.value)
            && prev.span.is_none()
            && p.span.is_none()
            && prev.points == p.points
            && a < b
            && let Some(start) = range::join(text, prev.range.start, prev.range.end, p.range.start)
        {
            let qualifier = prev.qualifier;
            *prev = Percentage {
                range: start..p.range.end,
                span: Some((a, b)),
                value: Some(a),
                qualifier,
                ..p
            };
            continue;
        }
        out.push(p);
    }
    out
}

/// Words that end the noun phrase after "of".
const STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "to",
    "since",
    "during",
    "after",
    "before",
    "over",
    "under",
    "than",
    "as",
    "per",
    "between",
    "into",
    "onto",
    "through",
    "across",
    "against",
    "among",
    "amid",
    "via",
    "within",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "where",
    "when",
    "while",
    "if",
    "because",
    "although",
    "though",
    "there",
    "here",
    "ago",
    "now",
    "then",
    "also",
    "already",
    "still",
    "only",
    "even",
    "just",
    "about",
    "around",
    "according",
    "said",
    "says",
    "say",
    "last",
    "next",
    "this",
    "year",
    "compared",
    "up",
    "down",
    "off",
    "out",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "all", "some", "every",
    "each", "these", "those", "total", "overall",
];

/// Nouns ending in "-ly" (everything else ending so is read as an adverb).
const LY_NOUNS: &[&str] = &[
    "family",
    "supply",
    "assembly",
    "ally",
    "rally",
    "anomaly",
    "monopoly",
    "italy",
    "july",
    "reply",
    "jelly",
    "belly",
    "bully",
    "folly",
    "holly",
    "lily",
    "melancholy",
];

/// The noun phrase after "of" following a percentage: "its GDP",
/// "Tajikistan’s electricity", "all foreign workers".
pub(crate) fn share_of(text: &str, end: usize) -> Option<Range<usize>> {
    let words = near::words_after(text, end, 8);
    let (of, rest) = words.split_first()?;
    if !of.text.eq_ignore_ascii_case("of") || !near::only_space(text, end, of.range.start) {
        return None;
    }
    let mut last: Option<usize> = None;
    let mut prev: Option<String> = None;
    for (k, w) in rest.iter().enumerate().take(6) {
        let lower = w.text.to_lowercase();
        if STOP.contains(&lower.as_str()) || w.text.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let lower_case = w.text.starts_with(|c: char| c.is_lowercase());
        let adverb = lower_case
            && lower.len() > 4
            && lower.ends_with("ly")
            && !LY_NOUNS.contains(&lower.as_str());
        // "of voters backed …": a participle after a noun starts the verb.
        let verbish = lower_case
            && k > 0
            && (lower.ends_with("ed") || lower.ends_with("ing"))
            && !prev.as_deref().is_some_and(|p| DETERMINERS.contains(&p));
        if adverb || verbish {
            break;
        }
        last = Some(k);
        prev = Some(lower);
    }
    // Do not end on a determiner.
    let mut last = last?;
    while DETERMINERS.contains(&rest[last].text.to_lowercase().as_str()) {
        last = last.checked_sub(1)?;
    }
    Some(rest[0].range.start..rest[last].range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers;

    fn pct(text: &str) -> Vec<(String, Option<f64>, Option<String>)> {
        let n = numbers::scan(text);
        find(text, &n, &[])
            .into_iter()
            .map(|p| {
                (
                    text[p.range].to_string(),
                    p.value,
                    p.of.map(|r| text[r].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn signs_words_and_shares() {
        assert_eq!(
            pct("supplies about 12% of Tajikistan’s electricity."),
            vec![(
                "12%".into(),
                Some(12.0),
                Some("Tajikistan’s electricity".into())
            )]
        );
        assert_eq!(
            pct("approximately 45% of its GDP. Discussions"),
            vec![("45%".into(), Some(45.0), Some("its GDP".into()))]
        );
        assert_eq!(
            pct("about 16 % of all foreign workers there."),
            vec![(
                "16 %".into(),
                Some(16.0),
                Some("all foreign workers".into())
            )]
        );
        assert_eq!(pct("46.2 per cent")[0].1, Some(46.2));
        assert_eq!(pct("twenty percent")[0].1, Some(20.0));
        assert_eq!(pct("per cent of twenty-two")[0].1, Some(22.0));
        assert_eq!(pct("minus five percent")[0].1, Some(-5.0));
        assert_eq!(pct("rose 10-15%")[0].0, "10-15%");
        assert_eq!(pct("0.5 percentage points")[0].0, "0.5 percentage points");
        assert!(pct("http://x.test/q?a=%28b%29 then").is_empty());
        assert_eq!(pct("How do I calculate a percentage?")[0].1, None);
        assert_eq!(
            pct("nearly half of the country’s households"),
            vec![(
                "half".into(),
                Some(50.0),
                Some("the country’s households".into())
            )]
        );
        assert_eq!(pct("two-thirds of voters backed it")[0].1, Some(66.7));
        assert!(pct("half an hour later").is_empty());
    }
}
