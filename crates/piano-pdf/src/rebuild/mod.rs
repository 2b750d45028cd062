//! The table rebuild: positioned glyphs and rules of each page to the lines
//! of cells the parser reads.
//!
//! [`page`] turns one page into blocks (table rows from the borders, or from
//! aligned gaps where there are none ([`stream`]), lines of free text); [`assemble`] joins pages: it sets page furniture apart, drops
//! repeated header rows, joins rows cut by a page break, numbers the lines
//! and reports each table's quality.

pub(crate) mod assemble;
pub(crate) mod furniture;
pub(crate) mod grid;
pub(crate) mod lines;
pub(crate) mod page;
pub(crate) mod stream;
