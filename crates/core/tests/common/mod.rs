//! Helpers shared by the integration tests: reading corpus folders the way the build does.

use std::path::{Path, PathBuf};

use parallax_core::{build_corpus, parse_metadata, Corpus, SourceFile};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled `seeds/` corpus, with its metadata.
pub fn seeds() -> Corpus {
    load(&[&root().join("seeds")])
}

/// Reads the `*.txt` of each folder (sorted by name, folders in order) and the first folder's
/// `corpus.toml`, as the build does.
pub fn load(dirs: &[&Path]) -> Corpus {
    let mut data = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            data.push((
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    let files: Vec<SourceFile> = data
        .iter()
        .map(|(name, bytes)| SourceFile { name, bytes })
        .collect();
    let meta = std::fs::read_to_string(dirs[0].join("corpus.toml"))
        .map(|s| parse_metadata(&s).unwrap())
        .unwrap_or_default();
    build_corpus(&files, &meta).unwrap()
}

/// A workplace corpus (`dev`, `dev2`) and its gold annotation (`../shared/`), or `None` (with a
/// note) where they are not, as in a user's clone.
#[allow(dead_code)] // not every test binary scores against the workplace's gold
pub fn shared_with_gold(name: &str) -> Option<(Corpus, String)> {
    let root = root();
    let (dir, gold) = (
        root.join("../shared/corpora").join(name),
        root.join(format!("../shared/eval/{name}-gold.toml")),
    );
    if !dir.is_dir() || !gold.is_file() {
        println!(
            "skipped: needs the workplace's ../shared/corpora/{name} and ../shared/eval/{name}-gold.toml"
        );
        return None;
    }
    Some((load(&[&dir]), std::fs::read_to_string(gold).ok()?))
}

/// A corpus of small texts given inline, `(file name, text)`, without metadata.
#[allow(dead_code)] // not every test binary builds corpora inline
pub fn corpus_of(files: &[(&str, &str)]) -> Corpus {
    corpus_with(files, "")
}

/// A corpus of small texts given inline, with the `corpus.toml` text `metadata`.
#[allow(dead_code)] // not every test binary builds corpora inline
pub fn corpus_with(files: &[(&str, &str)], metadata: &str) -> Corpus {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name,
            bytes: text.as_bytes(),
        })
        .collect();
    build_corpus(&files, &parse_metadata(metadata).unwrap()).unwrap()
}

/// The kind (`"person"`, `"organisation"`…) of the corpus's entity called `name`, if any.
#[allow(dead_code)] // not every test binary reads kinds
pub fn kind_of(corpus: &Corpus, name: &str) -> Option<&'static str> {
    corpus
        .entities
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.kind.as_str())
}

/// The words of the corpus's claim `i` (`more than 130 security officers`).
#[allow(dead_code)] // not every test binary reads claims
pub fn claim_text(corpus: &Corpus, i: usize) -> String {
    let claim = &corpus.claims[i];
    claim
        .span
        .of(&corpus.articles[claim.doc as usize].document.text)
        .to_string()
}
