//! Reasons read at rows: values missing or unreadable, weights that do not
//! add up, cells given columns by content, rows the rebuild read two ways,
//! numbering breaks and rows recovered from damage.

use std::collections::BTreeSet;

use piano_model::{Code, Diagnostic, Entry, Plan, ReasonCode, Structure};

use super::renumbered::renumbered_rows;
use super::unplaced::holds_values;
use super::{Evidence, Finding, count, raised};
use crate::token::due::parse_due;
use crate::token::number::parse_row_number;

/// Objectives and phases in the plan: what the row counts are out of.
pub fn count_rows(plan: &Plan) -> u32 {
    let rows: usize = plan
        .structures
        .iter()
        .flat_map(|structure| &structure.objectives)
        .map(|objective| 1 + objective.phases.len())
        .sum();
    count(rows)
}

/// Every row-level finding of `plan`, zero counts included.
pub fn findings(plan: &Plan, evidence: Evidence) -> Vec<Finding> {
    vec![
        finding(ReasonCode::WeightsMissing, weights_missing(plan)),
        finding(
            ReasonCode::WeightsUnparsed,
            count(rows_still_without(plan, Code::WeightUnparsed)),
        ),
        weight_sums_off(plan),
        dues_missing(plan),
        finding(ReasonCode::DuesLost, dues_lost(plan)),
        finding(
            ReasonCode::DuesUnparsed,
            count(rows_still_without(plan, Code::DueUnparsed)),
        ),
        finding(ReasonCode::DuesOverrun, dues_overrun(plan)),
        finding(
            ReasonCode::DescriptionsMissing,
            count(
                rows_with(&plan.diagnostics, Code::DescriptionMissing)
                    + descriptions_only_code(plan),
            ),
        ),
        Finding {
            light: evidence.rows_without_header.min(evidence.rows_by_content),
            ..finding(ReasonCode::CellsByContent, evidence.rows_by_content)
        },
        finding(
            ReasonCode::RowsAmbiguous,
            raised(plan, &[Code::RowAmbiguous]),
        ),
        finding(ReasonCode::HeadersCut, raised(plan, &[Code::HeaderCut])),
        finding(ReasonCode::NumberingBroken, numbering_broken(plan)),
        finding(
            ReasonCode::RowsRecovered,
            raised(plan, &[Code::GarbledRow, Code::TableScrambled]),
        ),
        finding(ReasonCode::CellsLowConfidence, evidence.rows_low_confidence),
    ]
}

fn finding(code: ReasonCode, count: u32) -> Finding {
    Finding::new(code, count)
}

/// A diagnostic's row: its structure and number, or its line when it names
/// no row.
type RowKey<'d> = (Option<u32>, Option<&'d str>, Option<u32>);

fn row_of(diagnostic: &Diagnostic) -> RowKey<'_> {
    match diagnostic.number.as_deref() {
        Some(number) => (diagnostic.structure, Some(number), None),
        None => (diagnostic.structure, None, diagnostic.line),
    }
}

/// How many distinct rows raised `code` (a row raising it twice counts once).
pub fn rows_with(diagnostics: &[Diagnostic], code: Code) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(row_of)
        .collect::<BTreeSet<_>>()
        .len()
}

/// Rows with an empty weight cell, but for those whose weight cell held
/// something that is no number: those are `weights-unparsed` only (the
/// parser raises both for them). Rows whose weight was read in the end
/// are left out, as [`rows_still_without`] says.
fn weights_missing(plan: &Plan) -> u32 {
    let unparsed: BTreeSet<RowKey<'_>> = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::WeightUnparsed)
        .map(row_of)
        .collect();
    let missing: BTreeSet<RowKey<'_>> = still_without(plan, Code::WeightMissing)
        .map(row_of)
        .filter(|row| !unparsed.contains(row))
        .collect();
    count(missing.len())
}

/// How many distinct rows raised `code` and still lack the value it is
/// about (see [`still_without`]).
fn rows_still_without(plan: &Plan, code: Code) -> usize {
    still_without(plan, code)
        .map(row_of)
        .collect::<BTreeSet<_>>()
        .len()
}

/// The diagnostics of `code` (an empty or unreadable weight or due) but for
/// those raised at a piece of a row that holds no value, at a row whose
/// value was read in the end. A row wrapped over several lines is read
/// piece by piece, and a piece may raise one ("entro il 31" before
/// "dicembre 2022" joins it, a weight's label before its figure): the
/// row's value read in the end says the cell was whole. A piece holding
/// values (a phase's row read into its objective's weight) still counts.
fn still_without(plan: &Plan, code: Code) -> impl Iterator<Item = &Diagnostic> {
    plan.diagnostics
        .iter()
        .filter(move |d| d.code == code)
        .filter(move |d| {
            holds_values(d)
                || row_entry(plan, d).is_none_or(|entry| match code {
                    Code::WeightMissing | Code::WeightUnparsed => {
                        entry.weight.is_none() && entry.weights_by_head.is_empty()
                    }
                    Code::DueUnparsed => entry.due.as_ref().is_none_or(|due| due.date.is_none()),
                    _ => true,
                })
        })
}

/// The row a diagnostic names by its structure and number, the one whose
/// lines hold the diagnostic's line when several share the number or when
/// it names no number.
fn row_entry<'p>(plan: &'p Plan, diagnostic: &Diagnostic) -> Option<&'p Entry> {
    let number = diagnostic.number.as_deref();
    let named: Vec<&Entry> = plan
        .structures
        .iter()
        .filter(|structure| diagnostic.structure.is_none_or(|s| s == structure.ordinal))
        .flat_map(|structure| &structure.objectives)
        .flat_map(|objective| std::iter::once(&objective.entry).chain(&objective.phases))
        .filter(|entry| number.is_none_or(|number| entry.number == number))
        .collect();
    let holds_line = |entry: &&&Entry| {
        diagnostic.line.is_some_and(|line| {
            entry.page == diagnostic.page && (entry.lines.0..=entry.lines.1).contains(&line)
        })
    };
    match named.as_slice() {
        [one] if number.is_some() => Some(one),
        _ => named.iter().find(holds_line).copied(),
    }
}

/// Groups of weights reported off 100 (`weight-sum`, `phase-weight-sum`)
/// although every weight of the group was read: a missing weight is its own
/// reason, and the sum it leaves short says nothing more.
fn weight_sums_off(plan: &Plan) -> Finding {
    let structure = |ordinal: Option<u32>| {
        plan.structures
            .iter()
            .find(|structure| Some(structure.ordinal) == ordinal)
    };
    let groups: Vec<Vec<&Entry>> = plan
        .diagnostics
        .iter()
        .filter_map(|d| match d.code {
            // A group the plan no longer holds counts, with no rows to weigh.
            Code::WeightSum => Some(
                structure(d.structure)
                    .map(|structure| structure.objectives.iter().map(|o| &o.entry).collect())
                    .unwrap_or_default(),
            ),
            Code::PhaseWeightSum => Some(
                structure(d.structure)
                    .and_then(|structure| {
                        structure
                            .objectives
                            .iter()
                            .find(|o| Some(o.entry.number.as_str()) == d.number.as_deref())
                    })
                    .map(|objective| objective.phases.iter().collect())
                    .unwrap_or_default(),
            ),
            _ => None,
        })
        .filter(|group: &Vec<&Entry>| all_weighted(group.iter().copied()))
        .collect();
    Finding {
        misplaced: count(groups.iter().map(|group| misplaced_by_sum(group)).sum()),
        ..finding(ReasonCode::WeightSums, count(groups.len()))
    }
}

/// How many rows of a group whose weights do not add up its sum shows
/// read from another group, or lost to one: as many as the share of the
/// larger of its sum and 100 that the two differ by, rounded down (ten
/// rows adding up to 200% hold five of another group's; one weight
/// misread shows as less than a row). Weight matrices, whose rows weigh
/// under several heads, show none.
fn misplaced_by_sum(group: &[&Entry]) -> usize {
    let sum: f64 = group.iter().filter_map(|entry| entry.weight).sum();
    if group.iter().any(|entry| entry.weight.is_none()) || sum <= 0.0 {
        return 0;
    }
    let share = (sum - 100.0).abs() / sum.max(100.0);
    // The share of rows, at most the group's rows: a float of a few dozen
    // rows at most, cut to whole rows.
    (share * group.len() as f64).floor() as usize
}

/// Whether every row of a group has its weight read (or its weights by head).
fn all_weighted<'e>(mut entries: impl Iterator<Item = &'e Entry>) -> bool {
    entries.all(|entry| entry.weight.is_some() || !entry.weights_by_head.is_empty())
}

/// Rows whose number breaks the sequence: those the reader reports
/// (`number-sequence`), but for phases lettered on their own ("a)", "b)"
/// under objective 1, then "a)" again under objective 2) in their place
/// among their objective's phases: such a code never extends the
/// objective's, and the reader raises `number-sequence` at each while
/// reading it right. And a phase whose number does not extend its
/// objective's ("9.2.11" under objective 10: an objective's row read one
/// level down), with every row after it in its structure: their numbers
/// follow from a row read at the wrong level, so they are off too. And the
/// rows whose labels count otherwise than their numbers ([`renumbered_rows`]:
/// a row lost or read twice above them).
fn numbering_broken(plan: &Plan) -> u32 {
    let mut lines: BTreeSet<(Option<u32>, Option<u32>)> = BTreeSet::new();
    let mut unlocated = 0;
    let reported = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NumberSequence)
        .filter(|d| !is_lettered_phase_in_place(plan, d));
    for diagnostic in reported {
        if diagnostic.line.is_some() {
            lines.insert((diagnostic.page, diagnostic.line));
        } else {
            unlocated += 1;
        }
    }
    for structure in &plan.structures {
        let rows: Vec<(&Entry, bool)> = structure
            .objectives
            .iter()
            .flat_map(|objective| {
                let own = format!("{}.", objective.entry.number);
                std::iter::once((&objective.entry, false)).chain(
                    objective
                        .phases
                        .iter()
                        .map(move |phase| (phase, !phase.number.starts_with(&own))),
                )
            })
            .collect();
        if let Some(first) = rows.iter().position(|&(_, misplaced)| misplaced) {
            lines.extend(
                rows[first..]
                    .iter()
                    .map(|(entry, _)| (entry.page, Some(entry.lines.0))),
            );
        }
    }
    lines.extend(
        renumbered_rows(plan)
            .iter()
            .map(|entry| (entry.page, Some(entry.lines.0))),
    );
    count(lines.len() + unlocated)
}

/// Whether `diagnostic` is at a phase whose code is a lone letter ("b)",
/// "b.", "b") that is its place among its objective's phases (the second).
fn is_lettered_phase_in_place(plan: &Plan, diagnostic: &Diagnostic) -> bool {
    let Some(line) = diagnostic.line else {
        return false;
    };
    let phases = plan
        .structures
        .iter()
        .filter(|structure| diagnostic.structure.is_none_or(|s| s == structure.ordinal))
        .flat_map(|structure| &structure.objectives)
        .flat_map(|objective| objective.phases.iter().enumerate());
    phases
        .filter(|(_, phase)| phase.lines.0 == line && phase.page == diagnostic.page)
        .any(|(place, phase)| {
            phase
                .code
                .as_deref()
                .and_then(letter_ordinal)
                .is_some_and(|ordinal| ordinal == place + 1)
        })
}

/// Rows whose description is only a row number or a lone letter ("2",
/// "b)"): the row's code was taken for its description, where a table
/// without a header was read by content, and the description went to
/// another field.
fn descriptions_only_code(plan: &Plan) -> usize {
    plan.structures
        .iter()
        .flat_map(|structure| &structure.objectives)
        .flat_map(|objective| std::iter::once(&objective.entry).chain(&objective.phases))
        .filter(|entry| {
            let text = entry.description.trim();
            parse_row_number(text).is_some() || letter_ordinal(text).is_some()
        })
        .count()
}

/// The ordinal of a lone letter code: "a)" 1, "b." 2, "c" 3.
fn letter_ordinal(code: &str) -> Option<usize> {
    let letter = code.trim().trim_end_matches([')', '.']);
    let mut chars = letter.chars();
    let first = chars.next()?.to_ascii_lowercase();
    (chars.next().is_none() && first.is_ascii_lowercase())
        .then(|| usize::from(first as u8 - b'a') + 1)
}

/// Longest note a due cell keeps beside its date before it reads as text
/// of other columns run into it: notes say "di ogni anno", "(salvo
/// proroga)", "dal 30.06.2022"; on generated layouts read right none is
/// longer than 60 characters.
const DUE_NOTE_MAX_CHARS: usize = 60;

/// Rows whose due note is longer than [`DUE_NOTE_MAX_CHARS`].
fn dues_overrun(plan: &Plan) -> u32 {
    let rows = plan
        .structures
        .iter()
        .flat_map(|structure| &structure.objectives)
        .flat_map(|objective| std::iter::once(&objective.entry).chain(&objective.phases));
    let overrun = rows
        .filter_map(|entry| entry.due.as_ref()?.note.as_deref())
        .filter(|note| note.chars().count() > DUE_NOTE_MAX_CHARS);
    count(overrun.count())
}

/// Rows with no due date where other rows of the same level (objectives, or
/// phases) in their structure have one: their table has a due column, and
/// the row's cell was empty or lost. Light where none of the row's text
/// fields holds a date either: a due lost from its cell lands in another
/// cell of the row (glued to a description, read into a target), so a row
/// that holds no date anywhere most often had none printed, as plans leave
/// a due cell blank for work without a deadline.
fn dues_missing(plan: &Plan) -> Finding {
    let missing: Vec<&Entry> = plan.structures.iter().flat_map(dues_missing_in).collect();
    let undated = missing.iter().filter(|entry| !holds_a_date(entry)).count();
    Finding {
        light: count(undated),
        ..finding(ReasonCode::DuesMissing, count(missing.len()))
    }
}

/// The rows of `structure` without a due, of each level where another row
/// has one.
fn dues_missing_in(structure: &Structure) -> Vec<&Entry> {
    let objectives: Vec<&Entry> = structure.objectives.iter().map(|o| &o.entry).collect();
    let phases: Vec<&Entry> = structure
        .objectives
        .iter()
        .flat_map(|o| &o.phases)
        .collect();
    [objectives, phases]
        .into_iter()
        .filter(|level| level.iter().any(|entry| entry.due.is_some()))
        .flat_map(|level| level.into_iter().filter(|entry| entry.due.is_none()))
        .collect()
}

/// Whether one of the row's text fields holds a date the due grammar reads.
fn holds_a_date(entry: &Entry) -> bool {
    [
        Some(&entry.description),
        entry.indicators.as_ref(),
        entry.expected.as_ref(),
        entry.responsible.as_ref(),
        entry.achievement_note.as_ref(),
    ]
    .into_iter()
    .flatten()
    .any(|text| parse_due(text, None).due.date.is_some())
}

/// The objectives of each structure none of whose objectives has a due,
/// where other structures' objectives have one: the plan's tables have a
/// due column, and that structure's dues were lost whole (a due glued into
/// the cell before it, one space apart).
fn dues_lost(plan: &Plan) -> u32 {
    let dated = |structure: &Structure| {
        structure
            .objectives
            .iter()
            .any(|objective| objective.entry.due.is_some())
    };
    if !plan.structures.iter().any(dated) {
        return 0;
    }
    let lost: usize = plan
        .structures
        .iter()
        .filter(|structure| !dated(structure))
        .map(|structure| structure.objectives.len())
        .sum();
    count(lost)
}

#[cfg(test)]
mod tests;
