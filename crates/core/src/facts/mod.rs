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

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::entities::{Entity, Kind};
use crate::model::Article;
use crate::model::Span;
use crate::text::tokenize::{fold, stem};

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
    /// Indices into the claims given to [`align`], in document order.
    pub claims: Vec<usize>,
}

// ------------------------------------------------------------------------------ words

#[derive(Clone, Debug)]
struct Tok<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    lower: String,
    word: bool,
}

/// Words (letters and digits, joined by `-` or `'` between two of them, and by `,`/`.` between
/// two digits) and single punctuation marks, with absolute byte offsets.
fn toks(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = i + c.len_utf8();
            out.push(Tok {
                start: base + i,
                end: base + end,
                text: &text[i..end],
                lower: text[i..end].to_string(),
                word: false,
            });
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|&(_, n)| n);
            let joins = match c {
                '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}' => {
                    prev.is_alphanumeric() && next.is_some_and(|n| n.is_alphanumeric())
                }
                ',' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
        out.push(Tok {
            start: base + i,
            end: base + end,
            text: &text[i..end],
            lower: fold(&text[i..end]),
            word: true,
        });
        k = j;
    }
    out
}

const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "into",
    "during",
    "after",
    "before",
    "since",
    "until",
    "than",
    "that",
    "this",
    "these",
    "those",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "while",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "not",
    "no",
    "it",
    "its",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "him",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "me",
    "my",
    "there",
    "here",
    "also",
    "more",
    "most",
    "over",
    "about",
    "some",
    "all",
    "each",
    "per",
    "cent",
    "percent",
    "other",
    "others",
    "said",
    "says",
    "according",
    "did",
    "do",
    "does",
    "so",
    "if",
    "then",
    "just",
    "only",
    "up",
    "out",
    "across",
    "against",
    "among",
    "between",
    "including",
    "within",
    "without",
    "through",
    "under",
    "over",
    "last",
    "year",
    "years",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "both",
    "were",
    "such",
    "very",
    "own",
    "new",
    "mr",
    "mrs",
    "ms",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a capitalised word names (`August`, `Aug`, `Sept`).
fn month(t: &Tok) -> Option<u32> {
    if !t.word || !t.text.starts_with(|c: char| c.is_uppercase()) || t.lower.len() < 3 {
        return None;
    }
    let w = t.lower.as_str();
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && w != "mar" && w != "may"))
        .or_else(|| (w == "may").then_some(4))
        .map(|i| i as u32 + 1)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 19] = [
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// `twenty-five`, `seven`, `forty` → value.
fn cardinal_word(w: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    let (t, u) = w.split_once('-')?;
    let t = TENS.iter().position(|x| *x == t)?;
    let u = UNITS
        .iter()
        .position(|x| *x == u)
        .filter(|&u| (1..10).contains(&u))?;
    Some(20.0 + 10.0 * t as f64 + u as f64)
}

/// Digits with optional thousands separators and decimals: `(value, decimals)`.
fn digits(s: &str) -> Option<(f64, u32)> {
    if !s.bytes().next()?.is_ascii_digit() {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let frac = match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => f,
        Some(_) => return None,
        None => "",
    };
    let joined: String = groups.concat();
    let v: f64 = format!("{joined}.{frac}0").parse().ok()?;
    Some((v, frac.len() as u32))
}

/// A number found at a token, before its qualifier and counted noun are read.
struct Num {
    first: usize,
    last: usize,
    value: f64,
    /// `Some((low, high))` for vague amounts; exact numbers get their range from rounding.
    vague: Option<(f64, f64)>,
    decimals: u32,
    measure: Measure,
    /// What the number counts when its own words say (`26-year` → `year`).
    unit: Option<String>,
}

fn num_at(t: &[Tok], i: usize) -> Option<Num> {
    let w = |k: usize| t.get(k).map_or("", |x| x.lower.as_str());
    let tok = &t[i];
    if !tok.word {
        return None;
    }
    let exact = |last, value, measure| Num {
        first: i,
        last,
        value,
        vague: None,
        decimals: 0,
        measure,
        unit: None,
    };
    // Dates: `August 9`, `August 9, 2020`, `9 August`, `19th September`; `March 2018` is a year.
    if let Some(m) = month(tok) {
        let day = t.get(i + 1).and_then(|d| day_of(d.text));
        if let Some(d) = day {
            let mut last = i + 1;
            if w(i + 2) == "," && t.get(i + 3).and_then(|y| year_of(y.text)).is_some() {
                last = i + 3;
            }
            return Some(exact(last, (m * 100 + d) as f64, Measure::Date));
        }
        if let Some(y) = t.get(i + 1).and_then(|y| year_of(y.text)) {
            return Some(exact(i + 1, y as f64, Measure::Year));
        }
        return None;
    }
    if let (Some(d), Some(m)) = (day_of(tok.text), t.get(i + 1).and_then(month)) {
        let mut last = i + 1;
        if t.get(i + 2).and_then(|y| year_of(y.text)).is_some() {
            last = i + 2;
        }
        return Some(exact(last, (m * 100 + d) as f64, Measure::Date));
    }
    let lw = tok.lower.as_str();
    if lw.starts_with(|c: char| c.is_ascii_digit()) {
        // Clock times, numbered things.
        if w(i + 1) == ":"
            || w(i.wrapping_sub(1)) == ":"
            || ["am", "pm", "a.m", "p.m", "gmt", "utc"].contains(&w(i + 1))
        {
            return None;
        }
        if ["no", "number", "#", "article", "resolution", "flight", "route"].contains(&w(i.wrapping_sub(1))) {
            return None;
        }
        // `26-year-old`, `26-year`, `15-minute`.
        if let Some((n, rest)) = lw.split_once('-') {
            let (v, _) = digits(n)?;
            if rest == "year-old" || rest == "year-olds" || rest == "years-old" {
                return Some(exact(i, v, Measure::Age));
            }
            let unit = [
                "year",
                "month",
                "week",
                "day",
                "hour",
                "minute",
                "kilometre",
                "kilometer",
                "mile",
            ]
            .iter()
            .find(|u| rest == **u)?;
            let mut n = exact(i, v, Measure::Count);
            n.unit = Some(unit.to_string());
            return Some(n);
        }
        // `6th`
        if let Some(p) = ["st", "nd", "rd", "th"].iter().find_map(|s| lw.strip_suffix(s)) {
            let (v, dec) = digits(p)?;
            return (dec == 0 && v >= 2.0).then(|| exact(i, v, Measure::Ordinal));
        }
        // `Nord Stream 2`, `Boeing 737`: a number after a name is part of it.
        if i > 1
            && t[i - 1].word
            && t[i - 1].text.starts_with(|c: char| c.is_uppercase())
            && month(&t[i - 1]).is_none()
            && !is_stop(&t[i - 1].lower)
            && qualifier(t, i).is_none()
        {
            return None;
        }
        let (mut v, decimals) = digits(lw)?;
        let mut last = i;
        let mut measure = Measure::Count;
        if let Some(s) = scale(w(i + 1)) {
            v *= s;
            last = i + 1;
        }
        if w(last + 1) == "%" || w(last + 1) == "percent" || w(last + 1) == "pct" {
            measure = Measure::Percent;
            last += 1;
        } else if w(last + 1) == "per" && w(last + 2) == "cent" {
            measure = Measure::Percent;
            last += 2;
        }
        let plain = last == i && !tok.text.contains(',') && decimals == 0;
        if plain && measure == Measure::Count {
            // Years.
            if (1800.0..=2100.0).contains(&v) && !w(i + 1).ends_with('s') {
                return Some(exact(i, v, Measure::Year));
            }
            // Ages: `Navalny, 44,`, `aged 44`.
            let after = w(i + 1);
            let before_comma = i >= 2
                && w(i - 1) == ","
                && t[i - 2].word
                && month(&t[i - 2]).is_none()
                && !t[i - 2].lower.starts_with(|c: char| c.is_ascii_digit());
            if (1.0..=110.0).contains(&v)
                && (w(i.wrapping_sub(1)) == "aged"
                    || (before_comma && (after.is_empty() || [",", ".", ";", ")"].contains(&after))))
            {
                return Some(exact(i, v, Measure::Age));
            }
        }
        return Some(Num {
            first: i,
            last,
            value: v,
            vague: None,
            decimals,
            measure,
            unit: None,
        });
    }
    // Vague amounts.
    let vague = |last, lo: f64, hi: f64| Num {
        first: i,
        last,
        value: lo,
        vague: Some((lo, hi)),
        decimals: 0,
        measure: Measure::Count,
        unit: None,
    };
    let plural_scale = |s: &str| match s {
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    if (lw == "tens" || lw == "hundreds") && w(i + 1) == "of" {
        if let Some(s) = plural_scale(w(i + 2)) {
            let f = if lw == "tens" { 10.0 } else { 100.0 };
            return Some(vague(i + 2, 2.0 * f * s, 10.0 * f * s - 1.0));
        }
    }
    if let Some(s) = plural_scale(lw) {
        return Some(vague(i, 2.0 * s, 10.0 * s - 1.0));
    }
    if lw == "dozens" {
        return Some(vague(i, 24.0, 99.0));
    }
    if ["several", "few"].contains(&lw) {
        if let Some(s) = scale(w(i + 1)) {
            return Some(vague(i + 1, 2.0 * s, if lw == "few" { 5.0 * s } else { 9.0 * s }));
        }
        return None;
    }
    if lw == "dozen" && w(i.wrapping_sub(1)) == "a" {
        return Some(exact(i, 12.0, Measure::Count));
    }
    if let Some(k) = ORDINALS.iter().position(|o| *o == lw) {
        return Some(exact(i, k as f64 + 2.0, Measure::Ordinal));
    }
    let mut v = cardinal_word(lw)?;
    let mut last = i;
    if let Some(s) = scale(w(i + 1)) {
        v *= s;
        last = i + 1;
    } else if lw == "one" || lw == "zero" {
        return None; // `one of`, `no one`: rarely a count
    }
    Some(exact(last, v, Measure::Count))
}

fn day_of(s: &str) -> Option<u32> {
    let s = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|x| s.strip_suffix(x))
        .unwrap_or(s);
    let s = s.split_once('-').map_or(s, |(a, _)| a); // `11-12`
    (s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year_of(s: &str) -> Option<u32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

#[derive(Clone, Copy, PartialEq)]
enum Bound {
    Above,
    AtLeast,
    Below,
    UpTo,
    Nearly,
    About,
}

const QUALIFIERS: [(&str, Bound); 26] = [
    ("in excess of", Bound::Above),
    ("upwards of", Bound::Above),
    ("more than", Bound::Above),
    ("just over", Bound::Above),
    ("just above", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("less than", Bound::Below),
    ("fewer than", Bound::Below),
    ("under", Bound::Below),
    ("below", Bound::Below),
    ("up to", Bound::UpTo),
    ("as many as", Bound::UpTo),
    ("just under", Bound::Nearly),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("an estimated", Bound::About),
    ("estimated", Bound::About),
    ("approximately", Bound::About),
    ("about", Bound::About),
    ("around", Bound::About),
    ("roughly", Bound::About),
    ("some", Bound::About),
];

/// The qualifier written just before token `first`: its first token and kind.
fn qualifier(t: &[Tok], first: usize) -> Option<(usize, Bound)> {
    for (phrase, bound) in QUALIFIERS {
        let words: Vec<&str> = phrase.split(' ').collect();
        if words.len() > first {
            continue;
        }
        let at = first - words.len();
        if words.iter().enumerate().all(|(k, w)| t[at + k].lower == *w) {
            return Some((at, bound));
        }
    }
    None
}

/// The range of values a number with its qualifier allows.
fn range(n: &Num, bound: Option<Bound>) -> (f64, f64) {
    let v = n.value;
    if let Some((lo, hi)) = n.vague {
        return match bound {
            Some(Bound::Above) | Some(Bound::AtLeast) => (lo, hi * 10.0),
            Some(Bound::Below) | Some(Bound::UpTo) | Some(Bound::Nearly) => (0.0, hi),
            _ => (lo, hi),
        };
    }
    let unit = 10f64.powi(-(n.decimals as i32));
    let mut zeros: f64 = 1.0;
    if n.decimals == 0 {
        let mut x = v.abs().round() as u64;
        while x >= 10 && x.is_multiple_of(10) {
            x /= 10;
            zeros *= 10.0;
        }
    }
    let step = unit.max(zeros.min(0.1 * v.abs()));
    let tiny = 1e-9 * v.abs().max(1.0);
    match bound {
        None => (v - 0.49 * unit, v + 0.49 * unit),
        Some(Bound::Above) => (v + tiny, v + step),
        Some(Bound::AtLeast) => (v, v + step),
        Some(Bound::Below) | Some(Bound::Nearly) => (v - step, v - tiny),
        Some(Bound::UpTo) => (0.0, v),
        Some(Bound::About) => {
            let d = (0.1 * v.abs()).max(unit / 2.0);
            (v - d, v + d)
        }
    }
}

// ------------------------------------------------------------------------ counted things

fn singular(w: &str) -> String {
    match w {
        "people" => return "person".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "children" => return "child".into(),
        "policemen" => return "policeman".into(),
        "police" | "policeman" | "cop" | "cops" | "trooper" | "troopers" => return "officer".into(),
        _ => {}
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
    match s.as_str() {
        "person" | "other" | "individual" | "protester" | "demonstrator" | "participant" | "resident"
        | "citizen" | "civilian" => "person".into(),
        "policeman" => "officer".into(),
        _ => s,
    }
}

const NOT_NOUNS: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "will",
    "would",
    "who",
    "whom",
    "which",
    "that",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "than",
    "during",
    "after",
    "before",
    "since",
    "into",
    "across",
    "against",
    "more",
    "less",
    "per",
    "each",
    "the",
    "a",
    "an",
    "this",
    "his",
    "her",
    "their",
    "its",
    "ago",
    "later",
    "earlier",
    "also",
    "still",
    "now",
    "while",
    "but",
    "so",
    "if",
    "when",
    "where",
    "be",
    "been",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "do",
    "does",
    "not",
    "over",
    "under",
    "about",
    "among",
    "including",
    "between",
    "through",
    "around",
    "said",
    "say",
    "says",
    "died",
    "within",
    "without",
    "amid",
    "despite",
    "via",
    "toward",
    "towards",
    "upon",
    "onto",
    "off",
    "near",
    "like",
    "unlike",
    "because",
    "although",
    "though",
    "whether",
    "due",
    "following",
];

/// Reads the noun phrase from token `j`: `(last token, head word)`.
fn noun_phrase(t: &[Tok], mut j: usize) -> Option<(usize, String)> {
    let mut head: Option<(usize, String)> = None;
    let mut n = 0;
    while let Some(tok) = t.get(j) {
        let w = tok.lower.as_str();
        if !tok.word || n >= 4 || NOT_NOUNS.contains(&w) || w.ends_with("ly") && w.len() > 4 {
            break;
        }
        if w.starts_with(|c: char| c.is_ascii_digit()) || num_word(w) {
            break;
        }
        if (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 {
            // A participle is an adjective only first and before another word of the phrase.
            let next = t.get(j + 1);
            let adjective = n == 0
                && next.is_some_and(|x| {
                    x.word && !NOT_NOUNS.contains(&x.lower.as_str()) && !x.lower.ends_with("ed")
                });
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

fn num_word(w: &str) -> bool {
    cardinal_word(w).is_some() || scale(w).is_some()
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "those", "these", "all", "them",
];

/// What the number counts: `(last token of the claim, counted noun)`.
fn counted(t: &[Tok], n: &Num) -> (usize, String) {
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
                while t.get(j).is_some_and(|x| DETERMINERS.contains(&x.lower.as_str())) {
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
                while t.get(j).is_some_and(|x| DETERMINERS.contains(&x.lower.as_str())) {
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
fn event_of(w: &str) -> Option<&'static str> {
    const EVENTS: [(&str, &str); 16] = [
        ("die", "killed"),
        ("dead", "killed"),
        ("death", "killed"),
        ("kill", "killed"),
        ("fatalit", "killed"),
        ("perish", "killed"),
        ("injur", "injured"),
        ("wound", "injured"),
        ("hurt", "injured"),
        ("detain", "detained"),
        ("detention", "detained"),
        ("arrest", "detained"),
        ("jailed", "detained"),
        ("imprison", "detained"),
        ("vote", "vote"),
        ("ballot", "vote"),
    ];
    EVENTS
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

// ---------------------------------------------------------------------------- extraction

const SOURCE_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "stated",
    "claimed",
    "claims",
    "estimated",
    "estimates",
    "confirmed",
    "added",
    "noted",
    "wrote",
];

/// The entity a sentence cites as its source, from the mentions `(span, entity)` in it.
fn source(t: &[Tok], mentions: &[(Span, usize)]) -> Option<usize> {
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
            if t.get(k).is_some_and(|x| SOURCE_VERBS.contains(&x.lower.as_str())) {
                return Some(e);
            }
        }
        let before = t.iter().rposition(|x| (x.end as u32) <= s.start);
        if let Some(k) = before {
            if SOURCE_VERBS.contains(&t[k].lower.as_str()) {
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
        let d = &article.doc;
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

// ----------------------------------------------------------------------------- alignment

/// Whether one value fits every claim's range.
pub fn agree(claims: &[&Claim]) -> bool {
    let low = claims.iter().map(|c| c.low).fold(f64::NEG_INFINITY, f64::max);
    let high = claims.iter().map(|c| c.high).fold(f64::INFINITY, f64::min);
    low <= high
}

/// Content words (stems) near a claim, each weighted by its nearness to the claim's words
/// (1 next to them, falling with distance), for comparing contexts.
/// The proper names of a claim's sentence: its capitalised words other than the first (folded),
/// leaving out months and function words.
fn names(articles: &[Article], c: &Claim) -> BTreeSet<String> {
    let Some(a) = articles.get(c.doc as usize) else {
        return BTreeSet::new();
    };
    toks(c.sentence.of(&a.doc.text), c.sentence.start as usize)
        .into_iter()
        .filter(|x| x.word)
        .skip(1)
        .filter(|x| {
            x.text.starts_with(char::is_uppercase)
                && x.text.chars().count() > 1
                && !is_stop(&x.lower)
                && month(x).is_none()
        })
        .map(|x| x.lower)
        .collect()
}

fn context(articles: &[Article], c: &Claim) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    let Some(a) = articles.get(c.doc as usize) else {
        return out;
    };
    let t: Vec<Tok> = toks(c.sentence.of(&a.doc.text), c.sentence.start as usize)
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

/// Document frequency of every stem of the articles' bodies.
/// In how many articles each context word (stem, or event name) occurs: the rarity weights of
/// alignment. Computing it reads the whole corpus, so callers that align often compute it once.
pub fn document_frequency(articles: &[Article]) -> BTreeMap<String, u32> {
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for a in articles {
        let mut seen = BTreeSet::new();
        for p in &a.doc.paragraphs {
            for x in toks(p.span.of(&a.doc.text), 0) {
                if x.word {
                    seen.insert(match event_of(&x.lower) {
                        Some(e) => e.to_string(),
                        None => stem(&x.lower),
                    });
                }
            }
        }
        for s in seen {
            *df.entry(s).or_default() += 1;
        }
    }
    df
}

/// Counted things too common to identify a fact by themselves: people, and spans of time.
const GENERIC: [&str; 9] = [
    "person", "", "day", "week", "month", "year", "hour", "minute", "time",
];

/// How likely two claims are about the same thing; `None` when they cannot be.
fn link(
    a: &Claim,
    b: &Claim,
    ca: &BTreeMap<String, f64>,
    cb: &BTreeMap<String, f64>,
    named_alike: bool,
    idf: &dyn Fn(&str) -> f64,
) -> Option<f64> {
    if a.doc == b.doc || a.measure != b.measure || a.counts != b.counts {
        return None;
    }
    if a.event.is_some() && b.event.is_some() && a.event != b.event {
        return None;
    }
    let same_event = a.event.is_some() && a.event == b.event;
    // Cosine of the two contexts, words weighted by rarity and nearness.
    let norm = |c: &BTreeMap<String, f64>| c.iter().map(|(w, p)| idf(w) * p * p).sum::<f64>().sqrt();
    let shared: f64 = ca
        .iter()
        .filter_map(|(w, pa)| cb.get(w).map(|pb| idf(w) * pa * pb))
        .sum();
    let (na, nb) = (norm(ca), norm(cb));
    let sim = if na > 0.0 && nb > 0.0 {
        shared / (na * nb)
    } else {
        0.0
    };
    // Claims that agree are linked on less evidence than claims that would differ: a
    // discrepancy is only worth reporting when the two claims are surely about one thing.
    let differ = a.low.max(b.low) > a.high.min(b.high);
    // Nor unless their sentences name something in common (`Interior Ministry`, `Belarusian`):
    // the same generic words (`killed civilians`) are also told of other events.
    if differ && !named_alike {
        return None;
    }
    // The same uncommon number (`6,700`) is itself evidence; two `2`s are not.
    let same_number = !differ && a.value == b.value && a.value >= 10.0 && a.measure == Measure::Count;
    let score = sim + if same_event { 0.3 } else { 0.0 } - if differ { 0.2 } else { 0.0 }
        + if same_number { 0.25 } else { 0.0 };
    let needed = match a.measure {
        // Differing ages of one person are far more often an age given to the wrong person.
        Measure::Age => return (!differ).then_some(1.0),
        Measure::Count if GENERIC.contains(&a.counts.as_str()) => {
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
    align_where(
        articles,
        claims,
        &document_frequency(articles),
        |_| true,
        |_, _| true,
    )
}

/// Facts told on both sides: every fact has a claim from a document of `side_a` and one from
/// `side_b`, and links only join a claim of one side with a claim of the other.
pub fn align_sides(
    articles: &[Article],
    claims: &[Claim],
    df: &BTreeMap<String, u32>,
    side_a: &[u32],
    side_b: &[u32],
) -> Vec<Fact> {
    let side = |d: u32| (side_a.contains(&d), side_b.contains(&d));
    let mut facts = align_where(
        articles,
        claims,
        df,
        |c| side_a.contains(&c.doc) || side_b.contains(&c.doc),
        |a, b| {
            let (a_in_a, a_in_b) = side(a.doc);
            let (b_in_a, b_in_b) = side(b.doc);
            (a_in_a && b_in_b) || (a_in_b && b_in_a)
        },
    );
    facts.retain(|f| {
        f.claims.iter().any(|&c| side_a.contains(&claims[c].doc))
            && f.claims.iter().any(|&c| side_b.contains(&claims[c].doc))
    });
    facts
}

/// Aligns the claims `keep` accepts, linking only pairs `allowed` accepts.
fn align_where(
    articles: &[Article],
    claims: &[Claim],
    df: &BTreeMap<String, u32>,
    keep: impl Fn(&Claim) -> bool,
    allowed: impl Fn(&Claim, &Claim) -> bool,
) -> Vec<Fact> {
    let n = articles.len().max(1) as f64;
    let idf = |w: &str| {
        let f = df.get(w).copied().unwrap_or(0) as f64;
        1.0 + ((n + 1.0) / (f + 1.0)).ln().max(0.0)
    };
    let (contexts, names): (Vec<BTreeMap<String, f64>>, Vec<BTreeSet<String>>) = claims
        .iter()
        .map(|c| {
            if keep(c) {
                (context(articles, c), names(articles, c))
            } else {
                Default::default()
            }
        })
        .unzip();
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
                let named_alike = !names[i].is_disjoint(&names[j]);
                let (a, b) = (&claims[i], &claims[j]);
                if let Some(s) = link(a, b, &contexts[i], &contexts[j], named_alike, &idf) {
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
            Fact {
                about: about(&group, &m.iter().map(|&c| &contexts[c]).collect::<Vec<_>>(), &idf),
                agree: agree(&group),
                claims: m,
            }
        })
        .collect();
    facts.sort_by_key(|f| f.claims.clone());
    facts
}

/// A few words for what a fact is about: what it counts, its event, and the rarest word its
/// claims share.
fn about(group: &[&Claim], contexts: &[&BTreeMap<String, f64>], idf: &dyn Fn(&str) -> f64) -> String {
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
    let mut shared: Vec<&String> = contexts[0]
        .keys()
        .filter(|w| contexts[1..].iter().all(|c| c.contains_key(*w)) && !words.contains(w))
        .collect();
    shared.sort_by(|a, b| idf(b).total_cmp(&idf(a)).then(a.cmp(b)));
    if let Some(w) = shared.first() {
        words.push(format!("({w})"));
    }
    words.join(" ")
}
