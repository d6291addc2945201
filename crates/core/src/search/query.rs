//! The query language. Parsing never fails: whatever it cannot use becomes a message.
//!
//! | syntax | meaning |
//! |---|---|
//! | `belarus protest` | every term must match (stemmed; exact forms rank higher) |
//! | `"internal affairs"` | the exact phrase, anywhere in the query |
//! | `luka*` | words starting with `luka` |
//! | `-sanctions`, `-"united nations"` | exclude |
//! | `minsk OR moscow` | either |
//! | `outlet:rt` | only this outlet (key or name, any case) |
//! | `entity:lukashenko`, `entity:"Alexander Lukashenko"` | only articles naming this entity (name or alias, any case); alone, lists them by mentions |
//! | `after:2020-09`, `before:2021` | dates (year, month or day; inclusive) |
//!
//! Misspelt terms that match nothing are corrected to the nearest indexed word (more edits
//! allowed for longer words).

use crate::model::Date;

use crate::text::tokenize::{fold, tokenize};

/// At most this many terms and phrases are used; the rest of a very long query is ignored
/// (with a message), so latency stays bounded whatever is pasted.
pub const MAX_ATOMS: usize = 32;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Every clause must match; a clause matches when any of its atoms does.
    pub clauses: Vec<Vec<Atom>>,
    /// Documents matching any of these are removed.
    pub excluded: Vec<Atom>,
    /// Outlet names or keys, as written (`outlet:rt`).
    pub outlets: Vec<String>,
    /// Entity names or aliases, as written (`entity:lukashenko`); each must be named.
    pub entities: Vec<String>,
    /// Inclusive date bounds.
    pub after: Option<Date>,
    pub before: Option<Date>,
    /// What the parser could not use, in plain words.
    pub messages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One word; `prefix` also matches longer words that start with it.
    Term { word: String, prefix: bool },
    /// Folded exact forms, in order.
    Phrase(Vec<String>),
}

impl Query {
    /// No words to match (filters aside).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Nothing selects documents: no words and no filter (an entity, an outlet or a date).
    /// Exclusions alone select nothing.
    pub fn is_blank(&self) -> bool {
        self.clauses.is_empty()
            && self.entities.is_empty()
            && self.outlets.is_empty()
            && self.after.is_none()
            && self.before.is_none()
    }
}

/// The query written back in the query language, in a canonical order: word clauses (`OR`
/// between a clause's atoms), exclusions, then filters. Parsing it gives the same query
/// (messages aside): the fuzz target `query` checks this.
impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = self
            .clauses
            .iter()
            .map(|clause| {
                clause
                    .iter()
                    .map(Atom::to_string)
                    .collect::<Vec<_>>()
                    .join(" OR ")
            })
            .collect();
        parts.extend(self.excluded.iter().map(|a| format!("-{a}")));
        let value = |v: &str| {
            if v.is_empty() || v.contains(char::is_whitespace) {
                format!("\"{v}\"")
            } else {
                v.to_string()
            }
        };
        parts.extend(self.outlets.iter().map(|o| format!("outlet:{}", value(o))));
        parts.extend(self.entities.iter().map(|e| format!("entity:{}", value(e))));
        parts.extend(self.after.map(|d| format!("after:{d}")));
        parts.extend(self.before.map(|d| format!("before:{d}")));
        f.write_str(&parts.join(" "))
    }
}

impl std::fmt::Display for Atom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Atom::Term { word, prefix } => write!(f, "{word}{}", if *prefix { "*" } else { "" }),
            Atom::Phrase(words) => write!(f, "\"{}\"", words.join(" ")),
        }
    }
}

/// Options of [`parse_query`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Treat the last word as a prefix too (results as you type), unless the query ends in a
    /// space.
    pub as_you_type: bool,
}

/// Parses a query string.
pub fn parse_query(input: &str, options: ParseOptions) -> Query {
    let mut q = Query::default();
    let mut pending_or = false;
    let mut n_atoms = 0;
    let pieces = split_pieces(input, &mut q.messages);
    let last_plain = pieces
        .iter()
        .rposition(|p| !p.quoted && !p.negated && !p.text.contains(':') && p.text != "OR");
    for (i, piece) in pieces.iter().enumerate() {
        if !piece.quoted && piece.text == "OR" {
            pending_or = !q.clauses.is_empty();
            continue;
        }
        if !piece.quoted && !piece.negated {
            if let Some((key, value)) = piece.text.split_once(':') {
                if apply_filter(&mut q, key, value) {
                    continue;
                }
            }
        }
        let atoms = atoms_of(
            piece,
            options.as_you_type && Some(i) == last_plain && !input.ends_with(char::is_whitespace),
        );
        if atoms.is_empty() {
            if piece.negated && piece.text.is_empty() {
                q.messages.push(
                    "A lone \u{201C}-\u{201D} was ignored: put it right before a word to exclude.".into(),
                );
            }
            continue;
        }
        if n_atoms + atoms.len() > MAX_ATOMS {
            q.messages.push(format!(
                "Only the first {MAX_ATOMS} words of the query were used."
            ));
            break;
        }
        n_atoms += atoms.len();
        if piece.negated {
            q.excluded.extend(atoms);
        } else if pending_or && atoms.len() == 1 {
            q.clauses
                .last_mut()
                .expect("pending_or implies a clause")
                .extend(atoms);
        } else {
            q.clauses.extend(atoms.into_iter().map(|a| vec![a]));
        }
        pending_or = false;
    }
    if q.is_blank() && !q.excluded.is_empty() {
        q.messages
            .push("Add at least one word or filter to search for; exclusions only narrow a search.".into());
    }
    q
}

/// A whitespace-separated piece of the query, or a quoted phrase.
#[derive(Debug)]
pub(super) struct Piece {
    pub(super) text: String,
    pub(super) quoted: bool,
    pub(super) negated: bool,
}

pub(super) fn split_pieces(input: &str, messages: &mut Vec<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            negated = true;
        }
        if chars.peek().is_some_and(|&c| is_quote(c)) {
            chars.next();
            let mut text = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if is_quote(c) {
                    closed = true;
                    break;
                }
                text.push(c);
            }
            if !closed {
                messages
                    .push("A quotation mark was not closed; the phrase runs to the end of the query.".into());
            }
            out.push(Piece {
                text,
                quoted: true,
                negated,
            });
            continue;
        }
        let mut text = String::new();
        while let Some(&c) = chars.peek() {
            if is_quote(c) && text.ends_with(':') {
                // `entity:"Alexander Lukashenko"`: a quoted filter value
                chars.next();
                text.extend(chars.by_ref().take_while(|&c| !is_quote(c)));
                break;
            }
            if c.is_whitespace() || is_quote(c) {
                break;
            }
            text.push(c);
            chars.next();
        }
        out.push(Piece {
            text,
            quoted: false,
            negated,
        });
    }
    out
}

pub(super) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Applies `key:value` when `key` is a known filter; returns false for other words with a colon.
pub(super) fn apply_filter(q: &mut Query, key: &str, value: &str) -> bool {
    match key.to_ascii_lowercase().as_str() {
        "outlet" | "source" => {
            if value.is_empty() {
                q.messages
                    .push("\u{201C}outlet:\u{201D} needs a name, e.g. outlet:rt.".into());
            } else {
                q.outlets.push(value.to_string());
            }
            true
        }
        "entity" => {
            if value.trim().is_empty() {
                q.messages
                    .push("\u{201C}entity:\u{201D} needs a name, e.g. entity:lukashenko.".into());
            } else {
                q.entities.push(value.trim().to_string());
            }
            true
        }
        "after" | "before" => {
            let after = key.eq_ignore_ascii_case("after");
            match parse_date_bound(value, after) {
                Some(d) if after => q.after = Some(d),
                Some(d) => q.before = Some(d),
                None => q.messages.push(format!(
                    "\u{201C}{key}:{value}\u{201D} is not a date; write a year, year-month or year-month-day, e.g. {key}:2020-09."
                )),
            }
            true
        }
        _ => false,
    }
}

/// `2020`, `2020-09` or `2020-09-19`; a partial date is widened to the start (for `after`) or
/// end (for `before`) of its period.
fn parse_date_bound(value: &str, after: bool) -> Option<Date> {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => Date::new(num(y)?, if after { 1 } else { 12 }, if after { 1 } else { 31 }),
        [y, m] if y.len() == 4 => Date::new(num(y)?, num(m)?, if after { 1 } else { 31 }),
        [y, m, d] if y.len() == 4 => Date::new(num(y)?, num(m)?, num(d)?),
        _ => None,
    }
}

/// The atoms of a piece: a quoted piece is one phrase (or one term if it has one word); an
/// unquoted piece is one term per word it contains (a hyphenated word stays whole).
pub(super) fn atoms_of(piece: &Piece, last_word_prefix: bool) -> Vec<Atom> {
    let (text, star) = match piece.text.strip_suffix('*') {
        Some(t) if !piece.quoted => (t, true),
        _ => (piece.text.as_str(), false),
    };
    let (tokens, _) = tokenize(text, 0);
    if piece.quoted {
        let words: Vec<String> = tokens
            .into_iter()
            .filter(|t| !t.compound)
            .map(|t| t.exact)
            .collect();
        return match words.len() {
            0 => Vec::new(),
            _ => vec![Atom::Phrase(words)],
        };
    }
    let mut out = Vec::new();
    let mut covered_until = 0;
    for t in &tokens {
        if t.start < covered_until {
            continue; // a part of a compound already taken whole
        }
        covered_until = t.end;
        out.push(Atom::Term {
            word: if t.compound {
                fold(&text[t.start..t.end])
            } else {
                t.exact.clone()
            },
            prefix: false,
        });
    }
    if let Some(Atom::Term { prefix, .. }) = out.last_mut() {
        *prefix = star || last_word_prefix;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(w: &str) -> Atom {
        Atom::Term {
            word: w.into(),
            prefix: false,
        }
    }

    fn parse(s: &str) -> Query {
        parse_query(s, ParseOptions::default())
    }

    #[test]
    fn terms_phrases_prefixes_or_and_exclusions() {
        let q = parse("Belarus \u{201C}internal affairs\u{201D} luka* -sanctions minsk OR moscow");
        assert_eq!(
            q.clauses,
            vec![
                vec![term("belarus")],
                vec![Atom::Phrase(vec!["internal".into(), "affairs".into()])],
                vec![Atom::Term {
                    word: "luka".into(),
                    prefix: true
                }],
                vec![term("minsk"), term("moscow")],
            ]
        );
        assert_eq!(q.excluded, vec![term("sanctions")]);
        assert!(q.messages.is_empty());
    }

    #[test]
    fn filters() {
        let q = parse("protest outlet:RT after:2020-09 before:2021");
        assert_eq!(q.outlets, ["RT"]);
        assert_eq!(q.after.unwrap().to_string(), "2020-09-01");
        assert_eq!(q.before.unwrap().to_string(), "2021-12-31");
        let q = parse("protest after:yesterday");
        assert!(q.messages[0].contains("not a date"));
        assert_eq!(q.clauses.len(), 1);
    }

    #[test]
    fn as_you_type_makes_the_last_word_a_prefix() {
        let q = parse_query("belarus luka", ParseOptions { as_you_type: true });
        assert_eq!(
            q.clauses[1],
            vec![Atom::Term {
                word: "luka".into(),
                prefix: true
            }]
        );
        let q = parse_query("belarus luka ", ParseOptions { as_you_type: true });
        assert_eq!(q.clauses[1], vec![term("luka")]);
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_eq!(parse("Russia-led").clauses, vec![vec![term("russia-led")]]);
    }

    #[test]
    fn never_fails_on_messy_input() {
        assert!(parse("\"unbalanced quote").messages[0].contains("not closed"));
        assert!(parse("-").messages[0].contains("lone"));
        assert!(parse("").is_empty());
        assert!(parse("🙂 🙂").is_empty());
        assert_eq!(parse("<script>alert(1)</script>").clauses.len(), 4);
        assert_eq!(parse("שלום עולם").clauses.len(), 2);
        let long = "word ".repeat(2000);
        let q = parse(&long);
        assert_eq!(q.clauses.len(), MAX_ATOMS);
        assert!(q.messages[0].contains("first 32"));
        assert!(parse("-belarus").messages[0].contains("at least one word"));
        let q = parse("entity:\"Alexander Lukashenko\" protest entity:putin entity:");
        assert_eq!(q.entities, ["Alexander Lukashenko", "putin"]);
        assert_eq!(q.clauses.len(), 1);
        assert!(q.messages[0].contains("needs a name"));
        assert!(parse("entity:putin").messages.is_empty());
        assert_eq!(
            parse("entity:\"Maria Kolesnikova").entities,
            ["Maria Kolesnikova"]
        );
        assert!(parse("OR OR belarus OR").messages.is_empty());
    }
}
