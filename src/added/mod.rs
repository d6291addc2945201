//! Articles a reader adds: read in the browser, analysed by the same core as the build, kept in
//! IndexedDB, and shared as an export file or inside a new offline page.
//!
//! One job runs at a time (reading files, then analysing the corpus stage by stage); it yields
//! to the browser every few milliseconds, so the page stays usable, shows its progress and can
//! be cancelled. Cancelling leaves the corpus and the stored articles as they were.

mod dedupe;
mod edit;
mod files;
mod jobs;
mod kept;
mod offline;
mod persist;
mod undo;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};

use leptos::prelude::*;
use parallax_core::reading::{AddedArticle, Encoding};

pub use dedupe::add_duplicates_anyway;
pub use edit::{reread, update};
pub use files::{add_files, add_pasted, import_file, Incoming};
pub use offline::{download_offline, export_file, keep_page};
pub use persist::start;
pub use undo::{remove, undo_remove};

/// What the job under way is doing.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub label: String,
    pub done: usize,
    pub total: usize,
    /// Whether Cancel is offered (not while stored articles are being brought back: cancelling
    /// that would hide them).
    pub cancellable: bool,
}

/// How a finished action went, in plain words; `problems` lists each file or entry left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Counts the notices of the visit, so a notice can be told from the one it replaced.
    pub serial: u64,
    pub ok: bool,
    pub summary: String,
    pub problems: Vec<String>,
}

/// A file whose encoding was guessed: the guess, and the file as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    pub encoding: Encoding,
    /// The file's own name (its extension says how to read it).
    pub file: String,
    pub bytes: Vec<u8>,
}

/// Where added articles are kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    Opening,
    Ready,
    /// The browser refuses; the sentence says so and what it means.
    Refused(String),
}

/// The added articles' state, shared by every view.
#[derive(Clone)]
pub struct Added {
    /// The added articles the corpus now holds, by name.
    pub articles: ArcRwSignal<Vec<AddedArticle>>,
    pub progress: ArcRwSignal<Option<Progress>>,
    /// How the last action went; each action's notice replaces the one before.
    pub notice: ArcRwSignal<Option<Notice>>,
    pub storage: ArcRwSignal<Storage>,
    /// Articles just removed, for undo.
    pub removed: ArcRwSignal<Vec<AddedArticle>>,
    /// Duplicates left out of the last addition, which the reader may add anyway.
    pub duplicates: ArcRwSignal<Vec<AddedArticle>>,
    /// Files whose encoding was guessed, by article name, so the reader can choose the other
    /// one.
    pub guessed: ArcRwSignal<BTreeMap<String, Guess>>,
    /// What the browser answered when asked to keep this page's storage (`None`: not asked).
    pub kept: ArcRwSignal<Option<bool>>,
}

thread_local! {
    static STATE: Added = Added {
        articles: ArcRwSignal::new(Vec::new()),
        progress: ArcRwSignal::new(None),
        notice: ArcRwSignal::new(None),
        storage: ArcRwSignal::new(Storage::Opening),
        removed: ArcRwSignal::new(Vec::new()),
        duplicates: ArcRwSignal::new(Vec::new()),
        guessed: ArcRwSignal::new(BTreeMap::new()),
        kept: ArcRwSignal::new(None),
    };
    static CANCEL: Cell<bool> = const { Cell::new(false) };
    /// Whether the stored articles have been brought back; additions wait for it.
    static READY: Cell<bool> = const { Cell::new(false) };
    /// The ids of the added articles the corpus holds, for marking them.
    static ADDED_IDS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// The shared state. Its signals are reference-counted rather than owned by a view, so no
/// view's disposal can take them down.
pub fn state() -> Added {
    STATE.with(Added::clone)
}

/// Whether the article `id` was added by the reader.
pub fn is_added(id: &str) -> bool {
    ADDED_IDS.with(|ids| ids.borrow().contains(id))
}

fn notify(ok: bool, summary: String, problems: Vec<String>) {
    state().notice.update(|n| {
        let serial = n.as_ref().map_or(1, |n| n.serial + 1);
        *n = Some(Notice {
            serial,
            ok,
            summary,
            problems,
        });
    });
}

/// Whether a job is under way (the add controls wait for it).
pub fn busy() -> bool {
    state().progress.with(Option::is_some)
}

/// Stops the job under way at its next pause.
pub fn cancel() {
    CANCEL.set(true);
}
