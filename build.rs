//! Build step: analyses the corpus folder (`PARALLAX_CORPUS`, default `seeds/`) with the core and
//! writes one versioned bundle, `$OUT_DIR/corpus.bin`, which `src/corpus.rs` embeds in the wasm.

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
    let corpus = parallax_folder::load_corpus(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, parallax_core::encode_bundle(&corpus)).unwrap_or_else(|e| fail(&e.to_string()));
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

/// Stops the build with a message that names the file (and, for metadata, the line).
fn fail(message: &str) -> ! {
    eprintln!("error: corpus: {message}");
    std::process::exit(1)
}
