//! Joining the mentions of every document into entities: surnames to full names, acronyms to
//! their definitions, misspelt places to known ones, spelling variants of one name.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::lexicon::lexicon;
use super::{Acronym, Entity, EntityMention, Kind, Mention};

/// Joins mentions into entities: exact forms, then surnames to full names, acronyms to their
/// definitions, misspelt places to known ones. Lone capitalised words that join nothing are
/// dropped.
pub(super) fn join(mut mentions: Vec<Mention>, acronyms: &[Acronym]) -> Vec<Entity> {
    let lex = lexicon();
    // A name guessed to be an organisation is a person's when its last word stands alone in
    // its document as a person's name (`Andy Robinson` … `Robinson said`, `Ms Trew`): people
    // are called by their surnames, organisations are not called by their last words.
    let lone: BTreeSet<(u32, String)> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Person && !m.text.contains(' '))
        .map(|m| (m.doc, m.text.clone()))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.guessed) {
        let last = m.text.rsplit(' ').next().unwrap_or_default();
        // (not a club's: `City` alone is `Manchester City`, not its surname)
        if lone.contains(&(m.doc, last.to_string())) && !lex.club_heads.contains(last) {
            m.kind = Kind::Person;
        }
    }
    // Single words the text shows as organisations somewhere (`oil giant Yukos`): elsewhere
    // alone (`the sale of Yukos`) they are that organisation, not a surname or a misspelt place.
    // A sentence's first word (`All the spending…`) is such an organisation only in a document
    // that shows it so.
    let mut lone_orgs: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| m.kind == Kind::Organisation && !m.guessed && !m.text.contains(' '))
    {
        lone_orgs.entry(m.text.clone()).or_default().insert(m.doc);
    }
    let lone_org = |m: &Mention, word: &str| {
        lone_orgs
            .get(word)
            .is_some_and(|docs| !m.weak || docs.contains(&m.doc))
    };
    // Surname → the full name ending with it that the document names first (`Mr Johnson`
    // after `Boris Johnson`), else the person the corpus names most (ties: the first): not just
    // the first in the corpus, which at 20,000 articles made every `Mr Johnson` a man stabbed
    // in Los Angeles.
    let mut in_document: BTreeMap<u32, BTreeMap<&str, &str>> = BTreeMap::new();
    // Each full name's (mentions, first seen).
    let mut full_counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // In how many documents each full name and each lone word stands as a person's.
    let mut person_docs: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Person) {
        person_docs.entry(m.text.as_str()).or_default().insert(m.doc);
    }
    for (k, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Person)
    {
        if let Some(last) = surname_of(&m.text) {
            in_document
                .entry(m.doc)
                .or_default()
                .entry(last)
                .or_insert(m.text.as_str());
            full_counts.entry(m.text.as_str()).or_insert((0, k)).0 += 1;
        }
    }
    // Across articles, only a name that starts with a known given name (`Boris Johnson`, not
    // `Long Covid` or `New Chelsea` from a title-case line) takes in lone words.
    let mut surnames: BTreeMap<&str, &str> = BTreeMap::new();
    for (&full, &(count, first)) in &full_counts {
        let given = full.split(' ').next().is_some_and(|w| lex.given.contains_key(w));
        if let Some(last) = surname_of(full).filter(|_| given) {
            let best = surnames.entry(last).or_insert(full);
            let (best_count, best_first) = full_counts[*best];
            if (count, std::cmp::Reverse(first)) > (best_count, std::cmp::Reverse(best_first)) {
                *best = full;
            }
        }
    }
    // Each person's full name and how often it is written.
    let mut full_names: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| m.kind == Kind::Person && m.text.contains(' '))
    {
        *full_names.entry(m.text.as_str()).or_default() += 1;
    }
    let written = |name: &str| full_names.get(name).copied().unwrap_or(0);
    // (document, first name) → the full name of that document it begins: `Beverly said` after
    // `Beverly Hawkins`.
    let mut first_names: BTreeMap<(u32, &str), &str> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Person) {
        if let Some((first, _)) = m.text.split_once(' ') {
            first_names.entry((m.doc, first)).or_insert(m.text.as_str());
        }
    }
    // An acronym stands for what its own document defines it as (the first), else for what
    // most documents define it as (ties: the first): one article's `Nurses' Health Study (NHS)`
    // is not every article's NHS.
    let mut here: BTreeMap<(u32, &str), &str> = BTreeMap::new();
    let mut votes: BTreeMap<&str, BTreeMap<&str, (BTreeSet<u32>, usize)>> = BTreeMap::new();
    for (k, a) in acronyms.iter().enumerate() {
        here.entry((a.doc, a.acronym.as_str()))
            .or_insert(a.definition.as_str());
        let vote = votes
            .entry(a.acronym.as_str())
            .or_default()
            .entry(a.definition.as_str())
            .or_insert((BTreeSet::new(), k));
        vote.0.insert(a.doc);
    }
    let mut defined: BTreeMap<&str, &str> = BTreeMap::new();
    for (acronym, definitions) in &votes {
        let best = definitions
            .iter()
            .max_by_key(|(_, (docs, first))| (docs.len(), std::cmp::Reverse(*first)))
            .map(|(d, _)| *d);
        if let Some(best) = best {
            defined.insert(acronym, best);
        }
    }
    struct Building {
        kind: Kind,
        /// Mentions of each kind (in `Kind::ALL`'s order) that the text gave evidence for,
        /// guesses left out: the kind most of them say wins over the first mention's.
        evidence: [u32; 4],
        aliases: BTreeSet<String>,
        documents: BTreeSet<u32>,
        labels: BTreeSet<(String, u32)>,
        mentions: Vec<EntityMention>,
    }
    // (document, a club's last word) → the names of that document ending with it: `United`
    // alone is its document's `Manchester United` when that is the only one, else nobody we
    // can tell (at 20,000 articles it was a person, then an organisation of its own).
    let mut clubs: BTreeMap<(u32, &str), BTreeSet<&str>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.text.contains(' ')) {
        if let Some(last) = m.text.rsplit(' ').next().filter(|w| lex.club_heads.contains(w)) {
            clubs.entry((m.doc, last)).or_default().insert(m.text.as_str());
        }
    }
    let mut by_name: BTreeMap<String, Building> = BTreeMap::new();
    // Each unknown word's nearest place, looked up once (the gazetteer is scanned for it).
    let mut near_places: HashMap<String, Option<String>> = HashMap::new();
    for m in &mentions {
        let mut canonical = m.text.clone();
        let mut kind = m.kind;
        // Whether this mention tells the entity's kind: a guess does not, nor does a lone word
        // that joins a name (`United` of `Manchester United`); a word read as a place or an
        // organisation here does.
        let mut evidenced = !m.guessed;
        let def = here
            .get(&(m.doc, m.text.as_str()))
            .or_else(|| defined.get(m.text.as_str()));
        if let Some(def) = def {
            canonical = def.to_string();
            kind = Kind::Organisation;
        }
        if lex.club_heads.contains(canonical.as_str()) {
            match clubs
                .get(&(m.doc, canonical.as_str()))
                .map(|c| Vec::from_iter(c.iter()))
            {
                Some(one) if one.len() == 1 => {
                    canonical = one[0].to_string();
                    kind = Kind::Organisation;
                    evidenced = false;
                }
                _ => continue,
            }
        }
        if kind == Kind::Person && canonical.contains(' ') {
            // `Saddam Husseins`: a full name whose possessive lost its apostrophe (when the
            // name without the `s` is written more often: `Daniel Andrews` is no such case);
            // `Donald J Trump`: a middle initial the name is more often written without
            if let Some(stem) = canonical
                .strip_suffix('s')
                .filter(|stem| written(stem) >= written(&canonical).max(1))
            {
                canonical = stem.to_string();
            }
            let words: Vec<&str> = canonical.split(' ').collect();
            if let [first, middle, last] = words[..] {
                let initial = middle.trim_end_matches('.').chars().count() == 1
                    && middle.starts_with(char::is_uppercase);
                let plain = format!("{first} {last}");
                if initial && written(&plain) > written(&canonical) {
                    canonical = plain;
                }
            }
        }
        if kind == Kind::Person && !canonical.contains(' ') {
            // `Navalnys`: a possessive that lost its apostrophe
            // From another article, only a word that reads as a surname: not a given name
            // (`Harry` alone is a first name), nor a place's name (`Victoria`, `Queensland`).
            let surname_in = |name: &str| {
                in_document
                    .get(&m.doc)
                    .and_then(|names| names.get(name))
                    .or_else(|| {
                        // a word written as a surname (`Hancock`, not `COVID-19`), not a given
                        // name nor a place's, and not standing alone in many more articles than
                        // the full name is named in (`Covid` in thousands, `Daniel Covid` in one)
                        let surname_shaped = name.chars().skip(1).any(char::is_lowercase)
                            && name
                                .chars()
                                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'));
                        let surname_like =
                            surname_shaped && !lex.given.contains_key(name) && !lex.places.contains_key(name);
                        let docs = |n: &str| person_docs.get(n).map_or(0, BTreeSet::len);
                        surnames
                            .get(name)
                            .filter(|full| surname_like && docs(name) <= 10 * docs(full))
                    })
            };
            let surname =
                surname_in(canonical.as_str()).or_else(|| canonical.strip_suffix('s').and_then(surname_in));
            let first_name = || first_names.get(&(m.doc, canonical.as_str()));
            match surname.or_else(first_name) {
                Some(full) => canonical = full.to_string(),
                None if lone_org(m, &canonical) => {
                    kind = Kind::Organisation;
                    evidenced = true;
                }
                // a first name alone stands only with a description (`his wife Elaine`)
                None if lex.given.contains_key(canonical.as_str()) && m.label.is_none() => continue,
                None if m.weak => continue,
                None if m.label.is_none() => {
                    // an unknown lone capitalised word: a misspelt place, a place by its
                    // preposition (`in Zamalka`), or nothing we can name
                    let near = near_places
                        .entry(canonical.clone())
                        .or_insert_with(|| near_place(&canonical))
                        .clone();
                    match near {
                        Some(p) => {
                            canonical = p;
                            kind = Kind::Place;
                            evidenced = true;
                        }
                        None if m.locative => {
                            kind = Kind::Place;
                            evidenced = true;
                        }
                        None => continue,
                    }
                }
                None => {}
            }
        }
        let e = by_name.entry(canonical).or_insert_with(|| Building {
            kind,
            evidence: [0; 4],
            aliases: BTreeSet::new(),
            documents: BTreeSet::new(),
            labels: BTreeSet::new(),
            mentions: Vec::new(),
        });
        e.mentions.push(EntityMention {
            doc: m.doc,
            span: m.span,
        });
        if evidenced {
            e.evidence[kind as usize] += 1;
        }
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
        // The words' lengths, to pass over pairs no few edits can join before reading them.
        let lengths: Vec<Vec<usize>> = names
            .iter()
            .map(|n| n.split(' ').map(|w| w.chars().count()).collect())
            .collect();
        for (i, x) in names.iter().enumerate() {
            for (j, y) in names.iter().enumerate().skip(i + 1) {
                let close = lengths[i].len() == lengths[j].len()
                    && lengths[i]
                        .iter()
                        .zip(&lengths[j])
                        .all(|(a, b)| a.abs_diff(*b) <= 2);
                if !close || !variant_names(x, y) || !by_name.contains_key(x) || !by_name.contains_key(y) {
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
                    for (k, g) in k.evidence.iter_mut().zip(gone.evidence) {
                        *k += g;
                    }
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
            let most = b.evidence.iter().copied().max().unwrap_or(0);
            let kind = if most == 0 || b.evidence[b.kind as usize] == most {
                b.kind
            } else {
                Kind::ALL[b.evidence.iter().position(|&n| n == most).unwrap_or(0)]
            };
            Entity {
                name,
                kind,
                aliases: b.aliases.into_iter().collect(),
                documents: b.documents.into_iter().collect(),
                labels: b.labels.into_iter().collect(),
                mentions: b.mentions,
            }
        })
        .collect()
}

/// The surname a full name ends with; none for a name with `of` or `the` inside (`Callum
/// Hudson-Odoi of Chelsea`).
fn surname_of(name: &str) -> Option<&str> {
    let inside = name.split(' ').any(|w| matches!(w, "of" | "the"));
    name.rsplit_once(' ').filter(|_| !inside).map(|(_, last)| last)
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
