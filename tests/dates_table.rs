//! The date grammar on the committed table tests/data/dates.tsv (text,
//! reference date, expected dates): every row goes through
//! `wirewatch extract --jsonl` with its reference date, and every row whose
//! dates differ from the table is reported.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::*;
use serde_json::Value;

/// One row of the table, with its line number for messages.
struct Row {
    line: usize,
    text: String,
    reference: String,
    expected: String,
}

fn rows() -> Vec<Row> {
    let path = root().join("tests/data/dates.tsv");
    let table = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "line {}: expected 3 columns: {l:?}", i + 1);
            Row {
                line: i + 1,
                text: cols[0].to_string(),
                reference: cols[1].to_string(),
                expected: cols[2].to_string(),
            }
        })
        .collect()
}

/// A record's dates as the table writes them.
fn render(record: &Value) -> String {
    let dates = record["dates"].as_array().cloned().unwrap_or_default();
    if dates.is_empty() {
        return "-".to_string();
    }
    dates
        .iter()
        .map(|d| {
            let mut fields: Vec<String> = d
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| !matches!(k.as_str(), "text" | "start" | "end" | "sentence"))
                .map(|(k, v)| match v {
                    Value::String(s) => format!("{k}={s}"),
                    other => format!("{k}={other}"),
                })
                .collect();
            fields.sort();
            format!(
                "{} => {}",
                d["text"].as_str().unwrap_or(""),
                fields.join(" ")
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

#[test]
fn every_row_of_the_date_table() {
    let rows = rows();
    assert!(rows.len() >= 150, "only {} rows", rows.len());
    let mut input = String::new();
    for (i, row) in rows.iter().enumerate() {
        let line = serde_json::json!({"id": i.to_string(), "text": row.text, "reference_date": row.reference});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let mut child = Command::new(BIN)
        .args(["extract", "--jsonl"])
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn wirewatch");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("wirewatch extract --jsonl");
    writer.join().expect("writer thread").expect("write stdin");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect();
    assert_eq!(records.len(), rows.len(), "one record per row");
    let mut wrong = Vec::new();
    for (row, record) in rows.iter().zip(&records) {
        let got = render(record);
        if got != row.expected {
            wrong.push(format!(
                "line {}: {:?} (reference {})\n  expected {}\n  got      {got}",
                row.line, row.text, row.reference, row.expected
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} rows differ:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}
