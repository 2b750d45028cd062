//! Tables whose row labels are not in their first column.
//!
//! Lines are classified by their first cell: a row starts with its number or
//! code. Tables that put the number elsewhere ("Descrizione | N° | Peso …"),
//! or behind a column left empty (a Word table's narrow first column, where
//! `empty_leading` has not dropped it already), have their label column
//! moved first, on the header naming it and on every line
//! under that header, before any line is classified. A header holds over the
//! headings that follow it until another header appears, as in plans that
//! print their header once for the whole document; a staff table's header
//! suspends it until the next line of one cell (the next heading). A
//! profile's `[layout]` may keep the number column in place
//! (`number_column_first`) or a header to its own table
//! (`header_holds_over_headings`).

mod unheaded;

use piano_model::{Cell, TextLine};

use crate::line::table_header_columns;
use crate::token::due::looks_like_due;
use crate::token::number::{is_page_number, parse_row_number};
use crate::token::weight::is_weight;
use crate::vocabulary::{Column, Vocabulary};

/// Moves the label column first on every line under a header that one of
/// `profiles` reads as naming it elsewhere.
///
/// No family is chosen yet: a profile whose `[layout]` turns
/// `number_column_first` or `header_holds_over_headings` off has its way
/// on every header it reads.
pub fn labels_first(lines: &mut [TextLine], profiles: &[Vocabulary]) {
    let mut label_at: Option<usize> = None;
    let mut label_holds = true;
    let mut in_staff_table = false;
    // The profiles that set a rule off, which most documents are read without.
    let keeps_in_place: Vec<&Vocabulary> = profiles
        .iter()
        .filter(|profile| !profile.layout.number_column_first)
        .collect();
    let holds_for_own_table: Vec<&Vocabulary> = profiles
        .iter()
        .filter(|profile| !profile.layout.header_holds_over_headings)
        .collect();
    let reads =
        |line: &TextLine, profile: &&Vocabulary| table_header_columns(line, profile).is_some();
    // Where profiles put the number column of tables printed without a header.
    let numbers_without_header: Vec<usize> = profiles
        .iter()
        .filter_map(|profile| profile.layout.number_without_header_at())
        .collect();
    let mut header_applies = false;
    // How the last row of a table without header was moved: where its
    // label stood, and whether its empty first cell went.
    let mut unheaded_move: Option<(usize, bool)> = None;
    let further_in = unheaded::labels_further_in(lines, profiles);
    let first_column_filled = unheaded::first_column_filled(lines, &further_in);
    for ((line, further_in), first_column_filled) in
        lines.iter_mut().zip(further_in).zip(first_column_filled)
    {
        let filled = line
            .cells
            .iter()
            .filter(|cell| !cell.text.trim().is_empty())
            .count();
        let first_filled = line
            .cells
            .first()
            .is_some_and(|cell| !cell.text.trim().is_empty());
        if is_heading(line) {
            in_staff_table = false;
            if !label_holds {
                label_at = None;
                header_applies = false;
            }
            // A page's number between a row and its wrapped cell ends no table.
            let page_number = line
                .cells
                .first()
                .is_some_and(|cell| is_page_number(&cell.text));
            if !page_number {
                unheaded_move = None;
            }
            continue;
        }
        // A header names three columns at least.
        let header = (filled >= 3).then(|| header_of(line, profiles)).flatten();
        if let Some(columns) = header {
            in_staff_table = columns.contains(&Some(Column::Employee));
            if !in_staff_table {
                header_applies = true;
                let moves = !keeps_in_place.iter().any(|profile| reads(line, profile));
                label_holds = !holds_for_own_table
                    .iter()
                    .any(|profile| reads(line, profile));
                label_at = columns
                    .iter()
                    .position(|column| *column == Some(Column::Number))
                    .filter(|&index| index > 0 && moves);
            }
        }
        let Some(index) = label_at.filter(|_| !in_staff_table) else {
            if header_applies || in_staff_table {
                continue;
            }
            let moved = !numbers_without_header.is_empty()
                && number_first_without_header(line, &numbers_without_header, profiles);
            if let Some(at) = further_in.filter(|_| !moved) {
                unheaded_move = Some((at, move_label(line, at, !first_column_filled)));
            } else if moved {
                unheaded_move = None;
            } else if let Some((at, dropped)) = unheaded_move {
                // A line under such a row, its label cell empty: cells of
                // the row wrapped, moved as the row was; its first cell may
                // hold the wrapped text of the column moved from there, but
                // a row number there opens a table of another order.
                let label_empty = line
                    .cells
                    .get(at)
                    .is_some_and(|cell| cell.text.trim().is_empty());
                let numbered = line
                    .cells
                    .first()
                    .is_some_and(|cell| parse_row_number(cell.text.trim()).is_some());
                if label_empty && !numbered {
                    move_label(line, at, dropped);
                } else if first_filled {
                    unheaded_move = None;
                }
            }
            continue;
        };
        // A header field ("Missione | Servizi …") has two cells: never a row.
        let is_table_line = line.cells.len() > index && line.cells.len() >= 3;
        if is_table_line {
            let label = line.cells.remove(index);
            line.cells.insert(0, label);
        }
    }
}

/// Whether `line` is a heading: a line of one cell, in the first column (a
/// page's number, too, is one). A row's cell wrapped onto a line of its own
/// (a page's foot split the row) holds one cell not in the first column: it
/// is moved as the rows are, or its text would land a column off.
fn is_heading(line: &TextLine) -> bool {
    let filled = |cell: &Cell| !cell.text.trim().is_empty();
    line.cells.first().is_some_and(filled)
        && line.cells.iter().filter(|cell| filled(cell)).count() == 1
}

/// Moves `line`'s cell at `at` first; when `drop_empty`, the cell that was
/// first goes too if it is empty (an empty first column is none of the
/// table's). Whether it went.
fn move_label(line: &mut TextLine, at: usize, drop_empty: bool) -> bool {
    let label = line.cells.remove(at);
    line.cells.insert(0, label);
    let empty = line
        .cells
        .get(1)
        .is_some_and(|cell| cell.text.trim().is_empty());
    if drop_empty && empty {
        line.cells.remove(1);
    }
    drop_empty && empty
}

/// A row of a table printed without a header, whose number column a
/// profile's `columns_without_header` puts at one of `places`: the label
/// there, and none in the first cell, is moved first. Whether it moved one.
fn number_first_without_header(
    line: &mut TextLine,
    places: &[usize],
    profiles: &[Vocabulary],
) -> bool {
    let is_label = |text: &str| {
        let text = text.trim();
        parse_row_number(text).is_some()
            || profiles
                .iter()
                .any(|profile| profile.row_code(text).is_some())
    };
    if line.cells.len() < 3 || line.cells.first().is_some_and(|cell| is_label(&cell.text)) {
        return false;
    }
    let at = places
        .iter()
        .copied()
        .find(|&at| line.cells.get(at).is_some_and(|cell| is_label(&cell.text)));
    if let Some(at) = at {
        let label = line.cells.remove(at);
        line.cells.insert(0, label);
    }
    at.is_some()
}

/// The columns a line names when some profile reads it as a table header:
/// the first reading that names a number column, else the first.
/// Rows, most of a plan's lines, open with their label and are no header.
fn header_of(line: &TextLine, profiles: &[Vocabulary]) -> Option<Vec<Option<Column>>> {
    let first = line
        .cells
        .iter()
        .map(|cell| cell.text.trim())
        .find(|text| !text.is_empty())?;
    // A header names columns: a row whose first cell merely starts with a
    // column's name ("Numero di pratiche …") holds values too.
    let holds_values = line.cells.iter().any(|cell| {
        let text = cell.text.trim();
        parse_row_number(text).is_some() || is_weight(text) || looks_like_due(text)
    });
    let is_label = || {
        profiles
            .iter()
            .any(|profile| profile.row_code(first).is_some())
    };
    if holds_values || is_label() {
        return None;
    }
    // The profiles differ in what they call the number column ("Cod.").
    let mut readings = profiles
        .iter()
        .filter_map(|profile| table_header_columns(line, profile));
    let first = readings.next()?;
    let numbered = |columns: &Vec<Option<Column>>| columns.contains(&Some(Column::Number));
    if numbered(&first) {
        return Some(first);
    }
    Some(readings.find(numbered).unwrap_or(first))
}

#[cfg(test)]
mod tests {
    use piano_model::{Code, Plan};

    /// An objective's number, description, weight and due date, with its
    /// phases' numbers.
    type Read = (String, String, Option<f64>, Option<String>, Vec<String>);

    /// Each objective as [`Read`] has it.
    fn read(plan: &Plan) -> Vec<Read> {
        plan.structures
            .iter()
            .flat_map(|structure| &structure.objectives)
            .map(|objective| {
                let entry = &objective.entry;
                (
                    entry.number.clone(),
                    entry.description.clone(),
                    entry.weight,
                    entry
                        .due
                        .as_ref()
                        .and_then(|due| due.date)
                        .map(|date| date.to_string()),
                    objective
                        .phases
                        .iter()
                        .map(|phase| phase.number.clone())
                        .collect(),
                )
            })
            .collect()
    }

    fn expected() -> Vec<Read> {
        vec![
            (
                "1".into(),
                "Primo".into(),
                Some(60.0),
                Some("2022-12-31".into()),
                vec!["1.1".into()],
            ),
            (
                "2".into(),
                "Secondo".into(),
                Some(40.0),
                Some("2022-06-30".into()),
                vec![],
            ),
        ]
    }

    const HEADING: &str = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n";

    #[test]
    fn a_number_column_anywhere_is_read_as_the_rows_labels() {
        let inside = "Descrizione\tN°\tPeso\tScadenza\n\
             Primo\t1\t60%\t31.12.2022\n\
             Fase: avvio\t1.1\t100%\t30.06.2022\n\
             Secondo\t2\t40%\t30.06.2022\n";
        let last = "Descrizione\tPeso\tScadenza\tN°\n\
             Primo\t60%\t31.12.2022\t1\n\
             Fase: avvio\t100%\t30.06.2022\t1.1\n\
             Secondo\t40%\t30.06.2022\t2\n";
        for table in [inside, last] {
            let plan = crate::parse_dump(&format!("{HEADING}{table}"));
            assert_eq!(read(&plan), expected(), "{table}");
            assert!(
                !plan
                    .diagnostics
                    .iter()
                    .any(|d| d.code == Code::TextUnplaced)
            );
        }
    }

    #[test]
    fn a_row_that_starts_with_a_columns_name_is_no_header() {
        let text = format!(
            "{HEADING}Descrizione\tN°\tPeso\tScadenza\n\
             Primo\t1\t60%\t31.12.2022\n\
             Numero di pratiche\t1.1\t100%\t30.06.2022\n\
             Secondo\t2\t40%\t30.06.2022\n"
        );
        let plan = crate::parse_dump(&text);
        assert_eq!(
            plan.structures[0].objectives[0].phases[0].description,
            "Numero di pratiche"
        );
    }

    #[test]
    fn an_empty_leading_column_is_passed_over() {
        let text = format!(
            "{HEADING}\tN°\tDescrizione\tPeso\tScadenza\n\
             \t1\tPrimo\t60%\t31.12.2022\n\
             \t1.1\tFase: avvio\t100%\t30.06.2022\n\
             \t2\tSecondo\t40%\t30.06.2022\n"
        );
        assert_eq!(read(&crate::parse_dump(&text)), expected());
    }

    #[test]
    fn rows_labelled_behind_an_empty_column_without_a_header_are_read() {
        let text = format!(
            "{HEADING}\t1\tPrimo\t60%\t31.12.2022\n\
             \t1.1\tFase: avvio\t100%\t30.06.2022\n\
             \t2\tSecondo\t40%\t30.06.2022\n"
        );
        assert_eq!(read(&crate::parse_dump(&text)), expected());
    }

    #[test]
    fn a_blank_first_cell_of_a_filled_first_column_stays_in_its_row() {
        // Due first, weight, description, the label further in; the phase's
        // due is blank: its row keeps the empty cell as the others keep
        // their dues, or its weight would be read as its due.
        let text = format!(
            "{HEADING}31.12.2022\t60%\tPrimo\t1\n\
             \t100%\tFase: avvio\t1.1\n\
             30.06.2022\t40%\tSecondo\t2\n"
        );
        let plan = crate::parse_dump(&text);
        let objectives = &plan.structures[0].objectives;
        assert_eq!(objectives.len(), 2);
        let phase = &objectives[0].phases[0];
        assert_eq!(
            (phase.description.as_str(), phase.weight),
            ("Fase: avvio", Some(100.0))
        );
        assert_eq!(objectives[1].entry.description, "Secondo");
    }

    #[test]
    fn a_cell_wrapped_onto_a_line_of_its_own_is_moved_as_its_row_was() {
        // Without a header, behind an empty column, a page's number between
        // the row and its wrapped description.
        let unheaded = format!(
            "{HEADING}\t1\tPrimo\t60%\t31.12.2022\n\
             2\n\
             \t\tobiettivo\t\t\n\
             \t2\tSecondo\t40%\t30.06.2022\n"
        );
        // Under a header naming the number column further in.
        let headed = format!(
            "{HEADING}Peso\tDescrizione\tN°\tScadenza\n\
             60%\tPrimo\t1\t31.12.2022\n\
             \tobiettivo\t\t\n\
             40%\tSecondo\t2\t30.06.2022\n"
        );
        for text in [unheaded, headed] {
            let plan = crate::parse_dump(&text);
            let objectives = &plan.structures[0].objectives;
            let read: Vec<(&str, Option<f64>)> = objectives
                .iter()
                .map(|objective| (objective.entry.description.as_str(), objective.entry.weight))
                .collect();
            assert_eq!(
                read,
                [("Primo obiettivo", Some(60.0)), ("Secondo", Some(40.0))],
                "{text}"
            );
        }
    }

    #[test]
    fn cells_wrapped_under_a_row_labelled_among_its_values_move_as_the_row_did() {
        // No header, the label among the values: the description's wrap
        // stands in the first cell, the label cell under the row empty.
        let text = format!(
            "{HEADING}Primo obiettivo\t60%\t010101\t31.12.2022\tdue\n\
             del settore\t\t\t\tpratiche\n\
             Secondo\t40%\t010102\t30.06.2022\tuno\n"
        );
        let plan = crate::parse_dump(&text);
        let read: Vec<(&str, Option<f64>)> = plan.structures[0]
            .objectives
            .iter()
            .map(|objective| (objective.entry.description.as_str(), objective.entry.weight))
            .collect();
        assert_eq!(
            read,
            [
                ("Primo obiettivo del settore", Some(60.0)),
                ("Secondo", Some(40.0))
            ]
        );
    }

    #[test]
    fn a_header_printed_once_holds_over_the_headings_below_it_but_not_over_fields() {
        let text = "Descrizione\tN°\tPeso\tScadenza\n\
             SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
             Missione\tServizi istituzionali\n\
             Primo\t1\t60%\t31.12.2022\n\
             Fase: avvio\t1.1\t100%\t30.06.2022\n\
             SETTORE: TRIBUTI - DIRIGENTE: ANNA BIANCHI\n\
             Secondo\t1\t100%\t30.06.2022\n";
        let plan = crate::parse_dump(text);
        assert_eq!(plan.structures.len(), 2);
        assert_eq!(plan.structures[0].missions[0].name, "Servizi istituzionali");
        assert_eq!(plan.structures[1].objectives[0].entry.weight, Some(100.0));
        assert_eq!(plan.structures[0].objectives[0].phases.len(), 1);
    }
}
