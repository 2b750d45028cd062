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
//! Pages are read one at a time; at most two pages of glyphs are held.

mod document;
mod font;
mod geometry;
mod interpret;
mod metrics;
mod orient;
mod repair;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{DEFAULT_MAX_DECOMPRESSED_SIZE, Document, ObjectId};
use piano_model::{Code, Diagnostic, Layout};

use crate::geometry::page_matrix;
use crate::interpret::{FontCache, Interpreter, Marks};
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
         run OCR first (e.g. `ocrmypdf -l ita in.pdf out.pdf`) and read the result"
    )]
    NoTextLayer {
        /// Page count.
        pages: u32,
    },
    /// The file has no pages.
    #[error("the PDF has no pages")]
    NoPages,
}

/// Reads a PDF into lines of cells: one line per table row (cells = columns)
/// and per line of other text, numbered as `piano text` prints them.
pub fn read_pdf(bytes: &[u8]) -> Result<Layout, PdfError> {
    read(bytes, Rebuild::new()).map(|(layout, _)| layout)
}

/// Reads a PDF as [`read_pdf`] does, and keeps what the table rebuild saw
/// and inferred on page `page` (`None` when the PDF has no such page), for
/// views of it (`piano debug`).
pub fn read_pdf_traced(bytes: &[u8], page: u32) -> Result<(Layout, Option<PageTrace>), PdfError> {
    read(bytes, Rebuild::tracing(page))
}

/// Reads a PDF through `rebuild`, with the trace it kept.
fn read(bytes: &[u8], mut rebuild: Rebuild) -> Result<(Layout, Option<PageTrace>), PdfError> {
    let loaded = document::load(bytes)?;
    let doc = &loaded.document;
    let mut diagnostics = loaded.diagnostics;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let mut fonts = FontCache::new();
    let mut glyphs = 0usize;
    let mut images_only = 0u32;
    for (&number, &id) in &pages {
        let (marks, height) = read_page(doc, id, &mut fonts, number, &mut diagnostics);
        glyphs += marks.glyphs.len();
        if marks.glyphs.is_empty() && marks.images > 0 {
            images_only += 1;
            let mut diagnostic = Diagnostic::new(
                Code::NoTextLayer,
                format!("page {number} is an image without text: it needs OCR"),
            );
            diagnostic.page = Some(number);
            diagnostics.push(diagnostic);
        }
        rebuild.push(&page_of(marks, number, height));
    }
    let page_count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    if glyphs == 0 {
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
    let trace = rebuild.take_trace();
    let (lines, mut rebuilt) = rebuild.finish();
    diagnostics.append(&mut rebuilt);
    let layout = Layout {
        lines,
        pages: Some(page_count),
        diagnostics,
    };
    Ok((layout, trace))
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

/// Runs one page; what fails is reported and the page read as far as it goes.
fn read_page<'a>(
    doc: &'a Document,
    id: ObjectId,
    fonts: &mut FontCache<'a>,
    number: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Marks, f32) {
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
    let mut marks = match run {
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
    let (_, height) = orient::upright(&mut marks, width, height);
    (marks, height)
}
