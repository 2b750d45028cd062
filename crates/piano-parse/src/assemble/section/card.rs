//! Objective cards (schede obiettivo): an objective given as labelled fields
//! ("Descrizione", "Peso", "Scadenza" …) under "Obiettivo n. 3", with its
//! phases in a small table of the card's own.

use piano_model::{Code, Diagnostic, Entry, LineRole, LineSpan, Objective, TextLine};

use super::{SectionBuilder, Table};
use crate::assemble::row::{RawRow, parse_due_cell};
use crate::line::head_line;
use crate::text::{clean, join_wrapped};
use crate::token::due::looks_like_due;
use crate::token::number::{RowNumber, parse_row_number};
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::Column;
use crate::vocabulary::RowCode;

/// The columns of a phase table whose header could not be read: the phase,
/// its weight, its due date (cells are placed by content where they differ).
const PHASE_COLUMNS: [Option<Column>; 3] = [
    Some(Column::Description),
    Some(Column::Weight),
    Some(Column::Due),
];

/// The card field read last, which a wrapped value goes on with.
#[derive(Debug, Clone, Copy)]
pub(super) struct LastCardField {
    column: Column,
    /// Whether its label and value share its line's one cell ("Peso: 20%"),
    /// as in a card set as running text, whose values wrap onto lines of
    /// one cell.
    inline: bool,
    /// The last line it was read from.
    line: u32,
}

impl SectionBuilder<'_> {
    /// Whether the lines being read belong to an objective card.
    pub(super) fn in_card(&self) -> bool {
        matches!(self.table, Table::Card | Table::Phases)
    }

    /// "Obiettivo n. 3": a card opens; its number is kept as written. A
    /// title after it is the card's description, which a line below going
    /// on under it continues, as a field's value.
    pub fn card_opener(&mut self, number: String, title: Option<String>, line: &TextLine) {
        self.finish_row();
        self.place_fragments();
        self.table = Table::Card;
        self.last_card_field = title.as_ref().map(|_| LastCardField {
            column: Column::Description,
            inline: false,
            line: line.last,
        });
        self.role(line, LineRole::Objective);
        self.structure.objectives.push(Objective {
            entry: Entry {
                number,
                description: title.unwrap_or_default(),
                lines: line.span(),
                page: line.page,
                ..Entry::default()
            },
            category: None,
            phases: Vec::new(),
        });
    }

    /// A labelled field: of the open card, or, before any card, the
    /// structure's head ("Responsabile: …").
    pub fn card_field(&mut self, column: Column, value: &str, line: &TextLine) {
        if self.table == Table::Phases && self.wraps_the_header(line) {
            // "Descrizione" / "fase": the phase table's header wrapped,
            // whatever field its pieces might name.
            let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
            self.continue_header(&cells, line);
            return;
        }
        if !self.in_card() {
            let head_unknown = self.structure.head.name.is_none();
            match head_line(&line.to_tab_separated().replacen('\t', ": ", 1), self.words) {
                Some(head) if head_unknown => {
                    self.structure.head = head;
                    self.role(line, LineRole::StructureField);
                }
                _ => self.fragment(line),
            }
            return;
        }
        // A field's label alone in lower case right under an inline field
        // is its value wrapped ("Approvazione entro la" / "scadenza.").
        let lower_case = line
            .to_tab_separated()
            .trim()
            .starts_with(char::is_lowercase);
        if value.trim().is_empty() && lower_case && self.wraps_an_inline_card_field(line) {
            let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
            self.continue_card_field(&cells, line);
            return;
        }
        self.finish_row();
        self.table = Table::Card;
        self.last_card_field = Some(LastCardField {
            column,
            inline: filled_cells(line) == 1 || label_closes_in_its_cell(line),
            line: line.last,
        });
        self.set_card_field(column, value, false, line);
    }

    /// A line with an empty first cell under a card field: its value wraps.
    pub(super) fn continue_card_field(&mut self, cells: &[String], line: &TextLine) {
        let Some(last) = self.last_card_field.as_mut() else {
            self.fragment(line);
            return;
        };
        last.line = line.last;
        let column = last.column;
        let text = clean(&cells.join(" "));
        self.set_card_field(column, &text, true, line);
    }

    /// The card field `line`'s label names: its first cell, or, on a line
    /// of one cell, the words before its colon ("Peso: 20%").
    pub(super) fn card_label_of(&self, line: &TextLine) -> Option<Column> {
        let first = line.cells.first().map_or("", |cell| cell.text.trim());
        let label = match filled_cells(line) {
            1 => first.split_once(':').map_or(first, |(label, _)| label),
            _ => first,
        };
        self.words.card_label(label.trim().trim_end_matches(':'))
    }

    /// Whether `line`, of one cell of text, is the value of the inline card
    /// field right above it wrapped onto a line of its own ("Responsabile:
    /// Geom." / "Andrea Rossi"), as a card set in a narrow column of
    /// running text wraps. A line naming a column or, in capitals, a card's
    /// field ("Fasi", "Scadenza", "INDICATORI DI RISULTATO" over a blank
    /// value) opens what follows instead, unless it goes on in lower case
    /// ("Approvazione entro la" / "scadenza."), and so does a field's label
    /// before a colon ("Scadenza: entro il").
    pub(super) fn wraps_an_inline_card_field(&self, line: &TextLine) -> bool {
        let text = line.to_tab_separated();
        let text = text.trim();
        let labelled = text
            .split_once(':')
            .is_some_and(|(label, _)| self.words.card_label(label.trim()).is_some());
        self.last_card_field.is_some_and(|last| {
            self.table == Table::Card
                && last.inline
                && line.number == last.line + 1
                && filled_cells(line) == 1
                && !labelled
                && (text.starts_with(char::is_lowercase) || !self.opens_a_field(text))
        })
    }

    /// Whether `line`, a label's last word and a value ("OPERATIVI" | "in
    /// conformità …"), goes on the card field right above it whose label
    /// and value both wrapped in their cells ("DESCRIZIONE OBIETTIVI" |
    /// "… sulla sezione Trasparente,"): the word names no field and is all
    /// letters, and the value above ends open, with no full stop, or the
    /// value goes on in small letters ("(D.Lgs." / "n. 33/2013"); a field
    /// the profile does not know stands under a value that ends.
    pub(super) fn wraps_a_card_field_in_cells(&self, line: &TextLine) -> bool {
        let texts: Vec<&str> = line
            .cells
            .iter()
            .map(|cell| cell.text.trim())
            .filter(|text| !text.is_empty())
            .collect();
        let (Some(word), 2) = (line.cells.first().map(|cell| cell.text.trim()), texts.len()) else {
            return false;
        };
        let Some(last) = self.last_card_field.filter(|last| {
            self.table == Table::Card && !last.inline && line.number == last.line + 1
        }) else {
            return false;
        };
        let lone_word = !word.is_empty() && word.chars().all(char::is_alphabetic);
        let names_a_field =
            self.words.card_label(word).is_some() || self.words.is_column_name(word);
        let open = self.structure.objectives.last().is_some_and(|objective| {
            let entry = &objective.entry;
            let value = match last.column {
                Column::Description => Some(&entry.description),
                Column::Indicators => entry.indicators.as_ref(),
                Column::Expected => entry.expected.as_ref(),
                Column::Responsible => entry.responsible.as_ref(),
                Column::Note => entry.achievement_note.as_ref(),
                _ => None,
            };
            value.is_some_and(|value| !value.is_empty() && !value.trim_end().ends_with('.'))
        }) || texts[1].starts_with(char::is_lowercase);
        lone_word && !names_a_field && open
    }

    /// Whether `text`, a line of its own, opens a field of its own: a
    /// column's name, or a card field's label in capitals (a value may open
    /// with a column's word, "Tempi medi di pagamento", but is no heading).
    fn opens_a_field(&self, text: &str) -> bool {
        let in_capitals =
            text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
        self.words.is_column_name(text) || in_capitals && self.words.card_label(text).is_some()
    }

    /// Sets a field of the open card; a value that `continues` the field's
    /// wrapped text joins it.
    fn set_card_field(&mut self, column: Column, value: &str, continues: bool, line: &TextLine) {
        let year = self.plan_year;
        let Some(objective) = self.structure.objectives.last_mut() else {
            self.fragment(line);
            return;
        };
        // A label that names no field of a card (below) makes the line a
        // fragment after all, whose role is decided with the others.
        self.roles.set_line(line, LineRole::CardField);
        let entry = &mut objective.entry;
        entry.lines = entry.lines.cover(line.span());
        // A label with nothing after it ("Valore atteso:") leaves its field
        // empty, as a blank value cell does.
        let join = |field: &mut Option<String>| {
            *field = match field.take() {
                Some(before) => Some(join_wrapped(&before, value)),
                None => Some(value.to_owned()).filter(|value| !value.trim().is_empty()),
            };
        };
        match column {
            Column::Description if continues => {
                entry.description = join_wrapped(&entry.description, value);
            }
            Column::Description => entry.description = value.to_owned(),
            Column::Indicators => join(&mut entry.indicators),
            Column::Expected => join(&mut entry.expected),
            Column::Responsible => join(&mut entry.responsible),
            Column::Note => join(&mut entry.achievement_note),
            Column::Weight | Column::Achievement => {
                let number = entry.number.clone();
                match parse_weight(value).filter(|token| token.rest.trim().is_empty()) {
                    Some(token) if column == Column::Weight => entry.weight = Some(token.value),
                    Some(token) => entry.achievement = Some(token.value),
                    None => {
                        let diagnostic = Diagnostic::new(
                            Code::WeightUnparsed,
                            format!("objective {number}: {value:?} is not a percentage"),
                        )
                        .for_number(number);
                        self.diagnostics.push(self.locate(line)(diagnostic));
                    }
                }
            }
            Column::Due => {
                let number = entry.number.clone();
                let LineSpan(first, last) = entry.lines;
                let wrapped = entry.due.is_some();
                let raw = match entry.due.take() {
                    Some(due) => join_wrapped(&due.raw, value),
                    None => value.to_owned(),
                };
                if raw.trim().is_empty() {
                    return;
                }
                if wrapped {
                    // What was said of the due's first line ("entro il": no
                    // date) is said again of the whole, or no more.
                    self.diagnostics.retain(|said| {
                        !(matches!(said.code, Code::DueUnparsed | Code::DueRepaired)
                            && said.line.is_some_and(|at| (first..=last).contains(&at)))
                    });
                }
                let locate = self.locate(line);
                let due = parse_due_cell(&raw, year, &number, &mut self.diagnostics, &locate);
                if let Some(objective) = self.structure.objectives.last_mut() {
                    objective.entry.due = Some(due);
                }
            }
            Column::Number | Column::Employee | Column::Objective | Column::HeadWeight => {
                self.fragment(line)
            }
        }
    }

    /// A card's phase table whose header piano could not read as one (a PDF
    /// that ran two of its cells together): a line opening with the phase
    /// column's label is that header, and a line of a phase's text with a
    /// weight or a date is its first row. False when `line` is neither.
    pub(super) fn phase_table_without_header(&mut self, line: &TextLine) -> bool {
        let first = line.cells.first().map_or("", |cell| cell.text.trim());
        if self.words.column(first) == Some(Column::Description) {
            self.phase_table_header(PHASE_COLUMNS.to_vec(), line);
            return true;
        }
        let dated_or_weighted = line
            .cells
            .iter()
            .skip(1)
            .any(|cell| is_weight(cell.text.trim()) || looks_like_due(cell.text.trim()));
        if dated_or_weighted {
            // Columns assumed, not printed: the rows below are read as such.
            self.columns = PHASE_COLUMNS.to_vec();
            self.columns_from_header = false;
            self.phase_row(line);
        }
        dated_or_weighted
    }

    /// The header of a card's phase table.
    pub(super) fn phase_table_header(&mut self, columns: Vec<Option<Column>>, line: &TextLine) {
        self.finish_row();
        self.table = Table::Phases;
        self.role(line, LineRole::TableHeader);
        self.remember_phase_header_line(line, true);
        self.header_cells = Some(line.cells.iter().map(|cell| cell.text.clone()).collect());
        if !columns.contains(&Some(Column::Weight)) {
            let card = self.structure.objectives.len().saturating_sub(1);
            self.unweighted_phases.push(card);
        }
        self.columns = columns;
        self.columns_from_header = true;
    }

    /// A row of a card's phase table that opens with its own number or code
    /// (`cells`, that number split off the phase's text where they shared a
    /// cell: `merged`). Phases are numbered from their card, so the number
    /// is left out unless the table's header gives it a column; a code of
    /// another scheme ("a)") is kept as the phase's `code`.
    pub(super) fn numbered_phase_row(
        &mut self,
        line: &TextLine,
        cells: Vec<String>,
        merged: bool,
        code: Option<RowCode>,
    ) {
        if merged {
            let written = cells.first().cloned().unwrap_or_default();
            self.merged_number_repaired(&written, line);
        }
        let numbered = self.columns.contains(&Some(Column::Number));
        self.phase_row_of(line, cells);
        if let Some(row) = self.pending.as_mut() {
            row.code = code;
            if !numbered {
                row.take_out_number();
            }
        }
    }

    /// A row of a card's phase table: the card's next phase, numbered from
    /// the card's number and the phase's ordinal.
    pub(super) fn phase_row(&mut self, line: &TextLine) {
        let cells = line.cells.iter().map(|cell| cell.text.clone()).collect();
        self.phase_row_of(line, cells);
    }

    /// A line behind empty cells under a card's fields that opens with a
    /// phase number of the open card ("" | "2.1" | "Avvio" | "100" |
    /// "15.1.2024" in card 2): the card's one phase, its table printed
    /// without a header behind an empty first column, which no other row
    /// shows to be a table; its cells from the number on. `None` for a
    /// field's value wrapped there.
    pub(super) fn own_phase_behind_empty_cells(&self, cells: &[String]) -> Option<Vec<String>> {
        let card = self.structure.objectives.last()?;
        let card = parse_row_number(&card.entry.number)?;
        let first = cells.iter().position(|cell| !cell.trim().is_empty())?;
        let number = parse_row_number(&cells[first])?;
        let own =
            number.parts.len() == card.parts.len() + 1 && number.parts.starts_with(&card.parts);
        let rest = cells[first + 1..]
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .count();
        (first > 0 && own && rest >= 2).then(|| cells[first..].to_vec())
    }

    /// Whether `line`, behind empty cells, is a row of a phase table printed
    /// without a header behind a column left empty ("" | "Avvio del
    /// lavoro" | "50%" | "30.06.2024"): the phase's text, not a number,
    /// then a weight or a due in a cell of its own, where a field's value
    /// wrapped fills one cell. Under the card's fields it opens the table;
    /// under a row of it read so, behind as many cells, it is the next row
    /// (a phase's text wrapped there has no figures of its own).
    pub(super) fn phase_behind_empty_cells(&self, line: &TextLine) -> bool {
        let Some(first) = line
            .cells
            .iter()
            .position(|cell| !cell.text.trim().is_empty())
        else {
            return false;
        };
        let text = line.cells[first].text.trim();
        let figures = line.cells[first + 1..].iter().any(|cell| {
            let cell = cell.text.trim();
            is_weight(cell) || looks_like_due(cell)
        });
        let row = first > 0
            && figures
            && parse_row_number(text).is_none()
            && text.chars().any(char::is_alphabetic);
        row && match self.table {
            Table::Card => true,
            Table::Phases => {
                self.columns == PHASE_COLUMNS
                    && !self.columns_from_header
                    && self
                        .pending
                        .as_ref()
                        .is_some_and(|row| row.behind() == first)
            }
            _ => false,
        }
    }

    /// A row of a phase table printed without a header behind a column
    /// left empty (see [`SectionBuilder::phase_behind_empty_cells`]): read
    /// as such a table's rows are, its blank cells left out.
    pub(super) fn phase_row_behind_empty_cells(&mut self, line: &TextLine) {
        self.columns = PHASE_COLUMNS.to_vec();
        self.columns_from_header = false;
        self.phase_row(line);
    }

    /// The card's next phase, of `cells` read from `line`. Under no
    /// printed header, a blank cell is a column the table leaves empty
    /// ("a)" | "" | "Avvio" | "20" | "31.12.2025"), which the columns
    /// assumed for it have no place for: blank cells are left out, so that
    /// the phase's text, weight and due fall in the columns assumed.
    fn phase_row_of(&mut self, line: &TextLine, cells: Vec<String>) {
        self.finish_row();
        self.table = Table::Phases;
        self.header_cells = None;
        let Some(objective) = self.structure.objectives.last() else {
            self.fragment(line);
            return;
        };
        let ordinal = objective.phases.len() + 1;
        let number = RowNumber {
            parts: vec![0, u32::try_from(ordinal).unwrap_or(u32::MAX)],
            text: format!("{}.{ordinal}", objective.entry.number),
        };
        let mut row = RawRow::new(number, cells, line.span(), line.page);
        if !self.columns_from_header {
            row.leave_out_blank_cells();
        }
        self.pending = Some(row);
    }
}

/// Whether the label of `line`, one line of the file, closes with a colon
/// in its first cell, with the value's first words after it or not
/// ("Termine: entro il" | "1", "Data Fine Attesa:" | "1"): a field written
/// as running text, cut at a gap by the rebuild, whose value wraps onto
/// lines of one cell. (A row the rebuild made of several lines may hold
/// the next field's label wrapped into the first cell: "Valore atteso
/// Scadenza:".)
fn label_closes_in_its_cell(line: &TextLine) -> bool {
    line.number == line.last
        && line
            .cells
            .first()
            .is_some_and(|cell| cell.text.contains(':'))
}

/// How many of the line's cells hold text.
pub(super) fn filled_cells(line: &TextLine) -> usize {
    line.cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty())
        .count()
}

#[cfg(test)]
mod tests;
