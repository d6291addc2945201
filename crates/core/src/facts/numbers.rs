//! Reading numbers: digits, number words, vague amounts, dates, years and ages, with the
//! qualifier before them and the range of values their words allow. The word lists are in
//! `data/` (`number_words.txt`, `months.txt`, `count_units.txt`, `qualifiers.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::words::{is_stop, Tok};
use super::Measure;
use crate::text::data_lines;

/// The number words of `data/`, parsed once.
struct Lists {
    /// `zero` to `nineteen`, and `twenty` to `ninety`, with their values.
    small: HashMap<&'static str, f64>,
    tens: HashMap<&'static str, f64>,
    /// `second` → 2…
    ordinals: HashMap<&'static str, f64>,
    /// `hundred` → 100…
    scales: HashMap<&'static str, f64>,
    /// Month names in calendar order.
    months: Vec<&'static str>,
    /// Units joined to a number by a hyphen (`15-minute`).
    units: HashSet<&'static str>,
    /// Qualifier phrases, split into words, in the order they are tried.
    qualifiers: Vec<(Vec<&'static str>, Bound)>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            small: HashMap::new(),
            tens: HashMap::new(),
            ordinals: HashMap::new(),
            scales: HashMap::new(),
            months: data_lines(include_str!("../../data/months.txt")).collect(),
            units: data_lines(include_str!("../../data/count_units.txt")).collect(),
            qualifiers: Vec::new(),
        };
        for line in data_lines(include_str!("../../data/number_words.txt")) {
            let [word, value, kind] = line.split('|').collect::<Vec<_>>()[..] else {
                panic!("data/number_words.txt: not `word|value|kind`: {line}");
            };
            let value: f64 = value
                .parse()
                .unwrap_or_else(|_| panic!("data/number_words.txt: not a number: {line}"));
            let list = match kind {
                "small" => &mut lists.small,
                "tens" => &mut lists.tens,
                "ordinal" => &mut lists.ordinals,
                "scale" => &mut lists.scales,
                _ => panic!("data/number_words.txt: unknown kind: {line}"),
            };
            list.insert(word, value);
        }
        for line in data_lines(include_str!("../../data/qualifiers.txt")) {
            let Some((phrase, bound)) = line.split_once('|') else {
                panic!("data/qualifiers.txt: not `phrase|bound`: {line}");
            };
            let bound = match bound {
                "above" => Bound::Above,
                "at least" => Bound::AtLeast,
                "below" => Bound::Below,
                "up to" => Bound::UpTo,
                "nearly" => Bound::Nearly,
                "about" => Bound::About,
                _ => panic!("data/qualifiers.txt: unknown bound: {line}"),
            };
            lists.qualifiers.push((phrase.split(' ').collect(), bound));
        }
        lists
    })
}

/// The month a capitalised word names (`August`, `Aug`, `Sept`).
pub(super) fn month(t: &Tok) -> Option<u32> {
    if !t.word || !t.text.starts_with(|c: char| c.is_uppercase()) || t.lower.len() < 3 {
        return None;
    }
    let w = t.lower.as_str();
    lists()
        .months
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && w != "mar" && w != "may"))
        .or_else(|| (w == "may").then_some(4))
        .map(|i| i as u32 + 1)
}

/// `hundred`, `million`… → the factor.
fn scale(w: &str) -> Option<f64> {
    lists().scales.get(w).copied()
}

/// `twenty-five`, `seven`, `forty` → value.
fn cardinal_word(w: &str) -> Option<f64> {
    let lists = lists();
    if let Some(&v) = lists.small.get(w).or_else(|| lists.tens.get(w)) {
        return Some(v);
    }
    let (t, u) = w.split_once('-')?;
    let t = lists.tens.get(t)?;
    let u = lists.small.get(u).filter(|&&u| (1.0..10.0).contains(&u))?;
    Some(t + u)
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
pub(super) struct Num {
    /// The number's first and last tokens.
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: f64,
    /// `Some((low, high))` for vague amounts; exact numbers get their range from rounding.
    pub(super) vague: Option<(f64, f64)>,
    decimals: u32,
    pub(super) measure: Measure,
    /// What the number counts when its own words say (`26-year` → `year`).
    pub(super) unit: Option<String>,
}

/// The number that starts at token `i`, if one does.
pub(super) fn num_at(t: &[Tok], i: usize) -> Option<Num> {
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
            let unit = lists().units.get(rest)?;
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
    if let Some(&k) = lists().ordinals.get(lw) {
        return Some(exact(i, k, Measure::Ordinal));
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

/// How a qualifier bounds its number (`data/qualifiers.txt`).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Bound {
    Above,
    AtLeast,
    Below,
    UpTo,
    Nearly,
    About,
}

/// The qualifier written just before token `first`: its first token and kind.
pub(super) fn qualifier(t: &[Tok], first: usize) -> Option<(usize, Bound)> {
    for (words, bound) in &lists().qualifiers {
        if words.len() > first {
            continue;
        }
        let at = first - words.len();
        if words.iter().enumerate().all(|(k, w)| t[at + k].lower == *w) {
            return Some((at, *bound));
        }
    }
    None
}

/// The range of values a number with its qualifier allows.
pub(super) fn range(n: &Num, bound: Option<Bound>) -> (f64, f64) {
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

/// Whether `w` is a number word (`seven`, `twenty-five`, `hundred`).
pub(super) fn num_word(w: &str) -> bool {
    cardinal_word(w).is_some() || scale(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::words::toks;

    #[test]
    fn number_words_read_from_the_word_list() {
        assert_eq!(cardinal_word("seven"), Some(7.0));
        assert_eq!(cardinal_word("forty"), Some(40.0));
        assert_eq!(cardinal_word("twenty-five"), Some(25.0));
        assert_eq!(cardinal_word("twenty-zero"), None);
        assert_eq!(cardinal_word("five-twenty"), None);
        assert_eq!(cardinal_word("hundred"), None);
        assert_eq!(scale("million"), Some(1e6));
        assert_eq!(scale("trillion"), Some(1e12));
        assert!(num_word("hundred") && num_word("nineteen") && !num_word("first"));
        assert_eq!(lists().ordinals.get("sixth"), Some(&6.0));
        assert_eq!(lists().ordinals.get("first"), None);
    }

    #[test]
    fn months_are_whole_names_or_beginnings() {
        assert_eq!(lists().months.len(), 12);
        let month_of = |w: &str| month(&toks(w, 0)[0]);
        assert_eq!(month_of("August"), Some(8));
        assert_eq!(month_of("Sept"), Some(9));
        assert_eq!(month_of("May"), Some(5));
        assert_eq!(month_of("Mar"), None);
        assert_eq!(month_of("august"), None);
    }

    #[test]
    fn qualifiers_are_tried_in_the_order_of_the_list() {
        assert_eq!(lists().qualifiers.len(), 26);
        let t = toks("just under 100 and no fewer than 100", 0);
        // `under` comes before `just under` in the list, so it wins.
        assert!(matches!(qualifier(&t, 2), Some((1, Bound::Below))));
        assert!(matches!(qualifier(&t, 7), Some((4, Bound::AtLeast))));
        assert!(qualifier(&t, 0).is_none());
    }
}
