//! Ingestion: structure recovered from messy article text, one behaviour per test.
//! Runs natively and, with the same assertions, as wasm (the test command does both).

use parallax_core::{ingest, Document, Level};

fn doc(text: &str) -> Document {
    ingest("t.txt", text.as_bytes())
}

fn paragraphs(d: &Document) -> Vec<&str> {
    d.paragraphs.iter().map(|p| p.span.of(&d.text)).collect()
}

fn sentences(text: &str) -> Vec<String> {
    let d = doc(text);
    d.paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.of(&d.text).to_string()))
        .collect()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn date_marker_then_headline_on_the_same_line() {
    let d = doc(" date 2020-09-19 Third countries should refrain\n\nMOSCOW (UrduPoint News / Sputnik - 19th September, 2020) Third countries should refrain.\n");
    assert_eq!(d.marker_date.unwrap().to_string(), "2020-09-19");
    assert_eq!(d.title_text(), Some("Third countries should refrain"));
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!(dl.place.of(&d.text), "MOSCOW");
    assert_eq!(d.outlet_in_text(), Some("UrduPoint News / Sputnik"));
    assert_eq!(dl.date.unwrap().to_string(), "2020-09-19");
    assert_eq!(paragraphs(&d), ["Third countries should refrain."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn date_marker_then_dateline_means_no_headline() {
    let d = doc(" date 2020-08-18 MOSCOW (UrduPoint News / Sputnik - 18th August, 2020) US Congressmen spoke.\n\nMore.\n");
    assert_eq!(d.title, None);
    assert_eq!(d.dateline.as_ref().unwrap().place.of(&d.text), "MOSCOW");
    assert_eq!(paragraphs(&d), ["US Congressmen spoke.", "More."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn one_word_first_line_is_a_section_label_and_credit_is_not_body() {
    let d = doc("Belarus\n\u{a9} Sputnik / Evgeny OdinokovFILE PHOTO: An opposition rally in Minks.\nRussia is following events.\n");
    assert_eq!(d.title, None);
    assert_eq!(d.section.unwrap().of(&d.text), "Belarus");
    assert_eq!(d.credits.len(), 1);
    assert_eq!(d.credits[0].credit.of(&d.text), "Sputnik / Evgeny Odinokov");
    assert_eq!(
        d.credits[0].caption.unwrap().of(&d.text),
        "An opposition rally in Minks."
    );
    assert_eq!(paragraphs(&d), ["Russia is following events."]);
    assert_eq!(d.outlet_in_text(), None, "a photo credit is never the outlet");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn trailing_site_debris_is_removed_and_reported() {
    let d = doc("Headline here\n\nBody one.\n\nBody two.\n\nMore Stories From World\n");
    assert_eq!(paragraphs(&d), ["Body one.", "Body two."]);
    assert_eq!(d.debris.len(), 1);
    assert!(d
        .diagnostics
        .iter()
        .any(|x| x.message.contains("More Stories From World")));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn leading_get_short_url_debris_is_removed() {
    let d = doc("Headline here\n\n07.10.2017(updated 1500 07.10.2017) Get short URL 11990 Russias Defense Ministry has reported.\n");
    assert_eq!(paragraphs(&d), ["Russias Defense Ministry has reported."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn bracketed_acronym_is_not_a_dateline() {
    let d = doc("Headline here\n\nNATO (North Atlantic Treaty Organization) said it would meet.\n");
    assert!(d.dateline.is_none());
    let d = doc("Headline here\n\nLONDON (Reuters) - Talks began.\n");
    assert_eq!(d.outlet_in_text(), Some("Reuters"));
    assert_eq!(paragraphs(&d), ["Talks began."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn hard_wrapped_lines_are_joined_but_lines_are_paragraphs() {
    let d = doc("A headline\n\nThe first line of a paragraph that\ncontinues here.\nA new paragraph.\n");
    assert_eq!(
        paragraphs(&d),
        [
            "The first line of a paragraph that\ncontinues here.",
            "A new paragraph."
        ]
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sentences_respect_abbreviations_initials_and_quotes() {
    assert_eq!(
        sentences("Head line\n\nMr. Smith met U.S. officials. \u{201C}It went well.\u{201D} He left at 5 p.m. Then? Yes!"),
        ["Mr. Smith met U.S. officials.", "\u{201C}It went well.\u{201D}", "He left at 5 p.m. Then?", "Yes!"]
    );
    assert_eq!(
        sentences("Head line\n\nOver 80.1 percent voted. 6,700 were held."),
        ["Over 80.1 percent voted.", "6,700 were held."]
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn any_bytes_give_a_document_and_diagnostics() {
    let d = ingest("bad.txt", b"Caf\xe9 \xff\xfe news\n\nBody text here.");
    assert!(d.text.contains('\u{FFFD}'));
    assert!(d
        .diagnostics
        .iter()
        .any(|x| x.level == Level::Warning && x.message.contains("UTF-8")));
    let d = ingest("empty.txt", b"");
    assert!(d.paragraphs.is_empty());
    assert!(d.diagnostics.iter().any(|x| x.message.contains("no body")));
    let d = ingest("bin.txt", &[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0x7f]);
    assert!(d.diagnostics.iter().any(|x| x.message.contains("binary")));
    let d = ingest(
        "crlf.txt",
        "\u{feff}Título con acento\r\n\r\nПривет, мир. Это тест.\r\n".as_bytes(),
    );
    assert_eq!(d.title_text(), Some("Título con acento"));
    assert_eq!(paragraphs(&d), ["Привет, мир. Это тест."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn spans_stay_on_char_boundaries_for_arbitrary_input() {
    // A deterministic pseudo-random walk over awkward characters; every span must slice.
    let alphabet = [
        "\u{a9} ",
        "FILE PHOTO:",
        " date ",
        "2020-01-01",
        "\n",
        "\n\n",
        ". ",
        "\u{201C}",
        "\u{201D}",
        "Ж",
        "é",
        "(",
        ")",
        " - ",
        "MOSCOW",
        "Mr.",
        "a",
        "B",
        "\u{feff}",
        "🙂",
        "\r",
    ];
    let mut seed = 7u64;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..60 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let d = doc(&s);
        let spans = d
            .paragraphs
            .iter()
            .flat_map(|p| std::iter::once(p.span).chain(p.sentences.iter().copied()));
        for span in spans.chain(d.title).chain(d.debris.iter().copied()) {
            assert!(
                d.text.get(span.start as usize..span.end as usize).is_some(),
                "{span:?} in {s:?}"
            );
        }
    }
}
