//! Full-text search over a built corpus: a query language that never fails to parse
//! ([`query`]); BM25 ranking ([`engine`]) over the positional index ([`crate::index`]), with
//! typo correction and suggestions ([`typo`]) and filters ([`filters`]); what it answers
//! ([`results`]), passages and the concordance ([`passage`]), and a cache of answers
//! ([`cache`]); the query rewritten for the page's offers ([`rewrite`]). Documents and
//! queries meet only in the forms [`crate::text::tokenize`] produces.

pub mod cache;
pub mod engine;
pub mod filters;
pub mod passage;
pub mod query;
pub mod results;
pub mod rewrite;
pub mod typo;

pub use cache::{TopCache, CACHE_SIZE};
pub use engine::{search, search_top, warm_up_queries, WARM_UP_WORDS};
pub use filters::{month_bounds, month_label};
pub use passage::{best_passage, concordance};
pub use query::{parse_query, Atom, ParseOptions, Query};
pub use results::{Correction, Hit, KwicLine, Matcher, Passage, SearchOptions, SearchResults, Suggestion};
pub use rewrite::{any_of, replace_word, selects_month, selects_outlet, with_month, with_outlet};
