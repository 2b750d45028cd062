//! A card's fields laid out as a grid: a line of labels ("Peso",
//! "Indicatore", "Valore atteso", "Scadenza") over a line of their values,
//! as a card drawn as a table of a few columns gives them.

use piano_model::{LineRole, TextLine};

use super::SectionBuilder;
use super::card::filled_cells;
use crate::vocabulary::Column;

/// The labels of a card's line of labels, by cell, waiting for the line of
/// values right under them.
#[derive(Debug, Clone)]
pub(super) struct CardLabels {
    /// The field each cell's label names; `None` for an empty cell.
    columns: Vec<Option<Column>>,
    /// The last input line of the labels.
    line: u32,
}

/// Fewest labels on a line of a card's labels.
const MIN_LABELS: usize = 2;

impl SectionBuilder<'_> {
    /// Takes `line`, within a card, as a line of its fields' labels when
    /// every filled cell is one, two or more, none naming the phase or its
    /// number (a phase table's header): their values are on the next line.
    /// False when it is not such a line.
    pub(super) fn card_label_row(&mut self, line: &TextLine) -> bool {
        if !self.in_card() {
            return false;
        }
        let columns: Vec<Option<Column>> = line
            .cells
            .iter()
            .map(|cell| Some(cell.text.trim()).filter(|text| !text.is_empty()))
            .map(|text| text.and_then(|text| self.words.card_label(text)))
            .collect();
        let labels = columns.iter().flatten().count();
        // A phase table's header names the phase (a description) or its
        // number: its rows are phases, not the card's values.
        let names_rows = columns
            .iter()
            .flatten()
            .any(|column| matches!(column, Column::Description | Column::Number));
        if labels < MIN_LABELS || labels != filled_cells(line) || names_rows {
            return false;
        }
        self.card_labels = Some(CardLabels {
            columns,
            line: line.last,
        });
        self.role(line, LineRole::CardField);
        true
    }

    /// Takes `line` as the values of the line of labels right above it, each
    /// cell the field its label names. False (and the labels forgotten)
    /// for any other line.
    pub fn card_values(&mut self, line: &TextLine) -> bool {
        let Some(labels) = self.card_labels.take() else {
            return false;
        };
        if line.number != labels.line + 1 {
            return false;
        }
        let mut taken = false;
        for (cell, column) in line.cells.iter().zip(&labels.columns) {
            if let Some(column) = column
                && !cell.text.trim().is_empty()
            {
                self.card_field(*column, &cell.text, line);
                taken = true;
            }
        }
        taken
    }
}
