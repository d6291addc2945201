use leptos::prelude::*;
use parallax_core::Corpus;

/// An outlet's name in its colour; the same outlet has the same colour on every page. Unknown
/// outlets say so rather than guess.
#[component]
pub fn OutletBadge(corpus: &'static Corpus, outlet: Option<u32>) -> impl IntoView {
    match outlet.and_then(|i| corpus.outlets.get(i as usize).map(|o| (i, o))) {
        Some((i, o)) => view! {
            <span class=format!("outlet oc{}", i % 8) title=o.affiliation.clone().unwrap_or_default()>
                {o.name.clone()}
            </span>
        }
        .into_any(),
        None => view! { <span class="outlet unknown">"Outlet unknown"</span> }.into_any(),
    }
}

/// Marks an article the reader added (nothing for the corpus's own articles).
#[component]
pub fn AddedMark(article: &'static parallax_core::Article) -> impl IntoView {
    crate::added::is_added(article.id()).then(|| {
        view! { <a class="added-mark" href="#/add" title="You added this article; edit or remove it under Your articles">"added"</a> }
    })
}
