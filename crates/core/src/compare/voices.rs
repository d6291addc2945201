//! How each side labels the entities both mention, and who gets a voice on a side.

use std::collections::BTreeMap;

use serde::Serialize;

use super::SentenceRef;
use crate::corpus::Corpus;
use crate::entities::speaker_group;
use crate::model::Span;

/// How the two sides label an entity both mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelRow {
    pub entity: u32,
    pub mentions_a: usize,
    pub mentions_b: usize,
    /// `(label, articles)`, most used first.
    pub labels_a: Vec<(String, usize)>,
    pub labels_b: Vec<(String, usize)>,
}

/// The entities both sides mention, with each side's labels: those with labels first, then by
/// mentions.
pub fn labels(corpus: &Corpus, a: &[u32], b: &[u32]) -> Vec<LabelRow> {
    let count_labels = |e: &crate::entities::Entity, docs: &[u32]| {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for (l, d) in &e.labels {
            if docs.binary_search(d).is_ok() {
                *m.entry(l).or_default() += 1;
            }
        }
        let mut v: Vec<(String, usize)> = m.into_iter().map(|(l, n)| (l.to_string(), n)).collect();
        v.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        v
    };
    let mut rows: Vec<LabelRow> = corpus
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let ma = e
                .mentions
                .iter()
                .filter(|m| a.binary_search(&m.doc).is_ok())
                .count();
            let mb = e
                .mentions
                .iter()
                .filter(|m| b.binary_search(&m.doc).is_ok())
                .count();
            (ma > 0 && mb > 0).then(|| LabelRow {
                entity: i as u32,
                mentions_a: ma,
                mentions_b: mb,
                labels_a: count_labels(e, a),
                labels_b: count_labels(e, b),
            })
        })
        .collect();
    rows.sort_by(|x, y| {
        (y.mentions_a + y.mentions_b)
            .cmp(&(x.mentions_a + x.mentions_b))
            .then(x.entity.cmp(&y.entity))
    });
    rows
}

/// Who speaks on a side: a speaker (an entity, or `None` for unattributed quotations), how
/// many quotations and words they get, and the quotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voice {
    pub speaker: Option<usize>,
    /// What kind of voice: `Russian officials`, `Opposition`, `Unattributed`… (see
    /// [`speaker_group`]).
    pub group: String,
    pub quotes: Vec<usize>,
    pub words: usize,
}

/// The voices of a side, grouped by kind of voice (the group with most words first), most
/// words first within a group.
pub fn voices(corpus: &Corpus, docs: &[u32]) -> Vec<Voice> {
    let mut by: BTreeMap<Option<usize>, Voice> = BTreeMap::new();
    for (i, q) in corpus.quotes.iter().enumerate() {
        if docs.binary_search(&q.doc).is_err() {
            continue;
        }
        let text = q.span.of(&corpus.articles[q.doc as usize].document.text);
        let v = by.entry(q.speaker).or_insert_with(|| Voice {
            speaker: q.speaker,
            group: q
                .speaker
                .map_or("Unattributed".to_string(), |s| speaker_group(&corpus.entities[s])),
            quotes: Vec::new(),
            words: 0,
        });
        v.quotes.push(i);
        v.words += crate::text::split::count_words(text);
    }
    let mut out: Vec<Voice> = by.into_values().collect();
    let mut group_words: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &out {
        *group_words.entry(v.group.as_str()).or_default() += v.words;
    }
    let rank: BTreeMap<String, (std::cmp::Reverse<usize>, String)> = group_words
        .into_iter()
        .map(|(g, w)| (g.to_string(), (std::cmp::Reverse(w), g.to_string())))
        .collect();
    out.sort_by(|x, y| {
        rank[&x.group]
            .cmp(&rank[&y.group])
            .then(y.words.cmp(&x.words))
            .then(x.speaker.cmp(&y.speaker))
    });
    out
}

/// The byte span of a sentence reference.
pub fn sentence_span(corpus: &Corpus, (doc, place): SentenceRef) -> Option<Span> {
    corpus.articles.get(doc as usize)?.document.span_of(place)
}
