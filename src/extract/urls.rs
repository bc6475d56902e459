//! Bare URLs written in the text (outside markup links), which readers and
//! link-graph tools want as links too.

use crate::document::DocLink;
use crate::document::footer::find_url;

/// The `http(s)://` URLs in `body` not already inside one of its markup `links`.
pub(crate) fn bare(body: &str, links: &[DocLink]) -> Vec<DocLink> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = find_url(body, from) {
        from = found.end;
        let covered = links
            .iter()
            .any(|l| l.range.start <= found.start && found.end <= l.range.end);
        if !covered {
            out.push(DocLink {
                url: body[found.clone()].to_string(),
                range: found,
            });
        }
    }
    out
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
        let facts = crate::extract::extract(&doc, &crate::extract::Settings::default());
        assert_eq!(facts.links.len(), 1);
        assert_eq!(&doc.body[facts.links[0].range.clone()], "https://a.test/x");
    }
}
