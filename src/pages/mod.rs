//! One module per view the router can show.

mod add;
mod compare;
mod entities;
mod entity;
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

/// Sets the browser tab's title for a view.
fn set_title(title: &str) {
    leptos::prelude::document().set_title(&format!("{title} \u{2014} Parallax"));
}
