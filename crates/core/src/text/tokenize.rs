//! The text-analysis pipeline shared by indexing and querying, so that a query word and a
//! document word meet in the same form.
//!
//! For each word it gives the **exact form** (case and diacritics folded, typographic
//! apostrophes normalised, possessive `'s` dropped: `Russia’s` → `russia`, `Café` → `cafe`)
//! and the **stem** (English Snowball: `protests` → `protest`). Hyphenated words
//! (`Russia-led`, `covid-19`) yield their parts at consecutive positions *and* the whole compound
//! at the first part's position, so both `led` and `Russia-led` find them; a word of two
//! hyphenated parts, letters only, also yields its joined form there (`e-mail` → `email`,
//! `co-operation` → `cooperation`), so either spelling finds the other. Numbers keep decimal
//! points and drop thousands separators (`6,700` → `6700`, `80.1` → `80.1`).

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::split::pieces;

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the analysed text.
    pub start: usize,
    pub end: usize,
    /// Position for phrase matching; a compound shares its first part's position.
    pub position: u32,
    /// Folded exact form.
    pub exact: String,
    /// Stem of the exact form (equal to it for numbers and hyphenated wholes; a joined form is
    /// stemmed: `cooperation` → `cooper`).
    pub stem: String,
    /// Whether this is the whole of a hyphenated compound or its joined form (its parts are
    /// tokens too, and only they count as words of the text).
    pub compound: bool,
}

/// Splits `text` into tokens, numbering positions from `first_position`. Returns the tokens and
/// the next free position.
pub fn tokenize(text: &str, first_position: u32) -> (Vec<Token>, u32) {
    let mut tokens = Vec::new();
    let mut position = first_position;
    for (start, end) in words(text) {
        let word = &text[start..end];
        let parts = split_compound(word);
        if parts.len() > 1 {
            let whole = fold(word);
            let joined = joined(&whole);
            if !whole.is_empty() {
                tokens.push(Token {
                    start,
                    end,
                    position,
                    stem: whole.clone(),
                    exact: whole,
                    compound: true,
                });
            }
            if let Some(joined) = joined {
                tokens.push(Token {
                    start,
                    end,
                    position,
                    stem: stem(&joined),
                    exact: joined,
                    compound: true,
                });
            }
        }
        for (ps, pe) in parts {
            let exact = fold(&word[ps..pe]);
            if exact.is_empty() {
                continue;
            }
            tokens.push(Token {
                start: start + ps,
                end: start + pe,
                position,
                stem: stem(&exact),
                exact,
                compound: false,
            });
            position += 1;
        }
    }
    (tokens, position)
}

/// The joined form of a folded compound of two parts, letters only (`e-mail` → `email`).
pub fn joined(whole: &str) -> Option<String> {
    let parts = whole.split('-').filter(|p| !p.is_empty()).count();
    (parts == 2 && whole.chars().all(|c| c == '-' || c.is_alphabetic())).then(|| whole.replace('-', ""))
}

/// The folded exact form of one word: lower case, no diacritics, ASCII apostrophes, no
/// possessive, no thousands separators. Folding a folded word changes nothing.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        // Each letter's compatibility parts, less accents and less the marks a decomposition
        // brings in (`ŀ` is `l·`, `½` is `1⁄2`): those would split the word when written again.
        let parts = word.chars().flat_map(|c| {
            std::iter::once(c)
                .nfkd()
                .filter(move |&d| !is_combining_mark(d) && (d == c || d.is_alphanumeric()))
        });
        for c in parts {
            let c = match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                c => c,
            };
            // A word never starts with a mark, nor has two in a row, unless a letter decomposed
            // into one (`ŉ` is `ʼn`, so `un'ŉ` would be `un''n`).
            let mark = matches!(c, '\'' | '-');
            if !(mark && (out.is_empty() || out.ends_with(['\'', '-']))) {
                out.extend(c.to_lowercase());
            }
        }
        // Nor does it end with a hyphen, unless an accent stood beyond it (`0-` and a mark).
        while out.ends_with('-') {
            out.pop();
        }
    }
    while let Some(base) = out.strip_suffix("'s").or_else(|| out.strip_suffix('\'')) {
        let n = base.len();
        out.truncate(n);
    }
    if out.bytes().next().is_some_and(|b| b.is_ascii_digit()) && out.contains(',') {
        out.retain(|c| c != ',');
    }
    out
}

/// The English Snowball stem of a folded word; numbers and words with digits are kept whole.
pub fn stem(exact: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if exact.bytes().any(|b| b.is_ascii_digit()) || exact.contains('-') {
        return exact.to_string();
    }
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(exact)
        .into_owned()
}

/// Byte ranges of the words of `text` ([`pieces`]), each with a trailing possessive
/// apostrophe (`Belarus'`).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = pieces(text)
        .into_iter()
        .filter(|p| p.word)
        .map(|p| (p.start, p.end))
        .collect();
    // A trailing possessive apostrophe (`Belarus'`) belongs to the word.
    for w in &mut out {
        let rest = &text[w.1..];
        if rest.starts_with(['\'', '\u{2019}'])
            && rest[rest.chars().next().map_or(0, char::len_utf8)..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            && text[w.0..w.1].ends_with(['s', 'S'])
        {
            w.1 += rest.chars().next().map_or(0, char::len_utf8);
        }
    }
    out
}

/// The parts of a hyphenated word, as byte ranges within it; one part for plain words.
fn split_compound(word: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
            parts.push((start, i));
            start = i + c.len_utf8();
        }
    }
    parts.push((start, word.len()));
    parts.retain(|(s, e)| e > s);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_idempotent_and_brings_in_no_marks() {
        for (word, folded) in [
            ("Café", "cafe"),
            ("O\u{2019}Brien", "o'brien"),
            ("\u{0140}a", "la"),
            ("\u{0149}", "n"),
            ("\u{00BD}", "12"),
            ("\u{FB01}nal", "final"),
            ("os's'", "os"),
            ("0-\u{2DFF}", "0"),
            ("un'\u{0149}", "un'n"),
        ] {
            assert_eq!(fold(word), folded, "{word}");
            assert_eq!(fold(&fold(word)), folded, "{word} folded twice");
        }
    }

    fn exact(text: &str) -> Vec<String> {
        tokenize(text, 0).0.into_iter().map(|t| t.exact).collect()
    }

    #[test]
    fn folds_case_diacritics_apostrophes_and_possessives() {
        assert_eq!(
            exact("ZAKHAROVA Zakharova café Café"),
            ["zakharova", "zakharova", "cafe", "cafe"]
        );
        assert_eq!(
            exact("Russia\u{2019}s Russia's Belarus' don't"),
            ["russia", "russia", "belarus", "don't"]
        );
        assert_eq!(exact("Łukaszenka Лукашенко"), ["łukaszenka", "лукашенко"]);
    }

    #[test]
    fn compounds_give_the_whole_and_the_parts() {
        let (tokens, next) = tokenize("Russia-led re-election covid-19", 0);
        let got: Vec<(String, u32)> = tokens.iter().map(|t| (t.exact.clone(), t.position)).collect();
        let want = [
            ("russia-led", 0),
            ("russialed", 0),
            ("russia", 0),
            ("led", 1),
            ("re-election", 2),
            ("reelection", 2),
            ("re", 2),
            ("election", 3),
            ("covid-19", 4),
            ("covid", 4),
            ("19", 5),
        ];
        assert_eq!(got, want.map(|(s, p)| (s.to_string(), p)));
        assert_eq!(next, 6);
    }

    #[test]
    fn numbers_keep_decimals_and_drop_thousands_separators() {
        assert_eq!(
            exact("6,700 people, 80.1 percent. 2020."),
            ["6700", "people", "80.1", "percent", "2020"]
        );
    }

    #[test]
    fn stems_are_english_snowball() {
        let stems: Vec<String> = tokenize("protests protesters elections detained", 0)
            .0
            .into_iter()
            .map(|t| t.stem)
            .collect();
        assert_eq!(stems, ["protest", "protest", "elect", "detain"]);
    }

    #[test]
    fn messy_text_never_panics_and_spans_slice() {
        for text in [
            "",
            "-",
            "'",
            "--a--",
            "a''b",
            "🙂🙂",
            "\u{301}a",
            "x\u{2019}",
            "1,,2..3",
            "שלום עולם",
            "<script>",
        ] {
            for t in tokenize(text, 0).0 {
                assert!(text.get(t.start..t.end).is_some(), "{text:?}");
            }
        }
        assert_eq!(
            exact("<script>alert(1)</script>"),
            ["script", "alert", "1", "script"]
        );
    }
}
