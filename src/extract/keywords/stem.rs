//! Word stems: the Snowball English stemmer (Porter's second algorithm), so
//! inflections and derivations of one word make one key ("optimization",
//! "optimize" → "optim") and the background table and the article agree.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The stem of a lowercase word; curly apostrophes read as straight ones.
pub(crate) fn stem(lower: &str) -> String {
    if lower.contains('’') {
        return STEMMER.stem(&lower.replace('’', "'")).into_owned();
    }
    STEMMER.stem(lower).into_owned()
}

/// The key of a phrase: the stems of its lowercase words, space-separated.
pub(crate) fn phrase_key(text: &str) -> String {
    let mut key = String::new();
    for w in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&stem(&w.to_lowercase()));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivations_share_a_stem() {
        assert_eq!(stem("optimization"), stem("optimize"));
        assert_eq!(stem("acquisitions"), stem("acquisition"));
        assert_eq!(phrase_key("Interest  Rates"), "interest rate");
    }
}
