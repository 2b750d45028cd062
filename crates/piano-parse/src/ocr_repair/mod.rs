//! OCR errors repaired where the plan's own structure proves them.
//!
//! Only cells recognised by OCR with a confidence under
//! [`piano_model::LOW_CONFIDENCE`] are touched (a text dump or a
//! born-digital PDF has no confidence: nothing of it is), and only where
//! one reading of the cell's confusable characters ([`confusion`]) fits
//! what the plan shows around it: a row number next in sequence
//! ([`row_number`]), a date the due grammar reads ([`due`]). The cell then
//! holds that reading, as the document printed it, and an `ocr-repaired`
//! diagnostic at its page and line says what was read, what it became and
//! why. The cell stays doubtful for the quality verdict.

mod confusion;
mod due;
mod row_number;

use piano_model::Layout;

/// Repairs the doubtful cells of `layout` the plan's structure proves,
/// adding a diagnostic for each to the layout's.
pub fn repair(layout: &mut Layout) {
    if !layout
        .lines
        .iter()
        .any(|line| line.cells.iter().any(|cell| cell.is_doubtful()))
    {
        return;
    }
    let numbers = row_number::repair_row_numbers(&mut layout.lines);
    let dates = due::repair_dates(&mut layout.lines);
    layout.diagnostics.extend(numbers);
    layout.diagnostics.extend(dates);
}
