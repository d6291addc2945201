//! Facts and numbers: numeric claims, and claims about the same thing lined up across
//! documents, each group marked as agreeing or differing.
//!
//! **Claims.** Every body sentence is cut into words, and each number in it becomes a claim:
//! digits (`6,700`, `80.1`, `80%`, `1.5 million`), number words (`three`, `twenty-five`,
//! `two hundred`), vague amounts (`dozens`, `hundreds`, `several hundred`, `tens of
//! thousands`), ordinals (`sixth term`; `first` is left out, it rarely counts anything), dates
//! of the `August 9` kind, years (`in 1994`) and ages (`66-year-old`, `Navalny, 44`). Numbers
//! that name things (`Russia-1`, `COVID-19`), clock times and the dateline are skipped. A word
//! before the number (`more than`, `over`, `about`, `nearly`, `up to`…) is its qualifier.
//! Each claim carries the range of values its words allow: `80.1` is 80.05–80.15, `more than
//! 130` is above 130 and at most one step of its last significant digit higher (130–140),
//! `about 20` is 18–22, `dozens` 24–99.
//!
//! What a claim counts is the head noun after the number (`more than 130 security officers` →
//! `officer`; `80 percent of the vote` → `percent of vote`), in the singular, with a few
//! synonyms joined (`police`, `policemen` → `officer`; `people`, `protesters`, `others` →
//! `person`). Its event is the nearest word of death, injury, detention or voting in the same
//! sentence (`died`, `deaths`, `killed` are one event), looking forward first. An age counts
//! the person it is told of (the person named next to it, else the last one named before).
//! The claim is attributed to the source the sentence cites: `according to X`, `X said`,
//! `said X`, `citing X`.
//!
//! **Alignment.** Two claims of different documents may be about the same thing when they
//! measure the same way (count, percentage, date…), count the same thing and have no
//! different events. How sure that is comes from the other words around the two numbers:
//! the share of rare words (weighted by inverse document frequency over the corpus) they
//! have in common, plus a bonus when the events are the same. A plain count of people needs
//! its event; a date or year needs its context. Claims that would differ are only linked when
//! their sentences share a proper name (a capitalised word other than the first): a
//! discrepancy between two reports that name nothing alike is most often two events. Links
//! are then merged greedily, best first,
//! into facts holding at most one claim per document, and two groups merge only when most
//! of the pairs between them are linked (all of them when the merged fact would differ). A fact agrees when one value fits the ranges of all
//! its claims: `over 80 percent` and `80.1 percent` agree, `more than 130` and `more than
//! 120` differ, `three` and `two` differ.
//!
//! Everything is deterministic: no hash-map order reaches the output.
//!
//! The files: `words` (the sentence splitter and function words), `numbers` (reading a number,
//! its qualifier and range), `claims` (what a number counts, its event and source), `align`
//! (facts across documents). The word lists are in `data/` (see its README).

use serde::{Deserialize, Serialize};

use crate::model::Span;

mod align;
mod claims;
mod numbers;
mod occasion;
mod words;

pub use align::{agree, align, align_sides};
pub use claims::{extract_claims, extract_claims_in, Sources};

/// How a claim measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// A number of things: `6,700 people`, `dozens of officials`, `15 minutes`.
    Count,
    /// `80 percent of the vote`, `80%`.
    Percent,
    /// A day of a month: `August 9`.
    Date,
    /// `in 1994`, `the 2018 presidential election`.
    Year,
    /// `66-year-old`, `Navalny, 44`.
    Age,
    /// `a sixth term`.
    Ordinal,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Percent => "percent",
            Measure::Date => "date",
            Measure::Year => "year",
            Measure::Age => "age",
            Measure::Ordinal => "ordinal",
        }
    }
}

/// One numeric claim of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Document number (position in the articles).
    pub doc: u32,
    /// The claim's words: qualifier, number and what it counts (`more than 130 security
    /// officers`).
    pub span: Span,
    /// The number itself (`130`, `three`, `August 9`).
    pub number: Span,
    /// The value as stated: `130` for `more than 130`, `24` for `dozens`, `809` (month × 100 +
    /// day) for `August 9`.
    pub value: f64,
    /// The lowest and highest values the words allow.
    pub low: f64,
    pub high: f64,
    /// `more than`, `over`, `about`… as written, lower case.
    pub qualifier: Option<String>,
    pub measure: Measure,
    /// What is counted, normalised: `officer`, `person`, `percent of vote`, `age of Alexei
    /// Navalny`; empty when the number stands alone.
    pub counts: String,
    /// `killed`, `injured`, `detained` or `vote` when the sentence says so near the number.
    pub event: Option<String>,
    /// The sentence the claim is in.
    pub sentence: Span,
    /// Index into the entities given to [`extract_claims`]: the source the sentence cites.
    pub attributed_to: Option<usize>,
}

/// Claims of different documents about the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What the claims are about, in a few words (`officer injured`, `percent of vote`).
    pub about: String,
    /// Whether one value fits every claim.
    pub agree: bool,
    /// When the claims differ and their articles were told more than two months apart (by
    /// their dates, all known): the days between the first and the last. Such figures may
    /// each have been right when told, so they are not shown as a disagreement.
    pub told_apart: Option<u32>,
    /// Indices into the claims given to [`align`], in document order.
    pub claims: Vec<usize>,
}

impl Fact {
    /// Whether the claims differ about one occasion: they differ, and were not told apart.
    pub fn disagrees(&self) -> bool {
        !self.agree && self.told_apart.is_none()
    }
}
