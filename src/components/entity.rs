use leptos::prelude::*;
use parallax_core::entities::Entity;
use parallax_core::Corpus;

use crate::route::Route;

/// An entity's name in its kind's colour, linking to its page.
pub fn entity_link(entity: &Entity) -> impl IntoView {
    view! {
        <a class=format!("ent {}", entity.kind.as_str()) href=Route::Entity(entity.name.clone()).href()>
            {entity.name.clone()}
        </a>
    }
}

/// Table rows for the first `limit` of `items`, each headed by the link of the entity `entity`
/// gives (an index into `corpus.entities`), then the `cells` drawn for it.
pub fn entity_table_rows<T, V: IntoView + 'static>(
    corpus: &Corpus,
    items: &[T],
    limit: usize,
    entity: impl Fn(&T) -> u32,
    cells: impl Fn(&T, &Entity) -> V,
) -> AnyView {
    items
        .iter()
        .take(limit)
        .map(|item| {
            let e = &corpus.entities[entity(item) as usize];
            view! {
                <tr>
                    <th scope="row">{entity_link(e)}</th>
                    {cells(item, e)}
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

/// Titles and descriptions with how many articles use each (`“Belarusian President” ×2`), or
/// `none` in plain words when there are none.
#[component]
pub fn LabelList(labels: Vec<(String, usize)>, none: &'static str) -> impl IntoView {
    if labels.is_empty() {
        return view! { <span class="unknown">{none}</span> }.into_any();
    }
    let items = labels
        .into_iter()
        .map(|(text, n)| {
            view! {
                <li>
                    <q>{text}</q>
                    {(n > 1).then(|| view! { " " <span class="n">{format!("\u{00D7}{n}")}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="label-list">{items}</ul> }.into_any()
}
