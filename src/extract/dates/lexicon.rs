//! The English words dates are written with: months, weekdays, units of
//! time, seasons, holidays and the words that shift or qualify a date.

pub(crate) mod cues;

/// The twelve months, January first: each one's full name and the short
/// forms every date reader accepts (the date grammar, datelines and the
/// number lexer's test for a date's neighbour).
pub(crate) const MONTHS: [(&str, &[&str]); 12] = [
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// Looser month spellings only the date grammar reads in running text
/// ("Febr. 3"); a dateline and a number's neighbour keep to [`MONTHS`].
pub(crate) const GRAMMAR_MONTH_FORMS: &[(&str, u32)] = &[("febr", 2)];

/// The seven weekdays, Monday first: each one's full name and the short
/// forms every date reader accepts.
pub(crate) const WEEKDAYS: [(&str, &[&str]); 7] = [
    ("monday", &["mon"]),
    ("tuesday", &["tue", "tues"]),
    ("wednesday", &["wed"]),
    ("thursday", &["thu", "thur", "thurs"]),
    ("friday", &["fri"]),
    ("saturday", &["sat"]),
    ("sunday", &["sun"]),
];

/// Weekday spellings only the date grammar reads: "Weds" and the plurals of
/// habit ("on Mondays"); a dateline keeps to [`WEEKDAYS`].
pub(crate) const GRAMMAR_WEEKDAY_FORMS: &[(&str, u32)] = &[
    ("mondays", 1),
    ("tuesdays", 2),
    ("weds", 3),
    ("wednesdays", 3),
    ("thursdays", 4),
    ("fridays", 5),
    ("saturdays", 6),
    ("sundays", 7),
];

/// For each first letter a–z, the entries of a name table whose full name
/// starts with it (bit `i` for entry `i`). Every short form starts with its
/// full name's letter, so a lookup compares only those entries: the tables
/// are read at most words of a text.
const fn first_letters<const N: usize>(table: &[(&str, &[&str]); N]) -> [u16; 26] {
    let mut out = [0u16; 26];
    let mut i = 0;
    while i < N {
        let b = table[i].0.as_bytes()[0];
        out[(b - b'a') as usize] |= 1 << i;
        i += 1;
    }
    out
}

const MONTH_LETTERS: [u16; 26] = first_letters(&MONTHS);
const WEEKDAY_LETTERS: [u16; 26] = first_letters(&WEEKDAYS);

/// The 1-based position in `table` of the entry naming `w` by its full name
/// or one of its short forms; `letters` is the table's [`first_letters`].
fn position_in<const N: usize>(
    table: &[(&str, &[&str]); N],
    letters: &[u16; 26],
    w: &str,
) -> Option<u32> {
    let first = *w.as_bytes().first()?;
    let mut candidates = *letters.get(usize::from(first.wrapping_sub(b'a')))?;
    while candidates != 0 {
        let i = candidates.trailing_zeros() as usize;
        let (full, short) = table[i];
        if full == w || short.contains(&w) {
            return u32::try_from(i + 1).ok();
        }
        candidates &= candidates - 1;
    }
    None
}

/// The number paired with `w` in a list of extra spellings.
fn lookup(forms: &[(&str, u32)], w: &str) -> Option<u32> {
    let first = w.as_bytes().first()?;
    forms
        .iter()
        .find(|(f, _)| f.as_bytes().first() == Some(first) && *f == w)
        .map(|&(_, n)| n)
}

/// Month number (1–12) of a month name or a short form every reader
/// accepts (lower case, any final dot removed).
pub(crate) fn month_name(w: &str) -> Option<u32> {
    position_in(&MONTHS, &MONTH_LETTERS, w)
}

/// Month number (1–12) as the date grammar reads it: [`month_name`] and
/// the looser [`GRAMMAR_MONTH_FORMS`].
pub(crate) fn month(w: &str) -> Option<u32> {
    month_name(w).or_else(|| lookup(GRAMMAR_MONTH_FORMS, w))
}

/// Month words that are also common English words ("may", "march",
/// "sat"-like abbreviations): read as months only with a date around them
/// or a capital letter.
pub(crate) fn month_is_ambiguous(w: &str) -> bool {
    matches!(
        w,
        "may" | "march" | "mar" | "jan" | "dec" | "sep" | "jun" | "aug"
    )
}

/// ISO weekday number (Monday 1 … Sunday 7) of a weekday name or a short
/// form every reader accepts (lower case).
pub(crate) fn weekday_name(w: &str) -> Option<u32> {
    position_in(&WEEKDAYS, &WEEKDAY_LETTERS, w)
}

/// ISO weekday number as the date grammar reads it: [`weekday_name`] and
/// the looser [`GRAMMAR_WEEKDAY_FORMS`].
pub(crate) fn weekday(w: &str) -> Option<u32> {
    weekday_name(w).or_else(|| lookup(GRAMMAR_WEEKDAY_FORMS, w))
}

/// Weekday abbreviations that are also English words.
pub(crate) fn weekday_is_ambiguous(w: &str) -> bool {
    matches!(w, "sun" | "sat" | "wed" | "mon" | "thu" | "fri")
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    BusinessDay,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Length in seconds, with the conventions durations are compared by
    /// (a month is 30 days, a year 365).
    pub(crate) fn seconds(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3_600.0,
            Unit::Day | Unit::BusinessDay => 86_400.0,
            Unit::Week => 604_800.0,
            Unit::Fortnight => 1_209_600.0,
            Unit::Month => 2_592_000.0,
            Unit::Quarter => 7_776_000.0,
            Unit::Year => 31_536_000.0,
            Unit::Decade => 315_360_000.0,
            Unit::Century => 3_153_600_000.0,
        }
    }

    /// Whole days or longer: the units a calendar date can move by.
    pub(crate) fn is_calendar(self) -> bool {
        self >= Unit::Day
    }
}

/// The unit a word names, singular or plural ("days", "hrs", "yr").
pub(crate) fn unit(w: &str) -> Option<Unit> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" | "s" => Unit::Second,
        "minute" | "minutes" | "min" | "mins" => Unit::Minute,
        "hour" | "hours" | "hr" | "hrs" | "h" => Unit::Hour,
        "day" | "days" | "d" | "nights" | "night" => Unit::Day,
        "week" | "weeks" | "wk" | "wks" | "w" => Unit::Week,
        "fortnight" | "fortnights" => Unit::Fortnight,
        "month" | "months" | "mo" | "mos" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "fortnight's" => Unit::Fortnight,
        "year" | "years" | "yr" | "yrs" | "y" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// A season's name ("fall" and "autumn" alike; see [`super::expr::SeasonName`]).
pub(crate) fn is_season(w: &str) -> bool {
    super::expr::SeasonName::of(w).is_some()
}

/// The decades spelled as words ("the seventies"), by their first year
/// within a century.
pub(crate) fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "tens" => 10,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// Small cardinal words, for years written as words ("nineteen ninety six").
pub(crate) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "oh" | "o" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Ordinal words up to "thirty-first" pieces ("first" … "twentieth",
/// "thirtieth") and the ordinal position words of "the first week".
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Which way a relative word points: -1 past, 0 current, +1 next.
pub(crate) fn relative(w: &str) -> Option<i32> {
    Some(match w {
        "next" | "following" | "coming" | "upcoming" => 1,
        "last" | "previous" | "past" | "prior" | "preceding" => -1,
        "this" | "current" | "present" | "same" | "that" => 0,
        _ => return None,
    })
}

/// A fixed-date or computed holiday, by its name's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Holiday {
    /// Month and day.
    Fixed(u32, u32),
    /// The n-th (negative: from the end) weekday of a month.
    Nth { month: u32, weekday: u32, n: i32 },
    /// Easter Sunday, plus days.
    Easter(i64),
    /// The day after the fourth Thursday of November.
    BlackFriday,
}

/// Whether a word can start a holiday's name (a quick test before the table).
pub(crate) fn starts_holiday(w: &str) -> bool {
    matches!(
        w,
        "new"
            | "christmas"
            | "independence"
            | "saint"
            | "st"
            | "valentine's"
            | "valentines"
            | "boxing"
            | "labor"
            | "labour"
            | "memorial"
            | "mother's"
            | "mothers"
            | "father's"
            | "fathers"
            | "martin"
            | "thanksgiving"
            | "black"
            | "good"
            | "easter"
            | "xmas"
            | "halloween"
    )
}

/// Holidays by their names, longest first so "new year's eve" wins over
/// "new year".
pub(crate) const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["new", "year's", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "years", "eve"], Holiday::Fixed(12, 31)),
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["new", "year's", "day"], Holiday::Fixed(1, 1)),
    (&["new", "years", "day"], Holiday::Fixed(1, 1)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["saint", "patrick's", "day"], Holiday::Fixed(3, 17)),
    (&["st", "patrick's", "day"], Holiday::Fixed(3, 17)),
    (&["saint", "patrick"], Holiday::Fixed(3, 17)),
    (&["st", "patrick"], Holiday::Fixed(3, 17)),
    (&["valentine's", "day"], Holiday::Fixed(2, 14)),
    (&["valentines", "day"], Holiday::Fixed(2, 14)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (
        &["labor", "day"],
        Holiday::Nth {
            month: 9,
            weekday: 1,
            n: 1,
        },
    ),
    (
        &["labour", "day"],
        Holiday::Nth {
            month: 9,
            weekday: 1,
            n: 1,
        },
    ),
    (
        &["memorial", "day"],
        Holiday::Nth {
            month: 5,
            weekday: 1,
            n: -1,
        },
    ),
    (
        &["mother's", "day"],
        Holiday::Nth {
            month: 5,
            weekday: 7,
            n: 2,
        },
    ),
    (
        &["mothers", "day"],
        Holiday::Nth {
            month: 5,
            weekday: 7,
            n: 2,
        },
    ),
    (
        &["father's", "day"],
        Holiday::Nth {
            month: 6,
            weekday: 7,
            n: 3,
        },
    ),
    (
        &["fathers", "day"],
        Holiday::Nth {
            month: 6,
            weekday: 7,
            n: 3,
        },
    ),
    (
        &["martin", "luther", "king", "day"],
        Holiday::Nth {
            month: 1,
            weekday: 1,
            n: 3,
        },
    ),
    (
        &["thanksgiving", "day"],
        Holiday::Nth {
            month: 11,
            weekday: 4,
            n: 4,
        },
    ),
    (&["black", "friday"], Holiday::BlackFriday),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["new", "year", "day"], Holiday::Fixed(1, 1)),
    (&["new", "year"], Holiday::Fixed(1, 1)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["xmas"], Holiday::Fixed(12, 25)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (
        &["thanksgiving"],
        Holiday::Nth {
            month: 11,
            weekday: 4,
            n: 4,
        },
    ),
    (&["easter"], Holiday::Easter(0)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_start_with_their_full_names_letter() {
        let months = MONTHS.iter().map(|(full, short)| (*full, *short));
        let weekdays = WEEKDAYS.iter().map(|(full, short)| (*full, *short));
        for (full, short) in months.chain(weekdays) {
            for s in short {
                assert_eq!(s.as_bytes()[0], full.as_bytes()[0], "{s}");
            }
        }
        for (form, n) in GRAMMAR_MONTH_FORMS {
            assert_eq!(form.as_bytes()[0], MONTHS[*n as usize - 1].0.as_bytes()[0]);
        }
        for (form, n) in GRAMMAR_WEEKDAY_FORMS {
            assert_eq!(
                form.as_bytes()[0],
                WEEKDAYS[*n as usize - 1].0.as_bytes()[0]
            );
        }
    }

    #[test]
    fn month_and_weekday_spellings() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("febr"), Some(2));
        assert_eq!(month_name("febr"), None, "a grammar-only spelling");
        assert_eq!(month_name("may"), Some(5));
        assert_eq!(weekday("weds"), Some(3));
        assert_eq!(weekday("sundays"), Some(7));
        assert_eq!(weekday_name("thurs"), Some(4));
        assert_eq!(weekday_name("mondays"), None, "a grammar-only spelling");
    }

    #[test]
    fn every_holiday_starts_with_a_listed_word() {
        for (words, _) in HOLIDAYS {
            assert!(starts_holiday(words[0]), "{words:?}");
        }
    }
}
