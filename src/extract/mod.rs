//! Stage 2 — [`Document`] → facts. Each extractor is one module behind the
//! [`Extractor`] trait; the pipeline runs a [`Chain`] of them and never needs
//! to know which exist, so new extractors plug in here and nowhere else.

mod urls;

use crate::document::{DocLink, Document};

pub use urls::BareUrls;

/// What the extractors found in one article. Each extractor fills its own
/// fields; later extractors may read what earlier ones found.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    /// Links found in the text itself, beyond the markup links of the document.
    pub links: Vec<DocLink>,
}

impl Facts {
    /// Number of facts by kind, for the `wirewatch_facts_extracted_total` metric.
    pub fn counts(&self, doc: &Document) -> [(&'static str, usize); 2] {
        [
            ("link", doc.links.len() + self.links.len()),
            ("url", usize::from(doc.url.is_some())),
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
            extractors: vec![Box::new(BareUrls)],
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
