//! The filters of a query resolved against a corpus: `entity:` names to their mentions per
//! document, `outlet:` keys or names to outlets, and month facets to date bounds.

use super::results::SearchResults;
use crate::corpus::Corpus;
use crate::entities::find_entities;
use crate::model::Date;
use crate::text::tokenize::fold;

/// For `entity:` filters, the mentions per document of the entities they name (0 where a
/// document lacks one of them); `None` when there is no entity filter. The names' words join
/// the matcher, so passages and the concordance show the entity.
pub(super) fn resolve_entities(
    corpus: &Corpus,
    names: &[String],
    results: &mut SearchResults,
) -> Option<Vec<usize>> {
    if names.is_empty() {
        return None;
    }
    let mut counts = vec![0usize; corpus.articles.len()];
    let mut named = vec![0usize; corpus.articles.len()];
    for name in names {
        let found = find_entities(&corpus.entities, name);
        if found.is_empty() {
            results.messages.push(format!(
                "No entity is called \u{201C}{name}\u{201D}; see the Entities page for the names found."
            ));
        }
        let mut docs: Vec<u32> = Vec::new();
        for &e in &found {
            for alias in &corpus.entities[e].aliases {
                let single = !alias.contains(' ');
                let words = alias
                    .split_whitespace()
                    .filter(|w| single || w.starts_with(char::is_uppercase));
                results.matcher.exact.extend(words.map(fold));
            }
            for m in &corpus.entities[e].mentions {
                counts[m.doc as usize] += 1;
                docs.push(m.doc);
            }
        }
        docs.sort_unstable();
        docs.dedup();
        for d in docs {
            named[d as usize] += 1;
        }
    }
    for (c, n) in counts.iter_mut().zip(named) {
        if n < names.len() {
            *c = 0;
        }
    }
    Some(counts)
}

/// Outlet indices named by `outlet:` filters (key or name, ignoring case); `None` when there
/// is no outlet filter.
pub(super) fn resolve_outlets(
    corpus: &Corpus,
    names: &[String],
    messages: &mut Vec<String>,
) -> Option<Vec<Option<u32>>> {
    if names.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for name in names {
        let wanted = name.to_lowercase();
        let found: Vec<Option<u32>> = corpus
            .outlets
            .iter()
            .enumerate()
            .filter(|(_, o)| o.key.to_lowercase() == wanted || o.name.to_lowercase() == wanted)
            .map(|(i, _)| Some(i as u32))
            .collect();
        if found.is_empty() {
            let known: Vec<&str> = corpus.outlets.iter().map(|o| o.key.as_str()).collect();
            messages.push(format!(
                "No outlet is called \u{201C}{name}\u{201D}; outlets here: {}.",
                known.join(", ")
            ));
        }
        out.extend(found);
    }
    Some(out)
}

/// `YYYY-MM` of a month facet key.
pub fn month_label(month: (u16, u8)) -> String {
    format!("{:04}-{:02}", month.0, month.1)
}

/// The first and last day of a month, for turning a month facet into `after:`/`before:`.
pub fn month_bounds(month: (u16, u8)) -> Option<(Date, Date)> {
    Some((
        Date::new(month.0 as u32, month.1 as u32, 1)?,
        Date::new(month.0 as u32, month.1 as u32, 31)?,
    ))
}
