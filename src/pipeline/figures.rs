//! The record's figures (numbers, money, percentages, quantities) from the
//! extractors' facts: byte ranges become code-point offsets and sentence
//! indexes, values are checked finite, and each list is sorted by offset.
//! Currencies and percentages named without a value are left out.

use std::ops::Range;

use crate::document::Document;
use crate::document::offsets::CharOffsets;
use crate::extract::Facts;
use crate::extract::numbers::Qualifier as Q;
use crate::extract::quantities::Measure;
use crate::extract::units::Dimension as D;
use crate::record::{Dimension, Money, Number, Percentage, Qualifier, Quantity};

/// The four lists of a record.
#[derive(Debug, Default)]
pub struct Figures {
    pub numbers: Vec<Number>,
    pub money: Vec<Money>,
    pub percentages: Vec<Percentage>,
    pub quantities: Vec<Quantity>,
}

/// Where a fact is: its text, code-point span and sentence.
struct Place {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
}

fn place(doc: &Document, offsets: &CharOffsets, r: &Range<usize>) -> Place {
    let [start, end] = offsets.span(r);
    let sentence = doc
        .sentences
        .partition_point(|s| s.start <= r.start)
        .saturating_sub(1);
    Place {
        text: doc.body.get(r.clone()).unwrap_or_default().to_string(),
        start,
        end,
        sentence,
    }
}

/// Whether `r` lies inside a date or date range (not a duration). Dates
/// are in text order and do not overlap, so one search finds the candidate.
fn in_date(dates: &[crate::extract::dates::DateMention], r: &Range<usize>) -> bool {
    let k = dates.partition_point(|d| d.range.start <= r.start);
    k > 0 && {
        let d = &dates[k - 1];
        d.kind() != crate::extract::dates::Kind::Duration && r.end <= d.range.end
    }
}

fn qualifier(q: Option<Q>) -> Option<Qualifier> {
    Some(match q? {
        Q::About => Qualifier::About,
        Q::Nearly => Qualifier::Nearly,
        Q::Over => Qualifier::Over,
        Q::Under => Qualifier::Under,
        Q::MoreThan => Qualifier::MoreThan,
        Q::LessThan => Qualifier::LessThan,
        Q::AtLeast => Qualifier::AtLeast,
        Q::AtMost => Qualifier::AtMost,
        Q::UpTo => Qualifier::UpTo,
    })
}

fn dimension(d: D) -> Dimension {
    match d {
        D::Length => Dimension::Length,
        D::Mass => Dimension::Mass,
        D::Area => Dimension::Area,
        D::Volume => Dimension::Volume,
        D::Speed => Dimension::Speed,
        D::Information => Dimension::Information,
        D::DataRate => Dimension::DataRate,
        D::Angle => Dimension::Angle,
        D::Temperature => Dimension::Temperature,
        D::Energy => Dimension::Energy,
        D::Power => Dimension::Power,
        D::Duration => Dimension::Duration,
    }
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The ends of a range, both finite.
fn ends(span: Option<(f64, f64)>) -> (Option<f64>, Option<f64>) {
    match span {
        Some((a, b)) if a.is_finite() && b.is_finite() => (Some(a), Some(b)),
        _ => (None, None),
    }
}

/// The record's figures for `doc`, from `facts`.
pub fn figures(doc: &Document, facts: &Facts, offsets: &CharOffsets) -> Figures {
    let mut out = Figures::default();
    for n in &facts.standalone {
        let Some(value) = finite(n.value) else {
            continue;
        };
        let p = place(doc, offsets, &n.range);
        let (min, max) = ends(n.span);
        out.numbers.push(Number {
            text: p.text,
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            value,
            ordinal: n.ordinal,
            min,
            max,
        });
    }
    for m in &facts.money {
        let Some(amount) = m.amount.and_then(finite) else {
            continue;
        };
        let p = place(doc, offsets, &m.range);
        let (min, max) = ends(m.span);
        out.money.push(Money {
            text: p.text,
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            amount,
            currency: m.currency.to_string(),
            qualifier: qualifier(m.qualifier),
            min,
            max,
        });
    }
    for pc in &facts.percentages {
        let Some(value) = pc.value.and_then(finite) else {
            continue;
        };
        let p = place(doc, offsets, &pc.range);
        let (min, max) = ends(pc.span);
        out.percentages.push(Percentage {
            text: p.text,
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            value,
            points: pc.points,
            qualifier: qualifier(pc.qualifier),
            of: pc
                .of
                .as_ref()
                .and_then(|r| doc.body.get(r.clone()))
                .map(str::to_string),
            min,
            max,
        });
    }
    for q in &facts.quantities {
        let Some(value) = finite(q.value) else {
            continue;
        };
        // "three years ago" is a date, not an amount of time.
        if matches!(&q.measure, Measure::Unit(u) if u.dimension == crate::extract::units::Dimension::Duration)
            && in_date(&facts.dates, &q.range)
        {
            continue;
        }
        let p = place(doc, offsets, &q.range);
        let (min, max) = ends(q.span);
        let (unit, dim, si) = match &q.measure {
            Measure::Unit(u) => (
                u.symbol.to_string(),
                dimension(u.dimension),
                u.to_si(value)
                    .and_then(finite)
                    .map(|v| (v, u.dimension.si_unit())),
            ),
            Measure::Age(u) => (u.symbol.to_string(), Dimension::Age, None),
            Measure::Count(r) => (
                doc.body.get(r.clone()).unwrap_or_default().to_string(),
                Dimension::Count,
                None,
            ),
        };
        out.quantities.push(Quantity {
            text: p.text,
            start: p.start,
            end: p.end,
            sentence: p.sentence,
            value,
            unit,
            dimension: dim,
            si_value: si.map(|(v, _)| v),
            si_unit: si.map(|(_, u)| u.to_string()),
            qualifier: qualifier(q.qualifier),
            min,
            max,
        });
    }
    out.numbers.sort_by_key(|n| (n.start, n.end));
    out.money.sort_by_key(|m| (m.start, m.end));
    out.percentages.sort_by_key(|p| (p.start, p.end));
    out.quantities.sort_by_key(|q| (q.start, q.end));
    out
}
