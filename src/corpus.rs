//! The corpus the app shows: the one the build step made, read once at start-up (decoded from
//! the bundle embedded in the wasm, or, for a large corpus, fetched from the fragments beside
//! it, see [`load`]), or that corpus extended with the articles a reader added (see `added/`),
//! which replaces it whenever the added articles change.
//!
//! Pages hold the corpus they show by reference count (an [`Arc`], as views hold `Send`
//! values): replacing it frees the old one once the last view showing it is gone, so a reader
//! who adds and removes articles all lesson long does not pile up corpora. What is derived from
//! a corpus is cached for the current one only.

use std::cell::{OnceCell, RefCell};
use std::sync::{Arc, Weak};

use leptos::prelude::*;
use parallax_core::compare::Prior;
use parallax_core::corpus::fragments::{read_manifest, Assembly};
use parallax_core::guide::Guide;
use parallax_core::profiles::{EntityRow, MentionIndex};
use parallax_core::{decode_bundle, BundleError, Corpus};

use crate::fetch;

/// The corpus's bundle, when it travels inside the wasm (else empty).
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
/// The manifest of its fragments, when it travels beside the wasm (else empty).
static MANIFEST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/manifest.bin"));
/// Where the fragments are, relative to the page.
pub const FRAGMENTS: &str = "fragments/";
/// How many fragments are fetched and unpacked at once while an earlier one is decoded.
const AHEAD: usize = 4;

/// The built corpus, or why it could not be read.
pub type Bundled = Result<Arc<Corpus>, Arc<CorpusError>>;

/// Why the built corpus could not be read.
#[derive(Debug)]
pub enum CorpusError {
    /// The bundle or the fragments' manifest is of another format version or damaged.
    Read(BundleError),
    /// A fragment (named by its file) is of another format version, damaged or misnamed.
    Fragment { file: String, error: BundleError },
    /// A fragment (named by its file) could not be fetched.
    Fetch { file: String, why: String },
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusError::Read(e) => e.fmt(f),
            CorpusError::Fragment { file, error } => {
                write!(
                    f,
                    "part of the corpus ({FRAGMENTS}{file}) cannot be read: {error}"
                )
            }
            CorpusError::Fetch { file, why } => {
                write!(f, "part of the corpus ({FRAGMENTS}{file}) did not load: {why}")
            }
        }
    }
}

impl CorpusError {
    /// What the reader (or whoever put the site up) can do about it.
    pub fn advice(&self) -> &'static str {
        match self {
            CorpusError::Read(BundleError::Version { .. })
            | CorpusError::Fragment {
                error: BundleError::Version { .. },
                ..
            } => {
                "The site's files come from two versions of Parallax. Build the site again from one version of the code, and copy the whole of its folder."
            }
            CorpusError::Read(BundleError::Corrupt(_))
            | CorpusError::Fragment {
                error: BundleError::Corrupt(_),
                ..
            } => "A file of this site is damaged or cut short. Copy the site's folder again, or build it again.",
            CorpusError::Fetch { .. } => {
                "The site's folder must be served whole, with the fragments folder beside index.html. A page opened from a file cannot fetch it: serve the folder, or use the one-file page, parallax.html, which carries every part."
            }
        }
    }
}

thread_local! {
    static BUNDLED: OnceCell<Bundled> = const { OnceCell::new() };
    /// The prior of Compare's distinctive words that ships with the fragments, fetched when
    /// Compare first asks for it (a corpus inside the wasm is small enough to count in the page).
    static SHIPPED_PRIOR: RefCell<Shipped> = const { RefCell::new(Shipped::NotAsked) };
    static PRIOR_ARRIVED: ArcRwSignal<bool> = ArcRwSignal::new(false);
    static CURRENT: RefCell<Option<Arc<Corpus>>> = const { RefCell::new(None) };
    static GENERATION: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// Reads the built corpus: decodes the embedded bundle, or fetches and decodes its fragments,
/// telling `progress` how many files of how many have arrived. The app mounts once it is done,
/// so every view finds the corpus read (or why it could not be).
pub async fn load(progress: impl Fn(usize, usize)) {
    let read = if MANIFEST.is_empty() {
        decode_bundle(BUNDLE).map_err(CorpusError::Read)
    } else {
        fetch_corpus(progress).await
    };
    BUNDLED.with(|b| b.set(read.map(Arc::new).map_err(Arc::new)).ok());
}

/// The corpus put together from its fragments.
async fn fetch_corpus(progress: impl Fn(usize, usize)) -> Result<Corpus, CorpusError> {
    let mut assembly = Assembly::new(read_manifest(MANIFEST).map_err(CorpusError::Read)?);
    gather(&mut assembly, progress).await?;
    assembly.finish().map_err(CorpusError::Read)
}

/// Compare's prior put together from its fragments.
async fn fetch_prior() -> Result<Prior, CorpusError> {
    let mut assembly = Assembly::prior(read_manifest(MANIFEST).map_err(CorpusError::Read)?);
    gather(&mut assembly, |_, _| {}).await?;
    assembly.finish_prior().map_err(CorpusError::Read)
}

/// Gives `assembly` every file it gathers, each decoded as it arrives, so the page holds a
/// few fragments' bytes at a time beside what it decoded. A fragment comes from its block in
/// the page (the one-file page carries them) or else from `fragments/`; either way gzipped. Up
/// to [`AHEAD`] fragments are fetched and unpacked (in a worker, see [`fetch::unpack`]) while
/// an earlier one is decoded.
async fn gather(assembly: &mut Assembly, progress: impl Fn(usize, usize)) -> Result<(), CorpusError> {
    let names: Vec<String> = assembly.files().into_iter().map(String::from).collect();
    let mut coming: std::collections::VecDeque<Arriving> =
        names.iter().take(AHEAD).map(|n| Arriving::start(n)).collect();
    for (i, name) in names.iter().enumerate() {
        progress(i, names.len());
        if let Some(next) = names.get(i + AHEAD) {
            coming.push_back(Arriving::start(next));
        }
        let arriving = coming.pop_front().expect("one fragment on its way per name");
        let bytes = arriving.bytes().await?;
        assembly
            .add(name, &bytes)
            .map_err(|error| CorpusError::Fragment {
                file: format!("{name}.gz"),
                error,
            })?;
    }
    progress(names.len(), names.len());
    Ok(())
}

/// A fragment on its way: fetched (or read from its block) and unpacked by a task of its own,
/// which started at once and settles `done`.
struct Arriving {
    done: js_sys::Promise,
    got: std::rc::Rc<RefCell<Option<Result<js_sys::Uint8Array, CorpusError>>>>,
}

impl Arriving {
    fn start(name: &str) -> Arriving {
        let got = std::rc::Rc::new(RefCell::new(None));
        let slot = std::rc::Rc::clone(&got);
        let name = name.to_string();
        let done = wasm_bindgen_futures::future_to_promise(async move {
            *slot.borrow_mut() = Some(unpacked(&name).await);
            Ok(wasm_bindgen::JsValue::UNDEFINED)
        });
        Arriving { done, got }
    }

    /// The fragment's bytes, copied into the wasm.
    async fn bytes(self) -> Result<Vec<u8>, CorpusError> {
        // The task never fails: its answer is in `got`.
        wasm_bindgen_futures::JsFuture::from(self.done).await.ok();
        let got = self.got.borrow_mut().take();
        got.expect("the task answered before it settled")
            .map(|b| b.to_vec())
    }
}

/// Fragment `name`'s bytes: from its block in the page or fetched, then unpacked.
async fn unpacked(name: &str) -> Result<js_sys::Uint8Array, CorpusError> {
    let file = format!("{name}.gz");
    let packed = match block(name) {
        Some(b) => fetch::base64_text(&b).ok_or_else(|| "its block in the page is not base64".to_string()),
        None => fetch::held(fetch::request(&fragment_href(name))).await,
    }
    .map_err(|why| CorpusError::Fetch {
        file: file.clone(),
        why,
    })?;
    fetch::unpack(packed).await.map_err(|e| CorpusError::Fragment {
        file,
        error: BundleError::Corrupt(e),
    })
}

/// The file names of the corpus's fragments, its prior's included, in the manifest's order
/// (none for a corpus inside the wasm).
pub fn fragment_names() -> Vec<String> {
    read_manifest(MANIFEST)
        .map(|m| m.files().into_iter().map(String::from).collect())
        .unwrap_or_default()
}

/// Where the site keeps fragment `name` (gzipped), relative to the page.
pub fn fragment_href(name: &str) -> String {
    format!("{FRAGMENTS}{name}.gz")
}

/// The page's block carrying fragment `name` (its text: base64 of the gzipped file).
pub fn block(name: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(&format!(
        "{}{name}",
        parallax_core::offline::FRAGMENT_BLOCK_PREFIX
    ))
}

/// The built corpus, or why it could not be read.
pub fn bundled() -> Bundled {
    BUNDLED.with(|b| {
        b.get()
            .cloned()
            .expect("main mounts the app once the corpus is loaded")
    })
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
pub fn replace(corpus: Corpus) -> Arc<Corpus> {
    let corpus = Arc::new(corpus);
    CURRENT.set(Some(Arc::clone(&corpus)));
    generation().update(|g| *g += 1);
    corpus
}

/// Whether `corpus` is the one pages show now.
pub fn shown(corpus: &Arc<Corpus>) -> bool {
    CURRENT.with_borrow(|c| c.as_ref().is_some_and(|c| Arc::ptr_eq(c, corpus)))
}

/// The built corpus's identity: the checksum of its bundle, or of its fragments' manifest
/// (which names every fragment by its checksum).
pub fn identity() -> u64 {
    parallax_core::corpus::checksum(if MANIFEST.is_empty() { BUNDLE } else { MANIFEST })
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
        self.shared(corpus, |c| Arc::new(make(c)))
    }

    fn shared(&self, corpus: &Arc<Corpus>, make: impl FnOnce(&Corpus) -> Arc<T>) -> Arc<T> {
        Arc::clone(self.0.borrow_mut().get(corpus, make))
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

/// Where the prior that ships with the fragments is.
enum Shipped {
    NotAsked,
    Fetching,
    Arrived(Arc<Prior>),
    Failed(Arc<CorpusError>),
}

/// What every comparison reads from the whole corpus: counted here for a corpus inside the
/// wasm; for a fragmented one, the prior that ships with it (with the reader's added articles
/// counted on top), `None` until it has arrived: the first call fetches it, and
/// [`prior_arrived`] turns true once it is here (or failed, see [`prior_problem`]).
pub fn prior(corpus: &Arc<Corpus>) -> Option<Arc<Prior>> {
    if MANIFEST.is_empty() {
        return Some(PRIOR.with(|d| d.get(corpus, Prior::of)));
    }
    let shipped = SHIPPED_PRIOR.with_borrow(|s| match s {
        Shipped::Arrived(p) => Some(Arc::clone(p)),
        _ => None,
    });
    let Some(shipped) = shipped else {
        fetch_shipped_prior();
        return None;
    };
    let base = bundled().ok()?;
    Some(PRIOR.with(|d| {
        d.shared(corpus, |c| {
            if std::ptr::eq(Arc::as_ptr(&base), c) {
                return shipped;
            }
            let added: Vec<u32> = (0..c.articles.len() as u32)
                .filter(|&d| {
                    let file = &c.articles[d as usize].document.file;
                    base.articles
                        .binary_search_by(|a| a.document.file.cmp(file))
                        .is_err()
                })
                .collect();
            Arc::new(shipped.with(c, &added))
        })
    }))
}

/// Starts fetching the prior that ships with the fragments, unless that has begun.
fn fetch_shipped_prior() {
    let start = SHIPPED_PRIOR.with_borrow_mut(|s| match s {
        Shipped::NotAsked => {
            *s = Shipped::Fetching;
            true
        }
        _ => false,
    });
    if start {
        leptos::task::spawn_local(async {
            let got = match fetch_prior().await {
                Ok(p) => Shipped::Arrived(Arc::new(p)),
                Err(e) => Shipped::Failed(Arc::new(e)),
            };
            SHIPPED_PRIOR.set(got);
            prior_arrived().set(true);
        });
    }
}

/// Turns true when the prior that ships with the fragments has arrived or failed to.
pub fn prior_arrived() -> ArcRwSignal<bool> {
    PRIOR_ARRIVED.with(ArcRwSignal::clone)
}

/// Why the prior that ships with the fragments could not be read, if it could not.
pub fn prior_problem() -> Option<Arc<CorpusError>> {
    SHIPPED_PRIOR.with_borrow(|s| match s {
        Shipped::Failed(e) => Some(Arc::clone(e)),
        _ => None,
    })
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
