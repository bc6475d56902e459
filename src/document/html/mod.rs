//! Saved web pages → article text and page metadata.
//!
//! The page is parsed as a browser would (html5ever into an arena DOM), its
//! metadata read from JSON-LD, OpenGraph and meta tags, and its main text
//! found with a Readability-style content score: navigation, ads, comments,
//! related-story lists, share bars and cookie banners are left out;
//! paragraphs, list items, block quotes and subheadings are kept. When the
//! strict pass finds too little text, Readability's heuristics are relaxed
//! one at a time and the longest result wins.

mod analysis;
mod boilerplate;
mod clean;
mod dom;
mod metadata;
mod nesting;
mod readability;
mod render;
mod tuning;
mod urls;

pub(crate) use metadata::HtmlMeta;
pub use tuning::Tuning;

use analysis::{Analysis, Flags};
use dom::Dom;
use render::Rendered;

use super::DocLink;
use super::body::BodyBuilder;

/// An article read from a web page.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The headline (JSON-LD, OpenGraph or `<title>`, site name removed).
    pub title: Option<String>,
    /// The main text, paragraph by paragraph.
    pub builder: BodyBuilder,
    /// Links inside the main text, at their anchor text's byte range.
    pub links: Vec<DocLink>,
    /// What the page says about itself (dates, authors, canonical URL…).
    pub meta: HtmlMeta,
}

/// Parses a web page into its title, main text, links and metadata. Never
/// fails: a page without an article gives an empty body.
pub(crate) fn parse(text: &str) -> Parsed {
    Page::parse(text).extract(&Tuning::SHIPPED)
}

/// A web page parsed once, to extract its article with any [`Tuning`]
/// (the daemon's, or each of a grid when cross-validating).
pub(crate) struct Page {
    dom: Dom,
    meta: HtmlMeta,
    title: Option<String>,
    vocab: Vec<u8>,
}

impl Page {
    /// Parses the page as a browser would and reads its metadata.
    pub(crate) fn parse(text: &str) -> Page {
        let dom = Dom::parse(text);
        let (meta, title) = metadata::extract(&dom);
        let title = title.or_else(|| first_heading(&dom));
        let vocab = analysis::vocabulary(&dom);
        Page {
            dom,
            meta,
            title,
            vocab,
        }
    }

    /// The page's article as `tuning` finds it: the strict pass, then
    /// Readability's heuristics relaxed one at a time while the text is
    /// shorter than `tuning.min_article_chars`; the longest result wins.
    pub(crate) fn extract(&self, tuning: &Tuning) -> Parsed {
        let dom = &self.dom;
        let mut best: Option<Rendered> = None;
        for flags in Flags::ATTEMPTS {
            let mut a = Analysis::new(dom, flags, &self.vocab);
            let selection = readability::select(dom, &a, tuning);
            let removed = clean::clean(dom, &mut a, &selection.roots, tuning.link_paragraph_chars);
            let r = render::render(dom, &a, &removed, &selection.roots, self.title.as_deref());
            if r.chars >= tuning.min_article_chars {
                best = Some(r);
                break;
            }
            if best.as_ref().is_none_or(|b| r.chars > b.chars) {
                best = Some(r);
            }
        }
        let Rendered {
            builder, mut links, ..
        } = best.unwrap_or_else(|| Rendered {
            builder: BodyBuilder::new(),
            links: Vec::new(),
            chars: 0,
        });
        let meta = self.meta.clone();
        if let Some(base) = &meta.url {
            for l in &mut links {
                l.url = urls::resolve(base, &l.url);
            }
        }
        Parsed {
            title: self.title.clone(),
            builder,
            links,
            meta,
        }
    }
}

/// The first `<h1>`'s text, when the page has no better title.
fn first_heading(dom: &Dom) -> Option<String> {
    let h1 = dom.find(&html5ever::local_name!("h1"))?;
    let t = dom.text_content(h1);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        parse(html).builder.finish().0
    }

    /// Fails unless none of `chrome` is left in `text`.
    fn assert_dropped(text: &str, chrome: &[&str]) {
        for c in chrome {
            assert!(!text.contains(c), "{c} in {text}");
        }
    }

    const ARTICLE: &str = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools, roads and parks by four percent.</p>\
        <p>Opponents said the plan, drafted in a hurry, leaves too little for emergencies, and promised to challenge it at the next meeting.</p>\
        <p>The mayor, who proposed the budget in March, called the vote a victory for residents, and said work on the roads would start in May.</p>\
        <p>Residents at the meeting, some of whom had waited for hours, applauded the result, though several asked for a vote on the bridge.</p>";

    #[test]
    fn keeps_the_article_and_drops_chrome() {
        let html = format!(
            r#"<html><head><title>Budget approved | Town News</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="cookie-banner">We use cookies to improve your experience, accept them all please.</div>
            <header><h1>Budget approved</h1></header>
            <div class="share-bar"><a href="https://share.test">Share on social media</a></div>
            <article><h1>Budget approved</h1>{ARTICLE}
              <h2>What happens next</h2>
              <ul><li>Road works begin in May, starting with the bridge.</li><li>Schools get new books.</li></ul>
              <blockquote>“This is a good day for the town,” the mayor said.</blockquote>
            </article>
            <div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Another story about the town</a></li><li><a href="/b">Yet another story</a></li></ul></div>
            <div id="comments"><p>Great news, I think, and about time too, honestly, really!</p></div>
            <footer>© Town News. All rights reserved, everywhere, forever, and ever.</footer>
            <script>var x = "not text";</script></body></html>"#
        );
        let text = body(&html);
        assert!(text.starts_with("The council voted"), "{text}");
        assert!(text.contains("\n\nWhat happens next\n\n"), "{text}");
        assert!(text.contains("Road works begin in May"), "{text}");
        assert!(text.contains("a good day for the town"), "{text}");
        assert_dropped(
            &text,
            &[
                "Home",
                "cookies",
                "Share on",
                "Related",
                "Another story",
                "Great news",
                "rights",
                "not text",
                "Budget approved",
            ],
        );
    }

    #[test]
    fn drops_captions_credits_dates_bylines_and_pointers() {
        let html = format!(
            r#"<body><div class="article-body">
            <div class="byline">By Jane Doe</div>
            <time class="published" datetime="2024-03-01">March 1, 2024</time>
            <span class="sr-only">Advertisement</span>
            {ARTICLE}
            <figure><img src="a.jpg"><figcaption>The council chamber on Tuesday.</figcaption><cite>Photo: Agency</cite></figure>
            <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">The mayor, smiling, at the meeting.</p></div>
            <p>READ MORE: <a href="/other">Council approves last year's budget after long debate</a></p>
            <p>The budget now goes to the state, which has thirty days to review it, as the law requires.</p>
            <h2>Comments</h2>
            <div class="author-bio"><p>Jane Doe covers the town hall, schools and roads for the paper, and has done so since 2010, when she joined from a regional daily.</p></div>
            </div></body>"#
        );
        let text = body(&html);
        assert!(text.contains("thirty days to review it"), "{text}");
        assert_dropped(
            &text,
            &[
                "Jane Doe",
                "March 1",
                "Advertisement",
                "chamber",
                "Agency",
                "smiling",
                "READ MORE",
                "Comments",
            ],
        );
    }

    #[test]
    fn joins_parts_split_by_ads() {
        let html = format!(
            r#"<body><div class="layout">
            <div class="story-part">{ARTICLE}</div>
            <div class="ad-slot"><a href="/ad">Buy now</a></div>
            <div class="story-part"><p>Part two of the story continues here, after the advertisement, with more detail.</p></div>
            </div><div class="more"><a href="/a">Elsewhere</a></div></body>"#
        );
        let text = body(&html);
        assert!(text.starts_with("The council voted"), "{text}");
        assert!(text.ends_with("with more detail."), "{text}");
        assert!(
            !text.contains("Buy now") && !text.contains("Elsewhere"),
            "{text}"
        );
    }

    #[test]
    fn links_point_into_the_body() {
        let html = format!(
            r##"<head><link rel="canonical" href="https://town.test/news/budget"></head><body><div class="content">{ARTICLE}<p>Read the <a href="/docs/budget.pdf">full budget document</a> online, or <a href="#top">go up</a>, as most residents did.</p></div></body>"##
        );
        let p = parse(&html);
        let (text, _) = p.builder.finish();
        assert_eq!(p.links.len(), 1);
        assert_eq!(p.links[0].url, "https://town.test/docs/budget.pdf");
        assert_eq!(&text[p.links[0].range.clone()], "full budget document");
    }

    #[test]
    fn text_in_divs_and_line_breaks() {
        let html = "<body><div id=story>First paragraph of the story, which is long enough to count as one.<br><br>Second paragraph, after two line breaks, which also reads like article prose.<br>And a third line, to be sure, closing the article.</div></body>";
        let p = parse(html);
        let (text, paragraphs) = p.builder.finish();
        assert!(text.starts_with("First paragraph"), "{text}");
        assert_eq!(paragraphs.len(), 3, "{text}");
    }

    #[test]
    fn title_prefers_metadata() {
        let p = parse(
            r#"<head><title>Site | Something else entirely, much longer than the headline</title>
            <meta property="og:title" content="Storm hits coast"></head><body><p>Text.</p></body>"#,
        );
        assert_eq!(p.title.as_deref(), Some("Storm hits coast"));
        let p = parse("<body><h1>Only a heading</h1><p>Some text.</p></body>");
        assert_eq!(p.title.as_deref(), Some("Only a heading"));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let deep = "<div>".repeat(50_000)
            + "<p>deep text, with a comma, and more</p>"
            + &"</div>".repeat(10);
        assert!(body(&deep).contains("deep text"));
        let tables = "<table><tr><td>".repeat(2_000) + "cell";
        let _ = body(&tables);
        for junk in [
            "",
            "<",
            "<<<>>>",
            "</p></div></body></html>",
            "<html><body><a href=",
            "\u{0}\u{1}<p>\u{FFFD}</p>",
            "<svg><p>x</p></svg><math><mi>y</mi></math>",
            "<template><p>t</p></template><table><p>misnested</table>",
            "<script type=\"application/ld+json\">[[[[[[[[[[[[[[</script>",
        ] {
            let _ = parse(junk);
        }
        let nested_lists = "<ul><li>".repeat(20_000);
        let _ = body(&nested_lists);
    }
}
