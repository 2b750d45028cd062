//! Row labels whose letters OCR read as digits ("0B.02" under "OB.01"): a
//! first cell read by OCR that, each digit put back to the letter the label
//! above has in its place (a letter the digit is a misreading of, see
//! [`super::confusion`]), is a label of the same scheme, next in sequence.
//! Unlike other repairs, a cell read with confidence is repaired too:
//! tesseract reads a zero for a capital O sure of itself, and the label
//! above with the sequence prove more than its confidence does. Text read
//! as drawn is never touched.

use piano_model::{Code, Diagnostic, TextLine};

use super::confusion::digits_for;
use crate::token::label::{Label, parse_label};

/// Repairs the first cell of each row read by OCR whose letters the label
/// above proves; one `ocr-repaired` diagnostic each.
pub fn repair_row_labels(lines: &mut [TextLine]) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    let read_by_ocr = |line: &TextLine| line.cells.iter().any(|cell| cell.confidence.is_some());
    if !lines.iter().any(read_by_ocr) {
        return repaired;
    }
    // The last label with letters, as written and as read.
    let mut above: Option<(String, Label)> = None;
    for line in lines.iter_mut() {
        let Some(first) = line.cells.first() else {
            continue;
        };
        let text = first.text.trim().to_owned();
        if let Some(label) = lettered_label(&text) {
            above = Some((text, label));
            continue;
        }
        let filled = line
            .cells
            .iter()
            .filter(|cell| !cell.text.trim().is_empty());
        if first.confidence.is_none() || filled.count() < 2 {
            continue;
        }
        let Some((above_text, above_label)) = &above else {
            continue;
        };
        let Some(reading) = letters_put_back(&text, above_text) else {
            continue;
        };
        let Some(label) = lettered_label(&reading).filter(|label| comes_after(above_label, label))
        else {
            continue;
        };
        let mut diagnostic = Diagnostic::new(
            Code::OcrRepaired,
            format!(
                "row label {text:?}, recognised by OCR, read as {reading}: the letters of {above_text} above it, and next in sequence"
            ),
        )
        .at_line(line.number, line.page);
        diagnostic.excerpt = Some(text);
        repaired.push(diagnostic);
        line.cells[0].text = reading.clone();
        above = Some((reading, label));
    }
    repaired
}

/// The label `text` is, when it has letters ("OB.02", not "2").
fn lettered_label(text: &str) -> Option<Label> {
    let label = parse_label(text, &[])?;
    (text.chars().any(char::is_alphabetic) && !label.marked_phase).then_some(label)
}

/// `read` with each digit that stands where `above` has a letter it may be
/// a misreading of put back to that letter; `None` when none is, or the two
/// differ in length.
fn letters_put_back(read: &str, above: &str) -> Option<String> {
    if read.chars().count() != above.chars().count() {
        return None;
    }
    let mut changed = false;
    let reading = read
        .chars()
        .zip(above.chars())
        .map(|(read, letter)| {
            let misread = letter.is_alphabetic() && digits_for(letter).contains(&read);
            changed |= misread;
            if misread { letter } else { read }
        })
        .collect();
    changed.then_some(reading)
}

/// Whether `label` comes right after `above`: as many parts, each of the
/// same scheme, the last one more.
fn comes_after(above: &Label, label: &Label) -> bool {
    let (Some((last_above, head_above)), Some((last, head))) =
        (above.parts.split_last(), label.parts.split_last())
    else {
        return false;
    };
    head.len() == head_above.len()
        && head
            .iter()
            .zip(head_above)
            .all(|(a, b)| a.value == b.value && a.scheme == b.scheme)
        && last.scheme == last_above.scheme
        && last.value == last_above.value + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr_repair::rows::{firsts, row};

    #[test]
    fn a_letter_read_as_a_digit_is_put_back_from_the_label_above() {
        let mut lines = vec![
            row(3, &["OB.01", "Archivio", "40%"], Some(0.9)),
            row(4, &["Azione 1", "Schedatura", "100%"], Some(0.9)),
            row(5, &["0B.02", "Referendum", "60%"], Some(0.4)),
        ];
        let found = repair_row_labels(&mut lines);
        assert_eq!(firsts(&lines), ["OB.01", "Azione 1", "OB.02"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(5));
    }

    #[test]
    fn a_reading_out_of_sequence_or_read_as_drawn_stays() {
        for (cell, confidence) in [("0B.03", Some(0.4)), ("0B.02", None)] {
            let mut lines = vec![
                row(3, &["OB.01", "Archivio", "40%"], Some(0.9)),
                row(5, &[cell, "Referendum", "60%"], confidence),
            ];
            assert!(repair_row_labels(&mut lines).is_empty(), "{cell}");
            assert_eq!(firsts(&lines)[1], cell);
        }
    }
}
