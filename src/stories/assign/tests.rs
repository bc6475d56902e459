use chrono::NaiveDate;

use super::*;
use crate::stories::features::term_key;
use crate::stories::store::MemoryStore;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, d).expect("date")
}

fn article(id: &str, d: u32, terms: &[(TermKind, &str, f64)]) -> Article {
    Article {
        id: id.to_string(),
        path: format!("{id}.txt"),
        title: None,
        published: Some(day(d)),
        day: day(d),
        source: None,
        terms: terms
            .iter()
            .map(|&(kind, text, weight)| Term {
                key: term_key(kind, text),
                kind,
                text: text.to_string(),
                weight,
            })
            .collect(),
        sketch: None,
    }
}

use TermKind::{Keyword as K, Name as N, Place as P};

fn strike(id: &str, d: u32) -> Article {
    article(
        id,
        d,
        &[
            (N, "dockers union", 1.5),
            (P, "riverside", 0.5),
            (K, "strike", 1.0),
            (K, "pay deal", 0.8),
            (K, "port", 0.6),
        ],
    )
}

fn lanes(id: &str, d: u32) -> Article {
    article(
        id,
        d,
        &[
            (N, "city council", 1.5),
            (P, "riverside", 0.5),
            (K, "cycle lanes", 1.0),
            (K, "parking", 0.7),
        ],
    )
}

#[test]
fn same_story_joins_and_another_starts() {
    let mut store = MemoryStore::new(&Settings::default());
    let s = Settings::default();
    let a = assign(&mut store, &strike("a", 1), &s);
    assert!(a.started);
    let b = assign(&mut store, &lanes("b", 1), &s);
    assert!(b.started);
    let c = assign(&mut store, &strike("c", 2), &s);
    assert!(!c.started);
    assert_eq!(c.story, a.story);
    assert!(c.similarity >= s.min_similarity);
    let story = store.story(a.story).expect("story");
    assert_eq!(story.articles, 2, "a and c");
    assert_eq!((story.first, story.last), (day(1), day(2)));
    assert!(story.label().contains("dockers union"), "{}", story.label());
}

#[test]
fn outside_the_window_a_new_story_starts() {
    let mut store = MemoryStore::new(&Settings::default());
    let s = Settings {
        window_days: 3,
        ..Settings::default()
    };
    let a = assign(&mut store, &strike("a", 1), &s);
    let b = assign(&mut store, &strike("b", 20), &s);
    assert!(b.started);
    assert_ne!(a.story, b.story);
}

#[test]
fn a_shared_place_and_one_word_are_not_enough() {
    let mut store = MemoryStore::new(&Settings::default());
    let s = Settings {
        min_similarity: 0.0,
        ..Settings::default()
    };
    assign(&mut store, &strike("a", 1), &s);
    let other = article(
        "b",
        1,
        &[(P, "riverside", 0.5), (K, "port", 1.0), (K, "weather", 1.0)],
    );
    assert!(assign(&mut store, &other, &s).started);
}

#[test]
fn same_records_same_order_same_stories() {
    let run = || {
        let mut store = MemoryStore::new(&Settings::default());
        let s = Settings::default();
        let mut out = Vec::new();
        for (i, d) in [1, 1, 2, 3, 3, 4].into_iter().enumerate() {
            let a = if i % 2 == 0 {
                strike(&format!("a{i}"), d)
            } else {
                lanes(&format!("a{i}"), d)
            };
            out.push(assign(&mut store, &a, &s).story);
        }
        let names: Vec<String> = store
            .stories()
            .iter()
            .map(|(_, s)| s.name.clone())
            .collect();
        (out, names)
    };
    assert_eq!(run(), run());
    let (stories, names) = run();
    assert_eq!(stories, [1, 2, 1, 2, 1, 2]);
    assert_eq!(names, ["s-a0", "s-a1"]);
}

#[test]
fn a_story_closes_two_windows_after_its_last_day() {
    let s = Settings {
        window_days: 3,
        ..Settings::default()
    };
    let mut store = MemoryStore::new(&s);
    let a = assign(&mut store, &strike("a", 1), &s);
    // Six days on, the strike story is still open: an article a window
    // late still joins it.
    assign(&mut store, &lanes("b", 7), &s);
    assert_eq!(store.open().len(), 2);
    let late = assign(&mut store, &strike("c", 3), &s);
    assert_eq!(late.story, a.story);
    // Past two windows after its last day (3) it closes: memory holds
    // only the open story, and every story is still listed.
    assign(&mut store, &lanes("d", 10), &s);
    assert_eq!(store.open().len(), 1);
    assert!(store.story(a.story).is_none());
    assert_eq!(store.stories().len(), 2);
    let after = assign(&mut store, &strike("e", 5), &s);
    assert!(after.started, "a closed story takes no more articles");
}
