//! The analysis of the added articles, kept in the browser beside them, so that a reload (or
//! putting back the articles the last change removed) brings the corpus back instead of
//! analysing the whole of it again: with 500 articles added to 20,000, that is a minute.
//!
//! Kept in a database of its own (`store::open_kept`), a cache that is safe to lose: the corpus
//! cut into fragments as the build cuts its own ([`Pieces`], sealed and content-addressed, with
//! no prior of Compare's: the page counts or fetches that as for any added articles), under
//! their names, and the manifest under the analysis's key: the built corpus and the added
//! articles, in order. The manifest is written after its fragments, so a write cut short is
//! never read; anything missing, damaged or of another format version is passed over and the
//! articles are analysed again.

use std::sync::Arc;

use js_sys::Uint8Array;
use parallax_core::compare::Prior;
use parallax_core::corpus::checksum;
use parallax_core::corpus::fragments::{read_manifest, Assembly, Pieces};
use parallax_core::reading::AddedArticle;
use parallax_core::Corpus;
use wasm_bindgen::JsCast;

use crate::corpus;
use crate::store::{self, Store, KEPT};

/// The size of a kept fragment: the build's, a few MB that the page holds one at a time.
const PIECE_BYTES: usize = 4 << 20;

/// The key of the analysis of the built corpus extended with `articles` (in this order).
pub(super) fn key(articles: &[AddedArticle]) -> String {
    let json = serde_json::to_string(articles).unwrap_or_default();
    format!(
        "manifest-{:016x}{:016x}",
        corpus::identity(),
        checksum(json.as_bytes())
    )
}

/// The corpus kept under `key`, telling `progress` how many fragments of how many are back;
/// `None` when none is kept or it cannot be read.
pub(super) async fn bring_back(key: &str, progress: impl Fn(usize, usize)) -> Option<Corpus> {
    let store = store::open_kept().await.ok()?;
    let manifest = bytes(&store, key).await?;
    let mut assembly = Assembly::new(read_manifest(&manifest).ok()?);
    let names: Vec<String> = assembly.files().into_iter().map(String::from).collect();
    for (i, name) in names.iter().enumerate() {
        progress(i, names.len());
        let bytes = bytes(&store, name).await?;
        assembly.add(name, &bytes).ok()?;
    }
    assembly.finish().ok()
}

/// The bytes kept under `key`.
async fn bytes(store: &Store, key: &str) -> Option<Vec<u8>> {
    let value = store.get(KEPT, key).await.ok()?;
    Some(value.dyn_into::<Uint8Array>().ok()?.to_vec())
}

/// Keeps `corpus`, the analysis under `key`, in place of what was kept before. Gives up when
/// pages stop showing `corpus` meanwhile; when the browser refuses a write, keeps nothing.
pub(super) async fn keep(corpus: Arc<Corpus>, key: String) {
    let Ok(store) = store::open_kept().await else {
        return;
    };
    let no_prior = Prior::default();
    let mut pieces = Pieces::new(&corpus, &no_prior, PIECE_BYTES);
    let mut kept = Vec::new();
    for (name, sealed) in pieces.by_ref() {
        if !corpus::shown(&corpus) {
            return;
        }
        let value = Uint8Array::from(sealed.as_slice());
        drop(sealed);
        if store.put(KEPT, &name, &value).await.is_err() {
            let _ = store.retain(KEPT, &[]).await;
            return;
        }
        kept.push(name);
    }
    let manifest = Uint8Array::from(pieces.manifest().as_slice());
    match store.put(KEPT, &key, &manifest).await {
        Ok(()) => kept.push(key),
        Err(_) => kept.clear(),
    }
    let _ = store.retain(KEPT, &kept).await;
}

/// Forgets what was kept (no article is added any more).
pub(super) async fn forget() {
    if let Ok(store) = store::open_kept().await {
        let _ = store.retain(KEPT, &[]).await;
    }
}
