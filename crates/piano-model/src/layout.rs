//! The seam between readers and the parser: lines of cells.
//!
//! A text dump and a PDF look nothing alike inside, but both can be seen as a
//! sequence of lines, each a row of cells. Text readers split lines on tabs and
//! know no positions; the PDF reader rebuilds table rows and knows each cell's
//! horizontal extent on the page. The parser reads one [`Layout`] either way.

use crate::Diagnostic;

/// One document as lines of cells, ready for the parser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The non-blank lines in document order. Blank lines are left out; a gap in
    /// [`TextLine::number`] shows where they were (paragraph breaks).
    pub lines: Vec<TextLine>,
    /// Page count, when the input has pages (a PDF, or a dump with form feeds).
    pub pages: Option<u32>,
    /// What the reader noticed: encodings guessed, content skipped, table quality.
    pub diagnostics: Vec<Diagnostic>,
}

/// One line of the intermediate text, split into cells.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// 1-based line number in the intermediate text (the dump itself, or the
    /// output of `piano text` for a PDF). Diagnostics and `lines` refer to it.
    pub number: u32,
    /// 1-based page the line is on, when the input has pages.
    pub page: Option<u32>,
    /// The cells, left to right. A cell may be empty: it still holds its column.
    pub cells: Vec<Cell>,
}

/// One cell of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The cell's text as read, not yet normalised.
    pub text: String,
    /// Horizontal extent on the page, in PDF points; `None` for text input.
    pub span: Option<XSpan>,
}

/// A horizontal extent on a page, in PDF points from the left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XSpan {
    /// Left edge.
    pub left: f32,
    /// Right edge.
    pub right: f32,
}

impl TextLine {
    /// A line of position-less cells, as a text dump gives them.
    pub fn from_texts<I, S>(number: u32, page: Option<u32>, texts: I) -> TextLine
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let cells = texts
            .into_iter()
            .map(|text| Cell {
                text: text.into(),
                span: None,
            })
            .collect();
        TextLine {
            number,
            page,
            cells,
        }
    }

    /// The line as the dump would show it: cells joined by tabs.
    pub fn to_tab_separated(&self) -> String {
        let texts: Vec<&str> = self.cells.iter().map(|cell| cell.text.as_str()).collect();
        texts.join("\t")
    }
}

/// The text with each run of digits replaced by `#`, lowercased, spaces
/// collapsed: what a running page header or footer keeps from page to page
/// ("Pagina 3 di 12" and "Pagina 4 di 12" alike), so that readers of PDFs and
/// of text dumps tell furniture the same way.
pub fn running_signature(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_string()
}
