//! The bundle: a format version, then the corpus, in postcard.

use serde::{Deserialize, Serialize};

use super::Corpus;

/// Version of the bundle format. Bump it whenever a serialised type changes shape; the golden
/// round-trip test fails until you do.
pub const FORMAT_VERSION: u32 = 7;

/// The bundle embedded in the app: a format version, then the corpus.
#[derive(Serialize, Deserialize)]
struct Bundle<'a> {
    format_version: u32,
    corpus: std::borrow::Cow<'a, Corpus>,
}

/// Why a bundle could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// The bundle was written by another version of Parallax.
    Version { found: u32, expected: u32 },
    /// The bytes are not a bundle.
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::Version { found, expected } => {
                write!(
                    f,
                    "corpus bundle has format version {found}, this build reads version {expected}"
                )
            }
            BundleError::Corrupt(why) => write!(f, "corpus bundle is damaged: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Serialises a corpus into the versioned bundle (postcard).
pub fn encode_bundle(corpus: &Corpus) -> Vec<u8> {
    let bundle = Bundle {
        format_version: FORMAT_VERSION,
        corpus: std::borrow::Cow::Borrowed(corpus),
    };
    postcard::to_allocvec(&bundle).expect("serialising plain data into a Vec cannot fail")
}

/// Reads a bundle written by [`encode_bundle`], checking the format version first.
pub fn decode_bundle(bytes: &[u8]) -> Result<Corpus, BundleError> {
    let (found, _) =
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let bundle: Bundle<'static> =
        postcard::from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(bundle.corpus.into_owned())
}
