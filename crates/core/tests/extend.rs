//! A built corpus extended with articles a reader adds in the browser.

mod common;

use parallax_core::entities::extract_entities;
use parallax_core::facts::extract_claims;
use parallax_core::index::build_index;
use parallax_core::quotes::extract_quotes;
use parallax_core::reading::AddedArticle;
use parallax_core::search::{parse_query, search, ParseOptions, SearchOptions};
use parallax_core::{
    build_corpus, build_corpus_on, encode_bundle, parse_metadata, Analysis, Corpus, Date, Extension, Outlet,
    SourceFile, Stage, Workers,
};

fn analyse(mut analysis: Analysis) -> Corpus {
    let mut stages = Vec::new();
    loop {
        let stage = analysis.next_stage();
        if stages.last() != Some(&stage) {
            stages.push(stage);
        }
        if let Some(corpus) = analysis.step() {
            assert_eq!(
                stages,
                [Stage::Index, Stage::Entities, Stage::Quotes, Stage::Claims]
            );
            return corpus;
        }
    }
}

fn added(name: &str, text: &str, outlet: Option<&str>) -> AddedArticle {
    AddedArticle {
        name: name.to_string(),
        text: text.to_string(),
        title: None,
        outlet: outlet.map(str::to_string),
        published: None,
        url: None,
    }
}

fn hits(corpus: &Corpus, q: &str) -> Vec<String> {
    let results = search(
        corpus,
        &parse_query(q, ParseOptions::default()),
        SearchOptions::default(),
    );
    results
        .ranked
        .iter()
        .map(|&d| corpus.articles[d as usize].id().to_string())
        .collect()
}

#[test]
fn nothing_added_gives_the_same_corpus() {
    let base = common::seeds();
    assert_eq!(analyse(Extension::new(&base).finish()), base);
}

#[test]
fn analysis_in_slices_equals_the_analysis_in_one_go() {
    // Forty copies of the seeds (about 0.8 MB): several slices per stage.
    let base = common::seeds();
    let mut ext = Extension::new(&base);
    for copy in 0..40 {
        for a in &base.articles {
            ext.add(&added(
                &format!("copy{copy:02}-{}", a.document.file),
                &a.document.text,
                None,
            ));
        }
    }
    let mut analysis = ext.finish();
    let mut steps = 0;
    let corpus = loop {
        steps += 1;
        if let Some(c) = analysis.step() {
            break c;
        }
    };
    assert!(steps > 12, "{steps} steps");
    let articles = &corpus.articles;
    assert_eq!(corpus.index, build_index(articles));
    let entities = extract_entities(articles);
    assert_eq!(corpus.entities, entities);
    assert_eq!(corpus.quotes, extract_quotes(articles, &entities));
    assert_eq!(corpus.claims, extract_claims(articles, &entities));
    assert!(corpus.quotes.len() > 40 * 20 && corpus.claims.len() > 40 * 10);
}

#[test]
fn added_articles_join_outlets_search_and_entities() {
    let base = common::seeds();
    let mut ext = Extension::new(&base);
    ext.add(&added(
        "class-notes.txt",
        "Svetlana Tikhanovskaya met teachers in Vilnius on Monday. \"We will return,\" Tikhanovskaya said.",
        Some("BBC News"),
    ));
    ext.add(&added(
        "rt-copy.txt",
        "Protesters marched in Minsk again.",
        Some("rt"),
    ));
    let mut dated = added(
        "sputnik-copy.txt",
        "MINSK (UrduPoint News / Sputnik - 18th August, 2020) Workers went on strike.",
        None,
    );
    dated.published = Some(Date::parse_iso("2021-01-02").unwrap());
    ext.add(&dated);
    assert_eq!(ext.len(), base.articles.len() + 3);
    let corpus = analyse(ext.finish());

    let outlet_of = |id: &str| {
        let a = corpus.articles.iter().find(|a| a.id() == id).unwrap();
        corpus.outlets[a.outlet.unwrap() as usize].name.as_str()
    };
    assert_eq!(outlet_of("class-notes"), "BBC News", "a new outlet");
    assert_eq!(outlet_of("rt-copy"), "RT", "an outlet by its key");
    assert_eq!(
        outlet_of("sputnik-copy"),
        "Sputnik",
        "an outlet by how corpus texts name it"
    );
    let sputnik = corpus.articles.iter().find(|a| a.id() == "sputnik-copy").unwrap();
    assert_eq!(
        sputnik.published.unwrap().to_string(),
        "2021-01-02",
        "the reader's date wins"
    );
    assert_eq!(corpus.outlets.len(), base.outlets.len() + 1);
    for a in &base.articles {
        let same = corpus.articles.iter().find(|b| b.id() == a.id()).unwrap();
        let (now, before) = (
            &corpus.outlets[same.outlet.unwrap() as usize],
            &base.outlets[a.outlet.unwrap() as usize],
        );
        assert_eq!(
            now.key, before.key,
            "corpus articles keep their outlets when outlets are renumbered"
        );
        assert_eq!(now.colour(), before.colour(), "and their outlets' colours");
    }
    let colours: Vec<u32> = corpus.outlets.iter().map(Outlet::colour).collect();
    assert!(colours.iter().all(|&c| c < Outlet::COLOURS), "{colours:?}");

    assert_eq!(hits(&corpus, "Vilnius teachers"), ["class-notes"]);
    assert_eq!(hits(&corpus, "met outlet:bbc-news"), ["class-notes"]);
    assert!(hits(&corpus, "Minsk outlet:rt").contains(&"rt-copy".to_string()));
    let tikhanovskaya = corpus
        .quotes
        .iter()
        .find(|q| corpus.articles[q.doc as usize].id() == "class-notes")
        .expect("the added article's quotation is found");
    let speaker = tikhanovskaya.speaker.expect("and attributed");
    assert!(corpus.entities[speaker].name.contains("Tikhanovskaya"));
}

#[test]
fn outlets_named_without_letters_get_keys_of_their_own() {
    let base = common::seeds();
    let mut ext = Extension::new(&base);
    ext.add(&added("dash.txt", "Workers marched in Minsk.", Some("\u{2014}")));
    ext.add(&added("stars.txt", "Students marched in Grodno.", Some("***")));
    ext.add(&added(
        "dash-again.txt",
        "Doctors marched in Brest.",
        Some("\u{2014}"),
    ));
    let corpus = analyse(ext.finish());
    let key_of = |id: &str| {
        let a = corpus.articles.iter().find(|a| a.id() == id).unwrap();
        corpus.outlets[a.outlet.unwrap() as usize].key.clone()
    };
    assert_ne!(key_of("dash"), key_of("stars"));
    assert_eq!(key_of("dash"), key_of("dash-again"));
    let mut keys: Vec<&str> = corpus.outlets.iter().map(|o| o.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), corpus.outlets.len(), "outlet keys are unique");
}

/// Runs the parts last to first, as threads finishing in any order might, and answers in the
/// parts' order.
struct Backwards(usize);

impl Workers for Backwards {
    fn count(&self) -> usize {
        self.0
    }

    fn map<T: Send>(
        &self,
        parts: Vec<std::ops::Range<usize>>,
        work: &(dyn Fn(std::ops::Range<usize>) -> T + Sync),
    ) -> Vec<T> {
        let mut answers: Vec<T> = parts.into_iter().rev().map(work).collect();
        answers.reverse();
        answers
    }
}

#[test]
fn sharing_the_work_out_builds_the_same_corpus() {
    let dir = common::root().join("seeds");
    let mut data: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    data.sort();
    let files: Vec<SourceFile> = data
        .iter()
        .map(|(name, bytes)| SourceFile { name, bytes })
        .collect();
    let meta = parse_metadata(&std::fs::read_to_string(dir.join("corpus.toml")).unwrap()).unwrap();
    let alone = encode_bundle(&build_corpus(&files, &meta).unwrap());
    assert_eq!(alone, encode_bundle(&common::seeds()));
    for n in [2, 3, 7] {
        let shared = build_corpus_on(&files, &meta, &Backwards(n)).unwrap();
        assert!(encode_bundle(&shared) == alone, "{n} parts gave another corpus");
    }
}
