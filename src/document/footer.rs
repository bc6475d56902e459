//! Exports end with a line naming the article's address ("Original url: …",
//! "Source: …"). That line is metadata, not text: it becomes the record's
//! `url` and leaves the body, so it cannot be mistaken for the last sentence.

use std::ops::Range;

use super::DocLink;

/// Labels that introduce the article's own address.
const SOURCE_LABELS: &[&str] = &[
    "original url",
    "original article",
    "original",
    "source url",
    "source",
    "canonical",
    "canonical url",
    "url",
    "link",
    "permalink",
    "originally published at",
];

/// Finds the next `http(s)://` URL in `text` at or after `from`; trailing
/// sentence punctuation is not part of it.
pub(crate) fn find_url(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = &text[from..];
    let start = [rest.find("http://"), rest.find("https://")]
        .into_iter()
        .flatten()
        .min()?;
    let tail = &rest[start..];
    let mut end = tail
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
        .unwrap_or(tail.len());
    while let Some(last) = tail[..end].chars().last() {
        let unbalanced = last == ')' && !tail[..end].contains('(');
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '*' | '_'
        ) || unbalanced
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    let scheme = if tail.starts_with("https://") { 8 } else { 7 };
    (end > scheme).then(|| from + start..from + start + end)
}

/// If the last paragraph is `Label: URL` and nothing else, removes it from
/// the body and returns the URL.
pub(crate) fn strip_source_footer(
    body: &mut String,
    paragraphs: &mut Vec<Range<usize>>,
    links: &mut Vec<DocLink>,
) -> Option<String> {
    let last = paragraphs.last()?.clone();
    let text = &body[last.clone()];
    let (label, value) = text.split_once(':')?;
    let label = label.trim().trim_matches(['*', '_']).trim().to_lowercase();
    if !SOURCE_LABELS.contains(&label.as_str()) {
        return None;
    }
    let value_start = last.start + label_len(text, value);
    let url = find_url(body, value_start)?;
    let leftover = body[value_start..url.start]
        .trim_matches(|c: char| c.is_whitespace() || "<(*_".contains(c))
        .len()
        + body[url.end..last.end]
            .trim_matches(|c: char| c.is_whitespace() || ">)*_.".contains(c))
            .len();
    if leftover > 0 {
        return None;
    }
    let found = body[url].to_string();
    let last_index = paragraphs.len() - 1;
    super::body::remove_paragraph(body, paragraphs, links, last_index);
    Some(found)
}

fn label_len(text: &str, value: &str) -> usize {
    text.len() - value.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_boundaries() {
        let t = "see https://a.test/x_(y). and (http://b.test/z), ok";
        let u: Vec<&str> = [find_url(t, 0), find_url(t, 30)]
            .into_iter()
            .flatten()
            .map(|r| &t[r])
            .collect();
        assert_eq!(u, vec!["https://a.test/x_(y)", "http://b.test/z"]);
    }

    #[test]
    fn strips_only_a_pure_footer() {
        let mut body = "Text here.\n\nOriginal url: <https://n.test/a>".to_string();
        let mut paras = vec![0..10, 12..body.len()];
        let mut links = vec![DocLink {
            url: "https://n.test/a".into(),
            range: 27..43,
        }];
        let url = strip_source_footer(&mut body, &mut paras, &mut links);
        assert_eq!(url.as_deref(), Some("https://n.test/a"));
        assert_eq!(body, "Text here.");
        assert!(links.is_empty());

        let mut body = "Source: https://n.test/a says more things".to_string();
        let mut paras = Vec::new();
        paras.push(0..body.len());
        assert!(strip_source_footer(&mut body, &mut paras, &mut Vec::new()).is_none());
    }
}
