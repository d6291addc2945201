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
//! starts with a known given name or follows a title, or is listed with such a person (`Richard
//! Jones, Oded Cohen and Dani Hak`), or a pronoun later in its sentence can only go back to it
//! (the name is a subject: not after an article, a possessive, a preposition or a verb, and no
//! other full name comes between). A name of two capitalised words or more after an article
//! that ends its phrase (`the White House said`, not `an Ariana Grande concert`) is no person's.
//! Long title-case runs without a head-word are headline debris. Across the corpus, a surname
//! alone (or with a lost possessive `s`) joins the full name its article gives, else the person
//! whose name starts with a given name that the corpus names most, if the word is written as a
//! surname and stands alone in at most ten times as many articles as that name is named in; a
//! lone word that joins a name tells nothing of its kind.
//! `Name (ACRONYM)` makes the acronym an alias (in its article; elsewhere, of the definition most
//! articles give) when the name spells it, a misspelt place one edit from a known one (`Minks`)
//! joins it, and an unknown lone word after `in`/`near` is a place; lone words that tell nothing
//! (a sentence's first word) are kept only when they join.

use serde::{Deserialize, Serialize};

use crate::model::{Article, Span};

mod groups;
mod join;
mod kinds;
mod labels;
mod lexicon;
mod lookup;
mod scan;
mod words;

pub use groups::{demonym_link, speaker_group};
pub(crate) use labels::gender_of;
pub use lookup::{find_entities, name_filter, names_contain};

/// Whether a capitalised word names nobody: a word that starts sentences (`However`, `A`,
/// `They`), a contraction (`Isn't`) or a thing's acronym (`TV`). A quotation's speaker is never
/// one (`A spokesperson said`, `They added`, `a TV insider said`).
pub(crate) fn names_nobody(word: &str) -> bool {
    let lex = lexicon::lexicon();
    lex.not_name(word) || lex.common_acronyms.contains(word)
}

/// Whether a word is a title or part of one (`President`, `Prime`, `Minister`): alone, it
/// names nobody of another article (`said Prime Minister Fatos Nano` is not `Amazon Prime`'s).
pub(crate) fn is_title_word(word: &str) -> bool {
    lexicon::lexicon().titles.contains(word)
}

/// Whether a lower-case noun names a body, not a person: `committee`, `ministry`, `company`,
/// `club`. A quotation's speaker described so (`the committee said`) is an organisation.
pub(crate) fn names_a_body(noun: &str) -> bool {
    let lex = lexicon::lexicon();
    lex.org_nouns.contains(noun) || lex.org_heads.contains(words::title_case(noun).as_str())
}

/// Whether a lower-case noun is a role a particular person holds (`coach`, `chief`,
/// `executive`), not a body's voice (`spokesman`) or a text: `the Lions coach said` is the
/// coach, not the Lions.
pub(crate) fn names_a_role(noun: &str) -> bool {
    let lex = lexicon::lexicon();
    (lex.roles.contains(noun) || lex.body_roles.contains(noun)) && !noun.starts_with("spokes")
}

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
    /// The kind is a guess for want of evidence: a name of several words that no word list,
    /// head-word or context places is taken for an organisation until its document says
    /// otherwise (see `join`).
    guessed: bool,
}

impl Mention {
    /// A mention with nothing more known of it: no label, neither weak, locative nor guessed.
    fn plain(text: String, kind: Kind, doc: u32, span: Span) -> Mention {
        Mention {
            text,
            kind,
            label: None,
            doc,
            span,
            weak: false,
            locative: false,
            guessed: false,
        }
    }
}

/// Extracts the entities of a corpus.
pub fn extract_entities(articles: &[Article]) -> Vec<Entity> {
    let mut scan = EntityScan::default();
    for (doc, article) in articles.iter().enumerate() {
        scan.add(doc as u32, article);
    }
    scan.finish()
}

/// `Name (ACRONYM)` in a document: the acronym stands for the name there.
struct Acronym {
    acronym: String,
    definition: String,
    doc: u32,
}

/// Entity extraction one document at a time ([`EntityScan::add`]), then across the corpus
/// ([`EntityScan::finish`]), so that a caller can pause between documents.
#[derive(Default)]
pub struct EntityScan {
    mentions: Vec<Mention>,
    acronyms: Vec<Acronym>,
}

impl EntityScan {
    /// Adds what `later` found (in documents after these), as if found here.
    pub fn append(&mut self, later: EntityScan) {
        self.mentions.extend(later.mentions);
        self.acronyms.extend(later.acronyms);
    }

    /// Finds the name candidates of document `doc`.
    pub fn add(&mut self, doc: u32, article: &Article) {
        let d = &article.document;
        // A headline in title case (`Lavrov Welcomes All-Belarusian…`) says nothing by its
        // capitals; its names recur in the body.
        let mut regions: Vec<Span> = d
            .title
            .filter(|t| !words::title_case_line(t.of(&d.text)))
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
            scan::scan(&d.text, span, doc, &mut self.mentions, &mut self.acronyms);
        }
    }

    /// Joins the candidates of every document added into entities.
    pub fn finish(self) -> Vec<Entity> {
        join::join(self.mentions, &self.acronyms)
    }
}

#[cfg(test)]
mod tests {
    use super::names_nobody;

    #[test]
    fn sentence_words_contractions_and_things_name_nobody() {
        for w in [
            "A",
            "They",
            "She",
            "She's",
            "Isn't",
            "Don\u{2019}t",
            "I'm",
            "TV",
            "However",
        ] {
            assert!(names_nobody(w), "{w}");
        }
        for w in ["Trump", "Reading", "O'Neill", "Us", "BBC", "Ann"] {
            assert!(!names_nobody(w), "{w}");
        }
    }
}
