//! A draft and a layout to a [`Sheet`]: the ente lines, title and preamble,
//! then per structure its headings (a struttura-table's or a card
//! section's heading and fields, a code table's MISSIONE and PROGRAMMA
//! headings, a weight matrix's caption), objectives table (columns in the
//! layout's order, its header where the layout places it, blank lines and
//! page breaks as drawn, a matrix's total rows) or cards (see
//! [`super::cards`]), and staff table.

use piano_model::PreambleSection;

use super::cards::cards;
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
    let mut phase_tables = 0;
    for (index, structure) in draft.structures.iter().enumerate() {
        match layout.family {
            Family::StrutturaTable | Family::ResultsReport | Family::ObjectiveCards => {
                heading_and_fields(index, structure, &mut sheet);
            }
            Family::CodeTable => {
                let previous = index.checked_sub(1).map(|i| &draft.structures[i]);
                budget_headings(index, structure, previous, layout, &mut sheet);
            }
            Family::WeightMatrix => sheet
                .items
                .push(Item::Heading(index, structure.header.clone())),
        }
        if layout.family == Family::ObjectiveCards {
            cards(index, structure, layout, &mut phase_tables, &mut sheet);
        } else {
            objectives_table(index, structure, layout, &mut sheet);
        }
        staff_table(structure, &mut sheet);
        let last = index + 1 == draft.structures.len();
        if layout.family != Family::CodeTable || last {
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
    if structure.keys.is_empty() {
        return;
    }
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
/// with blank lines and page breaks as drawn, a matrix's total rows.
fn objectives_table(index: usize, structure: &DraftStructure, layout: &Layout, sheet: &mut Sheet) {
    let slots = slots(&layout.order, layout.empty, structure.heads.len());
    let objectives = table(sheet, slots.iter().map(width).collect());
    let description = &structure.description_header;
    let header = header_rows(objectives, &slots, layout, description, &structure.heads);
    let rows: Vec<(EntryRef, &DraftRow)> = structure
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(o, objective)| {
            let at = move |phase| EntryRef {
                structure: index,
                objective: o,
                phase,
            };
            let phases = objective.phases.iter().enumerate();
            std::iter::once((at(None), &objective.row))
                .chain(phases.map(move |(p, row)| (at(Some(p)), row)))
        })
        .collect();
    let blank = |at: EntryRef| match layout.blank_rows {
        BlankRows::None => false,
        BlankRows::BetweenObjectives => at.phase.is_none(),
        BlankRows::EveryRow => true,
    };
    let body = Body {
        table: objectives,
        slots: &slots,
        header: &header,
        opens: layout.header.opens_table(index),
    };
    body.write(&rows, blank, layout, sheet);
    for (labels, values) in layout.footer.rows(structure) {
        let cells = slots
            .iter()
            .map(|slot| match slot {
                Slot::Filled(Column::Number) => labels[0].clone(),
                Slot::Filled(Column::Description) => labels[1].clone(),
                Slot::Filled(Column::Head(at)) => values.get(*at).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .collect();
        sheet.items.push(Item::Row(plain_row(objectives, cells)));
    }
}

/// The header rows of a table of `slots` (`description`: the description
/// column's header; `heads`: a matrix's head columns).
pub(super) fn header_rows(
    table: usize,
    slots: &[Slot],
    layout: &Layout,
    description: &str,
    heads: &[String],
) -> Vec<Row> {
    header_lines(slots, &layout.wording, description, heads, layout.shape)
        .into_iter()
        .map(|cells| Row {
            header: true,
            ..plain_row(table, cells)
        })
        .collect()
}

/// A table's header and rows, as a layout lays them out.
pub(super) struct Body<'a> {
    /// The table's index in [`Sheet::tables`].
    pub table: usize,
    /// Its columns.
    pub slots: &'a [Slot],
    /// Its header rows.
    pub header: &'a [Row],
    /// Whether the table opens with its header.
    pub opens: bool,
}

impl Body<'_> {
    /// Writes the header (when the table opens with it) and `rows`, a blank
    /// line before every row but the first that `blank` picks, the page
    /// breaks the draft places as the layout draws them.
    pub fn write(
        &self,
        rows: &[(EntryRef, &DraftRow)],
        blank: impl Fn(EntryRef) -> bool,
        layout: &Layout,
        sheet: &mut Sheet,
    ) {
        if self.opens {
            sheet
                .items
                .extend(self.header.iter().cloned().map(Item::Row));
        }
        let repeated = if layout.header.repeats_after_break() {
            self.header.to_vec()
        } else {
            Vec::new()
        };
        for (n, &(at, row)) in rows.iter().enumerate() {
            if n > 0 && blank(at) {
                sheet.items.push(Item::Blank);
            }
            let mut laid = entry_row(self.table, self.slots, row, at);
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
pub(super) fn table(sheet: &mut Sheet, widths: Vec<usize>) -> usize {
    sheet.tables.push(widths);
    sheet.tables.len() - 1
}

/// The width at which a column's cells wrap in formats that wrap them.
pub(super) fn width(slot: &Slot) -> usize {
    match slot {
        Slot::Filled(Column::Number) => 8,
        Slot::Filled(Column::Description) => 44,
        Slot::Filled(Column::Weight) => 10,
        Slot::Filled(Column::Indicators | Column::Expected) => 30,
        Slot::Filled(Column::Due) => 24,
        Slot::Filled(Column::Responsible) => 24,
        Slot::Filled(Column::Achievement) => 14,
        Slot::Filled(Column::Note) => 30,
        Slot::Filled(Column::Heads | Column::Head(_)) => 12,
        Slot::Empty(_) => 6,
    }
}

/// A row holding no entry, not split.
pub(super) fn plain_row(table: usize, cells: Vec<String>) -> Row {
    Row {
        table,
        cells,
        header: false,
        entry: None,
        split: None,
    }
}

/// The row of a draft entry, its cells in slot order.
pub(super) fn entry_row(table: usize, slots: &[Slot], row: &DraftRow, at: EntryRef) -> Row {
    let cells = slots
        .iter()
        .map(|slot| match slot {
            Slot::Filled(column) => column
                .cell()
                .and_then(|at| row.cells.get(at))
                .cloned()
                .unwrap_or_default(),
            Slot::Empty(_) => String::new(),
        })
        .collect();
    Row {
        entry: Some(at),
        ..plain_row(table, cells)
    }
}
