//! The record builder: one document, its facts and what the caller knows of
//! its source become one [`Record`]. Each part of the record is built by its
//! own module; this one only puts them together.

use super::place::Locator;
use super::{
    Record, SCHEMA_VERSION, SourceMeta, dates, entities, fingerprint, keywords, links, measure,
    money, numbers, percentages, published, quantities, quotes, source, text,
};
use crate::document::Document;
use crate::extract::Facts;
use crate::identity;

/// The record of `doc`, with byte ranges turned into code-point offsets and
/// dates resolved against the article's own date.
pub(crate) fn build(doc: Document, facts: &Facts, meta: SourceMeta) -> Record {
    let at = Locator::new(&doc);
    let dated = published::published(&doc, &facts.dates, &meta);
    let reference = dated.reference;
    let mut text = text::structure(&doc, &at);
    let links = links::links(&at, &doc.links, &facts.links);
    let numbers = numbers::numbers(&at, &facts.standalone);
    let dates = dates::dates(&at, &facts.dates, reference);
    let entities = entities::entities(&at, &facts.entities);
    let quotes = quotes::quotes(&at, &facts.quotes, &facts.entities);
    let measures = measure::Measures::new(&doc, facts, &at, &dates, &quotes);
    let money = money::money(&at, &facts.money, &measures);
    let percentages = percentages::percentages(&at, &facts.percentages, &measures);
    let quantities = quantities::quantities(&at, &facts.quantities, &facts.dates, &measures);
    let keywords = keywords::keywords(&facts.keywords);
    let fingerprint = fingerprint::fingerprint(&doc.body);
    let language = text::language(doc.language.as_ref());
    let source = source::source(&doc, meta);
    let id = identity::record_id(&doc.body);
    text.body = doc.body;
    Record {
        schema_version: SCHEMA_VERSION,
        id,
        source,
        title: doc.title,
        url: doc.url,
        published: dated.published,
        authors: doc.authors,
        publisher: doc.publisher,
        language,
        text,
        links,
        numbers,
        money,
        percentages,
        quantities,
        dates,
        entities,
        quotes,
        keywords,
        fingerprint,
        warnings: doc.warnings.into_iter().chain(dated.warning).collect(),
    }
}
