//! The library's introduction: what Parallax shows, who publishes the articles, and three first
//! steps into this corpus ([`parallax_core::guide`]). A reader can hide it (who publishes the
//! articles stays); the choice is kept in the browser and a button brings it back.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::Side;
use parallax_core::guide::Comparison;
use parallax_core::Corpus;

use crate::components::outlet_described;
use crate::format::count;
use crate::route::{Route, SearchState};

/// Where the browser keeps that the introduction is hidden.
const HIDDEN_KEY: &str = "parallax-intro-hidden";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[component]
pub fn Intro(corpus: Arc<Corpus>) -> impl IntoView {
    let hidden = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(HIDDEN_KEY).ok().flatten())
            .is_some(),
    );
    let set_hidden = move |hide: bool| {
        hidden.set(hide);
        if let Some(s) = storage() {
            // Storage may be full or refused (private windows); the choice then lasts the visit.
            let _ = if hide {
                s.set_item(HIDDEN_KEY, "1")
            } else {
                s.remove_item(HIDDEN_KEY)
            };
        }
    };
    move || {
        if hidden.get() {
            // Who publishes the articles stays in sight.
            view! {
                <div class="intro-hidden">
                    {outlets(&corpus, true)}
                    <p>
                        <button type="button" on:click=move |_| set_hidden(false)>"What is Parallax? Show the introduction"</button>
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <section class="intro" aria-labelledby="intro-title">
                    <h2 id="intro-title">"What Parallax shows"</h2>
                    <p>
                        {format!(
                            "{} from {}, read by a program. Search every word; see the people, organisations and places they name and what each person is quoted saying; put two outlets or two articles side by side to see how each tells the same events.",
                            count(corpus.articles.len(), "article", "articles"),
                            count(corpus.outlets.len(), "outlet", "outlets"),
                        )}
                    </p>
                    <p>"Parallax finds all of this with rules, not with people: a name, a quotation or a number may be read wrong, so check what matters in the article itself, always one click away."</p>
                    {outlets(&corpus, false)}
                    {steps(&corpus)}
                    <button type="button" on:click=move |_| set_hidden(true)>"Hide this introduction"</button>
                </section>
            }
            .into_any()
        }
    }
}

/// Who publishes the articles: each outlet with the affiliation the corpus gives for it. `top`:
/// headed at the level under the page's title (the introduction hidden), else under the
/// introduction's.
fn outlets(corpus: &Corpus, top: bool) -> impl IntoView {
    let described: Vec<u32> = (0..corpus.outlets.len() as u32)
        .filter(|&o| corpus.outlets[o as usize].affiliation.is_some())
        .collect();
    (!described.is_empty()).then(|| {
        let items = described
            .into_iter()
            .map(|o| {
                view! {
                    <li>
                        {outlet_described(corpus, Some(o))}
                    </li>
                }
            })
            .collect_view();
        let heading = if top {
            view! { <h2 class="affiliations-title">"Who publishes these articles"</h2> }.into_any()
        } else {
            view! { <h3>"Who publishes them"</h3> }.into_any()
        };
        view! {
            {heading}
            <ul class="affiliations">{items}</ul>
        }
    })
}

/// Three first steps, each a link into this corpus; a step the corpus has nothing for is left out.
fn steps(corpus: &Arc<Corpus>) -> impl IntoView {
    let guide = crate::corpus::guide(corpus);
    let outlet_name = |o: Option<u32>| {
        o.and_then(|o| corpus.outlets.get(o as usize))
            .map_or_else(|| "outlet unknown".to_string(), |o| o.name.clone())
    };
    let comparison = guide.comparison.as_ref().map(|c| match *c {
        Comparison::Articles { a, b, disagreements } => {
            let (x, y) = (&corpus.articles[a as usize], &corpus.articles[b as usize]);
            let href = Route::Compare {
                a: Side::Document(x.id().to_string()).spec(),
                b: Side::Document(y.id().to_string()).spec(),
            }
            .href();
            let label = if x.outlet == y.outlet {
                format!("Compare two articles from {}", outlet_name(x.outlet))
            } else {
                format!("Compare an article from {} with one from {}", outlet_name(x.outlet), outlet_name(y.outlet))
            };
            view! {
                <li>
                    <a href=href>{label}</a>
                    {format!(
                        ": they give different figures for {}. Who is right? Each figure comes with its sentence.",
                        count(disagreements, "thing", "things"),
                    )}
                </li>
            }
            .into_any()
        }
        Comparison::Outlets { a, b } => {
            let (x, y) = (&corpus.outlets[a as usize], &corpus.outlets[b as usize]);
            let href = Route::Compare {
                a: Side::Outlet(x.key.clone()).spec(),
                b: Side::Outlet(y.key.clone()).spec(),
            }
            .href();
            view! {
                <li>
                    <a href=href>{format!("Compare {} with {}", x.name, y.name)}</a>
                    ": the words each uses more, how each labels people, and who gets to speak."
                </li>
            }
            .into_any()
        }
    });
    let quoted = guide.quoted.map(|(e, quotes)| {
        let name = &corpus.entities[e].name;
        view! {
            <li>
                <a href=Route::Entity(name.clone()).href()>{format!("What {name} is quoted saying")}</a>
                {format!(
                    ": {}, and how each outlet labels this person.",
                    count(quotes, "quotation", "quotations"),
                )}
            </li>
        }
    });
    let place = guide.place.map(|e| {
        let name = &corpus.entities[e].name;
        let q = if name.contains(' ') {
            format!("\"{name}\"")
        } else {
            name.clone()
        };
        let href = Route::Search(SearchState {
            q,
            page: 1,
            ..SearchState::default()
        })
        .href();
        view! {
            <li>
                <a href=href>{format!("Search every article for {name}")}</a>
                ": each passage that names it, with the words around it."
            </li>
        }
    });
    let any = guide.comparison.is_some() || guide.quoted.is_some() || guide.place.is_some();
    any.then(|| {
        view! {
            <h3>"Where to start"</h3>
            <ol class="steps">{comparison} {quoted} {place}</ol>
        }
    })
}
