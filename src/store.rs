//! The browser's IndexedDB, where added articles persist across reloads (and offline).
//!
//! One database per corpus, `parallax-KEY` (the key, made by `build.rs`, follows from the
//! bundled corpus's files), so two sites or offline files of different corpora on one origin
//! never see each other's articles. Two object stores: `articles` (an added article's JSON by its
//! file name) and `meta` (small flags, such as which embedded article blocks were already
//! taken in). Every failure becomes a sentence a reader can act on. A second database,
//! `parallax-KEY-analysis`, keeps the analysis of the added articles (see `added/kept.rs`): a
//! cache, safe to lose.
//!
//! A write that a closed tab may cut short is noted first in `localStorage` (a journal entry per
//! write, removed once the write commits or fails), so the next visit can name what was being
//! saved and was not kept.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = concat!("parallax-", env!("PARALLAX_CORPUS_KEY"));
const ARTICLES: &str = "articles";
const META: &str = "meta";
const KEPT_DB: &str = concat!("parallax-", env!("PARALLAX_CORPUS_KEY"), "-analysis");
/// The object store of the kept analysis.
pub const KEPT: &str = "analysis";

/// An open database.
#[derive(Clone)]
pub struct Store {
    db: IdbDatabase,
}

/// Opens (creating on first use) the database of added articles; `Err` says in plain words why
/// the browser refuses.
pub async fn open() -> Result<Store, String> {
    open_db(DB, &[ARTICLES, META]).await
}

/// Opens (creating on first use) the database of the kept analysis.
pub async fn open_kept() -> Result<Store, String> {
    open_db(KEPT_DB, &[KEPT]).await
}

/// Opens database `name`, creating the object `stores` it lacks.
async fn open_db(name: &str, stores: &'static [&'static str]) -> Result<Store, String> {
    let refused = |detail: String| {
        format!(
            "This browser does not let Parallax keep articles ({detail}). A private window, or \
             storage turned off for this page, does this. Articles you add stay only until this \
             page is closed: export them to keep them."
        )
    };
    let factory = leptos::prelude::window()
        .indexed_db()
        .map_err(|e| refused(describe(&e)))?
        .ok_or_else(|| refused("no IndexedDB".to_string()))?;
    let request = factory
        .open_with_u32(name, 1)
        .map_err(|e| refused(describe(&e)))?;
    let upgrade = Handler::new({
        let request = request.clone();
        move |_| {
            if let Some(db) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                for &store in stores {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = settle(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    let db = opened
        .map_err(|e| refused(e.to_string()))?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| refused("not a database".to_string()))?;
    Ok(Store { db })
}

/// The prefix of the journal's `localStorage` keys (one per write under way).
const SAVING: &str = concat!("parallax-", env!("PARALLAX_CORPUS_KEY"), "-saving-");

/// A journal entry no older than this may belong to another tab still writing.
const SETTLED_MS: f64 = 10_000.0;

/// Notes that `names` are being written; returns the entry's key, for [`saved`].
pub fn saving(names: &[String]) -> Option<String> {
    let storage = leptos::prelude::window().local_storage().ok().flatten()?;
    let key = format!("{SAVING}{:x}", (js_sys::Math::random() * 1e15) as u64);
    let entry = serde_json::json!({ "at": js_sys::Date::now(), "names": names });
    storage.set_item(&key, &entry.to_string()).ok()?;
    Some(key)
}

/// Removes the journal entry of a write that ended (committed or refused: either way this page
/// said so).
pub fn saved(key: Option<String>) {
    if let (Some(key), Some(storage)) = (key, leptos::prelude::window().local_storage().ok().flatten()) {
        let _ = storage.remove_item(&key);
    }
}

/// The names of writes that a closed page left unfinished and that `stored` does not hold;
/// their journal entries are removed. Entries younger than a few seconds are left alone: they
/// may be another tab's write under way.
pub fn unfinished(stored: &std::collections::HashSet<String>) -> Vec<String> {
    let Some(storage) = leptos::prelude::window().local_storage().ok().flatten() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(SAVING))
        .collect();
    let now = js_sys::Date::now();
    let mut lost = Vec::new();
    for key in keys {
        let entry: serde_json::Value = storage
            .get_item(&key)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default();
        if entry["at"].as_f64().is_some_and(|at| now - at < SETTLED_MS) {
            continue;
        }
        let names = entry["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str());
        lost.extend(names.filter(|n| !stored.contains(*n)).map(str::to_string));
        let _ = storage.remove_item(&key);
    }
    lost.sort();
    lost.dedup();
    lost
}

/// Asks the browser to keep this page's storage rather than clear it under pressure; `None`
/// when the browser cannot be asked.
pub async fn ask_to_keep() -> Option<bool> {
    let promise = leptos::prelude::window().navigator().storage().persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Why a write failed, in plain words.
#[derive(Clone, Debug)]
pub struct WriteError(pub String);

impl Store {
    /// Every stored article as (file name, JSON).
    pub async fn articles(&self) -> Result<Vec<(String, String)>, String> {
        let damaged = |e: String| format!("The stored articles could not be read ({e}).");
        let tx = self
            .transaction(ARTICLES, IdbTransactionMode::Readonly)
            .map_err(damaged)?;
        let store = tx.object_store(ARTICLES).map_err(|e| damaged(describe(&e)))?;
        let keys = settle(&store.get_all_keys().map_err(|e| damaged(describe(&e)))?)
            .await
            .map_err(damaged)?;
        let values = settle(&store.get_all().map_err(|e| damaged(describe(&e)))?)
            .await
            .map_err(damaged)?;
        let keys = js_sys::Array::from(&keys);
        let values = js_sys::Array::from(&values);
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| {
                (
                    k.as_string().unwrap_or_default(),
                    v.as_string().unwrap_or_default(),
                )
            })
            .collect())
    }

    /// Stores the articles (name, JSON) and deletes `removed`, all or nothing.
    pub async fn write(&self, put: &[(String, String)], removed: &[String]) -> Result<(), WriteError> {
        let failed = |e: String| WriteError(e);
        let tx = self
            .transaction(ARTICLES, IdbTransactionMode::Readwrite)
            .map_err(failed)?;
        let store = tx.object_store(ARTICLES).map_err(|e| failed(describe(&e)))?;
        for (name, json) in put {
            store
                .put_with_key(&JsValue::from_str(json), &JsValue::from_str(name))
                .map_err(|e| failed(describe(&e)))?;
        }
        for name in removed {
            store
                .delete(&JsValue::from_str(name))
                .map_err(|e| failed(describe(&e)))?;
        }
        committed(&tx).await.map_err(failed)
    }

    /// Whether the flag `key` is set.
    pub async fn flag(&self, key: &str) -> bool {
        self.get(META, key).await.is_ok_and(|v| !v.is_undefined())
    }

    /// Sets the flag `key`.
    pub async fn set_flag(&self, key: &str) -> Result<(), WriteError> {
        self.put(META, key, &JsValue::TRUE).await
    }

    /// The value under `key` in `store` (`undefined` when there is none).
    pub async fn get(&self, store: &str, key: &str) -> Result<JsValue, String> {
        let tx = self.transaction(store, IdbTransactionMode::Readonly)?;
        let request = tx
            .object_store(store)
            .and_then(|s| s.get(&JsValue::from_str(key)))
            .map_err(|e| describe(&e))?;
        settle(&request).await
    }

    /// Stores `value` under `key` in `store`.
    pub async fn put(&self, store: &str, key: &str, value: &JsValue) -> Result<(), WriteError> {
        let tx = self
            .transaction(store, IdbTransactionMode::Readwrite)
            .map_err(WriteError)?;
        tx.object_store(store)
            .and_then(|s| s.put_with_key(value, &JsValue::from_str(key)))
            .map_err(|e| WriteError(describe(&e)))?;
        committed(&tx).await.map_err(WriteError)
    }

    /// Deletes every key of `store` but those in `keep`.
    pub async fn retain(&self, store: &str, keep: &[String]) -> Result<(), WriteError> {
        let failed = |e: &JsValue| WriteError(describe(e));
        let tx = self
            .transaction(store, IdbTransactionMode::Readwrite)
            .map_err(WriteError)?;
        let objects = tx.object_store(store).map_err(|e| failed(&e))?;
        let keys = settle(&objects.get_all_keys().map_err(|e| failed(&e))?)
            .await
            .map_err(WriteError)?;
        for key in js_sys::Array::from(&keys).iter() {
            if !key.as_string().is_some_and(|k| keep.contains(&k)) {
                objects.delete(&key).map_err(|e| failed(&e))?;
            }
        }
        committed(&tx).await.map_err(WriteError)
    }

    fn transaction(&self, store: &str, mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
        self.db
            .transaction_with_str_and_mode(store, mode)
            .map_err(|e| describe(&e))
    }
}

/// An event handler the page keeps until it is dropped. `Closure::once_into_js` would free a
/// handler only when it runs, so the one of a success/failure pair that never runs would leak
/// (with the request and its result) on every read and write.
type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// A request's result, once it succeeds or fails.
async fn settle(request: &IdbRequest) -> Result<JsValue, String> {
    let mut handlers: Option<(Handler, Handler)> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Handler::new(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Handler::new(move |_| {
            let why = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_success, on_error));
    });
    let result = JsFuture::from(promise).await.map_err(|e| describe(&e));
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    result
}

/// Waits until a transaction commits; `Err` when it fails or is aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let mut handlers: Option<(Handler, Handler)> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Handler::new(move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_error = Handler::new(move |_| {
            let why = failed.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        // A failed write aborts the transaction, with the reason (a full store) as its error.
        tx.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
        tx.set_onabort(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_complete, on_error));
    });
    let result = JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e));
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    drop(handlers);
    result
}

/// A DOM error in plain words: a full store, a refusal, or the browser's own message.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => {
            "the browser's storage for this page is full".to_string()
        }
        Some(e) if matches!(e.name().as_str(), "SecurityError" | "InvalidStateError") => {
            "the browser refuses storage here".to_string()
        }
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None if error.is_undefined() => "the browser gave no reason".to_string(),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}
