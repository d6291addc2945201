//! # parallax-folder
//!
//! Reads a corpus folder from disk and hands it to the core: every `*.txt` file (sorted by
//! name, not recursing) and the optional `corpus.toml`. This is the one place where Parallax
//! touches the file system; the build script and the `parallax` command both go through it.

use std::path::{Path, PathBuf};

use parallax_core::{
    build_corpus, parse_metadata, Corpus, Metadata, MetadataError, SourceFile, METADATA_FILE,
};

/// Why a folder could not be read as a corpus. Messages name the file and, for metadata, the
/// line.
#[derive(Debug)]
pub enum FolderError {
    Io { path: PathBuf, error: std::io::Error },
    Metadata { path: PathBuf, error: MetadataError },
    Empty { path: PathBuf },
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            FolderError::Metadata { path, error } => write!(f, "{}:{}", path.display(), error),
            FolderError::Empty { path } => write!(f, "{}: no .txt articles in this folder", path.display()),
        }
    }
}

impl std::error::Error for FolderError {}

/// The files a corpus is built from, for build scripts to watch.
pub fn corpus_inputs(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let io = |error| FolderError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads and analyses a corpus folder.
pub fn load_corpus(dir: &Path) -> Result<Corpus, FolderError> {
    let paths = corpus_inputs(dir)?;
    if paths.is_empty() {
        return Err(FolderError::Empty {
            path: dir.to_path_buf(),
        });
    }
    let mut contents = Vec::with_capacity(paths.len());
    for path in &paths {
        let bytes = std::fs::read(path).map_err(|error| FolderError::Io {
            path: path.clone(),
            error,
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        contents.push((name, bytes));
    }
    let meta_path = dir.join(METADATA_FILE);
    let metadata = if meta_path.is_file() {
        let source = std::fs::read_to_string(&meta_path).map_err(|error| FolderError::Io {
            path: meta_path.clone(),
            error,
        })?;
        parse_metadata(&source).map_err(|error| FolderError::Metadata {
            path: meta_path.clone(),
            error,
        })?
    } else {
        Metadata::default()
    };
    let files: Vec<SourceFile<'_>> = contents
        .iter()
        .map(|(name, bytes)| SourceFile { name, bytes })
        .collect();
    build_corpus(&files, &metadata).map_err(|error| FolderError::Metadata {
        path: meta_path,
        error,
    })
}
