//! Recognised pages kept on disk (`--ocr-cache DIR`), so that reading an
//! archive again (after a profile is fixed) does not recognise it again.
//!
//! An entry is keyed by the SHA-256 of what decides the recognition: the
//! page image's pixels and size, the engine's version and languages, and
//! this cache's format. It holds the turn the page was read at and
//! tesseract's TSV output, from which the page's words are read again as on
//! the first run. Entries are written whole (a temporary file renamed into
//! place), so a run stopped halfway leaves none half-written; an entry that
//! does not read back (damaged, or of another format) is ignored and
//! rewritten. A cache that cannot be written to costs only the time: the
//! page is recognised all the same.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use image::GrayImage;
use sha2::{Digest, Sha256};

use crate::OcrError;

/// The first line of every entry: the format, then the turn (and, for a
/// page read scaled up, [`SCALE`] and the factor).
const HEADER: &str = "piano-ocr-cache 2 turn ";
/// What comes between an entry's turn and the factor a coarse page was
/// scaled up by before it was read (`scale.rs`); a page read as it came
/// has none, so that its entry is as it was before pages were scaled.
const SCALE: &str = " scale ";

/// A recognised page as the cache keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The clockwise turn (0, 90, 180, 270) the page was read at.
    pub turn: u32,
    /// How many times the page was scaled up before it was read (1: as it
    /// came).
    pub scale: u32,
    /// Tesseract's TSV output for the page so turned.
    pub tsv: String,
}

/// A folder of recognised pages.
#[derive(Debug, Clone)]
pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir`, created if missing.
    pub fn open(dir: &Path) -> Result<Cache, OcrError> {
        std::fs::create_dir_all(dir).map_err(|error| OcrError::Cache {
            dir: dir.to_path_buf(),
            reason: error.to_string(),
        })?;
        Ok(Cache {
            dir: dir.to_path_buf(),
        })
    }

    /// The key of `image` recognised by `engine` (its version and languages).
    pub fn key(image: &GrayImage, engine: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(HEADER.as_bytes());
        hash.update(engine.as_bytes());
        hash.update(image.width().to_le_bytes());
        hash.update(image.height().to_le_bytes());
        hash.update(image.as_raw());
        hash.finalize().iter().fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
    }

    /// The entry under `key`, if one reads back whole.
    pub fn get(&self, key: &str) -> Option<Entry> {
        let text = std::fs::read_to_string(self.path(key)).ok()?;
        let (header, tsv) = text.split_once('\n')?;
        let (turn, scale) = match header.strip_prefix(HEADER)?.split_once(SCALE) {
            Some((turn, scale)) => (turn.parse().ok()?, scale.parse().ok()?),
            None => (header.strip_prefix(HEADER)?.parse().ok()?, 1),
        };
        (matches!(turn, 0 | 90 | 180 | 270) && scale >= 1).then(|| Entry {
            turn,
            scale,
            tsv: tsv.to_owned(),
        })
    }

    /// Keeps `entry` under `key`, written whole or not at all.
    pub fn put(&self, key: &str, entry: &Entry) {
        let written = tempfile::NamedTempFile::new_in(&self.dir).and_then(|mut file| {
            write!(file, "{HEADER}{}", entry.turn)?;
            if entry.scale > 1 {
                write!(file, "{SCALE}{}", entry.scale)?;
            }
            writeln!(file)?;
            file.write_all(entry.tsv.as_bytes())?;
            file.persist(self.path(key)).map_err(|error| error.error)?;
            Ok(())
        });
        // A cache that cannot be written to only costs the time of the next run.
        drop(written);
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.tsv"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_back_and_a_damaged_one_does_not() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::open(&dir.path().join("pages")).expect("the cache opens");
        let image = GrayImage::from_pixel(4, 2, image::Luma([200]));
        let key = Cache::key(&image, "5.3.0 ita");
        assert_eq!(cache.get(&key), None);
        let entry = Entry {
            turn: 90,
            scale: 1,
            tsv: "level\tpage_num\n1\t1\n".to_owned(),
        };
        cache.put(&key, &entry);
        assert_eq!(cache.get(&key), Some(entry));
        // A coarse page read scaled up keeps its factor; a page read as it
        // came is written as before pages were scaled.
        let scaled = Entry {
            turn: 0,
            scale: 3,
            tsv: "level\n".to_owned(),
        };
        cache.put(&key, &scaled);
        assert_eq!(cache.get(&key), Some(scaled.clone()));
        cache.put(
            &key,
            &Entry {
                scale: 1,
                ..scaled.clone()
            },
        );
        let written = std::fs::read_to_string(cache.path(&key)).expect("written");
        assert_eq!(written, "piano-ocr-cache 2 turn 0\nlevel\n");
        std::fs::write(cache.path(&key), "piano-ocr-cache 1 turn 45\n").expect("damaged");
        assert_eq!(cache.get(&key), None);
        std::fs::write(cache.path(&key), "").expect("emptied");
        assert_eq!(cache.get(&key), None);
    }

    #[test]
    fn the_key_changes_with_the_pixels_and_the_engine() {
        let image = GrayImage::from_pixel(4, 2, image::Luma([200]));
        let mut other = image.clone();
        other.put_pixel(3, 1, image::Luma([0]));
        let key = Cache::key(&image, "5.3.0 ita");
        assert_eq!(key.len(), 64);
        assert_ne!(key, Cache::key(&other, "5.3.0 ita"));
        assert_ne!(key, Cache::key(&image, "5.3.0 ita+eng"));
        let turned = GrayImage::from_pixel(2, 4, image::Luma([200]));
        assert_ne!(key, Cache::key(&turned, "5.3.0 ita"));
    }
}
