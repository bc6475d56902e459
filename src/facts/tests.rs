//! The ledger on hand-made observations and on a record's JSON.

use chrono::NaiveDate;

use super::*;
use crate::record::Qualifier;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn year(y: i32) -> Option<Span> {
    Span::parse(&format!("{y}-01-01"), &format!("{y}-12-31"))
}

fn share(
    entity: &str,
    value: f64,
    period: Option<Span>,
    path: &str,
    q: Option<Qualifier>,
) -> Observation {
    let key = EntryKey::new("share", "remittance", Some("gdp"), "%", entity);
    let mut o = Observation::new(key, value, period, Some(day("2025-10-20")), path, 0);
    o.qualifier = q;
    if q == Some(Qualifier::Nearly) {
        o.min = Some(value * 0.9);
        o.max = Some(value);
    }
    if q == Some(Qualifier::About) {
        o.min = Some(value * 0.95);
        o.max = Some(value * 1.05);
    }
    o
}

#[test]
fn same_key_and_period_join_and_undated_figures_join_the_latest_period() {
    let obs = vec![
        share("country:TJ", 45.0, year(2024), "a", Some(Qualifier::About)),
        share("country:TJ", 49.0, year(2024), "b", None),
        share("country:TJ", 50.0, None, "c", Some(Qualifier::Nearly)),
        share("country:TJ", 31.0, year(2015), "d", None),
        share("country:KG", 30.0, year(2024), "e", None),
    ];
    let entries = Ledger::build(obs.clone()).entries();
    assert_eq!(entries.len(), 3);
    let first = &entries[0];
    assert_eq!(first.articles(), 3);
    assert_eq!(first.period.as_ref().unwrap().start, "2024-01-01");
    assert!(first.agree, "45 (about), 49 and nearly 50 meet");
    // Any order gives the same entries.
    let mut reversed = obs;
    reversed.reverse();
    assert_eq!(Ledger::build(reversed).entries(), entries);
}

#[test]
fn disagreement_and_outliers() {
    let obs = vec![
        share("country:TJ", 45.0, year(2024), "a", None),
        share("country:TJ", 49.0, year(2024), "b", None),
        share("country:TJ", 17.0, year(2024), "c", Some(Qualifier::About)),
        share("country:TJ", 47.0, year(2024), "d", Some(Qualifier::About)),
    ];
    let e = &Ledger::build(obs).entries()[0];
    assert!(!e.agree);
    let outliers: Vec<&str> = e
        .observations
        .iter()
        .filter(|o| o.outlier)
        .map(|o| o.path.as_str())
        .collect();
    assert_eq!(outliers, vec!["c"]);
    // Two that differ disagree; neither is an outlier.
    let two = vec![
        share("country:TJ", 45.0, year(2024), "a", None),
        share("country:TJ", 49.0, year(2024), "b", None),
    ];
    let e = &Ledger::build(two).entries()[0];
    assert!(!e.agree);
    assert!(e.observations.iter().all(|o| !o.outlier));
}

#[test]
fn lower_bounds_agree_with_larger_values() {
    let key = || EntryKey::new("change", "trade", None, "%", "pair:RU-TJ");
    let seven = Span::parse("2025-01-01", "2025-07-31");
    let mut a = Observation::new(key(), 17.0, seven, None, "a", 0);
    a.qualifier = Some(Qualifier::MoreThan);
    a.min = Some(17.0);
    let b = Observation::new(key(), 19.5, seven, None, "b", 0);
    let c = Observation::new(key(), 14.0, seven, None, "c", 0);
    let e = &Ledger::build(vec![a.clone(), b]).entries()[0];
    assert!(e.agree, "more than 17% allows 19.5%");
    let e = &Ledger::build(vec![a, c]).entries()[0];
    assert!(!e.agree, "more than 17% does not allow 14%");
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = Ledger::build(vec![share("country:TJ", 45.0, year(2024), "a", None)]).entries();
    let b = Ledger::build(vec![share("country:TJ", 40.0, year(2024), "z", None)]).entries();
    let c = Ledger::build(vec![share("country:TJ", 45.0, year(2023), "a", None)]).entries();
    assert_eq!(a[0].id, b[0].id);
    assert_ne!(a[0].id, c[0].id);
    assert_eq!(a[0].id.len(), 12);
}

#[test]
fn observations_from_a_record() {
    let json = serde_json::json!({
        "source": {"path": "x/a.txt", "unknown_field": 1},
        "title": "A headline",
        "published": {"date": "2025-10-20", "from": "dateline"},
        "publisher": null,
        "text": {"body": "Exports rose 5% in 2024. Nothing else.", "sentences": [[0, 24], [25, 38]]},
        "keywords": ["a field this version does not know"],
        "money": [],
        "quantities": [],
        "percentages": [{
            "text": "5%", "start": 13, "end": 15, "sentence": 0, "value": 5.0,
            "measure": {
                "thing": "Exports", "key": "export", "kind": "change",
                "entity": {"name": "Chile", "key": "country:CL"},
                "period": {"text": "2024", "start": "2024-01-01", "end": "2024-12-31"}
            }
        }, {
            "text": "7%", "start": 30, "end": 32, "sentence": 1, "value": 7.0
        }]
    });
    let obs = observations_of_json(json.to_string().as_bytes()).unwrap();
    assert_eq!(obs.len(), 1, "only figures with a measure");
    let o = &obs[0];
    assert_eq!(o.text, "Exports rose 5% in 2024.");
    assert_eq!(o.key.to_string(), "change|export||%|country:CL");
    assert_eq!(o.period, year(2024));
    assert_eq!(o.article, "A headline");
    assert!(observations_of_json(b"{not json").is_err());
}
