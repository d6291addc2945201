use leptos::prelude::*;
use parallax_core::{Article, Corpus, Level};

use crate::components::{OutletBadge, PublishedDate};
use crate::format::count;
use crate::route::Route;

/// One article: headline, outlet, dateline, date, photo captions and paragraphs, each paragraph
/// with its own permalink.
#[component]
pub fn Reader(
    corpus: &'static Corpus,
    article: &'static Article,
    paragraph: Option<usize>,
    sentence: Option<usize>,
) -> impl IntoView {
    let doc = &article.doc;
    let text = doc.text.as_str();
    super::set_title(article.display_title());
    if let Some(n) = paragraph.filter(|&n| n > doc.paragraphs.len()) {
        return view! {
            <super::NotFound what=format!(
                "\u{201C}{}\u{201D} has {}; there is no paragraph {n}.",
                article.display_title(),
                count(doc.paragraphs.len(), "paragraph", "paragraphs"),
            ) />
        }
        .into_any();
    }
    let id = article.id().to_string();
    let permalink = move |n: usize| {
        Route::Reader {
            id: id.clone(),
            paragraph: Some(n),
            sentence: None,
        }
        .href()
    };
    let paragraphs = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let target = paragraph == Some(n);
            // A targeted sentence (from a search passage or the concordance) is marked.
            let marked_sentence = sentence.filter(|_| target).and_then(|s| p.sentences.get(s - 1));
            let body = match marked_sentence {
                Some(s) => view! {
                    {text[p.span.start as usize..s.start as usize].to_string()}
                    <mark class="target-sentence">{s.of(text).to_string()}</mark>
                    {text[s.end as usize..p.span.end as usize].to_string()}
                }
                .into_any(),
                None => p.span.of(text).to_string().into_any(),
            };
            view! {
                <p id=format!("p{n}") class:target=target tabindex=target.then_some("-1")>
                    {body}
                    " "
                    <a class="permalink" href=permalink(n) aria-label=format!("Link to paragraph {n}")>
                        "\u{00B6}"
                    </a>
                </p>
            }
        })
        .collect_view();
    let credits = doc
        .credits
        .iter()
        .map(|c| {
            view! {
                <figure class="credit">
                    <figcaption>
                        {c.caption.map(|s| s.of(text).to_string())}
                        " "
                        <span class="by">"Photo: " {c.credit.of(text).to_string()}</span>
                    </figcaption>
                </figure>
            }
        })
        .collect_view();
    let notes = doc
        .diagnostics
        .iter()
        .map(|d| {
            let level = match d.level {
                Level::Info => "info",
                Level::Warning => "warning",
            };
            view! { <li class=level>{d.message.clone()}</li> }
        })
        .collect_view();
    let n_notes = doc.diagnostics.len();
    let has_warning = doc.diagnostics.iter().any(|d| d.level == Level::Warning);
    view! {
        <article class="reader">
            <header>
                {doc.section.map(|s| view! { <p class="kicker">{s.of(text).to_string()}</p> })}
                {match article.title() {
                    Some(t) => view! { <h1 tabindex="-1">{t.to_string()}</h1> }.into_any(),
                    None => view! {
                        <h1 tabindex="-1" class="untitled">{article.display_title().to_string()}</h1>
                        <p class="note">"The text has no headline; its first sentence stands in."</p>
                    }
                    .into_any(),
                }}
                <p class="meta">
                    <OutletBadge corpus=corpus outlet=article.outlet />
                    {doc.dateline.as_ref().map(|d| view! { <span class="dateline">{d.place.of(text).to_string()}</span> })}
                    <PublishedDate date=article.published />
                    <span>{count(doc.word_count(), "word", "words")}</span>
                </p>
                {doc.outlet_in_text().map(|o| view! { <p class="byline">"As the text credits it: " {o.to_string()}</p> })}
            </header>
            {credits}
            <div class="body">{paragraphs}</div>
            <footer>
                <details class="notes" open=has_warning>
                    <summary>{format!("How Parallax read {} ({})", doc.file, count(n_notes, "note", "notes"))}</summary>
                    <ul>{notes}</ul>
                    {article.url.clone().map(|u| view! { <p>"Source: " <span class="url">{u}</span></p> })}
                </details>
                <p><a href="#/">"\u{2190} Back to the library"</a></p>
            </footer>
        </article>
    }
    .into_any()
}
