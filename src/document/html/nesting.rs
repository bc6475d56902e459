//! Caps element nesting before the page reaches the tree builder.
//!
//! The HTML tree builder answers "is an open `p` in scope?" by scanning its
//! stack of open elements, so a page nested tens of thousands of levels deep
//! (hostile, or broken markup that never closes its `div`s) costs quadratic
//! time. A quick scan of the tags finds pages that would nest deeper than
//! [`MAX_DEPTH`] and drops the tags past that depth, keeping their text; no
//! real page comes near the limit, so for them the text is returned as is.
//! Tags with absurdly many attributes lose their attributes the same way.

use std::borrow::Cow;

/// Deepest nesting kept; real pages stay well under 100.
pub(crate) const MAX_DEPTH: usize = 256;
/// How far down the stack an end tag looks for its start tag.
const END_TAG_REACH: usize = 512;
/// Most attributes kept on one tag: the tokenizer checks each new attribute
/// against the earlier ones, so thousands on one tag cost quadratic time.
/// Real tags carry a few dozen at most.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements the parser closes by itself when a sibling starts, so they do
/// not nest when their end tags are left out.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp",
];
/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

fn is_one_of(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// `html` with start and end tags past [`MAX_DEPTH`] removed (borrowed when
/// nothing had to be removed).
pub(crate) fn cap_depth(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    // Open elements: name and whether the start tag was kept.
    let mut stack: Vec<(&[u8], bool)> = Vec::new();
    let drop_tag = |out: &mut Option<String>, copied: &mut usize, start: usize, end: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        if let Some(kept) = html.get(*copied..start) {
            o.push_str(kept);
        }
        *copied = end;
    };
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        match rest.first() {
            Some(b'!') => {
                i = if rest.starts_with(b"!--") {
                    memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len(), |e| lt + 4 + e + 3)
                } else {
                    memchr::memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1)
                };
            }
            Some(b'?') => {
                i = memchr::memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
            }
            Some(b'/') => {
                let name = tag_name(&rest[1..]);
                let Some((end, _)) = tag_end(b, lt + 2 + name.len()) else {
                    break;
                };
                i = end;
                if name.is_empty() || is_one_of(name, VOID) || is_one_of(name, SELF_CLOSING) {
                    continue;
                }
                let reach = stack.len().saturating_sub(END_TAG_REACH);
                let found = stack[reach..]
                    .iter()
                    .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|p| reach + p);
                if let Some(k) = found {
                    let kept = stack[k].1;
                    stack.truncate(k);
                    if !kept {
                        drop_tag(&mut out, &mut copied, lt, end);
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(rest);
                let Some((end, attributes)) = tag_end(b, lt + 1 + name.len()) else {
                    break;
                };
                i = end;
                let self_closed = end >= 2 && b[end - 2] == b'/';
                let raw = is_one_of(name, RAW_TEXT);
                let nests =
                    !(raw || self_closed || is_one_of(name, VOID) || is_one_of(name, SELF_CLOSING));
                let kept = !nests || stack.len() < MAX_DEPTH;
                if !kept {
                    drop_tag(&mut out, &mut copied, lt, end);
                } else if attributes > MAX_ATTRIBUTES {
                    // Keep the element, without its attributes.
                    drop_tag(&mut out, &mut copied, lt, end);
                    if let (Some(o), Ok(name)) = (out.as_mut(), std::str::from_utf8(name)) {
                        o.push('<');
                        o.push_str(name);
                        o.push('>');
                    }
                }
                if nests {
                    stack.push((name, kept));
                }
                if raw {
                    i = raw_text_end(b, end, name);
                } else if name.eq_ignore_ascii_case(b"plaintext") {
                    break;
                }
            }
            _ => i = lt + 1,
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The tag name at the start of `b` (letters, digits, `-`, `:`).
fn tag_name(b: &[u8]) -> &[u8] {
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        .count();
    &b[..n]
}

/// Index just past the `>` closing the tag whose attributes start at `from`
/// (skipping quoted attribute values), and how many attributes it has.
fn tag_end(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    let mut attributes = 0;
    let mut in_space = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b'/' {
            in_space = true;
        } else if in_space && c != b'>' {
            attributes += 1;
            in_space = false;
        }
        match c {
            b'>' => return Some((i + 1, attributes)),
            b'=' => {
                in_space = false;
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                    i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Index of the `<` of the end tag `</name` after `from`, or the end.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        let candidate = &b[at + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div>\
                    <script>if (a < b) { x = '</div>'; }</script><!-- <div> --></body></html>";
        assert!(matches!(cap_depth(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_but_text_kept() {
        let html = "<div>".repeat(1000) + "deep text" + &"</div>".repeat(1000) + "<p>after</p>";
        let capped = cap_depth(&html);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("deep text"));
        assert!(capped.ends_with("<p>after</p>"));
    }

    #[test]
    fn attribute_floods_are_stripped() {
        let many: String = (0..1000).map(|i| format!(" a{i}=\"v > {i}\"")).collect();
        let html = format!("<div{many}>text</div><p class=x>y</p>");
        assert_eq!(cap_depth(&html), "<div>text</div><p class=x>y</p>");
    }

    #[test]
    fn quoted_brackets_and_unterminated_tags() {
        let html = r#"<div title="a > b">x</div><div"#;
        assert!(matches!(cap_depth(html), Cow::Borrowed(_)));
        let _ = cap_depth("<");
        let _ = cap_depth("<!--");
        let _ = cap_depth("</");
        let _ = cap_depth("<script>");
    }
}
