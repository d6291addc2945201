//! What a search answers: options, ranked hits with facets and the corrections and
//! suggestions it made, the words it matched, passages and concordance lines.

use std::collections::HashSet;

use crate::model::{Anchor, Span};

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

/// A ranked document. Its passage is computed on demand ([`super::best_passage`]), only for the hits
/// a page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

/// The best-matching sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The sentence; `None` for the headline.
    pub anchor: Option<Anchor>,
    /// The passage, a byte range of the document text (clipped around the first match when the
    /// sentence is long).
    pub span: Span,
    pub clipped_start: bool,
    pub clipped_end: bool,
    /// Matched words inside `span`, as byte ranges of the document text.
    pub highlights: Vec<Span>,
    /// Those of `highlights` matched as another form of a query word (`protests` for
    /// `protesters`), not as the form itself.
    pub other_forms: Vec<Span>,
}

/// Which words count as matches: folded exact forms and stems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matcher {
    pub exact: HashSet<String>,
    pub stems: HashSet<String>,
}

impl Matcher {
    pub(super) fn matches(&self, exact: &str, stem: &str) -> bool {
        self.exact.contains(exact) || self.stems.contains(stem)
    }
}

/// One line of a keyword-in-context concordance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub doc: u32,
    /// The sentence of the match; `None` in the headline.
    pub anchor: Option<Anchor>,
    pub left: String,
    pub keyword: String,
    /// The keyword is another form of a query word, not the form itself.
    pub other_form: bool,
    pub right: String,
}
