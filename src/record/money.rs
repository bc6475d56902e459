//! The record's `money`: amounts with their currency. A currency named
//! without an amount ("the dollar rose") is left out.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::{Locator, ends, finite};
use crate::extract;
use crate::extract::numbers::Qualifier;

/// An amount of money ("over 25.3 billion rubles", "US$1.5 billion").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The amount as written, with its currency (the qualifier is not part of it).
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// The amount in the currency's major unit (25300000000 for "25.3
    /// billion rubles", 0.5 for "50 cents"); for a range, the low end.
    pub amount: f64,
    /// ISO 4217 code. Ambiguous signs and names resolve as news uses them:
    /// a bare `$` or "dollars" is USD, `£` or "pounds" GBP, `¥` JPY,
    /// "francs" CHF, "rupees" INR. Withdrawn currencies keep their old code
    /// (DEM, FRF, ESP …); bitcoin is XBT.
    pub currency: String,
    /// How the amount relates to the true one ("over", "about", "up to" …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Low end of a range ("$1.2-1.5 billion").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// The amounts with a finite value, in text order.
pub(super) fn money(at: &Locator<'_>, found: &[extract::Money]) -> Vec<Money> {
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
            })
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    out
}
