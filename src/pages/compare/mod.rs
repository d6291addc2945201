//! The compare page: two sides side by side, each panel in its own module.

mod contrasts;
mod evidence;
mod facts;
mod frames;
mod labels;
mod method;
mod panel;
mod passages;
mod picker;
mod summary;
mod voices;
mod words;

use leptos::prelude::*;
use parallax_core::compare::{compare, report, Side};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;

use crate::export::{download, file_slug};

use contrasts::Contrasts;
use facts::Facts;
use frames::Frames;
use labels::Labels;
use method::Method;
use passages::Passages;
use picker::SidePicker;
use summary::SideSummary;
use voices::Voices;
use words::{terms_csv, Words};

/// Two sides side by side: distinctive words, labels, voices, frames and contrast wordings,
/// each figure opening the sentences behind it.
#[component]
pub fn Compare(corpus: Arc<Corpus>, a: String, b: String) -> impl IntoView {
    super::set_title("Compare");
    let sides = [Side::parse(&a), Side::parse(&b)];
    let ready = !a.trim().is_empty() && !b.trim().is_empty();
    if !ready {
        // While the reader picks sides, read what every comparison needs from the whole corpus,
        // so the first comparison is as quick as the next.
        let corpus = corpus.clone();
        set_timeout(
            move || {
                let _ = crate::corpus::prior(&corpus);
            },
            std::time::Duration::ZERO,
        );
    }
    let body = ready.then(|| {
        let (docs_a, problem_a) = sides[0].documents(&corpus);
        let (docs_b, problem_b) = sides[1].documents(&corpus);
        let problems: Vec<String> = [("A", problem_a), ("B", problem_b)]
            .into_iter()
            .filter_map(|(k, p)| p.map(|p| format!("Side {k}: {p}")))
            .collect();
        if docs_a.is_empty() || docs_b.is_empty() {
            let mut problems = problems;
            problems.push("Each side needs at least one article.".to_string());
            return view! { <ul class="messages" role="alert">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }
                .into_any();
        }
        // A fragmented corpus's prior is fetched when first asked for; the page is drawn again
        // once it has arrived.
        let Some(prior) = crate::corpus::prior(&corpus) else {
            return match crate::corpus::prior_problem() {
                Some(e) => view! {
                    <ul class="messages" role="alert">
                        <li>{format!("Compare needs the corpus's word counts, and they did not arrive. {}", crate::as_sentence(&e.to_string()))}</li>
                        <li>{e.advice()}</li>
                    </ul>
                }
                .into_any(),
                None => view! { <p class="loading" role="status">"Fetching the corpus's word counts, which Compare weighs words against\u{2026}"</p> }.into_any(),
            };
        };
        let c = compare(&corpus, &prior, docs_a, docs_b);
        let [colour_a, colour_b] = side_colours(&corpus, &c.docs);
        let names = [side_name(&corpus, &sides[0]), side_name(&corpus, &sides[1])];
        // One comparison shared by every panel (it holds both sides' tokenized text).
        let c = Rc::new(c);
        let file = format!("parallax-compare-{}-vs-{}", file_slug(&names[0]), file_slug(&names[1]));
        let (json_file, csv_file) = (format!("{file}.json"), format!("{file}-words.csv"));
        view! {
            <div class="compared" data-colour-a=colour_a data-colour-b=colour_b>
            {(!problems.is_empty()).then(|| view! { <ul class="messages">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
            <SideSummary corpus=corpus.clone() c=c.clone() names=names.clone() />
            <p class="exports">
                <button type="button" on:click={
                    let c = c.clone();
                    move |_| download(&csv_file, "text/csv", &terms_csv(&c.distinctive))
                }>"Download words (CSV)"</button>
                " "
                <button type="button" on:click={
                    let (corpus, c, sides) = (corpus.clone(), c.clone(), sides.clone());
                    move |_| {
                        let r = report(&corpus, [&sides[0], &sides[1]], &c);
                        download(&json_file, "application/json", &serde_json::to_string_pretty(&r).unwrap_or_default())
                    }
                }>"Download everything (JSON)"</button>
                " "
                <button type="button" on:click=|_| { let _ = window().print(); }>"Print"</button>
                " "
                <label class="show-stats"><input type="checkbox" id="show-stats" />" Show the statistics (z-scores)"</label>
            </p>
            <Facts corpus=corpus.clone() c=c.clone() names=names.clone() />
            <Words corpus=corpus.clone() c=c.clone() names=names.clone() />
            <Passages corpus=corpus.clone() c=c.clone() />
            <Labels corpus=corpus.clone() c=c.clone() names=names.clone() />
            <Voices corpus=corpus.clone() c=c.clone() names=names.clone() />
            <Frames corpus=corpus.clone() c=c.clone() names=names.clone() />
            <Contrasts corpus=corpus.clone() c=c names=names />
            </div>
        }
        .into_any()
    });
    view! {
        <super::Page
            class="compare"
            heading="compare-title"
            title="Compare"
            lede="Put two sides next to each other: two outlets, two articles, or any two searches. Every figure opens the sentences behind it."
        >
            <SidePicker corpus=corpus.clone() a=a.clone() b=b.clone() />
            <Method />
            {body}
        </super::Page>
    }
}

/// Each side drawn in its outlet's colour when each is one outlet and the two colours differ
/// (`data-colour-a` and `-b`, which style/3-compare.css reads); otherwise the two side colours of
/// the theme. Attributes, not a `style`, which the page's policy forbids.
fn side_colours(corpus: &Corpus, docs: &[Vec<u32>; 2]) -> [Option<u32>; 2] {
    let colour = |docs: &[u32]| {
        let first = corpus.articles[*docs.first()? as usize].outlet?;
        docs.iter()
            .all(|&d| corpus.articles[d as usize].outlet == Some(first))
            .then(|| corpus.outlets[first as usize].colour())
    };
    match (colour(&docs[0]), colour(&docs[1])) {
        (Some(a), Some(b)) if a != b => [Some(a), Some(b)],
        _ => [None, None],
    }
}

/// Words of a headline that name a side in headings and table columns.
const SIDE_NAME_WORDS: usize = 10;

/// How a side reads in headings: the outlet's name, the article's headline (its first
/// [`SIDE_NAME_WORDS`] words), or the query.
fn side_name(corpus: &Corpus, side: &Side) -> String {
    match side {
        Side::Outlet(k) => corpus
            .outlets
            .iter()
            .find(|o| o.key.eq_ignore_ascii_case(k))
            .map_or(k.clone(), |o| o.name.clone()),
        Side::Document(id) => crate::corpus::article(corpus, id).map_or(id.clone(), |a| {
            let title = corpus.articles[a].display_title();
            parallax_core::model::first_words(&title, SIDE_NAME_WORDS).into_owned()
        }),
        Side::Search(q) => format!("\u{201C}{q}\u{201D}"),
    }
}
