//! The output record: one JSON document per article, versioned, with a JSON
//! Schema generated from these types so consumers can validate what they read.
//!
//! All offsets are Unicode scalar (code point) offsets into `text.body`, which
//! is what most languages index strings by once decoded.
//!
//! This module holds the schema; [`build()`] turns a document, its facts and
//! its [`SourceMeta`] into a [`Record`], each part of the record built by
//! one module: `source`, `published`, `text` (and `language`), `links`,
//! `numbers`, `money`, `percentages`, `quantities`, `dates`, `entities`,
//! `quotes`, `keywords`, `fingerprint`;
//! `place` turns byte ranges into the record's offsets. The enums a record
//! shares with the extractors ([`Qualifier`], [`Dimension`],
//! [`Granularity`], [`EntityType`], [`QuoteKind`]) are the extractors' own.

mod build;
mod dates;
mod entities;
mod fingerprint;
mod keywords;
mod links;
mod measure;
mod money;
mod numbers;
mod path_date;
mod percentages;
mod place;
mod published;
mod quantities;
mod quotes;
mod source;
mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use crate::extract::dates::Granularity;
pub(crate) use crate::extract::entities::EntityType;
pub(crate) use crate::extract::measure::MeasureKind;
pub(crate) use crate::extract::numbers::Qualifier;
pub(crate) use crate::extract::quotes::QuoteKind;
pub(crate) use crate::extract::units::Dimension;
pub(crate) use build::build;
pub use source::SourceMeta;

/// Bumped whenever a field changes meaning or disappears (additions too, while
/// the schema is young), so consumers can tell records apart.
pub const SCHEMA_VERSION: u32 = 5;

/// The version of the extractor that makes records: the program, the
/// record schema and the entity model. The ledger keeps it beside each
/// record, so records made by another version can be found and re-extracted
/// (`wirewatch reprocess`).
pub fn extractor_version() -> &'static str {
    static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "wirewatch {}; schema {SCHEMA_VERSION}; model {}",
            env!("CARGO_PKG_VERSION"),
            crate::extract::entities::model::Model::embedded_fingerprint()
        )
    });
    &VERSION
}

/// One article, normalized.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Version of this schema the record follows.
    pub(crate) schema_version: u32,
    /// Content hash of the normalized body: the same text gives the same id,
    /// whatever its file's name, encoding or line endings.
    pub(crate) id: String,
    pub(crate) source: Source,
    /// Headline, when the file has one.
    pub(crate) title: Option<String>,
    /// The article's own address, when the file states it (an "Original
    /// url:" footer, a canonical link, front matter).
    pub(crate) url: Option<String>,
    /// Publication date, and where it came from.
    pub(crate) published: Option<Published>,
    /// Authors named by a byline or metadata.
    pub(crate) authors: Vec<String>,
    /// The outlet, when metadata names it.
    pub(crate) publisher: Option<String>,
    /// Detected language of the body.
    pub(crate) language: Option<Language>,
    pub text: Text,
    /// Hyperlinks found in the source (markdown links and autolinks).
    pub(crate) links: Vec<Link>,
    /// Numbers that are figures of their own: not part of an amount of
    /// money, a percentage or a quantity, and not years, dates, clock times,
    /// list numbering or parts of names. In text order.
    pub(crate) numbers: Vec<Number>,
    /// Amounts of money, in text order.
    pub(crate) money: Vec<Money>,
    /// Percentages, in text order.
    pub(crate) percentages: Vec<Percentage>,
    /// Measurements and counts, in text order.
    pub(crate) quantities: Vec<Quantity>,
    /// Dates, periods and durations, resolved against the article's
    /// reference date (`published`).
    #[serde(default)]
    pub(crate) dates: Vec<Date>,
    /// People, organizations, places and other names (nationalities, events),
    /// each with all its mentions; in order of first mention.
    #[serde(default)]
    pub(crate) entities: Vec<Entity>,
    /// Quotes, direct and reported, with who said them; in text order.
    #[serde(default)]
    pub(crate) quotes: Vec<Quote>,
    /// What the article is about: phrases and names, best first
    /// (`keywords.count` of them).
    #[serde(default)]
    pub(crate) keywords: Vec<Keyword>,
    /// A sketch of the article's wording, to find its near-duplicates
    /// among other records without reading their texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fingerprint: Option<Fingerprint>,
    /// Things a reader should know about this record (e.g. the text ends mid-sentence).
    pub(crate) warnings: Vec<String>,
}

/// Where the article came from and how it was read.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    /// Path relative to the watched folder (or as given on the command line).
    pub path: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Format the file was parsed as.
    pub format: Format,
    /// Character encoding the bytes were decoded from (WHATWG label).
    pub encoding: String,
    /// How sure the decoder was of the encoding: 1 for a BOM or valid UTF-8,
    /// lower for a statistical guess; three decimals.
    pub encoding_confidence: f64,
    /// BLAKE3 hash of the raw bytes: the file's identity in the ledger.
    pub content_hash: String,
    /// Modification time of the file (RFC 3339, UTC), when known.
    pub modified_at: Option<String>,
    /// When wirewatch produced this record (RFC 3339, UTC); the one field that
    /// differs between two runs over the same bytes.
    pub ingested_at: String,
    /// 1 for the first content seen at this path, then +1 for each change.
    pub revision: u32,
    /// The item of a JSON or JSON Lines feed this article is (absent for a
    /// file that is one article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<FeedItemRef>,
}

/// Which item of a feed an article is.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedItemRef {
    /// Position in the feed, from 0 (array index, or line index in JSON Lines).
    pub index: usize,
    /// The item's own `id`, when it has one.
    pub id: Option<String>,
}

/// When the article was published.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Published {
    /// ISO 8601 date (YYYY-MM-DD).
    pub date: String,
    /// Where the date came from: "dateline" (stated at the top of the text),
    /// "byline" (after the authors' names: "By Jane Doe, 12 March 2005"),
    /// "metadata" (front matter, HTML meta or JSON-LD), "reference_date"
    /// (given by the caller), "path" (a date in the file's name or
    /// folders: "2023-03-24", "20230324"), "text" (the latest fully
    /// written date in the text, when the article states none), or "mtime"
    /// (the file's modification time, when there is nothing else; the
    /// record then carries a warning).
    pub from: String,
}

/// A detected language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Language {
    /// ISO 639-1 code (ISO 639-3 where no two-letter code exists).
    pub code: String,
    /// Detector confidence, 0 to 1; three decimals.
    pub confidence: f64,
}

/// Input formats wirewatch understands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// The article's clean text and its structure.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Normalized text: paragraphs separated by one blank line, no markup.
    pub body: String,
    /// `[start, end)` code-point spans of the paragraphs in `body`.
    pub(crate) paragraphs: Vec<[usize; 2]>,
    /// `[start, end)` code-point spans of the sentences in `body`.
    pub(crate) sentences: Vec<[usize; 2]>,
    /// Number of sentences.
    pub(crate) sentence_count: usize,
    /// Number of words (Unicode word segmentation).
    pub(crate) words: usize,
    /// The text stops mid-sentence or with an ellipsis, as a text cut off
    /// at its source does. A reading of the text, not something wirewatch cut.
    pub(crate) ends_mid_sentence: bool,
}

/// A hyperlink with its anchor text located in the body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Link {
    pub text: String,
    pub url: String,
    pub start: usize,
    pub end: usize,
}

/// Serde's test for a flag left out of the JSON when false.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A number standing on its own ("twelve", "21st", "10-15").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Number {
    /// The number as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// Its value (0.5 for "half"); for a range, the low end.
    pub value: f64,
    /// A rank ("third", "21st"): `value` is the rank.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ordinal: bool,
    /// Low end of a range ("10-15" → 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range ("10-15" → 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// An amount of money ("over 25.3 billion rubles", "US$1.5 billion").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Money {
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
    /// What the amount measures, when its sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// A percentage ("12%", "46.2 per cent", "0.5 percentage points").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Percentage {
    /// The percentage as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// The number of percent (12 for "12%"); for a range, the low end.
    pub value: f64,
    /// Percentage points: a difference between two percentages.
    #[serde(default, skip_serializing_if = "is_false")]
    pub points: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// What it is a share of, when the sentence says ("its GDP" in "45% of its GDP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Low end of a range ("10-15%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A share written as a fraction in words ("half of", "two-thirds of").
    #[serde(default, skip_serializing_if = "is_false")]
    pub fraction: bool,
    /// What the percentage measures, when its sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// A date, a period or a length of time ("June 30, 2022", "last year",
/// "from 2020 to 2023", "three years").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Date {
    /// The expression as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// ISO 8601 value at its granularity: "2022-06-30", "2024-03", "2025"
    /// (a fiscal year as TimeML writes it, "FY2024", since its months
    /// depend on who keeps it, and a season in a written year or placed
    /// from the article's date, "2016-SU" for "summer 2016" or "last
    /// summer" in 2017, since its months depend on the hemisphere);
    /// absent for ranges, durations, and relative expressions in an article
    /// with no reference date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// First day of the period or range (inclusive); absent when it is open
    /// ("before 2018").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day of the period or range (inclusive); absent when it is open
    /// ("since 1992").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    pub granularity: Granularity,
    /// A length of time as ISO 8601 ("P3Y", "PT1.5H").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// How the expression bounds or qualifies its date: before, after,
    /// since, until, approx; start, mid, end (a part of a period); more,
    /// less (a duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// A number and what it counts or measures ("145 people", "3,000 km").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Quantity {
    /// The quantity as written.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// Index in `text.sentences` of the sentence holding it.
    pub sentence: usize,
    /// The number, in `unit`; for a range, the low end.
    pub value: f64,
    /// For a measurement, the unit's symbol ("km", "t", "mi", "°C", "year");
    /// for a count, the words naming what is counted, as written ("Tajik
    /// citizens").
    pub unit: String,
    pub dimension: Dimension,
    /// `value` converted to `si_unit`, for measurements whose unit says how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    /// The SI unit of the dimension: m, kg, m2, m3, m/s, bit, bit/s, rad,
    /// K, J, W or s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Low end of a range ("1.2 to 2 million migrants").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What the quantity measures, when its sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// What a figure measures, read from its sentence (see `docs/ledger.md`):
/// figures of any articles with the same `key`, `kind`, `of`, entity and a
/// compatible period are the same quantity, side by side in the fact
/// ledger (`wirewatch facts`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Measure {
    /// The words naming what is measured, as written ("remittances from
    /// its citizens", "bilateral turnover", "Tajik citizens").
    pub thing: String,
    /// What is measured, normalized so that wordings meet: lemmas of the
    /// head and the modifiers that matter, paraphrases made one
    /// ("money sent home" → `remittance`, "jobless rate" → `unemployment`).
    pub key: String,
    pub kind: MeasureKind,
    /// For a share, the key of the whole it is a share of (`gdp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Whose figure it is ("Tajikistan's GDP" → Tajikistan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<MeasureEntity>,
    /// When it is stated for: the nearest closed date or period of its
    /// sentence ("in 2024", "the first seven months of 2025", "last year").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The source the sentence cites ("World Bank", "according to …"), or
    /// the speaker of the quote holding the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited: Option<String>,
    /// Lowest value the figure allows, given its hedge or range ("more than
    /// 17%" → 17; "nearly half" → 45); absent when unbounded below or exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Highest value the figure allows ("up to $5m" → 5000000; "nearly
    /// half" → 50); absent when unbounded above or exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

/// The entity a figure belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeasureEntity {
    /// Its name ("Tajikistan"; "Russia–Tajikistan" for a bilateral figure).
    pub name: String,
    /// The same in every article: `country:TJ` (a country or its
    /// nationality), `pair:RU-TJ`, `org:tesco`, `place:london`, `person:…`.
    pub key: String,
    /// Its id in `entities` (absent for a pair of countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Found near the figure (earlier in its sentence or in the two
    /// before), not in its own words: a weaker link, which the ledger
    /// trusts only with a stated period or a consistent value.
    #[serde(default, skip_serializing_if = "is_false")]
    pub context: bool,
}

/// The period a figure is stated for.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Period {
    /// As written ("in 2024" is "2024").
    pub text: String,
    /// First day (ISO 8601).
    pub start: String,
    /// Last day (ISO 8601).
    pub end: String,
}

/// One entity of the article: a person, organization, place or other name,
/// with every mention of it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical name: the fullest form the article uses, without titles.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
    /// Titles and offices written before a person's name ("Defense Minister").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-2 code of a place's country, or of a nationality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// "country", "region" or "city" for a place found in the gazetteer;
    /// "nationality" for a nationality word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Latitude of a located place (a country's: the population-weighted
    /// centre of its cities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude of a located place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The short form the article defines for it ("NATO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

/// One mention of an entity: `[start, end)` code points in `text.body`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A quote: words the article attributes to someone, in quotation marks
/// or reported.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Quote {
    /// The quote as written, from its first word (or opening mark) to its
    /// last; for a quote in pieces, the attribution between them too.
    pub text: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
    /// `[start, end)` of each piece, when the quote is split by its
    /// attribution (`“…,” she said. “…”`) or runs over paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pieces: Option<Vec<[usize; 2]>>,
    /// `direct` (all in quotation marks), `mixed` (a paraphrase holding
    /// quoted words) or `indirect` (a paraphrase).
    pub kind: QuoteKind,
    /// Who said it; null when the text does not say.
    pub speaker: Option<QuoteSpeaker>,
    /// The reporting verb or phrase; null when the quote has none (it
    /// follows its speaker's earlier quote, for instance).
    pub cue: Option<QuoteCue>,
    /// Index in `text.sentences` of the sentence the quote starts in.
    pub sentence: usize,
}

/// Who said a quote.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteSpeaker {
    /// The speaker's id in `entities`; null for a speaker the article does
    /// not name ("officials", "a source").
    pub id: Option<String>,
    /// The entity's canonical name, or the words naming the speaker.
    pub name: String,
    /// `[start, end)` of the words naming the speaker at this quote: a
    /// name, or the pronoun or description ("she", "the ministry") that
    /// refers to it.
    pub start: usize,
    pub end: usize,
}

/// The reporting verb or phrase of a quote.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteCue {
    /// As written ("said", "told", "according to", "pointed out").
    pub text: String,
    /// Its dictionary form ("say", "tell", "according to", "point out").
    pub lemma: String,
    /// `[start, end)` code-point offsets in `text.body`.
    pub start: usize,
    pub end: usize,
}

/// A keyword of the article.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Keyword {
    /// The phrase or name, as the article writes it most often.
    pub text: String,
    /// Its weight relative to the article's best keyword (1).
    pub score: f64,
}

/// The near-duplicate sketch of an article's body: word shingles
/// (five words, lowercase) hashed two ways.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Fingerprint {
    /// SimHash of the shingles, 16 hex digits: copies differ in few bits.
    pub simhash: String,
    /// MinHash signature, 16 minima of 32 bits as 128 hex digits: the
    /// share of equal minima estimates the shingle sets' Jaccard
    /// similarity, and bands of it find candidate copies.
    pub minhash: String,
}

/// The record's JSON Schema, pretty-printed, as committed under `schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Record);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
