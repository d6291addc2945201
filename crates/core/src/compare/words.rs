//! Distinctive words and two-word phrases of each side (log-odds with an informative
//! Dirichlet prior), and the sentences that contain them.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::sides::{sentences, SideText};
use super::Prior;
use super::{SentenceRef, MIN_COUNT, PRIOR_SIZE};
use crate::corpus::Corpus;
use crate::text::tokenize::Token;

/// Term counts of a set of articles' body text: single words and two-word phrases (folded
/// exact forms, function words left out).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermCounts {
    pub counts: HashMap<String, usize>,
    pub total: usize,
}

impl TermCounts {
    /// The counts of `docs`, read a sentence at a time (nothing of their text is kept).
    pub fn of(corpus: &Corpus, docs: &[u32]) -> TermCounts {
        let mut out = TermCounts::default();
        for (_, words) in sentences(corpus, docs) {
            out.add(&words);
        }
        out
    }

    pub fn of_text(text: &SideText) -> TermCounts {
        let mut out = TermCounts::default();
        for (_, words) in &text.sentences {
            out.add(words);
        }
        out
    }

    /// Counts the terms of a sentence's words: each content word (one with a letter, not a
    /// function word: numbers are the facts panel's), and each pair of adjacent content words.
    fn add(&mut self, words: &[Token]) {
        let stop = stopwords();
        let content =
            |t: &Token| !stop.contains(t.exact.as_str()) && t.exact.chars().any(char::is_alphabetic);
        let mut pair = String::new();
        for (i, t) in words.iter().enumerate() {
            if !content(t) {
                continue;
            }
            self.count(&t.exact);
            if let Some(next) = words
                .get(i + 1)
                .filter(|n| n.position == t.position + 1 && content(n))
            {
                pair.clear();
                pair.push_str(&t.exact);
                pair.push(' ');
                pair.push_str(&next.exact);
                self.count(&pair);
            }
        }
    }

    fn count(&mut self, term: &str) {
        match self.counts.get_mut(term) {
            Some(n) => *n += 1,
            None => {
                self.counts.insert(term.to_string(), 1);
            }
        }
        self.total += 1;
    }
}

pub(super) fn stopwords() -> &'static HashSet<&'static str> {
    static STOP: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| {
        include_str!("../../data/stopwords.txt")
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// A term scored for one comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distinctive {
    pub term: String,
    pub count_a: usize,
    pub count_b: usize,
    /// The log-odds ratio with the corpus prior (positive: side A's).
    pub delta: f64,
    pub z: f64,
    /// Too few occurrences for the z-score to mean much (fewer than [`MIN_COUNT`]).
    pub small: bool,
}

/// Every term of either side, scored; sorted from side A's most distinctive to side B's.
pub fn distinctive(a: &TermCounts, b: &TermCounts, corpus: &Prior) -> Vec<Distinctive> {
    let n_c = corpus.total.max(1) as f64;
    let (n_a, n_b) = (a.total as f64, b.total as f64);
    let mut keys: Vec<&String> = a.counts.keys().chain(b.counts.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out: Vec<Distinctive> = keys
        .into_iter()
        .map(|term| {
            let ya = a.counts.get(term).copied().unwrap_or(0);
            let yb = b.counts.get(term).copied().unwrap_or(0);
            // A term of the sides is a term of the corpus: one the prior leaves out is seen
            // once, and a side holds it.
            let c = corpus.count(term).max(ya.max(yb)).max(1) as f64;
            let alpha = PRIOR_SIZE * c / n_c;
            let (fa, fb) = (ya as f64 + alpha, yb as f64 + alpha);
            let delta = (fa / (n_a + PRIOR_SIZE - fa).max(f64::MIN_POSITIVE)).ln()
                - (fb / (n_b + PRIOR_SIZE - fb).max(f64::MIN_POSITIVE)).ln();
            let z = delta / (1.0 / fa + 1.0 / fb).sqrt();
            Distinctive {
                term: term.clone(),
                count_a: ya,
                count_b: yb,
                delta,
                z,
                small: ya + yb < MIN_COUNT,
            }
        })
        .collect();
    out.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
    out
}

/// The sentences of a side containing `term` (a word or two-word phrase as [`distinctive`]
/// gives it), in document order.
pub fn sentences_with(text: &SideText, term: &str) -> Vec<SentenceRef> {
    let wanted: Vec<&str> = term.split(' ').collect();
    text.sentences
        .iter()
        .filter(|(_, words)| {
            words
                .windows(wanted.len())
                .any(|w| w.iter().zip(&wanted).all(|(t, x)| t.exact == *x))
        })
        .map(|(r, _)| *r)
        .collect()
}
