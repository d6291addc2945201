//! Aligning claims across documents: which claims of different documents are about the same
//! thing (same measure and counted noun, similar rare context words, a shared proper name when
//! they differ), merged greedily into facts that agree or differ.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

use super::claims::event_of;
use super::numbers::{month, num_word};
use super::occasion::{occasions, Occasion};
use super::words::{is_stop, toks, Tok};
use super::{Claim, Fact, Measure};
use crate::model::Article;
use crate::text::data_lines;
use crate::text::tokenize::stem;

/// Whether one value fits every claim's range.
pub fn agree(claims: &[&Claim]) -> bool {
    let low = claims.iter().map(|c| c.low).fold(f64::NEG_INFINITY, f64::max);
    let high = claims.iter().map(|c| c.high).fold(f64::INFINITY, f64::min);
    low <= high
}

/// Content words (stems) near a claim, each weighted by its nearness to the claim's words
/// (1 next to them, falling with distance), for comparing contexts.
/// A claim's context words with their nearness, and its length as a vector.
struct Context {
    words: BTreeMap<String, f64>,
    /// The words as their ranks in the sorted list of every context's words, so that two
    /// contexts meet by comparing numbers, in the same order as their words.
    ranked: Vec<(u32, f64)>,
    norm: f64,
}

impl Context {
    /// Every claim's context (`words`), each word ranked among all of them.
    fn all(words: Vec<BTreeMap<String, f64>>) -> Vec<Context> {
        let ranked: Vec<Vec<(u32, f64)>> = {
            let mut vocabulary: Vec<&str> = words.iter().flat_map(|w| w.keys().map(String::as_str)).collect();
            vocabulary.sort_unstable();
            vocabulary.dedup();
            let rank = |w: &str| vocabulary.binary_search(&w).map_or(u32::MAX, |r| r as u32);
            words
                .iter()
                .map(|w| w.iter().map(|(word, &near)| (rank(word), near)).collect())
                .collect()
        };
        words
            .into_iter()
            .zip(ranked)
            .map(|(words, ranked)| Context {
                norm: words.values().map(|p| p * p).sum::<f64>().sqrt(),
                words,
                ranked,
            })
            .collect()
    }

    /// The cosine of two contexts, words weighted by nearness (0 when either has none). Both
    /// word lists are walked once, side by side, in their (sorted) order.
    fn cosine(&self, other: &Context) -> f64 {
        if self.norm <= 0.0 || other.norm <= 0.0 {
            return 0.0;
        }
        let (a, b) = (&self.ranked, &other.ranked);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while let (Some(&(wa, pa)), Some(&(wb, pb))) = (a.get(i), b.get(j)) {
            match wa.cmp(&wb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += pa * pb;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared / (self.norm * other.norm)
    }
}

fn context(articles: &[Article], c: &Claim) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    let Some(a) = articles.get(c.doc as usize) else {
        return out;
    };
    let t: Vec<Tok> = toks(c.sentence.of(&a.document.text), c.sentence.start as usize)
        .into_iter()
        .filter(|x| x.word)
        .collect();
    let inside = |x: &Tok| x.start as u32 >= c.span.start && x.end as u32 <= c.span.end;
    let at = t.iter().position(inside).unwrap_or(0);
    let to = t.iter().rposition(inside).unwrap_or(at);
    for (k, x) in t.iter().enumerate() {
        if inside(x) || is_stop(&x.lower) || x.lower.len() < 3 {
            continue;
        }
        if x.lower.starts_with(|c: char| c.is_ascii_digit()) || num_word(&x.lower) || month(x).is_some() {
            continue;
        }
        let d = if k < at { at - k } else { k.saturating_sub(to) };
        let near = 1.0 / (1.0 + (d as f64 - 1.0) / 3.0);
        if event_of(&x.lower).is_some() {
            continue; // events are compared on their own
        }
        let e = out.entry(stem(&x.lower)).or_insert(0.0);
        if near > *e {
            *e = near;
        }
    }
    out
}

/// Counted things too common to identify a fact by themselves: nothing named, people, and
/// spans of time (`data/generic_counts.txt`).
fn generic(counts: &str) -> bool {
    static GENERIC: OnceLock<HashSet<&'static str>> = OnceLock::new();
    counts.is_empty()
        || GENERIC
            .get_or_init(|| data_lines(include_str!("../../data/generic_counts.txt")).collect())
            .contains(counts)
}

/// Whether two claims about `a`'s thing, told in sentences of the occasions `oa` and `ob`,
/// may be one fact although their numbers differ. A discrepancy is only worth reporting when
/// the two claims are surely about one thing: something counted (not a bare number), not two
/// editions of a named event, a date or year of a thing named alike right beside it (`born`,
/// `election`), and sentences that name mostly the same people, bodies and places (the same
/// generic words, `killed civilians`, are told of other events too). Figures told at different
/// times ([`Occasion::told_apart`]) need only one name in common: they are shown as told apart,
/// not as a disagreement.
fn may_differ(
    a: &Claim,
    [oa, ob]: [&Occasion; 2],
    ca: &BTreeMap<String, f64>,
    cb: &BTreeMap<String, f64>,
) -> bool {
    let counted = !(a.measure == Measure::Count && a.counts.is_empty());
    let dated_alike = !matches!(a.measure, Measure::Date | Measure::Year)
        || ca.iter().any(|(w, &near)| {
            near >= 0.75
                && cb.get(w).is_some_and(|&other| other >= 0.75)
                && !oa.names_stem(w)
                && !ob.names_stem(w)
        });
    let named = if oa.told_apart(ob) {
        oa.named_any(ob)
    } else {
        oa.named_alike(ob)
    };
    counted && dated_alike && !oa.edition && !ob.edition && named
}

/// How likely two claims are about the same thing; `None` when they cannot be.
fn link(a: &Claim, b: &Claim, [ca, cb]: [&Context; 2], occasions: [&Occasion; 2]) -> Option<f64> {
    if a.doc == b.doc || a.measure != b.measure || a.counts != b.counts {
        return None;
    }
    // Two occasions are never one fact; a person's age is not bound to one.
    if a.measure != Measure::Age && occasions[0].differs(occasions[1]) {
        return None;
    }
    if a.event.is_some() && b.event.is_some() && a.event != b.event {
        return None;
    }
    let same_event = a.event.is_some() && a.event == b.event;
    // Claims that agree are linked on less evidence than claims that would differ: a
    // discrepancy is only worth reporting when the two claims are surely about one thing.
    let differ = a.low.max(b.low) > a.high.min(b.high);
    if differ && !may_differ(a, occasions, &ca.words, &cb.words) {
        return None;
    }
    let sim = ca.cosine(cb);
    // The same uncommon number (`6,700`) is itself evidence; two `2`s are not.
    let same_number = !differ && a.value == b.value && a.value >= 10.0 && a.measure == Measure::Count;
    let score = sim + if same_event { 0.3 } else { 0.0 } - if differ { 0.2 } else { 0.0 }
        + if same_number { 0.25 } else { 0.0 };
    let needed = match a.measure {
        // Differing ages of one person are far more often an age given to the wrong person.
        Measure::Age => return (!differ).then_some(1.0),
        Measure::Count if generic(&a.counts) => {
            if a.event.is_some() != b.event.is_some() {
                return None;
            }
            if same_event {
                0.55
            } else {
                0.5
            }
        }
        Measure::Count | Measure::Ordinal => {
            if a.event.is_some() != b.event.is_some() {
                0.3
            } else {
                0.15
            }
        }
        Measure::Percent => {
            if a.counts.contains(" of ") {
                0.0
            } else {
                0.25
            }
        }
        Measure::Date | Measure::Year => 0.3,
    };
    (score >= needed).then_some(score)
}

/// Facts told by more than one document of the corpus.
pub fn align(articles: &[Article], claims: &[Claim]) -> Vec<Fact> {
    align_where(articles, claims, |_| true, |_, _| true)
}

/// Facts told on both sides: every fact has a claim from a document of `side_a` and one from
/// `side_b`, and links only join a claim of one side with a claim of the other.
pub fn align_sides(articles: &[Article], claims: &[Claim], side_a: &[u32], side_b: &[u32]) -> Vec<Fact> {
    // Which sides each document is on, looked up in one step: the claims of a large corpus
    // are asked about many times each.
    let mut sides = vec![(false, false); articles.len()];
    for &d in side_a {
        if let Some(s) = sides.get_mut(d as usize) {
            s.0 = true;
        }
    }
    for &d in side_b {
        if let Some(s) = sides.get_mut(d as usize) {
            s.1 = true;
        }
    }
    let side = |d: u32| sides.get(d as usize).copied().unwrap_or_default();
    let mut facts = align_where(
        articles,
        claims,
        |c| side(c.doc) != (false, false),
        |a, b| {
            let (a_in_a, a_in_b) = side(a.doc);
            let (b_in_a, b_in_b) = side(b.doc);
            (a_in_a && b_in_b) || (a_in_b && b_in_a)
        },
    );
    facts.retain(|f| {
        f.claims.iter().any(|&c| side(claims[c].doc).0) && f.claims.iter().any(|&c| side(claims[c].doc).1)
    });
    facts
}

/// Aligns the claims `keep` accepts, linking only pairs `allowed` accepts.
fn align_where(
    articles: &[Article],
    claims: &[Claim],
    keep: impl Fn(&Claim) -> bool + Copy,
    allowed: impl Fn(&Claim, &Claim) -> bool,
) -> Vec<Fact> {
    let occasions = occasions(articles, claims, keep);
    let contexts = Context::all(
        claims
            .iter()
            .map(|c| {
                if keep(c) {
                    context(articles, c)
                } else {
                    BTreeMap::new()
                }
            })
            .collect(),
    );
    // Candidate links, grouped by (measure, counts) so only comparable claims meet.
    let mut by_key: BTreeMap<(Measure, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| keep(c)) {
        by_key.entry((c.measure, c.counts.as_str())).or_default().push(i);
    }
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    let mut linked: BTreeSet<(usize, usize)> = BTreeSet::new();
    for group in by_key.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                if !allowed(&claims[i], &claims[j]) {
                    continue;
                }
                let (a, b) = (&claims[i], &claims[j]);
                if let Some(s) = link(a, b, [&contexts[i], &contexts[j]], [&occasions[i], &occasions[j]]) {
                    links.push((s, i, j));
                    linked.insert((i, j));
                }
            }
        }
    }
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Greedy merging, one claim per document per fact.
    let mut group_of: Vec<usize> = (0..claims.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..claims.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in &links {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let (mi, mj) = (&members[gi], &members[gj]);
        if mi
            .iter()
            .any(|&a| mj.iter().any(|&b| claims[a].doc == claims[b].doc))
        {
            continue;
        }
        let pairs = mi.len() * mj.len();
        let ok = mi
            .iter()
            .flat_map(|&a| mj.iter().map(move |&b| (a.min(b), a.max(b))))
            .filter(|p| linked.contains(p))
            .count();
        // Most pairs must be linked; every pair when the merged fact would differ.
        let merged: Vec<&Claim> = mi.iter().chain(mj).map(|&c| &claims[c]).collect();
        if ok * 2 < pairs || (ok < pairs && !agree(&merged)) {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group_of[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut facts: Vec<Fact> = members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_by_key(|&c| (claims[c].doc, claims[c].span.start));
            let group: Vec<&Claim> = m.iter().map(|&c| &claims[c]).collect();
            let agree = agree(&group);
            let told_apart = Occasion::told_span(m.iter().map(|&c| &occasions[c])).filter(|_| !agree);
            Fact {
                about: about(
                    articles,
                    &group,
                    &m.iter().map(|&c| &contexts[c].words).collect::<Vec<_>>(),
                ),
                agree,
                told_apart,
                claims: m,
            }
        })
        .collect();
    facts.sort_by_key(|f| f.claims.clone());
    facts
}

/// A few words for what a fact is about: what it counts, its event, and the word its claims
/// share nearest to their numbers.
fn about(articles: &[Article], group: &[&Claim], contexts: &[&BTreeMap<String, f64>]) -> String {
    let first = group[0];
    let mut words: Vec<String> = Vec::new();
    if !first.counts.is_empty() {
        words.push(first.counts.clone());
    } else {
        words.push(first.measure.as_str().to_string());
    }
    if let Some(e) = group.iter().find_map(|c| c.event.clone()) {
        words.push(e);
    }
    let nearness = |w: &String| {
        contexts
            .iter()
            .map(|c| c.get(w).copied().unwrap_or(0.0))
            .sum::<f64>()
    };
    let mut shared: Vec<&String> = contexts[0]
        .keys()
        .filter(|w| contexts[1..].iter().all(|c| c.contains_key(*w)) && !words.contains(w))
        .collect();
    shared.sort_by(|a, b| nearness(b).total_cmp(&nearness(a)).then(a.cmp(b)));
    if let Some(w) = shared.first() {
        // The word as the first claim's sentence writes it (`ministry`, not the stem `ministri`).
        let text = articles
            .get(first.doc as usize)
            .map_or("", |a| a.document.text.as_str());
        let written = toks(first.sentence.of(text), 0)
            .into_iter()
            .find(|x| x.word && stem(&x.lower) == **w)
            .map_or_else(|| w.to_string(), |x| x.lower);
        words.push(format!("({written})"));
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_counts_include_nothing_named() {
        assert!(generic(""));
        assert!(generic("person"));
        assert!(generic("minute"));
        assert!(!generic("officer"));
    }
}
