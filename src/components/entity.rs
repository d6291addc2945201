use leptos::prelude::*;
use parallax_core::entities::Entity;

use crate::route::Route;

/// An entity's name in its kind's colour, linking to its page.
pub fn entity_link(entity: &Entity) -> impl IntoView {
    view! {
        <a class=format!("ent {}", entity.kind.as_str()) href=Route::Entity(entity.name.clone()).href()>
            {entity.name.clone()}
        </a>
    }
}

/// A table row headed by an entity's link, then its `cells`.
pub fn entity_row(entity: &Entity, cells: impl IntoView) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{entity_link(entity)}</th>
            {cells}
        </tr>
    }
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
