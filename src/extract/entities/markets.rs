//! A name the sentence trades as a stock: "Zorbo fell 3%", "Zorbo
//! shares jumped as much as 8 percent", "shares of Zorbo rose". Market
//! reports name most companies this way and nothing else, and only a
//! listed company's price moves by a percentage right after its name.

use super::lists::{POSSESSIVES, Seen, skip_words};

/// Verbs of a price moving, past and present.
const MOVES: &[&str] = &[
    "rose", "rises", "fell", "falls", "jumped", "jumps", "gained", "gains", "climbed", "climbs",
    "dropped", "drops", "slid", "slides", "slumped", "slumps", "tumbled", "tumbles", "surged",
    "surges", "soared", "soars", "sank", "sinks", "plunged", "plunges", "dipped", "dips",
    "rallied", "rallies", "slipped", "slips", "declined", "declines", "advanced", "advances",
    "lost", "loses", "added", "adds", "eased", "eases", "edged", "edges",
];

/// Words of the stock itself between the name and its move ("Zorbo
/// shares fell").
const STOCK_WORDS: &[&str] = &["shares", "stock", "stocks"];

/// Words between the move and its figure ("fell as much as 3%", "rose
/// nearly 2 percent", "edged up 0.5%").
const HEDGES: &[&str] = &[
    "as", "much", "nearly", "almost", "about", "around", "some", "more", "than", "up", "down",
    "by", "over", "another", "a", "further",
];

/// Words spelling a percentage after its figure.
const PERCENT: &[&str] = &["%", "percent", "pct"];

/// Whether the name at `start..end` of a sentence of `len` words
/// (`seen(i)` reading word `i`) is traded as a stock: followed by a move
/// ([`MOVES`], after "shares" or "stock" if written) and a percentage
/// within a few hedging words, or preceded by "shares of" / "shares in"
/// and not followed by a possessive (whose owner a company is not:
/// "shares in Jo Smith's firm").
pub(crate) fn traded_as_stock<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if start >= end || end > len {
        return false;
    }
    let possessive = end < len && seen(end).is(POSSESSIVES);
    let after_shares = start >= 2
        && seen(start - 2).is_any_case(STOCK_WORDS)
        && seen(start - 1).is(&["of", "in"])
        && !possessive;
    after_shares || moves_by_a_percentage(&seen, len, end)
}

/// Verbs of a company's results, before what it reported.
const REPORTED: &[&str] = &[
    "reported", "reports", "posted", "posts", "recorded", "booked",
];

/// Words between such a verb and its result ("posted a record
/// first-quarter net profit").
const RESULT_WORDS: &[&str] = &[
    "a",
    "an",
    "its",
    "net",
    "record",
    "higher",
    "lower",
    "quarterly",
    "annual",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "full-year",
    "half-year",
    "pre-tax",
    "pretax",
    "operating",
    "underlying",
];

/// What a company reports.
const RESULTS: &[&str] = &[
    "profit", "profits", "loss", "losses", "earnings", "income", "revenue", "revenues", "sales",
];

/// Whether the name at `start..end` opens a clause as the subject of a
/// company's results: "Zorbo reported a net loss", "Zorbo also posted
/// record first-quarter profits", "Zorbo has booked higher revenue".
/// Only a company reports its profit so; an analyst "forecast" or
/// "expects" earnings, which are left out.
pub(crate) fn reports_results<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    start: usize,
    end: usize,
) -> bool {
    if start >= end || end >= len || !super::pronouns::opens_clause(&seen, start) {
        return false;
    }
    let mut i = end;
    if seen(i).is(&["also", "has", "had"]) {
        i += 1;
    }
    if !(i < len && seen(i).is(REPORTED)) {
        return false;
    }
    let i = skip_words(&seen, len, i + 1, RESULT_WORDS, 4);
    i < len && seen(i).is(RESULTS)
}

/// Verbs of where a price stood, before its change and its direction
/// ("closed 2% higher", "ended 1.5 percent down").
const STANDS: &[&str] = &[
    "closed", "ended", "finished", "opened", "traded", "were", "was",
];

/// Words giving the direction after a change ("closed 2% higher").
const DIRECTIONS: &[&str] = &["higher", "lower", "up", "down"];

/// A move and its percentage from word `at` on: "fell 3%", "shares
/// jumped as much as 8 percent", "'s shares slid 2 per cent", "shares
/// closed 2% higher".
fn moves_by_a_percentage<'a>(seen: &impl Fn(usize) -> Seen<'a>, len: usize, at: usize) -> bool {
    let mut i = at;
    if i + 1 < len && seen(i).is(POSSESSIVES) && seen(i + 1).is(STOCK_WORDS) {
        i += 1;
    }
    if i < len && seen(i).is(STOCK_WORDS) {
        i += 1;
    }
    if i >= len {
        return false;
    }
    if seen(i).is(STANDS) {
        // After the stock's word only: "shares closed 2% higher" ("Zorbo
        // closed" may be a shop's doors).
        return i > at
            && percentage_ends(seen, len, i + 1)
                .is_some_and(|k| k < len && seen(k).is(DIRECTIONS));
    }
    if !seen(i).is(MOVES) {
        return false;
    }
    let i = skip_words(seen, len, i + 1, HEDGES, 4);
    percentage_ends(seen, len, i).is_some()
}

/// Where a percentage written from word `i` ends ("3%", "8 percent",
/// "2 per cent", "5 pct"): the index after it; none when no percentage
/// starts there.
fn percentage_ends<'a>(seen: &impl Fn(usize) -> Seen<'a>, len: usize, i: usize) -> Option<usize> {
    let Some(Seen::Other(figure)) = (i < len).then(|| seen(i)) else {
        return None;
    };
    if !figure.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if figure.ends_with('%') {
        return Some(i + 1);
    }
    if i + 1 < len && seen(i + 1).is(PERCENT) {
        return Some(i + 2);
    }
    (i + 2 < len && seen(i + 1).is(&["per"]) && seen(i + 2).is(&["cent"])).then_some(i + 3)
}

/// Stock exchanges a listed company's ticker is written with, as press
/// releases and market reports write it after the name: "Zorbo Inc.
/// (NASDAQ: ZRB)", "Zorbo (NYSE: ZRB)", "(LSE: ZRB)".
const EXCHANGES: &[&str] = &[
    "nyse",
    "nasdaq",
    "amex",
    "lse",
    "aim",
    "tsx",
    "tsxv",
    "asx",
    "nzx",
    "hkex",
    "sehk",
    "sgx",
    "nse",
    "bse",
    "jse",
    "tse",
    "krx",
    "six",
    "otc",
    "otcqx",
    "otcqb",
    "euronext",
    "xetra",
    "etr",
    "fra",
    "epa",
    "ams",
    "bme",
    "bit",
    "sto",
    "hel",
    "cse",
    "nyse american",
    "nasdaq gs",
];

/// Whether the name ending before word `end` of a sentence of `len` words
/// is followed by its listing in parentheses: an exchange ([`EXCHANGES`],
/// one or two words), a colon and a ticker ([`is_ticker`]) ("Zorbo (NYSE:
/// ZRB)", "Zorbo (Nasdaq: ZRB.O)"). Only a listed company has one.
pub(crate) fn listed_with_ticker<'a>(
    seen: impl Fn(usize) -> Seen<'a>,
    len: usize,
    end: usize,
) -> bool {
    if end >= len || !seen(end).is(&["("]) {
        return false;
    }
    let text = |i: usize| match seen(i) {
        Seen::Lower(w) | Seen::Capital(w) | Seen::Other(w) => w,
    };
    let exchange = |from: usize, words: usize| {
        let name: Vec<&str> = (from..from + words).map(text).collect();
        EXCHANGES.contains(&name.join(" ").to_lowercase().as_str())
    };
    let ticker = |i: usize| matches!(seen(i), Seen::Capital(w) if is_ticker(w));
    (1..=2).any(|words| {
        let colon = end + 1 + words;
        colon + 2 < len
            && exchange(end + 1, words)
            && seen(colon).is(&[":"])
            && ticker(colon + 1)
            && seen(colon + 2).is(&[")"])
    })
}

/// A ticker's letters: one to six letters or digits, opening on a letter,
/// with a market's suffix of one or two letters after a dot ("ZRB",
/// "BRK.A", "ZRB.O"). Case is not read here: the caller sees the word as
/// written with a capital (the recognizer's tokens keep only their
/// lowercase).
fn is_ticker(word: &str) -> bool {
    let (symbol, suffix) = word.split_once('.').unwrap_or((word, ""));
    (1..=6).contains(&symbol.len())
        && symbol.starts_with(|c: char| c.is_ascii_alphabetic())
        && symbol.chars().all(|c| c.is_ascii_alphanumeric())
        && suffix.len() <= 2
        && suffix.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether the word after a name (`number`) and the one after it
/// (`next`) make the name a stock index with its count of stocks ("S&P
/// 500 rose", "the Stoxx 600 index", "Russell 2000 fell"): two to four
/// digits, then "index" or a price's move. A year there is part of the
/// name as well ("Tokyo 2020 slipped").
pub(crate) fn counts_an_index(number: &str, next: Option<&str>) -> bool {
    (2..=4).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && next.is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            w == "index" || MOVES.contains(&w.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_reporting_results_is_a_company() {
        let reports = |sentence: &str, start: usize, end: usize| {
            super::super::lists::read_words(sentence, |seen, len| {
                reports_results(seen, len, start, end)
            })
        };
        assert!(reports("Zorbo reported a net loss of 7 mln dlrs", 0, 1));
        assert!(reports(
            "Earlier , Zorbo also posted record first-quarter profits",
            2,
            3
        ));
        assert!(reports("Zorbo has booked higher revenue", 0, 1));
        assert!(!reports("Zorbo expects earnings of 2 dlrs", 0, 1));
        assert!(!reports("Zorbo reported the theft", 0, 1));
        assert!(!reports("shares of Zorbo reported losses", 2, 3));
        assert!(!reports("Zorbo reported", 0, 1));
    }

    /// Whether `words[start..end]` is traded as a stock.
    fn traded(sentence: &str, start: usize, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| {
            traded_as_stock(seen, len, start, end)
        })
    }

    #[test]
    fn a_possessive_stock_and_a_closing_price_are_traded() {
        assert!(traded("Zorbo 's shares fell 5 % on Tuesday", 0, 1));
        assert!(traded("Zorbo 's stock jumped 8%", 0, 1));
        assert!(traded("Zorbo shares closed 2% higher", 0, 1));
        assert!(traded("Zorbo shares ended 1.5 percent down", 0, 1));
        assert!(!traded("Zorbo closed 2% higher", 0, 1));
        assert!(!traded("Zorbo 's fell 5 %", 0, 1));
        assert!(!traded("Zorbo shares closed higher", 0, 1));
        assert!(!traded("Zorbo shares closed 2% of its stores", 0, 1));
    }

    #[test]
    fn a_name_whose_price_moves_is_a_stock() {
        assert!(traded("Zorbo fell 3 % on Monday", 0, 1));
        assert!(traded("Zorbo jumped 8% after results", 0, 1));
        assert!(traded("Zorbo shares rose as much as 2.5 percent", 0, 1));
        assert!(traded("Zorbo Corp stock slid 1 per cent", 0, 2));
        assert!(traded("Shares of Zorbo rose", 2, 3));
        assert!(traded("investors sold shares in Zorbo", 4, 5));
    }

    fn listed(sentence: &str, end: usize) -> bool {
        super::super::lists::read_words(sentence, |seen, len| listed_with_ticker(seen, len, end))
    }

    #[test]
    fn a_ticker_after_the_name_lists_a_company() {
        assert!(listed("Zorbo ( Nasdaq : ZRB ) said", 1));
        assert!(listed("Zorbo Inc. ( NYSE : ZRB ) said", 2));
        assert!(listed("Zorbo ( NYSE American : BRK.A )", 1));
        assert!(listed("Zorbo ( LSE : Z1 )", 1));
        // Not a ticker, no exchange, no parenthesis.
        assert!(!listed("Zorbo ( Nasdaq : zorbo )", 1));
        assert!(!listed("Zorbo ( Nasdaq : 2024 )", 1));
        assert!(!listed("Zorbo ( AP ) said", 1));
        assert!(!listed("Zorbo ( Paris : ZRB )", 1));
        assert!(!listed("Zorbo Nasdaq : ZRB", 1));
        assert!(!listed("Zorbo ( Nasdaq : ZRB", 1));
    }

    #[test]
    fn an_index_counts_its_stocks() {
        assert!(counts_an_index("500", Some("rose")));
        assert!(counts_an_index("600", Some("index")));
        assert!(counts_an_index("2000", Some("fell")));
        // A figure, a number without a move.
        assert!(!counts_an_index("1.5", Some("rose")));
        assert!(!counts_an_index("5", Some("rose")));
        assert!(!counts_an_index("500", Some("jobs")));
        assert!(!counts_an_index("500", None));
    }

    #[test]
    fn other_moves_are_not() {
        // Points, a lead, a fall without a figure.
        assert!(!traded("Smith fell 3 points in the polls", 0, 1));
        assert!(!traded("Smith fell to the ground", 0, 1));
        assert!(!traded("Smith rose to power in 1990", 0, 1));
        // Shares in what the name owns.
        assert!(!traded("shares in Smith 's firm", 2, 3));
        assert!(!traded("Zorbo", 0, 1));
    }
}
