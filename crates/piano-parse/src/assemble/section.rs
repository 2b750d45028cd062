//! One structure: its heading, header fields, objectives table and staff table.

use std::sync::LazyLock;

use piano_model::reference::{MISSIONS, fold, mission_code};
use piano_model::{
    Code, Diagnostic, Head, LineRole, LineSpan, Mission, Objective, Roles, Staff, Structure,
    TextLine,
};
use regex::Regex;

use super::recover::{
    self, Fragment, is_ghost_of, is_total_row, join_split_description, rebuild_phases,
    split_merged_number, split_trailing_due, split_trailing_weight, unglue_weight_cell,
    weight_cell_index,
};
use super::row::{DEFAULT_COLUMNS, Header, RawRow, assign};
use crate::line::{BudgetHeading, PROGRAMME_KIND, StructureHeading, head_line, header_columns};
use crate::text::{clean, is_closing_punctuation, join_wrapped};
use crate::token::due::parse_due;
use crate::token::number::{RowNumber, parse_row_number};
use crate::token::weight::parse_weight;
use crate::vocabulary::{Column, Field, RowCode, Vocabulary};

/// Which table the lines being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    /// Before any table: header fields.
    None,
    /// The objectives table.
    Objectives,
    /// The staff table.
    Staff,
    /// An objective card's labelled fields.
    Card,
    /// An objective card's phase table.
    Phases,
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
    /// The objectives table's header cells, while no row has followed them.
    header_cells: Option<Vec<String>>,
    /// The objectives table's header line, folded, to know it when it repeats.
    header_text: Option<String>,
    /// The last line read into the structure.
    last_line_seen: u32,
    /// The line of a table header repeated after a page break, while the
    /// lines under it can still be its wrapped pieces.
    repeated_header_at: Option<u32>,
    /// Whether the label came from the header still open (and may still grow).
    objectives_label_from_header: bool,
    /// The header's text over each column, for the heads of a weight matrix.
    head_names: Vec<String>,
    /// The card field read last, which a wrapped value continues.
    last_card_field: Option<Column>,
    /// The objectives (by index) whose phase table has no weight column.
    unweighted_phases: Vec<usize>,
    fragments: Vec<Fragment>,
    realigned_rows: Vec<u32>,
    diagnostics: Vec<Diagnostic>,
    /// What each line read into the structure became (its heading's role is
    /// the assembler's).
    roles: Roles,
}

/// A structure read to its end: the structure, what was noticed reading it,
/// and what each of its lines became.
pub struct Finished {
    /// The structure.
    pub structure: Structure,
    /// Its diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// The roles of the lines read into it.
    pub roles: Roles,
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
        let diagnostics = Vec::new();
        SectionBuilder {
            words,
            plan_year,
            structure: Structure {
                ordinal,
                name: heading.name,
                kind: heading.kind,
                head: heading.head,
                strategic_line: None,
                strategic_objectives: Vec::new(),
                missions: Vec::new(),
                operational_objective: None,
                objectives_label: None,
                objectives: Vec::new(),
                staff: Vec::new(),
                lines: line.span(),
                page: line.page,
            },
            table: Table::None,
            columns: DEFAULT_COLUMNS.to_vec(),
            staff_columns: Vec::new(),
            staff_header: None,
            pending: None,
            last_field: None,
            header_cells: None,
            header_text: None,
            last_line_seen: line.last,
            repeated_header_at: None,
            objectives_label_from_header: false,
            head_names: Vec::new(),
            last_card_field: None,
            unweighted_phases: Vec::new(),
            fragments: Vec::new(),
            realigned_rows: Vec::new(),
            diagnostics,
            roles: Roles::new(),
        }
    }

    /// The budget missions the structure belongs to (a programme's mission).
    pub fn add_missions(&mut self, missions: impl IntoIterator<Item = Mission>) {
        self.structure.missions.extend(missions);
    }

    /// Makes the structure begin at an earlier line: the heading of the
    /// budget mission above its programme's heading.
    pub fn starts_at(&mut self, line: u32) {
        self.structure.lines.0 = self.structure.lines.0.min(line);
    }

    /// Records what `line` became.
    fn role(&mut self, line: &TextLine, role: LineRole) {
        self.roles.set_line(line, role);
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
        self.last_field = Some(field);
        self.role(line, LineRole::StructureField);
        if value.is_empty() {
            // A label alone: its value follows on continuation lines.
            return;
        }
        match field {
            Field::StrategicLine => add_to_scalar(&mut self.structure.strategic_line, value),
            Field::OperationalObjective => {
                add_to_scalar(&mut self.structure.operational_objective, value)
            }
            Field::StrategicObjective => self.structure.strategic_objectives.extend(split(&value)),
            Field::Mission => {
                for written in split(&value) {
                    let Mission { name, code } = mission(&written);
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
    }

    /// A table header row: the objectives table, or the staff table when it names employees.
    pub fn table_header(&mut self, columns: Vec<Option<Column>>, line: &TextLine) {
        let text = fold(&line.to_tab_separated());
        if self.table == Table::Objectives && self.header_text.as_deref() == Some(text.as_str()) {
            // The header repeated after a page break: the row above may go on below it.
            let diagnostic = Diagnostic::new(
                Code::PageFurniture,
                "the table header repeated after a page break, set aside",
            );
            self.diagnostics.push(self.locate(line)(diagnostic));
            self.role(line, LineRole::Furniture);
            self.repeated_header_at = Some(line.last);
            return;
        }
        self.finish_row();
        self.role(line, LineRole::TableHeader);
        if columns.contains(&Some(Column::Employee)) {
            self.close_staff_table();
            self.table = Table::Staff;
            self.staff_columns = columns;
            self.staff_header = Some(line.number);
            return;
        }
        if self.in_card() {
            self.phase_table_header(columns, line);
            return;
        }
        self.table = Table::Objectives;
        self.header_cells = Some(line.cells.iter().map(|cell| cell.text.clone()).collect());
        self.header_text = Some(text);
        self.set_columns(columns);
    }

    /// Takes the columns of the objectives table, and its label unless an
    /// earlier table of the structure gave one.
    fn set_columns(&mut self, columns: Vec<Option<Column>>) {
        let label = columns
            .iter()
            .position(|c| *c == Some(Column::Description))
            .and_then(|index| self.header_cells.as_ref()?.get(index))
            .and_then(|header| objectives_label(header));
        if self.objectives_label_from_header || self.structure.objectives_label.is_none() {
            self.structure.objectives_label = label;
            self.objectives_label_from_header = self.header_cells.is_some();
        }
        self.head_names = match &self.header_cells {
            Some(cells) if columns.contains(&Some(Column::HeadWeight)) => {
                cells.iter().map(|cell| clean(cell)).collect()
            }
            _ => Vec::new(),
        };
        self.columns = columns;
    }

    /// A header row wrapped onto a second line: its pieces join the header's cells.
    fn continue_header(&mut self, cells: &[String], line: &TextLine) {
        let diagnostic = Diagnostic::new(
            Code::CellWrapped,
            "the table header wraps onto this line; its pieces join the header's cells",
        );
        self.diagnostics.push(self.locate(line)(diagnostic));
        self.role(line, LineRole::TableHeader);
        let Some(header) = self.header_cells.as_mut() else {
            return;
        };
        for (index, cell) in cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| !cell.trim().is_empty())
        {
            if header.len() <= index {
                header.resize(index + 1, String::new());
            }
            header[index] = join_wrapped(&header[index], cell);
        }
        let cells: Vec<&str> = header.iter().map(|cell| cell.trim()).collect();
        let columns = header_columns(&cells, self.words);
        self.set_columns(columns);
    }

    /// "Dipendenti coinvolti sugli obiettivi:": a staff table follows.
    pub fn staff_title(&mut self, line: &TextLine) {
        self.finish_row();
        self.role(line, LineRole::TableHeader);
        self.table = Table::Staff;
    }

    /// A row of whichever table is open.
    pub fn row(&mut self, number: RowNumber, line: &TextLine, next_row: Option<&TextLine>) {
        if self.table == Table::Staff {
            self.staff_row(line);
            return;
        }
        if self.in_card() {
            self.phase_row(line);
            return;
        }
        self.table = Table::Objectives;
        self.header_cells = None;
        let description_index = self.description_index();
        let mut cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let mut repairs: Vec<&str> = Vec::new();
        let columns = &self.columns;
        if split_merged_number(&mut cells, &number) {
            repairs.push("its number was merged with the description");
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
                cells.insert(description_index + 2, closing.clone());
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
        self.pending = Some(RawRow::new(number, cells, line.span(), line.page));
    }

    /// A row identified by a code ("01.02.03"): numbered by its position
    /// among the structure's objectives, the code kept as written.
    pub fn coded_row(&mut self, code: RowCode, line: &TextLine) {
        if self.table == Table::Staff || self.in_card() {
            self.text(line);
            return;
        }
        self.table = Table::Objectives;
        self.header_cells = None;
        self.finish_row();
        self.place_fragments();
        let ordinal = self.structure.objectives.len() + 1;
        let number = RowNumber {
            parts: vec![u32::try_from(ordinal).unwrap_or(u32::MAX)],
            text: ordinal.to_string(),
        };
        let cells = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let mut row = RawRow::new(number, cells, line.span(), line.page);
        row.code = Some(code);
        self.pending = Some(row);
    }

    /// A line whose first cell is empty: more of the row (or field) above.
    pub fn continuation(&mut self, line: &TextLine) {
        let description_index = self.description_index();
        let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        if self.table == Table::Staff && self.staff_header.is_some() {
            self.staff_row(line);
            return;
        }
        if self.table == Table::Card {
            self.continue_card_field(&cells, line);
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
        if under_repeat && cells.iter().all(|cell| is_header_piece(cell)) {
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

    /// A line that is plain text: closing punctuation of a wrapped cell, or a
    /// fragment kept for [`rebuild_phases`].
    pub fn text(&mut self, line: &TextLine) {
        let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let is_table = matches!(self.table, Table::Objectives | Table::Phases);
        if is_table && is_total_row(&cells, self.words) {
            self.total_row(line);
            return;
        }
        let text = line.to_tab_separated();
        let filled = line
            .cells
            .iter()
            .filter(|cell| !cell.text.trim().is_empty())
            .count();
        if self.table == Table::Staff && self.staff_header.is_some() && filled >= 2 {
            // Staff tables without a number column have rows that open with a name.
            self.staff_row(line);
            return;
        }
        let opens_with_text = line
            .cells
            .first()
            .is_some_and(|cell| !cell.text.trim().is_empty());
        let card_line = self.table == Table::Card && opens_with_text && filled >= 2;
        if card_line && self.phase_table_without_header(line) {
            return;
        }
        if self.table == Table::Phases && self.pending.is_some() && continues_first_cell(&text) {
            // A phase cell in the first column wraps onto a line of its own.
            let description_index = self.description_index();
            if let Some(row) = self.pending.as_mut() {
                row.merge(&cells, line.span(), line.page, description_index);
            }
            return;
        }
        if self.table == Table::Phases && opens_with_text && !is_closing_punctuation(&text) {
            // Phase tables without a number column have rows that open with the phase.
            self.phase_row(line);
            return;
        }
        if self.table == Table::None && self.structure.head == Head::default() {
            if let Some(head) = head_line(&text, self.words) {
                self.structure.head = head;
                self.role(line, LineRole::StructureField);
                return;
            }
        }
        if self.wraps_head_name(line) {
            if let Some(name) = self.structure.head.name.as_mut() {
                *name = join_wrapped(name, &clean(&text));
                self.role(line, LineRole::StructureField);
                return;
            }
        }
        if is_closing_punctuation(&text) {
            if let Some(row) = self.pending.as_mut() {
                if row.close_bracket(text.trim()) {
                    row.absorb_line(line.span(), line.page);
                    return;
                }
            }
        }
        self.fragment(line);
    }

    /// Whether `line` is the end of the head's name, wrapped from the heading
    /// line just above ("AREA: … – DIRIGENTE: Dott. Massimo" / "Lenzi"): a
    /// few words, no digits and no colon, right under a heading naming a head.
    fn wraps_head_name(&self, line: &TextLine) -> bool {
        let text = line.to_tab_separated();
        let words = text.split_whitespace().count();
        self.table == Table::None
            && self.structure.head.name.is_some()
            && line.number == self.structure.lines.0 + 1
            && (1..=HEAD_WRAP_MAX_WORDS).contains(&words)
            && !text.contains([':', '\t'])
            && !text.bytes().any(|b| b.is_ascii_digit())
    }

    /// A totals row under a table, set aside.
    fn total_row(&mut self, line: &TextLine) {
        let diagnostic = Diagnostic::new(Code::TotalRow, "a totals row under the table, set aside");
        self.diagnostics.push(self.locate(line)(diagnostic));
        self.role(line, LineRole::TotalRow);
    }

    /// A line that fits nowhere yet: its role (a piece of a rebuilt phase,
    /// or unplaced) is decided with the fragments around it.
    fn fragment(&mut self, line: &TextLine) {
        self.fragments.push(Fragment {
            line: line.number,
            page: line.page,
            text: line.to_tab_separated(),
        });
    }

    /// Notes that the structure reaches `line`.
    pub fn saw(&mut self, line: u32) {
        self.last_line_seen = self.last_line_seen.max(line);
    }

    /// Closes the structure; `last_line` is the line before the next structure
    /// (or later, when a form feed put the next heading on this one's last line).
    pub fn finish(mut self, last_line: u32) -> Finished {
        let last_line = last_line.max(self.last_line_seen);
        // Budget programmes and captioned tables name no head by design.
        let has_heads = self
            .structure
            .kind
            .as_deref()
            .is_some_and(|kind| kind != PROGRAMME_KIND);
        if has_heads && self.structure.head.name.is_none() {
            let structure = &self.structure;
            self.diagnostics.push(
                Diagnostic::new(
                    Code::HeadMissing,
                    format!(
                        "structure {} ({}) names no head",
                        structure.ordinal, structure.name
                    ),
                )
                .at_line(structure.lines.0, structure.page)
                .in_structure(structure.ordinal),
            );
        }
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
        super::checks::check_weights(
            &self.structure,
            &self.unweighted_phases,
            &mut self.diagnostics,
        );
        super::checks::check_descriptions(&self.structure, &mut self.diagnostics);
        Finished {
            structure: self.structure,
            diagnostics: self.diagnostics,
            roles: self.roles,
        }
    }

    /// Rows are keyed by number within their structure: a number printed
    /// twice gives way to the row's ordinal path, and the printed one is reported.
    fn make_numbers_unique(&mut self) {
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
                    .map_or_else(|| text.clone(), |v| join_wrapped(&v, &text)),
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
            },
            self.plan_year,
            &mut self.diagnostics,
            &locate,
        );
        if assigned.realigned {
            self.realigned_rows.push(first_line);
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
        let role = if rebuilt.is_some() {
            LineRole::Phase
        } else {
            LineRole::Unplaced
        };
        for fragment in &fragments {
            self.roles.set(fragment.line, fragment.page, role);
        }
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
        self.role(line, LineRole::StaffRow);
        if self.staff_columns.is_empty() {
            self.staff_columns = DEFAULT_STAFF_COLUMNS.to_vec();
        }
        let mut staff = Staff {
            name: None,
            objective: None,
            weight: None,
        };
        // A row without its number under a header that has an N° column
        // starts one column later.
        let numbered_header = self.staff_columns.first() == Some(&Some(Column::Number));
        let first = line.cells.first().map_or("", |cell| cell.text.trim());
        let offset =
            usize::from(numbered_header && !first.is_empty() && parse_row_number(first).is_none());
        let mut left_over = Vec::new();
        for (index, cell) in line.cells.iter().enumerate() {
            let text = clean(&cell.text);
            if text.is_empty() {
                continue;
            }
            match self.staff_columns.get(index + offset).copied().flatten() {
                Some(Column::Number) => {}
                Some(Column::Employee) if staff.name.is_none() => staff.name = Some(text),
                Some(Column::Objective) if staff.objective.is_none() => {
                    staff.objective = Some(text)
                }
                Some(Column::Weight) if staff.weight.is_none() => match parse_weight(&text) {
                    Some(token) => {
                        staff.weight = Some(token.value);
                        if !token.rest.is_empty() {
                            left_over.push(token.rest.to_owned());
                        }
                    }
                    None => left_over.push(text),
                },
                _ => left_over.push(text),
            }
        }
        if !left_over.is_empty() {
            let diagnostic = Diagnostic::new(
                Code::TextUnplaced,
                format!(
                    "staff row: cells that fit no staff column: {}",
                    left_over.join(" | ")
                ),
            );
            self.diagnostics.push(self.locate(line)(diagnostic));
        }
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

/// Most words of a head's name wrapped onto the line under its heading.
const HEAD_WRAP_MAX_WORDS: usize = 3;

/// The mission a budget heading names: its code when it is an official one.
pub fn budget_mission(heading: &BudgetHeading) -> Mission {
    let code = format!("{:0>2}", heading.code);
    let official = MISSIONS.iter().any(|m| m.code == code);
    Mission {
        name: heading.name.clone(),
        code: if official {
            Some(code)
        } else {
            mission_code(&heading.name).map(str::to_owned)
        },
    }
}

static NUMBERED_MISSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:missione\s*(?:n\.?\s*)?)?(\d{1,2})\s*[-–—:.)]?\s*(.*)$")
        .expect("the mission pattern is valid")
});

/// A mission as written: "Ordine pubblico e sicurezza", or with its number
/// ("Missione 12 - Diritti sociali…", "06 Politiche giovanili…"), which then
/// gives the code when it is an official one; the name is what follows it.
fn mission(written: &str) -> Mission {
    let numbered = NUMBERED_MISSION.captures(written).and_then(|captures| {
        let code = format!("{:0>2}", captures.get(1)?.as_str());
        let name = clean(captures.get(2).map_or("", |m| m.as_str()));
        MISSIONS
            .iter()
            .any(|m| m.code == code)
            .then_some((code, name))
    });
    match numbered {
        Some((code, name)) if name.is_empty() => Mission {
            name: written.to_owned(),
            code: Some(code),
        },
        Some((code, name)) => Mission {
            name,
            code: Some(code),
        },
        None => Mission {
            name: written.to_owned(),
            code: mission_code(written).map(str::to_owned),
        },
    }
}

/// A scalar header field given twice keeps both values, joined by "; ".
fn add_to_scalar(field: &mut Option<String>, value: String) {
    *field = Some(match field.take() {
        Some(previous) if !value.is_empty() => format!("{previous}; {value}"),
        Some(previous) => previous,
        None => value,
    });
}

/// Whether a line is the wrapped rest of a first-column cell: one cell of
/// text that opens in lower case ("presenza e a distanza").
fn continues_first_cell(text: &str) -> bool {
    !text.contains('\t') && text.trim_start().starts_with(char::is_lowercase)
}

/// Whether a cell of a line under a table header can be the rest of a header
/// cell wrapped there ("Obiettivi Operativi", "%", "Attesa"): short, no digits.
fn is_header_piece(cell: &str) -> bool {
    cell.len() <= 40 && !cell.bytes().any(|b| b.is_ascii_digit())
}

/// The columns of a staff table with no header row: "N. | Dipendenti | Obiettivo | Peso %".
const DEFAULT_STAFF_COLUMNS: [Option<Column>; 4] = [
    Some(Column::Number),
    Some(Column::Employee),
    Some(Column::Objective),
    Some(Column::Weight),
];

/// The description column's header without a leading "Descrizione".
fn objectives_label(header: &str) -> Option<String> {
    let header = clean(header);
    let word = "descrizione";
    let label = match header.get(..word.len()) {
        Some(start) if start.eq_ignore_ascii_case(word) => header[word.len()..].trim().to_owned(),
        _ => header,
    };
    (!label.is_empty()).then_some(label)
}

mod card;

#[cfg(test)]
mod tests;
