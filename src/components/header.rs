use leptos::prelude::*;

use crate::corpus::corpus;
use crate::format::{count, month_year};

/// The banner: the name, the way home, and what the corpus holds.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let summary = corpus().ok().map(|c| {
        let dates: Vec<_> = c.articles.iter().filter_map(|a| a.published).collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if month_year(*a) == month_year(*b) => format!(" · {}", month_year(*a)),
            (Some(a), Some(b)) => format!(" · {} – {}", month_year(*a), month_year(*b)),
            _ => String::new(),
        };
        format!(
            "{} from {}{span}",
            count(c.articles.len(), "article", "articles"),
            count(c.outlets.len(), "outlet", "outlets")
        )
    });
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-name">"Parallax"</span>
            </a>
            <nav aria-label="Main">
                <ul>
                    <li><a href="#/">"Library"</a></li>
                </ul>
            </nav>
            <p class="corpus-summary">{summary}</p>
        </header>
    }
}
