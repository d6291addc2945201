//! What kind of entity a capitalised run names (person, organisation, place, group), after
//! cutting it where one name ends and another begins and stripping leading titles and
//! demonyms into a label.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lexicon::Lexicon;
use super::words::{is_acronym, is_cap, join_words, particles, run_span, title_case, Word};
use super::{Kind, Mention};
use crate::model::Span;
use crate::text::data_lines;

/// Adjectives that begin names with a demonym inside (`Free Syrian Army`).
fn name_adjectives() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/name_adjectives.txt")).collect())
}

/// Splits a run where one name ends and another begins, as happens when punctuation is lost
/// (`Obamas Syria`, `Peter Graff Dominic Evans`, `Konashenkov Russian military`) or in tag lists
/// and title-case headlines. Words that are not names there (`According`, `SLEEPING`) go.
fn segments<'r>(run: &'r [Word<'r>], lex: &Lexicon) -> Vec<&'r [Word<'r>]> {
    let place_at = |k: usize| {
        (1..=3)
            .rev()
            .find(|&n| k + n <= run.len() && lex.places.contains_key(&join_words(&run[k..k + n])))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 1;
    while k < run.len() {
        let w = run[k].1;
        let prev = run[k - 1].1;
        let seg = &run[start..k];
        let given = lex.given.contains_key(w);
        let month = crate::text::month_number(w).is_some();
        let headline_word = (lex.not_name(w) && !given && !(month && lex.given.contains_key(prev)))
            || shouting(w, lex)
            || (is_acronym(w) && shouting(prev, lex));
        if headline_word {
            if k > start {
                out.push(seg);
            }
            start = k + 1;
            k += 2;
            continue;
        }
        let after_function_word =
            matches!(prev, "of" | "the") || particles().contains(&prev) || compass().contains(&prev);
        let lost_possessive = |w: &str| {
            !lex.places.contains_key(w) && w.strip_suffix('s').is_some_and(|p| lex.places.contains_key(p))
        };
        let seg_is_place = lex.places.contains_key(&join_words(seg))
            || (seg.len() == 2 && compass().contains(&seg[0].1) && lex.places.contains_key(seg[1].1));
        // (`Donald J Grant`: a name is not whole after a middle initial)
        let initial_last = seg.last().is_some_and(|(_, l)| {
            let l = l.trim_end_matches('.');
            l.chars().count() == 1 && l.starts_with(char::is_uppercase)
        });
        let seg_is_person = seg.len() >= 2
            && !initial_last
            && (lex.given.contains_key(seg[0].1)
                || (kunya().contains(&seg[0].1) && lex.given.contains_key(seg[1].1)));
        let given =
            given || (kunya().contains(&w) && run.get(k + 1).is_some_and(|n| lex.given.contains_key(n.1)));
        let org_before = seg.iter().any(|(_, s)| lex.org_heads.contains(s));
        // (`Jack London`, `Paul Hollywood`: a given name, then a place's name as the surname)
        let surname_placed = seg.len() == 1
            && k + 1 == run.len()
            && lex.given.contains_key(seg[0].1)
            && !lex.places.contains_key(seg[0].1);
        let place_split = !matches!(prev, "of")
            && !surname_placed
            && !particles().contains(&prev)
            && !compass().contains(&prev)
            && ((place_at(k).is_some() && !org_before && !lex.titles.contains(prev))
                || lost_possessive(w)
                || (lost_possessive(prev) && !run[k..].iter().any(|(_, r)| lex.org_heads.contains(r))));
        let split = place_split
            || !after_function_word
                && ((given && !lex.places.contains_key(w) && (seg_is_place || seg_is_person))
                    || (lex.demonyms.contains_key(w)
                        && !lex.demonyms.contains_key(prev)
                        && !lex.titles.contains(prev)
                        && !lex.given.contains_key(prev)
                        && !name_adjectives().contains(&prev))
                    || (lex.org_heads.contains(prev)
                        && is_cap(w)
                        && !lex.org_heads.contains(w)
                        && (given
                            || (lex.titles.contains(w) && k + 1 < run.len())
                            || run.len() - start >= 5)));
        if split {
            out.push(seg);
            start = k;
        }
        k += 1;
    }
    if start < run.len() {
        out.push(&run[start..]);
    }
    out
}

/// An unknown word in capitals of five letters or more: a shouted headline word, not an
/// acronym (`SLEEPING`, `FAKED`).
fn shouting(w: &str, lex: &Lexicon) -> bool {
    is_acronym(w) && w.chars().count() >= 5 && !w.chars().any(|c| c.is_ascii_digit()) && !known_whole(w, lex)
}

/// Compass words that begin place names (`North Caucasus`).
fn compass() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/compass.txt")).collect())
}

fn known_whole(w: &str, lex: &Lexicon) -> bool {
    lex.places.contains_key(&title_case(w)) || lex.media.contains(w) || lex.orgs.contains(w)
}

/// Where a capitalised run stands.
#[derive(Clone, Copy)]
pub(super) struct RunContext {
    pub(super) doc: u32,
    /// It opens a sentence, where a capital says little.
    pub(super) sentence_start: bool,
    /// The words around it say a person is meant (a role before it; an age, `who` or a
    /// personal pronoun after it): a name that neither the word lists nor its own words place
    /// is then a person rather than an organisation.
    pub(super) person_context: bool,
    /// The words around it say an organisation is meant (`oil giant Yukos`, `chief of
    /// Brightcove`): a name that would otherwise be guessed is then an organisation's.
    pub(super) org_context: bool,
}

/// Classifies one capitalised run standing at `at`.
pub(super) fn classify(run: &[Word], at: RunContext, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let whole = join_words(run);
    if run.len() > 1
        && (lex.places.contains_key(&whole)
            || lex.media.contains(whole.as_str())
            || lex.orgs.contains(whole.as_str()))
    {
        return classify_one(run, at, lex, mentions);
    }
    let segs = segments(run, lex);
    let many = segs.len() > 1;
    for seg in segs {
        let first = seg.first().map_or(0, |w| w.0) == run[0].0;
        let at = RunContext {
            sentence_start: (first && at.sentence_start) || (many && !first),
            person_context: at.person_context && !many,
            org_context: at.org_context && !many,
            ..at
        };
        classify_one(seg, at, lex, mentions);
    }
}

/// Whether a sentence's first word reads as a verb or adverb (`Addressing`, `Reportedly`).
fn verb_like(w: &str, lex: &Lexicon) -> bool {
    (w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed"))
        && w.chars().count() > 4
        && !lex.given.contains_key(w)
        && !lex.places.contains_key(w)
}

fn classify_one(run: &[Word], at: RunContext, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let RunContext {
        doc,
        sentence_start,
        person_context,
        org_context,
    } = at;
    let mut run: Vec<(usize, String)> = run.iter().map(|&(at, w)| (at, w.to_string())).collect();
    if run.len() == 1 && is_acronym(&run[0].1) {
        // all capitals: an acronym, a dateline place (MOSCOW), or debris (FILE)
        let t = title_case(&run[0].1);
        if lex.places.contains_key(&t) {
            run[0].1 = t;
        }
    }
    let mut stripped = false;
    while let Some((_, first)) = run.first() {
        let leading_verb = sentence_start && !stripped && run.len() > 1 && verb_like(first, lex);
        // `MORE FOLLOWS`: a word that is not a name, in capitals
        let shouted_word =
            is_acronym(first) && first.len() >= 4 && lex.not_names.contains(title_case(first).as_str());
        if lex.not_name(first) || shouted_word || leading_verb || matches!(first.as_str(), "of" | "the") {
            run.remove(0);
            stripped = true;
        } else {
            break;
        }
    }
    while run
        .last()
        .is_some_and(|(_, w)| matches!(w.as_str(), "of" | "the") || particles().contains(&w.as_str()))
    {
        run.pop();
    }
    if run.is_empty() {
        return;
    }
    // `Homs Governor`, `UEFA Vice President`, `Medical Officer`: an office after a name is no
    // part of it (a person's name may end like one: `John Mayor`); what is left names the body
    // or place, or, a lone word nothing knows, nobody
    if !run
        .first()
        .is_some_and(|(_, w)| lex.given.contains_key(w.as_str()))
    {
        let office = |w: &str| lex.offices.contains(w);
        let qualifier = |w: &str| lex.office_qualifiers.contains(w);
        let mut popped = false;
        while run.len() > 1
            && run
                .last()
                .is_some_and(|(_, w)| office(w) || (popped && qualifier(w)))
        {
            run.pop();
            popped = true;
        }
        // and the title words and grammar before it (`Department of Prime Minister`, `UN High
        // Commissioner`)
        let loose = |w: &str| qualifier(w) || lex.titles.contains(w) || matches!(w, "of" | "the");
        while popped && run.len() > 1 && run.last().is_some_and(|(_, w)| loose(w)) {
            run.pop();
        }
        let known = |w: &str| {
            lex.places.contains_key(w)
                || lex.demonyms.contains_key(w)
                || lex.orgs.contains(w)
                || lex.media.contains(w)
                || is_acronym(w)
        };
        let content: Vec<&str> = run
            .iter()
            .map(|(_, w)| w.as_str())
            .filter(|w| !lex.titles.contains(w))
            .collect();
        if popped && content.len() <= 1 && !content.first().is_some_and(|w| known(w)) {
            return;
        }
    }
    // `U.N.`, `U.S.`: initials written with full stops make one acronym
    let mut k = 0;
    while k + 1 < run.len() {
        let (a, b) = (&run[k], &run[k + 1]);
        let initial = |w: &str| w.len() == 1 && is_cap(w) || (w.ends_with('.') && w.len().is_multiple_of(2));
        if initial(&a.1) && b.1.len() == 1 && is_cap(&b.1) && b.0 == a.0 + a.1.trim_end_matches('.').len() + 1
        {
            let merged = format!("{}.{}.", a.1.trim_end_matches('.'), b.1);
            run[k].1 = merged;
            run.remove(k + 1);
        } else {
            k += 1;
        }
    }
    if let Some((at, w)) = run.first_mut() {
        if w == "U.S." {
            *w = "United States".to_string();
            let span = Span::new(*at, *at + 3);
            if run.len() == 1 {
                mentions.push(Mention::plain(
                    "United States".to_string(),
                    Kind::Place,
                    doc,
                    span,
                ));
                return;
            }
        }
    }
    while run.first().is_some_and(|(_, w)| shouting(w, lex)) {
        run.remove(0);
    }
    if run.is_empty() {
        return;
    }
    let whole = join_words(&run);
    let weak = sentence_start || stripped;
    let push = |mentions: &mut Vec<Mention>, text: String, kind: Kind, label: Option<String>, span: Span| {
        mentions.push(Mention {
            text,
            kind,
            label,
            doc,
            span,
            weak,
            locative: false,
            guessed: false,
        });
    };
    let all = run_span(&run);
    let words: Vec<&str> = run.iter().map(|(_, w)| w.as_str()).collect();
    if lex.media.contains(whole.as_str()) || lex.orgs.contains(whole.as_str()) {
        return push(mentions, whole, Kind::Organisation, None, all);
    }
    if let Some((place, _)) = lex.places.get(&whole) {
        return push(mentions, place.clone(), Kind::Place, None, all);
    }
    let last = *words.last().unwrap_or(&"");
    // Events (`Rugby World Cup`), things named by acronyms (`TV`, `GDP`) and a body's head-word
    // standing alone (`Police said`, `the Committee`) are not entities.
    let lone_head = words.len() == 1 && lex.org_heads.contains(last);
    // (`Dave Christmas` is a person: a given name, then a surname that is also a holiday's)
    let event = lex.event_heads.contains(last) && !(words.len() == 2 && is_given(words[0], lex));
    if event || (words.len() == 1 && lex.common_acronyms.contains(last)) || lone_head {
        return;
    }
    let org = words.iter().any(|w| lex.org_heads.contains(w))
        || matches!(
            last,
            "ministry" | "forces" | "embassy" | "army" | "navy" | "parliament"
        );
    // `Arab Republic of Egypt`: a state's formal name
    if words.iter().any(|w| {
        matches!(
            *w,
            "Republic" | "Kingdom" | "Emirates" | "Principality" | "Sultanate"
        )
    }) && !org
    {
        return push(mentions, whole, Kind::Place, None, all);
    }
    // `Syrian-Iraqi`, `Belarusian-Polish`: each part names its group or place
    if let [only] = &run[..] {
        let parts: Vec<&str> = only.1.split('-').collect();
        let known = |p: &str| lex.demonyms.contains_key(p) || lex.places.contains_key(p);
        if parts.len() > 1 && parts.iter().all(|p| known(p)) {
            let mut at = only.0;
            for p in parts {
                let span = Span::new(at, at + p.len());
                at += p.len() + 1;
                match (lex.demonyms.get(p), lex.places.get(p)) {
                    (Some((g, kind)), _) => push(mentions, g.clone(), *kind, None, span),
                    (None, Some((place, _))) => push(mentions, place.clone(), Kind::Place, None, span),
                    _ => {}
                }
            }
            return;
        }
    }
    // `Sheffield United`, `Bristol Rovers`: a sports club (a city so named is in the gazetteer)
    if lex.club_heads.contains(last) && words.len() >= 2 {
        return push(mentions, whole, Kind::Organisation, None, all);
    }
    if lex.place_heads.contains(last) && words.len() >= 2 && !org {
        return push(mentions, whole, Kind::Place, None, all);
    }
    if org {
        return push(mentions, whole, Kind::Organisation, None, all);
    }
    if let [only] = words[..] {
        if is_acronym(only) {
            let (text, kind) = match only {
                "US" | "USA" => ("United States", Kind::Place),
                "UK" => ("United Kingdom", Kind::Place),
                "UAE" => ("UAE", Kind::Place),
                _ => (only, Kind::Organisation),
            };
            return push(mentions, text.to_string(), kind, None, all);
        }
        // `Syrias`: a possessive that lost its apostrophe
        if let Some((place, _)) = only.strip_suffix('s').and_then(|p| lex.places.get(p)) {
            return push(mentions, place.clone(), Kind::Place, None, all);
        }
    }
    // Leading demonyms and titles are labels; what follows is the name.
    let mut k = 0;
    let is_title = |w: &str| {
        lex.titles.contains(w) || lex.demonyms.contains_key(w) || lex.groups.contains_key(w) || w == "US"
    };
    // A title modifier (`Home`) is a title before another title word or alone.
    let next_is_title = |k: usize| words.get(k + 1).is_some_and(|n| is_title(n));
    let titled = |k: usize| !lex.title_modifiers.contains(words[k]) || next_is_title(k) || words.len() == 1;
    while k < words.len() && ((is_title(words[k]) && titled(k)) || (words[k] == "of" && next_is_title(k))) {
        k += 1;
    }
    // A role noun written with a capital at a sentence's start (`Fly-half Jonny Wilkinson`,
    // `Rapper Kanye West`) describes the name of two words or more after it.
    if k == 0 && words.len() >= 3 && lex.roles.contains(words[0].to_lowercase().as_str()) {
        k = 1;
    }
    // Capitalised words before a given name and surname are a description (`Lawyer Lyudmila
    // Kozak`), unless they hold an organisation head-word.
    if let Some(g) = words[k..].iter().position(|w| is_given(w, lex)) {
        if g > 0
            && words.len() - (k + g) >= 2
            && !kunya().contains(&words[k + g - 1])
            && !words[k..k + g].iter().any(|w| lex.org_heads.contains(w))
        {
            k += g;
        }
    }
    // Demonyms alone before a name of two words or more that no given name or context makes a
    // person's are part of an organisation's name (`English National Ballet`).
    let demonyms_only = k > 0 && words[..k].iter().all(|w| lex.demonyms.contains_key(*w));
    // A demonym that is also a given name, alone before one more word where a person is meant
    // (`economy minister German Gref`), is the given name.
    if demonyms_only && k == 1 && words.len() == 2 && person_context && is_given(words[0], lex) {
        return push(mentions, whole, Kind::Person, None, all);
    }
    if demonyms_only
        && words.len() - k >= 2
        && !is_given(words[k], lex)
        && !person_context
        && !lex.places.contains_key(&words[k..].join(" "))
    {
        push(mentions, whole, Kind::Organisation, None, all);
        if let Some(m) = mentions.last_mut() {
            m.guessed = !org_context;
        }
        return;
    }
    // Demonyms and group words among the leading words are mentions of their group
    // (`Russian President` mentions Russians); `US` mentions the United States.
    for (at, w) in &run[..k] {
        let span = Span::new(*at, at + w.len());
        if let Some((group, kind)) = lex.demonyms.get(w) {
            push(mentions, group.clone(), *kind, None, span);
        } else if let Some(group) = lex.groups.get(w.as_str()) {
            push(mentions, group.to_string(), Kind::Group, None, span);
        } else if w == "US" {
            push(mentions, "United States".to_string(), Kind::Place, None, span);
        }
    }
    if k == run.len() {
        return;
    }
    let label = (k > 0).then(|| words[..k].join(" "));
    let name = &words[k..];
    // Headline debris: a long run with no organisation or place head at its end.
    let content = name
        .iter()
        .filter(|w| !matches!(**w, "of" | "the" | "and"))
        .count();
    if content >= 5 && !lex.org_heads.contains(last) && !lex.place_heads.contains(last) {
        return;
    }
    let name_text = name.join(" ");
    let span = run_span(&run[k..]);
    if let Some((place, _)) = lex.places.get(&name_text) {
        return push(mentions, place.clone(), Kind::Place, None, span);
    }
    // `North Caucasus`, `Eastern Ghouta`, `Kafr Batna`: place prefixes
    if name.len() >= 2 && name.len() <= 3 && label.is_none() {
        // (`South Sydney Rabbitohs`: a compass word and a place before another word is a team)
        let compass = compass().contains(&name[0])
            && !lex.given.contains_key(name[1])
            && (name.len() == 2 || !lex.places.contains_key(name[1]));
        let arabic =
            matches!(
                name[0],
                "Kafr"
                    | "Kfar"
                    | "Deir"
                    | "Tel"
                    | "Tal"
                    | "Ain"
                    | "Ras"
                    | "Khan"
                    | "Beit"
                    | "Jisr"
                    | "Maarat"
                    | "Jabal"
                    | "Jebel"
                    | "Wadi"
                    | "Bir"
            ) || (matches!(name[0], "Abu" | "Al") && name.len() == 2 && !lex.given.contains_key(name[1]));
        if compass || arabic {
            return push(mentions, name_text, Kind::Place, None, span);
        }
    }
    // A title or role among the leading words, not only demonyms, says a person follows.
    let titled = words[..k]
        .iter()
        .any(|w| lex.titles.contains(w) || lex.roles.contains(w.to_lowercase().as_str()));
    let person = is_given(name[0], lex)
        || (kunya().contains(&name[0]) && name.get(1).is_some_and(|n| is_given(n, lex)))
        || (titled && (1..=3).contains(&name.len()));
    if person {
        return push(mentions, name_text, Kind::Person, label, span);
    }
    if person_context {
        return push(mentions, name_text, Kind::Person, label, span);
    }
    if org_context {
        return push(mentions, name_text, Kind::Organisation, label, span);
    }
    if name.len() == 1 {
        // a lone capitalised word: possibly a surname; decided when joining, and no evidence of
        // the kind of what it joins (`United` of `Manchester United`) unless described
        let bare = label.is_none();
        push(mentions, name_text, Kind::Person, label, span);
        if let Some(m) = mentions.last_mut() {
            m.guessed = bare;
        }
        return;
    }
    // `Internet Protocol TV`, `IPTV Edition`: a thing named with an acronym of things
    if name.iter().any(|w| lex.common_acronyms.contains(w)) {
        return;
    }
    push(mentions, name_text, Kind::Organisation, label, span);
    if let Some(m) = mentions.last_mut() {
        m.guessed = true;
    }
}

/// Name parts that make a person's name with a given name after them (`Abu Omar`).
fn kunya() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/kunya.txt")).collect())
}

/// A known given name, or a hyphenated one whose first part is (`Jean-Yves`).
fn is_given(w: &str, lex: &Lexicon) -> bool {
    lex.given.contains_key(w)
        || w.split_once('-').is_some_and(|(a, b)| {
            lex.given.contains_key(a) && b.chars().next().is_some_and(char::is_uppercase)
        })
}
