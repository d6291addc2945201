//! The distinctive words and phrases panel, and its CSV export.

use leptos::prelude::*;
use parallax_core::compare::{sentences_with, Comparison, Distinctive};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::evidence::Evidence;
use super::panel::columns_panel;
use crate::export::to_csv;

/// Terms listed for each side.
const TOP_TERMS: usize = 15;

#[component]
pub(super) fn Words(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
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
                let (here, there) = if k == 0 {
                    (d.count_a, d.count_b)
                } else {
                    (d.count_b, d.count_a)
                };
                let summary = view! {
                    <span class="term" class:small=d.small>{d.term.clone()}</span>
                    <span class="figures">{format!("{here} here, {there} on side {}", ["B", "A"][k])}</span>
                    <span class="strength">{strength(&d)}</span>
                    <span class="stats">{format!("z {:+.1}", d.z)}</span>
                }
                .into_any();
                view! { <li><Evidence corpus=corpus.clone() refs=refs summary=summary /></li> }
            })
            .collect_view();
        view! { <ol class="terms">{rows}</ol> }
    };
    columns_panel(
        "words-title",
        "Distinctive words and phrases",
        "Words one side uses much more often than the other, for its length. Look for two names for the same thing (protesters or rioters?), for words only one side uses, and for who each side talks about. Open a word to read its sentences.",
        &names,
        column,
    )
}

/// How sure the difference is, in words: by its z-score, and never sure on a few uses.
fn strength(d: &Distinctive) -> &'static str {
    match d.z.abs() {
        _ if d.small => "too few to tell",
        z if z >= 3.0 => "much more often",
        z if z >= 2.0 => "more often",
        _ => "could be chance",
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
