//! The two sides' summaries above the panels.

use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::{Corpus, Date};
use std::rc::Rc;
use std::sync::Arc;

use crate::components::{outlet_badge, outlet_described};
use crate::format::{count, long_date};

#[component]
pub(super) fn SideSummary(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let side = |k: usize| {
        let docs = &c.docs[k];
        let mut outlets: Vec<Option<u32>> =
            docs.iter().map(|&d| corpus.articles[d as usize].outlet).collect();
        outlets.sort();
        outlets.dedup();
        let small = c.terms[k] < 1500;
        // Who publishes the side, with what the corpus says of each (a few outlets at most).
        let affiliations = (outlets.len() <= MAX_DESCRIBED).then(|| {
            outlets
                .iter()
                .filter(|&&o| {
                    o.and_then(|o| corpus.outlets.get(o as usize))
                        .is_some_and(|o| o.affiliation.is_some())
                })
                .map(|&o| view! { <li>{outlet_described(&corpus, o)}</li> })
                .collect_view()
        });
        view! {
            <div class=format!("side side-{}", ["a", "b"][k])>
                <h2>{format!("{} ", ["A", "B"][k])}<span class="side-name">{names[k].clone()}</span></h2>
                <p class="meta">
                    {outlets.into_iter().map(|o| outlet_badge(&corpus, o)).collect_view()}
                    <span class="when">{when(&corpus, docs)}</span>
                    <span>{count(docs.len(), "article", "articles")}</span>
                    <span>{count(c.framing[k].sentences, "sentence", "sentences")}</span>
                    <span>{count(c.terms[k], "word counted", "words counted")}</span>
                </p>
                <ul class="affiliations">{affiliations}</ul>
                {small.then(|| view! {
                    <p class="caution">"Caution: a small sample. Differences on a few hundred words can be chance; read the sentences before drawing conclusions."</p>
                })}
            </div>
        }
    };
    view! { <div class="sides">{side(0)}{side(1)}</div> }
}

/// Outlets of one side described with their affiliation; a side of more lists only names.
const MAX_DESCRIBED: usize = 3;

/// When a side's articles were published: one date, or the first and last, and how many are
/// undated.
fn when(corpus: &Corpus, docs: &[u32]) -> String {
    let dates: Vec<Date> = docs
        .iter()
        .filter_map(|&d| corpus.articles[d as usize].published)
        .collect();
    let undated = docs.len() - dates.len();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(&first), Some(&last)) if first == last => long_date(first),
        (Some(&first), Some(&last)) => format!("{} to {}", long_date(first), long_date(last)),
        _ => return "date unknown".to_string(),
    };
    match undated {
        0 => span,
        n => format!("{span} ({} undated)", count(n, "article", "articles")),
    }
}
