//! The per-corpus [`Speakers`] lookup (the entities of each document and alias, and where each
//! document names each person) and the co-speakers of joint statements.

use super::{reporting_verbs, Quote, Tie};
use crate::entities::{Entity, Kind};
use crate::model::{Article, Span};

/// The entities of each document and of each alias, in entity order, for naming speakers:
/// built once per corpus, so lookups stay proportional to one document.
pub struct Speakers {
    pub(super) in_doc: Vec<Vec<usize>>,
    pub(super) by_alias: std::collections::HashMap<String, Vec<usize>>,
    /// Where each document names each person, sorted.
    persons: Vec<Vec<(Span, usize)>>,
}

impl Speakers {
    /// The lookups of `entities` over a corpus of `documents` documents.
    pub fn new(entities: &[Entity], documents: usize) -> Speakers {
        let mut in_doc: Vec<Vec<usize>> = vec![Vec::new(); documents];
        let mut by_alias: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, e) in entities.iter().enumerate() {
            for &d in &e.documents {
                if let Some(list) = in_doc.get_mut(d as usize) {
                    list.push(i);
                }
            }
            for a in &e.aliases {
                by_alias.entry(a.clone()).or_default().push(i);
            }
        }
        let mut persons: Vec<Vec<(Span, usize)>> = vec![Vec::new(); documents];
        for (i, e) in entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::Person)
        {
            for m in &e.mentions {
                if let Some(list) = persons.get_mut(m.doc as usize) {
                    list.push((m.span, i));
                }
            }
        }
        for list in &mut persons {
            list.sort();
        }
        Speakers {
            in_doc,
            by_alias,
            persons,
        }
    }
}

/// Joint statements: `X and Y said` next to a quotation gives Y as a co-speaker of X; a
/// quotation attributed in the plural (`they said`, `in their statement`, `a joint statement`,
/// `jointly`) is also said by the people the document names together with its speaker (another
/// person after an `and` close to the speaker, in one sentence).
pub(super) fn add_co_speakers(articles: &[Article], speakers: &Speakers, quotes: &mut [Quote]) {
    let persons = &speakers.persons;
    for q in quotes.iter_mut() {
        let Some(article) = articles.get(q.doc as usize) else {
            continue;
        };
        let text = article.document.text.as_str();
        // The attribution around the quotation: up to 80 bytes either side, within its line.
        let near = |at: usize, forward: bool| -> &str {
            let (a, b) = if forward {
                (at, (at + 80).min(text.len()))
            } else {
                (at.saturating_sub(80), at)
            };
            let (a, b) = (floor_char(text, a), floor_char(text, b));
            let piece = &text[a..b];
            if forward {
                piece.split('\n').next().unwrap_or("")
            } else {
                piece.rsplit('\n').next().unwrap_or("")
            }
        };
        let window = format!(
            "{} {}",
            near(q.span.start as usize, false),
            near(q.span.end as usize, true)
        )
        .to_lowercase();
        let words: Vec<&str> = window
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let statement = |w: &str| matches!(w, "statement" | "letter" | "declaration" | "communique");
        let plural = words.iter().enumerate().any(|(k, &w)| {
            let next = words.get(k + 1).copied().unwrap_or("");
            w == "jointly"
                || (w == "they" && reporting_verbs().contains(&next))
                || (matches!(w, "their" | "joint") && statement(next))
        });
        let mentions = &persons[q.doc as usize];
        let mut with: Vec<usize> = Vec::new();
        // `"…," X and Y said` / `X and Y said: "…"`: two people joined by `and` right next to the
        // quotation speak it together (the first is the speaker when none was found).
        let unbroken = |from: u32, to: u32| {
            text.get(from as usize..to as usize)
                .is_some_and(|t| !t.contains(['\n', '.']))
        };
        let next_to = |a: Span, b: Span| {
            (a.start >= q.span.end && a.start <= q.span.end + 12 && unbroken(q.span.end, a.start))
                || (b.end <= q.span.start && b.end + 40 >= q.span.start && unbroken(b.end, q.span.start))
        };
        for pair in mentions.windows(2) {
            let ((a, ea), (b, eb)) = (pair[0], pair[1]);
            let joined = text
                .get(a.end as usize..b.start as usize)
                .is_some_and(|t| t.trim() == "and");
            if !joined || !next_to(a, b) || ea == eb {
                continue;
            }
            match q.speaker {
                None => {
                    q.speaker = Some(ea);
                    q.tie = Tie::Words(Span {
                        start: a.start,
                        end: b.end,
                    });
                    with.push(eb);
                }
                Some(s) if s == ea => with.push(eb),
                Some(s) if s == eb => with.push(ea),
                Some(_) => {}
            }
        }
        let Some(speaker) = q.speaker.filter(|_| plural) else {
            with.sort_unstable();
            with.dedup();
            q.co_speakers = with;
            continue;
        };
        for (k, &(span, e)) in mentions.iter().enumerate() {
            if e != speaker {
                continue;
            }
            for &(other, o) in mentions[k + 1..].iter().chain(mentions[..k].iter().rev()) {
                let (a, b) = if other.start > span.start {
                    (span.end, other.start)
                } else {
                    (other.end, span.start)
                };
                let between = text.get(a as usize..b as usize).unwrap_or("");
                if o != speaker
                    && between.len() <= 120
                    && between.contains(" and ")
                    && !between.contains(". ")
                    && !between.contains('\n')
                    && !with.contains(&o)
                {
                    with.push(o);
                }
            }
        }
        with.sort_unstable();
        with.dedup();
        q.co_speakers = with;
    }
}

/// The largest char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
