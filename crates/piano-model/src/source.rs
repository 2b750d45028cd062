//! Where a plan came from: the input's name, digest and format, and for a
//! scan, how piano recognised its text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The input a plan was extracted from.
///
/// The digest identifies the input across runs and machines: a plan's
/// [`plan_id`](Source::plan_id) is derived from it, so the same bytes always
/// give the same identifier whatever the file is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The file name as given, without directories (`-` for standard input).
    pub file: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Whether the input was a text dump, a PDF or an image.
    pub format: SourceFormat,
    /// Number of pages (of a PDF, or of an image: a multi-page TIFF has
    /// several); `null` for text input.
    pub pages: Option<u32>,
    /// How piano recognised the text of the pages it read by OCR; `null`
    /// when it read none that way (a text dump, a born-digital PDF, or a
    /// PDF whose OCR text layer another program made).
    pub ocr: Option<Ocr>,
}

/// The OCR piano ran itself on a scan's pages: which engine, in which
/// languages, on which pages, and how sure it was, so that a reader of the
/// data knows which values came from recognised text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ocr {
    /// The OCR engine (`tesseract`).
    pub engine: String,
    /// The engine's version as it reports it (`5.3.0`).
    pub engine_version: String,
    /// The languages the text was recognised in, as the engine names them
    /// (`ita`).
    pub languages: Vec<String>,
    /// The 1-based pages recognised.
    pub pages: Vec<u32>,
    /// The mean confidence of the recognised words, 0 to 1 (0 where no word
    /// was recognised).
    pub mean_confidence: f64,
}

/// The kind of input a plan was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A text dump (tab-separated cells, one table row per line).
    Text,
    /// A PDF file.
    Pdf,
    /// An image of pages (PNG, JPEG or TIFF), read by OCR.
    Image,
}

impl Source {
    /// Describes `bytes` read from `path`: keeps only the file name and hashes the bytes.
    pub fn from_bytes(path: &str, bytes: &[u8], format: SourceFormat) -> Source {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path).to_owned();
        Source {
            file,
            sha256: sha256_hex(bytes),
            format,
            pages: None,
            ocr: None,
        }
    }

    /// The plan identifier: the first 12 hex digits of the digest.
    pub fn plan_id(&self) -> String {
        self.sha256.chars().take(12).collect()
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_the_file_name_and_hashes_the_bytes() {
        let source = Source::from_bytes("a/b\\plan.txt", b"abc", SourceFormat::Text);
        assert_eq!(source.file, "plan.txt");
        assert_eq!(
            source.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(source.plan_id(), "ba7816bf8f01");
    }
}
