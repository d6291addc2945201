//! # parallax-core
//!
//! The analysis core of Parallax: plain data in, plain data out. It knows nothing of Leptos, the
//! browser, files or clocks, so the same code runs in the build (over `seeds/`), in the native
//! `parallax` command and in the browser (over articles a reader adds), and gives the same
//! answer everywhere.
//!
//! The key design decision: **ingestion never fails**. Any bytes become a [`Document`] plus
//! [`Diagnostic`]s, the way rust-analyzer's parser returns a tree and a list of errors. Only a
//! malformed metadata file, written by the corpus maintainer, is an error.
//!
//! ```
//! use parallax_core::{build_corpus, decode_bundle, encode_bundle, Metadata, SourceFile};
//!
//! let text = " date 2020-08-18 MOSCOW (UrduPoint News / Sputnik - 18th August, 2020) Talks began.";
//! let files = [SourceFile { name: "004.txt", bytes: text.as_bytes() }];
//! let corpus = build_corpus(&files, &Metadata::default()).unwrap();
//! let article = &corpus.articles[0];
//! assert_eq!(article.published.unwrap().to_string(), "2020-08-18");
//! assert_eq!(article.document.outlet_in_text(), Some("UrduPoint News / Sputnik"));
//! assert_eq!(corpus.outlets[article.outlet.unwrap() as usize].name, "UrduPoint News / Sputnik");
//! assert_eq!(decode_bundle(&encode_bundle(&corpus)).unwrap(), corpus);
//! ```

// The layers, bottom to top, are drawn in ARCHITECTURE.md and checked by `tests/layers.rs`:
// model; text; ingest, reading, offline; index, entities; quotes, facts; corpus; search,
// profiles; compare, guide; pipeline. A module may import only modules of lower layers.
pub mod compare;
pub mod corpus;
pub mod entities;
pub mod facts;
pub mod guide;
pub mod index;
pub mod ingest;
pub mod model;
pub mod offline;
pub mod pipeline;
pub mod profiles;
pub mod quotes;
pub mod reading;
pub mod search;
pub mod text;

pub use corpus::{decode_bundle, encode_bundle, BundleError, Corpus, FORMAT_VERSION};
pub use ingest::{ingest, parse_metadata, FileMeta, Metadata, MetadataError, OutletMeta, METADATA_FILE};
pub use model::{
    Article, Date, Dateline, Diagnostic, Document, Level, Outlet, Paragraph, PhotoCredit, SourceFile, Span,
};
pub use pipeline::{build_corpus, build_corpus_on, Analysis, Extension, OneByOne, Stage, Workers};
pub use text::{normalize_for_matching, split_at_marks};
