//! Direct quotations and who said them.
//!
//! A quotation is text between straight or curly double quotes, or single marks that open after
//! a space (`'…'`, `‘…’`; a `’` before a letter is an apostrophe), of at least three words (one
//! or two quoted words are scare quotes, not speech). A quotation left open at the end of a
//! paragraph continues into the next one when that opens with a quote mark (the news
//! convention for multi-paragraph quotes). The speaker comes from a reporting verb next to the
//! quotation — after it (`," Ilyichev said`, `," said Lavrov`) or before it in the same sentence
//! (`Putin told the channel: "…`, `the diplomat said third countries were using "…`) — or from
//! `according to X`. After the verb, the speaker is the first person named up to the next
//! punctuation (`said US National Security Council spokesman John Ullyot`), else the first
//! organisation, never a possessive. Before it, the subject is read within the verb's clause (up
//! to a conjunction such as `while`), leaving out a phrase set off by commas right before the
//! verb (`X, a member of Y, called`; `X, which probes crime, said`). A participle after a comma
//! (`X described it, saying "…`) and a coordinated verb (`X praised her and said that "…`) take
//! the subject of an earlier reporting verb of the sentence, else of its main clause: the first
//! name opening the sentence or following a comma, not one opening a prepositional phrase (`In
//! comments about Y, X praised`). A place or group speaks only as the subject right before the
//! verb (or right after it). A name resolves to the entity of the document it names (a person, an
//! organisation, or a place speaking for its state: `Britain said`), a surname alone to the
//! person of the document with that surname, and a description that spells an organisation's
//! name to it (`the Russian foreign ministry`). Another definite description resolves to the
//! first person whose label has its head noun (`the US Congressmen` → a congressman); an
//! indefinite one (`One German lawmaker said`) to the only person of the document with such a
//! label, wherever named, or to nobody. A pronoun resolves to a person of its gender (from
//! given names, honorifics, labels and feminine surname endings): the last one standing as a
//! subject since the previous quotation, else the previous speaker, else the last one named;
//! `they` continues the previous speaker. Possessives (`Navalny's hotel`) and names inside
//! quotations are not antecedents. A paragraph that is nothing but a quotation (punctuation
//! after the closing mark aside), and a second quotation of a paragraph, continue the previous
//! speaker; an open quotation takes the speaker named where
//! it ends. Otherwise the quotation is unattributed.

use serde::{Deserialize, Serialize};

use crate::entities::{gender_of, Entity, Gender, Kind};
use crate::model::Article;
use crate::model::Span;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub doc: u32,
    /// Index into the entities given to [`extract_quotes`]; `None` when unattributed.
    pub speaker: Option<usize>,
    /// Others speaking with the speaker in a joint statement (`they said`, `in their
    /// statement`): the people the text names together with the speaker (`X … and Y`).
    pub co_speakers: Vec<usize>,
    /// The quoted words, without the quote marks, as a byte range of the document text.
    pub span: Span,
}

const VERBS: [&str; 60] = [
    "said",
    "says",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "noted",
    "noting",
    "urged",
    "urging",
    "stressed",
    "stressing",
    "stated",
    "explained",
    "warned",
    "warning",
    "wrote",
    "writes",
    "asked",
    "insisted",
    "declared",
    "claimed",
    "claiming",
    "announced",
    "emphasized",
    "emphasised",
    "pledged",
    "promised",
    "vowed",
    "argued",
    "condemned",
    "denounced",
    "demanded",
    "called",
    "accused",
    "described",
    "tweeted",
    "commented",
    "replied",
    "responded",
    "continued",
    "concluded",
    "admitted",
    "suggested",
    "revealed",
    "confirmed",
    "denied",
    "acknowledged",
    "recalled",
    "remarked",
    "cautioned",
    "asserted",
    "maintained",
    "complained",
    "predicted",
    "alleged",
    "reported",
];

/// The entity a name resolves to.
struct Named {
    entity: usize,
    /// a place or group, which speaks only as the subject right next to the verb
    collective: bool,
    person: bool,
}

/// The quotations of every document, attributed to `entities` where the text allows.
pub fn extract_quotes(articles: &[Article], entities: &[Entity]) -> Vec<Quote> {
    let speakers = Speakers::new(entities, articles.len());
    extract_quotes_in(articles, entities, &speakers, 0..articles.len())
}

/// The entities of each document and of each alias, in entity order, for naming speakers:
/// built once per corpus, so lookups stay proportional to one document.
pub struct Speakers {
    in_doc: Vec<Vec<usize>>,
    by_alias: std::collections::HashMap<String, Vec<usize>>,
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

/// The quotations of the documents `docs` (positions in `articles`), as [`extract_quotes`]
/// finds them: a caller can take the corpus a slice at a time.
pub fn extract_quotes_in(
    articles: &[Article],
    entities: &[Entity],
    speakers: &Speakers,
    docs: std::ops::Range<usize>,
) -> Vec<Quote> {
    let by_alias = &speakers.by_alias;
    let mut out = Vec::new();
    for (doc, article) in articles.iter().enumerate().take(docs.end).skip(docs.start) {
        let here = speakers.in_doc.get(doc).map_or(&[][..], Vec::as_slice);
        let d = &article.doc;
        let text = d.text.as_str();
        // Where each person of this document is named, for pronouns and descriptions.
        // Possessives (`Navalny's hotel`) and names inside quotations are not antecedents.
        let quoted: Vec<(usize, usize)> = d
            .paragraphs
            .iter()
            .flat_map(|p| {
                let base = p.span.start as usize;
                quoted_spans(p.span.of(text), false)
                    .into_iter()
                    .map(move |(s, e, _)| (base + s, base + e))
            })
            .collect();
        let mut named: Vec<(usize, usize)> = Vec::new(); // (byte offset, entity)
        for &i in here {
            let e = &entities[i];
            if e.kind != Kind::Person {
                continue;
            }
            for alias in &e.aliases {
                named.extend(
                    text.match_indices(alias.as_str())
                        .filter(|&(at, a)| {
                            let rest = &text[at + a.len()..];
                            let word_end = !rest.starts_with(char::is_alphanumeric);
                            let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
                            word_end && !possessive && !quoted.iter().any(|&(s, e)| s <= at && at < e)
                        })
                        .map(|(at, _)| (at, i)),
                );
            }
        }
        named.sort_unstable();
        named.dedup_by_key(|n| n.0);
        let gender = |e: usize| {
            let labels: Vec<&str> = entities[e]
                .labels
                .iter()
                .filter(|(_, d)| *d == doc as u32)
                .map(|(l, _)| l.as_str())
                .collect();
            gender_of(&entities[e].name, &labels)
        };
        // Whether a name stands as a subject: first in its sentence, or before a reporting verb.
        let subject_like = |at: usize| {
            let line_start = text[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| matches!(c, '.' | '\n' | '"' | '\u{201C}' | '\u{2018}'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let lead = &text[line_start..at];
            let after: Vec<&str> = text[at..].split_whitespace().take(10).collect();
            lead.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || w.ends_with(','))
                || after
                    .iter()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .any(|w| VERBS.contains(&w))
        };
        // A description (`the US Congressmen said`) names the first person of this document
        // whose label has its head noun; otherwise, and for pronouns, the last person named
        // before the quotation.
        let previous: std::cell::Cell<(Option<usize>, usize)> = std::cell::Cell::new((None, 0));
        let last_person_before = |words: &[&str], at: usize| -> Option<usize> {
            let pronoun = words.iter().rev().find_map(|w| match w.to_lowercase().as_str() {
                "he" | "his" => Some(Gender::Male),
                "she" | "her" => Some(Gender::Female),
                _ => None,
            });
            if words.iter().any(|w| w.eq_ignore_ascii_case("they")) {
                return previous.get().0;
            }
            if let Some(g) = pronoun {
                let fits = |e: usize| gender(e).is_none_or(|x| x == g);
                let (prev_speaker, prev_at) = previous.get();
                let since = named
                    .iter()
                    .rev()
                    .take_while(|(p, _)| *p >= prev_at)
                    .filter(|(p, e)| *p < at && fits(*e) && subject_like(*p))
                    .map(|&(_, e)| e)
                    .next();
                return since
                    .or(prev_speaker.filter(|&e| entities[e].kind == Kind::Person && fits(e)))
                    .or_else(|| {
                        named
                            .iter()
                            .rev()
                            .find(|(p, e)| *p < at && fits(*e))
                            .map(|&(_, e)| e)
                    });
            }
            let head = words.last().filter(|w| w.len() > 3);
            let labelled = |e: usize, head: &str| {
                entities[e].labels.iter().any(|(label, d)| {
                    *d == doc as u32 && label.split_whitespace().any(|l| l.eq_ignore_ascii_case(head))
                })
            };
            let described = head.and_then(|head| named.iter().find(|&&(_, e)| labelled(e, head)));
            // An indefinite description (`One German lawmaker said`) names the one person of
            // the document with that label, wherever named, or nobody.
            let indefinite = words.iter().rev().find_map(|w| match w.to_lowercase().as_str() {
                "the" => Some(false),
                "a" | "an" | "one" => Some(true),
                _ => None,
            });
            if indefinite == Some(true) {
                let mut fits: Vec<usize> = head
                    .map(|head| {
                        named
                            .iter()
                            .map(|&(_, e)| e)
                            .filter(|&e| labelled(e, head))
                            .collect()
                    })
                    .unwrap_or_default();
                fits.sort_unstable();
                fits.dedup();
                return (fits.len() == 1).then(|| fits[0]);
            }
            described
                .or_else(|| named.iter().rev().find(|(p, _)| *p < at))
                .map(|&(_, e)| e)
        };
        let named_entity = |name: &str| -> Option<usize> {
            let name = name.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            here.iter()
                .copied()
                .find(|&i| entities[i].aliases.iter().any(|a| a == name))
                .or_else(|| {
                    by_alias
                        .get(name)
                        .and_then(|list| list.iter().copied().find(|&i| entities[i].kind != Kind::Place))
                })
                .or_else(|| {
                    // a surname alone: the person of this document whose name ends with it
                    (!name.contains(' ') && name.len() > 2)
                        .then(|| {
                            here.iter().copied().find(|&i| {
                                let e = &entities[i];
                                e.kind == Kind::Person
                                    && e.name.rsplit(' ').next() == Some(name)
                                    && e.name.contains(' ')
                            })
                        })
                        .flatten()
                })
                .or_else(|| {
                    // a description that spells an organisation's name (`the Russian foreign ministry`)
                    name.contains(' ')
                        .then(|| {
                            here.iter().copied().find(|&i| {
                                let e = &entities[i];
                                e.kind == Kind::Organisation
                                    && e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                            })
                        })
                        .flatten()
                })
        };
        // The entity a name names, and whether it is a place or group, or a person.
        let by_name = |name: &str| -> Option<Named> {
            named_entity(name).map(|e| Named {
                entity: e,
                collective: matches!(entities[e].kind, Kind::Place | Kind::Group),
                person: entities[e].kind == Kind::Person,
            })
        };
        let mut pending: Vec<usize> = Vec::new(); // quotes waiting for a speaker (open quotes)
        let mut continuing = false; // the previous paragraph ended inside a quotation
        for p in &d.paragraphs {
            let para = p.span.of(text);
            let base = p.span.start as usize;
            let spans = quoted_spans(para, continuing);
            continuing = spans.last().is_some_and(|&(_, _, closed)| !closed);
            for (start, end, closed) in spans {
                let words = para[start..end].split_whitespace().count();
                if words < 3 {
                    continue;
                }
                let sentence = p
                    .sentences
                    .iter()
                    .rfind(|s| s.start as usize <= base + start)
                    .copied()
                    .unwrap_or(p.span);
                let before = &text[sentence.start as usize..base + start];
                let mark = text[base + end..].chars().next().map_or(0, char::len_utf8);
                let after_end = (base + end + mark).min(p.span.end as usize);
                let after = &text[after_end..p.span.end as usize];
                let mut speaker = attribute(after, before, base + start, &last_person_before, &by_name);
                // A paragraph that is nothing but a quotation, or a second quotation of a
                // paragraph, continues the previous speaker.
                let alone = para[..start].trim_start().chars().count() <= 1
                    && !after.chars().any(char::is_alphanumeric);
                let last_here = out.last().filter(|q: &&Quote| q.doc == doc as u32);
                let same_paragraph = last_here.is_some_and(|q| q.span.start as usize >= base);
                if speaker.is_none() && (alone || same_paragraph) {
                    speaker = last_here.and_then(|q| q.speaker);
                }
                let index = out.len();
                out.push(Quote {
                    doc: doc as u32,
                    speaker,
                    co_speakers: Vec::new(),
                    span: Span::new(base + start, base + end),
                });
                // An open quotation waits for the speaker named where it ends.
                let explicit = speaker.is_some() && !alone;
                for q in pending.drain(..) {
                    if explicit || out[q].speaker.is_none() {
                        out[q].speaker = speaker;
                    }
                }
                if !closed {
                    pending.push(index);
                }
                if speaker.is_some() {
                    previous.set((speaker, base + end));
                }
            }
        }
    }
    add_co_speakers(articles, speakers, &mut out);
    out
}

/// Joint statements: `X and Y said` next to a quotation gives Y as a co-speaker of X; a
/// quotation attributed in the plural (`they said`, `in their statement`, `a joint statement`,
/// `jointly`) is also said by the people the document names together with its speaker (another
/// person after an `and` close to the speaker, in one sentence).
fn add_co_speakers(articles: &[Article], speakers: &Speakers, quotes: &mut [Quote]) {
    let persons = &speakers.persons;
    for q in quotes.iter_mut() {
        let Some(article) = articles.get(q.doc as usize) else {
            continue;
        };
        let text = article.doc.text.as_str();
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
                || (w == "they" && VERBS.contains(&next))
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

/// `(start, end, closed)` byte ranges of quoted text inside a paragraph (marks excluded); an
/// unclosed quotation runs to the end of the paragraph. When `continuing` (the previous
/// paragraph ended inside a quotation) and the paragraph does not open a new one, the
/// quotation goes on from its start.
fn quoted_spans(para: &str, continuing: bool) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let reopens = para.starts_with(['"', '\u{201C}', '\u{2018}', '\'']);
    // The open quotation: where its text starts, and whether it opened with a single mark.
    let mut open: Option<(usize, bool)> = (continuing && !reopens).then_some((0, false));
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}'));
        let (opens, closes) = match (c, open) {
            ('"', None) | ('\u{201C}', None) => (true, false),
            ('"', Some((_, false))) | ('\u{201D}', Some((_, false))) => (false, true),
            // British-style single marks; inside a double quotation they are nested quotes, and
            // a ’ followed by a letter is an apostrophe (don’t).
            ('\u{2018}' | '\'', None) if after_space && next.is_some_and(char::is_alphanumeric) => {
                (true, false)
            }
            ('\u{2019}' | '\'', Some((_, true))) if next.is_none_or(|n| !n.is_alphanumeric()) => {
                (false, true)
            }
            _ => (false, false),
        };
        if opens {
            open = Some((i + c.len_utf8(), matches!(c, '\u{2018}' | '\'')));
        } else if closes {
            if let Some((s, _)) = open.take() {
                out.push((s, i, true));
            }
        }
    }
    if let Some((s, _)) = open {
        out.push((s, para.len(), false));
    }
    out
}

/// The words of a text (trimmed of punctuation, apostrophes and hyphens kept) and, for each,
/// the punctuation mark that ends it in the text (`Roettgen,` → `,`), quote marks aside.
fn words_of(text: &str) -> (Vec<&str>, Vec<Option<char>>) {
    let mut words = Vec::new();
    let mut marks = Vec::new();
    for raw in text.split(char::is_whitespace) {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let tail = raw.trim_end_matches(['"', '\'', '\u{2019}', '\u{201D}', ')']);
        words.push(w);
        marks.push(
            tail.chars()
                .last()
                .filter(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?')),
        );
    }
    (words, marks)
}

/// Capitalised words that open a phrase but never a speaker's name (`In Moscow, …`).
const NOT_SUBJECTS: [&str; 24] = [
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "Since",
    "Under",
    "Despite",
    "Amid",
    "Following",
    "According",
    "As",
    "When",
    "While",
    "Although",
    "But",
    "And",
    "However",
];

/// The subject of the sentence's main clause: the first name that opens the sentence or follows
/// a comma (after an introductory phrase: `In comments about X, Y praised her`), not one
/// opening a prepositional phrase or a possessive.
fn main_subject(
    words: &[&str],
    marks: &[Option<char>],
    quote_at: usize,
    last_person_before: &dyn Fn(&[&str], usize) -> Option<usize>,
    by_name: &dyn Fn(&str) -> Option<Named>,
) -> Option<usize> {
    let mut i = 0;
    while i < words.len() {
        let opens = i == 0 || marks[i - 1] == Some(',');
        // the name with the role nouns inside it (`Kremlin spokesman Dmitry Peskov`), up to
        // the punctuation after it
        let mut run = 0;
        while i + run < words.len() && run < 6 {
            let w = words[i + run];
            let inside = name_word(w)
                || words
                    .get(i + run + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase));
            if !inside {
                break;
            }
            run += 1;
            if marks[i + run - 1].is_some() {
                break;
            }
        }
        let candidate = opens
            && run > 0
            && words[i].starts_with(char::is_uppercase)
            && !NOT_SUBJECTS.contains(&words[i])
            && !possessive(words[i + run - 1]);
        if candidate {
            if let Some(s) = resolve(&words[i..i + run], quote_at, last_person_before, by_name) {
                return Some(s);
            }
        }
        i += run.max(1);
    }
    None
}

/// The speaker named next to a quotation: after it first, then before it in its sentence.
fn attribute(
    after: &str,
    before: &str,
    quote_at: usize,
    last_person_before: &dyn Fn(&[&str], usize) -> Option<usize>,
    by_name: &dyn Fn(&str) -> Option<Named>,
) -> Option<usize> {
    let (words_after, marks_after) = words_of(after);
    let n = words_after
        .iter()
        .take(8)
        .position(|w| CONJUNCTIONS.contains(w))
        .unwrap_or(words_after.len().min(8));
    if let Some(v) = words_after[..n].iter().position(|w| VERBS.contains(w)) {
        // `X said` (subject before the verb) or `said X`
        let subject = &words_after[..v];
        if let Some(s) = resolve(subject, quote_at, last_person_before, by_name) {
            return Some(s);
        }
        // The object runs to the first punctuation (`said US National Security Council
        // spokesman John Ullyot.`); a person named there is the speaker before any
        // organisation or place.
        let object_end = marks_after[v + 1..]
            .iter()
            .position(Option::is_some)
            .map_or(words_after.len(), |k| v + 2 + k)
            .min(v + 8)
            .min(words_after.len());
        let object = &words_after[v + 1..object_end];
        if subject.is_empty() || object.first().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            if let Some(s) = resolve_object(object, by_name) {
                return Some(s);
            }
            if let Some(s) = resolve(
                &object[..object.len().min(3)],
                quote_at,
                last_person_before,
                by_name,
            ) {
                return Some(s);
            }
        }
    }
    let lower = before.to_lowercase();
    if let Some(i) = lower.rfind("according to ") {
        let name: Vec<&str> = before[i + 13..].split_whitespace().take(3).collect();
        if let Some(s) = resolve(&name, quote_at, last_person_before, by_name) {
            return Some(s);
        }
    }
    let (words_before, marks) = words_of(before);
    // The nearest reporting verb before the quotation whose subject can be read. A phrase set
    // off by commas right before the verb (`X, a member of Y, called`; `X, which probes crime,
    // said`) is left out of its subject. A participle after a comma (`X described it, saying
    // "…`) and a coordinated verb (`X praised her and said that "…`) take the subject of the
    // sentence's main clause.
    words_before
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, w)| VERBS.contains(w))
        .find_map(|(v, w)| {
            let main = || {
                main_subject(
                    &words_before[..v],
                    &marks[..v],
                    quote_at,
                    last_person_before,
                    by_name,
                )
            };
            // an earlier reporting verb of the sentence (`he said, adding`) has the subject
            let earlier = words_before[..v].iter().any(|w| VERBS.contains(w));
            if v > 0 && w.ends_with("ing") && marks[v - 1] == Some(',') {
                return if earlier { None } else { main() };
            }
            let mut end = v;
            if v > 1 && marks[v - 1] == Some(',') {
                let opened = (0..v - 1).rev().take(10).find(|&j| marks[j] == Some(','));
                if let Some(j) = opened.filter(|&j| !words_before[j + 1].starts_with(char::is_uppercase)) {
                    end = j + 1;
                }
            }
            let window = &words_before[end.saturating_sub(6)..end];
            let clause = window
                .iter()
                .rposition(|w| CONJUNCTIONS.contains(w))
                .map_or(window, |c| &window[c + 1..]);
            if clause.is_empty() && v > 0 && matches!(words_before[v - 1], "and" | "but") {
                return if earlier { None } else { main() };
            }
            resolve(clause, quote_at, last_person_before, by_name)
        })
        .or_else(|| {
            let lead: Vec<&str> = words_before
                .iter()
                .copied()
                .skip_while(|w| matches!(*w, "The" | "the"))
                .take_while(|w| w.starts_with(char::is_uppercase))
                .take(4)
                .collect();
            let verb_follows = words_before
                .iter()
                .skip(lead.len())
                .take(8)
                .any(|w| VERBS.contains(w));
            (!lead.is_empty() && verb_follows)
                .then(|| resolve(&lead, quote_at, last_person_before, by_name))
                .flatten()
        })
}

/// The speaker named after a reporting verb (`said Lavrov`, `said US National Security Council
/// spokesman John Ullyot`): the first person named, else the first organisation named; a
/// possessive (`Lavrov's spokeswoman`) is not the speaker, and a place or group only right
/// after the verb.
fn resolve_object(words: &[&str], by_name: &dyn Fn(&str) -> Option<Named>) -> Option<usize> {
    let mut first = None;
    let mut start = 0;
    while start < words.len() {
        let run = words[start..].iter().take_while(|w| name_word(w)).count();
        let mut step = 1;
        if run > 0 && words[start].starts_with(char::is_uppercase) {
            for take in (1..=run.min(5)).rev() {
                let part = &words[start..start + take];
                if possessive(part[take - 1]) {
                    continue;
                }
                if let Some(n) = by_name(&part.join(" ")) {
                    if n.person {
                        return Some(n.entity);
                    }
                    if first.is_none() && (!n.collective || start == 0) {
                        first = Some(n.entity);
                    }
                    step = take;
                    break;
                }
            }
        }
        start += step;
    }
    first
}

/// `Lavrov's`, `Lavrov’s`.
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// Words that end the clause of a reporting verb's subject.
const CONJUNCTIONS: [&str; 11] = [
    "while", "and", "but", "when", "after", "before", "because", "although", "whereas", "which", "who",
];

/// A capitalised word of a name, or a particle inside one (`von der Leyen`).
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            w,
            "von"
                | "van"
                | "der"
                | "de"
                | "da"
                | "di"
                | "du"
                | "del"
                | "bin"
                | "ibn"
                | "al"
                | "el"
                | "le"
                | "la"
        )
        || w.split_once('-')
            .is_some_and(|(_, r)| r.starts_with(char::is_uppercase))
}

/// A speaker from the words next to a reporting verb: a name (longest capitalised tail that
/// names an entity), a pronoun, or a description (`the diplomat`).
fn resolve(
    words: &[&str],
    quote_at: usize,
    last_person_before: &dyn Fn(&[&str], usize) -> Option<usize>,
    by_name: &dyn Fn(&str) -> Option<Named>,
) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    // Names ending nearest the verb first, longest first.
    for end in (1..=words.len()).rev() {
        for take in (1..=end.min(5)).rev() {
            let part = &words[end - take..end];
            if part.iter().all(|w| name_word(w)) && part[0].starts_with(char::is_uppercase) {
                // a place or group speaks only as the subject right before the verb
                let found = by_name(&part.join(" ")).filter(|n| end == words.len() || !n.collective);
                if let Some(n) = found {
                    return Some(n.entity);
                }
            }
        }
    }
    // a description that spells an organisation's name (`the Russian foreign ministry`)
    if let Some(t) = words.iter().rposition(|w| w.eq_ignore_ascii_case("the")) {
        let rest = &words[t + 1..];
        if (2..=5).contains(&rest.len()) {
            if let Some(n) = by_name(&rest.join(" ")).filter(|n| !n.collective) {
                return Some(n.entity);
            }
        }
    }
    let pronoun_or_description = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "he" | "she" | "they" | "the" | "a" | "an" | "one"
        )
    });
    if pronoun_or_description {
        return last_person_before(words, quote_at);
    }
    None
}
