//! The record's `links`: the document's markup links and the bare URLs the
//! extractor found in the text, in text order.

use super::Link;
use super::place::Locator;
use crate::document::DocLink;

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
