//! `window.parallax`: the page's API for scripts and benchmarks.
//!
//! `window.parallax.search(query, k)` → `{ total, ids }`: the number of matching articles and
//! the ids (file names without `.txt`) of the best `k`, ranked as the search page ranks them
//! (as you type: the last word is also a prefix).
//! The last answers are kept ([`TopCache`]), so a repeated query costs a lookup; answers are
//! frozen, as the same object goes to everyone asking the same.
//! `window.parallax.search(query, k, true)` works the answer out afresh, neither reading nor
//! filling that cache: benchmarks time the engine with it, not a lookup.
//! `window.parallax.memory()` → the bytes of the wasm module's linear memory, and
//! `window.parallax.live()` → the bytes the app holds on its heap now (for benchmarks: linear
//! memory never shrinks, so only the second tells a leak from a fragmented heap).
//! While the page is idle, it answers [`warm_up_queries`] (a slice at a time, answers thrown
//! away), so a reader's first searches run on optimised code and find typo correction ready.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_core::search::{search_top, warm_up_queries, TopCache};
use parallax_core::Corpus;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::ForCorpus;

thread_local! {
    /// Answers of `window.parallax.search` for the corpus they were worked out on.
    static CACHE: RefCell<ForCorpus<TopCache<JsValue>>> = const { RefCell::new(ForCorpus::new()) };
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
    let search_fn = Closure::<dyn Fn(String, Option<u32>, Option<bool>) -> JsValue>::new(
        move |q: String, k: Option<u32>, fresh: Option<bool>| {
            let Ok(corpus) = crate::corpus::corpus() else {
                return JsValue::NULL;
            };
            let k = k.unwrap_or(10) as usize;
            if fresh == Some(true) {
                return answer(&corpus, &q, k);
            }
            CACHE.with_borrow_mut(|kept| {
                kept.get(&corpus, |_| TopCache::default())
                    .get(&q, k, || answer(&corpus, &q, k))
            })
        },
    );
    let memory_fn = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| b.byte_length() as f64)
            })
    });
    let live_fn = Closure::<dyn Fn() -> f64>::new(|| live_bytes() as f64);
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&api, &"live".into(), live_fn.as_ref());
    live_fn.forget();
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
            let mut all = warm_up_queries(&corpus);
            all.reverse();
            all
        });
        while deadline.time_remaining() >= 1.0 {
            let Some(q) = queries.pop() else {
                return;
            };
            drop(answer(&corpus, &q, 10));
        }
        warm_up_when_idle(Some(queries));
    });
    let _ = leptos::prelude::window().request_idle_callback(slice.unchecked_ref());
}

/// The system allocator, counting the bytes it has handed out and not had back.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bytes the app holds on its heap now.
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}
