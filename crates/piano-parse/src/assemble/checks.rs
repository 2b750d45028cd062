//! Consistency checks on a finished structure: weights that should sum to
//! 100, and rows without a description.

use piano_model::{Code, Diagnostic, Entry, Structure};

/// Weight sums within this many points of 100 pass (3 × 33% and 17 × 5,88% do).
const TOLERANCE: f64 = 1.0;

/// Reports missing weights and objective or phase weights that do not sum to
/// 100%. Objectives weighted per head (a weight matrix) have no weight of
/// their own to check, nor phases whose table has no weight column
/// (`unweighted_phases` says which objectives' phases, by index).
pub fn check_weights(
    structure: &Structure,
    unweighted_phases: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ordinal = structure.ordinal;
    let missing = |entry: &Entry, what: &str| {
        Diagnostic::new(
            Code::WeightMissing,
            format!("{what} {} has no weight", entry.number),
        )
        .at_line(entry.lines.0, entry.page)
        .in_structure(ordinal)
        .for_number(entry.number.clone())
    };
    let objectives: Vec<&Entry> = structure
        .objectives
        .iter()
        .map(|o| &o.entry)
        .filter(|entry| entry.weights_by_head.is_empty())
        .collect();
    for entry in objectives.iter().filter(|entry| entry.weight.is_none()) {
        diagnostics.push(missing(entry, "objective"));
    }
    if let Some(sum) = off_sum(&objectives) {
        let at = objectives
            .iter()
            .find(|e| e.weight.is_none())
            .or(objectives.first());
        let mut diagnostic = Diagnostic::new(
            Code::WeightSum,
            format!("objective weights of structure {ordinal} sum to {sum:.2}%, expected 100%"),
        )
        .in_structure(ordinal);
        if let Some(entry) = at {
            diagnostic = diagnostic
                .at_line(entry.lines.0, entry.page)
                .for_number(entry.number.clone());
        }
        diagnostics.push(diagnostic);
    }
    for (index, objective) in structure.objectives.iter().enumerate() {
        if unweighted_phases.contains(&index) {
            continue;
        }
        let phases: Vec<&Entry> = objective.phases.iter().collect();
        for entry in phases.iter().filter(|entry| entry.weight.is_none()) {
            diagnostics.push(missing(entry, "phase"));
        }
        if let Some(sum) = off_sum(&phases) {
            let entry = &objective.entry;
            diagnostics.push(
                Diagnostic::new(
                    Code::PhaseWeightSum,
                    format!(
                        "phase weights of objective {} sum to {sum:.2}%, expected 100%",
                        entry.number
                    ),
                )
                .at_line(entry.lines.0, entry.page)
                .in_structure(ordinal)
                .for_number(entry.number.clone()),
            );
        }
    }
}

/// Reports each objective and phase whose description is empty: a row read
/// without its description cell (lost by the extraction, or left blank) is
/// kept with its other values and flagged, never published silently.
pub fn check_descriptions(structure: &Structure, diagnostics: &mut Vec<Diagnostic>) {
    for objective in &structure.objectives {
        let rows = std::iter::once((&objective.entry, "objective"))
            .chain(objective.phases.iter().map(|phase| (phase, "phase")));
        for (entry, what) in rows {
            if entry.description.trim().is_empty() {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DescriptionMissing,
                        format!("{what} {} has no description", entry.number),
                    )
                    .at_line(entry.lines.0, entry.page)
                    .in_structure(structure.ordinal)
                    .for_number(entry.number.clone()),
                );
            }
        }
    }
}

/// The sum of the weights when rows exist and it is off 100 beyond the tolerance.
fn off_sum(entries: &[&Entry]) -> Option<f64> {
    if entries.is_empty() {
        return None;
    }
    let sum: f64 = entries.iter().filter_map(|entry| entry.weight).sum();
    // Adding 0.0 turns the -0.0 an empty sum gives into 0.
    let sum = (sum * 100.0).round() / 100.0 + 0.0;
    ((sum - 100.0).abs() > TOLERANCE).then_some(sum)
}
