//! What Parallax's fuzz targets check. Each function takes any bytes, feeds them to one parser of
//! outside input and panics when the parser breaks one of its promises: a panic, or an output
//! that breaks an invariant (a span outside its text or off a character boundary, a query that
//! does not read back the same, an export that does not import back the same).
//!
//! The functions are shared by three runners: the coverage-guided targets in `fuzz/` (cargo
//! fuzz, libFuzzer), the regression test over `regressions/` and the seed inputs
//! (`tests/replay.rs`), and the `replay` binary, which times every input of a corpus and names
//! the slowest (a finding when it takes over 100 times the median, per byte).

use parallax_core::corpus::{decode_bundle, encode_bundle, seal, unseal};
use parallax_core::model::{Document, Span};
use parallax_core::reading::{self, Encoding};
use parallax_core::search::query::{parse_query, ParseOptions};

/// A target: any bytes in, a panic when a promise is broken.
pub type Target = fn(&[u8]);

/// Every target, by name, as the runners call them.
pub const TARGETS: [(&str, Target); 9] = [
    ("ingest", ingest),
    ("read", read),
    ("decode", decode),
    ("html", html),
    ("markdown", markdown),
    ("query", query),
    ("metadata", metadata),
    ("import", import),
    ("bundle", bundle),
];

/// The folders (from the repository's root) whose files seed the target called `name`: its own
/// `crates/fuzz/seeds/NAME/` and `regressions/NAME/`, the bundled corpus and the hostile fixture
/// for the targets that read article files, the golden bundle for the bundle decoder.
pub fn seed_dirs(name: &str) -> Vec<String> {
    let mut dirs = vec![
        format!("crates/fuzz/seeds/{name}"),
        format!("crates/fuzz/regressions/{name}"),
    ];
    match name {
        "ingest" | "read" | "decode" | "html" | "markdown" => {
            dirs.extend(["seeds".to_string(), "tests/fixtures/hostile".to_string()])
        }
        "metadata" => dirs.push("seeds".to_string()),
        "bundle" => dirs.push("crates/core/tests/fixtures".to_string()),
        _ => {}
    }
    dirs
}

/// The target called `name`.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

/// Ingestion of an article's bytes (the build's `.txt` files): any bytes give a document whose
/// spans all fit its text; the same bytes give the same document.
pub fn ingest(data: &[u8]) {
    let doc = parallax_core::ingest("fuzz.txt", data);
    check_document(&doc);
    assert_eq!(
        doc,
        parallax_core::ingest("fuzz.txt", data),
        "ingestion is not deterministic"
    );
}

/// A file a reader adds: the first byte picks its name (plain, HTML, Markdown, no extension),
/// the rest are its bytes. An accepted file gives a named article with text, which ingests.
pub fn read(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["a.txt", "b.html", "c.md", "noname", "../d e.HTM"][pick as usize % 5];
    if let Ok(read) = reading::read_file(name, bytes, None) {
        let a = &read.article;
        assert!(
            a.name.ends_with(".txt") && !a.name.contains('/'),
            "bad article name {:?}",
            a.name
        );
        assert!(
            !a.text.trim().is_empty() && !a.text.contains('\0'),
            "empty or binary text accepted"
        );
        check_extracted_fields(&a.title, &a.outlet, &a.url);
        check_document(&parallax_core::ingest(&a.name, a.text.as_bytes()));
    }
}

/// Decoding: text survives being written as UTF-16 (either order) or UTF-8 with a byte-order
/// mark and decoded back; every forced encoding decodes any bytes without panicking.
pub fn decode(data: &[u8]) {
    for forced in [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1251,
        Encoding::Windows1252,
    ] {
        let _ = reading::decode(data, Some(forced));
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let utf16 = |le: bool| {
        let mut out: Vec<u8> = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            out.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    };
    let utf8_bom = [&[0xEF, 0xBB, 0xBF][..], data].concat();
    for bytes in [utf16(true), utf16(false), utf8_bom] {
        if let Ok(decoded) = reading::decode(&bytes, None) {
            assert_eq!(decoded.text, text, "text changed by a UTF-16 or BOM round trip");
        }
    }
}

/// The HTML reader.
pub fn html(data: &[u8]) {
    let extracted = reading::html_to_text(&String::from_utf8_lossy(data));
    check_extracted_fields(&extracted.title, &extracted.outlet, &extracted.url);
}

/// The Markdown reader.
pub fn markdown(data: &[u8]) {
    let extracted = reading::markdown_to_text(&String::from_utf8_lossy(data));
    check_extracted_fields(&extracted.title, &extracted.outlet, &extracted.url);
}

/// The query language: a parsed query, written back, parses to the same query.
pub fn query(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    for as_you_type in [false, true] {
        let q = parse_query(&input, ParseOptions { as_you_type });
        let written = q.to_string();
        let mut again = parse_query(&written, ParseOptions::default());
        again.messages.clone_from(&q.messages);
        assert_eq!(
            again, q,
            "{input:?} parses to {q:?}, written {written:?}, which parses differently"
        );
    }
}

/// `corpus.toml`: an error names a line and column inside the file.
pub fn metadata(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    if let Err(e) = parallax_core::parse_metadata(&source) {
        let lines = source.split('\n').count();
        assert!(
            e.line >= 1 && e.line <= lines.max(1),
            "error line {} of {lines}",
            e.line
        );
        assert!(e.column >= 1, "error column {}", e.column);
    }
}

/// The export file: what is imported, exported again, imports the same.
pub fn import(data: &[u8]) {
    let Ok(imported) = reading::import(&String::from_utf8_lossy(data)) else {
        return;
    };
    for a in &imported.articles {
        assert!(a.name.ends_with(".txt") && !a.text.is_empty() && !a.text.contains('\0'));
        check_extracted_fields(&a.title, &a.outlet, &a.url);
    }
    let again = reading::import(&reading::export(&imported.articles)).expect("an export reads back");
    assert_eq!(
        again.articles, imported.articles,
        "export and import changed the articles"
    );
    assert!(again.rejected.is_empty());
}

/// The bundle decoder: damaged bytes are an error, never a panic. The bytes are also sealed as a
/// payload (or, when they are a bundle, their own payload is), so the decoder behind the
/// checksum sees them too: what decodes encodes, decodes and encodes to the same bytes.
pub fn bundle(data: &[u8]) {
    if let Ok(corpus) = decode_bundle(data) {
        for article in &corpus.articles {
            check_document(&article.document);
        }
    }
    let payload = unseal(data).unwrap_or(data);
    if let Ok(corpus) = decode_bundle(&seal(payload)) {
        // Compared as bytes: a decoded number may be NaN, which equals nothing.
        let bytes = encode_bundle(&corpus);
        let again = decode_bundle(&bytes).expect("an encoded corpus decodes");
        assert!(
            encode_bundle(&again) == bytes,
            "encoding, decoding and encoding again changed the bundle"
        );
    }
}

/// A title, outlet or address taken from a file: trimmed, one space between words, never empty;
/// addresses are `http` or `https`.
fn check_extracted_fields(title: &Option<String>, outlet: &Option<String>, url: &Option<String>) {
    for field in [title, outlet].into_iter().flatten() {
        assert!(
            !field.is_empty() && field.trim() == field && !field.contains("  "),
            "field not cleaned: {field:?}"
        );
    }
    if let Some(url) = url {
        assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "address kept: {url:?}"
        );
    }
}

/// Every span of `doc` lies inside its text, on character boundaries; sentences lie inside
/// their paragraph.
pub fn check_document(doc: &Document) {
    let text = &doc.text;
    let check = |what: &str, s: &Span| {
        let (start, end) = (s.start as usize, s.end as usize);
        assert!(
            start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what} span {start}..{end} does not fit a text of {} bytes",
            text.len()
        );
    };
    doc.title.iter().for_each(|s| check("title", s));
    doc.section.iter().for_each(|s| check("section", s));
    if let Some(d) = &doc.dateline {
        check("dateline", &d.span);
        check("dateline place", &d.place);
        d.outlets.iter().for_each(|s| check("dateline outlets", s));
    }
    for c in &doc.credits {
        check("credit", &c.credit);
        c.caption.iter().for_each(|s| check("caption", s));
    }
    for p in &doc.paragraphs {
        check("paragraph", &p.span);
        for s in &p.sentences {
            check("sentence", s);
            assert!(
                p.span.start <= s.start && s.end <= p.span.end,
                "sentence {s:?} outside its paragraph {:?}",
                p.span
            );
        }
    }
    doc.debris.iter().for_each(|s| check("debris", s));
    doc.diagnostics
        .iter()
        .filter_map(|d| d.span.as_ref())
        .for_each(|s| check("diagnostic", s));
}
