//! JSON and JSON Lines feeds: what scrapers and newsroom systems export. A
//! `.json` file holds one article object or an array of them; a `.jsonl`
//! file one object per line. Each item is an article of its own, read from
//! the field names such exports commonly use; an item that is not one is
//! reported with its index, and the others go on.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Field names, in order of preference.
const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["body", "text", "content", "article", "raw_text"];
const DATE: &[&str] = &["date", "published", "pubDate", "datePublished"];
const URL: &[&str] = &["url", "link"];
const AUTHORS: &[&str] = &["author", "byline", "authors"];

/// How a feed file lists its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FeedKind {
    /// `.json`: one object, or an array of objects.
    Json,
    /// `.jsonl` (`.ndjson`): one object per line.
    JsonLines,
}

/// The kind of feed a file is, by its extension.
pub(crate) fn kind(path: &Path) -> Option<FeedKind> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "json" => Some(FeedKind::Json),
        "jsonl" | "ndjson" => Some(FeedKind::JsonLines),
        _ => None,
    }
}

/// One article of a feed. Serialized without its body, it travels beside
/// the article's text (a NATS header on the way to a worker).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FeedItem {
    /// Position in the feed (0-based: array index or line index).
    pub index: usize,
    /// The item's own id, when it has one.
    pub id: Option<String>,
    pub title: Option<String>,
    /// The article text (plain, markdown or HTML); not serialized, since the
    /// text analyzed ([`FeedItem::article_text`]) is sent as the payload.
    #[serde(skip)]
    pub body: String,
    /// Its date: the reference date its relative dates are read against.
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub authors: Vec<String>,
}

impl FeedItem {
    /// The bytes analyzed as the article: the title as the first line of a
    /// text body (so it is found and read like a headline), the body alone
    /// when it is a page of HTML.
    pub(crate) fn article_text(&self) -> String {
        let body = self.body.trim();
        match &self.title {
            Some(t) if !body.starts_with('<') => format!("{t}\n\n{body}\n"),
            _ => format!("{body}\n"),
        }
    }
}

/// An item that is not an article, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BadItem {
    pub index: usize,
    /// Its id, when it is an object with one.
    pub id: Option<String>,
    /// The item as it was written.
    pub raw: Vec<u8>,
    pub reason: String,
}

/// The items of a feed, each an article or the reason it is not; an error
/// when the file as a whole is not a feed (not JSON, not an object or array).
pub(crate) fn items(
    kind: FeedKind,
    bytes: &[u8],
) -> Result<Vec<Result<FeedItem, BadItem>>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match kind {
        FeedKind::Json => {
            let value: Value =
                serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
            match value {
                Value::Array(items) => Ok(items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| item(i, v, None))
                    .collect()),
                v @ Value::Object(_) => Ok(vec![item(0, v, None)]),
                _ => Err("a JSON feed holds an article object or an array of them".to_string()),
            }
        }
        FeedKind::JsonLines => Ok(bytes
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, line)| !line.trim_ascii().is_empty())
            .map(|(i, line)| match serde_json::from_slice::<Value>(line) {
                Ok(v) => item(i, v, Some(line)),
                Err(e) => Err(BadItem {
                    index: i,
                    id: None,
                    raw: line.to_vec(),
                    reason: format!("line {}: not valid JSON: {e}", i + 1),
                }),
            })
            .collect()),
    }
}

/// Reads one item; `raw` is its text when the feed has it at hand.
fn item(index: usize, value: Value, raw: Option<&[u8]>) -> Result<FeedItem, BadItem> {
    let id = value.get("id").and_then(|v| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let bad = |value: &Value, reason: String| BadItem {
        index,
        id: id.clone(),
        raw: raw.map_or_else(|| value.to_string().into_bytes(), <[u8]>::to_vec),
        reason,
    };
    let Value::Object(fields) = &value else {
        return Err(bad(&value, format!("item {index}: not a JSON object")));
    };
    let Some(body) = text(fields, BODY) else {
        return Err(bad(
            &value,
            format!(
                "item {index}: no article text (one of: {})",
                BODY.join(", ")
            ),
        ));
    };
    Ok(FeedItem {
        index,
        id,
        title: text(fields, TITLE).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        body,
        date: DATE.iter().find_map(|k| fields.get(*k).and_then(date)),
        url: text(fields, URL),
        authors: AUTHORS
            .iter()
            .find_map(|k| fields.get(*k).map(authors).filter(|a| !a.is_empty()))
            .unwrap_or_default(),
    })
}

/// The first of `keys` holding a non-empty string.
fn text(fields: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match fields.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

/// A date written as RFC 3339 or ISO 8601 (`2024-03-05`, `2024-03-05T10:00:00Z`),
/// RFC 2822 (RSS's `Tue, 05 Mar 2024 10:00:00 GMT`), or Unix seconds.
fn date(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
                return Some(t.date_naive());
            }
            if let Ok(t) = chrono::DateTime::parse_from_rfc2822(s) {
                return Some(t.date_naive());
            }
            let head = s.get(..10)?;
            NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
        }
        Value::Number(n) => {
            chrono::DateTime::from_timestamp(n.as_i64()?, 0).map(|t| t.date_naive())
        }
        _ => None,
    }
}

/// Authors given as a string ("Jane Doe and John Roe" stays one name), a
/// list of strings, or objects with a `name`.
fn authors(v: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    match v {
        Value::Array(list) => list
            .iter()
            .filter_map(one)
            .filter(|s| !s.is_empty())
            .collect(),
        v => one(v).filter(|s| !s.is_empty()).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_common_field_names_and_a_bad_line() {
        let feed = br#"{"id": "a1", "headline": "Port  reopens", "content": "The port reopened on Monday.", "pubDate": "Tue, 05 Mar 2024 10:00:00 GMT", "link": "https://example.com/a1", "authors": [{"name": "Jane Doe"}]}

{"id": 7, "title": "Talks", "raw_text": "Talks resumed.", "datePublished": "2024-03-06T08:00:00+01:00", "byline": "John Roe"}
{"title": "No body"}
not json
[1, 2]
"#;
        let items = items(FeedKind::JsonLines, feed).expect("feed");
        assert_eq!(items.len(), 5);
        let a = items[0].as_ref().expect("item");
        assert_eq!(a.id.as_deref(), Some("a1"));
        assert_eq!(a.title.as_deref(), Some("Port reopens"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a1"));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert_eq!(
            a.article_text(),
            "Port reopens\n\nThe port reopened on Monday.\n"
        );
        let b = items[1].as_ref().expect("item");
        assert_eq!((b.index, b.id.as_deref()), (2, Some("7")));
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2024, 3, 6));
        assert_eq!(b.authors, vec!["John Roe"]);
        let bad: Vec<_> = items[2..]
            .iter()
            .map(|r| r.as_ref().err().map(|b| b.index))
            .collect();
        assert_eq!(bad, vec![Some(3), Some(4), Some(5)]);
        assert!(
            items[3]
                .as_ref()
                .err()
                .is_some_and(|b| b.raw == b"not json")
        );
    }

    #[test]
    fn a_json_file_is_one_object_or_an_array() {
        let one = br#"{"text": "<p>Markets rose.</p>", "title": "Markets", "date": 1709600000}"#;
        let items = items(FeedKind::Json, one).expect("feed");
        let a = items[0].as_ref().expect("item");
        assert_eq!(a.article_text(), "<p>Markets rose.</p>\n");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        let list = br#"[{"body": "One."}, "two", {"article": "Three."}]"#;
        let items = super::items(FeedKind::Json, list).expect("feed");
        assert_eq!(items.len(), 3);
        assert!(items[1].is_err() && items[2].is_ok());
        assert!(super::items(FeedKind::Json, b"{not json").is_err());
        assert!(super::items(FeedKind::Json, b"42").is_err());
        assert_eq!(kind(Path::new("a/b.JSONL")), Some(FeedKind::JsonLines));
        assert_eq!(kind(Path::new("b.txt")), None);
    }
}
