//! Rows whose number is not the one their document gives them: objectives
//! printed with a label of their own ("II", "b)", "03"), numbered by the
//! contract with their ordinal in the structure, where the labels do not
//! count 1, 2, 3 … from the structure's first row. A row lost before them
//! (the structure's first objective left out of the plan, as a line that
//! fit no row) or read twice shifts every row after it: the plan numbers
//! "II" as 1, and a consumer joining on numbers finds every row of the
//! structure from there under another's number.

use piano_model::{Entry, Plan};

use crate::token::label::parse_label;

/// The rows (objectives with their phases) that the plan numbers otherwise
/// than their objectives' labels count: in each structure whose objectives
/// all carry a one-part label, those from the first whose label's value is
/// not its place. The count starts at 1, or where the structure above left
/// off (labels that run on over the structures: "VI" after "V").
pub fn renumbered_rows(plan: &Plan) -> Vec<&Entry> {
    let mut rows = Vec::new();
    let mut last_above: Option<u32> = None;
    for structure in &plan.structures {
        let values: Option<Vec<u32>> = structure
            .objectives
            .iter()
            .map(|objective| label_value(objective.entry.code.as_deref()?))
            .collect();
        let Some(values) = values.filter(|values| !values.is_empty()) else {
            last_above = None;
            continue;
        };
        let runs_on = last_above.is_some_and(|last| values[0] == last + 1);
        let start = if runs_on { values[0] } else { 1 };
        let off = values
            .iter()
            .zip(start..)
            .position(|(&value, expected)| value != expected);
        if let Some(first) = off {
            rows.extend(
                structure.objectives[first..].iter().flat_map(|objective| {
                    std::iter::once(&objective.entry).chain(&objective.phases)
                }),
            );
        }
        last_above = values.last().copied();
    }
    rows
}

/// The value of a label of one part ("II" 2, "b)" 2, "03" 3); none for
/// plain ordinals, which are the rows' numbers themselves, and for codes of
/// several parts (a budget code "0406.1").
fn label_value(code: &str) -> Option<u32> {
    match parse_label(code, &[])?.parts.as_slice() {
        [only] => Some(only.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_dump;

    /// The numbers of the rows the plan read from a dump of structures
    /// whose objectives are labelled `labels` (each with a phase) renumbers.
    fn renumbered(structures: &[&[&str]]) -> Vec<String> {
        let mut dump = String::new();
        for (index, labels) in structures.iter().enumerate() {
            dump.push_str(&format!(
                "STRUTTURA: {}\nN.\tDescrizione\tPeso\tScadenza\n",
                index + 1
            ));
            for label in *labels {
                dump.push_str(&format!(
                    "{label}\tObiettivo {label}\t50%\t31.12.2022\n\
                     {label}.1\tFase: avvio\t100%\t30.06.2022\n"
                ));
            }
        }
        let plan = parse_dump(&dump);
        renumbered_rows(&plan)
            .iter()
            .map(|entry| entry.number.clone())
            .collect()
    }

    #[test]
    fn labels_counting_from_the_first_renumber_nothing() {
        assert!(renumbered(&[&["I", "II", "III"], &["A", "B"]]).is_empty());
    }

    #[test]
    fn a_structure_whose_first_label_is_its_second_renumbers_every_row() {
        assert_eq!(
            renumbered(&[&["I", "II"], &["II", "III"]]),
            ["1", "1.1", "2", "2.1"]
        );
    }

    #[test]
    fn a_label_skipped_renumbers_the_rows_from_there() {
        assert_eq!(
            renumbered(&[&["I", "II", "IV", "V"]]),
            ["3", "3.1", "4", "4.1"]
        );
    }

    #[test]
    fn labels_running_on_over_the_structures_renumber_nothing() {
        assert!(renumbered(&[&["I", "II"], &["III", "IV"], &["V"]]).is_empty());
    }

    #[test]
    fn plain_numbers_are_the_rows_own_and_renumber_nothing() {
        assert!(renumbered(&[&["2", "3"]]).is_empty());
    }
}
