//! Text dumps of plans to lines of cells.
//!
//! Bytes are decoded first (`decode.rs`: UTF-8 with or without
//! BOM, UTF-16, Windows-1252 and Latin-1; LF, CRLF or CR; form feeds give
//! pages). Then each dump takes one of two routes, told apart by the text
//! itself (`route.rs`):
//! - tab-separated dumps are split on tabs, each physical line a line of
//!   cells numbered as in the file;
//! - space-aligned dumps (`pdftotext -layout`, `w3m -dump`, `lynx -dump`,
//!   fixed-width reports) go through the shared table rebuild
//!   (`aligned.rs`), which finds columns from the character
//!   positions of aligned gaps as it does from x positions on a PDF page;
//!   lines are then numbered as `piano text` prints them.
//!
//! A dump that has lost its columns altogether (one cell per line) is refused
//! with [`ReadError::NoColumns`]: guessing would give a plan full of warnings.

mod aligned;
mod decode;
mod route;

use piano_model::{Code, Diagnostic, Layout};

use crate::route::Route;

/// Why bytes could not be read as a dump at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The input has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The input holds bytes no text has (NUL and other control bytes).
    #[error("not a text file: control byte 0x{byte:02x} at byte offset {offset}")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// The text has no columns left: one cell per line, as `pdftotext`
    /// without `-layout` writes it.
    #[error(
        "the text has no columns left: {lone} of its {lines} lines hold a lone number, weight \
         or date, and no line has a tab or aligned gaps (as `pdftotext` without `-layout` \
         writes it); give piano the PDF itself, or a dump made with `pdftotext -layout`"
    )]
    NoColumns {
        /// Non-blank lines.
        lines: usize,
        /// Lines that hold only a number, a weight or a date.
        lone: usize,
    },
}

/// Reads a text dump into lines of cells, by the route its text calls for.
/// Blank lines are left out (see [`Layout::lines`]).
pub fn read_text(bytes: &[u8]) -> Result<Layout, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut diagnostics = Vec::new();
    let text = decode::decode(bytes, &mut diagnostics)?;
    match route::route(&text) {
        Route::Tabs => {
            let mut layout = Layout::from_tab_separated(&text);
            layout.diagnostics = diagnostics;
            Ok(layout)
        }
        Route::Aligned { lines } => {
            let (lines_of_cells, pages, mut rebuilt) = aligned::read(&text);
            diagnostics.push(Diagnostic::new(
                Code::ColumnsRebuilt,
                format!(
                    "a space-aligned dump ({lines} lines with aligned gaps): columns rebuilt \
                     from character positions; a row wrapped over several lines of the file \
                     spans them (line numbers are the file's)"
                ),
            ));
            diagnostics.append(&mut rebuilt);
            Ok(Layout {
                lines: lines_of_cells,
                pages,
                diagnostics,
            })
        }
        Route::NoColumns { lines, lone } => Err(ReadError::NoColumns { lines, lone }),
    }
}
