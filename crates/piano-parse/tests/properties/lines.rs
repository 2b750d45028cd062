//! Properties of plan-like lines: nothing is lost, no word is dropped without
//! a diagnostic, row numbers are unique keys, and the promised diagnostics are
//! raised.

use piano_model::Plan;
use proptest::prelude::*;

use crate::grammar::{Line, plan_text};
use crate::{contains, parse};

/// Words a plan must keep: those with a letter, leaving out weights, markup
/// the contract removes, and the "ad interim" marker it moves into a flag.
fn kept_words(line: &str, from_cell: usize) -> Vec<&str> {
    line.split('\t')
        .skip(from_cell)
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphabetic))
        .filter(|word| !word.contains(['%', '<', '>']))
        .filter(|word| !matches!(*word, "ad" | "interim"))
        .collect()
}

/// Whether `line` is a table header's first line.
fn is_header(line: &str) -> bool {
    line.starts_with('N') && line.contains("\tPeso")
}

/// Whether line `index` starts with a tab and the lines between it and the
/// nearest table header above are all such lines: the rest of a header
/// wrapped over several lines, whose words the model need not keep.
fn continues_a_header(lines: &[Line], index: usize) -> bool {
    for (line, _) in lines[..=index].iter().rev() {
        let line = line.trim_start_matches('\u{c}');
        if line.trim().is_empty() {
            continue;
        }
        if is_header(line) {
            return true;
        }
        if !line.starts_with('\t') {
            return false;
        }
    }
    false
}

/// Whether line `index` is a group's label right over a table header: its
/// first cell empty and one other filled ("\tN. Obiettivo"), the next
/// line a header. The parser reads it as the header's upper row, whose
/// words the model need not keep either.
fn labels_a_group_over_a_header(lines: &[Line], index: usize) -> bool {
    let (line, _) = &lines[index];
    let line = line.trim_start_matches('\u{c}');
    let filled = line.split('\t').filter(|cell| !cell.trim().is_empty());
    line.starts_with('\t')
        && filled.count() == 1
        && lines
            .get(index + 1)
            .is_some_and(|(next, _)| is_header(next.trim_start_matches('\u{c}')))
}

/// A header-field label ("Missione"): the model keeps it as the field its
/// value goes to, not as words.
fn is_field_label(cell: &str) -> bool {
    let label = cell.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '\u{c}');
    [
        "Linea Strategica",
        "Obiettivo Strategico",
        "Missione",
        "Obiettivo Operativo",
    ]
    .contains(&label)
}

/// A header-field label alone on its line: a label whose value never came
/// carries no data for the model to keep.
fn is_bare_field_label(line: &str) -> bool {
    is_field_label(line)
}

/// Nothing is lost silently: the words of every content line are somewhere in
/// the plan (model, preamble or a diagnostic), or a diagnostic names the line.
fn check_words(lines: &[Line], plan: &Plan) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (index, (line, from_cell)) in lines.iter().enumerate() {
        let Some(from_cell) = *from_cell else {
            continue;
        };
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if plan.diagnostics.iter().any(|d| d.line == Some(number))
            || continues_a_header(lines, index)
            || labels_a_group_over_a_header(lines, index)
            || is_bare_field_label(line)
        {
            continue;
        }
        let labelled = line.split('\t').next().is_some_and(is_field_label);
        let from_cell = if labelled {
            from_cell.max(1)
        } else {
            from_cell
        };
        for word in kept_words(line.trim_start_matches('\u{c}'), from_cell) {
            prop_assert!(
                json.contains(word),
                "line {number} ({line:?}): {word:?} is nowhere in the plan"
            );
        }
    }
    Ok(())
}

/// What the contract promises about where lines go, for a plan read from
/// `lines` (joined by one kind of line end; a form feed starts a page, not a line).
fn check_accounting(lines: &[Line], plan: &Plan) -> Result<(), TestCaseError> {
    let last_line = u32::try_from(lines.len()).unwrap_or(u32::MAX);
    let first_structure = plan.structures.first().map_or(u32::MAX, |s| s.lines.0);
    for (index, (line, _)) in lines.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if line.trim().is_empty() {
            continue;
        }
        let accounted = number < first_structure
            || plan.structures.iter().any(|s| contains(s.lines, number))
            || plan.diagnostics.iter().any(|d| d.line == Some(number));
        prop_assert!(accounted, "line {number} ({line:?}) is nowhere in the plan");
    }
    let mut previous_end = 0;
    for (index, structure) in plan.structures.iter().enumerate() {
        prop_assert_eq!(usize::try_from(structure.ordinal).ok(), Some(index + 1));
        let span = structure.lines;
        prop_assert!(
            span.0 <= span.1 && span.1 <= last_line,
            "structure span {span:?}"
        );
        prop_assert!(
            span.0 > previous_end,
            "structure {} overlaps the one before",
            structure.ordinal
        );
        previous_end = span.1;
        let entries = structure
            .objectives
            .iter()
            .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases));
        for entry in entries {
            let inner = entry.lines;
            prop_assert!(
                inner.0 <= inner.1 && contains(span, inner.0) && contains(span, inner.1),
                "row {} of structure {} spans {inner:?}, outside {span:?}",
                entry.number,
                structure.ordinal
            );
            if let Some(weight) = entry.weight {
                prop_assert!(weight.is_finite(), "row {} weight {weight}", entry.number);
            }
        }
    }
    for diagnostic in &plan.diagnostics {
        if let Some(line) = diagnostic.line {
            prop_assert!((1..=last_line).contains(&line), "diagnostic at line {line}");
        }
    }
    Ok(())
}

/// The row numbers (objectives and phases) a structure holds more than once:
/// with `structure` and `number` the keys of the CSV tables, none should.
fn duplicate_numbers(structure: &piano_model::Structure) -> Vec<&str> {
    let mut seen = std::collections::BTreeSet::new();
    structure
        .objectives
        .iter()
        .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases))
        .map(|entry| entry.number.as_str())
        .filter(|number| !seen.insert(*number))
        .collect()
}

/// Whether a diagnostic with `code` concerns structure `ordinal` (and, when
/// given, row `number`).
fn raised(plan: &Plan, code: &str, ordinal: u32, number: Option<&str>) -> bool {
    plan.diagnostics.iter().any(|d| {
        d.code.as_str() == code
            && d.structure == Some(ordinal)
            && number.is_none_or(|number| d.number.as_deref() == Some(number))
    })
}

/// The diagnostics the contract promises: a weight sum more than 1 point off
/// 100% is reported (for objectives of a structure, and for phases of an
/// objective, when every weight is given) and one within the tolerance is not;
/// a due cell without a recognisable date comes with a diagnostic on its row.
pub(crate) fn check_promised_diagnostics(plan: &Plan) -> Result<(), TestCaseError> {
    let off = |weights: &[Option<f64>]| -> Option<bool> {
        let all: Option<Vec<f64>> = weights.iter().copied().collect();
        let all = all.filter(|all| !all.is_empty())?;
        Some((all.iter().sum::<f64>() - 100.0).abs() > 1.0 + 1e-9)
    };
    for structure in plan
        .structures
        .iter()
        .filter(|s| duplicate_numbers(s).is_empty())
    {
        let ordinal = structure.ordinal;
        let weights: Vec<Option<f64>> = structure
            .objectives
            .iter()
            .map(|o| o.entry.weight)
            .collect();
        if let Some(off) = off(&weights) {
            prop_assert_eq!(
                off,
                raised(plan, "weight-sum", ordinal, None),
                "structure {}: objective weights {:?}",
                ordinal,
                weights
            );
        }
        for objective in &structure.objectives {
            let number = objective.entry.number.as_str();
            let weights: Vec<Option<f64>> = objective.phases.iter().map(|p| p.weight).collect();
            if let Some(off) = off(&weights) {
                prop_assert_eq!(
                    off,
                    raised(plan, "phase-weight-sum", ordinal, Some(number)),
                    "structure {} objective {}: phase weights {:?}",
                    ordinal,
                    number,
                    weights
                );
            }
            for entry in std::iter::once(&objective.entry).chain(&objective.phases) {
                let Some(due) = entry.due.as_ref().filter(|due| due.date.is_none()) else {
                    continue;
                };
                let on_row = plan.diagnostics.iter().any(|d| {
                    d.line.is_some_and(|line| contains(entry.lines, line))
                        || (d.structure == Some(ordinal)
                            && d.number.as_deref() == Some(entry.number.as_str()))
                });
                prop_assert!(
                    on_row,
                    "structure {} row {}: due {:?} has no date and no diagnostic",
                    ordinal,
                    entry.number,
                    due.raw
                );
            }
        }
    }
    Ok(())
}

/// The case the property once shrank to: a group's label over the header
/// of a structure with no rows yet, read as the header's upper row.
#[test]
fn a_group_label_over_a_header_is_the_headers() {
    let lines: Vec<Line> = vec![
        ("COMUNE DI PORTOFERRAIO".into(), None),
        ("Provincia di LIVORNO".into(), None),
        ("PIANO DEGLI OBIETTIVI 2021".into(), None),
        ("STRUTTURA:  - DIRIGENTE/RESPONSABILE: ".into(), None),
        ("\tN. Obiettivo".into(), Some(0)),
        (
            "N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori di Misurazione\tValori Attesi\tData Fine Attesa".into(),
            None,
        ),
    ];
    let text = lines
        .iter()
        .map(|(line, _)| line.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let plan = parse(text.as_bytes()).expect("plan-like text is read as text");
    assert!(check_words(&lines, &plan).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plan_like_lines_are_all_accounted_for((lines, text) in plan_text()) {
        let plan = parse(text.as_bytes());
        prop_assert!(plan.is_some(), "plan-like text is read as text");
        if let Some(plan) = plan {
            check_accounting(&lines, &plan)?;
        }
    }

    #[test]
    fn plan_like_lines_lose_no_words((lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            check_words(&lines, &plan)?;
        }
    }

    #[test]
    fn row_numbers_are_unique_within_a_structure((_lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            for structure in &plan.structures {
                let duplicates = duplicate_numbers(structure);
                prop_assert!(
                    duplicates.is_empty(),
                    "structure {} holds {:?} more than once",
                    structure.ordinal,
                    duplicates
                );
            }
        }
    }

    #[test]
    fn plan_like_lines_get_the_promised_diagnostics((_lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            check_promised_diagnostics(&plan)?;
        }
    }
}
