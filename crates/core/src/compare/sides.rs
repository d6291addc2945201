//! The two sides of a comparison: what a side is, the articles it selects, and their body
//! sentences tokenized once.

use serde::Serialize;

use super::SentenceRef;
use crate::corpus::Corpus;
use crate::model::Anchor;
use crate::search::{parse_query, search, ParseOptions, SearchOptions};
use crate::text::tokenize::{tokenize, Token};

/// One side of a comparison, as written in a URL: `outlet:KEY`, `doc:ID`, or a search query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Side {
    Outlet(String),
    Document(String),
    Search(String),
}

impl Side {
    /// Reads `outlet:rt` (an outlet key alone; `outlet:rt protest` is a search),
    /// `doc:001_f2949b16144bae03`, or anything else as a search.
    pub fn parse(spec: &str) -> Side {
        let spec = spec.trim();
        if let Some(key) = spec
            .strip_prefix("outlet:")
            .filter(|k| !k.contains(char::is_whitespace))
        {
            Side::Outlet(key.to_string())
        } else if let Some(id) = spec.strip_prefix("doc:") {
            Side::Document(id.to_string())
        } else {
            Side::Search(spec.to_string())
        }
    }

    /// The URL form; `Side::parse(&s.spec()) == s`.
    pub fn spec(&self) -> String {
        match self {
            Side::Outlet(k) => format!("outlet:{k}"),
            Side::Document(id) => format!("doc:{id}"),
            Side::Search(q) => q.clone(),
        }
    }

    /// The articles on this side, in corpus order, and what went wrong in plain words.
    pub fn documents(&self, corpus: &Corpus) -> (Vec<u32>, Option<String>) {
        match self {
            Side::Outlet(key) => match corpus
                .outlets
                .iter()
                .position(|o| o.key.eq_ignore_ascii_case(key))
            {
                Some(o) => (
                    (0..corpus.articles.len() as u32)
                        .filter(|&d| corpus.articles[d as usize].outlet == Some(o as u32))
                        .collect(),
                    None,
                ),
                None => (
                    Vec::new(),
                    Some(format!("No outlet has the key \u{201C}{key}\u{201D}.")),
                ),
            },
            Side::Document(id) => match corpus.articles.iter().position(|a| a.id() == id) {
                Some(d) => (vec![d as u32], None),
                None => (
                    Vec::new(),
                    Some(format!("No article is called \u{201C}{id}\u{201D}.")),
                ),
            },
            Side::Search(q) => {
                let query = parse_query(q, ParseOptions::default());
                let options = SearchOptions {
                    limit: 0,
                    typo_tolerance: false,
                    facets: false,
                    ..SearchOptions::default()
                };
                let results = search(corpus, &query, options);
                let mut docs = results.ranked;
                docs.sort_unstable();
                let problem = if query.is_blank() {
                    Some("Type words or filters to search for this side.".to_string())
                } else {
                    results.messages.first().cloned()
                };
                (docs, problem)
            }
        }
    }
}

/// The body sentences of a set of articles, each tokenized once: what every panel reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SideText {
    pub sentences: Vec<(SentenceRef, Vec<Token>)>,
}

impl SideText {
    pub fn of(corpus: &Corpus, docs: &[u32]) -> SideText {
        SideText {
            sentences: sentences(corpus, docs).collect(),
        }
    }
}

/// The body sentences of `docs`, each tokenized as it is reached (compound wholes left out):
/// what [`SideText`] keeps, and what term counts read without keeping it.
pub(super) fn sentences<'c>(
    corpus: &'c Corpus,
    docs: &'c [u32],
) -> impl Iterator<Item = (SentenceRef, Vec<Token>)> + 'c {
    docs.iter()
        .filter_map(|&d| Some((d, corpus.articles.get(d as usize)?)))
        .flat_map(|(d, article)| {
            let text = &article.document.text;
            article
                .document
                .paragraphs
                .iter()
                .enumerate()
                .flat_map(move |(p, para)| {
                    para.sentences.iter().enumerate().map(move |(s, sentence)| {
                        let (tokens, _) = tokenize(sentence.of(text), 0);
                        let words = tokens.into_iter().filter(|t| !t.compound).collect();
                        let anchor = Anchor {
                            paragraph: p,
                            sentence: Some(s),
                        };
                        ((d, anchor), words)
                    })
                })
        })
}
