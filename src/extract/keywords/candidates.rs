//! Keyword candidates: the runs of content words of the title and of each
//! sentence, cut at stop words, numbers and punctuation, as single words
//! and as phrases of two or three words; and the recognizer's names. Each
//! candidate keeps where it occurs (for the position and spread features)
//! and how it is written (for the form shown).
//!
//! Words are read once per distinct spelling: each spelling maps to the id
//! of its stem (the article's [`Lexicon`]), and candidates are keyed by
//! their stem ids, so the work per word is one lookup however often the
//! article repeats it.

use std::cell::RefCell;
use std::ops::{Deref, Range};
use std::rc::Rc;

use super::background::Background;
use super::stem::stem;
use super::stopwords::is_stop;
use crate::extract::entities::hash::FxMap;
use crate::extract::entities::{Entity, EntityType, tokens::tokenize_into};

/// Longest phrase taken from a run of content words.
const MAX_WORDS: usize = 3;

/// One candidate keyword of an article.
#[derive(Debug, Clone)]
pub(super) struct Candidate<'a> {
    /// Stem ids of its words (see [`Lexicon::stem`]).
    pub stems: Stems,
    /// Body occurrences.
    count: u32,
    /// The body sentence of the first and of the last occurrence.
    first: u32,
    last: u32,
    /// Whether the headline holds it.
    pub in_title: bool,
    /// Body occurrences that are a whole run of content words, not part of
    /// a longer one.
    pub whole: u32,
    /// Written forms and how often the body uses each (case kept; a
    /// headline's form counts 0: headlines capitalize every word).
    pub forms: Forms<'a>,
    /// The recognizer's type when it is a name, and the name's fullest form.
    pub name: Option<(EntityType, &'a str)>,
}

impl Candidate<'_> {
    fn new(stems: &[u32]) -> Self {
        Candidate {
            stems: Stems::of(stems),
            count: 0,
            first: 0,
            last: 0,
            in_title: false,
            whole: 0,
            forms: Forms::default(),
            name: None,
        }
    }

    /// Body occurrences.
    pub fn occurrences(&self) -> usize {
        self.count as usize
    }

    /// The body sentence of its first occurrence.
    pub fn first(&self) -> Option<u32> {
        (self.count > 0).then_some(self.first)
    }

    /// The body sentence of its last occurrence.
    pub fn last(&self) -> Option<u32> {
        (self.count > 0).then_some(self.last)
    }

    /// One more body occurrence, in sentence `i` (sentences come in
    /// reading order).
    fn occurs_in(&mut self, i: u32) {
        if self.count == 0 {
            self.first = i;
        }
        self.last = i;
        self.count += 1;
    }
}

/// The stem ids of a candidate's words: a phrase's (at most three) in
/// place, a longer name's on the heap, so most candidates allocate nothing.
#[derive(Debug, Clone)]
pub(super) enum Stems {
    Inline([u32; MAX_WORDS], u8),
    Heap(Box<[u32]>),
}

impl Stems {
    fn of(ids: &[u32]) -> Stems {
        match ids.len() {
            n @ 0..=MAX_WORDS => {
                let mut a = [0; MAX_WORDS];
                a[..n].copy_from_slice(ids);
                Stems::Inline(a, n as u8)
            }
            _ => Stems::Heap(ids.into()),
        }
    }
}

impl Deref for Stems {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        match self {
            Stems::Inline(a, n) => &a[..usize::from(*n)],
            Stems::Heap(b) => b,
        }
    }
}

/// The written forms of a candidate and how often the body uses each, in
/// order of first use: the first in place (most candidates have one).
#[derive(Debug, Clone, Default)]
pub(super) struct Forms<'a> {
    first: Option<(&'a str, u32)>,
    more: Vec<(&'a str, u32)>,
}

impl<'a> Forms<'a> {
    /// Each form and its uses, in order of first use.
    pub fn iter(&self) -> impl Iterator<Item = &(&'a str, u32)> + Clone {
        self.first.iter().chain(&self.more)
    }

    /// The first form used.
    pub fn first(&self) -> Option<&(&'a str, u32)> {
        self.first.as_ref()
    }

    /// Counts `uses` uses of `form`.
    fn add(&mut self, form: &'a str, uses: u32) {
        match &mut self.first {
            None => self.first = Some((form, uses)),
            Some((f, n)) if *f == form => *n += uses,
            Some(_) => match self.more.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += uses,
                None => self.more.push((form, uses)),
            },
        }
    }
}

/// A word or a stem: its bytes in place when it has at most 15 (most
/// have), else shared, so it hashes and compares without reading the heap.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Text {
    /// The bytes, then zeros, then the length in the last byte.
    Short([u8; 16]),
    Long(Rc<str>),
}

impl Text {
    fn new(s: &str) -> Text {
        match short(s) {
            Some(a) => Text::Short(a),
            None => Text::Long(s.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Text::Short(a) => std::str::from_utf8(&a[..usize::from(a[15])]).unwrap_or_default(),
            Text::Long(s) => s,
        }
    }
}

/// The in-place form of a [`Text`] of at most 15 bytes.
fn short(s: &str) -> Option<[u8; 16]> {
    let b = s.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut a = [0u8; 16];
    a[..b.len()].copy_from_slice(b);
    a[15] = b.len() as u8;
    Some(a)
}

/// How a spelling reads: whether it is a content word, and its stem with
/// the stem's rarity (for content words, and other words once a name
/// needs them). A pure function of the spelling, kept per thread (see
/// [`reading`]).
#[derive(Clone)]
struct Reading {
    content: bool,
    stem: Option<(Text, f64)>,
}

/// The readings of the spellings a thread has seen, short ones in place.
#[derive(Default)]
struct Memo {
    short: FxMap<[u8; 16], Reading>,
    long: FxMap<Box<str>, Reading>,
}

/// Spellings kept per thread before the memo starts over: news repeats its
/// words from article to article, and this holds the commoner part of the
/// vocabulary of months of news (the 2 225 BBC articles of 2004–05 write
/// about 45 000 spellings) in at most about 4 MB per thread: 56 bytes a
/// slot, and a spelling or stem of over 15 bytes on the heap. Figures are
/// not kept (see [`reading`]): with them, a folder of articles that each
/// have their own numbers filled the memo to this bound.
const MEMO_LIMIT: usize = 1 << 15;

thread_local! {
    static READINGS: RefCell<Memo> = RefCell::new(Memo::default());
}

/// How `word` (as written) reads, its stem worked out when it is a content
/// word or `stemmed` asks for it: once per thread and spelling
/// (lowercasing, the stop list, the stemmer and the background table are
/// most of the cost of an article's keywords otherwise).
fn reading(word: &str, stemmed: bool) -> Reading {
    if !word.chars().any(char::is_alphabetic) {
        // Figures and punctuation: never content, and mostly written once
        // (every article has its own numbers), so they would only fill
        // the memo and push the vocabulary out of it.
        let stem = stemmed.then(|| stem_and_idf(&word.to_lowercase()));
        return Reading {
            content: false,
            stem,
        };
    }
    READINGS.with(|memo| {
        let key = short(word);
        {
            let memo = memo.borrow();
            let known = match &key {
                Some(k) => memo.short.get(k),
                None => memo.long.get(word),
            };
            if let Some(r) = known
                && (r.stem.is_some() || !stemmed)
            {
                return r.clone();
            }
        }
        let lower = word.to_lowercase();
        let content = content(word, &lower);
        let stem = (content || stemmed).then(|| stem_and_idf(&lower));
        let r = Reading { content, stem };
        let mut memo = memo.borrow_mut();
        if memo.short.len() + memo.long.len() >= MEMO_LIMIT {
            memo.short.clear();
            memo.long.clear();
        }
        match key {
            Some(k) => memo.short.insert(k, r.clone()),
            None => memo.long.insert(word.into(), r.clone()),
        };
        r
    })
}

/// The stem of a lowercase word and its rarity in news.
fn stem_and_idf(lower: &str) -> (Text, f64) {
    let stem = stem(lower);
    let idf = Background::embedded().idf(&stem);
    (Text::new(&stem), idf)
}

/// The words of one article: each spelling's stem id, and the stems.
#[derive(Default)]
pub(super) struct Lexicon<'a> {
    /// A spelling (as written) → its stem id, `None` when it is no content word.
    spellings: FxMap<&'a str, Option<u32>>,
    /// A stem → its id.
    ids: FxMap<Text, u32>,
    /// Stems and their rarity (idf in the background table) by id.
    stems: Vec<(Text, f64)>,
}

impl<'a> Lexicon<'a> {
    /// The stem of id `id`.
    pub fn stem(&self, id: u32) -> &str {
        self.stems.get(id as usize).map_or("", |(s, _)| s.as_str())
    }

    /// The rarity of stem id `id` in news (see [`Background::idf`]).
    pub fn idf(&self, id: u32) -> f64 {
        self.stems.get(id as usize).map_or(0.0, |(_, idf)| *idf)
    }

    /// Distinct stems.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// The stem id of a content word, `None` for any other token.
    fn content(&mut self, word: &'a str) -> Option<u32> {
        if let Some(&id) = self.spellings.get(word) {
            return id;
        }
        let id = match reading(word, false) {
            Reading {
                content: true,
                stem: Some(stem),
            } => Some(self.intern(stem)),
            _ => None,
        };
        self.spellings.insert(word, id);
        id
    }

    /// The stem id of any word (names keep their stop words: "Bank of America").
    fn any(&mut self, word: &str) -> u32 {
        let stem = reading(word, true)
            .stem
            .unwrap_or_else(|| stem_and_idf(&word.to_lowercase()));
        self.intern(stem)
    }

    fn intern(&mut self, (stem, idf): (Text, f64)) -> u32 {
        if let Some(&id) = self.ids.get(&stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.ids.insert(stem.clone(), id);
        self.stems.push((stem, idf));
        id
    }
}

/// A content word: it holds a letter, is longer than one character, and is
/// no stop word.
fn content(word: &str, lower: &str) -> bool {
    word.chars().nth(1).is_some()
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '&'))
        && !word.starts_with(['-', '\'', '’', '.'])
        && !is_stop(lower)
}

/// Bits of a stem id in a packed phrase key.
const KEY_BITS: u32 = 21;

/// A phrase of at most three stem ids below 2²¹ − 1 as one number (each id
/// plus one, so the length shows); `None` for longer or larger ones.
fn packed(ids: &[u32]) -> Option<u64> {
    if ids.len() > MAX_WORDS {
        return None;
    }
    let mut key = 0u64;
    for (k, &id) in ids.iter().enumerate() {
        let one = u64::from(id) + 1;
        if one >= 1 << KEY_BITS {
            return None;
        }
        key |= one << (KEY_BITS * k as u32);
    }
    Some(key)
}

/// Every candidate of an article, in order of first occurrence, with the
/// article's lexicon.
pub(super) struct Found<'a> {
    pub list: Vec<Candidate<'a>>,
    pub lexicon: Lexicon<'a>,
    /// A phrase's packed stem ids (see [`packed`]) → its place in `list`.
    index: FxMap<u64, u32>,
    /// The same for the phrases that do not pack (long names).
    long: FxMap<Box<[u32]>, u32>,
}

/// Every candidate of the article: its `title` (outside the body), its
/// `body` split into `sentences` and their `tokens` (byte ranges of the
/// body; a sentence without them is tokenized here), and the `entities`
/// found in the body.
pub(super) fn collect<'a>(
    title: Option<&'a str>,
    body: &'a str,
    sentences: &[Range<usize>],
    tokens: &[Vec<Range<usize>>],
    entities: &'a [Entity],
) -> Found<'a> {
    // About one distinct spelling per 16 bytes of news, and two
    // candidates per distinct spelling.
    let words = (body.len() + title.map_or(0, str::len)) / 16;
    let mut found = Found {
        list: Vec::with_capacity(2 * words),
        lexicon: Lexicon {
            spellings: FxMap::with_capacity_and_hasher(words, Default::default()),
            ids: FxMap::with_capacity_and_hasher(words, Default::default()),
            stems: Vec::with_capacity(words),
        },
        index: FxMap::with_capacity_and_hasher(2 * words, Default::default()),
        long: FxMap::default(),
    };
    let mut own = Vec::new();
    let mut run = Vec::new();
    if let Some(t) = title {
        tokenize_into(t, 0, &mut own);
        found.unit(t, None, &own, &mut run);
    }
    for (i, s) in sentences.iter().enumerate() {
        let Some(text) = body.get(s.clone()) else {
            continue;
        };
        let toks = match tokens.get(i) {
            Some(t) => t,
            None => {
                tokenize_into(text, s.start, &mut own);
                &own
            }
        };
        found.unit(body, Some(i as u32), toks, &mut run);
    }
    for e in entities {
        found.name(e, body, sentences);
    }
    found
}

/// The stems of the content words of `text`, each once: what the
/// background table counts per document.
#[cfg(feature = "tools")]
pub(crate) fn stems_of(text: &str) -> std::collections::BTreeSet<String> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0, &mut tokens);
    tokens
        .into_iter()
        .map(|r| &text[r])
        .filter_map(|w| {
            let lower = w.to_lowercase();
            content(w, &lower).then(|| stem(&lower))
        })
        .collect()
}

impl<'a> Found<'a> {
    fn entry(&mut self, stems: &[u32]) -> &mut Candidate<'a> {
        let next = self.list.len() as u32;
        let at = match packed(stems) {
            Some(key) => *self.index.entry(key).or_insert(next),
            None => match self.long.get(stems) {
                Some(&i) => i,
                None => {
                    self.long.insert(stems.into(), next);
                    next
                }
            },
        };
        if at == next {
            self.list.push(Candidate::new(stems));
        }
        &mut self.list[at as usize]
    }

    /// The candidates of one sentence (`Some` of its index) or the title:
    /// its `tokens`, byte ranges of `text`; `run` is scratch space (the
    /// content words as byte range and stem id).
    fn unit(
        &mut self,
        text: &'a str,
        sentence: Option<u32>,
        tokens: &[Range<usize>],
        run: &mut Vec<(Range<usize>, u32)>,
    ) {
        run.clear();
        for r in tokens {
            match text.get(r.clone()).and_then(|w| self.lexicon.content(w)) {
                Some(id) => run.push((r.clone(), id)),
                None => self.flush(text, sentence, run),
            }
        }
        self.flush(text, sentence, run);
    }

    /// Takes the phrases of one run of content words.
    fn flush(&mut self, text: &'a str, sentence: Option<u32>, run: &mut Vec<(Range<usize>, u32)>) {
        let mut ids = [0u32; MAX_WORDS];
        for start in 0..run.len() {
            for n in 1..=MAX_WORDS.min(run.len() - start) {
                let words = &run[start..start + n];
                for (slot, (_, id)) in ids.iter_mut().zip(words) {
                    *slot = *id;
                }
                let form = &text[words[0].0.start..words[n - 1].0.end];
                let c = self.entry(&ids[..n]);
                match sentence {
                    Some(i) => {
                        c.occurs_in(i);
                        if n == run.len() {
                            c.whole += 1;
                        }
                        c.forms.add(form, 1);
                    }
                    None => {
                        c.in_title = true;
                        c.forms.add(form, 0);
                    }
                }
            }
        }
        run.clear();
    }

    /// A recognized name: marked as one with its type and fullest form,
    /// and counted at each of its mentions when they are more than its
    /// occurrences as a run (a person named in full once, then by surname;
    /// a name holding a stop word, "Bank of America", or longer than a
    /// phrase).
    fn name(&mut self, e: &'a Entity, body: &'a str, sentences: &[Range<usize>]) {
        if !e.name.chars().any(char::is_alphabetic) {
            return;
        }
        let stems: Vec<u32> = e
            .name
            .split_whitespace()
            .map(|w| self.lexicon.any(w))
            .collect();
        if stems.is_empty() {
            return;
        }
        let c = self.entry(&stems);
        c.name = Some((e.ty, e.name.as_str()));
        if e.mentions.len() <= c.occurrences() {
            return;
        }
        let (mut first, mut last) = (u32::MAX, 0);
        for m in &e.mentions {
            let i = sentences.partition_point(|s| s.end <= m.start) as u32;
            first = first.min(i);
            last = last.max(i);
            if let Some(text) = body.get(m.clone()) {
                c.forms.add(text, 1);
            }
        }
        c.count = e.mentions.len() as u32;
        c.first = first;
        c.last = last;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(title: Option<&str>, body: &str) -> Vec<String> {
        let sentences = vec![0..body.len(); 1];
        let found = collect(title, body, &sentences, &[], &[]);
        found
            .list
            .iter()
            .map(|c| {
                c.stems
                    .iter()
                    .map(|&i| found.lexicon.stem(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn runs_split_at_stop_words_numbers_and_punctuation() {
        let keys = keys(None, "The rail freight merger, worth 12 billion, closed.");
        assert!(keys.contains(&"rail freight merger".into()), "{keys:?}");
        assert!(keys.contains(&"freight".into()), "{keys:?}");
        assert!(!keys.iter().any(|k| k.contains("12")), "{keys:?}");
        assert!(!keys.contains(&"merger worth".into()), "{keys:?}");
        assert!(!keys.iter().any(|k| k.starts_with("the")), "{keys:?}");
    }

    #[test]
    fn a_whole_run_is_counted_apart_from_its_parts() {
        let body = "Rail freight grew. It was freight.";
        let sentences = vec![0..18, 19..body.len()];
        let found = collect(None, body, &sentences, &[], &[]);
        let by = |k: &str| {
            found
                .list
                .iter()
                .find(|c| {
                    c.stems
                        .iter()
                        .map(|&i| found.lexicon.stem(i))
                        .collect::<Vec<_>>()
                        .join(" ")
                        == k
                })
                .cloned()
        };
        let freight = by("freight").expect("freight");
        assert_eq!((freight.occurrences(), freight.whole), (2, 1));
        assert_eq!(freight.forms.iter().collect::<Vec<_>>(), [&("freight", 2)]);
        let phrase = by("rail freight grew").expect("phrase");
        assert_eq!(phrase.whole, 1);
    }

    #[test]
    fn figures_are_read_without_the_memo() {
        let size = || READINGS.with(|m| m.borrow().short.len() + m.borrow().long.len());
        let before = size();
        let r = reading("2025", true);
        assert!(!r.content);
        assert_eq!(
            r.stem.map(|(s, _)| s.as_str().to_string()).as_deref(),
            Some("2025")
        );
        assert!(reading("1,234,567.89", false).stem.is_none());
        assert_eq!(size(), before);
        reading("Optimization", false);
        assert_eq!(size(), before + 1);
    }

    #[test]
    fn a_full_memo_starts_over_and_reads_the_same() {
        let key = |r: &Reading| {
            (
                r.content,
                r.stem
                    .as_ref()
                    .map(|(s, idf)| (s.as_str().to_string(), *idf)),
            )
        };
        let first = key(&reading("Optimizations", false));
        assert_eq!(first.1.as_ref().map(|(s, _)| s.as_str()), Some("optim"));
        let long = "Telecommunications-regulators";
        let long_first = key(&reading(long, true));
        for i in 0..MEMO_LIMIT + 10 {
            reading(&format!("w{i}"), false);
        }
        let size = READINGS.with(|m| m.borrow().short.len() + m.borrow().long.len());
        assert!(size < MEMO_LIMIT, "{size}");
        assert_eq!(key(&reading("Optimizations", false)), first);
        assert_eq!(key(&reading(long, true)), long_first);
        assert!(!reading("the", false).content);
    }

    #[test]
    fn words_with_digits_are_content() {
        for (w, yes) in [
            ("G7", true),
            ("COVID-19", true),
            ("2021", false),
            ("a", false),
            ("$", false),
        ] {
            assert_eq!(content(w, &w.to_lowercase()), yes, "{w}");
        }
    }
}
