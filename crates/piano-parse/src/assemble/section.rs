//! One structure: its heading, header fields, objectives table and staff table.
//!
//! The builder and what it holds are here; what each kind of line does to it
//! is in the submodules, one per thing read: `fields.rs` (header fields and
//! missions), `header.rs` (the objectives table's header), `rows.rs` (its
//! rows and the lines that continue them), `fragments.rs` (lines of plain
//! text), `staff.rs` (the staff table), `card.rs` (objective cards) and
//! `phase_header.rs` (a card's phase-table header printed again).

use piano_model::{Code, Diagnostic, LineRole, LineSpan, Mission, Roles, Structure, TextLine};

use super::recover::Fragment;
use super::row::RawRow;
use crate::content_columns::UnheadedColumns;
use crate::line::{PROGRAMME_KIND, StructureHeading};
use crate::token::label::Part;
use crate::vocabulary::{Column, Field, Vocabulary};
use card::LastCardField;
use card_grid::CardLabels;

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
    /// The pieces the objectives header wrapped onto the lines below it,
    /// folded: a repeat of the header goes on with these, not with a row's.
    header_pieces: Vec<String>,
    /// The last line read into the structure.
    last_line_seen: u32,
    /// The line of a table header repeated after a page break, while the
    /// lines under it can still be its wrapped pieces.
    repeated_header_at: Option<u32>,
    /// Whether the label came from the header still open (and may still grow).
    objectives_label_from_header: bool,
    /// Whether the columns are a header's (the structure's own, or one held
    /// over from a structure above), not the family's usual order.
    columns_from_header: bool,
    /// Whether the columns, while no header names them, were told by the
    /// content of the document's rows (every row read under them was given
    /// its columns by content).
    columns_by_content: bool,
    /// The header's text over each column, for the heads of a weight matrix.
    head_names: Vec<String>,
    /// The card field read last, which a wrapped value continues.
    last_card_field: Option<LastCardField>,
    /// A card's line of labels, whose values the next line holds.
    card_labels: Option<CardLabels>,
    /// The last objective's label as parts, which tells a coded row below
    /// it its level (empty before the first objective).
    objective_label: Vec<Part>,
    /// The lines the open card's phase-table header is printed on, their
    /// filled cells folded, to know the header when a page prints it again.
    phase_header_lines: Vec<String>,
    /// The objectives (by index) whose phase table has no weight column.
    unweighted_phases: Vec<usize>,
    fragments: Vec<Fragment>,
    /// Rows whose cells were given columns by content, by first line, with
    /// whether a header applied to them.
    realigned_rows: Vec<(u32, bool)>,
    diagnostics: Vec<Diagnostic>,
    /// What each line read into the structure became (its heading's role is
    /// the assembler's).
    roles: Roles,
}

/// An objectives table's header as a structure read it: what a header
/// printed once holds over the structures below it.
#[derive(Debug, Clone)]
pub struct HeldHeader {
    columns: Vec<Option<Column>>,
    head_names: Vec<String>,
    objectives_label: Option<String>,
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
    /// Rows whose cells were given columns by content (`columns-realigned`).
    pub rows_by_content: u32,
    /// Of those, the rows no table header applied to.
    pub rows_without_header: u32,
}

impl<'w> SectionBuilder<'w> {
    /// Starts a structure at its heading line; `unheaded` are the columns
    /// of its rows while no header names them.
    pub fn new(
        ordinal: u32,
        heading: StructureHeading,
        line: &TextLine,
        words: &'w Vocabulary,
        plan_year: Option<u16>,
        unheaded: &UnheadedColumns,
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
            columns: unheaded.columns.clone(),
            columns_by_content: unheaded.by_content,
            staff_columns: Vec::new(),
            staff_header: None,
            pending: None,
            last_field: None,
            header_cells: None,
            header_text: None,
            header_pieces: Vec::new(),
            last_line_seen: line.last,
            repeated_header_at: None,
            objectives_label_from_header: false,
            columns_from_header: false,
            head_names: Vec::new(),
            last_card_field: None,
            card_labels: None,
            objective_label: Vec::new(),
            unweighted_phases: Vec::new(),
            phase_header_lines: Vec::new(),
            fragments: Vec::new(),
            realigned_rows: Vec::new(),
            diagnostics,
            roles: Roles::new(),
        }
    }

    /// The objectives table's header, to hold over the structures that
    /// follow until one has a header of its own; `None` when the columns are
    /// the family's usual order.
    pub fn held_header(&self) -> Option<HeldHeader> {
        // A card's phase table is no objectives table: its header stays with it.
        let objectives_header = self.columns_from_header && self.header_text.is_some();
        objectives_header.then(|| HeldHeader {
            columns: self.columns.clone(),
            head_names: self.head_names.clone(),
            objectives_label: self.structure.objectives_label.clone(),
        })
    }

    /// Reads the structure's rows under a header printed above it, for a
    /// plan that prints its header once; a header of its own replaces it.
    pub fn hold_header(&mut self, held: HeldHeader) {
        self.columns = held.columns;
        self.head_names = held.head_names;
        self.structure.objectives_label = held.objectives_label;
        self.objectives_label_from_header = true;
        self.columns_from_header = true;
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
        self.report_realigned_rows();
        self.make_numbers_unique();
        super::numbering::drop_shared_prefix(&mut self.structure);
        super::checks::scale_fractions(&mut self.structure);
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
            rows_by_content: u32::try_from(self.realigned_rows.len()).unwrap_or(u32::MAX),
            rows_without_header: u32::try_from(
                self.realigned_rows
                    .iter()
                    .filter(|(_, under_header)| !under_header)
                    .count(),
            )
            .unwrap_or(u32::MAX),
        }
    }
}

impl SectionBuilder<'_> {
    /// One `columns-realigned` per kind of row whose cells were given
    /// columns by content: under a header, and under none (no line above
    /// them read as a header, none held from a structure above).
    fn report_realigned_rows(&mut self) {
        for under_header in [true, false] {
            let lines: Vec<u32> = self
                .realigned_rows
                .iter()
                .filter(|(_, header)| *header == under_header)
                .map(|(line, _)| *line)
                .collect();
            let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
                continue;
            };
            let rows = lines.len();
            let message = match (under_header, &self.words.layout.columns_without_header) {
                (true, _) => format!(
                    "{rows} rows (lines {first}–{last}) had cells out of their header's columns; assigned by content"
                ),
                (false, None) => format!(
                    "no table header applies to {rows} rows (lines {first}–{last}): no line above them reads as their header; their cells were assigned by content (a profile's [layout] columns_without_header can name the columns)"
                ),
                (false, Some(_)) => format!(
                    "{rows} rows (lines {first}–{last}), under no table header, had cells out of the profile's columns_without_header; assigned by content"
                ),
            };
            self.diagnostics.push(
                Diagnostic::new(Code::ColumnsRealigned, message)
                    .at_line(first, None)
                    .in_structure(self.structure.ordinal),
            );
        }
    }
}

pub use fields::budget_mission;

mod card;
mod card_grid;
mod fields;
mod fragments;
mod header;
mod lost_number;
mod phase_header;
mod rows;
mod staff;

#[cfg(test)]
mod tests;
