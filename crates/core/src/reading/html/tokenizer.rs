//! The HTML tokenizer: start and end tags with their attributes, comments and other skipped
//! markup, the end of raw-text elements, and character references.

use super::named_entities::named_entity;
use crate::reading::decoding::WINDOWS_1252;

pub(super) enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    /// Comments, doctypes, processing instructions, CDATA.
    Skip,
}

pub(in crate::reading) fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// `(end of content, end of the end tag)` for the raw-text element `name` whose content starts
/// at `from`; the end of input when the element is not closed.
pub(super) fn find_end_tag(html: &str, from: usize, name: &str) -> (usize, usize) {
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
pub(super) fn markup_at(
    html: &str,
    i: usize,
    last_quotes: (Option<usize>, Option<usize>),
) -> Option<(Token, usize)> {
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
pub(super) fn decode_entities(s: &str) -> String {
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
