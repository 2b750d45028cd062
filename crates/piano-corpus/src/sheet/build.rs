//! A draft and a layout to a [`Sheet`]: the ente lines, title and preamble,
//! then per structure its headings (a struttura-table's heading and fields,
//! a code table's MISSIONE and PROGRAMMA headings), objectives table
//! (columns in the layout's order, its header where the layout places it,
//! blank lines and page breaks as drawn) and staff table.

use piano_model::PreambleSection;

use super::{EntryRef, Item, Row, Sheet};
use crate::draft::{Draft, DraftRow, DraftStructure};
use crate::family::Family;
use crate::layout::Layout;
use crate::layout::columns::{Column, Slot, slots};
use crate::layout::header::header_lines;
use crate::layout::spacing::{BlankRows, PageBreaks};

/// The staff table's title line.
const STAFF_TITLE: &str = "Dipendenti coinvolti sugli obiettivi:";
/// The staff table's header.
const STAFF_HEADER: [&str; 4] = ["N.", "Dipendenti", "Obiettivo", "Peso %"];

/// The sheet of `draft` (already rewritten by [`Layout::apply`]) in `layout`.
pub fn build(draft: &Draft, layout: &Layout) -> Sheet {
    let mut sheet = Sheet {
        items: Vec::new(),
        tables: Vec::new(),
        preamble: Vec::new(),
    };
    for line in &draft.ente_lines {
        sheet.items.extend([Item::Text(line.clone()), Item::Blank]);
    }
    sheet
        .items
        .extend([Item::Text(draft.title.clone()), Item::Blank]);
    preamble(draft, &mut sheet);
    let slots = slots(&layout.order, layout.empty);
    for (index, structure) in draft.structures.iter().enumerate() {
        match layout.family {
            Family::StrutturaTable => heading_and_fields(index, structure, &mut sheet),
            Family::CodeTable => {
                let previous = index.checked_sub(1).map(|i| &draft.structures[i]);
                budget_headings(index, structure, previous, layout, &mut sheet);
            }
        }
        objectives_table(index, structure, layout, &slots, &mut sheet);
        staff_table(structure, &mut sheet);
        let last = index + 1 == draft.structures.len();
        if layout.family == Family::StrutturaTable || last {
            sheet.items.push(Item::PageEnd);
        } else {
            sheet.items.push(Item::Blank);
        }
    }
    sheet
}

fn preamble(draft: &Draft, sheet: &mut Sheet) {
    for section in &draft.preamble {
        if let Some(heading) = &section.heading {
            sheet
                .items
                .extend([Item::Text(heading.clone()), Item::Blank]);
        }
        for paragraph in &section.paragraphs {
            sheet
                .items
                .extend(paragraph.iter().map(|line| Item::Text(line.clone())));
            sheet.items.push(Item::Blank);
        }
        let paragraphs: Vec<String> = section.paragraphs.iter().map(|p| p.join("\n")).collect();
        sheet.preamble.push(PreambleSection {
            heading: section.heading.clone(),
            text: paragraphs.join("\n\n"),
        });
    }
}

/// A struttura-table's heading (with its head on a line of its own when
/// the layout says so) and its labelled fields.
fn heading_and_fields(index: usize, structure: &DraftStructure, sheet: &mut Sheet) {
    sheet
        .items
        .push(Item::Heading(index, structure.header.clone()));
    if let Some(head) = &structure.head_line {
        sheet.items.push(Item::Text(head.clone()));
    }
    sheet.items.push(Item::Blank);
    let keys = table(sheet, vec![24, 100]);
    for (label, value) in &structure.keys {
        let cells = vec![label.clone(), value.clone()];
        sheet.items.push(Item::Row(plain_row(keys, cells)));
    }
    sheet.items.push(Item::Blank);
}

/// A code table's MISSIONE heading (when the mission is not the previous
/// programme's) and PROGRAMMA heading.
fn budget_headings(
    index: usize,
    structure: &DraftStructure,
    previous: Option<&DraftStructure>,
    layout: &Layout,
    sheet: &mut Sheet,
) {
    let mission = |s: &DraftStructure| s.budget.as_ref().map(|b| b.mission_code.clone());
    if let Some(budget) = &structure.budget
        && previous.and_then(mission) != mission(structure)
    {
        let heading = layout.budget_heading.mission(budget);
        sheet.items.extend([Item::Text(heading), Item::Blank]);
    }
    sheet
        .items
        .push(Item::Heading(index, structure.header.clone()));
    sheet.items.push(Item::Blank);
}

/// The objectives table: its header where the layout places it, its rows
/// with blank lines and page breaks as drawn.
fn objectives_table(
    index: usize,
    structure: &DraftStructure,
    layout: &Layout,
    slots: &[Slot],
    sheet: &mut Sheet,
) {
    let objectives = table(sheet, slots.iter().map(width).collect());
    let header: Vec<Row> = header_lines(
        slots,
        &layout.wording,
        &structure.description_header,
        layout.shape,
    )
    .into_iter()
    .map(|cells| Row {
        header: true,
        ..plain_row(objectives, cells)
    })
    .collect();
    if layout.header.opens_table(index) {
        sheet.items.extend(header.iter().cloned().map(Item::Row));
    }
    let repeated = if layout.header.repeats_after_break() {
        header
    } else {
        Vec::new()
    };
    let mut first = true;
    for (o, objective) in structure.objectives.iter().enumerate() {
        let rows = std::iter::once((None, &objective.row)).chain(
            objective
                .phases
                .iter()
                .enumerate()
                .map(|(p, r)| (Some(p), r)),
        );
        for (phase, row) in rows {
            let blank = match layout.blank_rows {
                BlankRows::None => false,
                BlankRows::BetweenObjectives => phase.is_none(),
                BlankRows::EveryRow => true,
            };
            if blank && !first {
                sheet.items.push(Item::Blank);
            }
            first = false;
            let at = EntryRef {
                structure: index,
                objective: o,
                phase,
            };
            let mut laid = entry_row(objectives, slots, row, at);
            if row.page_break_before {
                match layout.page_breaks {
                    PageBreaks::BetweenRows => {
                        sheet.items.push(Item::PageEnd);
                        sheet.items.extend(repeated.iter().cloned().map(Item::Row));
                    }
                    PageBreaks::SplitRows => laid.split = Some(repeated.clone()),
                }
            }
            sheet.items.push(Item::Row(laid));
        }
    }
}

/// The staff table, when the structure has one.
fn staff_table(structure: &DraftStructure, sheet: &mut Sheet) {
    if let Some(staff) = &structure.staff {
        sheet
            .items
            .extend([Item::Blank, Item::Text(STAFF_TITLE.to_owned()), Item::Blank]);
        let table = table(sheet, vec![6, 30, 12, 8]);
        let header = STAFF_HEADER.iter().map(|&c| c.to_owned()).collect();
        sheet.items.push(Item::Row(Row {
            header: true,
            ..plain_row(table, header)
        }));
        for row in staff {
            sheet
                .items
                .push(Item::Row(plain_row(table, row.cells.to_vec())));
        }
    }
}

/// Opens a table whose columns wrap at `widths`; returns its index.
fn table(sheet: &mut Sheet, widths: Vec<usize>) -> usize {
    sheet.tables.push(widths);
    sheet.tables.len() - 1
}

/// The width at which a column's cells wrap in formats that wrap them.
fn width(slot: &Slot) -> usize {
    match slot {
        Slot::Filled(Column::Number) => 8,
        Slot::Filled(Column::Description) => 44,
        Slot::Filled(Column::Weight) => 10,
        Slot::Filled(Column::Indicators | Column::Expected) => 30,
        Slot::Filled(Column::Due) => 24,
        Slot::Filled(Column::Responsible) => 24,
        Slot::Empty(_) => 6,
    }
}

/// A row holding no entry, not split.
fn plain_row(table: usize, cells: Vec<String>) -> Row {
    Row {
        table,
        cells,
        header: false,
        entry: None,
        split: None,
    }
}

/// The row of a draft entry, its cells in slot order.
fn entry_row(table: usize, slots: &[Slot], row: &DraftRow, at: EntryRef) -> Row {
    let cells = slots
        .iter()
        .map(|slot| match slot {
            Slot::Filled(column) => row.cells[column.cell()].clone(),
            Slot::Empty(_) => String::new(),
        })
        .collect();
    Row {
        entry: Some(at),
        ..plain_row(table, cells)
    }
}
