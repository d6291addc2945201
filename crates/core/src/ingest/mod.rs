//! Ingestion: any bytes in, a [`Document`] plus diagnostics out. Never fails, never panics.
//!
//! Scraped news text is messy, so ingestion recognises the structure such files really have,
//! in this order:
//!
//! 1. an optional leading ` date YYYY-MM-DD` marker (the rest of that line is read as content);
//! 2. a headline when the first content line is one; a one-word first line (`Belarus`) is a
//!    section label and means the text has no headline;
//! 3. photo credits and captions (`© Sputnik / Evgeny OdinokovFILE PHOTO: …`), kept apart from
//!    the body;
//! 4. paragraphs (every line is a paragraph, except hard-wrapped lines, which are joined);
//! 5. a dateline at the start of the first paragraph:
//!    `MOSCOW (UrduPoint News / Sputnik - 19th September, 2020)` → place, outlets, date;
//! 6. leading and trailing site debris (`Get short URL`, `More Stories From World`);
//! 7. sentences.
//!
//! Every span is a byte range into [`Document::text`], which is the input itself when it is valid
//! UTF-8 (invalid sequences are replaced by U+FFFD and reported).

pub mod metadata;

pub use metadata::{parse_metadata, FileMeta, Metadata, MetadataError, OutletMeta, METADATA_FILE};

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::model::{Date, Dateline, Diagnostic, Document, Level, Paragraph, PhotoCredit, Span};
use crate::text::{data_lines, parse_written_date};

/// Ingests one file. Any bytes are accepted; problems become diagnostics.
pub fn ingest(file: &str, bytes: &[u8]) -> Document {
    let mut diagnostics = Vec::new();
    let text = decode(bytes, &mut diagnostics);
    let mut doc = Document {
        file: file.to_string(),
        text,
        title: None,
        section: None,
        marker_date: None,
        dateline: None,
        credits: Vec::new(),
        paragraphs: Vec::new(),
        debris: Vec::new(),
        diagnostics,
    };
    let lines = content_lines(&doc.text, &mut doc.marker_date);
    let mut rest = &lines[..];
    if let Some(first) = rest.first() {
        let first_text = first.span.of(&doc.text);
        if is_section_label(first_text) && rest.len() > 1 {
            doc.section = Some(first.span);
            rest = &rest[1..];
            doc.diagnostics.push(info(
                format!("The first line, \u{201C}{first_text}\u{201D}, is a section label, not a headline."),
                first.span,
            ));
        } else if rest.len() > 1 && is_headline(first_text) {
            doc.title = Some(first.span);
            rest = &rest[1..];
        }
    }
    let mut body = Vec::with_capacity(rest.len());
    for line in rest {
        match photo_credit(&doc.text, line.span) {
            Some(credit) => {
                doc.diagnostics.push(info(
                    "A photo credit was kept apart from the body.".to_string(),
                    line.span,
                ));
                doc.credits.push(credit);
            }
            None => body.push(*line),
        }
    }
    let mut spans = join_wrapped_lines(&doc.text, &body);
    if let Some(first) = spans.first_mut() {
        if let Some(dateline) = parse_dateline(&doc.text, *first) {
            *first = Span::new(
                skip_space(&doc.text, dateline.span.end as usize),
                first.end as usize,
            );
            doc.dateline = Some(dateline);
        }
    }
    remove_debris(&doc.text, &mut spans, &mut doc.debris, &mut doc.diagnostics);
    doc.paragraphs = spans
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|span| Paragraph {
            span,
            sentences: split_sentences(&doc.text, span),
        })
        .collect();
    if doc.paragraphs.is_empty() {
        doc.diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: "The file has no body text.".to_string(),
            span: None,
        });
    }
    doc
}

fn info(message: String, span: Span) -> Diagnostic {
    Diagnostic {
        level: Level::Info,
        message,
        span: Some(span),
    }
}

/// Decodes UTF-8, replacing invalid sequences and reporting them; flags binary-looking input.
fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let n = s.matches('\u{FFFD}').count();
            diagnostics.push(Diagnostic {
                level: Level::Warning,
                message: format!(
                    "The file is not valid UTF-8: {n} byte sequence(s) were replaced with \u{FFFD}. \
                     Save it as UTF-8 to see every character."
                ),
                span: None,
            });
            s
        }
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls > 0 && controls * 20 > text.chars().count().max(1) {
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: "The file looks like binary data, not text.".to_string(),
            span: None,
        });
    }
    text
}

#[derive(Clone, Copy, Debug)]
struct Line {
    /// Trimmed line content.
    span: Span,
    /// Whether a blank line (or the start of text) precedes this line.
    after_blank: bool,
}

/// Non-empty lines, trimmed, with the leading date marker consumed.
fn content_lines(text: &str, marker_date: &mut Option<Date>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut after_blank = true;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(is_trim).len();
        let mut s = start + lead;
        let e = start + body.trim_end_matches(is_trim).len();
        if lines.is_empty() && marker_date.is_none() {
            if let Some((date, len)) = date_marker(&text[s..e.max(s)]) {
                *marker_date = Some(date);
                s = skip_space(text, s + len).min(e.max(s));
            }
        }
        if e <= s {
            after_blank = true;
            continue;
        }
        lines.push(Line {
            span: Span::new(s, e),
            after_blank,
        });
        after_blank = false;
    }
    lines
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn skip_space(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start_matches(is_trim).len())
}

/// `date 2020-09-19` at the start of a (trimmed) line → the date and the bytes consumed.
fn date_marker(line: &str) -> Option<(Date, usize)> {
    let rest = line.strip_prefix("date")?;
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 {
        return None;
    }
    let iso = rest.trim_start().get(..10)?;
    let date = Date::parse_iso(iso)?;
    Some((date, 4 + gap + 10))
}

/// A one-word line such as `Belarus` or `World`.
fn is_section_label(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && line.chars().count() <= 30
        && line.chars().next().is_some_and(char::is_alphabetic)
        && !line.ends_with(['.', '!', '?'])
}

/// A first line short enough and plain enough to be a headline.
fn is_headline(line: &str) -> bool {
    line.len() <= 400
        && line.split_whitespace().count() >= 2
        && !line.starts_with('\u{00A9}')
        && parse_dateline(line, Span::new(0, line.len())).is_none()
}

/// Recognises a photo credit line: `© Agency / Name`, optionally with a caption run into it
/// after `FILE PHOTO:` or `PHOTO:`; also lines that begin `Photo:` / `Credit:`.
fn photo_credit(text: &str, span: Span) -> Option<PhotoCredit> {
    let line = span.of(text);
    let start = span.start as usize;
    let body_at = if let Some(rest) = line.strip_prefix('\u{00A9}') {
        start + (line.len() - rest.len())
    } else {
        let lower = line.get(..8.min(line.len()))?.to_ascii_lowercase();
        let prefix = ["photo:", "credit:", "image:"]
            .into_iter()
            .find(|p| lower.starts_with(p))?;
        start + prefix.len()
    };
    let body_at = skip_space(text, body_at).min(span.end as usize);
    let body = &text[body_at..span.end as usize];
    let marker = ["FILE PHOTO:", "PHOTO:", "Photo:"]
        .iter()
        .find_map(|m| body.find(m).map(|i| (i, m.len())));
    Some(match marker {
        Some((i, len)) => PhotoCredit {
            credit: Span::new(body_at, body_at + body[..i].trim_end().len()),
            caption: {
                let cap = skip_space(text, body_at + i + len);
                (cap < span.end as usize).then(|| Span::new(cap, span.end as usize))
            },
        },
        None => PhotoCredit {
            credit: Span::new(body_at, span.end as usize),
            caption: None,
        },
    })
}

/// Turns lines into paragraph spans: each line is a paragraph, except that a line which does not
/// end a sentence and is followed, without a blank line, by a line starting in lower case is
/// joined to it (hard-wrapped text).
fn join_wrapped_lines(text: &str, lines: &[Line]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(lines.len());
    let mut prev_open = false;
    for line in lines {
        let s = line.span.of(text);
        let continues = prev_open && !line.after_blank && s.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if continues => last.end = line.span.end,
            _ => out.push(line.span),
        }
        prev_open = !s
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\u{2019}', '\'', ')']);
    }
    out
}

/// Parses a dateline at the start of `span`: an upper-case place, then `(` outlets, optionally
/// ` - ` and a date `)`. Without a date inside the brackets, the bracket must be followed by a
/// dash or colon (`LONDON (Reuters) -`), so that `NATO (North Atlantic …) said` is not taken.
pub(crate) fn parse_dateline(text: &str, span: Span) -> Option<Dateline> {
    let start = span.start as usize;
    let s = span.of(text);
    let open = s.find(" (")?;
    let place = &s[..open];
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let place_ok = letters.len() >= 2
        && open <= 40
        && letters.iter().all(|c| c.is_uppercase())
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | ','));
    if !place_ok {
        return None;
    }
    let inner_start = open + 2;
    let close = inner_start + s[inner_start..].find(')')?;
    let inner = &s[inner_start..close];
    if inner.is_empty() || inner.len() > 80 {
        return None;
    }
    let (outlets, date) = inner
        .rfind(" - ")
        .and_then(|i| parse_written_date(inner[i + 3..].trim()).map(|(d, _)| (inner[..i].trim(), Some(d))))
        .unwrap_or((inner.trim(), None));
    let mut end = close + 1;
    let after = s[end..].trim_start();
    let dash = after.starts_with(['-', '\u{2013}', '\u{2014}', ':']);
    if dash {
        end = s.len() - after.len() + after.chars().next().map_or(0, char::len_utf8);
    } else if date.is_none() {
        return None;
    }
    let outlets_at = start + inner_start + inner.find(outlets).unwrap_or(0);
    Some(Dateline {
        span: Span::new(start, start + end),
        place: Span::new(start, start + place.trim_end_matches(',').trim_end().len()),
        outlets: (!outlets.is_empty()).then(|| Span::new(outlets_at, outlets_at + outlets.len())),
        date,
    })
}

/// Phrases that begin the trailing navigation and sharing text sites append to articles.
fn trailing_debris() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| data_lines(include_str!("../../data/trailing_debris.txt")).collect())
}

/// Removes trailing debris paragraphs and a leading `… Get short URL NNN` prefix.
fn remove_debris(
    text: &str,
    spans: &mut Vec<Span>,
    debris: &mut Vec<Span>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    while spans.len() > 1 {
        let last = spans[spans.len() - 1];
        let s = last.of(text);
        let lower = s.to_lowercase();
        let short = s.split_whitespace().count() <= 8;
        if !(short
            && trailing_debris().iter().any(|d| {
                lower
                    .strip_prefix(d)
                    .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            }))
        {
            break;
        }
        spans.pop();
        debris.push(last);
        diagnostics.push(info(
            format!("Trailing site text removed: \u{201C}{s}\u{201D}."),
            last,
        ));
    }
    if let Some(first) = spans.first_mut() {
        let s = first.of(text);
        if let Some(i) = s.find("Get short URL") {
            if i <= 60 {
                let mut end = i + "Get short URL".len();
                let rest = &s[end..];
                let trimmed = rest.trim_start();
                let digits = trimmed.len() - trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits > 0 {
                    end += rest.len() - trimmed.len() + digits;
                }
                let cut = Span::new(first.start as usize, first.start as usize + end);
                debris.push(cut);
                diagnostics.push(info("Leading site text removed.".to_string(), cut));
                *first = Span::new(skip_space(text, cut.end as usize), first.end as usize);
            }
        }
    }
}

/// Words that end with a full stop without ending a sentence.
fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/abbreviations.txt")).collect())
}

/// Splits a paragraph into sentences at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets) followed by space and an upper-case letter, digit or opening quote, except after
/// abbreviations and initials (`Mr.`, `U.S.`).
pub(crate) fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    let base = span.start as usize;
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(e, _)| e);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, n)| n);
            let boundary = k > j
                && next.is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '\u{201C}' | '\'' | '\u{2018}')
                })
                && !(c == '.' && is_abbreviation(&s[start..at]));
            if boundary {
                out.push(Span::new(base + start, base + end));
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    let tail = s[start..].trim_end();
    if !tail.is_empty() {
        out.push(Span::new(base + start, base + start + tail.len()));
    }
    out
}

/// Whether the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}']);
    if word.contains('.') {
        return true; // U.S, a.m
    }
    let n = word.chars().count();
    (n == 1 && word.chars().all(char::is_uppercase))
        || abbreviations().contains(&word.to_ascii_lowercase().as_str())
}
