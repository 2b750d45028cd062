//! Table headers: the columns a header's cells name, weight matrices' heads.

use piano_model::TextLine;

use crate::vocabulary::{Column, Sections, Vocabulary};

/// Most cells a table header has (a weight matrix's heads included): a line
/// of more is text cut at its gaps, and is not compared with every column name.
pub const MAX_HEADER_CELLS: usize = 64;

/// A header row names at least three columns, one of them the description or
/// an employee, and most of the cells it fills name a column (a plan may add
/// columns of its own, such as "Note").
pub(super) fn table_header(cells: &[&str], words: &Vocabulary) -> Option<Vec<Option<Column>>> {
    if cells.len() > MAX_HEADER_CELLS {
        return None;
    }
    let filled = cells.iter().filter(|cell| !cell.is_empty()).count();
    // Most lines are rows: once more than a third of the cells they fill
    // name no column, they are no header, in a family without weight
    // matrices (whose heads name none), and the rest are not looked up.
    let matrices = words.sections == Sections::Tables;
    let mut unnamed = 0;
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(cells.len());
    for cell in cells {
        let column = words.column(cell);
        if column.is_none() && !cell.is_empty() {
            unnamed += 1;
            if !matrices && unnamed * 3 > filled {
                return None;
            }
        }
        columns.push(column);
    }
    settle_objective_columns(&mut columns);
    if let Some(matrix) = matrix_header(cells, &columns, words) {
        return Some(matrix);
    }
    name_with_spaces_lost(cells, &mut columns, words);
    name_under_group_label(cells, &mut columns, words);
    let named = columns.iter().flatten().count();
    let anchored = columns
        .iter()
        .any(|column| matches!(column, Some(Column::Description | Column::Employee)));
    (named >= 3 && named * 3 >= filled * 2 && anchored).then_some(columns)
}

/// The columns a line names, when it is a table header: [`classify`](super::classify) reads
/// headers only from lines whose first cell is filled, this one also those
/// behind an empty leading column.
pub fn table_header_columns(line: &TextLine, words: &Vocabulary) -> Option<Vec<Option<Column>>> {
    let cells: Vec<&str> = line.cells.iter().map(|cell| cell.text.trim()).collect();
    table_header(&cells, words)
}

/// Whether a cell of a line under a table header can be the rest of a header
/// cell wrapped there ("Obiettivi Operativi", "%", "Attesa"): short, no digits.
pub fn is_header_piece(cell: &str) -> bool {
    cell.len() <= 40 && !cell.bytes().any(|b| b.is_ascii_digit())
}

/// Whether `line` is a group's label on a line of its own right above the
/// table header `below` ("Misurazione" over "Indicatori" | "Valori attesi",
/// the header's other cells merged over both lines and printed on the
/// lower): one piece of a name opening with a capital (a value wrapped into
/// its cell goes on in small letters), over a cell the header fills, not in
/// the first cell unless the line keeps as many cells as the header (a row
/// of the table, whose label stands over the columns a matrix puts first:
/// "Peso per responsabile" over its heads; a caption above a table is a
/// line of its own).
pub fn is_group_label(line: &TextLine, below: &TextLine) -> bool {
    let mut filled = line
        .cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.text.trim().is_empty());
    let (Some((index, label)), None) = (filled.next(), filled.next()) else {
        return false;
    };
    let label = label.text.trim();
    (index > 0 || line.cells.len() == below.cells.len())
        && below.page == line.page
        && below.number == line.last + 1
        && is_header_piece(label)
        && label.starts_with(char::is_uppercase)
        && below
            .cells
            .get(index)
            .is_some_and(|cell| !cell.text.trim().is_empty())
}

/// A header cell naming no column whose words, read with no heed to spaces
/// (OCR loses narrow ones: "% diraggiungimento"), name one the header names
/// nowhere else, names that one.
fn name_with_spaces_lost(cells: &[&str], columns: &mut [Option<Column>], words: &Vocabulary) {
    name_cells_naming_none(cells, columns, |cell| words.column_with_spaces_lost(cell));
}

/// A two-level header whose group's label a rebuild set in front of one of
/// the names below it ("Misurazione Parametri di misurazione", "Dati di
/// monitoraggio Commento"): a cell that names no column, opening with a
/// capital, whose words from one opening with a capital on (the longest
/// such rest) name one the header names nowhere else, stands over that one.
fn name_under_group_label(cells: &[&str], columns: &mut [Option<Column>], words: &Vocabulary) {
    name_cells_naming_none(cells, columns, |cell| {
        if !cell.starts_with(char::is_uppercase) {
            return None;
        }
        cell.char_indices()
            .filter(|&(at, c)| at > 0 && c == ' ')
            .map(|(at, _)| cell[at..].trim_start())
            .filter(|rest| rest.starts_with(char::is_uppercase))
            .find_map(|rest| words.column(rest))
    });
}

/// Gives each filled cell of a header that names no column the column
/// `read` finds in it, where the header names that column nowhere else.
fn name_cells_naming_none(
    cells: &[&str],
    columns: &mut [Option<Column>],
    read: impl Fn(&str) -> Option<Column>,
) {
    for (index, cell) in cells.iter().enumerate() {
        if columns.get(index) != Some(&None) || cell.is_empty() {
            continue;
        }
        if let Some(column) = read(cell).filter(|column| !columns.contains(&Some(*column))) {
            columns[index] = Some(column);
        }
    }
}

/// The columns a header's cells name, as [`classify`](super::classify) reads them once the
/// line is known to be a header (a header wrapped onto two lines is read
/// again once joined).
pub fn header_columns(cells: &[&str], words: &Vocabulary) -> Vec<Option<Column>> {
    let mut columns: Vec<Option<Column>> = cells.iter().map(|cell| words.column(cell)).collect();
    settle_objective_columns(&mut columns);
    if let Some(matrix) = matrix_header(cells, &columns, words) {
        return matrix;
    }
    name_with_spaces_lost(cells, &mut columns, words);
    columns
}

/// A weight matrix's header, in a family whose tables are its structures: a
/// number and a description column and no column of values (weight, due,
/// indicators, expected), then at least two cells naming no column: the
/// heads, one column each.
fn matrix_header(
    cells: &[&str],
    columns: &[Option<Column>],
    words: &Vocabulary,
) -> Option<Vec<Option<Column>>> {
    let has = |wanted: Column| columns.contains(&Some(wanted));
    // Its other columns are heads: a header that names values (a due date,
    // indicators, expected values) is an objectives table's.
    let names_values = [
        Column::Weight,
        Column::Due,
        Column::Indicators,
        Column::Expected,
    ]
    .into_iter()
    .any(has);
    let shaped = has(Column::Number) && has(Column::Description) && !names_values;
    if words.sections != Sections::Tables || !shaped {
        return None;
    }
    let heads: Vec<usize> = (0..cells.len())
        .filter(|&index| columns[index].is_none() && !cells[index].is_empty())
        .collect();
    if heads.len() < 2 {
        return None;
    }
    let mut columns = columns.to_vec();
    for index in heads {
        columns[index] = Some(Column::HeadWeight);
    }
    Some(columns)
}

/// "Obiettivo(i)" names the objective an employee works on in a staff table
/// (one with an employee column), and the description in an objectives table;
/// of two cells naming the description, a first one in the header's first
/// cell stands over the rows' numbers ("Fase | Attività").
fn settle_objective_columns(columns: &mut [Option<Column>]) {
    // "Fase | Attività | …": the first of two cells naming the description,
    // first in the header, stands over the rows' numbers.
    let descriptions = columns
        .iter()
        .filter(|column| **column == Some(Column::Description))
        .count();
    if descriptions >= 2
        && let Some(first) = columns.first_mut()
        && *first == Some(Column::Description)
    {
        *first = Some(Column::Number);
    }
    let staff = columns.contains(&Some(Column::Employee));
    let has_description = columns.contains(&Some(Column::Description));
    for column in columns.iter_mut() {
        match *column {
            Some(Column::Description) if staff => *column = Some(Column::Objective),
            Some(Column::Objective) if !staff && !has_description => {
                *column = Some(Column::Description);
            }
            _ => {}
        }
    }
}
