//! Bylines: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe,
//! Reuters", "By Jane Doe, 12 March 2005", "By Jane Doe | March 12, 2005";
//! and the credit line wire copy ends on ("(Reporting by Jane Doe in
//! Paris; Editing by John Roe)").

use super::dateline::{self, StatedDate};

/// Longest paragraph still taken for a byline.
const MAX_BYLINE_WORDS: usize = 16;

/// What a byline paragraph says: who wrote the article, and when, if it
/// is dated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    pub date: Option<StatedDate>,
}

/// The byline a paragraph is, or `None` if it is not one.
pub(crate) fn read(paragraph: &str) -> Option<Byline> {
    let text = paragraph.trim().trim_matches(['*', '_']).trim();
    if !text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && !text.starts_with("Written by ")
    {
        return None;
    }
    if text.split_whitespace().nth(MAX_BYLINE_WORDS).is_some() {
        return None;
    }
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .or_else(|| text.strip_prefix("BY "))
        .or_else(|| text.strip_prefix("Written by "))?;
    // The date, when one ends the line after a separator ("…, 12 March 2005").
    let (names, date) = match trailing_date(rest) {
        Some((at, date)) => (&rest[..at], Some(date)),
        None => (rest, None),
    };
    // The names end at a separator or with their line ("By Jane Doe and
    // John Roe\nWASHINGTON, March 20, 2024").
    let names = names.split(['|', '—', '–', '\n']).next().unwrap_or(names);
    let mut authors = Vec::new();
    for part in names.split([',', '&']).flat_map(|p| p.split(" and ")) {
        let name = without_place(part.trim().trim_end_matches('.'));
        if name.is_empty() {
            continue;
        }
        if !looks_like_name(name) || is_affiliation(name) {
            // "By Jane Doe, Reuters", "By Jane Doe, KFF Health News": an
            // affiliation ends the list.
            if authors.is_empty() {
                return None;
            }
            break;
        }
        authors.push(name.to_string());
    }
    (!authors.is_empty()).then_some(Byline { authors, date })
}

/// The reporters a wire credit line names: "(Reporting by Jane Doe in
/// Paris and John Roe; Additional reporting by Ann Lee; Editing by Max
/// Poe)" gives Jane Doe, John Roe and Ann Lee ("Writing by" counts too;
/// editors are not authors). `None` when the paragraph is no such line.
pub(crate) fn credits(paragraph: &str) -> Option<Vec<String>> {
    let text = paragraph.trim();
    let inner = text.strip_prefix('(')?.strip_suffix(')')?;
    if !inner.starts_with("Reporting by ") && !inner.starts_with("Writing by ") {
        return None;
    }
    let mut authors = Vec::new();
    for part in inner.split(';') {
        let part = part.trim();
        let Some(names) = ["Reporting by ", "Additional reporting by ", "Writing by "]
            .iter()
            .find_map(|p| part.strip_prefix(p))
        else {
            continue;
        };
        for name in names.split(',').flat_map(|p| p.split(" and ")) {
            let name = without_place(name.trim());
            if looks_like_name(name) && !is_affiliation(name) && !authors.iter().any(|a| a == name)
            {
                authors.push(name.to_string());
            }
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// A reporter's name without the place they write from: "Jane Doe in
/// Paris" is Jane Doe, and so is "Jane Doe WASHINGTON" (a dateline in
/// capitals on the byline's next line, the lines joined).
fn without_place(part: &str) -> &str {
    let name = match part.split_once(" in ") {
        Some((name, place)) if place.trim_start().starts_with(char::is_uppercase) => name.trim(),
        _ => part,
    };
    let mut end = name.len();
    loop {
        let head = name[..end].trim_end();
        let Some((rest, last)) = head.rsplit_once(' ') else {
            break;
        };
        let capitals = last.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && last.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && !matches!(last, "III" | "VIII");
        if !capitals || rest.split_whitespace().count() < 2 {
            break;
        }
        end = rest.len();
    }
    name[..end].trim_end()
}

/// A date line that ends `text` after a separator (a comma, a bar, a
/// dash): where the separator is and the date.
fn trailing_date(text: &str) -> Option<(usize, StatedDate)> {
    text.match_indices([',', '|', '—', '–', '·', '/'])
        .map(|(at, sep)| (at, at + sep.len()))
        .find_map(|(at, after)| dateline::date_line(&text[after..]).map(|d| (at, d)))
        .or_else(|| {
            // A date line after a space or a line break: the byline and
            // its date were two lines of one paragraph ("By Jane Doe
            // Published Sept. 30, 2023", "By Jane Doe Sept. 30, 2023").
            text.char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .find_map(|(at, c)| {
                    dateline::date_line(&text[at + c.len_utf8()..]).map(|d| (at, d))
                })
        })
}

/// Last words of outlets' and desks' names ("KFF Health News", "Reuters
/// Staff", "Associated Press").
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Press",
    "Times",
    "Post",
    "Journal",
    "Agency",
    "Service",
    "Media",
    "Network",
    "Magazine",
    "Daily",
    "Herald",
    "Tribune",
    "Gazette",
    "Wire",
    "Staff",
    "Correspondent",
    "Correspondents",
    "Reporter",
    "Reporters",
    "Editor",
    "Editors",
    "Writer",
    "Writers",
    "Online",
    "Radio",
    "Television",
    "TV",
    "Chronicle",
    "Telegraph",
    "Review",
    "Report",
    "Bureau",
    "Desk",
];

/// Whether a byline's part names an outlet or desk rather than a person:
/// it ends on an outlet's word, or mixes a word in capitals with words
/// that are not ("KFF Health News", "BBC Sport").
fn is_affiliation(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // Initials ("J.R.") and a generation ("III") are a person's.
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            && !matches!(*w, "II" | "III" | "IV")
    };
    words.last().is_some_and(|w| OUTLET_WORDS.contains(w))
        || (words.iter().any(capitals) && !words.iter().all(capitals))
}

/// Two to five capitalized words (particles like "de", "van", "al-" allowed).
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &&str| {
        matches!(
            *w,
            "de" | "da" | "del" | "van" | "von" | "der" | "bin" | "al" | "la" | "le" | "du"
        )
    };
    words.iter().all(|w| capitalized(w) || particle(w))
        && words.first().is_some_and(capitalized)
        && words.last().is_some_and(capitalized)
        && !words
            .iter()
            .any(|w| w.chars().all(|c| c.is_uppercase()) && w.len() > 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_credit_lines_name_the_reporters() {
        assert_eq!(
            credits(
                "(Reporting by Ellen Marsh in Washington and Tom Kessler in London; \
                 Additional reporting by Ann de Lee; Editing by Ravi Desai)"
            ),
            Some(vec![
                "Ellen Marsh".to_string(),
                "Tom Kessler".to_string(),
                "Ann de Lee".to_string()
            ])
        );
        assert_eq!(
            credits("(Writing by Jo Park, Editing by Max Poe)"),
            Some(vec!["Jo Park".to_string()])
        );
        // Not a credit line: no parentheses, or no reporter.
        assert_eq!(credits("Reporting by Ellen Marsh"), None);
        assert_eq!(credits("(Editing by Ravi Desai)"), None);
        assert_eq!(credits("(Reporting by the newsroom)"), None);
    }

    #[test]
    fn bylines() {
        let authors = |p: &str| read(p).map(|b| b.authors);
        assert_eq!(authors("By Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(
            authors("By Jane Doe and John van Roe"),
            Some(vec!["Jane Doe".to_string(), "John van Roe".to_string()])
        );
        assert_eq!(
            authors("*By Jane Doe, Reuters*"),
            Some(vec!["Jane Doe".to_string()])
        );
        assert_eq!(authors("By the end of the year, prices rose."), None);
        assert_eq!(
            authors("By Priya Natarajan, KFF Health News"),
            Some(vec!["Priya Natarajan".to_string()])
        );
        assert_eq!(
            authors("By Jane Doe and John Roe, Associated Press"),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
        assert_eq!(authors("By Reuters Staff"), None);
        assert_eq!(
            authors("By J.R. Smith and Henry Ford III"),
            Some(vec!["J.R. Smith".to_string(), "Henry Ford III".to_string()])
        );
        assert_eq!(authors("By BBC Sport"), None);
        // The place a reporter writes from is not part of the name.
        assert_eq!(
            authors("By Michael Reyes in Philadelphia"),
            Some(vec!["Michael Reyes".to_string()])
        );
        assert_eq!(
            authors("By Rachel Stone and David Ochoa\nWASHINGTON, March 20, 2024"),
            Some(vec!["Rachel Stone".to_string(), "David Ochoa".to_string()])
        );
        assert_eq!(
            authors("By Rachel Stone and David Ochoa NEW YORK, March 20, 2024"),
            Some(vec!["Rachel Stone".to_string(), "David Ochoa".to_string()])
        );
        assert_eq!(
            authors("By Ana Ruiz in Madrid and Tom Kessler in Kyiv"),
            Some(vec!["Ana Ruiz".to_string(), "Tom Kessler".to_string()])
        );
        assert_eq!(authors("By Tuesday"), None);
    }

    #[test]
    fn dated_bylines() {
        let day = |y, m, d| StatedDate {
            year: Some(y),
            month: m,
            day: d,
        };
        let b = read("By Jane Doe, 12 March 2005").expect("byline");
        assert_eq!(b.authors, vec!["Jane Doe"]);
        assert_eq!(b.date, Some(day(2005, 3, 12)));
        let b = read("By Mary Major and Richard Roe | March 12, 2005 10:15 GMT").expect("byline");
        assert_eq!(b.authors, vec!["Mary Major", "Richard Roe"]);
        assert_eq!(b.date, Some(day(2005, 3, 12)));
        let b = read("By Jane Doe, Reuters, Published: 4 May 2019").expect("byline");
        assert_eq!(b.authors, vec!["Jane Doe"]);
        assert_eq!(b.date, Some(day(2019, 5, 4)));
        assert_eq!(read("By Jane Doe").expect("byline").date, None);
        // Two lines of one paragraph, read as one line.
        let b = read("By Tom Becker and Aisha Rahman Published Sept. 30, 2023").expect("byline");
        assert_eq!(b.authors, vec!["Tom Becker", "Aisha Rahman"]);
        assert_eq!(b.date, Some(day(2023, 9, 30)));
        let b = read("By Jane Doe\nUpdated 4 May 2019 10:15 GMT").expect("byline");
        assert_eq!(b.authors, vec!["Jane Doe"]);
        assert_eq!(b.date, Some(day(2019, 5, 4)));
        let b = read("By Jane Doe 4 May 2019").expect("byline");
        assert_eq!(b.authors, vec!["Jane Doe"]);
        assert_eq!(b.date, Some(day(2019, 5, 4)));
    }
}
