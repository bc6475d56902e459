//! A record turned into the rows the index keeps of it: one `articles` row
//! and the rows of each per-article table. The store writes any [`Table`]
//! the same way, so a later table (keywords, stories) only adds one here.

use serde::Serialize;

use super::db::Param;
use crate::facts::{Observation, observations_of_record};
use crate::record::Record;
use crate::stories::features::Article;

/// Where a row set came from, so the index knows what it has caught up
/// with: the records folder (or stream) and the state of the record then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The records folder (its absolute path) or `nats:<stream>`.
    pub origin: String,
    /// The record file, relative to the records folder (none from a stream).
    pub record_file: Option<String>,
    /// What the record was when indexed: `<mtime ns>-<bytes>` of its file,
    /// or `seq:<stream sequence>`.
    pub stamp: String,
}

/// Rows of one per-article table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    /// Columns after `article` (the article's key, filled in by the store).
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Param>>,
}

/// Everything the index holds about one article.
#[derive(Debug, Clone, PartialEq)]
pub struct RowSet {
    /// The article's path: the key a new revision or a replay upserts by.
    pub path: String,
    /// The `articles` row, in [`ARTICLE_COLUMNS`] order.
    pub article: Vec<Param>,
    pub children: Vec<Table>,
    /// What story grouping reads of the article (its names, keywords,
    /// title, day, source and near-duplicate sketch).
    pub story: Article,
    /// The article's figures as the fact ledger observes them; the store
    /// files them into the ledger's entries ([`super::ledger`]).
    pub ledger: Vec<Observation>,
}

impl RowSet {
    /// The article's body (for the exact near-duplicate check).
    pub fn body(&self) -> &str {
        let at = ARTICLE_COLUMNS.iter().position(|c| *c == "body");
        match at.and_then(|i| self.article.get(i)) {
            Some(Param::Text(body)) => body,
            _ => "",
        }
    }
}

/// The columns of `articles` the store writes (all but `key`).
pub const ARTICLE_COLUMNS: &[&str] = &[
    "path",
    "id",
    "title",
    "published",
    "published_from",
    "dated",
    "url",
    "publisher",
    "authors",
    "language",
    "words",
    "revision",
    "ingested_at",
    "format",
    "content_hash",
    "body",
    "sentences",
    "origin",
    "record_file",
    "stamp",
    "indexed_at",
];

const ENTITY_COLUMNS: &[&str] = &[
    "entity", "type", "name", "country", "kind", "lat", "lon", "mentions", "roles", "acronym",
];
const MENTION_COLUMNS: &[&str] = &["entity", "n", "text", "char_start", "char_end"];
const FIGURE_COLUMNS: &[&str] = &[
    "n",
    "kind",
    "text",
    "value",
    "min",
    "max",
    "unit",
    "dimension",
    "qualifier",
    "of_what",
    "date",
    "start_date",
    "end_date",
    "sentence",
    "sentence_text",
    "char_start",
    "char_end",
];
const KEYWORD_COLUMNS: &[&str] = &["article_id", "rank", "text", "score"];
const LINK_COLUMNS: &[&str] = &["n", "text", "url", "char_start", "char_end"];
const QUOTE_COLUMNS: &[&str] = &[
    "n",
    "kind",
    "text",
    "speaker",
    "speaker_entity",
    "cue",
    "sentence",
    "char_start",
    "char_end",
];

/// The longest sentence kept whole in a figure's row (code points).
const SENTENCE_CHARS: usize = 600;

/// The sentence `span` a figure at `[start, end)` stands in (code points);
/// of a sentence longer than SENTENCE_CHARS (a table or a run-on page read
/// as one sentence), the part around the figure, so a row stays small
/// however many figures share the sentence.
pub(crate) fn sentence_around(
    body: &str,
    chars: &CharIndex,
    [s, e]: [usize; 2],
    start: usize,
    end: usize,
) -> String {
    if e.saturating_sub(s) <= SENTENCE_CHARS {
        return chars.slice(body, s, e).trim().to_string();
    }
    let from = start.saturating_sub(SENTENCE_CHARS / 2).max(s);
    let to = end.saturating_add(SENTENCE_CHARS / 2).min(e).max(from);
    let mut text = String::new();
    if from > s {
        text.push('…');
    }
    text.push_str(chars.slice(body, from, to).trim());
    if to < e {
        text.push('…');
    }
    text
}

/// Parses a record file's bytes.
pub fn parse(bytes: &[u8]) -> Result<Record, serde_json::Error> {
    serde_json::from_slice(bytes)
}

/// The row set of `record`, taken by value: its texts (the body above
/// all) move into the rows instead of being copied.
pub fn rows(record: Record, from: &Provenance, indexed_at: &str) -> RowSet {
    let story = Article::from_record(&record, chrono::NaiveDate::default());
    let ledger = observations_of_record(&record);
    let body = &record.text.body;
    let chars = CharIndex::new(body);
    let sentence_text = |i: usize, start: usize, end: usize| -> String {
        record
            .text
            .sentences
            .get(i)
            .map(|&span| sentence_around(body, &chars, span, start, end))
            .unwrap_or_default()
    };
    let published = record
        .published
        .as_ref()
        .map(|p| p.date.clone())
        .filter(|d| is_iso_date(d));
    let ingested_day = record.source.ingested_at.get(..10).unwrap_or_default();
    let dated = published
        .clone()
        .unwrap_or_else(|| ingested_day.to_string());
    let mut figures: Vec<Vec<Param>> = Vec::new();
    let mut figure = |f: Figure| {
        let n = figures.len() as i64;
        figures.push(vec![
            Param::Int(n),
            Param::from(f.kind),
            Param::from(f.text),
            Param::from(f.value),
            Param::from(f.min),
            Param::from(f.max),
            Param::from(f.unit),
            Param::from(f.dimension),
            Param::from(f.qualifier),
            Param::from(f.of),
            Param::from(f.date),
            Param::from(f.start_date),
            Param::from(f.end_date),
            Param::Int(f.sentence as i64),
            Param::from(sentence_text(f.sentence, f.start, f.end)),
            Param::Int(f.start as i64),
            Param::Int(f.end as i64),
        ]);
    };
    for m in &record.money {
        figure(Figure {
            kind: "money",
            text: &m.text,
            value: Some(m.amount),
            min: m.min,
            max: m.max,
            unit: Some(m.currency.clone()),
            qualifier: m.qualifier.as_ref().and_then(label),
            sentence: m.sentence,
            start: m.start,
            end: m.end,
            ..Figure::default()
        });
    }
    for p in &record.percentages {
        figure(Figure {
            kind: "percentage",
            text: &p.text,
            value: Some(p.value),
            min: p.min,
            max: p.max,
            unit: Some(if p.points { "pp" } else { "%" }.to_string()),
            qualifier: p.qualifier.as_ref().and_then(label),
            of: p.of.clone(),
            sentence: p.sentence,
            start: p.start,
            end: p.end,
            ..Figure::default()
        });
    }
    for q in &record.quantities {
        figure(Figure {
            kind: "quantity",
            text: &q.text,
            value: Some(q.value),
            min: q.min,
            max: q.max,
            unit: Some(q.unit.clone()),
            dimension: label(&q.dimension),
            qualifier: q.qualifier.as_ref().and_then(label),
            sentence: q.sentence,
            start: q.start,
            end: q.end,
            ..Figure::default()
        });
    }
    // Standalone numbers stay in the record only: they are not figures a
    // person asks about, and a list of numbers can hold a million of them.
    for d in &record.dates {
        figure(Figure {
            kind: "date",
            text: &d.text,
            unit: d.duration.clone(),
            dimension: label(&d.granularity),
            qualifier: d.modifier.clone(),
            date: d.value.clone(),
            start_date: d.start_date.clone(),
            end_date: d.end_date.clone(),
            sentence: d.sentence,
            start: d.start,
            end: d.end,
            ..Figure::default()
        });
    }

    let sentences = serde_json::to_string(&record.text.sentences).unwrap_or_default();
    let Record {
        id,
        source,
        title,
        url,
        published: stated,
        authors,
        publisher,
        language,
        text,
        links,
        entities: named,
        quotes: quoted,
        keywords: kept,
        ..
    } = record;
    let path = source.path;
    let article = vec![
        Param::from(path.clone()),
        Param::from(id.clone()),
        Param::from(title),
        Param::from(published),
        Param::from(stated.map(|p| p.from)),
        Param::from(dated),
        Param::from(url),
        Param::from(publisher),
        Param::from((!authors.is_empty()).then(|| authors.join("; "))),
        Param::from(language.map(|l| l.code)),
        Param::Int(text.words as i64),
        Param::Int(i64::from(source.revision)),
        Param::from(source.ingested_at),
        Param::from(label(&source.format)),
        Param::from(source.content_hash),
        Param::from(text.body),
        Param::from(sentences),
        Param::from(from.origin.as_str()),
        Param::from(from.record_file.clone()),
        Param::from(from.stamp.as_str()),
        Param::from(indexed_at),
    ];

    let mut entities = Vec::with_capacity(named.len());
    let mut mentions = Vec::new();
    for e in named {
        for (n, m) in e.mentions.iter().enumerate() {
            mentions.push(vec![
                Param::from(e.id.as_str()),
                Param::Int(n as i64),
                Param::from(m.text.as_str()),
                Param::Int(m.start as i64),
                Param::Int(m.end as i64),
            ]);
        }
        entities.push(vec![
            Param::from(e.id),
            Param::from(label(&e.entity_type)),
            Param::from(e.name),
            Param::from(e.country),
            Param::from(e.kind),
            Param::from(e.lat),
            Param::from(e.lon),
            Param::Int(e.mentions.len() as i64),
            Param::from((!e.roles.is_empty()).then(|| e.roles.join("; "))),
            Param::from(e.acronym),
        ]);
    }

    let links = links
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            vec![
                Param::Int(n as i64),
                Param::from(l.text),
                Param::from(l.url),
                Param::Int(l.start as i64),
                Param::Int(l.end as i64),
            ]
        })
        .collect();
    let quotes = quoted
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            vec![
                Param::Int(n as i64),
                Param::from(label(&q.kind)),
                Param::from(q.text),
                Param::from(q.speaker.as_ref().map(|s| s.name.clone())),
                Param::from(q.speaker.and_then(|s| s.id)),
                Param::from(q.cue.map(|c| c.lemma)),
                Param::Int(q.sentence as i64),
                Param::Int(q.start as i64),
                Param::Int(q.end as i64),
            ]
        })
        .collect();
    let keywords = kept
        .into_iter()
        .enumerate()
        .map(|(rank, k)| {
            vec![
                Param::from(id.as_str()),
                Param::Int(rank as i64 + 1),
                Param::from(k.text),
                Param::Real(if k.score.is_finite() { k.score } else { 0.0 }),
            ]
        })
        .collect();

    RowSet {
        path,
        article,
        story,
        children: vec![
            Table {
                name: "entities",
                columns: ENTITY_COLUMNS,
                rows: entities,
            },
            Table {
                name: "mentions",
                columns: MENTION_COLUMNS,
                rows: mentions,
            },
            Table {
                name: "figures",
                columns: FIGURE_COLUMNS,
                rows: figures,
            },
            Table {
                name: "links",
                columns: LINK_COLUMNS,
                rows: links,
            },
            Table {
                name: "quotes",
                columns: QUOTE_COLUMNS,
                rows: quotes,
            },
            Table {
                name: "keywords",
                columns: KEYWORD_COLUMNS,
                rows: keywords,
            },
        ],
        ledger,
    }
}

/// One row of `figures` before it becomes parameters.
#[derive(Default)]
struct Figure<'a> {
    kind: &'static str,
    text: &'a str,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Option<String>,
    dimension: Option<String>,
    qualifier: Option<String>,
    of: Option<String>,
    date: Option<String>,
    start_date: Option<String>,
    end_date: Option<String>,
    sentence: usize,
    start: usize,
    end: usize,
}

/// The text a value serializes to in the record ("person", "over", …).
fn label<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn is_iso_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Byte offsets of each code point, so code-point spans slice in O(1).
pub(crate) struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// `text[start..end)` in code points, clamped to the text.
    pub(crate) fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let last = self.bytes.len() - 1;
        let (s, e) = (start.min(last), end.min(last));
        text.get(self.bytes[s]..self.bytes[e.max(s)])
            .unwrap_or_default()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The first sample article's record, from its snapshot.
    pub(crate) fn seed_record() -> Record {
        let bytes = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/snapshots/seed_records__000_514d5b9f2e0d4f46.txt.snap"),
        )
        .expect("seed snapshot");
        // The snapshot is an insta file: the record follows its header.
        let text = String::from_utf8_lossy(&bytes);
        let json = text.split("\n---\n").nth(1).expect("snapshot body");
        let mut record: Record = parse(json.as_bytes()).expect("snapshot parses as a record");
        record.source.ingested_at = "2025-01-01T00:00:00Z".into();
        record
    }

    #[test]
    fn code_point_spans_slice_multibyte_text() {
        let text = "Ça coûte 5 €. Fin.";
        let idx = CharIndex::new(text);
        assert_eq!(idx.slice(text, 0, 13), "Ça coûte 5 €.");
        assert_eq!(idx.slice(text, 14, 99), "Fin.");
        assert_eq!(idx.slice(text, 50, 60), "");
    }

    #[test]
    fn every_table_row_has_one_value_per_column() {
        let record = seed_record();
        let from = Provenance {
            origin: "o".into(),
            record_file: None,
            stamp: "s".into(),
        };
        let set = rows(record, &from, "2025-01-01T00:00:00Z");
        assert_eq!(set.article.len(), ARTICLE_COLUMNS.len());
        for t in &set.children {
            for r in &t.rows {
                assert_eq!(r.len(), t.columns.len(), "{}", t.name);
            }
        }
        assert!(
            set.children
                .iter()
                .any(|t| t.name == "entities" && !t.rows.is_empty())
        );
        assert!(
            set.children
                .iter()
                .any(|t| t.name == "figures" && !t.rows.is_empty())
        );
    }
}
