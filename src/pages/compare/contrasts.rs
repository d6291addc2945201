//! The contrast wordings panel: two ways of naming one thing, counted on each side.

use leptos::prelude::*;
use parallax_core::compare::{contrasts, Comparison};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::evidence::Evidence;
use super::panel::table_panel;

#[component]
pub(super) fn Contrasts(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let rows = contrasts()
        .iter()
        .enumerate()
        .map(|(i, ((first, _), (second, _)))| {
            let cell = |k: usize| {
                let [(n1, r1), (n2, r2)] = c.framing[k].contrasts[i].clone();
                view! {
                    <Evidence corpus=corpus.clone() refs=r1 summary=view! { <span class="figures">{format!("first {n1}")}</span> }.into_any() />
                    <Evidence corpus=corpus.clone() refs=r2 summary=view! { <span class="figures">{format!("second {n2}")}</span> }.into_any() />
                }
            };
            view! {
                <tr>
                    <th scope="row">{first.clone()}<br /><span class="versus">"vs "</span>{second.clone()}</th>
                    <td class="pair">{cell(0)}</td>
                    <td class="pair">{cell(1)}</td>
                </tr>
            }
        })
        .collect_view();
    let note = "Two ways of naming the same thing, such as protests or riots. Look for a side that prefers the loaded wording. The first count is the first wording, the second the other; open a count for its sentences.";
    table_panel(
        "contrasts-title",
        "Contrast wordings",
        note,
        ("contrasts", "Wordings"),
        &names,
        rows,
    )
}
