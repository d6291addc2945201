//! Grouping entities by what they are: the kind of voice a speaker is, and the place a people
//! is named after (demonyms).

use std::collections::BTreeMap;

use super::lexicon::lexicon;
use super::{Entity, Kind};

/// What kind of voice an entity is, from its labels and kind, for grouping speakers:
/// `Russian officials` (a demonym with a title: `Russian Foreign Minister`), `US officials`,
/// `Opposition`, `Experts`, else by kind (`Other people`, `Organisations`, `States and
/// places`, `Groups`).
pub fn speaker_group(entity: &Entity) -> String {
    let lex = lexicon();
    let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
    for (l, _) in &entity.labels {
        *labels.entry(l.as_str()).or_default() += 1;
    }
    let mut labels: Vec<(&str, usize)> = labels.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (label, _) in labels {
        let words: Vec<&str> = label.split_whitespace().collect();
        let lower = label.to_lowercase();
        if lower.contains("opposition") {
            return "Opposition".to_string();
        }
        if words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "expert" | "analyst" | "professor" | "researcher" | "scholar" | "economist" | "scientist"
            )
        }) {
            return "Experts".to_string();
        }
        let titled = words.iter().any(|w| lex.titles.contains(w));
        let demonym = words
            .iter()
            .find(|w| lex.demonyms.contains_key(**w) || **w == "US");
        if let (true, Some(d)) = (titled, demonym) {
            return format!("{d} officials");
        }
        if titled {
            return "Officials".to_string();
        }
    }
    match entity.kind {
        Kind::Person => "Other people",
        Kind::Organisation => "Organisations",
        Kind::Place => "States and places",
        Kind::Group => "Groups",
    }
    .to_string()
}

/// The place a group of people is named after, or the people named after a place, from the
/// gazetteer's demonyms: `Belarusians` ↔ `Belarus`. `None` when the word lists link none.
pub fn demonym_link(entity: &Entity) -> Option<String> {
    let lex = lexicon();
    match entity.kind {
        Kind::Place => lex.places.get(&entity.name).and_then(|(_, group)| group.clone()),
        Kind::Group => lex
            .places
            .iter()
            .find(|(_, (_, group))| group.as_deref() == Some(entity.name.as_str()))
            .map(|(place, _)| place.clone()),
        _ => None,
    }
}
