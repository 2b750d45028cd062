//! A table row as read (cells by position, wrapped pieces merged) and its
//! meaning once each cell is given its column.

use piano_model::{Code, Diagnostic, Due, Entry, HeadWeight, LineSpan};

use crate::text::{clean, has_open_bracket, join_wrapped};
use crate::token::due::parse_due;
use crate::token::number::RowNumber;
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::{Column, RowCode, Vocabulary};

/// The columns a table has when no header row names them: the family's usual order.
pub const DEFAULT_COLUMNS: [Option<Column>; 6] = [
    Some(Column::Number),
    Some(Column::Description),
    Some(Column::Weight),
    Some(Column::Indicators),
    Some(Column::Expected),
    Some(Column::Due),
];

/// A row as read: its cells by position, with the lines it took.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// The row number from the first cell.
    pub number: RowNumber,
    /// The cells by position; index 0 is the number cell.
    pub cells: Vec<String>,
    /// The lines the row's own text came from.
    pub lines: LineSpan,
    /// Page of the first line.
    pub page: Option<u32>,
    /// Lines merged into the row after its first, by number and page.
    pub continued_by: Vec<(u32, Option<u32>)>,
    /// Whether a merged line continued the description (the row wrapped).
    pub wrapped: bool,
    /// The code that identifies the row, when the numbering uses codes.
    pub code: Option<RowCode>,
}

/// What a table's header says about its columns.
pub struct Header<'h> {
    /// The column of each cell position.
    pub columns: &'h [Option<Column>],
    /// The header's text over each position, where the columns are heads of a
    /// weight matrix (empty otherwise).
    pub head_names: &'h [String],
    /// Whether a header named the columns; without one they are the family's
    /// usual order, which a row's content overrides.
    pub printed: bool,
}

impl RawRow {
    /// A row from its first line's cells; `lines` are the input lines that
    /// line spans (a dump's row wrapped over several).
    pub fn new(
        number: RowNumber,
        cells: Vec<String>,
        lines: LineSpan,
        page: Option<u32>,
    ) -> RawRow {
        RawRow {
            number,
            cells,
            lines,
            page,
            continued_by: Vec::new(),
            wrapped: false,
            code: None,
        }
    }

    /// Merges a continuation line (spanning `lines`, on `page`): each filled
    /// cell joins the cell at its position.
    pub fn merge(
        &mut self,
        cells: &[String],
        lines: LineSpan,
        page: Option<u32>,
        description_index: usize,
    ) {
        for (index, cell) in cells.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            if self.cells.len() <= index {
                self.cells.resize(index + 1, String::new());
            }
            self.cells[index] = join_wrapped(&self.cells[index], cell);
            self.wrapped |= index == description_index;
        }
        self.absorb_line(lines, page);
    }

    /// Glues closing punctuation to the last cell with an open bracket; false if none has one.
    pub fn close_bracket(&mut self, punctuation: &str) -> bool {
        match self
            .cells
            .iter_mut()
            .rev()
            .find(|cell| has_open_bracket(cell))
        {
            Some(cell) => {
                *cell = join_wrapped(cell, punctuation);
                true
            }
            None => false,
        }
    }

    /// Counts the line spanning `lines`, on `page`, as part of the row.
    pub fn absorb_line(&mut self, lines: LineSpan, page: Option<u32>) {
        self.lines = self.lines.cover(lines);
        self.continued_by.push((lines.0, page));
    }

    /// Every line the row was read from, by number and page: its first (the
    /// lowest number: the lines continuing it follow it) and those merged.
    pub fn line_keys(&self) -> impl Iterator<Item = (u32, Option<u32>)> + '_ {
        std::iter::once((self.lines.0, self.page)).chain(self.continued_by.iter().copied())
    }
}

/// Where a row's values are, and what had to be inferred to find them.
pub struct Assigned {
    /// The row's values.
    pub entry: Entry,
    /// Whether any cell was placed by content rather than by its header position.
    pub realigned: bool,
}

/// Gives each cell of `row` its column: by header position where the content
/// fits, by content where it does not (a percent is the weight, a last
/// date-like cell is the due), because tab positions are not reliable.
pub fn assign(
    row: &RawRow,
    header: &Header,
    words: &Vocabulary,
    plan_year: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
    locate: &dyn Fn(Diagnostic) -> Diagnostic,
) -> Assigned {
    let columns = header.columns;
    let description_index = columns
        .iter()
        .position(|column| *column == Some(Column::Description))
        .unwrap_or(1);
    let header_at = |index: usize| columns.get(index).copied().flatten();
    // Every cell but the number and the description holds a value, on
    // either side of the description: tables put their columns in any order.
    let filled: Vec<(usize, &str)> = row
        .cells
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(index, _)| *index != description_index)
        .map(|(index, cell)| (index, cell.trim()))
        .filter(|(_, cell)| !cell.is_empty())
        .collect();

    // A full row under a printed header is read by position; in a row short
    // of cells, or under no header, a percent is the weight wherever it
    // stands (a bare number only in the weight column).
    let full = header.printed && row.cells.len() >= columns.len();
    // Cells under columns of their own are never moved by content.
    let movable = |index: usize| {
        !matches!(
            header_at(index),
            Some(Column::Responsible | Column::Achievement | Column::Note | Column::HeadWeight)
        )
    };
    let weight_cell = filled
        .iter()
        .find(|(index, cell)| {
            let in_weight_column = header_at(*index) == Some(Column::Weight);
            is_weight(cell)
                && (in_weight_column || (!full && movable(*index) && cell.contains('%')))
        })
        .copied();
    let due_cell = filled
        .iter()
        .rev()
        .find(|(index, cell)| {
            Some(*index) != weight_cell.map(|(i, _)| i)
                && movable(*index)
                && crate::token::due::looks_like_due(cell)
        })
        .copied();
    let mut realigned = weight_cell
        .is_some_and(|(index, _)| header_at(index) != Some(Column::Weight))
        || due_cell.is_some_and(|(index, _)| header_at(index) != Some(Column::Due));

    let mut indicators: Option<String> = None;
    let mut expected: Option<String> = None;
    let mut extra = Entry::default();
    let weight = weight_cell
        .and_then(|(_, cell)| parse_weight(cell))
        .map(|token| token.value);
    let mut due_raw = due_cell.map(|(_, cell)| cell.to_owned());
    // Under no header, a name with its title ("Dott.ssa Rossi") is the
    // responsible's, wherever the family's usual order puts that column.
    let person_cell = filled
        .iter()
        .find(|(index, cell)| {
            !header.printed
                && Some(*index) != weight_cell.map(|(i, _)| i)
                && Some(*index) != due_cell.map(|(i, _)| i)
                && words.names_a_person(cell)
        })
        .copied();
    if let Some((index, cell)) = person_cell {
        realigned |= header_at(index) != Some(Column::Responsible);
        extra.responsible = Some(clean(cell));
    }
    let taken = |index: usize| {
        [weight_cell, due_cell, person_cell]
            .iter()
            .flatten()
            .any(|(i, _)| *i == index)
    };
    for &(index, cell) in filled.iter().filter(|(index, _)| !taken(*index)) {
        match header_at(index) {
            Some(Column::Indicators) if indicators.is_none() => indicators = Some(clean(cell)),
            Some(Column::Expected) if expected.is_none() => expected = Some(clean(cell)),
            Some(Column::Weight) if weight.is_none() => {
                diagnostics.push(locate(Diagnostic::new(
                    Code::WeightUnparsed,
                    format!(
                        "row {}: the weight cell holds no percentage: {cell:?}",
                        row.number.text
                    ),
                )));
            }
            Some(Column::Due) if due_raw.is_none() => due_raw = Some(cell.to_owned()),
            Some(Column::Responsible) if extra.responsible.is_none() => {
                extra.responsible = Some(clean(cell));
            }
            Some(Column::Note) if extra.achievement_note.is_none() => {
                extra.achievement_note = Some(clean(cell));
            }
            Some(Column::Achievement) if extra.achievement.is_none() => {
                match parse_weight(cell).filter(|token| token.rest.trim().is_empty()) {
                    Some(token) => extra.achievement = Some(token.value),
                    None => diagnostics.push(locate(Diagnostic::new(
                        Code::WeightUnparsed,
                        format!(
                            "row {}: the achievement cell holds no percentage: {cell:?}",
                            row.number.text
                        ),
                    ))),
                }
            }
            Some(Column::HeadWeight) => {
                let head = header.head_names.get(index).cloned().unwrap_or_default();
                match parse_weight(cell).filter(|token| token.rest.trim().is_empty()) {
                    Some(token) => extra.weights_by_head.push(HeadWeight {
                        head,
                        weight: token.value,
                    }),
                    None => diagnostics.push(locate(Diagnostic::new(
                        Code::WeightUnparsed,
                        format!(
                            "row {}: the weight under {head:?} is not a number: {cell:?}",
                            row.number.text
                        ),
                    ))),
                }
            }
            None if index < description_index => {
                diagnostics.push(locate(Diagnostic::new(
                    Code::TextUnplaced,
                    format!(
                        "row {}: cell {} before the description fits no column: {cell}",
                        row.number.text,
                        index + 1
                    ),
                )));
            }
            None if full && index < columns.len() => {
                diagnostics.push(locate(Diagnostic::new(
                    Code::TextUnplaced,
                    format!(
                        "row {}: cell {} is under a column piano does not know: {cell}",
                        row.number.text,
                        index + 1
                    ),
                )));
            }
            _ => {
                realigned = true;
                if indicators.is_none() {
                    indicators = Some(clean(cell));
                } else if expected.is_none() {
                    expected = Some(clean(cell));
                } else {
                    diagnostics.push(locate(Diagnostic::new(
                        Code::TextUnplaced,
                        format!("row {}: a cell fits no column: {cell}", row.number.text),
                    )));
                }
            }
        }
    }
    let due =
        due_raw.map(|raw| parse_due_cell(&raw, plan_year, &row.number.text, diagnostics, locate));
    let description = clean(row.cells.get(description_index).map_or("", String::as_str));
    Assigned {
        entry: Entry {
            number: row.number.text.clone(),
            description,
            weight,
            indicators,
            expected,
            due,
            lines: row.lines,
            page: row.page,
            ..extra
        },
        realigned,
    }
}

pub fn parse_due_cell(
    raw: &str,
    plan_year: Option<u16>,
    number: &str,
    diagnostics: &mut Vec<Diagnostic>,
    locate: &dyn Fn(Diagnostic) -> Diagnostic,
) -> Due {
    let parsed = parse_due(raw, plan_year);
    let due = parsed.due;
    if parsed.repaired {
        if let Some(date) = due.date {
            diagnostics.push(locate(Diagnostic::new(
                Code::DueRepaired,
                format!(
                    "row {number}: due {:?} has a broken year, read as {date}",
                    due.raw
                ),
            )));
        }
    } else if due.date.is_none() {
        diagnostics.push(locate(Diagnostic::new(
            Code::DueUnparsed,
            format!("row {number}: no date recognised in due {:?}", due.raw),
        )));
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::number::parse_row_number;
    use crate::vocabulary::Vocabulary;
    use piano_model::Category;

    fn row(cells: &[&str]) -> RawRow {
        let number = parse_row_number(cells[0]).expect("a row number");
        RawRow::new(
            number,
            cells.iter().map(|c| (*c).to_owned()).collect(),
            LineSpan::line(10),
            None,
        )
    }

    /// `cells` assigned under a header of `columns`, printed or not, in 2021.
    fn assign_under(
        cells: &[&str],
        columns: &[Option<Column>],
        printed: bool,
    ) -> (Assigned, Vec<Diagnostic>) {
        assign_row(&row(cells), columns, printed)
    }

    /// `row` assigned under a header of `columns`, printed or not, in 2021.
    fn assign_row(
        row: &RawRow,
        columns: &[Option<Column>],
        printed: bool,
    ) -> (Assigned, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let header = Header {
            columns,
            head_names: &[],
            printed,
        };
        let words = &Vocabulary::bundled()[0];
        let assigned = assign(row, &header, words, Some(2021), &mut diagnostics, &|d| d);
        (assigned, diagnostics)
    }

    #[test]
    fn full_rows_are_read_by_position() {
        let (assigned, diagnostics) = assign_under(
            &["1", "Desc", "20%", "Ind", "Exp", "31.12.2021"],
            &DEFAULT_COLUMNS,
            true,
        );
        let entry = assigned.entry;
        assert_eq!(entry.weight, Some(20.0));
        assert_eq!(
            (entry.indicators.as_deref(), entry.expected.as_deref()),
            (Some("Ind"), Some("Exp"))
        );
        assert_eq!(entry.due.map(|d| d.raw), Some("31.12.2021".to_owned()));
        assert!(!assigned.realigned);
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn under_no_header_a_titled_name_is_the_responsible() {
        let columns = [
            Some(Column::Number),
            Some(Column::Description),
            Some(Column::Responsible),
            Some(Column::Indicators),
            Some(Column::Expected),
        ];
        let cells = ["1", "Desc", "Ind", "Exp", "Dott.ssa Anna Neri"];
        let (assigned, _) = assign_under(&cells, &columns, false);
        let entry = assigned.entry;
        assert_eq!(entry.responsible.as_deref(), Some("Dott.ssa Anna Neri"));
        assert_eq!(entry.indicators.as_deref(), Some("Ind"));
        // Under a printed header, position rules.
        let (assigned, _) = assign_under(&cells, &columns, true);
        assert_eq!(assigned.entry.responsible.as_deref(), Some("Ind"));
    }

    #[test]
    fn columns_before_the_description_are_read_by_their_header() {
        let columns = [
            Some(Column::Number),
            Some(Column::Due),
            Some(Column::Expected),
            Some(Column::Weight),
            Some(Column::Description),
            None,
        ];
        let cells = ["1", "31.12.2021", "Exp", "20%", "Desc", "Other"];
        let (assigned, diagnostics) = assign_under(&cells, &columns, true);
        let entry = assigned.entry;
        assert_eq!(
            (
                entry.description.as_str(),
                entry.weight,
                entry.expected.as_deref()
            ),
            ("Desc", Some(20.0), Some("Exp"))
        );
        assert_eq!(
            entry.due.and_then(|d| d.date).map(|d| d.to_string()),
            Some("2021-12-31".to_owned())
        );
        assert!(!assigned.realigned);
        let unplaced: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            unplaced,
            ["row 1: cell 6 is under a column piano does not know: Other"]
        );
    }

    #[test]
    fn without_a_printed_header_a_full_row_is_read_by_content() {
        // A code table's order: number, description, indicators, expected, weight, due.
        let cells = ["1", "Desc", "Ind", "Exp", "35%", "31.12.2021"];
        let (assigned, _) = assign_under(&cells, &DEFAULT_COLUMNS, false);
        let entry = assigned.entry;
        assert_eq!(
            (
                entry.weight,
                entry.indicators.as_deref(),
                entry.expected.as_deref()
            ),
            (Some(35.0), Some("Ind"), Some("Exp"))
        );
        assert!(assigned.realigned);
    }

    #[test]
    fn short_rows_are_read_by_content() {
        let (assigned, _) = assign_under(
            &["7.1", "Fase: x", "(33%)", "", "31.10.2021"],
            &DEFAULT_COLUMNS,
            true,
        );
        assert_eq!(assigned.entry.weight, Some(33.0));
        assert_eq!(assigned.entry.indicators, None);
        assert_eq!(
            assigned
                .entry
                .due
                .and_then(|d| d.date)
                .map(|d| d.to_string()),
            Some("2021-10-31".to_owned())
        );
        assert!(assigned.realigned);

        let (assigned, _) = assign_under(
            &["15", "Obiettivo di sviluppo: y", "5,88 %", "30.11.2021"],
            &DEFAULT_COLUMNS,
            true,
        );
        assert_eq!(assigned.entry.weight, Some(5.88));
        let category = Vocabulary::default_profile().category(&assigned.entry.description);
        assert_eq!(category, Some(Category::Sviluppo));
        assert!(assigned.entry.due.is_some());
    }

    #[test]
    fn a_missing_weight_stays_null() {
        let (assigned, _) =
            assign_under(&["9", "Desc", "", "", "15.10.2021"], &DEFAULT_COLUMNS, true);
        assert_eq!(assigned.entry.weight, None);
        assert!(assigned.entry.due.is_some());
    }

    #[test]
    fn wrapped_pieces_join_their_cells() {
        let mut wrapped = row(&["5", "assicurare il presidio dei", "20%", "31.12 di"]);
        wrapped.merge(
            &[
                "".into(),
                "servizi all'utenza".into(),
                "".into(),
                "ogni anno".into(),
            ],
            LineSpan::line(11),
            None,
            1,
        );
        wrapped.merge(
            &["".into(), "".into(), "".into(), "(pluriennale".into()],
            LineSpan::line(12),
            None,
            1,
        );
        assert!(wrapped.close_bracket(")"));
        let (assigned, diagnostics) = assign_row(&wrapped, &DEFAULT_COLUMNS, true);
        assert_eq!(
            assigned.entry.description,
            "assicurare il presidio dei servizi all'utenza"
        );
        let due = assigned.entry.due.expect("a due");
        assert_eq!(due.raw, "31.12 di ogni anno (pluriennale)");
        assert!(due.multiyear);
        assert_eq!(assigned.entry.lines, LineSpan(10, 12));
        assert!(wrapped.wrapped);
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn repaired_and_unparsed_dues_are_reported() {
        let (_, diagnostics) = assign_under(
            &["1", "D", "20%", "", "", "31.12.202 1"],
            &DEFAULT_COLUMNS,
            true,
        );
        assert_eq!(
            diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            [Code::DueRepaired]
        );
        let (_, diagnostics) = assign_under(
            &["1", "D", "20%", "", "", "a fine lavori"],
            &DEFAULT_COLUMNS,
            true,
        );
        assert_eq!(
            diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            [Code::DueUnparsed]
        );
    }
}
