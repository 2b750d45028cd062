//! The rows of the objectives table: a numbered or coded row, the lines that
//! continue it, and what is settled when the row ends (its cells, its number,
//! a ghost of the row before).

use piano_model::{Code, Diagnostic, LineRole, Objective, TextLine};

use super::lost_number::{holds_own_weight_and_due, number_between};
use super::{SectionBuilder, Table};
use crate::assemble::recover::{
    is_ghost_of, is_total_row, join_split_description, split_merged_code, split_merged_number,
    split_trailing_due, split_trailing_weight, unglue_weight_cell, weight_cell_index,
};
use crate::assemble::row::{Header, RawRow, assign};
use crate::line::is_header_piece;
use crate::text::clean;
use crate::token::label::{Part, extends};
use crate::token::number::RowNumber;
use crate::vocabulary::{Column, RowCode};

/// The repair of a row whose number or code shared its description's cell.
const MERGED_NUMBER: &str = "its number was merged with the description";

impl SectionBuilder<'_> {
    /// Says that the number or code `written` of the row on `line` was split
    /// off the description it shared a cell with.
    pub(super) fn merged_number_repaired(&mut self, written: &str, line: &TextLine) {
        let diagnostic = Diagnostic::new(
            Code::CellRepaired,
            format!("row {written}: {MERGED_NUMBER}; split apart"),
        )
        .for_number(written.to_owned());
        self.diagnostics.push(self.locate(line)(diagnostic));
    }

    /// A row of whichever table is open.
    pub fn row(&mut self, number: RowNumber, line: &TextLine, next_row: Option<&TextLine>) {
        if self.table == Table::Staff {
            self.staff_row(line);
            return;
        }
        let mut cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let merged = split_merged_number(&mut cells, &number);
        if self.in_card() {
            self.numbered_phase_row(line, cells, merged, None);
            return;
        }
        self.table = Table::Objectives;
        self.header_cells = None;
        let description_index = self.description_index();
        let mut repairs: Vec<&str> = Vec::new();
        let columns = &self.columns;
        if merged {
            repairs.push(MERGED_NUMBER);
        }
        if join_split_description(&mut cells, columns, description_index) {
            repairs.push("its description was split by a stray tab");
        }
        if split_trailing_weight(&mut cells, columns, description_index) {
            repairs.push("a weight was glued to the end of the description");
        }
        let weight_cell = weight_cell_index(&cells, columns, description_index);
        let unglued = unglue_weight_cell(&mut cells, weight_cell);
        if unglued.repaired {
            repairs.push("a weight was glued to the next cell");
        }
        if split_trailing_due(&mut cells, columns, description_index) {
            repairs.push("a due date was glued to the end of the last cell");
        }
        if let Some(closing) = &unglued.stray_closing {
            let moved = self
                .pending
                .as_mut()
                .is_some_and(|row| row.close_bracket(closing));
            if moved {
                repairs.push("a bracket closing the row above was moved back");
            } else {
                // Where the text had it: right after the weight it was glued to.
                let after_weight = weight_cell.map_or(cells.len(), |index| index + 1);
                cells.insert(after_weight.min(cells.len()), closing.clone());
            }
        }
        if !repairs.is_empty() {
            let diagnostic = Diagnostic::new(
                Code::CellRepaired,
                format!("row {}: {}; split apart", number.text, repairs.join("; ")),
            )
            .for_number(number.text.clone());
            self.diagnostics.push(self.locate(line)(diagnostic));
        }
        self.finish_row();
        self.place_fragments();
        if self.breaks_sequence(&number) {
            let description = cells.get(description_index).map_or("", String::as_str);
            if self.is_ghost(description, description_index, next_row) {
                let diagnostic = Diagnostic::new(
                    Code::GarbledRow,
                    format!(
                        "row numbered {} breaks the numbering and garbles a neighbouring row; dropped: {}",
                        number.text,
                        line.to_tab_separated()
                    ),
                );
                self.diagnostics.push(self.locate(line)(diagnostic));
                self.role(line, LineRole::GarbledRow);
                return;
            }
            let diagnostic = Diagnostic::new(
                Code::NumberSequence,
                format!(
                    "row {} does not follow the numbering of the rows above",
                    number.text
                ),
            )
            .for_number(number.text.clone());
            self.diagnostics.push(self.locate(line)(diagnostic));
        }
        if let [objective] = number.parts.as_slice() {
            self.objective_label = vec![Part::ordinal(*objective)];
        }
        self.pending = Some(RawRow::new(number, cells, line.span(), line.page));
    }

    /// A row identified by a code or a label of another scheme ("01.02.03",
    /// "II.1", "a)", "Fase 2"): numbered by its position, its objective's
    /// ordinal and its own among the objective's phases, the code kept as
    /// written. See [`SectionBuilder::is_phase_code`] for its level.
    pub fn coded_row(&mut self, code: RowCode, line: &TextLine) {
        if self.table == Table::Staff {
            self.text(line);
            return;
        }
        let mut cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let merged = split_merged_code(&mut cells, &code.text);
        if self.in_card() {
            self.numbered_phase_row(line, cells, merged, Some(code));
            return;
        }
        self.table = Table::Objectives;
        self.header_cells = None;
        self.finish_row();
        self.place_fragments();
        if merged {
            self.merged_number_repaired(&code.text, line);
        }
        let objectives = self.structure.objectives.len();
        let as_u32 = |count: usize| u32::try_from(count).unwrap_or(u32::MAX);
        let number = match self.structure.objectives.last() {
            Some(objective) if self.is_phase_code(&code) => {
                if !extends(&code.parts, &self.objective_label, 1) && !code.marked_phase {
                    let diagnostic = Diagnostic::new(
                        Code::NumberSequence,
                        format!(
                            "row {} does not extend the code of the objective above ({}); read as its phase",
                            code.text,
                            objective
                                .entry
                                .code
                                .as_deref()
                                .unwrap_or(&objective.entry.number)
                        ),
                    );
                    self.diagnostics.push(self.locate(line)(diagnostic));
                }
                let phase = objective.phases.len() + 1;
                RowNumber {
                    parts: vec![as_u32(objectives), as_u32(phase)],
                    text: format!("{}.{phase}", objective.entry.number),
                }
            }
            None if code.marked_phase => RowNumber {
                parts: vec![0, 1],
                text: code.text.clone(),
            },
            _ => {
                self.objective_label.clone_from(&code.parts);
                RowNumber {
                    parts: vec![as_u32(objectives + 1)],
                    text: (objectives + 1).to_string(),
                }
            }
        };
        let mut row = RawRow::new(number, cells, line.span(), line.page);
        row.code = Some(code);
        self.pending = Some(row);
    }

    /// Whether a coded row is a phase of the objective above: its label says
    /// so ("Fase 2"), it is deeper than the objective's ("03.01.01.1" under
    /// "03.01.01", "II.1" under "II"), or it is one part of another scheme
    /// than the objective's one ("a)" under "1"); the last two as the
    /// profile's `[layout]` allows.
    fn is_phase_code(&self, code: &RowCode) -> bool {
        let objective = self.objective_label.as_slice();
        if objective.is_empty() {
            return code.marked_phase;
        }
        let other_scheme = match (code.parts.as_slice(), objective) {
            ([part], [of]) => !part.same_scheme(of),
            _ => false,
        };
        let rules = &self.words.layout;
        code.marked_phase
            || (rules.phase_when_deeper && code.parts.len() > objective.len())
            || (rules.phase_when_other_scheme && other_scheme)
    }

    /// A line whose first cell is empty: more of the row (or field) above,
    /// or a row whose number was lost (see [`lost_number`](super::lost_number)),
    /// told by the number of the next numbered row, `next_number`.
    pub fn continuation(&mut self, line: &TextLine, next_number: Option<&RowNumber>) {
        let description_index = self.description_index();
        let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        if self.table == Table::Staff && self.staff_header.is_some() {
            self.staff_row(line);
            return;
        }
        if self.phase_behind_empty_cells(line) {
            self.phase_row_behind_empty_cells(line);
            return;
        }
        if self.table == Table::Card {
            match self.own_phase_behind_empty_cells(&cells) {
                Some(phase) => self.numbered_phase_row(line, phase, false, None),
                None => self.continue_card_field(&cells, line),
            }
            return;
        }
        if is_total_row(&cells, self.words) {
            self.total_row(line);
            return;
        }
        if self.header_cells.is_some() && cells.iter().all(|cell| is_header_piece(cell)) {
            self.continue_header(&cells, line);
            return;
        }
        let under_repeat = self.repeated_header_at.take() == Some(line.number.saturating_sub(1));
        if under_repeat && self.repeats_header_pieces(&cells) {
            let diagnostic = Diagnostic::new(
                Code::PageFurniture,
                "the rest of the table header repeated after a page break, set aside",
            );
            self.diagnostics.push(self.locate(line)(diagnostic));
            self.role(line, LineRole::Furniture);
            self.repeated_header_at = Some(line.last);
            return;
        }
        // A row goes on below itself, not below text that fits no row: after
        // such text, the line continues that text.
        let after_fragment = self
            .fragments
            .last()
            .zip(self.pending.as_ref())
            .is_some_and(|(fragment, row)| fragment.line > row.lines.1);
        if let Some(number) = self
            .lost_number(line, next_number)
            .filter(|_| !after_fragment)
        {
            self.row_whose_number_was_lost(number, line);
            return;
        }
        if let Some(row) = self.pending.as_mut().filter(|_| !after_fragment) {
            // The row's lines get its role when it is finished.
            row.merge(&cells, line.span(), line.page, description_index);
            return;
        }
        if self.table == Table::None {
            if let Some(field) = self.last_field {
                let text = clean(&cells.join(" "));
                self.role(line, LineRole::StructureField);
                self.append_to_field(field, text, line);
                return;
            }
        }
        self.fragment(line);
    }

    /// The number of the row on `line`, when its number was lost: the line
    /// and the numbered row above it each hold a weight and a due of their
    /// own, and the numbering leaves one number between that row and the
    /// next numbered one, `next`.
    fn lost_number(&self, line: &TextLine, next: Option<&RowNumber>) -> Option<RowNumber> {
        if self.table != Table::Objectives {
            return None;
        }
        let above = self.pending.as_ref().filter(|row| row.code.is_none())?;
        let line_cell = |place: usize| line.cells.get(place).map(|cell| cell.text.as_str());
        let described =
            line_cell(self.description_index()).is_some_and(|text| !text.trim().is_empty());
        let own_values = described
            && holds_own_weight_and_due(&self.columns, line_cell)
            && holds_own_weight_and_due(&self.columns, |place| above.cell_at(place));
        own_values
            .then(|| number_between(&above.number, next?))
            .flatten()
    }

    /// Reads `line` as the row numbered `number`, whose number was lost,
    /// and says so.
    fn row_whose_number_was_lost(&mut self, number: RowNumber, line: &TextLine) {
        let above = self
            .pending
            .as_ref()
            .map_or_else(String::new, |row| row.number.text.clone());
        let diagnostic = Diagnostic::new(
            Code::NumberSequence,
            format!(
                "a line with no row number holds a weight and a due of its own, as row {above} above it does: \
                 read as row {}, the number the numbering leaves between row {above} and the next",
                number.text
            ),
        )
        .for_number(number.text.clone());
        self.row(number, line, None);
        self.diagnostics.push(self.locate(line)(diagnostic));
    }

    /// Turns the row being read into an objective or a phase.
    pub(super) fn finish_row(&mut self) {
        let Some(row) = self.pending.take() else {
            return;
        };
        let ordinal = self.structure.ordinal;
        let first_line = row.lines.0;
        let page = row.page;
        let number = row.number.text.clone();
        let locate = move |d: Diagnostic| {
            d.at_line(first_line, page)
                .in_structure(ordinal)
                .for_number(number.clone())
        };
        if let Some(&(continued, _)) = row.continued_by.first() {
            let code = if row.wrapped {
                Code::CellWrapped
            } else {
                Code::ContinuationLine
            };
            let diagnostic = Diagnostic::new(
                code,
                format!(
                    "row {}: lines {continued}–{} continue its cells",
                    row.number.text, row.lines.1
                ),
            );
            self.diagnostics.push(locate(diagnostic));
        }
        let mut assigned = assign(
            &row,
            &Header {
                columns: &self.columns,
                head_names: &self.head_names,
                printed: self.columns_from_header
                    || self.words.layout.columns_without_header.is_some(),
                from_words: self.columns_from_header,
            },
            self.words,
            self.plan_year,
            &mut self.diagnostics,
            &locate,
        );
        if assigned.realigned || (self.columns_by_content && !self.columns_from_header) {
            self.realigned_rows
                .push((first_line, self.columns_from_header));
        }
        if let Some(code) = &row.code {
            assigned.entry.code = Some(code.text.clone());
            assigned.entry.mission_code = code.mission.clone();
            assigned.entry.programme_code = code.programme.clone();
        }
        let is_phase = row.number.parts.len() > 1;
        let role = match self.structure.objectives.last() {
            Some(_) if is_phase => LineRole::Phase,
            _ if is_phase => LineRole::Unplaced,
            _ => LineRole::Objective,
        };
        for (number, page) in row.line_keys() {
            self.roles.set(number, page, role);
        }
        match self.structure.objectives.last_mut() {
            Some(objective) if is_phase => objective.phases.push(assigned.entry),
            _ if is_phase => {
                let diagnostic = Diagnostic::new(
                    Code::TextUnplaced,
                    format!(
                        "phase {} comes before any objective: {}",
                        row.number.text,
                        row.cells.join("\t")
                    ),
                );
                self.diagnostics.push(locate(diagnostic));
            }
            _ => self.structure.objectives.push(Objective {
                category: self.words.category(&assigned.entry.description),
                entry: assigned.entry,
                phases: Vec::new(),
            }),
        }
    }

    /// Whether a new row's number does not follow from the rows above.
    fn breaks_sequence(&self, number: &RowNumber) -> bool {
        let last = self.structure.objectives.last();
        match number.parts.as_slice() {
            [objective] => {
                let previous = last
                    .and_then(|o| o.entry.number.parse::<u32>().ok())
                    .unwrap_or(0);
                *objective != previous + 1
            }
            [objective, _] => last.is_none_or(|o| o.entry.number != objective.to_string()),
            _ => false,
        }
    }

    fn is_ghost(
        &self,
        description: &str,
        description_index: usize,
        next_row: Option<&TextLine>,
    ) -> bool {
        let last = self.structure.objectives.last();
        let previous = last.map(|o| o.phases.last().unwrap_or(&o.entry).description.as_str());
        let next = next_row
            .and_then(|line| line.cells.get(description_index))
            .map(|cell| cell.text.as_str());
        let neighbours: Vec<&str> = previous.into_iter().chain(next).collect();
        is_ghost_of(description, &neighbours)
    }

    /// Rows are keyed by number within their structure: a number printed
    /// twice gives way to the row's ordinal path, and the printed one is reported.
    pub(super) fn make_numbers_unique(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let ordinal = self.structure.ordinal;
        for (objective_index, objective) in self.structure.objectives.iter_mut().enumerate() {
            let mut renumber = |entry: &mut piano_model::Entry, ordinal_path: String| {
                if !seen.insert(entry.number.clone()) {
                    // The ordinal path, or when a row already has it, the path with a suffix.
                    let mut path = ordinal_path.clone();
                    for suffix in 2.. {
                        if !seen.contains(&path) {
                            break;
                        }
                        path = format!("{ordinal_path}-{suffix}");
                    }
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::NumberSequence,
                            format!("number {} is printed twice in the structure; this row is numbered {path}", entry.number),
                        )
                        .at_line(entry.lines.0, entry.page)
                        .in_structure(ordinal)
                        .for_number(path.clone()),
                    );
                    entry.number = path;
                    seen.insert(entry.number.clone());
                }
            };
            renumber(&mut objective.entry, (objective_index + 1).to_string());
            let parent = objective.entry.number.clone();
            for (phase_index, phase) in objective.phases.iter_mut().enumerate() {
                renumber(phase, format!("{parent}.{}", phase_index + 1));
            }
        }
    }

    pub(super) fn description_index(&self) -> usize {
        self.columns
            .iter()
            .position(|column| *column == Some(Column::Description))
            .unwrap_or(1)
    }
}

#[cfg(test)]
mod tests;
