//! A draft laid out as a sequence of lines and table rows, before any
//! format: what the text dump, the space-aligned dump and the PDF write
//! alike. [`build`] makes it from a draft and a
//! [`Layout`](crate::layout::Layout); [`tab`], [`aligned`], [`pdf`] and
//! [`html`] write it.

pub mod aligned;
mod build;
mod cards;
pub mod html;
mod lines;
pub mod pdf;
pub mod tab;

use piano_model::{LineSpan, PreambleSection};

pub use build::build;

use crate::draft::Draft;
use crate::expect::{LaidOut, Placement};

/// A laid-out document, before its format.
pub struct Sheet {
    /// What it shows, top to bottom.
    pub items: Vec<Item>,
    /// Per table, the width (in characters) at which each column's cells wrap, for formats that wrap them.
    pub tables: Vec<Vec<usize>>,
    /// The preamble as every text format shows it.
    pub preamble: Vec<PreambleSection>,
}

/// One thing a sheet shows.
pub enum Item {
    /// A line of text outside tables.
    Text(String),
    /// The heading that opens structure `.0` (0-based).
    Heading(usize, String),
    /// A blank line (two in a row are one).
    Blank,
    /// The foot of a page: its number, then a new page.
    PageEnd,
    /// A table row.
    Row(Row),
}

/// A row of a table.
#[derive(Clone)]
pub struct Row {
    /// The index of its table in [`Sheet::tables`].
    pub table: usize,
    /// Its cells, one per column, empty ones included.
    pub cells: Vec<String>,
    /// Whether it is a header row.
    pub header: bool,
    /// The objective or phase it holds, if any.
    pub entry: Option<EntryRef>,
    /// When a page break falls inside the row: the header rows drawn again
    /// at the top of the next page (none when the header is not repeated).
    pub split: Option<Vec<Row>>,
}

/// Where a row's entry sits in the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntryRef {
    /// The structure (0-based).
    pub structure: usize,
    /// The objective within it (0-based).
    pub objective: usize,
    /// The phase within the objective (0-based), or `None` for the objective's own row.
    pub phase: Option<usize>,
}

/// What a writer made of a sheet: its bytes, and where each item went.
pub struct Written {
    /// The document's bytes.
    pub bytes: Vec<u8>,
    /// Per item of the sheet, its first and last line and its page (`None`
    /// for items that take no line, and pages for dumps without form feeds).
    pub spans: Vec<Option<(LineSpan, Option<u32>)>>,
    /// The number of lines written (0 for PDFs, whose lines the reader numbers).
    pub last: u32,
    /// The page count (PDFs only).
    pub pages: Option<u32>,
}

/// Fills the lines and pages each row went to into `draft` (an entry
/// written over several rows, as a card is, spans them all and takes the
/// page of the first) and gives what the expected plan needs of the document.
pub fn finish(draft: &mut Draft, sheet: &Sheet, written: Written) -> LaidOut {
    let mut starts: Vec<(u32, Option<u32>)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (item, span) in sheet.items.iter().zip(&written.spans) {
        let Some((lines, page)) = *span else { continue };
        match item {
            Item::Heading(..) => starts.push((lines.0, page)),
            Item::Row(Row {
                entry: Some(at), ..
            }) => {
                let structure = &mut draft.structures[at.structure];
                let objective = &mut structure.objectives[at.objective];
                let row = match at.phase {
                    None => &mut objective.row,
                    Some(p) => &mut objective.phases[p],
                };
                if seen.insert(*at) {
                    row.entry.lines = lines;
                    row.entry.page = page;
                } else {
                    row.entry.lines.1 = row.entry.lines.1.max(lines.1);
                }
            }
            _ => {}
        }
    }
    let placements = starts
        .iter()
        .enumerate()
        .map(|(index, &(start, page))| {
            let end = starts
                .get(index + 1)
                .map_or(written.last, |next| next.0.saturating_sub(1));
            Placement {
                lines: LineSpan(start, end),
                page,
            }
        })
        .collect();
    LaidOut {
        bytes: written.bytes,
        pages: written.pages,
        placements,
        preamble: sheet.preamble.clone(),
    }
}
