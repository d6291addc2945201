//! The labels panel: how each side labels the entities both name.

use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::Corpus;
use std::rc::Rc;

use super::panel::{side_table, Panel};
use crate::components::{EntityLink, LabelList};
use crate::format::count;

/// Entities in the labels panel.
const LABEL_ROWS: usize = 20;

#[component]
pub(super) fn Labels(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let rows = c
        .labels
        .iter()
        .take(LABEL_ROWS)
        .map(|r| {
            let e = &corpus.entities[r.entity as usize];
            view! {
                <tr>
                    <th scope="row"><EntityLink entity=e /></th>
                    <td><LabelList labels=r.labels_a.clone() none="no title or description" /><span class="n">{format!(" ({})", count(r.mentions_a, "mention", "mentions"))}</span></td>
                    <td><LabelList labels=r.labels_b.clone() none="no title or description" /><span class="n">{format!(" ({})", count(r.mentions_b, "mention", "mentions"))}</span></td>
                </tr>
            }
        })
        .collect_view();
    let body = if c.labels.is_empty() {
        view! { <p class="unknown">"The two sides name no entity in common."</p> }.into_any()
    } else {
        view! {
            {side_table("labels compare-labels", "Entity", &names, rows)}
        }
        .into_any()
    };
    view! {
        <Panel id="labels-title" title="How each side labels who both name">{body}</Panel>
    }
}
