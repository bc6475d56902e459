//! What a figure measures, read from its sentence: the words naming the
//! thing measured (the subject of "rose by 17%", the noun of "a debt of
//! $5bn", the noun after "a £5m profit", the counted noun), a key that
//! different wordings of the same thing share ([`key`]), the kind of
//! figure (a share, an amount, a change, a count, a rate), what a share is
//! of, and the words naming the source it cites ([`cited`]).
//!
//! The reader is a bounded walk over one sentence's tokens, leftwards from
//! the figure across the verbs that link it to its subject, then over the
//! subject's noun phrase; other figures, dates and names in the sentence
//! are units of the walk. A figure in apposition to another ("$1.8bn,
//! roughly 17% of GDP") or sharing its subject ("rose 17% … and reached
//! $1.5bn") takes that figure's measure. Which entity a figure belongs to
//! and which period it is stated for are decided by the record, which
//! knows the entities and resolved dates (`record/measure.rs`).

mod cited;
mod key;
pub(crate) mod lexicon;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use lexicon::{CHANGE_NOUNS, CHANGE_VERBS, CLAUSE, LINKING, NEUTRAL, REPORTING, SHARE_VERBS};
use tokens::{Role, Token};

/// What kind of figure a measure is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub(crate) enum MeasureKind {
    /// A part of a whole: "45% of its GDP", "half of voters".
    Share,
    /// An amount of money or a measurement: "$5.8 billion", "3,000 km".
    Amount,
    /// A change: "rose by 17%", "a £5m cut", "a 46.2% increase".
    Change,
    /// Things counted: "1.2 million migrants".
    Count,
    /// A rate or level stated in percent: "unemployment of 4.7%".
    Rate,
}

impl MeasureKind {
    /// The name the record and the ledger write.
    pub(crate) fn name(self) -> &'static str {
        match self {
            MeasureKind::Share => "share",
            MeasureKind::Amount => "amount",
            MeasureKind::Change => "change",
            MeasureKind::Count => "count",
            MeasureKind::Rate => "rate",
        }
    }

    /// The kind [`MeasureKind::name`] names, for figures read back from an
    /// index.
    pub(crate) fn from_name(name: &str) -> Option<MeasureKind> {
        [
            MeasureKind::Share,
            MeasureKind::Amount,
            MeasureKind::Change,
            MeasureKind::Count,
            MeasureKind::Rate,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A figure of the sentence, as the extractors found it.
#[derive(Debug, Clone)]
pub(crate) enum Figure {
    Money,
    /// A percentage, with the byte range of what it is a share of.
    Percent {
        of: Option<Range<usize>>,
        fraction: bool,
    },
    /// A count, with the byte range of the counted words; `small` under ten.
    Count {
        noun: Range<usize>,
        small: bool,
    },
    /// A measurement in a unit.
    Measurement,
}

/// What one figure measures, as its sentence says (byte ranges of the text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Description {
    /// The words naming the thing measured.
    pub thing: Option<Range<usize>>,
    /// The thing's key ([`key`]); for a share with no thing named, the key of
    /// what it is a share of ("45% of voters" → `voter`).
    pub key: Option<String>,
    /// For a share whose thing is named: the key of the whole ("gdp").
    pub base: Option<String>,
    /// The words naming the whole of a share.
    pub base_range: Option<Range<usize>>,
    pub kind: MeasureKind,
    /// The words naming the cited source.
    pub cited: Option<Range<usize>>,
    /// The clause's subject when it is a name ("Tesco reported profits of
    /// £5m"): a candidate for the entity the figure belongs to.
    pub subject: Option<Range<usize>>,
    /// The thing is between two parties ("bilateral trade").
    pub bilateral: bool,
}

/// Words before a figure that qualify it ("more than", "nearly").
const QUALIFIER_WORDS: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "than",
    "at",
    "least",
    "most",
    "up",
    "to",
    "some",
    "estimated",
    "an",
    "just",
    "well",
    "close",
    "upwards",
    "excess",
    "above",
    "below",
    "exceeding",
    "circa",
    "approx",
    "a",
];

/// Prepositions that end the subject's noun phrase read leftwards, unless
/// what is read so far is a name ("profits at | Tesco").
const PHRASE_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "for", "with", "to", "into", "against", "over", "under", "about", "than",
    "as", "upon", "onto", "across", "behind", "beyond",
];

/// Auxiliaries and finite verbs that end a noun phrase read leftwards.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "may", "might", "can", "should", "must", "did", "does", "do", "rose", "fell", "grew",
    "stood", "hit", "saw", "made", "came", "got", "put", "set", "cut", "reach", "reaches",
    "stands", "totals", "amount", "amounts", "account", "accounts", "make", "makes", "sees",
    "shows",
];

/// Words after a figure that are not what it measures.
const TIME_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "quarter",
    "yesterday",
    "today",
    "tonight",
    "ago",
    "earlier",
    "later",
    "annually",
    "time",
    "times",
    "mark",
    "apiece",
    "each",
    "per",
    "year-on-year",
    "year-over-year",
    "on-year",
    "a-year",
    "last",
    "this",
    "next",
    "previously",
    "respectively",
    "overall",
    "alone",
    "worth",
];

/// Plural nouns that do not end in "s".
const INVARIANT_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "aircraft",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "media",
    "data",
    "crew",
    "youth",
    "livestock",
    "militia",
    "clergy",
    "offspring",
    "spacecraft",
    "poultry",
];

/// Generic nouns counted, whose count needs its verb ("145 people killed").
const GENERIC_COUNTED: &[&str] = &["person", "man", "woman", "child", "adult", "resident"];

/// Every figure of one sentence described, in the order given (text order):
/// `figures` are the sentence's money, percentages and quantities, `dates`
/// and `names` the byte ranges of its dates and entity mentions.
pub(crate) fn describe_sentence(
    text: &str,
    sentence: Range<usize>,
    figures: &[(Range<usize>, Figure)],
    dates: &[Range<usize>],
    names: &[Range<usize>],
) -> Vec<Description> {
    let ranges: Vec<Range<usize>> = figures.iter().map(|(r, _)| r.clone()).collect();
    let toks = tokens::tokens(text, sentence, &ranges, dates, names);
    let mut out: Vec<Description> = Vec::with_capacity(figures.len());
    for (k, (_, fig)) in figures.iter().enumerate() {
        let d = describe(&toks, k, fig, &out);
        out.push(d);
    }
    out
}

/// What the walk leftwards from a figure crossed.
#[derive(Default)]
struct Crossed {
    /// A verb of change.
    change: bool,
    /// The nearest preposition among "by", "to", "at".
    nearest: Option<&'static str>,
    /// A verb of part and whole ("accounts for").
    share: bool,
    /// The verb nearest the subject that names a measure ("remitted").
    nominal: Option<(usize, &'static str)>,
    /// Any verb or linking word at all.
    any: bool,
}

fn describe(toks: &[Token], k: usize, fig: &Figure, earlier: &[Description]) -> Description {
    let mut d = Description {
        thing: None,
        key: None,
        base: None,
        base_range: None,
        kind: match fig {
            Figure::Money | Figure::Measurement => MeasureKind::Amount,
            Figure::Percent { .. } => MeasureKind::Rate,
            Figure::Count { .. } => MeasureKind::Count,
        },
        cited: None,
        subject: None,
        bilateral: false,
    };
    let Some(first) = toks.iter().position(|t| t.role == Role::Figure(k)) else {
        return d;
    };
    let last = toks
        .iter()
        .rposition(|t| t.role == Role::Figure(k))
        .unwrap_or(first);
    d.cited = cited::cited(toks, first);
    let mut share = false;
    if let Figure::Percent { of, fraction } = fig {
        share |= *fraction;
        if let Some(of) = of {
            let span = within(toks, of);
            d.base = key::key(&toks[span.clone()]);
            d.base_range = Some(of.clone());
            d.bilateral |= bilateral(&toks[span]);
            share = true;
        }
    }
    if let Figure::Count { noun, small } = fig {
        let span = within(toks, noun);
        // The counted words are inside the figure's own range.
        let words: Vec<Token> = toks[span.clone()]
            .iter()
            .cloned()
            .map(|mut t| {
                if matches!(t.role, Role::Figure(_)) {
                    t.role = if t.name { Role::Name } else { Role::Word };
                }
                t
            })
            .collect();
        d.key = key::key(&words).map(|key| counted_with_verb(toks, first, span.end, key));
        // "the two leaders", "its three plants": a reference, not a statistic.
        let definite = *small
            && first > 0
            && toks[first - 1].is_word()
            && matches!(
                toks[first - 1].lower.as_str(),
                "the"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "both"
                    | "our"
                    | "all"
            );
        // "World 100m champion": a count is of a plural noun.
        let singular = words.iter().rev().find(|t| t.is_word()).is_some_and(|t| {
            !t.lower.ends_with('s') && !INVARIANT_PLURALS.contains(&t.lower.as_str())
        });
        if definite || singular {
            d.key = None;
        }
        d.thing = Some(noun.clone());
        d.bilateral |= bilateral(&toks[span]);
        d.kind = MeasureKind::Count;
        return d;
    }

    // The noun of "a debt of over $5bn", "an increase of 5%".
    let mut q = first;
    while q > 0 && toks[q - 1].is_word() && QUALIFIER_WORDS.contains(&toks[q - 1].lower.as_str()) {
        q -= 1;
    }
    let mut noun_of: Option<usize> = None;
    let mut change = false;
    let mut change_of = false;
    if q >= 2
        && toks[q - 1].lower == "of"
        && toks[q - 1].is_word()
        && toks[q - 2].is_word()
        && !LINKING.contains(&toks[q - 2].lower.as_str())
    {
        if CHANGE_NOUNS.contains(&toks[q - 2].lower.as_str()) {
            change = true;
            change_of = true;
        } else {
            noun_of = Some(q - 2);
        }
    }

    // The words after the figure: "a £5m profit", "a 46.2% year-on-year increase".
    let (compound, change_after) = compound_after(toks, last + 1);
    change |= change_after;

    // Leftwards across the linking verbs.
    let mut crossed = Crossed::default();
    let mut i = if change_of { q - 2 } else { first };
    while i > 0 {
        let t = &toks[i - 1];
        match t.role {
            Role::Date => {}
            Role::Word => {
                let w = t.lower.as_str();
                let adverb = w.len() > 4 && w.ends_with("ly");
                // "makes up 5%" is a share, "were up 5%" a change.
                let made_up = matches!(w, "up" | "down")
                    && i >= 2
                    && matches!(
                        toks[i - 2].lower.as_str(),
                        "make" | "makes" | "made" | "making" | "sum" | "sums" | "summed" | "take"
                    );
                if CHANGE_VERBS.contains(&w) && !made_up {
                    crossed.change = true;
                    crossed.any = true;
                } else if let Some(&l) = LINKING
                    .iter()
                    .find(|l| **l == w)
                    .filter(|_| !noun_here(toks, i - 1))
                {
                    if crossed.nearest.is_none() && matches!(l, "by" | "to" | "at" | "from") {
                        crossed.nearest = Some(l);
                    }
                    crossed.share |= SHARE_VERBS.contains(&l);
                    if let Some(n) = lexicon::nominal(l) {
                        crossed.nominal = Some((i - 1, n));
                    }
                    crossed.any |= !QUALIFIER_WORDS.contains(&l);
                } else if !adverb {
                    break;
                }
            }
            _ => break,
        }
        i -= 1;
    }
    // "rose to 5%" is a level, "up from 7%" an earlier level.
    change |= crossed.change && !matches!(crossed.nearest, Some("to" | "from"));
    share |= crossed.share;

    // A word the lexicon does not know right before the figure is its verb
    // ("will hold 30GB", "rocketed 40%"): the subject is before it. Not a
    // noun a determiner opens, right before "to" or "at": it is the head
    // of what the figure measures ("cut their price target to $140", "set
    // the sales goal at 5%"; "can hold up to 40GB" keeps its verb).
    let mut q = first;
    while q > i && toks[q - 1].is_word() && QUALIFIER_WORDS.contains(&toks[q - 1].lower.as_str()) {
        q -= 1;
    }
    let after_noun =
        i + 1 == first && matches!(toks[i].lower.as_str(), "to" | "at") && opened_noun(toks, i);
    if i == q
        && i > 0
        && !after_noun
        && toks[i - 1].is_word()
        && !toks[i - 1].capital
        && toks[i - 1].lower.chars().all(char::is_alphabetic)
        && !CLAUSE.contains(&toks[i - 1].lower.as_str())
        && noun_of.is_none()
    {
        i -= 1;
        crossed.any = true;
    }

    // Apposition to an earlier figure, or a subject shared with it.
    let mut inherit: Option<usize> = None;
    let mut end = i;
    if i > 0 {
        match toks[i - 1].role {
            Role::Figure(m) if m < k => inherit = Some(m),
            Role::Punct if toks[i - 1].is_mark(&[",", "—", "–", "-", "(", ":", ";"]) => {
                let mut j = i - 1;
                let mut hops = 0;
                while j > 0 && hops < 4 {
                    let t = &toks[j - 1];
                    let skippable =
                        t.role == Role::Date || t.is_word() && LINKING.contains(&t.lower.as_str());
                    if !skippable {
                        break;
                    }
                    j -= 1;
                    hops += 1;
                }
                if j > 0
                    && let Role::Figure(m) = toks[j - 1].role
                    && m < k
                {
                    inherit = Some(m);
                } else if crossed.any && toks[i - 1].is_mark(&["(", "—", "–", ","]) {
                    end = i - 1;
                }
            }
            _ => {}
        }
    }

    // The subject's noun phrase.
    let mut np = if inherit.is_none() {
        noun_phrase(toks, end)
    } else {
        None
    };
    if np.is_none() && inherit.is_none() && end >= 2 {
        let stop = &toks[end - 1];
        if matches!(stop.lower.as_str(), "which" | "that" | "who") && toks[end - 2].is_mark(&[","])
        {
            np = noun_phrase(toks, end - 2);
        }
    }
    let coordinated = np.is_none()
        && end > 0
        && (toks[end - 1].is_mark(&[","]) || matches!(toks[end - 1].lower.as_str(), "and" | "but"));
    let mut subject_key = None;
    if let Some((s, e)) = np {
        let phrase = &toks[s..e];
        if phrase.iter().all(|t| t.role == Role::Name) {
            d.subject = Some(phrase[0].range.start..phrase[phrase.len() - 1].range.end);
        } else if let Some(key) = key::key(phrase) {
            subject_key = Some((
                phrase[0].range.start..phrase[phrase.len() - 1].range.end,
                key,
            ));
            d.bilateral |= bilateral(phrase);
            if let Some(name) = phrase.iter().find(|t| t.role == Role::Name) {
                d.subject = Some(name.range.clone());
            }
        }
    }
    let noun_of_key = noun_of.and_then(|n| {
        // Back to its determiner at most: "forgive | a massive debt of".
        let mut s = noun_phrase(toks, n + 1).map_or(n, |(s, _)| s);
        if let Some(d) = (s..n)
            .rev()
            .find(|&j| lexicon::DETERMINERS.contains(&toks[j].lower.as_str()))
        {
            s = d;
        }
        let key = key::key(&toks[s..=n])?;
        Some((toks[s].range.start..toks[n].range.end, key))
    });
    let nominal = crossed.nominal.map(|(at, n)| {
        // "spent £5bn on games" is game spending.
        let object = toks
            .get(last + 1)
            .filter(|t| t.is_word() && matches!(t.lower.as_str(), "on" | "in" | "into"))
            .and_then(|_| {
                let start = last + 2;
                let mut end = start;
                while end < toks.len() && end - start < 3 && nounish(&toks[end]) {
                    end += 1;
                }
                (end > start).then(|| key::lemma(&toks[end - 1].lower))
            });
        let key = match object {
            Some(o) => format!("{o} {n}"),
            None => n.to_string(),
        };
        (toks[at].range.clone(), key)
    });

    // Which of the candidates names the thing.
    if d.key.is_none() {
        let candidates = [noun_of_key, compound, nominal, subject_key];
        if let Some((range, key)) = candidates.into_iter().flatten().next() {
            d.thing = Some(range);
            d.key = Some(key);
        } else if let Some(m) = inherit.or(coordinated.then(|| k.checked_sub(1)).flatten())
            && let Some(e) = earlier.get(m)
            && e.key.is_some()
        {
            d.thing = e.thing.clone();
            d.key = e.key.clone();
            d.subject = d.subject.clone().or(e.subject.clone());
            d.bilateral |= e.bilateral;
            if e.base.is_some() && d.base.is_none() {
                d.base = e.base.clone();
                d.base_range = e.base_range.clone();
            }
        }
    }
    if let Some(key) = &d.key {
        share |= matches!(key.as_str(), "stake" | "share");
    }
    if d.key.is_none() && d.base.is_some() {
        d.key = d.base.take();
        d.thing = d.base_range.clone();
    }
    d.kind = match fig {
        Figure::Count { .. } => MeasureKind::Count,
        _ if change => MeasureKind::Change,
        Figure::Percent { .. } if share => MeasureKind::Share,
        Figure::Percent { .. } => MeasureKind::Rate,
        Figure::Money | Figure::Measurement => MeasureKind::Amount,
    };
    d
}

/// Whether the word at token `at` is read as a noun (see
/// [`lexicon::NOUN_OR_VERB`]).
fn noun_here(toks: &[Token], at: usize) -> bool {
    if !lexicon::NOUN_OR_VERB.contains(&toks[at].lower.as_str()) {
        return false;
    }
    let Some(next) = toks.get(at + 1) else {
        return true;
    };
    let verb_next = matches!(next.role, Role::Figure(_))
        || next.is_word()
            && (matches!(
                next.lower.as_str(),
                "to" | "for" | "at" | "up" | "of" | "by" | "in" | "a" | "an"
            ) || QUALIFIER_WORDS.contains(&next.lower.as_str()));
    // "saw a 5% rise", "hit a record": the verb is followed by its object.
    !verb_next
}

/// Whether the word before `at` is a noun a determiner opens, at most one
/// word before it ("their price | target", "the | goal"), heading what
/// the sentence speaks of: not a verb's "-ed" or "-ing" form, nor one
/// after a demonstrative ("This compares to 14%"), nor the object of a
/// preposition ("fell 6% on the news to $10"), a time ("this season",
/// "barrels a day") or an adjective of nearness ("a figure closer to").
fn opened_noun(toks: &[Token], at: usize) -> bool {
    let word = |j: usize| {
        toks.get(j)
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_str())
    };
    let Some(head) = at.checked_sub(1).and_then(word) else {
        return false;
    };
    if head.ends_with("ed")
        || head.ends_with("ing")
        || TIME_HEADS.contains(&head)
        || NEARNESS.contains(&head)
    {
        return false;
    }
    let is_determiner = |j: usize| word(j).is_some_and(|w| lexicon::DETERMINERS.contains(&w));
    let det = match (at.checked_sub(2), at.checked_sub(3)) {
        (Some(j), _) if is_determiner(j) => j,
        (_, Some(j)) if is_determiner(j) && word(j + 1).is_some() => j,
        _ => return false,
    };
    let demonstrative = matches!(word(det), Some("this" | "that" | "these" | "those"));
    let governed = det
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|w| PHRASE_PREPOSITIONS.contains(&w) || w == "from" || w == "off");
    let verb_after_demonstrative = demonstrative && det + 2 == at && head.ends_with('s');
    !(governed || verb_after_demonstrative)
}

/// Adjectives of nearness before "to" ("a figure closer to A$431m").
const NEARNESS: &[&str] = &[
    "close",
    "closer",
    "near",
    "nearer",
    "equal",
    "equivalent",
    "similar",
    "comparable",
];

/// Nouns of time that head no measured thing ("this season", "a day").
const TIME_HEADS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "season", "quarter",
    "period", "time",
];

/// Token indices inside byte range `r`.
fn within(toks: &[Token], r: &Range<usize>) -> Range<usize> {
    let a = toks.partition_point(|t| t.range.start < r.start);
    let b = toks.partition_point(|t| t.range.start < r.end);
    a..b.max(a)
}

/// Whether a phrase names something between two parties.
fn bilateral(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| matches!(t.lower.as_str(), "bilateral" | "mutual"))
}

/// A generic counted noun with its verb: "killed 145 people" →
/// `person killed`, "145 people died" → `person died`.
fn counted_with_verb(toks: &[Token], first: usize, after: usize, key: String) -> String {
    if !GENERIC_COUNTED.contains(&key.as_str()) {
        return key;
    }
    let verbish = |t: &Token| t.is_word() && (t.lower.ends_with("ed") || t.lower == "died");
    let mut q = first;
    while q > 0 && toks[q - 1].is_word() && QUALIFIER_WORDS.contains(&toks[q - 1].lower.as_str()) {
        q -= 1;
    }
    let verb = q
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| verbish(t))
        .or_else(|| {
            let mut j = after;
            while toks.get(j).is_some_and(|t| {
                t.is_word() && matches!(t.lower.as_str(), "were" | "was" | "have" | "had" | "been")
            }) {
                j += 1;
            }
            toks.get(j).filter(|t| verbish(t))
        });
    match verb {
        Some(v) => format!("{key} {}", v.lower),
        None => key,
    }
}

/// A word that may be a noun: lower case, alphabetic, not a function word,
/// a verb of the lexicon, an adverb or a word of time.
fn nounish(t: &Token) -> bool {
    let w = t.lower.as_str();
    t.is_word()
        && !t.capital
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !LINKING.contains(&w)
        && !CLAUSE.contains(&w)
        && !REPORTING.contains(&w)
        && !TIME_WORDS.contains(&w)
        && !FINITE.contains(&w)
        && !(w.len() > 4 && (w.ends_with("ly") || w.ends_with("ed")))
        && !matches!(
            w,
            "of" | "from" | "by" | "on" | "with" | "into" | "per" | "and" | "or"
        )
}

/// The noun right after a figure ("a £5m profit", "a 5% stake", "$5bn in
/// sales"), with its key; and whether it is a noun of change ("a 5% rise").
fn compound_after(toks: &[Token], after: usize) -> (Option<(Range<usize>, String)>, bool) {
    let mut j = after;
    while toks.get(j).is_some_and(|t| {
        t.is_word()
            && (NEUTRAL.contains(&t.lower.as_str()) || TIME_WORDS.contains(&t.lower.as_str()))
    }) {
        j += 1;
    }
    if toks
        .get(j)
        .is_some_and(|t| CHANGE_NOUNS.contains(&t.lower.as_str()))
    {
        return (None, true);
    }
    // "$5bn in sales".
    if toks.get(j).is_some_and(|t| t.is_word() && t.lower == "in")
        && toks.get(j + 1).is_some_and(nounish)
    {
        j += 1;
    }
    let start = j;
    while j < toks.len() && j - start < 3 && nounish(&toks[j]) {
        j += 1;
    }
    if j == start {
        return (None, false);
    }
    let found =
        key::key(&toks[start..j]).map(|key| (toks[start].range.start..toks[j - 1].range.end, key));
    (found, false)
}

/// Whether a phrase only names an owner: names, determiners, possessives
/// and nouns standing for a name ("Tesco", "the firm"): "profits at | the
/// retailer" reads on past its preposition.
fn owner_only(toks: &[Token]) -> bool {
    toks.iter().all(|t| {
        t.role == Role::Name
            || t.is_word()
                && (lexicon::DETERMINERS.contains(&t.lower.as_str())
                    || lexicon::OWNER_NOUNS.contains(&key::lemma(&t.lower).as_str()))
    })
}

/// The noun phrase ending before token `end`, read leftwards: `[start,
/// end)`, or `None` when it is empty.
fn noun_phrase(toks: &[Token], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > 0 && end - s < 12 {
        let t = &toks[s - 1];
        match t.role {
            Role::Name => {}
            Role::Word => {
                let w = t.lower.as_str();
                let stop = (CLAUSE.contains(&w)
                    && !matches!(w, "its" | "this" | "these" | "those" | "such"))
                    || REPORTING.contains(&w)
                    || lexicon::STATING.contains(&w)
                    || FINITE.contains(&w)
                    || CHANGE_VERBS.contains(&w)
                        && (w.ends_with("ed") || !CHANGE_NOUNS.contains(&w));
                if stop {
                    break;
                }
                if PHRASE_PREPOSITIONS.contains(&w) && (s == end || !owner_only(&toks[s..end])) {
                    break;
                }
                if w.len() > 4 && w.ends_with("ly") && !t.capital {
                    break;
                }
                // A determiner starts the phrase, unless it is inside a
                // prepositional phrase of it ("remittances from | its citizens").
                if lexicon::DETERMINERS.contains(&w) {
                    let inner = s >= 2
                        && toks[s - 2].is_word()
                        && matches!(
                            toks[s - 2].lower.as_str(),
                            "of" | "from" | "by" | "at" | "in"
                        );
                    if !inner || s >= end {
                        s -= 1;
                        break;
                    }
                }
            }
            _ => break,
        }
        s -= 1;
    }
    (s < end).then_some((s, end))
}
