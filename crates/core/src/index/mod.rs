//! The positional inverted index, built once at build time and embedded in the bundle.
//!
//! Two term tables share one layout: **exact** forms and **stems** (see [`crate::text::tokenize`]).
//! Each is a sorted term dictionary beside a parallel list of posting lists, so the dictionary
//! can later be shipped apart from the postings and postings fetched on demand.
//! Posting lists are delta-coded varints, in memory as in the bundle ([`PostingList`]):
//! document numbers as gaps, and within a document the positions as gaps.

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

/// Documents containing a term, with the term's positions in each, as LEB128 varints in one
/// byte string (in memory as in the bundle: a list costs about a byte per number, a quarter of
/// what `u32`s would).
///
/// ```text
/// bytes[..split]   per document: doc gap (the first from 0), frequency, and, when the list has
///                  positions, the byte length of the document's positions
/// bytes[split..]   per document in turn: its positions as gaps (the first from 0)
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingList {
    /// Number of documents.
    docs: u32,
    /// Where the positions start in `bytes` (its length when the list keeps no positions).
    split: u32,
    bytes: Vec<u8>,
}

/// Where one document's positions lie in its posting list (a byte range of the positions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionsAt(std::ops::Range<usize>);

/// Appends `n` as a LEB128 varint.
fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The LEB128 varints of `bytes`, in order. A truncated last number ends the run; bits past
/// 32 are dropped, so damaged bytes give wrong numbers, never a panic.
fn varints(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = *bytes.get(at)?;
        at += 1;
        if first < 0x80 {
            return Some(u32::from(first));
        }
        let (mut n, mut shift) = (u32::from(first & 0x7f), 7u32);
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            shift += 7;
            if b < 0x80 {
                return Some(n);
            }
        }
    })
}

impl PostingList {
    /// Number of documents.
    pub fn doc_freq(&self) -> usize {
        self.docs as usize
    }

    /// Whether the list keeps each document's positions.
    fn has_positions(&self) -> bool {
        (self.split as usize) < self.bytes.len()
    }

    /// `(doc, term frequency, byte length of its positions)` of every posting, in document
    /// order (never more than [`PostingList::doc_freq`], whatever the bytes say).
    fn records(&self) -> impl Iterator<Item = (u32, u32, usize)> + '_ {
        let head = self.bytes.get(..self.split as usize).unwrap_or(&[]);
        let per_doc = if self.has_positions() { 3 } else { 2 };
        let mut numbers = varints(head);
        let mut doc = 0u32;
        std::iter::from_fn(move || {
            doc = doc.wrapping_add(numbers.next()?);
            let freq = numbers.next()?;
            let len = if per_doc == 3 { numbers.next()? } else { 0 };
            Some((doc, freq, len as usize))
        })
        .take(self.docs as usize)
    }

    /// `(doc, term frequency)` of every posting, in document order, without decoding positions.
    pub fn doc_freqs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.records().map(|(doc, freq, _)| (doc, freq))
    }

    /// `(doc, where its positions are)` of every posting, in document order; positions are
    /// decoded only when asked for ([`PostingList::positions`]).
    pub fn doc_entries(&self) -> impl Iterator<Item = (u32, PositionsAt)> + '_ {
        let mut at = self.split as usize;
        self.records().map(move |(doc, _, len)| {
            let entry = PositionsAt(at..at.saturating_add(len));
            at = at.saturating_add(len);
            (doc, entry)
        })
    }

    /// The positions of one document's entry, in order (empty for a table without positions).
    pub fn positions(&self, at: &PositionsAt) -> Vec<u32> {
        let mut pos = 0u32;
        varints(self.bytes.get(at.0.clone()).unwrap_or(&[]))
            .map(|g| {
                pos = pos.wrapping_add(g);
                pos
            })
            .collect()
    }

    /// The list of `(doc, positions)` entries, given in document order, each document's
    /// positions in order; positions are kept only when `keep_positions`.
    fn encode<'a>(entries: impl Iterator<Item = (u32, &'a [u32])>, keep_positions: bool) -> Self {
        let (mut head, mut tail) = (Vec::new(), Vec::new());
        let (mut docs, mut last_doc) = (0u32, 0u32);
        for (doc, positions) in entries {
            put_varint(&mut head, doc - last_doc);
            last_doc = doc;
            docs += 1;
            put_varint(&mut head, positions.len() as u32);
            if keep_positions {
                let start = tail.len();
                let mut prev = 0;
                for &p in positions {
                    put_varint(&mut tail, p - prev);
                    prev = p;
                }
                put_varint(&mut head, (tail.len() - start) as u32);
            }
        }
        let split = head.len() as u32;
        head.extend(tail);
        PostingList {
            docs,
            split,
            bytes: head,
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
            let groups: Vec<(u32, Vec<u32>)> = occ
                .chunk_by(|a, b| a.0 == b.0)
                .map(|group| (group[0].0, group.iter().map(|&(_, p)| p).collect()))
                .collect();
            let entries = groups.iter().map(|(doc, positions)| (*doc, positions.as_slice()));
            table.terms.push(term);
            table.postings.push(PostingList::encode(entries, keep_positions));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents, frequencies and positions come back as they went in, numbers of one to five
    /// varint bytes alike.
    #[test]
    fn posting_lists_give_back_what_was_put_in() {
        let entries: Vec<(u32, Vec<u32>)> = vec![
            (0, vec![0, 1, 127]),
            (3, vec![128]),
            (200, vec![5, 16_384, 2_097_152]),
            (u32::MAX, vec![7, u32::MAX]),
        ];
        let each = || entries.iter().map(|(d, p)| (*d, p.as_slice()));
        for keep in [true, false] {
            let list = PostingList::encode(each(), keep);
            assert_eq!(list.doc_freq(), 4);
            let freqs: Vec<(u32, u32)> = list.doc_freqs().collect();
            let expected: Vec<(u32, u32)> = entries.iter().map(|(d, p)| (*d, p.len() as u32)).collect();
            assert_eq!(freqs, expected);
            let positions: Vec<(u32, Vec<u32>)> = list
                .doc_entries()
                .map(|(doc, at)| (doc, list.positions(&at)))
                .collect();
            if keep {
                assert_eq!(positions, entries);
            } else {
                assert!(positions.iter().all(|(_, p)| p.is_empty()));
            }
        }
    }

    /// Damaged bytes (cut short, split in the wrong place, all high bits) give wrong or fewer
    /// numbers, never a panic.
    #[test]
    fn damaged_posting_lists_never_panic() {
        let good = PostingList::encode([(1, &[1u32, 2][..]), (9, &[300][..])].into_iter(), true);
        let mut damaged = vec![
            PostingList {
                split: 99,
                ..good.clone()
            },
            PostingList {
                bytes: vec![0xff; 12],
                ..good.clone()
            },
        ];
        for cut in 0..good.bytes.len() {
            damaged.push(PostingList {
                bytes: good.bytes[..cut].to_vec(),
                ..good.clone()
            });
        }
        for list in damaged {
            for (_, at) in list.doc_entries() {
                list.positions(&at);
            }
            assert!(list.doc_freqs().count() <= list.doc_freq());
        }
    }
}
