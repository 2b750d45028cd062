//! Reads Italian performance plans into the typed model.
//!
//! Readers (`piano-text` for dumps, `piano-pdf` for PDFs) hand it a
//! [`Layout`], lines of cells; the parser never reads bytes itself. Two stages:
//! 1. `token` and `line`: each cell and line recognised (dates, weights, row
//!    numbers; structure headers, table headers, rows);
//! 2. `assemble`: lines into a [`Plan`], with one named function per recovery
//!    rule and a diagnostic for every repair.
//!
//! The parser never gives up: [`parse`] always returns a plan, whose
//! diagnostics say what could not be read.

mod assemble;
mod container;
pub mod detect;
mod furniture;
pub mod line;
mod text;
pub mod token;
pub mod vocabulary;

use piano_model::{Layout, Plan, Source, SourceFormat};
pub use vocabulary::{ProfileError, Vocabulary};

/// Parses a layout (from a text or PDF reader) into a plan, with
/// the bundled profiles.
pub fn parse(layout: Layout, source: Source) -> Plan {
    parse_with(layout, source, Vocabulary::bundled())
}

/// Parses a layout with the given profiles: the one that recognises most of
/// the document is used (see [`detect`]). Without profiles, the bundled ones.
pub fn parse_with(mut layout: Layout, mut source: Source, profiles: &[Vocabulary]) -> Plan {
    if source.format == SourceFormat::Pdf {
        source.pages = layout.pages;
    }
    furniture::strip_running_lines(&mut layout);
    container::keep_performance_section(&mut layout);
    let profiles = if profiles.is_empty() {
        Vocabulary::bundled()
    } else {
        profiles
    };
    match detect::detect(&layout.lines, profiles) {
        Some(detection) => assemble::assemble(layout, source, detection),
        None => Plan::new(source),
    }
}

/// Parses a tab-separated dump held in a string, as the unit tests write them.
#[cfg(test)]
pub(crate) fn parse_dump(text: &str) -> Plan {
    parse(
        Layout::from_tab_separated(text),
        Source::from_bytes("test.txt", text.as_bytes(), SourceFormat::Text),
    )
}
