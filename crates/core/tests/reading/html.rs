//! Reading HTML: the article without page furniture, and its metadata.

use super::*;

pub(crate) const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Protests continue - Example News</title>
<meta property="og:title" content="Protests continue in Minsk">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-08-23T10:00:00+03:00">
<meta property="og:url" content="https://example.com/og">
<link rel="canonical" href="https://example.com/news/1">
<style>body { color: red } p::before { content: "<p>" }</style>
<script>var x = "<p>not text</p>"; if (a < b) {}</script>
</head>
<body onload="alert(1)">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1 class="logo">Example News</h1></header>
<article>
  <h1>Protests continue in Minsk</h1>
  <p>Tens of thousands of people
     marched&nbsp;in Minsk on Sunday.</p>
  <p onclick="alert(1)">The opposition&rsquo;s leader said: &ldquo;We will not stop&rdquo; &mdash; and
  thanked <b>supporters</b>.<script>document.write("injected")</script></p>
  <img src=x onerror=alert(1)>
  <ul><li>First point<li>Second point</ul>
  <form><label>Subscribe</label><button>Go</button></form>
</article>
<aside><article><p>Related: Other story</p></article></aside>
<footer>© 2020 Example News</footer>
</body></html>"#;

#[test]
fn html_keeps_the_article_and_its_paragraphs() {
    let ex = html_to_text(PAGE);
    assert_eq!(
        ex.text,
        "Tens of thousands of people marched in Minsk on Sunday.\n\n\
         The opposition’s leader said: “We will not stop” — and thanked supporters.\n\n\
         First point\n\nSecond point"
    );
    assert_eq!(ex.title.as_deref(), Some("Protests continue in Minsk"));
    assert_eq!(ex.outlet.as_deref(), Some("Example News"));
    assert_eq!(ex.published, Date::new(2020, 8, 23));
    assert_eq!(ex.url.as_deref(), Some("https://example.com/news/1"));
}

#[test]
fn html_drops_scripts_styles_and_handlers() {
    let ex = html_to_text(
        r#"<p>Before</p><img src=x onerror=alert(1)><script>alert("x")</script><style>p{}</style>
        <noscript>Enable JS</noscript><template><p>later</p></template><svg><text>Chart</text></svg>
        <iframe src="x">frame</iframe><object>obj</object><p hidden>secret</p><div aria-hidden="true">icon</div>
        <div role="navigation">menu</div><p>After</p>"#,
    );
    assert_eq!(ex.text, "Before\n\nAfter");
    assert_eq!(html_to_text("<img src=x onerror=alert(1)>").text, "");
    assert_eq!(html_to_text("<SCRIPT>alert(1)</SCRIPT >Shown").text, "Shown");
    assert_eq!(html_to_text("text<script>never closed").text, "text");
}

#[test]
fn html_decodes_character_references() {
    let ex = html_to_text(
        "<p>&amp; &lt;tag&gt; &eacute; &#233; &#xE9; &#X1F600; &bogus; &#; &#x; &copy 2020 AT&T \
         &#150; &#0; &#xD800; &laquo;Да&raquo; &hellip; &nbsp;x&quot;&apos;&ndash;</p>",
    );
    assert_eq!(
        ex.text,
        "& <tag> é é é 😀 &bogus; &#; &#x; © 2020 AT&T – \u{FFFD} \u{FFFD} «Да» … x\"'–"
    );
}

#[test]
fn html_survives_malformed_markup() {
    for (html, text) in [
        ("a < b and c > d", "a < b and c > d"),
        ("1 <2 and x<y", "1 <2 and x<y"),
        (
            "<p>unclosed <b>bold <i>italic</p>text after<div",
            "unclosed bold italic\n\ntext after<div",
        ),
        (r#"<a href="x>Link</a> more"#, "Link more"),
        (
            "<!-- a comment --> visible <![CDATA[ hidden ]]> too",
            "visible too",
        ),
        ("before <!-- never closed <b>", "before"),
        ("<p>x</p></p></div></span>y", "x\n\ny"),
        ("<", "<"),
        ("</", "</"),
        ("<p", "<p"),
        ("<p title='a>b'>quoted</p>", "quoted"),
        ("<br/>line<br>two</br>three", "line\n\ntwo\n\nthree"),
        ("Кириллица <b>жирная</b>&nbsp;— ok", "Кириллица жирная — ok"),
        ("<é>x</é><p é=ü>y", "<é>x</é>\n\ny"),
    ] {
        assert_eq!(html_to_text(html).text, text, "{html:?}");
    }
    // A very deep tree neither overflows the stack nor loses the text.
    let deep = format!(
        "{}deep text{}",
        "<div><span>".repeat(50_000),
        "</span></div>".repeat(10)
    );
    assert_eq!(html_to_text(&deep).text, "deep text");
}

#[test]
fn html_tables_lists_and_blocks() {
    let ex = html_to_text(
        "<h2>Figures</h2><table><tr><td>Minsk</td><td>100</td></tr><tr><td>Brest</td><td>20</td></tr></table>\
         <blockquote>Quoted</blockquote><figure><img src=a><figcaption>Caption</figcaption></figure>\
         <section><p>One</p><p>Two</p></section><pre>  keep\n  lines  </pre>",
    );
    assert_eq!(
        ex.text,
        "Figures\n\nMinsk 100\n\nBrest 20\n\nQuoted\n\nCaption\n\nOne\n\nTwo\n\nkeep lines"
    );
}

#[test]
fn html_prefers_article_then_main_then_body() {
    // (html, title, text)
    for (html, title, text) in [
        (
            "<body><div>Site menu</div><main><p>Main text</p></main><footer>Footer</footer></body>",
            None,
            "Main text",
        ),
        (
            "<body><div>Intro</div><p>Body text</p><footer>Footer</footer></body>",
            None,
            "Intro\n\nBody text",
        ),
        // The longest article wins over teasers.
        (
            "<article><p>Short teaser</p></article><article><p>The real story, which is much longer \
             than the teaser.</p></article>",
            None,
            "The real story, which is much longer than the teaser.",
        ),
        // A fragment without body: head content is not text.
        (
            "<title>Page</title><p>Fragment text</p>",
            Some("Page"),
            "Fragment text",
        ),
        // An unclosed head ends at the first body content.
        ("<html><head><title>T</title><p>Visible", Some("T"), "Visible"),
    ] {
        let ex = html_to_text(html);
        assert_eq!((ex.title.as_deref(), ex.text.as_str()), (title, text), "{html:?}");
    }
}

#[test]
fn html_title_sources_and_no_repeated_heading() {
    // (html, title, text)
    for (html, title, text) in [
        // From the article's h1, which then leaves the text (also one in the article's header).
        (
            "<header><h1>Site</h1></header><article><header><h1>The Headline</h1></header><p>Body.</p></article>",
            "The Headline",
            "Body.",
        ),
        (
            "<article><h1>The <em>Headline</em></h1><p>Body.</p></article>",
            "The Headline",
            "Body.",
        ),
        // og:title that reads like the h1 also removes it; a different og:title does not.
        (
            r#"<meta property="og:title" content="the headline!"><article><h1>The Headline</h1><p>Body.</p></article>"#,
            "the headline!",
            "Body.",
        ),
        (
            r#"<meta property="og:title" content="Other"><article><h1>The Headline</h1><p>Body.</p></article>"#,
            "Other",
            "The Headline\n\nBody.",
        ),
        // Else <title>; the site logo in a page header is not the title.
        (
            "<head><title> Page   title </title></head><body><header><h1>Logo</h1></header><p>Body.</p></body>",
            "Page title",
            "Body.",
        ),
    ] {
        let ex = html_to_text(html);
        assert_eq!(
            (ex.title.as_deref(), ex.text.as_str()),
            (Some(title), text),
            "{html:?}"
        );
    }
}

#[test]
fn html_metadata_alternatives() {
    let ex = html_to_text(
        r#"<meta name="publisher" content="Daily Paper"><meta name="date" content="2021-03-04">
        <meta property="og:url" content="http://example.org/a"><p>x</p>"#,
    );
    assert_eq!(ex.outlet.as_deref(), Some("Daily Paper"));
    assert_eq!(ex.published, Date::new(2021, 3, 4));
    assert_eq!(ex.url.as_deref(), Some("http://example.org/a"));
    let ex = html_to_text(
        r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://x">
        <meta property="article:published_time" content="soon"><article><p>Text <time datetime="2020-09-01T12:00">Sept 1</time></p></article>"#,
    );
    assert_eq!(ex.url, None);
    assert_eq!(ex.published, Date::new(2020, 9, 1));
    assert_eq!(ex.text, "Text Sept 1");
    let ex = html_to_text(r#"<meta name="application-name" content="NewsApp"><p>x</p>"#);
    assert_eq!(ex.outlet.as_deref(), Some("NewsApp"));
    let ex = html_to_text("<p>x</p>");
    assert_eq!(
        (ex.title, ex.outlet, ex.published, ex.url),
        (None, None, None, None)
    );
}
