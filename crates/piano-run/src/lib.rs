//! Running piano over files: what the `piano` command and the Python
//! bindings share, so that both read an input into the same plan and write
//! the same outputs.
//!
//! - [`input`]: one input's bytes (a file, or standard input) to a plan, by
//!   the reader its signature calls for; `scanned.rs` a PDF whose scanned
//!   pages piano-pdf hands to piano-ocr;
//! - [`output`]: files written atomically, and a plan's CSV tables;
//! - [`batch`]: a whole archive into one folder, in parallel, resumable,
//!   with nothing lost.

mod again;
pub mod batch;
pub mod input;
pub mod output;
mod scanned;

use std::fmt::Display;
use std::io::Write;

/// Writes a line for people to stderr. A stderr whose reader went away (as
/// in `piano extract plan.txt 2>&1 | head`) is no failure: the line is
/// dropped, as other command-line tools stop quietly (`eprintln!` would
/// panic).
pub fn tell(line: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
