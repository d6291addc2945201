use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::{Article, Corpus};

use crate::components::{added_mark, no_headline, outlet_badge, pager, Chip, PublishedDate};
use crate::format::{count, number};
use crate::route::{LibraryQuery, Route, Sort};

/// How many article cards a page of the library shows: a corpus of thousands opens as fast as a
/// small one.
const CARDS_SHOWN: usize = 100;

/// Every article, filterable by outlet and sortable by date, a page of [`CARDS_SHOWN`] at a
/// time; the filter, order and page live in the URL.
#[component]
pub fn Library(corpus: Arc<Corpus>, query: LibraryQuery) -> impl IntoView {
    super::set_title("Library");
    let outlet_index = query
        .outlet
        .as_ref()
        .and_then(|k| corpus.outlets.iter().position(|o| &o.key == k));
    let articles = list(&corpus, outlet_index, query.sort);
    let total = corpus.articles.len();
    let listed = articles.len();
    let pages = listed.div_ceil(CARDS_SHOWN).max(1);
    // A page past the end (a link made before articles were removed) shows the last one.
    let page = query.page.min(pages);
    let shown = &articles[(page - 1) * CARDS_SHOWN..(page * CARDS_SHOWN).min(listed)];
    let unknown_outlet = query.outlet.is_some() && outlet_index.is_none();
    let link = move |outlet: Option<String>, sort: Sort| {
        Route::Library(LibraryQuery {
            outlet,
            sort,
            page: 1,
        })
        .href()
    };
    let sort = query.sort;
    let current_outlet = query.outlet.clone();
    let outlet_links = corpus
        .outlets
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let n = corpus
                .articles
                .iter()
                .filter(|a| a.outlet == Some(i as u32))
                .count();
            view! {
                <Chip
                    href=link(Some(o.key.clone()), sort)
                    current=outlet_index == Some(i)
                    label=o.name.clone()
                    colour=o.colour()
                    count=n
                />
            }
        })
        .collect_view();
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title" tabindex="-1">"Library"</h1>
            <super::intro::Intro corpus=corpus.clone() />
            <div class="controls">
                <nav aria-label="Filter by outlet">
                    <ul class="chips">
                        <Chip
                            href=link(None, sort)
                            current=current_outlet.is_none()
                            label="All outlets".to_string()
                            count=corpus.articles.len()
                        />
                        {outlet_links}
                    </ul>
                </nav>
                <nav aria-label="Sort">
                    <ul class="chips">
                        <Chip
                            href=link(current_outlet.clone(), Sort::Newest)
                            current=sort == Sort::Newest
                            label="Newest first".to_string()
                        />
                        <Chip
                            href=link(current_outlet.clone(), Sort::Oldest)
                            current=sort == Sort::Oldest
                            label="Oldest first".to_string()
                        />
                    </ul>
                </nav>
            </div>
            <p class="status" role="status">
                {if unknown_outlet {
                    "No outlet of this corpus has that name; showing none.".to_string()
                } else if shown.is_empty() {
                    format!("Showing none of {}", count(total, "article", "articles"))
                } else {
                    let (first, last) = ((page - 1) * CARDS_SHOWN + 1, (page - 1) * CARDS_SHOWN + shown.len());
                    let of = count(listed, "article", "articles");
                    let all = if listed == total { String::new() } else { format!(" ({} in all)", number(total)) };
                    format!("Showing {}\u{2013}{} of {of}{all}", number(first), number(last))
                }}
            </p>
            <ol class="articles" start=((page - 1) * CARDS_SHOWN + 1).to_string()>
                {shown.iter().map(|&a| article_card(&corpus, &corpus.articles[a])).collect_view()}
            </ol>
            {pager("Library pages", page, pages, move |page| {
                Route::Library(LibraryQuery {
                    page,
                    ..query.clone()
                })
                .href()
            })}
        </section>
    }
}

/// The articles of one outlet (or all), by index, in the requested order; unknown dates go last.
fn list(corpus: &Corpus, outlet: Option<usize>, sort: Sort) -> Vec<usize> {
    let articles = &corpus.articles;
    let mut listed: Vec<usize> = (0..articles.len())
        .filter(|&a| outlet.is_none_or(|o| articles[a].outlet == Some(o as u32)))
        .collect();
    listed.sort_by(|&a, &b| {
        let (a, b) = (&articles[a], &articles[b]);
        let by_date = match (a.published, b.published, sort) {
            (Some(x), Some(y), Sort::Newest) => y.cmp(&x),
            (Some(x), Some(y), Sort::Oldest) => x.cmp(&y),
            (Some(_), None, _) => std::cmp::Ordering::Less,
            (None, Some(_), _) => std::cmp::Ordering::Greater,
            (None, None, _) => std::cmp::Ordering::Equal,
        };
        by_date.then_with(|| a.document.file.cmp(&b.document.file))
    });
    listed
}

fn article_card(corpus: &Corpus, article: &Article) -> impl IntoView {
    let href = Route::reader(article, None).href();
    view! {
        <li class="card">
            <h2 class:untitled=article.title().is_none()>
                <a href=href>{article.display_title().into_owned()}</a>
                {no_headline(article)}
            </h2>
            <p class="meta">
                {outlet_badge(corpus, article.outlet)}
                {added_mark(article)}
                <PublishedDate date=article.published />
                <span>{count(article.document.word_count(), "word", "words")}</span>
            </p>
        </li>
    }
}
