//! A table row as read (cells by position, wrapped pieces merged) and its
//! meaning once each cell is given its column.

use piano_model::{Code, Diagnostic, Due, Entry, HeadWeight, LineSpan};

use crate::text::{clean, has_open_bracket, join_wrapped};
use crate::token::due::parse_due;
use crate::token::number::RowNumber;
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::{Column, RowCode, Vocabulary};

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
    /// The positions of blank cells left out of `cells` (see
    /// [`RawRow::leave_out_blank_cells`]), in its line's numbering.
    left_out: Vec<usize>,
    /// Whether the row's number, first on its line, was taken out of
    /// `cells` (see [`RawRow::take_out_number`]).
    number_taken_out: bool,
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
    /// Whether the columns are a header line's words (not a profile's
    /// `columns_without_header`, whose blanks say a column is not read).
    pub from_words: bool,
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
            left_out: Vec::new(),
            number_taken_out: false,
        }
    }

    /// Takes the row's number, its first cell, out of its cells, for a
    /// table with no column for it (a card's phases are numbered from
    /// their card); a line merged later still joins its cells by their
    /// place on the row's first line.
    pub fn take_out_number(&mut self) {
        if self.cells.len() > 1 && !self.number_taken_out {
            self.cells.remove(0);
            self.number_taken_out = true;
        }
    }

    /// Leaves the row's blank cells out, those of a column its table leaves
    /// empty where the columns assumed for it have none; a line merged
    /// later still joins its cells by their place on the row's first line.
    pub fn leave_out_blank_cells(&mut self) {
        self.left_out = (0..self.cells.len())
            .filter(|&index| self.cells[index].trim().is_empty())
            .collect();
        self.cells.retain(|cell| !cell.trim().is_empty());
    }

    /// How many blank cells the row's first line opened with, left out of
    /// its cells.
    pub fn behind(&self) -> usize {
        self.left_out
            .iter()
            .enumerate()
            .take_while(|(index, out)| index == *out)
            .count()
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
        for (place, cell) in cells.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            let index = self.index_of(place);
            if self.cells.len() <= index {
                self.cells.resize(index + 1, String::new());
            }
            self.cells[index] = join_wrapped(&self.cells[index], cell);
            self.wrapped |= index == description_index;
        }
        self.absorb_line(lines, page);
    }

    /// The cell at `place` on the row's first line, as merged so far; none
    /// where that line's cell was blank and left out.
    pub fn cell_at(&self, place: usize) -> Option<&str> {
        if self.left_out.contains(&place) || self.number_taken_out && place == 0 {
            return None;
        }
        self.cells.get(self.index_of(place)).map(String::as_str)
    }

    /// The index in `cells` of the cell at `place` on the row's first line.
    fn index_of(&self, place: usize) -> usize {
        let number = usize::from(self.number_taken_out && place > 0);
        place - self.left_out.iter().filter(|&&out| out < place).count() - number
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
    // A column whose header cell names nothing piano knows (a word outside
    // the profiles, a header word OCR misread) is told by its cells where
    // they say what they are and the header names that field nowhere else:
    // a percentage is the weight, a titled name the responsible's. Prose
    // says nothing of its field (a column of notes, of stakeholders): it
    // stays out, and is reported.
    let names = |column: Column| columns.contains(&Some(column));
    let unnamed = |index: usize, column: Column| {
        full && header.from_words && header_at(index).is_none() && !names(column)
    };
    let weight_cell = filled
        .iter()
        .find(|(index, cell)| {
            let in_weight_column = header_at(*index) == Some(Column::Weight);
            let by_content = (!full && movable(*index)) || unnamed(*index, Column::Weight);
            is_weight(cell) && (in_weight_column || (by_content && cell.contains('%')))
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
            (!header.printed || unnamed(*index, Column::Responsible))
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
    if extra.achievement.is_none() && columns.contains(&Some(Column::Achievement)) {
        if let Some((due, achievement)) = due_raw
            .as_deref()
            .and_then(|raw| achievement_after_due(raw, plan_year))
        {
            realigned = true;
            due_raw = Some(due);
            extra.achievement = Some(achievement);
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

/// A due cell ending with a figure of its own after its date ("31.12.2022
/// 0", "31/12/2022 75,5%"): the achievement a dump pushed against the due,
/// one space apart. The due without it, and the figure; `None` where the
/// figure is part of the date or there is none.
fn achievement_after_due(raw: &str, plan_year: Option<u16>) -> Option<(String, f64)> {
    let (due, last) = raw.trim().rsplit_once(' ')?;
    let token = parse_weight(last).filter(|token| token.rest.trim().is_empty())?;
    let whole = parse_due(raw, plan_year).due;
    let alone = parse_due(due, plan_year).due;
    let apart = whole.note.as_deref() == Some(last) && alone.date.is_some();
    apart.then(|| (due.to_owned(), token.value))
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
    } else if parsed.year_from_plan {
        if let Some(date) = due.date {
            diagnostics.push(locate(Diagnostic::new(
                Code::DueYearFromPlan,
                format!(
                    "row {number}: due {:?} names no year, read in the plan's: {date}",
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
mod tests;
