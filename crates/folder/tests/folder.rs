//! Reading corpus folders: metadata errors name file, line and problem; folders without
//! articles are refused.

use std::path::PathBuf;

use parallax_folder::load_corpus;

/// A fresh folder under the target directory with the given files.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

#[test]
fn malformed_metadata_names_file_line_and_problem() {
    let dir = folder(
        "bad-meta",
        &[
            ("a.txt", "Headline here\n\nBody."),
            (
                "corpus.toml",
                "[outlet.rt]\nname = \"RT\"\n\n[file.\"a.txt\"]\noutlet = \"tr\"\n",
            ),
        ],
    );
    let message = load_corpus(&dir).unwrap_err().to_string();
    assert!(message.contains("corpus.toml:line 5"), "{message}");
    assert!(message.contains("\"tr\""), "{message}");
}

#[test]
fn metadata_for_a_missing_file_is_an_error() {
    let dir = folder(
        "missing-file",
        &[
            ("a.txt", "Headline here\n\nBody."),
            ("corpus.toml", "[file.\"b.txt\"]\ntitle = \"B\"\n"),
        ],
    );
    let message = load_corpus(&dir).unwrap_err().to_string();
    assert!(
        message.contains("line 1") && message.contains("\"b.txt\" is not in the corpus folder"),
        "{message}"
    );
}

#[test]
fn a_folder_without_articles_is_refused() {
    let dir = folder("empty", &[("notes.md", "# not an article")]);
    assert!(load_corpus(&dir)
        .unwrap_err()
        .to_string()
        .contains("no .txt articles"));
}

#[test]
fn metadata_wins_over_inference_and_unknowns_stay_unknown() {
    let dir = folder(
        "meta-wins",
        &[
            ("a.txt", " date 2020-01-02 Headline in text\n\nLONDON (Reuters) - Body."),
            ("b.txt", "Another headline\n\nBody."),
            ("corpus.toml", "[outlet.x]\nname = \"X News\"\n[file.\"a.txt\"]\noutlet = \"x\"\npublished = \"2021-03-04\"\ntitle = \"Given title\"\n"),
        ],
    );
    let corpus = load_corpus(&dir).unwrap();
    let a = &corpus.articles[0];
    assert_eq!(a.title(), Some("Given title"));
    assert_eq!(a.published.unwrap().to_string(), "2021-03-04");
    assert_eq!(corpus.outlets[a.outlet.unwrap() as usize].name, "X News");
    let b = &corpus.articles[1];
    assert_eq!((b.outlet, b.published), (None, None));
}
