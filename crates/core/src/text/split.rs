//! The one word splitter. Every stage reads words through [`pieces`]: the search tokenizer
//! (the `tokenize` module, beside this one) folds and stems them, the facts extractor reads numbers and marks
//! from them, the entity extractor cuts them further where names part (`US-led`), and the
//! speaker finder and the date reader group them by the spaces between them ([`spaced`]).
//!
//! A **word** is a run of letters and digits (with the combining marks that follow a letter),
//! joined by an apostrophe or hyphen between two of them (`don't`, `Russia-led`) and by `,` or
//! `.` between two digits (`6,700`, `80.1`). Every other character that is not a space is a
//! **mark** of its own.

use unicode_normalization::char::is_combining_mark;

/// A word or a single mark of a text, as a byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// A word, not a mark.
    pub word: bool,
}

impl Piece {
    /// The piece's text in `text`, the string it was cut from.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Whether `c` joins the letters or digits on either side of it into one word (`prev_digit`
/// and `next`: the characters around it).
fn joins(c: char, prev_digit: bool, next: Option<char>) -> bool {
    match c {
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(starts_word),
        ',' | '.' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    }
}

/// Whether a word can start at `c`: a letter or digit, but not a combining mark (some marks
/// count as letters, e.g. U+2DFF); a mark only continues a word.
fn starts_word(c: char) -> bool {
    c.is_alphanumeric() && !is_combining_mark(c)
}

/// The words and marks of `text`, in order; spaces are left out.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_alnum = false;
    let mut prev_digit = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if starts_word(c) || (start.is_some() && (c.is_alphanumeric() || is_combining_mark(c))) {
            start.get_or_insert(i);
            prev_alnum = true;
            prev_digit = c.is_ascii_digit();
            continue;
        }
        if prev_alnum && joins(c, prev_digit, chars.peek().map(|&(_, n)| n)) {
            prev_alnum = false;
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Piece {
                start: s,
                end: i,
                word: true,
            });
        }
        prev_alnum = false;
        prev_digit = false;
        if !c.is_whitespace() {
            out.push(Piece {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
        }
    }
    if let Some(s) = start {
        out.push(Piece {
            start: s,
            end: text.len(),
            word: true,
        });
    }
    out
}

/// The pieces of `text` grouped by the spaces between them: one slice per whitespace-separated
/// stretch (`U.S.`, `2020/21`, `"Roettgen,"`), for readers that take a written abbreviation or
/// a word with its punctuation as one unit.
pub fn spaced(pieces: &[Piece]) -> impl Iterator<Item = &[Piece]> {
    pieces.chunk_by(|a, b| a.end == b.start)
}

/// Counts the words of `text` (see [`pieces`]).
pub fn count_words(text: &str) -> usize {
    pieces(text).iter().filter(|p| p.word).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(&str, bool)> {
        pieces(text).iter().map(|p| (p.of(text), p.word)).collect()
    }

    #[test]
    fn words_join_at_apostrophes_hyphens_and_digit_separators() {
        assert_eq!(
            split("Belarus' don't Russia-led 6,700 80.1. U.S."),
            [
                ("Belarus", true),
                ("'", false),
                ("don't", true),
                ("Russia-led", true),
                ("6,700", true),
                ("80.1", true),
                (".", false),
                ("U", true),
                (".", false),
                ("S", true),
                (".", false),
            ]
        );
        assert_eq!(
            split("a--b 1,,2 café"),
            [
                ("a", true),
                ("-", false),
                ("-", false),
                ("b", true),
                ("1", true),
                (",", false),
                (",", false),
                ("2", true),
                ("caf\u{e9}", true),
            ]
        );
        assert_eq!(split("e\u{301}te"), [("e\u{301}te", true)]);
        // A combining mark (even one that counts as a letter) continues a word, never starts
        // one, so a hyphen before it does not join.
        assert_eq!(
            split("1-\u{2DFF}-d"),
            [
                ("1", true),
                ("-", false),
                ("\u{2DFF}", false),
                ("-", false),
                ("d", true)
            ]
        );
    }

    #[test]
    fn spaced_groups_follow_the_spaces() {
        let text = "said \"U.S. 2020/21,\" ok";
        let ps = pieces(text);
        let groups: Vec<String> = spaced(&ps)
            .map(|g| text[g[0].start..g[g.len() - 1].end].to_string())
            .collect();
        assert_eq!(groups, ["said", "\"U.S.", "2020/21,\"", "ok"]);
    }

    #[test]
    fn counts_words() {
        assert_eq!(count_words("Belarus' people’s re-election, 6,700 — ok"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn messy_text_never_panics_and_pieces_slice() {
        for text in [
            "",
            "-",
            "'",
            "\u{301}a",
            "x\u{2019}",
            "🙂🙂",
            "1,,2..3",
            "שלום עולם",
        ] {
            for p in pieces(text) {
                assert!(text.get(p.start..p.end).is_some(), "{text:?}");
            }
        }
    }
}
