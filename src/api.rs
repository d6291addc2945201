//! `window.parallax`: the page's API for scripts and benchmarks.
//!
//! `window.parallax.search(query, k)` → `{ total, ids }`: the number of matching articles and
//! the ids (file names without `.txt`) of the best `k`, ranked as the search page ranks them
//! (as you type: the last word is also a prefix).
//! The last answers are kept ([`TopCache`]), so a repeated query costs a lookup; answers are
//! frozen, as the same object goes to everyone asking the same.
//! `window.parallax.memory()` → the bytes of the wasm module's linear memory (for benchmarks).
//! While the page is idle, it answers [`warm_up_queries`] (a slice at a time, answers thrown
//! away), so a reader's first searches run on optimised code and find typo correction ready.

use std::cell::RefCell;

use parallax_core::search::{search_top, warm_up_queries, TopCache};
use parallax_core::Corpus;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Answers of `window.parallax.search` for the corpus they were worked out on.
    static CACHE: RefCell<(Option<&'static Corpus>, TopCache<JsValue>)> = RefCell::default();
    /// The answers' keys, made once rather than decoded from UTF-8 on every answer.
    static KEYS: (JsValue, JsValue) = (JsValue::from_str("total"), JsValue::from_str("ids"));
}

/// `{ total, ids }`, frozen: one answer object is handed to every caller asking the same.
fn answer(corpus: &Corpus, q: &str, k: usize) -> JsValue {
    let r = search_top(corpus, q, k);
    let ids = js_sys::Array::new();
    for &doc in &r.ranked {
        ids.push(&JsValue::from_str(corpus.articles[doc as usize].id()));
    }
    let out = js_sys::Object::new();
    KEYS.with(|(total, id_list)| {
        let _ = js_sys::Reflect::set(&out, total, &JsValue::from(r.total as u32));
        let _ = js_sys::Reflect::set(&out, id_list, &js_sys::Object::freeze(&ids));
    });
    js_sys::Object::freeze(&out).into()
}

/// Installs `window.parallax`; it searches the corpus the pages show (added articles included).
pub fn install() {
    let search_fn =
        Closure::<dyn Fn(String, Option<u32>) -> JsValue>::new(move |q: String, k: Option<u32>| {
            let Ok(corpus) = crate::corpus::corpus() else {
                return JsValue::NULL;
            };
            CACHE.with_borrow_mut(|(of, cache)| {
                if !of.is_some_and(|c| std::ptr::eq(c, corpus)) {
                    *of = Some(corpus);
                    *cache = TopCache::default();
                }
                let k = k.unwrap_or(10) as usize;
                cache.get(&q, k, || answer(corpus, &q, k))
            })
        });
    let memory_fn = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| b.byte_length() as f64)
            })
    });
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&api, &"search".into(), search_fn.as_ref());
    let _ = js_sys::Reflect::set(&api, &"memory".into(), memory_fn.as_ref());
    search_fn.forget(); // lives as long as the page
    memory_fn.forget();
    let _ = js_sys::Reflect::set(&leptos::prelude::window(), &"parallax".into(), &api);
    warm_up_when_idle(None);
}

/// Answers [`warm_up_queries`] (`queries`: those left, from the last; `None`: not yet made) as
/// scripts are answered, bypassing the kept answers, in the page's idle time: each slice stops
/// when the browser wants the time back. A browser without idle callbacks skips the warm-up.
fn warm_up_when_idle(queries: Option<Vec<String>>) {
    let slice = Closure::once_into_js(move |deadline: web_sys::IdleDeadline| {
        let Ok(corpus) = crate::corpus::corpus() else {
            return;
        };
        let mut queries = queries.unwrap_or_else(|| {
            let mut all = warm_up_queries(corpus);
            all.reverse();
            all
        });
        while deadline.time_remaining() >= 1.0 {
            let Some(q) = queries.pop() else {
                return;
            };
            drop(answer(corpus, &q, 10));
        }
        warm_up_when_idle(Some(queries));
    });
    let _ = leptos::prelude::window().request_idle_callback(slice.unchecked_ref());
}
