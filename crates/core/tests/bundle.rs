//! The bundle format: golden bytes guard `FORMAT_VERSION`, and decoding rejects other versions.
//! Runs natively and, with the same assertions, as wasm (the test command does both).

use parallax_core::{
    build_corpus, decode_bundle, encode_bundle, parse_metadata, BundleError, SourceFile, FORMAT_VERSION,
};

const GOLDEN: &[u8] = include_bytes!("fixtures/bundle-golden.bin");

fn sample() -> parallax_core::Corpus {
    let meta = parse_metadata("[outlet.rt]\nname = \"RT\"\n[file.\"b.txt\"]\noutlet = \"rt\"\n").unwrap();
    let a = " date 2020-08-18 MOSCOW (UrduPoint News / Sputnik - 18th August, 2020) Talks began. \u{201C}Yes,\u{201D} he said.";
    let b = "Belarus\n\u{a9} Sputnik / NameFILE PHOTO: A rally.\nBody text.\n\nMore Stories From World";
    let files = [
        SourceFile {
            name: "a.txt",
            bytes: a.as_bytes(),
        },
        SourceFile {
            name: "b.txt",
            bytes: b.as_bytes(),
        },
    ];
    build_corpus(&files, &meta).unwrap()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn bundle_bytes_are_golden() {
    let bytes = encode_bundle(&sample());
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bundle-golden.bin"),
            &bytes,
        )
        .unwrap();
    }
    assert!(
        bytes == GOLDEN,
        "the bundle format changed: bump FORMAT_VERSION (now {FORMAT_VERSION}), then rerun with PARALLAX_BLESS=1"
    );
    assert_eq!(decode_bundle(GOLDEN).unwrap(), sample());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn other_versions_and_garbage_are_refused_with_a_reason() {
    let mut bytes = encode_bundle(&sample());
    bytes[0] = (FORMAT_VERSION + 1) as u8;
    assert_eq!(
        decode_bundle(&bytes),
        Err(BundleError::Version {
            found: FORMAT_VERSION + 1,
            expected: FORMAT_VERSION
        })
    );
    assert!(matches!(
        decode_bundle(&[FORMAT_VERSION as u8, 0xff, 0xff]),
        Err(BundleError::Corrupt(_))
    ));
    assert!(matches!(decode_bundle(&[]), Err(BundleError::Corrupt(_))));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn any_damaged_byte_or_a_truncated_bundle_is_refused() {
    let bytes = encode_bundle(&sample());
    for at in [1, 9, bytes.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        let err = decode_bundle(&damaged).unwrap_err();
        assert!(matches!(err, BundleError::Corrupt(_)), "byte {at}: {err}");
    }
    let truncated = decode_bundle(&bytes[..bytes.len() - 3]).unwrap_err();
    assert!(
        truncated.to_string().contains("truncated or altered"),
        "{truncated}"
    );
}
