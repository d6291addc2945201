//! Markdown to article text ([`markdown_to_text`]): front matter, blocks, inline markup.

use super::{clean_field, date_prefix, same_title, web_address, Extracted};

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
