//! Stage 2 — [`Document`] → facts. Each extractor is one module behind the
//! [`Extractor`] trait; the pipeline runs a [`Chain`] of them and never needs
//! to know which exist, so new extractors plug in here and nowhere else.

pub mod currency;
pub mod dates;
pub mod entities;
pub mod money;
pub(crate) mod near;
pub mod numbers;
pub mod percent;
pub mod quantities;
pub mod units;
mod urls;

use crate::document::{DocLink, Document};

pub use money::{Money, MoneyAmounts};
pub use numbers::{NumberSpan, Numbers, Standalone, StandaloneNumbers};
pub use percent::{Percentage, Percentages};
pub use quantities::{Quantities, Quantity};
pub use urls::BareUrls;

/// What the extractors found in one article. Each extractor fills its own
/// fields; later extractors may read what earlier ones found.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    /// Links found in the text itself, beyond the markup links of the document.
    pub links: Vec<DocLink>,
    /// The body's tokens as the number lexer reads them, kept so the date
    /// grammar reads the same tokens without lexing the text again.
    pub tokens: Vec<numbers::lexer::Token>,
    /// Every number in the body, as the scanner read it; the figure
    /// extractors build on these.
    pub numbers: Vec<NumberSpan>,
    /// Amounts of money (and currencies named without an amount).
    pub money: Vec<Money>,
    /// Percentages (and "percent" written without a number).
    pub percentages: Vec<Percentage>,
    /// Measurements and counts.
    pub quantities: Vec<Quantity>,
    /// The numbers that are figures of their own: not inside money, a
    /// percentage or a quantity, and not years, dates, times, list
    /// numbering or parts of names.
    pub standalone: Vec<Standalone>,
    /// Dates, periods and durations, as written (resolved when the record
    /// is built, against the article's reference date).
    pub dates: Vec<dates::DateMention>,
    /// People, organizations, places and other names, linked within the article.
    pub entities: Vec<entities::Entity>,
}

impl Facts {
    /// Number of facts by kind, for the `wirewatch_facts_extracted_total`
    /// metric (figures as the record lists them: with a value).
    pub fn counts(&self, doc: &Document) -> [(&'static str, usize); 6] {
        [
            ("link", doc.links.len() + self.links.len()),
            ("url", usize::from(doc.url.is_some())),
            ("number", self.standalone.len()),
            (
                "money",
                self.money.iter().filter(|m| m.amount.is_some()).count(),
            ),
            (
                "percentage",
                self.percentages
                    .iter()
                    .filter(|p| p.value.is_some())
                    .count(),
            ),
            ("quantity", self.quantities.len()),
        ]
    }
}

/// One extraction step. Implementations must be pure functions of the
/// document (and earlier facts) so records stay deterministic.
pub trait Extractor: Send + Sync {
    /// Short stable name, used in logs and errors.
    fn name(&self) -> &'static str;
    fn extract(&self, doc: &Document, facts: &mut Facts);
}

/// The ordered list of extractors every article goes through.
pub struct Chain {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Chain {
    /// The chain with every extractor wirewatch ships, in dependency order.
    pub fn standard() -> Self {
        Chain {
            extractors: vec![
                Box::new(BareUrls),
                Box::new(Numbers),
                Box::new(dates::Dates),
                Box::new(MoneyAmounts),
                Box::new(Percentages),
                Box::new(Quantities),
                Box::new(StandaloneNumbers),
                Box::new(entities::Entities),
            ],
        }
    }

    pub fn run(&self, doc: &Document) -> Facts {
        let mut facts = Facts::default();
        for extractor in &self.extractors {
            extractor.extract(doc, &mut facts);
        }
        facts
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.name()).collect()
    }
}
