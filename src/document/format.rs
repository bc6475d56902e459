//! Which parser an article needs: by extension first, then by sniffing the
//! text, because exports often carry the wrong extension (markdown in `.txt`,
//! a saved page in `.txt`).

use crate::record::Format;

/// The format an extension claims, if it claims one.
pub(crate) fn from_extension(ext: &str) -> Option<Format> {
    match ext.to_ascii_lowercase().as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// What a file is, by its extension, when it is a kind of document that is
/// not text (read as text, it would give a record of noise): the folder
/// ignores it, and a command refuses it with this name.
pub(crate) fn unsupported_kind(ext: &str) -> Option<&'static str> {
    Some(match ext.to_ascii_lowercase().as_str() {
        "pdf" => "a PDF document",
        "doc" | "docx" | "odt" | "rtf" | "pages" | "wpd" => "a word-processor document",
        "xls" | "xlsx" | "ods" | "numbers" => "a spreadsheet",
        "ppt" | "pptx" | "odp" | "key" => "a presentation",
        "epub" | "mobi" | "azw3" => "an e-book",
        "zip" | "gz" | "tgz" | "bz2" | "xz" | "zst" | "7z" | "rar" | "tar" => "an archive",
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "tif" | "tiff" | "bmp" | "heic" | "svg" => {
            "an image"
        }
        "mp3" | "wav" | "ogg" | "flac" | "m4a" | "mp4" | "mov" | "avi" | "mkv" | "webm" => {
            "audio or video"
        }
        "exe" | "dll" | "so" | "dylib" | "bin" | "iso" | "dmg" => "a binary",
        _ => return None,
    })
}

/// Why a file named on the command line is not read, when it is a kind of
/// document that is not text.
pub(crate) fn refusal(path: &std::path::Path) -> Option<String> {
    let kind = unsupported_kind(path.extension()?.to_str()?)?;
    Some(format!(
        "{} is {kind}, which wirewatch cannot read: it reads text, markdown, HTML and JSON feeds",
        path.display()
    ))
}

/// Decides the format from the extension's claim and the text itself. HTML is
/// recognised from any claim; markdown is recognised inside `.txt`.
pub(crate) fn detect(claimed: Option<Format>, text: &str) -> Format {
    let head = head(text, 2048);
    if looks_like_html(head) {
        return Format::Html;
    }
    match claimed {
        Some(Format::Html) if !looks_like_html(head) && !head.contains('<') => {
            if looks_like_markdown(text) {
                Format::Markdown
            } else {
                Format::Text
            }
        }
        Some(f @ (Format::Markdown | Format::Html)) => f,
        Some(Format::Text) | None => {
            if looks_like_markdown(text) {
                Format::Markdown
            } else {
                Format::Text
            }
        }
    }
}

fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn looks_like_html(head: &str) -> bool {
    let t = head.trim_start().to_ascii_lowercase();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<?xml") && t.contains("<html")
        || (t.starts_with('<') && (t.contains("<body") || t.contains("<head")))
}

/// Markdown shows itself by ATX headings, link syntax, autolinks or front
/// matter; two signals are needed unless it is a heading on the first line.
fn looks_like_markdown(text: &str) -> bool {
    let mut signals = 0;
    let mut first_content = true;
    for line in text.lines().take(400) {
        let l = line.trim_start();
        if l.is_empty() {
            continue;
        }
        let heading = l.starts_with('#') && {
            let hashes = l.bytes().take_while(|&b| b == b'#').count();
            hashes <= 6 && l[hashes..].starts_with(' ')
        };
        if heading && first_content {
            return true;
        }
        first_content = false;
        if heading {
            signals += 1;
        }
        if l.contains("](http") || l.contains("](#") || l.contains("](/") {
            signals += 1;
        }
        if l.contains("<http://") || l.contains("<https://") {
            signals += 1;
        }
        if signals >= 2 {
            return true;
        }
    }
    text.starts_with("---\n") && text[4..].contains("\n---")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(
            detect(Some(Format::Text), "Just text.\nMore."),
            Format::Text
        );
        assert_eq!(
            detect(Some(Format::Text), "\n\n# Title\n\nText"),
            Format::Markdown
        );
        assert_eq!(
            detect(
                Some(Format::Text),
                "<!DOCTYPE html><html><body>x</body></html>"
            ),
            Format::Html
        );
        assert_eq!(detect(Some(Format::Markdown), "plain"), Format::Markdown);
        assert_eq!(
            detect(None, "a [b](https://c) and <https://d>"),
            Format::Markdown
        );
    }
}
