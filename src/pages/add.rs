use leptos::prelude::*;
use parallax_core::reading::{self, AddedArticle, Encoding};
use parallax_core::Date;
use wasm_bindgen::JsCast;

use crate::added::{self as state, Incoming, Storage};
use crate::format::count;
use crate::route::Route;

/// Whether a job is under way, read through a memo of the calling view. Each reader of a
/// page-wide signal stays on its list after its view is gone (see ARCHITECTURE.md, "Nothing
/// piles up"), so the parts of a view that are drawn again (rows, offers) read the memo.
fn busy_memo() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let busy = Memo::new(move |_| state::busy());
    move || busy.get()
}

/// A memo of the calling view that changes whenever the page-wide `signal` does, for the parts
/// of the view that are drawn again to track in its place (as [`busy_memo`]).
fn changes<T: Send + Sync + 'static>(signal: ArcRwSignal<T>) -> Memo<u64> {
    Memo::new(move |previous: Option<&u64>| {
        signal.track();
        previous.map_or(0, |n| n + 1)
    })
}

/// `#/add`: add articles (files, a folder, pasted text), see and edit them, share them.
#[component]
pub fn AddPage() -> impl IntoView {
    super::set_title("Your articles");
    view! {
        <super::Page
            class="add-page"
            heading="add-title"
            title="Your articles"
            lede="Add articles to explore them with the corpus: search, entity pages and comparison include them. They are analysed and kept in this browser; nothing is sent anywhere."
        >
            {move || match state::state().storage.get() {
                Storage::Refused(why) => Some(view! { <p class="warning" role="alert">{why}</p> }),
                _ => None,
            }}
            <KeptInBrowser />
            <AddFiles />
            <PasteText />
            <JobProgress />
            <Notice />
            <AddedList />
            <Share />
        </super::Page>
    }
}

/// What the browser answered when asked to keep the added articles.
#[component]
fn KeptInBrowser() -> impl IntoView {
    move || {
        state::state().kept.get().map(|kept| {
            if kept {
                view! {
                    <p class="kept">"Your browser has agreed to keep your added articles: it will not clear them to make room."</p>
                }
            } else {
                view! {
                    <p class="kept not-kept">"Your browser has not promised to keep your added articles: it may clear them when space runs low, and a private window forgets them when it closes. Export them (below) to keep a copy."</p>
                }
            }
        })
    }
}

/// The job under way, with a cancel button. The bar is drawn once per job and only its figures
/// change, so the button stays put under the pointer and keeps focus.
#[component]
pub fn JobProgress() -> impl IntoView {
    // The parts drawn anew for each job read this view's memo, not the page-wide signal.
    let progress = Memo::new(move |_| state::state().progress.get());
    let active = Memo::new(move |_| progress.with(Option::is_some));
    let label = move || progress.with(|p| p.as_ref().map(|p| p.label.clone()));
    let done = move || progress.with(|p| p.as_ref().map_or(0, |p| p.done));
    let total = move || progress.with(|p| p.as_ref().map_or(1, |p| p.total));
    let cancellable = move || progress.with(|p| p.as_ref().is_some_and(|p| p.cancellable));
    move || {
        active.get().then(|| {
            view! {
                <div class="job" role="status" aria-live="polite">
                    <label for="job-progress">{label}</label>
                    <progress id="job-progress" max=total value=done></progress>
                    {move || cancellable().then(|| view! {
                        <button type="button" on:click=|_| state::cancel()>"Cancel"</button>
                    })}
                </div>
            }
        })
    }
}

/// How the last action went, in the one live region of the page, between the controls that
/// add articles and the list that removes them; with what can be done next: add the duplicates
/// anyway, or undo a removal (the Undo button takes focus, so it is in view and at hand).
#[component]
fn Notice() -> impl IntoView {
    let busy = busy_memo();
    let notice = move || {
        state::state().notice.get().map(|r| {
            let class = if r.ok { "report ok" } else { "report problem" };
            let problems = (!r.problems.is_empty()).then(|| {
                let n = r.problems.len();
                view! {
                    <details open=n <= 10>
                        <summary>{count(n, "problem", "problems")}</summary>
                        <ul>{r.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </details>
                }
            });
            view! { <div class=class data-serial=r.serial><p>{r.summary}</p>{problems}</div> }
        })
    };
    let duplicates = move || {
        let n = state::state().duplicates.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <p class="offer">
                    <button type="button" disabled=busy on:click=|_| state::add_duplicates_anyway()>
                        {format!("Add the {} anyway", count(n, "duplicate", "duplicates"))}
                    </button>
                </p>
            }
        })
    };
    let undo = move || {
        (!state::state().removed.with(Vec::is_empty)).then(|| {
            let button = NodeRef::<leptos::html::Button>::new();
            // Focus moves to Undo once it is drawn: the removed row took the focus with it.
            Effect::new(move || {
                if let Some(b) = button.get() {
                    let _ = b.focus();
                }
            });
            view! {
                <p class="offer">
                    <button type="button" node_ref=button disabled=busy on:click=|_| state::undo_remove()>"Undo"</button>
                </p>
            }
        })
    };
    view! {
        <div class="reports" role="status" aria-live="polite">
            {notice}
            {duplicates}
            {undo}
        </div>
    }
}

/// The files of a file input.
fn files_of(input: &web_sys::HtmlInputElement, from_folder: bool) -> Vec<Incoming> {
    let mut out = Vec::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(file) = list.get(i) {
                out.push(Incoming { file, from_folder });
            }
        }
    }
    input.set_value("");
    out
}

/// Drop zone, file dialog and folder dialog.
#[component]
fn AddFiles() -> impl IntoView {
    let over = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(dt) = ev.data_transfer() {
            leptos::task::spawn_local(async move {
                state::add_files(dropped(dt).await);
            });
        }
    };
    view! {
        <section class="add-files" aria-labelledby="add-files-title">
            <h2 id="add-files-title">"Add files"</h2>
            <div
                class="drop-zone"
                class:over=move || over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <p>"Drop .txt, .md or .html files, or a folder of them, here, or choose them:"</p>
                <p>
                    <FileButton
                        id="add-files-input"
                        label="Choose files\u{2026}"
                        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/html,text/markdown"
                        multiple=true
                        on_choose=|input| state::add_files(files_of(&input, false))
                    />
                    " "
                    <FileButton
                        id="add-folder-input"
                        label="Choose a folder\u{2026}"
                        folder=true
                        on_choose=|input| state::add_files(files_of(&input, true))
                    />
                </p>
                <p class="hint">
                    "Plain text may be UTF-8, UTF-16, Windows-1251 or Latin-1; HTML is reduced to its "
                    "text (no script in it runs, nothing it links to is loaded). Up to "
                    {reading::MAX_FILE_BYTES / (1024 * 1024)} " MB a file."
                </p>
            </div>
        </section>
    }
}

/// The files of a drop, folders walked.
async fn dropped(dt: web_sys::DataTransfer) -> Vec<Incoming> {
    let mut out = Vec::new();
    let items = dt.items();
    let mut entries = Vec::new();
    for i in 0..items.length() {
        if let Some(entry) = items
            .get(i)
            .and_then(|item| item.webkit_get_as_entry().ok().flatten())
        {
            entries.push(entry);
        }
    }
    if entries.is_empty() {
        if let Some(list) = dt.files() {
            for i in 0..list.length() {
                if let Some(file) = list.get(i) {
                    out.push(Incoming {
                        file,
                        from_folder: false,
                    });
                }
            }
        }
        return out;
    }
    // Breadth-first over the dropped entries; a folder's files are marked as such.
    let mut queue: Vec<(web_sys::FileSystemEntry, bool)> = entries.into_iter().map(|e| (e, false)).collect();
    while let Some((entry, from_folder)) = queue.pop() {
        if entry.is_directory() {
            let dir: web_sys::FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            loop {
                let batch = read_entries(&reader).await;
                if batch.is_empty() {
                    break;
                }
                queue.extend(batch.into_iter().map(|e| (e, true)));
            }
        } else if entry.is_file() {
            let file_entry: web_sys::FileSystemFileEntry = entry.unchecked_into();
            if let Some(file) = entry_file(&file_entry).await {
                out.push(Incoming { file, from_folder });
            }
        }
    }
    out
}

async fn read_entries(reader: &web_sys::FileSystemDirectoryReader) -> Vec<web_sys::FileSystemEntry> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
    });
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(list) => js_sys::Array::from(&list)
            .iter()
            .filter_map(|e| e.dyn_into().ok())
            .collect(),
        Err(_) => Vec::new(),
    }
}

async fn entry_file(entry: &web_sys::FileSystemFileEntry) -> Option<web_sys::File> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// The value of the input with `id`.
fn value_of(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .and_then(|e| {
            e.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
        })
        .unwrap_or_default()
}

fn set_value(id: &str, value: &str) {
    if let Some(e) = document().get_element_by_id(id) {
        if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(value);
        }
    }
}

fn optional(s: String) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Title, outlet, date and URL fields; `prefix` keeps their ids apart.
#[component]
fn MetadataFields(prefix: &'static str, #[prop(optional)] article: Option<AddedArticle>) -> impl IntoView {
    let a = article.unwrap_or(AddedArticle {
        name: String::new(),
        text: String::new(),
        title: None,
        outlet: None,
        published: None,
        url: None,
    });
    let field = move |f: &str| format!("{prefix}-{f}");
    view! {
        <div class="fields">
            <p><label for=field("title")>"Title"</label>
                <input id=field("title") type="text" value=a.title.clone().unwrap_or_default() /></p>
            <p><label for=field("outlet")>"Outlet"</label>
                <input id=field("outlet") type="text" value=a.outlet.clone().unwrap_or_default() /></p>
            <p><label for=field("date")>"Published"</label>
                <input id=field("date") type="date" value=a.published.map(|d| d.to_string()).unwrap_or_default() /></p>
            <p><label for=field("url")>"URL"</label>
                <input id=field("url") type="url" value=a.url.clone().unwrap_or_default() /></p>
        </div>
    }
}

/// Reads the metadata fields into `article`; `Err` names a field that is not valid.
fn read_fields(prefix: &str, article: AddedArticle) -> Result<AddedArticle, String> {
    let date = optional(value_of(&format!("{prefix}-date")));
    let published = match date {
        None => None,
        Some(d) => Some(Date::parse_iso(&d).ok_or("The date must be a calendar date (YYYY-MM-DD).")?),
    };
    let url = optional(value_of(&format!("{prefix}-url")));
    if url.as_deref().is_some_and(|u| reading::web_address(u).is_none()) {
        return Err(
            "The URL must be a web address starting with https:// or http://, without spaces.".to_string(),
        );
    }
    Ok(AddedArticle {
        title: optional(value_of(&format!("{prefix}-title"))),
        outlet: optional(value_of(&format!("{prefix}-outlet"))),
        published,
        url,
        ..article
    })
}

/// Paste an article's text.
#[component]
fn PasteText() -> impl IntoView {
    let busy = state::busy;
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = value_of("paste-text");
        let title = optional(value_of("paste-title"));
        let name = format!(
            "{}.txt",
            crate::export::file_slug(title.as_deref().unwrap_or_else(|| text.trim()))
                .chars()
                .take(40)
                .collect::<String>()
        );
        let article = match reading::pasted(&name, &text) {
            Ok(a) => a,
            Err(why) => {
                problem.set(Some(why.to_string()));
                return;
            }
        };
        match read_fields("paste", article) {
            Ok(a) => {
                problem.set(None);
                state::add_pasted(a);
                for f in [
                    "paste-text",
                    "paste-title",
                    "paste-outlet",
                    "paste-date",
                    "paste-url",
                ] {
                    set_value(f, "");
                }
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    view! {
        <section class="paste" aria-labelledby="paste-title-h">
            <h2 id="paste-title-h">"Paste an article"</h2>
            <form on:submit=submit>
                <p>
                    <label for="paste-text">"Text"</label>
                    <textarea id="paste-text" rows="8"></textarea>
                </p>
                <MetadataFields prefix="paste" />
                {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
                <button type="submit" disabled=busy>"Add this text"</button>
            </form>
        </section>
    }
}

/// How many added articles the list shows before "Show all".
const ROWS_SHOWN: usize = 100;

/// The added articles, each editable and removable.
#[component]
fn AddedList() -> impl IntoView {
    let busy = busy_memo();
    let (articles_changed, guesses_changed) =
        (changes(state::state().articles), changes(state::state().guessed));
    let editing = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let show_all = RwSignal::new(false);
    let rows = move || {
        // Titles as the corpus reads them, looked up once per rendering.
        let current = crate::corpus::corpus().ok();
        let titles: std::collections::HashMap<&str, std::borrow::Cow<str>> = current
            .iter()
            .flat_map(|c| c.articles.iter().map(|a| (a.id(), a.display_title())))
            .collect();
        articles_changed.track();
        guesses_changed.track();
        let list = state::state().articles.get_untracked();
        let limit = if show_all.get() { list.len() } else { ROWS_SHOWN };
        list.into_iter()
            .take(limit)
            .map(|a| {
                let name = a.name.clone();
                let id = name.rsplit_once('.').map_or(name.clone(), |(stem, _)| stem.to_string());
                let title = a
                    .title
                    .clone()
                    .or_else(|| titles.get(id.as_str()).map(|t| t.to_string()))
                    .unwrap_or_else(|| name.clone());
                let encoding = state::state()
                    .guessed
                    .with_untracked(|g| g.get(&name).map(|guess| guess.encoding));
                let edit_name = name.clone();
                let remove_name = name.clone();
                let is_editing = {
                    let name = name.clone();
                    move || editing.get().as_deref() == Some(name.as_str())
                };
                let editor = {
                    let a = a.clone();
                    move || {
                        is_editing().then(|| {
                            let original = a.clone();
                            let save = move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                match read_fields("edit", original.clone()) {
                                    Ok(changed) => {
                                        problem.set(None);
                                        editing.set(None);
                                        state::update(original.name.clone(), changed);
                                    }
                                    Err(why) => problem.set(Some(why)),
                                }
                            };
                            view! {
                                <tr class="editor"><td colspan="5">
                                    <form on:submit=save>
                                        <MetadataFields prefix="edit" article=a.clone() />
                                        {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
                                        <button type="submit" disabled=busy>"Save"</button>
                                        " "
                                        <button type="button" on:click=move |_| editing.set(None)>"Cancel"</button>
                                    </form>
                                </td></tr>
                            }
                        })
                    }
                };
                let encoding_cell = encoding.map(|e| {
                    let reread_name = name.clone();
                    view! {
                        <label>
                            "Read as "
                            <select disabled=busy on:change=move |ev| {
                                let choice = match event_target_value(&ev).as_str() {
                                    "1251" => Encoding::Windows1251,
                                    _ => Encoding::Windows1252,
                                };
                                state::reread(reread_name.clone(), choice);
                            }>
                                <option value="1251" selected=e == Encoding::Windows1251>{Encoding::Windows1251.label()}</option>
                                <option value="1252" selected=e == Encoding::Windows1252>{Encoding::Windows1252.label()}</option>
                            </select>
                        </label>
                    }
                });
                view! {
                    <tr>
                        <th scope="row"><a href=Route::Reader { id: id.clone(), anchor: None }.href()>{title}</a></th>
                        <td>{a.outlet.clone().unwrap_or_default()}</td>
                        <td>{a.published.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td><code>{name.clone()}</code>" "{encoding_cell}</td>
                        <td class="actions">
                            <button type="button" disabled=busy on:click=move |_| editing.set(Some(edit_name.clone()))>"Edit"</button>
                            " "
                            <button type="button" disabled=busy on:click=move |_| state::remove(vec![remove_name.clone()])>"Remove"</button>
                        </td>
                    </tr>
                    {editor}
                }
            })
            .collect_view()
    };
    view! {
        <section class="added" aria-labelledby="added-title">
            <h2 id="added-title">"Added articles"</h2>
            {move || {
                let n = state::state().articles.with(Vec::len);
                if n == 0 {
                    view! { <p>"None yet."</p> }.into_any()
                } else {
                    view! {
                        <p>
                            {format!("{} added. ", count(n, "article", "articles"))}
                            <button type="button" disabled=busy on:click=move |_| {
                                state::remove(state::state().articles.with_untracked(|l| l.iter().map(|a| a.name.clone()).collect()))
                            }>"Remove all"</button>
                        </p>
                        <table class="added-table">
                            <thead><tr><th scope="col">"Title"</th><th scope="col">"Outlet"</th><th scope="col">"Published"</th><th scope="col">"File"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {(n > ROWS_SHOWN && !show_all.get()).then(|| view! {
                            <p>
                                {format!("Showing the first {ROWS_SHOWN} of {n}. ")}
                                <button type="button" on:click=move |_| show_all.set(true)>"Show all"</button>
                            </p>
                        })}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Export, import, and the offline page.
/// A button that opens the browser's file chooser (a label for a hidden file input), for
/// files, several files, or a folder; `on_choose` gets the input once the reader has chosen.
#[component]
fn FileButton(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] accept: Option<&'static str>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] folder: bool,
    on_choose: impl Fn(web_sys::HtmlInputElement) + 'static,
) -> impl IntoView {
    view! {
        <label class="button" for=id>{label}</label>
        <input
            id=id
            class="visually-hidden"
            type="file"
            multiple=multiple
            accept=accept
            prop:webkitdirectory=folder
            disabled=state::busy
            on:change=move |ev| on_choose(event_target(&ev))
        />
    }
}

#[component]
fn Share() -> impl IntoView {
    let busy = state::busy;
    let none = move || state::state().articles.with(Vec::is_empty);
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">"Share"</h2>
            <p>
                <button type="button" disabled=move || none() || busy() on:click=|_| state::export_file()>
                    "Export added articles (.json)"
                </button>
                " "
                <FileButton
                    id="import-input"
                    label="Import an export file\u{2026}"
                    accept=".json,application/json"
                    on_choose=|input| {
                        if let Some(file) = input.files().and_then(|l| l.get(0)) {
                            state::import_file(file);
                        }
                        input.set_value("");
                    }
                />
            </p>
            <p>
                <button type="button" disabled=busy on:click=|_| state::download_offline()>
                    "Download parallax.html with these articles"
                </button>
                " A single file that opens from disk, with no network, the bundled corpus and your added articles inside."
            </p>
        </section>
    }
}
