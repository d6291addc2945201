//! The positional inverted index, built once at build time and embedded in the bundle.
//!
//! Two term tables share one layout: **exact** forms and **stems** (see [`crate::text::tokenize`]).
//! Each is a sorted term dictionary beside a parallel list of posting lists, so the dictionary
//! can later be shipped apart from the postings and postings fetched on demand.
//! Posting lists are delta-coded (`u32` varints in the bundle): document numbers as gaps, and
//! within a document the positions as gaps.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::Article;
use crate::text::tokenize::{tokenize, Token};

/// How rare a word is across a corpus: the inverse document frequency of BM25,
/// `ln(1 + (docs − containing + ½) / (containing + ½))`, for a corpus of `docs` documents of
/// which `containing` hold the word. Always positive; near 0 for a word every document holds.
/// Search ranking, fact alignment and passage alignment all weigh words by it.
pub fn rarity(docs: usize, containing: usize) -> f32 {
    let (n, df) = (docs as f32, containing as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The weight of a word two texts share when they are lined up (claims with claims, paragraphs
/// with paragraphs): one more than its [`rarity`], so that a word every document holds still
/// counts a little in a small corpus.
pub fn shared_word_weight(docs: usize, containing: usize) -> f64 {
    1.0 + f64::from(rarity(docs, containing))
}

/// Positions skipped between the indexed segments of a document (headline, paragraphs), so
/// that a phrase never spans two of them.
pub const SEGMENT_GAP: u32 = 4;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Number of word positions per document (for BM25 length normalisation).
    pub doc_lengths: Vec<u32>,
    /// Exact forms, with positions (phrases match exact forms).
    pub exact: TermTable,
    /// Stems, with document frequencies only: nothing needs their positions, and leaving them
    /// out keeps the index about a third smaller.
    pub stems: TermTable,
    /// The mean of `doc_lengths`, worked out on first use (every query needs it).
    #[serde(skip)]
    mean_length: OnFirstUse<f32>,
}

impl SearchIndex {
    /// The mean number of word positions per document (0 when there are none).
    pub fn mean_length(&self) -> f32 {
        *self.mean_length.0.get_or_init(|| {
            let total: u64 = self.doc_lengths.iter().map(|&l| u64::from(l)).sum();
            total as f32 / self.doc_lengths.len().max(1) as f32
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermTable {
    /// Sorted, unique.
    pub terms: Vec<String>,
    /// `postings[i]` belongs to `terms[i]`.
    pub postings: Vec<PostingList>,
    /// Each term's [`word_shape`], worked out on first use (typo correction scans them).
    #[serde(skip)]
    shapes: OnFirstUse<Vec<(u64, usize)>>,
}

/// A value worked out from the rest of its struct on first use: neither stored in the bundle
/// nor compared.
#[derive(Clone, Debug, Default)]
struct OnFirstUse<T>(OnceLock<T>);

impl<T> PartialEq for OnFirstUse<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The set of characters in a word, as bits (`a`–`z` and `0`–`9` each have one, every other
/// character shares one of four by its code point), and its length in characters. An edit
/// changes the length by at most one and the set by at most two bits.
pub fn word_shape(word: &str) -> (u64, usize) {
    word.chars().fold((0u64, 0), |(set, n), c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 4,
        };
        (set | 1 << bit, n + 1)
    })
}

/// Documents containing a term, with the term's positions in each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingList {
    /// Document numbers as gaps from the previous one (the first from 0).
    doc_gaps: Vec<u32>,
    /// Occurrences per document.
    freqs: Vec<u32>,
    /// For each document in turn, its positions as gaps (the first from 0).
    position_gaps: Vec<u32>,
}

/// Where one document's positions lie in its posting list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionsAt(std::ops::Range<usize>);

impl PostingList {
    /// Number of documents.
    pub fn doc_freq(&self) -> usize {
        self.freqs.len()
    }

    /// `(doc, term frequency)` of every posting, in document order, without decoding positions.
    pub fn doc_freqs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut doc = 0u32;
        self.doc_gaps.iter().zip(&self.freqs).map(move |(gap, &freq)| {
            doc += gap;
            (doc, freq)
        })
    }

    /// `(doc, where its positions are)` of every posting, in document order; positions are
    /// decoded only when asked for ([`PostingList::positions`]).
    pub fn doc_entries(&self) -> impl Iterator<Item = (u32, PositionsAt)> + '_ {
        let (mut doc, mut at) = (0u32, 0usize);
        self.doc_gaps.iter().zip(&self.freqs).map(move |(gap, &freq)| {
            doc += gap;
            let entry = PositionsAt(at..at + freq as usize);
            at += freq as usize;
            (doc, entry)
        })
    }

    /// The positions of one document's entry, in order (empty for a table without positions).
    pub fn positions(&self, at: &PositionsAt) -> Vec<u32> {
        let mut pos = 0u32;
        self.position_gaps
            .get(at.0.clone())
            .unwrap_or(&[])
            .iter()
            .map(|g| {
                pos += g;
                pos
            })
            .collect()
    }

    /// Appends a document; its positions are kept only when `keep_positions`.
    fn push(&mut self, last_doc: &mut Option<u32>, doc: u32, positions: &[u32], keep_positions: bool) {
        self.doc_gaps.push(doc - last_doc.unwrap_or(0));
        *last_doc = Some(doc);
        self.freqs.push(positions.len() as u32);
        if keep_positions {
            let mut prev = 0;
            for &p in positions {
                self.position_gaps.push(p - prev);
                prev = p;
            }
        }
    }
}

impl TermTable {
    /// Every term's [`word_shape`], in dictionary order.
    pub fn shapes(&self) -> &[(u64, usize)] {
        self.shapes
            .0
            .get_or_init(|| self.terms.iter().map(|t| word_shape(t)).collect())
    }

    /// The index of `term` in the dictionary.
    pub fn find(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Indices of the terms starting with `prefix` (a contiguous range of the sorted
    /// dictionary).
    pub fn with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }

    /// Builds the table from each term's `(doc, position)` occurrences, given in document
    /// order and, within a document, in position order.
    fn build(occurrences: HashMap<String, Vec<(u32, u32)>>, keep_positions: bool) -> TermTable {
        let mut entries: Vec<(String, Vec<(u32, u32)>)> = occurrences.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut table = TermTable::default();
        for (term, mut occ) in entries {
            occ.dedup();
            let mut list = PostingList::default();
            let mut last_doc = None;
            for group in occ.chunk_by(|a, b| a.0 == b.0) {
                let positions: Vec<u32> = group.iter().map(|&(_, p)| p).collect();
                list.push(&mut last_doc, group[0].0, &positions, keep_positions);
            }
            table.terms.push(term);
            table.postings.push(list);
        }
        table
    }
}

/// The tokens of an article as indexed: headline, then each paragraph, [`SEGMENT_GAP`] apart.
/// Each token comes with the paragraph it belongs to (`None` for the headline).
pub fn article_tokens(article: &Article) -> Vec<(Option<usize>, Token)> {
    let doc = &article.document;
    let mut out = Vec::new();
    let mut next = 0;
    let segments = std::iter::once((None, doc.title)).chain(
        doc.paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (Some(i), Some(p.span))),
    );
    for (paragraph, span) in segments {
        let Some(span) = span else { continue };
        let (tokens, after) = tokenize(span.of(&doc.text), next);
        let base = span.start as usize;
        out.extend(tokens.into_iter().map(|mut t| {
            t.start += base;
            t.end += base;
            (paragraph, t)
        }));
        next = after + SEGMENT_GAP;
    }
    out
}

/// Builds the index over `articles`; document numbers are positions in the slice.
pub fn build_index(articles: &[Article]) -> SearchIndex {
    let mut builder = IndexBuilder::default();
    for article in articles {
        builder.add(article);
    }
    builder.finish()
}

/// The index built one document at a time, so that a caller can pause between documents.
#[derive(Default)]
pub struct IndexBuilder {
    exact: HashMap<String, Vec<(u32, u32)>>,
    stems: HashMap<String, Vec<(u32, u32)>>,
    doc_lengths: Vec<u32>,
}

impl IndexBuilder {
    /// Indexes the next document (its number is how many were added before it).
    pub fn add(&mut self, article: &Article) {
        let doc = self.doc_lengths.len() as u32;
        let tokens = article_tokens(article);
        let length = tokens.iter().filter(|(_, t)| !t.compound).count();
        self.doc_lengths.push(length as u32);
        for (_, t) in tokens {
            self.stems.entry(t.stem).or_default().push((doc, t.position));
            self.exact.entry(t.exact).or_default().push((doc, t.position));
        }
    }

    /// Adds the documents `later` indexed, numbered after these (as if added here, in order).
    pub fn append(&mut self, later: IndexBuilder) {
        if self.doc_lengths.is_empty() {
            *self = later;
            return;
        }
        let offset = self.doc_lengths.len() as u32;
        self.doc_lengths.extend(later.doc_lengths);
        for (mine, theirs) in [(&mut self.exact, later.exact), (&mut self.stems, later.stems)] {
            for (term, postings) in theirs {
                let list = mine.entry(term).or_default();
                list.extend(postings.into_iter().map(|(doc, at)| (doc + offset, at)));
            }
        }
    }

    /// The finished index.
    pub fn finish(self) -> SearchIndex {
        SearchIndex {
            doc_lengths: self.doc_lengths,
            exact: TermTable::build(self.exact, true),
            stems: TermTable::build(self.stems, false),
            mean_length: OnFirstUse::default(),
        }
    }
}
