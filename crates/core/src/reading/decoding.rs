//! Bytes to text: the encodings Parallax reads (UTF-8, UTF-16, Windows-1251, Windows-1252 and
//! their tables), guessing between them, and rejecting what is not text ([`Rejection`]).

use serde::{Deserialize, Serialize};

use super::MAX_FILE_BYTES;

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
pub(super) const WINDOWS_1252: [char; 128] = [
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
pub(super) fn megabytes(bytes: usize) -> String {
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
