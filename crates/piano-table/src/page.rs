//! One page's words and rules to blocks in reading order: table rows (each
//! cell the joined text of its wrapped lines) and lines of free text.

mod centred_labels;

use std::collections::BTreeMap;

use crate::grid::find_tables;
use crate::gutters::{EDGE_TOLERANCE, is_value};
use crate::lines::{Line, build_lines, join_wrapped, lowest};
use crate::region::LINE_SPACING;
use crate::rows::Ambiguity;
use crate::stream::infer_rows;
use crate::{Page, Word};
pub(crate) use centred_labels::is_short_label;
use centred_labels::join_centred_labels;

/// Outside tables, a gap wider than this many font sizes separates cells.
const FREE_CELL_GAP: f32 = 2.5;
/// A gap wider than this many font sizes after a short label separates the
/// label from its value on a line of two pieces.
const LABEL_GAP: f32 = 1.0;
/// Share of the page height, from the top, where running heads print: a
/// borderless table going on from the previous page starts below it.
const RUNNING_HEAD: f32 = 0.06;
/// A gap wider than this many font sizes separates the pieces that
/// borderless tables are inferred from.
const PIECE_GAP: f32 = 0.45;

/// One cell of a block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// The text, wrapped lines joined.
    pub text: String,
    /// Left edge (the column's, in a table).
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge (the row's, in a bordered table).
    pub top: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// The lowest confidence of the cell's words, where the reader knows it.
    pub confidence: Option<f32>,
    /// The producer drew a space after the cell's last word.
    pub trailing_space: bool,
}

/// A line of output in the making.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A line of text outside tables.
    Text {
        /// One cell, or several where wide gaps split the line.
        cells: Vec<Cell>,
        /// Baseline (of its last line, where it joins several: a label
        /// centred beside its value's lines).
        y: f32,
        /// Baseline of its first line.
        first_y: f32,
        /// Font size.
        size: f32,
    },
    /// A row of a bordered table.
    Row {
        /// One cell per column, empty ones included.
        cells: Vec<Cell>,
        /// The table's column edges.
        columns: Vec<f32>,
        /// Top edge.
        top: f32,
        /// The baselines of its first and last lines of text.
        baselines: (f32, f32),
        /// Cells that received text overflowing from outside their column.
        by_content: usize,
        /// Drawn with borders (else inferred from aligned gaps).
        ruled: bool,
        /// Why the row was read one way when the input allows two.
        ambiguity: Option<Ambiguity>,
        /// The column that numbers the table's rows: the first, unless a
        /// column further in does (`rows/anchor.rs`).
        numbers: usize,
    },
}

impl Block {
    /// Top edge, to order blocks.
    pub fn top(&self) -> f32 {
        match self {
            Block::Text { first_y, size, .. } => first_y - size,
            Block::Row { top, .. } => *top,
        }
    }

    /// The baselines of its first and last lines of text.
    pub fn baselines(&self) -> (f32, f32) {
        match self {
            Block::Text { y, first_y, .. } => (*first_y, *y),
            Block::Row { baselines, .. } => *baselines,
        }
    }

    /// The cells.
    pub fn cells(&self) -> &[Cell] {
        match self {
            Block::Text { cells, .. } | Block::Row { cells, .. } => cells,
        }
    }

    /// The column that numbers its table's rows (the first for a line of
    /// text).
    pub fn numbers(&self) -> usize {
        match self {
            Block::Row { numbers, .. } => *numbers,
            Block::Text { .. } => 0,
        }
    }

    /// The cells' texts joined by tabs.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.cells().iter().map(|c| c.text.as_str()).collect();
        texts.join("\t")
    }
}

/// A page as blocks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageBlocks {
    /// 1-based page number.
    pub number: u32,
    /// Page height, to tell margins from the body.
    pub height: f32,
    /// Blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// Where the page lies in its input, when it is lines of a text file.
    pub input_lines: Option<crate::InputLines>,
}

/// Where a word went: a table cell (table, row, column) or free text.
type CellKey = (usize, usize, usize);

/// Rebuilds one page. `carry` is the column edges of a borderless table
/// the previous page ended with, which may go on at the top of this one.
pub(crate) fn compose(page: &Page, carry: Option<&[f32]>) -> PageBlocks {
    let tables = find_tables(&page.rules);
    let mut cells: BTreeMap<CellKey, Vec<&Word>> = BTreeMap::new();
    let mut overflowed: BTreeMap<CellKey, ()> = BTreeMap::new();
    let mut free: Vec<&Word> = Vec::new();
    for word in &page.words {
        let x = (word.x0 + word.x1) / 2.0;
        let y = word.y - 0.3 * word.size;
        let place = tables.iter().enumerate().find_map(|(t, table)| {
            let (left, right) = table.x_range();
            if x < left - 1.0 || x > right + 1.0 {
                return None;
            }
            let row = table.row_at(y)?;
            Some(match table.column_at(x) {
                Some(column) => ((t, row, column), false),
                None => ((t, row, table.nearest_column(x)), true),
            })
        });
        match place {
            Some((key, overflow)) => {
                cells.entry(key).or_default().push(word);
                if overflow {
                    overflowed.insert(key, ());
                }
            }
            None => free.push(word),
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        for (r, &(top, bottom)) in table.rows.iter().enumerate() {
            let row_cells: Vec<Cell> = table
                .columns
                .windows(2)
                .enumerate()
                .map(|(c, edges)| {
                    let words = cells.get(&(t, r, c));
                    cell_of(words, [edges[0], top, edges[1], bottom])
                })
                .collect();
            if row_cells.iter().all(|c| c.text.is_empty()) {
                continue;
            }
            let by_content = (0..row_cells.len())
                .filter(|c| overflowed.contains_key(&(t, r, *c)))
                .count();
            let row_words = (0..row_cells.len())
                .filter_map(|c| cells.get(&(t, r, c)))
                .flatten();
            let baselines = row_words.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), word| {
                (a.min(word.y), b.max(word.y))
            });
            blocks.push(Block::Row {
                cells: row_cells,
                columns: table.columns.clone(),
                top,
                baselines,
                by_content,
                ruled: true,
                ambiguity: None,
                numbers: 0,
            });
        }
    }
    let top_margin = RUNNING_HEAD * page.height;
    let (rows, lines) = infer_rows(
        &build_lines(&free, PIECE_GAP, page.pitch),
        carry,
        top_margin,
    );
    blocks.extend(rows);
    let mut above: Option<(Vec<Cell>, f32)> = None;
    let mut free_lines = Vec::with_capacity(lines.len());
    for line in lines {
        let mut cells = free_cells(&line);
        if let Some((cells_above, y_above)) = &above
            && line.y - y_above <= LINE_SPACING * line.size
        {
            cells = under_its_cell(cells, cells_above, line.size);
        }
        above = Some((cells.clone(), line.y));
        free_lines.push(Block::Text {
            cells,
            y: line.y,
            first_y: line.y,
            size: line.size,
        });
    }
    blocks.extend(join_centred_labels(free_lines));
    blocks.sort_by(|a, b| a.top().total_cmp(&b.top()));
    PageBlocks {
        number: page.number,
        height: page.height,
        blocks,
        input_lines: page.input_lines.clone(),
    }
}

/// A free line's cells: its pieces, those closer than `FREE_CELL_GAP` joined,
/// except that a short label and its value ("Missione    Istruzione …") are
/// two cells when [`LABEL_GAP`] apart, and so are a percentage set apart
/// after text and a piece with a figure set apart after a value (a row's
/// text, weight and date: "Avvio del procedimento   (100%)   entro il
/// 31.12.2024").
fn free_cells(line: &Line) -> Vec<Cell> {
    let labelled = is_label_and_value(line);
    let mut cells: Vec<Cell> = Vec::new();
    // Whether every piece of the last cell is a value.
    let mut values_only = false;
    for segment in &line.segments {
        let value = is_value(&segment.text);
        let figure = segment.text.chars().any(|c| c.is_ascii_digit());
        let percentage = value && segment.text.contains('%');
        let apart = |cell: &Cell| segment.x0 - cell.x1 > FREE_CELL_GAP * line.size;
        match cells.last_mut() {
            Some(cell) if !(labelled || apart(cell) || percentage || values_only && figure) => {
                cell.text.push(' ');
                cell.text.push_str(&segment.text);
                cell.x1 = segment.x1;
                cell.confidence = lowest(cell.confidence, segment.confidence);
                values_only = false;
            }
            _ => {
                cells.push(Cell {
                    text: segment.text.clone(),
                    x0: segment.x0,
                    x1: segment.x1,
                    top: line.y - line.size,
                    bottom: line.y,
                    confidence: segment.confidence,
                    trailing_space: false,
                });
                values_only = value;
            }
        }
    }
    cells
}

/// A free line of one cell right under a free line of several (a row left
/// alone outside its table), set under one of that line's later cells: the
/// cell wrapped onto the line below ("31.12 di ogni anno" /
/// "(pluriennale)"), given its place after cells as empty as the row's
/// before it.
fn under_its_cell(cells: Vec<Cell>, above: &[Cell], size: f32) -> Vec<Cell> {
    let [piece] = cells.as_slice() else {
        return cells;
    };
    let tolerance = EDGE_TOLERANCE * size;
    let Some(column) = above
        .iter()
        .skip(1)
        .position(|cell| (cell.x0 - piece.x0).abs() <= tolerance)
    else {
        return cells;
    };
    let empty = above[..=column].iter().map(|cell| Cell {
        text: String::new(),
        ..cell.clone()
    });
    empty.chain(cells.iter().cloned()).collect()
}

/// A bordered cell: the text of the words inside `[left, top, right, bottom]`.
fn cell_of(words: Option<&Vec<&Word>>, [x0, top, x1, bottom]: [f32; 4]) -> Cell {
    let mut text = String::new();
    let mut trailing_space = false;
    let mut confidence = None;
    for line in build_lines(words.map_or(&[][..], Vec::as_slice), f32::INFINITY, None) {
        join_wrapped(&mut text, trailing_space, &line.text());
        trailing_space = line.trailing_space;
        for segment in &line.segments {
            confidence = lowest(confidence, segment.confidence);
        }
    }
    Cell {
        text,
        x0,
        x1,
        top,
        bottom,
        confidence,
        trailing_space,
    }
}

/// Whether a table is the one `columns` describes (for rows continuing on the next page).
pub(crate) fn same_table(a: &[f32], b: &[f32]) -> bool {
    crate::grid::same_columns(a, b)
}

/// A line of two pieces whose first is a short label, the second its value,
/// set well apart: "Missione    Istruzione e diritto allo studio".
fn is_label_and_value(line: &Line) -> bool {
    let [label, value] = line.segments.as_slice() else {
        return false;
    };
    is_short_label(&label.text) && value.x0 - label.x1 > LABEL_GAP * line.size
}
