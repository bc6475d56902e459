//! Link addresses made absolute against the page's own address, so a link
//! in the record still leads somewhere once the page is gone
//! (`/news/x` on `https://a.test/y` → `https://a.test/news/x`).

/// `href` resolved against `base` (an absolute `http(s)` address); `href`
/// unchanged when it is already absolute or `base` is not usable.
pub(crate) fn resolve(base: &str, href: &str) -> String {
    if has_scheme(href) {
        return href.to_string();
    }
    let Some((scheme, rest)) = base.split_once("://") else {
        return href.to_string();
    };
    if !matches!(scheme, "http" | "https") {
        return href.to_string();
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &base[..scheme.len() + 3 + host_end];
    let path_and_more = &rest[host_end..];
    let path = &path_and_more[..path_and_more
        .find(['?', '#'])
        .unwrap_or(path_and_more.len())];
    if let Some(h) = href.strip_prefix("//") {
        return format!("{scheme}://{h}");
    }
    if href.starts_with('/') {
        return format!("{origin}{}", normalize_path(href));
    }
    if href.starts_with('?') {
        return format!("{origin}{path}{href}");
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let joined = if dir.is_empty() {
        format!("/{href}")
    } else {
        format!("{dir}{href}")
    };
    format!("{origin}{}", normalize_path(&joined))
}

/// Whether `s` starts with a URL scheme (`https:`, `mailto:`…).
fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Removes `.` and `..` segments from an absolute path (query and fragment
/// kept as they are).
fn normalize_path(p: &str) -> String {
    let split = p.find(['?', '#']).unwrap_or(p.len());
    let (path, tail) = p.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}{tail}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_a_browser() {
        let base = "https://news.test/world/2024/story.html?x=1#top";
        assert_eq!(resolve(base, "https://o.test/a"), "https://o.test/a");
        assert_eq!(resolve(base, "mailto:a@b.test"), "mailto:a@b.test");
        assert_eq!(resolve(base, "//cdn.test/i"), "https://cdn.test/i");
        assert_eq!(resolve(base, "/about"), "https://news.test/about");
        assert_eq!(
            resolve(base, "other.html"),
            "https://news.test/world/2024/other.html"
        );
        assert_eq!(
            resolve(base, "../2023/old.html#p"),
            "https://news.test/world/2023/old.html#p"
        );
        assert_eq!(
            resolve(base, "./a/../b/"),
            "https://news.test/world/2024/b/"
        );
        assert_eq!(
            resolve(base, "?page=2"),
            "https://news.test/world/2024/story.html?page=2"
        );
        assert_eq!(resolve("https://news.test", "a"), "https://news.test/a");
        assert_eq!(
            resolve("https://news.test", "/../../a"),
            "https://news.test/a"
        );
        assert_eq!(resolve("not a url", "/a"), "/a");
        assert_eq!(resolve("ftp://x.test/", "/a"), "/a");
    }
}
