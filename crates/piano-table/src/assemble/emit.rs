//! Numbering the lines a document's pages give (a blank line between
//! paragraphs, around tables and where the font size changes), and one
//! `table-quality` report per table.

use piano_model::{BBox, Cell as ModelCell, Code, Diagnostic, TextLine};

use crate::page::{Block, same_table};

/// Lines whose baselines are further apart than this many font sizes are
/// separate paragraphs.
const PARAGRAPH_GAP: f32 = 1.6;
/// Consecutive lines whose font sizes differ by more than this share are
/// separate paragraphs (a heading and its text).
const SIZE_CHANGE: f32 = 0.1;

/// What was emitted last, to decide blank lines and table bounds.
enum Last {
    Text { page: u32, y: f32, size: f32 },
    Row { columns: Vec<f32> },
}

/// Quality counts of one table, reported when it ends.
struct TableStats {
    line: u32,
    first_page: u32,
    last_page: u32,
    columns: usize,
    rows: u32,
    full: u32,
    by_content: usize,
    joined: u32,
    repeated_headers: u32,
}

/// Numbers lines (a blank line between paragraphs and around tables) and
/// keeps the table statistics.
#[derive(Default)]
pub(super) struct Emitter {
    next: u32,
    last: Option<Last>,
    table: Option<TableStats>,
    /// The lines numbered so far.
    pub(super) lines: Vec<TextLine>,
    /// What was noticed so far.
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Emitter {
    /// Emits a block of `page`, numbered `input` (its first and last lines
    /// of the input file) where given, else next in `piano text`'s order.
    pub(super) fn emit(
        &mut self,
        page: u32,
        block: &Block,
        joined: bool,
        input: Option<(u32, u32)>,
    ) {
        let blank = match (&self.last, block) {
            (None, _) => false,
            (
                Some(Last::Text {
                    page: lp,
                    y: ly,
                    size: ls,
                }),
                Block::Text {
                    first_y: y, size, ..
                },
            ) => {
                *lp != page
                    || y - ly > PARAGRAPH_GAP * ls.max(*size)
                    || y < ly
                    || (ls - size).abs() > SIZE_CHANGE * ls.max(*size)
            }
            (Some(Last::Row { columns: lc }), Block::Row { columns, .. }) => {
                !same_table(lc, columns)
            }
            _ => true,
        };
        if blank || self.last.is_none() {
            self.close_table();
        }
        self.next += if blank { 2 } else { 1 };
        let (line, last) = input.unwrap_or((self.next, self.next));
        match block {
            Block::Text { y, size, .. } => {
                self.close_table();
                self.last = Some(Last::Text {
                    page,
                    y: *y,
                    size: *size,
                });
            }
            Block::Row {
                columns,
                cells,
                by_content,
                ambiguity,
                ..
            } => {
                if let Some(ambiguity) = ambiguity {
                    self.diagnostics.push(
                        Diagnostic::new(ambiguity.code(), ambiguity.describe())
                            .at_line(line, Some(page))
                            .with_excerpt(&block.text()),
                    );
                }
                let stats = self.table.get_or_insert(TableStats {
                    line,
                    first_page: page,
                    last_page: page,
                    columns: cells.len(),
                    rows: 0,
                    full: 0,
                    by_content: 0,
                    joined: 0,
                    repeated_headers: 0,
                });
                stats.last_page = page;
                stats.rows += 1;
                stats.full += u32::from(cells.iter().all(|c| !c.text.is_empty()));
                stats.by_content += by_content;
                if joined {
                    stats.joined += 1;
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::RowJoined,
                            format!("a row cut by the end of page {page} was joined with its continuation on page {}", page + 1),
                        )
                        .at_line(line, Some(page))
                        .with_excerpt(&block.text()),
                    );
                }
                self.last = Some(Last::Row {
                    columns: columns.clone(),
                });
            }
        }
        let cells: Vec<ModelCell> = block
            .cells()
            .iter()
            .map(|c| ModelCell {
                text: c.text.clone(),
                bbox: Some(BBox {
                    left: c.x0,
                    top: c.top,
                    right: c.x1,
                    bottom: c.bottom,
                }),
                confidence: c.confidence,
            })
            .collect();
        let bbox = cells.iter().filter_map(|c| c.bbox).reduce(|a, b| BBox {
            left: a.left.min(b.left),
            top: a.top.min(b.top),
            right: a.right.max(b.right),
            bottom: a.bottom.max(b.bottom),
        });
        self.lines.push(TextLine {
            number: line,
            last,
            page: Some(page),
            bbox,
            cells,
        });
    }

    /// Counts a header row repeated on a page of the open table.
    pub(super) fn note_repeated_header(&mut self) {
        if let Some(stats) = &mut self.table {
            stats.repeated_headers += 1;
        }
    }

    /// Ends the open table, if any, with its `table-quality` report.
    pub(super) fn close_table(&mut self) {
        let Some(t) = self.table.take() else {
            return;
        };
        let pages = if t.first_page == t.last_page {
            format!("page {}", t.first_page)
        } else {
            format!("pages {}–{}", t.first_page, t.last_page)
        };
        self.diagnostics.push(
            Diagnostic::new(
                Code::TableQuality,
                format!(
                    "table of {} columns on {pages}: {} rows, {} with every cell filled, \
                     {} cells placed by content, {} rows joined across pages, \
                     {} repeated header rows set apart",
                    t.columns, t.rows, t.full, t.by_content, t.joined, t.repeated_headers
                ),
            )
            .at_line(t.line, Some(t.first_page)),
        );
    }
}
