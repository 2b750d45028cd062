//! Lines of plain text inside a structure: wrapped head names, totals rows,
//! and fragments of a row that a dump split off, placed back at the
//! structure's end.

use piano_model::{Code, Diagnostic, Head, LineRole, TextLine};

use super::{SectionBuilder, Table};
use crate::assemble::recover::{self, Fragment, is_total_row, rebuild_phases};
use crate::line::head_line;
use crate::text::{clean, is_closing_punctuation, join_wrapped};
use crate::token::due::parse_due;
use crate::token::weight::is_weight;
use crate::vocabulary::Column;

impl SectionBuilder<'_> {
    /// A line that is plain text: closing punctuation of a wrapped cell, or a
    /// fragment kept for [`rebuild_phases`].
    pub fn text(&mut self, line: &TextLine) {
        let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
        let is_table = matches!(self.table, Table::Objectives | Table::Phases);
        if is_table && is_total_row(&cells, self.words) {
            self.total_row(line);
            return;
        }
        if self.wraps_an_inline_card_field(line) {
            self.continue_card_field(&cells, line);
            return;
        }
        if self.wraps_a_card_field_in_cells(line) {
            // The label's last word is no part of the value.
            self.continue_card_field(&cells[1..], line);
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
        if card_line && (self.card_label_row(line) || self.phase_table_without_header(line)) {
            return;
        }
        if self.table == Table::Phases && self.continues_pending_description(line) {
            // A phase cell in the first column wraps onto a line of its own.
            let description_index = self.description_index();
            if let Some(row) = self.pending.as_mut() {
                row.merge(&cells, line.span(), line.page, description_index);
            }
            return;
        }
        if self.table == Table::Phases && self.wraps_the_header(line) {
            // "Fasi di" / "attuazione": the phase column's name wrapped.
            self.continue_header(&cells, line);
            return;
        }
        // Phase tables without a number column have rows that open with the
        // phase; in one with a number column, text is no row (the plan's
        // closing date and signature under its last card).
        let numbered_table = self.columns.first() == Some(&Some(Column::Number));
        if self.table == Table::Phases
            && opens_with_text
            && !numbered_table
            && !is_closing_punctuation(&text)
        {
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
    pub(super) fn total_row(&mut self, line: &TextLine) {
        let diagnostic = Diagnostic::new(Code::TotalRow, "a totals row under the table, set aside");
        self.diagnostics.push(self.locate(line)(diagnostic));
        self.role(line, LineRole::TotalRow);
    }

    /// A line that fits nowhere yet: its role (a piece of a rebuilt phase,
    /// or unplaced) is decided with the fragments around it.
    pub(super) fn fragment(&mut self, line: &TextLine) {
        self.fragments.push(Fragment {
            line: line.number,
            page: line.page,
            text: line.to_tab_separated(),
        });
    }

    /// Places the fragments gathered since the last row: phases rebuilt when
    /// the pieces fit unambiguously, diagnostics keeping them otherwise.
    pub(super) fn place_fragments(&mut self) {
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
}

/// Most words of a head's name wrapped onto the line under its heading.
const HEAD_WRAP_MAX_WORDS: usize = 3;

impl SectionBuilder<'_> {
    /// Whether a line is the pending row's description wrapped onto a line
    /// of its own: its first cell goes on in lower case, or the description
    /// ends with a word no phrase ends with ("… di" / "Giunta"); any other
    /// cell it fills goes on in lower case too ("(salvo" / "diverso termine
    /// …)", "(pluriennale)"), where a new row's would open with a figure or a capital. (A
    /// dump rebuilt from aligned text keeps the row's other cells, empty.)
    fn continues_pending_description(&self, line: &TextLine) -> bool {
        let Some(row) = self.pending.as_ref() else {
            return false;
        };
        let Some((first, others)) = line.cells.split_first() else {
            return false;
        };
        let first = first.text.trim_start();
        let description = row.cells.get(self.description_index());
        let lower_case = first.starts_with(char::is_lowercase);
        let first_goes_on = lower_case
            || (!first.is_empty() && description.is_some_and(|cell| self.words.ends_open(cell)));
        // Under a first cell going on, a cell that goes on with the row's own
        // may hold a figure ("entro il 31 dicembre" / "2023"), but a weight
        // opens a row.
        let goes_on_with_the_row = |index: usize, text: &str| {
            let above = row.cells.get(index + 1).map_or("", |cell| cell.trim());
            first_goes_on && !above.is_empty() && !is_weight(text)
        };
        let others_go_on = others.iter().enumerate().all(|(index, cell)| {
            let text = cell.text.trim();
            text.is_empty() || goes_on_in_lower_case(text) || goes_on_with_the_row(index, text)
        });
        first_goes_on && others_go_on
    }
}

/// Whether a wrapped cell's text goes on in lower case, an opening bracket
/// before it or not ("(pluriennale)", "(salvo"): a cell that opens a row
/// opens with a capital or a figure ("(15%)").
fn goes_on_in_lower_case(text: &str) -> bool {
    text.trim_start_matches(['(', '[', '"', '«'])
        .starts_with(char::is_lowercase)
}
