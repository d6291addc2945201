//! An article of a corpus (a document with what metadata adds) and its outlet.

use serde::{Deserialize, Serialize};

use super::{Date, Document};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    /// Stable key: the metadata key, or a slug of the name the text gives.
    pub key: String,
    pub name: String,
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub document: Document,
    /// Index into the corpus's outlets; `None` when neither text nor metadata says.
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
        let f = self.document.file.as_str();
        f.rsplit_once('.').map_or(f, |(stem, _)| stem)
    }

    /// The headline: metadata's, else the text's.
    pub fn title(&self) -> Option<&str> {
        self.title_override.as_deref().or(self.document.title_text())
    }

    /// The headline, or the first sentence of the body when there is none.
    pub fn display_title(&self) -> &str {
        self.title()
            .or(self.document.first_sentence())
            .unwrap_or(self.document.file.as_str())
    }
}

/// A file read from a corpus folder.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}
