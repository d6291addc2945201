//! Two single articles lined up paragraph by paragraph: pairs about the same thing,
//! omissions, and text both share nearly word for word.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::words::stopwords;
use crate::corpus::Corpus;
use crate::index::{article_tokens, shared_word_weight};
use crate::model::Span;
use crate::text::tokenize::{tokenize, Token};

/// Two articles' paragraphs lined up: pairs about the same thing, paragraphs only one side
/// has, and text both share nearly word for word.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PassageAlignment {
    /// `(paragraph of A, paragraph of B, similarity 0–1, shared words)`, in A's order.
    pub pairs: Vec<(usize, usize, f64, Vec<String>)>,
    /// Paragraphs with no counterpart on the other side.
    pub only: [Vec<usize>; 2],
    /// Runs of at least [`REUSE_WORDS`] words both texts share: byte spans in A and in B.
    pub reused: Vec<(Span, Span)>,
}

/// Paragraph pairs below this similarity are not about the same thing.
pub const MIN_SIMILARITY: f64 = 0.12;
/// Shared runs of this many words or more count as reused text.
pub const REUSE_WORDS: usize = 8;

/// Lines up the paragraphs of documents `a` and `b`. Similarity is the cosine of their sets
/// of content-word stems, each weighted by its rarity in the corpus
/// ([`shared_word_weight`]); pairs are taken best first, each paragraph in at most one pair.
pub fn align_passages(corpus: &Corpus, a: u32, b: u32) -> PassageAlignment {
    let (Some(da), Some(db)) = (corpus.articles.get(a as usize), corpus.articles.get(b as usize)) else {
        return PassageAlignment::default();
    };
    let idf = |stem: &str| {
        let df = corpus
            .index
            .stems
            .find(stem)
            .map_or(0, |i| corpus.index.stems.postings[i].doc_freq());
        shared_word_weight(corpus.articles.len(), df)
    };
    let stop = stopwords();
    let bags = |doc: &crate::model::Document| -> Vec<BTreeMap<String, String>> {
        doc.paragraphs
            .iter()
            .map(|p| {
                let (tokens, _) = tokenize(p.span.of(&doc.text), 0);
                tokens
                    .into_iter()
                    .filter(|t| {
                        !t.compound
                            && !stop.contains(t.exact.as_str())
                            && t.exact.chars().any(char::is_alphabetic)
                    })
                    .map(|t| (t.stem, t.exact))
                    .collect()
            })
            .collect()
    };
    let (ba, bb) = (bags(&da.document), bags(&db.document));
    let norm = |bag: &BTreeMap<String, String>| bag.keys().map(|s| idf(s).powi(2)).sum::<f64>().sqrt();
    let (na, nb): (Vec<f64>, Vec<f64>) = (ba.iter().map(norm).collect(), bb.iter().map(norm).collect());
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in ba.iter().enumerate() {
        for (j, y) in bb.iter().enumerate() {
            let dot: f64 = x
                .keys()
                .filter(|s| y.contains_key(*s))
                .map(|s| idf(s).powi(2))
                .sum();
            let sim = dot / (na[i] * nb[j]).max(f64::MIN_POSITIVE);
            if sim >= MIN_SIMILARITY {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let (mut used_a, mut used_b) = (vec![false; ba.len()], vec![false; bb.len()]);
    let mut pairs = Vec::new();
    for (sim, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let mut shared: Vec<(f64, String)> = ba[i]
            .iter()
            .filter(|(s, _)| bb[j].contains_key(*s))
            .map(|(s, exact)| (idf(s), exact.clone()))
            .collect();
        shared.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(&q.1)));
        pairs.push((i, j, sim, shared.into_iter().take(8).map(|(_, w)| w).collect()));
    }
    pairs.sort_by_key(|p| p.0);
    let only = [
        (0..ba.len()).filter(|&i| !used_a[i]).collect(),
        (0..bb.len()).filter(|&j| !used_b[j]).collect(),
    ];
    PassageAlignment {
        pairs,
        only,
        reused: reused_runs(da, db),
    }
}

/// Runs of at least [`REUSE_WORDS`] consecutive words (folded) that both articles' bodies
/// contain, as byte spans in each; each run of A reported once.
fn reused_runs(a: &crate::model::Article, b: &crate::model::Article) -> Vec<(Span, Span)> {
    let words = |article: &crate::model::Article| -> Vec<Token> {
        article_tokens(article)
            .into_iter()
            .filter(|(paragraph, t)| paragraph.is_some() && !t.compound)
            .map(|(_, t)| t)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.len() < REUSE_WORDS || wb.len() < REUSE_WORDS {
        return Vec::new();
    }
    let mut starts: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    for j in 0..=wb.len() - REUSE_WORDS {
        let key: Vec<&str> = wb[j..j + REUSE_WORDS].iter().map(|t| t.exact.as_str()).collect();
        starts.entry(key).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + REUSE_WORDS <= wa.len() {
        let key: Vec<&str> = wa[i..i + REUSE_WORDS].iter().map(|t| t.exact.as_str()).collect();
        let Some(&j) = starts.get(&key).and_then(|js| js.first()) else {
            i += 1;
            continue;
        };
        let mut len = REUSE_WORDS;
        while i + len < wa.len() && j + len < wb.len() && wa[i + len].exact == wb[j + len].exact {
            len += 1;
        }
        out.push((
            Span::new(wa[i].start, wa[i + len - 1].end),
            Span::new(wb[j].start, wb[j + len - 1].end),
        ));
        i += len;
    }
    out
}
