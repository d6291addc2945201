//! The last answers of [`search_top`], so that asking again costs a lookup: typing back over a
//! query, the back button, a script or benchmark repeating its queries.

use super::engine::search_top;
use crate::corpus::Corpus;

/// How many answers are kept.
pub const CACHE_SIZE: usize = 64;

/// The number of matches and the best `k` documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopAnswer {
    pub total: usize,
    pub ids: Vec<u32>,
}

/// Answers of [`search_top`] for one corpus, most recently used first. A cache belongs to one
/// corpus: make a new one when the corpus changes.
#[derive(Debug, Default)]
pub struct TopCache {
    entries: Vec<(String, usize, TopAnswer)>,
}

impl TopCache {
    /// The answer to `query` with `k` results, from the cache or worked out (and kept).
    pub fn get(&mut self, corpus: &Corpus, query: &str, k: usize) -> TopAnswer {
        if let Some(i) = self.entries.iter().position(|(q, n, _)| *n == k && q == query) {
            let entry = self.entries.remove(i);
            let answer = entry.2.clone();
            self.entries.insert(0, entry);
            return answer;
        }
        let r = search_top(corpus, query, k);
        let answer = TopAnswer {
            total: r.total,
            ids: r.ranked,
        };
        self.entries.truncate(CACHE_SIZE - 1);
        self.entries.insert(0, (query.to_string(), k, answer.clone()));
        answer
    }
}
