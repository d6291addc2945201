//! The bundle and fragment formats: golden bytes guard `FORMAT_VERSION`, and decoding rejects
//! other versions, damage and fragments that are missing or under another's name.
//! Runs natively and, with the same assertions, as wasm (the test command does both).

use parallax_core::compare::Prior;
use parallax_core::corpus::fragments::{read_manifest, split, Assembly, Pieces};
use parallax_core::{
    build_corpus, decode_bundle, encode_bundle, parse_metadata, BundleError, SourceFile, FORMAT_VERSION,
};

const GOLDEN: &[u8] = include_bytes!("fixtures/bundle-golden.bin");
const FRAGMENTS_GOLDEN: &[u8] = include_bytes!("fixtures/fragments-golden.bin");

fn sample() -> parallax_core::Corpus {
    let meta = parse_metadata("[outlet.rt]\nname = \"RT\"\n[file.\"b.txt\"]\noutlet = \"rt\"\n").unwrap();
    let a = " date 2020-08-18 MOSCOW (UrduPoint News / Sputnik - 18th August, 2020) Talks began. The talks began again. \u{201C}Yes,\u{201D} he said.";
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
    golden("bundle", &encode_bundle(&sample()), GOLDEN);
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
    // every bit of every byte after the version
    for at in 1..bytes.len() {
        for bit in 0..8 {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1 << bit;
            let err = decode_bundle(&damaged).unwrap_err();
            assert!(
                matches!(err, BundleError::Corrupt(_)),
                "byte {at}, bit {bit}: {err}"
            );
        }
    }
    let truncated = decode_bundle(&bytes[..bytes.len() - 3]).unwrap_err();
    assert!(
        truncated.to_string().contains("truncated or altered"),
        "{truncated}"
    );
}

/// A corpus cut into fragments of every size, arriving in any order, comes back the same.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn fragments_put_back_together_give_the_same_corpus() {
    let corpus = sample();
    for target in [1, 40, 300, 1 << 20] {
        let (manifest, mut files) = split(&corpus, &Prior::of(&corpus), target);
        let manifest = read_manifest(&manifest).unwrap();
        if target == 1 {
            assert!(files.len() > 20, "one item per fragment: {}", files.len());
        }
        files.reverse();
        let mut assembly = Assembly::new(manifest.clone());
        let mut prior = Assembly::prior(manifest.clone());
        assert_eq!(
            assembly.missing() + prior.missing(),
            files.len(),
            "each file is the corpus's or the prior's"
        );
        assert_eq!(manifest.files().len(), files.len());
        let counted = Prior::of(&corpus).entries().count();
        assert_eq!(
            prior.missing() > 0,
            counted > 0,
            "the prior's fragments are its own"
        );
        assert!(
            Assembly::prior(manifest.clone()).finish().is_err(),
            "a prior is no corpus"
        );
        for (name, bytes) in &files {
            let of_prior = prior.files().contains(&name.as_str());
            assert_ne!(of_prior, assembly.files().contains(&name.as_str()), "{name}");
            if of_prior {
                prior.add(name, bytes).unwrap();
            } else {
                assembly.add(name, bytes).unwrap();
            }
        }
        assert_eq!(assembly.missing() + prior.missing(), 0);
        assert_eq!(assembly.finish().unwrap(), corpus, "fragments of {target} bytes");
        assert_eq!(
            prior.finish_prior().unwrap(),
            Prior::of(&corpus),
            "fragments of {target} bytes"
        );
    }
}

/// A corpus cut one fragment at a time with no prior (as the page keeps the analysis of a
/// reader's articles) is the same cut, needs no prior's fragment, and comes back the same.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_corpus_cut_piece_by_piece_without_a_prior_comes_back_whole() {
    let corpus = sample();
    let none = Prior::default();
    let mut pieces = Pieces::new(&corpus, &none, 60);
    let taken: Vec<(String, Vec<u8>)> = pieces.by_ref().collect();
    let manifest = pieces.manifest();
    let (whole, files) = split(&corpus, &none, 60);
    assert_eq!(manifest, whole, "the same manifest as the whole cut");
    assert!(
        files.iter().all(|f| taken.contains(f)) && taken.iter().all(|f| files.contains(f)),
        "the same files"
    );
    let manifest = read_manifest(&manifest).unwrap();
    assert_eq!(
        Assembly::prior(manifest.clone()).missing(),
        0,
        "no prior to fetch"
    );
    let mut assembly = Assembly::new(manifest);
    for (name, bytes) in taken.iter().rev() {
        if assembly.files().contains(&name.as_str()) {
            assembly.add(name, bytes).unwrap();
        }
    }
    assert_eq!(assembly.finish().unwrap(), corpus);
}

/// The fragment format's golden bytes: the manifest, then each fragment, of the sample cut at
/// 200 bytes. A change to either fails here until `FORMAT_VERSION` is bumped and the fixture
/// re-blessed.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn fragment_bytes_are_golden() {
    let sample = sample();
    let (manifest, files) = split(&sample, &Prior::of(&sample), 200);
    let mut bytes = manifest;
    for (name, file) in files {
        bytes.extend(name.as_bytes());
        bytes.extend(file);
    }
    golden("fragments", &bytes, FRAGMENTS_GOLDEN);
}

/// Fails unless `bytes` are the `format`'s golden bytes (`fixtures/FORMAT-golden.bin`), which
/// `PARALLAX_BLESS=1` rewrites (natively).
fn golden(format: &str, bytes: &[u8], golden: &[u8]) {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        let fixture = format!(
            "{}/tests/fixtures/{format}-golden.bin",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(fixture, bytes).unwrap();
    }
    assert!(
        bytes == golden,
        "the {format} format changed: bump FORMAT_VERSION (now {FORMAT_VERSION}), then rerun with PARALLAX_BLESS=1"
    );
}

/// What the page reports for each way a fragment can go wrong: never a corpus.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn damaged_missing_misnamed_or_older_fragments_are_refused_with_a_reason() {
    let sample = sample();
    let (manifest, files) = split(&sample, &Prior::of(&sample), 100);
    let manifest = read_manifest(&manifest).unwrap();
    let (name, good) = &files[1];
    let other = &files[2].1;
    let mut older = good.clone();
    older[0] = (FORMAT_VERSION - 1) as u8;
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    let cases: [(&str, &[u8], &str); 4] = [
        ("a changed byte", &flipped, "truncated or altered"),
        ("cut short", &good[..good.len() - 2], "truncated or altered"),
        ("another fragment's file", other, "another fragment's bytes"),
        ("an older build's", &older, "format version"),
    ];
    for (what, bytes, says) in cases {
        let mut assembly = Assembly::new(manifest.clone());
        let err = assembly.add(name, bytes).unwrap_err().to_string();
        assert!(err.contains(says), "{what}: {err}");
    }
    let mut assembly = Assembly::new(manifest.clone());
    let wanted: Vec<String> = assembly.files().into_iter().map(String::from).collect();
    for (name, bytes) in files[1..].iter().filter(|(n, _)| wanted.contains(n)) {
        assembly.add(name, bytes).unwrap();
    }
    let err = assembly.finish().unwrap_err().to_string();
    assert!(
        err.contains("1 of its fragments did not arrive") && err.contains(&files[0].0),
        "{err}"
    );
    let err = Assembly::new(manifest)
        .add("0000000000000000.bin", good)
        .unwrap_err();
    assert!(err.to_string().contains("names no fragment"), "{err}");
}
