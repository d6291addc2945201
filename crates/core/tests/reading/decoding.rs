//! Decoding bytes: byte-order marks, UTF-8, UTF-16, Windows-1251 and -1252, rejections.

use super::*;

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
