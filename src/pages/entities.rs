use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::entities::{name_filter, names_contain, Kind};
use parallax_core::profiles::EntityRow;
use parallax_core::Corpus;

use crate::components::entity_link;
use crate::format::{count, kind_plural};
use crate::route::{EntitiesQuery, EntitySort, Route};

/// Rows drawn at once; typing narrows the rest.
const MAX_ROWS: usize = 200;

/// Every entity, by kind, with its figures; sortable by column and filtered by name as you
/// type. Kind and order are links; the name filter rewrites the URL in place (no history entry
/// per keystroke, and the input keeps focus).
#[component]
pub fn Entities(corpus: Arc<Corpus>, query: EntitiesQuery) -> impl IntoView {
    super::set_title("Entities");
    let rows = crate::corpus::entity_rows(&corpus);
    let name = RwSignal::new(query.name.clone());
    let kind = query.kind;
    let sort = query.sort;
    let link = move |kind: Option<Kind>, sort: EntitySort| {
        Route::Entities(EntitiesQuery {
            kind,
            name: name.get(),
            sort,
        })
        .href()
    };
    // Kind links keep the name filter as typed so far, so they are drawn from the signal.
    let kind_chip = move |k: Option<Kind>, label: String, n: usize| {
        view! {
            <li>
                <a class="chip" href=move || link(k, sort) aria-current=(kind == k).then_some("true")>
                    {label} " " <span class="n">{n}</span>
                </a>
            </li>
        }
    };
    let kind_chips = {
        let all = kind_chip(None, "All".to_string(), rows.len());
        let kinds = Kind::ALL
            .iter()
            .map(|&k| {
                let n = rows
                    .iter()
                    .filter(|r| corpus.entities[r.entity as usize].kind == k)
                    .count();
                kind_chip(Some(k), kind_plural(k).to_string(), n)
            })
            .collect_view();
        view! { {all} {kinds} }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        name.set(value.clone());
        let href = Route::Entities(EntitiesQuery {
            kind,
            name: value,
            sort,
        })
        .href();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    };
    let listed = Memo::new({
        let corpus = corpus.clone();
        move |_| {
            let wanted = name_filter(&name.get());
            let mut listed: Vec<EntityRow> = rows
                .iter()
                .filter(|r| {
                    let e = &corpus.entities[r.entity as usize];
                    kind.is_none_or(|k| e.kind == k) && names_contain(e, &wanted)
                })
                .copied()
                .collect();
            let figure = |r: &EntityRow| match sort {
                EntitySort::Mentions => r.mentions,
                EntitySort::Documents => r.documents,
                EntitySort::Outlets => r.outlets,
                EntitySort::Quotes => r.quotes,
                EntitySort::Name => 0,
            };
            listed.sort_by(|a, b| figure(b).cmp(&figure(a)).then(a.entity.cmp(&b.entity)));
            listed
        }
    });
    let header = move |label: &'static str, by: EntitySort| {
        let current = sort == by;
        view! {
            <th scope="col" class:num=by != EntitySort::Name aria-sort=current.then_some(if by == EntitySort::Name { "ascending" } else { "descending" })>
                <a href=move || link(kind, by)>{label}</a>
            </th>
        }
    };
    view! {
        <super::Page
            class="entities"
            heading="entities-title"
            title="Entities"
            lede="People, organisations, places and groups the articles name, found by Parallax's own rules (no model). Open one to see how each outlet labels it, what it said, and who it appears with."
        >
            <div class="controls">
                <nav aria-label="Filter by kind">
                    <ul class="chips">{kind_chips}</ul>
                </nav>
                <div class="name-filter">
                    <label for="entity-filter">"Name contains"</label>
                    <input
                        id="entity-filter"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || name.get()
                        on:input=on_input
                    />
                </div>
            </div>
            <p class="status" role="status">
                {move || {
                    let n = listed.with(Vec::len);
                    if n > MAX_ROWS {
                        format!("Showing the first {MAX_ROWS} of {}; type to narrow.", count(n, "entity", "entities"))
                    } else {
                        format!("Showing {}", count(n, "entity", "entities"))
                    }
                }}
            </p>
            <div class="table-wrap">
                <table class="entity-table">
                    <thead>
                        <tr>
                            {header("Name", EntitySort::Name)}
                            <th scope="col">"Kind"</th>
                            {header("Mentions", EntitySort::Mentions)}
                            {header("Articles", EntitySort::Documents)}
                            {header("Outlets", EntitySort::Outlets)}
                            {header("Quotes", EntitySort::Quotes)}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            listed
                                .get()
                                .into_iter()
                                .take(MAX_ROWS)
                                .map(|r| {
                                    let e = &corpus.entities[r.entity as usize];
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                {entity_link(e)}
                                            </th>
                                            <td>{e.kind.as_str()}</td>
                                            <td class="num">{r.mentions}</td>
                                            <td class="num">{r.documents}</td>
                                            <td class="num">{r.outlets}</td>
                                            <td class="num">{r.quotes}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </super::Page>
    }
}
