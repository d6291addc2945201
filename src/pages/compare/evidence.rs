//! The sentences behind a figure.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{sentence_span, SentenceRef};
use parallax_core::Corpus;
use wasm_bindgen::JsCast;

use crate::components::outlet_badge;
use crate::format::count;
use crate::route::Route;

/// Sentences behind a figure, rendered when first opened.
#[component]
pub(super) fn Evidence(corpus: Arc<Corpus>, refs: Vec<SentenceRef>, summary: AnyView) -> impl IntoView {
    let open = RwSignal::new(false);
    let n = refs.len();
    view! {
        <details class="evidence" on:toggle=move |ev| {
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary>{summary}</summary>
            {move || open.get().then(|| {
                let items = refs
                    .iter()
                    .filter_map(|&r| {
                        let (doc, anchor) = r;
                        let article = &corpus.articles[doc as usize];
                        let text = sentence_span(&corpus, r)?.of(&article.document.text).to_string();
                        let href = Route::reader(article, Some(anchor)).href();
                        Some(view! {
                            <li>{outlet_badge(&corpus, article.outlet)}" "<a href=href>{text}</a></li>
                        })
                    })
                    .collect_view();
                view! { <ol class="sentences" aria-label=count(n, "sentence", "sentences")>{items}</ol> }
            })}
        </details>
    }
}
