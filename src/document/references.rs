//! HTML character references left in plain text: a page copied out of a
//! scraper or a feed often keeps `&amp;`, `&#39;`, `&#8217;` or `&eacute;`
//! where the page meant `&`, `'`, `’` and `é`. Left alone they split words
//! (`Caf&#233;`), become keywords (`&amp`) and hide names from the
//! recognizer. Markdown and HTML decode their references in their own
//! parsers; this is the same decoding for plain text, kept strict so text
//! that merely holds an ampersand is never changed: a reference counts
//! only when it ends with `;` and names a character (one of HTML's named
//! references, or a decimal or hexadecimal code point).

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The longest reference decoded, `;` included (`&CounterClockwiseContourIntegral;`
/// is the longest name HTML defines; numeric ones are far shorter).
const LONGEST: usize = 34;

/// `text` with each complete character reference replaced by the character
/// it names; the text itself when it has none.
pub(crate) fn decode(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut run = 0; // start of the text not yet copied
    let mut from = 0;
    while let Some(at) = text[from..].find('&').map(|i| from + i) {
        from = at + 1;
        let Some((chars, len)) = reference(&text[at + 1..]) else {
            continue;
        };
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[run..at]);
        o.extend(chars.into_iter().flatten());
        run = at + 1 + len;
        from = run;
    }
    let mut o = out?;
    o.push_str(&text[run..]);
    Some(o)
}

/// The characters of the reference at the start of `rest` (the text after
/// an `&`) and its length up to and including its `;`.
fn reference(rest: &str) -> Option<([Option<char>; 2], usize)> {
    let end = rest
        .bytes()
        .take(LONGEST)
        .position(|b| b == b';' || !b.is_ascii_alphanumeric() && b != b'#')?;
    if rest.as_bytes()[end] != b';' || end == 0 {
        return None;
    }
    let body = &rest[..end];
    let chars = match body.strip_prefix('#') {
        Some(number) => [Some(code_point(number)?), None],
        None => {
            let &(first, second) = NAMED_ENTITIES.get(&rest[..=end])?;
            if first == 0 {
                // A prefix of a longer name, not a reference of its own.
                return None;
            }
            [
                char::from_u32(first),
                char::from_u32(second).filter(|&c| c != '\0'),
            ]
        }
    };
    Some((chars, end + 1))
}

/// The character of a numeric reference's digits (`233`, `x2019`), read
/// as HTML does: the code points 128–159 are Windows-1252's characters
/// (`&#146;` is `’`). None for what names no character (0, surrogates,
/// beyond U+10FFFF, not a number).
fn code_point(number: &str) -> Option<char> {
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        Some(_) => return None,
        None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
            number.parse().ok()?
        }
        None => return None,
    };
    if (0x80..0xA0).contains(&value) {
        return C1_REPLACEMENTS[(value - 0x80) as usize].or(char::from_u32(value));
    }
    char::from_u32(value).filter(|&c| c != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> String {
        decode(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn named_decimal_and_hexadecimal_references() {
        assert_eq!(decoded("AT&amp;T"), "AT&T");
        assert_eq!(decoded("Caf&#233; owner&#39;s"), "Café owner's");
        assert_eq!(decoded("it&#x2019;s &quot;fine&quot;"), "it’s \"fine\"");
        assert_eq!(
            decoded("&eacute;t&eacute; &mdash; 5&nbsp;km"),
            "été — 5\u{a0}km"
        );
        assert_eq!(decoded("&lt;b&gt;"), "<b>");
    }

    #[test]
    fn windows_1252_code_points_read_as_html_reads_them() {
        assert_eq!(decoded("don&#146;t"), "don’t");
        assert_eq!(decoded("&#150;"), "–");
    }

    #[test]
    fn text_that_only_holds_ampersands_is_unchanged() {
        for s in [
            "Procter & Gamble",
            "R&D spending",
            "AT&T",
            "Q&A;",
            "&amp",
            "&;",
            "&#;",
            "&#x;",
            "&#12a;",
            "&#0;",
            "&#xD800;",
            "&#99999999999;",
            "&notaname;",
            "&am;",
            "a & b; c",
            "ends with &",
        ] {
            assert_eq!(decode(s), None, "{s}");
        }
    }

    #[test]
    fn references_beside_multibyte_text() {
        assert_eq!(decoded("é&amp;é&#233;"), "é&éé");
        assert_eq!(decoded("&&amp;&"), "&&&");
    }
}
