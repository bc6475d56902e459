//! The English words numbers are spelled with, and what each contributes.

use crate::extract::dates::lexicon;

/// One number word's role in the grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Word {
    /// zero to nine ("nought", "naught" are zero).
    Unit(f64),
    /// ten to nineteen.
    Teen(f64),
    /// twenty, thirty … ninety.
    Tens(f64),
    /// "hundred".
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore …: multiplies
    /// everything before it in the number.
    Scale(f64),
    /// "dozen(s)": twelve of what precedes.
    Dozen,
    /// An ordinal ("third", "twentieth", "hundredth"); plural ones ("thirds")
    /// only ever name a fraction's denominator.
    Ordinal { value: f64, plural: bool },
    /// "half"/"halves".
    Half { plural: bool },
    /// "quarter"/"quarters".
    Quarter { plural: bool },
    /// "and", joining parts of one number ("one hundred and six").
    And,
    /// "a"/"an" before a scale or a fraction ("a dozen", "a third").
    Article,
    /// "point", before spelled decimals ("five point five").
    Point,
    /// "minus"/"negative".
    Minus,
    /// "over", between numerator and denominator ("one over three").
    Over,
    /// "in"/"out of", a ratio ("one in five", "two out of ten").
    In,
    /// "out" (of "out of").
    Out,
    /// "of" ("two thirds of a million").
    Of,
}

/// The word `w` (already lower-case ASCII) means, if anything.
pub(crate) fn lookup(w: &str) -> Option<Word> {
    use Word::*;
    let ord = |value: f64| Ordinal {
        value,
        plural: false,
    };
    let ords = |value: f64| Ordinal {
        value,
        plural: true,
    };
    Some(match w {
        "zero" | "nought" | "naught" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "lakh" | "lakhs" | "lac" | "lacs" => Scale(1e5),
        "million" => Scale(1e6),
        "crore" | "crores" => Scale(1e7),
        "billion" => Scale(1e9),
        "trillion" => Scale(1e12),
        "quadrillion" => Scale(1e15),
        "dozen" | "dozens" | "doz" | "dozs" => Dozen,
        "first" => ord(1.0),
        "second" => ord(2.0),
        "third" => ord(3.0),
        "fourth" => ord(4.0),
        "fifth" => ord(5.0),
        "sixth" => ord(6.0),
        "seventh" => ord(7.0),
        "eighth" => ord(8.0),
        "ninth" | "nineth" => ord(9.0),
        "tenth" => ord(10.0),
        "eleventh" => ord(11.0),
        "twelfth" => ord(12.0),
        "thirteenth" => ord(13.0),
        "fourteenth" => ord(14.0),
        "fifteenth" => ord(15.0),
        "sixteenth" => ord(16.0),
        "seventeenth" => ord(17.0),
        "eighteenth" => ord(18.0),
        "nineteenth" => ord(19.0),
        "twentieth" => ord(20.0),
        "thirtieth" => ord(30.0),
        "fortieth" => ord(40.0),
        "fiftieth" => ord(50.0),
        "sixtieth" => ord(60.0),
        "seventieth" => ord(70.0),
        "eightieth" => ord(80.0),
        "ninetieth" => ord(90.0),
        "hundredth" => ord(100.0),
        "thousandth" => ord(1e3),
        "millionth" => ord(1e6),
        "billionth" => ord(1e9),
        "trillionth" => ord(1e12),
        "thirds" => ords(3.0),
        "fourths" => ords(4.0),
        "fifths" => ords(5.0),
        "sixths" => ords(6.0),
        "sevenths" => ords(7.0),
        "eighths" => ords(8.0),
        "ninths" => ords(9.0),
        "tenths" => ords(10.0),
        "elevenths" => ords(11.0),
        "twelfths" => ords(12.0),
        "thirteenths" => ords(13.0),
        "fourteenths" => ords(14.0),
        "fifteenths" => ords(15.0),
        "sixteenths" => ords(16.0),
        "seventeenths" => ords(17.0),
        "eighteenths" => ords(18.0),
        "nineteenths" => ords(19.0),
        "twentieths" => ords(20.0),
        "thirtieths" => ords(30.0),
        "fortieths" => ords(40.0),
        "fiftieths" => ords(50.0),
        "sixtieths" => ords(60.0),
        "seventieths" => ords(70.0),
        "eightieths" => ords(80.0),
        "ninetieths" => ords(90.0),
        "hundredths" => ords(100.0),
        "thousandths" => ords(1e3),
        "millionths" => ords(1e6),
        "billionths" => ords(1e9),
        "trillionths" => ords(1e12),
        "half" => Half { plural: false },
        "halves" => Half { plural: true },
        "quarter" => Quarter { plural: false },
        "quarters" => Quarter { plural: true },
        "and" => And,
        "a" | "an" => Article,
        "point" => Point,
        "minus" | "negative" => Minus,
        "over" => Over,
        "in" => In,
        "out" => Out,
        "of" => Of,
        _ => return None,
    })
}

/// The value a word has where it stands for a plain number (ordinals and
/// fraction nouns by their cardinal: "fifths" → 5, "quarter" → 4).
pub(crate) fn cardinal_value(w: Word) -> Option<f64> {
    match w {
        Word::Unit(v) | Word::Teen(v) | Word::Tens(v) | Word::Scale(v) => Some(v),
        Word::Ordinal { value, .. } => Some(value),
        Word::Hundred => Some(100.0),
        Word::Dozen => Some(12.0),
        Word::Half { .. } => Some(2.0),
        Word::Quarter { .. } => Some(4.0),
        Word::Article => Some(1.0),
        _ => None,
    }
}

/// Lower-cases an ASCII word into `buf`; `None` for words too long to be a
/// number word or not plain ASCII letters.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > buf.len() || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// Months, whose neighbouring numbers are days and years (a date, not a figure).
pub(crate) fn is_month(w: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(w.trim_end_matches('.'), &mut buf).is_some_and(|w| lexicon::month_name(w).is_some())
}

/// Units of time, after which "in"/"over" mean a period, not a ratio
/// ("2 in 10 minutes", "$2000 over 3 years").
pub(crate) fn is_time_word(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "games"
            | "matches"
            | "seasons"
            | "attempts"
            | "tries"
            | "innings"
    )
}
