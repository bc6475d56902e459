//! Bytes → text. Files come from anywhere (Windows exports, old scrapers), so the
//! encoding is never assumed: BOM first, then strict UTF-8, then UTF-16 without a
//! BOM, then a statistical guess among legacy encodings.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Text decoded from a file, with how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decoded {
    pub text: String,
    /// WHATWG label of the encoding used, lowercase (e.g. "utf-8", "windows-1252").
    pub encoding: &'static str,
    /// How sure the decoder is: 1.0 for a BOM or valid UTF-8, lower for guesses.
    pub confidence: f32,
}

/// Why bytes could not become article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary content: {0}")]
    Binary(String),
    #[error("undecodable: {0}")]
    Undecodable(String),
}

/// Fewer non-ASCII bytes than this are too little evidence for chardetng.
const MIN_EVIDENCE_BYTES: usize = 8;
/// Confidence reported for a statistical guess among legacy encodings.
const GUESS_CONFIDENCE: f32 = 0.8;
/// Share of control characters above which decoded text is not prose.
const MAX_CONTROL_RATIO: f64 = 0.02;
/// Share of U+FFFD replacements above which a guessed decoding is rejected.
const MAX_REPLACEMENT_RATIO: f64 = 0.01;

/// Decodes `bytes` to a `String`, or says why it is not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), encoding, 1.0, had_errors);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), encoding, 0.9, had_errors);
    }
    if let Some(pos) = memchr_nul(bytes) {
        return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_controls(bytes)?;
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "utf-8",
            confidence: 1.0,
        });
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let encoding = if non_ascii < MIN_EVIDENCE_BYTES {
        // A handful of high bytes in English text is not enough for a
        // statistical guess; Windows-1252 is by far the likeliest source.
        WINDOWS_1252
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    finish(text.into_owned(), encoding, GUESS_CONFIDENCE, had_errors)
}

/// The control-character check of [`finish`] on valid UTF-8, at byte level:
/// C0 controls are single bytes, C1 controls are `C2 80`–`C2 9F`.
fn check_controls(bytes: &[u8]) -> Result<(), DecodeError> {
    let mut controls = 0usize;
    let mut chars = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            chars += 1;
        }
        match b {
            b'\n' | b'\r' | b'\t' | 0x0C => {}
            0x00..=0x1F | 0x7F => controls += 1,
            0xC2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) => controls += 1,
            _ => {}
        }
    }
    if chars > 0 && controls as f64 / chars as f64 > MAX_CONTROL_RATIO {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in {chars}"
        )));
    }
    Ok(())
}

fn finish(
    text: String,
    encoding: &'static Encoding,
    confidence: f32,
    had_errors: bool,
) -> Result<Decoded, DecodeError> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut replacements = 0usize;
    for c in text.chars() {
        chars += 1;
        match c {
            '\u{FFFD}' => replacements += 1,
            '\n' | '\r' | '\t' | '\u{000C}' => {}
            '\0' => return Err(DecodeError::Binary("NUL character in decoded text".into())),
            c if c.is_control() => controls += 1,
            _ => {}
        }
    }
    if chars > 0 && controls as f64 / chars as f64 > MAX_CONTROL_RATIO {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in {chars}"
        )));
    }
    if had_errors && chars > 0 && replacements as f64 / chars as f64 > MAX_REPLACEMENT_RATIO {
        return Err(DecodeError::Undecodable(format!(
            "{replacements} invalid sequences as {}",
            encoding.name()
        )));
    }
    Ok(Decoded {
        text,
        encoding: label(encoding),
        confidence: if had_errors {
            confidence * 0.5
        } else {
            confidence
        },
    })
}

fn label(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "UTF-8" => "utf-8",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        "windows-1252" => "windows-1252",
        "ISO-8859-2" => "iso-8859-2",
        "KOI8-R" => "koi8-r",
        "KOI8-U" => "koi8-u",
        "Shift_JIS" => "shift_jis",
        "EUC-JP" => "euc-jp",
        "EUC-KR" => "euc-kr",
        "GBK" => "gbk",
        "gb18030" => "gb18030",
        "Big5" => "big5",
        "windows-1251" => "windows-1251",
        other => leak_lowercase(other),
    }
}

/// encoding_rs names are `'static`; a handful of rarer ones are lowercased once.
fn leak_lowercase(name: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let Ok(mut map) = cache.lock() else {
        return name;
    };
    map.entry(name)
        .or_insert_with(|| Box::leak(name.to_ascii_lowercase().into_boxed_str()))
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// UTF-16 without a BOM shows as a zero byte in every other position for
/// Latin text; detect that pattern on the first few kilobytes.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(UTF_16LE)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_is() {
        let d = decode("Ünïcode £5".as_bytes()).expect("decode");
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text, "Ünïcode £5");
    }

    #[test]
    fn lone_latin1_pound_falls_back_to_windows_1252() {
        let d = decode(b"a \xa315.8m signing from Parma").expect("decode");
        assert_eq!(d.text, "a £15.8m signing from Parma");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn koi8r_russian_is_detected() {
        let text = "Президент России прибыл в Душанбе с государственным визитом. Переговоры продлятся два дня.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
        let d = decode(&bytes).expect("decode");
        assert_eq!(d.text, text);
        assert!(d.encoding.starts_with("koi8"), "{}", d.encoding);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Hello, world. Tajikistan’s GDP.";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).expect("bom").text, text);
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = decode(&be).expect("no bom");
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "utf-16be");
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            decode(b"abc\0\x01\x02def"),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn control_heavy_text_is_binary() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary(_))));
    }
}
