//! The columns of a table printed without a header, told by what their
//! cells hold.
//!
//! No header says which column is which, and a table puts its columns in
//! any order: the family's usual order (or a profile's
//! `columns_without_header`) read by position takes a date for the
//! description wherever the due stands elsewhere. Cells say part of it
//! themselves: a column whose cells are mostly dates is the due, mostly
//! percentages the weight (then the achievement, where the family has one),
//! mostly names with a title the responsible's. Columns of prose are told
//! apart by nothing but their order: they take the family's prose columns
//! in its order (description, indicators, expected values, note). A column
//! no row fills is none.
//!
//! The family's order holds where the cells agree with it (each column
//! holds what the family's column at its place would); the order told by
//! content replaces it only where they do not, and then says so, for the
//! rows' columns were given by content.
//!
//! The rows read are the table rows above the document's first header:
//! under a header, its columns hold (and a header printed once holds over
//! the headings below it). Objective cards, whose phase tables have columns
//! of their own, are left to their own reading.

use piano_model::{Cell, TextLine};

use crate::line::LineKind;
use crate::token::due::looks_like_due;
use crate::token::weight::is_weight;
use crate::vocabulary::{Column, Vocabulary};

/// The columns a table has when no header row names them: the usual order of a
/// family whose profile names none (`columns_without_header`).
pub const DEFAULT_COLUMNS: [Option<Column>; 6] = [
    Some(Column::Number),
    Some(Column::Description),
    Some(Column::Weight),
    Some(Column::Indicators),
    Some(Column::Expected),
    Some(Column::Due),
];

/// The columns of a table's rows while no header names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnheadedColumns {
    /// The column of each cell position.
    pub columns: Vec<Option<Column>>,
    /// Whether content placed them elsewhere than the family's order does.
    pub by_content: bool,
}

/// What most cells of a column hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Nothing,
    Prose,
    Percentages,
    Dates,
    Names,
}

impl Holds {
    /// Whether a column holding this may be `column` (`None`: one piano
    /// does not read).
    fn fits(self, column: Option<Column>) -> bool {
        match self {
            Holds::Nothing => true,
            Holds::Prose => column.is_none_or(is_prose),
            Holds::Percentages => column.is_some_and(Column::holds_percentages),
            Holds::Dates => column == Some(Column::Due),
            Holds::Names => column == Some(Column::Responsible),
        }
    }
}

/// Whether `column` holds prose (any column but the labels and those whose
/// content tells them).
fn is_prose(column: Column) -> bool {
    !column.holds_percentages()
        && !matches!(column, Column::Number | Column::Due | Column::Responsible)
}

/// The columns of the rows without a header of the document whose lines
/// `kinds` reads: those of the profile's `columns_without_header`, else
/// [`DEFAULT_COLUMNS`], where the rows above the first table header agree
/// with them; told by content where they do not (see the module's
/// documentation).
pub fn unheaded_columns(
    lines: &[TextLine],
    kinds: &[LineKind],
    words: &Vocabulary,
) -> UnheadedColumns {
    let family = words
        .layout
        .columns_without_header_as_read()
        .unwrap_or_else(|| DEFAULT_COLUMNS.to_vec());
    match columns_by_content(lines, kinds, &family, words) {
        Some(columns) => UnheadedColumns {
            columns,
            by_content: true,
        },
        None => UnheadedColumns {
            columns: family,
            by_content: false,
        },
    }
}

/// The columns content gives the rows `kinds` reads above the first table
/// header, `family` saying which column of each kind is which; `None` where
/// the rows agree with `family` as it stands, when there are no such rows,
/// and when the document has objective cards.
fn columns_by_content(
    lines: &[TextLine],
    kinds: &[LineKind],
    family: &[Option<Column>],
    words: &Vocabulary,
) -> Option<Vec<Option<Column>>> {
    let holds = holds_of_rows(lines, kinds, words)?;
    disagreeing(&holds, family)
}

/// The columns of a table whose columns after the first hold `holds`, told
/// by content, where they disagree with `family` as it stands.
fn disagreeing(holds: &[Holds], family: &[Option<Column>]) -> Option<Vec<Option<Column>>> {
    // A filled column beyond the family's would be lost: the family's
    // columns stand elsewhere (one of them left empty by every row).
    let agree = holds
        .iter()
        .enumerate()
        .all(|(at, held)| match family.get(at + 1) {
            Some(column) => held.fits(*column),
            None => *held == Holds::Nothing,
        });
    (!agree).then(|| columns_of(holds, family))
}

/// The columns of `family` that the rows `kinds` reads above the first
/// table header show, told by content as [`unheaded_columns`] tells them:
/// a column no row fills is not shown. Empty without such rows.
pub fn columns_shown<'k>(
    lines: &[TextLine],
    kinds: impl IntoIterator<Item = &'k LineKind> + Clone,
    family: &[Option<Column>],
    words: &Vocabulary,
) -> Vec<Option<Column>> {
    let Some(holds) = holds_of_rows(lines, kinds, words) else {
        return Vec::new();
    };
    let columns = disagreeing(&holds, family).unwrap_or_else(|| family.to_vec());
    let filled = std::iter::once(true).chain(holds.iter().map(|held| *held != Holds::Nothing));
    columns
        .into_iter()
        .zip(filled)
        .map(|(column, filled)| column.filter(|_| filled))
        .collect()
}

/// What each column after the first of the rows `kinds` reads above the
/// first table header holds; `None` without such rows, or when the
/// document has objective cards.
fn holds_of_rows<'k>(
    lines: &[TextLine],
    kinds: impl IntoIterator<Item = &'k LineKind> + Clone,
    words: &Vocabulary,
) -> Option<Vec<Holds>> {
    if kinds
        .clone()
        .into_iter()
        .any(|kind| matches!(kind, LineKind::CardOpener(..)))
    {
        return None;
    }
    let rows: Vec<&TextLine> = lines
        .iter()
        .zip(kinds)
        .take_while(|(_, kind)| !matches!(kind, LineKind::TableHeader(_)))
        .filter(|(line, kind)| {
            matches!(kind, LineKind::Row(_) | LineKind::CodedRow(_)) && line.cells.len() >= 3
        })
        .map(|(line, _)| line)
        .collect();
    let width = rows.iter().map(|row| row.cells.len()).max()?;
    let holds = (1..width)
        .map(|at| column_holds(rows.iter().filter_map(|row| row.cells.get(at)), words))
        .collect();
    Some(holds)
}

/// What most filled cells of one column hold (prose on a tie).
fn column_holds<'c>(cells: impl Iterator<Item = &'c Cell>, words: &Vocabulary) -> Holds {
    let held: Vec<Holds> = cells
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
        .map(|text| cell_holds(text, words))
        .collect();
    let count = |kind: &Holds| held.iter().filter(|holds| *holds == kind).count();
    // `max_by_key` keeps the last of equals: prose, read last, wins a tie.
    [Holds::Names, Holds::Dates, Holds::Percentages, Holds::Prose]
        .into_iter()
        .max_by_key(count)
        .filter(|kind| count(kind) > 0)
        .unwrap_or(Holds::Nothing)
}

/// What one filled cell holds.
fn cell_holds(text: &str, words: &Vocabulary) -> Holds {
    if is_weight(text) {
        Holds::Percentages
    } else if looks_like_due(text) {
        Holds::Dates
    } else if words.names_a_person(text) {
        Holds::Names
    } else {
        Holds::Prose
    }
}

/// The columns of a table whose columns after the first (the labels) hold
/// `holds`: each kind takes the family's columns of that kind in order;
/// percentages beyond the family's percentage columns are prose ("100%"
/// expected), prose, dates and names beyond the family's columns of their
/// kind none.
fn columns_of(holds: &[Holds], family: &[Option<Column>]) -> Vec<Option<Column>> {
    let of_kind =
        |kind: fn(Column) -> bool| family.iter().flatten().copied().filter(move |c| kind(*c));
    let mut percentages = of_kind(Column::holds_percentages);
    let mut prose = of_kind(is_prose);
    let mut due = Some(Column::Due);
    let mut responsible = Some(Column::Responsible);
    let mut columns = vec![Some(Column::Number)];
    for &held in holds {
        let column = match held {
            Holds::Nothing => None,
            Holds::Dates => due.take(),
            Holds::Names => responsible.take(),
            Holds::Percentages => percentages.next().or_else(|| prose.next()),
            Holds::Prose => prose.next(),
        };
        columns.push(column);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Vec<TextLine>, Vec<LineKind>) {
        let lines: Vec<TextLine> = text
            .lines()
            .enumerate()
            .map(|(index, line)| {
                let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
                TextLine::from_texts(number, None, line.split('\t'))
            })
            .collect();
        let kinds = lines
            .iter()
            .map(
                |line| match crate::token::number::parse_row_number(&line.cells[0].text) {
                    Some(number) => LineKind::Row(number),
                    None => LineKind::Text,
                },
            )
            .collect();
        (lines, kinds)
    }

    fn words() -> &'static Vocabulary {
        Vocabulary::default_profile()
    }

    #[test]
    fn dates_percentages_and_names_are_found_wherever_they_stand() {
        let (lines, kinds) = rows(
            "1\t31.12.2022\tPrimo\tDott. Neri\t15\tConteggio\tSoglia\n\
             2\t30.06.2022\tSecondo\tDott. Neri\t20\tConteggio\t\n\
             3\t\tTerzo\tIng. Blu\t(10%)\t\tSoglia",
        );
        let columns = columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words());
        assert_eq!(
            columns,
            Some(vec![
                Some(Column::Number),
                Some(Column::Due),
                Some(Column::Description),
                Some(Column::Responsible),
                Some(Column::Weight),
                Some(Column::Indicators),
                Some(Column::Expected),
            ])
        );
    }

    #[test]
    fn a_column_no_row_fills_is_none_and_prose_follows_the_family_order() {
        let (lines, kinds) = rows(
            "1\t\tPrimo\tConteggio\t15%\t100%\n\
             2\t\tSecondo\tConteggio\t20%\t90%",
        );
        let report = [
            Some(Column::Number),
            Some(Column::Description),
            Some(Column::Weight),
            Some(Column::Indicators),
            Some(Column::Achievement),
            Some(Column::Note),
        ];
        assert_eq!(
            columns_by_content(&lines, &kinds, &report, words()),
            Some(vec![
                Some(Column::Number),
                None,
                Some(Column::Description),
                Some(Column::Indicators),
                Some(Column::Weight),
                Some(Column::Achievement),
            ])
        );
        // A family with one percentage column reads a second as prose.
        assert_eq!(
            columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            Some(vec![
                Some(Column::Number),
                None,
                Some(Column::Description),
                Some(Column::Indicators),
                Some(Column::Weight),
                Some(Column::Expected),
            ])
        );
    }

    #[test]
    fn rows_that_agree_with_the_family_keep_its_order_and_show_what_they_fill() {
        let (lines, kinds) = rows("1\tPrimo\t15%\t\t\t31.12.2022\n2\tSecondo\t\tConteggio\t\t");
        assert_eq!(
            columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            None
        );
        let unheaded = unheaded_columns(&lines, &kinds, words());
        assert!(!unheaded.by_content);
        assert_eq!(unheaded.columns, DEFAULT_COLUMNS);
        // No row fills the expected values.
        let mut shown = DEFAULT_COLUMNS.to_vec();
        shown[4] = None;
        assert_eq!(
            columns_shown(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            shown
        );
    }

    #[test]
    fn an_empty_column_takes_no_column_from_a_filled_one_beyond() {
        // Description, weight, an empty column, indicators, due, expected:
        // by position the indicators would be read as expected values and
        // the expected values lost.
        let (lines, kinds) = rows(
            "1\tPrimo\t15%\t\tConteggio\t31.12.2022\tSoglia\n\
             2\tSecondo\t20%\t\t\t30.06.2022\tSoglia",
        );
        assert_eq!(
            columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            Some(vec![
                Some(Column::Number),
                Some(Column::Description),
                Some(Column::Weight),
                None,
                Some(Column::Indicators),
                Some(Column::Due),
                Some(Column::Expected),
            ])
        );
    }

    #[test]
    fn rows_under_a_header_or_in_cards_are_not_read() {
        let (lines, mut kinds) = rows("1\tPrimo\t15%\n2\tSecondo\t20%");
        kinds[0] = LineKind::TableHeader(Vec::new());
        assert_eq!(
            columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            None
        );
        kinds[0] = LineKind::CardOpener(String::new(), None);
        assert_eq!(
            columns_by_content(&lines, &kinds, &DEFAULT_COLUMNS, words()),
            None
        );
    }
}
