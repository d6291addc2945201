//! The corpus bundle the build step embedded, decoded once at start-up.

use std::sync::OnceLock;

use parallax_core::compare::Prior;
use parallax_core::profile::{EntityRow, MentionIndex};
use parallax_core::{decode_bundle, Article, BundleError, Corpus};

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, or why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static BundleError> {
    static CORPUS: OnceLock<Result<Corpus, BundleError>> = OnceLock::new();
    CORPUS.get_or_init(|| decode_bundle(BUNDLE)).as_ref()
}

/// The article whose id (file name without extension) is `id`.
pub fn article<'c>(corpus: &'c Corpus, id: &str) -> Option<&'c Article> {
    corpus.articles.iter().find(|a| a.id() == id)
}

/// Each document's entity mentions, indexed once on first use.
pub fn mentions(corpus: &'static Corpus) -> &'static MentionIndex {
    static INDEX: OnceLock<MentionIndex> = OnceLock::new();
    INDEX.get_or_init(|| MentionIndex::new(corpus))
}

/// The figures of the entities list, computed once on first use.
pub fn entity_rows(corpus: &'static Corpus) -> &'static [EntityRow] {
    static ROWS: OnceLock<Vec<EntityRow>> = OnceLock::new();
    ROWS.get_or_init(|| parallax_core::profile::entity_rows(corpus))
}

/// What every comparison reads from the whole corpus, computed once on first use.
pub fn prior(corpus: &'static Corpus) -> &'static Prior {
    static PRIOR: OnceLock<Prior> = OnceLock::new();
    PRIOR.get_or_init(|| Prior::of(corpus))
}

/// The entity called `name`, by its index.
pub fn entity(corpus: &Corpus, name: &str) -> Option<usize> {
    corpus
        .entities
        .binary_search_by(|e| e.name.as_str().cmp(name))
        .ok()
}
