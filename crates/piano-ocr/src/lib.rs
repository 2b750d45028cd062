//! Scanned plans: images of pages (PNG, JPEG, multi-page TIFF) to the lines
//! of cells piano's parser reads, by OCR.
//!
//! - `kind.rs` tells an image by its signature;
//! - `pages.rs` splits it into pages (a TIFF may hold many), each decoded
//!   grey;
//! - `speckle.rs` wipes the specks a dusty or copied scan strews over a
//!   page, before recognition (`spans.rs` groups a page's ink by its runs
//!   along rows, to tell a clean page fast);
//! - `rules.rs` finds the table rules drawn on a page and wipes them (on a
//!   page strewn with specks, `speckle.rs` has it mend first the rules
//!   specks of paper pierced);
//! - `recogniser.rs` reads one page image (or finds it in the cache of
//!   recognised pages, `cache.rs`; `clock.rs` tells a batch when each page
//!   begins; `progress.rs` tells whoever shows progress of each page
//!   recognised): `tesseract.rs` runs the
//!   tesseract program on it, one thread a process, each process reading
//!   a run of a few pages handed over as a list of files
//!   (`recogniser/run.rs`, `lists.rs`), runs in parallel, largest pages
//!   first (`schedule.rs`) (a blank page, `blank.rs`, is not handed to it); it also
//!   reads the page images of PDFs (piano-run hands them over from
//!   piano-pdf);
//! - `tsv.rs` reads its output into word boxes with their confidence, each
//!   at its line's baseline and font size (`size.rs` tells a word's size
//!   from its box and its letters);
//! - the shared table rebuild ([`piano_table`]) turns the words of each page
//!   and rules into table rows and lines of text, as it does a PDF's; a cell
//!   keeps the lowest confidence of its words, and `confidence.rs` reports
//!   the cells read with low confidence.
//!
//! Units are the image's pixels.

mod blank;
mod cache;
mod clock;
mod confidence;
mod deskew;
mod kind;
mod lists;
mod pages;
mod progress;
mod recogniser;
mod reread;
mod rules;
mod scale;
mod schedule;
mod size;
mod spans;
mod speckle;
mod tesseract;
mod tsv;

use std::path::PathBuf;
use std::rc::Rc;

use piano_model::{Layout, Ocr};
use piano_table::{Page, PageTrace, Rebuild, Rule, Word};

pub use crate::clock::PageClock;
pub use crate::confidence::{LOW_CONFIDENCE, low_confidence_cells};
pub use crate::kind::{ImageKind, image_kind};
use crate::pages::Pages;
pub use crate::progress::{PageProgress, ProgressHook};
pub use crate::recogniser::{Looked, PageText, Recogniser};
pub use crate::speckle::despeckle;
pub use crate::tsv::OcrWord;

/// The install command named when tesseract or its Italian data is missing.
const INSTALL: &str = "`apt install tesseract-ocr tesseract-ocr-ita` (Debian, Ubuntu), \
                       `brew install tesseract tesseract-lang` (macOS) or \
                       `choco install tesseract` (Windows)";

/// Which pages are recognised by OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Scans: image files, and a PDF's pages that are pictures with no text
    /// (or little text over a picture covering most of the page).
    #[default]
    Auto,
    /// Every page drawn with a picture, its text layer set aside.
    Always,
    /// None: an image file, or a PDF of pictures only, is refused.
    Never,
}

/// How to recognise text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The languages of the text, as tesseract names them, joined by `+`
    /// (`ita`, `ita+eng`).
    pub languages: String,
    /// Which pages are recognised.
    pub mode: Mode,
    /// A folder keeping recognised pages, so that a page is recognised once
    /// across runs (`cache.rs`).
    pub cache: Option<PathBuf>,
    /// Told as each page's recognition begins (batch time limits count from it).
    pub clock: PageClock,
    /// Told how many pages are to be recognised and as each is, so that
    /// the caller can show progress.
    pub progress: ProgressHook,
}

impl Default for Settings {
    /// Italian, the language of every plan; scans recognised.
    fn default() -> Settings {
        Settings {
            languages: "ita".to_owned(),
            mode: Mode::Auto,
            cache: None,
            clock: PageClock::new(),
            progress: ProgressHook::default(),
        }
    }
}

/// A scan read: its lines of cells and how they were recognised.
#[derive(Debug, Clone)]
pub struct Scan {
    /// The lines of cells, numbered as `piano text` prints them.
    pub layout: Layout,
    /// What the plan's `source.ocr` says of the recognition.
    pub ocr: Ocr,
}

/// Why an image could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// The bytes are no PNG, JPEG or TIFF.
    #[error("not an image: no PNG, JPEG or TIFF signature")]
    NotImage,
    /// An image was given while OCR is turned off.
    #[error("the input is a {} image, which only OCR reads: drop `--ocr never` (or give `--ocr auto`)", kind.name())]
    NotAllowed {
        /// The image's format.
        kind: ImageKind,
    },
    /// The OCR cache folder cannot be made.
    #[error("the OCR cache {} cannot be used: {reason}", dir.display())]
    Cache {
        /// The folder.
        dir: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The tesseract program is not installed (or not on the `PATH`).
    #[error(
        "reading a scan needs the tesseract program, which is not installed: install it with {INSTALL}"
    )]
    TesseractMissing,
    /// Tesseract has no data for a language asked for.
    #[error(
        "tesseract has no data for the language {language:?}: install it (for Italian: {INSTALL}; \
         other languages: the package `tesseract-ocr-<language>`), or choose another with --ocr-lang"
    )]
    LanguageMissing {
        /// The language, as tesseract names it.
        language: String,
    },
    /// The image, or one of its pages, could not be decoded.
    #[error("{} could not be decoded: {reason}", where_in(*.page, *.kind))]
    Decode {
        /// The format the signature says.
        kind: ImageKind,
        /// The 1-based page, when the file opened.
        page: Option<u32>,
        /// What the decoder said.
        reason: String,
    },
    /// Tesseract failed, or gave output that could not be read.
    #[error("tesseract failed{}: {reason}", page.map(|p| format!(" on page {p}")).unwrap_or_default())]
    Tesseract {
        /// The 1-based page, when it failed on one.
        page: Option<u32>,
        /// What went wrong.
        reason: String,
    },
}

/// "the TIFF" or "page 2 of the TIFF".
fn where_in(page: Option<u32>, kind: ImageKind) -> String {
    match page {
        Some(page) => format!("page {page} of the {}", kind.name()),
        None => format!("the {}", kind.name()),
    }
}

/// The table rules drawn in `image`, as it stands (not set straight): for a
/// page whose words another program recognised and placed over it (a PDF's
/// OCR layer), so that its table is read by its rules and the rule marks
/// that program read as text are told. No OCR is run.
pub fn rules_of(mut image: image::GrayImage) -> Vec<Rule> {
    rules::take_rules(&mut image)
}

/// One page of a scan as an image, for views of it (`piano debug`).
#[derive(Debug, Clone)]
pub struct PageImage {
    /// The page, grey as piano reads it, as a PNG file.
    pub png: Vec<u8>,
    /// Its width in pixels, the unit of the scan's word boxes.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
}

/// Reads the image `bytes` by OCR: every page recognised by tesseract (in
/// parallel, on rayon's threads), then rebuilt into lines of cells.
pub fn read_image(bytes: &[u8], settings: &Settings) -> Result<Scan, OcrError> {
    read(bytes, settings, Rebuild::new()).map(|(scan, _)| scan)
}

/// Reads the image `bytes` as [`read_image`] does, and keeps what the table
/// rebuild saw and inferred on page `page` (`None` when there is no such
/// page), for views of it (`piano debug`).
pub fn read_image_traced(
    bytes: &[u8],
    settings: &Settings,
    page: u32,
) -> Result<(Scan, Option<PageTrace>), OcrError> {
    read(bytes, settings, Rebuild::tracing(page))
}

/// Page `page` (1-based) of the image `bytes`, grey as piano reads it (a
/// coarse page scaled up as it is before recognition, `scale.rs`, so that
/// its words' pixels are the image's), as a PNG file.
pub fn page_image(bytes: &[u8], page: u32) -> Result<PageImage, OcrError> {
    let kind = image_kind(bytes).ok_or(OcrError::NotImage)?;
    let decode = |page, reason| OcrError::Decode { kind, page, reason };
    let pages = Pages::open(bytes, kind).map_err(|reason| decode(None, reason))?;
    let index = usize::try_from(page.saturating_sub(1)).unwrap_or(usize::MAX);
    if page == 0 || index >= pages.count() {
        let reason = format!("the {} has {} pages", kind.name(), pages.count());
        return Err(decode(Some(page), reason));
    }
    let image = pages
        .page(index)
        .map_err(|reason| decode(Some(page), reason))?;
    let factor = scale::factor(image.width(), image.height());
    let image = scale::up(image, factor);
    let png = pages::png(&image).map_err(|reason| decode(Some(page), reason))?;
    Ok(PageImage {
        png,
        width: image.width(),
        height: image.height(),
    })
}

/// Reads the image `bytes` by OCR through `rebuild`, with the trace it kept.
fn read(
    bytes: &[u8],
    settings: &Settings,
    mut rebuild: Rebuild,
) -> Result<(Scan, Option<PageTrace>), OcrError> {
    let kind = image_kind(bytes).ok_or(OcrError::NotImage)?;
    if settings.mode == Mode::Never {
        return Err(OcrError::NotAllowed { kind });
    }
    let recogniser = Recogniser::new(settings)?;
    let pages = Pages::open(bytes, kind).map_err(|reason| OcrError::Decode {
        kind,
        page: None,
        reason,
    })?;
    let count = u32::try_from(pages.count()).unwrap_or(u32::MAX);
    settings.progress.expect(pages.count());
    // Runs of a few pages to each thread, largest first, so that the
    // threads finish close together (`schedule.rs`).
    let number = |index: usize| u32::try_from(index + 1).unwrap_or(u32::MAX);
    let looked = recogniser.look_all(&pages.largest_first(), number, |index| {
        let image = pages.page(index).map_err(|reason| OcrError::Decode {
            kind,
            page: Some(number(index)),
            reason,
        })?;
        Ok(despeckle(image))
    })?;
    let looked = looked.into_iter().collect::<Result<Vec<_>, OcrError>>()?;
    let recognised = recogniser.finish(looked)?;
    let mut confidences = Vec::new();
    for (number, page) in (1..).zip(recognised) {
        confidences.extend(page.words.iter().map(|word| word.confidence));
        rebuild.push(&page_of(page, number));
    }
    let trace = rebuild.take_trace();
    let (lines, mut diagnostics) = rebuild.finish();
    diagnostics.extend(confidence::low_confidence_cells(&lines));
    let ocr = recogniser.provenance((1..=count).collect(), &confidences);
    let layout = Layout {
        lines,
        pages: Some(count),
        diagnostics,
    };
    Ok((Scan { layout, ocr }, trace))
}

/// The words of `page` as the rebuild takes them: a word that follows
/// another on its line (as tesseract parted them) comes after a lone space
/// drawn just left of it, so that the rebuild sets the two a space apart
/// however narrow the gap, or cuts a cell between them where it is wide.
pub fn words_of(page: PageText) -> Vec<Word> {
    let mut words = Vec::with_capacity(page.words.len() * 2);
    for word in page.words {
        let spaced = word.spaced;
        let word = Word {
            text: Rc::from(word.text),
            x0: word.x0,
            x1: word.x1,
            y: word.y,
            size: word.size,
            confidence: Some(word.confidence),
        };
        if spaced {
            words.push(word.space_before());
        }
        words.push(word);
    }
    words
}

/// The page the rebuild reads.
fn page_of(page: PageText, number: u32) -> Page {
    let (height, rules) = (page.rows as f32, page.rules.clone());
    Page {
        number,
        height,
        words: words_of(page),
        rules,
        pitch: None,
        input_lines: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of `text` at `x0..x1` on the line at 100, read with confidence.
    fn word(text: &str, x0: f32, x1: f32, spaced: bool) -> OcrWord {
        OcrWord {
            text: text.to_owned(),
            x0,
            x1,
            y: 100.0,
            size: 30.0,
            confidence: 0.95,
            spaced,
        }
    }

    #[test]
    fn words_tesseract_parts_stay_apart_however_narrow_the_gap() {
        // Two pixels apart: a letter gap by the size, yet two words by
        // tesseract; the third word after a gap no table gutter is.
        let page = PageText {
            columns: 1000,
            rows: 200,
            words: vec![
                word("Alfa", 10.0, 100.0, false),
                word("beta", 102.0, 190.0, true),
                word("gamma", 200.0, 300.0, true),
            ],
            rules: Vec::new(),
            scale: 1,
        };
        let mut rebuild = Rebuild::new();
        rebuild.push(&page_of(page, 1));
        let (lines, _) = rebuild.finish();
        let texts: Vec<&str> = lines
            .iter()
            .flat_map(|line| &line.cells)
            .map(|cell| cell.text.as_str())
            .collect();
        assert_eq!(texts, ["Alfa beta gamma"]);
    }

    #[test]
    fn a_page_image_is_the_page_grey_as_a_png() {
        let image = image::RgbImage::from_pixel(16, 8, image::Rgb([200, 100, 0]));
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .expect("the image is written");
        let page = page_image(&bytes, 1).expect("page 1 is drawn");
        assert_eq!((page.width, page.height), (16, 8));
        let read = image::load_from_memory(&page.png).expect("the PNG is read");
        assert_eq!(read.color(), image::ColorType::L8);
        assert!(matches!(
            page_image(&bytes, 2),
            Err(OcrError::Decode { page: Some(2), .. })
        ));
        assert!(matches!(page_image(b"%PDF-", 1), Err(OcrError::NotImage)));
    }
}
