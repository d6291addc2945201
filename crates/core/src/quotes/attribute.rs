//! Reading a quotation's speaker from the words next to it: a reporting verb's subject or
//! object, `according to X`, the main clause's subject, names, pronouns and descriptions.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{reporting_verbs, Named};
use crate::entities::{names_a_body, names_a_role};
use crate::text::data_lines;
use crate::text::split::{pieces, spaced};

/// The words of a text as the spaces part them ([`spaced`]: `U.S.` and `2020/21` stay whole),
/// trimmed of marks, and for each the punctuation mark that ends it in the text (`Roettgen,` →
/// `,`), quote marks and brackets aside.
fn words_of(text: &str) -> (Vec<&str>, Vec<Option<char>>) {
    let mut words = Vec::new();
    let mut marks = Vec::new();
    let pieces = pieces(text);
    for group in spaced(&pieces) {
        let (Some(first), Some(last)) = (group.iter().find(|p| p.word), group.iter().rfind(|p| p.word))
        else {
            // a dash standing alone after a word (`Illarionov - then adviser`) ends it as `-`
            let alone = &text[group[0].start..group[group.len() - 1].end];
            if let Some(m) = marks.last_mut().filter(|m: &&mut Option<char>| m.is_none()) {
                if matches!(alone, "-" | "\u{2013}" | "\u{2014}") {
                    *m = Some('-');
                }
            }
            continue;
        };
        words.push(&text[first.start..last.end]);
        marks.push(
            group
                .iter()
                .rev()
                .map(|p| p.of(text))
                .find(|m| !matches!(*m, "\"" | "'" | "\u{2019}" | "\u{201D}" | ")"))
                .and_then(|m| m.chars().last())
                .filter(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?')),
        );
    }
    (words, marks)
}

/// Capitalised words that open a phrase but never a speaker's name (`In Moscow, …`).
fn not_subjects() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/not_subjects.txt")).collect())
}

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
            && !not_subjects().contains(&words[i])
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

/// The first and last of the words that tied a quotation to its speaker (slices of the text
/// around it).
pub(super) type Cue<'t> = (&'t str, &'t str);

/// The speaker named next to a quotation, after it first, then before it in its sentence, with
/// the words that name it.
pub(super) fn attribute<'t>(
    after: &'t str,
    before: &'t str,
    quote_at: usize,
    last_person_before: &dyn Fn(&[&str], usize) -> Option<usize>,
    by_name: &dyn Fn(&str) -> Option<Named>,
) -> Option<(usize, Cue<'t>)> {
    let (words_after, marks_after) = words_of(after);
    // `"…," according to Mr Graczyk.` and `"…," AG Edwards' Thayer.`: a source, or a name with
    // nothing else, right after the quotation, to the end of its sentence.
    let tail: Vec<&str> = after
        .split(['.', '!', '?', '\n'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';')))
        .filter(|w| !w.is_empty())
        .collect();
    let source = match tail.as_slice() {
        ["according", "to", name @ ..] => name,
        name => name,
    };
    if (1..=5).contains(&source.len()) && source.iter().all(|w| w.starts_with(char::is_uppercase)) {
        if let Some(s) = resolve(source, quote_at, last_person_before, by_name) {
            return Some((s, (tail[0], tail[tail.len() - 1])));
        }
    }
    // `"…," Ed Graczyk, director of marketing for Microsoft IPTV, told …` and `Andrei
    // Illarionov - then economic adviser to President Vladimir Putin - told …`: a name set off
    // from its reporting verb by a description between commas or dashes.
    if let Some(k) = marks_after
        .iter()
        .take(4)
        .position(|m| matches!(m, Some(',' | '-')))
    {
        let closing = marks_after[k + 1..]
            .iter()
            .take(12)
            .position(|m| *m == marks_after[k])
            .map(|m| k + 1 + m);
        let verb_after_closing = closing
            .and_then(|c| words_after.get(c + 1).map(|verb| (c, verb)))
            .filter(|(_, w)| reporting_verbs().contains(**w));
        if let Some((c, verb)) = verb_after_closing {
            // `the film's narrator, Woody Harrelson, told`: a description, then the name
            let inner = &words_after[k + 1..=c];
            let named_inside = words_after[0].starts_with(char::is_lowercase)
                && inner.iter().all(|w| w.starts_with(char::is_uppercase));
            let inner_speaker =
                || named_inside.then(|| resolve(inner, quote_at, last_person_before, by_name));
            let speaker = inner_speaker()
                .flatten()
                .or_else(|| resolve(&words_after[..=k], quote_at, last_person_before, by_name));
            if let Some(s) = speaker {
                return Some((s, (words_after[0], verb)));
            }
        }
    }
    let n = words_after
        .iter()
        .take(8)
        .position(|w| conjunctions().contains(w))
        .unwrap_or(words_after.len().min(8));
    if let Some(v) = words_after[..n]
        .iter()
        .position(|w| reporting_verbs().contains(w))
    {
        // `X said` (subject before the verb) or `said X`
        let subject = &words_after[..v];
        if let Some(s) = resolve(subject, quote_at, last_person_before, by_name) {
            return Some((s, (words_after[0], words_after[v])));
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
            let cue = (words_after[0], object.last().copied().unwrap_or(words_after[v]));
            if let Some(s) = resolve_object(object, by_name) {
                return Some((s, cue));
            }
            if let Some(s) = resolve(
                &object[..object.len().min(3)],
                quote_at,
                last_person_before,
                by_name,
            ) {
                return Some((s, cue));
            }
        }
    }
    // (ASCII throughout, so a match starts and ends on character boundaries)
    let according = before
        .as_bytes()
        .windows(13)
        .rposition(|w| w.eq_ignore_ascii_case(b"according to "));
    if let Some(i) = according {
        let name: Vec<&str> = before[i + 13..].split_whitespace().take(3).collect();
        if let Some(s) = resolve(&name, quote_at, last_person_before, by_name) {
            return Some((s, (&before[i..i + 9], name.last().copied().unwrap_or(""))));
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
        .filter(|(_, w)| reporting_verbs().contains(*w))
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
            let earlier = words_before[..v].iter().any(|w| reporting_verbs().contains(w));
            let verb = (*w, *w);
            if v > 0 && w.ends_with("ing") && marks[v - 1] == Some(',') {
                return if earlier { None } else { main().map(|s| (s, verb)) };
            }
            let mut end = v;
            // (or by dashes: `The mother-of-four – who split with X in 2003 – told`)
            let set_off = marks[v.saturating_sub(1)].filter(|m| matches!(m, ',' | '-'));
            if let Some(mark) = set_off.filter(|_| v > 1) {
                let opened = (0..v - 1).rev().take(20).find(|&j| marks[j] == Some(mark));
                if let Some(j) = opened.filter(|&j| !words_before[j + 1].starts_with(char::is_uppercase)) {
                    end = j + 1;
                }
            }
            let window = &words_before[end.saturating_sub(6)..end];
            // A relative clause before the verb (`Police who arrived at the scene reported`)
            // has its subject before the relative pronoun.
            let clause = match window.iter().rposition(|w| conjunctions().contains(w)) {
                Some(c) if matches!(window[c], "who" | "which") => {
                    let head = &window[..c];
                    head.iter()
                        .rposition(|w| conjunctions().contains(w))
                        .map_or(head, |h| &head[h + 1..])
                }
                Some(c) => &window[c + 1..],
                None => window,
            };
            if clause.is_empty() && v > 0 && matches!(words_before[v - 1], "and" | "but") {
                return if earlier { None } else { main().map(|s| (s, verb)) };
            }
            let cue = (clause.first().copied().unwrap_or(w), *w);
            resolve(clause, quote_at, last_person_before, by_name).map(|s| (s, cue))
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
                .any(|w| reporting_verbs().contains(w));
            (!lead.is_empty() && verb_follows)
                .then(|| resolve(&lead, quote_at, last_person_before, by_name))
                .flatten()
                .map(|s| (s, (lead[0], lead[lead.len() - 1])))
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

/// Prepositions whose object is not a reporting verb's subject (`for` is left out: `a
/// spokeswoman for the Royal Academy of Dance said` speaks for it).
fn object_prepositions() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/object_prepositions.txt")).collect())
}

/// Auxiliaries and adverbs that may stand between a speaker and the reporting verb.
fn auxiliaries() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/auxiliaries.txt")).collect())
}

/// Whether a noun looks plural: it ends in `s`, not `ss` (`sources`, not `boss`).
pub(super) fn plural(noun: &str) -> bool {
    noun.ends_with('s') && !noun.ends_with("ss")
}

/// `Lavrov's`, `Lavrov’s`.
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// Words that end the clause of a reporting verb's subject.
fn conjunctions() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/conjunctions.txt")).collect())
}

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
    // Names ending nearest the verb first, longest first; a name after a preposition is not
    // the subject (`Russia's embassy in Berlin said`, `a critic of Obama's policy said`).
    for end in (1..=words.len()).rev() {
        for take in (1..=end.min(5)).rev() {
            let part = &words[end - take..end];
            let governed = (end - take)
                .checked_sub(1)
                .is_some_and(|k| object_prepositions().contains(words[k]));
            // `Speaking at the time, she said`: a participle opening the words is no name
            let participle = end - take == 0
                && take == 1
                && part[0].ends_with("ing")
                && words.get(1).is_some_and(|w| w.starts_with(char::is_lowercase));
            // nor is a title after one (`the former star of The Apprentice wrote`)
            let titled_work = (end - take)
                .checked_sub(2)
                .is_some_and(|k| words[k + 1] == "The" && object_prepositions().contains(words[k]));
            if !governed
                && !titled_work
                && !participle
                && part.iter().all(|w| name_word(w))
                && part[0].starts_with(char::is_uppercase)
            {
                // a place or group speaks only as the subject right before the verb
                let found = by_name(&part.join(" ")).filter(|n| end == words.len() || !n.collective);
                if let Some(n) = found {
                    // `the Lions coach said`: the body's coach, a person the text has named
                    let role = !n.person
                        && end < words.len()
                        && words[end..].iter().all(|w| w.starts_with(char::is_lowercase))
                        && words.last().is_some_and(|w| names_a_role(w));
                    if role {
                        if let Some(person) = last_person_before(words, quote_at) {
                            return Some(person);
                        }
                    }
                    // `another Twitter user wrote`, `a Kremlin source said`, `her Instagram
                    // stories, in which she revealed`: a body's name before a noun that is no
                    // part of the body nor its voice only says which user, source or stories
                    // (nouns only: `ET also stated`, `staff at Longfield Academy have been
                    // told` are no such nouns)
                    let tail = &words[end..];
                    let noun = |w: &&str| {
                        w.starts_with(char::is_lowercase) && !w.ends_with("ly") && !auxiliaries().contains(*w)
                    };
                    let modifier = !n.person
                        && tail.iter().all(noun)
                        && tail
                            .last()
                            .is_some_and(|w| !names_a_body(w) && !w.starts_with("spokes"));
                    if modifier {
                        // (several: `Kremlin sources said`, `school leaders said`, nobody we
                        // can tell)
                        let several = tail.last().is_some_and(|w| plural(w));
                        return if several {
                            None
                        } else {
                            last_person_before(words, quote_at)
                        };
                    }
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
