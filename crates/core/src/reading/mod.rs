//! Articles a reader adds in the browser: files (plain text, HTML, Markdown) or pasted text turned
//! into clean article text, and the export/import file that carries them between browsers.
//!
//! Everything here is pure: bytes or strings in, values out. Nothing panics on any input, and
//! nothing is slower than linear in the input (apart from small bounded look-aheads).
//!
//! The steps for a file:
//!
//! 1. [`decode`]: bytes → text. Byte-order marks are honoured; valid UTF-8 is taken as is; other
//!    bytes are decoded as Windows-1251 (Cyrillic) or Windows-1252 (Latin-1), whichever reads
//!    more like words (the reader may override the guess). Empty, binary and oversized files are
//!    rejected with a [`Rejection`] whose message names no internals.
//! 2. By the file's kind: [`html_to_text`] (no DOM, no network: the article's paragraphs and its
//!    metadata), [`markdown_to_text`] (front matter, heading, markers dropped), or plain text.
//! 3. [`read_file`] wraps both and names the article ([`unique_name`] keeps names distinct,
//!    [`fingerprint`] finds the same article added twice).
//!
//! [`export`] and [`import`] define the file format:
//! `{"parallax": "added-articles", "version": 1, "articles": [...]}`.
//!
//! The files: `decoding` (bytes → text, and what is rejected), `html` and `markdown` (a format
//! → [`Extracted`]), `exchange` (the export file). This file holds what they share (the
//! extracted fields and their clean-up) and the added article itself: reading a file or pasted
//! text into an [`AddedArticle`], its name and its fingerprint.

mod decoding;
mod exchange;
mod html;
mod markdown;

pub use decoding::{decode, Decoded, Encoding, Rejection};
pub use exchange::{export, import, Imported, EXPORT_TAG, EXPORT_VERSION};
pub use html::html_to_text;
pub use markdown::markdown_to_text;

use std::collections::HashSet;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Date;
use crate::text::parse_written_date;
use html::is_html_space;

/// Files larger than this are rejected as [`Rejection::TooLarge`].
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------------

/// Plain text as Parallax stores it: line breaks as `\n` (a form feed is one too), no control
/// characters but tab, no byte-order marks, no white space around the whole text.
fn clean_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\x0c' => out.push('\n'),
            '\t' => out.push('\t'),
            '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Extracted text
// ---------------------------------------------------------------------------------------------

/// What a file's format says about the article besides its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// The article's text: paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// Only `http` and `https` addresses are kept.
    pub url: Option<String>,
}

/// White space collapsed to single spaces, trimmed; `None` when nothing is left.
fn clean_field(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// An `http` or `https` address with something after the scheme and no white space; the scheme
/// is written in lower case (`HTTPS://x` is `https://x`).
pub fn web_address(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| lower.starts_with(p))?;
    let rest = &s[scheme.len()..];
    let ok = !rest.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| format!("{scheme}{rest}"))
}

/// A date at the start of `s`: `2020-08-18`, `2020-08-18T10:00:00Z`, or in words
/// (`August 18, 2020`).
fn date_prefix(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10)
        .and_then(Date::parse_iso)
        .or_else(|| parse_written_date(s).map(|(d, _)| d))
}

/// Compares titles ignoring case, white space and punctuation.
fn same_title(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

// ---------------------------------------------------------------------------------------------
// Added articles
// ---------------------------------------------------------------------------------------------

/// An article a reader added, as stored in the browser and in export files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedArticle {
    /// File name, unique among the corpus's articles, ending in `.txt` (the id is the name
    /// without extension).
    pub name: String,
    /// Plain UTF-8 text, as Parallax ingests it.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Serialised as a `"YYYY-MM-DD"` string.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_date",
        deserialize_with = "deserialize_date"
    )]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

fn serialize_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

fn deserialize_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => Date::parse_iso(&s)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected a date YYYY-MM-DD, found {s:?}"))),
    }
}

/// A file read by [`read_file`], with how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadFile {
    pub article: AddedArticle,
    pub encoding: Encoding,
    /// See [`Decoded::guessed`].
    pub guessed: bool,
}

/// What kind of file a name and content say this is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Html,
    Markdown,
    Plain,
}

/// The extension of a file name: 1–5 ASCII letters or digits, at least one a letter, after the
/// last `.` (not a leading one). `Minsk, 12.08` and `Mr. Smith` have none.
fn extension(name: &str) -> Option<(&str, &str)> {
    let dot = name.rfind('.').filter(|&d| d > 0)?;
    let ext = &name[dot + 1..];
    let ok = (1..=5).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && ext.bytes().any(|b| b.is_ascii_alphabetic());
    ok.then(|| (&name[..dot], ext))
}

/// An article's file name from a file name or a title: the last path component, control
/// characters removed, white space collapsed, the extension (if any) replaced by `.txt`, at most
/// 120 characters before it; `article.txt` when nothing is left.
pub fn article_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base: String = base.chars().filter(|c| !c.is_control()).collect();
    let base = clean_field(&base).unwrap_or_default();
    let stem = extension(&base).map_or(base.as_str(), |(stem, _)| stem);
    let stem: String = stem.trim_start().chars().take(120).collect();
    // Trimmed after the cut, so the name read again is the same name.
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() {
        "article.txt".to_string()
    } else {
        format!("{stem}.txt")
    }
}

/// Reads one file a reader dropped or picked.
///
/// The kind comes from the extension: `.html`, `.htm`, `.xhtml` → [`html_to_text`]; `.md`,
/// `.markdown` → [`markdown_to_text`]; anything else is plain text, unless it starts with
/// `<!DOCTYPE html` or `<html` (then it is HTML). Plain text has its line breaks unified to
/// `\n`, control characters (but tab) and byte-order marks removed, and surrounding white space
/// trimmed. The article's name is [`article_name`] of the file's name.
///
/// Rejected: whatever [`decode`] rejects, and [`Rejection::NoText`] when an HTML or Markdown file
/// has no text.
pub fn read_file(name: &str, bytes: &[u8], forced: Option<Encoding>) -> Result<ReadFile, Rejection> {
    let decoded = decode(bytes, forced)?;
    let ext = extension(name).map(|(_, e)| e.to_ascii_lowercase());
    let kind = match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => FileKind::Html,
        Some("md" | "markdown") => FileKind::Markdown,
        _ if looks_like_html(&decoded.text) => FileKind::Html,
        _ => FileKind::Plain,
    };
    let extracted = match kind {
        FileKind::Html => html_to_text(&decoded.text),
        FileKind::Markdown => markdown_to_text(&decoded.text),
        FileKind::Plain => Extracted {
            text: clean_plain(&decoded.text),
            ..Extracted::default()
        },
    };
    if extracted.text.trim().is_empty() {
        return Err(if kind == FileKind::Plain {
            Rejection::Empty
        } else {
            Rejection::NoText
        });
    }
    Ok(ReadFile {
        article: AddedArticle {
            name: article_name(name),
            text: extracted.text,
            title: extracted.title,
            outlet: extracted.outlet,
            published: extracted.published,
            url: extracted.url,
        },
        encoding: decoded.encoding,
        guessed: decoded.guessed,
    })
}

/// Whether text starts (after white space) with `<!DOCTYPE html` or `<html`.
fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let starts = |prefix: &str| {
        t.get(..prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
    };
    starts("<!doctype html")
        || (starts("<html") && t.as_bytes().get(5).is_none_or(|&b| is_html_space(b) || b == b'>'))
}

/// Pasted text, as plain text (see [`read_file`]) named [`article_name`]`(name)`.
///
/// Rejected when empty (after trimming) or larger than [`MAX_FILE_BYTES`].
pub fn pasted(name: &str, text: &str) -> Result<AddedArticle, Rejection> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Rejection::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = clean_plain(text);
    if text.is_empty() {
        return Err(Rejection::Empty);
    }
    Ok(AddedArticle {
        name: article_name(name),
        text,
        title: None,
        outlet: None,
        published: None,
        url: None,
    })
}

/// A name not in use: `wanted` itself, else `x (2).txt`, `x (3).txt`… (the number goes before
/// the extension). `taken` says whether a name is in use; it should compare case-insensitively
/// (the candidates are passed as written). Gives up after 100 000 tries and returns the last
/// candidate.
pub fn unique_name(wanted: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(wanted) {
        return wanted.to_string();
    }
    let (stem, ext) = match extension(wanted) {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (wanted, String::new()),
    };
    let mut candidate = String::new();
    for n in 2..=100_000u32 {
        candidate = format!("{stem} ({n}){ext}");
        if !taken(&candidate) {
            break;
        }
    }
    candidate
}

/// A fingerprint to find the same article added twice: 64-bit FNV-1a over the text's words
/// (runs of letters and digits), lower-cased, each followed by a 0xFF byte (never in UTF-8).
/// Punctuation, white space and line breaks are ignored, so the same article with different
/// line breaks or with curly instead of straight quotes has the same fingerprint. The same on
/// every platform.
pub fn fingerprint(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    let mut in_word = false;
    let mut utf8 = [0u8; 4];
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                feed(l.encode_utf8(&mut utf8).as_bytes());
            }
            in_word = true;
        } else if in_word {
            feed(&[0xFF]);
            in_word = false;
        }
    }
    if in_word {
        feed(&[0xFF]);
    }
    hash
}

/// What new articles must not repeat: the file names taken (ignoring case) and the texts
/// already there (by [`fingerprint`]). Built from the bundled corpus and the reader's added
/// articles, it names each new article and recognises copies.
#[derive(Clone, Debug, Default)]
pub struct Taken {
    names: HashSet<String>,
    texts: HashSet<u64>,
}

impl Taken {
    /// Marks a file name as taken.
    pub fn name(&mut self, name: &str) {
        self.names.insert(name.to_lowercase());
    }

    /// Marks a text as present.
    pub fn text(&mut self, text: &str) {
        self.texts.insert(fingerprint(text));
    }

    /// A name for `wanted` that is not taken yet ([`unique_name`]), now taken.
    pub fn claim_name(&mut self, wanted: &str) -> String {
        let name = unique_name(wanted, &|n: &str| self.names.contains(&n.to_lowercase()));
        self.name(&name);
        name
    }

    /// Whether `text` is new, now present; `false` for a copy of a text already there.
    pub fn claim_text(&mut self, text: &str) -> bool {
        self.texts.insert(fingerprint(text))
    }
}
