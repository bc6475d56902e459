//! The words the measure reader knows: verbs that link a figure to what it
//! measures, verbs and nouns of change, reporting verbs, the generic nouns
//! that need their modifier ("rate", "price"), and the paraphrases news
//! uses for the same quantity ("money sent home" for remittances, "jobless
//! rate" for unemployment). General English and economic vocabulary only.

/// Verbs (and their particles) between a subject and the figure it has:
/// "reached", "stood at", "accounted for", "amounting to", "is".
pub(crate) const LINKING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "may", "might", "can", "should", "must", "reach", "reached", "reaches", "reaching",
    "stood", "stand", "stands", "standing", "at", "total", "totalled", "totaled", "totals",
    "totalling", "totaling", "hit", "hits", "hitting", "amount", "amounts", "amounted", "amounting",
    "to", "account", "accounts", "accounted", "accounting", "for", "make", "makes", "made",
    "making", "up", "represent", "represents", "represented", "representing", "constitute",
    "constitutes", "constituted", "constituting", "equal", "equals", "equalled", "equaled",
    "equivalent", "worth", "valued", "value", "cost", "costs", "costing", "came", "come", "comes",
    "coming", "in", "topped", "tops", "top", "exceeded", "exceeds", "exceed", "surpassed",
    "surpass", "surpasses", "estimated", "expected", "forecast", "projected", "put", "set",
    "seen", "now", "already", "still", "only", "just", "also", "about", "some", "by", "of",
    "saw", "see", "sees", "posted", "posts", "post", "recorded", "record", "records", "reported",
    "reports", "showed", "shows", "show", "a", "an", "its", "their", "his", "her", "the",
    "get", "gets", "got", "receive", "receives", "received", "earned", "earn", "earns", "paid",
    "pay", "pays", "raised", "raise", "raises", "spent", "spend", "spends", "remitted", "remit",
    "remits", "sent", "send", "sends", "exported", "export", "exports", "imported", "import",
    "imports", "invested", "invest", "invests", "lost", "lose", "loses", "owed", "owe", "owes",
    "borrowed", "borrow", "borrows", "sold", "sell", "sells", "generated", "generate",
    "generates", "brought", "bring", "brings", "than", "more", "less", "around", "roughly",
    "nearly", "almost", "over", "under", "approximately", "back", "home", "last", "this",
    "year", "annually", "per", "each", "every", "from", "below", "above", "least", "most",
    "close", "upwards", "excess", "exceeding", "circa", "approx", "well", "fewer",
];

/// Verbs of change: with "by", or with the figure right after, the figure
/// is the change ("rose by 17%", "fell 3%"); with "to" it is the new level.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen",
    "grew", "grow", "grows", "growing", "grown", "increased", "increase", "increases",
    "increasing", "decreased", "decrease", "decreases", "decreasing", "dropped", "drop", "drops",
    "dropping", "declined", "decline", "declines", "declining", "jumped", "jump", "jumps",
    "jumping", "climbed", "climb", "climbs", "climbing", "slipped", "slip", "slips", "slid",
    "slide", "slides", "sliding", "plunged", "plunge", "plunges", "plunging", "plummeted",
    "plummet", "surged", "surge", "surges", "surging", "soared", "soar", "soars", "soaring",
    "gained", "gain", "gains", "gaining", "shrank", "shrink", "shrinks", "shrunk", "contracted",
    "contract", "contracts", "expanded", "expand", "expands", "expanding", "cut", "cuts",
    "cutting", "reduced", "reduce", "reduces", "raised", "boosted", "boost", "slumped", "slump",
    "tumbled", "tumble", "dipped", "dip", "eased", "ease", "edged", "advanced", "widened",
    "narrowed", "doubled", "tripled", "halved", "up", "down", "higher", "lower",
];

/// Nouns of change: "a 5% rise", "an increase of 3%", "46.2% year-on-year
/// increase".
pub(crate) const CHANGE_NOUNS: &[&str] = &[
    "rise", "rises", "increase", "increases", "growth", "jump", "fall", "falls", "drop", "drops",
    "decline", "declines", "gain", "gains", "cut", "cuts", "hike", "hikes", "reduction",
    "surge", "slump", "decrease", "climb", "boost", "contraction", "expansion", "rebound",
    "plunge", "dip", "higher", "lower", "more", "less", "up", "down",
];

/// Verbs that say a figure is a part of a whole ("accounts for 22% of …").
pub(crate) const SHARE_VERBS: &[&str] = &[
    "account", "accounts", "accounted", "accounting", "make", "makes", "made", "making",
    "represent", "represents", "represented", "representing", "constitute", "constitutes",
    "constituted", "equivalent", "equal", "equals",
];

/// Reporting verbs that name where a figure comes from.
pub(crate) const REPORTING: &[&str] = &[
    "said", "says", "say", "estimates", "estimated", "estimate", "reported", "reports", "report",
    "forecasts", "forecast", "predicts", "predicted", "projects", "projected", "shows", "showed",
    "show", "shown", "notes", "noted", "cited", "cites", "told", "tells", "calculates",
    "calculated", "found", "finds", "suggests", "suggested", "announced", "announces",
    "revealed", "reveals", "claimed", "claims", "stated", "states", "puts", "indicated",
    "indicates", "according",
];

/// Words that end a noun phrase read leftwards: clause words, conjunctions.
pub(crate) const CLAUSE: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although",
    "though", "if", "unless", "and", "or", "but", "as", "than", "so", "since", "after", "before",
    "despite", "whether", "meanwhile", "however", "yet", "said", "says", "say", "told", "adding",
    "added", "says", "also", "there", "it", "its", "he", "she", "they", "we", "i", "you", "this",
    "these", "those", "such",
];

/// Subject pronouns: a figure whose subject is one of these names its
/// measure by its verb ("They remitted $1.8bn" → remittances).
pub(crate) const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "we", "i", "you", "which", "that", "who", "this", "these",
];

/// Determiners and possessive words, dropped from a measure's key.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those", "all", "some", "every", "each", "any", "such", "whose",
];

/// Adjectives that do not change what is measured, dropped from the key.
pub(crate) const NEUTRAL: &[&str] = &[
    "total", "overall", "annual", "yearly", "latest", "new", "current", "recent", "estimated",
    "expected", "projected", "official", "record", "combined", "entire", "whole", "full",
    "average", "massive", "huge", "large", "small", "big", "significant", "further", "additional",
    "extra", "so-called", "critical", "vital", "key", "main", "major", "national", "domestic",
    "bilateral", "mutual", "foreign", "overseas", "global", "international", "country's",
    "nation's", "firm's", "company's", "group's", "bank's", "government's", "state's",
    "reported", "projected", "planned", "proposed", "initial", "final", "year's", "last",
    "previous", "next", "first", "second", "third", "whopping", "staggering", "only", "just",
    "roughly", "about", "nearly", "almost", "over", "more", "than", "strong", "weak", "robust",
    "sharp", "steep", "modest", "slight", "healthy", "solid", "high", "low", "higher", "lower",
    "rising", "falling", "growing", "net-", "much-needed", "valuable", "important",
];

/// Nouns that stand for an owner already named ("the firm", "the
/// country"): they say whose figure it is, not what it measures.
pub(crate) const OWNER_NOUNS: &[&str] = &[
    "firm", "company", "group", "retailer", "bank", "government", "country", "nation", "state",
    "airline", "carrier", "chain", "business", "operator", "maker", "giant", "club", "side",
    "team", "ministry", "agency", "department", "council", "city", "region", "province",
    "economy's", "authority", "authorities", "organisation", "organization", "institution",
    "lender", "insurer", "supermarket", "manufacturer", "producer", "broadcaster", "network",
    "studio", "label", "channel", "university", "school", "hospital", "party",
];

/// Nouns that name how much of something rather than what: the measure is
/// what follows their "of" ("the volume of remittances").
pub(crate) const AMOUNT_OF: &[&str] = &[
    "volume", "amount", "level", "value", "number", "total", "sum", "size", "proportion",
    "percentage", "share", "portion", "part", "bulk", "majority", "figure", "tally", "count",
    "flow", "flows", "inflow", "inflows", "rest", "quarter", "half", "third",
];

/// Modifiers that change the quantity, kept in the key even when the head
/// is not generic ("pre-tax profit" is not "net profit").
pub(crate) const CONTRASTIVE: &[&str] = &[
    "net", "gross", "pre-tax", "operating", "underlying", "core", "headline", "monthly",
    "quarterly", "weekly", "daily", "male", "female", "youth", "long-term", "short-term",
    "public", "private", "military", "defence", "defense", "health", "education", "trade",
    "budget", "current-account", "capital", "retail", "online", "wholesale", "consumer",
];

/// A noun named by a verb, for figures whose subject is a pronoun or a
/// name: "remitted" → remittance, "exported" → export.
pub(crate) fn nominal(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "remitted" | "remit" | "remits" | "remitting" => "remittance",
        "exported" | "export" | "exports" | "exporting" => "export",
        "imported" | "import" | "imports" | "importing" => "import",
        "spent" | "spend" | "spends" | "spending" => "spending",
        "invested" | "invest" | "invests" | "investing" => "investment",
        "borrowed" | "borrow" | "borrows" | "borrowing" => "borrowing",
        "earned" | "earn" | "earns" | "earning" => "earnings",
        "owed" | "owe" | "owes" | "owing" => "debt",
        "lost" | "lose" | "loses" | "losing" => "loss",
        "sold" | "sell" | "sells" | "selling" => "sale",
        "paid" | "pay" | "pays" | "paying" => "payment",
        "raised" | "raise" | "raises" | "raising" => "funding",
        _ => return None,
    })
}

/// Abbreviations that name a measure, not an entity, even when the
/// recognizer tags them.
pub(crate) const MEASURE_ACRONYMS: &[&str] = &["gdp", "gnp", "gni", "cpi", "vat", "fdi", "oda"];

/// The canonical name of a measure, when news names it in several ways:
/// `core` are the lemmas of the phrase's core, head last; `all` every lemma
/// of the phrase ("money sent home by migrants": core "money").
pub(crate) fn canonical(core: &[String], all: &[String]) -> Option<&'static str> {
    let has = |w: &str| all.iter().any(|x| x == w);
    let head = core.last().map(String::as_str)?;
    Some(match head {
        "remittance" => "remittance",
        "money" | "cash" | "fund" if has("send") || has("remit") => "remittance",
        "turnover" if has("trade") || has("bilateral") || has("commodity") || has("mutual") => {
            "trade"
        }
        "turnover" => "revenue",
        "commerce" => "trade",
        "product" if has("domestic") && has("gross") => "gdp",
        "gdp" | "economy" | "output" if head != "output" || has("economic") => "gdp",
        "unemployment" | "joblessness" => "unemployment",
        "rate" | "total" | "level" if has("unemployment") || has("jobless") => "unemployment",
        "rate" | "level" if has("inflation") => "inflation",
        "earnings" | "profit" if !has("per") => "profit",
        "worker" | "laborer" | "labourer" if has("migrant") || has("guest") => "migrant",
        "migrant" => "migrant",
        "expenditure" | "outlay" => "spending",
        "sale" if has("retail") => "retail sale",
        "populace" | "inhabitant" => "population",
        _ => return None,
    })
}

/// Words that are nouns as often as verbs: read as the verb ("amount
/// to", "account for", "cost $5m", "exports $5bn") only before a particle,
/// a qualifier or the figure; otherwise they end the walk as the subject's
/// head ("car exports jumped", "the total cost was").
pub(crate) const NOUN_OR_VERB: &[&str] = &[
    "total", "totals", "cost", "costs", "value", "amount", "amounts", "account", "accounts",
    "record", "records", "export", "exports", "import", "imports", "pay", "spend", "raise",
    "sell", "show", "top", "tops", "post", "posts", "set", "put", "forecast", "estimated",
    "expected", "projected", "saw", "see", "hit", "hits",
];

