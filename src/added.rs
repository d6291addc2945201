//! Articles a reader adds: read in the browser, analysed by the same core as the build, kept in
//! IndexedDB, and shared as an export file or inside a new offline page.
//!
//! One job runs at a time (reading files, then analysing the corpus stage by stage); it yields
//! to the browser every few milliseconds, so the page stays usable, shows its progress and can
//! be cancelled. Cancelling leaves the corpus and the stored articles as they were.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::added::{self, AddedArticle, Encoding};
use parallax_core::{Analysis, Corpus, Extension, Stage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::corpus;
use crate::format::count;
use crate::store::{self, Store};

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
pub struct Report {
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
    pub reports: ArcRwSignal<Vec<Report>>,
    pub storage: ArcRwSignal<Storage>,
    /// Articles just removed, for undo.
    pub removed: ArcRwSignal<Vec<AddedArticle>>,
    /// Duplicates left out of the last addition, which the reader may add anyway.
    pub duplicates: ArcRwSignal<Vec<AddedArticle>>,
    /// Files whose encoding was guessed, by article name, so the reader can choose the other
    /// one.
    pub guessed: ArcRwSignal<BTreeMap<String, Guess>>,
}

thread_local! {
    static STATE: Added = Added {
        articles: ArcRwSignal::new(Vec::new()),
        progress: ArcRwSignal::new(None),
        reports: ArcRwSignal::new(Vec::new()),
        storage: ArcRwSignal::new(Storage::Opening),
        removed: ArcRwSignal::new(Vec::new()),
        duplicates: ArcRwSignal::new(Vec::new()),
        guessed: ArcRwSignal::new(BTreeMap::new()),
    };
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
    static CANCEL: Cell<bool> = const { Cell::new(false) };
    /// Whether the stored articles have been brought back; additions wait for it.
    static READY: Cell<bool> = const { Cell::new(false) };
    /// The ids of the added articles the corpus holds, for marking them.
    static ADDED_IDS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// The page as it was before the app rendered into it, for the offline download.
    static PAGE: RefCell<String> = const { RefCell::new(String::new()) };
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

/// Keeps the page's HTML as loaded; call before the app renders.
pub fn keep_page() {
    let html = document()
        .document_element()
        .map(|e| e.outer_html())
        .unwrap_or_default();
    PAGE.with(|p| *p.borrow_mut() = format!("<!doctype html>\n{html}"));
}

/// Opens the store and brings back the stored articles (and those an offline page carries).
pub fn start() {
    spawn_local(async {
        let s = state();
        let store = match store::open().await {
            Ok(store) => store,
            Err(why) => {
                s.storage.set(Storage::Refused(why));
                load_embedded(None, Vec::new()).await;
                READY.set(true);
                return;
            }
        };
        s.storage.set(Storage::Ready);
        STORE.with(|slot| *slot.borrow_mut() = Some(store.clone()));
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        match store.articles().await {
            Ok(records) => {
                for (name, json) in records {
                    match serde_json::from_str::<AddedArticle>(&json) {
                        Ok(a) => articles.push(a),
                        Err(_) => problems.push(format!(
                            "\u{201C}{name}\u{201D} is damaged in the browser's storage and was left there unread."
                        )),
                    }
                }
            }
            Err(why) => problems.push(why),
        }
        if !problems.is_empty() {
            report(
                false,
                "Some stored articles could not be read.".to_string(),
                problems,
            );
        }
        load_embedded(Some(store), articles).await;
        READY.set(true);
    });
}

/// Adds the articles an offline page carries (once per page, when the store works), then
/// analyses everything.
async fn load_embedded(store: Option<Store>, mut articles: Vec<AddedArticle>) {
    let block = document()
        .get_element_by_id(parallax_core::offline::ADDED_BLOCK_ID)
        .and_then(|e| e.text_content());
    let mut save = Vec::new();
    let mut embedded_flag = None;
    if let Some(json) = block {
        let flag = format!("embedded:{:016x}", added::fingerprint(&json));
        let taken = match &store {
            Some(store) => store.flag(&flag).await,
            None => false,
        };
        if !taken {
            if let Ok(imported) = added::import(&json) {
                let mut seen: HashSet<u64> = articles.iter().map(|a| added::fingerprint(&a.text)).collect();
                let mut names = Names::of(&articles);
                for a in imported.articles {
                    if seen.insert(added::fingerprint(&a.text)) {
                        let a = AddedArticle {
                            name: names.claim(&a.name),
                            ..a
                        };
                        save.push(a.clone());
                        articles.push(a);
                    }
                }
            }
            // Taken in once: marked only when the articles are saved.
            embedded_flag = Some(flag);
        }
    }
    if articles.is_empty() {
        return;
    }
    articles.sort_by(|a, b| a.name.cmp(&b.name));
    let label = format!(
        "Analysing your {}",
        count(articles.len(), "added article", "added articles")
    );
    let outcome = commit(articles, save, Vec::new(), label, None).await;
    if let (Outcome::Saved, Some(store), Some(flag)) = (outcome, store, embedded_flag) {
        let _ = store.set_flag(&flag).await;
    }
}

/// The file names taken (in lower case): the bundled corpus's and the added articles'.
struct Names(HashSet<String>);

impl Names {
    fn of(added: &[AddedArticle]) -> Names {
        let mut taken: HashSet<String> = corpus::bundled()
            .map(|c| c.articles.iter().map(|a| a.doc.file.to_lowercase()).collect())
            .unwrap_or_default();
        taken.extend(added.iter().map(|a| a.name.to_lowercase()));
        Names(taken)
    }

    /// A name for `wanted` that is not taken yet, now taken.
    fn claim(&mut self, wanted: &str) -> String {
        let name = added::unique_name(wanted, &|n: &str| self.0.contains(&n.to_lowercase()));
        self.0.insert(name.to_lowercase());
        name
    }
}

fn report(ok: bool, summary: String, problems: Vec<String>) {
    state().reports.update(|r| {
        r.insert(
            0,
            Report {
                ok,
                summary,
                problems,
            },
        );
        r.truncate(5);
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

/// Waits until the stored articles are back, so an addition cannot overtake them.
async fn ready() {
    while !READY.get() {
        pause().await;
    }
}

/// Gives the browser a turn: lets it paint and handle input.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Pauses when the current slice of work has run long enough; `Err` once cancelled.
async fn checkpoint(slice_start: &mut f64) -> Result<(), ()> {
    let now = js_sys::Date::now();
    if now - *slice_start > 30.0 {
        pause().await;
        *slice_start = js_sys::Date::now();
    }
    if CANCEL.get() {
        Err(())
    } else {
        Ok(())
    }
}

fn set_job(label: &str, done: usize, total: usize, cancellable: bool) {
    state().progress.set(Some(Progress {
        label: label.to_string(),
        done,
        total,
        cancellable,
    }));
}

/// How a commit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Nothing changed.
    Cancelled,
    /// Shown and stored.
    Saved,
    /// Shown, but the store refused (reported).
    NotSaved,
}

/// Analyses the bundled corpus plus `articles`, then shows it, stores `save` and deletes
/// `delete`, and reports `done` (with what was not saved). When cancelled nothing changes.
async fn commit(
    articles: Vec<AddedArticle>,
    save: Vec<AddedArticle>,
    delete: Vec<String>,
    label: String,
    done: Option<(String, Vec<String>)>,
) -> Outcome {
    let Ok(base) = corpus::bundled() else {
        return Outcome::Cancelled;
    };
    CANCEL.set(false);
    // Bringing back stored articles cannot be cancelled: that would hide them.
    let cancellable = done.is_some();
    let corpus = if articles.is_empty() {
        None
    } else {
        match analyse(base, &articles, &label, cancellable).await {
            Some(c) => Some(c),
            None => {
                state().progress.set(None);
                report(
                    false,
                    "Cancelled: nothing was added or changed.".to_string(),
                    Vec::new(),
                );
                return Outcome::Cancelled;
            }
        }
    };
    ADDED_IDS.with(|ids| {
        *ids.borrow_mut() = articles
            .iter()
            .map(|a| {
                a.name
                    .rsplit_once('.')
                    .map_or(a.name.as_str(), |(stem, _)| stem)
                    .to_string()
            })
            .collect();
    });
    match corpus {
        Some(c) => corpus::replace(c),
        None => corpus::reset(),
    }
    let s = state();
    s.guessed
        .update(|g| g.retain(|name, _| articles.iter().any(|a| &a.name == name)));
    s.articles.set(articles);
    // An undo only puts back what the last change removed.
    s.removed.set(Vec::new());
    s.progress.set(None);
    let saved = persist(&save, &delete).await;
    let outcome = if saved.is_ok() {
        Outcome::Saved
    } else {
        Outcome::NotSaved
    };
    match (done, saved) {
        (Some((summary, problems)), Ok(())) => report(problems.is_empty(), summary, problems),
        (Some((summary, problems)), Err(why)) => report(false, format!("{summary} But {why}"), problems),
        (None, Err(why)) => report(
            false,
            format!("Your added articles are shown, but {why}"),
            Vec::new(),
        ),
        (None, Ok(())) => {}
    }
    outcome
}

/// The bundled corpus extended with `articles`, or `None` when cancelled.
async fn analyse(
    base: &'static Corpus,
    articles: &[AddedArticle],
    label: &str,
    cancellable: bool,
) -> Option<Corpus> {
    let mut slice = js_sys::Date::now();
    let all = base.articles.len() + articles.len();
    // Work units: reading each added article, then each article in each of the four stages.
    let total = articles.len() + 4 * all;
    set_job(label, 0, total, cancellable);
    pause().await;
    let mut extension = Extension::new(base);
    for (i, a) in articles.iter().enumerate() {
        extension.add(a);
        if checkpoint(&mut slice).await.is_err() {
            return None;
        }
        set_job(
            &format!("{label} ({} of {})", i + 1, articles.len()),
            i + 1,
            total,
            cancellable,
        );
    }
    let mut analysis: Analysis = extension.finish();
    let stages = [Stage::Index, Stage::Entities, Stage::Quotes, Stage::Claims];
    loop {
        let stage = analysis.next_stage();
        let at = stages.iter().position(|s| *s == stage).unwrap_or(0);
        let what = match stage {
            Stage::Index => "indexing",
            Stage::Entities => "finding people, organisations and places",
            Stage::Quotes => "finding quotations",
            Stage::Claims => "reading numbers",
        };
        let done = articles.len() + at * all + analysis.done_in_stage();
        let counted = format!("{} of {}", analysis.done_in_stage().min(all), all);
        set_job(
            &format!("{label}: {what} ({counted} articles)"),
            done,
            total,
            cancellable,
        );
        if checkpoint(&mut slice).await.is_err() {
            return None;
        }
        if let Some(corpus) = analysis.step() {
            return Some(corpus);
        }
    }
}

/// Writes to the store; `Err` says what was not saved.
async fn persist(save: &[AddedArticle], delete: &[String]) -> Result<(), String> {
    if save.is_empty() && delete.is_empty() {
        return Ok(());
    }
    let store = STORE.with(|s| s.borrow().clone());
    let Some(store) = store else {
        return Err(match state().storage.get_untracked() {
            Storage::Refused(_) => {
                "they are not saved in this browser: export them to keep them.".to_string()
            }
            _ => "the browser's storage is not open yet, so nothing was saved.".to_string(),
        });
    };
    let put: Vec<(String, String)> = save
        .iter()
        .map(|a| (a.name.clone(), serde_json::to_string(a).unwrap_or_default()))
        .collect();
    store.write(&put, delete).await.map_err(|e| {
        format!(
            "nothing of this change was saved in the browser ({}). The articles are here until \
             the page closes: export them to keep them.",
            e.0
        )
    })
}

/// Files a reader dropped or picked, with where they came from (a folder's files are filtered
/// by extension; files chosen one by one are all tried).
pub struct Incoming {
    pub file: web_sys::File,
    pub from_folder: bool,
}

/// How many files are read at once.
const READ_AT_ONCE: usize = 128;

const TEXT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// Reads, checks and adds files.
pub fn add_files(files: Vec<Incoming>) {
    if files.is_empty() {
        return;
    }
    if busy() {
        report(
            false,
            format!(
                "{} not added: another job is under way. Add them again when it ends.",
                count(files.len(), "file was", "files were")
            ),
            Vec::new(),
        );
        return;
    }
    CANCEL.set(false);
    set_job(
        &format!("Reading files (0 of {})", files.len()),
        0,
        files.len(),
        true,
    );
    spawn_local(async move {
        ready().await;
        let mut slice = js_sys::Date::now();
        let mut read = Vec::new();
        let mut problems = Vec::new();
        let mut skipped_other = 0;
        // Files are read READ_AT_ONCE at a time: the browser reads them concurrently.
        for (c, chunk) in files.chunks(READ_AT_ONCE).enumerate() {
            let at = c * READ_AT_ONCE;
            set_job(
                &format!("Reading files ({} of {})", at + 1, files.len()),
                at,
                files.len(),
                true,
            );
            if checkpoint(&mut slice).await.is_err() {
                return cancelled();
            }
            let mut wanted = Vec::new();
            for incoming in chunk {
                let file = &incoming.file;
                let name = file.name();
                let extension = name
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_lowercase())
                    .unwrap_or_default();
                if incoming.from_folder && !TEXT_EXTENSIONS.contains(&extension.as_str()) {
                    skipped_other += 1;
                    continue;
                }
                let size = file.size() as usize;
                if size > added::MAX_FILE_BYTES {
                    let why = added::Rejection::TooLarge {
                        bytes: size,
                        limit: added::MAX_FILE_BYTES,
                    };
                    problems.push(format!("{name}: {why}"));
                    continue;
                }
                wanted.push((name, file.array_buffer()));
            }
            let promises: js_sys::Array = wanted.iter().map(|(_, p)| JsValue::from(p)).collect();
            let settled = JsFuture::from(js_sys::Promise::all_settled(&promises))
                .await
                .map(|r| js_sys::Array::from(&r))
                .unwrap_or_default();
            for (k, (name, _)) in wanted.iter().enumerate() {
                if checkpoint(&mut slice).await.is_err() {
                    return cancelled();
                }
                let result = settled.get(k as u32);
                let fulfilled = js_sys::Reflect::get(&result, &"status".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .is_some_and(|v| v == "fulfilled");
                let buffer = js_sys::Reflect::get(&result, &"value".into()).ok();
                let Some(buffer) = buffer.filter(|_| fulfilled) else {
                    problems.push(format!("{name}: the browser could not read this file."));
                    continue;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match added::read_file(name, &bytes, None) {
                    Ok(r) => {
                        let guess = r.guessed.then(|| Guess {
                            encoding: r.encoding,
                            file: name.clone(),
                            bytes,
                        });
                        read.push((r.article, guess));
                    }
                    Err(why) => problems.push(format!("{name}: {why}")),
                }
            }
        }
        if skipped_other > 0 {
            problems.push(format!(
                "{} in the folder {} not .txt, .md or .html and {} left out.",
                count(skipped_other, "file", "files"),
                if skipped_other == 1 { "is" } else { "are" },
                if skipped_other == 1 { "was" } else { "were" },
            ));
        }
        add_articles(read, problems, "Reading files").await;
    });
}

/// Ends a cancelled job: nothing was added.
fn cancelled() {
    state().progress.set(None);
    report(false, "Cancelled: nothing was added.".to_string(), Vec::new());
}

/// Adds pasted text as an article.
pub fn add_pasted(article: AddedArticle) {
    if busy() {
        return;
    }
    set_job("Adding the pasted text", 0, 1, false);
    spawn_local(async move {
        ready().await;
        add_articles(vec![(article, None)], Vec::new(), "Adding the pasted text").await;
    });
}

/// Imports an export file: a bad file changes nothing; bad entries are listed.
pub fn import_file(file: web_sys::File) {
    if busy() {
        return;
    }
    let name = file.name();
    set_job(&format!("Reading {name}"), 0, 1, false);
    spawn_local(async move {
        ready().await;
        let text = match JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => {
                state().progress.set(None);
                report(
                    false,
                    format!("{name}: the browser could not read this file."),
                    Vec::new(),
                );
                return;
            }
        };
        match added::import(&text) {
            Err(why) => {
                state().progress.set(None);
                report(
                    false,
                    format!("Nothing was imported from {name}: {why}"),
                    Vec::new(),
                )
            }
            Ok(imported) => {
                let problems = imported
                    .rejected
                    .iter()
                    .map(|(n, why)| format!("Entry {n}: {why}"))
                    .collect();
                let articles = imported.articles.into_iter().map(|a| (a, None)).collect();
                add_articles(articles, problems, "Importing").await;
            }
        }
    });
}

/// Names, de-duplicates and analyses new articles (each with its encoding guess, if any), then
/// reports.
async fn add_articles(new: Vec<(AddedArticle, Option<Guess>)>, mut problems: Vec<String>, label: &str) {
    let s = state();
    let mut list = s.articles.get_untracked();
    let mut seen: HashSet<u64> = corpus::bundled()
        .map(|c| {
            c.articles
                .iter()
                .map(|a| added::fingerprint(&a.doc.text))
                .collect()
        })
        .unwrap_or_default();
    seen.extend(list.iter().map(|a| added::fingerprint(&a.text)));
    let mut fresh = Vec::new();
    let mut duplicates = Vec::new();
    let mut guesses = Vec::new();
    let mut names = Names::of(&list);
    for (a, guess) in new {
        if !seen.insert(added::fingerprint(&a.text)) {
            duplicates.push(a);
            continue;
        }
        let name = names.claim(&a.name);
        if let Some(guess) = guess {
            guesses.push((name.clone(), guess));
        }
        let a = AddedArticle { name, ..a };
        list.push(a.clone());
        fresh.push(a);
    }
    if !duplicates.is_empty() {
        problems.push(format!(
            "{} already in the corpus and {} left out (you can add {} anyway).",
            count(duplicates.len(), "article is", "articles are"),
            if duplicates.len() == 1 { "was" } else { "were" },
            if duplicates.len() == 1 { "it" } else { "them" },
        ));
    }
    s.duplicates.set(duplicates);
    if fresh.is_empty() {
        s.progress.set(None);
        report(false, "No article was added.".to_string(), problems);
        return;
    }
    list.sort_by(|a, b| a.name.cmp(&b.name));
    let done = format!("Added {}.", count(fresh.len(), "article", "articles"));
    let label = format!("{label}: analysing");
    if commit(list, fresh, Vec::new(), label, Some((done, problems))).await != Outcome::Cancelled {
        s.guessed.update(|g| g.extend(guesses));
    }
}

/// Adds the duplicates left out of the last addition.
pub fn add_duplicates_anyway() {
    let dups = state().duplicates.get_untracked();
    if busy() || dups.is_empty() {
        return;
    }
    state().duplicates.set(Vec::new());
    spawn_local(async move {
        let done = format!("Added {}.", count(dups.len(), "duplicate", "duplicates"));
        add_as_they_are(dups, "Analysing", done).await;
    });
}

/// Adds articles without the duplicate check (the reader asked for them), under names no
/// article has, and reports `done`.
async fn add_as_they_are(articles: Vec<AddedArticle>, label: &str, done: String) {
    let mut list = state().articles.get_untracked();
    let mut names = Names::of(&list);
    let fresh: Vec<AddedArticle> = articles
        .into_iter()
        .map(|a| AddedArticle {
            name: names.claim(&a.name),
            ..a
        })
        .collect();
    list.extend(fresh.iter().cloned());
    list.sort_by(|a, b| a.name.cmp(&b.name));
    commit(
        list,
        fresh,
        Vec::new(),
        label.to_string(),
        Some((done, Vec::new())),
    )
    .await;
}

/// Replaces the added article called `name` (edited metadata, another encoding).
pub fn update(name: String, article: AddedArticle) {
    if busy() {
        return;
    }
    spawn_local(async move {
        let mut list = state().articles.get_untracked();
        let Some(slot) = list.iter_mut().find(|a| a.name == name) else {
            return;
        };
        *slot = article.clone();
        let done = format!("Saved the changes to \u{201C}{name}\u{201D}.");
        commit(
            list,
            vec![article],
            Vec::new(),
            "Re-analysing".to_string(),
            Some((done, Vec::new())),
        )
        .await;
    });
}

/// Re-reads a file whose encoding was guessed, as `encoding`.
pub fn reread(name: String, encoding: Encoding) {
    if busy() {
        return;
    }
    let Some(guess) = state().guessed.with_untracked(|g| g.get(&name).cloned()) else {
        return;
    };
    let Some(current) = state()
        .articles
        .with_untracked(|l| l.iter().find(|a| a.name == name).cloned())
    else {
        return;
    };
    match added::read_file(&guess.file, &guess.bytes, Some(encoding)) {
        Ok(r) => {
            state().guessed.update(|g| {
                g.insert(name.clone(), Guess { encoding, ..guess });
            });
            update(
                name,
                AddedArticle {
                    text: r.article.text,
                    ..current
                },
            );
        }
        Err(why) => report(false, format!("{name}: {why}"), Vec::new()),
    }
}

/// Removes added articles (all of them when `names` is empty is not allowed: pass them).
pub fn remove(names: Vec<String>) {
    if busy() || names.is_empty() {
        return;
    }
    spawn_local(async move {
        let list = state().articles.get_untracked();
        let (gone, kept): (Vec<_>, Vec<_>) = list.into_iter().partition(|a| names.contains(&a.name));
        let done = format!("Removed {}.", count(gone.len(), "article", "articles"));
        let outcome = commit(
            kept,
            Vec::new(),
            names,
            "Removing".to_string(),
            Some((done, Vec::new())),
        )
        .await;
        if outcome != Outcome::Cancelled {
            state().removed.set(gone);
        }
    });
}

/// Puts back the articles removed last.
pub fn undo_remove() {
    let gone = state().removed.get_untracked();
    if busy() || gone.is_empty() {
        return;
    }
    state().removed.set(Vec::new());
    spawn_local(async move {
        let done = format!("Put back {}.", count(gone.len(), "article", "articles"));
        add_as_they_are(gone, "Putting back", done).await;
    });
}

/// Downloads the added articles as an export file.
pub fn export_file() {
    let json = state().articles.with_untracked(|a| added::export(a));
    crate::export::download("parallax-added-articles.json", "application/json", &json);
}

/// Downloads a new single offline page with the added articles inside.
pub fn download_offline() {
    spawn_local(async {
        match offline_page().await {
            Ok(page) => crate::export::download("parallax.html", "text/html", &page),
            Err(why) => report(
                false,
                format!("The offline file could not be made: {why}"),
                Vec::new(),
            ),
        }
    });
}

async fn offline_page() -> Result<String, String> {
    let page = PAGE.with(|p| p.borrow().clone());
    let json = state().articles.with_untracked(|a| added::export(a));
    let page = match parallax_core::offline::assets(&page) {
        // Already one file (this is an offline page): swap the articles in.
        None => page,
        // A hosted site: read this page's own built files (same origin) and inline them.
        Some(assets) => {
            let glue = fetch(&assets.glue).await?;
            let glue = String::from_utf8(glue).map_err(|_| "the app's script is not text".to_string())?;
            let wasm = fetch(&assets.wasm).await?;
            let mut styles = Vec::new();
            for href in &assets.stylesheets {
                styles.push(String::from_utf8_lossy(&fetch(href).await?).into_owned());
            }
            parallax_core::offline::inline_page(&page, &styles, &glue, &wasm)?
        }
    };
    let has_articles = state().articles.with_untracked(|a| !a.is_empty());
    Ok(parallax_core::offline::with_added(
        &page,
        has_articles.then_some(json.as_str()),
    ))
}

/// One of this site's own files.
async fn fetch(href: &str) -> Result<Vec<u8>, String> {
    let failed = || format!("could not read {href} from this site");
    let response = JsFuture::from(window().fetch_with_str(href))
        .await
        .map_err(|_| failed())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
