//! Counting the prior of distinctive words (the table itself is the corpus's, since fragments
//! ship it: [`crate::corpus::Prior`]).

use super::words::TermCounts;
use crate::corpus::{Corpus, Prior};

impl Prior {
    /// The prior of the whole of `corpus`.
    pub fn of(corpus: &Corpus) -> Prior {
        let all: Vec<u32> = (0..corpus.articles.len() as u32).collect();
        Prior::from_counts(TermCounts::of(corpus, &all))
    }

    /// The prior of these counts.
    pub fn from_counts(counts: TermCounts) -> Prior {
        let mut kept: Vec<(String, usize)> = counts.counts.into_iter().filter(|(_, n)| *n > 1).collect();
        kept.sort_unstable();
        Prior::from_entries(counts.total, kept.iter().map(|(t, n)| (t.as_str(), *n as u32)))
    }

    /// This prior with the terms of `docs` of `corpus` counted too: the prior of a corpus that
    /// is this one's plus those articles. A term seen once before them and again in them
    /// counts once short.
    pub fn with(&self, corpus: &Corpus, docs: &[u32]) -> Prior {
        let added = TermCounts::of(corpus, docs);
        let mut entries: Vec<(&str, u32)> = self.entries().collect();
        entries.extend(added.counts.iter().map(|(t, n)| (t.as_str(), *n as u32)));
        entries.sort_unstable_by(|x, y| x.0.cmp(y.0));
        let mut merged: Vec<(&str, u32)> = Vec::with_capacity(entries.len());
        for (term, n) in entries {
            match merged.last_mut() {
                Some((t, m)) if *t == term => *m += n,
                _ => merged.push((term, n)),
            }
        }
        Prior::from_entries(self.total + added.total, merged)
    }
}
