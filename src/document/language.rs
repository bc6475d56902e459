//! Which language an article is written in. Extraction is tuned for English;
//! other languages still get a record, flagged, so nothing is dropped.

use whatlang::Lang;

/// Characters sampled for detection: enough for a confident trigram
/// profile, bounded so long articles cost no more than short ones.
const SAMPLE_BYTES: usize = 4096;

/// A detected language.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where one exists, else ISO 639-3.
    pub code: &'static str,
    /// 0.0–1.0, from the detector.
    pub confidence: f64,
}

/// Detects the language of `text` from its first few kilobytes.
pub fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    Some(Detected {
        code: iso639_1(info.lang()),
        confidence: (info.confidence() * 1000.0).round() / 1000.0,
    })
}

/// ISO 639-1 for every language whatlang knows (639-3 when there is none).
fn iso639_1(lang: Lang) -> &'static str {
    match lang.code() {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_russian() {
        let en = detect(
            "The president arrived in the capital on Tuesday for talks on trade and security.",
        )
        .expect("en");
        assert_eq!(en.code, "en");
        let ru = detect(
            "Президент прибыл в столицу во вторник для переговоров о торговле и безопасности.",
        )
        .expect("ru");
        assert_eq!(ru.code, "ru");
    }
}
