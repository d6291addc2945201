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
    let corpus = load_corpus(&dir).unwrap().corpus;
    let a = &corpus.articles[0];
    assert_eq!(a.title(), Some("Given title"));
    assert_eq!(a.published.unwrap().to_string(), "2021-03-04");
    assert_eq!(corpus.outlets[a.outlet.unwrap() as usize].name, "X News");
    let b = &corpus.articles[1];
    assert_eq!((b.outlet, b.published), (None, None));
}

/// A folder as a scraper might leave it: every file is either an article or left out with a
/// reason, and nothing stops the build.
#[cfg(unix)]
#[test]
fn hostile_folders_leave_out_each_bad_file_with_a_reason() {
    use std::os::unix::ffi::OsStrExt;
    const EMPTY: usize = 100_000;
    let article = "MINSK, August 18 (Sputnik) - Protests continued on Tuesday.\n\nMore text.";
    let dir = folder(
        "hostile-folder",
        &[
            ("with spaces.txt", article),
            ("..txt", article),
            ("Минск — протест.txt", article),
            ("tab\there.txt", article),
            ("line\nbreak.txt", article),
            ("notes.md", "# notes"),
            (
                "corpus.toml",
                "[file.\"empty-000001.txt\"]\ntitle = \"Nothing\"\n",
            ),
        ],
    );
    std::fs::write(dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt")), article).unwrap();
    // 200 MB, without writing them: a sparse file.
    std::fs::File::create(dir.join("huge.txt"))
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    for i in 0..EMPTY {
        std::fs::write(
            dir.join(format!("empty-{i:06}.txt")),
            if i % 2 == 0 { "" } else { " \n\t" },
        )
        .unwrap();
    }
    std::fs::create_dir(dir.join("sub.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", dir.join("outside.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("with spaces.txt"), dir.join("inside.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone"), dir.join("broken.txt")).unwrap();

    let loaded = load_corpus(&dir).unwrap();
    let names: Vec<&str> = loaded
        .corpus
        .articles
        .iter()
        .map(|a| a.document.file.as_str())
        .collect();
    assert_eq!(
        names,
        ["..txt", "inside.txt", "with spaces.txt", "Минск — протест.txt"]
    );
    let reason = |name: &str| {
        loaded
            .left_out
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.reason.as_str())
            .unwrap_or_else(|| panic!("{name:?} is neither read nor left out"))
    };
    assert_eq!(
        reason("huge.txt"),
        "too large for an article (200 MB; the limit is 10 MB)"
    );
    assert!(reason("tab\there.txt").contains("control characters"));
    assert!(reason("line\nbreak.txt").contains("control characters"));
    assert!(reason("caf\u{FFFD}.txt").contains("not valid UTF-8"));
    assert!(reason("notes.md").contains("not a .txt file"));
    assert!(reason("sub.txt").contains("a folder"));
    assert!(reason("outside.txt").contains("outside the corpus folder"));
    assert!(reason("broken.txt").contains("broken link"));
    assert_eq!(reason("empty-000001.txt"), "empty (no text)");
    let empty = loaded
        .left_out
        .iter()
        .filter(|l| l.reason.starts_with("empty"))
        .count();
    assert_eq!(empty, EMPTY);
    let entries = std::fs::read_dir(&dir).unwrap().count() - 1; // less corpus.toml
    assert_eq!(
        names.len() + loaded.left_out.len(),
        entries,
        "every file accounted for"
    );
}

#[test]
fn a_folder_whose_files_are_all_left_out_says_why() {
    let dir = folder("all-left-out", &[("a.txt", ""), ("b.txt", "  \n")]);
    let message = load_corpus(&dir).unwrap_err().to_string();
    assert!(message.contains("no .txt articles could be read"), "{message}");
    assert!(
        message.contains("2 files left out, e.g. \"a.txt\": empty"),
        "{message}"
    );
}

#[test]
fn a_metadata_file_that_is_not_utf8_is_named() {
    let dir = folder("meta-not-utf8", &[("a.txt", "Headline\n\nBody.")]);
    std::fs::write(dir.join("corpus.toml"), b"title = \"caf\xe9\"").unwrap();
    let message = load_corpus(&dir).unwrap_err().to_string();
    assert!(
        message.contains("corpus.toml") && message.contains("save it as UTF-8"),
        "{message}"
    );
}
