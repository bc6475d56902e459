use chrono::NaiveDate;

use super::expr::Mod;
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn range(a: &str, b: &str) -> Value {
    Value::Range {
        start: Some(d(a)),
        end: Some(d(b)),
    }
}

/// The texts and nearest values found in `text` against `reference`.
fn found(text: &str, reference: &str) -> Vec<(String, Value)> {
    scan(text, order_of(text), Mode::All)
        .into_iter()
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                reference::nearest(&m.expr, d(reference)),
            )
        })
        .collect()
}

fn one(text: &str, reference: &str) -> (String, Value) {
    let f = found(text, reference);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().expect("one")
}

#[test]
fn absolute_dates() {
    let f = found(
        "It opened on June 30, 2022 and closed 30 June 2023.",
        "2024-01-01",
    );
    assert_eq!(f[0], ("June 30, 2022".into(), Value::Day(d("2022-06-30"))));
    assert_eq!(f[1], ("30 June 2023".into(), Value::Day(d("2023-06-30"))));
    assert_eq!(
        one("The report of 2022-06-30 said so.", "2024-01-01").1,
        Value::Day(d("2022-06-30"))
    );
    assert_eq!(
        one("Prices rose in March 2024.", "2025-01-01").1,
        range("2024-03-01", "2024-04-01")
    );
}

#[test]
fn numeric_dates_follow_the_articles_convention() {
    // Month first unless the article shows otherwise.
    assert_eq!(
        one("Filed on 03/02/25.", "2025-06-01").1,
        Value::Day(d("2025-03-02"))
    );
    let uk = "Filed on 03/02/25, after the hearing on 21/01/25.";
    assert_eq!(order_of(uk), Order::DayFirst);
    assert_eq!(found(uk, "2025-06-01")[0].1, Value::Day(d("2025-02-03")));
    let words = "The vote on 30 June was set on 03/02/25 and held on 1 July.";
    assert_eq!(order_of(words), Order::DayFirst);
}

#[test]
fn relative_dates_against_the_reference() {
    let r = "2025-11-20"; // a Thursday
    assert_eq!(
        one("They met on October 8.", r).1,
        Value::Day(d("2025-10-08"))
    );
    assert_eq!(
        one("It ended on Tuesday.", r).1,
        Value::Day(d("2025-11-18"))
    );
    assert_eq!(
        one("Sales fell last year.", r).1,
        range("2024-01-01", "2025-01-01")
    );
    assert_eq!(
        one("Talks resume next month.", r).1,
        range("2025-12-01", "2026-01-01")
    );
    assert_eq!(
        one("It began two weeks ago.", r).1,
        Value::Day(d("2025-11-06"))
    );
    assert_eq!(
        one("Output in the first seven months of 2025 grew.", r).1,
        range("2025-01-01", "2025-08-01")
    );
    assert_eq!(one("He left yesterday.", r).1, Value::Day(d("2025-11-19")));
}

#[test]
fn ranges_and_open_ranges() {
    let r = "2025-11-20";
    // The record reads a range of years through its last year.
    assert_eq!(
        one("The plan for 2025\u{2013}2027 was signed.", r).1,
        range("2025-01-01", "2028-01-01")
    );
    assert_eq!(
        one("Prices rose from 2020 to 2023.", r).1,
        range("2020-01-01", "2024-01-01")
    );
    let since = scan("A member since 1992.", Order::MonthFirst, Mode::All);
    assert_eq!(since[0].expr.modifier, Some(Mod::Since));
    assert_eq!(
        reference::nearest(&since[0].expr, d(r)),
        Value::Range {
            start: Some(d("1992-01-01")),
            end: None
        }
    );
    let through = scan("Valid through 2030.", Order::MonthFirst, Mode::All);
    assert_eq!(through[0].expr.modifier, Some(Mod::Until));
    assert_eq!(
        reference::nearest(&through[0].expr, d(r)),
        Value::Range {
            start: None,
            end: Some(d("2031-01-01"))
        }
    );
}

#[test]
fn durations() {
    let m = scan("The war lasted three years.", Order::MonthFirst, Mode::All);
    assert_eq!(m.len(), 1);
    let Node::Duration(dur) = &m[0].expr.node else {
        panic!("{m:?}");
    };
    assert_eq!(dur.iso(), "P3Y");
    assert_eq!(dur.seconds(), 3.0 * 31_536_000.0);
    let half = scan("for an hour and a half", Order::MonthFirst, Mode::All);
    let Node::Duration(dur) = &half[0].expr.node else {
        panic!("{half:?}");
    };
    assert_eq!(dur.iso(), "PT1.5H");
}

#[test]
fn a_quarter_century_is_25_years_and_a_half_century_50() {
    for (text, iso) in [
        ("He has spent a quarter-century in Congress.", "P25Y"),
        ("It took a quarter century to build.", "P25Y"),
        ("The firm marks a half-century in business.", "P50Y"),
    ] {
        let m = scan(text, Order::MonthFirst, Mode::All);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        let Node::Duration(dur) = &m[0].expr.node else {
            panic!("{text}: {m:?}");
        };
        assert_eq!(dur.iso(), iso, "{text}");
    }
    // Not the last quarter of a year.
    assert_eq!(
        one("The city grew over the past quarter century.", "2025-11-04").1,
        range("2000-11-04", "2025-11-04")
    );
}

#[test]
fn the_weekend_of_its_days_is_not_the_nearest_weekend() {
    let f = found(
        "The fair runs over the weekend of 9 and 10 July.",
        "2022-06-01",
    );
    assert!(!f.is_empty(), "{f:?}");
    assert!(
        f.iter()
            .all(|(_, v)| matches!(v, Value::Day(day) if *day >= d("2022-07-01"))),
        "{f:?}"
    );
}

#[test]
fn a_years_number_before_year_is_that_year() {
    let f = found("It is ahead for the 2005 year, he said.", "2004-06-01");
    assert!(
        f.iter().all(|(_, v)| !matches!(v, Value::Seconds(_))),
        "{f:?}"
    );
}

#[test]
fn words_that_only_look_like_dates() {
    for text in [
        "May I ask why?",
        "This may take longer than expected.",
        "Open 24/7 all year round.",
        "About 3/4 of voters agreed.",
        "It cost $12 in total.",
        "Call +86 138-2010-2015 today.",
        "They sold 2,000 cars.",
        "A 69-year-old man was hurt.",
        "Flight A380 landed.",
        "The 27th floor was closed.",
        "It was shown in 3D and 2D.",
        "The plan was criticised in some quarters.",
        "A 5W charger and a 24H race.",
    ] {
        let f = found(text, "2025-01-01");
        let dated: Vec<_> = f
            .iter()
            .filter(|(t, _)| !matches!(t.as_str(), "today" | "all year"))
            .collect();
        assert!(dated.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn the_latest_full_date_in_the_text() {
    let text = "On 12 March 2024 the court met; on 4 April 2024 it ruled; in 2025 it sat again.";
    let m = scan(text, order_of(text), Mode::All);
    assert_eq!(reference::latest_full_day(&m, None), Some(d("2024-04-04")));
    // Not a day after the file was saved; one told of the future stays.
    let text = "On 12 March 2024 it met. The notes mature on April 28, 2056. \
                The vote will be held on 20 April 2024.";
    let m = scan(text, order_of(text), Mode::All);
    assert_eq!(
        reference::latest_full_day(&m, Some(d("2024-04-30"))),
        Some(d("2024-04-20"))
    );
    assert_eq!(
        reference::latest_full_day(&m, Some(d("2024-04-01"))),
        Some(d("2024-03-12"))
    );
}

#[test]
fn dates_in_words_and_holidays() {
    assert_eq!(
        one(
            "Born on January twenty five nineteen eighty six.",
            "2019-05-30"
        )
        .1,
        Value::Day(d("1986-01-25"))
    );
    assert_eq!(
        one("They met on Christmas 2019.", "2025-01-01").1,
        Value::Day(d("2019-12-25"))
    );
    assert_eq!(
        one("In the 1990s it grew.", "2025-01-01").1,
        range("1990-01-01", "2000-01-01")
    );
}

#[test]
fn open_dates_lean_to_the_past() {
    let r = "2025-10-23"; // a Thursday
    assert_eq!(
        one("They meet on Friday.", r).1,
        Value::Day(d("2025-10-24"))
    );
    assert_eq!(
        one("It ended on Tuesday.", r).1,
        Value::Day(d("2025-10-21"))
    );
    // A hyphened word ends no clause.
    assert_eq!(
        one(
            "Shares fell 9.8% in after-hours trade on Wednesday.",
            "2025-10-21"
        )
        .1,
        Value::Day(d("2025-10-15"))
    );
    // The verb right after the date tells it, past a place's state.
    assert_eq!(
        one(
            "People at a rally in Concord, N.C., on Monday included him.",
            "2025-10-25"
        )
        .1,
        Value::Day(d("2025-10-20"))
    );
    assert_eq!(
        one("It builds on March talks.", r).1,
        range("2025-03-01", "2025-04-01")
    );
    assert_eq!(
        one("Talks resume in January.", "2025-11-20").1,
        range("2026-01-01", "2026-02-01")
    );
    // A quarter without its year that has not begun is last year's,
    // unless the clause speaks of the future.
    assert_eq!(
        one("Inflation was up from the third quarter.", "2025-03-19").1,
        range("2024-07-01", "2024-10-01")
    );
    assert_eq!(
        one("Sales will rise in the third quarter.", "2025-03-19").1,
        range("2025-07-01", "2025-10-01")
    );
    assert_eq!(
        one("Sales rose in the first quarter.", "2025-03-19").1,
        range("2025-01-01", "2025-04-01")
    );
}

#[test]
fn the_past_decade_is_ten_years_and_the_last_decade_the_calendars() {
    let r = "2025-11-04";
    assert_eq!(
        one("Over the past decade, prices doubled.", r).1,
        range("2015-11-04", "2025-11-04")
    );
    // "the last decade" is as often the calendar's.
    assert_eq!(
        one("Prices fell in the last decade.", r).1,
        range("2010-01-01", "2020-01-01")
    );
    assert_eq!(
        one("This decade is hard.", r).1,
        range("2020-01-01", "2030-01-01")
    );
}

/// Each text's one date against `reference`, as a day.
fn days_read(reference: &str, cases: &[(&str, &str)]) {
    for (text, want) in cases {
        assert_eq!(one(text, reference).1, Value::Day(d(want)), "{text}");
    }
}

#[test]
fn a_weekday_beside_a_date_without_its_year_picks_the_year() {
    days_read(
        "2023-03-22",
        &[
            // September 4 fell on a Monday in 2023, not in 2022: the
            // coming one, though the one just past is the usual reading.
            (
                "Markets were closed on Monday, Sept. 4 for the holiday.",
                "2023-09-04",
            ),
            (
                "Markets were closed on Sept. 4 for the holiday.",
                "2022-09-04",
            ),
            // A weekday no nearby year agrees with leaves the usual reading.
            (
                "Markets were closed on Friday, Sept. 4 for the holiday.",
                "2022-09-04",
            ),
        ],
    );
}

#[test]
fn a_clause_about_the_future_takes_the_coming_date() {
    // The reference is a Wednesday: a bare Tuesday is yesterday, unless
    // the clause says it is still to come.
    days_read(
        "2023-03-22",
        &[
            ("Officials met on Tuesday.", "2023-03-21"),
            ("Officials will meet again on Tuesday.", "2023-03-28"),
            ("The market said it'll reopen Tuesday.", "2023-03-28"),
            // "March 12" of a clause about the future is next year's.
            ("The committee will vote on March 12.", "2024-03-12"),
            // The future word of another clause does not carry over.
            (
                "The inquiry will ask why the bank, which failed on Tuesday, fell.",
                "2023-03-21",
            ),
            (
                "Officials will say why the bank failed. It closed on Tuesday.",
                "2023-03-21",
            ),
            // A future told in the past ("would") takes the coming weekday,
            // not one that "would have" been.
            (
                "Mediators said the ceasefire would take effect on Tuesday.",
                "2023-03-28",
            ),
            (
                "It would have been his 50th birthday on Tuesday.",
                "2023-03-21",
            ),
        ],
    );
}

#[test]
fn a_clause_about_the_past_takes_the_date_gone_by() {
    // The reference is a Thursday: a bare Saturday is two days on by
    // distance, but a verb of the past places it five days before.
    days_read(
        "2023-06-08",
        &[
            ("Residents were ordered to leave on Saturday.", "2023-06-03"),
            (
                "Rain swept across Wales and the Midlands on Saturday.",
                "2023-06-03",
            ),
            ("Firefighters battled the blaze on Saturday.", "2023-06-03"),
            ("Arsenal beat Spurs 2-1 on Saturday.", "2023-06-03"),
            ("Liverpool drew 1-1 at Newcastle on Saturday.", "2023-06-03"),
            ("The Fed cut rates on Saturday.", "2023-06-03"),
            ("Arsenal hope to beat Spurs on Saturday.", "2023-06-10"),
            ("The Fed will cut rates on Saturday.", "2023-06-10"),
            // Nothing of the past: the nearest.
            ("A vote is due on Saturday.", "2023-06-10"),
            // A passive after "be", an infinitive and a participle before
            // "by" tell no past; a future word before them wins.
            ("The prize will be awarded on Saturday.", "2023-06-10"),
            (
                "The prize will be awarded by a jury led by its president on Saturday.",
                "2023-06-10",
            ),
            ("The storm is expected to peak on Saturday.", "2023-06-10"),
            ("The vote, planned for Saturday, may slip.", "2023-06-10"),
        ],
    );
}

#[test]
fn a_date_opening_its_sentence_is_placed_by_the_clause_after_it() {
    // The reference is a Thursday: Saturday is two days on by distance.
    days_read(
        "2023-06-08",
        &[
            ("On Saturday, police arrested two men.", "2023-06-03"),
            ("On Saturday police arrested two men.", "2023-06-03"),
            ("It rained. On Saturday, the Fed cut rates.", "2023-06-03"),
            ("On Saturday, the minister will visit Leeds.", "2023-06-10"),
            ("On Saturday, the minister would visit Leeds.", "2023-06-10"),
            // Nothing of the past or the future: the nearest.
            ("On Saturday, the vote is due.", "2023-06-10"),
            ("On Saturday, voters choose a mayor.", "2023-06-10"),
            // The past verb of another clause does not place it.
            ("On Saturday, which was wet, voters choose.", "2023-06-10"),
            // A name's past form is no verb ("United").
            ("On Saturday, Leeds United play Spurs.", "2023-06-10"),
            // A date between a name and its verb.
            ("Intel on Saturday posted a loss.", "2023-06-03"),
            ("Acme Corp. on Saturday said it would close.", "2023-06-03"),
            (
                "A federal judge on Saturday ordered a recount.",
                "2023-06-03",
            ),
            // Not after a common noun, nor a future after a name.
            ("The vote on Saturday was postponed.", "2023-06-10"),
            (
                "Primaries in Delaware on Saturday will speed it up.",
                "2023-06-10",
            ),
        ],
    );
    // A month opening its sentence in a December article: the one gone by
    // when the clause tells of the past, however near the coming one is.
    let month = |text: &str| one(text, "2023-12-05").1;
    assert_eq!(
        month("In January, Acme sued a website."),
        month("Acme sued a website in January.")
    );
    assert_eq!(
        month("Consumer spending in January rose 3.8%."),
        month("In January, Acme sued a website.")
    );
    assert!(matches!(
        month("In January, Acme sued a website."),
        Value::Range { start: Some(s), .. } if s == d("2023-01-01")
    ));
    // A period counted to the end of a month, told in the past.
    let end = |text: &str| match one(text, "2015-11-16").1 {
        Value::Range { end, .. } => end,
        _ => None,
    };
    assert_eq!(
        end("Through the end of September, the campaign had raised $3 million."),
        Some(d("2015-10-01"))
    );
}

#[test]
fn the_weekend_is_the_one_its_clause_or_the_weekday_says() {
    let saturday = |text: &str, reference: &str| match one(text, reference).1 {
        Value::Range { start, .. } => start,
        _ => None,
    };
    // 2023-06-05 is a Monday, 2023-06-08 a Thursday.
    for (text, reference, want) in [
        (
            "Over the weekend, she was asked about it.",
            "2023-06-05",
            "2023-06-03",
        ),
        ("Ministers met at the weekend.", "2023-06-08", "2023-06-03"),
        (
            "Ministers spent the weekend in talks.",
            "2023-06-08",
            "2023-06-03",
        ),
        (
            "The minister will speak at the weekend.",
            "2023-06-05",
            "2023-06-10",
        ),
        // Untensed: the nearer one.
        ("Talks on the weekend.", "2023-06-05", "2023-06-03"),
        ("Talks resume at the weekend.", "2023-06-08", "2023-06-10"),
        // "This weekend" is the week's own.
        ("The vote is this weekend.", "2023-06-05", "2023-06-10"),
        // On a Sunday, the weekend is this one, either way.
        ("Ministers met at the weekend.", "2023-06-11", "2023-06-10"),
    ] {
        assert_eq!(
            saturday(text, reference),
            Some(d(want)),
            "{text} ({reference})"
        );
    }
}

#[test]
fn figures_counted_through_a_month_in_a_past_clause_end_with_it() {
    // The end of the range is exclusive: the day after the month's last.
    let end = |text: &str| {
        found(text, "2023-09-20")
            .into_iter()
            .find_map(|(_, v)| match v {
                Value::Range { end, .. } => end,
                _ => None,
            })
    };
    assert_eq!(
        end("Prices rose 3.7% in the 12 months through August."),
        Some(d("2023-09-01"))
    );
    // "Until" stays ahead, past verb or not.
    assert_eq!(
        end("The ban was extended until August."),
        Some(d("2024-09-01"))
    );
}

#[test]
fn a_season_ending_a_name_is_no_date() {
    for text in [
        "The meeting was held in Silver Spring, Maryland.",
        "Protests of the Arab Spring spread.",
    ] {
        assert!(found(text, "2023-07-14").is_empty(), "{text}");
    }
    // A season a heading capitalizes keeps its reading.
    for text in [
        "Prices Rise In Spring",
        "We met last Summer.",
        "Spring came early.",
    ] {
        assert_eq!(found(text, "2023-07-14").len(), 1, "{text}");
    }
}

#[test]
fn date_words_inside_names_and_counts_are_no_dates() {
    for text in [
        "Shares of Sun rose, and Sun said it would hire.",
        "He told The Sun the bid was a waste.",
        "Tens of thousands marched.",
        "Carson spoke at Mar-a-Lago on the record.",
        "No. 8 Jan-Mike Gambill lost.",
    ] {
        let f = found(text, "2023-07-14");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    // Written as dates, they stay dates.
    for text in [
        "Doors open Sun 12 May.",
        "Doors open Sat., Nov. 3.",
        "Open Mon-Fri.",
        "It grew in the October-to-December quarter.",
        "Music of the nineties returned.",
    ] {
        assert!(!found(text, "2023-07-14").is_empty(), "{text}");
    }
}

#[test]
fn an_age_in_decades_is_no_date() {
    for text in [
        "A man in his 60s died.",
        "She is in her late 30s.",
        "Voters in their mid-20s stayed home.",
    ] {
        let f = found(text, "2023-10-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    assert_eq!(found("Music of the 60s returned.", "2023-10-20").len(), 1);
}

#[test]
fn an_amount_after_a_record_looks_back_and_is_no_date_ahead() {
    for text in [
        "Stocks hit their highest level in 20 years.",
        "It was their first direct talks in three years.",
        "It was the worst day in a decade.",
        "Prices rose for the first time in six months.",
        "It was the biggest oil and gas float in a decade.",
        "It was his first time behind the plate in 14 years.",
        "It was its second bankruptcy in three years.",
        "Few sweeping achievements in a quarter-century in Congress.",
        "He was lambasted as mainstream in a year when voters wanted change.",
        "It came in a week that saw three storms.",
        "It ran in a year in which turnout fell.",
    ] {
        assert!(
            found(text, "2024-01-10")
                .iter()
                .all(|(_, v)| !matches!(v, Value::Day(day) if *day > d("2024-01-10"))),
            "{text}: {:?}",
            found(text, "2024-01-10")
        );
    }
    // The length of what follows "of".
    for text in [
        "He never went home in four years of college.",
        "It was their hallmark in 18 years of government.",
        "Most were reconvicted within two years of release.",
    ] {
        let f = found(text, "2024-01-10");
        assert!(
            f.len() == 1 && matches!(f[0].1, Value::Seconds(_)),
            "{text}: {f:?}"
        );
    }
    // Ahead, with a future word between, or with no record at all.
    days_read(
        "2024-01-10",
        &[
            (
                "The first phase will be completed in three years.",
                "2027-01-10",
            ),
            ("The plant will open in three years.", "2027-01-10"),
        ],
    );
}

#[test]
fn a_season_placed_from_the_article_date_gets_its_year() {
    // The value a season's text resolves to against `reference`.
    let season = |text: &str, reference: &str| {
        let m = scan(text, order_of(text), Mode::All);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        m[0].expr.resolved(Some(d(reference))).value
    };
    let cases = [
        // The last one over: the summer before, or the one just ended.
        ("Prices rose last summer.", "2023-03-14", Some("2022-SU")),
        ("Prices rose last summer.", "2023-10-02", Some("2023-SU")),
        ("Prices rose last summer.", "2023-07-14", Some("2022-SU")),
        ("Snow fell last winter.", "2023-03-14", Some("2022-WI")),
        ("Snow fell last winter.", "2023-01-20", Some("2021-WI")),
        // The one holding the date, else the one of its year.
        ("I'll leave this summer.", "2016-11-07", Some("2016-SU")),
        ("Snow is due this winter.", "2023-01-20", Some("2022-WI")),
        ("Snow is due this winter.", "2023-10-02", Some("2023-WI")),
        // The next to open.
        ("I'll leave next spring.", "2016-11-07", Some("2017-SP")),
        ("Talks resume next summer.", "2023-03-14", Some("2023-SU")),
        ("Talks resume next summer.", "2023-07-14", Some("2024-SU")),
        // A written year wins; no word placing it, no year.
        (
            "Talks resume in the summer of 2025.",
            "2023-03-14",
            Some("2025-SU"),
        ),
        ("Talks resume in the summer.", "2023-03-14", None),
    ];
    for (text, reference, want) in cases {
        assert_eq!(
            season(text, reference).as_deref(),
            want,
            "{text} at {reference}"
        );
    }
}
