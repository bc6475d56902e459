//! Markdown through a CommonMark parser: text without markup, the first
//! heading (or front-matter `title:`) as the title, links with their anchor
//! text located in the body.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::body::BodyBuilder;
use super::{DocLink, FrontMatter, dateline};

#[derive(Debug)]
pub(crate) struct Parsed {
    pub title: Option<String>,
    pub builder: BodyBuilder,
    pub links: Vec<DocLink>,
    pub front: FrontMatter,
}

struct OpenLink {
    url: String,
    start: Option<usize>,
    end: usize,
}

pub(crate) fn parse(text: &str) -> Parsed {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES;
    let mut builder = BodyBuilder::new();
    let mut title: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut in_metadata = false;
    let mut image_depth = 0usize;
    let mut link: Option<OpenLink> = None;
    let mut links = Vec::new();
    let mut seen_text = false;
    let mut front = FrontMatter::default();

    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => {
                let (t, f) = front_matter(&t);
                title = title.or(t);
                front = f;
            }
            Event::Start(Tag::Heading { .. }) if title.is_none() && !seen_text => {
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) if heading.is_some() => {
                let h = heading.take().unwrap_or_default();
                let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
                if !h.is_empty() {
                    title = Some(h);
                }
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) if heading.is_none() => {
                link = Some(OpenLink {
                    url: dest_url.to_string(),
                    start: None,
                    end: 0,
                });
            }
            Event::End(TagEnd::Link) => {
                if let Some(l) = link.take()
                    && let Some(start) = l.start
                {
                    links.push(DocLink {
                        url: l.url,
                        range: start..l.end,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if image_depth > 0 {
                    continue;
                }
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                    continue;
                }
                if let Some(range) = builder.push(&t) {
                    seen_text = true;
                    if let Some(l) = link.as_mut() {
                        l.start.get_or_insert(range.start);
                        l.end = range.end;
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = heading.as_mut() {
                    h.push(' ');
                } else {
                    builder.space();
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => builder.end_paragraph(),
            Event::End(TagEnd::TableCell) => builder.space(),
            Event::Start(Tag::Item) => builder.end_paragraph(),
            _ => {}
        }
    }
    Parsed {
        title,
        builder,
        links,
        front,
    }
}

/// The `key: value` lines of YAML front matter that describe an article.
fn front_matter(yaml: &str) -> (Option<String>, FrontMatter) {
    let mut title = None;
    let mut front = FrontMatter::default();
    let unquote = |v: &str| {
        v.trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim()
            .to_string()
    };
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value);
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => title = Some(value),
            "date" | "published" | "datepublished" | "pubdate" => {
                front.date = dateline::metadata_date(&value)
            }
            "author" | "authors" | "byline" => {
                front.authors = value
                    .trim_matches(['[', ']'])
                    .split([',', ';'])
                    .map(unquote)
                    .filter(|a| !a.is_empty())
                    .collect()
            }
            "publisher" | "source" | "site" => front.publisher = Some(value),
            "url" | "canonical" | "link" => front.url = Some(value),
            _ => {}
        }
    }
    (title, front)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_title_links_and_emphasis() {
        let p = parse(
            "# The Title\n\nSome *very* [linked text](https://x.test/a) here.\n\n- item one\n- item two\n",
        );
        assert_eq!(p.title.as_deref(), Some("The Title"));
        let (body, paras) = p.builder.finish();
        assert_eq!(body, "Some very linked text here.\n\nitem one\n\nitem two");
        assert_eq!(paras.len(), 3);
        assert_eq!(p.links.len(), 1);
        assert_eq!(&body[p.links[0].range.clone()], "linked text");
        assert_eq!(p.links[0].url, "https://x.test/a");
    }

    #[test]
    fn front_matter_title_and_autolink() {
        let p = parse(
            "---\ntitle: \"From Front Matter\"\ndate: 2022-06-30T10:00:00Z\nauthor: [Jane Doe, John Roe]\n---\n\nSee <https://a.test/b>.\n",
        );
        assert_eq!(p.title.as_deref(), Some("From Front Matter"));
        assert_eq!(p.front.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(
            p.front.date.map(|d| (d.year, d.month, d.day)),
            Some((Some(2022), 6, 30))
        );
        let (body, _) = p.builder.finish();
        assert_eq!(body, "See https://a.test/b.");
        assert_eq!(p.links[0].url, "https://a.test/b");
    }
}
