//! Scraper residue in plain-text and markdown copies of articles (listen
//! and share widgets, newsletter prompts, picture credits, advertisement
//! labels, comment counters, "Read more" tails) leaves the body, and the
//! record says how many lines went; the story's sentences stay.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;
use serde_json::Value;

fn record_of(name: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    serde_json::from_str(&run_ok(&["extract", path.to_str().expect("utf8")], &[])).expect("json")
}

fn paragraphs(r: &Value) -> Vec<String> {
    r["text"]["body"]
        .as_str()
        .expect("body")
        .split("\n\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn residue_leaves_a_plain_text_body() {
    let r = record_of(
        "story.txt",
        "Council Approves New Budget\n\
         Listen 3 min\n\
         Share this article\n\
         The city council approved a $2 billion budget on Tuesday.\n\
         FG Trade via Getty Images\n\
         Advertisement\n\
         Share prices of local firms rose after the vote.\n\
         Sign up for our Morning Briefing newsletter\n\
         Comment on this story\n\
         Gift Article\n\
         14 Comments\n\
         Read more: Why the council split over taxes\n",
    );
    assert_eq!(r["title"], "Council Approves New Budget");
    assert_eq!(
        paragraphs(&r),
        vec![
            "The city council approved a $2 billion budget on Tuesday.",
            "Share prices of local firms rose after the vote.",
        ]
    );
    assert!(
        r["warnings"]
            .to_string()
            .contains("removed 9 lines of page furniture"),
        "{}",
        r["warnings"]
    );
    assert_eq!(r["money"].as_array().map(Vec::len), Some(1));
}

#[test]
fn residue_leaves_a_markdown_body() {
    let r = record_of(
        "story.md",
        "# Council Approves New Budget\n\n\
         *Photo: Jane Roe/AP*\n\n\
         The city council approved the budget on Tuesday.\n\n\
         **Related article:** [Taxes Rise Again](https://example.test/taxes)\n\n\
         Sign up for the daily newsletter.\n\n\
         Listen to the people, the mayor said.\n",
    );
    assert_eq!(
        paragraphs(&r),
        vec![
            "The city council approved the budget on Tuesday.",
            "Listen to the people, the mayor said.",
        ]
    );
    assert_eq!(r["links"], serde_json::json!([]));
    assert!(
        r["warnings"]
            .to_string()
            .contains("removed 3 lines of page furniture")
    );
}

#[test]
fn character_references_a_scrape_left_read_as_characters() {
    let r = record_of(
        "story.txt",
        "Tottenham bid &#163;8m for striker\n\
         The club&#39;s owners said AT&amp;T would sponsor the caf&eacute; \
         at the ground, a deal worth &pound;2m a year.\n\
         Procter & Gamble and R&D budgets were not mentioned.\n",
    );
    assert_eq!(r["title"], "Tottenham bid £8m for striker");
    assert_eq!(
        paragraphs(&r),
        vec![
            "The club's owners said AT&T would sponsor the café at the ground, a deal worth £2m a year.",
            "Procter & Gamble and R&D budgets were not mentioned.",
        ]
    );
    let money: Vec<&str> = r["money"]
        .as_array()
        .expect("money")
        .iter()
        .filter_map(|m| m["currency"].as_str())
        .collect();
    assert_eq!(money, vec!["GBP"], "{}", r["money"]);
}
