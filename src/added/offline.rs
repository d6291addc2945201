//! Sharing the added articles: the export file, and a new offline page that carries them.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::reading;

use super::{notify, state};

thread_local! {
    /// The page as it was before the app rendered into it, for the offline download.
    static PAGE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the page's HTML as loaded; call before the app renders. Not the corpus's fragments a
/// one-file page carries (as large as the corpus): they are set aside while the page is copied,
/// and the download reads them anew.
pub fn keep_page() {
    let doc = document();
    let selector = format!(
        "script[id^=\"{}\"]",
        parallax_core::offline::FRAGMENT_BLOCK_PREFIX
    );
    let blocks: Vec<web_sys::Node> = doc
        .query_selector_all(&selector)
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    let parents: Vec<Option<web_sys::Node>> = blocks.iter().map(|b| b.parent_node()).collect();
    for (block, parent) in blocks.iter().zip(&parents) {
        if let Some(parent) = parent {
            let _ = parent.remove_child(block);
        }
    }
    let html = doc.document_element().map(|e| e.outer_html()).unwrap_or_default();
    for (block, parent) in blocks.iter().zip(&parents) {
        if let Some(parent) = parent {
            let _ = parent.append_child(block);
        }
    }
    PAGE.with(|p| *p.borrow_mut() = format!("<!doctype html>\n{html}"));
}

/// Downloads the added articles as an export file.
pub fn export_file() {
    let json = state().articles.with_untracked(|a| reading::export(a));
    crate::export::download("parallax-added-articles.json", "application/json", &json);
}

/// Downloads a new single offline page with the added articles inside.
pub fn download_offline() {
    spawn_local(async {
        match offline_page().await {
            Ok(page) => crate::export::download("parallax.html", "text/html", &page),
            Err(why) => notify(
                false,
                format!("The offline file could not be made: {why}"),
                Vec::new(),
            ),
        }
    });
}

async fn offline_page() -> Result<String, String> {
    let page = PAGE.with(|p| p.borrow().clone());
    let json = state().articles.with_untracked(|a| reading::export(a));
    let page = match parallax_core::offline::assets(&page) {
        // Already one file (this is an offline page): swap the articles in.
        None => page,
        // A hosted site: read this page's own built files (same origin) and inline them.
        Some(assets) => {
            let glue = own_file(&assets.glue).await?;
            let glue = String::from_utf8(glue).map_err(|_| "the app's script is not text".to_string())?;
            let wasm = own_file(&assets.wasm).await?;
            let mut styles = Vec::new();
            for href in &assets.stylesheets {
                styles.push(String::from_utf8_lossy(&own_file(href).await?).into_owned());
            }
            parallax_core::offline::inline_page(&page, &styles, &glue, &wasm)?
        }
    };
    let page = parallax_core::offline::with_fragments(&page, &fragment_blocks().await?);
    let has_articles = state().articles.with_untracked(|a| !a.is_empty());
    Ok(parallax_core::offline::with_added(
        &page,
        has_articles.then_some(json.as_str()),
    ))
}

/// One of this site's own files.
async fn own_file(href: &str) -> Result<Vec<u8>, String> {
    crate::fetch::bytes(crate::fetch::request(href))
        .await
        .map_err(|why| format!("could not read {href} from this site ({why})"))
}

/// The blocks carrying the corpus's fragments (none for a corpus inside the wasm): copied from
/// this page's own, or fetched from the site (gzipped again if the server unpacked them).
async fn fragment_blocks() -> Result<String, String> {
    let mut blocks = String::new();
    for name in crate::corpus::fragment_names() {
        let block = match crate::corpus::block(&name) {
            Some(b) => b.outer_html() + "\n",
            None => {
                let mut packed = own_file(&crate::corpus::fragment_href(&name)).await?;
                if !crate::fetch::is_gzip(&packed) {
                    packed = crate::fetch::gzip(&packed).await?;
                }
                parallax_core::offline::fragment_block(&name, &packed)
            }
        };
        blocks.push_str(&block);
    }
    Ok(blocks)
}
