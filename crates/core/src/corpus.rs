//! The corpus: ingested documents joined with their metadata, and the versioned binary bundle
//! the build embeds in the wasm.

use serde::{Deserialize, Serialize};

use crate::entities::{extract_entities, Entity};
use crate::facts::{extract_claims, Claim};
use crate::ingest::{ingest, Diagnostic, Document, Level};
use crate::metadata::{Metadata, MetadataError};
use crate::quotes::{extract_quotes, Quote};
use crate::search::{build_index, SearchIndex};
use crate::text::{normalize_for_matching, Date};

/// Version of the bundle format. Bump it whenever a serialised type changes shape; the golden
/// round-trip test fails until you do.
pub const FORMAT_VERSION: u32 = 6;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Outlets, sorted by display name; [`Article::outlet`] indexes into it.
    pub outlets: Vec<Outlet>,
    /// Articles, sorted by file name.
    pub articles: Vec<Article>,
    /// Full-text index; document numbers are positions in `articles`.
    pub index: SearchIndex,
    /// People, organisations, places and groups, sorted by name.
    pub entities: Vec<Entity>,
    /// Direct quotations in document order; speakers index into `entities`.
    pub quotes: Vec<Quote>,
    /// Numeric claims in document order; sources index into `entities`.
    pub claims: Vec<Claim>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    /// Stable key: the metadata key, or a slug of the name the text gives.
    pub key: String,
    pub name: String,
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub doc: Document,
    /// Index into [`Corpus::outlets`]; `None` when neither text nor metadata says.
    pub outlet: Option<u32>,
    /// Metadata's date, else the date the text states; `None` when unknown.
    pub published: Option<Date>,
    pub url: Option<String>,
    /// A title given by metadata, which wins over the headline found in the text.
    pub title_override: Option<String>,
}

impl Article {
    /// The file name without its extension: the article's id in URLs.
    pub fn id(&self) -> &str {
        let f = self.doc.file.as_str();
        f.rsplit_once('.').map_or(f, |(stem, _)| stem)
    }

    /// The headline: metadata's, else the text's.
    pub fn title(&self) -> Option<&str> {
        self.title_override.as_deref().or(self.doc.title_text())
    }

    /// The headline, or the first sentence of the body when there is none.
    pub fn display_title(&self) -> &str {
        self.title()
            .or(self.doc.first_sentence())
            .unwrap_or(self.doc.file.as_str())
    }
}

/// A file read from a corpus folder.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

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
            doc,
        };
        articles.push((article, outlet_key));
    }
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
            if a.outlet.is_none() {
                a.doc.diagnostics.push(Diagnostic {
                    level: Level::Info,
                    message: "Neither the text nor corpus.toml names the outlet.".to_string(),
                    span: None,
                });
            }
            a
        })
        .collect();
    articles.sort_by(|a, b| a.doc.file.cmp(&b.doc.file));
    let index = build_index(&articles);
    let entities = extract_entities(&articles);
    let quotes = extract_quotes(&articles, &entities);
    let claims = extract_claims(&articles, &entities);
    Ok(Corpus {
        outlets,
        articles,
        index,
        entities,
        quotes,
        claims,
    })
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

/// The bundle embedded in the app: a format version, then the corpus.
#[derive(Serialize, Deserialize)]
struct Bundle<'a> {
    format_version: u32,
    corpus: std::borrow::Cow<'a, Corpus>,
}

/// Why a bundle could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// The bundle was written by another version of Parallax.
    Version { found: u32, expected: u32 },
    /// The bytes are not a bundle.
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::Version { found, expected } => {
                write!(
                    f,
                    "corpus bundle has format version {found}, this build reads version {expected}"
                )
            }
            BundleError::Corrupt(why) => write!(f, "corpus bundle is damaged: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Serialises a corpus into the versioned bundle (postcard).
pub fn encode_bundle(corpus: &Corpus) -> Vec<u8> {
    let bundle = Bundle {
        format_version: FORMAT_VERSION,
        corpus: std::borrow::Cow::Borrowed(corpus),
    };
    postcard::to_allocvec(&bundle).expect("serialising plain data into a Vec cannot fail")
}

/// Reads a bundle written by [`encode_bundle`], checking the format version first.
pub fn decode_bundle(bytes: &[u8]) -> Result<Corpus, BundleError> {
    let (found, _) =
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let bundle: Bundle<'static> =
        postcard::from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(bundle.corpus.into_owned())
}
