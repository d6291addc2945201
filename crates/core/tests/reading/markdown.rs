//! Reading Markdown: front matter, headings, inline markup.

use super::*;

pub(crate) const MARKDOWN: &str = "---
title: \"Protests in Minsk\"
source: Example News
date: 2020-08-23
url: https://example.com/a
tags: [belarus]
---

# Protests in Minsk

Tens of *thousands* marched on **Sunday**, [reports say](https://example.com/x (title)).
The march was _peaceful_, ~~not~~ calm.

![photo](img.png) Photo credit: AP

- First point
- Second with snake_case_name and 2 * 3 = 6
1. Numbered `code *span*`
* [x] Done

> A quote \\*not emphasis\\*

```rust
code *kept*
  indented
```

## Section ##

See [the report][r] and <https://example.com/auto>.

[r]: https://example.com/report
";

#[test]
fn markdown_front_matter_title_and_text() {
    let ex = markdown_to_text(MARKDOWN);
    assert_eq!(ex.title.as_deref(), Some("Protests in Minsk"));
    assert_eq!(ex.outlet.as_deref(), Some("Example News"));
    assert_eq!(ex.published, Date::new(2020, 8, 23));
    assert_eq!(ex.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(
        ex.text,
        "Tens of thousands marched on Sunday, reports say. The march was peaceful, not calm.\n\n\
         Photo credit: AP\n\n\
         First point\n\n\
         Second with snake_case_name and 2 * 3 = 6\n\n\
         Numbered code *span*\n\n\
         Done\n\n\
         A quote *not emphasis*\n\n\
         code *kept*\n  indented\n\n\
         Section\n\n\
         See the report and https://example.com/auto."
    );
}

#[test]
fn markdown_heading_becomes_title() {
    let ex = markdown_to_text("# The *Title*\n\nBody line one\nline two.\n\nTitle\n=====\n\nEnd.");
    assert_eq!(ex.title.as_deref(), Some("The Title"));
    assert_eq!(ex.text, "Body line one line two.\n\nTitle\n\nEnd.");
    let ex = markdown_to_text("Setext Title\n===\n\nBody.");
    assert_eq!(
        (ex.title.as_deref(), ex.text.as_str()),
        (Some("Setext Title"), "Body.")
    );
    let ex = markdown_to_text("#hashtag is not a heading\r\n\r\ntext");
    assert_eq!(
        (ex.title, ex.text.as_str()),
        (None, "#hashtag is not a heading\n\ntext")
    );
}

#[test]
fn markdown_front_matter_edge_cases() {
    // Unclosed front matter is text.
    let ex = markdown_to_text("---\ntitle: x\nno end");
    assert_eq!(ex.title, None);
    assert!(ex.text.contains("title: x"));
    // Written dates, a URL under `source`, a title different from the heading.
    let ex = markdown_to_text(
        "---\ntitle: Front\nsource: https://example.com/s\npublished: August 18, 2020\n---\n# Heading\n\nBody",
    );
    assert_eq!(ex.title.as_deref(), Some("Front"));
    assert_eq!(ex.url.as_deref(), Some("https://example.com/s"));
    assert_eq!(ex.outlet, None);
    assert_eq!(ex.published, Date::new(2020, 8, 18));
    assert_eq!(ex.text, "Heading\n\nBody");
}

#[test]
fn markdown_inline_edge_cases() {
    for (md, text) in [
        ("a [link](http://x) b", "a link b"),
        ("[nested [brackets]](http://x)", "nested [brackets]"),
        ("[![badge](b.svg)](http://x) after", "after"),
        ("[not a link] and [x]", "[not a link] and [x]"),
        ("unclosed [bracket and (paren", "unclosed [bracket and (paren"),
        ("*unpaired and **bold**", "*unpaired and bold"),
        ("a*b*c and 5*3", "abc and 5*3"),
        (
            "``code with ` tick`` and `unclosed",
            "code with ` tick and `unclosed",
        ),
        ("~~~\nfence never closed\n*x*", "fence never closed\n*x*"),
        ("- \n-\n* * *\n---", ""),
        ("2020. A year\n\n12) twelve", "2020. A year\n\ntwelve"),
    ] {
        assert_eq!(markdown_to_text(md).text, text, "{md:?}");
    }
}
