//! What an article brings to story grouping, read from its record: the
//! names it mentions (by type, weighted by mentions), its keywords (by
//! score), the content words of its title, its date and its source. Each
//! term is a 64-bit key of its kind and normalized text, so stores index
//! them cheaply and a database can keep them as integers.

use chrono::NaiveDate;

use super::fingerprint::Sketch;
use crate::extract::entities::heads::is_legal_form;
use crate::extract::keywords::{is_stop, stem::stem};
use crate::record::{EntityType, Record};

/// The kinds of evidence two articles can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TermKind {
    /// A person, organization or other name (not a place).
    Name,
    /// A place.
    Place,
    /// A keyword (its stems).
    Keyword,
    /// A content word of the title (its stem).
    Title,
}

impl TermKind {
    /// One letter naming the kind (in term keys, and where an index keeps
    /// an article's terms).
    pub fn tag(self) -> u8 {
        match self {
            TermKind::Name => b'n',
            TermKind::Place => b'p',
            TermKind::Keyword => b'k',
            TermKind::Title => b't',
        }
    }

    /// The kind a [`TermKind::tag`] names.
    pub fn from_tag(tag: u8) -> Option<TermKind> {
        [
            TermKind::Name,
            TermKind::Place,
            TermKind::Keyword,
            TermKind::Title,
        ]
        .into_iter()
        .find(|k| k.tag() == tag)
    }
}

/// One weighted term of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Hash of the kind and the normalized text.
    pub key: u64,
    pub kind: TermKind,
    /// As written (for story labels).
    pub text: String,
    /// Weight in this article.
    pub weight: f64,
}

/// An article as story grouping sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The record's id.
    pub id: String,
    /// The record's path (the source path, relative to the watched folder).
    pub path: String,
    pub title: Option<String>,
    /// The publication date, when the record has one.
    pub published: Option<NaiveDate>,
    /// The day the article is placed at: published, else ingested.
    pub day: NaiveDate,
    /// The outlet (publisher, else the host of its address), when known.
    pub source: Option<String>,
    /// Its terms, one per key, heaviest first.
    pub terms: Vec<Term>,
    /// The near-duplicate sketch.
    pub sketch: Option<Sketch>,
}

/// Weight of a name's kind, of a keyword at score 1, of a title word.
const NAME_WEIGHT: f64 = 1.0;
const PLACE_WEIGHT: f64 = 0.5;
const KEYWORD_WEIGHT: f64 = 1.0;
const TITLE_WEIGHT: f64 = 0.6;

impl Article {
    /// The features of a record; `fallback_day` places an article without
    /// a publication date or a readable ingest time.
    pub fn from_record(r: &Record, fallback_day: NaiveDate) -> Article {
        let (published, ingested) = dates(
            r.published.as_ref().map(|p| p.date.as_str()),
            &r.source.ingested_at,
        );
        let mut terms = Terms::default();
        for e in &r.entities {
            let (kind, w) = match e.entity_type {
                EntityType::Place => (TermKind::Place, PLACE_WEIGHT),
                _ => (TermKind::Name, NAME_WEIGHT),
            };
            let mentions = e.mentions.len().max(1) as f64;
            terms.add(
                kind,
                &name_key(&e.name, e.entity_type),
                &e.name,
                w * (1.0 + mentions.ln()),
            );
        }
        for k in &r.keywords {
            let key = crate::extract::keywords::stem::phrase_key(&k.text);
            terms.add(TermKind::Keyword, &key, &k.text, KEYWORD_WEIGHT * k.score);
        }
        if let Some(t) = &r.title {
            for w in t.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let lower = w.to_lowercase();
                if w.chars().count() > 1 && w.chars().any(char::is_alphabetic) && !is_stop(&lower) {
                    terms.add(TermKind::Title, &stem(&lower), w, TITLE_WEIGHT);
                }
            }
        }
        let sketch = r
            .fingerprint
            .as_ref()
            .and_then(|f| Sketch::from_hex(&f.simhash, &f.minhash));
        Article {
            id: r.id.clone(),
            path: r.source.path.clone(),
            title: r.title.clone(),
            published,
            day: published.or(ingested).unwrap_or(fallback_day),
            source: r
                .publisher
                .clone()
                .or_else(|| r.url.as_deref().and_then(host)),
            terms: terms.finish(),
            sketch,
        }
    }
}

/// The publication day and the ingest day of a record, from its
/// `published.date` and `source.ingested_at`; an article is placed at the
/// first, else the second.
pub fn dates(published: Option<&str>, ingested_at: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    (published.and_then(day), ingested_at.get(..10).and_then(day))
}

/// A name as a key: lowercase, without dots and possessives, one space
/// between words ("U.S." and "US" agree).
fn normalize_name(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['.', '’'], "")
        .replace('\'', "");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key of an entity's name across articles: a person by the surname
/// (one article's "Joe Biden" is another's "Biden"), a company without
/// its legal form ("Hoshine Silicon Industry Co." and "Hoshine Silicon
/// Industry"), every other name as [`normalize_name`] writes it.
fn name_key(name: &str, kind: EntityType) -> String {
    let key = normalize_name(name);
    let words: Vec<&str> = key
        .split(' ')
        .map(|w| w.trim_end_matches(','))
        .filter(|w| !w.is_empty())
        .collect();
    match kind {
        EntityType::Person => words
            .iter()
            .rev()
            .find(|w| !GENERATIONS.contains(w))
            .map_or(key.clone(), |w| (*w).to_string()),
        EntityType::Organization if words.len() > 1 => {
            let keep = words.len()
                - words
                    .iter()
                    .rev()
                    .take(words.len() - 1)
                    .take_while(|w| is_legal_form(w))
                    .count();
            words[..keep].join(" ")
        }
        _ => key,
    }
}

/// Words after a surname that are not the surname ("Martin Luther King
/// Jr.", "Henry Ford II").
const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The host of an address.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// Terms being gathered: one per key, weights summed.
#[derive(Default)]
struct Terms(Vec<Term>);

impl Terms {
    fn add(&mut self, kind: TermKind, normalized: &str, text: &str, weight: f64) {
        if normalized.is_empty() || weight <= 0.0 {
            return;
        }
        let key = term_key(kind, normalized);
        match self.0.iter_mut().find(|t| t.key == key) {
            Some(t) => t.weight += weight,
            None => self.0.push(Term {
                key,
                kind,
                text: text.to_string(),
                weight,
            }),
        }
    }

    fn finish(mut self) -> Vec<Term> {
        self.0
            .sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.key.cmp(&b.key)));
        self.0
    }
}

/// The key of a term: FNV-1a of its kind's tag and its normalized text
/// (stable across builds and platforms, so a database may keep it).
pub fn term_key(kind: TermKind, normalized: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(kind.tag()).chain(normalized.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize_and_hosts_read() {
        assert_eq!(normalize_name("U.S.  Steel"), normalize_name("US Steel"));
        assert_eq!(
            host("https://www.reuters.com/a/b").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(host("").as_deref(), None);
        // One person by the surname, one company without its legal form.
        let person = |n| name_key(n, EntityType::Person);
        let company = |n| name_key(n, EntityType::Organization);
        assert_eq!(person("Joe Biden"), person("Biden"));
        assert_eq!(person("Martin Luther King, Jr."), "king");
        assert_eq!(
            company("Hoshine Silicon Industry Co."),
            company("Hoshine Silicon Industry")
        );
        assert_eq!(company("Daqo New Energy Corp Ltd"), "daqo new energy");
        assert_eq!(company("Inc"), "inc");
        assert_eq!(name_key("Acme Co", EntityType::Place), "acme co");
        assert_ne!(
            term_key(TermKind::Name, "acme"),
            term_key(TermKind::Keyword, "acme")
        );
    }
}
