//! How common each word stem is in news: its document frequency in a
//! committed table built from public news corpora by
//! `wirewatch build-keyword-table` (see the README), so a word's rarity —
//! and with it the keywords of an article — does not depend on what else
//! the daemon has read.

use std::sync::LazyLock;

use crate::extract::entities::hash::FxMap;

/// `stem<TAB>documents`, after a `documents<TAB>N` line giving the corpus size.
const TABLE: &str = include_str!("../../../data/keywords/df.tsv");

/// The parsed table.
pub(crate) struct Background {
    /// Documents the table counts.
    documents: u32,
    /// Documents holding each stem (stems seen in fewer than the table's
    /// floor are absent: they are rare).
    df: FxMap<&'static str, u32>,
}

static EMBEDDED: LazyLock<Background> = LazyLock::new(|| Background::parse(TABLE));

impl Background {
    /// The committed table.
    pub(crate) fn embedded() -> &'static Background {
        &EMBEDDED
    }

    /// Reads the table's text; malformed lines are skipped (the table is
    /// committed and checked by a test).
    fn parse(text: &'static str) -> Background {
        let mut documents = 0;
        let mut df = FxMap::default();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((key, n)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else {
                continue;
            };
            if key == "documents" {
                documents = n;
            } else {
                df.insert(key, n);
            }
        }
        Background { documents, df }
    }

    /// Inverse document frequency of a stem: `ln((N + 1) / (df + 1)) + 1`,
    /// highest for a stem the table does not hold.
    pub(crate) fn idf(&self, stem: &str) -> f64 {
        let df = self.df.get(stem).copied().unwrap_or(0);
        (f64::from(self.documents + 1) / f64::from(df + 1)).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_table_reads() {
        let b = Background::embedded();
        assert!(b.documents > 10_000, "{}", b.documents);
        assert!(b.df.len() > 5_000);
        // Common words are commoner than specific ones.
        assert!(b.idf("compani") < b.idf("telecommun"));
        assert!(b.idf("zzzzqx") > b.idf("telecommun"));
    }
}
