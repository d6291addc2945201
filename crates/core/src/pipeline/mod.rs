//! The pipeline: runs the stages over a corpus folder's files ([`build_corpus`]) or over a built
//! corpus plus articles a reader added ([`Extension`]), a slice at a time ([`Analysis`]).
//! The per-document work of each stage can be shared out ([`Workers`], e.g. threads at build
//! time); the parts are joined in document order, so the corpus never depends on how.

use crate::corpus::Corpus;
use crate::entities::{Entity, EntityScan};
use crate::facts::{extract_claims_in, Claim, Sources};
use crate::index::{IndexBuilder, SearchIndex};
use crate::ingest::{ingest, Metadata, MetadataError};
use crate::model::{Article, Diagnostic, Level, Outlet, SourceFile};
use crate::quotes::{extract_quotes_in, Quote, Speakers};
use crate::reading::AddedArticle;
use crate::text::normalize_for_matching;

/// Runs independent parts of the pipeline's work, perhaps at the same time. The core itself
/// has no threads: a caller that has them (the build) implements this.
pub trait Workers {
    /// How many parts to cut each piece of work into.
    fn count(&self) -> usize;
    /// `work` over every range of `parts`, answers in the order of `parts`.
    fn map<T: Send>(
        &self,
        parts: Vec<std::ops::Range<usize>>,
        work: &(dyn Fn(std::ops::Range<usize>) -> T + Sync),
    ) -> Vec<T>;
}

/// One part at a time, in order: what the browser does.
pub struct OneByOne;

impl Workers for OneByOne {
    fn count(&self) -> usize {
        1
    }

    fn map<T: Send>(
        &self,
        parts: Vec<std::ops::Range<usize>>,
        work: &(dyn Fn(std::ops::Range<usize>) -> T + Sync),
    ) -> Vec<T> {
        parts.into_iter().map(work).collect()
    }
}

/// Ingests `files` and applies `metadata`. Fails only when the metadata names a file that is
/// not among `files` (a typo that would otherwise go unnoticed).
pub fn build_corpus(files: &[SourceFile<'_>], metadata: &Metadata) -> Result<Corpus, MetadataError> {
    build_corpus_on(files, metadata, &OneByOne)
}

/// [`build_corpus`] with its per-document work shared out among `workers`; the same corpus.
pub fn build_corpus_on(
    files: &[SourceFile<'_>],
    metadata: &Metadata,
    workers: &impl Workers,
) -> Result<Corpus, MetadataError> {
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
    let n = workers.count().max(1);
    let parts = (0..n)
        .map(|k| files.len() * k / n..files.len() * (k + 1) / n)
        .filter(|r| !r.is_empty())
        .collect();
    let documents = workers.map(parts, &|r| {
        files[r]
            .iter()
            .map(|f| ingest(f.name, f.bytes))
            .collect::<Vec<_>>()
    });
    let mut articles: Vec<(Article, Option<String>)> = Vec::with_capacity(files.len());
    for (file, doc) in files.iter().zip(documents.into_iter().flatten()) {
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
    // Nobody waits between steps here: each stage takes every document at once, in one part
    // per worker, so that only whole parts are joined.
    let mut analysis = join(outlets, articles);
    loop {
        if let Some(corpus) = analysis.advance(workers, usize::MAX) {
            return Ok(corpus);
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

    /// The documents of the next slice, cut into at most `n` parts of about equal text: whole
    /// documents, up to `window` bytes (at least one document); none after the last.
    fn parts(&self, n: usize, window: usize) -> Vec<std::ops::Range<usize>> {
        let length = |doc: usize| self.articles[doc].document.text.len();
        let mut end = self.next;
        let mut bytes = 0;
        while end < self.articles.len() && (end == self.next || bytes < window) {
            bytes += length(end);
            end += 1;
        }
        let mut parts = Vec::with_capacity(n);
        let (mut start, mut done) = (self.next, 0);
        for doc in self.next..end {
            done += length(doc);
            if parts.len() + 1 < n && done as u64 * n as u64 >= bytes as u64 * (parts.len() as u64 + 1) {
                parts.push(start..doc + 1);
                start = doc + 1;
            }
        }
        if start < end {
            parts.push(start..end);
        }
        parts
    }

    /// Runs the next slice of the current stage (or, after its last document, the stage's
    /// corpus-wide part); after the last stage, returns the finished corpus (and leaves the
    /// analysis empty).
    pub fn step(&mut self) -> Option<Corpus> {
        self.advance(&OneByOne, SLICE_BYTES)
    }

    /// [`Analysis::step`] over a slice of up to `window` bytes of text, shared out among
    /// `workers`.
    fn advance(&mut self, workers: &impl Workers, window: usize) -> Option<Corpus> {
        let parts = self.parts(workers.count().max(1), window);
        let finished = parts.is_empty();
        self.next = parts.last().map_or(self.next, |r| r.end);
        let articles = &self.articles;
        let state = std::mem::replace(&mut self.state, State::Done);
        self.state = match state {
            State::Index(mut builder) if !finished => {
                let built = workers.map(parts, &|docs| {
                    let mut part = IndexBuilder::default();
                    for article in &articles[docs] {
                        part.add(article);
                    }
                    part
                });
                for part in built {
                    builder.append(part);
                }
                State::Index(builder)
            }
            State::Index(builder) => State::Entities(builder.finish(), EntityScan::default()),
            State::Entities(index, mut scan) if !finished => {
                let found = workers.map(parts, &|docs| {
                    let mut part = EntityScan::default();
                    for doc in docs {
                        part.add(doc as u32, &articles[doc]);
                    }
                    part
                });
                for part in found {
                    scan.append(part);
                }
                State::Entities(index, scan)
            }
            State::Entities(index, scan) => {
                let entities = scan.finish();
                let speakers = Speakers::new(&entities, self.articles.len());
                State::Quotes(index, entities, speakers, Vec::new())
            }
            State::Quotes(index, entities, speakers, mut quotes) if !finished => {
                let found = workers.map(parts, &|docs| {
                    extract_quotes_in(articles, &entities, &speakers, docs)
                });
                quotes.extend(found.into_iter().flatten());
                State::Quotes(index, entities, speakers, quotes)
            }
            State::Quotes(index, entities, _, quotes) => {
                let sources = Sources::new(&entities);
                State::Claims(index, entities, quotes, sources, Vec::new())
            }
            State::Claims(index, entities, quotes, sources, mut claims) if !finished => {
                let found = workers.map(parts, &|docs| {
                    extract_claims_in(articles, &entities, &sources, docs)
                });
                claims.extend(found.into_iter().flatten());
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
