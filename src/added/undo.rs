//! Removing added articles, and putting them back.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dedupe::add_held;
use super::jobs::{commit, Outcome};
use super::{busy, state};
use crate::format::count;

/// Removes added articles (all of them when `names` is empty is not allowed: pass them).
pub fn remove(names: Vec<String>) {
    if busy() || names.is_empty() {
        return;
    }
    spawn_local(async move {
        let list = state().articles.get_untracked();
        let (gone, kept): (Vec<_>, Vec<_>) = list.into_iter().partition(|a| names.contains(&a.name));
        let done = format!("Removed {}.", count(gone.len(), "article", "articles"));
        let outcome = commit(
            kept,
            Vec::new(),
            names,
            "Removing".to_string(),
            Some((done, Vec::new())),
        )
        .await;
        if outcome != Outcome::Cancelled {
            state().removed.set(gone);
        }
    });
}

/// Puts back the articles removed last.
pub fn undo_remove() {
    add_held(&state().removed, "Putting back", |n| {
        format!("Put back {}.", count(n, "article", "articles"))
    });
}
