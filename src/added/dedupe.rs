//! Naming and de-duplicating new articles before they are analysed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::reading::{AddedArticle, Taken};

use super::jobs::{commit, Outcome};
use super::{busy, notify, state, Guess};
use crate::corpus;
use crate::format::count;

/// The file names taken: the bundled corpus's and the added articles'.
pub(super) fn names_taken(added: &[AddedArticle]) -> Taken {
    let mut taken = Taken::default();
    for a in corpus::bundled().iter().flat_map(|c| &c.articles) {
        taken.name(&a.document.file);
    }
    for a in added {
        taken.name(&a.name);
    }
    taken
}

/// Names, de-duplicates and analyses new articles (each with its encoding guess, if any), then
/// reports.
pub(super) async fn add_articles(
    new: Vec<(AddedArticle, Option<Guess>)>,
    mut problems: Vec<String>,
    label: &str,
) {
    let s = state();
    let mut list = s.articles.get_untracked();
    let mut taken = names_taken(&list);
    for a in corpus::bundled().iter().flat_map(|c| &c.articles) {
        taken.text(&a.document.text);
    }
    for a in &list {
        taken.text(&a.text);
    }
    let mut fresh = Vec::new();
    let mut duplicates = Vec::new();
    let mut guesses = Vec::new();
    for (a, guess) in new {
        if !taken.claim_text(&a.text) {
            duplicates.push(a);
            continue;
        }
        let name = taken.claim_name(&a.name);
        if let Some(guess) = guess {
            guesses.push((name.clone(), guess));
        }
        let a = AddedArticle { name, ..a };
        list.push(a.clone());
        fresh.push(a);
    }
    if !duplicates.is_empty() {
        problems.push(format!(
            "{} already in the corpus and {} left out (you can add {} anyway).",
            count(duplicates.len(), "article is", "articles are"),
            if duplicates.len() == 1 { "was" } else { "were" },
            if duplicates.len() == 1 { "it" } else { "them" },
        ));
    }
    s.duplicates.set(duplicates);
    if fresh.is_empty() {
        s.progress.set(None);
        notify(false, "No article was added.".to_string(), problems);
        return;
    }
    list.sort_by(|a, b| a.name.cmp(&b.name));
    let done = format!("Added {}.", count(fresh.len(), "article", "articles"));
    let label = format!("{label}: analysing");
    if commit(list, fresh, Vec::new(), label, Some((done, problems))).await != Outcome::Cancelled {
        s.guessed.update(|g| g.extend(guesses));
    }
}

/// Adds the duplicates left out of the last addition.
pub fn add_duplicates_anyway() {
    add_held(&state().duplicates, "Analysing", |n| {
        format!("Added {}.", count(n, "duplicate", "duplicates"))
    });
}

/// Adds the articles `held` keeps (duplicates left out, or articles removed) without the
/// duplicate check, since the reader asked for them, under names no article has; `done` says
/// how many were added. Does nothing while a job runs or when `held` is empty.
pub(super) fn add_held(
    held: &ArcRwSignal<Vec<AddedArticle>>,
    label: &'static str,
    done: fn(usize) -> String,
) {
    let articles = held.get_untracked();
    if busy() || articles.is_empty() {
        return;
    }
    held.set(Vec::new());
    spawn_local(async move {
        let done = done(articles.len());
        let mut list = state().articles.get_untracked();
        let mut names = names_taken(&list);
        let fresh: Vec<AddedArticle> = articles
            .into_iter()
            .map(|a| AddedArticle {
                name: names.claim_name(&a.name),
                ..a
            })
            .collect();
        list.extend(fresh.iter().cloned());
        list.sort_by(|a, b| a.name.cmp(&b.name));
        commit(
            list,
            fresh,
            Vec::new(),
            label.to_string(),
            Some((done, Vec::new())),
        )
        .await;
    });
}
