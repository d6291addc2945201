//! The passages panel: two articles' paragraphs side by side.

use leptos::prelude::*;
use parallax_core::compare::{Comparison, REUSE_WORDS};
use parallax_core::model::Anchor;
use parallax_core::{Article, Corpus};
use std::rc::Rc;
use std::sync::Arc;

use super::panel::{side_columns, Panel};
use crate::route::Route;

/// Two articles' paragraphs side by side: pairs about the same thing, paragraphs only one has,
/// and text both share word for word.
#[component]
pub(super) fn Passages(corpus: Arc<Corpus>, c: Rc<Comparison>) -> impl IntoView {
    let Some(p) = c.passages.clone() else {
        return ().into_any();
    };
    let (a, b) = (
        &corpus.articles[c.docs[0][0] as usize],
        &corpus.articles[c.docs[1][0] as usize],
    );
    let para = |article: &Article, i: usize| {
        let href = Route::reader(
            article,
            Some(Anchor {
                paragraph: i,
                sentence: None,
            }),
        )
        .href();
        let text = article.document.paragraphs[i]
            .span
            .of(&article.document.text)
            .to_string();
        view! { <p><a class="para-link" href=href>{format!("\u{00B6}{}", i + 1)}</a>" "{text}</p> }
    };
    let pairs = p
        .pairs
        .iter()
        .map(|(i, j, sim, shared)| {
            view! {
                <tr>
                    <td>{para(a, *i)}</td>
                    <td>{para(b, *j)}</td>
                </tr>
                <tr class="shared">
                    <td colspan="2">{format!("Similarity {:.0}% \u{00B7} shared: {}", sim * 100.0, shared.join(", "))}</td>
                </tr>
            }
        })
        .collect_view();
    let only = |k: usize| {
        let article = [a, b][k];
        let items = p.only[k]
            .iter()
            .map(|&i| view! { <li>{para(article, i)}</li> })
            .collect_view();
        if p.only[k].is_empty() {
            view! { <p class="unknown">"Every paragraph has a counterpart."</p> }.into_any()
        } else {
            view! { <ul class="only">{items}</ul> }.into_any()
        }
    };
    let only = side_columns(|k| format!("Only in {}", ["A", "B"][k]), only);
    let reused = p
        .reused
        .iter()
        .map(|(sa, _)| view! { <li><q>{sa.of(&a.document.text).to_string()}</q></li> })
        .collect_view();
    let body = view! {
        {if p.pairs.is_empty() {
            view! { <p class="unknown">"No paragraph of one article is about what a paragraph of the other is about."</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="passages">
                        <thead><tr><th scope="col">"A"</th><th scope="col">"B"</th></tr></thead>
                        <tbody>{pairs}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        {only}
        <h3>"Text in both, word for word"</h3>
        {if p.reused.is_empty() {
            view! { <p class="unknown">{format!("No run of {REUSE_WORDS} or more words appears in both.")}</p> }.into_any()
        } else {
            view! { <ul class="reused">{reused}</ul> }.into_any()
        }}
    };
    view! {
        <Panel
            id="passages-title"
            title="Passages"
            note="Paragraphs of the two articles that tell the same thing, side by side (they share rare words: names, numbers, unusual terms). Look for what one article adds, leaves out, or words differently; the paragraphs only one article has come after."
        >
            {body}
        </Panel>
    }
    .into_any()
}
