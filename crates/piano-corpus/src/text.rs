//! Lays a draft out as a text dump in the template of real plan dumps (the
//! canonical layout, written tab-separated): ente lines, title, preamble,
//! then per structure its header line, key rows, tab-separated objectives
//! table and staff table, with blank lines and page numbers between rows.

use crate::draft::Draft;
use crate::expect::LaidOut;
use crate::family::Family;
use crate::layout::Layout;
use crate::sheet;

/// The text dump of `draft` (UTF-8, LF line ends), with each row's line span
/// filled into it.
pub fn render(draft: &mut Draft) -> LaidOut {
    let sheet = sheet::build(draft, &Layout::canonical(Family::StrutturaTable));
    let written = sheet::tab::write(&sheet);
    sheet::finish(draft, &sheet, written)
}
