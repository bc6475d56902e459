//! Word statistics learned without labels (by `wirewatch train-clusters`)
//! from news text of other years than the labelled data: a word-cluster
//! path for each frequent word, and how often each word is capitalized in
//! mid-sentence. These carry the recognizer past the names it was trained
//! on: a new surname lands in the cluster of surnames, a new company in the
//! cluster of companies.

use std::sync::LazyLock;

use super::hash::{FxMap, of_str};

/// `word<TAB>a.b.c`: the lowercase word's cluster at three depths.
const CLUSTERS: &str = include_str!("../../../data/ner/clusters.tsv");
/// `word<TAB>k`: how often the lowercase word is written capitalized in
/// mid-sentence, in five steps (0 never … 4 always).
const CAPS: &str = include_str!("../../../data/ner/caps.tsv");

/// Cluster ids at the three depths (coarse, middle, fine), unique across depths.
pub(crate) type ClusterPath = [u16; 3];

/// The two tables, keyed by the hash of the lowercase word.
pub struct Lexicon {
    clusters: FxMap<u64, ClusterPath>,
    caps: FxMap<u64, u8>,
}

static EMBEDDED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(CLUSTERS, CAPS));

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
    }
}
