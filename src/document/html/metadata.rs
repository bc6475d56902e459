//! What a page says about itself outside the article text: JSON-LD
//! (`NewsArticle` and kin, also inside `@graph`), OpenGraph and `article:*`
//! properties, `<meta name=…>` conventions, `<link rel=canonical>`,
//! `<html lang>` and `<title>`. Values are kept as found (dates are not
//! parsed here); each field takes the first source that has it, in order of
//! how reliable publishers keep it.

use html5ever::local_name;
use serde_json::Value;

use super::dom::{Dom, ROOT};

/// Page metadata, each field from its most reliable source.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct HtmlMeta {
    /// Publication date-time as written (JSON-LD `datePublished`,
    /// `article:published_time`, `<meta name=date>`…).
    pub published: Option<String>,
    /// Last modification as written (`dateModified`, `article:modified_time`).
    pub modified: Option<String>,
    /// Author names (JSON-LD `author`, `<meta name=author>`…), without "By".
    pub authors: Vec<String>,
    /// The publication's name (JSON-LD `publisher`, `og:site_name`).
    pub publisher: Option<String>,
    /// The article's own address (canonical link, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    /// Language tag (`<html lang>`, JSON-LD `inLanguage`, `og:locale`).
    pub lang: Option<String>,
    /// The summary the page gives (JSON-LD, `og:description`, `<meta name=description>`).
    pub description: Option<String>,
    /// The headline as published (JSON-LD `headline`, `og:title`, `<title>`).
    pub headline: Option<String>,
}

/// Longest metadata value kept, in bytes: a guard against pages that stuff
/// whole articles into attributes.
const MAX_VALUE: usize = 2_000;
/// Most authors kept.
const MAX_AUTHORS: usize = 20;
/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "socialmediaposting",
];
/// Nodes visited per JSON-LD block, against adversarial documents.
const MAX_JSON_NODES: usize = 10_000;

/// Everything collected in one walk over the page, before choosing.
#[derive(Default)]
struct Found {
    title: Option<String>,
    html_lang: Option<String>,
    canonical: Option<String>,
    /// `(key, value)` of `<meta property|name|itemprop=key content=value>`, key lowercase.
    metas: Vec<(String, String)>,
    /// `datetime` of `<time itemprop=datePublished>` and similar.
    itemprop_times: Vec<(String, String)>,
    ld: Option<LdArticle>,
}

/// The fields of the first JSON-LD article object.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
    description: Option<String>,
    lang: Option<String>,
}

/// Collects the page's metadata. The returned title is the best headline
/// with any " | Site Name" suffix removed.
pub(crate) fn extract(dom: &Dom) -> (HtmlMeta, Option<String>) {
    let found = collect(dom);
    let meta_value = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            found
                .metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = found.ld.unwrap_or_default();
    let site_name = meta_value(&["og:site_name", "application-name"]);

    let published = ld
        .published
        .or_else(|| {
            meta_value(&[
                "article:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "article.published",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
                "dcterms.date",
                "parsely-pub-date",
                "sailthru.date",
                "og:published_time",
            ])
        })
        .or_else(|| time_with(&found.itemprop_times, "datepublished"));
    let modified = ld
        .modified
        .or_else(|| {
            meta_value(&[
                "article:modified_time",
                "datemodified",
                "og:updated_time",
                "dcterms.modified",
                "last-modified",
            ])
        })
        .or_else(|| time_with(&found.itemprop_times, "datemodified"));
    let mut authors = ld.authors;
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ] {
            for (k, v) in &found.metas {
                if k == key {
                    authors.extend(split_authors(v));
                }
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    dedup(&mut authors);
    authors.truncate(MAX_AUTHORS);
    let publisher = ld.publisher.or(site_name.clone());
    let url = found
        .canonical
        .or_else(|| meta_value(&["og:url"]))
        .or(ld.url)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://") || u.starts_with('/'));
    let lang = found
        .html_lang
        .or(ld.lang)
        .or_else(|| meta_value(&["og:locale", "content-language", "dc.language", "language"]))
        .map(|l| l.replace('_', "-"));
    let description = ld
        .description
        .or_else(|| meta_value(&["og:description", "description", "twitter:description"]));
    let headline = ld
        .headline
        .or_else(|| meta_value(&["og:title", "twitter:title"]))
        .or(found.title.clone());
    let title = headline
        .as_deref()
        .map(|h| strip_site_suffix(h, site_name.as_deref()))
        .or_else(|| {
            found
                .title
                .as_deref()
                .map(|t| strip_site_suffix(t, site_name.as_deref()))
        })
        .filter(|t| !t.is_empty());
    let meta = HtmlMeta {
        published,
        modified,
        authors,
        publisher,
        url,
        lang,
        description,
        headline,
    };
    (meta, title)
}

/// One pass over the document collecting every candidate source.
fn collect(dom: &Dom) -> Found {
    let mut found = Found::default();
    for id in dom.descendants(ROOT) {
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        match *tag {
            local_name!("html") => {
                if found.html_lang.is_none() {
                    found.html_lang = dom.attr(id, "lang").and_then(clean);
                }
            }
            local_name!("title") => {
                if found.title.is_none() {
                    found.title = clean(&dom.text_content(id));
                }
            }
            local_name!("link") => {
                let rel = dom.attr(id, "rel").unwrap_or_default();
                if found.canonical.is_none()
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    found.canonical = dom.attr(id, "href").and_then(clean);
                }
            }
            local_name!("meta") => {
                let key = dom
                    .attr(id, "property")
                    .or_else(|| dom.attr(id, "name"))
                    .or_else(|| dom.attr(id, "itemprop"))
                    .or_else(|| dom.attr(id, "http-equiv"));
                if let (Some(key), Some(value)) = (key, dom.attr(id, "content"))
                    && let Some(value) = clean(value)
                {
                    found.metas.push((key.trim().to_ascii_lowercase(), value));
                }
            }
            local_name!("time") => {
                if let (Some(prop), Some(dt)) = (dom.attr(id, "itemprop"), dom.attr(id, "datetime"))
                    && let Some(dt) = clean(dt)
                {
                    found.itemprop_times.push((prop.to_ascii_lowercase(), dt));
                }
            }
            local_name!("script") => {
                let is_ld = dom
                    .attr(id, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld && found.ld.is_none() {
                    found.ld = json_ld(&dom.text_content(id));
                }
            }
            _ => {}
        }
    }
    found
}

fn time_with(times: &[(String, String)], prop: &str) -> Option<String> {
    times
        .iter()
        .find(|(p, _)| p == prop)
        .map(|(_, v)| v.clone())
}

/// The article described by one JSON-LD block, if it describes one.
fn json_ld(text: &str) -> Option<LdArticle> {
    let text = text
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    let value: Value = serde_json::from_str(text).ok()?;
    // Every object, breadth-first through arrays, @graph and nested values,
    // with a budget so hostile documents stay cheap.
    let mut objects = Vec::new();
    let mut queue = std::collections::VecDeque::from([&value]);
    let mut visited = 0;
    while let Some(v) = queue.pop_front() {
        visited += 1;
        if visited > MAX_JSON_NODES {
            break;
        }
        match v {
            Value::Array(items) => queue.extend(items),
            Value::Object(map) => {
                objects.push(map);
                if let Some(g) = map.get("@graph") {
                    queue.push_back(g);
                }
                if let Some(m) = map.get("mainEntity") {
                    queue.push_back(m);
                }
            }
            _ => {}
        }
    }
    let by_id = |id: &str| {
        objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.len() > 1)
    };
    let article = objects.iter().find(|o| {
        types(o.get("@type"))
            .iter()
            .any(|t| ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()))
    })?;
    let string = |key: &str| article.get(key).and_then(plain_string);
    let name_of = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => clean(&unescape(s)),
            Value::Object(o) => o.get("name").and_then(plain_string).or_else(|| {
                let id = o.get("@id").and_then(Value::as_str)?;
                by_id(id)?.get("name").and_then(plain_string)
            }),
            _ => None,
        }
    };
    let mut authors = Vec::new();
    match article.get("author").or_else(|| article.get("creator")) {
        Some(Value::Array(items)) => authors.extend(items.iter().filter_map(name_of)),
        Some(v) => authors.extend(name_of(v)),
        None => {}
    }
    let authors = authors
        .iter()
        .flat_map(|a| split_authors(a))
        .collect::<Vec<_>>();
    let publisher = article.get("publisher").and_then(|p| match p {
        Value::Array(items) => items.iter().find_map(name_of),
        v => name_of(v),
    });
    let url = string("url").or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(s)) => clean(s),
        Some(Value::Object(o)) => o.get("@id").or_else(|| o.get("url")).and_then(plain_string),
        _ => None,
    });
    Some(LdArticle {
        headline: string("headline").or_else(|| string("name")),
        published: string("datePublished").or_else(|| string("dateCreated")),
        modified: string("dateModified"),
        authors,
        publisher,
        url,
        description: string("description"),
        lang: article.get("inLanguage").and_then(|l| match l {
            Value::String(s) => clean(s),
            Value::Object(o) => o.get("name").and_then(plain_string),
            _ => None,
        }),
    })
}

/// The `@type` value(s) of an object.
fn types(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A JSON string (or the first string of an array), entities decoded.
fn plain_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(&unescape(s)),
        Value::Array(items) => items.iter().find_map(plain_string),
        _ => None,
    }
}

/// Author names from one field: "By A, B and C" → ["A", "B", "C"];
/// profile URLs are not names.
fn split_authors(field: &str) -> Vec<String> {
    let field = field.trim();
    let field = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| field.strip_prefix(p))
        .unwrap_or(field);
    field
        .split([',', ';', '|'])
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" & ")))
        .filter_map(clean)
        .filter(|a| {
            !a.contains("://") && !a.starts_with("www.") && a.chars().any(char::is_alphabetic)
        })
        .collect()
}

fn dedup(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|a| seen.insert(a.to_lowercase()));
}

/// White space collapsed; `None` when empty; cut to [`MAX_VALUE`] bytes.
fn clean(s: &str) -> Option<String> {
    let mut out = String::new();
    for word in s.split_whitespace() {
        if out.len() + word.len() + 1 > MAX_VALUE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// Removes a trailing (or leading) site name from a page title:
/// "Storm hits coast | The Daily Planet" → "Storm hits coast". The site name
/// is recognised when it equals `og:site_name`, or otherwise when the title
/// splits on a spaced separator and the part kept is clearly the headline
/// (it has at least four words and is the longest part).
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " // ", " « ", " » ",
    ];
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(head) = title
                .strip_suffix(site)
                .and_then(|h| h.trim_end().strip_suffix(sep.trim()))
            {
                let head = head.trim_end();
                if !head.is_empty() {
                    return head.to_string();
                }
            }
            if let Some(tail) = title
                .strip_prefix(site)
                .and_then(|t| t.trim_start().strip_prefix(sep.trim()))
            {
                let tail = tail.trim_start();
                if !tail.is_empty() {
                    return tail.to_string();
                }
            }
        }
    }
    for sep in SEPARATORS {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        let Some(longest) = parts.iter().copied().max_by_key(|p| p.chars().count()) else {
            continue;
        };
        let first = parts[0];
        let last = parts[parts.len() - 1];
        // The headline leads ("Headline | Site") far more often than it trails.
        let candidate = if first == longest || first.split_whitespace().count() >= 4 {
            parts[..parts.len() - 1].join(sep)
        } else if last == longest {
            parts[1..].join(sep)
        } else {
            continue;
        };
        if candidate.split_whitespace().count() >= 4 {
            return candidate;
        }
    }
    title.to_string()
}

/// Decodes the HTML character references JSON-LD producers leave in strings.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .get(1..)
            .and_then(|r| r.find(';').filter(|&e| e <= 10).map(|e| (e, &r[..e])))
            .and_then(|(e, entity)| decode_entity(entity).map(|c| (e, c)));
        match decoded {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e + 2..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> (HtmlMeta, Option<String>) {
        extract(&Dom::parse(html))
    }

    #[test]
    fn json_ld_graph_with_arrays_and_references() {
        let (m, title) = meta(
            r##"<html lang="en-GB"><head><title>Storm hits coast | Planet</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Planet"},
              {"@type":["NewsArticle","Article"],"headline":"Storm hits the coast &amp; towns",
               "datePublished":"2024-03-01T10:00:00Z","dateModified":"2024-03-02T08:00:00Z",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@id":"#p2"}],
               "publisher":{"@type":"Organization","name":"The Daily Planet"},
               "mainEntityOfPage":{"@id":"https://planet.test/storm"},
               "description":"A storm."},
              {"@type":"Person","@id":"#p2","name":"John Roe"}]}</script>
            </head><body><p>x</p></body></html>"##,
        );
        assert_eq!(m.headline.as_deref(), Some("Storm hits the coast & towns"));
        assert_eq!(title.as_deref(), Some("Storm hits the coast & towns"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2024-03-02T08:00:00Z"));
        assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(m.publisher.as_deref(), Some("The Daily Planet"));
        assert_eq!(m.url.as_deref(), Some("https://planet.test/storm"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.description.as_deref(), Some("A storm."));
    }

    #[test]
    fn json_ld_top_level_array_and_string_author() {
        let (m, _) = meta(
            r#"<script type="application/ld+json">
            [{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"A post","author":"By Ann Lee and Bo Chan",
              "url":"https://b.test/post","publisher":"B Blog"}]</script><p>x</p>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("A post"));
        assert_eq!(m.authors, vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(m.url.as_deref(), Some("https://b.test/post"));
        assert_eq!(m.publisher.as_deref(), Some("B Blog"));
    }

    #[test]
    fn opengraph_meta_and_canonical() {
        let (m, title) = meta(
            r#"<html><head><title>Ignored title - Site</title>
            <meta property="og:title" content="Council approves new budget">
            <meta property="og:site_name" content="Town News">
            <meta property="og:url" content="https://town.test/og">
            <meta property="og:locale" content="en_US">
            <meta property="article:published_time" content="2023-05-04T09:30:00+01:00">
            <meta name="author" content="Mary Major; Tom Minor">
            <meta name="description" content="The budget.">
            <link rel="canonical" href="https://town.test/budget">
            <script type="application/ld+json">{not json</script>
            </head><body></body></html>"#,
        );
        assert_eq!(title.as_deref(), Some("Council approves new budget"));
        assert_eq!(m.published.as_deref(), Some("2023-05-04T09:30:00+01:00"));
        assert_eq!(m.authors, vec!["Mary Major", "Tom Minor"]);
        assert_eq!(m.publisher.as_deref(), Some("Town News"));
        assert_eq!(m.url.as_deref(), Some("https://town.test/budget"));
        assert_eq!(m.lang.as_deref(), Some("en-US"));
        assert_eq!(m.description.as_deref(), Some("The budget."));
    }

    #[test]
    fn meta_date_and_title_fallback() {
        let (m, title) = meta(
            r#"<head><title>Rain expected all week across the region | Weather Desk</title>
            <meta name="date" content="2021-01-02"></head>
            <body><time itemprop="dateModified" datetime="2021-01-03">Jan 3</time></body>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2021-01-02"));
        assert_eq!(m.modified.as_deref(), Some("2021-01-03"));
        assert_eq!(
            title.as_deref(),
            Some("Rain expected all week across the region")
        );
        assert!(m.authors.is_empty());
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(strip_site_suffix("A - B", None), "A - B");
        assert_eq!(
            strip_site_suffix("Site | Markets fall for a third day", None),
            "Markets fall for a third day"
        );
        assert_eq!(
            strip_site_suffix("Markets fall — Reuters", Some("Reuters")),
            "Markets fall"
        );
        assert_eq!(
            strip_site_suffix("Well-known co-founder steps down", None),
            "Well-known co-founder steps down"
        );
    }
}
