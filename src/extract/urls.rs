//! Bare URLs written in the text (outside markup links), which readers and
//! link-graph tools want as links too.

use super::{Extractor, Facts};
use crate::document::footer::find_url;
use crate::document::{DocLink, Document};

/// Finds `http(s)://` URLs in the body not already inside a markup link.
pub struct BareUrls;

impl Extractor for BareUrls {
    fn name(&self) -> &'static str {
        "urls"
    }

    fn extract(&self, doc: &Document, facts: &mut Facts) {
        let mut from = 0;
        while let Some(found) = find_url(&doc.body, from) {
            from = found.end;
            let covered = doc
                .links
                .iter()
                .any(|l| l.range.start <= found.start && found.end <= l.range.end);
            if !covered {
                facts.links.push(DocLink {
                    url: doc.body[found.clone()].to_string(),
                    range: found,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Format;

    #[test]
    fn bare_urls_and_footer() {
        let doc = crate::document::read(
            b"Headline\nSee https://a.test/x, then stop.\nOriginal url: https://news.test/2022/06/30/story-a1\n",
            Some(Format::Text),
        )
        .expect("doc");
        assert_eq!(
            doc.url.as_deref(),
            Some("https://news.test/2022/06/30/story-a1")
        );
        assert!(!doc.truncated);
        let facts = crate::extract::Chain::standard().run(&doc);
        assert_eq!(facts.links.len(), 1);
        assert_eq!(&doc.body[facts.links[0].range.clone()], "https://a.test/x");
    }
}
