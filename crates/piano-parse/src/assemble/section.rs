//! One structure: its heading, header fields, objectives table and staff table.

use piano_model::reference::mission_code;
use piano_model::{Code, Diagnostic, LineSpan, Mission, Objective, Staff, Structure, TextLine};

use super::recover::{
    self, Fragment, is_ghost_of, rebuild_phases, unglue_weight_cell, weight_cell_index,
};
use super::row::{DEFAULT_COLUMNS, RawRow, assign};
use crate::line::StructureHeading;
use crate::text::{clean, is_closing_punctuation};
use crate::token::due::parse_due;
use crate::token::number::RowNumber;
use crate::token::weight::parse_weight;
use crate::vocabulary::{Column, Field, Vocabulary};

/// Which table the lines being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    /// Before any table: header fields.
    None,
    /// The objectives table.
    Objectives,
    /// The staff table.
    Staff,
}

/// Builds one [`Structure`] from its lines, in document order.
pub struct SectionBuilder<'w> {
    words: &'w Vocabulary,
    plan_year: Option<u16>,
    structure: Structure,
    table: Table,
    columns: Vec<Option<Column>>,
    staff_columns: Vec<Option<Column>>,
    staff_header: Option<u32>,
    pending: Option<RawRow>,
    last_field: Option<Field>,
    fragments: Vec<Fragment>,
    realigned_rows: Vec<u32>,
    diagnostics: Vec<Diagnostic>,
}

impl<'w> SectionBuilder<'w> {
    /// Starts a structure at its heading line.
    pub fn new(
        ordinal: u32,
        heading: StructureHeading,
        line: &TextLine,
        words: &'w Vocabulary,
        plan_year: Option<u16>,
    ) -> Self {
        let mut diagnostics = Vec::new();
        if heading.head.name.is_none() {
            diagnostics.push(
                Diagnostic::new(
                    Code::HeadMissing,
                    format!("structure {ordinal} ({}) names no head", heading.name),
                )
                .at_line(line.number, line.page)
                .in_structure(ordinal)
                .with_excerpt(&line.to_tab_separated()),
            );
        }
        SectionBuilder {
            words,
            plan_year,
            structure: Structure {
                ordinal,
                name: heading.name,
                head: heading.head,
                strategic_line: None,
                strategic_objectives: Vec::new(),
                missions: Vec::new(),
                operational_objective: None,
                objectives_label: None,
                objectives: Vec::new(),
                staff: Vec::new(),
                lines: LineSpan::line(line.number),
                page: line.page,
            },
            table: Table::None,
            columns: DEFAULT_COLUMNS.to_vec(),
            staff_columns: Vec::new(),
            staff_header: None,
            pending: None,
            last_field: None,
            fragments: Vec::new(),
            realigned_rows: Vec::new(),
            diagnostics,
        }
    }

    fn locate(&self, line: &TextLine) -> impl Fn(Diagnostic) -> Diagnostic + use<> {
        let (number, page, ordinal) = (line.number, line.page, self.structure.ordinal);
        let excerpt = line.to_tab_separated();
        move |diagnostic: Diagnostic| {
            diagnostic
                .at_line(number, page)
                .in_structure(ordinal)
                .with_excerpt(&excerpt)
        }
    }

    /// A header field ("Missione …").
    pub fn field(&mut self, field: Field, value: String, line: &TextLine) {
        let split = |value: &str| -> Vec<String> {
            value
                .split(';')
                .map(clean)
                .filter(|part| !part.is_empty())
                .collect()
        };
        match field {
            Field::StrategicLine => self.structure.strategic_line = Some(value),
            Field::OperationalObjective => self.structure.operational_objective = Some(value),
            Field::StrategicObjective => self.structure.strategic_objectives.extend(split(&value)),
            Field::Mission => {
                for name in split(&value) {
                    let code = mission_code(&name).map(str::to_owned);
                    if code.is_none() {
                        let diagnostic = Diagnostic::new(
                            Code::MissionUnknown,
                            format!("mission {name:?} is not one of the D.Lgs. 118/2011 missions"),
                        );
                        self.diagnostics.push(self.locate(line)(diagnostic));
                    }
                    self.structure.missions.push(Mission { name, code });
                }
            }
        }
        self.last_field = Some(field);
    }

    /// A table header row: the objectives table, or the staff table when it names employees.
    pub fn table_header(&mut self, columns: Vec<Option<Column>>, line: &TextLine) {
        self.finish_row();
        if columns.contains(&Some(Column::Employee)) {
            self.close_staff_table();
            self.table = Table::Staff;
            self.staff_columns = columns;
            self.staff_header = Some(line.number);
            return;
        }
        if let Some(index) = columns.iter().position(|c| *c == Some(Column::Description)) {
            let label = line
                .cells
                .get(index)
                .map(|cell| objectives_label(&cell.text));
            self.structure.objectives_label = self.structure.objectives_label.take().or(label);
        }
        self.table = Table::Objectives;
        self.columns = columns;
    }

    /// "Dipendenti coinvolti sugli obiettivi:": a staff table follows.
    pub fn staff_title(&mut self) {
        self.finish_row();
        self.table = Table::Staff;
    }

    /// A row of whichever table is open.
    pub fn row(&mut self, number: RowNumber, line: &TextLine, next_row: Option<&TextLine>) {
        if self.table == Table::Staff {
            self.staff_row(line);
            return;
        }
        self.table = Table::Objectives;
        let description_index = self.description_index();
        let mut cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let weight_cell = weight_cell_index(&cells, &self.columns, description_index);
        let unglued = unglue_weight_cell(&mut cells, weight_cell);
        if let Some(closing) = &unglued.stray_closing {
            let moved = self
                .pending
                .as_mut()
                .is_some_and(|row| row.close_bracket(closing));
            if !moved {
                cells.insert(description_index + 2, closing.clone());
            }
        }
        if unglued.repaired {
            let diagnostic = Diagnostic::new(
                Code::CellRepaired,
                format!(
                    "row {}: a weight was glued to the next cell{}; split apart",
                    number.text,
                    if unglued.stray_closing.is_some() {
                        " with a bracket closing the row above"
                    } else {
                        ""
                    }
                ),
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
        self.pending = Some(RawRow::new(number, cells, line.number, line.page));
    }

    /// A line whose first cell is empty: more of the row (or field) above.
    pub fn continuation(&mut self, line: &TextLine) {
        let description_index = self.description_index();
        let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        if let Some(row) = self.pending.as_mut() {
            row.merge(&cells, line.number, description_index);
            return;
        }
        if self.table == Table::None {
            if let Some(field) = self.last_field {
                let text = clean(&cells.join(" "));
                self.append_to_field(field, text, line);
                return;
            }
        }
        self.fragment(line);
    }

    /// A line that is plain text: closing punctuation of a wrapped cell, or a
    /// fragment kept for [`rebuild_phases`].
    pub fn text(&mut self, line: &TextLine) {
        let text = line.to_tab_separated();
        if is_closing_punctuation(&text) {
            if let Some(row) = self.pending.as_mut() {
                if row.close_bracket(text.trim()) {
                    row.absorb_line(line.number);
                    return;
                }
            }
        }
        self.fragment(line);
    }

    fn fragment(&mut self, line: &TextLine) {
        self.fragments.push(Fragment {
            line: line.number,
            page: line.page,
            text: line.to_tab_separated(),
        });
    }

    /// Closes the structure; `last_line` is the line before the next structure.
    pub fn finish(mut self, last_line: u32) -> (Structure, Vec<Diagnostic>) {
        self.finish_row();
        self.place_fragments();
        self.close_staff_table();
        self.structure.lines = LineSpan(
            self.structure.lines.0,
            last_line.max(self.structure.lines.0),
        );
        if let Some(&first) = self.realigned_rows.first() {
            let last = self.realigned_rows.last().copied().unwrap_or(first);
            self.diagnostics.push(
                Diagnostic::new(
                    Code::ColumnsRealigned,
                    format!(
                        "{} rows (lines {first}–{last}) had cells out of their header's columns; assigned by content",
                        self.realigned_rows.len()
                    ),
                )
                .at_line(first, None)
                .in_structure(self.structure.ordinal),
            );
        }
        self.make_numbers_unique();
        super::checks::check_weights(&self.structure, &mut self.diagnostics);
        (self.structure, self.diagnostics)
    }

    /// Rows are keyed by number within their structure: a number printed
    /// twice gives way to the row's ordinal path, and the printed one is reported.
    fn make_numbers_unique(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let ordinal = self.structure.ordinal;
        for (objective_index, objective) in self.structure.objectives.iter_mut().enumerate() {
            let mut renumber = |entry: &mut piano_model::Entry, path: String| {
                if !seen.insert(entry.number.clone()) {
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

    fn description_index(&self) -> usize {
        self.columns
            .iter()
            .position(|column| *column == Some(Column::Description))
            .unwrap_or(1)
    }

    /// A wrapped header field: scalar fields grow, list fields gain items.
    fn append_to_field(&mut self, field: Field, text: String, line: &TextLine) {
        let join = |value: &mut Option<String>| {
            *value = Some(
                value
                    .take()
                    .map_or_else(|| text.clone(), |v| format!("{v} {text}")),
            );
        };
        match field {
            Field::StrategicLine => join(&mut self.structure.strategic_line),
            Field::OperationalObjective => join(&mut self.structure.operational_objective),
            Field::StrategicObjective | Field::Mission => self.field(field, text, line),
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

    /// Turns the row being read into an objective or a phase.
    fn finish_row(&mut self) {
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
        if let Some(&continued) = row.continued_by.first() {
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
        let assigned = assign(
            &row,
            &self.columns,
            self.plan_year,
            &mut self.diagnostics,
            &locate,
        );
        if assigned.realigned {
            self.realigned_rows.push(first_line);
        }
        let is_phase = row.number.parts.len() > 1;
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
                entry: assigned.entry,
                category: assigned.category,
                phases: Vec::new(),
            }),
        }
    }

    /// Places the fragments gathered since the last row: phases rebuilt when
    /// the pieces fit unambiguously, diagnostics keeping them otherwise.
    fn place_fragments(&mut self) {
        if self.fragments.is_empty() {
            return;
        }
        let fragments = std::mem::take(&mut self.fragments);
        let ordinal = self.structure.ordinal;
        let rebuilt = self.structure.objectives.last().and_then(|objective| {
            rebuild_phases(
                &fragments,
                &objective.entry.number,
                objective.phases.len(),
                self.words,
            )
        });
        let (Some(phases), Some(objective)) = (rebuilt, self.structure.objectives.last_mut())
        else {
            self.diagnostics.extend(recover::unplaced(
                &fragments,
                ordinal,
                "text that fits no row",
            ));
            return;
        };
        let first = &fragments[0];
        let numbers: Vec<&str> = phases
            .iter()
            .map(|phase| phase.entry.number.as_str())
            .collect();
        self.diagnostics.push(
            Diagnostic::new(
                Code::TableScrambled,
                format!(
                    "phases {} of objective {} were torn apart by the extraction (lines {}–{}); rebuilt from their pieces",
                    numbers.join(", "),
                    objective.entry.number,
                    first.line,
                    fragments.last().map_or(first.line, |f| f.line)
                ),
            )
            .at_line(first.line, first.page)
            .in_structure(ordinal)
            .for_number(objective.entry.number.clone())
            .with_excerpt(&first.text),
        );
        for phase in phases {
            let mut entry = phase.entry;
            entry.due = phase.due_raw.map(|raw| parse_due(&raw, self.plan_year).due);
            objective.phases.push(entry);
        }
    }

    fn staff_row(&mut self, line: &TextLine) {
        if self.staff_columns.is_empty() {
            self.staff_columns = DEFAULT_STAFF_COLUMNS.to_vec();
        }
        let cell = |column: Column| {
            self.staff_columns
                .iter()
                .position(|c| *c == Some(column))
                .and_then(|index| line.cells.get(index))
                .map(|cell| clean(&cell.text))
                .filter(|text| !text.is_empty())
        };
        let staff = Staff {
            name: cell(Column::Employee),
            objective: cell(Column::Objective),
            weight: cell(Column::Weight).and_then(|w| parse_weight(&w).map(|token| token.value)),
        };
        self.structure.staff.push(staff);
    }

    /// Reports a staff table whose header has no rows under it.
    fn close_staff_table(&mut self) {
        if let Some(header) = self.staff_header.take() {
            if self.structure.staff.is_empty() {
                self.diagnostics.push(
                    Diagnostic::new(Code::StaffEmpty, "the staff table has a header but no rows")
                        .at_line(header, None)
                        .in_structure(self.structure.ordinal),
                );
            }
        }
    }
}

/// The columns of a staff table with no header row: "N. | Dipendenti | Obiettivo | Peso %".
const DEFAULT_STAFF_COLUMNS: [Option<Column>; 4] = [
    Some(Column::Number),
    Some(Column::Employee),
    Some(Column::Objective),
    Some(Column::Weight),
];

/// The description column's header without a leading "Descrizione".
fn objectives_label(header: &str) -> String {
    let header = clean(header);
    let lower = header.to_lowercase();
    match lower.strip_prefix("descrizione") {
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
            header["descrizione".len()..].trim().to_owned()
        }
        _ => header,
    }
}
