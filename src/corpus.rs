//! The corpus bundle the build step embedded, decoded once at start-up.

use std::sync::OnceLock;

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
