//! The words of a region as the entity extractor reads them (run-together words split, name
//! particles and abbreviations kept), and tests on single words: capitalised, acronym,
//! possessive.

use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;

use crate::model::Span;
use crate::text::data_lines;
use crate::text::split::{pieces, Piece};

/// Lower-case particles inside names (`Ursula von der Leyen`, `Mohammed bin Salman`).
pub(super) fn particles() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/name_particles.txt")).collect())
}

/// Whether `w` is a lower-case Arabic article joined to a name (`al-Assad`, `ez-Zor`).
fn particle_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(p, rest)| {
        articles().contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Arabic articles and name particles joined to a name by a hyphen (`al-Assad`, `bin-Laden`).
fn articles() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/name_articles.txt")).collect())
}

/// Words and marks of a region with their byte offsets: the splitter's pieces
/// ([`pieces`]), each word cut where names part ([`cut_word`]).
pub(super) fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for p in pieces(text) {
        if p.word {
            cut_word(text, p, &mut out);
        } else {
            out.push((p.start, p.of(text)));
        }
    }
    out
}

/// Pushes the parts of the splitter's word `w` that names are made of, with the marks between
/// them. A hyphen stays inside a name part only between capitals or digits (`Al-Sisi`,
/// `F-16`), after an Arabic article (`al-Assad`) or in a short Korean name part (`Ki-moon`):
/// before a lower-case part (`US-led`, `ex-Soviet`) it parts words. A digit separator parts
/// words (`6,700`), and so does a lower-case letter before two capitals, where words ran
/// together (`OdinokovFILE`).
fn cut_word<'t>(text: &'t str, w: Piece, out: &mut Vec<(usize, &'t str)>) {
    let chars: Vec<(usize, char)> = w.of(text).char_indices().map(|(i, c)| (w.start + i, c)).collect();
    let mut start = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if c.is_alphanumeric() || is_combining_mark(c) {
            start.get_or_insert(i);
            let run_together = c.is_lowercase()
                && next.is_some_and(char::is_uppercase)
                && chars.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase());
            if run_together {
                let s = start.take().unwrap_or(i);
                out.push((s, &text[s..i + c.len_utf8()]));
            }
            continue;
        }
        let inner = start.is_some_and(|s| match c {
            '\'' | '\u{2019}' => true,
            '-' | '\u{2010}' | '\u{2011}' => {
                let so_far = &text[s..i];
                let first = so_far.chars().next();
                let upper_join = first.is_some_and(|f| f.is_uppercase() || f.is_ascii_digit())
                    && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
                let article = next.is_some_and(char::is_uppercase) && articles().contains(&so_far);
                upper_join || article || short_name_part(so_far, &text[i + c.len_utf8()..])
            }
            _ => false,
        });
        if inner {
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
        out.push((i, &text[i..i + c.len_utf8()]));
    }
    if let Some(s) = start {
        out.push((s, &text[s..w.end]));
    }
}

/// `Ki` + `-moon`: a capitalised part of at most three letters, then a lower-case one of at most
/// four that is not a participle (`US-led`).
fn short_name_part(before: &str, after: &str) -> bool {
    let part: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut b = before.chars();
    b.next().is_some_and(char::is_uppercase)
        && b.clone().all(char::is_lowercase)
        && (2..=3).contains(&before.chars().count())
        && (2..=4).contains(&part.trim_end_matches('s').chars().count())
        && part.chars().all(char::is_lowercase)
        && !part.ends_with("ed")
}

/// Whether most words of a line start with a capital, as in a title-case headline.
pub(super) fn title_case_line(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
    ws.len() >= 3 && ws.iter().filter(|w| is_cap(w)).count() * 10 >= ws.len() * 7
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || particle_name(w)
}

pub(super) fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The word without a possessive ending, and whether it had one.
pub(super) fn strip_possessive(w: &str) -> (&str, bool) {
    match w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
        Some(s) => (s, true),
        None => (w, false),
    }
}

/// Title case for an all-capitals word (`MOSCOW` → `Moscow`).
pub(super) fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect())
        .unwrap_or_default()
}

/// A word of a capitalised run: its byte offset in the document and its text.
pub(super) type Word<'t> = (usize, &'t str);

/// Abbreviated titles written with a full stop (`Maj. Gen. Igor Konashenkov`).
pub(super) fn abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Maj"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "Sen"
            | "Rep"
            | "Gov"
            | "St"
    )
}

pub(super) fn join_words(run: &[(usize, impl AsRef<str>)]) -> String {
    run.iter().map(|(_, w)| w.as_ref()).collect::<Vec<_>>().join(" ")
}

/// The byte range from the first word of `run` to the end of its last.
pub(super) fn run_span(run: &[(usize, impl AsRef<str>)]) -> Span {
    match (run.first(), run.last()) {
        (Some(f), Some(l)) => Span::new(f.0, l.0 + l.1.as_ref().len()),
        _ => Span::default(),
    }
}
