//! # parallax-folder
//!
//! Reads a corpus folder from disk and hands it to the core: every `*.txt` file (sorted by
//! name, not recursing) and the optional `corpus.toml`. This is the one place where Parallax
//! touches the file system; the build script and the `parallax` command both go through it.
//!
//! A folder is whatever a maintainer or a scraper left in it, so nothing in it stops the build
//! but a malformed `corpus.toml` or a folder with no article at all: every other file that is
//! not read as an article is [`LeftOut`] with the reason, and the build reports each one.

use std::path::{Path, PathBuf};

use parallax_core::reading::MAX_FILE_BYTES;
use parallax_core::{
    build_corpus_on, parse_metadata, Corpus, Metadata, MetadataError, SourceFile, Workers, METADATA_FILE,
};

/// Why a folder could not be read as a corpus. Messages name the file and, for metadata, the
/// line.
#[derive(Debug)]
pub enum FolderError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Metadata {
        path: PathBuf,
        error: MetadataError,
    },
    /// No file could be read as an article (`left_out` says why for each).
    Empty {
        path: PathBuf,
        left_out: Vec<LeftOut>,
    },
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            FolderError::Metadata { path, error } => write!(f, "{}:{}", path.display(), error),
            FolderError::Empty { path, left_out } if left_out.is_empty() => {
                write!(f, "{}: no .txt articles in this folder", path.display())
            }
            FolderError::Empty { path, left_out } => write!(
                f,
                "{}: no .txt articles could be read in this folder; {} left out, e.g. {}",
                path.display(),
                count(left_out.len(), "file"),
                left_out[0]
            ),
        }
    }
}

impl std::error::Error for FolderError {}

/// A file of the folder that is not in the corpus, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The file's name as the folder lists it (escaped when it is not valid UTF-8).
    pub name: String,
    pub reason: String,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.name, self.reason)
    }
}

/// A corpus read from a folder, and the files left out of it.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub left_out: Vec<LeftOut>,
}

/// What a folder holds: the articles to read (by name) and what is left out.
#[derive(Debug, Default)]
pub struct Listing {
    pub articles: Vec<PathBuf>,
    pub left_out: Vec<LeftOut>,
}

/// Lists a corpus folder: `*.txt` files are articles unless their name is not valid UTF-8 or
/// holds control characters, they are links out of the folder, broken links, folders, or over
/// the size limit of an article ([`MAX_FILE_BYTES`]); every other entry but `corpus.toml` is
/// left out too (not a `.txt` file).
pub fn list(dir: &Path) -> Result<Listing, FolderError> {
    let io = |error| FolderError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let root = dir.canonicalize().map_err(io)?;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let mut listing = Listing::default();
    for path in entries {
        let Some(os_name) = path.file_name() else { continue };
        let Some(name) = os_name.to_str() else {
            listing.left_out.push(LeftOut {
                name: format!("{}", os_name.to_string_lossy()),
                reason: "its name is not valid UTF-8; rename it".into(),
            });
            continue;
        };
        if name == METADATA_FILE {
            continue;
        }
        match why_not_an_article(&root, &path, name) {
            None => listing.articles.push(path),
            Some(reason) => listing.left_out.push(LeftOut {
                name: name.to_string(),
                reason,
            }),
        }
    }
    Ok(listing)
}

/// Why the entry `name` at `path` is not read as an article, if it is not.
fn why_not_an_article(root: &Path, path: &Path, name: &str) -> Option<String> {
    if !name.ends_with(".txt") {
        return Some(if path.is_dir() {
            "a folder (folders inside the corpus are not read)".into()
        } else {
            "not a .txt file".into()
        });
    }
    if name.chars().any(char::is_control) {
        return Some("its name has control characters; rename it".into());
    }
    let target = match path.canonicalize() {
        Ok(target) => target,
        Err(_) => return Some("a link to nothing (broken link)".into()),
    };
    if !target.starts_with(root) {
        return Some(format!(
            "a link to {}, outside the corpus folder",
            target.display()
        ));
    }
    match std::fs::metadata(&target) {
        Err(e) => Some(format!("could not be read: {e}")),
        Ok(m) if m.is_dir() => Some("a folder (folders inside the corpus are not read)".into()),
        Ok(m) if m.len() > MAX_FILE_BYTES as u64 => Some(too_large(m.len())),
        Ok(_) => None,
    }
}

fn too_large(bytes: u64) -> String {
    format!(
        "too large for an article ({} MB; the limit is {} MB)",
        bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// No bytes, or only white space (after a UTF-8 byte-order mark).
fn is_blank(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter().all(u8::is_ascii_whitespace)
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The files a corpus is built from, for build scripts to watch.
pub fn corpus_inputs(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    Ok(list(dir)?.articles)
}

/// Reads and analyses a corpus folder. Files that are empty or only white space, or that
/// cannot be read, are left out too; metadata about a left-out file is dropped with it.
pub fn load_corpus(dir: &Path) -> Result<Loaded, FolderError> {
    let Listing {
        articles,
        mut left_out,
    } = list(dir)?;
    let mut contents = Vec::with_capacity(articles.len());
    for path in &articles {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let reason = match std::fs::read(path) {
            Err(e) => format!("could not be read: {e}"),
            Ok(bytes) if bytes.len() > MAX_FILE_BYTES => too_large(bytes.len() as u64),
            Ok(bytes) if is_blank(&bytes) => "empty (no text)".into(),
            Ok(bytes) => {
                contents.push((name, bytes));
                continue;
            }
        };
        left_out.push(LeftOut { name, reason });
    }
    left_out.sort_by(|a, b| a.name.cmp(&b.name));
    if contents.is_empty() {
        return Err(FolderError::Empty {
            path: dir.to_path_buf(),
            left_out,
        });
    }
    let meta_path = dir.join(METADATA_FILE);
    let mut metadata = if meta_path.is_file() {
        let bytes = std::fs::read(&meta_path).map_err(|error| FolderError::Io {
            path: meta_path.clone(),
            error,
        })?;
        let source = String::from_utf8(bytes).map_err(|e| FolderError::Io {
            path: meta_path.clone(),
            error: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "not UTF-8 text (byte {} is not); save it as UTF-8",
                    e.utf8_error().valid_up_to()
                ),
            ),
        })?;
        parse_metadata(&source).map_err(|error| FolderError::Metadata {
            path: meta_path.clone(),
            error,
        })?
    } else {
        Metadata::default()
    };
    let gone: std::collections::HashSet<&str> = left_out.iter().map(|l| l.name.as_str()).collect();
    metadata.files.retain(|name, _| !gone.contains(name.as_str()));
    let files: Vec<SourceFile<'_>> = contents
        .iter()
        .map(|(name, bytes)| SourceFile { name, bytes })
        .collect();
    let corpus =
        build_corpus_on(&files, &metadata, &Threads::all()).map_err(|error| FolderError::Metadata {
            path: meta_path,
            error,
        })?;
    Ok(Loaded { corpus, left_out })
}

/// The analysis shared out among threads, one part each, one thread per core.
pub struct Threads(usize);

impl Threads {
    /// As many threads as the machine has cores (one when it cannot tell).
    pub fn all() -> Threads {
        Threads(std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

impl Workers for Threads {
    fn count(&self) -> usize {
        self.0
    }

    fn map<T: Send>(
        &self,
        parts: Vec<std::ops::Range<usize>>,
        work: &(dyn Fn(std::ops::Range<usize>) -> T + Sync),
    ) -> Vec<T> {
        if parts.len() < 2 {
            return parts.into_iter().map(work).collect();
        }
        std::thread::scope(|scope| {
            let running: Vec<_> = parts
                .into_iter()
                .map(|part| scope.spawn(move || work(part)))
                .collect();
            running
                .into_iter()
                .map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        })
    }
}
