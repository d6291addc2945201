//! # parallax-app
//!
//! The Leptos (client-side rendered) front end. It owns signals, routes and components, and
//! nothing else: every figure it shows comes from `parallax-core`, computed at build time and
//! embedded (see `corpus.rs`).

mod added;
mod api;
mod components;
mod corpus;
mod export;
mod fetch;
mod format;
mod pages;
pub mod route;
mod store;

pub use added::keep_page;

use leptos::prelude::*;

use crate::components::SiteHeader;
use crate::pages::{AddPage, Compare, Entities, EntityPage, JobProgress, Library, NotFound, Reader, Search};
use crate::route::Route;

/// Reads the built corpus before the app mounts. While fragments arrive, the page says how many
/// have (a plain paragraph, gone once the app mounts).
pub async fn load_corpus() {
    let doc = document();
    let status = doc.create_element("p").ok();
    if let (Some(status), Some(body)) = (&status, doc.body()) {
        status.set_class_name("loading");
        let _ = status.set_attribute("role", "status");
        let _ = body.append_child(status);
    }
    corpus::load(|done, of| {
        if let Some(status) = &status {
            status.set_text_content(Some(&format!("Loading the corpus: {done} of {of} parts\u{2026}")));
        }
    })
    .await;
    if let Some(status) = status {
        status.remove();
    }
}

/// The whole app: header, the view the URL fragment names, footer.
#[component]
pub fn App() -> impl IntoView {
    api::install();
    added::start();
    let route = RwSignal::new(Route::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()))
    });
    on_cleanup(move || listener.remove());
    // After each view renders: bring a targeted paragraph into view; on navigation (not on first
    // load) move focus to the new view's heading, as a screen reader user expects.
    Effect::new(move |previous: Option<()>| {
        route.track();
        let navigated = previous.is_some();
        request_animation_frame(move || focus_view(navigated));
    });
    // Whether the Add page shows, as a memo: the progress bar elsewhere is drawn anew only when
    // that changes, not on every navigation.
    let adding = Memo::new(move |_| matches!(route.get(), Route::Add));
    let body = move || {
        // A new corpus re-renders every view but the one adding articles, whose forms the
        // reader may be filling in meanwhile (it follows the added articles by itself).
        if !matches!(route.get(), Route::Add) {
            corpus::generation().track();
        }
        // Compare waits for a fragmented corpus's prior, fetched when it first asks.
        if matches!(route.get(), Route::Compare { .. }) {
            corpus::prior_arrived().track();
        }
        match corpus::corpus() {
        Err(e) => view! {
            <section class="error" role="alert">
                <h1>"This copy of Parallax cannot read its corpus"</h1>
                <p>{as_sentence(&e.to_string())}</p>
                <p>{e.advice()}</p>
            </section>
        }
        .into_any(),
        Ok(c) => match route.get() {
            Route::Library(q) => view! { <Library corpus=c query=q /> }.into_any(),
            Route::Search(state) => view! { <Search corpus=c state=state /> }.into_any(),
            Route::Compare { a, b } => view! { <Compare corpus=c a=a b=b /> }.into_any(),
            Route::Entities(q) => view! { <Entities corpus=c query=q /> }.into_any(),
            Route::Entity(name) => match corpus::entity_named(&c, &name) {
                Some(e) => view! { <EntityPage corpus=c entity=e /> }.into_any(),
                None => view! { <NotFound what=format!("No entity of this corpus is called \u{201C}{name}\u{201D}.") /> }
                    .into_any(),
            },
            Route::Reader { id, anchor } => match corpus::article(&c, &id) {
                Some(a) => view! { <Reader corpus=c article=a anchor=anchor /> }.into_any(),
                None => view! { <NotFound what=format!("There is no article \u{201C}{id}\u{201D} in this corpus.") /> }
                    .into_any(),
            },
            Route::Add => view! { <AddPage /> }.into_any(),
            Route::NotFound(raw) => {
                view! { <NotFound what=format!("Parallax has no page at \u{201C}#{raw}\u{201D}.") /> }.into_any()
            }
        },
    }
    };
    view! {
        <a class="skip" href="#main" on:click=skip_to("main")>"Skip to content"</a>
        <SiteHeader route=route />
        {move || (!adding.get()).then(|| view! { <JobProgress /> })}
        <main id="main" tabindex="-1">{body}</main>
        <footer class="site-footer">
            <p>
                "Parallax runs entirely in your browser: nothing you do here is sent anywhere. "
                "Articles belong to their outlets."
            </p>
        </footer>
    }
}

/// The skip link moves focus without changing the route fragment.
/// A skip link's click: focus moves to the element `id` (which has `tabindex="-1"`) without
/// touching the URL fragment, where the routes live.
pub(crate) fn skip_to(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        if let Some(target) = document().get_element_by_id(id) {
            if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
                let _ = target.focus();
            }
        }
    }
}

fn focus_view(navigated: bool) {
    use wasm_bindgen::JsCast;
    let doc = document();
    // Typing in the search box changes the route; focus stays where the reader types.
    if doc.active_element().is_some_and(|e| e.tag_name() == "INPUT") {
        return;
    }
    let focus = |selector: &str| {
        let el = doc
            .query_selector(selector)
            .ok()
            .flatten()?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        el.focus().ok()?;
        Some(el)
    };
    if let Some(target) = focus("main .target") {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    } else if navigated {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        focus("main h1");
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// An error's message as a sentence: a capital first, a full stop last.
pub(crate) fn as_sentence(message: &str) -> String {
    let mut chars = message.trim().chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
