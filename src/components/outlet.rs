//! Outlet names and article marks, drawn from a borrowed corpus as it renders.

use leptos::prelude::*;
use parallax_core::{Article, Corpus};

/// An outlet's name in its colour; the same outlet has the same colour on every page. Unknown
/// outlets say so rather than guess.
pub fn outlet_badge(corpus: &Corpus, outlet: Option<u32>) -> AnyView {
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
pub fn outlet_described(corpus: &Corpus, outlet: Option<u32>) -> impl IntoView {
    let affiliation = outlet
        .and_then(|o| corpus.outlets.get(o as usize))
        .and_then(|o| o.affiliation.clone());
    view! {
        <span class="described">
            {outlet_badge(corpus, outlet)}
            {affiliation.map(|a| view! { <span class="affiliation">": " {a}</span> })}
        </span>
    }
}

/// Marks an article whose title is a stand-in for a missing headline.
pub fn no_headline(article: &Article) -> impl IntoView {
    article.title().is_none().then(|| {
        view! { " " <span class="no-headline" title="The text has no headline; the start of its first sentence stands in">"no headline"</span> }
    })
}

/// Marks an article the reader added (nothing for the corpus's own articles).
pub fn added_mark(article: &Article) -> impl IntoView {
    crate::added::is_added(article.id()).then(|| {
        view! { <a class="added-mark" href="#/add" title="You added this article; edit or remove it under Your articles">"added"</a> }
    })
}
