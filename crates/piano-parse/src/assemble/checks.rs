//! Consistency checks on a finished structure: weights that should sum to
//! 100 (written as fractions of one, read as the percents they are), and
//! rows without a description.

use piano_model::{Code, Diagnostic, Entry, Structure};

/// Weight sums within this many points of 100 pass (3 × 33% and 17 × 5,88% do).
const TOLERANCE: f64 = 1.0;

/// Weights written as fractions of one sum to one within this much.
const FRACTION_TOLERANCE: f64 = 0.01;

/// Reads the weights of each group (a structure's objectives, an objective's
/// phases) written as fractions of one ("0,40", "0,35", "0,25") as the
/// percents they are: two or more weights, each at most one, whose sum is
/// one. A group weighted otherwise is left as written.
pub fn scale_fractions(structure: &mut Structure) {
    let objectives = structure
        .objectives
        .iter_mut()
        .map(|objective| &mut objective.entry)
        .filter(|entry| entry.weights_by_head.is_empty());
    scale_group(objectives);
    for objective in &mut structure.objectives {
        scale_group(objective.phases.iter_mut());
    }
}

/// Scales one group's weights to percents when they are fractions of one.
fn scale_group<'a>(entries: impl Iterator<Item = &'a mut Entry>) {
    let mut weights: Vec<&mut f64> = entries.filter_map(|entry| entry.weight.as_mut()).collect();
    let sum: f64 = weights.iter().map(|weight| **weight).sum();
    let fractions = weights.len() >= 2
        && weights.iter().all(|weight| **weight <= 1.0)
        && (sum - 1.0).abs() <= FRACTION_TOLERANCE;
    if fractions {
        for weight in &mut weights {
            **weight = (**weight * 10_000.0).round() / 100.0;
        }
    }
}

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

#[cfg(test)]
mod tests {
    use crate::parse_dump;

    fn weights(text: &str) -> Vec<Option<f64>> {
        let plan = parse_dump(text);
        plan.structures[0]
            .objectives
            .iter()
            .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases))
            .map(|entry| entry.weight)
            .collect()
    }

    #[test]
    fn weights_written_as_fractions_of_one_are_percents() {
        let text = "SETTORE: Finanze\n\
                    N.\tObiettivo\tPeso\n\
                    1\tBilancio\t0,40\n\
                    1.1\tBozza\t0,5\n\
                    1.2\tApprovazione\t0,5\n\
                    2\tResidui\t0,60\n";
        assert_eq!(
            weights(text),
            [Some(40.0), Some(50.0), Some(50.0), Some(60.0)]
        );
        // Weights that do not sum to one are as written.
        let short = text.replace("0,60", "0,30");
        assert_eq!(weights(&short)[3], Some(0.3));
    }
}
