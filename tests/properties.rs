//! Properties of the document and extraction stages on arbitrary input:
//! never a panic, every offset on a character boundary inside the body (and
//! every span's `text` equal to the body between its offsets), and the same
//! record for the same bytes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

use proptest::prelude::*;
use serde_json::Value;
use wirewatch::article::{SourceMeta, analyze};
use wirewatch::record::Format;

fn meta(bytes: &[u8]) -> SourceMeta {
    SourceMeta {
        path: "prop.txt".into(),
        bytes: bytes.len() as u64,
        content_hash: wirewatch::identity::content_hash(bytes),
        modified_at: None,
        revision: 1,
        reference_date: chrono::NaiveDate::from_ymd_opt(2025, 10, 8),
    }
}

/// Runs the whole analysis twice and checks the record's invariants.
fn check(bytes: &[u8], format: Option<Format>) -> Result<(), TestCaseError> {
    let Ok(first) = analyze(bytes, format, meta(bytes), &Default::default()) else {
        return Ok(()); // a clear error (quarantine reason) is an acceptable outcome
    };
    let second = analyze(bytes, format, meta(bytes), &Default::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut a =
        serde_json::to_value(&first.record).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut b =
        serde_json::to_value(&second.record).map_err(|e| TestCaseError::fail(e.to_string()))?;
    a["source"]["ingested_at"] = Value::Null;
    b["source"]["ingested_at"] = Value::Null;
    prop_assert_eq!(&a, &b, "same bytes, different record");
    let body: Vec<char> = first.record.text.body.chars().collect();
    for key in ["paragraphs", "sentences"] {
        for span in a["text"][key].as_array().into_iter().flatten() {
            let (s, e) = (
                span[0].as_u64().unwrap_or(u64::MAX) as usize,
                span[1].as_u64().unwrap_or(u64::MAX) as usize,
            );
            prop_assert!(
                s <= e && e <= body.len(),
                "{key} {s}..{e} of {}",
                body.len()
            );
        }
    }
    check_spans(&a, &body)
}

/// Every object with numeric `start` and `end` lies within the body; if it
/// has a `text`, that text is the body between the offsets.
fn check_spans(v: &Value, body: &[char]) -> Result<(), TestCaseError> {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                prop_assert!(
                    s <= e && e <= body.len(),
                    "span {s}..{e} of {}: {v}",
                    body.len()
                );
                if let Some(text) = map.get("text").and_then(Value::as_str) {
                    let slice: String = body[s..e].iter().collect();
                    prop_assert_eq!(slice.as_str(), text, "span text differs from the body");
                }
            }
            for child in map.values() {
                check_spans(child, body)?;
            }
        }
        Value::Array(items) => {
            for child in items {
                check_spans(child, body)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn format_of(n: u8) -> Option<Format> {
    match n % 4 {
        0 => None,
        1 => Some(Format::Text),
        2 => Some(Format::Markdown),
        _ => Some(Format::Html),
    }
}

/// Text that looks like news: words, figures, currency, quotes, markup.
fn newsy() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[a-z]{1,8}",
        "[0-9]{1,4}([.,][0-9]{1,3})?",
        Just("$".to_string()),
        Just("£".to_string()),
        Just("€".to_string()),
        Just("%".to_string()),
        Just("million".to_string()),
        Just("billion".to_string()),
        Just("per cent".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("[link](https://x.test/a)".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("By Jane Doe\n".to_string()),
        Just("June 30, 2022\n".to_string()),
        Just("Original url: https://n.test/a\n".to_string()),
        Just("twelve".to_string()),
        Just("a third".to_string()),
        Just("1.2 to 2".to_string()),
        Just("October 8".to_string()),
    ];
    proptest::collection::vec(token, 0..200).prop_map(|t| t.join(" "))
}

/// Text built from the words quotations turn on: speech verbs, their
/// adjuncts ("said in an interview", "said on Friday"), determiners,
/// pronouns, names and quotation marks, in any order and cut anywhere, so
/// the attribution rules that look a few words ahead or behind meet an
/// article's end at every point.
fn quoting() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[a-z]{1,8}",
        Just("said".to_string()),
        Just("says".to_string()),
        Just("told".to_string()),
        Just("added".to_string()),
        Just("according to".to_string()),
        Just("that".to_string()),
        Just("the".to_string()),
        Just("a".to_string()),
        Just("an".to_string()),
        Just("in".to_string()),
        Just("on".to_string()),
        Just("Friday".to_string()),
        Just("last".to_string()),
        Just("week".to_string()),
        Just("interview".to_string()),
        Just("statement".to_string()),
        Just("he".to_string()),
        Just("she".to_string()),
        Just("they".to_string()),
        Just("spokesman".to_string()),
        Just("Dr".to_string()),
        Just("who".to_string()),
        Just("’s".to_string()),
        Just("'".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just(":".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("\n\n".to_string()),
    ];
    proptest::collection::vec(token, 0..120).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000), f in any::<u8>()) {
        check(&bytes, format_of(f))?;
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,1500}", f in any::<u8>()) {
        check(text.as_bytes(), format_of(f))?;
    }

    #[test]
    fn news_like_text(text in newsy(), f in any::<u8>()) {
        check(text.as_bytes(), format_of(f))?;
    }

    #[test]
    fn quoting_text(text in quoting(), f in any::<u8>()) {
        check(text.as_bytes(), format_of(f))?;
    }
}
