//! Articles coming in: files and folders dropped or picked, pasted text, export files.

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::reading::{self, AddedArticle};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::dedupe::add_articles;
use super::jobs::{cancelled, checkpoint, ready, set_job};
use super::{busy, notify, state, Guess, CANCEL};
use crate::format::count;

/// Files a reader dropped or picked, with where they came from (a folder's files are filtered
/// by extension; files chosen one by one are all tried).
pub struct Incoming {
    pub file: web_sys::File,
    pub from_folder: bool,
}

/// How many files are read at once.
const READ_AT_ONCE: usize = 128;

const TEXT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// Reads, checks and adds files.
pub fn add_files(files: Vec<Incoming>) {
    if files.is_empty() {
        return;
    }
    if busy() {
        notify(
            false,
            format!(
                "{} not added: another job is under way. Add them again when it ends.",
                count(files.len(), "file was", "files were")
            ),
            Vec::new(),
        );
        return;
    }
    CANCEL.set(false);
    set_job(
        &format!("Reading files (0 of {})", files.len()),
        0,
        files.len(),
        true,
    );
    spawn_local(async move {
        ready().await;
        let mut slice = js_sys::Date::now();
        let mut read = Vec::new();
        let mut problems = Vec::new();
        let mut skipped_other = 0;
        // Files are read READ_AT_ONCE at a time: the browser reads them concurrently.
        for (c, chunk) in files.chunks(READ_AT_ONCE).enumerate() {
            let at = c * READ_AT_ONCE;
            set_job(
                &format!("Reading files ({} of {})", at + 1, files.len()),
                at,
                files.len(),
                true,
            );
            if checkpoint(&mut slice).await.is_err() {
                return cancelled();
            }
            let mut wanted = Vec::new();
            for incoming in chunk {
                let file = &incoming.file;
                let name = file.name();
                let extension = name
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_lowercase())
                    .unwrap_or_default();
                if incoming.from_folder && !TEXT_EXTENSIONS.contains(&extension.as_str()) {
                    skipped_other += 1;
                    continue;
                }
                let size = file.size() as usize;
                if size > reading::MAX_FILE_BYTES {
                    let why = reading::Rejection::TooLarge {
                        bytes: size,
                        limit: reading::MAX_FILE_BYTES,
                    };
                    problems.push(format!("{name}: {why}"));
                    continue;
                }
                wanted.push((name, file.array_buffer()));
            }
            let promises: js_sys::Array = wanted.iter().map(|(_, p)| JsValue::from(p)).collect();
            let settled = JsFuture::from(js_sys::Promise::all_settled(&promises))
                .await
                .map(|r| js_sys::Array::from(&r))
                .unwrap_or_default();
            for (k, (name, _)) in wanted.iter().enumerate() {
                if checkpoint(&mut slice).await.is_err() {
                    return cancelled();
                }
                let result = settled.get(k as u32);
                let fulfilled = js_sys::Reflect::get(&result, &"status".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .is_some_and(|v| v == "fulfilled");
                let buffer = js_sys::Reflect::get(&result, &"value".into()).ok();
                let Some(buffer) = buffer.filter(|_| fulfilled) else {
                    problems.push(format!("{name}: the browser could not read this file."));
                    continue;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match reading::read_file(name, &bytes, None) {
                    Ok(r) => {
                        let guess = r.guessed.then(|| Guess {
                            encoding: r.encoding,
                            file: name.clone(),
                            bytes,
                        });
                        read.push((r.article, guess));
                    }
                    Err(why) => problems.push(format!("{name}: {why}")),
                }
            }
        }
        if skipped_other > 0 {
            problems.push(format!(
                "{} in the folder {} not .txt, .md or .html and {} left out.",
                count(skipped_other, "file", "files"),
                if skipped_other == 1 { "is" } else { "are" },
                if skipped_other == 1 { "was" } else { "were" },
            ));
        }
        add_articles(read, problems, "Reading files").await;
    });
}

/// Adds pasted text as an article.
pub fn add_pasted(article: AddedArticle) {
    if busy() {
        return;
    }
    set_job("Adding the pasted text", 0, 1, false);
    spawn_local(async move {
        ready().await;
        add_articles(vec![(article, None)], Vec::new(), "Adding the pasted text").await;
    });
}

/// Imports an export file: a bad file changes nothing; bad entries are listed.
pub fn import_file(file: web_sys::File) {
    if busy() {
        return;
    }
    let name = file.name();
    set_job(&format!("Reading {name}"), 0, 1, false);
    spawn_local(async move {
        ready().await;
        let text = match JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => {
                state().progress.set(None);
                notify(
                    false,
                    format!("{name}: the browser could not read this file."),
                    Vec::new(),
                );
                return;
            }
        };
        match reading::import(&text) {
            Err(why) => {
                state().progress.set(None);
                notify(
                    false,
                    format!("Nothing was imported from {name}: {why}"),
                    Vec::new(),
                )
            }
            Ok(imported) => {
                let problems = imported
                    .rejected
                    .iter()
                    .map(|(n, why)| format!("Entry {n}: {why}"))
                    .collect();
                let articles = imported.articles.into_iter().map(|a| (a, None)).collect();
                add_articles(articles, problems, "Importing").await;
            }
        }
    });
}
