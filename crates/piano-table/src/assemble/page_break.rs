//! Where a page goes on with the table the page before ends with: the
//! header drawn again (with its own second line) set apart, a row cut by
//! the break joined with its rest, whether the next page gives that rest as
//! a row of the table or as lines of text.

use piano_model::{Code, Diagnostic};

use super::{Assembler, Pending, kept};
use crate::gutters::EDGE_TOLERANCE;
use crate::lines::join_wrapped;
use crate::page::{Block, Cell, same_table};

/// A table as the pages read so far left it open: what a page that goes on
/// with it may draw again at its top.
pub(super) struct OpenTable {
    /// Its columns' positions.
    columns: Vec<f32>,
    /// The texts of its first row, its header where it has one.
    header: Vec<String>,
    /// The texts of the row right under the header when it may be the
    /// header's own second line, kept apart by the rebuild (the labels
    /// under a group's name, a wrapped header's last words): its first cell
    /// is empty, or it leaves a cell empty and holds no figure ("Descrizione
    /// fase | Ponderazione" under "Programmazione", beside a name merged
    /// over both lines); `None` until that row is read, or when it is a row.
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

impl Assembler {
    /// Follows which table is open through a page, to know its header row
    /// and the line under it.
    pub(super) fn scan_tables(&mut self, pending: &Pending) {
        for (block, _) in kept(pending) {
            match block {
                Block::Row { columns, .. } => {
                    let row = texts(block);
                    match &mut self.open_table {
                        Some(open) if same_table(&open.columns, columns) => {
                            if open.rows == 1 && may_be_header_below(&row) {
                                open.header_below = Some(row);
                            }
                            open.rows += 1;
                        }
                        _ => {
                            self.open_table = Some(OpenTable {
                                columns: columns.clone(),
                                header: row,
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
    pub(super) fn continue_table(&mut self, current: &mut Pending, next: &mut Pending) -> bool {
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
            let rest = below_header(&texts(&next.page.blocks[first]), header)?;
            Some(rest.iter().any(|text| !text.is_empty()).then_some(rest))
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
                    set_texts(&mut next.page.blocks[first], &rest);
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
                    set_texts(&mut next.page.blocks[first], &rest);
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
        let cut = current.page.blocks[last].cells();
        // A heading in capitals atop the page ("AREA: AMBIENTE") is no rest
        // of a cell written in small letters.
        let heading = cells.iter().zip(cut).any(|(more, cell)| {
            in_capitals(&more.text) && cell.text.chars().any(char::is_lowercase)
        });
        let continuation = cells.get(numbers).is_some_and(|c| c.text.is_empty())
            && cells.iter().any(|c| !c.text.is_empty())
            && !heading;
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
        match below_header(row, below) {
            Some(rest) if rest.iter().all(String::is_empty) => HeaderBelow::Whole,
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
/// every cell holds its header cell and the first has nothing more: the
/// header drawn again at a page's top, alone (every rest empty) or with,
/// joined under it, the lines that finish the row the page above cut. A
/// cell may hold words before its header cell's: a group's label set over
/// its column, which a dump's page joins to the header drawn under it
/// ("Misurazione" over "Indicatore"); they go with the header.
fn below_header(row: &[String], header: &[String]) -> Option<Vec<String>> {
    if row.len() != header.len() {
        return None;
    }
    let rest: Vec<String> = row
        .iter()
        .zip(header)
        .map(|(cell, head)| after_words(cell, head))
        .collect::<Option<_>>()?;
    rest.first().is_some_and(String::is_empty).then_some(rest)
}

/// The words of `cell` after the first run of `head`'s words in it (all of
/// them where `head` is empty).
fn after_words(cell: &str, head: &str) -> Option<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let head: Vec<&str> = head.split_whitespace().collect();
    let at =
        (0..=words.len().checked_sub(head.len())?).find(|&at| words[at..].starts_with(&head))?;
    Some(words[at + head.len()..].join(" "))
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

/// Whether `text` is written in capitals: words of letters, none small.
fn in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).nth(2).is_some()
        && !text.chars().any(char::is_lowercase)
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
/// Whether the row right under a table's header may be the header's second
/// line (see [`OpenTable::header_below`]): its first cell empty, or a cell
/// empty and no figure in any (a row of the table holds its number, weight
/// or date).
fn may_be_header_below(row: &[String]) -> bool {
    let first_empty = row.first().is_some_and(String::is_empty);
    let no_figure = !row
        .iter()
        .any(|text| text.contains(|c: char| c.is_ascii_digit()));
    first_empty || (no_figure && row.iter().any(String::is_empty))
}

/// Writes `texts` over the cells of a row, in order (a row whose header
/// lines were taken out of it).
fn set_texts(block: &mut Block, texts: &[String]) {
    if let Block::Row { cells, .. } = block {
        for (cell, text) in cells.iter_mut().zip(texts) {
            cell.text.clone_from(text);
        }
    }
}

/// The texts of a block's cells, in order.
fn texts(block: &Block) -> Vec<String> {
    block.cells().iter().map(|c| c.text.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn a_header_drawn_again_is_read_under_a_groups_label_joined_to_it() {
        let header = strings(&["N.", "Obiettivo", "Indicatore", "Scadenza"]);
        // Alone, or over the lines that finish the cut row.
        let alone = below_header(&header, &header);
        assert_eq!(alone, Some(strings(&["", "", "", ""])));
        let over = strings(&["N.", "Obiettivo e ai documenti", "Indicatore", "Scadenza"]);
        let rest = below_header(&over, &header);
        assert_eq!(rest, Some(strings(&["", "e ai documenti", "", ""])));
        // The group's label set over a column, joined to its name.
        let grouped = strings(&[
            "N.",
            "Obiettivo",
            "Misurazione Indicatore in giunta",
            "Scadenza",
        ]);
        let rest = below_header(&grouped, &header);
        assert_eq!(rest, Some(strings(&["", "", "in giunta", ""])));
        // A row is no header.
        let row = strings(&["1", "Obiettivo di mantenimento", "Indicatore", "31/12/2023"]);
        assert_eq!(below_header(&row, &header), None);
    }
}
