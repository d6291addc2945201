use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::search::{
    any_of, best_passage, concordance, month_bounds, month_label, parse_query, replace_word, search,
    selects_month, selects_outlet, with_month, with_outlet, KwicLine, ParseOptions, Passage, SearchOptions,
    SearchResults,
};
use parallax_core::{Corpus, Span};

use crate::components::{added_mark, no_headline, outlet_badge, pager, Chip, PublishedDate};
use crate::export::{download, file_slug, to_csv};
use crate::format::{count, month_key, number};
use crate::route::{KwicSort, Route, SearchState, SearchView};

/// Results per page.
const PAGE_SIZE: usize = 10;
/// Characters of context either side of a concordance keyword, and the most lines shown.
const KWIC_CONTEXT: usize = 60;
const KWIC_LIMIT: usize = 2000;

/// Runs the query of the URL and shows ranked results with passages, facets, or the
/// concordance.
#[component]
pub fn Search(corpus: Arc<Corpus>, state: SearchState) -> impl IntoView {
    super::set_title(if state.q.trim().is_empty() {
        "Search"
    } else {
        state.q.trim()
    });
    let query = parse_query(&state.q, ParseOptions { as_you_type: true });
    let options = SearchOptions {
        offset: (state.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        typo_tolerance: !state.exact,
        ..SearchOptions::default()
    };
    let results = search(&corpus, &query, options);
    let link = {
        let state = state.clone();
        move |f: &dyn Fn(&mut SearchState)| {
            let mut s = state.clone();
            s.page = 1;
            f(&mut s);
            Route::Search(s).href()
        }
    };
    let status = if query.is_blank() {
        "Type words to search every article.".to_string()
    } else {
        format!("{} match", count(results.total, "article", "articles"))
    };
    let corrections = (!results.corrections.is_empty()).then(|| {
        let shown: Vec<String> = results.corrections.iter().map(|c| c.to.clone()).collect();
        let typed: Vec<String> = results.corrections.iter().map(|c| c.from.clone()).collect();
        view! {
            <p class="corrections">
                "Showing results for " <strong>{shown.join(" ")}</strong> ". "
                <a href=link(&|s| s.exact = true)>"Search instead for " {typed.join(" ")}</a>
            </p>
        }
    });
    // An offer is a rewritten query with the number of articles it finds; one that finds
    // nothing is not made.
    let offer = |q: String| {
        let options = SearchOptions {
            limit: 0,
            facets: false,
            rank_all: false,
            suggest: false,
            typo_tolerance: !state.exact,
            ..SearchOptions::default()
        };
        let n = search(
            &corpus,
            &parse_query(&q, ParseOptions { as_you_type: true }),
            options,
        )
        .total;
        (n > 0).then_some((n, q))
    };
    // Rare words with a far more common spelling nearby: offered as one link.
    let suggestions = (!results.suggestions.is_empty())
        .then(|| (results.suggestions.iter()).fold(state.q.clone(), |q, s| replace_word(&q, &s.from, &s.to)))
        .filter(|q| *q != state.q)
        .and_then(offer)
        .map(|(n, q)| {
            let rare: Vec<String> = results
                .suggestions
                .iter()
                .map(|s| {
                    format!(
                        "\u{201C}{}\u{201D} is in {}",
                        s.from,
                        count(s.from_docs, "article", "articles")
                    )
                })
                .collect();
            let likelier: Vec<String> = results.suggestions.iter().map(|s| s.to.clone()).collect();
            let n = count(n, "article", "articles");
            view! {
                <p class="corrections">
                    {rare.join(", ")} ". Did you mean "
                    <a href=link(&|s| s.q = q.clone())>{likelier.join(" ")}</a> {format!(" ({n})?")}
                </p>
            }
        });
    // No article has every word: offer the articles with some of them.
    let some_words = (results.total == 0)
        .then(|| any_of(&state.q))
        .flatten()
        .and_then(offer)
        .map(|(n, q)| {
            let href = link(&|s| s.q = q.clone());
            view! {
                <p class="corrections">
                    "No article has every word. "
                    <a href=href>{format!("Show the {} with some of them", count(n, "article", "articles"))}</a>
                </p>
            }
        });
    let messages = results
        .messages
        .iter()
        .map(|m| view! { <li>{m.clone()}</li> })
        .collect_view();
    let tabs = view! {
        <nav aria-label="Search views" class="view-tabs">
            <ul class="chips">
                <Chip
                    href=link(&|s| s.view = SearchView::Results)
                    current=state.view == SearchView::Results
                    label="Results".to_string()
                />
                <Chip
                    href=link(&|s| s.view = SearchView::Concordance)
                    current=state.view == SearchView::Concordance
                    label="Concordance".to_string()
                />
            </ul>
        </nav>
    };
    let main = match state.view {
        SearchView::Results => {
            view! { <ResultList corpus=corpus.clone() results=results.clone() state=state.clone() /> }
                .into_any()
        }
        SearchView::Concordance => {
            view! { <Concordance corpus=corpus.clone() results=results.clone() state=state.clone() /> }
                .into_any()
        }
    };
    view! {
        <section class="search" aria-labelledby="search-title">
            <h1 id="search-title" tabindex="-1">"Search"</h1>
            <SearchHelp />
            <p class="status" role="status">{status}</p>
            {corrections}
            {suggestions}
            {some_words}
            <ul class="messages">{messages}</ul>
            {(!query.is_blank()).then(|| view! {
                {tabs}
                <div class="search-layout">
                    <Facets corpus=corpus.clone() results=results.clone() state=state.clone() />
                    <div class="search-main">{main}</div>
                </div>
            })}
        </section>
    }
}

/// The query language by example: what to type (one or more ways), and what it finds.
const SEARCH_EXAMPLES: &[(&[&str], &str)] = &[
    (&["belarus protest"], "articles with every word; other forms count too (protests, protesters), exact forms rank higher; e-mail and email find each other"),
    (&["\"internal affairs\""], "the exact phrase"),
    (&["\"protesters\""], "only this form of the word (not protests or protester); without quotes, other forms are found too and marked with a dashed underline"),
    (&["luka*"], "words that start with luka (the last word you type is also read this way)"),
    (&["minsk OR moscow"], "either word"),
    (&["-sanctions"], "leave out articles with this word (or \"phrase\")"),
    (&["outlet:rt"], "only this outlet; alone, lists its articles, newest first"),
    (&["entity:lukashenko", "entity:\"Alexander Lukashenko\""], "only articles naming this person, organisation, place or group (see Entities); alone, lists them by how often they do"),
    (&["after:2020-09 before:2021"], "dates: a year, a month or a day, both ends included; alone, lists the articles of those dates"),
];

#[component]
fn SearchHelp() -> impl IntoView {
    let examples = SEARCH_EXAMPLES
        .iter()
        .map(|&(queries, finds)| {
            let queries = queries
                .iter()
                .enumerate()
                .map(|(i, &q)| view! { {(i > 0).then_some(", ")}<code>{q}</code> })
                .collect_view();
            view! {
                <dt>{queries}</dt>
                <dd>{finds}</dd>
            }
        })
        .collect_view();
    view! {
        <details class="help">
            <summary>"How to search"</summary>
            <dl>
                {examples}
                <dt>"Misspellings"</dt>
                <dd>"a word that matches nothing is read as the nearest word in the articles (Lukashenka finds Lukashenko, Bealrus finds Belarus); a word in only a few articles is searched as typed, with a far more common word one slip away suggested (goverment: did you mean government?)"</dd>
            </dl>
            <p>"Press " <kbd>"/"</kbd> " anywhere to jump to the search box."</p>
        </details>
    }
}

#[component]
fn Facets(corpus: Arc<Corpus>, results: SearchResults, state: SearchState) -> impl IntoView {
    let q = state.q.clone();
    let href = move |q: String| {
        Route::Search(SearchState {
            q,
            page: 1,
            ..state.clone()
        })
        .href()
    };
    let parsed = parse_query(&q, ParseOptions::default());
    let outlets = results
        .outlet_facets
        .iter()
        .map(
            |&(outlet, n)| match outlet.and_then(|i| corpus.outlets.get(i as usize)) {
                Some(o) => {
                    let active = selects_outlet(&parsed, &o.key);
                    let target = with_outlet(&q, (!active).then_some(o.key.as_str()));
                    view! { <Chip href=href(target) current=active label=o.name.clone() colour=o.colour() count=n /> }
                        .into_any()
                }
                None => view! { <li class="facet-static">"Outlet unknown " <span class="n">{n}</span></li> }
                    .into_any(),
            },
        )
        .collect_view();
    let months = results
        .month_facets
        .iter()
        .map(|&(month, n)| match month {
            Some(m) => {
                let label = month_label(m);
                let active = month_bounds(m).is_some_and(|bounds| selects_month(&parsed, bounds));
                let target = with_month(&q, (!active).then_some(label.as_str()));
                view! { <Chip href=href(target) current=active label=month_key(m) count=n /> }.into_any()
            }
            None => {
                view! { <li class="facet-static">"Date unknown " <span class="n">{n}</span></li> }.into_any()
            }
        })
        .collect_view();
    // A heading over no counts says nothing: each group shows only when it has counts.
    let (any_outlet, any_month) = (
        !results.outlet_facets.is_empty(),
        !results.month_facets.is_empty(),
    );
    view! {
        <section class="facets" aria-label="Narrow the results">
            {any_outlet.then(|| view! {
                <h2>"Outlet"</h2>
                <ul class="chips">{outlets}</ul>
            })}
            {any_month.then(|| view! {
                <h2>"Month"</h2>
                <ul class="chips">{months}</ul>
            })}
        </section>
    }
}

#[component]
fn ResultList(corpus: Arc<Corpus>, results: SearchResults, state: SearchState) -> impl IntoView {
    let pages = results.total.div_ceil(PAGE_SIZE).max(1);
    let page_link = {
        let state = state.clone();
        move |page: usize| {
            Route::Search(SearchState {
                page,
                ..state.clone()
            })
            .href()
        }
    };
    let hits = results
        .hits
        .iter()
        .map(|hit| {
            let article = &corpus.articles[hit.doc as usize];
            let passage = best_passage(&corpus, hit.doc, &results.matcher);
            let href = passage_route(article.id(), &passage).href();
            view! {
                <li class="card">
                    <h2 class:untitled=article.title().is_none()><a href=href>{article.display_title().into_owned()}</a>{no_headline(article)}</h2>
                    <p class="meta">
                        {outlet_badge(&corpus, article.outlet)}
                        <PublishedDate date=article.published />
                        {added_mark(article)}
                    </p>
                    <p class="passage">{marked(&article.document.text, &passage)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="articles results" start=((state.page - 1) * PAGE_SIZE + 1).to_string()>{hits}</ol>
        {pager("Result pages", state.page, pages, page_link)}
    }
}

/// The reader route at a passage's paragraph and sentence (or the article's top, for the
/// headline).
fn passage_route(id: &str, passage: &Passage) -> Route {
    Route::Reader {
        id: id.to_string(),
        anchor: passage.anchor,
    }
}

/// A passage as text nodes with `<mark>` around matched words; document text is never parsed
/// as HTML.
/// What a word marked as another form is.
const OTHER_FORM: &str =
    "Another form of a word you searched for; put the word in quotes to find only the form you typed";

fn marked(text: &str, passage: &Passage) -> impl IntoView {
    let mut parts: Vec<AnyView> = Vec::new();
    if passage.clipped_start {
        parts.push("\u{2026} ".into_any());
    }
    let mut at = passage.span.start as usize;
    for h in &passage.highlights {
        parts.push(text[at..h.start as usize].to_string().into_any());
        let other = passage.other_forms.contains(h);
        parts.push(
            view! { <mark class:other-form=other title=other.then_some(OTHER_FORM)>{h.of(text).to_string()}</mark> }
                .into_any(),
        );
        at = h.end as usize;
    }
    parts.push(
        Span::new(at, passage.span.end as usize)
            .of(text)
            .to_string()
            .into_any(),
    );
    if passage.clipped_end {
        parts.push(" \u{2026}".into_any());
    }
    parts
}

/// How many lines the concordance shows and, when it stops at [`KWIC_LIMIT`], how much of the
/// search they cover: lines from `from` of the `total` matching articles.
fn concordance_status(lines: usize, from: usize, total: usize) -> String {
    let shown = count(lines, "line", "lines");
    if lines < KWIC_LIMIT {
        return shown;
    }
    format!(
        "{shown}: the first {} matches, from {} of the {} matching articles (narrow the search to see the rest)",
        number(KWIC_LIMIT),
        number(from),
        number(total)
    )
}

#[component]
fn Concordance(corpus: Arc<Corpus>, results: SearchResults, state: SearchState) -> impl IntoView {
    let mut lines = concordance(&corpus, &results, KWIC_CONTEXT, KWIC_LIMIT);
    let fold = |s: &str| s.to_lowercase();
    match state.kwic_sort {
        KwicSort::Rank => {}
        KwicSort::Left => lines.sort_by_cached_key(|l| {
            let words: Vec<String> = l.left.split_whitespace().rev().map(fold).collect();
            (words, fold(&l.keyword))
        }),
        KwicSort::Right => lines.sort_by_cached_key(|l| (fold(&l.keyword), fold(&l.right))),
    }
    let from_articles = lines
        .iter()
        .map(|l| l.doc)
        .collect::<std::collections::BTreeSet<u32>>()
        .len();
    let status = concordance_status(lines.len(), from_articles, results.total);
    let sort_link = {
        let state = state.clone();
        move |kwic_sort: KwicSort| {
            Route::Search(SearchState {
                kwic_sort,
                ..state.clone()
            })
            .href()
        }
    };
    let csv = kwic_csv(&corpus, &lines);
    let file_name = format!("parallax-concordance-{}.csv", file_slug(&state.q));
    let rows = lines
        .iter()
        .map(|l| {
            let article = &corpus.articles[l.doc as usize];
            let route = Route::reader(article, l.anchor);
            view! {
                <tr>
                    <td class="left"><div class="clip"><span>{l.left.clone()}</span></div></td>
                    <td class="kw" class:other-form=l.other_form title=l.other_form.then_some(OTHER_FORM)><a href=route.href()>{l.keyword.clone()}</a></td>
                    <td class="right">{l.right.clone()}</td>
                    <td class="src">{outlet_badge(&corpus, article.outlet)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="kwic-tools">
            <nav aria-label="Sort the concordance">
                <ul class="chips">
                    <Chip href=sort_link(KwicSort::Rank) current=state.kwic_sort == KwicSort::Rank label="Article order".to_string() />
                    <Chip href=sort_link(KwicSort::Left) current=state.kwic_sort == KwicSort::Left label="Sort by left context".to_string() />
                    <Chip href=sort_link(KwicSort::Right) current=state.kwic_sort == KwicSort::Right label="Sort by right context".to_string() />
                </ul>
            </nav>
            <button type="button" on:click=move |_| download(&file_name, "text/csv", &csv)>"Export CSV"</button>
        </div>
        <p class="status">{status}</p>
        <div class="kwic-wrap">
            <table class="kwic">
                <caption class="visually-hidden">"Keyword in context: left context, keyword, right context, outlet"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Left context"</th>
                        <th scope="col">"Keyword"</th>
                        <th scope="col">"Right context"</th>
                        <th scope="col">"Outlet"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn kwic_csv(corpus: &Corpus, lines: &[KwicLine]) -> String {
    let header = [
        "file",
        "outlet",
        "published",
        "paragraph",
        "sentence",
        "left",
        "keyword",
        "right",
    ];
    let rows = lines.iter().map(|l| {
        let a = &corpus.articles[l.doc as usize];
        vec![
            a.document.file.clone(),
            a.outlet
                .map(|i| corpus.outlets[i as usize].name.clone())
                .unwrap_or_default(),
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            l.anchor
                .map_or("headline".to_string(), |a| (a.paragraph + 1).to_string()),
            l.anchor.and_then(|a| a.sentence).map_or(1, |s| s + 1).to_string(),
            l.left.clone(),
            l.keyword.clone(),
            l.right.clone(),
        ]
    });
    to_csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_concordance_cut_short_says_how_much_it_covers() {
        assert_eq!(concordance_status(1, 1, 1), "1 line");
        assert_eq!(concordance_status(57, 5, 5), "57 lines");
        assert_eq!(
            concordance_status(KWIC_LIMIT, 40, 40),
            "2,000 lines: the first 2,000 matches, from 40 of the 40 matching articles (narrow the search to see the rest)"
        );
        assert_eq!(
            concordance_status(KWIC_LIMIT, 312, 2563),
            "2,000 lines: the first 2,000 matches, from 312 of the 2,563 matching articles (narrow the search to see the rest)"
        );
    }
}
