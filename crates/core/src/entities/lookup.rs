//! Finding entities by a name a reader types.

use super::Entity;
use crate::text::tokenize::fold;

/// The entities `name` refers to: those with `name` as their name or one of their aliases
/// (ignoring case, diacritics and typography); failing that, those with a name word that is
/// `name` (`lukashenko` → Alexander Lukashenko).
pub fn find_entities(entities: &[Entity], name: &str) -> Vec<usize> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return Vec::new();
    }
    let exact: Vec<usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.aliases.iter().chain([&e.name]).any(|a| fold_name(a) == wanted))
        .map(|(i, _)| i)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let name = fold_name(&e.name);
            name.split(' ').any(|w| w == wanted) || (wanted.contains(' ') && name.contains(&wanted))
        })
        .map(|(i, _)| i)
        .collect()
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
