//! Row numbers misread by OCR, repaired from the numbering around them: a
//! doubtful first cell ("E", "l.2") whose one reading as a number is the
//! next in sequence after the row above, with the row below next after it.

use piano_model::{Code, Diagnostic, TextLine};

use super::confusion::readings;
use crate::token::number::{RowNumber, parse_row_number};

/// Repairs the first cell of each row of `lines` read with low confidence
/// whose reading as a number the sequence proves; one `ocr-repaired`
/// diagnostic each.
pub fn repair_row_numbers(lines: &mut [TextLine]) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    let mut previous: Option<RowNumber> = None;
    for index in 0..lines.len() {
        let Some(first) = lines[index].cells.first() else {
            continue;
        };
        if let Some(number) = parse_row_number(&first.text) {
            previous = Some(number);
            continue;
        }
        if !first.is_doubtful() || filled_cells(&lines[index]) < 2 {
            continue;
        }
        let next = lines[index + 1..]
            .iter()
            .find_map(|line| parse_row_number(&line.cells.first()?.text));
        let Some(number) = proved_reading(&first.text, previous.as_ref(), next.as_ref()) else {
            continue;
        };
        let line = &mut lines[index];
        let read = std::mem::replace(&mut line.cells[0].text, number.text.clone());
        let after = previous.as_ref().map_or_else(
            || "the first row".to_owned(),
            |p| format!("after {}", p.text),
        );
        let before = next
            .as_ref()
            .map_or_else(String::new, |n| format!(" and before {}", n.text));
        let mut diagnostic = Diagnostic::new(
            Code::OcrRepaired,
            format!(
                "row number {read:?}, recognised with low confidence, read as {}: the one reading in sequence, {after}{before}",
                number.text
            ),
        )
        .at_line(line.number, line.page);
        diagnostic.excerpt = Some(read);
        repaired.push(diagnostic);
        previous = Some(number);
    }
    repaired
}

/// How many cells of `line` hold text.
fn filled_cells(line: &TextLine) -> usize {
    line.cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty())
        .count()
}

/// The one reading of `read` as a row number that comes next after
/// `previous` (the first row's "1" when there is none) and that `next`, when
/// there is one, comes next after; `None` when no reading or several do.
fn proved_reading(
    read: &str,
    previous: Option<&RowNumber>,
    next: Option<&RowNumber>,
) -> Option<RowNumber> {
    let mut fitting: Vec<RowNumber> = readings(read.trim())
        .iter()
        .filter_map(|reading| parse_row_number(reading))
        .filter(|number| match previous {
            Some(previous) => follows(previous, number),
            None => number.parts == [1],
        })
        .filter(|number| next.is_none_or(|next| follows(number, next)))
        .collect();
    fitting.dedup_by(|a, b| a.text == b.text);
    match fitting.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether `number` may come right after `previous` in a numbering: the
/// next at the same level ("1.2" after "1.1"), the first below it ("1.1"
/// after "1"), or the next at a level above ("2" after "1.3").
fn follows(previous: &RowNumber, number: &RowNumber) -> bool {
    let parts = &previous.parts;
    let first_below = [parts.as_slice(), &[1]].concat();
    if number.parts == first_below {
        return true;
    }
    (1..=parts.len()).any(|depth| {
        let mut next = parts[..depth].to_vec();
        if let Some(last) = next.last_mut() {
            *last += 1;
        }
        number.parts == next
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr_repair::rows::{firsts, row};

    #[test]
    fn a_number_out_of_sequence_is_repaired_when_one_reading_fits() {
        let mut lines = vec![
            row(3, &["2", "Secondo", "50%"], Some(0.9)),
            row(4, &["E", "Terzo", "30%"], Some(0.4)),
            row(5, &["4", "Quarto", "20%"], Some(0.9)),
        ];
        let found = repair_row_numbers(&mut lines);
        assert_eq!(firsts(&lines), ["2", "3", "4"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::OcrRepaired);
        assert_eq!((found[0].line, found[0].page), (Some(4), Some(1)));
        assert_eq!(
            found[0].message,
            "row number \"E\", recognised with low confidence, read as 3: the one reading in sequence, after 2 and before 4"
        );
    }

    #[test]
    fn phases_and_the_first_row_are_repaired_in_sequence() {
        let mut lines = vec![
            row(1, &["l", "Primo", "50%"], Some(0.3)),
            row(2, &["1.1", "Fase", "50%"], Some(0.9)),
            row(3, &["l.2", "Fase", "50%"], Some(0.5)),
            row(4, &["2", "Secondo", "50%"], Some(0.9)),
        ];
        let found = repair_row_numbers(&mut lines);
        assert_eq!(firsts(&lines), ["1", "1.1", "1.2", "2"]);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_reading_the_sequence_does_not_prove_is_left_as_read() {
        // "E" between 1 and 3: neither of its readings (1, 3) is 2.
        let mut between = vec![
            row(3, &["1", "Primo", "50%"], Some(0.9)),
            row(4, &["E", "Secondo", "30%"], Some(0.4)),
            row(5, &["3", "Terzo", "20%"], Some(0.9)),
        ];
        assert!(repair_row_numbers(&mut between).is_empty());
        assert_eq!(firsts(&between), ["1", "E", "3"]);
        // 3 follows 2, but 5 does not follow 3.
        let mut gap = vec![
            row(3, &["2", "Secondo", "50%"], Some(0.9)),
            row(4, &["E", "Terzo", "30%"], Some(0.4)),
            row(5, &["5", "Quinto", "20%"], Some(0.9)),
        ];
        assert!(repair_row_numbers(&mut gap).is_empty());
        assert_eq!(firsts(&gap), ["2", "E", "5"]);
    }

    #[test]
    fn a_line_of_one_cell_is_no_row_to_repair() {
        let mut lines = vec![
            row(3, &["2", "Secondo", "50%"], Some(0.9)),
            row(4, &["E"], Some(0.4)),
            row(5, &["4", "Quarto", "20%"], Some(0.9)),
        ];
        assert!(repair_row_numbers(&mut lines).is_empty());
    }

    #[test]
    fn confident_cells_and_text_read_as_drawn_are_never_repaired() {
        for confidence in [Some(0.9), None] {
            let mut lines = vec![
                row(3, &["2", "Secondo", "50%"], confidence),
                row(4, &["E", "Terzo", "30%"], confidence),
                row(5, &["4", "Quarto", "20%"], confidence),
            ];
            assert!(repair_row_numbers(&mut lines).is_empty());
            assert_eq!(firsts(&lines), ["2", "E", "4"]);
        }
    }

    #[test]
    fn a_number_follows_at_its_level_below_or_above() {
        let number = |text: &str| parse_row_number(text).expect("a row number");
        assert!(follows(&number("1"), &number("2")));
        assert!(follows(&number("1"), &number("1.1")));
        assert!(follows(&number("1.3"), &number("2")));
        assert!(follows(&number("1.3"), &number("1.4")));
        assert!(!follows(&number("1.3"), &number("1.5")));
        assert!(!follows(&number("2"), &number("1")));
    }
}
