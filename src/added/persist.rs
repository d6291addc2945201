//! Keeping added articles in IndexedDB: bringing them back at start (with those an offline page
//! carries) and writing each change.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::reading::{self, AddedArticle};

use super::dedupe::names_taken;
use super::jobs::{commit, Outcome};
use super::{notify, state, Storage, READY};
use crate::format::count;
use crate::store::{self, Store};

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
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
                let stored = records.iter().map(|(name, _)| name.clone()).collect();
                problems.extend(store::unfinished(&stored).into_iter().map(|name| {
                    format!(
                        "\u{201C}{name}\u{201D} was being saved when this page last closed, and was not \
                         kept: add it again."
                    )
                }));
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
            notify(
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
        let flag = format!("embedded:{:016x}", reading::fingerprint(&json));
        let taken = match &store {
            Some(store) => store.flag(&flag).await,
            None => false,
        };
        if !taken {
            if let Ok(imported) = reading::import(&json) {
                let mut taken = names_taken(&articles);
                for a in &articles {
                    taken.text(&a.text);
                }
                for a in imported.articles {
                    if taken.claim_text(&a.text) {
                        let a = AddedArticle {
                            name: taken.claim_name(&a.name),
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
        "Bringing back your {}",
        count(articles.len(), "added article", "added articles")
    );
    let outcome = commit(articles, save, Vec::new(), label, None).await;
    if let (Outcome::Saved, Some(store), Some(flag)) = (outcome, store, embedded_flag) {
        let _ = store.set_flag(&flag).await;
    }
}

/// Writes to the store; `Err` says what was not saved.
pub(super) async fn persist(save: &[AddedArticle], delete: &[String]) -> Result<(), String> {
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
    let journal = store::saving(&save.iter().map(|a| a.name.clone()).collect::<Vec<_>>());
    let written = store.write(&put, delete).await;
    store::saved(journal);
    written.map_err(|e| {
        format!(
            "nothing of this change was saved in the browser ({}). The articles are here until \
             the page closes: export them to keep them.",
            e.0
        )
    })
}
