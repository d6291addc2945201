//! The browser's IndexedDB, where added articles persist across reloads (and offline).
//!
//! One database per corpus, `parallax-KEY` (the key, made by `build.rs`, follows from the
//! bundled corpus's files), so two sites or offline files of different corpora on one origin
//! never see each other's articles. Two object stores: `articles` (an added article's JSON by its
//! file name) and `meta` (small flags, such as which embedded article blocks were already
//! taken in). Every failure becomes a sentence a reader can act on.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = concat!("parallax-", env!("PARALLAX_CORPUS_KEY"));
const ARTICLES: &str = "articles";
const META: &str = "meta";

/// An open database.
#[derive(Clone)]
pub struct Store {
    db: IdbDatabase,
}

/// Opens (creating on first use) the database; `Err` says in plain words why the browser
/// refuses.
pub async fn open() -> Result<Store, String> {
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
    let request = factory.open_with_u32(DB, 1).map_err(|e| refused(describe(&e)))?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move |_: web_sys::Event| {
            if let Some(db) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                for store in [ARTICLES, META] {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = settle(&request)
        .await
        .map_err(|e| refused(e.to_string()))?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| refused("not a database".to_string()))?;
    Ok(Store { db })
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
        let Ok(tx) = self.transaction(META, IdbTransactionMode::Readonly) else {
            return false;
        };
        let Some(request) = tx
            .object_store(META)
            .ok()
            .and_then(|s| s.get(&JsValue::from_str(key)).ok())
        else {
            return false;
        };
        settle(&request).await.is_ok_and(|v| !v.is_undefined())
    }

    /// Sets the flag `key`.
    pub async fn set_flag(&self, key: &str) -> Result<(), WriteError> {
        let tx = self
            .transaction(META, IdbTransactionMode::Readwrite)
            .map_err(WriteError)?;
        let store = tx.object_store(META).map_err(|e| WriteError(describe(&e)))?;
        store
            .put_with_key(&JsValue::TRUE, &JsValue::from_str(key))
            .map_err(|e| WriteError(describe(&e)))?;
        committed(&tx).await.map_err(WriteError)
    }

    fn transaction(&self, store: &str, mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
        self.db
            .transaction_with_str_and_mode(store, mode)
            .map_err(|e| describe(&e))
    }
}

/// A request's result, once it succeeds or fails.
async fn settle(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let why = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Waits until a transaction commits; `Err` when it fails or is aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let why = failed.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        // A failed write aborts the transaction, with the reason (a full store) as its error.
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
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
