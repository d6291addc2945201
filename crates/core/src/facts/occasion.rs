//! Who and when a claim's sentence tells of: the evidence that two numbers of two articles
//! are one thing told two ways, or two occasions.
//!
//! Two claims are two occasions when their sentences state different dates, years or ordinals
//! besides the claims themselves (`on August 9` and `on August 16`, `in 2018` and `in 2020`, `the
//! fifth time` and `the fourth time`), or different days relative to the same telling (`on
//! Sunday` and `on Monday`, `data/relative_times.txt`). A year or date written before a name
//! (`the 2014 Winter Olympics`) names an edition. Claims told months apart, or on different days
//! when a sentence names a relative day (`on Tuesday` in two weeks' reports), may each have
//! been right then: they are told apart, not in disagreement. The names of a sentence are its
//! capitalised words (the first only when the article writes it capitalised mid-sentence too)
//! with the number that follows one (`FTSE 250`), without months, relative days and function
//! words.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use super::numbers::month;
use super::words::{is_stop, toks, Tok};
use super::{Claim, Measure};
use crate::model::{Article, Date};
use crate::text::split::pieces;
use crate::text::{data_lines, parse_written_date};

/// Articles told further apart than this many days may count one thing at two moments.
const TOLD_APART_DAYS: i64 = 60;

/// Who and when a claim's sentence tells of.
#[derive(Default)]
pub(super) struct Occasion {
    /// Dates (`809`), years and ordinals the sentence states besides the claim itself, and
    /// the relative days it names (indices into `data/relative_times.txt`), one set per kind.
    markers: [BTreeSet<u32>; 4],
    /// The proper names of the sentence, folded.
    names: BTreeSet<String>,
    /// The claim is a year or date written before a name: `the 2014 Winter Olympics`.
    pub(super) edition: bool,
    /// The day the claim's article was told, in days since 1970, when known.
    told: Option<i64>,
}

impl Occasion {
    /// Whether the two sentences tell of different times or rounds: a kind of marker both
    /// have, with no value in common.
    pub(super) fn differs(&self, other: &Occasion) -> bool {
        self.markers[..3]
            .iter()
            .zip(&other.markers[..3])
            .any(|(a, b)| !a.is_empty() && !b.is_empty() && a.is_disjoint(b))
            || {
                let (a, b) = (&self.markers[3], &other.markers[3]);
                !a.is_empty() && !b.is_empty() && a.is_disjoint(b) && self.told == other.told
            }
    }

    /// Whether two claims may count one thing at two moments: [`Occasion::told_span`] of the
    /// two is known and too long.
    pub(super) fn told_apart(&self, other: &Occasion) -> bool {
        Occasion::told_span([self, other].into_iter()).is_some()
    }

    /// The days between the first and the last telling of `occasions`, when all are known and
    /// they are more than [`TOLD_APART_DAYS`] apart, or on different days and a sentence names
    /// a day relative to its telling (`on Tuesday`, `this week`).
    pub(super) fn told_span<'o>(occasions: impl Iterator<Item = &'o Occasion>) -> Option<u32> {
        let mut relative = false;
        let mut days = Vec::new();
        for o in occasions {
            relative |= !o.markers[3].is_empty();
            days.push(o.told?);
        }
        let span = days.iter().max()? - days.iter().min()?;
        let limit = if relative { 1 } else { TOLD_APART_DAYS };
        (span > limit).then_some(span as u32)
    }

    /// Whether the two sentences name mostly the same people, bodies and places: at least half
    /// of all their names shared, and two of them unless each names just the one.
    pub(super) fn named_alike(&self, other: &Occasion) -> bool {
        let shared = self.names.intersection(&other.names).count();
        let all = self.names.len() + other.names.len() - shared;
        shared * 2 >= all && (shared >= 2 || (shared == 1 && all == 1))
    }

    /// Whether the two sentences name something in common.
    pub(super) fn named_any(&self, other: &Occasion) -> bool {
        !self.names.is_disjoint(&other.names)
    }

    /// Whether `stem` is the stem of one of the sentence's names.
    pub(super) fn names_stem(&self, stem: &str) -> bool {
        self.names.iter().any(|n| crate::text::tokenize::stem(n) == stem)
    }
}

/// What one article tells of all its claims: the day it was told and the words it writes
/// capitalised mid-sentence.
struct ArticleFacts {
    told: Option<i64>,
    capitalised: BTreeSet<String>,
}

impl ArticleFacts {
    fn of(article: &Article) -> ArticleFacts {
        let d = &article.document;
        let mut capitalised = BTreeSet::new();
        for p in &d.paragraphs {
            for s in &p.sentences {
                let words = toks(s.of(&d.text), 0).into_iter().filter(|x| x.word).skip(1);
                capitalised.extend(words.filter(is_name).map(|x| x.lower));
            }
        }
        ArticleFacts {
            told: told_on(article).map(|d| d.days()),
            capitalised,
        }
    }
}

/// A capitalised word that may be a name: not a function word, month or relative day.
fn is_name(x: &Tok) -> bool {
    x.text.starts_with(char::is_uppercase)
        && x.text.chars().count() > 1
        && !is_stop(&x.lower)
        && month(x).is_none()
        && relative_time(std::slice::from_ref(x), 0).is_none()
}

/// The occasion of every claim `keep` accepts (a default one for the others).
pub(super) fn occasions(
    articles: &[Article],
    claims: &[Claim],
    keep: impl Fn(&Claim) -> bool,
) -> Vec<Occasion> {
    let mut of_article: BTreeMap<u32, ArticleFacts> = BTreeMap::new();
    let mut by_sentence: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_sentence.entry((c.doc, c.sentence.start)).or_default().push(i);
    }
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let Some(article) = articles.get(c.doc as usize).filter(|_| keep(c)) else {
                return Occasion::default();
            };
            let facts = of_article
                .entry(c.doc)
                .or_insert_with(|| ArticleFacts::of(article));
            let t: Vec<Tok> = toks(c.sentence.of(&article.document.text), c.sentence.start as usize)
                .into_iter()
                .filter(|x| x.word)
                .collect();
            let mut markers: [BTreeSet<u32>; 4] = Default::default();
            for &j in &by_sentence[&(c.doc, c.sentence.start)] {
                let kind = match claims[j].measure {
                    Measure::Date => 0,
                    Measure::Year => 1,
                    Measure::Ordinal => 2,
                    _ => continue,
                };
                if j != i {
                    markers[kind].insert(claims[j].value as u32);
                }
            }
            markers[3].extend((0..t.len()).filter_map(|k| relative_time(&t, k)));
            let names = t
                .iter()
                .enumerate()
                .filter(|(k, x)| is_name(x) && (*k > 0 || facts.capitalised.contains(&x.lower)))
                .map(|(k, x)| match t.get(k + 1) {
                    // `FTSE 100` and `FTSE 250` are two names.
                    Some(n) if n.start == x.end + 1 && n.lower.starts_with(|c: char| c.is_ascii_digit()) => {
                        format!("{} {}", x.lower, n.lower)
                    }
                    _ => x.lower.clone(),
                })
                .collect();
            let next = t.iter().find(|x| x.start as u32 >= c.span.end);
            let edition = matches!(c.measure, Measure::Year | Measure::Date)
                && next.is_some_and(|x| {
                    x.start as u32 <= c.span.end + 1
                        && x.text.starts_with(char::is_uppercase)
                        && month(x).is_none()
                });
            Occasion {
                markers,
                names,
                edition,
                told: facts.told,
            }
        })
        .collect()
}

/// The relative day (`data/relative_times.txt`) that the words `t` name at `k`, as its line.
fn relative_time(t: &[Tok], k: usize) -> Option<u32> {
    static PHRASES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        data_lines(include_str!("../../data/relative_times.txt"))
            .map(|l| l.split(' ').collect())
            .collect()
    });
    phrases
        .iter()
        .position(|p| {
            p.iter()
                .enumerate()
                .all(|(n, w)| t.get(k + n).is_some_and(|x| x.lower == *w))
        })
        .map(|i| i as u32)
}

/// The day an article was told: its published date, else the date its text states at the
/// top, else the latest full date written anywhere in it (`on August 24, 2020`).
fn told_on(article: &Article) -> Option<Date> {
    let d = &article.document;
    article.published.or(d.stated_date()).or_else(|| {
        let text = d.text.as_str();
        pieces(text)
            .into_iter()
            .filter(|p| p.word)
            .filter_map(|p| {
                let mut end = (p.start + 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                parse_written_date(&text[p.start..end]).map(|(date, _)| date)
            })
            .max()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_days_are_read_from_the_word_list() {
        let words = |s: &'static str| toks(s, 0).into_iter().filter(|x| x.word).collect::<Vec<_>>();
        assert_eq!(relative_time(&words("Monday"), 0), Some(0));
        assert_eq!(
            relative_time(&words("last week"), 0),
            relative_time(&words("last week too"), 0)
        );
        assert!(relative_time(&words("last week"), 0).is_some());
        assert_eq!(relative_time(&words("last year"), 0), None);
        assert_ne!(
            relative_time(&words("today"), 0),
            relative_time(&words("yesterday"), 0)
        );
    }
}
