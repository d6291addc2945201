//! The export file that carries added articles between browsers: [`export`] writes it,
//! [`import`] reads it back, entry by entry.

use serde::Serialize;
use serde_json::Value;

use super::decoding::megabytes;
use super::{article_name, clean_field, web_address, AddedArticle, MAX_FILE_BYTES};
use crate::model::Date;

/// The value of the `"parallax"` key of an export file.
pub const EXPORT_TAG: &str = "added-articles";
/// The export format's version; [`import`] reads this version and older.
pub const EXPORT_VERSION: u64 = 1;

/// The export file: `{"parallax": "added-articles", "version": 1, "articles": [...]}`,
/// pretty-printed JSON.
pub fn export(articles: &[AddedArticle]) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        parallax: &'a str,
        version: u64,
        articles: &'a [AddedArticle],
    }
    let file = Export {
        parallax: EXPORT_TAG,
        version: EXPORT_VERSION,
        articles,
    };
    // Serialising strings and options cannot fail; the fallback is never used.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The result of [`import`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The entries that were accepted, in file order.
    pub articles: Vec<AddedArticle>,
    /// (entry number, 1-based, and why) for every entry not accepted.
    pub rejected: Vec<(usize, String)>,
}

/// Reads an export file.
///
/// `Err` (and nothing imported) when the file as a whole is not a Parallax export: not JSON, no
/// `"parallax": "added-articles"`, a `version` that is missing or newer than
/// [`EXPORT_VERSION`], or no `articles` list. Otherwise each entry is checked on its own: it must
/// be an object with a non-empty `name` and a non-empty `text` (no NUL, at most
/// [`MAX_FILE_BYTES`]); `title`, `outlet` and `url` must be text when present (`null` is absent,
/// empty text too), `published` a `YYYY-MM-DD` date, `url` an `http`/`https` address. Bad
/// entries are listed in [`Imported::rejected`] with a plain message; names are made into
/// [`article_name`]s. Unknown keys are ignored. Names are not made unique here (see
/// [`unique_name`](super::unique_name)).
pub fn import(json: &str) -> Result<Imported, String> {
    const NOT_EXPORT: &str = "This file is not a Parallax export of added articles.";
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let value: Value = serde_json::from_str(json)
        .map_err(|_| format!("{NOT_EXPORT} It could not be read as an export file (it is not JSON)."))?;
    let Value::Object(top) = value else {
        return Err(NOT_EXPORT.to_string());
    };
    if top.get("parallax").and_then(Value::as_str) != Some(EXPORT_TAG) {
        return Err(NOT_EXPORT.to_string());
    }
    match top.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=EXPORT_VERSION).contains(&v) => {}
        Some(v) if v > EXPORT_VERSION => {
            return Err(format!(
                "This export was made by a newer version of Parallax (format {v}); this version reads \
                 format {EXPORT_VERSION}. Update Parallax to import it."
            ))
        }
        _ => {
            return Err(format!(
                "{NOT_EXPORT} Its format version is missing or not understood."
            ))
        }
    }
    let Some(Value::Array(entries)) = top.get("articles") else {
        return Err(format!("{NOT_EXPORT} It has no list of articles."));
    };
    let mut imported = Imported::default();
    for (i, entry) in entries.iter().enumerate() {
        match import_entry(entry) {
            Ok(article) => imported.articles.push(article),
            Err(why) => imported.rejected.push((i + 1, why)),
        }
    }
    Ok(imported)
}

fn import_entry(entry: &Value) -> Result<AddedArticle, String> {
    let Value::Object(map) = entry else {
        return Err("it is not an article (an article has a name and a text)".to_string());
    };
    // An optional text field: absent, null or empty → None; not text → an error.
    let optional = |key: &str, what: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(clean_field(s)),
            Some(_) => Err(format!("its {what} is not text")),
        }
    };
    let name = match map.get("name") {
        Some(Value::String(s)) if !s.trim().is_empty() => article_name(s),
        Some(Value::String(_)) | None | Some(Value::Null) => return Err("it has no name".to_string()),
        Some(_) => return Err("its name is not text".to_string()),
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(format!("“{name}” has no text")),
        Some(_) => return Err(format!("the text of “{name}” is not text")),
    };
    if text.trim().is_empty() {
        return Err(format!("the text of “{name}” is empty"));
    }
    if text.contains('\0') {
        return Err(format!("the text of “{name}” contains binary data"));
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the text of “{name}” is too large ({} MB; the limit is {} MB)",
            megabytes(text.len()),
            megabytes(MAX_FILE_BYTES)
        ));
    }
    let title = optional("title", "title")?;
    let outlet = optional("outlet", "outlet")?;
    let published = match optional("published", "date")? {
        None => None,
        Some(d) => Some(
            Date::parse_iso(&d)
                .ok_or_else(|| format!("the date of “{name}”, “{d}”, is not a date like 2020-08-18"))?,
        ),
    };
    let url =
        match optional("url", "web address")? {
            None => None,
            Some(u) => Some(web_address(&u).ok_or_else(|| {
                format!("the web address of “{name}” does not start with http:// or https://")
            })?),
        };
    Ok(AddedArticle {
        name,
        text: text.clone(),
        title,
        outlet,
        published,
        url,
    })
}
