//! Saved web pages → article text. This reader keeps the text of block
//! elements and drops scripts, styles and page chrome (navigation, header,
//! footer, aside, forms); the `<title>` becomes the title.

use super::body::BodyBuilder;

#[derive(Debug)]
pub struct Parsed {
    pub title: Option<String>,
    pub builder: BodyBuilder,
}

/// Elements whose whole content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "head",
];
/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "dd",
    "dt",
    "figure",
    "figcaption",
];

pub fn parse(html: &str) -> Parsed {
    let mut builder = BodyBuilder::new();
    let mut title = None;
    let mut skip: Vec<String> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_empty() {
                builder.push(&unescape(rest));
            }
            break;
        };
        if skip.is_empty() && lt > 0 {
            builder.push(&unescape(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "title" && !closing && title.is_none() {
            if let Some(end) = rest.to_ascii_lowercase().find("</title") {
                let t = unescape(&rest[..end]);
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    title = Some(t);
                }
            }
            continue;
        }
        if SKIPPED.contains(&name.as_str()) {
            if closing {
                if let Some(pos) = skip.iter().rposition(|s| *s == name) {
                    skip.truncate(pos);
                }
            } else if !tag.ends_with('/') {
                skip.push(name);
            }
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            builder.end_paragraph();
        }
    }
    Parsed { title, builder }
}

fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| c == ';' || c.is_whitespace() || c == '&');
        match end {
            Some(e) if rest.as_bytes()[e + 1] == b';' => {
                let entity = &rest[1..e + 1];
                match decode_entity(entity) {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[..e + 2]),
                }
                rest = &rest[e + 2..];
            }
            _ => {
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
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_blocks_drops_chrome() {
        let p = parse(
            "<html><head><title>T &amp; U</title><style>x{}</style></head><body><nav>Menu</nav><p>First <b>bold</b> para.</p><p>Second&nbsp;one.</p><script>var a;</script><footer>c</footer></body></html>",
        );
        assert_eq!(p.title.as_deref(), Some("T & U"));
        let (body, _) = p.builder.finish();
        assert_eq!(body, "First bold para.\n\nSecond one.");
    }
}
