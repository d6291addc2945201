//! An article of a corpus (a document with what metadata adds) and its outlet.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Date, Document};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    /// Stable key: the metadata key, or a slug of the name the text gives.
    pub key: String,
    pub name: String,
    pub affiliation: Option<String>,
}

impl Outlet {
    /// How many colours outlets are drawn in.
    pub const COLOURS: u32 = 8;

    /// The outlet's colour, `0..COLOURS`, from its key alone: the same outlet keeps its colour
    /// whatever other outlets a corpus has, in whatever order, and when articles are added.
    pub fn colour(&self) -> u32 {
        let hash = self
            .key
            .bytes()
            .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
        hash % Self::COLOURS
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub document: Document,
    /// Index into the corpus's outlets; `None` when neither text nor metadata says.
    pub outlet: Option<u32>,
    /// Metadata's date, else the date the text states; `None` when unknown.
    pub published: Option<Date>,
    pub url: Option<String>,
    /// A title given by metadata, which wins over the headline found in the text.
    pub title_override: Option<String>,
}

impl Article {
    /// The file name without its extension: the article's id in URLs.
    pub fn id(&self) -> &str {
        let f = self.document.file.as_str();
        f.rsplit_once('.').map_or(f, |(stem, _)| stem)
    }

    /// The headline: metadata's, else the text's.
    pub fn title(&self) -> Option<&str> {
        self.title_override.as_deref().or(self.document.title_text())
    }

    /// The headline; when there is none, a stand-in: the start of the body's first sentence
    /// (at most twelve words, cut at a word and ended with "…"), else the file name.
    /// Pages mark a stand-in as such ([`Article::title`] is `None`).
    pub fn display_title(&self) -> Cow<'_, str> {
        match self.title() {
            Some(title) => Cow::Borrowed(title),
            None => self
                .document
                .first_sentence()
                .map_or(Cow::Borrowed(self.document.file.as_str()), |s| {
                    first_words(s, STAND_IN_WORDS)
                }),
        }
    }
}

/// The most words of a first sentence that stand in for a missing headline.
const STAND_IN_WORDS: usize = 12;

/// `sentence` cut after `max` words, without the punctuation the cut leaves hanging, and ended
/// with "…"; whole (trimmed) when short enough.
pub fn first_words(sentence: &str, max: usize) -> Cow<'_, str> {
    let sentence = sentence.trim();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in sentence.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > max {
                let kept = sentence[..i]
                    .trim_end()
                    .trim_end_matches([',', ';', ':', '-', '\u{2013}', '\u{2014}']);
                return Cow::Owned(format!("{}\u{2026}", kept.trim_end()));
            }
        }
    }
    Cow::Borrowed(sentence)
}

/// A file read from a corpus folder.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

#[cfg(test)]
mod tests {
    use super::{first_words, STAND_IN_WORDS};

    fn stand_in(s: &str) -> std::borrow::Cow<'_, str> {
        first_words(s, STAND_IN_WORDS)
    }

    #[test]
    fn a_long_first_sentence_is_cut_at_a_word_and_says_so() {
        let s = "Belarusian opposition leader Svetlana Tsikhanouskaya, who left for Lithuania, said on Monday that she was ready to lead.";
        assert_eq!(
            stand_in(s),
            "Belarusian opposition leader Svetlana Tsikhanouskaya, who left for Lithuania, said on Monday\u{2026}"
        );
        assert_eq!(
            stand_in("One two three four five six seven eight nine ten eleven twelve, — thirteen"),
            "One two three four five six seven eight nine ten eleven twelve\u{2026}",
            "no comma or dash left hanging"
        );
    }

    #[test]
    fn a_short_sentence_stands_whole() {
        assert_eq!(stand_in("  Minsk protests go on.  "), "Minsk protests go on.");
        assert_eq!(stand_in("Ёлка — «новогодняя» ёлка."), "Ёлка — «новогодняя» ёлка.");
    }
}
