//! Document-level consistency after each sentence is tagged and repaired:
//! one name, one type per article. A surname written alone after the full
//! name is the same person ("… Jane Roe … Roe said"), whatever type the
//! model gave the lone word (when the full name opens on a census first
//! name; not an organization, which may carry its founder's name); a name opened by the Arabic article "Al"
//! ("Al Jazeera", "Al-Ahram") is an organization unless the word after it
//! is a first name or surname on the census lists or the surname of a
//! person the article names in full ("Al Gore", "Bashar al-Assad" …
//! "Al-Assad").

use super::features::{Class, Token};
use super::gazetteer;
use super::lexicon::{Lexicon, list};
use super::tagger::{self, ORG, PER, begin, inside};

/// Applies the document's evidence to every sentence's tags in place
/// (`sentences[i]` tagged `tags[i]`); sentences flagged in `headings`
/// neither give nor take evidence.
pub(crate) fn harmonize(
    sentences: &[Vec<Token>],
    tags: &mut [Vec<u8>],
    headings: &[bool],
    lex: &Lexicon,
) {
    let heading = |i: usize| headings.get(i).copied().unwrap_or(false);
    // Last words of the people named in full, in text order.
    let mut surnames: Vec<(usize, &str)> = Vec::new();
    // Whether each may name a lone surname's type.
    let mut capitalized: Vec<bool> = Vec::new();
    for (si, (s, t)) in sentences.iter().zip(tags.iter()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            if ty == PER && b - a >= 2 && !is_al_token(&s[a]) {
                surnames.push((si, s[b - 1].lower.as_str()));
                // Only a name that opens on a census first name gives its
                // surname to lone mentions ("Neil Jordan" … "Jordan").
                capitalized.push(
                    s[b - 1].class == Class::Capitalized && s[a].names & list::FIRST_NAME != 0,
                );
            }
        }
    }
    if surnames.is_empty() && !sentences.iter().flatten().any(is_al_token) {
        return;
    }
    for (si, (s, t)) in sentences.iter().zip(tags.iter_mut()).enumerate() {
        if heading(si) {
            continue;
        }
        for (a, b, ty) in tagger::spans(t) {
            // A lone word typed as an organization stays one: companies
            // carry their founders' names ("Ford", "Dell").
            let new = if b - a == 1
                && ty != PER
                && ty != ORG
                && s[a].class == Class::Capitalized
                && surnames
                    .iter()
                    .zip(&capitalized)
                    .any(|(&(sj, w), &c)| c && sj < si && w == s[a].lower)
            {
                PER
            } else if ty == PER && is_outlet_al(&s[a..b], lex, &surnames) {
                ORG
            } else {
                continue;
            };
            t[a] = begin(new);
            for x in t.iter_mut().take(b).skip(a + 1) {
                *x = inside(new);
            }
        }
    }
}

/// A capitalized "Al" or "Al-…" token: the name starts with the article.
fn is_al_token(t: &Token) -> bool {
    t.class.is_capital() && (t.lower == "al" || t.lower.starts_with("al-"))
}

/// Whether a person span is "Al X" or "Al-X" with X neither a first name
/// nor a surname on the census lists nor the surname of a person named in
/// full: a broadcaster, paper or movement ("Al Arabiya", "Al-Ahram").
fn is_outlet_al(span: &[Token], lex: &Lexicon, surnames: &[(usize, &str)]) -> bool {
    let rest: &str = match span {
        [al, x] if al.lower == "al" && al.class.is_capital() && x.class.is_capital() => &x.lower,
        [one] if one.class.is_capital() && one.lower.starts_with("al-") => &one.lower[3..],
        _ => return false,
    };
    if rest.is_empty()
        || surnames
            .iter()
            .any(|&(_, w)| w == rest || w.ends_with(rest))
    {
        return false;
    }
    let names = lex.names(gazetteer::lower_hash(rest));
    names & (list::FIRST_NAME | list::SURNAME) == 0
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::*;

    /// A span: start, end, type index.
    type Span = (usize, usize, usize);

    fn run(sentences: &[(&[&str], &[Span])]) -> Vec<Vec<Span>> {
        let lex = Lexicon::parse("", "").with_names("gore\ts\nal\tf\njane\tf\n");
        let gaz = Gazetteer::parse("", "");
        let prepared: Vec<Vec<Token>> = sentences
            .iter()
            .map(|(w, _)| prepare(w, &lex, &gaz))
            .collect();
        let mut tags: Vec<Vec<u8>> = sentences
            .iter()
            .map(|(w, spans)| {
                let mut t = vec![0u8; w.len()];
                for &(a, b, ty) in *spans {
                    t[a] = begin(ty);
                    for x in t.iter_mut().take(b).skip(a + 1) {
                        *x = inside(ty);
                    }
                }
                t
            })
            .collect();
        harmonize(&prepared, &mut tags, &[], &lex);
        tags.iter().map(|t| tagger::spans(t)).collect()
    }

    #[test]
    fn a_surname_alone_is_the_person_named_before() {
        let got = run(&[
            (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
            (&["Roe", "left"], &[(0, 1, 2)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
        // Before the full name, the lone word keeps its type.
        let got = run(&[
            (&["Roe", "left"], &[(0, 1, 2)]),
            (&["Jane", "Roe", "spoke"], &[(0, 2, PER)]),
        ]);
        assert_eq!(got[0], [(0, 1, 2)]);
    }

    #[test]
    fn al_names_are_outlets_unless_people() {
        let got = run(&[(&["Al", "Arabiya", "reported"], &[(0, 2, PER)])]);
        assert_eq!(got[0], [(0, 2, ORG)]);
        let got = run(&[(&["Al-Ahram", "reported"], &[(0, 1, PER)])]);
        assert_eq!(got[0], [(0, 1, ORG)]);
        let got = run(&[(&["Al", "Gore", "spoke"], &[(0, 2, PER)])]);
        assert_eq!(got[0], [(0, 2, PER)]);
        let got = run(&[
            (&["Bashar", "al-Assad", "spoke"], &[(0, 2, PER)]),
            (&["Al-Assad", "left"], &[(0, 1, PER)]),
        ]);
        assert_eq!(got[1], [(0, 1, PER)]);
    }
}
