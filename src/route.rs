//! Routes live in the URL fragment (`#/read/000_bad9fe235c42383a/p3`).
//!
//! Fragment routing is what lets one build work everywhere without server configuration: on any
//! static host under any sub-path, and from `file://`, the browser always loads the same
//! `index.html` and the app reads the route from `location.hash`. Each navigation is a history
//! entry, so back and forward work; a pasted link works after reload.

/// Which articles the library lists, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    /// An outlet key; `None` lists every outlet.
    pub outlet: Option<String>,
    pub sort: Sort,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first; articles with an unknown date last.
    #[default]
    Newest,
    /// Oldest first; articles with an unknown date last.
    Oldest,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library(LibraryQuery),
    /// An article; `paragraph` is 1-based.
    Reader {
        id: String,
        paragraph: Option<usize>,
    },
    /// The fragment names no view.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`). Never fails: what it cannot
    /// read becomes [`Route::NotFound`].
    pub fn parse(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(decode).collect();
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [] => match parse_library_query(query) {
                Some(q) => Route::Library(q),
                None => Route::NotFound(raw.to_string()),
            },
            ["read", id] => Route::Reader {
                id: id.to_string(),
                paragraph: None,
            },
            ["read", id, p] => match p.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => Route::Reader {
                    id: id.to_string(),
                    paragraph: Some(n),
                },
                _ => Route::NotFound(raw.to_string()),
            },
            _ => Route::NotFound(raw.to_string()),
        }
    }

    /// The fragment for this route, starting with `#`; `Route::parse(&r.href()) == r`.
    pub fn href(&self) -> String {
        match self {
            Route::Library(q) => {
                let mut params = Vec::new();
                if let Some(o) = &q.outlet {
                    params.push(format!("outlet={}", encode(o)));
                }
                if q.sort == Sort::Oldest {
                    params.push("sort=oldest".to_string());
                }
                if params.is_empty() {
                    "#/".to_string()
                } else {
                    format!("#/?{}", params.join("&"))
                }
            }
            Route::Reader { id, paragraph: None } => format!("#/read/{}", encode(id)),
            Route::Reader {
                id,
                paragraph: Some(n),
            } => format!("#/read/{}/p{n}", encode(id)),
            Route::NotFound(raw) => format!("#{raw}"),
        }
    }
}

fn parse_library_query(query: &str) -> Option<LibraryQuery> {
    let mut q = LibraryQuery::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (key, value) {
            ("outlet", v) if !v.is_empty() => q.outlet = Some(decode(v)),
            ("sort", "oldest") => q.sort = Sort::Oldest,
            ("sort", "newest") => q.sort = Sort::Newest,
            _ => return None,
        }
    }
    Some(q)
}

/// Percent-encodes everything but unreserved URL characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes; malformed escapes are kept as written, invalid UTF-8 replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(id: &str, paragraph: Option<usize>) -> Route {
        Route::Reader {
            id: id.to_string(),
            paragraph,
        }
    }

    #[test]
    fn parses_every_view() {
        let check = |hash: &str, want: Route| assert_eq!(Route::parse(hash), want, "{hash}");
        check("", Route::Library(LibraryQuery::default()));
        check("#/", Route::Library(LibraryQuery::default()));
        check(
            "#/?outlet=rt&sort=oldest",
            Route::Library(LibraryQuery {
                outlet: Some("rt".into()),
                sort: Sort::Oldest,
            }),
        );
        check("#/read/000_bad9", reader("000_bad9", None));
        check("#/read/000_bad9/p3", reader("000_bad9", Some(3)));
        check("#/read/caf%C3%A9%20news", reader("café news", None));
        check("#/read/x/p0", Route::NotFound("/read/x/p0".into()));
        check("#/read/x/q", Route::NotFound("/read/x/q".into()));
        check("#/nowhere", Route::NotFound("/nowhere".into()));
        check("#/?colour=red", Route::NotFound("/?colour=red".into()));
        check("#/read/%ZZ", reader("%ZZ", None));
    }

    #[test]
    fn href_round_trips() {
        for r in [
            Route::Library(LibraryQuery::default()),
            Route::Library(LibraryQuery {
                outlet: Some("urdupoint-news / sputnik".into()),
                sort: Sort::Oldest,
            }),
            reader("café <b>", Some(12)),
            reader("000_bad9fe235c42383a", None),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }
}
