//! The two sides' summaries above the panels.

use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::Corpus;
use std::rc::Rc;

use crate::components::OutletBadge;
use crate::format::count;

#[component]
pub(super) fn SideSummary(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let side = |k: usize| {
        let docs = &c.docs[k];
        let mut outlets: Vec<Option<u32>> =
            docs.iter().map(|&d| corpus.articles[d as usize].outlet).collect();
        outlets.sort();
        outlets.dedup();
        let small = c.terms[k] < 1500;
        view! {
            <div class=format!("side side-{}", ["a", "b"][k])>
                <h2>{format!("{} ", ["A", "B"][k])}<span class="side-name">{names[k].clone()}</span></h2>
                <p class="meta">
                    {outlets.into_iter().map(|o| view! { <OutletBadge corpus=corpus outlet=o /> }).collect_view()}
                    <span>{count(docs.len(), "article", "articles")}</span>
                    <span>{count(c.framing[k].sentences, "sentence", "sentences")}</span>
                    <span>{count(c.terms[k], "word counted", "words counted")}</span>
                </p>
                {small.then(|| view! {
                    <p class="caution">"Caution: a small sample. Differences on a few hundred words can be chance; read the sentences before drawing conclusions."</p>
                })}
            </div>
        }
    };
    view! { <div class="sides">{side(0)}{side(1)}</div> }
}
