use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::corpus;
use crate::format::{count, month_year};
use crate::route::{Route, SearchState};

/// The id of the search box, focused by the `/` key.
const SEARCH_BOX_ID: &str = "search-box";

/// The banner: the name, the way home, the search box, and what the corpus holds.
#[component]
pub fn SiteHeader(route: RwSignal<Route>) -> impl IntoView {
    let summary = move || {
        crate::corpus::generation().track();
        let c = corpus().ok()?;
        let dates: Vec<_> = c.articles.iter().filter_map(|a| a.published).collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if month_year(*a) == month_year(*b) => format!(" · {}", month_year(*a)),
            (Some(a), Some(b)) => format!(" · {} – {}", month_year(*a), month_year(*b)),
            _ => String::new(),
        };
        let articles = count(c.articles.len(), "article", "articles");
        Some(match c.outlets.len() {
            // Articles whose outlet neither the text nor the metadata names.
            0 => format!("{articles}{span}"),
            n => format!("{articles} from {}{span}", count(n, "outlet", "outlets")),
        })
    };
    let current_q = move || match route.get() {
        Route::Search(s) => s.q,
        _ => String::new(),
    };
    // Typing replaces the history entry (no entry per keystroke); Enter adds one.
    let go = move |q: String, replace: bool| {
        let state = match route.get_untracked() {
            Route::Search(s) => SearchState { q, page: 1, ..s },
            _ => SearchState {
                q,
                page: 1,
                ..SearchState::default()
            },
        };
        let href = Route::Search(state).href();
        let location = window().location();
        let _ = if replace && matches!(route.get_untracked(), Route::Search(_)) {
            location.replace(&href)
        } else {
            location.set_hash(&href)
        };
    };
    let focus_on_slash = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || e.has_attribute("contenteditable")
            });
        if ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            if let Some(input) = document()
                .get_element_by_id(SEARCH_BOX_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                ev.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }
    });
    on_cleanup(move || focus_on_slash.remove());
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-name">"Parallax"</span>
            </a>
            <nav aria-label="Main">
                <ul>
                    <li><a href="#/">"Library"</a></li>
                    <li><a href="#/entities">"Entities"</a></li>
                    <li><a href="#/compare">"Compare"</a></li>
                    <li><a href="#/add">"Your articles"</a></li>
                </ul>
            </nav>
            <form role="search" class="search-form" on:submit=move |ev| {
                ev.prevent_default();
                let value = document()
                    .get_element_by_id(SEARCH_BOX_ID)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .unwrap_or_default();
                go(value, false);
            }>
                <label for=SEARCH_BOX_ID class="visually-hidden">"Search the articles"</label>
                <input
                    id=SEARCH_BOX_ID
                    type="search"
                    placeholder="Search (press /)"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=current_q
                    on:input=move |ev| go(event_target_value(&ev), true)
                />
            </form>
            <p class="corpus-summary">{summary}</p>
        </header>
    }
}
