//! `window.parallax`: the page's API for scripts and benchmarks.
//!
//! `window.parallax.search(query, k)` → `{ total, ids }`: the number of matching articles and
//! the ids (file names without `.txt`) of the best `k`, ranked as the search page ranks them.
//! `window.parallax.memory()` → the bytes of the wasm module's linear memory (for benchmarks).

use parallax_core::search::{parse_query, search, ParseOptions, SearchOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs `window.parallax`; it searches the corpus the pages show (added articles included).
pub fn install() {
    let search_fn =
        Closure::<dyn Fn(String, Option<u32>) -> JsValue>::new(move |q: String, k: Option<u32>| {
            let Ok(corpus) = crate::corpus::corpus() else {
                return JsValue::NULL;
            };
            let query = parse_query(&q, ParseOptions::default());
            let k = k.unwrap_or(10) as usize;
            let r = search(
                corpus,
                &query,
                SearchOptions {
                    limit: k,
                    ..SearchOptions::default()
                },
            );
            let ids = js_sys::Array::new();
            for &doc in r.ranked.iter().take(k) {
                ids.push(&JsValue::from_str(corpus.articles[doc as usize].id()));
            }
            let out = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&out, &"total".into(), &JsValue::from(r.total as u32));
            let _ = js_sys::Reflect::set(&out, &"ids".into(), &ids);
            out.into()
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
}
