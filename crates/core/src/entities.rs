//! Entity extraction without models: people, organisations, places and groups found from
//! capitalisation, word lists (`data/`, see its README for origin and licence) and the text's
//! own definitions, then joined across the corpus.
//!
//! Per document: runs of capitalised words (joined by `of`/`the`/`and`, split at punctuation,
//! possessives dropped, run-together words such as `OdinokovFILE` split) are read as mentions.
//! A leading sentence word that is not a name (`Likewise`), titles and demonyms before a name
//! (`Russian President Vladimir Putin`) are stripped and kept as the mention's label. A mention
//! is an organisation when it has an organisation head-word or is an acronym, a place when the
//! gazetteer knows it, a group when it is a demonym standing alone, a person when it starts with
//! a known given name or follows a title. Across the corpus, a surname alone joins the full
//! name, `Name (ACRONYM)` makes the acronym an alias, and a misspelt place one edit from a known
//! one (`Minks`) joins it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::text::Span;

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

struct Lexicon {
    places: BTreeMap<String, (String, Option<String>)>,
    demonyms: BTreeMap<String, String>,
    given: std::collections::BTreeSet<&'static str>,
    titles: std::collections::BTreeSet<&'static str>,
    org_heads: std::collections::BTreeSet<&'static str>,
    not_names: std::collections::BTreeSet<&'static str>,
    media: std::collections::BTreeSet<&'static str>,
    groups: BTreeMap<&'static str, &'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut places = BTreeMap::new();
        let mut demonyms = BTreeMap::new();
        for line in include_str!("../data/places.txt").lines() {
            let parts: Vec<&str> = line.split('|').collect();
            let place = parts[0].to_string();
            let plural = parts.get(2).filter(|p| !p.is_empty()).map(|p| p.to_string());
            let group = plural
                .clone()
                .or_else(|| parts.get(1).filter(|d| !d.is_empty()).map(|d| d.to_string()));
            places.insert(place.clone(), (place.clone(), group.clone()));
            for d in parts.iter().skip(1).filter(|d| !d.is_empty()) {
                demonyms.insert(d.to_string(), group.clone().unwrap_or_else(|| d.to_string()));
            }
        }
        let set = |s: &'static str| s.lines().filter(|l| !l.is_empty()).collect();
        Lexicon {
            places,
            demonyms,
            given: set(include_str!("../data/given_names.txt")),
            titles: set(include_str!("../data/titles.txt")),
            org_heads: set(include_str!("../data/org_heads.txt")),
            not_names: set(include_str!("../data/not_names.txt")),
            media: set(include_str!("../data/media.txt")),
            groups: include_str!("../data/groups.txt")
                .lines()
                .filter_map(|l| l.split_once('|'))
                .collect(),
        }
    })
}

/// A capitalised run found in a document, before joining.
#[derive(Clone, Debug)]
struct Mention {
    text: String,
    kind: Kind,
    label: Option<String>,
    doc: u32,
    span: Span,
}

/// Extracts the entities of a corpus.
pub fn extract_entities(articles: &[Article]) -> Vec<Entity> {
    let mut mentions = Vec::new();
    let mut acronyms: Vec<(String, String)> = Vec::new();
    for (doc, article) in articles.iter().enumerate() {
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
            scan(&d.text, span, doc as u32, &mut mentions, &mut acronyms);
        }
    }
    join(mentions, &acronyms)
}

/// Words of a region with their byte offsets; run-together words (`OdinokovFILE`) split.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        // An apostrophe or hyphen inside a word joins it, except a hyphen before a lower-case
        // part (`US-led`, `ex-Soviet`): those parts are words of their own.
        let next = bytes.get(k + 1).map(|&(_, n)| n);
        let inner = start.is_some()
            && match c {
                '\'' | '\u{2019}' => next.is_some_and(char::is_alphanumeric),
                '-' => {
                    let first = start.and_then(|s| text[s..].chars().next());
                    first.is_some_and(|f| f.is_uppercase() || f.is_ascii_digit())
                        && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
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

/// Whether most words of a line start with a capital, as in a title-case headline.
fn title_case_line(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
    ws.len() >= 3 && ws.iter().filter(|w| is_cap(w)).count() * 10 >= ws.len() * 7
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
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
                });
            }
            i += 1;
            continue;
        }
        let mut run: Vec<Word> = vec![(ws[i].0, strip_possessive(ws[i].1))];
        let mut j = i + 1;
        while j < ws.len() {
            let w = ws[j].1;
            if is_cap(w) {
                run.push((ws[j].0, strip_possessive(w)));
                j += 1;
            } else if matches!(w, "of" | "the") && ws.get(j + 1).is_some_and(|n| is_cap(n.1)) {
                run.push(ws[j]);
                j += 1;
            } else {
                break;
            }
        }
        // `Name (ACRONYM)` defines an acronym.
        if ws.get(j).is_some_and(|w| w.1 == "(") && ws.get(j + 2).is_some_and(|w| w.1 == ")") {
            let acr = ws[j + 1].1;
            if acr.len() >= 2 && acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
                acronyms.push((acr.to_string(), join_words(&run)));
            }
        }
        // After an opening quote or bracket a capital says nothing; after a closing quote
        // (`," Lavrov said`) it does.
        let closing_quote = i >= 2 && matches!(ws[i - 2].1, "," | "." | "?" | "!");
        let sentence_start =
            i == 0 || matches!(ws[i - 1].1, "\u{201C}" | "(") || (ws[i - 1].1 == "\"" && !closing_quote);
        classify(&run, sentence_start, doc, lex, mentions);
        i = j.max(i + 1);
    }
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

fn classify(run: &[Word], sentence_start: bool, doc: u32, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut run: Vec<(usize, String)> = run.iter().map(|&(at, w)| (at, w.to_string())).collect();
    if run.len() == 1 && run[0].1.len() > 1 && run[0].1.chars().all(|c| !c.is_lowercase()) {
        // all capitals: an acronym, a dateline place (MOSCOW), or debris (FILE)
        let t = title_case(&run[0].1);
        if lex.places.contains_key(&t) {
            run[0].1 = t;
        }
    }
    while let Some((_, first)) = run.first() {
        if lex.not_names.contains(first.as_str()) {
            run.remove(0);
        } else {
            break;
        }
    }
    while run
        .last()
        .is_some_and(|(_, w)| matches!(w.as_str(), "of" | "the"))
    {
        run.pop();
    }
    if run.is_empty() {
        return;
    }
    let whole = join_words(&run);
    let push = |mentions: &mut Vec<Mention>, text: String, kind: Kind, label: Option<String>, span: Span| {
        mentions.push(Mention {
            text,
            kind,
            label,
            doc,
            span,
        });
    };
    let all = run_span(&run);
    if lex.media.contains(whole.as_str()) {
        return push(mentions, whole, Kind::Organisation, None, all);
    }
    if run.iter().any(|(_, w)| lex.org_heads.contains(w.as_str())) {
        return push(mentions, whole, Kind::Organisation, None, all);
    }
    if let Some((place, _)) = lex.places.get(&whole) {
        return push(mentions, place.clone(), Kind::Place, None, all);
    }
    let words: Vec<&str> = run.iter().map(|(_, w)| w.as_str()).collect();
    if let [only] = words[..] {
        if only.len() >= 2 && only.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
            let (text, kind) = match only {
                "US" | "USA" => ("United States", Kind::Place),
                "UK" => ("United Kingdom", Kind::Place),
                "UAE" => ("UAE", Kind::Place),
                _ => (only, Kind::Organisation),
            };
            return push(mentions, text.to_string(), kind, None, all);
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
    if let Some(g) = words[k..].iter().position(|w| lex.given.contains(w)) {
        if g > 0 && words.len() - (k + g) >= 2 && !words[k..k + g].iter().any(|w| lex.org_heads.contains(w)) {
            k += g;
        }
    }
    // Demonyms and group words among the leading words are mentions of their group
    // (`Russian President` mentions Russians); `US` mentions the United States.
    for (at, w) in &run[..k] {
        let span = Span::new(*at, at + w.len());
        if let Some(group) = lex.demonyms.get(w) {
            push(mentions, group.clone(), Kind::Group, None, span);
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
    let name_text = name.join(" ");
    let span = run_span(&run[k..]);
    if let Some((place, _)) = lex.places.get(&name_text) {
        return push(mentions, place.clone(), Kind::Place, None, span);
    }
    let person = lex.given.contains(name[0]) || (label.is_some() && (1..=3).contains(&name.len()));
    if person {
        return push(mentions, name_text, Kind::Person, label, span);
    }
    if name.len() == 1 && !sentence_start {
        // a lone capitalised word: possibly a surname; decided when joining
        return push(mentions, name_text, Kind::Person, label, span);
    }
    if name.len() >= 2 {
        push(mentions, name_text, Kind::Organisation, label, span);
    }
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
        if kind == Kind::Person && !canonical.contains(' ') {
            match surnames.get(canonical.as_str()) {
                Some(full) => canonical = full.to_string(),
                None if lex.given.contains(canonical.as_str()) => continue,
                None if m.label.is_none() => {
                    // an unknown lone capitalised word: a misspelt place, or nothing we can name
                    match near_place(&canonical) {
                        Some(p) => {
                            canonical = p;
                            kind = Kind::Place;
                        }
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

/// A gazetteer place one edit (or one swap of neighbours) from `word`, same first letter.
fn near_place(word: &str) -> Option<String> {
    if word.chars().count() < 5 {
        return None;
    }
    let w: Vec<char> = word.chars().collect();
    lexicon()
        .places
        .keys()
        .find(|p| {
            let p: Vec<char> = p.chars().collect();
            p.len() == w.len() && p[0] == w[0] && {
                let diff: Vec<usize> = (0..w.len()).filter(|&i| w[i] != p[i]).collect();
                diff.len() == 1
                    || (diff.len() == 2
                        && diff[1] == diff[0] + 1
                        && w[diff[0]] == p[diff[1]]
                        && w[diff[1]] == p[diff[0]])
            }
        })
        .cloned()
}
