//! The frames panel: each side's share of sentences per frame.

use leptos::prelude::*;
use parallax_core::compare::{frames, Comparison};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::evidence::Evidence;
use super::panel::table_panel;

#[component]
pub(super) fn Frames(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let share = |k: usize, n: usize| 100.0 * n as f64 / c.framing[k].sentences.max(1) as f64;
    let rows = frames()
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let bar = |k: usize| {
                let refs = c.framing[k].frames[i].clone();
                let pct = share(k, refs.len());
                let summary = view! {
                    <span class="bar-track"><span class=format!("bar side-{}", ["a", "b"][k]) style=("width", format!("{pct:.1}%"))></span></span>
                    <span class="figures">{format!("{} {pct:.0}%", ["A", "B"][k])}</span>
                }
                .into_any();
                view! { <Evidence corpus=corpus.clone() refs=refs summary=summary /> }
            };
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td>{bar(0)}</td>
                    <td>{bar(1)}</td>
                </tr>
            }
        })
        .collect_view();
    let note = "The share of each side's sentences that use words of each theme (security, legality, morality\u{2026}). Look for a theme one side returns to much more often than the other; open a bar to check the sentences, since a cue word can mislead.";
    table_panel("frames-title", "Frames", note, ("frames", "Frame"), &names, rows)
}
