use leptos::prelude::*;
use parallax_core::Date;

use crate::format::long_date;

/// A filter, sort or view link drawn as a chip in a list; `current` marks the one in force;
/// `colour` draws it in an outlet's colour ([`Outlet::colour`](parallax_core::Outlet::colour));
/// `count` follows the label.
#[component]
pub fn Chip(
    href: String,
    current: bool,
    label: String,
    #[prop(optional)] colour: Option<u32>,
    #[prop(optional)] count: Option<usize>,
) -> impl IntoView {
    let class = colour.map_or("chip".to_string(), |c| format!("chip oc{c}"));
    view! {
        <li>
            <a class=class href=href aria-current=current.then_some("true")>
                {label}
                {count.map(|n| view! { " " <span class="n">{n}</span> })}
            </a>
        </li>
    }
}

/// An article's date, or a plain "Date unknown" (never a guess).
#[component]
pub fn PublishedDate(date: Option<Date>) -> impl IntoView {
    match date {
        Some(d) => view! { <time datetime=d.to_string()>{long_date(d)}</time> }.into_any(),
        None => view! { <span class="unknown">"Date unknown"</span> }.into_any(),
    }
}
