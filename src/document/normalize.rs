//! Unicode normalization applied before any parsing, so every later stage sees
//! one spelling of the same text: NFC, LF line ends, plain spaces.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Returns `text` in NFC with `\r\n`/`\r` → `\n`, typographic and no-break
/// spaces → U+0020, tabs → space, and invisible characters (soft hyphen,
/// zero-width space, BOM, stray controls) removed. Curly quotes and dashes are kept.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0; // start of the pending run of unchanged text
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replacement = match c {
            ' '..='~' | '\n' => continue,
            c if c > '\u{FF}'
                && !matches!(
                    c,
                    '\u{1680}' | '\u{2000}'..='\u{2060}' | '\u{3000}' | '\u{FEFF}'
                ) =>
            {
                continue;
            }
            '\r' => {
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                Some('\n')
            }
            '\t' | '\u{000B}' | '\u{000C}' => Some(' '),
            '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => Some(' '),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => Some('\n'),
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => None,
            c if c.is_control() => None,
            _ => continue,
        };
        out.push_str(&text[run..i]);
        if let Some(r) = replacement {
            out.push(r);
        }
        run = chars.peek().map_or(text.len(), |&(j, _)| j);
    }
    out.push_str(&text[run..]);
    if out.is_ascii() || is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_invisibles() {
        assert_eq!(
            normalize("a\u{00A0}b\u{2009}c\u{00AD}d\r\ne\rf"),
            "a b cd\ne\nf"
        );
    }

    #[test]
    fn crlf_and_zero_width() {
        assert_eq!(
            normalize("a\r\n\r\nb\u{200B}c\u{2028}d\u{FEFF}"),
            "a\n\nbc\nd"
        );
        assert_eq!(normalize("plain ascii\n"), "plain ascii\n");
        assert_eq!(normalize("x\u{0001}y\u{0085}z"), "xy\nz");
    }

    #[test]
    fn composes_to_nfc_and_keeps_quotes() {
        assert_eq!(normalize("Cafe\u{0301} “x” ‘y’"), "Café “x” ‘y’");
    }
}
