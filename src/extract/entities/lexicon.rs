//! Word statistics learned without labels (by `wirewatch train-clusters`)
//! from news text of other years than the labelled data: a word-cluster
//! path for each frequent word, and how often each word is capitalized in
//! mid-sentence. These carry the recognizer past the names it was trained
//! on: a new surname lands in the cluster of surnames, a new company in the
//! cluster of companies. Beside them, the public name lists each word is on
//! (census first names and surnames, company words and legal suffixes,
//! drugs, credentials, titles; built by `scripts/gen-ner-names.py`), which
//! the recognizer reads as features and the span repairs and the linker as
//! vetoes (a degree or a drug is never a person).

use std::sync::LazyLock;

use super::hash::{FxMap, of_str};

/// `word<TAB>a.b.c`: the lowercase word's cluster at three depths.
const CLUSTERS: &str = include_str!("../../../data/ner/clusters.tsv");
/// `word<TAB>k`: how often the lowercase word is written capitalized in
/// mid-sentence, in five steps (0 never … 4 always).
const CAPS: &str = include_str!("../../../data/ner/caps.tsv");
/// `word<TAB>flags`: the name lists the lowercase word is on, one letter
/// each (see [`list`]).
const NAMES: &str = include_str!("../../../data/ner/names.tsv");

/// Bits of [`Lexicon::names`]: the public name lists a word is on.
pub(crate) mod list {
    /// A first name (US Census).
    pub(crate) const FIRST_NAME: u8 = 1;
    /// A frequent surname (US Census, US Congress, US presidents).
    pub(crate) const SURNAME: u8 = 2;
    /// The first word of a listed company's name (SEC EDGAR).
    pub(crate) const COMPANY: u8 = 4;
    /// A legal company suffix ("Inc", "plc", "GmbH").
    pub(crate) const COMPANY_SUFFIX: u8 = 8;
    /// A drug name ("Xanax").
    pub(crate) const DRUG: u8 = 16;
    /// A credential or degree ("Ph.D.", "MBA").
    pub(crate) const CREDENTIAL: u8 = 32;
    /// A title, office or honorific ("Mr", "Senator", "Archbishop").
    pub(crate) const TITLE: u8 = 64;
    /// A listed company's whole name but for its legal form ("Netflix"
    /// of "NETFLIX INC"). Read by the rules, not by the model
    /// ([`MODEL_BITS`]), which was trained before the list had it.
    pub(crate) const COMPANY_NAME: u8 = 128;
    /// The lists the recognizer's features see.
    pub(crate) const MODEL_BITS: u8 = !COMPANY_NAME;

    /// The bit of a flag letter of the table.
    pub(crate) fn of_letter(c: char) -> u8 {
        match c {
            'f' => FIRST_NAME,
            's' => SURNAME,
            'c' => COMPANY,
            'x' => COMPANY_SUFFIX,
            'd' => DRUG,
            'q' => CREDENTIAL,
            't' => TITLE,
            'o' => COMPANY_NAME,
            _ => 0,
        }
    }
}

/// Cluster ids at the three depths (coarse, middle, fine), unique across depths.
pub(crate) type ClusterPath = [u16; 3];

/// The two tables, keyed by the hash of the lowercase word.
pub struct Lexicon {
    clusters: FxMap<u64, ClusterPath>,
    caps: FxMap<u64, u8>,
    names: FxMap<u64, u8>,
}

static EMBEDDED: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(CLUSTERS, CAPS).with_names(NAMES));

impl Lexicon {
    /// The committed tables.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// Reads the tables' text; malformed lines are skipped.
    pub(crate) fn parse(clusters: &str, caps: &str) -> Lexicon {
        let mut lex = Lexicon {
            clusters: FxMap::default(),
            caps: FxMap::default(),
            names: FxMap::default(),
        };
        for line in clusters.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, path)) = line.split_once('\t') else {
                continue;
            };
            let ids: Vec<u16> = path.split('.').filter_map(|p| p.parse().ok()).collect();
            if let [a, b, c] = ids[..] {
                // Depth d ids live in their own range so they never collide.
                let mid = a * 16 + b;
                let fine = mid * 16 + c;
                lex.clusters
                    .insert(of_str(word), [a, 256 + mid, 8192 + fine]);
            }
        }
        for line in caps.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, k)) = line.split_once('\t') else {
                continue;
            };
            if let Ok(k) = k.parse::<u8>() {
                lex.caps.insert(of_str(word), k);
            }
        }
        lex
    }

    /// The tables with the name lists of `names_tsv` added (malformed lines
    /// are skipped).
    pub(crate) fn with_names(mut self, names_tsv: &str) -> Lexicon {
        for line in names_tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, flags)) = line.split_once('\t') else {
                continue;
            };
            let bits = flags.chars().fold(0u8, |b, c| b | list::of_letter(c));
            if bits != 0 {
                self.names.insert(of_str(word), bits);
            }
        }
        self
    }

    /// The name lists a word is on (bits of [`list`]), by the hash of its
    /// lowercase form; 0 when on none.
    #[inline]
    pub(crate) fn names(&self, lower_hash: u64) -> u8 {
        self.names.get(&lower_hash).copied().unwrap_or(0)
    }

    /// Cluster path of a word, by the hash of its lowercase form.
    #[inline]
    pub(crate) fn cluster(&self, lower_hash: u64) -> Option<ClusterPath> {
        self.clusters.get(&lower_hash).copied()
    }

    /// Capitalization step of a word, by the hash of its lowercase form.
    #[inline]
    pub(crate) fn caps(&self, lower_hash: u64) -> Option<u8> {
        self.caps.get(&lower_hash).copied()
    }

    /// Number of clustered words.
    pub(crate) fn len(&self) -> usize {
        self.clusters.len()
    }

    /// No clusters at all (the tables were not built yet).
    pub(crate) fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths_and_caps() {
        let lex = Lexicon::parse("novak\t3.1.7\nbad line\n", "novak\t4\nthe\t0\n");
        let p = lex.cluster(of_str("novak")).expect("clustered");
        assert_eq!(p, [3, 256 + 3 * 16 + 1, 8192 + (3 * 16 + 1) * 16 + 7]);
        assert_eq!(lex.caps(of_str("novak")), Some(4));
        assert_eq!(lex.caps(of_str("the")), Some(0));
        assert!(lex.cluster(of_str("bad")).is_none());
        assert_eq!(lex.len(), 1);
        let lex = lex.with_names("# comment\nxanax\td\nford\tcfs\nnovak\t?\n");
        assert_eq!(lex.names(of_str("xanax")), list::DRUG);
        assert_eq!(
            lex.names(of_str("ford")),
            list::COMPANY | list::FIRST_NAME | list::SURNAME
        );
        assert_eq!(lex.names(of_str("novak")), 0);
        let embedded = Lexicon::embedded();
        assert_ne!(embedded.names(of_str("ph.d.")) & list::CREDENTIAL, 0);
        assert_ne!(embedded.names(of_str("valium")) & list::DRUG, 0);
    }
}
