use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::Side;
use parallax_core::entities::Kind;
use parallax_core::model::Anchor;
use parallax_core::quotes::{Quote, Tie};
use parallax_core::{split_at_marks, Corpus, Level, Span};

use crate::components::{added_mark, outlet_badge, PublishedDate};
use crate::format::{count, kind_plural, tie_sentence, tie_short};
use crate::route::Route;

/// One article: headline, outlet, dateline, date, photo captions and paragraphs, each paragraph
/// with its own permalink.
#[component]
pub fn Reader(corpus: Arc<Corpus>, article: usize, anchor: Option<Anchor>) -> impl IntoView {
    let doc_number = article as u32;
    let mention_index = crate::corpus::mentions(&corpus);
    let corpus: &Corpus = &corpus;
    let article = &corpus.articles[article];
    let doc = &article.document;
    let text = doc.text.as_str();
    let shown = RwSignal::new(Shown::default());
    super::set_title(&article.display_title());
    if let Some(a) = anchor.filter(|a| a.paragraph >= doc.paragraphs.len()) {
        return view! {
            <super::NotFound what=format!(
                "\u{201C}{}\u{201D} has {}; there is no paragraph {}.",
                article.display_title(),
                count(doc.paragraphs.len(), "paragraph", "paragraphs"),
                a.paragraph + 1,
            ) />
        }
        .into_any();
    }
    let permalink = move |paragraph: usize| {
        Route::reader(
            article,
            Some(Anchor {
                paragraph,
                sentence: None,
            }),
        )
        .href()
    };
    let mentions = mention_index.in_document(doc_number);
    let copied = copied_here(article.id());
    let quotes: Vec<&Quote> = corpus.quotes.iter().filter(|q| q.doc == doc_number).collect();
    let paragraphs = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let id = article.id().to_string();
            let target = anchor.is_some_and(|a| a.paragraph == i);
            // A targeted sentence (from a search passage or the concordance) is marked.
            let marked_sentence = anchor
                .filter(|_| target)
                .and_then(|a| a.sentence)
                .and_then(|s| p.sentences.get(s));
            let mut marks: Vec<(Span, Mark)> = mentions
                .iter()
                .map(|&(span, e)| (span, Mark::Entity(e)))
                .collect();
            marks.extend(quotes.iter().map(|q| {
                (
                    q.span,
                    Mark::Quote(q.speaker.map(|s| (s, q.co_speakers.as_slice())), q.tie),
                )
            }));
            let pieces = |region: Span| {
                split_at_marks(region, &marks)
                    .into_iter()
                    .map(|(piece, tags)| marked_piece(corpus, text, piece, &tags, &quotes))
                    .collect_view()
            };
            let body = match marked_sentence {
                Some(s) => view! {
                    {pieces(Span { end: s.start, ..p.span })}
                    <mark class="target-sentence">{pieces(*s)}</mark>
                    {pieces(Span { start: s.end, ..p.span })}
                }
                .into_any(),
                None => pieces(p.span).into_any(),
            };
            view! {
                <p id=format!("p{n}") class:target=target tabindex=target.then_some("-1")>
                    {body}
                    " "
                    <a class="permalink" href=permalink(i) aria-label=format!("Link to paragraph {n}") on:click=move |_| copy_link(&id, i)>
                        "\u{00B6}"
                    </a>
                    {move || copied.get().filter(|(p, _)| *p == i).map(|(_, said)| view! { " " <span class="copied" role="status">{said}</span> })}
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
                        <h1 tabindex="-1" class="untitled">{article.display_title().into_owned()}</h1>
                        <p class="note">"No headline: the start of the text\u{2019}s first sentence stands in for one."</p>
                    }
                    .into_any(),
                }}
                <p class="meta">
                    {outlet_badge(corpus, article.outlet)}
                    {added_mark(article)}
                    {doc.dateline.as_ref().map(|d| view! { <span class="dateline">{d.place.of(text).to_string()}</span> })}
                    <PublishedDate date=article.published />
                    <span>{count(doc.word_count(), "word", "words")}</span>
                </p>
                {doc.outlet_in_text().map(|o| view! { <p class="byline">"As the text credits it: " {o.to_string()}</p> })}
            </header>
            {credits}
            <Highlights shown=shown />
            // Every name in the text is a link: one tab stop each. This skips them all.
            <a class="skip-inline" href="#article-end" on:click=crate::skip_to("article-end")>"Skip past the article\u{2019}s text and links"</a>
            <div class=move || body_class(shown.get())>{paragraphs}</div>
            <footer id="article-end" tabindex="-1">
                <details class="notes" open=has_warning>
                    <summary>{format!("How Parallax read {} ({})", doc.file, count(n_notes, "note", "notes"))}</summary>
                    <ul>{notes}</ul>
                    {article.url.clone().map(|u| view! { <p>"Source: " <span class="url">{u}</span></p> })}
                </details>
                <p>
                    <a href="#/">"\u{2190} Back to the library"</a>
                    " \u{00B7} "
                    <a href=Route::Compare { a: Side::Document(article.id().to_string()).spec(), b: String::new() }.href()>
                        "Compare this article with another"
                    </a>
                </p>
            </footer>
        </article>
    }
    .into_any()
}

/// What a piece of a paragraph lies in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark<'c> {
    Entity(u32),
    /// A quotation, with its speaker and co-speakers (entity indices) and what tied them.
    Quote(Option<(usize, &'c [usize])>, Tie),
}

/// One piece of a paragraph as nested elements: a quotation as a span (its speaker named where
/// it starts), an entity mention as a link to its page.
fn marked_piece(corpus: &Corpus, text: &str, piece: Span, tags: &[Mark], quotes: &[&Quote]) -> AnyView {
    let mut view = piece.of(text).to_string().into_any();
    for tag in tags.iter().rev() {
        view = match *tag {
            Mark::Entity(e) => {
                let entity = &corpus.entities[e as usize];
                let class = format!("ent {}", entity.kind.as_str());
                view! {
                    <a class=class href=Route::Entity(entity.name.clone()).href() title=format!("{} ({})", entity.name, entity.kind.as_str())>
                        {view}
                    </a>
                }
                .into_any()
            }
            Mark::Quote(speaker, tie) => {
                // The speaker, and the words that tied it, are shown by CSS from an attribute:
                // the paragraph's text stays the document's text (for reading, copying and
                // searching the page).
                let starts = quotes.iter().any(|q| q.span.start == piece.start);
                let who = match speaker {
                    Some((s, co)) => std::iter::once(s)
                        .chain(co.iter().copied())
                        .map(|e| corpus.entities[e].name.as_str())
                        .collect::<Vec<_>>()
                        .join(" and "),
                    None => "Unattributed".to_string(),
                };
                let short = Some(tie_short(tie, text)).filter(|s| !s.is_empty());
                let title = format!("Quotation \u{2014} {who}. {}.", tie_sentence(tie, text));
                view! {
                    <span class="quote" class:starts=starts data-speaker=who data-tie=short title=title>
                        {view}
                    </span>
                }
                .into_any()
            }
        };
    }
    view
}

/// Which marks the reader shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shown {
    kinds: [bool; 4],
    quotes: bool,
}

impl Default for Shown {
    fn default() -> Self {
        Shown {
            kinds: [true; 4],
            quotes: true,
        }
    }
}

fn body_class(shown: Shown) -> String {
    let mut class = "body".to_string();
    for (k, on) in Kind::ALL.iter().zip(shown.kinds) {
        if on {
            class.push_str(&format!(" hl-{}", k.as_str()));
        }
    }
    if shown.quotes {
        class.push_str(" hl-quotes");
    }
    class
}

/// Checkboxes that show or hide mentions by kind, and quotations with their speakers.
#[component]
fn Highlights(shown: RwSignal<Shown>) -> impl IntoView {
    let boxes = Kind::ALL
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            view! {
                <label class=format!("toggle ent {}", k.as_str())>
                    <input
                        type="checkbox"
                        prop:checked=move || shown.get().kinds[i]
                        on:change=move |ev| shown.update(|s| s.kinds[i] = event_target_checked(&ev))
                    />
                    {kind_plural(k)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="highlights">
            <legend>"Highlight"</legend>
            {boxes}
            <label class="toggle">
                <input
                    type="checkbox"
                    prop:checked=move || shown.get().quotes
                    on:change=move |ev| shown.update(|s| s.quotes = event_target_checked(&ev))
                />
                "Quotations and speakers"
            </label>
        </fieldset>
    }
}

thread_local! {
    /// The paragraph whose link was last copied (article id, paragraph) and what was said of it.
    /// Outside the view: following the link draws the reader anew.
    static COPIED: ArcRwSignal<Option<(String, usize, &'static str)>> = ArcRwSignal::new(None);
}

/// Which paragraph of article `id` had its link copied last, and what was said of it. One memo
/// per view reads the page-wide signal: each reader of a long-lived signal stays on its list
/// after its view is gone (reactive_graph 0.2 never prunes them), so paragraphs read the memo.
fn copied_here(id: &str) -> Memo<Option<(usize, &'static str)>> {
    let id = id.to_string();
    let signal = COPIED.with(ArcRwSignal::clone);
    Memo::new(move |_| {
        signal.with(|c| {
            c.as_ref()
                .and_then(|(i, p, said)| (*i == id).then_some((*p, *said)))
        })
    })
}

/// Copies the paragraph's web address to the clipboard (the link also goes there, so the
/// address bar holds it too) and says so for a few seconds. Where the clipboard cannot be
/// written (a page served over plain http), it says where the address is instead.
fn copy_link(id: &str, paragraph: usize) {
    let id = id.to_string();
    leptos::task::spawn_local(async move {
        let here = window().location().href().unwrap_or_default();
        let page = here.split('#').next().unwrap_or_default();
        let href = Route::Reader {
            id: id.clone(),
            anchor: Some(Anchor {
                paragraph,
                sentence: None,
            }),
        }
        .href();
        let url = format!("{page}{href}");
        let said = if write_clipboard(&url).await {
            "Link copied"
        } else {
            "Copy the link from the address bar"
        };
        let signal = COPIED.with(ArcRwSignal::clone);
        signal.set(Some((id.clone(), paragraph, said)));
        set_timeout(
            move || {
                if signal.with_untracked(|c| c.as_ref().is_some_and(|(i, p, _)| *i == id && *p == paragraph))
                {
                    signal.set(None);
                }
            },
            std::time::Duration::from_secs(6),
        );
    });
}

/// Writes `text` to the clipboard; whether it was written.
async fn write_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    available
        && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}
