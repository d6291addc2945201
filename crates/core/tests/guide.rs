//! The first steps the library's introduction offers, computed from the corpus.

mod common;

use parallax_core::compare::{compare, Prior};
use parallax_core::entities::Kind;
use parallax_core::guide::{guide, Comparison};
use parallax_core::profiles::entity_rows;

#[test]
fn the_seeds_offer_two_articles_disagreeing_the_most_quoted_person_and_a_place() {
    let corpus = common::seeds();
    let g = guide(&corpus);
    let Some(Comparison::Articles { a, b, disagreements }) = g.comparison else {
        panic!("the seeds have articles whose figures differ: {:?}", g.comparison);
    };
    assert_ne!(a, b);
    let shown = compare(&corpus, &Prior::of(&corpus), vec![a], vec![b]);
    let on_compare = shown.facts.iter().filter(|f| f.disagrees()).count();
    assert_eq!(
        disagreements, on_compare,
        "the count the introduction gives is Compare's"
    );
    assert!(disagreements >= 1);

    let (person, quotes) = g.quoted.expect("the seeds quote people");
    assert_eq!(corpus.entities[person].kind, Kind::Person);
    let most = entity_rows(&corpus)
        .iter()
        .filter(|r| corpus.entities[r.entity as usize].kind == Kind::Person)
        .map(|r| r.quotes)
        .max();
    assert_eq!(Some(quotes), most);

    let place = g.place.expect("the seeds name places");
    assert_eq!(corpus.entities[place].kind, Kind::Place);
    assert_eq!(
        corpus.entities[place].documents.len(),
        corpus.articles.len(),
        "named by every seed"
    );
}

#[test]
fn without_differing_figures_the_two_largest_outlets_are_offered() {
    let metadata = "[outlet.bbc]\nname = \"BBC\"\n[outlet.itv]\nname = \"ITV\"\n[outlet.sky]\nname = \"Sky\"\n\
         [file.\"a.txt\"]\noutlet = \"itv\"\n[file.\"b.txt\"]\noutlet = \"sky\"\n\
         [file.\"c.txt\"]\noutlet = \"sky\"\n[file.\"d.txt\"]\noutlet = \"bbc\"\n[file.\"e.txt\"]\noutlet = \"bbc\"\n";
    let corpus = common::corpus_with(
        &[
            ("a.txt", "It rained in Leeds on Monday."),
            ("b.txt", "The sun shone in York on Monday."),
            ("c.txt", "The wind blew in Hull on Monday."),
            ("d.txt", "Snow fell in Bath on Monday."),
            ("e.txt", "Fog lay over Ely on Monday."),
        ],
        metadata,
    );
    let g = guide(&corpus);
    let Some(Comparison::Outlets { a, b }) = g.comparison else {
        panic!("three outlets, no figures: {:?}", g.comparison);
    };
    let names = [&corpus.outlets[a as usize].key, &corpus.outlets[b as usize].key];
    assert_eq!(
        names,
        ["bbc", "sky"],
        "the two with two articles each, in corpus order"
    );
    assert_eq!(g.quoted, None, "nobody is quoted, so no one is offered");
}

#[test]
fn one_article_offers_no_comparison() {
    let corpus = common::corpus_of(&[("a.txt", "\"We are ready,\" Anna Smith said in Paris.")]);
    let g = guide(&corpus);
    assert_eq!(g.comparison, None);
}
