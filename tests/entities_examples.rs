//! Entities a new user checks first, on an article written for this test
//! and run through the real binary (`wirewatch extract FILE`): degrees and
//! drugs are never people, honorifics are not part of names, acronyms and
//! their long forms are one entity in either order, a long name stays
//! whole, a company with and without its suffix is one company, the
//! seats of government are organizations, a city before its officials
//! is a place, and the names of a list the sentence says is of companies,
//! or that it describes as a company before or after it, are companies,
//! and a name the model cut at its "and" is whole again, and a quoted
//! title is a work.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use serde_json::Value;

const ARTICLE: &str = "Regulators widen opioid inquiry

WASHINGTON — The Drug Enforcement Administration (DEA) said on Tuesday it had opened an inquiry into clinics that prescribed Xanax and Valium together with opioids.

Dr. Maria Okafor, Ph.D., a pharmacologist at the National Institute of Allergy and Infectious Diseases (NIAID), said the mix was dangerous. Mrs. Helen Marsh, M.D., agreed. Okafor said NIAID would share its data.

Altria Group shares fell 2%. Altria said it did not sell such products, and RJ Reynolds Tobacco declined to comment, as did RJ Reynolds lawyers.

A DEA spokesman said the agency had written to every state. The Kremlin and the White House did not comment, and Downing Street said it was watching the case.

Denver officials said the Centers for Medicare and Medicaid Services (CMS) had been told. CMS did not comment. The House Ways and Means Committee asked for the data.

An outage took down websites such as Zorblo, Quintex and Vantaro for an hour. Vantaro said later that service was back. Telecom operators, like Portugal's Fibrina, were not affected.

Quorvex, a Ruritanian oil company, said its output rose. Quorvex will drill again in May. Tarnwell Resources bought the rigs, and Tarnwell will run them. The AI company Quillmark offered to buy the data.

The Competition and Markets Authority said it would look at the sale, and the Infrastructure Investment and Jobs Act paid for the new lines. Critics praised the documentary “The Quiet Months” and Kim Lee’s “Michael Collins”.

Lab tests found Mycobacterium tuberculosis in two samples, said a technician who holds an M.Sc. in microbiology.
";

/// The record's entities.
fn entities() -> Vec<Value> {
    entities_of(ARTICLE)
}

/// The entities of the record of `article`.
fn entities_of(article: &str) -> Vec<Value> {
    record_of(article)["entities"]
        .as_array()
        .expect("entities")
        .clone()
}

/// The `text` of each item of the record's list `list`.
fn texts_of(record: &Value, list: &str) -> Vec<String> {
    record[list]
        .as_array()
        .expect(list)
        .iter()
        .map(|v| v["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The record of `article`, written to a file and read by `extract`.
fn record_of(article: &str) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, article).expect("write");
    let stdout = common::run_ok(
        &["extract", file.to_str().expect("utf8")],
        &[("RUST_LOG", "error")],
    );
    serde_json::from_str(&stdout).expect("json record")
}

fn named<'a>(es: &'a [Value], name: &str) -> Option<&'a Value> {
    es.iter().find(|e| e["name"] == name)
}

/// The type of the entity named `name`, if there is one.
fn type_of<'a>(es: &'a [Value], name: &str) -> Option<&'a str> {
    named(es, name).map(|e| e["type"].as_str().expect("type"))
}

fn mention_texts(e: &Value) -> Vec<String> {
    e["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["text"].as_str().expect("text").to_string())
        .collect()
}

#[test]
fn a_new_users_examples_come_out_right() {
    let es = entities();
    let summary: Vec<String> = es
        .iter()
        .map(|e| format!("{} {} {:?}", e["type"], e["name"], mention_texts(e)))
        .collect();

    // Degrees, credentials and drugs are never people.
    for e in &es {
        if e["type"] == "person" {
            let name = e["name"].as_str().expect("name");
            for word in ["Ph.D.", "M.D.", "Xanax", "Valium", "Dr.", "Mrs."] {
                assert!(!name.contains(word), "{name} as a person: {summary:#?}");
            }
        }
    }
    // A germ's genus and a degree are no names, nor places.
    for e in &es {
        let name = e["name"].as_str().expect("name");
        for word in ["Mycobacterium", "M.Sc."] {
            assert!(!name.contains(word), "{name}: {summary:#?}");
        }
    }
    // Honorifics are roles, not names.
    let okafor = named(&es, "Maria Okafor").expect("Maria Okafor");
    assert_eq!(okafor["type"], "person", "{summary:#?}");
    assert!(mention_texts(okafor).contains(&"Okafor".to_string()));

    // The acronym and the long form are one entity, both ways round.
    let dea = named(&es, "Drug Enforcement Administration").expect("DEA");
    assert_eq!(dea["type"], "organization", "{summary:#?}");
    assert_eq!(dea["acronym"], "DEA");
    assert_eq!(mention_texts(dea).len(), 3, "{summary:#?}");

    // A long name stays whole, and its acronym joins it.
    let niaid = named(&es, "National Institute of Allergy and Infectious Diseases")
        .unwrap_or_else(|| panic!("long name cut: {summary:#?}"));
    assert_eq!(niaid["acronym"], "NIAID");
    assert_eq!(mention_texts(niaid).len(), 3, "{summary:#?}");

    // An acronym defined with one initial left out joins the long name,
    // which the recognizer cut at "and".
    let cms = named(&es, "Centers for Medicare and Medicaid Services")
        .unwrap_or_else(|| panic!("long name cut: {summary:#?}"));
    assert_eq!(cms["type"], "organization", "{summary:#?}");
    assert_eq!(cms["acronym"], "CMS");
    assert_eq!(mention_texts(cms).len(), 3, "{summary:#?}");

    // A committee's name joining two subjects with "and" stays whole.
    let committee = named(&es, "House Ways and Means Committee")
        .unwrap_or_else(|| panic!("committee cut: {summary:#?}"));
    assert_eq!(committee["type"], "organization", "{summary:#?}");

    // A city before its officials is the city, not a person.
    let denver = named(&es, "Denver").unwrap_or_else(|| panic!("Denver: {summary:#?}"));
    assert_eq!(denver["type"], "place", "{summary:#?}");
    assert_eq!(denver["country"], "US", "{summary:#?}");

    // Names listed as websites are organizations, at every mention; the
    // owner before a possessive in such a list keeps its own type.
    for site in ["Zorblo", "Quintex", "Vantaro"] {
        let e = named(&es, site).unwrap_or_else(|| panic!("{site}: {summary:#?}"));
        assert_eq!(e["type"], "organization", "{site}: {summary:#?}");
    }
    assert_eq!(
        mention_texts(named(&es, "Vantaro").expect("Vantaro")).len(),
        2,
        "{summary:#?}"
    );
    let portugal = named(&es, "Portugal").unwrap_or_else(|| panic!("Portugal: {summary:#?}"));
    assert_eq!(portugal["type"], "place", "{summary:#?}");

    // A name described right after as a kind of organization is one, at
    // every mention.
    let quorvex = named(&es, "Quorvex").unwrap_or_else(|| panic!("Quorvex: {summary:#?}"));
    assert_eq!(quorvex["type"], "organization", "{summary:#?}");
    assert_eq!(mention_texts(quorvex).len(), 2, "{summary:#?}");

    // A company with and without its suffix or head word is one company.
    let altria = named(&es, "Altria Group").expect("Altria Group");
    assert_eq!(altria["type"], "organization");
    assert_eq!(mention_texts(altria), ["Altria Group", "Altria"]);
    let rjr = named(&es, "RJ Reynolds Tobacco").expect("RJ Reynolds Tobacco");
    assert_eq!(mention_texts(rjr), ["RJ Reynolds Tobacco", "RJ Reynolds"]);
    let tarnwell = named(&es, "Tarnwell Resources")
        .unwrap_or_else(|| panic!("Tarnwell Resources: {summary:#?}"));
    assert_eq!(tarnwell["type"], "organization", "{summary:#?}");
    assert_eq!(mention_texts(tarnwell), ["Tarnwell Resources", "Tarnwell"]);

    // A name introduced by its kind is a company, without the kind.
    let quillmark = named(&es, "Quillmark").unwrap_or_else(|| panic!("Quillmark: {summary:#?}"));
    assert_eq!(quillmark["type"], "organization", "{summary:#?}");

    // A name cut at its "and" by the model is whole again.
    let cma = named(&es, "Competition and Markets Authority")
        .unwrap_or_else(|| panic!("Competition and Markets Authority: {summary:#?}"));
    assert_eq!(cma["type"], "organization", "{summary:#?}");
    let act = named(&es, "Infrastructure Investment and Jobs Act")
        .unwrap_or_else(|| panic!("Infrastructure Investment and Jobs Act: {summary:#?}"));
    assert_eq!(act["type"], "misc", "{summary:#?}");

    // A title in quotation marks is a work (misc), article and all, even
    // when it reads as a person's name.
    for work in ["The Quiet Months", "Michael Collins"] {
        let e = named(&es, work).unwrap_or_else(|| panic!("{work}: {summary:#?}"));
        assert_eq!(e["type"], "misc", "{work}: {summary:#?}");
    }

    // Seats of government are organizations.
    for seat in ["Kremlin", "White House", "Downing Street"] {
        let e = named(&es, seat).unwrap_or_else(|| panic!("{seat}: {summary:#?}"));
        assert_eq!(e["type"], "organization", "{seat}");
    }

    // One name, one entity.
    let mut names: Vec<&str> = es.iter().filter_map(|e| e["name"].as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "{summary:#?}");
}

/// Names as world news writes them: surnames with a lowercase Arabic
/// particle, a double-barrelled surname after a first name that is also a
/// city, a rank, initialisms of things, stock indexes with their count,
/// brands with an owner, titles after their work's noun, and a party's
/// name whole in every sentence.
const WORLD: &str = "Envoys meet in Cairo

CAIRO — Foreign Minister Khalid al-Mansouri met Alexandria Ruiz-Cortez, a US envoy, on Monday. Mr al-Mansouri said the talks went well.

The team rose to No. 1 in the world rankings last week. The AI boom lifted chip stocks, EV makers cut prices before the IPO, and VAT was cut. The S&P 500 rose 1% and the Russell 2000 fell. Zara's owner Inditex rose, and Shein's parent company filed.

The 2019 film Harvest in the Valley and the streaming series The Long Shore were shown at the talks, and the musical Hamilton was mentioned.

Voters backed Renew Ruritania in May. Renew Ruritania won 30 seats, its leader said.

Tankers avoided the Strait of Hormuz, storms shut platforms in the Gulf of Mexico, and cyclones formed in the Bay of Bengal. Fishermen on Lake Victoria protested. Mara Quell's Lantern Tour sold out in Singapore. Velkor, a Ruritanian magazine, reported it first, and the journal Science printed the study.
";

#[test]
fn world_news_names_come_out_whole() {
    let es = entities_of(WORLD);
    let typed = |name: &str| type_of(&es, name);
    assert_eq!(typed("Khalid al-Mansouri"), Some("person"), "{es:#?}");
    assert!(
        mention_texts(named(&es, "Khalid al-Mansouri").expect("person"))
            .contains(&"al-Mansouri".to_string()),
        "{es:#?}"
    );
    assert_eq!(typed("Alexandria Ruiz-Cortez"), Some("person"), "{es:#?}");
    // A party the model read whole once is whole where a sentence's
    // start cut it.
    let party = named(&es, "Renew Ruritania").expect("party");
    assert_eq!(mention_texts(party).len(), 2, "{es:#?}");
    assert!(named(&es, "Ruritania").is_none(), "{es:#?}");
    assert!(named(&es, "No. 1").is_none(), "{es:#?}");
    for thing in ["AI", "EV", "IPO", "VAT"] {
        assert!(named(&es, thing).is_none(), "{thing}: {es:#?}");
    }
    assert_eq!(typed("S&P 500"), Some("misc"), "{es:#?}");
    assert_eq!(typed("Russell 2000"), Some("misc"), "{es:#?}");
    for company in ["Zara", "Inditex", "Shein"] {
        assert_eq!(typed(company), Some("organization"), "{company}: {es:#?}");
    }
    assert_eq!(typed("Harvest in the Valley"), Some("misc"), "{es:#?}");
    assert!(named(&es, "Valley").is_none(), "{es:#?}");
    assert_eq!(typed("The Long Shore"), Some("misc"), "{es:#?}");
    assert_eq!(typed("Hamilton"), Some("misc"), "{es:#?}");
    // A natural feature's name of the form "… of …" is one place, whose
    // name after "of" is no country of its own.
    for feature in [
        "Strait of Hormuz",
        "Gulf of Mexico",
        "Bay of Bengal",
        "Lake Victoria",
    ] {
        assert_eq!(typed(feature), Some("place"), "{feature}: {es:#?}");
    }
    assert!(named(&es, "Mexico").is_none(), "{es:#?}");
    // A tour is an event, as CoNLL-2003 types the golf tours.
    assert_eq!(typed("Lantern Tour"), Some("misc"), "{es:#?}");
    // A publication described by its kind is an organization.
    assert_eq!(typed("Velkor"), Some("organization"), "{es:#?}");
    assert_eq!(typed("Science"), Some("organization"), "{es:#?}");
}

/// A start-up the model never saw, introduced by a description after its
/// name and owning a chief executive: a company in every sentence.
const STARTUP: &str = "\
Veltrano raises $4 billion from Drusk

SAN FRANCISCO — Veltrano, the artificial intelligence start-up founded by former researchers, said on Monday that Drusk would invest up to $4 billion in the company.

Under the deal, Veltrano will use Drusk Web Services as its primary cloud provider. Corran Adeyemi, Veltrano's chief executive, said the partnership would help. Veltrano was valued at $18.4 billion in its last funding round, and Veltrano said it would hire.
";

#[test]
fn a_company_described_after_its_name_is_one_everywhere() {
    let es = entities_of(STARTUP);
    let veltrano = named(&es, "Veltrano").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(veltrano["type"], "organization", "{es:#?}");
    assert_eq!(mention_texts(veltrano).len(), 5, "{es:#?}");
    let services = named(&es, "Drusk Web Services").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(services["type"], "organization", "{es:#?}");
    let chief = named(&es, "Corran Adeyemi").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(chief["type"], "person", "{es:#?}");
}

/// Technology business news naming companies as only companies are
/// named: a stock listing, an officer's office, "its", a store's name
/// with its possessive.
const GADGETS: &str = "\
Halvorsen Mae cuts prices on laptops

SAN FRANCISCO — Halvorsen Mae on Monday said it had cut prices on many of its laptops. Halvorsen Mae has also upgraded its server line, and Halvorsen Mae chief executive Oriel Banks said demand was strong. Rival Tressida (NASDAQ: TRSD) reported a loss. Pellworth said its profit fell. Jo Marden defended its record, and Norway raised its rates. Dunlevy's has opened 40 stores.
";

#[test]
fn a_listing_an_officer_or_its_make_a_company() {
    let es = entities_of(GADGETS);
    let typed =
        |name: &str| named(&es, name).unwrap_or_else(|| panic!("{name}: {es:#?}"))["type"].clone();
    assert_eq!(typed("Halvorsen Mae"), "organization", "{es:#?}");
    let mae = named(&es, "Halvorsen Mae").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(mention_texts(mae).len(), 3, "{es:#?}");
    assert_eq!(typed("Tressida"), "organization");
    assert_eq!(typed("Pellworth"), "organization");
    assert_eq!(typed("Oriel Banks"), "person");
    assert_eq!(typed("Jo Marden"), "person");
    assert_eq!(typed("Norway"), "place");
    assert_eq!(typed("Dunlevy"), "organization");
}

/// US political news: members of Congress named with their state, a
/// hospital named after a person, colleges named with their city.
const CAPITOL: &str = "\
Senate passes the aid bill

WASHINGTON — Senator KT Dorsey of Ohio and Sen. Mara Quinlan of Kentucky led the opposition on Tuesday. The defense secretary was treated at Walter Brigham National Medical Center in Bethesda, Maryland. Scientists at Imperial College London and Kelvingrove College Dublin backed the bill, as did the mayor of College Station.
";

#[test]
fn members_of_congress_and_hospitals_come_out_right() {
    let es = entities_of(CAPITOL);
    let typed = |name: &str| type_of(&es, name);
    assert_eq!(typed("KT Dorsey"), Some("person"), "{es:#?}");
    assert_eq!(typed("Mara Quinlan"), Some("person"), "{es:#?}");
    assert_eq!(typed("Ohio"), Some("place"), "{es:#?}");
    assert_eq!(typed("Kentucky"), Some("place"), "{es:#?}");
    assert_eq!(
        typed("Walter Brigham National Medical Center"),
        Some("organization"),
        "{es:#?}"
    );
    // A college and the city of its campus.
    for college in ["Imperial College London", "Kelvingrove College Dublin"] {
        assert_eq!(typed(college), Some("organization"), "{college}: {es:#?}");
    }
    assert_eq!(typed("College Station"), Some("place"), "{es:#?}");
}

/// US campaign copy: a dateline's state after a spaced hyphen, lawmakers'
/// states in parentheses, states after cities with their dots, dotted
/// initials alone, "Washington, D.C." read as one name, and faiths and
/// peoples named by them.
const CAMPAIGN: &str = "Senators court voters in early states

CONCORD, N.H. - At a rally on Monday, Ohio Sen. Dana Whitlock spoke for an hour. Sen. Jo Vantel (Tex.) and Rep. Mara Quist (N.Y.) joined her.

Whitlock flew on to Greeley, Colo., and then to Charlotte, N.C., where she met D.C. lobbyists who had come from Washington, D.C., for the day. Several leaders, including Sens. Lena Marsh (Ariz.) and Tom Quill (Pa.), stayed away.

Whitlock courted Latino voters and said that insulting Islam was wrong, and Muslims in the crowd cheered.
";

#[test]
fn states_as_us_news_abbreviates_them_are_located() {
    let es = entities_of(CAMPAIGN);
    let located = |name: &str| {
        named(&es, name).map(|e| {
            (
                e["type"].as_str().unwrap_or_default().to_string(),
                e["country"].as_str().unwrap_or_default().to_string(),
                e["kind"].as_str().unwrap_or_default().to_string(),
            )
        })
    };
    let state = Some(("place".to_string(), "US".to_string(), "region".to_string()));
    for name in [
        "N.H.", "Ohio", "Tex", "N.Y.", "Colo.", "N.C.", "D.C.", "Ariz", "Pa",
    ] {
        assert_eq!(located(name), state, "{name}: {es:#?}");
    }
    assert_eq!(
        located("Washington, D.C."),
        Some(("place".to_string(), "US".to_string(), "city".to_string())),
        "{es:#?}"
    );
    // Faiths and the peoples named by them are misc, never people.
    for group in ["Latino", "Islam", "Muslims"] {
        assert_eq!(
            named(&es, group).map(|e| e["type"].as_str().expect("type")),
            Some("misc"),
            "{group}: {es:#?}"
        );
    }
    // An office abbreviated in the plural is no name, and ends no sentence.
    assert!(
        es.iter()
            .all(|e| !e["name"].as_str().unwrap_or_default().starts_with("Sens")),
        "{es:#?}"
    );
    for person in [
        "Dana Whitlock",
        "Jo Vantel",
        "Mara Quist",
        "Lena Marsh",
        "Tom Quill",
    ] {
        assert_eq!(
            named(&es, person).map(|e| e["type"].as_str().expect("type")),
            Some("person"),
            "{person}: {es:#?}"
        );
    }
}

/// An article where names are known by what is done: only people
/// testify, think or are arrested, whatever else their names spell, and
/// what is posted, streamed or sold on a name makes it a service.
const HEARING: &str = "Panel hears from former aide

Members of the oversight committee questioned a former aide for three hours on Thursday. Osterlund testified that he had warned his superiors twice. Zarekian was arrested in 2019 and later released.

Plato thought the best rulers were those who did not want to rule, Osterlund told the panel. Moscow thought otherwise, a senator said, and Britain felt the same.

Osterlund posted his letter on Quillfeed on Friday. The hearing is streaming on Vantrix, and a transcript went on sale on Zorbazon for $12. His family lives on Corfu.

Climbers died on the mountain that week. Hikers testified at a later hearing.
";

#[test]
fn names_known_by_what_is_done_get_their_type() {
    let es = entities_of(HEARING);
    let typed = |name: &str| type_of(&es, name);
    for person in ["Osterlund", "Zarekian", "Plato"] {
        assert_eq!(typed(person), Some("person"), "{person}: {es:#?}");
    }
    // A country and a capital stand for their governments.
    assert_eq!(typed("Moscow"), Some("place"), "{es:#?}");
    assert_eq!(typed("Britain"), Some("place"), "{es:#?}");
    // Services things are posted, streamed or sold on; an island.
    for service in ["Quillfeed", "Vantrix", "Zorbazon"] {
        assert_eq!(typed(service), Some("organization"), "{service}: {es:#?}");
    }
    assert_eq!(typed("Corfu"), Some("place"), "{es:#?}");
    // First in a sentence, a plural of a common word is capitalized by
    // position, not as a name.
    for word in ["Climbers", "Hikers"] {
        assert_eq!(typed(word), None, "{word}: {es:#?}");
    }
}

/// A surname that a small town shares, read as the town, and the names
/// news refers to as only people are: kin and a career after the
/// possessive, a relative "who" of one. A town's people, a club and a
/// band ("who were") are not.
const TRIAL: &str = "Senator's expenses cleared

The judge in Grafton's fraud trial cleared him of all charges on Thursday. Grafton's wife said the family was relieved. Marvaine, who led the defence, said the case should never have been brought.

Residents of Penrith, who had followed the trial, were divided. Barnsley, who beat Slough on Saturday, were in the crowd, and the Thornvales, who were shortlisted for an award, played outside.
";

#[test]
fn names_referred_to_as_people_are_people() {
    let es = entities_of(TRIAL);
    let typed = |name: &str| type_of(&es, name);
    for person in ["Grafton", "Marvaine"] {
        assert_eq!(typed(person), Some("person"), "{person}: {es:#?}");
    }
    for place in ["Penrith", "Barnsley"] {
        assert_eq!(typed(place), Some("place"), "{place}: {es:#?}");
    }
    assert_ne!(typed("Thornvales"), Some("person"), "{es:#?}");
}

/// A name never seen, said to do as "it" what a company does, is a
/// company, and so are two described together as companies, one that
/// reports its results and one whose shares fell; a person
/// who says "it" of a thing stays a person.
const SUPPLIER: &str = "Supplier wins contract

Veltrano said it had signed a supply deal with the city on Monday. Branxel also said it would appeal against the ruling.

Okonkwo, the mayor, said it was imperative to act. Hall said it would take years to finish the work.

Brixell and Velmora, the online retailers, were not affected. Earlier, Tarvossa reported a net loss of $7 million. Later, Dravelle's shares fell 5% on Tuesday.
";

#[test]
fn a_name_said_to_act_as_it_is_a_company() {
    let es = entities_of(SUPPLIER);
    let typed = |name: &str| type_of(&es, name);
    for company in [
        "Veltrano", "Branxel", "Brixell", "Velmora", "Tarvossa", "Dravelle",
    ] {
        assert_eq!(typed(company), Some("organization"), "{company}: {es:#?}");
    }
    for person in ["Okonkwo", "Hall"] {
        assert_eq!(typed(person), Some("person"), "{person}: {es:#?}");
    }
}

#[test]
fn a_listed_company_named_where_a_place_would_be_is_a_company() {
    let es = entities_of(
        "Streaming gains\n\nViewers turned to Netflix last month, and shoppers queued at \
         Walmart before dawn. A vaccine from Pfizer reached Lisbon on Monday. The mill in \
         Woodward, Okla., closed, and the senator was born in 1942 in Tredegar.\n",
    );
    let typed = |name: &str| type_of(&es, name);
    for company in ["Netflix", "Walmart", "Pfizer"] {
        assert_eq!(typed(company), Some("organization"), "{company}: {es:#?}");
    }
    // Towns the places table is too small to hold keep their place.
    for place in ["Lisbon", "Woodward", "Tredegar"] {
        assert_eq!(typed(place), Some("place"), "{place}: {es:#?}");
    }
}

#[test]
fn a_brand_read_alone_as_a_place_or_a_person_is_a_company() {
    let es = entities_of(
        "Handheld wars\n\nThe report was shared with representatives from Uber on Friday. \
         Engineers at Sony worked through the night. Market leader Nintendo, however, is \
         releasing a cheaper console this spring. Analysts say Huawei is best placed to gain \
         from the recall. Fires spread across the Amazon. The coach, Rasa Mazeikyte, said \
         Rasa would stay.\n",
    );
    let typed = |name: &str| type_of(&es, name);
    for company in ["Uber", "Sony", "Nintendo", "Huawei"] {
        assert_eq!(typed(company), Some("organization"), "{company}: {es:#?}");
    }
    // A brand's name after "the" that ends the phrase is the forest's, and
    // one that opens a person's full name is the person's.
    assert_eq!(typed("Amazon"), Some("place"), "{es:#?}");
    assert_eq!(typed("Rasa Mazeikyte"), Some("person"), "{es:#?}");
}

#[test]
fn a_name_said_to_be_a_kind_of_company_is_one() {
    let es = entities_of(
        "Brewers merge\n\nKwarta is an Estonian bank. Zorbex is the parent company of \
         Velloria, and Tarnholm was one of the largest lenders in Latvia. Jo Marden is a \
         company director.\n",
    );
    let typed = |name: &str| type_of(&es, name);
    for company in ["Kwarta", "Zorbex", "Tarnholm"] {
        assert_eq!(typed(company), Some("organization"), "{company}: {es:#?}");
    }
    assert_eq!(typed("Jo Marden"), Some("person"), "{es:#?}");
}

#[test]
fn an_article_in_another_language_keeps_only_confirmed_names() {
    // German capitalizes every noun: the English recognizer alone would make
    // a person of "Die Einwilligung" and an organization of "Bei diesem Konzept".
    let article = "Kliniken tauschen Befunde digital aus

Die Digitalisierung im Gesundheitswesen kommt nur langsam voran. Viele Krankenhäuser arbeiten noch mit Papierakten, und der Austausch von Befunden zwischen Praxen und Kliniken läuft oft über das Faxgerät. Bei diesem Konzept bleibt die Einwilligung des Patienten die Voraussetzung.

Das soll sich mit der elektronischen Patientenakte ändern, sagte die Ministerin am Dienstag in Berlin. Thomas Keller, der Leiter des Projekts in München, rechnet mit Kosten von 1,2 Milliarden Euro. Die Einwilligung der Versicherten bleibt freiwillig, und Berlin will die Akte bis 2026 in allen Kliniken einführen. Das Projekt schafft 1.500 neue Stellen.
";
    let record = record_of(article);
    assert_eq!(record["language"]["code"], "de");
    let mut names: Vec<(String, String)> = record["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().into(),
                e["type"].as_str().unwrap().into(),
            )
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ("Berlin".to_string(), "place".to_string()),
            ("München".to_string(), "place".to_string()),
            ("Thomas Keller".to_string(), "person".to_string()),
        ],
        "{names:?}"
    );
    let keywords = texts_of(&record, "keywords");
    assert_eq!(
        keywords.first().map(String::as_str),
        Some("Berlin"),
        "{keywords:?}"
    );
    assert_eq!(keywords.len(), 3, "{keywords:?}");
    assert!(record["quotes"].as_array().is_none_or(|q| q.is_empty()));
    // German groups thousands with a point: 1.500 is 1 500.
    let numbers: Vec<f64> = record["numbers"]
        .as_array()
        .expect("numbers")
        .iter()
        .filter_map(|n| n["value"].as_f64())
        .collect();
    assert!(numbers.contains(&1500.0), "{numbers:?}");
    let warnings = record["warnings"].to_string();
    assert!(
        warnings.contains("language is de, not English"),
        "{warnings}"
    );
}

#[test]
fn a_date_word_inside_a_persons_name_is_no_date() {
    let record = record_of(
        "Trainer speaks

Autumn Quillby said the plan works for most people. The plan starts in autumn, Quillby said.
",
    );
    let dates = texts_of(&record, "dates");
    assert_eq!(dates, ["autumn"], "the season, not the name: {dates:?}");
}
