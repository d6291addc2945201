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

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::model::Date;
use crate::text::parse_written_date;

/// Files larger than this are rejected as [`Rejection::TooLarge`].
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Encodings
// ---------------------------------------------------------------------------------------------

/// Text encodings Parallax reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1251,
    Windows1252,
}

impl Encoding {
    /// The encoding's name as a reader sees it.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1251 => "Windows-1251 (Cyrillic)",
            Encoding::Windows1252 => "Windows-1252 (Latin-1)",
        }
    }

    /// Decodes `bytes` (without a byte-order mark) in this encoding; invalid sequences become
    /// U+FFFD.
    fn decode_bytes(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf16Le => decode_utf16(bytes, u16::from_le_bytes),
            Encoding::Utf16Be => decode_utf16(bytes, u16::from_be_bytes),
            Encoding::Windows1251 => decode_single_byte(bytes, &WINDOWS_1251),
            Encoding::Windows1252 => decode_single_byte(bytes, &WINDOWS_1252),
        }
    }

    /// The byte-order mark of this encoding, if it has one.
    fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => &[0xEF, 0xBB, 0xBF],
            Encoding::Utf16Le => &[0xFF, 0xFE],
            Encoding::Utf16Be => &[0xFE, 0xFF],
            Encoding::Windows1251 | Encoding::Windows1252 => &[],
        }
    }
}

/// Windows-1252 bytes 0x80..=0xFF. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to
/// the C1 control with the same number, as browsers do.
#[rustfmt::skip]
const WINDOWS_1252: [char; 128] = [
    '€', '\u{0081}', '‚', 'ƒ', '„', '…', '†', '‡', // 0x80
    'ˆ', '‰', 'Š', '‹', 'Œ', '\u{008D}', 'Ž', '\u{008F}', // 0x88
    '\u{0090}', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '˜', '™', 'š', '›', 'œ', '\u{009D}', 'ž', 'Ÿ', // 0x98
    '\u{00A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', // 0xA0
    '¨', '©', 'ª', '«', '¬', '\u{00AD}', '®', '¯', // 0xA8
    '°', '±', '²', '³', '´', 'µ', '¶', '·', // 0xB0
    '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', // 0xB8
    'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', // 0xC0
    'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï', // 0xC8
    'Ð', 'Ñ', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', '×', // 0xD0
    'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß', // 0xD8
    'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', // 0xE0
    'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', // 0xE8
    'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', // 0xF0
    'ø', 'ù', 'ú', 'û', 'ü', 'ý', 'þ', 'ÿ', // 0xF8
];

/// Windows-1251 bytes 0x80..=0xFF. The undefined byte 0x98 maps to U+0098.
#[rustfmt::skip]
const WINDOWS_1251: [char; 128] = [
    'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', // 0x80
    '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', // 0x88
    'ђ', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '\u{0098}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', // 0x98
    '\u{00A0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', // 0xA0
    'Ё', '©', 'Є', '«', '¬', '\u{00AD}', '®', 'Ї', // 0xA8
    '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', // 0xB0
    'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї', // 0xB8
    'А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', // 0xC0
    'И', 'Й', 'К', 'Л', 'М', 'Н', 'О', 'П', // 0xC8
    'Р', 'С', 'Т', 'У', 'Ф', 'Х', 'Ц', 'Ч', // 0xD0
    'Ш', 'Щ', 'Ъ', 'Ы', 'Ь', 'Э', 'Ю', 'Я', // 0xD8
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', // 0xE0
    'и', 'й', 'к', 'л', 'м', 'н', 'о', 'п', // 0xE8
    'р', 'с', 'т', 'у', 'ф', 'х', 'ц', 'ч', // 0xF0
    'ш', 'щ', 'ъ', 'ы', 'ь', 'э', 'ю', 'я', // 0xF8
];

fn decode_single_byte(bytes: &[u8], table: &[char; 128]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        out.push(if b < 0x80 {
            b as char
        } else {
            table[(b - 0x80) as usize]
        });
    }
    out
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut out: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

/// UTF-16 without a byte-order mark, recognised only when decoding is flawless: no unpaired
/// surrogates and no control characters but whitespace; and the zero bytes fall on the side
/// the byte order predicts (the high byte of Latin text).
fn bomless_utf16(bytes: &[u8]) -> Option<(String, Encoding)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (encoding, unit): (Encoding, fn([u8; 2]) -> u16) = if zeros_odd > zeros_even {
        (Encoding::Utf16Le, u16::from_le_bytes)
    } else if zeros_even > zeros_odd {
        (Encoding::Utf16Be, u16::from_be_bytes)
    } else {
        return None;
    };
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for r in char::decode_utf16(units) {
        let c = r.ok()?;
        if c.is_control() && !is_text_control(c) {
            return None;
        }
        out.push(c);
    }
    Some((out, encoding))
}

/// Control characters that ordinary text contains: tab, line feed, carriage return, form feed.
fn is_text_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

/// Why a file was not added. `Display` gives a plain-words message for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// No bytes, or only white space.
    Empty,
    /// Not text: a PDF, an image, an archive, a word-processor file.
    Binary,
    /// Larger than the limit ([`MAX_FILE_BYTES`]).
    TooLarge { bytes: usize, limit: usize },
    /// The format held no readable text (e.g. a web page with only scripts and menus).
    NoText,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::Empty => write!(f, "The file is empty: there is no text in it to add."),
            Rejection::Binary => write!(
                f,
                "The file does not contain plain text (it may be a PDF, an image or a word-processor \
                 document). Save the article as text (.txt), a web page (.html) or Markdown (.md) and \
                 add that file instead."
            ),
            Rejection::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large to add ({} MB; the limit is {} MB). Split it into one file \
                 per article and add those.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Rejection::NoText => write!(f, "No readable article text was found in the file."),
        }
    }
}

/// `12.5`, `10`: a size in megabytes with at most one decimal.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    pub encoding: Encoding,
    /// True when the encoding was guessed (no valid UTF-8, no byte-order mark): the reader may
    /// want the other choice (Windows-1251 or Windows-1252).
    pub guessed: bool,
}

/// Signatures of common binary formats: PDF, ZIP (and so DOCX, ODT, EPUB), PNG, GIF, JPEG, old
/// Office documents, gzip, ELF, RAR, 7-Zip, WebP/WAV (RIFF).
const MAGIC: [&[u8]; 11] = [
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xFF\xD8\xFF",
    b"\xD0\xCF\x11\xE0",
    b"\x1F\x8B",
    b"\x7FELF",
    b"Rar!",
    b"7z\xBC\xAF",
    b"RIFF",
];

/// Decodes a file's bytes to text.
///
/// Byte-order marks (UTF-8, UTF-16 LE/BE) are honoured and stripped; UTF-16 without a mark is
/// recognised when it decodes flawlessly; valid UTF-8 is taken as is; anything else is decoded as
/// Windows-1251 or Windows-1252, whichever reads more like words (see [`Decoded::guessed`]).
/// `forced` overrides all of this (its byte-order mark is still stripped).
///
/// Rejects files over [`MAX_FILE_BYTES`], files with no bytes or only white space, and binary
/// files: known signatures (`%PDF`, ZIP, PNG, GIF, JPEG…), NUL bytes outside UTF-16, or more than
/// one control character in twenty (other than tab, line breaks and form feed).
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, Rejection> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Rejection::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return Err(Rejection::Binary);
    }
    let (text, encoding, guessed) = match forced {
        Some(encoding) => {
            let body = bytes.strip_prefix(encoding.bom()).unwrap_or(bytes);
            (encoding.decode_bytes(body), encoding, false)
        }
        None => detect(bytes)?,
    };
    check_text(&text)?;
    Ok(Decoded {
        text,
        encoding,
        guessed,
    })
}

fn detect(bytes: &[u8]) -> Result<(String, Encoding, bool), Rejection> {
    for encoding in [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be] {
        if let Some(body) = bytes.strip_prefix(encoding.bom()) {
            return Ok((encoding.decode_bytes(body), encoding, false));
        }
    }
    if bytes.contains(&0) {
        return match bomless_utf16(bytes) {
            Some((text, encoding)) => Ok((text, encoding, false)),
            None => Err(Rejection::Binary),
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), Encoding::Utf8, false));
    }
    let cyrillic = Encoding::Windows1251.decode_bytes(bytes);
    let latin = Encoding::Windows1252.decode_bytes(bytes);
    Ok(if plausibility(&cyrillic) > plausibility(&latin) {
        (cyrillic, Encoding::Windows1251, true)
    } else {
        (latin, Encoding::Windows1252, true)
    })
}

/// Rejects decoded text that is binary (NUL, too many control characters) or blank.
fn check_text(text: &str) -> Result<(), Rejection> {
    let (mut total, mut controls, mut blank) = (0usize, 0usize, true);
    for c in text.chars() {
        if c == '\0' {
            return Err(Rejection::Binary);
        }
        total += 1;
        let control = c.is_control() && !is_text_control(c);
        controls += usize::from(control);
        blank &= c.is_whitespace() || c.is_control() || c == '\u{FEFF}';
    }
    if blank {
        Err(Rejection::Empty)
    } else if controls * 20 > total {
        Err(Rejection::Binary)
    } else {
        Ok(())
    }
}

/// How much `text` reads like words; used to choose between single-byte decodings.
///
/// Only non-ASCII letters count (ASCII reads the same in both). A word (a run of letters) that
/// mixes Latin and Cyrillic letters costs 2 per non-ASCII letter. In an all-Cyrillic word each
/// letter of the Russian, Belarusian or Ukrainian alphabets earns 1. In a Latin word an accented
/// letter next to unaccented ones earns 1, while runs of three or more accented letters cost 1
/// per letter (that is Cyrillic read as Latin-1: `Ëóêàøåíêî`). A symbol between two letters
/// (`÷`, `³`) costs 2, and a control character (an undefined byte) costs 3.
fn plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    let mut word: Vec<char> = Vec::new();
    let (mut before, mut prev) = (' ', ' ');
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            if before.is_alphabetic() && is_odd_symbol(prev) {
                score -= 2;
            }
        } else {
            score += word_score(&word);
            word.clear();
        }
        if !c.is_ascii() && c.is_control() {
            score -= 3;
        }
        before = prev;
        prev = c;
    }
    score + word_score(&word)
}

/// A non-ASCII symbol that does not belong inside a word (general punctuation such as `’` and
/// `·` does).
fn is_odd_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !('\u{2000}'..='\u{206F}').contains(&c)
        && c != '·'
}

fn word_score(word: &[char]) -> i64 {
    if word.iter().all(char::is_ascii) {
        return 0;
    }
    let cyrillic = word.iter().any(|&c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let latin = word
        .iter()
        .any(|&c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c));
    let non_ascii = word.iter().filter(|c| !c.is_ascii()).count() as i64;
    if cyrillic && latin {
        return -2 * non_ascii;
    }
    if cyrillic {
        return word.iter().filter(|&&c| is_common_cyrillic(c)).count() as i64;
    }
    if !latin {
        return 0;
    }
    let run_score = |run: usize| -> i64 {
        match run {
            0 | 2 => 0,
            1 => i64::from(word.len() > 1),
            n => -(n as i64),
        }
    };
    let (mut score, mut run) = (0, 0);
    for c in word {
        if c.is_ascii() {
            score += run_score(run);
            run = 0;
        } else {
            run += 1;
        }
    }
    score + run_score(run)
}

/// Letters of the Russian, Belarusian and Ukrainian alphabets.
fn is_common_cyrillic(c: char) -> bool {
    ('\u{0410}'..='\u{044F}').contains(&c) || "ЁёЎўІіЇїЄєҐґ".contains(c)
}

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

/// An `http` or `https` address with something after the scheme and no white space.
fn web_address(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return None;
    };
    let ok = !rest.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| s.to_string())
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
// HTML
// ---------------------------------------------------------------------------------------------

/// Elements whose content is never article text.
const DROPPED: [&str; 21] = [
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "nav", "header", "footer",
    "aside", "form", "button", "iframe", "object", "embed", "canvas", "select", "textarea", "dialog",
];

/// ARIA roles of page furniture, dropped like the elements above.
const DROPPED_ROLES: [&str; 5] = ["navigation", "banner", "contentinfo", "complementary", "search"];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 44] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "option",
];

/// Elements that have no content and no end tag.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text: no tags inside, up to the matching end tag.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// Elements allowed in `<head>`; any other start tag ends the head.
const IN_HEAD: [&str; 9] = [
    "title", "meta", "link", "style", "script", "noscript", "base", "template", "head",
];

/// Start tags that close an open `<p>` on top of the stack.
const CLOSES_P: [&str; 27] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
];

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    /// Comments, doctypes, processing instructions, CDATA.
    Skip,
}

enum Node {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<usize>,
    },
    Text(String),
}

/// A forgiving tree of the document: node 0 is the root.
struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn name(&self, id: usize) -> &str {
        match &self.nodes[id] {
            Node::Element { name, .. } => name,
            Node::Text(_) => "",
        }
    }

    fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes[id] {
            Node::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    fn children(&self, id: usize) -> &[usize] {
        match &self.nodes[id] {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// Whether an element's content is page furniture rather than article text.
    fn dropped(&self, id: usize) -> bool {
        let name = self.name(id);
        DROPPED.contains(&name)
            || self.attr(id, "hidden").is_some()
            || self
                .attr(id, "aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || self
                .attr(id, "role")
                .is_some_and(|v| DROPPED_ROLES.contains(&v.trim().to_ascii_lowercase().as_str()))
    }

    /// Elements under `root` (depth first, in document order) for which `want` holds, not
    /// descending into those found nor into subtrees where `enter` is false.
    fn find_all(
        &self,
        root: usize,
        want: &dyn Fn(usize) -> bool,
        enter: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if id != root && want(id) {
                found.push(id);
                continue;
            }
            if id == root || enter(id) {
                stack.extend(self.children(id).iter().rev());
            }
        }
        found
    }

    fn find_first(
        &self,
        root: usize,
        want: &dyn Fn(usize) -> bool,
        enter: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if id != root && want(id) {
                return Some(id);
            }
            if id == root || enter(id) {
                stack.extend(self.children(id).iter().rev());
            }
        }
        None
    }

    /// The text under `root`, paragraphs separated by blank lines; dropped elements (and `skip`)
    /// left out.
    fn render(&self, root: usize, skip: Option<usize>) -> String {
        enum Step {
            Enter(usize),
            Leave,
        }
        let mut out = TextOut::default();
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            let id = match step {
                Step::Enter(id) => id,
                Step::Leave => {
                    out.paragraph();
                    continue;
                }
            };
            match &self.nodes[id] {
                Node::Text(t) => out.text(t),
                Node::Element { name, children, .. } => {
                    if id != root && (Some(id) == skip || self.dropped(id)) {
                        continue;
                    }
                    if BLOCKS.contains(&name.as_str()) {
                        out.paragraph();
                        stack.push(Step::Leave);
                    } else if matches!(name.as_str(), "td" | "th") {
                        out.space();
                    }
                    stack.extend(children.iter().rev().map(|&c| Step::Enter(c)));
                }
            }
        }
        out.s
    }
}

/// Collects text with white space collapsed: single spaces within a paragraph, a blank line
/// between paragraphs, nothing at either end.
#[derive(Default)]
struct TextOut {
    s: String,
    space: bool,
    paragraph: bool,
}

impl TextOut {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if c.is_control() || matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                // Invisible: soft hyphens, zero-width spaces, stray controls.
            } else {
                if !self.s.is_empty() {
                    if self.paragraph {
                        self.s.push_str("\n\n");
                    } else if self.space {
                        self.s.push(' ');
                    }
                }
                self.paragraph = false;
                self.space = false;
                self.s.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn paragraph(&mut self) {
        self.paragraph = true;
    }
}

/// How deep elements nest before further start tags stop opening new levels.
const MAX_DEPTH: usize = 512;

/// Builds the tree from tokens, repairing nesting the way browsers mostly do.
struct Builder {
    tree: Tree,
    /// Open elements; `stack[0]` is the root.
    stack: Vec<usize>,
    /// The stack position of the `<head>` that was opened last, if it may still be open.
    head: Option<usize>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            tree: Tree {
                nodes: vec![Node::Element {
                    name: String::new(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                }],
            },
            stack: vec![0],
            head: None,
        }
    }

    fn top(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn top_is(&self, names: &[&str]) -> bool {
        names.contains(&self.tree.name(self.top())) && self.stack.len() > 1
    }

    fn append(&mut self, node: Node) -> usize {
        let id = self.tree.nodes.len();
        self.tree.nodes.push(node);
        let parent = self.top();
        if let Node::Element { children, .. } = &mut self.tree.nodes[parent] {
            children.push(id);
        }
        id
    }

    /// Appends text (with its character references decoded) to the open element. Text outside
    /// an element of the head (`in_element` false) ends an open `<head>`, unless it is only white
    /// space.
    fn text(&mut self, raw: &str, in_element: bool) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        if !in_element && !decoded.trim().is_empty() {
            self.close_head();
        }
        if let Some(&last) = self.tree.children(self.top()).last() {
            if let Node::Text(t) = &mut self.tree.nodes[last] {
                t.push_str(&decoded);
                return;
            }
        }
        self.append(Node::Text(decoded));
    }

    fn close_head(&mut self) {
        if let Some(pos) = self.head.take() {
            let id = self.stack.get(pos).copied();
            if id.is_some_and(|id| self.tree.name(id) == "head") {
                self.stack.truncate(pos);
            }
        }
    }

    /// The stack position of the nearest open element named in `names`, not looking past one
    /// named in `boundaries`.
    fn position(&self, names: &[&str], boundaries: &[&str]) -> Option<usize> {
        for (pos, &id) in self.stack.iter().enumerate().skip(1).rev() {
            let name = self.tree.name(id);
            if names.contains(&name) {
                return Some(pos);
            }
            if boundaries.contains(&name) {
                return None;
            }
        }
        None
    }

    fn close_in_scope(&mut self, names: &[&str], boundaries: &[&str]) {
        if let Some(pos) = self.position(names, boundaries) {
            self.stack.truncate(pos);
        }
    }

    /// Handles a start tag; returns whether the element was left open.
    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) -> bool {
        let n = name.as_str();
        if !IN_HEAD.contains(&n) {
            self.close_head();
        }
        if CLOSES_P.contains(&n) && self.top_is(&["p"]) {
            self.stack.pop();
        }
        if HEADINGS.contains(&n) && self.top_is(&HEADINGS) {
            self.stack.pop();
        }
        match n {
            "li" => self.close_in_scope(&["li"], &["ul", "ol", "menu", "table"]),
            "dt" | "dd" => self.close_in_scope(&["dt", "dd"], &["dl", "table"]),
            "tr" => self.close_in_scope(&["tr", "td", "th"], &["table"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table"]),
            "option" if self.top_is(&["option"]) => {
                self.stack.pop();
            }
            _ => {}
        }
        let open = !self_closing && !VOID.contains(&n);
        let is_head = n == "head";
        let id = self.append(Node::Element {
            name,
            attrs,
            children: Vec::new(),
        });
        // Deeper elements are kept (as empty siblings) but not opened: this bounds the work of
        // every end tag.
        if open && self.stack.len() < MAX_DEPTH {
            if is_head {
                self.head = Some(self.stack.len());
            }
            self.stack.push(id);
        }
        open
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                self.start("br".to_string(), Vec::new(), true);
            }
            "p" if self.position(&["p"], &[]).is_none() => {
                self.start("p".to_string(), Vec::new(), true);
            }
            _ => {
                if let Some(pos) = self.position(&[name], &[]) {
                    self.stack.truncate(pos);
                }
            }
        }
    }
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Parses HTML into a [`Tree`]. Markup that is not understood is text; nothing is lost outside
/// tags, comments and raw-text elements.
fn parse_html(html: &str) -> Tree {
    let mut builder = Builder::new();
    let bytes = html.as_bytes();
    // Past the last `>` no markup can end, so every `<` there is text; this keeps malformed
    // input linear.
    let last_gt = html.rfind('>').map_or(0, |p| p + 1);
    let last_quotes = (html.rfind('"'), html.rfind('\''));
    let (mut i, mut text_start) = (0, 0);
    while i < last_gt {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some((token, end)) = markup_at(html, i, last_quotes) else {
            i += 1;
            continue;
        };
        builder.text(&html[text_start..i], false);
        i = end;
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let raw = RAW_TEXT.contains(&name.as_str()).then(|| name.clone());
                let open = builder.start(name, attrs, self_closing);
                if let (Some(name), true) = (raw, open) {
                    let (content_end, after) = find_end_tag(html, i, &name);
                    if matches!(name.as_str(), "title" | "textarea") {
                        builder.text(&html[i..content_end], true);
                    }
                    builder.end(&name);
                    i = after;
                }
            }
            Token::End(name) => builder.end(&name),
            Token::Skip => {}
        }
        text_start = i;
    }
    builder.text(&html[text_start..], false);
    builder.tree
}

/// `(end of content, end of the end tag)` for the raw-text element `name` whose content starts
/// at `from`; the end of input when the element is not closed.
fn find_end_tag(html: &str, from: usize, name: &str) -> (usize, usize) {
    let mut at = from;
    while let Some(p) = html.get(at..).and_then(|r| r.find("</")) {
        let start = at + p;
        let after_name = start + 2 + name.len();
        let matches = html
            .get(start + 2..after_name)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && html
                .as_bytes()
                .get(after_name)
                .is_none_or(|&b| is_html_space(b) || b == b'/' || b == b'>');
        if matches {
            let end = html[after_name..]
                .find('>')
                .map_or(html.len(), |q| after_name + q + 1);
            return (start, end);
        }
        at = start + 2;
    }
    (html.len(), html.len())
}

/// The markup starting at `html[i] == '<'`, with the byte offset after it; `None` when the `<`
/// is text (`a < b`, an unterminated tag).
fn markup_at(html: &str, i: usize, last_quotes: (Option<usize>, Option<usize>)) -> Option<(Token, usize)> {
    let rest = &html[i..];
    let b = rest.as_bytes();
    if let Some(after) = rest.strip_prefix("<!--") {
        let end = if after.starts_with('>') {
            i + 5
        } else if after.starts_with("->") {
            i + 6
        } else {
            after.find("-->").map_or(html.len(), |p| i + 4 + p + 3)
        };
        return Some((Token::Skip, end));
    }
    if rest.get(..9).is_some_and(|s| s.eq_ignore_ascii_case("<![cdata[")) {
        let end = rest.find("]]>").map_or(html.len(), |p| i + p + 3);
        return Some((Token::Skip, end));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        return rest.find('>').map(|p| (Token::Skip, i + p + 1));
    }
    if rest.starts_with("</") {
        return match b.get(2) {
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = tag_name_end(b, 2);
                let close = rest.find('>')?;
                Some((Token::End(rest[2..name_end].to_ascii_lowercase()), i + close + 1))
            }
            Some(b'>') => Some((Token::Skip, i + 3)),
            _ => None,
        };
    }
    if b.get(1).is_some_and(u8::is_ascii_alphabetic) {
        let quotes = (
            last_quotes.0.and_then(|q| q.checked_sub(i)),
            last_quotes.1.and_then(|q| q.checked_sub(i)),
        );
        return start_tag(rest, quotes)
            .map(|(token, len)| (token, i + len))
            .or_else(|| {
                // An unterminated quote: the tag ends at the first `>`, its attributes are lost.
                let close = rest.find('>')?;
                let name = rest[1..tag_name_end(b, 1)].to_ascii_lowercase();
                let token = Token::Start {
                    name,
                    attrs: Vec::new(),
                    self_closing: false,
                };
                Some((token, i + close + 1))
            });
    }
    None
}

/// The end of a tag name starting at `b[from]`.
fn tag_name_end(b: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < b.len() && !is_html_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    j
}

/// A start tag at the start of `s`, with its length in bytes; `None` when it does not end.
///
/// `quotes` are the offsets in `s` of its last `"` and `'`: a quote with no closer fails at once.
fn start_tag(s: &str, quotes: (Option<usize>, Option<usize>)) -> Option<(Token, usize)> {
    let b = s.as_bytes();
    let mut j = tag_name_end(b, 1);
    let name = s[1..j].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while j < b.len() && (is_html_space(b[j]) || b[j] == b'/') {
            self_closing = b[j] == b'/';
            j += 1;
        }
        match b.get(j)? {
            b'>' => {
                return Some((
                    Token::Start {
                        name,
                        attrs,
                        self_closing,
                    },
                    j + 1,
                ))
            }
            _ => self_closing = false,
        }
        let key_start = j;
        j += 1;
        while j < b.len() && !is_html_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let key = s[key_start..j].to_ascii_lowercase();
        let mut k = j;
        while k < b.len() && is_html_space(b[k]) {
            k += 1;
        }
        let mut value = String::new();
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && is_html_space(b[k]) {
                k += 1;
            }
            match b.get(k)? {
                &q @ (b'"' | b'\'') => {
                    let last = if q == b'"' { quotes.0 } else { quotes.1 };
                    if last.is_none_or(|l| l <= k) {
                        return None;
                    }
                    let close = s[k + 1..].find(q as char)?;
                    value = decode_entities(&s[k + 1..k + 1 + close]);
                    j = k + 1 + close + 1;
                }
                _ => {
                    let start = k;
                    while k < b.len() && !is_html_space(b[k]) && b[k] != b'>' {
                        k += 1;
                    }
                    value = decode_entities(&s[start..k]);
                    j = k;
                }
            }
        }
        if !attrs.iter().any(|(k, _): &(String, String)| *k == key) {
            attrs.push((key, value));
        }
    }
}

/// Decodes character references: named ones (a common set, see `named_entity`), decimal
/// `&#233;` and hexadecimal `&#xE9;`. Numeric references to 0x80–0x9F read as Windows-1252, as
/// browsers do; invalid code points become U+FFFD; unknown or malformed references stay as
/// written.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        match entity(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference (without its `&`) stands for, and the bytes it takes.
fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let mut j = start;
        let mut value: u32 = 0;
        while let Some(&d) = b.get(j) {
            let digit = if hex {
                (d as char).to_digit(16)
            } else {
                (d as char).to_digit(10)
            };
            let Some(digit) = digit else { break };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            j += 1;
        }
        if j == start {
            return None;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let c = match value {
            0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
            0 => char::REPLACEMENT_CHARACTER,
            v => char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        return Some((c, j));
    }
    let name_len = b
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = &s[..name_len];
    if b.get(name_len) == Some(&b';') {
        return named_entity(name).map(|c| (c, name_len + 1));
    }
    // A few references work without `;` in old pages, when no letter or digit follows.
    let legacy = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg");
    legacy.then(|| named_entity(name).map(|c| (c, name_len)))?
}

/// The named character references Parallax knows (HTML's Latin-1 set plus common punctuation).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "quot" => '\u{0022}',
        "amp" => '\u{0026}',
        "apos" => '\u{0027}',
        "lt" => '\u{003C}',
        "gt" => '\u{003E}',
        "nbsp" => '\u{00A0}',
        "iexcl" => '\u{00A1}',
        "cent" => '\u{00A2}',
        "pound" => '\u{00A3}',
        "curren" => '\u{00A4}',
        "yen" => '\u{00A5}',
        "brvbar" => '\u{00A6}',
        "sect" => '\u{00A7}',
        "uml" => '\u{00A8}',
        "copy" => '\u{00A9}',
        "ordf" => '\u{00AA}',
        "laquo" => '\u{00AB}',
        "not" => '\u{00AC}',
        "shy" => '\u{00AD}',
        "reg" => '\u{00AE}',
        "macr" => '\u{00AF}',
        "deg" => '\u{00B0}',
        "plusmn" => '\u{00B1}',
        "sup2" => '\u{00B2}',
        "sup3" => '\u{00B3}',
        "acute" => '\u{00B4}',
        "micro" => '\u{00B5}',
        "para" => '\u{00B6}',
        "middot" => '\u{00B7}',
        "cedil" => '\u{00B8}',
        "sup1" => '\u{00B9}',
        "ordm" => '\u{00BA}',
        "raquo" => '\u{00BB}',
        "frac14" => '\u{00BC}',
        "frac12" => '\u{00BD}',
        "frac34" => '\u{00BE}',
        "iquest" => '\u{00BF}',
        "Agrave" => '\u{00C0}',
        "Aacute" => '\u{00C1}',
        "Acirc" => '\u{00C2}',
        "Atilde" => '\u{00C3}',
        "Auml" => '\u{00C4}',
        "Aring" => '\u{00C5}',
        "AElig" => '\u{00C6}',
        "Ccedil" => '\u{00C7}',
        "Egrave" => '\u{00C8}',
        "Eacute" => '\u{00C9}',
        "Ecirc" => '\u{00CA}',
        "Euml" => '\u{00CB}',
        "Igrave" => '\u{00CC}',
        "Iacute" => '\u{00CD}',
        "Icirc" => '\u{00CE}',
        "Iuml" => '\u{00CF}',
        "ETH" => '\u{00D0}',
        "Ntilde" => '\u{00D1}',
        "Ograve" => '\u{00D2}',
        "Oacute" => '\u{00D3}',
        "Ocirc" => '\u{00D4}',
        "Otilde" => '\u{00D5}',
        "Ouml" => '\u{00D6}',
        "times" => '\u{00D7}',
        "Oslash" => '\u{00D8}',
        "Ugrave" => '\u{00D9}',
        "Uacute" => '\u{00DA}',
        "Ucirc" => '\u{00DB}',
        "Uuml" => '\u{00DC}',
        "Yacute" => '\u{00DD}',
        "THORN" => '\u{00DE}',
        "szlig" => '\u{00DF}',
        "agrave" => '\u{00E0}',
        "aacute" => '\u{00E1}',
        "acirc" => '\u{00E2}',
        "atilde" => '\u{00E3}',
        "auml" => '\u{00E4}',
        "aring" => '\u{00E5}',
        "aelig" => '\u{00E6}',
        "ccedil" => '\u{00E7}',
        "egrave" => '\u{00E8}',
        "eacute" => '\u{00E9}',
        "ecirc" => '\u{00EA}',
        "euml" => '\u{00EB}',
        "igrave" => '\u{00EC}',
        "iacute" => '\u{00ED}',
        "icirc" => '\u{00EE}',
        "iuml" => '\u{00EF}',
        "eth" => '\u{00F0}',
        "ntilde" => '\u{00F1}',
        "ograve" => '\u{00F2}',
        "oacute" => '\u{00F3}',
        "ocirc" => '\u{00F4}',
        "otilde" => '\u{00F5}',
        "ouml" => '\u{00F6}',
        "divide" => '\u{00F7}',
        "oslash" => '\u{00F8}',
        "ugrave" => '\u{00F9}',
        "uacute" => '\u{00FA}',
        "ucirc" => '\u{00FB}',
        "uuml" => '\u{00FC}',
        "yacute" => '\u{00FD}',
        "thorn" => '\u{00FE}',
        "yuml" => '\u{00FF}',
        "OElig" => '\u{0152}',
        "oelig" => '\u{0153}',
        "Scaron" => '\u{0160}',
        "scaron" => '\u{0161}',
        "Yuml" => '\u{0178}',
        "fnof" => '\u{0192}',
        "circ" => '\u{02C6}',
        "tilde" => '\u{02DC}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bdquo" => '\u{201E}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "bull" => '\u{2022}',
        "hellip" => '\u{2026}',
        "permil" => '\u{2030}',
        "prime" => '\u{2032}',
        "Prime" => '\u{2033}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "oline" => '\u{203E}',
        "frasl" => '\u{2044}',
        "euro" => '\u{20AC}',
        "trade" => '\u{2122}',
        "larr" => '\u{2190}',
        "uarr" => '\u{2191}',
        "rarr" => '\u{2192}',
        "darr" => '\u{2193}',
        "harr" => '\u{2194}',
        "minus" => '\u{2212}',
        "lowast" => '\u{2217}',
        "infin" => '\u{221E}',
        "asymp" => '\u{2248}',
        "ne" => '\u{2260}',
        "le" => '\u{2264}',
        "ge" => '\u{2265}',
        "hearts" => '\u{2665}',
        _ => return None,
    })
}

/// Reduces HTML to the article's text and metadata, with no DOM and no network.
///
/// - **What is text.** Tags are dropped; so is everything inside `script`, `style`, `noscript`,
///   `template`, `svg`, `math`, `head` (and `title`), `nav`, `header`, `footer`, `aside`, `form`,
///   `button`, `iframe`, `object`, `embed`, `canvas`, `select`, `textarea`, `dialog`, elements
///   marked `hidden` or `aria-hidden="true"`, and elements with the role `navigation`, `banner`,
///   `contentinfo`, `complementary` or `search`. Comments and CDATA are dropped. Images give no
///   text (not even their `alt`).
/// - **Where the article is.** The `<article>` with the most text (outermost ones, outside the
///   dropped elements), else the first `<main>` (or `role="main"`), else `<body>`, else the whole
///   document.
/// - **Paragraphs.** Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `blockquote`, `tr`,
///   `section`, `figure`, `figcaption`…) separate paragraphs by a blank line; within a paragraph
///   white space collapses to single spaces (also inside `pre`); table cells are separated by a
///   space. Character references are decoded (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`…;
///   unknown ones stay as written). Soft hyphens and zero-width spaces are removed.
/// - **Malformed markup** never panics and never loses text outside tags: a `<` that does not
///   start a tag (`a < b`) is text, unclosed elements end with their parent, a tag with an
///   unterminated quoted attribute ends at the first `>`.
/// - **Metadata.** Title: `og:title`, else the article's first `<h1>` (inside `<article>` also
///   one in its `<header>`; elsewhere not in a `<header>`), else `<title>`. Outlet:
///   `og:site_name`, else `<meta name="publisher">`, else `application-name`. Published:
///   `article:published_time`, `date`, `pubdate` and similar meta tags, else the first
///   `<time datetime>` (article first) — the `YYYY-MM-DD` at its start. URL: `<link
///   rel="canonical">`, else `og:url`, only `http`/`https`.
/// - **No repeated title.** That first `<h1>` is left out of the text when the title came from it
///   or reads the same as the title (ignoring case, spaces and punctuation).
pub fn html_to_text(html: &str) -> Extracted {
    let tree = parse_html(html);
    let named = |names: &'static [&'static str]| is_named(&tree, names);
    let outside_dropped = |id: usize| !tree.dropped(id);

    // Where the article is.
    let articles = tree.find_all(0, &named(&["article"]), &outside_dropped);
    let best_article = articles
        .iter()
        .map(|&id| (id, tree.render(id, None).chars().count()))
        .filter(|&(_, n)| n > 0)
        .fold(None, |best: Option<(usize, usize)>, (id, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((id, n)),
        })
        .map(|(id, _)| id);
    let is_main = |id: usize| {
        tree.name(id) == "main"
            || tree
                .attr(id, "role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    };
    let main = tree
        .find_all(0, &is_main, &outside_dropped)
        .into_iter()
        .find(|&id| !tree.render(id, None).is_empty());
    let root = best_article
        .or(main)
        .or_else(|| tree.find_first(0, &named(&["body"]), &|_| true))
        .unwrap_or(0);
    let in_article = tree.name(root) == "article";

    // Metadata.
    let metas = meta_tags(&tree);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            metas
                .iter()
                .filter(|(k, _)| k == key)
                .find_map(|(_, v)| clean_field(v))
        })
    };
    let enter_for_h1 = |id: usize| !tree.dropped(id) || (in_article && tree.name(id) == "header");
    let h1 = tree.find_first(root, &named(&["h1"]), &enter_for_h1);
    let h1_text = h1.and_then(|id| clean_field(&tree.render(id, None)));
    let title_element = || {
        let id = tree.find_first(0, &named(&["title"]), &|id| {
            !matches!(tree.name(id), "svg" | "math")
        })?;
        clean_field(&tree.render(id, None))
    };
    let title = meta(&["og:title"])
        .or_else(|| h1_text.clone())
        .or_else(title_element);
    let skip = match (&title, &h1_text) {
        (Some(t), Some(h)) if same_title(t, h) || t.starts_with(h.as_str()) => h1,
        _ => None,
    };
    let outlet =
        meta(&["og:site_name", "publisher", "application-name"]).filter(|o| web_address(o).is_none());
    let published = [
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .iter()
    .find_map(|key| meta(&[key]).and_then(|v| date_prefix(&v)))
    .or_else(|| {
        let has_datetime = |id: usize| tree.name(id) == "time" && tree.attr(id, "datetime").is_some();
        [root, 0].iter().find_map(|&r| {
            let id = tree.find_first(r, &has_datetime, &|_| true)?;
            tree.attr(id, "datetime").and_then(date_prefix)
        })
    });
    let is_canonical = |id: usize| {
        tree.name(id) == "link"
            && tree.attr(id, "rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
    };
    let url = tree
        .find_all(0, &is_canonical, &|_| true)
        .into_iter()
        .find_map(|id| tree.attr(id, "href").and_then(web_address))
        .or_else(|| meta(&["og:url"]).and_then(|u| web_address(&u)));

    Extracted {
        text: tree.render(root, skip),
        title,
        outlet,
        published,
        url,
    }
}

fn is_named<'a>(tree: &'a Tree, names: &'a [&'a str]) -> impl Fn(usize) -> bool + 'a {
    move |id| names.contains(&tree.name(id))
}

/// Every `<meta>` as (key, content): the key is its `property`, `name` or `itemprop`,
/// lower-cased.
fn meta_tags(tree: &Tree) -> Vec<(String, String)> {
    let metas = tree.find_all(0, &|id| tree.name(id) == "meta", &|_| true);
    metas
        .into_iter()
        .filter_map(|id| {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|k| tree.attr(id, k).filter(|v| !v.trim().is_empty()))?;
            let content = tree.attr(id, "content")?;
            Some((key.trim().to_ascii_lowercase(), content.to_string()))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/// Reduces Markdown to the article's text and metadata.
///
/// - **Front matter**: a first line `---`, then `key: value` lines up to a line `---` or `...`,
///   is read and removed: `title`; `outlet`, `source`, `publisher`, `site` or `site_name` (a web
///   address there is taken as the URL); `date`, `published`, `publish_date`, `pubdate` or
///   `published_at` (`YYYY-MM-DD` at its start, or a date in words); `url`, `link`, `canonical`
///   or `canonical_url` (`http`/`https` only). Unclosed front matter is text.
/// - **Title**: the front matter's, else the first level-1 heading (`# Title` or `Title` over a
///   `===` line). That heading is removed from the text when it is the title or reads the same.
/// - **Text**: paragraphs (soft-wrapped lines joined) separated by a blank line; headings, list
///   items and fenced code blocks are paragraphs of their own. Heading `#`s, list markers
///   (`-`, `*`, `+`, `1.`, `1)`, task boxes), blockquote `>`s and thematic breaks are dropped;
///   emphasis markers (`*`, `_`, `~~`) are dropped when they pair up around text; links become
///   their text (`[text](url)`, `[text][ref]`, `[text]` with a definition), images and link
///   definitions are removed, autolinks (`<https://…>`) become their address, code spans keep
///   their content, backslash escapes are resolved. Code blocks keep their lines.
pub fn markdown_to_text(md: &str) -> Extracted {
    let md = md.strip_prefix('\u{FEFF}').unwrap_or(md);
    let unified;
    let md = if md.contains('\r') {
        unified = md.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        md
    };
    let mut ex = Extracted::default();
    let body = front_matter(md, &mut ex);
    let (blocks, labels) = md_blocks(body);
    let rendered: Vec<(bool, String)> = blocks
        .iter()
        .map(|block| match block {
            MdBlock::Paragraph(t) => (false, clean_field(&inline(t, &labels)).unwrap_or_default()),
            MdBlock::Heading(level, t) => (*level == 1, clean_field(&inline(t, &labels)).unwrap_or_default()),
            MdBlock::Code(t) => (false, t.trim_end().to_string()),
        })
        .collect();
    let first_h1 = rendered.iter().position(|(h1, t)| *h1 && !t.is_empty());
    let mut skip = None;
    if let Some(i) = first_h1 {
        match &ex.title {
            None => {
                ex.title = Some(rendered[i].1.clone());
                skip = Some(i);
            }
            Some(t) if same_title(t, &rendered[i].1) => skip = Some(i),
            Some(_) => {}
        }
    }
    let mut text = String::new();
    for (i, (_, t)) in rendered.iter().enumerate() {
        if Some(i) == skip || t.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(t);
    }
    ex.text = text;
    ex
}

enum MdBlock {
    Paragraph(String),
    Heading(u8, String),
    Code(String),
}

/// Reads front matter into `ex`; returns the Markdown after it.
fn front_matter<'a>(md: &'a str, ex: &mut Extracted) -> &'a str {
    let Some(first_end) = md.find('\n') else {
        return md;
    };
    if md[..first_end].trim_end() != "---" {
        return md;
    }
    let mut pos = first_end + 1;
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in md[pos..].split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            for (key, value) in fields {
                apply_field(ex, &key, &value);
            }
            return &md[pos + line.len()..];
        }
        if !l.starts_with([' ', '\t', '-', '#']) {
            if let Some((k, v)) = l.split_once(':') {
                fields.push((k.trim().to_ascii_lowercase(), unquote(v.trim()).to_string()));
            }
        }
        pos += line.len();
    }
    md
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Sets a field of `ex` from a front-matter line, unless already set.
fn apply_field(ex: &mut Extracted, key: &str, value: &str) {
    match key {
        "title" if ex.title.is_none() => ex.title = clean_field(value),
        "outlet" | "source" | "publisher" | "site" | "site_name" => {
            if let Some(url) = web_address(value) {
                ex.url = ex.url.take().or(Some(url));
            } else if ex.outlet.is_none() {
                ex.outlet = clean_field(value);
            }
        }
        "date" | "published" | "publish_date" | "pubdate" | "published_at" if ex.published.is_none() => {
            ex.published = date_prefix(value);
        }
        "url" | "link" | "canonical" | "canonical_url" if ex.url.is_none() => ex.url = web_address(value),
        _ => {}
    }
}

/// Splits Markdown into blocks; also returns the labels of link definitions (lower-cased).
fn md_blocks(body: &str) -> (Vec<MdBlock>, Vec<String>) {
    fn flush(para: &mut Vec<&str>, blocks: &mut Vec<MdBlock>) {
        if !para.is_empty() {
            blocks.push(MdBlock::Paragraph(para.join(" ")));
            para.clear();
        }
    }
    let mut blocks = Vec::new();
    let mut labels = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut fence: Option<(char, usize, Vec<&str>)> = None;
    for line in body.split('\n') {
        if let Some((ch, n, lines)) = &mut fence {
            let t = line.trim();
            let marks = t.len() - t.trim_start_matches(*ch).len();
            if marks >= *n && t.trim_start_matches(*ch).trim().is_empty() {
                blocks.push(MdBlock::Code(lines.join("\n")));
                fence = None;
            } else {
                lines.push(line);
            }
            continue;
        }
        let t = line.trim();
        if let Some((ch, n)) = fence_open(t) {
            flush(&mut para, &mut blocks);
            fence = Some((ch, n, Vec::new()));
            continue;
        }
        if t.is_empty() {
            flush(&mut para, &mut blocks);
            continue;
        }
        if !para.is_empty() && t.chars().all(|c| c == '=') {
            blocks.push(MdBlock::Heading(1, para.join(" ")));
            para.clear();
            continue;
        }
        if is_thematic_break(t) {
            if !para.is_empty() && t.chars().all(|c| c == '-') {
                blocks.push(MdBlock::Heading(2, para.join(" ")));
                para.clear();
            }
            flush(&mut para, &mut blocks);
            continue;
        }
        if let Some((level, text)) = atx_heading(t) {
            flush(&mut para, &mut blocks);
            blocks.push(MdBlock::Heading(level, text.to_string()));
            continue;
        }
        if let Some(label) = link_definition(t) {
            labels.push(label);
            continue;
        }
        let mut t = t;
        while let Some(r) = t.strip_prefix('>') {
            t = r.trim_start();
        }
        if let Some(item) = list_item(t) {
            flush(&mut para, &mut blocks);
            t = item;
        }
        if t.is_empty() {
            flush(&mut para, &mut blocks);
            continue;
        }
        para.push(t.strip_suffix('\\').unwrap_or(t));
    }
    if let Some((_, _, lines)) = fence {
        blocks.push(MdBlock::Code(lines.join("\n")));
    }
    flush(&mut para, &mut blocks);
    (blocks, labels)
}

/// A code fence opening: three or more backticks or tildes (a backtick fence's info string has
/// no backticks).
fn fence_open(t: &str) -> Option<(char, usize)> {
    let ch = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = t.len() - t.trim_start_matches(ch).len();
    (n >= 3 && !(ch == '`' && t[n..].contains('`'))).then_some((ch, n))
}

/// Three or more `-`, `*` or `_` (the same one), optionally spaced, and nothing else.
fn is_thematic_break(t: &str) -> bool {
    let Some(ch) = t.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    t.chars().all(|c| c == ch || c == ' ' || c == '\t') && t.chars().filter(|&c| c == ch).count() >= 3
}

/// `## Heading ##` → (2, `Heading`).
fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let level = t.len() - t.trim_start_matches('#').len();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let stripped = rest.trim_end_matches('#');
    let text = if stripped.is_empty() || stripped.ends_with([' ', '\t']) {
        stripped.trim_end()
    } else {
        rest
    };
    Some((level as u8, text))
}

/// `[label]: https://…` → the label, lower-cased (footnotes `[^1]: …` are text, not definitions).
fn link_definition(t: &str) -> Option<String> {
    let inner = t.strip_prefix('[')?;
    let close = inner.find("]:")?;
    let label = &inner[..close];
    let target = inner[close + 2..].trim();
    let ok = !label.trim().is_empty()
        && !label.contains(['[', ']'])
        && !label.starts_with('^')
        && !target.is_empty();
    ok.then(|| label.trim().to_lowercase())
}

/// The content of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`, with an optional task
/// box `[ ]`/`[x]`), or `None` when the line is not a list item.
fn list_item(t: &str) -> Option<&str> {
    let rest = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&digits) {
            return None;
        }
        t[digits..].strip_prefix(['.', ')'])?
    };
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_start();
    for task in ["[ ] ", "[x] ", "[X] "] {
        if let Some(r) = rest.strip_prefix(task) {
            return Some(r.trim_start());
        }
    }
    Some(rest)
}

/// Inline Markdown → text (see [`markdown_to_text`]). Linear in the input: brackets, parentheses
/// and code-span delimiters are matched in advance.
fn inline(s: &str, labels: &[String]) -> String {
    use std::collections::HashMap;
    enum Piece {
        Text(String),
        Delim {
            ch: char,
            len: usize,
            open: bool,
            close: bool,
        },
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    // Matching `[`…`]` and `(`…`)`, and the closing run of each backtick run.
    let mut close_of: HashMap<usize, usize> = HashMap::new();
    let mut code_close: HashMap<usize, usize> = HashMap::new();
    {
        let (mut brackets, mut parens) = (Vec::new(), Vec::new());
        let mut open_runs: HashMap<usize, usize> = HashMap::new();
        let mut i = 0;
        while i < n {
            match chars[i] {
                '\\' => i += 1,
                '[' => brackets.push(i),
                '(' => parens.push(i),
                ']' => {
                    if let Some(o) = brackets.pop() {
                        close_of.insert(o, i);
                    }
                }
                ')' => {
                    if let Some(o) = parens.pop() {
                        close_of.insert(o, i);
                    }
                }
                '`' => {
                    let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                    match open_runs.remove(&run) {
                        Some(o) => {
                            code_close.insert(o, i);
                        }
                        None => {
                            open_runs.insert(run, i);
                        }
                    }
                    i += run;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
    // A link starting at `[` (index i): (index of its `]`, index after the whole link).
    let link_at = |i: usize| -> Option<(usize, usize)> {
        let c = *close_of.get(&i)?;
        match chars.get(c + 1) {
            Some('(') => close_of.get(&(c + 1)).map(|&p| (c, p + 1)),
            Some('[') => close_of.get(&(c + 1)).map(|&r| (c, r + 1)),
            _ if !labels.is_empty() && c - i <= 200 => {
                let label: String = chars[i + 1..c].iter().collect::<String>().trim().to_lowercase();
                labels.contains(&label).then_some((c, c + 1))
            }
            _ => None,
        }
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut buf = String::new();
    let mut skips: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(&(at, resume)) = skips.last() {
            if i >= at {
                skips.pop();
                if i == at {
                    i = resume;
                }
                continue;
            }
        }
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|d| d.is_ascii_punctuation()) => {
                buf.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                match code_close.get(&i) {
                    Some(&close) => {
                        let code: String = chars[i + run..close].iter().collect();
                        let trimmed = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                            Some(inner) if !inner.trim().is_empty() => inner,
                            _ => &code,
                        };
                        buf.push_str(trimmed);
                        i = close + run;
                    }
                    None => {
                        buf.extend(std::iter::repeat_n('`', run));
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_at(i + 1) {
                Some((_, end)) => i = end,
                None => {
                    buf.push('!');
                    i += 1;
                }
            },
            '[' => {
                if let Some((text_end, end)) = link_at(i) {
                    skips.push((text_end, end));
                } else {
                    buf.push('[');
                }
                i += 1;
            }
            '<' => {
                let end = chars[i + 1..]
                    .iter()
                    .take(500)
                    .position(|&c| c == '>' || c == '<' || c.is_whitespace())
                    .map(|p| i + 1 + p)
                    .filter(|&p| chars[p] == '>');
                let inner: Option<String> = end.map(|p| chars[i + 1..p].iter().collect());
                match inner.filter(|u| web_address(u).is_some() || u.starts_with("mailto:")) {
                    Some(u) => {
                        buf.push_str(&u);
                        i = end.map_or(n, |p| p + 1);
                    }
                    None => {
                        buf.push('<');
                        i += 1;
                    }
                }
            }
            '*' | '_' | '~' => {
                let run = chars[i..].iter().take_while(|&&d| d == c).count();
                let prev = if i == 0 { ' ' } else { chars[i - 1] };
                let next = chars.get(i + run).copied().unwrap_or(' ');
                let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
                let left = !next.is_whitespace() && (!punct(next) || prev.is_whitespace() || punct(prev));
                let right = !prev.is_whitespace() && (!punct(prev) || next.is_whitespace() || punct(next));
                let (open, close) = match c {
                    '_' => (left && !prev.is_alphanumeric(), right && !next.is_alphanumeric()),
                    '~' if run != 2 => (false, false),
                    _ => (left, right),
                };
                if open || close {
                    pieces.push(Piece::Text(std::mem::take(&mut buf)));
                    pieces.push(Piece::Delim {
                        ch: c,
                        len: run,
                        open,
                        close,
                    });
                } else {
                    buf.extend(std::iter::repeat_n(c, run));
                }
                i += run;
            }
            _ => {
                buf.push(c);
                i += 1;
            }
        }
    }
    pieces.push(Piece::Text(buf));
    // Pair delimiters: a closer takes the nearest open opener of the same character.
    let mut removed = vec![false; pieces.len()];
    let mut openers: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (idx, piece) in pieces.iter().enumerate() {
        if let Piece::Delim { ch, open, close, .. } = piece {
            let stack = &mut openers[match ch {
                '*' => 0,
                '_' => 1,
                _ => 2,
            }];
            if *close {
                if let Some(o) = stack.pop() {
                    removed[o] = true;
                    removed[idx] = true;
                    continue;
                }
            }
            if *open {
                stack.push(idx);
            }
        }
    }
    let mut out = String::with_capacity(s.len());
    for (piece, removed) in pieces.iter().zip(removed) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Delim { ch, len, .. } if !removed => out.extend(std::iter::repeat_n(*ch, *len)),
            Piece::Delim { .. } => {}
        }
    }
    out
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
enum Kind {
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
    let stem = stem.trim_end_matches(['.', ' ']).trim_start();
    let stem: String = stem.chars().take(120).collect();
    let stem = stem.trim_end();
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
        Some("html" | "htm" | "xhtml") => Kind::Html,
        Some("md" | "markdown") => Kind::Markdown,
        _ if looks_like_html(&decoded.text) => Kind::Html,
        _ => Kind::Plain,
    };
    let extracted = match kind {
        Kind::Html => html_to_text(&decoded.text),
        Kind::Markdown => markdown_to_text(&decoded.text),
        Kind::Plain => Extracted {
            text: clean_plain(&decoded.text),
            ..Extracted::default()
        },
    };
    if extracted.text.trim().is_empty() {
        return Err(if kind == Kind::Plain {
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

// ---------------------------------------------------------------------------------------------
// Export and import
// ---------------------------------------------------------------------------------------------

/// The value of the `"parallax"` key of an export file.
pub const EXPORT_TAG: &str = "added-articles";
/// The export format's version; [`import`] reads this version and older.
pub const EXPORT_VERSION: u64 = 1;

/// The export file: `{"parallax": "added-articles", "version": 1, "articles": [...]}`,
/// pretty-printed JSON.
pub fn export(articles: &[AddedArticle]) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        parallax: &'a str,
        version: u64,
        articles: &'a [AddedArticle],
    }
    let file = Export {
        parallax: EXPORT_TAG,
        version: EXPORT_VERSION,
        articles,
    };
    // Serialising strings and options cannot fail; the fallback is never used.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The result of [`import`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The entries that were accepted, in file order.
    pub articles: Vec<AddedArticle>,
    /// (entry number, 1-based, and why) for every entry not accepted.
    pub rejected: Vec<(usize, String)>,
}

/// Reads an export file.
///
/// `Err` (and nothing imported) when the file as a whole is not a Parallax export: not JSON, no
/// `"parallax": "added-articles"`, a `version` that is missing or newer than
/// [`EXPORT_VERSION`], or no `articles` list. Otherwise each entry is checked on its own: it must
/// be an object with a non-empty `name` and a non-empty `text` (no NUL, at most
/// [`MAX_FILE_BYTES`]); `title`, `outlet` and `url` must be text when present (`null` is absent,
/// empty text too), `published` a `YYYY-MM-DD` date, `url` an `http`/`https` address. Bad
/// entries are listed in [`Imported::rejected`] with a plain message; names are made into
/// [`article_name`]s. Unknown keys are ignored. Names are not made unique here (see
/// [`unique_name`]).
pub fn import(json: &str) -> Result<Imported, String> {
    const NOT_EXPORT: &str = "This file is not a Parallax export of added articles.";
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let value: Value = serde_json::from_str(json)
        .map_err(|_| format!("{NOT_EXPORT} It could not be read as an export file (it is not JSON)."))?;
    let Value::Object(top) = value else {
        return Err(NOT_EXPORT.to_string());
    };
    if top.get("parallax").and_then(Value::as_str) != Some(EXPORT_TAG) {
        return Err(NOT_EXPORT.to_string());
    }
    match top.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=EXPORT_VERSION).contains(&v) => {}
        Some(v) if v > EXPORT_VERSION => {
            return Err(format!(
                "This export was made by a newer version of Parallax (format {v}); this version reads \
                 format {EXPORT_VERSION}. Update Parallax to import it."
            ))
        }
        _ => {
            return Err(format!(
                "{NOT_EXPORT} Its format version is missing or not understood."
            ))
        }
    }
    let Some(Value::Array(entries)) = top.get("articles") else {
        return Err(format!("{NOT_EXPORT} It has no list of articles."));
    };
    let mut imported = Imported::default();
    for (i, entry) in entries.iter().enumerate() {
        match import_entry(entry) {
            Ok(article) => imported.articles.push(article),
            Err(why) => imported.rejected.push((i + 1, why)),
        }
    }
    Ok(imported)
}

fn import_entry(entry: &Value) -> Result<AddedArticle, String> {
    let Value::Object(map) = entry else {
        return Err("it is not an article (an article has a name and a text)".to_string());
    };
    // An optional text field: absent, null or empty → None; not text → an error.
    let optional = |key: &str, what: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(clean_field(s)),
            Some(_) => Err(format!("its {what} is not text")),
        }
    };
    let name = match map.get("name") {
        Some(Value::String(s)) if !s.trim().is_empty() => article_name(s),
        Some(Value::String(_)) | None | Some(Value::Null) => return Err("it has no name".to_string()),
        Some(_) => return Err("its name is not text".to_string()),
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(format!("“{name}” has no text")),
        Some(_) => return Err(format!("the text of “{name}” is not text")),
    };
    if text.trim().is_empty() {
        return Err(format!("the text of “{name}” is empty"));
    }
    if text.contains('\0') {
        return Err(format!("the text of “{name}” contains binary data"));
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the text of “{name}” is too large ({} MB; the limit is {} MB)",
            megabytes(text.len()),
            megabytes(MAX_FILE_BYTES)
        ));
    }
    let title = optional("title", "title")?;
    let outlet = optional("outlet", "outlet")?;
    let published = match optional("published", "date")? {
        None => None,
        Some(d) => Some(
            Date::parse_iso(&d)
                .ok_or_else(|| format!("the date of “{name}”, “{d}”, is not a date like 2020-08-18"))?,
        ),
    };
    let url =
        match optional("url", "web address")? {
            None => None,
            Some(u) => Some(web_address(&u).ok_or_else(|| {
                format!("the web address of “{name}” does not start with http:// or https://")
            })?),
        };
    Ok(AddedArticle {
        name,
        text: text.clone(),
        title,
        outlet,
        published,
        url,
    })
}
