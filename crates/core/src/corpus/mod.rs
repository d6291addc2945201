//! The analysed corpus: articles and outlets with everything the stages found in them, and
//! ([`bundle`]) the versioned binary form the build embeds in the wasm.

use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::facts::Claim;
use crate::index::SearchIndex;
use crate::model::{Article, Outlet};
use crate::quotes::Quote;

pub mod bundle;
pub mod fragments;
mod prior;

pub use bundle::{checksum, decode_bundle, encode_bundle, seal, unseal, BundleError, FORMAT_VERSION};
pub use prior::Prior;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Outlets, sorted by display name; [`Article::outlet`] indexes into it.
    pub outlets: Vec<Outlet>,
    /// Articles, sorted by file name.
    pub articles: Vec<Article>,
    /// Full-text index; document numbers are positions in `articles`.
    pub index: SearchIndex,
    /// People, organisations, places and groups, sorted by name.
    pub entities: Vec<Entity>,
    /// Direct quotations in document order; speakers index into `entities`.
    pub quotes: Vec<Quote>,
    /// Numeric claims in document order; sources index into `entities`.
    pub claims: Vec<Claim>,
}
