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
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let loaded = parallax_folder::load_corpus(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    report_left_out(&loaded.left_out, &out_dir.join("left-out.txt"));
    let corpus = loaded.corpus;
    let out = out_dir.join("corpus.bin");
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
