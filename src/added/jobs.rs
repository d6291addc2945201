//! The job under way: its progress, its pauses for the browser, cancelling, and the commit that
//! analyses the corpus with the added articles and shows it.

use leptos::prelude::*;
use parallax_core::reading::AddedArticle;
use parallax_core::{Analysis, Corpus, Extension, Stage};
use wasm_bindgen_futures::JsFuture;

use super::kept;
use super::persist::persist;
use super::{notify, state, Progress, ADDED_IDS, CANCEL, READY};
use crate::corpus;

/// Waits until the stored articles are back, so an addition cannot overtake them.
pub(super) async fn ready() {
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
pub(super) async fn checkpoint(slice_start: &mut f64) -> Result<(), ()> {
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

pub(super) fn set_job(label: &str, done: usize, total: usize, cancellable: bool) {
    state().progress.set(Some(Progress {
        label: label.to_string(),
        done,
        total,
        cancellable,
    }));
}

/// How a commit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Nothing changed.
    Cancelled,
    /// Shown and stored.
    Saved,
    /// Shown, but the store refused (reported).
    NotSaved,
}

/// Stores `save` and deletes `delete`, analyses the bundled corpus plus `articles` and shows
/// it, and reports `done` (with what was not saved). Storing comes first, so a reload or a
/// closed tab during the analysis loses nothing; when cancelled, the store is put back as it
/// was and nothing changes.
pub(super) async fn commit(
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
    set_job(&label, 0, 1, cancellable);
    let saved = persist(&save, &delete).await;
    if saved.is_ok() && !save.is_empty() && !ASKED_TO_KEEP.replace(true) {
        // Not awaited: a browser may ask its reader first (Firefox does), and the work goes on.
        leptos::task::spawn_local(async { state().kept.set(crate::store::ask_to_keep().await) });
    }
    let key = kept::key(&articles);
    let corpus = if articles.is_empty() {
        None
    } else {
        let back = kept::bring_back(&key, |i, n| {
            set_job(&format!("{label} ({i} of {n} parts)"), i, n, cancellable);
        })
        .await;
        let fresh = back.is_none();
        let corpus = match back {
            Some(c) if !(cancellable && CANCEL.get()) => Some(c),
            Some(_) => None,
            None => analyse(&base, &articles, &label, cancellable).await,
        };
        match corpus {
            Some(c) => Some((c, fresh)),
            None => {
                if saved.is_ok() {
                    undo_saving(&save, &delete).await;
                }
                state().progress.set(None);
                notify(
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
        Some((c, fresh)) => {
            let shown = corpus::replace(c);
            // Kept only with the articles it is of: a reload brings back the stored ones.
            if fresh && saved.is_ok() {
                leptos::task::spawn_local(kept::keep(shown, key));
            }
        }
        None => {
            corpus::reset();
            leptos::task::spawn_local(kept::forget());
        }
    }
    let s = state();
    s.guessed
        .update(|g| g.retain(|name, _| articles.iter().any(|a| &a.name == name)));
    s.articles.set(articles);
    // An undo only puts back what the last change removed.
    s.removed.set(Vec::new());
    s.progress.set(None);
    let outcome = if saved.is_ok() {
        Outcome::Saved
    } else {
        Outcome::NotSaved
    };
    match (done, saved) {
        (Some((summary, problems)), Ok(())) => notify(problems.is_empty(), summary, problems),
        (Some((summary, problems)), Err(why)) => notify(false, format!("{summary} But {why}"), problems),
        (None, Err(why)) => notify(
            false,
            format!("Your added articles are shown, but {why}"),
            Vec::new(),
        ),
        (None, Ok(())) => {}
    }
    outcome
}

thread_local! {
    /// Whether the browser was asked this visit to keep the page's storage.
    static ASKED_TO_KEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Puts the store back as it was before a cancelled change stored `save` and deleted `delete`
/// (the list shown is still the one before the change).
async fn undo_saving(save: &[AddedArticle], delete: &[String]) {
    let before = state().articles.get_untracked();
    let was = |name: &str| before.iter().find(|a| a.name == name);
    let put_back: Vec<AddedArticle> = save
        .iter()
        .filter_map(|a| was(&a.name))
        .chain(delete.iter().filter_map(|name| was(name)))
        .cloned()
        .collect();
    let added: Vec<String> = save
        .iter()
        .filter(|a| was(&a.name).is_none())
        .map(|a| a.name.clone())
        .collect();
    let _ = persist(&put_back, &added).await;
}

/// The bundled corpus extended with `articles`, or `None` when cancelled.
async fn analyse(base: &Corpus, articles: &[AddedArticle], label: &str, cancellable: bool) -> Option<Corpus> {
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

/// Ends a cancelled job: nothing was added.
pub(super) fn cancelled() {
    state().progress.set(None);
    notify(false, "Cancelled: nothing was added.".to_string(), Vec::new());
}
