//! HTML to article text ([`html_to_text`]): which part of the page is the article, and its
//! metadata from meta tags. `tokenizer` reads tags and character references (`named_entities` is
//! the table of named ones), and `tree` builds the forgiving document tree and renders its text.

mod named_entities;
mod tokenizer;
mod tree;

pub(super) use tokenizer::is_html_space;

use super::{clean_field, date_prefix, same_title, web_address, Extracted};
use tree::{parse_html, Tree};

/// Reduces HTML to the article's text and metadata, with no DOM and no network.
///
/// - **What is text.** Tags are dropped; so is everything inside `script`, `style`, `noscript`,
///   `template`, `svg`, `math`, `head` (and `title`), `nav`, `header`, `footer`, `aside`, `form`,
///   `button`, `iframe`, `object`, `embed`, `canvas`, `select`, `textarea`, `dialog`, elements
///   marked `hidden` or `aria-hidden="true"`, and elements with the role `navigation`, `banner`,
///   `contentinfo`, `complementary` or `search`. Comments and CDATA are dropped. Images give no
///   text (not even their `alt`).
/// - **Where the article is.** The `<article>` with the most text (outermost ones, outside the
///   dropped elements), else the first `<main>` (or `role="main"`), else `<body>`, else the whole
///   document.
/// - **Paragraphs.** Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `blockquote`, `tr`,
///   `section`, `figure`, `figcaption`…) separate paragraphs by a blank line; within a paragraph
///   white space collapses to single spaces (also inside `pre`); table cells are separated by a
///   space. Character references are decoded (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`…;
///   unknown ones stay as written). Soft hyphens and zero-width spaces are removed.
/// - **Malformed markup** never panics and never loses text outside tags: a `<` that does not
///   start a tag (`a < b`) is text, unclosed elements end with their parent, a tag with an
///   unterminated quoted attribute ends at the first `>`.
/// - **Metadata.** Title: `og:title`, else the article's first `<h1>` (inside `<article>` also
///   one in its `<header>`; elsewhere not in a `<header>`), else `<title>`. Outlet:
///   `og:site_name`, else `<meta name="publisher">`, else `application-name`. Published:
///   `article:published_time`, `date`, `pubdate` and similar meta tags, else the first
///   `<time datetime>` (article first) — the `YYYY-MM-DD` at its start. URL: `<link
///   rel="canonical">`, else `og:url`, only `http`/`https`.
/// - **No repeated title.** That first `<h1>` is left out of the text when the title came from it
///   or reads the same as the title (ignoring case, spaces and punctuation).
pub fn html_to_text(html: &str) -> Extracted {
    let tree = parse_html(html);
    let named = |names: &'static [&'static str]| is_named(&tree, names);
    let outside_dropped = |id: usize| !tree.dropped(id);

    // Where the article is.
    let articles = tree.find_all(0, &named(&["article"]), &outside_dropped);
    let best_article = articles
        .iter()
        .map(|&id| (id, tree.render(id, None).chars().count()))
        .filter(|&(_, n)| n > 0)
        .fold(None, |best: Option<(usize, usize)>, (id, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((id, n)),
        })
        .map(|(id, _)| id);
    let is_main = |id: usize| {
        tree.name(id) == "main"
            || tree
                .attr(id, "role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    };
    let main = tree
        .find_all(0, &is_main, &outside_dropped)
        .into_iter()
        .find(|&id| !tree.render(id, None).is_empty());
    let root = best_article
        .or(main)
        .or_else(|| tree.find_first(0, &named(&["body"]), &|_| true))
        .unwrap_or(0);
    let in_article = tree.name(root) == "article";

    // Metadata.
    let metas = meta_tags(&tree);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            metas
                .iter()
                .filter(|(k, _)| k == key)
                .find_map(|(_, v)| clean_field(v))
        })
    };
    let enter_for_h1 = |id: usize| !tree.dropped(id) || (in_article && tree.name(id) == "header");
    let h1 = tree.find_first(root, &named(&["h1"]), &enter_for_h1);
    let h1_text = h1.and_then(|id| clean_field(&tree.render(id, None)));
    let title_element = || {
        let id = tree.find_first(0, &named(&["title"]), &|id| {
            !matches!(tree.name(id), "svg" | "math")
        })?;
        clean_field(&tree.render(id, None))
    };
    let title = meta(&["og:title"])
        .or_else(|| h1_text.clone())
        .or_else(title_element);
    let skip = match (&title, &h1_text) {
        (Some(t), Some(h)) if same_title(t, h) || t.starts_with(h.as_str()) => h1,
        _ => None,
    };
    let outlet =
        meta(&["og:site_name", "publisher", "application-name"]).filter(|o| web_address(o).is_none());
    let published = [
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .iter()
    .find_map(|key| meta(&[key]).and_then(|v| date_prefix(&v)))
    .or_else(|| {
        let has_datetime = |id: usize| tree.name(id) == "time" && tree.attr(id, "datetime").is_some();
        [root, 0].iter().find_map(|&r| {
            let id = tree.find_first(r, &has_datetime, &|_| true)?;
            tree.attr(id, "datetime").and_then(date_prefix)
        })
    });
    let is_canonical = |id: usize| {
        tree.name(id) == "link"
            && tree.attr(id, "rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
    };
    let url = tree
        .find_all(0, &is_canonical, &|_| true)
        .into_iter()
        .find_map(|id| tree.attr(id, "href").and_then(web_address))
        .or_else(|| meta(&["og:url"]).and_then(|u| web_address(&u)));

    Extracted {
        text: tree.render(root, skip),
        title,
        outlet,
        published,
        url,
    }
}

fn is_named<'a>(tree: &'a Tree, names: &'a [&'a str]) -> impl Fn(usize) -> bool + 'a {
    move |id| names.contains(&tree.name(id))
}

/// Every `<meta>` as (key, content): the key is its `property`, `name` or `itemprop`,
/// lower-cased.
fn meta_tags(tree: &Tree) -> Vec<(String, String)> {
    let metas = tree.find_all(0, &|id| tree.name(id) == "meta", &|_| true);
    metas
        .into_iter()
        .filter_map(|id| {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|k| tree.attr(id, k).filter(|v| !v.trim().is_empty()))?;
            let content = tree.attr(id, "content")?;
            Some((key.trim().to_ascii_lowercase(), content.to_string()))
        })
        .collect()
}
