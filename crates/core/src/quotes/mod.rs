//! Direct quotations and who said them.
//!
//! A quotation is text between straight or curly double quotes, or single marks that open after
//! a space (`'…'`, `‘…’`; a `’` before a letter is an apostrophe), of at least three words (one
//! or two quoted words are scare quotes, not speech). A quotation left open at the end of a
//! paragraph continues into the next one when that opens with a quote mark (the news
//! convention for multi-paragraph quotes), or closes it before opening another; a paragraph with
//! neither is the writer's again. In a paragraph without quotation marks (texts whose marks were
//! stripped), the words after a colon that follows a reporting verb, or that speak in the first
//! person, are a quotation to the end of their sentence and over the first-person sentences
//! after it. The speaker comes from a source right after the quotation
//! (`," according to Mr Graczyk.`, or a name alone: `," AG Edwards' Thayer.`), a reporting verb next to the
//! quotation — after it (`," Ilyichev said`, `," said Lavrov`) or before it in the same sentence
//! (`Putin told the channel: "…`, `the diplomat said third countries were using "…`) — or from
//! `according to X`. After the verb, the speaker is the first person named up to the next
//! punctuation (`said US National Security Council spokesman John Ullyot`), else the first
//! organisation, never a possessive. Before it, the subject is read within the verb's clause (up
//! to a conjunction such as `while`; a name after a preposition is not the subject), leaving out a phrase set off by commas or dashes right before the
//! verb (`X, a member of Y, called`; `X, which probes crime, said`). A participle after a comma
//! (`X described it, saying "…`) and a coordinated verb (`X praised her and said that "…`) take
//! the subject of an earlier reporting verb of the sentence, else of its main clause: the first
//! name opening the sentence or following a comma, not one opening a prepositional phrase (`In
//! comments about Y, X praised`). A place or group speaks only as the subject right before the
//! verb (or right after it). A name resolves to the entity of the document it names (a person, an
//! organisation, or a place speaking for its state: `Britain said`), a surname alone to the
//! person of the document with that surname, and a description that spells an organisation's
//! name to it (`the Russian foreign ministry`). A body described (`The committee said`) is the
//! organisation of the document whose name or label has that noun, named last before; a text
//! (`the report warned`) and a role seldom named (`the witness`, `the source`) are nobody we can
//! name, and such a quotation continues nobody. Another definite description resolves to the
//! first person whose label has its head noun (`the US Congressmen` → a congressman), else to the
//! person a pronoun of its sex would stand for (`the businesswoman`, `the mother-of-four`); a
//! body's role (`the Lions coach`) is read so too, not as the body, and so is any other noun a
//! body's name only qualifies (`the Harbour Lights songstress`, `another Twitter user`, `a
//! Kremlin source`; several, `Kremlin sources`, are nobody), but not the body's part or voice
//! (`the Kremlin press service`, `a Kremlin spokesman`); a plural one (`The judges called it`)
//! is nobody; an indefinite one (`One German lawmaker said`) to the only person of the document
//! with such a label, wherever named, or to nobody. A pronoun resolves to a person of its gender (from
//! given names, honorifics, labels and feminine surname endings): the last one standing as a
//! subject since the previous quotation (one of a list of names is none), else the previous
//! speaker, else the last one named; `they` continues the previous speaker when that was a body
//! or several people. Possessives (`Navalny's hotel`) and names inside
//! quotations are not antecedents. A paragraph that is nothing but a quotation (punctuation
//! after the closing mark aside), and a second quotation of a paragraph, continue the previous
//! speaker, as does a paragraph reopening a quotation left open with only captions since; a
//! quotation opening its sentence after the writer's words goes to the person the text turned to
//! since the last quotation (a name standing as a subject); an open quotation takes the speaker
//! named where it ends. Otherwise the quotation is unattributed. Names in captions (MailOnline's
//! lines under pictures: no full stop, no quotation) are nobody's antecedents. Each quotation
//! keeps what tied it to its speaker ([`Tie`]), for a reader to check.
//!
//! The files: `extract` finds the quotations of each document and gathers what attribution
//! needs (the names, pronouns and descriptions before each one), `attribute` reads the speaker
//! from the words next to a quotation, and `speakers` holds the per-corpus [`Speakers`] lookup
//! and the co-speakers of joint statements.

mod attribute;
mod extract;
mod speakers;

pub use extract::extract_quotes_in;
pub use speakers::Speakers;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::model::Article;
use crate::model::Span;
use crate::text::data_lines;

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
    /// What tied the quotation to its speaker, for a reader to check.
    pub tie: Tie,
}

/// What tied a quotation to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tie {
    /// Words next to it, as a byte range of the document text: a reporting verb with its
    /// subject or object, or a source (`he said`, `told BBC News`, `according to Mr Graczyk`).
    Words(Span),
    /// It goes on from the quotation before it (a paragraph of nothing but a quotation, a second
    /// quotation of a paragraph, a quotation left open above), whose speaker it keeps.
    Continues,
    /// The person the text turned to just before it, named at this byte range.
    TurnedTo(Span),
    /// Nothing: the quotation is unattributed.
    Nothing,
}

impl Tie {
    /// The kind of tie, as a word: `words`, `continues`, `turned-to` or `nothing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tie::Words(_) => "words",
            Tie::Continues => "continues",
            Tie::TurnedTo(_) => "turned-to",
            Tie::Nothing => "nothing",
        }
    }

    /// The text it points at (the words, or the name turned to), if any.
    pub fn span(self) -> Option<Span> {
        match self {
            Tie::Words(s) | Tie::TurnedTo(s) => Some(s),
            Tie::Continues | Tie::Nothing => None,
        }
    }
}

pub(super) fn reporting_verbs() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../../data/reporting_verbs.txt")).collect())
}

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
