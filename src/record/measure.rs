//! The `measure` of each figure of the record: what it measures, for whom,
//! for when and on whose word (see `docs/ledger.md`). The words come from
//! [`crate::extract::measure`]; this module adds what needs the whole
//! article: the entity the figure belongs to (among the entities found),
//! the period it is stated for (among the resolved dates of its sentence),
//! the source (a named entity among the cited words, or the speaker of the
//! quote holding the figure) and the bounds its hedge gives.

use std::collections::HashMap;
use std::ops::Range;

use super::place::Locator;
use super::{Date, Measure, MeasureEntity, Period, Quote};
use crate::document::Document;
use crate::extract::entities::{Entity, EntityType};
use crate::extract::measure::{self, Description, Figure};
use crate::extract::numbers::Qualifier;
use crate::extract::quantities::Measure as Counted;
use crate::extract::units::Dimension;
use crate::extract::{Facts, near};

/// The measures of one article's figures, by the figure's byte range.
pub(super) struct Measures {
    by_range: HashMap<(usize, usize), Measure>,
}

impl Measures {
    /// The measure of the figure at byte range `r`, if its sentence says
    /// what it measures.
    pub(super) fn get(&self, r: &Range<usize>) -> Option<Measure> {
        self.by_range.get(&(r.start, r.end)).cloned()
    }

    /// Reads every figure of `facts`, sentence by sentence.
    pub(super) fn new(
        doc: &Document,
        facts: &Facts,
        at: &Locator<'_>,
        dates: &[Date],
        quotes: &[Quote],
    ) -> Measures {
        let body = doc.body.as_str();
        let mut figures: Vec<Found> = Vec::new();
        for m in &facts.money {
            if let Some(a) = m.amount {
                figures.push((m.range.clone(), Figure::Money, Some(a), m.qualifier, m.span));
            }
        }
        for p in &facts.percentages {
            if p.value.is_some() {
                let fig = Figure::Percent {
                    of: p.of.clone(),
                    fraction: p.fraction,
                };
                figures.push((p.range.clone(), fig, p.value, p.qualifier, p.span));
            }
        }
        for q in &facts.quantities {
            // Ages and lengths of time describe, they are not statistics
            // sources report side by side.
            if matches!(q.measure.dimension(), Dimension::Age | Dimension::Duration) {
                continue;
            }
            let fig = match &q.measure {
                Counted::Count(noun) => Figure::Count {
                    noun: noun.clone(),
                    small: q.value.abs() < 10.0,
                },
                _ => Figure::Measurement,
            };
            figures.push((q.range.clone(), fig, Some(q.value), q.qualifier, q.span));
        }
        figures.sort_by_key(|f| (f.0.start, f.0.end));
        let names: Vec<Range<usize>> = {
            let mut n: Vec<Range<usize>> = facts
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().cloned())
                .collect();
            n.sort_by_key(|r| r.start);
            n
        };
        let date_ranges: Vec<Range<usize>> = {
            let mut d: Vec<Range<usize>> = facts.dates.iter().map(|d| d.range.clone()).collect();
            d.sort_by_key(|r| r.start);
            d
        };
        let article = Article::new(body, doc, &facts.entities);
        let mut by_range = HashMap::new();
        let mut k = 0;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let from = k;
            while k < figures.len() && figures[k].0.start < sentence.end {
                k += 1;
            }
            if from == k {
                continue;
            }
            let in_sentence = &figures[from..k];
            let list: Vec<(Range<usize>, Figure)> = in_sentence
                .iter()
                .map(|f| (f.0.clone(), f.1.clone()))
                .collect();
            let descriptions = measure::describe_sentence(
                body,
                sentence.clone(),
                &list,
                &inside(&date_ranges, sentence),
                &inside(&names, sentence),
            );
            for (f, d) in in_sentence.iter().zip(descriptions) {
                let Some(key) = d.key.clone() else {
                    continue;
                };
                let Some(thing) = d.thing.as_ref().and_then(|r| at.slice(r)) else {
                    continue;
                };
                let (low, high) = f.2.map_or((None, None), |v| bounds(v, f.3, f.4));
                let cited_span = d.cited.as_ref().map(|r| at.span(r));
                let m = Measure {
                    thing: thing.to_string(),
                    key,
                    kind: d.kind,
                    of: d.base.clone(),
                    entity: article.entity(&d, &f.0, s),
                    period: period(dates, s, at.span(&f.0), cited_span),
                    cited: cited(&d, body, &facts.entities)
                        .or_else(|| speaker(quotes, at.span(&f.0))),
                    low,
                    high,
                };
                by_range.insert((f.0.start, f.0.end), m);
            }
        }
        Measures { by_range }
    }
}

/// A figure as found: its byte range, what it is, its value, qualifier and
/// range ends.
type Found = (
    Range<usize>,
    Figure,
    Option<f64>,
    Option<Qualifier>,
    Option<(f64, f64)>,
);

/// The ranges of `sorted` inside `r`.
fn inside(sorted: &[Range<usize>], r: &Range<usize>) -> Vec<Range<usize>> {
    let a = sorted.partition_point(|x| x.start < r.start);
    sorted[a..]
        .iter()
        .take_while(|x| x.start < r.end)
        .cloned()
        .collect()
}

/// The interval a hedged figure asserts: a range its ends, "about" ±5 %,
/// "nearly" up to 10 % under, "more than" a lower bound, "up to" an upper
/// one. An exact figure has none (its value is both).
pub(super) fn bounds(
    v: f64,
    q: Option<Qualifier>,
    span: Option<(f64, f64)>,
) -> (Option<f64>, Option<f64>) {
    if let Some((a, b)) = span {
        return (Some(a), Some(b));
    }
    let round = |x: f64| (x * 1e6).round() / 1e6;
    match q {
        None => (None, None),
        Some(Qualifier::About) => (Some(round(v * 0.95)), Some(round(v * 1.05))),
        Some(Qualifier::Nearly) => (Some(round(v * 0.9)), Some(v)),
        Some(Qualifier::Over | Qualifier::MoreThan | Qualifier::AtLeast) => (Some(v), None),
        Some(Qualifier::Under | Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => {
            (None, Some(v))
        }
    }
}

/// The period of a figure: the closed date or period of its sentence
/// nearest to it, not inside the cited words ("the World Bank's 2025
/// update").
fn period(
    dates: &[Date],
    sentence: usize,
    fig: [usize; 2],
    cited: Option<[usize; 2]>,
) -> Option<Period> {
    dates
        .iter()
        .filter(|d| d.sentence == sentence)
        .filter(|d| d.modifier.is_none() || d.modifier.as_deref() == Some("approx"))
        .filter(|d| !cited.is_some_and(|c| d.start >= c[0] && d.end <= c[1]))
        .filter_map(|d| {
            let (start, end) = match (&d.start_date, &d.end_date, &d.value) {
                (Some(a), Some(b), _) => (a.clone(), b.clone()),
                (None, None, Some(v)) if v.len() == 10 => (v.clone(), v.clone()),
                _ => return None,
            };
            let distance = if d.start >= fig[1] {
                d.start - fig[1]
            } else {
                fig[0].saturating_sub(d.end) + 1
            };
            Some((
                distance,
                Period {
                    text: d.text.clone(),
                    start,
                    end,
                },
            ))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, p)| p)
}

/// The cited source: the organization or person named among the cited
/// words, else the words.
fn cited(d: &Description, body: &str, entities: &[Entity]) -> Option<String> {
    let r = d.cited.as_ref()?;
    let named = entities.iter().find(|e| {
        matches!(e.ty, EntityType::Organization | EntityType::Person)
            && e.mentions
                .iter()
                .any(|m| m.start >= r.start && m.end <= r.end)
    });
    match named {
        Some(e) => Some(e.name.clone()),
        None => body.get(r.clone()).map(str::to_string),
    }
}

/// The speaker of the quote holding the figure, when it is named.
fn speaker(quotes: &[Quote], fig: [usize; 2]) -> Option<String> {
    quotes
        .iter()
        .find(|q| q.start <= fig[0] && fig[1] <= q.end)
        .and_then(|q| q.speaker.as_ref())
        .filter(|s| s.id.is_some())
        .map(|s| s.name.clone())
}

/// Prepositions of place: a name after one says where, not whose ("money
/// from migrants working in Russia").
const LOCATIVE: &[&str] = &[
    "in",
    "from",
    "to",
    "into",
    "across",
    "within",
    "with",
    "against",
    "toward",
    "towards",
    "via",
    "throughout",
    "inside",
    "outside",
    "near",
    "than",
    "between",
    "and",
];

/// Sentences before a figure searched for the entity it belongs to.
const SENTENCES_BACK: usize = 2;

/// What the entity search needs of the article.
struct Article<'a> {
    body: &'a str,
    entities: &'a [Entity],
    /// Every mention (byte range, entity index), in text order.
    mentions: Vec<(Range<usize>, usize)>,
    sentences: &'a [Range<usize>],
    paragraphs: &'a [Range<usize>],
    /// The two countries the article names most, for "bilateral" figures.
    pair: Option<MeasureEntity>,
}

impl<'a> Article<'a> {
    fn new(body: &'a str, doc: &'a Document, entities: &'a [Entity]) -> Article<'a> {
        let mut mentions: Vec<(Range<usize>, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.clone(), i)))
            .collect();
        mentions.sort_by_key(|(r, _)| r.start);
        Article {
            body,
            entities,
            mentions,
            sentences: &doc.sentences,
            paragraphs: &doc.paragraphs,
            pair: pair(entities),
        }
    }

    /// The entity a figure at byte range `fig` of sentence `s` belongs to:
    /// a name in its thing or its whole ("Tajikistan's GDP", "profits at
    /// Tesco") not after a preposition of place; the clause's named subject;
    /// the nearest country, nationality or organization before it in its
    /// sentence, then in the two sentences before in its paragraph. A
    /// bilateral figure belongs to the two countries the article names most.
    fn entity(&self, d: &Description, fig: &Range<usize>, s: usize) -> Option<MeasureEntity> {
        if d.bilateral {
            return self.pair.clone();
        }
        for r in [&d.thing, &d.base_range, &d.subject].into_iter().flatten() {
            let found = self
                .mentions_in(r)
                .find(|(m, i)| self.owner_like(*i, true) && !self.after_locative(m));
            if let Some((_, i)) = found {
                return self.entity_of(i, false);
            }
        }
        let sentence = self.sentences.get(s)?;
        let paragraph = self
            .paragraphs
            .iter()
            .find(|p| p.start <= sentence.start && sentence.start < p.end)
            .cloned()
            .unwrap_or(sentence.clone());
        let first = s.saturating_sub(SENTENCES_BACK);
        let mut end = fig.start;
        for k in (first..=s).rev() {
            let Some(span) = self.sentences.get(k) else {
                continue;
            };
            if span.start < paragraph.start {
                break;
            }
            let scope = span.start..end.min(span.end);
            let cited = d.cited.clone().unwrap_or(0..0);
            let found = self
                .mentions_in(&scope)
                .filter(|(m, i)| {
                    self.owner_like(*i, false)
                        && !self.after_locative(m)
                        && !(m.start >= cited.start && m.end <= cited.end)
                })
                .last();
            if let Some((_, i)) = found {
                return self.entity_of(i, true);
            }
            end = span.start;
        }
        None
    }

    fn mentions_in<'b>(
        &'b self,
        r: &Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'b {
        let a = self.mentions.partition_point(|(m, _)| m.start < r.start);
        let end = r.end;
        self.mentions[a..]
            .iter()
            .take_while(move |(m, _)| m.end <= end)
            .cloned()
    }

    /// Whether entity `i` can own a figure: a country, region, city,
    /// nationality or organization (a person only when named in the
    /// figure's own words).
    fn owner_like(&self, i: usize, own_words: bool) -> bool {
        let Some(e) = self.entities.get(i) else {
            return false;
        };
        match e.ty {
            EntityType::Organization => true,
            EntityType::Place => own_words || e.kind == Some("country"),
            EntityType::Misc => e.kind == Some("nationality") && e.country.is_some(),
            EntityType::Person => own_words,
        }
    }

    /// Whether the mention at `m` follows a preposition of place.
    fn after_locative(&self, m: &Range<usize>) -> bool {
        near::words_before(self.body, m.start, 1)
            .first()
            .is_some_and(|w| LOCATIVE.contains(&w.text.to_lowercase().as_str()))
    }

    /// Entity `i` as a measure's entity: countries and nationalities by
    /// their country, other places and organizations by name.
    fn entity_of(&self, i: usize, context: bool) -> Option<MeasureEntity> {
        let e = self.entities.get(i)?;
        let country = e
            .country
            .as_ref()
            .filter(|_| matches!(e.kind, Some("country" | "nationality")));
        if let Some(code) = country {
            return Some(MeasureEntity {
                name: country_name(self.entities, code)
                    .unwrap_or(&e.name)
                    .to_string(),
                key: format!("country:{code}"),
                id: Some(format!("e{}", i + 1)),
                context,
            });
        }
        let prefix = match e.ty {
            EntityType::Organization => "org",
            EntityType::Person => "person",
            _ => "place",
        };
        Some(MeasureEntity {
            name: e.name.clone(),
            key: format!("{prefix}:{}", name_key(&e.name)),
            id: Some(format!("e{}", i + 1)),
            context,
        })
    }
}

/// The name of the country with `code` among the article's places.
fn country_name<'e>(entities: &'e [Entity], code: &str) -> Option<&'e str> {
    entities
        .iter()
        .find(|e| e.kind == Some("country") && e.country.as_deref() == Some(code))
        .map(|e| e.name.as_str())
}

/// A name as a key: lower case, without a leading "the" or a company's
/// legal suffix ("Tesco plc" → `tesco`).
fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.trim_end_matches('.'),
                "plc" | "inc" | "ltd" | "llc" | "corp" | "co" | "ag" | "sa" | "group" | "holdings"
            )
        })
    {
        words.pop();
    }
    words.join(" ")
}

/// The two countries an article names most (countries, their cities and
/// nationalities counted together), as one entity: `pair:RU-TJ`.
fn pair(entities: &[Entity]) -> Option<MeasureEntity> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entities {
        if let Some(code) = e.country.as_deref()
            && matches!(e.kind, Some("country" | "nationality" | "city"))
        {
            *counts.entry(code).or_default() += e.mentions.len();
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut two: Vec<&str> = ranked.iter().take(2).map(|(c, _)| *c).collect();
    if two.len() < 2 {
        return None;
    }
    two.sort_unstable();
    let names: Vec<&str> = two
        .iter()
        .map(|c| country_name(entities, c).unwrap_or(c))
        .collect();
    Some(MeasureEntity {
        name: names.join("–"),
        key: format!("pair:{}", two.join("-")),
        id: None,
        context: false,
    })
}
