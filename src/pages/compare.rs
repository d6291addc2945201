use leptos::prelude::*;
use parallax_core::compare::{
    compare, contrasts, frames, report, sentence_span, sentences_with, Comparison, Distinctive, SentenceRef,
    Side, MIN_COUNT, PRIOR_SIZE, REUSE_WORDS,
};
use parallax_core::{Article, Corpus};
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::components::{EntityLink, LabelList, OutletBadge};
use crate::export::{download, file_slug, to_csv};
use crate::format::count;
use crate::route::Route;

/// Terms listed for each side.
const TOP_TERMS: usize = 15;
/// Entities in the labels panel.
const LABEL_ROWS: usize = 20;
/// Articles offered one by one in the side pickers; beyond this, use a search.
const MAX_ARTICLE_OPTIONS: usize = 400;

/// Two sides side by side: distinctive words, labels, voices, frames and contrast wordings,
/// each figure opening the sentences behind it.
#[component]
pub fn Compare(corpus: &'static Corpus, a: String, b: String) -> impl IntoView {
    super::set_title("Compare");
    let sides = [Side::parse(&a), Side::parse(&b)];
    let ready = !a.trim().is_empty() && !b.trim().is_empty();
    if !ready {
        // While the reader picks sides, read what every comparison needs from the whole corpus,
        // so the first comparison is as quick as the next.
        set_timeout(
            move || {
                let _ = crate::corpus::prior(corpus);
            },
            std::time::Duration::ZERO,
        );
    }
    let body = ready.then(|| {
        let (docs_a, problem_a) = sides[0].documents(corpus);
        let (docs_b, problem_b) = sides[1].documents(corpus);
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
        let c = compare(corpus, crate::corpus::prior(corpus), docs_a, docs_b);
        let names = [side_name(corpus, &sides[0]), side_name(corpus, &sides[1])];
        // One comparison shared by every panel (it holds both sides' tokenized text).
        let c = Rc::new(c);
        let file = format!("parallax-compare-{}-vs-{}", file_slug(&names[0]), file_slug(&names[1]));
        let (json_file, csv_file) = (format!("{file}.json"), format!("{file}-words.csv"));
        view! {
            {(!problems.is_empty()).then(|| view! { <ul class="messages">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
            <SideSummary corpus=corpus c=c.clone() names=names.clone() />
            <p class="exports">
                <button type="button" on:click={
                    let c = c.clone();
                    move |_| download(&csv_file, "text/csv", &terms_csv(&c.distinctive))
                }>"Download words (CSV)"</button>
                " "
                <button type="button" on:click={
                    let (c, sides) = (c.clone(), sides.clone());
                    move |_| {
                        let r = report(corpus, [&sides[0], &sides[1]], &c);
                        download(&json_file, "application/json", &serde_json::to_string_pretty(&r).unwrap_or_default())
                    }
                }>"Download everything (JSON)"</button>
                " "
                <button type="button" on:click=|_| { let _ = window().print(); }>"Print"</button>
            </p>
            <Words corpus=corpus c=c.clone() names=names.clone() />
            <Facts corpus=corpus c=c.clone() names=names.clone() />
            <Passages corpus=corpus c=c.clone() />
            <Labels corpus=corpus c=c.clone() names=names.clone() />
            <Voices corpus=corpus c=c.clone() names=names.clone() />
            <Frames corpus=corpus c=c.clone() names=names.clone() />
            <Contrasts corpus=corpus c=c names=names />
        }
        .into_any()
    });
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">"Compare"</h1>
            <p class="lede">
                "Put two sides next to each other: two outlets, two articles, or any two searches. "
                "Every figure opens the sentences behind it."
            </p>
            <SidePicker corpus=corpus a=a.clone() b=b.clone() />
            <Method />
            {body}
        </section>
    }
}

/// How a side reads in headings: the outlet's name, the article's headline, or the query.
fn side_name(corpus: &Corpus, side: &Side) -> String {
    match side {
        Side::Outlet(k) => corpus
            .outlets
            .iter()
            .find(|o| o.key.eq_ignore_ascii_case(k))
            .map_or(k.clone(), |o| o.name.clone()),
        Side::Document(id) => {
            crate::corpus::article(corpus, id).map_or(id.clone(), |a| a.display_title().to_string())
        }
        Side::Search(q) => format!("\u{201C}{q}\u{201D}"),
    }
}

/// Each side: an outlet, an article, or a search; the choice becomes the URL.
#[component]
fn SidePicker(corpus: &'static Corpus, a: String, b: String) -> impl IntoView {
    let picker = move |key: &'static str, label: &'static str, current: String| {
        let select_id = format!("side-{key}");
        let search_id = format!("side-{key}-q");
        let is_search = !current.is_empty() && matches!(Side::parse(&current), Side::Search(_));
        let mode = RwSignal::new(if is_search {
            "search".to_string()
        } else {
            current.clone()
        });
        let outlets = corpus
            .outlets
            .iter()
            .map(|o| {
                let value = Side::Outlet(o.key.clone()).spec();
                view! { <option value=value.clone() selected=value == current>{o.name.clone()}</option> }
            })
            .collect_view();
        let articles = (corpus.articles.len() <= MAX_ARTICLE_OPTIONS).then(|| {
            corpus
                .articles
                .iter()
                .map(|art| {
                    let value = Side::Document(art.id().to_string()).spec();
                    let title: String = art.display_title().chars().take(90).collect();
                    view! { <option value=value.clone() selected=value == current>{title}</option> }
                })
                .collect_view()
        });
        let query = if is_search { current.clone() } else { String::new() };
        view! {
            <div class="side-picker">
                <label for=select_id.clone()>{label}</label>
                <select id=select_id on:change=move |ev| mode.set(event_target_value(&ev))>
                    <option value="" selected=current.is_empty()>"Choose\u{2026}"</option>
                    <optgroup label="Outlets">{outlets}</optgroup>
                    {articles.map(|a| view! { <optgroup label="Articles">{a}</optgroup> })}
                    <option value="search" selected=is_search>"A search\u{2026}"</option>
                </select>
                <span class="side-query" class:hidden=move || mode.get() != "search">
                    <label for=search_id.clone() class="visually-hidden">{format!("{label}: search")}</label>
                    <input id=search_id type="search" placeholder="e.g. protest outlet:rt" value=query name=key />
                </span>
            </div>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |key: &str| -> String {
            let doc = document();
            let get = |id: String| {
                doc.get_element_by_id(&id)
                    .and_then(|e| {
                        e.dyn_into::<web_sys::HtmlInputElement>()
                            .ok()
                            .map(|i| i.value())
                            .or_else(|| {
                                doc.get_element_by_id(&format!("side-{key}"))
                                    .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                                    .map(|s| s.value())
                            })
                    })
                    .unwrap_or_default()
            };
            let select = doc
                .get_element_by_id(&format!("side-{key}"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if select == "search" {
                get(format!("side-{key}-q"))
            } else {
                select
            }
        };
        let href = Route::Compare {
            a: value("a"),
            b: value("b"),
        }
        .href();
        let _ = window().location().set_hash(&href);
    };
    view! {
        <form class="side-pickers" on:submit=submit>
            {picker("a", "Side A", a)}
            {picker("b", "Side B", b)}
            <button type="submit">"Compare"</button>
        </form>
    }
}

/// The method in plain words, for students.
#[component]
fn Method() -> impl IntoView {
    view! {
        <details class="help method">
            <summary>"How Parallax compares"</summary>
            <p>
                <strong>"Distinctive words. "</strong>
                "Parallax counts every word and every pair of neighbouring words on each side (leaving out words such as "
                <em>"the"</em>" and "<em>"of"</em>"). A word is distinctive when one side uses it more often, for its length, than the other. "
                "Plain ratios exaggerate rare words, so each count is first softened by how often the whole corpus uses the word "
                {format!("(as if each side had read an extra {PRIOR_SIZE} words of the corpus). ")}
                "The z-score says how sure that difference is: beyond 2 (or below \u{2212}2), it is unlikely to be chance. "
                "This is the \u{201C}log-odds ratio with an informative Dirichlet prior\u{201D} of Monroe, Colaresi and Quinn (2008), \u{201C}Fightin\u{2019} Words\u{201D}. "
                {format!("Words seen fewer than {MIN_COUNT} times on both sides together are marked: too few to mean much.")}
            </p>
            <p>
                <strong>"Labels"</strong>" are the titles and descriptions put before a name (" <em>"Belarusian President"</em> "). "
                <strong>"Voices"</strong>" are direct quotations and who they are attributed to. "
                <strong>"Frames"</strong>" tag each sentence with the dimensions of the Media Frames Corpus (Card et al. 2015) whose cue words it holds: "
                "a rough guide to what a side talks about, from an editable word list, not a judgement. "
                <strong>"Contrast wordings"</strong>" count two ways of naming one thing, such as protests and riots."
            </p>
        </details>
    }
}

#[component]
fn SideSummary(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let side = |k: usize| {
        let docs = &c.docs[k];
        let mut outlets: Vec<Option<u32>> =
            docs.iter().map(|&d| corpus.articles[d as usize].outlet).collect();
        outlets.sort();
        outlets.dedup();
        let small = c.terms[k] < 1500;
        view! {
            <div class=format!("side side-{}", ["a", "b"][k])>
                <h2>{format!("{} ", ["A", "B"][k])}<span class="side-name">{names[k].clone()}</span></h2>
                <p class="meta">
                    {outlets.into_iter().map(|o| view! { <OutletBadge corpus=corpus outlet=o /> }).collect_view()}
                    <span>{count(docs.len(), "article", "articles")}</span>
                    <span>{count(c.framing[k].sentences, "sentence", "sentences")}</span>
                    <span>{count(c.terms[k], "word counted", "words counted")}</span>
                </p>
                {small.then(|| view! {
                    <p class="caution">"Caution: a small sample. Differences on a few hundred words can be chance; read the sentences before drawing conclusions."</p>
                })}
            </div>
        }
    };
    view! { <div class="sides">{side(0)}{side(1)}</div> }
}

/// Sentences behind a figure, rendered when first opened.
#[component]
fn Evidence(corpus: &'static Corpus, refs: Vec<SentenceRef>, summary: AnyView) -> impl IntoView {
    let open = RwSignal::new(false);
    let n = refs.len();
    view! {
        <details class="evidence" on:toggle=move |ev| {
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary>{summary}</summary>
            {move || open.get().then(|| {
                let items = refs
                    .iter()
                    .filter_map(|&r| {
                        let (d, p, s) = r;
                        let article = &corpus.articles[d as usize];
                        let text = sentence_span(corpus, r)?.of(&article.doc.text).to_string();
                        let href = Route::Reader {
                            id: article.id().to_string(),
                            paragraph: Some(p + 1),
                            sentence: Some(s + 1),
                        }
                        .href();
                        Some(view! {
                            <li><OutletBadge corpus=corpus outlet=article.outlet />" "<a href=href>{text}</a></li>
                        })
                    })
                    .collect_view();
                view! { <ol class="sentences" aria-label=count(n, "sentence", "sentences")>{items}</ol> }
            })}
        </details>
    }
}

#[component]
fn Words(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let column = |k: usize| {
        let terms: Vec<Distinctive> = if k == 0 {
            c.distinctive
                .iter()
                .filter(|d| d.z > 0.0)
                .take(TOP_TERMS)
                .cloned()
                .collect()
        } else {
            c.distinctive
                .iter()
                .rev()
                .filter(|d| d.z < 0.0)
                .take(TOP_TERMS)
                .cloned()
                .collect()
        };
        let rows = terms
            .into_iter()
            .map(|d| {
                let refs = sentences_with(&c.texts[k], &d.term);
                let summary = view! {
                    <span class="term" class:small=d.small>{d.term.clone()}</span>
                    <span class="figures">{format!("{} : {}", d.count_a, d.count_b)}" · z "{format!("{:+.1}", d.z)}</span>
                    {d.small.then(|| view! { <span class="few">" few"</span> })}
                }
                .into_any();
                view! { <li><Evidence corpus=corpus refs=refs summary=summary /></li> }
            })
            .collect_view();
        view! {
            <div class=format!("side-col side-{}", ["a", "b"][k])>
                <h3>{format!("{} ", ["A", "B"][k])}{names[k].clone()}</h3>
                <ol class="terms">{rows}</ol>
            </div>
        }
    };
    view! {
        <section aria-labelledby="words-title" class="panel">
            <h2 id="words-title">"Distinctive words and phrases"</h2>
            <p class="note">"Counts are side A : side B. Open a word for its sentences on that side."</p>
            <div class="columns">{column(0)}{column(1)}</div>
        </section>
    }
}

/// Two articles' paragraphs side by side: pairs about the same thing, paragraphs only one has,
/// and text both share word for word.
#[component]
fn Passages(corpus: &'static Corpus, c: Rc<Comparison>) -> impl IntoView {
    let Some(p) = c.passages.clone() else {
        return ().into_any();
    };
    let (a, b) = (
        &corpus.articles[c.docs[0][0] as usize],
        &corpus.articles[c.docs[1][0] as usize],
    );
    let para = |article: &'static Article, i: usize| {
        let href = Route::Reader {
            id: article.id().to_string(),
            paragraph: Some(i + 1),
            sentence: None,
        }
        .href();
        let text = article.doc.paragraphs[i].span.of(&article.doc.text).to_string();
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
    let only = |k: usize, article: &'static Article| {
        let items = p.only[k]
            .iter()
            .map(|&i| view! { <li>{para(article, i)}</li> })
            .collect_view();
        view! {
            <div class=format!("side-col side-{}", ["a", "b"][k])>
                <h3>{format!("Only in {}", ["A", "B"][k])}</h3>
                {if p.only[k].is_empty() {
                    view! { <p class="unknown">"Every paragraph has a counterpart."</p> }.into_any()
                } else {
                    view! { <ul class="only">{items}</ul> }.into_any()
                }}
            </div>
        }
    };
    let reused = p
        .reused
        .iter()
        .map(|(sa, _)| view! { <li><q>{sa.of(&a.doc.text).to_string()}</q></li> })
        .collect_view();
    view! {
        <section aria-labelledby="passages-title" class="panel">
            <h2 id="passages-title">"Passages"</h2>
            <p class="note">
                "Paragraphs are paired when they share rare words (names, numbers, unusual terms) more than chance would; each paragraph pairs at most once."
            </p>
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
            <div class="columns">{only(0, a)}{only(1, b)}</div>
            <h3>"Text in both, word for word"</h3>
            {if p.reused.is_empty() {
                view! { <p class="unknown">{format!("No run of {REUSE_WORDS} or more words appears in both.")}</p> }.into_any()
            } else {
                view! { <ul class="reused">{reused}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// Numbers both sides give about the same thing, side by side, differing first.
#[component]
fn Facts(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let claims_of = |f: &parallax_core::facts::Fact, k: usize| {
        f.claims
            .iter()
            .map(|&i| &corpus.claims[i])
            .filter(|claim| c.docs[k].binary_search(&claim.doc).is_ok())
            .map(|claim| {
                let article = &corpus.articles[claim.doc as usize];
                let text = article.doc.text.as_str();
                let place = parallax_core::profile::sentence_at(&article.doc, claim.span.start);
                let href = Route::Reader {
                    id: article.id().to_string(),
                    paragraph: place.map(|(p, _)| p + 1),
                    sentence: place.map(|(_, s)| s + 1),
                }
                .href();
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
            view! {
                <tr class:differ=!f.agree>
                    <th scope="row">
                        {f.about.clone()}
                        <br />
                        <span class=if f.agree { "verdict agree" } else { "verdict differ" }>{if f.agree { "agree" } else { "differ" }}</span>
                    </th>
                    <td><ul class="claims">{claims_of(f, 0)}</ul></td>
                    <td><ul class="claims">{claims_of(f, 1)}</ul></td>
                </tr>
            }
        })
        .collect_view();
    let differ = c.facts.iter().filter(|f| !f.agree).count();
    view! {
        <section aria-labelledby="facts-title" class="panel">
            <h2 id="facts-title">"Facts and numbers"</h2>
            {if c.facts.is_empty() {
                view! { <p class="unknown">"No number is given about the same thing on both sides."</p> }.into_any()
            } else {
                view! {
                    <p class="note">
                        {format!("{} both sides give numbers for; {differ} differ. ", count(c.facts.len(), "thing", "things"))}
                        "Numbers are lined up when they count the same thing in similar words; they agree when one value fits both (\u{201C}over 80 percent\u{201D} and \u{201C}80.1 percent\u{201D}). Check the sentences: a difference can be a different moment or source."
                    </p>
                    {side_table("facts", "About", &names, rows)}
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Labels(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let rows = c
        .labels
        .iter()
        .take(LABEL_ROWS)
        .map(|r| {
            let e = &corpus.entities[r.entity as usize];
            view! {
                <tr>
                    <th scope="row"><EntityLink entity=e /></th>
                    <td><LabelList labels=r.labels_a.clone() none="no title or description" /><span class="n">{format!(" ({})", count(r.mentions_a, "mention", "mentions"))}</span></td>
                    <td><LabelList labels=r.labels_b.clone() none="no title or description" /><span class="n">{format!(" ({})", count(r.mentions_b, "mention", "mentions"))}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="labels-title" class="panel">
            <h2 id="labels-title">"How each side labels who both name"</h2>
            {if c.labels.is_empty() {
                view! { <p class="unknown">"The two sides name no entity in common."</p> }.into_any()
            } else {
                view! {
                    {side_table("labels compare-labels", "Entity", &names, rows)}
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Voices(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
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
                        let doc = &corpus.articles[quote.doc as usize].doc;
                        parallax_core::profile::sentence_at(doc, quote.span.start).map(|(p, s)| (quote.doc, p, s))
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
                    <li><Evidence corpus=corpus refs=refs summary=summary /></li>
                }
            })
            .collect_view();
        view! {
            <div class=format!("side-col side-{}", ["a", "b"][k])>
                <h3>{format!("{} ", ["A", "B"][k])}{names[k].clone()}</h3>
                <p class="note">{format!("{} in quotations", count(total_words, "word", "words"))}</p>
                {if c.voices[k].is_empty() {
                    view! { <p class="unknown">"No direct quotation."</p> }.into_any()
                } else {
                    view! { <ol class="voices">{rows}</ol> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <section aria-labelledby="voices-title" class="panel">
            <h2 id="voices-title">"Who gets a voice"</h2>
            <div class="columns">{column(0)}{column(1)}</div>
        </section>
    }
}

#[component]
fn Frames(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let share = |k: usize, n: usize| 100.0 * n as f64 / c.framing[k].sentences.max(1) as f64;
    let rows = frames()
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let bar = |k: usize| {
                let refs = c.framing[k].frames[i].clone();
                let pct = share(k, refs.len());
                let summary = view! {
                    <span class="bar-track"><span class=format!("bar side-{}", ["a", "b"][k]) style=format!("width: {pct:.1}%")></span></span>
                    <span class="figures">{format!("{} {pct:.0}%", ["A", "B"][k])}</span>
                }
                .into_any();
                view! { <Evidence corpus=corpus refs=refs summary=summary /> }
            };
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td>{bar(0)}</td>
                    <td>{bar(1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="frames-title" class="panel">
            <h2 id="frames-title">"Frames"</h2>
            <p class="note">"Share of each side's sentences with a cue word of the frame. Open a bar for its sentences."</p>
            {side_table("frames", "Frame", &names, rows)}
        </section>
    }
}

#[component]
fn Contrasts(corpus: &'static Corpus, c: Rc<Comparison>, names: [String; 2]) -> impl IntoView {
    let rows = contrasts()
        .iter()
        .enumerate()
        .map(|(i, ((first, _), (second, _)))| {
            let cell = |k: usize| {
                let [(n1, r1), (n2, r2)] = c.framing[k].contrasts[i].clone();
                view! {
                    <Evidence corpus=corpus refs=r1 summary=view! { <span class="figures">{format!("first {n1}")}</span> }.into_any() />
                    <Evidence corpus=corpus refs=r2 summary=view! { <span class="figures">{format!("second {n2}")}</span> }.into_any() />
                }
            };
            view! {
                <tr>
                    <th scope="row">{first.clone()}<br /><span class="versus">"vs "</span>{second.clone()}</th>
                    <td class="pair">{cell(0)}</td>
                    <td class="pair">{cell(1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="contrasts-title" class="panel">
            <h2 id="contrasts-title">"Contrast wordings"</h2>
            <p class="note">"How often each side uses the first wording, then the second. Open a count for its sentences."</p>
            {side_table("contrasts", "Wordings", &names, rows)}
        </section>
    }
}

/// A table with a first column and one column per side, headed by the sides' names.
fn side_table(
    class: &'static str,
    first: &'static str,
    names: &[String; 2],
    rows: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class=class>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">{format!("A {}", names[0])}</th>
                        <th scope="col">{format!("B {}", names[1])}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn terms_csv(terms: &[Distinctive]) -> String {
    to_csv(
        &["term", "count_a", "count_b", "log_odds", "z", "few"],
        terms.iter().map(|d| {
            vec![
                d.term.clone(),
                d.count_a.to_string(),
                d.count_b.to_string(),
                format!("{:.4}", d.delta),
                format!("{:.3}", d.z),
                d.small.to_string(),
            ]
        }),
    )
}
