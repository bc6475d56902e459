//! Team sheets: the line-ups sports reports end with ("Horak, Staniforth,
//! Penney; Mapletoft, Edwards; …", "Subs: Wright, Pistone, Weir",
//! "Replacements: Everitt for Mapletoft (53), …"). Their names are
//! players, mostly by surname alone, and with no sentence around them the
//! recognizer reads many as places or clubs ("Weir", "Vaughan",
//! "Kettering"). A sentence that is nothing but such a list, and is a team
//! sheet by its form, has its names retyped as people; what stands in
//! parentheses (a club, the minute of a substitution, "capt") keeps its
//! tags.

use super::features::{Class, Token};
use super::tagger::{self, PER, begin};

/// Items a team sheet lists at least (a rugby line-up has 15, a bench 5).
const MIN_ITEMS: usize = 5;
/// Words of one player's name at most ("Mark van Gisbergen").
const MAX_NAME_WORDS: usize = 4;
/// Words of the label before the colon at most ("Subs not used").
const MAX_LABEL_WORDS: usize = 4;

/// Labels of a team sheet's lists.
const LINEUP_LABELS: &[&str] = &[
    "subs",
    "substitutes",
    "replacements",
    "reserves",
    "bench",
    "not used",
    "subs not used",
    "unused substitutes",
    "sent off",
    "booked",
];

/// Lowercase words inside a player's name ("van der Walt").
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "da", "di", "du", "dos", "del", "le", "la", "von",
];

/// One sentence read as a list.
struct List {
    /// The items outside parentheses (names and the "for" between two),
    /// as token ranges.
    items: Vec<(usize, usize)>,
    /// The players' names, as token ranges.
    names: Vec<(usize, usize)>,
    /// The label before the colon, when it is a team sheet's
    /// ("Replacements:"), as a token range.
    label: Option<(usize, usize)>,
    /// The form says team sheet: positions grouped by semicolons, a
    /// substitution ("Cole for Smith"), or a minute in parentheses.
    sheet_form: bool,
}

/// Retypes the names of team sheets as people, in place
/// (`sentences[i]` tagged `tags[i]`). A sentence is a team sheet when it is
/// only a list of at least [`MIN_ITEMS`] names (no "and", no other words)
/// and either its form says so (see [`List::sheet_form`]), its label is a
/// line-up's ("Subs:"), or a sentence next to it is labelled so (a
/// football side's eleven before its "Subs:").
pub(crate) fn retag(sentences: &[Vec<Token>], tags: &mut [Vec<u8>]) {
    let lists: Vec<Option<List>> = sentences.iter().map(|s| read(s)).collect();
    let labelled = |i: usize| {
        lists
            .get(i)
            .and_then(Option::as_ref)
            .is_some_and(|l| l.label.is_some())
    };
    for (i, ((list, t), s)) in lists.iter().zip(tags.iter_mut()).zip(sentences).enumerate() {
        let Some(list) = list else {
            continue;
        };
        let sheet = list.sheet_form
            || list.label.is_some()
            || labelled(i + 1)
            || (i > 0 && labelled(i - 1));
        if !sheet {
            continue;
        }
        if let Some((a, b)) = list.label {
            clear(s, t, a, b);
        }
        for &(a, b) in &list.items {
            clear(s, t, a, b);
        }
        for &(a, b) in &list.names {
            tagger::mark(t, a, b, PER);
        }
    }
}

/// Untags `a..b` of the sentence `s` tagged `t`; a name running on past
/// its end loses the punctuation it ran on with and starts after it.
fn clear(s: &[Token], t: &mut [u8], a: usize, b: usize) {
    for x in t.iter_mut().take(b).skip(a) {
        *x = 0;
    }
    let mut j = b;
    while j < t.len() && tagger::is_inside(t[j]) && s[j].class == Class::Punct {
        t[j] = 0;
        j += 1;
    }
    if let Some(&next) = t.get(j)
        && tagger::is_inside(next)
        && let Some(ty) = tagger::type_of(next)
    {
        t[j] = begin(ty);
    }
}

/// The sentence `s` as a list of names, if it is one.
fn read(s: &[Token]) -> Option<List> {
    let word = |i: usize| s[i].lower.as_str();
    // A label ending in a colon opens it ("Subs not used:", "Leeds:").
    let colon = s
        .iter()
        .take(MAX_LABEL_WORDS + 1)
        .position(|t| t.lower == ":");
    let (label, start) = match colon {
        Some(c) if c > 0 => {
            let text: Vec<&str> = (0..c).map(word).collect();
            let lineup = LINEUP_LABELS.contains(&text.join(" ").as_str());
            (lineup.then_some((0, c)), c + 1)
        }
        _ => (None, 0),
    };
    let (mut names, mut items) = (Vec::new(), Vec::new());
    let (mut semicolons, mut sheet_form) = (0, false);
    let mut depth = 0usize;
    let mut item: Vec<usize> = Vec::new();
    let mut end = s.len();
    if end > start && matches!(word(end - 1), "." | "!") {
        end -= 1;
    }
    // Each item ends at a comma or semicolon outside parentheses, the last
    // at the sentence's end.
    let mut close = |item: &mut Vec<usize>, sheet_form: &mut bool| {
        let ok = item_names(s, item, &mut names, sheet_form);
        if let (Some(&a), Some(&b)) = (item.first(), item.last()) {
            items.push((a, b + 1));
        }
        item.clear();
        ok
    };
    for (i, tok) in s.iter().enumerate().take(end).skip(start) {
        let w = tok.lower.as_str();
        match w {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "," | ";" if depth == 0 => {
                if !close(&mut item, &mut sheet_form) {
                    return None;
                }
                semicolons += usize::from(w == ";");
            }
            _ if depth > 0 => {
                if tok.class == Class::Digits {
                    sheet_form = true;
                }
            }
            _ => item.push(i),
        }
    }
    if depth != 0 || !close(&mut item, &mut sheet_form) {
        return None;
    }
    if depth != 0 || items.len() < MIN_ITEMS {
        return None;
    }
    Some(List {
        items,
        names,
        label,
        sheet_form: sheet_form || semicolons >= 2,
    })
}

/// Reads one item of a list (its tokens outside parentheses, `item`): one
/// name, or two joined by "for" (a substitution, which marks a team
/// sheet). Adds the names to `names`; false when the item is no name.
fn item_names(
    s: &[Token],
    item: &[usize],
    names: &mut Vec<(usize, usize)>,
    sheet_form: &mut bool,
) -> bool {
    let parts: Vec<&[usize]> = item.split(|&i| s[i].lower == "for").collect();
    if parts.len() > 2 {
        return false;
    }
    if parts.len() == 2 {
        *sheet_form = true;
    }
    for part in parts {
        let (Some(&a), Some(&last)) = (part.first(), part.last()) else {
            return false;
        };
        let contiguous = part.windows(2).all(|w| w[1] == w[0] + 1);
        let name_word = |i: usize| {
            matches!(
                s[i].class,
                Class::Capitalized | Class::Mixed | Class::AllCaps
            )
        };
        let particle = |i: usize| PARTICLES.contains(&s[i].lower.as_str());
        if !contiguous
            || part.len() > MAX_NAME_WORDS
            || !(name_word(a) || particle(a))
            || !name_word(last)
            || !part.iter().all(|&i| name_word(i) || particle(i))
        {
            return false;
        }
        names.push((a, last + 1));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::features::prepare;
    use super::super::gazetteer::Gazetteer;
    use super::super::lexicon::Lexicon;
    use super::super::tagger::{LOC, ORG};
    use super::*;

    /// A span: start, end, type index.
    type Span = (usize, usize, usize);

    /// Tags each sentence (words split at spaces) with its spans, retags,
    /// and returns the spans.
    fn run(sentences: &[(&str, &[Span])]) -> Vec<Vec<Span>> {
        let (lex, gaz) = (Lexicon::parse("", ""), Gazetteer::parse("", ""));
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|(s, _)| s.split(' ').collect())
            .collect();
        let prepared: Vec<Vec<Token>> = words.iter().map(|w| prepare(w, &lex, &gaz)).collect();
        let mut tags: Vec<Vec<u8>> = sentences
            .iter()
            .zip(&words)
            .map(|((_, spans), w)| {
                let mut t = vec![0u8; w.len()];
                for &(a, b, ty) in *spans {
                    tagger::mark(&mut t, a, b, ty);
                }
                t
            })
            .collect();
        retag(&prepared, &mut tags);
        tags.iter().map(|t| tagger::spans(t)).collect()
    }

    #[test]
    fn a_rugby_line_up_is_people_but_its_clubs() {
        let got = run(&[(
            "Horak , Staniforth ; Penney , Nordt ( capt ) ; Mapletoft , J Edwards ( Wasps ) ; van der Walt .",
            &[(0, 1, LOC), (4, 5, LOC), (16, 17, ORG)],
        )]);
        assert_eq!(
            got[0],
            [
                (0, 1, PER),
                (2, 3, PER),
                (4, 5, PER),
                (6, 7, PER),
                (11, 12, PER),
                (13, 15, PER),
                (16, 17, ORG),
                (19, 22, PER)
            ]
        );
    }

    #[test]
    fn a_bench_and_the_side_before_it_are_people() {
        let got = run(&[
            (
                "Ashdown , Griffin , De Zeeuw , Primus , Taylor , Stone .",
                &[(2, 3, LOC), (4, 6, ORG)],
            ),
            (
                "Subs : Wright , Pistone , Weir , Plessis , Vaughan .",
                &[(0, 1, ORG), (4, 5, LOC), (8, 9, LOC)],
            ),
            (
                "Replacements : Everitt for Mapletoft ( 53 ) , Paice for Walt ( 60 ) , Reid for Murphy ( 47 ) , \
                 Hart , Rees",
                &[(2, 5, ORG)],
            ),
        ]);
        assert_eq!(
            got[0],
            [
                (0, 1, PER),
                (2, 3, PER),
                (4, 6, PER),
                (7, 8, PER),
                (9, 10, PER),
                (11, 12, PER)
            ]
        );
        assert_eq!(
            got[1],
            [
                (2, 3, PER),
                (4, 5, PER),
                (6, 7, PER),
                (8, 9, PER),
                (10, 11, PER)
            ]
        );
        assert_eq!(got[2].len(), 8, "{:?}", got[2]);
        assert!(got[2].iter().all(|s| s.2 == PER), "{:?}", got[2]);
    }

    #[test]
    fn a_name_the_model_ran_across_a_comma_is_cut() {
        let got = run(&[("Subs : Moody , Back , Lock , Hart , Rees .", &[(2, 5, ORG)])]);
        assert_eq!(
            got[0],
            [
                (2, 3, PER),
                (4, 5, PER),
                (6, 7, PER),
                (8, 9, PER),
                (10, 11, PER)
            ]
        );
    }

    #[test]
    fn lists_in_prose_and_lists_of_places_stay() {
        // Words around the list, an "and", too few items.
        let prose = "The tour visits Paris , London , Berlin , Madrid , Rome , Vienna .";
        let places = &[
            (3, 4, LOC),
            (5, 6, LOC),
            (7, 8, LOC),
            (9, 10, LOC),
            (11, 12, LOC),
            (13, 14, LOC),
        ];
        let got = run(&[(prose, places)]);
        assert_eq!(got[0], places);
        let got = run(&[(
            "Paris , London , Berlin , Madrid , Rome and Vienna .",
            &[(0, 1, LOC)],
        )]);
        assert_eq!(got[0], [(0, 1, LOC)]);
        // A bare list of names, with nothing of a team sheet's form.
        let got = run(&[(
            "Paris , London , Berlin , Madrid , Rome , Vienna .",
            &[(0, 1, LOC)],
        )]);
        assert_eq!(got[0], [(0, 1, LOC)]);
        let got = run(&[(
            "Venues : Paris , London , Berlin , Madrid , Rome .",
            &[(2, 3, LOC)],
        )]);
        assert_eq!(got[0], [(2, 3, LOC)]);
        let got = run(&[("Subs : Wright , Pistone .", &[(4, 5, LOC)])]);
        assert_eq!(got[0], [(4, 5, LOC)]);
        // Unbalanced parentheses, empty items, nothing at all.
        let got = run(&[
            (
                "Subs : Wright , Pistone , Weir , Plessis , Vaughan ( 53",
                &[(4, 5, LOC)],
            ),
            (
                "Subs : Wright , , Weir , Plessis , Vaughan , Hart",
                &[(2, 3, LOC)],
            ),
            (
                "Subs : ) Wright , Weir , Plessis , Vaughan , Hart (",
                &[(3, 4, LOC)],
            ),
            (":", &[]),
        ]);
        assert_eq!(got[0], [(4, 5, LOC)]);
        assert_eq!(got[1], [(2, 3, LOC)]);
        assert_eq!(got[2], [(3, 4, LOC)]);
    }
}
