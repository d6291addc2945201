//! `parallax`: the analysis without a browser.
//!
//! ```text
//! parallax analyze DIR            print the analysis of a corpus folder as JSON
//! parallax offline DIST [OUT]     inline a Trunk build into one self-contained HTML file
//! parallax policy DIST            write the Content-Security-Policy into DIST/index.html
//! ```

mod offline;

use std::path::Path;
use std::process::ExitCode;

use parallax_core::{Article, Corpus, Level, FORMAT_VERSION};
use serde::Serialize;

const USAGE: &str = "usage:
  parallax analyze DIR            print the analysis of a corpus folder as JSON
  parallax offline DIST [OUT]     inline a Trunk build (DIST) into one HTML file
                                  (default OUT: DIST/parallax.html)
  parallax policy DIST            write the Content-Security-Policy into DIST/index.html
                                  (Trunk's post-build hook runs it)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["analyze", dir] => analyse(Path::new(dir)),
        ["offline", dist] => offline::write(Path::new(dist), &Path::new(dist).join("parallax.html")),
        ["offline", dist, out] => offline::write(Path::new(dist), Path::new(out)),
        ["policy", dist] => offline::write_policy(Path::new(dist)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::FAILURE
        }
    }
}

fn analyse(dir: &Path) -> Result<(), String> {
    let loaded = parallax_folder::load_corpus(dir).map_err(|e| e.to_string())?;
    for file in &loaded.left_out {
        eprintln!("parallax: left out {file}");
    }
    let corpus = loaded.corpus;
    let json = serde_json::to_string_pretty(&CorpusJson::of(&corpus)).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

/// The JSON schema of `parallax analyze`, documented in the README.
#[derive(Serialize)]
struct CorpusJson<'a> {
    format_version: u32,
    documents: Vec<DocumentJson<'a>>,
    entities: Vec<EntityJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    facts: Vec<FactJson<'a>>,
}

#[derive(Serialize)]
struct FactJson<'a> {
    about: String,
    agree: bool,
    /// Days between the tellings of claims that differ, when more than two months.
    told_apart_days: Option<u32>,
    claims: Vec<ClaimJson<'a>>,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    document: &'a str,
    text: &'a str,
    value: f64,
    qualifier: Option<&'a str>,
    attributed_to: Option<&'a str>,
    sentence: &'a str,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    document: &'a str,
    speaker: Option<String>,
    /// Others in a joint statement.
    co_speakers: Vec<&'a str>,
    text: &'a str,
    start: u32,
    end: u32,
    /// What tied it to its speaker: `words`, `continues`, `turned-to` or `nothing`.
    tie: &'static str,
    /// The words that tied it, or the name it was turned to.
    tie_text: Option<&'a str>,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    documents: Vec<&'a str>,
    labels: Vec<LabelJson<'a>>,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    text: &'a str,
    document: &'a str,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    file: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    outlet_in_text: Option<&'a str>,
    published: Option<String>,
    dateline: Option<DatelineJson<'a>>,
    section: Option<&'a str>,
    photo_credits: Vec<CreditJson<'a>>,
    paragraphs: Vec<&'a str>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct DatelineJson<'a> {
    place: &'a str,
    outlets: Option<&'a str>,
    date: Option<String>,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct CreditJson<'a> {
    credit: &'a str,
    caption: Option<&'a str>,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    level: &'static str,
    message: &'a str,
    start: Option<u32>,
    end: Option<u32>,
}

impl<'a> CorpusJson<'a> {
    fn of(corpus: &'a Corpus) -> CorpusJson<'a> {
        let entities = &corpus.entities;
        let quotes = corpus
            .quotes
            .iter()
            .map(|q| {
                let doc = &corpus.articles[q.doc as usize].document;
                QuoteJson {
                    document: &doc.file,
                    speaker: q.speaker.map(|i| entities[i].name.clone()),
                    co_speakers: q.co_speakers.iter().map(|&i| entities[i].name.as_str()).collect(),
                    text: q.span.of(&doc.text),
                    start: q.span.start,
                    end: q.span.end,
                    tie: q.tie.as_str(),
                    tie_text: q.tie.span().map(|s| s.of(&doc.text)),
                }
            })
            .collect();
        let facts = parallax_core::facts::align(&corpus.articles, &corpus.claims)
            .into_iter()
            .map(|f| FactJson {
                about: f.about,
                agree: f.agree,
                told_apart_days: f.told_apart,
                claims: f
                    .claims
                    .iter()
                    .map(|&c| {
                        let c = &corpus.claims[c];
                        let doc = &corpus.articles[c.doc as usize].document;
                        ClaimJson {
                            document: &doc.file,
                            text: c.span.of(&doc.text),
                            value: c.value,
                            qualifier: c.qualifier.as_deref(),
                            attributed_to: c.attributed_to.map(|i| entities[i].name.as_str()),
                            sentence: c.sentence.of(&doc.text),
                        }
                    })
                    .collect(),
            })
            .collect();
        CorpusJson {
            quotes,
            facts,
            format_version: FORMAT_VERSION,
            documents: corpus
                .articles
                .iter()
                .map(|a| DocumentJson::of(corpus, a))
                .collect(),
            entities: entities
                .iter()
                .map(|e| {
                    let file = |d: u32| corpus.articles[d as usize].document.file.as_str();
                    EntityJson {
                        kind: e.kind.as_str(),
                        documents: e.documents.iter().map(|&d| file(d)).collect(),
                        labels: e
                            .labels
                            .iter()
                            .map(|(text, d)| LabelJson {
                                text,
                                document: file(*d),
                            })
                            .collect(),
                        name: &e.name,
                        aliases: &e.aliases,
                    }
                })
                .collect(),
        }
    }
}

impl<'a> DocumentJson<'a> {
    fn of(corpus: &'a Corpus, article: &'a Article) -> DocumentJson<'a> {
        let doc = &article.document;
        let text = doc.text.as_str();
        DocumentJson {
            file: &doc.file,
            title: article.title(),
            outlet: article.outlet.map(|i| corpus.outlets[i as usize].name.as_str()),
            outlet_in_text: doc.outlet_in_text(),
            published: article.published.map(|d| d.to_string()),
            dateline: doc.dateline.as_ref().map(|d| DatelineJson {
                place: d.place.of(text),
                outlets: d.outlets.map(|s| s.of(text)),
                date: d.date.map(|d| d.to_string()),
                start: d.span.start,
                end: d.span.end,
            }),
            section: doc.section.map(|s| s.of(text)),
            photo_credits: doc
                .credits
                .iter()
                .map(|c| CreditJson {
                    credit: c.credit.of(text),
                    caption: c.caption.map(|s| s.of(text)),
                })
                .collect(),
            paragraphs: doc.paragraphs.iter().map(|p| p.span.of(text)).collect(),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| DiagnosticJson {
                    level: match d.level {
                        Level::Info => "info",
                        Level::Warning => "warning",
                    },
                    message: &d.message,
                    start: d.span.map(|s| s.start),
                    end: d.span.map(|s| s.end),
                })
                .collect(),
        }
    }
}
