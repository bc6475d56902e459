//! The recognizer's features, hashed straight into weight-table rows so no
//! feature string is ever built: the word and its lowercase, shape,
//! prefixes and suffixes, the neighbouring words and shapes, sentence
//! position and headline case, word clusters and capitalization learned from
//! unlabeled news, gazetteer membership, the public name lists the word
//! and its neighbours are on (first names, surnames, companies, drugs,
//! credentials, titles), the run of capitalized words a
//! token is in, and document-level evidence (the same word written
//! capitalized or lowercase elsewhere in the article, and the words around
//! its other mentions). Tag-dependent features (previous tags, earlier
//! labels of the same word) are added by the tagger as it decodes.

use super::gazetteer::{self, Gazetteer, MAX_PHRASE};
use super::hash::{FxMap, FxSet, feed, finish, mix, of_str};
use super::lexicon::list::{self as names_list, FIRST_NAME, SURNAME};
use super::lexicon::{ClusterPath, Lexicon};

/// log2 of the number of weight rows.
pub(crate) const BITS: u32 = 20;
/// Number of weight rows.
pub(crate) const ROWS: usize = 1 << BITS;

/// Coarse word class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    Lower = 0,
    Capitalized = 1,
    AllCaps = 2,
    Mixed = 3,
    Digits = 4,
    Punct = 5,
}

impl Class {
    fn of(word: &str) -> Class {
        let mut upper = 0usize;
        let mut lower = 0usize;
        let mut digit = false;
        let mut first_upper = false;
        for (i, c) in word.chars().enumerate() {
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    first_upper = true;
                }
            } else if c.is_lowercase() {
                lower += 1;
            } else if c.is_numeric() {
                digit = true;
            }
        }
        if digit {
            Class::Digits
        } else if upper == 0 && lower == 0 {
            Class::Punct
        } else if upper == 0 {
            Class::Lower
        } else if lower == 0 {
            Class::AllCaps
        } else if first_upper && upper == 1 {
            Class::Capitalized
        } else {
            Class::Mixed
        }
    }

    /// Starts with a capital letter (any casing after).
    pub(crate) fn is_capital(self) -> bool {
        matches!(self, Class::Capitalized | Class::AllCaps | Class::Mixed)
    }
}

/// Lowercase starts of surnames and first names written with a capital
/// inside ("MacArthur", "VanDyke", "FitzGerald", "DelBene"); starts of one
/// or two letters ("McCain", "DiCaprio", "LeBron", "DeShawn") are all
/// taken as such.
const NAME_PREFIXES: &[&str] = &[
    "mac", "van", "vande", "vanden", "vander", "von", "del", "della", "fitz", "ten", "ter", "den",
    "der", "dos", "das", "ben", "abu", "bin", "san", "saint",
];

/// Whether `word` is written as brands and companies are, with a capital
/// after lowercase letters inside it ("YouTube", "ExxonMobil", "PeopleSoft",
/// "LinkedIn"), unlike people's names: not after a surname's or first
/// name's start ("McDonald", "MacArthur", "DeShawn"), not a word of the
/// first-name or surname lists, and not a first name and a surname run
/// together as in a hashtag ("JaneSmith").
pub(crate) fn is_brand_case(word: &str, lex: &Lexicon) -> bool {
    let mut chars = word.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_uppercase()) {
        return false;
    }
    let mut prev_lower = false;
    let mut split = None;
    for (i, c) in chars {
        if c.is_uppercase() && prev_lower {
            split = Some(i);
            break;
        }
        if !c.is_alphabetic() {
            return false;
        }
        prev_lower = c.is_lowercase();
    }
    let Some(split) = split else {
        return false;
    };
    let (head, rest) = word.split_at(split);
    if head.chars().count() <= 2
        || rest.chars().count() < 2
        || !rest.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let head = head.to_lowercase();
    if NAME_PREFIXES.contains(&head.as_str()) {
        return false;
    }
    let names = |w: &str| lex.names(of_str(&w.to_lowercase()));
    names(word) & (FIRST_NAME | SURNAME) == 0
        && !(names(&head) & FIRST_NAME != 0 && names(rest) & SURNAME != 0)
}

/// What the features need to know about one token.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub lower: String,
    pub raw_h: u64,
    pub lower_h: u64,
    pub shape_h: u64,
    pub short_shape_h: u64,
    pub class: Class,
    pub cluster: Option<ClusterPath>,
    pub caps: Option<u8>,
    /// Public name lists the word is on (bits of `lexicon::list`).
    pub names: u8,
    /// Gazetteer lists a phrase starting here (low byte) or continuing
    /// through here (high byte) is on.
    pub gaz: u16,
    /// The run of capitalized words (joined by "of", "and", "&", "'s" …)
    /// this token is in: the hash of its first and last word, its length,
    /// and where the token sits in it (bit 0 first, bit 1 last, bit 2 the
    /// run is in quotation marks); length 0 outside a run. A name's last
    /// word says much of its type ("… Corp", "… Party", "… Cup"), its first
    /// word where it starts, and quotes that it is a title or a company
    /// rather than a person.
    pub run_first_h: u64,
    pub run_last_h: u64,
    pub run_len: u8,
    pub run_pos: u8,
    /// Written with a brand's inner capital ([`is_brand_case`]:
    /// "YouTube", "ExxonMobil"), which no person's name is.
    pub brand_case: bool,
}

/// A span's words in lowercase, joined by spaces: the name the
/// gazetteer looks up ("democratic republic of congo").
pub(crate) fn lower_name(s: &[Token], start: usize, end: usize) -> String {
    s[start..end]
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Capitalization rates (of `caps.tsv`) at or below which news writes a
/// word in lowercase mid-sentence: rate 1 is under 30 % capitalized.
const MAX_COMMON_CAPS: u8 = 1;

impl Token {
    /// Whether news writes the word in lowercase mid-sentence nearly
    /// always ("prevention", "budget", "gas"): capitalized, it is a
    /// title's or a name's common word, not a name's own ("Stanley").
    pub(crate) fn is_common_word(&self) -> bool {
        self.caps.is_some_and(|c| c <= MAX_COMMON_CAPS)
    }
}

/// Whether `lower`, a word the capitalization table does not know, is the
/// plural of one news writes in lowercase: "climbers" (of "climb", by its
/// "-ers"), "hikers" (of "hike"), "paramedics" (of "paramedic"). First in
/// a sentence such a word is capitalized by position alone.
pub(crate) fn is_plural_of_common_word(lower: &str) -> bool {
    let Some(singular) = lower.strip_suffix('s') else {
        return false;
    };
    is_common_stem(singular)
        || singular.strip_suffix('r').is_some_and(is_common_stem)
        || singular.strip_suffix("er").is_some_and(is_common_stem)
}

/// Whether `lower`, a word the capitalization table does not know, is an
/// adverb or a present participle of a word news writes in lowercase:
/// "lastly" (of "last"), "happily" (of "happy"), "phoning" (of "phone"),
/// "shopping" (of "shop"). Such a word opens a sentence as "Lastly, we ran
/// …", "Phoning in from London, …".
pub(crate) fn is_adverb_or_participle_of_common_word(lower: &str) -> bool {
    if let Some(stem) = lower.strip_suffix("ly") {
        let y = stem.strip_suffix('i').map(|s| format!("{s}y"));
        return is_common_stem(stem)
            || y.as_deref().is_some_and(is_common_stem)
            || is_common_stem(&format!("{stem}le"));
    }
    let Some(stem) = lower.strip_suffix("ing") else {
        return false;
    };
    let undoubled = stem
        .char_indices()
        .next_back()
        .filter(|&(i, c)| stem[..i].ends_with(c) && !"aeiousl".contains(c))
        .map(|(i, _)| &stem[..i]);
    is_common_stem(stem)
        || is_common_stem(&format!("{stem}e"))
        || undoubled.is_some_and(is_common_stem)
}

/// A stem of three letters or more that news writes in lowercase.
fn is_common_stem(stem: &str) -> bool {
    stem.len() >= 3
        && super::lexicon::Lexicon::embedded()
            .caps(super::hash::of_str(stem))
            .is_some_and(|c| c <= MAX_COMMON_CAPS)
}

/// Whether `start..end` is one word first in its sentence (where a word is
/// capitalized by position alone) that the capitalization table does not
/// know and that is a form of a common word: a plural ("Climbers died",
/// "Hikers were arrested"), an adverb ("Lastly, we …") or a participle
/// ("Phoning in from London, …"). No name, unless a list of names has it
/// or the gazetteer starts a place with it.
pub(crate) fn is_common_word_form_first(s: &[Token], start: usize, end: usize) -> bool {
    end == start + 1
        && s.get(..start)
            .is_some_and(|before| before.iter().all(|t| t.class == Class::Punct))
        && s.get(start).is_some_and(|t| {
            t.caps.is_none()
                && (is_plural_of_common_word(&t.lower)
                    || (t.names == 0
                        && t.gaz == 0
                        && is_adverb_or_participle_of_common_word(&t.lower)))
        })
}

/// Words that may join two capitalized words into one name ("Bank of
/// England", "Marks & Spencer", "Boatmen's Bancshares").
fn connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "and"
            | "&"
            | "'s"
            | "de"
            | "del"
            | "della"
            | "dello"
            | "di"
            | "da"
            | "du"
            | "la"
            | "le"
            | "von"
            | "van"
            | "der"
            | "den"
            | "al"
    )
}

/// Word shape: X for capitals, x for small letters, d for digits, other
/// characters as they are; runs longer than `keep` are cut to `keep`.
fn shape(word: &str, keep: usize) -> u64 {
    let mut h = 0x0053_4841_5045_u64 ^ keep as u64;
    let mut last = '\0';
    let mut run = 0;
    let mut n = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= keep {
            h = mix(h, u64::from(s));
            n += 1;
            if n > 12 {
                break;
            }
        }
    }
    h
}

/// Prepares a sentence's tokens.
pub(crate) fn prepare(words: &[&str], lex: &Lexicon, gaz: &Gazetteer) -> Vec<Token> {
    let mut toks: Vec<Token> = words
        .iter()
        .map(|w| {
            let lower = gazetteer::key(w);
            let lower_h = of_str(&lower);
            let class = Class::of(w);
            Token {
                raw_h: of_str(w),
                lower_h,
                shape_h: shape(w, 4),
                short_shape_h: shape(w, 1),
                class,
                cluster: lex.cluster(lower_h),
                caps: lex.caps(lower_h),
                names: lex.names(lower_h),
                gaz: 0,
                run_first_h: 0,
                run_last_h: 0,
                run_len: 0,
                run_pos: 0,
                // Only mixed case can hold an inner capital.
                brand_case: class == Class::Mixed && is_brand_case(w, lex),
                lower,
            }
        })
        .collect();
    // Gazetteer phrases, longest first from each start; only capitalized
    // starts, so "china" the word and "turkey" the bird are left alone.
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !toks[i].class.is_capital() {
            i += 1;
            continue;
        }
        let mut h = gazetteer::phrase_seed();
        let mut best = (0usize, 0u8);
        for (j, t) in toks.iter().enumerate().take(n.min(i + MAX_PHRASE)).skip(i) {
            h = gazetteer::phrase_step(h, t.lower_h);
            let kinds = gaz.phrase_kinds(h);
            if kinds != 0 {
                best = (j + 1 - i, kinds);
            }
        }
        let (len, kinds) = best;
        if len == 0 {
            i += 1;
            continue;
        }
        toks[i].gaz |= u16::from(kinds);
        for t in toks.iter_mut().take(i + len).skip(i + 1) {
            t.gaz |= u16::from(kinds) << 8;
        }
        i += len;
    }
    // Runs of capitalized words.
    let mut i = 0;
    while i < n {
        if !toks[i].class.is_capital() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < n && toks[end].class.is_capital() {
                end += 1;
            } else if end + 1 < n && connector(&toks[end].lower) && toks[end + 1].class.is_capital()
            {
                end += 2;
            } else {
                break;
            }
        }
        let (fh, lh) = (toks[i].lower_h, toks[end - 1].lower_h);
        let len = (end - i).min(255) as u8;
        // In quotes: a quote mark before and after (past a final . or ,).
        let quoted = i > 0
            && is_quote(&toks[i - 1])
            && (toks.get(end).is_some_and(is_quote)
                || (toks
                    .get(end)
                    .is_some_and(|t| matches!(t.lower.as_str(), "." | ","))
                    && toks.get(end + 1).is_some_and(is_quote)));
        for (k, t) in toks.iter_mut().enumerate().take(end).skip(i) {
            t.run_first_h = fh;
            t.run_last_h = lh;
            t.run_len = len;
            t.run_pos = u8::from(k == i) | u8::from(k + 1 == end) << 1 | u8::from(quoted) << 2;
        }
        i = end;
    }
    toks
}

/// A quotation mark token.
pub(crate) fn is_quote(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»" | "``" | "''"
    )
}

/// Most context keys kept per word of a document.
const MAX_CONTEXT: usize = 16;

/// Document-level evidence: which words the article writes capitalized in
/// mid-sentence, which it writes in lowercase, and what surrounds each
/// capitalized word elsewhere in it.
#[derive(Debug, Default)]
pub(crate) struct DocStats {
    cap_mid: FxSet<u64>,
    lower: FxSet<u64>,
    /// Capitalized word → what surrounds it anywhere in the document: the
    /// words before and after each of its occurrences and the last word of
    /// the runs it is in (at most [`MAX_CONTEXT`] keys), so a bare "Pirelli"
    /// knows the article also writes "Pirelli SpA", and "Mr" before one
    /// mention of a surname informs all of them.
    context: FxMap<u64, Vec<u64>>,
}

impl DocStats {
    /// Gathers the evidence over every sentence of a document. Sentences
    /// flagged in `headings` (title-case headings of raw text; missing
    /// flags are false) give none: a heading's capitals and its
    /// headline-like surroundings say nothing of the names in it.
    pub(crate) fn new(sentences: &[Vec<Token>], headings: &[bool]) -> DocStats {
        let mut d = DocStats::default();
        let heading = |si: usize| headings.get(si).copied().unwrap_or(false);
        for (si, s) in sentences.iter().enumerate() {
            if heading(si) {
                continue;
            }
            if headline(s) {
                continue;
            }
            for (i, t) in s.iter().enumerate() {
                match t.class {
                    Class::Lower => {
                        d.lower.insert(t.lower_h);
                    }
                    Class::Capitalized | Class::Mixed if i > 0 && !opens(&s[i - 1]) => {
                        d.cap_mid.insert(t.lower_h);
                    }
                    _ => {}
                }
            }
        }
        for (si, s) in sentences.iter().enumerate() {
            if heading(si) {
                continue;
            }
            for (i, t) in s.iter().enumerate() {
                if !t.class.is_capital() {
                    continue;
                }
                // Numbers by their shape: "Kent 3" and "Kent 12" say the same.
                let word = |t: &Token| {
                    if t.class == Class::Digits {
                        t.shape_h
                    } else {
                        t.lower_h
                    }
                };
                let before = mix(1, if i > 0 { word(&s[i - 1]) } else { START });
                let after = mix(2, s.get(i + 1).map_or(END, word));
                let run = (t.run_len > 1).then(|| mix(3, t.run_last_h));
                let keys = d.context.entry(t.lower_h).or_default();
                for key in [Some(before), Some(after), run].into_iter().flatten() {
                    if keys.len() < MAX_CONTEXT && !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        d
    }
}

/// A token after which a capital says nothing (sentence or quote start).
fn opens(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "\"" | "'" | "“" | "‘" | "(" | ":" | "-" | "." | "!" | "?" | "—"
    )
}

/// Words a heading in title case leaves in lowercase: articles,
/// conjunctions and short prepositions ("Talks Resume After a Long Pause",
/// "Why the Harbour Plan Stalled").
pub(crate) const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "vs.", "v", "v.", "from", "into", "with", "over",
    "onto", "upon", "amid",
];

/// A sentence written in capitals (a headline).
pub(crate) fn headline(s: &[Token]) -> bool {
    let letters = s
        .iter()
        .filter(|t| !matches!(t.class, Class::Punct | Class::Digits))
        .count();
    letters >= 2
        && s.iter()
            .filter(|t| !matches!(t.class, Class::Punct | Class::Digits))
            .all(|t| t.class == Class::AllCaps)
}

// Template ids: each feature's hash starts from its own.
const T_BIAS: u64 = 1;
const T_RAW: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_PREFIX: u64 = 5;
const T_SUFFIX: u64 = 6;
const T_PREV: u64 = 7;
const T_NEXT: u64 = 8;
const T_PREV2: u64 = 9;
const T_NEXT2: u64 = 10;
const T_SHAPE_PREV: u64 = 11;
const T_SHAPE_NEXT: u64 = 12;
const T_BIGRAM_PREV: u64 = 13;
const T_BIGRAM_NEXT: u64 = 14;
const T_CLUSTER: u64 = 15;
const T_CLUSTER_PREV: u64 = 16;
const T_CLUSTER_NEXT: u64 = 17;
const T_CAPS: u64 = 18;
const T_GAZ: u64 = 19;
const T_POSITION: u64 = 20;
const T_HEADLINE: u64 = 21;
const T_DOC: u64 = 22;
const T_CLUSTER_CLASS: u64 = 23;
const T_NO_CLUSTER: u64 = 24;
const T_GAZ_PREV: u64 = 25;
const T_GAZ_NEXT: u64 = 26;
const T_RUN_FIRST: u64 = 27;
const T_RUN_LAST: u64 = 28;
const T_RUN_LEN: u64 = 29;
const T_DOC_CTX: u64 = 30;
const T_NAMES: u64 = 31;
const T_NAMES_PREV: u64 = 32;
const T_NAMES_NEXT: u64 = 33;
/// Tag-dependent templates (used by the tagger).
pub(crate) const T_TAG1: u64 = 40;
pub(crate) const T_TAG2: u64 = 41;
pub(crate) const T_TAG1_SHAPE: u64 = 42;
pub(crate) const T_TAG1_WORD: u64 = 43;
pub(crate) const T_HISTORY: u64 = 44;

/// Row of a feature hash.
#[inline]
pub(crate) fn row(h: u64) -> u32 {
    (finish(h) >> (64 - BITS)) as u32
}

#[inline]
fn f(t: u64, x: u64) -> u32 {
    row(mix(mix(0xcbf2_9ce4_8422_2325, t), x))
}

#[inline]
fn f2(t: u64, x: u64, y: u64) -> u32 {
    row(mix(mix(mix(0xcbf2_9ce4_8422_2325, t), x), y))
}

const NONE: u64 = 0x6e6f_6e65;
const START: u64 = 0x0073_7461_7274;
const END: u64 = 0x0065_6e64;

/// The tag-independent feature rows of token `i`, appended to `out`.
pub(crate) fn token_features(
    s: &[Token],
    i: usize,
    headline: bool,
    doc: &DocStats,
    out: &mut Vec<u32>,
) {
    let t = &s[i];
    // A hash of the token `k` places away, or the sentence-edge markers.
    let hash_at = |k: isize, hash: fn(&Token) -> u64| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else if j as usize >= s.len() {
            END
        } else {
            hash(&s[j as usize])
        }
    };
    let lower_at = |k: isize| hash_at(k, |t| t.lower_h);
    let shape_at = |k: isize| hash_at(k, |t| t.short_shape_h);
    let class = t.class as u64;
    out.push(f(T_BIAS, 0));
    out.push(f(T_RAW, t.raw_h));
    out.push(f(T_LOWER, t.lower_h));
    out.push(f(T_SHAPE, t.shape_h));
    // Prefixes and suffixes of 1–4 characters (of words longer than that).
    let chars: Vec<(usize, char)> = t.lower.char_indices().collect();
    let n = chars.len();
    for k in 1..=4usize.min(n.saturating_sub(1)) {
        let p = &t.lower.as_bytes()[..chars[k].0];
        out.push(f2(T_PREFIX, k as u64, feed(0, p)));
        let sfx = &t.lower.as_bytes()[chars[n - k].0..];
        out.push(f2(T_SUFFIX, k as u64, feed(0, sfx)));
    }
    out.push(f(T_PREV, lower_at(-1)));
    out.push(f(T_NEXT, lower_at(1)));
    out.push(f(T_PREV2, lower_at(-2)));
    out.push(f(T_NEXT2, lower_at(2)));
    out.push(f2(T_SHAPE_PREV, shape_at(-1), t.short_shape_h));
    out.push(f2(T_SHAPE_NEXT, t.short_shape_h, shape_at(1)));
    out.push(f2(T_BIGRAM_PREV, lower_at(-1), t.lower_h));
    out.push(f2(T_BIGRAM_NEXT, t.lower_h, lower_at(1)));
    match t.cluster {
        Some(c) => {
            for id in c {
                out.push(f(T_CLUSTER, u64::from(id)));
            }
            out.push(f2(T_CLUSTER_CLASS, u64::from(c[1]), class));
        }
        None => out.push(f(T_NO_CLUSTER, class)),
    }
    let cluster_of = |j: isize| -> u64 {
        if j < 0 || j as usize >= s.len() {
            return NONE;
        }
        s[j as usize].cluster.map_or(NONE, |c| u64::from(c[2]))
    };
    out.push(f(T_CLUSTER_PREV, cluster_of(i as isize - 1)));
    out.push(f(T_CLUSTER_NEXT, cluster_of(i as isize + 1)));
    let caps = t.caps.map_or(9, u64::from);
    out.push(f2(T_CAPS, caps, class | (u64::from(i == 0) << 8)));
    if t.gaz != 0 {
        for bit in 0..16 {
            if t.gaz & (1 << bit) != 0 {
                out.push(f(T_GAZ, bit));
            }
        }
    }
    if i > 0 && s[i - 1].gaz & 0xff != 0 {
        out.push(f(T_GAZ_PREV, u64::from(s[i - 1].gaz & 0xff)));
    }
    if i + 1 < s.len() && s[i + 1].gaz & 0xff != 0 {
        out.push(f(T_GAZ_NEXT, u64::from(s[i + 1].gaz & 0xff)));
    }
    let names = |t: &Token| t.names & names_list::MODEL_BITS;
    if names(t) != 0 {
        for bit in 0..8 {
            if names(t) & (1 << bit) != 0 {
                out.push(f2(T_NAMES, bit, class));
            }
        }
    }
    if i > 0 && names(&s[i - 1]) != 0 {
        out.push(f2(T_NAMES_PREV, u64::from(names(&s[i - 1])), class));
    }
    if i + 1 < s.len() && names(&s[i + 1]) != 0 {
        out.push(f2(T_NAMES_NEXT, u64::from(names(&s[i + 1])), class));
    }
    let pos = if i == 0 {
        0
    } else if i + 1 == s.len() {
        2
    } else {
        1
    };
    out.push(f2(T_POSITION, pos, class));
    if headline {
        out.push(f2(T_HEADLINE, class, t.lower_h));
    }
    if t.class != Class::Lower && t.class != Class::Punct {
        let cap_mid = doc.cap_mid.contains(&t.lower_h);
        let lower = doc.lower.contains(&t.lower_h);
        let code = u64::from(cap_mid) | u64::from(lower) << 1 | u64::from(headline) << 2;
        out.push(f2(T_DOC, code, class | (u64::from(i == 0) << 8)));
    }
    if t.run_len > 0 {
        let pos = u64::from(t.run_pos);
        out.push(f2(T_RUN_FIRST, t.run_first_h, pos));
        out.push(f2(T_RUN_LAST, t.run_last_h, pos));
        out.push(f2(
            T_RUN_LEN,
            u64::from(t.run_len.min(5)),
            pos | (u64::from(headline) << 4),
        ));
    }
    if t.class.is_capital()
        && let Some(keys) = doc.context.get(&t.lower_h)
    {
        for &k in keys {
            out.push(f(T_DOC_CTX, k));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::list;
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(Class::of("Novak"), Class::Capitalized);
        assert_eq!(Class::of("NERA"), Class::AllCaps);
        assert_eq!(Class::of("McDonald"), Class::Mixed);
        assert_eq!(Class::of("the"), Class::Lower);
        assert_eq!(Class::of("1996"), Class::Digits);
        assert_eq!(Class::of(","), Class::Punct);
    }

    #[test]
    fn brands_are_written_with_inner_capitals_and_names_are_not() {
        let lex = Lexicon::embedded();
        for brand in ["ZorbTube", "QuillSoft", "VantelMobil", "LinkedZorb"] {
            assert!(is_brand_case(brand, lex), "{brand}");
        }
        // Surnames' and first names' starts, list names, a first name and
        // a surname run together, short starts, no inner capital.
        for name in [
            "McZorb",
            "MacZorb",
            "DeZorb",
            "VanZorb",
            "FitzZorb",
            "JohnSmith",
            "QuVantel",
            "Zorbtube",
            "ZORB",
            "zorbTube",
            "ZorbT",
            "Zorb-Tube",
        ] {
            assert!(!is_brand_case(name, lex), "{name}");
        }
    }

    #[test]
    fn shapes_cut_long_runs() {
        assert_eq!(shape("Novak", 1), shape("Okafor", 1));
        assert_ne!(shape("Novak", 1), shape("NOVAK", 1));
        assert_eq!(shape("U.S.", 4), shape("E.U.", 4));
    }

    #[test]
    fn features_are_stable_rows_and_see_the_gazetteer() {
        let gaz = Gazetteer::parse(
            "Kenya\tcountry\tKE\t\t\t0\t\nNew York\tcity\tUS\t\t\t8000000\t\n",
            "KE\tKenyan\t\n",
        );
        let lex = Lexicon::parse("", "");
        let s = prepare(&["He", "left", "New", "York", "for", "Kenya"], &lex, &gaz);
        assert_eq!(s[2].gaz & 0xff, u16::from(list::CITY | list::BIG_CITY));
        assert_eq!(s[3].gaz >> 8, u16::from(list::CITY | list::BIG_CITY));
        assert_eq!(s[5].gaz, u16::from(list::COUNTRY));
        assert_eq!(s[1].gaz, 0);
        let doc = DocStats::new(std::slice::from_ref(&s), &[]);
        let mut a = Vec::new();
        token_features(&s, 5, false, &doc, &mut a);
        let mut b = Vec::new();
        token_features(&s, 5, false, &doc, &mut b);
        assert_eq!(a, b);
        assert!(a.len() > 20);
        assert!(a.iter().all(|&r| (r as usize) < ROWS));
        assert!(!headline(&s));
        let h = prepare(&["NOVAK", "VISITS", "NAIROBI"], &lex, &gaz);
        assert!(headline(&h));
    }

    #[test]
    fn runs_quotes_and_document_context() {
        let gaz = Gazetteer::parse("", "");
        let lex = Lexicon::parse("", "");
        let s = prepare(
            &[
                "Shares",
                "of",
                "Brightwater",
                "Holdings",
                "Corp",
                "rose",
                ".",
            ],
            &lex,
            &gaz,
        );
        // "Shares of Brightwater Holdings Corp" is one run of five.
        assert_eq!(s[0].run_len, 5);
        assert_eq!((s[0].run_pos, s[4].run_pos, s[3].run_pos), (1, 2, 0));
        assert_eq!(s[2].run_last_h, s[4].lower_h);
        assert_eq!(s[5].run_len, 0);
        let q = prepare(
            &["the", "firm", ",", "\"", "Nova", "Terra", ".", "\""],
            &lex,
            &gaz,
        );
        assert_eq!(q[4].run_pos & 4, 4);
        let p = prepare(&["Nova", "Terra", "said"], &lex, &gaz);
        assert_eq!(p[0].run_pos & 4, 0);
        // A bare "Brightwater" later in the document sees the run's last word.
        let later = prepare(&["Brightwater", "said", "so"], &lex, &gaz);
        let alone = DocStats::new(std::slice::from_ref(&later), &[]);
        let both = DocStats::new(&[s.clone(), later.clone()], &[]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        token_features(&later, 0, false, &alone, &mut a);
        token_features(&later, 0, false, &both, &mut b);
        assert!(b.contains(&f(T_DOC_CTX, mix(3, s[4].lower_h))));
        assert!(!a.contains(&f(T_DOC_CTX, mix(3, s[4].lower_h))));
        // A sentence flagged as a heading gives no context.
        let flagged = DocStats::new(&[s, later.clone()], &[true]);
        let mut c = Vec::new();
        token_features(&later, 0, false, &flagged, &mut c);
        assert_eq!(a, c);
    }
}
