//! What an element is, judged without reading its text: its tag's role
//! (never text, inline, block), whether it is hidden, and the generic
//! vocabulary its `class`/`id` use for page chrome (navigation, comments,
//! sharing, related stories, cookie banners, ads) or for article content.
//!
//! The vocabulary is the widely used one from Arc90/Mozilla Readability,
//! plus a few equally generic words for newer chrome (cookie, consent,
//! newsletter, advert); nothing here names a particular site.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use html5ever::{LocalName, local_name};

use super::dom::{Dom, NodeId};

/// How an element's tag takes part in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// Never article text (scripts, styles, media, form controls, page chrome).
    Skip,
    /// Flows inside a paragraph (`a`, `em`, `span`…).
    Inline,
    /// Starts and ends a paragraph of its own (`p`, `div`, `li`…).
    Block,
}

/// The role of a tag in article text.
pub(crate) fn tag_kind(tag: &LocalName) -> TagKind {
    match *tag {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("svg")
        | local_name!("math")
        | local_name!("iframe")
        | local_name!("frame")
        | local_name!("frameset")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("applet")
        | local_name!("canvas")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("source")
        | local_name!("track")
        | local_name!("map")
        | local_name!("input")
        | local_name!("select")
        | local_name!("textarea")
        | local_name!("button")
        | local_name!("option")
        | local_name!("optgroup")
        | local_name!("datalist")
        | local_name!("label")
        | local_name!("dialog")
        | local_name!("menu")
        | local_name!("nav")
        | local_name!("aside")
        | local_name!("footer")
        | local_name!("header")
        | local_name!("head")
        | local_name!("title")
        | local_name!("meta")
        | local_name!("link")
        | local_name!("base")
        | local_name!("figcaption")
        | local_name!("picture") => TagKind::Skip,
        local_name!("a")
        | local_name!("abbr")
        | local_name!("acronym")
        | local_name!("b")
        | local_name!("bdi")
        | local_name!("bdo")
        | local_name!("big")
        | local_name!("cite")
        | local_name!("code")
        | local_name!("data")
        | local_name!("del")
        | local_name!("dfn")
        | local_name!("em")
        | local_name!("font")
        | local_name!("i")
        | local_name!("img")
        | local_name!("ins")
        | local_name!("kbd")
        | local_name!("mark")
        | local_name!("nobr")
        | local_name!("q")
        | local_name!("rp")
        | local_name!("rt")
        | local_name!("ruby")
        | local_name!("s")
        | local_name!("samp")
        | local_name!("small")
        | local_name!("span")
        | local_name!("strike")
        | local_name!("strong")
        | local_name!("sub")
        | local_name!("sup")
        | local_name!("time")
        | local_name!("tt")
        | local_name!("u")
        | local_name!("var")
        | local_name!("wbr") => TagKind::Inline,
        _ => TagKind::Block,
    }
}

/// Bits of [`vocabulary`]: which word families an element's `class`/`id` use.
pub(crate) mod word {
    /// Page chrome: likely not part of the article.
    pub(crate) const UNLIKELY: u8 = 1;
    /// Overrides [`UNLIKELY`]: the name also says content.
    pub(crate) const MAYBE: u8 = 2;
    /// Content containers (+25 to a candidate).
    pub(crate) const POSITIVE: u8 = 4;
    /// Chrome and side matter (−25 to a candidate).
    pub(crate) const NEGATIVE: u8 = 8;
    /// Bylines and datelines.
    pub(crate) const BYLINE: u8 = 16;
    /// Share and social buttons.
    pub(crate) const SHARE: u8 = 32;
    /// Image captions and credits.
    pub(crate) const CAPTION: u8 = 64;
    /// Publication dates and times.
    pub(crate) const DATE: u8 = 128;
}

/// Word families and the substrings (case-insensitive) that signal them.
const FAMILIES: &[(u8, &[&str])] = &[
    (
        word::UNLIKELY,
        &[
            "-ad-",
            "ad-break",
            "advert",
            "agegate",
            "banner",
            "breadcrumb",
            "comment",
            "community",
            "consent",
            "cookie",
            "cover-wrap",
            "disqus",
            "extra",
            "footer",
            "gdpr",
            "header",
            "legends",
            "menu",
            "newsletter",
            "pager",
            "pagination",
            "popup",
            "related",
            "remark",
            "replies",
            "rss",
            "shoutbox",
            "sidebar",
            "skyscraper",
            "social",
            "sponsor",
            "supplemental",
        ],
    ),
    (
        word::MAYBE,
        &[
            "and", "article", "body", "column", "content", "main", "shadow",
        ],
    ),
    (
        word::POSITIVE,
        &[
            "article",
            "blog",
            "body",
            "content",
            "entry",
            "h-entry",
            "hentry",
            "main",
            "page",
            "pagination",
            "post",
            "story",
            "text",
        ],
    ),
    (
        word::NEGATIVE,
        &[
            "-ad-",
            "advert",
            "banner",
            "com-",
            "comment",
            "contact",
            "cookie",
            "footer",
            "gdpr",
            "hidden",
            "masthead",
            "media",
            "meta",
            "newsletter",
            "outbrain",
            "promo",
            "related",
            "scroll",
            "share",
            "shopping",
            "shoutbox",
            "sidebar",
            "skyscraper",
            "sponsor",
            "taboola",
            "tags",
            "widget",
        ],
    ),
    (
        word::BYLINE,
        &["byline", "author", "dateline", "writtenby", "p-author"],
    ),
    (word::SHARE, &["share", "sharing", "social"]),
    (word::CAPTION, &["caption", "credit", "copyright"]),
    (
        word::DATE,
        &["date", "timestamp", "time-stamp", "posted-on", "published"],
    ),
];

/// Class names of text shown only to screen readers (Bootstrap, WordPress
/// and common CSS conventions): hidden from readers like `display:none`.
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "screenreader",
    "off-screen",
    "offscreen",
];

struct Vocabulary {
    matcher: AhoCorasick,
    /// Family bits of each pattern, by pattern index.
    bits: Vec<u8>,
}

static VOCABULARY: LazyLock<Option<Vocabulary>> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    for (family, words) in FAMILIES {
        for w in *words {
            match patterns.iter().position(|p| p == w) {
                Some(i) => bits[i] |= family,
                None => {
                    patterns.push(*w);
                    bits.push(*family);
                }
            }
        }
    }
    let matcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .ok()?;
    Some(Vocabulary { matcher, bits })
});

/// The word families (see [`word`]) that `text` (a class or id) contains.
pub(crate) fn families(text: &str) -> u8 {
    let Some(v) = VOCABULARY.as_ref() else {
        return 0;
    };
    let mut out = 0;
    for m in v.matcher.find_overlapping_iter(text) {
        out |= v.bits.get(m.pattern().as_usize()).copied().unwrap_or(0);
    }
    out
}

/// The word families of element `id`'s `class` and `id` attributes together.
pub(crate) fn vocabulary(dom: &Dom, id: NodeId) -> u8 {
    let class = dom.attr(id, "class").map_or(0, families);
    let ident = dom.attr(id, "id").map_or(0, families);
    class | ident
}

/// Readability's class weight: −25 per attribute (class, id) naming chrome,
/// +25 per attribute naming content.
pub(crate) fn class_weight(dom: &Dom, id: NodeId) -> i32 {
    let mut weight = 0;
    for name in ["class", "id"] {
        if let Some(v) = dom.attr(id, name) {
            let f = families(v);
            if f & word::NEGATIVE != 0 {
                weight -= 25;
            }
            if f & word::POSITIVE != 0 {
                weight += 25;
            }
        }
    }
    weight
}

/// Whether the page hides the element from readers (`hidden`,
/// `aria-hidden`, inline `display:none` / `visibility:hidden`, screen-reader
/// classes).
pub(crate) fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() {
        return true;
    }
    if dom.attr(id, "class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|c| {
            SCREEN_READER_ONLY.iter().any(|s| {
                c.as_bytes()
                    .get(..s.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(s.as_bytes()))
            })
        })
    }) {
        return true;
    }
    if dom
        .attr(id, "aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    dom.attr(id, "style").is_some_and(|style| {
        style.split(';').any(|decl| {
            let Some((prop, value)) = decl.split_once(':') else {
                return false;
            };
            let prop = prop.trim();
            let value = value.trim().trim_end_matches("!important").trim();
            (prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
                || (prop.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
        })
    })
}

/// ARIA roles that mark page chrome rather than the article.
pub(crate) fn is_chrome_role(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| {
            [
                "menu",
                "menubar",
                "complementary",
                "navigation",
                "alert",
                "alertdialog",
                "dialog",
                "banner",
                "contentinfo",
                "search",
            ]
            .iter()
            .any(|c| r.eq_ignore_ascii_case(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_of_names() {
        assert_eq!(families("site-footer"), word::UNLIKELY | word::NEGATIVE);
        assert_eq!(families("Article-Body"), word::MAYBE | word::POSITIVE);
        assert_eq!(families("share-tools"), word::NEGATIVE | word::SHARE);
        assert_eq!(families("byline"), word::BYLINE);
        assert_eq!(families("x"), 0);
    }

    #[test]
    fn hidden_and_roles() {
        let dom = Dom::parse(
            r#"<div id=a style="color:red; DISPLAY : none !important"></div><div id=b aria-hidden="true"></div><div id=c role="navigation"></div><div id=d style="display:block"></div>"#,
        );
        let by_id = |v: &str| {
            dom.descendants(super::super::dom::ROOT)
                .find(|&n| dom.attr(n, "id") == Some(v))
                .expect("element")
        };
        assert!(is_hidden(&dom, by_id("a")));
        assert!(is_hidden(&dom, by_id("b")));
        assert!(!is_hidden(&dom, by_id("d")));
        assert!(is_chrome_role(&dom, by_id("c")));
        assert!(!is_chrome_role(&dom, by_id("d")));
    }
}
