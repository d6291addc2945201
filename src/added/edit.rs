//! Changing an added article: its metadata, or the encoding its file is read with.

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::reading::{self, AddedArticle, Encoding};

use super::jobs::commit;
use super::{busy, notify, state, Guess};

/// Replaces the added article called `name` (edited metadata, another encoding).
pub fn update(name: String, article: AddedArticle) {
    if busy() {
        return;
    }
    spawn_local(async move {
        let mut list = state().articles.get_untracked();
        let Some(slot) = list.iter_mut().find(|a| a.name == name) else {
            return;
        };
        *slot = article.clone();
        let done = format!("Saved the changes to \u{201C}{name}\u{201D}.");
        commit(
            list,
            vec![article],
            Vec::new(),
            "Re-analysing".to_string(),
            Some((done, Vec::new())),
        )
        .await;
    });
}

/// Re-reads a file whose encoding was guessed, as `encoding`.
pub fn reread(name: String, encoding: Encoding) {
    if busy() {
        return;
    }
    let Some(guess) = state().guessed.with_untracked(|g| g.get(&name).cloned()) else {
        return;
    };
    let Some(current) = state()
        .articles
        .with_untracked(|l| l.iter().find(|a| a.name == name).cloned())
    else {
        return;
    };
    match reading::read_file(&guess.file, &guess.bytes, Some(encoding)) {
        Ok(r) => {
            state().guessed.update(|g| {
                g.insert(name.clone(), Guess { encoding, ..guess });
            });
            update(
                name,
                AddedArticle {
                    text: r.article.text,
                    ..current
                },
            );
        }
        Err(why) => notify(false, format!("{name}: {why}"), Vec::new()),
    }
}
