//! Entity pages' figures on the seeds: what a reader of Lukashenko's page sees, and the search
//! filter `entity:`.

mod common;

use parallax_core::entities::{find_entities, name_filter, names_contain, Kind};
use parallax_core::profiles::{entity_rows, network, profile, MentionIndex};
use parallax_core::search::{best_passage, parse_query, search, ParseOptions, SearchOptions};
use parallax_core::Corpus;

fn lukashenko(corpus: &Corpus) -> usize {
    let found = find_entities(&corpus.entities, "LUKASHENKO");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(find_entities(&corpus.entities, "alexander  lukashenko"), found);
    found[0]
}

/// The entity list's name filter: part of any spelling, any case, accents and curly
/// apostrophes ignored.
#[test]
fn the_entity_list_narrows_to_names_containing_what_is_typed() {
    let corpus = common::seeds();
    let named = |typed: &str| -> Vec<&str> {
        let filter = name_filter(typed);
        corpus
            .entities
            .iter()
            .filter(|e| names_contain(e, &filter))
            .map(|e| e.name.as_str())
            .collect()
    };
    assert_eq!(named("  LUKASH ").first(), Some(&"Alexander Lukashenko"));
    assert_eq!(named("TIKHANOV"), ["Svetlana Tikhanovskaya"]);
    assert_eq!(named("").len(), corpus.entities.len());
    assert!(named("zzzz").is_empty());
}

#[test]
fn lukashenko_page_figures() {
    let corpus = common::seeds();
    let index = MentionIndex::new(&corpus);
    let e = lukashenko(&corpus);
    let entity = &corpus.entities[e];
    assert_eq!(entity.name, "Alexander Lukashenko");
    assert_eq!(entity.kind, Kind::Person);
    assert_eq!(entity.documents, [0, 1, 2, 3, 4]);

    let row = entity_rows(&corpus)[e];
    assert_eq!((row.documents, row.outlets), (5, 3));
    assert_eq!(row.mentions, entity.mentions.len());
    assert!(row.quotes >= 1, "{row:?}");

    let p = profile(&corpus, &index, e);
    let sputnik = corpus.outlets.iter().position(|o| o.key == "sputnik").unwrap() as u32;
    let sputnik_labels = p.labels.iter().find(|l| l.outlet == Some(sputnik)).unwrap();
    assert!(
        sputnik_labels
            .labels
            .iter()
            .any(|(l, _)| l == "Belarusian President"),
        "{sputnik_labels:?}"
    );
    // Every mention is counted once, by month or as undated, and by outlet.
    let by_month: usize = p.months.iter().map(|m| m.1).sum();
    assert_eq!(by_month + p.undated, row.mentions);
    assert_eq!(p.outlets.iter().map(|o| o.1).sum::<usize>(), row.mentions);
    assert_eq!(p.outlets.iter().map(|o| o.2).sum::<usize>(), 5);
    // Months run without gaps from August 2020 to February 2021.
    assert_eq!(p.months.first().unwrap().0, (2020, 8));
    assert_eq!(p.months.last().unwrap().0, (2021, 2));
    assert_eq!(p.months.len(), 7);
    // What he said, and who he appears with.
    assert!(p.quotes.iter().all(|&q| corpus.quotes[q].speaker == Some(e)));
    assert_eq!(p.quotes.len(), row.quotes);
    let names: Vec<&str> = p
        .together
        .iter()
        .take(6)
        .map(|t| corpus.entities[t.entity as usize].name.as_str())
        .collect();
    assert!(
        names.contains(&"Belarus") && names.contains(&"Vladimir Putin"),
        "{names:?}"
    );
    assert!(p.together.windows(2).all(|w| w[0].sentences >= w[1].sentences));

    let n = network(&corpus, &index, e, &p.together, 6);
    assert_eq!(n.nodes.len(), 6);
    assert_eq!(n.nodes[0] as usize, e);
    for &(a, b, w) in &n.edges {
        assert!(a < b && b < n.nodes.len() && w > 0);
    }
    for (i, t) in p.together.iter().take(5).enumerate() {
        assert!(n.edges.contains(&(0, i + 1, t.sentences)));
    }
}

#[test]
fn every_body_mention_lies_in_the_sentence_it_is_located_in() {
    let corpus = common::seeds();
    for e in &corpus.entities {
        for m in &e.mentions {
            let doc = &corpus.articles[m.doc as usize].document;
            let name = m.span.of(&doc.text);
            assert!(!name.is_empty(), "{}: empty mention", e.name);
            if let Some(anchor) = doc.sentence_at(m.span.start) {
                let sentence = doc.span_of(anchor).expect("a sentence of the document");
                assert!(
                    sentence.start <= m.span.start && m.span.end <= sentence.end,
                    "{name:?} outside {:?}",
                    sentence.of(&doc.text)
                );
            }
        }
    }
}

#[test]
fn entity_filter_lists_and_narrows() {
    let corpus = common::seeds();
    let e = lukashenko(&corpus);
    let run = |q: &str| {
        search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        )
    };

    let alone = run("entity:lukashenko");
    assert!(alone.messages.is_empty(), "{:?}", alone.messages);
    assert_eq!(alone.total, 5);
    let mentions_in = |d: u32| corpus.entities[e].mentions.iter().filter(|m| m.doc == d).count();
    assert!(alone
        .ranked
        .windows(2)
        .all(|w| mentions_in(w[0]) >= mentions_in(w[1])));
    // The passage shown for each article names him, highlighted.
    for &d in &alone.ranked {
        let passage = best_passage(&corpus, d, &alone.matcher);
        let text = &corpus.articles[d as usize].document.text;
        assert!(
            passage
                .highlights
                .iter()
                .any(|h| h.of(text).contains("Lukashenko")),
            "{:?}",
            passage.span.of(text)
        );
    }

    let quoted = run("entity:\"Alexander Lukashenko\" entity:putin");
    let plain = run("entity:putin");
    assert!(quoted.total >= 1 && quoted.total <= plain.total);
    assert!(quoted
        .ranked
        .iter()
        .all(|d| corpus.entities[e].documents.contains(d)));

    let unknown = run("belarus entity:nobodyatall");
    assert_eq!(unknown.total, 0);
    assert!(
        unknown.messages[0].contains("No entity is called"),
        "{:?}",
        unknown.messages
    );
}

/// `entity:` and entity URLs take any spelling the articles use, a single name word of any
/// spelling, and a misspelling or another transliteration of one (the seeds write
/// Tikhanovskaya; other outlets Tsikhanouskaya).
#[test]
fn any_spelling_or_misspelling_of_a_name_finds_its_entity() {
    let corpus = common::seeds();
    let svetlana = find_entities(&corpus.entities, "Svetlana Tikhanovskaya");
    assert_eq!(svetlana.len(), 1, "{svetlana:?}");
    for typed in [
        "Tsikhanouskaya",
        "tikhanovskaya",
        "Tikhanovskya",
        "Svetlana Tsikhanouskaya",
        "Sviatlana Tikhanovskaya",
    ] {
        assert_eq!(find_entities(&corpus.entities, typed), svetlana, "{typed}");
    }
    assert_eq!(
        find_entities(&corpus.entities, "Lukashenka"),
        [lukashenko(&corpus)]
    );
    assert!(find_entities(&corpus.entities, "Zzyzxville").is_empty());
    assert!(
        find_entities(&corpus.entities, "Lukas").is_empty(),
        "five letters, not one slip from a name"
    );

    let docs = |q: &str| {
        let results = search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        );
        results.hits.iter().map(|h| h.doc).collect::<Vec<_>>()
    };
    assert!(!docs("entity:\"Svetlana Tikhanovskaya\"").is_empty());
    assert_eq!(
        docs("entity:Tsikhanouskaya"),
        docs("entity:\"Svetlana Tikhanovskaya\"")
    );
}
