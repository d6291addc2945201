//! The facts and numbers panel.

use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::panel::{side_table, Panel};
use crate::format::{count, time_apart};
use crate::route::Route;

/// Numbers both sides give about the same thing, side by side, differing first.
#[component]
pub(super) fn Facts(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let claims_of = |f: &parallax_core::facts::Fact, k: usize| {
        f.claims
            .iter()
            .map(|&i| &corpus.claims[i])
            .filter(|claim| c.docs[k].binary_search(&claim.doc).is_ok())
            .map(|claim| {
                let article = &corpus.articles[claim.doc as usize];
                let text = article.document.text.as_str();
                let href = Route::reader(article, article.document.sentence_at(claim.span.start)).href();
                let source = claim.attributed_to.map(|e| corpus.entities[e].name.clone());
                view! {
                    <li>
                        <a href=href><q>{claim.span.of(text).to_string()}</q></a>
                        {source.map(|s| view! { <span class="source">{format!(" according to {s}")}</span> })}
                        <details class="in-context">
                            <summary>"sentence"</summary>
                            <p>{claim.sentence.of(text).to_string()}</p>
                        </details>
                    </li>
                }
            })
            .collect_view()
    };
    let rows = c
        .facts
        .iter()
        .map(|f| {
            let (class, verdict, title) = match (f.agree, f.told_apart) {
                (true, _) => ("verdict agree", "agree".to_string(), None),
                (false, None) => ("verdict differ", "differ".to_string(), None),
                (false, Some(days)) => (
                    "verdict apart",
                    format!("told {} apart", time_apart(days)),
                    Some("The numbers differ, but they were told at different times: each may have been right when it was written."),
                ),
            };
            view! {
                <tr class:differ=f.disagrees()>
                    <th scope="row">
                        {f.about.clone()}
                        <br />
                        <span class=class title=title>{verdict}</span>
                    </th>
                    <td><ul class="claims">{claims_of(f, 0)}</ul></td>
                    <td><ul class="claims">{claims_of(f, 1)}</ul></td>
                </tr>
            }
        })
        .collect_view();
    let differ = c.facts.iter().filter(|f| f.disagrees()).count();
    let apart = c.facts.iter().filter(|f| f.told_apart.is_some()).count();
    let body = if c.facts.is_empty() {
        view! { <p class="unknown">"No number is given about the same thing on both sides."</p> }.into_any()
    } else {
        let told_apart = (apart > 0).then(|| format!("{apart} told at different times. "));
        view! {
            <p class="note">
                {format!("{} both sides give numbers for; {differ} differ. ", count(c.facts.len(), "thing", "things"))}
                {told_apart}
                "Look at the figures marked differ: which is right, and whom does each side cite for it? "
                "Numbers are lined up when they count the same thing in similar words; they agree when one value fits both (\u{201C}over 80 percent\u{201D} and \u{201C}80.1 percent\u{201D}). Numbers of different dates, places or rounds are not lined up; numbers told at different times are not called a disagreement. Check the sentences: a difference can also be a different source."
            </p>
            {side_table("facts", "About", &names, rows)}
        }
        .into_any()
    };
    view! {
        <Panel id="facts-title" title="Facts and numbers">{body}</Panel>
    }
}
