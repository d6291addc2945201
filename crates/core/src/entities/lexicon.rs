//! The word lists of `data/` the entity extractor reads (gazetteer, given names, titles,
//! head-words…), parsed once, and the line reader every word list of the core shares.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use super::words::strip_possessive;
use super::{Gender, Kind};
use crate::text::data_lines;

/// The entity word lists, parsed.
pub(super) struct Lexicon {
    pub(super) places: BTreeMap<String, (String, Option<String>)>,
    /// Demonym → the group it names, or the place itself for regional adjectives (`Siberian`).
    pub(super) demonyms: BTreeMap<String, (String, Kind)>,
    // Only looked up, never iterated: hashed for speed (no order reaches the output).
    pub(super) given: HashMap<&'static str, Option<Gender>>,
    pub(super) titles: HashSet<&'static str>,
    /// Title words that make a title only before another (`Home`, `Vice`).
    pub(super) title_modifiers: HashSet<&'static str>,
    pub(super) org_heads: HashSet<&'static str>,
    /// Words that end a sports club's name and are nobody's surname (`City`, `Rovers`).
    pub(super) club_heads: HashSet<&'static str>,
    /// Offices that may follow a name without being part of it (`Governor`, `MP`).
    pub(super) offices: HashSet<&'static str>,
    /// Words that qualify an office before it (`Vice`, `Deputy`).
    pub(super) office_qualifiers: HashSet<&'static str>,
    pub(super) place_heads: HashSet<&'static str>,
    pub(super) roles: HashSet<&'static str>,
    pub(super) describers: HashSet<&'static str>,
    /// Nouns that say the name beside them is an organisation's (`oil giant Yukos`).
    pub(super) org_nouns: HashSet<&'static str>,
    /// Last words of events' names (`World Cup`), which are not entities.
    pub(super) event_heads: HashSet<&'static str>,
    /// Lower-case nouns after a name that make it an event's (`the Young Dancers competition`).
    pub(super) event_nouns: HashSet<&'static str>,
    /// Acronyms of things, not bodies (`TV`, `GDP`).
    pub(super) common_acronyms: HashSet<&'static str>,
    /// Roles held in a body, whose `of`/`at`/`for` names an organisation (`chief of Brightcove`).
    pub(super) body_roles: HashSet<&'static str>,
    /// Capitalised words that are not names (`However`, `She`): see [`Lexicon::not_name`].
    pub(super) not_names: HashSet<&'static str>,
    pub(super) media: HashSet<&'static str>,
    pub(super) orgs: HashSet<&'static str>,
    pub(super) groups: HashMap<&'static str, &'static str>,
}

impl Lexicon {
    /// Whether a capitalised word is not a name: a listed word (`However`, `She`), with a
    /// possessive or not (`She's`), or a contraction (`Isn't`, `I'm`, `They're`, `We'll`).
    pub(super) fn not_name(&self, w: &str) -> bool {
        if self.not_names.contains(strip_possessive(w).0) {
            return true;
        }
        // a contraction: what follows its last apostrophe
        w.rfind(['\'', '\u{2019}']).is_some_and(|i| {
            let (head, tail) = (&w[..i], w[i..].trim_start_matches(['\'', '\u{2019}']));
            match tail {
                "t" => head.len() > 1 && head.ends_with('n'),
                "m" | "re" | "ve" | "ll" | "d" => !head.is_empty(),
                _ => false,
            }
        })
    }
}

/// The word lists, read on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut places = BTreeMap::new();
        let mut demonyms = BTreeMap::new();
        for line in data_lines(include_str!("../../data/places.txt")) {
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
        let set = |s: &'static str| data_lines(s).collect();
        let given = data_lines(include_str!("../../data/given_names.txt"))
            .map(|l| match l.split_once('|') {
                Some((n, "m")) => (n, Some(Gender::Male)),
                Some((n, "f")) => (n, Some(Gender::Female)),
                Some((n, _)) => (n, None),
                None => (l, None),
            })
            .collect();
        let org_nouns = include_str!("../../data/org_nouns.txt");
        let events = include_str!("../../data/event_heads.txt");
        let titles = include_str!("../../data/titles.txt");
        let offices = include_str!("../../data/offices.txt");
        Lexicon {
            org_nouns: data_lines(org_nouns).filter(|l| !l.starts_with('@')).collect(),
            body_roles: data_lines(org_nouns)
                .filter_map(|l| l.strip_prefix('@'))
                .collect(),
            event_heads: data_lines(events).filter(|l| !l.starts_with('+')).collect(),
            event_nouns: data_lines(events).filter_map(|l| l.strip_prefix('+')).collect(),
            common_acronyms: set(include_str!("../../data/common_acronyms.txt")),
            places,
            demonyms,
            given,
            titles: data_lines(titles).map(|l| l.trim_start_matches('+')).collect(),
            title_modifiers: data_lines(titles).filter_map(|l| l.strip_prefix('+')).collect(),
            org_heads: set(include_str!("../../data/org_heads.txt")),
            club_heads: set(include_str!("../../data/club_heads.txt")),
            offices: data_lines(offices).filter(|l| !l.starts_with('+')).collect(),
            office_qualifiers: data_lines(offices).filter_map(|l| l.strip_prefix('+')).collect(),
            place_heads: set(include_str!("../../data/place_heads.txt")),
            roles: set(include_str!("../../data/roles.txt")),
            describers: set(include_str!("../../data/describers.txt")),
            not_names: set(include_str!("../../data/not_names.txt")),
            media: set(include_str!("../../data/media.txt")),
            orgs: set(include_str!("../../data/orgs.txt")),
            groups: data_lines(include_str!("../../data/groups.txt"))
                .filter_map(|l| l.split_once('|'))
                .collect(),
        }
    })
}
