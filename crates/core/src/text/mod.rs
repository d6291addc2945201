//! Text utilities every stage shares: the word splitter ([`split`]), the search tokenizer's
//! folding and stemming on top of it ([`tokenize`]), typographic normalisation, dates written
//! in words, counting words, which words end a noun phrase, cutting a range at nested marks,
//! and edit distances ([`distance`]).

pub mod distance;
pub mod split;
pub mod tokenize;

use crate::model::{Date, Document, Span, MONTHS};
use split::{count_words, pieces, spaced};

/// Cuts `range` at every boundary of `marks` (tagged spans that may nest or overlap) that falls
/// inside it: the pieces in order, each with the tags of the marks covering it, in the order
/// of `marks`. Empty pieces are left out.
pub fn split_at_marks<T: Copy>(range: Span, marks: &[(Span, T)]) -> Vec<(Span, Vec<T>)> {
    let mut cuts = vec![range.start, range.end];
    for (m, _) in marks {
        cuts.extend(
            [m.start, m.end]
                .into_iter()
                .filter(|&c| range.start < c && c < range.end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = Span {
                start: w[0],
                end: w[1],
            };
            let tags = marks
                .iter()
                .filter(|(m, _)| m.start <= piece.start && piece.end <= m.end && !m.is_empty())
                .map(|&(_, t)| t)
                .collect();
            (piece, tags)
        })
        .collect()
}

/// Normalises text for matching, never for display: Unicode NFKC, typographic apostrophes and
/// quotation marks to ASCII (`’` → `'`, `“ ”` → `"`), dashes to `-`, and runs of whitespace to
/// one space. Letter case is kept; callers fold it when they need to.
pub fn normalize_for_matching(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkc() {
        let c = ascii_punctuation(c);
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Maps typographic quotes, apostrophes and dashes to their ASCII forms; other characters are
/// returned unchanged.
pub fn ascii_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// The month number (1–12) of an English month name or its common abbreviation
/// (`Sept`, `Aug.`), ignoring case.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == w || (w.len() <= 4 && m.starts_with(&w))
        })
        .map(|i| i as u32 + 1)
}

/// Finds a date written in words at the start of `s`: `19th September, 2020`,
/// `September 19, 2020`, `Aug 18 2020`, `August 12 2016`. Returns the date and the byte length
/// consumed.
pub fn parse_written_date(s: &str) -> Option<(Date, usize)> {
    let pieces = pieces(s);
    let words: Vec<(usize, &str)> = spaced(&pieces)
        .take(4)
        .map(|g| (g[0].start, &s[g[0].start..g[g.len() - 1].end]))
        .collect();
    let clean = |w: &str| w.trim_end_matches([',', '.', ')']).to_string();
    let day_of = |w: &str| -> Option<u32> {
        let w = clean(w);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let suffix_ok = matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        );
        (suffix_ok && !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())?
    };
    let year_of = |w: &str| -> Option<u32> {
        let w = clean(w);
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())?
    };
    if words.len() < 3 {
        return None;
    }
    let (w0, w1, w2) = (words[0].1, words[1].1, words[2].1);
    let end = words[2].0 + w2.trim_end_matches([',', '.', ')']).len();
    if let (Some(day), Some(month), Some(year)) = (day_of(w0), month_number(&clean(w1)), year_of(w2)) {
        return Date::new(year, month, day).map(|d| (d, end));
    }
    if let (Some(month), Some(day), Some(year)) = (month_number(&clean(w0)), day_of(w1), year_of(w2)) {
        return Date::new(year, month, day).map(|d| (d, end));
    }
    None
}

impl Document {
    /// Number of words in the body paragraphs (see [`split::pieces`]).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| count_words(p.span.of(&self.text)))
            .sum()
    }
}

/// Whether a lower-case word is no noun: a function word or a common verb or adverb
/// (`data/not_nouns.txt`).
pub fn not_a_noun(w: &str) -> bool {
    static NOT_NOUNS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    NOT_NOUNS
        .get_or_init(|| data_lines(include_str!("../../data/not_nouns.txt")).collect())
        .contains(w)
}

/// Whether a lower-case word ends the noun phrase before it: no noun ([`not_a_noun`]), or an
/// adverb in `-ly`. Counted things (`12 people were`) and the nouns a name qualifies (`a
/// Kremlin source`) stop there.
pub fn ends_a_noun_phrase(w: &str) -> bool {
    not_a_noun(w) || w.ends_with("ly") && w.len() > 4
}

/// The lines of a word list in `crates/core/data/` that hold entries: trimmed, without empty
/// lines and `#` comments.
pub fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cut_a_range_into_tagged_pieces() {
        let text = "Lavrov said: \"Minsk must decide.\" Then";
        let sp = |a: &str| {
            let at = text.find(a).unwrap();
            Span::new(at, at + a.len())
        };
        let marks = [
            (sp("Lavrov"), 'p'),
            (sp("Minsk must decide."), 'q'),
            (sp("Minsk"), 'l'),
            (Span::new(100, 120), 'x'),
        ];
        let pieces: Vec<(&str, Vec<char>)> =
            split_at_marks(sp("Lavrov said: \"Minsk must decide.\""), &marks)
                .into_iter()
                .map(|(s, t)| (s.of(text), t))
                .collect();
        assert_eq!(
            pieces,
            [
                ("Lavrov", vec!['p']),
                (" said: \"", vec![]),
                ("Minsk", vec!['q', 'l']),
                (" must decide.", vec!['q']),
                ("\"", vec![]),
            ]
        );
        assert_eq!(split_at_marks::<char>(Span::new(3, 3), &[]), []);
    }

    #[test]
    fn normalises_typography_for_matching_only() {
        assert_eq!(
            normalize_for_matching("Russia\u{2019}s  \u{201C}help\u{201D}"),
            "Russia's \"help\""
        );
        assert_eq!(normalize_for_matching("ﬁle\u{00A0}–\tx"), "file - x");
        assert_eq!(normalize_for_matching("  Лукашенко  "), "Лукашенко");
    }

    #[test]
    fn parses_dates_in_words_and_iso() {
        let check = |s: &str, want: Option<&str>| {
            assert_eq!(
                parse_written_date(s).map(|(d, _)| d.to_string()).as_deref(),
                want,
                "{s}"
            );
        };
        check("19th September, 2020) Third", Some("2020-09-19"));
        check("September 19, 2020", Some("2020-09-19"));
        check("Aug 18 2020 -", Some("2020-08-18"));
        check("August 12 2016 Terrorists", Some("2016-08-12"));
        check("1st Feb. 2021", Some("2021-02-01"));
        check("32nd May, 2020", None);
        check("the 19th of", None);
        assert_eq!(Date::parse_iso("2020-09-19").unwrap().to_string(), "2020-09-19");
        assert_eq!(Date::parse_iso("2020-13-19"), None);
        assert_eq!(Date::parse_iso("2020-9-19"), None);
        assert_eq!(Date::parse_iso("２０２０-09-19"), None);
    }

    #[test]
    fn data_lines_leave_out_empty_lines_and_comments() {
        let lines: Vec<&str> = data_lines("# a comment\nfirst\n\n  second|2 \n").collect();
        assert_eq!(lines, ["first", "second|2"]);
    }
}
