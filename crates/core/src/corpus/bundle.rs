//! The bundle: a format version, a checksum, then the corpus, in postcard.
//!
//! ```text
//! varint  FORMAT_VERSION
//! u64 LE  FNV-1a checksum of the payload
//! …       payload: the Corpus, in postcard
//! ```
//!
//! The checksum makes any damage (a truncated download, a flipped byte) an error before the
//! payload is read, so a damaged bundle never decodes into a corpus whose spans or numbers
//! disagree with each other.

use super::Corpus;

/// Version of the bundle format. Bump it whenever a serialised type changes shape; the golden
/// round-trip test fails until you do.
pub const FORMAT_VERSION: u32 = 10;

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

/// Serialises a corpus into the versioned bundle.
pub fn encode_bundle(corpus: &Corpus) -> Vec<u8> {
    seal(&postcard::to_allocvec(corpus).expect("serialising plain data into a Vec cannot fail"))
}

/// Reads a bundle written by [`encode_bundle`]: the format version first, then the checksum,
/// then the corpus.
pub fn decode_bundle(bytes: &[u8]) -> Result<Corpus, BundleError> {
    postcard::from_bytes(unseal(bytes)?).map_err(|e| BundleError::Corrupt(e.to_string()))
}

/// A payload framed as a bundle of this format version: the version and the payload's checksum
/// before it.
pub fn seal(payload: &[u8]) -> Vec<u8> {
    let mut out = postcard::to_allocvec(&FORMAT_VERSION).expect("a u32 serialises");
    out.extend(checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a bundle, once its version and checksum are right.
pub fn unseal(bytes: &[u8]) -> Result<&[u8], BundleError> {
    let (found, rest) =
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let (sum, payload) = rest
        .split_first_chunk::<8>()
        .ok_or_else(|| BundleError::Corrupt("it ends before its checksum".into()))?;
    if u64::from_le_bytes(*sum) != checksum(payload) {
        return Err(BundleError::Corrupt(
            "its checksum does not match (the file is truncated or altered)".into(),
        ));
    }
    Ok(payload)
}

/// 64-bit FNV-1a: what seals a bundle or fragment, and names a fragment.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
