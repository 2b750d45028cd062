//! A row whose number was lost (an OCR layer that dropped a "2", a number
//! cell left blank): a line with no number of its own, read as more of the
//! row above, that holds a weight and a due of its own where that row holds
//! its own too. A row has one weight and one due; two of each are two rows.
//! The line is a row when the numbering proves its number: the next
//! numbered row does not follow the row above, and exactly one number
//! follows that row and is followed by the next ("1.2", the lost "2",
//! then "3").

use crate::token::due::parse_due;
use crate::token::number::RowNumber;
use crate::token::weight::is_weight;
use crate::vocabulary::Column;

/// Whether `cell_at` (a line's or a row's cell by its place in the table's
/// columns) holds, under the `columns`' weight and due, one whole weight
/// written as one ("30%", "(70%)") and one due that is only a date.
pub fn holds_own_weight_and_due<'c>(
    columns: &[Option<Column>],
    cell_at: impl Fn(usize) -> Option<&'c str>,
) -> bool {
    let cell_of = |wanted: Column| {
        columns
            .iter()
            .position(|column| *column == Some(wanted))
            .and_then(&cell_at)
    };
    let weight = cell_of(Column::Weight).is_some_and(|cell| {
        is_weight(cell) && (cell.contains('%') || cell.trim_start().starts_with('('))
    });
    let due = cell_of(Column::Due).is_some_and(|cell| {
        let parsed = parse_due(cell, None).due;
        parsed.date.is_some() && parsed.note.is_none()
    });
    weight && due
}

/// The one number that follows `above` in sequence and that `next` follows,
/// if `next` does not follow `above` itself and there is exactly one.
pub fn number_between(above: &RowNumber, next: &RowNumber) -> Option<RowNumber> {
    if followers(&above.parts).contains(&next.parts) {
        return None;
    }
    let between: Vec<Vec<u32>> = followers(&above.parts)
        .into_iter()
        .filter(|candidate| followers(candidate).contains(&next.parts))
        .collect();
    match between.as_slice() {
        [one] => Some(RowNumber {
            text: one.iter().map(u32::to_string).collect::<Vec<_>>().join("."),
            parts: one.clone(),
        }),
        _ => None,
    }
}

/// The numbers that may come right after `parts`: the next objective, and
/// the first phase of an objective or the next phase of a phase.
fn followers(parts: &[u32]) -> Vec<Vec<u32>> {
    match parts {
        [objective] => vec![vec![objective + 1], vec![*objective, 1]],
        [objective, phase] => vec![vec![objective + 1], vec![*objective, phase + 1]],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::number::parse_row_number;

    fn number(text: &str) -> RowNumber {
        parse_row_number(text).expect("a row number")
    }

    fn between(above: &str, next: &str) -> Option<String> {
        number_between(&number(above), &number(next)).map(|found| found.text)
    }

    #[test]
    fn the_numbering_proves_one_number_between_two_rows() {
        assert_eq!(between("1.2", "3").as_deref(), Some("2"));
        assert_eq!(between("1", "3").as_deref(), Some("2"));
        assert_eq!(between("1.2", "1.4").as_deref(), Some("1.3"));
        assert_eq!(between("1", "2.1").as_deref(), Some("2"));
        assert_eq!(between("1.1", "2.1").as_deref(), Some("2"));
    }

    #[test]
    fn rows_that_follow_each_other_leave_no_number_between() {
        assert_eq!(between("1.2", "2"), None);
        assert_eq!(between("1", "2"), None);
        assert_eq!(between("1", "5"), None);
    }

    #[test]
    fn a_line_needs_a_whole_weight_and_a_whole_date() {
        let columns = [
            Some(Column::Number),
            Some(Column::Description),
            Some(Column::Weight),
            Some(Column::Due),
        ];
        let holds = |cells: [&'static str; 4]| {
            holds_own_weight_and_due(&columns, |place| cells.get(place).copied())
        };
        assert!(holds(["", "Archivio digitale", "30%", "31.12.2023"]));
        assert!(holds(["1.2", "Fase", "(70%)", "30.09.2023"]));
        assert!(!holds(["", "segue la descrizione", "", ""]));
        assert!(!holds(["", "segue", "30%", ""]));
        assert!(!holds(["", "segue", "", "31.12.2023"]));
        assert!(!holds(["", "segue", "30", "31.12.2023"]));
        assert!(!holds([
            "",
            "segue",
            "30%",
            "entro il 31.12.2023 salvo proroga"
        ]));
    }
}
