//! A PDF read with its scanned pages recognised: piano-pdf says which pages
//! are pictures of text and hands their pictures over; here they are decoded
//! (their specks wiped, as an image file's pages are) and recognised by
//! piano-ocr in parallel, on rayon's threads (one
//! tesseract process and thread a run of a few pages), a picture decoded
//! only when its run's turn comes and let go once written for tesseract,
//! so that only as many are held as threads. piano-pdf places the words on their pages and rebuilds the whole;
//! a picture that cannot be decoded is handed back as such, and piano-pdf
//! reports its page and reads the rest.

use std::borrow::Cow;

use piano_model::{Ocr, SourceFormat};
use piano_ocr::{Mode, PageText, Recogniser, Settings, despeckle};
use piano_pdf::{PagePicture, PictureReading, PictureText, Recognition, RecognitionError};

use rayon::prelude::*;

use crate::input::Reading;

/// Reads the PDF `bytes`, the pages `settings` ask for recognised by OCR;
/// owned bytes are let go once the PDF is loaded.
pub(crate) fn read_pdf(bytes: Cow<'_, [u8]>, settings: &Settings) -> anyhow::Result<Reading> {
    let recognition = match settings.mode {
        Mode::Auto => Recognition::Scans,
        Mode::Always => Recognition::Every,
        Mode::Never => Recognition::Never,
    };
    let mut ocr = None;
    let read = piano_pdf::read_pdf_with(bytes, recognition, |pictures| {
        let (texts, provenance) = read_pictures(pictures, settings)?;
        ocr = provenance;
        Ok(texts)
    })?;
    let mut layout = read.layout;
    if ocr.is_some() {
        let doubtful = piano_ocr::low_confidence_cells(&layout.lines);
        layout.diagnostics.extend(doubtful);
    }
    Ok(Reading {
        layout,
        format: SourceFormat::Pdf,
        ocr,
    })
}

/// Reads `pictures`, in parallel: the rules of those under an OCR layer
/// (no OCR, so no tesseract needed), the others recognised. What was read
/// of each (or why it could not be decoded), in order, and the provenance
/// of the recognition, when any picture was recognised.
fn read_pictures(
    pictures: &[PagePicture<'_>],
    settings: &Settings,
) -> Result<(Vec<PictureReading>, Option<Ocr>), RecognitionError> {
    let (layers, scans): (Vec<&PagePicture<'_>>, Vec<&PagePicture<'_>>) =
        pictures.iter().partition(|picture| picture.rules_only());
    let ruled: Vec<_> = layers
        .into_par_iter()
        .map(|picture| {
            let image = picture.decode()?;
            Ok((image.width(), image.height(), piano_ocr::rules_of(image)))
        })
        .collect();
    let mut rules = ruled.into_iter().map(|ruled| {
        ruled.map(|(columns, rows, rules)| PictureText {
            columns,
            rows,
            words: Vec::new(),
            rules,
        })
    });
    let (mut recognised, ocr) = if scans.is_empty() {
        (Vec::new().into_iter(), None)
    } else {
        let (texts, ocr) = recognise(&scans, settings)?;
        (texts.into_iter(), Some(ocr))
    };
    let texts = pictures
        .iter()
        .filter_map(|picture| {
            if picture.rules_only() {
                rules.next()
            } else {
                recognised.next()
            }
        })
        .collect();
    Ok((texts, ocr))
}

/// Recognises `pictures`, in parallel: what was read of each (or why it
/// could not be decoded), in order, and the provenance of the whole.
fn recognise(
    pictures: &[&PagePicture<'_>],
    settings: &Settings,
) -> Result<(Vec<PictureReading>, Ocr), RecognitionError> {
    let recogniser = Recogniser::new(settings)?;
    settings.progress.expect(pictures.len());
    let order: Vec<usize> = (0..pictures.len()).collect();
    let looked = recogniser.look_all(
        &order,
        |index| pictures[index].page(),
        |index| pictures[index].decode().map(despeckle),
    )?;
    // The decoded pages finished together (their second looks read in a
    // few runs), the undecoded kept in their places.
    let mut decoded = Vec::new();
    let mut undecoded = Vec::with_capacity(looked.len());
    for looked in looked {
        match looked {
            Ok(looked) => {
                decoded.push(looked);
                undecoded.push(None);
            }
            Err(error) => undecoded.push(Some(error)),
        }
    }
    let mut read = recogniser.finish(decoded)?.into_iter();
    let texts: Vec<Result<PageText, _>> = undecoded
        .into_iter()
        .filter_map(|undecoded| match undecoded {
            Some(error) => Some(Err(error)),
            None => read.next().map(Ok),
        })
        .collect();
    let confidences: Vec<f32> = texts
        .iter()
        .flatten()
        .flat_map(|text| text.words.iter().map(|word| word.confidence))
        .collect();
    let pages = (pictures.iter().zip(&texts))
        .filter(|(_, text)| text.is_ok())
        .map(|(picture, _)| picture.page())
        .collect();
    let provenance = recogniser.provenance(pages, &confidences);
    let texts = texts
        .into_iter()
        .map(|text| {
            text.map(|text| PictureText {
                columns: text.columns,
                rows: text.rows,
                rules: text.rules.clone(),
                words: piano_ocr::words_of(text),
            })
        })
        .collect();
    Ok((texts, provenance))
}
