use leptos::prelude::*;

/// Links to the previous and next page of a list and where this one stands (`Page 2 of 200`);
/// nothing when the list fits on one page. `link(n)` is the address of page `n` (1-based).
pub fn pager(label: &'static str, page: usize, pages: usize, link: impl Fn(usize) -> String) -> AnyView {
    if pages < 2 {
        return ().into_any();
    }
    view! {
        <nav class="pager" aria-label=label>
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">"\u{2190} Previous"</a> })}
            <span>{format!("Page {page} of {pages}")}</span>
            {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">"Next \u{2192}"</a> })}
        </nav>
    }
    .into_any()
}
