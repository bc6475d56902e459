//! A measure's key: the words naming what is measured, reduced to the form
//! two articles share however they word it. Determiners, possessives,
//! names (they become the measure's entity), numbers and neutral adjectives
//! go; the rest is lemmatized; the head (the last noun before a preposition
//! or participle) stays, with the modifier a generic head needs ("oil
//! price") and those that change the quantity ("pre-tax profit"); the
//! paraphrases of [`lexicon::canonical`] meet ("money sent home by
//! migrants" and "migrant remittances" are both `remittance`).

use super::lexicon::{self, AMOUNT_OF, CONTRASTIVE, DETERMINERS, NEUTRAL, OWNER_NOUNS};
use super::tokens::{Role, Token};

/// Words that are not plurals although they end in "s".
const KEEP_S: &[&str] = &[
    "news",
    "series",
    "species",
    "gas",
    "earnings",
    "savings",
    "proceeds",
    "arrears",
    "means",
    "goods",
    "headquarters",
    "economics",
    "politics",
    "sales",
    "analysis",
    "crisis",
    "basis",
    "thesis",
    "status",
    "bonus",
    "census",
    "virus",
    "surplus",
    "plus",
    "bus",
    "us",
    "this",
    "its",
    "has",
    "was",
    "is",
    "gdp",
    "arms",
    "customs",
    "assets",
    "billions",
    "millions",
    "diabetes",
    "athletics",
    "physics",
    "aids",
    "emissions",
];

/// The dictionary form of a noun (or of a few participles): "remittances"
/// → "remittance", "economies" → "economy", "sent" → "send".
pub(crate) fn lemma(word: &str) -> String {
    let w = word.trim_end_matches("'s").trim_end_matches('\'');
    let irregular = match w {
        "people" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "sent" | "sending" | "sends" => Some("send"),
        "remitted" | "remitting" => Some("remit"),
        "paid" => Some("pay"),
        "sold" => Some("sell"),
        "spent" => Some("spend"),
        "sales" => Some("sale"),
        "assets" => Some("asset"),
        "emissions" => Some("emission"),
        "working" => Some("work"),
        _ => None,
    };
    if let Some(i) = irregular {
        return i.to_string();
    }
    if KEEP_S.contains(&w) || w.len() < 4 || !w.ends_with('s') || w.ends_with("ss") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for tail in ["ches", "shes", "xes", "zes", "sses"] {
        if w.ends_with(tail) {
            return w[..w.len() - 2].to_string();
        }
    }
    w[..w.len() - 1].to_string()
}

/// Prepositions that end a noun phrase's core ("remittances | from …").
const PREPOSITIONS: &[&str] = &[
    "of", "from", "by", "in", "at", "for", "to", "with", "on", "among", "between", "into",
    "across", "over", "under", "within", "through", "toward", "towards", "per", "via", "against",
];

/// Nouns ending in "-ing" that name a measure ("consumer spending").
const ING_NOUNS: &[&str] = &[
    "spending",
    "funding",
    "borrowing",
    "lending",
    "housing",
    "advertising",
    "marketing",
    "banking",
    "shipping",
    "manufacturing",
    "clothing",
    "financing",
    "pricing",
    "trading",
    "building",
    "gaming",
    "broadcasting",
    "mining",
    "polling",
    "earning",
    "saving",
    "ticketing",
    "farming",
    "fishing",
    "schooling",
    "sponsorship",
    "licensing",
    "processing",
    "recycling",
];

/// A participle after a noun starts a reduced clause ("money | sent home").
fn participle(lower: &str) -> bool {
    lower.len() > 4
        && (lower.ends_with("ed") || lower.ends_with("ing") && !ING_NOUNS.contains(&lower))
        || matches!(
            lower,
            "sent"
                | "paid"
                | "sold"
                | "spent"
                | "held"
                | "made"
                | "lost"
                | "built"
                | "known"
                | "given"
                | "taken"
                | "seen"
                | "shown"
                | "grown"
                | "done"
                | "brought"
                | "bought"
                | "won"
                | "left"
                | "kept"
                | "set"
                | "put"
        )
}

/// The key of the phrase `toks`, if it names a measure (not only names,
/// pronouns or numbers).
pub(crate) fn key(toks: &[Token]) -> Option<String> {
    let mut start = 0;
    // "the volume of remittances": the measure is after the "of".
    while let Some(of) = toks[start..]
        .iter()
        .position(|t| t.is_word() && t.lower == "of")
        .map(|k| start + k)
    {
        let before: Vec<&Token> = toks[start..of]
            .iter()
            .filter(|t| t.is_word() && !DETERMINERS.contains(&t.lower.as_str()))
            .collect();
        let amount_of = before.len() == 1 && AMOUNT_OF.contains(&before[0].lower.as_str());
        if !amount_of {
            break;
        }
        start = of + 1;
        if start >= toks.len() {
            return None;
        }
    }
    let toks = &toks[start..];
    let all: Vec<String> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| lemma(&t.lower))
        .collect();
    let mut core: Vec<&Token> = Vec::new();
    let mut rest = toks.len();
    for (i, t) in toks.iter().enumerate() {
        match t.role {
            Role::Punct | Role::Figure(_) | Role::Date => {
                if core.iter().any(|c| c.is_word()) {
                    rest = i;
                    break;
                }
                continue;
            }
            Role::Name => {
                core.push(t);
                continue;
            }
            Role::Word => {}
        }
        let w = t.lower.as_str();
        let content = core.iter().any(|c| c.is_word());
        if content && (PREPOSITIONS.contains(&w) || participle(w)) {
            rest = i;
            break;
        }
        core.push(t);
    }
    let content = |w: &&str| {
        !DETERMINERS.contains(w)
            && !w.ends_with("'s")
            && !w.starts_with(|c: char| c.is_ascii_digit())
            && !PREPOSITIONS.contains(w)
    };
    let words: Vec<String> = core
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_str())
        .filter(content)
        .map(lemma)
        .collect();
    let head = words.last()?.clone();
    // A head that is not a noun: an adverb, a participle, a verb of the
    // walk, a function word.
    let not_noun = head.len() > 4 && (head.ends_with("ly") || head.ends_with("ed"))
        || participle(&head) && !head.ends_with("ing")
        || lexicon::LINKING.contains(&head.as_str())
            && !lexicon::NOUN_OR_VERB.contains(&head.as_str())
        || lexicon::CLAUSE.contains(&head.as_str())
        || lexicon::CHANGE_VERBS.contains(&head.as_str())
            && !lexicon::CHANGE_NOUNS.contains(&head.as_str());
    if not_noun
        || NEUTRAL.contains(&head.as_str())
        || lexicon::PRONOUNS.contains(&head.as_str())
        || OWNER_NOUNS.contains(&head.as_str())
    {
        return None;
    }
    let modifiers = &words[..words.len() - 1];
    if let Some(c) = lexicon::canonical(&words, &all) {
        // A canonical measure keeps only the modifiers that change it.
        let mut mods: Vec<&str> = modifiers
            .iter()
            .map(String::as_str)
            .filter(|w| CONTRASTIVE.contains(w) && !c.split(' ').any(|h| h == *w) && c != "gdp")
            .collect();
        mods.sort_unstable();
        mods.dedup();
        mods.push(c);
        return Some(mods.join(" "));
    }
    // "exports of cars" is "car export".
    let mut out: Vec<String> = Vec::new();
    if toks
        .get(rest)
        .is_some_and(|t| t.is_word() && t.lower == "of")
    {
        let object = toks[rest + 1..]
            .iter()
            .take_while(|t| {
                t.is_word() && !PREPOSITIONS.contains(&t.lower.as_str()) && !participle(&t.lower)
            })
            .filter(|t| content(&t.lower.as_str()) && !NEUTRAL.contains(&t.lower.as_str()))
            .last();
        if let Some(o) = object {
            out.push(lemma(&o.lower));
        }
    }
    out.extend(
        modifiers
            .iter()
            .filter(|w| !NEUTRAL.contains(&w.as_str()) && !participle(w) && !w.ends_with("ly"))
            .cloned(),
    );
    out.push(head);
    out.dedup();
    Some(out.join(" "))
}
