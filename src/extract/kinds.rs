//! The kinds of fact counted by the `wirewatch_facts_extracted_total` and
//! `wirewatch_entities_extracted_total` metrics. One list: the metric
//! catalogue pre-registers its label values from [`FactKind::LABELS`] and
//! [`EntityType::LABELS`], and an article's counts come from the same list.

use super::Facts;
use super::entities::EntityType;
use crate::document::Document;

/// A kind of fact the facts metric counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FactKind {
    /// Paragraphs of the body.
    Paragraph,
    /// Sentences of the body.
    Sentence,
    /// Words of the body.
    Word,
    /// Hyperlinks: markup links and bare URLs in the text.
    Link,
    /// The article's own address, when the file states it.
    Url,
    /// Standalone numbers.
    Number,
    /// Amounts of money (a currency named without an amount is not one).
    Money,
    /// Percentages with a number.
    Percentage,
    /// Measurements and counts.
    Quantity,
    /// Quotes, direct and reported.
    Quote,
}

impl FactKind {
    /// Every kind, in the order the metric lists them.
    pub(crate) const ALL: [FactKind; 10] = [
        FactKind::Paragraph,
        FactKind::Sentence,
        FactKind::Word,
        FactKind::Link,
        FactKind::Url,
        FactKind::Number,
        FactKind::Money,
        FactKind::Percentage,
        FactKind::Quantity,
        FactKind::Quote,
    ];

    /// Each kind's `kind` label value, in declaration order.
    pub(crate) const LABELS: [&'static str; 10] = [
        "paragraph",
        "sentence",
        "word",
        "link",
        "url",
        "number",
        "money",
        "percentage",
        "quantity",
        "quote",
    ];

    /// The kind's `kind` label value (see [`FactKind::LABELS`]).
    pub(crate) const fn label(self) -> &'static str {
        FactKind::LABELS[self as usize]
    }

    /// How many facts of this kind `doc` and its `facts` hold (figures
    /// with a value, as the record lists them).
    pub(crate) fn count(self, doc: &Document, facts: &Facts) -> usize {
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
            FactKind::Quote => facts.quotes.len(),
        }
    }
}

impl Facts {
    /// The article's count of each [`FactKind`].
    pub(crate) fn counts(&self, doc: &Document) -> Vec<(FactKind, usize)> {
        FactKind::ALL
            .into_iter()
            .map(|k| (k, k.count(doc, self)))
            .collect()
    }

    /// The article's entities by type.
    pub(crate) fn entity_counts(&self) -> Vec<(EntityType, usize)> {
        EntityType::ALL
            .into_iter()
            .map(|t| (t, self.entities.iter().filter(|e| e.ty == t).count()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{EntityType, FactKind};

    /// `label` reads `LABELS` by discriminant: `ALL` must list the variants
    /// in declaration order for each to get its own label.
    #[test]
    fn labels_follow_declaration_order() {
        for (i, k) in FactKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i);
        }
        for (i, t) in EntityType::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
            assert_eq!(EntityType::from_index(i), t);
            // The record and the metric name a type alike.
            assert_eq!(
                serde_json::to_string(&t).ok(),
                Some(format!("\"{}\"", t.label()))
            );
        }
        assert_eq!(FactKind::Percentage.label(), "percentage");
        assert_eq!(EntityType::Organization.label(), "organization");
    }
}
