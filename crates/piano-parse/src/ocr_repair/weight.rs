//! Weights misread by OCR ("60%" read "20%"), repaired where their group
//! must add up to 100:
//! a group whose weights were all read but do not add up, where replacing
//! one digit of one weight recognised with low confidence makes it add up,
//! and no other such replacement does. Only a group whose numbering shows
//! every row (1, 2, 3 …; 2.1, 2.2 …) is proved: a row lost would make any
//! reading add up wrongly. A sum that is wrong with every
//! weight read confidently stays wrong, and reported.

use std::collections::HashMap;

use piano_model::{Code, Diagnostic, Entry, Layout, Plan};

use crate::token::number::parse_row_number;
use crate::token::weight::parse_weight;

/// A weight group's sum counts as 100 within this.
const EXACT: f64 = 0.005;

/// The texts of the doubtful cells of each line of a layout, by line
/// number and page.
pub type DoubtfulCells = HashMap<(u32, Option<u32>), Vec<String>>;

/// The doubtful cells of `layout`, taken before the assembly consumes it.
pub fn doubtful_cells(layout: &Layout) -> DoubtfulCells {
    let mut found = DoubtfulCells::new();
    for line in &layout.lines {
        let texts: Vec<String> = line
            .cells
            .iter()
            .filter(|cell| cell.is_doubtful())
            .map(|cell| cell.text.clone())
            .collect();
        if !texts.is_empty() {
            found.insert((line.number, line.page), texts);
        }
    }
    found
}

/// Repairs, in each structure of `plan`, the objectives' weights and each
/// objective's phases' weights that the sum proves, as the module says;
/// the group's `weight-sum` or `phase-weight-sum` diagnostic gives way to an
/// `ocr-repaired` one.
pub fn repair_weights(plan: &mut Plan, doubtful: &DoubtfulCells) {
    if doubtful.is_empty() {
        return;
    }
    let mut repairs = Vec::new();
    for structure in &mut plan.structures {
        let ordinal = structure.ordinal;
        let mut objectives: Vec<&mut Entry> = structure
            .objectives
            .iter_mut()
            .map(|objective| &mut objective.entry)
            .filter(|entry| entry.weights_by_head.is_empty())
            .collect();
        if let Some(repair) = repair_group(&mut objectives, doubtful) {
            repairs.push((Code::WeightSum, ordinal, None, repair));
        }
        for objective in &mut structure.objectives {
            let number = objective.entry.number.clone();
            let mut phases: Vec<&mut Entry> = objective.phases.iter_mut().collect();
            if let Some(repair) = repair_group(&mut phases, doubtful) {
                repairs.push((Code::PhaseWeightSum, ordinal, Some(number), repair));
            }
        }
    }
    for (code, ordinal, number, repair) in repairs {
        plan.diagnostics.retain(|diagnostic| {
            !(diagnostic.code == code
                && diagnostic.structure == Some(ordinal)
                && (number.is_none() || diagnostic.number == number))
        });
        plan.diagnostics.push(repair.in_structure(ordinal));
    }
}

/// Repairs the one weight of `group` the sum proves, if there is one: the
/// diagnostic that says so.
fn repair_group(group: &mut [&mut Entry], doubtful: &DoubtfulCells) -> Option<Diagnostic> {
    let weights: Option<Vec<f64>> = group.iter().map(|entry| entry.weight).collect();
    let sum: f64 = weights?.iter().sum();
    if group.is_empty() || (sum - 100.0).abs() <= EXACT || !numbered_whole(group) {
        return None;
    }
    let mut fitting = Vec::new();
    for (index, entry) in group.iter().enumerate() {
        let Some(weight) = entry.weight else {
            continue;
        };
        let cells = doubtful.get(&(entry.lines.0, entry.page));
        for cell in cells.into_iter().flatten() {
            let Some(token) = parse_weight(cell).filter(|t| (t.value - weight).abs() <= EXACT)
            else {
                continue;
            };
            let dropped = mark_dropped_reading(token.written, weight)
                .map(|(written, value)| (written, value, DROPPED_MARK));
            let changed = one_digit_readings(token.written)
                .into_iter()
                .map(|(written, value)| (written, value, ONE_DIGIT));
            for (written, value, why) in dropped.into_iter().chain(changed) {
                let known = fitting
                    .iter()
                    .any(|&(at, _, _, known, _)| at == index && known == value);
                if (sum - weight + value - 100.0).abs() <= EXACT && !known {
                    fitting.push((index, token.written.to_owned(), written, value, why));
                }
            }
        }
    }
    let [(index, read, written, value, why)] = <[_; 1]>::try_from(fitting).ok()?;
    let entry = &mut group[index];
    entry.weight = Some(value);
    let mut diagnostic = Diagnostic::new(
        Code::OcrRepaired,
        format!(
            "weight {read:?} of row {}, recognised with low confidence, read as {written:?}: the one reading ({why}) that makes its group add up to 100% (it added up to {sum:.2}%)",
            entry.number
        ),
    )
    .at_line(entry.lines.0, entry.page)
    .for_number(entry.number.clone());
    diagnostic.excerpt = Some(read);
    Some(diagnostic)
}

/// Whether the rows of `group` are numbered 1, 2, 3 … in their last part,
/// with none missing.
fn numbered_whole(group: &[&mut Entry]) -> bool {
    group.iter().zip(1u32..).all(|(entry, expected)| {
        parse_row_number(&entry.number).is_some_and(|number| number.parts.last() == Some(&expected))
    })
}

/// What a weight over 100% (`value`) was before OCR read a table's rule
/// beside it as its first digit ("|40%" read "140%"): the weight without
/// that digit, when it is a weight of 100% or less.
fn mark_dropped_reading(written: &str, value: f64) -> Option<(String, f64)> {
    if value <= 100.0 {
        return None;
    }
    let at = written.find(|c: char| c.is_ascii_digit())?;
    let mut reading = written.to_owned();
    reading.remove(at);
    let token = parse_weight(&reading).filter(|token| token.value <= 100.0)?;
    let value = token.value;
    Some((reading, value))
}

/// Why a reading of a weight may be the printed one, as its repair says.
const ONE_DIGIT: &str = "one digit read otherwise";
/// The same, for a weight read with a table's rule as its first digit.
const DROPPED_MARK: &str = "its first digit a table's rule";

/// Every weight `written` may have been with one of its digits another:
/// the text and its value.
fn one_digit_readings(written: &str) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    for (at, c) in written.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
        for digit in ('0'..='9').filter(|&digit| digit != c) {
            let mut reading = written.to_owned();
            reading.replace_range(at..at + 1, digit.encode_utf8(&mut [0; 4]));
            if let Some(token) = parse_weight(&reading) {
                found.push((reading.clone(), token.value));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan of one structure whose objectives weigh `weights` (percent),
    /// read from a dump: objective 1 on line 3, 2 on line 4 …
    fn plan(weights: &[u32]) -> Plan {
        let mut text = "SETTORE 1 - SEGRETERIA\nN.\tObiettivo\tPeso\tScadenza\n".to_owned();
        for (index, weight) in weights.iter().enumerate() {
            let number = index + 1;
            text.push_str(&format!(
                "{number}\tObiettivo {number}\t{weight}%\t31.12.2022\n"
            ));
        }
        crate::parse_dump(&text)
    }

    fn weights(plan: &Plan) -> Vec<Option<f64>> {
        plan.structures[0]
            .objectives
            .iter()
            .map(|o| o.entry.weight)
            .collect()
    }

    fn codes(plan: &Plan) -> Vec<Code> {
        plan.diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|code| matches!(code, Code::WeightSum | Code::OcrRepaired))
            .collect()
    }

    fn doubtful(cells: &[(u32, &str)]) -> DoubtfulCells {
        cells
            .iter()
            .map(|&(line, text)| ((line, None), vec![text.to_owned()]))
            .collect()
    }

    #[test]
    fn one_doubtful_digit_that_makes_the_sum_is_repaired() {
        // "60%" read "20%": 30 + 20 + 10 = 60, and 60 is the one reading.
        let mut read = plan(&[30, 20, 10]);
        assert_eq!(codes(&read), [Code::WeightSum]);
        repair_weights(&mut read, &doubtful(&[(4, "20%")]));
        assert_eq!(weights(&read), [Some(30.0), Some(60.0), Some(10.0)]);
        assert_eq!(codes(&read), [Code::OcrRepaired]);
        let repair = read
            .diagnostics
            .iter()
            .find(|d| d.code == Code::OcrRepaired);
        assert_eq!(repair.map(|d| d.line), Some(Some(4)));
    }

    #[test]
    fn a_sum_two_readings_make_is_left_as_read() {
        // 40 + 40 = 80: either "40%" read as "60%" would do.
        let mut read = plan(&[40, 40]);
        repair_weights(&mut read, &doubtful(&[(3, "40%"), (4, "40%")]));
        assert_eq!(weights(&read), [Some(40.0), Some(40.0)]);
        assert_eq!(codes(&read), [Code::WeightSum]);
    }

    #[test]
    fn a_legible_sum_that_is_wrong_stays_wrong() {
        let mut read = plan(&[30, 20, 10]);
        repair_weights(&mut read, &DoubtfulCells::new());
        assert_eq!(weights(&read), [Some(30.0), Some(20.0), Some(10.0)]);
        // A doubtful cell elsewhere on the line proves nothing of the weight.
        repair_weights(&mut read, &doubtful(&[(4, "Obiettivo 2")]));
        assert_eq!(weights(&read), [Some(30.0), Some(20.0), Some(10.0)]);
        assert_eq!(codes(&read), [Code::WeightSum]);
    }

    #[test]
    fn a_group_with_a_row_missing_proves_nothing() {
        // Objective 1 was lost: 30 + 20 = 50, and "20%" as "70%" would add
        // up, wrongly.
        let mut read = plan(&[0, 30, 20]);
        read.structures[0].objectives.remove(0);
        repair_weights(&mut read, &doubtful(&[(5, "20%")]));
        assert_eq!(weights(&read), [Some(30.0), Some(20.0)]);
    }

    #[test]
    fn a_sum_that_adds_up_is_never_touched() {
        let mut read = plan(&[30, 70]);
        repair_weights(&mut read, &doubtful(&[(3, "30%")]));
        assert_eq!(weights(&read), [Some(30.0), Some(70.0)]);
        assert!(codes(&read).is_empty());
    }

    #[test]
    fn a_rule_read_as_a_first_digit_is_dropped_when_the_sum_proves_it() {
        // "|40%" read "140%": 60 + 140 = 200. Reading the "1" as "0" adds
        // up as well, and is the same weight: one repair, without the mark.
        let mut read = plan(&[60, 140]);
        repair_weights(&mut read, &doubtful(&[(4, "140%")]));
        assert_eq!(weights(&read), [Some(60.0), Some(40.0)]);
        let repair = read
            .diagnostics
            .iter()
            .find(|d| d.code == Code::OcrRepaired)
            .map(|d| d.message.as_str());
        assert!(
            repair.is_some_and(|m| m.contains(r#"read as "40%""#)),
            "{repair:?}"
        );
        assert_eq!(
            mark_dropped_reading("(130%)", 130.0),
            Some(("(30%)".to_owned(), 30.0))
        );
        assert_eq!(mark_dropped_reading("40%", 40.0), None);
        assert_eq!(mark_dropped_reading("1400%", 1400.0), None);
    }

    #[test]
    fn each_digit_of_a_weight_is_read_as_each_other() {
        let readings = one_digit_readings("(5%)");
        assert_eq!(readings.len(), 9);
        assert!(readings.contains(&("(8%)".to_owned(), 8.0)));
    }
}
