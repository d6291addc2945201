//! `window.parallax`: the page's API for scripts and benchmarks.
//!
//! `window.parallax.search(query, k)` → `{ total, ids }`: the number of matching articles and
//! the ids (file names without `.txt`) of the best `k`, ranked as the search page ranks them.

use parallax_core::search::{parse_query, search, ParseOptions, SearchOptions};
use parallax_core::Corpus;
use wasm_bindgen::prelude::*;

/// Installs `window.parallax`.
pub fn install(corpus: &'static Corpus) {
    let search_fn =
        Closure::<dyn Fn(String, Option<u32>) -> JsValue>::new(move |q: String, k: Option<u32>| {
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
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&api, &"search".into(), search_fn.as_ref());
    search_fn.forget(); // lives as long as the page
    let _ = js_sys::Reflect::set(&leptos::prelude::window(), &"parallax".into(), &api);
}
