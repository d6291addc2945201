//! The labels panel: how each side labels the entities both name.

use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::panel::{side_table, Panel};
use crate::components::{entity_table_rows, LabelList};
use crate::format::count;

/// Entities in the labels panel.
const LABEL_ROWS: usize = 20;

#[component]
pub(super) fn Labels(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let cell = |labels: &[(String, usize)], mentions: usize| {
        view! {
            <td><LabelList labels=labels.to_vec() none="no title or description" /><span class="n">{format!(" ({})", count(mentions, "mention", "mentions"))}</span></td>
        }
    };
    let rows = entity_table_rows(
        &corpus,
        &c.labels,
        LABEL_ROWS,
        |r| r.entity,
        |r, _| (cell(&r.labels_a, r.mentions_a), cell(&r.labels_b, r.mentions_b)),
    );
    let body = if c.labels.is_empty() {
        view! { <p class="unknown">"The two sides name no entity in common."</p> }.into_any()
    } else {
        view! {
            {side_table("labels compare-labels", "Entity", &names, rows)}
        }
        .into_any()
    };
    view! {
        <Panel
            id="labels-title"
            title="How each side labels who both name"
            note="The titles and descriptions each side puts before a name. Look for a label only one side uses (\u{201C}incumbent\u{201D} or \u{201C}President\u{201D}?), and for people one side names without any title."
        >
            {body}
        </Panel>
    }
}
