//! The kinds of fact counted by the `wirewatch_facts_extracted_total` and
//! `wirewatch_entities_extracted_total` metrics. One list: the metric
//! catalogue pre-registers its label values from [`FactKind::LABELS`] and
//! [`EntityType::LABELS`], and an article's counts come from the same list.

use super::Facts;
use super::entities::EntityType;
use crate::document::Document;

/// A kind of fact the facts metric counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactKind {
    Paragraph,
    Sentence,
    Word,
    Link,
    /// The article's own address, when the file states it.
    Url,
    /// Standalone numbers.
    Number,
    /// Amounts of money (a currency named without an amount is not one).
    Money,
    /// Percentages with a number.
    Percentage,
    Quantity,
}

impl FactKind {
    /// Every kind, in the order the metric lists them.
    pub const ALL: [FactKind; 9] = [
        FactKind::Paragraph,
        FactKind::Sentence,
        FactKind::Word,
        FactKind::Link,
        FactKind::Url,
        FactKind::Number,
        FactKind::Money,
        FactKind::Percentage,
        FactKind::Quantity,
    ];

    /// The metric's label values for [`FactKind::ALL`], in that order.
    pub const LABELS: [&'static str; 9] = {
        let mut labels = [""; 9];
        let mut i = 0;
        while i < labels.len() {
            labels[i] = FactKind::ALL[i].label();
            i += 1;
        }
        labels
    };

    /// The kind's `kind` label value.
    pub const fn label(self) -> &'static str {
        match self {
            FactKind::Paragraph => "paragraph",
            FactKind::Sentence => "sentence",
            FactKind::Word => "word",
            FactKind::Link => "link",
            FactKind::Url => "url",
            FactKind::Number => "number",
            FactKind::Money => "money",
            FactKind::Percentage => "percentage",
            FactKind::Quantity => "quantity",
        }
    }

    /// How many facts of this kind `doc` and its `facts` hold (figures
    /// with a value, as the record lists them).
    pub fn count(self, doc: &Document, facts: &Facts) -> usize {
        match self {
            FactKind::Paragraph => doc.paragraphs.len(),
            FactKind::Sentence => doc.sentences.len(),
            FactKind::Word => doc.words,
            FactKind::Link => doc.links.len() + facts.links.len(),
            FactKind::Url => usize::from(doc.url.is_some()),
            FactKind::Number => facts.standalone.len(),
            FactKind::Money => facts.money.iter().filter(|m| m.amount.is_some()).count(),
            FactKind::Percentage => facts
                .percentages
                .iter()
                .filter(|p| p.value.is_some())
                .count(),
            FactKind::Quantity => facts.quantities.len(),
        }
    }
}

impl Facts {
    /// The article's count of each [`FactKind`].
    pub fn counts(&self, doc: &Document) -> Vec<(FactKind, usize)> {
        FactKind::ALL
            .into_iter()
            .map(|k| (k, k.count(doc, self)))
            .collect()
    }

    /// The article's entities by type.
    pub fn entity_counts(&self) -> Vec<(EntityType, usize)> {
        EntityType::ALL
            .into_iter()
            .map(|t| (t, self.entities.iter().filter(|e| e.ty == t).count()))
            .collect()
    }
}
