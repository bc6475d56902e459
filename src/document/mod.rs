//! Stage 1 — bytes → [`Document`]: decode, normalize, detect the format, parse
//! it into a clean body with paragraphs, sentences and links. Everything later
//! (extraction, the record) reads only the `Document`.

pub(crate) mod body;
mod byline;
mod conventions;
pub(crate) mod dateline;
pub(crate) mod decode;
pub(crate) mod feed;
pub(crate) mod footer;
pub(crate) mod format;
mod html;
pub(crate) mod language;
mod markdown;
pub(crate) mod normalize;
pub(crate) mod offsets;
mod plain;
mod references;
mod residue;
pub mod sentences;
pub(crate) mod words;

use std::ops::Range;

pub(crate) use decode::DecodeError;
pub use html::Tuning as HtmlTuning;

use crate::record::Format;
use crate::telemetry::labels::QuarantineReason;

/// A link whose anchor text sits at `range` (bytes) in the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocLink {
    pub url: String,
    pub range: Range<usize>,
}

/// Metadata a format carries outside the text (markdown front matter, HTML
/// meta tags and JSON-LD).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct FrontMatter {
    pub date: Option<dateline::StatedDate>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// An article read and normalized, independent of its source format.
/// Ranges are byte ranges into `body`.
#[derive(Debug, Clone)]
pub struct Document {
    pub(crate) format: Format,
    pub(crate) encoding: &'static str,
    pub(crate) encoding_confidence: f32,
    pub(crate) title: Option<String>,
    /// The article's own address, from a source footer or page metadata.
    pub(crate) url: Option<String>,
    /// The publication date the article states, and where it stated it
    /// ("dateline", "metadata").
    pub(crate) published: Option<(dateline::StatedDate, &'static str)>,
    pub(crate) authors: Vec<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) language: Option<language::Detected>,
    pub body: String,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    pub words: usize,
    pub(crate) links: Vec<DocLink>,
    pub(crate) truncated: bool,
    pub(crate) warnings: Vec<String>,
}

impl Document {
    /// Whether the body is surely in another language than English (see
    /// [`language::Detected::foreign`]): the extractors that read English
    /// then leave it alone.
    pub(crate) fn is_foreign(&self) -> bool {
        self.language.as_ref().is_some_and(|l| l.foreign)
    }

    /// How the body's numbers mark decimals: as its language does when it
    /// is surely not English, else with a point.
    pub(crate) fn decimal_mark(&self) -> crate::extract::numbers::DecimalMark {
        use crate::extract::numbers::DecimalMark;
        match &self.language {
            Some(l) if l.foreign => DecimalMark::of_language(l.code),
            _ => DecimalMark::Point,
        }
    }
}

/// Why a file could not become a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("the file is empty")]
    Empty,
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no text: the file holds only white space or markup")]
    NoText,
    /// A bug met on this input (a panic inside the reading or the
    /// extractors), caught so it costs this input only: the message says
    /// what failed, and the input is kept aside to report.
    #[error("internal error while extracting: {0}")]
    Internal(String),
}

impl DocumentError {
    /// Quarantine reason for this error (a folder name).
    pub(crate) fn reason(&self) -> QuarantineReason {
        match self {
            DocumentError::Empty => QuarantineReason::Empty,
            DocumentError::Decode(DecodeError::Binary(_)) => QuarantineReason::Binary,
            DocumentError::Decode(DecodeError::Undecodable(_)) => QuarantineReason::Undecodable,
            DocumentError::NoText => QuarantineReason::Empty,
            DocumentError::Internal(_) => QuarantineReason::InternalError,
        }
    }
}

/// Reads `bytes` as an article. `claimed` is the format the file name or the
/// caller claims; the content can overrule it (see [`format::detect`]).
pub fn read(bytes: &[u8], claimed: Option<Format>) -> Result<Document, DocumentError> {
    parse(decode_text(bytes)?, claimed)
}

/// Decodes and normalizes `bytes` (the "decode" stage).
pub(crate) fn decode_text(bytes: &[u8]) -> Result<decode::Decoded, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    let mut decoded = decode::decode(bytes)?;
    decoded.text = normalize::normalize(&decoded.text);
    Ok(decoded)
}

/// Parses decoded, normalized text into a document (the "parse" stage).
pub(crate) fn parse(
    decoded: decode::Decoded,
    claimed: Option<Format>,
) -> Result<Document, DocumentError> {
    let format = format::detect(claimed, &decoded.text);
    let parts = match format {
        Format::Text => {
            // Character references a scraper left (`&amp;`, `&#8217;`)
            // read as the characters they name, then normalized as the
            // rest of the text was (`&nbsp;` is a plain space).
            let text = references::decode(&decoded.text).map(|t| normalize::normalize(&t));
            let p = plain::parse(text.as_deref().unwrap_or(&decoded.text));
            Parts {
                title: p.title,
                builder: p.builder,
                links: Vec::new(),
                front: FrontMatter::default(),
                residue: p.residue,
            }
        }
        Format::Markdown => {
            let p = markdown::parse(&decoded.text);
            Parts {
                title: p.title,
                builder: p.builder,
                links: p.links,
                front: p.front,
                residue: 0,
            }
        }
        Format::Html => Parts::of_page(html::parse(&decoded.text)),
    };
    assemble(&decoded, format, parts)
}

/// Reads `bytes` as a web page once and extracts its article with each of
/// `tunings`, in order: how `eval html --cv` compares the HTML extractor's
/// thresholds without parsing a page once per setting.
pub fn read_html_tuned(
    bytes: &[u8],
    tunings: &[HtmlTuning],
) -> Result<Vec<Document>, DocumentError> {
    let decoded = decode_text(bytes)?;
    let page = html::Page::parse(&decoded.text);
    tunings
        .iter()
        .map(|t| assemble(&decoded, Format::Html, Parts::of_page(page.extract(t))))
        .collect()
}

/// What a format's parser hands on: the title, the body being built, its
/// links and the metadata outside the text.
struct Parts {
    title: Option<String>,
    builder: body::BodyBuilder,
    links: Vec<DocLink>,
    front: FrontMatter,
    /// Lines of page furniture the parser already took out.
    residue: usize,
}

impl Parts {
    /// A web page's parts, its metadata as front matter.
    fn of_page(p: html::Parsed) -> Parts {
        let front = FrontMatter {
            date: p
                .meta
                .published
                .as_deref()
                .and_then(dateline::metadata_date),
            authors: p.meta.authors,
            publisher: p.meta.publisher,
            url: p.meta.url,
        };
        Parts {
            title: p.title,
            builder: p.builder,
            links: p.links,
            front,
            residue: 0,
        }
    }
}

/// Finishes the body every format shares: source footer, head conventions
/// (dateline, byline), sentences, language and warnings.
fn assemble(
    decoded: &decode::Decoded,
    format: Format,
    parts: Parts,
) -> Result<Document, DocumentError> {
    let Parts {
        title,
        builder,
        mut links,
        front,
        mut residue,
    } = parts;
    let (mut body, mut paragraphs) = builder.finish();
    let url = footer::strip_source_footer(&mut body, &mut paragraphs, &mut links);
    // Saved web pages went through the HTML extractor's own boilerplate
    // removal; text (line by line, in `plain`) and markdown copies keep
    // whatever the scraper took.
    if format == Format::Markdown {
        residue += residue::strip(&mut body, &mut paragraphs, &mut links);
    }
    let head = conventions::take_head(&mut body, &mut paragraphs, &mut links);
    let published = head.published.or(front.date.map(|d| (d, "metadata")));
    let authors = if head.authors.is_empty() {
        front.authors
    } else {
        head.authors
    };
    if body.is_empty() && title.is_none() {
        return Err(DocumentError::NoText);
    }
    let sentences = sentences::split(&body);
    let words = words::count(&body);
    let mut warnings = Vec::new();
    let language = language::detect(&body);
    if let Some(l) = &language
        && l.code != "en"
    {
        warnings.push(if l.foreign {
            format!(
                "language is {}, not English: names are kept only where the places table or \
                 a known first name confirms them, and they are the keywords; no quotes",
                l.code
            )
        } else {
            format!(
                "language may be {} (confidence {}), too little text to tell: read as English",
                l.code, l.confidence
            )
        });
    }
    if residue > 0 {
        warnings.push(format!(
            "removed {residue} line{} of page furniture (share and listen buttons, \
             prompts, picture credits, advertisement labels)",
            if residue == 1 { "" } else { "s" }
        ));
    }
    let truncated = ends_mid_sentence(&body);
    if truncated {
        warnings.push("text ends mid-sentence".to_string());
    }
    if decoded.encoding != "utf-8" {
        warnings.push(format!("decoded as {}", decoded.encoding));
    }
    Ok(Document {
        format,
        encoding: decoded.encoding,
        encoding_confidence: decoded.confidence,
        title,
        url: url.or(front.url),
        published,
        authors,
        publisher: front.publisher,
        language,
        body,
        paragraphs,
        sentences,
        words,
        links,
        truncated,
        warnings,
    })
}

/// The text was cut off: it ends with an ellipsis, or without any
/// sentence-final punctuation.
fn ends_mid_sentence(body: &str) -> bool {
    let tail = body.trim_end();
    let tail = tail.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', '»']);
    let Some(last) = tail.chars().last() else {
        return false;
    };
    if tail.ends_with("...") || last == '…' {
        return true;
    }
    !matches!(last, '.' | '!' | '?' | '。' | '！' | '？')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_are_errors() {
        let reason = |bytes: &[u8]| read(bytes, None).map(|_| ()).map_err(|e| e.reason());
        assert_eq!(reason(b""), Err(QuarantineReason::Empty));
        assert_eq!(reason(b"  \n\n "), Err(QuarantineReason::Empty));
        assert_eq!(reason(b"ab\0cd"), Err(QuarantineReason::Binary));
        let bug = DocumentError::Internal("index out of bounds".into());
        assert_eq!(bug.reason(), QuarantineReason::InternalError);
        assert_eq!(
            bug.to_string(),
            "internal error while extracting: index out of bounds"
        );
    }

    #[test]
    fn truncation_warning() {
        let d = read(b"Title\nIt was going to be a long and", Some(Format::Text)).expect("doc");
        assert!(d.truncated);
        assert_eq!(d.warnings, vec!["text ends mid-sentence"]);
        let d = read(b"Title\nThe end was near and...", Some(Format::Text)).expect("doc");
        assert!(d.truncated);
        let d = read("Title\nHe said “yes.”".as_bytes(), Some(Format::Text)).expect("doc");
        assert!(!d.truncated);
    }

    #[test]
    fn single_line_without_newline_is_an_article() {
        let d = read(b"Just one line.", None).expect("doc");
        assert_eq!(d.body, "Just one line.");
        assert_eq!(d.sentences.len(), 1);
        assert_eq!(d.words, 3);
    }
}
