//! The staff table of a structure: its title, its rows, and its end.

use piano_model::{Code, Diagnostic, LineRole, Staff, TextLine};

use super::{SectionBuilder, Table};
use crate::text::clean;
use crate::token::number::parse_row_number;
use crate::token::weight::parse_weight;
use crate::vocabulary::Column;

impl SectionBuilder<'_> {
    /// "Dipendenti coinvolti sugli obiettivi:": a staff table follows.
    pub fn staff_title(&mut self, line: &TextLine) {
        self.finish_row();
        self.role(line, LineRole::TableHeader);
        self.table = Table::Staff;
    }

    pub(super) fn staff_row(&mut self, line: &TextLine) {
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
    pub(super) fn close_staff_table(&mut self) {
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
