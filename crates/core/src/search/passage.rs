//! What a hit shows: the best passage of a document with its highlights, and the
//! keyword-in-context concordance of every match.

use super::results::{KwicLine, Matcher, Passage, SearchResults};
use crate::corpus::Corpus;
use crate::index::article_tokens;
use std::collections::HashSet;

use crate::model::{Anchor, Document, Span};
use crate::text::tokenize::Token;

/// The tokens `matcher` matches, in order: a hyphenated word matched whole (`Russia-led`) once,
/// without its parts; otherwise its matched parts.
fn matched_tokens<'t>(
    tokens: &'t [(Option<usize>, Token)],
    matcher: &Matcher,
) -> Vec<&'t (Option<usize>, Token)> {
    let mut out = Vec::new();
    let mut covered_until = 0;
    for entry in tokens {
        let t = &entry.1;
        if t.start < covered_until || !matcher.matches(&t.exact, &t.stem) {
            continue;
        }
        if t.compound {
            covered_until = t.end;
        }
        out.push(entry);
    }
    out
}

/// The anchor and span of the sentence holding byte `at`, a word of paragraph `paragraph`, or
/// of the headline (`None`).
fn sentence_of(d: &Document, paragraph: Option<usize>, at: usize) -> (Option<Anchor>, Span) {
    let Some(p) = paragraph else {
        return (None, d.title.unwrap_or_default());
    };
    let anchor = d.sentence_at(at as u32).unwrap_or(Anchor {
        paragraph: p,
        sentence: Some(0),
    });
    (Some(anchor), d.span_of(anchor).unwrap_or(d.paragraphs[p].span))
}

/// Longest passage shown before it is clipped around its first match, in bytes.
const MAX_PASSAGE: usize = 320;

/// The sentence (or headline) with the most distinct matched words; the earliest on ties.
pub fn best_passage(corpus: &Corpus, doc: u32, matcher: &Matcher) -> Passage {
    let article = &corpus.articles[doc as usize];
    let d = &article.document;
    let tokens = article_tokens(article);
    let mut best: Option<(usize, Option<Anchor>, Span)> = None; // (distinct, anchor, span)
    let mut current: Option<(Option<Anchor>, Span, HashSet<&str>)> = None;
    let mut consider = |c: &Option<(Option<Anchor>, Span, HashSet<&str>)>| {
        if let Some((anchor, span, words)) = c {
            if best.as_ref().is_none_or(|b| words.len() > b.0) {
                best = Some((words.len(), *anchor, *span));
            }
        }
    };
    let matched = matched_tokens(&tokens, matcher);
    for (paragraph, t) in matched.iter().copied() {
        let (anchor, span) = sentence_of(d, *paragraph, t.start);
        if current.as_ref().is_none_or(|c| c.0 != anchor) {
            consider(&current);
            current = Some((anchor, span, HashSet::new()));
        }
        if let Some(c) = current.as_mut() {
            c.2.insert(t.stem.as_str());
        }
    }
    consider(&current);
    let (anchor, span) = match best {
        Some((_, anchor, span)) => (anchor, span),
        None => match d.paragraphs.first() {
            Some(p) => (
                Some(Anchor {
                    paragraph: 0,
                    sentence: Some(0),
                }),
                p.sentences.first().copied().unwrap_or(p.span),
            ),
            None => (None, d.title.unwrap_or_default()),
        },
    };
    let inside: Vec<&Token> = matched
        .iter()
        .map(|(_, t)| t)
        .filter(|t| t.start >= span.start as usize && t.end <= span.end as usize)
        .collect();
    let mut passage = clip(
        &d.text,
        anchor,
        span,
        inside.iter().map(|t| Span::new(t.start, t.end)).collect(),
    );
    passage.other_forms = inside
        .iter()
        .filter(|t| !matcher.exact.contains(&t.exact))
        .map(|t| Span::new(t.start, t.end))
        .filter(|s| passage.highlights.contains(s))
        .collect();
    passage
}

/// Clips a long passage to about [`MAX_PASSAGE`] bytes around its first highlight, at word
/// boundaries.
fn clip(text: &str, anchor: Option<Anchor>, span: Span, highlights: Vec<Span>) -> Passage {
    let (mut start, mut end) = (span.start as usize, span.end as usize);
    let (mut clipped_start, mut clipped_end) = (false, false);
    if end - start > MAX_PASSAGE {
        let anchor = highlights.first().map_or(start, |h| h.start as usize);
        let mut from = anchor.saturating_sub(MAX_PASSAGE / 3).max(start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > start {
            let at = text[from..end].find(' ').map_or(from, |i| from + i + 1);
            start = at.min(anchor);
            clipped_start = true;
        }
        let to = (start + MAX_PASSAGE).min(end);
        if to < end {
            let mut to = to;
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            end = text[start..to].rfind(' ').map_or(to, |i| start + i);
            clipped_end = true;
        }
    }
    let highlights = highlights
        .into_iter()
        .filter(|h| h.start as usize >= start && h.end as usize <= end)
        .collect();
    Passage {
        anchor,
        span: Span::new(start, end),
        clipped_start,
        clipped_end,
        highlights,
        other_forms: Vec::new(),
    }
}

/// The end of `text` of at most `max` characters, starting at a word: a word the limit cuts
/// is left out whole.
fn last_words(text: &str, max: usize) -> &str {
    match text.char_indices().rev().nth(max) {
        None => text,
        Some((cut, c)) => {
            let rest = &text[cut + c.len_utf8()..];
            if c.is_whitespace() {
                return rest;
            }
            rest.find(char::is_whitespace).map_or("", |i| &rest[i..])
        }
    }
}

/// The start of `text` of at most `max` characters, ending at a word: a word the limit cuts is
/// left out whole.
fn first_words(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        None => text,
        Some((cut, c)) => {
            let kept = &text[..cut];
            if c.is_whitespace() {
                return kept;
            }
            kept.rfind(char::is_whitespace).map_or("", |i| &kept[..i])
        }
    }
}

/// Every matched word in the ranked documents, with up to `context` characters either side
/// (within its paragraph), in rank order; at most `limit` lines.
pub fn concordance(corpus: &Corpus, results: &SearchResults, context: usize, limit: usize) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for &doc in &results.ranked {
        let article = &corpus.articles[doc as usize];
        let d = &article.document;
        let tokens = article_tokens(article);
        for &(paragraph, ref t) in matched_tokens(&tokens, &results.matcher) {
            let seg_span = match paragraph {
                None => d.title.unwrap_or_default(),
                Some(p) => d.paragraphs[p].span,
            };
            let (anchor, _) = sentence_of(d, paragraph, t.start);
            let before = &d.text[seg_span.start as usize..t.start];
            let after = &d.text[t.end..seg_span.end as usize];
            out.push(KwicLine {
                doc,
                anchor,
                left: last_words(before, context).to_string(),
                keyword: d.text[t.start..t.end].to_string(),
                other_form: !results.matcher.exact.contains(&t.exact),
                right: first_words(after, context).to_string(),
            });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}
