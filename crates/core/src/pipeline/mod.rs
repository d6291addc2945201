//! The pipeline: runs the stages over a corpus folder's files ([`build_corpus`]) or over a built
//! corpus plus articles a reader added ([`Extension`]), a slice at a time ([`Analysis`]).

use crate::corpus::Corpus;
use crate::entities::{Entity, EntityScan};
use crate::facts::{extract_claims_in, Claim, Sources};
use crate::index::{IndexBuilder, SearchIndex};
use crate::ingest::{ingest, Metadata, MetadataError};
use crate::model::{Article, Diagnostic, Level, Outlet, SourceFile};
use crate::quotes::{extract_quotes_in, Quote, Speakers};
use crate::reading::AddedArticle;
use crate::text::normalize_for_matching;

/// Ingests `files` and applies `metadata`. Fails only when the metadata names a file that is
/// not among `files` (a typo that would otherwise go unnoticed).
pub fn build_corpus(files: &[SourceFile<'_>], metadata: &Metadata) -> Result<Corpus, MetadataError> {
    for (name, meta) in &metadata.files {
        if !files.iter().any(|f| f.name == name) {
            return Err(MetadataError {
                line: meta.line,
                column: 1,
                message: format!("file \"{name}\" is not in the corpus folder"),
            });
        }
    }
    let mut outlets: Vec<Outlet> = metadata
        .outlets
        .iter()
        .map(|(key, o)| Outlet {
            key: key.clone(),
            name: o.name.clone(),
            affiliation: o.affiliation.clone(),
        })
        .collect();
    let mut articles: Vec<(Article, Option<String>)> = Vec::with_capacity(files.len());
    for file in files {
        let doc = ingest(file.name, file.bytes);
        let meta = metadata.files.get(file.name);
        let outlet_key = match meta.and_then(|m| m.outlet.clone()) {
            Some(key) => Some(key),
            None => doc
                .outlet_in_text()
                .map(|named| outlet_for_text(named, metadata, &mut outlets)),
        };
        let article = Article {
            published: meta.and_then(|m| m.published).or(doc.stated_date()),
            url: meta.and_then(|m| m.url.clone()),
            title_override: meta.and_then(|m| m.title.clone()),
            outlet: None,
            document: doc,
        };
        articles.push((article, outlet_key));
    }
    Ok(analyse(join(outlets, articles)))
}

/// Runs every stage of `analysis` at once.
fn analyse(mut analysis: Analysis) -> Corpus {
    loop {
        if let Some(corpus) = analysis.step() {
            return corpus;
        }
    }
}

/// Sorts outlets by name and articles by file name, and points each article at its outlet.
fn join(mut outlets: Vec<Outlet>, articles: Vec<(Article, Option<String>)>) -> Analysis {
    outlets.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.key.cmp(&b.key))
    });
    let mut articles: Vec<Article> = articles
        .into_iter()
        .map(|(mut a, key)| {
            a.outlet = key
                .and_then(|k| outlets.iter().position(|o| o.key == k))
                .map(|i| i as u32);
            if a.outlet.is_none() && !a.document.diagnostics.iter().any(|d| d.message == NO_OUTLET) {
                a.document.diagnostics.push(Diagnostic {
                    level: Level::Info,
                    message: NO_OUTLET.to_string(),
                    span: None,
                });
            }
            a
        })
        .collect();
    articles.sort_by(|a, b| a.document.file.cmp(&b.document.file));
    Analysis {
        outlets,
        articles,
        next: 0,
        state: State::Index(IndexBuilder::default()),
    }
}

const NO_OUTLET: &str = "Neither the text nor corpus.toml names the outlet.";

/// What [`Analysis::step`] works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Index,
    Entities,
    Quotes,
    Claims,
}

/// How much text one [`Analysis::step`] takes on at most (whole documents; at least one).
const SLICE_BYTES: usize = 150_000;

/// The corpus-wide analysis of joined articles, a slice of documents per [`Analysis::step`]
/// (then each stage's corpus-wide part), so that a caller (the browser, adding a reader's
/// articles) can report progress and stay responsive between steps.
pub struct Analysis {
    outlets: Vec<Outlet>,
    articles: Vec<Article>,
    /// The next document of the current stage.
    next: usize,
    state: State,
}

enum State {
    Index(IndexBuilder),
    Entities(SearchIndex, EntityScan),
    Quotes(SearchIndex, Vec<Entity>, Speakers, Vec<Quote>),
    Claims(SearchIndex, Vec<Entity>, Vec<Quote>, Sources, Vec<Claim>),
    Done,
}

impl Analysis {
    /// The stage the next [`Analysis::step`] works on.
    pub fn next_stage(&self) -> Stage {
        match self.state {
            State::Index(_) => Stage::Index,
            State::Entities(..) => Stage::Entities,
            State::Quotes(..) => Stage::Quotes,
            State::Claims(..) | State::Done => Stage::Claims,
        }
    }

    /// How many documents of the current stage are done.
    pub fn done_in_stage(&self) -> usize {
        self.next
    }

    /// How many articles are being analysed.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there is nothing to analyse.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The documents of the next slice.
    fn slice(&self) -> std::ops::Range<usize> {
        let mut end = self.next;
        let mut bytes = 0;
        while end < self.articles.len() && (end == self.next || bytes < SLICE_BYTES) {
            bytes += self.articles[end].document.text.len();
            end += 1;
        }
        self.next..end
    }

    /// Runs the next slice of the current stage (or, after its last document, the stage's
    /// corpus-wide part); after the last stage, returns the finished corpus (and leaves the
    /// analysis empty).
    pub fn step(&mut self) -> Option<Corpus> {
        let docs = self.slice();
        let finished = docs.is_empty();
        self.next = docs.end;
        let state = std::mem::replace(&mut self.state, State::Done);
        self.state = match state {
            State::Index(mut builder) if !finished => {
                for article in &self.articles[docs] {
                    builder.add(article);
                }
                State::Index(builder)
            }
            State::Index(builder) => State::Entities(builder.finish(), EntityScan::default()),
            State::Entities(index, mut scan) if !finished => {
                for doc in docs {
                    scan.add(doc as u32, &self.articles[doc]);
                }
                State::Entities(index, scan)
            }
            State::Entities(index, scan) => {
                let entities = scan.finish();
                let speakers = Speakers::new(&entities, self.articles.len());
                State::Quotes(index, entities, speakers, Vec::new())
            }
            State::Quotes(index, entities, speakers, mut quotes) if !finished => {
                quotes.extend(extract_quotes_in(&self.articles, &entities, &speakers, docs));
                State::Quotes(index, entities, speakers, quotes)
            }
            State::Quotes(index, entities, _, quotes) => {
                let sources = Sources::new(&entities);
                State::Claims(index, entities, quotes, sources, Vec::new())
            }
            State::Claims(index, entities, quotes, sources, mut claims) if !finished => {
                claims.extend(extract_claims_in(&self.articles, &entities, &sources, docs));
                State::Claims(index, entities, quotes, sources, claims)
            }
            State::Claims(index, entities, quotes, _, claims) => {
                return Some(Corpus {
                    outlets: std::mem::take(&mut self.outlets),
                    articles: std::mem::take(&mut self.articles),
                    index,
                    entities,
                    quotes,
                    claims,
                });
            }
            State::Done => State::Done,
        };
        if finished {
            self.next = 0;
        }
        None
    }
}

/// A built corpus plus articles a reader added, gathered one by one (so the browser can show
/// progress), then handed to [`Analysis`]. The corpus's own articles keep their outlets and
/// dates; an added article's metadata wins over what its text states, as `corpus.toml` does.
pub struct Extension<'c> {
    base: &'c Corpus,
    outlets: Vec<Outlet>,
    articles: Vec<(Article, Option<String>)>,
}

impl<'c> Extension<'c> {
    pub fn new(base: &'c Corpus) -> Extension<'c> {
        let articles = base
            .articles
            .iter()
            .map(|a| {
                let key = a.outlet.map(|o| base.outlets[o as usize].key.clone());
                (a.clone(), key)
            })
            .collect();
        Extension {
            base,
            outlets: base.outlets.clone(),
            articles,
        }
    }

    /// Ingests `added`. Its name must not be taken (see [`crate::reading::unique_name`]).
    pub fn add(&mut self, added: &AddedArticle) {
        let doc = ingest(&added.name, added.text.as_bytes());
        let named = added
            .outlet
            .as_deref()
            .or(doc.outlet_in_text())
            .map(str::to_string);
        let key = named.map(|n| self.outlet_named(&n));
        let article = Article {
            published: added.published.or(doc.stated_date()),
            url: added.url.clone(),
            title_override: added.title.clone(),
            outlet: None,
            document: doc,
        };
        self.articles.push((article, key));
    }

    /// The articles gathered so far.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there are none (a corpus without articles, nothing added).
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Joins the articles, ready for the corpus-wide analysis.
    pub fn finish(self) -> Analysis {
        join(self.outlets, self.articles)
    }

    /// The key of the outlet called `named`: an outlet with that name or key, the outlet of a
    /// corpus article whose text names it so, else a new outlet.
    fn outlet_named(&mut self, named: &str) -> String {
        let norm = |s: &str| normalize_for_matching(s).trim().to_lowercase();
        let wanted = norm(named);
        let key = slug(&wanted);
        if let Some(o) = self
            .outlets
            .iter()
            .find(|o| norm(&o.name) == wanted || o.key == key)
        {
            return o.key.clone();
        }
        let in_text =
            self.base.articles.iter().find(|a| {
                a.outlet.is_some() && a.document.outlet_in_text().is_some_and(|t| norm(t) == wanted)
            });
        if let Some(o) = in_text.and_then(|a| a.outlet) {
            return self.base.outlets[o as usize].key.clone();
        }
        // A name with no letters or digits has no slug: number a key that is free.
        let base = if key.is_empty() { "outlet".to_string() } else { key };
        let mut key = base.clone();
        for n in 2.. {
            if !self.outlets.iter().any(|o| o.key == key) {
                break;
            }
            key = format!("{base}-{n}");
        }
        self.outlets.push(Outlet {
            key: key.clone(),
            name: named.trim().to_string(),
            affiliation: None,
        });
        key
    }
}

/// The key of the outlet a dateline names: a metadata outlet whose name or `in_text` spelling
/// matches (ignoring case and typography), else a new outlet named as the text names it.
fn outlet_for_text(named: &str, metadata: &Metadata, outlets: &mut Vec<Outlet>) -> String {
    let norm = |s: &str| normalize_for_matching(s).to_lowercase();
    let wanted = norm(named);
    let known = metadata
        .outlets
        .iter()
        .find(|(_, o)| norm(&o.name) == wanted || o.in_text.iter().any(|t| norm(t) == wanted));
    if let Some((key, _)) = known {
        return key.clone();
    }
    let key = slug(&wanted);
    if !outlets.iter().any(|o| o.key == key) {
        outlets.push(Outlet {
            key: key.clone(),
            name: named.to_string(),
            affiliation: None,
        });
    }
    key
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
