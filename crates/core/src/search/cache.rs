//! The last answers to queries, so that asking again costs a lookup: typing back over a query,
//! the back button, a script or benchmark repeating its queries.

/// How many answers are kept.
pub const CACHE_SIZE: usize = 64;

/// Answers for one corpus, keyed by query text and result count, most recently used first. A
/// cache belongs to one corpus: make a new one when the corpus changes.
#[derive(Debug)]
pub struct TopCache<T> {
    entries: Vec<(String, usize, T)>,
}

impl<T> Default for TopCache<T> {
    fn default() -> Self {
        TopCache { entries: Vec::new() }
    }
}

impl<T: Clone> TopCache<T> {
    /// The answer to `query` with `k` results: the kept one, or `answer()` (then kept).
    pub fn get(&mut self, query: &str, k: usize, answer: impl FnOnce() -> T) -> T {
        if let Some(i) = self.entries.iter().position(|(q, n, _)| *n == k && q == query) {
            let entry = self.entries.remove(i);
            let kept = entry.2.clone();
            self.entries.insert(0, entry);
            return kept;
        }
        let fresh = answer();
        self.entries.truncate(CACHE_SIZE - 1);
        self.entries.insert(0, (query.to_string(), k, fresh.clone()));
        fresh
    }
}
