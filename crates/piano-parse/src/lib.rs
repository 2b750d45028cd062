//! Reads Italian performance plans into the typed model.
//!
//! The pipeline has three stages, each a module:
//! 1. [`decode`]: bytes (any of the encodings plans come in) to a [`Layout`],
//!    lines of tab-separated cells with page numbers from form feeds;
//! 2. `token` and `line`: each cell and line recognised (dates, weights, row
//!    numbers; structure headers, table headers, rows);
//! 3. `assemble`: lines into a [`Plan`], with one named function per recovery
//!    rule and a diagnostic for every repair.
//!
//! The parser never gives up: [`parse`] always returns a plan, whose
//! diagnostics say what could not be read. Only input that is not text at all
//! is refused, by [`read_text`].

mod assemble;
mod container;
pub mod decode;
pub mod detect;
mod furniture;
pub mod line;
mod text;
pub mod token;
pub mod vocabulary;

pub use decode::{ReadError, read_text};

use piano_model::{Layout, Plan, Source, SourceFormat};
pub use vocabulary::{ProfileError, Vocabulary};

/// Parses a layout (from [`read_text`] or the PDF reader) into a plan, with
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

/// Reads and parses a text dump named `file`.
pub fn parse_text(file: &str, bytes: &[u8]) -> Result<Plan, ReadError> {
    let layout = read_text(bytes)?;
    Ok(parse(
        layout,
        Source::from_bytes(file, bytes, SourceFormat::Text),
    ))
}
