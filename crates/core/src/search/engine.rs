//! Query evaluation: matching, BM25 ranking, typo correction, facets, passages and the
//! keyword-in-context concordance.
//!
//! **Ranking.** Okapi BM25 with `k1 = 1.2`, `b = 0.75` ([`K1`], [`B`]) over stems, with the
//! term frequency weighted so that exact forms count fully and stem-only matches count
//! [`STEM_ONLY_WEIGHT`]: `tf = exact_tf + 0.5 × (stem_tf − exact_tf)`. A phrase scores as one
//! term whose frequency is its number of occurrences. Prefix terms score their best expansion,
//! at [`PREFIX_WEIGHT`]. Ties go to the newer article, then to file order.

use std::collections::BTreeMap;

use super::filters::{resolve_entities, resolve_outlets};
use super::query::{parse_query, Atom, ParseOptions, Query};
use super::results::{Correction, Hit, Matcher, SearchOptions, SearchResults};
use super::typo::{correct, suggest};
use crate::corpus::Corpus;
use crate::index::{rarity, SearchIndex, TermTable};
use crate::text::tokenize::{joined, stem};

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
pub const STEM_ONLY_WEIGHT: f32 = 0.5;
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Prefix terms expand to at most this many indexed words (the most frequent ones).
pub const MAX_EXPANSIONS: usize = 64;
/// How many of the corpus's most common words [`warm_up_queries`] are made of.
pub const WARM_UP_WORDS: usize = 16;

/// What `window.parallax.search(query, k)` answers, the fastest way to ask: the query read as
/// the search box reads it (the last word also a prefix), with typo correction; only the
/// number of matches and the `k` best are worked out.
pub fn search_top(corpus: &Corpus, input: &str, k: usize) -> SearchResults {
    let query = parse_query(input, ParseOptions { as_you_type: true });
    let options = SearchOptions {
        limit: k,
        suggest: false,
        facets: false,
        rank_all: false,
        ..SearchOptions::default()
    };
    search(corpus, &query, options)
}

/// Queries that get the engine ready for a reader's first ones, which would otherwise pay for
/// one-off work: a few of each kind (a word as typed, a short prefix, two words, a phrase, a
/// misspelling, an exclusion) made of the corpus's own most common words, each once. Answering
/// them (and throwing the answers away) works out the term shapes typo correction screens by,
/// and, in the page, gets the WebAssembly engine to optimise the search code, which it does for
/// code that has run.
pub fn warm_up_queries(corpus: &Corpus) -> Vec<String> {
    let table = &corpus.index.exact;
    let mut common: Vec<usize> = (0..table.terms.len())
        .filter(|&i| table.terms[i].len() >= 6 && table.terms[i].bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let by_docs = |&a: &usize, &b: &usize| {
        let docs = |i: usize| table.postings[i].doc_freq();
        docs(b).cmp(&docs(a)).then(a.cmp(&b))
    };
    if common.len() > WARM_UP_WORDS {
        common.select_nth_unstable_by(WARM_UP_WORDS, by_docs);
        common.truncate(WARM_UP_WORDS);
    }
    common.sort_unstable_by(by_docs);
    let words: Vec<&str> = common.iter().map(|&i| table.terms[i].as_str()).collect();
    let mut queries: Vec<String> = Vec::new();
    for (n, &word) in words.iter().enumerate() {
        let next = words[(n + 1) % words.len()];
        let mut slip: Vec<char> = word.chars().collect();
        slip.swap(2, 3);
        for q in [
            word.to_string(),
            word[..3].to_string(),
            format!("{word} {next}"),
            format!("\"{word} {next}\""),
            slip.into_iter().collect(),
            format!("{word} -{next}"),
        ] {
            if !queries.contains(&q) {
                queries.push(q);
            }
        }
    }
    queries
}

/// Runs a parsed query over the corpus.
pub fn search(corpus: &Corpus, query: &Query, options: SearchOptions) -> SearchResults {
    let index = &corpus.index;
    let n_docs = index.doc_lengths.len();
    let mut results = SearchResults {
        messages: query.messages.clone(),
        ..SearchResults::default()
    };
    let entity_docs = resolve_entities(corpus, &query.entities, &mut results);
    if query.is_blank() || n_docs == 0 {
        return results;
    }
    let bm25 = Bm25 {
        n_docs,
        avg_len: index.mean_length().max(1.0),
        lengths: &index.doc_lengths,
    };
    // Entity filters alone rank the articles naming the entity by how often they do; outlet
    // and date filters alone select every article they let through, newest first.
    let mut scores: Option<Vec<(u32, f32)>> = entity_docs.map(|counts| {
        let alone = query.is_empty();
        counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(doc, &n)| (doc as u32, if alone { n as f32 } else { 0.0 }))
            .collect()
    });
    for clause in &query.clauses {
        let mut clause_scores: Vec<(u32, f32)> = Vec::new();
        for atom in clause {
            let atom_scores = score_atom(index, &bm25, atom, options, &mut results);
            clause_scores = union_sum(&clause_scores, &atom_scores);
        }
        scores = Some(match scores {
            Some(total) => intersect_sum(&total, &clause_scores),
            None => clause_scores,
        });
    }
    // With neither words nor an entity, the outlet and date filters below do the selecting.
    let mut scores = scores.unwrap_or_else(|| (0..n_docs as u32).map(|d| (d, 0.0)).collect());
    // An excluded word is taken as typed: no correction, no suggestion.
    let literal = SearchOptions {
        typo_tolerance: false,
        ..options
    };
    for atom in &query.excluded {
        let mut scratch = SearchResults::default();
        let mut out = score_atom(index, &bm25, atom, literal, &mut scratch)
            .into_iter()
            .peekable();
        scores.retain(|&(doc, _)| {
            while out.next_if(|&(d, _)| d < doc).is_some() {}
            out.peek().is_none_or(|&(d, _)| d != doc)
        });
    }
    let outlets = resolve_outlets(corpus, &query.outlets, &mut results.messages);
    let in_outlet = |doc: usize| {
        outlets
            .as_ref()
            .is_none_or(|o| o.contains(&corpus.articles[doc].outlet))
    };
    let dated = query.after.is_some() || query.before.is_some();
    let in_dates = |doc: usize| {
        !dated
            || corpus.articles[doc]
                .published
                .is_some_and(|d| query.after.is_none_or(|a| d >= a) && query.before.is_none_or(|b| d <= b))
    };
    let mut outlet_counts: BTreeMap<Option<u32>, usize> = BTreeMap::new();
    let mut month_counts: BTreeMap<Option<(u16, u8)>, usize> = BTreeMap::new();
    let mut matched: Vec<(u32, f32)> = Vec::with_capacity(scores.len());
    for (doc, score) in scores {
        let (o, d) = (in_outlet(doc as usize), in_dates(doc as usize));
        if options.facets {
            let article = &corpus.articles[doc as usize];
            if d {
                *outlet_counts.entry(article.outlet).or_default() += 1;
            }
            if o {
                *month_counts
                    .entry(article.published.map(|p| (p.year, p.month)))
                    .or_default() += 1;
            }
        }
        if o && d {
            matched.push((doc, score));
        }
    }
    let order = |a: &(u32, f32), b: &(u32, f32)| {
        let date = |d: u32| corpus.articles[d as usize].published;
        b.1.total_cmp(&a.1)
            .then_with(|| date(b.0).cmp(&date(a.0)))
            .then(a.0.cmp(&b.0))
    };
    results.total = matched.len();
    let wanted = options.offset.saturating_add(options.limit);
    if !options.rank_all && wanted < matched.len() {
        // Only the requested page needs an order: select it, then sort just that.
        if wanted > 0 {
            matched.select_nth_unstable_by(wanted - 1, order);
        }
        matched.truncate(wanted);
    }
    matched.sort_unstable_by(order);
    results.ranked = matched.iter().map(|&(d, _)| d).collect();
    results.outlet_facets = outlet_counts.into_iter().collect();
    results
        .outlet_facets
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    results.month_facets = month_counts.into_iter().collect();
    results.hits = matched
        .iter()
        .skip(options.offset)
        .take(options.limit)
        .map(|&(doc, score)| Hit { doc, score })
        .collect();
    results
}

/// Two score lists sorted by document, merged: every document of either, scores added.
fn union_sum(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    if a.is_empty() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Two score lists sorted by document, intersected: the documents of both, scores added.
fn intersect_sum(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(short.len());
    let mut rest = long;
    for &(doc, s) in short {
        // Gallop: the long list is skipped through, not walked.
        let at = rest.partition_point(|&(d, _)| d < doc);
        rest = &rest[at..];
        match rest.first() {
            Some(&(d, t)) if d == doc => {
                out.push((doc, s + t));
                rest = &rest[1..];
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

struct Bm25<'a> {
    n_docs: usize,
    avg_len: f32,
    lengths: &'a [u32],
}

impl Bm25<'_> {
    fn idf(&self, doc_freq: usize) -> f32 {
        rarity(self.n_docs, doc_freq)
    }

    fn score(&self, idf: f32, tf: f32, doc: u32) -> f32 {
        let len = self.lengths[doc as usize] as f32;
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len))
    }
}

/// `(doc, term frequency)` pairs of a term, without positions.
fn doc_freqs(table: &TermTable, term: &str) -> Vec<(u32, u32)> {
    table
        .find(term)
        .map(|i| table.postings[i].doc_freqs().collect())
        .unwrap_or_default()
}

/// Scores of the documents an atom matches; records what it matched in `results.matcher`.
fn score_atom(
    index: &SearchIndex,
    bm25: &Bm25,
    atom: &Atom,
    options: SearchOptions,
    results: &mut SearchResults,
) -> Vec<(u32, f32)> {
    match atom {
        Atom::Term { word, prefix } => {
            let mut scores = score_term(index, bm25, word, &mut results.matcher);
            if options.typo_tolerance && options.suggest && !scores.is_empty() {
                suggest(&index.exact, word, scores.len(), &mut results.suggestions);
            }
            let mut word = std::borrow::Cow::Borrowed(word);
            let expandable = *prefix && !index.exact.with_prefix(&word).is_empty();
            if scores.is_empty() && !expandable && options.typo_tolerance {
                if let Some(to) = correct(&index.exact, &word, |_, _| true) {
                    scores = score_term(index, bm25, &to, &mut results.matcher);
                    results.corrections.push(Correction {
                        from: word.into_owned(),
                        to: to.clone(),
                    });
                    word = std::borrow::Cow::Owned(to);
                }
            }
            if *prefix {
                for i in expand_prefix(&index.exact, &word) {
                    let list = &index.exact.postings[i];
                    let idf = bm25.idf(list.doc_freq());
                    results.matcher.exact.insert(index.exact.terms[i].clone());
                    scores.extend(
                        list.doc_freqs()
                            .map(|(doc, tf)| (doc, PREFIX_WEIGHT * bm25.score(idf, tf as f32, doc))),
                    );
                }
                scores = best_per_doc(scores, bm25.lengths.len());
            }
            scores
        }
        Atom::Phrase(words) if words.len() == 1 => {
            let list = doc_freqs(&index.exact, &words[0]);
            let idf = bm25.idf(list.len());
            results.matcher.exact.insert(words[0].clone());
            list.into_iter()
                .map(|(doc, tf)| (doc, bm25.score(idf, tf as f32, doc)))
                .collect()
        }
        Atom::Phrase(words) => {
            let occurrences = phrase_occurrences(&index.exact, words);
            if !occurrences.is_empty() {
                results.matcher.exact.extend(words.iter().cloned());
            }
            let idf = bm25.idf(occurrences.len());
            occurrences
                .into_iter()
                .map(|(doc, n)| (doc, bm25.score(idf, n as f32, doc)))
                .collect()
        }
    }
}

/// The best score of each document in `scores` (in any order), sorted by document.
fn best_per_doc(mut scores: Vec<(u32, f32)>, n_docs: usize) -> Vec<(u32, f32)> {
    if scores.len() < n_docs / 8 {
        scores.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        scores.dedup_by_key(|e| e.0);
        return scores;
    }
    // Many scores: one slot per document beats sorting them.
    let mut best = vec![f32::NEG_INFINITY; n_docs];
    for (doc, s) in scores {
        let slot = &mut best[doc as usize];
        *slot = slot.max(s);
    }
    best.into_iter()
        .enumerate()
        .filter(|(_, s)| *s > f32::NEG_INFINITY)
        .map(|(doc, s)| (doc as u32, s))
        .collect()
}

/// BM25 of one word over stems, with exact forms weighted above stem-only matches.
fn score_term(index: &SearchIndex, bm25: &Bm25, word: &str, matcher: &mut Matcher) -> Vec<(u32, f32)> {
    // A hyphenated word is matched as written, not by stem (`re-sign` is not `resigned`).
    // Every `e-mail` in the articles is also indexed as `email`: the joined form finds both.
    let literal = word.contains('-');
    let joined = joined(word);
    let word = joined.as_deref().unwrap_or(word);
    let stem_of = (!literal).then(|| stem(word));
    let by_stem = stem_of
        .as_ref()
        .map(|s| doc_freqs(&index.stems, s))
        .unwrap_or_default();
    let by_exact = doc_freqs(&index.exact, word);
    if by_stem.is_empty() && by_exact.is_empty() {
        return Vec::new();
    }
    matcher.exact.insert(word.to_string());
    matcher.stems.extend(stem_of);
    let idf = bm25.idf(by_stem.len().max(by_exact.len()));
    let mut exact_iter = by_exact.iter().peekable();
    let mut out = Vec::with_capacity(by_stem.len().max(by_exact.len()));
    let stem_docs = if by_stem.is_empty() { &by_exact } else { &by_stem };
    for &(doc, freq) in stem_docs {
        while exact_iter.peek().is_some_and(|e| e.0 < doc) {
            exact_iter.next();
        }
        let exact_tf = exact_iter.peek().filter(|e| e.0 == doc).map_or(0, |e| e.1) as f32;
        let stem_tf = (freq as f32).max(exact_tf);
        let tf = exact_tf + STEM_ONLY_WEIGHT * (stem_tf - exact_tf);
        out.push((doc, bm25.score(idf, tf, doc)));
    }
    out
}

/// Documents where the words occur at consecutive positions, with the number of occurrences.
/// Positions are decoded only for the documents that contain every word.
fn phrase_occurrences(table: &TermTable, words: &[String]) -> Vec<(u32, usize)> {
    let mut lists = Vec::with_capacity(words.len());
    for word in words {
        let Some(i) = table.find(word) else {
            return Vec::new();
        };
        let list = &table.postings[i];
        lists.push((list, list.doc_entries().collect::<Vec<_>>()));
    }
    let Some(((first_list, first), rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    'docs: for (doc, at) in first {
        let mut others = Vec::with_capacity(rest.len());
        for (list, entries) in rest {
            match entries.binary_search_by_key(doc, |e| e.0) {
                Ok(i) => others.push(list.positions(&entries[i].1)),
                Err(_) => continue 'docs,
            }
        }
        let n = first_list
            .positions(at)
            .iter()
            .filter(|&&start| {
                others
                    .iter()
                    .enumerate()
                    .all(|(k, positions)| positions.binary_search(&(start + k as u32 + 1)).is_ok())
            })
            .count();
        if n > 0 {
            out.push((*doc, n));
        }
    }
    out
}

/// The most frequent indexed words starting with `prefix`, excluding the prefix itself, as
/// indices of the table.
fn expand_prefix(table: &TermTable, prefix: &str) -> Vec<usize> {
    let mut range: Vec<usize> = table
        .with_prefix(prefix)
        .filter(|&i| table.terms[i] != prefix)
        .collect();
    // Ties in dictionary order; a short prefix has hundreds of words: only the kept are sorted.
    let by_docs = |&i: &usize| (std::cmp::Reverse(table.postings[i].doc_freq()), i);
    if range.len() > MAX_EXPANSIONS {
        range.select_nth_unstable_by_key(MAX_EXPANSIONS - 1, by_docs);
        range.truncate(MAX_EXPANSIONS);
    }
    range.sort_unstable_by_key(by_docs);
    range
}
