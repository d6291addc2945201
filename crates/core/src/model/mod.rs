//! The model: the plain data every stage shares. Articles and their outlets, the ingested
//! [`Document`] with its structure, and places in a document ([`Span`], a byte range; [`Date`]).
//! It imports nothing from the crate: every other module may use it.

mod article;
mod document;
mod span;

pub use article::{first_words, Article, Outlet, SourceFile};
pub use document::{Anchor, Dateline, Diagnostic, Document, Level, Paragraph, PhotoCredit};
pub use span::{Date, Span, MONTHS};
