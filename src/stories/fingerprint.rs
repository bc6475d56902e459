//! Near-duplicates: a small sketch of each article's wording for finding
//! candidate copies cheaply, and an exact check that confirms a candidate
//! pair from both texts (a sketch alone calls too many pairs copies).
//!
//! The body becomes lowercase word tokens and their overlapping five-word
//! shingles, each hashed to 64 bits (FNV-1a then a SplitMix finalizer:
//! stable across builds and platforms). The sketch is a SimHash of the
//! shingles and a 16-value MinHash. A [`Profile`] holds a text's distinct
//! shingles and its figures; [`Overlap::is_copy`] calls a pair of profiles
//! copies when their wording overlaps heavily (Jaccard, or containment of
//! the shorter in the longer) *and* the figures they state agree: pages
//! of a template site (weather bulletins, price lists) share most of
//! their wording and differ exactly in their figures.

use std::fmt::Write as _;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Values in the MinHash signature.
pub const MINHASHES: usize = 16;
/// Jaccard similarity of the shingle sets from which two texts are copies.
const MIN_JACCARD: f64 = 0.6;
/// Containment of the shorter text's shingles in the longer's from which a
/// shortened copy (a cut wire story) is a copy…
const MIN_CONTAINMENT: f64 = 0.85;
/// … provided the shorter has at least this share of the longer's shingles.
const MIN_LENGTH_RATIO: f64 = 0.4;
/// Jaccard similarity of the figures (tokens holding digits, as a
/// multiset) two copies must reach when they state any.
const MIN_FIGURES: f64 = 0.75;

/// The sketch of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// Bit `i` is set when most shingles' hashes have bit `i` set.
    pub simhash: u64,
    /// The least value of each of [`MINHASHES`] hash functions over the
    /// shingles (high 32 bits).
    pub minhash: [u32; MINHASHES],
}

impl Sketch {
    /// The sketch of `text`; none when it has no words.
    pub fn of(text: &str) -> Option<Sketch> {
        // Set bits per position; a bit is set in the SimHash when more
        // than half the shingles set it. They are counted eight positions
        // to a byte lane (`SPREAD`), the lanes emptied into `counts` before
        // a byte can overflow.
        let mut counts = [0u32; 64];
        let mut lanes = [0u64; 8];
        let mut pending = 0u32;
        let mut minhash = [u32::MAX; MINHASHES];
        let mut shingles = 0u64;
        let mut add = |h: u64| {
            for (k, lane) in lanes.iter_mut().enumerate() {
                *lane += SPREAD[usize::from((h >> (8 * k)) as u8)];
            }
            pending += 1;
            if pending == u32::from(u8::MAX) {
                empty_lanes(&mut lanes, &mut counts);
                pending = 0;
            }
            for (i, m) in minhash.iter_mut().enumerate() {
                let v = (mix(h ^ SEEDS[i]) >> 32) as u32;
                *m = (*m).min(v);
            }
            shingles += 1;
        };
        // The words are hashed as they are read, never stored.
        let mut shingler = Shingler::new();
        scan(text, |byte| match byte {
            Some(b) => shingler.byte(b),
            None => {
                if let Some(h) = shingler.end() {
                    add(h);
                }
            }
        });
        if let Some(h) = shingler.finish() {
            add(h);
        }
        if shingles == 0 {
            return None;
        }
        empty_lanes(&mut lanes, &mut counts);
        let simhash = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| 2 * u64::from(**c) > shingles)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit);
        Some(Sketch { simhash, minhash })
    }

    /// The SimHash as 16 hex digits.
    pub fn simhash_hex(&self) -> String {
        format!("{:016x}", self.simhash)
    }

    /// The MinHash as 128 hex digits (8 a value).
    pub fn minhash_hex(&self) -> String {
        let mut s = String::with_capacity(MINHASHES * 8);
        for m in self.minhash {
            let _ = write!(s, "{m:08x}");
        }
        s
    }

    /// Reads the hex forms back (a record's `fingerprint`); none when they
    /// are malformed.
    pub fn from_hex(simhash: &str, minhash: &str) -> Option<Sketch> {
        let simhash = u64::from_str_radix(simhash, 16).ok()?;
        if minhash.len() != MINHASHES * 8 || !minhash.is_ascii() {
            return None;
        }
        let mut m = [0u32; MINHASHES];
        for (i, v) in m.iter_mut().enumerate() {
            *v = u32::from_str_radix(&minhash[i * 8..i * 8 + 8], 16).ok()?;
        }
        Some(Sketch {
            simhash,
            minhash: m,
        })
    }

    /// The share of equal MinHash values: an estimate of the shingle sets'
    /// Jaccard similarity.
    pub fn estimate(&self, other: &Sketch) -> f64 {
        let same = self
            .minhash
            .iter()
            .zip(&other.minhash)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / MINHASHES as f64
    }

    /// Bands of the MinHash (two values each) as keys for candidate lookup:
    /// texts sharing a band are candidate copies.
    pub fn bands(&self) -> impl Iterator<Item = u64> + '_ {
        self.minhash
            .chunks(2)
            .enumerate()
            .map(|(i, c)| mix((i as u64) << 56 ^ u64::from(c[0]) << 32 ^ u64::from(c[1])))
    }
}

/// How much two texts share, computed from both texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Jaccard similarity of the shingle sets.
    pub jaccard: f64,
    /// Share of the smaller set's shingles in the larger.
    pub containment: f64,
    /// The smaller set's size over the larger's.
    pub length_ratio: f64,
    /// Jaccard similarity of the figures (1 when neither states any).
    pub figures: f64,
}

impl Overlap {
    /// Whether one text is a copy of the other, lightly edited or cut.
    pub fn is_copy(&self) -> bool {
        let wording = self.jaccard >= MIN_JACCARD
            || (self.containment >= MIN_CONTAINMENT && self.length_ratio >= MIN_LENGTH_RATIO);
        wording && self.figures >= MIN_FIGURES
    }
}

/// What the exact check reads of one text: its distinct shingle hashes
/// and its figures, each sorted. Made once per text, so a text checked
/// against several candidates is read once, and two profiles are compared
/// by merging sorted lists (no hash set built per pair).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The distinct shingle hashes.
    shingles: Vec<u64>,
    /// A hash of each word holding a digit (a figure), repeats kept.
    figures: Vec<u64>,
}

impl Profile {
    /// The profile of `text`: its words hashed as they are read (never
    /// stored), into shingles as [`Sketch::of`] makes them and, for each
    /// word holding a digit, FNV-1a over its bytes.
    pub fn of(text: &str) -> Profile {
        let mut shingles = Vec::with_capacity(text.len() / 5);
        let mut figures = Vec::new();
        let mut shingler = Shingler::new();
        let mut word = FNV_OFFSET;
        let mut digit = false;
        scan(text, |byte| match byte {
            Some(b) => {
                shingler.byte(b);
                word = (word ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                digit |= b.is_ascii_digit();
            }
            None => {
                shingles.extend(shingler.end());
                if digit {
                    figures.push(word);
                }
                word = FNV_OFFSET;
                digit = false;
            }
        });
        shingles.extend(shingler.finish());
        shingles.sort_unstable();
        shingles.dedup();
        figures.sort_unstable();
        Profile { shingles, figures }
    }

    /// How much this text and `other` share.
    pub fn overlap(&self, other: &Profile) -> Overlap {
        let (sa, sb) = (&self.shingles, &other.shingles);
        let common = sorted_common(sa, sb) as f64;
        let union = (sa.len() + sb.len()) as f64 - common;
        let (small, large) = (sa.len().min(sb.len()) as f64, sa.len().max(sb.len()) as f64);
        let (fa, fb) = (&self.figures, &other.figures);
        let figures = if fa.is_empty() && fb.is_empty() {
            1.0
        } else {
            // Multisets: equal figures are kept, each matched once.
            let common = sorted_common(fa, fb);
            common as f64 / (fa.len() + fb.len() - common) as f64
        };
        Overlap {
            jaccard: if union > 0.0 { common / union } else { 1.0 },
            containment: if small > 0.0 { common / small } else { 0.0 },
            length_ratio: if large > 0.0 { small / large } else { 1.0 },
            figures,
        }
    }
}

/// How many items two sorted lists share, each item matched once (a
/// multiset intersection; for lists without repeats, a set's).
fn sorted_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    common
}

/// Reads the lowercase words of `text`: maximal runs of letters and digits
/// (a decimal point or thousands separator between digits stays in the
/// figure). `out` gets each
/// byte of a word, then `None` after each word. ASCII is read a byte at a
/// time, any other character decoded.
fn scan(text: &str, mut out: impl FnMut(Option<u8>)) {
    let bytes = text.as_bytes();
    let mut in_word = false;
    // The last byte given, while in a word.
    let mut last = 0u8;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = match bytes[i] {
            b @ 0..0x80 => (char::from(b), 1),
            _ => match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        i += len;
        if c.is_ascii_alphanumeric() {
            last = c.to_ascii_lowercase() as u8;
            out(Some(last));
            in_word = true;
        } else if c.is_alphanumeric()
            || (matches!(c, '.' | ',')
                && in_word
                && last.is_ascii_digit()
                && bytes.get(i).is_some_and(u8::is_ascii_digit))
        {
            // A letter or digit beyond ASCII, or a decimal point or
            // thousands separator between digits.
            let mut utf8 = [0u8; 4];
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut utf8).as_bytes() {
                    last = b;
                    out(Some(b));
                }
            }
            in_word = true;
        } else if in_word {
            out(None);
            in_word = false;
        }
    }
    if in_word {
        out(None);
    }
}

/// Hashes the five-word shingles of words given a byte at a time: each
/// shingle's hash is FNV-1a over its words, each followed by a space, then
/// [`mix`]. The five shingles a word belongs to are hashed side by side,
/// so each byte is read once and the five multiplications do not wait on
/// each other.
struct Shingler {
    /// The shingle starting at word `s` is hashed in slot `s % SHINGLE`.
    h: [u64; SHINGLE],
    /// Words ended so far.
    words: usize,
}

impl Shingler {
    fn new() -> Shingler {
        Shingler {
            h: [FNV_OFFSET; SHINGLE],
            words: 0,
        }
    }

    /// The next byte of the current word.
    #[inline]
    fn byte(&mut self, b: u8) {
        for x in &mut self.h {
            *x = (*x ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    /// Ends the current word: the hash of the shingle it completes, if
    /// any. That shingle's slot then starts the one beginning at the next
    /// word.
    #[inline]
    fn end(&mut self) -> Option<u64> {
        for x in &mut self.h {
            *x = (*x ^ 0x20).wrapping_mul(FNV_PRIME);
        }
        self.words += 1;
        let slot = self.words % SHINGLE;
        let done = (self.words >= SHINGLE).then(|| mix(self.h[slot]));
        self.h[slot] = FNV_OFFSET;
        done
    }

    /// After the last word: the one shingle of all the words when they
    /// were fewer than five (its slot was never started again).
    fn finish(&self) -> Option<u64> {
        (1..SHINGLE).contains(&self.words).then(|| mix(self.h[0]))
    }
}

/// Byte `t` of `SPREAD[v]` is bit `t` of `v`: adding it to a lane counts
/// eight bit positions at once.
const SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut v = 0;
    while v < 256 {
        let mut bit = 0;
        while bit < 8 {
            if (v >> bit) & 1 == 1 {
                t[v] |= 1 << (8 * bit);
            }
            bit += 1;
        }
        v += 1;
    }
    t
};

/// Adds the byte lanes' counts to `counts` (lane `k`, byte `t`: bit
/// `8k + t`) and empties them.
fn empty_lanes(lanes: &mut [u64; 8], counts: &mut [u32; 64]) {
    for (k, lane) in lanes.iter_mut().enumerate() {
        for t in 0..8 {
            counts[8 * k + t] += ((*lane >> (8 * t)) & 0xff) as u32;
        }
        *lane = 0;
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Seeds of the MinHash functions (fixed: signatures stay comparable
/// across versions).
const SEEDS: [u64; MINHASHES] = [
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
    0x94d0_49bb_1331_11eb,
    0x2545_f491_4f6c_dd1d,
    0x1405_7b7e_f767_814f,
    0x5851_f42d_4c95_7f2d,
    0xd6e8_feb8_6659_fd93,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5899_65cc_7537_4cc3,
    0x1d8e_4e27_c47d_124f,
    0xc2b2_ae3d_27d4_eb4f,
    0x1656_67b1_9e37_79f9,
    0x27d4_eb2f_1656_67c5,
    0x85eb_ca77_c2b2_ae63,
];

/// SplitMix64's finalizer: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests;
