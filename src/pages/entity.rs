use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::entities::{demonym_link, EntityMention, Kind};
use parallax_core::profiles::{network, profile, Profile};
use parallax_core::{split_at_marks, Article, Corpus, Span};

use crate::components::{
    entity_link, entity_table_rows, no_headline, outlet_badge, outlet_described, Bar, BarChart, ColumnChart,
    LabelList, NetworkChart, Node, PublishedDate,
};
use crate::format::{count, month_key, number, tie_sentence};
use crate::route::{Route, SearchState};

/// Mentions listed at first, and added by each "Show more": an entity named 30,000 times in a
/// large corpus never draws them all at once.
const MENTIONS_SHOWN: usize = 60;
/// Quotations listed at first, and added by each "Show more".
const QUOTES_SHOWN: usize = 20;
/// Entities in the "appears with" table, and in its drawing (the entity included).
const TOGETHER_ROWS: usize = 12;
const NETWORK_SIZE: usize = 9;

/// One entity: name, kind and aliases; labels by outlet; quotes; who it appears with; mentions
/// over time and by outlet; every mention in context.
#[component]
pub fn EntityPage(corpus: Arc<Corpus>, entity: usize) -> impl IntoView {
    let e = &corpus.entities[entity];
    super::set_title(&e.name);
    let index = crate::corpus::mentions(&corpus);
    let p = profile(&corpus, &index, entity);
    let row = crate::corpus::entity_rows(&corpus)[entity];
    let aliases: Vec<String> = e.aliases.iter().filter(|a| **a != e.name).cloned().collect();
    // `Belarusians` ↔ `Belarus`, when the corpus names both.
    let linked = demonym_link(e)
        .and_then(|other| crate::corpus::entity(&corpus, &other))
        .map(|other| &corpus.entities[other]);
    let search = Route::Search(SearchState {
        q: format!("entity:\"{}\"", e.name),
        page: 1,
        ..SearchState::default()
    })
    .href();
    view! {
        <article class="entity" aria-labelledby="entity-title">
            <header>
                <p class="kicker"><a href=Route::Entities(Default::default()).href()>"Entities"</a> " \u{203A} " {e.kind.as_str()}</p>
                <h1 id="entity-title" tabindex="-1" class=format!("ent {}", e.kind.as_str())>{e.name.clone()}</h1>
                {(!aliases.is_empty()).then(|| view! { <p class="aliases">"Also written: " {aliases.join(" \u{00B7} ")}</p> })}
                {linked.map(|other| view! {
                    <p class="aliases">
                        {if other.kind == Kind::Group { "Its people: " } else { "The people of: " }}
                        {entity_link(other)}
                    </p>
                })}
                <p class="meta">
                    {format!(
                        "{} in {}{}; {}.",
                        count(row.mentions, "mention", "mentions"),
                        count(row.documents, "article", "articles"),
                        // a corpus whose articles name no outlet says nothing of outlets here
                        if row.outlets == 0 {
                            String::new()
                        } else {
                            format!(" from {}", count(row.outlets, "outlet", "outlets"))
                        },
                        count(row.quotes, "quotation", "quotations"),
                    )}
                    " " <a href=search>"Search the articles that name it"</a>
                </p>
            </header>
            <Labels corpus=corpus.clone() profile=p.clone() />
            <Quotes corpus=corpus.clone() profile=p.clone() />
            <Together corpus=corpus.clone() entity=entity profile=p.clone() />
            <Timeline corpus=corpus.clone() entity=entity profile=p />
            <Mentions corpus=corpus.clone() entity=entity />
        </article>
    }
}

/// How each outlet labels the entity, outlet by outlet.
#[component]
fn Labels(corpus: Arc<Corpus>, profile: Profile) -> impl IntoView {
    let outlets: Vec<Option<u32>> = profile.outlets.iter().map(|o| o.0).collect();
    let rows = outlets
        .into_iter()
        .map(|outlet| {
            let labels = profile
                .labels
                .iter()
                .find(|l| l.outlet == outlet)
                .map_or(Vec::new(), |l| l.labels.clone());
            view! {
                <tr>
                    <th scope="row">{outlet_described(&corpus, outlet)}</th>
                    <td><LabelList labels=labels none="names it without a title or description" /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="labels-title">
            <h2 id="labels-title">"How each outlet labels it"</h2>
            <table class="labels">
                <thead><tr><th scope="col">"Outlet"</th><th scope="col">"Titles and descriptions before the name (articles)"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// What the entity said: each quotation with its article and a link to it in the reader.
#[component]
fn Quotes(corpus: Arc<Corpus>, profile: Profile) -> impl IntoView {
    if profile.quotes.is_empty() {
        return view! {
            <section aria-labelledby="quotes-title">
                <h2 id="quotes-title">"What it said"</h2>
                <p class="unknown">"No direct quotation is attributed to it."</p>
            </section>
        }
        .into_any();
    }
    let total = profile.quotes.len();
    let shown = RwSignal::new(QUOTES_SHOWN);
    let list = move || {
        profile.quotes[..shown.get().min(total)]
            .iter()
            .map(|&q| {
                let quote = &corpus.quotes[q];
                let article = &corpus.articles[quote.doc as usize];
                let href = at(article, Some(quote.span.start)).href();
                view! {
                    <li>
                        <blockquote>{quote.span.of(&article.document.text).to_string()}</blockquote>
                        <p class="tie">{tie_sentence(quote.tie, &article.document.text)}</p>
                        <p class="meta">
                            {outlet_badge(&corpus, article.outlet)}
                            <PublishedDate date=article.published />
                            <a href=href>{article.display_title().to_string()}</a>
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="quotes-title">
            <h2 id="quotes-title">{format!("What it said ({})", number(total))}</h2>
            <ol class="quotes">{list}</ol>
            {show_more(shown, total, QUOTES_SHOWN)}
        </section>
    }
    .into_any()
}

/// The entities it shares sentences and articles with, as a table and a small network.
#[component]
fn Together(corpus: Arc<Corpus>, entity: usize, profile: Profile) -> impl IntoView {
    if profile.together.is_empty() {
        return ().into_any();
    }
    let index = crate::corpus::mentions(&corpus);
    let net = network(&corpus, &index, entity, &profile.together, NETWORK_SIZE);
    let rows = crate::corpus::entity_rows(&corpus);
    let nodes = net
        .nodes
        .iter()
        .map(|&n| {
            let e = &corpus.entities[n as usize];
            Node {
                label: e.name.clone(),
                class: e.kind.as_str().to_string(),
                weight: rows[n as usize].mentions,
            }
        })
        .collect();
    let caption = format!(
        "{} and the {} entities it shares most sentences with; lines join entities named in one sentence, thicker for more sentences.",
        corpus.entities[entity].name,
        net.nodes.len() - 1
    );
    let table = entity_table_rows(
        &corpus,
        &profile.together,
        TOGETHER_ROWS,
        |t| t.entity,
        |t, e| {
            view! {
                <td>{e.kind.as_str()}</td>
                <td class="num">{t.sentences}</td>
                <td class="num">{t.documents}</td>
            }
        },
    );
    view! {
        <section aria-labelledby="together-title">
            <h2 id="together-title">"Appears with"</h2>
            <div class="together">
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">"Entity"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Same sentence"</th><th scope="col" class="num">"Same article"</th></tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </div>
                {(net.nodes.len() > 1).then(|| view! { <NetworkChart nodes=nodes edges=net.edges caption=caption /> })}
            </div>
        </section>
    }
    .into_any()
}

/// Mentions by month and by outlet.
#[component]
fn Timeline(corpus: Arc<Corpus>, entity: usize, profile: Profile) -> impl IntoView {
    let entity = &corpus.entities[entity];
    let months: Vec<Bar> = profile
        .months
        .iter()
        .map(|&(m, n)| Bar {
            label: month_key(m),
            value: n,
            class: String::new(),
        })
        .collect();
    let outlets: Vec<Bar> = profile
        .outlets
        .iter()
        .map(|&(o, n, _)| Bar {
            label: o.map_or("Outlet unknown".to_string(), |o| {
                corpus.outlets[o as usize].name.clone()
            }),
            value: n,
            class: o.map_or(String::new(), |o| {
                format!("oc{}", corpus.outlets[o as usize].colour())
            }),
        })
        .collect();
    view! {
        <section aria-labelledby="time-title">
            <h2 id="time-title">"When and where it is named"</h2>
            <div class="charts">
                {(!months.is_empty()).then(|| view! {
                    <ColumnChart bars=months caption=format!("Mentions of {} per month", entity.name) unit="mentions" />
                })}
                <BarChart bars=outlets caption=format!("Mentions of {} per outlet", entity.name) unit="mentions" />
            </div>
            {(profile.undated > 0).then(|| view! {
                <p class="note">{format!("{} in articles without a known date are left out of the months.", count(profile.undated, "mention", "mentions"))}</p>
            })}
        </section>
    }
}

/// Every mention with its sentence, grouped by article (one line per sentence, all its
/// mentions marked); long lists grow on request.
#[component]
fn Mentions(corpus: Arc<Corpus>, entity: usize) -> impl IntoView {
    let shown = RwSignal::new(MENTIONS_SHOWN);
    let total = corpus.entities[entity].mentions.len();
    let list = move || {
        let entity = &corpus.entities[entity];
        entity.mentions[..shown.get().min(total)]
            .chunk_by(|a, b| a.doc == b.doc)
            .map(|group| {
                let article = &corpus.articles[group[0].doc as usize];
                let items = group
                    .chunk_by(|a, b| context_of(article, a.span) == context_of(article, b.span))
                    .map(|same| mention_line(article, same))
                    .collect_view();
                view! {
                    <li>
                        <h3 class:untitled=article.title().is_none()><a href=at(article, None).href()>{article.display_title().into_owned()}</a>{no_headline(article)}</h3>
                        <p class="meta">{outlet_badge(&corpus, article.outlet)} <PublishedDate date=article.published /></p>
                        <ul class="contexts">{items}</ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="mentions-title">
            <h2 id="mentions-title">{format!("Mentions in context ({})", number(total))}</h2>
            <ol class="mention-groups">{list}</ol>
            {show_more(shown, total, MENTIONS_SHOWN)}
        </section>
    }
}

/// A button that shows `step` more of a list's `total` items, hidden once all are shown. One
/// button for the page's life, so that it keeps the focus from click to click.
fn show_more(shown: RwSignal<usize>, total: usize, step: usize) -> impl IntoView {
    (total > step).then(|| {
        view! {
            <p class="more" prop:hidden=move || { shown.get() >= total }>
                <button type="button" on:click=move |_| shown.update(|n| *n += step)>
                    {move || format!("Show {} more (of {})", number(total.saturating_sub(shown.get()).min(step)), number(total))}
                </button>
            </p>
        }
    })
}

/// The sentence around a mention, or, outside the body (headline, captions), its line.
fn context_of(article: &Article, span: Span) -> Span {
    let doc = &article.document;
    doc.sentence_at(span.start)
        .and_then(|a| doc.span_of(a))
        .unwrap_or_else(|| line_around(&doc.text, span))
}

/// One sentence with its mentions marked, linked to the reader at that sentence.
fn mention_line(article: &Article, mentions: &[EntityMention]) -> impl IntoView {
    let text = article.document.text.as_str();
    let context = context_of(article, mentions[0].span);
    let marks: Vec<(Span, ())> = mentions.iter().map(|m| (m.span, ())).collect();
    let pieces = split_at_marks(context, &marks)
        .into_iter()
        .map(|(piece, tags)| {
            let words = piece.of(text).to_string();
            if tags.is_empty() {
                words.into_any()
            } else {
                view! { <mark>{words}</mark> }.into_any()
            }
        })
        .collect_view();
    view! {
        <li>
            <a href=at(article, Some(mentions[0].span.start)).href()>{pieces}</a>
        </li>
    }
}

/// The line of `text` holding `span`.
fn line_around(text: &str, span: Span) -> Span {
    let start = text[..span.start as usize].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end as usize..]
        .find('\n')
        .map_or(text.len(), |i| span.end as usize + i);
    Span::new(start, end)
}

/// The reader at the sentence holding byte `offset`, or at the article's top.
fn at(article: &Article, offset: Option<u32>) -> Route {
    Route::reader(article, offset.and_then(|o| article.document.sentence_at(o)))
}
