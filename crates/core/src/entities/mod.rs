//! Entity extraction without models: people, organisations, places and groups found from
//! capitalisation, word lists (`data/`, see its README for origin and licence) and the text's
//! own definitions, then joined across the corpus.
//!
//! Per document: runs of capitalised words (joined by `of`/`the`, name particles such as `von
//! der` and `al-`, initials and abbreviated titles with their full stop; split at punctuation
//! and at a possessive unless an organisation head-word follows, `Russia's Foreign Ministry`;
//! run-together words such as `OdinokovFILE` split) are read as mentions. A run is cut where one
//! name ends and another begins, as in text whose punctuation was stripped (`Obamas Syria`,
//! `Peter Graff Dominic Evans`, `Konashenkov Russian`), and loses the words that are not names
//! there (`According`, shouted headline words such as `SLEEPING`). Leading sentence words that
//! are not names (`Likewise`, `Addressing`), titles and demonyms before a name (`Russian
//! President Vladimir Putin`) are stripped and kept as the mention's label. A mention is an
//! organisation when it is a known outlet or organisation, has an organisation head-word (or a
//! lower-case body after a demonym, `Russian foreign ministry`) or is an acronym; a place when
//! the gazetteer knows it (also as a possessive without apostrophe, `Syrias`), it ends in a place
//! head-word (`Tegel Airport`) or starts with a place prefix (`North Caucasus`, `Kafr Batna`);
//! a group when it is a demonym standing alone (each part of `Syrian-Iraqi`); a person when it
//! starts with a known given name or follows a title. Long title-case runs without a head-word
//! are headline debris. Across the corpus, a surname alone (or with a lost possessive `s`) joins
//! the full name, `Name (ACRONYM)` makes the acronym an alias, a misspelt place one edit from a
//! known one (`Minks`) joins it, and an unknown lone word after `in`/`near` is a place; lone
//! words that tell nothing (a sentence's first word) are kept only when they join.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{Article, Span};

mod lookup;

pub use lookup::find_entities;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Person,
    Organisation,
    Place,
    Group,
}

impl Kind {
    /// Every kind, in the order pages list them.
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Organisation, Kind::Place, Kind::Group];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
            Kind::Group => "group",
        }
    }
}

/// An entity of the corpus with every surface form that names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    /// Surface forms, sorted, including `name`.
    pub aliases: Vec<String>,
    /// Document numbers (positions in `Corpus::articles`), sorted.
    pub documents: Vec<u32>,
    /// `(label, document)`: titles and descriptions attached to mentions.
    pub labels: Vec<(String, u32)>,
    /// Where the text names it, sorted by document and position.
    pub mentions: Vec<EntityMention>,
}

/// One place a document names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityMention {
    pub doc: u32,
    /// The name as written (titles and labels before it excluded).
    pub span: Span,
}

/// A gender read from a given name or a title, for pronouns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

struct Lexicon {
    places: BTreeMap<String, (String, Option<String>)>,
    /// Demonym → the group it names, or the place itself for regional adjectives (`Siberian`).
    demonyms: BTreeMap<String, (String, Kind)>,
    // Only looked up, never iterated: hashed for speed (no order reaches the output).
    given: HashMap<&'static str, Option<Gender>>,
    titles: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    place_heads: HashSet<&'static str>,
    roles: HashSet<&'static str>,
    describers: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    media: HashSet<&'static str>,
    orgs: HashSet<&'static str>,
    groups: HashMap<&'static str, &'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut places = BTreeMap::new();
        let mut demonyms = BTreeMap::new();
        for line in include_str!("../../data/places.txt")
            .lines()
            .filter(|l| !l.is_empty())
        {
            let parts: Vec<&str> = line.split('|').collect();
            let place = parts[0].to_string();
            let demonym = parts.get(1).filter(|d| !d.is_empty());
            let plural = parts.get(2).filter(|p| !p.is_empty());
            if plural == Some(&"-") {
                // the adjective of a region names the region
                places.insert(place.clone(), (place.clone(), None));
                if let Some(d) = demonym {
                    demonyms.insert(d.to_string(), (place.clone(), Kind::Place));
                }
                continue;
            }
            let group = plural.or(demonym).map(|g| g.to_string());
            places.insert(place.clone(), (place.clone(), group.clone()));
            for d in [demonym, plural].into_iter().flatten() {
                let g = group.clone().unwrap_or_else(|| d.to_string());
                demonyms.insert(d.to_string(), (g, Kind::Group));
            }
        }
        let set = |s: &'static str| s.lines().filter(|l| !l.is_empty()).collect();
        let given = include_str!("../../data/given_names.txt")
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| match l.split_once('|') {
                Some((n, "m")) => (n, Some(Gender::Male)),
                Some((n, "f")) => (n, Some(Gender::Female)),
                Some((n, _)) => (n, None),
                None => (l, None),
            })
            .collect();
        Lexicon {
            places,
            demonyms,
            given,
            titles: set(include_str!("../../data/titles.txt")),
            org_heads: set(include_str!("../../data/org_heads.txt")),
            place_heads: set(include_str!("../../data/place_heads.txt")),
            roles: set(include_str!("../../data/roles.txt")),
            describers: set(include_str!("../../data/describers.txt")),
            not_names: set(include_str!("../../data/not_names.txt")),
            media: set(include_str!("../../data/media.txt")),
            orgs: set(include_str!("../../data/orgs.txt")),
            groups: include_str!("../../data/groups.txt")
                .lines()
                .filter_map(|l| l.split_once('|'))
                .collect(),
        }
    })
}

/// The gender a person's name or title tells: a known given name (either part of a hyphenated
/// one), an honorific, or a Slavic feminine surname ending.
pub(crate) fn gender_of(name: &str, labels: &[&str]) -> Option<Gender> {
    let lex = lexicon();
    for label in labels {
        for w in label.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            match w.as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" | "father" | "husband" | "son" | "brother"
                | "spokesman" | "chairman" | "congressman" | "businessman" | "he" => {
                    return Some(Gender::Male)
                }
                "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "mother" | "wife"
                | "daughter" | "sister" | "spokeswoman" | "chairwoman" | "congresswoman"
                | "businesswoman" | "actress" | "she" => return Some(Gender::Female),
                _ => {}
            }
        }
    }
    let mut words = name.split_whitespace();
    let first = words.next()?;
    if let Some(g) = first.split('-').find_map(|p| lex.given.get(p).copied().flatten()) {
        return Some(g);
    }
    let last = name.split_whitespace().last()?;
    let feminine = ["ova", "eva", "ina", "aya", "kaya", "ska", "yna"];
    (last.chars().count() > 4 && feminine.iter().any(|e| last.ends_with(e))).then_some(Gender::Female)
}

/// A capitalised run found in a document, before joining.
#[derive(Clone, Debug)]
struct Mention {
    text: String,
    kind: Kind,
    label: Option<String>,
    doc: u32,
    span: Span,
    /// Where a lone word tells little (a sentence's first word, a headline fragment): kept only
    /// when it joins an entity named elsewhere.
    weak: bool,
    /// After `in`, `near`…: a lone unknown word there is a place.
    locative: bool,
}

/// Extracts the entities of a corpus.
pub fn extract_entities(articles: &[Article]) -> Vec<Entity> {
    let mut scan = EntityScan::default();
    for (doc, article) in articles.iter().enumerate() {
        scan.add(doc as u32, article);
    }
    scan.finish()
}

/// Entity extraction one document at a time ([`EntityScan::add`]), then across the corpus
/// ([`EntityScan::finish`]), so that a caller can pause between documents.
#[derive(Default)]
pub struct EntityScan {
    mentions: Vec<Mention>,
    acronyms: Vec<(String, String)>,
}

impl EntityScan {
    /// Finds the name candidates of document `doc`.
    pub fn add(&mut self, doc: u32, article: &Article) {
        let d = &article.doc;
        // A headline in title case (`Lavrov Welcomes All-Belarusian…`) says nothing by its
        // capitals; its names recur in the body.
        let mut regions: Vec<Span> = d
            .title
            .filter(|t| !title_case_line(t.of(&d.text)))
            .into_iter()
            .collect();
        regions.extend(d.section);
        regions.extend(
            d.dateline
                .iter()
                .flat_map(|dl| std::iter::once(dl.place).chain(dl.outlets)),
        );
        regions.extend(
            d.credits
                .iter()
                .flat_map(|c| std::iter::once(c.credit).chain(c.caption)),
        );
        regions.extend(d.paragraphs.iter().flat_map(|p| p.sentences.iter().copied()));
        for span in regions {
            scan(&d.text, span, doc, &mut self.mentions, &mut self.acronyms);
        }
    }

    /// Joins the candidates of every document added into entities.
    pub fn finish(self) -> Vec<Entity> {
        join(self.mentions, &self.acronyms)
    }
}

/// Lower-case particles inside names (`Ursula von der Leyen`, `Mohammed bin Salman`).
const PARTICLES: [&str; 16] = [
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "bin", "ibn", "al", "el", "ez",
];

/// Whether `w` is a lower-case Arabic article joined to a name (`al-Assad`, `ez-Zor`).
fn particle_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(p, rest)| {
        matches!(
            p,
            "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "ez" | "an" | "bin" | "ibn"
        ) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Words of a region with their byte offsets; run-together words (`OdinokovFILE`) split.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        // An apostrophe or hyphen inside a word joins it, except a hyphen before a lower-case
        // part (`US-led`, `ex-Soviet`): those parts are words of their own. Arabic articles
        // (`al-Assad`) and short Korean name parts (`Ki-moon`) stay joined.
        let next = bytes.get(k + 1).map(|&(_, n)| n);
        let inner = start.is_some()
            && match c {
                '\'' | '\u{2019}' => next.is_some_and(char::is_alphanumeric),
                '-' => {
                    let so_far = start.map_or("", |s| &text[s..i]);
                    let first = so_far.chars().next();
                    let upper_join = first.is_some_and(|f| f.is_uppercase() || f.is_ascii_digit())
                        && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
                    let article = next.is_some_and(char::is_uppercase)
                        && matches!(
                            so_far,
                            "al" | "el"
                                | "ad"
                                | "ar"
                                | "as"
                                | "ash"
                                | "at"
                                | "az"
                                | "ez"
                                | "an"
                                | "bin"
                                | "ibn"
                        );
                    upper_join || article || short_name_part(so_far, &text[i + 1..])
                }
                _ => false,
            };
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
            // lower-case letter followed by two capitals: a boundary inside a run-together word
            let split = c.is_lowercase()
                && bytes.get(k + 1).is_some_and(|&(_, n)| n.is_uppercase())
                && bytes.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase());
            if split {
                let s = start.take().unwrap_or(i);
                out.push((s, &text[s..i + c.len_utf8()]));
            }
        } else {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
            if c.is_whitespace() {
                continue;
            }
            out.push((i, &text[i..i + c.len_utf8()]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// `Ki` + `-moon`: a capitalised part of at most three letters, then a lower-case one of at most
/// four that is not a participle (`US-led`).
fn short_name_part(before: &str, after: &str) -> bool {
    let part: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut b = before.chars();
    b.next().is_some_and(char::is_uppercase)
        && b.clone().all(char::is_lowercase)
        && (2..=3).contains(&before.chars().count())
        && (2..=4).contains(&part.trim_end_matches('s').chars().count())
        && part.chars().all(char::is_lowercase)
        && !part.ends_with("ed")
}

/// Whether most words of a line start with a capital, as in a title-case headline.
fn title_case_line(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
    ws.len() >= 3 && ws.iter().filter(|w| is_cap(w)).count() * 10 >= ws.len() * 7
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || particle_name(w)
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The word without a possessive ending, and whether it had one.
fn strip_possessive(w: &str) -> (&str, bool) {
    match w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
        Some(s) => (s, true),
        None => (w, false),
    }
}

/// Title case for an all-capitals word (`MOSCOW` → `Moscow`).
fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect())
        .unwrap_or_default()
}

/// A word of a capitalised run: its byte offset in the document and its text.
type Word<'t> = (usize, &'t str);

/// Abbreviated titles written with a full stop (`Maj. Gen. Igor Konashenkov`).
fn abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Maj"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "Sen"
            | "Rep"
            | "Gov"
            | "St"
    )
}

fn scan(
    doc_text: &str,
    region: Span,
    doc: u32,
    mentions: &mut Vec<Mention>,
    acronyms: &mut Vec<(String, String)>,
) {
    let lex = lexicon();
    let base = region.start as usize;
    let ws: Vec<Word> = words(region.of(doc_text))
        .into_iter()
        .map(|(at, w)| (base + at, w))
        .collect();
    let mut i = 0;
    while i < ws.len() {
        if !is_cap(ws[i].1) {
            if let Some(group) = lex.groups.get(ws[i].1) {
                mentions.push(Mention {
                    text: group.to_string(),
                    kind: Kind::Group,
                    label: None,
                    doc,
                    span: Span::new(ws[i].0, ws[i].0 + ws[i].1.len()),
                    weak: false,
                    locative: false,
                });
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
            if is_cap(w) {
                let (w, possessive) = strip_possessive(w);
                run.push((ws[j].0, w));
                ended = possessive
                    && (run.iter().any(|(_, r)| lex.org_heads.contains(r))
                        || !org_follows(&ws[j + 1..], lex));
                j += 1;
            } else if matches!(w, "of" | "the") && next_cap(j + 1)
                || PARTICLES.contains(&w)
                    && (next_cap(j + 1)
                        || (ws.get(j + 1).is_some_and(|n| PARTICLES.contains(&n.1)) && next_cap(j + 2)))
            {
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
        // `Name (ACRONYM)` defines an acronym.
        if ws.get(j).is_some_and(|w| w.1 == "(") && ws.get(j + 2).is_some_and(|w| w.1 == ")") {
            let acr = ws[j + 1].1;
            if is_acronym(acr) {
                acronyms.push((acr.to_string(), join_words(&run)));
            }
        }
        // After an opening quote or bracket a capital says nothing; after a closing quote
        // (`," Lavrov said`) it does.
        let closing_quote = i >= 2 && matches!(ws[i - 2].1, "," | "." | "?" | "!");
        let sentence_start =
            i == 0 || matches!(ws[i - 1].1, "\u{201C}" | "(") || (ws[i - 1].1 == "\"" && !closing_quote);
        let locative = i >= 1
            && matches!(
                ws[i - 1].1,
                "in" | "near" | "outside" | "around" | "towards" | "toward" | "across" | "at"
            );
        let before = mentions.len();
        classify(&run, sentence_start, doc, lex, mentions);
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
                    mentions.push(Mention {
                        text: format!("the {d} opposition"),
                        kind: Kind::Group,
                        label: None,
                        doc,
                        span: Span::new(at, gat + g.len()),
                        weak: false,
                        locative: false,
                    });
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
}

/// Whether the capitalised words that follow hold an organisation head-word: a possessive
/// inside a name (`Russia's Foreign Ministry`, `the People's Assembly`).
fn org_follows(ws: &[Word], lex: &Lexicon) -> bool {
    ws.iter()
        .take_while(|(_, w)| is_cap(w) || matches!(*w, "of" | "the"))
        .any(|(_, w)| lex.org_heads.contains(strip_possessive(w).0))
}

fn join_words(run: &[(usize, impl AsRef<str>)]) -> String {
    run.iter().map(|(_, w)| w.as_ref()).collect::<Vec<_>>().join(" ")
}

/// The byte range from the first word of `run` to the end of its last.
fn run_span(run: &[(usize, impl AsRef<str>)]) -> Span {
    match (run.first(), run.last()) {
        (Some(f), Some(l)) => Span::new(f.0, l.0 + l.1.as_ref().len()),
        _ => Span::default(),
    }
}

/// Adjectives that begin names with a demonym inside (`Free Syrian Army`).
const NAME_ADJECTIVES: [&str; 10] = [
    "Free",
    "New",
    "Great",
    "United",
    "Royal",
    "Democratic",
    "National",
    "Islamic",
    "Federal",
    "Popular",
];

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
        let headline_word = (lex.not_names.contains(w) && !given && !(month && lex.given.contains_key(prev)))
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
            matches!(prev, "of" | "the") || PARTICLES.contains(&prev) || COMPASS.contains(&prev);
        let lost_possessive = |w: &str| {
            !lex.places.contains_key(w) && w.strip_suffix('s').is_some_and(|p| lex.places.contains_key(p))
        };
        let seg_is_place = lex.places.contains_key(&join_words(seg))
            || (seg.len() == 2 && COMPASS.contains(&seg[0].1) && lex.places.contains_key(seg[1].1));
        let seg_is_person = seg.len() >= 2
            && (lex.given.contains_key(seg[0].1)
                || (KUNYA.contains(&seg[0].1) && lex.given.contains_key(seg[1].1)));
        let given =
            given || (KUNYA.contains(&w) && run.get(k + 1).is_some_and(|n| lex.given.contains_key(n.1)));
        let org_before = seg.iter().any(|(_, s)| lex.org_heads.contains(s));
        let place_split = !matches!(prev, "of")
            && !PARTICLES.contains(&prev)
            && !COMPASS.contains(&prev)
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
                        && !NAME_ADJECTIVES.contains(&prev))
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
const COMPASS: [&str; 11] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Upper", "Lower", "Central",
    "Greater",
];

fn known_whole(w: &str, lex: &Lexicon) -> bool {
    lex.places.contains_key(&title_case(w)) || lex.media.contains(w) || lex.orgs.contains(w)
}

fn classify(run: &[Word], sentence_start: bool, doc: u32, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let whole = join_words(run);
    if run.len() > 1
        && (lex.places.contains_key(&whole)
            || lex.media.contains(whole.as_str())
            || lex.orgs.contains(whole.as_str()))
    {
        return classify_one(run, sentence_start, doc, lex, mentions);
    }
    let segs = segments(run, lex);
    let many = segs.len() > 1;
    for seg in segs {
        let first = seg.first().map_or(0, |w| w.0) == run[0].0;
        classify_one(
            seg,
            (first && sentence_start) || (many && !first),
            doc,
            lex,
            mentions,
        );
    }
}

/// Whether a sentence's first word reads as a verb or adverb (`Addressing`, `Reportedly`).
fn verb_like(w: &str, lex: &Lexicon) -> bool {
    (w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed"))
        && w.chars().count() > 4
        && !lex.given.contains_key(w)
        && !lex.places.contains_key(w)
}

fn classify_one(run: &[Word], sentence_start: bool, doc: u32, lex: &Lexicon, mentions: &mut Vec<Mention>) {
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
        if lex.not_names.contains(first.as_str()) || leading_verb || matches!(first.as_str(), "of" | "the") {
            run.remove(0);
            stripped = true;
        } else {
            break;
        }
    }
    while run
        .last()
        .is_some_and(|(_, w)| matches!(w.as_str(), "of" | "the") || PARTICLES.contains(&w.as_str()))
    {
        run.pop();
    }
    if run.is_empty() {
        return;
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
                mentions.push(Mention {
                    text: "United States".to_string(),
                    kind: Kind::Place,
                    label: None,
                    doc,
                    span,
                    weak: false,
                    locative: false,
                });
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
    while k < words.len()
        && (is_title(words[k]) || (words[k] == "of" && words.get(k + 1).is_some_and(|n| is_title(n))))
    {
        k += 1;
    }
    // Capitalised words before a given name and surname are a description (`Lawyer Lyudmila
    // Kozak`), unless they hold an organisation head-word.
    if let Some(g) = words[k..].iter().position(|w| is_given(w, lex)) {
        if g > 0
            && words.len() - (k + g) >= 2
            && !KUNYA.contains(&words[k + g - 1])
            && !words[k..k + g].iter().any(|w| lex.org_heads.contains(w))
        {
            k += g;
        }
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
        let compass = COMPASS.contains(&name[0]) && !lex.given.contains_key(name[1]);
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
    let person = is_given(name[0], lex)
        || (KUNYA.contains(&name[0]) && name.get(1).is_some_and(|n| is_given(n, lex)))
        || (label.is_some() && (1..=3).contains(&name.len()));
    if person {
        return push(mentions, name_text, Kind::Person, label, span);
    }
    if name.len() == 1 {
        // a lone capitalised word: possibly a surname; decided when joining
        return push(mentions, name_text, Kind::Person, label, span);
    }
    push(mentions, name_text, Kind::Organisation, label, span);
}

/// Name parts that make a person's name with a given name after them (`Abu Omar`).
const KUNYA: [&str; 4] = ["Abu", "Umm", "Bin", "Ibn"];

/// A known given name, or a hyphenated one whose first part is (`Jean-Yves`).
fn is_given(w: &str, lex: &Lexicon) -> bool {
    lex.given.contains_key(w)
        || w.split_once('-').is_some_and(|(a, b)| {
            lex.given.contains_key(a) && b.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Joins mentions into entities: exact forms, then surnames to full names, acronyms to their
/// definitions, misspelt places to known ones. Lone capitalised words that join nothing are
/// dropped.
fn join(mentions: Vec<Mention>, acronyms: &[(String, String)]) -> Vec<Entity> {
    let lex = lexicon();
    // Surname → the first full name that ends with it; acronym → its first definition.
    let mut surnames: BTreeMap<&str, &str> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Person) {
        if let Some((_, last)) = m.text.rsplit_once(' ') {
            surnames.entry(last).or_insert(m.text.as_str());
        }
    }
    let full_names: BTreeSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Person && m.text.contains(' '))
        .map(|m| m.text.as_str())
        .collect();
    let mut defined: BTreeMap<&str, &str> = BTreeMap::new();
    for (acronym, definition) in acronyms {
        defined.entry(acronym.as_str()).or_insert(definition.as_str());
    }
    struct Building {
        kind: Kind,
        aliases: BTreeSet<String>,
        documents: BTreeSet<u32>,
        labels: BTreeSet<(String, u32)>,
        mentions: Vec<EntityMention>,
    }
    let mut by_name: BTreeMap<String, Building> = BTreeMap::new();
    for m in &mentions {
        let mut canonical = m.text.clone();
        let mut kind = m.kind;
        if let Some(def) = defined.get(m.text.as_str()) {
            canonical = def.to_string();
            kind = Kind::Organisation;
        }
        if kind == Kind::Person && canonical.contains(' ') {
            // `Saddam Husseins`: a full name whose possessive lost its apostrophe
            if let Some(stem) = canonical
                .strip_suffix('s')
                .filter(|stem| full_names.contains(stem))
            {
                canonical = stem.to_string();
            }
        }
        if kind == Kind::Person && !canonical.contains(' ') {
            // `Navalnys`: a possessive that lost its apostrophe
            let surname = surnames
                .get(canonical.as_str())
                .or_else(|| canonical.strip_suffix('s').and_then(|stem| surnames.get(stem)));
            match surname {
                Some(full) => canonical = full.to_string(),
                None if lex.given.contains_key(canonical.as_str()) => continue,
                None if m.weak => continue,
                None if m.label.is_none() => {
                    // an unknown lone capitalised word: a misspelt place, a place by its
                    // preposition (`in Zamalka`), or nothing we can name
                    match near_place(&canonical) {
                        Some(p) => {
                            canonical = p;
                            kind = Kind::Place;
                        }
                        None if m.locative => kind = Kind::Place,
                        None => continue,
                    }
                }
                None => {}
            }
        }
        let e = by_name.entry(canonical).or_insert_with(|| Building {
            kind,
            aliases: BTreeSet::new(),
            documents: BTreeSet::new(),
            labels: BTreeSet::new(),
            mentions: Vec::new(),
        });
        e.mentions.push(EntityMention {
            doc: m.doc,
            span: m.span,
        });
        e.aliases.insert(m.text.clone());
        e.documents.insert(m.doc);
        if let Some(l) = &m.label {
            e.labels.insert((l.clone(), m.doc));
        }
    }
    // Spelling variants of one person (`Sviatlana Tsikhanouskaya`, `Svetlana Tikhanovskaya`):
    // full names of as many words, each close to the other's word (see `variant_words`). The
    // better-attested spelling names the entity. Only names with the same initials meet, so
    // this stays near linear.
    let mut buckets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, b) in &by_name {
        if b.kind == Kind::Person && name.contains(' ') {
            let initials: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
            buckets.entry(initials).or_default().push(name.clone());
        }
    }
    for names in buckets.values() {
        for (i, x) in names.iter().enumerate() {
            for y in &names[i + 1..] {
                if !by_name.contains_key(x) || !by_name.contains_key(y) || !variant_names(x, y) {
                    continue;
                }
                let weight = |n: &String| by_name[n].mentions.len();
                let (keep, drop) = if weight(y) > weight(x) { (y, x) } else { (x, y) };
                let Some(gone) = by_name.remove(drop) else {
                    continue;
                };
                if let Some(k) = by_name.get_mut(keep) {
                    k.aliases.extend(gone.aliases);
                    k.aliases.insert(drop.clone());
                    k.documents.extend(gone.documents);
                    k.labels.extend(gone.labels);
                    k.mentions.extend(gone.mentions);
                }
            }
        }
    }
    by_name
        .into_iter()
        .map(|(name, mut b)| {
            b.aliases.insert(name.clone());
            b.mentions.sort();
            b.mentions.dedup();
            Entity {
                name,
                kind: b.kind,
                aliases: b.aliases.into_iter().collect(),
                documents: b.documents.into_iter().collect(),
                labels: b.labels.into_iter().collect(),
                mentions: b.mentions,
            }
        })
        .collect()
}

/// The lower-case description right before a name (`incumbent`, `exiled opposition leader`,
/// with a demonym before it: `Belarusian opposition leader`): role nouns and describing words
/// (`data/roles.txt`, `data/describers.txt`), the word next to the name a role.
fn description_before(ws: &[Word], i: usize, lex: &Lexicon) -> Option<String> {
    let role = |w: &str| lex.roles.contains(w);
    let next = ws.get(i.checked_sub(1)?)?.1;
    if !role(next) && !lex.describers.contains(next) {
        return None;
    }
    let mut k = i - 1;
    while k > 0 && i - k < 4 {
        let w = ws[k - 1].1;
        if lex.demonyms.contains_key(w) {
            // a demonym opens the description
            k -= 1;
            break;
        }
        if role(w) || lex.describers.contains(w) {
            k -= 1;
        } else {
            break;
        }
    }
    let words: Vec<&str> = ws[k..i].iter().map(|w| w.1).collect();
    words.iter().any(|w| role(w)).then(|| words.join(" "))
}

/// A description set off after a name: `Pyotr Ilyichev, the head of the Department of
/// International Organizations, …` gives `the head of the Department of International
/// Organizations`. It starts with an article, holds a role noun among its first words, and
/// ends at punctuation, a clause word, another name or eight words.
fn appositive_after(ws: &[Word], j: usize, lex: &Lexicon) -> Option<String> {
    if ws.get(j)?.1 != "," || !matches!(ws.get(j + 1)?.1, "the" | "a" | "an") {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    for &(_, w) in &ws[j + 1..] {
        // A capital after a lower-case word other than `of`/`the` starts another name
        // (`the opposition leader's aide Ivan Zhdanov`).
        let new_name = is_cap(w)
            && out
                .last()
                .is_some_and(|p| !is_cap(p) && !matches!(*p, "of" | "the"));
        let stop = new_name
            || w.chars().all(|c| !c.is_alphanumeric())
            || matches!(
                w,
                "at" | "in"
                    | "on"
                    | "who"
                    | "whose"
                    | "whom"
                    | "which"
                    | "that"
                    | "where"
                    | "when"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "said"
                    | "told"
                    | "says"
            )
            || out.len() == 8;
        if stop {
            break;
        }
        out.push(w);
    }
    out.iter()
        .take(4)
        .any(|w| lex.roles.contains(w))
        .then(|| out.join(" "))
}

/// `the Lukashenko regime`, `the Trump administration`: a name standing for the rule it heads
/// is described by that phrase.
fn rule_named_after(ws: &[Word], i: usize, j: usize) -> Option<String> {
    let the = ws.get(i.checked_sub(1)?)?.1;
    let noun = ws.get(j)?.1;
    (matches!(the, "the" | "The") && matches!(noun, "regime" | "government" | "administration" | "camp"))
        .then(|| {
            let name: Vec<&str> = ws[i..j].iter().map(|w| w.1).collect();
            format!("the {} {noun}", name.join(" "))
        })
}

/// Whether two full names are spellings of one name: as many words, each pair identical or
/// with the same first letter and within a few edits (none below 5 letters, one for 5–7, two
/// from 8).
fn variant_names(x: &str, y: &str) -> bool {
    let (xs, ys): (Vec<&str>, Vec<&str>) = (x.split(' ').collect(), y.split(' ').collect());
    xs.len() == ys.len() && xs.iter().zip(&ys).all(|(a, b)| variant_words(a, b))
}

fn variant_words(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let ac: Vec<char> = a.chars().collect();
    let n = ac.len().min(b.chars().count());
    let max = match n {
        0..=4 => return false,
        5..=7 => 1,
        _ => 2,
    };
    ac.first().copied() == b.chars().next()
        && crate::text::distance::bounded_distance(&ac, b, max, &mut Default::default()).is_some()
}

/// A gazetteer place one edit (or one swap of neighbours) from `word`, same first letter.
fn near_place(word: &str) -> Option<String> {
    let w: Vec<char> = word.chars().collect();
    if w.len() < 5 {
        return None;
    }
    lexicon()
        .places
        .keys()
        // cheap tests first: same first letter, same length
        .filter(|p| p.starts_with(w[0]) && p.len().abs_diff(word.len()) <= 2)
        .find(|p| {
            p.chars().count() == w.len() && {
                let p: Vec<char> = p.chars().collect();
                p.iter().zip(&w).filter(|(a, b)| a != b).count() == 1
                    || crate::text::distance::is_swap(&w, &p)
            }
        })
        .cloned()
}

/// What kind of voice an entity is, from its labels and kind, for grouping speakers:
/// `Russian officials` (a demonym with a title: `Russian Foreign Minister`), `US officials`,
/// `Opposition`, `Experts`, else by kind (`Other people`, `Organisations`, `States and
/// places`, `Groups`).
pub fn speaker_group(entity: &Entity) -> String {
    let lex = lexicon();
    let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
    for (l, _) in &entity.labels {
        *labels.entry(l.as_str()).or_default() += 1;
    }
    let mut labels: Vec<(&str, usize)> = labels.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (label, _) in labels {
        let words: Vec<&str> = label.split_whitespace().collect();
        let lower = label.to_lowercase();
        if lower.contains("opposition") {
            return "Opposition".to_string();
        }
        if words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "expert" | "analyst" | "professor" | "researcher" | "scholar" | "economist" | "scientist"
            )
        }) {
            return "Experts".to_string();
        }
        let titled = words.iter().any(|w| lex.titles.contains(w));
        let demonym = words
            .iter()
            .find(|w| lex.demonyms.contains_key(**w) || **w == "US");
        if let (true, Some(d)) = (titled, demonym) {
            return format!("{d} officials");
        }
        if titled {
            return "Officials".to_string();
        }
    }
    match entity.kind {
        Kind::Person => "Other people",
        Kind::Organisation => "Organisations",
        Kind::Place => "States and places",
        Kind::Group => "Groups",
    }
    .to_string()
}

/// The place a group of people is named after, or the people named after a place, from the
/// gazetteer's demonyms: `Belarusians` ↔ `Belarus`. `None` when the word lists link none.
pub fn demonym_link(entity: &Entity) -> Option<String> {
    let lex = lexicon();
    match entity.kind {
        Kind::Place => lex.places.get(&entity.name).and_then(|(_, group)| group.clone()),
        Kind::Group => lex
            .places
            .iter()
            .find(|(_, (_, group))| group.as_deref() == Some(entity.name.as_str()))
            .map(|(place, _)| place.clone()),
        _ => None,
    }
}
