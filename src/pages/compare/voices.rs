//! The voices panel: who is quoted on each side.

use leptos::prelude::*;
use parallax_core::compare::{Comparison, SentenceRef};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use super::evidence::Evidence;
use super::panel::columns_panel;
use crate::format::count;

#[component]
pub(super) fn Voices(corpus: Arc<Corpus>, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let column = |k: usize| {
        let total_words: usize = c.voices[k].iter().map(|v| v.words).sum();
        let previous = std::cell::Cell::new(None::<&str>);
        let rows = c.voices[k]
            .iter()
            .map(|v| {
                let who = v.speaker.map(|s| &corpus.entities[s]);
                let refs: Vec<SentenceRef> = v
                    .quotes
                    .iter()
                    .filter_map(|&q| {
                        let quote = &corpus.quotes[q];
                        let doc = &corpus.articles[quote.doc as usize].document;
                        doc.sentence_at(quote.span.start).map(|a| (quote.doc, a))
                    })
                    .collect();
                let label = who.map_or("Unattributed".to_string(), |e| e.name.clone());
                let kind = who.map_or("unattributed", |e| e.kind.as_str());
                let summary = view! {
                    <span class=format!("speaker-name {kind}")>{label}</span>
                    <span class="figures">{format!("{} · {}", count(v.quotes.len(), "quotation", "quotations"), count(v.words, "word", "words"))}</span>
                }
                .into_any();
                let heading = (Some(v.group.as_str()) != previous.replace(Some(v.group.as_str())))
                    .then(|| view! { <li class="voice-group">{v.group.clone()}</li> });
                view! {
                    {heading}
                    <li><Evidence corpus=corpus.clone() refs=refs summary=summary /></li>
                }
            })
            .collect_view();
        view! {
            <p class="note">{format!("{} in quotations", count(total_words, "word", "words"))}</p>
            {if c.voices[k].is_empty() {
                view! { <p class="unknown">"No direct quotation."</p> }.into_any()
            } else {
                view! { <ol class="voices">{rows}</ol> }.into_any()
            }}
        }
    };
    columns_panel(
        "voices-title",
        "Who gets a voice",
        "Who each side quotes directly, and how much. Look for who speaks on one side only, whose words fill the most space, and whether officials, protesters or experts are heard. Open a name for the quotations.",
        &names,
        column,
    )
}
