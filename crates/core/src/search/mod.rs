//! Full-text search: one analysis pipeline for documents and queries ([`tokenize`]), a
//! positional index built at build time ([`index`]), a query language that never fails to parse
//! ([`query`]), and BM25 ranking with typo correction, facets, passages and a concordance
//! ([`engine`]).

pub mod cache;
pub mod engine;
pub mod index;
pub mod query;
pub mod tokenize;

pub use cache::{TopCache, CACHE_SIZE};
pub use engine::{
    best_passage, concordance, month_bounds, month_label, search, search_top, warm_up_queries, Correction,
    Hit, KwicLine, Matcher, Passage, SearchOptions, SearchResults, Suggestion, WARM_UP_WORDS,
};
pub use index::{build_index, IndexBuilder, SearchIndex};
pub use query::{any_of, parse_query, replace_word, Atom, ParseOptions, Query};
