//! Ingestion measured against hand-made references: `tests/fixtures/seeds-gold.toml` (a copy of
//! the shared evaluation file) over `seeds/`, and, when `../shared/corpora/dev/` is present,
//! the dev corpus' manifest.

mod common;

use common::{load, root};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    document: Vec<GoldDocument>,
}

#[derive(Deserialize)]
struct GoldDocument {
    file: String,
    outlet_in_text: String,
    #[serde(default)]
    dateline: String,
    published: String,
    title: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    photo_caption: String,
    #[serde(default)]
    boilerplate: Vec<String>,
}

#[test]
fn seeds_documents_match_the_gold_annotation() {
    let gold: Gold = toml::from_str(include_str!("fixtures/seeds-gold.toml")).unwrap();
    let corpus = common::seeds();
    assert_eq!(corpus.articles.len(), gold.document.len());
    for g in &gold.document {
        let a = corpus
            .articles
            .iter()
            .find(|a| a.document.file == g.file)
            .expect(&g.file);
        let d = &a.document;
        let f = &g.file;
        assert_eq!(
            d.outlet_in_text().unwrap_or(""),
            g.outlet_in_text,
            "{f}: outlet in text"
        );
        assert_eq!(
            d.stated_date().map(|x| x.to_string()).unwrap_or_default(),
            g.published,
            "{f}: stated date"
        );
        assert_eq!(d.title_text().unwrap_or(""), g.title, "{f}: title");
        let place = d.dateline.as_ref().map(|x| x.place.of(&d.text)).unwrap_or("");
        assert_eq!(place, g.dateline, "{f}: dateline");
        assert_eq!(
            d.section.map(|s| s.of(&d.text)).unwrap_or(""),
            g.section,
            "{f}: section"
        );
        let caption = d
            .credits
            .iter()
            .find_map(|c| c.caption)
            .map(|s| s.of(&d.text))
            .unwrap_or("");
        assert_eq!(caption, g.photo_caption, "{f}: photo caption");
        let debris: Vec<&str> = d.debris.iter().map(|s| s.of(&d.text)).collect();
        for b in &g.boilerplate {
            assert!(debris.contains(&b.as_str()), "{f}: boilerplate {b:?} not removed");
        }
        for c in &d.credits {
            let credit = c.credit.of(&d.text);
            assert!(
                !d.outlet_in_text().unwrap_or("").contains(credit),
                "{f}: credit taken as outlet"
            );
        }
        for p in &d.paragraphs {
            let text = p.span.of(&d.text);
            assert!(
                !text.contains("FILE PHOTO") && !text.starts_with("More Stories"),
                "{f}: debris in body: {text}"
            );
        }
    }
}

#[test]
fn seeds_metadata_names_every_outlet() {
    let corpus = common::seeds();
    let outlet = |file: &str| {
        let a = corpus
            .articles
            .iter()
            .find(|a| a.document.file.starts_with(file))
            .unwrap();
        corpus.outlets[a.outlet.unwrap() as usize].name.clone()
    };
    for (file, name) in [
        ("000", "Sputnik"),
        ("001", "PressTV"),
        ("002", "RT"),
        ("003", "Sputnik"),
        ("004", "Sputnik"),
    ] {
        assert_eq!(outlet(file), name, "{file}");
    }
    let unknown: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.published.is_none())
        .map(|a| a.id())
        .collect();
    assert_eq!(
        unknown,
        ["001_f2949b16144bae03", "002_d96a9708d6942587"],
        "unstated dates stay unknown"
    );
}

#[test]
fn dev_corpus_dates_and_titles_match_its_manifest() {
    let dir = root().join("../shared/corpora/dev");
    if !dir.join("manifest.tsv").is_file() {
        eprintln!(
            "skipped: {} is not here (it ships only with the workplace)",
            dir.display()
        );
        return;
    }
    let corpus = load(&[&dir]);
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).unwrap();
    let (mut dated, mut dates_ok, mut titles_ok, mut n) = (0, 0, 0, 0);
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let a = corpus
            .articles
            .iter()
            .find(|a| a.document.file == cols[0])
            .unwrap();
        n += 1;
        if !cols[2].is_empty() {
            dated += 1;
            dates_ok += usize::from(a.published.map(|d| d.to_string()).as_deref() == Some(cols[2]));
        }
        titles_ok += usize::from(a.title() == Some(cols[3]));
    }
    println!("dev corpus: dates {dates_ok}/{dated} dated articles, titles {titles_ok}/{n}");
    assert_eq!(dates_ok, dated, "every dated article's date is recovered");
    assert_eq!(titles_ok, n, "every title is recovered");
}
