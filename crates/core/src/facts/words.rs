//! The words of a sentence as the facts extractor reads them ([`toks`]), and the function
//! words it passes over (`data/fact_stopwords.txt`).
//!
//! `toks` is not the search tokenizer (`crate::text::tokenize::tokenize`), though both fold
//! words alike and join them at the same marks: `toks` keeps punctuation marks as tokens of
//! their own (qualifiers, clock times and `Navalny, 44,` are read from them), keeps a hyphenated
//! word whole only (`twenty-five`, `66-year-old`; the search tokenizer also yields its parts),
//! gives byte offsets in the document rather than positions, and neither stems nor joins a
//! combining mark to its word.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::data_lines;
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

/// Words (letters and digits, joined by `-` or `'` between two of them, and by `,`/`.` between
/// two digits) and single punctuation marks, with absolute byte offsets.
pub(super) fn toks(text: &str, base: usize) -> Vec<Tok<'_>> {
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

/// Whether `w` (folded) is a function word: not a proper name, not a context word, and not
/// part of a name before a number.
pub(super) fn is_stop(w: &str) -> bool {
    static STOP: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STOP.get_or_init(|| data_lines(include_str!("../../data/fact_stopwords.txt")).collect())
        .contains(w)
}
