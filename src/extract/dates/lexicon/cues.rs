//! The words around a date that decide how the grammar reads it: the
//! prepositions that make a number a year or a day, the joiners of a range,
//! the words after a name that make it a thing rather than a date. Each
//! list is named for the one question a rule asks of it.

/// The two articles ("a week", "half an hour").
pub(crate) const ARTICLES: &[&str] = &["a", "an"];

/// Words that stand for one unit of time ("a week", "another day").
pub(crate) const ONE_UNIT_WORDS: &[&str] = &["a", "an", "another"];

/// An article or "some" as the amount ("a week", "some days"): a length of
/// time only where one is asked for.
pub(crate) const ARTICLE_AMOUNTS: &[&str] = &["a", "an", "some"];

/// Vague counts that do not number the parts of a period ("the first few
/// weeks").
pub(crate) const VAGUE_COUNTS: &[&str] = &["a", "an", "another", "few", "some", "several"];

/// Words for a whole unit of time ("all day", "full-week").
pub(crate) const WHOLE_UNIT_WORDS: &[&str] = &["all", "full", "whole", "entire"];

/// Lower-case words after "full week" that leave it a length of time (else
/// an adjective: "full-year results").
pub(crate) const AFTER_WHOLE_UNIT: &[&str] = &[
    "and", "or", "to", "in", "on", "at", "for", "of", "with", "ago", "later",
];

/// Words before an article and a unit that ask for a length of time ("for a
/// week", "took a day").
pub(crate) const ASKS_FOR_LENGTH: &[&str] = &[
    "for", "in", "within", "over", "than", "about", "nearly", "almost", "around", "leave", "wait",
    "take", "takes", "took", "lasted", "last", "spent", "spend",
];

/// Words for zero inside a year written as words ("nineteen oh five").
pub(crate) const ZERO_WORDS: &[&str] = &["zero", "oh", "o"];

/// Marks glued before a month abbreviation that make it a ticker or tag
/// ("$DEC", "#may").
pub(crate) const TICKER_MARKS: &[&str] = &["$", "#", "@"];

/// Capitalised words before "May" or "March" that still leave it a month
/// (any other capitalised word makes it a name: "Theresa May").
pub(crate) const CAPITALISED_BEFORE_MONTH: &[&str] = &[
    "in", "since", "until", "by", "during", "from", "before", "after", "on", "of", "early", "late",
    "mid", "this", "next", "last",
];

/// Words after which a lower-case "may" or "march" is a month.
pub(crate) const BEFORE_LOWER_CASE_MONTH: &[&str] = &[
    "in", "since", "until", "till", "during", "early", "late", "mid", "from", "before", "after",
    "through", "by",
];

/// Suffixes of a day written as an ordinal ("21st", "3rd").
pub(crate) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// "of" and "in", linking a day or month to the month or year it lies in
/// ("3 of May", "March in 2020").
pub(crate) const OF_OR_IN: &[&str] = &["of", "in"];

/// "on" and "from", before the day a period starts ("starting on Monday").
pub(crate) const ON_OR_FROM: &[&str] = &["on", "from"];

/// "or" and "and", before "later"/"earlier" ("2012 or later").
pub(crate) const OR_AND: &[&str] = &["or", "and"];

/// Words after "2012 or" that open the range forwards ("or later").
pub(crate) const LATER_WORDS: &[&str] = &["later", "after"];

/// Words after "2012 or" that open the range backwards ("or earlier").
pub(crate) const EARLIER_WORDS: &[&str] = &["earlier", "before"];

/// Joiners of the second side after "between" ("between 2 through 7").
pub(crate) const BETWEEN_JOINERS: &[&str] = &["through", "thru", "to"];

/// Joiners of two weekdays in one week ("Friday till Sunday next week").
pub(crate) const WEEKDAY_RANGE_JOINERS: &[&str] = &["till", "until", "through"];

/// Words before "date" that mean up to today ("to date", "until date").
pub(crate) const UP_TO_WORDS: &[&str] = &["till", "until", "to"];

/// Words after "since" before its date ("since on Monday", "since in May").
pub(crate) const SINCE_LINKS: &[&str] = &["on", "from", "in"];

/// Words between an amount and the day it counts from ("two days from
/// today", "a week after Easter").
pub(crate) const SHIFT_BASE_LINKS: &[&str] = &["from", "after", "before"];

/// Words after a number that make it a clock time ("May 5 pm").
pub(crate) const CLOCK_SUFFIXES: &[&str] = &["am", "pm", "a", "p"];

/// Words after a number that make it a time or an amount, not the day
/// after a weekday ("Monday 9 am", "Friday 3 weeks").
pub(crate) const NOT_A_DAY_AFTER: &[&str] = &["am", "pm", "hours", "minutes", "days", "weeks"];

/// Words after an all-digit day ("4/22") that continue a date list or
/// range, not a score.
pub(crate) const DATE_LIST_JOINERS: &[&str] = &["to", "and", "or", "through"];

/// "last" and "past", the words that count back ("this past Friday",
/// "last Easter").
pub(crate) const LAST_OR_PAST: &[&str] = &["last", "past"];

/// "coming" and "upcoming" ("this coming Friday").
pub(crate) const COMING_WORDS: &[&str] = &["coming", "upcoming"];

/// Spellings of tomorrow in "the day after tomorrow".
pub(crate) const TOMORROW_SPELLINGS: &[&str] = &["tomorrow", "tmrw", "tmr"];

/// Words before "the day" that make it today ("for the day", "back the
/// day").
pub(crate) const BEFORE_THE_DAY: &[&str] = &["for", "of", "back"];

/// Words after a holiday's name that keep it a date (else it names a
/// thing: "a Christmas tree", "Easter eggs").
pub(crate) const AFTER_HOLIDAY_DATE: &[&str] = &[
    "and", "or", "to", "in", "on", "at", "for", "of", "with", "is", "was", "will", "falls", "fell",
    "this", "next", "last", "weekend", "day", "eve", "holidays", "holiday", "period", "break",
    "season",
];

/// Words that both place an expression in time and can start one, without
/// being a month, weekday, unit or number ("today", "ytd", "later").
pub(crate) const ANCHOR_STARTERS: &[&str] = &[
    "today",
    "tomorrow",
    "tmrw",
    "tmr",
    "tomorow",
    "tonight",
    "yesterday",
    "otd",
    "now",
    "weekend",
    "noughties",
    "aughts",
    "thousands",
    "eoy",
    "eom",
    "ytd",
    "few",
    "several",
    "couple",
    "half",
    "later",
    "earlier",
];

/// Words that place an expression in time but start none ("to date",
/// "a fortnight's time", "two thousand").
pub(crate) const ANCHOR_ONLY_WORDS: &[&str] = &["date", "fortnight's", "hundred", "thousand"];

/// Kinds of year whose dates the text does not give ("fiscal year",
/// "school year").
pub(crate) const YEAR_KINDS: &[&str] = &["fiscal", "school", "financial", "academic"];

/// Codes for kinds of year ("FY", "CY", "SY"), alone or glued to a year
/// ("FY24").
pub(crate) const YEAR_KIND_CODES: &[&str] = &["cy", "fy", "sy"];

/// Words before a number that make it a year even outside 1900–2100 ("in
/// 1066", "year 2525").
pub(crate) const BEFORE_ANY_YEAR: &[&str] = &["in", "since", "year", "of"];

/// Words ending in "s" after a year that are not a counted noun ("2020
/// perhaps", "1990 always").
pub(crate) const S_WORDS_NOT_PLURAL: &[&str] = &[
    "does", "this", "thus", "plus", "unless", "whereas", "always", "perhaps", "towards",
];

/// Words before "the week"/"the month" alone that ask for a date ("for
/// the week", "during the month").
pub(crate) const BEFORE_BARE_PERIOD: &[&str] = &["for", "in", "of", "during", "over", "out", "on"];

/// Words for the rest of a period ("rest of the week", "remainder of the
/// year").
pub(crate) const REST_WORDS: &[&str] = &["rest", "remaining", "remainder"];

/// Determiners between "rest of" and its period ("rest of the month",
/// "rest of my week").
pub(crate) const REST_DETERMINERS: &[&str] = &["the", "this", "my", "current"];

/// Words that start a period at a day ("the week starting Monday").
pub(crate) const STARTING_WORDS: &[&str] = &["starting", "beginning", "commencing"];

/// Units a period is cut from ("the first week of", "the last month of").
pub(crate) const PERIOD_UNITS: &[&str] = &["week", "month", "year", "decade", "quarter"];

/// Words before a season that place it ("next spring", "mid summer").
pub(crate) const SEASON_LEADS: &[&str] = &["this", "next", "last", "the", "coming", "past", "mid"];

/// Possessive pronouns that make a two-digit decade an age ("in his
/// 60s").
pub(crate) const AGE_OWNERS: &[&str] = &["his", "her", "their", "my", "your", "our"];

/// Function words a title-case heading capitalizes before a season ("In
/// Spring", "By Summer 2025"), which a name's word before it is not.
pub(crate) const SEASON_PLACERS: &[&str] = &[
    "in", "by", "of", "for", "since", "until", "during", "early", "late", "and", "or", "from",
    "to", "before", "after", "each", "every",
];

/// Words after a capitalised "May" that make it the verb ("May I ask").
pub(crate) const MODAL_NEXT: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "be", "not", "have", "also", "well", "ask", "the",
    "this", "that", "there", "god", "our", "your", "his", "her", "their",
];

/// Words joining the two sides of a range.
pub(crate) const RANGE_JOINERS: &[&str] = &["to", "till", "til", "until", "through", "thru", "and"];

/// Words before a bare day of the month ("on the 21st", "for the 27").
pub(crate) const DAY_PREPS: &[&str] = &[
    "on", "for", "by", "until", "till", "since", "from", "before", "after", "around", "of",
];

/// Words before a bare four-digit number that make it a year.
pub(crate) const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "during",
    "before",
    "after",
    "to",
    "through",
    "throughout",
    "between",
    "and",
    "or",
    "for",
    "year",
    "early",
    "late",
    "mid",
    "around",
    "circa",
    "between",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "the",
    "on",
];

/// Other words a rule can start with (besides [`ANCHOR_STARTERS`]).
pub(crate) const STARTERS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "an",
    "another",
    "approximately",
    "around",
    "as",
    "before",
    "beginning",
    "between",
    "circa",
    "commencing",
    "cy",
    "day",
    "early",
    "end",
    "entire",
    "fiscal",
    "school",
    "financial",
    "academic",
    "for",
    "from",
    "full",
    "fy",
    "in",
    "late",
    "less",
    "mid",
    "middle",
    "more",
    "my",
    "no",
    "on",
    "prior",
    "q",
    "h",
    "remainder",
    "remaining",
    "rest",
    "since",
    "some",
    "start",
    "starting",
    "sy",
    "the",
    "through",
    "thru",
    "till",
    "til",
    "to",
    "until",
    "w",
    "week",
    "within",
    "year",
    "month",
    "fortnight",
    "quarter",
    "decade",
    "whole",
];

/// Words before an all-digit day ("on 4/22", "since 4/22") that make it a
/// day rather than a score or a ratio.
pub(crate) const NUMERIC_DAY_LEADS: &[&str] = &[
    "on", "in", "this", "next", "from", "to", "until", "till", "since", "by", "back",
];

/// Words before a day written with a dot ("on 4.22") that make it a day
/// rather than a decimal.
pub(crate) const DOTTED_DAY_LEADS: &[&str] = &["on", "in", "this", "next"];

/// Currency signs before digits that make them an amount ("$12 December 27").
pub(crate) const CURRENCY_SIGNS: &[&str] =
    &["$", "\u{a3}", "\u{20ac}", "\u{a5}", "\u{20b9}", "\u{20bd}"];

/// What "the same …" names when it points back at a period just told of
/// ("the same period in 2021", "the same quarter last year").
pub(crate) const SAME_PERIODS: &[&str] = &[
    "period", "time", "quarter", "month", "week", "half", "season", "day", "months", "weeks",
];

/// Words after "a year" that count it back ("the same month a year earlier").
pub(crate) const EARLIER_OR_AGO: &[&str] = &["earlier", "before", "ago"];

/// Words that tell a time from one the text has just named ("a year later",
/// "the previous month", "that year", "the same period in 2021").
pub(crate) const ANAPHORIC_WORDS: &[&str] = &[
    "later",
    "earlier",
    "before",
    "after",
    "following",
    "previous",
    "prior",
    "preceding",
    "that",
    "same",
];

/// Words that put the clause they open in the future ("officials will
/// meet on Tuesday"; "ll" is what the tokens keep of "it'll"): an open
/// date after one is the coming one. Not "due" ("due to rain on
/// Saturday") nor "scheduled" ("was scheduled for Tuesday"), which as
/// often tell of the past.
pub(crate) const FUTURE_WORDS: &[&str] = &["will", "shall", "won't", "won’t", "ll"];

/// Words of the future seen from a past telling ("said the deal would take
/// effect on Sunday"): a weekday after one in its clause is the coming one,
/// unless "have" follows ("it would have been his birthday on Sunday").
/// Months and years are left to the other cues: "would" before them as
/// often reports plans since carried out.
pub(crate) const REPORTED_FUTURE_WORDS: &[&str] = &["would", "wouldn't", "wouldn’t"];

/// Words of a plan, a schedule or an expectation: a month after one is
/// when the plan is for, however past the telling ("the report was due in
/// January", "the vote was set for March", "they expect the first cut in
/// June"), so the verb does not place it.
pub(crate) const PLANNED_WORDS: &[&str] = &[
    "due",
    "scheduled",
    "set",
    "expected",
    "planned",
    "slated",
    "poised",
    "likely",
    "forecast",
    "projected",
    "for",
    "until",
    "by",
    "before",
    "plan",
    "plans",
    "planning",
    "hoped",
    "aimed",
    "expect",
    "expects",
    "anticipate",
    "anticipates",
    "predict",
    "predicts",
    "forecasts",
];

/// Words that make the past form after them a noun ("the first cut in
/// June", "a hit in March", "its spending in May"): no verb places the
/// month there.
pub(crate) const NOUN_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "first", "second",
    "third", "next", "last", "another", "any", "no", "big", "biggest",
];

/// Verbs of the past that end in no "-ed" (auxiliaries, and the irregular
/// verbs news reports events with): a bare date after one in its clause is
/// the one gone by ("were ordered to leave on Saturday", "the storm swept
/// in on Saturday").
pub(crate) const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "wasn't",
    "weren't",
    "hadn't",
    "didn't",
    "wasn’t",
    "weren’t",
    "hadn’t",
    "didn’t",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "began",
    "fell",
    "rose",
    "won",
    "lost",
    "left",
    "met",
    "held",
    "struck",
    "swept",
    "saw",
    "found",
    "gave",
    "got",
    "broke",
    "brought",
    "built",
    "caught",
    "chose",
    "drove",
    "fled",
    "flew",
    "fought",
    "froze",
    "grew",
    "hid",
    "kept",
    "knew",
    "paid",
    "ran",
    "sank",
    "sent",
    "shot",
    "sold",
    "spoke",
    "stood",
    "stole",
    "threw",
    "tore",
    "wore",
    "wrote",
    "became",
    "bought",
    "thought",
    "sought",
    "taught",
    "spent",
    "sat",
    "slept",
    "woke",
    "ate",
    "drank",
    "rang",
    "sang",
    "swam",
    "forgot",
    "forgave",
    "withdrew",
    "overtook",
    "undertook",
    // Results and moves news reports in the past with a verb whose
    // present is spelled the same ("Arsenal beat Spurs on Sunday", "the
    // Fed cut rates on Wednesday"); after "to", a modal or "will" they
    // tell no past ("hope to beat", "will cut").
    "drew",
    "beat",
    "led",
    "hit",
    "cut",
    "slid",
    "swung",
    "overcame",
    "upheld",
    "oversaw",
    "underwent",
];

/// Words ending in "-ed" that tell of no past: plans, expectations and
/// adjectives ("scheduled for Saturday", "a planned strike on Monday").
pub(crate) const NOT_PAST: &[&str] = &[
    "scheduled",
    "expected",
    "planned",
    "slated",
    "proposed",
    "intended",
    "anticipated",
    "billed",
    "timed",
    "need",
    "indeed",
    "speed",
    "feed",
    "seed",
    "proceed",
    "exceed",
    "succeed",
    "shred",
    "breed",
    "greed",
    "embed",
];

/// Words before an "-ed" word that make it a passive or an infinitive's,
/// not a verb of the past ("is expected", "to be played", "will be
/// opened").
pub(crate) const BEFORE_PARTICIPLES: &[&str] = &[
    "is", "are", "be", "been", "being", "am", "'s", "’s", "to", "will", "would", "could", "should",
    "may", "might", "must", "can", "shall", "ll", "get", "gets",
];

/// Words and marks that end the clause a date stands in, looking back:
/// a future word before them belongs to another clause ("the inquiry will
/// ask why the bank, which failed on Friday, …").
pub(crate) const CLAUSE_BREAKS: &[&str] = &[
    ",", ";", ":", ".", "!", "?", "(", ")", "\"", "“", "”", "that", "which", "who", "when",
    "after", "since", "because", "and", "but", "while", "as",
];

/// Words that tell a time from the article's own date, which keep an
/// expression deictic even beside an anaphoric word ("the day after
/// tomorrow", "the year before last", "two weeks ago").
pub(crate) const DEICTIC_WORDS: &[&str] = &[
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
    "now",
    "ago",
    "hence",
    "this",
    "next",
    "last",
    "past",
    "coming",
    "upcoming",
    "current",
    "present",
];
