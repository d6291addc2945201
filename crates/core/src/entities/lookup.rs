//! Finding entities by a name a reader types.

use super::Entity;
use crate::text::distance::{bounded_distance, edits_allowed};
use crate::text::tokenize::fold;

/// The entities `name` refers to: those with `name` as their name or one of their aliases
/// (ignoring case, diacritics and typography); failing that, those with a name word that is
/// `name` (`lukashenko` → Alexander Lukashenko, `tsikhanouskaya` → the entity one outlet names
/// Svetlana Tsikhanouskaya); failing that, those nearest within the edits a misspelling may
/// hold ([`edits_allowed`]: `lukashenka`, `Svetlana Tikhanovskaya` for `Tsikhanouskaya`).
pub fn find_entities(entities: &[Entity], name: &str) -> Vec<usize> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return Vec::new();
    }
    // Every entity's names, folded once for the three passes.
    let folded: Vec<Vec<String>> = entities
        .iter()
        .map(|e| e.aliases.iter().chain([&e.name]).map(|a| fold_name(a)).collect())
        .collect();
    let matching = |accept: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..entities.len())
            .filter(|&i| folded[i].iter().any(|a| accept(a)))
            .collect()
    };
    let exact = matching(&|a| a == wanted);
    if !exact.is_empty() {
        return exact;
    }
    let by_word =
        matching(&|a| a.split(' ').any(|w| w == wanted) || (wanted.contains(' ') && a.contains(&wanted)));
    if !by_word.is_empty() {
        return by_word;
    }
    // Misspelt: the whole name against whole names, a single word against name words.
    let typed: Vec<char> = wanted.chars().collect();
    let allowed = edits_allowed(typed.len());
    if allowed == 0 {
        return Vec::new();
    }
    let mut scratch = Default::default();
    let mut best: Vec<(usize, usize)> = folded
        .iter()
        .enumerate()
        .filter_map(|(i, names)| {
            let candidates: Vec<&str> = if wanted.contains(' ') {
                names.iter().map(String::as_str).collect()
            } else {
                names.iter().flat_map(|a| a.split(' ')).collect()
            };
            candidates
                .into_iter()
                .filter_map(|c| bounded_distance(&typed, c, allowed, &mut scratch))
                .min()
                .map(|d| (d, i))
        })
        .collect();
    let nearest = best.iter().map(|&(d, _)| d).min();
    best.retain(|&(d, _)| Some(d) == nearest);
    best.into_iter().map(|(_, i)| i).collect()
}

fn fold_name(s: &str) -> String {
    s.split_whitespace().map(fold).collect::<Vec<_>>().join(" ")
}

/// What the reader typed into the entity list's name filter, ready for [`names_contain`].
pub fn name_filter(typed: &str) -> String {
    fold(typed.trim())
}

/// Whether one of the entity's names contains `filter` (from [`name_filter`]; ignoring case,
/// diacritics and typography): the entity list narrowed as the reader types. An empty filter
/// keeps every entity.
pub fn names_contain(entity: &Entity, filter: &str) -> bool {
    filter.is_empty() || entity.aliases.iter().any(|a| fold(a).contains(filter))
}
