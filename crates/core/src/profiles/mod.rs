//! What the entity pages show, computed from a corpus' entities and quotes: the figures of the
//! entities list, an entity's labels by outlet, mentions over time and by outlet, the entities
//! it appears with, and each document's mentions for the reader's highlighting.
//!
//! Two entities *appear together* when one sentence names both; articles naming both are
//! counted too, as the weaker tie.

use std::collections::BTreeMap;

use crate::corpus::Corpus;
use crate::model::{Anchor, Span};

/// Each document's entity mentions, sorted by position: `(span, entity index)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MentionIndex {
    by_doc: Vec<Vec<(Span, u32)>>,
}

impl MentionIndex {
    pub fn new(corpus: &Corpus) -> MentionIndex {
        let mut by_doc = vec![Vec::new(); corpus.articles.len()];
        for (i, e) in corpus.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(list) = by_doc.get_mut(m.doc as usize) {
                    list.push((m.span, i as u32));
                }
            }
        }
        for list in &mut by_doc {
            list.sort();
        }
        MentionIndex { by_doc }
    }

    /// The mentions of document `doc`, in text order.
    pub fn in_document(&self, doc: u32) -> &[(Span, u32)] {
        self.by_doc.get(doc as usize).map_or(&[], Vec::as_slice)
    }
}

/// One row of the entities list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRow {
    pub entity: u32,
    pub mentions: usize,
    pub documents: usize,
    pub outlets: usize,
    pub quotes: usize,
}

/// A row per entity, in the corpus' entity order.
pub fn entity_rows(corpus: &Corpus) -> Vec<EntityRow> {
    let mut quotes = vec![0; corpus.entities.len()];
    for q in &corpus.quotes {
        for s in q.speaker.iter().chain(&q.co_speakers) {
            if let Some(n) = quotes.get_mut(*s) {
                *n += 1;
            }
        }
    }
    corpus
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut outlets: Vec<Option<u32>> = e
                .documents
                .iter()
                .map(|&d| corpus.articles[d as usize].outlet)
                .collect();
            outlets.sort();
            outlets.dedup();
            EntityRow {
                entity: i as u32,
                mentions: e.mentions.len(),
                documents: e.documents.len(),
                outlets: outlets.iter().flatten().count(),
                quotes: quotes[i],
            }
        })
        .collect()
}

/// How one outlet labels an entity: each label with the number of articles using it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutletLabels {
    /// Index into [`Corpus::outlets`]; `None`: articles of unknown outlet.
    pub outlet: Option<u32>,
    /// `(label, articles)`, most used first.
    pub labels: Vec<(String, usize)>,
}

/// Everything an entity page shows besides the mentions themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub labels: Vec<OutletLabels>,
    /// Mentions per month, from the first month to the last with every month between;
    /// mentions in undated articles are left out (see `undated`).
    pub months: Vec<((u16, u8), usize)>,
    pub undated: usize,
    /// `(outlet, mentions, articles)`, most mentions first.
    pub outlets: Vec<(Option<u32>, usize, usize)>,
    /// Indices into [`Corpus::quotes`] of what the entity said, alone or jointly.
    pub quotes: Vec<usize>,
    /// Entities appearing with it, strongest tie first.
    pub together: Vec<Together>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Together {
    pub entity: u32,
    /// Sentences naming both.
    pub sentences: usize,
    /// Articles naming both.
    pub documents: usize,
}

pub fn profile(corpus: &Corpus, index: &MentionIndex, entity: usize) -> Profile {
    let e = &corpus.entities[entity];
    let outlet_of = |d: u32| corpus.articles[d as usize].outlet;

    let mut labels: BTreeMap<Option<u32>, BTreeMap<&str, usize>> = BTreeMap::new();
    for (label, d) in &e.labels {
        *labels.entry(outlet_of(*d)).or_default().entry(label).or_default() += 1;
    }
    let labels = labels
        .into_iter()
        .map(|(outlet, ls)| {
            let mut labels: Vec<(String, usize)> = ls.into_iter().map(|(l, n)| (l.to_string(), n)).collect();
            labels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            OutletLabels { outlet, labels }
        })
        .collect();

    let mut by_month: BTreeMap<(u16, u8), usize> = BTreeMap::new();
    let mut undated = 0;
    let mut outlets: BTreeMap<Option<u32>, (usize, usize)> = BTreeMap::new();
    let mut last_doc = None;
    for m in &e.mentions {
        let article = &corpus.articles[m.doc as usize];
        match article.published {
            Some(p) => *by_month.entry((p.year, p.month)).or_default() += 1,
            None => undated += 1,
        }
        let o = outlets.entry(article.outlet).or_default();
        o.0 += 1;
        if last_doc != Some(m.doc) {
            o.1 += 1;
            last_doc = Some(m.doc);
        }
    }
    let mut outlets: Vec<(Option<u32>, usize, usize)> =
        outlets.into_iter().map(|(o, (m, d))| (o, m, d)).collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let quotes = corpus
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speaker == Some(entity) || q.co_speakers.contains(&entity))
        .map(|(i, _)| i)
        .collect();

    Profile {
        labels,
        months: fill_months(&by_month),
        undated,
        outlets,
        quotes,
        together: together(corpus, index, entity),
    }
}

/// Every month from the first key of `counts` to the last, zero where `counts` has none.
fn fill_months(counts: &BTreeMap<(u16, u8), usize>) -> Vec<((u16, u8), usize)> {
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut m = first;
    while m <= last {
        out.push((m, counts.get(&m).copied().unwrap_or(0)));
        m = if m.1 >= 12 { (m.0 + 1, 1) } else { (m.0, m.1 + 1) };
    }
    out
}

/// The entities sharing a sentence or an article with `entity`, strongest tie first.
fn together(corpus: &Corpus, index: &MentionIndex, entity: usize) -> Vec<Together> {
    let e = &corpus.entities[entity];
    let mut counts: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for &d in &e.documents {
        let doc = &corpus.articles[d as usize].document;
        let mentions = index.in_document(d);
        let sentence_of = |span: Span| doc.sentence_at(span.start);
        let own: Vec<Anchor> = mentions
            .iter()
            .filter(|(_, i)| *i as usize == entity)
            .filter_map(|&(s, _)| sentence_of(s))
            .collect();
        let mut in_doc: BTreeMap<u32, usize> = BTreeMap::new();
        let mut seen_sentences: Vec<(u32, Anchor)> = Vec::new();
        for &(span, other) in mentions {
            if other as usize == entity {
                continue;
            }
            let shared = in_doc.entry(other).or_default();
            if let Some(s) = sentence_of(span).filter(|s| own.contains(s)) {
                if !seen_sentences.contains(&(other, s)) {
                    seen_sentences.push((other, s));
                    *shared += 1;
                }
            }
        }
        for (other, sentences) in in_doc {
            let c = counts.entry(other).or_default();
            c.0 += sentences;
            c.1 += 1;
        }
    }
    let mut out: Vec<Together> = counts
        .into_iter()
        .map(|(entity, (sentences, documents))| Together {
            entity,
            sentences,
            documents,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.sentences, b.documents)
            .cmp(&(a.sentences, a.documents))
            .then(a.entity.cmp(&b.entity))
    });
    out
}

/// A small network around an entity: it and its `size - 1` strongest ties, with the
/// sentence-level ties among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// Entity indices; the first is the centre.
    pub nodes: Vec<u32>,
    /// `(node, node, sentences)`, indices into `nodes`, each pair once.
    pub edges: Vec<(usize, usize, usize)>,
}

pub fn network(
    corpus: &Corpus,
    index: &MentionIndex,
    entity: usize,
    together: &[Together],
    size: usize,
) -> Network {
    let mut nodes = vec![entity as u32];
    nodes.extend(
        together
            .iter()
            .filter(|t| t.sentences > 0)
            .take(size.saturating_sub(1))
            .map(|t| t.entity),
    );
    let mut edges = Vec::new();
    for (a, &na) in nodes.iter().enumerate() {
        let ties = if a == 0 {
            together.to_vec()
        } else {
            self::together(corpus, index, na as usize)
        };
        for (b, &nb) in nodes.iter().enumerate().skip(a + 1) {
            if let Some(t) = ties.iter().find(|t| t.entity == nb && t.sentences > 0) {
                edges.push((a, b, t.sentences));
            }
        }
    }
    Network { nodes, edges }
}
