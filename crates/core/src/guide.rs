//! Where to start: first steps computed from a corpus for its introduction, so a newcomer has
//! something worth trying whatever the articles are. Nothing here is worded for one corpus;
//! each step is absent when the corpus has nothing to show for it.

use std::collections::BTreeMap;

use crate::corpus::Corpus;
use crate::entities::Kind;
use crate::facts::{align, align_sides};
use crate::profiles::entity_rows;

/// Above this many articles the corpus-wide alignment of figures is not run (its cost grows
/// with the square of comparable claims) and the comparison offered is of the two largest
/// outlets.
pub const ALIGN_LIMIT: usize = 400;

/// The first steps offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    pub comparison: Option<Comparison>,
    /// The person quoted most often, and in how many quotations.
    pub quoted: Option<(usize, usize)>,
    /// The place named by the most articles.
    pub place: Option<usize>,
}

/// A comparison worth making.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Two articles (document numbers) whose figures about the same occasions differ, and how
    /// many such figures Compare shows for them. Articles of different outlets come first.
    Articles { a: u32, b: u32, disagreements: usize },
    /// The two outlets with the most articles (indices into `Corpus::outlets`).
    Outlets { a: u32, b: u32 },
}

/// The first steps for `corpus`.
pub fn guide(corpus: &Corpus) -> Guide {
    Guide {
        comparison: disagreeing_articles(corpus).or_else(|| largest_outlets(corpus)),
        quoted: most_quoted_person(corpus),
        place: most_named_place(corpus),
    }
}

/// The pair of articles that disagree on the most figures, preferring pairs from different
/// outlets; the count is what Compare shows for the two.
fn disagreeing_articles(corpus: &Corpus) -> Option<Comparison> {
    if corpus.articles.len() > ALIGN_LIMIT {
        return None;
    }
    let mut pairs: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for fact in align(&corpus.articles, &corpus.claims)
        .iter()
        .filter(|f| f.disagrees())
    {
        let mut docs: Vec<u32> = fact.claims.iter().map(|&c| corpus.claims[c].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let outlet = |d: u32| corpus.articles[d as usize].outlet;
    let apart = |a: u32, b: u32| outlet(a).is_some() && outlet(b).is_some() && outlet(a) != outlet(b);
    let mut ranked: Vec<((u32, u32), usize)> = pairs.into_iter().collect();
    // Stable: among equals, the pair first in corpus order.
    ranked.sort_by_key(|&((a, b), n)| std::cmp::Reverse((apart(a, b), n)));
    ranked.into_iter().find_map(|((a, b), _)| {
        let disagreements = align_sides(&corpus.articles, &corpus.claims, &[a], &[b])
            .iter()
            .filter(|f| f.disagrees())
            .count();
        (disagreements > 0).then_some(Comparison::Articles { a, b, disagreements })
    })
}

/// The two outlets with the most articles (ties: corpus order), when there are two.
fn largest_outlets(corpus: &Corpus) -> Option<Comparison> {
    let mut sizes = vec![0usize; corpus.outlets.len()];
    for o in corpus.articles.iter().filter_map(|a| a.outlet) {
        sizes[o as usize] += 1;
    }
    let mut order: Vec<u32> = (0..sizes.len() as u32)
        .filter(|&o| sizes[o as usize] > 0)
        .collect();
    order.sort_by_key(|&o| std::cmp::Reverse(sizes[o as usize]));
    match order[..] {
        [a, b, ..] => Some(Comparison::Outlets { a, b }),
        _ => None,
    }
}

/// The person with the most quotations (ties: more articles, then corpus order).
fn most_quoted_person(corpus: &Corpus) -> Option<(usize, usize)> {
    entity_rows(corpus)
        .into_iter()
        .filter(|r| r.quotes > 0 && corpus.entities[r.entity as usize].kind == Kind::Person)
        .min_by_key(|r| (std::cmp::Reverse((r.quotes, r.documents)), r.entity))
        .map(|r| (r.entity as usize, r.quotes))
}

/// The place the most articles name (ties: more mentions, then corpus order).
fn most_named_place(corpus: &Corpus) -> Option<usize> {
    corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Place)
        .min_by_key(|(i, e)| (std::cmp::Reverse((e.documents.len(), e.mentions.len())), *i))
        .map(|(i, _)| i)
}
