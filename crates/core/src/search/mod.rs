//! Full-text search over a built corpus: a query language that never fails to parse
//! ([`query`]), and BM25 ranking with typo correction, facets, passages and a concordance
//! ([`engine`]) over the positional index ([`crate::index`]); documents and queries meet only
//! in the forms [`crate::text::tokenize`] produces.

pub mod cache;
pub mod engine;
pub mod query;

pub use cache::{TopCache, CACHE_SIZE};
pub use engine::{
    best_passage, concordance, month_bounds, month_label, search, search_top, warm_up_queries, Correction,
    Hit, KwicLine, Matcher, Passage, SearchOptions, SearchResults, Suggestion, WARM_UP_WORDS,
};
pub use query::{any_of, parse_query, replace_word, Atom, ParseOptions, Query};
