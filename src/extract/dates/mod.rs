//! Dates, periods and durations: found by a grammar over the text's tokens
//! (`grammar`), kept as meanings independent of any calendar ([`expr`]),
//! and resolved to ISO values once the article's reference date is known
//! ([`reference`](mod@reference) picks the reading, [`Expr::resolved`]
//! gives the record's values and [`Expr::granularity`] what the expression
//! names). "October 8" means a different day in an article of 2019 and one
//! of 2025, so the extractor stores what was written and the record is
//! built with the reference the article itself gives.

pub(crate) mod anaphora;
pub(crate) mod calendar;
pub(crate) mod expr;
mod grammar;
pub(crate) mod lexicon;
pub(crate) mod reference;
mod resolved;
mod tokens;

use std::ops::Range;

use chrono::NaiveDate;

use super::numbers::lexer;

pub(crate) use expr::{Day, Expr, Kind, Node, Reading, Value, WeekdayRel};
pub use grammar::{Mode, Order};
pub(crate) use resolved::Granularity;

/// One date expression in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub(crate) expr: Expr,
}

impl DateMention {
    /// A bare weekday that ends the name of an organization, a person or a
    /// place ("Sheffield Wednesday", the club), and any date word inside a
    /// person's name ("Autumn Calabrese", "June Carter"): part of the
    /// name, no date. A holiday or event the recognizer calls misc keeps
    /// its date ("Ash Wednesday").
    pub(crate) fn ends_a_name(&self, entities: &[crate::extract::entities::Entity]) -> bool {
        use crate::extract::entities::EntityType;
        let weekday = matches!(
            self.expr.node,
            Node::Day(Day::Weekday {
                rel: WeekdayRel::Plain,
                ..
            })
        );
        let r = &self.range;
        entities.iter().any(|e| {
            (e.ty == EntityType::Person || (weekday && e.ty != EntityType::Misc))
                && e.mentions.iter().any(|m| {
                    m.start <= r.start && r.end <= m.end && (m.start, m.end) != (r.start, r.end)
                })
        })
    }

    /// Date, date range or duration.
    pub(crate) fn kind(&self) -> Kind {
        self.expr.kind()
    }

    /// A fully written calendar day ("30 June 2022", "2022-06-30"): what an
    /// article without a dateline is dated by.
    pub(crate) fn full_day(&self) -> Option<NaiveDate> {
        match &self.expr.node {
            Node::Day(expr::Day::Calendar { year: Some(_), .. })
                if self.expr.modifier.is_none() =>
            {
                match self.expr.resolve(NaiveDate::MIN, Reading::Past) {
                    Value::Day(d) => Some(d),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl DateMention {
    /// The calendar day this mention states outright, with no modifier:
    /// month and day, and the year when it is written in full ("June 30",
    /// "30 June 2022", "2022-06-30"). This is what a dateline holds.
    pub(crate) fn stated_day(&self) -> Option<(Option<i32>, u32, u32)> {
        match &self.expr.node {
            Node::Day(expr::Day::Calendar {
                year,
                month,
                day,
                year_shift: None,
            }) if self.expr.modifier.is_none() => {
                let year = match year {
                    None => None,
                    Some(expr::YearRef::Abs(y)) => Some(*y),
                    Some(_) => return None,
                };
                Some((year, *month, *day))
            }
            _ => None,
        }
    }
}

/// Every date expression in `text`, in order, none overlapping.
pub(crate) fn scan(text: &str, order: Order, mode: Mode) -> Vec<DateMention> {
    let raw = lexer::tokens(text);
    let mut arena = String::new();
    let toks = tokens::tokens(text, &raw, &mut arena);
    scan_tokens(text, &toks, &raw, order, mode)
}

/// Every date expression in an article, its numeric dates read in the
/// order the article itself uses ([`order_of`]).
pub fn scan_article(text: &str, mode: Mode) -> Vec<DateMention> {
    scan_article_tokens(text, &lexer::tokens(text), mode)
}

/// The same, on the text's tokens already lexed by the number lexer.
pub fn scan_article_tokens(text: &str, raw: &[lexer::Token], mode: Mode) -> Vec<DateMention> {
    let mut arena = String::new();
    let toks = tokens::tokens(text, raw, &mut arena);
    let order = order_in(&toks);
    scan_tokens(text, &toks, raw, order, mode)
}

fn scan_tokens(
    text: &str,
    toks: &[tokens::Tok<'_>],
    raw: &[lexer::Token],
    order: Order,
    mode: Mode,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for i in 0..=toks.len() {
        let ends_line = i == toks.len() || (i > line_start && !toks[i].same_line());
        if !ends_line {
            continue;
        }
        let p = grammar::Parser {
            text,
            toks: &toks[line_start..i],
            raw,
            order,
            mode,
        };
        for f in grammar::parse_line(&p) {
            let first = &p.toks[f.start];
            let last = &p.toks[f.end - 1];
            out.push(DateMention {
                range: first.start..last.end,
                expr: f.expr,
            });
        }
        line_start = i;
    }
    out
}

/// Which way round an article writes all-numeric dates: from its
/// unambiguous ones ("21/04/2016" is day first, "04/21/2016" month first),
/// else from how it writes dates in words ("30 June" against "June 30"),
/// else month first.
pub(crate) fn order_of(text: &str) -> Order {
    let raw = lexer::tokens(text);
    let mut arena = String::new();
    order_in(&tokens::tokens(text, &raw, &mut arena))
}

fn order_in(toks: &[tokens::Tok<'_>]) -> Order {
    let mut day_first = 0i32;
    let mut month_first = 0i32;
    let is_sep = |t: &tokens::Tok<'_>| t.glued() && (t.punct('/') || t.punct('.') || t.punct('-'));
    for (k, w) in toks.windows(3).enumerate() {
        let (a, s, b) = (&w[0], &w[1], &w[2]);
        // The day and year of "03/02/25" say nothing about the order.
        let chained = k > 0 && a.glued() && is_sep(&toks[k - 1]);
        if let (Some(x), Some(y)) = (a.num, b.num)
            && !chained
            && a.digits <= 2
            && b.digits <= 2
            && (s.punct('/') || s.punct('.') || s.punct('-'))
            && s.glued()
            && b.glued()
        {
            if x > 12 && y <= 12 {
                day_first += 2;
            } else if y > 12 && x <= 12 {
                month_first += 2;
            }
        }
        // "30 June" / "June 30"
        let month_at =
            |t: &tokens::Tok<'_>| t.cap && t.anchor && t.word().and_then(lexicon::month).is_some();
        if a.num.is_some_and(|v| (1..=31).contains(&v)) && a.digits <= 2 && month_at(s) {
            day_first += 1;
        }
        if month_at(a) && s.num.is_some_and(|v| (1..=31).contains(&v)) && s.digits <= 2 {
            month_first += 1;
        }
    }
    if day_first > month_first {
        Order::DayFirst
    } else {
        Order::MonthFirst
    }
}

#[cfg(test)]
mod tests;
