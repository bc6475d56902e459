//! Bylines: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters".

/// Longest paragraph still taken for a byline.
const MAX_BYLINE_WORDS: usize = 12;

/// The authors named by a byline paragraph, or `None` if it is not one.
pub(crate) fn authors(paragraph: &str) -> Option<Vec<String>> {
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
    let rest = rest.split(['|', '—', '–']).next().unwrap_or(rest);
    let mut names = Vec::new();
    for part in rest.split([',', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_end_matches('.');
        if name.is_empty() {
            continue;
        }
        if !looks_like_name(name) {
            // "By Jane Doe, Reuters": an affiliation ends the list.
            if names.is_empty() {
                return None;
            }
            break;
        }
        names.push(name.to_string());
    }
    (!names.is_empty()).then_some(names)
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
    fn bylines() {
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
        assert_eq!(authors("By Tuesday"), None);
    }
}
