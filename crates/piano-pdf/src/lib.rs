//! Turns a PDF into the lines of cells piano's parser reads.
//!
//! lopdf loads the file (cross-reference streams, object streams,
//! incremental updates, empty-password decryption) and decodes font
//! encodings; `interpret` runs each page's content stream to place every
//! glyph and collect the ruling lines; the shared table rebuild
//! ([`piano_table`]) turns tables (bordered, or borderless with columns
//! inferred from aligned gaps) into rows of whole cells (wrapped lines joined,
//! rows cut by page breaks joined, repeated headers and page furniture set
//! apart) and the rest into lines of text. Each table row becomes one
//! [`TextLine`](piano_model::TextLine) whose cells are the table's columns,
//! empty cells included, exactly like a row of a tab-separated dump.
//!
//! Pages that are pictures of text (scans, `scan.rs`) are handed to a
//! recognition the caller brings ([`read_pdf_with`]): each page's picture
//! (`placement.rs` says where the content stream draws it, `picture/` decodes
//! it, only when asked, `compose.rs` makes the pictures of a page drawn from
//! several one bitmap), and the words read from it go to the same rebuild,
//! placed on the page. A picture that cannot be decoded leaves its page
//! unread, reported, and the rest of the PDF read. A page whose text is an
//! OCR layer another program made (`layer.rs`) is read from its words, each
//! whole as it was placed, its picture handed over only for the table rules
//! drawn in it.
//!
//! Pages are read one at a time; at most two pages of glyphs are held, but
//! for the pages waiting behind a scan for its recognition.

mod compose;
mod document;
mod font;
mod geometry;
mod interpret;
mod layer;
mod metrics;
mod orient;
mod picture;
mod placement;
mod repair;
mod scan;

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{DEFAULT_MAX_DECOMPRESSED_SIZE, Document, ObjectId};
use piano_model::{Code, Diagnostic, Layout};

use crate::geometry::page_matrix;
use crate::interpret::{FontCache, Glyph, Interpreter, Marks};
use crate::placement::Placement;
pub use crate::scan::{PagePicture, PictureError, PictureReading, PictureText, Recognition};
use piano_table::{Page, PageTrace, Rebuild, Word};

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The bytes do not start like a PDF.
    #[error("not a PDF: no %PDF- header in the first 1024 bytes")]
    NotPdf,
    /// The file is a PDF too damaged to load at all.
    #[error("the PDF could not be read: {reason}")]
    Unreadable {
        /// What the PDF library said, with the byte offset when it knows it.
        reason: String,
    },
    /// The file needs a password to open.
    #[error(
        "the PDF is protected by a password: piano reads only files that open without one \
         (remove it first, e.g. `qpdf --decrypt --password=… in.pdf out.pdf`)"
    )]
    PasswordProtected,
    /// The file has pages but no text on any of them: scanned images.
    #[error(
        "the PDF has no text layer: its {pages} pages are images only (a scan); \
         read them by OCR with `--ocr auto` (the default; it needs tesseract), \
         or run OCR first (e.g. `ocrmypdf -l ita in.pdf out.pdf`) and read the result"
    )]
    NoTextLayer {
        /// Page count.
        pages: u32,
    },
    /// No page's picture, to be recognised, could be decoded, and the PDF
    /// has no text besides (the first page's error is given).
    #[error(transparent)]
    Picture(PictureError),
    /// Recognising the pages' pictures failed (the OCR program is missing, …).
    #[error(transparent)]
    Recognition(RecognitionError),
    /// The file has no pages.
    #[error("the PDF has no pages")]
    NoPages,
}

/// Reads a PDF into lines of cells: one line per table row (cells = columns)
/// and per line of other text, numbered as `piano text` prints them. Pages
/// that are only pictures are reported, not recognised, and no table rule
/// is sought in the picture under an OCR layer (see [`read_pdf_with`]).
pub fn read_pdf(bytes: &[u8]) -> Result<Layout, PdfError> {
    read_pdf_with(bytes, Recognition::Never, nothing_read).map(|read| read.layout)
}

/// A recognition that reads nothing of any picture.
fn nothing_read(pictures: &[PagePicture<'_>]) -> Result<Vec<PictureReading>, RecognitionError> {
    Ok(pictures
        .iter()
        .map(|_| Ok(PictureText::default()))
        .collect())
}

/// What recognition returns when it fails: its own error, carried through.
pub type RecognitionError = Box<dyn std::error::Error + Send + Sync>;

/// A PDF read: its lines of cells, and which pages were recognised.
#[derive(Debug, Clone)]
pub struct PdfReading {
    /// The lines of cells.
    pub layout: Layout,
    /// The 1-based pages whose picture was recognised, in order (not those
    /// whose picture could not be decoded).
    pub recognised: Vec<u32>,
}

/// A page waiting for the pictures before it to be recognised.
enum Held {
    /// A page read from its text layer.
    Read(Page),
    /// A scan: the text kept of it, and where its picture is drawn.
    Scan(Page, Placement),
    /// A page read from its OCR layer, waiting for the rules drawn in its
    /// picture, drawn where the placement says.
    Layer(Page, Placement),
}

/// Reads a PDF as [`read_pdf`] does, the pages `recognition` picks (scans,
/// by default) read by `recognise` from their pictures.
///
/// `recognise` is called once, with every picture to read in page order, and
/// returns what it read of each, in that order: the words and rules of a
/// scan, only the rules of a picture under an OCR layer
/// ([`PagePicture::rules_only`]), whose words are the layer's, whatever
/// `recognition` says (no recognition is needed); it decodes them as it goes
/// ([`PagePicture::decode`]), so pictures need not all be held at once. A
/// picture it could not decode ([`PictureError`]) leaves its page unread
/// and reported (`no-text-layer`), the rest read; when no page has text and
/// no picture could be decoded, the first picture's error is the PDF's.
/// Pages are handed to the rebuild as they are read until the first scan;
/// from there they wait, in order, for the recognition. Bytes handed over
/// owned are let go once the document is loaded, so that a long scan's
/// pictures are held once (by the document), not twice, while recognised.
pub fn read_pdf_with<'b, F>(
    bytes: impl Into<Cow<'b, [u8]>>,
    recognition: Recognition,
    recognise: F,
) -> Result<PdfReading, PdfError>
where
    F: FnOnce(&[PagePicture<'_>]) -> Result<Vec<PictureReading>, RecognitionError>,
{
    read(bytes, Rebuild::new(), recognition, recognise).map(|(read, _)| read)
}

/// Reads a PDF as [`read_pdf`] does, and keeps what the table rebuild saw
/// and inferred on page `page` (`None` when the PDF has no such page), for
/// views of it (`piano debug`).
pub fn read_pdf_traced(bytes: &[u8], page: u32) -> Result<(Layout, Option<PageTrace>), PdfError> {
    read(
        bytes,
        Rebuild::tracing(page),
        Recognition::Never,
        nothing_read,
    )
    .map(|(read, trace)| (read.layout, trace))
}

/// Reads a PDF as [`read_pdf_with`] does, through `rebuild`, with the trace
/// it kept.
fn read<'b, F>(
    bytes: impl Into<Cow<'b, [u8]>>,
    mut rebuild: Rebuild,
    recognition: Recognition,
    recognise: F,
) -> Result<(PdfReading, Option<PageTrace>), PdfError>
where
    F: FnOnce(&[PagePicture<'_>]) -> Result<Vec<PictureReading>, RecognitionError>,
{
    let bytes = bytes.into();
    let loaded = document::load(&bytes)?;
    // The document holds what it needs: owned bytes go now.
    drop(bytes);
    let doc = &loaded.document;
    let mut diagnostics = loaded.diagnostics;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let mut fonts = FontCache::new();
    let mut held = Vec::new();
    let mut pictures = Vec::new();
    let mut glyphs = 0usize;
    let mut images_only = 0u32;
    let mut layer_pages = Vec::new();
    for (&number, &id) in &pages {
        let (mut marks, width, height) = read_page(doc, id, &mut fonts, number, &mut diagnostics);
        // An OCR layer is read as it is, unless every picture is to be
        // recognised again.
        let ocr_layer =
            recognition != Recognition::Every && layer::is_ocr_layer(&marks, width, height);
        if !ocr_layer
            && let Some(choice) = scan::choose(&marks, width, height, recognition)
            && let Some(picture) = PagePicture::of(doc, &choice.pictures, number, width, height)
        {
            let placement = picture.placement;
            pictures.push(picture);
            if !choice.keeps_text {
                (marks.glyphs, marks.rules) = (Vec::new(), Vec::new());
            }
            marks.glyphs.retain(runs_right);
            glyphs += marks.glyphs.len();
            held.push(Held::Scan(page_of(marks, number, height), placement));
            continue;
        }
        glyphs += marks.glyphs.len();
        if marks.glyphs.is_empty() && marks.images > 0 {
            images_only += 1;
            diagnostics.push(unread_pictures(number, recognition));
        }
        let (_, height) = orient::upright(&mut marks, width, height);
        // An OCR layer's words are read whole, as recognised words are, and
        // the table rules are sought in its picture.
        let layer_words = ocr_layer.then(|| layer::words(&marks.glyphs));
        let picture = layer_words.as_ref().and_then(|_| {
            PagePicture::of(doc, &marks.pictures, number, width, height).map(PagePicture::for_rules)
        });
        let mut page = page_of(marks, number, height);
        if let Some(words) = layer_words {
            layer_pages.push(number);
            page.words = words;
        }
        if let Some(picture) = picture {
            held.push(Held::Layer(page, picture.placement));
            pictures.push(picture);
            continue;
        }
        if ocr_layer {
            page.words = layer::page_words(std::mem::take(&mut page.words), &[]);
        }
        if held.is_empty() {
            rebuild.push(&page);
        } else {
            held.push(Held::Read(page));
        }
    }
    let page_count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    if glyphs == 0 && pictures.is_empty() {
        let damaged = diagnostics.iter().find(|d| d.code == Code::PdfDamaged);
        return Err(match damaged {
            Some(damage) if images_only == 0 => PdfError::Unreadable {
                reason: format!(
                    "no text could be read from its {page_count} pages: {}",
                    damage.message
                ),
            },
            _ => PdfError::NoTextLayer { pages: page_count },
        });
    }
    diagnostics.extend(layer::diagnostic(&layer_pages));
    let mut recognised = Vec::new();
    if !pictures.is_empty() {
        let texts = recognise(&pictures).map_err(PdfError::Recognition)?;
        if texts.len() != pictures.len() {
            return Err(PdfError::Recognition(
                format!("{} pictures were read of {}", texts.len(), pictures.len()).into(),
            ));
        }
        if glyphs == 0
            && let Some(Err(first)) = texts.iter().find(|text| text.is_err())
            && texts.iter().all(Result::is_err)
        {
            return Err(PdfError::Picture(first.clone()));
        }
        recognised = (pictures.iter().zip(&texts))
            .filter(|(picture, text)| text.is_ok() && !picture.rules_only())
            .map(|(picture, _)| picture.page())
            .collect();
        push_held(&mut rebuild, held, texts, &mut diagnostics);
    }
    let trace = rebuild.take_trace();
    let (lines, mut rebuilt) = rebuild.finish();
    diagnostics.append(&mut rebuilt);
    let layout = Layout {
        lines,
        pages: Some(page_count),
        diagnostics,
    };
    Ok((PdfReading { layout, recognised }, trace))
}

/// Hands the held pages to the rebuild in order, each scan with the words
/// and rules read of its picture (`texts`, in page order) placed on it, or,
/// when its picture could not be decoded, reported in `diagnostics`.
fn push_held(
    rebuild: &mut Rebuild,
    held: Vec<Held>,
    texts: Vec<PictureReading>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut texts = texts.into_iter();
    for page in held {
        match page {
            Held::Read(page) => rebuild.push(&page),
            Held::Scan(mut page, placement) => {
                let text = match texts.next() {
                    Some(Ok(text)) => text,
                    Some(Err(error)) => {
                        diagnostics.push(undecoded(&error));
                        PictureText::default()
                    }
                    None => PictureText::default(),
                };
                let (words, rules) = text.onto_page(&placement);
                // A picture read turned a quarter may reach below the page.
                page.height = words.iter().map(|word| word.y).fold(page.height, f32::max);
                page.words.extend(words);
                page.rules.extend(rules);
                rebuild.push(&page);
            }
            Held::Layer(mut page, placement) => {
                // A picture that could not be decoded gives no rules; the
                // page still has its words.
                if let Some(Ok(text)) = texts.next() {
                    let (_, rules) = text.onto_page(&placement);
                    page.rules.extend(rules);
                }
                page.words = layer::page_words(std::mem::take(&mut page.words), &page.rules);
                rebuild.push(&page);
            }
        }
    }
}

/// The diagnostic of page `number`, which holds pictures but no text and
/// was not recognised.
fn unread_pictures(number: u32, recognition: Recognition) -> Diagnostic {
    let why = match recognition {
        Recognition::Never => "it needs OCR (`--ocr auto`)",
        Recognition::Scans | Recognition::Every => {
            "its pictures cover too little of it to be a scan, and were not read by OCR \
             (`--ocr always` reads them)"
        }
    };
    let mut diagnostic = Diagnostic::new(
        Code::NoTextLayer,
        format!("page {number} holds pictures but no text: {why}"),
    );
    diagnostic.page = Some(number);
    diagnostic
}

/// Whether a glyph reads left to right: text kept over a scan is that only
/// (a stamp running up the margin would make a line of each letter).
fn runs_right(glyph: &Glyph) -> bool {
    let [(ax, ay), (bx, by)] = glyph.run;
    bx - ax >= (by - ay).abs()
}

/// The diagnostic of a scanned page whose picture could not be decoded.
fn undecoded(error: &PictureError) -> Diagnostic {
    let mut diagnostic =
        Diagnostic::new(Code::NoTextLayer, format!("{error}; the page was not read"));
    diagnostic.page = Some(error.page);
    diagnostic
}

/// What the rebuild reads of a page: each glyph as a word of its own (the
/// rebuild finds the words by their gaps), and the rules.
fn page_of(marks: Marks, number: u32, height: f32) -> Page {
    let words = marks
        .glyphs
        .into_iter()
        .map(|glyph| Word {
            text: glyph.text,
            x0: glyph.x0,
            x1: glyph.x1,
            y: glyph.y,
            size: glyph.size,
            confidence: None,
        })
        .collect();
    Page {
        number,
        height,
        words,
        rules: marks.rules,
        pitch: None,
        input_lines: None,
    }
}

/// Runs one page; what fails is reported and the page read as far as it
/// goes. Its marks are as the page is shown (after `/Rotate`), with its width
/// and height.
fn read_page<'a>(
    doc: &'a Document,
    id: ObjectId,
    fonts: &mut FontCache<'a>,
    number: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Marks, f32, f32) {
    let (area, rotate) = document::page_box(doc, id);
    let (matrix, width, height) = page_matrix(area, rotate);
    let mut problems = Vec::new();
    let content = match doc.get_page_content_with_limit(id, DEFAULT_MAX_DECOMPRESSED_SIZE) {
        Ok(content) => content,
        Err(error) => {
            problems.push(format!("page content unreadable ({error})"));
            Vec::new()
        }
    };
    let resources = document::page_resources(doc, id);
    let run = catch_unwind(AssertUnwindSafe(|| {
        Interpreter::new(doc, fonts, matrix, width, height).run(&content, &resources)
    }));
    let marks = match run {
        Ok(marks) => marks,
        Err(_) => {
            problems.push("the page's content could not be interpreted".into());
            Marks::default()
        }
    };
    problems.extend(marks.problems.iter().cloned());
    problems.sort();
    problems.dedup();
    for problem in problems {
        let mut diagnostic = Diagnostic::new(Code::PdfDamaged, format!("page {number}: {problem}"));
        diagnostic.page = Some(number);
        diagnostics.push(diagnostic);
    }
    (marks, width, height)
}
