//! Pages to numbered lines, holding one page back so that its last row can
//! take in the part of the row that continues at the top of the next page.
//!
//! Only two pages of blocks are held at any time: memory stays flat in the
//! page count.

use piano_model::{Code, Diagnostic, TextLine, counts_pages, same_running_line};

use std::collections::BTreeMap;

use crate::furniture::{candidates, is_page_number, signature};
use crate::gutters::EDGE_TOLERANCE;
use crate::lines::join_wrapped;
use crate::page::{Block, Cell, PageBlocks, same_table};
use emit::Emitter;

mod emit;

/// How much of a text set apart its diagnostic quotes.
const SHOWN_CHARS: usize = 60;

/// The texts of a page's edge lines, each with the page's number.
fn edge_texts(pending: &Pending) -> Vec<(String, u32)> {
    let number = pending.page.number;
    let texts = pending
        .candidates
        .iter()
        .map(|&i| pending.page.blocks[i].text());
    texts.map(|text| (text, number)).collect()
}

/// Whether `text`, an edge line of page `page`, repeats an edge line of the
/// neighbouring page (`neighbour`) as a running line does: with the same
/// numbers, or with numbers moving with the page, which a line counting
/// something else does on two pages ("Obiettivo n. 7" heading page 4, "n.
/// 8" page 5) but seldom on three: then `other`, a third page's, must
/// repeat it too, unless another of its numbers stays (a page count,
/// "2/21").
fn repeats(text: &str, page: u32, neighbour: &[(String, u32)], other: &[(String, u32)]) -> bool {
    let moving = |seen: &[(String, u32)]| {
        seen.iter()
            .any(|(line, at)| same_running_line(line, *at, text, page))
    };
    let same = neighbour
        .iter()
        .any(|(line, _)| same_running_line(line, 0, text, 0));
    let counts = neighbour
        .iter()
        .any(|(line, at)| counts_pages(line, *at, text, page));
    same || counts || (moving(neighbour) && moving(other))
}

/// A page waiting for the next one.
struct Pending {
    page: PageBlocks,
    /// Furniture candidates: the indices of its edge lines.
    candidates: Vec<usize>,
    /// Blocks set apart (furniture, repeated headers, joined continuations).
    removed: Vec<bool>,
    /// Edge lines that are page numbers or repeat on a neighbouring page:
    /// furniture where they stand at the page's edge.
    running: Vec<bool>,
    /// Rows that took in a continuation from the next page.
    joined: Vec<bool>,
    /// The last input line of the continuation each such row took in, where
    /// the next page is lines of a text file.
    continued_to: Vec<Option<u32>>,
}

/// A table as the pages read so far left it open: what a page that goes on
/// with it may draw again at its top.
struct OpenTable {
    /// Its columns' positions.
    columns: Vec<f32>,
    /// The texts of its first row, its header where it has one.
    header: Vec<String>,
    /// The texts of the row right under the header when its first cell is
    /// empty: the header's own second line, kept apart by the rebuild (the
    /// labels under a group's name, a wrapped header's last words); `None`
    /// until that row is read, or when it opens with a cell.
    header_below: Option<Vec<String>>,
    /// Rows of it read so far.
    rows: usize,
}

/// How a row under a header drawn again holds the header's second line.
enum HeaderBelow {
    /// Not at all.
    Absent,
    /// Whole: the row is that line.
    Whole,
    /// Over the lines that finish the cut row: what they hold.
    Over(Vec<String>),
}

/// Builds the lines of a document page by page.
#[derive(Default)]
pub(crate) struct Assembler {
    pending: Option<Pending>,
    /// The table open at the end of the pages emitted.
    open_table: Option<OpenTable>,
    /// What was set apart, by kind and signature: the first text and the pages.
    set_apart: BTreeMap<(&'static str, String), (String, Vec<u32>)>,
    /// The edge lines of the page before the one held back, with its number.
    earlier: Vec<(String, u32)>,
    emitter: Emitter,
}

impl Assembler {
    /// Takes the next page.
    pub fn push(&mut self, page: PageBlocks) {
        let found = candidates(&page);
        let mut next = Pending {
            removed: vec![false; page.blocks.len()],
            running: vec![false; page.blocks.len()],
            joined: vec![false; page.blocks.len()],
            continued_to: vec![None; page.blocks.len()],
            candidates: found,
            page,
        };
        // An edge line that a neighbouring page's edge line repeats (digits
        // aside, or moving with the page: then on a third page too) is
        // furniture.
        let previous: Vec<(String, u32)> =
            self.pending.as_ref().map(edge_texts).unwrap_or_default();
        let later = edge_texts(&next);
        let number = next.page.number;
        for (&index, (text, _)) in next.candidates.iter().zip(&later) {
            next.running[index] =
                is_page_number(text) || repeats(text, number, &previous, &self.earlier);
        }
        self.set_apart_furniture(&mut next);
        if let Some(mut current) = self.pending.take() {
            for (&index, (text, page)) in current.candidates.iter().zip(&previous) {
                current.running[index] |= repeats(text, *page, &later, &self.earlier);
            }
            self.set_apart_furniture(&mut current);
            self.earlier = previous;
            self.scan_tables(&current);
            let repeated = self.continue_table(&mut current, &mut next);
            self.emit(current);
            if repeated {
                self.emitter.note_repeated_header();
            }
        }
        self.pending = Some(next);
    }

    /// The column edges of the borderless table the page held back ends
    /// with, if it ends with one (only edge lines, perhaps furniture, or a
    /// page number after it).
    pub fn open_columns(&self) -> Option<Vec<f32>> {
        let pending = self.pending.as_ref()?;
        let edge_lines = &pending.candidates;
        let (index, block) = pending
            .page
            .blocks
            .iter()
            .enumerate()
            .rev()
            .find(|(i, block)| {
                !edge_lines.contains(i)
                    && !matches!(block, Block::Text { .. } if is_page_number(&block.text()))
            })?;
        match block {
            Block::Row {
                columns,
                ruled: false,
                ..
            } if !pending.removed[index] => Some(columns.clone()),
            _ => None,
        }
    }

    /// Emits the last page; returns the lines and diagnostics.
    pub fn finish(mut self) -> (Vec<TextLine>, Vec<Diagnostic>) {
        if let Some(last) = self.pending.take() {
            self.emit(last);
        }
        self.emitter.close_table();
        for ((what, _), (text, mut pages)) in std::mem::take(&mut self.set_apart) {
            pages.sort_unstable();
            let first = pages.first().copied().unwrap_or(1);
            let last = pages.last().copied().unwrap_or(first);
            let on = if pages.len() == 1 {
                format!("on page {first}")
            } else {
                format!("on {} pages ({first}–{last})", pages.len())
            };
            // Each text is named: running heads of several kinds (a header,
            // a footer, the page number) are told apart in `piano check`.
            let shown: String = text.replace('\t', " ").chars().take(SHOWN_CHARS).collect();
            let ellipsis = if text.chars().count() > SHOWN_CHARS {
                "…"
            } else {
                ""
            };
            let mut diagnostic = Diagnostic::new(
                Code::PageFurniture,
                format!("{what} \"{shown}{ellipsis}\" set apart {on}"),
            )
            .with_excerpt(&text);
            diagnostic.page = Some(first);
            self.emitter.diagnostics.push(diagnostic);
        }
        (self.emitter.lines, self.emitter.diagnostics)
    }

    /// Sets apart the page's running lines that stand at its edge: a line
    /// between the page's edge and a running line is furniture too, for a
    /// page's content never comes before its running head (a card opener
    /// that each structure's page opens with under its own heading,
    /// "Obiettivo n. 1", repeats but is content).
    fn set_apart_furniture(&mut self, pending: &mut Pending) {
        for index in pending.candidates.clone() {
            let above = pending.removed[..index].iter().all(|&removed| removed);
            let below = pending.removed[index + 1..].iter().all(|&removed| removed);
            if pending.running[index] && !pending.removed[index] && (above || below) {
                self.set_apart(pending, index, "page furniture");
            }
        }
    }

    /// Sets a block apart; one diagnostic per kind and text (digits aside)
    /// lists the pages, so running heads do not flood the report.
    fn set_apart(&mut self, pending: &mut Pending, index: usize, what: &'static str) {
        pending.removed[index] = true;
        let text = pending.page.blocks[index].text();
        self.note_set_apart(what, text, pending.page.number);
    }

    /// Records that `text` was set apart as `what` on `page`.
    fn note_set_apart(&mut self, what: &'static str, text: String, page: u32) {
        let (_, pages) = self
            .set_apart
            .entry((what, signature(&text)))
            .or_insert_with(|| (text, Vec::new()));
        pages.push(page);
    }

    /// Follows which table is open through a page, to know its header row
    /// and the line under it.
    fn scan_tables(&mut self, pending: &Pending) {
        for (block, _) in kept(pending) {
            match block {
                Block::Row { columns, cells, .. } => {
                    let texts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
                    match &mut self.open_table {
                        Some(open) if same_table(&open.columns, columns) => {
                            if open.rows == 1 && texts.first().is_some_and(String::is_empty) {
                                open.header_below = Some(texts);
                            }
                            open.rows += 1;
                        }
                        _ => {
                            self.open_table = Some(OpenTable {
                                columns: columns.clone(),
                                header: texts,
                                header_below: None,
                                rows: 1,
                            });
                        }
                    }
                }
                Block::Text { .. } => self.open_table = None,
            }
        }
    }

    /// Where the next page goes on with the table the current page ends
    /// with: drops a repeated header row and joins a cut row. Returns whether
    /// a header was dropped.
    fn continue_table(&mut self, current: &mut Pending, next: &mut Pending) -> bool {
        let Some(last) = kept(current).last().map(|(_, i)| i) else {
            return false;
        };
        let Block::Row { columns, .. } = &current.page.blocks[last] else {
            return false;
        };
        let mut columns = columns.clone();
        let mut repeated = false;
        let Some((block, mut first)) = kept(next).next() else {
            return false;
        };
        let Block::Row { columns: own, .. } = block else {
            join_stray_lines(current, last, next);
            return false;
        };
        let own = own.clone();
        // The header drawn again, alone or with the lines under it that
        // finish the cut row (a dump's page gives them to it); on a dump's
        // page it may stand a few characters from where it stood above.
        let header = self
            .open_table
            .as_ref()
            .filter(|_| own.len() == columns.len())
            .map(|open| open.header.clone());
        let header_again = header.as_ref().and_then(|header| {
            let row = texts(&next.page.blocks[first]);
            if row == *header {
                Some(None)
            } else {
                below_header(&row, header).map(Some)
            }
        });
        if header_again.is_none() && !same_table(&columns, &own) {
            // A row drawn again whole stands where the next page's layout
            // puts it, which may not be where the cut copy stood.
            if redrawn(&current.page.blocks[last], &next.page.blocks[first]) {
                self.drop_cut_copy(current, last, next.page.number);
            }
            return false;
        }
        if let Some(rest) = header_again {
            repeated = true;
            columns = own;
            if let Some(open) = &mut self.open_table {
                open.columns = columns.clone();
            }
            // What the first block holds under the header: the header's own
            // second line too, where it is drawn again.
            let under = match rest {
                None => {
                    if !self.skip_header_block(next, &mut first, &columns) {
                        return repeated;
                    }
                    texts(&next.page.blocks[first])
                }
                Some(rest) => {
                    let text = header.map(|cells| cells.join("\t")).unwrap_or_default();
                    self.note_set_apart("repeated table header", text, next.page.number);
                    set_texts(&mut next.page.blocks[first], rest.clone());
                    rest
                }
            };
            match self.header_below_in(&under) {
                HeaderBelow::Absent => {}
                HeaderBelow::Whole => {
                    if !self.skip_header_block(next, &mut first, &columns) {
                        return repeated;
                    }
                }
                HeaderBelow::Over(rest) => {
                    let text = under.join("\t");
                    self.note_set_apart("repeated table header", text, next.page.number);
                    set_texts(&mut next.page.blocks[first], rest);
                }
            }
        }
        if redrawn(&current.page.blocks[last], &next.page.blocks[first]) {
            self.drop_cut_copy(current, last, next.page.number);
            return repeated;
        }
        // The rest of a cut row leaves empty the column numbering rows, which
        // the page above, with more of the table's rows, tells best.
        let numbers = match current.page.blocks[last].numbers() {
            0 => next.page.blocks[first].numbers(),
            numbers => numbers,
        };
        let cells = next.page.blocks[first].cells();
        let continuation = cells.get(numbers).is_some_and(|c| c.text.is_empty())
            && cells.iter().any(|c| !c.text.is_empty());
        if continuation {
            let tail: Vec<Cell> = cells.to_vec();
            join_continuation(current, last, next, first, &tail);
        }
        repeated
    }

    /// Sets apart the block at `first`, a header drawn again, and moves
    /// `first` to the row after it. Returns whether a row of the table
    /// with `columns` follows.
    fn skip_header_block(
        &mut self,
        next: &mut Pending,
        first: &mut usize,
        columns: &[f32],
    ) -> bool {
        self.set_apart(next, *first, "repeated table header");
        match first_row_of(next, columns) {
            Some(row) => {
                *first = row;
                true
            }
            None => false,
        }
    }

    /// How `row`, the first row under a header drawn again, holds the
    /// header's own second line (see [`OpenTable::header_below`]).
    fn header_below_in(&self, row: &[String]) -> HeaderBelow {
        let Some(below) = self
            .open_table
            .as_ref()
            .and_then(|open| open.header_below.as_ref())
        else {
            return HeaderBelow::Absent;
        };
        if row == below.as_slice() {
            return HeaderBelow::Whole;
        }
        match below_header(row, below) {
            Some(rest) => HeaderBelow::Over(rest),
            None => HeaderBelow::Absent,
        }
    }

    /// Sets apart the row `last` of `current`, cut by the page break and
    /// drawn again whole on page `next`, saying so.
    fn drop_cut_copy(&mut self, current: &mut Pending, last: usize, next: u32) {
        current.removed[last] = true;
        let mut diagnostic = Diagnostic::new(
            Code::RowJoined,
            format!(
                "a row cut at the end of page {} is drawn again whole on page {next}: \
                 the cut copy was dropped",
                current.page.number
            ),
        )
        .with_excerpt(&current.page.blocks[last].text());
        diagnostic.page = Some(current.page.number);
        self.emitter.diagnostics.push(diagnostic);
    }

    fn emit(&mut self, pending: Pending) {
        let number = pending.page.number;
        let input = pending.page.input_lines.as_ref();
        for (block, index) in kept(&pending) {
            // On lines of a text file, the block's own lines of the file.
            let lines = input
                .and_then(|input| {
                    let (first, last) = block.baselines();
                    input.lines_of(first, last)
                })
                .map(|(first, last)| {
                    let last = pending.continued_to[index].map_or(last, |to| to.max(last));
                    (first, last)
                });
            self.emitter
                .emit(number, block, pending.joined[index], lines);
        }
    }
}

/// The blocks of a page that were not set apart, with their indices.
fn kept(pending: &Pending) -> impl Iterator<Item = (&Block, usize)> {
    pending
        .page
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| !pending.removed[*i])
        .map(|(i, b)| (b, i))
}

/// The first kept block of a page, if it is a row of the table with `columns`.
fn first_row_of(pending: &Pending, columns: &[f32]) -> Option<usize> {
    let (block, index) = kept(pending).next()?;
    match block {
        Block::Row { columns: other, .. } if same_table(columns, other) => Some(index),
        _ => None,
    }
}

/// Whether `next` is `cut` drawn again whole (wkhtmltopdf repeats a row cut
/// by a page break at the top of the next page): same first cell, and every
/// cell of the cut copy begins its counterpart.
fn redrawn(cut: &Block, next: &Block) -> bool {
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (cut, next) = (cut.cells(), next.cells());
    cut.len() == next.len()
        && cut.first().is_some_and(|c| !c.text.is_empty())
        && cut.first().map(|c| &c.text) == next.first().map(|c| &c.text)
        && cut
            .iter()
            .zip(next)
            .all(|(a, b)| squash(&b.text).starts_with(&squash(&a.text)))
}

/// The rest of each cell of `row` after the words of `header`'s cell, when
/// every cell starts with its header cell and the first has nothing more:
/// the header drawn again at a page's top with, joined under it, the lines
/// that finish the row the page above cut.
fn below_header(row: &[String], header: &[String]) -> Option<Vec<String>> {
    if row.len() != header.len() {
        return None;
    }
    let rest: Vec<String> = row
        .iter()
        .zip(header)
        .map(|(cell, head)| {
            let mut words = cell.split_whitespace();
            head.split_whitespace()
                .all(|word| words.next() == Some(word))
                .then(|| words.collect::<Vec<_>>().join(" "))
        })
        .collect::<Option<_>>()?;
    let continues =
        rest.first().is_some_and(String::is_empty) && rest.iter().any(|r| !r.is_empty());
    continues.then_some(rest)
}

/// Joins `tail`, the cells of block `first` of `next`, into row `last` of
/// `current`, which the page break cut, and sets the block apart.
fn join_continuation(
    current: &mut Pending,
    last: usize,
    next: &mut Pending,
    first: usize,
    tail: &[Cell],
) {
    if let Block::Row { cells, .. } = &mut current.page.blocks[last] {
        for (cell, more) in cells.iter_mut().zip(tail) {
            join_wrapped(&mut cell.text, cell.trailing_space, &more.text);
            cell.confidence = crate::lines::lowest(cell.confidence, more.confidence);
            if !more.text.is_empty() {
                cell.trailing_space = more.trailing_space;
            }
        }
    }
    next.removed[first] = true;
    current.joined[last] = true;
    current.continued_to[last] = next.page.input_lines.as_ref().and_then(|input| {
        let (first, last) = next.page.blocks[first].baselines();
        input.lines_of(first, last).map(|(_, to)| to)
    });
}

/// Joins into row `last` of `current`, which the page break cut, the lines
/// of text `next` opens with that finish it: a dump sets the row's last
/// words alone atop the next page ("interne."), where no table is seen.
/// Each is a line of one piece that begins in small letters (a sentence
/// going on, where a heading or a title begins in capitals) and lies within
/// one column of the cut row, not the one numbering rows.
fn join_stray_lines(current: &mut Pending, last: usize, next: &mut Pending) {
    let Block::Row { cells, numbers, .. } = &current.page.blocks[last] else {
        return;
    };
    let numbers = *numbers;
    let columns: Vec<(f32, f32)> = cells.iter().map(|cell| (cell.x0, cell.x1)).collect();
    let stray: Vec<(usize, usize, Cell)> = kept(next)
        .map_while(|(block, index)| {
            let Block::Text { cells, size, .. } = block else {
                return None;
            };
            let [piece] = cells.as_slice() else {
                return None;
            };
            let tolerance = EDGE_TOLERANCE * size;
            let column = columns
                .iter()
                .position(|&(x0, x1)| piece.x0 >= x0 - tolerance && piece.x1 <= x1 + tolerance)?;
            let goes_on = piece.text.trim_start().starts_with(char::is_lowercase);
            (goes_on && column != numbers).then(|| (index, column, piece.clone()))
        })
        .collect();
    for (index, column, piece) in stray {
        let mut tail: Vec<Cell> = cells_like(&current.page.blocks[last]);
        tail[column] = piece;
        join_continuation(current, last, next, index, &tail);
    }
}

/// Empty cells as many as `block` has, in its columns.
fn cells_like(block: &Block) -> Vec<Cell> {
    block
        .cells()
        .iter()
        .map(|cell| Cell {
            text: String::new(),
            ..cell.clone()
        })
        .collect()
}

/// Rewrites the texts of a row's cells, in order.
fn set_texts(block: &mut Block, texts: Vec<String>) {
    if let Block::Row { cells, .. } = block {
        for (cell, text) in cells.iter_mut().zip(texts) {
            cell.text = text;
        }
    }
}

fn texts(block: &Block) -> Vec<String> {
    block.cells().iter().map(|c| c.text.clone()).collect()
}
