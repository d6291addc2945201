//! Build step: analyses the corpus folder (`PARALLAX_CORPUS`, default `seeds/`) with the core and
//! writes it for `src/corpus.rs` to embed in the wasm: a small corpus as one versioned bundle,
//! `$OUT_DIR/corpus.bin`; a large one (a bundle over [`FRAGMENT_ABOVE`] bytes, or any with
//! `PARALLAX_FRAGMENTS=always`; `never` keeps any corpus in one bundle) as a manifest,
//! `$OUT_DIR/manifest.bin`, and fragments of about `PARALLAX_FRAGMENT_BYTES` (default
//! [`FRAGMENT_BYTES`]), each gzipped (`NAME.gz`), in `parallax-fragments/` beside the profile's build folder (e.g.
//! `target/wasm32-unknown-unknown/release/parallax-fragments/`), which Trunk's post-build hook
//! copies into the site's `fragments/`. The file of the other kind is left empty.

use std::path::PathBuf;

use parallax_core::reading::fingerprint;

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_CORPUS");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("PARALLAX_CORPUS")
        .map(|d| manifest.join(d))
        .unwrap_or_else(|| manifest.join("seeds"));
    println!("cargo:rerun-if-changed={}", dir.display());
    let inputs = parallax_folder::corpus_inputs(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    for input in inputs.iter().chain([&dir.join(parallax_core::METADATA_FILE)]) {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let loaded = parallax_folder::load_corpus(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    report_left_out(&loaded.left_out, &out_dir.join("left-out.txt"));
    let corpus = loaded.corpus;
    write_corpus(&corpus, &out_dir).unwrap_or_else(|e| fail(&e.to_string()));
    // The corpus's key, from its files' names and words: the browser keeps a reader's added
    // articles per corpus under it (`src/store.rs`).
    let files: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| format!("{} {:016x}", a.document.file, fingerprint(&a.document.text)))
        .collect();
    println!(
        "cargo:rustc-env=PARALLAX_CORPUS_KEY={:016x}",
        fingerprint(&files.join(" "))
    );
}

/// A bundle larger than this ships as fragments (see `ARCHITECTURE.md` for the measurements).
const FRAGMENT_ABOVE: usize = 16_000_000;
/// The size fragments are cut to, unless `PARALLAX_FRAGMENT_BYTES` says otherwise.
const FRAGMENT_BYTES: usize = 4_000_000;

/// Writes the corpus as a bundle or as a manifest and fragments (see the module's doc).
fn write_corpus(corpus: &parallax_core::Corpus, out_dir: &std::path::Path) -> std::io::Result<()> {
    println!("cargo:rerun-if-env-changed=PARALLAX_FRAGMENTS");
    println!("cargo:rerun-if-env-changed=PARALLAX_FRAGMENT_BYTES");
    let fragments_dir = out_dir
        .ancestors()
        .find(|d| d.file_name().is_some_and(|n| n == "build"))
        .and_then(|build| build.parent())
        .unwrap_or(out_dir)
        .join("parallax-fragments");
    if fragments_dir.exists() {
        std::fs::remove_dir_all(&fragments_dir)?;
    }
    let bundle = parallax_core::encode_bundle(corpus);
    let fragmented = match std::env::var("PARALLAX_FRAGMENTS").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        Ok(other) if !other.is_empty() => fail(&format!(
            "PARALLAX_FRAGMENTS is \"{other}\": say \"always\" or \"never\", or leave it unset"
        )),
        _ => bundle.len() > FRAGMENT_ABOVE,
    };
    if !fragmented {
        std::fs::write(out_dir.join("manifest.bin"), [])?;
        return std::fs::write(out_dir.join("corpus.bin"), bundle);
    }
    let target = match std::env::var("PARALLAX_FRAGMENT_BYTES") {
        Ok(n) => n.parse().unwrap_or_else(|_| {
            fail(&format!(
                "PARALLAX_FRAGMENT_BYTES is \"{n}\", not a number of bytes"
            ))
        }),
        Err(_) => FRAGMENT_BYTES,
    };
    // Compare's prior ships with the fragments: counting it would hold a large corpus's page
    // for seconds.
    let prior = parallax_core::compare::Prior::of(corpus);
    let (manifest, files) = parallax_core::corpus::fragments::split(corpus, &prior, target);
    std::fs::create_dir_all(&fragments_dir)?;
    for (name, bytes) in files {
        // Gzipped here, so that they travel compressed from any host (few compress
        // `application/octet-stream`); the page unpacks them with DecompressionStream.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &bytes)?;
        std::fs::write(fragments_dir.join(format!("{name}.gz")), gz.finish()?)?;
    }
    std::fs::write(out_dir.join("corpus.bin"), [])?;
    std::fs::write(out_dir.join("manifest.bin"), manifest)
}

/// Names every file of the folder left out of the corpus, and why: the first 20 as warnings of
/// the build, all of them in `list` (named by the last warning).
fn report_left_out(left_out: &[parallax_folder::LeftOut], list: &std::path::Path) {
    const SHOWN: usize = 20;
    let lines: Vec<String> = left_out.iter().map(|l| format!("left out {l}")).collect();
    std::fs::write(list, lines.join("\n")).unwrap_or_else(|e| fail(&e.to_string()));
    for line in lines.iter().take(SHOWN) {
        println!("cargo:warning=corpus: {line}");
    }
    if lines.len() > SHOWN {
        println!(
            "cargo:warning=corpus: {} more files left out; all {} are listed in {}",
            lines.len() - SHOWN,
            lines.len(),
            list.display()
        );
    }
}

/// Stops the build with a message that names the file (and, for metadata, the line).
fn fail(message: &str) -> ! {
    eprintln!("error: corpus: {message}");
    std::process::exit(1)
}
