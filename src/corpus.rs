//! The corpus the app shows: the bundle the build step embedded, decoded once at start-up, or
//! that corpus extended with the articles a reader added (see `added/`), which replaces it
//! whenever the added articles change.
//!
//! Pages hold the corpus they show by reference count (an [`Arc`], as views hold `Send`
//! values): replacing it frees the old one once the last view showing it is gone, so a reader
//! who adds and removes articles all lesson long does not pile up corpora. What is derived from
//! a corpus is cached for the current one only.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use leptos::prelude::*;
use parallax_core::compare::Prior;
use parallax_core::guide::Guide;
use parallax_core::profiles::{EntityRow, MentionIndex};
use parallax_core::{decode_bundle, BundleError, Corpus};

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, or why it could not be read.
pub type Bundled = Result<Arc<Corpus>, Arc<BundleError>>;

thread_local! {
    static BUNDLED: Bundled = decode_bundle(BUNDLE).map(Arc::new).map_err(Arc::new);
    static CURRENT: RefCell<Option<Arc<Corpus>>> = const { RefCell::new(None) };
    static GENERATION: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// The embedded corpus, or why it could not be read.
pub fn bundled() -> Bundled {
    BUNDLED.with(Clone::clone)
}

/// The corpus pages show now.
pub fn corpus() -> Bundled {
    match CURRENT.with_borrow(Clone::clone) {
        Some(c) => Ok(c),
        None => bundled(),
    }
}

/// Counts corpus replacements; views that show the corpus track it. Reference-counted, so no
/// view's disposal takes it down.
pub fn generation() -> ArcRwSignal<u64> {
    GENERATION.with(ArcRwSignal::clone)
}

/// Makes `corpus` the one every page shows, and re-renders them.
pub fn replace(corpus: Corpus) {
    CURRENT.set(Some(Arc::new(corpus)));
    generation().update(|g| *g += 1);
}

/// Shows the bundled corpus again (no added articles).
pub fn reset() {
    CURRENT.set(None);
    generation().update(|g| *g += 1);
}

/// The article whose id (file name without extension) is `id`, by its index.
pub fn article(corpus: &Corpus, id: &str) -> Option<usize> {
    corpus.articles.iter().position(|a| a.id() == id)
}

/// A value that belongs to one corpus: asked for another, it is made anew. It holds the corpus
/// weakly, so it keeps no corpus alive; the weak reference also keeps the old corpus's address
/// from being taken by a new one, so no value is mistaken for another corpus's.
pub struct ForCorpus<T> {
    of: Weak<Corpus>,
    value: Option<T>,
}

impl<T> ForCorpus<T> {
    pub const fn new() -> Self {
        ForCorpus {
            of: Weak::new(),
            value: None,
        }
    }

    /// The value for `corpus`: the one kept, or `make(corpus)` in its place.
    pub fn get(&mut self, corpus: &Arc<Corpus>, make: impl FnOnce(&Corpus) -> T) -> &mut T {
        if !std::ptr::eq(self.of.as_ptr(), Arc::as_ptr(corpus)) {
            self.of = Arc::downgrade(corpus);
            self.value = None;
        }
        self.value.get_or_insert_with(|| make(corpus))
    }
}

/// A value derived from the current corpus, computed on first use; a new corpus replaces it.
struct PerCorpus<T>(RefCell<ForCorpus<Arc<T>>>);

impl<T> PerCorpus<T> {
    const fn new() -> Self {
        PerCorpus(RefCell::new(ForCorpus::new()))
    }

    fn get(&self, corpus: &Arc<Corpus>, make: impl FnOnce(&Corpus) -> T) -> Arc<T> {
        Arc::clone(self.0.borrow_mut().get(corpus, |c| Arc::new(make(c))))
    }
}

thread_local! {
    static MENTIONS: PerCorpus<MentionIndex> = const { PerCorpus::new() };
    static ROWS: PerCorpus<Vec<EntityRow>> = const { PerCorpus::new() };
    static PRIOR: PerCorpus<Prior> = const { PerCorpus::new() };
    static GUIDE: PerCorpus<Guide> = const { PerCorpus::new() };
}

/// Each document's entity mentions.
pub fn mentions(corpus: &Arc<Corpus>) -> Arc<MentionIndex> {
    MENTIONS.with(|d| d.get(corpus, MentionIndex::new))
}

/// The figures of the entities list.
pub fn entity_rows(corpus: &Arc<Corpus>) -> Arc<Vec<EntityRow>> {
    ROWS.with(|d| d.get(corpus, parallax_core::profiles::entity_rows))
}

/// What every comparison reads from the whole corpus.
pub fn prior(corpus: &Arc<Corpus>) -> Arc<Prior> {
    PRIOR.with(|d| d.get(corpus, Prior::of))
}

/// The first steps the library's introduction offers.
pub fn guide(corpus: &Arc<Corpus>) -> Arc<Guide> {
    GUIDE.with(|d| d.get(corpus, parallax_core::guide::guide))
}

/// The entity called `name`, by its index.
pub fn entity(corpus: &Corpus, name: &str) -> Option<usize> {
    corpus
        .entities
        .binary_search_by(|e| e.name.as_str().cmp(name))
        .ok()
}

/// The entity a URL names: the one called `name`; failing that, the most-mentioned entity
/// with `name` as an alias, a name word or a misspelling of one (`Tsikhanouskaya`,
/// `lukashenka`).
pub fn entity_named(corpus: &Corpus, name: &str) -> Option<usize> {
    entity(corpus, name).or_else(|| {
        parallax_core::entities::find_entities(&corpus.entities, name)
            .into_iter()
            .max_by_key(|&e| (corpus.entities[e].mentions.len(), std::cmp::Reverse(e)))
    })
}
