//! The cases, on sentences written for these tests.

use std::ops::Range;

/// Paragraph ranges of a test body: blank-line separated.
pub(crate) fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices("\n\n") {
        if i > start {
            out.push(start..i);
        }
        start = i + 2;
    }
    if start < body.len() {
        out.push(start..body.len());
    }
    out
}

use super::{Quote, QuoteKind, find};
use crate::document::sentences;
use crate::extract::entities;

/// What a test reads of one quote: its text, kind, speaker name (the
/// entity's, else the phrase) and cue lemma.
#[derive(Debug, PartialEq)]
struct Seen {
    text: String,
    kind: QuoteKind,
    speaker: Option<String>,
    cue: Option<String>,
    pieces: usize,
}

fn quotes(body: &str) -> Vec<Seen> {
    let paras = paragraphs(body);
    let sents = sentences::split(body);
    let ents = entities::find(body, &sents);
    find(body, &paras, &sents, &ents)
        .into_iter()
        .map(|q: Quote| Seen {
            text: body[q.range()].to_string(),
            kind: q.kind,
            speaker: q.speaker.map(|s| match s.entity {
                Some(e) => ents[e].name.clone(),
                None => body[s.range].to_string(),
            }),
            cue: q.cue.map(|c| c.lemma),
            pieces: q.pieces.len(),
        })
        .collect()
}

fn seen(
    text: &str,
    kind: QuoteKind,
    speaker: Option<&str>,
    cue: Option<&str>,
    pieces: usize,
) -> Seen {
    Seen {
        text: text.to_string(),
        kind,
        speaker: speaker.map(str::to_string),
        cue: cue.map(str::to_string),
        pieces,
    }
}

#[test]
fn split_quote_is_one_quote_in_two_pieces() {
    let body = "“We have checked every ledger,” Martina Keller said. “Nothing is missing.”";
    assert_eq!(
        quotes(body),
        [seen(
            body,
            QuoteKind::Direct,
            Some("Martina Keller"),
            Some("say"),
            2
        )]
    );
    let body = "“We have checked every ledger,” Martina Keller said, “and nothing is missing.”";
    assert_eq!(
        quotes(body),
        [seen(
            body,
            QuoteKind::Direct,
            Some("Martina Keller"),
            Some("say"),
            2
        )]
    );
}

/// The texts of the quotes of `body`.
fn texts(body: &str) -> Vec<String> {
    quotes(body).into_iter().map(|q| q.text).collect()
}

#[test]
fn straight_typographic_guillemet_and_wire_marks() {
    for (open, close) in [
        ("\"", "\""),
        ("“", "”"),
        ("«", "»"),
        ("``", "''"),
        ("“", "\""),
    ] {
        let body = format!("{open}The bridge will open in May,{close} said Daniel Brooks.");
        let q = quotes(&body);
        assert_eq!(q.len(), 1, "{body}");
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{body}");
        assert_eq!(q[0].cue.as_deref(), Some("say"));
    }
}

#[test]
fn apostrophes_and_nested_quotes_do_not_break_pairing() {
    let body = "“The voters’ mood isn’t what the ’90s taught us, and they keep telling me ‘not again’,” Daniel Brooks said.";
    let q = quotes(body);
    assert_eq!(q.len(), 1);
    assert!(q[0].text.ends_with("‘not again’,”"));
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
}

#[test]
fn quote_over_paragraphs_is_one_quote() {
    let body = "Daniel Brooks spoke for an hour.\n\n“The first part of the plan is the bridge. It opens in May.\n\n“The second part is the tunnel,” he said.";
    let q = quotes(body);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].pieces, 2);
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
}

#[test]
fn colon_introduction_and_told_reporters() {
    let body = "Transport Minister Daniel Brooks said: “The bridge will open in May.”";
    let q = quotes(body);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("say"));
    let body = "Daniel Brooks told reporters the bridge would open in May.";
    assert_eq!(
        quotes(body),
        [seen(
            "the bridge would open in May",
            QuoteKind::Indirect,
            Some("Daniel Brooks"),
            Some("tell"),
            1
        )]
    );
}

#[test]
fn partial_quote_inside_a_paraphrase_is_mixed() {
    let body = "Daniel Brooks called the tunnel deal “a disaster for taxpayers.”";
    let q = quotes(body);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("call"));
    let body =
        "Daniel Brooks said the tunnel deal was “a disaster for taxpayers” and would be reviewed.";
    let q = quotes(body);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert!(q[0].text.starts_with("the tunnel deal"));
}

#[test]
fn titles_names_scare_quotes_and_headlines_are_not_quotes() {
    assert!(texts("The plant is run by the state company “Nordvik Energo.”").is_empty());
    assert!(texts("Talks covered a so-called “northern corridor” for trucks.").is_empty());
    assert!(texts("She reviewed the film “The Long Winter Road” for the paper.").is_empty());
    assert!(texts("The reform was, in every sense, a “success” for the planners.").is_empty());
    let body = "Minister: “We Will Win”\n\nThe minister spoke in Lisbon on Monday.";
    assert!(texts(body).is_empty());
}

#[test]
fn indirect_speech_forms() {
    let q = quotes("Daniel Brooks said that the bridge would open in May.");
    assert_eq!(
        q,
        [seen(
            "that the bridge would open in May",
            QuoteKind::Indirect,
            Some("Daniel Brooks"),
            Some("say"),
            1
        )]
    );
    let q = quotes("According to Daniel Brooks, the bridge will open in May.");
    assert_eq!(
        q,
        [seen(
            "the bridge will open in May",
            QuoteKind::Indirect,
            Some("Daniel Brooks"),
            Some("according to"),
            1
        )]
    );
    let q = quotes("The bridge will open in May, Daniel Brooks said on Monday.");
    assert_eq!(
        q,
        [seen(
            "The bridge will open in May",
            QuoteKind::Indirect,
            Some("Daniel Brooks"),
            Some("say"),
            1
        )]
    );
    let q = quotes("Daniel Brooks warned that the bridge could close again.");
    assert_eq!(q[0].cue.as_deref(), Some("warn"));
    let q = quotes("Daniel Brooks argued the tunnel was too expensive for the city.");
    assert_eq!(q[0].cue.as_deref(), Some("argue"));
    assert_eq!(q[0].text, "the tunnel was too expensive for the city");
    let q = quotes("Daniel Brooks stressed that the tunnel was safe.");
    assert_eq!(q[0].cue.as_deref(), Some("stress"));
}

#[test]
fn speakers_before_after_and_in_the_sentence_before() {
    let q = quotes("“The bridge will open in May,” Daniel Brooks said.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    let q = quotes("“The bridge will open in May,” said Daniel Brooks, the transport minister.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    let body = "Daniel Brooks stood at the podium in Lisbon.\n\n“The bridge will open in May.”";
    let q = quotes(body);
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue, None);
}

#[test]
fn pronouns_and_descriptions_resolve_to_entities() {
    let body = "Daniel Brooks visited Lisbon on Monday. “The bridge will open in May,” he said.";
    assert_eq!(quotes(body)[0].speaker.as_deref(), Some("Daniel Brooks"));
    // A person the article calls "Ms." agrees with "she".
    let body = "Ms. Maria Lopez met Daniel Brooks in Lisbon. “It was a useful meeting,” she said.";
    assert_eq!(quotes(body)[0].speaker.as_deref(), Some("Maria Lopez"));
    let body = "Nordvik Energo Corp. reported a loss on Monday. The company said that prices had fallen sharply.";
    let q = quotes(body);
    assert_eq!(
        q.last().and_then(|q| q.speaker.as_deref()),
        Some("Nordvik Energo Corp.")
    );
    let body = "The Ministry of Transport closed the bridge. “It is not safe,” a spokeswoman for the Ministry of Transport said.";
    assert_eq!(
        quotes(body)[0].speaker.as_deref(),
        Some("Ministry of Transport")
    );
    let body = "“It is not safe,” officials said.";
    assert_eq!(quotes(body)[0].speaker.as_deref(), Some("officials"));
}

/// The cue texts of the quotes of `body`, as written.
fn cue_texts(body: &str) -> Vec<Option<String>> {
    let paras = paragraphs(body);
    let sents = sentences::split(body);
    let ents = entities::find(body, &sents);
    find(body, &paras, &sents, &ents)
        .into_iter()
        .map(|q| q.cue.map(|c| body[c.range].to_string()))
        .collect()
}

#[test]
fn speakers_with_parentheses_initials_and_determiners() {
    let q = quotes("“The bridge will open in May,” Rep. Daniel Brooks (D-Ore.) said.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
    let q = quotes("“The bridge will open in May,” Daniel J. Brooks wrote in a letter.");
    assert!(
        q[0].speaker
            .as_deref()
            .is_some_and(|s| s.contains("Brooks")),
        "{q:?}"
    );
    let q = quotes("“The bridge will open in May,” this source told the paper.");
    assert_eq!(q[0].speaker.as_deref(), Some("this source"));
    let q = quotes("“The bridge will open in May,” a narrator in the campaign video asks.");
    assert_eq!(
        q[0].speaker.as_deref(),
        Some("a narrator in the campaign video")
    );
    assert_eq!(q[0].cue.as_deref(), Some("ask"));
}

#[test]
fn verbs_that_are_also_nouns_and_manner_verbs_in_the_verb_slot() {
    let q = quotes("“The bridge will open in May,” the notice reads.");
    assert_eq!(q[0].speaker.as_deref(), Some("the notice"));
    assert_eq!(q[0].cue.as_deref(), Some("read"));
    let q = quotes("“Get off the bridge,” Daniel Brooks barked.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("bark"));
}

#[test]
fn cue_spans_take_auxiliaries_and_in_a_statement() {
    assert_eq!(
        cue_texts("Daniel Brooks has also said that the bridge will open in May."),
        [Some("has also said".to_string())]
    );
    assert_eq!(
        cue_texts("“The bridge will open in May,” Daniel Brooks said in a statement."),
        [Some("said in a statement".to_string())]
    );
}

#[test]
fn adjuncts_and_phrasal_cues_before_a_quote() {
    let q = quotes("Daniel Brooks said on Monday in Lisbon, “The bridge will open in May.”");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("say"));
    let q = quotes("As Daniel Brooks put it, “The bridge is the easy part.”");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("put it"));
}

#[test]
fn raising_a_rate_is_no_stance() {
    let q =
        quotes("The central bank ended years of negative rates, raising its main rate to 0.1%.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("China raised rates by 0.27 percentage points to 5.8% in October.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Martina Keller raised serious concerns about the budget.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Martina Keller"));
}

#[test]
fn an_adjunct_and_that_before_a_quote_keep_the_sentences_speaker() {
    // The quote's own sentence names who wrote it, however far the
    // participle's adjunct puts it from the cue.
    let q = quotes(
        "Martina Keller said the talks had failed. Daniel Brooks took credit, \
         writing on Truth Social that the “deal could only have happened” because of him.",
    );
    let deal = q
        .iter()
        .find(|q| q.text.contains("deal could"))
        .expect("the quote");
    assert_eq!(deal.speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
}

#[test]
fn a_dash_or_a_colon_attributes_a_quote_to_the_name_beside_it() {
    let q = quotes("“The bridge will open in May and the tunnel next year.” ― Daniel Brooks");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
    assert_eq!(q[0].cue.as_deref(), Some("—"));
    let q = quotes("Daniel Brooks (D-Ore.): “The bridge will open in May.”");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
    assert_eq!(q[0].cue.as_deref(), Some(":"));
}

#[test]
fn a_thing_is_never_a_speaker() {
    let q = quotes(
        "Even long-time residents with Portuguese citizenship have reported threats from landlords.",
    );
    assert!(
        q.iter()
            .all(|q| q.speaker.as_deref() != Some("Portuguese citizenship")),
        "{q:?}"
    );
    assert!(
        q.iter()
            .all(|q| q.speaker.as_deref().is_none_or(|s| s.contains("residents")))
    );
    let q = quotes("The decision suggests that the court was divided on the bridge.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_figure_added_is_no_speech() {
    for body in [
        "Jayson Tatum added 18 points, nine rebounds and 12 assists for Boston.",
        "Shares added 2.5% in early trading, the exchange said nothing.",
        "Saka added another goal before half-time.",
    ] {
        assert!(
            quotes(body).iter().all(|q| q.cue.as_deref() != Some("add")),
            "{body}: {:?}",
            quotes(body)
        );
    }
    let q = quotes("Smith added that the plan was dead.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn an_attribution_between_commas_is_one_speaker_and_no_number() {
    // A list of places before the cue is no parenthetical attribution.
    let body = "Officials in Springfield, Massachusetts, and Hartford, Connecticut, also \
                reported flooding, while New York's Hudson Valley saw roads washed away.";
    for q in quotes(body) {
        assert!(q.speaker.as_deref() != Some("Massachusetts"), "{q:?}");
    }
    // A number's comma closes nothing: the name before the appositive
    // speaks, and what follows the cue is what was said.
    let q = quotes(
        "Kathleen Utgoff, commissioner of the Bureau of Labor, said many of the \
         71,000 new jobs were in Florida.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "many of the 71,000 new jobs were in Florida");
    assert_eq!(q[0].speaker.as_deref(), Some("Kathleen Utgoff"));
    let q =
        quotes("Prime Minister Yulia Tymoshenko said as many as 3,000 firms would be reviewed.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "as many as 3,000 firms would be reviewed");
}

#[test]
fn a_title_naming_a_body_then_its_holder_between_commas_is_the_holder() {
    let q = quotes(
        "The Work and Pensions Secretary, Liz Kendall, told MPs that the reforms were fair.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Liz Kendall"));
    // A name that is not all that stands between the commas is not.
    let q = quotes("Microsoft, led by Satya Nadella, said profits would rise next year.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Microsoft"));
}

#[test]
fn according_to_a_source_with_a_relative_clause() {
    let q = quotes(
        "According to a source in Lisbon, who asked not to be named, the bridge will open in May.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "the bridge will open in May");
    assert!(
        q[0].speaker
            .as_deref()
            .is_some_and(|s| s.contains("source"))
    );
}

#[test]
fn reported_clause_after_an_opening_phrase_and_parenthetical_attribution() {
    let q = quotes("Asked about the delay, Daniel Brooks said the bridge would open in May.");
    assert_eq!(
        q.last().map(|q| q.text.as_str()),
        Some("the bridge would open in May"),
        "{q:?}"
    );
    let q = quotes("The bridge, Daniel Brooks said, will open in May after all.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].text,
        "The bridge, Daniel Brooks said, will open in May after all"
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"));
}

#[test]
fn stances_participles_and_coordinated_verbs() {
    let q = quotes("Daniel Brooks wants to close the old bridge.");
    assert_eq!(
        q,
        [seen(
            "to close the old bridge",
            QuoteKind::Indirect,
            Some("Daniel Brooks"),
            Some("want"),
            1
        )]
    );
    let q = quotes("Daniel Brooks defended the tunnel plan, saying the bridge would open in May.");
    let got: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| (q.text.as_str(), q.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("the tunnel plan", Some("defend")),
            ("the bridge would open in May", Some("say"))
        ]
    );
    let q = quotes("Daniel Brooks stood at the podium and said the bridge would open in May.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
    assert_eq!(q[0].text, "the bridge would open in May");
}

#[test]
fn relative_subjects_and_questions_put() {
    let q = quotes("The plan was backed by Daniel Brooks, who said the bridge would open in May.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
    assert_eq!(q[0].text, "the bridge would open in May");
    let q = quotes(
        "Asked whether the bridge would open in May, Daniel Brooks said he was confident of it.",
    );
    let got: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("whether the bridge would open in May", None),
            ("he was confident of it", Some("Daniel Brooks"))
        ]
    );
}

#[test]
fn a_name_opening_a_relative_clause_is_no_speaker() {
    let q = quotes(
        "The agenda covered the border, possible help Vilnius could offer Warsaw in meeting its energy needs, and the succession.",
    );
    assert!(q.is_empty(), "{q:?}");
    // A title before the name is not such a clause.
    let q = quotes("Party chairman Daniel Brooks wants to open the bridge in May.");
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
}

#[test]
fn bodies_speak_for_their_owner_and_descriptions_for_the_broadcaster() {
    let q = quotes(
        "Daniel Brooks met the mayor on Monday. Brooks’s office said the bridge would open in May.",
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Daniel Brooks"), "{q:?}");
    let q = quotes(
        "The talks were covered by Radio Liberty on Monday. The broadcaster noted that the two leaders met alone.",
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Radio Liberty"), "{q:?}");
}

#[test]
fn a_text_ending_after_a_cue_and_its_adjunct_ends_the_search() {
    // The rules look a few words past a cue ("said in an interview",
    // "told on Friday"); a text may stop anywhere among them.
    for body in [
        "Friday told",
        "The minister said in the",
        "The minister said in an",
        "The minister told on",
        "He said last",
    ] {
        assert!(quotes(body).is_empty(), "{body}");
    }
}
