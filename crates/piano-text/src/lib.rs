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
//! A dump that has lost its columns altogether (one cell per line, or rows
//! whose cells run together one space apart) is refused with
//! [`ReadError::NoColumns`] or [`ReadError::RunTogether`]: guessing would
//! give a plan full of warnings.

mod aligned;
mod decode;
mod route;

use piano_model::{Code, Diagnostic, Layout};
use piano_table::{PageTrace, Rebuild};

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
    /// The text has no columns left: its tables' rows run their cells
    /// together one space apart, as `lynx -dump` writes a table too wide
    /// for its page. Which words make which cell is lost.
    #[error(
        "the text has no columns left: {rows} of its {lines} lines are table rows whose cells \
         run together one space apart (a number, text, then values), and no line has a tab or \
         aligned gaps (as `lynx -dump` writes a table wider than its page); give piano the PDF \
         itself, or a dump made with `pdftotext -layout` (or `lynx -dump -width=` wide enough)"
    )]
    RunTogether {
        /// Non-blank lines.
        lines: usize,
        /// Lines read as rows whose cells run together.
        rows: usize,
    },
}

/// Reads a text dump into lines of cells, by the route its text calls for.
/// Blank lines are left out (see [`Layout::lines`]).
pub fn read_text(bytes: &[u8]) -> Result<Layout, ReadError> {
    read(bytes, Rebuild::new()).map(|(layout, _)| layout)
}

/// Reads a text dump as [`read_text`] does, and keeps what the table
/// rebuild saw and inferred on page `page` of a space-aligned dump (its
/// character columns as x positions), for views of it (`piano debug`).
/// `None` when the dump has no such page, or is tab-separated: its cells
/// have no positions.
pub fn read_text_traced(bytes: &[u8], page: u32) -> Result<(Layout, Option<PageTrace>), ReadError> {
    read(bytes, Rebuild::tracing(page))
}

/// Reads a text dump, a space-aligned one through `rebuild`.
fn read(bytes: &[u8], rebuild: Rebuild) -> Result<(Layout, Option<PageTrace>), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut diagnostics = Vec::new();
    let text = decode::decode(bytes, &mut diagnostics)?;
    match route::route(&text) {
        Route::Tabs => {
            let mut layout = Layout::from_tab_separated(&text);
            layout.diagnostics = diagnostics;
            Ok((layout, None))
        }
        Route::Aligned { lines } => {
            let mut aligned = aligned::read(&text, rebuild);
            diagnostics.push(Diagnostic::new(
                Code::ColumnsRebuilt,
                format!(
                    "a space-aligned dump ({lines} lines with aligned gaps): columns rebuilt \
                     from character positions; a row wrapped over several lines of the file \
                     spans them (line numbers are the file's)"
                ),
            ));
            diagnostics.append(&mut aligned.diagnostics);
            let layout = Layout {
                lines: aligned.lines,
                pages: aligned.pages,
                diagnostics,
            };
            Ok((layout, aligned.trace))
        }
        Route::NoColumns { lines, lone } => Err(ReadError::NoColumns { lines, lone }),
        Route::RunTogether { lines, rows } => Err(ReadError::RunTogether { lines, rows }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_aligned_dump_is_traced_on_its_grid_of_characters() {
        let dump =
            "N.  Obiettivo        Peso\n1   Digitalizzare    40%\n2   Formare          60%\n";
        let (layout, trace) = read_text_traced(dump.as_bytes(), 1).expect("the dump is read");
        assert_eq!(
            layout,
            read_text(dump.as_bytes()).expect("the dump is read")
        );
        let trace = trace.expect("page 1 is traced");
        assert_eq!(trace.pitch, Some(1.0));
        let peso = trace.words.iter().find(|word| &*word.text == "Peso");
        assert_eq!(peso.map(|word| (word.x0, word.x1)), Some((21.0, 25.0)));
        assert_eq!(
            read_text_traced(dump.as_bytes(), 2).map(|(_, trace)| trace),
            Ok(None)
        );
    }

    #[test]
    fn a_tab_separated_dump_has_no_trace() {
        let (_, trace) = read_text_traced(b"N.\tObiettivo\n1\tDigitalizzare\n", 1).expect("read");
        assert_eq!(trace, None);
    }
}
