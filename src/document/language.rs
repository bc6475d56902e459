//! Which language an article is written in. Extraction is tuned for English;
//! other languages still get a record, flagged, so nothing is dropped.

use whatlang::Lang;

/// Characters sampled for detection: enough for a confident trigram
/// profile, bounded so long articles cost no more than short ones.
const SAMPLE_BYTES: usize = 2048;

/// The most frequent English function words. In English prose they make up
/// roughly 40–50 % of running words; in other languages written in Latin
/// script, a few percent at most.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as",
    "he", "by", "at", "be", "this", "are", "from", "have", "has", "had", "not", "but", "they",
    "his", "her", "she", "an", "which", "or", "will", "were", "been", "their", "its", "would",
    "said", "who", "we", "there", "also", "than", "more", "after", "into", "about", "over",
];
/// Share of function words above which a sample is English without further
/// analysis.
const ENGLISH_SHARE: f64 = 0.25;
/// Fewest words for the fast path to decide.
const MIN_FAST_WORDS: usize = 40;

/// Confidence of the trigram detector from which a language other than
/// English is believed for a text in Latin script.
const FOREIGN_CONFIDENCE: f64 = 0.5;

/// A detected language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Detected {
    /// ISO 639-1 code where one exists, else ISO 639-3.
    pub code: &'static str,
    /// 0.0–1.0, from the detector.
    pub confidence: f64,
    /// The text is surely not English, so the extractors that read English
    /// (names, quotes, keywords) leave it alone: a script other than Latin,
    /// or at least [`MIN_FAST_WORDS`] words of Latin script that the
    /// detector places elsewhere with [`FOREIGN_CONFIDENCE`] or more.
    /// Shorter Latin text is read as English whatever the code says: on a
    /// headline or a short paragraph the trigrams are a guess (English
    /// headlines of a few words come out French or Afrikaans at 0.5–0.9),
    /// and a table of names and numbers has too few words to tell.
    pub foreign: bool,
}

/// Detects the language of `text` from its first few kilobytes.
pub(crate) fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (words, english) = clearly_english(sample);
    if let Some(confidence) = english {
        return Some(Detected {
            code: "en",
            confidence,
            foreign: false,
        });
    }
    let info = whatlang::detect(sample)?;
    let code = iso639_1(info.lang());
    let foreign = code != "en"
        && (info.script() != whatlang::Script::Latin
            || (words >= MIN_FAST_WORDS && info.confidence() >= FOREIGN_CONFIDENCE));
    Some(Detected {
        code,
        confidence: (info.confidence() * 1000.0).round() / 1000.0,
        foreign,
    })
}

/// The words of `sample` (runs of ASCII letters), and the confidence that
/// it is English when its function-word share leaves no doubt; `None`
/// hands the decision to the trigram detector.
fn clearly_english(sample: &str) -> (usize, Option<f64>) {
    let mut words = 0usize;
    let mut function = 0usize;
    // Words are runs of ASCII letters; anything else separates them (a word
    // with accented letters is split, which only lowers the share).
    for w in sample.as_bytes().split(|b| !b.is_ascii_alphabetic()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.len() <= 5 && function_words().binary_search(&key(w)).is_ok() {
            function += 1;
        }
    }
    if words < MIN_FAST_WORDS {
        return (words, None);
    }
    let share = function as f64 / words as f64;
    let english =
        (share >= ENGLISH_SHARE).then(|| ((0.5 + share).min(1.0) * 1000.0).round() / 1000.0);
    (words, english)
}

/// A word of at most five ASCII letters as a number, lowercased, so the
/// function-word lookup is a binary search over integers.
fn key(word: &[u8]) -> u64 {
    word.iter()
        .fold(0u64, |k, b| (k << 8) | u64::from(b.to_ascii_lowercase()))
}

fn function_words() -> &'static [u64] {
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = ENGLISH_FUNCTION_WORDS
            .iter()
            .map(|w| key(w.as_bytes()))
            .collect();
        keys.sort_unstable();
        keys
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
    fn english_fast_path_leaves_other_latin_languages_to_trigrams() {
        let en = "The minister said on Tuesday that the talks with the union would continue, and that he was confident an agreement could be reached by the end of the month. It is the third round of talks this year, and the first since the strike was called off in the spring by the members.";
        assert!(clearly_english(en).1.is_some());
        let es = "El ministro dijo el martes que las conversaciones con el sindicato continuarían, y que confiaba en que se podría llegar a un acuerdo antes de fin de mes. Es la tercera ronda de conversaciones este año, y la primera desde que los miembros desconvocaron la huelga en la primavera.";
        assert!(clearly_english(es).1.is_none());
        let detected = detect(es).expect("es");
        assert_eq!(detected.code, "es");
        assert!(detected.foreign, "{detected:?}");
    }

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
        assert!(ru.foreign, "another script needs no length: {ru:?}");
        assert!(!en.foreign);
    }

    #[test]
    fn short_latin_text_is_read_as_english_whatever_the_trigrams_say() {
        for short in ["Bank chief quits after row", "Le Pen stays on as leader"] {
            let d = detect(short).expect("a guess");
            assert!(!d.foreign, "{short}: {d:?}");
        }
        let de = "Die Digitalisierung im Gesundheitswesen kommt nur langsam voran. Viele \
                  Krankenhäuser arbeiten noch mit Papierakten, und der Austausch von Befunden \
                  zwischen Praxen und Kliniken läuft oft über das Faxgerät. Das soll sich mit \
                  der elektronischen Patientenakte ändern, die alle Versicherten bekommen \
                  sollen, sagte die Ministerin am Dienstag in Berlin.";
        let d = detect(de).expect("de");
        assert_eq!(d.code, "de");
        assert!(d.foreign, "{d:?}");
    }
}
