//! One sentence as the measure reader sees it: words (with their lower-case
//! form) and punctuation marks, each with its byte range, and which of them
//! belong to a figure or a date, so a walk through the sentence can treat
//! those as units.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An ordinary word.
    Word,
    /// A punctuation mark (a comma, a dash, a bracket …).
    Punct,
    /// Part of a figure (money, a percentage, a quantity); the index is the
    /// figure's in the list the tokens were made with.
    Figure(usize),
    /// Part of a date or period.
    Date,
    /// Part of a name the entity recognizer found.
    Name,
}

/// A word or punctuation mark of the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub range: Range<usize>,
    /// Lower case, curly apostrophes made straight.
    pub lower: String,
    pub role: Role,
    /// Starts with an upper-case letter (a name, or the sentence's first word).
    pub capital: bool,
    /// Inside a name the entity recognizer found (whatever its role).
    pub name: bool,
}

impl Token {
    /// Whether this is a word (not a mark, a figure or a date).
    pub(crate) fn is_word(&self) -> bool {
        self.role == Role::Word
    }

    /// Whether this is the punctuation mark `c`.
    pub(crate) fn is_mark(&self, marks: &[&str]) -> bool {
        self.role == Role::Punct && marks.contains(&self.lower.as_str())
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‑' | '.' | ',' | '&')
}

/// The tokens of `text[sentence]`; tokens overlapping one of `figures`,
/// `dates` or `names` (byte ranges of the whole text) take that role.
pub(crate) fn tokens(
    text: &str,
    sentence: Range<usize>,
    figures: &[Range<usize>],
    dates: &[Range<usize>],
    names: &[Range<usize>],
) -> Vec<Token> {
    let Some(s) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = sentence.start + i;
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                if !word_char(d) {
                    break;
                }
                // A full stop or comma stays in a word only between digits
                // ("1,200", "3.5") or letters ("U.S.").
                if matches!(d, '.' | ',') {
                    let next = s[j + d.len_utf8()..].chars().next();
                    let prev = s[..j].chars().next_back();
                    let inside = match (prev, next) {
                        (Some(p), Some(n)) => {
                            (p.is_ascii_digit() && n.is_ascii_digit())
                                || (d == '.' && p.is_alphabetic() && n.is_alphabetic())
                        }
                        _ => false,
                    };
                    if !inside {
                        break;
                    }
                }
                end = sentence.start + j + d.len_utf8();
                chars.next();
            }
        }
        let raw = &text[start..end];
        let trimmed = raw.trim_end_matches(['\'', '’', '-', '‑']);
        let end = start + trimmed.len().max(c.len_utf8());
        let lower = text[start..end].to_lowercase().replace('’', "'");
        let overlaps = |r: &Range<usize>| r.start < end && start < r.end;
        let name = c.is_alphanumeric()
            && names.iter().any(overlaps)
            && !super::lexicon::MEASURE_ACRONYMS.contains(&lower.trim_end_matches("'s"));
        let role = if let Some(k) = figures.iter().position(overlaps) {
            Role::Figure(k)
        } else if dates.iter().any(overlaps) {
            Role::Date
        } else if !c.is_alphanumeric() {
            Role::Punct
        } else if name {
            Role::Name
        } else {
            Role::Word
        };
        out.push(Token {
            range: start..end,
            lower,
            role,
            capital: c.is_uppercase(),
            name,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_marks_figures() {
        let t = "Sales rose 5% to £1,200m, the U.S. firm's boss said.";
        let fig = t.find("5%").unwrap();
        let figures: Vec<Range<usize>> = std::iter::once(fig..fig + 2).collect();
        let toks = tokens(t, 0..t.len(), &figures, &[], &[]);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.range.clone()]).collect();
        assert_eq!(
            words,
            vec![
                "Sales", "rose", "5", "%", "to", "£", "1,200m", ",", "the", "U.S", ".", "firm's",
                "boss", "said", "."
            ]
        );
        assert_eq!(toks[2].role, Role::Figure(0));
        assert_eq!(toks[3].role, Role::Figure(0));
        assert!(toks[0].capital);
        assert_eq!(toks[7].role, Role::Punct);
    }
}
