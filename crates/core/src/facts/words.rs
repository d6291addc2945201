//! The words of a sentence as the facts extractor reads them ([`toks`]), and the function
//! words it passes over (`data/fact_stopwords.txt`).
//!
//! `toks` reads the words of the one splitter (`crate::text::split`) as the search tokenizer
//! does, folded alike, but keeps punctuation marks as tokens of their own (qualifiers, clock
//! times and `Navalny, 44,` are read from them), keeps a hyphenated word whole only
//! (`twenty-five`, `66-year-old`; the search tokenizer also yields its parts), gives byte
//! offsets in the document rather than positions, and does not stem.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::data_lines;
use crate::text::split::pieces;
use crate::text::tokenize::fold;

/// A word or punctuation mark of a sentence.
#[derive(Clone, Debug)]
pub(super) struct Tok<'t> {
    /// Byte offsets in the document.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'t str,
    /// Folded (lower case, no diacritics) for a word; as written for a mark.
    pub(super) lower: String,
    /// A word, not a punctuation mark.
    pub(super) word: bool,
}

/// The words and marks of `text` ([`pieces`]), with byte offsets in the document (`text`
/// starts at `base`).
pub(super) fn toks(text: &str, base: usize) -> Vec<Tok<'_>> {
    pieces(text)
        .into_iter()
        .map(|p| {
            let t = p.of(text);
            Tok {
                start: base + p.start,
                end: base + p.end,
                text: t,
                lower: if p.word { fold(t) } else { t.to_string() },
                word: p.word,
            }
        })
        .collect()
}

/// Whether `w` (folded) is a function word: not a proper name, not a context word, and not
/// part of a name before a number.
pub(super) fn is_stop(w: &str) -> bool {
    static STOP: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STOP.get_or_init(|| data_lines(include_str!("../../data/fact_stopwords.txt")).collect())
        .contains(w)
}
