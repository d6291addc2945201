//! The distinctive words and phrases panel, and its CSV export.

use leptos::prelude::*;
use parallax_core::compare::{sentences_with, Comparison, Distinctive};
use parallax_core::Corpus;
use std::rc::Rc;

use super::evidence::Evidence;
use super::panel::Panel;
use crate::export::to_csv;

/// Terms listed for each side.
const TOP_TERMS: usize = 15;

#[component]
pub(super) fn Words(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let column = |k: usize| {
        let terms: Vec<Distinctive> = if k == 0 {
            c.distinctive
                .iter()
                .filter(|d| d.z > 0.0)
                .take(TOP_TERMS)
                .cloned()
                .collect()
        } else {
            c.distinctive
                .iter()
                .rev()
                .filter(|d| d.z < 0.0)
                .take(TOP_TERMS)
                .cloned()
                .collect()
        };
        let rows = terms
            .into_iter()
            .map(|d| {
                let refs = sentences_with(&c.texts[k], &d.term);
                let summary = view! {
                    <span class="term" class:small=d.small>{d.term.clone()}</span>
                    <span class="figures">{format!("{} : {}", d.count_a, d.count_b)}" · z "{format!("{:+.1}", d.z)}</span>
                    {d.small.then(|| view! { <span class="few">" few"</span> })}
                }
                .into_any();
                view! { <li><Evidence corpus=corpus refs=refs summary=summary /></li> }
            })
            .collect_view();
        view! {
            <div class=format!("side-col side-{}", ["a", "b"][k])>
                <h3>{format!("{} ", ["A", "B"][k])}{names[k].clone()}</h3>
                <ol class="terms">{rows}</ol>
            </div>
        }
    };
    let body = view! {
        <div class="columns">{column(0)}{column(1)}</div>
    };
    view! {
        <Panel
            id="words-title"
            title="Distinctive words and phrases"
            note="Counts are side A : side B. Open a word for its sentences on that side."
        >
            {body}
        </Panel>
    }
}

pub(super) fn terms_csv(terms: &[Distinctive]) -> String {
    to_csv(
        &["term", "count_a", "count_b", "log_odds", "z", "few"],
        terms.iter().map(|d| {
            vec![
                d.term.clone(),
                d.count_a.to_string(),
                d.count_b.to_string(),
                format!("{:.4}", d.delta),
                format!("{:.3}", d.z),
                d.small.to_string(),
            ]
        }),
    )
}
