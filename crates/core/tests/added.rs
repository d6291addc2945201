//! Articles added in the browser: decoding, HTML and Markdown extraction, names, fingerprints,
//! export and import.

use std::collections::HashSet;

use parallax_core::reading::{
    decode, export, fingerprint, html_to_text, import, markdown_to_text, pasted, read_file, unique_name,
    AddedArticle, Encoding, Rejection, MAX_FILE_BYTES,
};
use parallax_core::Date;

// ---- helpers -----------------------------------------------------------------------------------

/// Encodes text as Windows-1251, independently of the crate's tables (Russian and Belarusian
/// letters and the punctuation used in the tests).
fn cp1251(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if c.is_ascii() => c as u8,
            'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            'І' => 0xB2,
            'і' => 0xB3,
            'Ў' => 0xA1,
            'ў' => 0xA2,
            '«' => 0xAB,
            '»' => 0xBB,
            '–' => 0x96,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            '№' => 0xB9,
            other => panic!("no cp1251 byte for {other:?}"),
        })
        .collect()
}

/// Encodes text as Windows-1252 (Latin-1 letters and the punctuation used in the tests).
fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
            '€' => 0x80,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            'œ' => 0x9C,
            other => panic!("no cp1252 byte for {other:?}"),
        })
        .collect()
}

fn utf16(s: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// A deterministic pseudo-random generator (64-bit LCG, Knuth's constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const RUSSIAN: &str = "Президент Белоруссии Александр Лукашенко заявил в среду, что оппозиция «не получит \
     власть», сообщает агентство БелТА. Протесты в Минске продолжаются уже третью неделю, \
     задержаны десятки человек.";
const BELARUSIAN: &str = "Прэзідэнт заявіў, што ўлада не будзе размаўляць з апазіцыяй.";
const FRENCH: &str = "Le président biélorusse a déclaré mercredi que l’opposition « n’obtiendra pas le \
     pouvoir », selon l’agence d’État. Les manifestations à Minsk se poursuivent depuis trois semaines.";
const SPANISH: &str = "El presidente bielorruso dijo el miércoles que la oposición «no obtendrá el poder». \
     ¿Qué pasará después? Las protestas continúan en Minsk.";
const GERMAN: &str = "Der belarussische Präsident erklärte am Mittwoch, die Opposition werde „die Macht \
     nicht übernehmen“. Die Proteste in Minsk dauern seit drei Wochen an; größere Kundgebungen sind geplant.";
const ENGLISH: &str = "The opposition said the “peaceful march” past the café would go ahead on Sunday, \
     despite warnings from the police.";

// ---- decoding ----------------------------------------------------------------------------------

#[test]
fn labels_name_every_encoding() {
    for (encoding, label) in [
        (Encoding::Utf8, "UTF-8"),
        (Encoding::Utf16Le, "UTF-16LE"),
        (Encoding::Utf16Be, "UTF-16BE"),
        (Encoding::Windows1251, "Windows-1251 (Cyrillic)"),
        (Encoding::Windows1252, "Windows-1252 (Latin-1)"),
    ] {
        assert_eq!(encoding.label(), label, "{encoding:?}");
    }
}

#[test]
fn utf8_is_taken_as_is_and_its_bom_stripped() {
    let d = decode("Минск, café".as_bytes(), None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding, d.guessed),
        ("Минск, café", Encoding::Utf8, false)
    );
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("Минск".as_bytes());
    let d = decode(&bytes, None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding, d.guessed),
        ("Минск", Encoding::Utf8, false)
    );
}

#[test]
fn utf16_with_and_without_bom() {
    let text = "Лукашенко said “no”.\r\n";
    for (little, encoding) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
        let d = decode(&utf16(text, little, true), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.guessed), (text, encoding, false));
    }
    // Without a mark, Latin text in UTF-16 is recognised by where its zero bytes fall.
    let plain = "Protests continue in Minsk.\n";
    let d = decode(&utf16(plain, true, false), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (plain, Encoding::Utf16Le));
    let d = decode(&utf16(plain, false, false), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (plain, Encoding::Utf16Be));
}

#[test]
fn single_byte_tables_decode_known_strings() {
    let luka = [0xCB, 0xF3, 0xEA, 0xE0, 0xF8, 0xE5, 0xED, 0xEA, 0xEE];
    let d = decode(&luka, Some(Encoding::Windows1251)).unwrap();
    assert_eq!(d.text, "Лукашенко");
    assert_eq!(cp1251("Лукашенко"), luka);
    let d = decode(&[0x63, 0x61, 0x66, 0xE9], Some(Encoding::Windows1252)).unwrap();
    assert_eq!(d.text, "café");
    let d = decode(
        &[0x93, b'h', b'i', 0x94, b' ', 0x80, 0x96],
        Some(Encoding::Windows1252),
    )
    .unwrap();
    assert_eq!(d.text, "“hi” €–");
    let d = decode(
        &[b'a', 0x81, b'b', 0x8D, 0x8F, 0x90, 0x9D],
        Some(Encoding::Windows1252),
    );
    // Undefined bytes map to C1 controls; that many of them is binary.
    assert_eq!(d, Err(Rejection::Binary));
    let d = decode(
        b"Long enough plain text\x81 with one undefined byte.",
        Some(Encoding::Windows1252),
    )
    .unwrap();
    assert!(d.text.contains('\u{81}'));
    let d = decode(&cp1251("Ёж і ўсё № 5"), Some(Encoding::Windows1251)).unwrap();
    assert_eq!(d.text, "Ёж і ўсё № 5");
    let d = decode(
        &[
            b'x', 0x98, b'y', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z', b'z',
            b'z', b'z', b'z', b'z', b'z', b'z',
        ],
        Some(Encoding::Windows1251),
    )
    .unwrap();
    assert!(d.text.starts_with("x\u{98}y"));
}

#[test]
fn guesses_cyrillic_for_russian_and_belarusian() {
    for text in [RUSSIAN, BELARUSIAN, "Лукашенко", "в Минске"] {
        let d = decode(&cp1251(text), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            (text, Encoding::Windows1251, true),
            "{text}"
        );
    }
}

#[test]
fn guesses_latin_for_western_languages() {
    for text in [FRENCH, SPANISH, GERMAN, ENGLISH, "café", "naïve résumé"] {
        let d = decode(&cp1252(text), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            (text, Encoding::Windows1252, true),
            "{text}"
        );
    }
}

#[test]
fn guesses_by_the_words_in_a_mixed_text() {
    // An English article quoting a Russian name: the Cyrillic words decide.
    let text = "Belarusian leader Лукашенко said the protests were «организованы извне».";
    let d = decode(&cp1251(text), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Windows1251));
}

#[test]
fn forced_encoding_overrides_the_guess() {
    let d = decode(&cp1251(RUSSIAN), Some(Encoding::Windows1252)).unwrap();
    assert_eq!((d.encoding, d.guessed), (Encoding::Windows1252, false));
    assert!(d.text.contains("Ëóêàøåíêî"), "{}", d.text);
    let d = decode(&cp1252(FRENCH), Some(Encoding::Windows1251)).unwrap();
    assert!(d.text.contains("prйsident"));
    // Forcing UTF-8 on a UTF-8 file with a BOM strips the BOM; forcing on bad bytes replaces them.
    let d = decode(&[0xEF, 0xBB, 0xBF, b'o', b'k'], Some(Encoding::Utf8)).unwrap();
    assert_eq!(d.text, "ok");
    let d = decode(&cp1252("café au lait"), Some(Encoding::Utf8)).unwrap();
    assert_eq!(d.text, "caf\u{FFFD} au lait");
    let d = decode(&utf16("hello", false, true), Some(Encoding::Utf16Be)).unwrap();
    assert_eq!(d.text, "hello");
}

#[test]
fn rejects_empty_and_blank_files() {
    for bytes in [
        b"".to_vec(),
        b"  \n\t\r\n ".to_vec(),
        vec![0xEF, 0xBB, 0xBF],
        utf16("  \n", true, true),
        vec![0xA0, 0xA0],
    ] {
        assert_eq!(decode(&bytes, None), Err(Rejection::Empty), "{bytes:?}");
    }
}

#[test]
fn rejects_binary_files() {
    for bytes in [
        &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"[..],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"PK\x03\x04\x14\0\x06\0",
        b"GIF89a\x01\0\x01\0",
        b"\xFF\xD8\xFF\xE0\0\x10JFIF",
        b"text with a \0 NUL",
        b"\x01\x02\x03\x04 control soup \x05\x06\x07\x08",
    ] {
        assert_eq!(
            decode(bytes, None),
            Err(Rejection::Binary),
            "{}",
            bytes.escape_ascii()
        );
    }
    let mut rng = Lcg(7);
    for _ in 0..50 {
        let mut bytes: Vec<u8> = (0..200).map(|_| rng.next() as u8).collect();
        bytes[17] = 0;
        bytes[18] = 0;
        assert_eq!(decode(&bytes, None), Err(Rejection::Binary));
    }
    // A forced encoding still refuses binary data.
    assert_eq!(
        decode(b"a\0b", Some(Encoding::Windows1252)),
        Err(Rejection::Binary)
    );
}

#[test]
fn rejects_files_over_the_limit() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let r = decode(&big, None);
    assert_eq!(
        r,
        Err(Rejection::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
    let message = r.unwrap_err().to_string();
    assert!(
        message.contains("10.1 MB") && message.contains("10 MB") && message.contains("Split"),
        "{message}"
    );
    assert!(decode(&big[..MAX_FILE_BYTES], None).is_ok());
}

#[test]
fn rejection_messages_name_no_internals() {
    for r in [
        Rejection::Empty,
        Rejection::Binary,
        Rejection::NoText,
        Rejection::TooLarge {
            bytes: 20 << 20,
            limit: MAX_FILE_BYTES,
        },
    ] {
        let m = r.to_string();
        assert!(m.ends_with('.') && m.len() > 20, "{m}");
        for word in ["Rejection", "UTF", "NUL", "bytes", "Err", "{"] {
            assert!(!m.contains(word), "{m}");
        }
    }
}

// ---- HTML --------------------------------------------------------------------------------------

const PAGE: &str = r#"<!DOCTYPE html>
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

// ---- Markdown ----------------------------------------------------------------------------------

const MARKDOWN: &str = "---
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

// ---- files, names, fingerprints ------------------------------------------------------------------

#[test]
fn read_file_by_kind() {
    let html = read_file("story.html", PAGE.as_bytes(), None).unwrap();
    assert_eq!(html.article.name, "story.txt");
    assert_eq!(html.article.title.as_deref(), Some("Protests continue in Minsk"));
    assert!(html.article.text.starts_with("Tens of thousands"));
    assert_eq!((html.encoding, html.guessed), (Encoding::Utf8, false));

    let md = read_file("notes.MD", MARKDOWN.as_bytes(), None).unwrap();
    assert_eq!(md.article.name, "notes.txt");
    assert_eq!(md.article.outlet.as_deref(), Some("Example News"));

    // Sniffed: a .txt that is really a web page.
    let sniffed = read_file("saved.txt", b"  <!doctype HTML><p>Hello &amp; bye</p>", None).unwrap();
    assert_eq!(sniffed.article.text, "Hello & bye");
    let sniffed = read_file("saved", b"<html><body>Hi</body></html>", None).unwrap();
    assert_eq!(sniffed.article.text, "Hi");
    let not_html = read_file("a.txt", b"<htmlish> is plain", None).unwrap();
    assert_eq!(not_html.article.text, "<htmlish> is plain");

    // Plain text: line breaks unified, controls removed, trimmed.
    let plain = read_file("a.txt", b"\r\n Title\r\n\r\nBody\rmore\x0cend\x1a\t.  \n", None).unwrap();
    assert_eq!(plain.article.text, "Title\n\nBody\nmore\nend\t.");
    assert_eq!(plain.article.title, None);

    // Cyrillic in Windows-1251, guessed.
    let ru = read_file("ru.txt", &cp1251(RUSSIAN), None).unwrap();
    assert_eq!(
        (ru.article.text.as_str(), ru.encoding, ru.guessed),
        (RUSSIAN, Encoding::Windows1251, true)
    );

    assert_eq!(
        read_file("empty.html", b"<script>x()</script><nav>Menu</nav>", None),
        Err(Rejection::NoText)
    );
    assert_eq!(
        read_file("front.md", b"---\ntitle: x\n---\n", None),
        Err(Rejection::NoText)
    );
    assert_eq!(
        read_file("a.txt", b"\x01\x02\x03 abc", None).map(|_| ()),
        Err(Rejection::Binary)
    );
    assert_eq!(
        read_file("doc.pdf", b"%PDF-1.4", None).map(|_| ()),
        Err(Rejection::Binary)
    );
}

#[test]
fn file_names_are_sanitised() {
    let name = |n: &str| read_file(n, b"text", None).unwrap().article.name;
    for (given, sanitised) in [
        ("C:\\Users\\me\\Desktop\\Минск 2020.HTM", "Минск 2020.txt"),
        ("../../etc/passwd", "passwd.txt"),
        ("", "article.txt"),
        (".txt", ".txt.txt"),
        ("dir/", "article.txt"),
        ("a\u{0}b\nc.txt", "abc.txt"),
        ("Minsk, 12.08", "Minsk, 12.08.txt"),
        ("Mr. Smith goes", "Mr. Smith goes.txt"),
        ("archive.tar.gz", "archive.tar.txt"),
    ] {
        assert_eq!(name(given), sanitised, "{given:?}");
    }
    assert_eq!(name(&"ж".repeat(300)).chars().count(), 124);
}

#[test]
fn pasted_text() {
    let a = pasted("My article", "  \r\nFirst line\r\nSecond  ").unwrap();
    assert_eq!(
        (a.name.as_str(), a.text.as_str()),
        ("My article.txt", "First line\nSecond")
    );
    assert_eq!(a.title, None);
    assert_eq!(pasted("x", " \n\t "), Err(Rejection::Empty));
    assert_eq!(pasted("x", "\u{0}\u{1}"), Err(Rejection::Empty));
    let big = "a".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(pasted("x", &big), Err(Rejection::TooLarge { .. })));
}

#[test]
fn unique_names() {
    let taken: HashSet<String> = ["x.txt", "x (2).txt", "report.txt"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let is_taken = |n: &str| taken.contains(&n.to_lowercase());
    assert_eq!(unique_name("new.txt", &is_taken), "new.txt");
    assert_eq!(unique_name("X.txt", &is_taken), "X (3).txt");
    assert_eq!(unique_name("Report.txt", &is_taken), "Report (2).txt");
    assert_eq!(unique_name("x", &|n: &str| n == "x"), "x (2)");
    // Never loops forever.
    assert_eq!(unique_name("a.txt", &|_: &str| true), "a (100000).txt");
}

#[test]
fn fingerprints_ignore_layout_and_quotes() {
    let a = "He said: \"We will not stop.\"\nThe march went on.";
    let b = "He said: “We will NOT stop.”   The march\r\n\r\nwent on!";
    assert_eq!(fingerprint(a), fingerprint(b));
    assert_ne!(
        fingerprint(a),
        fingerprint("He said: We will stop. The march went on.")
    );
    assert_ne!(fingerprint("ab c"), fingerprint("a bc"));
    assert_eq!(fingerprint("Лукашенко заявил"), fingerprint("ЛУКАШЕНКО  заявил."));
    // FNV-1a offset basis for no words; fixed values for known input.
    assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fingerprint(" ,. "), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fingerprint("a"), fingerprint("A."));
}

// ---- export and import -------------------------------------------------------------------------

fn article(name: &str, text: &str) -> AddedArticle {
    AddedArticle {
        name: name.to_string(),
        text: text.to_string(),
        title: None,
        outlet: None,
        published: None,
        url: None,
    }
}

#[test]
fn export_import_round_trip() {
    let articles = vec![
        AddedArticle {
            title: Some("Protests continue".into()),
            outlet: Some("Example News".into()),
            published: Date::new(2020, 8, 23),
            url: Some("https://example.com/1".into()),
            ..article("one.txt", "Tens of thousands marched.\n\n“Quoted.”")
        },
        article("two.txt", "Only text."),
    ];
    let json = export(&articles);
    assert!(json.contains("\"parallax\": \"added-articles\""), "{json}");
    assert!(json.contains("\"version\": 1"));
    assert!(json.contains("\"published\": \"2020-08-23\""));
    assert_eq!(json.matches("\"title\"").count(), 1, "absent fields are left out");
    let imported = import(&json).unwrap();
    assert_eq!(imported.articles, articles);
    assert!(imported.rejected.is_empty());
    // serde round trip of the struct itself, too.
    let one: AddedArticle = serde_json::from_str(&serde_json::to_string(&articles[0]).unwrap()).unwrap();
    assert_eq!(one, articles[0]);
    assert!(
        serde_json::from_str::<AddedArticle>(r#"{"name":"a","text":"b","published":"2020-1-1"}"#).is_err()
    );
    // Empty export.
    assert_eq!(import(&export(&[])).unwrap(), Default::default());
}

#[test]
fn import_rejects_files_that_are_not_exports() {
    for bad in [
        "not json at all",
        "",
        "[1, 2]",
        r#"{"parallax": "something-else", "version": 1, "articles": []}"#,
        r#"{"version": 1, "articles": []}"#,
        r#"{"parallax": "added-articles", "articles": []}"#,
        r#"{"parallax": "added-articles", "version": "1", "articles": []}"#,
        r#"{"parallax": "added-articles", "version": 0, "articles": []}"#,
        r#"{"parallax": "added-articles", "version": 1}"#,
        r#"{"parallax": "added-articles", "version": 1, "articles": {}}"#,
    ] {
        let err = import(bad).unwrap_err();
        assert!(err.contains("not a Parallax export"), "{bad}: {err}");
    }
    let newer = import(r#"{"parallax": "added-articles", "version": 2, "articles": []}"#).unwrap_err();
    assert!(newer.contains("newer version"), "{newer}");
}

#[test]
fn import_checks_each_entry() {
    let json = r#"{"parallax": "added-articles", "version": 1, "articles": [
        {"name": "good.txt", "text": "Fine.", "published": "2020-08-23", "url": "https://x.org/a"},
        5,
        {"name": "  ", "text": "x"},
        {"name": "a.txt", "text": "   "},
        {"name": "b.txt", "text": "t", "published": "2020-13-01"},
        {"name": "c.txt", "text": "t", "url": "javascript:alert(1)"},
        {"name": "../../d.md", "text": "ok", "title": null, "outlet": "", "extra": [1]},
        {"name": "e.txt", "text": "t", "title": 5},
        {"text": "no name"},
        {"name": "f.txt", "text": "a\u0000b"},
        {"name": "g.txt", "text": ["not", "text"]},
        {"name": 7, "text": "t"}
    ]}"#;
    let imported = import(json).unwrap();
    let names: Vec<&str> = imported.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["good.txt", "d.txt"]);
    assert_eq!(imported.articles[0].published, Date::new(2020, 8, 23));
    assert_eq!(imported.articles[1].outlet, None);
    let numbers: Vec<usize> = imported.rejected.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    let why = |n: usize| imported.rejected.iter().find(|(m, _)| *m == n).unwrap().1.clone();
    for (entry, reason) in [
        (2, "not an article"),
        (3, "no name"),
        (4, "empty"),
        (5, "2020-13-01"),
        (6, "http"),
        (8, "title"),
        (10, "binary"),
    ] {
        assert!(why(entry).contains(reason), "entry {entry}: {}", why(entry));
    }
    for (_, message) in &imported.rejected {
        assert!(
            !message.contains("serde") && !message.contains("Value"),
            "{message}"
        );
    }
}

// ---- never panics ------------------------------------------------------------------------------

#[test]
fn random_input_never_panics() {
    const PIECES: [&[u8]; 32] = [
        b"<",
        b">",
        b"</",
        b"/>",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"]]>",
        b"&",
        b"&#",
        b"&#x",
        b";",
        b"\"",
        b"'",
        b"=",
        b"[",
        b"]",
        b"(",
        b")",
        b"*",
        b"_",
        b"`",
        b"```",
        b"\n",
        b"---\n",
        b"# ",
        b"<p>",
        b"<script>",
        b"<article>",
        b"<h1>",
        b"\xD0\x96",
        b"\xE9",
    ];
    const WORDS: [&[u8]; 6] = [b"a", b"Minsk ", b"title", b"meta", b"\0", b"\xC0\xFF\x80"];
    let mut rng = Lcg(0x5eed);
    for round in 0..400 {
        let mut bytes = Vec::new();
        let len = rng.below(120);
        for _ in 0..len {
            match rng.below(4) {
                0 => bytes.push(rng.next() as u8),
                1 => bytes.extend_from_slice(WORDS[rng.below(WORDS.len())]),
                _ => bytes.extend_from_slice(PIECES[rng.below(PIECES.len())]),
            }
        }
        let forced = [None, Some(Encoding::Utf16Le), Some(Encoding::Windows1251)][round % 3];
        let _ = decode(&bytes, forced);
        let _ = decode(&bytes, None);
        let text = String::from_utf8_lossy(&bytes);
        let html = html_to_text(&text);
        assert!(!html.text.starts_with(char::is_whitespace) && !html.text.ends_with(char::is_whitespace));
        let _ = markdown_to_text(&text);
        for name in ["x.html", "x.md", "x.txt", "\u{0}/.."] {
            let _ = read_file(name, &bytes, None);
        }
        let _ = pasted(&text, &text);
        let _ = import(&text);
        let _ = fingerprint(&text);
    }
}

/// CPU time this thread has used: unlike the time on the clock, it does not count the time
/// the thread waits while other programs (or other tests) run, which on a busy machine is
/// most of it.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_time() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `t` is a `struct timespec` (64-bit Linux) that the call only writes.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    std::time::Duration::new(t.seconds as u64, t.nanoseconds as u32)
}

/// Elsewhere, the time on the clock (since the first call).
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_time() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

#[test]
fn pathological_input_stays_linear() {
    use std::hint::black_box;
    use std::time::Duration;

    // Each input is timed at `N` and `4 * N` bytes: linear work takes about 4 times as long at
    // the larger size, quadratic work 16 times (at these sizes, far more than any fixed cost).
    // Timed in this thread's CPU time, the two sizes taking turns and the fastest of 3 runs of
    // each counting, so that a busy machine slows both alike; a case over the bound is timed
    // again, a few times, in case something else got in the way (quadratic work is over it
    // every time).
    const N: usize = 16_000;
    const RUNS: usize = 3;
    const ATTEMPTS: usize = 3;
    const MAX_RATIO: f64 = 10.0;
    // (prefix, unit repeated to the size)
    let inputs = [
        ("", "["),
        ("", "[a]("),
        ("", "`` ` "),
        ("", "*a _b "),
        ("", "<a "),
        ("", "<p>"),
        ("", "&#"),
        ("", "</script"),
        ("<script>", "</scrip "),
    ];
    type Parse = fn(&str);
    let parsers: [(&str, Parse); 2] = [
        ("markdown_to_text", |s| {
            drop(black_box(markdown_to_text(black_box(s))))
        }),
        ("html_to_text", |s| drop(black_box(html_to_text(black_box(s))))),
    ];
    let mut failures = Vec::new();
    for (prefix, unit) in inputs {
        let sized = |n: usize| format!("{prefix}{}", unit.repeat(n / unit.len()));
        let sizes = [sized(N), sized(4 * N)];
        for (name, parse) in parsers {
            let case = format!("{name}({:?})", format!("{prefix}{unit}{unit}…"));
            let mut ratios = Vec::new();
            let mut linear = false;
            for attempt in 1..=ATTEMPTS {
                let mut fastest = [Duration::MAX; 2];
                for _ in 0..RUNS {
                    for (input, best) in sizes.iter().zip(&mut fastest) {
                        let start = thread_time();
                        parse(input);
                        *best = (*best).min(thread_time() - start);
                    }
                }
                let ratio = fastest[1].as_secs_f64() / fastest[0].as_secs_f64().max(1e-6);
                println!(
                    "{case}: {:?} at n = {N} bytes, {:?} at 4n, ratio {ratio:.2} (attempt {attempt})",
                    fastest[0], fastest[1]
                );
                ratios.push(format!("{ratio:.1}"));
                if ratio < MAX_RATIO {
                    linear = true;
                    break;
                }
            }
            if !linear {
                failures.push(format!("{case}: t(4n)/t(n) = {}", ratios.join(", ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "superlinear (t(4n)/t(n) >= {MAX_RATIO} in each of {ATTEMPTS} attempts):\n{}",
        failures.join("\n")
    );
}
