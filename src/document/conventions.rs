//! Conventions of exported articles around the text itself: a date line and
//! a byline at the top, a wire dateline opening the first paragraph, a
//! wire credit line naming the reporters at the end. Date and byline
//! paragraphs are metadata: they leave the body.

use std::ops::Range;

use super::DocLink;
use super::body::remove_paragraph;
use super::byline;
use super::dateline::{self, StatedDate};

/// How many leading paragraphs may hold a date line or byline.
const HEAD_PARAGRAPHS: usize = 3;

/// What the head of an article said about it.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Head {
    /// A date line or wire dateline, and which.
    pub published: Option<(StatedDate, &'static str)>,
    pub authors: Vec<String>,
}

/// Finds and removes date-line and byline paragraphs at the top of the body;
/// reads a wire dateline from the first paragraph (which stays).
pub(crate) fn take_head(
    body: &mut String,
    paragraphs: &mut Vec<Range<usize>>,
    links: &mut Vec<DocLink>,
) -> Head {
    let mut head = Head::default();
    let mut i = 0;
    while i < paragraphs.len().min(HEAD_PARAGRAPHS) && paragraphs.len() > 1 {
        let text = &body[paragraphs[i].clone()];
        if head.published.is_none()
            && let Some(d) = dateline::date_line(text)
        {
            head.published = Some((d, "dateline"));
            remove_paragraph(body, paragraphs, links, i);
            continue;
        }
        if head.authors.is_empty()
            && let Some(b) = byline::read(text)
        {
            head.authors = b.authors;
            if head.published.is_none() {
                head.published = b.date.map(|d| (d, "byline"));
            }
            remove_paragraph(body, paragraphs, links, i);
            continue;
        }
        if text.contains('\n')
            && let Some(lines) = head_lines(text)
        {
            for line in lines {
                match line {
                    HeadLine::Date(d) if head.published.is_none() => {
                        head.published = Some((d, "dateline"));
                    }
                    HeadLine::Byline(b) if head.authors.is_empty() => {
                        head.authors = b.authors;
                        if head.published.is_none() {
                            head.published = b.date.map(|d| (d, "byline"));
                        }
                    }
                    _ => {}
                }
            }
            remove_paragraph(body, paragraphs, links, i);
            continue;
        }
        if head.published.is_none()
            && let Some(d) = dateline::wire_dateline(text)
        {
            head.published = Some((d, "dateline"));
        }
        i += 1;
    }
    // Wire copy without a byline credits its reporters in a last line,
    // which stays in the body (its names are the article's).
    if head.authors.is_empty()
        && let Some(last) = paragraphs.last()
        && let Some(authors) = byline::credits(&body[last.clone()])
    {
        head.authors = authors;
    }
    head
}

/// One line of a head paragraph.
enum HeadLine {
    Date(StatedDate),
    Byline(byline::Byline),
}

/// The lines of a paragraph whose every line is a byline or a date line
/// ("By Jane Doe and John Roe" / "Published Sept. 30, 2023"); `None`
/// when a line is neither.
fn head_lines(text: &str) -> Option<Vec<HeadLine>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            dateline::date_line(line)
                .map(HeadLine::Date)
                .or_else(|| byline::read(line).map(HeadLine::Byline))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_byline_leave_the_body() {
        let mut body = "June 30, 2022\n\nBy Jane Doe\n\nThe text begins here.".to_string();
        let mut paras = vec![0..13, 15..26, 28..49];
        let head = take_head(&mut body, &mut paras, &mut Vec::new());
        assert_eq!(body, "The text begins here.");
        assert_eq!(paras, vec![0..21]);
        assert_eq!(head.authors, vec!["Jane Doe"]);
        assert_eq!(head.published.map(|p| p.0.day), Some(30));
    }

    #[test]
    fn a_wire_credit_line_gives_the_authors_and_stays() {
        let mut body = "Shares fell.\n\n(Reporting by Jo Park; Editing by Max Poe)".to_string();
        let mut paras = vec![0..12, 14..body.len()];
        let head = take_head(&mut body, &mut paras, &mut Vec::new());
        assert_eq!(head.authors, vec!["Jo Park"]);
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn wire_dateline_stays_in_the_text() {
        let mut body = "MOSCOW, June 30 (Reuters) - Russia said.\n\nMore.".to_string();
        let mut paras = vec![0..40, 42..47];
        let head = take_head(&mut body, &mut paras, &mut Vec::new());
        assert_eq!(paras.len(), 2);
        assert_eq!(
            head.published.map(|p| (p.0.month, p.0.year)),
            Some((6, None))
        );
    }

    #[test]
    fn byline_and_date_on_lines_of_one_paragraph() {
        let text = "By Tom Becker and Aisha Rahman\nPublished Sept. 30, 2023";
        let mut body = format!("{text}\n\nThe Senate voted.");
        let mut paras = vec![0..text.len(), text.len() + 2..body.len()];
        let head = take_head(&mut body, &mut paras, &mut Vec::new());
        assert_eq!(body, "The Senate voted.");
        assert_eq!(head.authors, vec!["Tom Becker", "Aisha Rahman"]);
        assert_eq!(
            head.published.map(|p| (p.0.year, p.0.month, p.0.day)),
            Some((Some(2023), 9, 30))
        );
        // A paragraph with a line of text is not a head.
        let text = "By the end of the day\nprices had fallen.";
        let mut body = format!("{text}\n\nMore.");
        let mut paras = vec![0..text.len(), text.len() + 2..body.len()];
        let head = take_head(&mut body, &mut paras, &mut Vec::new());
        assert!(head.authors.is_empty());
        assert_eq!(paras.len(), 2);
    }
}
