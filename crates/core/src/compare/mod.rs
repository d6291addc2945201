//! Side-by-side comparison of two sets of articles ("sides"): an outlet, one article, or the
//! articles a search finds.
//!
//! - **Distinctive words and two-word phrases**: the log-odds ratio with an informative
//!   Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). For a term `w` with
//!   counts `a` on side A (of `n_a` terms) and `b` on side B (of `n_b`), and the prior
//!   `α_w = α₀ · c_w / n_c` from the whole corpus (`c_w` of `n_c` terms, `α₀` =
//!   [`PRIOR_SIZE`]):
//!   `δ = ln((a + α_w) / (n_a + α₀ − a − α_w)) − ln((b + α_w) / (n_b + α₀ − b − α_w))`,
//!   `var(δ) ≈ 1 / (a + α_w) + 1 / (b + α_w)`, `z = δ / √var(δ)`. A large positive `z` marks
//!   a term of side A, a large negative one a term of side B; `|z| > 1.96` is the usual bar.
//!   Function words are left out (`data/stopwords.txt`).
//! - **Frames**: each sentence is tagged with the frame dimensions of the Media Frames Corpus
//!   (Card et al. 2015) whose cue words it contains (`data/frames.txt`, editable).
//! - **Contrast pairs**: two wordings of one thing (`protests` / `riots`), counted per side
//!   (`data/contrasts.txt`, editable).
//! - **Labels** and **voices** come from the entities and quotes the corpus already holds,
//!   **facts** from its numeric claims, aligned across the two sides (`facts::align_sides`).

use crate::corpus::Corpus;
pub use crate::corpus::Prior;
use crate::facts::{align_sides, Fact};
use crate::model::Anchor;

/// `α₀`, the total weight of the corpus prior: as if the prior were this many terms of text.
pub const PRIOR_SIZE: f64 = 500.0;
/// Below this many occurrences on both sides together, a term's z-score is marked as resting
/// on too little text.
pub const MIN_COUNT: usize = 5;

mod framing;
mod passages;
mod prior;
mod report;
mod sides;
mod voices;
mod words;

pub use framing::{contrasts, frames, framing, Cues, Framing, Wording};
pub use passages::{align_passages, PassageAlignment, MIN_SIMILARITY, REUSE_WORDS};
pub use report::{
    report, Report, ReportClaim, ReportContrast, ReportFact, ReportFrame, ReportLabels, ReportPassages,
    ReportSide, ReportVoice,
};
pub use sides::{Side, SideText};
pub use voices::{labels, sentence_span, voices, LabelRow, Voice};
pub use words::{distinctive, sentences_with, Distinctive, TermCounts};

/// A sentence of an article: its document number and its place.
pub type SentenceRef = (u32, Anchor);

/// Everything the compare page shows for two sides.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub docs: [Vec<u32>; 2],
    pub terms: [usize; 2],
    pub distinctive: Vec<Distinctive>,
    pub labels: Vec<LabelRow>,
    pub voices: [Vec<Voice>; 2],
    pub framing: [Framing; 2],
    /// Each side's sentences, tokenized, for the evidence behind a term.
    pub texts: [SideText; 2],
    /// Numeric claims told on both sides, differing facts first.
    pub facts: Vec<Fact>,
    /// When each side is one article: their paragraphs lined up.
    pub passages: Option<PassageAlignment>,
}

/// Compares the articles `a` and `b` (each sorted).
pub fn compare(corpus: &Corpus, prior: &Prior, a: Vec<u32>, b: Vec<u32>) -> Comparison {
    let texts = [SideText::of(corpus, &a), SideText::of(corpus, &b)];
    let (ta, tb) = (TermCounts::of_text(&texts[0]), TermCounts::of_text(&texts[1]));
    Comparison {
        terms: [ta.total, tb.total],
        distinctive: distinctive(&ta, &tb, prior),
        labels: labels(corpus, &a, &b),
        voices: [voices(corpus, &a), voices(corpus, &b)],
        framing: [framing(&texts[0]), framing(&texts[1])],
        texts,
        facts: {
            let mut facts = align_sides(&corpus.articles, &corpus.claims, &a, &b);
            // Disagreements first, then figures told at different times, then agreement.
            facts.sort_by_key(|f| (!f.disagrees(), f.agree));
            facts
        },
        passages: match (a.as_slice(), b.as_slice()) {
            ([x], [y]) => Some(align_passages(corpus, *x, *y)),
            _ => None,
        },
        docs: [a, b],
    }
}
