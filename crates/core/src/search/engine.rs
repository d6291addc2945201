//! Query evaluation: matching, BM25 ranking, typo correction, facets, passages and the
//! keyword-in-context concordance.
//!
//! **Ranking.** Okapi BM25 with `k1 = 1.2`, `b = 0.75` ([`K1`], [`B`]) over stems, with the
//! term frequency weighted so that exact forms count fully and stem-only matches count
//! [`STEM_ONLY_WEIGHT`]: `tf = exact_tf + 0.5 × (stem_tf − exact_tf)`. A phrase scores as one
//! term whose frequency is its number of occurrences. Prefix terms score their best expansion,
//! at [`PREFIX_WEIGHT`]. Ties go to the newer article, then to file order.

use std::collections::{BTreeMap, HashSet};

use super::query::{parse_query, Atom, ParseOptions, Query};
use crate::corpus::Corpus;
use crate::entities::find_entities;
use crate::index::{article_tokens, word_shape, SearchIndex, TermTable};
use crate::model::{Date, Span};
use crate::text::distance::{bounded_distance, is_swap};
use crate::text::tokenize::{fold, joined, stem, Token};

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
pub const STEM_ONLY_WEIGHT: f32 = 0.5;
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Prefix terms expand to at most this many indexed words (the most frequent ones).
pub const MAX_EXPANSIONS: usize = 64;
/// A word of 6 or more letters found in at most this many articles may be a misspelling the
/// articles share, or match only by a shared stem (`goverment`, stem `gover`, finds one
/// `governess`): a word one slip away (a letter left out or added, or two neighbours swapped),
/// of another stem, that is in [`SUGGEST_RATIO`] times as many articles is suggested, not
/// applied. A letter left out or added at the end is not suggested: it mostly makes another
/// word (`brandy`, `brand`).
pub const SUGGEST_BELOW: usize = 5;
pub const SUGGEST_RATIO: usize = 20;
/// How many of the corpus's most common words [`warm_up_queries`] are made of.
pub const WARM_UP_WORDS: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// First hit of the page to return, and the page size.
    pub offset: usize,
    pub limit: usize,
    /// Correct misspelt terms that match nothing.
    pub typo_tolerance: bool,
    /// With `typo_tolerance`, also suggest a far more common spelling for rare words
    /// ([`SearchResults::suggestions`]).
    pub suggest: bool,
    /// Count matches per outlet and per month.
    pub facets: bool,
    /// Rank every match into [`SearchResults::ranked`]; otherwise only up to the requested
    /// page, which is faster when there are many matches.
    pub rank_all: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            offset: 0,
            limit: 10,
            typo_tolerance: true,
            suggest: true,
            facets: true,
            rank_all: true,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Number of matching documents.
    pub total: usize,
    /// Matching documents, best first: all of them, or with [`SearchOptions::rank_all`] off
    /// those up to the end of the requested page.
    pub ranked: Vec<u32>,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Matching documents per outlet (`None`: unknown outlet), ignoring any outlet filter
    /// (empty unless [`SearchOptions::facets`]).
    pub outlet_facets: Vec<(Option<u32>, usize)>,
    /// Matching documents per month (`None`: unknown date), ignoring any date filter (empty
    /// unless [`SearchOptions::facets`]).
    pub month_facets: Vec<(Option<(u16, u8)>, usize)>,
    /// Misspelt words replaced by the nearest indexed word.
    pub corrections: Vec<Correction>,
    /// Rare words with a far more common spelling nearby, offered (`Did you mean …?`), not
    /// applied.
    pub suggestions: Vec<Suggestion>,
    /// What the query parser and evaluator could not use, in plain words.
    pub messages: Vec<String>,
    /// What the query matched, for highlighting and the concordance.
    pub matcher: Matcher,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub from: String,
    pub to: String,
}

/// A rare word, the number of articles it matches, and a far more common word a slip away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub from: String,
    pub from_docs: usize,
    pub to: String,
}

/// A ranked document. Its passage is computed on demand ([`best_passage`]), only for the hits
/// a page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

/// The best-matching sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// 0 = the headline; `i + 1` = paragraph `i`.
    pub segment: usize,
    /// Sentence index within the paragraph (0 for the headline).
    pub sentence: usize,
    /// The passage, a byte range of the document text (clipped around the first match when the
    /// sentence is long).
    pub span: Span,
    pub clipped_start: bool,
    pub clipped_end: bool,
    /// Matched words inside `span`, as byte ranges of the document text.
    pub highlights: Vec<Span>,
}

/// Which words count as matches: folded exact forms and stems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matcher {
    pub exact: HashSet<String>,
    pub stems: HashSet<String>,
}

impl Matcher {
    fn matches(&self, exact: &str, stem: &str) -> bool {
        self.exact.contains(exact) || self.stems.contains(stem)
    }
}

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
        n_docs: n_docs as f32,
        avg_len: index.mean_length().max(1.0),
        lengths: &index.doc_lengths,
    };
    // Entity filters alone rank the articles naming the entity by how often they do.
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
    // Not blank, so there was a clause or an entity filter.
    let mut scores = scores.unwrap_or_default();
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
    n_docs: f32,
    avg_len: f32,
    lengths: &'a [u32],
}

impl Bm25<'_> {
    fn idf(&self, doc_freq: usize) -> f32 {
        let df = doc_freq as f32;
        (1.0 + (self.n_docs - df + 0.5) / (df + 0.5)).ln()
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

/// Records a suggestion for `word` when it matches (in any form) at most [`SUGGEST_BELOW`]
/// articles, `df`, and a word [`SUGGEST_RATIO`] times as common is one slip away.
fn suggest(table: &TermTable, word: &str, df: usize, suggestions: &mut Vec<Suggestion>) {
    if df > SUGGEST_BELOW || word.chars().count() < 6 || suggestions.iter().any(|s| s.from == word) {
        return;
    }
    let own_stem = stem(word);
    let likelier = |term: &str, docs: usize| {
        docs >= df * SUGGEST_RATIO
            && is_slip(word, term)
            && !term.starts_with(word)
            && !word.starts_with(term)
            && stem(term) != own_stem
    };
    if let Some(to) = correct(table, word, likelier) {
        suggestions.push(Suggestion {
            from: word.to_string(),
            from_docs: df,
            to,
        });
    }
}

/// One typing slip apart: a letter left out or added, or two neighbouring letters swapped.
/// (A changed letter is left out: it too often makes another real word, butter and better.)
fn is_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => is_swap(short, long),
        1 => {
            let same = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
            short[same..] == long[same + 1..]
        }
        _ => false,
    }
}

/// The nearest other indexed word that `accept(word, its number of articles)` takes, within
/// the edit distance allowed for the word's length (none up to 4 characters, 1 up to 8, 2
/// beyond), two neighbouring letters swapped counting as one edit (`bealrus`, `belarus`), as
/// they are one slip to a typist; ties (a swap and a changed letter alike) go to the more
/// frequent word. Only
/// words with the same first letter are considered (typos rarely hit the first letter, and the
/// sorted dictionary makes that range cheap); words with digits or hyphens are never corrected.
fn correct(table: &TermTable, word: &str, accept: impl Fn(&str, usize) -> bool) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let allowed = match chars.len() {
        0..=4 => return None,
        5..=8 => 1,
        _ => 2,
    };
    if word.contains(|c: char| c.is_ascii_digit() || c == '-') {
        return None;
    }
    let first = &word[..chars[0].len_utf8()];
    let pattern = BitPattern::new(&chars);
    let mut scratch = (Vec::new(), Vec::new(), Vec::new());
    let mut best: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
    let (letters, length) = word_shape(word);
    let shapes = table.shapes();
    for i in table.with_prefix(first) {
        // Cheap necessary conditions first: an edit changes the length by at most one
        // character, and adds or drops at most one character of each set.
        let (term_letters, term_length) = shapes[i];
        if term_length.abs_diff(length) > allowed
            || (term_letters ^ letters).count_ones() as usize > 2 * allowed
        {
            continue;
        }
        let term = &table.terms[i];
        if term == word || !accept(term, table.postings[i].doc_freq()) {
            continue;
        }
        let swapped = (term_letters, term_length) == (letters, length)
            && is_swap(&chars, &term.chars().collect::<Vec<_>>());
        let distance = match &pattern {
            _ if swapped => Some(1),
            Some(p) => p.distance(term, allowed),
            None => bounded_distance(&chars, term, allowed, &mut scratch),
        };
        if let Some(d) = distance {
            let key = (d, std::cmp::Reverse(table.postings[i].doc_freq()), i);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
    }
    best.map(|(_, _, i)| table.terms[i].clone())
}

/// A word of at most 64 characters, prepared for Myers' bit-parallel edit distance (as
/// formulated by Hyyrö, 2001): one column of the distance table is two `u64`s, so a term costs
/// a few operations per character.
struct BitPattern {
    /// For each character of the word, the bits of the positions where it occurs.
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
    len: usize,
}

impl BitPattern {
    /// `None` for an empty word or one over 64 characters.
    fn new(word: &[char]) -> Option<BitPattern> {
        if word.is_empty() || word.len() > 64 {
            return None;
        }
        let mut p = BitPattern {
            ascii: [0; 128],
            other: Vec::new(),
            len: word.len(),
        };
        for (i, &c) in word.iter().enumerate() {
            match p.ascii.get_mut(c as usize) {
                Some(bits) => *bits |= 1 << i,
                None => match p.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, bits)) => *bits |= 1 << i,
                    None => p.other.push((c, 1 << i)),
                },
            }
        }
        Some(p)
    }

    fn occurrences(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&bits) => bits,
            None => self.other.iter().find(|(o, _)| *o == c).map_or(0, |&(_, b)| b),
        }
    }

    /// Levenshtein distance between the word and `text` if it is at most `max`.
    fn distance(&self, text: &str, max: usize) -> Option<usize> {
        let last = 1u64 << (self.len - 1);
        let (mut pv, mut mv) = (u64::MAX, 0u64);
        let mut score = self.len;
        let mut left = text.chars().count();
        for c in text.chars() {
            let eq = self.occurrences(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // Row 0 of the table grows by one per character of the text.
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            left -= 1;
            // Each remaining character lowers the score by at most one.
            if score > max + left {
                return None;
            }
        }
        (score <= max).then_some(score)
    }
}

/// For `entity:` filters, the mentions per document of the entities they name (0 where a
/// document lacks one of them); `None` when there is no entity filter. The names' words join
/// the matcher, so passages and the concordance show the entity.
fn resolve_entities(corpus: &Corpus, names: &[String], results: &mut SearchResults) -> Option<Vec<usize>> {
    if names.is_empty() {
        return None;
    }
    let mut counts = vec![0usize; corpus.articles.len()];
    let mut named = vec![0usize; corpus.articles.len()];
    for name in names {
        let found = find_entities(&corpus.entities, name);
        if found.is_empty() {
            results.messages.push(format!(
                "No entity is called \u{201C}{name}\u{201D}; see the Entities page for the names found."
            ));
        }
        let mut docs: Vec<u32> = Vec::new();
        for &e in &found {
            for alias in &corpus.entities[e].aliases {
                let single = !alias.contains(' ');
                let words = alias
                    .split_whitespace()
                    .filter(|w| single || w.starts_with(char::is_uppercase));
                results.matcher.exact.extend(words.map(fold));
            }
            for m in &corpus.entities[e].mentions {
                counts[m.doc as usize] += 1;
                docs.push(m.doc);
            }
        }
        docs.sort_unstable();
        docs.dedup();
        for d in docs {
            named[d as usize] += 1;
        }
    }
    for (c, n) in counts.iter_mut().zip(named) {
        if n < names.len() {
            *c = 0;
        }
    }
    Some(counts)
}

/// Outlet indices named by `outlet:` filters (key or name, ignoring case); `None` when there
/// is no outlet filter.
fn resolve_outlets(
    corpus: &Corpus,
    names: &[String],
    messages: &mut Vec<String>,
) -> Option<Vec<Option<u32>>> {
    if names.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for name in names {
        let wanted = name.to_lowercase();
        let found: Vec<Option<u32>> = corpus
            .outlets
            .iter()
            .enumerate()
            .filter(|(_, o)| o.key.to_lowercase() == wanted || o.name.to_lowercase() == wanted)
            .map(|(i, _)| Some(i as u32))
            .collect();
        if found.is_empty() {
            let known: Vec<&str> = corpus.outlets.iter().map(|o| o.key.as_str()).collect();
            messages.push(format!(
                "No outlet is called \u{201C}{name}\u{201D}; outlets here: {}.",
                known.join(", ")
            ));
        }
        out.extend(found);
    }
    Some(out)
}

/// The tokens `matcher` matches, in order: a hyphenated word matched whole (`Russia-led`) once,
/// without its parts; otherwise its matched parts.
fn matched_tokens<'t>(tokens: &'t [(usize, Token)], matcher: &Matcher) -> Vec<&'t (usize, Token)> {
    let mut out = Vec::new();
    let mut covered_until = 0;
    for entry in tokens {
        let t = &entry.1;
        if t.start < covered_until || !matcher.matches(&t.exact, &t.stem) {
            continue;
        }
        if t.compound {
            covered_until = t.end;
        }
        out.push(entry);
    }
    out
}

/// Longest passage shown before it is clipped around its first match, in bytes.
const MAX_PASSAGE: usize = 320;

/// The sentence (or headline) with the most distinct matched words; the earliest on ties.
pub fn best_passage(corpus: &Corpus, doc: u32, matcher: &Matcher) -> Passage {
    let article = &corpus.articles[doc as usize];
    let d = &article.doc;
    let tokens = article_tokens(article);
    let sentence_of = |segment: usize, at: usize| -> (usize, Span) {
        if segment == 0 {
            return (0, d.title.unwrap_or_default());
        }
        let p = &d.paragraphs[segment - 1];
        let i = p
            .sentences
            .iter()
            .rposition(|s| (s.start as usize) <= at)
            .unwrap_or(0);
        (i, p.sentences.get(i).copied().unwrap_or(p.span))
    };
    let mut best: Option<(usize, usize, usize, Span)> = None; // (distinct, segment, sentence, span)
    let mut current: Option<(usize, usize, Span, HashSet<&str>)> = None;
    let mut consider = |c: &Option<(usize, usize, Span, HashSet<&str>)>| {
        if let Some((segment, sentence, span, words)) = c {
            if best.as_ref().is_none_or(|b| words.len() > b.0) {
                best = Some((words.len(), *segment, *sentence, *span));
            }
        }
    };
    let matched = matched_tokens(&tokens, matcher);
    for (segment, t) in matched.iter().copied() {
        let (sentence, span) = sentence_of(*segment, t.start);
        if !current
            .as_ref()
            .is_some_and(|c| c.0 == *segment && c.1 == sentence)
        {
            consider(&current);
            current = Some((*segment, sentence, span, HashSet::new()));
        }
        if let Some(c) = current.as_mut() {
            c.3.insert(t.stem.as_str());
        }
    }
    consider(&current);
    let (segment, sentence, span) = match best {
        Some((_, seg, sen, span)) => (seg, sen, span),
        None => match d.paragraphs.first() {
            Some(p) => (1, 0, p.sentences.first().copied().unwrap_or(p.span)),
            None => (0, 0, d.title.unwrap_or_default()),
        },
    };
    let highlights: Vec<Span> = matched
        .iter()
        .filter(|(_, t)| t.start >= span.start as usize && t.end <= span.end as usize)
        .map(|(_, t)| Span::new(t.start, t.end))
        .collect();
    clip(&d.text, segment, sentence, span, highlights)
}

/// Clips a long passage to about [`MAX_PASSAGE`] bytes around its first highlight, at word
/// boundaries.
fn clip(text: &str, segment: usize, sentence: usize, span: Span, highlights: Vec<Span>) -> Passage {
    let (mut start, mut end) = (span.start as usize, span.end as usize);
    let (mut clipped_start, mut clipped_end) = (false, false);
    if end - start > MAX_PASSAGE {
        let anchor = highlights.first().map_or(start, |h| h.start as usize);
        let mut from = anchor.saturating_sub(MAX_PASSAGE / 3).max(start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > start {
            let at = text[from..end].find(' ').map_or(from, |i| from + i + 1);
            start = at.min(anchor);
            clipped_start = true;
        }
        let to = (start + MAX_PASSAGE).min(end);
        if to < end {
            let mut to = to;
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            end = text[start..to].rfind(' ').map_or(to, |i| start + i);
            clipped_end = true;
        }
    }
    let highlights = highlights
        .into_iter()
        .filter(|h| h.start as usize >= start && h.end as usize <= end)
        .collect();
    Passage {
        segment,
        sentence,
        span: Span::new(start, end),
        clipped_start,
        clipped_end,
        highlights,
    }
}

/// One line of a keyword-in-context concordance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub doc: u32,
    /// 0 = headline; `i + 1` = paragraph `i`.
    pub segment: usize,
    pub sentence: usize,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// Every matched word in the ranked documents, with up to `context` characters either side
/// (within its paragraph), in rank order; at most `limit` lines.
pub fn concordance(corpus: &Corpus, results: &SearchResults, context: usize, limit: usize) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for &doc in &results.ranked {
        let article = &corpus.articles[doc as usize];
        let d = &article.doc;
        let tokens = article_tokens(article);
        for &(segment, ref t) in matched_tokens(&tokens, &results.matcher) {
            let seg_span = if segment == 0 {
                d.title.unwrap_or_default()
            } else {
                d.paragraphs[segment - 1].span
            };
            let sentence = if segment == 0 {
                0
            } else {
                d.paragraphs[segment - 1]
                    .sentences
                    .iter()
                    .rposition(|s| s.start as usize <= t.start)
                    .unwrap_or(0)
            };
            let before = &d.text[seg_span.start as usize..t.start];
            let after = &d.text[t.end..seg_span.end as usize];
            let left: String = before
                .chars()
                .rev()
                .take(context)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = after.chars().take(context).collect();
            out.push(KwicLine {
                doc,
                segment,
                sentence,
                left,
                keyword: d.text[t.start..t.end].to_string(),
                right,
            });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}

/// `YYYY-MM` of a month facet key.
pub fn month_label(month: (u16, u8)) -> String {
    format!("{:04}-{:02}", month.0, month.1)
}

/// The first and last day of a month, for turning a month facet into `after:`/`before:`.
pub fn month_bounds(month: (u16, u8)) -> Option<(Date, Date)> {
    Some((
        Date::new(month.0 as u32, month.1 as u32, 1)?,
        Date::new(month.0 as u32, month.1 as u32, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_one_letter_left_out_or_added_or_two_swapped() {
        assert!(is_slip("goverment", "government"));
        assert!(is_slip("government", "goverment"));
        assert!(is_slip("minsitry", "ministry"));
        assert!(is_slip("ab", "ba"));
        assert!(!is_slip("butter", "better"));
        assert!(!is_slip("ministry", "ministry"));
        assert!(!is_slip("abc", "cab"));
        assert!(!is_slip("goverment", "govermentally"));
        assert!(is_slip("é", ""));
    }

    /// The bit-parallel distance agrees with the table-filling one, on words of every length
    /// up to 64 with repeated, accented and non-Latin letters.
    #[test]
    fn bit_parallel_distance_matches_the_plain_one() {
        let alphabet: Vec<char> = "abcéжz'".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut scratch = Default::default();
        for round in 0..3000 {
            let len_a = 1 + next(if round % 50 == 0 { 64 } else { 9 });
            let a: Vec<char> = (0..len_a).map(|_| alphabet[next(alphabet.len())]).collect();
            let b: String = if round % 2 == 0 {
                (0..next(12)).map(|_| alphabet[next(alphabet.len())]).collect()
            } else {
                // A few edits away from `a`.
                let mut b = a.clone();
                for _ in 0..next(4) {
                    let at = next(b.len() + 1);
                    match next(3) {
                        0 => b.insert(at, alphabet[next(alphabet.len())]),
                        1 if at < b.len() => b[at] = alphabet[next(alphabet.len())],
                        _ if at < b.len() => {
                            b.remove(at);
                        }
                        _ => {}
                    }
                }
                b.into_iter().collect()
            };
            let max = next(4);
            let pattern = BitPattern::new(&a).expect("1 to 64 characters");
            assert_eq!(
                pattern.distance(&b, max),
                bounded_distance(&a, &b, max, &mut scratch),
                "{:?} vs {b:?}, max {max}",
                a.iter().collect::<String>()
            );
        }
        assert!(BitPattern::new(&[]).is_none());
        assert!(BitPattern::new(&['a'; 65]).is_none());
    }
}
