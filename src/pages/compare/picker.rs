//! The side pickers: each side an outlet, an article or a search.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::Side;
use parallax_core::Corpus;
use wasm_bindgen::JsCast;

use crate::route::Route;

/// Articles offered one by one in the side pickers; beyond this, use a search.
const MAX_ARTICLE_OPTIONS: usize = 400;

/// Each side: an outlet, an article, or a search; the choice becomes the URL.
#[component]
pub(super) fn SidePicker(corpus: Arc<Corpus>, a: String, b: String) -> impl IntoView {
    let picker = move |key: &'static str, label: &'static str, current: String| {
        let select_id = format!("side-{key}");
        let search_id = format!("side-{key}-q");
        let is_search = !current.is_empty() && matches!(Side::parse(&current), Side::Search(_));
        let mode = RwSignal::new(if is_search {
            "search".to_string()
        } else {
            current.clone()
        });
        let outlets = corpus
            .outlets
            .iter()
            .map(|o| {
                let value = Side::Outlet(o.key.clone()).spec();
                view! { <option value=value.clone() selected=value == current>{o.name.clone()}</option> }
            })
            .collect_view();
        let articles = (corpus.articles.len() <= MAX_ARTICLE_OPTIONS).then(|| {
            corpus
                .articles
                .iter()
                .map(|art| {
                    let value = Side::Document(art.id().to_string()).spec();
                    let title: String = art.display_title().chars().take(90).collect();
                    view! { <option value=value.clone() selected=value == current>{title}</option> }
                })
                .collect_view()
        });
        let query = if is_search { current.clone() } else { String::new() };
        view! {
            <div class="side-picker">
                <label for=select_id.clone()>{label}</label>
                <select id=select_id on:change=move |ev| mode.set(event_target_value(&ev))>
                    <option value="" selected=current.is_empty()>"Choose\u{2026}"</option>
                    <optgroup label="Outlets">{outlets}</optgroup>
                    {articles.map(|a| view! { <optgroup label="Articles">{a}</optgroup> })}
                    <option value="search" selected=is_search>"A search\u{2026}"</option>
                </select>
                <span class="side-query" class:hidden=move || mode.get() != "search">
                    <label for=search_id.clone() class="visually-hidden">{format!("{label}: search")}</label>
                    <input id=search_id type="search" placeholder="e.g. protest outlet:rt" value=query name=key />
                </span>
            </div>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |key: &str| -> String {
            let doc = document();
            let get = |id: String| {
                doc.get_element_by_id(&id)
                    .and_then(|e| {
                        e.dyn_into::<web_sys::HtmlInputElement>()
                            .ok()
                            .map(|i| i.value())
                            .or_else(|| {
                                doc.get_element_by_id(&format!("side-{key}"))
                                    .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                                    .map(|s| s.value())
                            })
                    })
                    .unwrap_or_default()
            };
            let select = doc
                .get_element_by_id(&format!("side-{key}"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if select == "search" {
                get(format!("side-{key}-q"))
            } else {
                select
            }
        };
        let href = Route::Compare {
            a: value("a"),
            b: value("b"),
        }
        .href();
        let _ = window().location().set_hash(&href);
    };
    view! {
        <form class="side-pickers" on:submit=submit>
            {picker("a", "Side A", a)}
            {picker("b", "Side B", b)}
            <button type="submit">"Compare"</button>
        </form>
    }
}
