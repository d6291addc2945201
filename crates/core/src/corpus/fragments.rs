//! The corpus as fragments: how a corpus too large to travel inside the wasm ships beside it.
//!
//! The build cuts each of the corpus's long lists (articles, the two term tables' terms and
//! posting lists, entities, quotes, claims, and the prior of Compare's distinctive words, which
//! would take seconds to count in the page) into runs of about `target` bytes. Each run is one
//! fragment file; a small manifest, embedded in the wasm in the bundle's place, names them in
//! order. The page fetches the fragments, checks each and decodes it as it arrives, so it never
//! holds more than one fragment's bytes beside the corpus it has decoded so far.
//!
//! ```text
//! manifest   sealed (bundle framing: version, checksum) postcard of Manifest
//! fragment   sealed postcard of Vec<T>: one run of one list, in list order
//! file name  the 16 hex digits of the fragment's checksum, then ".bin" (content-addressed:
//!            a fragment of another build never takes its place under the same name)
//! ```
//!
//! Every fragment carries the format version, so a fragment of another version is refused with
//! [`BundleError::Version`]; a changed byte, a cut-short file or a file under another's name is
//! [`BundleError::Corrupt`]. The format's version is the bundle's, [`super::FORMAT_VERSION`].

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::bundle::{checksum, seal, unseal, BundleError};
use super::{Corpus, Prior};
use crate::entities::Entity;
use crate::facts::Claim;
use crate::index::{PostingList, SearchIndex};
use crate::model::{Article, Outlet};
use crate::quotes::Quote;

/// What the wasm carries of a fragmented corpus: the short lists, and the fragments of the
/// long ones in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub outlets: Vec<Outlet>,
    pub doc_lengths: Vec<u32>,
    /// How many terms the corpus holds, for the prior of distinctive words.
    pub prior_total: u64,
    /// One entry per fragment, lists in [`List`] order, each list's runs in order.
    pub fragments: Vec<Fragment>,
}

/// One fragment file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The file's name (16 hex digits and `.bin`).
    pub name: String,
    pub list: List,
    /// How many items of the list it holds.
    pub items: u32,
    /// Its size in bytes.
    pub bytes: u32,
}

/// The corpus's long lists, in the order fragments come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum List {
    Articles,
    ExactTerms,
    ExactPostings,
    StemTerms,
    StemPostings,
    Entities,
    Quotes,
    Claims,
    /// The prior of distinctive words' `(term, count)` entries.
    Prior,
}

/// Cuts `corpus` and its `prior` into fragments of about `target` bytes each (one item may
/// make a fragment larger): the sealed manifest and every fragment's `(name, bytes)`.
pub fn split(corpus: &Corpus, prior: &Prior, target: usize) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let mut pieces = Pieces::new(corpus, prior, target);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, sealed) in pieces.by_ref() {
        // Two runs of the same bytes (a tiny corpus's two term tables) share one file.
        if !files.iter().any(|(n, _)| *n == name) {
            files.push((name, sealed));
        }
    }
    (pieces.manifest(), files)
}

/// The lists in the order their fragments come.
const LISTS: [List; 9] = [
    List::Articles,
    List::ExactTerms,
    List::ExactPostings,
    List::StemTerms,
    List::StemPostings,
    List::Entities,
    List::Quotes,
    List::Claims,
    List::Prior,
];

/// [`split`] one fragment at a time, so that a caller writing them somewhere (the page keeping
/// the analysis of a reader's articles) holds one fragment's bytes beside the corpus, not all
/// of them: an iterator of `(name, sealed bytes)`, in the manifest's order (a file that two
/// runs share comes twice), then [`Pieces::manifest`].
pub struct Pieces<'c> {
    corpus: &'c Corpus,
    prior: Vec<(&'c str, u32)>,
    prior_total: usize,
    target: usize,
    /// The list being cut, by its place in [`LISTS`], and its next item.
    list: usize,
    at: usize,
    fragments: Vec<Fragment>,
}

impl<'c> Pieces<'c> {
    pub fn new(corpus: &'c Corpus, prior: &'c Prior, target: usize) -> Self {
        Pieces {
            corpus,
            prior: prior.entries().collect(),
            prior_total: prior.total,
            target,
            list: 0,
            at: 0,
            fragments: Vec::new(),
        }
    }

    /// The sealed manifest of the fragments taken so far (all of them once the iterator ended).
    pub fn manifest(self) -> Vec<u8> {
        let manifest = Manifest {
            outlets: self.corpus.outlets.clone(),
            doc_lengths: self.corpus.index.doc_lengths.clone(),
            prior_total: self.prior_total as u64,
            fragments: self.fragments,
        };
        seal(&postcard::to_allocvec(&manifest).expect("serialising plain data into a Vec cannot fail"))
    }
}

impl Iterator for Pieces<'_> {
    type Item = (String, Vec<u8>);

    fn next(&mut self) -> Option<(String, Vec<u8>)> {
        let index = &self.corpus.index;
        while let Some(&list) = LISTS.get(self.list) {
            let (at, target) = (&mut self.at, self.target);
            let (body, items) = match list {
                List::Articles => run(&self.corpus.articles, at, target),
                List::ExactTerms => run(&index.exact.terms, at, target),
                List::ExactPostings => run(&index.exact.postings, at, target),
                List::StemTerms => run(&index.stems.terms, at, target),
                List::StemPostings => run(&index.stems.postings, at, target),
                List::Entities => run(&self.corpus.entities, at, target),
                List::Quotes => run(&self.corpus.quotes, at, target),
                List::Claims => run(&self.corpus.claims, at, target),
                List::Prior => run(&self.prior, at, target),
            };
            if items == 0 {
                self.list += 1;
                self.at = 0;
                continue;
            }
            let mut payload = postcard::to_allocvec(&(items as usize)).expect("a length serialises");
            payload.extend_from_slice(&body);
            let name = format!("{:016x}.bin", checksum(&payload));
            let sealed = seal(&payload);
            self.fragments.push(Fragment {
                name: name.clone(),
                list,
                items,
                bytes: sealed.len() as u32,
            });
            return Some((name, sealed));
        }
        None
    }
}

/// The next run of `items` from `at`: items until their postcard reaches `target` bytes (at
/// least one, unless none is left), and how many.
fn run<T: Serialize>(items: &[T], at: &mut usize, target: usize) -> (Vec<u8>, u32) {
    let start = *at;
    let mut body = Vec::new();
    while let Some(item) = items.get(*at) {
        body = postcard::to_extend(item, body).expect("serialising plain data into a Vec cannot fail");
        *at += 1;
        if body.len() >= target {
            break;
        }
    }
    (body, (*at - start) as u32)
}

/// Reads the manifest [`split`] wrote.
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest, BundleError> {
    postcard::from_bytes(unseal(bytes)?).map_err(|e| BundleError::Corrupt(e.to_string()))
}

impl Manifest {
    /// Every fragment file, in the manifest's order, each once.
    pub fn files(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.fragments
            .iter()
            .map(|f| f.name.as_str())
            .filter(|name| seen.insert(*name))
            .collect()
    }
}

/// What an [`Assembly`] gathers: the corpus, or Compare's prior, which a page fetches only
/// when Compare asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Corpus,
    Prior,
}

impl List {
    fn part(self) -> Part {
        match self {
            List::Prior => Part::Prior,
            _ => Part::Corpus,
        }
    }
}

/// A corpus, or its prior, put back together from its fragments, which may arrive in any
/// order.
pub struct Assembly {
    manifest: Manifest,
    part: Part,
    /// Where each fragment not yet arrived goes: its list, its run within the list and its
    /// number of items (one file may fill two places).
    places: HashMap<String, Vec<(List, usize, u32)>>,
    articles: Runs<Article>,
    exact_terms: Runs<String>,
    exact_postings: Runs<PostingList>,
    stem_terms: Runs<String>,
    stem_postings: Runs<PostingList>,
    entities: Runs<Entity>,
    quotes: Runs<Quote>,
    claims: Runs<Claim>,
    prior: Runs<(String, u32)>,
}

/// The runs of one list, each once it has arrived.
struct Runs<T>(Vec<Option<Vec<T>>>);

impl<T: DeserializeOwned> Runs<T> {
    fn put(&mut self, run: usize, payload: &[u8], items: u32) -> Result<(), BundleError> {
        let decoded: Vec<T> =
            postcard::from_bytes(payload).map_err(|e| BundleError::Corrupt(e.to_string()))?;
        if decoded.len() != items as usize {
            return Err(BundleError::Corrupt(format!(
                "it holds {} items where the manifest says {items}",
                decoded.len()
            )));
        }
        self.0[run] = Some(decoded);
        Ok(())
    }

    fn joined(self) -> Vec<T> {
        self.0.into_iter().flatten().flatten().collect()
    }
}

impl Assembly {
    /// Gathers the corpus.
    pub fn new(manifest: Manifest) -> Self {
        Assembly::of(manifest, Part::Corpus)
    }

    /// Gathers Compare's prior.
    pub fn prior(manifest: Manifest) -> Self {
        Assembly::of(manifest, Part::Prior)
    }

    fn of(manifest: Manifest, part: Part) -> Self {
        let mut places = HashMap::new();
        let mut counts: HashMap<List, usize> = HashMap::new();
        for f in &manifest.fragments {
            let run = counts.entry(f.list).or_default();
            if f.list.part() == part {
                places
                    .entry(f.name.clone())
                    .or_insert_with(Vec::new)
                    .push((f.list, *run, f.items));
            }
            *run += 1;
        }
        fn runs<T>(counts: &HashMap<List, usize>, list: List) -> Runs<T> {
            Runs(
                (0..counts.get(&list).copied().unwrap_or(0))
                    .map(|_| None)
                    .collect(),
            )
        }
        Assembly {
            places,
            articles: runs(&counts, List::Articles),
            exact_terms: runs(&counts, List::ExactTerms),
            exact_postings: runs(&counts, List::ExactPostings),
            stem_terms: runs(&counts, List::StemTerms),
            stem_postings: runs(&counts, List::StemPostings),
            entities: runs(&counts, List::Entities),
            quotes: runs(&counts, List::Quotes),
            claims: runs(&counts, List::Claims),
            prior: runs(&counts, List::Prior),
            manifest,
            part,
        }
    }

    /// The files to fetch, in the manifest's order, each once.
    pub fn files(&self) -> Vec<&str> {
        let mut files = self.manifest.files();
        files.retain(|name| self.places.contains_key(*name));
        files
    }

    /// How many files have not arrived yet.
    pub fn missing(&self) -> usize {
        self.places.len()
    }

    /// Checks and decodes the fragment fetched as `name`.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), BundleError> {
        let places = self
            .places
            .get(name)
            .ok_or_else(|| BundleError::Corrupt(format!("the manifest names no fragment {name}")))?
            .clone();
        let payload = unseal(bytes)?;
        if format!("{:016x}.bin", checksum(payload)) != name {
            return Err(BundleError::Corrupt(format!(
                "{name} holds another fragment's bytes"
            )));
        }
        for (list, run, items) in places {
            match list {
                List::Articles => self.articles.put(run, payload, items),
                List::ExactTerms => self.exact_terms.put(run, payload, items),
                List::ExactPostings => self.exact_postings.put(run, payload, items),
                List::StemTerms => self.stem_terms.put(run, payload, items),
                List::StemPostings => self.stem_postings.put(run, payload, items),
                List::Entities => self.entities.put(run, payload, items),
                List::Quotes => self.quotes.put(run, payload, items),
                List::Claims => self.claims.put(run, payload, items),
                List::Prior => self.prior.put(run, payload, items),
            }?;
        }
        self.places.remove(name);
        Ok(())
    }

    /// The corpus, once every fragment of it has arrived.
    pub fn finish(self) -> Result<Corpus, BundleError> {
        self.arrived(Part::Corpus)?;
        let mut index = SearchIndex::default();
        index.doc_lengths = self.manifest.doc_lengths;
        index.exact.terms = self.exact_terms.joined();
        index.exact.postings = self.exact_postings.joined();
        index.stems.terms = self.stem_terms.joined();
        index.stems.postings = self.stem_postings.joined();
        Ok(Corpus {
            outlets: self.manifest.outlets,
            articles: self.articles.joined(),
            index,
            entities: self.entities.joined(),
            quotes: self.quotes.joined(),
            claims: self.claims.joined(),
        })
    }

    /// Compare's prior, once every fragment of it has arrived.
    pub fn finish_prior(self) -> Result<Prior, BundleError> {
        self.arrived(Part::Prior)?;
        let entries = self.prior.joined();
        Ok(Prior::from_entries(
            self.manifest.prior_total as usize,
            entries.iter().map(|(t, n)| (t.as_str(), *n)),
        ))
    }

    /// Whether this assembly gathers `part` and every fragment of it has arrived.
    fn arrived(&self, part: Part) -> Result<(), BundleError> {
        if self.part != part {
            return Err(BundleError::Corrupt(format!(
                "this assembly gathers {:?}, not {part:?}",
                self.part
            )));
        }
        match self.places.keys().min() {
            Some(name) => Err(BundleError::Corrupt(format!(
                "{} of its fragments did not arrive, {name} among them",
                self.places.len()
            ))),
            None => Ok(()),
        }
    }
}
