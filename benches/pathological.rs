//! Worst-case time per megabyte of the whole analysis (decode, parse,
//! extract) on pathological 1 MB inputs, to show there is no super-linear
//! blow-up: each input is also run at 256 KB, and the ratio of the two
//! per-MB times should stay near 1.
//!
//! Run: `cargo bench --bench pathological`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

use std::time::Instant;

use wirewatch::article::{SourceMeta, analyze};
use wirewatch::record::Format;

const MB: usize = 1 << 20;

/// The inputs made by repeating one unit: name, format, unit.
const REPEATED: &[(&str, Format, &str)] = &[
    ("digits", Format::Text, "7"),
    ("1,1,1", Format::Text, "1,"),
    ("punctuation", Format::Text, "!?.,;:-"),
    ("periods", Format::Text, "."),
    ("spaced dots", Format::Text, ". "),
    (
        "words, no newline",
        Format::Text,
        "The minister said the talks went well. ",
    ),
    (
        "figures, no newline",
        Format::Text,
        "$1.5 billion, 12% and 4,800 radios on October 8. ",
    ),
    ("capitals and periods", Format::Text, "A. B. C. "),
    ("quote marks", Format::Text, "\"“”'‘’«»``''"),
    ("straight quotes", Format::Text, "\" "),
    ("said", Format::Text, "said "),
    (
        "quotes and attributions",
        Format::Text,
        "“We will win,” she said. “Again.” He told reporters that it was over, according to aides. ",
    ),
    ("nested quotes (md)", Format::Markdown, "> "),
    ("nested lists (md)", Format::Markdown, "- "),
    ("links (md)", Format::Markdown, "[a](http://x.test/) "),
    ("unclosed tags (html)", Format::Html, "<p><b><i>"),
];

/// Every input at `size` bytes: the repeated units, then nested divs.
fn inputs(size: usize) -> Vec<(&'static str, Format, Vec<u8>)> {
    let fill = |unit: &str| unit.repeat(size / unit.len() + 1).into_bytes()[..size].to_vec();
    let (open, close, inner) = ("<div>", "</div>", "<p>x</p>");
    let depth = (size - inner.len()) / (open.len() + close.len());
    let nested = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
    REPEATED
        .iter()
        .map(|&(name, format, unit)| (name, format, fill(unit)))
        .chain([("nested divs (html)", Format::Html, nested.into_bytes())])
        .collect()
}

fn seconds(bytes: &[u8], format: Format) -> f64 {
    let meta = SourceMeta {
        path: "bench".into(),
        bytes: bytes.len() as u64,
        content_hash: String::new(),
        modified_at: None,
        revision: 1,
        reference_date: None,
    };
    // Best of three: the least disturbed by other work on the machine.
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let _ = analyze(bytes, Some(format), meta.clone(), &Default::default());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let small = inputs(MB / 4);
    let large = inputs(MB);
    let mut worst = (0.0f64, "");
    println!(
        "{:<24} {:>12} {:>12} {:>8}",
        "input", "s/MB @1MB", "s/MB @256KB", "ratio"
    );
    for ((name, format, big), (_, _, little)) in large.iter().zip(&small) {
        let per_mb_big = seconds(big, *format) * MB as f64 / big.len() as f64;
        let per_mb_small = seconds(little, *format) * MB as f64 / little.len() as f64;
        println!(
            "{name:<24} {per_mb_big:>12.4} {per_mb_small:>12.4} {:>8.2}",
            per_mb_big / per_mb_small.max(1e-9)
        );
        if per_mb_big > worst.0 {
            worst = (per_mb_big, name);
        }
    }
    println!("worst case: {:.4} s/MB ({})", worst.0, worst.1);
}
