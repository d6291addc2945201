use leptos::prelude::*;
use parallax_core::Corpus;

/// An outlet's name in its colour; the same outlet has the same colour on every page. Unknown
/// outlets say so rather than guess.
#[component]
pub fn OutletBadge(corpus: &'static Corpus, outlet: Option<u32>) -> impl IntoView {
    match outlet.and_then(|i| corpus.outlets.get(i as usize)) {
        Some(o) => view! {
            <span class=format!("outlet oc{}", o.colour()) title=o.affiliation.clone().unwrap_or_default()>
                {o.name.clone()}
            </span>
        }
        .into_any(),
        None => view! { <span class="outlet unknown">"Outlet unknown"</span> }.into_any(),
    }
}

/// An outlet's name in its colour followed by what the corpus says of it (`RT: Russian
/// state-funded television network`), or the name alone when it says nothing.
#[component]
pub fn OutletDescribed(corpus: &'static Corpus, outlet: Option<u32>) -> impl IntoView {
    let affiliation = outlet
        .and_then(|o| corpus.outlets.get(o as usize))
        .and_then(|o| o.affiliation.clone());
    view! {
        <span class="described">
            <OutletBadge corpus=corpus outlet=outlet />
            {affiliation.map(|a| view! { <span class="affiliation">": " {a}</span> })}
        </span>
    }
}

/// Marks an article whose title is a stand-in for a missing headline.
#[component]
pub fn NoHeadline(article: &'static parallax_core::Article) -> impl IntoView {
    article.title().is_none().then(|| {
        view! { " " <span class="no-headline" title="The text has no headline; the start of its first sentence stands in">"no headline"</span> }
    })
}

/// Marks an article the reader added (nothing for the corpus's own articles).
#[component]
pub fn AddedMark(article: &'static parallax_core::Article) -> impl IntoView {
    crate::added::is_added(article.id()).then(|| {
        view! { <a class="added-mark" href="#/add" title="You added this article; edit or remove it under Your articles">"added"</a> }
    })
}
