//! A section of objective cards: per objective its opening line, its
//! labelled fields in the layout's order, then its phase table (a number
//! column when the layout prints numbers, the empty column and header as
//! drawn). The opening line and the fields are rows of the objective's
//! entry, so that its lines span the card.

use super::build::{Body, header_rows, plain_row, table, width};
use super::{EntryRef, Item, Row, Sheet};
use crate::draft::{DraftObjective, DraftStructure};
use crate::layout::Layout;
use crate::layout::columns::{Column, ColumnOrder, slots};
use crate::layout::spacing::BlankRows;

/// The columns of a phase table, a number column aside.
const PHASE_COLUMNS: [Column; 3] = [Column::Description, Column::Weight, Column::Due];

/// The cards of structure `index`; `phase_tables` counts the phase tables
/// written so far in the document (the layout's header placement says which
/// open with their header).
pub(super) fn cards(
    index: usize,
    structure: &DraftStructure,
    layout: &Layout,
    phase_tables: &mut usize,
    sheet: &mut Sheet,
) {
    let opener = table(sheet, vec![30, 94]);
    let fields = table(sheet, vec![24, 100]);
    let number = layout.phase_numbers.shows().then_some(Column::Number);
    let order = ColumnOrder(number.into_iter().chain(PHASE_COLUMNS).collect());
    let phase_slots = slots(&order, layout.empty, 0);
    let phases = table(sheet, phase_slots.iter().map(width).collect());
    let header = header_rows(phases, &phase_slots, layout, layout.wording.phase, &[]);
    for (o, objective) in structure.objectives.iter().enumerate() {
        let at = |phase| EntryRef {
            structure: index,
            objective: o,
            phase,
        };
        if o > 0 && objective.row.page_break_before {
            sheet.items.push(Item::PageEnd);
        }
        let row = &objective.row;
        let opening = layout.opener.cells(&row.entry.number, &row.cells[1]);
        let mut card = vec![entry(opener, opening, at(None))];
        for cells in card_fields(structure, objective, layout) {
            card.push(entry(fields, cells, at(None)));
        }
        for (n, row) in card.into_iter().enumerate() {
            if n > 0 && layout.blank_rows == BlankRows::EveryRow {
                sheet.items.push(Item::Blank);
            }
            sheet.items.push(Item::Row(row));
        }
        sheet.items.push(Item::Blank);
        if objective.phases.is_empty() {
            continue;
        }
        let rows: Vec<_> = objective
            .phases
            .iter()
            .enumerate()
            .map(|(p, phase)| (at(Some(p)), phase))
            .collect();
        let body = Body {
            table: phases,
            slots: &phase_slots,
            header: &header,
            opens: layout.header.opens_table(*phase_tables),
        };
        body.write(
            &rows,
            |_| layout.blank_rows != BlankRows::None,
            layout,
            sheet,
        );
        *phase_tables += 1;
        sheet.items.push(Item::Blank);
    }
}

/// A row of cells that belongs to the entry at `at`.
fn entry(table: usize, cells: Vec<String>, at: EntryRef) -> Row {
    Row {
        entry: Some(at),
        ..plain_row(table, cells)
    }
}

/// The card's fields in the layout's order, each as its cells.
fn card_fields(
    structure: &DraftStructure,
    objective: &DraftObjective,
    layout: &Layout,
) -> Vec<Vec<String>> {
    let wording = &layout.wording;
    layout
        .order
        .0
        .iter()
        .filter(|&&column| column != Column::Number)
        .filter_map(|&column| {
            let label = match column {
                Column::Description => structure.description_header.as_str(),
                other => wording.word(other),
            };
            let value = objective.row.cells.get(column.cell()?)?;
            let label = layout.fields.label(label);
            let short = matches!(column, Column::Weight | Column::Due);
            Some(layout.card_fields.cells(&label, value, short))
        })
        .collect()
}
