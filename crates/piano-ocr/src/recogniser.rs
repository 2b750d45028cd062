//! One page image to its words: set straight (`deskew.rs`), the rules drawn
//! on it found and wiped, then tesseract run on what is left (unless it is
//! blank, `blank.rs`); a page read with little confidence is
//! turned upright when tesseract tells its orientation, and read again. Shared by the image files this crate opens
//! and by page images from elsewhere (a PDF's scanned pages), so both are
//! read alike.

use image::{GrayImage, imageops};
use piano_model::Ocr;
use piano_table::Rule;

use crate::cache::{Cache, Entry};
use crate::clock::PageClock;
use crate::progress::ProgressHook;
use crate::tesseract::Tesseract;
use crate::tsv::{self, OcrWord};
use crate::{OcrError, Settings, blank, deskew, pages, reread, rules};

/// Under this mean word confidence a page's orientation is doubted (an
/// upright page of print reads above 0.9; one scanned sideways near 0.5).
const DOUBTFUL: f32 = 0.75;

/// `image` turned clockwise by `turn` degrees (0, 90, 180 or 270).
fn turned(image: GrayImage, turn: u32) -> GrayImage {
    match turn {
        90 => imageops::rotate90(&image),
        180 => imageops::rotate180(&image),
        270 => imageops::rotate270(&image),
        _ => image,
    }
}

/// A page read again from a cached TSV: its rules found in `image` (cheap),
/// its words from the TSV.
fn read_back(image: GrayImage, tsv: &str) -> Result<PageText, tsv::TsvError> {
    let mut image = deskew::straighten(image);
    let rules = rules::take_rules(&mut image);
    Ok(PageText {
        columns: image.width(),
        rows: image.height(),
        words: tsv::words(tsv)?,
        rules,
    })
}

/// The mean confidence of a page's words, 0 where it has none.
fn mean_confidence(text: &PageText) -> f32 {
    if text.words.is_empty() {
        return 0.0;
    }
    text.words.iter().map(|word| word.confidence).sum::<f32>() / text.words.len() as f32
}

/// The installed OCR engine, ready to read page images.
#[derive(Debug, Clone)]
pub struct Recogniser {
    engine: Tesseract,
    cache: Option<Cache>,
    clock: PageClock,
    progress: ProgressHook,
}

/// What was read of one page image, in its pixels (origin top-left, y down).
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    /// The image's width.
    pub columns: u32,
    /// The image's height.
    pub rows: u32,
    /// The words recognised, each with its confidence.
    pub words: Vec<OcrWord>,
    /// The table rules drawn on the page.
    pub rules: Vec<Rule>,
}

impl Recogniser {
    /// Finds the tesseract program and the data of the languages `settings`
    /// ask for; the error names what to install when either is missing.
    pub fn new(settings: &Settings) -> Result<Recogniser, OcrError> {
        let cache = settings.cache.as_deref().map(Cache::open).transpose()?;
        Ok(Recogniser {
            engine: Tesseract::find(&settings.languages)?,
            cache,
            clock: settings.clock.clone(),
            progress: settings.progress.clone(),
        })
    }

    /// Reads `image`, page `page` (1-based) of the input, for messages. A
    /// page read with a mean confidence under 0.75 may be scanned
    /// sideways or upside down: tesseract is asked its orientation, and the
    /// page read again turned upright, the better reading kept. With a
    /// cache, a page recognised before is read back from it instead. The
    /// settings' progress hook is told of the page once it is read.
    pub fn read(&self, image: GrayImage, page: u32) -> Result<PageText, OcrError> {
        self.clock.start_page();
        let text = self.read_cached(image, page)?;
        self.progress.recognised(page);
        Ok(text)
    }

    /// Reads `image` as [`Recogniser::read`] does, through the cache when
    /// there is one.
    fn read_cached(&self, image: GrayImage, page: u32) -> Result<PageText, OcrError> {
        let Some(cache) = &self.cache else {
            return Ok(self.recognise(image, page)?.0);
        };
        let key = Cache::key(&image, &self.engine.identity());
        if let Some(entry) = cache.get(&key)
            && let Ok(text) = read_back(turned(image.clone(), entry.turn), &entry.tsv)
        {
            return Ok(text);
        }
        let (text, entry) = self.recognise(image, page)?;
        cache.put(&key, &entry);
        Ok(text)
    }

    /// Recognises `image`, turned upright when it reads doubtfully: what
    /// was read, and the turn and TSV that give it again.
    fn recognise(&self, image: GrayImage, page: u32) -> Result<(PageText, Entry), OcrError> {
        let first = self.read_as_is(image.clone(), page)?;
        if mean_confidence(&first.0) >= DOUBTFUL {
            return Ok((
                first.0,
                Entry {
                    turn: 0,
                    tsv: first.1,
                },
            ));
        }
        // A blank page has no text to tell its orientation by.
        let orientation = if blank::is_blank(&image) {
            None
        } else {
            pages::png(&image)
                .ok()
                .and_then(|png| self.engine.orientation(&png))
        };
        let Some(turn) = orientation else {
            return Ok((
                first.0,
                Entry {
                    turn: 0,
                    tsv: first.1,
                },
            ));
        };
        let second = self.read_as_is(turned(image, turn), page)?;
        Ok(if mean_confidence(&second.0) > mean_confidence(&first.0) {
            (
                second.0,
                Entry {
                    turn,
                    tsv: second.1,
                },
            )
        } else {
            (
                first.0,
                Entry {
                    turn: 0,
                    tsv: first.1,
                },
            )
        })
    }

    /// Reads `image` as it stands but for a small skew (set straight): its
    /// rules, then its words once the rules are wiped, those read doubtfully
    /// read again alone (`reread.rs`); with the TSV output so amended.
    fn read_as_is(&self, image: GrayImage, page: u32) -> Result<(PageText, String), OcrError> {
        let mut image = deskew::straighten(image);
        let rules = rules::take_rules(&mut image);
        let tsv = if blank::is_blank(&image) {
            blank::tsv(image.width(), image.height())
        } else {
            let tsv = self.hand_over(&image, page)?;
            reread::amend(tsv, &image, |strip| self.hand_over(strip, page))
        };
        let words = tsv::words(&tsv).map_err(|error| OcrError::Tesseract {
            page: Some(page),
            reason: error.to_string(),
        })?;
        let text = PageText {
            columns: image.width(),
            rows: image.height(),
            words,
            rules,
        };
        Ok((text, tsv))
    }

    /// Tesseract's TSV output for `image`, page `page`: handed over as an
    /// uncompressed TIFF file, or, where no temporary file can be written,
    /// as a PNG on its standard input (the same pixels, read alike).
    fn hand_over(&self, image: &GrayImage, page: u32) -> Result<String, OcrError> {
        if let Ok(file) = pages::tiff_file(image) {
            return self.engine.recognise_file(file.path(), page);
        }
        let png = pages::png(image).map_err(|reason| OcrError::Tesseract {
            page: Some(page),
            reason: format!("the page image could not be handed over: {reason}"),
        })?;
        self.engine.recognise(&png, page)
    }

    /// What a plan's `source.ocr` says of the recognition of `pages`, whose
    /// words were read with `confidences`.
    pub fn provenance(&self, pages: Vec<u32>, confidences: &[f32]) -> Ocr {
        let mean = if confidences.is_empty() {
            0.0
        } else {
            confidences.iter().map(|&c| f64::from(c)).sum::<f64>() / confidences.len() as f64
        };
        Ocr {
            engine: "tesseract".to_owned(),
            engine_version: self.engine.version.clone(),
            languages: self.engine.languages(),
            pages,
            mean_confidence: (mean * 1000.0).round() / 1000.0,
        }
    }
}
