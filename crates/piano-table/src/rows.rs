//! The lines of a borderless table to its rows: which line starts a row,
//! and the rows a dump leaves ambiguous (which column each piece of a line
//! goes to is `placed.rs`'s).
//!
//! A line with text in the first column starts a row; the others continue
//! it, each cell joining its wrapped lines. (The first column is the one
//! that numbers the rows, where that is another: `anchor.rs`.) Three layouts break that rule,
//! and each row read despite them (but the header) says so ([`Ambiguity`]):
//! - cells centred vertically in tall rows (LibreOffice, HTML): a row's
//!   number sits on a middle line, with lines of its wrapped cells above it
//!   and below them (`centred.rs` shares them out);
//! - a header whose first cell wraps ("Obiettivo" / "n.") gives lines with
//!   text in the first column under it: they are the header's while they
//!   hold no digit and the first row numbered in its first cell follows;
//! - a line with an empty first cell that holds a second set of values (two
//!   or more numbers, weights or dates under the row's own, which do not
//!   wrap): a row of its own, such as a totals row.
//!
//! A header of two levels (a group's label over columns named under it) is
//! two rows, which the parser reads as one header.

mod anchor;
mod blocks;
mod centred;
mod labels;
mod openers;
mod placed;
mod starts;

/// The rows of a text dump's lines, as tab-separated texts, in the columns
/// with edges `columns`: what the placement rules' tests compare.
#[cfg(test)]
fn dump_rows(text: &str, columns: &[f32]) -> Vec<String> {
    rows_of(&crate::lines::dump_lines(text), columns, Start::Top)
        .iter()
        .map(crate::page::Block::text)
        .collect()
}

use crate::gutters::{EDGE_TOLERANCE, edges_crossed, is_value};
use crate::lines::{Line, join_wrapped_owned, lowest};
use crate::page::{Block, Cell};
use crate::region::LINE_SPACING;
use anchor::{number_column, put_back, put_first};
use centred::{share_out_centred_lines, take_in_centred_lines};
use labels::{LabelText, widest_label};
use openers::column_openers;
use piano_model::Code;
use placed::{PlacedLine, column_contents};
use starts::cells_started_where_wrapped_lines_start;

/// Why a row was read one way when the dump allows two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ambiguity {
    /// Lines above the row's first line were taken in: its cells are centred.
    Centred,
    /// Lines above the row's first line fill cells it leaves empty but were
    /// left with the row above: too few lines below it to tell centring.
    MaybeCentred,
    /// The line has an empty first cell but a second set of values: read as
    /// a row of its own.
    EmptyFirstCell,
    /// The table's header has cells one space apart: cut where the columns
    /// below start.
    HeaderCut,
}

impl Ambiguity {
    /// The diagnostic's code: a cut header's own, since every column's
    /// meaning rests on it.
    pub(crate) fn code(self) -> Code {
        match self {
            Ambiguity::HeaderCut => Code::HeaderCut,
            Ambiguity::Centred | Ambiguity::MaybeCentred | Ambiguity::EmptyFirstCell => {
                Code::RowAmbiguous
            }
        }
    }

    /// What a diagnostic says of it.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Ambiguity::Centred => {
                "the lines above this row fill only the cells its first line leaves empty, as \
                 when cells are centred in a tall row: they were read as part of it"
            }
            Ambiguity::MaybeCentred => {
                "the lines above this row fill only the cells its first line leaves empty: they \
                 were left with the row above, but may be this row's, centred in a tall row"
            }
            Ambiguity::HeaderCut => {
                "this header's cells touch one another (one space apart): they were cut where \
                 the columns below start, and a column's name may be cut wrong"
            }
            Ambiguity::EmptyFirstCell => {
                "this line has an empty first cell, which continues the row above, but holds a \
                 second set of values (such as weights or dates): it was read as a row of its own"
            }
        }
    }
}

/// One line of the table cut into its columns.
struct TableLine {
    texts: Vec<String>,
    confidences: Vec<Option<f32>>,
    straddling: usize,
    y: f32,
    size: f32,
    trailing_space: bool,
    cut: bool,
    label: Option<LabelText>,
}

impl TableLine {
    fn of(placed: PlacedLine, inner: &[f32]) -> TableLine {
        let count = inner.len() + 1;
        let cut = placed.cut;
        let line = placed.line;
        let tolerance = EDGE_TOLERANCE * line.size;
        let mut texts = vec![String::new(); count];
        let mut confidences = vec![None; count];
        let mut straddling = 0;
        let label = LabelText::of(&line, &placed.columns);
        for (segment, &column) in line.segments.into_iter().zip(&placed.columns) {
            straddling +=
                usize::from(!edges_crossed(inner, segment.x0, segment.x1, tolerance).is_empty());
            confidences[column] = lowest(confidences[column], segment.confidence);
            join_wrapped_owned(&mut texts[column], false, segment.text);
        }
        TableLine {
            texts,
            confidences,
            straddling,
            y: line.y,
            size: line.size,
            trailing_space: line.trailing_space,
            cut,
            label,
        }
    }

    /// Whether the line only holds text in columns that `other` leaves empty.
    fn fills_only_gaps_of(&self, other: &TableLine) -> bool {
        self.texts
            .iter()
            .zip(&other.texts)
            .all(|(mine, theirs)| mine.is_empty() || theirs.is_empty())
    }

    /// Whether the line goes on with the first cell of `row`, whose line
    /// above it is: text in the first cell only, starting with a small
    /// letter, right under the row's last line, in a row whose first line
    /// fills other cells too (a table numbered in a column further in wraps
    /// its first column's text so).
    fn wraps_the_first_cell_of(&self, row: &Row) -> bool {
        let Some(above) = row.lines.last() else {
            return false;
        };
        let first_cell_only = self.texts.iter().skip(1).all(String::is_empty);
        let lowercase = self.texts[0].chars().next().is_some_and(char::is_lowercase);
        let close = self.y - above.y <= LINE_SPACING * self.size.max(above.size);
        let others_filled = row.first_line().texts.iter().skip(1).any(|t| !t.is_empty());
        first_cell_only && lowercase && close && others_filled
    }

    /// Whether the line, below a blank line, holds text in one column only,
    /// not the numbers' (a heading at the table's left edge, in a table
    /// numbered in a column further in, where a line with nothing in the
    /// numbers' column would go on with the row above): cells do not wrap
    /// across a blank line. The numbers' column is first here.
    fn stands_apart_from(&self, row: &Row) -> bool {
        let Some(above) = row.lines.last() else {
            return false;
        };
        let apart = self.y - above.y > LINE_SPACING * self.size.max(above.size);
        let mut filled = (0..self.texts.len()).filter(|&column| !self.texts[column].is_empty());
        let one = match (filled.next(), filled.next()) {
            (Some(column), None) => column > 0,
            _ => false,
        };
        apart && one
    }

    /// Whether the line, with an empty first cell, holds values (numbers,
    /// weights, dates: digits without letters) in two or more columns where
    /// `first` (a row's first line) holds values too.
    fn repeats_values_of(&self, first: &TableLine) -> bool {
        let repeated = self
            .texts
            .iter()
            .zip(&first.texts)
            .filter(|(mine, theirs)| is_value(mine) && is_value(theirs))
            .count();
        self.texts[0].is_empty() && repeated >= 2
    }
}

/// A row in the making: its lines from top to bottom, and which of them
/// started it (the first, unless lines above it were taken in).
struct Row {
    lines: Vec<TableLine>,
    first: usize,
    ambiguity: Option<Ambiguity>,
}

impl Row {
    fn first_line(&self) -> &TableLine {
        &self.lines[self.first]
    }

    /// Whether its first line has text in the first column (else it is made
    /// of lines that continue a row above, or are centred over one below).
    fn is_anchored(&self) -> bool {
        !self.first_line().texts[0].is_empty()
    }

    /// How many of its last lines have an empty first cell.
    fn trailing_continuations(&self) -> usize {
        self.lines[self.first + 1..]
            .iter()
            .rev()
            .take_while(|line| line.texts[0].is_empty())
            .count()
    }

    /// Whether a line below the first holds text in a column the first line
    /// leaves empty: a cell that does not start at the top of the row.
    fn starts_a_cell_below_its_top(&self) -> bool {
        let first = self.first_line();
        self.lines[self.first + 1..].iter().any(|line| {
            line.texts
                .iter()
                .zip(&first.texts)
                .any(|(text, top)| !text.is_empty() && top.is_empty())
        })
    }
}

/// Where the lines of a table come from: its own top (a header, perhaps
/// centred over lines with an empty first cell), or a table the page above
/// ended with, whose last row they may finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Start {
    /// The table starts here.
    Top,
    /// The lines go on with a table from the page above.
    Carried,
}

/// The rows of the lines of one borderless table with column edges `columns`.
pub(crate) fn rows_of(lines: &[Line], columns: &[f32], start: Start) -> Vec<Block> {
    let mut rows: Vec<Row> = Vec::new();
    let inner = &columns[1..columns.len() - 1];
    let placed: Vec<PlacedLine> = lines
        .iter()
        .map(|line| PlacedLine::of(line, columns))
        .collect();
    let contents = column_contents(&placed, inner);
    let openers = column_openers(&placed, inner);
    let mut placed: Vec<PlacedLine> = placed
        .into_iter()
        .map(|placed| {
            placed
                .with_gutter_text_moved(&contents, inner)
                .with_openers_moved(&openers)
        })
        .collect();
    cells_started_where_wrapped_lines_start(&mut placed, lines, inner);
    let mut lines: Vec<TableLine> = placed
        .into_iter()
        .map(|placed| TableLine::of(placed, inner))
        .collect();
    let numbers = number_column(&lines);
    // The label column's width is its first column's only where that
    // is not set behind the numbers' column.
    let widest = widest_label(&lines).filter(|_| numbers == 0);
    for line in &mut lines {
        put_first(line, numbers);
    }
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let below = lines.peek();
        let (starts, ambiguity) = match rows.last() {
            None => (true, None),
            Some(row) if start == Start::Carried && line.wraps_the_first_cell_of(row) => {
                (false, None)
            }
            Some(row) if line.ends_the_label_of(row, widest, below) => (false, None),
            Some(row) if numbers > 0 && line.stands_apart_from(row) => (true, None),
            Some(row) if numbers > 0 && line.wraps_a_foot_label(row) => (false, None),
            Some(_) if !line.texts[0].is_empty() => (true, None),
            Some(row) if line.repeats_values_of(row.first_line()) => {
                (true, Some(Ambiguity::EmptyFirstCell))
            }
            Some(_) => (false, None),
        };
        match rows.last_mut() {
            Some(row) if !starts => row.lines.push(line),
            _ => rows.push(Row {
                lines: vec![line],
                first: 0,
                ambiguity,
            }),
        }
    }
    let centred = share_out_centred_lines(&mut rows, start);
    join_wrapped_header(&mut rows);
    if start == Start::Top {
        split_two_level_header(&mut rows);
    }
    if !centred {
        take_in_centred_lines(&mut rows);
    }
    if start == Start::Top {
        flag_a_cut_header(&mut rows);
    }
    rows.into_iter()
        .map(|mut row| {
            for line in &mut row.lines {
                put_back(line, numbers);
            }
            block_of(row, columns, numbers)
        })
        .collect()
}

/// Says so of a table's header (its first row, numbered in no first cell,
/// above other rows) when a piece of it was cut where no gap parts its
/// words and a cell of a cut line then starts as no column's name does,
/// with a small letter or a digit ("1 Dirigente Area" after "Dirigente
/// Area"): which words name which column was guessed wrong.
fn flag_a_cut_header(rows: &mut [Row]) {
    let [header, _, ..] = rows else {
        return;
    };
    let numbered = header.first_line().texts[0]
        .chars()
        .any(|c| c.is_ascii_digit());
    // A column's name starts on the header's first line with text in it (a
    // wrapped name goes on with a small letter: "Area Servizi" / "alla
    // Persona").
    let starts_as_no_name = |column: usize| {
        header
            .lines
            .iter()
            .map(|line| &line.texts[column])
            .find(|text| !text.is_empty())
            .and_then(|text| text.chars().next())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    let columns = header.first_line().texts.len();
    let cut = header.lines.iter().any(|line| line.cut);
    if !numbered && cut && (1..columns).any(starts_as_no_name) {
        header.ambiguity = header.ambiguity.or(Some(Ambiguity::HeaderCut));
    }
}

/// The row of a table's header left alone at a page's foot, its cells
/// wrapped over `lines` ([`crate::region::header_alone`]); two rows where it
/// has two levels (a group's label over columns named under it).
pub(crate) fn header_rows(lines: &[Line], columns: &[f32]) -> Vec<Block> {
    let inner = &columns[1..columns.len() - 1];
    let lines = lines
        .iter()
        .map(|line| TableLine::of(PlacedLine::of(line, columns), inner))
        .collect();
    let mut header = Row {
        lines,
        first: 0,
        ambiguity: None,
    };
    let lower = split_levels(&mut header);
    std::iter::once(header)
        .chain(lower)
        .map(|row| block_of(row, columns, 0))
        .collect()
}

/// Joins to the header the rows below it that are the rest of a wrapped
/// header cell of the first column ("Obiettivo" / "n."): rows without a
/// digit, each right under the one above, followed by the first row
/// numbered in its first cell. A table whose
/// rows are all words (staff, for one) keeps its rows.
fn join_wrapped_header(rows: &mut Vec<Row>) {
    let has_digit = |row: &Row| {
        row.lines
            .iter()
            .flat_map(|line| &line.texts)
            .any(|text| text.chars().any(|c| c.is_ascii_digit()))
    };
    // A row's number stands beside the row's other cells: a first cell
    // alone on its line is a label's value wrapped onto a line of its own
    // ("Termine:" / "31 dicembre 2020").
    let numbered = |row: &Row| {
        let line = row.first_line();
        let first = &line.texts[0];
        first.starts_with(|c: char| c.is_ascii_digit())
            && !first.split(' ').next().is_some_and(is_a_date)
            && line.texts[1..].iter().any(|text| !text.is_empty())
    };
    let Some(header) = rows.first() else {
        return;
    };
    if has_digit(header) {
        return;
    }
    // A header's cell wraps onto the lines right under it, never across a
    // blank line: fields of a card set one under another apart are rows.
    let right_under = |above: &Row, row: &Row| {
        let (Some(last), Some(first)) = (above.lines.last(), row.lines.first()) else {
            return false;
        };
        first.y - last.y <= LINE_SPACING * first.size.max(last.size)
    };
    let wrapped = rows
        .iter()
        .zip(&rows[1..])
        .take_while(|&(above, row)| !has_digit(row) && right_under(above, row))
        .count();
    let followed_by_a_number = rows.get(1 + wrapped).is_some_and(numbered);
    if wrapped == 0 || !followed_by_a_number {
        return;
    }
    let rest: Vec<TableLine> = rows.drain(1..=wrapped).flat_map(|row| row.lines).collect();
    rows[0].lines.extend(rest);
}

/// Whether `word` is a date ("01/12/2019", "31.12.2022"), which a row's
/// number or code never is: a label's value wrapped onto a line of its own.
fn is_a_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['.', '/', '-']).collect();
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    word.contains('/')
        || matches!(parts.as_slice(), [day, month, year]
            if digits(day) && digits(month) && digits(year) && year.len() == 4)
}

/// Splits a table's header (its first row, without a digit) into its two
/// levels where a group's label stands over columns named under it: on the
/// line where cells that the lines above left empty get their names (side
/// by side), the cell left of them, named above, gets a name of its own
/// too, all opening with a capital ("Peso per" / "responsabile" over
/// "Segretario" | "Area Tecnica") or a sign ("Misurazione" over
/// "Indicatore" | "% peso"). A name going on in lower case beside a name set lower is one
/// header cell wrapped beside another centred ("Obiettivo" / "strategico"
/// beside "Peso"). The parser reads the two levels as one header.
fn split_two_level_header(rows: &mut Vec<Row>) {
    let Some(header) = rows.first() else {
        return;
    };
    if header.first != 0 || rows.len() < 2 {
        return;
    }
    if let Some(lower) = split_levels(&mut rows[0]) {
        rows.insert(1, lower);
    }
}

/// The lower level of a two-level header `header` (a row without a digit),
/// split off it, if it has one (see [`split_two_level_header`]).
fn split_levels(header: &mut Row) -> Option<Row> {
    let digit = header
        .lines
        .iter()
        .flat_map(|line| &line.texts)
        .any(|text| text.chars().any(|c| c.is_ascii_digit()));
    if digit {
        return None;
    }
    // A name opens with a capital or a sign ("% peso"), never in lower case.
    let capital = |text: &str| {
        text.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
    };
    let at = (1..header.lines.len()).find(|&at| {
        let (above, line) = (&header.lines[..at], &header.lines[at]);
        let named_above = |column: usize| above.iter().any(|l| !l.texts[column].is_empty());
        // The columns the line names first: one run, right of the group's
        // label (a header's main line among centred names names many apart).
        let first_named: Vec<usize> = (0..line.texts.len())
            .filter(|&column| !line.texts[column].is_empty() && !named_above(column))
            .collect();
        let (Some(&first), Some(&last)) = (first_named.first(), first_named.last()) else {
            return false;
        };
        last - first + 1 == first_named.len()
            && first > 0
            && named_above(first - 1)
            && capital(&line.texts[first - 1])
            && first_named
                .iter()
                .all(|&column| capital(&line.texts[column]))
    })?;
    Some(Row {
        lines: header.lines.split_off(at),
        first: 0,
        ambiguity: None,
    })
}

fn block_of(row: Row, columns: &[f32], numbers: usize) -> Block {
    let count = columns.len() - 1;
    let top = row
        .lines
        .iter()
        .map(|l| l.y - l.size)
        .fold(f32::INFINITY, f32::min);
    let baselines = row
        .lines
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), l| {
            (a.min(l.y), b.max(l.y))
        });
    let bottom = baselines.1;
    let mut cells: Vec<Cell> = (0..count)
        .map(|c| Cell {
            text: String::new(),
            x0: columns[c],
            x1: columns[c + 1],
            top,
            bottom,
            confidence: None,
            trailing_space: false,
        })
        .collect();
    let mut by_content = 0;
    // The first line tells whether the producer drew a space at a wrap.
    let trailing_space = row.first_line().trailing_space;
    for line in row.lines {
        for ((cell, text), confidence) in cells.iter_mut().zip(line.texts).zip(line.confidences) {
            join_wrapped_owned(&mut cell.text, trailing_space, text);
            cell.confidence = lowest(cell.confidence, confidence);
        }
        by_content += line.straddling;
    }
    for cell in &mut cells {
        cell.trailing_space = trailing_space;
    }
    Block::Row {
        cells,
        columns: columns.to_vec(),
        top,
        baselines,
        by_content,
        ruled: false,
        ambiguity: row.ambiguity,
        numbers,
    }
}

#[cfg(test)]
mod tests;
