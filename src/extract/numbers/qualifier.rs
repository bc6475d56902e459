//! Words before a figure that say how exact it is or which way it bounds:
//! "over 25.3 billion rubles", "about 12%", "more than 400 vehicles",
//! "up to $5m". The figure keeps its own span; the qualifier is reported
//! beside it.

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::extract::near;

/// Words before a figure that say how exact it is or which way it bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Qualifier {
    /// About, around, approximately, roughly, some, an estimated.
    About,
    /// Nearly, almost, close to, just under.
    Nearly,
    /// Over, above, upwards of, in excess of.
    Over,
    /// Under, below.
    Under,
    /// More than, greater than, exceeding.
    MoreThan,
    /// Less than, fewer than.
    LessThan,
    /// At least, no less than, a minimum of.
    AtLeast,
    /// At most, no more than, a maximum of.
    AtMost,
    /// Up to, as much as, as many as.
    UpTo,
}

/// Qualifying phrases, words nearest the figure last.
const PHRASES: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["well", "over"], Qualifier::Over),
    (&["just", "above"], Qualifier::Over),
    (&["well", "above"], Qualifier::Over),
    (&["over"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["well", "under"], Qualifier::Under),
    (&["well", "below"], Qualifier::Under),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["larger", "than"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["smaller", "than"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "below"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
];

/// The qualifier right before byte `pos` (white space between), and its range.
pub(crate) fn before(text: &str, pos: usize) -> Option<(Qualifier, Range<usize>)> {
    if let Some((at, c)) = near::prev_char(text, pos) {
        let q = match c {
            '~' | '≈' => Some(Qualifier::About),
            '>' => Some(Qualifier::MoreThan),
            '<' => Some(Qualifier::LessThan),
            '≥' => Some(Qualifier::AtLeast),
            '≤' => Some(Qualifier::AtMost),
            _ => None,
        };
        if let Some(q) = q {
            return Some((q, at..at + c.len_utf8()));
        }
    }
    let words = near::words_before(text, pos, 3);
    if words.is_empty() {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    for (phrase, q) in PHRASES {
        let n = phrase.len();
        if n > lower.len() {
            continue;
        }
        let matches = phrase
            .iter()
            .rev()
            .zip(&lower)
            .all(|(p, w)| *p == w.as_str());
        if matches {
            return Some((*q, words[n - 1].range.start..words[0].range.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(Qualifier, String)> {
        let pos = text.find('#').expect("marker");
        before(text, pos).map(|(q, r)| (q, text[r].to_string()))
    }

    #[test]
    fn qualifiers() {
        assert_eq!(q("debt of over #"), Some((Qualifier::Over, "over".into())));
        assert_eq!(
            q("rose by more than #"),
            Some((Qualifier::MoreThan, "more than".into()))
        );
        assert_eq!(q("cut up to #"), Some((Qualifier::UpTo, "up to".into())));
        assert_eq!(
            q("no more than #"),
            Some((Qualifier::AtMost, "no more than".into()))
        );
        assert_eq!(
            q("the estimated #"),
            Some((Qualifier::About, "estimated".into()))
        );
        assert_eq!(q("it cost #"), None);
        assert_eq!(q("more, #"), None);
    }
}
