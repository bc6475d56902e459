//! `wirewatch facts`: the real binary processes the sample articles into a
//! temp folder, then the fact ledger over their records must hold the three
//! quantities the articles report side by side.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;
use serde_json::Value;

/// The date the sample articles were written (they carry none of their
/// own, so their files' mtime is their reference date, which a checkout
/// does not keep).
const MTIME_UNIX: u64 = 1_760_918_400; // 2025-10-20T00:00:00Z

/// The ledger of the sample articles, as `facts --records … --json` writes it.
fn seed_ledger(extra: &[&str]) -> Value {
    let ws = seeds_processed();
    let records = ws.out().join("records");
    let mut args = vec!["facts", "--records", records.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    facts_json(&args)
}

fn facts_json(args: &[&str]) -> Value {
    let o = run(args, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The sample articles processed (records and the SQLite index) by the real binary.
fn seeds_processed() -> Workspace {
    let ws = Workspace::new();
    ws.copy_seeds();
    for name in list_files(&ws.watch()) {
        let file = std::fs::File::options()
            .write(true)
            .open(ws.watch().join(&name))
            .unwrap();
        file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(MTIME_UNIX))
            .unwrap();
    }
    let (watch, out) = (ws.watch(), ws.out());
    let o = run(
        &[
            "process",
            watch.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    ws
}

fn entries(v: &Value) -> &Vec<Value> {
    v["entries"].as_array().unwrap()
}

/// The entries with this measure, kind and entity.
fn find<'a>(v: &'a Value, measure: &str, kind: &str, entity: &str) -> Vec<&'a Value> {
    entries(v)
        .iter()
        .filter(|e| e["measure"] == measure && e["kind"] == kind && e["entity"] == entity)
        .collect()
}

fn articles(e: &Value) -> Vec<String> {
    let mut paths: Vec<String> = e["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

fn values(e: &Value) -> Vec<f64> {
    let mut v: Vec<f64> = e["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_f64().unwrap())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

#[test]
fn the_sample_articles_figures_side_by_side() {
    let v = seed_ledger(&[]);
    for e in entries(&v) {
        for key in [
            "id",
            "measure",
            "entity",
            "kind",
            "unit",
            "period",
            "agree",
            "observations",
        ] {
            assert!(e.get(key).is_some(), "entry without {key}: {e}");
        }
    }

    // Remittances as a share of Tajikistan's GDP: one entry, every source's
    // value; the "roughly 17%" of the article that also says 49% is in it
    // as an outlier.
    let share = find(&v, "remittance of gdp", "share", "Tajikistan");
    assert_eq!(share.len(), 1, "{share:#?}");
    let share = share[0];
    assert_eq!(articles(share).len(), 4, "{share:#}");
    assert_eq!(values(share), vec![17.0, 45.0, 45.0, 49.0, 50.0]);
    assert_eq!(share["unit"], "%");
    assert_eq!(share["period"]["start"], "2024-01-01");
    assert_eq!(share["agree"], false);
    let obs = share["observations"].as_array().unwrap();
    let outliers: Vec<f64> = obs
        .iter()
        .filter(|o| o["outlier"] == true)
        .map(|o| o["value"].as_f64().unwrap())
        .collect();
    assert_eq!(outliers, vec![17.0]);
    let half = obs.iter().find(|o| o["value"] == 50.0).unwrap();
    assert_eq!(half["qualifier"], "nearly");
    assert_eq!(
        (half["min"].as_f64(), half["max"].as_f64()),
        (Some(45.0), Some(50.0))
    );
    assert!(
        obs.iter()
            .any(|o| o["value"] == 49.0 && o["cited"] == "World Bank")
    );

    // Trade growth in the first seven months of 2025: one entry, two
    // sources that agree ("more than 17%" both).
    let trade = find(&v, "trade", "change", "Russia–Tajikistan");
    let trade: Vec<&Value> = trade
        .into_iter()
        .filter(|e| e["period"]["end"] == "2025-07-31")
        .collect();
    assert_eq!(trade.len(), 1, "{trade:#?}");
    assert_eq!(articles(trade[0]).len(), 2);
    assert_eq!(trade[0]["agree"], true);
    assert!(
        trade[0]["observations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["min"] == 17.0 && o.get("max").is_none())
    );

    // Remittance amounts in 2024: one entry.
    let amounts = find(&v, "remittance", "amount", "Tajikistan");
    assert_eq!(amounts.len(), 1, "{amounts:#?}");
    assert_eq!(amounts[0]["unit"], "USD");
    assert_eq!(amounts[0]["period"]["start"], "2024-01-01");
    assert_eq!(articles(amounts[0]).len(), 2);

    // Ids are stable hashes, distinct per entry.
    let mut ids: Vec<&str> = entries(&v)
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn query_and_disagreeing_filter_the_entries() {
    let v = seed_ledger(&["remittance", "--disagreeing"]);
    let e = entries(&v);
    assert!(!e.is_empty());
    assert!(e.iter().all(|e| e["agree"] == false));
    assert!(
        e.iter()
            .all(|e| e.to_string().to_lowercase().contains("remit"))
    );
}

#[test]
fn a_missing_records_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let o = run(&["facts", "--records", missing.to_str().unwrap()], &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nothing-here"), "{err}");
}

#[test]
fn the_index_holds_the_ledger_the_records_give() {
    let ws = seeds_processed();
    let out = ws.out();
    assert!(out.join("index.sqlite").is_file());
    let records = out.join("records");
    let from_records = facts_json(&["facts", "--records", records.to_str().unwrap(), "--json"]);
    let from_index = facts_json(&["facts", "--out", out.to_str().unwrap(), "--json"]);
    assert!(entries(&from_index).len() > 3);
    assert_eq!(from_index, from_records);
    let filtered = |extra: &[&str]| {
        let mut args = vec!["facts", "--out", out.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        facts_json(&args)
    };
    let mut args = vec!["facts", "--records", records.to_str().unwrap(), "--json"];
    args.extend(["remittance", "--disagreeing"]);
    assert_eq!(
        filtered(&["remittance", "--disagreeing"]),
        facts_json(&args)
    );

    // A rebuild gives the same entries, and so does writing every record again.
    let o = run(&["index", "--out", out.to_str().unwrap(), "rebuild"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(filtered(&[]), from_records);
}

#[test]
fn a_story_keeps_the_figures_of_its_articles() {
    let ws = seeds_processed();
    let out = ws.out();
    let records = out.join("records");
    let stories = facts_json(&["stories", "--records", records.to_str().unwrap(), "--json"]);
    // The story with the most articles.
    let story = stories["stories"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["articles"].as_array().unwrap().len())
        .unwrap();
    let members: Vec<String> = story["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect();
    assert!(members.len() >= 2, "{story}");
    let id = story["id"].as_str().unwrap();
    let all = facts_json(&["facts", "--out", out.to_str().unwrap(), "--json"]);
    let from_index = facts_json(&[
        "facts",
        "--out",
        out.to_str().unwrap(),
        "--story",
        id,
        "--json",
    ]);
    let from_records = facts_json(&[
        "facts",
        "--records",
        records.to_str().unwrap(),
        "--story",
        id,
        "--json",
    ]);
    assert_eq!(from_index, from_records);
    let paths: Vec<String> = entries(&from_index).iter().flat_map(articles).collect();
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|p| members.contains(p)),
        "{paths:?} ⊄ {members:?}"
    );
    // Articles outside the story have figures of their own, which are left out.
    let everywhere: Vec<String> = entries(&all).iter().flat_map(articles).collect();
    assert!(everywhere.iter().any(|p| !members.contains(p)));

    let o = run(
        &[
            "facts",
            "--out",
            out.to_str().unwrap(),
            "--story",
            "s-nothing",
        ],
        &[],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no story s-nothing"));
}
