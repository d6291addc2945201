//! The prior of Compare's distinctive words as the corpus keeps and ships it: a term table,
//! compact (at 20,000 articles, 1.4 million terms are counted, 590,000 of them more than once).
//! `compare` counts it ([`Prior::of`]); fragments carry it, since counting takes seconds.

/// What every comparison of one corpus reads from the whole corpus: its term counts, each term
/// seen at least twice, sorted, in one string. A term seen once is left out, losing nothing:
/// Compare's `distinctive` counts a term of the sides at least as often as the sides hold it,
/// and at least once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prior {
    /// How many terms the corpus holds, those seen once included (`n_c`).
    pub total: usize,
    /// The terms, each ended by `\n`, in byte order.
    text: String,
    /// Where each term's `\n` is in `text`.
    ends: Vec<u32>,
    counts: Vec<u32>,
}

impl Prior {
    /// The prior of `(term, count)` entries (in any order; a term given twice is counted
    /// once, with its larger count) of `total` terms. A term holding `\n` is left out: no
    /// tokenized term holds one.
    pub fn from_entries<'t>(total: usize, entries: impl IntoIterator<Item = (&'t str, u32)>) -> Prior {
        let mut entries: Vec<(&str, u32)> = entries.into_iter().filter(|(t, _)| !t.contains('\n')).collect();
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            entries.sort_unstable_by(|x, y| x.0.cmp(y.0).then(y.1.cmp(&x.1)));
            entries.dedup_by(|later, first| later.0 == first.0);
        }
        let mut prior = Prior {
            total,
            text: String::with_capacity(entries.iter().map(|(t, _)| t.len() + 1).sum()),
            ends: Vec::with_capacity(entries.len()),
            counts: Vec::with_capacity(entries.len()),
        };
        for (term, count) in entries {
            prior.text.push_str(term);
            prior.ends.push(prior.text.len() as u32);
            prior.text.push('\n');
            prior.counts.push(count);
        }
        prior
    }

    /// How many times the corpus holds `term`; 0 for a term seen once or never.
    pub fn count(&self, term: &str) -> usize {
        let found = self.ends.binary_search_by(|&end| {
            let start = self.text[..end as usize].rfind('\n').map_or(0, |i| i + 1);
            self.text[start..end as usize].cmp(term)
        });
        found.map_or(0, |i| self.counts[i] as usize)
    }

    /// The terms and their counts, in byte order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, u32)> {
        self.text.split_terminator('\n').zip(self.counts.iter().copied())
    }
}
