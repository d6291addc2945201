//! Extracting the numeric claims of documents: each number with what it counts (the noun after
//! it, with synonyms joined), the event near it, the person an age is told of, and the source
//! the sentence cites. The word lists are in `data/` (`noun_singulars.txt`,
//! `noun_synonyms.txt`, `determiners.txt`, `events.txt`, `source_verbs.txt`; the words that are
//! no noun, `not_nouns.txt`, through [`crate::text::not_a_noun`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use super::numbers::{num_at, num_word, qualifier, range, Num};
use super::words::{toks, Tok};
use super::{Claim, Measure};
use crate::entities::{Entity, Kind};
use crate::model::{Article, Span};
use crate::text::{data_lines, ends_a_noun_phrase, not_a_noun};

/// The word lists of claims, parsed once.
struct Lists {
    /// Irregular plurals and words for police officers → the singular.
    singulars: HashMap<&'static str, &'static str>,
    /// Singular → what it counts as (`protester` → `person`).
    synonyms: HashMap<&'static str, &'static str>,
    determiners: HashSet<&'static str>,
    /// `(beginning, event)` in the order they are tried.
    events: Vec<(&'static str, &'static str)>,
    source_verbs: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let pairs = |text: &'static str| data_lines(text).filter_map(|l| l.split_once('|'));
        Lists {
            singulars: pairs(include_str!("../../data/noun_singulars.txt")).collect(),
            synonyms: pairs(include_str!("../../data/noun_synonyms.txt")).collect(),
            determiners: data_lines(include_str!("../../data/determiners.txt")).collect(),
            events: pairs(include_str!("../../data/events.txt")).collect(),
            source_verbs: data_lines(include_str!("../../data/source_verbs.txt")).collect(),
        }
    })
}

// ------------------------------------------------------------------------ counted things

/// The singular of a plural (`people` → `person`, `officers` → `officer`).
fn singular(w: &str) -> String {
    if let Some(s) = lists().singulars.get(w) {
        return s.to_string();
    }
    if let Some(b) = w.strip_suffix("ies").filter(|b| b.len() > 2) {
        return format!("{b}y");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The thing a count counts, with synonyms joined.
fn normal_noun(w: &str) -> String {
    let s = singular(w);
    match lists().synonyms.get(s.as_str()) {
        Some(noun) => noun.to_string(),
        None => s,
    }
}

/// Reads the noun phrase from token `j`: `(last token, head word)`.
fn noun_phrase(t: &[Tok], mut j: usize) -> Option<(usize, String)> {
    let mut head: Option<(usize, String)> = None;
    let mut n = 0;
    while let Some(tok) = t.get(j) {
        let w = tok.lower.as_str();
        if !tok.word || n >= 4 || ends_a_noun_phrase(w) {
            break;
        }
        if w.starts_with(|c: char| c.is_ascii_digit()) || num_word(w) {
            break;
        }
        if (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 {
            // A participle is an adjective only first and before another word of the phrase.
            let next = t.get(j + 1);
            let adjective = n == 0
                && next.is_some_and(|x| x.word && !not_a_noun(x.lower.as_str()) && !x.lower.ends_with("ed"));
            if !adjective {
                break;
            }
        }
        head = Some((j, w.to_string()));
        n += 1;
        j += 1;
        let plural = (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            || ["people", "men", "women", "children"].contains(&w);
        if plural
            && t.get(j)
                .is_some_and(|x| x.word && x.text.starts_with(|c: char| c.is_lowercase()))
        {
            break; // `officials face sanctions`: the plural was the head
        }
        if tok.text.ends_with("'s") || tok.text.ends_with("\u{2019}s") {
            n = 0; // a possessive modifies the noun that follows
        }
    }
    head
}

/// What the number counts: `(last token of the claim, counted noun)`.
fn counted(t: &[Tok], n: &Num) -> (usize, String) {
    let determiners = &lists().determiners;
    let mut j = n.last + 1;
    if let Some(u) = &n.unit {
        let np = noun_phrase(t, j);
        return match np {
            Some((last, head)) => (last, format!("{u} {}", normal_noun(&head))),
            None => (n.last, u.clone()),
        };
    }
    match n.measure {
        Measure::Percent => {
            if t.get(j).is_some_and(|x| x.lower == "of") {
                j += 1;
                while t.get(j).is_some_and(|x| determiners.contains(x.lower.as_str())) {
                    j += 1;
                }
                if let Some((last, head)) = noun_phrase(t, j) {
                    return (last, format!("percent of {}", normal_noun(&head)));
                }
            }
            (n.last, "percent".into())
        }
        Measure::Count | Measure::Ordinal => {
            if t.get(j).is_some_and(|x| x.lower == "of") {
                j += 1;
                while t.get(j).is_some_and(|x| determiners.contains(x.lower.as_str())) {
                    j += 1;
                }
            }
            match noun_phrase(t, j) {
                Some((last, head)) => (last, normal_noun(&head)),
                None => (n.last, String::new()),
            }
        }
        Measure::Date => (n.last, "date".into()),
        Measure::Year => (n.last, "year".into()),
        Measure::Age => (n.last, "age".into()),
    }
}

/// The event a word names, if it names one of the few that news counts.
pub(super) fn event_of(w: &str) -> Option<&'static str> {
    lists()
        .events
        .iter()
        .find(|(p, _)| w.starts_with(p) && (w.len() <= p.len() + 4))
        .map(|&(_, e)| e)
}

/// The nearest event word within a clause, looking forward first.
fn event_near(t: &[Tok], first: usize, last: usize) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    let mut dist = 0;
    for tok in t.iter().skip(last + 1) {
        if [";", ":", "(", ")"].contains(&tok.text) {
            break;
        }
        if !tok.word {
            continue;
        }
        dist += 1;
        if dist > 10 {
            break;
        }
        if let Some(e) = event_of(&tok.lower) {
            best = Some((dist, e));
            break;
        }
    }
    let mut dist = 0;
    for tok in t[..first].iter().rev() {
        if [";", ":", "(", ")"].contains(&tok.text) {
            break;
        }
        if !tok.word {
            continue;
        }
        dist += 1;
        if dist > 10 || best.is_some_and(|(d, _)| d <= dist + 1) {
            break;
        }
        if let Some(e) = event_of(&tok.lower) {
            best = Some((dist + 1, e));
            break;
        }
    }
    best.map(|(_, e)| e.to_string())
}

/// The entity a sentence cites as its source, from the mentions `(span, entity)` in it.
fn source(t: &[Tok], mentions: &[(Span, usize)]) -> Option<usize> {
    let verbs = &lists().source_verbs;
    let tok_at = |at: u32| t.iter().position(|x| x.start as u32 >= at);
    for (k, tok) in t.iter().enumerate() {
        let next = t.get(k + 1).map_or("", |x| x.lower.as_str());
        let cue = (tok.lower == "according" && next == "to")
            || tok.lower == "citing"
            || (tok.lower == "data" && next == "from");
        let skip = if tok.lower == "citing" { 1 } else { 2 };
        let then = t.get(k + skip).map_or("", |x| x.lower.as_str());
        if cue
            && ![
                "which", "whom", "that", "him", "her", "them", "it", "this", "these",
            ]
            .contains(&then)
        {
            let from = tok.end as u32;
            if let Some(&(_, e)) = mentions
                .iter()
                .find(|(s, _)| s.start >= from && s.start <= from + 40)
            {
                return Some(e);
            }
        }
    }
    for &(s, e) in mentions {
        // `X said`, `X, the minister, said` is too far; `said X`.
        let after = tok_at(s.end);
        if let Some(k) = after {
            if t.get(k).is_some_and(|x| verbs.contains(x.lower.as_str())) {
                return Some(e);
            }
        }
        let before = t.iter().rposition(|x| (x.end as u32) <= s.start);
        if let Some(k) = before {
            if verbs.contains(t[k].lower.as_str()) {
                return Some(e);
            }
        }
    }
    None
}

/// The numeric claims of every document's body, in document order.
pub fn extract_claims(articles: &[Article], entities: &[Entity]) -> Vec<Claim> {
    extract_claims_in(articles, entities, &Sources::new(entities), 0..articles.len())
}

/// The mentions of people, organisations and groups per document, sorted, for the sources and
/// ages of claims: built once per corpus.
pub struct Sources(BTreeMap<u32, Vec<(Span, usize)>>);

impl Sources {
    pub fn new(entities: &[Entity]) -> Sources {
        let mut by_doc: BTreeMap<u32, Vec<(Span, usize)>> = BTreeMap::new();
        for (i, e) in entities.iter().enumerate() {
            if e.kind == Kind::Place {
                continue;
            }
            for m in &e.mentions {
                by_doc.entry(m.doc).or_default().push((m.span, i));
            }
        }
        for v in by_doc.values_mut() {
            v.sort();
        }
        Sources(by_doc)
    }
}

/// The numeric claims of the documents `docs` (positions in `articles`), as [`extract_claims`]
/// finds them: a caller can take the corpus a slice at a time.
pub fn extract_claims_in(
    articles: &[Article],
    entities: &[Entity],
    sources: &Sources,
    docs: std::ops::Range<usize>,
) -> Vec<Claim> {
    let by_doc = &sources.0;
    let mut out = Vec::new();
    for (doc, article) in articles.iter().enumerate().take(docs.end).skip(docs.start) {
        let d = &article.document;
        let text = d.text.as_str();
        let dateline = d.dateline.as_ref().map(|x| x.span);
        let mentions = by_doc.get(&(doc as u32)).map_or(&[][..], |v| v.as_slice());
        for p in &d.paragraphs {
            for &sentence in &p.sentences {
                let t = toks(sentence.of(text), sentence.start as usize);
                let inside: Vec<(Span, usize)> = mentions
                    .iter()
                    .filter(|(s, _)| s.start >= sentence.start && s.end <= sentence.end)
                    .copied()
                    .collect();
                let attributed_to = source(&t, &inside);
                let mut i = 0;
                while i < t.len() {
                    if dateline.is_some_and(|s| (t[i].start as u32) < s.end && (t[i].end as u32) > s.start) {
                        i += 1;
                        continue;
                    }
                    let Some(n) = num_at(&t, i) else {
                        i += 1;
                        continue;
                    };
                    // `the two countries` refers to things told of before: not a claim.
                    let before = n.first.checked_sub(1).map_or("", |k| t[k].lower.as_str());
                    if n.measure == Measure::Count
                        && n.vague.is_none()
                        && n.value < 20.0
                        && [
                            "the", "these", "those", "both", "his", "her", "their", "its", "our",
                        ]
                        .contains(&before)
                    {
                        i = n.last + 1;
                        continue;
                    }
                    let q = qualifier(&t, n.first);
                    let (low, high) = range(&n, q.map(|(_, b)| b));
                    let (last, mut counts) = counted(&t, &n);
                    if n.measure == Measure::Ordinal && counts.is_empty() {
                        i = n.last + 1;
                        continue;
                    }
                    let first = q.map_or(n.first, |(at, _)| at);
                    if n.measure == Measure::Age {
                        let who = age_of(&t, &n, mentions, &inside, entities);
                        match who {
                            Some(e) => counts = format!("age of {}", entities[e].name),
                            None => {
                                i = n.last + 1;
                                continue;
                            }
                        }
                    }
                    let event = match n.measure {
                        Measure::Count | Measure::Percent => event_near(&t, first, last),
                        _ => None,
                    };
                    out.push(Claim {
                        doc: doc as u32,
                        span: Span::new(t[first].start, t[last].end),
                        number: Span::new(t[n.first].start, t[n.last].end),
                        value: n.value,
                        low,
                        high,
                        qualifier: q.map(|(at, _)| {
                            t[at..n.first]
                                .iter()
                                .map(|x| x.lower.as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                        }),
                        measure: n.measure,
                        counts,
                        event,
                        sentence,
                        attributed_to,
                    });
                    i = n.last + 1;
                }
            }
        }
    }
    out
}

/// The person an age is told of: named right after it (`37-year-old Tikhanovskaya`), else the
/// nearest before it in the sentence, else the last person named before the sentence.
fn age_of(
    t: &[Tok],
    n: &Num,
    mentions: &[(Span, usize)],
    inside: &[(Span, usize)],
    entities: &[Entity],
) -> Option<usize> {
    let person = |e: &usize| entities[*e].kind == Kind::Person;
    let end = t[n.last].end as u32;
    let start = t[n.first].start as u32;
    if let Some(&(_, e)) = inside
        .iter()
        .find(|(s, e)| person(e) && s.start >= end && s.start <= end + 2)
    {
        return Some(e);
    }
    if let Some(&(_, e)) = inside.iter().rev().find(|(s, e)| person(e) && s.end <= start) {
        return Some(e);
    }
    let sentence_start = t.first().map_or(start, |x| x.start as u32);
    mentions
        .iter()
        .rev()
        .find(|(s, e)| person(e) && s.end <= sentence_start)
        .map(|&(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_nouns_are_singular_with_synonyms_joined() {
        assert_eq!(normal_noun("policemen"), "officer");
        assert_eq!(normal_noun("police"), "officer");
        assert_eq!(normal_noun("protesters"), "person");
        assert_eq!(normal_noun("people"), "person");
        assert_eq!(normal_noun("casualties"), "casualty");
        // Synonyms apply to singulars only: `peoples` is `people`, not `person`.
        assert_eq!(normal_noun("peoples"), "people");
    }

    #[test]
    fn events_are_read_from_word_beginnings() {
        assert_eq!(event_of("injuries"), Some("injured"));
        assert_eq!(event_of("killed"), Some("killed"));
        assert_eq!(event_of("detention"), Some("detained"));
        assert_eq!(event_of("voters"), Some("vote"));
        assert_eq!(event_of("killings"), Some("killed"));
        assert_eq!(event_of("voice"), None);
    }
}
