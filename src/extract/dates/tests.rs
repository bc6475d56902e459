use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The texts and values found in `text` against `reference`.
fn found(text: &str, reference: &str) -> Vec<(String, Value)> {
    scan(text, order_of(text), Mode::All)
        .into_iter()
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                reference::nearest(&m.expr, d(reference)),
            )
        })
        .collect()
}

#[test]
fn absolute_dates() {
    let f = found(
        "It opened on June 30, 2022 and closed 30 June 2023.",
        "2024-01-01",
    );
    assert_eq!(f[0], ("June 30, 2022".into(), Value::Day(d("2022-06-30"))));
    assert_eq!(f[1], ("30 June 2023".into(), Value::Day(d("2023-06-30"))));
}
