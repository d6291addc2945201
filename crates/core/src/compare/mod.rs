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

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::entities::speaker_group;
use crate::facts::{align_sides, document_frequency, Fact};
use crate::index::article_tokens;
use crate::model::Span;
use crate::search::{parse_query, search, ParseOptions, SearchOptions};
use crate::text::tokenize::{tokenize, Token};

/// `α₀`, the total weight of the corpus prior: as if the prior were this many terms of text.
pub const PRIOR_SIZE: f64 = 500.0;
/// Below this many occurrences on both sides together, a term's z-score is marked as resting
/// on too little text.
pub const MIN_COUNT: usize = 5;

/// One side of a comparison, as written in a URL: `outlet:KEY`, `doc:ID`, or a search query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Side {
    Outlet(String),
    Document(String),
    Search(String),
}

impl Side {
    /// Reads `outlet:rt` (an outlet key alone; `outlet:rt protest` is a search),
    /// `doc:001_f2949b16144bae03`, or anything else as a search.
    pub fn parse(spec: &str) -> Side {
        let spec = spec.trim();
        if let Some(key) = spec
            .strip_prefix("outlet:")
            .filter(|k| !k.contains(char::is_whitespace))
        {
            Side::Outlet(key.to_string())
        } else if let Some(id) = spec.strip_prefix("doc:") {
            Side::Document(id.to_string())
        } else {
            Side::Search(spec.to_string())
        }
    }

    /// The URL form; `Side::parse(&s.spec()) == s`.
    pub fn spec(&self) -> String {
        match self {
            Side::Outlet(k) => format!("outlet:{k}"),
            Side::Document(id) => format!("doc:{id}"),
            Side::Search(q) => q.clone(),
        }
    }

    /// The articles on this side, in corpus order, and what went wrong in plain words.
    pub fn documents(&self, corpus: &Corpus) -> (Vec<u32>, Option<String>) {
        match self {
            Side::Outlet(key) => match corpus
                .outlets
                .iter()
                .position(|o| o.key.eq_ignore_ascii_case(key))
            {
                Some(o) => (
                    (0..corpus.articles.len() as u32)
                        .filter(|&d| corpus.articles[d as usize].outlet == Some(o as u32))
                        .collect(),
                    None,
                ),
                None => (
                    Vec::new(),
                    Some(format!("No outlet has the key \u{201C}{key}\u{201D}.")),
                ),
            },
            Side::Document(id) => match corpus.articles.iter().position(|a| a.id() == id) {
                Some(d) => (vec![d as u32], None),
                None => (
                    Vec::new(),
                    Some(format!("No article is called \u{201C}{id}\u{201D}.")),
                ),
            },
            Side::Search(q) => {
                let query = parse_query(q, ParseOptions::default());
                let options = SearchOptions {
                    limit: 0,
                    typo_tolerance: false,
                    facets: false,
                    ..SearchOptions::default()
                };
                let results = search(corpus, &query, options);
                let mut docs = results.ranked;
                docs.sort_unstable();
                let problem = if query.is_blank() {
                    Some("Type words or filters to search for this side.".to_string())
                } else {
                    results.messages.first().cloned()
                };
                (docs, problem)
            }
        }
    }
}

/// The body sentences of a set of articles, each tokenized once: what every panel reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SideText {
    pub sentences: Vec<(SentenceRef, Vec<Token>)>,
}

impl SideText {
    pub fn of(corpus: &Corpus, docs: &[u32]) -> SideText {
        let mut sentences = Vec::new();
        for &d in docs {
            let Some(article) = corpus.articles.get(d as usize) else {
                continue;
            };
            for (p, para) in article.doc.paragraphs.iter().enumerate() {
                for (s, sentence) in para.sentences.iter().enumerate() {
                    let (tokens, _) = tokenize(sentence.of(&article.doc.text), 0);
                    let words = tokens.into_iter().filter(|t| !t.compound).collect();
                    sentences.push(((d, p, s), words));
                }
            }
        }
        SideText { sentences }
    }
}

/// Term counts of a set of articles' body text: single words and two-word phrases (folded
/// exact forms, function words left out).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermCounts {
    pub counts: HashMap<String, usize>,
    pub total: usize,
}

impl TermCounts {
    pub fn of(corpus: &Corpus, docs: &[u32]) -> TermCounts {
        TermCounts::of_text(&SideText::of(corpus, docs))
    }

    pub fn of_text(text: &SideText) -> TermCounts {
        let mut out = TermCounts::default();
        for (_, tokens) in &text.sentences {
            for term in terms(tokens) {
                *out.counts.entry(term).or_default() += 1;
                out.total += 1;
            }
        }
        out
    }
}

/// The counted terms of a sentence's words: each content word, and each pair of adjacent
/// content words.
fn terms(words: &[Token]) -> Vec<String> {
    let stop = stopwords();
    let mut out = Vec::with_capacity(words.len() * 2);
    let content = |t: &Token| !stop.contains(t.exact.as_str()) && t.exact.chars().any(char::is_alphanumeric);
    for (i, t) in words.iter().enumerate() {
        if !content(t) {
            continue;
        }
        out.push(t.exact.clone());
        if let Some(next) = words
            .get(i + 1)
            .filter(|n| n.position == t.position + 1 && content(n))
        {
            out.push(format!("{} {}", t.exact, next.exact));
        }
    }
    out
}

fn stopwords() -> &'static HashSet<&'static str> {
    static STOP: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| {
        include_str!("../../data/stopwords.txt")
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// A term scored for one comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distinctive {
    pub term: String,
    pub count_a: usize,
    pub count_b: usize,
    /// The log-odds ratio with the corpus prior (positive: side A's).
    pub delta: f64,
    pub z: f64,
    /// Too few occurrences for the z-score to mean much (fewer than [`MIN_COUNT`]).
    pub small: bool,
}

/// Every term of either side, scored; sorted from side A's most distinctive to side B's.
pub fn distinctive(a: &TermCounts, b: &TermCounts, corpus: &TermCounts) -> Vec<Distinctive> {
    let n_c = corpus.total.max(1) as f64;
    let (n_a, n_b) = (a.total as f64, b.total as f64);
    let mut keys: Vec<&String> = a.counts.keys().chain(b.counts.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out: Vec<Distinctive> = keys
        .into_iter()
        .map(|term| {
            let ya = a.counts.get(term).copied().unwrap_or(0);
            let yb = b.counts.get(term).copied().unwrap_or(0);
            // A term of the sides is a term of the corpus; guard the prior anyway.
            let c = corpus
                .counts
                .get(term)
                .copied()
                .unwrap_or(0)
                .max(ya.max(yb))
                .max(1) as f64;
            let alpha = PRIOR_SIZE * c / n_c;
            let (fa, fb) = (ya as f64 + alpha, yb as f64 + alpha);
            let delta = (fa / (n_a + PRIOR_SIZE - fa).max(f64::MIN_POSITIVE)).ln()
                - (fb / (n_b + PRIOR_SIZE - fb).max(f64::MIN_POSITIVE)).ln();
            let z = delta / (1.0 / fa + 1.0 / fb).sqrt();
            Distinctive {
                term: term.clone(),
                count_a: ya,
                count_b: yb,
                delta,
                z,
                small: ya + yb < MIN_COUNT,
            }
        })
        .collect();
    out.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
    out
}

/// A sentence of an article: `(document, paragraph, sentence)`, 0-based.
pub type SentenceRef = (u32, usize, usize);

/// The sentences of a side containing `term` (a word or two-word phrase as [`distinctive`]
/// gives it), in document order.
pub fn sentences_with(text: &SideText, term: &str) -> Vec<SentenceRef> {
    let wanted: Vec<&str> = term.split(' ').collect();
    text.sentences
        .iter()
        .filter(|(_, words)| {
            words
                .windows(wanted.len())
                .any(|w| w.iter().zip(&wanted).all(|(t, x)| t.exact == *x))
        })
        .map(|(r, _)| *r)
        .collect()
}

/// A list of cues: each a sequence of stems.
pub type Cues = Vec<Vec<String>>;

fn cues(list: &str) -> Cues {
    list.split(',')
        .map(|cue| {
            let (tokens, _) = tokenize(cue, 0);
            tokens
                .into_iter()
                .filter(|t| !t.compound)
                .map(|t| t.stem)
                .collect::<Vec<_>>()
        })
        .filter(|c: &Vec<String>| !c.is_empty())
        .collect()
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The frame dimensions and their cues, from `data/frames.txt`.
pub fn frames() -> &'static [(String, Cues)] {
    static FRAMES: std::sync::OnceLock<Vec<(String, Cues)>> = std::sync::OnceLock::new();
    FRAMES.get_or_init(|| {
        data_lines(include_str!("../../data/frames.txt"))
            .filter_map(|l| l.split_once('|'))
            .map(|(name, list)| (name.trim().to_string(), cues(list)))
            .collect()
    })
}

/// One wording of a contrast pair: its display text and its cues.
pub type Wording = (String, Cues);

/// The contrast pairs, from `data/contrasts.txt`: `(first wording, second wording)`.
pub fn contrasts() -> &'static [(Wording, Wording)] {
    static PAIRS: std::sync::OnceLock<Vec<(Wording, Wording)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        data_lines(include_str!("../../data/contrasts.txt"))
            .filter_map(|l| l.split_once('|'))
            .map(|(x, y)| ((x.trim().to_string(), cues(x)), (y.trim().to_string(), cues(y))))
            .collect()
    })
}

/// Frame dimensions and contrast wordings of one side.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Framing {
    pub sentences: usize,
    /// Per dimension of [`frames`], the sentences tagged with it.
    pub frames: Vec<Vec<SentenceRef>>,
    /// Per pair of [`contrasts`], occurrences of the first and of the second wording, and the
    /// sentences of each.
    pub contrasts: Vec<[(usize, Vec<SentenceRef>); 2]>,
}

pub fn framing(text: &SideText) -> Framing {
    let frames = frames();
    let pairs = contrasts();
    // Every cue by its first stem, with what it counts for: a frame, or a wording of a pair.
    #[derive(Clone, Copy)]
    enum Target {
        Frame(usize),
        Wording(usize, usize),
    }
    let mut by_first: HashMap<&str, Vec<(Target, &[String])>> = HashMap::new();
    let mut add = |target: Target, cues: &'static Cues| {
        for cue in cues {
            by_first
                .entry(cue[0].as_str())
                .or_default()
                .push((target, cue.as_slice()));
        }
    };
    for (i, (_, cues)) in frames.iter().enumerate() {
        add(Target::Frame(i), cues);
    }
    for (i, ((_, first), (_, second))) in pairs.iter().enumerate() {
        add(Target::Wording(i, 0), first);
        add(Target::Wording(i, 1), second);
    }
    let mut out = Framing {
        sentences: text.sentences.len(),
        frames: vec![Vec::new(); frames.len()],
        contrasts: vec![Default::default(); pairs.len()],
    };
    for (r, words) in &text.sentences {
        let mut tagged = vec![false; frames.len()];
        let mut counted = vec![[0usize; 2]; pairs.len()];
        for (at, w) in words.iter().enumerate() {
            for (target, cue) in by_first.get(w.stem.as_str()).into_iter().flatten() {
                let fits =
                    words.len() - at >= cue.len() && cue.iter().zip(&words[at..]).all(|(c, t)| *c == t.stem);
                match (*target, fits) {
                    (Target::Frame(i), true) => tagged[i] = true,
                    (Target::Wording(i, k), true) => counted[i][k] += 1,
                    (_, false) => {}
                }
            }
        }
        for (i, _) in tagged.iter().enumerate().filter(|(_, t)| **t) {
            out.frames[i].push(*r);
        }
        for (i, n) in counted.iter().enumerate() {
            for (k, &hits) in n.iter().enumerate().filter(|(_, h)| **h > 0) {
                out.contrasts[i][k].0 += hits;
                out.contrasts[i][k].1.push(*r);
            }
        }
    }
    out
}

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
        let text = q.span.of(&corpus.articles[q.doc as usize].doc.text);
        let v = by.entry(q.speaker).or_insert_with(|| Voice {
            speaker: q.speaker,
            group: q
                .speaker
                .map_or("Unattributed".to_string(), |s| speaker_group(&corpus.entities[s])),
            quotes: Vec::new(),
            words: 0,
        });
        v.quotes.push(i);
        v.words += crate::text::count_words(text);
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
pub fn sentence_span(corpus: &Corpus, r: SentenceRef) -> Option<Span> {
    let (d, p, s) = r;
    corpus
        .articles
        .get(d as usize)?
        .doc
        .paragraphs
        .get(p)?
        .sentences
        .get(s)
        .copied()
}

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

/// What every comparison of one corpus reads from the whole corpus, computed once: its term
/// counts (the prior of distinctive words) and the rarity of words (for aligning facts).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prior {
    pub terms: TermCounts,
    pub df: BTreeMap<String, u32>,
}

impl Prior {
    pub fn of(corpus: &Corpus) -> Prior {
        let all: Vec<u32> = (0..corpus.articles.len() as u32).collect();
        Prior {
            terms: TermCounts::of(corpus, &all),
            df: document_frequency(&corpus.articles),
        }
    }
}

/// Compares the articles `a` and `b` (each sorted).
pub fn compare(corpus: &Corpus, prior: &Prior, a: Vec<u32>, b: Vec<u32>) -> Comparison {
    let texts = [SideText::of(corpus, &a), SideText::of(corpus, &b)];
    let (ta, tb) = (TermCounts::of_text(&texts[0]), TermCounts::of_text(&texts[1]));
    Comparison {
        terms: [ta.total, tb.total],
        distinctive: distinctive(&ta, &tb, &prior.terms),
        labels: labels(corpus, &a, &b),
        voices: [voices(corpus, &a), voices(corpus, &b)],
        framing: [framing(&texts[0]), framing(&texts[1])],
        texts,
        facts: {
            let mut facts = align_sides(&corpus.articles, &corpus.claims, &prior.df, &a, &b);
            facts.sort_by_key(|f| f.agree);
            facts
        },
        passages: match (a.as_slice(), b.as_slice()) {
            ([x], [y]) => Some(align_passages(corpus, *x, *y)),
            _ => None,
        },
        docs: [a, b],
    }
}

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
            .map(|&d| corpus.articles[d as usize].doc.file.clone())
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
                        q.span.of(&corpus.articles[q.doc as usize].doc.text).to_string()
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
                claims: f
                    .claims
                    .iter()
                    .map(|&i| {
                        let claim = &corpus.claims[i];
                        let doc = &corpus.articles[claim.doc as usize].doc;
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
            let text_a = &corpus.articles[c.docs[0][0] as usize].doc.text;
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

/// Two articles' paragraphs lined up: pairs about the same thing, paragraphs only one side
/// has, and text both share nearly word for word.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PassageAlignment {
    /// `(paragraph of A, paragraph of B, similarity 0–1, shared words)`, in A's order.
    pub pairs: Vec<(usize, usize, f64, Vec<String>)>,
    /// Paragraphs with no counterpart on the other side.
    pub only: [Vec<usize>; 2],
    /// Runs of at least [`REUSE_WORDS`] words both texts share: byte spans in A and in B.
    pub reused: Vec<(Span, Span)>,
}

/// Paragraph pairs below this similarity are not about the same thing.
pub const MIN_SIMILARITY: f64 = 0.12;
/// Shared runs of this many words or more count as reused text.
pub const REUSE_WORDS: usize = 8;

/// Lines up the paragraphs of documents `a` and `b`. Similarity is the cosine of their sets
/// of content-word stems, each weighted by its rarity in the corpus (inverse document
/// frequency); pairs are taken best first, each paragraph in at most one pair.
pub fn align_passages(corpus: &Corpus, a: u32, b: u32) -> PassageAlignment {
    let (Some(da), Some(db)) = (corpus.articles.get(a as usize), corpus.articles.get(b as usize)) else {
        return PassageAlignment::default();
    };
    let n_docs = corpus.articles.len().max(1) as f64;
    let idf = |stem: &str| {
        let df = corpus
            .index
            .stems
            .find(stem)
            .map_or(1, |i| corpus.index.stems.postings[i].doc_freq().max(1));
        (1.0 + n_docs / df as f64).ln()
    };
    let stop = stopwords();
    let bags = |doc: &crate::model::Document| -> Vec<BTreeMap<String, String>> {
        doc.paragraphs
            .iter()
            .map(|p| {
                let (tokens, _) = tokenize(p.span.of(&doc.text), 0);
                tokens
                    .into_iter()
                    .filter(|t| {
                        !t.compound
                            && !stop.contains(t.exact.as_str())
                            && t.exact.chars().any(char::is_alphabetic)
                    })
                    .map(|t| (t.stem, t.exact))
                    .collect()
            })
            .collect()
    };
    let (ba, bb) = (bags(&da.doc), bags(&db.doc));
    let norm = |bag: &BTreeMap<String, String>| bag.keys().map(|s| idf(s).powi(2)).sum::<f64>().sqrt();
    let (na, nb): (Vec<f64>, Vec<f64>) = (ba.iter().map(norm).collect(), bb.iter().map(norm).collect());
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in ba.iter().enumerate() {
        for (j, y) in bb.iter().enumerate() {
            let dot: f64 = x
                .keys()
                .filter(|s| y.contains_key(*s))
                .map(|s| idf(s).powi(2))
                .sum();
            let sim = dot / (na[i] * nb[j]).max(f64::MIN_POSITIVE);
            if sim >= MIN_SIMILARITY {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let (mut used_a, mut used_b) = (vec![false; ba.len()], vec![false; bb.len()]);
    let mut pairs = Vec::new();
    for (sim, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let mut shared: Vec<(f64, String)> = ba[i]
            .iter()
            .filter(|(s, _)| bb[j].contains_key(*s))
            .map(|(s, exact)| (idf(s), exact.clone()))
            .collect();
        shared.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(&q.1)));
        pairs.push((i, j, sim, shared.into_iter().take(8).map(|(_, w)| w).collect()));
    }
    pairs.sort_by_key(|p| p.0);
    let only = [
        (0..ba.len()).filter(|&i| !used_a[i]).collect(),
        (0..bb.len()).filter(|&j| !used_b[j]).collect(),
    ];
    PassageAlignment {
        pairs,
        only,
        reused: reused_runs(da, db),
    }
}

/// Runs of at least [`REUSE_WORDS`] consecutive words (folded) that both articles' bodies
/// contain, as byte spans in each; each run of A reported once.
fn reused_runs(a: &crate::model::Article, b: &crate::model::Article) -> Vec<(Span, Span)> {
    let words = |article: &crate::model::Article| -> Vec<Token> {
        article_tokens(article)
            .into_iter()
            .filter(|(segment, t)| *segment > 0 && !t.compound)
            .map(|(_, t)| t)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.len() < REUSE_WORDS || wb.len() < REUSE_WORDS {
        return Vec::new();
    }
    let mut starts: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    for j in 0..=wb.len() - REUSE_WORDS {
        let key: Vec<&str> = wb[j..j + REUSE_WORDS].iter().map(|t| t.exact.as_str()).collect();
        starts.entry(key).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + REUSE_WORDS <= wa.len() {
        let key: Vec<&str> = wa[i..i + REUSE_WORDS].iter().map(|t| t.exact.as_str()).collect();
        let Some(&j) = starts.get(&key).and_then(|js| js.first()) else {
            i += 1;
            continue;
        };
        let mut len = REUSE_WORDS;
        while i + len < wa.len() && j + len < wb.len() && wa[i + len].exact == wb[j + len].exact {
            len += 1;
        }
        out.push((
            Span::new(wa[i].start, wa[i + len - 1].end),
            Span::new(wb[j].start, wb[j + len - 1].end),
        ));
        i += len;
    }
    out
}
