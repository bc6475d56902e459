//! `wirewatch eval`: measures the document stage against benchmarks with
//! hand-made ground truth, with the benchmarks' own scoring.
//!
//! The shingle scoring below is the article-extraction benchmark's (used by
//! [`html`]): texts become word tokens, tokens become overlapping 4-token
//! shingles counted as multisets, each page's true/false positives and false
//! negatives are normalised to sum to one, precision and recall are means
//! over pages, F1 is taken of those means, and accuracy is the share of pages
//! whose token lists match exactly.

/// The HTML main-text benchmark.
pub mod html;
pub mod html_cv;
/// Keywords against readers' keyphrases (500N-KPCrowd layout).
pub mod keyphrases;
/// Named entities on CoNLL-style files.
pub mod ner;
/// Quotes and their speakers on PolNeAR.
pub mod quotes;
pub mod recognizers;
/// Story grouping on labelled article pairs (news story chains).
pub mod stories;

use std::collections::HashMap;

/// Tokens per shingle.
const SHINGLE: usize = 4;
/// Bootstrap resamples for the spread of each figure.
const RESAMPLES: usize = 1000;

/// The word tokens of `text`: maximal runs of word characters, as Python's
/// `\w+` finds them (letters and digits of any script, and `_`; combining
/// marks are not word characters). Case is kept.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn is_word_char(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c))
}

/// The shingles of a token list as a multiset: every window of four tokens;
/// one shingle of all tokens when there are one to three; none when empty.
pub(crate) fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], u32> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < SHINGLE {
        out.insert(tokens, 1);
        return out;
    }
    for w in tokens.windows(SHINGLE) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// One page's score: true positives, false positives and false negatives
/// normalised to sum to one (all zero when both texts are empty), and
/// whether the token lists are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageScore {
    /// Shingles in both texts (as often as in both).
    pub tp: f64,
    /// Shingles predicted beyond the ground truth.
    pub fp: f64,
    /// Shingles of the ground truth not predicted.
    pub fn_: f64,
    /// The token lists are identical.
    pub exact: bool,
}

impl PageScore {
    /// TP/(TP+FP); `None` for an empty prediction, which does not enter precision.
    pub(crate) fn precision(&self) -> Option<f64> {
        let d = self.tp + self.fp;
        (d > 0.0).then(|| self.tp / d)
    }

    /// TP/(TP+FN); `None` for an empty ground truth.
    pub(crate) fn recall(&self) -> Option<f64> {
        let d = self.tp + self.fn_;
        (d > 0.0).then(|| self.tp / d)
    }

    /// The page's own F1 (for ranking pages; the benchmark's F1 is of means).
    pub(crate) fn f1(&self) -> f64 {
        f1(
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        )
    }
}

/// Scores a predicted text against the ground truth.
pub(crate) fn score_page(truth: &str, predicted: &str) -> PageScore {
    let t = tokens(truth);
    let p = tokens(predicted);
    let ts = shingles(&t);
    let ps = shingles(&p);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &tc) in &ts {
        let pc = ps.get(k).copied().unwrap_or(0);
        tp += u64::from(tc.min(pc));
        fn_ += u64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &ps {
        let tc = ts.get(k).copied().unwrap_or(0);
        fp += u64::from(pc.saturating_sub(tc));
    }
    let sum = (tp + fp + fn_) as f64;
    let norm = |x: u64| if sum > 0.0 { x as f64 / sum } else { 0.0 };
    PageScore {
        tp: norm(tp),
        fp: norm(fp),
        fn_: norm(fn_),
        exact: t == p,
    }
}

/// The benchmark's figures over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Mean per-page precision.
    pub precision: f64,
    /// Mean per-page recall.
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
    /// Share of pages whose tokens match exactly.
    pub accuracy: f64,
}

/// Precision and recall as means over the pages where they are defined,
/// F1 of the two means, accuracy over all pages.
pub(crate) fn summarize<'a>(pages: impl IntoIterator<Item = &'a PageScore>) -> Summary {
    let (mut n, mut exact) = (0usize, 0usize);
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
    for s in pages {
        n += 1;
        exact += usize::from(s.exact);
        if let Some(p) = s.precision() {
            p_sum += p;
            p_n += 1;
        }
        if let Some(r) = s.recall() {
            r_sum += r;
            r_n += 1;
        }
    }
    let mean = |sum: f64, n: usize| if n > 0 { sum / n as f64 } else { 0.0 };
    let precision = mean(p_sum, p_n);
    let recall = mean(r_sum, r_n);
    Summary {
        pages: n,
        precision,
        recall,
        f1: f1(precision, recall),
        accuracy: mean(exact as f64, n),
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Standard deviation of each figure over bootstrap resamples of the pages
/// (drawn with replacement, same size; fixed seed, so runs are comparable).
pub(crate) fn bootstrap(pages: &[PageScore]) -> Summary {
    if pages.is_empty() {
        return Summary::default();
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut runs = Vec::with_capacity(RESAMPLES);
    let mut sample = Vec::with_capacity(pages.len());
    for _ in 0..RESAMPLES {
        sample.clear();
        for _ in 0..pages.len() {
            let i = (next() % pages.len() as u64) as usize;
            sample.push(pages[i]);
        }
        runs.push(summarize(&sample));
    }
    let sd = |f: fn(&Summary) -> f64| {
        let mean = runs.iter().map(f).sum::<f64>() / runs.len() as f64;
        (runs.iter().map(|s| (f(s) - mean).powi(2)).sum::<f64>() / runs.len() as f64).sqrt()
    };
    Summary {
        pages: pages.len(),
        precision: sd(|s| s.precision),
        recall: sd(|s| s.recall),
        f1: sd(|s| s.f1),
        accuracy: sd(|s| s.accuracy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs_in_any_script() {
        assert_eq!(
            tokens("Hello, world! It's 3.14 — snake_case ДА 東京"),
            [
                "Hello",
                "world",
                "It",
                "s",
                "3",
                "14",
                "snake_case",
                "ДА",
                "東京"
            ]
        );
        assert!(tokens(" ,.; ").is_empty());
        // A combining mark separates words, as in Python's `\w`.
        assert_eq!(tokens("e\u{0301}t\u{00e9}"), ["e", "t\u{00e9}"]);
    }

    #[test]
    fn shingles_count_repeats() {
        let t = tokens("a b c d a b c d");
        let s = shingles(&t);
        // Windows: abcd, bcda, cdab, dabc, abcd.
        assert_eq!(s.len(), 4);
        assert_eq!(s[&["a", "b", "c", "d"][..]], 2);
        let short = tokens("only two");
        assert_eq!(shingles(&short).len(), 1);
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn page_scores_by_hand() {
        // Truth: 5 tokens → shingles abcd, bcde. Prediction: 6 tokens →
        // abcd, bcde, cdef. TP 2, FP 1, FN 0 → 2/3, 1/3, 0.
        let s = score_page("a b c d e", "a b c d e f");
        assert!((s.tp - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.fp - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.fn_, 0.0);
        assert_eq!(s.precision(), Some(2.0 / 3.0));
        assert_eq!(s.recall(), Some(1.0));
        assert!(!s.exact);
        // Punctuation and spacing never matter.
        let s = score_page("One, two. Three!", "One two\n\nThree");
        assert!(s.exact);
        assert_eq!(s.precision(), Some(1.0));
        // Multisets: truth repeats a shingle the prediction has once.
        // Truth abcdabcd: abcd×2, bcda, cdab, dabc; prediction abcd: abcd×1.
        // TP 1, FP 0, FN 4 → recall 1/5.
        let s = score_page("a b c d a b c d", "a b c d");
        assert_eq!(s.precision(), Some(1.0));
        assert!((s.recall().unwrap_or(0.0) - 0.2).abs() < 1e-12);
        // An empty prediction has no precision and recall 0.
        let s = score_page("a b c d", "");
        assert_eq!(s.precision(), None);
        assert_eq!(s.recall(), Some(0.0));
    }

    #[test]
    fn summary_of_means() {
        let pages = [
            score_page("a b c d e", "a b c d e f"), // P 2/3, R 1
            score_page("a b c d", ""),              // P —, R 0
            score_page("x y", "x y"),               // P 1, R 1, exact
        ];
        let s = summarize(&pages);
        assert_eq!(s.pages, 3);
        let p = (2.0 / 3.0 + 1.0) / 2.0;
        let r = 2.0 / 3.0;
        assert!((s.precision - p).abs() < 1e-12);
        assert!((s.recall - r).abs() < 1e-12);
        assert!((s.f1 - 2.0 * p * r / (p + r)).abs() < 1e-12);
        assert!((s.accuracy - 1.0 / 3.0).abs() < 1e-12);
        let spread = bootstrap(&pages);
        assert!(spread.f1 > 0.0 && spread.f1 < 0.5);
    }
}
