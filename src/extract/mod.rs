//! Stage 2 — [`Document`] → [`Facts`]. Each extractor is one module with a
//! plain function; [`extract`] calls them in dependency order, each given
//! exactly what it reads (the tokens, the numbers, what earlier extractors
//! took), so the compiler checks the order. Adding an extractor is one
//! module, one line in [`extract`], one [`Facts`] field, and its record
//! field (a module in `record/`) and, when the metric counts it, one
//! [`FactKind`].

pub(crate) mod currency;
pub mod dates;
pub mod entities;
mod foreign;
pub mod keywords;
mod kinds;
pub(crate) mod measure;
pub mod money;
pub(crate) mod near;
pub mod numbers;
pub mod percent;
pub(crate) mod places;
pub mod quantities;
pub(crate) mod quotes;
pub(crate) mod units;
mod urls;

use std::ops::Range;

use crate::document::{DocLink, Document};

pub(crate) use kinds::FactKind;
pub(crate) use money::Money;
pub(crate) use numbers::{NumberSpan, Standalone};
pub(crate) use percent::Percentage;
pub(crate) use quantities::Quantity;

/// What the extractors found in one article.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    /// Links found in the text itself, beyond the markup links of the document.
    pub links: Vec<DocLink>,
    /// Amounts of money (and currencies named without an amount).
    pub money: Vec<Money>,
    /// Percentages (and "percent" written without a number).
    pub percentages: Vec<Percentage>,
    /// Measurements and counts.
    pub quantities: Vec<Quantity>,
    /// The numbers that are figures of their own: not inside money, a
    /// percentage, a quantity or a date, and not years, times, list
    /// numbering or parts of names.
    pub standalone: Vec<Standalone>,
    /// Dates, periods and durations, as written (resolved when the record
    /// is built, against the article's reference date).
    pub dates: Vec<dates::DateMention>,
    /// People, organizations, places and other names, linked within the article.
    pub entities: Vec<entities::Entity>,
    /// Quotes, direct and reported, with their speakers among `entities`.
    pub quotes: Vec<quotes::Quote>,
    /// What the article is about: phrases and names, best first.
    pub keywords: Vec<keywords::Keyword>,
}

/// What the extraction takes beyond the document, from the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Keywords kept per article (`keywords.count`).
    pub keywords: usize,
}

impl Default for Settings {
    /// The settings that ship.
    fn default() -> Settings {
        Settings {
            keywords: keywords::DEFAULT_COUNT,
        }
    }
}

/// Every fact of `doc`. The body is lexed once; the figure extractors build
/// on its numbers, each leaving alone what an earlier one took. The result
/// is a pure function of the document and the settings, so records stay
/// deterministic. A body surely not in English keeps its figures and
/// dates, and of its names only those [`foreign`] confirms, which are its
/// keywords too; quotes, read from English verbs, are left out.
pub(crate) fn extract(doc: &Document, settings: &Settings) -> Facts {
    let body = doc.body.as_str();
    let links = urls::bare(body, &doc.links);
    let Figures {
        mut dates,
        money,
        percentages,
        quantities,
        standalone,
        ..
    } = figures_marked(body, doc.decimal_mark());
    let tokens = entities::sentence_tokens(body, &doc.sentences);
    let mut entities = entities::find_in(body, &doc.sentences, &tokens);
    places::resolve(
        body,
        &mut entities,
        entities::gazetteer::Gazetteer::embedded(),
    );
    dates.retain(|d| !d.ends_a_name(&entities));
    let (quotes, keywords) = if doc.is_foreign() {
        foreign::keep_confirmed(
            &mut entities,
            entities::gazetteer::Gazetteer::embedded(),
            entities::lexicon::Lexicon::embedded(),
        );
        (Vec::new(), foreign::keywords(&entities, settings.keywords))
    } else {
        let quotes = quotes::find(body, &doc.paragraphs, &doc.sentences, &entities);
        let keywords = keywords::find(
            doc.title.as_deref(),
            body,
            &doc.sentences,
            &tokens,
            &entities,
            settings.keywords,
        );
        (quotes, keywords)
    };
    Facts {
        links,
        money,
        percentages,
        quantities,
        standalone,
        dates,
        entities,
        quotes,
        keywords,
    }
}

/// The time of [`extract`] on each of `docs` and of the quote finder alone
/// on the same facts, in seconds, summed over the documents: the quotes'
/// share of the extraction stage, which `cargo bench --bench quotes`
/// reports.
pub fn quote_share(docs: &[Document]) -> (f64, f64) {
    let (mut all, mut alone) = (0.0, 0.0);
    for doc in docs {
        let started = std::time::Instant::now();
        let facts = extract(doc, &Settings::default());
        all += started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let found = quotes::find(&doc.body, &doc.paragraphs, &doc.sentences, &facts.entities);
        alone += started.elapsed().as_secs_f64();
        std::hint::black_box(found);
    }
    (all, alone)
}

/// The time of [`extract`] on each of `docs`, and of the keywords and the
/// near-duplicate sketch alone on the same facts (and the same sentence
/// tokens, which [`extract`] cuts once for the recognizer and the
/// keywords), in seconds, summed over the documents: their share of the
/// extraction stage, which `cargo bench --bench stories` reports.
pub fn keyword_share(docs: &[Document]) -> (f64, f64) {
    let (mut all, mut alone) = (0.0, 0.0);
    for doc in docs {
        let started = std::time::Instant::now();
        let facts = extract(doc, &Settings::default());
        let sketch = crate::stories::fingerprint::Sketch::of(&doc.body);
        all += started.elapsed().as_secs_f64();
        let tokens = entities::sentence_tokens(&doc.body, &doc.sentences);
        let started = std::time::Instant::now();
        let found = keywords::find(
            doc.title.as_deref(),
            &doc.body,
            &doc.sentences,
            &tokens,
            &facts.entities,
            keywords::DEFAULT_COUNT,
        );
        let again = crate::stories::fingerprint::Sketch::of(&doc.body);
        alone += started.elapsed().as_secs_f64();
        std::hint::black_box((found, sketch, again));
    }
    (all, alone)
}

/// The figures of one body, as [`figures`] finds them.
pub struct Figures {
    /// Every number, as the scanner read it (the others build on these).
    pub numbers: Vec<NumberSpan>,
    pub dates: Vec<dates::DateMention>,
    pub money: Vec<Money>,
    pub percentages: Vec<Percentage>,
    pub quantities: Vec<Quantity>,
    pub standalone: Vec<Standalone>,
}

/// The figure extractors in dependency order: the body is lexed once, its
/// numbers read once, and each extractor leaves alone what an earlier one
/// took. [`extract`] runs this, and the figures bench times exactly it.
pub fn figures(body: &str) -> Figures {
    figures_marked(body, numbers::DecimalMark::Point)
}

/// [`figures`] of a body whose numbers mark decimals with `mark` (an
/// article in German writes `1.500` for 1 500).
pub fn figures_marked(body: &str, mark: numbers::DecimalMark) -> Figures {
    let tokens = numbers::lexer::tokens(body);
    let numbers = numbers::scan_tokens(body, &tokens, mark);
    let dates = dates::scan_article_tokens(body, &tokens, dates::Mode::All);
    let money = money::find(body, &numbers);
    let percentages = percent::find(body, &numbers, &covered(&[&money]));
    let quantities = quantities::find(body, &numbers, &covered(&[&money, &percentages]));
    let taken = covered(&[&money, &percentages, &quantities, &dates]);
    let standalone = numbers::standalone(body, &numbers, &taken);
    Figures {
        numbers,
        dates,
        money,
        percentages,
        quantities,
        standalone,
    }
}

/// The byte ranges the facts in `lists` cover, sorted by start: what an
/// extractor after them leaves alone.
fn covered(lists: &[&dyn Covering]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for list in lists {
        list.add_ranges(&mut out);
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A list of found facts, each covering a byte range of the body.
trait Covering {
    fn add_ranges(&self, out: &mut Vec<Range<usize>>);
}

impl<F: Taken> Covering for Vec<F> {
    fn add_ranges(&self, out: &mut Vec<Range<usize>>) {
        out.extend(self.iter().map(|f| f.range().clone()));
    }
}

/// A fact at a byte range of the body.
trait Taken {
    fn range(&self) -> &Range<usize>;
}

impl Taken for Money {
    fn range(&self) -> &Range<usize> {
        &self.range
    }
}

impl Taken for Percentage {
    fn range(&self) -> &Range<usize> {
        &self.range
    }
}

impl Taken for Quantity {
    fn range(&self) -> &Range<usize> {
        &self.range
    }
}

impl Taken for dates::DateMention {
    fn range(&self) -> &Range<usize> {
        &self.range
    }
}
