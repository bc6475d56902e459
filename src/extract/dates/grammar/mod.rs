//! The date grammar: at each token, every rule that can start there is
//! tried and the longest reading wins; rules build on each other (a range
//! is two dates, a shift is an amount and a date). Each line is parsed on
//! its own, so nothing joins across a line break, and every rule reads a
//! bounded number of tokens, so the scan is linear in the text.

mod amounts;
mod atoms;
mod compose;
mod days;
mod periods;

use crate::extract::numbers::lexer::{self, Kind};

use super::lexicon;

use super::expr::{Day, Expr, Node, Period};
use super::lexicon::cues::{
    ANAPHORIC_WORDS, ANCHOR_ONLY_WORDS, ANCHOR_STARTERS, BEFORE_PARTICIPLES, CLAUSE_BREAKS,
    CURRENCY_SIGNS, DEICTIC_WORDS, FUTURE_WORDS, NOT_PAST, NOUN_OPENERS, PAST_WORDS, PLANNED_WORDS,
    REPORTED_FUTURE_WORDS, STARTERS,
};
use super::tokens::Tok;

/// What to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Dates, periods and durations, composed into the longest expressions.
    All,
    /// Lengths of time only ("a week" of "in a week").
    Durations,
}

/// How all-numeric dates with two small numbers are read: `03/02/25` is
/// 2 March (month first) or 3 February (day first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    MonthFirst,
    DayFirst,
}

/// One expression found: token range and meaning.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

/// The parser over one line's tokens.
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok<'a>],
    pub raw: &'a [lexer::Token],
    pub order: Order,
    pub mode: Mode,
}

/// A rule's result: the token after what it read, and what it read.
pub(crate) type Hit<T> = Option<(usize, T)>;

impl<'a> Parser<'a> {
    /// The word at `i`.
    pub(crate) fn word_at(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).and_then(|t| t.word())
    }

    /// The word at `i` is `w`.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(w))
    }

    /// The word at `i` is one of `ws`.
    pub(crate) fn is_one_of(&self, i: usize, ws: &[&str]) -> bool {
        self.word_at(i).is_some_and(|w| ws.contains(&w))
    }

    /// Punctuation `c` at `i`.
    pub(crate) fn punct_at(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.punct(c))
    }

    /// A dash of any kind at `i`.
    pub(crate) fn dash(&self, i: usize) -> bool {
        self.punct_at(i, '-')
            || self.punct_at(i, '\u{2013}')
            || self.punct_at(i, '\u{2014}')
            || self.punct_at(i, '~')
    }

    /// The digit run at `i`: value and number of digits.
    pub(crate) fn digits_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Digits).then_some((t.num?, t.digits))
    }

    /// Token `i` is glued to the one before it.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::glued)
    }

    /// Skips an optional word.
    pub(crate) fn skip_optional(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) { i + 1 } else { i }
    }

    /// Token `i` ends a clause: the end of the line or punctuation.
    pub(crate) fn clause_end(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) => t.kind == Kind::Punct && !t.punct('-') && !t.punct('/'),
        }
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn top(&self, i: usize) -> Hit<Expr> {
        if self.mode == Mode::Durations {
            return self.duration_expr(i);
        }
        let (end, expr) = longest([
            self.modified(i),
            self.range(i),
            self.shifted(i),
            self.day(i).map(|(e, d)| (e, Expr::day(d))),
            self.period(i).map(|(e, p)| (e, Expr::period(p))),
            self.duration_expr(i),
        ])?;
        Some(self.suffix_mods(end, expr))
    }

    /// A day or a period at `i` (one side of a range, the base of a shift).
    pub(crate) fn point(&self, i: usize) -> Hit<Expr> {
        longest([
            self.day(i).map(|(e, d)| (e, Expr::day(d))),
            self.period(i).map(|(e, p)| (e, Expr::period(p))),
        ])
    }
}

/// The reading that goes furthest; the first of equals wins, so rules are
/// listed in order of preference.
pub(crate) fn longest<T, const N: usize>(hits: [Hit<T>; N]) -> Hit<T> {
    let mut best: Hit<T> = None;
    for (e, x) in hits.into_iter().flatten() {
        if best.as_ref().is_none_or(|(b, _)| e > *b) {
            best = Some((e, x));
        }
    }
    best
}

/// Every expression in one line's tokens, in order, none overlapping.
pub(crate) fn parse_line(p: &Parser<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if !p.toks[i].starter || !anchored(p, i) || !starts_ok(p, i) {
            i += 1;
            continue;
        }
        match p.top(i) {
            Some((end, mut expr)) if end > i && ends_ok(p, end) => {
                expr.anaphoric = refers_back(p, i, end, &expr);
                let weekday = matches!(expr.node, Node::Day(Day::Weekday { .. }));
                let weekend = matches!(expr.node, Node::Period(Period::NearWeekend));
                let fronted = fronted_tense(p, i, end, weekday);
                expr.ahead = told_ahead(p, i, weekday) || fronted == Some(Tense::Future);
                // Looking back, only a weekday, "the weekend" or a period
                // counted "through" a time: the verb of a longer clause may
                // tell of the past while its date lies ahead ("invited him
                // to Moscow on May 9", "was extended until March"), but
                // within a week the verb decides, and so it does for
                // figures counted through a month ("prices rose 3.7% in
                // the 12 months through August"). A date that opens its
                // sentence, or stands between a subject and its verb, is
                // the time of that verb whatever the date ("On March 12,
                // the company announced", "Through the end of September,
                // he had raised").
                expr.behind = !expr.ahead
                    && ((weekday || weekend || p.toks[i].low == "through") && told_behind(p, i)
                        || month_told_behind(p, i, &expr)
                        || fronted == Some(Tense::Past));
                out.push(Found {
                    start: i,
                    end,
                    expr,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether the expression at tokens `start..end` is told from a time the
/// text has just named: it is relative ("a year", "the month", "the same
/// period") and says so with a word such as "later", "before",
/// "following" or "that", and with no word that ties it to the article's
/// own date ("ago", "next", "tomorrow"). "The next day" of a story is the
/// day after the one it tells of.
fn refers_back(p: &Parser<'_>, start: usize, end: usize, expr: &Expr) -> bool {
    let words = || p.toks[start..end].iter().filter_map(|t| t.word());
    let relative = match &expr.node {
        Node::Period(Period::Same(_)) => return true,
        Node::Day(Day::Relative(_)) => {
            if p.is(start, "the") && p.is_one_of(start + 1, &["next", "following"]) {
                return true;
            }
            true
        }
        Node::Day(Day::Shift { base, .. }) => matches!(**base, Day::Relative(0)),
        // "later that month", "early that year": a part of a relative
        // period is as relative as the period.
        Node::Period(Period::Around { of, .. } | Period::PartOf { of, .. }) => {
            is_relative_period(of)
        }
        Node::Period(period) => is_relative_period(period),
        _ => false,
    };
    relative
        && words().any(|w| ANAPHORIC_WORDS.contains(&w))
        && !words().any(|w| DEICTIC_WORDS.contains(&w))
}

/// Whether `period` is counted from a reference ("the week", "that
/// month", "the following year"), not named ("March", "2020").
fn is_relative_period(period: &Period) -> bool {
    use super::expr::{MonthRef, YearRef};
    matches!(
        period,
        Period::Week(_)
            | Period::Weekend(_)
            | Period::NearWeekend
            | Period::Fortnight(_)
            | Period::QuarterRel(_)
            | Period::DecadeRel(_)
            | Period::Month(MonthRef::Rel(_))
            | Period::Year(YearRef::Rel(_))
    )
}

/// Tokens looked back at most for a word of the future.
const AHEAD_REACH: usize = 12;

/// Words looked back at most for a verb of the past (numbers and signs
/// between them not counted).
const BEHIND_REACH: usize = 8;

/// Whether the clause before the expression at token `start` speaks of
/// the future: a word of [`FUTURE_WORDS`] within [`AHEAD_REACH`] tokens,
/// with no [`CLAUSE_BREAKS`] and no verb of the past between ("officials
/// will meet again on Tuesday", "the prize will be awarded by a jury led
/// by its president on Saturday"; not "the inquiry will ask why the bank,
/// which failed on Friday, …", nor "the firm will appeal a ruling it
/// issued on Friday"). With `reported` (a weekday), a word of
/// [`REPORTED_FUTURE_WORDS`] not before "have" counts too ("said the deal
/// would take effect on Sunday").
fn told_ahead(p: &Parser<'_>, start: usize, reported: bool) -> bool {
    let from = start.saturating_sub(AHEAD_REACH);
    for k in (from..start).rev() {
        let t = &p.toks[k];
        if CLAUSE_BREAKS.contains(&t.low) || told_in_past(p, k) {
            return false;
        }
        if t.word().is_some_and(|w| FUTURE_WORDS.contains(&w)) {
            return true;
        }
        if reported
            && t.word().is_some_and(|w| REPORTED_FUTURE_WORDS.contains(&w))
            && !p.is_one_of(k + 1, &["have", "ve"])
        {
            return true;
        }
    }
    false
}

/// Whether the clause before the expression at token `start` tells of the
/// past: a verb of the past within [`BEHIND_REACH`] tokens before any word
/// of the future, with no [`CLAUSE_BREAKS`] but "and" between ("were
/// ordered to leave on Saturday", "the storm swept across Wales and the
/// West Midlands on Saturday"). Such a date is the one gone by, however
/// near the next one is.
fn told_behind(p: &Parser<'_>, start: usize) -> bool {
    let mut words = 0;
    for k in (0..start).rev() {
        let t = &p.toks[k];
        if t.word().is_some() {
            words += 1;
            if words > BEHIND_REACH {
                return false;
            }
        }
        // A point inside a number ("3.7%") ends nothing, nor a word
        // joined to the next by a hyphen ("in after-hours trade").
        let in_number = t.glued() && p.toks.get(k + 1).is_some_and(Tok::glued);
        let hyphened = p.dash(k + 1) && p.glued(k + 1) && p.glued(k + 2);
        if t.low != "and" && !in_number && !hyphened && CLAUSE_BREAKS.contains(&t.low) {
            return false;
        }
        if t.word().is_some_and(|w| FUTURE_WORDS.contains(&w)) {
            return false;
        }
        if told_in_past(p, k) {
            return true;
        }
    }
    false
}

/// Which way the clause after a date tells it ([`fronted_tense`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// Prepositions that may stand before a date opening its sentence
/// without being read into it ("On Saturday, …", "In March, …").
const FRONT_PREPOSITIONS: &[&str] = &["on", "in", "by", "during", "until", "till", "through"];

/// Present-tense auxiliaries and verbs of saying: after a fronted date
/// they tell neither way ("On Tuesday, the company says it closed …",
/// "By March, the plant has closed"), so the nearest reading stays.
const PRESENT_WORDS: &[&str] = &[
    "is", "are", "am", "has", "have", "does", "do", "says", "say", "'s", "’s",
];

/// How the clause after the expression at tokens `start..end` tells it,
/// when the expression (or a preposition before it) opens its sentence and
/// a comma or the preposition sets it before its clause: the first verb of
/// the past, word of the future, or (for a weekday) a reported future's
/// "would", within [`BEHIND_REACH`] words of that clause, before any
/// other clause break, plan word or present-tense auxiliary ("On
/// Saturday, police arrested two men" in a Thursday article is five days
/// before; "On Tuesday, ministers will meet" in a Wednesday one six days
/// on). Also when "on" or "in" and the expression stand between the
/// clause's subject and its verb ("a federal judge on Wednesday
/// ordered"): then only a past verb right after it counts. A past form
/// capitalized or after a determiner is a noun or a name's word, as in
/// [`month_told_behind`].
fn fronted_tense(p: &Parser<'_>, start: usize, end: usize, weekday: bool) -> Option<Tense> {
    let opener = start
        .checked_sub(1)
        .filter(|&b| p.is_one_of(b, FRONT_PREPOSITIONS))
        .unwrap_or(start);
    let before = opener.checked_sub(1).and_then(|b| p.toks.get(b));
    let opens_sentence = before
        .is_none_or(|t| t.word().is_none() && [".", "!", "?", "\"", "“", "‘"].contains(&t.low));
    let comma = p.punct_at(end, ',');
    let set_apart = comma || opener < start || FRONT_PREPOSITIONS.contains(&p.toks[start].low);
    // "Intel on Tuesday posted …", "a federal judge on Wednesday ordered
    // …", "consumer spending in January rose …", "people ejected from a
    // rally in Concord, N.C., on Monday included …": the date between its
    // clause's subject (a word, or the comma closing a place's state) and
    // the verb right after it.
    let after_subject = !opens_sentence
        && !comma
        && p.is_one_of(opener, &["on", "in"])
        && before.is_some_and(|t| t.word().is_some() || t.low == ",");
    if !(opens_sentence && set_apart || after_subject) {
        return None;
    }
    let mut words = 0;
    for k in end + usize::from(comma)..p.toks.len() {
        let t = &p.toks[k];
        let Some(w) = t.word() else {
            let in_number = t.glued() && p.toks.get(k + 1).is_some_and(Tok::glued);
            if !in_number && CLAUSE_BREAKS.contains(&t.low) {
                return None;
            }
            continue;
        };
        words += 1;
        if words > BEHIND_REACH
            || (after_subject && words > 1)
            || PLANNED_WORDS.contains(&w)
            || PRESENT_WORDS.contains(&w)
            || (w != "and" && CLAUSE_BREAKS.contains(&w))
        {
            return None;
        }
        // After a subject, a word of the future tells of what the dated
        // thing does ("the primaries in Delaware on Tuesday will only
        // accelerate …"), not when it is.
        if !after_subject
            && (FUTURE_WORDS.contains(&w) || (weekday && REPORTED_FUTURE_WORDS.contains(&w)))
        {
            return Some(Tense::Future);
        }
        let noun = t.cap || (k > 0 && p.is_one_of(k - 1, NOUN_OPENERS));
        // After a common noun, "was" or "had" may tell what became of a
        // dated plan ("the vote on Saturday was postponed").
        let auxiliary_after_noun =
            after_subject && !before.is_some_and(|t| t.cap) && AUXILIARIES_OF_THE_PAST.contains(&w);
        if told_in_past(p, k) && !noun && !auxiliary_after_noun {
            return Some(Tense::Past);
        }
    }
    None
}

/// Auxiliaries of the past: after a date between a common noun and its
/// verb they do not place the date ([`fronted_tense`]).
const AUXILIARIES_OF_THE_PAST: &[&str] = &["was", "were", "had", "did"];

/// Words looked back at most, from the "in" before a month, for the verb
/// of the past that governs it.
const MONTH_BEHIND_REACH: usize = 8;

/// Whether the month alone at token `start` ("January", no year, no
/// modifier) is the time of an event its clause tells in the past: "in"
/// right before it, and a verb of the past at most
/// [`MONTH_BEHIND_REACH`] words before that, with nothing between that
/// moves the event ahead of the telling — a clause break, a word of the
/// future or of a plan ([`PLANNED_WORDS`]: "was due in January"), an
/// infinitive's "to" ("agreed to pay in January") or a verb in "-ing"
/// ("was closing the plant in January"). "The regulator opened an inquiry
/// in January" in a December article is the January gone by, though the
/// coming one is nearer.
fn month_told_behind(p: &Parser<'_>, start: usize, expr: &Expr) -> bool {
    use super::expr::{MonthRef, Period};
    let bare_month = matches!(
        expr.node,
        Node::Period(Period::Month(MonthRef::Named { year: None, .. }))
    );
    if !bare_month || expr.modifier.is_some() || start == 0 || !p.is(start - 1, "in") {
        return false;
    }
    let mut words = 0;
    for k in (0..start - 1).rev() {
        let t = &p.toks[k];
        let Some(w) = t.word() else {
            if CLAUSE_BREAKS.contains(&t.low) {
                return false;
            }
            continue;
        };
        words += 1;
        if words > MONTH_BEHIND_REACH
            || w == "to"
            || CLAUSE_BREAKS.contains(&w)
            || FUTURE_WORDS.contains(&w)
            || REPORTED_FUTURE_WORDS.contains(&w)
            || PLANNED_WORDS.contains(&w)
            || (w.len() > 4 && w.ends_with("ing"))
        {
            return false;
        }
        // A past form after a determiner is a noun ("the first cut"), and
        // one with a capital a name's word ("Manchester United").
        let noun = t.cap || (k > 0 && p.is_one_of(k - 1, NOUN_OPENERS));
        if told_in_past(p, k) && !noun {
            return true;
        }
    }
    false
}

/// Whether token `k` is a verb of the past: a word of [`PAST_WORDS`] or
/// one ending in "-ed" but those of [`NOT_PAST`], that neither follows a
/// form of "be", "to" or a modal (a passive or an infinitive: "is
/// expected to peak", "will be held on 27 February") nor comes before
/// "by" or "to" (a participle that describes: "a jury led by …", "was to
/// open on …").
fn told_in_past(p: &Parser<'_>, k: usize) -> bool {
    let Some(w) = p.toks[k].word() else {
        return false;
    };
    let past =
        PAST_WORDS.contains(&w) || (w.len() >= 4 && w.ends_with("ed") && !NOT_PAST.contains(&w));
    let before = k.checked_sub(1).and_then(|b| p.toks[b].word());
    let after = p.toks.get(k + 1).and_then(|t| t.word());
    past && !before.is_some_and(|b| BEFORE_PARTICIPLES.contains(&b))
        && !after.is_some_and(|a| a == "by" || a == "to")
}

/// Whether a word alone places an expression in time: a month, weekday,
/// unit of time, relative or number word, season, holiday, decade.
pub(crate) fn is_anchor(w: &str) -> bool {
    named_in_time(w)
        || lexicon::unit(w).is_some()
        || ANCHOR_STARTERS.contains(&w)
        || ANCHOR_ONLY_WORDS.contains(&w)
}

/// Months, weekdays, number and ordinal words, relative words, seasons,
/// decades, holidays and codes such as "q3" or "cy18": words that both
/// anchor an expression and can start one.
fn named_in_time(w: &str) -> bool {
    lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::small_number(w).is_some()
        || lexicon::ordinal_word(w).is_some()
        || lexicon::relative(w).is_some()
        || lexicon::is_season(w)
        || lexicon::decade_word(w).is_some()
        || lexicon::starts_holiday(w)
        || (w.len() <= 4
            && matches!(w.as_bytes().first(), Some(b'q' | b'h' | b'c' | b'f' | b's'))
            && w.bytes().skip(1).any(|b| b.is_ascii_digit()))
}

/// Whether any rule can start at a word: most words of a text cannot,
/// and the token's flag (computed once per word) skips them.
pub(crate) fn word_can_start(w: &str) -> bool {
    named_in_time(w) || ANCHOR_STARTERS.contains(&w) || STARTERS.contains(&w)
}

/// Whether token `i` or one of the few after it carries a date (digits, a
/// month, a unit of time …): a rule starting with "the", "in" or "a" needs
/// one within reach, so the common function words are skipped cheaply.
fn anchored(p: &Parser<'_>, i: usize) -> bool {
    p.toks[i..p.toks.len().min(i + ANCHOR_REACH)]
        .iter()
        .any(|t| t.anchor)
}

/// How far ahead an anchor is looked for ("as early as next year's").
const ANCHOR_REACH: usize = 6;

/// An expression may not start inside a number or a code ("6,107.31 August",
/// "ABC-12345", "A380").
fn starts_ok(p: &Parser<'_>, i: usize) -> bool {
    let t = &p.toks[i];
    // "$12 December 27": an amount, not a day.
    if i > 0 && t.kind == Kind::Digits && CURRENCY_SIGNS.contains(&p.toks[i - 1].low) {
        return false;
    }
    if !t.glued() || i == 0 {
        return true;
    }
    let prev = &p.toks[i - 1];
    match prev.kind {
        Kind::Word | Kind::Digits => false,
        Kind::Punct => {
            let joins = matches!(prev.low, "." | "," | "-" | "/" | ":" | "+");
            !(joins && i >= 2 && p.toks[i - 1].glued() && p.toks[i - 2].kind != Kind::Punct)
        }
        Kind::Opaque => false,
    }
}

/// An expression may not end inside a number or a code ("2010-2015-86").
fn ends_ok(p: &Parser<'_>, end: usize) -> bool {
    let Some(next) = p.toks.get(end) else {
        return true;
    };
    if !next.glued() {
        return true;
    }
    match next.kind {
        Kind::Digits => false,
        Kind::Word => p.toks[end - 1].kind != Kind::Digits,
        Kind::Punct => {
            let joins = matches!(next.low, "-" | "/" | ":" | "." | ",");
            !(joins
                && p.toks.get(end + 1).is_some_and(|t| {
                    t.glued() && t.kind == Kind::Digits && (next.low != "." || t.digits <= 2)
                }))
        }
        Kind::Opaque => false,
    }
}
