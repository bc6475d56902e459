//! The record's `money`: amounts with their currency. A currency named
//! without an amount ("the dollar rose") is left out.

use super::Money;
use super::measure::Measures;
use super::place::{Locator, ends, finite};
use crate::extract;

/// The amounts with a finite value, in text order.
pub(super) fn money(at: &Locator<'_>, found: &[extract::Money], measures: &Measures) -> Vec<Money> {
    let mut out: Vec<Money> = found
        .iter()
        .filter_map(|m| {
            let amount = m.amount.and_then(finite)?;
            let p = at.place(&m.range);
            let (min, max) = ends(m.span);
            Some(Money {
                text: p.text,
                start: p.start,
                end: p.end,
                sentence: p.sentence,
                amount,
                currency: m.currency.to_string(),
                qualifier: m.qualifier,
                min,
                max,
                measure: measures.get(&m.range),
            })
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    out
}
