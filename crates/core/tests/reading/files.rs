//! Files, names and fingerprints.

use super::*;
use crate::html::PAGE;
use crate::markdown::MARKDOWN;

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
        // Cut at 120 characters, then trimmed: a name read again stays the same name.
        (
            &format!("{}. b.md", "a".repeat(119)),
            &format!("{}.txt", "a".repeat(119)),
        ),
    ] {
        assert_eq!(name(given), sanitised, "{given:?}");
        assert_eq!(name(&name(given)), sanitised, "{given:?} read twice");
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
