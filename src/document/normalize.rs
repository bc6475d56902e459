//! Unicode normalization applied before any parsing, so every later stage sees
//! one spelling of the same text: NFC, LF line ends, plain spaces.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Returns `text` in NFC with `\r\n`/`\r` → `\n`, typographic and no-break
/// spaces → U+0020, tabs → space, and invisible characters (soft hyphen,
/// zero-width space, BOM, stray controls) removed. Curly quotes and dashes are kept.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' | '\u{000B}' | '\u{000C}' => out.push(' '),
            '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
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
    fn composes_to_nfc_and_keeps_quotes() {
        assert_eq!(normalize("Cafe\u{0301} “x” ‘y’"), "Café “x” ‘y’");
    }
}
