//! The markup every compare panel shares: a section labelled by its heading, an optional
//! explanation, then the panel's own body; the table of one column per side, and two columns
//! side by side.

use leptos::prelude::*;

/// One panel: `<section aria-labelledby=id class="panel">`, its `<h2 id=id>` heading, the
/// explanation (`<p class="note">`) when there is one, then the children.
#[component]
pub(super) fn Panel(
    /// The heading's id, which labels the section.
    id: &'static str,
    title: &'static str,
    /// What the panel shows and how to read it.
    #[prop(optional)]
    note: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    // Two whole templates rather than an optional note inside one: an absent note leaves no
    // placeholder node behind.
    match note {
        Some(note) => view! {
            <section aria-labelledby=id class="panel">
                <h2 id=id>{title}</h2>
                <p class="note">{note}</p>
                {children()}
            </section>
        }
        .into_any(),
        None => view! {
            <section aria-labelledby=id class="panel">
                <h2 id=id>{title}</h2>
                {children()}
            </section>
        }
        .into_any(),
    }
}

/// A panel (with its explanation) whose body is a [`side_table`] of class `class` and first
/// column `first`.
pub(super) fn table_panel(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    (class, first): (&'static str, &'static str),
    names: &[String; 2],
    rows: impl IntoView + 'static,
) -> impl IntoView {
    let table = side_table(class, first, names, rows);
    view! { <Panel id=id title=title note=note>{table}</Panel> }
}

/// A panel (with its explanation) whose body is [`side_columns`] headed by the sides' names.
pub(super) fn columns_panel<V: IntoView + 'static>(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    names: &[String; 2],
    column: impl Fn(usize) -> V,
) -> AnyView {
    let body = side_columns(|k| format!("{} {}", ["A", "B"][k], names[k]), column);
    view! { <Panel id=id title=title note=note>{body}</Panel> }.into_any()
}

/// Two columns, one per side (`side-a`, `side-b`), each under the heading `heading(k)` and
/// holding what `column(k)` draws for side `k`.
pub(super) fn side_columns<V: IntoView + 'static>(
    heading: impl Fn(usize) -> String,
    column: impl Fn(usize) -> V,
) -> AnyView {
    let side = |k: usize| {
        view! {
            <div class=format!("side-col side-{}", ["a", "b"][k])>
                <h3>{heading(k)}</h3>
                {column(k)}
            </div>
        }
    };
    view! { <div class="columns">{side(0)}{side(1)}</div> }.into_any()
}

/// A table with a first column and one column per side, headed by the sides' names.
pub(super) fn side_table(
    class: &'static str,
    first: &'static str,
    names: &[String; 2],
    rows: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class=class>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">{format!("A {}", names[0])}</th>
                        <th scope="col">{format!("B {}", names[1])}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
