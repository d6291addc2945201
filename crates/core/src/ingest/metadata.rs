//! The optional metadata file of a corpus folder, `corpus.toml`.
//!
//! ```toml
//! [outlet.sputnik]
//! name = "Sputnik"                                   # display name
//! affiliation = "Russian state-owned news agency"    # optional note shown beside the name
//! in_text = ["UrduPoint News / Sputnik"]             # how datelines name it (optional)
//!
//! [file."001_f2949b16144bae03.txt"]
//! outlet = "presstv"          # a key of [outlet.*]
//! published = "2020-08-16"    # YYYY-MM-DD, as a string
//! url = "https://…"
//! title = "…"
//! ```
//!
//! What the file gives wins over what ingestion infers; what neither states is unknown.
//! Parsing is strict: unknown keys, a malformed date or an undefined outlet are errors that name
//! the line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::model::Date;

/// The conventional file name of the metadata file inside a corpus folder.
pub const METADATA_FILE: &str = "corpus.toml";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Outlets by key, in key order.
    pub outlets: BTreeMap<String, OutletMeta>,
    /// Per-file metadata by file name.
    pub files: BTreeMap<String, FileMeta>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutletMeta {
    pub name: String,
    pub affiliation: Option<String>,
    /// Spellings that datelines use for this outlet, matched ignoring case.
    pub in_text: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileMeta {
    /// A key of [`Metadata::outlets`].
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// 1-based line of the `[file."…"]` header, to report a file that is not in the folder.
    pub line: usize,
}

/// A problem in a metadata file, located by 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetadataError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for MetadataError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    #[serde(default)]
    outlet: BTreeMap<String, RawOutlet>,
    #[serde(default)]
    file: BTreeMap<String, Spanned<RawFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    name: String,
    affiliation: Option<String>,
    #[serde(default)]
    in_text: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    outlet: Option<Spanned<String>>,
    published: Option<Spanned<String>>,
    url: Option<String>,
    title: Option<String>,
}

/// Parses the text of a metadata file.
pub fn parse_metadata(source: &str) -> Result<Metadata, MetadataError> {
    let raw: RawMetadata = toml::from_str(source).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error_at(source, at, e.message().to_string())
    })?;
    let mut files = BTreeMap::new();
    for (name, entry) in raw.file {
        let line = line_col(source, entry.span().start).0;
        let entry = entry.into_inner();
        if let Some(outlet) = &entry.outlet {
            if !raw.outlet.contains_key(outlet.get_ref()) {
                let known: Vec<&str> = raw.outlet.keys().map(String::as_str).collect();
                return Err(error_at(
                    source,
                    outlet.span().start,
                    format!(
                        "file \"{name}\" names outlet \"{}\", which no [outlet.{}] table defines (defined: {})",
                        outlet.get_ref(),
                        outlet.get_ref(),
                        if known.is_empty() { "none".to_string() } else { known.join(", ") }
                    ),
                ));
            }
        }
        let published = match &entry.published {
            Some(p) => Some(Date::parse_iso(p.get_ref()).ok_or_else(|| {
                error_at(
                    source,
                    p.span().start,
                    format!(
                        "published date \"{}\" is not a date written YYYY-MM-DD",
                        p.get_ref()
                    ),
                )
            })?),
            None => None,
        };
        files.insert(
            name,
            FileMeta {
                outlet: entry.outlet.map(Spanned::into_inner),
                published,
                url: entry.url,
                title: entry.title,
                line,
            },
        );
    }
    let outlets = raw
        .outlet
        .into_iter()
        .map(|(key, o)| {
            let meta = OutletMeta {
                name: o.name,
                affiliation: o.affiliation,
                in_text: o.in_text,
            };
            (key, meta)
        })
        .collect();
    Ok(Metadata { outlets, files })
}

fn error_at(source: &str, at: usize, message: String) -> MetadataError {
    let (line, column) = line_col(source, at);
    MetadataError {
        line,
        column,
        message,
    }
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(source: &str, at: usize) -> (usize, usize) {
    let at = at.min(source.len());
    let before = source.get(..at).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_outlets_and_files() {
        let m = parse_metadata(
            "[outlet.rt]\nname = \"RT\"\naffiliation = \"Russian state-funded\"\n\n\
             [file.\"002.txt\"]\noutlet = \"rt\"\npublished = \"2020-08-29\"\n",
        )
        .unwrap();
        assert_eq!(m.outlets["rt"].name, "RT");
        assert_eq!(m.files["002.txt"].outlet.as_deref(), Some("rt"));
        assert_eq!(m.files["002.txt"].published.unwrap().to_string(), "2020-08-29");
        assert_eq!(m.files["002.txt"].line, 5);
    }

    #[test]
    fn errors_name_line_and_problem() {
        let check = |src: &str, line: usize, needle: &str| {
            let e = parse_metadata(src).unwrap_err();
            assert_eq!(e.line, line, "{e}");
            assert!(e.to_string().contains(needle), "{e}");
        };
        check("[file.\"a.txt\"]\noutlet = \"rtt\"\n", 2, "rtt");
        check("[file.\"a.txt\"]\npublished = \"29/08/2020\"\n", 2, "YYYY-MM-DD");
        check("[outlet.rt]\nname = \"RT\"\ncolour = \"red\"\n", 3, "colour");
        check("[outlet.rt\nname = \"RT\"\n", 1, "");
        check("\n\n[file.\"a.txt\"]\npublished = 2020-08-29\n", 4, "string");
    }
}
