//! Amounts of time ("three years", "an hour and a half", "2 weeks and 2
//! days", "3h") and the durations they make on their own.

use super::super::expr::{Duration, Expr, Mod, Node};
use super::super::lexicon::cues::{
    AFTER_WHOLE_UNIT, ARTICLE_AMOUNTS, ARTICLES, ASKS_FOR_LENGTH, ONE_UNIT_WORDS, WHOLE_UNIT_WORDS,
};
use super::super::lexicon::{self, Unit};
use super::{Hit, Parser};
use crate::extract::numbers::{self, lexer::Kind};

impl<'a> Parser<'a> {
    /// A count before a unit: digits (with decimals), number words, "a",
    /// "few", "several", "a couple of", "half", "½", and "a quarter"
    /// before "century" ("a quarter-century", "the past quarter century":
    /// 25 years, not a quarter of a year).
    pub(crate) fn count(&self, i: usize) -> Hit<f64> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Digits {
            let (v, _) = self.digits_at(i)?;
            if self.punct_at(i + 1, '.') && self.glued(i + 1) && self.glued(i + 2) {
                let frac = self.toks.get(i + 2)?;
                if frac.kind == Kind::Digits {
                    let s = format!("{v}.{}", frac.low);
                    return Some((i + 3, s.parse().ok()?));
                }
            }
            return Some((i + 1, f64::from(v)));
        }
        if t.punct('\u{bd}') {
            return Some((i + 1, 0.5));
        }
        let w = t.word()?;
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    return Some((i + 2, 3.0));
                }
                if self.is(i + 1, "couple") {
                    return Some((self.skip_optional(i + 2, "of"), 2.0));
                }
                if self.is(i + 1, "half") {
                    return Some((i + 2, 0.5));
                }
                if self.is(i + 1, "quarter") && self.century_at(i + 2) {
                    return Some((i + 2, 0.25));
                }
                return Some((i + 1, 1.0));
            }
            // "criticised in some quarters": people, not nine months.
            "some" if self.is(i + 1, "quarters") => return None,
            "few" | "some" | "several" => return Some((i + 1, 3.0)),
            "couple" => return Some((self.skip_optional(i + 1, "of"), 2.0)),
            "half" => {
                let k = if self.is_one_of(i + 1, ARTICLES) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((k, 0.5));
            }
            "another" => return Some((i + 1, 1.0)),
            "quarter" if self.century_at(i + 1) => return Some((i + 1, 0.25)),
            _ => {}
        }
        // Spelled numbers start with a small number word ("twenty", "one").
        lexicon::small_number(w)?;
        let (end, _, value, kind) = numbers::words_at(self.text, self.raw, t.raw)?;
        if kind == numbers::NumberKind::Ordinal {
            return None;
        }
        let mut e = i;
        while e < self.toks.len() && self.toks[e].end <= end {
            e += 1;
        }
        (e > i).then_some((e, value))
    }

    /// "century" at `i`, or glued to a dash there ("quarter-century").
    fn century_at(&self, i: usize) -> bool {
        self.is(i, "century")
            || self.dash(i) && self.glued(i) && self.glued(i + 1) && self.is(i + 1, "century")
    }

    /// A unit word at `i` (with "business" for business days).
    pub(crate) fn unit(&self, i: usize) -> Hit<Unit> {
        if self.is(i, "business") || self.is(i, "working") {
            let u = lexicon::unit(self.word_at(i + 1)?)?;
            return (u == Unit::Day).then_some((i + 2, Unit::BusinessDay));
        }
        let w = self.word_at(i)?;
        let u = lexicon::unit(w)?;
        // One-letter units only glued to their number ("3h", "10d"), and
        // in lowercase: "3D", "5W", "24H" are dimensions, watts, races.
        if w.len() <= 2 && !self.glued(i) {
            return None;
        }
        if w.len() == 1 && self.toks.get(i).is_some_and(|t| t.cap) {
            return None;
        }
        Some((i + 1, u))
    }

    /// One count and unit ("3 hours", "3h", "3-min", "a week", "an hour and
    /// a half", "two and a half hours").
    pub(crate) fn one_amount(&self, i: usize) -> Hit<(f64, Unit)> {
        let (mut k, mut n) = self.count(i)?;
        // "two and a half hours"
        if self.is(k, "and") && (self.is_one_of(k + 1, ARTICLES) && self.is(k + 2, "half")) {
            n += 0.5;
            k += 3;
        } else if self.is(k, "and") && self.is(k + 1, "half") {
            n += 0.5;
            k += 2;
        }
        if self.dash(k) && self.glued(k) && self.glued(k + 1) {
            k += 1;
        }
        let (mut e, mut u) = self.unit(k)?;
        // "for the 2005 year": a year's number before "year" names it.
        if u == Unit::Year
            && self.is(k, "year")
            && self
                .digits_at(i)
                .is_some_and(|(v, d)| d == 4 && (1800..2200).contains(&v))
        {
            return None;
        }
        // "a quarter-century", "half a century": years, so a period
        // counted back from today stays a count of years.
        if u == Unit::Century && n.fract() != 0.0 {
            n *= 100.0;
            u = Unit::Year;
        }
        // "in his 60s" is an age, not sixty seconds.
        if u == Unit::Second && self.is(k, "s") && self.owned_age(i) {
            return None;
        }
        // "69-year-old" is an age.
        if self.dash(e) && self.glued(e) && self.is(e + 1, "old") {
            return None;
        }
        // "an hour and a half", "one year and a quarter"
        if self.is(e, "and") {
            let j = self.skip_optional(e + 1, "a");
            if self.is(j, "half") {
                n += 0.5;
                e = j + 1;
            } else if self.is(j, "quarter") && u != Unit::Quarter {
                n += 0.25;
                e = j + 1;
            }
        }
        Some((e, (n, u)))
    }

    /// Several counts and units ("1 year 1 month 21 days", "2 weeks and 2
    /// days", "1 month, 21 days").
    pub(crate) fn amount(&self, i: usize) -> Hit<Vec<(f64, Unit)>> {
        let (mut e, first) = self.one_amount(i)?;
        let mut out = vec![first];
        while out.len() < 6 {
            let mut k = e;
            if self.is(k, "and") || self.punct_at(k, ',') {
                k += 1;
            }
            match self.one_amount(k) {
                Some((e2, a)) if !self.is_one_of(k, ONE_UNIT_WORDS) || k == e => {
                    out.push(a);
                    e = e2;
                }
                _ => break,
            }
        }
        Some((e, out))
    }

    /// A duration standing alone, with "more than"/"less than".
    pub(crate) fn duration_expr(&self, i: usize) -> Hit<Expr> {
        let (k, modifier) = if self.is(i, "more") && self.is(i + 1, "than") {
            (i + 2, Some(Mod::More))
        } else if self.is(i, "less") && self.is(i + 1, "than") {
            (i + 2, Some(Mod::Less))
        } else {
            (i, None)
        };
        let (e, amount) = self.duration(k)?;
        Some((e, Expr::new(Node::Duration(Duration { amount }), modifier)))
    }

    /// A length of time: an amount, "all day", "full-week", "half an hour",
    /// "the hour".
    pub(crate) fn duration(&self, i: usize) -> Hit<Vec<(f64, Unit)>> {
        if self.is_one_of(i, WHOLE_UNIT_WORDS) {
            let k = if self.dash(i + 1) { i + 2 } else { i + 1 };
            let (e, u) = self.unit(k)?;
            if matches!(self.word_at(k), Some(w) if w.ends_with('s')) {
                return None;
            }
            // "full-year results": an adjective, not a length of time.
            if self
                .toks
                .get(e)
                .is_some_and(|t| t.word().is_some() && !t.cap)
                && !self.is_one_of(e, AFTER_WHOLE_UNIT)
            {
                return None;
            }
            return Some((e, vec![(1.0, u)]));
        }
        if self.is(i, "the") && self.is(i + 1, "hour") {
            return Some((i + 2, vec![(1.0, Unit::Hour)]));
        }
        let (e, amount) = self.amount(i)?;
        // A bare "a day"/"a year" is a duration only after a word that
        // asks for one ("for a year", "in a week", "another month").
        let article = self.is_one_of(i, ARTICLE_AMOUNTS) && amount.len() == 1;
        if article && !self.asks_for_length(i) {
            return None;
        }
        Some((e, amount))
    }

    /// The word before `i` introduces a length of time.
    fn asks_for_length(&self, i: usize) -> bool {
        i == 0 || self.is_one_of(i - 1, ASKS_FOR_LENGTH)
    }
}
