//! Measures of figures in sentences written the way wire and broadcast
//! news writes them.

use super::*;
use crate::extract;

/// A figure as written, its key, kind, share base and cited source.
type Read = (
    String,
    Option<String>,
    &'static str,
    Option<String>,
    Option<String>,
);

/// Each figure of `text` (one sentence) with its key, kind, base and
/// cited source; `names` are the words the entity recognizer would mark.
fn measures(text: &str, names: &[&str]) -> Vec<Read> {
    let f = extract::figures(text);
    let mut figs: Vec<(Range<usize>, Figure)> = Vec::new();
    for m in f.money.iter().filter(|m| m.amount.is_some()) {
        figs.push((m.range.clone(), Figure::Money));
    }
    for p in f.percentages.iter().filter(|p| p.value.is_some()) {
        figs.push((
            p.range.clone(),
            Figure::Percent {
                of: p.of.clone(),
                fraction: p.fraction,
            },
        ));
    }
    // As the record does: ages and lengths of time get no measure.
    for q in f.quantities.iter().filter(|q| {
        !matches!(
            q.measure.dimension(),
            extract::units::Dimension::Age | extract::units::Dimension::Duration
        )
    }) {
        let fig = match &q.measure {
            extract::quantities::Measure::Count(noun) => Figure::Count {
                noun: noun.clone(),
                small: q.value.abs() < 10.0,
            },
            _ => Figure::Measurement,
        };
        figs.push((q.range.clone(), fig));
    }
    figs.sort_by_key(|(r, _)| r.start);
    let dates: Vec<Range<usize>> = f.dates.iter().map(|d| d.range.clone()).collect();
    let names: Vec<Range<usize>> = names
        .iter()
        .filter_map(|n| text.find(n).map(|at| at..at + n.len()))
        .collect();
    let ds = describe_sentence(text, 0..text.len(), &figs, &dates, &names);
    figs.iter()
        .zip(ds)
        .map(|((r, _), d)| {
            (
                text[r.clone()].to_string(),
                d.key,
                d.kind.name(),
                d.base,
                d.cited.map(|c| text[c].to_string()),
            )
        })
        .collect()
}

fn key_kind(text: &str, names: &[&str]) -> Vec<(String, &'static str)> {
    measures(text, names)
        .into_iter()
        .map(|(_, k, kind, base, _)| {
            let k = k.unwrap_or_default();
            (base.map_or(k.clone(), |b| format!("{k} / {b}")), kind)
        })
        .collect()
}

#[test]
fn subjects_of_change_verbs() {
    assert_eq!(
        key_kind(
            "Pre-tax profits at the retailer rose by 12% to £1.2bn in the year to March.",
            &[]
        ),
        vec![
            ("pre-tax profit".into(), "change"),
            ("pre-tax profit".into(), "amount")
        ]
    );
    assert_eq!(
        key_kind(
            "In the first half of 2004, car exports jumped 8.5%, the trade body said.",
            &[]
        ),
        vec![("car export".into(), "change")]
    );
    assert_eq!(
        key_kind(
            "The jobless rate fell to 4.7% in the three months to October.",
            &[]
        ),
        vec![("unemployment".into(), "rate")]
    );
}

#[test]
fn a_company_expecting_or_posting_a_figure_is_not_what_it_measures() {
    assert_eq!(
        key_kind(
            "The company said it now expects revenue of $2.1 billion for the quarter.",
            &[]
        ),
        vec![("revenue".into(), "amount")]
    );
    assert_eq!(
        key_kind("The carmaker posted a net loss of $387 million.", &[]),
        vec![("net loss".into(), "amount")]
    );
}

#[test]
fn nouns_before_of_and_after_the_figure() {
    assert_eq!(
        key_kind(
            "The airline reported a pre-tax loss of £25m for the year.",
            &[]
        ),
        vec![("pre-tax loss".into(), "amount")]
    );
    assert_eq!(
        key_kind("The group agreed a £1.6bn takeover of its rival.", &[]),
        vec![("takeover".into(), "amount")]
    );
    assert_eq!(
        key_kind(
            "Shares in the firm saw a 6% rise after the announcement.",
            &[]
        ),
        vec![("share".into(), "change")]
    );
}

#[test]
fn shares_and_their_wholes() {
    assert_eq!(
        key_kind(
            "Money sent home by migrant workers makes up almost a third of the economy.",
            &[]
        ),
        vec![("remittance / gdp".into(), "share")]
    );
    assert_eq!(
        key_kind(
            "Migrant remittances account for 12% of gross domestic product.",
            &[]
        ),
        vec![("remittance / gdp".into(), "share")]
    );
    assert_eq!(
        key_kind(
            "Consumer spending accounts for 66% of US economic activity.",
            &["US"]
        ),
        vec![("consumer spending / economic activity".into(), "share")]
    );
    assert_eq!(
        key_kind("About 40% of voters said they had not decided.", &[]),
        vec![("voter".into(), "share")]
    );
}

#[test]
fn apposition_and_shared_subjects() {
    // The share takes the amount's measure; the second amount its subject's.
    let m = key_kind(
        "Expatriates remitted $2.1bn last year, roughly 9% of the country's GDP.",
        &[],
    );
    assert_eq!(
        m,
        vec![
            ("remittance".into(), "amount"),
            ("remittance / gdp".into(), "share")
        ]
    );
    let m = key_kind(
        "Oil revenue rose by more than 10% in 2004 and reached about $30bn.",
        &[],
    );
    assert_eq!(
        m,
        vec![
            ("oil revenue".into(), "change"),
            ("oil revenue".into(), "amount")
        ]
    );
}

#[test]
fn relative_clauses_and_names() {
    let m = key_kind(
        "The economy depends on tourism receipts from visitors in Spain, which last year reached €2bn.",
        &["Spain"],
    );
    assert_eq!(m, vec![("tourism receipt".into(), "amount")]);
    // A name as subject is the entity, not the measure.
    let m = measures(
        "Vodafone made a profit of £5bn in the period.",
        &["Vodafone"],
    );
    assert_eq!(m[0].1.as_deref(), Some("profit"));
}

#[test]
fn counts_and_sources() {
    let m = measures(
        "According to the Home Office, more than 120,000 asylum seekers arrived in 2002.",
        &["Home Office"],
    );
    assert_eq!(m[0].1.as_deref(), Some("asylum seeker"));
    assert_eq!(m[0].2, "count");
    assert_eq!(m[0].4.as_deref(), Some("the Home Office"));
    let m = measures("The floods killed 145 people, officials said.", &[]);
    assert_eq!(m[0].1.as_deref(), Some("person killed"));
    assert_eq!(m[0].4.as_deref(), Some("officials"));
    let m = measures(
        "The IMF's latest report estimates that growth will slow to 3.2% next year.",
        &["IMF"],
    );
    assert_eq!(m[0].4.as_deref(), Some("The IMF's latest report"));
}

#[test]
fn lemmas() {
    assert_eq!(key::lemma("remittances"), "remittance");
    assert_eq!(key::lemma("economies"), "economy");
    assert_eq!(key::lemma("taxes"), "tax");
    assert_eq!(key::lemma("losses"), "loss");
    assert_eq!(key::lemma("news"), "news");
    assert_eq!(key::lemma("people"), "person");
}

#[test]
fn a_noun_before_to_or_at_is_what_the_figure_measures() {
    assert_eq!(
        key_kind("Analysts cut their price target to $140.", &[]),
        vec![("price target".into(), "amount")]
    );
    assert_eq!(
        key_kind("The board set the sales goal at $2bn.", &[]),
        vec![("sale goal".into(), "amount")]
    );
    assert_eq!(
        key_kind("It estimated the bank's loss at $3bn.", &[]),
        vec![("loss".into(), "amount")]
    );
    // A past tense before "to" is still the verb, and so is a verb after a
    // demonstrative; a verb's object or a time is not what is measured.
    assert_eq!(
        key_kind("The deficit ballooned to $5bn.", &[]),
        vec![("deficit".into(), "amount")]
    );
    assert_ne!(
        key_kind("This compares to 14% of those aged 30.", &[])
            .first()
            .map(|(k, _)| k.as_str()),
        Some("compare")
    );
    for text in [
        "Shares fell 6% on the news to $10.44.",
        "Output rose from 60,000 barrels a day to 80,000 barrels.",
        "Its share fell from 52% this season to 34%.",
    ] {
        let keys = key_kind(text, &[]);
        let last = keys.last().map(|(k, _)| k.as_str());
        assert!(
            !matches!(last, Some("news" | "day" | "season")),
            "{text}: {keys:?}"
        );
    }
}
