//! A comparison with names in place of indices, for the JSON export.

use serde::Serialize;

use super::framing::{contrasts, frames};
use super::sides::Side;
use super::words::Distinctive;

use super::Comparison;
use crate::corpus::Corpus;

/// A comparison with names in place of indices, for JSON export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub sides: [ReportSide; 2],
    /// Side A's most distinctive terms first, side B's last.
    pub distinctive: Vec<Distinctive>,
    pub labels: Vec<ReportLabels>,
    pub frames: Vec<ReportFrame>,
    pub contrasts: Vec<ReportContrast>,
    pub facts: Vec<ReportFact>,
    /// When each side is one article.
    pub passages: Option<ReportPassages>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportPassages {
    /// `(paragraph of A, paragraph of B, similarity, shared words)`, 1-based paragraphs.
    pub pairs: Vec<(usize, usize, f64, Vec<String>)>,
    /// 1-based paragraphs with no counterpart, on A and on B.
    pub only: [Vec<usize>; 2],
    pub reused: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportFact {
    pub about: String,
    pub agree: bool,
    /// Days between the tellings of claims that differ at different times ([`crate::facts::Fact::told_apart`]).
    pub told_apart_days: Option<u32>,
    pub claims: Vec<ReportClaim>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportClaim {
    /// `"a"` or `"b"`.
    pub side: &'static str,
    pub document: String,
    pub text: String,
    pub value: f64,
    pub attributed_to: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportSide {
    pub spec: String,
    pub documents: Vec<String>,
    pub terms: usize,
    pub sentences: usize,
    pub voices: Vec<ReportVoice>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportVoice {
    pub speaker: Option<String>,
    pub group: String,
    pub quotes: Vec<String>,
    pub words: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportLabels {
    pub entity: String,
    pub mentions: [usize; 2],
    pub labels: [Vec<(String, usize)>; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportFrame {
    pub frame: String,
    /// Sentences tagged with it on each side.
    pub sentences: [usize; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportContrast {
    pub wordings: [String; 2],
    /// Occurrences of each wording on side A, then on side B.
    pub counts: [[usize; 2]; 2],
}

pub fn report(corpus: &Corpus, sides: [&Side; 2], c: &Comparison) -> Report {
    let entity = |i: usize| corpus.entities[i].name.clone();
    let side = |k: usize| ReportSide {
        spec: sides[k].spec(),
        documents: c.docs[k]
            .iter()
            .map(|&d| corpus.articles[d as usize].document.file.clone())
            .collect(),
        terms: c.terms[k],
        sentences: c.framing[k].sentences,
        voices: c.voices[k]
            .iter()
            .map(|v| ReportVoice {
                speaker: v.speaker.map(entity),
                group: v.group.clone(),
                quotes: v
                    .quotes
                    .iter()
                    .map(|&q| {
                        let q = &corpus.quotes[q];
                        q.span
                            .of(&corpus.articles[q.doc as usize].document.text)
                            .to_string()
                    })
                    .collect(),
                words: v.words,
            })
            .collect(),
    };
    Report {
        sides: [side(0), side(1)],
        distinctive: c.distinctive.clone(),
        labels: c
            .labels
            .iter()
            .map(|r| ReportLabels {
                entity: entity(r.entity as usize),
                mentions: [r.mentions_a, r.mentions_b],
                labels: [r.labels_a.clone(), r.labels_b.clone()],
            })
            .collect(),
        frames: frames()
            .iter()
            .enumerate()
            .map(|(i, (name, _))| ReportFrame {
                frame: name.clone(),
                sentences: [c.framing[0].frames[i].len(), c.framing[1].frames[i].len()],
            })
            .collect(),
        contrasts: contrasts()
            .iter()
            .enumerate()
            .map(|(i, ((x, _), (y, _)))| ReportContrast {
                wordings: [x.clone(), y.clone()],
                counts: [0, 1].map(|k| [c.framing[k].contrasts[i][0].0, c.framing[k].contrasts[i][1].0]),
            })
            .collect(),
        facts: c
            .facts
            .iter()
            .map(|f| ReportFact {
                about: f.about.clone(),
                agree: f.agree,
                told_apart_days: f.told_apart,
                claims: f
                    .claims
                    .iter()
                    .map(|&i| {
                        let claim = &corpus.claims[i];
                        let doc = &corpus.articles[claim.doc as usize].document;
                        ReportClaim {
                            side: if c.docs[0].binary_search(&claim.doc).is_ok() {
                                "a"
                            } else {
                                "b"
                            },
                            document: doc.file.clone(),
                            text: claim.span.of(&doc.text).to_string(),
                            value: claim.value,
                            attributed_to: claim.attributed_to.map(entity),
                        }
                    })
                    .collect(),
            })
            .collect(),
        passages: c.passages.as_ref().map(|p| {
            let text_a = &corpus.articles[c.docs[0][0] as usize].document.text;
            ReportPassages {
                pairs: p
                    .pairs
                    .iter()
                    .map(|(i, j, s, w)| (i + 1, j + 1, *s, w.clone()))
                    .collect(),
                only: [0, 1].map(|k| p.only[k].iter().map(|i| i + 1).collect()),
                reused: p.reused.iter().map(|(a, _)| a.of(text_a).to_string()).collect(),
            }
        }),
    }
}
