//! Word counts by Unicode word segmentation (UAX #29), with an exact fast
//! path for ASCII text, which is most of what arrives and where the general
//! segmenter spends most of its time on table lookups.

use unicode_segmentation::UnicodeSegmentation;

/// Number of words in `text`, as `unicode_words()` counts them.
pub(crate) fn count(text: &str) -> usize {
    if text.is_ascii() {
        return count_ascii(text.as_bytes());
    }
    // Words never span white space, so each run between spaces is counted on
    // its own: the ASCII ones on the fast path, the others by the segmenter.
    text.split([' ', '\n'])
        .map(|chunk| {
            if chunk.is_ascii() {
                count_ascii(chunk.as_bytes())
            } else {
                chunk.unicode_words().count()
            }
        })
        .sum()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        _ => Class::Other,
    }
}

/// UAX #29 restricted to ASCII: letters, digits and '_' join (WB5, WB8–10,
/// WB13a/b); one of `. : '` between two letters joins (WB6/7); one of
/// `, ; . '` between two digits joins (WB11/12). A segment counts when it
/// holds a letter or digit.
fn count_ascii(b: &[u8]) -> usize {
    let mut words = 0;
    let mut i = 0;
    while i < b.len() {
        if class(b[i]) == Class::Other {
            i += 1;
            continue;
        }
        let mut alnum = false;
        loop {
            let c = class(b[i]);
            alnum |= matches!(c, Class::Letter | Class::Digit);
            let next = b.get(i + 1).copied();
            match next.map(class) {
                Some(Class::Other) => {
                    let sep = next.unwrap_or(b' ');
                    let after = b.get(i + 2).copied().map(class);
                    let joins = match (c, after) {
                        (Class::Letter, Some(Class::Letter)) => matches!(sep, b'.' | b':' | b'\''),
                        (Class::Digit, Some(Class::Digit)) => {
                            matches!(sep, b',' | b';' | b'.' | b'\'')
                        }
                        _ => false,
                    };
                    if joins {
                        i += 2;
                    } else {
                        i += 1;
                        break;
                    }
                }
                Some(_) => i += 1,
                None => {
                    i += 1;
                    break;
                }
            }
        }
        if alnum {
            words += 1;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(s: &str) {
        assert_eq!(
            count_ascii(s.as_bytes()),
            s.unicode_words().count(),
            "{s:?}"
        );
    }

    #[test]
    fn ascii_path_matches_uax29() {
        for s in [
            "",
            "a",
            "don't stop",
            "U.S. troops",
            "3.14 and 1,000,000 or 1;2",
            "e-mail a:b",
            "v1.2 a.1 1.a",
            "__init__ _ __",
            "it's 'quoted' here",
            "end.",
            "a..b 1..2",
            "x'y'z 9'9",
            "Mr. Smith's 25-year-old son",
            "a_1 1_a _a_",
            "...",
            "a.b.c.d",
        ] {
            check(s);
        }
        for s in ["£5m deal, 3.5% up", "naïve café's 1,5 €", "Ωmega-point ü.x"] {
            assert_eq!(count(s), s.unicode_words().count(), "{s:?}");
        }
        // Pseudo-random ASCII from a fixed seed, dense in joiners.
        let alphabet = b"ab9_ .,;:'-\n";
        let mut state = 0x2545F4914F6CDD1Du64;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..24 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize] as char);
            }
            check(&s);
        }
    }

    /// Characters the segmenter treats specially: joiners between letters or
    /// digits, white space and line breaks, and non-ASCII letters, digits,
    /// marks, joiners and emoji next to them.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::sample::select(b"ab9_ .,;:'\"-\n\r\t".map(char::from).to_vec()),
            1 => proptest::sample::select(vec![
                'é', 'ß', 'Ω', 'ж', '٣', '五', 'ー', '\u{0301}', '\u{200D}', '\u{200B}',
                '\u{00A0}', '\u{2019}', '\u{FE0F}', '😀', '€', '·', '\u{05D0}', '"',
            ]),
            1 => any::<char>(),
        ]
    }

    proptest! {
        /// The ASCII fast path counts as the segmenter does on any ASCII text.
        #[test]
        fn ascii_fast_path_agrees_with_uax29(s in "[ -~\t\n\r]{0,80}") {
            prop_assert_eq!(count_ascii(s.as_bytes()), s.unicode_words().count(), "{:?}", s);
        }

        /// Mixed text (ASCII runs beside non-ASCII ones, split at spaces)
        /// counts as the segmenter does on the whole text.
        #[test]
        fn count_agrees_with_uax29_on_mixed_text(
            chars in proptest::collection::vec(tricky_char(), 0..60)
        ) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(count(&s), s.unicode_words().count(), "{:?}", s);
        }

        /// Arbitrary Unicode text counts as the segmenter does.
        #[test]
        fn count_agrees_with_uax29_on_any_text(s in "\\PC{0,120}") {
            prop_assert_eq!(count(&s), s.unicode_words().count(), "{:?}", s);
        }
    }
}
