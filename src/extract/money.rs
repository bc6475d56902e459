//! Money: an amount with its currency, resolved to a value in the
//! currency's major unit and an ISO 4217 code. Built on the numbers the
//! scanner found and the currency mentions of [`currency`]:
//!
//! - a symbol or code before the amount: `$6 billion`, `US$1.5 billion`,
//!   `€ 2 million`, `USD 5m`, `£15.8m` (a lower-case `m` after a currency
//!   means million);
//! - a name, code or symbol after it: `333 million dollars`, `25.3 billion
//!   rubles`, `115USD`, `75 USD million`, `100元`, `120 MEUR`;
//! - major and minor units together: `3 dollars 50 cents`, `15 USD 50`;
//! - ranges (`$1.2-1.5 billion`, `between $5 and $7 million`, `5 to 7
//!   million dollars`) and qualifiers before them (`over`, `about`, `up to`).
//!
//! A currency written without an amount ("the dollar rose") is found too,
//! with no amount: records leave it out.

use std::ops::Range;

use super::currency::{self, FormKind, Mention};
use super::near;
use super::numbers::{self, Attached, NumberKind, NumberSpan, Qualifier, qualifier, range};

/// An amount of money (or a currency named without one).
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// Byte range of the amount and its currency (and of both ends, for a
    /// range); the qualifier is not included.
    pub range: Range<usize>,
    /// The part of `range` written with the currency ("$7 million" of
    /// "$5 to $7 million"); equal to `range` unless a range.
    pub(crate) head: Range<usize>,
    /// The amount in the currency's major unit; `None` when the currency is
    /// named without an amount. For a range, its low end.
    pub(crate) amount: Option<f64>,
    /// ISO 4217 code (XBT for bitcoin; withdrawn codes for old currencies).
    pub(crate) currency: &'static str,
    /// The generic name an ambiguous form stands for ("dollar" for `$`).
    pub(crate) family: Option<&'static str>,
    /// The minor unit the amount was written in ("cent"), if only that.
    pub(crate) minor: Option<&'static str>,
    pub(crate) qualifier: Option<Qualifier>,
    /// Both ends of a range.
    pub(crate) span: Option<(f64, f64)>,
}

/// Currencies talked about without an amount that are worth reporting as
/// mentions ("the dollar", "rmb"); lesser names alone ("won", "rand") are
/// too often ordinary words.
const MENTIONED_ALONE: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "INR", "XBT",
];

/// Scale words after a currency code ("75 USD million").
fn scale_word(w: &str) -> Option<f64> {
    Some(match w.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mn" | "mln" | "m" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// A number that can be an amount: not a rank, not followed by a percent sign.
fn usable(text: &str, n: &NumberSpan) -> bool {
    if n.kind == NumberKind::Ordinal {
        return false;
    }
    let after = &text[n.range.end..];
    let words = near::words_after(text, n.range.end, 2);
    let word = |k: usize| words.get(k).map(|w| w.text.to_ascii_lowercase());
    let pct = near::next_char(text, n.range.end).is_some_and(|(_, c)| c == '%' || c == '％')
        || matches!(word(0).as_deref(), Some("percent" | "pct" | "percentage"))
        || (word(0).as_deref() == Some("per") && word(1).as_deref() == Some("cent"));
    !pct && !after.starts_with(['/', ':'])
}

struct Ctx<'a> {
    text: &'a str,
    numbers: &'a [NumberSpan],
    used: Vec<bool>,
}

impl Ctx<'_> {
    /// The unused number ending right before `pos` (white space between;
    /// a hyphen too when `hyphen`).
    fn ending_at(&self, pos: usize, hyphen: bool) -> Option<usize> {
        let k = self.numbers.partition_point(|n| n.range.end <= pos);
        let i = k.checked_sub(1)?;
        let n = &self.numbers[i];
        // "400m euros": a glued "m" for million between them.
        let end = match &n.suffix {
            Some(s) if &self.text[s.clone()] == "m" && s.end <= pos => s.end,
            _ => n.range.end,
        };
        let between = &self.text[end..pos];
        let ok = near::only_space(self.text, end, pos) && between.len() <= 3
            || hyphen && matches!(between, "-" | "‑");
        (ok && !self.used[i] && n.attached != Attached::Letter && usable(self.text, n)).then_some(i)
    }

    /// The unused number starting right after `pos` (white space between).
    fn starting_at(&self, pos: usize) -> Option<usize> {
        let i = self.numbers.partition_point(|n| n.range.start < pos);
        let n = self.numbers.get(i)?;
        let ok = near::only_space(self.text, pos, n.range.start) && n.range.start - pos <= 3;
        (ok && !self.used[i] && usable(self.text, n)).then_some(i)
    }
}

/// One amount as first read, before ranges are merged.
struct Found {
    money: Money,
    /// The scale the amount was written with (for sharing it across a range).
    scale: f64,
    /// Its value before any scale.
    mantissa: f64,
}

/// Every amount of money in `text`, given the numbers found in it.
pub fn find(text: &str, numbers: &[NumberSpan]) -> Vec<Money> {
    let mut cx = Ctx {
        text,
        numbers,
        used: vec![false; numbers.len()],
    };
    let mentions = currency::mentions(text);
    let mut found: Vec<Found> = Vec::new();
    for m in &mentions {
        if let Some(f) = read(&mut cx, m, &mentions) {
            found.push(f);
        }
    }
    merge_ranges(text, found)
        .into_iter()
        .map(|mut m| {
            m.qualifier = qualifier::before(text, m.range.start).map(|(q, _)| q);
            m
        })
        .collect()
}

fn read(cx: &mut Ctx, m: &Mention, mentions: &[Mention]) -> Option<Found> {
    let text = cx.text;
    let code_like = m.has(FormKind::Code) || m.has(FormKind::AnyCaseCode);
    let symbol = m.has(FormKind::Symbol);
    let named = m.has(FormKind::Word) || m.has(FormKind::Minor) || m.has(FormKind::Millions);
    let before = cx.ending_at(m.range.start, named);
    let after = (code_like || symbol)
        .then(|| cx.starting_at(m.range.end))
        .flatten();
    // "Australian dollar 29.4bn": a name before an amount with a scale.
    let after = after.or_else(|| {
        let i = cx.starting_at(m.range.end)?;
        let n = &cx.numbers[i];
        let scaled = n.scale > 1.0 || n.suffix.as_ref().is_some_and(|s| &text[s.clone()] == "m");
        (m.has(FormKind::Word) && before.is_none() && scaled).then_some(i)
    });
    let glued_after = after.is_some_and(|i| cx.numbers[i].range.start == m.range.end);
    let glued_before = before.is_some_and(|i| cx.numbers[i].range.end == m.range.start);
    // "two pounds" is a weight; "361 million pounds" money.
    let weight_like = matches!(
        text[m.range.clone()].to_ascii_lowercase().as_str(),
        "pound" | "pounds"
    );
    if weight_like
        && let Some(b) = before
        && !pounds_are_money(text, &cx.numbers[b], m)
    {
        return None;
    }
    let prefix = match (before, after) {
        (_, Some(_)) if glued_after => true,
        (Some(_), _) if glued_before => false,
        (Some(b), Some(_)) if code_like => numbers::is_year_like(&cx.numbers[b]),
        (Some(_), Some(_)) => symbol,
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (None, None) => return bare(m),
    };
    let (i, mut money, scale, mantissa) = if prefix {
        let i = after?;
        let n = &cx.numbers[i];
        let mut amount = n.value;
        let mut end = n.range.end;
        let mut scale = n.scale;
        if let Some(s) = &n.suffix
            && &text[s.clone()] == "m"
        {
            amount *= 1e6;
            scale = 1e6;
            end = s.end;
        }
        (
            i,
            new_money(m, m.range.start..end, amount, None),
            scale,
            n.mantissa(),
        )
    } else {
        let i = before?;
        let n = &cx.numbers[i];
        let mut amount = n.value;
        let mut end = m.range.end;
        let mut scale = n.scale;
        let mut minor = None;
        if let Some(s) = &n.suffix
            && &text[s.clone()] == "m"
        {
            amount *= 1e6;
            scale = 1e6;
        }
        if m.has(FormKind::Millions) && !m.has(FormKind::Word) {
            amount *= 1e6;
            scale = 1e6;
        } else if m.has(FormKind::Minor) && !m.has(FormKind::Word) {
            amount /= 100.0;
            minor = m.forms.iter().find_map(|f| f.family.or(Some(f.text)));
        } else if (code_like || symbol)
            && let Some(w) = near::words_after(text, m.range.end, 1).first()
            && let Some(s) = scale_word(w.text)
            && scale == 1.0
        {
            amount *= s;
            scale = s;
            end = w.range.end;
        }
        let start = n.range.start;
        (
            i,
            new_money(m, start..end, amount, minor),
            scale,
            n.mantissa(),
        )
    };
    cx.used[i] = true;
    let mut found = Found {
        money: {
            money.head = money.range.clone();
            money
        },
        scale,
        mantissa,
    };
    cents(cx, &mut found, mentions);
    range_with_number(cx, &mut found, i, prefix);
    Some(found)
}

/// "pounds" after a number are money when the amount has a scale ("361
/// million pounds"), pence ("2.50 pounds") or "sterling" follows;
/// otherwise a weight.
fn pounds_are_money(text: &str, n: &NumberSpan, m: &Mention) -> bool {
    let written = &text[n.range.clone()];
    let pence = written
        .rsplit_once('.')
        .is_some_and(|(_, d)| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()));
    let sterling = near::words_after(text, m.range.end, 1)
        .first()
        .is_some_and(|w| w.text.eq_ignore_ascii_case("sterling"));
    n.scale >= 1e3 || pence || sterling
}

fn new_money(m: &Mention, range: Range<usize>, amount: f64, minor: Option<&'static str>) -> Money {
    Money {
        head: range.clone(),
        range,
        amount: Some(amount),
        currency: m.code(),
        family: m.family(),
        minor,
        qualifier: None,
        span: None,
    }
}

/// A currency named with no amount next to it.
fn bare(m: &Mention) -> Option<Found> {
    let named = m.forms.iter().any(|f| {
        f.kind == FormKind::Word && (f.family.is_some() || MENTIONED_ALONE.contains(&f.code))
    });
    named.then(|| Found {
        money: Money {
            range: m.range.clone(),
            head: m.range.clone(),
            amount: None,
            currency: m.code(),
            family: m.family(),
            minor: None,
            qualifier: None,
            span: None,
        },
        scale: 1.0,
        mantissa: 0.0,
    })
}

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD
/// 50", "c $ 100 and fifty": a whole amount followed by hundredths.
fn cents(cx: &mut Ctx, f: &mut Found, mentions: &[Mention]) {
    let text = cx.text;
    let Some(amount) = f.money.amount else {
        return;
    };
    if amount.fract() != 0.0 || f.scale != 1.0 || f.money.minor.is_some() {
        return;
    }
    let mut pos = f.money.range.end;
    if let Some(w) = near::words_after(text, pos, 1).first()
        && w.text.eq_ignore_ascii_case("and")
    {
        pos = w.range.end;
    }
    let Some(i) = cx.starting_at(pos) else {
        return;
    };
    let n = &cx.numbers[i];
    let small = n.kind == NumberKind::Integer
        && (1.0..100.0).contains(&n.value)
        && n.suffix.is_none()
        && (n.range.len() <= 2 || n.written == numbers::Written::Words);
    if !small {
        return;
    }
    // Followed by a minor unit ("cents"), or by nothing that could be what
    // the number counts.
    let minor = mentions
        .get(mentions.partition_point(|m| m.range.start < n.range.end))
        .filter(|m| near::only_space(text, n.range.end, m.range.start) && m.has(FormKind::Minor));
    let end = if let Some(m) = minor {
        m.range.end
    } else {
        let next_word = near::words_after(text, n.range.end, 1);
        let ok = match next_word.first() {
            Some(w) if near::only_space(text, n.range.end, w.range.start) => matches!(
                w.text.to_ascii_lowercase().as_str(),
                "and" | "or" | "more" | "less" | "only" | "each" | "extra"
            ),
            _ => !near::next_char(text, n.range.end)
                .is_some_and(|(_, c)| matches!(c, '%' | '$' | '€' | '£' | '/' | '-')),
        };
        if !ok {
            return;
        }
        n.range.end
    };
    cx.used[i] = true;
    f.money.amount = Some(amount + n.value / 100.0);
    f.money.range.end = end;
    f.money.head.end = end;
}

/// A bare number that makes a range with the amount: "5 to 7 million
/// dollars" (before it), "$1.2-1.5 billion" (after it).
fn range_with_number(cx: &mut Ctx, f: &mut Found, i: usize, prefix: bool) {
    let text = cx.text;
    let Some(amount) = f.money.amount else {
        return;
    };
    let n = &cx.numbers[i];
    let factor = if n.value != 0.0 {
        amount / n.value
    } else {
        1.0
    };
    if prefix {
        let j = i + 1;
        let Some(n2) = cx.numbers.get(j) else {
            return;
        };
        if cx.used[j] || !usable(text, n2) {
            return;
        }
        let (high, scale2, end2) = match &n2.suffix {
            Some(s) if &text[s.clone()] == "m" => (n2.value * 1e6, 1e6, s.end),
            _ => (n2.value, n2.scale, n2.range.end),
        };
        if range::join(text, n.range.start, f.money.range.end, n2.range.start).is_none() {
            return;
        }
        let low = if f.scale == 1.0 && scale2 > 1.0 && amount <= high / scale2 {
            amount * scale2
        } else {
            amount
        };
        if low >= high {
            return;
        }
        cx.used[j] = true;
        f.money.amount = Some(low);
        f.money.span = Some((low, high));
        f.money.range.end = end2;
    } else if let Some(j) = i.checked_sub(1) {
        let n0 = &cx.numbers[j];
        if cx.used[j] || !usable(text, n0) || n0.kind == NumberKind::Ordinal {
            return;
        }
        let Some(r) = range::of(text, n0, n) else {
            return;
        };
        cx.used[j] = true;
        let low = r.low * factor;
        f.money.amount = Some(low);
        f.money.span = Some((low, amount));
        f.money.range.start = r.range.start;
    }
}

/// "between $5 and $7 million", "$5m-$7m": two amounts in the same currency
/// joined as a range.
fn merge_ranges(text: &str, found: Vec<Found>) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::with_capacity(found.len());
    let mut prev: Option<Found> = None;
    for f in found {
        if let Some(p) = prev.take() {
            let joined = match (p.money.amount, f.money.amount) {
                (Some(a), Some(b))
                    if p.money.currency == f.money.currency
                        && p.money.minor == f.money.minor
                        && p.money.span.is_none()
                        && f.money.span.is_none() =>
                {
                    range::join(
                        text,
                        p.money.range.start,
                        p.money.range.end,
                        f.money.range.start,
                    )
                    .map(|start| {
                        let low = if p.scale == 1.0 && f.scale > 1.0 && p.mantissa <= f.mantissa {
                            a * f.scale
                        } else {
                            a
                        };
                        (start, low, b)
                    })
                    .filter(|&(_, low, high)| low < high)
                }
                _ => None,
            };
            if let Some((start, low, high)) = joined {
                let mut m = f.money;
                m.range.start = start;
                m.amount = Some(low);
                m.span = Some((low, high));
                prev = Some(Found {
                    money: m,
                    scale: f.scale,
                    mantissa: f.mantissa,
                });
                continue;
            }
            out.push(p.money);
        }
        prev = Some(f);
    }
    if let Some(p) = prev {
        out.push(p.money);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Vec<(String, Option<f64>, &'static str)> {
        find(text, &numbers::scan(text))
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.amount, m.currency))
            .collect()
    }

    fn one(text: &str, want: &str, amount: f64, code: &str) {
        let m = money(text);
        assert!(
            m.iter().any(|(t, a, c)| t == want
                && a.is_some_and(|a| (a - amount).abs() <= 1e-9 * amount.abs().max(1.0))
                && *c == code),
            "{text:?}: {m:?}"
        );
    }

    /// `text | the amount as written | its value | currency code`, one case a line.
    const AMOUNT_CASES: &str = "\
over 25.3 billion rubles owed | 25.3 billion rubles | 25.3e9 | RUB
reached about US$1.5 billion in 2024 | US$1.5 billion | 1.5e9 | USD
the debt of 333 million dollars (see | 333 million dollars | 333e6 | USD
(requiring $6 billion). investments | $6 billion | 6e9 | USD
a £15.8m signing | £15.8m | 15.8e6 | GBP
net profits of 400m euros ($527.61m | 400m euros | 400e6 | EUR
by over a billion dollars | a billion dollars | 1e9 | USD
it only cost 3 dollars 50 cents. | 3 dollars 50 cents | 3.5 | USD
c $ 100 and fifty. | c $ 100 and fifty | 100.5 | CAD
They lost 75 USD million in | 75 USD million | 75e6 | USD
we are giving away 3 USD50 Cards. | USD50 | 50.0 | USD
a bid of 470 pence a share | 470 pence | 4.7 | GBP
a record Australian dollar 29.4bn. | Australian dollar 29.4bn | 29.4e9 | AUD
costs more than £2 per millilitre | £2 | 2.0 | GBP
it costs 50¢ now | 50¢ | 0.5 | USD
ten quid | ten quid | 10.0 | GBP
the one-yen bid | one-yen | 1.0 | JPY
an increase to 120 MEUR | 120 MEUR | 120e6 | EUR
cost $1.2-1.5 billion | $1.2-1.5 billion | 1.2e9 | USD
between $5 and $7 million | between $5 and $7 million | 5e6 | USD
5 to 7 million dollars | 5 to 7 million dollars | 5e6 | USD
";

    #[test]
    fn amounts() {
        for case in AMOUNT_CASES.lines() {
            let cols: Vec<&str> = case.split(" | ").collect();
            let amount: f64 = cols[2].parse().expect("amount");
            one(cols[0], cols[1], amount, cols[3]);
        }
        assert_eq!(money("The cost is 500 USD,100 times more").len(), 1);
        assert!(money("ALL 5 solutions; Bob 3 times; 12% of 5 people").is_empty());
        let bare = money("dollar : 143.80 yen");
        assert_eq!(bare[0], ("dollar".into(), None, "USD"));
    }
}
