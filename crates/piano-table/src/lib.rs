//! The table rebuild: positioned words and ruling lines of each page to the
//! lines of cells the parser reads.
//!
//! Every reader that knows where text lies feeds it: the PDF reader its glyph
//! runs, the space-aligned text reader its character columns, an OCR reader
//! its word boxes. Each hands over one [`Page`] at a time to a [`Rebuild`],
//! which gives back the model's lines of cells: one line per table row, whose
//! cells are the table's columns (empty cells included, exactly like a row of
//! a tab-separated dump), and one per line of other text.
//!
//! - `page.rs` turns one page into blocks: table rows from the
//!   borders (`grid.rs`), or from aligned gaps where there are
//!   none (`stream.rs`), and lines of free text;
//! - `assemble.rs` joins pages: it sets page furniture apart,
//!   drops repeated header rows, joins rows cut by a page break, numbers the
//!   lines and reports each table's quality;
//! - `trace.rs` keeps, when asked ([`Rebuild::tracing`]), what the rebuild
//!   saw and inferred on one page ([`PageTrace`]), for views of it.
//!
//! Units are the reader's, as long as the font size is in the same ones:
//! every threshold is a share of the font size, or of the page.

mod assemble;
mod furniture;
mod grid;
mod gutters;
mod lines;
mod page;
mod region;
mod rows;
mod stream;
mod trace;

use std::rc::Rc;

use piano_model::{Diagnostic, TextLine};

pub use crate::trace::{PageTrace, TableTrace};

/// One word (or glyph, or run of glyphs) placed on a page, origin at the top
/// left, y growing down.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Its text; a lone space marks a space the producer drew.
    pub text: Rc<str>,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline. The word's box is `x0..x1` by `y - size..y`.
    pub y: f32,
    /// Font size, or the height of the word's box where the reader knows no
    /// font size: what every gap is measured against.
    pub size: f32,
    /// How sure the reader is of the text (0 to 1), where it knows (OCR).
    pub confidence: Option<f32>,
}

impl Word {
    /// The lone space a reader of whole words (OCR, a PDF's OCR layer) draws
    /// just left of a word that follows another on its line: the rebuild then
    /// sets the two a space apart however narrow the gap between them (at
    /// 150 dpi a font's space is a few pixels), and still cuts a cell between
    /// them where the gap is a gutter's.
    pub fn space_before(&self) -> Word {
        Word {
            text: Rc::from(" "),
            x0: self.x0 - SPACE_WIDTH * self.size,
            x1: self.x0,
            y: self.y,
            size: self.size,
            confidence: None,
        }
    }
}

/// Whether `mark` is a vertical bar: what OCR reads a table's rule beside a
/// word as, and a mark plans never write. A bar alone, or at a recognised
/// word's edge, is a rule's mark (one too short to be found as a rule, on a
/// box one line tall), never text, whoever recognised the word.
pub fn is_rule_bar(mark: char) -> bool {
    matches!(mark, '|' | '¦' | '│')
}

/// The width of the space [`Word::space_before`] draws, as a share of the
/// word's size: narrow, so that it lies in the gap before the word, within
/// the word's cell of a ruled table.
const SPACE_WIDTH: f32 = 0.01;

/// A ruling line: a table border or rule, in the page's coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// A horizontal line at `y` from `x0` to `x1`.
    Horizontal {
        /// Height on the page.
        y: f32,
        /// Left end.
        x0: f32,
        /// Right end.
        x1: f32,
    },
    /// A vertical line at `x` from `y0` (top) to `y1`.
    Vertical {
        /// Position across the page.
        x: f32,
        /// Top end.
        y0: f32,
        /// Bottom end.
        y1: f32,
    },
}

/// One page as a reader sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page height, to tell margins (running heads, page numbers) from the body.
    pub height: f32,
    /// The words, in any order.
    pub words: Vec<Word>,
    /// Ruling lines, where the page has any.
    pub rules: Vec<Rule>,
    /// The width of every character where the page is a grid of fixed-pitch
    /// characters (a text dump). There a single space may be all that
    /// separates two columns, so a column edge found on other lines may cut a
    /// piece at a space between words; and a cell's last character may be
    /// printed where the next column starts (the grid rounds every position),
    /// so a piece may overrun a gutter by one character.
    pub pitch: Option<f32>,
    /// Where the page lies in its input, when it is lines of a text file:
    /// its lines and diagnostics are then numbered as the file's lines, a
    /// row wrapped over several of them spanning them all. `None` (PDFs,
    /// scans): numbered as `piano text` prints them.
    pub input_lines: Option<InputLines>,
}

/// The input lines of a page that is lines of a text file: its `k`th row of
/// text (1-based) has its baseline at `k × pitch` and is line `numbers[k-1]`
/// of the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InputLines {
    /// The file's line number of each row of the page, top to bottom.
    pub numbers: Vec<u32>,
    /// The distance between two rows' baselines.
    pub pitch: f32,
}

impl InputLines {
    /// The file's lines of the rows whose baselines are `first` and `last`.
    pub(crate) fn lines_of(&self, first: f32, last: f32) -> Option<(u32, u32)> {
        let row = |y: f32| -> Option<u32> {
            let k = (y / self.pitch).round();
            if !k.is_finite() || k < 1.0 {
                return None;
            }
            self.numbers.get(k as usize - 1).copied()
        };
        Some((row(first)?, row(last)?))
    }
}

/// Rebuilds a document page by page. Two pages are held at most: the one
/// pushed last waits for the next, whose top may continue its last row.
#[derive(Default)]
pub struct Rebuild {
    assembler: assemble::Assembler,
    /// The page to keep a trace of, for [`Rebuild::tracing`].
    tracer: Option<trace::Tracer>,
}

impl Rebuild {
    /// A rebuild with no page yet.
    pub fn new() -> Rebuild {
        Rebuild::default()
    }

    /// A rebuild that also keeps what it saw and inferred on page `page`
    /// (its words, rules and tables' columns), for views of the page
    /// (`piano debug`). It rebuilds every page as [`Rebuild::new`] does.
    pub fn tracing(page: u32) -> Rebuild {
        Rebuild {
            tracer: Some(trace::Tracer::of(page)),
            ..Rebuild::default()
        }
    }

    /// The traced page's trace, once that page has been pushed; `None` for
    /// a rebuild made with [`Rebuild::new`].
    pub fn take_trace(&mut self) -> Option<PageTrace> {
        self.tracer.as_mut().and_then(trace::Tracer::take)
    }

    /// Takes the next page. A borderless table the previous page ended with
    /// may go on at the top of this one.
    pub fn push(&mut self, page: &Page) {
        let carry = self.assembler.open_columns();
        let blocks = page::compose(page, carry.as_deref());
        if let Some(tracer) = &mut self.tracer {
            tracer.observe(page, &blocks);
        }
        self.assembler.push(blocks);
    }

    /// The lines of cells, numbered as their pages' input lines, or else as
    /// `piano text` prints them (a blank line between paragraphs and around
    /// tables), and what the rebuild
    /// noticed: page furniture set apart, rows joined, each table's quality.
    pub fn finish(self) -> (Vec<TextLine>, Vec<Diagnostic>) {
        self.assembler.finish()
    }
}
