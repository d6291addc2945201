//! One module per view the router can show.

use leptos::prelude::*;

mod add;
mod compare;
mod entities;
mod entity;
mod intro;
mod library;
mod not_found;
mod reader;
mod search;

pub use add::{AddPage, JobProgress};
pub use compare::Compare;
pub use entities::Entities;
pub use entity::EntityPage;
pub use library::Library;
pub use not_found::NotFound;
pub use reader::Reader;
pub use search::Search;

/// A view's frame: a section labelled by its heading (which takes focus on navigation), the lede
/// under the heading, then the view's own content.
#[component]
fn Page(
    /// The section's class.
    class: &'static str,
    /// The heading's id, which labels the section.
    heading: &'static str,
    title: &'static str,
    /// A sentence or two on what the view is for.
    lede: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=class aria-labelledby=heading>
            <h1 id=heading tabindex="-1">{title}</h1>
            <p class="lede">{lede}</p>
            {children()}
        </section>
    }
}

/// Sets the browser tab's title for a view.
fn set_title(title: &str) {
    leptos::prelude::document().set_title(&format!("{title} \u{2014} Parallax"));
}
