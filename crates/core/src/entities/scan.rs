//! Scanning a region of a document for candidate names: capitalised runs, joined across
//! `of`/`the`, particles and initials, cut at possessives, each classified and described.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::kinds::{classify, RunContext};
use super::labels::{
    appositive_after, description_before, org_before, org_context, role_after, role_after_name,
    rule_named_after,
};
use super::lexicon::{lexicon, Lexicon};
use super::words::{abbreviation, is_acronym, is_cap, join_words, particles, strip_possessive, words, Word};
use super::{Acronym, Kind, Mention};
use crate::model::Span;
use crate::text::{data_lines, ends_a_noun_phrase};

/// Reads the capitalised runs of one region of a document as mentions (and `Name (ACRONYM)`
/// definitions).
pub(super) fn scan(
    doc_text: &str,
    region: Span,
    doc: u32,
    mentions: &mut Vec<Mention>,
    acronyms: &mut Vec<Acronym>,
) {
    let lex = lexicon();
    let base = region.start as usize;
    let ws: Vec<Word> = words(region.of(doc_text))
        .into_iter()
        .map(|(at, w)| (base + at, w))
        .collect();
    let first = mentions.len();
    let mut i = 0;
    while i < ws.len() {
        if !is_cap(ws[i].1) {
            if let Some(group) = lex.groups.get(ws[i].1) {
                mentions.push(Mention::plain(
                    group.to_string(),
                    Kind::Group,
                    doc,
                    Span::new(ws[i].0, ws[i].0 + ws[i].1.len()),
                ));
            }
            i += 1;
            continue;
        }
        let (first, possessive) = strip_possessive(ws[i].1);
        let mut run: Vec<Word> = vec![(ws[i].0, first)];
        let mut j = i + 1;
        let mut ended = possessive && !org_follows(&ws[i + 1..], lex);
        while j < ws.len() && !ended {
            let w = ws[j].1;
            let next_cap = |k: usize| ws.get(k).is_some_and(|n| is_cap(n.1));
            if matches!(w, "Mr" | "Mrs" | "Ms" | "Dr")
                && !run.last().is_some_and(|r| lex.titles.contains(r.1))
            {
                // an honorific begins a name of its own (`Former Royal Marine Mr O'Mahoney`,
                // `Allies of Mr Johnson`, `West Midlands Mr Street`), unless a title comes
                // before it (`University President Dr Tony Allen`)
                while run.last().is_some_and(|r| !is_cap(r.1)) {
                    run.pop();
                }
                break;
            }
            if is_cap(w) {
                let (w, possessive) = strip_possessive(w);
                run.push((ws[j].0, w));
                ended = possessive
                    && (run.iter().any(|(_, r)| lex.org_heads.contains(r))
                        || !org_follows(&ws[j + 1..], lex));
                j += 1;
            } else if matches!(w, "of" | "the") && next_cap(j + 1)
                || particles().contains(&w)
                    && (next_cap(j + 1)
                        || (ws.get(j + 1).is_some_and(|n| particles().contains(&n.1)) && next_cap(j + 2)))
            {
                run.push(ws[j]);
                j += 1;
            } else if (w == "&" && next_cap(j + 1) && shared_surname(&ws, i + 1, lex).is_none())
                || (w == "and" && and_joins(&ws, i, j, lex))
            {
                // `Stone & McCarthy Research`, `Competition and Markets Authority`
                run.push(ws[j]);
                j += 1;
            } else if w == "."
                && run
                    .last()
                    .is_some_and(|l| abbreviation(l.1) || (l.1.len() == 1 && is_cap(l.1)))
                && next_cap(j + 1)
            {
                j += 1;
            } else {
                break;
            }
        }
        // `Russian Aerospace forces`, `Russian foreign ministry`: a lower-case body after a
        // demonym or a capitalised name is part of the organisation's name.
        let body = |w: &str| {
            matches!(
                w,
                "ministry" | "forces" | "embassy" | "army" | "navy" | "parliament"
            )
        };
        let qualifier = |w: &str| {
            matches!(
                w,
                "foreign"
                    | "defense"
                    | "defence"
                    | "interior"
                    | "justice"
                    | "health"
                    | "finance"
                    | "armed"
                    | "air"
                    | "naval"
            )
        };
        if ws.get(j).is_some_and(|w| body(w.1)) && lex.demonyms.contains_key(run[0].1) {
            run.push(ws[j]);
            j += 1;
        } else if run.len() == 1
            && lex.demonyms.contains_key(run[0].1)
            && ws.get(j).is_some_and(|w| qualifier(w.1))
            && ws.get(j + 1).is_some_and(|w| body(w.1))
        {
            run.extend_from_slice(&ws[j..j + 2]);
            j += 2;
        }
        // `the Fonteyn Nureyev Young Dancers competition`: an event's name, not an entity; `DSL
        // (Digital Subscriber Line)`: what a thing's acronym stands for
        let spells_out = i >= 2 && ws[i - 1].1 == "(" && lex.common_acronyms.contains(ws[i - 2].1);
        if spells_out || ws.get(j).is_some_and(|w| lex.event_nouns.contains(w.1)) {
            i = j;
            continue;
        }
        // `Name (ACRONYM)` defines an acronym.
        if ws.get(j).is_some_and(|w| w.1 == "(") && ws.get(j + 2).is_some_and(|w| w.1 == ")") {
            let acr = ws[j + 1].1;
            if is_acronym(acr) && lex.common_acronyms.contains(acr) {
                // `Digital Subscriber Line (DSL)`: the name of a thing, not of a body
                i = j + 3;
                continue;
            }
            // `bisphenol A (BPA)`: a letter or a sentence word defines nothing; `A European
            // Union (EU)` defines `European Union`.
            let nameless = run.len() == 1 && (run[0].1.chars().count() < 2 || lex.not_name(run[0].1));
            let lead = run
                .iter()
                .take_while(|(_, w)| lex.not_name(w) || matches!(*w, "of" | "the" | "The"))
                .count()
                .min(run.len() - 1);
            let definition = &run[lead..];
            if is_acronym(acr) && !nameless && spells(acr, definition) {
                acronyms.push(Acronym {
                    acronym: acr.to_string(),
                    definition: join_words(definition),
                    doc,
                });
            }
        }
        // After an opening quote or bracket a capital says nothing; after a closing quote
        // (`," Lavrov said`) it does.
        let closing_quote = i >= 2 && matches!(ws[i - 2].1, "," | "." | "?" | "!");
        let sentence_start =
            i == 0 || matches!(ws[i - 1].1, "\u{201C}" | "(") || (ws[i - 1].1 == "\"" && !closing_quote);
        let locative = i >= 1 && locatives().contains(ws[i - 1].1);
        if let [(at, given)] = run[..] {
            if let Some(surname) = lex
                .given
                .contains_key(given)
                .then(|| shared_surname(&ws, j, lex))
                .flatten()
            {
                mentions.push(Mention::plain(
                    format!("{given} {surname}"),
                    Kind::Person,
                    doc,
                    Span::new(at, at + given.len()),
                ));
                i = j;
                continue;
            }
        }
        let before = mentions.len();
        // A name of two capitalised words or more after an article (`the White House`, `a New
        // York City dealership`; the run may open with the words a capital took in: `At the
        // White House`) is no person's: a person's name takes no article. A role set off after
        // it (`At the White House, press secretary Kayleigh McEnany`) describes the next name.
        let article = |w: &Word| matches!(w.1, "the" | "The" | "a" | "A" | "an" | "An");
        let after_article = opening(&ws, i, j).iter().any(article);
        // (`an Ariana Grande concert`: the article is the next noun's; a name ends the phrase
        // before punctuation or a word of grammar: `the White House said`, `at the White House
        // on Monday`)
        let phrase_ends = ws
            .get(j)
            .is_none_or(|w| !w.1.starts_with(|c: char| c.is_lowercase()) || ends_a_noun_phrase(w.1));
        let named_with_article = after_article
            && phrase_ends
            && ws[i..j].iter().filter(|w| is_cap(w.1) && !article(w)).count() >= 2;
        let person_context = !role_after_name(&ws, j, sentence_start, lex)
            && (description_before(&ws, i, lex).is_some()
                || person_after(&ws, i, j)
                || (!after_article && role_after(&ws, j, lex)));
        let at = RunContext {
            doc,
            sentence_start,
            person_context,
            org_context: named_with_article || org_context(&ws, i, j, sentence_start, lex),
        };
        classify(&run, at, lex, mentions);
        // A person without a title gets the lower-case description around the name.
        if let Some(m) = mentions[before..]
            .iter_mut()
            .rev()
            .find(|m| m.kind == Kind::Person)
        {
            if m.label.is_none() {
                m.label = description_before(&ws, i, lex)
                    .or_else(|| appositive_after(&ws, j, lex))
                    .or_else(|| rule_named_after(&ws, i, j));
            }
        }
        // `Russian opposition`: a demonym qualifying a group word names that group.
        if let (Some(&(at, w)), Some(&(gat, g))) = (run.last(), ws.get(j)) {
            if run.len() == 1 && lex.groups.get(g) == Some(&"the opposition") {
                let demonym = lex.demonyms.get(w).map(|(_, _)| w.to_string()).or_else(|| {
                    w.strip_suffix('s')
                        .and_then(|p| lex.places.get(p))
                        .and_then(|(_, g)| g.as_ref())
                        .and_then(|g| {
                            lex.demonyms
                                .iter()
                                .find(|(d, (gg, _))| gg == g && *d != g)
                                .map(|(d, _)| d.clone())
                        })
                });
                if let Some(d) = demonym {
                    mentions.truncate(before);
                    mentions.push(Mention::plain(
                        format!("the {d} opposition"),
                        Kind::Group,
                        doc,
                        Span::new(at, gat + g.len()),
                    ));
                    i = j + 1;
                    continue;
                }
            }
        }
        if locative {
            for m in &mut mentions[before..] {
                m.locative = true;
            }
        }
        i = j.max(i + 1);
    }
    listed_with_people(doc_text, &mut mentions[first..]);
}

/// Names listed with people's full names (`colleagues Haisheng Rong, Richard Jones and Oded
/// Cohen`, `Hana Cross and Kimberley Garner`) are people too: in a list (names with nothing but
/// commas between them, and `and` before the last), a name only guessed to be an
/// organisation's is a person's when a person's full name is listed with it.
fn listed_with_people(doc_text: &str, mentions: &mut [Mention]) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| mentions[k].span.start);
    // between each name and the next: a comma (`false`), an `and` (`true`) or anything else
    let gaps: Vec<Option<bool>> = order
        .windows(2)
        .map(|pair| {
            let (a, b) = (&mentions[pair[0]], &mentions[pair[1]]);
            match doc_text
                .get(a.span.end as usize..b.span.start as usize)
                .map(str::trim)
            {
                Some(",") => Some(false),
                Some("and" | ", and" | "&") => Some(true),
                _ => None,
            }
        })
        .collect();
    let person = |m: &Mention| m.kind == Kind::Person && !m.guessed && m.text.contains(' ');
    let mut start = 0;
    while start < order.len() {
        // the names joined by commas up to an `and`, and the one after it
        let mut end = start + 1;
        let mut closed = false;
        while end < order.len() && !closed {
            match gaps[end - 1] {
                Some(and) => {
                    closed = and;
                    end += 1;
                }
                None => break,
            }
        }
        let list = &order[start..end];
        if closed && list.iter().any(|&k| person(&mentions[k])) {
            for &k in list {
                let m = &mut mentions[k];
                if m.guessed && m.kind == Kind::Organisation {
                    m.kind = Kind::Person;
                    m.guessed = false;
                }
            }
        }
        start = end;
    }
}

/// Whether the capitalised words of a name could be what an acronym stands for: the last
/// word's initial ends it, and two of its letters or more are initials (of words or of their
/// hyphenated parts, `Secretary-General`) (`Institute for Fiscal
/// Studies (IFS)` leaves `Fiscal Studies` before the bracket). A show and its channel (`Can't
/// Touch This (BBC)`) or a word and a code (`Evie (P4)`) are not.
fn spells(acronym: &str, name: &[Word]) -> bool {
    let initials: Vec<char> = name
        .iter()
        .flat_map(|(_, w)| w.split('-'))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let matched = letters.iter().filter(|c| initials.contains(c)).count();
    letters.last() == initials.last() && matched >= 2.min(letters.len())
}

/// The surname a given name shares with the given names listed after it (`Luke, Thomas and
/// George Burgess` gives `Burgess` from `Luke` and from `Thomas`): the words from `ws[j]` are
/// commas and given names, one `and` (or `&`) before the last, and that last name's surname.
fn shared_surname<'a>(ws: &[Word<'a>], j: usize, lex: &Lexicon) -> Option<&'a str> {
    let mut joined = false;
    for k in j..ws.len().min(j + 12) {
        match ws[k].1 {
            "," if !joined => {}
            "and" | "&" if !joined => joined = true,
            w if lex.given.contains_key(w) => {
                let next = ws.get(k + 1)?.1;
                if joined && is_cap(next) && !lex.given.contains_key(next) {
                    return Some(strip_possessive(next).0);
                }
                if joined {
                    return None;
                }
            }
            _ => return None,
        }
    }
    None
}

/// Whether `and` at `ws[j]` joins the capitalised words from `ws[i]` and those after it into one
/// organisation's name: the words after it end with an organisation head-word (`Competition and
/// Markets Authority`), or the words before the name say an organisation is meant (`an
/// economist at Fact and Opinion Economics`); never when either side is a known place or
/// organisation or begins with a given name (`Britain and France`, `Alec Baldwin and Kim
/// Basinger`).
fn and_joins(ws: &[Word], i: usize, j: usize, lex: &Lexicon) -> bool {
    let after: Vec<&str> = ws[j + 1..]
        .iter()
        .map(|w| w.1)
        .take_while(|w| is_cap(w))
        .take(4)
        .collect();
    let before: Vec<&str> = ws[i..j].iter().map(|w| w.1).collect();
    let known = |part: &[&str]| {
        let whole = part.join(" ");
        part.is_empty()
            || lex.places.contains_key(&whole)
            || lex.orgs.contains(whole.as_str())
            || lex.media.contains(whole.as_str())
            || lex.given.contains_key(part[0])
            || lex.demonyms.contains_key(part[0])
    };
    if known(&before) || known(&after) || before.iter().any(|w| !is_cap(w)) {
        return false;
    }
    after.last().is_some_and(|w| lex.org_heads.contains(w)) || org_before(ws, i, lex)
}

/// Whether the capitalised words that follow hold an organisation head-word: a possessive
/// inside a name (`Russia's Foreign Ministry`, `the People's Assembly`).
fn org_follows(ws: &[Word], lex: &Lexicon) -> bool {
    ws.iter()
        .take_while(|(_, w)| is_cap(w) || matches!(*w, "of" | "the"))
        .any(|(_, w)| lex.org_heads.contains(strip_possessive(w).0))
}

/// Whether the words around the name `ws[i..j]` say it is a person's: an age after it (`Hazel
/// Gilbert, 23,`, `Smith (45)`), a relative clause of persons (`, who`, `, whose`), or a
/// personal pronoun later in its sentence (`… could not hide her anger`) that can only go
/// back to it: the name stands as a subject (not after an article, a possessive, a preposition
/// or a verb: `Trump left the White House before he…`, `in New York City, where she…`; not
/// a possessive itself: `Manchester United's board … his`), and no other full name comes
/// between (`Manchester United star Bruno Fernandes says he…`).
fn person_after(ws: &[Word], i: usize, j: usize) -> bool {
    let at = |k: usize| ws.get(j + k).map_or("", |w| w.1);
    let age = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let subject = || {
        let possessive = j > 0 && strip_possessive(ws[j - 1].1).1;
        // no verb before it: it would be the verb's object (`joined United for £40m, and fans
        // … him`, `asking United to resolve his transfer`, `to join United, despite … he`)
        let before = i.checked_sub(1).map_or("", |k| ws[k].1);
        let verb = before.len() > 4 && (before.ends_with("ed") || before.ends_with("ing"))
            || i.checked_sub(2).is_some_and(|k| ws[k].1 == "to");
        !possessive
            && !verb
            && !opening(ws, i, j)
                .iter()
                .any(|w| before_objects().contains(w.1.to_lowercase().as_str()))
    };
    let pronoun = || {
        let sentence: Vec<&str> = ws[j.min(ws.len())..]
            .iter()
            .take(12)
            .map(|w| w.1)
            .take_while(|w| !matches!(*w, "." | "!" | "?" | "\"" | "\u{201C}" | "\u{201D}"))
            .collect();
        // (up to another full name: two capitalised words)
        let another = (1..sentence.len())
            .find(|&k| is_cap(sentence[k - 1]) && is_cap(sentence[k]))
            .unwrap_or(sentence.len());
        sentence[..another]
            .iter()
            .any(|w| matches!(*w, "he" | "she" | "his" | "her" | "him"))
    };
    match (at(0), at(1), at(2)) {
        (",", n, ",") | ("(", n, ")") => age(n),
        (",", "who" | "whose" | "who's" | "who\u{2019}s", _) => true,
        _ => subject() && pronoun(),
    }
}

/// The word before the name `ws[i..j]` and the first two of the name, where a capital may have
/// taken in the words that open its phrase (`At the White House`).
fn opening<'w>(ws: &'w [Word<'w>], i: usize, j: usize) -> &'w [Word<'w>] {
    &ws[i.saturating_sub(1)..j.min(i + 2)]
}

/// Words after which a name is an object, not a subject (articles, possessive determiners,
/// prepositions).
fn before_objects() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/before_objects.txt")).collect())
}

/// Prepositions of place: a name right after one is more likely a place (`in Minsk`).
fn locatives() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/locatives.txt")).collect())
}
