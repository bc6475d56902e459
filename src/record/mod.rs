//! The output record: one JSON document per article, versioned, with a JSON
//! Schema generated from these types so consumers can validate what they read.
//!
//! All offsets are Unicode scalar (code point) offsets into `text.body`, which
//! is what most languages index strings by once decoded.
//!
//! [`build`] turns a document, its facts and its [`SourceMeta`] into a
//! [`Record`]. Each part of the record has one module holding its schema
//! type and how it is built from the facts: `source`, `published`, `text`
//! (and `language`), `links`, `numbers`, `money`, `percentages`,
//! `quantities`, `dates`, `entities`; `place` turns byte ranges into the
//! record's offsets. The enums a record shares with the extractors
//! ([`Qualifier`], [`Dimension`], [`Granularity`], [`EntityType`]) are the
//! extractors' own.

mod build;
mod dates;
mod entities;
mod links;
mod money;
mod numbers;
mod percentages;
mod place;
mod published;
mod quantities;
mod source;
mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::extract::dates::Granularity;
pub use crate::extract::entities::EntityType;
pub use crate::extract::numbers::Qualifier;
pub use crate::extract::units::Dimension;
pub use build::build;
pub use dates::Date;
pub use entities::{Entity, EntityMention};
pub use links::Link;
pub use money::Money;
pub use numbers::Number;
pub use percentages::Percentage;
pub use published::Published;
pub use quantities::Quantity;
pub use source::{Format, Source, SourceMeta};
pub use text::{Language, Text};

/// Bumped whenever a field changes meaning or disappears (additions too, while
/// the schema is young), so consumers can tell records apart.
pub const SCHEMA_VERSION: u32 = 3;

/// One article, normalized.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Version of this schema the record follows.
    pub schema_version: u32,
    /// Content hash of the normalized body: the same text gives the same id,
    /// whatever its file's name, encoding or line endings.
    pub id: String,
    pub source: Source,
    /// Headline, when the file has one.
    pub title: Option<String>,
    /// The article's own address, when the file states it (an "Original
    /// url:" footer, a canonical link, front matter).
    pub url: Option<String>,
    /// Publication date, and where it came from.
    pub published: Option<Published>,
    /// Authors named by a byline or metadata.
    pub authors: Vec<String>,
    /// The outlet, when metadata names it.
    pub publisher: Option<String>,
    /// Detected language of the body.
    pub language: Option<Language>,
    pub text: Text,
    /// Hyperlinks found in the source (markdown links and autolinks).
    pub links: Vec<Link>,
    /// Numbers that are figures of their own: not part of an amount of
    /// money, a percentage or a quantity, and not years, dates, clock times,
    /// list numbering or parts of names. In text order.
    pub numbers: Vec<Number>,
    /// Amounts of money, in text order.
    pub money: Vec<Money>,
    /// Percentages, in text order.
    pub percentages: Vec<Percentage>,
    /// Measurements and counts, in text order.
    pub quantities: Vec<Quantity>,
    /// Dates, periods and durations, resolved against the article's
    /// reference date (`published`).
    #[serde(default)]
    pub dates: Vec<Date>,
    /// People, organizations, places and other names (nationalities, events),
    /// each with all its mentions; in order of first mention.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Things a reader should know about this record (e.g. the text ends mid-sentence).
    pub warnings: Vec<String>,
}

/// Serde's test for a flag left out of the JSON when false.
fn is_false(b: &bool) -> bool {
    !*b
}

/// The record's JSON Schema, pretty-printed, as committed under `schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Record);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
