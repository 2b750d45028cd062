//! The objectives table's header: its columns, the label it gives the
//! objectives, and its cells wrapped over several lines.

use piano_model::reference::fold;
use piano_model::{Code, Diagnostic, Head, LineRole, TextLine};

use super::{HeldHeader, SectionBuilder, Table};
use crate::content_columns::UnheadedColumns;
use crate::line::{StructureHeading, header_columns, is_header_piece};
use crate::text::{clean, join_wrapped};
use crate::vocabulary::{Column, Vocabulary};

impl HeldHeader {
    /// The objectives header a plan prints once above its first structure's
    /// heading, read as a structure reads its own: it holds over the
    /// structures below. `None` for another table's header (a staff table's).
    pub fn printed_alone(
        columns: Vec<Option<Column>>,
        line: &TextLine,
        words: &Vocabulary,
        unheaded: &UnheadedColumns,
    ) -> Option<HeldHeader> {
        let nameless = StructureHeading {
            kind: None,
            name: String::new(),
            head: Head::default(),
        };
        let mut reader = SectionBuilder::new(0, nameless, line, words, None, unheaded);
        reader.table_header(columns, line);
        reader.held_header()
    }
}

impl SectionBuilder<'_> {
    /// A table header row: the objectives table, or the staff table when it names employees.
    pub fn table_header(&mut self, columns: Vec<Option<Column>>, line: &TextLine) {
        let text = fold(&line.to_tab_separated());
        if self.repeats_header(&text) {
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
        self.header_pieces.clear();
        self.set_columns(columns);
    }

    /// A group's label on a line of its own above the table header below it
    /// (see [`is_group_label`](crate::line::is_group_label)): the header's,
    /// whose cells name the columns; the text above it does not go on.
    /// Above a repeat of the header (`below`) after a page break, the
    /// objectives table's or a card's phase table's, it is set aside with
    /// it: the row above may go on below them.
    pub fn group_label(&mut self, line: &TextLine, below: &TextLine) {
        if self.repeats_header(&fold(&below.to_tab_separated())) || self.repeats_phase_header(below)
        {
            let diagnostic = Diagnostic::new(
                Code::PageFurniture,
                "a group's label over the table header repeated after a page break, set aside",
            );
            self.diagnostics.push(self.locate(line)(diagnostic));
            self.role(line, LineRole::Furniture);
            return;
        }
        self.finish_row();
        self.role(line, LineRole::TableHeader);
    }

    /// Whether a line whose cells read `text` (folded) repeats the
    /// objectives table's header.
    fn repeats_header(&self, text: &str) -> bool {
        self.table == Table::Objectives && self.header_text.as_deref() == Some(text)
    }

    /// Whether `cells`, under a repeat of the header, are the pieces the
    /// header wrapped onto the lines below it when first printed: a row's
    /// cell wrapped past the page's foot may be short and plain too.
    pub(super) fn repeats_header_pieces(&self, cells: &[String]) -> bool {
        cells
            .iter()
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
            .all(|cell| self.header_pieces.contains(&fold(cell)))
    }

    /// Takes the columns of the objectives table, and its label unless an
    /// earlier table of the structure gave one.
    fn set_columns(&mut self, columns: Vec<Option<Column>>) {
        let label = columns
            .iter()
            .position(|c| *c == Some(Column::Description))
            .and_then(|index| self.header_cells.as_ref()?.get(index))
            .and_then(|header| objectives_label(header, self.words));
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
        self.columns_from_header = true;
    }

    /// Whether `line`, right under a table header no row has followed yet,
    /// holds only the ends of its names wrapped: pieces without figures, each
    /// going on in small letters or with a sign under a filled cell of the
    /// header ("Descrizione" / "fase", "Peso" / "%."), where a row's text
    /// would open with a capital.
    pub(super) fn wraps_the_header(&self, line: &TextLine) -> bool {
        let Some(header) = &self.header_cells else {
            return false;
        };
        let mut pieces = line
            .cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| !cell.text.trim().is_empty())
            .peekable();
        pieces.peek().is_some()
            && pieces.all(|(index, cell)| {
                let piece = cell.text.trim();
                is_header_piece(piece)
                    && !piece.starts_with(char::is_uppercase)
                    && header
                        .get(index)
                        .is_some_and(|name| !name.trim().is_empty())
            })
    }

    /// A header row wrapped onto a second line: its pieces join the header's cells.
    pub(super) fn continue_header(&mut self, cells: &[String], line: &TextLine) {
        let diagnostic = Diagnostic::new(
            Code::CellWrapped,
            "the table header wraps onto this line; its pieces join the header's cells",
        );
        self.diagnostics.push(self.locate(line)(diagnostic));
        self.role(line, LineRole::TableHeader);
        let Some(header) = self.header_cells.as_mut() else {
            return;
        };
        let pieces: Vec<(usize, &String)> = cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| !cell.trim().is_empty())
            .collect();
        for &(index, cell) in &pieces {
            self.header_pieces.push(fold(cell.trim()));
            if header.len() <= index {
                header.resize(index + 1, String::new());
            }
            header[index] = join_wrapped(&header[index], cell);
        }
        let joined: Vec<&str> = header.iter().map(|cell| cell.trim()).collect();
        let mut columns = header_columns(&joined, self.words);
        // A two-level header: a group's label ("Misurazione") over the
        // columns named on the line below ("Indicatori", "Valori Attesi").
        for (index, piece) in pieces {
            if columns.get(index) == Some(&None) {
                columns[index] = self.words.column(piece);
            }
        }
        if self.table == Table::Phases {
            self.remember_phase_header_line(line, false);
            // A card's phase table labels no objectives.
            self.columns = columns;
            self.columns_from_header = true;
        } else {
            self.set_columns(columns);
        }
    }
}

/// The description column's header without a leading "Descrizione" (the
/// profile's `objectives_label_drop`).
pub(super) fn objectives_label(header: &str, words: &Vocabulary) -> Option<String> {
    let header = clean(header);
    let label = match words.after_label_drop(&header) {
        Some(rest) => rest.trim().to_owned(),
        None => header,
    };
    (!label.is_empty()).then_some(label)
}
