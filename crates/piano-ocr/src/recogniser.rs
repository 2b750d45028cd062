//! One page image to its words: the rules drawn on it found and wiped, then
//! tesseract run on what is left. Shared by the image files this crate opens
//! and by page images from elsewhere (a PDF's scanned pages), so both are
//! read alike.

use image::GrayImage;
use piano_model::Ocr;
use piano_table::Rule;

use crate::tesseract::Tesseract;
use crate::tsv::{self, OcrWord};
use crate::{OcrError, Settings, pages, rules};

/// The installed OCR engine, ready to read page images.
#[derive(Debug, Clone)]
pub struct Recogniser {
    engine: Tesseract,
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
        Ok(Recogniser {
            engine: Tesseract::find(&settings.languages)?,
        })
    }

    /// Reads `image`, page `page` (1-based) of the input, for messages.
    pub fn read(&self, mut image: GrayImage, page: u32) -> Result<PageText, OcrError> {
        let rules = rules::take_rules(&mut image);
        let pgm = pages::pgm(&image).map_err(|reason| OcrError::Tesseract {
            page: Some(page),
            reason: format!("the page image could not be handed over: {reason}"),
        })?;
        let tsv = self.engine.recognise(&pgm, page)?;
        let words = tsv::words(&tsv).map_err(|error| OcrError::Tesseract {
            page: Some(page),
            reason: error.to_string(),
        })?;
        Ok(PageText {
            columns: image.width(),
            rows: image.height(),
            words,
            rules,
        })
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
