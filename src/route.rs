//! Routes live in the URL fragment (`#/read/000_bad9fe235c42383a/p3`).
//!
//! Fragment routing is what lets one build work everywhere without server configuration: on any
//! static host under any sub-path, and from `file://`, the browser always loads the same
//! `index.html` and the app reads the route from `location.hash`. Each navigation is a history
//! entry, so back and forward work; a pasted link works after reload.

use parallax_core::entities::Kind;
use parallax_core::model::{Anchor, Article};

/// Which articles the library lists, in which order, and which page of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryQuery {
    /// An outlet key; `None` lists every outlet.
    pub outlet: Option<String>,
    pub sort: Sort,
    /// 1-based page of the list.
    pub page: usize,
}

impl Default for LibraryQuery {
    fn default() -> LibraryQuery {
        LibraryQuery {
            outlet: None,
            sort: Sort::default(),
            page: 1,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first; articles with an unknown date last.
    #[default]
    Newest,
    /// Oldest first; articles with an unknown date last.
    Oldest,
}

/// A search: the query text (filters included, as `outlet:` and `after:`/`before:`), the
/// view, the page and the concordance order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    pub q: String,
    pub view: SearchView,
    /// 1-based page of the result list.
    pub page: usize,
    pub kwic_sort: KwicSort,
    /// Search exactly as typed: no typo correction.
    pub exact: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchView {
    #[default]
    Results,
    Concordance,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KwicSort {
    /// Documents in rank order, occurrences in text order.
    #[default]
    Rank,
    /// By the words just before the keyword, nearest first.
    Left,
    /// By the words just after the keyword.
    Right,
}

/// Which entities the entities page lists, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntitiesQuery {
    /// `person`, `organisation`, `place` or `group`; `None` lists every kind.
    pub kind: Option<Kind>,
    /// Only entities whose name or an alias contains this text (any case).
    pub name: String,
    pub sort: EntitySort,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EntitySort {
    /// Most mentioned first.
    #[default]
    Mentions,
    /// In most articles first.
    Documents,
    /// Named by most outlets first.
    Outlets,
    /// Quoted most first.
    Quotes,
    /// Alphabetical.
    Name,
}

impl EntitySort {
    pub const ALL: [EntitySort; 5] = [
        EntitySort::Mentions,
        EntitySort::Documents,
        EntitySort::Outlets,
        EntitySort::Quotes,
        EntitySort::Name,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EntitySort::Mentions => "mentions",
            EntitySort::Documents => "articles",
            EntitySort::Outlets => "outlets",
            EntitySort::Quotes => "quotes",
            EntitySort::Name => "name",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library(LibraryQuery),
    Entities(EntitiesQuery),
    /// An entity's page, by its name.
    Entity(String),
    /// Two sides side by side, as `Side` specs (`outlet:rt`, `doc:ID`, a search); empty when
    /// not chosen yet.
    Compare {
        a: String,
        b: String,
    },
    /// An article, at a paragraph or sentence when `anchor` names one. The URL numbers them
    /// from 1 (`#/read/ID/p3/s2`); the anchor, like the rest of the code, from 0.
    Reader {
        id: String,
        anchor: Option<Anchor>,
    },
    Search(SearchState),
    /// The reader's own articles: add, edit, remove, share.
    Add,
    /// The fragment names no view.
    NotFound(String),
}

impl Route {
    /// The reader at `article`, at `anchor` when given.
    pub fn reader(article: &Article, anchor: Option<Anchor>) -> Route {
        Route::Reader {
            id: article.id().to_string(),
            anchor,
        }
    }

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
            ["add"] if query.is_empty() => Route::Add,
            ["entities"] => match parse_entities_query(query) {
                Some(q) => Route::Entities(q),
                None => Route::NotFound(raw.to_string()),
            },
            ["entity", name] if query.is_empty() => Route::Entity(name.to_string()),
            ["compare"] => match parse_compare_query(query) {
                Some((a, b)) => Route::Compare { a, b },
                None => Route::NotFound(raw.to_string()),
            },
            ["search"] => match parse_search_query(query) {
                Some(s) => Route::Search(s),
                None => Route::NotFound(raw.to_string()),
            },
            ["read", id] => Route::Reader {
                id: id.to_string(),
                anchor: None,
            },
            ["read", id, p] => match numbered(p, 'p') {
                Some(paragraph) => Route::Reader {
                    id: id.to_string(),
                    anchor: Some(Anchor {
                        paragraph,
                        sentence: None,
                    }),
                },
                _ => Route::NotFound(raw.to_string()),
            },
            ["read", id, p, s] => match (numbered(p, 'p'), numbered(s, 's')) {
                (Some(paragraph), Some(sentence)) => Route::Reader {
                    id: id.to_string(),
                    anchor: Some(Anchor {
                        paragraph,
                        sentence: Some(sentence),
                    }),
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
                if q.page > 1 {
                    params.push(format!("page={}", q.page));
                }
                if params.is_empty() {
                    "#/".to_string()
                } else {
                    format!("#/?{}", params.join("&"))
                }
            }
            Route::Entities(q) => {
                let mut params = Vec::new();
                if let Some(k) = q.kind {
                    params.push(format!("kind={}", k.as_str()));
                }
                if !q.name.is_empty() {
                    params.push(format!("name={}", encode(&q.name)));
                }
                if q.sort != EntitySort::Mentions {
                    params.push(format!("sort={}", q.sort.key()));
                }
                if params.is_empty() {
                    "#/entities".to_string()
                } else {
                    format!("#/entities?{}", params.join("&"))
                }
            }
            Route::Entity(name) => format!("#/entity/{}", encode(name)),
            Route::Compare { a, b } => {
                let params: Vec<String> = [("a", a), ("b", b)]
                    .into_iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| format!("{k}={}", encode(v)))
                    .collect();
                if params.is_empty() {
                    "#/compare".to_string()
                } else {
                    format!("#/compare?{}", params.join("&"))
                }
            }
            Route::Reader { id, anchor } => {
                let mut out = format!("#/read/{}", encode(id));
                if let Some(a) = anchor {
                    out.push_str(&format!("/p{}", a.paragraph + 1));
                    if let Some(s) = a.sentence {
                        out.push_str(&format!("/s{}", s + 1));
                    }
                }
                out
            }
            Route::Search(s) => {
                let mut out = format!("#/search?q={}", encode(&s.q));
                if s.view == SearchView::Concordance {
                    out.push_str("&view=kwic");
                }
                if s.page > 1 {
                    out.push_str(&format!("&page={}", s.page));
                }
                match s.kwic_sort {
                    KwicSort::Rank => {}
                    KwicSort::Left => out.push_str("&sort=left"),
                    KwicSort::Right => out.push_str("&sort=right"),
                }
                if s.exact {
                    out.push_str("&exact=1");
                }
                out
            }
            Route::Add => "#/add".to_string(),
            Route::NotFound(raw) => format!("#{raw}"),
        }
    }
}

/// `p3` → 3 (with `prefix` `p`); zero and garbage are `None`.
/// The 0-based number of a URL part numbered from 1 after `prefix` (`p3` → 2).
fn numbered(s: &str, prefix: char) -> Option<usize> {
    s.strip_prefix(prefix)?.parse::<usize>().ok()?.checked_sub(1)
}

fn parse_search_query(query: &str) -> Option<SearchState> {
    let mut s = SearchState {
        page: 1,
        ..SearchState::default()
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (key, value) {
            ("q", v) => s.q = decode(&v.replace('+', " ")),
            ("view", "kwic") => s.view = SearchView::Concordance,
            ("view", "results") => s.view = SearchView::Results,
            ("page", v) => s.page = v.parse().ok().filter(|&n| n > 0)?,
            ("sort", "left") => s.kwic_sort = KwicSort::Left,
            ("sort", "right") => s.kwic_sort = KwicSort::Right,
            ("sort", "rank") => s.kwic_sort = KwicSort::Rank,
            ("exact", "1") => s.exact = true,
            _ => return None,
        }
    }
    Some(s)
}

fn parse_compare_query(query: &str) -> Option<(String, String)> {
    let (mut a, mut b) = (String::new(), String::new());
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "a" => a = decode(&value.replace('+', " ")),
            "b" => b = decode(&value.replace('+', " ")),
            _ => return None,
        }
    }
    Some((a, b))
}

fn parse_entities_query(query: &str) -> Option<EntitiesQuery> {
    let mut q = EntitiesQuery::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "kind" => q.kind = Some(*Kind::ALL.iter().find(|k| k.as_str() == value)?),
            "name" => q.name = decode(&value.replace('+', " ")),
            "sort" => q.sort = *EntitySort::ALL.iter().find(|s| s.key() == value)?,
            _ => return None,
        }
    }
    Some(q)
}

fn parse_library_query(query: &str) -> Option<LibraryQuery> {
    let mut q = LibraryQuery::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (key, value) {
            ("outlet", v) if !v.is_empty() => q.outlet = Some(decode(v)),
            ("sort", "oldest") => q.sort = Sort::Oldest,
            ("sort", "newest") => q.sort = Sort::Newest,
            ("page", v) => q.page = v.parse().ok().filter(|&n| n > 0)?,
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
            anchor: paragraph.map(|paragraph| Anchor {
                paragraph,
                sentence: None,
            }),
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
                page: 1,
            }),
        );
        check(
            "#/?page=3",
            Route::Library(LibraryQuery {
                page: 3,
                ..LibraryQuery::default()
            }),
        );
        check("#/?page=0", Route::NotFound("/?page=0".into()));
        check("#/read/000_bad9", reader("000_bad9", None));
        check("#/read/000_bad9/p3", reader("000_bad9", Some(2)));
        check("#/read/caf%C3%A9%20news", reader("café news", None));
        check("#/read/x/p0", Route::NotFound("/read/x/p0".into()));
        check("#/read/x/q", Route::NotFound("/read/x/q".into()));
        check("#/nowhere", Route::NotFound("/nowhere".into()));
        check("#/?colour=red", Route::NotFound("/?colour=red".into()));
        check("#/read/%ZZ", reader("%ZZ", None));
        check(
            "#/read/x/p3/s2",
            Route::Reader {
                id: "x".into(),
                anchor: Some(Anchor {
                    paragraph: 2,
                    sentence: Some(1),
                }),
            },
        );
        check(
            "#/search?q=belarus%20outlet%3Art&view=kwic&sort=left&page=2&exact=1",
            Route::Search(SearchState {
                q: "belarus outlet:rt".into(),
                view: SearchView::Concordance,
                page: 2,
                kwic_sort: KwicSort::Left,
                exact: true,
            }),
        );
        check("#/entities", Route::Entities(EntitiesQuery::default()));
        check("#/add", Route::Add);
        check(
            "#/compare?a=outlet%3Art&b=doc:001",
            Route::Compare {
                a: "outlet:rt".into(),
                b: "doc:001".into(),
            },
        );
        check(
            "#/entities?kind=person&name=luka&sort=quotes",
            Route::Entities(EntitiesQuery {
                kind: Some(Kind::Person),
                name: "luka".into(),
                sort: EntitySort::Quotes,
            }),
        );
        check(
            "#/entities?kind=alien",
            Route::NotFound("/entities?kind=alien".into()),
        );
        check(
            "#/entity/Alexander%20Lukashenko",
            Route::Entity("Alexander Lukashenko".into()),
        );
        check(
            "#/search?q=a&page=0",
            Route::NotFound("/search?q=a&page=0".into()),
        );
    }

    #[test]
    fn href_round_trips() {
        for r in [
            Route::Library(LibraryQuery::default()),
            Route::Library(LibraryQuery {
                outlet: Some("urdupoint-news / sputnik".into()),
                sort: Sort::Oldest,
                page: 200,
            }),
            reader("café <b>", Some(12)),
            reader("000_bad9fe235c42383a", None),
            Route::Entity("Collective Security Treaty Organization / CSTO?".into()),
            Route::Compare {
                a: "outlet:rt".into(),
                b: "protest outlet:sputnik & \"more\"".into(),
            },
            Route::Compare {
                a: String::new(),
                b: "doc:001".into(),
            },
            Route::Entities(EntitiesQuery {
                kind: Some(Kind::Group),
                name: "the w&st".into(),
                sort: EntitySort::Name,
            }),
            Route::Search(SearchState {
                q: "\"internal affairs\" -eu & more=1".into(),
                page: 1,
                ..SearchState::default()
            }),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }
}
