use leptos::prelude::*;

/// A clear answer for links that lead nowhere, with the way back.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    super::set_title("Not found");
    view! {
        <section class="not-found">
            <h1 tabindex="-1">"Not found"</h1>
            <p>{what}</p>
            <p><a href="#/">"Go to the library"</a></p>
        </section>
    }
}
