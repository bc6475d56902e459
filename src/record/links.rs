//! The record's `links`: the document's markup links and the bare URLs the
//! extractor found in the text, in text order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::Locator;
use crate::document::DocLink;

/// A hyperlink with its anchor text located in the body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub text: String,
    pub url: String,
    pub start: usize,
    pub end: usize,
}

/// Both kinds of link, sorted by offset (then address).
pub(super) fn links(at: &Locator<'_>, markup: &[DocLink], bare: &[DocLink]) -> Vec<Link> {
    let mut links: Vec<Link> = markup
        .iter()
        .chain(bare)
        .map(|l| {
            let [start, end] = at.span(&l.range);
            Link {
                text: at.text(&l.range),
                url: l.url.clone(),
                start,
                end,
            }
        })
        .collect();
    links.sort_by(|a, b| (a.start, a.end, &a.url).cmp(&(b.start, b.end, &b.url)));
    links
}
