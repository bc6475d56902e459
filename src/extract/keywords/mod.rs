//! Keywords: the phrases and names an article is about, best first.
//!
//! Candidates ([`candidates`]) are the runs of content words between stop
//! words and punctuation in the title and each sentence (single words and
//! phrases of two or three words), and the names the entity recognizer
//! found. Each is keyed by the stems of its words, so inflections and
//! derivations of one word are one key ("optimization" / "optimize");
//! words with digits ("COVID-19", "G7") are words, numbers alone are not.
//! A candidate scores how likely a reader is to pick it: a logistic
//! [`model`] over its [`features`] — how often and where it occurs (the
//! headline and the lead count more), how rare its words are in news by
//! the committed background table ([`background`]), what kind of phrase it
//! is, whether it is a name. The result depends only on the text, so
//! records stay deterministic.

mod background;
mod candidates;
pub(crate) mod features;
pub(crate) mod model;
mod score;
pub(crate) mod stem;
mod stopwords;

use std::ops::Range;

use super::entities::Entity;

#[cfg(feature = "tools")]
pub(crate) use candidates::stems_of;
pub(crate) use stopwords::is_stop;

/// Keywords kept per article unless the configuration says otherwise
/// (`keywords.count`).
pub const DEFAULT_COUNT: usize = 10;

/// One keyword: the phrase as the article writes it and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The commonest written form (a name's fullest form).
    pub text: String,
    /// The stems of its words, space-separated: equal keys are one keyword.
    pub key: String,
    /// Relative weight, 1 for the best keyword of the article.
    pub score: f64,
}

/// The best `limit` keywords of an article: its `title` (when it has one,
/// outside the body), its `body` split into `sentences` and their `tokens`
/// (as the recognizer cut them: see
/// [`sentence_tokens`](super::entities::sentence_tokens)), and the
/// `entities` found in the body.
pub(crate) fn find(
    title: Option<&str>,
    body: &str,
    sentences: &[Range<usize>],
    tokens: &[Vec<Range<usize>>],
    entities: &[Entity],
    limit: usize,
) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let found = candidates::collect(title, body, sentences, tokens, entities);
    score::rank(&found, sentences.len(), limit, model::Model::embedded())
}

/// One candidate of an article as the model sees it, for fitting the model.
#[cfg(feature = "tools")]
pub(crate) struct Example {
    /// The stems of its words, space-separated (ties rank by it).
    pub key: String,
    /// The form a record would show.
    pub text: String,
    /// Its features, in the order of [`features::NAMES`].
    pub features: features::Vector,
}

/// Every rankable candidate of an article (arguments as for [`find`]).
#[cfg(feature = "tools")]
pub(crate) fn examples(
    title: Option<&str>,
    body: &str,
    sentences: &[Range<usize>],
    entities: &[Entity],
) -> Vec<Example> {
    let tokens = super::entities::sentence_tokens(body, sentences);
    let found = candidates::collect(title, body, sentences, &tokens, entities);
    score::featured(&found, sentences.len())
        .into_iter()
        .map(|(c, features)| Example {
            key: c
                .stems
                .iter()
                .map(|&i| found.lexicon.stem(i))
                .collect::<Vec<_>>()
                .join(" "),
            text: score::text(c),
            features,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document;
    use crate::record::Format;

    fn keywords(text: &str) -> Vec<String> {
        keywords_up_to(text, 10)
    }

    /// Every keyword the article yields (well past the ten of a record).
    fn find_all(text: &str) -> Vec<String> {
        keywords_up_to(text, 1000)
    }

    fn keywords_up_to(text: &str, count: usize) -> Vec<String> {
        let doc = document::read(text.as_bytes(), Some(Format::Text)).expect("doc");
        let tokens = crate::extract::entities::sentence_tokens(&doc.body, &doc.sentences);
        let entities = crate::extract::entities::find_in(&doc.body, &doc.sentences, &tokens);
        find(
            doc.title.as_deref(),
            &doc.body,
            &doc.sentences,
            &tokens,
            &entities,
            count,
        )
        .into_iter()
        .map(|k| k.text)
        .collect()
    }

    const ARTICLE: &str = "Regulators approve merger of two rail freight operators\n\n\
        Regulators on Tuesday approved the merger of two rail freight operators, \
        creating the largest rail freight company in the region. The merger, valued \
        at $12 billion, was opposed by shippers who said the combined company would \
        raise freight rates. The operators said they would optimize their networks and \
        keep every line open. Shippers said the optimization of networks usually means \
        closures. The G7 transport ministers discussed rail freight at their meeting, \
        where COVID-19 delays at ports were also on the agenda. The regulators said \
        they would monitor freight rates for five years.\n";

    #[test]
    fn phrases_and_names_best_first_without_stop_words() {
        let k = keywords(ARTICLE);
        assert_eq!(k.len(), 10, "{k:?}");
        let lower: Vec<String> = k.iter().map(|s| s.to_lowercase()).collect();
        assert!(lower.iter().any(|s| s.contains("freight")), "{k:?}");
        assert!(lower.iter().any(|s| s.contains("merger")), "{k:?}");
        for junk in ["said", "the", "tuesday", "would", "billion", "12"] {
            assert!(!lower.iter().any(|s| s == junk), "{junk} in {k:?}");
        }
    }

    #[test]
    fn digits_are_kept_and_derivations_are_one_key() {
        let k = keywords(ARTICLE);
        let all = find_all(ARTICLE);
        assert!(all.iter().any(|s| s == "G7"), "{all:?}");
        assert!(all.iter().any(|s| s == "COVID-19"), "{all:?}");
        let optim = all.iter().filter(|s| s.starts_with("optimi")).count();
        assert!(optim <= 1, "{all:?}");
        assert!(k.len() <= 10);
    }

    #[test]
    fn same_text_same_keywords_and_scores_fall() {
        let doc = document::read(ARTICLE.as_bytes(), Some(Format::Text)).expect("doc");
        let tokens = crate::extract::entities::sentence_tokens(&doc.body, &doc.sentences);
        let run = || {
            find(
                doc.title.as_deref(),
                &doc.body,
                &doc.sentences,
                &tokens,
                &[],
                10,
            )
        };
        let (a, b) = (run(), run());
        assert_eq!(a, b);
        assert_eq!(a[0].score, 1.0);
        assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
        let keys: std::collections::HashSet<&str> = a.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(keys.len(), a.len());
    }

    #[test]
    fn empty_text_has_no_keywords() {
        assert!(find(None, "", &[], &[], &[], 10).is_empty());
        assert!(find(Some("The and of"), "", &[], &[], &[], 10).is_empty());
    }
}
