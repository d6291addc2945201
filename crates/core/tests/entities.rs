//! Entity extraction measured against `tests/fixtures/seeds-gold.toml` ([[entity]]), scored the
//! way `../shared/eval/score.py` scores it: (document, entity) pairs, matched through any alias.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    entity: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    kind: String,
    aliases: Vec<String>,
    documents: Vec<String>,
}

/// score.py's normalisation: typographic quotes, possessive, a leading "the", case.
fn norm(s: &str) -> String {
    let s = s.replace(['\u{2019}', '\u{2018}'], "'");
    let s = s.replace("'s", "");
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// `(precision, recall, F1, kind accuracy)` of a corpus' entities against a gold file; gold
/// documents are file-name prefixes.
fn score(gold: &str, corpus: &parallax_core::Corpus) -> (f64, f64, f64, f64) {
    let gold: Gold = toml::from_str(gold).unwrap();
    let mut by_form: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, e) in gold.entity.iter().enumerate() {
        for f in std::iter::once(&e.name).chain(&e.aliases) {
            by_form.entry(norm(f)).or_default().insert(i);
        }
    }
    let gold_pairs: BTreeSet<(String, String)> = gold
        .entity
        .iter()
        .flat_map(|e| e.documents.iter().map(|d| (d.clone(), e.name.clone())))
        .collect();
    let prefixes: BTreeSet<&String> = gold.entity.iter().flat_map(|e| &e.documents).collect();
    let mut predicted = BTreeSet::new();
    let (mut matched, mut kind_ok) = (0, 0);
    for e in &corpus.entities {
        let ids: BTreeSet<usize> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .flat_map(|f| by_form.get(&norm(f)).cloned().unwrap_or_default())
            .collect();
        // Only the annotated documents count.
        let docs = e.documents.iter().filter_map(|&d| {
            let file = &corpus.articles[d as usize].document.file;
            prefixes
                .iter()
                .find(|p| file.starts_with(p.as_str()))
                .map(|p| p.to_string())
        });
        match ids.first() {
            Some(&best) => {
                matched += 1;
                kind_ok += usize::from(e.kind.as_str() == gold.entity[best].kind);
                predicted.extend(docs.map(|d| (d, gold.entity[best].name.clone())));
            }
            None => predicted.extend(docs.map(|d| (d, format!("pred:{}", e.name)))),
        }
    }
    let tp = predicted.intersection(&gold_pairs).count() as f64;
    let precision = tp / predicted.len() as f64;
    let recall = tp / gold_pairs.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    (precision, recall, f1, kind_ok as f64 / matched as f64)
}

/// Scores `corpus`' entities against `gold` (named `name` in the output) and asserts the floors.
fn assert_entities(name: &str, gold: &str, corpus: &parallax_core::Corpus, f1_floor: f64, kind_floor: f64) {
    let (precision, recall, f1, kind_accuracy) = score(gold, corpus);
    println!("{name} entities: precision {precision:.3} recall {recall:.3} F1 {f1:.3} kind accuracy {kind_accuracy:.3}");
    assert!(f1 >= f1_floor, "{name}: entity F1 {f1:.3} below {f1_floor}");
    assert!(
        kind_accuracy >= kind_floor,
        "{name}: kind accuracy {kind_accuracy:.3} below {kind_floor}"
    );
}

#[test]
fn seeds_entities_reach_the_targets() {
    let gold = include_str!("fixtures/seeds-gold.toml");
    assert_entities("seeds", gold, &common::seeds(), 0.95, 0.95);
}

#[test]
fn dev_entities_reach_the_targets() {
    if let Some((corpus, gold)) = common::shared_with_gold("dev") {
        assert_entities("dev", &gold, &corpus, 0.92, 0.95);
    }
}

/// Ten general-news articles (BBC News 2004-05, MailOnline 2020) the rules were not written
/// against, at the targets (0.924 and 0.935 reached).
#[test]
fn dev2_entities_hold_on_general_news() {
    if let Some((corpus, gold)) = common::shared_with_gold("dev2") {
        assert_entities("dev2", &gold, &corpus, 0.92, 0.92);
    }
}

/// The entities of one small document, as `name (kind)` strings.
fn entities_of(text: &str) -> Vec<String> {
    let corpus = common::corpus_of(&[("t.txt", text)]);
    corpus
        .entities
        .iter()
        .map(|e| format!("{} ({})", e.name, e.kind.as_str()))
        .collect()
}

#[test]
fn messy_names_are_read_as_people_places_organisations_and_groups() {
    let got = entities_of(
        "Belarus\n\u{a9} Sputnik / Evgeny OdinokovFILE PHOTO: A rally in Minks.\n\
         MOSCOW (Interfax - 1st May, 2020) Likewise, Russian President Vladimir Putin spoke. \
         Putin\u{2019}s aide met the Collective Security Treaty Organization (CSTO). The CSTO agreed. \
         Earlier, the opposition and Western countries met Czech officials.\n",
    );
    for want in [
        "Vladimir Putin (person)",
        "Evgeny Odinokov (person)",
        "Minsk (place)",
        "Moscow (place)",
        "Belarus (place)",
        "Collective Security Treaty Organization (organisation)",
        "Sputnik (organisation)",
        "Interfax (organisation)",
        "Russians (group)",
        "the opposition (group)",
        "the West (group)",
        "Czechs (group)",
    ] {
        assert!(got.contains(&want.to_string()), "missing {want} in {got:?}");
    }
    for unwanted in [
        "Likewise",
        "Earlier",
        "FILE",
        "PHOTO",
        "Putin (person)",
        "CSTO (organisation)",
    ] {
        assert!(
            !got.iter().any(|g| g.starts_with(unwanted)),
            "{unwanted} in {got:?}"
        );
    }
}

#[test]
fn spelling_variants_of_a_name_are_one_person() {
    let text = "Opposition rally\n\n\
        Opposition leader Sviatlana Tsikhanouskaya spoke in Vilnius on Monday.\n\n\
        Svetlana Tikhanovskaya, who left Belarus, urged strikes. Tikhanovskaya said more.\n\n\
        Viktor Babaryko remains in jail; Viktor Babariko was a banker. Maria Kolesnikova was not.\n";
    let found = entities_of(text);
    let people: Vec<&String> = found.iter().filter(|e| e.ends_with("(person)")).collect();
    assert!(
        people.contains(&&"Svetlana Tikhanovskaya (person)".to_string()),
        "{people:?}"
    );
    assert!(!found.iter().any(|e| e.contains("Tsikhanouskaya")), "{found:?}");
    assert_eq!(
        people.iter().filter(|e| e.contains("Viktor")).count(),
        1,
        "{people:?}"
    );
    assert!(
        people.contains(&&"Maria Kolesnikova (person)".to_string()),
        "a different name stays apart"
    );
}

#[test]
fn lower_case_descriptions_are_labels() {
    let corpus = common::corpus_of(&[(
        "t.txt",
        "Belarus protests\n\n\
            Protests began against incumbent Alexander Lukashenko on Sunday.\n\n\
            Police detained Belarusian opposition leader Maria Kolesnikova in Minsk.\n\n\
            \"Talks are needed,\" Pyotr Ilyichev, the head of the Department of International Organizations at the ministry, said.\n\n\
            Ivan Zhdanov, the opposition leader's aide Viktor Petrov, and others left.\n\n\
            Western capitals condemned the Lukashenko regime again.\n",
    )]);
    let labels = |name: &str| -> Vec<String> {
        corpus
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.labels.iter().map(|(l, _)| l.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        labels("Alexander Lukashenko"),
        ["incumbent", "the Lukashenko regime"]
    );
    assert_eq!(labels("Maria Kolesnikova"), ["Belarusian opposition leader"]);
    assert_eq!(
        labels("Pyotr Ilyichev"),
        ["the head of the Department of International Organizations"]
    );
    assert_eq!(
        labels("Ivan Zhdanov"),
        ["the opposition leader's aide"],
        "a description stops at the next name"
    );
}

#[test]
fn demonyms_link_people_and_places() {
    let corpus = common::seeds();
    let named = |n: &str| corpus.entities.iter().find(|e| e.name == n).unwrap();
    assert_eq!(
        parallax_core::entities::demonym_link(named("Belarus")).as_deref(),
        Some("Belarusians")
    );
    assert_eq!(
        parallax_core::entities::demonym_link(named("Belarusians")).as_deref(),
        Some("Belarus")
    );
    assert_eq!(
        parallax_core::entities::demonym_link(named("Alexander Lukashenko")),
        None
    );
}

#[test]
fn the_words_around_a_name_tell_its_kind() {
    // Written for this test from the BBC business, sport and tech pages of `../shared/corpora/`
    // (made-up firms and people): a noun for a body before or after a name, a role held at a
    // body, a description set off after a name, names of firms joined by `&` or `and`, a
    // demonym that begins an organisation's name, given names sharing one surname; and what is
    // not an entity: events, acronyms of things, a body's head-word alone, a shouted wire
    // marker.
    let got = entities_of(
        "Retail chief resigns\n\n\
         The row hit supermarket giant Walmex hard, said Peter Fisk, director of the consultancy Mepsa. \
         Kenji Oduya, an economist at Holt and Varley in Tokyo, said shares fell. \
         Shares in Stone & Pryce Research rose. The Competition and Markets Authority will look again. \
         Walmex fell 3%. Tarkvist, the carrier which bought it, did not comment. \
         Brenda Coyle - chief analyst at Dunmore - said GDP and TV sales were due. \
         Police said the English National Ballet and the Rugby World Cup were not affected. \
         His brothers, Luke, Thomas and George Carver, run the firm.\n\n\
         MORE FOLLOWS\n",
    );
    for want in [
        "Walmex (organisation)",
        "Peter Fisk (person)",
        "Mepsa (organisation)",
        "Kenji Oduya (person)",
        "Holt and Varley (organisation)",
        "Stone & Pryce Research (organisation)",
        "Competition and Markets Authority (organisation)",
        "Tarkvist (organisation)",
        "Brenda Coyle (person)",
        "Dunmore (organisation)",
        "English National Ballet (organisation)",
        "Luke Carver (person)",
        "Thomas Carver (person)",
        "George Carver (person)",
    ] {
        assert!(got.contains(&want.to_string()), "missing {want} in {got:?}");
    }
    for unwanted in ["GDP", "TV", "Police", "Rugby World Cup", "MORE", "English people"] {
        assert!(
            !got.iter().any(|g| g.starts_with(&format!("{unwanted} ("))),
            "{unwanted} is not an entity here: {got:?}"
        );
    }
}

#[test]
fn title_words_demonyms_and_names_of_things() {
    // Written for this test (made-up people and firms) after the BBC and MailOnline pages of
    // `../shared/corpora/`: a department word before a name that is no title (`Home`), a
    // nationality that is a given name after a role, names of an index and of a song.
    let got = entities_of(
        "Markets in brief\n\n\
         Trade minister German Volkov told reporters that Mr Volkov would stay. \
         The chain Home Bargains opened a shop, and Home Secretary Ann Pryor visited it. \
         The Hang Seng index fell, and the Umbrella hitmaker sang in Leeds.\n",
    );
    for want in [
        "German Volkov (person)",
        "Home Bargains (organisation)",
        "Ann Pryor (person)",
        "Leeds (place)",
    ] {
        assert!(got.contains(&want.to_string()), "missing {want} in {got:?}");
    }
    for unwanted in ["Germans", "Volkov", "Bargains", "Hang Seng", "Umbrella"] {
        assert!(
            !got.iter().any(|g| g.starts_with(&format!("{unwanted} ("))),
            "{unwanted} is not an entity here: {got:?}"
        );
    }
}

/// Pronouns and contractions are not names, even in a song title: `'Isn't She Lovely'` once
/// made "Isn't She" a person, every sentence's "She" its surname, and every "She said" its
/// quotation (10,698 of them in 20,000 articles).
#[test]
fn pronouns_and_contractions_are_never_names() {
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Singer Jamie Raymond welcomed a baby girl. 'Isn't She Lovely' by Stevie Wonder on \
             repeat,' he penned in the caption.\n\n\
             She said the family was 'over the moon'. She's home now. Don't Stop Believin' \
             played on the radio, and Can't Buy Me Love after it. Him and Them were bands.\n",
        ),
        (
            "b.txt",
            "Anna Kovacs, a nurse, spoke to reporters. 'We are exhausted,' she said.\n\n\
             She added: 'Nobody listens to us.' Herself a mother, She told them she would stay.\n",
        ),
    ]);
    let names: Vec<String> = corpus
        .entities
        .iter()
        .flat_map(|e| e.aliases.iter().chain([&e.name]).cloned())
        .collect();
    for bad in [
        "She",
        "Shes",
        "Isn't She",
        "Isn't",
        "Don't",
        "Can't",
        "Him",
        "Them",
        "Herself",
    ] {
        assert!(
            !names
                .iter()
                .any(|n| n == bad || n.starts_with(&format!("{bad} "))),
            "{bad} in {names:?}"
        );
    }
    assert!(names.iter().any(|n| n == "Stevie Wonder"), "{names:?}");
    assert!(names.iter().any(|n| n == "Anna Kovacs"), "{names:?}");
    for q in &corpus.quotes {
        if let Some(s) = q.speaker {
            let name = &corpus.entities[s].name;
            assert!(
                ["Anna Kovacs", "Jamie Raymond"].contains(&name.as_str()),
                "a quotation given to {name}"
            );
        }
    }
}

/// Across articles, a lone word joins only a name that starts with a given name: at 20,000
/// articles `Covid` went to "Long Covid", `Chelsea` to "New Chelsea", `All` to "Us All"; nor is
/// a given name (`Harry`) or a place's name another article's person's surname.
#[test]
fn a_lone_word_joins_only_a_person_of_another_article() {
    let corpus = common::corpus_of(&[
        // A race card: a horse after a title reads as a person.
        (
            "a.txt",
            "Racing at Hexham\n\n2.20 Captain Blue Chelsea\n\n2.50 Chasamax\n",
        ),
        (
            "b.txt",
            "Derby day\n\nChelsea beat Arsenal on Saturday, manager Frank Lampard said. \
             Dr Sarah Keane, the club doctor, said two players were hurt.\n",
        ),
        (
            "c.txt",
            "Injuries\n\nKeane said more physiotherapists were needed, and Lampard agreed.\n",
        ),
        // A first name alone is no surname of another article's person.
        (
            "d.txt",
            "Royal visit\n\nPrince Harry opened a hospital wing in Leeds on Friday.\n",
        ),
        (
            "e.txt",
            "Concert\n\nDebbie Harry sang with her band in Glasgow on Friday.\n",
        ),
    ]);
    let named = |name: &str| corpus.entities.iter().find(|e| e.name == name);
    let horse = named("Blue Chelsea").expect("the horse, read as a person");
    assert_eq!(
        horse.documents,
        [0],
        "it took in Chelsea of another article: {:?}",
        horse.aliases
    );
    assert_eq!(named("Sarah Keane").expect("Sarah Keane").documents, [1, 2]);
    assert_eq!(named("Frank Lampard").expect("Frank Lampard").documents, [1, 2]);
    assert_eq!(named("Debbie Harry").expect("Debbie Harry").documents, [4]);
}

#[test]
fn names_listed_with_people_are_people() {
    // In the style of the BBC's science pages and MailOnline's party columns (made-up names):
    // co-authors and guests listed with one whose given name is known. Names of two words that
    // nothing marks were read as organisations ("Oded Cohen", "Kimberley Garner" at 20,000
    // articles); a list with a person in it is a list of people. A name merely after a comma
    // (`Created by Josh Tickell, Kiss the Ground aims…`) is no list.
    let names = entities_of(
        "Writing in the journal Nature, Dr Rossi - and colleagues Haisheng Wei, Richard Jones, \
         Taavi Lund and Oskari Pelto - show how they made the laser.\n\n\
         Guests Hana Vale, Marit Oyelaran and Kimberley Stroud were spotted at the hotel.\n\n\
         Created by filmmaker Josh Tickell, Grow the Soil aims to show how farms can help.\n",
    );
    for person in [
        "Haisheng Wei",
        "Richard Jones",
        "Taavi Lund",
        "Oskari Pelto",
        "Hana Vale",
        "Marit Oyelaran",
        "Kimberley Stroud",
        "Josh Tickell",
    ] {
        assert!(
            names.contains(&format!("{person} (person)")),
            "{person} in {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.starts_with("Grow the Soil (person")),
        "{names:?}"
    );
}

#[test]
fn a_word_alone_in_many_articles_is_no_surname_of_one_name() {
    // At 20,000 MailOnline and BBC articles, a name read once from a title-case line or a
    // caption took in a word that stands alone in thousands of articles: "Daniel Covid" took
    // `Covid`, "Francisco COVID-19" took `COVID-19`, and "Callum Hudson-Odoi of Chelsea" took
    // `Chelsea` (made-up names here, same shapes). A surname is written as one (`Hancock`, not
    // `COVID-19`), stands alone in at most ten times as many articles as its full name is
    // named in, and a name with `of` inside ends with no surname.
    let mut files: Vec<(String, String)> = vec![
        (
            "a.txt".into(),
            "Daniel Covid Tests Begin\n\nDaniel Covid said the tests would begin. \
             Francisco COVID-19 was the name of the file. Winger Callum Ode of Chelsea scored.\n"
                .into(),
        ),
        (
            "b.txt".into(),
            "Hancock speaks\n\nHealth Secretary Matt Hancock spoke on Monday.\n".into(),
        ),
        (
            "b2.txt".into(),
            "Testing targets\n\nMatt Hancock set a new target for tests.\n".into(),
        ),
    ];
    for k in 0..12 {
        files.push((
            format!("c{k:02}.txt"),
            format!(
                "Cases rise\n\nThe town recorded {k} new cases. Covid and COVID-19 spread fast, \
                 and Chelsea lost again. \"We are worried,\" Mr Hancock said.\n"
            ),
        ));
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let corpus = common::corpus_of(&files);
    let named = |name: &str| corpus.entities.iter().find(|e| e.name == name);
    for junk in ["Daniel Covid", "Francisco COVID-19", "Callum Ode of Chelsea"] {
        if let Some(e) = named(junk) {
            assert_eq!(e.documents, [0], "{junk} took in {:?}", e.aliases);
        }
    }
    let hancock = named("Matt Hancock").expect("Matt Hancock");
    assert_eq!(hancock.documents.len(), 14, "every `Mr Hancock` is his");
}

#[test]
fn an_acronym_stands_for_what_its_article_or_most_articles_define() {
    // Made-up articles in the house styles of the BBC and MailOnline. A bracket after a show
    // names its channel, not its letters; a leading `A` or `The` is not part of the name; and
    // one article's `Nurses' Health Study (NHS)` is not what NHS means in the others.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Hammer time\n\nThe hit Can't Touch This (BBC) was shown again. \
             A European Union (EU) spokesman attended.\n",
        ),
        (
            "b.txt",
            "Nurses\n\nThe Nurses Health Study (NHS) followed 1,000 nurses for a decade.\n",
        ),
        (
            "c.txt",
            "Waiting lists\n\nThe National Health Service (NHS) has a backlog. The NHS said it \
             would cut waiting lists, and the BBC reported it.\n",
        ),
        (
            "d.txt",
            "Winter\n\nThe National Health Service (NHS) prepares for winter.\n",
        ),
        ("e.txt", "Beds\n\nThe NHS opened new beds. The EU sent funds.\n"),
    ]);
    let named = |name: &str| corpus.entities.iter().find(|e| e.name == name);
    let bbc = named("BBC").expect("the BBC");
    assert!(bbc.documents.contains(&2), "{:?}", bbc.documents);
    assert!(named("Can't Touch This").is_none_or(|e| !e.aliases.iter().any(|a| a == "BBC")));
    let eu = named("European Union").expect("the European Union");
    assert_eq!(eu.documents, [0, 4]);
    let nhs = named("National Health Service").expect("the National Health Service");
    assert_eq!(nhs.documents, [2, 3, 4], "{:?}", nhs.aliases);
}

#[test]
fn a_middle_initial_and_a_final_s_keep_one_person() {
    // At 20,000 articles "Donald J Trump" was a second Trump, and every "Daniel Andrews" (the
    // Victorian premier) became "Daniel Andrew", a name one caption wrote once. Made-up names.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Rally\n\nPresident Donald Grant spoke in Ohio. Donald Grant said he would win. \
             Donald Grant left.\n",
        ),
        (
            "b.txt",
            "Statement\n\nA statement signed Donald J Grant was read out.\n",
        ),
        (
            "c.txt",
            "Lockdown\n\nPremier Daniel Andrews said the lockdown would end. Daniel Andrews \
             thanked nurses.\n",
        ),
        (
            "d.txt",
            "Caption\n\nPictured: Daniel Andrew at a press conference on Monday.\n",
        ),
    ]);
    let named = |name: &str| corpus.entities.iter().find(|e| e.name == name);
    assert_eq!(named("Donald Grant").expect("Donald Grant").documents, [0, 1]);
    assert!(named("Donald J Grant").is_none());
    assert!(named("Daniel Andrews")
        .expect("Daniel Andrews")
        .documents
        .contains(&2));
}

#[test]
fn a_last_word_standing_alone_tells_no_kind() {
    // `Life` alone after `Axa Sun Life` (and `United` after `Manchester United`) may stand for
    // the name, but says nothing of its kind: at 20,000 articles such words had made clubs,
    // companies and TV shows people. Made-up articles in the BBC's business style; the flanker
    // is a player's role.
    let corpus = common::corpus_of(&[
        ("a.txt", "Jobs\n\nThe insurer Axa Sun Life cut 200 jobs.\n"),
        (
            "b.txt",
            "Staff told\n\nStaff at Axa Sun Life were told on Monday. Life has offices in Bristol, \
             and Life said it would help them. Staff say Life was slow.\n",
        ),
        (
            "c.txt",
            "Rugby\n\nItaly lost flanker Mauro Bellasco with a head knock before half-time.\n",
        ),
    ]);
    let kind = |name: &str| common::kind_of(&corpus, name);
    assert_eq!(kind("Axa Sun Life"), Some("organisation"));
    assert_eq!(kind("Mauro Bellasco"), Some("person"));
}

#[test]
fn a_question_or_a_letter_opening_on_a_name_gives_no_label() {
    // MailOnline's headlines and readers' letters (made-up names): `Is Marcus Webb right?`,
    // `Dear Marcus Webb`. At 20,000 articles "Is", "Does" and "Dear" were how outlets
    // labelled the Prime Minister, and "Is Us" and "Like Morris" were names.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Letters\n\nIs Marcus Webb right about the plan? Does Marcus Webb know? \
         Dear Marcus Webb, please listen. Like Morris, we waited.\n",
    )]);
    let webb = corpus
        .entities
        .iter()
        .find(|e| e.name == "Marcus Webb")
        .expect("Marcus Webb");
    assert!(webb.labels.is_empty(), "{:?}", webb.labels);
    assert!(
        corpus.entities.iter().all(|e| !e.name.starts_with("Like ")),
        "{:?}",
        corpus.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_pronoun_makes_a_person_only_of_a_name_it_can_go_back_to() {
    // `he` or `her` later in a sentence made the name before it a person's, whatever came
    // between: at 20,000 articles the White House, Manchester United and New York City were
    // people. A name after an article, a preposition or a verb, a possessive, or a name with
    // another full name after it is not what the pronoun goes back to; a name of two
    // capitalised words after an article is no person's. Made-up names in MailOnline's and the
    // BBC's styles.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Budget\n\nThe minister returned to the Granite House on Monday, where he met his \
             advisers. Later the Granite House said it would publish the plan.\n",
        ),
        (
            "b.txt",
            "Match report\n\nFans of Halton Rovers were delighted when he scored. Halton Rovers \
             captain Dariel Okonjo says he will stay.\n",
        ),
        (
            "c.txt",
            "Storm\n\nResidents of Kelby Falls said he had warned them. In Kelby Falls, she \
             said, the water rose fast. Gerrit Vandekamp said he was worried.\n",
        ),
        (
            "d.txt",
            "Transfer\n\nThe striker joined Corby Athletic for four million pounds, and fans hope \
             he will score. Officials were asking Corby Athletic to explain his fee.\n",
        ),
    ]);
    let kind = |name: &str| common::kind_of(&corpus, name);
    for body in ["Granite House", "Halton Rovers", "Kelby Falls", "Corby Athletic"] {
        assert_ne!(kind(body), Some("person"), "{body}");
        assert!(kind(body).is_some(), "{body} is named");
    }
    assert_eq!(kind("Dariel Okonjo"), Some("person"));
    assert_eq!(kind("Gerrit Vandekamp"), Some("person"));
}

#[test]
fn a_disease_is_no_organisation() {
    // At 20,000 articles `Covid-19`, `COVID-19` and `Covid` were three of the corpus's most
    // mentioned organisations (12,000 mentions), and quotations were theirs. A disease is none
    // of the four kinds; the body that fights it is. Made-up article in MailOnline's style.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Lockdown\n\nThe rise in Covid cases worried officials at the Brennan Institute, who \
         blamed Covid for the closures. COVID-19 wards filled.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.to_lowercase().starts_with("covid")),
        "{names:?}"
    );
    assert!(names.contains(&"Brennan Institute"), "{names:?}");
}

#[test]
fn an_honorific_begins_a_name_of_its_own() {
    // In MailOnline's style (made-up people): `Former Royal Marine Mr Pask` was one name,
    // `Marine Mr Pask`, a person no other mention joined; `Allies of Mr Drury` an organisation.
    // A title before the honorific still describes the name after it.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Channel crossings\n\nThe Home Office's commander Colin Pask spoke to MPs on Tuesday. \
         Former Royal Marine Mr Pask said the French were committed. Allies of Mr Drury \
         disagreed. College President Dr Ivo Tamm stayed silent.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains(" Mr ") || n.starts_with("Allies")),
        "{names:?}"
    );
    assert_eq!(
        common::kind_of(&corpus, "Colin Pask"),
        Some("person"),
        "{names:?}"
    );
    let pask = corpus.entities.iter().find(|e| e.name == "Colin Pask").unwrap();
    assert_eq!(pask.mentions.len(), 2, "both mentions are his: {names:?}");
    assert_eq!(common::kind_of(&corpus, "Ivo Tamm"), Some("person"), "{names:?}");
}

#[test]
fn a_club_is_no_person_for_a_pronoun_near_its_last_word() {
    // At 20,000 articles `Manchester City` was a person: `City` alone, with a player's `he`
    // after it, read as its surname. Made-up match report in MailOnline's style.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Transfer news\n\nRotherham City are closing in on a deal for Ennis Rovers defender Pavel \
         Sorn. City want him before the window shuts, and he is keen on the move. Sorn said he \
         would wait for City to call.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        common::kind_of(&corpus, "Rotherham City"),
        Some("organisation"),
        "{names:?}"
    );
    assert_eq!(
        common::kind_of(&corpus, "Ennis Rovers"),
        Some("organisation"),
        "{names:?}"
    );
    assert_eq!(
        common::kind_of(&corpus, "Pavel Sorn"),
        Some("person"),
        "{names:?}"
    );
    assert!(!names.contains(&"City"), "{names:?}");
    let city = corpus
        .entities
        .iter()
        .find(|e| e.name == "Rotherham City")
        .unwrap();
    assert_eq!(
        city.mentions.len(),
        3,
        "`City` alone is the club: {:?}",
        city.aliases
    );

    // Two clubs named `… United` in one article: `United` alone is neither we can tell.
    let two = common::corpus_of(&[(
        "b.txt",
        "Derby day

Carlow United beat Dunmore United 2-1. United will now face the winners of          the other tie, he said.
",
    )]);
    let names: Vec<&str> = two.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        common::kind_of(&two, "Dunmore United"),
        Some("organisation"),
        "{names:?}"
    );
    assert!(!names.contains(&"United"), "{names:?}");
    assert!(
        two.entities.iter().all(|e| e.mentions.len() == 1),
        "{:?}",
        two.entities
            .iter()
            .map(|e| (&e.name, e.mentions.len()))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_holiday_is_no_entity() {
    // At 20,000 articles `Christmas` was an organisation of 1,401 mentions, and `Ramadan` a
    // person. A holiday is a time, like `Victory Day`; a person surnamed so keeps a full name.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Shops brace\n\nRetailers hope for a busy Christmas, and a Christmas brand of \
         crackers sold out. Ramadan began on Monday and he fasted, and Halloween sales are down, \
         said shop owner Dave Christmas.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    for holiday in ["Christmas", "Ramadan", "Halloween"] {
        assert!(!names.contains(&holiday), "{names:?}");
    }
    assert!(names.contains(&"Dave Christmas"), "{names:?}");
}

#[test]
fn a_surname_that_is_a_place_stays_a_surname() {
    // At 400 sampled articles Naomi Osaka, Kerry Washington and Eddie Jordan were places (a
    // run cut where a known place begins, as in the headline run `Obamas Syria`). Made-up
    // people; `Hollywood` and `Paris` are in the gazetteer.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Bake-off returns\n\nThe judge Tom Hollywood said the bakers were ready. Tennis star Mira \
         Osaka and actor Lucy Paris watched the final in Paris.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    for person in ["Tom Hollywood", "Mira Osaka", "Lucy Paris"] {
        assert_eq!(common::kind_of(&corpus, person), Some("person"), "{names:?}");
    }
    assert_eq!(common::kind_of(&corpus, "Paris"), Some("place"), "{names:?}");
}

#[test]
fn an_office_after_a_name_is_no_part_of_it() {
    // At 400 sampled articles `Medical Officer` was a person, `UEFA President`, `Tory MP` and
    // `Kentucky Attorney General` organisations. The office describes; the body or place before
    // it is the entity, and a lone word nobody knows is none. Made-up article.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Virus update\n\nThe Chief Medical Officer warned of a second wave, and the UEFA Vice \
         President agreed. A Tory MP asked questions, and the Texas Attorney General replied \
         on Tuesday.\n",
    )]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    for office in [
        "Medical Officer",
        "Medical",
        "UEFA Vice President",
        "Tory MP",
        "Texas Attorney General",
    ] {
        assert!(!names.contains(&office), "{names:?}");
    }
    assert_eq!(
        common::kind_of(&corpus, "UEFA"),
        Some("organisation"),
        "{names:?}"
    );
    assert_eq!(common::kind_of(&corpus, "Texas"), Some("place"), "{names:?}");
}
