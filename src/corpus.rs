//! The corpus the app shows: the bundle the build step embedded, decoded once at start-up, or
//! that corpus extended with the articles a reader added (see `added/`), which replaces it
//! whenever the added articles change.
//!
//! Pages borrow the corpus for as long as they live, so each corpus (and what is derived from
//! it) is leaked rather than freed: the few rebuilds of a session cost memory, never a dangling
//! view. Derived figures are cached per corpus.

use std::cell::Cell;
use std::sync::OnceLock;

use leptos::prelude::*;
use parallax_core::compare::Prior;
use parallax_core::guide::Guide;
use parallax_core::profiles::{EntityRow, MentionIndex};
use parallax_core::{decode_bundle, Article, BundleError, Corpus};

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

thread_local! {
    static CURRENT: Cell<Option<&'static Corpus>> = const { Cell::new(None) };
    static GENERATION: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// The embedded corpus, or why it could not be read.
pub fn bundled() -> Result<&'static Corpus, &'static BundleError> {
    static CORPUS: OnceLock<Result<Corpus, BundleError>> = OnceLock::new();
    CORPUS.get_or_init(|| decode_bundle(BUNDLE)).as_ref()
}

/// The corpus pages show now.
pub fn corpus() -> Result<&'static Corpus, &'static BundleError> {
    match CURRENT.get() {
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
    CURRENT.set(Some(Box::leak(Box::new(corpus))));
    generation().update(|g| *g += 1);
}

/// Shows the bundled corpus again (no added articles).
pub fn reset() {
    CURRENT.set(None);
    generation().update(|g| *g += 1);
}

/// The article whose id (file name without extension) is `id`.
pub fn article<'c>(corpus: &'c Corpus, id: &str) -> Option<&'c Article> {
    corpus.articles.iter().find(|a| a.id() == id)
}

/// A value derived from one corpus, computed on first use.
struct PerCorpus<T: 'static>(Cell<Option<(*const Corpus, &'static T)>>);

impl<T> PerCorpus<T> {
    const fn new() -> Self {
        PerCorpus(Cell::new(None))
    }

    fn get(&self, corpus: &'static Corpus, make: impl FnOnce(&'static Corpus) -> T) -> &'static T {
        match self.0.get() {
            Some((of, value)) if std::ptr::eq(of, corpus) => value,
            _ => {
                let value: &'static T = Box::leak(Box::new(make(corpus)));
                self.0.set(Some((corpus, value)));
                value
            }
        }
    }
}

thread_local! {
    static MENTIONS: PerCorpus<MentionIndex> = const { PerCorpus::new() };
    static ROWS: PerCorpus<Vec<EntityRow>> = const { PerCorpus::new() };
    static PRIOR: PerCorpus<Prior> = const { PerCorpus::new() };
    static GUIDE: PerCorpus<Guide> = const { PerCorpus::new() };
}

/// Each document's entity mentions.
pub fn mentions(corpus: &'static Corpus) -> &'static MentionIndex {
    MENTIONS.with(|d| d.get(corpus, MentionIndex::new))
}

/// The figures of the entities list.
pub fn entity_rows(corpus: &'static Corpus) -> &'static [EntityRow] {
    ROWS.with(|d| d.get(corpus, parallax_core::profiles::entity_rows))
}

/// What every comparison reads from the whole corpus.
pub fn prior(corpus: &'static Corpus) -> &'static Prior {
    PRIOR.with(|d| d.get(corpus, Prior::of))
}

/// The first steps the library's introduction offers.
pub fn guide(corpus: &'static Corpus) -> &'static Guide {
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
