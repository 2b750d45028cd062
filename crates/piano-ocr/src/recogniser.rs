//! One page image to its words: set straight (`deskew.rs`), the rules drawn
//! on it found and wiped, then tesseract run on what is left (unless it is
//! blank, `blank.rs`); a page read with little confidence is
//! turned upright when tesseract tells its orientation, and read again.
//! Pages are read in runs of several, one tesseract process a run
//! (`run.rs`); the second look at a page (`reread.rs`) is read with every
//! other page's once all are looked at (`later.rs`):
//! [`Recogniser::look_all`], then [`Recogniser::finish`]. Shared by the
//! image files this crate opens and by page images from elsewhere (a
//! PDF's scanned pages), so both are read alike.

use image::{GrayImage, imageops};
use piano_model::Ocr;
use piano_table::Rule;

use crate::cache::{Cache, Entry};
use crate::clock::PageClock;
use crate::progress::ProgressHook;
use crate::tesseract::Tesseract;
use crate::tsv::{self, OcrWord};
use crate::{OcrError, Settings, blank, deskew, pages, reread, rules, scale};

mod later;
mod run;

pub use later::Looked;

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

/// A page read again from a cached TSV, read from `image` scaled up
/// `scale` times: its rules found in `image` (cheap), its words from the
/// TSV (its size told without scaling the image again).
fn read_back(image: GrayImage, scale: u32, tsv: &str) -> Result<PageText, tsv::TsvError> {
    let (image, unread) = ruled(image);
    let scale = scale.max(1);
    Ok(PageText {
        columns: image.width().saturating_mul(scale),
        rows: image.height().saturating_mul(scale),
        words: tsv::words(tsv)?,
        rules: scale::rules_up(unread.rules, scale),
        scale,
    })
}

/// `image` set straight (but for a small skew), its rules found and wiped,
/// at the resolution it came in; with the page with its rules and no word.
fn ruled(image: GrayImage) -> (GrayImage, PageText) {
    let mut image = deskew::straighten(image);
    let rules = rules::take_rules(&mut image);
    let unread = PageText {
        columns: image.width(),
        rows: image.height(),
        words: Vec::new(),
        rules,
        scale: 1,
    };
    (image, unread)
}

/// `image` set straight (but for a small skew), its rules found and wiped,
/// and scaled up when it is coarse (`scale.rs`): the image to read, and
/// the page with its rules and no word yet, in the image's pixels.
fn straightened(image: GrayImage) -> (GrayImage, PageText) {
    let (image, unread) = ruled(image);
    let factor = scale::factor(image.width(), image.height());
    let image = scale::up(image, factor);
    let unread = PageText {
        columns: image.width(),
        rows: image.height(),
        rules: scale::rules_up(unread.rules, factor),
        scale: factor,
        ..unread
    };
    (image, unread)
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
    /// How many times the page was scaled up before it was read (1 for a
    /// page scanned at 150 dpi or finer, `scale.rs`): the pixels above are
    /// the scaled image's.
    pub scale: u32,
}

/// The words of tesseract's TSV output `tsv` for page `page`.
fn words_of(tsv: &str, page: u32) -> Result<Vec<OcrWord>, OcrError> {
    tsv::words(tsv).map_err(|error| OcrError::Tesseract {
        page: Some(page),
        reason: error.to_string(),
    })
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

    /// What `image` read back from the cache gives, if it was cached; with
    /// its key in the cache, when there is one.
    fn cached(&self, image: &GrayImage) -> (Option<PageText>, Option<String>) {
        let Some(cache) = &self.cache else {
            return (None, None);
        };
        let key = Cache::key(image, &self.engine.identity());
        let text = cache.get(&key).and_then(|entry| {
            read_back(turned(image.clone(), entry.turn), entry.scale, &entry.tsv).ok()
        });
        (text, Some(key))
    }

    /// `first`, the first reading of page `page` (its TSV `tsv`, read from
    /// `straight`, the page set straight, none when blank), settled: a
    /// coarse page, read scaled up, is read at the resolution it came in
    /// too (of `image`, the page as it came, none when it cannot be had
    /// again), the surer reading kept ([`Recogniser::at_surer_resolution`]);
    /// then a page read surely enough is left to its second look; a
    /// doubtful one has its second look read at once (its confidence after
    /// it decides whether its orientation is asked, of `image`), and is
    /// cached under `key`.
    fn settle_first(
        &self,
        first: PageText,
        tsv: String,
        straight: Option<&GrayImage>,
        page: u32,
        key: Option<String>,
        image: impl FnOnce() -> Option<GrayImage>,
    ) -> Result<Looked, OcrError> {
        if first.scale > 1 {
            if let (Some(original), Some(straight)) = (image(), straight) {
                let (first, tsv, straight) =
                    self.at_surer_resolution((first, tsv, straight), &original, page)?;
                return self.settle_read(first, tsv, Some(&straight), page, key, || Some(original));
            }
            return self.settle_read(first, tsv, straight, page, key, || None);
        }
        self.settle_read(first, tsv, straight, page, key, image)
    }

    /// `scaled`, a coarse page's reading (its TSV and the image read, scaled
    /// up, `scale.rs`), or the reading of `original`, the page as it came,
    /// set straight and read at its own resolution, whichever has the
    /// higher mean confidence: scaled up, a bitonal page's letters read
    /// surer and righter ("31/12/2022", not "3112/2022"), but the dotted
    /// rules some programs print (each dot a pixel, too broken to be found
    /// as a rule and wiped) grow into marks read as letters ("i", ":"), a
    /// page then read far less surely than as it came.
    fn at_surer_resolution(
        &self,
        scaled: (PageText, String, &GrayImage),
        original: &GrayImage,
        page: u32,
    ) -> Result<(PageText, String, GrayImage), OcrError> {
        let (image, unread) = ruled(original.clone());
        if blank::is_blank(&image) {
            return Ok((scaled.0, scaled.1, scaled.2.clone()));
        }
        let tsv = self.hand_over(&image, page)?;
        let native = PageText {
            words: words_of(&tsv, page)?,
            ..unread
        };
        Ok(if mean_confidence(&native) >= mean_confidence(&scaled.0) {
            (native, tsv, image)
        } else {
            (scaled.0, scaled.1, scaled.2.clone())
        })
    }

    /// `first` settled as [`Recogniser::settle_first`] says, once read at
    /// the resolution it is kept at.
    fn settle_read(
        &self,
        first: PageText,
        tsv: String,
        straight: Option<&GrayImage>,
        page: u32,
        key: Option<String>,
        image: impl FnOnce() -> Option<GrayImage>,
    ) -> Result<Looked, OcrError> {
        // Its second look only raises a page's confidence: read surely
        // enough now, it is not asked its orientation after either.
        if mean_confidence(&first) >= DOUBTFUL {
            return self.later(first, tsv, straight, page, key);
        }
        let first = self.amended(first, tsv, straight, page)?;
        let (text, entry) = match image() {
            Some(image) => self.turned_if_better(image, first, page)?,
            None => {
                let scale = first.0.scale;
                (
                    first.0,
                    Entry {
                        turn: 0,
                        scale,
                        tsv: first.1,
                    },
                )
            }
        };
        if let (Some(cache), Some(key)) = (&self.cache, &key) {
            cache.put(key, &entry);
        }
        Ok(Looked::read(text))
    }

    /// `first`, the reading (and its TSV) of `image` as it stands, or its
    /// reading turned upright where tesseract tells its orientation and
    /// that reads more confidently; with the turn and TSV that give it.
    fn turned_if_better(
        &self,
        image: GrayImage,
        first: (PageText, String),
        page: u32,
    ) -> Result<(PageText, Entry), OcrError> {
        let kept = |(text, tsv): (PageText, String), turn| {
            let scale = text.scale;
            (text, Entry { turn, scale, tsv })
        };
        if mean_confidence(&first.0) >= DOUBTFUL {
            return Ok(kept(first, 0));
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
            return Ok(kept(first, 0));
        };
        let (text, tsv, straight) = self.first_look(turned(image, turn), page)?;
        let second = self.amended(text, tsv, straight.as_ref(), page)?;
        Ok(if mean_confidence(&second.0) > mean_confidence(&first.0) {
            kept(second, turn)
        } else {
            kept(first, 0)
        })
    }

    /// Reads `image` as it stands but for a small skew (set straight): its
    /// rules, then its words once the rules are wiped; with the TSV output,
    /// and the image read, for its second look (none for a blank page,
    /// which is not handed to tesseract).
    fn first_look(
        &self,
        image: GrayImage,
        page: u32,
    ) -> Result<(PageText, String, Option<GrayImage>), OcrError> {
        let (image, unread) = straightened(image);
        let (tsv, straight) = if blank::is_blank(&image) {
            (blank::tsv(unread.columns, unread.rows), None)
        } else {
            (self.hand_over(&image, page)?, Some(image))
        };
        let words = words_of(&tsv, page)?;
        Ok((PageText { words, ..unread }, tsv, straight))
    }

    /// `first` and its TSV `tsv` after the second look at `image` (read at
    /// once, `reread.rs`).
    fn amended(
        &self,
        first: PageText,
        tsv: String,
        image: Option<&GrayImage>,
        page: u32,
    ) -> Result<(PageText, String), OcrError> {
        let Some(image) = image else {
            return Ok((first, tsv));
        };
        let tsv = reread::amend(tsv, image, first.scale, |strip| self.hand_over(strip, page));
        let words = words_of(&tsv, page)?;
        Ok((PageText { words, ..first }, tsv))
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
