//! What a hit shows: the best passage of a document with its highlights, and the
//! keyword-in-context concordance of every match.

use super::results::{KwicLine, Matcher, Passage, SearchResults};
use crate::corpus::Corpus;
use crate::index::article_tokens;
use std::collections::HashSet;

use crate::model::Span;
use crate::text::tokenize::Token;

/// The tokens `matcher` matches, in order: a hyphenated word matched whole (`Russia-led`) once,
/// without its parts; otherwise its matched parts.
fn matched_tokens<'t>(tokens: &'t [(usize, Token)], matcher: &Matcher) -> Vec<&'t (usize, Token)> {
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

/// Longest passage shown before it is clipped around its first match, in bytes.
const MAX_PASSAGE: usize = 320;

/// The sentence (or headline) with the most distinct matched words; the earliest on ties.
pub fn best_passage(corpus: &Corpus, doc: u32, matcher: &Matcher) -> Passage {
    let article = &corpus.articles[doc as usize];
    let d = &article.doc;
    let tokens = article_tokens(article);
    let sentence_of = |segment: usize, at: usize| -> (usize, Span) {
        if segment == 0 {
            return (0, d.title.unwrap_or_default());
        }
        let p = &d.paragraphs[segment - 1];
        let i = p
            .sentences
            .iter()
            .rposition(|s| (s.start as usize) <= at)
            .unwrap_or(0);
        (i, p.sentences.get(i).copied().unwrap_or(p.span))
    };
    let mut best: Option<(usize, usize, usize, Span)> = None; // (distinct, segment, sentence, span)
    let mut current: Option<(usize, usize, Span, HashSet<&str>)> = None;
    let mut consider = |c: &Option<(usize, usize, Span, HashSet<&str>)>| {
        if let Some((segment, sentence, span, words)) = c {
            if best.as_ref().is_none_or(|b| words.len() > b.0) {
                best = Some((words.len(), *segment, *sentence, *span));
            }
        }
    };
    let matched = matched_tokens(&tokens, matcher);
    for (segment, t) in matched.iter().copied() {
        let (sentence, span) = sentence_of(*segment, t.start);
        if !current
            .as_ref()
            .is_some_and(|c| c.0 == *segment && c.1 == sentence)
        {
            consider(&current);
            current = Some((*segment, sentence, span, HashSet::new()));
        }
        if let Some(c) = current.as_mut() {
            c.3.insert(t.stem.as_str());
        }
    }
    consider(&current);
    let (segment, sentence, span) = match best {
        Some((_, seg, sen, span)) => (seg, sen, span),
        None => match d.paragraphs.first() {
            Some(p) => (1, 0, p.sentences.first().copied().unwrap_or(p.span)),
            None => (0, 0, d.title.unwrap_or_default()),
        },
    };
    let highlights: Vec<Span> = matched
        .iter()
        .filter(|(_, t)| t.start >= span.start as usize && t.end <= span.end as usize)
        .map(|(_, t)| Span::new(t.start, t.end))
        .collect();
    clip(&d.text, segment, sentence, span, highlights)
}

/// Clips a long passage to about [`MAX_PASSAGE`] bytes around its first highlight, at word
/// boundaries.
fn clip(text: &str, segment: usize, sentence: usize, span: Span, highlights: Vec<Span>) -> Passage {
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
        segment,
        sentence,
        span: Span::new(start, end),
        clipped_start,
        clipped_end,
        highlights,
    }
}

/// Every matched word in the ranked documents, with up to `context` characters either side
/// (within its paragraph), in rank order; at most `limit` lines.
pub fn concordance(corpus: &Corpus, results: &SearchResults, context: usize, limit: usize) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for &doc in &results.ranked {
        let article = &corpus.articles[doc as usize];
        let d = &article.doc;
        let tokens = article_tokens(article);
        for &(segment, ref t) in matched_tokens(&tokens, &results.matcher) {
            let seg_span = if segment == 0 {
                d.title.unwrap_or_default()
            } else {
                d.paragraphs[segment - 1].span
            };
            let sentence = if segment == 0 {
                0
            } else {
                d.paragraphs[segment - 1]
                    .sentences
                    .iter()
                    .rposition(|s| s.start as usize <= t.start)
                    .unwrap_or(0)
            };
            let before = &d.text[seg_span.start as usize..t.start];
            let after = &d.text[t.end..seg_span.end as usize];
            let left: String = before
                .chars()
                .rev()
                .take(context)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = after.chars().take(context).collect();
            out.push(KwicLine {
                doc,
                segment,
                sentence,
                left,
                keyword: d.text[t.start..t.end].to_string(),
                right,
            });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}
